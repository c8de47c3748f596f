//! printf's format language, shared by the `printf` program (GNU coreutils' dialect) and
//! the shell's `printf` builtin (bash's: `%q` quotes for the shell, `%(fmt)T` formats
//! times, and `\c` means something only inside `%b`).

pub mod escapes;
mod number;
mod quote;
pub mod rawbytes;

pub use quote::{ansi_c as ansi_c_quote, needs_ansi_c};

use escapes::{End, Octal, Unicode};
pub use number::{c_exponent, c_general, fixed};
use number::{parse_float, parse_integer};

/// Whose printf to be.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Dialect {
    Gnu,
    Bash,
}

/// Something wrong with the format or an argument; the output goes on, as both printfs do.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Problem {
    /// An argument that is not a number at all (it counts as 0).
    NotANumber(String),
    /// A number followed by other text (the number is used).
    PartlyANumber(String),
    /// `%5`: the format ends before its conversion (the rest of the format is not printed).
    BadConversion(String),
    /// `%z`: no such conversion, the whole specification and its last character (a byte:
    /// both printfs read the format byte by byte).
    InvalidCharacter { spec: String, character: String },
    /// A number beyond the conversion's range (the nearest value in range is used).
    OutOfRange(String),
    /// `\u` or `\U` without its four or eight digits (GNU's; output stops).
    MissingHexDigits,
    /// `\u` naming a character C99 does not allow (GNU's; output stops).
    BadUniversalCharacter(String),
    /// `\u`, `\U` or `\x` with no digit after it (bash's warning; the escape is written as
    /// it is).
    MissingDigit(char),
    /// Arguments left that a format with no conversion takes none of (GNU's warning; the
    /// format is written once).
    ExcessArguments(String),
}

impl Problem {
    /// The message as the dialect's printf words it (without the program name).
    pub fn message(&self, dialect: Dialect) -> String {
        match (self, dialect) {
            (Problem::NotANumber(text), Dialect::Gnu) => {
                format!("'{text}': expected a numeric value")
            }
            (Problem::PartlyANumber(text), Dialect::Gnu) => {
                format!("'{text}': value not completely converted")
            }
            (Problem::NotANumber(text) | Problem::PartlyANumber(text), Dialect::Bash) => {
                format!("{text}: invalid number")
            }
            (Problem::BadConversion(spec), Dialect::Gnu) => {
                format!("{spec}: invalid conversion specification")
            }
            (Problem::BadConversion(spec), Dialect::Bash) => {
                format!("`{spec}': missing format character")
            }
            (Problem::InvalidCharacter { spec, .. }, Dialect::Gnu) => {
                format!("{spec}: invalid conversion specification")
            }
            (Problem::InvalidCharacter { character, .. }, Dialect::Bash) => {
                format!("`{character}': invalid format character")
            }
            (Problem::OutOfRange(text), Dialect::Gnu) => {
                format!("'{text}': Numerical result out of range")
            }
            (Problem::OutOfRange(text), Dialect::Bash) => {
                format!("warning: {text}: Numerical result out of range")
            }
            (Problem::MissingHexDigits, _) => "missing hexadecimal number in escape".into(),
            (Problem::MissingDigit('x'), _) => "missing hex digit for \\x".into(),
            (Problem::MissingDigit(kind), _) => format!("missing unicode digit for \\{kind}"),
            (Problem::BadUniversalCharacter(name), _) => {
                format!("invalid universal character name {name}")
            }
            (Problem::ExcessArguments(first), _) => {
                format!("warning: ignoring excess arguments, starting with '{first}'")
            }
        }
    }

    /// Whether it makes printf fail: all do, but bash only warns of a number out of range
    /// and of an escape without digits.
    pub fn fails(&self, dialect: Dialect) -> bool {
        let warning = match dialect {
            Dialect::Bash => matches!(self, Problem::OutOfRange(_) | Problem::MissingDigit(_)),
            Dialect::Gnu => matches!(self, Problem::ExcessArguments(_)),
        };
        !warning
    }

    /// Whether output stops at it: at an escape GNU's printf refuses.
    pub fn stops(&self) -> bool {
        matches!(
            self,
            Problem::MissingHexDigits | Problem::BadUniversalCharacter(_)
        )
    }
}

/// What formatting produced.
#[derive(Debug, Default)]
pub struct Formatted {
    pub bytes: Vec<u8>,
    /// Each problem, with how much of `bytes` had been written when it was met (GNU's
    /// printf reports it there, between the output before and after).
    pub problems: Vec<(usize, Problem)>,
}

