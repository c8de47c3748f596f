//! diff: compare files line by line, or directories file by file, as GNU diff does: the
//! normal, context and unified formats (`hunks.rs`), side by side (`side_by_side.rs`), `-q`, `-s`, `-r`, `-N` and the ways to loosen
//! what counts as the same line.

mod boundaries;
mod compareseq;
mod hunks;
mod side_by_side;

use hunks::{Likeness, Lines};
use std::io::Write;
use std::path::Path;
use wasmix_common::{Arg, Failure, Output, Program, args, describe_io_error};

static PROGRAM: Program = Program {
    usage_status: 2,
    failure_status: 2,
    names_help_hint: true,
    ..Program::new(
        "diff",
        "Usage: diff [OPTION]... FILES\n\
         Compare FILES line by line.\n\n  \
         -q, --brief                   report only when files differ\n  \
         -s, --report-identical-files  report when two files are the same\n  \
         -c, -C NUM, --context[=NUM]   output NUM (default 3) lines of copied context\n  \
         -u, -U NUM, --unified[=NUM]   output NUM (default 3) lines of unified context\n  \
         -y, --side-by-side            output in two columns\n  \
         -W, --width=NUM               output at most NUM (default 130) print columns\n      \
         --left-column             output only the left column of common lines\n      \
         --suppress-common-lines   do not output common lines\n  \
         -r, --recursive               recursively compare any subdirectories found\n  \
         -N, --new-file                treat absent files as empty\n  \
         -i, --ignore-case             ignore case differences in file contents\n  \
         -b, --ignore-space-change     ignore changes in the amount of white space\n  \
         -w, --ignore-all-space        ignore all white space\n  \
         -B, --ignore-blank-lines      ignore changes whose lines are all blank\n  \
         -a, --text                    treat all files as text\n      \
         --tabsize=NUM             tab stops every NUM (default 8) print columns\n      \
         --label LABEL             use LABEL instead of file name and timestamp\n                                  \
         (can be repeated)\n      \
         --help                    display this help and exit\n      \
         --version                 output version information and exit\n\n\
         FILES are 'FILE1 FILE2' or 'DIR1 DIR2' or 'DIR FILE' or 'FILE DIR'.\n\
         If a FILE is '-', read standard input.\n\
         Exit status is 0 if inputs are the same, 1 if different, 2 if trouble.\n",
    )
};

struct Options {
    brief: bool,
    report_identical: bool,
    /// The output format `-u`, `-c` or `-y` chose (normal without one).
    style: Style,
    columns: side_by_side::SideBySide,
    recursive: bool,
    new_file: bool,
    text: bool,
    likeness: Likeness,
    labels: Vec<String>,
    /// The options as given, for the `diff -r a/x b/x` line before each file of a tree.
    switches: String,
}

/// Worst outcome so far: 0 same, 1 different, 2 trouble.
struct Outcome(u8);

impl Outcome {
    fn differ(&mut self) {
        self.0 = self.0.max(1);
    }

    fn trouble(&mut self, message: String) {
        PROGRAM.warn(message);
        self.0 = 2;
    }
}

fn read(path: &str) -> std::io::Result<Vec<u8>> {
    if path == "-" {
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut data)?;
        return Ok(data);
    }
    std::fs::read(path)
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

