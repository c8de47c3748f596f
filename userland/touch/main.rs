//! touch: change file timestamps, creating files that do not exist.

use jiff::{Timestamp, Zoned};
use std::fs::{File, FileTimes, OpenOptions};
use std::time::SystemTime;
use wasmix_common::datetime::{local_zone, parse, parse_stamp};
use wasmix_common::{Arg, Failure, Program, args, describe_io_error};

static PROGRAM: Program = Program::new(
    "touch",
    "Usage: touch [OPTION]... FILE...\n\
     Update the access and modification times of each FILE to the current time.\n\n\
     A FILE argument that does not exist is created empty, unless -c is supplied.\n\n  \
     -a                     change only the access time\n  \
     -c, --no-create        do not create any files\n  \
     -d, --date=STRING      parse STRING and use it instead of current time\n  \
     -f                     (ignored)\n  \
     -h, --no-dereference   affect each symbolic link instead of any referenced\n                           \
     file\n  \
     -m                     change only the modification time\n  \
     -r, --reference=FILE   use this file's times instead of current time\n  \
     -t [[CC]YY]MMDDhhmm[.ss]  use specified time instead of current time\n      \
     --time=WORD        change the specified time:\n                           \
     WORD is access, atime, or use: equivalent to -a\n                           \
     WORD is modify or mtime: equivalent to -m\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|mut args, _| {
        let mut create = true;
        let mut no_dereference = false;
        let (mut access_only, mut modify_only) = (false, false);
        let (mut date, mut stamp, mut reference) = (None, None, None);
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('a') => access_only = true,
                Arg::Short('m') => modify_only = true,
                Arg::Long("time") => match args.value()?.as_str() {
                    "access" | "atime" | "use" => access_only = true,
                    "modify" | "mtime" => modify_only = true,
                    other => {
                        return Err(Failure::Usage(format!(
                            "invalid argument '{other}' for '--time'"
                        )));
                    }
                },
                Arg::Short('c') | Arg::Long("no-create") => create = false,
                Arg::Short('f') => {}
                Arg::Short('h') | Arg::Long("no-dereference") => no_dereference = true,
                Arg::Short('d') | Arg::Long("date") => date = Some(args.value()?),
                Arg::Short('t') => stamp = Some(args.value()?),
                Arg::Short('r') | Arg::Long("reference") => reference = Some(args.value()?),
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if files.is_empty() {
            return Err(Failure::Usage("missing file operand".into()));
        }
        if date.is_some() && stamp.is_some() {
            return Err(Failure::Usage(
                "cannot specify times from more than one source".into(),
            ));
        }
        let now = Zoned::now().with_time_zone(local_zone());
        // The times to set: the reference file's, moved by -d if both are given.
        // One reading of the clock: a touched file's two times are equal, as GNU's are.
        let instant = SystemTime::now();
        let (mut accessed, mut modified) = (instant, instant);
        let mut base = now.clone();
        if let Some(name) = &reference {
            let meta = std::fs::metadata(name).map_err(|e| {
                Failure::Fatal(format!(
                    "failed to get attributes of '{name}': {}",
                    describe_io_error(&e)
                ))
            })?;
            accessed = meta.accessed()?;
            modified = meta.modified()?;
            if let Ok(moment) = Timestamp::try_from(modified) {
                base = moment.to_zoned(now.time_zone().clone());
            }
        }
        if let Some(text) = &date {
            let when = parse(text, &base)
                .ok_or_else(|| Failure::Fatal(format!("invalid date format '{text}'")))?;
            (accessed, modified) = (
                SystemTime::from(when.timestamp()),
                SystemTime::from(when.timestamp()),
            );
        }
        if let Some(text) = &stamp {
            let when = parse_stamp(text, &now)
                .ok_or_else(|| Failure::Fatal(format!("invalid date format '{text}'")))?;
            (accessed, modified) = (
                SystemTime::from(when.timestamp()),
                SystemTime::from(when.timestamp()),
            );
        }
        let mut times = FileTimes::new();
        if !modify_only || access_only {
            times = times.set_accessed(accessed);
        }
        if !access_only || modify_only {
            times = times.set_modified(modified);
        }
        let mut status = 0;
        if no_dereference {
            // The link itself: nothing is created.
            let accessed = (!modify_only || access_only).then_some(accessed);
            let modified = (!access_only || modify_only).then_some(modified);
            for file in files {
                let path = std::path::Path::new(&file);
                if let Err(e) = wasmix_common::wasi_fs::set_times(path, false, accessed, modified) {
                    let reason = describe_io_error(&e);
                    PROGRAM.warn(format!("setting times of '{file}': {reason}"));
                    status = 1;
                }
            }
            return Ok(status);
        }
        for file in files {
            let opened = match wasmix_common::names::nonempty(&file).and_then(File::open) {
                Ok(handle) => Ok(Some(handle)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound && !create => Ok(None),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound && !file.is_empty() => {
                    OpenOptions::new()
                        .write(true)
                        .create(true)
                        .truncate(false)
                        .open(&file)
                        .map(Some)
                }
                Err(e) => Err(e),
            };
            let touched = opened.and_then(|handle| match handle {
                Some(handle) => handle.set_times(times),
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
