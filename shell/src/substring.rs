//! `${VAR:offset:length}`: part of a value, or some of the elements of `$@` or an array.

use super::Shell;
use super::expand::ExpandError;
use super::params::{Expansion, is_all_positional};
use brush_parser::word::Parameter;

impl Shell {
    /// `${VAR:offset:length}` on a string, and on `$@` or an array, where it selects
    /// elements (`$@` counting `$0` as index 0). `length` comes with its text as written,
    /// which names a length that reaches back before the start, as in bash.
    pub(super) fn substring(
        &self,
        parameter: &Parameter,
        expansion: Expansion,
        start: i64,
        length: Option<(i64, &str)>,
    ) -> Result<Expansion, ExpandError> {
        let written = length.map(|(_, text)| text.trim().to_string());
        let length = length.map(|(length, _)| length);
        let negative = || {
            ExpandError::new(format!(
                "{}: substring expression < 0",
                written.clone().unwrap_or_default()
            ))
        };
        match expansion {
            Expansion::One(value) => {
                let value = value.unwrap_or_default();
                cut(&value, start, length)
                    .map(|part| Expansion::One(Some(part)))
                    .ok_or_else(negative)
            }
            // `${var[@]:1}` of a variable that is no array cuts its value, as bash does.
            Expansion::Many {
                items,
                indexes,
                joined,
            } if matches!(parameter, Parameter::NamedWithAllIndices { name, .. }
                if !self.is_array(name)) =>
            {
                let items = items
                    .iter()
                    .map(|item| cut(item, start, length))
                    .collect::<Option<Vec<String>>>()
                    .ok_or_else(negative)?;
                Ok(Expansion::many(items, indexes, joined))
            }
            Expansion::Many {
                mut items,
                mut indexes,
                joined,
            } => {
                if is_all_positional(parameter) {
                    items.insert(0, self.script_name.clone());
                    indexes.insert(0, 0);
                }
                let end_index = indexes.last().map_or(0, |last| last + 1);
                let first = if start < 0 { end_index + start } else { start };
                if length.is_some_and(|length| length < 0) {
                    return Err(negative());
                }
                if start < 0 && first < 0 {
                    return Ok(Expansion::many(Vec::new(), Vec::new(), joined));
                }
                let selected: Vec<(i64, String)> = indexes
                    .into_iter()
                    .zip(items)
                    .filter(|(index, _)| *index >= first)
                    .take(length.map_or(usize::MAX, |n| n as usize))
                    .collect();
                let (indexes, items) = selected.into_iter().unzip();
                Ok(Expansion::many(items, indexes, joined))
            }
        }
    }
}

/// The characters of `value` from `start` (from the end when negative) for `length`
/// (up to that many from the end when negative); none when that ends before it starts.
fn cut(value: &str, start: i64, length: Option<i64>) -> Option<String> {
    let chars: Vec<char> = value.chars().collect();
    let count = chars.len() as i64;
    let start = if start < 0 {
        (count + start).max(0)
    } else {
        start.min(count)
    };
    let end = match length {
        None => count,
        Some(length) if length < 0 => count + length,
        Some(length) => (start + length).min(count),
    };
    (end >= start).then(|| chars[start as usize..end as usize].iter().collect())
}
