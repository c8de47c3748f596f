//! find's expression: parsed from the words after the starting points into a tree of
//! tests, actions and operators, as GNU find reads it (`!`, `-a`, `-o`, `( )`, and an
//! implicit `-a` between neighbours).

use glob::Pattern;
use std::time::SystemTime;
use wasmix_common::modechange::ModeChange;
use wasmix_common::wasi_fs;
use wasmix_common::{Failure, datetime, describe_io_error};

/// How a number compares: `+N` more than N, `-N` less, `N` exactly.
#[derive(Clone, Copy, Debug)]
pub enum Compare {
    More(u64),
    Less(u64),
    Exactly(u64),
}

impl Compare {
    pub fn holds(self, value: u64) -> bool {
        match self {
            Compare::More(n) => value > n,
            Compare::Less(n) => value < n,
            Compare::Exactly(n) => value == n,
        }
    }
}

pub enum Expr {
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Not(Box<Expr>),
    /// `A , B`: both evaluated, B's value.
    List(Box<Expr>, Box<Expr>),
    True,
    False,
    Name {
        pattern: Pattern,
        ignore_case: bool,
    },
    Path {
        pattern: Pattern,
        ignore_case: bool,
    },
    Type(Vec<char>),
    Empty,
    /// Size in units of `unit` bytes, rounded up.
    Size {
        compare: Compare,
        unit: u64,
    },
    /// Whole days (or minutes) since the last change.
    ModifiedAgo {
        compare: Compare,
        seconds: u64,
    },
    /// `-newerXY`: the entry's time X (see `file_time`) is later than `than`.
    Newer {
        which: u8,
        than: SystemTime,
    },
    /// `-lname`, `-ilname`: a symbolic link whose target matches.
    LinkName {
        pattern: Pattern,
        ignore_case: bool,
    },
    /// `-samefile`: the same inode as the file named.
    SameFile(u64),
    /// `-perm MODE`, `-perm -MODE`, `-perm /MODE`, the bits for a file and a directory
    /// (a symbolic mode can differ between them, as with `X`).
    Permissions {
        file: u32,
        directory: u32,
        how: PermissionMatch,
    },
    Print,
    Print0,
    Printf(String),
    /// `-exec CMD {} ;` (or `+`: many names a run), numbered for its batch; with
    /// `-execdir`, run in the directory of the name, as `./NAME`.
    Exec {
        argv: Vec<String>,
        batch: Option<usize>,
        in_directory: bool,
    },
    Delete,
    Prune,
    Quit,
}

#[derive(Clone, Copy, PartialEq)]
pub enum PermissionMatch {
    Exactly,
    AllOf,
    AnyOf,
}

impl PermissionMatch {
    pub fn holds(self, mode: u32, wanted: u32) -> bool {
        match self {
            PermissionMatch::Exactly => mode & 0o7777 == wanted,
            PermissionMatch::AllOf => mode & wanted == wanted,
            PermissionMatch::AnyOf => wanted == 0 || mode & wanted != 0,
        }
    }
}

/// What the options among the expression's words ask (they hold wherever they appear).
#[derive(Default)]
pub struct Settings {
    pub max_depth: Option<usize>,
    pub min_depth: usize,
    /// Directories after their contents (`-depth`, and `-delete`).
    pub depth_first: bool,
    pub batches: usize,
}

struct Parser<'a> {
    words: &'a [String],
    at: usize,
    settings: Settings,
    has_action: bool,
    /// `-L`: a reference file's link is followed too.
    follow: bool,
}

/// Parses the expression; with no action in it but `-prune` or `-quit`, matches are
/// printed, as GNU find does.
pub fn parse(words: &[String], follow: bool) -> Result<(Expr, Settings), Failure> {
    let mut parser = Parser {
        words,
        at: 0,
        settings: Settings::default(),
        has_action: false,
        follow,
    };
    let expr = if words.is_empty() {
        Expr::True
    } else {
        parser.or()?
    };
    if let Some(word) = parser.words.get(parser.at) {
        return Err(match word.as_str() {
            ")" => fatal("invalid expression; you have too many ')'"),
            other => fatal(&format!("paths must precede expression: `{other}'")),
        });
    }
    let expr = if parser.has_action {
        expr
    } else {
        Expr::And(Box::new(expr), Box::new(Expr::Print))
    };
    Ok((expr, parser.settings))
}

fn fatal(message: &str) -> Failure {
    Failure::Fatal(message.to_string())
}

