//! The shell as a process of its own, as the kernel starts it for `/bin/sh` and
//! `/bin/bash`: `sh -c STRING [NAME [ARGS]]`, `sh FILE [ARGS]`, or commands read from its
//! standard input, with `set` flags (`-e`, `-u`, `-x`, ...) before them. It runs with the
//! streams, environment, working directory, namespace and limits it was given.

use super::{Commands, Exit, Origin, Shell};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use wasmix_kernel::exec::{NativeShell, ShellProcess};
use wasmix_kernel::file::Input;

/// What the kernel is given to start shells with.
pub struct ShellProgram;

impl NativeShell for ShellProgram {
    fn run(&self, process: ShellProcess) -> Pin<Box<dyn Future<Output = u8> + Send>> {
        Box::pin(run(process))
    }
}

/// What `sh --help` prints.
const USAGE: &str = "Usage: sh [option ...] [file [argument ...]]
       sh [option ...] -c command [name [argument ...]]
       sh -i [option ...]
Options: -c, -i, -s, -r and --restricted, set's letters (-e -u -x ...), -o NAME and +o NAME (set -o),
-O NAME and +O NAME (shopt), --norc, --noprofile, --login, --posix, --help.
";

/// The status of a shell that could not read its script, as bash's.
const UNREADABLE_SCRIPT: u8 = 127;

/// The status bash gives a script file it takes for a binary.
const BINARY_SCRIPT: u8 = 126;

/// Whether bash would refuse to run this file as a script (its `check_binary_file`, on
/// the first 80 bytes): an ELF file, a NUL anywhere there after `#!`, or else a NUL
/// before the first newline.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(80)];
    if sample.starts_with(b"\x7fELF") {
        return true;
    }
    if sample.starts_with(b"#!") {
        return sample.contains(&0);
    }
    sample.iter().find(|&&b| b == b'\n' || b == 0) == Some(&0)
}

/// A script's text as bash reads it: NUL bytes are dropped, and a byte outside valid
/// UTF-8 is kept (`rawbytes.rs`), so `echo` writes it back as it was.
pub fn script_text(bytes: &[u8]) -> String {
    let kept: Vec<u8> = bytes.iter().copied().filter(|&b| b != 0).collect();
    wasmix_printf_format::rawbytes::decode(&kept)
}

