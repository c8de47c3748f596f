//! The shell: reads commands, expands them, and runs them as processes through the kernel.

mod alias;
mod alias_reading;
mod arith;
mod arith_errors;
mod arith_keys;
mod assign;
mod assoc;
mod brace;
mod braced_blanks;
mod builtin;
mod builtin_options;
mod callstack;
mod collating;
mod comments;
mod compgen;
mod complete;
mod compound;
mod compound_grammar;
mod compspec;
mod cond;
mod coproc;
mod dirstack;
mod dynamic;
mod elements;
mod enable;
mod exec;
mod expand;
mod exported_functions;
mod extglob_words;
mod fc;
mod getopts;
mod glob;
mod grammar;
mod history;
mod history_entry;
mod history_expansion;
mod history_lines;
mod history_quoting;
mod history_words;
pub mod interactive;
mod job;
mod job_marks;
mod jobctl;
mod named_fds;
mod namespace;
pub use namespace::program_name;
mod options;
mod paramexpr;
mod params;
mod pattern;
mod print;
mod print_words;
mod printf;
mod process;
mod procsub;
mod prompt;
mod times;
pub use process::{ShellProgram, script_text};
mod hash;
#[cfg(test)]
mod random_text;
mod read;
mod reader;
mod redirect;
mod redirect_grammar;
mod regex_word;
mod restricted;
mod select;
mod shopt;
mod source;
mod stdin_script;
pub use stdin_script::Commands;
mod subscripts;
mod subshell_pid;
mod substitution_cases;
mod substitution_syntax;
mod substring;
mod syntax;
mod table;
mod table_arrays;
mod test;
mod test_syntax;
mod transform;
mod trap;
mod ulimit;
mod umask;
mod value_ops;
mod variables;
mod whatis;
mod word;
use variables::Variable;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use wasmix_kernel::fs::namespace::Namespace;
use wasmix_kernel::kernel::Kernel;
use wasmix_kernel::proc::{Pid, SHELL_PID, Signal};

/// Runs every parser the shell uses on text it is given (commands, words, arithmetic),
/// and throws the results away: for the fuzz target in `shell/fuzz`, and for the
/// regression tests of what it found. An error is fine; a panic or a hang is a bug.
pub fn parse_everything(text: &str) {
    let _ = syntax::is_unfinished(text, syntax::Reading::PLAIN);
    // Aliases that open a group, and one whose text ends in a blank and names another.
    let aliases = [("a", "{ "), ("b", "b a "), ("c", "echo (")];
    let aliases = aliases.map(|(name, text)| (name.to_string(), text.to_string()));
    let aliases = BTreeMap::from(aliases);
    let reading = syntax::Reading {
        aliases: Some(&aliases),
        extglob: true,
    };
    let _ = syntax::parse_with(text, reading);
    let _ = syntax::parse_word(text, false);
    let _ = syntax::parse_word(text, true);
    let _ = syntax::parse_arithmetic(text);
}

/// `$BASH_VERSION`: the bash whose language the shell speaks.
const BASH_VERSION: &str = "5.2.0(1)-wasmix";

/// The shell's own status for a syntax error, as bash's.
pub const SYNTAX_ERROR_STATUS: u8 = 2;

/// Where the text being run came from; it prefixes error messages as bash does.
#[derive(Clone)]
pub enum Origin {
    /// `wasmix -c '...'`: messages read `wasmix: -c: line N: ...`.
    CommandString,
    /// A script file: `FILE: line N: ...`.
    Script(String),
    /// A script read from standard input: `$0: line N: ...`, no `main` frame in
    /// `FUNCNAME`, `main` as its file in `BASH_SOURCE`.
    StandardInput,
    /// The prompt: `wasmix: ...`.
    Prompt,
}

/// SIGINT and SIGTSTP from the terminal, caught for the whole life of wasmix: registered
/// before anything else runs, so neither can ever stop or kill wasmix itself (a handler
/// registered lazily, on a task's first poll, left a window where Ctrl-C killed it).
pub struct TerminalSignals {
    interrupts: tokio::signal::unix::Signal,
    suspends: tokio::signal::unix::Signal,
}

