//! top: the processes, refreshed: pid, parent, state, memory, share of a CPU since the
//! last refresh, CPU time, command; read from /proc. Full-screen on the terminal
//! (`wasmix:terminal`; q quits, space refreshes), or printed with -b.

use std::collections::HashMap;
use std::io::Write;
use std::time::{Duration, Instant};
use wasmix_common::terminal::{self, Event, Key, Keys, RawMode};
use wasmix_common::{Arg, Failure, Output, Program, args};

static PROGRAM: Program = Program::new(
    "top",
    "Usage: top [-b] [-d SECONDS] [-n NUMBER] [-p PID[,PID...]]\n\
     Show the processes, refreshed: the busiest first.\n\n  \
     -b             batch mode: print each refresh, no screen handling, no keys\n  \
     -d SECONDS     time between refreshes (default 3)\n  \
     -n NUMBER      stop after NUMBER refreshes\n  \
     -p PID,...     only these processes\n      \
     --help     display this help and exit\n      \
     --version  output version information and exit\n\n\
     Keys: q quits, space refreshes now.\n",
);

struct Process {
    pid: u32,
    ppid: u32,
    state: char,
    resident_kib: u64,
    cpu_seconds: f64,
    command: String,
}

fn field<'a>(status: &'a str, name: &str) -> Option<&'a str> {
    status
        .lines()
        .find_map(|line| line.strip_prefix(name)?.strip_prefix(":\t"))
}

fn processes(only: &[u32]) -> Vec<Process> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for entry in entries.flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        if !only.is_empty() && !only.contains(&pid) {
            continue;
        }
        // A process can end between the listing and the read: it is left out.
        let Ok(status) = std::fs::read_to_string(format!("/proc/{pid}/status")) else {
            continue;
        };
        let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
        let command = String::from_utf8_lossy(&cmdline)
            .trim_end_matches('\0')
            .replace('\0', " ");
        let number = |name| field(&status, name).and_then(|v| v.split(' ').next());
        found.push(Process {
            pid,
            ppid: number("PPid").and_then(|v| v.parse().ok()).unwrap_or(0),
            state: number("State")
                .and_then(|v| v.chars().next())
                .unwrap_or('?'),
            resident_kib: number("VmRSS").and_then(|v| v.parse().ok()).unwrap_or(0),
            cpu_seconds: number("CpuTime")
                .and_then(|v| v.parse().ok())
                .unwrap_or(0.0),
            command,
        });
    }
    found
}

/// CPU time as top shows it: minutes:seconds.hundredths.
fn cpu_time(seconds: f64) -> String {
    let hundredths = (seconds * 100.0) as u64;
    format!(
        "{}:{:02}.{:02}",
        hundredths / 6000,
        hundredths / 100 % 60,
        hundredths % 100
    )
}

