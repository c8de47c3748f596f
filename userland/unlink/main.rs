//! unlink: remove one file, by the bare unlink call.

use wasmix_common::{Arg, Failure, Program, args, describe_io_error};

static PROGRAM: Program = Program::new(
    "unlink",
    "Usage: unlink FILE\n  \
     or:  unlink OPTION\n\
     Call the unlink function to remove the specified FILE.\n\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|mut args, _| {
        let mut operands = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Value(v) => operands.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let file = match operands.as_slice() {
            [] => return Err(Failure::Usage("missing operand".into())),
            [file] => file,
            [_, extra, ..] => return Err(Failure::Usage(format!("extra operand '{extra}'"))),
        };
        // unlink(2) removes no directory, whatever it holds.
        let result = match std::fs::symlink_metadata(file) {
            Ok(meta) if meta.is_dir() => Err(std::io::ErrorKind::IsADirectory.into()),
            _ => std::fs::remove_file(file),
        };
        result.map_err(|e| {
            Failure::Fatal(format!("cannot unlink '{file}': {}", describe_io_error(&e)))
        })?;
        Ok(0)
    })
}
