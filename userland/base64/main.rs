//! base64: encode or decode data in base64 (RFC 4648), wrapping encoded lines at 76.

use base64_simd::{AsOut, STANDARD, forgiving_decode_to_vec};
use std::io::{Read, Write};
use wasmix_common::{Arg, Failure, Program, args, file_error, input};

static PROGRAM: Program = Program::new(
    "base64",
    "Usage: base64 [OPTION]... [FILE]\n\
     Base64 encode or decode FILE, or standard input, to standard output.\n\n\
     With no FILE, or when FILE is -, read standard input.\n\n  \
     -d, --decode          decode data\n  \
     -i, --ignore-garbage  when decoding, ignore non-alphabet characters\n  \
     -w, --wrap=COLS       wrap encoded lines after COLS character (default 76).\n                        \
     Use 0 to disable line wrapping\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut decode = false;
        let mut ignore_garbage = false;
        let mut wrap = DEFAULT_WRAP;
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('d') | Arg::Long("decode") => decode = true,
                Arg::Short('i') | Arg::Long("ignore-garbage") => ignore_garbage = true,
                Arg::Short('w') | Arg::Long("wrap") => {
                    let value = args.value()?;
                    wrap = value
                        .parse()
                        .map_err(|_| Failure::Fatal(format!("invalid wrap size: '{value}'")))?;
                }
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if files.len() > 1 {
            return Err(args::unexpected(Arg::Value(files[1].clone().into())));
        }
        let name = files.pop().unwrap_or_else(|| "-".into());
        let mut reader = input::open(&name).map_err(|e| Failure::Fatal(file_error(&name, &e)))?;
        let read_error = |e: std::io::Error| Failure::Fatal(wasmix_common::read_error(&e));
        if decode {
            let mut data = Vec::new();
            reader.read_to_end(&mut data).map_err(read_error)?;
            let text: Vec<u8> = data
                .into_iter()
                .filter(|&b| {
                    let alphabet = b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=');
                    !b.is_ascii_whitespace() && (alphabet || !ignore_garbage)
                })
                .collect();
            // Padded pieces may follow each other (`cat a.b64 b.b64 | base64 -d`): each
            // is decoded on its own, and what comes before a bad one is written, as GNU's.
            // Bits left over in a last group are dropped, as GNU's decoder drops them; a
            // group cut short is decoded, then reported.
            let mut decoded = Vec::with_capacity(text.len() / 4 * 3);
            for piece in padded_pieces(&text) {
                match forgiving_decode_to_vec(piece) {
                    Ok(bytes) => decoded.extend_from_slice(&bytes),
                    Err(_) => {
                        // The groups before the first bad character still decode.
                        let good = piece
                            .iter()
                            .position(|&b| !(b.is_ascii_alphanumeric() || b == b'+' || b == b'/'))
                            .unwrap_or(piece.len());
                        // So does a group cut short by it, unless one character alone.
                        let decodable = forgiving_decode_to_vec(&piece[..good])
                            .or_else(|_| forgiving_decode_to_vec(&piece[..good / 4 * 4]));
                        if let Ok(bytes) = decodable {
                            decoded.extend_from_slice(&bytes);
                        }
                        out.write_all(&decoded)?;
                        return Err(Failure::Fatal("invalid input".into()));
                    }
                }
            }
            out.write_all(&decoded)?;
            if !text.len().is_multiple_of(4) {
                return Err(Failure::Fatal("invalid input".into()));
            }
        } else {
            if let Err(e) = encode(&mut reader, wrap, out) {
                return Err(Failure::in_copy(e, out, read_error));
            }
        }
        Ok(0)
    })
}

/// `text` cut after each group of four that ends in padding.
fn padded_pieces(text: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = rest
            .chunks(4)
            .position(|group| group.len() == 4 && group[3] == b'=')
            .map_or(rest.len(), |group| (group + 1) * 4);
        let (piece, after) = rest.split_at(end);
        rest = after;
        Some(piece)
    })
}

/// Encoded characters per line by default; 57 input bytes make one line.
const DEFAULT_WRAP: usize = 76;

/// Encodes block by block (a multiple of 3 bytes, so blocks join without padding),
/// wrapping lines across blocks at `wrap` columns (0: never). The encoding is base64-simd's
/// (wasm SIMD); lines of the default width are copied as fixed-size pieces, since a copy
/// of a length known only at run time is a call out of the wasm code.
fn encode(reader: &mut dyn Read, wrap: usize, out: &mut impl Write) -> std::io::Result<()> {
    // 57 * 4096 bytes: whole lines of 76, so a block of them ends a line.
    const BLOCK: u64 = 57 * 4096;
    let mut block = Vec::with_capacity(BLOCK as usize);
    let mut encoded = vec![0; STANDARD.encoded_length(BLOCK as usize)];
    let mut lines = Vec::with_capacity(encoded.len() + encoded.len() / DEFAULT_WRAP + 1);
    let mut column = 0;
    loop {
        block.clear();
        (&mut *reader).take(BLOCK).read_to_end(&mut block)?;
        let text = STANDARD.encode(&block, encoded.as_mut_slice().as_out());
        let mut rest: &[u8] = text;
        lines.clear();
        if wrap == DEFAULT_WRAP && column == 0 {
            let mut whole = rest.chunks_exact(DEFAULT_WRAP);
            for line in &mut whole {
                let line: &[u8; DEFAULT_WRAP] = line.try_into().expect("chunks of the width");
                lines.extend_from_slice(line);
                lines.push(b'\n');
            }
            rest = whole.remainder();
        }
        while !rest.is_empty() {
            let take = if wrap == 0 {
                rest.len()
            } else {
                (wrap - column).min(rest.len())
            };
            lines.extend_from_slice(&rest[..take]);
            rest = &rest[take..];
            column += take;
            if column == wrap {
                lines.push(b'\n');
                column = 0;
            }
        }
        out.write_all(&lines)?;
        if (block.len() as u64) < BLOCK {
            break;
        }
    }
    // Unwrapped output ends without a newline, as GNU's.
    if wrap > 0 && column > 0 {
        out.write_all(b"\n")?;
    }
    Ok(())
}
