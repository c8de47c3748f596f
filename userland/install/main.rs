//! install: copy files into place and set their mode, or make directories, as GNU's
//! install does (modes exact, not reduced by the umask; an existing target replaced).

use std::fs::{self, FileTimes};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use wasmix_common::backup::{Backups, Policy};
use wasmix_common::modechange::ModeChange;
use wasmix_common::{
    Arg, Failure, Output, Program, args, describe_io_error, file_out, tree, wasi_fs,
};

static PROGRAM: Program = Program::new(
    "install",
    concat!(
        "Usage: install [OPTION]... [-T] SOURCE DEST\n  \
     or:  install [OPTION]... SOURCE... DIRECTORY\n  \
     or:  install [OPTION]... -t DIRECTORY SOURCE...\n  \
     or:  install [OPTION]... -d DIRECTORY...\n\n\
     In the first three forms, copy SOURCE to DEST or multiple SOURCE(s) to\n\
     the existing DIRECTORY, while setting permission modes.\n\
     In the 4th form, create all components of the given DIRECTORY(ies).\n\n\
     Mandatory arguments to long options are mandatory for short options too.\n      \
     --backup[=CONTROL]  make a backup of each existing destination file\n  \
     -b                  like --backup but does not accept an argument\n  \
     -c                  (ignored)\n  \
     -C, --compare       compare content of source and destination files, and\n                        \
     if no change to the content and permissions,\n                        \
     do not modify the destination at all\n  \
     -d, --directory     treat all arguments as directory names; create all\n                        \
     components of the specified directories\n  \
     -D                  create all leading components of DEST except the last,\n                        \
     or all components of --target-directory,\n                        \
     then copy SOURCE to DEST\n  \
     -m, --mode=MODE     set permission mode (as in chmod), instead of rwxr-xr-x\n  \
     -p, --preserve-timestamps   apply access/modification times of SOURCE files\n                        \
     to corresponding destination files\n  \
     -S, --suffix=SUFFIX  override the usual backup suffix\n  \
     -t, --target-directory=DIRECTORY  copy all SOURCE arguments into DIRECTORY\n  \
     -T, --no-target-directory  treat DEST as a normal file\n  \
     -v, --verbose       print the name of each created file or directory\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
        wasmix_common::backup_help!()
    ),
);

struct Options {
    backups: Policy,
    compare: bool,
    directories: bool,
    leading: bool,
    mode: Option<ModeChange>,
    preserve_times: bool,
    target_directory: Option<String>,
    no_target_directory: bool,
    verbose: bool,
}

struct Installer<'a> {
    options: Options,
    mode: u32,
    out: &'a mut Output,
    status: u8,
}