/// Formats `%(fmt)T`: strftime text and seconds since the epoch (None for now).
pub type TimeFormatter<'a> = &'a dyn Fn(&str, Option<i64>) -> String;

/// Formats `args` by `format`, reusing the format while arguments remain. `time` formats
/// `%(fmt)T` (strftime text and seconds since the epoch, None for now): only bash has it.
/// `utf8`: whether the locale's character set is UTF-8 (how `\u` escapes are written).
pub fn format(
    format: &str,
    args: &[String],
    dialect: Dialect,
    time: Option<TimeFormatter>,
    utf8: bool,
) -> Formatted {
    let mut out = Formatted::default();
    let mut rest = args;
    let unicode = Unicode {
        strict: dialect == Dialect::Gnu,
        utf8,
    };
    loop {
        let before = rest.len();
        let stop = Pass {
            dialect,
            time,
            unicode,
            out: &mut out,
        }
        .run(format, &mut rest);
        if !stop && !rest.is_empty() && rest.len() == before && dialect == Dialect::Gnu {
            let at = out.bytes.len();
            out.problems
                .push((at, Problem::ExcessArguments(rest[0].clone())));
        }
        if stop || rest.is_empty() || rest.len() == before {
            return out;
        }
    }
}

struct Pass<'a> {
    dialect: Dialect,
    time: Option<TimeFormatter<'a>>,
    unicode: Unicode,
    out: &'a mut Formatted,
}

