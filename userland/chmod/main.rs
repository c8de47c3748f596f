//! chmod: change files' permission bits, kept by the kernel's filesystem
//! (`wasmix:filesystem/modes`), in GNU chmod's modes, messages and statuses.

use std::fs;
use std::path::Path;
use wasmix_common::filemode::symbolic;
use wasmix_common::modechange::ModeChange;
use wasmix_common::wasi_fs::{self, EntryKind};
use wasmix_common::{Arg, Failure, Program, args, describe_io_error};

static PROGRAM: Program = Program::new(
    "chmod",
    "Usage: chmod [OPTION]... MODE[,MODE]... FILE...\n  \
     or:  chmod [OPTION]... OCTAL-MODE FILE...\n  \
     or:  chmod [OPTION]... --reference=RFILE FILE...\n\
     Change the mode of each FILE to MODE.\n\
     With --reference, change the mode of each FILE to that of RFILE.\n\n  \
     -c, --changes          like verbose but report only when a change is made\n  \
     -f, --silent, --quiet  suppress most error messages\n  \
     -v, --verbose          output a diagnostic for every file processed\n      \
     --no-preserve-root  do not treat '/' specially (the default)\n      \
     --preserve-root    fail to operate recursively on '/'\n      \
     --reference=RFILE  use RFILE's mode instead of MODE values\n  \
     -R, --recursive        change files and directories recursively\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n\n\
     Each MODE is of the form '[ugoa]*([-+=]([rwxXst]*|[ugo]))+|[-+=][0-7]+'.\n",
);

#[derive(Clone, Copy, PartialEq)]
enum Report {
    Errors,
    Nothing,
    Changes,
    Everything,
}

struct Chmod {
    change: ModeChange,
    /// The mode came from arguments that looked like options (`chmod -w`): GNU then warns
    /// when the umask kept a bit from changing.
    diagnose_surprises: bool,
    report: Report,
    recursive: bool,
    preserve_root: bool,
}

/// Splits GNU's way: `-w`, `-x`, `-rwx`, `-644` are modes, not options; the letters of
/// real options may come first (`-Rw` is `-R` and the mode `-w`).
fn separate_modes(argv: Vec<String>) -> (Vec<String>, Option<String>) {
    let mut rest = Vec::new();
    let mut mode: Option<String> = None;
    let mut operands_only = false;
    for arg in argv {
        if operands_only || arg == "-" || !arg.starts_with('-') || arg.starts_with("--") {
            operands_only |= arg == "--";
            rest.push(arg);
            continue;
        }
        let letters = &arg[1..];
        match letters.find(|c: char| !"Rcfv".contains(c)) {
            Some(at) if "rwxXstugoa,+-=01234567".contains(&letters[at..at + 1]) => {
                if at > 0 {
                    rest.push(format!("-{}", &letters[..at]));
                }
                let piece = format!("-{}", &letters[at..]);
                mode = Some(match mode {
                    Some(before) => format!("{before},{piece}"),
                    None => piece,
                });
            }
            _ => rest.push(arg),
        }
    }
    (rest, mode)
}

fn main() {
    PROGRAM.run(|_, _| {
        let (argv, option_mode) = separate_modes(std::env::args().skip(1).collect());
        let mut args = args::Args::from_vec(&PROGRAM, argv);
        let mut report = Report::Errors;
        let (mut recursive, mut preserve_root) = (false, false);
        let mut reference = None;
        let mut operands = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('c') | Arg::Long("changes") => report = Report::Changes,
                Arg::Short('f') | Arg::Long("silent" | "quiet") => report = Report::Nothing,
                Arg::Short('v') | Arg::Long("verbose") => report = Report::Everything,
                Arg::Short('R') | Arg::Long("recursive") => recursive = true,
                Arg::Long("preserve-root") => preserve_root = true,
                Arg::Long("no-preserve-root") => preserve_root = false,
                Arg::Long("reference") => reference = Some(args.value()?),
                Arg::Value(v) => operands.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let diagnose_surprises = option_mode.is_some();
        let change = match (reference, option_mode) {
            (Some(file), _) => {
                let mode = wasi_fs::mode(Path::new(&file), true).map_err(|e| {
                    Failure::Fatal(format!(
                        "failed to get attributes of '{file}': {}",
                        describe_io_error(&e)
                    ))
                })?;
                ModeChange::parse(&format!("0{mode:o}")).expect("an octal mode parses")
            }
            (None, Some(text)) => parse(&text)?,
            (None, None) => {
                if operands.is_empty() {
                    return Err(Failure::Usage("missing operand".into()));
                }
                parse(&operands.remove(0))?
            }
        };
        if operands.is_empty() {
            return Err(Failure::Usage(match std::env::args().next_back() {
                Some(last) if std::env::args().len() > 1 => {
                    format!("missing operand after '{last}'")
                }
                _ => "missing operand".into(),
            }));
        }
        let chmod = Chmod {
            change,
            diagnose_surprises,
            report,
            recursive,
            preserve_root,
        };
        let mut ok = true;
        for file in &operands {
            ok &= chmod.operand(file);
        }
        Ok(if ok { 0 } else { 1 })
    })
}

