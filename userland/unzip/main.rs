//! unzip: list, test and extract members of a zip archive, with Info-ZIP unzip 6.0's
//! command line, messages and statuses.

use std::io::{BufRead, Write};
use std::path::Path;
use wasmix_common::{Failure, Output, Program, describe_io_error, note, wasi_fs};
use wasmix_zip::{Archive, Entry, Error};

const HELP: &str = "\
UnZip (wasmix): list, test and extract compressed files in a ZIP archive.

Usage: unzip [-opts[modifiers]] file[.zip] [list] [-x xlist] [-d exdir]
  Default action is to extract files in list, except those in xlist, to exdir.

  -p  extract files to pipe, no messages     -l  list files (short format)
  -c  extract files to stdout, with names    -t  test compressed archive data
  -v  list verbosely (methods, sizes, CRCs)
  -x  exclude files that follow (in xlist)   -d  extract files into exdir
modifiers:
  -n  never overwrite existing files         -q  quiet mode (-qq => quieter)
  -o  overwrite files WITHOUT prompting      -j  junk paths (do not make directories)
";

static PROGRAM: Program = Program::new("unzip", HELP);

/// unzip's statuses: 1 a warning, 2 a damaged member, 9 no archive, 10 bad options,
/// 11 a name in the list matched nothing.
const WARNING: u8 = 1;
const DAMAGED: u8 = 2;
const NOT_FOUND: u8 = 9;
const BAD_OPTIONS: u8 = 10;
const NO_MATCH: u8 = 11;

#[derive(Clone, Copy, PartialEq, Default)]
enum Mode {
    #[default]
    Extract,
    List,
    Verbose,
    Test,
    Pipe,
    Show,
}

#[derive(Clone, Copy, PartialEq)]
enum Overwrite {
    Ask,
    Always,
    Never,
    /// The question met the end of the input: none replaced, and unzip ends with a warning.
    NoAnswer,
}

struct Options {
    mode: Mode,
    overwrite: Overwrite,
    quiet: u8,
    junk_paths: bool,
    directory: Option<String>,
    zipfile: Option<String>,
    include: Vec<glob::Pattern>,
    exclude: Vec<glob::Pattern>,
    names: Vec<String>,
}

fn parse() -> Result<Options, Failure> {
    let mut options = Options {
        mode: Mode::Extract,
        overwrite: Overwrite::Ask,
        quiet: 0,
        junk_paths: false,
        directory: None,
        zipfile: None,
        include: Vec::new(),
        exclude: Vec::new(),
        names: Vec::new(),
    };
    let mut args = std::env::args().skip(1);
    let mut excluding = false;
    while let Some(arg) = args.next() {
        if arg.starts_with('-') && arg.len() > 1 {
            excluding = false;
            if arg == "--help" {
                return Err(Failure::Status(help()));
            }
            for flag in arg[1..].chars() {
                match flag {
                    'l' => options.mode = Mode::List,
                    'v' => options.mode = Mode::Verbose,
                    't' => options.mode = Mode::Test,
                    'p' => options.mode = Mode::Pipe,
                    'c' => options.mode = Mode::Show,
                    'o' => options.overwrite = Overwrite::Always,
                    'n' => options.overwrite = Overwrite::Never,
                    'q' => options.quiet += 1,
                    'j' => options.junk_paths = true,
                    'x' => excluding = true,
                    'd' => options.directory = args.next(),
                    _ => {
                        note!("error:  -{flag}: unknown option");
                        return Err(Failure::Status(BAD_OPTIONS));
                    }
                }
            }
        } else if options.zipfile.is_none() {
            options.zipfile = Some(arg);
        } else {
            let pattern = glob::Pattern::new(&arg).unwrap_or_else(|_| {
                glob::Pattern::new(&glob::Pattern::escape(&arg)).unwrap_or_default()
            });
            match excluding {
                true => options.exclude.push(pattern),
                false => {
                    options.include.push(pattern);
                    options.names.push(arg);
                }
            }
        }
    }
    Ok(options)
}

fn help() -> u8 {
    let _ = std::io::stdout().write_all(HELP.as_bytes());
    0
}

