//! What the checksum programs (`md5sum`, `sha1sum`, `sha256sum`, `sha512sum`) share:
//! printing `HASH  NAME` lines, and checking them with `-c`. Each brings only its hash.

use crate::{Arg, Args, Failure, Output, Program, args, describe_io_error, input};
use std::io::{BufRead, BufReader, Write};

/// A hash being computed over a stream of chunks.
trait Hasher {
    fn update(&mut self, data: &[u8]);
    fn finish(self: Box<Self>) -> Vec<u8>;
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn hash_file(name: &str, new_hasher: &dyn Fn() -> Box<dyn Hasher>) -> std::io::Result<String> {
    let mut reader = input::open(name)?;
    let mut hasher = new_hasher();
    input::each_chunk(&mut reader, |chunk| {
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

/// The whole of a checksum program.
fn run(
    program: &'static Program,
    mut args: Args,
    out: &mut Output,
    new_hasher: &dyn Fn() -> Box<dyn Hasher>,
) -> Result<u8, Failure> {
    let mut check = false;
    let mut files = Vec::new();
    while let Some(arg) = args.next()? {
        match arg {
            Arg::Short('c') | Arg::Long("check") => check = true,
            Arg::Value(v) => files.push(args::into_string(v)?),
            other => return Err(args::unexpected(other)),
        }
    }
    let mut status = 0;
    for name in input::operands_or_stdin(files) {
        if check {
            status |= check_list(program, &name, out, new_hasher)?;
            continue;
        }
        match hash_file(&name, new_hasher) {
            Ok(hash) => writeln!(out, "{hash}  {name}")?,
            Err(e) => {
                program.warn(format!("{name}: {}", describe_io_error(&e)));
                status = 1;
            }
        }
    }
    Ok(status)
}

/// `-c`: verifies each `HASH  NAME` line of a list.
fn check_list(
    program: &Program,
    list: &str,
    out: &mut Output,
    new_hasher: &dyn Fn() -> Box<dyn Hasher>,
) -> Result<u8, Failure> {
    let reader = input::open(list)
        .map_err(|e| Failure::Fatal(format!("{list}: {}", describe_io_error(&e))))?;
    let (mut mismatched, mut unreadable) = (0, 0);
    for line in BufReader::new(reader).lines() {
        let line = line?;
        let Some((expected, name)) = line.split_once("  ").or_else(|| line.split_once(" *")) else {
            continue;
        };
        match hash_file(name, new_hasher) {
            Ok(actual) if actual == expected => writeln!(out, "{name}: OK")?,
            Ok(_) => {
                writeln!(out, "{name}: FAILED")?;
                mismatched += 1;
            }
            Err(e) => {
                program.warn(format!("{name}: {}", describe_io_error(&e)));
                writeln!(out, "{name}: FAILED open or read")?;
                unreadable += 1;
            }
        }
    }
    out.flush()?;
    let plural = |n: i32, one: &str, many: &str| {
        if n == 1 {
            one.to_string()
        } else {
            many.to_string()
        }
    };
    if unreadable > 0 {
        program.warn(format!(
            "WARNING: {unreadable} listed {} could not be read",
            plural(unreadable, "file", "files")
        ));
    }
    if mismatched > 0 {
        program.warn(format!(
            "WARNING: {mismatched} computed {} did NOT match",
            plural(mismatched, "checksum", "checksums")
        ));
    }
    Ok(u8::from(mismatched + unreadable > 0))
}
