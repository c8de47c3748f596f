//! expr: evaluate an expression given as arguments, and print its value.
//!
//! Exit status: 0 if the value is neither null nor 0, 1 if it is, 2 for a bad expression.

use std::io::Write;
use wasmix_common::posix_regex::{Dialect, Flags, PosixRegex, Syntax, translate};
use wasmix_common::{Failure, Program};

static PROGRAM: Program = Program {
    usage_status: 2,
    failure_status: 2,
    ..Program::new(
        "expr",
        "Usage: expr EXPRESSION\n\
         Print the value of EXPRESSION to standard output.\n\n  \
         ARG1 | ARG2       ARG1 if it is neither null nor 0, otherwise ARG2\n  \
         ARG1 & ARG2       ARG1 if neither argument is null or 0, otherwise 0\n  \
         ARG1 < ARG2       ARG1 is less than ARG2 (also <=, =, !=, >=, >)\n  \
         ARG1 + ARG2       arithmetic sum of ARG1 and ARG2 (also -, *, /, %)\n  \
         STRING : REGEXP   anchored pattern match of REGEXP in STRING\n  \
         match STRING REGEXP        same as STRING : REGEXP\n  \
         substr STRING POS LENGTH   substring of STRING, POS counted from 1\n  \
         index STRING CHARS         index in STRING where any CHARS is found, or 0\n  \
         length STRING              length of STRING\n  \
         + TOKEN                    interpret TOKEN as a string\n  \
         ( EXPRESSION )             value of EXPRESSION\n      \
         --help        display this help and exit\n      \
         --version     output version information and exit\n",
    )
};

#[derive(Clone, Debug)]
enum Value {
    Number(i128),
    Text(String),
}

impl Value {
    fn text(&self) -> String {
        match self {
            Value::Number(n) => n.to_string(),
            Value::Text(t) => t.clone(),
        }
    }

    /// A number, if the value is (or reads as) an integer.
    fn number(&self) -> Option<i128> {
        match self {
            Value::Number(n) => Some(*n),
            Value::Text(t) => parse_integer(t),
        }
    }

    fn is_null(&self) -> bool {
        match self {
            Value::Number(n) => *n == 0,
            Value::Text(t) => t.is_empty() || parse_integer(t) == Some(0),
        }
    }
}

fn parse_integer(text: &str) -> Option<i128> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

struct Parser {
    tokens: Vec<String>,
    at: usize,
}

fn syntax(message: String) -> Failure {
    Failure::Fatal(format!("syntax error: {message}"))
}

impl Parser {
    fn peek(&self) -> Option<&str> {
        self.tokens.get(self.at).map(String::as_str)
    }

    fn take_operand(&mut self, after: Option<&str>) -> Result<String, Failure> {
        let token = self
            .tokens
            .get(self.at)
            .cloned()
            .ok_or_else(|| match after {
                Some(op) => syntax(format!("missing argument after '{op}'")),
                None => syntax("missing argument".into()),
            })?;
        self.at += 1;
        Ok(token)
    }

    /// One level of left-associative binary operators.
    fn binary(
        &mut self,
        operators: &[&str],
        next: fn(&mut Parser) -> Result<Value, Failure>,
        apply: fn(&str, Value, Value) -> Result<Value, Failure>,
    ) -> Result<Value, Failure> {
        let mut left = next(self)?;
        while let Some(op) = self
            .peek()
            .filter(|t| operators.contains(t))
            .map(str::to_string)
        {
            self.at += 1;
            if self.peek().is_none() {
                return Err(syntax(format!("missing argument after '{op}'")));
            }
            let right = next(self)?;
            left = apply(&op, left, right)?;
        }
        Ok(left)
    }

    fn or(&mut self) -> Result<Value, Failure> {
        self.binary(&["|"], Parser::and, |_, l, r| {
            Ok(if l.is_null() {
                if r.is_null() { Value::Number(0) } else { r }
            } else {
                l
            })
        })
    }

    fn and(&mut self) -> Result<Value, Failure> {
        self.binary(&["&"], Parser::compare, |_, l, r| {
            Ok(if l.is_null() || r.is_null() {
                Value::Number(0)
            } else {
                l
            })
        })
    }

    fn compare(&mut self) -> Result<Value, Failure> {
        self.binary(
            &["<", "<=", "=", "==", "!=", ">=", ">"],
            Parser::sum,
            |op, l, r| {
                let order = match (l.number(), r.number()) {
                    (Some(a), Some(b)) => a.cmp(&b),
                    _ => l.text().cmp(&r.text()),
                };
                let holds = match op {
                    "<" => order.is_lt(),
                    "<=" => order.is_le(),
                    "=" | "==" => order.is_eq(),
                    "!=" => order.is_ne(),
                    ">=" => order.is_ge(),
                    _ => order.is_gt(),
                };
                Ok(Value::Number(i128::from(holds)))
            },
        )
    }

