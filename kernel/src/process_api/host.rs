//! The `wasmix:process` interface, implemented over the kernel's spawn, wait and kill.

use super::bindings::spawn::{self, Command, Finished, SpawnError, Stdio as StdioMode};
use super::{Child, Inheritance, ProcessApiView, exit_status};
use crate::file::{Input, Output, Stdio};
use crate::fs::namespace::absolute;
use crate::fs::{FsError, OpenOptions};
use crate::kernel::{self, Executable, SpawnRequest};
use crate::pipe::{PipeReader, PipeWriter, pipe};
use crate::proc::{Action, Disposition, EndedBySignal, Process, RunState, Signal};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use wasmtime::component::Resource;
use wasmtime_wasi::p2::{DynInputStream, DynOutputStream, DynPollable};

impl spawn::Host for ProcessApiView<'_> {
    fn spawn(&mut self, command: Command) -> wasmtime::Result<Result<Resource<Child>, SpawnError>> {
        let parent = self.inheritance;
        let kernel = parent
            .kernel
            .upgrade()
            .ok_or_else(|| wasmtime::Error::msg("the kernel has shut down"))?;
        let Some(name) = command.argv.first().cloned() else {
            return Ok(Err(SpawnError::Invalid("empty argument list".into())));
        };
        let cwd = match &command.cwd {
            None => parent.cwd.clone(),
            Some(dir) => {
                let dir = absolute(&parent.cwd, dir);
                match parent.namespace.stat(&dir, true) {
                    Ok(meta) if meta.is_dir() => dir,
                    _ => return Ok(Err(SpawnError::BadDirectory(dir))),
                }
            }
        };
        let env = command.env.unwrap_or_else(|| parent.env.clone());
        // As execvp: without a PATH, the system's default one.
        let search_path = variable(&env, "PATH").unwrap_or("/bin:/usr/bin");
        let Some(path) = kernel::find_program(&parent.namespace, &name, search_path, &cwd) else {
            return Ok(Err(SpawnError::NotFound(name)));
        };

        let Some((stdin, parent_stdin)) = input(&command.stdin, &parent.stdio.stdin) else {
            return Ok(Err(SpawnError::Invalid(
                "standard input can only be inherited, piped or null".into(),
            )));
        };
        let opened = |mode: &StdioMode, own: &Output, stdout: Option<&Output>| {
            output(mode, own, stdout, |name| {
                append_to(parent, &cwd, name).map_err(|e| format!("{name}: {e}"))
            })
        };
        let (stdout, parent_stdout) = match opened(&command.stdout, &parent.stdio.stdout, None) {
            Ok(opened) => opened,
            Err(why) => return Ok(Err(SpawnError::Invalid(why))),
        };
        let (stderr, parent_stderr) =
            match opened(&command.stderr, &parent.stdio.stderr, Some(&stdout)) {
                Ok(opened) => opened,
                Err(why) => return Ok(Err(SpawnError::Invalid(why))),
            };
        let request = SpawnRequest {
            parent: parent.pid,
            namespace: parent.namespace.clone(),
            executable: Executable::Path(path),
            argv: command.argv,
            env,
            cwd,
            stdio: Stdio::new(stdin, stdout, stderr),
            limits: parent.limits,
            invoke: None,
            network: Default::default(),
        };
        let pid = match kernel.spawn(request) {
            Ok(pid) => pid,
            Err(kernel::SpawnError::Unreadable(_, FsError::NotFound)) => {
                return Ok(Err(SpawnError::NotFound(name)));
            }
            Err(kernel::SpawnError::TooManyProcesses(_)) => {
                return Ok(Err(SpawnError::TooManyProcesses));
            }
            // execve's answer for a directory, as execvp's callers report it.
            Err(kernel::SpawnError::Unreadable(_, FsError::IsDirectory)) => {
                return Ok(Err(SpawnError::CannotExecute(FsError::Access.to_string())));
            }
            Err(kernel::SpawnError::Unreadable(_, why)) => {
                return Ok(Err(SpawnError::CannotExecute(why.to_string())));
            }
            Err(kernel::SpawnError::CannotExecute(_, why)) => {
                return Ok(Err(SpawnError::CannotExecute(format!(
                    "cannot execute: {why}"
                ))));
            }
            Err(kernel::SpawnError::NoInterpreter(_)) => {
                return Ok(Err(SpawnError::CannotExecute(
                    "cannot execute: required file not found".into(),
                )));
            }
        };
        let exit = match kernel.processes.get(pid) {
            Some(process) => process.exited(),
            None => return Err(wasmtime::Error::msg("a new child vanished")),
        };
        let child = Child {
            pid,
            exit,
            processes: kernel.processes.clone(),
            stdin: parent_stdin,
            stdout: parent_stdout,
            stderr: parent_stderr,
            finished: None,
        };
        Ok(Ok(self.table.push(child)?))
    }

    fn pid(&mut self) -> wasmtime::Result<u32> {
        Ok(self.inheritance.pid)
    }

    fn parent_pid(&mut self) -> wasmtime::Result<u32> {
        Ok(self.inheritance.ppid)
    }

    fn niceness(&mut self) -> wasmtime::Result<i8> {
        Ok(self.own_process()?.niceness())
    }

    fn set_niceness(&mut self, value: i8) -> wasmtime::Result<Result<(), String>> {
        Ok(self
            .own_process()?
            .set_niceness(value)
            .map_err(|e| e.to_string()))
    }

    fn set_signal_ignored(
        &mut self,
        signal: u8,
        ignored: bool,
    ) -> wasmtime::Result<Result<(), String>> {
        let Some(signal) = Signal::from_number(signal).filter(|s| s.can_be_handled()) else {
            return Ok(Err("Invalid argument".into()));
        };
        let disposition = if ignored {
            Disposition::Ignore
        } else {
            Disposition::Default
        };
        self.own_process()?.signals.set(signal, disposition);
        Ok(Ok(()))
    }

    fn exit_by_signal(&mut self, signal: u8) -> wasmtime::Result<()> {
        match Signal::from_number(signal) {
            Some(signal) if signal.default_action() == Action::Terminate => {
                Err(EndedBySignal(signal).into())
            }
            _ => Ok(()),
        }
    }

    fn give_back_stdin(&mut self, bytes: u64) -> wasmtime::Result<bool> {
        let Input::File(_, offset) = &self.inheritance.stdio.stdin else {
            return Ok(false);
        };
        // The holds on one stdin share its offset, so the next reader starts here.
        let _ = offset.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |at| {
            Some(at.saturating_sub(bytes))
        });
        Ok(true)
    }

    fn ignored_signals(&mut self) -> wasmtime::Result<Vec<u8>> {
        let (ignored, _) = self.own_process()?.signals.masks();
        Ok((1..=64u8)
            .filter(|n| ignored & (1 << (n - 1)) != 0)
            .collect())
    }
}

