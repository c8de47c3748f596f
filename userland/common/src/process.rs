//! Starting other programs through the kernel's `wasmix:process` interface
//! (`kernel/wit/deps/wasmix-process.wit`), wrapped in the shapes of `std::process`.

mod bindings {
    wit_bindgen::generate!({
        path: "../../kernel/wit",
        world: "wasmix:process/userland",
        with: {
            "wasi:io/error@0.2.12": wasip2::io::error,
            "wasi:io/poll@0.2.12": wasip2::io::poll,
            "wasi:io/streams@0.2.12": wasip2::io::streams,
        },
    });
}

use bindings::wasmix::process::spawn as api;
use std::io;

/// Where a child's standard stream goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stdio {
    Inherit,
    Piped,
    Null,
    /// Output appended to this file (created if need be).
    Append(String),
    /// Stderr only: where the child's stdout goes.
    SameAsStdout,
}

/// A command to start: argv, with the parent's environment and directory unless told.
pub struct Command {
    argv: Vec<String>,
    env: Option<Vec<(String, String)>>,
    cwd: Option<String>,
    stdin: Stdio,
    stdout: Stdio,
    stderr: Stdio,
}

/// Why a command could not start.
#[derive(Debug)]
pub enum SpawnError {
    NotFound,
    CannotExecute(String),
    Other(String),
}

impl SpawnError {
    /// The status a shell gives a command that could not start: 127 or 126.
    pub fn status(&self) -> u8 {
        match self {
            SpawnError::NotFound => 127,
            _ => 126,
        }
    }

    /// The reason as GNU tools word it.
    pub fn reason(&self) -> String {
        match self {
            SpawnError::NotFound => "No such file or directory".into(),
            SpawnError::CannotExecute(why) | SpawnError::Other(why) => why.clone(),
        }
    }
}

/// How a child ended, with what it used.
#[derive(Clone, Debug)]
pub struct Finished {
    pub status: ExitStatus,
    pub cpu: std::time::Duration,
    /// The most linear memory it held at once, in bytes.
    pub peak_memory: u64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExitStatus {
    Exited(u8),
    Killed(u8),
    Crashed(String),
    /// A host call ended it with an error that is not a trap.
    Failed(String),
}

impl ExitStatus {
    /// For a program that runs its command as exec would (env, nice, nohup): ends this
    /// process as a signal ended the command, so that its shell says so too; otherwise
    /// the status to exit with.
    pub fn passed_on(&self) -> u8 {
        if let ExitStatus::Killed(signal) = self {
            crate::output::flush_before_diagnostic();
            api::exit_by_signal(*signal);
        }
        self.code()
    }

    /// The number a shell would see in `$?`.
    pub fn code(&self) -> u8 {
        match self {
            ExitStatus::Exited(code) => *code,
            ExitStatus::Killed(signal) => 128 + signal,
            ExitStatus::Crashed(_) => 134,
            ExitStatus::Failed(_) => 1,
        }
    }
}

impl Command {
    pub fn new(argv: Vec<String>) -> Command {
        Command {
            argv,
            env: None,
            cwd: None,
            stdin: Stdio::Inherit,
            stdout: Stdio::Inherit,
            stderr: Stdio::Inherit,
        }
    }

    pub fn env(mut self, env: Vec<(String, String)>) -> Command {
        self.env = Some(env);
        self
    }

    /// The directory the child starts in (the parent's when not given).
    pub fn current_dir(mut self, dir: String) -> Command {
        self.cwd = Some(dir);
        self
    }

    pub fn stdin(mut self, stdin: Stdio) -> Command {
        self.stdin = stdin;
        self
    }

    pub fn stdout(mut self, stdout: Stdio) -> Command {
        self.stdout = stdout;
        self
    }

    pub fn stderr(mut self, stderr: Stdio) -> Command {
        self.stderr = stderr;
        self
    }

