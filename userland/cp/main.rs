//! cp: copy files and directories, following symlinks as GNU does: a symlink operand is
//! followed unless copying recursively (-R alone copies the link), -L always, -H only on
//! the command line, -P and -d never.

use std::collections::HashMap;
use std::fs::{self, FileTimes};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use wasmix_common::backup::{Backups, Policy};
use wasmix_common::wasi_fs::{self, EntryKind, list_dir, symlink};
use wasmix_common::{Arg, Failure, Program, args, describe_io_error, file_out, prompt, tree};

static PROGRAM: Program = Program::new(
    "cp",
    concat!(
        "Usage: cp [OPTION]... [-T] SOURCE DEST\n  \
     or:  cp [OPTION]... SOURCE... DIRECTORY\n  \
     or:  cp [OPTION]... -t DIRECTORY SOURCE...\n\
     Copy SOURCE to DEST, or multiple SOURCE(s) to DIRECTORY.\n\n  \
     -a, --archive                same as -dR --preserve=all\n      \
     --attributes-only        don't copy the file data, just the attributes\n      \
     --backup[=CONTROL]       make a backup of each existing destination file\n  \
     -b                           like --backup but does not accept an argument\n  \
     -d                           same as --no-dereference --preserve=links\n  \
     -f, --force                  if an existing destination file cannot be\n                                 \
     opened, remove it and try again\n  \
     -H                           follow command-line symbolic links in SOURCE\n  \
     -i, --interactive            prompt before overwrite (overrides a previous -n\n                                  \
     option)\n  \
     -l, --link                   hard link files instead of copying\n  \
     -L, --dereference            always follow symbolic links in SOURCE\n  \
     -n, --no-clobber             do not overwrite an existing file\n  \
     -P, --no-dereference         never follow symbolic links in SOURCE\n  \
     -p                           same as --preserve=mode,ownership,timestamps\n      \
     --preserve[=ATTR_LIST]   preserve the specified attributes\n      \
     --no-preserve=ATTR_LIST  don't preserve the specified attributes\n      \
     --parents                use full source file name under DIRECTORY\n  \
     -R, -r, --recursive          copy directories recursively\n      \
     --remove-destination     remove each existing destination file before\n                                 \
     attempting to open it (contrast with --force)\n      \
     -s, --symbolic-link          make symbolic links instead of copying\n  \
     -S, --suffix=SUFFIX          override the usual backup suffix\n  \
     -t, --target-directory=DIRECTORY  copy all SOURCE arguments into DIRECTORY\n  \
     -T, --no-target-directory    treat DEST as a normal file\n  \
     -u, --update                 copy only when the SOURCE file is newer\n                                 \
     than the destination file or when the\n                                 \
     destination file is missing\n  \
     -v, --verbose                explain what is being done\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
        wasmix_common::backup_help!()
    ),
);

#[derive(Clone, Copy, PartialEq)]
enum Follow {
    /// The default: follow a symlink operand unless copying recursively.
    Default,
    Never,
    CommandLine,
    Always,
}

/// What a file is copied as.
#[derive(Clone, Copy, PartialEq)]
enum Make {
    Copy,
    /// `-l`: a hard link to the source.
    HardLink,
    /// `-s`: a symbolic link to the source.
    SymbolicLink,
    /// `--attributes-only`: an empty file with the source's attributes.
    Attributes,
}

struct Options {
    recursive: bool,
    make: Make,
    backups: Policy,
    remove_destination: bool,
    follow: Follow,
    preserve_times: bool,
    preserve_mode: bool,
    /// Files hard-linked to each other in the source are so in the copy.
    preserve_links: bool,
    no_clobber: bool,
    interactive: bool,
    update: bool,
    force: bool,
    verbose: bool,
}

struct Copier<'o> {
    options: Options,
    out: &'o mut dyn Write,
    status: u8,
    /// With `preserve_links`, the copy made of each multiply linked source file.
    copies: HashMap<u64, PathBuf>,
}

