//! tar: create, list and extract archives (GNU's format, through the `tar` crate; `-z`
//! and `-j` in `compress.rs`). The crate writes and reads the records; the files are
//! read and made here, since wasmix has no owners and keeps no modes.

mod compress;
mod exclude;
mod extract;

use std::collections::HashMap;
use std::fs;
use std::io::{self, Read, Write};
use std::path::Path;
use wasmix_common::filemode::permissions;
use wasmix_common::wasi_fs::{EntryKind, list_dir};
use wasmix_common::{Arg, Args, Failure, Program, datetime, describe_io_error};

pub static PROGRAM: Program = Program {
    usage_status: 2,
    failure_status: 2,
    ..Program::new(
        "tar",
        "Usage: tar [OPTION...] [FILE]...\n\
         Save files into an archive, list an archive, or take files out of one.\n\n\
         Examples:\n  \
         tar -cf archive.tar foo bar  # Create archive.tar from files foo and bar.\n  \
         tar -tvf archive.tar         # List all files in archive.tar verbosely.\n  \
         tar -xf archive.tar          # Extract all files from archive.tar.\n\n \
         Main operation mode:\n  \
         -c, --create               create a new archive\n  \
         -t, --list                 list the contents of an archive\n  \
         -x, --extract, --get       extract files from an archive\n\n \
         Options:\n  \
         -C, --directory=DIR        change to directory DIR\n      \
         --exclude=PATTERN      exclude files matching PATTERN, a shell wildcard\n  \
         -X, --exclude-from=FILE    exclude the patterns listed in FILE, one a line\n  \
         -f, --file=ARCHIVE         use archive file ARCHIVE (- is standard input or output)\n  \
         -k, --keep-old-files       don't replace existing files when extracting\n  \
         -O, --to-stdout            extract files to standard output\n      \
         --overwrite            overwrite existing files when extracting (write into\n                             \
         them; by default they are unlinked first)\n  \
         -U, --unlink-first         remove each file prior to extracting over it\n  \
         -p, --preserve-permissions, --same-permissions\n                             \
         extract modes as archived, not less the umask\n      \
             --no-same-permissions  less the umask (the default: wasmix's user is not root)\n      \
         --strip-components=NUMBER   strip NUMBER leading components from file names\n      \
         --owner=NAME[:UID]     force NAME as owner for added files\n      \
         --show-transformed-names  show names as --strip-components makes them\n  \
         -I, --use-compress-program=PROG  filter through PROG (gzip or bzip2)\n      \
         --group=NAME[:GID]     force NAME as group for added files\n      \
         --mtime=DATE           set mtime for added files from DATE\n  \
         -v, --verbose              verbosely list files processed\n  \
         -j, --bzip2                filter the archive through bzip2\n  \
         -z, --gzip                 filter the archive through gzip\n      \
         --help        display this help and exit\n      \
         --version     output version information and exit\n\n\
         The first argument may be the options' letters without a dash (tar czf x.tgz dir).\n\
         Modes are kept; owners are not (wasmix has one user).\n",
    )
};

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Create,
    List,
    Extract,
}

pub struct Options {
    pub verbose: bool,
    pub keep_old: bool,
    /// `--overwrite`: an existing file is written into, not unlinked first.
    pub overwrite: bool,
    pub to_stdout: bool,
    pub strip: usize,
    /// `--show-transformed-names`: a listing shows names as extracting would make them.
    pub show_transformed: bool,
    pub compression: compress::Compression,
    pub same_permissions: bool,
    pub exclude: exclude::Exclusions,
    /// `--owner`, `--group`: the name and number stored for every member.
    pub owner: Option<Owner>,
    pub group: Option<Owner>,
    /// `--mtime`: the modification time stored for every member, in seconds.
    pub mtime: Option<i64>,
}

/// An owner or group as `--owner=NAME[:ID]` gives it: a name GNU's tar would look up
/// gets wasmix's number for it (root 0, the one user 1000), a number the name it has;
/// an unknown name keeps the file's number.
pub struct Owner {
    name: String,
    id: Option<u64>,
}

