//! true: do nothing, successfully.

use wasmix_common::Program;

static PROGRAM: Program = Program::new(
    "true",
    "Usage: true [ignored command line arguments]\n\
     Exit with a status code indicating success.\n",
);

fn main() {
    PROGRAM.run(|mut args, _| {
        args.answer_lone_help();
        Ok(0)
    })
}
