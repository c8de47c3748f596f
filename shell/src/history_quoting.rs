//! How history expansion reads a line's quoting: which `!` a quote, a backslash or the
//! shell's own syntax protects (readline's first pass and bash's
//! `bash_history_inhibit_expansion`, with `skip_to_histexp`'s reading of the quotes).

use super::history_words::WORD_DELIMITERS;

/// How a line is read for history expansion.
pub(super) struct Quoting {
    /// The expansion character (`!`).
    pub bang: char,
    /// The comment character (`#`): the rest of a line after it at a word's start is
    /// not expanded.
    pub comment: char,
    pub extglob: bool,
    pub posix: bool,
    /// The quote a line begins inside, when the command's earlier lines left one open.
    pub open_quote: Option<char>,
}

impl Quoting {
    /// Whether the line has an expansion at all, read as readline's first pass reads it.
    pub(super) fn has_expansion(&self, s: &[char]) -> bool {
        let mut in_double = self.open_quote == Some('"');
        let mut i = match self.open_quote {
            Some('\'') => single_quote_end(s, 0, false) + 1,
            _ => 0,
        };
        while i < s.len() {
            let (c, next) = (s[i], s.get(i + 1).copied());
            if c == self.comment && !in_double && (i == 0 || WORD_DELIMITERS.contains(s[i - 1])) {
                return false;
            }
            if c == self.bang {
                let literal = next.is_none_or(|n| " \t\n\r=".contains(n))
                    || (in_double && next == Some('"'))
                    || self.inhibited(s, i);
                if !literal {
                    return true;
                }
            } else if (in_double && c == '\\' && next == Some('"'))
                || (c == '\\' && (next == Some('\'') || next == Some(self.bang)))
            {
                i += 1;
            } else if c == '"' {
                in_double = !in_double;
            } else if c == '\'' && !in_double {
                i = single_quote_end(s, i + 1, i > 0 && s[i - 1] == '$');
            }
            i += 1;
        }
        false
    }

    /// bash's exceptions: a `!` that is shell syntax (`[!...]`, `${!name}`, `$!`,
    /// `!(...)` under extglob) or that the shell's quoting protects.
    pub(super) fn inhibited(&self, s: &[char], i: usize) -> bool {
        let after = |c: char| s.get(i + 1..).is_some_and(|rest| rest.contains(&c));
        if (i > 0 && s[i - 1] == '[' && after(']'))
            || (i > 1 && s[i - 1] == '{' && s[i - 2] == '$' && after('}'))
            || (i > 1 && s[i - 1] == '$' && s[i] == '!')
            || (self.extglob
                && i > 1
                && s.get(i + 1) == Some(&'(')
                && s.get(i + 2..).is_some_and(|rest| rest.contains(&')')))
        {
            return true;
        }
        let mut from = 0;
        if self.open_quote == Some('\'') {
            let closing = single_quote_end(s, 0, false);
            if closing >= i {
                return true;
            }
            from = closing + 1;
        }
        let mut stop = self.next_candidate(s, from);
        if stop == 0 {
            return false;
        }
        while stop < i {
            stop = self.next_candidate(s, stop + 1);
        }
        stop > i
    }

    /// The next `!` from `start` that the shell's quoting leaves exposed (bash's
    /// `skip_to_histexp`), or the line's length.
    fn next_candidate(&self, s: &[char], start: usize) -> usize {
        let (mut escaped, mut in_backquote, mut in_double, mut saved_double) =
            (false, false, false, false);
        let mut substitutions = 0usize;
        let mut i = start;
        while i < s.len() {
            let (c, next) = (s[i], s.get(i + 1).copied());
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if in_backquote && c == '`' {
                in_backquote = false;
                in_double = saved_double;
            } else if c == '`' {
                in_backquote = true;
                saved_double = in_double;
                in_double = false;
            } else if in_double && c == self.bang && next == Some('"') {
            } else if c == self.bang {
                return i;
            } else if in_double && c == '\'' {
            } else if c == '\'' {
                i = (single_quote_end(s, i + 1, false) + 1).min(s.len());
                continue;
            } else if c == '"' && !self.posix {
                in_double = !in_double;
            } else if c == '"' {
                i = (double_quote_end(s, i + 1) + 1).min(s.len());
                continue;
            } else if matches!(c, '$' | '<' | '>')
                && next == Some('(')
                && s.get(i + 2) != Some(&'(')
            {
                substitutions += 1;
                saved_double = in_double;
                in_double = false;
                i += 2;
                continue;
            } else if substitutions > 0 && c == ')' {
                substitutions -= 1;
                in_double = saved_double;
            }
            i += 1;
        }
        s.len()
    }
}

/// Where the single-quoted text starting at `from` ends (its closing quote, or the end);
/// in `$'...'` a backslash escapes the quote.
pub(super) fn single_quote_end(s: &[char], from: usize, backslash_escapes: bool) -> usize {
    let mut i = from;
    while i < s.len() && s[i] != '\'' {
        if backslash_escapes && s[i] == '\\' && i + 1 < s.len() {
            i += 1;
        }
        i += 1;
    }
    i
}

/// Where the double-quoted text starting at `from` ends (a POSIX-mode reading).
fn double_quote_end(s: &[char], from: usize) -> usize {
    let mut i = from;
    while i < s.len() && s[i] != '"' {
        i += if s[i] == '\\' { 2 } else { 1 };
    }
    i.min(s.len())
}
