//! tree: list the contents of directories in a tree, as tree 2.1 (Steve Baker's) does.

use std::collections::HashSet;
use std::fs::Metadata;
use std::io::Write;
use wasmix_common::{Arg, Failure, Output, Program, args, filemode, wasi_fs};

static PROGRAM: Program = Program::new(
    "tree",
    "usage: tree [-adflfiprstvDFQU] [-L level] [-P pattern] [-I pattern] [--noreport]\n\
     \t[--dirsfirst] [--filesfirst] [--prune] [--ignore-case]\n\
     \t[--si] [--timefmt fmt] [--] [directory ...]\n  \
     ------- Listing options -------\n  \
     -a            All files are listed.\n  \
     -d            List directories only.\n  \
     -l            Follow symbolic links like directories.\n  \
     -f            Print the full path prefix for each file.\n  \
     -L level      Descend only level directories deep.\n  \
     -P pattern    List only those files that match the pattern given.\n  \
     -I pattern    Do not list files that match the given pattern.\n  \
     --ignore-case Ignore case when pattern matching.\n  \
     --prune       Prune empty directories from the output.\n  \
     --noreport    Turn off file/directory count at end of tree listing.\n  \
     ------- File options -------\n  \
     -Q            Quote filenames with double quotes.\n  \
     -p            Print the protections for each file.\n  \
     -s            Print the size in bytes of each file.\n  \
     -h            Print the size in a more human readable way.\n  \
     --si          Like -h, but use in SI units (powers of 1000).\n  \
     -D            Print the date of last modification.\n  \
     --timefmt <f> Print and format time according to the format <f>.\n  \
     -F            Appends '/', '=', '*', '@', '|' or '>' as per ls -F.\n  \
     ------- Sorting options -------\n  \
     -v            Sort files alphanumerically by version.\n  \
     -t            Sort files by last modification time.\n  \
     -U            Leave files unsorted.\n  \
     -r            Reverse the order of the sort.\n  \
     --dirsfirst   List directories before files (-U disables).\n  \
     --filesfirst  List files before directories (-U disables).\n  \
     ------- Graphics options -------\n  \
     -i            Don't print indentation lines.\n  \
     ------- Miscellaneous options -------\n  \
     --version     Print version and exit.\n  \
     --help        Print usage and this help message and exit.\n  \
     --            Options processing terminator.\n",
);

#[derive(Clone, Copy, PartialEq, Default)]
enum Order {
    #[default]
    Name,
    Version,
    Time,
    Unsorted,
}

#[derive(Default)]
struct Options {
    all: bool,
    dirs_only: bool,
    follow_links: bool,
    full_path: bool,
    max_level: Option<usize>,
    only: Vec<glob::Pattern>,
    ignore: Vec<glob::Pattern>,
    ignore_case: bool,
    prune: bool,
    no_report: bool,
    quote: bool,
    protections: bool,
    sizes: bool,
    human: bool,
    si: bool,
    dates: bool,
    time_format: Option<String>,
    classify: bool,
    order: Order,
    reverse: bool,
    dirs_first: bool,
    files_first: bool,
    no_indent: bool,
}

/// One name in a directory: the link's own metadata, and for a link the target's.
struct Entry {
    name: String,
    meta: Metadata,
    target: Option<Metadata>,
    link: Option<String>,
    /// A directory, or a link to one (tree counts both as directories).
    is_dir: bool,
    /// What it holds, read ahead by --prune to know whether to show it.
    inside: Option<Vec<Entry>>,
}

#[derive(Default)]
struct Totals {
    dirs: u64,
    files: u64,
}

struct Tree<'o> {
    options: &'o Options,
    out: &'o mut Output,
    /// For each level, whether the entry printed there has siblings still to come.
    more: Vec<bool>,
    /// Directories already listed, so that `-l` does not loop.
    seen: HashSet<u64>,
    /// Whether the locale is UTF-8: line drawing and names follow it.
    utf8: bool,
}

/// tree's patterns: glob alternatives joined by `|`, `[^...]` for a negated class.
fn pattern_set(text: &str) -> Result<Vec<glob::Pattern>, Failure> {
    text.split('|')
        .map(|alternative| {
            glob::Pattern::new(&alternative.replace("[^", "[!"))
                .map_err(|e| Failure::Fatal(format!("bad pattern '{text}': {e}")))
        })
        .collect()
}

