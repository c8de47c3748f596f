//! Argument conventions shared by every utility: GNU-style options through `lexopt`
//! (combined short flags, `-n5`, `--lines=5`, `--`, options after operands), with `--help`
//! and `--version` answered here so no program has to.

use crate::{Failure, Program};
use std::ffi::OsString;

pub use lexopt::Arg;

pub struct Args {
    parser: lexopt::Parser,
    program: &'static Program,
}

impl Args {
    pub(crate) fn from_env(program: &'static Program) -> Args {
        Args {
            parser: lexopt::Parser::from_env(),
            program,
        }
    }

    /// For tests and for programs that re-parse a slice of their arguments.
    pub fn from_vec(program: &'static Program, args: Vec<String>) -> Args {
        Args {
            parser: lexopt::Parser::from_args(args),
            program,
        }
    }

    /// The next option or operand; `--help` and `--version` never reach the caller.
    /// (It returns a Result, so it cannot be `Iterator::next`; the name follows lexopt.)
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> Result<Option<Arg<'_>>, Failure> {
        let program = self.program;
        let next = match self.parser.next() {
            Ok(Some(Arg::Long(name))) => {
                long_option(program, name).map(|name| Some(Arg::Long(name)))
            }
            other => other.map_err(usage_error),
        };
        match next {
            Ok(Some(Arg::Long("help"))) => program.show_help(),
            Ok(Some(Arg::Long("version"))) => program.show_version(),
            other => other,
        }
    }

    /// `--help` (and `-h` where a program takes it so): the help text, then exit.
    pub fn show_help(&self) -> ! {
        self.program.show_help()
    }

    /// `--version` (and `-V` where a program takes it so), then exit.
    pub fn show_version(&self) -> ! {
        self.program.show_version()
    }

    /// For programs whose arguments are all data (`echo`, `true`): like GNU, they answer
    /// `--help` and `--version` only when it is the one argument.
    pub fn answer_lone_help(&mut self) {
        if std::env::args().len() == 2 {
            let _ = self.next();
        }
    }

    /// The value of the option just returned by `next`.
    pub fn value(&mut self) -> Result<String, Failure> {
        self.parser
            .value()
            .map_err(usage_error)
            .and_then(into_string)
    }

    /// The value attached to the option just returned (`-iSUFFIX`, `--in-place=SUFFIX`),
    /// for options whose value is optional.
    pub fn optional_value(&mut self) -> Option<String> {
        self.parser
            .optional_value()
            .map(|v| v.to_string_lossy().into_owned())
    }

    /// Every argument not yet parsed, untouched (for programs that take a command line).
    pub fn rest(&mut self) -> Vec<String> {
        self.parser
            .raw_args()
            .map(|raw| raw.map(|a| a.to_string_lossy().into_owned()).collect())
            .unwrap_or_default()
    }
}

/// The words after the program's name, for a program that reads its command line its own
/// way (getopt, tput, dd); a word that is not UTF-8 is read with U+FFFD in its place.
pub fn words() -> Vec<String> {
    std::env::args_os()
        .skip(1)
        .map(|word| word.to_string_lossy().into_owned())
        .collect()
}

/// For programs that take no option but a command to run (nohup, time): the command
/// line, empty when none is given; an option before it is refused as GNU's refuse it.
pub fn command_only(args: &mut Args) -> Result<Vec<String>, Failure> {
    match args.next()? {
        None => Ok(Vec::new()),
        Some(Arg::Value(first)) => command_line(first, args),
        Some(other) => Err(unexpected(other)),
    }
}

/// For programs that run a command (env, time, xargs, ...): the command's first word, just
/// parsed, and every argument after it, untouched (its options are its own).
pub fn command_line(first: OsString, args: &mut Args) -> Result<Vec<String>, Failure> {
    let mut command = vec![into_string(first)?];
    command.extend(args.rest());
    Ok(command)
}

/// The two file operands of comm and join, with GNU's messages when there are not two.
pub fn two_operands(mut operands: Vec<String>) -> Result<(String, String), Failure> {
    match operands.len() {
        0 => Err(Failure::Usage("missing operand".into())),
        1 => Err(Failure::Usage(format!(
            "missing operand after '{}'",
            operands[0]
        ))),
        2 => {
            let second = operands.pop().unwrap_or_default();
            let first = operands.pop().unwrap_or_default();
            Ok((first, second))
        }
        _ => Err(Failure::Usage(format!("extra operand '{}'", operands[2]))),
    }
}

/// Converts an operand to UTF-8 text, which is all WASI 0.2 can pass us anyway.
pub fn into_string(value: OsString) -> Result<String, Failure> {
    value
        .into_string()
        .map_err(|v| Failure::Usage(format!("invalid argument '{}'", v.to_string_lossy())))
}

