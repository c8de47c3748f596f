//! xargs: build command lines from standard input and run them (through `wasmix:process`).

use std::io::Read;
use wasmix_common::process::{Child, Command, ExitStatus, Stdio};
use wasmix_common::{Arg, Failure, Program, args};

static PROGRAM: Program = Program::new(
    "xargs",
    "Usage: xargs [OPTION]... COMMAND [INITIAL-ARGS]...\n\
     Run COMMAND with arguments INITIAL-ARGS and more arguments read from input.\n\n  \
     -0, --null                   items are separated by a null, not whitespace;\n                               \
     disables quote and backslash processing\n  \
     -a, --arg-file=FILE          read arguments from FILE, not standard input\n  \
     -d, --delimiter=CHARACTER    items in input stream are separated by CHARACTER,\n                               \
     not by whitespace; disables quote and backslash\n                               \
     processing\n  \
     -E END                       set logical EOF string; if END occurs as a line\n                               \
     of input, the rest of the input is ignored\n                               \
     (ignored if -0 or -d was specified)\n  \
     -e, --eof[=END]              equivalent to -E END if END is specified;\n                               \
     otherwise, there is no end-of-file string\n  \
     -I R                         replace R in INITIAL-ARGS with names read from\n                               \
     standard input, one command per line\n  \
     -i, --replace[=R]            equivalent to -I R; R defaults to {}\n  \
     -L, --max-lines=MAX-LINES    use at most MAX-LINES non-blank input lines per\n                               \
     command line\n  \
     -n, --max-args=MAX-ARGS      use at most MAX-ARGS arguments per command line\n  \
     -P, --max-procs=MAX-PROCS    run at most MAX-PROCS processes at a time\n      \
     --process-slot-var=VAR   set environment variable VAR in child processes\n  \
     -r, --no-run-if-empty        if there are no arguments, then do not run COMMAND;\n                               \
     if this option is not given, COMMAND will be run at least once\n  \
     -s, --max-chars=MAX-CHARS    limit length of command line to MAX-CHARS\n  \
     -t, --verbose                print commands before executing them\n  \
     -x, --exit                   exit if the size (see -s) is exceeded\n      \
     --help                   display this help and exit\n      \
     --version                output version information and exit\n\n\
     The default COMMAND is echo.\n",
);

/// Bytes of arguments per command line when no -n or -L says otherwise.
const MAX_COMMAND_BYTES: usize = 128 * 1024;

/// How input is cut into items.
enum Split {
    /// Blanks and newlines, with quotes and backslashes.
    Blanks,
    /// One character ends each item, taken literally.
    Delimiter(u8),
    /// Each line is one item (-I), leading blanks dropped.
    Lines,
}

struct Options {
    split: Split,
    /// -E: the item that ends the input.
    end_of_input: Option<String>,
    max_chars: Option<usize>,
    /// `-x`: a command line the size limit cuts short of `-n` or `-L` ends xargs.
    exit_on_size: bool,
    max_procs: usize,
    replace: Option<String>,
    max_args: Option<usize>,
    max_lines: Option<usize>,
    no_run_if_empty: bool,
    verbose: bool,
    /// `-a`: standard input stays the commands' (otherwise they read nothing).
    inherit_stdin: bool,
    /// `--process-slot-var`: this variable tells each command its slot among `-P`'s.
    slot_variable: Option<String>,
}

