//! du: estimate file space usage, from file sizes (WASI reports no disk blocks): the blocks
//! each would take on Linux's ext4, or the sizes themselves with --apparent-size.

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;
use wasmix_common::numbers::parse_size;
use wasmix_common::units::Units;
use wasmix_common::wasi_fs::{self, Directory, EntryKind};
use wasmix_common::{Arg, Failure, Output, Program, args, describe_io_error, input};

static PROGRAM: Program = Program::new(
    "du",
    "Usage: du [OPTION]... [FILE]...\n\
     Summarize the space used by each FILE, recursively for directories, in 1024-byte\n\
     units: the 4096-byte blocks each file would take on Linux's ext4 (WASI reports\n\
     sizes, not blocks). A file with several hard links counts once.\n\n  \
     -0, --null            end each output line with NUL, not newline\n  \
     -a, --all             write counts for all files, not just directories\n      \
     --apparent-size   print apparent sizes rather than disk usage\n  \
     -B, --block-size=SIZE  scale sizes by SIZE before printing them; e.g.,\n                           \
     '-BM' prints sizes in units of 1,048,576 bytes\n  \
     -b, --bytes           equivalent to '--apparent-size --block-size=1'\n  \
     -c, --total           produce a grand total\n  \
     -D, --dereference-args  dereference only symlinks that are listed on the\n                          \
     command line\n  \
     -d, --max-depth=N     print the total for a directory (or file, with --all)\n                          \
     only if it is N or fewer levels below the command\n                          \
     line argument;  --max-depth=0 is the same as --summarize\n      \
     --files0-from=F   summarize device usage of the\n                          \
     NUL-terminated file names specified in file F;\n                          \
     if F is -, then read names from standard input\n  \
     -H                    equivalent to --dereference-args (-D)\n  \
     -h, --human-readable  print sizes in human readable format (e.g., 1K 234M 2G)\n  \
     -k                    like --block-size=1K\n  \
     -L, --dereference     dereference all symbolic links\n  \
     -l, --count-links     count sizes many times if hard linked\n  \
     -m                    like --block-size=1M\n  \
     -P, --no-dereference  don't follow any symbolic links (this is the default)\n  \
     -S, --separate-dirs   for directories do not include size of subdirectories\n      \
     --si              like -h, but use powers of 1000 not 1024\n  \
     -s, --summarize       display only a total for each argument\n      \
     --exclude=PATTERN  exclude files that match PATTERN\n  \
     -t, --threshold=SIZE  exclude entries smaller than SIZE if positive,\n                           \
     or entries greater than SIZE if negative\n  \
     -X, --exclude-from=FILE  exclude files that match any pattern in FILE\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

struct Options {
    all: bool,
    /// Sizes, not the blocks they take.
    apparent: bool,
    units: Units,
    max_depth: Option<usize>,
    total: bool,
    follow_all: bool,
    follow_operands: bool,
    count_links: bool,
    separate_dirs: bool,
    exclude: Vec<glob::Pattern>,
    line_end: u8,
    /// `-t SIZE`: only entries of at least SIZE bytes (of at most -SIZE, when negative).
    threshold: Option<i64>,
}

/// A walk's state: where it prints, and the files already counted.
struct Walk<'a> {
    options: &'a Options,
    out: &'a mut Output,
    /// Inodes of the multiply linked files already counted (of every file and directory,
    /// when `remember_all`).
    seen: HashSet<u64>,
    /// Set, as in GNU's du, where one file can be met twice otherwise: under several
    /// operands, or through symbolic links with -L.
    remember_all: bool,
    failed: bool,
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut options = Options {
            all: false,
            apparent: false,
            units: Units::Blocks(1024),
            max_depth: None,
            total: false,
            follow_all: false,
            follow_operands: false,
            count_links: false,
            separate_dirs: false,
            exclude: Vec::new(),
            line_end: b'\n',
            threshold: None,
        };
        let mut summarize = false;
        let mut paths = Vec::new();
        let mut list = None;
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('0') | Arg::Long("null") => options.line_end = 0,
                Arg::Short('a') | Arg::Long("all") => options.all = true,
                Arg::Long("apparent-size") => options.apparent = true,
                Arg::Short('b') | Arg::Long("bytes") => {
                    options.apparent = true;
                    options.units = Units::Blocks(1);
                }
                Arg::Short('B') => options.units = Units::parse(&args.value()?, "-B")?,
                Arg::Long("block-size") => {
                    options.units = Units::parse(&args.value()?, "--block-size")?
                }
                Arg::Short('c') | Arg::Long("total") => options.total = true,
                Arg::Short('D' | 'H') | Arg::Long("dereference-args") => {
                    options.follow_operands = true
                }
                Arg::Short('d') | Arg::Long("max-depth") => {
                    let text = args.value()?;
                    let depth = text
                        .parse()
                        .map_err(|_| Failure::Usage(format!("invalid maximum depth '{text}'")))?;
                    options.max_depth = Some(depth);
                }
                Arg::Short('h') | Arg::Long("human-readable") => options.units = Units::Human(1024),
                Arg::Long("si") => options.units = Units::Human(1000),
                Arg::Short('k') => options.units = Units::Blocks(1024),
                Arg::Short('m') => options.units = Units::Blocks(1024 * 1024),
                Arg::Short('L') | Arg::Long("dereference") => options.follow_all = true,
                Arg::Short('P') | Arg::Long("no-dereference") => {
                    options.follow_all = false;
                    options.follow_operands = false;
                }
                Arg::Short('l') | Arg::Long("count-links") => options.count_links = true,
                Arg::Short('S') | Arg::Long("separate-dirs") => options.separate_dirs = true,
                Arg::Short('s') | Arg::Long("summarize") => summarize = true,
                Arg::Long("exclude") => {
                    let text = args.value()?;
                    let pattern = glob::Pattern::new(&text).map_err(|e| {
                        Failure::Fatal(format!("invalid pattern '{text}': {}", e.msg))
                    })?;
                    options.exclude.push(pattern);
                }
                Arg::Short('t') | Arg::Long("threshold") => {
                    let text = args.value()?;
                    let magnitude = parse_size(text.strip_prefix('-').unwrap_or(&text))
                        .and_then(|n| i64::try_from(n).ok())
                        .ok_or_else(|| Failure::Fatal(format!("invalid -t argument '{text}'")))?;
                    if magnitude == 0 && text.starts_with('-') {
                        return Err(Failure::Fatal("invalid --threshold argument '-0'".into()));
                    }
                    options.threshold = Some(if text.starts_with('-') {
                        -magnitude
                    } else {
                        magnitude
                    });
                }
                Arg::Short('X') | Arg::Long("exclude-from") => {
                    let name = args.value()?;
                    // GNU's du counts a list it cannot read a usage error.
                    let text = std::fs::read(&name)
                        .map_err(|e| Failure::Usage(wasmix_common::file_error(&name, &e)))?;
                    for line in String::from_utf8_lossy(&text).lines() {
                        let pattern = glob::Pattern::new(line).map_err(|e| {
                            Failure::Fatal(format!("invalid pattern '{line}': {}", e.msg))
                        })?;
                        options.exclude.push(pattern);
                    }
                }
                Arg::Long("files0-from") => list = Some(args.value()?),
                Arg::Value(v) => paths.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if summarize {
            if options.all {
                return Err(Failure::Usage(
                    "cannot both summarize and show all entries".into(),
                ));
            }
            match options.max_depth {
                Some(0) => PROGRAM.warn("warning: summarizing is the same as using --max-depth=0"),
                Some(depth) => {
                    return Err(Failure::Usage(format!(
                        "warning: summarizing conflicts with --max-depth={depth}"
                    )));
                }
                None => options.max_depth = Some(0),
            }
        }
        let names: Vec<Result<String, String>> = match list {
            Some(list) => {
                input::no_operands_with_a_list(&paths)?;
                input::names_from(&list)?
            }
            None if paths.is_empty() => vec![Ok(".".into())],
            None => paths.into_iter().map(Ok).collect(),
        };
        let mut walk = Walk {
            options: &options,
            out,
            seen: HashSet::new(),
            remember_all: names.len() > 1 || options.follow_all,
            failed: false,
        };
        let mut grand_total = 0;
        for name in names {
            match name {
                Ok(path) => grand_total += walk.operand(&path)?,
                Err(refusal) => {
                    PROGRAM.warn(refusal);
                    walk.failed = true;
                }
            }
        }
        if options.total {
            walk.write_size(grand_total, "total")?;
        }
        Ok(u8::from(walk.failed))
    })
}

