//! `trap`: commands the shell runs when it exits (`EXIT`) and after a command fails
//! (`ERR`, where `set -e` would stop). Programs are stopped by the kernel's signals, not
//! trapped, so the other signal names are refused rather than silently ignored.

use super::{Flow, Shell};
use crate::file::Stdio;
use std::sync::Arc;

/// The conditions `trap` acts on, as `trap -p` names them.
const CONDITIONS: [&str; 2] = ["EXIT", "ERR"];

/// The condition a `trap` operand names: `EXIT`, `0`, `SIGEXIT`, `ERR`.
fn condition(name: &str) -> Option<&'static str> {
    let name = name.strip_prefix("SIG").unwrap_or(name);
    match name.to_ascii_uppercase().as_str() {
        "EXIT" | "0" => Some("EXIT"),
        "ERR" => Some("ERR"),
        _ => None,
    }
}

impl Shell {
    /// `trap [-p] [COMMAND] CONDITION...`, `trap - CONDITION...`, `trap` alone.
    pub(super) fn trap_builtin(&mut self, argv: &[String]) -> (u8, String) {
        let args: Vec<&str> = argv[1..].iter().map(String::as_str).collect();
        let args = match args.first() {
            Some(&"--") => &args[1..],
            _ => &args[..],
        };
        if args.is_empty() || args == ["-p"] {
            // A subshell that set no trap lists its parent's, as bash does.
            let traps = self.parent_traps.as_deref().unwrap_or(&self.traps);
            let text = CONDITIONS
                .iter()
                .filter_map(|name| {
                    let command = traps.get(*name)?;
                    Some(format!(
                        "trap -- {} {name}\n",
                        super::options::quoted_always(command)
                    ))
                })
                .collect();
            return (0, text);
        }
        if args[0] == "-p" {
            let mut text = String::new();
            for name in &args[1..] {
                if let Some(name) = condition(name)
                    && let Some(command) = self.traps.get(name)
                {
                    let quoted = super::options::quoted_always(command);
                    text.push_str(&format!("trap -- {quoted} {name}\n"));
                }
            }
            return (0, text);
        }
        // One operand alone, or `-`, resets; otherwise the first is the command.
        let (command, names) = if args.len() == 1 || args[0] == "-" {
            let names = if args[0] == "-" { &args[1..] } else { args };
            (None, names)
        } else {
            (Some(args[0].to_string()), &args[1..])
        };
        let mut status = 0;
        self.parent_traps = None;
        for name in names {
            match condition(name) {
                Some(name) => match &command {
                    Some(command) => {
                        self.traps.insert(name.to_string(), command.clone());
                    }
                    None => {
                        self.traps.remove(name);
                    }
                },
                None => {
                    self.report(&format!(
                        "trap: {name}: only EXIT and ERR can be trapped here"
                    ));
                    status = 1;
                }
            }
        }
        (status, String::new())
    }

    /// Runs the command trapped for `name`, if any, keeping `$?` as it was.
    pub(super) async fn run_trap(&mut self, name: &str) -> Result<(), Flow> {
        if self.running_trap {
            return Ok(());
        }
        let Some(command) = self.traps.get(name).cloned() else {
            return Ok(());
        };
        let status = self.last_status;
        self.running_trap = true;
        // `$LINENO` in the trap is the line of the command that set it off.
        let line = self.line;
        let offset = std::mem::replace(&mut self.line_offset, line.saturating_sub(1));
        let result = match super::syntax::parse(&command) {
            Ok(program) => Box::pin(self.run_program(&program)).await,
            Err(error) => {
                self.report(&error.message);
                Ok(())
            }
        };
        self.line_offset = offset;
        self.line = line;
        self.running_trap = false;
        self.last_status = status;
        result
    }

    /// A copy of the shell for a subshell (`( )`, `$( )`, a pipeline stage, `&`) whose
    /// streams are `io`. As in bash it does not inherit the EXIT trap, nor ERR without
    /// `set -E`; it runs its own EXIT trap when it ends ([`Shell::exit_with`]).
    pub(super) fn subshell(&self, io: &Stdio) -> Shell {
        let mut shell = self.clone();
        shell.is_subshell = true;
        shell.streams = Some(Arc::new(io.duplicate()));
        if shell.parent_traps.is_none() {
            shell.parent_traps = Some(Arc::new(self.traps.clone()));
        }
        shell.traps.remove("EXIT");
        if !self.options.errtrace {
            shell.traps.remove("ERR");
        }
        shell
    }

    /// The shell is about to exit with `status`: runs the EXIT trap, whose `exit` may
    /// change the status. Returns the status to exit with.
    pub async fn exit_with(&mut self, status: u8) -> u8 {
        self.last_status = status;
        if !self.traps.contains_key("EXIT") {
            return status;
        }
        match self.run_trap("EXIT").await {
            Err(Flow::Exit(changed)) => changed,
            _ => status,
        }
    }
}
