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
     -3                      suppress column 3 (lines that appear in both files)\n\n      \
     --check-order       check that the input is correctly sorted, even\n                            \
     if all input lines are pairable\n      \
     --nocheck-order     do not check that the input is correctly sorted\n      \
     --output-delimiter=STR  separate columns with STR\n      \
     --total             output a summary\n  \
     -z, --zero-terminated   line delimiter is NUL, not newline\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

/// How the order of the input is checked: by default only once a line has been found
/// unique to one file (and a disorder ends in status 1), with `--check-order` always (and
/// the first disorder ends the program), with `--nocheck-order` never.
#[derive(PartialEq)]
enum OrderCheck {
    Unpaired,
    Always,
    Never,
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut shown = [true; 3];
        let mut chosen_delimiter = None;
        let mut check = OrderCheck::Unpaired;
        let mut total = false;
        let mut end = b'\n';
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short(c @ '1'..='3') => shown[c as usize - '1' as usize] = false,
                Arg::Long("check-order") => check = OrderCheck::Always,
                Arg::Long("nocheck-order") => check = OrderCheck::Never,
                // As GNU's, an empty delimiter is a NUL.
                Arg::Long("output-delimiter") => {
                    let mut given = args.value()?;
                    if given.is_empty() {
                        given.push('\0');
                    }
                    if chosen_delimiter
                        .replace(given.clone())
                        .is_some_and(|d| d != given)
                    {
                        return Err(Failure::Fatal(
                            "multiple output delimiters specified".into(),
                        ));
                    }
                }
                Arg::Long("total") => total = true,
                Arg::Short('z') | Arg::Long("zero-terminated") => end = 0,
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let delimiter = chosen_delimiter.unwrap_or_else(|| "\t".to_string());
        let (left, right) = args::two_operands(files)?;
        let left = read_lines(&left, end)?;
        let right = read_lines(&right, end)?;
        // Column N is indented by the delimiters of the columns before it that are shown.
        let indent =
            |column: usize| delimiter.repeat(shown[..column].iter().filter(|s| **s).count());
        let mut unsorted = [false; 2];
        let mut unpaired = false;
        let mut counts = [0u64; 3];
        let (mut i, mut j) = (0, 0);
        while i < left.len() || j < right.len() {
            let column = match (left.get(i), right.get(j)) {
                (Some(a), Some(b)) if a < b => 0,
                (Some(a), Some(b)) if a > b => 1,
                (Some(_), Some(_)) => 2,
                (Some(_), None) => 0,
                _ => 1,
            };
            unpaired |= column != 2;
            counts[column] += 1;
            let line = if column == 1 { &right[j] } else { &left[i] };
            if shown[column] {
                out.write_all(indent(column).as_bytes())?;
                out.write_all(line)?;
                out.write_all(&[end])?;
            }
            if column != 1 {
                i += 1;
            }
            if column != 0 {
                j += 1;
            }
            // As GNU's, each line is checked as it is read, the first file's first; at
            // the end of a file its last two lines are checked again, since a line
            // unique to one file may have been found since.
            let checking = match check {
                OrderCheck::Unpaired => unpaired,
                OrderCheck::Always => true,
                OrderCheck::Never => false,
            };
            for (side, lines, at) in [(0, &left, i), (1, &right, j)] {
                let read = column == 2 || column == side;
                let last = at.min(lines.len() - 1);
                if checking && read && last > 0 && lines[last] < lines[last - 1] && !unsorted[side]
                {
                    unsorted[side] = true;
                    out.flush()?;
                    PROGRAM.warn(format!("file {} is not in sorted order", side + 1));
                    if check == OrderCheck::Always {
                        return Ok(1);
                    }
                }
            }
        }
        if total {
            let [a, b, c] = counts;
            write!(out, "{a}{delimiter}{b}{delimiter}{c}{delimiter}total")?;
            out.write_all(&[end])?;
        }
        if unsorted.contains(&true) {
            out.flush()?;
            PROGRAM.warn("input is not in sorted order");
            return Ok(1);
        }
        Ok(0)
    })
}

fn read_lines(name: &str, end: u8) -> Result<Vec<Vec<u8>>, Failure> {
    let fail = |e: std::io::Error| Failure::Fatal(file_error(name, &e));
    let reader = input::open(name).map_err(fail)?;
    BufReader::new(reader)
        .split(end)
        .collect::<Result<_, _>>()
        .map_err(fail)
}
