//! grep's command line: what to search for, how, and what to write.

use crate::pattern::{Shape, Syntax};
use std::io::IsTerminal;
use wasmix_common::{Arg, Args, Failure, args, describe_io_error, input};

#[derive(Clone, Copy, PartialEq, Default)]
pub enum BinaryFiles {
    /// Report that a binary file matches instead of writing its lines.
    #[default]
    Report,
    Text,
    WithoutMatch,
}

#[derive(Default)]
pub struct Options {
    pub invert: bool,
    pub count: bool,
    pub files_with_matches: bool,
    pub files_without_match: bool,
    pub numbers: bool,
    pub byte_offset: bool,
    pub only_matching: bool,
    pub quiet: bool,
    pub no_messages: bool,
    pub names: Option<bool>,
    pub null_after_name: bool,
    pub label: Option<String>,
    pub max_count: Option<u64>,
    pub before: usize,
    pub after: usize,
    pub color: bool,
    pub binary: BinaryFiles,
    pub recursive: bool,
    /// `-R`: follow every symbolic link met while recursing; `-r` follows only those
    /// named on the command line, as GNU grep.
    pub dereference: bool,
    pub terminator: u8,
    pub include: Vec<glob::Pattern>,
    pub exclude: Vec<glob::Pattern>,
    pub exclude_dir: Vec<glob::Pattern>,
    /// `-T`: a tab between a line's prefix and its text, and numbers of one width.
    pub initial_tab: bool,
    /// What parts groups of context lines (`--` when not given).
    pub group_separator: Option<String>,
    pub no_group_separator: bool,
    /// `-d skip`: directories named are passed over.
    pub skip_directories: bool,
    /// `-D skip`: devices, FIFOs and sockets are passed over.
    pub skip_devices: bool,
    /// `-D read` given: devices met while recursing are read too (by default GNU's grep
    /// passes over them there).
    pub read_devices: bool,
    /// `--line-buffered`: each line goes out as it is found.
    pub line_buffered: bool,
}

/// Everything the command line says.
pub struct CommandLine {
    pub options: Options,
    pub shape: Shape,
    pub patterns: Vec<String>,
    pub operands: Vec<String>,
}

fn count(args: &mut Args, what: &str) -> Result<u64, Failure> {
    let value = args.value()?;
    value
        .parse()
        .map_err(|_| Failure::Fatal(format!("invalid {what} argument")))
}

/// GNU's refusal of an ACTION `-d` does not know: argmatch's list, the usage line, and
/// status 1.
fn invalid_directories_action(text: &str) -> Failure {
    wasmix_common::note!(
        "grep: invalid argument '{text}' for '--directories'\n\
         Valid arguments are:\n  - 'read'\n  - 'recurse'\n  - 'skip'\n\
         Usage: grep [OPTION]... PATTERNS [FILE]...\n\
         Try 'grep --help' for more information."
    );
    Failure::Status(1)
}

fn glob_pattern(args: &mut Args) -> Result<glob::Pattern, Failure> {
    let text = args.value()?;
    glob::Pattern::new(&text).map_err(|e| Failure::Fatal(format!("{text}: {e}")))
}

/// The patterns of `-f FILE`, one per line.
fn pattern_file(name: &str) -> Result<Vec<String>, Failure> {
    let mut text = Vec::new();
    input::open(name)
        .and_then(|mut reader| reader.read_to_end(&mut text))
        .map_err(|e| Failure::Fatal(format!("{name}: {}", describe_io_error(&e))))?;
    let text = String::from_utf8_lossy(&text);
    Ok(text.lines().map(str::to_string).collect())
}

