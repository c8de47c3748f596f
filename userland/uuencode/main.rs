//! uuencode and uudecode (GNU sharutils): a file as lines of printable text, in the
//! historical encoding or in base64, and back. Run as `uudecode`, the same program decodes.

mod decode;

use std::io::{Read, Write};
use wasmix_common::{Arg, Failure, Program, args, file_error, input, note, wasi_fs};

static PROGRAM: Program = Program::new(
    "uuencode",
    "Usage: uuencode [OPTION]... [INPUT] NAME\n\
     Encode INPUT (standard input when there is none) as text to standard output, for\n\
     uudecode to write back as the file NAME.\n\n  \
     -m, --base64      encode in base64 rather than the historical encoding\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

/// Bytes encoded on each line, in either encoding.
const LINE: usize = 45;

fn main() {
    if wasmix_common::run_as().as_deref() == Some("uudecode") {
        decode::main();
    }
    PROGRAM.run(|mut args, out| {
        let mut base64 = false;
        let mut operands = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('m') | Arg::Long("base64") => base64 = true,
                Arg::Value(v) => operands.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let (input, name) = match operands.len() {
            1 => (None, operands.remove(0)),
            2 => (Some(operands.remove(0)), operands.remove(0)),
            _ => {
                // sharutils' usage error: the synopsis, and status 64.
                note!("Usage: uuencode [OPTION]... [INPUT] NAME");
                note!("Try 'uuencode --help' for more information.");
                return Err(Failure::Status(64));
            }
        };
        // A file keeps its own permissions; standard input has those a new file would.
        let (mut reader, mode) = match &input {
            Some(path) => {
                let mode = wasi_fs::mode(std::path::Path::new(path), true)
                    .map_err(|e| Failure::Fatal(file_error(path, &e)))?;
                let reader = input::open(path).map_err(|e| Failure::Fatal(file_error(path, &e)))?;
                (reader, mode & 0o777)
            }
            None => (input::open("-")?, 0o666 & !wasi_fs::umask()),
        };
        let begin = if base64 { "begin-base64" } else { "begin" };
        writeln!(out, "{begin} {mode:o} {name}")?;
        let mut line = [0u8; LINE];
        loop {
            let filled = fill(&mut reader, &mut line).map_err(|e| match &input {
                Some(path) => Failure::Fatal(file_error(path, &e)),
                None => Failure::Fatal(wasmix_common::read_error(&e)),
            })?;
            if filled == 0 {
                break;
            }
            let text = match base64 {
                true => base64_simd::STANDARD.encode_to_string(&line[..filled]),
                false => historical_line(&line[..filled]),
            };
            writeln!(out, "{text}")?;
            if filled < LINE {
                break;
            }
        }
        // The historical encoding ends with an empty line (its length, zero) and `end`.
        match base64 {
            true => writeln!(out, "====")?,
            false => writeln!(out, "`\nend")?,
        }
        Ok(0)
    })
}

/// Reads until `buffer` is full or the input ends; how many bytes it holds.
fn fill(reader: &mut dyn Read, buffer: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buffer.len() {
        match reader.read(&mut buffer[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// A six-bit value as the historical encoding prints it: from space up, with a backquote
/// for zero (GNU's choice, which mail gateways do not strip as they strip spaces).
fn character(six_bits: u8) -> char {
    match six_bits & 0x3f {
        0 => '`',
        value => char::from(b' ' + value),
    }
}

/// One line of the historical encoding: its length, then each three bytes (the last
/// group padded with zeros) as four characters.
fn historical_line(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(1 + bytes.len().div_ceil(3) * 4);
    text.push(character(bytes.len() as u8));
    for group in bytes.chunks(3) {
        let [a, b, c] = [0, 1, 2].map(|i| group.get(i).copied().unwrap_or(0));
        text.push(character(a >> 2));
        text.push(character((a << 4) | (b >> 4)));
        text.push(character((b << 2) | (c >> 6)));
        text.push(character(c));
    }
    text
}
