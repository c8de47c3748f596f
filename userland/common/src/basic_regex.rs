//! POSIX basic regular expressions (grep, sed, expr), translated for the regex crate.

/// GNU's basic syntax, where `+ ? | ( ) { }` are literal unless escaped, in the regex
/// crate's (extended) terms.
pub fn basic_to_extended(pattern: &str) -> String {
    let mut converted = String::new();
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(special @ ('+' | '?' | '|' | '(' | ')' | '{' | '}')) => {
                    converted.push(special)
                }
                Some(other) => {
                    converted.push('\\');
                    converted.push(other);
                }
                None => converted.push_str("\\\\"),
            },
            '+' | '?' | '|' | '(' | ')' | '{' | '}' => {
                converted.push('\\');
                converted.push(c);
            }
            other => converted.push(other),
        }
    }
    converted
}