fn matches(patterns: &[glob::Pattern], name: &str, ignore_case: bool) -> bool {
    let options = glob::MatchOptions {
        case_sensitive: !ignore_case,
        require_literal_separator: true,
        require_literal_leading_dot: false,
    };
    patterns.iter().any(|p| p.matches_with(name, options))
}

/// A name as tree prints it. In a UTF-8 locale, characters that cannot be printed are
/// written `\ooo`; in the C locale, bytes are escaped as C escapes them and a blank is
/// `\ ` (unless `-Q` quotes the name), as tree 2.1 does.
fn printable(name: &str, quote: bool, utf8: bool) -> String {
    let mut text = String::new();
    if quote {
        text.push('"');
    }
    for c in name.chars() {
        match c {
            _ if utf8 && !c.is_control() => text.push(c),
            _ if utf8 => text.push_str(&format!("\\{:03o}", c as u32)),
            '\x07'..='\r' => {
                text.push('\\');
                text.push(b"abtnvfr"[c as usize - 7] as char);
            }
            '\\' => text.push_str("\\\\"),
            '"' if quote => text.push_str("\\\""),
            ' ' if !quote => text.push_str("\\ "),
            ' '..='~' => text.push(c),
            _ => {
                let mut buf = [0; 4];
                for byte in c.encode_utf8(&mut buf).bytes() {
                    text.push_str(&format!("\\{byte:03o}"));
                }
            }
        }
    }
    if quote {
        text.push('"');
    }
    text
}

fn mode_of(path: &str, meta: &Metadata) -> (char, u32) {
    let mode = filemode::mode_string(path, meta);
    (
        mode.chars().next().unwrap_or('-'),
        filemode::permissions(path, meta),
    )
}

/// tree's size column: bytes in 11 places, or `-h`/`--si`'s four.
fn size_text(size: u64, options: &Options) -> String {
    if !(options.human || options.si) {
        return format!("{size:11}");
    }
    let (unit_size, units) = match options.si {
        true => (1000u64, b"dkMGTPEZY"),
        false => (1024u64, b"BKMGTPEZY"),
    };
    let mut size = size;
    let mut index = usize::from(size >= unit_size);
    while size >= unit_size * unit_size {
        index += 1;
        size /= unit_size;
    }
    if index == 0 {
        return format!("{size:4}");
    }
    let value = size as f64 / unit_size as f64;
    let unit = units[index] as char;
    match (size + 52) / unit_size >= 10 {
        true => format!("{value:3.0}{unit}"),
        false => format!("{value:3.1}{unit}"),
    }
}

fn date_text(meta: &Metadata, options: &Options) -> String {
    let seconds = (meta.modified().ok())
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs() as i64);
    let zone = wasmix_common::datetime::local_zone();
    let when = jiff::Timestamp::from_second(seconds)
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        .to_zoned(zone);
    if let Some(format) = &options.time_format {
        return when.strftime(format).to_string();
    }
    let now = jiff::Timestamp::now().as_second();
    const SIX_MONTHS: i64 = 6 * 31 * 24 * 60 * 60;
    match seconds > now || seconds + SIX_MONTHS < now {
        true => when.strftime("%b %e  %Y").to_string(),
        false => when.strftime("%b %e %H:%M").to_string(),
    }
}

/// The `[...]` before a name: protections, size and date as asked.
fn info(path: &str, meta: &Metadata, options: &Options) -> String {
    let mut fields = Vec::new();
    if options.protections {
        fields.push(filemode::mode_string(path, meta));
    }
    if options.sizes || options.human || options.si {
        fields.push(size_text(meta.len(), options));
    }
    if options.dates {
        fields.push(date_text(meta, options));
    }
    match fields.is_empty() {
        true => String::new(),
        false => format!("[{}]  ", fields.join(" ")),
    }
}

/// `-F`'s mark for a file of this mode.
fn classify(path: &str, meta: &Metadata, options: &Options) -> &'static str {
    let (kind, permissions) = mode_of(path, meta);
    match kind {
        'd' if !options.dirs_only => "/",
        'p' => "|",
        's' => "=",
        '-' if permissions & 0o111 != 0 => "*",
        _ => "",
    }
}

