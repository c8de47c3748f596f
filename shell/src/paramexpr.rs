//! What is between `${` and `}` (and after a bare `$`): the parameter and what is done to
//! it, for the word parser (`word.rs`). The words inside (a default value, a pattern) stay
//! text, parsed when they are expanded.

use super::word::{Parser, is_name_char, is_name_start};
use brush_parser::ast::UnexpandedArithmeticExpr;
use brush_parser::word::{
    Parameter, ParameterExpr, ParameterTestType, ParameterTransformOp, SpecialParameter,
    SubstringMatchKind,
};

/// `$1`, `$@`, `$name` without braces: the parameter and how many bytes it took.
pub(super) fn unbraced_parameter(text: &str) -> Option<(Parameter, usize)> {
    let bytes = text.as_bytes();
    let first = *bytes.first()?;
    if (b'1'..=b'9').contains(&first) {
        return Some((Parameter::Positional(u32::from(first - b'0')), 1));
    }
    if let Some(special) = special_parameter(first) {
        return Some((Parameter::Special(special), 1));
    }
    let len = name_length(text);
    (len > 0).then(|| (Parameter::Named(text[..len].to_string()), len))
}

fn special_parameter(b: u8) -> Option<SpecialParameter> {
    Some(match b {
        b'@' => SpecialParameter::AllPositionalParameters { concatenate: false },
        b'*' => SpecialParameter::AllPositionalParameters { concatenate: true },
        b'#' => SpecialParameter::PositionalParameterCount,
        b'?' => SpecialParameter::LastExitStatus,
        b'-' => SpecialParameter::CurrentOptionFlags,
        b'$' => SpecialParameter::ProcessId,
        b'!' => SpecialParameter::LastBackgroundProcessId,
        b'0' => SpecialParameter::ShellName,
        _ => return None,
    })
}

/// The length of the variable name `text` starts with (0: none).
fn name_length(text: &str) -> usize {
    let bytes = text.as_bytes();
    if !bytes.first().is_some_and(|&b| is_name_start(b)) {
        return 0;
    }
    bytes
        .iter()
        .position(|&b| !is_name_char(b))
        .unwrap_or(bytes.len())
}

/// A parameter inside braces: `10`, `#`, `name`, `name[@]`, `name[index]`.
fn braced_parameter(text: &str) -> Option<(Parameter, usize)> {
    let bytes = text.as_bytes();
    let first = *bytes.first()?;
    if (b'1'..=b'9').contains(&first) {
        let len = bytes
            .iter()
            .position(|b| !b.is_ascii_digit())
            .unwrap_or(bytes.len());
        return Some((Parameter::Positional(text[..len].parse().ok()?), len));
    }
    if let Some(special) = special_parameter(first) {
        return Some((Parameter::Special(special), 1));
    }
    let len = name_length(text);
    if len == 0 {
        return None;
    }
    let name = text[..len].to_string();
    if bytes.get(len) != Some(&b'[') {
        return Some((Parameter::Named(name), len));
    }
    let rest = &text[len..];
    if let Some(all) = ["[@]", "[*]"].iter().position(|s| rest.starts_with(s)) {
        let concatenate = all == 1;
        return Some((
            Parameter::NamedWithAllIndices { name, concatenate },
            len + 3,
        ));
    }
    let inner = Parser::new(text);
    match inner.bracket_end(len + 1, text.len()) {
        Some(end) => {
            let index = text[len + 1..end].to_string();
            Some((Parameter::NamedWithIndex { name, index }, end + 1))
        }
        None => Some((Parameter::Named(name), len)),
    }
}

/// What is between `${` and `}`; None when it is nothing bash knows.
pub(super) fn parameter_expression(text: &str) -> Option<ParameterExpr> {
    // `${!name[@]}`, `${!prefix*}`: names, not values.
    if let Some(rest) = text.strip_prefix('!') {
        let len = name_length(rest);
        if len > 0 {
            let name = rest[..len].to_string();
            match &rest[len..] {
                "[@]" | "[*]" => {
                    return Some(ParameterExpr::MemberKeys {
                        variable_name: name,
                        concatenate: rest.ends_with("[*]"),
                    });
                }
                "@" | "*" => {
                    return Some(ParameterExpr::VariableNames {
                        prefix: name,
                        concatenate: rest.ends_with('*'),
                    });
                }
                _ => {}
            }
        }
    }
    if let Some(rest) = text.strip_prefix('#')
        && let Some((parameter, len)) = braced_parameter(rest)
        && len == rest.len()
    {
        return Some(ParameterExpr::ParameterLength {
            parameter,
            indirect: false,
        });
    }
    // `!` is indirection when what follows it parses; else (`${!}`) it is the parameter.
    if let Some(rest) = text.strip_prefix('!')
        && let Some(expr) = operation(rest, true)
    {
        return Some(expr);
    }
    // bash reads `${!#...}` as an indirection of `$#` or nothing (`${!#x}`: a bad
    // substitution), never as `$!` with a prefix removed.
    if text.starts_with("!#") {
        return None;
    }
    operation(text, false)
}

