//! Associative arrays' subscripts in arithmetic (`(( count[$word]++ ))`): taken from the
//! text before it is expanded and expanded once as a word, as bash 5.2 does, so a key
//! may hold any character (`80's`, `%`, `]`, spaces) and is never evaluated again. The
//! expression then names each key by a placeholder the arithmetic grammar accepts.

use super::Shell;
use super::expand::ExpandError;
use std::ops::Range;

/// Stands for the key at the index after it (`A[__wasmix_key_0]`).
const PLACEHOLDER: &str = "__wasmix_key_";

/// Arithmetic text expanded and evaluated.
pub(super) struct Evaluated {
    /// The expanded text as `set -x` shows it, keys written back in.
    pub shown: String,
    pub value: Result<i64, ExpandError>,
}

impl Shell {
    /// Expands arithmetic text (`((...))`, `$((...))`, an offset) and evaluates it. An
    /// error in expanding it is the outer one; the value's own is in [`Evaluated`].
    pub(super) async fn evaluate_arithmetic_text(
        &mut self,
        text: &str,
    ) -> Result<Evaluated, ExpandError> {
        let mark = self.arithmetic_keys.len();
        let expanded = match self.with_keys_taken(text, false).await {
            Ok(marked) => self.expand_operand(&marked, true, false).await,
            Err(e) => Err(e),
        };
        let evaluated = expanded.map(|expanded| Evaluated {
            value: self.evaluate_marked(&expanded),
            shown: self.keys_written_back(&expanded),
        });
        self.arithmetic_keys.truncate(mark);
        evaluated
    }

    /// Evaluates an argument of `let`, already expanded as a word; an associative
    /// array's subscript in it is expanded as a key, as in `((...))`.
    pub(super) async fn evaluate_expanded_arithmetic(
        &mut self,
        text: &str,
    ) -> Result<i64, ExpandError> {
        let mark = self.arithmetic_keys.len();
        let value = match self.with_keys_taken(text, true).await {
            Ok(marked) => self.evaluate_marked(&marked),
            Err(e) => Err(e),
        };
        self.arithmetic_keys.truncate(mark);
        value
    }

    /// Evaluates text whose keys are placeholders; an error names the keys.
    fn evaluate_marked(&mut self, marked: &str) -> Result<i64, ExpandError> {
        self.evaluate_arithmetic(&blank_subscripts_as_zero(marked))
            .map_err(|mut e| {
                e.message = self.keys_written_back(&e.message);
                e
            })
    }

    /// The key a placeholder stands for, if `name` is one.
    pub(super) fn arithmetic_key(&self, name: &str) -> Option<String> {
        let index: usize = name.strip_prefix(PLACEHOLDER)?.parse().ok()?;
        self.arithmetic_keys.get(index).cloned()
    }

    /// The text with each associative subscript expanded into the key table and
    /// replaced by its placeholder. In text already expanded (`let`'s), an indexed
    /// array's subscript is expanded too, as bash expands it (`let 'a[$i+1]=2'`).
    async fn with_keys_taken(&mut self, text: &str, expanded: bool) -> Result<String, ExpandError> {
        let mut marked = String::with_capacity(text.len());
        let mut at = 0;
        for edit in self.subscript_edits(text) {
            let range = match edit {
                Edit::Blanks(range) => {
                    marked.push_str(&text[at..range.start]);
                    at = range.end;
                    continue;
                }
                Edit::Index(range) if expanded => {
                    marked.push_str(&text[at..range.start]);
                    let index = self
                        .expand_operand(&text[range.clone()], false, false)
                        .await?;
                    marked.push_str(&index);
                    at = range.end;
                    continue;
                }
                Edit::Index(_) => continue,
                Edit::Key(range) => range,
            };
            marked.push_str(&text[at..range.start]);
            // A key is not tilde-expanded (`A[~]` is the key `~`).
            let word = &text[range.clone()];
            let word = match word.strip_prefix('~') {
                Some(rest) => format!("\\~{rest}"),
                None => word.to_string(),
            };
            let key = self.expand_operand(&word, false, false).await?;
            marked.push_str(&format!("{PLACEHOLDER}{}", self.arithmetic_keys.len()));
            self.arithmetic_keys.push(key);
            at = range.end;
        }
        marked.push_str(&text[at..]);
        Ok(marked)
    }

    /// Placeholders in a message or trace replaced by the keys they stand for.
    fn keys_written_back(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(at) = rest.find(PLACEHOLDER) {
            out.push_str(&rest[..at]);
            let after = &rest[at + PLACEHOLDER.len()..];
            let digits = after.bytes().take_while(u8::is_ascii_digit).count();
            match after[..digits]
                .parse::<usize>()
                .ok()
                .and_then(|i| self.arithmetic_keys.get(i))
            {
                Some(key) => out.push_str(key),
                None => out.push_str(&rest[at..at + PLACEHOLDER.len() + digits]),
            }
            rest = &after[digits..];
        }
        out.push_str(rest);
        out
    }

