//! Shell patterns, as bash matches them in `case`, `[[ == ]]`, `${VAR#pat}` and pathname
//! expansion: `*`, `?`, bracket expressions with ranges and POSIX classes (`[[:alpha:]]`),
//! backslash escapes, and the extglob forms `?(a|b)`, `*(…)`, `+(…)`, `@(…)`, `!(…)`.
//! (The glob crate has no classes and no extglob, so the shell has its own matcher.)

use std::collections::HashSet;

#[derive(Clone, Debug)]
enum Token {
    Char(char),
    AnyChar,
    AnyString,
    Bracket {
        negated: bool,
        items: Vec<Item>,
    },
    Extended {
        kind: char,
        alternatives: Vec<Vec<Token>>,
    },
}

#[derive(Clone, Debug)]
enum Item {
    Char(char),
    Range(char, char),
    Class(String),
}

/// A compiled pattern.
#[derive(Clone, Debug)]
pub struct Pattern {
    tokens: Vec<Token>,
    ignore_case: bool,
}

/// The characters that mean something in a pattern; `escape` puts a backslash before them.
/// What a quoted character is escaped for: glob syntax, `&`, which stands for the match
/// in a `${var/pattern/replacement}` replacement, and `/`, since a quoted one does not
/// end a bracket expression (`[a\/b]` is a pattern, `[a/b]` is not).
const SPECIAL: &[char] = &[
    '\\', '*', '?', '[', ']', '!', '@', '+', '(', ')', '|', '&', '/',
];

/// `text` as a pattern that matches only itself.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if SPECIAL.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whether pathname pattern text (quoted characters escaped) can match anything but
/// itself: an unescaped `*` or `?`, a `[` closed by a `]` before the next `/` (a bracket
/// expression does not span components), or an extglob group.
pub fn is_pattern(pattern: &str) -> bool {
    let chars: Vec<char> = pattern.chars().collect();
    let mut at = 0;
    while at < chars.len() {
        match chars[at] {
            '\\' => at += 1,
            '*' | '?' => return true,
            '[' if closed_in_component(&chars[at + 1..]) => return true,
            '+' | '@' | '!' if chars.get(at + 1) == Some(&'(') => return true,
            _ => {}
        }
        at += 1;
    }
    false
}

/// Whether a `]` comes before the next unescaped `/`.
fn closed_in_component(chars: &[char]) -> bool {
    let mut at = 0;
    while let Some(&c) = chars.get(at) {
        match c {
            '\\' => at += 1,
            '/' => return false,
            ']' => return true,
            _ => {}
        }
        at += 1;
    }
    false
}

/// Whether unquoted text makes a word a pattern for pathname expansion.
pub fn has_magic(text: &str) -> bool {
    text.contains(['*', '?', '[']) || ["+(", "@(", "!("].iter().any(|form| text.contains(form))
}

impl Pattern {
    pub fn new(text: &str, extglob: bool) -> Pattern {
        let chars: Vec<char> = text.chars().collect();
        let mut at = 0;
        let tokens = parse(&chars, &mut at, extglob, false);
        Pattern {
            tokens,
            ignore_case: false,
        }
    }

    /// Case-insensitive matching (`nocasematch`, `nocaseglob`).
    pub fn ignoring_case(mut self, ignore: bool) -> Pattern {
        self.ignore_case = ignore;
        self
    }

    pub fn matches(&self, text: &str) -> bool {
        self.matching(text, false)
    }

    /// Whether the pattern matches a file's name, as pathname expansion matches one: a
    /// leading `.` only where the pattern has a `.` for it (fnmatch's `FNM_PERIOD`), or
    /// with `dotglob`, only `.` and `..` so (bash's `FNM_DOTDOT`).
    pub fn matches_name(&self, name: &str, dotglob: bool) -> bool {
        let leading_dot = match dotglob {
            false => name.starts_with('.'),
            true => name == "." || name == "..",
        };
        self.matching(name, leading_dot)
    }

