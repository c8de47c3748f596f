//! df: the mounted file systems and the space their files use.
//!
//! A wasmix file server has no fixed capacity (ramfs grows with memory, the overlay and host
//! mounts with the host's disk), so df shows what is used: the sum of the sizes of the
//! files under each mount point, not counting the mounts below it.

use std::fs;
use std::io::Write;
use wasmix_common::numbers::human_size;
use wasmix_common::{Arg, IoContext, Program, args};

static PROGRAM: Program = Program::new(
    "df",
    "Usage: df [OPTION]... [FILE]...\n\
     Show each mounted file system (from /proc/mounts), where it is mounted, and the\n\
     space its files use; with FILEs, only the file systems that hold them.\n\n  \
     -h, --human-readable  print sizes in powers of 1024 (e.g., 1023M)\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut human = false;
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('h') | Arg::Long("human-readable") => human = true,
                Arg::Value(file) => files.push(args::into_string(file)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let table = fs::read_to_string("/proc/mounts").context("/proc/mounts")?;
        let mounts: Vec<(String, String)> = table
            .lines()
            .filter_map(|line| {
                let (source, at) = line.rsplit_once(' ')?;
                Some((source.to_string(), at.to_string()))
            })
            .collect();
        let mount_points: Vec<&str> = mounts.iter().map(|(_, at)| at.as_str()).collect();
        let width = mounts
            .iter()
            .map(|(s, _)| s.len())
            .max()
            .unwrap_or(10)
            .max(10);
        // Each FILE picks the mount that holds it: the longest mount point above it.
        let mut status = 0;
        let mut shown_mounts: Vec<&(String, String)> = Vec::new();
        for file in &files {
            let path = match fs::canonicalize(file) {
                Ok(path) => path.to_string_lossy().into_owned(),
                Err(e) => {
                    PROGRAM.warn(format!("{file}: {}", wasmix_common::describe_io_error(&e)));
                    status = 1;
                    continue;
                }
            };
            let holder = mounts
                .iter()
                .filter(|(_, at)| at == "/" || path == *at || path.starts_with(&format!("{at}/")))
                .max_by_key(|(_, at)| at.len());
            shown_mounts.extend(holder);
        }
        if !files.is_empty() && shown_mounts.is_empty() {
            return Ok(status);
        }
        let listed: Vec<&(String, String)> = if files.is_empty() {
            mounts.iter().collect()
        } else {
            shown_mounts
        };
        writeln!(out, "{:<width$} {:>10} Mounted on", "Filesystem", "Used")?;
        for (source, at) in listed {
            // Generated trees have no size of their own.
            let used = if source == "procfs" || source == "devfs" {
                0
            } else {
                used_below(at, &mount_points)
            };
            let shown = if human {
                human_size(used)
            } else {
                used.div_ceil(1024).to_string()
            };
            writeln!(out, "{source:<width$} {shown:>10} {at}")?;
        }
        Ok(status)
    })
}

fn used_below(dir: &str, mount_points: &[&str]) -> u64 {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let mut total = 0;
    for entry in entries.flatten() {
        let path = format!(
            "{}/{}",
            dir.trim_end_matches('/'),
            entry.file_name().to_string_lossy()
        );
        if mount_points.contains(&path.as_str()) {
            continue;
        }
        match entry.metadata() {
            Ok(meta) if meta.is_dir() => total += used_below(&path, mount_points),
            Ok(meta) if meta.is_file() => total += meta.len(),
            _ => {}
        }
    }
    total
}
