//! tr: translate, squeeze or delete characters.

mod shift;

use std::io::{self, Write};
use wasmix_common::escapes::{self, Octal};
use wasmix_common::{Arg, Failure, Program, args, input, read_error};

static PROGRAM: Program = Program::new(
    "tr",
    "Usage: tr [OPTION]... STRING1 [STRING2]\n\
     Translate, squeeze, and/or delete characters from standard input,\n\
     writing to standard output.\n\n  \
     -c, -C, --complement    use the complement of STRING1\n  \
     -d, --delete            delete characters in STRING1, do not translate\n  \
     -s, --squeeze-repeats   replace each sequence of a repeated character\n                          \
     that is listed in the last specified STRING with a single occurrence\n  \
     -t, --truncate-set1     first truncate STRING1 to length of STRING2\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n\n\
     STRINGs hold characters, ranges CHAR1-CHAR2, escapes (\\n, \\t, \\\\, \\NNN octal)\n\
     and classes [:alnum:] [:alpha:] [:blank:] [:cntrl:] [:digit:] [:graph:] [:lower:]\n\
     [:print:] [:punct:] [:space:] [:upper:] [:xdigit:].\n",
);

fn main() {
    PROGRAM.run(|mut args, out| {
        let (mut complement, mut delete, mut squeeze) = (false, false, false);
        let mut truncate = false;
        let mut sets = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('c' | 'C') | Arg::Long("complement") => complement = true,
                Arg::Short('d') | Arg::Long("delete") => delete = true,
                Arg::Short('s') | Arg::Long("squeeze-repeats") => squeeze = true,
                Arg::Short('t') | Arg::Long("truncate-set1") => truncate = true,
                Arg::Value(v) => sets.push(expand_set(&args::into_string(v)?)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let needed = match (delete, squeeze) {
            (true, false) | (false, true) => 1,
            (false, false) | (true, true) => 2,
        };
        match sets.len() {
            0 => return Err(Failure::Usage("missing operand".into())),
            n if n < needed => {
                let mut message = format!(
                    "missing operand after '{}'",
                    String::from_utf8_lossy(&sets[n - 1])
                );
                if !delete && !squeeze {
                    message.push_str("\nTwo strings must be given when translating.");
                } else if squeeze {
                    message.push_str(
                        "\nTwo strings must be given when both deleting and squeezing repeats.",
                    );
                }
                return Err(Failure::Usage(message));
            }
            n if n > 2 || (delete && !squeeze && n > 1) => {
                return Err(Failure::Usage(format!(
                    "extra operand '{}'",
                    String::from_utf8_lossy(&sets[n - 1])
                )));
            }
            _ => {}
        }
        if truncate && !delete && !complement && sets.len() == 2 {
            let length = sets[1].len();
            sets[0].truncate(length);
        }
        let mut first = [false; 256];
        for b in &sets[0] {
            first[*b as usize] = true;
        }
        if complement {
            first.iter_mut().for_each(|f| *f = !*f);
        }
        let mut map: [u8; 256] = std::array::from_fn(|i| i as u8);
        if !delete && sets.len() == 2 {
            let to = &sets[1];
            let from: Vec<u8> = (0..=255u8).filter(|b| first[*b as usize]).collect();
            let from = if complement { from } else { sets[0].clone() };
            for (i, b) in from.iter().enumerate() {
                if let Some(last) = to.last() {
                    map[*b as usize] = *to.get(i).unwrap_or(last);
                }
            }
        }
        let squeeze_set = sets.last().cloned().unwrap_or_default();
        let mut squeezable = [false; 256];
        if squeeze {
            for b in &squeeze_set {
                squeezable[*b as usize] = true;
            }
            if complement && sets.len() == 1 {
                squeezable = first;
            }
        }
        let translating = !delete && !squeeze;
        let shifts = if translating {
            shift::Shifts::of(&map)
        } else {
            None
        };
        let mut previous: Option<u8> = None;
        let mut write_error = None;
        // Each chunk is changed where it was read into, and what is kept written.
        let read = input::each_stdin_chunk(|chunk| {
            let kept = match &shifts {
                Some(shifts) => {
                    shifts.apply(chunk);
                    chunk.len()
                }
                // One table lookup per byte, no branches.
                None if translating => {
                    chunk.iter_mut().for_each(|b| *b = map[*b as usize]);
                    chunk.len()
                }
                None => {
                    let mut kept = 0;
                    for at in 0..chunk.len() {
                        let b = chunk[at];
                        if delete && first[b as usize] {
                            continue;
                        }
                        let c = if delete { b } else { map[b as usize] };
                        if squeeze && squeezable[c as usize] && previous == Some(c) {
                            continue;
                        }
                        previous = Some(c);
                        chunk[kept] = c;
                        kept += 1;
                    }
                    kept
                }
            };
            out.write_all(&chunk[..kept]).map_err(|e| {
                let kind = e.kind();
                write_error = Some(e);
                io::Error::from(kind)
            })
        });
        if let Some(e) = write_error {
            return Err(e.into());
        }
        read.map_err(|e| Failure::Fatal(read_error(&e)))?;
        Ok(0)
    })
}

/// Expands a set's escapes, ranges and classes to the bytes it stands for, in order.
fn expand_set(text: &str) -> Result<Vec<u8>, Failure> {
    type Class = (&'static str, fn(&u8) -> bool);
    const CLASSES: [Class; 12] = [
        ("[:alnum:]", u8::is_ascii_alphanumeric),
        ("[:alpha:]", u8::is_ascii_alphabetic),
        ("[:blank:]", |b| matches!(b, b' ' | b'\t')),
        ("[:cntrl:]", u8::is_ascii_control),
        ("[:digit:]", u8::is_ascii_digit),
        ("[:graph:]", u8::is_ascii_graphic),
        ("[:lower:]", u8::is_ascii_lowercase),
        ("[:print:]", |b| matches!(b, b' '..=b'~')),
        ("[:punct:]", u8::is_ascii_punctuation),
        ("[:space:]", |b| matches!(b, b' ' | b'\t'..=b'\r')),
        ("[:upper:]", u8::is_ascii_uppercase),
        ("[:xdigit:]", u8::is_ascii_hexdigit),
    ];
    let bytes = text.as_bytes();
    let mut literal = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if let Some((name, test)) = CLASSES
            .iter()
            .find(|(n, _)| bytes[i..].starts_with(n.as_bytes()))
        {
            literal.extend((0..=255u8).filter(test));
            i += name.len();
            continue;
        }
        let (byte, used) = unescape(&bytes[i..]);
        i += used;
        if bytes.get(i) == Some(&b'-') && i + 1 < bytes.len() {
            let (end, used_end) = unescape(&bytes[i + 1..]);
            if end < byte {
                return Err(Failure::Fatal(format!(
                    "range-endpoints of '{}-{}' are in reverse collating sequence order",
                    byte as char, end as char
                )));
            }
            literal.extend(byte..=end);
            i += 1 + used_end;
        } else {
            literal.push(byte);
        }
    }
    Ok(literal)
}

/// One character of a set: itself, or the byte an escape stands for.
fn unescape(bytes: &[u8]) -> (u8, usize) {
    if bytes[0] != b'\\' {
        return (bytes[0], 1);
    }
    let decoded = escapes::decode(bytes, Octal::Plain);
    match decoded.bytes.as_slice() {
        [one] => (*one, decoded.used),
        // An unknown escape stands for the character after the backslash.
        _ => (bytes.get(1).copied().unwrap_or(b'\\'), decoded.used),
    }
}
