//! sed: a stream editor. The script is parsed in `script.rs`, flattened here into one list
//! of commands (a block becomes a jump past its end when its address does not match), and
//! run over each line.

mod script;

use script::{Address, Command, Parser, Regex, Replace, Selector, Statement, Substitution};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use wasmix_common::{Arg, Failure, Program, args, describe_io_error, input};

static PROGRAM: Program = Program {
    usage_status: 1,
    failure_status: 4,
    ..Program::new(
        "sed",
        "Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n  \
         -n, --quiet, --silent\n                 \
         suppress automatic printing of pattern space\n  \
         -e script, --expression=script\n                 \
         add the script to the commands to be executed\n  \
         -f script-file, --file=script-file\n                 \
         add the contents of script-file to the commands to be executed\n  \
         -i[SUFFIX], --in-place[=SUFFIX]\n                 \
         edit files in place (makes backup if SUFFIX supplied)\n  \
         -E, -r, --regexp-extended\n                 \
         use extended regular expressions in the script\n  \
         -s, --separate\n                 \
         consider files as separate rather than as a single,\n                 \
         continuous long stream.\n      \
         --help     display this help and exit\n      \
         --version  output version information and exit\n\n\
         Commands: s y p P d D q Q = a i c n N h H g G x b t T : { } and #comments;\n\
         addresses: N, $, /REGEX/, FIRST~STEP, ADDR1,ADDR2, ADDR1,+N, and ! after them.\n",
    )
};

enum Step {
    Run(Command),
    /// A block: when its address does not match, go on at this index (past its end).
    Block(usize),
}

struct Op {
    selector: Selector,
    step: Step,
    /// For a range: whether it is open, and for `+N` the last line it covers.
    active: bool,
    until: usize,
}

fn flatten(statements: Vec<Statement>, ops: &mut Vec<Op>) {
    for statement in statements {
        let op = |step| Op {
            selector: statement.selector,
            step,
            active: false,
            until: 0,
        };
        match statement.command {
            Command::Block(inner) => {
                let at = ops.len();
                ops.push(op(Step::Block(0)));
                flatten(inner, ops);
                ops[at].step = Step::Block(ops.len());
            }
            command => ops.push(op(Step::Run(command))),
        }
    }
}

/// Lines of the input files, one file after another, knowing which line is the last.
struct Lines {
    files: std::vec::IntoIter<String>,
    reader: Option<Box<dyn BufRead>>,
    ahead: Option<(Vec<u8>, bool)>,
    status: u8,
}

impl Lines {
    fn new(files: Vec<String>) -> Lines {
        let mut lines = Lines {
            files: files.into_iter(),
            reader: None,
            ahead: None,
            status: 0,
        };
        lines.ahead = lines.read();
        lines
    }

    fn read(&mut self) -> Option<(Vec<u8>, bool)> {
        loop {
            if let Some(reader) = &mut self.reader {
                let mut line = Vec::new();
                match reader.read_until(b'\n', &mut line) {
                    Ok(0) => self.reader = None,
                    Ok(_) => {
                        let newline = line.last() == Some(&b'\n');
                        if newline {
                            line.pop();
                        }
                        return Some((line, newline));
                    }
                    Err(e) => {
                        PROGRAM.warn(format!("read error: {}", describe_io_error(&e)));
                        self.status = 2;
                        self.reader = None;
                    }
                }
            }
            let name = self.files.next()?;
            match input::open(&name) {
                Ok(reader) => self.reader = Some(Box::new(BufReader::new(reader))),
                Err(e) => {
                    PROGRAM.warn(format!("can't read {name}: {}", describe_io_error(&e)));
                    self.status = 2;
                }
            }
        }
    }

    fn next(&mut self) -> Option<(Vec<u8>, bool)> {
        let (line, newline) = self.ahead.take()?;
        self.ahead = self.read();
        // A file's unterminated last line gets its newline when more input follows.
        Some((line, newline || self.ahead.is_some()))
    }

    fn is_last(&self) -> bool {
        self.ahead.is_none()
    }
}

