//! grep: print lines that match patterns. The command line is read in `options.rs`, the
//! patterns compiled in `pattern.rs`, and each input searched by `search.rs` (line by
//! line) or `blocks.rs` (a block at a time).

mod blocks;
mod options;
mod pattern;
mod search;

use options::Options;
use pattern::Matcher;
use search::Searcher;
use std::fs;
use std::path::Path;
use wasmix_common::{Program, describe_io_error, input, wasi_fs};

static PROGRAM: Program = Program {
    usage_status: 2,
    failure_status: 2,
    ..Program::new(
        "grep",
        "Usage: grep [OPTION]... PATTERNS [FILE]...\n\
         Search for PATTERNS in each FILE.\n\
         PATTERNS can contain multiple patterns separated by newlines.\n\n\
         Pattern selection and interpretation:\n  \
         -E, --extended-regexp     PATTERNS are extended regular expressions\n  \
         -F, --fixed-strings       PATTERNS are strings\n  \
         -G, --basic-regexp        PATTERNS are basic regular expressions (default)\n  \
         -P, --perl-regexp         PATTERNS are Perl regular expressions\n  \
         -e, --regexp=PATTERNS     use PATTERNS for matching\n  \
         -f, --file=FILE           take PATTERNS from FILE\n  \
         -i, --ignore-case         ignore case distinctions in patterns and data\n      \
         --no-ignore-case      do not ignore case distinctions (default)\n  \
         -w, --word-regexp         match only whole words\n  \
         -x, --line-regexp         match only whole lines\n  \
         -z, --null-data           a data line ends in 0 byte, not newline\n\n\
         Miscellaneous:\n  \
         -s, --no-messages         suppress error messages\n  \
         -v, --invert-match        select non-matching lines\n\n\
         Output control:\n  \
         -m, --max-count=NUM       stop after NUM selected lines\n  \
         -b, --byte-offset         print the byte offset with output lines\n  \
         -n, --line-number         print line number with output lines\n      \
         --line-buffered       flush output on every line\n  \
         -H, --with-filename       print file name with output lines\n  \
         -h, --no-filename         suppress the file name prefix on output\n      \
         --label=LABEL         use LABEL as the standard input file name prefix\n  \
         -o, --only-matching       show only nonempty parts of lines that match\n  \
         -q, --quiet, --silent     suppress all normal output\n      \
         --binary-files=TYPE   assume that binary files are TYPE;\n                            \
         TYPE is 'binary', 'text', or 'without-match'\n  \
         -a, --text                equivalent to --binary-files=text\n  \
         -I                        equivalent to --binary-files=without-match\n  \
         -r, --recursive           search directories recursively\n  \
         -R, --dereference-recursive  likewise, but follow all symlinks\n      \
         --include=GLOB        search only files that match GLOB (a file pattern)\n      \
         --exclude=GLOB        skip files that match GLOB\n      \
         --exclude-from=FILE   skip files that match any file pattern from FILE\n      \
         --exclude-dir=GLOB    skip directories that match GLOB\n  \
         -d, --directories=ACTION  how to handle directories;\n                            \
         ACTION is 'read', 'recurse', or 'skip'\n  \
         -D, --devices=ACTION      how to handle devices, FIFOs and sockets;\n                            \
         ACTION is 'read' or 'skip'\n  \
         -L, --files-without-match  print only names of FILEs with no selected lines\n  \
         -l, --files-with-matches  print only names of FILEs with selected lines\n  \
         -c, --count               print only a count of selected lines per FILE\n  \
         -T, --initial-tab         make tabs line up (if needed)\n  \
         -Z, --null                print 0 byte after FILE name\n\n\
         Context control:\n  \
         -B, --before-context=NUM  print NUM lines of leading context\n  \
         -A, --after-context=NUM   print NUM lines of trailing context\n  \
         -C, --context=NUM         print NUM lines of output context\n  \
         -NUM                      same as --context=NUM\n      \
         --group-separator=SEP  print SEP on line between matches with context\n      \
         --no-group-separator  do not print separator for matches with context\n      \
         --color[=WHEN],\n      \
         --colour[=WHEN]       use markers to highlight the matching strings;\n                            \
         WHEN is 'always', 'never', or 'auto'\n  \
         -U, --binary              do not strip CR characters at EOL (MSDOS/Windows)\n      \
         --help        display this help and exit\n      \
         --version     output version information and exit\n\n\
         Exit status is 0 if any line is selected, 1 otherwise;\n\
         if any error occurs and -q is not given, the exit status is 2.\n",
    )
};

