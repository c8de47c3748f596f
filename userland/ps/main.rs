//! ps: list processes, from what the kernel shows under /proc.

use std::fs;
use std::io::Write;
use std::time::{SystemTime, UNIX_EPOCH};
use wasmix_common::{Failure, IoContext, Program};

static PROGRAM: Program = Program::new(
    "ps",
    "Usage: ps [OPTION]...\n\
     List the processes of the kernel. Every process is listed: wasmix has one user.\n\n\
     With no option: pid, parent pid, state (R running, T stopped, Z ended but not\n\
     yet waited for), CPU time used, and command line.\n\n  \
     aux, ux, au     BSD user format: USER PID %CPU %MEM VSZ RSS TTY STAT START TIME COMMAND\n  \
     ax              PID TTY STAT TIME COMMAND\n  \
     -e, -A          every process: PID TTY TIME CMD\n  \
     -f              full format: UID PID PPID C STIME TTY TIME CMD\n  \
     -o FORMAT       the columns named, comma-separated (pid ppid user uid stat state\n                  \
     %cpu %mem c ni vsz rss tty start stime time etime comm args cmd command);\n                  \
     NAME=HEADER renames a column's header, NAME= leaves it out\n  \
     -p PIDLIST      only the processes listed\n      \
     --no-headers    print no header line\n      \
     --help          display this help and exit\n      \
     --version       output version information and exit\n\n\
     wasmix keeps no memory total, so %MEM is always 0.0; VSZ is the linear memory\n\
     held, as RSS is.\n",
);

struct Row {
    pid: u32,
    ppid: String,
    state: char,
    niceness: i8,
    cpu_seconds: f64,
    rss_kib: u64,
    started: SystemTime,
    name: String,
    command: String,
}

/// One column: its name in -o, header, width, and whether it is left-aligned.
struct Column {
    name: String,
    header: String,
    width: usize,
    left: bool,
}

fn column(name: &str, header: Option<&str>) -> Result<Column, Failure> {
    let (default_header, width, left) = match name {
        "pid" => ("PID", 5, false),
        "ppid" => ("PPID", 5, false),
        "user" | "uid" | "uname" => (if name == "uid" { "UID" } else { "USER" }, 8, true),
        "stat" => ("STAT", 4, true),
        "state" | "s" => ("S", 1, true),
        "%cpu" | "pcpu" => ("%CPU", 4, false),
        "%mem" | "pmem" => ("%MEM", 4, false),
        "c" => ("C", 2, false),
        "ni" | "nice" => ("NI", 3, false),
        "vsz" => ("VSZ", 6, false),
        "rss" => ("RSS", 5, false),
        "tty" | "tt" => ("TTY", 8, true),
        "start" | "stime" => (if name == "start" { "START" } else { "STIME" }, 5, false),
        "time" | "cputime" => ("TIME", 8, false),
        "etime" => ("ELAPSED", 11, false),
        "comm" | "ucomm" => ("COMMAND", 15, true),
        "args" | "command" => ("COMMAND", 0, true),
        "cmd" => ("CMD", 0, true),
        other => {
            return Err(Failure::Usage(format!(
                "error: unknown user-defined format specifier \"{other}\""
            )));
        }
    };
    Ok(Column {
        name: name.to_string(),
        header: header.unwrap_or(default_header).to_string(),
        width,
        left,
    })
}

fn columns(spec: &str) -> Result<Vec<Column>, Failure> {
    spec.split([',', ' '])
        .filter(|part| !part.is_empty())
        .map(|part| match part.split_once('=') {
            Some((name, header)) => column(name, Some(header)),
            None => column(part, None),
        })
        .collect()
}

/// `H:MM` of a moment, in UTC as the kernel keeps it.
fn clock(time: SystemTime) -> String {
    let seconds = time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    format!("{:02}:{:02}", seconds / 3600 % 24, seconds / 60 % 60)
}

impl Row {
    fn elapsed(&self) -> f64 {
        SystemTime::now()
            .duration_since(self.started)
            .map_or(0.0, |d| d.as_secs_f64())
    }

    fn value(&self, name: &str, bsd_time: bool) -> String {
        let cpu = self.cpu_seconds as u64;
        let percent = if self.elapsed() > 0.0 {
            100.0 * self.cpu_seconds / self.elapsed()
        } else {
            0.0
        };
        match name {
            "pid" => self.pid.to_string(),
            "ppid" => self.ppid.clone(),
            "user" | "uid" | "uname" => "user".into(),
            // BSD's STAT marks a process of lowered priority with N.
            "stat" if self.niceness > 0 => format!("{}N", self.state),
            "stat" | "state" | "s" => self.state.to_string(),
            "ni" | "nice" => self.niceness.to_string(),
            "%cpu" | "pcpu" => format!("{percent:.1}"),
            "%mem" | "pmem" => "0.0".into(),
            "c" => format!("{}", percent as u64),
            "vsz" | "rss" => self.rss_kib.to_string(),
            "tty" | "tt" => "?".into(),
            "start" | "stime" => clock(self.started),
            "time" | "cputime" if bsd_time => format!("{}:{:02}", cpu / 60, cpu % 60),
            "time" | "cputime" => format!("{:02}:{:02}:{:02}", cpu / 3600, cpu / 60 % 60, cpu % 60),
            "etime" => {
                let e = self.elapsed() as u64;
                let (days, hours) = (e / 86400, e / 3600 % 24);
                match (days, hours) {
                    (0, 0) => format!("{:02}:{:02}", e / 60 % 60, e % 60),
                    (0, _) => format!("{hours:02}:{:02}:{:02}", e / 60 % 60, e % 60),
                    _ => format!("{days}-{hours:02}:{:02}:{:02}", e / 60 % 60, e % 60),
                }
            }
            "comm" | "ucomm" => self.name.clone(),
            _ => self.command.clone(),
        }
    }
}

