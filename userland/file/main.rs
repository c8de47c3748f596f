//! file: what kind of file each is, in the words of file(1): text (its encoding and line
//! ends), scripts by their `#!`, and the formats wasmix itself meets (WebAssembly, gzip,
//! tar, PDF); anything else is `data`.

mod text;

use std::io::{Read, Write};
use wasmix_common::{Arg, Program, args, describe_io_error};

static PROGRAM: Program = Program::new(
    "file",
    "Usage: file [-bL] FILE...\n\
     Determine the type of each FILE (- for standard input).\n\n  \
     -b, --brief         do not prepend file names to output lines\n  \
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
            return format!("symbolic link to {}", target.display());
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
    binary_format(&bytes).unwrap_or_else(|| text::describe(&bytes).unwrap_or_else(|| "data".into()))
}

fn binary_format(bytes: &[u8]) -> Option<String> {
    if let Some(version) = bytes.strip_prefix(b"\0asm").and_then(|v| v.get(..4)) {
        let version = u32::from_le_bytes(version.try_into().ok()?);
        let name = if version == 1 {
            "0x1 (MVP)".to_string()
        } else {
            format!("{version:#x}")
        };
        return Some(format!("WebAssembly (wasm) binary module version {name}"));
    }
    if let Some(rest) = bytes.strip_prefix(b"%PDF-") {
        let version: String = rest
            .iter()
            .take_while(|b| b.is_ascii_digit() || **b == b'.')
            .map(|&b| b as char)
            .collect();
        return Some(format!("PDF document, version {version}"));
    }
    if bytes.len() >= 18 && bytes.starts_with(&[0x1f, 0x8b, 8]) {
        return Some(gzip(bytes));
    }
    match bytes.get(257..265) {
        Some(b"ustar  \0") => return Some("POSIX tar archive (GNU)".into()),
        Some(b"ustar\x0000") => return Some("POSIX tar archive".into()),
        _ => {}
    }
    None
}

/// gzip's header: the stored name, the time, the system; and the length from the trailer.
fn gzip(bytes: &[u8]) -> String {
    let flags = bytes[3];
    let mut text = String::from("gzip compressed data");
    if flags & 0x08 != 0 {
        let start = if flags & 0x04 != 0 {
            let extra = u16::from_le_bytes([bytes[10], bytes[11]]);
            12 + usize::from(extra)
        } else {
            10
        };
        if let Some(name) = bytes.get(start..) {
            let end = name.iter().position(|&b| b == 0).unwrap_or(name.len());
            text.push_str(&format!(
                ", was \"{}\"",
                String::from_utf8_lossy(&name[..end])
            ));
        }
    }
    let time = u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]);
    if time != 0 {
        text.push_str(&format!(
            ", last modified: {}",
            text::ctime(i64::from(time))
        ));
    }
    match bytes[8] {
        2 => text.push_str(", max compression"),
        4 => text.push_str(", max speed"),
        _ => {}
    }
    if bytes[9] == 3 {
        text.push_str(", from Unix");
    }
    let tail = &bytes[bytes.len() - 4..];
    let size = u32::from_le_bytes([tail[0], tail[1], tail[2], tail[3]]);
    text.push_str(&format!(", original size modulo 2^32 {size}"));
    text
}
