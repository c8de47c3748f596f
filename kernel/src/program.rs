//! Programs: from the bytes of a file to a command ready to instantiate.
//!
//! A program is loaded once per kernel run (kept here by content hash, with its
//! `CommandPre`, so spawning it again is only an instantiation) and compiled once per
//! machine: `/bin` when wasmix is built, others on their first run (see `tier`), the
//! optimised artifact going to the on-disk cache.

use crate::cache::ArtifactCache;
use crate::precompiled::Precompiled;
use crate::proc::ProcessCtx;
use crate::progress::CompileProgress;
use crate::tier::{Tier, TierUp};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::fmt;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, Once, OnceLock};
use std::time::Instant;
use wasmtime::component::Component;
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
    /// The engine it was compiled for, which its processes' stores belong to.
    pub engine: Engine,
    /// Whether its code is the optimising compiler's (else an optimised artifact may be
    /// in the cache by the next spawn).
    pub optimized: bool,
    /// The same code under the engine of the second pool, once a process there needs it.
    outside_pool: OnceLock<Arc<Program>>,
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
}

impl fmt::Display for ExecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExecError::NotWasm => write!(f, "not a WebAssembly program"),
            ExecError::Invalid(why) => write!(f, "invalid WebAssembly: {why}"),
            ExecError::Unlinkable(why) => write!(f, "{why}"),
            ExecError::NoRunExport => write!(f, "does not export wasi:cli/run"),
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

/// What a program is, and the name its compiled artifact is kept under: the SHA-256 of
/// its bytes (core modules apart from components of the same bytes, which an older wasmix
/// made).
fn identify(bytes: &[u8], sha256: Option<&str>) -> Result<(Kind, String), ExecError> {
    let hash = sha256.map_or_else(|| hex(&Sha256::digest(bytes)), str::to_string);
    match bytes.get(4..8) {
        _ if !bytes.starts_with(WASM_MAGIC) => Err(ExecError::NotWasm),
        Some(v) if v == COMPONENT_LAYER => Ok((Kind::Component, hash)),
        Some(v) if v == CORE_MODULE_VERSION => Ok((Kind::CoreModule, format!("{hash}-core"))),
        _ => Err(ExecError::Invalid("unknown WebAssembly version".into())),
    }
}

/// A component from an artifact embedded in the binary: in place when it lies on a page
/// boundary (see `code_pages.rs`), else copied.
///
/// # Safety
/// `artifact` was made by this wasmtime, as `Component::deserialize` requires.
unsafe fn load_built_in(engine: &Engine, artifact: &'static [u8]) -> wasmtime::Result<Component> {
    if artifact
        .as_ptr()
        .addr()
        .is_multiple_of(crate::code_pages::CodePages::page_size())
    {
        // SAFETY: as above; the bytes are static and never written.
        unsafe { Component::deserialize_raw(engine, std::ptr::NonNull::from(artifact)) }
    } else {
        // SAFETY: as above.
        unsafe { Component::deserialize(engine, artifact) }
    }
}

/// Where a loaded program is kept: empty until its first load is done.
type Slot = Mutex<Option<Arc<Program>>>;

/// Makes an engine the kernel may never need, when it first does.
pub type TierFactory = Box<dyn Fn() -> wasmtime::Result<Tier> + Send + Sync>;

/// An engine made on first use: each costs a third of a millisecond of boot, and most
/// sessions run only `/bin`'s built-in code in the first pool.
pub struct LazyTier {
    factory: TierFactory,
    tier: OnceLock<Result<Tier, String>>,
}

impl LazyTier {
    pub fn new(factory: TierFactory) -> LazyTier {
        LazyTier {
            factory,
            tier: OnceLock::new(),
        }
    }

    /// The engine, or why it could not be made.
    fn get(&self) -> Result<&Tier, String> {
        let made = self
            .tier
            .get_or_init(|| (self.factory)().map_err(|e| format!("{e:#}")));
        made.as_ref().map_err(String::clone)
    }
}

/// The optimising tier with `/bin`'s code built in for its engine.
pub struct Optimizing {
    tier: Tier,
    precompiled: Option<Precompiled>,
}

impl Optimizing {
    pub fn new(tier: Tier) -> Self {
        let precompiled = Precompiled::for_engine(&tier.engine);
        Optimizing { tier, precompiled }
    }
}

/// A value made on a thread of its own from boot on, waited for where it is first
/// needed: an engine and its first pool take more than a millisecond, in which the rest of
/// the kernel and the shell start.
pub struct Awaited<T> {
    made: OnceLock<Result<T, String>>,
    /// The value as its thread hands it over: received as soon as it is made, without
    /// waiting for the thread to end.
    making: Mutex<Option<std::sync::mpsc::Receiver<Result<T, String>>>>,
}

