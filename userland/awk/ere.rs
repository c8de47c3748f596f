//! POSIX extended regular expressions, as awk writes them, turned into the `regex` crate's
//! syntax: a `.` also matches a newline, brackets take `[` `&` `~` `-` literally where the
//! crate would read set operations, unknown escapes are the character itself, and a brace
//! that does not start a valid interval is literal.

use regex::Regex;

pub fn compile(ere: &str) -> Result<Regex, String> {
    let translated = translate(ere);
    Regex::new(&format!("(?s){translated}")).map_err(|_| {
        format!("regular expression compile failed (bad class -- [], [^] or [)\n{ere}")
    })
}

fn push_literal(out: &mut String, c: char) {
    if c.is_ascii_punctuation() || c == ' ' {
        if "\\.+*?()|[]{}^$#&-~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    } else {
        out.push(c);
    }
}

/// The character an escape stands for, or None when it keeps a regex meaning (`\.`).
fn escaped(chars: &[char], i: &mut usize) -> Option<char> {
    let c = chars[*i];
    *i += 1;
    Some(match c {
        'n' => '\n',
        't' => '\t',
        'r' => '\r',
        'f' => '\x0c',
        'v' => '\x0b',
        'a' => '\x07',
        'b' => '\x08',
        '/' => '/',
        '"' => '"',
        '0'..='7' => {
            let mut value = c.to_digit(8).unwrap_or(0);
            let mut taken = 1;
            while taken < 3 && *i < chars.len() && chars[*i].is_digit(8) {
                value = value * 8 + chars[*i].to_digit(8).unwrap_or(0);
                *i += 1;
                taken += 1;
            }
            char::from_u32(value).unwrap_or('\0')
        }
        _ => c,
    })
}

fn translate(ere: &str) -> String {
    let chars: Vec<char> = ere.chars().collect();
    let mut out = String::with_capacity(ere.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if i + 1 < chars.len() => {
                i += 1;
                if let Some(ch) = escaped(&chars, &mut i) {
                    push_literal(&mut out, ch);
                }
                continue;
            }
            '\\' => out.push_str("\\\\"),
            '[' => {
                i = bracket(&chars, i, &mut out);
                continue;
            }
            '{' => {
                let interval: String = chars[i..].iter().take_while(|&&c| c != '}').collect();
                let valid = i + interval.len() < chars.len()
                    && !out.is_empty()
                    && interval[1..].split(',').count() <= 2
                    && !interval[1..].is_empty()
                    && interval[1..]
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == ',')
                    && !interval[1..].starts_with(',');
                if valid {
                    out.push_str(&interval);
                    out.push('}');
                    i += interval.chars().count() + 1;
                    continue;
                }
                out.push_str("\\{");
            }
            '}' => out.push_str("\\}"),
            '#' | '&' | '~' | ' ' => push_literal(&mut out, c),
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

/// Copies the bracket expression starting at `chars[start]` (`[`); returns the index after it.
fn bracket(chars: &[char], start: usize, out: &mut String) -> usize {
    let mut i = start + 1;
    let mut body = String::from("[");
    if chars.get(i) == Some(&'^') {
        body.push('^');
        i += 1;
    }
    let mut first = true;
    while i < chars.len() {
        let c = chars[i];
        if c == ']' && !first {
            body.push(']');
            out.push_str(&body);
            return i + 1;
        }
        first = false;
        match c {
            '[' if matches!(chars.get(i + 1), Some(':' | '.' | '=')) => {
                let kind = chars[i + 1];
                let close: String = [kind, ']'].iter().collect();
                let rest: String = chars[i..].iter().collect();
                if let Some(end) = rest[2..].find(&close) {
                    let inner = &rest[2..2 + end];
                    if kind == ':' {
                        body.push_str(&format!("[:{inner}:]"));
                    } else {
                        inner.chars().for_each(|ch| push_literal(&mut body, ch));
                    }
                    i += 2 + inner.chars().count() + 2;
                    continue;
                }
                body.push_str("\\[");
            }
            '\\' if i + 1 < chars.len() => {
                i += 1;
                if let Some(ch) = escaped(chars, &mut i) {
                    push_literal(&mut body, ch);
                }
                continue;
            }
            '-' if i + 1 < chars.len()
                && chars[i + 1] != ']'
                && body.len() > 1
                && !body.ends_with('^') =>
            {
                body.push('-')
            }
            _ => push_literal(&mut body, c),
        }
        i += 1;
    }
    // No closing bracket: a literal `[` and the rest as it stands.
    out.push_str("\\[");
    start + 1
}