impl Pass<'_> {
    /// One pass over the format; true when output must stop (`\c`, a bad conversion).
    fn run(&mut self, format: &str, args: &mut &[String]) -> bool {
        let bytes = format.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                // `\"` is a quote in both formats, and `\'` in bash's.
                b'\\'
                    if bytes.get(i + 1) == Some(&b'"')
                        || (bytes.get(i + 1) == Some(&b'\'') && self.dialect == Dialect::Bash) =>
                {
                    self.out.bytes.push(bytes[i + 1]);
                    i += 2;
                }
                b'\\' => {
                    let decoded =
                        match escapes::decode_unicode(&bytes[i..], Octal::Plain, self.unicode) {
                            Ok(decoded) => decoded,
                            Err(problem) => {
                                let stops = problem.stops();
                                self.problem(problem);
                                if stops {
                                    return true;
                                }
                                self.out.bytes.extend_from_slice(&bytes[i..i + 2]);
                                i += 2;
                                continue;
                            }
                        };
                    // bash's format keeps `\c` as text; only `%b` stops at it.
                    if decoded.stop && self.dialect == Dialect::Bash {
                        self.out.bytes.extend_from_slice(b"\\c");
                    } else {
                        self.out.bytes.extend(decoded.bytes);
                        if decoded.stop {
                            return true;
                        }
                    }
                    i += decoded.used;
                }
                b'%' if bytes.get(i + 1) == Some(&b'%') => {
                    self.out.bytes.push(b'%');
                    i += 2;
                }
                b'%' => match self.conversion(format, i, args) {
                    Some(next) => i = next,
                    None => return true,
                },
                other => {
                    self.out.bytes.push(other);
                    i += 1;
                }
            }
        }
        false
    }

    /// The conversion starting at `start` (its `%`): the index after it, or None to stop.
    fn conversion(&mut self, format: &str, start: usize, args: &mut &[String]) -> Option<usize> {
        let bytes = format.as_bytes();
        let mut end = start + 1;
        while end < bytes.len() && b"-+ 0#'".contains(&bytes[end]) {
            end += 1;
        }
        while end < bytes.len() && (bytes[end].is_ascii_digit() || bytes[end] == b'*') {
            end += 1;
        }
        if bytes.get(end) == Some(&b'.') {
            end += 1;
            while end < bytes.len() && (bytes[end].is_ascii_digit() || bytes[end] == b'*') {
                end += 1;
            }
        }
        // Length modifiers mean nothing here (all integers are 64-bit).
        while end < bytes.len() && b"hlLjzt".contains(&bytes[end]) {
            end += 1;
        }
        let mut spec = format[start + 1..end].to_string();
        if self.dialect == Dialect::Bash && format[end..].starts_with('(') {
            let close = format[end..].find(")T")?;
            let pattern = &format[end + 1..end + close];
            let argument = next_argument(args);
            let seconds = match argument.trim() {
                "" | "-1" => None,
                text => Some(parse_integer(text).map_or(0, |(v, _)| v as i64)),
            };
            let text = self
                .time
                .map(|time| time(pattern, seconds))
                .unwrap_or_default();
            let spec = parse_spec(&spec);
            self.out.bytes.extend(pad(
                &spec,
                truncate(&rawbytes::encode(text.as_bytes()), spec.precision),
                false,
            ));
            return Some(end + close + 2);
        }
        let Some(&conversion) = bytes.get(end) else {
            let shown = format[start..].to_string();
            self.problem(Problem::BadConversion(shown));
            return None;
        };
        // `%Q` is bash's; GNU's `%q` takes no precision.
        let refused = match self.dialect {
            Dialect::Bash => !b"sbcdiuoxXfFeEgGqQ".contains(&conversion),
            Dialect::Gnu => {
                !b"sbcdiuoxXfFeEgGq".contains(&conversion)
                    || (conversion == b'q' && spec.contains('.'))
            }
        };
        if refused {
            // The byte, not the character: a letter of several bytes is cut after its
            // first, kept as the shell keeps bytes that are not UTF-8.
            let character = rawbytes::decode(&bytes[end..=end]);
            let spec = format!("{}{character}", &format[start..end]);
            self.problem(Problem::InvalidCharacter { spec, character });
            return None;
        }
        // `*` takes the width or precision from the next argument.
        while let Some(at) = spec.find('*') {
            let value = parse_integer(next_argument(args)).map_or(0, |(v, _)| v);
            let in_precision = spec[..at].contains('.');
            // bash's `%.*Q` takes the argument and applies no precision.
            let ignored = in_precision && conversion == b'Q';
            if (value < 0 || ignored) && in_precision {
                // A negative precision is as if none was given: the `.` goes too.
                spec.replace_range(at - 1..=at, "");
            } else {
                spec.replace_range(at..=at, &value.to_string());
            }
        }
        // GNU's `%b` takes no flags, width or precision.
        if self.dialect == Dialect::Gnu && conversion == b'b' && end > start + 1 {
            let shown = format[start..=end].to_string();
            self.problem(Problem::BadConversion(shown));
            return None;
        }
        let argument = next_argument(args);
        let spec = parse_spec(&spec);
        if spec.beyond_int {
            return Some(end + 1);
        }
        let stop = self.convert(&spec, conversion, argument);
        if stop { None } else { Some(end + 1) }
    }

    fn problem(&mut self, problem: Problem) {
        self.out.problems.push((self.out.bytes.len(), problem));
    }

    /// A parsed numeric argument's value, noting a problem when it was not all number
    /// (its leading number is used) or no number at all (zero is).
    fn number<T: Default>(&mut self, parsed: Option<(T, bool)>, argument: &str) -> T {
        match parsed {
            Some((value, true)) => value,
            Some((value, false)) => {
                self.problem(Problem::PartlyANumber(argument.into()));
                value
            }
            None => {
                self.problem(Problem::NotANumber(argument.into()));
                T::default()
            }
        }
    }

    /// Appends one conversion; true when `%b` met `\c`.
    fn convert(&mut self, spec: &Spec, conversion: u8, argument: &str) -> bool {
        let integer = |pass: &mut Pass| pass.number(parse_integer(argument), argument);
        let text = match conversion {
            b's' => pad(
                spec,
                truncate(&rawbytes::encode(argument.as_bytes()), spec.precision),
                false,
            ),
            // bash cuts `%.Nq`'s quoted text, and `%.NQ`'s argument before quoting it.
            b'q' => {
                let quoted = match self.dialect {
                    Dialect::Bash => quote::bash(argument),
                    Dialect::Gnu => quote::gnu(argument),
                };
                pad(spec, truncate(quoted.as_bytes(), spec.precision), false)
            }
            b'Q' => {
                let cut = truncate(argument.as_bytes(), spec.precision);
                let quoted = quote::bash(&String::from_utf8_lossy(&cut));
                pad(spec, quoted.into_bytes(), false)
            }
            b'b' => {
                // GNU's %b also reads `\"` as a quote; bash's leaves it.
                let argument = match self.dialect {
                    Dialect::Gnu => escapes::unescape_quotes(argument.as_bytes()),
                    Dialect::Bash => argument.as_bytes().to_vec(),
                };
                let (expanded, end, warnings) =
                    escapes::decode_all_unicode(&argument, Octal::Either, self.unicode);
                for warning in warnings {
                    self.problem(warning);
                }
                let text = rawbytes::encode(&expanded);
                self.out
                    .bytes
                    .extend(pad(spec, truncate(&text, spec.precision), false));
                return match end {
                    End::Whole => false,
                    End::Stopped => true,
                    End::Failed(problem) => {
                        self.problem(problem);
                        true
                    }
                };
            }
            // The first byte; an empty argument prints a NUL, as both printfs do.
            b'c' => pad(
                spec,
                vec![
                    rawbytes::encode(argument.as_bytes())
                        .first()
                        .copied()
                        .unwrap_or(0),
                ],
                false,
            ),
            b'd' | b'i' => {
                // As strtoimax: beyond the 64-bit range is its nearest end.
                let wide = integer(self);
                let value = wide.clamp(i128::from(i64::MIN), i128::from(i64::MAX));
                if value != wide {
                    self.problem(Problem::OutOfRange(argument.into()));
                }
                let mut digits = value.unsigned_abs().to_string();
                if let Some(p) = spec.precision {
                    digits = zero_padded(digits, p);
                    if p == 0 && value == 0 {
                        digits.clear();
                    }
                }
                let body = if value < 0 {
                    format!("-{digits}")
                } else {
                    spec.signed(digits)
                };
                pad(spec, body.into_bytes(), spec.precision.is_none())
            }
            b'u' | b'o' | b'x' | b'X' => {
                // As strtoumax: a negative number wraps, beyond 64 bits is the maximum.
                let wide = integer(self);
                let value = if wide.unsigned_abs() > u128::from(u64::MAX) {
                    self.problem(Problem::OutOfRange(argument.into()));
                    u64::MAX
                } else {
                    wide as u64
                };
                let mut digits = match conversion {
                    b'u' => value.to_string(),
                    b'o' => format!("{value:o}"),
                    b'x' => format!("{value:x}"),
                    _ => format!("{value:X}"),
                };
                if let Some(p) = spec.precision {
                    digits = zero_padded(digits, p);
                }
                let body = match conversion {
                    b'o' if spec.alternate && !digits.starts_with('0') => format!("0{digits}"),
                    b'x' if spec.alternate && value != 0 => format!("0x{digits}"),
                    b'X' if spec.alternate && value != 0 => format!("0X{digits}"),
                    _ => digits,
                };
                pad(spec, body.into_bytes(), spec.precision.is_none())
            }
            _ => {
                let value = self.number(parse_float(argument), argument);
                let precision = spec.precision.unwrap_or(6);
                let body = match conversion {
                    _ if value.is_infinite() => {
                        let text = if value < 0.0 { "-inf" } else { "inf" };
                        if conversion.is_ascii_uppercase() {
                            text.to_uppercase()
                        } else {
                            text.into()
                        }
                    }
                    _ if value.is_nan() => {
                        if conversion.is_ascii_uppercase() {
                            "NAN".into()
                        } else {
                            "nan".into()
                        }
                    }
                    // `#`: the decimal point even with no digits after it.
                    b'f' | b'F' if spec.alternate && precision == 0 => format!("{value:.0}."),
                    b'f' | b'F' => number::fixed(value, precision),
                    b'e' | b'E' if spec.alternate && precision == 0 => {
                        let mut text = c_exponent(value, 0, conversion == b'E');
                        if let Some(at) = text.find(['e', 'E']) {
                            text.insert(at, '.');
                        }
                        text
                    }
                    b'e' | b'E' => c_exponent(value, precision, conversion == b'E'),
                    _ => c_general(value, precision, conversion == b'G', spec.alternate),
                };
                let body = if value.is_sign_negative() {
                    body
                } else {
                    spec.signed(body)
                };
                pad(spec, body.into_bytes(), value.is_finite())
            }
        };
        self.out.bytes.extend(text);
        false
    }
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

