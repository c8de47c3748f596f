//! `%q`: an argument quoted so a shell reads it back as it is, in each dialect's style.

/// bash's style: backslashes before special characters, `$'...'` for control characters.
pub fn bash(text: &str) -> String {
    if text.is_empty() {
        return "''".into();
    }
    if text.chars().any(needs_ansi_c) {
        return ansi_c(text);
    }
    let mut out = String::new();
    let mut previous = None;
    for c in text.chars() {
        let special = match c {
            ' ' | '\'' | '"' | '\\' | '|' | '&' | ';' | '(' | ')' | '<' | '>' | '!' | '{' | '}'
            | '*' | '[' | ']' | '?' | '^' | '$' | '`' | ',' => true,
            '~' => matches!(previous, None | Some('=' | ':')),
            '#' => previous.is_none(),
            _ => false,
        };
        if special {
            out.push('\\');
        }
        out.push(c);
        previous = Some(c);
    }
    out
}

/// Whether bash shows text holding `c` in `$'...'`: control characters, and bytes that
/// are not UTF-8 (`rawbytes.rs`).
pub fn needs_ansi_c(c: char) -> bool {
    c.is_control() || super::rawbytes::kept_byte(c).is_some()
}

/// `$'...'`, C escapes for control characters, as bash shows text that has them.
pub fn ansi_c(text: &str) -> String {
    let mut out = String::from("$'");
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\x07' => out.push_str("\\a"),
            '\x08' => out.push_str("\\b"),
            '\x0b' => out.push_str("\\v"),
            '\x0c' => out.push_str("\\f"),
            '\x1b' => out.push_str("\\E"),
            '\'' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\{:03o}", c as u32)),
            c => match super::rawbytes::kept_byte(c) {
                Some(byte) => out.push_str(&format!("\\{byte:03o}")),
                None => out.push(c),
            },
        }
    }
    out.push('\'');
    out
}

/// GNU's shell-escape style: plain when safe, else single quotes (double quotes around a
/// text whose only problem is a single quote), `$'...'` for control characters.
pub fn gnu(text: &str) -> String {
    if text.is_empty() {
        return "''".into();
    }
    let safe = |c: char| c.is_alphanumeric() || "%+,-./:@_^".contains(c);
    if text.chars().all(safe) && !text.starts_with('~') {
        return text.to_string();
    }
    if text.chars().any(char::is_control) {
        let mut out = String::from("'");
        for c in text.chars() {
            if c.is_control() {
                let escaped = match c {
                    '\n' => "\\n".to_string(),
                    '\t' => "\\t".to_string(),
                    '\r' => "\\r".to_string(),
                    c => format!("\\{:03o}", c as u32),
                };
                out.push_str(&format!("'$'{escaped}''"));
            } else if c == '\'' {
                out.push_str("'\\''");
            } else {
                out.push(c);
            }
        }
        out.push('\'');
        // `''` left at the end by a trailing control character is dropped, as GNU does.
        return out.strip_suffix("''").map_or(out.clone(), str::to_string);
    }
    if !text.contains('\'') {
        return format!("'{text}'");
    }
    if !text.contains(['"', '$', '`', '\\', '!']) {
        return format!("\"{text}\"");
    }
    format!("'{}'", text.replace('\'', "'\\''"))
}
