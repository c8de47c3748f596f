//! seq: print a sequence of numbers.
//!
//! Numbers are kept as exact decimals (an integer count of 10^-scale), so `seq 0 0.1 0.3`
//! ends at 0.3 as GNU's does, where binary floating point would stop at 0.2.

use std::io::Write;
use wasmix_common::{Arg, Args, Failure, Program, args};
use wasmix_printf_format::{self as printf_format, Dialect};

static PROGRAM: Program = Program::new(
    "seq",
    "Usage: seq [OPTION]... LAST\n  \
     or:  seq [OPTION]... FIRST LAST\n  \
     or:  seq [OPTION]... FIRST INCREMENT LAST\n\
     Print numbers from FIRST to LAST, in steps of INCREMENT.\n\n  \
     -f, --format=FORMAT      use printf style floating-point FORMAT\n  \
     -s, --separator=STRING   use STRING to separate numbers (default: \\n)\n  \
     -w, --equal-width        equalize width by padding with leading zeroes\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n\n\
     If FIRST or INCREMENT is omitted, it defaults to 1.\n\
     FORMAT must be suitable for printing one argument of type 'double';\n\
     it defaults to %.PRECf if FIRST, INCREMENT, and LAST are all fixed point\n\
     decimal numbers with maximum precision PREC, and to %g otherwise.\n",
);

#[derive(Clone, Copy)]
struct Decimal {
    units: i128,
    scale: u32,
}

impl Decimal {
    fn parse(text: &str) -> Option<Decimal> {
        let (mantissa, exponent) = match text.find(['e', 'E']) {
            Some(at) => (&text[..at], text[at + 1..].parse::<i32>().ok()?),
            None => (text, 0),
        };
        let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let digits = format!("{whole}{fraction}");
        let unsigned = digits.trim_start_matches(['-', '+']);
        if unsigned.is_empty() || !unsigned.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if !fraction.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let units: i128 = digits.parse().ok()?;
        let scale = fraction.len() as i32 - exponent;
        if scale >= 0 {
            Some(Decimal {
                units,
                scale: scale as u32,
            })
        } else {
            Some(Decimal {
                units: units.checked_mul(10i128.checked_pow(scale.unsigned_abs())?)?,
                scale: 0,
            })
        }
    }

    fn at_scale(self, scale: u32) -> Option<i128> {
        self.units
            .checked_mul(10i128.checked_pow(scale - self.scale)?)
    }
}

fn format_units(units: i128, scale: u32) -> String {
    let sign = if units < 0 { "-" } else { "" };
    let magnitude = units.unsigned_abs();
    if scale == 0 {
        return format!("{sign}{magnitude}");
    }
    let divisor = 10u128.pow(scale);
    let fraction = magnitude % divisor;
    format!(
        "{sign}{}.{fraction:0width$}",
        magnitude / divisor,
        width = scale as usize
    )
}

