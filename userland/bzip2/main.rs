//! bzip2, bunzip2, bzcat: block-sorting compression in bzip2 1.0's format (`lib.rs`,
//! which tar uses too) with bzip2's command line (flags and files in any order, the name
//! choosing the default action).

use std::io::{IsTerminal, Read, Write};
use std::path::Path;
use wasmix_bzip2::{Error, compress, decompress};
use wasmix_common::{Output, Program, describe_io_error, wasi_fs};

static PROGRAM: Program = Program::new(
    "bzip2",
    "bzip2, a block-sorting file compressor.  Version 1.0.8 (wasmix).\n\n   \
     usage: bzip2 [flags and input files in any order]\n\n   \
     -h --help           print this message\n   \
     -d --decompress     force decompression\n   \
     -z --compress       force compression\n   \
     -k --keep           keep (don't delete) input files\n   \
     -f --force          overwrite existing output files\n   \
     -t --test           test compressed file integrity\n   \
     -c --stdout         output to standard out\n   \
     -q --quiet          suppress noncritical error messages\n   \
     -v --verbose        be verbose\n   \
     -V --version        display software version\n   \
     -1 .. -9            set block size to 100k .. 900k\n   \
     --fast              alias for -1\n   \
     --best              alias for -9\n\n   \
     If invoked as `bzip2', default action is to compress.\n              \
     as `bunzip2',  default action is to decompress.\n              \
     as `bzcat', default action is to decompress to stdout.\n\n   \
     If no file names are given, bzip2 compresses or decompresses\n   \
     from standard input to standard output.  You can combine\n   \
     short flags, so `-v -4' means the same as -v4 or -4v, &c.\n",
);

/// Suffixes of compressed files, and what each becomes when decompressed.
const SUFFIXES: [(&str, &str); 4] = [
    (".bz2", ""),
    (".bz", ""),
    (".tbz2", ".tar"),
    (".tbz", ".tar"),
];

/// The width bzip2 pads names to in its verbose lines: `(stdin)` at least.
const SHORTEST_PADDED: usize = "(stdin)".len();

const RECOVER_ADVICE: &str = "You can use the `bzip2recover' program to attempt to recover\n\
                              data from undamaged sections of corrupted files.\n";

#[derive(Clone, Copy, PartialEq)]
enum Action {
    Compress,
    Decompress,
    Test,
}

struct Options {
    action: Action,
    to_stdout: bool,
    keep: bool,
    force: bool,
    quiet: bool,
    verbose: bool,
    level: u8,
    /// The longest file name given, for the verbose lines' column.
    name_width: usize,
}

/// What ended the run early: bzip2 stops at the first damaged file it decompresses.
struct Stop(u8);

fn say(message: &str) {
    let _ = write!(std::io::stderr(), "{message}");
}

/// A line of complaint, headed by the name the program was run by, as bzip2's.
fn complain(message: &str) {
    let name = wasmix_common::run_as().unwrap_or_else(|| PROGRAM.name.into());
    say(&format!("{name}: {message}\n"));
}

fn read_input(name: Option<&str>) -> std::io::Result<Vec<u8>> {
    let mut data = Vec::new();
    match name {
        Some(name) => data = wasmix_common::input::read_whole(name)?,
        None => {
            wasmix_common::input::stdin().read_to_end(&mut data)?;
        }
    }
    Ok(data)
}

/// The line `-v` prints before a file's outcome: its name, padded to the widest.
fn verbose_name(options: &Options, name: &str) {
    if options.verbose {
        let pad = options.name_width.saturating_sub(name.len());
        say(&format!("  {name}: {:pad$}", ""));
    }
}

fn compress_report(input: usize, output: usize) -> String {
    if input == 0 {
        return " no data compressed.\n".into();
    }
    let (input, output) = (input as f64, output as f64);
    format!(
        "{:6.3}:1, {:6.3} bits/byte, {:5.2}% saved, {} in, {} out.\n",
        input / output,
        8.0 * output / input,
        100.0 * (1.0 - output / input),
        input,
        output
    )
}

/// Reports a stream that could not be decompressed, as bzip2 does before it stops.
fn decompress_failure(error: Error, input: &str, target: Option<&str>) -> u8 {
    let output = target.unwrap_or("(stdout)");
    match error {
        Error::NotBzip2 => {
            complain(&format!("{input} is not a bzip2 file."));
        }
        Error::Truncated | Error::Corrupt => {
            let what = if error == Error::Truncated {
                "Compressed file ends unexpectedly;\n\tperhaps it is corrupted?  *Possible* reason follows."
            } else {
                "Data integrity error when decompressing."
            };
            let name = wasmix_common::run_as().unwrap_or_else(|| PROGRAM.name.into());
            say(&format!(
                "\n{name}: {what}\n\tInput file = {input}, output file = {output}\n\n\
                 It is possible that the compressed file(s) have become corrupted.\n\
                 You can use the -tvv option to test integrity of such files.\n\n\
                 {RECOVER_ADVICE}\n"
            ));
            if let Some(target) = target {
                complain(&format!("Deleting output file {target}, if it exists."));
            }
        }
    }
    2
}