impl Copier<'_> {
    fn fail(&mut self, message: String) {
        PROGRAM.warn(message);
        self.status = 1;
    }

    /// Copies one operand to its destination.
    fn operand(&mut self, source: &Path, target: &Path) -> io::Result<()> {
        let follow = match self.options.follow {
            Follow::Default => !self.options.recursive,
            Follow::Never => false,
            Follow::CommandLine | Follow::Always => true,
        };
        let meta = if follow {
            fs::metadata(source)
        } else {
            fs::symlink_metadata(source)
        };
        let meta = match meta {
            Ok(meta) => meta,
            Err(e) => {
                let reason = describe_io_error(&e);
                self.fail(format!("cannot stat '{}': {reason}", source.display()));
                return Ok(());
            }
        };
        let kind = EntryKind::at(source, &meta);
        if kind == EntryKind::Directory {
            if !self.options.recursive {
                let shown = source.display();
                self.fail(format!("-r not specified; omitting directory '{shown}'"));
                return Ok(());
            }
            if tree::is_within(source, target) {
                self.fail(format!(
                    "cannot copy a directory, '{}', into itself, '{}'",
                    source.display(),
                    target.display()
                ));
                return Ok(());
            }
        }
        if kind != EntryKind::Symlink && tree::same_file(source, target) {
            self.fail(format!(
                "'{}' and '{}' are the same file",
                source.display(),
                target.display()
            ));
            return Ok(());
        }
        self.entry(source, kind, target)
    }

    /// Copies `source`, of a known kind, to `target`; inside a tree only -L follows links.
    fn entry(&mut self, source: &Path, kind: EntryKind, target: &Path) -> io::Result<()> {
        let existing = match fs::symlink_metadata(target) {
            Ok(meta) => Some(meta),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => {
                let reason = describe_io_error(&e);
                self.fail(format!("cannot stat '{}': {reason}", target.display()));
                return Ok(());
            }
        };
        let target_is_dir = existing.as_ref().is_some_and(|m| m.is_dir());
        if kind == EntryKind::Directory {
            if existing.is_some() && !target_is_dir {
                self.fail(format!(
                    "cannot overwrite non-directory '{}' with directory '{}'",
                    target.display(),
                    source.display()
                ));
                return Ok(());
            }
            if !target_is_dir {
                if let Err(e) = fs::create_dir(target) {
                    let reason = describe_io_error(&e);
                    self.fail(format!(
                        "cannot create directory '{}': {reason}",
                        target.display()
                    ));
                    return Ok(());
                }
                self.said(source, target)?;
            }
            let entries = match list_dir(source) {
                Ok(entries) => entries,
                Err(e) => {
                    let reason = describe_io_error(&e);
                    self.fail(format!("cannot access '{}': {reason}", source.display()));
                    return Ok(());
                }
            };
            for (name, mut kind) in entries {
                let from = source.join(&name);
                if kind == EntryKind::Symlink && self.options.follow == Follow::Always {
                    kind = fs::metadata(&from).map_or(kind, |m| EntryKind::at(&from, &m));
                }
                self.entry(&from, kind, &target.join(&name))?;
            }
            self.keep_mode(source, target, !target_is_dir);
            return self.keep_times(source, target);
        }
        if target_is_dir {
            self.fail(format!(
                "cannot overwrite directory '{}' with non-directory",
                target.display()
            ));
            return Ok(());
        }
        if existing.is_some() && self.skipped(source, target) {
            return Ok(());
        }
        let mut backup = None;
        if existing.is_some() {
            match self.clear_target(target) {
                Ok(made) => backup = made,
                Err(e) => {
                    let reason = describe_io_error(&e);
                    self.fail(format!("cannot back up '{}': {reason}", target.display()));
                    return Ok(());
                }
            }
        }
        if self.options.make != Make::Copy && self.options.make != Make::Attributes {
            return self.link(source, target, backup);
        }
        if self.options.preserve_links
            && kind != EntryKind::Directory
            && self.linked(source, target)?
        {
            return Ok(());
        }
        // With -R a FIFO is made anew, as GNU's cp makes one; without, its data is copied.
        let new_fifo = kind == EntryKind::Fifo && self.options.recursive;
        let copied = if kind == EntryKind::Symlink {
            let _ = fs::remove_file(target);
            fs::read_link(source).and_then(|link| symlink(&link, target))
        } else if new_fifo {
            let _ = fs::remove_file(target);
            wasi_fs::mode(source, false).and_then(|mode| wasi_fs::make_fifo(target, mode))
        } else if self.options.make == Make::Attributes {
            fs::OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(false)
                .open(target)
                .map(drop)
        } else {
            let mut copied = file_out::copy_file(source, target);
            if copied.is_err() && self.options.force && existing.is_some() {
                let _ = fs::remove_file(target);
                copied = file_out::copy_file(source, target);
            }
            copied.map(drop)
        };
        match copied {
            Ok(()) => {
                self.said_with_backup(source, target, backup)?;
                if kind != EntryKind::Symlink {
                    self.keep_mode(source, target, existing.is_none());
                    self.keep_times(source, target)?;
                }
            }
            Err(e) => {
                let reason = describe_io_error(&e);
                let what = if kind == EntryKind::Symlink {
                    "cannot create symbolic link"
                } else if new_fifo {
                    "cannot create fifo"
                } else {
                    "cannot create regular file"
                };
                self.fail(format!("{what} '{}': {reason}", target.display()));
            }
        }
        Ok(())
    }

    /// With links preserved: whether `source` is a file met before under another name,
    /// now linked to its copy. The first copy of a multiply linked file is remembered.
    fn linked(&mut self, source: &Path, target: &Path) -> io::Result<bool> {
        let Ok(identity) = wasi_fs::identity(source, false) else {
            return Ok(false);
        };
        if identity.links < 2 {
            return Ok(false);
        }
        let Some(first) = self.copies.get(&identity.inode).cloned() else {
            self.copies.insert(identity.inode, target.to_path_buf());
            return Ok(false);
        };
        let _ = fs::remove_file(target);
        match fs::hard_link(&first, target) {
            Ok(()) => self.said(source, target)?,
            Err(e) => {
                let reason = describe_io_error(&e);
                self.fail(format!(
                    "cannot create hard link '{}' to '{}': {reason}",
                    target.display(),
                    first.display()
                ));
            }
        }
        Ok(true)
    }

    /// Whether -n, -u or the answer to -i leaves an existing target as it is.
    fn skipped(&self, source: &Path, target: &Path) -> bool {
        if self.options.no_clobber {
            return true;
        }
        if self.options.update {
            let modified = |p: &Path| fs::metadata(p).and_then(|m| m.modified()).ok();
            if let (Some(from), Some(to)) = (modified(source), modified(target))
                && from <= to
            {
                return true;
            }
        }
        let question = format!("overwrite '{}'? ", target.display());
        self.options.interactive && !prompt::ask(&PROGRAM, &question)
    }

    fn said(&mut self, source: &Path, target: &Path) -> io::Result<()> {
        self.said_with_backup(source, target, None)
    }

    fn said_with_backup(
        &mut self,
        source: &Path,
        target: &Path,
        backup: Option<PathBuf>,
    ) -> io::Result<()> {
        if self.options.verbose {
            write!(self.out, "'{}' -> '{}'", source.display(), target.display())?;
            if let Some(backup) = backup {
                write!(self.out, " (backup: '{}')", backup.display())?;
            }
            writeln!(self.out)?;
        }
        Ok(())
    }

    /// Makes way for a new file at `target`, which exists: its backup (the name it got),
    /// or with `--remove-destination` its removal.
    fn clear_target(&mut self, target: &Path) -> io::Result<Option<PathBuf>> {
        let backup = self.options.backups.back_up(target)?;
        if backup.is_none() && self.options.remove_destination {
            fs::remove_file(target)?;
            if self.options.verbose {
                writeln!(self.out, "removed '{}'", target.display())?;
            }
        }
        Ok(backup)
    }

    /// `-l` and `-s`: a link to `source` at `target` instead of a copy. A symbolic link
    /// holds the source's name as given, so it must be absolute unless the link is made
    /// in the working directory.
    fn link(&mut self, source: &Path, target: &Path, backup: Option<PathBuf>) -> io::Result<()> {
        let made = if self.options.make == Make::HardLink {
            let made = fs::hard_link(source, target);
            match made {
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && self.options.force => {
                    let _ = fs::remove_file(target);
                    fs::hard_link(source, target)
                }
                other => other,
            }
        } else {
            let in_working_directory = target.parent().is_none_or(|p| p.as_os_str().is_empty());
            if !source.is_absolute() && !in_working_directory {
                self.fail(format!(
                    "{}: can make relative symbolic links only in current directory",
                    target.display()
                ));
                return Ok(());
            }
            if self.options.force {
                let _ = fs::remove_file(target);
            }
            symlink(source, target)
        };
        match made {
            Ok(()) => self.said_with_backup(source, target, backup),
            Err(e) => {
                let reason = describe_io_error(&e);
                let what = if self.options.make == Make::HardLink {
                    format!("hard link '{}' to '{}'", target.display(), source.display())
                } else {
                    format!(
                        "symbolic link '{}' to '{}'",
                        target.display(),
                        source.display()
                    )
                };
                self.fail(format!("cannot create {what}: {reason}"));
                Ok(())
            }
        }
    }

    /// A new copy gets the source's mode less the umask, as GNU's; with -p, an existing
    /// target too, and the mode exactly.
    fn keep_mode(&mut self, source: &Path, target: &Path, created: bool) {
        if !created && !self.options.preserve_mode {
            return;
        }
        let Ok(mode) = wasi_fs::mode(source, true) else {
            return;
        };
        let mode = if self.options.preserve_mode {
            mode
        } else {
            mode & !wasi_fs::umask() & 0o777
        };
        if let Err(e) = wasi_fs::set_mode(target, true, mode) {
            let reason = describe_io_error(&e);
            self.fail(format!(
                "preserving permissions for '{}': {reason}",
                target.display()
            ));
        }
    }

    /// -p: the copy gets the source's access and modification times.
    fn keep_times(&mut self, source: &Path, target: &Path) -> io::Result<()> {
        if !self.options.preserve_times {
            return Ok(());
        }
        let kept = fs::metadata(source).and_then(|meta| {
            let times = FileTimes::new()
                .set_accessed(meta.accessed()?)
                .set_modified(meta.modified()?);
            fs::File::open(target)?.set_times(times)
        });
        if let Err(e) = kept {
            let reason = describe_io_error(&e);
            self.fail(format!(
                "preserving times for '{}': {reason}",
                target.display()
            ));
        }
        Ok(())
    }
}

