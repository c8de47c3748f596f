//! `gzip -l`: each file's compressed and uncompressed sizes (the trailer's ISIZE) and the
//! ratio GNU gzip reports, which leaves the header and trailer out of the compressed size.

use std::io::{self, Read, Seek, Write};
use wasmix_common::{Output, describe_io_error};

/// The bytes before the deflate data: the fixed header and what its flags add.
fn header_length(data: &[u8]) -> Option<usize> {
    if data.len() < 10 || data[..3] != [0x1f, 0x8b, 8] {
        return None;
    }
    let flags = data[3];
    let mut at = 10;
    if flags & 4 != 0 {
        let extra = u16::from_le_bytes([*data.get(at)?, *data.get(at + 1)?]);
        at += 2 + usize::from(extra);
    }
    for flag in [8, 16] {
        if flags & flag != 0 {
            at += data.get(at..)?.iter().position(|&b| b == 0)? + 1;
        }
    }
    if flags & 2 != 0 {
        at += 2;
    }
    Some(at)
}

/// The name without the suffix `-S` gave or one GNU's gzip knows (`.tgz` is `.tar`).
fn uncompressed_name(name: &str, suffix: &str) -> String {
    for tar in [".tgz", ".taz"] {
        if let Some(stem) = name.strip_suffix(tar) {
            return format!("{stem}.tar");
        }
    }
    [suffix, ".gz", ".z", "-gz", "-z", "_z"]
        .iter()
        .find_map(|known| name.strip_suffix(known).filter(|stem| !stem.is_empty()))
        .unwrap_or(name)
        .to_string()
}

/// One line of the listing: sizes, ratio and name, in GNU's columns.
fn line(compressed: u64, uncompressed: u64, overhead: u64, name: &str) -> String {
    let ratio = if uncompressed == 0 {
        0.0
    } else {
        (uncompressed as f64 - (compressed as f64 - overhead as f64)) / uncompressed as f64 * 100.0
    };
    format!("{compressed:>19} {uncompressed:>19} {ratio:>5.1}% {name}")
}

/// The start of a file (enough for its header), its length and its last four bytes
/// (ISIZE). A file is read at both ends only; standard input is read through.
fn ends(name: &str) -> io::Result<(Vec<u8>, u64, [u8; 4])> {
    let mut head = Vec::new();
    let end = if name == "-" {
        io::stdin().read_to_end(&mut head)? as u64
    } else {
        let mut file = std::fs::File::open(name)?;
        let end = file.metadata()?.len();
        (&mut file).take(64 * 1024).read_to_end(&mut head)?;
        let mut trailer = [0; 4];
        if end >= 4 {
            file.seek(io::SeekFrom::Start(end - 4))?;
            file.read_exact(&mut trailer)?;
        }
        return Ok((head, end, trailer));
    };
    let mut trailer = [0; 4];
    if end >= 4 {
        trailer.copy_from_slice(&head[head.len() - 4..]);
    }
    Ok((head, end, trailer))
}

/// Lists `files` (`-` is standard input, named `stdout` as GNU names it). 1 when one
/// could not be read or is not gzip.
pub fn list(files: &[String], suffix: &str, out: &mut Output) -> io::Result<u8> {
    let mut status = 0;
    let mut header_written = false;
    let (mut total_compressed, mut total_uncompressed, mut total_overhead) = (0, 0, 0u64);
    let mut listed = 0;
    for name in files {
        let (head, end, trailer) = match ends(name) {
            Ok(found) => found,
            Err(e) => {
                crate::PROGRAM.warn(format!("{name}: {}", describe_io_error(&e)));
                status = 1;
                continue;
            }
        };
        let Some(header) = header_length(&head).filter(|_| end >= 18) else {
            // After a blank line, as GNU's gzip says it.
            out.flush()?;
            let _ = writeln!(io::stderr(), "\ngzip: {name}: not in gzip format");
            status = 1;
            continue;
        };
        if !header_written {
            writeln!(
                out,
                "         compressed        uncompressed  ratio uncompressed_name"
            )?;
            header_written = true;
        }
        let size = u32::from_le_bytes(trailer);
        let (compressed, uncompressed, overhead) = (end, u64::from(size), header as u64 + 8);
        let shown = match name.as_str() {
            "-" => "stdout".to_string(),
            name => uncompressed_name(name, suffix),
        };
        writeln!(out, "{}", line(compressed, uncompressed, overhead, &shown))?;
        total_compressed += compressed;
        total_uncompressed += uncompressed;
        // GNU's totals leave out the last file's header and trailer alone.
        total_overhead = overhead;
        listed += 1;
    }
    if listed > 1 {
        let totals = line(
            total_compressed,
            total_uncompressed,
            total_overhead,
            "(totals)",
        );
        writeln!(out, "{totals}")?;
    }
    Ok(status)
}
