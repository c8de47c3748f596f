//! cksum: print the POSIX CRC checksum and byte count of each file.

use std::io::Write;
use wasmix_common::{Arg, Program, args, file_error, input};

static PROGRAM: Program = Program::new(
    "cksum",
    "Usage: cksum [FILE]...\n\
     Print CRC checksum and byte counts of each FILE.\n\n\
     With no FILE, or when FILE is -, read standard input.\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

/// POSIX's CRC: polynomial 0x04C11DB7 over the data, then over the length's bytes.
const CKSUM: crc::Crc<u32> = crc::Crc::<u32>::new(&crc::CRC_32_CKSUM);

fn checksum(name: &str) -> std::io::Result<(u32, u64)> {
    let mut reader = input::Chunks::open(name)?;
    let mut digest = CKSUM.digest();
    let mut length = 0u64;
    reader.each_chunk(|chunk| {
        digest.update(chunk);
        length += chunk.len() as u64;
        Ok(())
    })?;
    let mut remaining = length;
    while remaining > 0 {
        digest.update(&[(remaining & 0xff) as u8]);
        remaining >>= 8;
    }
    Ok((digest.finalize(), length))
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let named = !files.is_empty();
        let mut status = 0;
        for name in input::operands_or_stdin(files) {
            match checksum(&name) {
                Ok((crc, length)) if named => writeln!(out, "{crc} {length} {name}")?,
                Ok((crc, length)) => writeln!(out, "{crc} {length}")?,
                Err(e) => {
                    PROGRAM.warn(file_error(&name, &e));
                    status = 1;
                }
            }
        }
        Ok(status)
    })
}
