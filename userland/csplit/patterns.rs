//! csplit's patterns: `N`, `/RE/[OFFSET]`, `%RE%[OFFSET]`, each perhaps followed by
//! `{N}` or `{*}`.

use wasmix_common::Failure;
use wasmix_common::posix_regex::{Dialect, Flags, PosixRegex, Syntax};
use wasmix_common::quote::quote_bytes;

pub enum Split {
    /// Before this line (counted from 1).
    Line(usize),
    /// At the line that matches, moved by the offset; `skip` drops what comes before.
    Match {
        regex: PosixRegex,
        offset: isize,
        skip: bool,
    },
}

pub enum Repeat {
    /// `{N}` (0 without braces): N more times.
    Times(usize),
    /// `{*}`: until the input runs out.
    Forever,
}

pub struct Pattern {
    /// As written, for messages.
    pub text: String,
    pub split: Split,
    pub repeat: Repeat,
}

/// The patterns, checked as GNU's csplit checks them before it reads: line numbers in
/// order (one the same as the one before is warned of).
pub fn parse(operands: &[String]) -> Result<Vec<Pattern>, Failure> {
    let mut patterns: Vec<Pattern> = Vec::new();
    let mut previous_line = 0;
    for text in operands {
        if let Some(inner) = text.strip_prefix('{').and_then(|t| t.strip_suffix('}')) {
            let repeat = match inner {
                "*" => Repeat::Forever,
                n => Repeat::Times(n.parse().map_err(|_| {
                    // (GNU's message puts its closing quote before the brace.)
                    let open = &text[..text.len() - 1];
                    Failure::Fatal(format!(
                        "'{open}'}}: integer required between '{{' and '}}'"
                    ))
                })?),
            };
            match patterns.last_mut() {
                Some(last) => last.repeat = repeat,
                None => {
                    return Err(Failure::Fatal(format!(
                        "{}: invalid pattern",
                        quote_bytes(text.as_bytes())
                    )));
                }
            }
            continue;
        }
        let split = match text.chars().next() {
            Some(delimiter @ ('/' | '%')) => {
                let body = &text[1..];
                let end = body.rfind(delimiter).ok_or_else(|| {
                    Failure::Fatal(format!(
                        "{}: missing closing delimiter",
                        quote_bytes(text.as_bytes())
                    ))
                })?;
                let offset_text = &body[end + 1..];
                let offset = if offset_text.is_empty() {
                    0
                } else {
                    offset_text.parse().map_err(|_| {
                        Failure::Fatal(format!(
                            "{}: integer expected after delimiter",
                            quote_bytes(offset_text.as_bytes())
                        ))
                    })?
                };
                let syntax = Syntax {
                    extended: false,
                    dialect: Dialect::Glibc,
                    control_escapes: false,
                    bracket_escapes: false,
                };
                let regex =
                    PosixRegex::new(&body[..end], syntax, Flags::default()).map_err(|message| {
                        Failure::Fatal(format!(
                            "{}: invalid regular expression: {message}",
                            quote_bytes(text.as_bytes())
                        ))
                    })?;
                Split::Match {
                    regex,
                    offset,
                    skip: delimiter == '%',
                }
            }
            _ => match text.parse::<usize>() {
                Ok(0) => {
                    return Err(Failure::Fatal(format!(
                        "{text}: line number must be greater than zero"
                    )));
                }
                Ok(n) => {
                    if n < previous_line {
                        return Err(Failure::Fatal(format!(
                            "line number '{n}' is smaller than preceding line number, \
                             {previous_line}"
                        )));
                    }
                    if n == previous_line {
                        crate::PROGRAM.warn(format!(
                            "warning: line number '{n}' is the same as preceding line number"
                        ));
                    }
                    previous_line = n;
                    Split::Line(n)
                }
                Err(_) => {
                    return Err(Failure::Fatal(format!(
                        "{}: invalid pattern",
                        quote_bytes(text.as_bytes())
                    )));
                }
            },
        };
        patterns.push(Pattern {
            text: text.clone(),
            split,
            repeat: Repeat::Times(0),
        });
    }
    Ok(patterns)
}
