//! tty: print the name of the terminal on standard input, or "not a tty".

use std::io::Write;
use wasmix_common::{Arg, Program, args};

static PROGRAM: Program = Program {
    usage_status: 2,
    ..Program::new(
        "tty",
        "Usage: tty [OPTION]...\n\
         Print the file name of the terminal connected to standard input.\n\n  \
         -s, --silent, --quiet   print nothing, only return an exit status\n      \
         --help        display this help and exit\n      \
         --version     output version information and exit\n",
    )
};

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut silent = false;
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('s') | Arg::Long("silent" | "quiet") => silent = true,
                other => return Err(args::unexpected(other)),
            }
        }
        // wasmix has one terminal, the console, which it shows as /dev/tty.
        let terminal = wasip2::cli::terminal_stdin::get_terminal_stdin().is_some();
        if !silent {
            writeln!(out, "{}", if terminal { "/dev/tty" } else { "not a tty" })?;
        }
        Ok(if terminal { 0 } else { 1 })
    })
}
