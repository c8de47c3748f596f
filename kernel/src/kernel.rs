//! The kernel: one engine, the loaded programs, the root image and the process table,
//! behind the calls the shell makes.

use crate::budget::Budget;
use crate::engine::{self, Compiler, EngineSettings, EngineStart};
use crate::exec::Image;
use crate::file::Stdio;
use crate::fs::devfs::DevFs;
use crate::fs::hostfs::HostFs;
use crate::fs::image::ImageFs;
use crate::fs::namespace::{BindMode, Namespace, normalize};
use crate::fs::overlay::Overlay;
use crate::fs::procfs::ProcFs;
use crate::fs::ramfs::RamFs;
use crate::fs::{FileHandle, FileServer, FsError, OpenOptions};
use crate::proc::{self, ExitStatus, Identity, Launch, NoSuchProcess, Pid, ProcessTable, Signal};
use crate::process_api::Inheritance;
use crate::program::{ExecError, LazyTier, Program, ProgramLoader, TierFactory};
use crate::tier::{Tier, TierUp};
use std::collections::HashMap;
use std::fmt;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, Weak};
use std::time::SystemTime;

/// Memory a process may use unless told otherwise.
pub const DEFAULT_MEMORY_LIMIT: usize = 512 << 20;

/// Files a process may have open unless told otherwise: Linux's usual soft limit.
pub const DEFAULT_OPEN_FILES: usize = 1024;

/// The most `ulimit -n` can raise it to (Linux's usual hard limit).
pub const MAX_OPEN_FILES: usize = 524_288;

/// What a process may use; a child gets its parent's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Bytes of linear memory, all memories together.
    pub memory: usize,
    /// CPU time, beyond which the process is killed (SIGXCPU, as `ulimit -t`).
    pub cpu: Option<std::time::Duration>,
    /// Files and directories open at once (`ulimit -n`); past it, opening fails (EMFILE).
    pub open_files: usize,
    /// Bytes a regular file may be written to (`ulimit -f`); None is no limit.
    pub file_size: Option<u64>,
    /// Bytes of a core dump (`ulimit -c`). wasmix writes none, so any limit holds; it is
    /// kept and inherited as Linux keeps it, 0 unless raised.
    pub core_size: Option<u64>,
    /// The file-mode creation mask (`umask`): bits a new file or directory does not get.
    pub umask: u32,
    /// How far each limit above may be raised (`ulimit -H`): a process may lower these,
    /// never raise them, so a child can never get more than its parent was allowed.
    pub hard: HardLimits,
}

/// The ceilings of [`Limits`], None being no ceiling.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HardLimits {
    pub memory: usize,
    pub cpu: Option<std::time::Duration>,
    pub open_files: usize,
    pub file_size: Option<u64>,
    pub core_size: Option<u64>,
}

impl Default for Limits {
    fn default() -> Limits {
        let (file_size, file_size_ceiling) = host_file_size_limit();
        Limits {
            memory: DEFAULT_MEMORY_LIMIT,
            cpu: None,
            open_files: DEFAULT_OPEN_FILES,
            file_size,
            core_size: Some(0),
            umask: host_umask().unwrap_or(crate::fs::DEFAULT_UMASK),
            hard: HardLimits {
                memory: crate::engine::MAX_MEMORY_BYTES,
                cpu: None,
                open_files: MAX_OPEN_FILES,
                file_size: file_size_ceiling,
                core_size: None,
            },
        }
    }
}

/// The host's limit on the size of files wasmix writes (soft, hard): what the host would
/// stop wasmix at, so what its processes start with.
fn host_file_size_limit() -> (Option<u64>, Option<u64>) {
    let mut limit = libc::rlimit {
        rlim_cur: libc::RLIM_INFINITY,
        rlim_max: libc::RLIM_INFINITY,
    };
    // SAFETY: getrlimit writes one `rlimit` through a valid pointer.
    if unsafe { libc::getrlimit(libc::RLIMIT_FSIZE, &mut limit) } != 0 {
        return (None, None);
    }
    let finite = |value: libc::rlim_t| (value != libc::RLIM_INFINITY).then_some(value);
    (finite(limit.rlim_cur), finite(limit.rlim_max))
}

