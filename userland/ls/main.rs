//! ls: list directory contents.

mod color;
mod layout;
mod options;
mod order;
mod quoting;

use chrono::{DateTime, FixedOffset, Offset, Utc};
use layout::Cell;
use options::{Format, Indicator, Options, SortBy};
use std::fs::{self, Metadata};
use std::io::Write;
use std::path::Path;
use std::time::{Duration, SystemTime};
use wasmix_common::datetime::LocalZone;
use wasmix_common::filemode::{self, mode_string};
use wasmix_common::wasi_fs::EntryKind;
use wasmix_common::{Failure, Output, Program, describe_io_error, names, wasi_fs};

static PROGRAM: Program = Program {
    usage_status: 2,
    aliases: &["dir", "vdir"],
    ..Program::new(
        "ls",
        "Usage: ls [OPTION]... [FILE]...\n\
         List information about the FILEs (the current directory by default).\n\
         Entries are sorted by name unless -t, -S or -U is given.\n\n  \
         -a, --all                  do not ignore entries starting with .\n  \
         -A, --almost-all           do not list implied . and ..\n      \
         --color[=WHEN]         color the output WHEN; WHEN is 'always', 'auto'\n                               \
         or 'never' (LS_COLORS, or GNU's colors without it)\n  \
         -B, --ignore-backups       do not list implied entries ending with ~\n  \
         -c                         with -lt: sort by, and show, ctime (time of last\n                               \
         change of file status information);\n                               \
         with -l: show ctime and sort by name;\n                               \
         otherwise: sort by ctime, newest first\n  \
         -C                         list entries by columns\n  \
         -d, --directory            list directories themselves, not their contents\n  \
         -F, --classify             append indicator (one of */=>@|) to entries\n      \
         --file-type            likewise, except do not append '*'\n      \
         --full-time            like -l --time-style=full-iso\n      \
         --group-directories-first\n                             \
         group directories before files; any use of\n                             \
         --sort=none (-U) disables grouping\n  \
         -g                         like -l, but do not list owner\n  \
         -G, --no-group             in a long listing, don't print group names\n  \
         -h, --human-readable       with -l and -s, print sizes like 1K 234M 2G\n      \
         --si                   likewise, but use powers of 1000 not 1024\n      \
         --block-size=SIZE      with -l, scale sizes by SIZE when printing them;\n                               \
         e.g., '--block-size=M'; see SIZE format below\n  \
         -k, --kibibytes            default to 1024-byte blocks for file system usage;\n                               \
         used only with -s and per directory totals\n      \
         --hide=PATTERN         do not list implied entries matching shell PATTERN\n                               \
         (overridden by -a or -A)\n  \
         -i, --inode                print the index number of each file\n  \
         -I, --ignore=PATTERN       do not list implied entries matching shell PATTERN\n      \
         --indicator-style=WORD  append indicator with style WORD to entry names:\n                               \
         none (default), slash (-p), file-type (--file-type),\n                               \
         classify (-F)\n  \
         -l                         use a long listing format\n  \
         -H, --dereference-command-line\n                               \
         follow symbolic links listed on the command line\n  \
         -L, --dereference          show information for the file a link references\n  \
         -n, --numeric-uid-gid      like -l, but list numeric user and group IDs\n  \
         -o                         like -l, but do not list group information\n  \
         -p                         append / indicator to directories\n  \
         -r, --reverse              reverse order while sorting\n  \
         -R, --recursive            list subdirectories recursively\n  \
         -s, --size                 print the allocated size of each file, in blocks\n  \
         -S                         sort by file size, largest first\n  \
         -t                         sort by time, newest first; see --time\n  \
         -u                         with -lt: sort by, and show, access time;\n                               \
         with -l: show access time and sort by name;\n                               \
         otherwise: sort by access time, newest first\n  \
         -U                         do not sort; list entries in directory order\n  \
         -v                         natural sort of (version) numbers within text\n  \
         -X                         sort alphabetically by entry extension\n      \
         --sort=WORD            sort by WORD instead of name: none (-U), size (-S),\n                             \
         time (-t), version (-v), extension (-X), width\n      \
         --time=WORD            change the default of using modification times;\n                               \
         access time (-u): atime, access, use;\n                               \
         change time (-c): ctime, status;\n                               \
         with -l, WORD determines which time to show;\n                               \
         with --sort=time, sort by WORD (newest first)\n      \
         --time-style=TIME_STYLE  time/date format with -l: full-iso, long-iso,\n                             \
         iso, locale (each may start posix-), or +FORMAT\n                             \
         (+OLD_FORMAT<newline>RECENT_FORMAT) as date's\n  \
         -Z, --context              print any security context of each file\n  \
         -1                         list one file per line\n      \
         --zero                 end each output line with NUL, not newline\n      \
         --help        display this help and exit\n      \
         --version     output version information and exit\n\n\
         Exit status:\n \
         0  if OK,\n \
         1  if minor problems (e.g., cannot access subdirectory),\n \
         2  if serious trouble (e.g., cannot access command-line argument).\n",
    )
};