impl TerminalSignals {
    /// Ctrl-C, for a caller that handles it itself (`wasmix run`).
    pub fn interrupts(&mut self) -> &mut tokio::signal::unix::Signal {
        &mut self.interrupts
    }

    /// Must be called within a tokio runtime.
    pub fn register() -> std::io::Result<TerminalSignals> {
        use tokio::signal::unix::{SignalKind, signal};
        Ok(TerminalSignals {
            interrupts: signal(SignalKind::interrupt())?,
            suspends: signal(SignalKind::from_raw(libc::SIGTSTP))?,
        })
    }
}

/// Raised by `exit` (and by a fatal interrupt) to unwind out of whatever is running.
#[derive(Debug)]
pub struct Exit(pub u8);

/// What cuts the running commands short: `exit`, or `return`, `break` and `continue` on
/// their way to the function or loop they end.
#[derive(Debug)]
enum Flow {
    Exit(u8),
    Return(u8),
    Break(usize),
    Continue(usize),
    /// An error that ends the whole command line being run, not the shell: a failed
    /// assignment to a read-only variable, a `failglob` miss (bash jumps to its top level).
    Abort(u8),
}

/// Where a function was defined: its file (`$BASH_SOURCE`), and the line offset of the
/// text it was read from (`eval`'s), by which its lines are numbered wherever it is called.
#[derive(Clone)]
struct FunctionOrigin {
    file: String,
    line_offset: usize,
    /// The line its body starts on.
    line: usize,
}

/// wasmix's one user, and its home, where the shell starts (`~user` too).
const USER: &str = "user";
const HOME: &str = "/home/user";

/// The PATH the shell starts with, and where `command -p` looks.
const DEFAULT_PATH: &str = "/bin";

