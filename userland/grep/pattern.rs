//! The patterns, compiled into one regex. `-w` is part of the regex too: the match must
//! have a non-word character or the line's edge on each side, which GNU checks match by
//! match and the regex crate's `\b` does not (it has no notion of an empty word match).

use regex::bytes::{Captures, Regex, RegexBuilder};
use std::ops::Range;
use wasmix_common::Failure;
use wasmix_common::basic_regex::basic_to_extended;

#[derive(Clone, Copy, PartialEq)]
pub enum Syntax {
    Basic,
    Extended,
    Fixed,
}

pub struct Shape {
    pub syntax: Syntax,
    pub ignore_case: bool,
    pub words: bool,
    pub whole_lines: bool,
}

pub struct Matcher {
    /// Finds the lines that match (its match may take in a character on each side).
    pub regex: Regex,
    /// One plain string, found by a byte search without the regex's cost per call (most
    /// of `grep -c WORD`'s time when most lines match).
    literal: Option<memchr::memmem::Finder<'static>>,
    /// With -w, the part that is the match proper is the group `m`.
    words: bool,
}

/// A character that is no part of a word, nor a line's end.
const NOT_WORD: &str = r"(?-u:[^0-9A-Za-z_\n])";

impl Matcher {
    /// One regex for all `patterns` (each may hold several, one per line). No pattern at
    /// all (`-f /dev/null`) matches nothing.
    pub fn new(patterns: &[String], shape: &Shape) -> Result<Matcher, Failure> {
        let alternatives: Vec<String> = patterns
            .iter()
            .flat_map(|p| p.split('\n'))
            .map(|p| match shape.syntax {
                Syntax::Fixed => regex::escape(p),
                Syntax::Basic => basic_to_extended(p),
                Syntax::Extended => p.to_string(),
            })
            .map(|p| format!("(?:{p})"))
            .collect();
        let any = if alternatives.is_empty() {
            r"[^\s\S]".to_string()
        } else {
            alternatives.join("|")
        };
        let pattern = if shape.whole_lines {
            format!("^(?:{any})$")
        } else if shape.words {
            format!("(?:^|{NOT_WORD})(?P<m>{any})(?:{NOT_WORD}|$)")
        } else {
            any
        };
        let plain = match alternatives.as_slice() {
            [one] if !shape.ignore_case && !shape.words && !shape.whole_lines => {
                let inner = &one[3..one.len() - 1];
                let text = unescaped(inner);
                (!text.is_empty() && regex::escape(&text) == inner).then_some(text)
            }
            _ => None,
        };
        let literal = plain.map(|text| memchr::memmem::Finder::new(text.as_bytes()).into_owned());
        let regex = RegexBuilder::new(&pattern)
            .case_insensitive(shape.ignore_case)
            .multi_line(true)
            .build()
            .map_err(|e| Failure::Fatal(wasmix_common::basic_regex::gnu_error(&e)))?;
        Ok(Matcher {
            regex,
            literal,
            words: shape.words && !shape.whole_lines,
        })
    }

    /// The first match in `text` at or after `at`.
    pub fn find_at(&self, text: &[u8], at: usize) -> Option<Range<usize>> {
        match &self.literal {
            Some(finder) => finder
                .find(&text[at..])
                .map(|start| at + start..at + start + finder.needle().len()),
            None => self.regex.find_at(text, at).map(|m| m.range()),
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
                    .and_then(|c: Captures| c.name("m"))
                    .map(|m| m.range())
            } else {
                self.regex.find_at(line, at).map(|m| m.range())
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
