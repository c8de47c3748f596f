//! diff: compare files line by line, or directories file by file, as GNU diff does: the
//! normal, context, unified, ed and RCS formats (`hunks.rs`, `ed.rs`), side by side
//! (`side_by_side.rs`), merged with `#ifdef`s or any group and line formats (`ifdef.rs`),
//! `-q`, `-s`, trees (`tree.rs`), and the ways to loosen what counts as the same line
//! (`likeness.rs`).

mod boundaries;
mod compareseq;
mod ed;
mod hunks;
mod ifdef;
mod likeness;
mod lines;
mod options;
mod side_by_side;
mod tree;

use hunks::Hunked;
use lines::Lines;
use options::{Options, Style};
use std::io::Write;
use std::path::Path;
use wasmix_common::wasi_fs::EntryKind;
use wasmix_common::{Failure, Output, Program, describe_io_error};

static PROGRAM: Program = Program {
    usage_status: 2,
    failure_status: 2,
    names_help_hint: true,
    ..Program::new(
        "diff",
        "Usage: diff [OPTION]... FILES\n\
         Compare FILES line by line.\n\n\
         Mandatory arguments to long options are mandatory for short options too.\n      \
         --normal                  output a normal diff (the default)\n  \
         -q, --brief                   report only when files differ\n  \
         -s, --report-identical-files  report when two files are the same\n  \
         -c, -C NUM, --context[=NUM]   output NUM (default 3) lines of copied context\n  \
         -u, -U NUM, --unified[=NUM]   output NUM (default 3) lines of unified context\n  \
         -e, --ed                      output an ed script\n  \
         -n, --rcs                     output an RCS format diff\n  \
         -y, --side-by-side            output in two columns\n  \
         -W, --width=NUM               output at most NUM (default 130) print columns\n      \
         --left-column             output only the left column of common lines\n      \
         --suppress-common-lines   do not output common lines\n\n  \
         -p, --show-c-function         show which C function each change is in\n  \
         -F, --show-function-line=RE   show the most recent line matching RE\n      \
         --label LABEL             use LABEL instead of file name and timestamp\n                                  \
         (can be repeated)\n\n  \
         -t, --expand-tabs             expand tabs to spaces in output\n  \
         -T, --initial-tab             make tabs line up by prepending a tab\n      \
         --tabsize=NUM             tab stops every NUM (default 8) print columns\n      \
         --suppress-blank-empty    suppress space or tab before empty output lines\n\n  \
         -r, --recursive                 recursively compare any subdirectories found\n      \
         --no-dereference            don't follow symbolic links\n  \
         -N, --new-file                  treat absent files as empty\n      \
         --unidirectional-new-file   treat absent first files as empty\n  \
         -x, --exclude=PAT               exclude files that match PAT\n  \
         -X, --exclude-from=FILE         exclude files that match any pattern in FILE\n  \
         -S, --starting-file=FILE        start with FILE when comparing directories\n      \
         --from-file=FILE1           compare FILE1 to all operands;\n                                    \
         FILE1 can be a directory\n      \
         --to-file=FILE2             compare all operands to FILE2;\n                                    \
         FILE2 can be a directory\n\n  \
         -i, --ignore-case               ignore case differences in file contents\n  \
         -E, --ignore-tab-expansion      ignore changes due to tab expansion\n  \
         -Z, --ignore-trailing-space     ignore white space at line end\n  \
         -b, --ignore-space-change       ignore changes in the amount of white space\n  \
         -w, --ignore-all-space          ignore all white space\n  \
         -B, --ignore-blank-lines        ignore changes where lines are all blank\n  \
         -I, --ignore-matching-lines=RE  ignore changes where all lines match RE\n\n  \
         -a, --text                      treat all files as text\n      \
         --strip-trailing-cr         strip trailing carriage return on input\n\n  \
         -D, --ifdef=NAME                output merged file with '#ifdef NAME' diffs\n      \
         --GTYPE-group-format=GFMT   format GTYPE input groups with GFMT\n      \
         --line-format=LFMT          format all input lines with LFMT\n      \
         --LTYPE-line-format=LFMT    format LTYPE input lines with LFMT\n    \
         These format options provide fine-grained control over the output\n      \
         of diff, generalizing -D/--ifdef.\n    \
         LTYPE is 'old', 'new', or 'unchanged'.  GTYPE is LTYPE or 'changed'.\n    \
         GFMT (only) may contain:\n      \
         %<  lines from FILE1\n      \
         %>  lines from FILE2\n      \
         %=  lines common to FILE1 and FILE2\n      \
         %[-][WIDTH][.[PREC]]{doxX}LETTER  printf-style spec for LETTER\n        \
         LETTERs are as follows for new group, lower case for old group:\n          \
         F  first line number\n          \
         L  last line number\n          \
         N  number of lines = L-F+1\n          \
         E  F-1\n          \
         M  L+1\n      \
         %(A=B?T:E)  if A equals B then T else E\n    \
         LFMT (only) may contain:\n      \
         %L  contents of line\n      \
         %l  contents of line, excluding any trailing newline\n      \
         %[-][WIDTH][.[PREC]]{doxX}n  printf-style spec for input line number\n    \
         Both GFMT and LFMT may contain:\n      \
         %%  %\n      \
         %c'C'  the single character C\n      \
         %c'\\OOO'  the character with octal code OOO\n      \
         C    the character C (other characters represent themselves)\n\n  \
         -d, --minimal            try hard to find a smaller set of changes\n      \
         --horizon-lines=NUM  keep NUM lines of the common prefix and suffix\n      \
         --color[=WHEN]       color output; WHEN is 'never', 'always', or 'auto';\n                             \
         plain --color means --color='auto'\n      \
         --palette=PALETTE    the colors to use when --color is active; PALETTE is\n                             \
         a colon-separated list of terminfo capabilities\n\n      \
         --help               display this help and exit\n      \
         --version            output version information and exit\n\n\
         FILES are 'FILE1 FILE2' or 'DIR1 DIR2' or 'DIR FILE' or 'FILE DIR'.\n\
         If --from-file or --to-file is given, there are no restrictions on FILE(s).\n\
         If a FILE is '-', read standard input.\n\
         Exit status is 0 if inputs are the same, 1 if different, 2 if trouble.\n",
    )
};

