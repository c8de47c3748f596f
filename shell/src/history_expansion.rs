//! History expansion (`!!`, `!-2`, `!?str?`, `!#`; word designators `:0`, `^`, `$`, `%`,
//! `x-y`, `x*`; modifiers `h t r e p q x s & g a G`; `^old^new^`), as readline's history
//! library performs it for bash: with single quotes, backslashes, `[!...]`, `${!...}`,
//! `$!` and extglob's `!(...)` left alone, and `$histchars` naming the characters.

use super::history_quoting::{Quoting, single_quote_end};
use super::history_words::{WORD_DELIMITERS, word_at, word_end, words};

/// The characters of `$histchars`: the expansion character, the quick substitution one
/// and the comment one (the rest of a line after it at a word's start is not expanded).
pub(super) struct HistoryChars {
    pub expansion: Option<char>,
    pub quick: char,
    pub comment: char,
}

impl HistoryChars {
    pub(super) fn from_variable(value: Option<&str>) -> HistoryChars {
        let mut chars = value.unwrap_or("!^#").chars();
        HistoryChars {
            expansion: chars.next(),
            quick: chars.next().unwrap_or('^'),
            comment: chars.next().unwrap_or('#'),
        }
    }
}

/// What expansions remember for later ones: the last `!?string?` searched for and the
/// word it matched (`%`), and the last substitution's two sides (`:&`, `:s//new/`).
#[derive(Clone, Default)]
pub(super) struct Remembered {
    search: Option<Vec<char>>,
    search_match: Option<String>,
    old: Vec<char>,
    new: Vec<char>,
}

pub(super) enum Expansion {
    Unchanged,
    Expanded(String),
    /// A `:p` modifier: the line is shown and recorded, not run.
    PrintOnly(String),
}

enum Failure {
    EventNotFound,
    BadWordSpecifier,
    SubstitutionFailed,
    BadModifier,
    NoPreviousSubstitution,
}

/// A history line expanded against `entries` (numbered from `base`).
pub(super) struct Expander<'a> {
    pub entries: &'a [String],
    pub base: usize,
    pub remembered: &'a mut Remembered,
    /// The quick substitution character (`^`).
    pub quick: char,
    pub quoting: Quoting,
}

/// The text `s[from..to]` followed by what failed, as readline words its errors.
fn failure(s: &[char], from: usize, to: usize, kind: Failure) -> String {
    let text: String = s[from.min(s.len())..to.clamp(from.min(s.len()), s.len())]
        .iter()
        .collect();
    let message = match kind {
        Failure::EventNotFound => "event not found",
        Failure::BadWordSpecifier => "bad word specifier",
        Failure::SubstitutionFailed => "substitution failed",
        Failure::BadModifier => "unrecognized history modifier",
        Failure::NoPreviousSubstitution => "no previous substitution",
    };
    format!("{text}: {message}")
}

/// A word specifier's bound: a word number, the last word, or (as the end of `x-`) the
/// word before the last.
#[derive(Clone, Copy)]
enum Bound {
    Word(usize),
    Last,
    BeforeLast,
}

