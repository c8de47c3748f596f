//! What an assignment's value becomes: tilde expansion after each `:` (`PATH=~/bin:~/x`),
//! and the elements of an array literal, including the keyed forms bash reads that
//! brush-parser leaves as plain words (`[k]+=v`, `[a[0]]=v`), assigned in order so each
//! sees the ones before it.

use super::Shell;
use super::expand::ExpandError;
use super::variables::{Subscript, Value};
use brush_parser::ast::Word;

/// One element of `(...)`, expanded: its subscript as written, its value, and whether it
/// appends to the element (`[k]+=v`).
#[derive(Clone, Debug)]
pub(super) struct Element {
    pub key: Option<String>,
    pub value: String,
    pub append: bool,
}

impl Shell {
    /// An assignment's value: expanded unsplit, with a tilde after each unquoted `:`
    /// expanded too, as bash does for assignments (also in the operands of its
    /// `${VAR-word}` expansions).
    pub(super) async fn expand_assigned(&mut self, word: &Word) -> Result<String, ExpandError> {
        self.expand_colon_tildes(&word.value, true).await
    }

    /// `text` expanded unsplit, a tilde after each unquoted `:` expanded; with
    /// `in_operands`, in the operands of `${VAR-word}` too (not in an array's elements).
    async fn expand_colon_tildes(
        &mut self,
        text: &str,
        in_operands: bool,
    ) -> Result<String, ExpandError> {
        let mut value = String::new();
        for (at, part) in split_before_tildes(text).iter().enumerate() {
            if at > 0 {
                value.push(':');
            }
            value.push_str(&self.expand_assigned_part(part, in_operands).await?);
        }
        Ok(value)
    }

    /// An associative array's word, expanded as an assignment's value but with no
    /// tilde at its start expanded, as bash 5.2 leaves it.
    async fn expand_untilded(&mut self, text: &str) -> Result<String, ExpandError> {
        match text.starts_with('~') {
            true => self.expand_value(&Word::new(&format!("\\{text}"))).await,
            false => self.expand_value(&Word::new(text)).await,
        }
    }

    /// Expands the elements of `(...)` for the array `name` (`associative` when it is
    /// being declared one): an unkeyed word may become several elements; a keyed one
    /// keeps its subscript for `assign_elements`.
    pub(super) async fn array_elements(
        &mut self,
        name: &str,
        elements: &[(Option<Word>, Word)],
        associative: bool,
    ) -> Result<Vec<Element>, ExpandError> {
        // bash 5.2 expands no tilde in an associative array's `[k]=v` values.
        let associative = associative || self.is_associative(name);
        let mut expanded = Vec::new();
        for (key, word) in elements {
            // bash brace-expands each word first: a keyed word that becomes several
            // is several plain words (`[k]=-{a,b}-` is `[k]=-a-` and `[k]=-b-`).
            // (Not in an associative array's: its words keep their braces.) The keyed
            // word is put back together only when a brace may make it several.
            let braced = !associative
                && (word.value.contains('{')
                    || key.as_ref().is_some_and(|k| k.value.contains('{')));
            let keyed_text = key
                .as_ref()
                .filter(|_| braced)
                .map(|k| Word::new(&format!("[{}]={}", k.value, word.value)));
            let whole = keyed_text.as_ref().unwrap_or(word);
            let several =
                braced && super::brace::expand(&whole.value).is_ok_and(|words| words.len() > 1);
            let keyed = match key {
                _ if several => None,
                Some(key) => Some((key.value.clone(), false, word.value.clone())),
                None => keyed_word(&word.value),
            };
            match keyed {
                Some((key, append, value)) => {
                    let value = if associative {
                        self.expand_untilded(&value).await?
                    } else {
                        self.expand_colon_tildes(&value, false).await?
                    };
                    expanded.push(Element {
                        key: Some(key),
                        value,
                        append,
                    });
                }
                // A word of an associative array's `(key value ...)` list is one
                // string, unsplit, as bash expands it (`( $pair )` is one key).
                None if associative => expanded.push(Element {
                    key: None,
                    value: self.expand_untilded(&whole.value).await?,
                    append: false,
                }),
                None => {
                    for field in self.expand_word(whole).await? {
                        expanded.push(Element {
                            key: None,
                            value: field,
                            append: false,
                        });
                    }
                }
            }
        }
        Ok(expanded)
    }

