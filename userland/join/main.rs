//! join: join the lines of two sorted files on a common field.

use std::io::{BufRead, BufReader, Write};
use wasmix_common::{Arg, Failure, Program, args, file_error, input, names};

static PROGRAM: Program = Program::new(
    "join",
    "Usage: join [OPTION]... FILE1 FILE2\n\
     For each pair of input lines with identical join fields, write a line to\n\
     standard output.  The default join field is the first, delimited by blanks.\n\n\
     When FILE1 or FILE2 (not both) is -, read standard input.\n\n  \
     -a FILENUM        also print unpairable lines from file FILENUM, where\n                      \
     FILENUM is 1 or 2, corresponding to FILE1 or FILE2\n  \
     -e EMPTY          replace missing input fields with EMPTY (with -o)\n  \
     -i, --ignore-case  ignore differences in case when comparing fields\n  \
     -o FORMAT         obey FORMAT while constructing output line\n  \
     -t CHAR           use CHAR as input and output field separator\n  \
     -v FILENUM        like -a FILENUM, but suppress joined output lines\n  \
     -1 FIELD          join on this FIELD of file 1\n  \
     -2 FIELD          join on this FIELD of file 2\n  \
     -j FIELD          equivalent to '-1 FIELD -2 FIELD'\n      \
     --header          treat the first line in each file as field headers,\n                      \
     print them without trying to pair them\n  \
     -z, --zero-terminated     line delimiter is NUL, not newline\n      \
     --check-order     check that the input is correctly sorted, even\n                      \
     if all input lines are pairable\n      \
     --nocheck-order   do not check that the input is correctly sorted\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n\n\
     FORMAT is one or more comma or blank separated specifications, each being\n\
     'FILENUM.FIELD' or '0'.  '0' is the join field.\n\n\
     By default, once a line has been found that pairs with none, a line out of order\n\
     is reported (once per file) and the status is 1.\n",
);

/// When the order of the input is checked.
#[derive(Clone, Copy, PartialEq)]
enum Check {
    /// Once a line that pairs with none has been met.
    Default,
    Always,
    Never,
}

/// One item of `-o`: the join field, or a field of one file.
#[derive(Clone, Copy)]
enum Column {
    Join,
    Field(usize, usize),
}

