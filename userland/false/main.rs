//! false: do nothing, unsuccessfully.

use wasmix_common::Program;

static PROGRAM: Program = Program {
    help_status: 1,
    ..Program::new(
        "false",
        "Usage: false [ignored command line arguments]\n\
         Exit with a status code indicating failure.\n",
    )
};

fn main() {
    PROGRAM.run(|mut args, _| {
        args.answer_lone_help();
        Ok(1)
    })
}
