//! sleep: pause for a time. The kernel parks the process; it uses no CPU while it waits.

use std::time::Duration;
use wasmix_common::numbers::parse_interval;
use wasmix_common::{Arg, Failure, Program, args};

static PROGRAM: Program = Program::new(
    "sleep",
    "Usage: sleep NUMBER[SUFFIX]...\n\
     Pause for NUMBER seconds, where NUMBER is an integer or floating-point.\n\
     SUFFIX may be 's' for seconds (the default), 'm' for minutes, 'h' for hours\n\
     or 'd' for days.  With more than one argument, pause for the sum of their values.\n\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|mut args, _| {
        let mut total = Duration::ZERO;
        let mut any = false;
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Value(v) => {
                    let text = args::into_string(v)?;
                    total += parse_interval(&text)
                        .ok_or_else(|| Failure::Usage(format!("invalid time interval '{text}'")))?;
                    any = true;
                }
                other => return Err(args::unexpected(other)),
            }
        }
        if !any {
            return Err(Failure::Usage("missing operand".into()));
        }
        std::thread::sleep(total);
        Ok(0)
    })
}