impl<T: Send + 'static> Awaited<T> {
    pub fn start(
        name: &str,
        make: impl FnOnce() -> Result<T, String> + Send + 'static,
    ) -> std::io::Result<Awaited<T>> {
        let (made, making) = std::sync::mpsc::sync_channel(1);
        std::thread::Builder::new()
            .name(name.into())
            .spawn(move || {
                // Nobody is left to receive it when the kernel was dropped before its first spawn.
                let _ = made.send(make());
            })?;
        Ok(Awaited {
            made: OnceLock::new(),
            making: Mutex::new(Some(making)),
        })
    }

    /// The value, or why it could not be made.
    pub fn get(&self) -> Result<&T, String> {
        let made = self.made.get_or_init(|| match lock(&self.making).take() {
            Some(making) => making
                .recv()
                .unwrap_or_else(|_| Err("its thread ended before making it".into())),
            None => Err("it was never started".into()),
        });
        made.as_ref().map_err(String::clone)
    }
}

pub struct ProgramLoader {
    optimizing: Awaited<Optimizing>,
    /// Whether the optimising engine was checked against `/bin`'s code (see `optimizing`).
    checked_built_in: Once,
    /// The on-disk cache of code the optimising engine compiled, opened when first needed:
    /// a session that runs only `/bin` never touches it.
    cache_dir: Option<PathBuf>,
    disk: OnceLock<Option<ArtifactCache>>,
    /// Optimised code for processes beyond the first pool: the optimising engine's
    /// settings, with the second pool (made when the first one is full).
    outside_pool: Option<LazyTier>,
    /// Where first runs are compiled, when optimising compiles can go on elsewhere.
    baseline: Option<(LazyTier, TierUp)>,
    time_slicing: bool,
    /// By artifact key; each slot is locked while its program compiles, so two stages of
    /// a pipeline never compile the same program twice, and different ones compile at once.
    loaded: Mutex<HashMap<String, Arc<Slot>>>,
    trace: bool,
}

impl ProgramLoader {
    pub fn new(
        optimizing: Awaited<Optimizing>,
        cache_dir: Option<PathBuf>,
        outside_pool: Option<LazyTier>,
        baseline: Option<(LazyTier, TierUp)>,
        time_slicing: bool,
        trace: bool,
    ) -> ProgramLoader {
        ProgramLoader {
            optimizing,
            checked_built_in: Once::new(),
            cache_dir,
            disk: OnceLock::new(),
            outside_pool,
            baseline,
            time_slicing,
            loaded: Mutex::new(HashMap::new()),
            trace,
        }
    }

    fn optimizing(&self) -> Result<&Optimizing, ExecError> {
        let optimizing = self.optimizing.get().map_err(ExecError::Unlinkable)?;
        self.checked_built_in.call_once(|| {
            if self.trace && self.time_slicing && optimizing.precompiled.is_none() {
                eprintln!("wasmix: /bin was compiled for other engine settings; compiling it here");
            }
        });
        Ok(optimizing)
    }

    /// The on-disk cache, opened (and made) on first use.
    fn disk(&self, optimizing: &Optimizing) -> Option<&ArtifactCache> {
        self.disk
            .get_or_init(|| {
                let dir = self.cache_dir.as_ref()?;
                ArtifactCache::new(dir, &optimizing.tier.engine)
            })
            .as_ref()
    }

    /// Prepares the program stored at `path` with contents `bytes` (whose SHA-256, in hex,
    /// is `sha256` when the build computed it).
    pub fn load(
        &self,
        path: &str,
        bytes: &[u8],
        sha256: Option<&str>,
    ) -> Result<Arc<Program>, ExecError> {
        let (kind, key) = identify(bytes, sha256)?;
        let slot = lock(&self.loaded).entry(key.clone()).or_default().clone();
        let mut slot = lock(&slot);
        if let Some(program) = &*slot {
            if program.optimized {
                return Ok(program.clone());
            }
            // The optimising compile may have finished since.
            if let Some(optimized) = self.cached(kind, &key, bytes) {
                *slot = Some(optimized.clone());
                return Ok(optimized);
            }
            return Ok(program.clone());
        }
        let program = self.compile(path, kind, &key, bytes)?;
        *slot = Some(program.clone());
        Ok(program)
    }

