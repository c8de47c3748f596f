//! touch: change file timestamps, creating files that do not exist.

use std::fs::{File, FileTimes, OpenOptions};
use std::time::SystemTime;
use wasmix_common::{Arg, Failure, Program, args, describe_io_error};

static PROGRAM: Program = Program::new(
    "touch",
    "Usage: touch [OPTION]... FILE...\n\
     Update the access and modification times of each FILE to the current time.\n\
     A FILE argument that does not exist is created empty, unless -c is supplied.\n\n  \
     -c, --no-create        do not create any files\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|mut args, _| {
        let mut create = true;
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('c') | Arg::Long("no-create") => create = false,
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if files.is_empty() {
            return Err(Failure::Usage("missing file operand".into()));
        }
        let mut status = 0;
        for file in files {
            let opened = match File::open(&file) {
                Ok(handle) => Ok(Some(handle)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound && !create => Ok(None),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => OpenOptions::new()
                    .write(true)
                    .create(true)
                    .truncate(false)
                    .open(&file)
                    .map(Some),
                Err(e) => Err(e),
            };
            let now = SystemTime::now();
            let touched = opened.and_then(|handle| match handle {
                Some(handle) => {
                    handle.set_times(FileTimes::new().set_accessed(now).set_modified(now))
                }
                None => Ok(()),
            });
            if let Err(e) = touched {
                let reason = describe_io_error(&e);
                PROGRAM.warn(format!("cannot touch '{file}': {reason}"));
                status = 1;
            }
        }
        Ok(status)
    })
}
