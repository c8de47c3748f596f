//! Tab completion and hints at the prompt: command names (builtins, functions, `$PATH`)
//! for the first word, paths of the shell's namespace for the others, and the rest of a
//! matching earlier command, greyed, as a hint.

use crate::fs::FileType;
use crate::fs::namespace::{Namespace, absolute};
use rustyline::completion::{Completer, Pair};
use rustyline::highlight::Highlighter;
use rustyline::hint::{Hinter, HistoryHinter};
use rustyline::validate::Validator;
use rustyline::{Context, Helper};
use std::borrow::Cow;
use std::sync::Arc;

/// What completion knows of the shell, refreshed before each prompt.
pub(super) struct Completion {
    pub namespace: Arc<Namespace>,
    pub cwd: String,
    /// Builtins, functions and the programs of `$PATH`, sorted.
    pub commands: Vec<String>,
    hinter: HistoryHinter,
}

impl Completion {
    pub fn new(namespace: Arc<Namespace>) -> Completion {
        Completion {
            namespace,
            cwd: "/".into(),
            commands: Vec::new(),
            hinter: HistoryHinter::new(),
        }
    }

    fn paths(&self, word: &str) -> Vec<Pair> {
        let (dir, prefix) = match word.rfind('/') {
            Some(at) => (&word[..=at], &word[at + 1..]),
            None => ("", word),
        };
        let listed = absolute(&self.cwd, if dir.is_empty() { "." } else { dir });
        let Ok(entries) = self.namespace.read_dir(&listed) else {
            return Vec::new();
        };
        entries
            .into_iter()
            .filter(|e| {
                e.name.starts_with(prefix) && (prefix.starts_with('.') || !e.name.starts_with('.'))
            })
            .map(|e| {
                let slash = if e.file_type == FileType::Directory {
                    "/"
                } else {
                    ""
                };
                Pair {
                    display: format!("{}{slash}", e.name),
                    replacement: format!("{dir}{}{slash}", e.name),
                }
            })
            .collect()
    }
}

/// Whether the word starting at `start` is in command position: first on the line, or
/// after `|`, `;`, `&` or `(`.
fn is_command_position(line: &str, start: usize) -> bool {
    line[..start]
        .trim_end()
        .chars()
        .last()
        .is_none_or(|c| matches!(c, '|' | ';' | '&' | '(' | '{'))
}

impl Completer for Completion {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let start = line[..pos]
            .rfind(|c: char| c.is_whitespace() || matches!(c, '|' | ';' | '&' | '('))
            .map_or(0, |at| at + 1);
        let word = &line[start..pos];
        if is_command_position(line, start) && !word.contains('/') {
            let commands = self
                .commands
                .iter()
                .filter(|name| name.starts_with(word))
                .map(|name| Pair {
                    display: name.clone(),
                    replacement: format!("{name} "),
                })
                .collect();
            return Ok((start, commands));
        }
        Ok((start, self.paths(word)))
    }
}

impl Hinter for Completion {
    type Hint = String;

    fn hint(&self, line: &str, pos: usize, ctx: &Context<'_>) -> Option<String> {
        self.hinter.hint(line, pos, ctx)
    }
}

impl Highlighter for Completion {
    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        Cow::Owned(format!("\x1b[2m{hint}\x1b[0m"))
    }
}

impl Validator for Completion {}

impl Helper for Completion {}
