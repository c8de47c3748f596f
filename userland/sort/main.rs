//! sort: sort lines of text files (byte order, as GNU sort in the C locale).

use std::cmp::Ordering;
use std::io::{Read, Write};
use wasmix_common::{Arg, Failure, Program, args, describe_io_error, input};

static PROGRAM: Program = Program {
    usage_status: 2,
    failure_status: 2,
    ..Program::new(
        "sort",
        "Usage: sort [OPTION]... [FILE]...\n\
         Write sorted concatenation of all FILE(s) to standard output.\n\n\
         With no FILE, or when FILE is -, read standard input.\n\n  \
         -h, --human-numeric-sort    compare human readable numbers (e.g., 2K 1G)\n  \
         -n, --numeric-sort          compare according to string numerical value\n  \
         -r, --reverse               reverse the result of comparisons\n  \
         -k, --key=KEYDEF            sort via a key; KEYDEF gives location and type\n  \
         -t, --field-separator=SEP   use SEP instead of non-blank to blank transition\n  \
         -u, --unique                output only the first of an equal run\n      \
         --help        display this help and exit\n      \
         --version     output version information and exit\n\n\
         KEYDEF is F[.C][OPTS][,F[.C][OPTS]] for start and stop position, where F is a\n\
         field number and C a character position in the field; both are origin 1.\n\
         OPTS is one or more of h, n, r, which override global ordering options.\n",
    )
};

#[derive(Clone, Copy, Default, PartialEq)]
enum Order {
    #[default]
    Text,
    Numeric,
    Human,
}

#[derive(Clone, Copy, Default)]
struct Rule {
    order: Order,
    reverse: bool,
}

#[derive(Clone)]
struct Key {
    start_field: usize,
    start_char: usize,
    end_field: Option<usize>,
    ordering: Option<Rule>,
}

struct Settings {
    global: Rule,
    keys: Vec<Key>,
    separator: Option<u8>,
    unique: bool,
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut settings = Settings {
            global: Rule::default(),
            keys: Vec::new(),
            separator: None,
            unique: false,
        };
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('n') | Arg::Long("numeric-sort") => {
                    settings.global.order = Order::Numeric
                }
                Arg::Short('h') | Arg::Long("human-numeric-sort") => {
                    settings.global.order = Order::Human
                }
                Arg::Short('r') | Arg::Long("reverse") => settings.global.reverse = true,
                Arg::Short('u') | Arg::Long("unique") => settings.unique = true,
                Arg::Short('k') | Arg::Long("key") => {
                    settings.keys.push(parse_key(&args.value()?)?)
                }
                Arg::Short('t') | Arg::Long("field-separator") => {
                    let text = args.value()?;
                    match text.as_bytes() {
                        [one] => settings.separator = Some(*one),
                        _ => return Err(Failure::Fatal(format!("multi-character tab '{text}'"))),
                    }
                }
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        // One buffer for all input, and lines as slices of it: a file of short lines
        // would otherwise cost an allocation per line.
        let mut data = Vec::new();
        for name in input::operands_or_stdin(files) {
            input::open(&name)
                .and_then(|mut reader| reader.read_to_end(&mut data))
                .map_err(|e| {
                    Failure::Fatal(format!("cannot read: {name}: {}", describe_io_error(&e)))
                })?;
            if data.last().is_some_and(|&b| b != b'\n') {
                data.push(b'\n');
            }
        }
        let mut lines: Vec<&[u8]> = data.split(|&b| b == b'\n').collect();
        lines.pop(); // what follows the last newline
        sort_lines(&mut lines, &settings);
        if settings.unique {
            lines.dedup_by(|b, a| compare_keys(a, b, &settings) == Ordering::Equal);
        }
        for line in lines {
            out.write_all(line)?;
            out.write_all(b"\n")?;
        }
        Ok(0)
    })
}

fn parse_key(text: &str) -> Result<Key, Failure> {
    let invalid = || {
        Failure::Usage(format!(
            "invalid number at field start: invalid count at start of '{text}'"
        ))
    };
    let (start, end) = match text.split_once(',') {
        Some((start, end)) => (start, Some(end)),
        None => (text, None),
    };
    let split_options = |part: &str| {
        let at = part
            .find(|c: char| c.is_ascii_alphabetic())
            .unwrap_or(part.len());
        (part[..at].to_string(), part[at..].to_string())
    };
    let (start_position, mut flags) = split_options(start);
    let (field, char_index) = match start_position.split_once('.') {
        Some((f, c)) => (f, c.parse::<usize>().map_err(|_| invalid())?),
        None => (start_position.as_str(), 1),
    };
    let start_field: usize = field.parse().map_err(|_| invalid())?;
    if start_field == 0 {
        return Err(Failure::Usage(
            "field number is zero: invalid field specification".into(),
        ));
    }
    let end_field = match end {
        Some(end) => {
            let (position, end_flags) = split_options(end);
            flags.push_str(&end_flags);
            let field = position.split('.').next().unwrap_or_default();
            Some(field.parse::<usize>().map_err(|_| invalid())?)
        }
        None => None,
    };
    let ordering = (!flags.is_empty()).then(|| {
        let mut ordering = Rule::default();
        for flag in flags.chars() {
            match flag {
                'n' => ordering.order = Order::Numeric,
                'h' => ordering.order = Order::Human,
                'r' => ordering.reverse = true,
                _ => {}
            }
        }
        ordering
    });
    Ok(Key {
        start_field,
        start_char: char_index.max(1),
        end_field,
        ordering,
    })
}