impl Owner {
    fn parse(text: &str) -> Owner {
        const KNOWN: [(&str, u64); 2] = [("root", 0), ("user", 1000)];
        let (name, id) = match text.split_once(':') {
            Some((name, id)) => (name, id.parse().ok()),
            None => (text, None),
        };
        if let Ok(number) = name.parse::<u64>() {
            let known = KNOWN.iter().find(|(_, id)| *id == number);
            return Owner {
                name: known.map_or("", |(name, _)| name).into(),
                id: Some(number),
            };
        }
        let known = KNOWN.iter().find(|(known, _)| *known == name);
        Owner {
            name: name.into(),
            id: id.or(known.map(|(_, id)| *id)),
        }
    }
}

/// The command line with GNU's old form unbundled: `czf x.tgz d` is `-c -z -f x.tgz d`.
fn unbundled() -> Vec<String> {
    let mut argv: Vec<String> = std::env::args().skip(1).collect();
    if let Some(first) = argv.first().cloned()
        && !first.starts_with('-')
        && !first.is_empty()
    {
        argv.remove(0);
        let mut values = Vec::new();
        let mut options = Vec::new();
        for letter in first.chars() {
            options.push(format!("-{letter}"));
            if matches!(letter, 'f' | 'C' | 'X') && !argv.is_empty() {
                values.push((options.len(), argv.remove(0)));
            }
        }
        for (at, value) in values.into_iter().rev() {
            options.insert(at, value);
        }
        options.extend(argv);
        return options;
    }
    argv
}

