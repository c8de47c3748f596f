//! zip: package and compress files into a zip archive, with Info-ZIP zip 3.0's command
//! line, messages and statuses.

use std::io::{Read, Write};
use wasmix_common::{Failure, Output, Program, describe_io_error, filemode, note};
use wasmix_zip::{Archive, Entry, NewMember, Writer};

const HELP: &str = "\
zip (wasmix): package and compress (archive) files. Usage:
zip [-options] zipfile list [-x list]
  The default action is to add or replace zipfile entries from list.
  A zipfile of - writes the archive to standard output.
  -u   update: only changed or new files
  -d   delete entries in zipfile    -m   move into zipfile (delete OS files)
  -r   recurse into directories     -j   junk (don't record) directory names
  -0   store only                   -1   compress faster
  -9   compress better              -q   quiet operation
  -@   read names from stdin        -x   exclude the following names
  -D   do not add directory entries -T   test zipfile integrity
";

static PROGRAM: Program = Program::new("zip", HELP);

/// Info-ZIP's statuses: 12 "nothing to do", 18 "can't open a file", 15 "can't create".
const NOTHING_TO_DO: u8 = 12;

#[derive(Default)]
struct Options {
    recurse: bool,
    junk_paths: bool,
    no_dir_entries: bool,
    quiet: bool,
    delete: bool,
    move_files: bool,
    update: bool,
    test: bool,
    names_from_stdin: bool,
    level: Option<u32>,
    excludes: Vec<glob::Pattern>,
    zipfile: Option<String>,
    names: Vec<String>,
}

fn parse() -> Result<Options, Failure> {
    let mut options = Options::default();
    let mut excluding = false;
    let mut options_done = false;
    for arg in std::env::args().skip(1) {
        if !options_done && arg == "--" {
            options_done = true;
        } else if !options_done && arg.starts_with('-') && arg.len() > 1 {
            excluding = false;
            if arg == "--help" || arg == "-h" {
                return Err(Failure::Status(help()));
            }
            for flag in arg[1..].chars() {
                match flag {
                    'r' => options.recurse = true,
                    'j' => options.junk_paths = true,
                    'D' => options.no_dir_entries = true,
                    'q' => options.quiet = true,
                    'd' => options.delete = true,
                    'm' => options.move_files = true,
                    'u' => options.update = true,
                    'T' => options.test = true,
                    '@' => options.names_from_stdin = true,
                    'x' => excluding = true,
                    '0'..='9' => options.level = flag.to_digit(10),
                    other => {
                        note!(
                            "zip error: Invalid command arguments (short option '{other}' not supported)"
                        );
                        return Err(Failure::Status(16));
                    }
                }
            }
        } else if excluding {
            let pattern = glob::Pattern::new(&arg).map_err(|e| Failure::Fatal(e.to_string()))?;
            options.excludes.push(pattern);
        } else if options.zipfile.is_none() {
            options.zipfile = Some(with_zip_suffix(arg));
        } else {
            options.names.push(arg);
        }
    }
    Ok(options)
}

fn help() -> u8 {
    let _ = std::io::stdout().write_all(HELP.as_bytes());
    0
}

/// zip's rule for the archive's name: `.zip` is added when the name has no suffix.
fn with_zip_suffix(name: String) -> String {
    let last = name.rsplit('/').next().unwrap_or(&name);
    if name == "-" || last.contains('.') {
        name
    } else {
        format!("{name}.zip")
    }
}

/// zip's warnings, which `-q` silences.
fn zip_warning(quiet: bool, line: std::fmt::Arguments) {
    if !quiet {
        note!("\tzip warning: {line}");
    }
}

/// Info-ZIP's percentage of space saved, rounded as zip rounds it.
fn percent(size: u64, packed: u64) -> u64 {
    if size <= packed {
        return 0;
    }
    1 + (200 * (size - packed) / size).saturating_sub(1) / 2
}

/// A name on the command line as the archive records it.
fn stored_name(path: &str, options: &Options, is_dir: bool) -> String {
    let mut name = path.trim_start_matches('/');
    while let Some(rest) = name.strip_prefix("./") {
        name = rest.trim_start_matches('/');
    }
    let name = match options.junk_paths {
        true => name.rsplit('/').next().unwrap_or(name),
        false => name,
    };
    let name = name.trim_end_matches('/');
    match is_dir {
        true => format!("{name}/"),
        false => name.to_string(),
    }
}

/// A file to go into the archive: its path on disk and the name it is stored under.
struct Found {
    path: String,
    name: String,
    is_dir: bool,
}

/// The files a name on the command line stands for: itself, and with `-r` all below it.
fn collect(path: &str, options: &Options, found: &mut Vec<Found>) -> std::io::Result<()> {
    let meta = std::fs::metadata(path)?;
    let is_dir = meta.is_dir();
    let name = stored_name(path, options, is_dir);
    let skip = (is_dir && (options.no_dir_entries || options.junk_paths))
        || matches!(name.as_str(), "/" | "./" | "")
        || options.excludes.iter().any(|p| p.matches(&name));
    if !skip {
        found.push(Found {
            path: path.to_string(),
            name,
            is_dir,
        });
    }
    if is_dir && options.recurse {
        // In the directory's own order, as zip walks it.
        let children: Vec<String> = std::fs::read_dir(path)?
            .filter_map(|entry| entry.ok())
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .collect();
        for child in children {
            let child_path = match path.ends_with('/') {
                true => format!("{path}{child}"),
                false => format!("{path}/{child}"),
            };
            collect(&child_path, options, found)?;
        }
    }
    Ok(())
}

fn member_of(found: &Found) -> std::io::Result<(Vec<u8>, i64, u32)> {
    let meta = std::fs::metadata(&found.path)?;
    // Sizes past 4 GiB need Zip64's records, which this zip does not write.
    if meta.len() >= u64::from(u32::MAX) {
        return Err(std::io::Error::other("file too large (over 4 GiB)"));
    }
    let data = match found.is_dir {
        true => Vec::new(),
        false => std::fs::read(&found.path)?,
    };
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs() as i64);
    let kind = if found.is_dir { 0o040000 } else { 0o100000 };
    Ok((
        data,
        mtime,
        kind | filemode::permissions(&found.path, &meta),
    ))
}