impl Installer<'_> {
    fn fail(&mut self, message: String) {
        PROGRAM.warn(message);
        self.status = 1;
    }

    /// Every missing directory of `path`, as `mkdir -p` makes them; the last gets the mode
    /// when `last_gets_mode`, the others the umask's default with u+wx, as GNU's.
    fn make_directories(&mut self, path: &str, last_gets_mode: bool) -> io::Result<()> {
        let mut prefix = String::new();
        let parts: Vec<&str> = path.split('/').collect();
        for (index, part) in parts.iter().enumerate() {
            if index > 0 {
                prefix.push('/');
            }
            prefix.push_str(part);
            if part.is_empty() || *part == "." || *part == ".." {
                continue;
            }
            if Path::new(&prefix).is_dir() {
                continue;
            }
            fs::create_dir(&prefix)?;
            if self.options.verbose {
                writeln!(self.out, "install: creating directory '{prefix}'")?;
            }
            let is_last = parts[index + 1..].iter().all(|rest| rest.is_empty());
            let mode = if is_last && last_gets_mode {
                self.mode
            } else {
                (0o777 & !wasi_fs::umask()) | 0o300
            };
            wasi_fs::set_mode(Path::new(&prefix), true, mode)?;
        }
        if last_gets_mode {
            wasi_fs::set_mode(Path::new(path), true, self.mode)?;
        }
        Ok(())
    }

    fn directory(&mut self, path: &str) {
        if let Err(e) = self.make_directories(path, true) {
            let reason = describe_io_error(&e);
            self.fail(format!("cannot create directory '{path}': {reason}"));
        }
    }

    /// Copies `source` to `target`, replacing what was there, then sets mode and times.
    fn file(&mut self, source: &str, target: &Path) {
        let shown = target.display().to_string();
        match fs::metadata(source) {
            Err(e) => {
                let reason = describe_io_error(&e);
                return self.fail(format!("cannot stat '{source}': {reason}"));
            }
            Ok(meta) if meta.is_dir() => {
                return self.fail(format!("omitting directory '{source}'"));
            }
            Ok(_) => {}
        }
        if tree::same_file(Path::new(source), target) {
            return self.fail(format!("'{source}' and '{shown}' are the same file"));
        }
        if self.options.compare && self.unchanged(source, target) {
            return;
        }
        if fs::symlink_metadata(target).is_ok_and(|meta| meta.is_dir()) {
            return self.fail(format!(
                "cannot overwrite directory '{shown}' with non-directory"
            ));
        }
        let mut removed = false;
        let backup = match self.options.backups.back_up(target) {
            Ok(backup) => backup,
            Err(e) => {
                let reason = describe_io_error(&e);
                return self.fail(format!("cannot back up '{shown}': {reason}"));
            }
        };
        let copied = (|| {
            match fs::remove_file(target) {
                Ok(()) => removed = true,
                Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
                Err(_) => {}
            }
            file_out::copy_file(Path::new(source), target)?;
            wasi_fs::set_mode(target, true, self.mode)
        })();
        if removed && self.options.verbose {
            let _ = writeln!(self.out, "removed '{shown}'");
        }
        if let Err(e) = copied {
            let reason = describe_io_error(&e);
            return self.fail(format!("cannot create regular file '{shown}': {reason}"));
        }
        if self.options.preserve_times {
            let kept = fs::metadata(source).and_then(|meta| {
                let times = FileTimes::new()
                    .set_accessed(meta.accessed()?)
                    .set_modified(meta.modified()?);
                fs::File::options()
                    .write(true)
                    .open(target)?
                    .set_times(times)
            });
            if let Err(e) = kept {
                let reason = describe_io_error(&e);
                self.fail(format!("cannot set timestamps for '{shown}': {reason}"));
            }
        }
        if self.options.verbose {
            let _ = match backup {
                Some(backup) => writeln!(
                    self.out,
                    "'{source}' -> '{shown}' (backup: '{}')",
                    backup.display()
                ),
                None => writeln!(self.out, "'{source}' -> '{shown}'"),
            };
        }
    }

    /// -C: the target is a regular file with the same bytes and the mode to be set.
    fn unchanged(&self, source: &str, target: &Path) -> bool {
        let same_mode = wasi_fs::mode(target, false).is_ok_and(|mode| mode & 0o7777 == self.mode);
        let regular = fs::symlink_metadata(target).is_ok_and(|meta| meta.is_file());
        same_mode && regular && same_contents(Path::new(source), target).unwrap_or(false)
    }
}

fn same_contents(a: &Path, b: &Path) -> io::Result<bool> {
    if fs::metadata(a)?.len() != fs::metadata(b)?.len() {
        return Ok(false);
    }
    let (mut a, mut b) = (fs::File::open(a)?, fs::File::open(b)?);
    let (mut left, mut right) = (vec![0; 64 * 1024], vec![0; 64 * 1024]);
    loop {
        let n = a.read(&mut left)?;
        if n == 0 {
            return Ok(true);
        }
        b.read_exact(&mut right[..n])?;
        if left[..n] != right[..n] {
            return Ok(false);
        }
    }
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut options = Options {
            backups: Policy::none(),
            compare: false,
            directories: false,
            leading: false,
            mode: None,
            preserve_times: false,
            target_directory: None,
            no_target_directory: false,
            verbose: false,
        };
        let mut backups = Backups::default();
        let mut operands = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('b') => backups.ask(None),
                Arg::Long("backup") => backups.ask(args.optional_value()),
                Arg::Short('S') | Arg::Long("suffix") => backups.suffix(args.value()?),
                Arg::Short('c') => {}
                Arg::Short('C') | Arg::Long("compare") => options.compare = true,
                Arg::Short('d') | Arg::Long("directory") => options.directories = true,
                Arg::Short('D') => options.leading = true,
                Arg::Short('m') | Arg::Long("mode") => {
                    let text = args.value()?;
                    let change = ModeChange::parse(&text)
                        .ok_or_else(|| Failure::Fatal(format!("invalid mode '{text}'")))?;
                    options.mode = Some(change);
                }
                Arg::Short('p') | Arg::Long("preserve-timestamps") => options.preserve_times = true,
                Arg::Short('t') | Arg::Long("target-directory") => {
                    options.target_directory = Some(args.value()?);
                }
                Arg::Short('T') | Arg::Long("no-target-directory") => {
                    options.no_target_directory = true;
                }
                Arg::Short('v') | Arg::Long("verbose") => options.verbose = true,
                Arg::Value(v) => operands.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        options.backups = backups.policy()?;
        // A symbolic mode starts from nothing, the umask aside (`-m u+x` gives 0100).
        let mode = options
            .mode
            .as_ref()
            .map_or(0o755, |change| change.apply(0, false, 0));
        let mut installer = Installer {
            options,
            mode,
            out,
            status: 0,
        };
        run(&mut installer, operands)?;
        Ok(installer.status)
    })
}

