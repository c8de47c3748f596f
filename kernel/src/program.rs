//! Programs: from the bytes of a file to a command ready to instantiate.
//!
//! A program is compiled once per kernel run (kept here by content hash, with its
//! `CommandPre`, so spawning it again is only an instantiation) and once per machine (the
//! compiled artifact goes to the on-disk cache).

use crate::cache::{Artifact, ArtifactCache};
use crate::proc::ProcessCtx;
use crate::progress::CompileProgress;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::Instant;
use wasmtime::component::{Component, Linker};
use wasmtime::{Engine, InstancePre, Module};
use wasmtime_wasi::p2::bindings::CommandPre;

/// How a program starts.
pub enum Entry {
    /// A component, through `wasi:cli/run`.
    Command(CommandPre<ProcessCtx>),
    /// A preview 1 core module, through `_start`, with the kernel's preview 1 calls.
    Preview1(InstancePre<ProcessCtx>),
}

pub struct Program {
    pub entry: Entry,
    /// Whether the program enters its working directory itself, from WASI's
    /// `initial-cwd` (wasmix userland does, and says so with a custom section). Others get their working directory bound in
    /// front of `/` instead: see `Kernel::spawn`.
    pub enters_cwd: bool,
}

/// The custom section by which a program says it enters its working directory itself.
pub const ENTERS_CWD_SECTION: &str = "wasmix:enters-cwd";

/// Why a file cannot be run. Shown as `wasmix: PATH: cannot execute: REASON`, status 126.
#[derive(Debug)]
pub enum ExecError {
    NotWasm,
    Invalid(String),
    Unlinkable(String),
    NoRunExport,
    NoStartExport,
}

impl fmt::Display for ExecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExecError::NotWasm => write!(f, "not a WebAssembly program"),
            ExecError::Invalid(why) => write!(f, "invalid WebAssembly: {why}"),
            ExecError::Unlinkable(why) => write!(f, "{why}"),
            ExecError::NoRunExport => write!(f, "does not export wasi:cli/run"),
            ExecError::NoStartExport => write!(f, "does not export _start"),
        }
    }
}

const WASM_MAGIC: &[u8] = b"\0asm";
const COMPONENT_LAYER: [u8; 4] = [0x0d, 0x00, 0x01, 0x00];
const CORE_MODULE_VERSION: [u8; 4] = [0x01, 0x00, 0x00, 0x00];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Component,
    /// A WASI preview 1 core module.
    CoreModule,
}

pub struct ProgramLoader {
    engine: Engine,
    linker: Linker<ProcessCtx>,
    /// The preview 1 calls, for core modules.
    module_linker: wasmtime::Linker<ProcessCtx>,
    disk: Option<ArtifactCache>,
    loaded: Mutex<HashMap<String, Arc<Program>>>,
    trace: bool,
}

impl ProgramLoader {
    pub fn new(
        engine: Engine,
        linker: Linker<ProcessCtx>,
        module_linker: wasmtime::Linker<ProcessCtx>,
        disk: Option<ArtifactCache>,
        trace: bool,
    ) -> ProgramLoader {
        ProgramLoader {
            engine,
            linker,
            module_linker,
            disk,
            loaded: Mutex::new(HashMap::new()),
            trace,
        }
    }

    /// Prepares the program stored at `path` with contents `bytes`.
    pub fn load(&self, path: &str, bytes: &[u8]) -> Result<Arc<Program>, ExecError> {
        let hash = hex(&Sha256::digest(bytes));
        // Held while compiling, so two stages of one pipeline never compile the same program.
        let mut loaded = self
            .loaded
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(program) = loaded.get(&hash) {
            return Ok(program.clone());
        }
        let kind = match bytes.get(4..8) {
            _ if !bytes.starts_with(WASM_MAGIC) => return Err(ExecError::NotWasm),
            Some(v) if v == COMPONENT_LAYER => Kind::Component,
            Some(v) if v == CORE_MODULE_VERSION => Kind::CoreModule,
            _ => return Err(ExecError::Invalid("unknown WebAssembly version".into())),
        };
        let entry = match kind {
            Kind::Component => {
                let component = self.compile(path, &hash, bytes.len(), || {
                    Component::new(&self.engine, bytes)
                })?;
                let pre = self
                    .linker
                    .instantiate_pre(&component)
                    .map_err(|e| ExecError::Unlinkable(format!("{e:#}")))?;
                Entry::Command(CommandPre::new(pre).map_err(|_| ExecError::NoRunExport)?)
            }
            Kind::CoreModule => {
                // Kept apart from components of the same bytes, which an older wasmix made.
                let key = format!("{hash}-core");
                let module =
                    self.compile(path, &key, bytes.len(), || Module::new(&self.engine, bytes))?;
                if !matches!(
                    module.get_export("_start"),
                    Some(wasmtime::ExternType::Func(_))
                ) {
                    return Err(ExecError::NoStartExport);
                }
                let pre = self
                    .module_linker
                    .instantiate_pre(&module)
                    .map_err(|e| ExecError::Unlinkable(format!("{e:#}")))?;
                Entry::Preview1(pre)
            }
        };
        let enters_cwd = kind == Kind::Component && has_custom_section(bytes, ENTERS_CWD_SECTION);
        let program = Arc::new(Program { entry, enters_cwd });
        loaded.insert(hash, program.clone());
        Ok(program)
    }

    /// The compiled program, from the disk cache or compiled now (and kept there).
    fn compile<T: Artifact>(
        &self,
        path: &str,
        key: &str,
        size: usize,
        compile: impl FnOnce() -> wasmtime::Result<T>,
    ) -> Result<T, ExecError> {
        if let Some(program) = self.disk.as_ref().and_then(|d| d.load(&self.engine, key)) {
            return Ok(program);
        }
        let started = Instant::now();
        let progress = CompileProgress::start(path, size);
        let compiled = compile();
        drop(progress);
        let program = compiled.map_err(|e| ExecError::Invalid(format!("{:#}", e.root_cause())))?;
        if self.trace {
            eprintln!(
                "wasmix: compiled {path} in {} ms",
                started.elapsed().as_millis()
            );
        }
        if let Some(disk) = &self.disk
            && let Err(e) = disk.store(key, &program)
        {
            eprintln!("wasmix: cannot keep compiled {path} in the cache: {e}");
        }
        Ok(program)
    }
}

/// Whether a custom section of that name is anywhere in the program, nested modules
/// included.
fn has_custom_section(bytes: &[u8], name: &str) -> bool {
    wasmparser::Parser::new(0)
        .parse_all(bytes)
        .any(|payload| match payload {
            Ok(wasmparser::Payload::CustomSection(section)) => section.name() == name,
            _ => false,
        })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
