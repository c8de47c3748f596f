//! nproc: the number of processing units, from /proc/cpuinfo, as GNU's: OpenMP's
//! `OMP_NUM_THREADS` and `OMP_THREAD_LIMIT` apply unless --all is given.

use std::io::Write;
use wasmix_common::{Arg, Failure, Program, args};

static PROGRAM: Program = Program::new(
    "nproc",
    "Usage: nproc [OPTION]...\n\
     Print the number of processing units available to the current process,\n\
     which may be less than the number of online processors\n\n      \
     --all       print the number of installed processors\n      \
     --ignore=N  if possible, exclude N processing units\n      \
     --help      display this help and exit\n      \
     --version   output version information and exit\n",
);

/// The first number of an OpenMP list (`4,2`), if it is a positive count.
fn openmp(name: &str) -> Option<usize> {
    let value = std::env::var(name).ok()?;
    let first = value.split(',').next()?.trim();
    first.parse().ok().filter(|&n| n > 0)
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut all = false;
        let mut ignore = 0usize;
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Long("all") => all = true,
                Arg::Long("ignore") => {
                    let value = args.value()?;
                    ignore = value
                        .parse()
                        .map_err(|_| Failure::Fatal(format!("invalid number: '{value}'")))?;
                }
                Arg::Value(v) => {
                    let v = args::into_string(v)?;
                    return Err(Failure::Usage(format!("extra operand '{v}'")));
                }
                other => return Err(args::unexpected(other)),
            }
        }
        let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let online = cpuinfo
            .lines()
            .filter(|line| line.starts_with("processor"))
            .count()
            .max(1);
        let mut count = online;
        if !all {
            if let Some(threads) = openmp("OMP_NUM_THREADS") {
                count = threads;
            }
            if let Some(limit) = openmp("OMP_THREAD_LIMIT") {
                count = count.min(limit);
            }
        }
        writeln!(out, "{}", count.saturating_sub(ignore).max(1))?;
        Ok(0)
    })
}
