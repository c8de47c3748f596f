//! stat: display file status.

use chrono::{DateTime, FixedOffset, Offset, Utc};
use std::fs::{self, Metadata};
use std::io::Write;
use std::time::SystemTime;
use wasmix_common::datetime::LocalZone;
use wasmix_common::escapes::{self, Octal};
use wasmix_common::filemode::{mode_string, permissions, type_name};
use wasmix_common::wasi_fs::EntryKind;
use wasmix_common::{Arg, Failure, Program, args, describe_io_error, ownership, wasi_fs};

static PROGRAM: Program = Program::new(
    "stat",
    "Usage: stat [OPTION]... FILE...\n\
     Display file status.\n\n  \
     -L, --dereference     follow links\n  \
     -t, --terse           print the information in terse form\n  \
     -c  --format=FORMAT   use the specified FORMAT instead of the default;\n                          \
     output a newline after each use of FORMAT\n      \
     --printf=FORMAT   like --format, but interpret backslash escapes,\n                          \
     and do not output a mandatory trailing newline\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n\n\
     The valid format sequences for files:\n\n  \
     %a   permission bits in octal\n  \
     %A   permission bits and file type in human readable form\n  \
     %b   number of blocks allocated (see %B)\n  \
     %B   the size in bytes of each block reported by %b\n  \
     %d   device number in decimal\n  \
     %D   device number in hex\n  \
     %f   raw mode in hex\n  \
     %F   file type\n  \
     %g   group ID of owner\n  \
     %G   group name of owner\n  \
     %h   number of hard links\n  \
     %i   inode number\n  \
     %n   file name\n  \
     %N   quoted file name with dereference if symbolic link\n  \
     %o   optimal I/O transfer size hint\n  \
     %s   total size, in bytes\n  \
     %t   major device type in hex, for character/block device special files\n  \
     %T   minor device type in hex, for character/block device special files\n  \
     %u   user ID of owner\n  \
     %U   user name of owner\n  \
     %w   time of file birth, human-readable; - if unknown\n  \
     %W   time of file birth, seconds since Epoch; 0 if unknown\n  \
     %x   time of last access, human-readable\n  \
     %X   time of last access, seconds since Epoch\n  \
     %y   time of last data modification, human-readable\n  \
     %Y   time of last data modification, seconds since Epoch\n  \
     %z   time of last status change, human-readable\n  \
     %Z   time of last status change, seconds since Epoch\n\n\
     --terse is equivalent to the following FORMAT:\n    \
     %n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o\n",
);

/// `-t`: GNU's terse line (less the security context wasmix has none of).
const TERSE: &str = "%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o";

/// GNU's report when no format is given (a device's type on the second line).
const REPORT: &str = "  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n\
Device: %Hd,%Ld\tInode: %-11i Links: %h\n\
Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\n\
Access: %x\nModify: %y\nChange: %z\n Birth: %w\n";

/// What the user asked to be shown of each file.
enum Format {
    /// `-c`: the format, then a newline.
    Lines(String),
    /// `--printf`: the format with its backslash escapes, and no newline added.
    Printf(String),
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut follow = false;
        let mut format = None;
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('L') | Arg::Long("dereference") => follow = true,
                Arg::Short('c') | Arg::Long("format") => {
                    format = Some(Format::Lines(args.value()?));
                }
                Arg::Long("printf") => format = Some(Format::Printf(args.value()?)),
                Arg::Short('t') | Arg::Long("terse") => {
                    format = Some(Format::Lines(TERSE.to_string()));
                }
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if files.is_empty() {
            return Err(Failure::Usage("missing operand".into()));
        }
        let mut status = 0;
        for file in files {
            let meta = wasmix_common::names::nonempty(&file).and_then(|file| match follow {
                true => fs::metadata(file),
                false => fs::symlink_metadata(file),
            });
            let meta = match meta {
                Ok(meta) => meta,
                Err(e) => {
                    let reason = describe_io_error(&e);
                    PROGRAM.warn(format!("cannot statx '{file}': {reason}"));
                    status = 1;
                    continue;
                }
            };
            match &format {
                Some(Format::Lines(format)) => {
                    out.write_all(&expand(format, &file, &meta, false))?;
                    out.write_all(b"\n")?;
                }
                Some(Format::Printf(format)) => {
                    out.write_all(&expand(format, &file, &meta, true))?
                }
                None => out.write_all(&expand(REPORT, &file, &meta, false))?,
            }
        }
        Ok(status)
    })
}

