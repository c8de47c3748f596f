//! Tab completion and hints at the prompt: command names (builtins, functions, `$PATH`)
//! for the first word, paths of the shell's namespace for the others (after `~/` and
//! `$VAR/` too, inside quotes too), variable names after `$`, each completion quoted as
//! the word was (backslashes outside quotes); and the rest of a matching earlier command,
//! greyed, as a hint. A command that `complete` gave a spec is completed by it: its
//! function runs in a copy of the shell made for the prompt (what it sets does not last,
//! as in a subshell; bash runs it in the shell itself).

use super::Shell;
use super::compgen::CompletionContext;
use super::compspec::{Action, Completing};
use rustyline::completion::{Completer, Pair};
use rustyline::highlight::Highlighter;
use rustyline::hint::{Hinter, HistoryHinter};
use rustyline::validate::Validator;
use rustyline::{Context, Helper};
use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::Arc;
use wasmix_kernel::fs::FileType;
use wasmix_kernel::fs::namespace::{Namespace, absolute};

/// What completion knows of the shell, refreshed before each prompt.
pub(super) struct Completion {
    pub namespace: Arc<Namespace>,
    pub cwd: String,
    /// Builtins, functions and the programs of `$PATH`, sorted.
    pub commands: Vec<String>,
    /// The shell's variables, for `$VAR` and `~`.
    pub variables: Vec<(String, String)>,
    /// A copy of the shell to run completion specs in, when there are any.
    pub programmable: Option<Programmable>,
    /// The host names a word's part after `@` completes to (`shopt hostcomplete`).
    pub host_names: Option<Vec<String>>,
    /// Whether an empty command word completes (`shopt no_empty_cmd_completion` off).
    pub empty_command: bool,
    /// `shopt force_fignore`: a name with a suffix of `$FIGNORE` is left out even when
    /// it is the only one.
    pub force_fignore: bool,
    /// `shopt direxpand`: a directory typed as `~/` or `$VAR/` is replaced by what it
    /// names.
    pub expand_dirs: bool,
    hinter: HistoryHinter,
}

/// The shell that completes by `complete`'s specs, and the runtime to run it on.
pub(super) struct Programmable {
    pub shell: RefCell<Shell>,
    pub runtime: tokio::runtime::Handle,
}

/// What a spec offered for a word, and the options it ended with (`compopt` may change
/// them while its function runs).
struct Offered {
    words: Vec<String>,
    options: std::collections::BTreeSet<&'static str>,
}

impl Programmable {
    /// Completes the last word of `line` by the spec of its command, if it has one.
    fn complete(&self, line: &str) -> Option<Offered> {
        let (words, cword) = command_words(line);
        let command = words.first()?.clone();
        let mut shell = self.shell.borrow_mut();
        let spec = shell.completion_specs.for_command(&command)?.clone();
        let context = CompletionContext {
            command: command.clone(),
            word: words[cword].clone(),
            previous: cword
                .checked_sub(1)
                .map(|at| words[at].clone())
                .unwrap_or_default(),
            cword: cword as i64,
            words,
            line: line.to_string(),
            point: line.len(),
            key: b'\t',
        };
        shell.completing = Some(Completing {
            command,
            options: spec.options.clone(),
        });
        let io = shell.own_streams();
        let found = self
            .runtime
            .block_on(shell.generate(&spec, &context, &io))
            .ok()
            .flatten()
            .unwrap_or_default();
        let mut options = shell.completing.take()?.options;
        // Files and directories are filenames to readline, quoted as such.
        if spec
            .actions
            .iter()
            .any(|a| matches!(a, Action::File | Action::Directory))
        {
            options.insert("filenames");
        }
        Some(Offered {
            words: found,
            options,
        })
    }
}

/// The words of the command the cursor is in, unquoted (an empty one last when the line
/// ends in a blank), and the index of the last.
fn command_words(line: &str) -> (Vec<String>, usize) {
    let mut words = vec![String::new()];
    let mut quote = None;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some('"') | None, '\\') => {
                if let Some(next) = chars.next() {
                    words.last_mut().unwrap().push(next);
                }
            }
            (Some(_), c) => words.last_mut().unwrap().push(c),
            (None, '\'' | '"') => quote = Some(c),
            (None, '|' | ';' | '&' | '(') => words = vec![String::new()],
            (None, c) if c.is_whitespace() => {
                if !words.last().unwrap().is_empty() {
                    words.push(String::new());
                }
            }
            (None, c) => words.last_mut().unwrap().push(c),
        }
    }
    let last = words.len() - 1;
    (words, last)
}

