//! `[[ ... ]]`: bash's conditional command. Its words are expanded without splitting or
//! globbing; `==` and `!=` match patterns, `=~` matches a regular expression (and fills
//! `BASH_REMATCH`), `-eq` and the other numeric tests evaluate arithmetic.

use super::expand::ExpandError;
use super::variables::Subscript;
use super::{Flow, Shell};
use brush_parser::ast::{BinaryPredicate, ExtendedTestExpr, UnaryPredicate};
use std::future::Future;
use std::pin::Pin;
use wasmix_kernel::file::Output;
use wasmix_posix_regex::{Flags, PosixRegex, Syntax};

type Boxed<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

impl Shell {
    /// Runs `[[ expression ]]`: 0 true, 1 false, 2 when it cannot be evaluated.
    /// `stderr` is where `set -x` shows each test as it is made.
    pub(super) async fn run_conditional(
        &mut self,
        expression: &ExtendedTestExpr,
        stderr: &Output,
    ) -> Result<u8, Flow> {
        Ok(match self.condition(expression, stderr).await {
            Ok(true) => 0,
            Ok(false) => 1,
            // An invalid regular expression is status 2 without a word, as in bash.
            Err(e) if e.message.is_empty() => 2,
            // A bad operand of `-eq` and the like is false, named as `[['s.
            Err(e) if !e.aborts && !e.fatal => {
                self.report(&format!("[[: {}", e.message));
                1
            }
            // A bad subscript's expression ends the command line.
            Err(e) if e.aborts => {
                self.report(&e.message);
                return Err(Flow::Abort(1));
            }
            Err(e) => {
                self.report(&e.message);
                2
            }
        })
    }

