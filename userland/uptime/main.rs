//! uptime: the time, how long the system has been up, its users and its load averages,
//! from /proc/uptime and /proc/loadavg, in the shapes of procps-ng's `uptime`.

use jiff::Timestamp;
use std::io::Write;
use wasmix_common::datetime::local_zone;
use wasmix_common::{Arg, Failure, Program};

static PROGRAM: Program = Program::new(
    "uptime",
    "\nUsage:\n uptime [options]\n\n\
     Options:\n \
     -p, --pretty   show uptime in pretty format\n \
     -h, --help     display this help and exit\n \
     -s, --since    system up since\n \
     -V, --version  output version information and exit\n\n\
     For more details see uptime(1).\n",
);

/// wasmix has one session, the console's.
const USERS: u32 = 1;

const MINUTE: u64 = 60;
const HOUR: u64 = 60 * MINUTE;
const DAY: u64 = 24 * HOUR;

/// Status 1 after the complaint, if any, and the usage text on stderr.
fn usage_error(complaint: Option<String>) -> u8 {
    if let Some(complaint) = complaint {
        PROGRAM.warn(complaint);
    }
    let _ = write!(std::io::stderr(), "{}", PROGRAM.help);
    1
}

/// The first number of a /proc file.
fn first_number(path: &str) -> Result<f64, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure::Fatal(format!("{path}: {}", wasmix_common::describe_io_error(&e))))?;
    text.split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| Failure::Fatal("Cannot get system uptime".into()))
}

fn load_averages() -> Result<[f64; 3], Failure> {
    let text = std::fs::read_to_string("/proc/loadavg").map_err(|e| {
        Failure::Fatal(format!(
            "/proc/loadavg: {}",
            wasmix_common::describe_io_error(&e)
        ))
    })?;
    let mut numbers = text.split_whitespace().map(|n| n.parse().unwrap_or(0.0));
    Ok([(); 3].map(|()| numbers.next().unwrap_or(0.0)))
}

/// ` 10:01:02 up 3 days,  4:05,  1 user,  load average: 0.00, 0.01, 0.05`
fn standard(up: f64, now: &jiff::Zoned) -> Result<String, Failure> {
    let up = up as u64;
    let (days, hours, minutes) = (up / DAY, up / HOUR % 24, up / MINUTE % 60);
    let mut line = format!(" {} up ", now.strftime("%H:%M:%S"));
    if days > 0 {
        line += &format!("{days} {}, ", if days > 1 { "days" } else { "day" });
    }
    if hours > 0 {
        line += &format!("{hours:2}:{minutes:02}, ");
    } else {
        line += &format!("{minutes} min, ");
    }
    let [one, five, fifteen] = load_averages()?;
    let users = if USERS > 1 { "users" } else { "user" };
    line += &format!("{USERS:2} {users},  load average: {one:.2}, {five:.2}, {fifteen:.2}");
    Ok(line)
}

/// `up 2 weeks, 1 day, 3 hours, 5 minutes`: each unit that is not zero, largest first.
fn pretty(up: f64) -> String {
    const UNITS: [(u64, &str); 6] = [
        (10 * 365 * DAY, "decade"),
        (365 * DAY, "year"),
        (7 * DAY, "week"),
        (DAY, "day"),
        (HOUR, "hour"),
        (MINUTE, "minute"),
    ];
    let mut left = up;
    let mut parts = Vec::new();
    for (size, name) in UNITS {
        // procps takes a unit only when more than one whole of it is left.
        let count = if left > size as f64 {
            (left / size as f64) as u64
        } else {
            0
        };
        left -= (count * size) as f64;
        let shown = count > 0 || (size == MINUTE && left < MINUTE as f64);
        if shown {
            let plural = if size == MINUTE {
                count != 1
            } else {
                count > 1
            };
            parts.push(format!("{count} {name}{}", if plural { "s" } else { "" }));
        }
    }
    format!("up {}", parts.join(", "))
}

/// `2026-12-05 07:40:12`: when the system came up, in local time.
fn since(up: f64, now: Timestamp) -> Result<String, Failure> {
    let now_seconds = now.as_nanosecond() as f64 / 1e9;
    let booted = Timestamp::from_second((now_seconds - up + 0.5) as i64)
        .map_err(|e| Failure::Fatal(e.to_string()))?;
    Ok(booted
        .to_zoned(local_zone())
        .strftime("%Y-%m-%d %H:%M:%S")
        .to_string())
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut pretty_form = false;
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('p') | Arg::Long("pretty") => pretty_form = true,
                Arg::Short('s') | Arg::Long("since") => {
                    let now = Timestamp::now();
                    writeln!(out, "{}", since(first_number("/proc/uptime")?, now)?)?;
                    return Ok(0);
                }
                Arg::Short('h') => args.show_help(),
                Arg::Short('V') => args.show_version(),
                // procps answers a wrong command line with its usage text on stderr.
                Arg::Value(_) => return Ok(usage_error(None)),
                Arg::Short(c) => return Ok(usage_error(Some(format!("invalid option -- '{c}'")))),
                Arg::Long(name) => {
                    return Ok(usage_error(Some(format!("unrecognized option '--{name}'"))));
                }
            }
        }
        let up = first_number("/proc/uptime")?;
        let line = if pretty_form {
            pretty(up)
        } else {
            standard(up, &Timestamp::now().to_zoned(local_zone()))?
        };
        writeln!(out, "{line}")?;
        Ok(0)
    })
}