fn identity(file: &str) -> wasi_fs::Identity {
    wasi_fs::identity(std::path::Path::new(file), false).unwrap_or(wasi_fs::Identity {
        inode: 0,
        links: 1,
        changed: None,
    })
}

fn changed(file: &str) -> std::io::Result<SystemTime> {
    identity(file)
        .changed
        .ok_or_else(|| std::io::Error::other("no status change time"))
}

fn human_time(time: std::io::Result<SystemTime>) -> String {
    match time {
        // In the zone `TZ` names, as GNU's stat shows times.
        Ok(time) => {
            let utc = DateTime::<Utc>::from(time);
            let offset = LocalZone::from_env().offset_at(utc.timestamp());
            let zone = FixedOffset::east_opt(offset).unwrap_or(Utc.fix());
            utc.with_timezone(&zone)
                .format("%Y-%m-%d %H:%M:%S%.9f %z")
                .to_string()
        }
        Err(_) => "-".into(),
    }
}

fn quoted_name(file: &str, meta: &Metadata) -> String {
    match fs::read_link(file) {
        Ok(target) if meta.file_type().is_symlink() => {
            format!("'{file}' -> '{}'", target.display())
        }
        _ => format!("'{file}'"),
    }
}

/// A directive's printf flags, width and precision (`%-10s`, `%.3Y`, `%04a`).
#[derive(Default)]
struct Spec {
    left: bool,
    zeros: bool,
    width: usize,
    precision: Option<usize>,
}

impl Spec {
    /// Reads what stands between `%` and the directive's letter, from `at`; where the
    /// letter is.
    fn parse(bytes: &[u8], mut at: usize) -> (Spec, usize) {
        let mut spec = Spec::default();
        while let Some(&flag) = bytes.get(at) {
            match flag {
                b'-' => spec.left = true,
                b'0' => spec.zeros = true,
                b'+' | b' ' | b'#' | b'\'' | b'I' => {}
                _ => break,
            }
            at += 1;
        }
        let digits = |at: &mut usize| {
            let start = *at;
            while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
                *at += 1;
            }
            std::str::from_utf8(&bytes[start..*at])
                .ok()
                .and_then(|d| d.parse().ok())
        };
        spec.width = digits(&mut at).unwrap_or(0);
        if bytes.get(at) == Some(&b'.') {
            at += 1;
            spec.precision = Some(digits(&mut at).unwrap_or(0));
        }
        (spec, at)
    }

    /// Text laid out in the width; its precision cuts it (as printf's `%s`).
    fn text(&self, text: &str) -> String {
        let text = match self.precision {
            Some(p) => text.chars().take(p).collect(),
            None => text.to_string(),
        };
        self.pad(text, false)
    }

    /// A number: the precision is its least count of digits (as printf's `%d`).
    fn number(&self, n: u64) -> String {
        let mut digits = n.to_string();
        if let Some(p) = self.precision {
            while digits.len() < p {
                digits.insert(0, '0');
            }
        }
        self.pad(digits, self.precision.is_none())
    }

    fn pad(&self, text: String, zeros_allowed: bool) -> String {
        let fill = self.width.saturating_sub(text.chars().count());
        if self.left {
            format!("{text}{}", " ".repeat(fill))
        } else if self.zeros && zeros_allowed {
            format!("{}{text}", "0".repeat(fill))
        } else {
            format!("{}{text}", " ".repeat(fill))
        }
    }

    /// Seconds since the epoch; with a precision, that many digits of its fraction.
    fn seconds(&self, time: std::io::Result<SystemTime>) -> String {
        let since = time
            .ok()
            .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
            .unwrap_or_default();
        match self.precision {
            Some(p) if p > 0 => {
                let fraction = format!("{:09}", since.subsec_nanos());
                let fraction: String = fraction
                    .chars()
                    .chain(std::iter::repeat('0'))
                    .take(p)
                    .collect();
                self.pad(format!("{}.{fraction}", since.as_secs()), true)
            }
            _ => Spec {
                precision: None,
                ..*self
            }
            .number(since.as_secs()),
        }
    }
}

