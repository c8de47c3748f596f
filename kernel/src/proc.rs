//! Processes: the process table, and the life of one process from instantiation to exit.
//!
//! Each process is its own wasmtime `Store` driven by its own tokio task. Running wasm is
//! interrupted every epoch tick and yields to the scheduler (`sched.rs`), so a tight loop
//! shares the CPU and a kill is noticed at the next tick even when the program makes no
//! calls.

use crate::budget::Budget;
use crate::file::Stdio;
use crate::fs::namespace::Namespace;
use crate::fs::sizelimit::FileSizeLimitExceeded;
use crate::preview1::Preview1Fds;
use crate::process_api::{Inheritance, ProcessApi, ProcessApiView};
use crate::program::{Entry, Program};
use crate::sched::{CpuLimitExceeded, slice_time};
pub use crate::signal::{Action, Disposition, Dispositions, SIGNALS, Signal};
use crate::terminal::{TerminalApi, TerminalView};
use crate::wasi_fs::{FsView, LastStat, OpenFiles, WasiFsView};
use std::collections::BTreeMap;
use std::fmt;
use std::future::Future;
use std::sync::atomic::{AtomicBool, AtomicI8, AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant, SystemTime};
use tokio::sync::{Notify, watch};
use wasmtime::component::ResourceTable;
use wasmtime::{ResourceLimiter, Store};
use wasmtime_wasi::{I32Exit, WasiCtx, WasiCtxView, WasiView};

pub type Pid = u32;

/// The pid of the shell, the first process of every kernel run.
pub const SHELL_PID: Pid = 1;

/// How a process ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExitStatus {
    Exited(u8),
    Killed(Signal),
    /// The program trapped: a panic, an out-of-bounds access, a stack overflow, or a
    /// resource limit it ran into.
    Crashed(String),
    /// A host call ended the program with an error that is not a trap (a request WASI
    /// refuses outright, such as polling an empty list): `wasmtime run` exits with 1.
    Failed(String),
}

/// bash's status for a crash: what a program killed by SIGABRT gets (128 + 6).
pub const CRASH_STATUS: u8 = 134;

