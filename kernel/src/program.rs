//! Programs: from the bytes of a file to a command ready to instantiate.
//!
//! A program is compiled once per kernel run (kept here by content hash, with its
//! `CommandPre`, so spawning it again is only an instantiation) and once per machine (the
//! compiled artifact goes to the on-disk cache).

use crate::cache::ArtifactCache;
use crate::proc::ProcessCtx;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::Instant;
use wasmtime::Engine;
use wasmtime::component::{Component, Linker};
use wasmtime_wasi::p2::bindings::CommandPre;

pub struct Program {
    pub pre: CommandPre<ProcessCtx>,
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
    /// A WASI preview 1 core module, run through the preview 1 adapter.
    CoreModule,
}

pub struct ProgramLoader {
    engine: Engine,
    linker: Linker<ProcessCtx>,
    disk: Option<ArtifactCache>,
    loaded: Mutex<HashMap<String, Arc<Program>>>,
    trace: bool,
}

impl ProgramLoader {
    pub fn new(
        engine: Engine,
        linker: Linker<ProcessCtx>,
        disk: Option<ArtifactCache>,
        trace: bool,
    ) -> ProgramLoader {
        ProgramLoader {
            engine,
            linker,
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
        // A preview 1 module's artifact depends on how it was adapted too.
        let disk_key = match kind {
            Kind::Component => hash.clone(),
            Kind::CoreModule => format!("{hash}-{}", crate::preview1::ADAPTATION),
        };
        let component = self.compile(path, &disk_key, bytes, kind)?;
        let pre = self
            .linker
            .instantiate_pre(&component)
            .map_err(|e| ExecError::Unlinkable(format!("{e:#}")))?;
        let pre = CommandPre::new(pre).map_err(|_| ExecError::NoRunExport)?;
        let enters_cwd = kind == Kind::Component && has_custom_section(bytes, ENTERS_CWD_SECTION);
        let program = Arc::new(Program { pre, enters_cwd });
        loaded.insert(hash, program.clone());
        Ok(program)
    }

    fn compile(
        &self,
        path: &str,
        hash: &str,
        bytes: &[u8],
        kind: Kind,
    ) -> Result<Component, ExecError> {
        if let Some(component) = self.disk.as_ref().and_then(|d| d.load(&self.engine, hash)) {
            return Ok(component);
        }
        let started = Instant::now();
        let adapted;
        let bytes = match kind {
            Kind::Component => bytes,
            Kind::CoreModule => {
                adapted = crate::preview1::adapt(bytes)
                    .map_err(|e| ExecError::Unlinkable(e.replace('\n', " ")))?;
                &adapted
            }
        };
        let component = Component::new(&self.engine, bytes)
            .map_err(|e| ExecError::Invalid(format!("{:#}", e.root_cause())))?;
        if self.trace {
            eprintln!(
                "wasmix: compiled {path} in {} ms",
                started.elapsed().as_millis()
            );
        }
        if let Some(disk) = &self.disk
            && let Err(e) = disk.store(hash, &component)
        {
            eprintln!("wasmix: cannot keep compiled {path} in the cache: {e}");
        }
        Ok(component)
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