fn main() {
    PROGRAM.run(|mut args, _| {
        let mut options = Options {
            split: Split::Blanks,
            end_of_input: None,
            max_chars: None,
            exit_on_size: false,
            max_procs: 1,
            replace: None,
            max_args: None,
            max_lines: None,
            no_run_if_empty: false,
            verbose: false,
            inherit_stdin: false,
            slot_variable: None,
        };
        let mut command = Vec::new();
        let mut arg_file = None;
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('0') | Arg::Long("null") => options.split = Split::Delimiter(0),
                Arg::Short('d') | Arg::Long("delimiter") => {
                    options.split = Split::Delimiter(delimiter(&args.value()?)?)
                }
                Arg::Short('a') | Arg::Long("arg-file") => arg_file = Some(args.value()?),
                Arg::Short('E') => options.end_of_input = Some(args.value()?),
                Arg::Short('e') | Arg::Long("eof") => {
                    options.end_of_input = args.optional_value().filter(|s| !s.is_empty())
                }
                Arg::Short('I') => {
                    options.replace = Some(args.value()?);
                    options.split = Split::Lines;
                }
                Arg::Short('i') | Arg::Long("replace") => {
                    options.replace = Some(args.optional_value().unwrap_or_else(|| "{}".into()));
                    options.split = Split::Lines;
                }
                Arg::Short('s') | Arg::Long("max-chars") => {
                    options.max_chars = Some(count(&args.value()?, "-s")?)
                }
                Arg::Short('P') | Arg::Long("max-procs") => {
                    let text = args.value()?;
                    options.max_procs = match text.parse::<usize>() {
                        // GNU: 0 runs as many at a time as it can.
                        Ok(0) => usize::MAX,
                        Ok(n) => n,
                        Err(_) => {
                            return Err(Failure::Usage(format!(
                                "invalid number \"{text}\" for -P option"
                            )));
                        }
                    };
                }
                Arg::Short('n') | Arg::Long("max-args") => {
                    options.max_args = Some(count(&args.value()?, "-n")?)
                }
                Arg::Short('L') | Arg::Long("max-lines") => {
                    options.max_lines = Some(count(&args.value()?, "-L")?)
                }
                Arg::Short('r') | Arg::Long("no-run-if-empty") => options.no_run_if_empty = true,
                Arg::Short('t') | Arg::Long("verbose") => options.verbose = true,
                Arg::Long("process-slot-var") => options.slot_variable = Some(args.value()?),
                Arg::Short('x') | Arg::Long("exit") => options.exit_on_size = true,
                Arg::Value(value) => {
                    command = args::command_line(value, &mut args)?;
                    break;
                }
                other => return Err(args::unexpected(other)),
            }
        }
        if command.is_empty() {
            command.push("echo".into());
        }
        let mut input = Vec::new();
        // A command that does not fit in -s by itself ends xargs before it reads a thing.
        let command_bytes: usize = command.iter().map(|arg| arg.len() + 1).sum();
        if options.max_chars.is_some_and(|limit| command_bytes > limit) {
            PROGRAM.warn("cannot fit single argument within argument list size limit");
            return Ok(1);
        }
        options.inherit_stdin = arg_file.is_some();
        match &arg_file {
            Some(name) => {
                wasmix_common::input::open(name)
                    .and_then(|mut file| file.read_to_end(&mut input))
                    .map_err(|e| {
                        Failure::Fatal(format!(
                            "Cannot open input file {}: {}",
                            wasmix_common::quote::quoteaf(name),
                            wasmix_common::describe_io_error(&e)
                        ))
                    })?;
            }
            None => {
                wasmix_common::input::stdin().read_to_end(&mut input)?;
            }
        }
        let (mut lines, unmatched) = items(&input, &options.split);
        if let (Some(end), Split::Blanks | Split::Lines) = (&options.end_of_input, &options.split) {
            cut_at_end(&mut lines, end);
        }
        let status = run_all(&command, lines, &options)?;
        if let Some(quote) = unmatched {
            PROGRAM.warn(format!(
                "unmatched {quote} quote; by default quotes are special to xargs unless you use the -0 option"
            ));
            return Ok(1);
        }
        Ok(status)
    })
}

/// `-d TEXT` as GNU's xargs reads it: one character, a letter escape, or an octal
/// (`\NNN`) or hexadecimal (`\xHH`) number of a byte, with nothing after it.
fn delimiter(text: &str) -> Result<u8, Failure> {
    let bytes = text.as_bytes();
    if let [byte] = bytes {
        return Ok(*byte);
    }
    let invalid = |why: &str| {
        Failure::Fatal(format!(
            "Invalid escape sequence {text} in input delimiter specification{why}."
        ))
    };
    let (digits, radix) = match bytes {
        [b'\\', b'a', ..] => return Ok(7),
        [b'\\', b'b', ..] => return Ok(8),
        [b'\\', b'f', ..] => return Ok(12),
        [b'\\', b'n', ..] => return Ok(b'\n'),
        [b'\\', b'r', ..] => return Ok(b'\r'),
        [b'\\', b't', ..] => return Ok(b'\t'),
        [b'\\', b'v', ..] => return Ok(11),
        [b'\\', b'\\', ..] => return Ok(b'\\'),
        [b'\\', b'x', rest @ ..] => {
            let rest = rest
                .strip_prefix(b"0x")
                .or(rest.strip_prefix(b"0X"))
                .unwrap_or(rest);
            (rest, 16)
        }
        [b'\\', b'0'..=b'9', ..] => (&bytes[1..], 8),
        [b'\\', ..] => return Err(invalid("")),
        _ => {
            return Err(Failure::Fatal(format!(
                "Invalid input delimiter specification {text}: the delimiter must be either a single character or an escape sequence starting with \\."
            )));
        }
    };
    let length = digits
        .iter()
        .take_while(|b| (**b as char).is_digit(radix))
        .count();
    let value = digits[..length].iter().fold(0u64, |value, &b| {
        (value * u64::from(radix) + u64::from((b as char).to_digit(radix).unwrap_or(0)))
            .min(1 << 32)
    });
    if value > 255 {
        let most = if radix == 16 { "ff" } else { "377" };
        return Err(invalid(&format!(
            "; character values must not exceed {most}"
        )));
    }
    match std::str::from_utf8(&digits[length..]).unwrap_or_default() {
        "" => Ok(value as u8),
        trailing => Err(invalid(&format!(
            "; trailing characters {trailing} not recognised"
        ))),
    }
}

