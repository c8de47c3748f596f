//! Brace expansion, bash's first expansion: `a{b,c}d` → `abd acd`, `{1..10..2}`,
//! `{01..10}`, `{a..e}`. It works on the word's text before anything else is expanded,
//! so quoted braces and braces inside `${...}`, `$(...)` and backquotes are left alone.

/// How many words one word may become: a guard against `{1..999999999}` and nested
/// products eating all memory (bash would try; the kernel must not die).
const MAX_WORDS: usize = 1 << 20;

/// The words `text` expands to; just `text` when it has no brace expression.
pub fn expand(text: &str) -> Result<Vec<String>, String> {
    if !text.contains('{') {
        return Ok(vec![text.to_string()]);
    }
    let mut words = Vec::new();
    expand_into(text, &mut words)?;
    Ok(words)
}

/// As bash's brace_expand: the text before the first brace expression is kept as it is,
/// each alternative and the rest of the word are expanded on their own, and the words
/// are their products; nothing made is scanned again (`{{1,2}..3}` is `1..3 2..3`).
fn expand_into(text: &str, words: &mut Vec<String>) -> Result<(), String> {
    let Some((open, close, alternatives)) = find_expression(text) else {
        words.push(text.to_string());
        return Ok(());
    };
    let prefix = &text[..open];
    let mut endings = Vec::new();
    expand_into(&text[close + 1..], &mut endings)?;
    for alternative in alternatives {
        let mut middles = Vec::new();
        expand_into(&alternative, &mut middles)?;
        for middle in &middles {
            for ending in &endings {
                words.push(format!("{prefix}{middle}{ending}"));
                if words.len() > MAX_WORDS {
                    return Err(format!("brace expansion makes more than {MAX_WORDS} words"));
                }
            }
        }
    }
    Ok(())
}

/// The first brace expression: where it opens and closes, and its alternatives (the
/// parts between top-level commas, or the members of a sequence). A `{` whose braces
/// hold no comma or `..` at their own level opens none (the search goes on inside); one
/// that holds `..` but is no sequence and has no comma anywhere is text, inside too.
fn find_expression(text: &str) -> Option<(usize, usize, Vec<String>)> {
    let mut at = 0;
    while let Some(open) = next_unquoted_brace(text, at) {
        let Some(close) = closing_brace(text, open) else {
            at = open + 1;
            continue;
        };
        let inner = &text[open + 1..close];
        if let Some(sequence) = sequence(inner) {
            return Some((open, close, sequence));
        }
        let (top_level, anywhere) = commas(inner);
        if top_level.is_empty() && !anywhere {
            at = close + 1;
            continue;
        }
        let mut parts = Vec::new();
        let mut start = 0;
        for comma in top_level {
            parts.push(inner[start..comma].to_string());
            start = comma + 1;
        }
        parts.push(inner[start..].to_string());
        return Some((open, close, parts));
    }
    None
}

/// Skips what brace expansion must not touch, starting at `at`: returns the index after a
/// quoted string, an escape, or a `$`-expansion, or None when `at` starts none of these.
fn skip_protected(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    match bytes[at] {
        b'\\' => Some((at + 2).min(bytes.len())),
        b'\'' => Some(
            text[at + 1..]
                .find('\'')
                .map_or(bytes.len(), |end| at + end + 2),
        ),
        b'"' => {
            let mut i = at + 1;
            while i < bytes.len() {
                match bytes[i] {
                    b'\\' => i += 2,
                    b'"' => return Some(i + 1),
                    b'$' | b'`' => i = skip_protected(text, i).unwrap_or(i + 1),
                    _ => i += 1,
                }
            }
            Some(bytes.len())
        }
        b'`' => {
            let mut i = at + 1;
            while i < bytes.len() {
                match bytes[i] {
                    b'\\' => i += 2,
                    b'`' => return Some(i + 1),
                    _ => i += 1,
                }
            }
            Some(bytes.len())
        }
        b'$' if matches!(bytes.get(at + 1), Some(b'(' | b'{')) => {
            let (open, close) = if bytes[at + 1] == b'(' {
                (b'(', b')')
            } else {
                (b'{', b'}')
            };
            let mut depth = 0;
            let mut i = at + 1;
            while i < bytes.len() {
                let c = bytes[i];
                if c == open {
                    depth += 1;
                    i += 1;
                } else if c == close {
                    depth -= 1;
                    i += 1;
                    if depth == 0 {
                        return Some(i);
                    }
                } else if matches!(c, b'\\' | b'\'' | b'"' | b'`') || c == b'$' {
                    i = skip_protected(text, i).unwrap_or(i + 1);
                } else {
                    i += 1;
                }
            }
            Some(bytes.len())
        }
        _ => None,
    }
}

fn next_unquoted_brace(text: &str, mut at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    while at < bytes.len() {
        if let Some(next) = skip_protected(text, at) {
            at = next;
            continue;
        }
        if bytes[at] == b'{' {
            return Some(at);
        }
        at += 1;
    }
    None
}

