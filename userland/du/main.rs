//! du: estimate file space usage, from file sizes (WASI reports no disk blocks).

use std::fs;
use std::io::Write;
use std::path::Path;
use wasmix_common::numbers::human_size;
use wasmix_common::wasi_fs::{Directory, EntryKind};
use wasmix_common::{Arg, Failure, Output, Program, args, describe_io_error};

static PROGRAM: Program = Program::new(
    "du",
    "Usage: du [OPTION]... [FILE]...\n\
     Summarize the space used by each FILE, recursively for directories: the sum of\n\
     file sizes, in 1024-byte units.\n\n  \
     -a, --all             write counts for all files, not just directories\n      \
     --apparent-size   count directories' own sizes too, as GNU's du counts\n                          \
     apparent sizes\n  \
     -b, --bytes           equivalent to '--apparent-size', in bytes\n  \
     -h, --human-readable  print sizes in human readable format (e.g., 1K 234M 2G)\n  \
     -s, --summarize       display only a total for each argument\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

struct Options {
    all: bool,
    /// Directories' own sizes count too.
    apparent: bool,
    /// Sizes in bytes, not 1024-byte units.
    bytes: bool,
    human: bool,
    summarize: bool,
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut options = Options {
            all: false,
            apparent: false,
            bytes: false,
            human: false,
            summarize: false,
        };
        let mut paths = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('a') | Arg::Long("all") => options.all = true,
                Arg::Long("apparent-size") => options.apparent = true,
                Arg::Short('b') | Arg::Long("bytes") => {
                    options.apparent = true;
                    options.bytes = true;
                }
                Arg::Short('h') | Arg::Long("human-readable") => options.human = true,
                Arg::Short('s') | Arg::Long("summarize") => options.summarize = true,
                Arg::Value(v) => paths.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if paths.is_empty() {
            paths.push(".".into());
        }
        let mut status = 0;
        for path in paths {
            let mut failed = false;
            let total = usage(&path, 0, &options, out, &mut failed)?;
            if options.summarize {
                print_size(out, total, &path, &options)?;
            }
            if failed {
                status = 1;
            }
        }
        Ok(status)
    })
}

fn print_size(out: &mut Output, bytes: u64, path: &str, options: &Options) -> Result<(), Failure> {
    let shown = if options.human {
        human_size(bytes)
    } else if options.bytes {
        bytes.to_string()
    } else {
        bytes.div_ceil(1024).to_string()
    };
    writeln!(out, "{shown}\t{path}")?;
    Ok(())
}

/// Bytes used at and below `path`, printing each directory (and file, with -a) on the way.
fn usage(
    path: &str,
    depth: usize,
    options: &Options,
    out: &mut Output,
    failed: &mut bool,
) -> Result<u64, Failure> {
    let meta = match fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) => {
            PROGRAM.warn(format!("cannot access '{path}': {}", describe_io_error(&e)));
            *failed = true;
            return Ok(0);
        }
    };
    if !meta.is_dir() {
        if !options.summarize && (options.all || depth == 0) {
            print_size(out, meta.len(), path, options)?;
        }
        return Ok(meta.len());
    }
    let mut total = if options.apparent { meta.len() } else { 0 };
    // Each entry is looked up by name in the directory held open: one name for the kernel
    // to walk, where a whole path would be walked again from the root.
    let listed = Directory::open(Path::new(path)).and_then(|dir| Ok((dir.entries()?, dir)));
    match listed {
        Ok((entries, dir)) => {
            let mut names: Vec<String> = entries.into_iter().map(|(name, _)| name).collect();
            names.sort();
            for name in names {
                let child = format!("{}/{name}", path.trim_end_matches('/'));
                total += match dir.size_and_kind(&name) {
                    Ok((_, EntryKind::Directory)) => {
                        usage(&child, depth + 1, options, out, failed)?
                    }
                    Ok((size, _)) => {
                        if options.all && !options.summarize {
                            print_size(out, size, &child, options)?;
                        }
                        size
                    }
                    Err(e) => {
                        let reason = describe_io_error(&e);
                        PROGRAM.warn(format!("cannot access '{child}': {reason}"));
                        *failed = true;
                        0
                    }
                };
            }
        }
        Err(e) => {
            PROGRAM.warn(format!(
                "cannot read directory '{path}': {}",
                describe_io_error(&e)
            ));
            *failed = true;
        }
    }
    if !options.summarize {
        print_size(out, total, path, options)?;
    }
    Ok(total)
}