    /// The lengths (in chars) of the prefixes of `text` the pattern matches, shortest
    /// first, found in one pass over the text rather than one match per prefix.
    pub fn prefix_matches(&self, text: &[char]) -> Vec<usize> {
        let lowered: Vec<char>;
        let text = match self.ignore_case {
            true => {
                lowered = text.iter().flat_map(|c| c.to_lowercase()).collect();
                &lowered
            }
            false => text,
        };
        if let Some(length) = self.fixed_length() {
            let fits = length <= text.len() && self.matching_chars(&text[..length], false);
            return if fits { vec![length] } else { Vec::new() };
        }
        let ends = std::cell::RefCell::new(vec![false; text.len() + 1]);
        Matcher {
            ignore_case: self.ignore_case,
            leading_dot: false,
            ends: Some(&ends),
        }
        .tokens(&self.tokens, 0, text, 0, true, &mut HashSet::new());
        let ends = ends.into_inner();
        (0..ends.len()).filter(|&end| ends[end]).collect()
    }

    /// The lengths (in chars) of the suffixes of `text` the pattern matches, shortest
    /// first: the prefixes the reversed pattern matches in the reversed text.
    pub fn suffix_matches(&self, text: &[char]) -> Vec<usize> {
        let reversed_text: Vec<char> = text.iter().rev().copied().collect();
        Pattern {
            tokens: reversed(&self.tokens),
            ignore_case: self.ignore_case,
        }
        .prefix_matches(&reversed_text)
    }

    /// How many chars every match is long, when that is fixed (no `*`, no group), as
    /// bash's `umatchlen` finds it: then only that prefix need be tried.
    fn fixed_length(&self) -> Option<usize> {
        self.tokens.iter().try_fold(0, |length, token| match token {
            Token::AnyString | Token::Extended { .. } => None,
            _ => Some(length + 1),
        })
    }

    fn matching(&self, text: &str, leading_dot: bool) -> bool {
        let chars: Vec<char> = if self.ignore_case {
            text.chars().flat_map(char::to_lowercase).collect()
        } else {
            text.chars().collect()
        };
        self.matching_chars(&chars, leading_dot)
    }

    fn matching_chars(&self, chars: &[char], leading_dot: bool) -> bool {
        Matcher {
            ignore_case: self.ignore_case,
            leading_dot,
            ends: None,
        }
        .tokens(&self.tokens, 0, chars, 0, true, &mut HashSet::new())
    }

    /// Whether pathname expansion leaves out `name`, which starts with a dot, before
    /// matching it, as bash's `skipname` decides: without `dotglob` a dot name needs a
    /// pattern that starts with a `.`; with it, `.` and `..` do. A pattern that starts
    /// with an extglob group asks its alternatives, and for `*(...)` and `?(...)`,
    /// which may match nothing, also what follows the group.
    pub fn skips_dot_name(&self, name: &str, dotglob: bool, skip_dots: bool) -> bool {
        skips(&self.tokens, name, dotglob, skip_dots)
    }
}

/// The pattern that matches the reverse of what `tokens` match.
fn reversed(tokens: &[Token]) -> Vec<Token> {
    tokens
        .iter()
        .rev()
        .map(|token| match token {
            Token::Extended { kind, alternatives } => Token::Extended {
                kind: *kind,
                alternatives: alternatives.iter().map(|a| reversed(a)).collect(),
            },
            other => other.clone(),
        })
        .collect()
}

fn starts_with_dot(tokens: &[Token]) -> bool {
    matches!(tokens.first(), Some(Token::Char('.')))
}

fn skips(tokens: &[Token], name: &str, dotglob: bool, skip_dots: bool) -> bool {
    if let Some(Token::Extended { kind, alternatives }) = tokens.first() {
        if alternatives
            .iter()
            .any(|alternative| !skips(alternative, name, dotglob, skip_dots))
        {
            return false;
        }
        let rest = &tokens[1..];
        // `*(...)` and `?(...)` may match nothing: then what follows decides.
        let may_match_nothing = matches!(kind, '*' | '?') && !rest.is_empty();
        return !may_match_nothing || skips(rest, name, dotglob, skip_dots);
    }
    let dot_or_dot_dot = name == "." || name == "..";
    if skip_dots && dot_or_dot_dot {
        return true;
    }
    !starts_with_dot(tokens) && (!dotglob || dot_or_dot_dot)
}

