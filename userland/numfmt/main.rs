//! numfmt: numbers to and from human-readable units (`1.5K`, `2.0Mi`), in the fields of
//! each line or each operand, as GNU numfmt does.

mod number;

use number::{NumberError, Round, Scale, Style};
use std::io::{self, BufRead, Write};
use wasmix_common::{Arg, Failure, Output, Program, args};

static PROGRAM: Program = Program::new(
    "numfmt",
    "Usage: numfmt [OPTION]... [NUMBER]...\n\
     Reformat NUMBER(s), or the numbers from standard input if none are specified.\n\n\
     Mandatory arguments to long options are mandatory for short options too.\n  \
     -d, --delimiter=X    use X instead of whitespace for field delimiter\n      \
     --field=FIELDS   replace the numbers in these input fields (default=1);\n                         \
     see FIELDS below\n      \
     --format=FORMAT  use printf style floating-point FORMAT;\n                         \
     see FORMAT below for details\n      \
     --from=UNIT      auto-scale input numbers to UNITs; default is 'none';\n                         \
     see UNIT below\n      \
     --from-unit=N    specify the input unit size (instead of the default 1)\n      \
     --grouping       use locale-defined grouping of digits, e.g. 1,000,000\n                         \
     (which means it has no effect in the C/POSIX locale)\n      \
     --header[=N]     print (without converting) the first N header lines;\n                         \
     N defaults to 1 if not specified\n      \
     --invalid=MODE   failure mode for invalid numbers: MODE can be:\n                         \
     abort (default), fail, warn, ignore\n      \
     --padding=N      pad the output to N characters; positive N will\n                         \
     right-align; negative N will left-align;\n                         \
     padding is ignored if the output is wider than N;\n                         \
     the default is to automatically pad if a whitespace\n                         \
     is found\n      \
     --round=METHOD   use METHOD for rounding when scaling; METHOD can be:\n                         \
     up, down, from-zero (default), towards-zero, nearest\n      \
     --suffix=SUFFIX  add SUFFIX to output numbers, and accept optional\n                         \
     SUFFIX in input numbers\n      \
     --to=UNIT        auto-scale output numbers to UNITs; see UNIT below\n      \
     --to-unit=N      the output unit size (instead of the default 1)\n  \
     -z, --zero-terminated    line delimiter is NUL, not newline\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n\n\
     UNIT options:\n  \
     none       no auto-scaling is done; suffixes will trigger an error\n  \
     auto       accept optional single/two letter suffix:\n               \
     1K = 1000, 1Ki = 1024, 1M = 1000000, 1Mi = 1048576,\n  \
     si         accept optional single letter suffix:\n               \
     1K = 1000, 1M = 1000000, ...\n  \
     iec        accept optional single letter suffix:\n               \
     1K = 1024, 1M = 1048576, ...\n  \
     iec-i      accept optional two-letter suffix:\n               \
     1Ki = 1024, 1Mi = 1048576, ...\n\n\
     FIELDS supports cut(1) style field ranges:\n  \
     N    N'th field, counted from 1\n  \
     N-   from N'th field, to end of line\n  \
     N-M  from N'th to M'th field (inclusive)\n  \
     -M   from first to M'th field (inclusive)\n  \
     -    all fields\n\
     Multiple fields/ranges can be separated with commas\n\n\
     FORMAT must be suitable for printing one floating-point argument '%f'.\n\
     Optional quote (%'f) will enable --grouping (if supported by current locale).\n\
     Optional width value (%10f) will pad output. Optional zero (%010f) width\n\
     will zero pad the number. Optional negative values (%-10f) will left align.\n\
     Optional precision (%.1f) will override the input determined precision.\n\n\
     Exit status is 0 if all input numbers were successfully converted.\n\
     By default, numfmt will stop at the first conversion error with exit status 2.\n\
     With --invalid='fail' a warning is printed for each conversion error\n\
     and the exit status is 2.  With --invalid='warn' each conversion error is\n\
     diagnosed, but the exit status is 0.  With --invalid='ignore' conversion\n\
     errors are not diagnosed and the exit status is 0.\n",
);

#[derive(Clone, Copy, PartialEq)]
enum Invalid {
    Abort,
    Fail,
    Warn,
    Ignore,
}