/// `st_mode` as a number: the type's bits and the permissions.
fn raw_mode(file: &str, meta: &Metadata) -> u32 {
    let kind = match type_name(file, meta) {
        "directory" => 0o040000,
        "symbolic link" => 0o120000,
        "fifo" => 0o010000,
        "character special file" => 0o020000,
        "block special file" => 0o060000,
        "socket" => 0o140000,
        _ => 0o100000,
    };
    kind | permissions(file, meta)
}

/// Expands format sequences; with `escapes` (`--printf`), backslash escapes too.
fn expand(format: &str, file: &str, meta: &Metadata, escapes: bool) -> Vec<u8> {
    let bytes = format.as_bytes();
    let kind = EntryKind::at(std::path::Path::new(file), meta);
    let mut text: Vec<u8> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if escapes => {
                let decoded = escapes::decode(&bytes[i..], Octal::Plain);
                text.extend_from_slice(&decoded.bytes);
                i += decoded.used;
                continue;
            }
            b'%' => {}
            other => {
                text.push(other);
                i += 1;
                continue;
            }
        }
        let (spec, mut at) = Spec::parse(bytes, i + 1);
        // `%Hd`, `%Ld`: the device number's major and minor halves (wasmix has none).
        if matches!(bytes.get(at), Some(b'H' | b'L'))
            && matches!(bytes.get(at + 1), Some(b'd' | b'r'))
        {
            at += 1;
            text.extend_from_slice(spec.number(0).as_bytes());
            i = at + 1;
            continue;
        }
        let field = match bytes.get(at) {
            Some(b'a') => {
                let octal = format!("{:o}", permissions(file, meta));
                match spec.zeros {
                    true => spec.pad(octal, true),
                    false => spec.text(&octal),
                }
            }
            Some(b'A') => spec.text(&mode_string(file, meta)),
            Some(b'b') => spec.number(wasi_fs::allocated(meta.len(), kind) / 512),
            Some(b'B') => spec.number(512),
            Some(b'd') => spec.number(0),
            Some(b'D') => spec.text("0"),
            Some(b'f') => spec.text(&format!("{:x}", raw_mode(file, meta))),
            Some(b'F') => spec.text(type_name(file, meta)),
            Some(b'g' | b'u') => spec.text(ownership::ID),
            Some(b'G' | b'U') => spec.text(ownership::NAME),
            Some(b'h') => spec.number(identity(file).links),
            Some(b'i') => spec.number(identity(file).inode),
            Some(b'n') => spec.text(file),
            Some(b'N') if escapes || format != REPORT => spec.text(&quoted_name(file, meta)),
            Some(b'N') => spec.text(&shown_name(file, meta)),
            Some(b'o') => spec.number(4096),
            Some(b's') => spec.number(meta.len()),
            Some(b't' | b'T') => spec.text("0"),
            Some(b'w') => spec.text("-"),
            Some(b'W') => spec.number(0),
            Some(b'y') => spec.text(&human_time(meta.modified())),
            Some(b'Y') => spec.seconds(meta.modified()),
            Some(b'x') => spec.text(&human_time(meta.accessed())),
            Some(b'X') => spec.seconds(meta.accessed()),
            Some(b'z') => spec.text(&human_time(changed(file))),
            Some(b'Z') => spec.seconds(changed(file)),
            Some(b'%') if at == i + 1 => "%".to_string(),
            Some(_) => {
                // An unknown sequence is shown as `?`, as GNU's stat shows it.
                let other = format[at..].chars().next().map_or(1, char::len_utf8);
                text.push(b'?');
                i = at + other;
                continue;
            }
            None => format[i..].to_string(),
        };
        text.extend_from_slice(field.as_bytes());
        i = at + 1;
    }
    text
}

/// The name at the head of the default report: `name -> target` for a link.
fn shown_name(file: &str, meta: &Metadata) -> String {
    match fs::read_link(file) {
        Ok(target) if meta.file_type().is_symlink() => format!("{file} -> {}", target.display()),
        _ => file.to_string(),
    }
}
