//! find: walk directory trees and evaluate an expression on every name (GNU find's
//! tests, actions and operators; see `expr.rs`).

mod expr;
mod printf;

use expr::{Expr, Settings};
use glob::MatchOptions;
use std::fs::{self, Metadata};
use std::io::Write;
use std::path::Path;
use std::time::SystemTime;
use wasmix_common::process::{Command, ExitStatus};
use wasmix_common::wasi_fs::{self, EntryKind};
use wasmix_common::{Failure, Output, Program, describe_io_error, filemode, names};

static PROGRAM: Program = Program::new(
    "find",
    "Usage: find [-H] [-L] [-P] [PATH...] [EXPRESSION]\n\
     Walk each PATH (default: .) and evaluate EXPRESSION on every name below it;\n\
     with no action in it, the names it is true for are printed.\n\n\
     Operators: ( EXPR )  ! EXPR  -not EXPR  EXPR -a EXPR  EXPR -o EXPR  EXPR , EXPR\n\
     Tests:\n  \
     -name PATTERN    base name matches the shell PATTERN (-iname: any case)\n  \
     -path PATTERN    the whole name matches (-ipath, -wholename)\n  \
     -type f|d|l|...  is a regular file, directory, symbolic link (a comma list)\n  \
     -empty           an empty file or directory\n  \
     -size [+-]N[cwbkMG]  size in units (default 512-byte blocks), rounded up\n  \
     -mtime [+-]N     changed N days ago (-mmin: minutes)\n  \
     -newer FILE      changed after FILE (-anewer, -cnewer: accessed, status changed)\n  \
     -newerXY REF     time X (a, B, c, m) later than REF's time Y, or than the date REF\n                      when Y is t\n  \
     -lname PATTERN   a symbolic link whose target matches (-ilname: ignoring case)\n  \
     -samefile FILE   the same file as FILE (a hard link to it)\n  \
     -perm [-/]MODE   permission bits exactly MODE (-MODE: all of them, /MODE: any)\n  \
     -true, -false\n\
     Actions:\n  \
     -print, -print0  the name and a newline (or a NUL byte)\n  \
     -printf FORMAT   %p %f %h %H %P %d %s %k %b %i %n %l %u %g %U %G %y %Y %m %M\n                      %a %c %t %Ak %Ck %Tk %%, flags - and width.precision, and\n                      \\a \\b \\c \\f \\n \\r \\t \\v \\\\ \\NNN\n  \
     -exec CMD ;      run CMD with {} replaced by the name; true if it succeeds\n  \
     -exec CMD {} +   run CMD with as many names as fit at once\n  \
     -execdir CMD ;   -exec in the name's directory, with {} as ./NAME (also +)\n  \
     -delete          remove the name (implies -depth)\n  \
     -prune           do not descend into this directory\n  \
     -quit            stop at once\n\
     Options:\n  \
     -maxdepth N, -mindepth N, -depth\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

/// Names gathered for one `-exec ... {} +` run, at most.
const BATCH_SIZE: usize = 1000;

fn main() {
    PROGRAM.run(|_, out| {
        let mut argv: Vec<String> = std::env::args().skip(1).collect();
        if argv
            .first()
            .is_some_and(|a| a == "--help" || a == "--version")
        {
            let mut args = wasmix_common::Args::from_vec(&PROGRAM, argv.clone());
            args.next()?;
        }
        let mut follow = false;
        while let Some(flag) = argv
            .first()
            .filter(|a| ["-H", "-L", "-P"].contains(&a.as_str()))
        {
            follow = flag == "-L";
            argv.remove(0);
        }
        // The starting points: the words before the first that starts the expression.
        let starts_expression = |a: &String| {
            (a.starts_with('-') && a.len() > 1) || ["(", "!", ")"].contains(&a.as_str())
        };
        let starts: Vec<String> = argv
            .iter()
            .take_while(|a| !starts_expression(a))
            .cloned()
            .collect();
        let (expression, settings) = expr::parse(&argv[starts.len()..], follow)?;
        let starts = if starts.is_empty() {
            vec![".".to_string()]
        } else {
            starts
        };
        let mut finder = Finder {
            out,
            settings,
            follow,
            now: SystemTime::now(),
            batches: Vec::new(),
            status: 0,
            quit: false,
            prune: false,
        };
        finder
            .batches
            .resize_with(finder.settings.batches, Batch::default);
        for start in &starts {
            // With -L, a broken link is still listed, as the link it is.
            let meta = if follow {
                fs::metadata(start).or_else(|_| fs::symlink_metadata(start))
            } else {
                fs::symlink_metadata(start)
            };
            let kind = match meta {
                Ok(meta) => EntryKind::at(Path::new(start), &meta),
                Err(e) => {
                    PROGRAM.warn(format!("'{start}': {}", describe_io_error(&e)));
                    finder.status = 1;
                    continue;
                }
            };
            finder.walk(&expression, start, start, kind, 0)?;
            if finder.quit {
                break;
            }
        }
        finder.flush_batches()?;
        Ok(finder.status)
    })
}

/// One name being looked at.
struct Entry<'a> {
    path: &'a str,
    start: &'a str,
    kind: EntryKind,
    depth: usize,
    follow: bool,
}