/// The archive's bytes: the name as given, then with `.zip` and `.ZIP` added.
fn open(name: &str) -> Result<(String, Vec<u8>), Failure> {
    for candidate in [
        name.to_string(),
        format!("{name}.zip"),
        format!("{name}.ZIP"),
    ] {
        if let Ok(bytes) = std::fs::read(&candidate) {
            return Ok((candidate, bytes));
        }
    }
    note!("unzip:  cannot find or open {name}, {name}.zip or {name}.ZIP.");
    Err(Failure::Status(NOT_FOUND))
}

fn not_a_zip(name: &str) -> Failure {
    note!(
        "  End-of-central-directory signature not found.  Either this file is not\n  \
         a zipfile, or it constitutes one disk of a multi-part archive.  In the\n  \
         latter case the central directory and zipfile comment will be found on\n  \
         the last disk(s) of this archive.\n\
         unzip:  cannot find zipfile directory in one of {name} or\n        \
         {name}.zip, and cannot find {name}.ZIP, period."
    );
    Failure::Status(NOT_FOUND)
}

/// Members are listed at their exact time (the extended-timestamp field) where the
/// archive has one, as Info-ZIP's unzip lists them, else at their DOS time.
fn list(entries: &[&Entry], options: &Options, out: &mut Output) {
    if options.quiet < 2 {
        let _ = writeln!(out, "  Length      Date    Time    Name");
        let _ = writeln!(out, "---------  ---------- -----   ----");
    }
    for entry in entries {
        let when = wasmix_zip::listed_time(entry.mtime);
        let _ = writeln!(out, "{:>9}  {when}   {}", entry.size, entry.name);
    }
    if options.quiet < 2 {
        let total: u64 = entries.iter().map(|e| e.size).sum();
        let plural = if entries.len() == 1 { "" } else { "s" };
        let _ = writeln!(out, "---------                     -------");
        let _ = writeln!(
            out,
            "{total:>9}                     {} file{plural}",
            entries.len()
        );
    }
}

/// unzip's compression factor: the space saved, in per cent rounded as unzip rounds it.
fn factor(size: u64, compressed: u64) -> String {
    if size == 0 {
        return "0%".into();
    }
    let (saved, sign) = match size >= compressed {
        true => (size - compressed, ""),
        false => (compressed - size, "-"),
    };
    let per_mille = match size > 2_000_000 {
        true => (saved + size / 1000 / 2) / (size / 1000),
        false => (1000 * saved + size / 2) / size,
    };
    format!("{sign}{}%", (per_mille + 5) / 10)
}

/// `unzip -v`: each member's method, sizes, factor, time and CRC.
fn list_verbosely(entries: &[&Entry], options: &Options, out: &mut Output) {
    if options.quiet < 2 {
        let _ = writeln!(
            out,
            " Length   Method    Size  Cmpr    Date    Time   CRC-32   Name"
        );
        let _ = writeln!(
            out,
            "--------  ------  ------- ---- ---------- ----- --------  ----"
        );
    }
    for entry in entries {
        let method = match entry.deflated {
            true => format!("Defl:{}", entry.deflate_option),
            false => "Stored".into(),
        };
        let _ = writeln!(
            out,
            "{:>8}  {method:<6}{:>9} {:>4} {} {:08x}  {}",
            entry.size,
            entry.compressed_size,
            factor(entry.size, entry.compressed_size),
            wasmix_zip::listed_time(entry.mtime),
            entry.crc,
            entry.name
        );
    }
    if options.quiet < 2 {
        let size: u64 = entries.iter().map(|e| e.size).sum();
        let compressed: u64 = entries.iter().map(|e| e.compressed_size).sum();
        let plural = if entries.len() == 1 { "" } else { "s" };
        let _ = writeln!(
            out,
            "--------          -------  ---                            -------"
        );
        let _ = writeln!(
            out,
            "{size:>8}          {compressed:>7} {:>4}                            {} file{plural}",
            factor(size, compressed),
            entries.len()
        );
    }
}

