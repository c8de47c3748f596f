//! Commands the shell runs itself, because they change the shell or need nothing else.

use super::exec::Stage;
use super::{Exit, Shell};
use crate::file::{Output, Stdio};
use bytes::Bytes;
use std::io::Write;

#[derive(Clone, Copy)]
pub enum Builtin {
    Exit,
    Help,
}

const BUILTINS: &[(&str, Builtin, &str)] = &[
    (
        "exit",
        Builtin::Exit,
        "exit [N]        leave the shell with status N (default: the last status)",
    ),
    ("help", Builtin::Help, "help            show this list"),
];

impl Builtin {
    pub fn find(name: &str) -> Option<Builtin> {
        BUILTINS
            .iter()
            .find(|(n, ..)| *n == name)
            .map(|(_, builtin, _)| *builtin)
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
    ) -> Result<Stage, Exit> {
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
                    return Err(Exit(status));
                }
                status
            }
            Builtin::Help => {
                let mut text = String::from(
                    "wasmix shell. Programs live in /bin; these commands are built in:\n\n",
                );
                for (_, _, line) in BUILTINS {
                    text.push_str("  ");
                    text.push_str(line);
                    text.push('\n');
                }
                text.push_str(
                    "\nCommands: NAME ARGS..., joined with | (pipes), ; && || (lists).\n",
                );
                deliver(text, stdio.stdout);
                0
            }
        };
        Ok(Stage::Done(status))
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
        Output::Null => {}
    }
}
