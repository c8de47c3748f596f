//! `$BASHPID` in a subshell. A subshell here is a copy of the shell on a task of the
//! same process, not a fork; bash's has a pid of its own, which `$BASHPID` shows. One is
//! taken from the process table the first time a subshell reads `$BASHPID` (a subshell
//! that never asks costs nothing), and given back when the subshell ends.

use std::sync::{Arc, OnceLock};
use wasmix_kernel::kernel::Kernel;
use wasmix_kernel::proc::Pid;

/// The pid of a subshell, once asked for.
#[derive(Clone, Default)]
pub(super) struct SubshellPid(Arc<OnceLock<Option<Taken>>>);

/// A pid in the process table, given back when the last copy of the subshell is dropped.
struct Taken {
    kernel: Arc<Kernel>,
    pid: Pid,
}

impl Drop for Taken {
    fn drop(&mut self) {
        self.kernel.processes.forget(self.pid);
    }
}

impl SubshellPid {
    /// The subshell's pid, taken now if it has none; None when the table is full.
    pub(super) fn get(&self, shell: &super::Shell) -> Option<Pid> {
        self.0
            .get_or_init(|| {
                let kernel = &shell.kernel;
                let process = kernel
                    .insert_task(shell.pid, shell.namespace.clone())
                    .ok()?;
                Some(Taken {
                    kernel: kernel.clone(),
                    pid: process.pid,
                })
            })
            .as_ref()
            .map(|taken| taken.pid)
    }
}