/// One name to show, with what is known of it.
struct Entry {
    name: String,
    path: String,
    /// Listed as a directory (a link to one is not, in a directory's listing).
    is_dir: bool,
    /// What the directory listing says it is.
    kind: EntryKind,
    looked_up: LookedUp,
}

/// An entry's metadata, looked up once, and only when something shown needs it.
enum LookedUp {
    NotAsked,
    Found(Metadata),
    /// Its directory cannot be searched: GNU shows `?` for what is unknown.
    Denied,
    /// Gone since it was listed.
    Gone,
}

impl LookedUp {
    fn metadata(&self) -> Option<&Metadata> {
        match self {
            LookedUp::Found(meta) => Some(meta),
            _ => None,
        }
    }
}

struct Lister<'o> {
    options: Options,
    palette: Option<color::Palette>,
    out: &'o mut Output,
    status: u8,
    printed_section: bool,
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut operands = Vec::new();
        let options = options::parse(&mut args, out.is_terminal(), &mut operands)?;
        let palette = options.color.then(color::Palette::from_env);
        let mut lister = Lister {
            options,
            palette,
            out,
            status: 0,
            printed_section: false,
        };
        lister.list_operands(operands)?;
        Ok(lister.status)
    })
}

impl Lister<'_> {
    fn list_operands(&mut self, operands: Vec<String>) -> Result<(), Failure> {
        let explicit = !operands.is_empty();
        let operands = if explicit { operands } else { vec![".".into()] };
        let many = operands.len() > 1;
        let mut files = Vec::new();
        let mut dirs = Vec::new();
        for operand in operands {
            let found = wasmix_common::names::nonempty(&operand)
                .and_then(|path| fs::metadata(path).or_else(|_| fs::symlink_metadata(path)));
            match found {
                Ok(meta) => {
                    let meta = match fs::symlink_metadata(&operand) {
                        Ok(link)
                            if link.file_type().is_symlink()
                                && self.options.format == Format::Long
                                && !self.options.dereference
                                && !self.options.dereference_operands =>
                        {
                            link
                        }
                        _ => meta,
                    };
                    let entry = Entry {
                        kind: EntryKind::at(Path::new(&operand), &meta),
                        name: operand.clone(),
                        path: operand,
                        is_dir: meta.is_dir(),
                        looked_up: LookedUp::Found(meta),
                    };
                    if entry.is_dir && !self.options.directory {
                        dirs.push(entry);
                    } else {
                        files.push(entry);
                    }
                }
                Err(e) => {
                    PROGRAM.warn(format!(
                        "cannot access '{operand}': {}",
                        describe_io_error(&e)
                    ));
                    self.status = 2;
                }
            }
        }
        self.sort(&mut files);
        self.sort(&mut dirs);
        if !files.is_empty() {
            self.print_entries(&files, false)?;
            self.printed_section = true;
        }
        let headers = many || self.options.recursive || !files.is_empty();
        for dir in dirs {
            self.list_directory(&dir.path, headers, true)?;
        }
        Ok(())
    }

    /// An entry's metadata: the link itself, or with -L what it points to.
    fn metadata(&self, path: &str) -> std::io::Result<Metadata> {
        if self.options.dereference {
            fs::metadata(path).or_else(|_| fs::symlink_metadata(path))
        } else {
            fs::symlink_metadata(path)
        }
    }

    /// Looks up, once, each entry whose metadata something shown needs. A kind the
    /// listing gave is enough for `-p`, and for `-F` and colours of directories and links,
    /// so in a directory that cannot be searched those show without complaint, as GNU's.
    fn look_up(&mut self, entries: &mut [Entry]) {
        let options = &self.options;
        let for_all = options.format == Format::Long
            || options.blocks
            || options.inode
            || options.dereference
            || options.sort == SortBy::Time
            || options.sort == SortBy::Size;
        for entry in entries {
            let needed = for_all
                || (self.palette.is_some() && entry.kind != EntryKind::Symlink)
                || (options.indicator == Indicator::Classify
                    && matches!(entry.kind, EntryKind::File | EntryKind::Other));
            let quiet = self.palette.is_some() && entry.kind == EntryKind::Symlink;
            if !needed && !quiet {
                continue;
            }
            entry.looked_up = match self.metadata(&entry.path) {
                Ok(meta) => LookedUp::Found(meta),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => LookedUp::Gone,
                Err(_) if quiet && !needed => LookedUp::NotAsked,
                Err(e) => {
                    PROGRAM.warn(format!(
                        "cannot access '{}': {}",
                        entry.path,
                        describe_io_error(&e)
                    ));
                    self.status = self.status.max(1);
                    LookedUp::Denied
                }
            };
        }
    }

    /// Lists one directory; one named on the command line that cannot be read is serious
    /// trouble (status 2), one met on the way down minor (1), as GNU ls counts them.
    fn list_directory(&mut self, path: &str, header: bool, named: bool) -> Result<(), Failure> {
        // Names and kinds from the directory stream: no lookup per entry unless -l asks.
        let listed = match wasi_fs::list_dir(std::path::Path::new(path)) {
            Ok(listed) => listed,
            Err(e) => {
                PROGRAM.warn(format!(
                    "cannot open directory '{path}': {}",
                    describe_io_error(&e)
                ));
                self.status = self.status.max(if named { 2 } else { 1 });
                return Ok(());
            }
        };
        // A directory that cannot be opened gets no section, as in GNU's listing.
        if self.printed_section {
            writeln!(self.out)?;
        }
        self.printed_section = true;
        if header {
            writeln!(self.out, "{path}:")?;
        }
        let mut entries = Vec::new();
        if self.options.all {
            for name in [".", ".."] {
                if self.options.leaves_out(name) {
                    continue;
                }
                entries.push(Entry {
                    name: name.into(),
                    path: format!("{}/{name}", path.trim_end_matches('/')),
                    is_dir: true,
                    kind: EntryKind::Directory,
                    looked_up: LookedUp::NotAsked,
                });
            }
        }
        for (name, kind) in listed {
            if self.options.leaves_out(&name) {
                continue;
            }
            entries.push(Entry {
                path: format!("{}/{name}", path.trim_end_matches('/')),
                name,
                is_dir: kind == EntryKind::Directory,
                kind,
                looked_up: LookedUp::NotAsked,
            });
        }
        self.look_up(&mut entries);
        self.sort(&mut entries);
        self.print_entries(&entries, true)?;
        if self.options.recursive {
            for entry in &entries {
                if entry.is_dir && entry.name != "." && entry.name != ".." {
                    self.list_directory(&entry.path, true, false)?;
                }
            }
        }
        Ok(())
    }

    fn print_entries(&mut self, entries: &[Entry], with_total: bool) -> Result<(), Failure> {
        if self.options.format == Format::Long {
            return self.print_long(entries, with_total);
        }
        let metas: Vec<Option<Metadata>> = entries
            .iter()
            .map(|e| e.looked_up.metadata().cloned())
            .collect();
        if self.options.blocks && with_total {
            let blocks: u64 = metas.iter().flatten().map(blocks_of).sum();
            write!(self.out, "total {}", self.block_count(blocks))?;
            self.out.write_all(&[self.options.end])?;
        }
        let paths: Vec<&str> = entries.iter().map(|e| e.path.as_str()).collect();
        let prefixes = self.prefixes(&paths, &metas);
        let padded = self.padded(&entries.iter().collect::<Vec<_>>());
        let cells: Vec<Cell> = entries
            .iter()
            .zip(&metas)
            .zip(prefixes)
            .zip(padded)
            .map(|(((entry, meta), prefix), pad)| {
                let (name, width) =
                    self.decorated(&entry.name, &entry.path, meta.as_ref(), entry.kind, true);
                let mut text = prefix.clone().into_bytes();
                if pad {
                    text.push(b' ');
                }
                text.extend(name);
                let width = prefix.len() + usize::from(pad) + width;
                Cell { text, width }
            })
            .collect();
        let (width, end) = (self.options.width, self.options.end);
        match self.options.format {
            Format::Vertical => layout::columns(self.out, &cells, width, true, end),
            Format::Across => layout::columns(self.out, &cells, width, false, end),
            Format::Commas => layout::commas(self.out, &cells, width, end),
            _ => {
                for cell in cells {
                    self.out.write_all(&cell.text)?;
                    self.out.write_all(&[end])?;
                }
                Ok(())
            }
        }
    }

    /// Which names get a space before them: as GNU's ls, where a style quotes only the
    /// names that need it and some in this listing are quoted, the others are moved one
    /// column right to line up with them (in columns and long listings).
    fn padded(&self, entries: &[&Entry]) -> Vec<bool> {
        let options = &self.options;
        let aligned = options.quoting.style.quotes_when_needed()
            && match options.format {
                Format::Long => true,
                Format::Vertical | Format::Across => options.width != 0,
                Format::OnePerLine | Format::Commas => false,
            };
        if !aligned {
            return vec![false; entries.len()];
        }
        let quoting = &options.quoting;
        let quoted: Vec<bool> = entries
            .iter()
            .map(|e| quoting.quote(&e.name).0 != *names::to_bytes(&e.name))
            .collect();
        let some_quoted = quoted.contains(&true);
        quoted.iter().map(|q| some_quoted && !q).collect()
    }

    /// What -i and -s put before each name: the inode and the blocks, right-aligned.
    fn prefixes(&self, paths: &[&str], metas: &[Option<Metadata>]) -> Vec<String> {
        // A long listing shows the context after the group instead.
        let context = self.options.context && self.options.format != Format::Long;
        if !self.options.inode && !self.options.blocks && !context {
            return vec![String::new(); paths.len()];
        }
        let inodes: Vec<String> = paths
            .iter()
            .map(|path| {
                if !self.options.inode {
                    return String::new();
                }
                wasi_fs::identity(std::path::Path::new(path), self.options.dereference)
                    .map_or("?".into(), |id| id.inode.to_string())
            })
            .collect();
        let blocks: Vec<String> = metas
            .iter()
            .map(|m| {
                m.as_ref()
                    .map_or("?".into(), |m| self.block_count(blocks_of(m)))
            })
            .collect();
        // Aligned, but in a comma-separated list.
        let aligned = self.options.format != Format::Commas;
        let widest = |texts: &[String]| texts.iter().map(String::len).max().filter(|_| aligned);
        let inode_width = widest(&inodes).unwrap_or(0);
        let block_width = widest(&blocks).unwrap_or(0);
        inodes
            .iter()
            .zip(&blocks)
            .map(|(inode, blocks)| {
                let mut prefix = String::new();
                if self.options.inode {
                    prefix.push_str(&format!("{inode:>inode_width$} "));
                }
                if self.options.blocks {
                    prefix.push_str(&format!("{blocks:>block_width$} "));
                }
                if context {
                    prefix.push_str("? ");
                }
                prefix
            })
            .collect()
    }

    /// The space `bytes` take, in the units `-s` shows.
    fn block_count(&self, bytes: u64) -> String {
        self.options.block_units.show(bytes)
    }

    /// A name as shown: quoted for a terminal, coloured, with its -F or -p indicator;
    /// and how many columns it takes. `linked` says a symlink gets `@` (not in -l, which
    /// shows where it points). Without metadata, the kind the listing gave decides.
    fn decorated(
        &mut self,
        name: &str,
        path: &str,
        meta: Option<&Metadata>,
        kind: EntryKind,
        linked: bool,
    ) -> (Vec<u8>, usize) {
        let (mut text, width) = self.options.quoting.quote(name);
        // The permission bits are asked for only when a colour or `*` depends on them.
        let wants_mode = self.palette.is_some() || self.options.indicator == Indicator::Classify;
        let mode = match meta {
            Some(meta) if wants_mode && !meta.file_type().is_symlink() => {
                filemode::permissions(path, meta)
            }
            _ => 0,
        };
        let kind = meta.map_or(kind, |meta| EntryKind::at(Path::new(path), meta));
        if let Some(palette) = &mut self.palette {
            let shown_as = match meta {
                Some(meta) => {
                    let broken = meta.file_type().is_symlink() && fs::metadata(path).is_err();
                    color::Kind::of(meta, kind, broken, mode)
                }
                None => color::Kind::listed(kind),
            };
            text = palette.paint(name, text, shown_as);
        }
        let typed = matches!(
            self.options.indicator,
            Indicator::FileType | Indicator::Classify
        );
        let indicator = match (kind, &self.options.indicator) {
            (EntryKind::Directory, Indicator::Slash) => Some('/'),
            (EntryKind::Directory, _) if typed => Some('/'),
            (EntryKind::Symlink, _) if typed && linked => Some('@'),
            (EntryKind::Fifo, _) if typed => Some('|'),
            (EntryKind::File, Indicator::Classify) if mode & 0o111 != 0 => Some('*'),
            _ => None,
        };
        match indicator {
            Some(c) => {
                text.push(c as u8);
                (text, width + 1)
            }
            None => (text, width),
        }
    }

    fn print_long(&mut self, entries: &[Entry], with_total: bool) -> Result<(), Failure> {
        // A long listing shows links themselves (unless -L); an entry gone since it was
        // listed is not shown, one that could not be looked up is shown with `?`s.
        let entries: Vec<&Entry> = entries
            .iter()
            .filter(|e| !matches!(e.looked_up, LookedUp::Gone))
            .collect();
        let metas: Vec<Option<Metadata>> = entries
            .iter()
            .map(|e| e.looked_up.metadata().cloned())
            .collect();
        let units = &self.options.size_units;
        let sizes: Vec<String> = metas
            .iter()
            .map(|meta| match (meta, units) {
                (Some(meta), Some(units)) => units.show(meta.len()),
                (Some(meta), None) => meta.len().to_string(),
                (None, _) => "?".into(),
            })
            .collect();
        if with_total {
            let blocks: u64 = metas.iter().flatten().map(blocks_of).sum();
            write!(self.out, "total {}", self.block_count(blocks))?;
            self.out.write_all(&[self.options.end])?;
        }
        let size_width = sizes.iter().map(String::len).max().unwrap_or(1);
        let links: Vec<String> = entries
            .iter()
            .zip(&metas)
            .map(|(e, meta)| match meta {
                Some(_) => {
                    wasi_fs::identity(std::path::Path::new(&e.path), self.options.dereference)
                        .map_or(1, |id| id.links)
                        .to_string()
                }
                None => "?".into(),
            })
            .collect();
        let links_width = links.iter().map(String::len).max().unwrap_or(1);
        let ownership = self.options.ownership;
        let known = if ownership.numeric {
            wasmix_common::ownership::ID
        } else {
            wasmix_common::ownership::NAME
        };
        let owner_width = if metas.iter().any(Option::is_some) {
            known.len()
        } else {
            1
        };
        let paths: Vec<&str> = entries.iter().map(|e| e.path.as_str()).collect();
        let prefixes = self.prefixes(&paths, &metas);
        let padded = self.padded(&entries);
        let now = SystemTime::now();
        let zone = LocalZone::from_env();
        for (((((entry, meta), size), links), prefix), pad) in entries
            .iter()
            .zip(&metas)
            .zip(sizes)
            .zip(links)
            .zip(prefixes)
            .zip(padded)
        {
            let (mode, owner, time) = match meta {
                Some(meta) => (
                    mode_string(&entry.path, meta),
                    known,
                    listing_time(
                        self.stamp(&entry.path, meta).unwrap_or(now),
                        now,
                        &zone,
                        self.options.time_style.as_ref(),
                    ),
                ),
                // In the default style's width, as GNU pads it.
                None if self.options.time_style.is_none() => {
                    (unknown_mode(entry.kind), "?", format!("{:>12}", "?"))
                }
                None => (unknown_mode(entry.kind), "?", "?".into()),
            };
            write!(self.out, "{prefix}{mode} {links:>links_width$} ")?;
            // Owner and group are the same one user here.
            for shown in [ownership.owner, ownership.group] {
                if shown {
                    write!(self.out, "{owner:<owner_width$} ")?;
                }
            }
            if self.options.context {
                write!(self.out, "? ")?;
            }
            write!(
                self.out,
                "{size:>size_width$} {time} {}",
                if pad { " " } else { "" }
            )?;
            let (name, _) =
                self.decorated(&entry.name, &entry.path, meta.as_ref(), entry.kind, false);
            self.out.write_all(&name)?;
            if let Some(meta) = meta
                && meta.file_type().is_symlink()
                && let Ok(target) = fs::read_link(&entry.path)
            {
                let target = target.to_string_lossy().into_owned();
                let target_meta = fs::metadata(&entry.path).ok();
                let (shown, _) = match &target_meta {
                    Some(target_meta) => self.decorated(
                        &target,
                        &entry.path,
                        Some(target_meta),
                        EntryKind::of(target_meta),
                        false,
                    ),
                    None => self.options.quoting.quote(&target),
                };
                self.out.write_all(b" -> ")?;
                self.out.write_all(&shown)?;
            }
            self.out.write_all(&[self.options.end])?;
        }
        Ok(())
    }
}

