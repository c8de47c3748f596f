//! awk's tokens. Two things make awk's lexing depend on what came before: a `/` starts a
//! regular expression only where an operand may begin, and a newline ends a statement
//! except after tokens that cannot end one (`,`, `{`, `&&`, `||`, `do`, `else`, ...).

#[derive(Clone, Debug, PartialEq)]
pub enum Token {
    Number(f64),
    Str(String),
    Regex(String),
    Name(String),
    /// A user function's name directly followed by `(`: `f(x)` calls, `f (x)` concatenates.
    FuncName(String),
    Builtin(&'static str),
    Keyword(&'static str),
    Punct(&'static str),
    Newline,
    End,
}

const KEYWORDS: [&str; 20] = [
    "BEGIN", "END", "function", "func", "if", "else", "while", "for", "do", "break", "continue",
    "next", "nextfile", "exit", "return", "delete", "in", "getline", "print", "printf",
];

const BUILTINS: [&str; 22] = [
    "length", "substr", "index", "split", "sub", "gsub", "match", "sprintf", "sin", "cos", "atan2",
    "exp", "log", "sqrt", "int", "rand", "srand", "tolower", "toupper", "system", "close",
    "fflush",
];

/// Longest first, so that `**=` is not read as `**` and `=`.
const PUNCTS: [&str; 40] = [
    "**=", "&&", "||", "==", "!=", "<=", ">=", "!~", "++", "--", "+=", "-=", "*=", "/=", "%=",
    "^=", ">>", "**", "{", "}", "(", ")", "[", "]", ";", ",", "+", "-", "*", "/", "%", "^", "!",
    ">", "<", "|", "?", ":", "=", "~",
];

pub struct Lexer<'a> {
    text: &'a [u8],
    pos: usize,
    pub line: usize,
    previous: Token,
}

impl<'a> Lexer<'a> {
    pub fn new(text: &'a str) -> Lexer<'a> {
        Lexer {
            text: text.as_bytes(),
            pos: 0,
            line: 1,
            previous: Token::Newline,
        }
    }

    /// Whether a `/` here begins a regular expression rather than dividing.
    fn regex_allowed(&self) -> bool {
        !matches!(
            &self.previous,
            Token::Number(_) | Token::Str(_) | Token::Name(_) | Token::Builtin(_) | Token::Regex(_)
        ) && !matches!(&self.previous, Token::Punct(p) if [")", "]", "$", "++", "--"].contains(p))
    }

    pub fn next_token(&mut self) -> Result<Token, String> {
        let token = self.scan()?;
        self.previous = token.clone();
        Ok(token)
    }

    fn peek_byte(&self, ahead: usize) -> u8 {
        self.text.get(self.pos + ahead).copied().unwrap_or(0)
    }

    fn scan(&mut self) -> Result<Token, String> {
        loop {
            match self.peek_byte(0) {
                b' ' | b'\t' | b'\r' => self.pos += 1,
                b'\\' if self.peek_byte(1) == b'\n' => {
                    self.pos += 2;
                    self.line += 1;
                }
                b'\\' if self.peek_byte(1) == b'\r' && self.peek_byte(2) == b'\n' => {
                    self.pos += 3;
                    self.line += 1;
                }
                b'#' => {
                    while self.pos < self.text.len() && self.text[self.pos] != b'\n' {
                        self.pos += 1;
                    }
                }
                _ => break,
            }
        }
        let Some(&c) = self.text.get(self.pos) else {
            return Ok(Token::End);
        };
        match c {
            b'\n' => {
                self.pos += 1;
                self.line += 1;
                Ok(Token::Newline)
            }
            b'"' => self.string(),
            b'/' if self.regex_allowed() => self.regex(),
            b'0'..=b'9' | b'.' if c != b'.' || self.peek_byte(1).is_ascii_digit() => {
                Ok(self.number())
            }
            b'$' => {
                self.pos += 1;
                Ok(Token::Punct("$"))
            }
            c if c == b'_' || c.is_ascii_alphabetic() => Ok(self.word()),
            _ => {
                let rest = &self.text[self.pos..];
                for p in PUNCTS {
                    if rest.starts_with(p.as_bytes()) {
                        self.pos += p.len();
                        return Ok(Token::Punct(p));
                    }
                }
                Err(format!(
                    "syntax error at source line {}: unexpected character '{}'",
                    self.line, c as char
                ))
            }
        }
    }

    fn word(&mut self) -> Token {
        let start = self.pos;
        while self.pos < self.text.len()
            && (self.text[self.pos] == b'_' || self.text[self.pos].is_ascii_alphanumeric())
        {
            self.pos += 1;
        }
        let word = String::from_utf8_lossy(&self.text[start..self.pos]).into_owned();
        if let Some(k) = KEYWORDS.iter().find(|k| **k == word) {
            return Token::Keyword(if *k == "func" { "function" } else { k });
        }
        if let Some(b) = BUILTINS.iter().find(|b| **b == word) {
            return Token::Builtin(b);
        }
        if self.peek_byte(0) == b'(' {
            Token::FuncName(word)
        } else {
            Token::Name(word)
        }
    }

    fn number(&mut self) -> Token {
        let rest = &self.text[self.pos..];
        if rest.len() > 2
            && rest[0] == b'0'
            && (rest[1] | 0x20) == b'x'
            && rest[2].is_ascii_hexdigit()
        {
            let digits: String = rest[2..]
                .iter()
                .take_while(|b| b.is_ascii_hexdigit())
                .map(|&b| b as char)
                .collect();
            self.pos += 2 + digits.len();
            return Token::Number(
                u64::from_str_radix(&digits, 16).map_or(f64::INFINITY, |v| v as f64),
            );
        }
        let mut end = 0;
        while end < rest.len() && rest[end].is_ascii_digit() {
            end += 1;
        }
        if end < rest.len() && rest[end] == b'.' {
            end += 1;
            while end < rest.len() && rest[end].is_ascii_digit() {
                end += 1;
            }
        }
        if end < rest.len() && (rest[end] | 0x20) == b'e' {
            let mut e = end + 1;
            if e < rest.len() && (rest[e] == b'+' || rest[e] == b'-') {
                e += 1;
            }
            if e < rest.len() && rest[e].is_ascii_digit() {
                while e < rest.len() && rest[e].is_ascii_digit() {
                    e += 1;
                }
                end = e;
            }
        }
        self.pos += end;
        let text = std::str::from_utf8(&rest[..end]).unwrap_or("0");
        Token::Number(text.parse().unwrap_or(0.0))
    }

    fn string(&mut self) -> Result<Token, String> {
        self.pos += 1;
        let mut bytes = Vec::new();
        loop {
            let Some(&c) = self.text.get(self.pos) else {
                return Err(format!(
                    "non-terminated string at source line {}",
                    self.line
                ));
            };
            self.pos += 1;
            match c {
                b'"' => break,
                b'\n' => return Err(format!("newline in string at source line {}", self.line)),
                b'\\' => {
                    let (decoded, used) = escape(&self.text[self.pos..]);
                    bytes.extend(decoded);
                    self.pos += used;
                }
                c => bytes.push(c),
            }
        }
        Ok(Token::Str(String::from_utf8_lossy(&bytes).into_owned()))
    }

    fn regex(&mut self) -> Result<Token, String> {
        self.pos += 1;
        let mut text = Vec::new();
        let mut in_brackets = false;
        loop {
            let Some(&c) = self.text.get(self.pos) else {
                return Err(format!(
                    "non-terminated regular expression at source line {}",
                    self.line
                ));
            };
            self.pos += 1;
            match c {
                b'\n' => {
                    return Err(format!("newline in regex at source line {}", self.line));
                }
                b'\\' if self.peek_byte(0) == b'/' => {
                    text.push(b'/');
                    self.pos += 1;
                }
                b'\\' => {
                    text.push(b'\\');
                    if let Some(&next) = self.text.get(self.pos) {
                        text.push(next);
                        self.pos += 1;
                    }
                }
                b'[' if !in_brackets => {
                    in_brackets = true;
                    text.push(c);
                    // A `]` first in a bracket expression is a member, not its end.
                    if self.peek_byte(0) == b'^' {
                        text.push(b'^');
                        self.pos += 1;
                    }
                    if self.peek_byte(0) == b']' {
                        text.push(b']');
                        self.pos += 1;
                    }
                }
                b'[' if self.peek_byte(0) == b':' => {
                    // A class like [:alpha:] inside brackets: copy it whole.
                    text.push(c);
                    while let Some(&b) = self.text.get(self.pos) {
                        text.push(b);
                        self.pos += 1;
                        if b == b']' {
                            break;
                        }
                    }
                }
                b']' if in_brackets => {
                    in_brackets = false;
                    text.push(c);
                }
                b'/' if !in_brackets => break,
                c => text.push(c),
            }
        }
        Ok(Token::Regex(String::from_utf8_lossy(&text).into_owned()))
    }
}

/// Decodes the escape after a backslash in a string: the bytes it stands for and how many
/// bytes of `rest` it used. An unknown escape keeps its backslash, as awk's do.
pub fn escape(rest: &[u8]) -> (Vec<u8>, usize) {
    let Some(&c) = rest.first() else {
        return (vec![b'\\'], 0);
    };
    let simple = match c {
        b'n' => Some(b'\n'),
        b't' => Some(b'\t'),
        b'r' => Some(b'\r'),
        b'\\' => Some(b'\\'),
        b'"' => Some(b'"'),
        b'/' => Some(b'/'),
        b'a' => Some(7),
        b'b' => Some(8),
        b'f' => Some(12),
        b'v' => Some(11),
        _ => None,
    };
    if let Some(b) = simple {
        return (vec![b], 1);
    }
    if (b'0'..=b'7').contains(&c) {
        let digits = rest
            .iter()
            .take(3)
            .take_while(|b| (b'0'..=b'7').contains(b))
            .count();
        let value = rest[..digits]
            .iter()
            .fold(0u32, |v, b| v * 8 + u32::from(b - b'0'));
        return (vec![value as u8], digits);
    }
    if c == b'x' {
        // `\x21`: one or two hex digits, as gawk, mawk and the one true awk read them.
        let digits = rest[1..]
            .iter()
            .take(2)
            .take_while(|b| b.is_ascii_hexdigit())
            .count();
        if digits > 0 {
            let text = std::str::from_utf8(&rest[1..1 + digits]).unwrap_or("0");
            let value = u8::from_str_radix(text, 16).unwrap_or(0);
            return (vec![value], 1 + digits);
        }
    }
    if c == b'\n' {
        return (Vec::new(), 1);
    }
    (vec![b'\\', c], 1)
}
