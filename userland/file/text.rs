//! Text as file(1) tells it: ASCII, UTF-8 (with a BOM or not), ISO-8859; what the first
//! line's `#!` runs; HTML; and the notes on its lines (long lines, their terminators,
//! escape sequences, overstriking).

/// Bytes text may hold: printing ASCII and the controls text uses (BEL to CR, ESC).
fn is_text_byte(b: u8) -> bool {
    matches!(b, 0x07..=0x0d | 0x1b | 0x20..=0x7e)
}

/// What the text is, or None if it is not text.
pub fn describe(bytes: &[u8]) -> Option<String> {
    let (encoding, body) = encoding(bytes)?;
    let mut text = match script(body, encoding) {
        Some(script) => script,
        None if html(body) => format!("HTML document, {encoding}"),
        None => encoding.to_string(),
    };
    let longest = body
        .split(|&b| b == b'\n' || b == b'\r')
        .map(<[u8]>::len)
        .max()
        .unwrap_or(0);
    if longest > 300 {
        text.push_str(&format!(", with very long lines ({longest})"));
    }
    if let Some(ends) = terminators(body) {
        text.push_str(&format!(", with {ends} line terminators"));
    }
    if body.contains(&0x1b) {
        text.push_str(", with escape sequences");
    }
    if body.contains(&0x08) {
        text.push_str(", with overstriking");
    }
    Some(text)
}

fn encoding(bytes: &[u8]) -> Option<(&'static str, &[u8])> {
    if let Some(body) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        std::str::from_utf8(body).ok()?;
        return Some(("Unicode text, UTF-8 (with BOM) text", body));
    }
    if bytes.iter().all(|&b| is_text_byte(b)) {
        return Some(("ASCII text", bytes));
    }
    let controls_are_text = bytes.iter().all(|&b| b >= 0x80 || is_text_byte(b));
    if !controls_are_text {
        return None;
    }
    if std::str::from_utf8(bytes).is_ok() {
        Some(("Unicode text, UTF-8 text", bytes))
    } else if bytes.iter().all(|&b| !(0x80..0xa0).contains(&b)) {
        Some(("ISO-8859 text", bytes))
    } else {
        Some(("Non-ISO extended-ASCII text", bytes))
    }
}

/// How file(1) names what a `#!` line runs, given the text's encoding.
fn script(body: &[u8], encoding: &str) -> Option<String> {
    let line = body.strip_prefix(b"#!")?;
    let line = &line[..line.iter().position(|&b| b == b'\n').unwrap_or(line.len())];
    let line = String::from_utf8_lossy(line);
    let line = line.trim();
    let mut words = line.split_whitespace();
    let first = words.next()?;
    let (program, shown) = if first.rsplit('/').next() == Some("env") {
        let rest = line[first.len()..].trim_start();
        (rest.split_whitespace().next()?, rest)
    } else {
        (first.rsplit('/').next()?, line)
    };
    let program = program.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.');
    let named = |name: &str| format!("{name}, {encoding} executable");
    Some(match program {
        "sh" | "dash" | "ash" => named("POSIX shell script"),
        "bash" => named("Bourne-Again shell script"),
        "zsh" => named("Paul Falstad's zsh script"),
        "python" => named("Python script"),
        "ruby" => named("Ruby script"),
        "awk" | "gawk" | "mawk" | "nawk" => named("awk script"),
        "perl" => "Perl script text executable".into(),
        "node" | "nodejs" => format!("Node.js script executable, {encoding}"),
        _ => named(&format!("a {shown} script")),
    })
}

fn html(body: &[u8]) -> bool {
    let start = body
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0);
    let head: Vec<u8> = body[start..]
        .iter()
        .take(15)
        .map(u8::to_ascii_lowercase)
        .collect();
    head.starts_with(b"<!doctype html") || head.starts_with(b"<html")
}

/// How the lines end, when it is not plain LF.
fn terminators(body: &[u8]) -> Option<&'static str> {
    let (mut lf, mut crlf, mut cr) = (0, 0, 0);
    let mut i = 0;
    while i < body.len() {
        match body[i] {
            b'\r' if body.get(i + 1) == Some(&b'\n') => {
                crlf += 1;
                i += 1;
            }
            b'\r' => cr += 1,
            b'\n' => lf += 1,
            _ => {}
        }
        i += 1;
    }
    match (lf > 0, crlf > 0, cr > 0) {
        (false, false, false) => Some("no"),
        (true, false, false) => None,
        (false, true, false) => Some("CRLF"),
        (false, false, true) => Some("CR"),
        (true, true, false) => Some("CRLF, LF"),
        (true, false, true) => Some("CR, LF"),
        (false, true, true) => Some("CRLF, CR"),
        (true, true, true) => Some("CRLF, CR, LF"),
    }
}

/// A time as ctime(3) writes it, in UTC: `Wed Dec  2 18:32:08 2026`.
pub fn ctime(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    let in_day = seconds.rem_euclid(86_400);
    // Howard Hinnant's days-to-civil.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    const WEEKDAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{} {} {day:>2} {:02}:{:02}:{:02} {year}",
        WEEKDAYS[days.rem_euclid(7) as usize],
        MONTHS[(month - 1) as usize],
        in_day / 3600,
        in_day / 60 % 60,
        in_day % 60
    )
}
