//! Commands the shell runs itself, because they change the shell or need nothing else.

use super::exec::Stage;
use super::{Flow, Shell};
use crate::file::{Output, Stdio};
use crate::fs::namespace::{absolute, normalize};
use bytes::Bytes;
use std::io::Write;

#[derive(Clone, Copy)]
pub enum Builtin {
    Bind,
    Break,
    Cd,
    Continue,
    Exit,
    Help,
    Install,
    Mount,
    Ns,
    Pwd,
    Return,
    Shift,
    Source,
    Test,
    Type,
    Umount,
    Unset,
    Export,
}

/// Name, builtin, usage, and what it does (for `help`).
const BUILTINS: &[(&str, Builtin, &str, &str)] = &[
    (
        "bind",
        Builtin::Bind,
        "bind [-b|-a] OLD NEW",
        "show OLD at NEW (replace, before, after)",
    ),
    (
        "break",
        Builtin::Break,
        "break [N]",
        "leave the innermost N loops",
    ),
    (
        "cd",
        Builtin::Cd,
        "cd [DIR]",
        "change the working directory (- for the last one)",
    ),
    (
        "continue",
        Builtin::Continue,
        "continue [N]",
        "go on with the next turn of the Nth loop",
    ),
    (
        "exit",
        Builtin::Exit,
        "exit [N]",
        "leave the shell with status N (default: the last)",
    ),
    ("help", Builtin::Help, "help", "show this list"),
    (
        "install",
        Builtin::Install,
        "install HOSTFILE [NAME]",
        "copy a .wasm program from the host into /bin",
    ),
    (
        "mount",
        Builtin::Mount,
        "mount [-r] HOSTDIR DIR",
        "show a host directory at DIR; alone: list",
    ),
    ("ns", Builtin::Ns, "ns", "print this shell's namespace"),
    ("pwd", Builtin::Pwd, "pwd", "print the working directory"),
    ("[", Builtin::Test, "[ EXPRESSION ]", "the same as test"),
    (
        "export",
        Builtin::Export,
        "export NAME[=VALUE]...",
        "pass variables to programs",
    ),
    (
        "return",
        Builtin::Return,
        "return [N]",
        "leave a function with status N",
    ),
    (
        "shift",
        Builtin::Shift,
        "shift [N]",
        "drop the first N positional parameters",
    ),
    (
        "source",
        Builtin::Source,
        "source FILE [ARGS]",
        "run FILE's commands in this shell (also: . FILE)",
    ),
    (".", Builtin::Source, ". FILE [ARGS]", "the same as source"),
    (
        "type",
        Builtin::Type,
        "type NAME...",
        "tell whether NAME is a builtin, a function or a program",
    ),
    (
        "test",
        Builtin::Test,
        "test EXPRESSION",
        "compare strings and numbers, test files (-e -f -d -z -n = != -eq -lt ...)",
    ),
    (
        "umount",
        Builtin::Umount,
        "umount DIR",
        "remove what is mounted or bound at DIR",
    ),
    (
        "unset",
        Builtin::Unset,
        "unset NAME...",
        "remove variables and functions",
    ),
];

/// The names of all builtins, for completion.
pub fn names() -> impl Iterator<Item = &'static str> {
    BUILTINS.iter().map(|(name, ..)| *name)
}

impl Builtin {
    pub fn find(name: &str) -> Option<Builtin> {
        BUILTINS
            .iter()
            .find(|(n, ..)| *n == name)
            .map(|(_, builtin, ..)| *builtin)
    }
}

