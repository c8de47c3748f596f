//! Parameter expansion with operators: `${VAR:-x}`, `${VAR:=x}`, `${VAR:?x}`, `${VAR:+x}`,
//! `${#VAR}`, `${VAR#pat}`, `${VAR##pat}`, `${VAR%pat}`, `${VAR%%pat}`, `${VAR:off:len}`,
//! `${VAR/pat/rep}`, `${VAR^^}`, `${VAR,,}`, `${!VAR}` and `${!prefix*}`.

use super::Shell;
use super::expand::{ExpandError, Fields};
use super::pattern::Pattern;
use super::value_ops::{Replacement, change_case, remove_prefix, remove_suffix, replace};
use super::variables::{NamerefEnd, keys_and_values};
use brush_parser::word::{
    Parameter, ParameterExpr, ParameterTestType, ParameterTransformOp, SpecialParameter,
};

/// The parameter's name as error messages give it.
pub(super) fn name_of(parameter: &Parameter) -> String {
    match parameter {
        Parameter::Named(name) => name.clone(),
        Parameter::Positional(n) => n.to_string(),
        Parameter::NamedWithIndex { name, .. } | Parameter::NamedWithAllIndices { name, .. } => {
            name.clone()
        }
        Parameter::Special(special) => format!("{special}").trim_start_matches('$').to_string(),
    }
}

/// A parameter as bash names it in a message: an element or all of them with its
/// subscript (`a[1]`, `a[@]`).
pub(super) fn shown_name(parameter: &Parameter) -> String {
    match parameter {
        Parameter::NamedWithIndex { name, index } => format!("{name}[{index}]"),
        Parameter::NamedWithAllIndices { name, concatenate } => {
            format!("{name}[{}]", if *concatenate { '*' } else { '@' })
        }
        other => name_of(other),
    }
}

/// Whether `$@` or `$*`, which are never "unset".
pub(super) fn is_all_positional(parameter: &Parameter) -> bool {
    matches!(
        parameter,
        Parameter::Special(SpecialParameter::AllPositionalParameters { .. })
    )
}

/// What a parameter stands for before an operator applies: one value (None when unset),
/// or several (`$@`, `${a[@]}`), which `*` joins into one.
pub(super) enum Expansion {
    One(Option<String>),
    Many {
        items: Vec<String>,
        /// Each item's index, for slicing (`${a[@]:2}` starts at index 2, not position 2).
        indexes: Vec<i64>,
        joined: bool,
    },
}

impl Expansion {
    pub(super) fn many(items: Vec<String>, indexes: Vec<i64>, joined: bool) -> Expansion {
        Expansion::Many {
            items,
            indexes,
            joined,
        }
    }

    /// Each value changed by `change`.
    pub(super) fn map(self, mut change: impl FnMut(&str) -> String) -> Expansion {
        match self {
            Expansion::One(value) => Expansion::One(value.map(|v| change(&v))),
            Expansion::Many {
                items,
                indexes,
                joined,
            } => Expansion::many(items.iter().map(|v| change(v)).collect(), indexes, joined),
        }
    }
}

/// The first character of `$IFS` (a space when unset, nothing when empty): what `$*`
/// joins with.
pub(super) fn ifs_separator(shell: &Shell) -> String {
    shell
        .variable("IFS")
        .map_or_else(|| " ".into(), |ifs| ifs.chars().take(1).collect())
}

impl Shell {
    /// What a parameter stands for, following `${!VAR}` indirection.
    async fn expansion(
        &mut self,
        parameter: &Parameter,
        indirect: bool,
    ) -> Result<Expansion, ExpandError> {
        if indirect && let Parameter::Named(name) = parameter {
            // `${!ref}` of a nameref is the name it stands for, as in bash.
            if let Some(target) = self.nameref_target(name) {
                return Ok(Expansion::One(Some(target.to_string())));
            }
        }
        let expansion = self.direct_expansion(parameter).await?;
        if !indirect {
            return Ok(expansion);
        }
        // An array without element 0 names nothing; a variable that is not set is an
        // error (bash 5).
        // An unset positional parameter names nothing either.
        if matches!(expansion, Expansion::One(None))
            && (matches!(parameter, Parameter::Named(name) if self.variable_entry(name).is_some())
                || matches!(parameter, Parameter::Positional(_)))
        {
            return Ok(Expansion::One(None));
        }
        let target = self.indirect_target(parameter, expansion)?;
        self.direct_expansion(&target).await
    }

