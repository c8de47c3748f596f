//! ps: list processes, from what the kernel shows under /proc.

use std::fs;
use std::io::Write;
use wasmix_common::{IoContext, Program, args};

static PROGRAM: Program = Program::new(
    "ps",
    "Usage: ps\n\
     List the processes of the kernel: pid, parent pid, state (R running, Z ended but\n\
     not yet waited for), CPU time used, and command line.\n\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

struct Row {
    pid: u32,
    ppid: String,
    state: String,
    cpu_seconds: f64,
    command: String,
}

fn main() {
    PROGRAM.run(|mut args, out| {
        if let Some(arg) = args.next()? {
            return Err(args::unexpected(arg));
        }
        let mut rows = Vec::new();
        for entry in fs::read_dir("/proc").context("/proc")? {
            let name = entry.context("/proc")?.file_name();
            let Some(pid) = name.to_str().and_then(|n| n.parse::<u32>().ok()) else {
                continue;
            };
            // A process can end between the listing and the reading: skip it then.
            if let Some(row) = read_row(pid) {
                rows.push(row);
            }
        }
        rows.sort_by_key(|r| r.pid);
        writeln!(out, "{:>7} {:>7} S     TIME CMD", "PID", "PPID")?;
        for row in rows {
            let seconds = row.cpu_seconds as u64;
            writeln!(
                out,
                "{:>7} {:>7} {} {:02}:{:02}:{:02} {}",
                row.pid,
                row.ppid,
                row.state,
                seconds / 3600,
                seconds / 60 % 60,
                seconds % 60,
                row.command
            )?;
        }
        Ok(0)
    })
}

fn read_row(pid: u32) -> Option<Row> {
    let status = fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let field = |name: &str| {
        status
            .lines()
            .find_map(|line| line.strip_prefix(name)?.strip_prefix(":\t"))
            .unwrap_or("")
            .to_string()
    };
    let cmdline = fs::read(format!("/proc/{pid}/cmdline")).ok()?;
    let command = cmdline
        .split(|b| *b == 0)
        .filter(|part| !part.is_empty())
        .map(String::from_utf8_lossy)
        .collect::<Vec<_>>()
        .join(" ");
    Some(Row {
        pid,
        ppid: field("PPid"),
        state: field("State").chars().next().unwrap_or('?').to_string(),
        cpu_seconds: field("CpuTime").parse().unwrap_or(0.0),
        command,
    })
}