/// A shell. Cloning one makes a subshell: same variables and functions, its own changes.
#[derive(Clone)]
pub struct Shell {
    kernel: Arc<Kernel>,
    /// The process this shell runs as (`$BASHPID`): a background subshell has its own.
    pid: Pid,
    /// The shell process's pid (`$$`), which subshells keep.
    process_pid: Pid,
    /// The shell's namespace; each child gets a copy of it as it is at the spawn.
    namespace: Arc<Namespace>,
    variables: variables::VariableTable,
    /// The working directory, as `cd` last set it: what `pwd` prints and where
    /// relative paths start, whatever a script does to `$PWD`.
    cwd: String,
    positional: Vec<String>,
    /// `set` gave new positional parameters (outside any function) since the innermost
    /// `. FILE ARGS` began: then they stay after it, as bash's `dollar_vars_changed`.
    positional_set: bool,
    script_name: String,
    last_status: u8,
    origin: Origin,
    /// The last background pipeline's last process: `$!`.
    last_background: Option<Pid>,
    jobs: job::Jobs,
    functions: std::collections::HashMap<String, Arc<brush_parser::ast::FunctionBody>>,
    /// Functions `readonly -f` made: they cannot be defined again or unset.
    readonly_functions: std::collections::BTreeSet<String>,
    /// Functions `export -f` hands to child shells.
    exported_functions: std::collections::BTreeSet<String>,
    /// Functions `declare -ft` marked: they inherit the DEBUG and RETURN traps.
    traced_functions: std::collections::BTreeSet<String>,
    /// Function calls in progress, to stop runaway recursion.
    call_depth: usize,
    /// Loop bodies running, for `break` and `continue` outside any loop.
    loop_depth: usize,
    /// The status of the last command substitution of the command being expanded: what an
    /// assignment-only command like `x=$(false)` returns.
    substitution_status: Option<u8>,
    /// Processes of the pipelines running in the foreground: what Ctrl-C stops.
    foreground: Arc<Mutex<Vec<Pid>>>,
    interrupted: Arc<AtomicBool>,
    /// What the processes the shell starts may use.
    limits: wasmix_kernel::kernel::Limits,
    options: options::Options,
    /// The options to restore as a function returns, by its call depth (`local -`).
    options_to_restore: Vec<(usize, options::Options)>,
    /// The coprocess started last, until it is found to have ended.
    coprocess: Option<coproc::Coprocess>,
    /// Restricted mode (`set -r`, `restricted.rs`): kept apart from the options `local -`
    /// restores, since nothing turns it off.
    restricted: bool,
    shell_options: shopt::ShellOptions,
    /// Command substitutions this shell runs inside (0 for the top).
    substitution_depth: usize,
    /// How deep in `eval`, `.` and trap actions (but EXIT's) the shell is: `set -x`
    /// repeats `$PS4`'s first character once more for each, as bash does.
    trace_nesting: usize,
    /// How many compound commands being run redirect standard input: background
    /// commands inside them keep it instead of reading /dev/null.
    stdin_redirections: usize,
    /// Conditions being run (`if` tests, all but the last of `&&`/`||`, `!`), where a
    /// failure does not end the shell under `set -e`.
    condition_depth: usize,
    /// For each function call in progress, the variables `local` shadowed and their
    /// values before.
    locals: Vec<Vec<(String, Option<Variable>)>>,
    /// Each alias's text by its name.
    aliases: BTreeMap<String, String>,
    /// Counts the changes to `aliases`, so that text read before one is read again.
    alias_generation: u64,
    /// The commands remembered, for `history`, `fc` and `!!`.
    history: history::History,
    /// The number of the next command the shell reads at its top level (bash's
    /// `current_command_number`, the prompt's `\#`).
    command_number: usize,
    /// A line the prompt gives back to be edited (`histverify`, `histreedit`).
    line_to_edit: Option<String>,
    /// When the shell started, for `printf`'s `%(...)T`.
    started: std::time::Instant,
    /// What `$RANDOM` and `$SECONDS` count from.
    dynamic: dynamic::DynamicState,
    /// The line of the command running (`$LINENO`), and what to add to the lines of the
    /// text being run to get it.
    line: usize,
    line_offset: usize,
    /// The line the complete command being run ends on, which the reader has read to:
    /// bash reports a refused function name there.
    read_to_line: usize,
    /// The line the running simple command's last word ends on: `eval` counts the lines
    /// of its text from there, as bash does.
    last_line: usize,
    /// The history length at which `exit` goes through despite stopped jobs (the command
    /// right after the warning).
    exit_warned_at: Option<usize>,
    /// The functions being run, outermost first, and with them the files being sourced,
    /// in the order they were entered (`$FUNCNAME`, `$BASH_SOURCE`, `$BASH_LINENO`).
    function_names: Vec<String>,
    call_frames: Vec<callstack::CallFrame>,
    /// The shell's own arguments, and under extdebug each call's (`$BASH_ARGV`).
    shell_arguments: Vec<String>,
    call_arguments: Vec<Vec<String>>,
    /// The files `source` is reading, outermost first, and where each function was
    /// defined.
    source_files: Vec<String>,
    function_origins: std::collections::HashMap<String, FunctionOrigin>,
    /// `pushd`'s directories, the most recent last (the working directory is not in it).
    directory_stack: Vec<String>,
    /// The programs run by name, for `hash`.
    hashed: Vec<hash::Hashed>,
    /// `trap`: the command for each condition (`EXIT`, `ERR`).
    traps: BTreeMap<String, String>,
    /// In a subshell that has not set a trap, the traps of the shell it was made from,
    /// which `trap` alone lists.
    parent_traps: Option<Arc<BTreeMap<String, String>>>,
    /// In a subshell, the jobs of the shell it was made from: a subshell has none of
    /// its own to move or wait for, but `jobs` in it lists these (`$(jobs)`, as POSIX
    /// asks and bash does).
    parent_jobs: Option<job::Jobs>,
    /// How many subshells deep this copy of the shell is (`$BASH_SUBSHELL`; see
    /// `Shell::subshell`); 0 in the shell itself.
    subshell_level: u32,
    /// A subshell's own pid (`$BASHPID`), None where the shell has its own process.
    subshell_pid: Option<subshell_pid::SubshellPid>,
    /// `enable -n`: builtins turned off, so their names run programs.
    disabled_builtins: std::collections::BTreeSet<String>,
    /// CPU time of the children waited for (`times`).
    children_cpu: std::time::Duration,
    /// What `complete` recorded, for Tab and `complete -p`.
    completion_specs: compspec::CompSpecs,
    /// The completion a function is running for at the prompt (what `compopt` changes).
    completing: Option<compspec::Completing>,
    /// How many times a RETURN trap was set, so a function knows whether it set one.
    return_traps_set: u64,
    /// The traps running, innermost last (a trap does not set itself off again).
    running_traps: Vec<String>,
    /// `$BASH_COMMAND`: the command running, as written; kept only once some text the
    /// shell reads names the variable (printing each command costs the rest nothing).
    command_text: String,
    shows_command: bool,
    /// Some text the shell ran names `BASH_ALIASES` or `BASH_CMDS` (`table_arrays.rs`).
    shows_tables: bool,
    /// The host names `compgen -A hostname` completes (`compgen.rs`).
    host_names: compgen::HostNames,
    /// How many times the ERR trap ran, so a compound command does not run it again
    /// for the failure its last command ran it for.
    err_traps_run: u64,
    /// The last status came from a command that failed where `set -e` is ignored (in a
    /// condition, before `&&`/`||`, negated): a compound command (not a subshell) ending
    /// with that status does not end the shell either, as in bash.
    failure_ignored: bool,
    /// A special builtin just failed as POSIX says ends a non-interactive shell: a
    /// usage error, or `.` that could not read its file (bash's `special_builtin_failed`).
    special_builtin_failed: bool,
    /// The signals a non-interactive shell found ignored when it started, which its
    /// traps cannot change (POSIX), as a Linux mask: bit n-1 for signal n.
    ignored_at_entry: u64,
    /// The descriptors the last command's redirections named: those a compound command
    /// gives back when it ends, whatever `exec` did inside.
    redirected_fds: Vec<i32>,
    /// Where `getopts` is: the OPTIND it last set, and the position in that word.
    getopts_state: (usize, usize),
    /// The keys of associative arrays' subscripts in the arithmetic being evaluated
    /// (`arith_keys.rs`).
    arithmetic_keys: Vec<String>,
    /// Counts the times `exec` (or a `{NAME}` descriptor kept) changed the shell's own
    /// streams for good: every list being run takes them for its remaining commands.
    streams_changed: u64,
    /// Array assignments for the declaration builtin about to run (`declare -a a=(x)`).
    declared_arrays: Vec<assign::DeclaredArray>,
    /// The streams it was given when it runs as a process of its own (`/bin/sh`); the
    /// console otherwise.
    streams: Option<Arc<wasmix_kernel::file::Stdio>>,
}

