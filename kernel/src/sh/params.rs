//! Parameter expansion with operators: `${VAR:-x}`, `${VAR:=x}`, `${VAR:?x}`, `${VAR:+x}`,
//! `${#VAR}`, `${VAR#pat}`, `${VAR##pat}`, `${VAR%pat}`, `${VAR%%pat}`, `${VAR:off:len}`,
//! `${VAR/pat/rep}`, `${VAR^^}`, `${VAR,,}`, `${!VAR}` and `${!prefix*}`.

use super::Shell;
use super::expand::{ExpandError, Fields};
use brush_parser::word::{
    Parameter, ParameterExpr, ParameterTestType, SpecialParameter, SubstringMatchKind,
};

/// The parameter's name as error messages give it.
fn name_of(parameter: &Parameter) -> String {
    match parameter {
        Parameter::Named(name) => name.clone(),
        Parameter::Positional(n) => n.to_string(),
        Parameter::NamedWithIndex { name, .. } | Parameter::NamedWithAllIndices { name, .. } => {
            name.clone()
        }
        Parameter::Special(special) => format!("{special}").trim_start_matches('$').to_string(),
    }
}

/// Whether `$@` or `$*`, which are never "unset".
fn is_all_positional(parameter: &Parameter) -> bool {
    matches!(
        parameter,
        Parameter::Special(SpecialParameter::AllPositionalParameters { .. })
    )
}

/// Shell pattern matching for the `#`, `%` and `/` operators (`/` is an ordinary character).
pub(super) fn pattern_matches(pattern: &str, text: &str) -> bool {
    let options = glob::MatchOptions {
        case_sensitive: true,
        require_literal_separator: false,
        require_literal_leading_dot: false,
    };
    match glob::Pattern::new(pattern) {
        Ok(glob) => glob.matches_with(text, options),
        Err(_) => pattern == text,
    }
}

/// `text` with its first character changed by `change` (`${VAR^}`, `${VAR,}`).
fn with_first_char(text: &str, change: fn(&str) -> String) -> String {
    let split = text.chars().next().map_or(0, char::len_utf8);
    change(&text[..split]) + &text[split..]
}

/// The char boundaries of `text`, from 0 to its length.
fn boundaries(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(at, _)| at)
        .chain(std::iter::once(text.len()))
        .collect()
}

fn remove_prefix(text: &str, pattern: &str, longest: bool) -> String {
    let mut cuts = boundaries(text);
    if longest {
        cuts.reverse();
    }
    cuts.into_iter()
        .find(|&at| pattern_matches(pattern, &text[..at]))
        .map_or_else(|| text.to_string(), |at| text[at..].to_string())
}

fn remove_suffix(text: &str, pattern: &str, longest: bool) -> String {
    let mut cuts = boundaries(text);
    if !longest {
        cuts.reverse();
    }
    cuts.into_iter()
        .find(|&at| pattern_matches(pattern, &text[at..]))
        .map_or_else(|| text.to_string(), |at| text[..at].to_string())
}

/// `${VAR/pat/rep}` and its kinds: the first match (longest at its position), every
/// match, a match at the start, or at the end.
fn replace(text: &str, pattern: &str, replacement: &str, kind: &SubstringMatchKind) -> String {
    let cuts = boundaries(text);
    let longest_from = |start: usize| {
        cuts.iter()
            .rev()
            .copied()
            .filter(|&end| end >= start)
            .find(|&end| pattern_matches(pattern, &text[start..end]))
    };
    match kind {
        SubstringMatchKind::Prefix => match longest_from(0) {
            Some(end) => format!("{replacement}{}", &text[end..]),
            None => text.to_string(),
        },
        SubstringMatchKind::Suffix => cuts
            .iter()
            .copied()
            .find(|&start| pattern_matches(pattern, &text[start..]))
            .map_or_else(
                || text.to_string(),
                |start| format!("{}{replacement}", &text[..start]),
            ),
        SubstringMatchKind::FirstOccurrence | SubstringMatchKind::Anywhere => {
            let all = matches!(kind, SubstringMatchKind::Anywhere);
            let mut out = String::new();
            let mut at = 0;
            let mut replaced = false;
            while at < text.len() {
                match longest_from(at).filter(|&end| end > at && (all || !replaced)) {
                    Some(end) => {
                        out.push_str(replacement);
                        at = end;
                        replaced = true;
                    }
                    None => {
                        let c = text[at..].chars().next().unwrap_or_default();
                        out.push(c);
                        at += c.len_utf8();
                    }
                }
            }
            out
        }
    }
}