fn parse(text: &str) -> Result<ModeChange, Failure> {
    ModeChange::parse(text).ok_or_else(|| Failure::Usage(format!("invalid mode: '{text}'")))
}

impl Chmod {
    fn warn(&self, message: String) {
        if self.report != Report::Nothing {
            PROGRAM.warn(message);
        }
    }

    /// A command-line operand: a symlink is followed; with -R, a directory's tree too.
    fn operand(&self, file: &str) -> bool {
        let meta = match fs::metadata(file) {
            Ok(meta) => meta,
            Err(e) => {
                let dangling = fs::symlink_metadata(file).is_ok();
                if dangling {
                    self.warn(format!("cannot operate on dangling symlink '{file}'"));
                } else {
                    self.warn(format!("cannot access '{file}': {}", describe_io_error(&e)));
                }
                return false;
            }
        };
        if self.recursive
            && self.preserve_root
            && Path::new(file).canonicalize().ok() == Some(Path::new("/").to_path_buf())
        {
            PROGRAM.warn("it is dangerous to operate recursively on '/'");
            PROGRAM.warn("use --no-preserve-root to override this failsafe");
            return false;
        }
        let mut ok = self.change_one(file, meta.is_dir());
        if self.recursive && meta.is_dir() {
            ok &= self.tree(file);
        }
        ok
    }

    /// Below a directory, symlinks are left alone, as GNU's -R does by default.
    fn tree(&self, dir: &str) -> bool {
        let entries = match wasi_fs::list_dir(Path::new(dir)) {
            Ok(entries) => entries,
            Err(e) => {
                self.warn(format!(
                    "cannot read directory '{dir}': {}",
                    describe_io_error(&e)
                ));
                return false;
            }
        };
        let mut ok = true;
        for (name, kind) in entries {
            let path = if dir.ends_with('/') {
                format!("{dir}{name}")
            } else {
                format!("{dir}/{name}")
            };
            match kind {
                EntryKind::Symlink => {
                    if self.report == Report::Everything {
                        println!("neither symbolic link '{path}' nor referent has been changed");
                    }
                }
                EntryKind::Directory => {
                    ok &= self.change_one(&path, true);
                    ok &= self.tree(&path);
                }
                _ => ok &= self.change_one(&path, false),
            }
        }
        ok
    }

    fn change_one(&self, file: &str, is_dir: bool) -> bool {
        let path = Path::new(file);
        let old = match wasi_fs::mode(path, true) {
            Ok(mode) => mode,
            Err(e) => {
                self.warn(format!("cannot access '{file}': {}", describe_io_error(&e)));
                return false;
            }
        };
        let new = self.change.apply(old, is_dir, wasi_fs::umask());
        let result = if new == old {
            Ok(())
        } else {
            wasi_fs::set_mode(path, true, new)
        };
        let changed = result.is_ok() && new != old;
        match self.report {
            Report::Everything => self.describe(file, old, new, result.is_ok() && changed),
            Report::Changes if changed => self.describe(file, old, new, true),
            _ => {}
        }
        if let Err(e) = result {
            self.warn(format!(
                "changing permissions of '{file}': {}",
                describe_io_error(&e)
            ));
            return false;
        }
        if self.diagnose_surprises {
            let expected = self.change.apply(old, is_dir, 0);
            if new & !expected != 0 {
                self.warn(format!(
                    "{file}: new permissions are {}, not {}",
                    symbolic(new),
                    symbolic(expected)
                ));
                return false;
            }
        }
        true
    }

    fn describe(&self, file: &str, old: u32, new: u32, changed: bool) {
        if changed {
            println!(
                "mode of '{file}' changed from {old:04o} ({}) to {new:04o} ({})",
                symbolic(old),
                symbolic(new)
            );
        } else {
            println!("mode of '{file}' retained as {old:04o} ({})", symbolic(old));
        }
    }
}
