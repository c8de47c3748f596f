//! What the checksum programs (`md5sum`, `sha1sum`, `sha256sum`, `sha512sum`) share:
//! printing `HASH  NAME` lines, and checking them with `-c`. Each brings only its hash.

use crate::{Arg, Args, Failure, Output, Program, args, describe_io_error, input};
use std::io::{BufRead, BufReader, Write};

/// The `--help` text of a checksum program: its name and what its hash is, then the
/// options all of them share.
#[macro_export]
macro_rules! checksum_help {
    ($name:literal, $hash:literal) => {
        concat!(
            "Usage: ",
            $name,
            " [OPTION]... [FILE]...\n\
             Print or check ",
            $hash,
            " checksums.\n\n\
             With no FILE, or when FILE is -, read standard input.\n\n  \
             -b, --binary          read in binary mode\n  \
             -c, --check           read checksums from the FILEs and check them\n      \
             --tag             create a BSD-style checksum\n  \
             -t, --text            read in text mode (default)\n  \
             -z, --zero            end each output line with NUL, not newline\n\n\
             The following five options are useful only when verifying checksums:\n      \
             --ignore-missing  don't fail or report status for missing files\n      \
             --quiet           don't print OK for each successfully verified file\n      \
             --status          don't output anything, status code shows success\n      \
             --strict          exit non-zero for improperly formatted checksum lines\n  \
             -w, --warn            warn about improperly formatted checksum lines\n\n      \
             --help        display this help and exit\n      \
             --version     output version information and exit\n"
        )
    };
}

/// A hash being computed over a stream of chunks.
trait Hasher {
    fn update(&mut self, data: &[u8]);
    fn finish(self: Box<Self>) -> Vec<u8>;
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn hash_file(name: &str, new_hasher: &dyn Fn() -> Box<dyn Hasher>) -> std::io::Result<String> {
    let mut reader = input::Chunks::open(name)?;
    let mut hasher = new_hasher();
    reader.each_chunk(|chunk| {
        hasher.update(chunk);
        Ok(())
    })?;
    Ok(hex(&hasher.finish()))
}

struct DigestHasher<D>(D);

impl<D: digest::Digest> Hasher for DigestHasher<D> {
    fn update(&mut self, data: &[u8]) {
        self.0.update(data);
    }

    fn finish(self: Box<Self>) -> Vec<u8> {
        self.0.finalize().to_vec()
    }
}

/// The whole of a checksum program whose hash is a RustCrypto `Digest` (md5, sha1, sha2).
pub fn run_digest<D: digest::Digest + 'static>(
    program: &'static Program,
    args: Args,
    out: &mut Output,
) -> Result<u8, Failure> {
    run(program, args, out, &|| Box::new(DigestHasher(D::new())))
}

/// How `-c` reports: --quiet leaves out the OK lines, --status everything, --warn and
/// --strict care about lines that are not checksums, --ignore-missing about absent files.
#[derive(Default)]
struct CheckOptions {
    quiet: bool,
    status_only: bool,
    warn: bool,
    strict: bool,
    ignore_missing: bool,
}

/// The whole of a checksum program.
fn run(
    program: &'static Program,
    mut args: Args,
    out: &mut Output,
    new_hasher: &dyn Fn() -> Box<dyn Hasher>,
) -> Result<u8, Failure> {
    let mut check = false;
    let mut tag = false;
    let mut binary = false;
    let mut end = b'\n';
    let mut options = CheckOptions::default();
    let mut files = Vec::new();
    while let Some(arg) = args.next()? {
        match arg {
            Arg::Short('c') | Arg::Long("check") => check = true,
            Arg::Short('b') | Arg::Long("binary") => binary = true,
            Arg::Short('t') | Arg::Long("text") => binary = false,
            Arg::Long("tag") => tag = true,
            Arg::Short('z') | Arg::Long("zero") => end = 0,
            Arg::Long("quiet") => options.quiet = true,
            Arg::Long("status") => options.status_only = true,
            Arg::Short('w') | Arg::Long("warn") => options.warn = true,
            Arg::Long("strict") => options.strict = true,
            Arg::Long("ignore-missing") => options.ignore_missing = true,
            Arg::Value(v) => files.push(args::into_string(v)?),
            other => return Err(args::unexpected(other)),
        }
    }
    let algorithm = program.name.trim_end_matches("sum").to_ascii_uppercase();
    let mut status = 0;
    for name in input::operands_or_stdin(files) {
        if check {
            let checker = Checker {
                program,
                algorithm: &algorithm,
                options: &options,
                new_hasher,
            };
            status |= checker.check_list(&name, out)?;
            continue;
        }
        match hash_file(&name, new_hasher) {
            Ok(hash) if tag => write!(out, "{algorithm} ({name}) = {hash}{}", end as char)?,
            Ok(hash) => {
                let mode = if binary { '*' } else { ' ' };
                write!(out, "{hash} {mode}{name}{}", end as char)?;
            }
            Err(e) => {
                program.warn(format!("{name}: {}", describe_io_error(&e)));
                status = 1;
            }
        }
    }
    Ok(status)
}

