//! Why an arithmetic expression does not parse, in bash's words (expr.c): the first fault
//! a left-to-right reading meets, and the text from the token where it was found
//! (`4 + : syntax error: operand expected (error token is "+ ")`).

const OPERATORS: [&str; 42] = [
    "<<=", ">>=", "**", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "++", "--", "+=", "-=",
    "*=", "/=", "%=", "&=", "^=", "|=", "+", "-", "*", "/", "%", "<", ">", "&", "^", "|", "!", "~",
    "=", "?", ":", ",", "(", ")", "[", "]", "$",
];

const ASSIGNMENTS: [&str; 11] = [
    "=", "+=", "-=", "*=", "/=", "%=", "<<=", ">>=", "&=", "^=", "|=",
];

/// Binary operators from the loosest binding to the tightest.
const LEVELS: [&[&str]; 10] = [
    &["||"],
    &["&&"],
    &["|"],
    &["^"],
    &["&"],
    &["==", "!="],
    &["<", ">", "<=", ">="],
    &["<<", ">>"],
    &["+", "-"],
    &["*", "/", "%"],
];

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Number,
    Name,
    Operator,
    /// A character that is no operator: bash's reader finds it where it expected an
    /// operand or an operator.
    Unknown,
}

struct Token {
    kind: Kind,
    start: usize,
    end: usize,
}

/// A fault: bash's words and where its error token starts (or the token itself, for a
/// bad number).
struct Fault {
    message: &'static str,
    at: usize,
    token_only: Option<usize>,
    /// A bad number: bash names the expression only up to its end.
    alone: bool,
}

type Checked<T> = Result<T, Fault>;

/// Whether `text` assigns to what is not a variable, where bash's precedence puts an
/// assignment (`0 && x=1` is `(0 && x) = 1`), though brush-parser reads it as valid.
pub(super) fn assigns_to_non_variable(text: &str) -> bool {
    let mut reader = Reader {
        text,
        tokens: tokens(text),
        at: 0,
    };
    reader
        .whole()
        .is_err_and(|fault| fault.message == NON_VARIABLE)
}

const NON_VARIABLE: &str = "attempted assignment to non-variable";

/// bash's complaint about `text`, or None when this reading finds nothing wrong.
pub(super) fn diagnose(text: &str) -> Option<String> {
    let mut reader = Reader {
        text,
        tokens: tokens(text),
        at: 0,
    };
    let fault = reader.whole().err()?;
    // A bad number is named alone, as bash names it.
    let token = match fault.token_only {
        Some(end) => &text[fault.at..end],
        None => &text[fault.at..],
    };
    let start = text.len() - text.trim_start().len();
    let expression = match fault.token_only {
        Some(end) if fault.alone => &text[start..end],
        _ => &text[start..],
    };
    Some(format!(
        "{expression}: {} (error token is \"{token}\")",
        fault.message
    ))
}

fn tokens(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let c = bytes[at];
        if c.is_ascii_whitespace() {
            at += 1;
            continue;
        }
        let start = at;
        let kind = if c.is_ascii_digit() {
            while at < bytes.len()
                && (bytes[at].is_ascii_alphanumeric() || b"#@_".contains(&bytes[at]))
            {
                at += 1;
            }
            Kind::Number
        } else if c.is_ascii_alphabetic() || c == b'_' {
            while at < bytes.len() && (bytes[at].is_ascii_alphanumeric() || bytes[at] == b'_') {
                at += 1;
            }
            Kind::Name
        } else {
            match OPERATORS.iter().find(|op| text[at..].starts_with(*op)) {
                Some(operator) => {
                    at += operator.len();
                    Kind::Operator
                }
                None => {
                    at += text[at..].chars().next().map_or(1, char::len_utf8);
                    Kind::Unknown
                }
            }
        };
        tokens.push(Token {
            kind,
            start,
            end: at,
        });
    }
    tokens
}

