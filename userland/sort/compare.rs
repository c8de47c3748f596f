//! How two keys compare under each order GNU sort knows, in the C locale.

use crate::key::{Order, Rule};
use std::cmp::Ordering;

/// Compares two keys under `rule` (its `reverse` included).
pub fn keys(a: &[u8], b: &[u8], rule: &Rule) -> Ordering {
    let order = match rule.order {
        Order::Text if rule.is_plain() => a.cmp(b),
        Order::Text => filtered(a, b, rule),
        Order::Numeric => numeric(a, b),
        Order::General => general(a, b),
        Order::Human => human(a, b),
        Order::Month => month(a).cmp(&month(b)),
        Order::Version => wasmix_common::version::compare(a, b),
        Order::Random => random_rank(a).cmp(&random_rank(b)),
    };
    if rule.reverse { order.reverse() } else { order }
}

/// The salt of -R's hash: random for each run, unless --random-source gave bytes.
static SALT: std::sync::OnceLock<std::hash::RandomState> = std::sync::OnceLock::new();
static SOURCE: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();

/// --random-source: the salt comes from these bytes, so the order is the same each run.
pub fn seed_random(bytes: &[u8]) {
    let _ = SOURCE.set(bytes.to_vec());
}

/// Where -R puts a key: equal keys get equal ranks, so they end up together.
fn random_rank(key: &[u8]) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    match SOURCE.get() {
        Some(source) => {
            let mut hasher = std::hash::DefaultHasher::new();
            hasher.write(source);
            hasher.write(key);
            hasher.finish()
        }
        None => SALT.get_or_init(std::hash::RandomState::new).hash_one(key),
    }
}

/// Text under -d (only blanks and alphanumerics count), -i (only printable characters)
/// and -f (lower case as upper).
fn filtered(a: &[u8], b: &[u8], rule: &Rule) -> Ordering {
    let kept = |c: &&u8| {
        (!rule.dictionary || c.is_ascii_alphanumeric() || matches!(c, b' ' | b'\t'))
            && (!rule.printable_only || (b' '..=b'~').contains(*c))
    };
    let fold = |c: &u8| {
        if rule.fold {
            c.to_ascii_uppercase()
        } else {
            *c
        }
    };
    a.iter()
        .filter(kept)
        .map(fold)
        .cmp(b.iter().filter(kept).map(fold))
}

fn skip_blanks(s: &[u8]) -> &[u8] {
    let at = s
        .iter()
        .position(|&c| c != b' ' && c != b'\t')
        .unwrap_or(s.len());
    &s[at..]
}

/// A number as -n reads it: sign, integer digits without leading zeros, fraction digits
/// without trailing zeros; and how many bytes it took.
fn number_parts(s: &[u8]) -> (bool, &[u8], &[u8], usize) {
    let blanks = s.len() - skip_blanks(s).len();
    let mut at = blanks;
    let negative = s.get(at) == Some(&b'-');
    if negative {
        at += 1;
    }
    let digits_from = at;
    while s.get(at).is_some_and(u8::is_ascii_digit) {
        at += 1;
    }
    let mut integer = &s[digits_from..at];
    while let [b'0', rest @ ..] = integer {
        integer = rest;
    }
    let mut fraction: &[u8] = &[];
    if s.get(at) == Some(&b'.') {
        let from = at + 1;
        at = from;
        while s.get(at).is_some_and(u8::is_ascii_digit) {
            at += 1;
        }
        fraction = &s[from..at];
        while let [rest @ .., b'0'] = fraction {
            fraction = rest;
        }
    }
    (negative, integer, fraction, at)
}

/// -n: exact comparison of decimal numbers of any length; what is no number is zero.
pub fn numeric(a: &[u8], b: &[u8]) -> Ordering {
    let (a_negative, a_int, a_frac, _) = number_parts(a);
    let (b_negative, b_int, b_frac, _) = number_parts(b);
    let a_zero = a_int.is_empty() && a_frac.is_empty();
    let b_zero = b_int.is_empty() && b_frac.is_empty();
    let a_sign = if a_zero {
        0
    } else if a_negative {
        -1
    } else {
        1
    };
    let b_sign = if b_zero {
        0
    } else if b_negative {
        -1
    } else {
        1
    };
    if a_sign != b_sign || a_sign == 0 {
        return a_sign.cmp(&b_sign);
    }
    let magnitude = a_int
        .len()
        .cmp(&b_int.len())
        .then_with(|| a_int.cmp(b_int))
        .then_with(|| a_frac.cmp(b_frac));
    if a_sign < 0 {
        magnitude.reverse()
    } else {
        magnitude
    }
}