fn main() {
    PROGRAM.run(|_, out| {
        let CommandLine {
            separator,
            equal_width,
            format,
            operands,
        } = parse_command_line()?;
        if let Some(format) = &format {
            check_format(format)?;
        }
        let numbers = operands
            .iter()
            .map(|text| {
                Decimal::parse(text).ok_or_else(|| {
                    Failure::Usage(format!("invalid floating point argument: '{text}'"))
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let one = Decimal { units: 1, scale: 0 };
        let (first, step, last) = match numbers[..] {
            [last] => (one, one, last),
            [first, last] => (first, one, last),
            [first, step, last] => (first, step, last),
            _ => unreachable!("operand count checked while parsing"),
        };
        if step.units == 0 {
            return Err(Failure::Usage(format!(
                "invalid Zero increment value: '{}'",
                operands[operands.len() - 2]
            )));
        }
        let shown = first.scale.max(step.scale);
        let exact = shown.max(last.scale);
        let overflow = || Failure::Fatal("numbers too large".into());
        let first_units = first.at_scale(exact).ok_or_else(overflow)?;
        let step_units = step.at_scale(exact).ok_or_else(overflow)?;
        let last_units = last.at_scale(exact).ok_or_else(overflow)?;
        let drop = 10i128.pow(exact - shown);
        if exact == 0
            && !equal_width
            && format.is_none()
            && !operands[0].starts_with("-0")
            && let (Ok(first), Ok(step), Ok(last)) = (
                i64::try_from(first_units),
                i64::try_from(step_units),
                i64::try_from(last_units),
            )
        {
            write_integers(out, first, step, last, separator.as_bytes())?;
            return Ok(0);
        }
        let width = if equal_width {
            typed_width(&operands[0], first.scale, shown).max(typed_width(
                &operands[operands.len() - 1],
                last.scale,
                shown,
            ))
        } else {
            0
        };
        // `-0.0` as FIRST is written with its sign, as GNU's printf writes it.
        let negative_zero = operands.len() > 1 && operands[0].starts_with('-') && first.units == 0;
        // The format goes to printf(3) in GNU's seq, which reads no backslash escapes.
        let format = format.map(|format| format.replace('\\', "\\\\"));
        let mut value = first_units;
        let mut printed_any = false;
        while (step_units > 0 && value <= last_units) || (step_units < 0 && value >= last_units) {
            if printed_any {
                out.write_all(separator.as_bytes())?;
            }
            let mut text = format_units(value / drop, shown);
            if negative_zero && !printed_any {
                text.insert(0, '-');
            }
            match &format {
                Some(format) => {
                    let formatted =
                        printf_format::format(format, &[text], Dialect::Gnu, None, false);
                    out.write_all(&formatted.bytes)?;
                }
                None => write_padded(out, &text, width)?,
            }
            printed_any = true;
            value = match value.checked_add(step_units) {
                Some(next) => next,
                None => break,
            };
        }
        if printed_any {
            out.write_all(b"\n")?;
        }
        Ok(0)
    })
}

/// The common case, whole numbers, without the general decimal arithmetic.
fn write_integers(
    out: &mut impl Write,
    first: i64,
    step: i64,
    last: i64,
    separator: &[u8],
) -> std::io::Result<()> {
    if step == 1 && first >= 0 {
        return write_counting(out, first, last, separator);
    }
    let mut digits = itoa::Buffer::new();
    let mut value = first;
    let mut printed_any = false;
    while (step > 0 && value <= last) || (step < 0 && value >= last) {
        if printed_any {
            out.write_all(separator)?;
        }
        out.write_all(digits.format(value).as_bytes())?;
        printed_any = true;
        value = match value.checked_add(step) {
            Some(next) => next,
            None => break,
        };
    }
    if printed_any {
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Counting up by one, as GNU's seq does it: the number is kept as decimal text and
/// incremented in place, and the lines are written in large blocks. The number and its
/// separator are copied into the block as one fixed-size piece (a copy of a length known
/// at compile time is a few stores; one of a variable length is a call out of the wasm
/// code), and the block's position then moves by their real length.
fn write_counting(
    out: &mut impl Write,
    first: i64,
    last: i64,
    separator: &[u8],
) -> std::io::Result<()> {
    const BLOCK: usize = 64 * 1024;
    /// Room for an i64's digits and a one-byte separator.
    const PIECE: usize = 24;
    if first > last {
        return Ok(());
    }
    if separator.len() != 1 {
        return write_counting_slowly(out, first, last, separator);
    }
    let mut piece = [0u8; PIECE];
    let mut len = {
        let mut digits = itoa::Buffer::new();
        let text = digits.format(first).as_bytes();
        piece[..text.len()].copy_from_slice(text);
        text.len()
    };
    let mut block = vec![0u8; BLOCK + PIECE];
    let mut at = 0;
    let mut value = first;
    loop {
        piece[len] = separator[0];
        block[at..at + PIECE].copy_from_slice(&piece);
        at += len + 1;
        if value == last {
            block[at - 1] = b'\n';
            return out.write_all(&block[..at]);
        }
        value += 1;
        match piece[..len].iter().rposition(|&d| d != b'9') {
            Some(i) => {
                piece[i] += 1;
                piece[i + 1..len].fill(b'0');
            }
            None => {
                piece[0] = b'1';
                piece[1..=len].fill(b'0');
                len += 1;
            }
        }
        if at >= BLOCK {
            out.write_all(&block[..at])?;
            at = 0;
        }
    }
}

/// Counting up by one with a separator of other than one byte.
fn write_counting_slowly(
    out: &mut impl Write,
    first: i64,
    last: i64,
    separator: &[u8],
) -> std::io::Result<()> {
    let mut digits = itoa::Buffer::new();
    for value in first..last {
        out.write_all(digits.format(value).as_bytes())?;
        out.write_all(separator)?;
    }
    out.write_all(digits.format(last).as_bytes())?;
    out.write_all(b"\n")
}

/// The width -w pads to, from an operand as typed (GNU counts its characters, `003` is
/// three wide), with room for the fraction digits `shown` adds.
fn typed_width(text: &str, scale: u32, shown: u32) -> usize {
    let mut width = text.len() as i64 + i64::from(shown) - i64::from(scale);
    // `.5` and `-.5` are written with their 0.
    if text.trim_start_matches(['-', '+']).starts_with('.') {
        width += 1;
    }
    if scale == 0 && shown > 0 {
        width += 1;
    }
    if scale > 0 && shown == 0 {
        width -= 1;
    }
    width.max(0) as usize
}

/// Writes a number zero-padded to `width`, the sign staying in front.
fn write_padded(out: &mut impl Write, text: &str, width: usize) -> std::io::Result<()> {
    match text.strip_prefix('-') {
        Some(digits) if width > 0 => write!(out, "-{digits:0>w$}", w = width - 1),
        _ => write!(out, "{text:0>width$}"),
    }
}

struct CommandLine {
    separator: String,
    equal_width: bool,
    format: Option<String>,
    operands: Vec<String>,
}

/// seq's operands may be negative numbers, which must not be taken for options.
fn parse_command_line() -> Result<CommandLine, Failure> {
    let mut separator = "\n".to_string();
    let mut equal_width = false;
    let mut format = None;
    let mut operands = Vec::new();
    let mut argv: Vec<String> = std::env::args().skip(1).collect();
    // Shield negative numbers from option parsing by moving them behind `--`.
    let numbers_from = argv
        .iter()
        .position(|a| a == "--" || a.starts_with('-') && Decimal::parse(a).is_some())
        .unwrap_or(argv.len());
    if argv.get(numbers_from).is_none_or(|a| a != "--") {
        argv.insert(numbers_from, "--".into());
    }
    let mut args = Args::from_vec(&PROGRAM, argv);
    while let Some(arg) = args.next()? {
        match arg {
            Arg::Short('f') | Arg::Long("format") => format = Some(args.value()?),
            Arg::Short('s') | Arg::Long("separator") => separator = args.value()?,
            Arg::Short('w') | Arg::Long("equal-width") => equal_width = true,
            Arg::Value(v) => operands.push(args::into_string(v)?),
            other => return Err(args::unexpected(other)),
        }
    }
    if format.is_some() && equal_width {
        return Err(Failure::Usage(
            "format string may not be specified when printing equal width strings".into(),
        ));
    }
    match operands.len() {
        0 => Err(Failure::Usage("missing operand".into())),
        1..=3 => Ok(CommandLine {
            separator,
            equal_width,
            format,
            operands,
        }),
        _ => Err(Failure::Usage(format!("extra operand '{}'", operands[3]))),
    }
}

/// A -f FORMAT must hold exactly one floating-point directive (`%%` aside), as GNU's
/// seq requires before it prints anything.
fn check_format(format: &str) -> Result<(), Failure> {
    let bad = |why: String| Failure::Fatal(format!("format '{format}' {why}"));
    let bytes = format.as_bytes();
    let mut i = 0;
    // Past the text before the directive, where `%%` stands for `%`.
    loop {
        match bytes.get(i) {
            None => return Err(bad("has no % directive".into())),
            Some(b'%') if bytes.get(i + 1) == Some(&b'%') => i += 2,
            Some(b'%') => break,
            Some(_) => i += 1,
        }
    }
    i += 1;
    let skip = |i: &mut usize, set: &[u8]| {
        while bytes.get(*i).is_some_and(|b| set.contains(b)) {
            *i += 1;
        }
    };
    skip(&mut i, b"-+#0 '");
    skip(&mut i, b"0123456789");
    if bytes.get(i) == Some(&b'.') {
        i += 1;
        skip(&mut i, b"0123456789");
    }
    if bytes.get(i) == Some(&b'L') {
        i += 1;
    }
    match format[i..].chars().next() {
        None => return Err(bad("ends in %".into())),
        Some(c) if !"efgaEFGA".contains(c) => {
            return Err(bad(format!("has unknown %{c} directive")));
        }
        Some(c) => i += c.len_utf8(),
    }
    loop {
        match bytes.get(i) {
            None => return Ok(()),
            Some(b'%') if bytes.get(i + 1) == Some(&b'%') => i += 2,
            Some(b'%') => return Err(bad("has too many % directives".into())),
            Some(_) => i += 1,
        }
    }
}