struct Checker<'c> {
    program: &'c Program,
    algorithm: &'c str,
    options: &'c CheckOptions,
    new_hasher: &'c dyn Fn() -> Box<dyn Hasher>,
}

impl Checker<'_> {
    /// The hash and file name of a `HASH  NAME`, `HASH *NAME`, `HASH NAME` or
    /// `ALG (NAME) = HASH` line.
    fn parse<'l>(&self, line: &'l str, length: usize) -> Option<(&'l str, &'l str)> {
        let tagged = line
            .strip_prefix(self.algorithm)
            .and_then(|rest| rest.strip_prefix(" ("))
            .and_then(|rest| rest.rsplit_once(") = "));
        let (hash, name) = match tagged {
            Some((name, hash)) => (hash, name),
            None => {
                let (hash, rest) = line.split_at_checked(length)?;
                // A space, then the mode: ` ` (text) or `*` (binary); as GNU's, a lone
                // space before the name will do.
                let rest = rest.strip_prefix(' ')?;
                let name = rest.strip_prefix([' ', '*']).unwrap_or(rest);
                (hash, name)
            }
        };
        let well_formed =
            hash.len() == length && hash.bytes().all(|b| b.is_ascii_hexdigit()) && !name.is_empty();
        well_formed.then_some((hash, name))
    }

    /// `-c`: verifies each line of a list; the status is 1 if any failed.
    fn check_list(&self, list: &str, out: &mut Output) -> Result<u8, Failure> {
        let reader = input::open(list)
            .map_err(|e| Failure::Fatal(format!("{list}: {}", describe_io_error(&e))))?;
        let length = 2 * (self.new_hasher)().finish().len();
        let (mut mismatched, mut unreadable, mut malformed, mut checked) = (0, 0, 0, 0);
        let shown_list = if list == "-" { "standard input" } else { list };
        for (number, line) in BufReader::new(reader).split(b'\n').enumerate() {
            let line = line?;
            let line = String::from_utf8_lossy(&line);
            let line = line.strip_suffix('\r').unwrap_or(&line);
            let Some((expected, name)) = self.parse(line, length) else {
                malformed += 1;
                if self.options.warn {
                    self.program.warn(format!(
                        "{shown_list}: {}: improperly formatted {} checksum line",
                        number + 1,
                        self.algorithm
                    ));
                }
                continue;
            };
            let actual = match hash_file(name, self.new_hasher) {
                Err(e)
                    if e.kind() == std::io::ErrorKind::NotFound && self.options.ignore_missing =>
                {
                    continue;
                }
                other => other,
            };
            checked += 1;
            let verdict = match actual {
                Ok(actual) if actual.eq_ignore_ascii_case(expected) => "OK",
                Ok(_) => {
                    mismatched += 1;
                    "FAILED"
                }
                Err(e) => {
                    self.program
                        .warn(format!("{name}: {}", describe_io_error(&e)));
                    unreadable += 1;
                    "FAILED open or read"
                }
            };
            let quiet = self.options.quiet && verdict == "OK";
            if !self.options.status_only && !quiet {
                writeln!(out, "{name}: {verdict}")?;
            }
        }
        out.flush()?;
        if checked == 0 {
            self.program.warn(format!(
                "{}: no properly formatted checksum lines found",
                if list == "-" {
                    "'standard input'"
                } else {
                    list
                }
            ));
            return Ok(1);
        }
        let plural =
            |n: i32, one: &'static str, many: &'static str| if n == 1 { one } else { many };
        if !self.options.status_only {
            if malformed > 0 {
                self.program.warn(format!(
                    "WARNING: {malformed} {} improperly formatted",
                    plural(malformed, "line is", "lines are")
                ));
            }
            if unreadable > 0 {
                self.program.warn(format!(
                    "WARNING: {unreadable} listed {} could not be read",
                    plural(unreadable, "file", "files")
                ));
            }
            if mismatched > 0 {
                self.program.warn(format!(
                    "WARNING: {mismatched} computed {} did NOT match",
                    plural(mismatched, "checksum", "checksums")
                ));
            }
        }
        let strict_failure = self.options.strict && malformed > 0;
        Ok(u8::from(mismatched + unreadable > 0 || strict_failure))
    }
}
