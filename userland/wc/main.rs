//! wc: print newline, word and byte counts for each file.

use std::fs;
use std::io::Write;
use wasmix_common::{Arg, Failure, Program, args, input};

static PROGRAM: Program = Program::new(
    "wc",
    "Usage: wc [OPTION]... [FILE]...\n  \
     or:  wc [OPTION]... --files0-from=F\n\
     Print newline, word, and byte counts for each FILE, and a total line if\n\
     more than one FILE is specified.  A word is a nonempty sequence of non white\n\
     space delimited by white space characters or by start or end of input.\n\n\
     With no FILE, or when FILE is -, read standard input.\n\n\
     The options below may be used to select which counts are printed, always in\n\
     the following order: newline, word, character, byte, maximum line length.\n  \
     -c, --bytes            print the byte counts\n  \
     -m, --chars            print the character counts\n  \
     -l, --lines            print the newline counts\n      \
     --files0-from=F    read input from the files specified by\n                           \
     NUL-terminated names in file F;\n                           \
     If F is - then read names from standard input\n  \
     -L, --max-line-length  print the maximum display width\n  \
     -w, --words            print the word counts\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

#[derive(Default, Clone, Copy)]
struct Counts {
    lines: u64,
    words: u64,
    chars: u64,
    bytes: u64,
    max_line: u64,
}

#[derive(Clone, Copy)]
struct Selection {
    lines: bool,
    words: bool,
    chars: bool,
    bytes: bool,
    max_line: bool,
}

impl Selection {
    /// The columns in GNU's order: newline, word, character, byte, maximum line length.
    fn columns(self, counts: Counts) -> [(bool, u64); 5] {
        [
            (self.lines, counts.lines),
            (self.words, counts.words),
            (self.chars, counts.chars),
            (self.bytes, counts.bytes),
            (self.max_line, counts.max_line),
        ]
    }
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut chosen = Selection {
            lines: false,
            words: false,
            chars: false,
            bytes: false,
            max_line: false,
        };
        let mut files = Vec::new();
        let mut list = None;
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('l') | Arg::Long("lines") => chosen.lines = true,
                Arg::Short('w') | Arg::Long("words") => chosen.words = true,
                Arg::Short('m') | Arg::Long("chars") => chosen.chars = true,
                Arg::Short('c') | Arg::Long("bytes") => chosen.bytes = true,
                Arg::Short('L') | Arg::Long("max-line-length") => chosen.max_line = true,
                Arg::Long("files0-from") => list = Some(args.value()?),
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if !(chosen.lines || chosen.words || chosen.chars || chosen.bytes || chosen.max_line) {
            (chosen.lines, chosen.words, chosen.bytes) = (true, true, true);
        }
        let mut status = 0;
        let (named, files, width) = match list {
            Some(list) => {
                input::no_operands_with_a_list(&files)?;
                let names = input::names_from(&list)?;
                let valid: Vec<String> = names.iter().flatten().cloned().collect();
                // Names from standard input cannot be looked at before they are counted.
                let width = if list == "-" { 1 } else { number_width(&valid) };
                (true, names, width)
            }
            None => {
                let named = !files.is_empty();
                // GNU's wc names no file for an empty operand.
                let files: Vec<Result<String, String>> = input::operands_or_stdin(files)
                    .into_iter()
                    .map(|name| match name.is_empty() {
                        true => Err("invalid zero-length file name".to_string()),
                        false => Ok(name),
                    })
                    .collect();
                let valid: Vec<String> = files.iter().flatten().cloned().collect();
                let shown = chosen.columns(Counts::default());
                let width = if files.len() == 1 && shown.iter().filter(|(s, _)| *s).count() == 1 {
                    1
                } else {
                    number_width(&valid)
                };
                (named, files, width)
            }
        };
        let counter = Counter {
            chosen,
            utf8: wasmix_common::locale::is_utf8(),
        };
        let mut total = Counts::default();
        for name in &files {
            let name = match name {
                Ok(name) => name,
                Err(refusal) => {
                    PROGRAM.warn(refusal);
                    status = 1;
                    continue;
                }
            };
            match counter.count(name) {
                Ok((counts, error)) => {
                    if let Some(reason) = error {
                        PROGRAM.warn(format!("{}: {reason}", shown_name(name, named)));
                        status = 1;
                    }
                    total.lines += counts.lines;
                    total.words += counts.words;
                    total.chars += counts.chars;
                    total.bytes += counts.bytes;
                    total.max_line = total.max_line.max(counts.max_line);
                    let label = if named { Some(name.as_str()) } else { None };
                    print_counts(out, counts, chosen, width, label)?;
                }
                Err(Failure::Fatal(reason)) => {
                    PROGRAM.warn(format!("{}: {reason}", shown_name(name, named)));
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

struct Counter {
    chosen: Selection,
    utf8: bool,
}

/// Where a count is within the current line and word.
#[derive(Default)]
struct Position {
    in_word: bool,
    column: u64,
}

impl Counter {
    /// The counts of a file, and the error that stopped its reading if one did (GNU
    /// reports it and still shows what was counted).
    fn count(&self, name: &str) -> Result<(Counts, Option<String>), Failure> {
        let mut reader = input::Chunks::open(name)?;
        let mut counts = Counts::default();
        let mut at = Position::default();
        let slow = self.chosen.words || self.chosen.chars || self.chosen.max_line;
        // Without -L a byte's column does not matter, and in single bytes (or ASCII under
        // UTF-8) a word is a run of printable bytes that white space ends: counted a block
        // at a time.
        let by_blocks = !self.chosen.max_line;
        // In UTF-8, a character split between two reads waits for the rest.
        let mut partial: Vec<u8> = Vec::new();
        let read = reader.each_chunk(|chunk| {
            counts.bytes += chunk.len() as u64;
            if !slow {
                counts.lines += count_newlines(chunk);
            } else if by_blocks && (!self.utf8 || partial.is_empty() && chunk.is_ascii()) {
                counts.chars += chunk.len() as u64;
                counts.lines += count_newlines(chunk);
                counts.words += count_words(chunk, &mut at.in_word);
            } else if !self.utf8 {
                counts.chars += chunk.len() as u64;
                for &b in chunk {
                    self.character(b as char, b.is_ascii_graphic(), &mut counts, &mut at);
                }
            } else {
                partial.extend_from_slice(chunk);
                let kept = self.decode(&partial, &mut counts, &mut at);
                partial.drain(..kept);
            }
            Ok(())
        });
        // An incomplete character left at the end is invalid bytes: no character at all.
        counts.max_line = counts.max_line.max(at.column);
        let error = match read {
            Ok(()) => None,
            Err(e) => match Failure::from(e) {
                Failure::Fatal(reason) => Some(reason),
                other => return Err(other),
            },
        };
        Ok((counts, error))
    }

    /// Counts the UTF-8 in `bytes`; returns how many bytes it used (the rest may be the
    /// start of a character that the next read completes).
    fn decode(&self, bytes: &[u8], counts: &mut Counts, at: &mut Position) -> usize {
        let mut used = 0;
        for chunk in bytes.utf8_chunks() {
            for c in chunk.valid().chars() {
                counts.chars += 1;
                self.character(c, !c.is_control(), counts, at);
            }
            used += chunk.valid().len();
            let invalid = chunk.invalid();
            let at_end = used + invalid.len() == bytes.len();
            if at_end && !invalid.is_empty() && could_continue(invalid) {
                return used;
            }
            // Invalid bytes are no characters: they take no column and end no word.
            used += invalid.len();
        }
        used
    }

    fn character(&self, c: char, printable: bool, counts: &mut Counts, at: &mut Position) {
        match c {
            '\n' | '\r' | '\x0c' => {
                counts.lines += u64::from(c == '\n');
                counts.max_line = counts.max_line.max(at.column);
                at.column = 0;
                at.in_word = false;
            }
            '\t' => {
                at.column += 8 - at.column % 8;
                at.in_word = false;
            }
            ' ' | '\x0b' => {
                at.column += u64::from(c == ' ');
                at.in_word = false;
            }
            _ if c.is_whitespace() && self.utf8 => at.in_word = false,
            _ => {
                // What does not print neither starts a word nor ends one (GNU).
                if printable {
                    at.column += if self.utf8 {
                        unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) as u64
                    } else {
                        1
                    };
                    if !at.in_word {
                        counts.words += 1;
                        at.in_word = true;
                    }
                }
            }
        }
    }
}

/// Whether `bytes` (not valid UTF-8) could be the start of a character still to come.
fn could_continue(bytes: &[u8]) -> bool {
    let needed = match bytes[0] {
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return false,
    };
    bytes.len() < needed && bytes[1..].iter().all(|b| b & 0xc0 == 0x80)
}

/// A file as wc's messages name it: standard input read for want of operands is
/// "'standard input'", as in GNU's.
fn shown_name(name: &str, named: bool) -> String {
    wasmix_common::quote::quotef(if named { name } else { "standard input" })
}

/// Newlines in `bytes`, 512 at a time with wasm SIMD: per 16 bytes a compare, whose
/// lanes are -1 at a newline; the 32 compares of a step are added together (-32 to 0 a
/// lane) and taken from one set of sixteen one-byte counters, emptied every 7 steps
/// before they can overflow. One set, and long steps: the epoch check at each loop head
/// makes the compiler keep vectors live across the loop in memory, a load and a store
/// for each a step. (Steps of 128 bytes took 1.1 ms longer over 105 MB; of 1,024, no
/// less than 512.)
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
fn count_newlines(bytes: &[u8]) -> u64 {
    use core::arch::wasm32::*;
    let newline = u8x16_splat(b'\n');
    // SAFETY: each slice holds 16 bytes, and v128_load reads them unaligned.
    let load = |sixteen: &[u8]| unsafe { v128_load(sixteen.as_ptr().cast::<v128>()) };
    let newlines = |sixteen: &[u8]| u8x16_eq(load(sixteen), newline);
    let sum = |lanes: v128| {
        let sums = u32x4_extadd_pairwise_u16x8(u16x8_extadd_pairwise_u8x16(lanes));
        u64::from(
            u32x4_extract_lane::<0>(sums)
                + u32x4_extract_lane::<1>(sums)
                + u32x4_extract_lane::<2>(sums)
                + u32x4_extract_lane::<3>(sums),
        )
    };
    let four = |step: &[u8]| {
        let first = u8x16_add(newlines(&step[..16]), newlines(&step[16..32]));
        let second = u8x16_add(newlines(&step[32..48]), newlines(&step[48..64]));
        u8x16_add(first, second)
    };
    let eight = |step: &[u8]| u8x16_add(four(&step[..64]), four(&step[64..]));
    let mut total = 0;
    for block in bytes.chunks(512 * 7) {
        let mut lanes = u8x16_splat(0);
        let mut steps = block.chunks_exact(512);
        for step in &mut steps {
            let first = u8x16_add(eight(&step[..128]), eight(&step[128..256]));
            let second = u8x16_add(eight(&step[256..384]), eight(&step[384..]));
            lanes = u8x16_sub(lanes, u8x16_add(first, second));
        }
        total += sum(lanes);
        let rest = steps.remainder();
        total += rest.iter().filter(|&&b| b == b'\n').count() as u64;
    }
    total
}

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
fn count_newlines(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&b| b == b'\n').count() as u64
}

/// Which bytes end a word (white space) and which start one (printable, not a space);
/// others do neither, as in the C locale.
const SPACE: u8 = 1;
const PRINTABLE: u8 = 2;
const CLASS: [u8; 256] = {
    let mut class = [0; 256];
    let mut b = 0;
    while b < 256 {
        class[b] = match b as u8 {
            b' ' | b'\t'..=b'\r' => SPACE,
            b'!'..=b'~' => PRINTABLE,
            _ => 0,
        };
        b += 1;
    }
    class
};

/// The words that start in `bytes`, one byte at a time; `in_word` carries whether the
/// last byte before them was inside a word.
fn count_words_bytewise(bytes: &[u8], in_word: &mut bool) -> u64 {
    let mut words = 0;
    for &b in bytes {
        match CLASS[b as usize] {
            SPACE => *in_word = false,
            PRINTABLE => {
                words += u64::from(!*in_word);
                *in_word = true;
            }
            _ => {}
        }
    }
    words
}

/// The words that start in `bytes`, 64 bytes at a time with wasm SIMD: a bit per byte for
/// printable and for white space; where every byte is one or the other, a word starts at
/// each printable bit whose predecessor is not one. Blocks holding other bytes (which
/// neither start nor end a word) go byte by byte.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
fn count_words(bytes: &[u8], in_word: &mut bool) -> u64 {
    use core::arch::wasm32::*;
    // SAFETY: each slice holds 16 bytes, and v128_load reads them unaligned.
    let load = |sixteen: &[u8]| unsafe { v128_load(sixteen.as_ptr().cast::<v128>()) };
    let masks = |sixteen: &[u8]| {
        let v = load(sixteen);
        let printable = u8x16_lt(
            u8x16_sub(v, u8x16_splat(b'!')),
            u8x16_splat(b'~' - b'!' + 1),
        );
        let space = v128_or(
            u8x16_eq(v, u8x16_splat(b' ')),
            u8x16_lt(
                u8x16_sub(v, u8x16_splat(b'\t')),
                u8x16_splat(b'\r' - b'\t' + 1),
            ),
        );
        (
            u64::from(u8x16_bitmask(printable)),
            u64::from(u8x16_bitmask(space)),
        )
    };
    let mut words = 0;
    let mut blocks = bytes.chunks_exact(64);
    for block in &mut blocks {
        let (mut printable, mut space) = (0, 0);
        for (i, sixteen) in block.chunks_exact(16).enumerate() {
            let (p, s) = masks(sixteen);
            printable |= p << (16 * i);
            space |= s << (16 * i);
        }
        if printable | space == u64::MAX {
            let after_printable = (printable << 1) | u64::from(*in_word);
            words += u64::from((printable & !after_printable).count_ones());
            *in_word = printable >> 63 == 1;
        } else {
            words += count_words_bytewise(block, in_word);
        }
    }
    words + count_words_bytewise(blocks.remainder(), in_word)
}

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
fn count_words(bytes: &[u8], in_word: &mut bool) -> u64 {
    count_words_bytewise(bytes, in_word)
}

/// GNU's column width: wide enough for the total size of the regular files, and at least 7
/// when any input is not a regular file (its size is unknown in advance). Like GNU, it gives
/// up (width 1) when the first file cannot be examined.
fn number_width(files: &[String]) -> usize {
    match files.first() {
        Some(first) if first != "-" && fs::metadata(first).is_err() => return 1,
        None => return 1,
        _ => {}
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
    let mut line = chosen
        .columns(counts)
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