impl ExitStatus {
    /// The number a shell sees in `$?`.
    pub fn code(&self) -> u8 {
        match self {
            ExitStatus::Exited(code) => *code,
            ExitStatus::Killed(signal) => 128 + signal.number(),
            ExitStatus::Crashed(_) => CRASH_STATUS,
            ExitStatus::Failed(_) => 1,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunState {
    Running,
    Stopped,
    Exited,
    Killed,
}

tokio::task_local! {
    /// The process whose task is running: what `/proc/self` means to it.
    static CURRENT_PID: Pid;
}

/// The pid of the process making the current call; the shell's outside any process.
pub fn current_pid() -> Pid {
    CURRENT_PID.try_with(|pid| *pid).unwrap_or(SHELL_PID)
}

/// What a process has used, kept up to date while it runs.
#[derive(Default)]
pub struct Usage {
    /// Linear memory held, all memories together.
    pub memory_bytes: AtomicU64,
    /// Time spent running its wasm (and the host calls it made), not waiting.
    pub cpu_nanos: AtomicU64,
    /// True while its code runs on a scheduler thread (not waiting): /proc/loadavg's
    /// count of running processes.
    pub running: AtomicBool,
}

impl Usage {
    pub fn cpu_time(&self) -> Duration {
        Duration::from_nanos(self.cpu_nanos.load(Ordering::Relaxed))
    }
}

/// What the table knows of one process.
pub struct Process {
    pub pid: Pid,
    pub ppid: Pid,
    /// The file it runs (for a script, its interpreter): /proc/PID/exe.
    pub exe: String,
    pub argv: Vec<String>,
    pub env: Vec<(String, String)>,
    /// The working directory it started in.
    pub cwd: String,
    pub started: SystemTime,
    pub usage: Arc<Usage>,
    namespace: Mutex<Arc<Namespace>>,
    state: Mutex<RunState>,
    kill_request: Mutex<Option<Signal>>,
    kill_notify: Notify,
    /// The signals it catches or ignores (a shell's `trap`), and those caught and pending.
    pub signals: Dispositions,
    /// -20 to 19, inherited; see `slice_time`.
    niceness: AtomicI8,
    /// True while stopped (SIGSTOP); the process waits at its next time slice.
    stopped: watch::Sender<bool>,
    exit: watch::Sender<Option<ExitStatus>>,
    /// Told of the exit with SIGCHLD (when it catches that).
    parent: std::sync::Weak<Process>,
}

/// How a wait that also watches for stops ended.
#[derive(Debug)]
pub enum Waited {
    Exited(ExitStatus),
    Stopped,
}

impl Process {
    pub fn state(&self) -> RunState {
        match *lock(&self.state) {
            RunState::Running if *self.stopped.borrow() => RunState::Stopped,
            state => state,
        }
    }

    pub fn namespace(&self) -> Arc<Namespace> {
        lock(&self.namespace).clone()
    }

    pub fn niceness(&self) -> i8 {
        self.niceness.load(Ordering::Relaxed)
    }

    /// Sets the niceness, clamped to Linux's range. Err when that would lower it: only a
    /// privileged user may, and no one in wasmix is.
    pub fn set_niceness(&self, value: i8) -> Result<(), PermissionDenied> {
        let value = value.clamp(MOST_FAVOURED, LEAST_FAVOURED);
        if value < self.niceness() {
            return Err(PermissionDenied);
        }
        self.niceness.store(value, Ordering::Relaxed);
        Ok(())
    }

    /// Ends an entry that stands for work the shell does itself (a background subshell),
    /// as the end of a process would.
    pub fn finish(&self, status: ExitStatus) {
        *lock(&self.state) = match status {
            ExitStatus::Killed(_) => RunState::Killed,
            _ => RunState::Exited,
        };
        // Before anyone waiting is told: the parent's next command must not see a
        // SIGCHLD of a child it has already waited for.
        self.tell_parent();
        self.exit.send_replace(Some(status));
    }

    /// SIGCHLD to the parent, which only a parent that catches it (a shell's `trap ...
    /// CHLD`) sees.
    fn tell_parent(&self) {
        if let Some(parent) = self.parent.upgrade() {
            parent.signals.absorb(Signal::Child);
        }
    }

    /// Resolves when the process is sent a signal that ends it.
    pub async fn killed(&self) -> Signal {
        loop {
            self.kill_notify.notified().await;
            if let Some(signal) = *lock(&self.kill_request) {
                return signal;
            }
        }
    }

    /// Whether a signal that ends it has been sent (it may not have ended yet).
    pub fn is_being_killed(&self) -> bool {
        lock(&self.kill_request).is_some()
    }

    /// The signal that ends it, once one has been sent.
    pub fn kill_signal(&self) -> Option<Signal> {
        *lock(&self.kill_request)
    }

    /// Changes of whether the process is stopped.
    pub fn stops(&self) -> watch::Receiver<bool> {
        self.stopped.subscribe()
    }

    /// Resolves to the exit status once the process has ended (without reaping it).
    pub fn exited(&self) -> watch::Receiver<Option<ExitStatus>> {
        self.exit.subscribe()
    }

    /// Records a namespace change made by the process itself (the shell's mount and bind).
    pub fn set_namespace(&self, namespace: Arc<Namespace>) {
        *lock(&self.namespace) = namespace;
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[derive(Debug, PartialEq, Eq)]
pub struct NoSuchProcess(pub Pid);

/// Linux's range of niceness.
pub const MOST_FAVOURED: i8 = -20;
pub const LEAST_FAVOURED: i8 = 19;

#[derive(Debug, PartialEq, Eq)]
pub struct PermissionDenied;

impl fmt::Display for PermissionDenied {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Permission denied")
    }
}

impl fmt::Display for NoSuchProcess {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "({}) - No such process", self.0)
    }
}

/// All processes that have not been waited for.
pub struct ProcessTable {
    next_pid: AtomicU32,
    processes: Mutex<BTreeMap<Pid, Arc<Process>>>,
    /// The CPU time of the processes already removed from the table.
    removed_cpu_nanos: AtomicU64,
}

impl Default for ProcessTable {
    fn default() -> ProcessTable {
        ProcessTable {
            next_pid: AtomicU32::new(SHELL_PID + 1),
            processes: Mutex::new(BTreeMap::new()),
            removed_cpu_nanos: AtomicU64::new(0),
        }
    }
}

/// Who a new process is: the fields of its table entry.
pub(crate) struct Identity {
    pub ppid: Pid,
    pub exe: String,
    pub argv: Vec<String>,
    pub env: Vec<(String, String)>,
    pub cwd: String,
    pub namespace: Arc<Namespace>,
}

impl ProcessTable {
    /// The shell's entry, pid 1, which runs on the host rather than as wasm.
    pub(crate) fn insert_shell(&self, namespace: Arc<Namespace>) -> Arc<Process> {
        self.add(
            SHELL_PID,
            Identity {
                ppid: 0,
                exe: crate::exec::SHELL_PATH.into(),
                argv: vec!["wasmix".into()],
                env: Vec::new(),
                cwd: "/".into(),
                namespace,
            },
        )
    }

    pub(crate) fn insert(&self, identity: Identity) -> Arc<Process> {
        self.add(self.next_pid.fetch_add(1, Ordering::Relaxed), identity)
    }

    fn add(&self, pid: Pid, identity: Identity) -> Arc<Process> {
        let mut processes = lock(&self.processes);
        let parent = processes.get(&identity.ppid);
        let process = Arc::new(Process {
            pid,
            ppid: identity.ppid,
            exe: identity.exe,
            argv: identity.argv,
            env: identity.env,
            cwd: identity.cwd,
            started: SystemTime::now(),
            usage: Arc::default(),
            namespace: Mutex::new(identity.namespace),
            state: Mutex::new(RunState::Running),
            kill_request: Mutex::new(None),
            kill_notify: Notify::new(),
            signals: parent
                .as_ref()
                .map_or_else(Dispositions::default, |parent| {
                    Dispositions::inherited_from(&parent.signals)
                }),
            niceness: AtomicI8::new(parent.map_or(0, |parent| parent.niceness())),
            stopped: watch::Sender::new(false),
            exit: watch::Sender::new(None),
            parent: parent.map_or_else(std::sync::Weak::new, Arc::downgrade),
        });
        processes.insert(pid, process.clone());
        process
    }

    pub fn get(&self, pid: Pid) -> Option<Arc<Process>> {
        lock(&self.processes).get(&pid).cloned()
    }

    /// Every process not yet reaped, in pid order.
    pub fn list(&self) -> Vec<Arc<Process>> {
        lock(&self.processes).values().cloned().collect()
    }

    pub fn count(&self) -> usize {
        lock(&self.processes).len()
    }

    /// The pid given last.
    pub fn last_pid(&self) -> Pid {
        self.next_pid.load(Ordering::Relaxed) - 1
    }

    /// The CPU time every process since boot has used, those removed included.
    pub fn cpu_time_used(&self) -> Duration {
        let removed = self.removed_cpu_nanos.load(Ordering::Relaxed);
        let live: Duration = self.list().iter().map(|p| p.usage.cpu_time()).sum();
        Duration::from_nanos(removed) + live
    }

    fn remove(&self, pid: Pid) -> Option<Arc<Process>> {
        let process = lock(&self.processes).remove(&pid)?;
        let cpu = process.usage.cpu_nanos.load(Ordering::Relaxed);
        self.removed_cpu_nanos.fetch_add(cpu, Ordering::Relaxed);
        Some(process)
    }

    /// Sends a signal to a process and its descendants, as to a process group. A killed
    /// process ends at its next time slice, or at once if it is waiting; a stopped one
    /// waits at its next time slice until continued. A process that catches or ignores
    /// the signal deals with it alone: its descendants are not sent it.
    pub fn kill(&self, pid: Pid, signal: Signal) -> Result<(), NoSuchProcess> {
        let process = self.get(pid).ok_or(NoSuchProcess(pid))?;
        if process.signals.absorb(signal) {
            return Ok(());
        }
        let mut group = vec![process];
        let mut next = 0;
        let all = self.list();
        while next < group.len() {
            let parent = group[next].pid;
            group.extend(all.iter().filter(|p| p.ppid == parent).cloned());
            next += 1;
        }
        for (index, process) in group.into_iter().enumerate() {
            if index > 0 && process.signals.absorb(signal) {
                continue;
            }
            match signal.default_action() {
                Action::Ignore => {}
                Action::Stop => {
                    process.stopped.send_replace(true);
                }
                Action::Continue => {
                    process.stopped.send_replace(false);
                }
                Action::Terminate => {
                    lock(&process.kill_request).get_or_insert(signal);
                    process.kill_notify.notify_one();
                }
            }
        }
        Ok(())
    }

    /// Waits for a process to end or to be stopped. An ended process is reaped.
    pub async fn wait_or_stop(&self, pid: Pid) -> Result<Waited, NoSuchProcess> {
        let process = self.get(pid).ok_or(NoSuchProcess(pid))?;
        let mut stopped = process.stopped.subscribe();
        let mut exit = process.exit.subscribe();
        let stopped_first = tokio::select! {
            _ = exit.wait_for(Option::is_some) => false,
            _ = stopped.wait_for(|s| *s) => true,
        };
        if stopped_first && process.exit.borrow().is_none() {
            return Ok(Waited::Stopped);
        }
        self.wait(pid).await.map(Waited::Exited)
    }

    /// Ends a process no one will wait for (a subshell's own pid) and removes it.
    pub fn forget(&self, pid: Pid) {
        if let Some(process) = self.remove(pid) {
            process.finish(ExitStatus::Exited(0));
        }
    }

    /// Waits for a process to end, then removes it from the table.
    pub async fn wait(&self, pid: Pid) -> Result<ExitStatus, NoSuchProcess> {
        let process = self.get(pid).ok_or(NoSuchProcess(pid))?;
        let mut exit = process.exit.subscribe();
        let status = match exit.wait_for(Option::is_some).await {
            Ok(status) => status.clone().unwrap_or(ExitStatus::Exited(0)),
            Err(_) => ExitStatus::Crashed("lost".into()),
        };
        self.remove(pid);
        Ok(status)
    }
}

/// The error that ends a process as a signal would (`wasmix:process`'s exit-by-signal).
#[derive(Debug)]
pub struct EndedBySignal(pub Signal);

impl fmt::Display for EndedBySignal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.description())
    }
}