/// The usage error GNU tools print for an argument the program did not expect.
pub fn unexpected(arg: Arg<'_>) -> Failure {
    Failure::Usage(match arg {
        Arg::Short(c) => format!("invalid option -- '{c}'"),
        Arg::Long(name) => format!("unrecognized option '--{name}'"),
        Arg::Value(v) => format!("extra operand '{}'", v.to_string_lossy()),
    })
}

fn usage_error(e: lexopt::Error) -> Failure {
    Failure::Usage(match e {
        lexopt::Error::MissingValue {
            option: Some(option),
        } if option.starts_with("--") => format!("option '{option}' requires an argument"),
        lexopt::Error::MissingValue {
            option: Some(option),
        } => format!(
            "option requires an argument -- '{}'",
            option.trim_start_matches('-')
        ),
        lexopt::Error::UnexpectedValue { option, .. } => {
            format!("option '{option}' doesn't allow an argument")
        }
        other => other.to_string(),
    })
}

/// The program's arguments, with the obsolete `-NUM` that GNU head and tail still accept
/// spelled as `-nNUM`.
pub fn with_obsolete_count() -> Vec<String> {
    let mut argv: Vec<String> = std::env::args().skip(1).collect();
    if let Some(first) = argv.first_mut() {
        let digits = first.strip_prefix('-').unwrap_or_default();
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            *first = format!("-n{digits}");
        }
    }
    argv
}

/// A long option as GNU's getopt_long takes it: its name, or the start of just one of the
/// options the program's `--help` lists (`--strip` for `--strip-components`).
fn long_option<'a>(program: &'static Program, name: &'a str) -> Result<&'a str, Failure> {
    let listed = || {
        program.help.match_indices("--").filter_map(|(at, _)| {
            let rest = &program.help[at + 2..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                .unwrap_or(rest.len());
            Some(&rest[..end]).filter(|option| !option.is_empty())
        })
    };
    if name.is_empty() || listed().any(|option| option == name) {
        return Ok(name);
    }
    let mut starting: Vec<&'static str> =
        listed().filter(|option| option.starts_with(name)).collect();
    starting.sort_unstable();
    starting.dedup();
    // `--colour` is `--color` spelt the British way, not another option.
    if starting.contains(&"color") {
        starting.retain(|option| *option != "colour");
    }
    match starting.as_slice() {
        [] => Ok(name),
        [option] => Ok(option),
        many => {
            let possibilities: Vec<String> = many.iter().map(|o| format!("'--{o}'")).collect();
            Err(Failure::Usage(format!(
                "option '--{name}' is ambiguous; possibilities: {}",
                possibilities.join(" ")
            )))
        }
    }
}

/// An option's argument as GNU's argmatch takes it: one of `choices`, or the start of
/// just one; otherwise GNU's "invalid"/"ambiguous" message with the choices listed.
pub fn argmatch<T: Copy>(text: &str, option: &str, choices: &[(&str, T)]) -> Result<T, Failure> {
    if let Some((_, value)) = choices.iter().find(|(name, _)| *name == text) {
        return Ok(*value);
    }
    let starting: Vec<&(&str, T)> = choices
        .iter()
        .filter(|(name, _)| name.starts_with(text))
        .collect();
    if let [(_, value)] = starting.as_slice() {
        return Ok(*value);
    }
    let problem = if starting.is_empty() {
        "invalid"
    } else {
        "ambiguous"
    };
    let valid: String = choices
        .iter()
        .map(|(name, _)| format!("\n  - '{name}'"))
        .collect();
    Err(Failure::Usage(format!(
        "{problem} argument '{text}' for '{option}'\nValid arguments are:{valid}"
    )))
}

/// Writes the answer to `--help` or `--version` and exits; a reader gone away ends the
/// program quietly, as SIGPIPE ends GNU's (`sed --version | head -c 1`).
impl Program {
    /// The help text on stdout, then exit: for `--help`, and for `-h` in programs that
    /// read their command line themselves.
    pub fn show_help(&self) -> ! {
        // Run by an alias (`dir`), the usage line names it.
        let usage = format!("Usage: {} ", self.name);
        let text = match self.help.strip_prefix(&usage) {
            Some(rest) => format!("Usage: {} {rest}", self.name()),
            None => self.help.to_string(),
        };
        answer(self, text)
    }

    /// The version line on stdout, then exit.
    pub fn show_version(&self) -> ! {
        let text = format!("{} (wasmix) {}\n", self.name(), env!("CARGO_PKG_VERSION"));
        answer(self, text)
    }
}

fn answer(program: &Program, text: String) -> ! {
    use std::io::Write;
    let mut stdout = std::io::stdout();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => crate::exit(program.help_status),
        Err(_) => crate::exit(crate::BROKEN_PIPE_STATUS),
    }
}
