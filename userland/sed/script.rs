//! A sed script, parsed: addresses, commands and their arguments. Errors are worded as
//! GNU sed words them (`-e expression #1, char N: ...`).

use std::rc::Rc;
use wasmix_common::posix_regex::{Dialect, Flags, PosixRegex, Syntax};

/// A compiled regex, shared: the last one used stands in for an empty one (`s//x/`).
pub type Regex = Rc<PosixRegex>;

pub enum Address {
    /// A line number; 0 only as the start of `0,/regex/`.
    Line(usize),
    Last,
    Pattern(Option<Regex>),
    /// `first~step`: every step-th line from first.
    Step(usize, usize),
    /// `addr1,+N`: N more lines.
    Following(usize),
    /// `addr1,~N`: up to the next line whose number is a multiple of N.
    Multiple(usize),
}

pub struct Selector {
    pub start: Option<Address>,
    pub end: Option<Address>,
    pub negate: bool,
}

pub struct Substitution {
    /// None reuses the last regex used.
    pub regex: Option<Regex>,
    pub replacement: Vec<Replace>,
    pub global: bool,
    pub occurrence: usize,
    pub print: bool,
    pub write: Option<String>,
}

pub enum Replace {
    Literal(Vec<u8>),
    Group(usize),
}

pub enum Command {
    Block(Vec<Statement>),
    Substitute(Substitution),
    Print,
    PrintFirstLine,
    /// `l`: the pattern space unambiguously, wrapped at this width (0: never).
    List(Option<usize>),
    Delete,
    DeleteFirstLine,
    Quit {
        code: u8,
        print: bool,
    },
    LineNumber,
    FileName,
    Append(Vec<u8>),
    Insert(Vec<u8>),
    Change(Vec<u8>),
    ReadFile(String),
    ReadLine(String),
    WriteFile(String),
    WriteFirstLine(String),
    Transliterate(Vec<(char, char)>),
    Next,
    AppendNext,
    Hold,
    HoldAppend,
    Get,
    GetAppend,
    Exchange,
    Zap,
    Branch(String),
    BranchIfSubstituted(String),
    BranchUnlessSubstituted(String),
    Label(String),
}

pub struct Statement {
    pub selector: Selector,
    pub command: Command,
}

pub struct Parser<'s> {
    text: &'s [u8],
    at: usize,
    extended: bool,
    /// Where each -e expression starts in `text` (they are read as one script joined by
    /// newlines, so a block may open in one and close in another, as in GNU's sed).
    starts: Vec<usize>,
    /// `--sandbox`: commands that read or write files are refused.
    sandbox: bool,
}

const SANDBOXED: &str = "e/r/w commands disabled in sandbox mode";

pub type ParseResult<T> = Result<T, String>;

/// The byte a one-letter escape (`\t`, `\n`, ...) stands for in text and replacements.
fn control_escape(c: u8) -> Option<u8> {
    Some(match c {
        b'a' => 0x07,
        b'f' => 0x0c,
        b'n' => b'\n',
        b'r' => b'\r',
        b't' => b'\t',
        b'v' => 0x0b,
        _ => return None,
    })
}

impl<'s> Parser<'s> {
    /// A parser of `text`, the expressions joined by newlines, each starting at its
    /// offset in `starts`.
    pub fn new(text: &'s str, extended: bool, starts: Vec<usize>) -> Parser<'s> {
        Parser {
            text: text.as_bytes(),
            at: 0,
            extended,
            starts,
            sandbox: false,
        }
    }

    pub fn sandboxed(mut self, sandbox: bool) -> Parser<'s> {
        self.sandbox = sandbox;
        self
    }

    fn error(&self, message: &str) -> String {
        self.error_at(self.at, message)
    }

    /// GNU's message for a fault at `at`: which expression, and how far into it.
    fn error_at(&self, at: usize, message: &str) -> String {
        let index = self.starts.partition_point(|&start| start <= at).max(1) - 1;
        let start = self.starts.get(index).copied().unwrap_or(0);
        format!(
            "-e expression #{}, char {}: {message}",
            index + 1,
            at - start
        )
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let c = self.peek();
        if c.is_some() {
            self.at += 1;
        }
        c
    }