    pub fn spawn(self) -> Result<Child, SpawnError> {
        let mode = |stdio| match stdio {
            Stdio::Inherit => api::Stdio::Inherit,
            Stdio::Piped => api::Stdio::Piped,
            Stdio::Null => api::Stdio::Null,
            Stdio::Append(name) => api::Stdio::Append(name),
            Stdio::SameAsStdout => api::Stdio::SameAsStdout,
        };
        let command = api::Command {
            argv: self.argv,
            env: self.env,
            cwd: self.cwd,
            stdin: mode(self.stdin),
            stdout: mode(self.stdout),
            stderr: mode(self.stderr),
        };
        match api::spawn(&command) {
            Ok(child) => Ok(Child(child)),
            Err(api::SpawnError::NotFound(_)) => Err(SpawnError::NotFound),
            Err(api::SpawnError::CannotExecute(why)) => Err(SpawnError::CannotExecute(why)),
            Err(api::SpawnError::BadDirectory(dir)) => {
                Err(SpawnError::Other(format!("{dir}: Not a directory")))
            }
            Err(api::SpawnError::Invalid(why)) => Err(SpawnError::Other(why)),
            Err(api::SpawnError::TooManyProcesses) => {
                Err(SpawnError::Other("Resource temporarily unavailable".into()))
            }
        }
    }
}

/// This process's niceness (0 unless a parent raised it).
pub fn niceness() -> i8 {
    api::niceness()
}

/// Raises this process's niceness, which its children inherit; lowering it fails with
/// "Permission denied", as for a user without privilege.
pub fn set_niceness(value: i8) -> Result<(), String> {
    api::set_niceness(value)
}

/// Ignores a signal from now on (or, with `ignored` false, takes its default action
/// again), in this process and in the children it starts.
pub fn set_signal_ignored(signal: u8, ignored: bool) -> Result<(), String> {
    api::set_signal_ignored(signal, ignored)
}

/// The signals this process ignores, in number order.
pub fn ignored_signals() -> Vec<u8> {
    api::ignored_signals()
}

/// Gives the next reader of standard input the last `bytes` read from it, where it is a
/// file (`lseek(0, -bytes, SEEK_CUR)`); false where it is not.
pub fn give_back_stdin(bytes: u64) -> bool {
    api::give_back_stdin(bytes)
}

pub struct Child(api::Child);

impl Child {
    pub fn wait(&self) -> Finished {
        let finished = self.0.wait();
        Finished {
            status: match finished.status {
                api::ExitStatus::Exited(code) => ExitStatus::Exited(code),
                api::ExitStatus::Killed(signal) => ExitStatus::Killed(signal),
                api::ExitStatus::Crashed(why) => ExitStatus::Crashed(why),
                api::ExitStatus::Failed(why) => ExitStatus::Failed(why),
            },
            cpu: std::time::Duration::from_nanos(finished.cpu_nanos),
            peak_memory: finished.peak_memory_bytes,
        }
    }

    /// Waits at most `limit` for the child to end; None if it is still running.
    pub fn wait_for(&self, limit: std::time::Duration) -> Option<Finished> {
        let ended = self.0.subscribe();
        let deadline = wasip2::clocks::monotonic_clock::subscribe_duration(limit.as_nanos() as u64);
        let ready = wasip2::io::poll::poll(&[&ended, &deadline]);
        ready.contains(&0).then(|| self.wait())
    }

    /// Sends a signal (2 INT, 9 KILL, 15 TERM, 18 CONT, 19 STOP) to the child and its
    /// descendants.
    pub fn kill(&self, signal: u8) -> Result<(), String> {
        self.0.kill(signal)
    }

    /// The write end of a piped stdin, once.
    pub fn take_stdin(&self) -> Option<ChildInput> {
        self.0.take_stdin().map(ChildInput)
    }

    /// The read end of a piped stdout, once.
    pub fn take_stdout(&self) -> Option<ChildOutput> {
        self.0.take_stdout().map(ChildOutput)
    }
}

/// A child's piped output, read like a file.
pub struct ChildOutput(wasip2::io::streams::InputStream);

impl io::Read for ChildOutput {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        use wasip2::io::streams::StreamError;
        match self.0.blocking_read(buffer.len() as u64) {
            Ok(bytes) => {
                buffer[..bytes.len()].copy_from_slice(&bytes);
                Ok(bytes.len())
            }
            Err(StreamError::Closed) => Ok(0),
            Err(StreamError::LastOperationFailed(e)) => Err(io::Error::other(e.to_debug_string())),
        }
    }
}

/// A child's piped input, written like a file; dropping it is the child's end of file.
pub struct ChildInput(wasip2::io::streams::OutputStream);

impl io::Write for ChildInput {
    fn write(&mut self, buffer: &[u8]) -> io::Result<usize> {
        use wasip2::io::streams::StreamError;
        // The stream takes at most 4 KiB per blocking call.
        let chunk = &buffer[..buffer.len().min(4096)];
        match self.0.blocking_write_and_flush(chunk) {
            Ok(()) => Ok(chunk.len()),
            Err(StreamError::Closed) => Err(io::ErrorKind::BrokenPipe.into()),
            Err(StreamError::LastOperationFailed(e)) => Err(io::Error::other(e.to_debug_string())),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