fn run(installer: &mut Installer, mut operands: Vec<String>) -> Result<(), Failure> {
    let options = &installer.options;
    if options.directories {
        if options.target_directory.is_some() {
            return Err(Failure::Fatal(
                "target directory not allowed when installing a directory".into(),
            ));
        }
        if operands.is_empty() {
            return Err(Failure::Usage("missing file operand".into()));
        }
        for dir in operands {
            installer.directory(&dir);
        }
        return Ok(());
    }
    if let Some(dir) = options.target_directory.clone() {
        if options.no_target_directory {
            return Err(Failure::Usage(
                "cannot combine --target-directory (-t) and --no-target-directory (-T)".into(),
            ));
        }
        if operands.is_empty() {
            return Err(Failure::Usage("missing file operand".into()));
        }
        if options.leading
            && let Err(e) = installer.make_directories(&dir, false)
        {
            return Err(Failure::Fatal(format!(
                "cannot create directory '{dir}': {}",
                describe_io_error(&e)
            )));
        }
        let reason = match fs::metadata(&dir) {
            Err(e) => Some(describe_io_error(&e)),
            Ok(meta) if !meta.is_dir() => Some("Not a directory".to_string()),
            Ok(_) => None,
        };
        if let Some(reason) = reason {
            return Err(Failure::Fatal(format!(
                "failed to access '{dir}': {reason}"
            )));
        }
        return into_directory(installer, &operands, &dir);
    }
    match operands.len() {
        0 => return Err(Failure::Usage("missing file operand".into())),
        1 => {
            return Err(Failure::Usage(format!(
                "missing destination file operand after '{}'",
                operands[0]
            )));
        }
        _ => {}
    }
    let Some(target) = operands.pop() else {
        return Ok(());
    };
    let leading = options.leading;
    if operands.len() == 1 && (options.no_target_directory || !Path::new(&target).is_dir()) {
        if leading
            && let Some(parent) = Path::new(&target).parent().and_then(Path::to_str)
            && !parent.is_empty()
            && let Err(e) = installer.make_directories(parent, false)
        {
            return Err(Failure::Fatal(format!(
                "cannot create directory '{parent}': {}",
                describe_io_error(&e)
            )));
        }
        installer.file(&operands[0], Path::new(&target));
        return Ok(());
    }
    if options.no_target_directory {
        return Err(Failure::Usage(format!("extra operand '{target}'")));
    }
    match fs::metadata(&target) {
        Err(e) => {
            let reason = describe_io_error(&e);
            return Err(Failure::Fatal(format!("target '{target}': {reason}")));
        }
        Ok(meta) if !meta.is_dir() => {
            return Err(Failure::Fatal(format!(
                "target '{target}': Not a directory"
            )));
        }
        Ok(_) => {}
    }
    into_directory(installer, &operands, &target)
}

fn into_directory(installer: &mut Installer, sources: &[String], dir: &str) -> Result<(), Failure> {
    for source in sources {
        let name = Path::new(source.trim_end_matches('/'))
            .file_name()
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(source));
        installer.file(source, &Path::new(dir).join(name));
    }
    Ok(())
}
