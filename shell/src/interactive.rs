//! The interactive prompt: line editing and history through rustyline.

use super::complete::Completion;
use super::{Exit, Origin, Shell, job, syntax};
use rustyline::error::ReadlineError;
use rustyline::history::DefaultHistory;
use rustyline::{CompletionType, Config, Editor};

type LineEditor = Editor<Completion, DefaultHistory>;
use tokio::runtime::Runtime;

/// Where the command history is kept unless `$HISTFILE` says otherwise, in the home
/// directory.
const HISTORY_FILE: &str = ".wasmix_history";

/// How many commands the line editor keeps (rustyline's default is 100).
const HISTORY_SIZE: usize = 10_000;

/// bash's status after Ctrl-C at the prompt.
const INTERRUPTED_STATUS: u8 = 130;

impl Shell {
    /// Exports the terminal's size as COLUMNS and LINES, as bash's checkwinsize does, so
    /// programs (which see no terminal device) can lay out their output.
    fn note_terminal_size(&mut self) {
        // SAFETY: TIOCGWINSZ fills in a winsize struct that we own, on our own stdout.
        let mut size: libc::winsize = unsafe { std::mem::zeroed() };
        let found = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut size) } == 0;
        if found && size.ws_col > 0 {
            self.set_variable("COLUMNS", &size.ws_col.to_string(), true);
            self.set_variable("LINES", &size.ws_row.to_string(), true);
        }
    }

    /// Runs `text` on the scheduler's threads, where the processes it starts run too (a
    /// spawn then wakes no other thread), and gives the shell back with the outcome.
    /// How many Ctrl-Ds in a row `set -o ignoreeof` refuses: `$IGNOREEOF`, or 10 when
    /// that is no number (bash's `eof_encountered_limit`).
    fn eof_limit(&self) -> u32 {
        self.variable("IGNOREEOF")
            .and_then(|value| value.trim().parse().ok())
            .unwrap_or(10)
    }

    fn run_on_scheduler(self, runtime: &Runtime, text: String) -> (Self, Result<u8, Exit>) {
        let line = runtime.spawn(async move {
            let mut shell = self;
            let outcome = shell.run_text(&text).await;
            (shell, outcome)
        });
        match runtime.block_on(line) {
            Ok(done) => done,
            Err(ended) => std::panic::resume_unwind(ended.into_panic()),
        }
    }

    /// Reads and runs commands until `exit` or Ctrl-D; returns the shell's exit status.
    pub fn run_interactive(mut self, runtime: &Runtime) -> u8 {
        let config = Config::builder()
            .completion_type(CompletionType::List)
            .max_history_size(HISTORY_SIZE)
            .map_or_else(|_| Config::default(), |builder| builder.build());
        let mut editor: LineEditor = match Editor::with_config(config) {
            Ok(editor) => editor,
            Err(e) => {
                eprintln!("wasmix: cannot start line editing: {e}");
                return 1;
            }
        };
        editor.set_helper(Some(Completion::new(self.namespace.clone())));
        if let Ok(motd) = self.read_whole_file("/etc/motd") {
            print!("{}", String::from_utf8_lossy(&motd));
        }
        // `!` history expansion is on at the prompt (before the startup files, which
        // may turn it off), as in bash.
        self.options.histexpand = true;
        self.shell_options.login_shell = true;
        let home = self.variable("HOME").unwrap_or_default();
        for startup in [
            "/etc/profile".to_string(),
            format!("{home}/.profile"),
            format!("{home}/.wasmixrc"),
        ] {
            if let Err(Exit(status)) = runtime.block_on(self.run_file(&startup)) {
                return status;
            }
        }
        if self.variable("HISTFILE").is_none() {
            self.set_variable("HISTFILE", &format!("{home}/{HISTORY_FILE}"), false);
        }
        self.options.history = true;
        self.load_history();
        for entry in &self.history.entries {
            let _ = editor.add_history_entry(entry.as_str());
        }
        // Ctrl-Ds typed in a row, for `set -o ignoreeof`.
        let mut eofs = 0;
        loop {
            for (number, mark, command, status) in self.jobs.take_finished() {
                let state = job::JobState::Done(status);
                eprintln!("{}", job::line(number, mark, &state, &command));
            }
            if let Some(command) = self.variable("PROMPT_COMMAND") {
                let outcome;
                (self, outcome) = self.run_on_scheduler(runtime, command);
                if let Err(Exit(status)) = outcome {
                    return runtime.block_on(self.exit_with(status));
                }
            }
            // A Ctrl-C before the prompt was meant for what ran before; one after the line
            // is read is the line's (`add_foreground`).
            self.take_interrupt();
            let text = match self.read_command(&mut editor, runtime) {
                Ok(text) => text,
                Err(ReadlineError::Interrupted) => {
                    self.last_status = INTERRUPTED_STATUS;
                    continue;
                }
                // `set -o ignoreeof`: Ctrl-D is refused `$IGNOREEOF` times in a row.
                Err(ReadlineError::Eof) if self.options.ignoreeof && eofs < self.eof_limit() => {
                    eofs += 1;
                    eprintln!("Use \"exit\" to leave the shell.");
                    continue;
                }
                Err(ReadlineError::Eof) => {
                    println!("exit");
                    return runtime.block_on(self.exit_with(self.last_status));
                }
                Err(e) => {
                    eprintln!("wasmix: cannot read the terminal: {e}");
                    return 1;
                }
            };
            eofs = 0;
            if self.shell_options.checkwinsize {
                self.note_terminal_size();
            }
            // `!!`, `!$`, `^old^new`: the line as expanded is shown, then run.
            let (text, print_only) = match self.expand_history_if_on(&text) {
                Ok(None) => (text, false),
                // `shopt -s histverify`: the expanded line comes back to be edited.
                Ok(Some(expanded)) if self.shell_options.histverify && !expanded.print_only => {
                    self.line_to_edit = Some(expanded.text);
                    continue;
                }
                Ok(Some(expanded)) => {
                    for line in &expanded.shown {
                        eprintln!("{line}");
                    }
                    (expanded.text, expanded.print_only)
                }
                Err(message) => {
                    self.report(&message);
                    // `shopt -s histreedit`: the line comes back to be mended.
                    if self.shell_options.histreedit {
                        self.line_to_edit = Some(text);
                    }
                    continue;
                }
            };
            let added = self.record_command(&text);
            if !added.is_empty() {
                for entry in &added {
                    let _ = editor.add_history_entry(entry.as_str());
                }
                // Saved as it is typed (as bash's `history -a` would), so a session that
                // ends any way at all leaves its commands for the next.
                if let Some(file) = self.history_file() {
                    self.append_history(&file);
                }
            }
            if print_only {
                continue;
            }
            let outcome;
            let text = self.as_typed_for_parsing(&text).into_owned();
            (self, outcome) = self.run_on_scheduler(runtime, text);
            if let Err(Exit(status)) = outcome {
                return runtime.block_on(self.exit_with(status));
            }
            if std::mem::take(&mut self.history.changed) {
                if let Some(file) = self.history_file() {
                    self.write_history(&file);
                }
                let _ = editor.clear_history();
                for entry in &self.history.entries {
                    let _ = editor.add_history_entry(entry.as_str());
                }
            }
        }
    }

    /// One command, read over as many lines as it takes: while the text so far is
    /// unfinished (an open quote, an `if` without `fi`), the PS2 prompt asks for more.
    fn read_command(
        &mut self,
        editor: &mut LineEditor,
        runtime: &Runtime,
    ) -> Result<String, ReadlineError> {
        if let Some(completion) = editor.helper_mut() {
            completion.namespace = self.namespace.clone();
            completion.cwd = self.cwd.clone();
            completion.commands = self.command_names();
            completion.variables = self
                .sorted_variables()
                .into_iter()
                .filter_map(|(name, v)| {
                    let value = self.shown(name, v).value.first()?.to_string();
                    Some((name.clone(), value))
                })
                .collect();
            completion.host_names = self.shell_options.hostcomplete.then(|| {
                self.read_host_names();
                self.host_names.names.clone()
            });
            completion.empty_command = !self.shell_options.no_empty_cmd_completion;
            completion.force_fignore = self.shell_options.force_fignore;
            completion.expand_dirs = self.shell_options.direxpand;
            let programmable = self.shell_options.progcomp && !self.completion_specs.is_empty();
            completion.programmable = programmable.then(|| super::complete::Programmable {
                shell: std::cell::RefCell::new(self.clone()),
                runtime: runtime.handle().clone(),
            });
        }
        use rustyline::config::Configurer;
        editor.set_edit_mode(if self.options.vi {
            rustyline::EditMode::Vi
        } else {
            rustyline::EditMode::Emacs
        });
        let prompt = runtime.block_on(self.primary_prompt());
        wasmix_kernel::console::withdraw();
        let mut text = match self.line_to_edit.take() {
            Some(line) => editor.readline_with_initial(&prompt, (&line, ""))?,
            None => editor.readline(&prompt)?,
        };
        while syntax::is_unfinished(&self.as_typed_for_parsing(&text), self.reading()) {
            let continuation = runtime.block_on(self.continuation_prompt());
            match editor.readline(&continuation) {
                Ok(more) => {
                    text.push('\n');
                    text.push_str(&more);
                }
                // Ctrl-D in the middle: run what there is, and let it report the error.
                Err(ReadlineError::Eof) => break,
                Err(e) => return Err(e),
            }
        }
        Ok(text)
    }

    /// Every name a command can have here: builtins, functions, aliases, programs in
    /// `$PATH`.
    fn command_names(&self) -> Vec<String> {
        let mut names: Vec<String> = super::builtin::names().map(str::to_string).collect();
        names.extend(self.functions.keys().cloned());
        names.extend(self.aliases.keys().cloned());
        for dir in self.variable("PATH").unwrap_or_default().split(':') {
            if let Ok(entries) = self.namespace.read_dir(dir) {
                names.extend(entries.into_iter().map(|e| e.name));
            }
        }
        names.sort();
        names.dedup();
        names
    }

    /// Runs a startup file if there is one; its errors are reported, not fatal.
    async fn run_file(&mut self, path: &str) -> Result<(), Exit> {
        let Ok(contents) = self.read_whole_file(path) else {
            return Ok(());
        };
        let origin = std::mem::replace(&mut self.origin, Origin::Script(path.to_string()));
        let result = self.run_text(&String::from_utf8_lossy(&contents)).await;
        self.origin = origin;
        match result {
            Err(Exit(status)) if status != super::SYNTAX_ERROR_STATUS => Err(Exit(status)),
            _ => Ok(()),
        }
    }
}