fn run(options: Options, out: &mut Output) -> Result<u8, Failure> {
    let Some(zipfile) = options.zipfile.clone() else {
        return Ok(help());
    };
    let to_stdout = zipfile == "-";
    let old_bytes = match to_stdout {
        true => Vec::new(),
        false => match std::fs::read(&zipfile) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => {
                return Err(Failure::Fatal(format!(
                    "{zipfile}: {}",
                    describe_io_error(&e)
                )));
            }
        },
    };
    let invalid = || {
        note!("\nzip error: Zip file structure invalid ({zipfile})");
        Failure::Status(3)
    };
    let mut archive = match old_bytes.is_empty() {
        true => None,
        false => Some(Archive::open(&old_bytes).map_err(|_| invalid())?),
    };
    let mut old = match &mut archive {
        Some(archive) => archive.entries().map_err(|_| invalid())?,
        None => Vec::new(),
    };
    let mut names = options.names.clone();
    if options.names_from_stdin {
        let mut text = String::new();
        let _ = std::io::stdin().read_to_string(&mut text);
        names.extend(text.lines().filter(|l| !l.is_empty()).map(str::to_string));
    }
    let nothing_to_do = || {
        note!("\nzip error: Nothing to do! ({zipfile})");
        Failure::Status(NOTHING_TO_DO)
    };

    if options.delete {
        let patterns: Vec<glob::Pattern> = (names.iter())
            .filter_map(|n| glob::Pattern::new(n).ok())
            .collect();
        let before = old.len();
        old.retain(|entry| {
            let gone = patterns.iter().any(|p| p.matches(&entry.name));
            if gone && !options.quiet {
                let _ = writeln!(out, "deleting: {}", entry.name);
            }
            !gone
        });
        let _ = out.flush();
        if old.len() == before {
            for name in &names {
                zip_warning(options.quiet, format_args!("name not matched: {name}"));
            }
            return Err(nothing_to_do());
        }
        let mut writer = Writer::default();
        let empty = old.is_empty();
        for entry in old {
            keep(&mut writer, &mut archive, &entry)?;
        }
        if empty {
            zip_warning(options.quiet, format_args!("zip file empty"));
        }
        return save(&zipfile, finished(writer)?, out).map(|()| 0);
    }

    let mut found = Vec::new();
    for name in &names {
        if let Err(e) = collect(name, &options, &mut found) {
            match e.kind() {
                std::io::ErrorKind::NotFound => {
                    zip_warning(options.quiet, format_args!("name not matched: {name}"))
                }
                _ => zip_warning(
                    options.quiet,
                    format_args!("{name}: {}", describe_io_error(&e)),
                ),
            }
        }
    }
    found.retain(|f| f.path != zipfile);
    if found.is_empty() && old.is_empty() {
        return Err(nothing_to_do());
    }
    let level = options.level.unwrap_or(6);
    let mut writer = Writer::default();
    let mut added = Vec::new();
    // Members already in the archive keep their place; new ones follow in the order found.
    let mut pending: Vec<Option<Found>> = found.into_iter().map(Some).collect();
    let mut entries = Vec::new();
    for entry in old {
        let replacement = pending
            .iter_mut()
            .find(|f| f.as_ref().is_some_and(|f| f.name == entry.name));
        match replacement {
            Some(slot) => {
                let found = slot.take().unwrap_or_else(|| unreachable!());
                entries.push((Some(entry), Some(found)));
            }
            None => entries.push((Some(entry), None)),
        }
    }
    entries.extend(pending.into_iter().flatten().map(|f| (None, Some(f))));
    for (existing, found) in entries {
        let Some(found) = found else {
            if let Some(entry) = existing {
                keep(&mut writer, &mut archive, &entry)?;
            }
            continue;
        };
        let (data, mtime, mode) = match member_of(&found) {
            Ok(member) => member,
            Err(e) => {
                let why = describe_io_error(&e);
                zip_warning(options.quiet, format_args!("{}: {why}", found.path));
                if let Some(entry) = existing {
                    keep(&mut writer, &mut archive, &entry)?;
                }
                continue;
            }
        };
        let verb = if existing.is_some() {
            "updating"
        } else {
            "  adding"
        };
        if let Some(entry) = existing
            && options.update
            && mtime <= entry.mtime
        {
            keep(&mut writer, &mut archive, &entry)?;
            continue;
        }
        let (deflated, packed) = writer
            .add(&NewMember {
                name: &found.name,
                data: &data,
                mtime,
                mode,
                level,
            })
            .map_err(|e| Failure::Fatal(format!("{}: {e:?}", found.name)))?;
        if !options.quiet {
            let how = match deflated {
                true => format!("deflated {}%", percent(data.len() as u64, packed)),
                false => "stored 0%".to_string(),
            };
            let line = format!("{verb}: {} ({how})", found.name);
            // With the archive on stdout, the listing moves to stderr.
            if to_stdout {
                note!("{line}");
            } else {
                let _ = writeln!(out, "{line}");
            }
        }
        added.push(found);
    }
    let bytes = finished(writer)?;
    if options.test && is_whole(&bytes) {
        let _ = writeln!(out, "test of {zipfile} OK");
    }
    save(&zipfile, bytes, out)?;
    if options.move_files {
        for found in added.iter().rev() {
            let _ = match found.is_dir {
                true => std::fs::remove_dir(&found.path),
                false => std::fs::remove_file(&found.path),
            };
        }
    }
    Ok(0)
}

