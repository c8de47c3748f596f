//! Numbers as numfmt reads and writes them: an optional unit suffix on the way in
//! (`1.5K`, `1Mi`), and scaled, rounded and suffixed on the way out, by GNU numfmt's
//! rules (one decimal below 10, rounding away from zero by default, `999.9` carried to
//! the next unit).

/// How numbers are scaled (`--from`, `--to`).
#[derive(Clone, Copy, PartialEq)]
pub enum Scale {
    None,
    /// Powers of 1000: `K`, `M`, ...
    Si,
    /// Powers of 1024 with the same letters.
    Iec,
    /// Powers of 1024 written `Ki`, `Mi`, ...
    IecI,
    /// On input only: `K` is 1000, `Ki` 1024.
    Auto,
}

impl Scale {
    pub fn parse(text: &str, allow_auto: bool) -> Option<Scale> {
        Some(match text {
            "none" => Scale::None,
            "si" => Scale::Si,
            "iec" => Scale::Iec,
            "iec-i" => Scale::IecI,
            "auto" if allow_auto => Scale::Auto,
            _ => return None,
        })
    }

    fn base(self) -> f64 {
        match self {
            Scale::Si | Scale::None | Scale::Auto => 1000.0,
            Scale::Iec | Scale::IecI => 1024.0,
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
pub enum Round {
    Up,
    Down,
    FromZero,
    TowardsZero,
    Nearest,
}

impl Round {
    pub fn parse(text: &str) -> Option<Round> {
        Some(match text {
            "up" => Round::Up,
            "down" => Round::Down,
            "from-zero" => Round::FromZero,
            "towards-zero" => Round::TowardsZero,
            "nearest" => Round::Nearest,
            _ => return None,
        })
    }

    fn apply(self, value: f64) -> f64 {
        match self {
            Round::Up => value.ceil(),
            Round::Down => value.floor(),
            Round::FromZero if value < 0.0 => value.floor(),
            Round::FromZero => value.ceil(),
            Round::TowardsZero => value.trunc(),
            Round::Nearest => value.round(),
        }
    }
}

const SUFFIXES: &str = "KMGTPEZY";

/// Input with more digits before the point than this is too large to convert.
const MAX_DIGITS: usize = 27;

/// The largest number printed unscaled.
const MAX_UNSCALED: f64 = 1e18;

/// The digits an unscaled number may show, less one (a long double's 18).
const MAX_UNSCALED_DIGITS: usize = 18;

/// The bytes GNU writes a number into; what does not fit is refused.
const GNU_BUFFER: usize = 128;

/// The number as written, or GNU's refusal where its buffer would not hold it.
fn fits(value: f64, text: String) -> Result<String, NumberError> {
    if text.len() < GNU_BUFFER {
        Ok(text)
    } else {
        Err(NumberError::TooWideToPrint(value))
    }
}

/// Why a number could not be read or written; each is one of GNU's messages.
pub enum NumberError {
    Invalid,
    /// A valid number with a unit letter while `--from` is none.
    RejectedSuffix(String),
    MissingI(String),
    /// The text after the number that is not a suffix; None when there was no suffix
    /// letter at all.
    BadSuffix(Option<String>),
    TooLargeToConvert,
    TooLargeToPrint(f64),
    TooLargeForUnits(f64),
    /// More digits, before and after the point, than a long double holds.
    TooPreciseToPrint(f64, usize),
    /// What GNU's buffer of 128 bytes cannot hold (`--format=%0200f`).
    TooWideToPrint(f64),
}

impl NumberError {
    pub fn message(&self, input: &str) -> String {
        match self {
            NumberError::Invalid => format!("invalid number: '{input}'"),
            NumberError::RejectedSuffix(number) => {
                format!("rejecting suffix in input: '{number}' (consider using --from)")
            }
            NumberError::MissingI(number) => {
                format!("missing 'i' suffix in input: '{number}' (e.g Ki/Mi/Gi)")
            }
            NumberError::BadSuffix(None) => format!("invalid suffix in input: '{input}'"),
            NumberError::BadSuffix(Some(rest)) => {
                format!("invalid suffix in input '{input}': '{rest}'")
            }
            NumberError::TooLargeToConvert => {
                format!("value too large to be converted: '{input}'")
            }
            NumberError::TooLargeToPrint(value) => format!(
                "value too large to be printed: '{}' (consider using --to)",
                general(*value)
            ),
            NumberError::TooLargeForUnits(value) => format!(
                "value too large to be printed: '{}' (cannot handle values > 999Y)",
                general(*value)
            ),
            NumberError::TooPreciseToPrint(value, precision) => format!(
                "value/precision too large to be printed: '{}/{precision}' (consider using --to)",
                general(*value)
            ),
            NumberError::TooWideToPrint(value) => {
                format!("failed to prepare value '{value:.6}' for printing")
            }
        }
    }
}

/// A number read: its value and how many digits followed its point (when no unit
/// letter scaled it), which is how many an unscaled output keeps.
pub struct Reading {
    pub value: f64,
    pub precision: usize,
}

/// Reads `text` (leading blanks allowed) under `scale`.
pub fn read(text: &str, scale: Scale) -> Result<Reading, NumberError> {
    let trimmed = text.trim_start_matches([' ', '\t']);
    let bytes = trimmed.as_bytes();
    let mut at = usize::from(bytes.first() == Some(&b'-'));
    let digits_start = at;
    while bytes.get(at).is_some_and(u8::is_ascii_digit) {
        at += 1;
    }
    let whole_digits = at - digits_start;
    let mut precision = 0;
    if bytes.get(at) == Some(&b'.') {
        let fraction_start = at + 1;
        let mut end = fraction_start;
        while bytes.get(end).is_some_and(u8::is_ascii_digit) {
            end += 1;
        }
        precision = end - fraction_start;
        if precision == 0 {
            return Err(NumberError::Invalid);
        }
        at = end;
    }
    if whole_digits == 0 && precision == 0 {
        return Err(NumberError::Invalid);
    }
    if whole_digits > MAX_DIGITS {
        return Err(NumberError::TooLargeToConvert);
    }
    let number = &trimmed[..at];
    let mut value: f64 = number.parse().map_err(|_| NumberError::Invalid)?;
    let rest = &trimmed[at..];
    let Some(letter) = rest.chars().next() else {
        return Ok(Reading { value, precision });
    };
    let Some(power) = SUFFIXES.find(letter) else {
        return Err(NumberError::BadSuffix(None));
    };
    if scale == Scale::None {
        return Err(NumberError::RejectedSuffix(format!("{number}{letter}")));
    }
    let mut after = &rest[1..];
    let binary = after.starts_with('i');
    let base = match scale {
        Scale::Auto if binary => {
            after = &after[1..];
            1024.0
        }
        Scale::IecI if binary => {
            after = &after[1..];
            1024.0
        }
        Scale::IecI => return Err(NumberError::MissingI(format!("{number}{letter}"))),
        other => other.base(),
    };
    if !after.is_empty() {
        return Err(NumberError::BadSuffix(Some(after.to_string())));
    }
    value *= f64::powi(base, power as i32 + 1);
    Ok(Reading {
        value,
        precision: 0,
    })
}

/// How an output number is made.
pub struct Style {
    pub scale: Scale,
    pub round: Round,
    /// `--format`'s precision, if it gave one.
    pub precision: Option<usize>,
    /// `--format=%0Nf`: zeros before the number to this width.
    pub zero_width: usize,
}

/// The number as numfmt writes it (before padding and `--suffix`); `precision` is the
/// input's, used when nothing is scaled.
pub fn write(value: f64, precision: usize, style: &Style) -> Result<String, NumberError> {
    if style.scale == Scale::None {
        if value.abs() > MAX_UNSCALED {
            return Err(NumberError::TooLargeToPrint(value));
        }
        let precision = style.precision.unwrap_or(precision);
        // GNU's limit: the digits before the point (less one) and after it, at most 18.
        let exponent = if value == 0.0 {
            0
        } else {
            value.abs().log10().floor() as usize
        };
        if exponent + precision > MAX_UNSCALED_DIGITS {
            return Err(NumberError::TooPreciseToPrint(value, precision));
        }
        if style.zero_width >= GNU_BUFFER {
            return Err(NumberError::TooWideToPrint(value));
        }
        let shift = 10f64.powi(precision as i32);
        let rounded = style.round.apply(value * shift) / shift;
        return fits(
            value,
            zero_padded(format!("{rounded:.precision$}"), style.zero_width),
        );
    }
    let base = style.scale.base();
    let mut power = 0;
    let mut scaled = value;
    while scaled.abs() >= base {
        scaled /= base;
        power += 1;
    }
    let adjust = match style.precision {
        Some(precision) => precision.min(power * 3),
        None if scaled.abs() < 10.0 => 1,
        None => 0,
    };
    let shift = 10f64.powi(adjust as i32);
    scaled = style.round.apply(scaled * shift) / shift;
    if scaled.abs() >= base {
        scaled /= base;
        power += 1;
    }
    if power > SUFFIXES.len() {
        return Err(NumberError::TooLargeForUnits(value));
    }
    // Rounded above to at most three decimals a power, the number is written with all
    // the decimals `--format` asks for, as GNU writes it.
    let decimals = match style.precision {
        Some(precision) => precision,
        None if scaled != 0.0 && scaled.abs() < 10.0 && power > 0 => 1,
        None => 0,
    };
    if decimals.max(style.zero_width) >= GNU_BUFFER {
        return Err(NumberError::TooWideToPrint(scaled));
    }
    let mut text = zero_padded(format!("{scaled:.decimals$}"), style.zero_width);
    if power > 0 {
        text.push(SUFFIXES.as_bytes()[power - 1] as char);
    }
    // GNU's buffer holds the number and its power letter with a byte to spare.
    if text.len() + 1 >= GNU_BUFFER {
        return Err(NumberError::TooWideToPrint(scaled));
    }
    if power > 0 && style.scale == Scale::IecI {
        text.push('i');
    }
    Ok(text)
}

/// `%0Nf`'s zeros: after the sign, up to `width` characters in all.
fn zero_padded(text: String, width: usize) -> String {
    if text.len() >= width {
        return text;
    }
    let zeros = "0".repeat(width - text.len());
    match text.strip_prefix('-') {
        Some(digits) => format!("-{zeros}{digits}"),
        None => format!("{zeros}{text}"),
    }
}

/// C's `%g`: six significant digits, trailing zeros dropped, an exponent for very large
/// or small values.
fn general(value: f64) -> String {
    if value == 0.0 {
        return "0".into();
    }
    let exponent = value.abs().log10().floor() as i32;
    let trim = |text: String| {
        if text.contains('.') {
            text.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            text
        }
    };
    // Rounding to six digits may carry into the next power (999999.5 -> 1e+06).
    let rounded: f64 = format!("{value:.5e}").parse().unwrap_or(value);
    let exponent = if rounded.abs() >= 10f64.powi(exponent + 1) {
        exponent + 1
    } else {
        exponent
    };
    if !(-4..6).contains(&exponent) {
        let mantissa = rounded / 10f64.powi(exponent);
        let sign = if exponent < 0 { '-' } else { '+' };
        format!(
            "{}e{sign}{:02}",
            trim(format!("{mantissa:.5}")),
            exponent.abs()
        )
    } else {
        let decimals = (5 - exponent).max(0) as usize;
        trim(format!("{rounded:.decimals$}"))
    }
}
