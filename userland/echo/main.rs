//! echo: write the arguments, separated by spaces, followed by a newline.

use std::io::Write;
use wasmix_common::Program;

static PROGRAM: Program = Program::new(
    "echo",
    "Usage: echo [SHORT-OPTION]... [STRING]...\n  \
     or:  echo LONG-OPTION\n\
     Echo the STRING(s) to standard output.\n\n  \
     -n             do not output the trailing newline\n  \
     -e             enable interpretation of backslash escapes\n  \
     -E             disable interpretation of backslash escapes (default)\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|mut args, out| {
        args.answer_lone_help();
        let words: Vec<String> = std::env::args().skip(1).collect();
        let (flags, words) = split_flags(&words);
        let mut text = words.join(" ").into_bytes();
        let mut newline = !flags.no_newline;
        if flags.escapes {
            let (expanded, stop) = expand_escapes(&text);
            text = expanded;
            newline &= !stop;
        }
        if newline {
            text.push(b'\n');
        }
        out.write_all(&text)?;
        Ok(0)
    })
}

#[derive(Default)]
struct Flags {
    no_newline: bool,
    escapes: bool,
}

/// Leading words made only of `-n`, `-e` and `-E` letters are options; the rest is text.
fn split_flags(words: &[String]) -> (Flags, &[String]) {
    let mut flags = Flags::default();
    let mut taken = 0;
    for word in words {
        let Some(letters) = word.strip_prefix('-') else {
            break;
        };
        if letters.is_empty() || !letters.chars().all(|c| matches!(c, 'n' | 'e' | 'E')) {
            break;
        }
        for c in letters.chars() {
            match c {
                'n' => flags.no_newline = true,
                'e' => flags.escapes = true,
                _ => flags.escapes = false,
            }
        }
        taken += 1;
    }
    (flags, &words[taken..])
}

/// Interprets backslash escapes; the flag is true when `\c` asked to stop all output.
fn expand_escapes(text: &[u8]) -> (Vec<u8>, bool) {
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        if text[i] != b'\\' || i + 1 == text.len() {
            out.push(text[i]);
            i += 1;
            continue;
        }
        i += 1;
        let c = text[i];
        i += 1;
        match c {
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'c' => return (out, true),
            b'e' => out.push(0x1b),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'\\' => out.push(b'\\'),
            b'0' => {
                let (value, used) = parse_digits(&text[i..], 8, 3);
                out.push(value);
                i += used;
            }
            b'x' => match parse_digits(&text[i..], 16, 2) {
                (_, 0) => out.extend_from_slice(b"\\x"),
                (value, used) => {
                    out.push(value);
                    i += used;
                }
            },
            other => out.extend_from_slice(&[b'\\', other]),
        }
    }
    (out, false)
}

/// Reads up to `max` digits in `radix`; returns the byte value and how many digits were used.
fn parse_digits(text: &[u8], radix: u32, max: usize) -> (u8, usize) {
    let mut value: u32 = 0;
    let mut used = 0;
    for &b in text.iter().take(max) {
        match (b as char).to_digit(radix) {
            Some(d) => value = value * radix + d,
            None => break,
        }
        used += 1;
    }
    (value as u8, used)
}