/// Copies a member of the old archive into the new one as it is.
fn keep(writer: &mut Writer, archive: &mut Option<Archive>, entry: &Entry) -> Result<(), Failure> {
    match archive {
        Some(archive) => writer.copy(archive, entry).map_err(|_| Failure::Status(3)),
        None => Ok(()),
    }
}

fn finished(writer: Writer) -> Result<Vec<u8>, Failure> {
    writer
        .finish()
        .map_err(|e| Failure::Fatal(format!("cannot finish the archive: {e:?}")))
}

/// `-T`: whether every member of the archive reads back whole.
fn is_whole(bytes: &[u8]) -> bool {
    let Ok(mut archive) = Archive::open(bytes) else {
        return false;
    };
    let Ok(entries) = archive.entries() else {
        return false;
    };
    entries.iter().all(|e| archive.contents(e).is_ok())
}

fn save(zipfile: &str, bytes: Vec<u8>, out: &mut Output) -> Result<(), Failure> {
    if zipfile == "-" {
        return out.write_all(&bytes).map_err(|_| Failure::Status(1));
    }
    std::fs::write(zipfile, bytes).map_err(|e| {
        note!("\nzip I/O error: {}", describe_io_error(&e));
        note!("\nzip error: Could not create output file ({zipfile})");
        Failure::Status(15)
    })
}

fn main() {
    // zip reads its own command line: options may follow the archive's name, and `-x`
    // takes the names after it.
    PROGRAM.run(|_, out| run(parse()?, out))
}