/// One of a file's times, by find's letter for it: `a` access, `B` birth, `c` status
/// change, `m` modification.
fn file_time(path: &str, follow: bool, which: u8) -> Option<SystemTime> {
    let meta = match follow {
        true => fs::metadata(path),
        false => fs::symlink_metadata(path),
    }
    .ok()?;
    match which {
        b'a' => meta.accessed().ok(),
        b'B' => meta.created().ok(),
        b'c' => wasi_fs::identity(Path::new(path), follow)
            .ok()
            .and_then(|id| id.changed)
            .or_else(|| meta.modified().ok()),
        _ => meta.modified().ok(),
    }
}

impl Entry<'_> {
    fn metadata(&self) -> Option<Metadata> {
        if self.follow {
            fs::metadata(self.path).ok()
        } else {
            fs::symlink_metadata(self.path).ok()
        }
    }

    fn base_name(&self) -> &str {
        let trimmed = self.path.trim_end_matches('/');
        match trimmed.rsplit_once('/') {
            Some((_, base)) => base,
            // `/` and `//` are named `/`.
            None if trimmed.is_empty() => "/",
            None => trimmed,
        }
    }
}

struct Finder<'o> {
    out: &'o mut Output,
    settings: Settings,
    follow: bool,
    now: SystemTime,
    /// For each `-exec ... {} +`: its command, and the names waiting for it.
    batches: Vec<Batch>,
    status: u8,
    quit: bool,
    /// `-prune` was true for the name just evaluated.
    prune: bool,
}