fn join(directory: &str, name: &str) -> String {
    match directory.ends_with('/') {
        true => format!("{directory}{name}"),
        false => format!("{directory}/{name}"),
    }
}

fn version_compare(a: &str, b: &str) -> std::cmp::Ordering {
    let (mut a, mut b) = (a.as_bytes(), b.as_bytes());
    loop {
        match (a.first(), b.first()) {
            (None, None) => return std::cmp::Ordering::Equal,
            (None, _) => return std::cmp::Ordering::Less,
            (_, None) => return std::cmp::Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let digits = |s: &[u8]| s.iter().take_while(|c| c.is_ascii_digit()).count();
                let (da, db) = (digits(a), digits(b));
                let trim = |s: &[u8]| s.iter().skip_while(|c| **c == b'0').count();
                let (na, nb) = (&a[..da], &b[..db]);
                let order = trim(na)
                    .cmp(&trim(nb))
                    .then_with(|| na[da - trim(na)..].cmp(&nb[db - trim(nb)..]));
                if order != std::cmp::Ordering::Equal {
                    return order;
                }
                a = &a[da..];
                b = &b[db..];
            }
            (Some(x), Some(y)) if x != y => return x.cmp(y),
            _ => {
                a = &a[1..];
                b = &b[1..];
            }
        }
    }
}

