//! shred: overwrite files with random bytes and patterns, then optionally remove them,
//! renaming each away first so that the name too is hard to recover.

mod passes;

use passes::Pass;
use std::fs::{File, OpenOptions};
use std::io::{Seek, SeekFrom};
use std::path::{Path, PathBuf};
use wasmix_common::{Arg, Failure, Program, args, describe_io_error, numbers, wasi_fs};

static PROGRAM: Program = Program::new(
    "shred",
    "Usage: shred [OPTION]... FILE...\n\
     Overwrite the specified FILE(s) repeatedly, in order to make it harder\n\
     for even very expensive hardware probing to recover the data.\n\n\
     Mandatory arguments to long options are mandatory for short options too.\n  \
     -f, --force    change permissions to allow writing if necessary\n  \
     -n, --iterations=N  overwrite N times instead of the default (3)\n      \
     --random-source=FILE  get random bytes from FILE\n  \
     -s, --size=N   shred this many bytes (suffixes like K, M, G accepted)\n  \
     -u             deallocate and remove file after overwriting\n      \
     --remove[=HOW]  like -u but give control on HOW to delete;  See below\n  \
     -v, --verbose  show progress\n  \
     -x, --exact    do not round file sizes up to the next full block;\n                   \
     this is the default for non-regular files\n  \
     -z, --zero     add a final overwrite with zeros to hide shredding\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n\n\
     Delete FILE(s) if --remove (-u) is specified.  HOW is 'unlink' (remove the\n\
     name), 'wipe' (rename it to shorter and shorter names of zeros first) or\n\
     'wipesync' (the default, the same with each rename synced).\n",
);

/// Linux's block size for a regular file: a file is overwritten to a whole block.
const BLOCK: u64 = 4096;

#[derive(Clone, Copy, PartialEq)]
enum Removal {
    Keep,
    Unlink,
    Wipe,
    /// Wipe, with the directory synced after each rename.
    WipeSync,
}

struct Options {
    force: bool,
    iterations: usize,
    random_source: Option<String>,
    size: Option<u64>,
    removal: Removal,
    verbose: bool,
    exact: bool,
    zero: bool,
}

fn main() {
    PROGRAM.run(|mut args, _| {
        let mut options = Options {
            force: false,
            iterations: 3,
            random_source: None,
            size: None,
            removal: Removal::Keep,
            verbose: false,
            exact: false,
            zero: false,
        };
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('f') | Arg::Long("force") => options.force = true,
                Arg::Short('n') | Arg::Long("iterations") => {
                    let text = args.value()?;
                    options.iterations = text.parse().map_err(|_| {
                        Failure::Fatal(format!("invalid number of passes: '{text}'"))
                    })?;
                }
                Arg::Long("random-source") => options.random_source = Some(args.value()?),
                Arg::Short('s') | Arg::Long("size") => {
                    let text = args.value()?;
                    options.size =
                        Some(numbers::parse_size(&text).ok_or_else(|| {
                            Failure::Fatal(format!("invalid file size: '{text}'"))
                        })?);
                }
                Arg::Short('u') => options.removal = Removal::WipeSync,
                Arg::Long("remove") => {
                    options.removal = match args.optional_value() {
                        None => Removal::WipeSync,
                        Some(how) => args::argmatch(
                            &how,
                            "--remove",
                            &[
                                ("unlink", Removal::Unlink),
                                ("wipe", Removal::Wipe),
                                ("wipesync", Removal::WipeSync),
                            ],
                        )?,
                    };
                }
                Arg::Short('v') | Arg::Long("verbose") => options.verbose = true,
                Arg::Short('x') | Arg::Long("exact") => options.exact = true,
                Arg::Short('z') | Arg::Long("zero") => options.zero = true,
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if files.is_empty() {
            return Err(Failure::Usage("missing file operand".into()));
        }
        let mut random = match &options.random_source {
            None => passes::Random::Kernel,
            Some(name) => passes::Random::File(
                name.clone(),
                File::open(name)
                    .map_err(|e| Failure::Fatal(format!("{name}: {}", describe_io_error(&e))))?,
            ),
        };
        let plan = passes::plan(options.iterations, options.zero);
        let mut status = 0;
        for name in &files {
            if let Err(message) = shred(name, &options, &plan, &mut random) {
                PROGRAM.warn(message);
                status = 1;
            }
        }
        Ok(status)
    })
}