struct Reader<'a> {
    text: &'a str,
    tokens: Vec<Token>,
    at: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<&str> {
        self.tokens.get(self.at).map(|t| &self.text[t.start..t.end])
    }

    fn is(&self, operators: &[&str]) -> bool {
        self.tokens
            .get(self.at)
            .is_some_and(|t| t.kind == Kind::Operator)
            && self.peek().is_some_and(|p| operators.contains(&p))
    }

    /// Where the token being read starts; at the end, the last token's start.
    fn here(&self) -> usize {
        match self.tokens.get(self.at).or(self.tokens.last()) {
            Some(token) => token.start,
            None => self.text.len(),
        }
    }

    fn fault(&self, message: &'static str) -> Fault {
        Fault {
            message,
            at: self.here(),
            token_only: None,
            alone: false,
        }
    }

    fn whole(&mut self) -> Checked<()> {
        self.comma()?;
        if let Some(token) = self.tokens.get(self.at) {
            return Err(self.fault(match token.kind {
                Kind::Unknown => "syntax error: invalid arithmetic operator",
                _ => "syntax error in expression",
            }));
        }
        Ok(())
    }

    fn comma(&mut self) -> Checked<()> {
        self.assignment()?;
        while self.is(&[","]) {
            self.at += 1;
            self.assignment()?;
        }
        Ok(())
    }

    fn assignment(&mut self) -> Checked<()> {
        let first = self.at;
        self.conditional()?;
        if self.is(&ASSIGNMENTS) {
            if !self.is_variable(first) {
                return Err(self.fault(NON_VARIABLE));
            }
            self.at += 1;
            self.assignment()?;
        }
        Ok(())
    }

    /// Whether the tokens from `first` to the one being read are a variable or an
    /// element (`a[i+1]`): what an assignment may assign.
    fn is_variable(&self, first: usize) -> bool {
        if self.tokens[first].kind != Kind::Name {
            return false;
        }
        let subscripted = self.at > first + 2
            && &self.text[self.tokens[first + 1].start..self.tokens[first + 1].end] == "["
            && self.matching_bracket(first + 1) == Some(self.at - 1);
        self.at == first + 1 || subscripted
    }

    /// The token that closes the `[` at `open`.
    fn matching_bracket(&self, open: usize) -> Option<usize> {
        let mut depth = 0;
        for (at, token) in self.tokens.iter().enumerate().skip(open) {
            match &self.text[token.start..token.end] {
                "[" => depth += 1,
                "]" => depth -= 1,
                _ => {}
            }
            if depth == 0 {
                return Some(at);
            }
        }
        None
    }

    fn conditional(&mut self) -> Checked<()> {
        self.binary(0)?;
        if self.is(&["?"]) {
            self.at += 1;
            if self.is(&[":"]) || self.at == self.tokens.len() {
                return Err(self.fault("expression expected"));
            }
            let branch = self.here();
            self.comma()?;
            if !self.is(&[":"]) {
                return Err(Fault {
                    message: "`:' expected for conditional expression",
                    at: branch,
                    token_only: None,
                    alone: false,
                });
            }
            self.at += 1;
            if self.at == self.tokens.len() {
                self.at -= 1;
                return Err(self.fault("expression expected"));
            }
            self.conditional()?;
        }
        Ok(())
    }

    fn binary(&mut self, level: usize) -> Checked<()> {
        let Some(operators) = LEVELS.get(level) else {
            return self.power();
        };
        self.binary(level + 1)?;
        loop {
            if self.is(operators) {
                self.at += 1;
            } else if level == 8 && self.is(&["++", "--"]) {
                // Before a name it is an increment, which cannot follow an operand.
                if self
                    .tokens
                    .get(self.at + 1)
                    .is_some_and(|t| t.kind == Kind::Name)
                {
                    return Err(self.fault("syntax error in expression"));
                }
                // `7--` is 7 minus the negation of what follows, as bash reads it.
                self.tokens[self.at].start += 1;
            } else {
                return Ok(());
            }
            self.binary(level + 1)?;
        }
    }

    fn power(&mut self) -> Checked<()> {
        self.unary()?;
        if self.is(&["**"]) {
            self.at += 1;
            self.power()?;
        }
        Ok(())
    }

    fn unary(&mut self) -> Checked<()> {
        if self.is(&["!", "~", "-", "+"]) {
            self.at += 1;
            return self.unary();
        }
        if self.is(&["++", "--"]) {
            if self
                .tokens
                .get(self.at + 1)
                .is_some_and(|t| t.kind == Kind::Name)
            {
                self.at += 1;
                return self.primary();
            }
            // Not before a name: two signs, as bash reads them (`++7` is `+ +7`).
            self.tokens[self.at].start += 1;
            return self.unary();
        }
        self.primary()
    }

    fn primary(&mut self) -> Checked<()> {
        let Some(token) = self.tokens.get(self.at) else {
            return Err(self.fault("syntax error: operand expected"));
        };
        match token.kind {
            Kind::Number => {
                let (start, end) = (token.start, token.end);
                if let Some(message) = number_fault(&self.text[start..end]) {
                    return Err(Fault {
                        message,
                        at: start,
                        token_only: Some(end),
                        alone: true,
                    });
                }
                self.at += 1;
            }
            Kind::Name => {
                self.at += 1;
                if self.is(&["["]) {
                    let mut depth = 0;
                    while let Some(text) = self.peek() {
                        depth += i32::from(text == "[") - i32::from(text == "]");
                        self.at += 1;
                        if depth == 0 {
                            break;
                        }
                    }
                }
                if self.is(&["++", "--"]) {
                    self.at += 1;
                }
            }
            Kind::Operator if self.is(&["("]) => {
                self.at += 1;
                self.comma()?;
                if !self.is(&[")"]) {
                    self.at = self.at.saturating_sub(1);
                    let token = &self.tokens[self.at];
                    return Err(Fault {
                        message: "missing `)'",
                        at: token.start,
                        token_only: Some(token.end),
                        alone: false,
                    });
                }
                self.at += 1;
            }
            Kind::Operator | Kind::Unknown => {
                return Err(self.fault("syntax error: operand expected"));
            }
        }
        Ok(())
    }
}

