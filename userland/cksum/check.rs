//! `-c`: reading a list of checksums, in any of the forms the programs write, and
//! checking each file it names.

use crate::algorithm::Algorithm;
use std::io::{BufRead, BufReader, Write};
use wasmix_common::{Failure, Output, Program, file_error, input, quote};

/// How `-c` reports: --quiet leaves out the OK lines, --status everything, --warn and
/// --strict care about lines that are not checksums, --ignore-missing about absent files.
#[derive(Default)]
pub struct CheckOptions {
    pub quiet: bool,
    pub status_only: bool,
    pub warn: bool,
    pub strict: bool,
    pub ignore_missing: bool,
}

/// A file name in an output line: as GNU's, one holding a backslash, a newline or a
/// carriage return is escaped (`\\`, `\n`, `\r`) and the line starts with a backslash to
/// say so.
pub fn escaped_name(name: &str) -> Option<String> {
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

/// One line of a list being checked: the digest expected and the file it is of.
struct Entry {
    algorithm: &'static Algorithm,
    expected: String,
    name: String,
}

pub struct Checker<'c> {
    pub program: &'c Program,
    /// The algorithms a tagged line may name: the program's own, or any for `cksum`.
    pub tagged: &'c [&'static Algorithm],
    /// The algorithm of untagged lines; `cksum` without `-a` takes none.
    pub untagged: Option<&'static Algorithm>,
    pub options: &'c CheckOptions,
}

impl Checker<'_> {
    /// The algorithm a tagged line names, the digest's length (`BLAKE2b-256`), and the
    /// rest of the line.
    fn tagged<'l>(&self, line: &'l str) -> Option<(&'static Algorithm, usize, &'l str)> {
        let (algorithm, rest) = self.tagged.iter().find_map(|algorithm| {
            let rest = line.strip_prefix(algorithm.tag)?;
            rest.starts_with([' ', '(', '-'])
                .then_some((*algorithm, rest))
        })?;
        let Some(rest) = rest.strip_prefix('-').filter(|_| algorithm.variable) else {
            return Some((algorithm, algorithm.bytes, rest));
        };
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        let bits: usize = rest[..digits].parse().ok()?;
        let fits = bits > 0 && bits <= algorithm.bytes * 8 && bits.is_multiple_of(8);
        fits.then_some((algorithm, bits / 8, &rest[digits..]))
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
        let (algorithm, length, expected, name) = match self.tagged(line) {
            Some((algorithm, length, rest)) if rest.trim_start_matches(' ').starts_with('(') => {
                let rest = rest.trim_start_matches(' ').strip_prefix('(')?;
                let (name, hash) = rest
                    .rsplit_once(") = ")
                    .or_else(|| rest.rsplit_once(")= "))?;
                (algorithm, length, hash, name)
            }
            _ => {
                let algorithm = self.untagged?;
                let digits = line
                    .find(|c: char| !c.is_ascii_hexdigit())
                    .unwrap_or(line.len());
                let length = if algorithm.variable {
                    let fits = digits >= 2 && digits.is_multiple_of(2);
                    (fits && digits <= 2 * algorithm.bytes).then_some(digits / 2)?
                } else {
                    algorithm.bytes
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
                (algorithm, length, hash, name)
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
            algorithm,
            expected: expected.to_string(),
            name,
        })
    }

    /// `-c`: verifies each line of a list; the status is 1 if any failed.
    pub fn check_list(&self, list: &str, out: &mut Output) -> Result<u8, Failure> {
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
                        quote::quotef(shown_list),
                        number + 1,
                        self.untagged.map_or("CRC", |a| a.tag)
                    ));
                }
                continue;
            };
            let name = &entry.name;
            let length = entry.expected.len() / 2;
            let actual = match entry.algorithm.hash_file(name, length) {
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
                quote::quotef(shown_list)
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