async fn run(process: ShellProcess) -> u8 {
    let name = process.argv[0].clone();
    let mut flags = String::new();
    // `set -o`/`shopt -s` commands from `-o NAME` and `-O NAME`, run before the script.
    let mut settings = Vec::new();
    let mut command_string = false;
    let mut interactive = false;
    // `-l`, `--login`: `shopt login_shell` says so (no login files are read).
    let mut login = false;
    // `-r`, or the name `rbash`: restricted from the start (`restricted.rs`).
    let mut restricted =
        name.rsplit('/').next().map(|n| n.trim_start_matches('-')) == Some("rbash");
    let mut operands = process.argv[1..].iter().cloned().peekable();
    let complain = |message: String| {
        let _ = super::builtin::deliver(message, process.stdio.stderr.duplicate());
        2
    };
    while let Some(option) = operands
        .next_if(|a| (a.starts_with('-') || a.starts_with('+')) && (a.len() > 1 || a == "-"))
    {
        match option.as_str() {
            // `-` ends the options too, as in bash.
            "--" | "-" => break,
            // `+c` is read as `-c`, as bash reads it.
            "-c" | "+c" => command_string = true,
            "--help" => {
                let _ =
                    super::builtin::deliver(USAGE.to_string(), process.stdio.stdout.duplicate());
                return 0;
            }
            // sh reads no startup files, which is what these ask for.
            "--norc" | "--noprofile" | "--noediting" => {}
            "--login" => login = true,
            "--restricted" => restricted = true,
            "--posix" => settings.push("set -o posix".to_string()),
            "-o" | "+o" | "-O" | "+O" => {
                let Some(setting) = operands.next() else {
                    return complain(format!("{name}: {option}: option requires an argument\n"));
                };
                let command = match option.as_str() {
                    "-o" => "set -o",
                    "+o" => "set +o",
                    "-O" => "shopt -s",
                    _ => "shopt -u",
                };
                settings.push(format!("{command} {setting}"));
            }
            long if long.starts_with("--") => {
                return complain(format!("{name}: {long}: invalid option\n"));
            }
            plus if plus.starts_with('+') => {
                settings.push(format!("set {plus}"));
            }
            letters => {
                for letter in letters[1..].chars() {
                    match letter {
                        // Each `o` or `O` in a group takes the next operand (`-oo A B`).
                        'o' | 'O' => {
                            let Some(setting) = operands.next() else {
                                return complain(format!(
                                    "{name}: -{letter}: option requires an argument\n"
                                ));
                            };
                            let command = if letter == 'o' { "set -o" } else { "shopt -s" };
                            settings.push(format!("{command} {setting}"));
                        }
                        'c' => command_string = true,
                        'i' => interactive = true,
                        // Read commands from stdin: what happens anyway without operands.
                        's' => {}
                        'l' => login = true,
                        'r' => restricted = true,
                        other => flags.push(other),
                    }
                }
            }
        }
    }
    let operands: Vec<String> = operands.collect();
    let streams = Arc::new(process.stdio);
    let (origin, commands, script_name, positional) = if command_string {
        let Some(text) = operands.first().cloned() else {
            let _ = super::builtin::deliver(
                format!("{name}: -c: option requires an argument\n"),
                streams.stderr.duplicate(),
            );
            return 2;
        };
        let script_name = operands.get(1).cloned().unwrap_or_else(|| name.clone());
        let positional = operands.iter().skip(2).cloned().collect();
        (
            Origin::CommandString,
            Commands::Text(text),
            script_name,
            positional,
        )
    } else if let Some(file) = operands.first() {
        let path = wasmix_kernel::fs::namespace::absolute(&process.cwd, file);
        match super::read_whole_file(&process.namespace, &path) {
            Ok(bytes) if looks_binary(&bytes) => {
                let _ = super::builtin::deliver(
                    format!("{file}: {file}: cannot execute binary file\n"),
                    streams.stderr.duplicate(),
                );
                return BINARY_SCRIPT;
            }
            Ok(bytes) => (
                Origin::Script(file.clone()),
                Commands::Text(script_text(&bytes)),
                file.clone(),
                operands[1..].to_vec(),
            ),
            Err(e) => {
                let _ = super::builtin::deliver(
                    format!("{name}: {file}: {e}\n"),
                    streams.stderr.duplicate(),
                );
                return UNREADABLE_SCRIPT;
            }
        }
    } else if interactive {
        (
            Origin::Prompt,
            Commands::StandardInput,
            name.clone(),
            Vec::new(),
        )
    } else {
        (
            Origin::StandardInput,
            Commands::StandardInput,
            name.clone(),
            Vec::new(),
        )
    };
    let mut shell = Shell::new(process.kernel, origin);
    shell.shell_options.login_shell = login;
    shell.pid = process.pid;
    shell.process_pid = process.pid;
    shell.namespace = process.namespace;
    shell.limits = process.limits;
    shell.streams = Some(streams.clone());
    if !interactive {
        shell.keep_signals_ignored_at_entry();
    }
    // `POSIXLY_CORRECT` in the environment starts bash in POSIX mode, which decides
    // which exported functions it takes.
    if process
        .env
        .iter()
        .any(|(name, _)| name == "POSIXLY_CORRECT")
    {
        shell.posixly_correct_changed(true);
    }
    // `sh -p` takes neither functions nor `$SHELLOPTS` from the environment, as bash's
    // privileged mode; nor does a restricted shell.
    let privileged = flags.contains('p') || restricted;
    for (variable, value) in &process.env {
        let function = !privileged && shell.import_function(variable, value);
        if !function {
            shell.set_variable(variable, value, true);
        }
    }
    // An interactive shell keeps its history in a file unless told otherwise, `-c` or
    // not, as bash does.
    if interactive {
        shell.options.histexpand = true;
    }
    if interactive && shell.variable("HISTFILE").is_none() {
        let home = shell.variable("HOME").unwrap_or_default();
        shell.set_variable("HISTFILE", &format!("{home}/.wasmix_history"), false);
    }
    // An exported `$SHELLOPTS` hands its options down, as in bash (`set -x` traces into
    // child shells).
    if let Some((_, list)) = process
        .env
        .iter()
        .find(|(name, _)| name == "SHELLOPTS" && !privileged)
    {
        let inherited = list
            .split(':')
            .filter(|name| super::options::NAMES.iter().any(|(known, _)| known == name))
            .map(|name| format!("set -o {name}"));
        settings.splice(0..0, inherited);
    }
    // As bash starting: `$PWD` when it names the working directory (a path through
    // symlinks stays as it was typed), else the physical path.
    let inherited = process.env.iter().find(|(name, _)| name == "PWD");
    let physical = shell.namespace.resolve(&process.cwd, true).ok();
    let cwd = match inherited {
        Some((_, pwd)) if shell.namespace.resolve(pwd, true).ok() == physical => pwd.clone(),
        _ => physical.unwrap_or_else(|| process.cwd.clone()),
    };
    // `$_` starts as the environment's (the path the shell was run by), else its name.
    if !process.env.iter().any(|(variable, _)| variable == "_") {
        shell.set_variable("_", &name, false);
    }
    shell.set_variable("PWD", &cwd, true);
    shell.cwd = cwd;
    shell.publish_directory_stack();
    shell.set_arguments(script_name, positional);
    if !flags.is_empty() {
        settings.insert(0, format!("set -{flags}"));
    }
    let started_as = shell.variable("_");
    for setting in &settings {
        if !matches!(shell.run_text(setting).await, Ok(0)) {
            return super::SYNTAX_ERROR_STATUS;
        }
    }
    if let Some(started_as) = started_as {
        shell.set_variable("_", &started_as, false);
    }
    // As bash: the restrictions start once the shell's own settings are made.
    if restricted {
        shell.shell_options.restricted_shell = true;
        shell.restrict(true);
    }
    let result = match shell.origin {
        Origin::Prompt => shell.run_commands_read(&streams.stdin).await,
        _ => shell.run_commands(&commands).await,
    };
    let status = match result {
        Ok(status) | Err(Exit(status)) => status,
    };
    let status = shell.exit_with(status).await;
    shell.wait_for_background_jobs().await;
    status
}

