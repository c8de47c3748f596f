//! spin: burn CPU in a loop that makes no system calls, so that only the kernel's
//! preemption can stop it. Used to test kill, Ctrl-C and CPU accounting.

use std::time::{Duration, Instant};
use wasmix_common::{Arg, Failure, Program, args};

static PROGRAM: Program = Program::new(
    "spin",
    "Usage: spin [SECONDS]\n\
     Busy-loop forever, or for SECONDS of wall time, without making system calls\n\
     inside the loop (the clock is read once per million iterations when SECONDS\n\
     is given).\n\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|mut args, _| {
        let mut limit = None;
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Value(v) if limit.is_none() => {
                    let text = args::into_string(v)?;
                    let seconds: f64 = text
                        .parse()
                        .ok()
                        .filter(|s: &f64| s.is_finite() && *s >= 0.0)
                        .ok_or_else(|| Failure::Usage(format!("invalid number '{text}'")))?;
                    limit = Some(Duration::from_secs_f64(seconds));
                }
                other => return Err(args::unexpected(other)),
            }
        }
        let start = Instant::now();
        let mut counter: u64 = 0;
        loop {
            counter = std::hint::black_box(counter.wrapping_add(1));
            if counter.is_multiple_of(1_000_000)
                && limit.is_some_and(|limit| start.elapsed() >= limit)
            {
                return Ok(0);
            }
        }
    })
}
