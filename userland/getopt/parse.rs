//! Options read as glibc's `getopt_long` reads them, errors worded as its are: short
//! options in clusters, long ones by any unambiguous prefix, with `=` or the next word
//! for an argument, and the three orders of an option string (`+`: stop at the first
//! word that is no option, `-`: hand such words over in place, else move them after the
//! options).

/// Whether an option takes an argument.
#[derive(Clone, Copy, PartialEq)]
pub enum Takes {
    Nothing,
    Argument,
    /// Only attached: `-cVALUE`, `--name=VALUE`.
    Optional,
}

/// The options to recognize.
pub struct Spec {
    short: Vec<(char, Takes)>,
    pub long: Vec<(String, Takes)>,
    words: Words,
    /// Errors are reported (not under `-q`, nor when the option string starts with `:`).
    pub report: bool,
    /// Long options may start with a single `-` (getopt_long_only).
    pub long_only: bool,
}

/// What is done with a word that is no option.
#[derive(Clone, Copy, PartialEq)]
enum Words {
    /// Set aside, to follow the options (glibc's PERMUTE).
    Permute,
    /// It ends the options (REQUIRE_ORDER).
    End,
    /// Handed over in place (RETURN_IN_ORDER).
    InPlace,
}

impl Spec {
    /// The options of an option string (`ab:c::`), with its leading `+` or `-`; without
    /// either, `POSIXLY_CORRECT` in the environment stops at the first non-option.
    pub fn new(optstring: &str, long: Vec<(String, Takes)>) -> Spec {
        let (words, rest) = match optstring.chars().next() {
            Some('+') => (Words::End, &optstring[1..]),
            Some('-') => (Words::InPlace, &optstring[1..]),
            _ if std::env::var_os("POSIXLY_CORRECT").is_some() => (Words::End, optstring),
            _ => (Words::Permute, optstring),
        };
        let chars: Vec<char> = rest.chars().collect();
        let mut short = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let colons = chars[i + 1..]
                .iter()
                .take(2)
                .take_while(|&&c| c == ':')
                .count();
            let takes = [Takes::Nothing, Takes::Argument, Takes::Optional][colons];
            if chars[i] != ':' {
                short.push((chars[i], takes));
            }
            i += 1 + colons;
        }
        Spec {
            short,
            long,
            words,
            report: !rest.starts_with(':'),
            long_only: false,
        }
    }

    fn short(&self, c: char) -> Option<Takes> {
        self.short.iter().find(|(s, _)| *s == c).map(|(_, t)| *t)
    }
}

/// What reading found next.
pub enum Found {
    /// A short option, and its argument if it takes one.
    Short(char, Takes, Option<String>),
    /// A long option (its index), and its argument if it takes one.
    Long(usize, Option<String>),
    /// A word that is no option, in place (an option string starting with `-`).
    Word(String),
    /// An option that could not be read (already reported).
    Error,
}

/// Reads options from words one at a time; what is left after them, `rest`.
pub struct Reader<'a> {
    spec: &'a Spec,
    name: &'a str,
    words: Vec<String>,
    next: usize,
    /// Short options still to read in the current cluster.
    cluster: Vec<char>,
    rest: Vec<String>,
    done: bool,
}

