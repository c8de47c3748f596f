//! Arithmetic: `$((...))`, `((...))` and `for ((...; ...; ...))`, evaluated over
//! brush-parser's expression tree with 64-bit wrapping integers, as bash does.

use super::expand::ExpandError;
use super::variables::Subscript;
use super::{Flow, Shell};
use brush_parser::ast::{
    ArithmeticExpr as Expr, ArithmeticTarget, BinaryOperator as Binary,
    UnaryAssignmentOperator as Step, UnaryOperator as Unary,
};
use std::borrow::Cow;

/// `++` and `--` as bash's expr.c reads them: after a name (or an element, `a[0]++`)
/// they increment it; before a name, blanks between allowed, they increment it first;
/// anywhere else they are two signs (`++7` is 7, `+++x` is `+ ++x`). brush-parser reads
/// every `++` as an increment, and reads two signs where a blank parts them. None when
/// an increment follows another operand (`5--x`), which bash refuses.
pub(super) fn split_signs(text: &str) -> Option<std::borrow::Cow<'_, str>> {
    if !text.contains("++") && !text.contains("--") {
        return Some(std::borrow::Cow::Borrowed(text));
    }
    let mut split = String::with_capacity(text.len() + 4);
    // What the last token was: a name (or element), or any operand.
    let (mut after_name, mut after_operand) = (false, false);
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        split.push(c);
        if c.is_ascii_alphanumeric() || c == '_' {
            // A name, or a number (`0x1f`, `2#101`).
            while let Some(&(_, next)) = chars.peek() {
                if !(next.is_ascii_alphanumeric() || matches!(next, '_' | '#' | '@')) {
                    break;
                }
                split.push(next);
                chars.next();
            }
            (after_name, after_operand) = (!c.is_ascii_digit(), true);
        } else if (c == '+' || c == '-') && chars.peek().is_some_and(|&(_, next)| next == c) {
            let before_name = text[at + 2..]
                .trim_start()
                .starts_with(|n: char| n.is_ascii_alphabetic() || n == '_');
            if after_name || before_name {
                if before_name && after_operand && !after_name {
                    return None;
                }
                split.push(c);
                chars.next();
            } else {
                split.push(' ');
            }
            (after_name, after_operand) = (false, after_name);
        } else if !c.is_whitespace() {
            after_name = c == ']';
            after_operand = matches!(c, ']' | ')');
        }
    }
    Some(std::borrow::Cow::Owned(split))
}

