//! What `${VAR#pat}`, `${VAR%pat}`, `${VAR/pat/rep}` and `${VAR^pat}` do to a value, once
//! the value, the pattern and the replacement are expanded (`params.rs`).

use super::pattern::Pattern;
use brush_parser::word::SubstringMatchKind;

/// `${VAR^^pat}` and its kin: the characters `pattern` matches (every one when None),
/// or only the first character unless `all`, in upper or lower case.
pub(super) fn change_case(text: &str, pattern: Option<&Pattern>, upper: bool, all: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for (index, c) in text.chars().enumerate() {
        let wanted =
            (all || index == 0) && pattern.is_none_or(|p| p.matches(c.encode_utf8(&mut [0; 4])));
        match (wanted, upper) {
            (true, true) => out.push(upper_char(c)),
            (true, false) => out.push(lower_char(c)),
            (false, _) => out.push(c),
        }
    }
    out
}

/// A character in upper case as C's `towupper` gives it: one character for one, so one
/// whose capital is two letters (`ß`, `ŉ`) stays as it is, as in bash.
fn upper_char(c: char) -> char {
    let mut changed = c.to_uppercase();
    match (changed.next(), changed.next()) {
        (Some(one), None) => one,
        _ => c,
    }
}

/// A character in lower case as `towlower` gives it: `İ` is `i` (Unicode's one lower
/// case with more than one character is `i` and a combining dot).
fn lower_char(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// `text` in upper case, a character at a time (see `upper_char`).
pub(super) fn upper(text: &str) -> String {
    text.chars().map(upper_char).collect()
}

/// `text` in lower case, a character at a time: a final sigma too is `σ`, as in bash.
pub(super) fn lower(text: &str) -> String {
    text.chars().map(lower_char).collect()
}

/// `text` with its first character changed by `change` (`${VAR^}`, `${VAR,}`).
pub(super) fn with_first_char(text: &str, change: fn(&str) -> String) -> String {
    let split = text.chars().next().map_or(0, char::len_utf8);
    change(&text[..split]) + &text[split..]
}

/// The char boundaries of `text`, from 0 to its length.
fn boundaries(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(at, _)| at)
        .chain(std::iter::once(text.len()))
        .collect()
}

pub(super) fn remove_prefix(text: &str, pattern: &Pattern, longest: bool) -> String {
    let chars: Vec<char> = text.chars().collect();
    let ends = pattern.prefix_matches(&chars);
    let end = if longest { ends.last() } else { ends.first() };
    match end {
        Some(&end) => chars[end..].iter().collect(),
        None => text.to_string(),
    }
}

pub(super) fn remove_suffix(text: &str, pattern: &Pattern, longest: bool) -> String {
    let chars: Vec<char> = text.chars().collect();
    let lengths = pattern.suffix_matches(&chars);
    let length = if longest {
        lengths.last()
    } else {
        lengths.first()
    };
    match length {
        Some(&length) => chars[..chars.len() - length].iter().collect(),
        None => text.to_string(),
    }
}

/// `${VAR/pat/rep}` and its kinds: the first match (longest at its position), every
/// match, a match at the start, or at the end.
/// The replacement of `${var/pattern/replacement}`: text, and (`shopt -s
/// patsub_replacement`, on by default) each unquoted `&` the text that matched.
enum ReplacementPiece {
    Text(String),
    Matched,
}

pub(super) struct Replacement(Vec<ReplacementPiece>);

impl Replacement {
    /// From the expanded replacement in pattern form (quoted characters escaped).
    pub(super) fn parse(escaped: &str, ampersand: bool) -> Replacement {
        let mut pieces = Vec::new();
        let mut text = String::new();
        let mut chars = escaped.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => text.extend(chars.next()),
                '&' if ampersand => {
                    pieces.push(ReplacementPiece::Text(std::mem::take(&mut text)));
                    pieces.push(ReplacementPiece::Matched);
                }
                c => text.push(c),
            }
        }
        pieces.push(ReplacementPiece::Text(text));
        Replacement(pieces)
    }

    /// The replacement for `matched`.
    fn for_match(&self, matched: &str) -> String {
        self.0
            .iter()
            .map(|piece| match piece {
                ReplacementPiece::Text(text) => text.as_str(),
                ReplacementPiece::Matched => matched,
            })
            .collect()
    }
}

