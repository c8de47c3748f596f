//! comm: compare two sorted files line by line.

use std::io::{BufRead, BufReader, Write};
use wasmix_common::{Arg, Failure, Program, args, file_error, input};

static PROGRAM: Program = Program::new(
    "comm",
    "Usage: comm [OPTION]... FILE1 FILE2\n\
     Compare sorted files FILE1 and FILE2 line by line.\n\n\
     When FILE1 or FILE2 (not both) is -, read standard input.\n\n\
     With no options, produce three-column output.  Column one contains\n\
     lines unique to FILE1, column two contains lines unique to FILE2,\n\
     and column three contains lines common to both files.\n\n  \
     -1                      suppress column 1 (lines unique to FILE1)\n  \
     -2                      suppress column 2 (lines unique to FILE2)\n  \
     -3                      suppress column 3 (lines that appear in both files)\n      \
     --output-delimiter=STR  separate columns with STR\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut shown = [true; 3];
        let mut delimiter = "\t".to_string();
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short(c @ '1'..='3') => shown[c as usize - '1' as usize] = false,
                Arg::Long("output-delimiter") => delimiter = args.value()?,
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let (left, right) = args::two_operands(files)?;
        let left = read_lines(&left)?;
        let right = read_lines(&right)?;
        // Column N is indented by the delimiters of the columns before it that are shown.
        let indent =
            |column: usize| delimiter.repeat(shown[..column].iter().filter(|s| **s).count());
        let mut unsorted = [false; 2];
        let (mut i, mut j) = (0, 0);
        while i < left.len() || j < right.len() {
            let column = match (left.get(i), right.get(j)) {
                (Some(a), Some(b)) if a < b => 0,
                (Some(a), Some(b)) if a > b => 1,
                (Some(_), Some(_)) => 2,
                (Some(_), None) => 0,
                _ => 1,
            };
            let line = if column == 1 { &right[j] } else { &left[i] };
            for (side, lines, at) in [(0, &left, i), (1, &right, j)] {
                let advancing = column == 2 || column == side;
                if advancing
                    && at > 0
                    && at < lines.len()
                    && lines[at] < lines[at - 1]
                    && !unsorted[side]
                {
                    unsorted[side] = true;
                    PROGRAM.warn(format!("file {} is not in sorted order", side + 1));
                }
            }
            if shown[column] {
                out.write_all(indent(column).as_bytes())?;
                out.write_all(line)?;
                out.write_all(b"\n")?;
            }
            match column {
                0 => i += 1,
                1 => j += 1,
                _ => {
                    i += 1;
                    j += 1;
                }
            }
        }
        if unsorted.contains(&true) {
            out.flush()?;
            PROGRAM.warn("input is not in sorted order");
            return Ok(1);
        }
        Ok(0)
    })
}

fn read_lines(name: &str) -> Result<Vec<Vec<u8>>, Failure> {
    let fail = |e: std::io::Error| Failure::Fatal(file_error(name, &e));
    let reader = input::open(name).map_err(fail)?;
    BufReader::new(reader)
        .split(b'\n')
        .collect::<Result<_, _>>()
        .map_err(fail)
}
