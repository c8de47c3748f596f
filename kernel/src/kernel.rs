//! The kernel: one engine, the loaded programs, the root image and the process table,
//! behind the calls the shell makes.

use crate::cache::ArtifactCache;
use crate::engine;
use crate::file::Stdio;
use crate::image::RootImage;
use crate::proc::{self, ExitStatus, Launch, NoSuchProcess, Pid, ProcessTable, Signal};
use crate::program::{ExecError, ProgramLoader};
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;
use wasmtime::component::Linker;

/// Memory a process may use unless told otherwise.
pub const DEFAULT_MEMORY_LIMIT: usize = 512 << 20;

pub struct BootOptions {
    /// Where compiled programs are kept between runs; None keeps them in memory only.
    pub cache_dir: Option<PathBuf>,
    /// Report kernel events (compilations) on stderr.
    pub trace: bool,
}

pub struct Kernel {
    engine: wasmtime::Engine,
    programs: ProgramLoader,
    image: RootImage,
    pub processes: ProcessTable,
}

/// What a spawn asks for.
pub struct SpawnRequest {
    pub parent: Pid,
    /// Absolute path of the program file.
    pub path: String,
    /// argv[0] is the name the command was called by.
    pub argv: Vec<String>,
    pub env: Vec<(String, String)>,
    pub stdio: Stdio,
}

#[derive(Debug)]
pub enum SpawnError {
    NotFound(String),
    CannotExecute(String, ExecError),
}

impl fmt::Display for SpawnError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SpawnError::NotFound(path) => write!(f, "{path}: No such file or directory"),
            SpawnError::CannotExecute(path, why) => write!(f, "{path}: cannot execute: {why}"),
        }
    }
}

impl SpawnError {
    /// The status a shell gives a command that could not start, as bash does.
    pub fn status(&self) -> u8 {
        match self {
            SpawnError::NotFound(_) => 127,
            SpawnError::CannotExecute(..) => 126,
        }
    }
}

impl Kernel {
    pub fn boot(options: BootOptions) -> wasmtime::Result<Arc<Kernel>> {
        let engine = engine::new_engine()?;
        let mut linker = Linker::new(&engine);
        // Includes wasi:cli/exit.exit-with-code (stable since WASI 0.2.12), which is how
        // userland reports statuses other than 0 and 1.
        wasmtime_wasi::p2::add_to_linker_async(&mut linker)?;
        let disk = options
            .cache_dir
            .map(|dir| ArtifactCache::new(&dir, &engine));
        Ok(Arc::new(Kernel {
            programs: ProgramLoader::new(engine.clone(), linker, disk, options.trace),
            engine,
            image: RootImage::default(),
            processes: ProcessTable::default(),
        }))
    }

    /// The contents of a file, if there is one at `path`.
    pub fn read_file(&self, path: &str) -> Option<&'static [u8]> {
        self.image.read(path)
    }

    /// The names in a directory.
    pub fn list_dir(&self, path: &str) -> Vec<&'static str> {
        self.image.list(path)
    }

    /// Starts a process. Must be called within the kernel's tokio runtime.
    pub fn spawn(&self, request: SpawnRequest) -> Result<Pid, SpawnError> {
        let bytes = self
            .read_file(&request.path)
            .ok_or_else(|| SpawnError::NotFound(request.path.clone()))?;
        let program = self
            .programs
            .load(&request.path, bytes)
            .map_err(|e| SpawnError::CannotExecute(request.path.clone(), e))?;
        let process = self.processes.insert(request.parent, request.argv.clone());
        let pid = process.pid;
        let launch = Launch {
            program,
            argv: request.argv,
            env: request.env,
            stdio: request.stdio,
            memory_limit: DEFAULT_MEMORY_LIMIT,
        };
        tokio::spawn(proc::run(self.engine.clone(), process, launch));
        Ok(pid)
    }

    pub async fn wait(&self, pid: Pid) -> Result<ExitStatus, NoSuchProcess> {
        self.processes.wait(pid).await
    }

    pub fn kill(&self, pid: Pid, signal: Signal) -> Result<(), NoSuchProcess> {
        self.processes.kill(pid, signal)
    }
}