    /// The program as a process beyond the first pool runs it: optimised code moves to the
    /// second pool's engine (the same settings, so the same code, serialized and loaded
    /// there once); the baseline engine's code is not pooled and stays.
    pub fn outside_pool(&self, program: &Arc<Program>) -> Result<Arc<Program>, ExecError> {
        let Some(tier) = &self.outside_pool else {
            return Ok(program.clone());
        };
        if !program.optimized {
            return Ok(program.clone());
        }
        if let Some(moved) = program.outside_pool.get() {
            return Ok(moved.clone());
        }
        let tier = tier.get().map_err(ExecError::Unlinkable)?;
        let invalid = |e: wasmtime::Error| ExecError::Invalid(format!("{e:#}"));
        // SAFETY (both): the bytes were serialized by this wasmtime a moment ago, from
        // code compiled with the same settings.
        let moved = match &program.entry {
            Entry::Command(pre) => {
                let bytes = pre
                    .instance_pre()
                    .component()
                    .serialize()
                    .map_err(invalid)?;
                let component = unsafe { Component::deserialize(&tier.engine, &bytes) };
                prepare_as(tier, component.map_err(invalid)?, program)?
            }
            Entry::Preview1(pre) => {
                let bytes = pre.module().serialize().map_err(invalid)?;
                let module = unsafe { Module::deserialize(&tier.engine, &bytes) };
                prepare_as(tier, module.map_err(invalid)?, program)?
            }
        };
        Ok(program.outside_pool.get_or_init(|| moved).clone())
    }

    /// The optimised program kept in the cache, if any.
    fn cached(&self, kind: Kind, key: &str, bytes: &[u8]) -> Option<Arc<Program>> {
        let optimizing = self.optimizing().ok()?;
        let (tier, disk) = (&optimizing.tier, self.disk(optimizing)?);
        let engine = &tier.engine;
        let prepared = match kind {
            Kind::Component => prepare(tier, disk.load::<Component>(engine, key)?, bytes, true),
            Kind::CoreModule => prepare(tier, disk.load::<Module>(engine, key)?, bytes, true),
        };
        prepared.ok()
    }

    /// The program built in, from the cache, or compiled now: by the baseline compiler
    /// when an optimising compile can go on elsewhere (true when the code is optimised).
    fn compile(
        &self,
        path: &str,
        kind: Kind,
        key: &str,
        bytes: &[u8],
    ) -> Result<Arc<Program>, ExecError> {
        let optimizing = self.optimizing()?;
        let tier = &optimizing.tier;
        if let Some(artifact) = optimizing
            .precompiled
            .as_ref()
            .and_then(|p| p.artifact(key))
        {
            // SAFETY: the artifact was made by this wasmtime at build time and embedded in
            // this binary; wasmtime checks its header and engine settings too.
            match unsafe { load_built_in(&tier.engine, artifact) } {
                Ok(component) => return prepare(tier, component, bytes, true),
                Err(e) => eprintln!("wasmix: built-in {path} cannot be used ({e}); compiling it"),
            }
        }
        if let Some(program) = self.cached(kind, key, bytes) {
            return Ok(program);
        }
        let started = Instant::now();
        let progress = CompileProgress::start(path, bytes.len());
        let mut refused_by_baseline = None;
        // First runs go to the baseline compiler only when the optimising compile has a
        // cache to go to.
        if let Some((baseline, tier_up)) = self
            .baseline
            .as_ref()
            .filter(|_| self.disk(optimizing).is_some())
        {
            match baseline
                .get()
                .and_then(|tier| Ok((tier, Compiled::new(&tier.engine, kind, bytes)?)))
            {
                Ok((baseline, compiled)) => {
                    drop(progress);
                    let program = compiled.prepare(baseline, bytes, false)?;
                    self.traced(path, started, " by the baseline compiler");
                    if let Err(e) = tier_up.start(self.time_slicing, bytes) {
                        eprintln!("wasmix: {path}: cannot start optimising it: {e}");
                    }
                    return Ok(program);
                }
                Err(why) => refused_by_baseline = Some(why),
            }
        }
        let compiled = Compiled::new(&tier.engine, kind, bytes);
        drop(progress);
        let compiled = compiled.map_err(ExecError::Invalid)?;
        if let Some(why) = refused_by_baseline {
            eprintln!(
                "wasmix: {path}: compiled by the optimising compiler only: the baseline compiler cannot ({why})"
            );
        }
        self.traced(path, started, "");
        if let Some(disk) = self.disk(optimizing)
            && let Err(e) = compiled.store(disk, key)
        {
            eprintln!("wasmix: cannot keep compiled {path} in the cache: {e}");
        }
        compiled.prepare(tier, bytes, true)
    }

    fn traced(&self, path: &str, started: Instant, how: &str) {
        if self.trace {
            eprintln!(
                "wasmix: compiled {path}{how} in {} ms",
                started.elapsed().as_millis()
            );
        }
    }
}

