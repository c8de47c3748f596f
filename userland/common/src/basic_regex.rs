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

/// What GNU's regex says of a pattern it refuses, for the regex crate's `error` (its
/// message, whose last line names the fault); the crate's own words where GNU has none.
pub fn gnu_error(error: &dyn std::fmt::Display) -> String {
    let text = error.to_string();
    let fault = text.rsplit("error: ").next().unwrap_or(&text).trim();
    let gnu = if fault.starts_with("unclosed group") {
        "Unmatched ( or \\("
    } else if fault.starts_with("unopened group") {
        "Unmatched ) or \\)"
    } else if fault.starts_with("unclosed character class") {
        "Unmatched [, [^, [:, [., or [="
    } else if fault.starts_with("unclosed counted repetition") {
        "Unmatched \\{"
    } else if fault.starts_with("invalid repetition count")
        || fault.starts_with("repetition quantifier expects")
    {
        "Invalid content of \\{\\}"
    } else if fault.starts_with("invalid character class range") {
        "Invalid range end"
    } else if fault.starts_with("incomplete escape sequence") {
        "Trailing backslash"
    } else if fault.contains("class name") || fault.starts_with("unrecognized character class") {
        "Invalid character class name"
    } else {
        return format!("invalid regular expression: {fault}");
    };
    gnu.to_string()
}
