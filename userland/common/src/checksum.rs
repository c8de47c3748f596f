//! What the checksum programs (`md5sum`, `sha1sum`, the `sha2` family, `b2sum`) share:
//! printing `HASH  NAME` lines, and checking them with `-c`. Each brings only its hash.

use crate::{Arg, Args, Failure, Output, Program, args, file_error, input};
use std::io::{BufRead, BufReader, Write};

/// The `--help` text of a checksum program: its name and what its hash is, then the
/// options all of them share.
#[macro_export]
macro_rules! checksum_help {
    ($name:literal, $hash:literal) => {
        $crate::checksum_help!($name, $hash, "")
    };
    ($name:literal, $hash:literal, $more_options:literal) => {
        concat!(
            "Usage: ",
            $name,
            " [OPTION]... [FILE]...\n\
             Print or check ",
            $hash,
            " checksums.\n\n\
             With no FILE, or when FILE is -, read standard input.\n\n  \
             -b, --binary          read in binary mode\n  \
             -c, --check           read checksums from the FILEs and check them\n",
            $more_options,
            "      --tag             create a BSD-style checksum\n  \
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
pub trait Hasher {
    fn update(&mut self, data: &[u8]);
    fn finish(self: Box<Self>) -> Vec<u8>;
}

/// What a checksum program computes.
pub struct Algorithm {
    /// Its name in tagged lines (`MD5 (a) = ...`, `BLAKE2b-256 (a) = ...`).
    pub tag: String,
    /// The digest's length in bytes; for a chosen length (`b2sum -l`), the most it may be.
    pub bytes: usize,
    /// Whether `-l` chooses the length.
    pub variable: bool,
    /// A new hash giving a digest of this many bytes.
    pub new_hasher: fn(usize) -> Box<dyn Hasher>,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn hash_file(name: &str, algorithm: &Algorithm, bytes: usize) -> std::io::Result<String> {
    let mut reader = input::Chunks::open(name)?;
    let mut hasher = (algorithm.new_hasher)(bytes);
    reader.each_chunk(|chunk| {
        hasher.update(chunk);
        Ok(())
    })?;
    Ok(hex(&hasher.finish()))
}

#[cfg(feature = "digest")]
struct DigestHasher<D>(D);

#[cfg(feature = "digest")]
impl<D: digest::Digest> Hasher for DigestHasher<D> {
    fn update(&mut self, data: &[u8]) {
        self.0.update(data);
    }

    fn finish(self: Box<Self>) -> Vec<u8> {
        self.0.finalize().to_vec()
    }
}

#[cfg(feature = "digest")]
fn new_digest<D: digest::Digest + 'static>(_: usize) -> Box<dyn Hasher> {
    Box::new(DigestHasher(D::new()))
}

#[cfg(feature = "digest")]
/// The whole of a checksum program whose hash is a RustCrypto `Digest` (md5, sha1, sha2).
pub fn run_digest<D: digest::Digest + 'static>(
    program: &'static Program,
    args: Args,
    out: &mut Output,
) -> Result<u8, Failure> {
    let tag = program.name.trim_end_matches("sum").to_ascii_uppercase();
    let algorithm = Algorithm {
        tag,
        bytes: <D as digest::Digest>::output_size(),
        variable: false,
        new_hasher: new_digest::<D>,
    };
    run(program, args, out, &algorithm)
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

/// A file name in an output line: as GNU's, one holding a backslash, a newline or a
/// carriage return is escaped (`\\`, `\n`, `\r`) and the line starts with a backslash to
/// say so.
fn escaped_name(name: &str) -> Option<String> {
    name.contains(['\\', '\n', '\r']).then(|| {
        name.replace('\\', "\\\\")
            .replace('\n', "\\n")
            .replace('\r', "\\r")
    })
}

/// A name from an escaped line, or None where an escape is not `\\`, `\n` or `\r`.
fn unescaped_name(name: &str) -> Option<String> {
    let mut plain = String::with_capacity(name.len());
    let mut chars = name.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next()? {
                '\\' => plain.push('\\'),
                'n' => plain.push('\n'),
                'r' => plain.push('\r'),
                _ => return None,
            },
            c => plain.push(c),
        }
    }
    Some(plain)
}

/// The digest length `-l BITS` asks for, in bytes (0 asks for the most).
fn chosen_length(program: &Program, text: &str, algorithm: &Algorithm) -> Result<usize, Failure> {
    let invalid = format!(
        "invalid length: {}",
        crate::quote::quote_bytes(text.as_bytes())
    );
    let bits: usize = text.parse().map_err(|_| Failure::Fatal(invalid.clone()))?;
    let why = if bits > algorithm.bytes * 8 {
        format!(
            "maximum digest length for {} is {} bits",
            crate::quote::quote_bytes(algorithm.tag.as_bytes()),
            algorithm.bytes * 8
        )
    } else if !bits.is_multiple_of(8) {
        "length is not a multiple of 8".to_string()
    } else {
        return Ok(if bits == 0 { algorithm.bytes } else { bits / 8 });
    };
    program.warn(invalid);
    Err(Failure::Fatal(why))
}

/// The name a digest of `bytes` goes by in tagged lines: `BLAKE2b-256` where shorter
/// than the most.
fn tag_for(algorithm: &Algorithm, bytes: usize) -> String {
    if bytes == algorithm.bytes {
        algorithm.tag.clone()
    } else {
        format!("{}-{}", algorithm.tag, bytes * 8)
    }
}

/// The whole of a checksum program.
pub fn run(
    program: &'static Program,
    mut args: Args,
    out: &mut Output,
    algorithm: &Algorithm,
) -> Result<u8, Failure> {
    let mut check = false;
    let mut tag = false;
    let mut mode: Option<bool> = None;
    let mut end = b'\n';
    let mut bytes = algorithm.bytes;
    let mut options = CheckOptions::default();
    let mut only_checking = None;
    let mut files = Vec::new();
    while let Some(arg) = args.next()? {
        match arg {
            Arg::Short('c') | Arg::Long("check") => check = true,
            Arg::Short('b') | Arg::Long("binary") => mode = Some(true),
            Arg::Short('t') | Arg::Long("text") => mode = Some(false),
            Arg::Short('l') | Arg::Long("length") if algorithm.variable => {
                bytes = chosen_length(program, &args.value()?, algorithm)?;
            }
            Arg::Long("tag") => tag = true,
            Arg::Short('z') | Arg::Long("zero") => end = 0,
            Arg::Long("quiet") => {
                options.quiet = true;
                only_checking = Some("--quiet");
            }
            Arg::Long("status") => {
                options.status_only = true;
                only_checking = Some("--status");
            }
            Arg::Short('w') | Arg::Long("warn") => {
                options.warn = true;
                only_checking = Some("--warn");
            }
            Arg::Long("strict") => {
                options.strict = true;
                only_checking = Some("--strict");
            }
            Arg::Long("ignore-missing") => {
                options.ignore_missing = true;
                only_checking = Some("--ignore-missing");
            }
            Arg::Value(v) => files.push(args::into_string(v)?),
            other => return Err(args::unexpected(other)),
        }
    }
    if check && tag {
        return Err(Failure::Usage(
            "the --tag option is meaningless when verifying checksums".into(),
        ));
    }
    if check && mode.is_some() {
        return Err(Failure::Usage(
            "the --binary and --text options are meaningless when verifying checksums".into(),
        ));
    }
    if let (false, Some(option)) = (check, only_checking) {
        return Err(Failure::Usage(format!(
            "the {option} option is meaningful only when verifying checksums"
        )));
    }
    let mut status = 0;
    for name in input::operands_or_stdin(files) {
        if check {
            let checker = Checker {
                program,
                algorithm,
                options: &options,
            };
            status |= checker.check_list(&name, out)?;
            continue;
        }
        let hash = match hash_file(&name, algorithm, bytes) {
            Ok(hash) => hash,
            Err(e) => {
                program.warn(file_error(&name, &e));
                status = 1;
                continue;
            }
        };
        let escaped = if end == 0 { None } else { escaped_name(&name) };
        let flag = if escaped.is_some() { "\\" } else { "" };
        let shown = escaped.as_deref().unwrap_or(&name);
        if tag {
            let tag = tag_for(algorithm, bytes);
            write!(out, "{flag}{tag} ({shown}) = {hash}{}", end as char)?;
        } else {
            let mode = if mode == Some(true) { '*' } else { ' ' };
            write!(out, "{flag}{hash} {mode}{shown}{}", end as char)?;
        }
    }
    Ok(status)
}

/// One line of a list being checked: the digest expected and the file it is of.
struct Entry {
    expected: String,
    name: String,
}

struct Checker<'c> {
    program: &'c Program,
    algorithm: &'c Algorithm,
    options: &'c CheckOptions,
}