fn main() {
    PROGRAM.run(|args, out| {
        let command = options::parse(args)?;
        let matcher = Matcher::new(&command.patterns, &command.shape)?;
        for warning in &matcher.regex.warnings {
            PROGRAM.warn(format!("warning: {warning}"));
        }
        let mut operands = command.operands;
        let options = command.options;
        if options.line_buffered {
            out.line_buffered();
        }
        // `grep -r` with no operand searches `.` but names what it finds without `./`.
        let implicit_dir = operands.is_empty() && options.recursive;
        if operands.is_empty() {
            operands.push(if options.recursive {
                ".".into()
            } else {
                "-".into()
            });
        }
        // As GNU: names are shown for several operands, or for a directory searched
        // recursively, not for one file (even with -r).
        let recursing = options.recursive
            && operands
                .iter()
                .any(|o| o != "-" && fs::metadata(o).is_ok_and(|m| m.is_dir()));
        let show_names = options.names.unwrap_or(operands.len() > 1 || recursing);
        let mut walk = Walk {
            searcher: Searcher {
                matcher,
                options,
                out,
                show_names,
                matched: false,
                grouped: false,
                number_width: 0,
                from_stdin: false,
            },
            failed: false,
            implicit_dir,
        };
        for operand in &operands {
            walk.operand(operand)?;
            if walk.searcher.matched && walk.searcher.options.quiet {
                break;
            }
        }
        let quiet = walk.searcher.options.quiet;
        Ok(match (walk.searcher.matched, walk.failed) {
            (true, _) if quiet => 0,
            (_, true) => 2,
            (true, false) => 0,
            (false, false) => 1,
        })
    })
}

/// The operands, and the directories under them with -r.
struct Walk<'o> {
    searcher: Searcher<'o>,
    failed: bool,
    implicit_dir: bool,
}

impl Walk<'_> {
    fn options(&self) -> &Options {
        &self.searcher.options
    }

    fn complain(&mut self, message: String) {
        if !self.options().no_messages {
            PROGRAM.warn(message);
        }
        self.failed = true;
    }

    /// Whether --include and --exclude let a file be searched.
    fn wanted(&self, path: &str) -> bool {
        let name = path.rsplit('/').next().unwrap_or(path);
        let o = self.options();
        !o.exclude.iter().any(|p| p.matches(name))
            && (o.include.is_empty() || o.include.iter().any(|p| p.matches(name)))
    }

    /// Whether --exclude-dir skips a directory.
    fn excluded_dir(&self, path: &str) -> bool {
        let path = path.trim_end_matches('/');
        let base = path.rsplit('/').next().unwrap_or(path);
        self.options().exclude_dir.iter().any(|p| p.matches(base))
    }

    fn operand(&mut self, path: &str) -> Result<(), wasmix_common::Failure> {
        // An empty name names nothing (wasi-libc would look up the working directory).
        let meta = (path != "-" && !path.is_empty())
            .then(|| fs::metadata(path).ok())
            .flatten();
        if meta.as_ref().is_some_and(|m| m.is_dir()) {
            if self.options().skip_directories && !self.options().recursive {
                return Ok(());
            }
            if !self.options().recursive {
                // As GNU's: a file whose read failed, so with nothing in it (`-c` counts
                // 0 for it, `-L` names it).
                self.complain(format!("{path}: Is a directory"));
                return self.searcher.search(Box::new(std::io::empty()), path);
            }
            if path != "." && self.excluded_dir(path) {
                return Ok(());
            }
            // The names from the directory stream itself, in its order as GNU's walk takes
            // them: one that cannot be looked up (its directory is not searchable) is
            // still named, to be complained of.
            let names: Vec<String> = match wasi_fs::list_dir(std::path::Path::new(path)) {
                Ok(entries) => entries.into_iter().map(|(name, _)| name).collect(),
                Err(e) => {
                    self.complain(format!("{path}: {}", describe_io_error(&e)));
                    return Ok(());
                }
            };
            for name in names {
                let child = if self.implicit_dir && path == "." {
                    name
                } else {
                    format!("{}/{name}", path.trim_end_matches('/'))
                };
                let meta = fs::symlink_metadata(&child);
                if meta.as_ref().is_ok_and(|m| m.is_symlink()) && !self.options().dereference {
                    continue;
                }
                let target = fs::metadata(&child);
                let is_dir = target.as_ref().is_ok_and(|m| m.is_dir());
                if is_dir && self.excluded_dir(&child) || !is_dir && !self.wanted(&child) {
                    continue;
                }
                let device = target.as_ref().is_ok_and(|m| {
                    !matches!(
                        wasi_fs::EntryKind::at(Path::new(&child), m),
                        wasi_fs::EntryKind::File | wasi_fs::EntryKind::Directory
                    )
                });
                if device && !self.options().read_devices {
                    continue;
                }
                self.operand(&child)?;
                if self.searcher.matched && self.options().quiet {
                    return Ok(());
                }
            }
            return Ok(());
        }
        if path != "-" && !self.wanted(path) {
            return Ok(());
        }
        let label = match (&self.options().label, path) {
            (Some(label), "-") => label.clone(),
            (None, "-") => "(standard input)".to_string(),
            _ => path.to_string(),
        };
        if self.options().skip_devices
            && let Some(meta) = &meta
            && !matches!(
                wasi_fs::EntryKind::at(Path::new(path), meta),
                wasi_fs::EntryKind::File | wasi_fs::EntryKind::Directory
            )
        {
            return Ok(());
        }
        // -T lines numbers up to the width of the input's size, as GNU's does; where the
        // size is unknown, to the widest number.
        self.searcher.number_width = match &meta {
            Some(meta) if meta.is_file() => meta.len().max(1).ilog10() as usize + 1,
            _ => 19,
        };
        self.searcher.from_stdin = path == "-";
        match input::open(path) {
            Ok(reader) => self.searcher.search(reader, &label),
            Err(e) => {
                self.complain(format!("{path}: {}", describe_io_error(&e)));
                Ok(())
            }
        }
    }
}