/// The last component of an operand as written: `src/.` ends in `.`, which copies the
/// contents of `src` rather than `src` itself.
fn last_name(operand: &str) -> &str {
    operand
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or(operand)
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut options = Options {
            recursive: false,
            make: Make::Copy,
            backups: Policy::none(),
            remove_destination: false,
            follow: Follow::Default,
            preserve_times: false,
            preserve_mode: false,
            preserve_links: false,
            no_clobber: false,
            interactive: false,
            update: false,
            force: false,
            verbose: false,
        };
        let (mut parents, mut target_dir, mut no_target_dir) = (false, None, false);
        let mut backups = Backups::default();
        let mut operands = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('r' | 'R') | Arg::Long("recursive") => options.recursive = true,
                Arg::Short('a') | Arg::Long("archive") => {
                    options.recursive = true;
                    options.follow = Follow::Never;
                    options.preserve_times = true;
                    options.preserve_mode = true;
                    options.preserve_links = true;
                }
                Arg::Short('d') => {
                    options.follow = Follow::Never;
                    options.preserve_links = true;
                }
                Arg::Short('P') | Arg::Long("no-dereference") => options.follow = Follow::Never,
                Arg::Short('L') | Arg::Long("dereference") => options.follow = Follow::Always,
                Arg::Short('H') => options.follow = Follow::CommandLine,
                Arg::Short('p') => {
                    options.preserve_times = true;
                    options.preserve_mode = true;
                }
                Arg::Long("preserve") => {
                    let list = args.optional_value().unwrap_or_else(|| "all".into());
                    let asks = |what| list.split(',').any(|a| a == "all" || a == what);
                    options.preserve_times |= asks("timestamps");
                    options.preserve_mode |= asks("mode");
                    options.preserve_links |= asks("links");
                }
                Arg::Long("no-preserve") => {
                    let list = args.value()?;
                    let drops = |what| list.split(',').any(|a| a == "all" || a == what);
                    options.preserve_times &= !drops("timestamps");
                    options.preserve_mode &= !drops("mode");
                    options.preserve_links &= !drops("links");
                }
                Arg::Long("parents") => parents = true,
                Arg::Short('b') => backups.ask(None),
                Arg::Long("backup") => backups.ask(args.optional_value()),
                Arg::Short('S') | Arg::Long("suffix") => backups.suffix(args.value()?),
                Arg::Short('l') | Arg::Long("link") => options.make = Make::HardLink,
                Arg::Short('s') | Arg::Long("symbolic-link") => options.make = Make::SymbolicLink,
                Arg::Long("attributes-only") => options.make = Make::Attributes,
                Arg::Long("remove-destination") => options.remove_destination = true,
                Arg::Short('f') | Arg::Long("force") => options.force = true,
                Arg::Short('n') | Arg::Long("no-clobber") => {
                    options.no_clobber = true;
                    options.interactive = false;
                }
                Arg::Short('i') | Arg::Long("interactive") => {
                    options.interactive = true;
                    options.no_clobber = false;
                }
                Arg::Short('u') | Arg::Long("update") => options.update = true,
                Arg::Short('t') | Arg::Long("target-directory") => target_dir = Some(args.value()?),
                Arg::Short('T') | Arg::Long("no-target-directory") => no_target_dir = true,
                Arg::Short('v') | Arg::Long("verbose") => options.verbose = true,
                Arg::Value(v) => operands.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        options.backups = backups.policy()?;
        let (sources, target) = match (target_dir, operands.len()) {
            (Some(dir), _) => {
                tree::check_target_directory(&dir)?;
                (operands, dir)
            }
            (None, 0) => return Err(Failure::Usage("missing file operand".into())),
            (None, 1) => {
                return Err(Failure::Usage(format!(
                    "missing destination file operand after '{}'",
                    operands[0]
                )));
            }
            (None, _) => {
                let target = operands.pop().unwrap_or_default();
                (operands, target)
            }
        };
        let into_dir = !no_target_dir && Path::new(&target).is_dir();
        if no_target_dir && sources.len() > 1 {
            return Err(Failure::Usage(format!("extra operand '{target}'")));
        }
        if (sources.len() > 1 || parents) && !into_dir {
            let reason = match fs::metadata(&target) {
                Ok(_) => "Not a directory".to_string(),
                Err(e) => describe_io_error(&e),
            };
            return Err(Failure::Fatal(format!("target '{target}': {reason}")));
        }
        let mut copier = Copier {
            options,
            out,
            status: 0,
            copies: HashMap::new(),
        };
        for source in &sources {
            let destination = if parents {
                let relative = source.trim_start_matches('/');
                if let Some(dirs) = Path::new(relative).parent() {
                    let _ = fs::create_dir_all(Path::new(&target).join(dirs));
                }
                Path::new(&target).join(relative)
            } else if into_dir && !matches!(last_name(source), "." | "..") {
                Path::new(&target).join(last_name(source))
            } else {
                PathBuf::from(&target)
            };
            copier.operand(Path::new(source), &destination)?;
        }
        Ok(copier.status)
    })
}
