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
    "Usage: df [OPTION]...\n\
     Show each mounted file system (from /proc/mounts), where it is mounted, and the\n\
     space its files use.\n\n  \
     -h, --human-readable  print sizes in powers of 1024 (e.g., 1023M)\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut human = false;
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('h') | Arg::Long("human-readable") => human = true,
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
        writeln!(out, "{:<width$} {:>10} Mounted on", "Filesystem", "Used")?;
        for (source, at) in &mounts {
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
        Ok(0)
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
