//! printf: format and print data.

use std::io::Write;
use wasmix_common::escapes::{self, Octal};
use wasmix_common::{Failure, Program};

static PROGRAM: Program = Program::new(
    "printf",
    "Usage: printf FORMAT [ARGUMENT]...\n\
     Print ARGUMENT(s) according to FORMAT. FORMAT is reused while arguments remain.\n\n\
     FORMAT controls the output as in C printf. Interpreted sequences are:\n  \
     \\\\ \\a \\b \\f \\n \\r \\t \\v \\NNN (octal) \\xHH, %% a single %,\n  \
     %b an argument with its backslash escapes interpreted,\n  \
     %s %c %d %i %u %o %x %X %f %e %E %g %G with flags (-+ 0#), width and precision.\n",
);

fn main() {
    PROGRAM.run(|mut args, out| {
        args.answer_lone_help();
        let argv: Vec<String> = std::env::args().skip(1).collect();
        let Some((format, mut rest)) = argv.split_first() else {
            return Err(Failure::Usage("missing operand".into()));
        };
        let mut failed = false;
        loop {
            let before = rest.len();
            let (text, stop) = render(format, &mut rest, &mut failed);
            out.write_all(&text)?;
            if stop || rest.is_empty() || rest.len() == before {
                break;
            }
        }
        Ok(u8::from(failed))
    })
}

/// One pass over the format; the flag is true when `\c` asked to stop all output.
fn render(format: &str, args: &mut &[String], failed: &mut bool) -> (Vec<u8>, bool) {
    let mut out = Vec::new();
    let bytes = format.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => {
                let decoded = escapes::decode(&bytes[i..], Octal::Plain);
                out.extend(decoded.bytes);
                if decoded.stop {
                    return (out, true);
                }
                i += decoded.used;
            }
            b'%' if bytes.get(i + 1) == Some(&b'%') => {
                out.push(b'%');
                i += 2;
            }
            b'%' => {
                let spec_end = bytes[i + 1..]
                    .iter()
                    .position(|b| b.is_ascii_alphabetic())
                    .map_or(bytes.len(), |p| i + 1 + p);
                let mut spec = format[i + 1..spec_end.min(bytes.len())].to_string();
                // `*` takes the width or precision from the next argument.
                while let Some(at) = spec.find('*') {
                    let value = next_argument(args).trim().parse::<i64>().unwrap_or(0);
                    let in_precision = spec[..at].contains('.');
                    let text = match value {
                        v if v < 0 && in_precision => String::new(),
                        v if v < 0 => format!("-{}", -v),
                        v => v.to_string(),
                    };
                    spec.replace_range(at..=at, &text);
                }
                let spec = spec.as_str();
                let conversion = bytes.get(spec_end).copied().unwrap_or(b's');
                let argument = next_argument(args);
                match convert(spec, conversion, argument) {
                    Ok(text) => out.extend(text),
                    Err(e) => {
                        PROGRAM.warn(e);
                        *failed = true;
                        out.extend(convert(spec, conversion, "0").unwrap_or_default());
                    }
                }
                if conversion == b'b' && argument.contains("\\c") {
                    return (out, true);
                }
                i = spec_end + 1;
            }
            other => {
                out.push(other);
                i += 1;
            }
        }
    }
    (out, false)
}

/// The next argument, or "" once they are used up.
fn next_argument<'a>(args: &mut &'a [String]) -> &'a str {
    match args.split_first() {
        Some((first, rest)) => {
            *args = rest;
            first.as_str()
        }
        None => "",
    }
}

struct Spec {
    left: bool,
    plus: bool,
    space: bool,
    zero: bool,
    alternate: bool,
    width: usize,
    precision: Option<usize>,
}

fn parse_spec(spec: &str) -> Spec {
    let mut parsed = Spec {
        left: false,
        plus: false,
        space: false,
        zero: false,
        alternate: false,
        width: 0,
        precision: None,
    };
    let flags_end = spec.find(|c| !"-+ 0#".contains(c)).unwrap_or(spec.len());
    for flag in spec[..flags_end].chars() {
        match flag {
            '-' => parsed.left = true,
            '+' => parsed.plus = true,
            ' ' => parsed.space = true,
            '0' => parsed.zero = true,
            _ => parsed.alternate = true,
        }
    }
    let rest = &spec[flags_end..];
    let (width, precision) = rest
        .split_once('.')
        .map_or((rest, None), |(w, p)| (w, Some(p)));
    parsed.width = width.parse().unwrap_or(0);
    parsed.precision = precision.map(|p| p.parse().unwrap_or(0));
    parsed
}

fn pad(spec: &Spec, body: String, numeric: bool) -> Vec<u8> {
    let length = body.chars().count();
    if length >= spec.width {
        return body.into_bytes();
    }
    let fill = spec.width - length;
    if spec.left {
        format!("{body}{}", " ".repeat(fill)).into_bytes()
    } else if spec.zero && numeric {
        let (sign, digits) = match body.strip_prefix(['-', '+', ' ']) {
            Some(digits) => (&body[..1], digits),
            None => ("", body.as_str()),
        };
        format!("{sign}{}{digits}", "0".repeat(fill)).into_bytes()
    } else {
        format!("{}{body}", " ".repeat(fill)).into_bytes()
    }
}