struct Side {
    /// Each line as read, and split into fields.
    text: Vec<String>,
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
        let mut columns: Option<Vec<Column>> = None;
        let mut empty = String::new();
        let mut files = Vec::new();
        let mut check = Check::Default;
        let mut header = false;
        let mut auto_columns = false;
        let mut end = b'\n';
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
                // `-o auto`: the fields the first line of each file has.
                Arg::Short('o') => match args.value()?.as_str() {
                    "auto" => auto_columns = true,
                    list => columns
                        .get_or_insert_with(Vec::new)
                        .extend(parse_columns(list)?),
                },
                Arg::Short('e') => empty = args.value()?,
                Arg::Short('t') => {
                    let text = args.value()?;
                    let mut chars = text.chars();
                    separator = chars.next();
                    if chars.next().is_some() {
                        return Err(Failure::Fatal(format!("multi-character tab '{text}'")));
                    }
                }
                Arg::Long("header") => header = true,
                Arg::Short('z') | Arg::Long("zero-terminated") => end = 0,
                Arg::Long("check-order") => check = Check::Always,
                Arg::Long("nocheck-order") => check = Check::Never,
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
            let reader = input::open(name).map_err(|e| Failure::Fatal(file_error(name, &e)))?;
            let fail = |e: std::io::Error| Failure::Fatal(wasmix_common::read_error(&e));
            // Bytes that are not UTF-8 are carried through as private-use characters.
            let lines = BufReader::new(reader)
                .split(end)
                .map(|line| line.map(|bytes| names::from_bytes(&bytes).into_owned()))
                .collect::<Result<Vec<_>, _>>()
                .map_err(fail)?;
            Ok(Side {
                lines: lines.iter().map(|l| split(l)).collect(),
                text: lines,
                field: fields[index],
                unpaired: unpaired[index],
            })
        };
        let (left, right) = (load(0)?, load(1)?);
        if auto_columns && columns.is_none() {
            let mut auto = vec![Column::Join];
            for (file, side) in [&left, &right].into_iter().enumerate() {
                let width = side.lines.first().map_or(0, Vec::len);
                auto.extend(
                    (0..width)
                        .filter(|&field| field != side.field)
                        .map(|field| Column::Field(file, field)),
                );
            }
            columns = Some(auto);
        }
        let key = |side: &Side, index: usize| -> String {
            let key = side.lines[index]
                .get(side.field)
                .cloned()
                .unwrap_or_default();
            if ignore_case { key.to_lowercase() } else { key }
        };
        let glue = separator.map_or(" ".to_string(), String::from);
        // A line of output from a line of each file (one missing when unpaired).
        let emit = |out: &mut wasmix_common::Output, a: Option<usize>, b: Option<usize>| {
            let left_line = a.map(|a| &left.lines[a]);
            let right_line = b.map(|b| &right.lines[b]);
            let join = match (left_line, right_line) {
                (Some(line), _) => line.get(left.field),
                (None, Some(line)) => line.get(right.field),
                (None, None) => None,
            };
            let join = join.map_or("", String::as_str);
            let fields: Vec<&str> = match &columns {
                Some(columns) => columns
                    .iter()
                    .map(|column| match *column {
                        Column::Join => join,
                        Column::Field(file, field) => [left_line, right_line][file]
                            .and_then(|line| line.get(field))
                            .map_or(empty.as_str(), String::as_str),
                    })
                    .collect(),
                None => {
                    let mut fields = vec![join];
                    if let Some(a) = a {
                        fields.extend(others(&left, a));
                    }
                    if let Some(b) = b {
                        fields.extend(others(&right, b));
                    }
                    fields
                }
            };
            out.write_all(&names::to_bytes(&fields.join(&glue)))?;
            out.write_all(&[end])
        };
        fn others(side: &Side, index: usize) -> Vec<&str> {
            let line = &side.lines[index];
            (0..line.len())
                .filter(|&f| f != side.field)
                .map(|f| line[f].as_str())
                .collect()
        }
        // As GNU's join reads a line, it checks it against the one before (by default
        // only once a line has paired with none).
        let mut unpairable_seen = false;
        let mut warned = [false; 2];
        let mut read = |side: usize, n: usize, unpairable_seen: bool| -> Result<(), Failure> {
            let lines = [&left, &right][side];
            let active = match check {
                Check::Default => unpairable_seen,
                Check::Always => true,
                Check::Never => false,
            };
            // With --header, the first line is no key to order by.
            let first = usize::from(header);
            if !active || warned[side] || n <= first || n >= lines.lines.len() {
                return Ok(());
            }
            if key(lines, n - 1) > key(lines, n) {
                let message = format!(
                    "{}:{}: is not sorted: {}",
                    files[side],
                    n + 1,
                    lines.text[n]
                );
                if check == Check::Always {
                    return Err(Failure::Fatal(message));
                }
                PROGRAM.warn(message);
                warned[side] = true;
            }
            Ok(())
        };
        let (mut i, mut j) = (0, 0);
        if header && (!left.lines.is_empty() || !right.lines.is_empty()) {
            let present = |side: &Side| (!side.lines.is_empty()).then_some(0);
            emit(out, present(&left), present(&right))?;
            (i, j) = (1, 1);
        }
        while i < left.lines.len() || j < right.lines.len() {
            let order = match (i < left.lines.len(), j < right.lines.len()) {
                (true, true) => key(&left, i).cmp(&key(&right, j)),
                (true, false) => std::cmp::Ordering::Less,
                _ => std::cmp::Ordering::Greater,
            };
            match order {
                std::cmp::Ordering::Less => {
                    if left.unpaired {
                        emit(out, Some(i), None)?;
                    }
                    i += 1;
                    read(0, i, unpairable_seen)?;
                    unpairable_seen = true;
                }
                std::cmp::Ordering::Greater => {
                    if right.unpaired {
                        emit(out, None, Some(j))?;
                    }
                    j += 1;
                    read(1, j, unpairable_seen)?;
                    unpairable_seen = true;
                }
                std::cmp::Ordering::Equal => {
                    let k = key(&left, i);
                    let i_end = (i..left.lines.len())
                        .find(|&n| key(&left, n) != k)
                        .unwrap_or(left.lines.len());
                    let j_end = (j..right.lines.len())
                        .find(|&n| key(&right, n) != k)
                        .unwrap_or(right.lines.len());
                    // Each group is read to the line after it before it is joined.
                    for n in i + 1..=i_end {
                        read(0, n, unpairable_seen)?;
                    }
                    for n in j + 1..=j_end {
                        read(1, n, unpairable_seen)?;
                    }
                    if paired {
                        for a in i..i_end {
                            for b in j..j_end {
                                emit(out, Some(a), Some(b))?;
                            }
                        }
                    }
                    i = i_end;
                    j = j_end;
                }
            }
        }
        if warned.contains(&true) {
            return Err(Failure::Fatal("input is not in sorted order".into()));
        }
        Ok(0)
    })
}

/// `-o`'s list: `0` or `FILENUM.FIELD`, separated by commas or blanks.
fn parse_columns(text: &str) -> Result<Vec<Column>, Failure> {
    text.split([',', ' ', '\t'])
        .filter(|item| !item.is_empty())
        .map(|item| {
            let invalid = || Failure::Fatal(format!("invalid field specifier: '{item}'"));
            let file = match item.as_bytes()[0] {
                b'0' if item.len() == 1 => return Ok(Column::Join),
                b'0' => return Err(invalid()),
                b'1' => 0,
                b'2' => 1,
                _ => {
                    return Err(Failure::Fatal(format!(
                        "invalid file number in field spec: '{item}'"
                    )));
                }
            };
            let field = item[1..].strip_prefix('.').ok_or_else(invalid)?;
            match field.parse::<usize>() {
                Ok(n) if n > 0 => Ok(Column::Field(file, n - 1)),
                _ => Err(Failure::Fatal(format!("invalid field number: '{field}'"))),
            }
        })
        .collect()
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