/// The word being completed: where it starts, the quote it is inside, and its text
/// with the quoting taken off.
struct Word {
    start: usize,
    quote: Option<char>,
    text: String,
}

/// Finds the word the cursor ends, reading quotes and backslashes as the shell does.
fn current_word(line: &str) -> Word {
    let mut word = Word {
        start: 0,
        quote: None,
        text: String::new(),
    };
    let mut chars = line.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match (word.quote, c) {
            (Some(q), c) if c == q => word.quote = None,
            (Some('"'), '\\') => {
                if let Some((_, next)) = chars.next() {
                    word.text.push(next);
                }
            }
            (Some(_), c) => word.text.push(c),
            (None, '\'' | '"') => word.quote = Some(c),
            (None, '\\') => {
                if let Some((_, next)) = chars.next() {
                    word.text.push(next);
                }
            }
            (None, c) if c.is_whitespace() || matches!(c, '|' | ';' | '&' | '(' | '<' | '>') => {
                word.start = at + c.len_utf8();
                word.text.clear();
            }
            (None, c) => word.text.push(c),
        }
    }
    word
}

/// A name as it must be typed: inside the word's quote, or with backslashes.
fn quote_as(name: &str, quote: Option<char>) -> String {
    let mut out = String::new();
    for c in name.chars() {
        let special = match quote {
            Some('\'') => false,
            Some(_) => matches!(c, '"' | '$' | '`' | '\\'),
            None => c.is_whitespace() || "'\"\\$`|&;()<>*?[]{}!#~=".contains(c),
        };
        if special {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

impl Completion {
    pub fn new(namespace: Arc<Namespace>) -> Completion {
        Completion {
            namespace,
            cwd: "/".into(),
            commands: Vec::new(),
            variables: Vec::new(),
            programmable: None,
            host_names: None,
            empty_command: true,
            force_fignore: true,
            expand_dirs: false,
            hinter: HistoryHinter::new(),
        }
    }

    fn variable(&self, name: &str) -> Option<&str> {
        self.variables
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Paths completing `word` (unquoted text). `typed_dir` is the directory part as the
    /// user typed it, kept as it is in the replacement.
    fn paths(&self, word: &str, typed_dir: &str, quote: Option<char>) -> Vec<Pair> {
        let (dir, prefix) = match word.rfind('/') {
            Some(at) => (&word[..=at], &word[at + 1..]),
            None => ("", word),
        };
        // `~/` and `$VAR/` at the start name directories by their values.
        let expanded = if let Some(rest) = dir.strip_prefix("~/") {
            format!("{}/{rest}", self.variable("HOME").unwrap_or("/"))
        } else if let Some(rest) = dir.strip_prefix('$') {
            let (name, tail) = rest.split_once('/').unwrap_or((rest, ""));
            format!("{}/{tail}", self.variable(name).unwrap_or_default())
        } else {
            dir.to_string()
        };
        let listed = absolute(&self.cwd, if expanded.is_empty() { "." } else { &expanded });
        let Ok(entries) = self.namespace.read_dir(&listed) else {
            return Vec::new();
        };
        let typed_dir = match self.expand_dirs {
            true => expanded.as_str(),
            false => typed_dir,
        };
        let mut matching: Vec<_> = entries
            .into_iter()
            .filter(|e| {
                e.name.starts_with(prefix) && (prefix.starts_with('.') || !e.name.starts_with('.'))
            })
            .collect();
        // `$FIGNORE`: names with these suffixes are left out (all of them only under
        // force_fignore when nothing else is left).
        let ignored: Vec<&str> = self
            .variable("FIGNORE")
            .map(|list| list.split(':').filter(|s| !s.is_empty()).collect())
            .unwrap_or_default();
        let kept = |name: &str| !ignored.iter().any(|suffix| name.ends_with(suffix));
        if self.force_fignore || matching.iter().any(|e| kept(&e.name)) {
            matching.retain(|e| kept(&e.name));
        }
        matching
            .into_iter()
            .map(|e| {
                let directory = e.file_type == FileType::Directory;
                let slash = if directory { "/" } else { "" };
                // A file ends the word: the quote closes and a space follows.
                let end = match (directory, quote) {
                    (true, _) => String::new(),
                    (false, Some(q)) => format!("{q} "),
                    (false, None) => " ".into(),
                };
                Pair {
                    display: format!("{}{slash}", e.name),
                    replacement: format!("{typed_dir}{}{slash}{end}", quote_as(&e.name, quote)),
                }
            })
            .collect()
    }
}

impl Completion {
    /// What a spec offered, as replacements for the word: as they are, or quoted as
    /// filenames (`-o filenames`, unless `-o noquote`) with a slash after a directory; a
    /// space after unless `-o nospace`.
    fn offered_pairs(&self, offered: Offered, quote: Option<char>) -> Vec<Pair> {
        let options = &offered.options;
        offered
            .words
            .into_iter()
            .map(|word| {
                let filenames = options.contains("filenames");
                let directory = filenames
                    && self
                        .namespace
                        .stat(&absolute(&self.cwd, &word), true)
                        .is_ok_and(|m| m.file_type == FileType::Directory);
                let slash = if directory { "/" } else { "" };
                let space = if directory || options.contains("nospace") {
                    ""
                } else {
                    " "
                };
                let text = if filenames && !options.contains("noquote") {
                    quote_as(&word, quote)
                } else {
                    word.clone()
                };
                Pair {
                    display: format!("{word}{slash}"),
                    replacement: format!("{text}{slash}{space}"),
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
        let word = current_word(&line[..pos]);
        let typed = &line[word.start..pos];
        // `$NAME`: variable names.
        if word.quote != Some('\'')
            && let Some(at) = typed.rfind('$')
            && typed[at + 1..]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_')
        {
            let partial = &typed[at + 1..];
            let names = self
                .variables
                .iter()
                .filter(|(name, _)| name.starts_with(partial))
                .map(|(name, _)| Pair {
                    display: name.clone(),
                    replacement: name.clone(),
                })
                .collect();
            return Ok((word.start + at + 1, names));
        }
        // `user@ho`: as bash does with `@`, what follows it is a host name.
        if word.quote.is_none()
            && let Some(names) = &self.host_names
            && let Some(at) = typed.rfind('@')
            && !typed[at..].contains('/')
        {
            let partial = &typed[at + 1..];
            let hosts = names
                .iter()
                .filter(|name| name.starts_with(partial))
                .map(|name| Pair {
                    display: name.clone(),
                    replacement: format!("{name} "),
                })
                .collect();
            return Ok((word.start + at + 1, hosts));
        }
        if word.quote.is_none() && is_command_position(line, word.start) && !word.text.contains('/')
        {
            if word.text.is_empty() && !self.empty_command {
                return Ok((word.start, Vec::new()));
            }
            let commands = self
                .commands
                .iter()
                .filter(|name| name.starts_with(&word.text))
                .map(|name| Pair {
                    display: name.clone(),
                    replacement: format!("{name} "),
                })
                .collect();
            return Ok((word.start, commands));
        }
        if let Some(offered) = self
            .programmable
            .as_ref()
            .and_then(|p| p.complete(&line[..pos]))
        {
            let default = ["default", "bashdefault"]
                .iter()
                .any(|o| offered.options.contains(o));
            if !offered.words.is_empty() || !default {
                return Ok((word.start, self.offered_pairs(offered, word.quote)));
            }
        }
        // What was typed up to the last slash stays as typed (quotes, `~`, `$HOME`).
        let mut typed_dir_end = typed.rfind('/').map_or(0, |at| at + 1);
        // An opening quote right there stays too.
        if typed[typed_dir_end..].starts_with(['\'', '"']) {
            typed_dir_end += 1;
        }
        let typed_dir = &typed[..typed_dir_end];
        Ok((word.start, self.paths(&word.text, typed_dir, word.quote)))
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