impl Shell {
    /// Runs a builtin. `alone` is false inside a pipeline, where bash runs it in a subshell:
    /// there `exit` ends only its stage.
    pub(super) fn run_builtin(
        &mut self,
        builtin: Builtin,
        argv: &[String],
        stdio: Stdio,
        alone: bool,
    ) -> Result<Stage, Flow> {
        let status = match builtin {
            Builtin::Exit => {
                let status = match argv.get(1) {
                    None => self.last_status,
                    Some(text) => match text.parse::<i64>() {
                        Ok(n) => n.rem_euclid(256) as u8,
                        Err(_) => {
                            self.report(&format!("exit: {text}: numeric argument required"));
                            2
                        }
                    },
                };
                if alone {
                    return Err(Flow::Exit(status));
                }
                status
            }
            Builtin::Break | Builtin::Continue => {
                let levels = match argv.get(1).map(|n| n.parse::<usize>()) {
                    None => 1,
                    Some(Ok(n)) if n > 0 => n,
                    Some(_) => {
                        self.report(&format!(
                            "{}: {}: loop count out of range",
                            argv[0], argv[1]
                        ));
                        return Ok(Stage::Done(1));
                    }
                };
                return Err(match builtin {
                    Builtin::Break => Flow::Break(levels),
                    _ => Flow::Continue(levels),
                });
            }
            Builtin::Return => {
                let status = match argv.get(1).map(|n| n.parse::<i64>()) {
                    None => self.last_status,
                    Some(Ok(n)) => n.rem_euclid(256) as u8,
                    Some(Err(_)) => {
                        self.report(&format!("return: {}: numeric argument required", argv[1]));
                        2
                    }
                };
                return Err(Flow::Return(status));
            }
            Builtin::Test => self.run_test(argv),
            Builtin::Source => unreachable!("source runs in exec, as it is async"),
            Builtin::Type => {
                let mut text = String::new();
                let mut status = 0;
                for name in &argv[1..] {
                    if Builtin::find(name).is_some() {
                        text.push_str(&format!("{name} is a shell builtin\n"));
                    } else if self.functions.contains_key(name) {
                        text.push_str(&format!("{name} is a function\n"));
                    } else if let Some(path) = self.find_command(name) {
                        text.push_str(&format!("{name} is {path}\n"));
                    } else {
                        self.report(&format!("type: {name}: not found"));
                        status = 1;
                    }
                }
                deliver(text, stdio.stdout);
                status
            }
            Builtin::Export => {
                for assignment in &argv[1..] {
                    match assignment.split_once('=') {
                        Some((name, value)) => self.set_variable(name, value, true),
                        None => {
                            let value = self.variable(assignment).unwrap_or_default();
                            self.set_variable(assignment, &value, true);
                        }
                    }
                }
                0
            }
            Builtin::Unset => {
                for name in &argv[1..] {
                    self.variables.remove(name);
                    self.functions.remove(name);
                }
                0
            }
            Builtin::Shift => {
                let count = match argv.get(1).map(|n| n.parse::<usize>()) {
                    None => 1,
                    Some(Ok(n)) => n,
                    Some(Err(_)) => {
                        self.report(&format!("shift: {}: numeric argument required", argv[1]));
                        return Ok(Stage::Done(1));
                    }
                };
                if count > self.positional.len() {
                    1
                } else {
                    self.positional.drain(..count);
                    0
                }
            }
            Builtin::Cd => self.change_directory(argv, stdio.stdout),
            Builtin::Install => match self.install(argv) {
                Ok(()) => 0,
                Err(message) => {
                    self.report(&format!("install: {message}"));
                    1
                }
            },
            Builtin::Bind | Builtin::Mount | Builtin::Umount | Builtin::Ns => {
                match self.namespace_command(builtin, &argv[1..]) {
                    Ok(text) => {
                        deliver(text, stdio.stdout);
                        0
                    }
                    Err(message) => {
                        self.report(&format!("{}: {message}", argv[0]));
                        1
                    }
                }
            }
            Builtin::Pwd => {
                let cwd = self.variable("PWD").unwrap_or_else(|| "/".into());
                deliver(format!("{cwd}\n"), stdio.stdout);
                0
            }
            Builtin::Help => {
                let mut text = String::from(
                    "wasmix shell. Programs live in /bin; these commands are built in:\n\n",
                );
                let mut listed: Vec<_> = BUILTINS.iter().collect();
                listed.sort_by_key(|(name, ..)| *name);
                for (_, _, usage, what) in listed {
                    text.push_str(&format!("  {usage:<24}{what}\n"));
                }
                text.push_str(
                    "\nCommands: NAME ARGS..., joined by | (pipes), ; && || (lists) and & \
                     (background),\nwith redirections < > >> 2> 2>&1 &> <<EOF <<<; \
                     if, while, until, for, case, { }, ( ), functions;\n$VAR, \"$@\", $(...).\n",
                );
                deliver(text, stdio.stdout);
                0
            }
        };
        Ok(Stage::Done(status))
    }
}

