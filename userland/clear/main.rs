//! clear: clear the terminal screen and its scrollback.

use std::io::Write;
use wasmix_common::{Program, args};

static PROGRAM: Program = Program::new(
    "clear",
    "Usage: clear\n\
     Clear the terminal screen and its scrollback.\n\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|mut args, out| {
        if let Some(arg) = args.next()? {
            return Err(args::unexpected(arg));
        }
        // Cursor home, erase the screen, erase the scrollback (as ncurses' clear does).
        out.write_all(b"\x1b[H\x1b[2J\x1b[3J")?;
        Ok(0)
    })
}