    /// What to change in unexpanded arithmetic text: the subscripts of associative
    /// arrays (what is between `NAME[` and its `]`), and the blanks around an indexed
    /// array's subscript, which is searched for more.
    fn subscript_edits(&self, text: &str) -> Vec<Edit> {
        let bytes = text.as_bytes();
        let mut found = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            match bytes[at] {
                b'\'' => at = closing_quote(bytes, at),
                b'\\' => at += 2,
                b'$' | b'`' => at = after_expansion(bytes, at),
                c if is_name_start(c) && (at == 0 || !is_name_byte(bytes[at - 1])) => {
                    let start = at;
                    let end = at + bytes[at..].iter().take_while(|b| is_name_byte(**b)).count();
                    at = end;
                    if bytes.get(end) != Some(&b'[') {
                        continue;
                    }
                    let Some(close) = closing_bracket(bytes, end) else {
                        continue;
                    };
                    if self.is_associative(&text[start..end]) {
                        found.push(Edit::Key(end + 1..close));
                        at = close + 1;
                    } else {
                        // The arithmetic grammar takes no blanks just inside brackets.
                        let inside = &text[end + 1..close];
                        let leading = inside.len() - inside.trim_start().len();
                        let trailing = inside.len() - inside.trim_end().len();
                        if leading < inside.len() {
                            found.push(Edit::Blanks(end + 1..end + 1 + leading));
                            if inside.contains(['$', '`', '"', '\'']) {
                                found.push(Edit::Index(end + 1 + leading..close - trailing));
                            }
                            found.push(Edit::Blanks(close - trailing..close));
                        }
                        at = end + 1 + leading;
                    }
                }
                _ => at += 1,
            }
        }
        found.sort_by_key(|edit| match edit {
            Edit::Key(range) | Edit::Blanks(range) | Edit::Index(range) => range.start,
        });
        found
    }
}

/// An indexed array's subscript that expanded to blanks (`a[ ]`, `a[$blank]`, or `let`'s
/// `a[" "]`, whose quotes bash removes there) is element 0, as bash evaluates it.
fn blank_subscripts_as_zero(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut out = String::new();
    let mut copied = 0;
    for (open, _) in text.match_indices('[') {
        if open == 0 || !is_name_byte(bytes[open - 1]) {
            continue;
        }
        let Some(length) = text[open + 1..].find(']') else {
            break;
        };
        let inside = &text[open + 1..open + 1 + length];
        if !inside.is_empty() && inside.bytes().all(|b| matches!(b, b' ' | b'\t' | b'"')) {
            out.push_str(&text[copied..=open]);
            out.push('0');
            copied = open + 1 + length;
        }
    }
    if copied == 0 {
        return std::borrow::Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    std::borrow::Cow::Owned(out)
}

/// A change to arithmetic text before it is expanded.
enum Edit {
    /// An associative array's subscript: its key, expanded once.
    Key(Range<usize>),
    /// Blanks that go.
    Blanks(Range<usize>),
    /// An indexed array's subscript with something to expand.
    Index(Range<usize>),
}

fn is_name_start(byte: u8) -> bool {
    byte.is_ascii_alphabetic() || byte == b'_'
}

fn is_name_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}

/// Just past the quote that closes the one at `at` (or the end).
fn closing_quote(bytes: &[u8], at: usize) -> usize {
    let quote = bytes[at];
    bytes[at + 1..]
        .iter()
        .position(|b| *b == quote)
        .map_or(bytes.len(), |end| at + 1 + end + 1)
}

/// Just past the double-quoted text opening at `at`, expansions in it whole.
fn after_double_quoted(bytes: &[u8], at: usize) -> usize {
    let mut at = at + 1;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b'"' => return at + 1,
            b'$' | b'`' => at = after_expansion(bytes, at),
            _ => at += 1,
        }
    }
    bytes.len()
}

/// Just past an expansion starting at `at`: `$(...)`, `${...}`, `$name` or `` `...` ``.
pub(super) fn after_expansion(bytes: &[u8], at: usize) -> usize {
    if bytes[at] == b'`' {
        return closing_quote(bytes, at);
    }
    match bytes.get(at + 1) {
        Some(b'(') => closing(bytes, at + 1, b'(', b')').map_or(bytes.len(), |end| end + 1),
        Some(b'{') => closing(bytes, at + 1, b'{', b'}').map_or(bytes.len(), |end| end + 1),
        _ => {
            at + 1
                + bytes[at + 1..]
                    .iter()
                    .take_while(|b| is_name_byte(**b))
                    .count()
                    .max(1)
        }
    }
}

/// The `]` matching the `[` at `open`.
fn closing_bracket(bytes: &[u8], open: usize) -> Option<usize> {
    closing(bytes, open, b'[', b']')
}

/// The byte that closes the bracket at `open`, past nested ones, quotes and expansions.
fn closing(bytes: &[u8], open: usize, opening: u8, close: u8) -> Option<usize> {
    let mut depth = 0;
    let mut at = open;
    while at < bytes.len() {
        match bytes[at] {
            b if b == opening => depth += 1,
            b if b == close => {
                depth -= 1;
                if depth == 0 {
                    return Some(at);
                }
            }
            b'\\' => at += 1,
            b'\'' | b'`' => {
                at = closing_quote(bytes, at);
                continue;
            }
            b'"' => {
                at = after_double_quoted(bytes, at);
                continue;
            }
            b'$' if matches!(bytes.get(at + 1), Some(b'(' | b'{')) => {
                at = after_expansion(bytes, at);
                continue;
            }
            _ => {}
        }
        at += 1;
    }
    None
}
