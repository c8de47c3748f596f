//! Arithmetic: `$((...))`, `((...))` and `for ((...; ...; ...))`, evaluated over
//! brush-parser's expression tree with 64-bit wrapping integers, as bash does.

use super::Shell;
use super::expand::ExpandError;
use brush_parser::ast::{
    ArithmeticExpr as Expr, ArithmeticTarget, BinaryOperator as Binary,
    UnaryAssignmentOperator as Step, UnaryOperator as Unary,
};

/// How deep a variable may refer to an expression that refers to another.
const MAX_REFERENCE_DEPTH: usize = 64;

impl Shell {
    /// Evaluates arithmetic text whose parameters and substitutions are already expanded.
    pub(super) fn evaluate_arithmetic(&mut self, text: &str) -> Result<i64, ExpandError> {
        self.evaluate_text(text, 0)
    }

    fn evaluate_text(&mut self, text: &str, depth: usize) -> Result<i64, ExpandError> {
        if text.trim().is_empty() {
            return Ok(0);
        }
        let expression = super::syntax::parse_arithmetic(text).map_err(|_| {
            ExpandError::new(format!(
                "{}: arithmetic syntax error (error token is \"{}\")",
                text.trim(),
                text.trim()
            ))
        })?;
        self.arithmetic(&expression, text, depth)
    }

    /// A variable's value as a number: empty is 0, and text that is not a number is
    /// evaluated as an expression itself, as bash does.
    fn variable_number(&mut self, name: &str, depth: usize) -> Result<i64, ExpandError> {
        let value = match self.variable(name) {
            Some(value) => value,
            None if self.options.nounset => {
                return Err(ExpandError::fatal(format!("{name}: unbound variable")));
            }
            None => String::new(),
        };
        if let Ok(number) = value.trim().parse::<i64>() {
            return Ok(number);
        }
        if depth >= MAX_REFERENCE_DEPTH {
            return Err(ExpandError::new(format!(
                "{name}: expression recursion level exceeded"
            )));
        }
        self.evaluate_text(&value, depth + 1)
    }

    fn target_name(target: &ArithmeticTarget) -> Result<&str, ExpandError> {
        match target {
            ArithmeticTarget::Variable(name) => Ok(name),
            ArithmeticTarget::ArrayElement(name, _) => Err(ExpandError::new(format!(
                "{name}: arrays are not supported by this shell"
            ))),
        }
    }

    fn assign(&mut self, target: &ArithmeticTarget, value: i64) -> Result<i64, ExpandError> {
        let name = Self::target_name(target)?.to_string();
        self.set_variable(&name, &value.to_string(), false);
        Ok(value)
    }

    fn arithmetic(
        &mut self,
        expression: &Expr,
        text: &str,
        depth: usize,
    ) -> Result<i64, ExpandError> {
        Ok(match expression {
            Expr::Literal(n) => *n,
            Expr::Reference(target) => {
                let name = Self::target_name(target)?.to_string();
                self.variable_number(&name, depth)?
            }
            Expr::UnaryOp(op, operand) => {
                let value = self.arithmetic(operand, text, depth)?;
                match op {
                    Unary::UnaryPlus => value,
                    Unary::UnaryMinus => value.wrapping_neg(),
                    Unary::BitwiseNot => !value,
                    Unary::LogicalNot => i64::from(value == 0),
                }
            }
            Expr::BinaryOp(Binary::LogicalAnd, left, right) => i64::from(
                self.arithmetic(left, text, depth)? != 0
                    && self.arithmetic(right, text, depth)? != 0,
            ),
            Expr::BinaryOp(Binary::LogicalOr, left, right) => i64::from(
                self.arithmetic(left, text, depth)? != 0
                    || self.arithmetic(right, text, depth)? != 0,
            ),
            Expr::BinaryOp(op, left, right) => {
                let a = self.arithmetic(left, text, depth)?;
                let b = self.arithmetic(right, text, depth)?;
                binary(op, a, b, text)?
            }
            Expr::Conditional(condition, then, otherwise) => {
                if self.arithmetic(condition, text, depth)? != 0 {
                    self.arithmetic(then, text, depth)?
                } else {
                    self.arithmetic(otherwise, text, depth)?
                }
            }
            Expr::Assignment(target, value) => {
                let value = self.arithmetic(value, text, depth)?;
                self.assign(target, value)?
            }
            Expr::BinaryAssignment(op, target, value) => {
                let name = Self::target_name(target)?.to_string();
                let current = self.variable_number(&name, depth)?;
                let operand = self.arithmetic(value, text, depth)?;
                let result = binary(op, current, operand, text)?;
                self.assign(target, result)?
            }
            Expr::UnaryAssignment(step, target) => {
                let name = Self::target_name(target)?.to_string();
                let current = self.variable_number(&name, depth)?;
                match step {
                    Step::PrefixIncrement => self.assign(target, current.wrapping_add(1))?,
                    Step::PrefixDecrement => self.assign(target, current.wrapping_sub(1))?,
                    Step::PostfixIncrement => {
                        self.assign(target, current.wrapping_add(1))?;
                        current
                    }
                    Step::PostfixDecrement => {
                        self.assign(target, current.wrapping_sub(1))?;
                        current
                    }
                }
            }
        })
    }
}

fn binary(op: &Binary, a: i64, b: i64, text: &str) -> Result<i64, ExpandError> {
    let by_zero = || {
        ExpandError::new(format!(
            "{}: division by 0 (error token is \"{}\")",
            text.trim(),
            text.trim()
                .rsplit(['/', '%'])
                .next()
                .unwrap_or_default()
                .trim()
        ))
    };
    Ok(match op {
        Binary::Power => {
            if b < 0 {
                return Err(ExpandError::new(format!(
                    "{}: exponent less than 0",
                    text.trim()
                )));
            }
            a.wrapping_pow(b.min(u32::MAX as i64) as u32)
        }
        Binary::Multiply => a.wrapping_mul(b),
        Binary::Divide if b == 0 => return Err(by_zero()),
        Binary::Divide => a.wrapping_div(b),
        Binary::Modulo if b == 0 => return Err(by_zero()),
        Binary::Modulo => a.wrapping_rem(b),
        Binary::Comma => b,
        Binary::Add => a.wrapping_add(b),
        Binary::Subtract => a.wrapping_sub(b),
        Binary::ShiftLeft => a.wrapping_shl(b as u32),
        Binary::ShiftRight => a.wrapping_shr(b as u32),
        Binary::LessThan => i64::from(a < b),
        Binary::LessThanOrEqualTo => i64::from(a <= b),
        Binary::GreaterThan => i64::from(a > b),
        Binary::GreaterThanOrEqualTo => i64::from(a >= b),
        Binary::Equals => i64::from(a == b),
        Binary::NotEquals => i64::from(a != b),
        Binary::BitwiseAnd => a & b,
        Binary::BitwiseXor => a ^ b,
        Binary::BitwiseOr => a | b,
        Binary::LogicalAnd => i64::from(a != 0 && b != 0),
        Binary::LogicalOr => i64::from(a != 0 || b != 0),
    })
}