/// Where a member goes: under `-d`'s directory, without its directories under `-j`, and
/// never above the directory (leading `/` and `..` components are dropped, as unzip does).
fn target(entry: &Entry, options: &Options) -> String {
    let parts: Vec<&str> = (entry.name.split('/'))
        .filter(|part| !part.is_empty() && *part != "." && *part != "..")
        .collect();
    let name = match options.junk_paths {
        true => parts.last().copied().unwrap_or_default().to_string(),
        false => parts.join("/"),
    };
    match &options.directory {
        Some(dir) => format!("{}/{name}", dir.trim_end_matches('/')),
        None => name,
    }
}

/// Asks whether to replace a file that exists, as unzip asks; an answer of A or N holds
/// for the rest of the archive.
fn may_replace(path: &str, overwrite: &mut Overwrite) -> bool {
    match *overwrite {
        Overwrite::Always => return true,
        Overwrite::Never | Overwrite::NoAnswer => return false,
        Overwrite::Ask => {}
    }
    let mut stderr = std::io::stderr();
    let _ = write!(
        stderr,
        "replace {path}? [y]es, [n]o, [A]ll, [N]one, [r]ename: "
    );
    let mut answer = String::new();
    if std::io::stdin().lock().read_line(&mut answer).unwrap_or(0) == 0 {
        let _ = writeln!(
            stderr,
            " NULL\n(EOF or read error, treating as \"[N]one\" ...)"
        );
        *overwrite = Overwrite::NoAnswer;
        return false;
    }
    match answer.trim_start().chars().next() {
        Some('y') => true,
        Some('A') => {
            *overwrite = Overwrite::Always;
            true
        }
        Some('N') => {
            *overwrite = Overwrite::Never;
            false
        }
        _ => false,
    }
}

fn write_file(path: &str, data: &[u8], entry: &Entry) -> std::io::Result<()> {
    if let Some(parent) = Path::new(path)
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
    {
        std::fs::create_dir_all(parent)?;
    }
    if std::fs::symlink_metadata(path).is_ok() {
        std::fs::remove_file(path)?;
    }
    std::fs::write(path, data)?;
    set_attributes(path, entry);
    Ok(())
}

fn set_attributes(path: &str, entry: &Entry) {
    let path = Path::new(path);
    if let Some(mode) = entry.mode.filter(|mode| mode & 0o777 != 0) {
        let _ = wasi_fs::set_mode(path, false, mode & 0o777);
    }
    let when = std::time::UNIX_EPOCH + std::time::Duration::from_secs(entry.mtime.max(0) as u64);
    let _ = wasi_fs::set_times(path, false, Some(when), Some(when));
}

/// The line unzip shows as it extracts, tests or shows a member.
fn action_line(verb: &str, name: &str) -> String {
    format!("{verb:>11}: {name:<22}  ")
}

fn damaged(entry: &Entry, why: &Error, out: &mut Output) {
    let text = match why {
        Error::Corrupt(what) => what.clone(),
        Error::NotZip => "not a zipfile".to_string(),
    };
    let _ = out.flush();
    note!("  error:  {text} in {}", entry.name);
}

fn run(mut options: Options, out: &mut Output) -> Result<u8, Failure> {
    let Some(name) = options.zipfile.clone() else {
        return Ok(help());
    };
    let (name, bytes) = open(&name)?;
    let opened = Archive::open(&bytes).and_then(|mut archive| {
        let entries = archive.entries()?;
        Ok((archive, entries))
    });
    let (mut archive, entries) = opened.map_err(|_| {
        if options.quiet < 2 && options.mode != Mode::Pipe {
            let _ = writeln!(out, "Archive:  {name}");
            let _ = out.flush();
        }
        not_a_zip(&name)
    })?;
    let chosen: Vec<&Entry> = (entries.iter())
        .filter(|e| {
            options.include.is_empty() || options.include.iter().any(|p| p.matches(&e.name))
        })
        .filter(|e| !options.exclude.iter().any(|p| p.matches(&e.name)))
        .collect();
    if options.mode != Mode::Pipe && options.quiet == 0 {
        let _ = writeln!(out, "Archive:  {name}");
    }
    if entries.is_empty() {
        let _ = out.flush();
        note!("warning [{name}]:  zipfile is empty");
        return Ok(WARNING);
    }
    let mut status = 0;
    match options.mode {
        Mode::List => list(&chosen, &options, out),
        Mode::Verbose => list_verbosely(&chosen, &options, out),
        _ => {
            for entry in &chosen {
                status = status.max(act_on(entry, &mut archive, &mut options, out));
            }
        }
    }
    for (pattern, text) in options.include.iter().zip(&options.names) {
        if !entries.iter().any(|e| pattern.matches(&e.name)) {
            let _ = out.flush();
            note!("caution: filename not matched:  {text}");
            status = status.max(NO_MATCH);
        }
    }
    if options.overwrite == Overwrite::NoAnswer {
        status = status.max(WARNING);
    }
    if options.mode == Mode::Test {
        match status {
            0 => {
                let _ = writeln!(out, "No errors detected in compressed data of {name}.");
            }
            _ => {
                let _ = writeln!(out, "At least one error was detected in {name}.");
            }
        }
    }
    Ok(status)
}

