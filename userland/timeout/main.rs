//! timeout: run a command, and signal it if it is still running after a time.

use std::time::Duration;
use wasmix_common::numbers::parse_interval;
use wasmix_common::process::{Command, ExitStatus};
use wasmix_common::{Arg, Failure, Program, args, signals};

static PROGRAM: Program = Program {
    usage_status: 125,
    failure_status: 125,
    ..Program::new(
        "timeout",
        "Usage: timeout [OPTION] DURATION COMMAND [ARG]...\n\
         Start COMMAND, and kill it if still running after DURATION.\n\n  \
         -k, --kill-after=DURATION\n                 \
         also send a KILL signal if COMMAND is still running\n                 \
         this long after the initial signal was sent\n  \
         -s, --signal=SIGNAL\n                 \
         specify the signal to be sent on timeout;
                   SIGNAL may be a name like 'HUP' or a number;
                   see 'kill -l' for a list of signals\n      \
         --preserve-status\n                 \
         exit with the same status as COMMAND, even when the command times out\n  \
         -v, --verbose  diagnose to stderr any signal sent upon timeout\n      \
         --help        display this help and exit\n      \
         --version     output version information and exit\n\n\
         DURATION is a floating point number with an optional suffix:\n\
         's' for seconds (the default), 'm' for minutes, 'h' for hours or 'd' for days.\n\
         A duration of 0 disables the associated timeout.\n\n\
         If the command times out, and --preserve-status is not set, then exit with\n\
         status 124.  Otherwise, exit with the status of COMMAND.\n",
    )
};

const TIMED_OUT: u8 = 124;
const KILL: u8 = 9;

fn main() {
    PROGRAM.run(|mut args, _| {
        let mut signal = 15;
        let mut kill_after = None;
        let mut preserve_status = false;
        let mut verbose = false;
        let mut operands = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('s') | Arg::Long("signal") => {
                    let name = args.value()?;
                    signal = signals::number(&name)
                        .ok_or_else(|| Failure::Usage(format!("'{name}': invalid signal")))?;
                }
                Arg::Short('k') | Arg::Long("kill-after") => {
                    kill_after = Some(interval(&args.value()?)?);
                }
                Arg::Long("preserve-status") => preserve_status = true,
                Arg::Short('v') | Arg::Long("verbose") => verbose = true,
                Arg::Value(value) => {
                    operands.push(args::into_string(value)?);
                    if operands.len() == 2 {
                        operands.extend(args.rest());
                        break;
                    }
                }
                other => return Err(args::unexpected(other)),
            }
        }
        match operands.len() {
            // GNU says only where to find help when given nothing at all.
            0 => {
                wasmix_common::note!("Try 'timeout --help' for more information.");
                return Err(Failure::Status(125));
            }
            1 => return Err(Failure::Usage("missing operand".into())),
            _ => {}
        }
        let limit = interval(&operands[0])?;
        let command = operands.split_off(1);
        let name = command[0].clone();
        let child = Command::new(command).spawn().map_err(|e| {
            PROGRAM.warn(format!("failed to run command '{name}': {}", e.reason()));
            Failure::Status(e.status())
        })?;
        if limit.is_zero() || child.wait_for(limit).is_some() {
            return Ok(child.wait().status.passed_on());
        }
        let sending = |signal: u8| {
            if verbose {
                PROGRAM.warn(format!(
                    "sending signal {} to command '{name}'",
                    signals::name(signal).unwrap_or("?")
                ));
            }
        };
        sending(signal);
        let _ = child.kill(signal);
        let mut sent_kill = signal == KILL;
        if let Some(grace) = kill_after.filter(|grace| !grace.is_zero())
            && child.wait_for(grace).is_none()
        {
            sending(KILL);
            let _ = child.kill(KILL);
            sent_kill = true;
        }
        let status = child.wait().status;
        if sent_kill {
            // GNU's timeout sends KILL to its whole process group, and so ends by it too.
            return Ok(ExitStatus::Killed(KILL).passed_on());
        }
        Ok(if preserve_status {
            status.code()
        } else {
            TIMED_OUT
        })
    })
}

fn interval(text: &str) -> Result<Duration, Failure> {
    parse_interval(text).ok_or_else(|| Failure::Usage(format!("invalid time interval '{text}'")))
}