impl Expander<'_> {
    pub(super) fn expand(&mut self, line: &str) -> Result<Expansion, String> {
        let bang = self.quoting.bang;
        let mut s: Vec<char> = line.chars().collect();
        if s.first() == Some(&self.quick) {
            // `^old^new^` is `!!:s^old^new^`.
            let mut quick = vec![bang, bang, ':', 's'];
            quick.append(&mut s);
            s = quick;
        } else if !self.quoting.has_expansion(&s) {
            return Ok(Expansion::Unchanged);
        }
        let mut out: Vec<char> = Vec::with_capacity(s.len());
        let (mut modified, mut print_only) = (false, false);
        let mut in_double = self.quoting.open_quote == Some('"');
        let mut i = 0;
        if self.quoting.open_quote == Some('\'') {
            // The rest of a single-quoted string begun on an earlier line.
            i = (single_quote_end(&s, 0, false) + 1).min(s.len());
            out.extend(&s[..i]);
        }
        while i < s.len() {
            let c = s[i];
            if c == bang {
                let next = s.get(i + 1).copied();
                let literal = match next {
                    None => true,
                    Some(next) => " \t\n\r=".contains(next) || (in_double && next == '"'),
                };
                let inhibited = !literal && {
                    let mut so_far = out.clone();
                    so_far.extend([c, next.unwrap_or_default()]);
                    self.quoting.inhibited(&so_far, out.len())
                };
                if literal || inhibited {
                    out.push(c);
                    i += 1;
                    continue;
                }
                let quote = in_double.then_some('"');
                let (text, end, prints) = self.expand_one(&s, i, quote, &out)?;
                modified = true;
                print_only |= prints;
                out.extend(text.chars());
                i = end;
                continue;
            }
            match c {
                '\\' => {
                    out.extend(&s[i..(i + 2).min(s.len())]);
                    i += 2;
                    continue;
                }
                '"' => in_double = !in_double,
                '\'' if !in_double => {
                    let dollar = i > 0 && s[i - 1] == '$';
                    let end = single_quote_end(&s, i + 1, dollar);
                    out.extend(&s[i..(end + 1).min(s.len())]);
                    i = end + 1;
                    continue;
                }
                c if c == self.quoting.comment
                    && !in_double
                    && (i == 0 || WORD_DELIMITERS.contains(s[i - 1])) =>
                {
                    out.extend(&s[i..]);
                    break;
                }
                _ => {}
            }
            out.push(c);
            i += 1;
        }
        let out: String = out.into_iter().collect();
        Ok(match (print_only, modified) {
            (true, _) => Expansion::PrintOnly(out),
            (false, true) => Expansion::Expanded(out),
            (false, false) => Expansion::Unchanged,
        })
    }

    /// One expansion starting at the `!` at `start`: its text, where the line goes on,
    /// and whether it asked to be printed only (`:p`).
    fn expand_one(
        &mut self,
        s: &[char],
        start: usize,
        quote: Option<char>,
        so_far: &[char],
    ) -> Result<(String, usize, bool), String> {
        let mut i = start;
        let event: Option<String> = match s.get(start + 1) {
            Some(':' | '$' | '*' | '%' | '^') => {
                i += 1;
                self.entries.last().cloned()
            }
            Some('#') => {
                i += 2;
                Some(so_far.iter().collect())
            }
            _ => {
                let (event, end) = self.event(s, start, quote);
                i = end;
                event
            }
        };
        let event: Vec<char> = event
            .ok_or_else(|| failure(s, start, i, Failure::EventNotFound))?
            .chars()
            .collect();
        let words_from = i;
        let mut text: Vec<char> = match self.word_specifier(s, &event, &mut i) {
            Ok(Some(words)) => words.chars().collect(),
            Ok(None) => event,
            Err(()) => return Err(failure(s, words_from, i, Failure::BadWordSpecifier)),
        };
        let (mut global, mut by_words, mut quoting, mut print_only) = (false, false, None, false);
        let modifiers_from = i;
        while s.get(i) == Some(&':') {
            let mut c = s.get(i + 1).copied().unwrap_or_default();
            if c == 'g' || c == 'a' {
                global = true;
                i += 1;
                c = s.get(i + 1).copied().unwrap_or_default();
            } else if c == 'G' {
                by_words = true;
                i += 1;
                c = s.get(i + 1).copied().unwrap_or_default();
            }
            match c {
                'q' | 'x' => quoting = Some(c),
                'p' => print_only = true,
                't' => {
                    if let Some(slash) = text.iter().rposition(|&c| c == '/') {
                        text.drain(..=slash);
                    }
                }
                'h' => {
                    if let Some(slash) = text.iter().rposition(|&c| c == '/') {
                        text.truncate(slash);
                    }
                }
                'r' => {
                    if let Some(dot) = text.iter().rposition(|&c| c == '.') {
                        text.truncate(dot);
                    }
                }
                'e' => {
                    if let Some(dot) = text.iter().rposition(|&c| c == '.') {
                        text.drain(..dot);
                    }
                }
                's' | '&' => {
                    if c == 's' {
                        let Some(&delimiter) = s.get(i + 2) else {
                            // `:s` with nothing after it does nothing.
                            i += 2;
                            continue;
                        };
                        i += 3;
                        self.read_substitution(s, &mut i, delimiter);
                    } else {
                        i += 2;
                    }
                    if self.remembered.old.is_empty() {
                        let kind = Failure::NoPreviousSubstitution;
                        return Err(failure(s, modifiers_from, i, kind));
                    }
                    let mode = (global, by_words);
                    if !self.substitute(&mut text, mode) {
                        return Err(failure(s, modifiers_from, i, Failure::SubstitutionFailed));
                    }
                    global = false;
                    continue;
                }
                _ => return Err(failure(s, i + 1, i + 2, Failure::BadModifier)),
            }
            i += 2;
        }
        let text: String = text.into_iter().collect();
        let text = match quoting {
            Some('q') => single_quoted(&text),
            Some(_) => quote_breaks(&text),
            None => text,
        };
        Ok((text, i, print_only))
    }

    /// The event named after the `!` at `at` (`!!`, `!n`, `!-n`, `!string`, `!?string?`)
    /// and where its name ends.
    fn event(&mut self, s: &[char], at: usize, quote: Option<char>) -> (Option<String>, usize) {
        let bang = s[at];
        let mut i = at + 1;
        let char_at = |i: usize| s.get(i).copied().unwrap_or_default();
        if char_at(i) == bang {
            return (self.entries.last().cloned(), i + 1);
        }
        let negative = char_at(i) == '-' && char_at(i + 1).is_ascii_digit();
        i += usize::from(negative);
        if char_at(i).is_ascii_digit() {
            let mut number: i64 = 0;
            while char_at(i).is_ascii_digit() {
                number = number
                    .saturating_mul(10)
                    .saturating_add(i64::from(char_at(i) as u8 - b'0'));
                i += 1;
            }
            let index = match negative {
                true => (self.entries.len() as i64).checked_sub(number),
                false => number.checked_sub(self.base as i64),
            };
            let entry = index
                .and_then(|index| usize::try_from(index).ok())
                .and_then(|index| self.entries.get(index));
            return (entry.cloned(), i);
        }
        let anywhere = char_at(i) == '?';
        i += usize::from(anywhere);
        let from = i;
        while i < s.len() {
            let c = s[i];
            let ends_name = c == ' '
                || c == '\t'
                || c == ':'
                || (i > from && c == '-')
                || (c != '-' && "^$*%".contains(c))
                || ";&()|<>".contains(c)
                || Some(c) == quote;
            if (!anywhere && ends_name) || c == '\n' || (anywhere && c == '?') {
                break;
            }
            i += 1;
        }
        let mut wanted: Vec<char> = s[from..i].to_vec();
        if anywhere && char_at(i) == '?' {
            i += 1;
        }
        if wanted.is_empty() && anywhere {
            match &self.remembered.search {
                Some(previous) => wanted = previous.clone(),
                None => return (None, i),
            }
        }
        if wanted.is_empty() {
            return (None, i);
        }
        for entry in self.entries.iter().rev() {
            let line: Vec<char> = entry.chars().collect();
            if !anywhere {
                if line.starts_with(&wanted) {
                    return (Some(entry.clone()), i);
                }
                continue;
            }
            // The last place the string is in the line, as readline searches backwards.
            let found = (0..=line.len().saturating_sub(wanted.len()))
                .rev()
                .find(|&at| line[at..].starts_with(&wanted));
            if let Some(found) = found {
                self.remembered.search_match = word_at(&line, found, self.quoting.comment);
                self.remembered.search = Some(wanted);
                return (Some(entry.clone()), i);
            }
        }
        (None, i)
    }

    /// The words a word specifier after the event names: None when there is no
    /// specifier, Err when it names words the event does not have.
    fn word_specifier(
        &self,
        s: &[char],
        event: &[char],
        at: &mut usize,
    ) -> Result<Option<String>, ()> {
        let mut i = *at;
        let char_at = |i: usize| s.get(i).copied().unwrap_or_default();
        let colon = char_at(i) == ':';
        i += usize::from(colon);
        let words = || words(event, self.quoting.comment);
        match char_at(i) {
            '%' => {
                *at = i + 1;
                return Ok(Some(
                    self.remembered.search_match.clone().unwrap_or_default(),
                ));
            }
            '*' => {
                *at = i + 1;
                return Ok(Some(
                    extract(&words(), Bound::Word(1), Bound::Last).unwrap_or_default(),
                ));
            }
            '$' => {
                *at = i + 1;
                return Ok(extract(&words(), Bound::Last, Bound::Last));
            }
            _ => {}
        }
        let number = |i: &mut usize| {
            let mut n = 0usize;
            while char_at(*i).is_ascii_digit() {
                n = n
                    .saturating_mul(10)
                    .saturating_add(usize::from(char_at(*i) as u8 - b'0'));
                *i += 1;
            }
            n
        };
        let first = match char_at(i) {
            '-' => 0,
            '^' => {
                i += 1;
                1
            }
            c if c.is_ascii_digit() && colon => number(&mut i),
            _ => return Ok(None),
        };
        let last = match char_at(i) {
            '^' => {
                i += 1;
                Bound::Word(1)
            }
            '*' => {
                i += 1;
                Bound::Last
            }
            '-' => {
                i += 1;
                match char_at(i) {
                    c if c.is_ascii_digit() => Bound::Word(number(&mut i)),
                    '$' => {
                        i += 1;
                        Bound::Last
                    }
                    '^' => {
                        i += 1;
                        Bound::Word(1)
                    }
                    _ => Bound::BeforeLast,
                }
            }
            _ => Bound::Word(first),
        };
        *at = i;
        extract(&words(), Bound::Word(first), last)
            .map(Some)
            .ok_or(())
    }

    /// Reads `old/new/` of a `:s` after its delimiter, remembering both sides: an empty
    /// `old` means the last one (or the last `!?` search), `&` in `new` means `old`.
    fn read_substitution(&mut self, s: &[char], i: &mut usize, delimiter: char) {
        let side = |i: &mut usize| {
            let mut text = Vec::new();
            while *i < s.len() && s[*i] != delimiter {
                if s[*i] == '\\' && s.get(*i + 1) == Some(&delimiter) {
                    *i += 1;
                }
                text.push(s[*i]);
                *i += 1;
            }
            *i = (*i + 1).min(s.len());
            text
        };
        let old = side(i);
        if !old.is_empty() {
            self.remembered.old = old;
        } else if self.remembered.old.is_empty() {
            self.remembered.old = self.remembered.search.clone().unwrap_or_default();
        }
        let new = side(i);
        let mut expanded = Vec::with_capacity(new.len());
        let mut k = 0;
        while k < new.len() {
            match new[k] {
                '&' => expanded.extend(&self.remembered.old),
                '\\' if new.get(k + 1) == Some(&'&') => {
                    expanded.push('&');
                    k += 1;
                }
                c => expanded.push(c),
            }
            k += 1;
        }
        self.remembered.new = expanded;
    }

    /// The remembered substitution made in `text`: once, everywhere (`g`), or once in
    /// each word (`G`). False when nothing matched.
    fn substitute(&self, text: &mut Vec<char>, (global, by_words): (bool, bool)) -> bool {
        let (old, new) = (&self.remembered.old, &self.remembered.new);
        if old.len() > text.len() {
            return false;
        }
        let mut matched = false;
        let (mut i, mut word_ends) = (0, 0);
        while i + old.len() <= text.len() {
            if by_words && i > word_ends {
                while i < text.len() && matches!(text[i], ' ' | '\t' | '\n') {
                    i += 1;
                }
                word_ends = word_end(text, i);
            }
            if text[i.min(text.len())..].starts_with(old) {
                text.splice(i..i + old.len(), new.iter().copied());
                matched = true;
                if global {
                    i += new.len();
                    continue;
                }
                if by_words {
                    i = word_ends + 1;
                    continue;
                }
                break;
            }
            i += 1;
        }
        matched
    }
}