fn count(text: &str, option: &str) -> Result<usize, Failure> {
    match text.parse::<usize>() {
        Ok(0) => Err(Failure::Usage(format!(
            "value 0 for {option} option should be >= 1"
        ))),
        Ok(n) => Ok(n),
        Err(_) => Err(Failure::Usage(format!(
            "invalid number \"{text}\" for {option} option"
        ))),
    }
}

/// Drops the item equal to the end-of-input string and everything after it.
fn cut_at_end(lines: &mut Vec<Vec<String>>, end: &str) {
    let found = lines.iter().enumerate().find_map(|(index, line)| {
        line.iter()
            .position(|item| item == end)
            .map(|at| (index, at))
    });
    if let Some((index, at)) = found {
        lines.truncate(index + 1);
        lines[index].truncate(at);
        if lines[index].is_empty() {
            lines.pop();
        }
    }
}

/// The items of the input, grouped by the input line they ended on, and the kind of quote
/// left open at the end (if any).
fn items(input: &[u8], split: &Split) -> (Vec<Vec<String>>, Option<&'static str>) {
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    match split {
        Split::Delimiter(end) => {
            let mut items: Vec<&[u8]> = input.split(|b| b == end).collect();
            if items.last().is_some_and(|last| last.is_empty()) {
                items.pop();
            }
            (
                items.into_iter().map(|item| vec![text(item)]).collect(),
                None,
            )
        }
        Split::Lines => {
            let lines = input
                .split(|&b| b == b'\n')
                .map(|line| text(line).trim_start().to_string())
                .filter(|line| !line.is_empty())
                .map(|line| vec![line])
                .collect();
            (lines, None)
        }
        Split::Blanks => quoted_items(&String::from_utf8_lossy(input)),
    }
}