/// Where a decompressed file goes: its name without the suffix, or with `.out`.
fn decompressed_name(name: &str, quiet: bool) -> String {
    for (suffix, replacement) in SUFFIXES {
        if let Some(stem) = name.strip_suffix(suffix)
            && !stem.is_empty()
        {
            return format!("{stem}{replacement}");
        }
    }
    if !quiet {
        complain(&format!(
            "Can't guess original name for {name} -- using {name}.out"
        ));
    }
    format!("{name}.out")
}

/// One operand (or standard input when `name` is None). Returns its exit status.
fn process(options: &Options, name: Option<&str>, out: &mut Output) -> Result<u8, Stop> {
    let shown = name.unwrap_or("(stdin)");
    if let Some(name) = name {
        match std::fs::metadata(name) {
            Err(e) => {
                complain(&format!(
                    "Can't open input file {name}: {}.",
                    describe_io_error(&e)
                ));
                return Ok(1);
            }
            Ok(meta) if meta.is_dir() => {
                complain(&format!("Input file {name} is a directory."));
                return Ok(1);
            }
            Ok(_) => {}
        }
        if options.action == Action::Compress
            && !options.to_stdout
            && let Some((suffix, _)) = SUFFIXES.iter().find(|(s, _)| name.ends_with(s))
        {
            if !options.quiet {
                complain(&format!("Input file {name} already has {suffix} suffix."));
            }
            return Ok(1);
        }
    }
    let target = match (name, options.action, options.to_stdout) {
        (Some(name), Action::Compress, false) => Some(format!("{name}.bz2")),
        (Some(name), Action::Decompress, false) => Some(decompressed_name(name, options.quiet)),
        _ => None,
    };
    if let Some(target) = &target
        && Path::new(target).symlink_metadata().is_ok()
    {
        if !options.force {
            complain(&format!("Output file {target} already exists."));
            return Ok(1);
        }
        let _ = std::fs::remove_file(target);
    }
    let data = match read_input(name) {
        Ok(data) => data,
        Err(e) => {
            complain(&format!(
                "Can't open input file {shown}: {}.",
                describe_io_error(&e)
            ));
            return Ok(1);
        }
    };
    verbose_name(options, shown);
    let produced = match options.action {
        Action::Compress => {
            let produced = compress(&data, options.level);
            if options.verbose {
                say(&compress_report(data.len(), produced.len()));
            }
            produced
        }
        Action::Decompress | Action::Test => {
            let done = decompress(&data);
            match done.outcome {
                Ok(trailing_garbage) => {
                    if trailing_garbage && !options.quiet {
                        say("\n");
                        complain(&format!("{shown}: trailing garbage after EOF ignored"));
                    }
                    if options.verbose {
                        say(if options.action == Action::Test {
                            "ok\n"
                        } else {
                            "done\n"
                        });
                    }
                    done.data
                }
                Err(error) if options.action == Action::Test => {
                    let why = match error {
                        Error::NotBzip2 => "bad magic number (file not created by bzip2)",
                        Error::Truncated => "file ends unexpectedly",
                        Error::Corrupt => "data integrity (CRC) error in data",
                    };
                    if options.verbose {
                        say(&format!("{why}\n"));
                    } else {
                        complain(&format!("{shown}: {why}"));
                    }
                    return Ok(2);
                }
                // Forced, a file that is not bzip2 data passes through unchanged, as
                // bzip2 passes it (standard input it cannot read again: nothing).
                Err(Error::NotBzip2) if options.force => {
                    if name.is_none() {
                        return Ok(0);
                    }
                    data
                }
                Err(error) => {
                    // What was read before the damage is written, as bzip2 writes it.
                    if target.is_none() {
                        let _ = out.write_all(&done.data);
                        let _ = out.flush();
                    }
                    let status = decompress_failure(error, shown, target.as_deref());
                    return if error == Error::NotBzip2 {
                        Ok(status)
                    } else {
                        Err(Stop(status))
                    };
                }
            }
        }
    };
    if options.action == Action::Test {
        return Ok(0);
    }
    let Some(target) = target else {
        let _ = out.write_all(&produced);
        return Ok(0);
    };
    if let Err(e) = std::fs::write(&target, &produced) {
        complain(&format!(
            "Can't create output file {target}: {}.",
            describe_io_error(&e)
        ));
        return Ok(1);
    }
    let source = name.unwrap_or_default();
    if let Ok(meta) = std::fs::metadata(source) {
        wasi_fs::copy_mode_and_times(Path::new(source), &meta, Path::new(&target));
    }
    if !options.keep {
        let _ = std::fs::remove_file(source);
    }
    Ok(0)
}

