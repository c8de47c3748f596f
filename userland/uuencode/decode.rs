//! uudecode: the files that uuencode wrote, each from its `begin` line to its end, written
//! back under the name and with the permissions that line gives (or to `-o FILE`), with
//! GNU sharutils' messages and statuses.

use std::io::{BufRead, Write};
use std::path::Path;
use wasmix_common::{Arg, Failure, Program, args, describe_io_error, input, note, wasi_fs};

static PROGRAM: Program = Program::new(
    "uudecode",
    "Usage: uudecode [OPTION]... [FILE]...\n\
     Decode each FILE (standard input when there is none) that uuencode wrote, to the\n\
     file named in it, with the permissions it gives less set-ID bits. A name of - or\n\
     /dev/stdout is standard output.\n\n  \
     -o, --output-file=FILE  write to FILE instead\n      \
     --help              display this help and exit\n      \
     --version           output version information and exit\n",
);

/// sharutils' statuses: bad input (which ends the run at once), an input that would not
/// open, an output that could not be made, and a command line it cannot take. Those of
/// several files are ORed together.
const INVALID: u8 = 2;
const NO_INPUT: u8 = 4;
const NO_OUTPUT: u8 = 8;
const USAGE: u8 = 64;

pub fn main() -> ! {
    PROGRAM.run(|mut args, out| {
        let mut output = None;
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('o') | Arg::Long("output-file") => output = Some(args.value()?),
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if files.len() > 1 && output.is_some() {
            note!("uudecode: You cannot specify an output file when processing");
            note!("multiple input files.");
            note!("Try 'uudecode --help' for more information.");
            return Err(Failure::Status(USAGE));
        }
        if files.is_empty() {
            let stdin = std::io::BufReader::new(input::open("-")?);
            return decode(stdin, "standard input", output.as_deref(), out);
        }
        let mut status = 0;
        for name in &files {
            match std::fs::File::open(name) {
                Ok(file) => {
                    let reader = std::io::BufReader::new(file);
                    status |= decode(reader, name, output.as_deref(), out)?;
                }
                Err(e) => {
                    note!("uudecode: {name}: {}", describe_io_error(&e));
                    status |= NO_INPUT;
                }
            }
        }
        Ok(status)
    })
}

/// Ends the run on bad input, as sharutils' `die` does; some of its messages have no
/// newline.
fn invalid(message: String) -> Failure {
    let _ = std::io::stderr().write_all(format!("uudecode: {message}").as_bytes());
    Failure::Status(INVALID)
}

/// Reads one line, newline kept; None at the end of the input.
fn next_line(input: &mut impl BufRead, line: &mut Vec<u8>) -> Result<Option<()>, Failure> {
    line.clear();
    match input.read_until(b'\n', line) {
        Ok(0) => Ok(None),
        Ok(_) => Ok(Some(())),
        Err(e) => Err(Failure::Fatal(describe_io_error(&e))),
    }
}

/// Decodes the first encoded file of `input`; its status.
fn decode(
    mut input: impl BufRead,
    input_name: &str,
    output: Option<&str>,
    out: &mut dyn Write,
) -> Result<u8, Failure> {
    let mut line = Vec::new();
    let bad_beginning = || invalid(format!("{input_name}: Invalid or missing 'begin' line\n"));
    let header = loop {
        if next_line(&mut input, &mut line)?.is_none() || !line.ends_with(b"\n") {
            return Err(bad_beginning());
        }
        if line.starts_with(b"begin") {
            break header(&line).ok_or_else(bad_beginning)?;
        }
    };
    let name = match output {
        Some(name) => name.to_string(),
        None => header.name()?,
    };
    let mut sink: Box<dyn Write + '_> = if name == "-" || name == "/dev/stdout" {
        Box::new(&mut *out)
    } else {
        match create(&name, header.mode) {
            Ok(file) => Box::new(std::io::BufWriter::new(file)),
            Err(status) => return Ok(status),
        }
    };
    let written = match header.base64 {
        true => base64_body(&mut input, input_name, &mut sink)?,
        false => historical_body(&mut input, input_name, &mut sink)?,
    };
    if written.and_then(|()| sink.flush()).is_err() {
        note!("uudecode: {name}: Write error");
        return Ok(NO_OUTPUT);
    }
    Ok(0)
}

/// What a `begin` line says.
struct Header {
    base64: bool,
    encoded_name: bool,
    mode: u32,
    name: String,
}

impl Header {
    /// The name to write to: decoded when the line says it is base64, `~/` taken as
    /// the home directory, trailing white space left off.
    fn name(&self) -> Result<String, Failure> {
        let mut name = self.name.clone();
        if self.encoded_name {
            if name.is_empty() {
                return Err(invalid("output name is empty".into()));
            }
            let decoded = base64_simd::STANDARD
                .decode_to_vec(name.as_bytes())
                .map_err(|_| invalid(format!("invalid base64 encoded name: {name}")))?;
            name = String::from_utf8_lossy(&decoded).into_owned();
        }
        if let Some(rest) = name.strip_prefix("~/") {
            let home = std::env::var("HOME").map_err(|_| invalid("cannot expand $HOME".into()))?;
            name = format!("{home}/{rest}");
        }
        Ok(name.trim_end().to_string())
    }
}

