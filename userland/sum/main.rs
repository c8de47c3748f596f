//! sum: the BSD (16-bit, 1K blocks) or System V (512-byte blocks) checksum of files.

use std::io::Write;
use wasmix_common::input::{each_chunk, for_each};
use wasmix_common::{Arg, Program, args};

static PROGRAM: Program = Program::new(
    "sum",
    "Usage: sum [OPTION]... [FILE]...\n\
     Print or check BSD (16-bit) checksums.\n\n\
     With no FILE, or when FILE is -, read standard input.\n\n  \
     -r              use BSD sum algorithm (the default), use 1K blocks\n  \
     -s, --sysv      use System V sum algorithm, use 512 bytes blocks\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut sysv = false;
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('r') => sysv = false,
                Arg::Short('s') | Arg::Long("sysv") => sysv = true,
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        // Standard input alone goes unnamed.
        let named = !files.is_empty();
        for_each(
            &PROGRAM,
            files,
            |name, reason| format!("{}: {reason}", wasmix_common::quote::quotef(name)),
            |name, mut reader| {
                let (mut bsd, mut total, mut bytes) = (0u16, 0u64, 0u64);
                each_chunk(&mut *reader, |chunk| {
                    bytes += chunk.len() as u64;
                    if sysv {
                        total += chunk.iter().map(|&b| u64::from(b)).sum::<u64>();
                    } else {
                        for &byte in chunk {
                            bsd = bsd.rotate_right(1).wrapping_add(u16::from(byte));
                        }
                    }
                    Ok(())
                })?;
                let suffix = if named {
                    format!(" {name}")
                } else {
                    String::new()
                };
                if sysv {
                    let folded = (total & 0xffff) + ((total & 0xffff_ffff) >> 16);
                    let checksum = (folded & 0xffff) + (folded >> 16);
                    writeln!(out, "{checksum} {}{suffix}", bytes.div_ceil(512))?;
                } else {
                    writeln!(out, "{bsd:05} {:5}{suffix}", bytes.div_ceil(1024))?;
                }
                Ok(())
            },
        )
    })
}
