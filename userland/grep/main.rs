//! grep: print lines that match patterns.

use regex::bytes::{Regex, RegexBuilder};
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use wasmix_common::basic_regex::basic_to_extended;
use wasmix_common::{Arg, Failure, Output, Program, args, describe_io_error, input};

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
         -e, --regexp=PATTERNS     use PATTERNS for matching\n  \
         -i, --ignore-case         ignore case distinctions in patterns and data\n  \
         -w, --word-regexp         match only whole words\n  \
         -x, --line-regexp         match only whole lines\n\n\
         Output control:\n  \
         -v, --invert-match        select non-matching lines\n  \
         -c, --count               print only a count of selected lines per FILE\n  \
         -l, --files-with-matches  print only names of FILEs with selected lines\n  \
         -n, --line-number         print line number with output lines\n  \
         -o, --only-matching       show only nonempty parts of lines that match\n  \
         -q, --quiet, --silent     suppress all normal output\n  \
         -H, --with-filename       print file name with output lines\n  \
         -h, --no-filename         suppress the file name prefix on output\n  \
         -r, --recursive           search directories recursively\n  \
         -R, --dereference-recursive  likewise, but follow all symlinks\n      \
         --help        display this help and exit\n      \
         --version     output version information and exit\n\n\
         Exit status is 0 if any line is selected, 1 otherwise;\n\
         if any error occurs and -q is not given, the exit status is 2.\n",
    )
};

#[derive(Clone, Copy, PartialEq)]
enum Syntax {
    Basic,
    Extended,
    Fixed,
}

#[derive(Default)]
struct Options {
    invert: bool,
    count: bool,
    files_only: bool,
    numbers: bool,
    only_matching: bool,
    quiet: bool,
    names: Option<bool>,
    recursive: bool,
    /// `-R`: follow every symbolic link met while recursing; `-r` follows only those
    /// named on the command line, as GNU grep.
    dereference: bool,
}

struct Searcher<'o> {
    regex: Regex,
    options: Options,
    out: &'o mut Output,
    show_names: bool,
    matched: bool,
    failed: bool,
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut syntax = Syntax::Basic;
        let (mut ignore_case, mut words, mut whole_lines) = (false, false, false);
        let mut options = Options::default();
        let mut patterns: Vec<String> = Vec::new();
        let mut operands = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('E') | Arg::Long("extended-regexp") => syntax = Syntax::Extended,
                Arg::Short('F') | Arg::Long("fixed-strings") => syntax = Syntax::Fixed,
                Arg::Short('G') | Arg::Long("basic-regexp") => syntax = Syntax::Basic,
                Arg::Short('e') | Arg::Long("regexp") => patterns.push(args.value()?),
                Arg::Short('i') | Arg::Long("ignore-case") => ignore_case = true,
                Arg::Short('w') | Arg::Long("word-regexp") => words = true,
                Arg::Short('x') | Arg::Long("line-regexp") => whole_lines = true,
                Arg::Short('v') | Arg::Long("invert-match") => options.invert = true,
                Arg::Short('c') | Arg::Long("count") => options.count = true,
                Arg::Short('l') | Arg::Long("files-with-matches") => options.files_only = true,
                Arg::Short('n') | Arg::Long("line-number") => options.numbers = true,
                Arg::Short('o') | Arg::Long("only-matching") => options.only_matching = true,
                Arg::Short('q') | Arg::Long("quiet") | Arg::Long("silent") => options.quiet = true,
                Arg::Short('H') | Arg::Long("with-filename") => options.names = Some(true),
                Arg::Short('h') | Arg::Long("no-filename") => options.names = Some(false),
                Arg::Short('r') | Arg::Long("recursive") => options.recursive = true,
                Arg::Short('R') | Arg::Long("dereference-recursive") => {
                    options.recursive = true;
                    options.dereference = true;
                }
                Arg::Value(v) => operands.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if patterns.is_empty() {
            if operands.is_empty() {
                eprintln!(
                    "Usage: grep [OPTION]... PATTERNS [FILE]...\n\
                     Try 'grep --help' for more information."
                );
                return Err(Failure::Status(2));
            }
            patterns.push(operands.remove(0));
        }
        let regex = build_regex(&patterns, syntax, ignore_case, words, whole_lines)?;
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
        let mut searcher = Searcher {
            regex,
            options,
            out,
            show_names,
            matched: false,
            failed: false,
        };
        for operand in operands {
            searcher.search_path(&operand)?;
        }
        Ok(
            match (searcher.failed && !searcher.options.quiet, searcher.matched) {
                (true, _) => 2,
                (false, true) => 0,
                (false, false) => 1,
            },
        )
    })
}

