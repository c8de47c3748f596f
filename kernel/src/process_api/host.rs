//! The `wasmix:process` interface, implemented over the kernel's spawn, wait and kill.

use super::bindings::spawn::{self, Command, Finished, SpawnError, Stdio as StdioMode};
use super::{Child, ProcessApiView, exit_status};
use crate::file::{Input, Output, Stdio};
use crate::fs::FsError;
use crate::fs::namespace::absolute;
use crate::kernel::{self, Executable, SpawnRequest};
use crate::pipe::{PipeReader, PipeWriter, pipe};
use crate::proc::{RunState, Signal};
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

        let (stdin, parent_stdin) = input(command.stdin, &parent.stdio.stdin);
        let (stdout, parent_stdout) = output(command.stdout, &parent.stdio.stdout);
        let (stderr, parent_stderr) = output(command.stderr, &parent.stdio.stderr);
        let request = SpawnRequest {
            parent: parent.pid,
            namespace: parent.namespace.clone(),
            executable: Executable::Path(path),
            argv: command.argv,
            env,
            cwd,
            stdio: Stdio::new(stdin, stdout, stderr),
            limits: parent.limits,
        };
        let pid = match kernel.spawn(request) {
            Ok(pid) => pid,
            Err(kernel::SpawnError::Unreadable(_, FsError::NotFound)) => {
                return Ok(Err(SpawnError::NotFound(name)));
            }
            Err(kernel::SpawnError::TooManyProcesses(_)) => {
                return Ok(Err(SpawnError::TooManyProcesses));
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

fn input(mode: StdioMode, parent: &Input) -> (Input, Option<PipeWriter>) {
    match mode {
        StdioMode::Inherit => (parent.duplicate(), None),
        StdioMode::Piped => {
            let (reader, writer) = pipe();
            (Input::Pipe(reader), Some(writer))
        }
        StdioMode::Null => (Input::Null, None),
    }
}

fn output(mode: StdioMode, parent: &Output) -> (Output, Option<PipeReader>) {
    match mode {
        StdioMode::Inherit => (parent.duplicate(), None),
        StdioMode::Piped => {
            let (reader, writer) = pipe();
            (Output::Pipe(writer), Some(reader))
        }
        StdioMode::Null => (Output::Null, None),
    }
}