    /// Assigns expanded elements. Without subscripts they go in at once; with them one
    /// at a time, in order, each subscript evaluated after the elements before it are in
    /// (`a=([0]=5 [a[0]]=x)`). An associative array given no subscripts takes them as
    /// key, value, key, value.
    pub(super) async fn assign_elements(
        &mut self,
        name: &str,
        elements: Vec<Element>,
        append: bool,
    ) -> Result<(), ExpandError> {
        if self.raw_variable(name).is_some_and(|v| v.nameref) {
            match self.nameref_target(name) {
                // As bash: a nameref to nothing given a list becomes an array.
                None => {
                    self.report(&format!("warning: {name}: removing nameref attribute"));
                    self.declared(name).nameref = false;
                }
                Some(target) if !super::assign::is_name(target) => {
                    let message = format!("`{target}': not a valid identifier");
                    return Err(ExpandError::aborting(message));
                }
                Some(_) => {}
            }
        }
        let associative = self.is_associative(name);
        if elements.iter().all(|e| e.key.is_none()) {
            let resolved = if associative {
                let mut values = elements.into_iter().map(|e| e.value);
                let mut pairs = Vec::new();
                while let Some(key) = values.next() {
                    pairs.push((Some(Subscript::Key(key)), values.next().unwrap_or_default()));
                }
                pairs
            } else {
                elements.into_iter().map(|e| (None, e.value)).collect()
            };
            return self.assign_array(name, resolved, append);
        }
        self.assign_array(name, Vec::new(), append)?;
        // Where an element without a subscript goes: after the one before it.
        let mut next = match self.variable_entry(name).map(|v| &v.value) {
            Some(Value::Indexed(map)) => map.keys().next_back().map_or(0, |last| last + 1),
            _ => 0,
        };
        for element in elements {
            let subscript = match &element.key {
                // As bash, a bad subscript costs its element only.
                Some(text) if !associative && matches!(text.trim(), "" | "@" | "*") => {
                    let why = match text.trim() {
                        "" => "bad array subscript",
                        _ => "cannot assign to non-numeric index",
                    };
                    self.report(&format!("[{text}]={}: {why}", element.value));
                    continue;
                }
                Some(text) => self.subscript(name, text).await?,
                None if associative => {
                    self.report(&format!(
                        "{name}: {}: must use subscript when assigning associative array",
                        element.value
                    ));
                    continue;
                }
                None => Subscript::Index(next),
            };
            let subscript = match subscript {
                Subscript::Index(index) => match self.index_from_end(name, index) {
                    Some(index) => {
                        next = index + 1;
                        Subscript::Index(index)
                    }
                    None => {
                        let key = element.key.as_deref().unwrap_or_default();
                        self.report(&format!("[{key}]={}: bad array subscript", element.value));
                        continue;
                    }
                },
                key => key,
            };
            let mut value = element.value;
            // bash 5.2 reads `[k]+=v` as `[k]=v` in an associative array's `a=(...)`,
            // not in its `a+=(...)`.
            if element.append
                && (!associative || append)
                && let Some(before) = self.element(name, &subscript)
            {
                let integer = self.variable_entry(name).is_some_and(|v| v.integer);
                value = match integer {
                    true => format!("({before}) + ({value})"),
                    false => before + &value,
                };
            }
            self.assign_array(name, vec![(Some(subscript), value)], true)?;
        }
        // An empty literal still leaves an array (`a=()`).
        if !matches!(
            self.variable_entry(name).map(|v| &v.value),
            Some(Value::Indexed(_) | Value::Associative(_))
        ) {
            self.assign_array(name, Vec::new(), true)?;
        }
        Ok(())
    }
}

/// A word of `(...)` that is a keyed element brush-parser did not see as one: `[K]=V`
/// or `[K]+=V` with brackets nested in K. Its key, whether it appends, and its value.
fn keyed_word(text: &str) -> Option<(String, bool, String)> {
    if !text.starts_with('[') {
        return None;
    }
    // Quoted and escaped brackets are the key's (`["a[1]"]=v`).
    let close = super::grammar::subscript_end(text, 0)?;
    let key = text[1..close].to_string();
    let rest = &text[close + 1..];
    match rest.strip_prefix("+=") {
        Some(value) => Some((key, true, value.to_string())),
        None => rest
            .strip_prefix('=')
            .map(|value| (key, false, value.to_string())),
    }
}

/// The text of an assigned value cut at each unquoted, top-level `:` that a `~` follows,
/// so each part starts where a tilde is expanded; one part when there is no such `:`.
pub(super) fn split_before_tildes(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut parts = vec![String::new()];
    // Open quotes and brackets, innermost last.
    let mut open: Vec<char> = Vec::new();
    let mut at = 0;
    while at < chars.len() {
        let c = chars[at];
        let inside = open.last().copied();
        match (inside, c) {
            (Some('\''), '\'') | (Some('"'), '"') | (Some('`'), '`') => {
                open.pop();
            }
            (Some('\''), _) => {}
            (_, '\\') => {
                parts.last_mut().unwrap().push(c);
                at += 1;
                if let Some(&next) = chars.get(at) {
                    parts.last_mut().unwrap().push(next);
                }
                at += 1;
                continue;
            }
            (Some('('), ')') | (Some('{'), '}') => {
                open.pop();
            }
            (_, '$') if matches!(chars.get(at + 1), Some('(' | '{')) => {
                parts.last_mut().unwrap().push(c);
                at += 1;
                open.push(chars[at]);
            }
            (Some('"'), _) => {}
            (_, '\'' | '"' | '`') => open.push(c),
            (Some('('), '(') => open.push('('),
            (None, ':') if chars.get(at + 1) == Some(&'~') => {
                parts.push(String::new());
                at += 1;
                continue;
            }
            _ => {}
        }
        parts.last_mut().unwrap().push(chars[at]);
        at += 1;
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_cut_before_tildes_outside_quotes_and_expansions() {
        assert_eq!(split_before_tildes("~:~/x:y"), ["~", "~/x:y"]);
        assert_eq!(split_before_tildes("a:b"), ["a:b"]);
        assert_eq!(split_before_tildes("'a:~':\":~\""), ["'a:~':\":~\""]);
        assert_eq!(split_before_tildes("${x:-a:~}:~"), ["${x:-a:~}", "~"]);
        assert_eq!(split_before_tildes("$(echo a:~)"), ["$(echo a:~)"]);
    }

    #[test]
    fn keyed_words_nest_brackets() {
        assert_eq!(
            keyed_word("[a[0]]=x"),
            Some(("a[0]".into(), false, "x".into()))
        );
        assert_eq!(keyed_word("[k]+=y"), Some(("k".into(), true, "y".into())));
        assert_eq!(keyed_word("[k]"), None);
        assert_eq!(keyed_word("plain"), None);
    }
}
