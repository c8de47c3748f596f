//! time: run a command, then report how long it took and what it used, as GNU time does:
//! its default format, `-p`'s POSIX one, `-v`'s long one, or `-f FORMAT`, on standard
//! error or into `-o FILE`. What WebAssembly has no counterpart of (page faults, context
//! switches, swaps, file system and socket counts) is 0, as GNU shows for what the
//! system does not report; `%M` is the most linear memory the program held, in KB.

use std::fmt::Write as _;
use std::io::Write as _;
use std::time::{Duration, Instant};
use wasmix_common::process::{Command, ExitStatus, Finished};
use wasmix_common::{Arg, Failure, Program, args, describe_io_error};

static PROGRAM: Program = Program {
    usage_status: 125,
    failure_status: 125,
    ..Program::new(
        "time",
        "Usage: time [OPTIONS] COMMAND [ARG]...\n\
         Run COMMAND, then print system resource usage.\n\n  \
         -a, --append              with -o FILE, append instead of overwriting\n  \
         -f, --format=FORMAT       use the specified FORMAT instead of the default\n  \
         -o, --output=FILE         write to FILE instead of STDERR\n  \
         -p, --portability         print POSIX standard 1003.2 conformant string:\n                              \
         real %%e\n                              \
         user %%U\n                              \
         sys %%S\n  \
         -q, --quiet               do not print information about abnormal program\n                            \
         termination (non-zero exit codes or signals)\n  \
         -v, --verbose             print all resource usage information instead of\n                            \
         the default format\n  \
         -h,  --help               display this help and exit\n  \
         -V,  --version            output version information and exit\n\n\
         Commonly usaged format sequences for -f/--format:\n  \
         %%   a literal '%'\n  \
         %C   command line and arguments\n  \
         %E   elapsed real time (wall clock) in [hour:]min:sec\n  \
         %e   elapsed real time (wall clock) in seconds\n  \
         %M   maximum linear memory in KB\n  \
         %P   percent of CPU this job got\n  \
         %S   system (kernel) time in seconds\n  \
         %U   user time in seconds\n  \
         %x   exit status of command\n\n\
         Default output format:\n\
         %Uuser %Ssystem %Eelapsed %PCPU (%Xavgtext+%Davgdata %Mmaxresident)k\n\
         %Iinputs+%Ooutputs (%Fmajor+%Rminor)pagefaults %Wswaps\n\n\
         The TIME environment variable, when set, replaces the default format.\n",
    )
};

const DEFAULT_FORMAT: &str = "%Uuser %Ssystem %Eelapsed %PCPU (%Xavgtext+%Davgdata %Mmaxresident)k\n\
     %Iinputs+%Ooutputs (%Fmajor+%Rminor)pagefaults %Wswaps";

const POSIX_FORMAT: &str = "real %e\nuser %U\nsys %S";

const VERBOSE_FORMAT: &str = "\tCommand being timed: \"%C\"\n\
     \tUser time (seconds): %U\n\
     \tSystem time (seconds): %S\n\
     \tPercent of CPU this job got: %P\n\
     \tElapsed (wall clock) time (h:mm:ss or m:ss): %E\n\
     \tAverage shared text size (kbytes): %X\n\
     \tAverage unshared data size (kbytes): %D\n\
     \tAverage stack size (kbytes): %p\n\
     \tAverage total size (kbytes): %K\n\
     \tMaximum resident set size (kbytes): %M\n\
     \tAverage resident set size (kbytes): %t\n\
     \tMajor (requiring I/O) page faults: %F\n\
     \tMinor (reclaiming a frame) page faults: %R\n\
     \tVoluntary context switches: %w\n\
     \tInvoluntary context switches: %c\n\
     \tSwaps: %W\n\
     \tFile system inputs: %I\n\
     \tFile system outputs: %O\n\
     \tSocket messages sent: %s\n\
     \tSocket messages received: %r\n\
     \tSignals delivered: %k\n\
     \tPage size (bytes): %Z\n\
     \tExit status: %x";

/// A WebAssembly page, what `%Z` reports.
const PAGE_SIZE: u32 = 65536;

/// What a run of the command came to.
struct Run {
    command: Vec<String>,
    elapsed: Duration,
    finished: Finished,
}

