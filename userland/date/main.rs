//! date: print the date and time (UTC: wasmix has no time zone database).

use chrono::{DateTime, Utc};
use std::io::Write;
use wasmix_common::{Arg, Failure, Program, args};

static PROGRAM: Program = Program::new(
    "date",
    "Usage: date [OPTION]... [+FORMAT]\n\
     Display the current time in the given FORMAT (times are UTC).\n\n  \
     -d, --date=@SECONDS     display the time SECONDS after the Epoch, not 'now'\n  \
     -u, --utc, --universal  print Coordinated Universal Time (the only zone here)\n  \
     -I, --iso-8601          output date in ISO 8601 format (%Y-%m-%d)\n  \
     -R, --rfc-email         output date and time in RFC 5322 format\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n\n\
     FORMAT takes the sequences of strftime, e.g. %Y %m %d %H %M %S %s %a %b %j %Z.\n",
);

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut format = "%a %b %e %H:%M:%S %Z %Y".to_string();
        let mut when: DateTime<Utc> = Utc::now();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('u') | Arg::Long("utc") | Arg::Long("universal") => {}
                Arg::Short('I') | Arg::Long("iso-8601") => format = "%Y-%m-%d".into(),
                Arg::Short('R') | Arg::Long("rfc-email") => {
                    format = "%a, %d %b %Y %H:%M:%S +0000".into()
                }
                Arg::Short('d') | Arg::Long("date") => {
                    let text = args.value()?;
                    let seconds: i64 = text
                        .strip_prefix('@')
                        .and_then(|s| s.parse().ok())
                        .ok_or_else(|| Failure::Fatal(format!("invalid date '{text}'")))?;
                    when = DateTime::from_timestamp(seconds, 0)
                        .ok_or_else(|| Failure::Fatal(format!("invalid date '{text}'")))?;
                }
                Arg::Value(v) => {
                    let text = args::into_string(v)?;
                    match text.strip_prefix('+') {
                        Some(custom) => format = custom.to_string(),
                        None => return Err(Failure::Fatal(format!("invalid date '{text}'"))),
                    }
                }
                other => return Err(args::unexpected(other)),
            }
        }
        // chrono names the zone "UTC" for %Z, as GNU date -u does.
        let mut text = String::new();
        use std::fmt::Write as _;
        write!(text, "{}", when.format(&format))
            .map_err(|_| Failure::Fatal(format!("invalid format '{format}'")))?;
        writeln!(out, "{text}")?;
        Ok(0)
    })
}