/// Parses tokens until the end, or (inside an extglob group) until `|` or `)`.
fn parse(chars: &[char], at: &mut usize, extglob: bool, in_group: bool) -> Vec<Token> {
    let mut tokens = Vec::new();
    while *at < chars.len() {
        let c = chars[*at];
        if in_group && (c == '|' || c == ')') {
            break;
        }
        if extglob
            && matches!(c, '?' | '*' | '+' | '@' | '!')
            && chars.get(*at + 1) == Some(&'(')
            && let Some(token) = parse_group(chars, at, c)
        {
            tokens.push(token);
            continue;
        }
        *at += 1;
        tokens.push(match c {
            '\\' if *at < chars.len() => {
                *at += 1;
                Token::Char(chars[*at - 1])
            }
            '?' => Token::AnyChar,
            '*' => {
                if matches!(tokens.last(), Some(Token::AnyString)) {
                    continue;
                }
                Token::AnyString
            }
            '[' => match parse_bracket(chars, *at) {
                Some((token, end)) => {
                    *at = end;
                    token
                }
                None => Token::Char('['),
            },
            c => Token::Char(c),
        });
    }
    tokens
}

/// `K(a|b)` at `at` (K one of `?*+@!`); None, and nothing consumed, if it is unclosed.
fn parse_group(chars: &[char], at: &mut usize, kind: char) -> Option<Token> {
    group_end(chars, *at + 2)?;
    let mut cursor = *at + 2;
    let mut alternatives = Vec::new();
    loop {
        let alternative = parse(chars, &mut cursor, true, true);
        alternatives.push(alternative);
        match chars.get(cursor) {
            Some('|') => cursor += 1,
            Some(')') => {
                *at = cursor + 1;
                return Some(Token::Extended { kind, alternatives });
            }
            _ => return None,
        }
    }
}

/// Where the extglob group whose text starts at `start` ends, as bash's `glob_patscan`
/// finds it: `(`, `)` and `|` inside a bracket expression count for nothing, so a `[`
/// that no `]` closes leaves the group unclosed (and the pattern's characters literal).
fn group_end(chars: &[char], start: usize) -> Option<usize> {
    let (mut parens, mut brackets) = (0usize, 0usize);
    let mut bracket_first = None;
    let mut at = start;
    while let Some(&c) = chars.get(at) {
        match c {
            '\\' => at += 1,
            '[' if brackets == 0 => {
                brackets = 1;
                let first = at + 1;
                bracket_first =
                    Some(first + usize::from(matches!(chars.get(first), Some('!' | '^'))));
            }
            '[' if matches!(chars.get(at + 1), Some(':' | '.' | '=')) => brackets += 1,
            ']' if brackets > 0 && bracket_first != Some(at) => {
                brackets -= 1;
                bracket_first = None;
            }
            '(' if brackets == 0 => parens += 1,
            ')' if brackets == 0 => match parens.checked_sub(1) {
                Some(fewer) => parens = fewer,
                None => return Some(at),
            },
            _ => {}
        }
        at += 1;
    }
    None
}

/// The byte index of the `]` that closes the bracket expression opened at byte `open`
/// of `text`, if one does.
pub(super) fn bracket_end(text: &str, open: usize) -> Option<usize> {
    let inside = &text[open + 1..];
    let chars: Vec<char> = inside.chars().collect();
    let (_, after) = parse_bracket(&chars, 0)?;
    let close: usize = chars[..after - 1].iter().map(|c| c.len_utf8()).sum();
    Some(open + 1 + close)
}