/// The long flags, and the short one each means.
const LONG_FLAGS: [(&str, char); 14] = [
    ("stdout", 'c'),
    ("decompress", 'd'),
    ("compress", 'z'),
    ("force", 'f'),
    ("test", 't'),
    ("keep", 'k'),
    ("small", 's'),
    ("quiet", 'q'),
    ("verbose", 'v'),
    ("fast", '1'),
    ("best", '9'),
    ("help", 'h'),
    ("version", 'V'),
    ("license", 'L'),
];

/// Sets what a short flag says: false for one bzip2 does not know; the status to end
/// with for one that ends the run (`-h`, `-V`).
fn apply(flag: char, options: &mut Options) -> Result<bool, u8> {
    match flag {
        'c' => options.to_stdout = true,
        'd' => options.action = Action::Decompress,
        'z' => options.action = Action::Compress,
        'f' => options.force = true,
        't' => options.action = Action::Test,
        'k' => options.keep = true,
        // Less memory, for bzip2: the same here.
        's' => {}
        'q' => options.quiet = true,
        'v' => options.verbose = true,
        '1'..='9' => options.level = flag as u8 - b'0',
        'h' => return Err(help(0)),
        'L' | 'V' => return Err(version()),
        _ => return Ok(false),
    }
    Ok(true)
}

/// The flags (anywhere before `--`) and the files, as bzip2 reads its command line.
fn parse(arguments: &[String], options: &mut Options) -> Result<Vec<String>, u8> {
    let mut files = Vec::new();
    let mut flags_end = false;
    for argument in arguments {
        if flags_end || !argument.starts_with('-') || argument == "-" {
            files.push(argument.clone());
            continue;
        }
        if argument == "--" {
            flags_end = true;
            continue;
        }
        if let Some(long) = argument.strip_prefix("--") {
            let Some((_, flag)) = LONG_FLAGS.iter().find(|(name, _)| *name == long) else {
                complain(&format!("Bad flag `{argument}'"));
                return Err(help(1));
            };
            apply(*flag, options)?;
            continue;
        }
        for flag in argument.chars().skip(1) {
            if !apply(flag, options)? {
                complain(&format!("Bad flag `{argument}'"));
                return Err(help(1));
            }
        }
    }
    Ok(files)
}

/// The help text, on stderr as bzip2 writes it; returns `status`.
fn help(status: u8) -> u8 {
    say(PROGRAM.help);
    status
}

fn version() -> u8 {
    say(&format!(
        "bzip2, a block-sorting file compressor.  Version 1.0.8 (wasmix {}).\n",
        env!("CARGO_PKG_VERSION")
    ));
    0
}

fn main() {
    PROGRAM.run(|_, out| {
        let run_as = wasmix_common::run_as().unwrap_or_default();
        let mut options = Options {
            action: Action::Compress,
            to_stdout: false,
            keep: false,
            force: false,
            quiet: false,
            verbose: false,
            level: 9,
            name_width: SHORTEST_PADDED,
        };
        if run_as.contains("unzip") || run_as.contains("UNZIP") {
            options.action = Action::Decompress;
        }
        if run_as.contains("z2cat") || run_as.contains("Z2CAT") || run_as.contains("zcat") {
            options.action = Action::Decompress;
            options.to_stdout = true;
        }
        let arguments: Vec<String> = std::env::args().skip(1).collect();
        let files = match parse(&arguments, &mut options) {
            Ok(files) => files,
            Err(status) => return Ok(status),
        };
        options.name_width = files
            .iter()
            .map(String::len)
            .fold(SHORTEST_PADDED, usize::max);
        let from_stdin = files.is_empty() || files.iter().all(|f| f == "-");
        if from_stdin {
            options.to_stdout = true;
        }
        let writes_data = options.to_stdout && options.action == Action::Compress;
        if writes_data && std::io::stdout().is_terminal() {
            complain("I won't write compressed data to a terminal.");
            complain("For help, type: `bzip2 --help'.");
            return Ok(1);
        }
        if from_stdin && options.action != Action::Compress && std::io::stdin().is_terminal() {
            complain("I won't read compressed data from a terminal.");
            complain("For help, type: `bzip2 --help'.");
            return Ok(1);
        }
        let mut status = 0;
        let operands: Vec<Option<&str>> = if files.is_empty() {
            vec![None]
        } else {
            files
                .iter()
                .map(|f| (f != "-").then_some(f.as_str()))
                .collect()
        };
        let mut tests_failed = false;
        for operand in operands {
            match process(&options, operand, out) {
                Ok(file_status) => {
                    tests_failed |= options.action == Action::Test && file_status == 2;
                    status = status.max(file_status);
                }
                Err(Stop(stop)) => {
                    let _ = out.flush();
                    return Ok(stop);
                }
            }
        }
        if tests_failed {
            say(&format!("\n{RECOVER_ADVICE}\n"));
        }
        Ok(status)
    })
}