fn compare_files(
    a: &str,
    b: &str,
    in_tree: bool,
    options: &Options,
    out: &mut Output,
    outcome: &mut Outcome,
) -> Result<(), Failure> {
    let load = |path: &str, outcome: &mut Outcome| -> Option<Vec<u8>> {
        match read(path) {
            Ok(data) => Some(data),
            Err(e) if options.new_file && e.kind() == std::io::ErrorKind::NotFound => {
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
    let (Some(old), Some(new)) = (load(a, outcome), load(b, outcome)) else {
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
    let (old_lines, new_lines) = (Lines::split(&old), Lines::split(&new));
    let horizon = match options.style {
        Style::Unified(context) | Style::Context(context) => context,
        Style::Normal | Style::SideBySide => 0,
    };
    let ops = hunks::edits(&old_lines, &new_lines, options.likeness, horizon);
    if ops.is_empty() {
        // Side by side shows files that are alike too, as GNU's does.
        if options.style == Style::SideBySide && !options.brief {
            tree_line(out)?;
            options.columns.write(out, &old_lines, &new_lines, &ops)?;
        }
        if options.report_identical {
            writeln!(out, "Files {a} and {b} are identical")?;
        }
        return Ok(());
    }
    outcome.differ();
    if options.brief {
        writeln!(out, "Files {a} and {b} differ")?;
        return Ok(());
    }
    tree_line(out)?;
    match options.style {
        Style::Unified(context) => {
            writeln!(out, "--- {}", header(a, options.labels.first(), false))?;
            writeln!(out, "+++ {}", header(b, options.labels.get(1), false))?;
            hunks::write_unified(out, &old_lines, &new_lines, ops, context)?;
        }
        Style::Context(context) => {
            writeln!(out, "*** {}", header(a, options.labels.first(), true))?;
            writeln!(out, "--- {}", header(b, options.labels.get(1), true))?;
            hunks::write_context(out, &old_lines, &new_lines, ops, context)?;
        }
        Style::SideBySide => options.columns.write(out, &old_lines, &new_lines, &ops)?,
        Style::Normal => hunks::write_normal(out, &old_lines, &new_lines, &ops)?,
    }
    Ok(())
}

fn entries(dir: &str) -> std::io::Result<Vec<String>> {
    let mut names: Vec<String> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    Ok(names)
}

fn compare_dirs(
    a: &str,
    b: &str,
    options: &Options,
    out: &mut Output,
    outcome: &mut Outcome,
) -> Result<(), Failure> {
    let mut listed = Vec::new();
    for dir in [a, b] {
        match entries(dir) {
            Ok(names) => listed.push(names),
            Err(e) => {
                outcome.trouble(format!("{dir}: {}", describe_io_error(&e)));
                return Ok(());
            }
        }
    }
    let (names_b, names_a) = (
        listed.pop().unwrap_or_default(),
        listed.pop().unwrap_or_default(),
    );
    let mut all: Vec<&String> = names_a.iter().chain(names_b.iter()).collect();
    all.sort();
    all.dedup();
    for name in all {
        let (pa, pb) = (format!("{a}/{name}"), format!("{b}/{name}"));
        let (in_a, in_b) = (names_a.contains(name), names_b.contains(name));
        if !(options.new_file || in_a && in_b) {
            outcome.differ();
            writeln!(out, "Only in {}: {name}", if in_a { a } else { b })?;
            continue;
        }
        let (dir_a, dir_b) = (Path::new(&pa).is_dir(), Path::new(&pb).is_dir());
        match (dir_a, dir_b) {
            (true, true) if options.recursive => compare_dirs(&pa, &pb, options, out, outcome)?,
            (true, true) => writeln!(out, "Common subdirectories: {pa} and {pb}")?,
            (false, false) => compare_files(&pa, &pb, true, options, out, outcome)?,
            _ if !(in_a && in_b) && options.recursive => {
                // -N: a file on one side only is compared with nothing; a directory is not.
                if dir_a || dir_b {
                    writeln!(out, "Only in {}: {name}", if in_a { a } else { b })?;
                    outcome.differ();
                } else {
                    compare_files(&pa, &pb, true, options, out, outcome)?;
                }
            }
            _ => {
                outcome.differ();
                let kind = |d| if d { "directory" } else { "regular file" };
                writeln!(
                    out,
                    "File {pa} is a {} while file {pb} is a {}",
                    kind(dir_a),
                    kind(dir_b)
                )?;
            }
        }
    }
    Ok(())
}

/// The NUM of `-C`, `-U`, `--context` and `--unified`.
fn context_length(text: &str) -> Result<usize, Failure> {
    text.parse()
        .map_err(|_| Failure::Usage(format!("invalid context length '{text}'")))
}

/// The options as typed (each with its value), for the `diff -r` line: every argument
/// but the operands, in order, as GNU's diff shows them.
fn switches(raw: &[String], operands: &[String]) -> String {
    let mut shown = String::new();
    let mut operands = operands.iter().peekable();
    let mut value_follows = false;
    for arg in raw {
        if !value_follows && operands.peek() == Some(&arg) {
            operands.next();
            continue;
        }
        shown.push(' ');
        shown.push_str(arg);
        value_follows = matches!(
            arg.as_str(),
            "-C" | "-U" | "-W" | "--label" | "--width" | "--tabsize"
        );
    }
    shown
}

/// A width or tab size: a number above 0.
fn positive(text: &str, what: &str) -> Result<usize, Failure> {
    text.parse()
        .ok()
        .filter(|&n| n > 0)
        .ok_or_else(|| Failure::Usage(format!("invalid {what} '{text}'")))
}

/// The output formats; with a number, the lines of context.
#[derive(Clone, Copy, PartialEq)]
enum Style {
    Normal,
    Unified(usize),
    Context(usize),
    SideBySide,
}

impl Options {
    /// Takes the format an option names: a later one of the same kind replaces it, one of
    /// another kind is refused, as GNU's diff refuses `-c -u`.
    fn choose(&mut self, style: Style) -> Result<(), Failure> {
        if std::mem::discriminant(&self.style) != std::mem::discriminant(&style)
            && self.style != Style::Normal
        {
            return Err(Failure::Usage("conflicting output style options".into()));
        }
        self.style = style;
        Ok(())
    }
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut options = Options {
            brief: false,
            report_identical: false,
            style: Style::Normal,
            columns: side_by_side::SideBySide {
                width: 130,
                tab_size: 8,
                left_column: false,
                suppress_common: false,
            },
            recursive: false,
            new_file: false,
            text: false,
            likeness: Likeness::default(),
            labels: Vec::new(),
            switches: String::new(),
        };
        let raw: Vec<String> = std::env::args().skip(1).collect();
        let mut operands = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('q') | Arg::Long("brief") => options.brief = true,
                Arg::Short('s') | Arg::Long("report-identical-files") => {
                    options.report_identical = true
                }
                Arg::Short('u') => options.choose(Style::Unified(3))?,
                Arg::Short('c') => options.choose(Style::Context(3))?,
                Arg::Short('C') => {
                    options.choose(Style::Context(context_length(&args.value()?)?))?
                }
                Arg::Long("context") => {
                    let n = match args.optional_value() {
                        Some(text) => context_length(&text)?,
                        None => 3,
                    };
                    options.choose(Style::Context(n))?;
                }
                Arg::Short('U') => {
                    options.choose(Style::Unified(context_length(&args.value()?)?))?
                }
                Arg::Long("unified") => {
                    let n = match args.optional_value() {
                        Some(text) => context_length(&text)?,
                        None => 3,
                    };
                    options.choose(Style::Unified(n))?;
                }
                Arg::Short('y') | Arg::Long("side-by-side") => options.choose(Style::SideBySide)?,
                Arg::Short('W') | Arg::Long("width") => {
                    options.columns.width = positive(&args.value()?, "width")?
                }
                Arg::Long("tabsize") => {
                    options.columns.tab_size = positive(&args.value()?, "tabsize")?
                }
                Arg::Long("left-column") => options.columns.left_column = true,
                Arg::Long("suppress-common-lines") => options.columns.suppress_common = true,
                Arg::Short('r') | Arg::Long("recursive") => options.recursive = true,
                Arg::Short('N') | Arg::Long("new-file") => options.new_file = true,
                Arg::Short('a') | Arg::Long("text") => options.text = true,
                Arg::Short('i') | Arg::Long("ignore-case") => options.likeness.ignore_case = true,
                Arg::Short('b') | Arg::Long("ignore-space-change") => {
                    options.likeness.ignore_space_change = true
                }
                Arg::Short('w') | Arg::Long("ignore-all-space") => {
                    options.likeness.ignore_all_space = true
                }
                Arg::Short('B') | Arg::Long("ignore-blank-lines") => {
                    options.likeness.ignore_blank_lines = true
                }
                Arg::Long("label") => options.labels.push(args.value()?),
                Arg::Value(v) => operands.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        options.switches = switches(&raw, &operands);
        let (a, b) = match operands.as_slice() {
            [a, b] => (a.clone(), b.clone()),
            [] => return Err(Failure::Usage("missing operand after 'diff'".into())),
            [a] => return Err(Failure::Usage(format!("missing operand after '{a}'"))),
            [_, _, extra, ..] => return Err(Failure::Usage(format!("extra operand '{extra}'"))),
        };
        let mut outcome = Outcome(0);
        let is_dir = |p: &str| p != "-" && Path::new(p).is_dir();
        match (is_dir(&a), is_dir(&b)) {
            (true, true) => compare_dirs(&a, &b, &options, out, &mut outcome)?,
            (true, false) => {
                let inside = format!(
                    "{a}/{}",
                    Path::new(&b)
                        .file_name()
                        .map_or(String::new(), |n| n.to_string_lossy().into_owned())
                );
                compare_files(&inside, &b, false, &options, out, &mut outcome)?;
            }
            (false, true) => {
                let inside = format!(
                    "{b}/{}",
                    Path::new(&a)
                        .file_name()
                        .map_or(String::new(), |n| n.to_string_lossy().into_owned())
                );
                compare_files(&a, &inside, false, &options, out, &mut outcome)?;
            }
            (false, false) => compare_files(&a, &b, false, &options, out, &mut outcome)?,
        }
        Ok(outcome.0)
    })
}