impl Shell {
    pub fn new(kernel: Arc<Kernel>, origin: Origin) -> Shell {
        let mut shell = Shell {
            namespace: Arc::new(kernel.root_namespace()),
            kernel,
            limits: wasmix_kernel::kernel::Limits::default(),
            options_to_restore: Vec::new(),
            options: options::Options {
                monitor: matches!(origin, Origin::Prompt),
                ..Default::default()
            },
            coprocess: None,
            restricted: false,
            shell_options: shopt::ShellOptions {
                expand_aliases: matches!(origin, Origin::Prompt),
                ..Default::default()
            },
            substitution_depth: 0,
            trace_nesting: 0,
            stdin_redirections: 0,
            condition_depth: 0,
            locals: Vec::new(),
            aliases: BTreeMap::new(),
            alias_generation: 0,
            history: history::History::default(),
            command_number: 1,
            line_to_edit: None,
            started: std::time::Instant::now(),
            dynamic: dynamic::DynamicState::new(),
            streams: None,
            declared_arrays: Vec::new(),
            streams_changed: 0,
            traps: BTreeMap::new(),
            parent_traps: None,
            parent_jobs: None,
            subshell_level: 0,
            subshell_pid: None,
            disabled_builtins: std::collections::BTreeSet::new(),
            completion_specs: compspec::CompSpecs::default(),
            completing: None,
            children_cpu: std::time::Duration::ZERO,
            return_traps_set: 0,
            directory_stack: Vec::new(),
            hashed: Vec::new(),
            function_names: Vec::new(),
            call_frames: Vec::new(),
            shell_arguments: Vec::new(),
            call_arguments: Vec::new(),
            source_files: Vec::new(),
            function_origins: std::collections::HashMap::new(),
            exit_warned_at: None,
            line: 0,
            last_line: 0,
            line_offset: 0,
            read_to_line: 0,
            running_traps: Vec::new(),
            command_text: String::new(),
            shows_command: false,
            shows_tables: false,
            host_names: Default::default(),
            err_traps_run: 0,
            failure_ignored: false,
            special_builtin_failed: false,
            ignored_at_entry: 0,
            redirected_fds: Vec::new(),
            getopts_state: (1, 0),
            arithmetic_keys: Vec::new(),
            pid: SHELL_PID,
            process_pid: SHELL_PID,
            variables: variables::VariableTable::default(),
            positional: Vec::new(),
            positional_set: false,
            script_name: "wasmix".into(),
            last_status: 0,
            cwd: HOME.to_string(),
            origin,
            last_background: None,
            jobs: job::Jobs::default(),
            functions: std::collections::HashMap::new(),
            readonly_functions: std::collections::BTreeSet::new(),
            exported_functions: std::collections::BTreeSet::new(),
            traced_functions: std::collections::BTreeSet::new(),
            call_depth: 0,
            loop_depth: 0,
            substitution_status: None,
            foreground: Arc::default(),
            interrupted: Arc::default(),
        };
        for (name, value) in [
            ("HOME", HOME),
            ("PATH", DEFAULT_PATH),
            ("USER", USER),
            ("LOGNAME", USER),
            ("SHELL", "/bin/sh"),
            ("PWD", HOME),
        ] {
            shell.set_variable(name, value, true);
        }
        // As bash: exported, though without a value until the first `cd`.
        shell.declared("OLDPWD").exported = true;
        // Full-screen programs and colour need to know the terminal: the host's name for
        // it, or xterm's when the host has a terminal and no name for it.
        let host_term = std::env::var("TERM").ok().filter(|t| !t.is_empty());
        let on_terminal = std::io::IsTerminal::is_terminal(&std::io::stdout());
        if let Some(term) = host_term.or_else(|| on_terminal.then(|| "xterm-256color".into())) {
            shell.set_variable("TERM", &term, true);
        }
        // The host's locale, as a login would set it: whether text is UTF-8 decides how
        // `\u` escapes, `wc -m` and `ls` quoting treat characters.
        for (name, value) in std::env::vars() {
            if (name == "LANG" || name.starts_with("LC_")) && !value.is_empty() {
                shell.set_variable(&name, &value, true);
            }
        }
        // Scripts that check for bash find the language they need.
        shell.set_variable("BASH_VERSION", BASH_VERSION, false);
        let version_parts = ["5", "2", "0", "1", "wasmix", "wasm32-unknown-wasmix"];
        let _ = shell.assign_array(
            "BASH_VERSINFO",
            version_parts
                .iter()
                .map(|part| (None, part.to_string()))
                .collect(),
            false,
        );
        shell.declared("BASH_VERSINFO").readonly = true;
        for name in ["UID", "EUID"] {
            shell.set_variable(name, &dynamic::USER_ID.to_string(), false);
            let variable = shell.declared(name);
            (variable.integer, variable.readonly) = (true, true);
        }
        shell.publish_arguments();
        let group = (None, dynamic::USER_ID.to_string());
        let _ = shell.assign_array("GROUPS", vec![group], false);
        shell.set_variable("OPTIND", "1", false);
        // Set, as in bash, so that `old=$IFS ... IFS=$old` restores splitting.
        shell.set_variable("IFS", " \t\n", false);
        shell.declare_dynamic_variables();
        shell.declare_tables();
        shell.publish_call_stack();
        shell.publish_directory_stack();
        shell
    }