    /// The parameter `${!VAR}` names: the one `$VAR` holds (an unset VAR names none,
    /// an error in bash 5).
    fn indirect_target(
        &self,
        parameter: &Parameter,
        expansion: Expansion,
    ) -> Result<Parameter, ExpandError> {
        // As bash: the rest of the command line is not run, and `set -e` ends the shell.
        let failed = |message: String| ExpandError::aborting(message).exiting_under_errexit();
        let name = match expansion {
            Expansion::One(Some(name)) => name,
            Expansion::One(None) => {
                let name = shown_name(parameter);
                return Err(failed(format!("{name}: invalid indirect expansion")));
            }
            Expansion::Many { items, .. } => items.join(" "),
        };
        let options = brush_parser::ParserOptions::default();
        match brush_parser::word::parse_parameter(&name, &options) {
            Ok(target) if !name.is_empty() => Ok(target),
            _ => Err(failed(format!("{name}: invalid variable name"))),
        }
    }

    /// `$ref` where `declare -n ref='a[i + 1]'`: `${a[i + 1]}`, its subscript evaluated
    /// as it is read (`a[@]` and `a[*]` as `${a[@]}` and `${a[*]}`).
    fn nameref_to_element(&self, parameter: &Parameter) -> Option<Parameter> {
        let Parameter::Named(name) = parameter else {
            return None;
        };
        match self.nameref_end(name)? {
            NamerefEnd::Element(array, text) if text == "@" || text == "*" => {
                Some(Parameter::NamedWithAllIndices {
                    name: array,
                    concatenate: text == "*",
                })
            }
            NamerefEnd::Element(array, text) => Some(Parameter::NamedWithIndex {
                name: array,
                index: text,
            }),
            NamerefEnd::Circular => None,
        }
    }

    async fn direct_expansion(&mut self, parameter: &Parameter) -> Result<Expansion, ExpandError> {
        let element = self.nameref_to_element(parameter);
        let parameter = element.as_ref().unwrap_or(parameter);
        if let Parameter::Named(name)
        | Parameter::NamedWithIndex { name, .. }
        | Parameter::NamedWithAllIndices { name, .. } = parameter
        {
            self.note_read(name);
        }
        Ok(match parameter {
            Parameter::Special(SpecialParameter::AllPositionalParameters { concatenate }) => {
                let indexes = (1..=self.positional.len() as i64).collect();
                Expansion::many(self.positional.clone(), indexes, *concatenate)
            }
            Parameter::NamedWithIndex { name, index } => {
                let subscript = self.subscript(name, index).await?;
                if self.before_the_start(name, &subscript) {
                    self.report(&format!("{name}: bad array subscript"));
                    return Ok(Expansion::One(None));
                }
                Expansion::One(self.element(name, &subscript))
            }
            Parameter::NamedWithAllIndices { name, concatenate } => {
                let (items, indexes) = match self.variable_entry(name).map(|v| &v.value) {
                    Some(value) => {
                        let keys = value.keys();
                        let indexes = keys
                            .iter()
                            .enumerate()
                            .map(|(at, key)| key.parse().unwrap_or(at as i64))
                            .collect();
                        (value.values(), indexes)
                    }
                    None => (Vec::new(), Vec::new()),
                };
                Expansion::many(items, indexes, *concatenate)
            }
            other => Expansion::One(self.lookup(other)),
        })
    }