impl spawn::HostChild for ProcessApiView<'_> {
    fn pid(&mut self, child: Resource<Child>) -> wasmtime::Result<u32> {
        Ok(self.table.get(&child)?.pid)
    }

    fn take_stdin(
        &mut self,
        child: Resource<Child>,
    ) -> wasmtime::Result<Option<Resource<DynOutputStream>>> {
        match self.table.get_mut(&child)?.stdin.take() {
            Some(writer) => Ok(Some(self.table.push(writer.into_stream())?)),
            None => Ok(None),
        }
    }

    fn take_stdout(
        &mut self,
        child: Resource<Child>,
    ) -> wasmtime::Result<Option<Resource<DynInputStream>>> {
        let reader = self.table.get_mut(&child)?.stdout.take();
        self.push_reader(reader)
    }

    fn take_stderr(
        &mut self,
        child: Resource<Child>,
    ) -> wasmtime::Result<Option<Resource<DynInputStream>>> {
        let reader = self.table.get_mut(&child)?.stderr.take();
        self.push_reader(reader)
    }

    fn subscribe(&mut self, child: Resource<Child>) -> wasmtime::Result<Resource<DynPollable>> {
        wasmtime_wasi::p2::subscribe(self.table, child)
    }

    async fn wait(&mut self, child: Resource<Child>) -> wasmtime::Result<Finished> {
        let child = self.table.get_mut(&child)?;
        if let Some(finished) = &child.finished {
            return Ok(finished.clone());
        }
        let process = child
            .processes
            .get(child.pid)
            .ok_or_else(|| wasmtime::Error::msg("child vanished from the process table"))?;
        let status = child
            .processes
            .wait(child.pid)
            .await
            .map_err(|e| wasmtime::Error::msg(e.to_string()))?;
        let finished = Finished {
            status: exit_status(status),
            cpu_nanos: process.usage.cpu_time().as_nanos() as u64,
            peak_memory_bytes: process.usage.memory_bytes.load(Ordering::Relaxed),
        };
        child.finished = Some(finished.clone());
        Ok(finished)
    }

    fn kill(&mut self, child: Resource<Child>, signal: u8) -> wasmtime::Result<Result<(), String>> {
        let child = self.table.get(&child)?;
        let Some(signal) = Signal::from_number(signal) else {
            return Ok(Err(format!("{signal}: invalid signal specification")));
        };
        let running = child
            .processes
            .get(child.pid)
            .is_some_and(|process| process.state() == RunState::Running);
        if !running {
            return Ok(Err(format!("({}) - No such process", child.pid)));
        }
        Ok(child
            .processes
            .kill(child.pid, signal)
            .map_err(|e| e.to_string()))
    }

    fn drop(&mut self, child: Resource<Child>) -> wasmtime::Result<()> {
        self.table.delete(child)?;
        Ok(())
    }
}