impl Finder<'_> {
    fn walk(
        &mut self,
        expression: &Expr,
        path: &str,
        start: &str,
        kind: EntryKind,
        depth: usize,
    ) -> Result<(), Failure> {
        let entry = Entry {
            path,
            start,
            kind,
            depth,
            follow: self.follow,
        };
        let evaluated = depth >= self.settings.min_depth;
        self.prune = false;
        if evaluated && !self.settings.depth_first {
            self.eval(expression, &entry)?;
        }
        let descend = kind == EntryKind::Directory
            && !self.prune
            && !self.quit
            && self.settings.max_depth.is_none_or(|max| depth < max);
        if descend {
            match wasi_fs::list_dir(Path::new(path)) {
                // In the directory's own order, as GNU's find.
                Ok(entries) => {
                    for (name, child_kind) in entries {
                        // As GNU: `d/` gives `d/e`, and `d//` gives `d//e`.
                        let child = if path.ends_with('/') {
                            format!("{path}{name}")
                        } else {
                            format!("{path}/{name}")
                        };
                        let child_kind = match (self.follow, child_kind) {
                            (true, EntryKind::Symlink) => fs::metadata(&child)
                                .map_or(EntryKind::Symlink, |meta| {
                                    EntryKind::at(Path::new(&child), &meta)
                                }),
                            (_, kind) => kind,
                        };
                        self.walk(expression, &child, start, child_kind, depth + 1)?;
                        if self.quit {
                            return Ok(());
                        }
                    }
                }
                Err(e) => {
                    PROGRAM.warn(format!("'{path}': {}", describe_io_error(&e)));
                    self.status = 1;
                }
            }
        }
        if evaluated && self.settings.depth_first && !self.quit {
            self.eval(expression, &entry)?;
        }
        Ok(())
    }

    fn eval(&mut self, expr: &Expr, entry: &Entry) -> Result<bool, Failure> {
        // After `-quit`, nothing more is done.
        if self.quit {
            return Ok(false);
        }
        Ok(match expr {
            Expr::And(left, right) => self.eval(left, entry)? && self.eval(right, entry)?,
            Expr::Or(left, right) => self.eval(left, entry)? || self.eval(right, entry)?,
            Expr::Not(inner) => !self.eval(inner, entry)?,
            Expr::List(left, right) => {
                self.eval(left, entry)?;
                self.eval(right, entry)?
            }
            Expr::True => true,
            Expr::False => false,
            Expr::Name {
                pattern,
                ignore_case,
            } => pattern.matches_with(entry.base_name(), match_options(*ignore_case, true)),
            Expr::Path {
                pattern,
                ignore_case,
            } => pattern.matches_with(entry.path, match_options(*ignore_case, false)),
            Expr::Type(kinds) => kinds.iter().any(|kind| match kind {
                'f' => entry.kind == EntryKind::File,
                'd' => entry.kind == EntryKind::Directory,
                'l' => entry.kind == EntryKind::Symlink,
                'p' => entry.kind == EntryKind::Fifo,
                _ => entry.kind == EntryKind::Other,
            }),
            Expr::Empty => match entry.kind {
                EntryKind::Directory => {
                    wasi_fs::list_dir(Path::new(entry.path)).is_ok_and(|e| e.is_empty())
                }
                EntryKind::File => entry.metadata().is_some_and(|meta| meta.len() == 0),
                _ => false,
            },
            Expr::Permissions {
                file,
                directory,
                how,
            } => entry.metadata().is_some_and(|meta| {
                let wanted = if meta.is_dir() { *directory } else { *file };
                how.holds(filemode::permissions(entry.path, &meta), wanted)
            }),
            Expr::Size { compare, unit } => entry
                .metadata()
                .is_some_and(|meta| compare.holds(meta.len().div_ceil(*unit))),
            Expr::ModifiedAgo { compare, seconds } => entry
                .metadata()
                .and_then(|m| m.modified().ok())
                .is_some_and(|modified| {
                    let age = self.now.duration_since(modified).unwrap_or_default();
                    compare.holds(age.as_secs() / seconds)
                }),
            Expr::Newer { which, than } => {
                file_time(entry.path, entry.follow, *which).is_some_and(|time| time > *than)
            }
            Expr::LinkName {
                pattern,
                ignore_case,
            } => {
                entry.kind == EntryKind::Symlink
                    && fs::read_link(entry.path).is_ok_and(|target| {
                        pattern.matches_with(
                            &target.to_string_lossy(),
                            match_options(*ignore_case, false),
                        )
                    })
            }
            Expr::SameFile(inode) => wasi_fs::identity(Path::new(entry.path), entry.follow)
                .is_ok_and(|id| id.inode == *inode),
            Expr::Print => {
                self.print(entry.path, b'\n')?;
                true
            }
            Expr::Print0 => {
                self.print(entry.path, b'\0')?;
                true
            }
            Expr::Printf(format) => {
                self.out.write_all(&printf::printf(format, entry))?;
                true
            }
            Expr::Exec {
                argv,
                batch: None,
                in_directory,
            } => {
                let (dir, name) = place(entry.path, *in_directory);
                let argv = argv.iter().map(|arg| arg.replace("{}", &name)).collect();
                self.run(argv, dir)? == 0
            }
            Expr::Exec {
                argv,
                batch: Some(batch),
                in_directory,
            } => {
                let (dir, name) = place(entry.path, *in_directory);
                // `-execdir ... +` runs once for each directory's names, as GNU's.
                if self.batches[*batch].dir != dir {
                    self.flush_batch(*batch)?;
                }
                let batch_now = &mut self.batches[*batch];
                if batch_now.command.is_empty() {
                    batch_now.command = argv.clone();
                }
                batch_now.dir = dir;
                batch_now.names.push(name);
                if batch_now.names.len() >= BATCH_SIZE {
                    self.flush_batch(*batch)?;
                }
                true
            }
            Expr::Delete => self.delete(entry),
            Expr::Prune => {
                self.prune = true;
                true
            }
            Expr::Quit => {
                self.quit = true;
                true
            }
        })
    }

    fn print(&mut self, path: &str, end: u8) -> Result<(), Failure> {
        // GNU find prints names as the host has them, odd bytes and all.
        self.out.write_all(&names::to_bytes(path))?;
        self.out.write_all(&[end])?;
        Ok(())
    }

    /// Runs a command (in `dir`, or here) after what find printed so far; its status.
    fn run(&mut self, argv: Vec<String>, dir: Option<String>) -> Result<u8, Failure> {
        self.out.flush()?;
        let name = argv[0].clone();
        let mut command = Command::new(argv);
        if let Some(dir) = dir {
            command = command.current_dir(dir);
        }
        match command.spawn() {
            Ok(child) => Ok(match child.wait().status {
                ExitStatus::Exited(code) => code,
                other => other.code(),
            }),
            Err(e) => {
                PROGRAM.warn(format!("'{name}': {}", e.reason()));
                self.status = 1;
                Ok(e.status())
            }
        }
    }

    fn flush_batch(&mut self, batch: usize) -> Result<(), Failure> {
        let Batch {
            command,
            names,
            dir,
        } = &mut self.batches[batch];
        if names.is_empty() {
            return Ok(());
        }
        let mut argv = command.clone();
        argv.append(names);
        let dir = dir.clone();
        if self.run(argv, dir)? != 0 {
            self.status = 1;
        }
        Ok(())
    }

    fn flush_batches(&mut self) -> Result<(), Failure> {
        for batch in 0..self.batches.len() {
            self.flush_batch(batch)?;
        }
        Ok(())
    }

    fn delete(&mut self, entry: &Entry) -> bool {
        if entry.path == "." {
            return true;
        }
        let removed = if entry.kind == EntryKind::Directory {
            fs::remove_dir(entry.path)
        } else {
            fs::remove_file(entry.path)
        };
        match removed {
            Ok(()) => true,
            Err(e) => {
                PROGRAM.warn(format!(
                    "cannot delete '{}': {}",
                    entry.path,
                    describe_io_error(&e)
                ));
                self.status = 1;
                false
            }
        }
    }
}

/// The names gathered for one `-exec ... +` (or `-execdir ... +`) and where they run.
#[derive(Default)]
struct Batch {
    command: Vec<String>,
    names: Vec<String>,
    dir: Option<String>,
}

/// Where a command for `path` runs and the name it is given: here and the path itself,
/// or, for `-execdir`, the path's directory (absolute) and `./` its last name, as GNU's.
fn place(path: &str, in_directory: bool) -> (Option<String>, String) {
    if !in_directory {
        return (None, path.to_string());
    }
    let (dir, name) = match path.rsplit_once('/') {
        Some(("", name)) => ("/", name),
        Some((dir, name)) => (dir, name),
        None => (".", path),
    };
    let dir = std::env::current_dir()
        .map(|here| here.join(dir).to_string_lossy().into_owned())
        .unwrap_or_else(|_| dir.to_string());
    (Some(dir), format!("./{name}"))
}

fn match_options(ignore_case: bool, base_name: bool) -> MatchOptions {
    MatchOptions {
        case_sensitive: !ignore_case,
        // `-path` patterns match across slashes, as GNU's do.
        require_literal_separator: base_name,
        require_literal_leading_dot: false,
    }
}
