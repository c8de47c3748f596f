//! Commands the shell runs itself, because they change the shell or need nothing else:
//! the dispatch (the table is in `table.rs`). Each group lives with its
//! idea: job control in `jobctl.rs`, `set` in `options.rs`, `read` in `read.rs`, aliases
//! in `alias.rs`, the namespace, `cd` and `wasm-install` in `namespace.rs`.

use super::assign::Declaring;
use super::exec::Stage;
pub use super::table::{Builtin, names};
use super::{Flow, Origin, Shell};
use bytes::Bytes;
use std::io::Write;
use wasmix_kernel::file::{Output, Stdio};

impl Shell {
    /// Runs a builtin. `alone` is false inside a pipeline, where bash runs it in a subshell:
    /// there `exit` ends only its stage.
    pub(super) async fn run_builtin(
        &mut self,
        builtin: Builtin,
        argv: &[String],
        stdio: Stdio,
        alone: bool,
    ) -> Result<Stage, Flow> {
        // The builtin's complaints go where its stderr is redirected (`read -u 9 2>/dev/null`).
        let own = self.streams.replace(std::sync::Arc::new(stdio.duplicate()));
        let changed = self.streams_changed;
        let result = Box::pin(self.run_builtin_here(builtin, argv, stdio, alone)).await;
        // `exec 2>file` changed the shell's own streams for good.
        if self.streams_changed == changed {
            self.streams = own;
        }
        result
    }

