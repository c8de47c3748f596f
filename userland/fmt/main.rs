//! fmt: fill and join lines into paragraphs, as GNU's fmt does it: each paragraph's line
//! breaks are chosen together, by the least total cost of lines short of the goal width,
//! ragged against their neighbours, and broken at places a reader dislikes.

mod paragraph;

use paragraph::{Formatter, Layout};
use std::io::Read;
use wasmix_common::{Arg, Failure, Program, args, describe_io_error, input};

static PROGRAM: Program = Program::new(
    "fmt",
    "Usage: fmt [-WIDTH] [OPTION]... [FILE]...\n\
     Reformat each paragraph in the FILE(s), writing to standard output.\n\
     The option -WIDTH is an abbreviated form of --width=DIGITS.\n\n\
     With no FILE, or when FILE is -, read standard input.\n\n\
     Mandatory arguments to long options are mandatory for short options too.\n  \
     -c, --crown-margin        preserve indentation of first two lines\n  \
     -p, --prefix=STRING       reformat only lines beginning with STRING,\n                              \
     reattaching the prefix to reformatted lines\n  \
     -s, --split-only          split long lines, but do not refill\n  \
     -t, --tagged-paragraph    indentation of first line different from second\n  \
     -u, --uniform-spacing     one space between words, two after sentences\n  \
     -w, --width=WIDTH         maximum line width (default of 75 columns)\n  \
     -g, --goal=WIDTH          goal width (default of 93% of width)\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

/// The default maximum width, and how far below it the goal lies (in percent).
const DEFAULT_WIDTH: usize = 75;
const LEEWAY: usize = 7;

/// A width option's value, at most `most`.
fn width(text: &str, most: usize) -> Result<usize, Failure> {
    match text.parse::<u64>() {
        Ok(n) if n <= most as u64 => Ok(n as usize),
        Ok(_) => Err(Failure::Fatal(format!(
            "invalid width: '{text}': Numerical result out of range"
        ))),
        Err(_) if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) => {
            Err(Failure::Fatal(format!(
                "invalid width: '{text}': Numerical result out of range"
            )))
        }
        Err(_) => Err(Failure::Fatal(format!("invalid width: '{text}'"))),
    }
}

fn main() {
    // `-WIDTH` is only ever the first argument.
    let mut argv: Vec<String> = std::env::args().skip(1).collect();
    if let Some(first) = argv.first_mut()
        && first.len() > 1
        && first.as_bytes()[0] == b'-'
        && first.as_bytes()[1].is_ascii_digit()
    {
        *first = format!("-w{}", &first[1..]);
    }
    PROGRAM.run(|_, out| {
        let mut args = args::Args::from_vec(&PROGRAM, argv);
        let mut layout = Layout::default();
        let (mut max_width, mut goal_width) = (None, None);
        let mut prefix = String::new();
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('c') | Arg::Long("crown-margin") => layout.crown = true,
                Arg::Short('s') | Arg::Long("split-only") => layout.split = true,
                Arg::Short('t') | Arg::Long("tagged-paragraph") => layout.tagged = true,
                Arg::Short('u') | Arg::Long("uniform-spacing") => layout.uniform = true,
                Arg::Short('p') | Arg::Long("prefix") => prefix = args.value()?,
                Arg::Short('w') | Arg::Long("width") => max_width = Some(args.value()?),
                Arg::Short('g') | Arg::Long("goal") => goal_width = Some(args.value()?),
                Arg::Value(v) => files.push(args::into_string(v)?),
                Arg::Short(digit) if digit.is_ascii_digit() => {
                    return Err(Failure::Usage(format!(
                        "invalid option -- {digit}; -WIDTH is recognized only when it is the first\n\
                         option; use -w N instead"
                    )));
                }
                other => return Err(args::unexpected(other)),
            }
        }
        let mut max = match &max_width {
            Some(text) => width(text, paragraph::MAX_CHARS / 2)?,
            None => DEFAULT_WIDTH,
        };
        let goal = match &goal_width {
            Some(text) => {
                let goal = width(text, max)?;
                if max_width.is_none() {
                    max = goal + 10;
                }
                goal
            }
            None => max * (2 * (100 - LEEWAY) + 1) / 200,
        };
        let formatter = Formatter::new(layout, &prefix, max, goal);
        let mut status = 0;
        for name in input::operands_or_stdin(files) {
            let mut bytes = Vec::new();
            let read = input::open(&name).map(|mut reader| reader.read_to_end(&mut bytes));
            match read {
                Err(e) => {
                    PROGRAM.warn(format!(
                        "cannot open '{name}' for reading: {}",
                        describe_io_error(&e)
                    ));
                    status = 1;
                }
                Ok(Err(_)) => {
                    PROGRAM.warn("read error");
                    status = 1;
                }
                Ok(Ok(_)) => formatter.format(&bytes, out)?,
            }
        }
        Ok(status)
    })
}
