//! mkdir: make directories.

use std::fs;
use std::io::{self, Write};
use std::path::Path;
use wasmix_common::modechange::ModeChange;
use wasmix_common::{Arg, Failure, Program, args, describe_io_error, wasi_fs};

static PROGRAM: Program = Program::new(
    "mkdir",
    "Usage: mkdir [OPTION]... DIRECTORY...\n\
     Create the DIRECTORY(ies), if they do not already exist.\n\n  \
     -m, --mode=MODE   set file mode (as in chmod), not a=rwx - umask\n  \
     -p, --parents     no error if existing, make parent directories as needed\n  \
     -v, --verbose     print a message for each created directory\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut parents = false;
        let mut verbose = false;
        let mut mode = None;
        let mut dirs = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('p') | Arg::Long("parents") => parents = true,
                Arg::Short('v') | Arg::Long("verbose") => verbose = true,
                Arg::Short('m') | Arg::Long("mode") => {
                    let text = args.value()?;
                    let change = ModeChange::parse(&text)
                        .ok_or_else(|| Failure::Fatal(format!("invalid mode '{text}'")))?;
                    mode = Some(change.apply(0o777, true, wasi_fs::umask()));
                }
                Arg::Value(v) => dirs.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if dirs.is_empty() {
            return Err(Failure::Usage("missing operand".into()));
        }
        let mut status = 0;
        for dir in dirs {
            // The directory a failure is reported of: with -p, a file on the way.
            let mut failed_at = dir.clone();
            let made = match wasmix_common::names::nonempty(&dir) {
                Err(e) => Err(e),
                Ok(_) if parents => make_parents(&dir).map_err(|(at, e)| {
                    failed_at = at;
                    e
                }),
                Ok(_) => fs::create_dir(&dir).map(|()| vec![dir.clone()]),
            };
            // -m applies to the directory named, not the parents -p makes on the way.
            let made = match (made, mode) {
                (Ok(made), Some(mode)) if made.last().is_some() => {
                    wasi_fs::set_mode(Path::new(&dir), true, mode).map(|()| made)
                }
                (made, _) => made,
            };
            match made {
                Ok(made) if verbose => {
                    for dir in made {
                        writeln!(out, "mkdir: created directory '{dir}'")?;
                    }
                }
                Ok(_) => {}
                Err(e) => {
                    let reason = describe_io_error(&e);
                    PROGRAM.warn(format!("cannot create directory '{failed_at}': {reason}"));
                    status = 1;
                }
            }
        }
        Ok(status)
    })
}

/// `-p`: every missing directory on the way, in order; an existing one is fine. A
/// failure names where it happened: a file on the way, as GNU's names it (`'f': Not a
/// directory`), or else the directory asked for.
fn make_parents(dir: &str) -> Result<Vec<String>, (String, io::Error)> {
    let mut made = Vec::new();
    let mut prefix = String::new();
    let last = dir.trim_end_matches('/').split('/').count() - 1;
    for (index, part) in dir.split('/').enumerate() {
        if index > 0 {
            prefix.push('/');
        }
        prefix.push_str(part);
        if part.is_empty() || part == "." || part == ".." {
            continue;
        }
        let whole = |e: io::Error| (dir.to_string(), e);
        match fs::create_dir(&prefix) {
            Ok(()) => {
                // A parent made on the way lets its owner write and search it whatever
                // the umask says, as GNU's mkdir makes it: the next one goes inside.
                if index < last {
                    let mode = (0o777 & !wasi_fs::umask()) | 0o300;
                    wasi_fs::set_mode(Path::new(&prefix), true, mode).map_err(whole)?;
                }
                made.push(prefix.clone());
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => match fs::metadata(&prefix) {
                Ok(meta) if meta.is_dir() => {}
                Ok(_) if index < last => {
                    let not_a_directory = io::Error::from(io::ErrorKind::NotADirectory);
                    return Err((prefix, not_a_directory));
                }
                Ok(_) => return Err(whole(e)),
                Err(e) => return Err(whole(e)),
            },
            Err(e) => return Err(whole(e)),
        }
    }
    Ok(made)
}
