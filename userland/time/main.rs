//! time: run a command, then tell how long it took and how much CPU time it used, in
//! bash's shape (real, user, sys).

use std::time::{Duration, Instant};
use wasmix_common::process::Command;
use wasmix_common::{Failure, Program, args};

static PROGRAM: Program = Program::new(
    "time",
    "Usage: time COMMAND [ARG]...\n\
     Run COMMAND, then print on standard error the time that passed (real), the time\n\
     it spent running (user).\n\
     The exit status is COMMAND's.\n\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|mut args, _| {
        let command = args::command_only(&mut args)?;
        let Some(name) = command.first().cloned() else {
            return Err(Failure::Usage("missing operand".into()));
        };
        let started = Instant::now();
        let child = Command::new(command).spawn().map_err(|e| {
            PROGRAM.warn(format!("cannot run {name}: {}", e.reason()));
            Failure::Status(e.status())
        })?;
        let finished = child.wait();
        let real = started.elapsed();
        eprintln!(
            "\nreal\t{}\nuser\t{}\nsys\t{}",
            minutes_and_seconds(real),
            minutes_and_seconds(finished.cpu),
            minutes_and_seconds(Duration::ZERO),
        );
        Ok(finished.status.code())
    })
}

/// bash's `0m1.234s`.
fn minutes_and_seconds(time: Duration) -> String {
    let millis = time.as_millis();
    format!(
        "{}m{}.{:03}s",
        millis / 60_000,
        millis / 1000 % 60,
        millis % 1000
    )
}
