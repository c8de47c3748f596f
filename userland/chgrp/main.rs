//! chgrp: change the group of files, as GNU chgrp does for a user who is not root
//! (wasmix-common's `ownership` says what that means in wasmix).

use wasmix_common::ownership::{NAME, Report, Run, Who, who};
use wasmix_common::{Arg, Failure, Program, args, describe_io_error};

static PROGRAM: Program = Program::new(
    "chgrp",
    "Usage: chgrp [OPTION]... GROUP FILE...\n  \
     or:  chgrp [OPTION]... --reference=RFILE FILE...\n\
     Change the group of each FILE to GROUP.\n\
     With --reference, change the group of each FILE to that of RFILE.\n\n  \
     -c, --changes          like verbose but report only when a change is made\n  \
     -f, --silent, --quiet  suppress most error messages\n  \
     -v, --verbose          output a diagnostic for every file processed\n  \
     -h, --no-dereference   affect symbolic links instead of any referenced file\n      \
     --dereference      affect the referent of each symbolic link (the default)\n      \
     --reference=RFILE  use RFILE's group rather than specifying a GROUP value\n  \
     -R, --recursive        operate on files and directories recursively\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n\n\
     wasmix has one group, named 'user' (id 1000), which every file belongs to.\n",
);

fn main() {
    PROGRAM.run(|mut args, _| {
        let (mut report, mut recursive, mut reference) = (Report::Errors, false, None);
        let mut operands = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('c') | Arg::Long("changes") => report = Report::Changes,
                Arg::Short('f') | Arg::Long("silent" | "quiet") => report = Report::Nothing,
                Arg::Short('v') | Arg::Long("verbose") => report = Report::Everything,
                Arg::Short('h') | Arg::Long("no-dereference" | "dereference") => {}
                Arg::Short('R') | Arg::Long("recursive") => recursive = true,
                Arg::Long("reference") => reference = Some(args.value()?),
                Arg::Value(v) => operands.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let mut described = NAME.to_string();
        let permitted = match reference {
            Some(file) => {
                std::fs::metadata(&file).map_err(|e| {
                    Failure::Fatal(format!(
                        "failed to get attributes of '{file}': {}",
                        describe_io_error(&e)
                    ))
                })?;
                true
            }
            None => {
                if operands.is_empty() {
                    return Err(Failure::Usage("missing operand".into()));
                }
                let group = operands.remove(0);
                if operands.is_empty() {
                    return Err(Failure::Usage(format!("missing operand after '{group}'")));
                }
                let is = who(&group)
                    .ok_or_else(|| Failure::Fatal(format!("invalid group: '{group}'")))?;
                if is == Who::Other {
                    described = group;
                }
                is == Who::Ours
            }
        };
        let run = Run {
            program: &PROGRAM,
            permitted,
            described: Some(described),
            group_only: true,
            report,
            recursive,
        };
        Ok(if run.all(&operands) { 0 } else { 1 })
    })
}