struct Numfmt {
    from: Scale,
    from_unit: f64,
    to_unit: f64,
    style: Style,
    /// Width to pad to (0: none) and whether to the left.
    padding: usize,
    left: bool,
    explicit_padding: bool,
    suffix: Option<String>,
    delimiter: Option<char>,
    /// (first, last) field ranges, counted from 1.
    fields: Vec<(usize, usize)>,
    invalid: Invalid,
    /// `--format`'s text around the number.
    before: String,
    after: String,
    /// An invalid number was met (for --invalid=fail's status).
    failed: bool,
}

/// One of GNU's "invalid argument" lists, as a usage failure.
fn invalid_argument(value: &str, option: &str, valid: &[&str]) -> Failure {
    let mut text = format!("invalid argument '{value}' for '--{option}'\nValid arguments are:");
    for choice in valid {
        text.push_str(&format!("\n  - '{choice}'"));
    }
    Failure::Usage(text)
}

/// `--from-unit`/`--to-unit`: a positive count, with an SI (`K`) or IEC (`Ki`) suffix.
fn unit_size(text: &str) -> Result<f64, Failure> {
    number::read(text, Scale::Auto)
        .ok()
        .map(|reading| reading.value)
        .filter(|&n| n >= 1.0 && n.fract() == 0.0)
        .ok_or_else(|| Failure::Fatal(format!("invalid unit size: '{text}'")))
}

fn field_list(text: &str) -> Result<Vec<(usize, usize)>, Failure> {
    let bad = || Failure::Usage(format!("invalid field value '{text}'"));
    let number = |part: &str| -> Result<usize, Failure> {
        match part.parse::<usize>() {
            Ok(0) => Err(Failure::Usage("fields are numbered from 1".into())),
            Ok(n) => Ok(n),
            Err(_) => Err(bad()),
        }
    };
    text.split(',')
        .map(|range| match range.split_once('-') {
            None => number(range).map(|n| (n, n)),
            Some(("", "")) => Ok((1, usize::MAX)),
            Some(("", last)) => Ok((1, number(last)?)),
            Some((first, "")) => Ok((number(first)?, usize::MAX)),
            Some((first, last)) => Ok((number(first)?, number(last)?)),
        })
        .collect()
}

