//! nl: number lines of files, in GNU's logical pages: a line of the delimiter three
//! times starts a header, twice a body, once a footer; each section numbered in its own
//! style, and numbering starting again at each (unless `-p`).

use std::io::{BufRead, BufReader, Write};
use wasmix_common::posix_regex::{Dialect, Flags, PosixRegex, Syntax};
use wasmix_common::{Arg, Failure, Program, args, input};

static PROGRAM: Program = Program::new(
    "nl",
    "Usage: nl [OPTION]... [FILE]...\n\
     Write each FILE to standard output, with line numbers added.\n\n\
     With no FILE, or when FILE is -, read standard input.\n\n\
     Mandatory arguments to long options are mandatory for short options too.\n  \
     -b, --body-numbering=STYLE      use STYLE for numbering body lines\n  \
     -d, --section-delimiter=CC      use CC for logical page delimiters\n  \
     -f, --footer-numbering=STYLE    use STYLE for numbering footer lines\n  \
     -h, --header-numbering=STYLE    use STYLE for numbering header lines\n  \
     -i, --line-increment=NUMBER     line number increment at each line\n  \
     -l, --join-blank-lines=NUMBER   group of NUMBER empty lines counted as one\n  \
     -n, --number-format=FORMAT      insert line numbers according to FORMAT\n  \
     -p, --no-renumber               do not reset line numbers for each section\n  \
     -s, --number-separator=STRING   add STRING after (possible) line number\n  \
     -v, --starting-line-number=NUMBER  first line number for each section\n  \
     -w, --number-width=NUMBER       use NUMBER columns for line numbers\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n\n\
     Default options are: -bt -d'\\:' -fn -hn -i1 -l1 -n'rn' -s<TAB> -v1 -w6\n\n\
     CC are two delimiter characters used to construct logical page delimiters;\n\
     a missing second character implies ':'.  As a GNU extension one can specify\n\
     more than two characters, and also specifying the empty string (-d '')\n\
     disables section matching.\n\n\
     STYLE is one of:\n\n  \
     a      number all lines\n  \
     t      number only nonempty lines\n  \
     n      number no lines\n  \
     pBRE   number only lines that contain a match for the basic regular\n         \
     expression, BRE\n\n\
     FORMAT is one of:\n\n  \
     ln     left justified, no leading zeros\n  \
     rn     right justified, no leading zeros\n  \
     rz     right justified, leading zeros\n",
);

/// Which lines of a section get numbers.
enum Style {
    All,
    NonEmpty,
    None,
    Matching(PosixRegex),
}

impl Style {
    fn parse(text: &str, section: &str) -> Result<Style, Failure> {
        Ok(match text {
            "a" => Style::All,
            "t" => Style::NonEmpty,
            "n" => Style::None,
            _ if text.starts_with('p') => {
                let syntax = Syntax {
                    extended: false,
                    dialect: Dialect::Glibc,
                    control_escapes: false,
                    bracket_escapes: false,
                };
                Style::Matching(
                    PosixRegex::new(&text[1..], syntax, Flags::default())
                        .map_err(Failure::Fatal)?,
                )
            }
            _ => {
                return Err(Failure::Usage(format!(
                    "invalid {section} numbering style: '{text}'"
                )));
            }
        })
    }
}

/// How a line number is laid out in its columns.
enum Format {
    Left,
    Right,
    Zeros,
}

/// The sections of a logical page, in the order of their delimiters' lengths.
#[derive(Clone, Copy)]
enum Section {
    Footer = 0,
    Body = 1,
    Header = 2,
}

struct Numbering {
    styles: [Style; 3],
    section: Section,
    /// The lines that start a footer, a body and a header (none with `-d ''`).
    delimiters: Option<[Vec<u8>; 3]>,
    start: i64,
    number: i64,
    increment: i64,
    renumber: bool,
    join_blank: u64,
    blank_run: u64,
    width: usize,
    format: Format,
    separator: String,
}

impl Numbering {
    fn line(&mut self, out: &mut dyn Write, line: &[u8]) -> std::io::Result<()> {
        if let Some(delimiters) = &self.delimiters
            && let Some(found) = delimiters.iter().position(|d| d == line)
        {
            self.section = [Section::Footer, Section::Body, Section::Header][found];
            if self.renumber {
                self.number = self.start;
            }
            return out.write_all(b"\n");
        }
        let numbered = match &self.styles[self.section as usize] {
            Style::All if self.join_blank > 1 => {
                self.blank_run += 1;
                let counted = !line.is_empty() || self.blank_run == self.join_blank;
                if counted {
                    self.blank_run = 0;
                }
                counted
            }
            Style::All => true,
            Style::NonEmpty => !line.is_empty(),
            Style::None => false,
            Style::Matching(regex) => regex.is_match(line),
        };
        let (number, width, separator) = (self.number, self.width, &self.separator);
        if numbered {
            // Padded by hand: Rust's own padding stops at a width of 65,535.
            let digits = number.unsigned_abs().to_string();
            let sign = if number < 0 { "-" } else { "" };
            let length = sign.len() + digits.len();
            let fill = |c: &str| c.repeat(width.saturating_sub(length));
            match self.format {
                Format::Left => write!(out, "{sign}{digits}{}{separator}", fill(" "))?,
                Format::Right => write!(out, "{}{sign}{digits}{separator}", fill(" "))?,
                Format::Zeros => write!(out, "{sign}{}{digits}{separator}", fill("0"))?,
            }
            self.number += self.increment;
        } else {
            write!(out, "{}", " ".repeat(width + separator.len()))?;
        }
        out.write_all(line)?;
        // A last line without its newline gets one, as GNU's nl gives it.
        out.write_all(b"\n")
    }
}