impl std::error::Error for EndedBySignal {}

/// A memory limit for the whole process (all its linear memories together), remembering
/// whether the program ran into it so its crash can be explained.
pub struct MemoryLimit {
    limit: usize,
    in_use: usize,
    exceeded: bool,
    /// What all processes together may hold; this one's share is given back when its
    /// store is dropped.
    budget: Arc<Budget>,
    budget_exhausted: bool,
    usage: Arc<Usage>,
}

impl MemoryLimit {
    pub fn new(limit: usize, budget: Arc<Budget>, usage: Arc<Usage>) -> MemoryLimit {
        MemoryLimit {
            limit,
            in_use: 0,
            exceeded: false,
            budget,
            budget_exhausted: false,
            usage,
        }
    }
}

impl Drop for MemoryLimit {
    fn drop(&mut self) {
        self.budget.release(self.in_use as u64);
    }
}

impl ResourceLimiter for MemoryLimit {
    fn memory_growing(
        &mut self,
        current: usize,
        desired: usize,
        _maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        let after = self.in_use - current.min(self.in_use) + desired;
        if after > self.limit {
            self.exceeded = true;
            return Ok(false);
        }
        if after > self.in_use && !self.budget.try_reserve((after - self.in_use) as u64) {
            self.budget_exhausted = true;
            return Ok(false);
        }
        self.budget
            .release(self.in_use.saturating_sub(after) as u64);
        self.in_use = after;
        self.usage
            .memory_bytes
            .store(after as u64, Ordering::Relaxed);
        Ok(true)
    }

