//! Compiler tiers. `/bin` is compiled when wasmix is built (`precompiled`), and a program
//! found in the cache runs its optimised artifact. A program seen for the first time is
//! compiled by the baseline compiler (Winch, several times faster to compile than
//! Cranelift, its code slower) and runs at once, while a separate `wasmix --tier-up`
//! process, at low priority, compiles it with Cranelift into the cache, where the next
//! spawn finds it. Being a process of its own, the optimising compile outlives a short
//! `wasmix run`: the next run has the optimised code all the same.

use crate::cache::ArtifactCache;
use crate::engine::{self, Compiler};
use crate::proc::ProcessCtx;
use std::io::Write;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use wasmtime::Engine;
use wasmtime::component::Linker;

/// An engine and the linkers that give programs compiled under it the kernel's calls.
pub struct Tier {
    pub engine: Engine,
    pub linker: Linker<ProcessCtx>,
    /// The preview 1 calls, for core modules: made when the first one runs, since most
    /// sessions run none and it costs every boot a tenth of a millisecond or more.
    module_linker: OnceLock<wasmtime::Linker<ProcessCtx>>,
}

impl Tier {
    pub fn new(engine: Engine) -> wasmtime::Result<Tier> {
        let mut linker = Linker::new(&engine);
        // Includes wasi:cli/exit.exit-with-code (stable since WASI 0.2.12), which is how
        // userland reports statuses other than 0 and 1.
        wasmtime_wasi::p2::add_to_linker_async(&mut linker)?;
        crate::wasi_fs::add_to_linker(&mut linker)?;
        crate::process_api::add_to_linker(&mut linker)?;
        crate::terminal::add_to_linker(&mut linker)?;
        Ok(Tier {
            engine,
            linker,
            module_linker: OnceLock::new(),
        })
    }

    /// The linker for core modules (preview 1 programs).
    pub fn module_linker(&self) -> wasmtime::Result<&wasmtime::Linker<ProcessCtx>> {
        if let Some(linker) = self.module_linker.get() {
            return Ok(linker);
        }
        let mut linker = wasmtime::Linker::new(&self.engine);
        crate::preview1::add_to_linker(&mut linker)?;
        Ok(self.module_linker.get_or_init(|| linker))
    }
}

/// Which engine a tier-up compiles for: the shell's (with time slicing) or `wasmix run`'s.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum TierUpFor {
    Shell,
    Run,
}

/// How the kernel starts optimising compiles: this `wasmix` executable, into this cache.
#[derive(Clone, Debug)]
pub struct TierUp {
    pub executable: PathBuf,
    pub cache_dir: PathBuf,
}

impl TierUp {
    /// Starts `wasmix --tier-up` on `bytes` (written to its standard input) and leaves it
    /// running; a thread reaps it when it ends.
    pub fn start(&self, time_slicing: bool, bytes: &[u8]) -> std::io::Result<()> {
        let target = if time_slicing { "shell" } else { "run" };
        let mut child = Command::new(&self.executable)
            .arg("--cache-dir")
            .arg(&self.cache_dir)
            .args(["--tier-up", target])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            // Not in the terminal's foreground group: a Ctrl-C is not meant for it.
            .process_group(0)
            .spawn()?;
        if let Some(mut input) = child.stdin.take() {
            input.write_all(bytes)?;
        }
        std::thread::Builder::new()
            .name("wasmix-tier-up".into())
            .spawn(move || child.wait())?;
        Ok(())
    }
}

/// `wasmix --tier-up`: compiles the program on standard input with the optimising
/// compiler, for the engine `target` names, into the cache at `cache_dir`.
pub fn tier_up(target: TierUpFor, cache_dir: &Path, bytes: &[u8]) -> Result<(), String> {
    // SAFETY: setpriority only changes this process's scheduling priority.
    unsafe { libc::setpriority(libc::PRIO_PROCESS, 0, 10) };
    let time_slicing = target == TierUpFor::Shell;
    let engine = engine::new_engine(Compiler::Optimizing, time_slicing, None, None)
        .map_err(|e| format!("{e:#}"))?;
    let cache = ArtifactCache::new(cache_dir, &engine).ok_or("no usable cache")?;
    crate::program::compile_into_cache(&engine, &cache, bytes)
}