/// The umask wasmix was started with, as `capture_host_umask` found it.
static HOST_UMASK: std::sync::OnceLock<u32> = std::sync::OnceLock::new();

/// Notes the umask wasmix was started with, which its processes inherit as a process
/// inherits its parent's. `umask(2)` only reads it by setting it, so this must run before
/// any other thread could make a file under the mask set meanwhile: first thing in `main`.
pub fn capture_host_umask() {
    // SAFETY: umask has no preconditions; the second call puts the mask back.
    let mask = unsafe {
        let mask = libc::umask(0o022);
        libc::umask(mask);
        mask
    };
    let _ = HOST_UMASK.set(mask);
}

/// The host's umask: as captured at start, else from /proc/self/status (reading it there
/// leaves it unchanged; slower, about a twentieth of a millisecond).
fn host_umask() -> Option<u32> {
    if let Some(mask) = HOST_UMASK.get() {
        return Some(*mask);
    }
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find_map(|l| l.strip_prefix("Umask:"))?;
    u32::from_str_radix(line.trim(), 8).ok()
}

pub struct BootOptions {
    /// Where compiled programs are kept between runs; None keeps them in memory only.
    pub cache_dir: Option<PathBuf>,
    /// Where the writable layer over the image is kept between runs; None keeps it in
    /// memory, gone when wasmix exits.
    pub state_dir: Option<PathBuf>,
    /// Host directories to mount at boot.
    pub mounts: Vec<HostMount>,
    /// Report kernel events (compilations) on stderr.
    pub trace: bool,
    /// Bytes all ramfs together may hold (`/tmp`, an ephemeral root).
    pub ramfs_size: u64,
    /// Bytes of linear memory all processes together may hold.
    pub memory_budget: u64,
    /// Whether running wasm is interrupted every time slice, so that processes share the
    /// CPU and a kill ends even a program that makes no calls. `wasmix run` runs one
    /// program and needs neither: without the checks compiled in, code runs as fast as
    /// under `wasmtime run`.
    pub time_slicing: bool,
    /// How many processes can be alive at once, the shell's entry included.
    pub max_processes: u32,
    /// What Linux `perf` is told about compiled wasm code.
    pub profiler: Option<engine::Profiler>,
    /// The `wasmix` executable that compiles programs with the optimising compiler in a
    /// process of its own (`--tier-up`); without it (or a cache), first runs are compiled
    /// by the optimising compiler in place.
    pub tier_up: Option<PathBuf>,
}

impl BootOptions {
    /// The defaults: a quarter of the host's memory for ramfs, half for processes.
    pub fn new(
        cache_dir: Option<PathBuf>,
        state_dir: Option<PathBuf>,
        mounts: Vec<HostMount>,
    ) -> BootOptions {
        let memory = crate::budget::host_memory();
        BootOptions {
            cache_dir,
            state_dir,
            mounts,
            trace: false,
            ramfs_size: memory / 4,
            memory_budget: memory / 2,
            time_slicing: true,
            max_processes: engine::DEFAULT_MAX_PROCESSES,
            profiler: None,
            tier_up: None,
        }
    }
}

/// `--mount HOST:GUEST[:ro]`.
#[derive(Clone, Debug)]
pub struct HostMount {
    pub host: PathBuf,
    pub guest: String,
    pub read_only: bool,
}

/// A file that was made into a program, known by what identifies its contents cheaply.
#[derive(Clone, PartialEq, Eq, Hash)]
struct ExecKey {
    device: u64,
    inode: u64,
    size: u64,
    modified: SystemTime,
    /// The permission bits, which decide whether a script may run.
    mode: u32,
}

pub struct Kernel {
    /// Itself, for processes that spawn children (`wasmix:process`).
    me: Weak<Kernel>,
    time_slicing: bool,
    max_processes: u32,
    programs: ProgramLoader,
    /// Programs by file identity, so spawning a known program reads and hashes nothing.
    executables: Mutex<HashMap<ExecKey, Arc<Program>>>,
    root_namespace: Namespace,
    pub processes: Arc<ProcessTable>,
    /// The shell, for `/bin/sh` and `#!/bin/sh` scripts (set by the program that boots
    /// the kernel, which holds the shell).
    shell: std::sync::OnceLock<Arc<dyn crate::exec::NativeShell>>,
    /// The linear memory of all processes together.
    memory: Arc<Budget>,
}