    fn table_growing(
        &mut self,
        _: usize,
        desired: usize,
        _: Option<usize>,
    ) -> wasmtime::Result<bool> {
        Ok(desired <= 1 << 20)
    }
}

/// The data of a process's `Store`.
pub struct ProcessCtx {
    wasi: WasiCtx,
    pub(crate) table: ResourceTable,
    namespace: Arc<Namespace>,
    open_files: OpenFiles,
    last_stat: LastStat,
    memory: MemoryLimit,
    inheritance: Inheritance,
    /// Descriptor numbers, for a preview 1 program.
    pub(crate) preview1: Preview1Fds,
    /// The standard streams, for `/dev/stdin` and the like; dropped with the store,
    /// which closes the pipe ends.
    stdio: Stdio,
}

impl ProcessApi for ProcessCtx {
    fn process_api(&mut self) -> ProcessApiView<'_> {
        ProcessApiView {
            table: &mut self.table,
            inheritance: &self.inheritance,
        }
    }
}

impl TerminalApi for ProcessCtx {
    fn terminal(&mut self) -> TerminalView<'_> {
        TerminalView {
            table: &mut self.table,
            pid: self.inheritance.pid,
        }
    }
}

impl WasiFsView for ProcessCtx {
    fn fs(&mut self) -> FsView<'_> {
        FsView {
            table: &mut self.table,
            namespace: &self.namespace,
            open_files: &mut self.open_files,
            umask: self.inheritance.limits.umask,
            file_size: self.inheritance.limits.file_size,
            last_stat: &mut self.last_stat,
            stdio: &self.stdio,
        }
    }
}