struct Editor {
    ops: Vec<Op>,
    labels: HashMap<String, usize>,
    quiet: bool,
    hold: Vec<u8>,
    last_regex: Option<Regex>,
}

enum Ended {
    Input,
    Quit(u8),
}

impl Editor {
    fn matches(&mut self, address: &Address, line: &[u8], number: usize, last: bool) -> bool {
        match address {
            Address::Line(n) => number == *n,
            Address::Last => last,
            Address::Step(first, step) => {
                if *step == 0 {
                    number == *first
                } else {
                    number >= *first && (number - first).is_multiple_of(*step)
                }
            }
            Address::Pattern(regex) => {
                if let Some(regex) = regex {
                    self.last_regex = Some(regex.clone());
                }
                self.last_regex.as_ref().is_some_and(|r| r.is_match(line))
            }
            Address::Following(_) => false,
        }
    }

    fn selected(&mut self, index: usize, line: &[u8], number: usize, last: bool) -> bool {
        let selector = std::mem::replace(
            &mut self.ops[index].selector,
            Selector {
                start: None,
                end: None,
                negate: false,
            },
        );
        let hit = match (&selector.start, &selector.end) {
            (None, _) => true,
            (Some(start), None) => self.matches(start, line, number, last),
            (Some(start), Some(end)) => {
                if self.ops[index].active {
                    let done = match end {
                        Address::Line(n) => number >= *n,
                        Address::Following(_) => number >= self.ops[index].until,
                        other => self.matches(other, line, number, last),
                    };
                    if done {
                        self.ops[index].active = false;
                    }
                    true
                } else if self.matches(start, line, number, last) {
                    let op = &mut self.ops[index];
                    match end {
                        Address::Line(n) => op.active = *n > number,
                        Address::Following(n) => {
                            op.until = number + n;
                            op.active = *n > 0;
                        }
                        _ => op.active = !last,
                    }
                    true
                } else {
                    false
                }
            }
        };
        let negate = selector.negate;
        self.ops[index].selector = selector;
        hit != negate
    }

