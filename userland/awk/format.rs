//! `printf` and `sprintf`: C's conversions applied to awk values. Each conversion takes the
//! value as a number or a string as the letter asks; a missing argument is empty or zero.

use crate::value::Value;
use wasmix_printf_format::{c_exponent, c_general, fixed};

struct Spec {
    left: bool,
    plus: bool,
    space: bool,
    alternate: bool,
    zero: bool,
    width: usize,
    precision: Option<usize>,
}

/// Err when the format asks for more arguments than there are (awk's printf is fatal then).
pub fn sprintf(format: &str, args: &[Value], convfmt: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut args = args.iter();
    let mut missing = false;
    let mut next = || {
        args.next().cloned().unwrap_or_else(|| {
            missing = true;
            Value::default()
        })
    };
    let mut chars = format.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut spec = Spec {
            left: false,
            plus: false,
            space: false,
            alternate: false,
            zero: false,
            width: 0,
            precision: None,
        };
        while let Some(&(_, flag)) = chars.peek() {
            match flag {
                '-' => spec.left = true,
                '+' => spec.plus = true,
                ' ' => spec.space = true,
                '#' => spec.alternate = true,
                '0' => spec.zero = true,
                _ => break,
            }
            chars.next();
        }
        let mut number = |chars: &mut std::iter::Peekable<std::str::CharIndices>| {
            if chars.peek().map(|&(_, c)| c) == Some('*') {
                chars.next();
                return Some(next().num() as i64);
            }
            let mut value = None;
            while let Some(&(_, d)) = chars.peek() {
                let Some(digit) = d.to_digit(10) else { break };
                value = Some(
                    value
                        .unwrap_or(0i64)
                        .saturating_mul(10)
                        .saturating_add(digit as i64),
                );
                chars.next();
            }
            value
        };
        if let Some(width) = number(&mut chars) {
            if width < 0 {
                spec.left = true;
            }
            spec.width = width.unsigned_abs() as usize;
        }
        if chars.peek().map(|&(_, c)| c) == Some('.') {
            chars.next();
            let precision = number(&mut chars).unwrap_or(0);
            spec.precision = (precision >= 0).then_some(precision as usize);
        }
        while matches!(
            chars.peek().map(|&(_, c)| c),
            Some('h' | 'l' | 'L' | 'q' | 'j' | 'z' | 't')
        ) {
            chars.next();
        }
        let Some((end, conversion)) = chars.next() else {
            out.push_str(&format[start..]);
            break;
        };
        match conversion {
            '%' => out.push('%'),
            'd' | 'i' => {
                let n = next().num();
                let text = if n.is_finite() {
                    format!("{}", (n.trunc() as i64).unsigned_abs())
                } else {
                    infinite(n)
                };
                out.push_str(&integer(&spec, n.trunc() < 0.0, text, ""));
            }
            'o' | 'x' | 'X' | 'u' => {
                let n = next().num();
                let bits = if n < 0.0 {
                    n.trunc() as i64 as u64
                } else {
                    n.trunc() as u64
                };
                let (text, prefix) = match conversion {
                    'o' => (format!("{bits:o}"), if spec.alternate { "0" } else { "" }),
                    'x' => (
                        format!("{bits:x}"),
                        if spec.alternate && bits != 0 {
                            "0x"
                        } else {
                            ""
                        },
                    ),
                    'X' => (
                        format!("{bits:X}"),
                        if spec.alternate && bits != 0 {
                            "0X"
                        } else {
                            ""
                        },
                    ),
                    _ => (bits.to_string(), ""),
                };
                let unsigned = Spec {
                    plus: false,
                    space: false,
                    ..spec
                };
                out.push_str(&integer(&unsigned, false, text, prefix));
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let n = next().num();
                let precision = spec.precision.unwrap_or(6);
                let body = if !n.is_finite() {
                    let text = infinite(n);
                    if conversion.is_ascii_uppercase() {
                        text.to_uppercase()
                    } else {
                        text
                    }
                } else {
                    let magnitude = n.abs();
                    match conversion {
                        'e' | 'E' => c_exponent(magnitude, precision, conversion == 'E'),
                        'f' | 'F' => fixed(magnitude, precision),
                        _ => c_general(magnitude, precision, conversion == 'G', spec.alternate),
                    }
                };
                let negative = n.is_sign_negative() && !n.is_nan();
                let sign = sign_text(&spec, negative);
                let zero = spec.zero && n.is_finite();
                out.push_str(&pad(&spec, sign, &body, zero));
            }
            'c' => {
                let value = next();
                let text = match value {
                    Value::Num(n) => char::from_u32(n as u32)
                        .map(String::from)
                        .unwrap_or_default(),
                    other => other
                        .text(convfmt)
                        .chars()
                        .next()
                        .unwrap_or('\0')
                        .to_string(),
                };
                out.push_str(&pad(&spec, "", &text, false));
            }
            's' => {
                let text = next().text(convfmt);
                let text: String = match spec.precision {
                    Some(p) => text.chars().take(p).collect(),
                    None => text.to_string(),
                };
                out.push_str(&pad(&spec, "", &text, false));
            }
            _ => out.push_str(&format[start..end + conversion.len_utf8()]),
        }
    }
    if missing {
        return Err(format!(
            "not enough arguments passed to printf(\"{format}\")"
        ));
    }
    Ok(out)
}

fn infinite(n: f64) -> String {
    if n.is_nan() {
        "nan".into()
    } else {
        "inf".into()
    }
}

fn sign_text(spec: &Spec, negative: bool) -> &'static str {
    if negative {
        "-"
    } else if spec.plus {
        "+"
    } else if spec.space {
        " "
    } else {
        ""
    }
}

/// An integer's digits with C's precision (minimum digits) and padding.
fn integer(spec: &Spec, negative: bool, digits: String, prefix: &str) -> String {
    let mut digits = digits;
    if let Some(p) = spec.precision {
        if p == 0 && digits == "0" {
            digits.clear();
        }
        while digits.len() < p {
            digits.insert(0, '0');
        }
    }
    let sign = format!("{}{prefix}", sign_text(spec, negative));
    pad(spec, &sign, &digits, spec.zero && spec.precision.is_none())
}

fn pad(spec: &Spec, sign: &str, body: &str, zero: bool) -> String {
    let length = sign.chars().count() + body.chars().count();
    let fill = spec.width.saturating_sub(length);
    if spec.left {
        format!("{sign}{body}{}", " ".repeat(fill))
    } else if zero {
        format!("{sign}{}{body}", "0".repeat(fill))
    } else {
        format!("{}{sign}{body}", " ".repeat(fill))
    }
}