impl Numfmt {
    /// `--format=FORMAT`: the text around one `%[0]['][-][N][.N]f`.
    fn set_format(&mut self, format: &str, grouping_allowed: bool) -> Result<(), Failure> {
        let fatal = |text: String| Err(Failure::Fatal(text));
        let bytes = format.as_bytes();
        let mut at = 0;
        let mut before = String::new();
        loop {
            match bytes.get(at) {
                None => return fatal(format!("format '{format}' has no % directive")),
                Some(b'%') if bytes.get(at + 1) == Some(&b'%') => {
                    before.push('%');
                    at += 2;
                }
                Some(b'%') => break,
                Some(_) => {
                    let c = format[at..].chars().next().unwrap_or_default();
                    before.push(c);
                    at += c.len_utf8();
                }
            }
        }
        at += 1;
        let (mut zero, mut left) = (false, false);
        while let Some(&flag @ (b'0' | b'\'' | b'-')) = bytes.get(at) {
            match flag {
                b'0' => zero = true,
                b'-' => left = true,
                _ if !grouping_allowed => {
                    return fatal("grouping cannot be combined with --to".into());
                }
                _ => {}
            }
            at += 1;
        }
        let digits = |at: &mut usize| {
            let start = *at;
            while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
                *at += 1;
            }
            format[start..*at].parse::<usize>().ok()
        };
        let width = digits(&mut at);
        if bytes.get(at) == Some(&b'.') {
            at += 1;
            self.style.precision = Some(digits(&mut at).unwrap_or(0));
        }
        match bytes.get(at) {
            None => return fatal(format!("format '{format}' ends in %")),
            Some(b'f') => {}
            Some(_) => {
                return fatal(format!(
                    "invalid format '{format}', directive must be %[0]['][-][N][.][N]f"
                ));
            }
        }
        let after = &format[at + 1..];
        if after.replace("%%", "").contains('%') {
            return fatal(format!("format '{format}' has too many % directives"));
        }
        if let Some(width) = width.filter(|&w| w > 0) {
            self.left |= left;
            if zero && !left {
                self.style.zero_width = width;
            } else {
                self.padding = width;
                self.explicit_padding = true;
            }
        }
        self.before = before;
        self.after = after.to_string();
        Ok(())
    }

    fn selected(&self, field: usize) -> bool {
        self.fields
            .iter()
            .any(|&(first, last)| (first..=last).contains(&field))
    }

    /// One field converted; `auto_width` is the field's width when it began with blanks.
    fn convert(&self, text: &str, auto_width: usize) -> Result<String, NumberError> {
        let mut number_text = text.trim_start_matches([' ', '\t']);
        if let Some(suffix) = &self.suffix {
            number_text = number_text
                .strip_suffix(suffix.as_str())
                .unwrap_or(number_text);
        }
        let reading = number::read(number_text, self.from)?;
        let value = reading.value * self.from_unit / self.to_unit;
        let mut shown = number::write(value, reading.precision, &self.style)?;
        if let Some(suffix) = &self.suffix {
            shown.push_str(suffix);
        }
        let width = if self.explicit_padding {
            self.padding
        } else {
            auto_width
        };
        let fill = width.saturating_sub(shown.chars().count());
        let padded = if self.left {
            format!("{shown}{}", " ".repeat(fill))
        } else {
            format!("{}{shown}", " ".repeat(fill))
        };
        Ok(format!("{}{padded}{}", self.before, self.after))
    }

    /// Writes the line with its selected fields converted, and `terminator` if any;
    /// Err(status) to stop (abort). Output is flushed before a complaint, so the two
    /// interleave as GNU's do.
    fn line(
        &mut self,
        line: &str,
        terminator: Option<u8>,
        out: &mut Output,
    ) -> Result<Result<(), u8>, Failure> {
        let fields: Vec<&str> = match self.delimiter {
            Some(delimiter) => line.split(delimiter).collect(),
            None => blank_separated(line),
        };
        for (index, field) in fields.iter().enumerate() {
            if index > 0
                && let Some(delimiter) = self.delimiter
            {
                write!(out, "{delimiter}")?;
            }
            if !self.selected(index + 1) {
                out.write_all(field.as_bytes())?;
                continue;
            }
            // Between blank-separated fields GNU writes one space of its own, then the
            // field's other blanks, which padding may take.
            let mut field = *field;
            if self.delimiter.is_none() && index > 0 {
                out.write_all(b" ")?;
                field = &field[1..];
            }
            let blank_led = self.delimiter.is_none() && field.starts_with([' ', '\t']);
            let auto_width = if blank_led { field.chars().count() } else { 0 };
            match self.convert(field, auto_width) {
                Ok(converted) => out.write_all(converted.as_bytes())?,
                // GNU stops at once, whatever --invalid says.
                Err(e @ NumberError::TooWideToPrint(_)) => {
                    out.flush()?;
                    PROGRAM.warn(e.message(field));
                    return Ok(Err(1));
                }
                Err(e) => {
                    let shown = field.trim_start_matches([' ', '\t']);
                    if self.invalid != Invalid::Ignore {
                        out.flush()?;
                        PROGRAM.warn(e.message(shown));
                    }
                    match self.invalid {
                        Invalid::Abort => return Ok(Err(2)),
                        Invalid::Fail => self.failed = true,
                        _ => {}
                    }
                    out.write_all(field.as_bytes())?;
                }
            }
        }
        if let Some(terminator) = terminator {
            out.write_all(&[terminator])?;
        }
        Ok(Ok(()))
    }
}