/// A parameter and what is done to it.
fn operation(text: &str, indirect: bool) -> Option<ParameterExpr> {
    let (parameter, len) = braced_parameter(text)?;
    let rest = &text[len..];
    if rest.is_empty() {
        return Some(ParameterExpr::Parameter {
            parameter,
            indirect,
        });
    }
    let (test_type, after_colon) = match rest.strip_prefix(':') {
        Some(after) => (ParameterTestType::UnsetOrNull, after),
        None => (ParameterTestType::Unset, rest),
    };
    if let Some(op) = after_colon.chars().next().filter(|c| "-=?+".contains(*c)) {
        let word = Some(after_colon[1..].to_string());
        return Some(match op {
            '-' => ParameterExpr::UseDefaultValues {
                parameter,
                indirect,
                test_type,
                default_value: word,
            },
            '=' => ParameterExpr::AssignDefaultValues {
                parameter,
                indirect,
                test_type,
                default_value: word,
            },
            '?' => ParameterExpr::IndicateErrorIfNullOrUnset {
                parameter,
                indirect,
                test_type,
                error_message: word,
            },
            _ => ParameterExpr::UseAlternativeValue {
                parameter,
                indirect,
                test_type,
                alternative_value: word,
            },
        });
    }
    let pattern = |skip: usize| Some(rest[skip..].to_string());
    let two = rest.get(..2).unwrap_or("");
    Some(match (two, rest.as_bytes()[0]) {
        ("%%", _) => ParameterExpr::RemoveLargestSuffixPattern {
            parameter,
            indirect,
            pattern: pattern(2),
        },
        (_, b'%') => ParameterExpr::RemoveSmallestSuffixPattern {
            parameter,
            indirect,
            pattern: pattern(1),
        },
        ("##", _) => ParameterExpr::RemoveLargestPrefixPattern {
            parameter,
            indirect,
            pattern: pattern(2),
        },
        (_, b'#') => ParameterExpr::RemoveSmallestPrefixPattern {
            parameter,
            indirect,
            pattern: pattern(1),
        },
        // `${s:}`, with no offset at all, is a bad substitution in bash.
        (_, b':') if rest.len() > 1 => {
            let (offset, length) = split_substring(&rest[1..]);
            ParameterExpr::Substring {
                parameter,
                indirect,
                offset: UnexpandedArithmeticExpr { value: offset },
                length: length.map(|value| UnexpandedArithmeticExpr { value }),
            }
        }
        (_, b'@') => {
            let op = match &rest[1..] {
                "U" => ParameterTransformOp::ToUpperCase,
                "u" => ParameterTransformOp::CapitalizeInitial,
                "L" => ParameterTransformOp::ToLowerCase,
                "Q" => ParameterTransformOp::Quoted,
                "E" => ParameterTransformOp::ExpandEscapeSequences,
                "P" => ParameterTransformOp::PromptExpand,
                "A" => ParameterTransformOp::ToAssignmentLogic,
                "K" => ParameterTransformOp::PossiblyQuoteWithArraysExpanded {
                    separate_words: false,
                },
                "a" => ParameterTransformOp::ToAttributeFlags,
                "k" => ParameterTransformOp::PossiblyQuoteWithArraysExpanded {
                    separate_words: true,
                },
                _ => return None,
            };
            ParameterExpr::Transform {
                parameter,
                indirect,
                op,
            }
        }
        (_, b'/') => {
            let (match_kind, skip) = match rest.as_bytes().get(1) {
                Some(b'#') => (SubstringMatchKind::Prefix, 2),
                Some(b'%') => (SubstringMatchKind::Suffix, 2),
                Some(b'/') => (SubstringMatchKind::Anywhere, 2),
                _ => (SubstringMatchKind::FirstOccurrence, 1),
            };
            // After `//`, a slash that begins the pattern belongs to it, as in bash:
            // `${x////c}` replaces each `/`, `${x///}` deletes them.
            let first = usize::from(
                matches!(match_kind, SubstringMatchKind::Anywhere) && rest[skip..].starts_with('/'),
            );
            let (pattern, replacement) = split_replacement(&rest[skip..], first);
            ParameterExpr::ReplaceSubstring {
                parameter,
                indirect,
                pattern,
                replacement,
                match_kind,
            }
        }
        ("^^", _) => ParameterExpr::UppercasePattern {
            parameter,
            indirect,
            pattern: pattern(2),
        },
        (_, b'^') => ParameterExpr::UppercaseFirstChar {
            parameter,
            indirect,
            pattern: pattern(1),
        },
        (",,", _) => ParameterExpr::LowercasePattern {
            parameter,
            indirect,
            pattern: pattern(2),
        },
        (_, b',') => ParameterExpr::LowercaseFirstChar {
            parameter,
            indirect,
            pattern: pattern(1),
        },
        _ => return None,
    })
}

/// `OFFSET[:LENGTH]` of `${x:OFFSET:LENGTH}`, split at the first `:` outside parentheses.
fn split_substring(text: &str) -> (String, Option<String>) {
    let parser = Parser::new(text);
    let mut depth = 0usize;
    // A `:` that closes a `?` of the offset's `a ? b : c` is the offset's, as in bash.
    let mut open_conditionals = 0usize;
    let mut at = 0;
    while at < text.len() {
        match parser.bytes[at] {
            b'(' => depth += 1,
            b')' => depth = depth.saturating_sub(1),
            b'?' if depth == 0 => open_conditionals += 1,
            b':' if depth == 0 && open_conditionals > 0 => open_conditionals -= 1,
            b':' if depth == 0 => {
                return (text[..at].to_string(), Some(text[at + 1..].to_string()));
            }
            _ => {
                at = parser.skip(at).unwrap_or(text.len());
                continue;
            }
        }
        at += 1;
    }
    (text.to_string(), None)
}

/// `PATTERN[/REPLACEMENT]`, split at the first `/` not quoted or nested.
fn split_replacement(text: &str, from: usize) -> (String, Option<String>) {
    let parser = Parser::new(text);
    let mut at = from;
    while at < text.len() {
        if parser.bytes[at] == b'/' {
            return (text[..at].to_string(), Some(text[at + 1..].to_string()));
        }
        at = parser.skip(at).unwrap_or(text.len());
    }
    (text.to_string(), None)
}