/// A number given for `what` (`-v`, `-i`).
fn line_number(value: &str, what: &str) -> Result<i64, Failure> {
    value
        .parse()
        .map_err(|_| Failure::Fatal(format!("invalid {what}: '{value}'")))
}

/// A count above 0 (`-w`, `-l`), with GNU's words for one that is not.
fn positive(value: &str, what: &str) -> Result<u64, Failure> {
    match value.parse::<i64>() {
        Ok(n) if n > 0 => Ok(n as u64),
        Ok(_) => Err(Failure::Fatal(format!(
            "invalid {what}: '{value}': Numerical result out of range"
        ))),
        Err(_) => Err(Failure::Fatal(format!("invalid {what}: '{value}'"))),
    }
}

/// The delimiter lines for `-d CC`: CC (a lone character gets ':') three, two and one
/// times; `None` for `-d ''`.
fn delimiters(cc: &str) -> Option<[Vec<u8>; 3]> {
    let mut cc = cc.as_bytes().to_vec();
    match cc.len() {
        0 => return None,
        1 => cc.push(b':'),
        _ => {}
    }
    Some([cc.clone(), cc.repeat(2), cc.repeat(3)])
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut numbering = Numbering {
            styles: [Style::None, Style::NonEmpty, Style::None],
            section: Section::Body,
            delimiters: delimiters("\\:"),
            start: 1,
            number: 1,
            increment: 1,
            renumber: true,
            join_blank: 1,
            blank_run: 0,
            width: 6,
            format: Format::Right,
            separator: "\t".to_string(),
        };
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('b') | Arg::Long("body-numbering") => {
                    numbering.styles[Section::Body as usize] = Style::parse(&args.value()?, "body")?
                }
                Arg::Short('h') | Arg::Long("header-numbering") => {
                    numbering.styles[Section::Header as usize] =
                        Style::parse(&args.value()?, "header")?
                }
                Arg::Short('f') | Arg::Long("footer-numbering") => {
                    numbering.styles[Section::Footer as usize] =
                        Style::parse(&args.value()?, "footer")?
                }
                Arg::Short('d') | Arg::Long("section-delimiter") => {
                    numbering.delimiters = delimiters(&args.value()?)
                }
                Arg::Short('p') | Arg::Long("no-renumber") => numbering.renumber = false,
                Arg::Short('l') | Arg::Long("join-blank-lines") => {
                    numbering.join_blank = positive(&args.value()?, "line number of blank lines")?
                }
                Arg::Short('i') | Arg::Long("line-increment") => {
                    numbering.increment = line_number(&args.value()?, "line number increment")?;
                }
                Arg::Short('n') | Arg::Long("number-format") => {
                    let value = args.value()?;
                    numbering.format = match value.as_str() {
                        "ln" => Format::Left,
                        "rn" => Format::Right,
                        "rz" => Format::Zeros,
                        _ => {
                            return Err(Failure::Usage(format!(
                                "invalid line numbering format: '{value}'"
                            )));
                        }
                    };
                }
                Arg::Short('s') | Arg::Long("number-separator") => {
                    numbering.separator = args.value()?
                }
                Arg::Short('v') | Arg::Long("starting-line-number") => {
                    numbering.start = line_number(&args.value()?, "starting line number")?;
                    numbering.number = numbering.start;
                }
                Arg::Short('w') | Arg::Long("number-width") => {
                    numbering.width = positive(&args.value()?, "line number field width")? as usize
                }
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let describe =
            |name: &str, reason: &str| format!("{}: {reason}", wasmix_common::quote::quotef(name));
        input::for_each(&PROGRAM, files, describe, |_, reader| {
            let mut reader = BufReader::new(reader);
            let mut line = Vec::new();
            loop {
                line.clear();
                if reader.read_until(b'\n', &mut line)? == 0 {
                    return Ok(());
                }
                if line.last() == Some(&b'\n') {
                    line.pop();
                }
                numbering.line(out, &line)?;
            }
        })
    })
}
