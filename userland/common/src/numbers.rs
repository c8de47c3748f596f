//! Numbers as GNU tools read them on the command line.

/// A count with an optional multiplier suffix, as in `head -c 1K`: `b` (512), `kB` (1000),
/// `K`/`KiB` (1024), and likewise M, G, T, P, E. None if it is not such a number.
pub fn parse_size(text: &str) -> Option<u64> {
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (digits, suffix) = text.split_at(split);
    let number: u64 = digits.parse().ok()?;
    let multiplier: u64 = match suffix {
        "" => 1,
        "b" => 512,
        _ => {
            let mut chars = suffix.chars();
            let letter = chars.next()?;
            let power = "KMGTPE".find(letter.to_ascii_uppercase())? as u32 + 1;
            let base: u64 = match chars.as_str() {
                "" | "iB" => 1024,
                "B" => 1000,
                _ => return None,
            };
            base.checked_pow(power)?
        }
    };
    number.checked_mul(multiplier)
}

/// A time interval as sleep, timeout and watch take it: seconds (integer or fraction) with
/// an optional suffix s, m, h or d.
pub fn parse_interval(text: &str) -> Option<std::time::Duration> {
    let (number, unit) = match text.char_indices().last()? {
        (at, 's') => (&text[..at], 1.0),
        (at, 'm') => (&text[..at], 60.0),
        (at, 'h') => (&text[..at], 3600.0),
        (at, 'd') => (&text[..at], 86400.0),
        _ => (text, 1.0),
    };
    let seconds: f64 = number.parse().ok()?;
    if !seconds.is_finite() || seconds < 0.0 || number.starts_with(['+', '-']) && seconds != 0.0 {
        return None;
    }
    std::time::Duration::try_from_secs_f64(seconds * unit).ok()
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn suffixes_multiply() {
        assert_eq!(parse_size("12"), Some(12));
        assert_eq!(parse_size("1K"), Some(1024));
        assert_eq!(parse_size("1KiB"), Some(1024));
        assert_eq!(parse_size("1kB"), Some(1000));
        assert_eq!(parse_size("1k"), Some(1024));
        assert_eq!(parse_size("1m"), Some(1 << 20));
        assert_eq!(parse_size("2b"), Some(1024));
        assert_eq!(parse_size("1M"), Some(1 << 20));
        assert_eq!(parse_size("1x"), None);
        assert_eq!(parse_size(""), None);
        assert_eq!(parse_size("k"), None);
    }
}

/// A size as GNU's `-h` shows it: powers of 1024, one decimal below 10, always rounded up
/// (`1.5K`, `10K`, `96`).
pub fn human_size(bytes: u64) -> String {
    human_size_in(bytes, 1024)
}

/// `human_size` in powers of `base`: 1024, or 1000 as `--si` asks (a lower-case `k`).
pub fn human_size_in(bytes: u64, base: u64) -> String {
    let units = if base == 1000 {
        ["k", "M", "G", "T", "P", "E"]
    } else {
        ["K", "M", "G", "T", "P", "E"]
    };
    if bytes < base {
        return bytes.to_string();
    }
    let base = base as f64;
    let mut value = bytes as f64;
    for unit in units {
        value /= base;
        if value < base || unit == "E" {
            return if value < 10.0 {
                let tenths = (value * 10.0).ceil() / 10.0;
                if tenths >= 10.0 {
                    format!("{}{unit}", tenths.ceil() as u64)
                } else {
                    format!("{tenths:.1}{unit}")
                }
            } else {
                format!("{}{unit}", value.ceil() as u64)
            };
        }
    }
    unreachable!("the loop returns at the last unit")
}

#[cfg(test)]
mod human_tests {
    use super::human_size;

    #[test]
    fn sizes_round_up_like_gnu() {
        assert_eq!(human_size(96), "96");
        assert_eq!(human_size(1024), "1.0K");
        assert_eq!(human_size(1025), "1.1K");
        assert_eq!(human_size(1536), "1.5K");
        assert_eq!(human_size(10 * 1024), "10K");
        assert_eq!(human_size(10 * 1024 + 1), "11K");
        assert_eq!(human_size(5 << 20), "5.0M");
        assert_eq!(super::human_size_in(5000, 1000), "5.0k");
        assert_eq!(super::human_size_in(999, 1000), "999");
    }
}

/// A count as `head` and `tail` take it: `[+|-]NUM[SUFFIX]`, with the sign kept.
pub struct SignedCount {
    pub count: u64,
    pub sign: Option<char>,
}

/// Parses `-n`/`-c` values; `what` ("lines", "bytes") names them in the error.
pub fn parse_signed_count(text: &str, what: &str) -> Result<SignedCount, crate::Failure> {
    let (sign, number) = match text.chars().next() {
        Some(sign @ ('+' | '-')) => (Some(sign), &text[1..]),
        _ => (None, text),
    };
    let count = parse_size(number)
        .ok_or_else(|| crate::Failure::Fatal(format!("invalid number of {what}: '{text}'")))?;
    Ok(SignedCount { count, sign })
}