/// Fields as numfmt splits on blanks: each is its leading blanks and the word after them
/// (trailing blanks make a last field of their own), so joined they are the line again.
fn blank_separated(line: &str) -> Vec<&str> {
    let mut fields = Vec::new();
    let bytes = line.as_bytes();
    let mut start = 0;
    let mut at = 0;
    while at < bytes.len() {
        while at < bytes.len() && matches!(bytes[at], b' ' | b'\t') {
            at += 1;
        }
        while at < bytes.len() && !matches!(bytes[at], b' ' | b'\t') {
            at += 1;
        }
        fields.push(&line[start..at]);
        start = at;
    }
    if fields.is_empty() {
        fields.push(line);
    }
    fields
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut numfmt = Numfmt {
            from: Scale::None,
            from_unit: 1.0,
            to_unit: 1.0,
            style: Style {
                scale: Scale::None,
                round: Round::FromZero,
                precision: None,
                zero_width: 0,
            },
            padding: 0,
            left: false,
            explicit_padding: false,
            suffix: None,
            delimiter: None,
            fields: vec![(1, 1)],
            invalid: Invalid::Abort,
            before: String::new(),
            after: String::new(),
            failed: false,
        };
        let (mut header, mut format, mut zero_terminated) = (0, None, false);
        let mut operands = Vec::new();
        let units = ["none", "si", "iec", "iec-i"];
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('d') | Arg::Long("delimiter") => {
                    let text = args.value()?;
                    let mut chars = text.chars();
                    numfmt.delimiter = match (chars.next(), chars.next()) {
                        (Some(c), None) => Some(c),
                        _ => {
                            return Err(Failure::Fatal(
                                "the delimiter must be a single character".into(),
                            ));
                        }
                    };
                }
                Arg::Long("field") => numfmt.fields = field_list(&args.value()?)?,
                Arg::Long("format") => format = Some(args.value()?),
                Arg::Long("from") => {
                    let text = args.value()?;
                    numfmt.from = Scale::parse(&text, true).ok_or_else(|| {
                        invalid_argument(&text, "from", &["none", "auto", "si", "iec", "iec-i"])
                    })?;
                }
                Arg::Long("to") => {
                    let text = args.value()?;
                    numfmt.style.scale = Scale::parse(&text, false)
                        .ok_or_else(|| invalid_argument(&text, "to", &units))?;
                }
                Arg::Long("from-unit") => numfmt.from_unit = unit_size(&args.value()?)?,
                Arg::Long("to-unit") => numfmt.to_unit = unit_size(&args.value()?)?,
                Arg::Long("grouping") => {}
                Arg::Long("header") => {
                    header = match args.optional_value() {
                        None => 1,
                        Some(text) => {
                            text.parse()
                                .ok()
                                .filter(|&n: &usize| n > 0)
                                .ok_or_else(|| {
                                    Failure::Fatal(format!("invalid header value '{text}'"))
                                })?
                        }
                    };
                }
                Arg::Long("invalid") => {
                    let text = args.value()?;
                    numfmt.invalid = match text.as_str() {
                        "abort" => Invalid::Abort,
                        "fail" => Invalid::Fail,
                        "warn" => Invalid::Warn,
                        "ignore" => Invalid::Ignore,
                        _ => {
                            return Err(invalid_argument(
                                &text,
                                "invalid",
                                &["abort", "fail", "warn", "ignore"],
                            ));
                        }
                    };
                }
                Arg::Long("padding") => {
                    let text = args.value()?;
                    let width: i64 =
                        text.parse().ok().filter(|&n| n != 0).ok_or_else(|| {
                            Failure::Fatal(format!("invalid padding value '{text}'"))
                        })?;
                    numfmt.padding = width.unsigned_abs() as usize;
                    numfmt.left = width < 0;
                    numfmt.explicit_padding = true;
                }
                Arg::Long("round") => {
                    let text = args.value()?;
                    numfmt.style.round = Round::parse(&text).ok_or_else(|| {
                        invalid_argument(
                            &text,
                            "round",
                            &["up", "down", "from-zero", "towards-zero", "nearest"],
                        )
                    })?;
                }
                Arg::Long("suffix") => numfmt.suffix = Some(args.value()?),
                Arg::Short('z') | Arg::Long("zero-terminated") => zero_terminated = true,
                Arg::Value(v) => operands.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if let Some(format) = format {
            let grouping_allowed = numfmt.style.scale == Scale::None;
            numfmt.set_format(&format, grouping_allowed)?;
        }
        let terminator = if zero_terminated { b'\0' } else { b'\n' };
        if !operands.is_empty() {
            for operand in &operands {
                if let Err(status) = numfmt.line(operand, Some(b'\n'), out)? {
                    return Ok(status);
                }
            }
        } else {
            convert_input(&mut numfmt, header, terminator, out)?;
        }
        Ok(if numfmt.failed { 2 } else { 0 })
    })
}

/// The lines of standard input, the first `header` of them as they are.
fn convert_input(
    numfmt: &mut Numfmt,
    header: usize,
    terminator: u8,
    out: &mut Output,
) -> Result<(), Failure> {
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let mut buffer = Vec::new();
    let mut number = 0;
    loop {
        buffer.clear();
        if input.read_until(terminator, &mut buffer)? == 0 {
            return Ok(());
        }
        number += 1;
        let ended = buffer.last() == Some(&terminator);
        if ended {
            buffer.pop();
        }
        // A last line without its terminator stays without one.
        let end = ended.then_some(terminator);
        if number <= header {
            out.write_all(&buffer)?;
            out.write_all(end.as_slice())?;
            continue;
        }
        let text = String::from_utf8_lossy(&buffer);
        if let Err(status) = numfmt.line(&text, end, out)? {
            out.flush()?;
            wasmix_common::exit(status)
        }
    }
}