    fn condition<'a>(
        &'a mut self,
        expression: &'a ExtendedTestExpr,
        stderr: &'a Output,
    ) -> Boxed<'a, Result<bool, ExpandError>> {
        Box::pin(async move {
            Ok(match expression {
                ExtendedTestExpr::And(a, b) => {
                    self.condition(a, stderr).await? && self.condition(b, stderr).await?
                }
                ExtendedTestExpr::Or(a, b) => {
                    self.condition(a, stderr).await? || self.condition(b, stderr).await?
                }
                // bash's trace shows a `!` before a unary test only.
                ExtendedTestExpr::Not(inner) => match &**inner {
                    ExtendedTestExpr::UnaryTest(predicate, word) => {
                        !self.unary_test(predicate, word, "! ", stderr).await?
                    }
                    _ => !self.condition(inner, stderr).await?,
                },
                ExtendedTestExpr::Parenthesized(inner) => self.condition(inner, stderr).await?,
                ExtendedTestExpr::UnaryTest(predicate, word) => {
                    self.unary_test(predicate, word, "", stderr).await?
                }
                ExtendedTestExpr::BinaryTest(predicate, left, right) => {
                    let left_text = self.expand_value(left).await?;
                    self.binary_condition(predicate, &left_text, right, stderr)
                        .await?
                }
            })
        })
    }

    async fn unary_test(
        &mut self,
        predicate: &UnaryPredicate,
        word: &brush_parser::ast::Word,
        negation: &str,
        stderr: &Output,
    ) -> Result<bool, ExpandError> {
        let operand = self.expand_value(word).await?;
        self.trace_test(format!("{negation}{predicate} {}", shown(&operand)), stderr)
            .await;
        self.unary_condition(predicate, &operand).await
    }

    /// `set -x`'s line for one test: `[[ a == b ]]`, its operands expanded.
    async fn trace_test(&mut self, test: String, stderr: &Output) {
        if self.options.xtrace {
            self.trace(&[format!("[[ {test} ]]")], stderr, None).await;
        }
    }

    async fn unary_condition(
        &mut self,
        predicate: &UnaryPredicate,
        operand: &str,
    ) -> Result<bool, ExpandError> {
        if let UnaryPredicate::ShellVariableIsSetAndAssigned = predicate {
            return self.is_set(operand).await;
        }
        self.unary(predicate, operand).map_err(ExpandError::new)
    }

    /// `-v NAME` and `-v NAME[SUBSCRIPT]`.
    pub(super) async fn is_set(&mut self, operand: &str) -> Result<bool, ExpandError> {
        match super::assign::split_subscript(operand) {
            // To an associative array `@` and `*` are keys like any other (bash 5.2).
            Some((name, "@" | "*")) if !self.is_associative(name) => Ok(self
                .variable_entry(name)
                .is_some_and(|v| !v.value.values().is_empty())),
            Some((name, text)) => {
                let subscript = self.subscript(name, text).await?;
                Ok(self.element(name, &subscript).is_some())
            }
            None => Ok(match operand.parse::<usize>() {
                // A positional parameter: `[[ -v 1 ]]`.
                Ok(index) => index == 0 || index <= self.positional.len(),
                Err(_) => self.element(operand, &Subscript::Index(0)).is_some(),
            }),
        }
    }

    async fn binary_condition(
        &mut self,
        predicate: &BinaryPredicate,
        left: &str,
        right: &brush_parser::ast::Word,
        stderr: &Output,
    ) -> Result<bool, ExpandError> {
        use BinaryPredicate::*;
        let operator = binary_operator(predicate);
        let shown_left = shown(left);
        Ok(match predicate {
            StringExactlyMatchesPattern
            | StringDoesNotExactlyMatchPattern
            | StringExactlyMatchesString
            | StringDoesNotExactlyMatchString => {
                let pattern = self.expand_case_pattern(right).await?;
                self.trace_test(
                    format!("{shown_left} {operator} {}", shown(&pattern)),
                    stderr,
                )
                .await;
                let matched = super::pattern::Pattern::new(&pattern, true)
                    .ignoring_case(self.shell_options.nocasematch)
                    .matches(left);
                matched
                    == matches!(
                        predicate,
                        StringExactlyMatchesPattern | StringExactlyMatchesString
                    )
            }
            StringMatchesRegex | StringContainsSubstring => {
                let regex = self.expand_regex(right).await?;
                self.trace_test(format!("{shown_left} {operator} {}", shown(&regex)), stderr)
                    .await;
                self.regex_matches(left, &regex)?
            }
            ArithmeticEqualTo
            | ArithmeticNotEqualTo
            | ArithmeticLessThan
            | ArithmeticLessThanOrEqualTo
            | ArithmeticGreaterThan
            | ArithmeticGreaterThanOrEqualTo => {
                let right = self.expand_value(right).await?;
                self.trace_test(format!("{shown_left} {operator} {}", shown(&right)), stderr)
                    .await;
                let a = self.evaluate_arithmetic(left)?;
                let b = self.evaluate_arithmetic(&right)?;
                match predicate {
                    ArithmeticEqualTo => a == b,
                    ArithmeticNotEqualTo => a != b,
                    ArithmeticLessThan => a < b,
                    ArithmeticLessThanOrEqualTo => a <= b,
                    ArithmeticGreaterThan => a > b,
                    _ => a >= b,
                }
            }
            other => {
                let right = self.expand_value(right).await?;
                self.trace_test(format!("{shown_left} {operator} {}", shown(&right)), stderr)
                    .await;
                self.files_or_strings(other, left, &right)
                    .map_err(ExpandError::new)?
            }
        })
    }

    /// `=~`: an ERE as glibc reads it (bash's regcomp), its quoted parts literal. The
    /// match and its groups go to `BASH_REMATCH`.
    fn regex_matches(&mut self, text: &str, expression: &str) -> Result<bool, ExpandError> {
        let syntax = Syntax::GLIBC_EXTENDED;
        let flags = Flags {
            case_insensitive: self.shell_options.nocasematch,
            ..Flags::default()
        };
        let regex = match PosixRegex::new(expression, syntax, flags) {
            Ok(regex) => regex,
            Err(_) => return Err(ExpandError::new(String::new())),
        };
        // Matched as bytes, a byte outside valid UTF-8 being itself, as the pattern's are.
        let haystack = wasmix_printf_format::rawbytes::encode(text.as_bytes());
        let Some(spans) = regex.captures_at(&haystack, 0) else {
            let _ = self.assign_array("BASH_REMATCH", Vec::new(), false);
            return Ok(false);
        };
        let groups = spans
            .into_iter()
            .map(|span| {
                let part = span.map_or(&[][..], |span| &haystack[span]);
                (None, wasmix_printf_format::rawbytes::decode(part))
            })
            .collect();
        let _ = self.assign_array("BASH_REMATCH", groups, false);
        Ok(true)
    }
}

/// An operand as `set -x` shows it in `[[ ]]`: as it is, or `''` when empty.
fn shown(operand: &str) -> &str {
    if operand.is_empty() { "''" } else { operand }
}

/// The operator as written: `=` and `==` are one test, but each is shown as typed.
pub(super) fn binary_operator(predicate: &BinaryPredicate) -> String {
    match predicate {
        BinaryPredicate::StringExactlyMatchesString => "=".into(),
        other => other.to_string(),
    }
}
