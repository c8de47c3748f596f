//! What a command read at the prompt leaves in the history, as bash decides it: the
//! `history` option (`set -o history`) records at all; `shopt cmdhist` keeps a command
//! typed over several lines as one entry, joined with `; ` where bash's reader would
//! put one (`lithist` keeps the line breaks instead); `$HISTCONTROL` (`ignorespace`,
//! `ignoredups`, `ignoreboth`, `erasedups`) and `$HISTIGNORE` (patterns, `&` for the
//! previous entry) leave commands out.

use super::Shell;

/// Words after which bash's reader puts no `;` when it joins the next line
/// (`no_semi_successors` in bash's parser): a command cannot end there.
const NO_SEMICOLON_AFTER: [&str; 19] = [
    "{", "(", ";", "&", "|", "case", "do", "else", "if", ";;", ";&", ";;&", "then", "until",
    "while", "&&", "||", "in", "!",
];

impl Shell {
    /// Records a command read at the prompt (over one line or several), if the options
    /// and `$HISTCONTROL`/`$HISTIGNORE` let it be; the entries added.
    pub(super) fn record_command(&mut self, text: &str) -> Vec<String> {
        self.history.last_added = false;
        if !self.options.history || text.trim().is_empty() {
            return Vec::new();
        }
        let entries: Vec<String> = match self.shell_options.cmdhist {
            true => vec![self.joined_lines(text)],
            false => text.lines().map(String::from).collect(),
        };
        let mut added = Vec::new();
        for entry in entries {
            if entry.trim().is_empty() || !self.history_keeps(&entry) {
                continue;
            }
            if self
                .history_control()
                .iter()
                .any(|word| word == "erasedups")
            {
                let kept = self.history.entries.len();
                self.history.entries.retain(|old| *old != entry);
                let erased = kept - self.history.entries.len();
                self.history.session_lines = self.history.session_lines.saturating_sub(erased);
            }
            self.add_history_entry(&entry);
            self.history.last_added = true;
            added.push(entry);
        }
        added
    }

    /// Under `set -o history`, what a script or `-c` text read for a command: each line
    /// before it (a comment) is an entry, then the command's own lines are one.
    pub(super) fn record_script_lines(&mut self, before: &str, own: &str) {
        for line in before.lines() {
            self.record_command(line);
        }
        self.record_command(own);
    }

    fn history_control(&self) -> Vec<String> {
        let control = self.variable("HISTCONTROL").unwrap_or_default();
        control
            .split(':')
            .flat_map(|word| match word {
                "ignoreboth" => vec!["ignorespace", "ignoredups"],
                other => vec![other],
            })
            .map(String::from)
            .collect()
    }

    /// Whether `$HISTCONTROL` and `$HISTIGNORE` let an entry in (bash's
    /// `check_add_history`).
    fn history_keeps(&self, entry: &str) -> bool {
        let previous = self.history.entries.last();
        for word in self.history_control() {
            match word.as_str() {
                "ignorespace" if entry.starts_with(' ') => return false,
                "ignoredups" if previous.is_some_and(|p| p == entry) => return false,
                _ => {}
            }
        }
        let ignored = self.variable("HISTIGNORE").unwrap_or_default();
        let extglob = self.shell_options.extglob;
        !ignored.split(':').filter(|p| !p.is_empty()).any(|pattern| {
            if pattern == "&" {
                return previous.is_some_and(|p| p == entry);
            }
            super::pattern::Pattern::new(pattern, extglob).matches(entry)
        })
    }

    /// The lines of a command as one entry: with `lithist`, as typed; else joined as
    /// bash's `history_delimiting_chars` joins them.
    fn joined_lines(&self, text: &str) -> String {
        if self.shell_options.lithist || !text.contains('\n') {
            return text.to_string();
        }
        // A here-document's lines keep their breaks, and the entry ends with one.
        if has_here_document(text) {
            return format!("{text}\n");
        }
        let lines: Vec<&str> = text.split('\n').collect();
        let ends = line_ends(text);
        let mut entry = lines[0].to_string();
        let mut in_case = starts_case(lines[0]);
        for (at, line) in lines.iter().enumerate().skip(1) {
            match ends[at - 1] {
                // Inside quotes or a substitution the line break is part of the text.
                LineEnd::Open => entry.push('\n'),
                // A backslash-newline is taken out, as the reader takes it out.
                LineEnd::Continued => {
                    entry.pop();
                }
                LineEnd::InArray => entry.push(' '),
                LineEnd::Plain if line.trim().is_empty() => continue,
                LineEnd::Plain => entry.push_str(delimiter(lines[at - 1], line, in_case)),
            }
            entry.push_str(line);
            in_case = (in_case || starts_case(line)) && !line.trim_end().ends_with("esac");
        }
        entry
    }
}

