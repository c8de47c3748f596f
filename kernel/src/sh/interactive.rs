//! The interactive prompt: line editing and history through rustyline.

use super::{Exit, Shell, job};
use rustyline::DefaultEditor;
use rustyline::error::ReadlineError;
use tokio::runtime::Runtime;

/// bash's status after Ctrl-C at the prompt.
const INTERRUPTED_STATUS: u8 = 130;

impl Shell {
    /// `user@wasmix:~/dir$ `, with the working directory shortened against $HOME.
    fn prompt(&self) -> String {
        let user = self.variable("USER").unwrap_or_else(|| "user".into());
        let cwd = self.variable("PWD").unwrap_or_else(|| "/".into());
        let home = self.variable("HOME").unwrap_or_default();
        let shown = match cwd.strip_prefix(home.as_str()) {
            Some(rest) if !home.is_empty() && (rest.is_empty() || rest.starts_with('/')) => {
                format!("~{rest}")
            }
            _ => cwd,
        };
        format!("{user}@wasmix:{shown}$ ")
    }

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

    /// Reads and runs commands until `exit` or Ctrl-D; returns the shell's exit status.
    pub fn run_interactive(&mut self, runtime: &Runtime) -> u8 {
        let mut editor = match DefaultEditor::new() {
            Ok(editor) => editor,
            Err(e) => {
                eprintln!("wasmix: cannot start line editing: {e}");
                return 1;
            }
        };
        if let Ok(motd) = self.read_whole_file("/etc/motd") {
            print!("{}", String::from_utf8_lossy(&motd));
        }
        loop {
            for job in self.jobs.take_finished() {
                eprintln!("{}", job::announcement(&job));
            }
            match editor.readline(&self.prompt()) {
                Ok(line) => {
                    self.note_terminal_size();
                    if !line.trim().is_empty() {
                        let _ = editor.add_history_entry(line.as_str());
                    }
                    if let Err(Exit(status)) = runtime.block_on(self.run_text(&line)) {
                        return status;
                    }
                }
                Err(ReadlineError::Interrupted) => self.last_status = INTERRUPTED_STATUS,
                Err(ReadlineError::Eof) => {
                    println!("exit");
                    return self.last_status;
                }
                Err(e) => {
                    eprintln!("wasmix: cannot read the terminal: {e}");
                    return 1;
                }
            }
        }
    }
}