impl Shell {
    /// A parameter's value, following `${!VAR}` indirection; None when unset.
    fn parameter_value(&self, parameter: &Parameter, indirect: bool) -> Option<String> {
        let value = self.lookup(parameter)?;
        if indirect {
            return self.variable(&value);
        }
        Some(value)
    }

    /// The value, or the error `set -u` makes of an unset one.
    fn required_value(&self, parameter: &Parameter, indirect: bool) -> Result<String, ExpandError> {
        match self.parameter_value(parameter, indirect) {
            Some(value) => Ok(value),
            None if self.options.nounset && !is_all_positional(parameter) => Err(
                ExpandError::fatal(format!("{}: unbound variable", name_of(parameter))),
            ),
            None => Ok(String::new()),
        }
    }

    /// Whether the parameter counts as missing for a `-`, `=`, `?` or `+` operator.
    fn missing(&self, parameter: &Parameter, indirect: bool, test: &ParameterTestType) -> bool {
        match self.parameter_value(parameter, indirect) {
            None => true,
            Some(value) => matches!(test, ParameterTestType::UnsetOrNull) && value.is_empty(),
        }
    }

    pub(super) async fn expand_parameter(
        &mut self,
        expression: &ParameterExpr,
        quoted: bool,
        fields: &mut Fields,
    ) -> Result<(), ExpandError> {
        let value = match expression {
            ParameterExpr::Parameter {
                parameter,
                indirect,
            } => self.required_value(parameter, *indirect)?,
            ParameterExpr::UseDefaultValues {
                parameter,
                indirect,
                test_type,
                default_value,
            } => {
                if self.missing(parameter, *indirect, test_type) {
                    let text = default_value.as_deref().unwrap_or_default();
                    return self.expand_operand_into(text, quoted, fields).await;
                }
                self.parameter_value(parameter, *indirect)
                    .unwrap_or_default()
            }
            ParameterExpr::AssignDefaultValues {
                parameter,
                indirect,
                test_type,
                default_value,
            } => {
                if self.missing(parameter, *indirect, test_type) {
                    let text = default_value.as_deref().unwrap_or_default();
                    let value = self.expand_operand(text, quoted, false).await?;
                    let Parameter::Named(name) = parameter else {
                        return Err(ExpandError::fatal(format!(
                            "${}: cannot assign in this way",
                            name_of(parameter)
                        )));
                    };
                    self.set_variable(name, &value, false);
                    value
                } else {
                    self.parameter_value(parameter, *indirect)
                        .unwrap_or_default()
                }
            }
            ParameterExpr::IndicateErrorIfNullOrUnset {
                parameter,
                indirect,
                test_type,
                error_message,
            } => {
                if self.missing(parameter, *indirect, test_type) {
                    let message = match error_message {
                        Some(text) => self.expand_operand(text, quoted, false).await?,
                        None => "parameter null or not set".into(),
                    };
                    return Err(ExpandError::fatal(format!(
                        "{}: {message}",
                        name_of(parameter)
                    )));
                }
                self.parameter_value(parameter, *indirect)
                    .unwrap_or_default()
            }
            ParameterExpr::UseAlternativeValue {
                parameter,
                indirect,
                test_type,
                alternative_value,
            } => {
                if !self.missing(parameter, *indirect, test_type) {
                    let text = alternative_value.as_deref().unwrap_or_default();
                    return self.expand_operand_into(text, quoted, fields).await;
                }
                String::new()
            }
            ParameterExpr::ParameterLength {
                parameter,
                indirect,
            } => {
                if is_all_positional(parameter) {
                    self.positional.len().to_string()
                } else {
                    let value = self.required_value(parameter, *indirect)?;
                    value.chars().count().to_string()
                }
            }
            ParameterExpr::RemoveSmallestSuffixPattern {
                parameter,
                indirect,
                pattern,
            }
            | ParameterExpr::RemoveLargestSuffixPattern {
                parameter,
                indirect,
                pattern,
            }
            | ParameterExpr::RemoveSmallestPrefixPattern {
                parameter,
                indirect,
                pattern,
            }
            | ParameterExpr::RemoveLargestPrefixPattern {
                parameter,
                indirect,
                pattern,
            } => {
                let value = self.required_value(parameter, *indirect)?;
                let text = pattern.as_deref().unwrap_or_default();
                let pattern = self.expand_operand(text, false, true).await?;
                match expression {
                    ParameterExpr::RemoveSmallestSuffixPattern { .. } => {
                        remove_suffix(&value, &pattern, false)
                    }
                    ParameterExpr::RemoveLargestSuffixPattern { .. } => {
                        remove_suffix(&value, &pattern, true)
                    }
                    ParameterExpr::RemoveSmallestPrefixPattern { .. } => {
                        remove_prefix(&value, &pattern, false)
                    }
                    _ => remove_prefix(&value, &pattern, true),
                }
            }
            ParameterExpr::Substring {
                parameter,
                indirect,
                offset,
                length,
            } => {
                let value = self.required_value(parameter, *indirect)?;
                let chars: Vec<char> = value.chars().collect();
                let count = chars.len() as i64;
                let offset_text = self.expand_operand(&offset.value, true, false).await?;
                let mut start = self.evaluate_arithmetic(&offset_text)?;
                if start < 0 {
                    start = (count + start).max(0);
                }
                let start = start.min(count);
                let end = match length {
                    None => count,
                    Some(length) => {
                        let text = self.expand_operand(&length.value, true, false).await?;
                        let length = self.evaluate_arithmetic(&text)?;
                        if length < 0 {
                            count + length
                        } else {
                            (start + length).min(count)
                        }
                    }
                };
                if end < start {
                    return Err(ExpandError::new(format!(
                        "{}: substring expression < 0",
                        end - start
                    )));
                }
                chars[start as usize..end as usize].iter().collect()
            }
            ParameterExpr::ReplaceSubstring {
                parameter,
                indirect,
                pattern,
                replacement,
                match_kind,
            } => {
                let value = self.required_value(parameter, *indirect)?;
                let pattern = self.expand_operand(pattern, false, true).await?;
                let replacement = match replacement {
                    Some(text) => self.expand_operand(text, quoted, false).await?,
                    None => String::new(),
                };
                replace(&value, &pattern, &replacement, match_kind)
            }
            ParameterExpr::UppercasePattern {
                parameter,
                indirect,
                ..
            } => self.required_value(parameter, *indirect)?.to_uppercase(),
            ParameterExpr::LowercasePattern {
                parameter,
                indirect,
                ..
            } => self.required_value(parameter, *indirect)?.to_lowercase(),
            ParameterExpr::UppercaseFirstChar {
                parameter,
                indirect,
                ..
            } => with_first_char(
                &self.required_value(parameter, *indirect)?,
                str::to_uppercase,
            ),
            ParameterExpr::LowercaseFirstChar {
                parameter,
                indirect,
                ..
            } => with_first_char(
                &self.required_value(parameter, *indirect)?,
                str::to_lowercase,
            ),
            ParameterExpr::VariableNames { prefix, .. } => self
                .variables
                .keys()
                .filter(|name| name.starts_with(prefix.as_str()))
                .cloned()
                .collect::<Vec<_>>()
                .join(" "),
            other => {
                return Err(ExpandError::new(format!(
                    "{other:?}: this expansion is not supported"
                )));
            }
        };
        fields.push_expansion(&value, quoted);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_and_suffixes_come_off_shortest_or_longest() {
        assert_eq!(remove_prefix("a/b/c", "*/", false), "b/c");
        assert_eq!(remove_prefix("a/b/c", "*/", true), "c");
        assert_eq!(remove_suffix("f.tar.gz", ".*", false), "f.tar");
        assert_eq!(remove_suffix("f.tar.gz", ".*", true), "f");
        assert_eq!(remove_suffix("abc", "x", true), "abc");
    }

    #[test]
    fn replacement_kinds() {
        use SubstringMatchKind::*;
        assert_eq!(replace("aXbXc", "X", "-", &FirstOccurrence), "a-bXc");
        assert_eq!(replace("aXbXc", "X", "-", &Anywhere), "a-b-c");
        assert_eq!(replace("abab", "ab", "x", &Prefix), "xab");
        assert_eq!(replace("abab", "ab", "x", &Suffix), "abx");
        assert_eq!(replace("hello", "l*", "L", &Anywhere), "heL");
        assert_eq!(replace("hello", "l", "L", &Anywhere), "heLLo");
    }
}