/// A compiled program of either kind.
enum Compiled {
    Component(Component),
    Module(Module),
}

impl Compiled {
    fn new(engine: &Engine, kind: Kind, bytes: &[u8]) -> Result<Compiled, String> {
        match kind {
            Kind::Component => Component::new(engine, bytes).map(Compiled::Component),
            Kind::CoreModule => Module::new(engine, bytes).map(Compiled::Module),
        }
        .map_err(|e| format!("{:#}", e.root_cause()))
    }

    fn store(&self, disk: &ArtifactCache, key: &str) -> std::io::Result<()> {
        match self {
            Compiled::Component(component) => disk.store(key, component),
            Compiled::Module(module) => disk.store(key, module),
        }
    }

    fn prepare(
        self,
        tier: &Tier,
        bytes: &[u8],
        optimized: bool,
    ) -> Result<Arc<Program>, ExecError> {
        match self {
            Compiled::Component(component) => prepare(tier, component, bytes, optimized),
            Compiled::Module(module) => prepare(tier, module, bytes, optimized),
        }
    }
}

/// Compiles a program with `engine` and keeps it in `cache` (`wasmix --tier-up`).
pub fn compile_into_cache(
    engine: &Engine,
    cache: &ArtifactCache,
    bytes: &[u8],
) -> Result<(), String> {
    let (kind, key) = identify(bytes, None).map_err(|e| e.to_string())?;
    Compiled::new(engine, kind, bytes)?
        .store(cache, &key)
        .map_err(|e| e.to_string())
}

/// A compiled program, linked to the kernel's calls and ready to instantiate.
trait Prepare {
    fn entry(self, tier: &Tier) -> Result<Entry, ExecError>;
}

impl Prepare for Component {
    fn entry(self, tier: &Tier) -> Result<Entry, ExecError> {
        let pre = tier
            .linker
            .instantiate_pre(&self)
            .map_err(|e| ExecError::Unlinkable(format!("{e:#}")))?;
        Ok(Entry::Command(
            CommandPre::new(pre).map_err(|_| ExecError::NoRunExport)?,
        ))
    }
}

impl Prepare for Module {
    fn entry(self, tier: &Tier) -> Result<Entry, ExecError> {
        let pre = tier
            .module_linker()
            .and_then(|linker| linker.instantiate_pre(&self))
            .map_err(|e| ExecError::Unlinkable(format!("{e:#}")))?;
        Ok(Entry::Preview1(pre))
    }
}

fn prepare(
    tier: &Tier,
    compiled: impl Prepare,
    bytes: &[u8],
    optimized: bool,
) -> Result<Arc<Program>, ExecError> {
    let entry = compiled.entry(tier)?;
    let enters_cwd =
        matches!(entry, Entry::Command(_)) && has_custom_section(bytes, ENTERS_CWD_SECTION);
    Ok(Arc::new(Program {
        entry,
        engine: tier.engine.clone(),
        optimized,
        outside_pool: OnceLock::new(),
        enters_cwd,
    }))
}

/// `like` under another tier's engine.
fn prepare_as(
    tier: &Tier,
    compiled: impl Prepare,
    like: &Program,
) -> Result<Arc<Program>, ExecError> {
    Ok(Arc::new(Program {
        entry: compiled.entry(tier)?,
        engine: tier.engine.clone(),
        optimized: like.optimized,
        outside_pool: OnceLock::new(),
        enters_cwd: like.enters_cwd,
    }))
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Whether a custom section of that name is anywhere in the program, nested modules
/// included. Code sections are stepped over whole: walking their function bodies was most
/// of the time it took.
fn has_custom_section(bytes: &[u8], name: &str) -> bool {
    use wasmparser::{Chunk, Parser, Payload};
    let (mut parser, mut rest) = (Parser::new(0), bytes);
    let mut enclosing = Vec::new();
    loop {
        let Ok(Chunk::Parsed { consumed, payload }) = parser.parse(rest, true) else {
            return false;
        };
        rest = &rest[consumed..];
        match payload {
            Payload::CustomSection(section) if section.name() == name => return true,
            Payload::CodeSectionStart { size, .. } => {
                parser.skip_section();
                let Some(after) = rest.get(size as usize..) else {
                    return false;
                };
                rest = after;
            }
            Payload::ModuleSection { parser: nested, .. }
            | Payload::ComponentSection { parser: nested, .. } => {
                enclosing.push(std::mem::replace(&mut parser, nested))
            }
            Payload::End(_) => match enclosing.pop() {
                Some(outer) => parser = outer,
                None => return false,
            },
            _ => {}
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
