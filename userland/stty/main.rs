//! stty: what the terminal on standard input is set to (`wasmix:terminal`). Settings are
//! not changed from here: the kernel gives a program's terminal back as it found it when
//! the program ends, so a mode set by stty would not outlive stty.

use std::io::Write;
use wasmix_common::terminal;
use wasmix_common::{Arg, Failure, Program, args};

static PROGRAM: Program = Program::new(
    "stty",
    "Usage: stty [-a]\n  or:  stty size\n\
     Print the settings of the terminal on standard input.\n\n  \
     -a, --all       print the window's size and the line discipline's mode\n      \
     --help      display this help and exit\n      \
     --version   output version information and exit\n\n\
     size            print the number of rows and columns\n",
);

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut size_only = false;
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('a') | Arg::Long("all") => {}
                Arg::Value(v) if v == "size" => size_only = true,
                Arg::Value(v) => {
                    let v = args::into_string(v)?;
                    return Err(Failure::Usage(format!("invalid argument '{v}'")));
                }
                other => return Err(args::unexpected(other)),
            }
        }
        let on_terminal = wasip2::cli::terminal_stdin::get_terminal_stdin().is_some();
        let raw = terminal::is_raw().filter(|_| on_terminal);
        let Some(raw) = raw else {
            return Err(Failure::Fatal(
                "'standard input': Inappropriate ioctl for device".into(),
            ));
        };
        let size = terminal::reported_size();
        if size_only {
            let size = size.map_or((0, 0), |s| (s.rows, s.columns));
            writeln!(out, "{} {}", size.0, size.1)?;
            return Ok(0);
        }
        if let Some(size) = size {
            writeln!(out, "rows {}; columns {};", size.rows, size.columns)?;
        }
        let flags = ["icanon", "echo", "isig", "icrnl", "ixon"];
        let shown: Vec<String> = flags
            .iter()
            .map(|flag| {
                if raw {
                    format!("-{flag}")
                } else {
                    flag.to_string()
                }
            })
            .collect();
        writeln!(out, "{}", shown.join(" "))?;
        Ok(0)
    })
}