    async fn run_builtin_here(
        &mut self,
        builtin: Builtin,
        argv: &[String],
        stdio: Stdio,
        alone: bool,
    ) -> Result<Stage, Flow> {
        // As bash: `NAME --help` shows `help NAME` and fails (status 2), except for the
        // builtins that take `--help` as a word to print or test.
        if argv.get(1).is_some_and(|arg| arg == "--help")
            && !matches!(
                builtin,
                Builtin::Colon | Builtin::True | Builtin::False | Builtin::Echo | Builtin::Test
            )
        {
            let (_, text) = self.help_builtin(&argv[..1]);
            return self.finish(argv, 2, text, stdio).await;
        }
        if let Some(status) = self.refuse_unknown_options(&argv[0], &argv[1..]) {
            self.special_builtin_failed = true;
            return Ok(Stage::Done(status));
        }
        if let Some(status) = self.restriction(builtin, argv) {
            return Ok(Stage::Done(status));
        }
        let (status, text) = match builtin {
            // Only the prompt is a login shell here.
            Builtin::Logout if !matches!(self.origin, super::Origin::Prompt) => {
                self.report("logout: not login shell: use `exit'");
                (1, String::new())
            }
            Builtin::Exit | Builtin::Logout => {
                let status = match argv.get(1) {
                    // bash refuses more than one number, as `return` does.
                    Some(_) if argv.len() > 2 => {
                        return Err(self.too_many_arguments(&argv[0]));
                    }
                    None => self.last_status,
                    Some(text) => match text.parse::<i64>() {
                        Ok(n) => n.rem_euclid(256) as u8,
                        Err(_) => {
                            self.report(&format!("exit: {text}: numeric argument required"));
                            2
                        }
                    },
                };
                // At the prompt, stopped jobs hold the first `exit` back, as in bash; with
                // `shopt -s checkjobs` running ones do too, and the jobs are listed.
                if alone && matches!(self.origin, super::Origin::Prompt) {
                    let kernel = self.kernel.clone();
                    let states: Vec<super::job::JobState> = self.jobs.with(|jobs| {
                        jobs.iter()
                            .map(|job| self.jobs.state(&kernel, job))
                            .collect()
                    });
                    let any = |wanted: super::job::JobState| states.contains(&wanted);
                    let checkjobs = self.shell_options.checkjobs;
                    let held = if any(super::job::JobState::Stopped) {
                        Some("There are stopped jobs.")
                    } else if checkjobs && any(super::job::JobState::Running) {
                        Some("There are running jobs.")
                    } else {
                        None
                    };
                    let typed = self.history.entries.len();
                    if let Some(message) = held.filter(|_| self.exit_warned_at != Some(typed)) {
                        self.say(message.into());
                        self.exit_warned_at = Some(typed + 1);
                        let listing = match checkjobs {
                            true => self.jobs_builtin(&["jobs".into()], &stdio.stdout).1,
                            false => String::new(),
                        };
                        return self.finish(argv, 1, listing, stdio).await;
                    }
                }
                // Inside a function the EXIT trap runs where `exit` is, with the
                // function's locals and FUNCNAME, as in bash.
                if alone && !self.function_names.is_empty() && self.traps.contains_key("EXIT") {
                    let status = self.exit_with(status).await;
                    self.traps.remove("EXIT");
                    return Err(Flow::Exit(status));
                }
                if alone {
                    return Err(Flow::Exit(status));
                }
                (status, String::new())
            }
            Builtin::Break | Builtin::Continue => {
                if self.loop_depth == 0 {
                    self.report(&format!(
                        "{}: only meaningful in a `for', `while', or `until' loop",
                        argv[0]
                    ));
                    return Ok(Stage::Done(0));
                }
                if argv.len() > 2 {
                    return Err(self.too_many_arguments(&argv[0]));
                }
                let levels = match argv.get(1).map(|n| n.parse::<i64>()) {
                    None => 1,
                    Some(Ok(n)) if n > 0 => n as usize,
                    Some(Err(_)) => {
                        // bash: a fatal error, status 128, except at the prompt.
                        self.report(&format!(
                            "{}: {}: numeric argument required",
                            argv[0], argv[1]
                        ));
                        if matches!(self.origin, super::Origin::Prompt) {
                            return Ok(Stage::Done(128));
                        }
                        return Err(Flow::Exit(128));
                    }
                    Some(Ok(_)) => {
                        // bash reports it, then leaves every loop it is in (even for
                        // `continue`).
                        self.report(&format!(
                            "{}: {}: loop count out of range",
                            argv[0], argv[1]
                        ));
                        self.last_status = 1;
                        return Err(Flow::Break(self.loop_depth));
                    }
                };
                return Err(match builtin {
                    Builtin::Break => Flow::Break(levels),
                    _ => Flow::Continue(levels),
                });
            }
            Builtin::Return if argv.len() > 2 => return Err(self.too_many_arguments("return")),
            Builtin::Return if self.call_depth == 0 && self.source_files.is_empty() => {
                self.report("return: can only `return' from a function or sourced script");
                return Ok(Stage::Done(2));
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
            Builtin::Source => (self.source(argv, &stdio).await?, String::new()),
            Builtin::Command => return self.command_builtin(argv, stdio, alone).await,
            Builtin::Test => match self.run_test(argv).await {
                Ok(status) => (status, String::new()),
                Err(e) => return Ok(Stage::Done(self.expansion_failed(e)?)),
            },
            Builtin::Type => self.type_builtin(&argv[1..], &stdio.stdout),
            Builtin::Bare => {
                let skip = if argv.get(1).is_some_and(|a| a == "--") {
                    2
                } else {
                    1
                };
                let argv = &argv[skip - 1..];
                let Some(name) = argv.get(1) else {
                    return Ok(Stage::Done(0));
                };
                return match self.find_builtin(name) {
                    Some(builtin) => {
                        Box::pin(self.run_builtin(builtin, &argv[1..], stdio, alone)).await
                    }
                    None => {
                        self.report(&format!("builtin: {name}: not a shell builtin"));
                        Ok(Stage::Done(1))
                    }
                };
            }
            Builtin::Declare | Builtin::Local | Builtin::Export | Builtin::Readonly => {
                let kind = match builtin {
                    Builtin::Local => Declaring::Local,
                    Builtin::Export => Declaring::Export,
                    Builtin::Readonly => Declaring::Readonly,
                    _ => Declaring::Declare,
                };
                let arrays = std::mem::take(&mut self.declared_arrays);
                self.declaration_builtin(kind, argv, arrays, &stdio.stdout)
                    .await?
            }
            Builtin::Unset => (self.unset_builtin(&argv[1..]).await, String::new()),
            Builtin::Eval => (self.eval(&argv[1..], &stdio).await?, String::new()),
            Builtin::Let => (self.let_builtin(&argv[1..]).await?, String::new()),
            Builtin::Shift => {
                if argv.len() > 2 {
                    return Err(self.too_many_arguments("shift"));
                }
                let count = match argv.get(1).map(|n| n.parse::<i64>()) {
                    None => 1,
                    Some(Ok(n)) if n >= 0 => n as usize,
                    Some(Ok(_)) => {
                        self.report(&format!("shift: {}: shift count out of range", argv[1]));
                        return Ok(Stage::Done(1));
                    }
                    Some(Err(_)) => {
                        self.report(&format!("shift: {}: numeric argument required", argv[1]));
                        return Ok(Stage::Done(1));
                    }
                };
                if count > self.positional.len() {
                    if self.shell_options.shift_verbose {
                        self.report(&format!("shift: {count}: shift count out of range"));
                    }
                    (1, String::new())
                } else {
                    self.positional.drain(..count);
                    (0, String::new())
                }
            }
            Builtin::Set => self.set_builtin(argv),
            Builtin::Trap => self.trap_builtin(argv, &stdio.stdout),
            Builtin::Dirs => self.dirs_builtin(&argv[1..]),
            Builtin::Pushd => self.pushd_builtin(&argv[1..]),
            Builtin::Popd => self.popd_builtin(&argv[1..]),
            Builtin::Getopts => (self.getopts_builtin(argv), String::new()),
            Builtin::Mapfile => (self.mapfile_builtin(argv, &stdio).await, String::new()),
            Builtin::Shopt => self.shopt_builtin(argv, &stdio.stdout),
            Builtin::Read => (self.read_builtin(argv, &stdio).await, String::new()),
            Builtin::Alias => self.alias_builtin(argv, &stdio.stdout),
            Builtin::Unalias => (self.unalias_builtin(argv), String::new()),
            Builtin::Jobs => self.jobs_builtin(argv, &stdio.stdout),
            Builtin::Fg => (self.fg_builtin(argv, &stdio.stdout).await, String::new()),
            Builtin::Bg => self.bg_builtin(argv),
            Builtin::Disown => self.disown_builtin(argv),
            Builtin::Wait => {
                let status = self.wait_builtin(argv).await;
                // `wait -n` takes the job it saw end without a word, as bash's does.
                if !argv[1..].iter().any(|a| a.starts_with("-n")) {
                    self.notify_ended_jobs();
                }
                (status, String::new())
            }
            Builtin::Kill => self.kill_builtin(argv, &stdio.stdout),
            Builtin::Ulimit => self.ulimit_builtin(&argv[1..]),
            Builtin::Umask => self.umask_builtin(&argv[1..]),
            Builtin::Hash => self.hash_builtin(&argv[1..]),
            Builtin::Caller => self.caller_builtin(&argv[1..]),
            Builtin::Compgen => self.compgen_builtin(&argv[1..], &stdio).await?,
            Builtin::Complete => self.complete_builtin(&argv[1..]),
            Builtin::Compopt => self.compopt_builtin(&argv[1..]),
            Builtin::Enable => self.enable_builtin(&argv[1..]),
            Builtin::Times => self.times_builtin(),
            Builtin::History if argv.len() > 2 && !argv[1].starts_with('-') => {
                return Err(self.too_many_arguments("history"));
            }
            Builtin::History => self.history_builtin(&argv[1..]),
            Builtin::Fc => (self.fc_builtin(&argv[1..], &stdio).await?, String::new()),
            Builtin::Cd => (
                self.change_directory(argv, stdio.stdout.duplicate()),
                String::new(),
            ),
            Builtin::WasmInstall => match self.install(argv) {
                Ok(()) => (0, String::new()),
                Err(message) => {
                    self.report(&format!("wasm-install: {message}"));
                    (1, String::new())
                }
            },
            Builtin::Bind | Builtin::Mount | Builtin::Umount | Builtin::Ns => {
                match self.namespace_command(builtin, &argv[1..]) {
                    Ok(text) => (0, text),
                    Err(message) => {
                        self.report(&format!("{}: {message}", argv[0]));
                        (1, String::new())
                    }
                }
            }
            Builtin::Pwd => {
                let mut cwd = self.cwd.clone();
                // `-P`: with its links resolved.
                if argv.get(1).is_some_and(|a| a == "-P")
                    && let Ok(resolved) = self.namespace.resolve(&cwd, true)
                {
                    cwd = resolved;
                }
                (0, format!("{cwd}\n"))
            }
            Builtin::Help => self.help_builtin(&argv[1..]),
            Builtin::Colon | Builtin::True => (0, String::new()),
            Builtin::False => (1, String::new()),
            Builtin::Echo => {
                let out = echo(&argv[1..], self.utf8_locale(), self.shell_options.xpg_echo);
                return self.finish(argv, 0, out, stdio).await;
            }
            Builtin::Exec => {
                // `exec [-cl] [-a NAME] [--] [COMMAND...]`.
                // `-c`: the program gets no environment; `-l`: its argv[0] starts with `-`,
                // as a login shell's.
                let mut operands = &argv[1..];
                let mut name = None;
                let (mut clean, mut login) = (false, false);
                while let Some(option) = operands.first() {
                    let Some(letters) = option.strip_prefix('-').filter(|l| !l.is_empty()) else {
                        break;
                    };
                    operands = &operands[1..];
                    if letters == "-" {
                        break;
                    }
                    for letter in letters.chars() {
                        match letter {
                            'c' => clean = true,
                            'l' => login = true,
                            // refuse_unknown_options has seen that a name follows.
                            _ => {
                                name = operands.first().cloned();
                                operands = &operands[1..];
                            }
                        }
                    }
                }
                if operands.is_empty() {
                    // Only redirections: they become the shell's own streams from here on.
                    self.streams = Some(std::sync::Arc::new(stdio));
                    self.streams_changed += 1;
                    return Ok(Stage::Done(0));
                }
                if login {
                    name = Some(format!("-{}", name.as_ref().unwrap_or(&operands[0])));
                }
                let environment = match clean {
                    true => super::exec::Environment::Empty,
                    false => super::exec::Environment::Shell(Vec::new()),
                };
                // A name not found in PATH is exec's own complaint in bash.
                let program = &operands[0];
                let found = program.contains('/')
                    || self.hashed_path(program).is_some()
                    || self.find_command(program).is_some();
                let stage = if !found {
                    self.report(&format!("exec: {program}: not found"));
                    Stage::Done(127)
                } else {
                    self.spawn_program_named(operands.to_vec(), name, environment, stdio)
                };
                let status = match stage {
                    Stage::Running { pid, name } => {
                        self.add_foreground(&[pid]);
                        let status = self
                            .wait_for(pid, &name, Some(super::exec::Job::Named(&name)))
                            .await
                            .unwrap_or(0);
                        self.remove_foreground(&[pid]);
                        status
                    }
                    // A program that could not be started ends only a non-interactive
                    // shell, and not with `execfail`.
                    Stage::Done(status)
                        if self.shell_options.execfail || matches!(self.origin, Origin::Prompt) =>
                    {
                        return Ok(Stage::Done(status));
                    }
                    Stage::Done(status) => status,
                    Stage::Subshell(_) => 0,
                };
                return Err(Flow::Exit(status));
            }
            Builtin::Printf => {
                let (status, bytes) = self.printf_builtin(argv, &stdio.stdout).await;
                return self.finish(argv, status, bytes, stdio).await;
            }
        };
        self.finish(argv, status, text, stdio).await
    }

    /// `shift`, `return`, `break` or `continue` given too many arguments: bash gives up
    /// on what it was running: all of a `-c` string, the rest of a script's line.
    fn too_many_arguments(&self, builtin: &str) -> Flow {
        self.report(&format!("{builtin}: too many arguments"));
        match self.origin {
            Origin::CommandString => Flow::Exit(1),
            _ => Flow::Abort(1),
        }
    }
}

/// `echo [-neE] ARGS`: bash's builtin, which takes only whole words of those letters as
/// options; `utf8` is whether the locale is (how `\u` escapes are written), `escapes`
/// whether they are decoded without `-e` (`shopt -s xpg_echo`).
fn echo(args: &[String], utf8: bool, mut escapes: bool) -> Vec<u8> {
    use wasmix_printf_format::escapes::{End, Octal, Unicode, decode_all_unicode};
    let mut newline = true;
    let mut words = args;
    while let Some(flags) = words
        .first()
        .and_then(|w| w.strip_prefix('-'))
        .filter(|f| !f.is_empty() && f.chars().all(|c| "neE".contains(c)))
    {
        for flag in flags.chars() {
            match flag {
                'n' => newline = false,
                'e' => escapes = true,
                _ => escapes = false,
            }
        }
        words = &words[1..];
    }
    let mut out = words.join(" ").into_bytes();
    if escapes {
        let unicode = Unicode {
            strict: false,
            utf8,
        };
        let (decoded, end, _) = decode_all_unicode(&out, Octal::ZeroPrefixed, unicode);
        out = decoded;
        if end != End::Whole {
            return out;
        }
    }
    if newline {
        out.push(b'\n');
    }
    out
}

impl Shell {
    /// Delivers a builtin's output and ends it: a write error fails it with bash's message,
    /// said where its errors go. A reader that has gone ends the shell, or the subshell
    /// the builtin runs in, as SIGPIPE ends bash's process (`while :; do echo y; done |
    /// head -1` ends), unless the signal is trapped or ignored, or this is the prompt.
    pub(super) async fn finish(
        &self,
        argv: &[String],
        status: u8,
        text: impl Into<Bytes>,
        stdio: Stdio,
    ) -> Result<Stage, Flow> {
        let pipe = match &stdio.stdout {
            Output::Pipe(writer) => Some(writer.clone()),
            _ => None,
        };
        match deliver(text, stdio.stdout) {
            Ok(()) => {
                if let Some(pipe) = pipe {
                    pipe.drained().await;
                }
                Ok(Stage::Done(status))
            }
            Err(WriteError::BrokenPipe) if self.dies_of_broken_pipe() => Err(Flow::Exit(
                128 + wasmix_kernel::signal::Signal::Pipe.number(),
            )),
            Err(why) => match write_check(argv) {
                WriteCheck::Unchecked => Ok(Stage::Done(status)),
                check => {
                    let prefix = self.message_prefix();
                    let name = &argv[0];
                    let message = format!("{prefix}{name}: write error: {why}\n");
                    let _ = deliver(message, stdio.stderr);
                    Ok(Stage::Done(match check {
                        WriteCheck::Reported => status,
                        _ => 1,
                    }))
                }
            },
        }
    }