/// The `}` that closes the `{` at `open` as bash's brace_gobbler finds it: the first
/// one at the same level after a comma or `..` at that level; a `}` before those is text.
fn closing_brace(text: &str, open: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut separated = false;
    let mut at = open + 1;
    while at < bytes.len() {
        if let Some(next) = skip_protected(text, at) {
            at = next;
            continue;
        }
        match bytes[at] {
            b'{' => depth += 1,
            b'}' if depth > 0 => depth -= 1,
            b'}' if separated => return Some(at),
            b',' if depth == 0 => separated = true,
            b'.' if depth == 0 && bytes.get(at + 1) == Some(&b'.') => separated = true,
            _ => {}
        }
        at += 1;
    }
    None
}

/// The unquoted commas of `inner` at its own level, and whether it has one at any level.
fn commas(inner: &str) -> (Vec<usize>, bool) {
    let bytes = inner.as_bytes();
    let mut top_level = Vec::new();
    let mut anywhere = false;
    let mut depth = 0usize;
    let mut at = 0;
    while at < bytes.len() {
        if let Some(next) = skip_protected(inner, at) {
            at = next;
            continue;
        }
        match bytes[at] {
            b'{' => depth += 1,
            b'}' => depth = depth.saturating_sub(1),
            b',' => {
                anywhere = true;
                if depth == 0 {
                    top_level.push(at);
                }
            }
            _ => {}
        }
        at += 1;
    }
    (top_level, anywhere)
}

/// `x..y` or `x..y..step`, of integers or of single letters; None if it is neither.
fn sequence(inner: &str) -> Option<Vec<String>> {
    let parts: Vec<&str> = inner.split("..").collect();
    let (start, end, step) = match parts.as_slice() {
        [start, end] => (*start, *end, None),
        [start, end, step] => (*start, *end, Some(step.parse::<i64>().ok()?)),
        _ => return None,
    };
    if let (Ok(first), Ok(last)) = (start.parse::<i64>(), end.parse::<i64>()) {
        let step = step.unwrap_or(1).unsigned_abs().max(1) as i64;
        let count = (first.abs_diff(last) / step as u64) as usize + 1;
        if count > MAX_WORDS {
            return None;
        }
        // A leading zero on either end pads every number to the wider end's width.
        let padded = |s: &str| {
            s.trim_start_matches('-').len() > 1 && s.trim_start_matches('-').starts_with('0')
        };
        let width = if padded(start) || padded(end) {
            start.len().max(end.len())
        } else {
            0
        };
        let direction = if first <= last { step } else { -step };
        return Some(
            (0..count as i64)
                .map(|i| first + i * direction)
                .map(|n| {
                    if n < 0 {
                        format!("-{:0>width$}", -n, width = width.saturating_sub(1))
                    } else {
                        format!("{n:0>width$}")
                    }
                })
                .collect(),
        );
    }
    let single = |s: &str| {
        let mut chars = s.chars();
        let c = chars.next()?;
        (chars.next().is_none() && c.is_ascii_alphabetic()).then_some(c)
    };
    let (first, last) = (single(start)?, single(end)?);
    let step = step.unwrap_or(1).unsigned_abs().max(1) as usize;
    let (low, high) = (first.min(last) as u8, first.max(last) as u8);
    // Between `Z` and `a` lie characters the word is parsed for after this: they stay
    // characters, as in bash (where the backslash comes out empty).
    let mut letters: Vec<String> = (low..=high)
        .map(|b| match b {
            b'\\' => "''".to_string(),
            b'`' => "\\`".to_string(),
            _ => (b as char).to_string(),
        })
        .collect();
    if first > last {
        letters.reverse();
    }
    Some(letters.into_iter().step_by(step).collect())
}

#[cfg(test)]
mod tests {
    use super::expand;

    #[test]
    fn lists_sequences_and_nesting() {
        let words = |text| expand(text).unwrap().join(" ");
        assert_eq!(words("a{b,c}d"), "abd acd");
        assert_eq!(words("{1..3}"), "1 2 3");
        assert_eq!(words("{3..1}"), "3 2 1");
        assert_eq!(words("{01..03}"), "01 02 03");
        assert_eq!(words("{a..e..2}"), "a c e");
        assert_eq!(words("{a,b{1,2}}"), "a b1 b2");
        assert_eq!(words("{a}"), "{a}");
        assert_eq!(words("'{a,b}'"), "'{a,b}'");
        assert_eq!(words("${x:-{a,b}}"), "${x:-{a,b}}");
        assert_eq!(words("x{,y}"), "x xy");
        // bash 5.2's answers.
        assert_eq!(words("{{1,2}..{7,8}}"), "1..7 1..8 2..7 2..8");
        assert_eq!(
            words("{{1..3}..{7..9}}{a,b}"),
            "{{1..3}..{7..9}}a {{1..3}..{7..9}}b"
        );
        assert_eq!(words("{a..c{1,2}}"), "a..c1 a..c2");
        assert_eq!(words("{a{b,c}}"), "{ab} {ac}");
        assert_eq!(words("{a}b,c}"), "a}b c");
        assert_eq!(words("{a,b}{{1..2}}"), "a{1} a{2} b{1} b{2}");
        assert_eq!(words("{x,{1..3}}{..}"), "x{..} 1{..} 2{..} 3{..}");
    }
}
