//! What a file runs as (xv6's exec): a WebAssembly program; a script, whose first line
//! `#!INTERPRETER [ARG]` names the program that runs it (with the script's path as an
//! argument, as Linux does); or, for `#!wasmix:shell` (the files `/bin/sh` and
//! `/bin/bash`), the shell built into wasmix, started as a process of its own: its own pid,
//! namespace copy, streams and limits, like any other.

use crate::file::Stdio;
use crate::fs::namespace::Namespace;
use crate::kernel::{Found, Kernel, Limits, SpawnError, SpawnRequest};
use crate::proc::{ExitStatus, Pid};
use crate::program::{ExecError, Program};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// The interpreter line that names the shell built into wasmix.
pub const SHELL_INTERPRETER: &str = "wasmix:shell";

/// Interpreters followed before giving up, as Linux's limit.
const MAX_INTERPRETERS: usize = 4;

/// What a path turned out to run, and the file that holds it (a script's interpreter,
/// as Linux's /proc/PID/exe names it).
pub enum Image {
    Wasm(Arc<Program>, String),
    Shell(String),
}

/// Where the shell is in the image: the executable of a script without a `#!` line, and
/// of shells that were not started from a file.
pub const SHELL_PATH: &str = "/bin/sh";

/// The shell, as the kernel starts it for `/bin/sh`.
pub trait NativeShell: Send + Sync {
    /// Runs the shell as process `process.pid` to its end; its exit status.
    fn run(&self, process: ShellProcess) -> Pin<Box<dyn Future<Output = u8> + Send>>;
}

/// Everything a shell process is given.
pub struct ShellProcess {
    pub kernel: Arc<Kernel>,
    pub pid: Pid,
    pub namespace: Arc<Namespace>,
    pub argv: Vec<String>,
    pub env: Vec<(String, String)>,
    pub cwd: String,
    pub stdio: Stdio,
    pub limits: Limits,
}

impl Kernel {
    /// Gives the kernel its shell, which `/bin/sh` starts.
    pub fn set_shell(&self, shell: Arc<dyn NativeShell>) {
        let _ = self.shell_slot().set(shell);
    }

    /// Follows `#!` lines from `path` to what runs; `argv` becomes what that is given.
    /// A script is named to its interpreter as it was `given` (`./s.sh`).
    pub(crate) fn image_at(
        &self,
        namespace: &Namespace,
        path: &str,
        given: &str,
        argv: &mut Vec<String>,
    ) -> Result<Image, SpawnError> {
        let mut path = path.to_string();
        let mut named = given.to_string();
        // The script whose interpreter is being looked for, for bash's message.
        let mut script: Option<String> = None;
        for _ in 0..MAX_INTERPRETERS {
            let found = match (self.program_at(namespace, &path), &script) {
                (Err(SpawnError::Unreadable(..)), Some(script)) => {
                    return Err(SpawnError::NoInterpreter(script.clone()));
                }
                (found, _) => found?,
            };
            let line = match found {
                Found::Program(program) => return Ok(Image::Wasm(program, path)),
                Found::Script(line) => line,
                Found::ShellScript => {
                    argv.splice(..1.min(argv.len()), ["sh".to_string(), named]);
                    return Ok(Image::Shell(SHELL_PATH.into()));
                }
            };
            let mut words = line.splitn(2, [' ', '\t']);
            let interpreter = words.next().unwrap_or_default().to_string();
            if interpreter == SHELL_INTERPRETER {
                return Ok(Image::Shell(path));
            }
            if interpreter.is_empty() {
                return Err(cannot(&path, "no interpreter on its #! line"));
            }
            let mut interpreted = vec![interpreter.clone()];
            interpreted.extend(words.next().map(|arg| arg.trim().to_string()));
            interpreted.push(named);
            interpreted.extend(argv.drain(..).skip(1));
            *argv = interpreted;
            named = interpreter.clone();
            script = Some(std::mem::replace(&mut path, interpreter));
        }
        Err(cannot(&path, "too many levels of #! interpreters"))
    }

    /// Starts the shell as a process of its own.
    pub(crate) fn start_shell(
        &self,
        request: SpawnRequest,
        exe: String,
    ) -> Result<Pid, SpawnError> {
        let kernel = self
            .myself()
            .ok_or_else(|| cannot("/bin/sh", "the kernel is shutting down"))?;
        let shell = self
            .shell_slot()
            .get()
            .cloned()
            .ok_or_else(|| cannot("/bin/sh", "this kernel was booted without its shell"))?;
        let process = self.register(&request, exe);
        let running = shell.run(ShellProcess {
            kernel,
            pid: process.pid,
            namespace: request.namespace,
            argv: request.argv,
            env: request.env,
            cwd: request.cwd,
            stdio: request.stdio,
            limits: request.limits,
        });
        let pid = process.pid;
        tokio::spawn(async move {
            let status = tokio::select! {
                // A shell that ended on a signal sent to it (its own `kill $$`, seen
                // between commands) was killed by it.
                status = running => match process.kill_signal() {
                    Some(signal) => ExitStatus::Killed(signal),
                    None => ExitStatus::Exited(status),
                },
                signal = process.killed() => ExitStatus::Killed(signal),
            };
            process.finish(status);
        });
        Ok(pid)
    }
}

fn cannot(path: &str, why: &str) -> SpawnError {
    SpawnError::CannotExecute(path.to_string(), ExecError::Unlinkable(why.to_string()))
}
