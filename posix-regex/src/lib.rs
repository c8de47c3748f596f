//! GNU's regular expressions for the text tools (grep, sed, expr, csplit, nl, diff, vi)
//! and for the shell's `[[ =~ ]]`, which bash hands to glibc.
//!
//! The translation to the regex crate's syntax is in `translate`. Here is the matching,
//! where POSIX and the regex crate differ twice. A back-reference (`\(.\)\1`) is beyond
//! an automaton, so such a pattern runs on fancy-regex, which backtracks. And POSIX takes
//! the longest of the matches that start leftmost (`a|ab` matches `ab`), where the crate
//! takes the first alternative that matches; for a pattern with `|`, a lazy DFA that
//! reports every match finds the longest end from the leftmost start.

mod translate;

pub use translate::{Dialect, Syntax, Translation, translate, translate_after_groups};

use regex_automata::util::captures::Captures;
use regex_automata::{Anchored, Input, MatchKind, hybrid, meta, util::syntax};
use std::cell::{OnceCell, RefCell};
use std::ops::Range;

#[derive(Clone, Copy, Default)]
pub struct Flags {
    pub case_insensitive: bool,
    /// `^` and `$` also match at a newline inside the text.
    pub multi_line: bool,
    pub dot_matches_new_line: bool,
}

/// The spans of a match: the whole first, then each group (None where a group took no part).
pub type Groups = Vec<Option<Range<usize>>>;

#[derive(Clone)]
pub struct PosixRegex {
    engine: Engine,
    /// What grep says of the pattern before it searches (`* at start of expression`).
    pub warnings: Vec<String>,
}

#[derive(Clone)]
enum Engine {
    Automaton {
        regex: meta::Regex,
        longest: Option<Box<Longest>>,
    },
    Backtracking(fancy_regex::Regex),
}

/// The longest match from a given start, for a pattern with alternatives.
#[derive(Clone)]
struct Longest {
    dfa: hybrid::dfa::DFA,
    cache: RefCell<hybrid::dfa::Cache>,
    /// The pattern followed by `\z`, for the groups of a match whose end is known.
    ending: OnceCell<Option<meta::Regex>>,
    text: String,
    flags: Flags,
}

impl PosixRegex {
    /// Compiles `pattern`, or GNU's message for a pattern it refuses.
    pub fn new(pattern: &str, syntax: Syntax, flags: Flags) -> Result<PosixRegex, String> {
        let translation = translate(pattern, syntax)?;
        Self::from_translation(translation, flags)
    }

    /// Compiles a translated pattern (grep joins several, or wraps one for `-w`).
    pub fn from_translation(translation: Translation, flags: Flags) -> Result<PosixRegex, String> {
        let Translation {
            pattern,
            backtracking,
            alternation,
            warnings,
            ..
        } = translation;
        let engine = if backtracking {
            let mut builder = fancy_regex::RegexBuilder::new(&pattern);
            builder
                .case_insensitive(flags.case_insensitive)
                .multi_line(flags.multi_line)
                .dot_matches_new_line(flags.dot_matches_new_line)
                .bytes_mode(fancy_regex::BytesMode::UnicodeBytes)
                .leftmost_longest(alternation);
            Engine::Backtracking(builder.build().map_err(|e| e.to_string())?)
        } else {
            let regex = meta::Regex::builder()
                .syntax(syntax_config(flags))
                .configure(meta::Config::new().utf8_empty(false))
                .build(&pattern)
                .map_err(|e| gnu_error(&e))?;
            let longest = alternation
                .then(|| Longest::new(&pattern, flags))
                .flatten()
                .map(Box::new);
            Engine::Automaton { regex, longest }
        };
        Ok(PosixRegex { engine, warnings })
    }

    pub fn is_match(&self, haystack: &[u8]) -> bool {
        self.first_at(haystack, 0).is_some()
    }

    /// Some match at or after `at` that starts leftmost, the quickest to find: enough to
    /// tell which lines match.
    pub fn first_at(&self, haystack: &[u8], at: usize) -> Option<Range<usize>> {
        match &self.engine {
            Engine::Automaton { regex, .. } => regex
                .search(&Input::new(haystack).range(at..))
                .map(|m| m.range()),
            Engine::Backtracking(regex) => regex
                .find_from_pos(haystack, at)
                .ok()
                .flatten()
                .map(|m| m.range()),
        }
    }

    /// The POSIX match at or after `at`: the leftmost, and of those the longest.
    pub fn find_at(&self, haystack: &[u8], at: usize) -> Option<Range<usize>> {
        let first = self.first_at(haystack, at)?;
        match &self.engine {
            Engine::Automaton {
                longest: Some(longest),
                ..
            } => Some(first.start..longest.end(haystack, first.start).unwrap_or(first.end)),
            _ => Some(first),
        }
    }

    /// The match at or after `at` and its groups.
    pub fn captures_at(&self, haystack: &[u8], at: usize) -> Option<Groups> {
        match &self.engine {
            Engine::Automaton { regex, longest } => {
                let mut captures = regex.create_captures();
                regex.search_captures(&Input::new(haystack).range(at..), &mut captures);
                let mut groups = spans(&captures);
                let first = groups.first().cloned().flatten()?;
                if let Some(longest) = longest
                    && let Some(end) = longest.end(haystack, first.start)
                    && end != first.end
                {
                    groups = longest.groups(haystack, first.start..end);
                }
                Some(groups)
            }
            Engine::Backtracking(regex) => {
                let captures = regex.captures_from_pos(haystack, at).ok().flatten()?;
                Some(
                    (0..captures.len())
                        .map(|i| captures.get(i).map(|m| m.range()))
                        .collect(),
                )
            }
        }
    }