    /// Positional parameters for a script: `$0` and `$1...`.
    pub fn set_arguments(&mut self, name: String, arguments: Vec<String>) {
        self.script_name = name;
        self.shell_arguments = arguments.clone();
        self.positional = arguments;
        self.publish_arguments();
    }

    pub fn last_status(&self) -> u8 {
        self.last_status
    }

    /// Stops the foreground pipeline when the user presses Ctrl-C, and pauses it on
    /// Ctrl-Z. Must be called within the kernel's tokio runtime.
    pub fn catch_interrupts(&self, signals: TerminalSignals) {
        let TerminalSignals {
            mut interrupts,
            mut suspends,
        } = signals;
        let kernel = self.kernel.clone();
        let foreground = self.foreground.clone();
        let interrupted = self.interrupted.clone();
        tokio::spawn(async move {
            while interrupts.recv().await.is_some() {
                interrupted.store(true, Ordering::SeqCst);
                let pids = foreground.lock().map(|p| p.clone()).unwrap_or_default();
                for pid in pids {
                    let _ = kernel.kill(pid, Signal::Interrupt);
                }
            }
        });
        let kernel = self.kernel.clone();
        let foreground = self.foreground.clone();
        tokio::spawn(async move {
            while suspends.recv().await.is_some() {
                let pids = foreground.lock().map(|p| p.clone()).unwrap_or_default();
                for pid in pids {
                    let _ = kernel.kill(pid, Signal::Stop);
                }
            }
        });
    }