fn main() {
    PROGRAM.run(|_, out| {
        let mut args = Args::from_vec(&PROGRAM, unbundled());
        let mut mode = None;
        let mut archive = None;
        let mut directory = None;
        let mut options = Options {
            verbose: false,
            keep_old: false,
            overwrite: false,
            to_stdout: false,
            strip: 0,
            show_transformed: false,
            compression: compress::Compression::None,
            same_permissions: false,
            exclude: exclude::Exclusions::default(),
            owner: None,
            group: None,
            mtime: None,
        };
        let mut names = Vec::new();
        while let Some(arg) = args.next()? {
            let chosen = match arg {
                Arg::Short('c') | Arg::Long("create") => Some(Mode::Create),
                Arg::Short('t') | Arg::Long("list") => Some(Mode::List),
                Arg::Short('x') | Arg::Long("extract" | "get") => Some(Mode::Extract),
                Arg::Short('f') | Arg::Long("file") => {
                    archive = Some(args.value()?);
                    None
                }
                Arg::Short('C') | Arg::Long("directory") => {
                    directory = Some(args.value()?);
                    None
                }
                Arg::Long("exclude") => {
                    options.exclude.add(&args.value()?);
                    None
                }
                Arg::Short('X') | Arg::Long("exclude-from") => {
                    let path = args.value()?;
                    options.exclude.add_file(&path).map_err(|e| {
                        PROGRAM.warn(format!("{path}: {}", describe_io_error(&e)));
                        Failure::Fatal("Error is not recoverable: exiting now".into())
                    })?;
                    None
                }
                Arg::Short('v') | Arg::Long("verbose") => {
                    options.verbose = true;
                    None
                }
                Arg::Short('k') | Arg::Long("keep-old-files") => {
                    options.keep_old = true;
                    None
                }
                Arg::Long("overwrite") => {
                    options.overwrite = true;
                    None
                }
                Arg::Short('U') | Arg::Long("unlink-first") => {
                    options.overwrite = false;
                    None
                }
                Arg::Short('O') | Arg::Long("to-stdout") => {
                    options.to_stdout = true;
                    None
                }
                Arg::Short('p') | Arg::Long("preserve-permissions" | "same-permissions") => {
                    options.same_permissions = true;
                    None
                }
                Arg::Long("no-same-permissions") => {
                    options.same_permissions = false;
                    None
                }
                Arg::Short('z') | Arg::Long("gzip" | "gunzip") => {
                    options.compression = compress::Compression::Gzip;
                    None
                }
                Arg::Short('j') | Arg::Long("bzip2") => {
                    options.compression = compress::Compression::Bzip2;
                    None
                }
                Arg::Long("show-transformed-names") => {
                    options.show_transformed = true;
                    None
                }
                Arg::Short('I') | Arg::Long("use-compress-program") => {
                    // gzip and bzip2 are the compressors wasmix has.
                    let program = args.value()?;
                    options.compression = match program.split_whitespace().next() {
                        Some("gzip") => compress::Compression::Gzip,
                        Some("bzip2") => compress::Compression::Bzip2,
                        _ => {
                            PROGRAM.warn(format!(
                                "{program}: Cannot exec: No such file or directory"
                            ));
                            return Err(Failure::Fatal(
                                "Error is not recoverable: exiting now".into(),
                            ));
                        }
                    };
                    None
                }
                Arg::Long("owner") => {
                    options.owner = Some(Owner::parse(&args.value()?));
                    None
                }
                Arg::Long("group") => {
                    options.group = Some(Owner::parse(&args.value()?));
                    None
                }
                Arg::Long("mtime") => {
                    let text = args.value()?;
                    match datetime::parse_from_now(&text) {
                        Some(when) => options.mtime = Some(when.timestamp().as_second()),
                        // GNU goes on too, with the files' own times in wasmix's case.
                        None => PROGRAM.warn(format!(
                            "Substituting -9223372036854775807 for unknown date format '{text}'"
                        )),
                    }
                    None
                }
                Arg::Long("strip-components") => {
                    let text = args.value()?;
                    options.strip = text.parse().map_err(|_| {
                        Failure::Usage(format!("invalid number of elements: '{text}'"))
                    })?;
                    None
                }
                Arg::Value(v) => {
                    names.push(wasmix_common::args::into_string(v)?);
                    None
                }
                other => return Err(wasmix_common::args::unexpected(other)),
            };
            if let Some(chosen) = chosen {
                if mode.is_some_and(|m| m != chosen) {
                    return Err(Failure::Usage(
                        "You may not specify more than one '-Acdtrux', '--delete' or  '--test-label' option".into(),
                    ));
                }
                mode = Some(chosen);
            }
        }
        let Some(mode) = mode else {
            return Err(Failure::Usage(
                "You must specify one of the '-Acdtrux', '--delete' or '--test-label' options".into(),
            ));
        };
        let archive = archive.unwrap_or_else(|| "-".into());
        match mode {
            Mode::Create => create(&archive, directory.as_deref(), &names, &options, out),
            Mode::List | Mode::Extract => {
                let reader: Box<dyn Read> = if archive == "-" {
                    Box::new(io::stdin())
                } else {
                    Box::new(fs::File::open(&archive).map_err(|e| {
                        PROGRAM.warn(format!("{archive}: Cannot open: {}", describe_io_error(&e)));
                        Failure::Fatal("Error is not recoverable: exiting now".into())
                    })?)
                };
                let piped = archive == "-";
                let reader = compress::reader(reader, options.compression, piped).map_err(|e| {
                    PROGRAM.warn(e.to_string());
                    Failure::Fatal("Error is not recoverable: exiting now".into())
                })?;
                if let Some(dir) = &directory
                    && mode == Mode::Extract
                {
                    std::env::set_current_dir(dir).map_err(|e| {
                        Failure::Fatal(format!("{dir}: Cannot open: {}", describe_io_error(&e)))
                    })?;
                }
                extract::read_archive(reader, mode == Mode::Extract, &names, &options, out)
            }
        }
    })
}

