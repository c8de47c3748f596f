//! watch: run a command again and again, showing its output full screen.
//!
//! As procps watch, the command's words are joined and given to `sh -c` (so `watch 'a |
//! b'` works), or run as their own argv with `-x`; the output is piped back here and
//! drawn after a clear, so each screen replaces the last.

use std::io::{Read, Write};
use std::time::{Duration, SystemTime};
use wasmix_common::numbers::parse_interval;
use wasmix_common::process::{Command, Stdio};
use wasmix_common::{Arg, Failure, Program, args};

static PROGRAM: Program = Program::new(
    "watch",
    "Usage: watch [OPTION]... COMMAND [ARG]...\n\
     Run COMMAND every few seconds, showing its output full screen.\n\n  \
     -n, --interval=SECONDS   seconds to wait between updates (default 2)\n  \
     -t, --no-title           turn off the header\n  \
     -e, --errexit            exit if the command has a non-zero exit\n  \
     -g, --chgexit            exit when the output of the command changes\n  \
     -x, --exec               run COMMAND itself, not through sh -c\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n\n\
     Stop it with Ctrl-C.\n",
);

/// Cursor home, then clear the screen.
const CLEAR: &[u8] = b"\x1b[H\x1b[2J";

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut interval = Duration::from_secs(2);
        let mut title = true;
        let mut exit_on_error = false;
        let mut exit_on_change = false;
        let mut exec = false;
        let mut command = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('n') | Arg::Long("interval") => {
                    let text = args.value()?;
                    let seconds = parse_interval(&text).ok_or_else(|| {
                        Failure::Usage(format!("failed to parse argument: '{text}'"))
                    })?;
                    // As procps: no faster than ten times a second.
                    interval = seconds.max(Duration::from_millis(100));
                }
                Arg::Short('t') | Arg::Long("no-title") => title = false,
                Arg::Short('e') | Arg::Long("errexit") => exit_on_error = true,
                Arg::Short('g') | Arg::Long("chgexit") => exit_on_change = true,
                Arg::Short('x') | Arg::Long("exec") => exec = true,
                Arg::Value(value) => {
                    command = args::command_line(value, &mut args)?;
                    break;
                }
                other => return Err(args::unexpected(other)),
            }
        }
        if command.is_empty() {
            return Err(Failure::Usage("no command specified".into()));
        }
        let shown = command.join(" ");
        if !exec {
            command = vec!["sh".into(), "-c".into(), shown.clone()];
        }
        let mut previous: Option<Vec<u8>> = None;
        loop {
            let (output, status) = run(&command)?;
            out.write_all(CLEAR)?;
            if title {
                let header = format!(
                    "Every {:.1}s: {}    {}\n\n",
                    interval.as_secs_f64(),
                    shown,
                    clock()
                );
                out.write_all(header.as_bytes())?;
            }
            out.write_all(&output)?;
            out.flush()?;
            if exit_on_error && status != 0 {
                return Ok(8);
            }
            if exit_on_change && previous.as_ref().is_some_and(|p| *p != output) {
                return Ok(0);
            }
            previous = Some(output);
            std::thread::sleep(interval);
        }
    })
}

/// Runs the command once and collects what it printed.
fn run(command: &[String]) -> Result<(Vec<u8>, u8), Failure> {
    let child = Command::new(command.to_vec())
        .stdout(Stdio::Piped)
        .spawn()
        .map_err(|e| Failure::Fatal(format!("{}: {}", command[0], e.reason())))?;
    let mut output = Vec::new();
    if let Some(mut stdout) = child.take_stdout() {
        stdout.read_to_end(&mut output)?;
    }
    Ok((output, child.wait().status.code()))
}

/// The time of day for the header, UTC, as `date` shows it by default.
fn clock() -> String {
    let seconds = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let day = seconds % 86_400;
    format!("{:02}:{:02}:{:02}", day / 3600, day / 60 % 60, day % 60)
}