    /// True once if Ctrl-C was pressed since the last call.
    fn take_interrupt(&self) -> bool {
        self.interrupted.swap(false, Ordering::SeqCst)
    }

    /// Runs commands as `run_text` does, unless a signal that ends the shell's process
    /// comes first (`kill $$`): then the status is 128 + its number.
    pub async fn run_as_process(&mut self, commands: &Commands) -> Result<u8, Exit> {
        let Some(process) = self.kernel.processes.get(self.pid) else {
            return self.run_commands(commands).await;
        };
        tokio::select! {
            result = self.run_commands(commands) => result,
            signal = process.killed() => Err(Exit(128 + signal.number())),
        }
    }

    pub(crate) async fn run_commands(&mut self, commands: &Commands) -> Result<u8, Exit> {
        match commands {
            Commands::Text(text) => self.run_text(text).await,
            Commands::StandardInput => self.run_standard_input().await,
        }
    }

    /// Starts keeping `$BASH_COMMAND`, `BASH_ALIASES` and `BASH_CMDS` once text to be run
    /// (a script, `eval`, `source`, a trap) names them.
    pub(crate) fn notice_bash_command(&mut self, text: &str) {
        if !self.shows_command && text.contains("BASH_COMMAND") {
            self.shows_command = true;
        }
        self.notice_tables(text);
    }

