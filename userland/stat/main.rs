//! stat: display file status.

use chrono::{DateTime, FixedOffset, Offset, Utc};
use std::fs::{self, Metadata};
use std::io::Write;
use std::time::SystemTime;
use wasmix_common::datetime::LocalZone;
use wasmix_common::escapes::{self, Octal};
use wasmix_common::filemode::{mode_string, permissions, type_name};
use wasmix_common::{Arg, Failure, Program, args, describe_io_error, wasi_fs};

static PROGRAM: Program = Program::new(
    "stat",
    "Usage: stat [OPTION]... FILE...\n\
     Display file status.\n\n  \
     -L, --dereference     follow links\n  \
     -c  --format=FORMAT   use the specified FORMAT instead of the default;\n                          \
     output a newline after each use of FORMAT\n      \
     --printf=FORMAT   like --format, but interpret backslash escapes,\n                          \
     and do not output a mandatory trailing newline\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n\n\
     The valid format sequences for files:\n\n  \
     %a   permission bits in octal\n  \
     %A   permission bits and file type in human readable form\n  \
     %F   file type\n  \
     %h   number of hard links\n  \
     %i   inode number\n  \
     %n   file name\n  \
     %N   quoted file name with dereference if symbolic link\n  \
     %s   total size, in bytes\n  \
     %x   time of last access, human-readable\n  \
     %X   time of last access, seconds since Epoch\n  \
     %y   time of last data modification, human-readable\n  \
     %Y   time of last data modification, seconds since Epoch\n  \
     %z   time of last status change, human-readable\n  \
     %Z   time of last status change, seconds since Epoch\n",
);

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
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if files.is_empty() {
            return Err(Failure::Usage("missing operand".into()));
        }
        let mut status = 0;
        for file in files {
            let meta = if follow {
                fs::metadata(&file)
            } else {
                fs::symlink_metadata(&file)
            };
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
                None => out.write_all(default_report(&file, &meta).as_bytes())?,
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

fn epoch_seconds(time: std::io::Result<SystemTime>) -> String {
    time.ok()
        .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
        .map_or_else(|| "0".into(), |d| d.as_secs().to_string())
}

fn quoted_name(file: &str, meta: &Metadata) -> String {
    match fs::read_link(file) {
        Ok(target) if meta.file_type().is_symlink() => {
            format!("'{file}' -> '{}'", target.display())
        }
        _ => format!("'{file}'"),
    }
}

/// Expands format sequences; with `escapes` (`--printf`), backslash escapes too.
fn expand(format: &str, file: &str, meta: &Metadata, escapes: bool) -> Vec<u8> {
    let bytes = format.as_bytes();
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
        let field = match bytes.get(i + 1) {
            Some(b'a') => format!("{:o}", permissions(file, meta)),
            Some(b'A') => mode_string(file, meta),
            Some(b'F') => type_name(file, meta).to_string(),
            Some(b'h') => identity(file).links.to_string(),
            Some(b'i') => identity(file).inode.to_string(),
            Some(b'n') => file.to_string(),
            Some(b'N') => quoted_name(file, meta),
            Some(b's') => meta.len().to_string(),
            Some(b'y') => human_time(meta.modified()),
            Some(b'Y') => epoch_seconds(meta.modified()),
            Some(b'x') => human_time(meta.accessed()),
            Some(b'X') => epoch_seconds(meta.accessed()),
            Some(b'z') => human_time(changed(file)),
            Some(b'Z') => epoch_seconds(changed(file)),
            Some(b'%') => "%".to_string(),
            Some(_) => {
                // An unknown sequence is shown as `?`, as GNU's stat shows it.
                let other = format[i + 1..].chars().next().map_or(1, char::len_utf8);
                text.push(b'?');
                i += 1 + other;
                continue;
            }
            None => "%".to_string(),
        };
        text.extend_from_slice(field.as_bytes());
        i += 2;
    }
    text
}

fn default_report(file: &str, meta: &Metadata) -> String {
    let name = if meta.file_type().is_symlink() {
        quoted_name(file, meta)
    } else {
        file.to_string()
    };
    format!(
        "  File: {name}\n  Size: {:<15} {}\nInode: {:<11} Links: {}\nAccess: ({:04o}/{})\nAccess: {}\nModify: {}\nChange: {}\n",
        meta.len(),
        type_name(file, meta),
        identity(file).inode,
        identity(file).links,
        permissions(file, meta),
        mode_string(file, meta),
        human_time(meta.accessed()),
        human_time(meta.modified()),
        human_time(changed(file)),
    )
}
