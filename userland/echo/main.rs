//! echo: write the arguments, separated by spaces, followed by a newline.

use std::io::Write;
use wasmix_common::Program;
use wasmix_common::escapes::{self, Octal};

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
            let (expanded, stop) = escapes::decode_all(&text, Octal::Either);
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