/// A numeric argument: decimal, 0x hex, 0 octal, or 'c (a character's code).
fn parse_integer(text: &str) -> Result<i128, String> {
    let trimmed = text.trim_start();
    if let Some(quoted) = trimmed.strip_prefix(['\'', '"']) {
        return Ok(quoted.chars().next().map_or(0, |c| c as i128));
    }
    if trimmed.is_empty() {
        return Ok(0);
    }
    let (negative, digits) = match trimmed.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, trimmed.strip_prefix('+').unwrap_or(trimmed)),
    };
    let value = if let Some(hex) = digits
        .strip_prefix("0x")
        .or_else(|| digits.strip_prefix("0X"))
    {
        i128::from_str_radix(hex, 16)
    } else if digits.len() > 1 && digits.starts_with('0') {
        i128::from_str_radix(&digits[1..], 8)
    } else {
        digits.parse()
    };
    value
        .map(|v| if negative { -v } else { v })
        .map_err(|_| format!("'{text}': expected a numeric value"))
}

fn convert(spec_text: &str, conversion: u8, argument: &str) -> Result<Vec<u8>, String> {
    let spec = parse_spec(spec_text);
    let signed = |value: String, negative: bool| {
        if negative {
            value
        } else if spec.plus {
            format!("+{value}")
        } else if spec.space {
            format!(" {value}")
        } else {
            value
        }
    };
    Ok(match conversion {
        b's' => {
            let text: String = match spec.precision {
                Some(p) => argument.chars().take(p).collect(),
                None => argument.to_string(),
            };
            pad(&spec, text, false)
        }
        b'b' => {
            let (expanded, _) = escapes::decode_all(argument.as_bytes(), Octal::ZeroPrefixed);
            pad(
                &spec,
                String::from_utf8_lossy(&expanded).into_owned(),
                false,
            )
        }
        // An empty argument prints a NUL, as in GNU printf.
        b'c' => pad(
            &spec,
            argument.chars().next().unwrap_or('\0').to_string(),
            false,
        ),
        b'd' | b'i' => {
            let value = parse_integer(argument)?;
            let mut digits = value.unsigned_abs().to_string();
            if let Some(p) = spec.precision {
                digits = format!("{digits:0>p$}");
            }
            let body = if value < 0 {
                format!("-{digits}")
            } else {
                digits
            };
            pad(&spec, signed(body, value < 0), spec.precision.is_none())
        }
        b'u' | b'o' | b'x' | b'X' => {
            let value = parse_integer(argument)? as u64;
            let body = match conversion {
                b'u' => value.to_string(),
                b'o' if spec.alternate => format!("0{value:o}"),
                b'o' => format!("{value:o}"),
                b'x' if spec.alternate && value != 0 => format!("0x{value:x}"),
                b'x' => format!("{value:x}"),
                _ if spec.alternate && value != 0 => format!("0X{value:X}"),
                _ => format!("{value:X}"),
            };
            pad(&spec, body, true)
        }
        b'f' | b'F' | b'e' | b'E' | b'g' | b'G' => {
            let value: f64 = if argument.trim().is_empty() {
                0.0
            } else {
                argument
                    .trim()
                    .parse()
                    .map_err(|_| format!("'{argument}': expected a numeric value"))?
            };
            let precision = spec.precision.unwrap_or(6);
            let body = match conversion {
                b'f' | b'F' => format!("{value:.precision$}"),
                b'e' | b'E' => c_exponent(value, precision, conversion == b'E'),
                _ => c_general(value, precision, conversion == b'G'),
            };
            pad(&spec, signed(body, value.is_sign_negative()), true)
        }
        other => {
            return Err(format!(
                "%{}: invalid conversion specification",
                other as char
            ));
        }
    })
}

/// `%e`: one digit, the fraction, and an exponent of at least two digits.
fn c_exponent(value: f64, precision: usize, upper: bool) -> String {
    let text = format!("{value:.precision$e}");
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let sign = if exponent < 0 { '-' } else { '+' };
    let e = if upper { 'E' } else { 'e' };
    format!("{mantissa}{e}{sign}{:02}", exponent.abs())
}

/// `%g`: the shorter of `%e` and `%f`, without trailing zeros.
fn c_general(value: f64, precision: usize, upper: bool) -> String {
    let precision = precision.max(1);
    if value == 0.0 {
        return "0".into();
    }
    let exponent = value.abs().log10().floor() as i32;
    let trim = |s: String| {
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        }
    };
    if exponent < -4 || exponent >= precision as i32 {
        let text = c_exponent(value, precision - 1, upper);
        let (mantissa, rest) = text.split_at(text.find(['e', 'E']).unwrap_or(text.len()));
        format!("{}{rest}", trim(mantissa.to_string()))
    } else {
        let decimals = (precision as i32 - 1 - exponent).max(0) as usize;
        trim(format!("{value:.decimals$}"))
    }
}
