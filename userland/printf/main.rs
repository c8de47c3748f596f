//! printf: format and print data, in GNU's dialect of the format language.

use std::io::Write;
use wasmix_common::{Failure, Program};
use wasmix_printf_format::{Dialect, format};

static PROGRAM: Program = Program::new(
    "printf",
    "Usage: printf FORMAT [ARGUMENT]...\n\
     Print ARGUMENT(s) according to FORMAT. FORMAT is reused while arguments remain.\n\n\
     FORMAT controls the output as in C printf. Interpreted sequences are:\n  \
     \\\\ \\a \\b \\c \\e \\f \\n \\r \\t \\v \\NNN (octal) \\xHH, %% a single %,\n  \
     %b an argument with its backslash escapes interpreted, %q it quoted for the shell,\n  \
     %s %c %d %i %u %o %x %X %f %e %E %g %G with flags (-+ 0#), width and precision.\n",
);

fn main() {
    PROGRAM.run(|mut args, out| {
        args.answer_lone_help();
        let mut argv: Vec<String> = std::env::args().skip(1).collect();
        if argv.first().is_some_and(|a| a == "--") {
            argv.remove(0);
        }
        let Some((format_text, rest)) = argv.split_first() else {
            return Err(Failure::Usage("missing operand".into()));
        };
        let formatted = format(format_text, rest, Dialect::Gnu, None);
        out.write_all(&formatted.bytes)?;
        for problem in &formatted.problems {
            PROGRAM.warn(problem.message(Dialect::Gnu));
        }
        Ok(u8::from(
            formatted.problems.iter().any(|p| p.fails(Dialect::Gnu)),
        ))
    })
}
