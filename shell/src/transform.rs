//! `${VAR@OP}`: a parameter's value quoted (`Q`, `K`, `k`), with escapes expanded
//! (`E`), recased (`U`, `u`, `L`), decoded as a prompt (`P`), or as its attributes (`a`)
//! and the declaration that recreates it (`A`).

use super::Shell;
use super::expand::ExpandError;
use super::params::{Expansion, name_of};
use super::value_ops::{lower, upper, with_first_char};
use super::variables::{Value, key_value_text, keys_and_values};
use brush_parser::word::{Parameter, ParameterTransformOp};

impl Shell {
    /// `${VAR@OP}`: the value quoted, with escapes expanded, recased, or as attributes.
    pub(super) fn transform(
        &self,
        parameter: &Parameter,
        expansion: Expansion,
        op: &ParameterTransformOp,
    ) -> Result<Expansion, ExpandError> {
        Ok(match op {
            // `${a[@]@K}` and `${a[@]@k}`: an array's keys with its values.
            ParameterTransformOp::PossiblyQuoteWithArraysExpanded { separate_words }
                if let Parameter::NamedWithAllIndices { name, .. } = parameter
                    && let Some(variable) = self.variable_entry(name)
                    && let Some(pairs) = keys_and_values(&variable.value) =>
            {
                match separate_words {
                    false => Expansion::One(key_value_text(&variable.value)),
                    true => {
                        let joined = matches!(expansion, Expansion::Many { joined: true, .. });
                        let words: Vec<String> =
                            pairs.into_iter().flat_map(|(k, v)| [k, v]).collect();
                        let indexes = (0..words.len() as i64).collect();
                        Expansion::many(words, indexes, joined)
                    }
                }
            }
            ParameterTransformOp::Quoted
            | ParameterTransformOp::PossiblyQuoteWithArraysExpanded { .. } => {
                expansion.map(super::options::quoted_always)
            }
            ParameterTransformOp::ExpandEscapeSequences => {
                let utf8 = self.utf8_locale();
                expansion.map(|text| super::expand::ansi_c_unquote(text, utf8))
            }
            ParameterTransformOp::ToUpperCase => expansion.map(upper),
            ParameterTransformOp::ToLowerCase => expansion.map(lower),
            ParameterTransformOp::CapitalizeInitial => {
                expansion.map(|value| with_first_char(value, upper))
            }
            ParameterTransformOp::ToAttributeFlags => {
                let variable = match parameter {
                    Parameter::Named(name)
                    | Parameter::NamedWithIndex { name, .. }
                    | Parameter::NamedWithAllIndices { name, .. } => self.variable_entry(name),
                    _ => None,
                };
                let flags = variable
                    .map(super::variables::attribute_flags)
                    .unwrap_or_default();
                // A variable declared and never assigned shows its flags once, as bash's.
                let declared_only =
                    variable.is_some_and(|v| v.declared_only || matches!(v.value, Value::Unset));
                // `${a[@]@a}`: the array's flags once for each element.
                match expansion {
                    Expansion::Many { .. } if !declared_only => expansion.map(|_| flags.clone()),
                    _ => Expansion::One(Some(flags)),
                }
            }
            // `${@@A}`: the `set` command that gives the positional parameters again.
            ParameterTransformOp::ToAssignmentLogic
                if super::params::is_all_positional(parameter) =>
            {
                let Expansion::Many { items, joined, .. } = expansion else {
                    return Ok(expansion);
                };
                if items.is_empty() {
                    // No words for `"${@@A}"`, as for `"$@"`; an empty one for `"${*@A}"`.
                    return Ok(match joined {
                        true => Expansion::One(None),
                        false => Expansion::many(Vec::new(), Vec::new(), false),
                    });
                }
                let quoted = items.iter().map(|item| super::options::quoted_always(item));
                if joined {
                    let separator = super::params::ifs_separator(self);
                    let list: Vec<String> = quoted.collect();
                    return Ok(Expansion::One(Some(format!(
                        "set -- {}",
                        list.join(&separator)
                    ))));
                }
                // `"${@@A}"` is words, as in bash: `set`, `--`, and each quoted parameter.
                let words: Vec<String> = ["set".to_string(), "--".to_string()]
                    .into_iter()
                    .chain(quoted)
                    .collect();
                let indexes = (0..words.len() as i64).collect();
                Expansion::many(words, indexes, false)
            }
            ParameterTransformOp::ToAssignmentLogic => {
                let name = name_of(parameter);
                let whole = matches!(parameter, Parameter::NamedWithAllIndices { .. });
                match self.variable_entry(&name) {
                    // One element of an array (`${a@A}` is `${a[0]@A}`): the array's
                    // flags with that element's value, as bash writes it.
                    Some(variable) if !whole && keys_and_values(&variable.value).is_some() => {
                        let flags = super::variables::attribute_flags(variable);
                        let value = match expansion {
                            Expansion::One(Some(value)) => {
                                format!("={}", super::options::quoted_always(&value))
                            }
                            _ => String::new(),
                        };
                        Expansion::One(Some(format!("declare -{flags} {name}{value}")))
                    }
                    Some(variable) => Expansion::One(Some(
                        super::variables::assignment(&name, variable).unwrap_or_default(),
                    )),
                    None => Expansion::One(None),
                }
            }
            ParameterTransformOp::PromptExpand => unreachable!("expanded by prompt_expand"),
        })
    }

    /// `${VAR@P}`: each value decoded as a prompt string is.
    pub(super) async fn prompt_expand(&mut self, expansion: Expansion) -> Expansion {
        match expansion {
            Expansion::One(value) => match value {
                Some(value) => Expansion::One(Some(self.decode_prompt(&value, true).await)),
                None => Expansion::One(None),
            },
            Expansion::Many {
                items,
                indexes,
                joined,
            } => {
                let mut decoded = Vec::with_capacity(items.len());
                for item in items {
                    decoded.push(self.decode_prompt(&item, true).await);
                }
                Expansion::many(decoded, indexes, joined)
            }
        }
    }
}