impl ProcessApiView<'_> {
    fn own_process(&self) -> wasmtime::Result<Arc<Process>> {
        self.inheritance
            .kernel
            .upgrade()
            .and_then(|kernel| kernel.processes.get(self.inheritance.pid))
            .ok_or_else(|| wasmtime::Error::msg("the process is not in the table"))
    }

    fn push_reader(
        &mut self,
        reader: Option<PipeReader>,
    ) -> wasmtime::Result<Option<Resource<DynInputStream>>> {
        match reader {
            Some(reader) => Ok(Some(self.table.push(reader.into_stream())?)),
            None => Ok(None),
        }
    }
}

fn variable<'e>(env: &'e [(String, String)], name: &str) -> Option<&'e str> {
    env.iter()
        .rev()
        .find(|(variable, _)| variable == name)
        .map(|(_, value)| value.as_str())
}

/// The child's stdin, and the parent's end of its pipe; None for a mode only output has.
fn input(mode: &StdioMode, parent: &Input) -> Option<(Input, Option<PipeWriter>)> {
    Some(match mode {
        StdioMode::Inherit => (parent.duplicate(), None),
        StdioMode::Piped => {
            let (reader, writer) = pipe();
            (Input::Pipe(reader), Some(writer))
        }
        StdioMode::Null => (Input::Null, None),
        StdioMode::Append(_) | StdioMode::SameAsStdout => return None,
    })
}

/// The child's stdout or stderr (`stdout` is the child's own stdout, when this is its
/// stderr), and the parent's end of its pipe.
fn output(
    mode: &StdioMode,
    parent: &Output,
    stdout: Option<&Output>,
    append: impl FnOnce(&str) -> Result<Output, String>,
) -> Result<(Output, Option<PipeReader>), String> {
    Ok(match mode {
        StdioMode::Inherit => (parent.duplicate(), None),
        StdioMode::Piped => {
            let (reader, writer) = pipe();
            (Output::Pipe(writer), Some(reader))
        }
        StdioMode::Null => (Output::Null, None),
        StdioMode::Append(name) => (append(name)?, None),
        StdioMode::SameAsStdout => match stdout {
            Some(stdout) => (stdout.duplicate(), None),
            None => return Err("standard output cannot be the same as itself".into()),
        },
    })
}

/// A file of the parent's namespace opened for output at its end, created (with the
/// parent's umask) if it is not there.
fn append_to(parent: &Inheritance, cwd: &str, name: &str) -> Result<Output, FsError> {
    let path = absolute(cwd, name);
    let existed = parent.namespace.stat(&path, true).is_ok();
    let handle = parent.namespace.open(
        &path,
        OpenOptions {
            write: true,
            create: true,
            ..OpenOptions::default()
        },
    )?;
    if !existed {
        parent
            .namespace
            .apply_umask(&path, false, parent.limits.umask)?;
    }
    Ok(match handle.pipe_writer() {
        Some(writer) => Output::Pipe(writer),
        None => Output::File(handle, None),
    })
}