    /// The expansion, or the error `set -u` makes of an unset one.
    async fn required(
        &mut self,
        parameter: &Parameter,
        indirect: bool,
    ) -> Result<Expansion, ExpandError> {
        let expansion = self.expansion(parameter, indirect).await?;
        match expansion {
            Expansion::One(None) if self.options.nounset => Err(ExpandError::fatal(format!(
                "{}{}: unbound variable",
                if indirect { "!" } else { "" },
                shown_name(parameter)
            ))),
            other => Ok(other),
        }
    }

    /// Whether the parameter counts as missing for a `-`, `=`, `?` or `+` operator.
    async fn missing(
        &mut self,
        parameter: &Parameter,
        indirect: bool,
        test: &ParameterTestType,
        quoted: bool,
    ) -> Result<bool, ExpandError> {
        let null_counts = matches!(test, ParameterTestType::UnsetOrNull);
        Ok(match self.expansion(parameter, indirect).await? {
            Expansion::One(None) => true,
            Expansion::One(Some(value)) => null_counts && value.is_empty(),
            // As bash: two or more parameters are never null, but for a quoted `"$*"` or
            // `"${a[*]}"`, which is when they joined by IFS's first character are. Through
            // `${!ref}` in quotes an empty element is bash's quoted null, which is not.
            Expansion::Many { items, .. } if indirect && quoted => items.is_empty(),
            Expansion::Many { items, joined, .. } => {
                items.is_empty()
                    || (null_counts
                        && if joined && quoted {
                            items.join(&ifs_separator(self)).is_empty()
                        } else {
                            items.len() == 1 && items[0].is_empty()
                        })
            }
        })
    }

    /// Adds the expansion to the fields: several values stay several fields when quoted
    /// with `@`, as `"$@"` does.
    fn push_expansion_result(&self, expansion: Expansion, quoted: bool, fields: &mut Fields) {
        match expansion {
            Expansion::One(value) => fields.push_expansion(&value.unwrap_or_default(), quoted),
            Expansion::Many { items, joined, .. } => {
                if joined && (quoted || !fields.splits()) {
                    fields.push_expansion(&items.join(&ifs_separator(self)), quoted);
                } else if !fields.splits() {
                    fields.push_expansion(&items.join(" "), quoted);
                } else if !quoted && !ifs_separator(self).is_empty() {
                    // As bash: the values joined by IFS's first character, then split, so
                    // an empty value between two others is a field when that character
                    // is no blank (`IFS=x; set -- a '' b; echo $*` has three).
                    fields.push_expansion(&items.join(&ifs_separator(self)), false);
                } else {
                    fields.no_elements = quoted && items.is_empty();
                    for (index, item) in items.iter().enumerate() {
                        if index > 0 {
                            if quoted {
                                fields.current_exists = true;
                            }
                            fields.end_field();
                        }
                        fields.push_expansion(item, quoted);
                    }
                }
            }
        }
    }

    /// `${!prefix@}`, `${!a[@]}` and their `*` forms. Unquoted, with IFS empty, the `*`
    /// forms are one word, where `$*` would be a word each: bash runs the names together
    /// and sets the keys apart by a space.
    fn names_expansion(
        &self,
        names: Vec<String>,
        concatenate: bool,
        quoted: bool,
        separator: &str,
    ) -> Expansion {
        if concatenate && !quoted && ifs_separator(self).is_empty() {
            return Expansion::One(Some(names.join(separator)));
        }
        let indexes = (0..names.len() as i64).collect();
        Expansion::many(names, indexes, concatenate)
    }