fn main() {
    PROGRAM.run(|mut args, _| {
        let mut format = std::env::var("TIME").unwrap_or_else(|_| DEFAULT_FORMAT.into());
        let (mut output, mut append, mut quiet) = (None, false, false);
        let mut command = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('f') | Arg::Long("format") => format = args.value()?,
                Arg::Short('p') | Arg::Long("portability") => format = POSIX_FORMAT.into(),
                Arg::Short('v') | Arg::Long("verbose") => format = VERBOSE_FORMAT.into(),
                Arg::Short('o') | Arg::Long("output") => output = Some(args.value()?),
                Arg::Short('a') | Arg::Long("append") => append = true,
                Arg::Short('q') | Arg::Long("quiet") => quiet = true,
                Arg::Value(value) => {
                    command.push(args::into_string(value)?);
                    command.extend(args.rest());
                    break;
                }
                other => return Err(args::unexpected(other)),
            }
        }
        if command.is_empty() {
            return Err(Failure::Usage("missing program to run".into()));
        }
        // The report's file is opened before the command runs, as GNU opens it.
        let mut report: Box<dyn std::io::Write> = match &output {
            Some(path) => Box::new(
                std::fs::OpenOptions::new()
                    .write(true)
                    .create(true)
                    .append(append)
                    .truncate(!append)
                    .open(path)
                    .map_err(|e| Failure::Fatal(format!("{path}: {}", describe_io_error(&e))))?,
            ),
            None => Box::new(std::io::stderr()),
        };
        let started = Instant::now();
        let finished = match Command::new(command.clone()).spawn() {
            Ok(child) => child.wait(),
            Err(e) => {
                PROGRAM.warn(format!("cannot run {}: {}", command[0], e.reason()));
                Finished {
                    status: ExitStatus::Exited(e.status()),
                    cpu: Duration::ZERO,
                    peak_memory: 0,
                }
            }
        };
        let run = Run {
            command,
            elapsed: started.elapsed(),
            finished,
        };
        let mut text = String::new();
        if !quiet {
            match run.finished.status {
                ExitStatus::Exited(0) => {}
                ExitStatus::Exited(code) => {
                    let _ = writeln!(text, "Command exited with non-zero status {code}");
                }
                ref status => {
                    let signal = status.code() - 128;
                    let _ = writeln!(text, "Command terminated by signal {signal}");
                }
            }
        }
        if render(&format, &run, &mut text) {
            text.push('\n');
        }
        // As GNU: a report that cannot be written does not change the status.
        let _ = report
            .write_all(text.as_bytes())
            .and_then(|()| report.flush());
        Ok(run.finished.status.code())
    })
}

/// The format with its `%` and `\` sequences replaced, as GNU time's `summarize`; false
/// when a lone `%` ended it, where GNU stops without the line's end.
fn render(format: &str, run: &Run, out: &mut String) -> bool {
    let mut chars = format.chars();
    while let Some(c) = chars.next() {
        match c {
            '%' => match chars.next() {
                None => {
                    out.push('?');
                    return false;
                }
                Some(letter) => resource(letter, run, out),
            },
            '\\' => match chars.next() {
                Some('t') => out.push('\t'),
                Some('n') => out.push('\n'),
                Some('\\') => out.push('\\'),
                Some(other) => {
                    out.push_str("?\\");
                    out.push(other);
                }
                None => out.push_str("?\\"),
            },
            c => out.push(c),
        }
    }
    true
}

/// One `%` sequence.
fn resource(letter: char, run: &Run, out: &mut String) {
    let elapsed = run.elapsed;
    let cpu = run.finished.cpu;
    let _ = match letter {
        '%' => write!(out, "%"),
        'C' => write!(out, "{}", run.command.join(" ")),
        'E' if elapsed.as_secs() >= 3600 => {
            let seconds = elapsed.as_secs();
            write!(
                out,
                "{}:{:02}:{:02}",
                seconds / 3600,
                seconds % 3600 / 60,
                seconds % 60
            )
        }
        'E' => write!(
            out,
            "{}:{:02}.{:02}",
            elapsed.as_secs() / 60,
            elapsed.as_secs() % 60,
            elapsed.subsec_micros() / 10_000
        ),
        'e' => write!(out, "{}", seconds(elapsed)),
        'U' => write!(out, "{}", seconds(cpu)),
        'S' => write!(out, "{}", seconds(Duration::ZERO)),
        // GNU divides milliseconds; a spawn here can take less than one.
        'P' => match elapsed.as_micros() {
            0 => write!(out, "?%"),
            micros => write!(out, "{}%", cpu.as_micros() * 100 / micros),
        },
        'M' => write!(out, "{}", run.finished.peak_memory / 1024),
        'Z' => write!(out, "{PAGE_SIZE}"),
        'x' => write!(out, "{}", exit_number(&run.finished.status)),
        'D' | 'F' | 'I' | 'K' | 'O' | 'R' | 'W' | 'X' | 'c' | 'k' | 'p' | 'r' | 's' | 't' | 'w' => {
            write!(out, "0")
        }
        other => write!(out, "?{other}"),
    };
}

/// `%x`: the exit status, or the signal that ended the command.
fn exit_number(status: &ExitStatus) -> u8 {
    match status {
        ExitStatus::Exited(code) => *code,
        other => other.code() - 128,
    }
}

/// GNU's `seconds.hundredths`.
fn seconds(time: Duration) -> String {
    format!("{}.{:02}", time.as_secs(), time.subsec_micros() / 10_000)
}
