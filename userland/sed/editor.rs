//! Running a parsed script: the script flattened into one list of commands (a block
//! becomes a jump past its end when its address does not match), run over each line.

use crate::lines::Lines;
use crate::output::{Output, listing};
use crate::script::{Address, Command, Regex, Replace, Selector, Statement, Substitution};
use std::collections::HashMap;
use std::io::{self, BufRead, BufReader};
use wasmix_common::input;

enum Step {
    Run(Command),
    /// A block: when its address does not match, go on at this index (past its end).
    Block(usize),
}

struct Op {
    selector: Selector,
    step: Step,
    /// For a range: whether it is open; for `+N` the last line it covers; and whether a
    /// range that starts at a line number has been and gone.
    active: bool,
    until: usize,
    closed: bool,
}

fn flatten(statements: Vec<Statement>, ops: &mut Vec<Op>) {
    for statement in statements {
        let op = |step| Op {
            selector: statement.selector,
            step,
            active: false,
            until: 0,
            closed: false,
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

/// Text to write at the end of the cycle (`a`, `r`, `R`).
enum Queued {
    Text(Vec<u8>),
    File(String),
}

pub struct Editor {
    ops: Vec<Op>,
    labels: HashMap<String, usize>,
    quiet: bool,
    delimiter: u8,
    hold: Vec<u8>,
    /// Whether the hold space has its newline: as in GNU sed, `g`, `G` and `x` carry it
    /// into the pattern space, so a last line without one may gain one.
    hold_newline: bool,
    last_regex: Option<Regex>,
    /// The files `R` reads a line at a time from.
    line_sources: HashMap<String, Option<Box<dyn BufRead>>>,
    /// Where `s` builds the new pattern space (then swapped with it): no allocation per
    /// line.
    replaced: Vec<u8>,
    /// `-l`: where `l` wraps its lines when it is not told.
    pub line_length: usize,
}

pub enum Ended {
    Input,
    Quit(u8),
}

impl Editor {
    /// The script as commands, or GNU's complaint about a jump to a label it lacks.
    pub fn new(statements: Vec<Statement>, quiet: bool, delimiter: u8) -> Result<Editor, String> {
        let mut ops = Vec::new();
        flatten(statements, &mut ops);
        let labels: HashMap<String, usize> = ops
            .iter()
            .enumerate()
            .filter_map(|(at, op)| match &op.step {
                Step::Run(Command::Label(name)) => Some((name.clone(), at)),
                _ => None,
            })
            .collect();
        for op in &ops {
            if let Step::Run(
                Command::Branch(label)
                | Command::BranchIfSubstituted(label)
                | Command::BranchUnlessSubstituted(label),
            ) = &op.step
                && !label.is_empty()
                && !labels.contains_key(label)
            {
                return Err(format!("can't find label for jump to `{label}'"));
            }
        }
        Ok(Editor {
            ops,
            labels,
            quiet,
            delimiter,
            hold: Vec::new(),
            hold_newline: true,
            last_regex: None,
            line_sources: HashMap::new(),
            replaced: Vec::new(),
            line_length: 70,
        })
    }

    /// The files the script writes to, which are created before any input is read.
    pub fn written_files(&self) -> impl Iterator<Item = &str> {
        self.ops.iter().filter_map(|op| match &op.step {
            Step::Run(Command::WriteFile(name) | Command::WriteFirstLine(name)) => {
                Some(name.as_str())
            }
            Step::Run(Command::Substitute(Substitution {
                write: Some(name), ..
            })) => Some(name.as_str()),
            _ => None,
        })
    }

    /// `lines` is asked whether this is the last line only for `$`: that reads ahead.
    fn matches(
        &mut self,
        address: &Address,
        line: &[u8],
        number: usize,
        lines: &mut Lines,
    ) -> bool {
        match address {
            Address::Line(n) => number == *n,
            Address::Last => lines.is_last(),
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
            Address::Following(_) | Address::Multiple(_) => false,
        }
    }

    /// Whether a range's end is reached on this line.
    fn range_ends(
        &mut self,
        index: usize,
        end: &Address,
        line: &[u8],
        n: usize,
        lines: &mut Lines,
    ) -> bool {
        match end {
            Address::Line(end) => n >= *end,
            Address::Following(_) => n >= self.ops[index].until,
            Address::Multiple(m) => *m == 0 || n.is_multiple_of(*m),
            other => self.matches(other, line, n, lines),
        }
    }

    fn selected(&mut self, index: usize, line: &[u8], number: usize, lines: &mut Lines) -> bool {
        if self.ops[index].selector.start.is_none() {
            return !self.ops[index].selector.negate;
        }
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
            (Some(start), None) => self.matches(start, line, number, lines),
            (Some(start), Some(end)) => {
                let numbered = matches!(start, Address::Line(_));
                if self.ops[index].active {
                    if self.range_ends(index, end, line, number, lines) {
                        self.ops[index].active = false;
                        self.ops[index].closed = numbered;
                    }
                    true
                } else if self.ops[index].closed {
                    false
                } else if matches!(start, Address::Line(0)) {
                    // `0,/re/`: the range is open before the first line, so the regex may
                    // end it there.
                    let ended = self.range_ends(index, end, line, number, lines);
                    self.ops[index].active = !ended;
                    self.ops[index].closed = ended;
                    true
                } else if match start {
                    // GNU: a line-number start that was skipped (by `d`, `n`) still opens
                    // the range at the next line run through it.
                    Address::Line(n) => number >= *n,
                    other => self.matches(other, line, number, lines),
                } {
                    let op = &mut self.ops[index];
                    match end {
                        Address::Line(n) => op.active = *n > number,
                        Address::Following(n) => {
                            op.until = number + n;
                            op.active = *n > 0;
                        }
                        Address::Multiple(m) => op.active = *m != 0 && !number.is_multiple_of(*m),
                        _ => op.active = !lines.is_last(),
                    }
                    op.closed = numbered && !op.active;
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

    /// Writes what `a`, `r` and `R` queued.
    fn flush_queue(&mut self, queue: &mut Vec<Queued>, out: &mut Output) -> io::Result<()> {
        for queued in queue.drain(..) {
            match queued {
                Queued::Text(text) => out.text(&text)?,
                // GNU: a file that cannot be read is quietly nothing.
                Queued::File(name) => {
                    if let Ok(contents) = std::fs::read(&name) {
                        out.text(&contents)?;
                    }
                }
            }
        }
        Ok(())
    }

    /// The next line of a file for `R`, as it is there (the last may lack its newline);
    /// None at its end.
    fn line_from(&mut self, name: &str) -> Option<Vec<u8>> {
        let source = self
            .line_sources
            .entry(name.to_string())
            .or_insert_with(|| {
                input::open(name)
                    .ok()
                    .map(|r| Box::new(BufReader::new(r)) as Box<dyn BufRead>)
            })
            .as_mut()?;
        let mut line = Vec::new();
        match source.read_until(b'\n', &mut line) {
            Ok(n) if n > 0 => Some(line),
            _ => None,
        }
    }

    /// Runs the script over `lines`, writing to `out`.
    pub fn run(&mut self, lines: &mut Lines, out: &mut Output) -> io::Result<Ended> {
        let delimiter = self.delimiter;
        let mut number = 0;
        let mut pattern = Vec::new();
        let mut newline = true;
        let mut reuse = false;
        let mut queue: Vec<Queued> = Vec::new();
        loop {
            if !reuse {
                let Some(ends) = lines.next_into(&mut pattern) else {
                    return Ok(Ended::Input);
                };
                newline = ends;
                number += 1;
            }
            reuse = false;
            let mut substituted = false;
            let mut print = !self.quiet;
            let mut index = 0;
            let mut quit = None;
            while index < self.ops.len() {
                if !self.selected(index, &pattern, number, lines) {
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
                let first_line =
                    |p: &Vec<u8>| p.iter().position(|&b| b == delimiter).unwrap_or(p.len());
                match command {
                    Command::Print => out.line(None, &pattern, newline)?,
                    Command::PrintFirstLine => {
                        out.line(None, &pattern[..first_line(&pattern)], true)?
                    }
                    Command::List(width) => {
                        out.text(&listing(
                            &pattern,
                            width.unwrap_or(self.line_length),
                            delimiter,
                        ))?;
                    }
                    Command::Delete => {
                        print = false;
                        break;
                    }
                    Command::DeleteFirstLine => {
                        if let Some(at) = pattern.iter().position(|&b| b == delimiter) {
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
                    Command::LineNumber => out.text(format!("{number}\n").as_bytes())?,
                    Command::FileName => {
                        let name = match lines.file_name() {
                            "" => "-",
                            name => name,
                        };
                        out.text(format!("{name}\n").as_bytes())?;
                    }
                    Command::Append(text) => queue.push(Queued::Text(text.clone())),
                    Command::ReadFile(name) => queue.push(Queued::File(name.clone())),
                    Command::ReadLine(name) => {
                        let name = name.clone();
                        if let Some(line) = self.line_from(&name) {
                            queue.push(Queued::Text(line));
                        }
                    }
                    Command::Insert(text) => out.text(text)?,
                    Command::Change(text) => {
                        // Within a range, the text replaces the whole range, once.
                        if !self.ops[index - 1].active || self.ops[index - 1].selector.negate {
                            out.text(text)?;
                        }
                        print = false;
                        break;
                    }
                    Command::WriteFile(name) => out.line(Some(name), &pattern, newline)?,
                    Command::WriteFirstLine(name) => {
                        out.line(Some(name), &pattern[..first_line(&pattern)], true)?
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
                            out.line(None, &pattern, newline)?;
                        }
                        self.flush_queue(&mut queue, out)?;
                        newline = lines.next_into(&mut pattern).unwrap_or_default();
                        number += 1;
                    }
                    Command::AppendNext => {
                        if lines.is_last() {
                            break;
                        }
                        self.flush_queue(&mut queue, out)?;
                        let mut line = Vec::new();
                        newline = lines.next_into(&mut line).unwrap_or_default();
                        pattern.push(delimiter);
                        pattern.extend(line);
                        number += 1;
                    }
                    Command::Hold => {
                        self.hold = pattern.clone();
                        self.hold_newline = newline;
                    }
                    Command::HoldAppend => {
                        self.hold.push(delimiter);
                        self.hold.extend_from_slice(&pattern);
                        self.hold_newline = newline;
                    }
                    Command::Get => {
                        pattern = self.hold.clone();
                        newline = self.hold_newline;
                    }
                    Command::GetAppend => {
                        pattern.push(delimiter);
                        pattern.extend_from_slice(&self.hold);
                        newline = self.hold_newline;
                    }
                    Command::Exchange => {
                        std::mem::swap(&mut pattern, &mut self.hold);
                        std::mem::swap(&mut newline, &mut self.hold_newline);
                    }
                    Command::Zap => pattern.clear(),
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
                                    return Err(io::Error::other("no previous regular expression"));
                                }
                            },
                        };
                        if substitute(&regex, substitution, &pattern, &mut self.replaced) {
                            std::mem::swap(&mut pattern, &mut self.replaced);
                            substituted = true;
                            if substitution.print {
                                out.line(None, &pattern, newline)?;
                            }
                            if let Some(name) = &substitution.write {
                                out.line(Some(name), &pattern, newline)?;
                            }
                        }
                        self.last_regex = Some(regex);
                    }
                    Command::Block(_) => {}
                }
            }
            if print {
                out.line(None, &pattern, newline)?;
            }
            self.flush_queue(&mut queue, out)?;
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

/// Builds the pattern space after `s` in `result`; false when nothing was replaced.
fn substitute(regex: &Regex, s: &Substitution, text: &[u8], result: &mut Vec<u8>) -> bool {
    result.clear();
    let mut kept = 0;
    let mut replaced = false;
    // Groups cost a slot search per match; most replacements name none.
    let groups = s
        .replacement
        .iter()
        .any(|part| matches!(part, Replace::Group(n) if *n > 0));
    let mut replace = |groups: &[Option<std::ops::Range<usize>>]| {
        let whole = groups[0].clone().unwrap_or_default();
        result.extend_from_slice(&text[kept..whole.start]);
        for part in &s.replacement {
            match part {
                Replace::Literal(bytes) => result.extend_from_slice(bytes),
                Replace::Group(n) => {
                    if let Some(Some(group)) = groups.get(*n) {
                        result.extend_from_slice(&text[group.clone()]);
                    }
                }
            }
        }
        kept = whole.end;
        replaced = true;
        s.global
    };
    if groups {
        for found in regex.captures_iter(text).skip(s.occurrence - 1) {
            if !replace(&found) {
                break;
            }
        }
    } else {
        for whole in regex.find_iter(text).skip(s.occurrence - 1) {
            if !replace(&[Some(whole)]) {
                break;
            }
        }
    }
    if replaced {
        result.extend_from_slice(&text[kept..]);
    }
    replaced
}
