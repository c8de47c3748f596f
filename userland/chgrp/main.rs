//! chgrp: change the group of files, as GNU chgrp does for a user who is not root
//! (wasmix-common's `ownership` says what that means in wasmix).

use wasmix_common::ownership::{Command, NAME, Run, Who, who};
use wasmix_common::{Failure, Program};

static PROGRAM: Program = Program::new(
    "chgrp",
    concat!(
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
     -R, --recursive        operate on files and directories recursively\n",
        wasmix_common::traversal_help!(),
        "      --help        display this help and exit\n      \
     --version     output version information and exit\n\n\
     wasmix has one group, named 'user' (id 1000), which every file belongs to.\n",
    ),
);

fn main() {
    PROGRAM.run(|mut args, _| {
        let command = Command::parse(&mut args)?;
        let (permitted, described) = match command.spec {
            Some(group) => match who(&group) {
                None => return Err(Failure::Fatal(format!("invalid group: '{group}'"))),
                Some(Who::Ours) => (true, NAME.to_string()),
                Some(Who::Other) => (false, group),
            },
            None => (true, NAME.to_string()),
        };
        let run = Run {
            program: &PROGRAM,
            permitted,
            described: Some(described),
            group_only: true,
            report: command.report,
            recursive: command.recursive,
            preserve_root: command.preserve_root,
        };
        Ok(if run.all(&command.files) { 0 } else { 1 })
    })
}