/// `begin[-base64][-encoded] MODE NAME`, the mode in octal; None if it is not that.
fn header(line: &[u8]) -> Option<Header> {
    let text = String::from_utf8_lossy(line.strip_suffix(b"\n")?).into_owned();
    let mut rest = text.strip_prefix("begin")?;
    let (mut base64, mut encoded_name) = (false, false);
    while let Some(option) = rest.strip_prefix('-') {
        if let Some(after) = option.strip_prefix("base64").filter(|_| !base64) {
            (base64, rest) = (true, after);
        } else if let Some(after) = option.strip_prefix("encoded").filter(|_| !encoded_name) {
            (encoded_name, rest) = (true, after);
        } else {
            return None;
        }
    }
    let rest = rest.strip_prefix(' ')?.trim_start();
    let digits = rest
        .find(|c: char| !('0'..='7').contains(&c))
        .unwrap_or(rest.len());
    let mode = u32::from_str_radix(&rest[..digits], 8).ok()?;
    let name = rest[digits..].trim_start();
    (!name.is_empty()).then(|| Header {
        base64,
        encoded_name,
        mode,
        name: name.to_string(),
    })
}

/// Creates (or empties) the file and gives it the mode, less set-ID and sticky bits;
/// the status on failure, which is reported.
fn create(name: &str, mode: u32) -> Result<std::fs::File, u8> {
    let file = std::fs::File::create(name).map_err(|e| {
        note!("uudecode: freopen: {name}: {}", describe_io_error(&e));
        NO_OUTPUT
    })?;
    if let Err(e) = wasi_fs::set_mode(Path::new(name), true, mode & 0o777) {
        note!("uudecode: chmod of {name}: {}", describe_io_error(&e));
        if std::env::var_os("POSIXLY_CORRECT").is_none() {
            return Err(NO_OUTPUT);
        }
    }
    Ok(file)
}

/// The historical lines up to the one of length zero, and the `end` line after it.
fn historical_body(
    input: &mut impl BufRead,
    input_name: &str,
    sink: &mut dyn Write,
) -> Result<std::io::Result<()>, Failure> {
    let value = |c: u8| c.wrapping_sub(b' ') & 0x3f;
    let mut line = Vec::new();
    loop {
        if next_line(input, &mut line)?.is_none() {
            return Err(invalid(format!("{input_name}: Short file")));
        }
        let length = usize::from(value(line[0]));
        if length == 0 {
            break;
        }
        // A line shorter than its length says is read on as if zeros followed it.
        let at = |i: usize| value(line.get(i).copied().unwrap_or(0));
        let mut bytes = Vec::with_capacity(length + 2);
        for group in 0..length.div_ceil(3) {
            let [a, b, c, d] = [1, 2, 3, 4].map(|i| at(group * 4 + i));
            bytes.extend_from_slice(&[(a << 2) | (b >> 4), (b << 4) | (c >> 2), (c << 6) | d]);
        }
        bytes.truncate(length);
        if let Err(e) = sink.write_all(&bytes) {
            return Ok(Err(e));
        }
    }
    match next_line(input, &mut line)? {
        Some(()) if line == b"end\n" || line == b"end\r\n" => Ok(Ok(())),
        _ => Err(invalid(format!("{input_name}: No `end' line"))),
    }
}

/// Base64 lines up to the one that starts with `====`; a group may run across lines.
fn base64_body(
    input: &mut impl BufRead,
    input_name: &str,
    sink: &mut dyn Write,
) -> Result<std::io::Result<()>, Failure> {
    let mut line = Vec::new();
    let mut pending: Vec<u8> = Vec::new();
    loop {
        if next_line(input, &mut line)?.is_none() {
            return Err(invalid(format!("{input_name}: Short file\n")));
        }
        if line.starts_with(b"====") {
            break;
        }
        pending.extend(line.iter().filter(|&&b| b != b'\n'));
        // Whole groups decode now; a padded group ends what decodes.
        let whole = match pending.iter().position(|&b| b == b'=') {
            Some(_) => pending.len(),
            None => pending.len() / 4 * 4,
        };
        let bytes = base64_simd::STANDARD
            .decode_to_vec(&pending[..whole])
            .map_err(|_| invalid(format!("{input_name}: invalid input")))?;
        pending.drain(..whole);
        if let Err(e) = sink.write_all(&bytes) {
            return Ok(Err(e));
        }
    }
    if pending.is_empty() {
        Ok(Ok(()))
    } else {
        Err(invalid(format!("{input_name}: invalid input")))
    }
}
