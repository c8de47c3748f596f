//! sync: write what is cached to storage. Each file operand is synced alone; with none,
//! everything is (the kernel's host files are written through, so that is at once).

use wasmix_common::{Arg, Program, args, describe_io_error};

static PROGRAM: Program = Program::new(
    "sync",
    "Usage: sync [OPTION] [FILE]...\n\
     Synchronize cached writes to persistent storage.\n\n\
     If one or more files are specified, sync only them,\n\
     or their containing file systems.\n\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|mut args, _out| {
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let mut status = 0;
        for file in files {
            let synced = std::fs::File::open(&file).and_then(|f| match f.sync_all() {
                Err(e) if e.kind() == std::io::ErrorKind::Unsupported => Ok(()),
                other => other,
            });
            if let Err(e) = synced {
                PROGRAM.warn(format!("error opening '{file}': {}", describe_io_error(&e)));
                status = 1;
            }
        }
        Ok(status)
    })
}