/// `-c`: the named files and trees into one archive.
fn create(
    archive: &str,
    directory: Option<&str>,
    names: &[String],
    options: &Options,
    out: &mut dyn Write,
) -> Result<u8, Failure> {
    if names.is_empty() {
        PROGRAM.warn("Cowardly refusing to create an empty archive");
        wasmix_common::note!("Try 'tar --help' or 'tar --usage' for more information.");
        return Err(Failure::Status(2));
    }
    let to_stdout = archive == "-";
    let sink: Box<dyn Write> = if to_stdout {
        Box::new(io::stdout())
    } else {
        Box::new(
            wasmix_common::file_out::FileOut::create(archive).map_err(|e| {
                PROGRAM.warn(format!("{archive}: Cannot open: {}", describe_io_error(&e)));
                Failure::Fatal("Error is not recoverable: exiting now".into())
            })?,
        )
    };
    let sink = compress::Sink::new(sink, options.compression);
    if let Some(dir) = directory {
        std::env::set_current_dir(dir).map_err(|e| {
            Failure::Fatal(format!("{dir}: Cannot open: {}", describe_io_error(&e)))
        })?;
    }
    let mut builder = tar::Builder::new(sink);
    let mut archived = Archived::default();
    let mut status = 0;
    let mut warned_absolute = false;
    for name in names {
        let stored = name.trim_start_matches('/');
        if options.exclude.excludes(stored) {
            continue;
        }
        if stored.len() != name.len() && !warned_absolute {
            PROGRAM.warn("Removing leading `/' from member names");
            warned_absolute = true;
        }
        // Names go to the listing on stdout, or stderr when the archive is stdout.
        let mut listing: Box<dyn Write> = if to_stdout {
            Box::new(io::stderr())
        } else {
            Box::new(&mut *out)
        };
        if !add(
            &mut builder,
            &mut archived,
            Path::new(name),
            stored,
            options,
            &mut listing,
        )? {
            status = 2;
        }
    }
    // The filter's end goes into stdout's buffer when the archive goes there: that is
    // flushed after it.
    builder.into_inner()?.finish()?;
    io::stdout().flush()?;
    if status != 0 {
        PROGRAM.warn("Exiting with failure status due to previous errors");
    }
    Ok(status)
}

/// Files with more than one name already in the archive, by identity: their other
/// names are stored as hard links to the first, as GNU tar stores them.
#[derive(Default)]
struct Archived {
    linked: HashMap<u64, String>,
}

/// Adds a file, symlink or directory (with what it holds); false if something could not
/// be read.
fn add<W: Write>(
    builder: &mut tar::Builder<W>,
    archived: &mut Archived,
    path: &Path,
    stored: &str,
    options: &Options,
    listing: &mut dyn Write,
) -> Result<bool, Failure> {
    let meta = match fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) => {
            PROGRAM.warn(format!(
                "{}: Cannot stat: {}",
                path.display(),
                describe_io_error(&e)
            ));
            return Ok(false);
        }
    };
    let mut header = tar::Header::new_gnu();
    header.set_mode(permissions(path, &meta));
    let owner = options.owner.as_ref();
    let group = options.group.as_ref();
    header.set_uid(owner.and_then(|o| o.id).unwrap_or(0));
    header.set_gid(group.and_then(|g| g.id).unwrap_or(0));
    header
        .set_username(owner.map_or("user", |o| &o.name))
        .map_err(Failure::from)?;
    header
        .set_groupname(group.map_or("user", |g| &g.name))
        .map_err(Failure::from)?;
    let mtime = options.mtime.map_or_else(
        || {
            meta.modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_secs())
        },
        |seconds| seconds.max(0) as u64,
    );
    header.set_mtime(mtime);
    let kind = EntryKind::of(&meta);
    if options.verbose {
        writeln!(listing, "{}", display_name(stored, kind))?;
    }
    match kind {
        EntryKind::Directory => {
            header.set_entry_type(tar::EntryType::Directory);
            header.set_size(0);
            let name = format!("{}/", stored.trim_end_matches('/'));
            append_member(builder, &mut header, &name, None, io::empty())?;
            let entries = match list_dir(path) {
                Ok(entries) => entries,
                Err(e) => {
                    let reason = describe_io_error(&e);
                    PROGRAM.warn(format!("{}: Cannot open: {reason}", path.display()));
                    return Ok(false);
                }
            };
            let mut all = true;
            for (child, _) in entries {
                let stored_child = format!("{}/{child}", stored.trim_end_matches('/'));
                if options.exclude.excludes(&stored_child) {
                    continue;
                }
                all &= add(
                    builder,
                    archived,
                    &path.join(&child),
                    &stored_child,
                    options,
                    listing,
                )?;
            }
            Ok(all)
        }
        EntryKind::Symlink => {
            let target = fs::read_link(path)?;
            header.set_entry_type(tar::EntryType::Symlink);
            header.set_size(0);
            append_member(builder, &mut header, stored, Some(&target), io::empty())?;
            Ok(true)
        }
        _ => {
            if let Ok(identity) = wasmix_common::wasi_fs::identity(path, false)
                && identity.links > 1
            {
                if let Some(first) = archived.linked.get(&identity.inode) {
                    header.set_entry_type(tar::EntryType::Link);
                    header.set_size(0);
                    append_member(
                        builder,
                        &mut header,
                        stored,
                        Some(Path::new(first)),
                        io::empty(),
                    )?;
                    return Ok(true);
                }
                archived.linked.insert(identity.inode, stored.to_string());
            }
            let file = match fs::File::open(path) {
                Ok(file) => file,
                Err(e) => {
                    let reason = describe_io_error(&e);
                    PROGRAM.warn(format!("{}: Cannot open: {reason}", path.display()));
                    return Ok(false);
                }
            };
            header.set_entry_type(tar::EntryType::Regular);
            header.set_size(meta.len());
            append_member(builder, &mut header, stored, None, file)?;
            Ok(true)
        }
    }
}