/// A bracket expression whose `[` is just before `start`: the token and the index after
/// its `]`, or None when there is no closing `]` (then `[` is an ordinary character).
fn parse_bracket(chars: &[char], start: usize) -> Option<(Token, usize)> {
    let mut at = start;
    let negated = matches!(chars.get(at), Some('!' | '^'));
    if negated {
        at += 1;
    }
    let mut items = Vec::new();
    let mut first = true;
    loop {
        let c = *chars.get(at)?;
        if c == ']' && !first {
            return Some((Token::Bracket { negated, items }, at + 1));
        }
        first = false;
        if c == '[' && chars.get(at + 1) == Some(&':') {
            let rest: String = chars[at + 2..].iter().collect();
            if let Some(end) = rest.find(":]") {
                items.push(Item::Class(rest[..end].to_string()));
                at += 2 + rest[..end].chars().count() + 2;
                continue;
            }
        }
        // `[=c=]`: in the C locale, the class of characters equivalent to c is c.
        if let Some((name, next)) = delimited(chars, at, '=') {
            let mut letters = name.chars();
            if let (Some(only), None) = (letters.next(), letters.next()) {
                items.push(Item::Char(only));
            }
            at = next;
            continue;
        }
        let (low, next) = endpoint(chars, at)?;
        at = next;
        if chars.get(at) == Some(&'-') && chars.get(at + 1).is_some_and(|&c| c != ']') {
            let (high, next) = endpoint(chars, at + 1)?;
            // A range with an unknown collating symbol at either end matches nothing.
            if let (Some(low), Some(high)) = (low, high) {
                items.push(Item::Range(low, high));
            }
            at = next;
        } else if let Some(low) = low {
            items.push(Item::Char(low));
        }
    }
}

/// One character of a bracket expression, escaped, plain or a collating symbol
/// (`[.a.]`, `[.hyphen.]`; None for a symbol the C locale has no character for), and
/// the index after it.
fn endpoint(chars: &[char], at: usize) -> Option<(Option<char>, usize)> {
    if let Some((name, next)) = delimited(chars, at, '.') {
        return Some((super::collating::symbol(&name), next));
    }
    match *chars.get(at)? {
        '\\' => Some((Some(*chars.get(at + 1)?), at + 2)),
        c => Some((Some(c), at + 1)),
    }
}

/// `[Xname X]` at `at` (X being `.` or `=`): the name and the index after the `]`.
fn delimited(chars: &[char], at: usize, mark: char) -> Option<(String, usize)> {
    if chars.get(at) != Some(&'[') || chars.get(at + 1) != Some(&mark) {
        return None;
    }
    let start = at + 2;
    let end = (start..chars.len().saturating_sub(1))
        .find(|&i| chars[i] == mark && chars[i + 1] == ']')?;
    Some((chars[start..end].iter().collect(), end + 2))
}

fn in_class(class: &str, c: char) -> bool {
    match class {
        "alpha" => c.is_alphabetic(),
        "digit" => c.is_ascii_digit(),
        "alnum" => c.is_alphanumeric(),
        "upper" => c.is_uppercase(),
        "lower" => c.is_lowercase(),
        "space" => c.is_whitespace(),
        "blank" => c == ' ' || c == '\t',
        "punct" => c.is_ascii_punctuation(),
        "print" => !c.is_control(),
        "graph" => !c.is_control() && !c.is_whitespace(),
        "cntrl" => c.is_control(),
        "xdigit" => c.is_ascii_hexdigit(),
        "word" => c.is_alphanumeric() || c == '_',
        "ascii" => c.is_ascii(),
        _ => false,
    }
}

struct Matcher<'e> {
    ignore_case: bool,
    /// The text starts with a `.` that only a `.` of the pattern may match.
    leading_dot: bool,
    /// Matching prefixes: where the pattern ended is marked here, and the search goes
    /// on for the others.
    ends: Option<&'e std::cell::RefCell<Vec<bool>>>,
}