/// Blank-separated items with '...', "..." and backslash escapes, as GNU xargs reads them.
fn quoted_items(input: &str) -> (Vec<Vec<String>>, Option<&'static str>) {
    let mut lines = Vec::new();
    let mut line = Vec::new();
    let mut item = String::new();
    let mut in_item = false;
    let mut chars = input.chars();
    while let Some(c) = chars.next() {
        match c {
            '\n' | ' ' | '\t' => {
                if in_item {
                    line.push(std::mem::take(&mut item));
                    in_item = false;
                }
                if c == '\n' && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
            }
            '\'' | '"' => {
                in_item = true;
                loop {
                    match chars.next() {
                        Some(q) if q == c => break,
                        Some('\n') | None => {
                            if !line.is_empty() {
                                lines.push(line);
                            }
                            let kind = if c == '\'' { "single" } else { "double" };
                            return (lines, Some(kind));
                        }
                        Some(other) => item.push(other),
                    }
                }
            }
            '\\' => {
                in_item = true;
                if let Some(escaped) = chars.next() {
                    item.push(escaped);
                }
            }
            other => {
                in_item = true;
                item.push(other);
            }
        }
    }
    if in_item {
        line.push(item);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    (lines, None)
}

/// Runs the command once per batch of items; stops at a command that exits 255 or is
/// killed, as GNU xargs does.
fn run_all(command: &[String], lines: Vec<Vec<String>>, options: &Options) -> Result<u8, Failure> {
    let (batches, too_long) = batches(command, lines, options);
    if let Some(message) = too_long {
        // What fitted runs first, as GNU's xargs runs each line as it fills.
        let status = run_batches(batches, options)?;
        PROGRAM.warn(message);
        return Ok(status.max(1));
    }
    if batches.is_empty() && !options.no_run_if_empty {
        return run(command.to_vec(), options).map(|code| failed(code) * 123);
    }
    run_batches(batches, options)
}

/// Runs each command line, up to `-P` at once.
fn run_batches(batches: Vec<Vec<String>>, options: &Options) -> Result<u8, Failure> {
    let mut status = 0;
    if options.max_procs > 1 {
        // Up to -P commands at once; when that many run, wait for the oldest.
        let mut running = std::collections::VecDeque::new();
        for argv in batches {
            if running.len() >= options.max_procs
                && let Some((_, oldest)) = running.pop_front()
                && failed(finish(oldest)?) == 1
            {
                status = 123;
            }
            // The lowest slot no running command holds.
            let slot = (0..)
                .find(|slot| !running.iter().any(|(held, _)| held == slot))
                .unwrap_or(0);
            running.push_back((slot, start(argv, options, slot)?));
        }
        for (_, child) in running {
            if failed(finish(child)?) == 1 {
                status = 123;
            }
        }
        return Ok(status);
    }
    for argv in batches {
        if failed(run(argv, options)?) == 1 {
            status = 123;
        }
    }
    Ok(status)
}

/// The command lines to run, and why the rest cannot be (an argument too long for
/// `-s`; with `-x`, a line the size cuts short of `-n` or `-L`).
fn batches(
    command: &[String],
    lines: Vec<Vec<String>>,
    options: &Options,
) -> (Vec<Vec<String>>, Option<String>) {
    if let Some(replace) = &options.replace {
        let batches = lines
            .into_iter()
            .flatten()
            .map(|item| {
                command
                    .iter()
                    .map(|arg| arg.replace(replace.as_str(), &item))
                    .collect()
            })
            .collect();
        return (batches, None);
    }
    let mut batches = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let mut current_lines = 0;
    // Bytes of the command line as -s counts them: each argument with its NUL.
    let initial: usize = command.iter().map(|arg| arg.len() + 1).sum();
    let limit = options.max_chars.unwrap_or(MAX_COMMAND_BYTES + initial);
    let mut bytes = initial;
    let full = |current: &Vec<String>, lines: usize, bytes: usize| {
        options.max_args.is_some_and(|max| current.len() >= max)
            || options.max_lines.is_some_and(|max| lines >= max)
            || bytes >= limit
    };
    let whole = |batches: Vec<Vec<String>>| -> Vec<Vec<String>> {
        batches
            .into_iter()
            .map(|items| command.iter().cloned().chain(items).collect())
            .collect()
    };
    let counted = options.max_args.is_some() || options.max_lines.is_some();
    for line in lines {
        for item in line {
            if initial + item.len() + 1 > limit {
                if !current.is_empty() {
                    batches.push(current);
                }
                return (whole(batches), Some("argument line too long".into()));
            }
            let too_long = !current.is_empty() && bytes + item.len() + 1 > limit;
            let counted_full = options.max_args.is_some_and(|max| current.len() >= max);
            if too_long && counted && !counted_full && options.exit_on_size {
                return (whole(batches), Some("argument list too long".into()));
            }
            if options.max_lines.is_none() && (too_long || full(&current, current_lines, bytes)) {
                batches.push(std::mem::take(&mut current));
                bytes = initial;
            }
            bytes += item.len() + 1;
            current.push(item);
        }
        current_lines += 1;
        if options.max_lines.is_some() && full(&current, current_lines, bytes) {
            batches.push(std::mem::take(&mut current));
            current_lines = 0;
            bytes = initial;
        }
    }
    if !current.is_empty() {
        batches.push(current);
    }
    (whole(batches), None)
}

/// 1 for a status GNU xargs counts as a failed command (1-125), else 0.
fn failed(code: u8) -> u8 {
    u8::from((1..=125).contains(&code))
}

/// Runs one command line; its status, or a failure that stops xargs.
fn run(argv: Vec<String>, options: &Options) -> Result<u8, Failure> {
    finish(start(argv, options, 0)?)
}

/// Starts one command line.
fn start(argv: Vec<String>, options: &Options, slot: usize) -> Result<(String, Child), Failure> {
    if options.verbose {
        wasmix_common::note!("{}", argv.join(" "));
    }
    let name = argv[0].clone();
    let stdin = if options.inherit_stdin {
        Stdio::Inherit
    } else {
        Stdio::Null
    };
    let mut command = Command::new(argv).stdin(stdin);
    if let Some(variable) = &options.slot_variable {
        let mut env: Vec<(String, String)> = std::env::vars()
            .filter(|(name, _)| name != variable)
            .collect();
        env.push((variable.clone(), slot.to_string()));
        command = command.env(env);
    }
    let child = command.spawn().map_err(|e| {
        PROGRAM.warn(format!("{name}: {}", e.reason()));
        Failure::Status(e.status())
    })?;
    Ok((name, child))
}

/// Waits for a command; its status, or a failure that stops xargs.
fn finish((name, child): (String, Child)) -> Result<u8, Failure> {
    match child.wait().status {
        ExitStatus::Exited(255) => {
            PROGRAM.warn(format!("{name}: exited with status 255; aborting"));
            Err(Failure::Status(124))
        }
        ExitStatus::Exited(code) => Ok(code),
        ExitStatus::Killed(signal) => {
            PROGRAM.warn(format!("{name}: terminated by signal {signal}"));
            Err(Failure::Status(125))
        }
        ExitStatus::Crashed(_) => {
            PROGRAM.warn(format!("{name}: terminated by signal 6"));
            Err(Failure::Status(125))
        }
        ExitStatus::Failed(why) => {
            PROGRAM.warn(format!("{name}: {why}"));
            Ok(1)
        }
    }
}
