//! test, [: check file types and compare values, as GNU's test parses its arguments:
//! POSIX's rules for up to four arguments, then `!`, `(`, `-a` and `-o` by precedence.

use std::cmp::Ordering;
use std::path::Path;
use std::time::SystemTime;
use wasmix_common::Program;
use wasmix_common::wasi_fs::{self, EntryKind};

static PROGRAM: Program = Program::new(
    "[",
    "Usage: test EXPRESSION\n  \
     or:  test\n  \
     or:  [ EXPRESSION ]\n  \
     or:  [ ]\n  \
     or:  [ OPTION\n\
     Exit with the status determined by EXPRESSION.\n\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n\n\
     An omitted EXPRESSION defaults to false.  Otherwise,\n\
     EXPRESSION is true or false and sets exit status.  It is one of:\n\n  \
     ( EXPRESSION )               EXPRESSION is true\n  \
     ! EXPRESSION                 EXPRESSION is false\n  \
     EXPRESSION1 -a EXPRESSION2   both EXPRESSION1 and EXPRESSION2 are true\n  \
     EXPRESSION1 -o EXPRESSION2   either EXPRESSION1 or EXPRESSION2 is true\n\n  \
     -n STRING            the length of STRING is nonzero\n  \
     STRING               equivalent to -n STRING\n  \
     -z STRING            the length of STRING is zero\n  \
     STRING1 = STRING2    the strings are equal\n  \
     STRING1 != STRING2   the strings are not equal\n\n  \
     INTEGER1 -eq INTEGER2   INTEGER1 is equal to INTEGER2\n  \
     INTEGER1 -ge INTEGER2   INTEGER1 is greater than or equal to INTEGER2\n  \
     INTEGER1 -gt INTEGER2   INTEGER1 is greater than INTEGER2\n  \
     INTEGER1 -le INTEGER2   INTEGER1 is less than or equal to INTEGER2\n  \
     INTEGER1 -lt INTEGER2   INTEGER1 is less than INTEGER2\n  \
     INTEGER1 -ne INTEGER2   INTEGER1 is not equal to INTEGER2\n\n  \
     FILE1 -ef FILE2   FILE1 and FILE2 have the same device and inode numbers\n  \
     FILE1 -nt FILE2   FILE1 is newer (modification date) than FILE2\n  \
     FILE1 -ot FILE2   FILE1 is older than FILE2\n\n  \
     -b FILE     FILE exists and is block special\n  \
     -c FILE     FILE exists and is character special\n  \
     -d FILE     FILE exists and is a directory\n  \
     -e FILE     FILE exists\n  \
     -f FILE     FILE exists and is a regular file\n  \
     -g FILE     FILE exists and is set-group-ID\n  \
     -G FILE     FILE exists and is owned by the effective group ID\n  \
     -h FILE     FILE exists and is a symbolic link (same as -L)\n  \
     -k FILE     FILE exists and has its sticky bit set\n  \
     -L FILE     FILE exists and is a symbolic link (same as -h)\n  \
     -O FILE     FILE exists and is owned by the effective user ID\n  \
     -p FILE     FILE exists and is a named pipe\n  \
     -r FILE     FILE exists and the user has read access\n  \
     -s FILE     FILE exists and has a size greater than zero\n  \
     -S FILE     FILE exists and is a socket\n  \
     -t FD       file descriptor FD is opened on a terminal\n  \
     -u FILE     FILE exists and its set-user-ID bit is set\n  \
     -w FILE     FILE exists and the user has write access\n  \
     -x FILE     FILE exists and the user has execute (or search) access\n",
);

/// A syntax error: reported as `test: message`, status 2.
struct SyntaxError(String);

type Outcome = Result<bool, SyntaxError>;

struct Parser {
    args: Vec<String>,
    pos: usize,
}

fn main() {
    PROGRAM.run(|mut options, _| {
        let mut argv: Vec<String> = std::env::args().collect();
        let name = argv.first().cloned().unwrap_or_else(|| "test".into());
        let bracket = Path::new(&name).file_name().is_some_and(|n| n == "[");
        let mut args = argv.split_off(1.min(argv.len()));
        if bracket {
            // Only `[` takes options, and only alone.
            options.answer_lone_help();
            if args.last().map(String::as_str) != Some("]") {
                wasmix_common::note!("{name}: missing ']'");
                return Ok(2);
            }
            args.pop();
        }
        let mut parser = Parser { args, pos: 0 };
        let outcome = if parser.args.is_empty() {
            Ok(false)
        } else {
            parser
                .posix(parser.args.len())
                .and_then(|value| match parser.args.get(parser.pos) {
                    Some(extra) => Err(SyntaxError(format!("extra argument '{extra}'"))),
                    None => Ok(value),
                })
        };
        match outcome {
            Ok(value) => Ok(u8::from(!value)),
            Err(SyntaxError(message)) => {
                wasmix_common::note!("{name}: {message}");
                Ok(2)
            }
        }
    })
}