/// Appends a member named `name` as given, with its link target if it has one. The `tar`
/// crate's own naming drops `.` components, where GNU tar keeps the `./` of the members
/// of `tar cf x.tar .`; a name too long for the header goes before it in a GNU long-name
/// record, as the crate writes one.
fn append_member<W: Write>(
    builder: &mut tar::Builder<W>,
    header: &mut tar::Header,
    name: &str,
    link: Option<&Path>,
    data: impl Read,
) -> io::Result<()> {
    let long_link = link.is_some_and(|target| header.set_link_name(target).is_err());
    if !name.starts_with("./") || name == "./" || long_link {
        return match link {
            Some(target) => builder.append_link(header, name, target),
            None => builder.append_data(header, name, data),
        };
    }
    let bytes = name.as_bytes();
    let room = header.as_old().name.len();
    if bytes.len() >= room {
        let mut long = tar::Header::new_gnu();
        long.as_old_mut().name[..13].copy_from_slice(b"././@LongLink");
        long.set_mode(0o644);
        long.set_uid(0);
        long.set_gid(0);
        long.set_mtime(0);
        long.set_size(bytes.len() as u64 + 1);
        long.set_entry_type(tar::EntryType::GNULongName);
        long.set_cksum();
        builder.append(&long, bytes.chain(&[0u8][..]))?;
    }
    let field = &mut header.as_old_mut().name;
    field.fill(0);
    let shown = bytes.len().min(room);
    field[..shown].copy_from_slice(&bytes[..shown]);
    header.set_cksum();
    builder.append(header, data)
}

/// A member's name as listed: directories end in `/`.
pub fn display_name(name: &str, kind: EntryKind) -> String {
    if kind == EntryKind::Directory && !name.ends_with('/') {
        format!("{name}/")
    } else {
        name.to_string()
    }
}

/// `-tv`'s line: mode, owner/group and size (padded as GNU pads them), time, name.
pub fn long_line(mode: u32, kind: char, owner: &str, size: u64, mtime: u64, name: &str) -> String {
    let mut bits = String::from(kind);
    for shift in [6, 3, 0] {
        let part = (mode >> shift) & 7;
        bits.push(if part & 4 != 0 { 'r' } else { '-' });
        bits.push(if part & 2 != 0 { 'w' } else { '-' });
        bits.push(if part & 1 != 0 { 'x' } else { '-' });
    }
    let size = size.to_string();
    let pad = 19usize.saturating_sub(owner.len() + 1);
    let days = (mtime / 86400) as i64;
    let (year, month, day) = civil_from_days(days);
    let (hour, minute) = (mtime / 3600 % 24, mtime / 60 % 60);
    format!(
        "{bits} {owner} {size:>pad$} {year:04}-{month:02}-{day:02} {hour:02}:{minute:02} {name}"
    )
}

/// The date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}
