//! join: join the lines of two sorted files on a common field.

use std::io::{BufRead, BufReader, Write};
use wasmix_common::{Arg, Failure, Program, args, describe_io_error, input};

static PROGRAM: Program = Program::new(
    "join",
    "Usage: join [OPTION]... FILE1 FILE2\n\
     For each pair of input lines with identical join fields, write a line to\n\
     standard output.  The default join field is the first, delimited by blanks.\n\n\
     When FILE1 or FILE2 (not both) is -, read standard input.\n\n  \
     -a FILENUM        also print unpairable lines from file FILENUM, where\n                      \
     FILENUM is 1 or 2, corresponding to FILE1 or FILE2\n  \
     -i, --ignore-case  ignore differences in case when comparing fields\n  \
     -t CHAR           use CHAR as input and output field separator\n  \
     -v FILENUM        like -a FILENUM, but suppress joined output lines\n  \
     -1 FIELD          join on this FIELD of file 1\n  \
     -2 FIELD          join on this FIELD of file 2\n  \
     -j FIELD          equivalent to '-1 FIELD -2 FIELD'\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

struct Side {
    lines: Vec<Vec<String>>,
    field: usize,
    unpaired: bool,
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut fields = [0usize; 2];
        let mut unpaired = [false; 2];
        let mut paired = true;
        let mut separator: Option<char> = None;
        let mut ignore_case = false;
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('1') => fields[0] = field_number(&args.value()?)?,
                Arg::Short('2') => fields[1] = field_number(&args.value()?)?,
                Arg::Short('j') => fields = [field_number(&args.value()?)?; 2],
                Arg::Short('a') => unpaired[file_number(&args.value()?)?] = true,
                Arg::Short('v') => {
                    unpaired[file_number(&args.value()?)?] = true;
                    paired = false;
                }
                Arg::Short('i') | Arg::Long("ignore-case") => ignore_case = true,
                Arg::Short('t') => {
                    let text = args.value()?;
                    let mut chars = text.chars();
                    separator = chars.next();
                    if chars.next().is_some() {
                        return Err(Failure::Fatal(format!("multi-character tab '{text}'")));
                    }
                }
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let (first, second) = args::two_operands(files)?;
        let files = [first, second];
        let split = |line: &str| -> Vec<String> {
            match separator {
                Some(c) => line.split(c).map(str::to_string).collect(),
                None => line.split_whitespace().map(str::to_string).collect(),
            }
        };
        let load = |index: usize| -> Result<Side, Failure> {
            let name = &files[index];
            let fail =
                |e: std::io::Error| Failure::Fatal(format!("{name}: {}", describe_io_error(&e)));
            let reader = input::open(name).map_err(fail)?;
            let lines = BufReader::new(reader)
                .lines()
                .collect::<Result<Vec<_>, _>>()
                .map_err(fail)?;
            Ok(Side {
                lines: lines.iter().map(|l| split(l)).collect(),
                field: fields[index],
                unpaired: unpaired[index],
            })
        };
        let (left, right) = (load(0)?, load(1)?);
        let key = |side: &Side, index: usize| -> String {
            let key = side.lines[index]
                .get(side.field)
                .cloned()
                .unwrap_or_default();
            if ignore_case { key.to_lowercase() } else { key }
        };
        let glue = separator.map_or(" ".to_string(), String::from);
        let emit = |out: &mut wasmix_common::Output, join: &str, rest: Vec<&str>| {
            let mut fields = vec![join];
            fields.extend(rest);
            writeln!(out, "{}", fields.join(&glue))
        };
        fn others(side: &Side, index: usize) -> Vec<&str> {
            let line = &side.lines[index];
            (0..line.len())
                .filter(|&f| f != side.field)
                .map(|f| line[f].as_str())
                .collect()
        }
        let (mut i, mut j) = (0, 0);
        while i < left.lines.len() || j < right.lines.len() {
            let order = match (i < left.lines.len(), j < right.lines.len()) {
                (true, true) => key(&left, i).cmp(&key(&right, j)),
                (true, false) => std::cmp::Ordering::Less,
                _ => std::cmp::Ordering::Greater,
            };
            match order {
                std::cmp::Ordering::Less => {
                    if left.unpaired {
                        let field = left.lines[i].get(left.field).map_or("", String::as_str);
                        emit(out, field, others(&left, i))?;
                    }
                    i += 1;
                }
                std::cmp::Ordering::Greater => {
                    if right.unpaired {
                        let field = right.lines[j].get(right.field).map_or("", String::as_str);
                        emit(out, field, others(&right, j))?;
                    }
                    j += 1;
                }
                std::cmp::Ordering::Equal => {
                    let k = key(&left, i);
                    let i_end = (i..left.lines.len())
                        .find(|&n| key(&left, n) != k)
                        .unwrap_or(left.lines.len());
                    let j_end = (j..right.lines.len())
                        .find(|&n| key(&right, n) != k)
                        .unwrap_or(right.lines.len());
                    if paired {
                        for a in i..i_end {
                            for b in j..j_end {
                                let mut rest = others(&left, a);
                                rest.extend(others(&right, b));
                                let field =
                                    left.lines[a].get(left.field).map_or("", String::as_str);
                                emit(out, field, rest)?;
                            }
                        }
                    }
                    i = i_end;
                    j = j_end;
                }
            }
        }
        Ok(0)
    })
}

fn field_number(text: &str) -> Result<usize, Failure> {
    match text.parse::<usize>() {
        Ok(n) if n > 0 => Ok(n - 1),
        _ => Err(Failure::Fatal(format!("invalid field number: '{text}'"))),
    }
}

fn file_number(text: &str) -> Result<usize, Failure> {
    match text {
        "1" => Ok(0),
        "2" => Ok(1),
        _ => Err(Failure::Usage(format!("invalid file number: '{text}'"))),
    }
}
