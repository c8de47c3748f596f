//! ls: list directory contents.

use chrono::{DateTime, Utc};
use std::fs::{self, Metadata};
use std::io::Write;
use std::time::{Duration, SystemTime};
use wasmix_common::filemode::mode_string;
use wasmix_common::numbers::human_size;
use wasmix_common::{Arg, Failure, Output, Program, args, describe_io_error, names, wasi_fs};

static PROGRAM: Program = Program {
    usage_status: 2,
    ..Program::new(
        "ls",
        "Usage: ls [OPTION]... [FILE]...\n\
         List information about the FILEs (the current directory by default).\n\
         Entries are sorted by name.\n\n  \
         -a, --all                  do not ignore entries starting with .\n  \
         -A, --almost-all           do not list implied . and ..\n  \
         -d, --directory            list directories themselves, not their contents\n  \
         -h, --human-readable       with -l, print sizes like 1K 234M 2G\n  \
         -l                         use a long listing format\n  \
         -r, --reverse              reverse order while sorting\n  \
         -R, --recursive            list subdirectories recursively\n  \
         -1                         list one file per line\n      \
         --help        display this help and exit\n      \
         --version     output version information and exit\n\n\
         Exit status:\n \
         0  if OK,\n \
         1  if minor problems (e.g., cannot access subdirectory),\n \
         2  if serious trouble (e.g., cannot access command-line argument).\n",
    )
};

#[derive(Default)]
struct Options {
    all: bool,
    almost_all: bool,
    directory: bool,
    human: bool,
    long: bool,
    reverse: bool,
    recursive: bool,
    one_per_line: bool,
}

/// One name to show, with what is known of it.
struct Entry {
    name: String,
    path: String,
    /// Listed as a directory (a link to one is not, in a directory's listing).
    is_dir: bool,
}