impl Parser {
    fn at(&self, offset: usize) -> &str {
        self.args.get(self.pos + offset).map_or("", String::as_str)
    }

    fn left(&self) -> usize {
        self.args.len() - self.pos
    }

    /// Moves past the current word; `needed`: there must be one after it.
    fn advance(&mut self, needed: bool) -> Result<(), SyntaxError> {
        self.pos += 1;
        if needed && self.pos >= self.args.len() {
            return Err(self.missing());
        }
        Ok(())
    }

    fn missing(&self) -> SyntaxError {
        let last = self.args.last().map_or("", String::as_str);
        SyntaxError(format!("missing argument after '{last}'"))
    }

    /// POSIX's rules by the number of arguments left; five or more are an expression.
    fn posix(&mut self, count: usize) -> Outcome {
        match count {
            1 => Ok(self.one()),
            2 => self.two(),
            3 => self.three(),
            4 if self.at(0) == "!" => {
                self.advance(true)?;
                Ok(!self.three()?)
            }
            4 if self.at(0) == "(" && self.at(3) == ")" => {
                self.advance(false)?;
                let value = self.two()?;
                self.advance(false)?;
                Ok(value)
            }
            _ => self.or(),
        }
    }

    fn one(&mut self) -> bool {
        let value = !self.at(0).is_empty();
        self.pos += 1;
        value
    }

    fn two(&mut self) -> Outcome {
        if self.at(0) == "!" {
            self.advance(false)?;
            return Ok(!self.one());
        }
        if is_unary_shaped(self.at(0)) {
            return self.unary();
        }
        Err(self.missing())
    }

    fn three(&mut self) -> Outcome {
        if is_binary(self.at(1)) {
            return self.binary(false);
        }
        if self.at(0) == "!" {
            self.advance(true)?;
            return Ok(!self.two()?);
        }
        if self.at(0) == "(" && self.at(2) == ")" {
            self.advance(false)?;
            let value = self.one();
            self.advance(false)?;
            return Ok(value);
        }
        if self.at(1) == "-a" || self.at(1) == "-o" {
            return self.or();
        }
        Err(SyntaxError(format!(
            "'{}': binary operator expected",
            self.at(1)
        )))
    }

    fn or(&mut self) -> Outcome {
        let mut value = self.and()?;
        while self.at(0) == "-o" && self.left() > 0 {
            self.advance(true)?;
            value |= self.and()?;
        }
        Ok(value)
    }

    fn and(&mut self) -> Outcome {
        let mut value = self.term()?;
        while self.at(0) == "-a" && self.left() > 0 {
            self.advance(true)?;
            value &= self.term()?;
        }
        Ok(value)
    }

    fn term(&mut self) -> Outcome {
        if self.left() == 0 {
            return Err(self.missing());
        }
        let mut negated = false;
        while self.at(0) == "!" {
            self.advance(true)?;
            negated = !negated;
        }
        let value = if self.at(0) == "(" {
            self.advance(true)?;
            // As GNU: up to four words before a `)` follow POSIX's rules, more are parsed
            // as an expression.
            let mut count = 1;
            while self.pos + count < self.args.len() && self.at(count) != ")" {
                if count == 4 {
                    count = self.left();
                    break;
                }
                count += 1;
            }
            let value = self.posix(count)?;
            match self.args.get(self.pos) {
                None => return Err(SyntaxError("')' expected".into())),
                Some(word) if word != ")" => {
                    return Err(SyntaxError(format!("')' expected, found '{word}'")));
                }
                Some(_) => self.advance(false)?,
            }
            value
        } else if self.left() >= 4 && self.at(0) == "-l" && is_binary(self.at(2)) {
            self.binary(true)?
        } else if self.left() >= 3 && is_binary(self.at(1)) {
            self.binary(false)?
        } else if is_unary_shaped(self.at(0)) {
            self.unary()?
        } else {
            self.one()
        };
        Ok(negated ^ value)
    }

    fn unary(&mut self) -> Outcome {
        let op = self.at(0).to_string();
        let letter = op.chars().nth(1).unwrap_or(' ');
        if !"bcdefgGhkLOprsStuwxnz".contains(letter) {
            return Err(SyntaxError(format!("'{op}': unary operator expected")));
        }
        self.advance(true)?;
        let operand = self.at(0).to_string();
        self.pos += 1;
        if letter == 't' {
            let fd = integer(&operand)?;
            return Ok(is_terminal(fd));
        }
        Ok(file_test(letter, &operand))
    }

