//! tac: concatenate and print files, last record (line) first.

use std::io::{Read, Write};
use wasmix_common::{Arg, Program, args, input};

static PROGRAM: Program = Program::new(
    "tac",
    "Usage: tac [OPTION]... [FILE]...\n\
     Write each FILE to standard output, last line first.\n\n\
     With no FILE, or when FILE is -, read standard input.\n\n  \
     -b, --before             attach the separator before instead of after\n  \
     -s, --separator=STRING   use STRING as the separator instead of newline\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut files = Vec::new();
        let mut before = false;
        let mut separator = b"\n".to_vec();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('b') | Arg::Long("before") => before = true,
                Arg::Short('s') | Arg::Long("separator") => {
                    separator = args.value()?.into_bytes();
                    // An empty separator is the NUL byte, as in GNU's tac.
                    if separator.is_empty() {
                        separator.push(0);
                    }
                }
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let finder = memchr::memmem::FinderRev::new(&separator);
        let describe =
            |name: &str, reason: &str| format!("failed to open '{name}' for reading: {reason}");
        input::for_each(&PROGRAM, files, describe, |_, mut reader| {
            let mut data = Vec::new();
            reader.read_to_end(&mut data)?;
            // Separators are found from the end back, as GNU's tac finds them, so of two
            // that overlap the later one counts. A record keeps its separator (after it,
            // or with -b before it); a first or last record without one is as it is.
            let (mut end, mut limit) = (data.len(), data.len());
            while let Some(at) = finder.rfind(&data[..limit]) {
                let start = if before { at } else { at + separator.len() };
                out.write_all(&data[start..end])?;
                (end, limit) = (start, at);
            }
            out.write_all(&data[..end])?;
            Ok(())
        })
    })
}
