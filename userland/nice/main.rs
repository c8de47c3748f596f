//! nice: run a command with a higher niceness (fewer time slices when others want the
//! CPU), or print the niceness. The kernel keeps it per process; children inherit it.

use std::io::Write;
use wasmix_common::process::{self, Command};
use wasmix_common::{Arg, Args, Failure, Program, args};

static PROGRAM: Program = Program {
    usage_status: 125,
    failure_status: 125,
    ..Program::new(
        "nice",
        "Usage: nice [OPTION] [COMMAND [ARG]...]\n\
         Run COMMAND with an adjusted niceness, which affects process scheduling.\n\
         With no COMMAND, print the current niceness.  Niceness values range from\n\
         -20 (most favorable to the process) to 19 (least favorable to the process).\n\n\
         Mandatory arguments to long options are mandatory for short options too.\n  \
         -n, --adjustment=N   add integer N to the niceness (default 10)\n      \
         --help        display this help and exit\n      \
         --version     output version information and exit\n\n\
         In wasmix no one is privileged: a niceness can be raised, never lowered.\n",
    )
};

const DEFAULT_ADJUSTMENT: i64 = 10;

/// The arguments with GNU's obsolete `-N`, `-+N` and `--N` (before the command) spelled
/// as `--adjustment=N`.
fn with_obsolete_adjustments() -> Vec<String> {
    let mut argv: Vec<String> = std::env::args().skip(1).collect();
    let mut index = 0;
    while let Some(arg) = argv.get(index) {
        let bytes = arg.as_bytes();
        let obsolete = bytes.len() > 1
            && bytes[0] == b'-'
            && (bytes[1].is_ascii_digit()
                || matches!(bytes[1], b'+' | b'-') && bytes.get(2).is_some_and(u8::is_ascii_digit));
        if obsolete {
            argv[index] = format!("--adjustment={}", &arg[1..]);
        } else if arg == "--" || !arg.starts_with('-') || arg == "-" {
            break;
        } else if arg == "-n" || arg == "--adjustment" {
            index += 1;
        }
        index += 1;
    }
    argv
}

/// An adjustment as `xstrtol` reads it: blanks, a sign and decimal digits; one too large
/// for a `long` is taken as the largest, since the niceness is clamped anyway.
fn adjustment(text: &str) -> Result<i64, Failure> {
    let invalid = || Failure::Fatal(format!("invalid adjustment '{text}'"));
    let trimmed = text.trim_start();
    let (negative, digits) = match trimmed.as_bytes().first() {
        Some(b'-') => (true, &trimmed[1..]),
        Some(b'+') => (false, &trimmed[1..]),
        _ => (false, trimmed),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid());
    }
    let magnitude = digits.parse::<i64>().unwrap_or(i64::MAX);
    Ok(if negative { -magnitude } else { magnitude })
}

fn main() {
    PROGRAM.run(|_, out| {
        let mut args = Args::from_vec(&PROGRAM, with_obsolete_adjustments());
        let mut given = None;
        let mut command = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('n') | Arg::Long("adjustment") => {
                    given = Some(adjustment(&args.value()?)?);
                }
                Arg::Value(value) => {
                    command.push(args::into_string(value)?);
                    command.extend(args.rest());
                    break;
                }
                other => return Err(args::unexpected(other)),
            }
        }
        let current = i64::from(process::niceness());
        if command.is_empty() {
            if given.is_some() {
                return Err(Failure::Usage(
                    "a command must be given with an adjustment".into(),
                ));
            }
            writeln!(out, "{current}")?;
            return Ok(0);
        }
        let wanted = current.saturating_add(given.unwrap_or(DEFAULT_ADJUSTMENT));
        if let Err(why) = process::set_niceness(wanted.clamp(-20, 19) as i8) {
            PROGRAM.warn(format!("cannot set niceness: {why}"));
        }
        let name = command[0].clone();
        let child = Command::new(command).spawn().map_err(|e| {
            PROGRAM.warn(format!("'{name}': {}", e.reason()));
            Failure::Status(e.status())
        })?;
        Ok(child.wait().status.passed_on())
    })
}
