//! link: make a hard link, by the bare link call.

use wasmix_common::{Arg, Failure, Program, args, describe_io_error};

static PROGRAM: Program = Program::new(
    "link",
    "Usage: link FILE1 FILE2\n  \
     or:  link OPTION\n\
     Call the link function to create a link named FILE2 to an existing FILE1.\n\n      \
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
        let (existing, new) = args::two_operands(operands)?;
        std::fs::hard_link(&existing, &new).map_err(|e| {
            Failure::Fatal(format!(
                "cannot create link '{new}' to '{existing}': {}",
                describe_io_error(&e)
            ))
        })?;
        Ok(0)
    })
}