/// Overwrites one file by `plan`, then removes it if asked.
fn shred(
    name: &str,
    options: &Options,
    plan: &[Pass],
    random: &mut passes::Random,
) -> Result<(), String> {
    let path = Path::new(name);
    let mut file = open(path, options.force).map_err(|e| {
        format!(
            "{name}: failed to open for writing: {}",
            describe_io_error(&e)
        )
    })?;
    let failed = |e: std::io::Error| format!("{name}: {}", describe_io_error(&e));
    let meta = file.metadata().map_err(failed)?;
    let size = match options.size {
        Some(size) => size,
        None if options.exact || !meta.is_file() => meta.len(),
        None => meta.len().div_ceil(BLOCK) * BLOCK,
    };
    for (index, pass) in plan.iter().enumerate() {
        if options.verbose {
            PROGRAM.warn(format!(
                "{name}: pass {}/{} ({})...",
                index + 1,
                plan.len(),
                pass.label()
            ));
        }
        file.seek(SeekFrom::Start(0)).map_err(failed)?;
        pass.write(&mut file, name, size, random)?;
        file.sync_data().map_err(failed)?;
    }
    drop(file);
    if options.removal != Removal::Keep {
        remove(path, name, options).map_err(failed)?;
    }
    Ok(())
}

fn open(path: &Path, force: bool) -> std::io::Result<File> {
    match OpenOptions::new().write(true).open(path) {
        Err(e) if force && e.kind() == std::io::ErrorKind::PermissionDenied => {
            let mode = wasi_fs::mode(path, true)?;
            wasi_fs::set_mode(path, true, mode | 0o200)?;
            OpenOptions::new().write(true).open(path)
        }
        opened => opened,
    }
}

/// Removes the file, first renaming it (`wipe`) to names of zeros, each shorter than the
/// last, as GNU's shred does, so that the directory keeps no trace of the name.
fn remove(path: &Path, name: &str, options: &Options) -> std::io::Result<()> {
    if options.verbose {
        PROGRAM.warn(format!("{name}: removing"));
    }
    let mut current = path.to_path_buf();
    if options.removal != Removal::Unlink {
        let directory = path.parent().map_or_else(PathBuf::new, Path::to_path_buf);
        let length = path.file_name().map_or(0, |n| n.len());
        for size in (1..=length).rev() {
            let Some(next) = free_name(&directory, size) else {
                continue;
            };
            std::fs::rename(&current, &next)?;
            if options.removal == Removal::WipeSync {
                let synced = if directory.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    &directory
                };
                // As GNU's, a directory that cannot be synced is no reason to stop.
                let _ = File::open(synced).and_then(|directory| directory.sync_all());
            }
            if options.verbose {
                PROGRAM.warn(format!(
                    "{}: renamed to {}",
                    current.display(),
                    next.display()
                ));
            }
            current = next;
        }
    }
    std::fs::remove_file(&current)?;
    if options.verbose {
        PROGRAM.warn(format!("{name}: removed"));
    }
    Ok(())
}

/// The first name of `size` characters from GNU's alphabet that is not taken, counting up
/// from all zeros.
fn free_name(directory: &Path, size: usize) -> Option<PathBuf> {
    const ALPHABET: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_.";
    let mut digits = vec![0usize; size];
    loop {
        let name: String = digits.iter().map(|&d| char::from(ALPHABET[d])).collect();
        let candidate = directory.join(&name);
        if candidate.symlink_metadata().is_err() {
            return Some(candidate);
        }
        // The next name, as counting in base 64 from the right.
        let mut at = size;
        loop {
            if at == 0 {
                return None;
            }
            at -= 1;
            digits[at] += 1;
            if digits[at] < ALPHABET.len() {
                break;
            }
            digits[at] = 0;
        }
    }
}