/// At most `precision` bytes of `text`: both printfs count bytes, not characters.
fn truncate(text: &[u8], precision: Option<usize>) -> Vec<u8> {
    text[..precision.map_or(text.len(), |p| p.min(text.len()))].to_vec()
}

struct Spec {
    left: bool,
    plus: bool,
    space: bool,
    zero: bool,
    alternate: bool,
    width: usize,
    precision: Option<usize>,
    /// A width or precision beyond C's `int`: bash then prints nothing for the
    /// conversion (its argument is used all the same).
    beyond_int: bool,
}

impl Spec {
    /// A non-negative number with the sign the flags ask for.
    fn signed(&self, body: String) -> String {
        if self.plus {
            format!("+{body}")
        } else if self.space {
            format!(" {body}")
        } else {
            body
        }
    }
}

/// `digits` with zeros before them to `length` (Rust's own padding stops at 65,535).
fn zero_padded(digits: String, length: usize) -> String {
    if digits.len() >= length {
        return digits;
    }
    let mut padded = "0".repeat(length - digits.len());
    padded.push_str(&digits);
    padded
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
        beyond_int: false,
    };
    let mut rest = spec;
    // A width from `*` may be negative: left-justified.
    while let Some(flag) = rest.chars().next().filter(|c| "-+ 0#'".contains(*c)) {
        match flag {
            '-' => parsed.left = true,
            '+' => parsed.plus = true,
            ' ' => parsed.space = true,
            '0' => parsed.zero = true,
            '#' => parsed.alternate = true,
            _ => {}
        }
        rest = &rest[1..];
    }
    let rest = rest.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let (width, precision) = rest
        .split_once('.')
        .map_or((rest, None), |(w, p)| (w, Some(p)));
    let as_int = |digits: &str| -> Option<usize> {
        let value: u64 = digits.parse().ok()?;
        usize::try_from(value)
            .ok()
            .filter(|&v| v <= i32::MAX as usize)
    };
    let (too_wide, too_precise) = (
        !width.is_empty() && as_int(width).is_none() && width.bytes().all(|b| b.is_ascii_digit()),
        precision.is_some_and(|p| {
            !p.is_empty() && as_int(p).is_none() && p.bytes().all(|b| b.is_ascii_digit())
        }),
    );
    parsed.beyond_int = too_wide || too_precise;
    parsed.width = as_int(width).unwrap_or(0);
    parsed.precision = precision.map(|p| as_int(p).unwrap_or(0));
    parsed
}