impl WasiView for ProcessCtx {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView {
            ctx: &mut self.wasi,
            table: &mut self.table,
        }
    }
}

/// Everything needed to start a process.
pub struct Launch {
    pub program: Arc<Program>,
    /// The kernel's budget for all processes' memory.
    pub memory_budget: Arc<Budget>,
    pub argv: Vec<String>,
    pub env: Vec<(String, String)>,
    pub cwd: String,
    pub stdio: Stdio,
    pub namespace: Arc<Namespace>,
    /// What the process may pass on to children it spawns.
    pub inheritance: Inheritance,
    /// Whether the engine interrupts running wasm every time slice (see `BootOptions`).
    pub time_slicing: bool,
    /// The export to call in place of the main function (`wasmix run --invoke`).
    pub invoke: Option<String>,
    pub network: crate::kernel::Network,
}

/// Runs a process to its end and publishes its exit status.
pub(crate) async fn run(process: Arc<Process>, launch: Launch) {
    let limits = launch.inheritance.limits;
    let mut builder = WasiCtx::builder();
    builder
        .args(&launch.argv)
        .envs(&launch.env)
        .initial_cwd(&launch.cwd)
        .allow_ip_name_lookup(launch.network.name_lookup)
        .allow_tcp(launch.network.tcp)
        .allow_udp(launch.network.udp);
    if launch.network.any_address {
        builder.inherit_network();
    }
    launch.stdio.install(&mut builder, limits.file_size);
    let mut store = Store::new(
        &launch.program.engine,
        ProcessCtx {
            wasi: builder.build(),
            table: ResourceTable::new(),
            namespace: launch.namespace.clone(),
            open_files: OpenFiles {
                count: 0,
                limit: limits.open_files,
            },
            last_stat: LastStat::default(),
            memory: MemoryLimit::new(limits.memory, launch.memory_budget, process.usage.clone()),
            inheritance: launch.inheritance,
            preview1: Preview1Fds::default(),
            stdio: launch.stdio,
        },
    );
    store.limiter(|ctx| &mut ctx.memory);
    if launch.time_slicing {
        slice_time(&mut store, &process, limits.cpu);
    }

    let program = launch.program.clone();
    let killed = async {
        loop {
            process.kill_notify.notified().await;
            if let Some(signal) = *lock(&process.kill_request) {
                return signal;
            }
        }
    };
    let invocation = launch.invoke.map(|name| (name, launch.argv[1..].to_vec()));
    let running = accounted(
        run_command(&program, &mut store, invocation.as_ref()),
        &process.usage,
    );
    let ended = CURRENT_PID
        .scope(process.pid, async {
            tokio::select! {
                outcome = running => Ok(outcome),
                signal = killed => Err(signal),
            }
        })
        .await;
    let status = match ended {
        Ok(outcome) => exit_status(outcome, &store),
        Err(signal) => ExitStatus::Killed(signal),
    };
    // SIGCHLD first (see `finish`); the pipe ends close here (the store holds them),
    // before anyone is told of the exit.
    process.tell_parent();
    drop(store);
    crate::terminal::release(process.pid);
    *lock(&process.state) = match status {
        ExitStatus::Killed(_) => RunState::Killed,
        _ => RunState::Exited,
    };
    process.exit.send_replace(Some(status));
}

