//! bc's tokens, read a line at a time so that an interactive session answers each line
//! as it is typed: comments (`/* */` across lines, `#` to the end of the line), strings
//! across lines, backslash-newline as a space, and numbers in `0-9A-Z`.

use std::collections::VecDeque;

/// Appends the next line of input (with its newline) to the buffer; 0 at the end.
pub type LineReader = Box<dyn FnMut(&mut Vec<u8>) -> std::io::Result<usize>>;

#[derive(Clone, Debug, PartialEq)]
pub enum Token {
    Number(String),
    Name(String),
    Str(String),
    Keyword(&'static str),
    Operator(&'static str),
    Newline,
    End,
}

const KEYWORDS: &[&str] = &[
    "auto", "break", "continue", "define", "else", "for", "halt", "ibase", "if", "last", "length",
    "limits", "obase", "print", "quit", "read", "return", "scale", "sqrt", "void", "while",
];

/// Longest first, so that `<=` is not read as `<` then `=`.
const OPERATORS: &[&str] = &[
    "++", "--", "+=", "-=", "*=", "/=", "%=", "^=", "==", "!=", "<=", ">=", "&&", "||", "+", "-",
    "*", "/", "%", "^", "=", "<", ">", "!", "(", ")", "[", "]", "{", "}", ",", ";",
];

/// A problem found while reading, with the line it was found on.
pub struct LexError {
    pub line: usize,
    pub message: String,
    /// Whether the input ended inside a comment, which ends bc.
    pub fatal: bool,
}

pub struct Lexer {
    input: LineReader,
    /// The name messages give the input: `(standard_in)` or the file's.
    pub origin: String,
    text: Vec<u8>,
    position: usize,
    /// 1 + the newlines read so far (with the lookahead), the line GNU bc's messages name.
    pub line: usize,
    exhausted: bool,
    ahead: VecDeque<Token>,
}

impl Lexer {
    pub fn new(input: LineReader, origin: String) -> Lexer {
        Lexer {
            input,
            origin,
            text: Vec::new(),
            position: 0,
            line: 1,
            exhausted: false,
            ahead: VecDeque::new(),
        }
    }

    /// Reads the next line into the buffer; false at the end of the input.
    fn fill(&mut self) -> bool {
        if self.exhausted {
            return false;
        }
        self.text.clear();
        self.position = 0;
        match (self.input)(&mut self.text) {
            Ok(0) | Err(_) => {
                self.exhausted = true;
                false
            }
            Ok(_) => true,
        }
    }

    fn peek_byte(&mut self) -> Option<u8> {
        if self.position >= self.text.len() && !self.fill() {
            return None;
        }
        Some(self.text[self.position])
    }

    fn byte_after(&self) -> Option<u8> {
        self.text.get(self.position + 1).copied()
    }

    /// Whether the whole input has been read.
    pub fn at_end(&self) -> bool {
        self.exhausted
    }

    pub fn peek(&mut self) -> Result<&Token, LexError> {
        self.peek_at(0)
    }

    pub fn peek_at(&mut self, index: usize) -> Result<&Token, LexError> {
        while self.ahead.len() <= index {
            let token = self.read_token()?;
            self.ahead.push_back(token);
        }
        Ok(&self.ahead[index])
    }

    pub fn next(&mut self) -> Result<Token, LexError> {
        self.peek()?;
        Ok(self.ahead.pop_front().unwrap_or(Token::End))
    }

    /// After a syntax error: drops what is left of the line, as GNU bc does.
    pub fn skip_line(&mut self) {
        while let Some(token) = self.ahead.pop_front() {
            if matches!(token, Token::Newline | Token::End) {
                self.ahead.clear();
                return;
            }
        }
        if self.text[self.position.min(self.text.len())..].contains(&b'\n') {
            self.line += 1;
        }
        self.position = self.text.len();
    }

    /// Drops the first line of a new input.
    pub fn drop_first_line(&mut self) {
        if self.fill() {
            self.position = self.text.len();
            self.line += 1;
        }
    }

    fn error(&self, message: String) -> LexError {
        LexError {
            line: self.line,
            message,
            fatal: false,
        }
    }

    fn read_token(&mut self) -> Result<Token, LexError> {
        loop {
            let Some(byte) = self.peek_byte() else {
                return Ok(Token::End);
            };
            match byte {
                b' ' | b'\t' | b'\r' => self.position += 1,
                b'\\' if self.byte_after() == Some(b'\n') => {
                    self.position += 2;
                    self.line += 1;
                }
                b'\n' => {
                    self.position += 1;
                    self.line += 1;
                    return Ok(Token::Newline);
                }
                b'#' => self.position = self.text.len() - usize::from(self.text.ends_with(b"\n")),
                b'/' if self.byte_after() == Some(b'*') => self.skip_comment()?,
                b'"' => return self.read_string(),
                b'0'..=b'9' | b'A'..=b'Z' => return Ok(self.read_number()),
                b'.' if self
                    .byte_after()
                    .is_some_and(|b| b.is_ascii_digit() || b.is_ascii_uppercase()) =>
                {
                    return Ok(self.read_number());
                }
                b'.' => {
                    self.position += 1;
                    return Ok(Token::Keyword("last"));
                }
                b'a'..=b'z' => return Ok(self.read_name()),
                _ => {
                    let rest = &self.text[self.position..];
                    if let Some(operator) =
                        OPERATORS.iter().find(|op| rest.starts_with(op.as_bytes()))
                    {
                        self.position += operator.len();
                        return Ok(Token::Operator(operator));
                    }
                    self.position += 1;
                    // Control characters in caret notation, as GNU bc shows them.
                    let shown = match byte {
                        0..=31 => format!("^{}", (byte + 64) as char),
                        127 => "^?".into(),
                        _ => (byte as char).to_string(),
                    };
                    return Err(self.error(format!("illegal character: {shown}")));
                }
            }
        }
    }

    fn skip_comment(&mut self) -> Result<(), LexError> {
        self.position += 2;
        loop {
            match self.peek_byte() {
                None => {
                    return Err(LexError {
                        line: self.line,
                        message: "EOF encountered in a comment.".into(),
                        fatal: true,
                    });
                }
                Some(b'*') if self.byte_after() == Some(b'/') => {
                    self.position += 2;
                    return Ok(());
                }
                Some(byte) => {
                    self.position += 1;
                    self.line += usize::from(byte == b'\n');
                }
            }
        }
    }

    fn read_string(&mut self) -> Result<Token, LexError> {
        self.position += 1;
        let first_line = self.line;
        let mut text = Vec::new();
        loop {
            match self.peek_byte() {
                // Never closed: the quote itself is what GNU bc's reader refuses.
                None => {
                    return Err(LexError {
                        line: first_line,
                        message: "illegal character: \"".into(),
                        fatal: false,
                    });
                }
                Some(b'"') => {
                    self.position += 1;
                    return Ok(Token::Str(String::from_utf8_lossy(&text).into_owned()));
                }
                Some(byte) => {
                    text.push(byte);
                    self.position += 1;
                    self.line += usize::from(byte == b'\n');
                }
            }
        }
    }

    fn read_number(&mut self) -> Token {
        let mut text = String::new();
        let mut seen_point = false;
        while let Some(byte) = self.text.get(self.position).copied() {
            match byte {
                b'0'..=b'9' | b'A'..=b'Z' => text.push(byte as char),
                b'.' if !seen_point => {
                    seen_point = true;
                    text.push('.');
                }
                b'\\' if self.byte_after() == Some(b'\n') => {
                    self.position += 2;
                    self.line += 1;
                    if !self.fill() {
                        break;
                    }
                    continue;
                }
                _ => break,
            }
            self.position += 1;
        }
        Token::Number(text)
    }

    fn read_name(&mut self) -> Token {
        let start = self.position;
        while self
            .text
            .get(self.position)
            .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'_')
        {
            self.position += 1;
        }
        let name = String::from_utf8_lossy(&self.text[start..self.position]).into_owned();
        match KEYWORDS.iter().find(|keyword| **keyword == name) {
            Some(keyword) => Token::Keyword(keyword),
            None => Token::Name(name),
        }
    }
}