    pub(super) async fn expand_parameter(
        &mut self,
        expression: &ParameterExpr,
        quoted: bool,
        fields: &mut Fields,
    ) -> Result<(), ExpandError> {
        let expansion = match expression {
            ParameterExpr::Parameter {
                parameter,
                indirect,
            } => self.required(parameter, *indirect).await?,
            ParameterExpr::UseDefaultValues {
                parameter,
                indirect,
                test_type,
                default_value,
            } => {
                if self
                    .missing(parameter, *indirect, test_type, quoted)
                    .await?
                {
                    let text = default_value.as_deref().unwrap_or_default();
                    return self.expand_operand_into(text, quoted, fields).await;
                }
                self.expansion(parameter, *indirect).await?
            }
            ParameterExpr::AssignDefaultValues {
                parameter,
                indirect,
                test_type,
                default_value,
            } => {
                if self
                    .missing(parameter, *indirect, test_type, quoted)
                    .await?
                {
                    let text = default_value.as_deref().unwrap_or_default();
                    let text = super::expand::value_operand(text, quoted, self.extquote_in(fields));
                    let value = self.expand_operand(&text, quoted, false).await?;
                    // `${!ref:=x}` assigns to the variable `$ref` names.
                    let named;
                    let parameter = if *indirect {
                        let expansion = self.direct_expansion(parameter).await?;
                        named = self.indirect_target(parameter, expansion)?;
                        &named
                    } else {
                        parameter
                    };
                    match parameter {
                        Parameter::Named(name) => self.assign_scalar(name, &value, false)?,
                        Parameter::NamedWithIndex { name, index } => {
                            let subscript = self.subscript(name, index).await?;
                            self.assign_element(name, subscript, &value, false)?
                        }
                        _ => {
                            // As bash: the rest of the command line is not run, and
                            // `set -e` ends the shell (in POSIX mode too).
                            let message = match parameter {
                                Parameter::NamedWithAllIndices { name, concatenate } => {
                                    let all = if *concatenate { '*' } else { '@' };
                                    format!("{name}[{all}]: bad array subscript")
                                }
                                _ => format!("${}: cannot assign in this way", name_of(parameter)),
                            };
                            return Err(ExpandError::aborting(message).exiting_under_errexit());
                        }
                    }
                    // The value as it was stored (`declare -i`, `-u` change it).
                    self.expansion(parameter, false).await?
                } else {
                    self.expansion(parameter, *indirect).await?
                }
            }
            ParameterExpr::IndicateErrorIfNullOrUnset {
                parameter,
                indirect,
                test_type,
                error_message,
            } => {
                if self
                    .missing(parameter, *indirect, test_type, quoted)
                    .await?
                {
                    let message = match error_message.as_deref().filter(|t| !t.is_empty()) {
                        Some(text) => {
                            let text = super::expand::value_operand(
                                text,
                                quoted,
                                self.extquote_in(fields),
                            );
                            self.expand_operand(&text, quoted, false).await?
                        }
                        None if matches!(test_type, ParameterTestType::Unset) => {
                            "parameter not set".into()
                        }
                        None => "parameter null or not set".into(),
                    };
                    return Err(ExpandError::fatal(format!(
                        "{}: {message}",
                        shown_name(parameter)
                    )));
                }
                self.expansion(parameter, *indirect).await?
            }
            ParameterExpr::UseAlternativeValue {
                parameter,
                indirect,
                test_type,
                alternative_value,
            } => {
                if !self
                    .missing(parameter, *indirect, test_type, quoted)
                    .await?
                {
                    let text = alternative_value.as_deref().unwrap_or_default();
                    return self.expand_operand_into(text, quoted, fields).await;
                }
                // Not taken, `"${@+x}"` and `"${a[@]:+x}"` are what `"$@"` and
                // `"${a[@]}"` are: no word at all when empty, as in bash.
                let all_elements = is_all_positional(parameter)
                    || matches!(parameter, Parameter::NamedWithAllIndices { .. });
                if all_elements && !*indirect {
                    self.expansion(parameter, false).await?
                } else {
                    Expansion::One(None)
                }
            }
            ParameterExpr::ParameterLength {
                parameter,
                indirect,
            } => {
                // `${#a[i]}` and `${#a[@]}` under `set -u`: bash asks only that the array
                // have an element, and names the array when it has none.
                let array = match parameter {
                    Parameter::NamedWithIndex { name, .. }
                    | Parameter::NamedWithAllIndices { name, .. }
                        if !*indirect && self.options.nounset =>
                    {
                        Some(name)
                    }
                    _ => None,
                };
                if let Some(name) = array
                    && !self.is_nonempty_array(name)
                {
                    return Err(ExpandError::fatal(format!("{name}: unbound variable")));
                }
                let expansion = match (parameter, array) {
                    // A negative subscript before the start ends the command line, bash
                    // naming the subscript's text and the bracket after it.
                    (Parameter::NamedWithIndex { name, index }, _) if !*indirect => {
                        let subscript = self.subscript(name, index).await?;
                        if self.before_the_start(name, &subscript) {
                            return Err(ExpandError::aborting(format!(
                                "{index}]: bad array subscript"
                            )));
                        }
                        match self.element(name, &subscript) {
                            None if array.is_none() && self.options.nounset => {
                                return Err(ExpandError::fatal(format!(
                                    "{}: unbound variable",
                                    shown_name(parameter)
                                )));
                            }
                            value => Expansion::One(value),
                        }
                    }
                    (_, Some(_)) => self.expansion(parameter, false).await?,
                    (_, None) => self.required(parameter, *indirect).await?,
                };
                let length = match expansion {
                    Expansion::Many { items, .. } => items.len(),
                    // Characters in a UTF-8 locale, bytes in the C locale, as bash counts.
                    Expansion::One(value) if self.utf8_locale() => {
                        value.unwrap_or_default().chars().count()
                    }
                    Expansion::One(value) => {
                        let value = value.unwrap_or_default();
                        wasmix_printf_format::rawbytes::encode(value.as_bytes()).len()
                    }
                };
                Expansion::One(Some(length.to_string()))
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
                let expansion = self.required(parameter, *indirect).await?;
                let text = pattern.as_deref().unwrap_or_default();
                let pattern = self.expand_operand(text, false, true).await?;
                let pattern = Pattern::new(&pattern, self.shell_options.extglob);
                expansion.map(|value| match expression {
                    ParameterExpr::RemoveSmallestSuffixPattern { .. } => {
                        remove_suffix(value, &pattern, false)
                    }
                    ParameterExpr::RemoveLargestSuffixPattern { .. } => {
                        remove_suffix(value, &pattern, true)
                    }
                    ParameterExpr::RemoveSmallestPrefixPattern { .. } => {
                        remove_prefix(value, &pattern, false)
                    }
                    _ => remove_prefix(value, &pattern, true),
                })
            }
            ParameterExpr::Substring {
                parameter,
                indirect,
                offset,
                length,
            } => {
                let expansion = self.required(parameter, *indirect).await?;
                // An error in the offset or length names the parameter, as bash's does.
                // ... and ends the command line, as bash's jump to its top level.
                let named = |mut e: ExpandError| {
                    if e.in_expression {
                        e.message = format!("{}: {}", shown_name(parameter), e.message);
                        e.aborts = !e.fatal;
                    }
                    e
                };
                let offset_value = self.evaluate_arithmetic_text(&offset.value).await?;
                let start = offset_value.value.map_err(named)?;
                let length = match length {
                    Some(length) => {
                        let evaluated = self.evaluate_arithmetic_text(&length.value).await?;
                        let value = evaluated.value.map_err(named)?;
                        Some((value, length.value.as_str()))
                    }
                    None => None,
                };
                self.substring(parameter, expansion, start, length)?
            }
            ParameterExpr::ReplaceSubstring {
                parameter,
                indirect,
                pattern,
                replacement,
                match_kind,
            } => {
                let expansion = self.required(parameter, *indirect).await?;
                let pattern = self.expand_operand(pattern, false, true).await?;
                // As the pattern, the replacement has its quotes removed even inside
                // double quotes (bash 5.2: `"${v/b/'q'}"` puts in `q`).
                let replacement = match replacement {
                    Some(text) => self.expand_operand(text, false, true).await?,
                    None => String::new(),
                };
                let replacement =
                    Replacement::parse(&replacement, self.shell_options.patsub_replacement);
                // `nocasematch` holds for pattern substitution, as in bash.
                let pattern = Pattern::new(&pattern, self.shell_options.extglob)
                    .ignoring_case(self.shell_options.nocasematch);
                expansion.map(|value| replace(value, &pattern, &replacement, match_kind))
            }
            ParameterExpr::UppercasePattern {
                parameter,
                indirect,
                pattern,
            }
            | ParameterExpr::LowercasePattern {
                parameter,
                indirect,
                pattern,
            }
            | ParameterExpr::UppercaseFirstChar {
                parameter,
                indirect,
                pattern,
            }
            | ParameterExpr::LowercaseFirstChar {
                parameter,
                indirect,
                pattern,
            } => {
                let expansion = self.required(parameter, *indirect).await?;
                // Only the characters the pattern matches change (all, when none given).
                let pattern = match pattern.as_deref().filter(|p| !p.is_empty()) {
                    Some(text) => Some(Pattern::new(
                        &self.expand_operand(text, false, true).await?,
                        true,
                    )),
                    None => None,
                };
                let upper = matches!(
                    expression,
                    ParameterExpr::UppercasePattern { .. }
                        | ParameterExpr::UppercaseFirstChar { .. }
                );
                let all = matches!(
                    expression,
                    ParameterExpr::UppercasePattern { .. } | ParameterExpr::LowercasePattern { .. }
                );
                expansion.map(|value| change_case(value, pattern.as_ref(), upper, all))
            }
            ParameterExpr::Transform {
                parameter,
                indirect,
                op,
            } => {
                // `${a@a}` of an array with elements but none at 0 is not unbound.
                let attributes = matches!(
                    op,
                    ParameterTransformOp::ToAttributeFlags
                        | ParameterTransformOp::ToAssignmentLogic
                );
                let has_elements = |shell: &Shell, name: &str| {
                    shell.variable_entry(name).is_some_and(|v| {
                        keys_and_values(&v.value).is_some_and(|pairs| !pairs.is_empty())
                    })
                };
                // An array without element 0 is set for these, also through `${!r@a}`.
                let exempt = attributes
                    && match parameter {
                        Parameter::Named(name) if !*indirect => has_elements(self, name),
                        Parameter::Named(name) => self
                            .variable(name)
                            .is_some_and(|target| has_elements(self, &target)),
                        _ => false,
                    };
                let expansion = match exempt {
                    true => self.expansion(parameter, *indirect).await?,
                    false => self.required(parameter, *indirect).await?,
                };
                match op {
                    ParameterTransformOp::PromptExpand => self.prompt_expand(expansion).await,
                    // `${!r@a}`: of the variable `$r` names (`a`, `a[0]`, `a3[@]`), and
                    // of none when it names none.
                    _ if *indirect => {
                        let named = self.direct_expansion(parameter).await?;
                        let target = self
                            .indirect_target(parameter, named)
                            .unwrap_or_else(|_| Parameter::Named(String::new()));
                        self.transform(&target, expansion, op)?
                    }
                    _ => self.transform(parameter, expansion, op)?,
                }
            }
            ParameterExpr::VariableNames {
                prefix,
                concatenate,
            } => {
                let names: Vec<String> = self
                    .sorted_variables()
                    .into_iter()
                    .map(|(name, _)| name)
                    .filter(|name| name.starts_with(prefix.as_str()))
                    .cloned()
                    .collect();
                self.names_expansion(names, *concatenate, quoted, "")
            }
            ParameterExpr::MemberKeys {
                variable_name,
                concatenate,
            } => {
                let keys = self
                    .variable_entry(variable_name)
                    .map(|v| v.value.keys())
                    .unwrap_or_default();
                self.names_expansion(keys, *concatenate, quoted, " ")
            }
        };
        self.push_expansion_result(expansion, quoted, fields);
        Ok(())
    }
}
