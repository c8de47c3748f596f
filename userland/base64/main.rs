//! base64: encode or decode data in base64 (RFC 4648), wrapping encoded lines at 76.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use std::io::{Read, Write};
use wasmix_common::{Arg, Failure, Program, args, describe_io_error, input};

static PROGRAM: Program = Program::new(
    "base64",
    "Usage: base64 [OPTION]... [FILE]\n\
     Base64 encode or decode FILE, or standard input, to standard output.\n\n\
     With no FILE, or when FILE is -, read standard input.\n\n  \
     -d, --decode          decode data\n  \
     -w, --wrap=COLS       wrap encoded lines after COLS character (default 76).\n                        \
     Use 0 to disable line wrapping\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut decode = false;
        let mut wrap = 76;
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('d') | Arg::Long("decode") => decode = true,
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
        let read_error =
            |e: std::io::Error| Failure::Fatal(format!("{name}: {}", describe_io_error(&e)));
        let mut reader = input::open(&name).map_err(read_error)?;
        if decode {
            let mut data = Vec::new();
            reader.read_to_end(&mut data).map_err(read_error)?;
            let text: Vec<u8> = data
                .into_iter()
                .filter(|b| !b.is_ascii_whitespace())
                .collect();
            let decoded = STANDARD
                .decode(&text)
                .map_err(|_| Failure::Fatal("invalid input".into()))?;
            out.write_all(&decoded)?;
        } else {
            encode(&mut reader, wrap, out).map_err(read_error)?;
        }
        Ok(0)
    })
}

/// Encodes block by block (a multiple of 3 bytes, so blocks join without padding),
/// wrapping lines across blocks at `wrap` columns (0: never).
fn encode(reader: &mut dyn Read, wrap: usize, out: &mut impl Write) -> std::io::Result<()> {
    const BLOCK: u64 = 3 * 64 * 1024;
    let mut block = Vec::with_capacity(BLOCK as usize);
    let mut encoded = String::new();
    let mut column = 0;
    loop {
        block.clear();
        (&mut *reader).take(BLOCK).read_to_end(&mut block)?;
        encoded.clear();
        STANDARD.encode_string(&block, &mut encoded);
        let mut rest = encoded.as_bytes();
        while !rest.is_empty() {
            let take = if wrap == 0 {
                rest.len()
            } else {
                (wrap - column).min(rest.len())
            };
            out.write_all(&rest[..take])?;
            rest = &rest[take..];
            column += take;
            if column == wrap {
                out.write_all(b"\n")?;
                column = 0;
            }
        }
        if (block.len() as u64) < BLOCK {
            break;
        }
    }
    if column > 0 {
        out.write_all(b"\n")?;
    }
    Ok(())
}