    fn sum(&mut self) -> Result<Value, Failure> {
        self.binary(&["+", "-"], Parser::product, arithmetic)
    }

    fn product(&mut self) -> Result<Value, Failure> {
        self.binary(&["*", "/", "%"], Parser::matching, arithmetic)
    }

    fn matching(&mut self) -> Result<Value, Failure> {
        self.binary(&[":"], Parser::primary, |_, l, r| {
            pattern_match(&l.text(), &r.text())
        })
    }

    fn primary(&mut self) -> Result<Value, Failure> {
        let token = self.take_operand(None)?;
        match token.as_str() {
            "(" => {
                let value = self.or()?;
                match self.peek() {
                    Some(")") => {
                        self.at += 1;
                        Ok(value)
                    }
                    Some(other) => Err(syntax(format!("expecting ')' instead of '{other}'"))),
                    None => Err(syntax("expecting ')' after '('".into())),
                }
            }
            "+" => Ok(Value::Text(self.take_operand(Some("+"))?)),
            "length" => {
                let text = self.take_operand(Some("length"))?;
                Ok(Value::Number(text.chars().count() as i128))
            }
            "match" => {
                let text = self.take_operand(Some("match"))?;
                let pattern = self.take_operand(Some("match"))?;
                pattern_match(&text, &pattern)
            }
            "index" => {
                let text = self.take_operand(Some("index"))?;
                let chars = self.take_operand(Some("index"))?;
                let at = text
                    .chars()
                    .position(|c| chars.contains(c))
                    .map_or(0, |i| i + 1);
                Ok(Value::Number(at as i128))
            }
            "substr" => {
                let text = self.take_operand(Some("substr"))?;
                let position = parse_integer(&self.take_operand(Some("substr"))?);
                let length = parse_integer(&self.take_operand(Some("substr"))?);
                Ok(Value::Text(match (position, length) {
                    (Some(p), Some(l)) if p > 0 && l > 0 => {
                        text.chars().skip(p as usize - 1).take(l as usize).collect()
                    }
                    _ => String::new(),
                }))
            }
            _ => Ok(Value::Text(token)),
        }
    }
}

fn arithmetic(op: &str, left: Value, right: Value) -> Result<Value, Failure> {
    let (Some(a), Some(b)) = (left.number(), right.number()) else {
        return Err(Failure::Fatal("non-integer argument".into()));
    };
    let result = match op {
        "+" => a.checked_add(b),
        "-" => a.checked_sub(b),
        "*" => a.checked_mul(b),
        _ if b == 0 => return Err(Failure::Fatal("division by zero".into())),
        "/" => a.checked_div(b),
        _ => a.checked_rem(b),
    };
    result
        .map(Value::Number)
        .ok_or_else(|| Failure::Fatal("result out of range".into()))
}

/// `STRING : REGEXP`: the text of the first group, or the length of the match.
fn pattern_match(text: &str, pattern: &str) -> Result<Value, Failure> {
    let syntax = Syntax {
        extended: false,
        dialect: Dialect::Glibc,
        control_escapes: false,
        bracket_escapes: false,
    };
    let mut translation = translate(pattern, syntax).map_err(Failure::Fatal)?;
    translation.pattern = format!("^(?:{})", translation.pattern);
    let regex =
        PosixRegex::from_translation(translation, Flags::default()).map_err(Failure::Fatal)?;
    let groups = regex.captures_at(text.as_bytes(), 0);
    let part = |span: &Option<std::ops::Range<usize>>| span.clone().map_or("", |s| &text[s]);
    Ok(match groups {
        Some(groups) if regex.groups() > 0 => Value::Text(part(&groups[1]).to_string()),
        Some(groups) => Value::Number(part(&groups[0]).chars().count() as i128),
        None if regex.groups() > 0 => Value::Text(String::new()),
        None => Value::Number(0),
    })
}

fn main() {
    PROGRAM.run(|_, out| {
        let mut tokens: Vec<String> = std::env::args().skip(1).collect();
        match tokens.first().map(String::as_str) {
            Some("--help" | "--version") if tokens.len() == 1 => {
                // Only a lone --help or --version is an option; anything else is an operand.
                let mut args = wasmix_common::Args::from_vec(&PROGRAM, tokens.clone());
                args.next()?;
            }
            Some("--") => {
                tokens.remove(0);
            }
            _ => {}
        }
        if tokens.is_empty() {
            return Err(Failure::Usage("missing operand".into()));
        }
        let mut parser = Parser { tokens, at: 0 };
        let value = parser.or()?;
        if let Some(extra) = parser.peek() {
            return Err(syntax(format!("unexpected argument '{extra}'")));
        }
        writeln!(out, "{}", value.text())?;
        Ok(u8::from(value.is_null()))
    })
}