impl Shell {
    /// `sh -i` reading a stream that is no terminal: commands read a line at a time
    /// (the rest left for the programs they run), with prompts on stderr, recorded in the
    /// history, which `$HISTFILE` gives at the start and keeps at the end, as bash does.
    async fn run_commands_read(&mut self, input: &Input) -> Result<u8, Exit> {
        self.options.history = true;
        self.load_history();
        let result = loop {
            let prompt = self.primary_prompt().await;
            self.say_without_newline(&prompt);
            let Some(mut text) = read_line(input).await else {
                self.say("exit".into());
                break Ok(self.last_status);
            };
            while super::syntax::is_unfinished(&self.as_typed_for_parsing(&text), self.reading()) {
                let prompt = self.continuation_prompt().await;
                self.say_without_newline(&prompt);
                let Some(more) = read_line(input).await else {
                    break;
                };
                text.push('\n');
                text.push_str(&more);
            }
            let (text, print_only) = match self.expand_history_if_on(&text) {
                Ok(None) => (text, false),
                Ok(Some(expanded)) => {
                    for line in expanded.shown {
                        self.say(line);
                    }
                    (expanded.text, expanded.print_only)
                }
                Err(message) => {
                    self.report(&message);
                    continue;
                }
            };
            self.record_command(&text);
            if print_only {
                continue;
            }
            let text = self.as_typed_for_parsing(&text).into_owned();
            if let Err(exit) = self.run_text(&text).await {
                break Err(exit);
            }
        };
        self.save_history();
        result
    }

    /// Text on the shell's stderr as it is (a prompt).
    fn say_without_newline(&self, text: &str) {
        if let Some(streams) = &self.streams {
            let shown = text.replace(['\x01', '\x02'], "");
            let _ = super::builtin::deliver(shown, streams.stderr.duplicate());
        }
    }
}

/// One line of a stream, without its newline (the last may have none); None at its end.
async fn read_line(input: &Input) -> Option<String> {
    let mut line = super::read::read_line(input).await?;
    if line.last() == Some(&b'\n') {
        line.pop();
    }
    Some(script_text(&line))
}

/// All of a stream, to its end.
pub(super) async fn read_all(input: &Input) -> Vec<u8> {
    let mut all = Vec::new();
    match input {
        Input::Null => {}
        Input::Pipe(reader) => {
            while let Some(chunk) = reader.read(64 * 1024).await {
                all.extend_from_slice(&chunk);
            }
        }
        Input::Console => {
            while let Some(chunk) = wasmix_kernel::console::read_console(64 * 1024).await {
                all.extend_from_slice(&chunk);
            }
        }
        Input::File(handle, offset) => {
            let mut buffer = vec![0; 64 * 1024];
            loop {
                let at = offset.load(std::sync::atomic::Ordering::SeqCst);
                let n = handle.read_at(&mut buffer, at).unwrap_or(0);
                if n == 0 {
                    break;
                }
                all.extend_from_slice(&buffer[..n]);
                offset.fetch_add(n as u64, std::sync::atomic::Ordering::SeqCst);
            }
        }
    }
    all
}