impl Matcher<'_> {
    fn same(&self, pattern: char, c: char) -> bool {
        if self.ignore_case {
            pattern.to_lowercase().eq(std::iter::once(c))
        } else {
            pattern == c
        }
    }

    fn bracket(&self, negated: bool, items: &[Item], c: char) -> bool {
        let hit = items.iter().any(|item| match item {
            Item::Char(p) => self.same(*p, c),
            Item::Range(low, high) => {
                (*low..=*high).contains(&c)
                    || (self.ignore_case && c.to_uppercase().any(|u| (*low..=*high).contains(&u)))
            }
            Item::Class(class) => in_class(class, c),
        });
        hit != negated
    }

    /// Whether `tokens[ti..]` matches `text[si..]`; `at_start` when `text` begins where
    /// the name does. `failed` remembers positions already known not to match, so stars
    /// backtrack in polynomial time.
    fn tokens(
        &self,
        tokens: &[Token],
        ti: usize,
        text: &[char],
        si: usize,
        at_start: bool,
        failed: &mut HashSet<(usize, usize, usize)>,
    ) -> bool {
        let key = (tokens.as_ptr() as usize, ti, si);
        if failed.contains(&key) {
            return false;
        }
        let period = self.leading_dot && at_start && si == 0;
        let result = match tokens.get(ti) {
            None => match self.ends {
                Some(ends) => {
                    ends.borrow_mut()[si] = true;
                    false
                }
                None => si == text.len(),
            },
            Some(Token::Char(p)) => {
                si < text.len()
                    && self.same(*p, text[si])
                    && self.tokens(tokens, ti + 1, text, si + 1, at_start, failed)
            }
            Some(Token::AnyChar) => {
                si < text.len()
                    && !period
                    && self.tokens(tokens, ti + 1, text, si + 1, at_start, failed)
            }
            Some(Token::Bracket { negated, items }) => {
                si < text.len()
                    && !period
                    && self.bracket(*negated, items, text[si])
                    && self.tokens(tokens, ti + 1, text, si + 1, at_start, failed)
            }
            Some(Token::AnyString) => {
                let longest = if period { si } else { text.len() };
                (si..=longest).any(|end| self.tokens(tokens, ti + 1, text, end, at_start, failed))
            }
            Some(Token::Extended { kind, alternatives }) => (si..=text.len()).any(|end| {
                self.extended(*kind, alternatives, &text[si..end], at_start && si == 0)
                    && self.tokens(tokens, ti + 1, text, end, at_start, failed)
            }),
        };
        if !result {
            failed.insert(key);
        }
        result
    }

    fn any_alternative(&self, alternatives: &[Vec<Token>], text: &[char], at_start: bool) -> bool {
        // A group matches the whole of its piece, whatever the pattern around it does.
        let whole = Matcher {
            ends: None,
            ..*self
        };
        alternatives
            .iter()
            .any(|alternative| whole.tokens(alternative, 0, text, 0, at_start, &mut HashSet::new()))
    }

    /// Whether a whole extglob group matches `text`.
    fn extended(
        &self,
        kind: char,
        alternatives: &[Vec<Token>],
        text: &[char],
        at_start: bool,
    ) -> bool {
        match kind {
            '@' => self.any_alternative(alternatives, text, at_start),
            '?' => text.is_empty() || self.any_alternative(alternatives, text, at_start),
            // Not even a negation matches the leading dot (as bash's matcher).
            '!' => {
                let leading_dot = self.leading_dot && at_start;
                !leading_dot && !self.any_alternative(alternatives, text, at_start)
            }
            // `*` and `+`: one or more matches in a row (`*` also none).
            _ => {
                (kind == '*' && text.is_empty())
                    || (1..=text.len()).any(|split| {
                        self.any_alternative(alternatives, &text[..split], at_start)
                            && (split == text.len()
                                || self.extended('*', alternatives, &text[split..], false))
                    })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Pattern, escape};

    fn matches(pattern: &str, text: &str) -> bool {
        Pattern::new(pattern, true).matches(text)
    }

    #[test]
    fn bash_patterns() {
        assert!(matches("*.txt", "a.txt"));
        assert!(!matches("*.txt", "a.txf"));
        assert!(matches("[[:alpha:]]*", "abc"));
        assert!(!matches("[[:digit:]]", "a"));
        assert!(matches("[!a-c]x", "dx"));
        assert!(matches("[]]", "]"));
        assert!(matches("+(ab|c)", "abcab"));
        assert!(!matches("!(*.txt)", "a.txt"));
        assert!(matches("!(*.txt)", "a.md"));
        assert!(matches("@(x|y)z", "yz"));
        assert!(matches("?(a)b", "b"));
        assert!(matches(&escape("*?[a]"), "*?[a]"));
        assert!(!matches(&escape("*"), "x"));
        assert!(matches("a[", "a["));
        assert!(Pattern::new("ABC", true).ignoring_case(true).matches("abc"));
    }

    #[test]
    fn stars_do_not_backtrack_exponentially() {
        let text = "a".repeat(60);
        let pattern = "*a".repeat(30) + "b";
        let started = std::time::Instant::now();
        assert!(!matches(&pattern, &text));
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
    }
}