    fn dies_of_broken_pipe(&self) -> bool {
        let at_prompt = matches!(self.origin, Origin::Prompt) && self.subshell_level == 0;
        !at_prompt && !self.traps.contains_key("SIGPIPE")
    }
}

/// What a builtin does when its output cannot be written, as in bash: most report it and
/// fail; some write without looking (bash checks none of `help`'s list, `command -v`,
/// `jobs`, `kill -l`, `caller`, `compgen`, `complete -p`, `history -p`, a single
/// `ulimit`); listings of functions, locals and the directory stack report it and keep
/// their status.
enum WriteCheck {
    Fails,
    Unchecked,
    Reported,
}

fn write_check(argv: &[String]) -> WriteCheck {
    let options = || argv[1..].iter().filter(|arg| arg.starts_with('-'));
    let has_option = |letter: char| options().any(|arg| arg[1..].contains(letter));
    match argv[0].as_str() {
        "help" if argv.len() == 1 => WriteCheck::Unchecked,
        "command" | "jobs" | "kill" | "caller" | "compgen" | "complete" => WriteCheck::Unchecked,
        "history" if has_option('p') => WriteCheck::Unchecked,
        "ulimit" if !has_option('a') => WriteCheck::Unchecked,
        "declare" | "typeset" if has_option('f') || has_option('F') => WriteCheck::Reported,
        "local" | "pushd" | "popd" => WriteCheck::Reported,
        _ => WriteCheck::Fails,
    }
}

/// Why a builtin's output could not be written.
pub(super) enum WriteError {
    /// The reader has gone (EPIPE).
    BrokenPipe,
    Other(String),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            // strerror's words, as bash reports them.
            WriteError::BrokenPipe => f.write_str("Broken pipe"),
            WriteError::Other(why) => f.write_str(why),
        }
    }
}