pub fn parse(mut args: Args) -> Result<CommandLine, Failure> {
    let mut shape = Shape {
        syntax: Syntax::Basic,
        ignore_case: false,
        words: false,
        whole_lines: false,
    };
    let mut o = Options {
        terminator: b'\n',
        ..Options::default()
    };
    let mut patterns: Option<Vec<String>> = None;
    let mut operands = Vec::new();
    let mut context: Option<usize> = None;
    let (mut before, mut after) = (None, None);
    while let Some(arg) = args.next()? {
        match arg {
            Arg::Short('E') | Arg::Long("extended-regexp") => shape.syntax = Syntax::Extended,
            Arg::Short('F') | Arg::Long("fixed-strings") => shape.syntax = Syntax::Fixed,
            Arg::Short('G') | Arg::Long("basic-regexp") => shape.syntax = Syntax::Basic,
            Arg::Short('P') | Arg::Long("perl-regexp") => shape.syntax = Syntax::Perl,
            Arg::Short('e') | Arg::Long("regexp") => {
                patterns.get_or_insert_default().push(args.value()?)
            }
            Arg::Short('f') | Arg::Long("file") => {
                let name = args.value()?;
                patterns
                    .get_or_insert_default()
                    .extend(pattern_file(&name)?);
            }
            Arg::Short('i' | 'y') | Arg::Long("ignore-case") => shape.ignore_case = true,
            Arg::Long("no-ignore-case") => shape.ignore_case = false,
            Arg::Short('w') | Arg::Long("word-regexp") => shape.words = true,
            Arg::Short('x') | Arg::Long("line-regexp") => shape.whole_lines = true,
            Arg::Short('z') | Arg::Long("null-data") => o.terminator = 0,
            Arg::Short('s') | Arg::Long("no-messages") => o.no_messages = true,
            Arg::Short('v') | Arg::Long("invert-match") => o.invert = true,
            Arg::Short('m') | Arg::Long("max-count") => {
                o.max_count = Some(count(&mut args, "max count")?)
            }
            Arg::Short('b') | Arg::Long("byte-offset") => o.byte_offset = true,
            Arg::Short('n') | Arg::Long("line-number") => o.numbers = true,
            Arg::Long("line-buffered") => o.line_buffered = true,
            Arg::Short('H') | Arg::Long("with-filename") => o.names = Some(true),
            Arg::Short('h') | Arg::Long("no-filename") => o.names = Some(false),
            Arg::Long("label") => o.label = Some(args.value()?),
            Arg::Short('o') | Arg::Long("only-matching") => o.only_matching = true,
            Arg::Short('q') | Arg::Long("quiet" | "silent") => o.quiet = true,
            Arg::Long("binary-files") => {
                o.binary = match args.value()?.as_str() {
                    "binary" => BinaryFiles::Report,
                    "text" => BinaryFiles::Text,
                    "without-match" => BinaryFiles::WithoutMatch,
                    _ => return Err(Failure::Fatal("unknown binary-files type".into())),
                }
            }
            Arg::Short('a') | Arg::Long("text") => o.binary = BinaryFiles::Text,
            Arg::Short('I') => o.binary = BinaryFiles::WithoutMatch,
            Arg::Short('U') | Arg::Long("binary") => {}
            Arg::Short('r') | Arg::Long("recursive") => o.recursive = true,
            Arg::Short('R') | Arg::Long("dereference-recursive") => {
                o.recursive = true;
                o.dereference = true;
            }
            Arg::Long("include") => o.include.push(glob_pattern(&mut args)?),
            Arg::Long("exclude") => o.exclude.push(glob_pattern(&mut args)?),
            Arg::Long("exclude-dir") => o.exclude_dir.push(glob_pattern(&mut args)?),
            Arg::Long("exclude-from") => {
                let name = args.value()?;
                let text = std::fs::read(&name)
                    .map_err(|e| Failure::Fatal(wasmix_common::file_error(&name, &e)))?;
                for line in String::from_utf8_lossy(&text).lines() {
                    let pattern = glob::Pattern::new(line)
                        .map_err(|e| Failure::Fatal(format!("{line}: {e}")))?;
                    o.exclude.push(pattern);
                }
            }
            Arg::Short('T') | Arg::Long("initial-tab") => o.initial_tab = true,
            Arg::Long("group-separator") => {
                o.group_separator = Some(args.value()?);
                o.no_group_separator = false;
            }
            Arg::Long("no-group-separator") => o.no_group_separator = true,
            Arg::Short('d') | Arg::Long("directories") => match args.value()?.as_str() {
                "read" => o.skip_directories = false,
                "skip" => o.skip_directories = true,
                "recurse" => o.recursive = true,
                other => return Err(invalid_directories_action(other)),
            },
            Arg::Short('D') | Arg::Long("devices") => match args.value()?.as_str() {
                "read" => (o.skip_devices, o.read_devices) = (false, true),
                "skip" => (o.skip_devices, o.read_devices) = (true, false),
                _ => return Err(Failure::Fatal("unknown devices method".into())),
            },
            Arg::Short('L') | Arg::Long("files-without-match") => {
                (o.files_without_match, o.files_with_matches) = (true, false)
            }
            Arg::Short('l') | Arg::Long("files-with-matches") => {
                (o.files_with_matches, o.files_without_match) = (true, false)
            }
            Arg::Short('c') | Arg::Long("count") => o.count = true,
            Arg::Short('Z') | Arg::Long("null") => o.null_after_name = true,
            Arg::Short('A') | Arg::Long("after-context") => {
                after = Some(count(&mut args, "context length")? as usize)
            }
            Arg::Short('B') | Arg::Long("before-context") => {
                before = Some(count(&mut args, "context length")? as usize)
            }
            Arg::Short('C') | Arg::Long("context") => {
                context = Some(count(&mut args, "context length")? as usize)
            }
            Arg::Short(digit) if digit.is_ascii_digit() => {
                let value = digit.to_digit(10).unwrap_or(0) as usize;
                context = Some(context.unwrap_or(0) * 10 + value);
            }
            Arg::Long("color" | "colour") => {
                o.color = match args.optional_value().as_deref() {
                    None | Some("always" | "yes" | "force") => true,
                    Some("never" | "no" | "none") => false,
                    Some("auto" | "tty" | "if-tty") => {
                        std::io::stdout().is_terminal()
                            && std::env::var("TERM").is_ok_and(|t| t != "dumb")
                    }
                    Some(other) => {
                        return Err(Failure::Fatal(format!(
                            "invalid argument '{other}' for '--color'"
                        )));
                    }
                }
            }
            Arg::Value(v) => operands.push(args::into_string(v)?),
            other => return Err(args::unexpected(other)),
        }
    }
    o.before = before.or(context).unwrap_or(0);
    o.after = after.or(context).unwrap_or(0);
    let patterns = match patterns {
        Some(patterns) => patterns,
        None if operands.is_empty() => {
            wasmix_common::note!(
                "Usage: grep [OPTION]... PATTERNS [FILE]...\n\
                 Try 'grep --help' for more information."
            );
            return Err(Failure::Status(2));
        }
        None => vec![operands.remove(0)],
    };
    Ok(CommandLine {
        options: o,
        shape,
        patterns,
        operands,
    })
}
