//! awk's values: numbers, strings, and "strnums" (input that looks like a number, which
//! compares as one), with the conversions between them.

use std::rc::Rc;

#[derive(Clone, Debug, Default)]
pub enum Value {
    #[default]
    Uninit,
    Num(f64),
    Str(Rc<str>),
    /// Text from input that looks numeric: a string that compares as its number.
    StrNum(Rc<str>, f64),
}

impl Value {
    pub fn str(text: impl Into<Rc<str>>) -> Value {
        Value::Str(text.into())
    }

    /// A value read from input (fields, getline, `split`, `-v`, ARGV, ENVIRON).
    pub fn input(text: &str) -> Value {
        match looks_numeric(text) {
            Some(n) => Value::StrNum(text.into(), n),
            None => Value::Str(text.into()),
        }
    }

    pub fn num(&self) -> f64 {
        match self {
            Value::Uninit => 0.0,
            Value::Num(n) | Value::StrNum(_, n) => *n,
            Value::Str(s) => leading_number(s),
        }
    }

    /// The text, numbers converted by `format` (CONVFMT or OFMT).
    pub fn text(&self, format: &str) -> Rc<str> {
        match self {
            Value::Uninit => "".into(),
            Value::Num(n) => number_text(*n, format).into(),
            Value::Str(s) | Value::StrNum(s, _) => s.clone(),
        }
    }

    pub fn truth(&self) -> bool {
        match self {
            Value::Uninit => false,
            Value::Num(n) | Value::StrNum(_, n) => *n != 0.0,
            Value::Str(s) => !s.is_empty(),
        }
    }

    /// Whether comparisons treat it as a number.
    pub fn numeric(&self) -> bool {
        !matches!(self, Value::Str(_))
    }
}

/// A number as awk prints it: integers whole, others through the format.
pub fn number_text(n: f64, format: &str) -> String {
    if n == n.trunc() && n.abs() < 9.2e18 {
        return format!("{}", n as i64);
    }
    if n.is_nan() {
        return if n.is_sign_negative() { "-nan" } else { "nan" }.into();
    }
    if n.is_infinite() {
        return if n < 0.0 { "-inf" } else { "inf" }.into();
    }
    crate::format::sprintf(format, &[Value::Num(n)], "%.6g").unwrap_or_default()
}

/// The number at the start of `text`, as strtod reads it (0 when there is none).
pub fn leading_number(text: &str) -> f64 {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c') {
        i += 1;
    }
    let start = i;
    if i < bytes.len() && (bytes[i] == b'+' || bytes[i] == b'-') {
        i += 1;
    }
    let digits_start = i;
    while i < bytes.len() && bytes[i].is_ascii_digit() {
        i += 1;
    }
    let mut digits = i - digits_start;
    if i < bytes.len() && bytes[i] == b'.' {
        i += 1;
        let fraction_start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        digits += i - fraction_start;
    }
    if digits == 0 {
        let rest = text[digits_start..].to_ascii_lowercase();
        let sign = if bytes.get(start) == Some(&b'-') {
            -1.0
        } else {
            1.0
        };
        if rest.starts_with("inf") {
            return sign * f64::INFINITY;
        }
        if rest.starts_with("nan") {
            return sign * f64::NAN;
        }
        return 0.0;
    }
    if i < bytes.len() && (bytes[i] | 0x20) == b'e' {
        let mut e = i + 1;
        if e < bytes.len() && (bytes[e] == b'+' || bytes[e] == b'-') {
            e += 1;
        }
        if e < bytes.len() && bytes[e].is_ascii_digit() {
            while e < bytes.len() && bytes[e].is_ascii_digit() {
                e += 1;
            }
            i = e;
        }
    }
    text[start..i].parse().unwrap_or(0.0)
}

/// Some(number) when all of `text`, but blanks around it, is a decimal number.
pub fn looks_numeric(text: &str) -> Option<f64> {
    // Most numeric input is a short integer: no float parsing for those.
    let bytes = text.as_bytes();
    if !bytes.is_empty() && bytes.len() <= 15 && bytes.iter().all(u8::is_ascii_digit) {
        return Some(bytes.iter().fold(0u64, |n, d| n * 10 + u64::from(d - b'0')) as f64);
    }
    let trimmed = text.trim_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
    let body = trimmed.strip_prefix(['+', '-']).unwrap_or(trimmed);
    let first = body.bytes().next()?;
    if !(first.is_ascii_digit() || first == b'.') {
        return None;
    }
    if body
        .bytes()
        .any(|b| !(b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-')))
    {
        return None;
    }
    trimmed.parse::<f64>().ok()
}
