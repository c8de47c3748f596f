//! column: lists in columns, as util-linux's column does: entries down the columns (or
//! across, -x) between tab stops to fill the width, or a table (-t) of the lines' fields.

use std::io::{BufRead, BufReader, Write};
use unicode_width::UnicodeWidthStr;
use wasmix_common::{Arg, Failure, Output, Program, args, describe_io_error, input};

static PROGRAM: Program = Program::new(
    "column",
    "Usage: column [OPTION]... [FILE]...\n\
     Columnate lists.\n\n  \
     -t, --table                      create a table of the lines' fields\n  \
     -s, --separator STRING           the characters that separate fields (with -t;\n                                     \
     default: blanks)\n  \
     -o, --output-separator STRING    what goes between the table's columns\n                                     \
     (default: two spaces)\n  \
     -c, --output-width WIDTH         the width of the output (default: $COLUMNS, or 80)\n  \
     -x, --fillrows                   fill rows before columns\n      \
     --help                       display this help and exit\n      \
     --version                    output version information and exit\n",
);

struct Options {
    table: bool,
    separators: Option<String>,
    output_separator: String,
    width: usize,
    across: bool,
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut options = Options {
            table: false,
            separators: None,
            output_separator: "  ".into(),
            width: std::env::var("COLUMNS")
                .ok()
                .and_then(|c| c.parse().ok())
                .filter(|&c| c > 0)
                .unwrap_or(80),
            across: false,
        };
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('t') | Arg::Long("table") => options.table = true,
                Arg::Short('s') | Arg::Long("separator") => {
                    options.separators = Some(args.value()?)
                }
                Arg::Short('o') | Arg::Long("output-separator") => {
                    options.output_separator = args.value()?
                }
                Arg::Short('c') | Arg::Long("output-width") | Arg::Long("columns") => {
                    let value = args.value()?;
                    options.width = value.parse().map_err(|_| {
                        Failure::Fatal(format!("invalid columns argument: '{value}'"))
                    })?;
                }
                Arg::Short('x') | Arg::Long("fillrows") => options.across = true,
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let mut lines = Vec::new();
        let mut status = 0;
        for name in input::operands_or_stdin(files) {
            let reader = match input::open(&name) {
                Ok(reader) => reader,
                Err(e) => {
                    PROGRAM.warn(format!("{name}: {}", describe_io_error(&e)));
                    status = 1;
                    continue;
                }
            };
            for line in BufReader::new(reader).split(b'\n') {
                let line = match line {
                    Ok(line) => line,
                    Err(e) => {
                        PROGRAM.warn(format!("{name}: {}", describe_io_error(&e)));
                        status = 1;
                        break;
                    }
                };
                let line = String::from_utf8_lossy(&line).into_owned();
                // Empty lines are left out, as column does.
                if !line.trim().is_empty() || options.separators.is_some() && !line.is_empty() {
                    lines.push(line);
                }
            }
        }
        if options.table {
            table(&lines, &options, out)?;
            // util-linux's column forgets, in table mode, that a file could not be read.
            return Ok(0);
        }
        let entries: Vec<&str> = lines.iter().map(|l| l.trim_end()).collect();
        columns(&entries, &options, out)?;
        Ok(status)
    })
}

/// Moves from column `at` to the next tab stop at or before `end`, with tabs.
fn tab_to(out: &mut Output, at: &mut usize, end: usize) -> std::io::Result<()> {
    while (*at + 8) & !7 <= end {
        out.write_all(b"\t")?;
        *at = (*at + 8) & !7;
    }
    Ok(())
}

fn columns(entries: &[&str], options: &Options, out: &mut Output) -> std::io::Result<()> {
    let Some(widest) = entries.iter().map(|e| e.width()).max() else {
        return Ok(());
    };
    let cell = (widest + 8) & !7;
    let per_row = options.width / cell;
    if per_row <= 1 {
        for entry in entries {
            writeln!(out, "{entry}")?;
        }
        return Ok(());
    }
    let rows = entries.len().div_ceil(per_row);
    for row in 0..rows {
        let (mut at, mut end) = (0, cell);
        let cells: Vec<&str> = if options.across {
            entries
                .iter()
                .skip(row * per_row)
                .take(per_row)
                .copied()
                .collect()
        } else {
            entries.iter().skip(row).step_by(rows).copied().collect()
        };
        for (i, entry) in cells.iter().enumerate() {
            out.write_all(entry.as_bytes())?;
            at += entry.width();
            if i + 1 < cells.len() {
                tab_to(out, &mut at, end)?;
                end += cell;
            }
        }
        out.write_all(b"\n")?;
    }
    Ok(())
}

fn table(lines: &[String], options: &Options, out: &mut Output) -> std::io::Result<()> {
    let rows: Vec<Vec<&str>> = lines
        .iter()
        .map(|line| match &options.separators {
            // Given separators keep empty fields; blanks run together.
            Some(separators) => line.split(|c| separators.contains(c)).collect(),
            None => line.split_whitespace().collect(),
        })
        .collect();
    let count = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0; count];
    for row in &rows {
        for (i, field) in row.iter().enumerate() {
            widths[i] = widths[i].max(field.width());
        }
    }
    for row in &rows {
        let mut line = String::new();
        for (i, width) in widths.iter().enumerate() {
            let field = row.get(i).copied().unwrap_or("");
            line.push_str(field);
            if i + 1 < count {
                line.push_str(&" ".repeat(width - field.width()));
                line.push_str(&options.output_separator);
            }
        }
        writeln!(out, "{line}")?;
    }
    Ok(())
}
