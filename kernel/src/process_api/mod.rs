//! `wasmix:process`: programs that start programs (xargs, env, time, timeout, watch).
//!
//! A child is spawned through the same kernel call the shell makes, with what its parent
//! holds: a copy of the parent's namespace and limits, the parent's own standard streams
//! (or new pipes to it, or nothing). The bindings are in `bindings.rs`, the interface in
//! `host.rs`; this module holds the per-process context and the child resource.

pub mod bindings;
mod host;

use crate::file::Stdio;
use crate::fs::namespace::Namespace;
use crate::kernel::{Kernel, Limits};
use crate::pipe::{PipeReader, PipeWriter};
use crate::proc::{ExitStatus, Pid, ProcessTable};
use std::sync::{Arc, Weak};
use tokio::sync::watch;
use wasmtime::component::{HasData, Linker, ResourceTable};
use wasmtime_wasi::p2::Pollable;

/// What a process may give its children: everything a spawn copies from the parent.
pub struct Inheritance {
    pub kernel: Weak<Kernel>,
    pub pid: Pid,
    pub ppid: Pid,
    pub namespace: Arc<Namespace>,
    pub env: Vec<(String, String)>,
    pub cwd: String,
    /// Other holds on the parent's own standard streams, for children that inherit them.
    pub stdio: Stdio,
    pub limits: Limits,
}

/// A child spawned through the interface, until its parent waits for it or drops it.
pub struct Child {
    pid: Pid,
    processes: Arc<ProcessTable>,
    stdin: Option<PipeWriter>,
    stdout: Option<PipeReader>,
    stderr: Option<PipeReader>,
    /// Becomes Some when the child ends: what `subscribe` waits on.
    exit: watch::Receiver<Option<ExitStatus>>,
    finished: Option<bindings::spawn::Finished>,
}

impl Drop for Child {
    /// A child its parent stops caring about is still reaped when it ends, so the table
    /// does not fill with the dead.
    fn drop(&mut self) {
        if self.finished.is_some() {
            return;
        }
        let (processes, pid) = (self.processes.clone(), self.pid);
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            runtime.spawn(async move { processes.wait(pid).await });
        }
    }
}

#[wasmtime_wasi::async_trait]
impl Pollable for Child {
    async fn ready(&mut self) {
        // An error means the process is gone, which is as ended as it gets.
        let _ = self.exit.wait_for(Option::is_some).await;
    }
}

/// The guest-facing number of a status.
fn exit_status(status: ExitStatus) -> bindings::spawn::ExitStatus {
    use bindings::spawn::ExitStatus as Guest;
    match status {
        ExitStatus::Exited(code) => Guest::Exited(code),
        ExitStatus::Killed(signal) => Guest::Killed(signal.number()),
        ExitStatus::Crashed(why) => Guest::Crashed(why),
        ExitStatus::Failed(why) => Guest::Failed(why),
    }
}

/// What the host needs of a process: its resources and what it may pass on.
pub struct ProcessApiView<'a> {
    pub table: &'a mut ResourceTable,
    pub inheritance: &'a Inheritance,
}

/// Implemented by the `Store` data of a process.
pub trait ProcessApi: Send {
    fn process_api(&mut self) -> ProcessApiView<'_>;
}

struct HostProcessApi;

impl HasData for HostProcessApi {
    type Data<'a> = ProcessApiView<'a>;
}

pub fn add_to_linker<T: ProcessApi + 'static>(linker: &mut Linker<T>) -> wasmtime::Result<()> {
    bindings::spawn::add_to_linker::<T, HostProcessApi>(linker, T::process_api)
}