pub(super) fn replace(
    text: &str,
    pattern: &Pattern,
    replacement: &Replacement,
    kind: &SubstringMatchKind,
) -> String {
    let cuts = boundaries(text);
    let chars: Vec<char> = text.chars().collect();
    // The byte offset where the longest match from the byte offset `start` ends.
    let longest_from = |start: usize| {
        let first = cuts.partition_point(|&cut| cut < start);
        let ends = pattern.prefix_matches(&chars[first..]);
        ends.last().map(|&length| cuts[first + length])
    };
    match kind {
        SubstringMatchKind::Prefix => match longest_from(0) {
            Some(end) => format!("{}{}", replacement.for_match(&text[..end]), &text[end..]),
            None => text.to_string(),
        },
        SubstringMatchKind::Suffix => match pattern.suffix_matches(&chars).last() {
            Some(&length) => {
                let start = cuts[chars.len() - length];
                format!(
                    "{}{}",
                    &text[..start],
                    replacement.for_match(&text[start..])
                )
            }
            None => text.to_string(),
        },
        // An empty value is replaced when the pattern matches nothing (`${v/*/x}`).
        SubstringMatchKind::FirstOccurrence | SubstringMatchKind::Anywhere if text.is_empty() => {
            match longest_from(0) {
                Some(_) => replacement.for_match(""),
                None => String::new(),
            }
        }
        SubstringMatchKind::FirstOccurrence | SubstringMatchKind::Anywhere => {
            let all = matches!(kind, SubstringMatchKind::Anywhere);
            let mut out = String::new();
            let mut at = 0;
            let mut replaced = false;
            while at < text.len() {
                match longest_from(at).filter(|&end| end > at && (all || !replaced)) {
                    Some(end) => {
                        out.push_str(&replacement.for_match(&text[at..end]));
                        at = end;
                        replaced = true;
                    }
                    None => {
                        let c = text[at..].chars().next().unwrap_or_default();
                        out.push(c);
                        at += c.len_utf8();
                    }
                }
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_and_suffixes_come_off_shortest_or_longest() {
        assert_eq!(
            remove_prefix("a/b/c", &Pattern::new("*/", true), false),
            "b/c"
        );
        assert_eq!(remove_prefix("a/b/c", &Pattern::new("*/", true), true), "c");
        assert_eq!(
            remove_suffix("f.tar.gz", &Pattern::new(".*", true), false),
            "f.tar"
        );
        assert_eq!(
            remove_suffix("f.tar.gz", &Pattern::new(".*", true), true),
            "f"
        );
        assert_eq!(remove_suffix("abc", &Pattern::new("x", true), true), "abc");
    }

    #[test]
    fn replacement_kinds() {
        use SubstringMatchKind::*;
        assert_eq!(
            replace(
                "aXbXc",
                &Pattern::new("X", true),
                &Replacement::parse("-", true),
                &FirstOccurrence
            ),
            "a-bXc"
        );
        assert_eq!(
            replace(
                "aXbXc",
                &Pattern::new("X", true),
                &Replacement::parse("-", true),
                &Anywhere
            ),
            "a-b-c"
        );
        assert_eq!(
            replace(
                "abab",
                &Pattern::new("ab", true),
                &Replacement::parse("x", true),
                &Prefix
            ),
            "xab"
        );
        assert_eq!(
            replace(
                "abab",
                &Pattern::new("ab", true),
                &Replacement::parse("x", true),
                &Suffix
            ),
            "abx"
        );
        assert_eq!(
            replace(
                "hello",
                &Pattern::new("l*", true),
                &Replacement::parse("L", true),
                &Anywhere
            ),
            "heL"
        );
        assert_eq!(
            replace(
                "hello",
                &Pattern::new("l", true),
                &Replacement::parse("L", true),
                &Anywhere
            ),
            "heLLo"
        );
    }
}