/// One refresh's lines: a summary, the heading, then the processes, busiest first.
fn report(
    previous: &mut HashMap<u32, f64>,
    since: &mut Instant,
    only: &[u32],
    width: usize,
) -> Vec<String> {
    let elapsed = since.elapsed().as_secs_f64().max(1e-3);
    *since = Instant::now();
    let mut rows: Vec<(f64, Process)> = processes(only)
        .into_iter()
        .map(|p| {
            // A process not seen before has no interval to measure yet.
            let share = match previous.get(&p.pid) {
                Some(before) => (p.cpu_seconds - before).max(0.0) / elapsed * 100.0,
                None => 0.0,
            };
            (share, p)
        })
        .collect();
    *previous = rows.iter().map(|(_, p)| (p.pid, p.cpu_seconds)).collect();
    rows.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.pid.cmp(&b.1.pid)));
    let count = |state| rows.iter().filter(|(_, p)| p.state == state).count();
    let mut lines = vec![
        format!(
            "Tasks: {} total, {} running, {} stopped, {} zombie",
            rows.len(),
            count('R'),
            count('T'),
            count('Z')
        ),
        String::new(),
        format!(
            "{:>7} {:>7} S {:>8} {:>5} {:>9} COMMAND",
            "PID", "PPID", "RES", "%CPU", "TIME+"
        ),
    ];
    for (cpu, p) in rows {
        let line = format!(
            "{:>7} {:>7} {} {:>8} {:>5.1} {:>9} {}",
            p.pid,
            p.ppid,
            p.state,
            p.resident_kib,
            cpu,
            cpu_time(p.cpu_seconds),
            p.command
        );
        lines.push(line.chars().take(width).collect());
    }
    lines
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let (mut batch, mut delay, mut iterations, mut only) = (false, 3.0, None, Vec::new());
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('b') => batch = true,
                Arg::Short('d') => {
                    let value = args.value()?;
                    delay = value
                        .parse::<f64>()
                        .ok()
                        .filter(|d| d.is_finite() && *d >= 0.0)
                        .ok_or_else(|| Failure::Fatal(format!("bad delay interval '{value}'")))?;
                }
                Arg::Short('n') => {
                    let value = args.value()?;
                    let n = value.parse::<u64>().map_err(|_| {
                        Failure::Fatal(format!("bad iterations argument '{value}'"))
                    })?;
                    iterations = Some(n.max(1));
                }
                Arg::Short('p') => {
                    for pid in args.value()?.split(',') {
                        only.push(
                            pid.trim()
                                .parse()
                                .map_err(|_| Failure::Fatal(format!("bad pid '{pid}'")))?,
                        );
                    }
                }
                other => return Err(args::unexpected(other)),
            }
        }
        let delay = Duration::from_secs_f64(delay);
        if batch || !out.is_terminal() {
            print_refreshes(out, delay, iterations, &only)?;
        } else {
            show(out, delay, iterations, &only)?;
        }
        Ok(0)
    })
}

fn print_refreshes(
    out: &mut Output,
    delay: Duration,
    iterations: Option<u64>,
    only: &[u32],
) -> std::io::Result<()> {
    let (mut previous, mut since) = (HashMap::new(), Instant::now());
    let mut done = 0;
    loop {
        for line in report(&mut previous, &mut since, only, usize::MAX) {
            writeln!(out, "{line}")?;
        }
        out.flush()?;
        done += 1;
        if iterations.is_some_and(|n| done >= n) {
            return Ok(());
        }
        writeln!(out)?;
        std::thread::sleep(delay);
    }
}

fn show(
    out: &mut Output,
    delay: Duration,
    iterations: Option<u64>,
    only: &[u32],
) -> Result<(), Failure> {
    let mut keys = Keys::open().map_err(|e| Failure::Fatal(format!("cannot read keys: {e}")))?;
    let raw = RawMode::enter().map_err(|e| Failure::Fatal(format!("cannot show: {e}")))?;
    out.write_all(b"\x1b[?1049h\x1b[H\x1b[2J")?;
    let (mut previous, mut since) = (HashMap::new(), Instant::now());
    let mut done = 0;
    loop {
        let size = terminal::size();
        let lines = report(&mut previous, &mut since, only, size.columns);
        let mut screen = String::from("\x1b[H");
        for line in lines.iter().take(size.rows.saturating_sub(1)) {
            screen.push_str(line);
            screen.push_str("\x1b[K\r\n");
        }
        screen.push_str("\x1b[J");
        out.write_all(screen.as_bytes())?;
        out.flush()?;
        done += 1;
        if iterations.is_some_and(|n| done >= n) {
            break;
        }
        match keys.wait_at_most(Some(delay)) {
            Some(Event::Key(Key::Char('q' | 'Q') | Key::Ctrl('c'))) | Some(Event::End) => break,
            _ => {}
        }
    }
    out.write_all(b"\x1b[?1049l")?;
    out.flush()?;
    drop(raw);
    Ok(())
}
