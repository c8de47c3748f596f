//! date: print the date and time, in the time zone `TZ` names (an IANA name from the
//! bundled database, or a POSIX rule such as `EST5EDT`), of now or of a date string.

use jiff::Zoned;
use jiff::fmt::strtime::{BrokenDownTime, Config, PosixCustom};
use jiff::tz::TimeZone;
use std::io::Write;
use wasmix_common::datetime::{local_zone, parse};
use wasmix_common::{Arg, Failure, Program, args, file_error};

static PROGRAM: Program = Program::new(
    "date",
    "Usage: date [OPTION]... [+FORMAT]\n\
     Display date and time in the given FORMAT.\n\n  \
     -d, --date=STRING          display time described by STRING, not 'now'\n  \
     -f, --file=DATEFILE        like --date; once for each line of DATEFILE\n  \
     -I[FMT], --iso-8601[=FMT]  output date/time in ISO 8601 format.\n                               \
     FMT='date' for date only (the default),\n                               \
     'hours', 'minutes', 'seconds', or 'ns'\n                               \
     for date and time to the indicated precision.\n  \
     -R, --rfc-email            output date and time in RFC 5322 format.\n      \
     --rfc-3339=FMT         output date/time in RFC 3339 format.\n                               \
     FMT='date', 'seconds', or 'ns'\n  \
     -r, --reference=FILE       display the last modification time of FILE\n  \
     -u, --utc, --universal     print or set Coordinated Universal Time (UTC)\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n\n\
     FORMAT controls the output, with the sequences of strftime: %a %A %b %B %c %C %d\n\
     %D %e %F %g %G %h %H %I %j %k %l %m %M %n %N %p %P %q %r %R %s %S %t %T %u %U %V\n\
     %w %W %x %X %y %Y %z %:z %::z %Z, and the flags - _ 0 ^ # after the %.\n\n\
     STRING may be @SECONDS, a date (2020-01-02, 01/02/2020, Jan 2 2020), a time\n\
     (15:04[:05] [am|pm] [+0100|UTC]), a weekday (next friday) and relative items\n\
     (3 days ago, +1 month, yesterday, tomorrow).\n",
);

/// A strftime format in the C locale.
fn format(pattern: &str, when: &Zoned) -> Result<String, Failure> {
    let config = Config::new().custom(PosixCustom::new());
    let mut text = String::new();
    BrokenDownTime::from(when)
        .format_with_config(&config, pattern, &mut text)
        .map_err(|e| Failure::Fatal(format!("invalid format '{pattern}': {e}")))?;
    Ok(text)
}

fn iso_format(precision: &str) -> Result<&'static str, Failure> {
    Ok(match precision {
        "date" => "%Y-%m-%d",
        "hours" => "%Y-%m-%dT%H%:z",
        "minutes" => "%Y-%m-%dT%H:%M%:z",
        "seconds" => "%Y-%m-%dT%H:%M:%S%:z",
        "ns" => "%Y-%m-%dT%H:%M:%S,%N%:z",
        other => {
            return Err(Failure::Usage(format!(
                "invalid argument '{other}' for '--iso-8601'"
            )));
        }
    })
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut pattern: Option<String> = None;
        let mut strings: Vec<String> = Vec::new();
        let mut date_file = None;
        let mut reference = None;
        let mut utc = false;
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('u') | Arg::Long("utc" | "universal") => utc = true,
                Arg::Short('I') | Arg::Long("iso-8601") => {
                    let precision = args.optional_value().unwrap_or_else(|| "date".into());
                    pattern = Some(iso_format(&precision)?.into());
                }
                Arg::Short('R') | Arg::Long("rfc-email") => {
                    pattern = Some("%a, %d %b %Y %H:%M:%S %z".into())
                }
                Arg::Long("rfc-3339") => {
                    pattern = Some(match args.value()?.as_str() {
                        "date" => "%Y-%m-%d".into(),
                        "seconds" => "%Y-%m-%d %H:%M:%S%:z".into(),
                        "ns" => "%Y-%m-%d %H:%M:%S.%N%:z".into(),
                        other => {
                            return Err(Failure::Usage(format!(
                                "invalid argument '{other}' for '--rfc-3339'"
                            )));
                        }
                    })
                }
                Arg::Short('d') | Arg::Long("date") => strings.push(args.value()?),
                Arg::Short('f') | Arg::Long("file") => date_file = Some(args.value()?),
                Arg::Short('r') | Arg::Long("reference") => reference = Some(args.value()?),
                Arg::Value(v) => {
                    let text = args::into_string(v)?;
                    match text.strip_prefix('+') {
                        Some(custom) if pattern.is_none() => pattern = Some(custom.to_string()),
                        Some(_) => {
                            return Err(Failure::Usage("multiple output formats specified".into()));
                        }
                        None => return Err(Failure::Fatal(format!("invalid date '{text}'"))),
                    }
                }
                other => return Err(args::unexpected(other)),
            }
        }
        let zone = if utc { TimeZone::UTC } else { local_zone() };
        let now = Zoned::now().with_time_zone(zone);
        let pattern = pattern.unwrap_or_else(|| "%a %b %e %H:%M:%S %Z %Y".into());
        if let Some(name) = date_file {
            let text = std::fs::read_to_string(&name)
                .map_err(|e| Failure::Fatal(file_error(&name, &e)))?;
            strings.extend(text.lines().map(str::to_string));
        }
        if let Some(name) = reference {
            let modified = std::fs::metadata(&name)
                .and_then(|meta| meta.modified())
                .map_err(|e| Failure::Fatal(file_error(&name, &e)))?;
            let moment = jiff::Timestamp::try_from(modified)
                .map_err(|e| Failure::Fatal(format!("{name}: {e}")))?;
            writeln!(
                out,
                "{}",
                format(&pattern, &moment.to_zoned(now.time_zone().clone()))?
            )?;
            return Ok(0);
        }
        if strings.is_empty() {
            writeln!(out, "{}", format(&pattern, &now)?)?;
            return Ok(0);
        }
        let mut status = 0;
        for text in strings {
            match parse(&text, &now) {
                Some(when) => writeln!(out, "{}", format(&pattern, &when)?)?,
                None => {
                    PROGRAM.warn(format!("invalid date '{text}'"));
                    status = 1;
                }
            }
        }
        Ok(status)
    })
}