/// What a spawn asks for.
pub struct SpawnRequest {
    pub parent: Pid,
    /// The child's namespace: a copy of (never more than) its parent's.
    pub namespace: Arc<Namespace>,
    /// What to run.
    pub executable: Executable,
    /// argv[0] is the name the command was called by.
    pub argv: Vec<String>,
    pub env: Vec<(String, String)>,
    /// The working directory, an absolute path of the child's namespace. It is process
    /// state, not environment: `env -i` keeps it.
    pub cwd: String,
    pub stdio: Stdio,
    pub limits: Limits,
    /// A core module's export to call instead of its main function, its arguments from
    /// argv (`wasmix run --invoke`).
    pub invoke: Option<String>,
    /// What of the host's network the process may use.
    pub network: Network,
}

/// What of the host's network a process may use through `wasi:sockets`: no address,
/// unless `wasmix run -S inherit-network` (the host's command line) grants them all, as
/// `wasmtime run` grants them; TCP and UDP as wasmtime has them by default.
#[derive(Clone, Copy, Debug)]
pub struct Network {
    pub any_address: bool,
    pub name_lookup: bool,
    pub tcp: bool,
    pub udp: bool,
}

impl Default for Network {
    fn default() -> Network {
        Network {
            any_address: false,
            name_lookup: false,
            tcp: true,
            udp: true,
        }
    }
}

/// A program to run: a file of the child's namespace, or one loaded already (from the host,
/// by `wasmix run`).
pub enum Executable {
    Path(String),
    Loaded(Arc<Program>),
}

#[derive(Debug)]
pub enum SpawnError {
    Unreadable(String, FsError),
    CannotExecute(String, ExecError),
    /// A script whose `#!` interpreter is not there.
    NoInterpreter(String),
    /// The process table is full; its size.
    TooManyProcesses(u32),
}

impl fmt::Display for SpawnError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SpawnError::Unreadable(path, why) => write!(f, "{path}: {why}"),
            SpawnError::CannotExecute(path, why) => write!(f, "{path}: cannot execute: {why}"),
            // bash's words for it.
            SpawnError::NoInterpreter(path) => {
                write!(f, "{path}: cannot execute: required file not found")
            }
            SpawnError::TooManyProcesses(limit) => write!(
                f,
                "cannot start a process: the table is full ({limit} processes)"
            ),
        }
    }
}

impl SpawnError {
    /// The status a shell gives a command that could not start, as bash does.
    pub fn status(&self) -> u8 {
        match self {
            SpawnError::Unreadable(_, FsError::NotFound) | SpawnError::NoInterpreter(_) => 127,
            _ => 126,
        }
    }
}

/// A kernel whose optimising engine is being made on a thread of its own (`Kernel::start`)
/// while whoever boots it does other work; `finish` makes the rest.
pub struct Booting {
    options: BootOptions,
    programs: ProgramLoader,
}

impl Kernel {
    pub fn boot(options: BootOptions) -> Result<Arc<Kernel>, BootError> {
        Kernel::start(options, None)?.finish()
    }