impl From<std::io::Error> for WriteError {
    fn from(e: std::io::Error) -> WriteError {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            WriteError::BrokenPipe
        } else {
            WriteError::Other(wasmix_kernel::fs::FsError::from(e).to_string())
        }
    }
}

/// Writes what a builtin has listed so far before it reports an error, so that the two
/// come out in order when they go to one place (`type a nosuch b 2>&1`). What cannot be
/// written is kept for `finish`, which reports the failure.
pub(super) fn deliver_before_error(text: &mut String, stdout: &Output) {
    if !text.is_empty() && deliver(text.clone(), stdout.duplicate()).is_ok() {
        text.clear();
    }
}

/// Writes a builtin's output where its stdout goes. Into a pipe it is queued at once,
/// in order, since the reader may not have started yet.
pub(super) fn deliver(text: impl Into<Bytes>, output: Output) -> Result<(), WriteError> {
    let text: Bytes = text.into();
    if text.is_empty() {
        return Ok(());
    }
    // Bytes the shell's strings keep as characters go out as the bytes they were.
    let text = match wasmix_printf_format::rawbytes::encode(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(bytes) => Bytes::from(bytes),
    };
    match output {
        Output::ConsoleOut => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(&text)
                .and_then(|()| stdout.flush())
                .map_err(WriteError::from)
        }
        Output::ConsoleErr => {
            let _ = std::io::stderr().write_all(&text);
            Ok(())
        }
        Output::Pipe(writer) => writer.put_now(text).map_err(WriteError::from),
        Output::File(handle, offset) => {
            wasmix_kernel::file::write_to_file(&*handle, offset.as_deref(), &text)
                .map_err(|e| WriteError::Other(e.to_string()))
        }
        Output::Null => Ok(()),
        Output::Closed => Err(WriteError::Other(
            wasmix_kernel::fs::FsError::BadDescriptor.to_string(),
        )),
    }
}