    /// Parses and runs shell text; the status is also kept for `$?`.
    pub async fn run_text(&mut self, text: &str) -> Result<u8, Exit> {
        // A backslash that ends a script file continues its line into nothing, as bash
        // reads it (in a `-c` string it stands for itself).
        let escape_ended = syntax::ends_with_escape(text);
        let text = match self.origin {
            Origin::Script(_) | Origin::StandardInput if escape_ended => &text[..text.len() - 1],
            _ => text,
        };
        self.notice_bash_command(text);
        let mut reader = reader::Reader::new(text);
        while let Some(chunk) = reader.next(self.reading()) {
            let aliases = self.reading_state();
            match self.run_chunk(&chunk, aliases, text).await {
                Ok(Some(index)) => {
                    if let Some(line) = chunk.resume_line(index) {
                        reader.resume_at(line);
                        continue;
                    }
                }
                Ok(None) => {}
                Err(Flow::Exit(status)) => return Err(Exit(status)),
                Err(_) if chunk.error.is_none() => return Ok(self.last_status),
                Err(_) => {}
            }
            // Without an error, reading goes on where the chunk ended (if it did before
            // the end of the text).
            let Some((mut error, _)) = chunk.error else {
                continue;
            };
            // bash reads a `-c` string with a newline after it: its end after a last
            // backslash is a line further on.
            if escape_ended
                && matches!(self.origin, Origin::CommandString)
                && error.message == syntax::END_OF_FILE
            {
                error.line += 1;
            }
            // Lines of the text, reported after those read before it (`line_offset`).
            let line = error.line;
            error.line += self.line_offset;
            if error.discards_line {
                self.report_syntax_error(&error);
                self.last_status = 1;
                reader.resume_at(line + 1);
                continue;
            }
            // bash 5.2 stops at an error inside `[[ ]]` with its own message and,
            // unlike any other syntax error, status 0.
            // (The parser may notice on the line after the `[[`.)
            let in_conditional = text
                .lines()
                .skip(line.saturating_sub(2))
                .take(if line > 1 { 2 } else { 1 })
                .any(|line| line.contains("[["));
            let status = if in_conditional {
                self.report_at_line(error.line, "syntax error in conditional expression");
                0
            } else if error.in_substitution && matches!(self.origin, Origin::CommandString) {
                // bash's `-c` text ends with 127 here.
                self.report_syntax_error(&error);
                127
            } else {
                self.report_syntax_error(&error);
                SYNTAX_ERROR_STATUS
            };
            self.last_status = status;
            return match self.origin {
                Origin::Prompt => Ok(status),
                _ => Err(Exit(status)),
            };
        }
        Ok(self.last_status)
    }

    /// Runs the commands of a chunk of a script or `-c` string. A here-document that the
    /// end of the text delimited is warned of when the command holding it (the last) is
    /// reached, as bash warns when it reads it.
    async fn run_chunk(
        &mut self,
        chunk: &reader::Chunk,
        aliases: (u64, bool, bool),
        text: &str,
    ) -> Result<Option<usize>, Flow> {
        let commands = &chunk.program.complete_commands;
        let Some(last) = commands
            .len()
            .checked_sub(1)
            .filter(|_| !chunk.open_documents.is_empty())
        else {
            return self
                .run_program(&chunk.program, Some(&chunk.text), aliases)
                .await;
        };
        let before = brush_parser::ast::Program {
            complete_commands: commands[..last].to_vec(),
        };
        if let Some(index) = self
            .run_program(&before, Some(&chunk.text), aliases)
            .await?
        {
            return Ok(Some(index));
        }
        let end_line = text.lines().count() + self.line_offset;
        for document in &chunk.open_documents {
            let warning = format!(
                "warning: here-document at line {} delimited by end-of-file (wanted `{}')",
                document.line, document.tag
            );
            match &self.origin {
                Origin::Script(_) => self.report_at_line(end_line, &warning),
                _ => self.say(format!("{}: line {end_line}: {warning}", self.script_name)),
            }
        }
        let rest = brush_parser::ast::Program {
            complete_commands: commands[last..].to_vec(),
        };
        let index = self.run_program(&rest, Some(&chunk.text), aliases).await?;
        Ok(index.map(|index| index + last))
    }

    /// A syntax error and the line it is on.
    fn report_syntax_error(&self, error: &syntax::SyntaxError) {
        self.report_at_line(error.line, &error.message);
        if let Some(line) = &error.source_line {
            self.report_at_line(error.line, &format!("`{line}'"));
        }
    }