    /// Checks the options and starts making the engine, the longest part of a boot, or
    /// takes the one `early` started if it has the settings the options ask for (one
    /// with others is left to finish on its thread and be dropped).
    pub fn start(options: BootOptions, early: Option<EngineStart>) -> Result<Booting, BootError> {
        refuse_own_directories(&options)?;
        let settings = EngineSettings::of(&options);
        let optimizing = match early {
            Some(started) if started.settings == settings => started,
            _ => EngineStart::begin(settings)
                .map_err(|e| BootError(format!("cannot start a thread: {e}")))?,
        };
        let (time_slicing, profiler) = (options.time_slicing, options.profiler);
        let engine = move |compiler, pooled| {
            engine::new_engine(compiler, time_slicing, pooled, profiler).and_then(Tier::new)
        };
        let outside_pool = settings.pooled().and_then(|pooled| {
            let rest = options.max_processes - pooled;
            (rest > 0).then(|| {
                let factory: TierFactory =
                    Box::new(move || engine(Compiler::Optimizing, Some(rest)));
                LazyTier::new(factory)
            })
        });
        // First runs go to the baseline compiler when there is a cache for the optimising
        // compile to go to (see `ProgramLoader::compile`).
        let baseline = match (&options.tier_up, &options.cache_dir) {
            (Some(executable), Some(cache_dir)) => Some((
                LazyTier::new(Box::new(move || engine(Compiler::Baseline, None))),
                TierUp {
                    executable: executable.clone(),
                    cache_dir: cache_dir.clone(),
                },
            )),
            _ => None,
        };
        let programs = ProgramLoader::new(
            optimizing.optimizing,
            options.cache_dir.clone(),
            outside_pool,
            baseline,
            options.time_slicing,
            options.trace,
        );
        Ok(Booting { options, programs })
    }
}

impl Booting {
    /// The process table and the root namespace; the kernel, which waits for its engine
    /// at its first spawn.
    pub fn finish(self) -> Result<Arc<Kernel>, BootError> {
        let Booting { options, programs } = self;
        let processes = Arc::new(ProcessTable::default());
        let ramfs = Budget::new(options.ramfs_size);
        let root_namespace =
            root_namespace(options.state_dir, &options.mounts, &processes, &ramfs)?;
        processes.insert_shell(Arc::new(root_namespace.clone()));
        Ok(Arc::new_cyclic(|me| Kernel {
            me: me.clone(),
            programs,
            time_slicing: options.time_slicing,
            max_processes: options.max_processes,
            executables: Mutex::new(HashMap::new()),
            root_namespace,
            processes,
            memory: Budget::new(options.memory_budget),
            shell: std::sync::OnceLock::new(),
        }))
    }
}

impl Kernel {
    pub(crate) fn shell_slot(&self) -> &std::sync::OnceLock<Arc<dyn crate::exec::NativeShell>> {
        &self.shell
    }

    /// This kernel, shared, for what outlives the call (a shell process).
    pub(crate) fn myself(&self) -> Option<Arc<Kernel>> {
        self.me.upgrade()
    }

    /// The namespace of the first process: what every other is copied from.
    pub fn root_namespace(&self) -> Namespace {
        self.root_namespace.clone()
    }

    /// How many processes can be alive at once (`--max-processes`).
    pub fn max_processes(&self) -> u32 {
        self.max_processes
    }

    /// Starts a process. Must be called within the kernel's tokio runtime.
    pub fn spawn(&self, mut request: SpawnRequest) -> Result<Pid, SpawnError> {
        // The shell holds one slot of the pool; every other process takes one more.
        if self.processes.count() >= self.max_processes as usize {
            return Err(SpawnError::TooManyProcesses(self.max_processes));
        }
        let (program, exe) = match &request.executable {
            Executable::Path(given) => {
                // A relative name is the working directory's; scripts are given it as it
                // was given here, as Linux gives an interpreter the name passed to execve.
                let path = crate::fs::namespace::normalize(&crate::fs::namespace::absolute(
                    &request.cwd,
                    given,
                ));
                match self.image_at(&request.namespace, &path, given, &mut request.argv)? {
                    Image::Wasm(program, exe) => (program, exe),
                    Image::Shell(exe) => return self.start_shell(request, exe),
                }
            }
            // Loaded from the host: no file of the namespace holds it; its name as given.
            Executable::Loaded(program) => (
                program.clone(),
                request.argv.first().cloned().unwrap_or_default(),
            ),
        };
        let program = if self.processes.count() >= engine::FIRST_POOL as usize {
            let label = request.argv.first().cloned().unwrap_or_default();
            self.programs
                .outside_pool(&program)
                .map_err(|e| SpawnError::CannotExecute(label, e))?
        } else {
            program
        };
        if !program.enters_cwd {
            request.namespace = with_cwd_in_front(&request.namespace, &request.cwd);
        }
        let process = self.register(&request, exe);
        let pid = process.pid;
        let inheritance = Inheritance {
            kernel: self.me.clone(),
            pid,
            ppid: request.parent,
            namespace: request.namespace.clone(),
            env: request.env.clone(),
            cwd: request.cwd.clone(),
            stdio: request.stdio.duplicate(),
            limits: request.limits,
        };
        let launch = Launch {
            memory_budget: self.memory.clone(),
            program,
            argv: request.argv,
            env: request.env,
            cwd: request.cwd,
            stdio: request.stdio,
            namespace: request.namespace,
            inheritance,
            time_slicing: self.time_slicing,
            invoke: request.invoke,
            network: request.network,
        };
        tokio::spawn(proc::run(process, launch));
        Ok(pid)
    }