/// -h: the sign, then the unit (K, M, G, ...), then the number.
fn human(a: &[u8], b: &[u8]) -> Ordering {
    let unit = |s: &[u8]| -> i32 {
        let (negative, integer, fraction, end) = number_parts(s);
        let power = match s.get(end) {
            Some(b'k' | b'K') => 1,
            Some(b'M') => 2,
            Some(b'G') => 3,
            Some(b'T') => 4,
            Some(b'P') => 5,
            Some(b'E') => 6,
            Some(b'Z') => 7,
            Some(b'Y') => 8,
            Some(b'R') => 9,
            Some(b'Q') => 10,
            _ => 0,
        };
        let zero = integer.is_empty() && fraction.is_empty();
        if negative && !zero { -power } else { power }
    };
    unit(a).cmp(&unit(b)).then_with(|| numeric(a, b))
}

/// -g: as floating point numbers (strtod); what is no number comes first, then NaN.
fn general(a: &[u8], b: &[u8]) -> Ordering {
    let value = |s: &[u8]| -> (u8, f64) {
        match strtod(skip_blanks(s)) {
            None => (0, 0.0),
            Some(v) if v.is_nan() => (1, 0.0),
            Some(v) => (2, v),
        }
    };
    let ((a_class, a_value), (b_class, b_value)) = (value(a), value(b));
    a_class
        .cmp(&b_class)
        .then_with(|| a_value.partial_cmp(&b_value).unwrap_or(Ordering::Equal))
}

/// The number C's `strtod` reads at the start of `s`, None when it reads none: a sign,
/// then `inf`, `infinity` or `nan` in any case, a hexadecimal number (`0x1.8p3`), or a
/// decimal one (`1.5e3`); an exponent counts only with digits after it.
fn strtod(s: &[u8]) -> Option<f64> {
    let (negative, rest) = match s.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let starts =
        |word: &[u8]| rest.len() >= word.len() && rest[..word.len()].eq_ignore_ascii_case(word);
    let digits = |from: usize, hex: bool| {
        rest[from.min(rest.len())..]
            .iter()
            .take_while(|b| {
                if hex {
                    b.is_ascii_hexdigit()
                } else {
                    b.is_ascii_digit()
                }
            })
            .count()
    };
    let magnitude = if starts(b"inf") {
        f64::INFINITY
    } else if starts(b"nan") {
        f64::NAN
    } else if starts(b"0x")
        && (digits(2, true) > 0 || rest.get(2) == Some(&b'.') && digits(3, true) > 0)
    {
        let whole = digits(2, true);
        let mut at = 2 + whole;
        let mut fraction = 0;
        if rest.get(at) == Some(&b'.') {
            fraction = digits(at + 1, true);
            at += 1 + fraction;
        }
        let mut mantissa = 0f64;
        for &b in rest[2..at].iter().filter(|&&b| b != b'.') {
            mantissa = mantissa * 16.0 + f64::from((b as char).to_digit(16).unwrap_or(0));
        }
        let mut exponent = -4 * fraction as i32;
        if matches!(rest.get(at), Some(b'p' | b'P')) {
            let sign = usize::from(matches!(rest.get(at + 1), Some(b'+' | b'-')));
            let count = digits(at + 1 + sign, false);
            if count > 0 {
                let text = std::str::from_utf8(&rest[at + 1..at + 1 + sign + count]).ok()?;
                exponent = exponent.saturating_add(text.parse::<i32>().unwrap_or(i32::MAX));
            }
        }
        mantissa * 2f64.powi(exponent)
    } else {
        let whole = digits(0, false);
        let mut at = whole;
        let mut fraction = 0;
        if rest.get(at) == Some(&b'.') {
            fraction = digits(at + 1, false);
            at += 1 + fraction;
        }
        if whole + fraction == 0 {
            return None;
        }
        if matches!(rest.get(at), Some(b'e' | b'E')) {
            let sign = usize::from(matches!(rest.get(at + 1), Some(b'+' | b'-')));
            let count = digits(at + 1 + sign, false);
            if count > 0 {
                at += 1 + sign + count;
            }
        }
        std::str::from_utf8(&rest[..at]).ok()?.parse::<f64>().ok()?
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// -M: the month a key starts with (after blanks), 0 for none.
fn month(key: &[u8]) -> usize {
    const MONTHS: [&[u8]; 12] = [
        b"JAN", b"FEB", b"MAR", b"APR", b"MAY", b"JUN", b"JUL", b"AUG", b"SEP", b"OCT", b"NOV",
        b"DEC",
    ];
    let key = skip_blanks(key);
    key.get(..3)
        .map(|start| start.to_ascii_uppercase())
        .and_then(|start| MONTHS.iter().position(|m| *m == start.as_slice()))
        .map_or(0, |i| i + 1)
}