struct Lister<'o> {
    options: Options,
    out: &'o mut Output,
    columns: Option<usize>,
    status: u8,
    printed_section: bool,
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut options = Options::default();
        let mut operands = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('a') | Arg::Long("all") => options.all = true,
                Arg::Short('A') | Arg::Long("almost-all") => options.almost_all = true,
                Arg::Short('d') | Arg::Long("directory") => options.directory = true,
                Arg::Short('h') | Arg::Long("human-readable") => options.human = true,
                Arg::Short('l') => options.long = true,
                Arg::Short('r') | Arg::Long("reverse") => options.reverse = true,
                Arg::Short('R') | Arg::Long("recursive") => options.recursive = true,
                Arg::Short('1') => options.one_per_line = true,
                Arg::Value(v) => operands.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let columns = (out.is_terminal() && !options.one_per_line && !options.long).then(|| {
            std::env::var("COLUMNS")
                .ok()
                .and_then(|c| c.parse().ok())
                .unwrap_or(80)
        });
        let mut lister = Lister {
            options,
            out,
            columns,
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
            match fs::metadata(&operand).or_else(|_| fs::symlink_metadata(&operand)) {
                Ok(meta) => {
                    let meta = match fs::symlink_metadata(&operand) {
                        Ok(link) if link.file_type().is_symlink() && self.options.long => link,
                        _ => meta,
                    };
                    let entry = Entry {
                        name: operand.clone(),
                        path: operand,
                        is_dir: meta.is_dir(),
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
            self.list_directory(&dir.path, headers)?;
        }
        Ok(())
    }

    fn sort(&self, entries: &mut [Entry]) {
        entries.sort_by(|a, b| a.name.as_bytes().cmp(b.name.as_bytes()));
        if self.options.reverse {
            entries.reverse();
        }
    }

    fn list_directory(&mut self, path: &str, header: bool) -> Result<(), Failure> {
        if self.printed_section {
            writeln!(self.out)?;
        }
        self.printed_section = true;
        if header {
            writeln!(self.out, "{path}:")?;
        }
        // Names and kinds from the directory stream: no lookup per entry unless -l asks.
        let listed = match wasi_fs::list_dir(std::path::Path::new(path)) {
            Ok(listed) => listed,
            Err(e) => {
                PROGRAM.warn(format!(
                    "cannot open directory '{path}': {}",
                    describe_io_error(&e)
                ));
                self.status = self.status.max(1);
                return Ok(());
            }
        };
        let mut entries = Vec::new();
        if self.options.all {
            for name in [".", ".."] {
                entries.push(Entry {
                    name: name.into(),
                    path: format!("{}/{name}", path.trim_end_matches('/')),
                    is_dir: true,
                });
            }
        }
        for (name, kind) in listed {
            if name.starts_with('.') && !(self.options.all || self.options.almost_all) {
                continue;
            }
            entries.push(Entry {
                path: format!("{}/{name}", path.trim_end_matches('/')),
                name,
                is_dir: kind == wasi_fs::EntryKind::Directory,
            });
        }
        self.sort(&mut entries);
        self.print_entries(&entries, true)?;
        if self.options.recursive {
            for entry in &entries {
                if entry.is_dir && entry.name != "." && entry.name != ".." {
                    self.list_directory(&entry.path, true)?;
                }
            }
        }
        Ok(())
    }

    fn print_entries(&mut self, entries: &[Entry], with_total: bool) -> Result<(), Failure> {
        if self.options.long {
            self.print_long(entries, with_total)
        } else if let Some(width) = self.columns {
            self.print_columns(entries, width)
        } else {
            for entry in entries {
                self.write_name(&entry.name)?;
                writeln!(self.out)?;
            }
            Ok(())
        }
    }

    fn print_long(&mut self, entries: &[Entry], with_total: bool) -> Result<(), Failure> {
        // A long listing shows links themselves; an entry gone since it was listed is not shown.
        let entries: Vec<(&Entry, Metadata)> = entries
            .iter()
            .filter_map(|e| fs::symlink_metadata(&e.path).ok().map(|meta| (e, meta)))
            .collect();
        let human = self.options.human;
        let size = |meta: &Metadata| {
            if human {
                human_size(meta.len())
            } else {
                meta.len().to_string()
            }
        };
        if with_total {
            let blocks: u64 = entries.iter().map(|(_, m)| m.len().div_ceil(1024)).sum();
            let total = if self.options.human {
                human_size(blocks * 1024)
            } else {
                blocks.to_string()
            };
            writeln!(self.out, "total {total}")?;
        }
        let size_width = entries
            .iter()
            .map(|(_, m)| size(m).len())
            .max()
            .unwrap_or(1);
        let links: Vec<u64> = entries
            .iter()
            .map(|(e, _)| {
                wasi_fs::identity(std::path::Path::new(&e.path), false).map_or(1, |id| id.links)
            })
            .collect();
        let links_width = links.iter().map(|n| n.to_string().len()).max().unwrap_or(1);
        let now = SystemTime::now();
        for ((entry, meta), links) in entries.iter().zip(links) {
            write!(
                self.out,
                "{} {:>links_width$} user user {:>size_width$} {} ",
                mode_string(meta),
                links,
                size(meta),
                listing_time(meta.modified().unwrap_or(now), now),
            )?;
            self.write_name(&entry.name)?;
            if meta.file_type().is_symlink()
                && let Ok(target) = fs::read_link(&entry.path)
            {
                write!(self.out, " -> ")?;
                self.write_name(&target.to_string_lossy())?;
            }
            writeln!(self.out)?;
        }
        Ok(())
    }

    /// A name as the host has it (a terminal sees odd bytes quoted, as GNU ls shows them).
    fn write_name(&mut self, name: &str) -> Result<(), Failure> {
        if self.columns.is_some() || self.out.is_terminal() {
            write!(self.out, "{}", names::quoted_for_terminal(name))?;
        } else {
            self.out.write_all(&names::to_bytes(name))?;
        }
        Ok(())
    }

    /// Names in columns filled top to bottom, as many columns as fit in `width`.
    fn print_columns(&mut self, entries: &[Entry], width: usize) -> Result<(), Failure> {
        if entries.is_empty() {
            return Ok(());
        }
        let shown: Vec<String> = entries
            .iter()
            .map(|e| names::quoted_for_terminal(&e.name).into_owned())
            .collect();
        let lengths: Vec<usize> = shown.iter().map(|name| name.chars().count()).collect();
        let mut layout = (1, vec![lengths.iter().copied().max().unwrap_or(0)]);
        for columns in (2..=entries.len()).rev() {
            let rows = entries.len().div_ceil(columns);
            let widths: Vec<usize> = lengths
                .chunks(rows)
                .map(|column| column.iter().copied().max().unwrap_or(0))
                .collect();
            let total: usize = widths.iter().map(|w| w + 2).sum::<usize>() - 2;
            if total <= width {
                layout = (widths.len(), widths);
                break;
            }
        }
        let (columns, widths) = layout;
        let rows = entries.len().div_ceil(columns);
        for row in 0..rows {
            let mut line = String::new();
            for (column, column_width) in widths.iter().enumerate() {
                let Some(name) = shown.get(column * rows + row) else {
                    break;
                };
                let last = column + 1 == widths.len() || (column + 1) * rows + row >= entries.len();
                if last {
                    line.push_str(name);
                } else {
                    line.push_str(&format!("{name:<w$}", w = column_width + 2));
                }
            }
            writeln!(self.out, "{line}")?;
        }
        Ok(())
    }
}

/// `Nov 26 05:25` for the last six months, `Nov 26  2025` before (and in the future).
fn listing_time(time: SystemTime, now: SystemTime) -> String {
    let half_year = Duration::from_secs(183 * 24 * 3600);
    let recent = now.duration_since(time).is_ok_and(|age| age < half_year);
    let time = DateTime::<Utc>::from(time);
    if recent {
        time.format("%b %e %H:%M").to_string()
    } else {
        time.format("%b %e  %Y").to_string()
    }
}