impl Shell {
    /// `install HOSTFILE [NAME]`: checks and compiles the program, then puts it in /bin.
    fn install(&mut self, argv: &[String]) -> Result<(), String> {
        let (host, name) = match argv {
            [_, host] => {
                let stem = std::path::Path::new(host)
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                (host, stem)
            }
            [_, host, name] => (host, name.clone()),
            _ => return Err("usage: install HOSTFILE [NAME]".into()),
        };
        let bytes =
            std::fs::read(host).map_err(|e| format!("{host}: {}", crate::fs::FsError::from(e)))?;
        let target = format!("/bin/{name}");
        self.kernel
            .load_program(&target, &bytes)
            .map_err(|e| e.to_string())?;
        let options = crate::fs::OpenOptions {
            write: true,
            create: true,
            truncate: true,
            ..crate::fs::OpenOptions::default()
        };
        let file = self
            .namespace
            .open(&target, options)
            .map_err(|e| format!("{target}: {e}"))?;
        file.write_at(&bytes, 0)
            .map_err(|e| format!("{target}: {e}"))?;
        Ok(())
    }

    fn change_directory(&mut self, argv: &[String], stdout: Output) -> u8 {
        let cwd = self.variable("PWD").unwrap_or_else(|| "/".into());
        let (target, announce) = match argv.get(1).map(String::as_str) {
            None | Some("~") => (self.variable("HOME").unwrap_or_else(|| "/".into()), false),
            Some("-") => match self.variable("OLDPWD") {
                Some(old) => (old, true),
                None => {
                    self.report("cd: OLDPWD not set");
                    return 1;
                }
            },
            Some(dir) => (dir.to_string(), false),
        };
        if argv.len() > 2 {
            self.report("cd: too many arguments");
            return 1;
        }
        // Logical, as bash by default: `..` takes off the last component of the path typed.
        let new = normalize(&absolute(&cwd, &target));
        match self.namespace.stat(&new, true) {
            Ok(meta) if meta.is_dir() => {}
            Ok(_) => {
                self.report(&format!("cd: {target}: Not a directory"));
                return 1;
            }
            Err(e) => {
                self.report(&format!("cd: {target}: {e}"));
                return 1;
            }
        }
        self.set_variable("OLDPWD", &cwd, true);
        self.set_variable("PWD", &new, true);
        if announce {
            deliver(format!("{new}\n"), stdout);
        }
        0
    }
}

/// Writes a builtin's output where its stdout goes. Into a pipe it is written by a task of
/// its own, since the reader may not have started yet.
fn deliver(text: String, output: Output) {
    match output {
        Output::ConsoleOut => {
            let mut stdout = std::io::stdout().lock();
            let _ = stdout.write_all(text.as_bytes());
            let _ = stdout.flush();
        }
        Output::ConsoleErr => eprint!("{text}"),
        Output::Pipe(writer) => {
            tokio::spawn(async move { writer.write_all(Bytes::from(text)).await });
        }
        Output::File(handle) => {
            if let Err(e) = handle.append(text.as_bytes()) {
                eprintln!("wasmix: write error: {e}");
            }
        }
        Output::Null => {}
    }
}