    /// The process-table entry for what `request` starts.
    pub(crate) fn register(&self, request: &SpawnRequest, exe: String) -> Arc<proc::Process> {
        self.processes.insert(Identity {
            ppid: request.parent,
            exe,
            argv: request.argv.clone(),
            env: request.env.clone(),
            cwd: request.cwd.clone(),
            namespace: request.namespace.clone(),
        })
    }

    /// A table entry for work the shell does itself in the background (a subshell), so it
    /// has a pid; it counts against the same limit as processes.
    pub fn insert_task(
        &self,
        parent: Pid,
        namespace: Arc<Namespace>,
    ) -> Result<Arc<proc::Process>, SpawnError> {
        if self.processes.count() >= self.max_processes as usize {
            return Err(SpawnError::TooManyProcesses(self.max_processes));
        }
        // The shell's own work: its executable is the parent's.
        let exe = self
            .processes
            .get(parent)
            .map_or_else(|| crate::exec::SHELL_PATH.to_string(), |p| p.exe.clone());
        Ok(self.processes.insert(Identity {
            ppid: parent,
            exe,
            argv: vec!["wasmix".into()],
            env: Vec::new(),
            cwd: "/".into(),
            namespace,
        }))
    }

    /// Prepares a program from bytes that are not in any namespace (`wasmix run`), or to
    /// compile one ahead of its first run (`install`). `label` names it in messages.
    pub fn load_program(&self, label: &str, bytes: &[u8]) -> Result<Arc<Program>, SpawnError> {
        self.programs
            .load(label, bytes, None)
            .map_err(|e| SpawnError::CannotExecute(label.to_string(), e))
    }

    /// Checks and compiles a program, then writes it to `/bin/NAME` of `namespace`:
    /// `install` in the shell (from the namespace) and `wasmix install` (from the host).
    pub fn install(&self, namespace: &Namespace, name: &str, bytes: &[u8]) -> Result<(), String> {
        if name.is_empty() || name.contains('/') || name == "." || name == ".." {
            return Err(format!("{name}: not a valid program name"));
        }
        let target = format!("/bin/{name}");
        self.load_program(&target, bytes)
            .map_err(|e| e.to_string())?;
        let options = OpenOptions {
            write: true,
            create: true,
            truncate: true,
            ..OpenOptions::default()
        };
        let file = namespace
            .open(&target, options)
            .map_err(|e| format!("{target}: {e}"))?;
        let mut written = 0;
        while written < bytes.len() {
            written += file
                .write_at(&bytes[written..], written as u64)
                .map_err(|e| format!("{target}: {e}"))?;
        }
        // Installed to run: executable, as the image's own programs.
        namespace
            .set_mode(&target, true, 0o755)
            .map_err(|e| format!("{target}: {e}"))
    }

    /// Loads the programs at `paths` side by side, a thread each (the stages of a
    /// pipeline, before they start); what cannot be loaded is left for its spawn to report.
    pub fn load_programs(&self, namespace: &Namespace, paths: &[String]) {
        // Programs already loaded (the usual case) need no thread, and one alone no other.
        let unknown: Vec<&String> = paths
            .iter()
            .filter(|path| {
                self.exec_key(namespace, path)
                    .is_ok_and(|key| self.known_program(&key).is_none())
            })
            .collect();
        if unknown.len() < 2 {
            return;
        }
        std::thread::scope(|scope| {
            for path in unknown {
                scope.spawn(move || {
                    let _ = self.program_at(namespace, path);
                });
            }
        });
    }