/// The fields of a line: split at the separator, or at each blank-to-nonblank
/// transition (a field keeps its leading blanks), as GNU sort does.
fn fields(line: &[u8], separator: Option<u8>) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    match separator {
        Some(sep) => {
            let mut start = 0;
            for (i, b) in line.iter().enumerate() {
                if *b == sep {
                    spans.push((start, i));
                    start = i + 1;
                }
            }
            spans.push((start, line.len()));
        }
        None => {
            let mut i = 0;
            while i < line.len() {
                let start = i;
                while i < line.len() && line[i].is_ascii_whitespace() {
                    i += 1;
                }
                while i < line.len() && !line[i].is_ascii_whitespace() {
                    i += 1;
                }
                spans.push((start, i));
            }
        }
    }
    spans
}

fn key_slice<'l>(line: &'l [u8], key: &Key, separator: Option<u8>) -> &'l [u8] {
    let spans = fields(line, separator);
    let Some(&(field_start, _)) = spans.get(key.start_field - 1) else {
        return &[];
    };
    let start = (field_start + key.start_char - 1).min(line.len());
    let end = match key.end_field {
        Some(end_field) => spans.get(end_field - 1).map_or(line.len(), |(_, end)| *end),
        None => line.len(),
    };
    &line[start..end.max(start)]
}

/// The leading number of a text, and for -h its suffix power.
fn numeric_value(text: &[u8], human: bool) -> f64 {
    let text = String::from_utf8_lossy(text);
    let trimmed = text.trim_start();
    let end = trimmed
        .char_indices()
        .find(|(i, c)| !(c.is_ascii_digit() || *c == '.' || (*i == 0 && *c == '-')))
        .map_or(trimmed.len(), |(i, _)| i);
    let value: f64 = trimmed[..end].parse().unwrap_or(0.0);
    if !human {
        return value;
    }
    let power = match trimmed[end..].chars().next() {
        Some('K' | 'k') => 1,
        Some('M') => 2,
        Some('G') => 3,
        Some('T') => 4,
        Some('P') => 5,
        Some('E') => 6,
        _ => 0,
    };
    value * 1024f64.powi(power)
}

/// Sorts in the order `compare` defines, the common cases without its per-comparison
/// work: whole lines as bytes, or whole lines as numbers (each parsed once).
fn sort_lines(lines: &mut [&[u8]], settings: &Settings) {
    let rule = settings.global;
    if !settings.keys.is_empty() {
        lines.sort_by(|a, b| compare(a, b, settings));
    } else if rule.order == Order::Text {
        // Lines that compare equal are the same bytes, so stability does not matter.
        lines.sort_unstable_by(|a, b| byte_order(a, b));
        if rule.reverse {
            lines.reverse();
        }
    } else {
        let human = rule.order == Order::Human;
        let mut decorated: Vec<(f64, &[u8])> = lines
            .iter()
            .map(|line| (numeric_value(line, human), *line))
            .collect();
        decorated.sort_by(|(x, a), (y, b)| {
            let order = x.partial_cmp(y).unwrap_or(Ordering::Equal).then_with(|| {
                if settings.unique {
                    Ordering::Equal
                } else {
                    byte_order(a, b)
                }
            });
            if rule.reverse { order.reverse() } else { order }
        });
        for (slot, (_, line)) in lines.iter_mut().zip(decorated) {
            *slot = line;
        }
    }
}

/// The order of `<[u8]>::cmp`, eight bytes at a time: on wasm that would be wasi-libc's
/// `memcmp`, which goes byte by byte.
fn byte_order(a: &[u8], b: &[u8]) -> Ordering {
    let common = a.len().min(b.len());
    let word = |s: &[u8], i: usize| u64::from_be_bytes(s[i..i + 8].try_into().unwrap());
    let mut i = 0;
    while i + 8 <= common {
        let (x, y) = (word(a, i), word(b, i));
        if x != y {
            return x.cmp(&y);
        }
        i += 8;
    }
    while i < common {
        if a[i] != b[i] {
            return a[i].cmp(&b[i]);
        }
        i += 1;
    }
    a.len().cmp(&b.len())
}

fn compare_by(a: &[u8], b: &[u8], ordering: Rule) -> Ordering {
    let result = match ordering.order {
        Order::Text => byte_order(a, b),
        Order::Numeric | Order::Human => {
            let human = ordering.order == Order::Human;
            numeric_value(a, human)
                .partial_cmp(&numeric_value(b, human))
                .unwrap_or(Ordering::Equal)
        }
    };
    if ordering.reverse {
        result.reverse()
    } else {
        result
    }
}

fn compare_keys(a: &[u8], b: &[u8], settings: &Settings) -> Ordering {
    if settings.keys.is_empty() {
        return compare_by(a, b, settings.global);
    }
    for key in &settings.keys {
        let ordering = key.ordering.unwrap_or(settings.global);
        let result = compare_by(
            key_slice(a, key, settings.separator),
            key_slice(b, key, settings.separator),
            ordering,
        );
        if result != Ordering::Equal {
            return result;
        }
    }
    Ordering::Equal
}

/// Keys first; equal lines are then ordered by their bytes, as GNU's last resort.
fn compare(a: &[u8], b: &[u8], settings: &Settings) -> Ordering {
    compare_keys(a, b, settings).then_with(|| {
        if settings.unique {
            Ordering::Equal
        } else {
            let last = byte_order(a, b);
            if settings.global.reverse {
                last.reverse()
            } else {
                last
            }
        }
    })
}