/// An arithmetic target once its subscript is evaluated.
enum Place<'t> {
    Variable(&'t str),
    Element(&'t str, Subscript),
}

/// How deep a variable may refer to an expression that refers to another.
const MAX_REFERENCE_DEPTH: usize = 1024;

impl Shell {
    /// Evaluates arithmetic text whose parameters and substitutions are already expanded.
    pub(super) fn evaluate_arithmetic(&mut self, text: &str) -> Result<i64, ExpandError> {
        self.evaluate_text(text, 0)
    }

    /// `let EXPRESSION...`: each evaluated; status 0 if the last is not 0.
    pub(super) async fn let_builtin(&mut self, expressions: &[String]) -> Result<u8, Flow> {
        if expressions.is_empty() {
            self.report("let: expression expected");
            return Ok(1);
        }
        let mut last = 0;
        for expression in expressions {
            match self.evaluate_expanded_arithmetic(expression).await {
                Ok(value) => last = value,
                Err(e) if e.aborts => {
                    self.report(&e.message);
                    return Err(Flow::Abort(1));
                }
                Err(e) => {
                    self.report(&format!("let: {}", e.message));
                    return Ok(1);
                }
            }
        }
        Ok(u8::from(last == 0))
    }

    fn evaluate_text(&mut self, text: &str, depth: usize) -> Result<i64, ExpandError> {
        if text.trim().is_empty() {
            return Ok(0);
        }
        let expression =
            super::syntax::parse_arithmetic(text).map_err(|_| self.syntax_error(text))?;
        self.arithmetic(&expression, text, depth)
    }

    /// Where a target is: an element's subscript evaluated once, as bash evaluates it
    /// once for `a[i]++` and `a[i] += n`.
    fn place<'t>(
        &mut self,
        target: &'t ArithmeticTarget,
        text: &str,
        depth: usize,
    ) -> Result<Place<'t>, ExpandError> {
        Ok(match target {
            ArithmeticTarget::Variable(name) => Place::Variable(name),
            ArithmeticTarget::ArrayElement(name, index) => {
                Place::Element(name, self.arithmetic_subscript(name, index, text, depth)?)
            }
        })
    }

    /// A variable's (or element's) value as a number: empty is 0, and text that is not a
    /// number is evaluated as an expression itself, as bash does.
    fn place_number(&mut self, place: &Place, depth: usize) -> Result<i64, ExpandError> {
        let (name, value) = match place {
            Place::Variable(name) => (*name, self.variable(name)),
            Place::Element(name, subscript) if self.before_the_start(name, subscript) => {
                self.report(&format!("{name}: bad array subscript"));
                (*name, None)
            }
            Place::Element(name, subscript) => (*name, self.element(name, subscript)),
        };
        let value = match value {
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
            return Err(ExpandError::in_expression(format!(
                "{name}: expression recursion level exceeded (error token is \"{name}\")"
            )));
        }
        let value = self.subscript_parameters_expanded(&value);
        self.evaluate_text(&value, depth + 1)
    }

    /// A variable's value about to be evaluated as an expression, its array subscripts'
    /// parameters (`$d`, `${d}`, `$1`) expanded: bash expands the subscripts of such a
    /// value, which no expansion has touched (`x='b[$d]'; echo $((x))`).
    fn subscript_parameters_expanded<'v>(&self, value: &'v str) -> Cow<'v, str> {
        if !value.contains('$') {
            return Cow::Borrowed(value);
        }
        let mut text = String::with_capacity(value.len());
        let mut depth = 0usize;
        let mut rest = value;
        while let Some(c) = rest.chars().next() {
            rest = &rest[c.len_utf8()..];
            match c {
                '[' => depth += 1,
                ']' => depth = depth.saturating_sub(1),
                '$' if depth > 0 => {
                    let (name, after) = match rest.strip_prefix('{') {
                        Some(braced) => match braced.split_once('}') {
                            Some((name, after)) => (name, after),
                            None => ("", rest),
                        },
                        None => {
                            let end = match rest.chars().next() {
                                Some(d) if d.is_ascii_digit() => 1,
                                _ => rest
                                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                                    .unwrap_or(rest.len()),
                            };
                            (&rest[..end], &rest[end..])
                        }
                    };
                    let value = match name.parse::<usize>() {
                        Ok(0) => Some(self.script_name.clone()),
                        Ok(n) => self.positional.get(n - 1).cloned(),
                        Err(_) if super::assign::is_name(name) => self.variable(name),
                        Err(_) => {
                            text.push('$');
                            continue;
                        }
                    };
                    text.push_str(&value.unwrap_or_default());
                    rest = after;
                    continue;
                }
                _ => {}
            }
            text.push(c);
        }
        Cow::Owned(text)
    }

    /// An element's subscript inside arithmetic: a number, or for an associative array
    /// the key as written.
    fn arithmetic_subscript(
        &mut self,
        name: &str,
        index: &Expr,
        text: &str,
        depth: usize,
    ) -> Result<Subscript, ExpandError> {
        if self.is_associative(name) {
            let key = match index {
                Expr::Reference(ArithmeticTarget::Variable(key)) => {
                    self.arithmetic_key(key).unwrap_or_else(|| key.clone())
                }
                other => self.arithmetic(other, text, depth)?.to_string(),
            };
            if key.is_empty() {
                return Err(ExpandError::new(format!("{name}[]: bad array subscript")));
            }
            return Ok(Subscript::Key(key));
        }
        let index = self.arithmetic(index, text, depth);
        Ok(Subscript::Index(
            index.map_err(ExpandError::ending_the_line)?,
        ))
    }

    fn assign(&mut self, place: Place, value: i64) -> Result<i64, ExpandError> {
        match place {
            // A nameref to nothing cannot take a number for a name: bash says so and
            // goes on, the value still the expression's.
            Place::Variable(name) if self.names_nothing(name) => {
                self.report(&format!("`{value}': not a valid identifier"));
            }
            Place::Variable(name) => self.assign_scalar(name, &value.to_string(), false)?,
            Place::Element(name, subscript) => {
                self.assign_element(name, subscript, &value.to_string(), false)?
            }
        }
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
                let place = self.place(target, text, depth)?;
                self.place_number(&place, depth)?
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
            // `a[i] = n` evaluates the value before the subscript, as bash does.
            Expr::Assignment(target, value) => {
                let value = self.arithmetic(value, text, depth)?;
                let place = self.place(target, text, depth)?;
                self.assign(place, value)?
            }
            Expr::BinaryAssignment(op, target, value) => {
                let place = self.place(target, text, depth)?;
                let current = self.place_number(&place, depth)?;
                let operand = self.arithmetic(value, text, depth)?;
                let result = binary(op, current, operand, text)?;
                self.assign(place, result)?
            }
            Expr::UnaryAssignment(step, target) => {
                let place = self.place(target, text, depth)?;
                let current = self.place_number(&place, depth)?;
                let (next, result) = match step {
                    Step::PrefixIncrement => (current.wrapping_add(1), current.wrapping_add(1)),
                    Step::PrefixDecrement => (current.wrapping_sub(1), current.wrapping_sub(1)),
                    Step::PostfixIncrement => (current.wrapping_add(1), current),
                    Step::PostfixDecrement => (current.wrapping_sub(1), current),
                };
                self.assign(place, next)?;
                result
            }
        })
    }
}