    /// What identifies the file at `path` as a program already loaded.
    fn exec_key(&self, namespace: &Namespace, path: &str) -> Result<ExecKey, SpawnError> {
        let unreadable = |e| SpawnError::Unreadable(path.to_string(), e);
        let meta = namespace.stat(path, true).map_err(unreadable)?;
        if meta.is_dir() {
            return Err(unreadable(FsError::IsDirectory));
        }
        Ok(ExecKey {
            device: meta.device,
            inode: meta.inode,
            size: meta.size,
            modified: meta.modified,
            mode: meta.mode,
        })
    }

    fn known_program(&self, key: &ExecKey) -> Option<Arc<Program>> {
        self.executables
            .lock()
            .ok()
            .and_then(|e| e.get(key).cloned())
    }

    /// The program in the file at `path`, or the `#!` line of a script (without `#!`).
    pub(crate) fn program_at(
        &self,
        namespace: &Namespace,
        path: &str,
    ) -> Result<Found, SpawnError> {
        let unreadable = |e| SpawnError::Unreadable(path.to_string(), e);
        let key = self.exec_key(namespace, path)?;
        if let Some(program) = self.known_program(&key) {
            return Ok(Found::Program(program));
        }
        let file = namespace
            .open(path, OpenOptions::read_only())
            .map_err(unreadable)?;
        let built_in = file.built_in();
        let read;
        let bytes: &[u8] = match &built_in {
            Some(built_in) => built_in.bytes,
            None => {
                read = read_whole(&*file, key.size).map_err(unreadable)?;
                &read
            }
        };
        // A WebAssembly program runs whatever its mode, as under `wasmtime run`; a
        // script, as on Linux, only when it is executable.
        let is_wasm = bytes.starts_with(b"\0asm");
        if !is_wasm && key.mode & 0o111 == 0 {
            return Err(unreadable(FsError::Access));
        }
        if let Some(script) = bytes.strip_prefix(b"#!") {
            let line = script.split(|&b| b == b'\n').next().unwrap_or_default();
            return Ok(Found::Script(
                String::from_utf8_lossy(line).trim().to_string(),
            ));
        }
        // As bash: a file with no `#!` whose first line has no NUL byte is a shell script.
        let first_line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
        if !first_line.contains(&0) {
            return Ok(Found::ShellScript);
        }
        let sha256 = built_in.map(|built_in| built_in.sha256);
        let program = self
            .programs
            .load(path, bytes, sha256)
            .map_err(|e| SpawnError::CannotExecute(path.to_string(), e))?;
        // A program on the baseline tier is looked up again, to find the optimised one.
        if program.optimized
            && let Ok(mut executables) = self.executables.lock()
        {
            executables.insert(key, program.clone());
        }
        Ok(Found::Program(program))
    }

    pub async fn wait(&self, pid: Pid) -> Result<ExitStatus, NoSuchProcess> {
        self.processes.wait(pid).await
    }

    pub fn kill(&self, pid: Pid, signal: Signal) -> Result<(), NoSuchProcess> {
        self.processes.kill(pid, signal)
    }
}

/// A file's bytes, `size` of them or fewer if it ends first.
fn read_whole(file: &dyn FileHandle, size: u64) -> Result<Vec<u8>, FsError> {
    let mut bytes = vec![0; size as usize];
    let mut filled = 0;
    while filled < bytes.len() {
        match file.read_at(&mut bytes[filled..], filled as u64)? {
            0 => break,
            n => filled += n,
        }
    }
    bytes.truncate(filled);
    Ok(bytes)
}

/// Where a command name leads, as a shell finds it: a name with a `/` is a path (relative
/// to `cwd`); any other is looked up in the directories of `search_path`.
/// What a file holds, as far as running it goes.
pub(crate) enum Found {
    Program(Arc<Program>),
    /// A script's `#!` line, without the `#!`.
    Script(String),
    /// Text with no `#!` line, which the shell runs.
    ShellScript,
}

