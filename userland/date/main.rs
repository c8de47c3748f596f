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

/// How a piece of the output changes case: `^` makes it upper case; `#` gives names
/// (`%a %A %b %B %h`) in upper case and `%p` `%Z` in lower, as glibc's "opposite case".
#[derive(Clone, Copy, PartialEq)]
enum Case {
    Keep,
    Upper,
    Lower,
}

/// A piece of the output: what jiff formats, its case, and the width it is padded to on
/// the left with the character given.
struct Piece {
    jiff: String,
    case: Case,
    pad: Option<(usize, char)>,
}

/// Conversions jiff pads no further than its own text: GNU pads these with blanks (`%s`
/// with zeros) to the width given. Numbers are padded here too past jiff's width limit.
const PADDED_HERE: &[u8] = b"aAbBhpPZcxXrRTDnts";

/// The pattern with GNU's leniency spelled out for jiff, in pieces: a `%` that starts no
/// known conversion (a trailing one, `%K`) stands for itself, and the `E` and `O`
/// modifiers, which change nothing in the C locale, are dropped. A conversion with a case
/// flag, or a width jiff does not apply, is a piece of its own, the flag and width taken
/// off (jiff allows one flag, and reads `#` otherwise), its case and width applied once
/// it is formatted.
fn as_gnu_reads(pattern: &str) -> Vec<Piece> {
    const CONVERSIONS: &[u8] = b"%AaBbCcDdeFfGgHhIjklMmNnPpQqRrSsTtUuVWwXxYyZz";
    let bytes = pattern.as_bytes();
    let mut pieces = Vec::new();
    let mut out = String::with_capacity(pattern.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'%' {
            let next = pattern[i..].find('%').map_or(bytes.len(), |n| i + n);
            out.push_str(&pattern[i..next]);
            i = next;
            continue;
        }
        let mut end = i + 1;
        while end < bytes.len() && b"_-0^#:".contains(&bytes[end])
            || bytes.get(end).is_some_and(u8::is_ascii_digit)
        {
            end += 1;
        }
        let modifier = matches!(bytes.get(end), Some(b'E' | b'O'))
            && bytes.get(end + 1).is_some_and(|c| CONVERSIONS.contains(c));
        let conversion = bytes.get(end + usize::from(modifier));
        match conversion {
            Some(&c) if CONVERSIONS.contains(&c) => {
                let flags = &pattern[i + 1..end];
                let case = match (flags.contains('^'), flags.contains('#'), c) {
                    (true, ..) => Case::Upper,
                    (false, true, b'a' | b'A' | b'b' | b'B' | b'h') => Case::Upper,
                    (false, true, b'p' | b'Z') => Case::Lower,
                    _ => Case::Keep,
                };
                // Flags come first; the width starts at the first digit that is not 0.
                let (flag_chars, width) = flags.split_at(
                    flags
                        .find(|f: char| f.is_ascii_digit() && f != '0')
                        .unwrap_or(flags.len()),
                );
                let width: Option<usize> = width.parse().ok();
                // jiff refuses widths past 255; GNU takes any.
                let too_wide = width.is_some_and(|w| w > 255);
                let numeric = !PADDED_HERE.contains(&c) || c == b's';
                let padded_here = width.is_some() && (PADDED_HERE.contains(&c) || too_wide);
                if flags.contains(['^', '#']) || padded_here {
                    if !out.is_empty() {
                        pieces.push(Piece {
                            jiff: std::mem::take(&mut out),
                            case: Case::Keep,
                            pad: None,
                        });
                    }
                    // What is padded here is formatted by jiff unpadded.
                    let kept: String = match (padded_here, numeric) {
                        (true, true) => "-".into(),
                        (true, false) => String::new(),
                        (false, _) => flags.chars().filter(|f| !matches!(f, '^' | '#')).collect(),
                    };
                    // GNU pads numbers with zeros (%e %k %l with blanks), names with
                    // blanks; `_` and `0` choose.
                    let fill = match (flag_chars.contains('_'), flag_chars.contains('0')) {
                        (true, _) => ' ',
                        (false, true) => '0',
                        _ if numeric && !b"ekl".contains(&c) => '0',
                        _ => ' ',
                    };
                    let pad = width
                        .filter(|_| padded_here && !flag_chars.contains('-'))
                        .map(|w| (w, fill));
                    pieces.push(Piece {
                        jiff: format!("%{kept}{}", char::from(c)),
                        case,
                        pad,
                    });
                } else {
                    out.push_str(&pattern[i..end]);
                    out.push(char::from(c));
                }
                i = end + usize::from(modifier) + 1;
            }
            _ => {
                out.push_str("%%");
                i += 1;
            }
        }
    }
    if !out.is_empty() || pieces.is_empty() {
        pieces.push(Piece {
            jiff: out,
            case: Case::Keep,
            pad: None,
        });
    }
    pieces
}

/// A strftime format in the C locale.
fn format(pattern: &str, when: &Zoned) -> Result<String, Failure> {
    let config = Config::new().custom(PosixCustom::new());
    let broken_down = BrokenDownTime::from(when);
    let mut text = String::new();
    for piece in as_gnu_reads(pattern) {
        let mut formatted = String::new();
        broken_down
            .format_with_config(&config, piece.jiff, &mut formatted)
            .map_err(|e| Failure::Fatal(format!("invalid format '{pattern}': {e}")))?;
        let formatted = match piece.case {
            Case::Keep => formatted,
            Case::Upper => formatted.to_uppercase(),
            Case::Lower => formatted.to_lowercase(),
        };
        if let Some((width, fill)) = piece.pad {
            let short = width.saturating_sub(formatted.chars().count());
            text.extend(std::iter::repeat_n(fill, short));
        }
        text.push_str(&formatted);
    }
    Ok(text)
}

fn iso_format(precision: &str) -> Result<&'static str, Failure> {
    const FORMATS: [(&str, &str); 5] = [
        ("date", "%Y-%m-%d"),
        ("hours", "%Y-%m-%dT%H%:z"),
        ("minutes", "%Y-%m-%dT%H:%M%:z"),
        ("seconds", "%Y-%m-%dT%H:%M:%S%:z"),
        ("ns", "%Y-%m-%dT%H:%M:%S,%N%:z"),
    ];
    // Any unambiguous abbreviation will do, as GNU's argmatch allows (`-Is`); the
    // initials differ, so a non-empty prefix is never ambiguous.
    FORMATS
        .iter()
        .find(|(name, _)| !precision.is_empty() && name.starts_with(precision))
        .map(|(_, format)| *format)
        .ok_or_else(|| Failure::Usage(format!("invalid argument '{precision}' for '--iso-8601'")))
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
