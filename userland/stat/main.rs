//! stat: display file status.

use chrono::{DateTime, Utc};
use std::fs::{self, Metadata};
use std::io::Write;
use std::time::SystemTime;
use wasmix_common::filemode::{mode_string, permissions, type_name};
use wasmix_common::{Arg, Failure, Program, args, describe_io_error, wasi_fs};

static PROGRAM: Program = Program::new(
    "stat",
    "Usage: stat [OPTION]... FILE...\n\
     Display file status.\n\n  \
     -L, --dereference     follow links\n  \
     -c  --format=FORMAT   use the specified FORMAT instead of the default;\n                          \
     output a newline after each use of FORMAT\n      \
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

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut follow = false;
        let mut format = None;
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('L') | Arg::Long("dereference") => follow = true,
                Arg::Short('c') | Arg::Long("format") => format = Some(args.value()?),
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
            let text = match &format {
                Some(format) => expand(format, &file, &meta) + "\n",
                None => default_report(&file, &meta),
            };
            out.write_all(text.as_bytes())?;
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
        Ok(time) => DateTime::<Utc>::from(time)
            .format("%Y-%m-%d %H:%M:%S%.9f +0000")
            .to_string(),
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

/// Expands `-c` format sequences.
fn expand(format: &str, file: &str, meta: &Metadata) -> String {
    let mut text = String::new();
    let mut chars = format.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            text.push(c);
            continue;
        }
        match chars.next() {
            Some('a') => text.push_str(&format!("{:o}", permissions(file, meta))),
            Some('A') => text.push_str(&mode_string(file, meta)),
            Some('F') => text.push_str(type_name(file, meta)),
            Some('h') => text.push_str(&identity(file).links.to_string()),
            Some('i') => text.push_str(&identity(file).inode.to_string()),
            Some('n') => text.push_str(file),
            Some('N') => text.push_str(&quoted_name(file, meta)),
            Some('s') => text.push_str(&meta.len().to_string()),
            Some('y') => text.push_str(&human_time(meta.modified())),
            Some('Y') => text.push_str(&epoch_seconds(meta.modified())),
            Some('x') => text.push_str(&human_time(meta.accessed())),
            Some('X') => text.push_str(&epoch_seconds(meta.accessed())),
            Some('z') => text.push_str(&human_time(changed(file))),
            Some('Z') => text.push_str(&epoch_seconds(changed(file))),
            Some('%') => text.push('%'),
            Some(other) => {
                text.push('?');
                text.push(other);
            }
            None => text.push('%'),
        }
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