pub fn find_program(
    namespace: &Namespace,
    name: &str,
    search_path: &str,
    cwd: &str,
) -> Option<String> {
    if name.contains('/') {
        let path = crate::fs::namespace::absolute(cwd, name);
        return Some(crate::fs::namespace::normalize(&path));
    }
    // An empty entry is the working directory, and relative ones start there, as in bash.
    let candidates = search_path
        .split(':')
        .map(|dir| if dir.is_empty() { "." } else { dir })
        .map(|dir| {
            let candidate = format!("{}/{name}", dir.trim_end_matches('/'));
            crate::fs::namespace::normalize(&crate::fs::namespace::absolute(cwd, &candidate))
        });
    // The first executable file; failing that, as bash, the first file at all (whose
    // spawn then says why it cannot run, unless it is WebAssembly, which runs anyway).
    let mut fallback = None;
    for candidate in candidates {
        match namespace.stat(&candidate, true) {
            Ok(meta) if meta.is_dir() => {}
            Ok(meta) if meta.mode & 0o111 != 0 => return Some(candidate),
            Ok(_) => {
                fallback.get_or_insert(candidate);
            }
            // Not there; anything else (no descriptors left, an I/O error) is reported
            // by the spawn, never as "command not found".
            Err(FsError::NotFound | FsError::NotDirectory | FsError::Access) => {}
            Err(_) => return Some(candidate),
        }
    }
    fallback
}

/// A program that does not enter its working directory itself starts at `/`, and resolves a relative name to
/// `/name` before the kernel sees it. So that relative names still find files of the
/// working directory, its namespace gets the working directory bound before `/` (a Plan 9
/// union): `/name` is looked up in the working directory first, then at the root.
fn with_cwd_in_front(namespace: &Arc<Namespace>, cwd: &str) -> Arc<Namespace> {
    if cwd == "/" {
        return namespace.clone();
    }
    let mut namespace = (**namespace).clone();
    // A working directory that no longer exists leaves the namespace as it was: the
    // program then starts at `/`, as it would anywhere else.
    let _ = namespace.bind(cwd, "/", BindMode::Before);
    Arc::new(namespace)
}

/// Why the kernel could not boot (a bad mount, an unusable state directory).
#[derive(Debug)]
pub struct BootError(pub String);

impl fmt::Display for BootError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// `wasmix reset PATH`: the image's PATH shows again in the state kept in `state_dir`
/// (see `Overlay::reset`); how many of the image's entries it covers.
pub fn reset_from_image(state_dir: &std::path::Path, path: &str) -> Result<usize, BootError> {
    let upper = HostFs::open_state_layer(state_dir)
        .map_err(|e| BootError(format!("state directory {}: {e}", state_dir.display())))?;
    let overlay = Overlay::new(Arc::new(upper), Arc::new(ImageFs::default()));
    overlay
        .reset(&normalize(path))
        .map_err(|e| BootError(format!("{path}: {e}")))
}

