//! The patterns, compiled into one regex. `-w` is part of the regex too: the match must
//! have a non-word character or the line's edge on each side, which GNU checks match by
//! match and the regex crate's `\b` does not (it has no notion of an empty word match).
//! Each pattern is read as GNU grep reads it (`wasmix_common::posix_regex`).

use std::ops::Range;
use wasmix_common::Failure;
use wasmix_common::posix_regex::{Dialect, Flags, PosixRegex, Translation, translate_after_groups};

#[derive(Clone, Copy, PartialEq)]
pub enum Syntax {
    Basic,
    Extended,
    Fixed,
    Perl,
}

pub struct Shape {
    pub syntax: Syntax,
    pub ignore_case: bool,
    pub words: bool,
    pub whole_lines: bool,
}

pub struct Matcher {
    /// Finds the lines that match (its match may take in a character on each side).
    pub regex: PosixRegex,
    /// One plain string, found by a byte search without the regex's cost per call (most
    /// of `grep -c WORD`'s time when most lines match).
    literal: Option<memchr::memmem::Finder<'static>>,
    /// With -w, the part that is the match proper is the first group.
    words: bool,
}

/// A character that is no part of a word, nor a line's end; any byte that is not one for
/// the automaton, a character for the backtracking engine (which reads no `(?-u:)`).
const NOT_WORD: &str = r"(?-u:[^0-9A-Za-z_\n])";
const NOT_WORD_CHARACTER: &str = r"[^0-9A-Za-z_\n]";

impl Matcher {
    /// One regex for all `patterns` (each may hold several, one per line). No pattern at
    /// all (`-f /dev/null`) matches nothing.
    pub fn new(patterns: &[String], shape: &Shape) -> Result<Matcher, Failure> {
        let words = shape.words && !shape.whole_lines;
        let mut all = Translation {
            pattern: String::new(),
            backtracking: false,
            alternation: false,
            groups: usize::from(words),
            warnings: Vec::new(),
        };
        let mut alternatives = Vec::new();
        let each: Vec<&str> = patterns.iter().flat_map(|p| p.split('\n')).collect();
        if shape.syntax == Syntax::Perl && each.len() > 1 {
            let message = "the -P option only supports a single pattern";
            return Err(Failure::Fatal(message.into()));
        }
        for pattern in each {
            let text = match shape.syntax {
                Syntax::Fixed => regex::escape(pattern),
                Syntax::Perl => {
                    // Checked here, since the group around each pattern would hide it.
                    let backslashes = pattern.bytes().rev().take_while(|&b| b == b'\\').count();
                    if backslashes % 2 == 1 {
                        return Err(Failure::Fatal("\\ at end of pattern".into()));
                    }
                    all.backtracking = true;
                    pattern.to_string()
                }
                Syntax::Basic | Syntax::Extended => {
                    let syntax = wasmix_common::posix_regex::Syntax {
                        extended: shape.syntax == Syntax::Extended,
                        dialect: Dialect::Grep,
                        control_escapes: false,
                        bracket_escapes: false,
                    };
                    let one = translate_after_groups(pattern, syntax, all.groups)
                        .map_err(Failure::Fatal)?;
                    all.groups += one.groups;
                    all.backtracking |= one.backtracking;
                    all.alternation |= one.alternation;
                    all.warnings.extend(one.warnings);
                    one.pattern
                }
            };
            alternatives.push(format!("(?:{text})"));
        }
        all.alternation |= alternatives.len() > 1;
        let any = if alternatives.is_empty() {
            r"[^\s\S]".to_string()
        } else {
            alternatives.join("|")
        };
        let plain = match alternatives.as_slice() {
            [one] if !shape.ignore_case && !shape.words && !shape.whole_lines => {
                let inner = &one[3..one.len() - 1];
                let text = unescaped(inner);
                (!text.is_empty() && regex::escape(&text) == inner).then_some(text)
            }
            _ => None,
        };
        all.pattern = if shape.whole_lines {
            format!("^(?:{any})$")
        } else if words {
            let not_word = if all.backtracking {
                NOT_WORD_CHARACTER
            } else {
                NOT_WORD
            };
            format!("(?:^|{not_word})({any})(?:{not_word}|$)")
        } else {
            any
        };
        let literal = plain.map(|text| memchr::memmem::Finder::new(text.as_bytes()).into_owned());
        let flags = Flags {
            case_insensitive: shape.ignore_case,
            multi_line: true,
            dot_matches_new_line: false,
        };
        let perl = shape.syntax == Syntax::Perl;
        let regex = PosixRegex::from_translation(all, flags)
            .map_err(|message| Failure::Fatal(if perl { pcre_words(&message) } else { message }))?;
        Ok(Matcher {
            regex,
            literal,
            words,
        })
    }

    /// A match in `text` at or after `at`, to find the lines that match.
    pub fn find_at(&self, text: &[u8], at: usize) -> Option<Range<usize>> {
        match &self.literal {
            Some(finder) => finder
                .find(&text[at..])
                .map(|start| at + start..at + start + finder.needle().len()),
            None => self.regex.first_at(text, at),
        }
    }

    /// The non-empty matches in a line, as -o and colour show them.
    pub fn spans(&self, line: &[u8]) -> Vec<Range<usize>> {
        let mut spans = Vec::new();
        let mut at = 0;
        while at <= line.len() {
            let span = if self.words {
                self.regex
                    .captures_at(line, at)
                    .and_then(|groups| groups.get(1).cloned().flatten())
            } else {
                self.regex.find_at(line, at)
            };
            let Some(span) = span else { break };
            if span.is_empty() {
                at = span.end + 1;
                continue;
            }
            at = span.end;
            spans.push(span);
        }
        spans
    }
}

/// What PCRE2, GNU grep's engine for -P, says of a pattern fancy-regex refuses.
fn pcre_words(message: &str) -> String {
    const WORDS: [(&str, &str); 7] = [
        ("without closing parenthesis", "missing closing parenthesis"),
        ("end of string not reached", "unmatched closing parenthesis"),
        (
            "Invalid character class",
            "missing terminating ] for character class",
        ),
        (
            "Target of repeat",
            "quantifier does not follow a repeatable item",
        ),
        (
            "repetition operator missing",
            "quantifier does not follow a repeatable item",
        ),
        ("back reference", "reference to non-existent subpattern"),
        (
            "invalid repetition count",
            "numbers out of order in {} quantifier",
        ),
    ];
    WORDS
        .iter()
        .find(|(fancy, _)| message.contains(fancy))
        .map_or_else(|| message.to_string(), |(_, pcre)| pcre.to_string())
}

/// A regex that is only escaped text, as that text (`a\.b` is `a.b`); escapes are
/// checked by the caller, which escapes it again and compares.
fn unescaped(regex: &str) -> String {
    let mut text = String::with_capacity(regex.len());
    let mut chars = regex.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => text.extend(chars.next()),
            c => text.push(c),
        }
    }
    text
}
