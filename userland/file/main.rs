//! file: what kind of file each is, in the words of file(1): text (its encoding and line
//! ends), scripts by their `#!`, and the binary formats of `magic.rs`; anything else is
//! `data`.

mod magic;
mod text;

use std::io::{Read, Write};
use wasmix_common::{Arg, Program, args, describe_io_error};

static PROGRAM: Program = Program::new(
    "file",
    "Usage: file [-bhL] FILE...\n\
     Determine the type of each FILE (- for standard input).\n\n  \
     -b, --brief         do not prepend file names to output lines\n  \
     -h, --no-dereference  don't follow symbolic links (the default)\n  \
     -L, --dereference   follow symbolic links\n      \
     --help          display this help and exit\n      \
     --version       output version information and exit\n",
);

/// How much of a file is looked at, as file(1) does by default.
const LOOKED_AT: u64 = 1024 * 1024;

fn main() {
    PROGRAM.run(|mut args, out| {
        let (mut brief, mut follow) = (false, false);
        let mut names = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('b') | Arg::Long("brief") => brief = true,
                Arg::Short('L') | Arg::Long("dereference") => follow = true,
                Arg::Short('h') | Arg::Long("no-dereference") => follow = false,
                Arg::Value(v) => names.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if names.is_empty() {
            return Err(wasmix_common::Failure::Usage("missing file operand".into()));
        }
        let shown: Vec<String> = names
            .iter()
            .map(|n| {
                if n == "-" {
                    "/dev/stdin".into()
                } else {
                    n.clone()
                }
            })
            .collect();
        let width = shown.iter().map(|n| n.chars().count()).max().unwrap_or(0) + 1;
        for (name, shown) in names.iter().zip(&shown) {
            let kind = describe(name, follow);
            if brief {
                writeln!(out, "{kind}")?;
            } else {
                writeln!(out, "{:<width$} {kind}", format!("{shown}:"))?;
            }
        }
        Ok(0)
    })
}

fn describe(name: &str, follow: bool) -> String {
    let bytes = if name == "-" {
        let mut bytes = Vec::new();
        match std::io::stdin().take(LOOKED_AT).read_to_end(&mut bytes) {
            Ok(_) => bytes,
            Err(e) => return format!("cannot read `{name}' ({})", describe_io_error(&e)),
        }
    } else {
        let meta = if follow {
            std::fs::metadata(name)
        } else {
            std::fs::symlink_metadata(name)
        };
        let meta = match meta {
            Ok(meta) => meta,
            Err(e) => return format!("cannot open `{name}' ({})", describe_io_error(&e)),
        };
        if meta.file_type().is_symlink() {
            let target = std::fs::read_link(name).unwrap_or_default();
            let broken = if std::fs::metadata(name).is_err() {
                "broken "
            } else {
                ""
            };
            return format!("{broken}symbolic link to {}", target.display());
        }
        if meta.is_dir() {
            return "directory".into();
        }
        if !meta.is_file() {
            return "character special".into();
        }
        let mut bytes = Vec::new();
        let read =
            std::fs::File::open(name).and_then(|f| f.take(LOOKED_AT).read_to_end(&mut bytes));
        if let Err(e) = read {
            return format!("cannot open `{name}' ({})", describe_io_error(&e));
        }
        bytes
    };
    if bytes.is_empty() {
        return "empty".into();
    }
    magic::binary_format(&bytes)
        .unwrap_or_else(|| text::describe(&bytes).unwrap_or_else(|| "data".into()))
}