/// Worst outcome so far: 0 same, 1 different, 2 trouble.
pub struct Outcome(u8);

impl Outcome {
    fn differ(&mut self) {
        self.0 = self.0.max(1);
    }

    fn trouble(&mut self, message: String) {
        PROGRAM.warn(message);
        self.0 = 2;
    }
}

/// `--- NAME\tTIME` as GNU writes it (to the nanosecond; for the context format, as
/// `ctime` writes it).
fn header(path: &str, label: Option<&String>, context: bool) -> String {
    if let Some(label) = label {
        return label.clone();
    }
    let modified = if path == "-" {
        Ok(std::time::SystemTime::now())
    } else {
        std::fs::metadata(path).and_then(|m| m.modified())
    };
    match modified {
        Ok(time) => format!("{path}\t{}", local_time(time, context)),
        // A file that is not there (`-N`) is dated at the epoch, as GNU dates it.
        Err(_) => format!("{path}\t{}", local_time(std::time::UNIX_EPOCH, context)),
    }
}

/// A file's time in the zone `TZ` names, as the unified or the context format dates it.
fn local_time(time: std::time::SystemTime, context: bool) -> String {
    use chrono::Offset;
    let utc: chrono::DateTime<chrono::Utc> = time.into();
    let offset = wasmix_common::datetime::LocalZone::from_env().offset_at(utc.timestamp());
    let zone = chrono::FixedOffset::east_opt(offset).unwrap_or(chrono::Utc.fix());
    let format = if context {
        "%a %b %e %H:%M:%S %Y"
    } else {
        "%Y-%m-%d %H:%M:%S%.9f %z"
    };
    utc.with_timezone(&zone).format(format).to_string()
}