fn main() {
    PROGRAM.run(|mut args, out| {
        args.answer_lone_help();
        let argv: Vec<String> = std::env::args().skip(1).collect();
        let mut format: Option<Vec<Column>> = None;
        let mut bsd_time = false;
        let mut headers = true;
        let mut wanted: Option<Vec<u32>> = None;
        let mut words = argv.iter();
        let (mut every, mut full) = (false, false);
        while let Some(word) = words.next() {
            match word.as_str() {
                "-e" | "-A" | "--everyone" => every = true,
                "-f" => full = true,
                "-ef" | "-fe" | "-Af" | "-fA" => (every, full) = (true, true),
                "-o" | "--format" => {
                    let spec = words.next().ok_or_else(|| {
                        Failure::Usage("option requires an argument -- 'o'".into())
                    })?;
                    format.get_or_insert_default().extend(columns(spec)?);
                }
                "-p" | "--pid" => {
                    let list = words.next().ok_or_else(|| {
                        Failure::Usage("option requires an argument -- 'p'".into())
                    })?;
                    let pids = list
                        .split([',', ' '])
                        .filter(|p| !p.is_empty())
                        .map(|p| {
                            p.parse().map_err(|_| {
                                Failure::Usage(format!("process ID list syntax error: {p}"))
                            })
                        })
                        .collect::<Result<Vec<u32>, _>>()?;
                    wanted.get_or_insert_default().extend(pids);
                }
                "--no-headers" | "--no-heading" => headers = false,
                bsd if !bsd.starts_with('-') && bsd.chars().all(|c| "auxwf".contains(c)) => {
                    bsd_time = true;
                    format = Some(if bsd.contains('u') {
                        columns("user,pid,%cpu,%mem,vsz,rss,tty,stat,start,time,command")?
                    } else {
                        columns("pid,tty,stat,time,command")?
                    });
                }
                other => return Err(Failure::Usage(format!("unsupported option '{other}'"))),
            }
        }
        let format = match format {
            Some(format) => Some(format),
            None if full => Some(columns("uid,pid,ppid,c,stime,tty,time,cmd")?),
            None if every => Some(columns("pid,tty,time,cmd")?),
            None => None,
        };
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
        if let Some(wanted) = &wanted {
            rows.retain(|r| wanted.contains(&r.pid));
        }
        let Some(format) = format else {
            writeln!(out, "{:>7} {:>7} S     TIME CMD", "PID", "PPID")?;
            for row in &rows {
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
            return Ok(u8::from(rows.is_empty()));
        };
        let cells: Vec<Vec<String>> = rows
            .iter()
            .map(|row| {
                format
                    .iter()
                    .map(|c| row.value(&c.name, bsd_time))
                    .collect()
            })
            .collect();
        let widths: Vec<usize> = format
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let widest = cells.iter().map(|r| r[i].len()).max().unwrap_or(0);
                c.width.max(widest).max(c.header.len())
            })
            .collect();
        let line = |values: Vec<&str>| {
            let last = values.len() - 1;
            values
                .iter()
                .enumerate()
                .map(|(i, v)| match (format[i].left, i == last) {
                    (true, true) => v.to_string(),
                    (true, false) => format!("{v:<w$}", w = widths[i]),
                    (false, _) => format!("{v:>w$}", w = widths[i]),
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        if headers && format.iter().any(|c| !c.header.is_empty()) {
            writeln!(
                out,
                "{}",
                line(format.iter().map(|c| c.header.as_str()).collect())
            )?;
        }
        for row in &cells {
            writeln!(out, "{}", line(row.iter().map(String::as_str).collect()))?;
        }
        Ok(u8::from(rows.is_empty()))
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
    // Linux's stat line: the niceness is the 19th field, the 17th after the name's `)`.
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let niceness = stat
        .rsplit_once(')')
        .and_then(|(_, rest)| rest.split_whitespace().nth(16))
        .and_then(|nice| nice.parse().ok())
        .unwrap_or(0);
    // The kernel gives a process's directory the time it started.
    let started = fs::metadata(format!("/proc/{pid}"))
        .and_then(|meta| meta.modified())
        .unwrap_or(UNIX_EPOCH);
    Some(Row {
        pid,
        ppid: field("PPid"),
        state: field("State").chars().next().unwrap_or('?'),
        niceness,
        cpu_seconds: field("CpuTime").parse().unwrap_or(0.0),
        rss_kib: field("VmRSS").trim_end_matches(" kB").parse().unwrap_or(0),
        started,
        name: field("Name"),
        command,
    })
}
