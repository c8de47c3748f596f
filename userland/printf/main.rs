//! printf: format and print data, in GNU's dialect of the format language.

use std::io::Write;
use wasmix_common::{Failure, Program, locale};
use wasmix_printf_format::{Dialect, format, rawbytes};

static PROGRAM: Program = Program::new(
    "printf",
    "Usage: printf FORMAT [ARGUMENT]...\n\
     Print ARGUMENT(s) according to FORMAT. FORMAT is reused while arguments remain.\n\n\
     FORMAT controls the output as in C printf. Interpreted sequences are:\n  \
     \\\\ \\a \\b \\c \\e \\f \\n \\r \\t \\v \\NNN (octal) \\xHH, %% a single %,\n  \
     \\uHHHH \\UHHHHHHHH a Unicode character (as the escape itself outside UTF-8 locales),\n  \
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
        let formatted = format(format_text, rest, Dialect::Gnu, None, locale::is_utf8());
        // Each problem is reported where it was met: after the output before it.
        let mut written = 0;
        for (at, problem) in &formatted.problems {
            out.write_all(&formatted.bytes[written..*at])?;
            out.flush()?;
            written = *at;
            // A byte the message quotes from the format goes out as that byte, as in GNU's.
            let message = format!("printf: {}\n", problem.message(Dialect::Gnu));
            let _ = std::io::stderr().write_all(&rawbytes::encode(message.as_bytes()));
        }
        out.write_all(&formatted.bytes[written..])?;
        Ok(u8::from(
            formatted
                .problems
                .iter()
                .any(|(_, p)| p.fails(Dialect::Gnu)),
        ))
    })
}