impl Tree<'_> {
    /// The entries of a directory tree would show at `level`, filtered and sorted; `None`
    /// when it cannot be read.
    fn read(&mut self, directory: &str, level: usize) -> Option<Vec<Entry>> {
        let options = self.options;
        let mut entries = Vec::new();
        for item in std::fs::read_dir(directory).ok()? {
            let Ok(item) = item else { continue };
            let name = item.file_name().to_string_lossy().into_owned();
            if !options.all && name.starts_with('.') {
                continue;
            }
            let path = join(directory, &name);
            let Ok(meta) = std::fs::symlink_metadata(&path) else {
                continue;
            };
            let link = (meta.file_type().is_symlink())
                .then(|| std::fs::read_link(&path).ok())
                .flatten()
                .map(|target| target.to_string_lossy().into_owned());
            let target = link.as_ref().and_then(|_| std::fs::metadata(&path).ok());
            let is_dir = meta.is_dir() || target.as_ref().is_some_and(Metadata::is_dir);
            if options.dirs_only && !is_dir {
                continue;
            }
            if !options.ignore.is_empty() && matches(&options.ignore, &name, options.ignore_case) {
                continue;
            }
            // -P tests what is not a directory, a link to one included unless -l follows it.
            let listed_as_dir = meta.is_dir() || (is_dir && options.follow_links);
            if !listed_as_dir
                && !options.only.is_empty()
                && !matches(&options.only, &name, options.ignore_case)
            {
                continue;
            }
            // --prune leaves out directories with nothing to show.
            let mut inside = None;
            if options.prune && is_dir {
                inside = self.kept_contents(&path, link.is_some(), level);
                if inside.is_none() {
                    continue;
                }
            }
            entries.push(Entry {
                name,
                meta,
                target,
                link,
                is_dir,
                inside,
            });
        }
        self.sort(&mut entries);
        Some(entries)
    }

    /// For --prune, what a directory at `level` holds, read as tree 2.1 reads the whole
    /// tree before it prunes: in the order the directory gives, down to the -L level, a
    /// link followed only with -l and not to a directory read before. `None` when that is
    /// nothing, and the directory is left out.
    fn kept_contents(&mut self, path: &str, is_link: bool, level: usize) -> Option<Vec<Entry>> {
        let deep_enough = self.options.max_level.is_some_and(|max| level >= max);
        if deep_enough || is_link && !self.options.follow_links {
            return None;
        }
        let inode = wasi_fs::identity(std::path::Path::new(path), true)
            .ok()?
            .inode;
        if !self.seen.insert(inode) && is_link {
            return None;
        }
        self.read(path, level + 1)
            .filter(|inside| !inside.is_empty())
    }

    fn sort(&self, entries: &mut [Entry]) {
        let options = self.options;
        if options.order == Order::Unsorted {
            return;
        }
        entries.sort_by(|a, b| {
            let group = match (options.dirs_first, options.files_first) {
                (true, _) => b.is_dir.cmp(&a.is_dir),
                (_, true) => a.is_dir.cmp(&b.is_dir),
                _ => std::cmp::Ordering::Equal,
            };
            let by_name = || a.name.as_bytes().cmp(b.name.as_bytes());
            let order = match options.order {
                Order::Version => version_compare(&a.name, &b.name),
                Order::Time => {
                    let time = |e: &Entry| {
                        let since = e.meta.modified().ok()?;
                        Some(since.duration_since(std::time::UNIX_EPOCH).ok()?.as_secs())
                    };
                    time(a).cmp(&time(b)).then_with(by_name)
                }
                _ => by_name(),
            };
            group.then(if options.reverse {
                order.reverse()
            } else {
                order
            })
        });
    }

    fn indent(&mut self, level: usize, last: bool) -> String {
        if self.options.no_indent {
            return String::new();
        }
        let mut text = String::new();
        for more in &self.more[..level.saturating_sub(1)] {
            // tree's vertical line is followed by two no-break spaces in UTF-8.
            text.push_str(match (*more, self.utf8) {
                (true, true) => "│\u{a0}\u{a0} ",
                (true, false) => "|   ",
                (false, _) => "    ",
            });
        }
        if level > 0 {
            text.push_str(match (last, self.utf8) {
                (true, true) => "└── ",
                (false, true) => "├── ",
                (true, false) => "`-- ",
                (false, false) => "|-- ",
            });
        }
        text
    }

    /// A line for one name: indentation, the `[...]` fields, the name and a link's target.
    fn line(&mut self, level: usize, last: bool, path: &str, shown: &str, entry: &Entry) {
        let mut text = self.indent(level, last);
        text.push_str(&info(path, &entry.meta, self.options));
        text.push_str(&printable(shown, self.options.quote, self.utf8));
        if let Some(link) = &entry.link {
            text.push_str(" -> ");
            text.push_str(&printable(link, self.options.quote, self.utf8));
            if self.options.classify
                && let Some(target) = &entry.target
            {
                text.push_str(classify(path, target, self.options));
            }
        } else if self.options.classify {
            text.push_str(classify(path, &entry.meta, self.options));
        }
        let _ = self.out.write_all(text.as_bytes());
    }

    /// Lists a directory's entries at `level` (its own line already written).
    fn list(&mut self, directory: &str, entries: Vec<Entry>, level: usize) -> Totals {
        let mut totals = Totals::default();
        let count = entries.len();
        for (index, mut entry) in entries.into_iter().enumerate() {
            let last = index + 1 == count;
            let path = join(directory, &entry.name);
            let shown = if self.options.full_path {
                path.clone()
            } else {
                entry.name.clone()
            };
            self.line(level, last, &path, &shown, &entry);
            let mut error = None;
            let mut children = None;
            if let Some(inside) = entry.inside.take() {
                totals.dirs += 1;
                // tree 2.1 checks a link again as it prints, against every directory its
                // pruning read saw, the link's own target among them.
                match entry.link {
                    Some(_) => error = Some("recursive, not followed"),
                    None => children = Some(inside),
                }
            } else if entry.is_dir {
                totals.dirs += 1;
                let deep_enough = self.options.max_level.is_some_and(|max| level >= max);
                let followable = entry.link.is_none() || self.options.follow_links;
                let inode = wasi_fs::identity(std::path::Path::new(&path), true)
                    .map(|id| id.inode)
                    .ok();
                let repeated = inode.is_some_and(|inode| !self.seen.insert(inode));
                if followable {
                    if repeated && entry.link.is_some() {
                        if !deep_enough {
                            error = Some("recursive, not followed");
                        }
                    } else if !deep_enough {
                        match self.read(&path, level + 1) {
                            Some(list) => children = Some(list).filter(|l| !l.is_empty()),
                            None => error = Some("error opening dir"),
                        }
                    }
                }
            } else {
                totals.files += 1;
            }
            if let Some(error) = error {
                let _ = write!(self.out, "  [{error}]");
            }
            let _ = writeln!(self.out);
            if let Some(children) = children {
                if self.more.len() < level {
                    self.more.resize(level, false);
                }
                self.more[level - 1] = !last;
                let below = self.list(&path, children, level + 1);
                totals.dirs += below.dirs;
                totals.files += below.files;
            }
        }
        totals
    }

    /// A directory named on the command line, its entries and their count.
    fn root(&mut self, name: &str) -> (Totals, bool) {
        let mut totals = Totals::default();
        let Ok(meta) = std::fs::symlink_metadata(name) else {
            let _ = writeln!(self.out, "{name}  [error opening dir]");
            return (totals, false);
        };
        if let Ok(id) = wasi_fs::identity(std::path::Path::new(name), true) {
            self.seen.insert(id.inode);
        }
        let entry = Entry {
            name: name.to_string(),
            meta,
            target: None,
            link: None,
            is_dir: true,
            inside: None,
        };
        let _ = write!(self.out, "{}", info(name, &entry.meta, self.options));
        let _ = write!(
            self.out,
            "{}",
            printable(name, self.options.quote, self.utf8)
        );
        if self.options.classify {
            let _ = write!(self.out, "{}", classify(name, &entry.meta, self.options));
        }
        match self.read(name, 1) {
            None => {
                let _ = writeln!(self.out, "  [error opening dir]");
                totals.files += 1;
            }
            Some(entries) => {
                let _ = writeln!(self.out);
                if !entries.is_empty() {
                    totals = self.list(name, entries, 1);
                    totals.dirs += 1;
                }
            }
        }
        (totals, true)
    }
}

