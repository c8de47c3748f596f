//! tee: copy standard input to standard output and to files.

use std::fs::OpenOptions;
use std::io::{self, Read, Write};
use wasmix_common::file_out::FileOut;
use wasmix_common::{Arg, Failure, Program, args, file_error, input};

static PROGRAM: Program = Program::new(
    "tee",
    "Usage: tee [OPTION]... [FILE]...\n\
     Copy standard input to each FILE, and also to standard output.\n\n  \
     -a, --append              append to the given FILEs, do not overwrite\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut append = false;
        let mut names = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('a') | Arg::Long("append") => append = true,
                Arg::Value(v) => names.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let mut status = 0;
        let mut files: Vec<(String, Box<dyn Write>)> = Vec::new();
        for name in names {
            let opened = OpenOptions::new()
                .write(true)
                .create(true)
                .append(append)
                .truncate(!append)
                .open(&name);
            match opened {
                // Appends go through the stream; the rest by offset, for real errnos.
                Ok(file) if append => files.push((name, Box::new(file))),
                Ok(file) => files.push((name, Box::new(FileOut::new(file)))),
                Err(e) => {
                    PROGRAM.warn(file_error(&name, &e));
                    status = 1;
                }
            }
        }
        let mut stdin = io::stdin().lock();
        let mut failed_files = Vec::new();
        input::each_chunk(&mut stdin as &mut dyn Read, |chunk| {
            out.write_all(chunk)?;
            out.flush()?;
            for (index, (name, file)) in files.iter_mut().enumerate() {
                if failed_files.contains(&index) {
                    continue;
                }
                if let Err(e) = file.write_all(chunk) {
                    PROGRAM.warn(file_error(name, &e));
                    failed_files.push(index);
                }
            }
            Ok(())
        })
        .map_err(Failure::from)?;
        if !failed_files.is_empty() {
            status = 1;
        }
        Ok(status)
    })
}