    /// `A OP B`, either side possibly `-l STRING` (its length) when `lengths` says the
    /// left one is.
    fn binary(&mut self, left_is_length: bool) -> Outcome {
        if left_is_length {
            self.pos += 1;
        }
        let left = self.at(0).to_string();
        let op = self.at(1).to_string();
        let right_is_length = self.at(2) == "-l" && self.left() > 3;
        if right_is_length {
            self.pos += 1;
        }
        let right = self.at(2).to_string();
        self.pos += 3;
        let number = |text: &str, length: bool| -> Result<i128, SyntaxError> {
            if length {
                Ok(text.chars().count() as i128)
            } else {
                integer(text)
            }
        };
        let ordering = || -> Result<Ordering, SyntaxError> {
            Ok(number(&left, left_is_length)?.cmp(&number(&right, right_is_length)?))
        };
        if (left_is_length || right_is_length) && !op.starts_with("-") {
            return Err(SyntaxError("'-l': binary operator expected".into()));
        }
        Ok(match op.as_str() {
            "=" | "==" => left == right,
            "!=" => left != right,
            "<" => left < right,
            ">" => left > right,
            "-eq" => ordering()? == Ordering::Equal,
            "-ne" => ordering()? != Ordering::Equal,
            "-lt" => ordering()? == Ordering::Less,
            "-le" => ordering()? != Ordering::Greater,
            "-gt" => ordering()? == Ordering::Greater,
            "-ge" => ordering()? != Ordering::Less,
            "-nt" => match (modified(&left), modified(&right)) {
                (Some(a), Some(b)) => a > b,
                (a, _) => a.is_some(),
            },
            "-ot" => match (modified(&left), modified(&right)) {
                (Some(a), Some(b)) => a < b,
                (_, b) => b.is_some(),
            },
            _ => same_file(&left, &right),
        })
    }
}

fn is_unary_shaped(word: &str) -> bool {
    let bytes = word.as_bytes();
    bytes.len() == 2 && bytes[0] == b'-'
}

fn is_binary(word: &str) -> bool {
    matches!(
        word,
        "=" | "=="
            | "!="
            | "<"
            | ">"
            | "-eq"
            | "-ne"
            | "-lt"
            | "-le"
            | "-gt"
            | "-ge"
            | "-nt"
            | "-ot"
            | "-ef"
    )
}

/// An integer as GNU reads one: blanks around it and a sign allowed.
fn integer(text: &str) -> Result<i128, SyntaxError> {
    let trimmed = text.trim_matches([' ', '\t']);
    let digits = trimmed.strip_prefix(['-', '+']).unwrap_or(trimmed);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(SyntaxError(format!("invalid integer '{text}'")));
    }
    trimmed
        .strip_prefix('+')
        .unwrap_or(trimmed)
        .parse()
        .map_err(|_| SyntaxError(format!("invalid integer '{text}'")))
}

fn is_terminal(fd: i128) -> bool {
    use std::io::IsTerminal;
    match fd {
        0 => std::io::stdin().is_terminal(),
        1 => std::io::stdout().is_terminal(),
        2 => std::io::stderr().is_terminal(),
        _ => false,
    }
}

fn modified(path: &str) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

fn same_file(left: &str, right: &str) -> bool {
    match (
        wasi_fs::identity(Path::new(left), true),
        wasi_fs::identity(Path::new(right), true),
    ) {
        (Ok(a), Ok(b)) => a.inode == b.inode,
        _ => false,
    }
}

/// The unary file tests. wasmix's one user owns every file, so the owner's bits say what
/// it may do.
fn file_test(letter: char, operand: &str) -> bool {
    let path = Path::new(operand);
    let mode = || wasi_fs::mode(path, true).ok();
    let kind = |follow| wasi_fs::kind(path, follow).ok();
    let has_bits = |bits: u32| mode().is_some_and(|m| m & bits != 0);
    match letter {
        'n' => !operand.is_empty(),
        'z' => operand.is_empty(),
        'e' | 'O' | 'G' => kind(true).is_some(),
        'f' => kind(true) == Some(EntryKind::File),
        'd' => kind(true) == Some(EntryKind::Directory),
        'h' | 'L' => kind(false) == Some(EntryKind::Symlink),
        'p' => kind(true) == Some(EntryKind::Fifo),
        'c' => kind(true) == Some(EntryKind::Other),
        // A directory is never empty on Linux (its size counts `.` and `..`).
        's' => std::fs::metadata(path).is_ok_and(|m| m.len() > 0 || m.is_dir()),
        'r' => has_bits(0o400),
        'w' => has_bits(0o200),
        'x' => has_bits(0o100),
        'u' => has_bits(0o4000),
        'g' => has_bits(0o2000),
        'k' => has_bits(0o1000),
        // Block devices and sockets wasmix has none of.
        _ => false,
    }
}