/// Extracts, tests, pipes or shows one member; its status.
fn act_on(entry: &Entry, archive: &mut Archive, options: &mut Options, out: &mut Output) -> u8 {
    let verb = if entry.deflated {
        "inflating"
    } else {
        "extracting"
    };
    let loud = options.quiet == 0;
    match options.mode {
        Mode::Test => {
            let result = archive.contents(entry);
            if loud {
                let _ = write!(out, "{}", action_line("testing", &entry.name));
            }
            match result {
                Ok(_) => {
                    if loud {
                        let _ = writeln!(out, " OK");
                    }
                    0
                }
                Err(why) => {
                    let _ = writeln!(out);
                    damaged(entry, &why, out);
                    DAMAGED
                }
            }
        }
        Mode::Pipe | Mode::Show => {
            if options.mode == Mode::Show && loud {
                let _ = writeln!(out, "{}", action_line(verb, &entry.name));
            }
            if entry.is_dir() {
                if options.mode == Mode::Show {
                    let _ = writeln!(out);
                }
                return 0;
            }
            match archive.contents(entry) {
                Ok(data) => {
                    let _ = out.write_all(&data);
                    if options.mode == Mode::Show {
                        let _ = writeln!(out);
                    }
                    0
                }
                Err(why) => {
                    damaged(entry, &why, out);
                    DAMAGED
                }
            }
        }
        _ => extract(entry, archive, options, out),
    }
}

fn extract(entry: &Entry, archive: &mut Archive, options: &mut Options, out: &mut Output) -> u8 {
    let path = target(entry, options);
    let loud = options.quiet == 0;
    if entry.is_dir() {
        if options.junk_paths || path.is_empty() {
            return 0;
        }
        if Path::new(&path).is_dir() {
            return 0;
        }
        if loud {
            let _ = writeln!(out, "   creating: {path}/");
        }
        if let Err(e) = std::fs::create_dir_all(&path) {
            let _ = out.flush();
            note!(
                "checkdir error:  cannot create {path}\n                 {}",
                describe_io_error(&e)
            );
            return DAMAGED;
        }
        set_attributes(&path, entry);
        return 0;
    }
    if path.is_empty() {
        return 0;
    }
    if std::fs::symlink_metadata(&path).is_ok() {
        let _ = out.flush();
        if !may_replace(&path, &mut options.overwrite) {
            return 0;
        }
    }
    let verb = if entry.deflated {
        "inflating"
    } else {
        "extracting"
    };
    if loud {
        let _ = writeln!(out, "{}", action_line(verb, &path));
    }
    match archive.contents(entry) {
        Ok(data) => match write_file(&path, &data, entry) {
            Ok(()) => 0,
            Err(e) => {
                let _ = out.flush();
                note!(
                    "error:  cannot create {path}\n        {}",
                    describe_io_error(&e)
                );
                DAMAGED
            }
        },
        Err(why) => {
            damaged(entry, &why, out);
            DAMAGED
        }
    }
}

fn main() {
    // unzip reads its own command line: `-x` takes the names after it, `-d` the next word.
    PROGRAM.run(|_, out| run(parse()?, out))
}