fn build_regex(
    patterns: &[String],
    syntax: Syntax,
    ignore_case: bool,
    words: bool,
    whole_lines: bool,
) -> Result<Regex, Failure> {
    let alternatives: Vec<String> = patterns
        .iter()
        .flat_map(|p| p.split('\n'))
        .map(|p| match syntax {
            Syntax::Fixed => regex::escape(p),
            Syntax::Basic => basic_to_extended(p),
            Syntax::Extended => p.to_string(),
        })
        .map(|p| {
            if whole_lines {
                format!("^(?:{p})$")
            } else if words {
                format!(r"\b(?:{p})\b")
            } else {
                format!("(?:{p})")
            }
        })
        .collect();
    RegexBuilder::new(&alternatives.join("|"))
        .case_insensitive(ignore_case)
        .multi_line(true)
        .build()
        .map_err(|e| Failure::Fatal(format!("invalid regular expression: {e}")))
}

impl Searcher<'_> {
    fn search_path(&mut self, path: &str) -> Result<(), Failure> {
        if path != "-" && fs::metadata(path).is_ok_and(|m| m.is_dir()) {
            if !self.options.recursive {
                PROGRAM.warn(format!("{path}: Is a directory"));
                self.failed = true;
                return Ok(());
            }
            let mut names: Vec<String> = match fs::read_dir(path) {
                Ok(entries) => entries
                    .flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect(),
                Err(e) => {
                    PROGRAM.warn(format!("{path}: {}", describe_io_error(&e)));
                    self.failed = true;
                    return Ok(());
                }
            };
            names.sort();
            for name in names {
                let child = format!("{}/{name}", path.trim_end_matches('/'));
                let link = fs::symlink_metadata(&child).is_ok_and(|m| m.is_symlink());
                if link && !self.options.dereference {
                    continue;
                }
                self.search_path(&child)?;
            }
            return Ok(());
        }
        match input::open(path) {
            Ok(reader) => self.search(reader, path),
            Err(e) => {
                if !self.options.quiet {
                    PROGRAM.warn(format!("{path}: {}", describe_io_error(&e)));
                }
                self.failed = true;
                Ok(())
            }
        }
    }

    fn search(&mut self, reader: Box<dyn Read>, path: &str) -> Result<(), Failure> {
        let label = if path == "-" {
            "(standard input)"
        } else {
            path
        };
        let prefix = if self.show_names {
            format!("{label}:")
        } else {
            String::new()
        };
        if !self.options.only_matching && !self.options.numbers {
            return self.search_blocks(reader, label, &prefix);
        }
        let mut count = 0u64;
        // One buffer, reused for every line.
        let mut reader = BufReader::with_capacity(256 * 1024, reader);
        let mut buffer = Vec::new();
        for index in 0.. {
            buffer.clear();
            if reader.read_until(b'\n', &mut buffer)? == 0 {
                break;
            }
            let line = buffer.strip_suffix(b"\n").unwrap_or(&buffer);
            if self.regex.is_match(line) == self.options.invert {
                continue;
            }
            count += 1;
            self.matched = true;
            if self.options.quiet {
                return Ok(());
            }
            if self.options.files_only {
                writeln!(self.out, "{label}")?;
                return Ok(());
            }
            if self.options.count {
                continue;
            }
            let number = if self.options.numbers {
                format!("{}:", index + 1)
            } else {
                String::new()
            };
            if self.options.only_matching && !self.options.invert {
                for found in self.regex.find_iter(line).filter(|m| !m.is_empty()) {
                    self.out.write_all(prefix.as_bytes())?;
                    self.out.write_all(number.as_bytes())?;
                    self.out.write_all(found.as_bytes())?;
                    self.out.write_all(b"\n")?;
                }
            } else {
                self.out.write_all(prefix.as_bytes())?;
                self.out.write_all(number.as_bytes())?;
                self.out.write_all(line)?;
                self.out.write_all(b"\n")?;
            }
        }
        if self.options.count {
            writeln!(self.out, "{prefix}{count}")?;
        }
        Ok(())
    }

    /// The search without line numbers or `-o`: the regex runs over blocks of whole lines
    /// rather than line by line, and the lines between matches are passed on (or, with
    /// `-v`, written) as they are. A match the regex finds is only a candidate: its line is
    /// checked alone, since a class like `[^a]` can match across a newline and GNU grep
    /// never matches across lines.
    fn search_blocks(
        &mut self,
        mut reader: Box<dyn Read>,
        label: &str,
        prefix: &str,
    ) -> Result<(), Failure> {
        let mut block: Vec<u8> = Vec::with_capacity(BLOCK + 4096);
        let mut count = 0u64;
        loop {
            let kept = block.len();
            block.resize(kept + BLOCK, 0);
            let read = loop {
                match reader.read(&mut block[kept..]) {
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    other => break other?,
                }
            };
            block.truncate(kept + read);
            let end = read == 0;
            // Whole lines only; a partial last line waits for the next read.
            let whole = match block.iter().rposition(|&b| b == b'\n') {
                Some(last) if !end => last + 1,
                _ if end => block.len(),
                _ => continue,
            };
            match self.search_lines(&block[..whole], label, prefix, &mut count)? {
                Searched::Stop => return Ok(()),
                Searched::Go => {}
            }
            block.drain(..whole);
            if end {
                break;
            }
        }
        if self.options.count {
            writeln!(self.out, "{prefix}{count}")?;
        }
        Ok(())
    }

    /// Searches whole lines (the last may lack its newline), counting selected lines.
    fn search_lines(
        &mut self,
        lines: &[u8],
        label: &str,
        prefix: &str,
        count: &mut u64,
    ) -> Result<Searched, Failure> {
        let invert = self.options.invert;
        // From `unselected` on, lines are not selected so far (with -v, written as a run).
        let mut position = 0;
        let mut unselected = 0;
        while position < lines.len() {
            let Some(found) = self.regex.find_at(lines, position) else {
                break;
            };
            let start = lines[..found.start()]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1)
                .max(position);
            let end = lines[start..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(lines.len(), |i| start + i);
            let next = (end + 1).min(lines.len());
            position = next;
            // A match within one line is that line's; one across lines is checked alone.
            if found.as_bytes().contains(&b'\n') && !self.regex.is_match(&lines[start..end]) {
                continue;
            }
            if invert {
                self.select_run(&lines[unselected..start], label, prefix, count)?;
            } else {
                self.select_run(&lines[start..next], label, prefix, count)?;
            }
            if self.stops() {
                return Ok(Searched::Stop);
            }
            unselected = next;
        }
        if invert {
            self.select_run(&lines[unselected..], label, prefix, count)?;
        }
        Ok(if self.stops() {
            Searched::Stop
        } else {
            Searched::Go
        })
    }

    /// Selects a run of whole lines (each with its newline, but for the last line of the
    /// input, which may lack it): counts them, or writes them.
    fn select_run(
        &mut self,
        run: &[u8],
        label: &str,
        prefix: &str,
        count: &mut u64,
    ) -> Result<(), Failure> {
        if run.is_empty() {
            return Ok(());
        }
        let unterminated = !run.ends_with(b"\n");
        *count += run.iter().filter(|&&b| b == b'\n').count() as u64 + u64::from(unterminated);
        self.matched = true;
        if self.options.quiet || self.options.count {
            return Ok(());
        }
        if self.options.files_only {
            writeln!(self.out, "{label}")?;
            return Ok(());
        }
        if prefix.is_empty() {
            self.out.write_all(run)?;
        } else {
            for line in run
                .strip_suffix(b"\n")
                .unwrap_or(run)
                .split(|&b| b == b'\n')
            {
                self.out.write_all(prefix.as_bytes())?;
                self.out.write_all(line)?;
                self.out.write_all(b"\n")?;
            }
            return Ok(());
        }
        if unterminated {
            self.out.write_all(b"\n")?;
        }
        Ok(())
    }

    /// Whether searching this input can stop: -q or -l have their answer.
    fn stops(&self) -> bool {
        self.matched && (self.options.quiet || self.options.files_only)
    }
}

/// Whether the search of an input goes on.
enum Searched {
    Go,
    Stop,
}

/// How much is read at a time for a block search.
const BLOCK: usize = 256 * 1024;
