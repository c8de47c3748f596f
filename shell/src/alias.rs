//! Aliases: `alias NAME=VALUE`, `unalias`, and their expansion. As in bash, an interactive
//! shell replaces a command name that is an alias by its text; scripts do so only after
//! `shopt -s expand_aliases`. bash expands aliases as it reads; here a command is expanded
//! as it runs, when it comes after the top-level command that defined the alias (the
//! line bash had already read when the alias was made).

use super::exec::Stage;
use super::options::quoted;
use super::{Flow, Shell, syntax};
use brush_parser::ast::SimpleCommand;
use std::future::Future;
use std::pin::Pin;
use wasmix_kernel::file::Stdio;

#[derive(Clone)]
pub(super) struct Alias {
    pub text: String,
    /// The top-level command that defined it (`Shell::top_command`).
    defined_in: u64,
}

impl Shell {
    /// `alias [NAME[=VALUE]...]`.
    pub(super) fn alias_builtin(&mut self, argv: &[String]) -> (u8, String) {
        let show =
            |name: &str, alias: &Alias| format!("alias {name}={}\n", quoted_always(&alias.text));
        let mut args = &argv[1..];
        if args.first().is_some_and(|a| a == "-p") {
            args = &args[1..];
        }
        if args.first().is_some_and(|a| a == "--") {
            args = &args[1..];
        }
        if args.is_empty() {
            let text = self.aliases.iter().map(|(n, v)| show(n, v)).collect();
            return (0, text);
        }
        let mut status = 0;
        let mut text = String::new();
        for arg in args {
            match arg.split_once('=') {
                Some((name, value)) if !name.is_empty() => {
                    if name.contains(['/', '$', '`', '=', '\'', '"', ' ', '\t', '\n'])
                        || name.contains(['<', '>', '|', '&', ';', '(', ')'])
                    {
                        self.report(&format!("alias: `{name}': invalid alias name"));
                        status = 1;
                        continue;
                    }
                    let alias = Alias {
                        text: value.to_string(),
                        defined_in: self.top_command,
                    };
                    self.aliases.insert(name.to_string(), alias);
                }
                _ => match self.aliases.get(arg) {
                    Some(alias) => text.push_str(&show(arg, alias)),
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
            self.say("unalias: usage: unalias [-a] name [name ...]".into());
            return 2;
        }
        let mut status = 0;
        let names = match argv[1..].first() {
            Some(first) if first == "--" => &argv[2..],
            _ => &argv[1..],
        };
        for name in names {
            if name == "-a" {
                self.aliases.clear();
            } else if self.aliases.remove(name).is_none() {
                self.report(&format!("unalias: {name}: not found"));
                status = 1;
            }
        }
        status
    }

    /// The alias `name` names, if it applies here: not one being expanded already (so
    /// `alias ls='ls -l'` ends), and defined before the running top-level command.
    fn applicable_alias(&self, name: &str) -> Option<&Alias> {
        if !self.shell_options.expand_aliases || self.expanding_aliases.iter().any(|n| n == name) {
            return None;
        }
        self.aliases.get(name).filter(|alias| {
            alias.defined_in < self.top_command || !self.expanding_aliases.is_empty()
        })
    }

    /// What a word after a blank-ended alias becomes: its alias's text, whose first word
    /// is expanded again while it is an alias not yet used (`bar` → `baz` → `quux`).
    fn word_alias_text(&self, word: &str) -> Option<String> {
        let mut used = vec![word.to_string()];
        let mut text = self.applicable_alias(word)?.text.clone();
        loop {
            let trimmed = text.trim_start();
            let end = trimmed.find([' ', '\t']).unwrap_or(trimmed.len());
            let (first, rest) = trimmed.split_at(end);
            let next = match self.applicable_alias(first) {
                Some(alias) if !used.iter().any(|u| u == first) => alias.text.clone(),
                _ => return Some(text),
            };
            used.push(first.to_string());
            text = next + rest;
        }
    }

    /// The text a simple command becomes when its name is an alias. When an alias's text
    /// ends in a blank, the word after it is expanded too if it is an alias, as in bash.
    pub(super) fn alias_text(&self, command: &SimpleCommand) -> Option<String> {
        let name = &command.word_or_name.as_ref()?.value;
        let alias = self.applicable_alias(name)?;
        let mut text = command
            .prefix
            .as_ref()
            .map(|p| p.to_string())
            .unwrap_or_default();
        text.push(' ');
        text.push_str(&alias.text);
        let mut check_next = alias.text.ends_with([' ', '\t']);
        for item in command.suffix.iter().flat_map(|s| &s.0) {
            let word = item.to_string();
            match self.word_alias_text(&word).filter(|_| check_next) {
                Some(alias_text) => {
                    // Whether the next word is expanded too is the word's own alias's
                    // say, not that of the aliases it led to (as bash).
                    check_next = self
                        .applicable_alias(&word)
                        .is_some_and(|alias| alias.text.ends_with([' ', '\t']));
                    text.push_str(&alias_text);
                }
                None => {
                    if !text.ends_with([' ', '\t', '\n']) {
                        text.push(' ');
                    }
                    text.push_str(&word);
                    check_next = false;
                }
            }
        }
        Some(text)
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