impl Parser<'_> {
    fn peek(&self) -> Option<&str> {
        self.words.get(self.at).map(String::as_str)
    }

    fn or(&mut self) -> Result<Expr, Failure> {
        let mut left = self.and()?;
        loop {
            match self.peek() {
                Some("-o" | "-or") => {
                    self.at += 1;
                    let right = self.and()?;
                    left = Expr::Or(Box::new(left), Box::new(right));
                }
                Some(",") => {
                    self.at += 1;
                    let right = self.and()?;
                    left = Expr::List(Box::new(left), Box::new(right));
                }
                _ => return Ok(left),
            }
        }
    }

    fn and(&mut self) -> Result<Expr, Failure> {
        let mut left = self.not()?;
        loop {
            match self.peek() {
                Some("-a" | "-and") => {
                    self.at += 1;
                    let right = self.not()?;
                    left = Expr::And(Box::new(left), Box::new(right));
                }
                Some("-o" | "-or" | ")" | ",") | None => return Ok(left),
                Some(_) => {
                    let right = self.not()?;
                    left = Expr::And(Box::new(left), Box::new(right));
                }
            }
        }
    }

    fn not(&mut self) -> Result<Expr, Failure> {
        match self.peek() {
            Some("!" | "-not") => {
                self.at += 1;
                Ok(Expr::Not(Box::new(self.not()?)))
            }
            _ => self.primary(),
        }
    }

    fn value(&mut self, word: &str) -> Result<String, Failure> {
        let value = self
            .words
            .get(self.at)
            .cloned()
            .ok_or_else(|| fatal(&format!("missing argument to `{word}'")))?;
        self.at += 1;
        Ok(value)
    }

    fn primary(&mut self) -> Result<Expr, Failure> {
        let Some(word) = self.words.get(self.at).cloned() else {
            return Err(fatal("invalid expression"));
        };
        self.at += 1;
        Ok(match word.as_str() {
            "(" => {
                let inner = self.or()?;
                if self.peek() != Some(")") {
                    return Err(fatal(
                        "invalid expression; I was expecting to find a ')' somewhere but did not see one.",
                    ));
                }
                self.at += 1;
                inner
            }
            "-name" | "-iname" | "-path" | "-ipath" | "-wholename" | "-iwholename" => {
                let text = self.value(&word)?;
                let pattern = Pattern::new(&text)
                    .map_err(|e| fatal(&format!("invalid pattern `{text}': {e}")))?;
                let ignore_case = word.starts_with("-i");
                if word.ends_with("name") && !word.contains("whole") {
                    Expr::Name {
                        pattern,
                        ignore_case,
                    }
                } else {
                    Expr::Path {
                        pattern,
                        ignore_case,
                    }
                }
            }
            "-type" => {
                let text = self.value(&word)?;
                let kinds: Vec<char> = text.split(',').filter_map(|k| k.chars().next()).collect();
                let valid = text
                    .split(',')
                    .all(|k| k.len() == 1 && "fdlpsbc".contains(k));
                if !valid {
                    return Err(fatal(&format!("Unknown argument to -type: {text}")));
                }
                Expr::Type(kinds)
            }
            "-empty" => Expr::Empty,
            "-perm" => {
                let text = self.value(&word)?;
                let (how, mode) = match text.as_bytes().first() {
                    Some(b'-') => (PermissionMatch::AllOf, &text[1..]),
                    Some(b'/') => (PermissionMatch::AnyOf, &text[1..]),
                    _ => (PermissionMatch::Exactly, text.as_str()),
                };
                let change = ModeChange::parse(mode)
                    .ok_or_else(|| fatal(&format!("invalid mode '{text}'")))?;
                Expr::Permissions {
                    file: change.apply(0, false, 0),
                    directory: change.apply(0, true, 0),
                    how,
                }
            }
            "-true" => Expr::True,
            "-false" => Expr::False,
            "-size" => {
                let text = self.value(&word)?;
                let (number, unit) = match text.char_indices().last() {
                    Some((at, c)) if c.is_ascii_alphabetic() => (&text[..at], c),
                    _ => (text.as_str(), 'b'),
                };
                let unit = match unit {
                    'c' => 1,
                    'w' => 2,
                    'b' => 512,
                    'k' => 1024,
                    'M' => 1024 * 1024,
                    'G' => 1024 * 1024 * 1024,
                    _ => return Err(fatal(&format!("invalid -size type `{unit}'"))),
                };
                let compare = compare(number, &word)?;
                Expr::Size { compare, unit }
            }
            "-mtime" | "-mmin" => {
                let text = self.value(&word)?;
                let seconds = if word == "-mtime" { 86_400 } else { 60 };
                Expr::ModifiedAgo {
                    compare: compare(&text, &word)?,
                    seconds,
                }
            }
            "-lname" | "-ilname" => {
                let text = self.value(&word)?;
                let pattern = Pattern::new(&text)
                    .map_err(|e| fatal(&format!("invalid pattern `{text}': {e}")))?;
                Expr::LinkName {
                    pattern,
                    ignore_case: word == "-ilname",
                }
            }
            "-samefile" => {
                let file = self.value(&word)?;
                let identity = wasi_fs::identity(std::path::Path::new(&file), self.follow)
                    .map_err(|e| fatal(&format!("'{file}': {}", describe_io_error(&e))))?;
                Expr::SameFile(identity.inode)
            }
            _ if newer_letters(&word).is_some() => {
                let (which, reference) = newer_letters(&word).unwrap_or((b'm', b'm'));
                let text = self.value(&word)?;
                let than = if reference == b't' {
                    datetime::parse_from_now(&text)
                        .map(|when| SystemTime::from(when.timestamp()))
                        .ok_or_else(|| {
                            fatal(&format!(
                                "I cannot figure out how to interpret `{text}' as a date or time"
                            ))
                        })?
                } else {
                    let follow = self.follow;
                    crate::file_time(&text, follow, reference).ok_or_else(|| {
                        let error = std::fs::symlink_metadata(&text)
                            .err()
                            .map_or("No such file or directory".into(), |e| {
                                describe_io_error(&e)
                            });
                        fatal(&format!("'{text}': {error}"))
                    })?
                };
                Expr::Newer { which, than }
            }
            "-print" | "-print0" | "-printf" | "-delete" => {
                self.has_action = true;
                match word.as_str() {
                    "-print" => Expr::Print,
                    "-print0" => Expr::Print0,
                    "-printf" => Expr::Printf(self.value(&word)?),
                    _ => {
                        self.settings.depth_first = true;
                        Expr::Delete
                    }
                }
            }
            "-exec" | "-execdir" => {
                self.has_action = true;
                self.exec(&word)?
            }
            "-prune" => Expr::Prune,
            "-quit" => Expr::Quit,
            "-maxdepth" | "-mindepth" => {
                let text = self.value(&word)?;
                let depth = text.parse().map_err(|_| {
                    fatal(&format!(
                        "Expected a positive decimal integer argument to {word}, but got `{text}'"
                    ))
                })?;
                if word == "-maxdepth" {
                    self.settings.max_depth = Some(depth);
                } else {
                    self.settings.min_depth = depth;
                }
                Expr::True
            }
            "-depth" | "-d" => {
                self.settings.depth_first = true;
                Expr::True
            }
            // Options about other filesystems and races: one filesystem tree here.
            "-xdev" | "-mount" | "-noleaf" | "-ignore_readdir_race" => Expr::True,
            other => return Err(fatal(&format!("unknown predicate `{other}'"))),
        })
    }

    /// `-exec COMMAND... ;` or `-exec COMMAND... {} +`, and the same with `-execdir`.
    fn exec(&mut self, word: &str) -> Result<Expr, Failure> {
        let in_directory = word == "-execdir";
        let mut argv = Vec::new();
        loop {
            let Some(next) = self.words.get(self.at) else {
                return Err(fatal(&format!("missing argument to `{word}'")));
            };
            self.at += 1;
            match next.as_str() {
                ";" => break,
                "+" if argv.last().is_some_and(|a: &String| a == "{}") => {
                    argv.pop();
                    let batch = self.settings.batches;
                    self.settings.batches += 1;
                    return Ok(Expr::Exec {
                        argv,
                        batch: Some(batch),
                        in_directory,
                    });
                }
                _ => argv.push(next.clone()),
            }
        }
        if argv.is_empty() {
            return Err(fatal(&format!("missing argument to `{word}'")));
        }
        Ok(Expr::Exec {
            argv,
            batch: None,
            in_directory,
        })
    }
}

/// `+N`, `-N` or `N`.
fn compare(text: &str, word: &str) -> Result<Compare, Failure> {
    let invalid = || fatal(&format!("invalid argument `{text}' to `{word}'"));
    let (make, digits): (fn(u64) -> Compare, &str) = match text.as_bytes().first() {
        Some(b'+') => (Compare::More, &text[1..]),
        Some(b'-') => (Compare::Less, &text[1..]),
        _ => (Compare::Exactly, text),
    };
    digits.parse().map(make).map_err(|_| invalid())
}

/// The times `-newer`, `-anewer`, `-cnewer` and `-newerXY` compare: the entry's, then
/// the reference's (`t`: the reference is a date).
fn newer_letters(word: &str) -> Option<(u8, u8)> {
    match word {
        "-newer" => Some((b'm', b'm')),
        "-anewer" => Some((b'a', b'm')),
        "-cnewer" => Some((b'c', b'm')),
        _ => match word.strip_prefix("-newer")?.as_bytes() {
            &[
                which @ (b'a' | b'B' | b'c' | b'm'),
                reference @ (b'a' | b'B' | b'c' | b'm' | b't'),
            ] => Some((which, reference)),
            _ => None,
        },
    }
}