/// `/`: the image with a writable layer over it (on disk under `state_dir/root`, or in
/// memory); `/tmp` in memory, `/dev`, `/proc`, `/usr/bin` (bound to `/bin`); then the host
/// mounts asked for.
fn root_namespace(
    state_dir: Option<PathBuf>,
    mounts: &[HostMount],
    processes: &Arc<ProcessTable>,
    ramfs: &Arc<Budget>,
) -> Result<Namespace, BootError> {
    let upper: Arc<dyn FileServer> = match state_dir {
        Some(dir) => HostFs::open_state_layer(&dir)
            .map(Arc::new)
            .map_err(|e| BootError(format!("state directory {}: {e}", dir.display())))?,
        None => Arc::new(RamFs::new(ramfs.clone())),
    };
    let root: Arc<dyn FileServer> = Arc::new(Overlay::new(upper, Arc::new(ImageFs::default())));
    let mut namespace = Namespace::default();
    let fail = |what: &str, e: FsError| BootError(format!("{what}: {e}"));
    namespace
        .mount("/", root, BindMode::Replace)
        .map_err(|e| fail("/", e))?;
    // /tmp is everyone's, with the sticky bit, as on Linux (`test -k /tmp`).
    let tmp = RamFs::new(ramfs.clone());
    tmp.set_mode("", 0o1777).map_err(|e| fail("/tmp", e))?;
    let servers: [(&str, Arc<dyn FileServer>); 3] = [
        ("/tmp", Arc::new(tmp)),
        ("/dev", Arc::new(DevFs)),
        ("/proc", Arc::new(ProcFs::new(processes))),
    ];
    for (at, server) in servers {
        namespace
            .mount(at, server, BindMode::Replace)
            .map_err(|e| fail(at, e))?;
    }
    // `#!/usr/bin/env bash` and its kin look in /usr/bin, which shows /bin here, as on a
    // Linux whose /usr is merged. What a guest left at /usr in the state directory (a
    // file, a link) keeps the bind away, never the boot, and no link is followed to place
    // it elsewhere.
    let real_dir = |path: &str| namespace.stat(path, false).is_ok_and(|m| m.is_dir());
    if make_dirs(&namespace, "/usr/bin").is_ok() && real_dir("/usr") && real_dir("/usr/bin") {
        namespace
            .bind("/bin", "/usr/bin", BindMode::Replace)
            .map_err(|e| fail("/usr/bin", e))?;
    }
    // /var/tmp, which scripts use for files kept across reboots, made on first boot
    // with /tmp's mode; a guest that replaced it keeps what it made.
    if matches!(namespace.create_dir("/var"), Ok(()) | Err(FsError::Exists))
        && namespace.create_dir("/var/tmp").is_ok()
    {
        namespace
            .set_mode("/var/tmp", false, 0o1777)
            .map_err(|e| fail("/var/tmp", e))?;
    }
    // The parents of mount points are made first, in wasmix's own tree, before any host
    // directory is mounted over part of it; the mount points themselves are kernel state.
    for mount in mounts {
        let parent = normalize(&format!("{}/..", mount.guest));
        make_dirs(&namespace, &parent).map_err(|e| {
            fail(
                &format!("--mount {}:{}", mount.host.display(), mount.guest),
                e,
            )
        })?;
    }
    for mount in mounts {
        let spec = format!("--mount {}:{}", mount.host.display(), mount.guest);
        let server = HostFs::open(&mount.host, mount.read_only).map_err(|e| {
            BootError(format!(
                "{spec}: {}: {}",
                mount.host.display(),
                FsError::from(e)
            ))
        })?;
        namespace
            .mount(&mount.guest, Arc::new(server), BindMode::Replace)
            .map_err(|e| fail(&spec, e))?;
    }
    Ok(namespace)
}

/// Refuses a `--mount` that would show wasmix's own state or cache directory inside the
/// guest: from there a program could swap the next session's writable layer or compiled
/// code. A mount that contains one, or lies inside one, is refused whole.
fn refuse_own_directories(options: &BootOptions) -> Result<(), BootError> {
    let own: Vec<(&str, PathBuf)> = [
        ("state", options.state_dir.as_ref()),
        ("cache", options.cache_dir.as_ref()),
    ]
    .into_iter()
    .filter_map(|(what, dir)| {
        let dir = dir?;
        let _ = std::fs::create_dir_all(dir);
        Some((what, std::fs::canonicalize(dir).ok()?))
    })
    .collect();
    for mount in &options.mounts {
        let Ok(host) = std::fs::canonicalize(&mount.host) else {
            continue; // HostFs::open reports it.
        };
        for (what, dir) in &own {
            if dir.starts_with(&host) || host.starts_with(dir) {
                return Err(BootError(format!(
                    "--mount {}:{}: {} {} wasmix's {what} directory {}, which programs must \
                     never reach; mount a directory outside it, or give --{} elsewhere",
                    mount.host.display(),
                    mount.guest,
                    mount.host.display(),
                    if dir.starts_with(&host) {
                        "contains"
                    } else {
                        "is inside"
                    },
                    dir.display(),
                    if *what == "state" {
                        "state"
                    } else {
                        "cache-dir"
                    },
                )));
            }
        }
    }
    Ok(())
}

/// `mkdir -p`.
fn make_dirs(namespace: &Namespace, path: &str) -> Result<(), FsError> {
    let mut prefix = String::new();
    for name in path.split('/').filter(|n| !n.is_empty()) {
        prefix = format!("{prefix}/{name}");
        match namespace.create_dir(&prefix) {
            Ok(()) | Err(FsError::Exists) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}