    /// Runs the script over `lines`, writing to `out`.
    fn run(&mut self, lines: &mut Lines, out: &mut dyn Write) -> std::io::Result<Ended> {
        let mut number = 0;
        let mut pattern = Vec::new();
        let mut newline = true;
        let mut reuse = false;
        loop {
            if !reuse {
                let Some((line, ends)) = lines.next() else {
                    return Ok(Ended::Input);
                };
                pattern = line;
                newline = ends;
                number += 1;
            }
            reuse = false;
            let mut appended: Vec<u8> = Vec::new();
            let mut substituted = false;
            let mut print = !self.quiet;
            let mut index = 0;
            let mut quit = None;
            while index < self.ops.len() {
                let last = lines.is_last();
                if !self.selected(index, &pattern, number, last) {
                    index = match self.ops[index].step {
                        Step::Block(end) => end,
                        Step::Run(_) => index + 1,
                    };
                    continue;
                }
                let Step::Run(command) = &self.ops[index].step else {
                    index += 1;
                    continue;
                };
                index += 1;
                match command {
                    Command::Print => emit(out, &pattern, true)?,
                    Command::PrintFirstLine => {
                        let end = pattern
                            .iter()
                            .position(|&b| b == b'\n')
                            .unwrap_or(pattern.len());
                        emit(out, &pattern[..end], true)?;
                    }
                    Command::Delete => {
                        print = false;
                        break;
                    }
                    Command::DeleteFirstLine => {
                        if let Some(at) = pattern.iter().position(|&b| b == b'\n') {
                            pattern.drain(..=at);
                            reuse = true;
                        }
                        print = false;
                        break;
                    }
                    Command::Quit { code, print: show } => {
                        print &= *show;
                        quit = Some(*code);
                        break;
                    }
                    Command::LineNumber => writeln!(out, "{number}")?,
                    Command::Append(text) => appended.extend_from_slice(text),
                    Command::Insert(text) => out.write_all(text)?,
                    Command::Change(text) => {
                        // Within a range, the text replaces the whole range, once.
                        if !self.ops[index - 1].active || self.ops[index - 1].selector.negate {
                            out.write_all(text)?;
                        }
                        print = false;
                        break;
                    }
                    Command::Transliterate(pairs) => {
                        let text: String = String::from_utf8_lossy(&pattern)
                            .chars()
                            .map(|c| pairs.iter().find(|(f, _)| *f == c).map_or(c, |(_, t)| *t))
                            .collect();
                        pattern = text.into_bytes();
                    }
                    Command::Next => {
                        if lines.is_last() {
                            // GNU: with no next line, end as if the script had.
                            break;
                        }
                        if !self.quiet {
                            emit(out, &pattern, newline)?;
                        }
                        out.write_all(&std::mem::take(&mut appended))?;
                        let (line, ends) = lines.next().unwrap_or_default();
                        pattern = line;
                        newline = ends;
                        number += 1;
                    }
                    Command::AppendNext => {
                        if lines.is_last() {
                            break;
                        }
                        let (line, ends) = lines.next().unwrap_or_default();
                        pattern.push(b'\n');
                        pattern.extend(line);
                        newline = ends;
                        number += 1;
                    }
                    Command::Hold => self.hold = pattern.clone(),
                    Command::HoldAppend => {
                        self.hold.push(b'\n');
                        self.hold.extend_from_slice(&pattern);
                    }
                    Command::Get => pattern = self.hold.clone(),
                    Command::GetAppend => {
                        pattern.push(b'\n');
                        pattern.extend_from_slice(&self.hold);
                    }
                    Command::Exchange => std::mem::swap(&mut pattern, &mut self.hold),
                    Command::Label(_) => {}
                    Command::Branch(label) => index = self.target(label),
                    Command::BranchIfSubstituted(label) => {
                        if std::mem::take(&mut substituted) {
                            index = self.target(label);
                        }
                    }
                    Command::BranchUnlessSubstituted(label) => {
                        if !std::mem::take(&mut substituted) {
                            index = self.target(label);
                        }
                    }
                    Command::Substitute(substitution) => {
                        let regex = match &substitution.regex {
                            Some(regex) => regex.clone(),
                            None => match &self.last_regex {
                                Some(regex) => regex.clone(),
                                None => {
                                    return Err(std::io::Error::other(
                                        "no previous regular expression",
                                    ));
                                }
                            },
                        };
                        if let Some(result) = substitute(&regex, substitution, &pattern) {
                            pattern = result;
                            substituted = true;
                            if substitution.print {
                                emit(out, &pattern, true)?;
                            }
                        }
                        self.last_regex = Some(regex);
                    }
                    Command::Block(_) => {}
                }
            }
            if print {
                emit(out, &pattern, newline)?;
            }
            out.write_all(&appended)?;
            if let Some(code) = quit {
                return Ok(Ended::Quit(code));
            }
        }
    }

    fn target(&self, label: &str) -> usize {
        if label.is_empty() {
            self.ops.len()
        } else {
            self.labels.get(label).copied().unwrap_or(self.ops.len())
        }
    }
}

