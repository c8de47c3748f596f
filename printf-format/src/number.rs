//! Numbers as printf reads and writes them.

/// A numeric argument: decimal, `0x` hex, `0` octal, or `'c` (the character's code). The
/// value, and whether the whole argument was the number; None when it starts with none.
pub fn parse_integer(text: &str) -> Option<(i128, bool)> {
    let trimmed = text.trim_start();
    if let Some(quoted) = trimmed.strip_prefix(['\'', '"']) {
        return Some((quoted.chars().next().map_or(0, |c| c as i128), true));
    }
    if trimmed.is_empty() {
        return Some((0, true));
    }
    let (negative, unsigned) = match trimmed.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, trimmed.strip_prefix('+').unwrap_or(trimmed)),
    };
    let (radix, digits) = if let Some(hex) = unsigned
        .strip_prefix("0x")
        .or_else(|| unsigned.strip_prefix("0X"))
    {
        (16, hex)
    } else if unsigned.len() > 1 && unsigned.starts_with('0') {
        (8, &unsigned[1..])
    } else {
        (10, unsigned)
    };
    let length = digits
        .find(|c: char| !c.is_digit(radix))
        .unwrap_or(digits.len());
    if length == 0 && radix == 10 {
        return None;
    }
    // Too many digits saturate, as strtoimax does.
    let value = i128::from_str_radix(&digits[..length], radix).unwrap_or(i128::from(u64::MAX));
    let value = if negative { -value } else { value };
    Some((value, length == digits.len()))
}

/// A floating-point argument (also `'c`, hex and C's inf/nan spellings).
pub fn parse_float(text: &str) -> Option<(f64, bool)> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Some((0.0, true));
    }
    if let Some(quoted) = trimmed.strip_prefix(['\'', '"']) {
        return Some((quoted.chars().next().map_or(0.0, |c| c as u32 as f64), true));
    }
    if let Ok(value) = trimmed.parse::<f64>() {
        return Some((value, true));
    }
    if let Some((value, complete)) = parse_integer(trimmed)
        && (trimmed.contains(['x', 'X']) || complete)
    {
        return Some((value as f64, complete));
    }
    // The longest prefix that is a number.
    (1..trimmed.len())
        .rev()
        .filter(|&end| trimmed.is_char_boundary(end))
        .find_map(|end| trimmed[..end].parse::<f64>().ok())
        .map(|value| (value, false))
}

/// The most digits after the point Rust is asked for. Its own limit is 65,535, and an
/// f64's exact value never has more than 1,074 (the smallest subnormal's): any asked for
/// beyond these are zeros, added after.
const MOST_DECIMALS: usize = 1100;

/// `value` with `decimals` digits after the point, in exponent form (`1.50e3`) or not.
fn with_decimals(value: f64, decimals: usize, exponent_form: bool) -> String {
    let asked = decimals.min(MOST_DECIMALS);
    let text = if exponent_form {
        format!("{value:.asked$e}")
    } else {
        format!("{value:.asked$}")
    };
    let zeros = decimals - asked;
    if zeros == 0 {
        return text;
    }
    let end = text.find('e').unwrap_or(text.len());
    let mut extended = String::with_capacity(text.len() + zeros);
    extended.push_str(&text[..end]);
    extended.extend(std::iter::repeat_n('0', zeros));
    extended.push_str(&text[end..]);
    extended
}

/// `%f`.
pub fn fixed(value: f64, precision: usize) -> String {
    with_decimals(value, precision, false)
}

/// `%e`: one digit, the fraction, and an exponent of at least two digits.
pub fn c_exponent(value: f64, precision: usize, upper: bool) -> String {
    let text = with_decimals(value, precision, true);
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let sign = if exponent < 0 { '-' } else { '+' };
    let e = if upper { 'E' } else { 'e' };
    format!("{mantissa}{e}{sign}{:02}", exponent.abs())
}

/// `%g`: `%e` or `%f`, whichever C picks for the exponent, without trailing zeros
/// (kept with `#`).
pub fn c_general(value: f64, precision: usize, upper: bool, keep_zeros: bool) -> String {
    let precision = precision.max(1);
    if value == 0.0 {
        // `value`, not 0.0: a negative zero keeps its sign, as in C.
        return if keep_zeros {
            with_decimals(value, precision - 1, false)
        } else if value.is_sign_negative() {
            "-0".into()
        } else {
            "0".into()
        };
    }
    // The exponent after rounding to `precision` digits, as C decides it.
    let rounded = with_decimals(value, precision - 1, true);
    let exponent: i32 = rounded
        .split_once('e')
        .and_then(|(_, e)| e.parse().ok())
        .unwrap_or(0);
    let trim = |s: String| {
        if s.contains('.') && !keep_zeros {
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
        trim(with_decimals(value, decimals, false))
    }
}
