//! pwd: print the working directory, with its symbolic links resolved (`-P`, the default)
//! or as the shell's `$PWD` names it (`-L`).

use std::path::Path;
use wasmix_common::canonical::{Existing, resolve};
use wasmix_common::wasi_fs;
use wasmix_common::{Arg, Failure, Program, args};

static PROGRAM: Program = Program::new(
    "pwd",
    "Usage: pwd [OPTION]...\n\
     Print the full filename of the current working directory.\n\n  \
     -L, --logical   use PWD from environment, even if it contains symlinks\n  \
     -P, --physical  avoid all symlinks\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n\n\
     If no option is specified, -P is assumed.\n",
);

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut logical = std::env::var_os("POSIXLY_CORRECT").is_some();
        let mut operands = false;
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('L') | Arg::Long("logical") => logical = true,
                Arg::Short('P') | Arg::Long("physical") => logical = false,
                Arg::Value(_) => operands = true,
                other => return Err(args::unexpected(other)),
            }
        }
        if operands {
            PROGRAM.warn("ignoring non-option arguments");
        }
        let cwd = std::env::current_dir()?;
        if logical && let Some(named) = std::env::var("PWD").ok().filter(|p| names_cwd(p, &cwd)) {
            writeln(out, &named)?;
            return Ok(0);
        }
        let physical = resolve(&cwd, Existing::All, true)
            .map_err(|e| Failure::Fatal(wasmix_common::describe_io_error(&e)))?;
        writeln(out, &physical.to_string_lossy())?;
        Ok(0)
    })
}

fn writeln(out: &mut wasmix_common::Output, line: &str) -> std::io::Result<()> {
    use std::io::Write;
    writeln!(out, "{line}")
}

/// Whether `$PWD` may be printed for `-L`: absolute, without `.` or `..`, and the same
/// directory as the working one.
fn names_cwd(named: &str, cwd: &Path) -> bool {
    named.starts_with('/')
        && !named.split('/').any(|part| part == "." || part == "..")
        && match (
            wasi_fs::identity(Path::new(named), true),
            wasi_fs::identity(cwd, true),
        ) {
            (Ok(a), Ok(b)) => a.inode == b.inode,
            _ => false,
        }
}