/// `body` padded to the spec's width, counted in bytes as both printfs count it.
fn pad(spec: &Spec, body: Vec<u8>, numeric: bool) -> Vec<u8> {
    if body.len() >= spec.width {
        return body;
    }
    let fill = spec.width - body.len();
    let mut out = Vec::with_capacity(spec.width);
    if spec.left {
        out.extend_from_slice(&body);
        out.resize(spec.width, b' ');
    } else if spec.zero && numeric {
        let sign_length = usize::from(matches!(body.first(), Some(b'-' | b'+' | b' ')));
        let prefix_length = sign_length
            + if matches!(body.get(sign_length..sign_length + 2), Some(b"0x" | b"0X")) {
                2
            } else {
                0
            };
        out.extend_from_slice(&body[..prefix_length]);
        out.resize(prefix_length + fill, b'0');
        out.extend_from_slice(&body[prefix_length..]);
    } else {
        out.resize(fill, b' ');
        out.extend_from_slice(&body);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{Dialect, Problem, format};

    fn gnu(f: &str, args: &[&str]) -> String {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        String::from_utf8(format(f, &args, Dialect::Gnu, None, true).bytes).unwrap()
    }

    fn bash(f: &str, args: &[&str]) -> String {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        String::from_utf8(format(f, &args, Dialect::Bash, None, true).bytes).unwrap()
    }

    #[test]
    fn numbers_as_c_prints_them() {
        assert_eq!(
            gnu("%.4x|%#o|%5.2d|%-5d|%+d", &["42", "8", "3", "4", "5"]),
            "002a|010|   03|4    |+5"
        );
        assert_eq!(
            gnu("%x %u", &["-1", "-1"]),
            "ffffffffffffffff 18446744073709551615"
        );
        assert_eq!(gnu("%i %i %d", &["0x1F", "010", "'A"]), "31 8 65");
        assert_eq!(
            gnu("%e %g %G %f", &["1234.5", "0.0001", "1e20", "3"]),
            "1.234500e+03 0.0001 1E+20 3.000000"
        );
        assert_eq!(gnu("%10.3f|%05d", &["3.14159", "-42"]), "     3.142|-0042");
    }

    #[test]
    fn the_dialects_differ_where_the_programs_do() {
        assert_eq!(gnu("a\\cb", &[]), "a");
        assert_eq!(bash("a\\cb", &[]), "a\\cb");
        assert_eq!(bash("%q|", &["a b", "it's", ""]), "a\\ b|it\\'s|''|");
        assert_eq!(gnu("%q|", &["a b", "it's", ""]), "'a b'|\"it's\"|''|");
        let args = vec!["12abc".to_string()];
        let out = format("%d", &args, Dialect::Bash, None, true);
        assert_eq!(out.bytes, b"12");
        assert_eq!(out.problems, [(0, Problem::PartlyANumber("12abc".into()))]);
    }

    #[test]
    fn the_format_is_reused_while_arguments_remain() {
        assert_eq!(gnu("%s %s\n", &["a", "b", "c"]), "a b\nc \n");
        assert_eq!(gnu("%b", &["a\\101\\0102\\x41\\c-z"]), "aABA");
    }
}