fn emit(out: &mut dyn Write, text: &[u8], newline: bool) -> std::io::Result<()> {
    out.write_all(text)?;
    if newline {
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// The pattern space after `s`, or None when nothing was replaced.
fn substitute(regex: &Regex, s: &Substitution, text: &[u8]) -> Option<Vec<u8>> {
    let mut result = Vec::new();
    let mut kept = 0;
    let mut replaced = false;
    for (count, captures) in regex.captures_iter(text).enumerate() {
        if count + 1 < s.occurrence {
            continue;
        }
        let whole = captures.get(0)?;
        result.extend_from_slice(&text[kept..whole.start()]);
        for part in &s.replacement {
            match part {
                Replace::Literal(bytes) => result.extend_from_slice(bytes),
                Replace::Group(n) => {
                    if let Some(group) = captures.get(*n) {
                        result.extend_from_slice(group.as_bytes());
                    }
                }
            }
        }
        kept = whole.end();
        replaced = true;
        if !s.global {
            break;
        }
    }
    if !replaced {
        return None;
    }
    result.extend_from_slice(&text[kept..]);
    Some(result)
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut scripts: Vec<String> = Vec::new();
        let mut quiet = false;
        let mut extended = false;
        let mut separate = false;
        let mut in_place: Option<String> = None;
        let mut operands = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('n') | Arg::Long("quiet" | "silent") => quiet = true,
                Arg::Short('e') | Arg::Long("expression") => scripts.push(args.value()?),
                Arg::Short('f') | Arg::Long("file") => {
                    let name = args.value()?;
                    let mut text = String::new();
                    input::open(&name)
                        .and_then(|mut r| r.read_to_string(&mut text))
                        .map_err(|e| {
                            Failure::Fatal(format!(
                                "couldn't open file {name}: {}",
                                describe_io_error(&e)
                            ))
                        })?;
                    scripts.push(text.strip_suffix('\n').unwrap_or(&text).to_string());
                }
                Arg::Short('E' | 'r') | Arg::Long("regexp-extended") => extended = true,
                Arg::Short('s') | Arg::Long("separate") => separate = true,
                Arg::Short('i') | Arg::Long("in-place") => {
                    in_place = Some(args.optional_value().unwrap_or_default());
                }
                Arg::Value(v) => operands.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if scripts.is_empty() {
            if operands.is_empty() {
                return Err(Failure::Usage("no script specified".into()));
            }
            scripts.push(operands.remove(0));
        }
        let mut statements = Vec::new();
        for (index, text) in scripts.iter().enumerate() {
            let parsed = Parser::new(text, extended, index + 1)
                .parse()
                .map_err(|e| {
                    PROGRAM.warn(e);
                    Failure::Status(1)
                })?;
            statements.extend(parsed);
        }
        let mut ops = Vec::new();
        flatten(statements, &mut ops);
        let labels = ops
            .iter()
            .enumerate()
            .filter_map(|(at, op)| match &op.step {
                Step::Run(Command::Label(name)) => Some((name.clone(), at)),
                _ => None,
            })
            .collect();
        let mut editor = Editor {
            ops,
            labels,
            quiet,
            hold: Vec::new(),
            last_regex: None,
        };
        let failed = |e: std::io::Error| {
            PROGRAM.warn(format!(
                "-e expression #1, char 0: {}",
                describe_io_error(&e)
            ));
            Failure::Status(1)
        };
        if let Some(suffix) = in_place {
            if operands.is_empty() {
                return Err(Failure::Fatal("no input files".into()));
            }
            let mut status = 0;
            for name in operands {
                let mut lines = Lines::new(vec![name.clone()]);
                let mut edited = Vec::new();
                let ended = editor.run(&mut lines, &mut edited).map_err(failed)?;
                status = status.max(lines.status);
                if lines.status == 0 {
                    if !suffix.is_empty() {
                        wasmix_common::file_out::copy_file(
                            std::path::Path::new(&name),
                            std::path::Path::new(&format!("{name}{suffix}")),
                        )
                        .map_err(|e| {
                            Failure::Fatal(format!("{name}: {}", describe_io_error(&e)))
                        })?;
                    }
                    wasmix_common::tree::replace_contents(std::path::Path::new(&name), &edited)
                        .map_err(|e| {
                            Failure::Fatal(format!(
                                "couldn't edit {name}: {}",
                                describe_io_error(&e)
                            ))
                        })?;
                }
                if let Ended::Quit(code) = ended {
                    return Ok(code);
                }
            }
            return Ok(status);
        }
        let operands = input::operands_or_stdin(operands);
        let groups = if separate {
            operands.into_iter().map(|name| vec![name]).collect()
        } else {
            vec![operands]
        };
        let mut status = 0;
        for files in groups {
            let mut lines = Lines::new(files);
            let ended = editor.run(&mut lines, out).map_err(failed)?;
            status = status.max(lines.status);
            if let Ended::Quit(code) = ended {
                return Ok(code);
            }
        }
        Ok(status)
    })
}
