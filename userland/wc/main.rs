//! wc: print newline, word and byte counts for each file.

use std::fs;
use std::io::Write;
use wasmix_common::{Arg, Failure, Program, args, input};

static PROGRAM: Program = Program::new(
    "wc",
    "Usage: wc [OPTION]... [FILE]...\n\
     Print newline, word, and byte counts for each FILE, and a total line if\n\
     more than one FILE is specified.  A word is a nonempty sequence of non white\n\
     space delimited by white space characters or by start or end of input.\n\n\
     With no FILE, or when FILE is -, read standard input.\n\n\
     The options below may be used to select which counts are printed, always in\n\
     the following order: newline, word, byte.\n  \
     -c, --bytes            print the byte counts\n  \
     -l, --lines            print the newline counts\n  \
     -w, --words            print the word counts\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

#[derive(Default, Clone, Copy)]
struct Counts {
    lines: u64,
    words: u64,
    bytes: u64,
}

#[derive(Clone, Copy)]
struct Selection {
    lines: bool,
    words: bool,
    bytes: bool,
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut chosen = Selection {
            lines: false,
            words: false,
            bytes: false,
        };
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('l') | Arg::Long("lines") => chosen.lines = true,
                Arg::Short('w') | Arg::Long("words") => chosen.words = true,
                Arg::Short('c') | Arg::Long("bytes") => chosen.bytes = true,
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if !(chosen.lines || chosen.words || chosen.bytes) {
            chosen = Selection {
                lines: true,
                words: true,
                bytes: true,
            };
        }
        let named = !files.is_empty();
        let files = input::operands_or_stdin(files);
        let selected = [chosen.lines, chosen.words, chosen.bytes];
        let width = if files.len() == 1 && selected.iter().filter(|s| **s).count() == 1 {
            1
        } else {
            number_width(&files)
        };
        let mut total = Counts::default();
        let mut status = 0;
        for name in &files {
            match count(name, chosen.words) {
                Ok(counts) => {
                    total.lines += counts.lines;
                    total.words += counts.words;
                    total.bytes += counts.bytes;
                    let label = if named { Some(name.as_str()) } else { None };
                    print_counts(out, counts, chosen, width, label)?;
                }
                Err(Failure::Fatal(reason)) => {
                    PROGRAM.warn(format!("{name}: {reason}"));
                    status = 1;
                }
                Err(other) => return Err(other),
            }
        }
        if files.len() > 1 {
            print_counts(out, total, chosen, width, Some("total"))?;
        }
        Ok(status)
    })
}

fn count(name: &str, words: bool) -> Result<Counts, Failure> {
    let mut reader = input::open(name)?;
    let mut counts = Counts::default();
    let mut in_word = false;
    input::each_chunk(&mut reader, |chunk| {
        counts.bytes += chunk.len() as u64;
        if !words {
            counts.lines += count_newlines(chunk);
            return Ok(());
        }
        for &b in chunk {
            let space = matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c);
            if b == b'\n' {
                counts.lines += 1;
            }
            if !space && !in_word {
                counts.words += 1;
            }
            in_word = !space;
        }
        Ok(())
    })?;
    Ok(counts)
}

/// Newlines in `bytes`, 16 at a time with wasm SIMD: a compare and a subtract per 16 bytes
/// into sixteen one-byte counters, emptied before they can overflow.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
fn count_newlines(bytes: &[u8]) -> u64 {
    use core::arch::wasm32::*;
    let newline = u8x16_splat(b'\n');
    let mut total = 0;
    for block in bytes.chunks(16 * 255) {
        let mut lanes = u8x16_splat(0);
        let mut sixteens = block.chunks_exact(16);
        for sixteen in &mut sixteens {
            // SAFETY: `sixteen` holds 16 bytes, and v128_load reads them unaligned.
            let bytes = unsafe { v128_load(sixteen.as_ptr().cast::<v128>()) };
            // A lane that is a newline compares as 0xff, -1: subtracting it adds one.
            lanes = u8x16_sub(lanes, u8x16_eq(bytes, newline));
        }
        let sums = u32x4_extadd_pairwise_u16x8(u16x8_extadd_pairwise_u8x16(lanes));
        total += u64::from(
            u32x4_extract_lane::<0>(sums)
                + u32x4_extract_lane::<1>(sums)
                + u32x4_extract_lane::<2>(sums)
                + u32x4_extract_lane::<3>(sums),
        );
        total += sixteens.remainder().iter().filter(|&&b| b == b'\n').count() as u64;
    }
    total
}

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
fn count_newlines(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&b| b == b'\n').count() as u64
}

/// GNU's column width: wide enough for the total size of the regular files, and at least 7
/// when any input is not a regular file (its size is unknown in advance). Like GNU, it gives
/// up (width 1) when the first file cannot be examined.
fn number_width(files: &[String]) -> usize {
    if files[0] != "-" && fs::metadata(&files[0]).is_err() {
        return 1;
    }
    let mut minimum = 1;
    let mut regular_total: u64 = 0;
    for name in files {
        match fs::metadata(name) {
            Ok(meta) if name != "-" && meta.is_file() => regular_total += meta.len(),
            Ok(_) => minimum = 7,
            Err(_) if name == "-" => minimum = 7,
            Err(_) => {}
        }
    }
    regular_total.to_string().len().max(minimum)
}

fn print_counts(
    out: &mut impl Write,
    counts: Counts,
    chosen: Selection,
    width: usize,
    label: Option<&str>,
) -> std::io::Result<()> {
    let columns = [
        (chosen.lines, counts.lines),
        (chosen.words, counts.words),
        (chosen.bytes, counts.bytes),
    ];
    let mut line = columns
        .iter()
        .filter(|(shown, _)| *shown)
        .map(|(_, n)| format!("{n:>width$}"))
        .collect::<Vec<_>>()
        .join(" ");
    if let Some(label) = label {
        line.push(' ');
        line.push_str(label);
    }
    line.push('\n');
    out.write_all(line.as_bytes())
}