/// What is wrong with a number as bash reads one (`BASE#DIGITS`, `0x..`, `0..`).
fn number_fault(number: &str) -> Option<&'static str> {
    let value = |c: char, base: u32| -> Option<u32> {
        match c {
            '0'..='9' => c.to_digit(10),
            'a'..='z' => Some(c as u32 - 'a' as u32 + 10),
            'A'..='Z' if base <= 36 => Some(c as u32 - 'A' as u32 + 10),
            'A'..='Z' => Some(c as u32 - 'A' as u32 + 36),
            '@' => Some(62),
            '_' => Some(63),
            _ => None,
        }
    };
    let check = |digits: &str, base: u32| {
        for c in digits.chars() {
            match value(c, base) {
                Some(v) if v < base => {}
                Some(_) => return Some("value too great for base"),
                None => return Some("invalid number"),
            }
        }
        None
    };
    if let Some((base, digits)) = number.split_once('#') {
        if base.starts_with('0') || digits.contains('#') {
            return Some("invalid number");
        }
        let base: u32 = base.parse().ok()?;
        if !(2..=64).contains(&base) {
            return Some("invalid arithmetic base");
        }
        if digits.is_empty() {
            return Some("invalid integer constant");
        }
        return check(digits, base);
    }
    if let Some(hex) = number
        .strip_prefix("0x")
        .or_else(|| number.strip_prefix("0X"))
    {
        return check(hex, 16);
    }
    if number.len() > 1 && number.starts_with('0') {
        return check(&number[1..], 8);
    }
    check(number, 10)
}
