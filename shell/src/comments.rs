//! `shopt -u interactive_comments`: at an interactive shell's prompt a word that begins
//! with `#` is a word, not a comment, as in bash. The command typed is given to the
//! parser with each such `#` escaped (a here-document's body left as typed, and the
//! history keeping the line as typed).

use super::Shell;
use super::history_lines::{LineStart, line_starts};
use std::borrow::Cow;

impl Shell {
    /// A command typed at the prompt as the parser is to read it: with the `#`s that
    /// begin words escaped under `shopt -u interactive_comments`.
    pub(super) fn as_typed_for_parsing<'t>(&self, text: &'t str) -> Cow<'t, str> {
        match self.shell_options.interactive_comments {
            true => Cow::Borrowed(text),
            false => Cow::Owned(without_comments(text)),
        }
    }
}

/// `text` with each `#` that would begin a comment escaped.
fn without_comments(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let starts = line_starts(&lines);
    let mut out = String::with_capacity(text.len() + 8);
    for (at, (line, start)) in lines.iter().zip(starts).enumerate() {
        if at > 0 {
            out.push('\n');
        }
        let mut quote = match start {
            LineStart::HereDocument => {
                out.push_str(line);
                continue;
            }
            LineStart::Plain => None,
            LineStart::Quoted(quote) => Some(quote),
        };
        let mut previous = None;
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            match (quote, c) {
                (Some('\''), '\'') | (Some('"'), '"') => quote = None,
                (Some('\''), _) => {}
                (_, '\\') => {
                    out.push(c);
                    if let Some(next) = chars.next() {
                        out.push(next);
                        previous = Some(next);
                    }
                    continue;
                }
                (Some(_), _) => {}
                (None, '\'' | '"') => quote = Some(c),
                (None, '#') if previous.is_none_or(|p| " \t;&|()<>".contains(p)) => {
                    out.push('\\');
                }
                _ => {}
            }
            out.push(c);
            previous = Some(c);
        }
    }
    out
}