/// Words `first` to `last` of `words`, joined with spaces; None when there are no such.
fn extract(words: &[String], first: Bound, last: Bound) -> Option<String> {
    let count = words.len() as i64;
    let position = |bound: Bound| match bound {
        Bound::Word(n) => n as i64,
        Bound::Last => count - 1,
        Bound::BeforeLast => count - 2,
    };
    let (first, last) = (position(first), position(last) + 1);
    if first < 0 || last < 0 || first >= count || last > count || first > last {
        return None;
    }
    Some(words[first as usize..last as usize].join(" "))
}

/// `:q`: the text in single quotes.
fn single_quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// `:x`: quoted as `:q` quotes, but each blank left outside the quotes, so that the
/// words stay words.
fn quote_breaks(text: &str) -> String {
    let mut out = String::from("'");
    for c in text.chars() {
        match c {
            '\'' => out.push_str(r"'\''"),
            ' ' | '\t' | '\n' => {
                out.push('\'');
                out.push(c);
                out.push('\'');
            }
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Any line, against any history, expands or fails with a message: no panic, and
    /// `^` alone or an unfinished `:s` are read to the end.
    #[test]
    fn no_line_makes_expansion_panic() {
        const PIECES: [&str; 24] = [
            "!", "!!", "^", "$", ":", "*", "%", "-", "?", "#", "'", "\"", "\\", " ", "a", "1", "s",
            "g", "&", "/", "h", "{", "[", "(",
        ];
        let entries: Vec<String> = ["echo a b/c.d", "x", "", "'q' \"r s\" $(t u)", "aaaa"]
            .map(String::from)
            .to_vec();
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..50_000 {
            let length = (next() % 12) as usize;
            let line: String = (0..length)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            let mut remembered = Remembered::default();
            for open_quote in [None, Some('\''), Some('"')] {
                let mut expander = Expander {
                    entries: &entries,
                    base: 1,
                    remembered: &mut remembered,
                    quick: '^',
                    quoting: Quoting {
                        bang: '!',
                        comment: '#',
                        extglob: next() % 2 == 0,
                        posix: next() % 2 == 0,
                        open_quote,
                    },
                };
                let _ = expander.expand(&line);
            }
        }
    }
}