    /// An error about the shell text, prefixed as bash does for this kind of input.
    /// (Each line of a message is prefixed.)
    fn report_at_line(&self, line: usize, message: &str) {
        let prefix = match &self.origin {
            Origin::CommandString => format!("{}: -c: line {line}: ", self.script_name),
            Origin::Script(path) => format!("{path}: line {line}: "),
            Origin::StandardInput => format!("{}: line {line}: ", self.script_name),
            Origin::Prompt => "wasmix: ".into(),
        };
        for part in message.split('\n') {
            self.say(format!("{prefix}{part}"));
        }
    }

    /// A line on the shell's own stderr.
    fn say(&self, line: String) {
        match &self.streams {
            Some(streams) => {
                let _ = builtin::deliver(format!("{line}\n"), streams.stderr.duplicate());
            }
            None => eprintln!("{line}"),
        }
    }

    /// The streams commands get unless redirected: the shell's own.
    fn own_streams(&self) -> wasmix_kernel::file::Stdio {
        match &self.streams {
            Some(streams) => streams.duplicate(),
            None => wasmix_kernel::file::Stdio::console(),
        }
    }

    /// Reports a word that could not be expanded. A fatal one (an unset variable under
    /// `set -u`, `${VAR:?}`) ends a script, as in bash.
    fn expansion_failed(&mut self, e: expand::ExpandError) -> Result<u8, Flow> {
        self.report(&e.message);
        if e.fatal && !matches!(self.origin, Origin::Prompt) {
            // bash ends `-c` text with 127 here (without `set -e`, outside subshells), a
            // script or standard input with 1 (2 for a syntax error inside `$(...)`).
            let status = match self.origin {
                Origin::CommandString if !self.options.errexit && self.subshell_level == 0 => {
                    e.status
                }
                _ => e.script_status,
            };
            return Err(Flow::Exit(status));
        }
        if e.exits_under_errexit && self.options.errexit {
            return Err(Flow::Exit(1));
        }
        if e.aborts {
            self.last_status = 1;
            return Err(Flow::Abort(1));
        }
        Ok(1)
    }

    /// An error about a command: `wasmix: what: why`, prefixed as bash prefixes it.
    fn report(&self, message: &str) {
        self.say(format!("{}{message}", self.message_prefix()));
    }

    /// What starts the shell's error messages, as in bash: `wasmix: ` at the prompt,
    /// `$0: line N: ` for `-c` text, `FILE: line N: ` in a script.
    fn message_prefix(&self) -> String {
        let file = self.innermost_source();
        match &self.origin {
            Origin::Prompt => "wasmix: ".into(),
            Origin::CommandString | Origin::StandardInput => {
                let name = file.as_ref().unwrap_or(&self.script_name);
                format!("{name}: line {}: ", self.line)
            }
            Origin::Script(path) => {
                format!("{}: line {}: ", file.as_ref().unwrap_or(path), self.line)
            }
        }
    }
}

impl Shell {
    /// Reads a file of the shell's namespace (the motd, profiles, sourced scripts).
    fn read_whole_file(&self, path: &str) -> Result<Vec<u8>, wasmix_kernel::fs::FsError> {
        read_whole_file(&self.namespace, path)
    }

    /// The home directory `/etc/passwd` gives the user `name`.
    fn passwd_home(&self, name: &str) -> Option<String> {
        let passwd = self.read_whole_file("/etc/passwd").ok()?;
        String::from_utf8_lossy(&passwd).lines().find_map(|line| {
            let fields: Vec<&str> = line.split(':').collect();
            (fields.len() >= 6 && fields[0] == name).then(|| fields[5].to_string())
        })
    }
}

/// Reads a whole file of a namespace.
fn read_whole_file(
    namespace: &Namespace,
    path: &str,
) -> Result<Vec<u8>, wasmix_kernel::fs::FsError> {
    let file = namespace.open(path, wasmix_kernel::fs::OpenOptions::read_only())?;
    let mut contents = Vec::new();
    let mut buffer = vec![0; 64 * 1024];
    loop {
        let n = file.read_at(&mut buffer, contents.len() as u64)?;
        if n == 0 {
            return Ok(contents);
        }
        contents.extend_from_slice(&buffer[..n]);
    }
}