impl Walk<'_> {
    /// An entry's line, unless `-t` leaves it out.
    fn print(&mut self, bytes: u64, path: &str) -> Result<(), Failure> {
        let wanted = match self.options.threshold {
            Some(limit) if limit < 0 => bytes <= limit.unsigned_abs(),
            Some(limit) => bytes >= limit as u64,
            None => true,
        };
        if wanted {
            self.write_size(bytes, path)?;
        }
        Ok(())
    }

    fn write_size(&mut self, bytes: u64, path: &str) -> Result<(), Failure> {
        let shown = self.options.units.show(bytes);
        write!(self.out, "{shown}\t{path}")?;
        self.out.write_all(&[self.options.line_end])?;
        Ok(())
    }

    /// What a file of `size` counts for.
    fn used(&self, size: u64, kind: EntryKind) -> u64 {
        if self.options.apparent {
            size
        } else {
            wasi_fs::allocated(size, kind)
        }
    }

    fn shown_at(&self, depth: usize) -> bool {
        self.options.max_depth.is_none_or(|max| depth <= max)
    }

    fn excluded(&self, path: &str) -> bool {
        let name = path.rsplit('/').next().unwrap_or(path);
        let options = self.options;
        options
            .exclude
            .iter()
            .any(|p| p.matches(path) || p.matches(name))
    }

    fn cannot_access(&mut self, path: &str, e: &std::io::Error) {
        PROGRAM.warn(format!("cannot access '{path}': {}", describe_io_error(e)));
        self.failed = true;
    }

    /// True the first time an inode is met (always, with -l).
    fn first_time(&mut self, inode: u64) -> bool {
        self.options.count_links || self.seen.insert(inode)
    }

    /// Counts a command-line operand: what it adds to the grand total.
    fn operand(&mut self, path: &str) -> Result<u64, Failure> {
        let follow = self.options.follow_all || self.options.follow_operands;
        let identity = match wasi_fs::identity(Path::new(path), follow) {
            Ok(identity) => identity,
            Err(e) => {
                self.cannot_access(path, &e);
                return Ok(0);
            }
        };
        let meta = if follow {
            std::fs::metadata(path)
        } else {
            std::fs::symlink_metadata(path)
        };
        let meta = match meta {
            Ok(meta) => meta,
            Err(e) => {
                self.cannot_access(path, &e);
                return Ok(0);
            }
        };
        if (self.remember_all || (!meta.is_dir() && identity.links > 1))
            && !self.first_time(identity.inode)
        {
            return Ok(0);
        }
        if !meta.is_dir() {
            let used = self.used(meta.len(), EntryKind::of(&meta));
            self.print(used, path)?;
            return Ok(used);
        }
        self.directory(path, meta.len(), 0)
    }

    /// Bytes used at and below the directory `path` (`own`: its own size), printing on
    /// the way; what is printed for it is returned.
    fn directory(&mut self, path: &str, own: u64, depth: usize) -> Result<u64, Failure> {
        let mut total = self.used(own, EntryKind::Directory);
        // Each entry is looked up by name in the directory held open: one name for the
        // kernel to walk, where a whole path would be walked again from the root.
        let listed = Directory::open(Path::new(path)).and_then(|dir| Ok((dir.entries()?, dir)));
        let (entries, dir) = match listed {
            Ok(listed) => listed,
            Err(e) => {
                let reason = describe_io_error(&e);
                PROGRAM.warn(format!("cannot read directory '{path}': {reason}"));
                self.failed = true;
                if self.shown_at(depth) {
                    self.print(total, path)?;
                }
                return Ok(total);
            }
        };
        // In the directory's own order, as GNU's du walks it (which of two hard links
        // counts depends on it).
        let follow = self.options.follow_all;
        for (name, _) in entries {
            let child = format!("{}/{name}", path.trim_end_matches('/'));
            if self.excluded(&child) {
                continue;
            }
            let stat = match dir.stat(&name, follow) {
                Ok(stat) => stat,
                Err(e) => {
                    self.cannot_access(&child, &e);
                    continue;
                }
            };
            let directory = stat.kind == EntryKind::Directory;
            if self.remember_all || (!directory && stat.links > 1) {
                match dir.inode(&name, follow) {
                    Ok(inode) if !self.first_time(inode) => continue,
                    Ok(_) => {}
                    Err(e) => {
                        self.cannot_access(&child, &e);
                        continue;
                    }
                }
            }
            if directory {
                let counted = self.directory(&child, stat.size, depth + 1)?;
                if !self.options.separate_dirs {
                    total += counted;
                }
            } else {
                let used = self.used(stat.size, stat.kind);
                if self.options.all && self.shown_at(depth + 1) {
                    self.print(used, &child)?;
                }
                total += used;
            }
        }
        if self.shown_at(depth) {
            self.print(total, path)?;
        }
        Ok(total)
    }
}