/// The mode column of an entry that could not be looked up: its kind, as the listing
/// gave it, and nothing else.
fn unknown_mode(kind: EntryKind) -> String {
    let letter = match kind {
        EntryKind::Directory => 'd',
        EntryKind::Symlink => 'l',
        EntryKind::File => '-',
        EntryKind::Fifo => 'p',
        EntryKind::Other => '?',
    };
    format!("{letter}?????????")
}

/// The bytes a file takes on disk.
fn blocks_of(meta: &Metadata) -> u64 {
    wasi_fs::allocated(meta.len(), EntryKind::of(meta))
}

/// `Nov 26 05:25` for the last six months, `Nov 26  2025` before (and in the future),
/// or the formats of `--time-style` (old, recent), unpadded.
fn listing_time(
    time: SystemTime,
    now: SystemTime,
    zone: &LocalZone,
    style: Option<&(String, String)>,
) -> String {
    let half_year = Duration::from_secs(183 * 24 * 3600);
    let recent = now.duration_since(time).is_ok_and(|age| age < half_year);
    // In the zone `TZ` names, as GNU's ls shows times.
    let utc = DateTime::<Utc>::from(time);
    let offset = FixedOffset::east_opt(zone.offset_at(utc.timestamp()));
    let time = utc.with_timezone(&offset.unwrap_or(Utc.fix()));
    let format = match (style, recent) {
        (Some((_, recent_format)), true) => recent_format.as_str(),
        (Some((old_format, _)), false) => old_format.as_str(),
        (None, true) => "%b %e %H:%M",
        (None, false) => "%b %e  %Y",
    };
    let text = time.format(format).to_string();
    if style.is_some() {
        text
    } else {
        format!("{text:>12}")
    }
}