pub fn compare_files(
    a: &str,
    b: &str,
    in_tree: bool,
    options: &Options,
    out: &mut Output,
    outcome: &mut Outcome,
) -> Result<(), Failure> {
    let load = |path: &str, first: bool, outcome: &mut Outcome| -> Option<Vec<u8>> {
        match wasmix_common::input::read_whole(path) {
            Ok(data) => Some(data),
            Err(e)
                if (options.new_file || options.new_first_file && first)
                    && e.kind() == std::io::ErrorKind::NotFound =>
            {
                Some(Vec::new())
            }
            Err(e) => {
                outcome.trouble(format!("{path}: {}", describe_io_error(&e)));
                None
            }
        }
    };
    // Standard input against itself is the same, and is not read (GNU).
    if a == "-" && b == "-" {
        return Ok(());
    }
    if options.no_dereference && links_compared(a, b, options, out, outcome)? {
        return Ok(());
    }
    let (Some(old), Some(new)) = (load(a, true, outcome), load(b, false, outcome)) else {
        return Ok(());
    };
    let binary = |data: &[u8]| !options.text && data[..data.len().min(32 * 1024)].contains(&0);
    let tree_line = |out: &mut Output| -> std::io::Result<()> {
        if in_tree {
            // `--label`s name the files here too.
            let shown_a = options.labels.first().map_or(a, String::as_str);
            let shown_b = options.labels.get(1).map_or(b, String::as_str);
            writeln!(out, "diff{} {shown_a} {shown_b}", options.switches)
        } else {
            Ok(())
        }
    };
    if binary(&old) || binary(&new) {
        if old != new {
            outcome.differ();
            tree_line(out)?;
            writeln!(out, "Binary files {a} and {b} differ")?;
        } else if options.report_identical {
            writeln!(out, "Files {a} and {b} are identical")?;
        }
        return Ok(());
    }
    let strip = options.strip_trailing_cr;
    let (mut old_lines, mut new_lines) = (Lines::split(&old, strip), Lines::split(&new, strip));
    // An ed script cannot say that a file lacks its last newline: it is taken as there,
    // and GNU's warning follows.
    let unended = [old_lines.missing_newline, new_lines.missing_newline];
    if options.style == Style::Ed {
        old_lines.missing_newline = false;
        new_lines.missing_newline = false;
    }
    let ops = hunks::edits(
        &old_lines,
        &new_lines,
        &options.likeness,
        options.horizon,
        options.minimal,
    );
    let changes = hunks::changes(&ops, &options.likeness, &old_lines, &new_lines);
    let formats = (options.style == Style::Ifdef).then(|| options.formats.complete());
    if ops.is_empty() {
        // Side by side and the merged formats show files that are alike too.
        let shown = match &formats {
            Some(formats) => !formats.silent_when_alike(),
            None => options.style == Style::SideBySide,
        };
        if shown && !options.brief {
            tree_line(out)?;
            match &formats {
                Some(formats) => formats.write(out, &options.look, &old_lines, &new_lines, &[])?,
                None => options
                    .columns
                    .write(out, &old_lines, &new_lines, &changes)?,
            }
        }
        if options.report_identical {
            writeln!(out, "Files {a} and {b} are identical")?;
        }
    } else {
        outcome.differ();
        if options.brief {
            writeln!(out, "Files {a} and {b} differ")?;
            return Ok(());
        }
        tree_line(out)?;
        write_changes(
            out,
            options,
            [a, b],
            &old_lines,
            &new_lines,
            &changes,
            formats,
        )?;
    }
    if options.style == Style::Ed && a != b {
        for (i, path) in [a, b].into_iter().enumerate() {
            if unended[i] {
                let name = options.labels.get(i).map_or(path, String::as_str);
                outcome.trouble(format!("{name}: No newline at end of file\n"));
            }
        }
    }
    Ok(())
}

fn write_changes(
    out: &mut Output,
    options: &Options,
    [a, b]: [&str; 2],
    old: &Lines,
    new: &Lines,
    changes: &[hunks::Change],
    formats: Option<ifdef::Complete>,
) -> Result<(), Failure> {
    let look = &options.look;
    let hunked = Hunked {
        look,
        context: options.context,
        functions: &options.functions,
        searched: std::cell::Cell::new((0, None)),
    };
    match options.style {
        Style::Unified => {
            look.header(
                out,
                &format!("--- {}", header(a, options.labels.first(), false)),
            )?;
            look.header(
                out,
                &format!("+++ {}", header(b, options.labels.get(1), false)),
            )?;
            hunked.write_unified(out, old, new, changes)?;
        }
        Style::Context => {
            look.header(
                out,
                &format!("*** {}", header(a, options.labels.first(), true)),
            )?;
            look.header(
                out,
                &format!("--- {}", header(b, options.labels.get(1), true)),
            )?;
            hunked.write_context(out, old, new, changes)?;
        }
        Style::SideBySide => options.columns.write(out, old, new, changes)?,
        Style::Normal => hunks::write_normal(out, look, old, new, changes)?,
        Style::Ed => ed::write_ed(out, look, new, changes)?,
        Style::Rcs => ed::write_rcs(out, look, new, changes)?,
        Style::Ifdef => {
            if let Some(formats) = formats {
                formats.write(out, look, old, new, changes)?;
            }
        }
    }
    Ok(())
}