fn binary(op: &Binary, a: i64, b: i64, text: &str) -> Result<i64, ExpandError> {
    let by_zero = || {
        ExpandError::in_expression(format!(
            "{}: division by 0 (error token is \"{}\")",
            text.trim_start(),
            text.rsplit(['/', '%'])
                .next()
                .unwrap_or_default()
                .trim_start_matches('=')
                .trim_start()
        ))
    };
    Ok(match op {
        Binary::Power => {
            if b < 0 {
                // bash's error token is what follows the last operator character.
                let token = text
                    .rsplit(|c: char| "*-+".contains(c))
                    .next()
                    .unwrap_or_default();
                return Err(ExpandError::in_expression(format!(
                    "{}: exponent less than 0 (error token is \"{}\")",
                    text.trim_start(),
                    token.trim_start()
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

impl Shell {
    /// Why `text` does not parse, as bash says it. bash evaluates an indexed array's
    /// subscript on its own, so a subscript that does not parse is the fault named
    /// (without the `((` before it), innermost first; an associative array's is a key.
    fn syntax_error(&self, text: &str) -> ExpandError {
        for (name, subscript) in subscripts(text) {
            if !subscript.trim().is_empty()
                && !self.is_associative(name)
                && super::syntax::parse_arithmetic(subscript).is_err()
            {
                return self.syntax_error(subscript).ending_the_line();
            }
        }
        ExpandError::in_expression(super::arith_errors::diagnose(text).unwrap_or_else(|| {
            format!(
                "{}: arithmetic syntax error (error token is \"{}\")",
                text.trim(),
                text.trim()
            )
        }))
    }
}

/// Each `NAME[...]` of an expression, outermost first: the name and the text inside.
fn subscripts(text: &str) -> Vec<(&str, &str)> {
    let bytes = text.as_bytes();
    let is_name_byte = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut found = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] != b'[' || at == 0 || !is_name_byte(bytes[at - 1]) {
            at += 1;
            continue;
        }
        let start = (0..at)
            .rev()
            .find(|&i| !is_name_byte(bytes[i]))
            .map_or(0, |i| i + 1);
        let mut depth = 0;
        let close = (at..bytes.len()).find(|&i| {
            match bytes[i] {
                b'[' => depth += 1,
                b']' => depth -= 1,
                _ => {}
            }
            depth == 0
        });
        let Some(close) = close else { break };
        found.push((&text[start..at], &text[at + 1..close]));
        at = close + 1;
    }
    found
}