    fn skip_blanks(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.at += 1;
        }
    }

    pub fn parse(mut self) -> ParseResult<Vec<Statement>> {
        self.statements(None)
    }

    /// Statements up to the end, or (`block`: where its `{` is) to the block's `}`.
    fn statements(&mut self, block: Option<usize>) -> ParseResult<Vec<Statement>> {
        let in_block = block.is_some();
        let mut statements = Vec::new();
        loop {
            while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b';')) {
                self.at += 1;
            }
            match self.peek() {
                None if in_block => {
                    // GNU names the expression the block opened in, at its char 0.
                    let opened = block.unwrap_or(0);
                    let index = self.starts.partition_point(|&start| start <= opened).max(1) - 1;
                    let start = self.starts.get(index).copied().unwrap_or(0);
                    return Err(self.error_at(start, "unmatched `{'"));
                }
                None => return Ok(statements),
                Some(b'}') if in_block => {
                    self.at += 1;
                    return Ok(statements);
                }
                Some(b'#') => while !matches!(self.next(), Some(b'\n') | None) {},
                Some(_) => statements.push(self.statement()?),
            }
        }
    }

    fn statement(&mut self) -> ParseResult<Statement> {
        let start = self.address()?;
        let mut end = None;
        if start.is_some() && self.peek() == Some(b',') {
            self.at += 1;
            self.skip_blanks();
            end = match self.peek() {
                Some(b'+') => {
                    self.at += 1;
                    Some(Address::Following(self.number().unwrap_or(0)))
                }
                Some(b'~') => {
                    self.at += 1;
                    Some(Address::Multiple(self.number().unwrap_or(0)))
                }
                _ => Some(
                    self.address()?
                        .ok_or_else(|| self.error("unexpected `,'"))?,
                ),
            };
        }
        self.skip_blanks();
        let mut negate = false;
        while self.peek() == Some(b'!') {
            negate = true;
            self.at += 1;
            self.skip_blanks();
        }
        let command = self.command()?;
        let zero_start = matches!(start, Some(Address::Line(0)));
        if zero_start && !matches!(end, Some(Address::Pattern(_))) {
            return Err(self.error("invalid usage of line address 0"));
        }
        Ok(Statement {
            selector: Selector { start, end, negate },
            command,
        })
    }

    fn number(&mut self) -> Option<usize> {
        let begin = self.at;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.at += 1;
        }
        std::str::from_utf8(&self.text[begin..self.at])
            .ok()?
            .parse()
            .ok()
    }

    fn address(&mut self) -> ParseResult<Option<Address>> {
        match self.peek() {
            Some(c) if c.is_ascii_digit() => {
                let first = self.number().unwrap_or(0);
                if self.peek() == Some(b'~') {
                    self.at += 1;
                    return Ok(Some(Address::Step(first, self.number().unwrap_or(0))));
                }
                Ok(Some(Address::Line(first)))
            }
            Some(b'$') => {
                self.at += 1;
                Ok(Some(Address::Last))
            }
            Some(b'/') | Some(b'\\') => {
                if self.next() == Some(b'\\') {
                    self.next();
                }
                let delimiter = self.text[self.at - 1];
                let pattern = self.regex_text(delimiter, "unterminated address regex")?;
                let mut flags = Flags::default();
                loop {
                    match self.peek() {
                        Some(b'I') => flags.case_insensitive = true,
                        Some(b'M') => flags.multi_line = true,
                        _ => break,
                    }
                    self.at += 1;
                }
                Ok(Some(Address::Pattern(self.regex(&pattern, flags)?)))
            }
            _ => Ok(None),
        }
    }

    /// A regex up to an unescaped `delimiter` outside brackets (`s@[@]@@` is valid);
    /// `\delimiter` stands for the delimiter itself and `\n` for a newline.
    fn regex_text(&mut self, delimiter: u8, unterminated: &str) -> ParseResult<Vec<u8>> {
        let mut text = Vec::new();
        loop {
            match self.next() {
                None => return Err(self.error(unterminated)),
                Some(b'\n') if delimiter != b'\n' => return Err(self.error(unterminated)),
                Some(c) if c == delimiter => return Ok(text),
                Some(b'\\') => match self.next() {
                    Some(c) if c == delimiter => text.push(c),
                    Some(b'n') => text.push(b'\n'),
                    Some(c) => text.extend([b'\\', c]),
                    None => return Err(self.error(unterminated)),
                },
                Some(b'[') => {
                    text.push(b'[');
                    self.bracket(&mut text, unterminated)?;
                }
                Some(c) => text.push(c),
            }
        }
    }

    /// The rest of a bracket expression, copied as it is: its `]` (which may come first)
    /// and `[:class:]`-style parts do not end it early.
    fn bracket(&mut self, text: &mut Vec<u8>, unterminated: &str) -> ParseResult<()> {
        if self.peek() == Some(b'^') {
            text.push(b'^');
            self.at += 1;
        }
        if self.peek() == Some(b']') {
            text.push(b']');
            self.at += 1;
        }
        loop {
            match self.next() {
                None | Some(b'\n') => return Err(self.error(unterminated)),
                Some(b']') => {
                    text.push(b']');
                    return Ok(());
                }
                Some(b'[') if matches!(self.peek(), Some(b':' | b'.' | b'=')) => {
                    let kind = self.next().unwrap_or(b':');
                    text.extend([b'[', kind]);
                    loop {
                        match self.next() {
                            None | Some(b'\n') => return Err(self.error(unterminated)),
                            Some(c) if c == kind && self.peek() == Some(b']') => {
                                self.at += 1;
                                text.extend([c, b']']);
                                break;
                            }
                            Some(c) => text.push(c),
                        }
                    }
                }
                Some(b'\\') if self.peek() == Some(b'n') => {
                    self.at += 1;
                    text.push(b'\n');
                }
                Some(c) => text.push(c),
            }
        }
    }

    /// Text up to an unescaped `delimiter`, for `y`: `\delimiter`, `\\` and the control
    /// escapes stand for what they name.
    fn delimited(&mut self, delimiter: u8, unterminated: &str) -> ParseResult<Vec<u8>> {
        let mut text = Vec::new();
        loop {
            match self.next() {
                None => return Err(self.error(unterminated)),
                Some(b'\n') if delimiter != b'\n' => return Err(self.error(unterminated)),
                Some(c) if c == delimiter => return Ok(text),
                Some(b'\\') => match self.next() {
                    Some(c) if c == delimiter || c == b'\\' => text.push(c),
                    Some(c) => match control_escape(c) {
                        Some(byte) => text.push(byte),
                        None => text.extend([b'\\', c]),
                    },
                    None => return Err(self.error(unterminated)),
                },
                Some(c) => text.push(c),
            }
        }
    }

    /// A regex as GNU sed reads it: glibc's syntax, sed's `\t`-style escapes, and a `.`
    /// that matches the newlines `N` puts in the pattern space.
    fn regex(&self, pattern: &[u8], flags: Flags) -> ParseResult<Option<Regex>> {
        if pattern.is_empty() {
            return Ok(None);
        }
        let syntax = Syntax {
            extended: self.extended,
            dialect: Dialect::Glibc,
            control_escapes: true,
            bracket_escapes: false,
        };
        let flags = Flags {
            dot_matches_new_line: true,
            ..flags
        };
        PosixRegex::new(&wasmix_common::rawbytes::decode(pattern), syntax, flags)
            .map(|regex| Some(Rc::new(regex)))
            .map_err(|message| {
                // GNU says this one before it knows where in the script it is.
                if message.starts_with("character class syntax") {
                    message
                } else {
                    self.error(&message)
                }
            })
    }

    fn label(&mut self) -> String {
        self.skip_blanks();
        let begin = self.at;
        while !matches!(self.peek(), None | Some(b'\n' | b';' | b'}')) {
            self.at += 1;
        }
        String::from_utf8_lossy(&self.text[begin..self.at])
            .trim_end()
            .to_string()
    }

    /// A file name: the rest of the line.
    fn file_name(&mut self) -> ParseResult<String> {
        self.skip_blanks();
        let begin = self.at;
        while !matches!(self.peek(), None | Some(b'\n')) {
            self.at += 1;
        }
        if begin == self.at {
            return Err(self.error("missing filename in r/R/w/W commands"));
        }
        Ok(String::from_utf8_lossy(&self.text[begin..self.at]).into_owned())
    }

    /// `\dNNN`, `\oNNN`, `\xHH` and `\cX` after the backslash and letter were read: the
    /// byte they name, or None (the caller keeps the text as it was).
    fn numeric_escape(&mut self, letter: u8) -> Option<u8> {
        let (radix, most) = match letter {
            b'd' => (10, 3),
            b'o' => (8, 3),
            b'x' => (16, 2),
            b'c' => {
                let c = self.peek()?.to_ascii_uppercase();
                self.at += 1;
                return Some(c ^ 0x40);
            }
            _ => return None,
        };
        let begin = self.at;
        while self.at - begin < most && self.peek().is_some_and(|c| (c as char).is_digit(radix)) {
            self.at += 1;
        }
        let digits = std::str::from_utf8(&self.text[begin..self.at]).ok()?;
        u32::from_str_radix(digits, radix).ok().map(|n| n as u8)
    }

    /// The text of a, i or c. After `a\` and a newline it is the following lines, each
    /// ending in `\` going on to the next; on one line (GNU) leading blanks are skipped
    /// unless a backslash comes first.
    fn text_argument(&mut self) -> ParseResult<Vec<u8>> {
        self.skip_blanks();
        if self.peek().is_none() {
            return Err(self.error("expected \\ after `a', `c' or `i'"));
        }
        if self.peek() == Some(b'\\') {
            self.at += 1;
            if self.peek() == Some(b'\n') {
                self.at += 1;
            }
        }
        let mut text = Vec::new();
        while let Some(c) = self.next() {
            match c {
                b'\n' => break,
                b'\\' => match self.next() {
                    Some(c) => match control_escape(c) {
                        Some(byte) => text.push(byte),
                        None => match self.numeric_escape(c) {
                            Some(byte) => text.push(byte),
                            None => text.push(c),
                        },
                    },
                    None => break,
                },
                c => text.push(c),
            }
        }
        if !text.is_empty() || self.text.get(self.at.wrapping_sub(1)) == Some(&b'\n') {
            text.push(b'\n');
        }
        Ok(text)
    }

    fn end_of_command(&mut self) -> ParseResult<()> {
        self.skip_blanks();
        match self.peek() {
            None | Some(b'\n' | b';' | b'}' | b'#') => Ok(()),
            Some(_) => Err(self.error("extra characters after command")),
        }
    }

    fn command(&mut self) -> ParseResult<Command> {
        let Some(c) = self.next() else {
            return Err(self.error("missing command"));
        };
        let simple = match c {
            b'p' => Some(Command::Print),
            b'P' => Some(Command::PrintFirstLine),
            b'd' => Some(Command::Delete),
            b'D' => Some(Command::DeleteFirstLine),
            b'=' => Some(Command::LineNumber),
            b'F' => Some(Command::FileName),
            b'n' => Some(Command::Next),
            b'N' => Some(Command::AppendNext),
            b'h' => Some(Command::Hold),
            b'H' => Some(Command::HoldAppend),
            b'g' => Some(Command::Get),
            b'G' => Some(Command::GetAppend),
            b'x' => Some(Command::Exchange),
            b'z' => Some(Command::Zap),
            _ => None,
        };
        if let Some(command) = simple {
            self.end_of_command()?;
            return Ok(command);
        }
        if self.sandbox && matches!(c, b'r' | b'R' | b'w' | b'W') {
            return Err(self.error(SANDBOXED));
        }
        Ok(match c {
            b'{' => Command::Block(self.statements(Some(self.at - 1))?),
            b'q' | b'Q' => {
                self.skip_blanks();
                let code = self.number().unwrap_or(0) as u8;
                self.end_of_command()?;
                Command::Quit {
                    code,
                    print: c == b'q',
                }
            }
            b'l' => {
                self.skip_blanks();
                let width = self.number();
                self.end_of_command()?;
                Command::List(width)
            }
            b'a' => Command::Append(self.text_argument()?),
            b'i' => Command::Insert(self.text_argument()?),
            b'c' => Command::Change(self.text_argument()?),
            b'r' => Command::ReadFile(self.file_name()?),
            b'R' => Command::ReadLine(self.file_name()?),
            b'w' => Command::WriteFile(self.file_name()?),
            b'W' => Command::WriteFirstLine(self.file_name()?),
            b'b' => Command::Branch(self.label()),
            b't' => Command::BranchIfSubstituted(self.label()),
            b'T' => Command::BranchUnlessSubstituted(self.label()),
            b':' => {
                let label = self.label();
                if label.is_empty() {
                    return Err(self.error("\":\" lacks a label"));
                }
                Command::Label(label)
            }
            b's' => self.substitution()?,
            b'y' => self.transliteration()?,
            b'}' => return Err(self.error("unexpected `}'")),
            other => {
                return Err(self.error(&format!("unknown command: `{}'", other as char)));
            }
        })
    }

    fn substitution(&mut self) -> ParseResult<Command> {
        let unterminated = "unterminated `s' command";
        let delimiter = self.next().ok_or_else(|| self.error(unterminated))?;
        let pattern = self.regex_text(delimiter, unterminated)?;
        let replacement = self.replacement(delimiter)?;
        let (mut global, mut occurrence, mut print) = (false, 1, false);
        let mut flags = Flags::default();
        let mut write = None;
        loop {
            match self.peek() {
                Some(b'g') => global = true,
                Some(b'p') => print = true,
                Some(b'i' | b'I') => flags.case_insensitive = true,
                Some(b'm' | b'M') => flags.multi_line = true,
                Some(b'w') => {
                    self.at += 1;
                    if self.sandbox {
                        return Err(self.error(SANDBOXED));
                    }
                    write = Some(self.file_name()?);
                    break;
                }
                Some(c) if c.is_ascii_digit() => {
                    occurrence = self.number().unwrap_or(1);
                    if occurrence == 0 {
                        return Err(self.error("number option to `s' command may not be zero"));
                    }
                    continue;
                }
                _ => break,
            }
            self.at += 1;
        }
        self.end_of_command()
            .map_err(|_| self.error("unknown option to `s'"))?;
        let regex = self.regex(&pattern, flags)?;
        let groups = regex.as_ref().map_or(9, |regex| regex.groups());
        if let Some(n) = replacement.iter().find_map(|part| match part {
            Replace::Group(n) if *n > groups => Some(*n),
            _ => None,
        }) {
            return Err(self.error(&format!("invalid reference \\{n} on `s' command's RHS")));
        }
        Ok(Command::Substitute(Substitution {
            regex,
            replacement,
            global,
            occurrence,
            print,
            write,
        }))
    }

    fn replacement(&mut self, delimiter: u8) -> ParseResult<Vec<Replace>> {
        let mut parts = Vec::new();
        let mut literal = Vec::new();
        loop {
            match self.next() {
                None => return Err(self.error("unterminated `s' command")),
                Some(c) if c == delimiter => break,
                Some(b'&') => {
                    parts.push(Replace::Literal(std::mem::take(&mut literal)));
                    parts.push(Replace::Group(0));
                }
                Some(b'\\') => match self.next() {
                    // `\1` with 1 as the delimiter is the character 1.
                    Some(c) if c == delimiter => literal.push(c),
                    Some(d @ b'0'..=b'9') => {
                        parts.push(Replace::Literal(std::mem::take(&mut literal)));
                        parts.push(Replace::Group(usize::from(d - b'0')));
                    }
                    Some(b'\n') => literal.push(b'\n'),
                    Some(c) => match control_escape(c) {
                        Some(byte) => literal.push(byte),
                        None => match self.numeric_escape(c) {
                            Some(byte) => literal.push(byte),
                            None => literal.push(c),
                        },
                    },
                    None => return Err(self.error("unterminated `s' command")),
                },
                Some(c) => literal.push(c),
            }
        }
        parts.push(Replace::Literal(literal));
        Ok(parts)
    }

    fn transliteration(&mut self) -> ParseResult<Command> {
        let unterminated = "unterminated `y' command";
        let delimiter = self.next().ok_or_else(|| self.error(unterminated))?;
        let from = String::from_utf8_lossy(&self.delimited(delimiter, unterminated)?).into_owned();
        let to = String::from_utf8_lossy(&self.delimited(delimiter, unterminated)?).into_owned();
        if from.chars().count() != to.chars().count() {
            return Err(self.error("strings for `y' command are different lengths"));
        }
        self.end_of_command()?;
        Ok(Command::Transliterate(
            from.chars().zip(to.chars()).collect(),
        ))
    }
}