/// Adds the time spent inside each poll of `future` to the process's CPU time.
async fn accounted<F: Future>(future: F, usage: &Usage) -> F::Output {
    let mut future = std::pin::pin!(future);
    std::future::poll_fn(|cx| {
        let started = Instant::now();
        usage.running.store(true, Ordering::Relaxed);
        let poll = future.as_mut().poll(cx);
        usage.running.store(false, Ordering::Relaxed);
        let spent = started.elapsed().as_nanos() as u64;
        usage.cpu_nanos.fetch_add(spent, Ordering::Relaxed);
        poll
    })
    .await
}

/// Runs the program's main function, or with `invocation` (an export's name and the
/// arguments for it) that export.
async fn run_command(
    program: &Program,
    store: &mut Store<ProcessCtx>,
    invocation: Option<&(String, Vec<String>)>,
) -> wasmtime::Result<Result<(), ()>> {
    match &program.entry {
        Entry::Command(pre) => {
            let command = pre.instantiate_async(&mut *store).await?;
            command.wasi_cli_run().call_run(&mut *store).await
        }
        Entry::Preview1(pre) => {
            // As `wasmtime run` runs a core module: instantiated (its start function runs),
            // then `_initialize` if it is a reactor, then its main function ("" or
            // `_start`) if it has one; a module with none has done all it does.
            let instance = pre.instantiate_async(&mut *store).await?;
            let main = ["", "_start"]
                .into_iter()
                .find(|name| instance.get_export(&mut *store, name).is_some());
            let initialize = instance
                .get_export(&mut *store, "_initialize")
                .map(|_| "_initialize");
            let call = match invocation {
                Some(_) => initialize.into_iter().collect::<Vec<_>>(),
                None => initialize.into_iter().chain(main).collect(),
            };
            for name in call {
                let function = instance.get_typed_func::<(), ()>(&mut *store, name)?;
                function.call_async(&mut *store, ()).await?;
            }
            if let Some((name, arguments)) = invocation {
                crate::invoke::invoke(store, &instance, name, arguments).await?;
            }
            Ok(Ok(()))
        }
    }
}

fn exit_status(outcome: wasmtime::Result<Result<(), ()>>, store: &Store<ProcessCtx>) -> ExitStatus {
    match outcome {
        Ok(Ok(())) => ExitStatus::Exited(0),
        Ok(Err(())) => ExitStatus::Exited(1),
        Err(e) => {
            if let Some(exit) = e.downcast_ref::<I32Exit>() {
                return ExitStatus::Exited(exit.0 as u8);
            }
            if e.downcast_ref::<FileSizeLimitExceeded>().is_some() {
                return ExitStatus::Killed(Signal::FileSizeExceeded);
            }
            if e.downcast_ref::<CpuLimitExceeded>().is_some() {
                return ExitStatus::Killed(Signal::CpuTimeExceeded);
            }
            if let Some(EndedBySignal(signal)) = e.downcast_ref::<EndedBySignal>() {
                return ExitStatus::Killed(*signal);
            }
            let memory = &store.data().memory;
            if memory.budget_exhausted {
                return ExitStatus::Crashed(format!(
                    "out of memory (the kernel's budget for all processes, {} MiB, is used up)",
                    memory.budget.total() >> 20
                ));
            }
            if memory.exceeded {
                let limit = match memory.limit {
                    bytes if bytes >= 1 << 20 => format!("{} MiB", bytes >> 20),
                    bytes => format!("{} KiB", bytes >> 10),
                };
                return ExitStatus::Crashed(format!("out of memory (limit {limit})"));
            }
            match e.downcast_ref::<wasmtime::Trap>() {
                Some(trap) => {
                    let text = trap.to_string();
                    ExitStatus::Crashed(text.trim_start_matches("wasm trap: ").to_string())
                }
                None => ExitStatus::Failed(format!("{e:#}")),
            }
        }
    }
}
