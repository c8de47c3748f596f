//! `env -S STRING`: the string split into arguments as GNU's env splits it, for the one
//! argument a `#!/usr/bin/env -S cmd args` line gives.

use wasmix_common::Failure;

/// The arguments `text` holds: separated by blanks (and `\_`), quoted with '...' or
/// "...", with backslash escapes, `${NAME}` from the environment, and a `#` starting a
/// word ending it all (as `\c` does).
pub fn split(text: &str) -> Result<Vec<String>, Failure> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut chars = text.chars().peekable();
    let mut quote: Option<char> = None;
    while let Some(c) = chars.next() {
        match (quote, c) {
            (None, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r') => words.extend(word.take()),
            (None, '#') if word.is_none() => break,
            (None, '\'' | '"') => {
                quote = Some(c);
                word.get_or_insert_with(String::new);
            }
            (Some(open), c) if c == open => quote = None,
            (Some('\''), '\\') if matches!(chars.peek(), Some('\\' | '\'')) => {
                word.get_or_insert_with(String::new).extend(chars.next());
            }
            (Some('\''), c) => word.get_or_insert_with(String::new).push(c),
            (_, '\\') => {
                let escaped = chars.next().ok_or_else(|| {
                    Failure::Fatal("invalid backslash at end of string in -S".into())
                })?;
                match escaped {
                    'c' if quote.is_none() => {
                        words.extend(word.take());
                        return Ok(words);
                    }
                    '_' if quote.is_none() => words.extend(word.take()),
                    _ => {
                        let plain = match escaped {
                            '_' => ' ',
                            'f' => '\x0c',
                            'n' => '\n',
                            'r' => '\r',
                            't' => '\t',
                            'v' => '\x0b',
                            '\\' | '\'' | '"' | '$' | '#' => escaped,
                            other => {
                                return Err(Failure::Fatal(format!(
                                    "invalid sequence '\\{other}' in -S"
                                )));
                            }
                        };
                        word.get_or_insert_with(String::new).push(plain);
                    }
                }
            }
            (_, '$') => {
                let rest: String = chars.clone().collect();
                let name = rest
                    .strip_prefix('{')
                    .and_then(|inner| inner.split_once('}'))
                    .map(|(name, _)| name)
                    .filter(|name| !name.is_empty());
                let Some(name) = name else {
                    return Err(Failure::Fatal(format!(
                        "only ${{VARNAME}} expansion is supported, error at: ${rest}"
                    )));
                };
                for _ in 0..name.chars().count() + 2 {
                    chars.next();
                }
                let value = std::env::var(name).unwrap_or_default();
                word.get_or_insert_with(String::new).push_str(&value);
            }
            (_, c) => word.get_or_insert_with(String::new).push(c),
        }
    }
    if quote.is_some() {
        return Err(Failure::Fatal("no terminating quote in -S string".into()));
    }
    words.extend(word);
    Ok(words)
}
