//! Aliases: `alias NAME=VALUE`, `unalias`, and their expansion. As in bash, an interactive
//! shell replaces a command name that is an alias by its text; scripts do not.

use super::exec::Stage;
use super::options::quoted;
use super::{Flow, Origin, Shell, syntax};
use crate::file::Stdio;
use brush_parser::ast::SimpleCommand;
use std::future::Future;
use std::pin::Pin;

impl Shell {
    /// `alias [NAME[=VALUE]...]`.
    pub(super) fn alias_builtin(&mut self, argv: &[String]) -> (u8, String) {
        let show = |name: &str, value: &str| format!("alias {name}={}\n", quoted_always(value));
        if argv.len() == 1 {
            let text = self.aliases.iter().map(|(n, v)| show(n, v)).collect();
            return (0, text);
        }
        let mut status = 0;
        let mut text = String::new();
        for arg in &argv[1..] {
            match arg.split_once('=') {
                Some((name, value)) if !name.is_empty() => {
                    self.aliases.insert(name.to_string(), value.to_string());
                }
                _ => match self.aliases.get(arg) {
                    Some(value) => text.push_str(&show(arg, value)),
                    None => {
                        self.report(&format!("alias: {arg}: not found"));
                        status = 1;
                    }
                },
            }
        }
        (status, text)
    }

    /// `unalias NAME...` or `unalias -a`.
    pub(super) fn unalias_builtin(&mut self, argv: &[String]) -> u8 {
        if argv.len() == 1 {
            self.report("unalias: usage: unalias [-a] name [name ...]");
            return 2;
        }
        let mut status = 0;
        for name in &argv[1..] {
            if name == "-a" {
                self.aliases.clear();
            } else if self.aliases.remove(name).is_none() {
                self.report(&format!("unalias: {name}: not found"));
                status = 1;
            }
        }
        status
    }

    /// The text a simple command becomes when its name is an alias (not one being
    /// expanded already, so `alias ls='ls -l'` ends).
    pub(super) fn alias_text(&self, command: &SimpleCommand) -> Option<String> {
        if !matches!(self.origin, Origin::Prompt) {
            return None;
        }
        let name = &command.word_or_name.as_ref()?.value;
        if self.expanding_aliases.contains(name) {
            return None;
        }
        let value = self.aliases.get(name)?;
        let prefix = command
            .prefix
            .as_ref()
            .map(|p| p.to_string())
            .unwrap_or_default();
        let suffix = command
            .suffix
            .as_ref()
            .map(|s| s.to_string())
            .unwrap_or_default();
        Some(format!("{prefix} {value} {suffix}"))
    }
}

impl Shell {
    /// Runs the text an alias made of a command, with the command's streams. (Boxed: the
    /// text may hold more commands, and more aliases.)
    pub(super) fn run_alias<'a>(
        &'a mut self,
        name: String,
        text: String,
        stdio: Stdio,
    ) -> Pin<Box<dyn Future<Output = Result<Stage, Flow>> + Send + 'a>> {
        Box::pin(async move {
            let program = match syntax::parse(&text) {
                Ok(program) => program,
                Err(error) => {
                    self.report(&format!("{name}: {}", error.message));
                    return Ok(Stage::Done(super::SYNTAX_ERROR_STATUS));
                }
            };
            self.expanding_aliases.push(name);
            let mut result = Ok(());
            for command in &program.complete_commands {
                result = self.run_list(command, &stdio).await;
                if result.is_err() {
                    break;
                }
            }
            self.expanding_aliases.pop();
            result.map(|()| Stage::Done(self.last_status))
        })
    }
}

/// `'...'` around a value, as `alias` prints it.
fn quoted_always(value: &str) -> String {
    let text = quoted(value);
    if text.starts_with('\'') {
        text
    } else {
        format!("'{text}'")
    }
}
