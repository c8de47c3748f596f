//! stdbuf: run a command with its standard output buffered as asked. As GNU's stdbuf
//! passes `_STDBUF_O` to its preloaded library, this one passes it to the command, whose
//! `wasmix_common::Output` reads it.

use wasmix_common::process::Command;
use wasmix_common::{Arg, Failure, Program, STDBUF_OUTPUT, args};

static PROGRAM: Program = Program {
    usage_status: 125,
    failure_status: 125,
    ..Program::new(
        "stdbuf",
        "Usage: stdbuf OPTION... COMMAND\n\
         Run COMMAND, with modified buffering operations for its standard streams.\n\n\
         Mandatory arguments to long options are mandatory for short options too.\n  \
         -i, --input=MODE   adjust standard input stream buffering\n  \
         -o, --output=MODE  adjust standard output stream buffering\n  \
         -e, --error=MODE   adjust standard error stream buffering\n      \
         --help        display this help and exit\n      \
         --version     output version information and exit\n\n\
         If MODE is 'L' the corresponding stream will be line buffered.\n\
         This option is invalid with standard input.\n\n\
         If MODE is '0' the corresponding stream will be unbuffered.\n\n\
         Otherwise MODE is a number which may be followed by one of the following:\n\
         KB 1000, K 1024, MB 1000*1000, M 1024*1024, and so on for G,T,P,E,Z,Y.\n\
         In this case the corresponding stream will be fully buffered with the buffer\n\
         size set to MODE bytes.\n\n\
         In wasmix, -o applies to every program of /bin. Their diagnostics go to\n\
         standard error a message at a time and standard input is read in blocks,\n\
         whatever -e and -i ask, as GNU's note says of programs that do their own I/O.\n",
    )
};

/// Reads a MODE as GNU's stdbuf does (`xstrtoumax` with its suffixes), into what it
/// passes on: `L`, or the size in bytes (`0` for unbuffered).
fn mode_value(mode: &str, input: bool) -> Result<String, Failure> {
    if mode == "L" {
        return if input {
            Err(Failure::Usage("line buffering stdin is meaningless".into()))
        } else {
            Ok(mode.into())
        };
    }
    let invalid = |why: &str| Failure::Fatal(format!("invalid mode '{mode}'{why}"));
    let number = mode
        .trim_start()
        .strip_prefix('+')
        .unwrap_or(mode.trim_start());
    let split = number
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(number.len());
    let (digits, suffix) = number.split_at(split);
    if digits.is_empty() {
        return Err(invalid(""));
    }
    let too_large = || invalid(": Value too large for defined data type");
    let value: u64 = digits.parse().map_err(|_| too_large())?;
    if suffix.is_empty() {
        return Ok(value.to_string());
    }
    let mut letters = suffix.chars();
    let power = match letters.next() {
        Some('k' | 'K') => 1,
        Some('M') => 2,
        Some('G') => 3,
        Some('T') => 4,
        Some('P') => 5,
        Some('E') => 6,
        Some('Z') => 7,
        Some('Y') => 8,
        _ => return Err(invalid("")),
    };
    let base: u128 = match letters.as_str() {
        "" | "iB" => 1024,
        "B" => 1000,
        _ => return Err(invalid("")),
    };
    let bytes = u128::from(value) * base.pow(power);
    if bytes > u128::from(u64::MAX) {
        return Err(too_large());
    }
    Ok(bytes.to_string())
}

fn main() {
    PROGRAM.run(|mut args, _| {
        let mut command = Vec::new();
        // The variables GNU's stdbuf sets for its library, by stream.
        let mut modes: Vec<(String, String)> = Vec::new();
        while let Some(arg) = args.next()? {
            let (variable, input) = match arg {
                Arg::Short('i') | Arg::Long("input") => ("_STDBUF_I", true),
                Arg::Short('o') | Arg::Long("output") => (STDBUF_OUTPUT, false),
                Arg::Short('e') | Arg::Long("error") => ("_STDBUF_E", false),
                Arg::Value(value) => {
                    command.push(args::into_string(value)?);
                    command.extend(args.rest());
                    break;
                }
                other => return Err(args::unexpected(other)),
            };
            let value = mode_value(&args.value()?, input)?;
            modes.retain(|(name, _)| name != variable);
            modes.push((variable.into(), value));
        }
        if command.is_empty() {
            return Err(Failure::Usage("missing operand".into()));
        }
        if modes.is_empty() {
            return Err(Failure::Usage(
                "you must specify a buffering mode option".into(),
            ));
        }
        let mut env: Vec<(String, String)> = std::env::vars()
            .filter(|(name, _)| modes.iter().all(|(set, _)| set != name))
            .collect();
        env.extend(modes);
        let name = command[0].clone();
        let child = Command::new(command).env(env).spawn().map_err(|e| {
            PROGRAM.warn(format!("failed to run command '{name}': {}", e.reason()));
            Failure::Status(e.status())
        })?;
        Ok(child.wait().status.passed_on())
    })
}