/// `--no-dereference` with a symbolic link among the two: links are alike when their
/// targets are, and a link is never like a file. True when that settled it.
fn links_compared(
    a: &str,
    b: &str,
    options: &Options,
    out: &mut Output,
    outcome: &mut Outcome,
) -> Result<bool, Failure> {
    let kind = |path: &str| match path {
        "-" => Some(EntryKind::Fifo),
        _ => std::fs::symlink_metadata(path)
            .ok()
            .map(|meta| EntryKind::at(Path::new(path), &meta)),
    };
    let (kind_a, kind_b) = (kind(a), kind(b));
    if kind_a != Some(EntryKind::Symlink) && kind_b != Some(EntryKind::Symlink) {
        return Ok(false);
    }
    let shown_a = options.labels.first().map_or(a, String::as_str);
    let shown_b = options.labels.get(1).map_or(b, String::as_str);
    if kind_a == kind_b {
        if std::fs::read_link(a).ok() != std::fs::read_link(b).ok() {
            outcome.differ();
            writeln!(out, "Symbolic links {shown_a} and {shown_b} differ")?;
        }
        return Ok(true);
    }
    let name = |kind: Option<EntryKind>, path: &str| match kind {
        Some(EntryKind::Symlink) => "symbolic link",
        Some(EntryKind::Directory) => "directory",
        Some(EntryKind::Fifo) => "fifo",
        Some(EntryKind::Other) => "character special file",
        _ if std::fs::metadata(path).is_ok_and(|m| m.len() == 0) => "regular empty file",
        _ => "regular file",
    };
    outcome.differ();
    writeln!(
        out,
        "File {shown_a} is a {} while file {shown_b} is a {}",
        name(kind_a, a),
        name(kind_b, b)
    )?;
    Ok(true)
}

/// Compares two operands: files, directories, or a file and the file of that name in
/// a directory.
fn compare_operands(
    a: &str,
    b: &str,
    options: &Options,
    out: &mut Output,
    outcome: &mut Outcome,
) -> Result<(), Failure> {
    let is_dir = |p: &str| match options.no_dereference {
        true => std::fs::symlink_metadata(p).is_ok_and(|m| m.is_dir()),
        false => p != "-" && Path::new(p).is_dir(),
    };
    let inside = |dir: &str, file: &str| {
        let name = Path::new(file)
            .file_name()
            .map_or(String::new(), |n| n.to_string_lossy().into_owned());
        format!("{dir}/{name}")
    };
    match (is_dir(a), is_dir(b)) {
        (true, true) => tree::compare_dirs(a, b, true, options, out, outcome),
        (true, false) => compare_files(&inside(a, b), b, false, options, out, outcome),
        (false, true) => compare_files(a, &inside(b, a), false, options, out, outcome),
        (false, false) => compare_files(a, b, false, options, out, outcome),
    }
}

fn main() {
    PROGRAM.run(|args, out| {
        let options = Options::parse(args)?;
        let mut outcome = Outcome(0);
        let operands = &options.operands;
        match (&options.from_file, &options.to_file) {
            (Some(_), Some(_)) => {
                return Err(Failure::Fatal(
                    "--from-file and --to-file both specified".into(),
                ));
            }
            (Some(from), None) => {
                for b in operands {
                    compare_operands(from, b, &options, out, &mut outcome)?;
                }
            }
            (None, Some(to)) => {
                for a in operands {
                    compare_operands(a, to, &options, out, &mut outcome)?;
                }
            }
            (None, None) => match operands.as_slice() {
                [a, b] => compare_operands(a, b, &options, out, &mut outcome)?,
                [] => return Err(Failure::Usage("missing operand after 'diff'".into())),
                [a] => return Err(Failure::Usage(format!("missing operand after '{a}'"))),
                [_, _, extra, ..] => {
                    return Err(Failure::Usage(format!("extra operand '{extra}'")));
                }
            },
        }
        Ok(outcome.0)
    })
}