impl Checker<'_> {
    /// The digest's length in a tagged line's name (`BLAKE2b-256`), and the rest.
    fn tagged<'l>(&self, line: &'l str) -> Option<(usize, &'l str)> {
        let rest = line.strip_prefix(self.algorithm.tag.as_str())?;
        if !self.algorithm.variable {
            return Some((self.algorithm.bytes, rest));
        }
        let Some(rest) = rest.strip_prefix('-') else {
            return Some((self.algorithm.bytes, rest));
        };
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        let bits: usize = rest[..digits].parse().ok()?;
        let fits = bits > 0 && bits <= self.algorithm.bytes * 8 && bits.is_multiple_of(8);
        fits.then_some((bits / 8, &rest[digits..]))
    }

    /// A line in one of the forms the programs write: `HASH  NAME`, `HASH *NAME`,
    /// `ALG (NAME) = HASH` (OpenSSL's `ALG(NAME)= HASH` too), or BSD's `HASH NAME`,
    /// which may not be mixed with the others in one list (`reversed` remembers which
    /// came first). A leading backslash says the name is escaped.
    fn parse(&self, line: &str, reversed: &mut Option<bool>) -> Option<Entry> {
        let line = line.trim_start_matches([' ', '\t']);
        let (escaped, line) = match line.strip_prefix('\\') {
            Some(rest) => (true, rest),
            None => (false, line),
        };
        let (length, expected, name) = match self.tagged(line) {
            Some((length, rest)) if rest.trim_start_matches(' ').starts_with('(') => {
                let rest = rest.trim_start_matches(' ').strip_prefix('(')?;
                let (name, hash) = rest
                    .rsplit_once(") = ")
                    .or_else(|| rest.rsplit_once(")= "))?;
                (length, hash, name)
            }
            _ => {
                let digits = line
                    .find(|c: char| !c.is_ascii_hexdigit())
                    .unwrap_or(line.len());
                let length = if self.algorithm.variable {
                    let fits = digits >= 2 && digits.is_multiple_of(2);
                    (fits && digits <= 2 * self.algorithm.bytes).then_some(digits / 2)?
                } else {
                    self.algorithm.bytes
                };
                let (hash, rest) = line.split_at_checked(2 * length)?;
                let rest = rest.strip_prefix([' ', '\t'])?;
                let name = match rest.strip_prefix([' ', '*']) {
                    Some(name) if rest.len() > 1 && *reversed != Some(true) => {
                        *reversed = Some(false);
                        name
                    }
                    _ if *reversed == Some(false) => return None,
                    _ => {
                        *reversed = Some(true);
                        rest
                    }
                };
                (length, hash, name)
            }
        };
        let well_formed = expected.len() == 2 * length
            && expected.bytes().all(|b| b.is_ascii_hexdigit())
            && !name.is_empty();
        if !well_formed {
            return None;
        }
        let name = if escaped {
            unescaped_name(name)?
        } else {
            name.to_string()
        };
        Some(Entry {
            expected: expected.to_string(),
            name,
        })
    }

    /// `-c`: verifies each line of a list; the status is 1 if any failed.
    fn check_list(&self, list: &str, out: &mut Output) -> Result<u8, Failure> {
        let reader = input::open(list).map_err(|e| Failure::Fatal(file_error(list, &e)))?;
        let (mut mismatched, mut unreadable, mut malformed, mut checked) = (0, 0, 0, 0);
        let mut reversed = None;
        let shown_list = if list == "-" { "standard input" } else { list };
        for (number, line) in BufReader::new(reader).split(b'\n').enumerate() {
            let line = line?;
            let line = String::from_utf8_lossy(&line);
            let line = line.strip_suffix('\r').unwrap_or(&line);
            let Some(entry) = self.parse(line, &mut reversed) else {
                malformed += 1;
                if self.options.warn {
                    self.program.warn(format!(
                        "{}: {}: improperly formatted {} checksum line",
                        crate::quote::quotef(shown_list),
                        number + 1,
                        self.algorithm.tag
                    ));
                }
                continue;
            };
            let name = &entry.name;
            let length = entry.expected.len() / 2;
            let actual = match hash_file(name, self.algorithm, length) {
                Err(e)
                    if e.kind() == std::io::ErrorKind::NotFound && self.options.ignore_missing =>
                {
                    continue;
                }
                other => other,
            };
            checked += 1;
            let verdict = match actual {
                Ok(actual) if actual.eq_ignore_ascii_case(&entry.expected) => "OK",
                Ok(_) => {
                    mismatched += 1;
                    "FAILED"
                }
                Err(e) => {
                    self.program.warn(file_error(name, &e));
                    unreadable += 1;
                    "FAILED open or read"
                }
            };
            let quiet = self.options.quiet && verdict == "OK";
            if !self.options.status_only && !quiet {
                // Here only a newline has the name escaped.
                let escaped = name.contains('\n').then(|| escaped_name(name)).flatten();
                let flag = if escaped.is_some() { "\\" } else { "" };
                let shown = escaped.as_deref().unwrap_or(name);
                writeln!(out, "{flag}{shown}: {verdict}")?;
            }
        }
        out.flush()?;
        if checked == 0 {
            self.program.warn(format!(
                "{}: no properly formatted checksum lines found",
                crate::quote::quotef(shown_list)
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
