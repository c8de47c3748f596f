//! mkfifo: make named pipes.

use std::path::Path;
use wasmix_common::{Arg, Failure, Program, args, describe_io_error, modechange, wasi_fs};

static PROGRAM: Program = Program::new(
    "mkfifo",
    "Usage: mkfifo [OPTION]... NAME...\n\
     Create named pipes (FIFOs) with the given NAMEs.\n\n\
     Mandatory arguments to long options are mandatory for short options too.\n  \
     -m, --mode=MODE    set file permission bits to MODE, not a=rw - umask\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

/// What a new FIFO may be given: `a=rw`.
const READ_WRITE_ALL: u32 = 0o666;

fn main() {
    PROGRAM.run(|mut args, _out| {
        let mut mode = None;
        let mut names = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('m') | Arg::Long("mode") => {
                    mode = Some(modechange::creation_mode(&args.value()?)?);
                }
                Arg::Value(v) => names.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if names.is_empty() {
            return Err(Failure::Usage("missing operand".into()));
        }
        let mut status = 0;
        for name in names {
            let path = Path::new(&name);
            let made = match mode {
                Some(mode) => wasi_fs::make_fifo(path, mode)
                    .and_then(|()| wasi_fs::set_mode(path, false, mode)),
                None => wasi_fs::make_fifo(path, READ_WRITE_ALL),
            };
            if let Err(e) = made {
                PROGRAM.warn(format!(
                    "cannot create fifo '{name}': {}",
                    describe_io_error(&e)
                ));
                status = 1;
            }
        }
        Ok(status)
    })
}