    /// The successive matches in `haystack`, as GNU finds them: after an empty match the
    /// search moves on a character, and an empty match just where the last one ended is
    /// no match (`s/a*/x/g` makes `baaac` into `xbxcx`).
    pub fn find_iter<'a>(&'a self, haystack: &'a [u8]) -> impl Iterator<Item = Range<usize>> + 'a {
        successive(haystack, move |at| {
            let span = self.find_at(haystack, at)?;
            Some((span.clone(), span))
        })
    }

    /// As `find_iter`, with each match's groups.
    pub fn captures_iter<'a>(&'a self, haystack: &'a [u8]) -> impl Iterator<Item = Groups> + 'a {
        successive(haystack, move |at| {
            let groups = self.captures_at(haystack, at)?;
            Some((groups[0].clone()?, groups))
        })
    }

    /// How many groups the pattern has, the whole match not counted.
    pub fn groups(&self) -> usize {
        match &self.engine {
            Engine::Automaton { regex, .. } => regex.group_info().group_len(Default::default()) - 1,
            Engine::Backtracking(regex) => regex.captures_len() - 1,
        }
    }
}

impl Longest {
    fn new(pattern: &str, flags: Flags) -> Option<Longest> {
        let dfa = hybrid::dfa::DFA::builder()
            .syntax(syntax_config(flags))
            .configure(hybrid::dfa::DFA::config().match_kind(MatchKind::All))
            .thompson(regex_automata::nfa::thompson::Config::new().utf8(false))
            .build(pattern)
            .ok()?;
        let cache = RefCell::new(dfa.create_cache());
        Some(Longest {
            dfa,
            cache,
            ending: OnceCell::new(),
            text: pattern.to_string(),
            flags,
        })
    }

    /// Where the longest match starting at `start` ends (None if the DFA gave up, as it
    /// does on a Unicode word boundary next to non-ASCII text).
    fn end(&self, haystack: &[u8], start: usize) -> Option<usize> {
        let input = Input::new(haystack).range(start..).anchored(Anchored::Yes);
        let mut cache = self.cache.borrow_mut();
        self.dfa
            .try_search_fwd(&mut cache, &input)
            .ok()
            .flatten()
            .map(|half| half.offset())
    }

    /// The groups of the match that spans `whole`: the regex made to end where it ends.
    fn groups(&self, haystack: &[u8], whole: Range<usize>) -> Groups {
        let ending = self.ending.get_or_init(|| {
            meta::Regex::builder()
                .syntax(syntax_config(self.flags))
                .configure(meta::Config::new().utf8_empty(false))
                .build(&format!("(?:{})\\z", self.text))
                .ok()
        });
        let mut groups = vec![Some(whole.clone())];
        if let Some(ending) = ending {
            let mut captures = ending.create_captures();
            let input = Input::new(&haystack[..whole.end])
                .range(whole.clone())
                .anchored(Anchored::Yes);
            ending.search_captures(&input, &mut captures);
            if captures.is_match() {
                groups = spans(&captures);
            }
        }
        groups
    }
}

/// Steps through the matches `search` finds from a position; it returns a match's span
/// and what to yield for it.
fn successive<'a, T: 'a>(
    haystack: &'a [u8],
    mut search: impl FnMut(usize) -> Option<(Range<usize>, T)> + 'a,
) -> impl Iterator<Item = T> + 'a {
    let mut at = 0;
    let mut last_end = None;
    std::iter::from_fn(move || {
        loop {
            if at > haystack.len() {
                return None;
            }
            let (span, item) = search(at)?;
            if span.is_empty() {
                at = next_character(haystack, span.start);
                if last_end == Some(span.start) {
                    continue;
                }
            } else {
                at = span.end;
            }
            last_end = Some(span.end);
            return Some(item);
        }
    })
}

/// Where the character at `at` ends (a byte on its own where the text is not UTF-8).
fn next_character(haystack: &[u8], at: usize) -> usize {
    let rest = &haystack[at.min(haystack.len())..];
    let length = match rest.first() {
        Some(0xc0..=0xdf) => 2,
        Some(0xe0..=0xef) => 3,
        Some(0xf0..=0xf7) => 4,
        _ => 1,
    };
    match rest.get(..length).map(std::str::from_utf8) {
        Some(Ok(_)) => at + length,
        _ => at + 1,
    }
}

fn syntax_config(flags: Flags) -> syntax::Config {
    syntax::Config::new()
        .case_insensitive(flags.case_insensitive)
        .multi_line(flags.multi_line)
        .dot_matches_new_line(flags.dot_matches_new_line)
        .utf8(false)
}

fn spans(captures: &Captures) -> Groups {
    (0..captures.group_len())
        .map(|i| captures.get_group(i).map(|span| span.range()))
        .collect()
}

/// GNU's words for what the regex crate refuses after translation (a class range the
/// crate cannot build, a pattern too large).
fn gnu_error(error: &dyn std::fmt::Display) -> String {
    let text = error.to_string();
    if text.contains("exceeds size limit") || text.contains("too big") {
        return "Regular expression too big".to_string();
    }
    let fault = text.rsplit("error: ").next().unwrap_or(&text).trim();
    format!("invalid regular expression: {fault}")
}