fn parse(mut args: wasmix_common::Args) -> Result<(Options, Vec<String>), Failure> {
    let mut options = Options::default();
    let mut roots = Vec::new();
    while let Some(arg) = args.next()? {
        match arg {
            Arg::Short('a') => options.all = true,
            Arg::Short('d') => options.dirs_only = true,
            Arg::Short('l') => options.follow_links = true,
            Arg::Short('f') => options.full_path = true,
            Arg::Short('i') => options.no_indent = true,
            Arg::Short('p') => options.protections = true,
            Arg::Short('s') => options.sizes = true,
            Arg::Short('h') => options.human = true,
            Arg::Long("si") => options.si = true,
            Arg::Short('D') => options.dates = true,
            Arg::Long("timefmt") => {
                options.time_format = Some(args.value()?);
                options.dates = true;
            }
            Arg::Short('F') => options.classify = true,
            Arg::Short('Q') => options.quote = true,
            Arg::Short('v') => options.order = Order::Version,
            Arg::Short('t') => options.order = Order::Time,
            Arg::Short('U') => options.order = Order::Unsorted,
            Arg::Short('r') => options.reverse = true,
            Arg::Long("dirsfirst") => options.dirs_first = true,
            Arg::Long("filesfirst") => options.files_first = true,
            Arg::Long("noreport") => options.no_report = true,
            Arg::Long("prune") => options.prune = true,
            Arg::Long("ignore-case") => options.ignore_case = true,
            Arg::Short('P') => options.only = pattern_set(&args.value()?)?,
            Arg::Short('I') => options.ignore.extend(pattern_set(&args.value()?)?),
            Arg::Short('L') => {
                let level = args.value()?.parse::<usize>().ok().filter(|l| *l > 0);
                let Some(level) = level else {
                    return Err(Failure::Fatal(
                        "Invalid level, must be greater than 0.".into(),
                    ));
                };
                options.max_level = Some(level);
            }
            Arg::Value(value) => roots.push(args::into_string(value)?),
            other => return Err(args::unexpected(other)),
        }
    }
    if roots.is_empty() {
        roots.push(".".into());
    }
    Ok((options, roots))
}

fn main() {
    PROGRAM.run(|args, out| {
        let (options, roots) = parse(args)?;
        let mut tree = Tree {
            options: &options,
            out,
            more: Vec::new(),
            seen: HashSet::new(),
            utf8: wasmix_common::locale::is_utf8(),
        };
        let mut totals = Totals::default();
        let mut errors = false;
        for root in &roots {
            let (found, opened) = tree.root(root);
            totals.dirs += found.dirs;
            totals.files += found.files;
            errors |= !opened;
        }
        if !options.no_report {
            let dirs = match totals.dirs {
                1 => "1 directory".to_string(),
                n => format!("{n} directories"),
            };
            let _ = match options.dirs_only {
                true => writeln!(out, "\n{dirs}"),
                false => {
                    let files = if totals.files == 1 { "" } else { "s" };
                    writeln!(out, "\n{dirs}, {} file{files}", totals.files)
                }
            };
        }
        Ok(if errors { 2 } else { 0 })
    })
}
