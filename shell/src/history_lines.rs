//! A command's lines history-expanded one at a time, as bash expands each line as it
//! reads it: a here-document's body is read apart and not expanded, and a line that
//! begins inside a quote opened on an earlier line is read from inside it.

use super::Shell;
use super::history_expansion::Expansion;

/// A command as history expansion left it.
pub(super) struct ExpandedCommand {
    pub text: String,
    /// The lines that changed, as expanded (shown on stderr, as bash shows them).
    pub shown: Vec<String>,
    /// A `:p` modifier: shown and recorded, not run.
    pub print_only: bool,
}

/// How a line of a command begins.
#[derive(Clone, Copy, PartialEq, Debug)]
pub(super) enum LineStart {
    Plain,
    /// Inside a quote opened on an earlier line.
    Quoted(char),
    /// In a here-document's body.
    HereDocument,
}

impl Shell {
    /// A command read at the prompt or from standard input, history-expanded under
    /// `set -H` (on there) while history is kept (`set +o history` stops both, as in
    /// bash). None when nothing changed.
    pub(super) fn expand_history_if_on(
        &mut self,
        text: &str,
    ) -> Result<Option<ExpandedCommand>, String> {
        match self.options.histexpand && self.options.history {
            true => self.expand_command_history(text),
            false => Ok(None),
        }
    }

    /// Each line of a command history-expanded; Err(message) when one fails (the
    /// command is then neither run nor recorded, as in bash).
    pub(super) fn expand_command_history(
        &mut self,
        text: &str,
    ) -> Result<Option<ExpandedCommand>, String> {
        let lines: Vec<&str> = text.split('\n').collect();
        let starts = line_starts(&lines);
        let mut command = ExpandedCommand {
            text: String::with_capacity(text.len()),
            shown: Vec::new(),
            print_only: false,
        };
        for (at, (line, start)) in lines.iter().zip(starts).enumerate() {
            if at > 0 {
                command.text.push('\n');
            }
            let expansion = match start {
                LineStart::HereDocument => Expansion::Unchanged,
                LineStart::Plain => self.expand_history_line(line, None)?,
                LineStart::Quoted(quote) => self.expand_history_line(line, Some(quote))?,
            };
            command.print_only |= matches!(expansion, Expansion::PrintOnly(_));
            match expansion {
                Expansion::Unchanged => command.text.push_str(line),
                Expansion::Expanded(line) | Expansion::PrintOnly(line) => {
                    command.text.push_str(&line);
                    command.shown.push(line);
                }
            }
        }
        Ok((!command.shown.is_empty()).then_some(command))
    }
}

/// How each line begins: in a here-document's body, inside quotes, or neither.
pub(super) fn line_starts(lines: &[&str]) -> Vec<LineStart> {
    let mut starts = Vec::with_capacity(lines.len());
    let mut quote: Option<char> = None;
    // Here-documents whose bodies come after the current line, and the one being read:
    // each its delimiter and whether leading tabs are stripped (`<<-`).
    let mut pending: Vec<(String, bool)> = Vec::new();
    let mut body: Option<(String, bool)> = None;
    for line in lines {
        if let Some((delimiter, strip_tabs)) = &body {
            starts.push(LineStart::HereDocument);
            let content = if *strip_tabs {
                line.trim_start_matches('\t')
            } else {
                line
            };
            if content == delimiter {
                body = (!pending.is_empty()).then(|| pending.remove(0));
            }
            continue;
        }
        starts.push(quote.map_or(LineStart::Plain, LineStart::Quoted));
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            match (quote, c) {
                (Some('\''), '\'') | (Some('"'), '"') => quote = None,
                (Some('\''), _) => {}
                (_, '\\') => i += 1,
                (Some(_), _) => {}
                (None, '\'' | '"') => quote = Some(c),
                (None, '#') if i == 0 || " \t;&|()".contains(chars[i - 1]) => break,
                (None, '<') if chars.get(i + 1) == Some(&'<') && chars.get(i + 2) != Some(&'<') => {
                    let strip_tabs = chars.get(i + 2) == Some(&'-');
                    let (delimiter, end) = delimiter_word(&chars, i + 2 + usize::from(strip_tabs));
                    pending.push((delimiter, strip_tabs));
                    i = end;
                    continue;
                }
                (None, '<') if chars.get(i + 1) == Some(&'<') => i += 2,
                _ => {}
            }
            i += 1;
        }
        if quote.is_none() && !pending.is_empty() {
            body = Some(pending.remove(0));
        }
    }
    starts
}

/// A here-document's delimiter word starting at `from` (after blanks), its quotes
/// taken out, and where it ends.
fn delimiter_word(chars: &[char], from: usize) -> (String, usize) {
    let mut i = from;
    while i < chars.len() && matches!(chars[i], ' ' | '\t') {
        i += 1;
    }
    let mut word = String::new();
    let mut quote = None;
    while i < chars.len() {
        let c = chars[i];
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => word.push(c),
            None if c == '\'' || c == '"' => quote = Some(c),
            None if c == '\\' => {
                i += 1;
                word.extend(chars.get(i));
            }
            None if " \t;&|<>()".contains(c) => break,
            None => word.push(c),
        }
        i += 1;
    }
    (word, i)
}