impl<'a> Reader<'a> {
    /// `name` heads the error messages.
    pub fn new(spec: &'a Spec, name: &'a str, words: Vec<String>) -> Reader<'a> {
        Reader {
            spec,
            name,
            words,
            next: 0,
            cluster: Vec::new(),
            rest: Vec::new(),
            done: false,
        }
    }

    /// The words after the options, once all are read.
    pub fn rest(self) -> Vec<String> {
        self.rest
    }

    fn report(&self, message: std::fmt::Arguments) {
        if self.spec.report {
            wasmix_common::note!("{}: {message}", self.name);
        }
    }

    pub fn next_option(&mut self) -> Option<Found> {
        if !self.cluster.is_empty() {
            return Some(self.short_option());
        }
        while !self.done {
            let Some(word) = self.words.get(self.next).cloned() else {
                self.done = true;
                break;
            };
            self.next += 1;
            if word == "--" {
                self.rest.extend(self.words.drain(self.next..));
                self.done = true;
                break;
            }
            if !word.starts_with('-') || word == "-" {
                match self.spec.words {
                    Words::Permute => self.rest.push(word),
                    Words::End => {
                        self.rest.extend(self.words.drain(self.next - 1..));
                        self.done = true;
                    }
                    Words::InPlace => return Some(Found::Word(word)),
                }
                continue;
            }
            if let Some(text) = word.strip_prefix("--") {
                return Some(self.long_option(text, "--", false));
            }
            let text = &word[1..];
            let first = text.chars().next().unwrap_or_default();
            if self.spec.long_only && (text.chars().count() > 1 || self.spec.short(first).is_none())
            {
                let fallback = self.spec.short(first).is_some();
                let found = self.long_option(text, "-", fallback);
                if !matches!(found, Found::Word(_)) {
                    return Some(found);
                }
            }
            self.cluster = text.chars().rev().collect();
            return Some(self.short_option());
        }
        None
    }

    /// The next option of a cluster (`-abVALUE`).
    fn short_option(&mut self) -> Found {
        let Some(c) = self.cluster.pop() else {
            return Found::Error;
        };
        let Some(takes) = self.spec.short(c) else {
            self.report(format_args!("invalid option -- '{c}'"));
            return Found::Error;
        };
        if takes == Takes::Nothing {
            return Found::Short(c, takes, None);
        }
        let attached: String = self.cluster.drain(..).rev().collect();
        if !attached.is_empty() || takes == Takes::Optional {
            return Found::Short(c, takes, Some(attached).filter(|a| !a.is_empty()));
        }
        match self.words.get(self.next).cloned() {
            Some(value) => {
                self.next += 1;
                Found::Short(c, takes, Some(value))
            }
            None => {
                self.report(format_args!("option requires an argument -- '{c}'"));
                Found::Error
            }
        }
    }

    /// A long option written `{prefix}{text}`; with `fallback`, one that names no long
    /// option is read as short ones (returned as `Found::Word`).
    fn long_option(&mut self, text: &str, prefix: &str, fallback: bool) -> Found {
        let (name, value) = match text.split_once('=') {
            Some((name, value)) => (name, Some(value.to_string())),
            None => (text, None),
        };
        let long = &self.spec.long;
        let index = match long.iter().position(|(n, _)| n == name) {
            Some(index) => index,
            None => {
                let matches: Vec<usize> = (0..long.len())
                    .filter(|&i| long[i].0.starts_with(name))
                    .collect();
                match matches[..] {
                    [index] => index,
                    [] if fallback => return Found::Word(String::new()),
                    [] => {
                        self.report(format_args!("unrecognized option '{prefix}{text}'"));
                        return Found::Error;
                    }
                    _ => {
                        let possibilities: String = matches
                            .iter()
                            .map(|&i| format!(" '{prefix}{}'", long[i].0))
                            .collect();
                        self.report(format_args!(
                            "option '{prefix}{text}' is ambiguous; possibilities:{possibilities}"
                        ));
                        return Found::Error;
                    }
                }
            }
        };
        let (full, takes) = &long[index];
        match (takes, value) {
            (Takes::Nothing, Some(_)) => {
                self.report(format_args!(
                    "option '{prefix}{full}' doesn't allow an argument"
                ));
                Found::Error
            }
            (Takes::Argument, None) => match self.words.get(self.next).cloned() {
                Some(value) => {
                    self.next += 1;
                    Found::Long(index, Some(value))
                }
                None => {
                    self.report(format_args!("option '{prefix}{full}' requires an argument"));
                    Found::Error
                }
            },
            (_, value) => Found::Long(index, value),
        }
    }
}
