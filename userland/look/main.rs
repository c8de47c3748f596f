//! look: the lines of a sorted file that begin with a string, as util-linux's look finds
//! them: a binary search to a line at or before the first match, then a linear one, in
//! its exact steps (so that an unsorted file gives what it gives there too).

use std::io::Write;
use wasmix_common::{Arg, Failure, Program, args, describe_io_error};

static PROGRAM: Program = Program::new(
    "look",
    "\nUsage:\n \
     look [options] <string> [<file>...]\n\n\
     Display lines beginning with a specified string.\n\n\
     Options:\n \
     -a, --alternative        use the alternative dictionary\n \
     -d, --alphanum           compare only blanks and alphanumeric characters\n \
     -f, --ignore-case        ignore case differences when comparing\n \
     -t, --terminate <char>   define the string-termination character\n\n \
     -h, --help               display this help\n \
     -V, --version            display version\n\n\
     For more details see look(1).\n",
);

/// The word lists look reads when given no file (unless `$WORDLIST` names a readable one).
const WORDS: &str = "/usr/share/dict/words";
const ALTERNATIVE_WORDS: &str = "/usr/share/dict/web2";

/// Where a line stands against the string looked for.
#[derive(PartialEq)]
enum Place {
    /// The line begins with the string.
    Match,
    /// The line sorts before the string: keep going.
    Before,
    /// The line sorts after it: no match further on.
    After,
}

struct Search<'a> {
    key: Vec<u8>,
    /// `-d`: only letters, digits, spaces and tabs take part.
    alphanum: bool,
    /// `-f`: letters compared without their case.
    ignore_case: bool,
    text: &'a [u8],
}

impl Search<'_> {
    /// The line at `at` (ending at `end` or its newline) against the key: the first
    /// key-length bytes of it that count, compared as `strncmp` (or `strncasecmp`).
    fn place(&self, at: usize, end: usize) -> Place {
        let mut counted = self.text[at..end]
            .iter()
            .take_while(|&&b| b != b'\n')
            .filter(|&&b| counts(self.alphanum, b));
        let fold = |b: u8| match self.ignore_case {
            true => b.to_ascii_lowercase(),
            false => b,
        };
        for &want in &self.key {
            // A line shorter than the key compares as if ended by a NUL.
            let have = fold(counted.next().copied().unwrap_or(0));
            match have.cmp(&fold(want)) {
                std::cmp::Ordering::Less => return Place::Before,
                std::cmp::Ordering::Greater => return Place::After,
                std::cmp::Ordering::Equal => {}
            }
        }
        Place::Match
    }

    /// The start of the line after the one `at` is in (or `end`).
    fn past_newline(&self, mut at: usize, end: usize) -> usize {
        while at < end {
            at += 1;
            if self.text[at - 1] == b'\n' {
                break;
            }
        }
        at
    }

    /// A line at or before the first match.
    fn binary_search(&self, mut front: usize, mut back: usize) -> usize {
        let mut at = self.past_newline(front + (back - front) / 2, back);
        while at < back && back > front {
            if self.place(at, back) == Place::Before {
                front = at;
            } else {
                back = at;
            }
            at = self.past_newline(front + (back - front) / 2, back);
        }
        front
    }

    /// The first matching line from `front` on.
    fn linear_search(&self, mut front: usize) -> Option<usize> {
        let end = self.text.len();
        while front < end {
            match self.place(front, end) {
                Place::Match => return Some(front),
                Place::After => return None,
                Place::Before => front = self.past_newline(front, end),
            }
        }
        None
    }

    /// The matching lines from `front` on, as they are.
    fn matches_from(&self, front: usize) -> &[u8] {
        let end = self.text.len();
        let mut at = front;
        while at < end && self.place(at, end) == Place::Match {
            at = self.past_newline(at, end);
        }
        &self.text[front..at]
    }
}

/// The file's bytes, or the error look's `mmap` of it would give: a directory cannot be
/// mapped, and nothing of size 0 can (an empty file, a pipe).
fn read(name: &str) -> Result<Vec<u8>, Failure> {
    let failed = |reason: String| Failure::Fatal(format!("{name}: {reason}"));
    let metadata = std::fs::metadata(name).map_err(|e| failed(describe_io_error(&e)))?;
    if metadata.is_dir() {
        return Err(failed("No such device".into()));
    }
    if metadata.len() == 0 {
        return Err(failed("Invalid argument".into()));
    }
    std::fs::read(name).map_err(|e| failed(describe_io_error(&e)))
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut file = std::env::var("WORDLIST")
            .ok()
            .filter(|list| std::fs::File::open(list).is_ok())
            .unwrap_or_else(|| WORDS.to_string());
        let (mut alphanum, mut ignore_case) = (false, false);
        let mut terminator = None;
        let mut operands = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('a') | Arg::Long("alternative") => file = ALTERNATIVE_WORDS.into(),
                Arg::Short('d') | Arg::Long("alphanum") => alphanum = true,
                Arg::Short('f') | Arg::Long("ignore-case") => ignore_case = true,
                Arg::Short('t') | Arg::Long("terminate") => {
                    terminator = args.value()?.bytes().next();
                }
                Arg::Short('h') => args.show_help(),
                Arg::Short('V') => args.show_version(),
                Arg::Value(v) => operands.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let mut key = match operands.as_slice() {
            [key, named] => {
                file = named.clone();
                key.clone().into_bytes()
            }
            // With the word list, case and punctuation do not count.
            [key] => {
                (alphanum, ignore_case) = (true, true);
                key.clone().into_bytes()
            }
            _ => return Err(Failure::Usage("bad usage".into())),
        };
        if let Some(at) = terminator.and_then(|t| key.iter().position(|&b| b == t)) {
            key.truncate(at + 1);
        }
        let text = read(&file)?;
        let mut search = Search {
            key,
            alphanum,
            ignore_case,
            text: &text,
        };
        search.key.retain(|&b| counts(alphanum, b));
        let front = search.binary_search(0, text.len());
        let Some(first) = search.linear_search(front) else {
            return Ok(1);
        };
        out.write_all(search.matches_from(first))?;
        Ok(0)
    })
}

/// Whether a byte takes part in comparing (with `-d`, only letters, digits and blanks).
fn counts(alphanum: bool, byte: u8) -> bool {
    !alphanum || byte.is_ascii_alphanumeric() || byte == b' ' || byte == b'\t'
}