/// How a line of a command ends, for joining it to the next.
#[derive(Clone, Copy, PartialEq)]
enum LineEnd {
    Plain,
    /// Inside quotes, backquotes, `$(...)` or `${...}`.
    Open,
    /// With a backslash before the line break.
    Continued,
    /// Inside a compound assignment's parentheses (`a=(`).
    InArray,
}

/// How each line of `text` but the last ends, read as the shell reads quotes,
/// substitutions and comments.
fn line_ends(text: &str) -> Vec<LineEnd> {
    #[derive(Clone, Copy, PartialEq)]
    enum Within {
        Single,
        Double,
        Backquote,
        Parens,
        Brace,
        Array,
    }
    let chars: Vec<char> = text.chars().collect();
    let mut stack: Vec<Within> = Vec::new();
    let mut ends = Vec::new();
    let mut at = 0;
    while at < chars.len() {
        let c = chars[at];
        let within = stack.last().copied();
        let word_start = at == 0 || " \t\n;&|()".contains(chars[at - 1]);
        match (c, within) {
            ('\n', None) => ends.push(LineEnd::Plain),
            ('\n', Some(Within::Array)) => ends.push(LineEnd::InArray),
            ('\n', Some(_)) => ends.push(LineEnd::Open),
            ('\'', Some(Within::Single)) => {
                stack.pop();
            }
            (_, Some(Within::Single)) => {}
            ('\\', _) => {
                if chars.get(at + 1) == Some(&'\n') {
                    ends.push(LineEnd::Continued);
                }
                at += 1;
            }
            ('"', Some(Within::Double)) | ('`', Some(Within::Backquote)) => {
                stack.pop();
            }
            ('"', _) => stack.push(Within::Double),
            ('`', _) => stack.push(Within::Backquote),
            ('$', _) if chars.get(at + 1) == Some(&'(') => {
                stack.push(Within::Parens);
                at += 1;
            }
            ('$', _) if chars.get(at + 1) == Some(&'{') => {
                stack.push(Within::Brace);
                at += 1;
            }
            ('}', Some(Within::Brace)) => {
                stack.pop();
            }
            (_, Some(Within::Double)) => {}
            ('\'', _) => stack.push(Within::Single),
            ('(', Some(Within::Parens)) => stack.push(Within::Parens),
            ('(', None) if at > 0 && chars[at - 1] == '=' => stack.push(Within::Array),
            (')', Some(Within::Parens | Within::Array)) => {
                stack.pop();
            }
            ('#', None | Some(Within::Parens | Within::Array)) if word_start => {
                while at + 1 < chars.len() && chars[at + 1] != '\n' {
                    at += 1;
                }
            }
            _ => {}
        }
        at += 1;
    }
    ends
}

/// Whether a command has a here-document (`<<`, not the here-string `<<<`).
fn has_here_document(text: &str) -> bool {
    text.match_indices("<<")
        .any(|(at, _)| !text[at + 2..].starts_with('<') && (at == 0 || !text[..at].ends_with('<')))
}

/// What goes between a line and the next in a joined entry.
fn delimiter(before: &str, next: &str, in_case: bool) -> &'static str {
    let words: Vec<&str> = before.split_whitespace().collect();
    let Some(&last) = words.last() else {
        return " ";
    };
    let two_ago = words.len().checked_sub(2).map(|at| words[at]);
    if last.ends_with("()") || (last == ")" && two_ago.is_some_and(|w| w.ends_with('('))) {
        return " ";
    }
    if last.ends_with(')') {
        return if in_case { " " } else { "; " };
    }
    match two_ago {
        Some("function") => return " ",
        Some("for" | "select") => {
            return if next.trim_start().starts_with("in") {
                " "
            } else {
                ";"
            };
        }
        Some("case") => return " ",
        _ => {}
    }
    let glued = ["&&", "||", ";;&", ";;", ";&", "|", "&", ";", "(", "{"];
    if NO_SEMICOLON_AFTER.contains(&last) || glued.iter().any(|op| last.ends_with(op)) {
        return " ";
    }
    "; "
}

fn starts_case(line: &str) -> bool {
    line.split_whitespace().any(|word| word == "case")
}
