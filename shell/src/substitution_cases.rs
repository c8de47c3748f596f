//! `$(case $x in a) ...;; esac)`: brush-parser's tokenizer ends a command substitution at
//! the first `)` that leaves its parentheses balanced, which is the one after the pattern
//! `a`. bash reads the `case` inside. This pass writes such patterns in the other form
//! POSIX gives them, `(a)`, before the text is tokenized, so that the parentheses balance
//! and the substitution ends where bash ends it. A comment inside a substitution is read
//! by the tokenizer as words, so a `)` or a quote in it (`$(cmd # (see)`) ended or
//! opened something: such characters in comments there are blanked (the comment is
//! dropped anyway). A here-document's body inside a substitution is data, so its
//! brackets and quotes are written as private characters instead, which the grammar
//! turns back ([`decode_document`]) when it takes the body. Text without a `case`, a
//! `#` or a `<<` inside a `$(` is left as it is.

use std::borrow::Cow;

/// `text`, with a `(` before each `case` pattern inside a command substitution that has
/// none, and the brackets and quotes of comments there blanked.
pub(super) fn balance(text: &str) -> Cow<'_, str> {
    let concerned = text.contains("case") || text.contains('#') || text.contains("<<");
    if !(text.contains("$(") && concerned) {
        return Cow::Borrowed(text);
    }
    let mut scanner = Scanner {
        chars: text.chars().collect(),
        at: 0,
        out: String::with_capacity(text.len() + 8),
        documents: Vec::new(),
        inserted: false,
    };
    scanner.commands(false, false);
    // What the scanner did not reach (text it could not follow) stays as written.
    let rest: String = scanner.chars[scanner.at.min(scanner.chars.len())..]
        .iter()
        .collect();
    scanner.out.push_str(&rest);
    if scanner.inserted {
        Cow::Owned(scanner.out)
    } else {
        Cow::Borrowed(text)
    }
}

/// Why a run of commands ended.
#[derive(PartialEq)]
enum End {
    Input,
    /// A `)` that closes what the commands are inside (not consumed).
    Paren,
    /// `;;`, `;&` or `;;&` in a `case` body (not consumed).
    CaseBreak,
    /// `esac` where a command would start (not consumed).
    Esac,
}

struct Scanner {
    chars: Vec<char>,
    at: usize,
    out: String,
    /// Here-documents whose bodies start after the current line: (tag, tabs stripped,
    /// inside a substitution).
    documents: Vec<(String, bool, bool)>,
    inserted: bool,
}

/// Words after which another command starts.
fn keeps_command_start(word: &str) -> bool {
    matches!(
        word,
        "if" | "then" | "else" | "elif" | "do" | "while" | "until" | "!" | "{" | "}" | "time"
    )
}

impl Scanner {
    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.at + ahead).copied()
    }

    fn copy(&mut self, n: usize) {
        for _ in 0..n {
            if let Some(c) = self.peek(0) {
                self.out.push(c);
                self.at += 1;
            }
        }
    }

    /// Commands up to the end of the input or of what encloses them: `inside` says a
    /// command substitution encloses them (so patterns get their `(`), `in_case` that a
    /// `case` body does (so `;;` and `esac` end them).
    fn commands(&mut self, inside: bool, in_case: bool) -> End {
        let mut command_start = true;
        while let Some(c) = self.peek(0) {
            match c {
                '\n' => {
                    self.copy(1);
                    self.documents_bodies();
                    command_start = true;
                }
                ' ' | '\t' => self.copy(1),
                ';' if in_case && matches!(self.peek(1), Some(';' | '&')) => return End::CaseBreak,
                ';' | '&' | '|' => {
                    self.copy(1);
                    command_start = true;
                }
                '(' => {
                    self.copy(1);
                    if self.commands(inside, false) != End::Paren {
                        return End::Input;
                    }
                    self.copy(1);
                    // `esac` may follow a subshell in a `case` body.
                    command_start = in_case;
                }
                ')' => return End::Paren,
                '#' => {
                    while let Some(c) = self.peek(0).filter(|c| *c != '\n') {
                        if inside && matches!(c, '(' | ')' | '\'' | '"' | '`' | '\\') {
                            self.out.push(' ');
                            self.at += 1;
                            self.inserted = true;
                        } else {
                            self.copy(1);
                        }
                    }
                }
                '<' if self.peek(1) == Some('<') && self.peek(2) == Some('<') => self.copy(3),
                '<' if self.peek(1) == Some('<') => {
                    self.copy(2);
                    self.document_tag(inside);
                }
                '<' | '>' => self.copy(1),
                _ => {
                    let mark = (self.at, self.out.len());
                    let word = self.word();
                    if command_start && word == "esac" && in_case {
                        (self.at, _) = mark;
                        self.out.truncate(mark.1);
                        return End::Esac;
                    }
                    if command_start && word == "case" && !self.case(inside) {
                        return End::Input;
                    }
                    command_start = keeps_command_start(&word);
                }
            }
        }
        End::Input
    }

    /// A `case` after its keyword, to its `esac`. False where it ends the input early.
    fn case(&mut self, inside: bool) -> bool {
        self.blanks(false);
        self.word();
        self.blanks(true);
        let mark = (self.at, self.out.len());
        if self.word() != "in" {
            (self.at, _) = mark;
            self.out.truncate(mark.1);
            return true;
        }
        loop {
            self.blanks(true);
            let Some(c) = self.peek(0) else { return false };
            let mark = (self.at, self.out.len());
            if self.word() == "esac" {
                return true;
            }
            (self.at, _) = mark;
            self.out.truncate(mark.1);
            if c == '(' {
                self.copy(1);
            } else if inside {
                self.out.push('(');
                self.inserted = true;
            }
            // The pattern: words, blanks and `|` up to its `)`.
            while let Some(c) = self.peek(0) {
                match c {
                    ')' => break,
                    ' ' | '\t' | '|' => self.copy(1),
                    // An extended pattern's group, `@(a|b)`.
                    '(' => {
                        self.copy(1);
                        if self.commands(inside, false) != End::Paren {
                            return false;
                        }
                        self.copy(1);
                    }
                    _ => {
                        if self.word().is_empty() {
                            return false;
                        }
                    }
                }
            }
            self.copy(1);
            match self.commands(inside, true) {
                End::CaseBreak => {
                    let length = match (self.peek(1), self.peek(2)) {
                        (Some(';'), Some('&')) => 3,
                        _ => 2,
                    };
                    self.copy(length);
                }
                End::Esac => {
                    self.copy(4);
                    return true;
                }
                End::Input | End::Paren => return false,
            }
        }
    }

    /// Blanks (and with `lines`, newlines and comments).
    fn blanks(&mut self, lines: bool) {
        while let Some(c) = self.peek(0) {
            match c {
                ' ' | '\t' => self.copy(1),
                '\n' if lines => {
                    self.copy(1);
                    self.documents_bodies();
                }
                '#' if lines => {
                    while self.peek(0).is_some_and(|c| c != '\n') {
                        self.copy(1);
                    }
                }
                _ => break,
            }
        }
    }

    /// One word, copied; returns its text. Quotes, escapes and expansions are taken
    /// whole, and a command substitution in it is scanned as commands.
    fn word(&mut self) -> String {
        let start = self.out.len();
        while let Some(c) = self.peek(0) {
            match c {
                ' ' | '\t' | '\n' | ';' | '&' | '|' | '<' | '>' | '(' | ')' => break,
                _ => self.word_part(false),
            }
        }
        self.out[start..].to_string()
    }

    /// One piece of a word: a quoted string, an escape, an expansion, or a character.
    /// `quoted`: inside double quotes, where only `\`, `$` and backquotes are special.
    fn word_part(&mut self, quoted: bool) {
        match (self.peek(0), self.peek(1)) {
            (Some('\\'), _) => self.copy(2),
            (Some('\''), _) if !quoted => self.until_quote('\'', true),
            (Some('$'), Some('\'')) if !quoted => {
                self.copy(1);
                self.until_quote('\'', false);
            }
            (Some('"'), _) if !quoted => {
                self.copy(1);
                while let Some(c) = self.peek(0) {
                    if c == '"' {
                        break;
                    }
                    self.word_part(true);
                }
                self.copy(1);
            }
            (Some('`'), _) => self.until_quote('`', false),
            (Some('$'), Some('(')) if self.peek(2) == Some('(') => self.arithmetic(),
            (Some('$'), Some('(')) => {
                self.copy(2);
                if self.commands(true, false) == End::Paren {
                    self.copy(1);
                }
            }
            (Some('$'), Some('{')) => {
                self.copy(2);
                while let Some(c) = self.peek(0) {
                    if c == '}' {
                        break;
                    }
                    self.word_part(quoted);
                }
                self.copy(1);
            }
            _ => self.copy(1),
        }
    }

    /// From a quote at `at` to its closing one; `literal`: no escapes inside.
    fn until_quote(&mut self, quote: char, literal: bool) {
        self.copy(1);
        while let Some(c) = self.peek(0) {
            if c == '\\' && !literal {
                self.copy(2);
            } else {
                self.copy(1);
                if c == quote {
                    break;
                }
            }
        }
    }

    /// `$((...))`, by its parentheses.
    fn arithmetic(&mut self) {
        self.copy(3);
        let mut depth = 2;
        while let Some(c) = self.peek(0) {
            self.copy(1);
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
        }
    }

    /// The tag after `<<` (or `<<-`): its body starts with the next line.
    fn document_tag(&mut self, inside: bool) {
        let strip_tabs = self.peek(0) == Some('-');
        if strip_tabs {
            self.copy(1);
        }
        self.blanks(false);
        let word = self.word();
        let tag: String = word
            .chars()
            .filter(|c| !matches!(c, '\'' | '"' | '\\'))
            .collect();
        if !tag.is_empty() {
            self.documents.push((tag, strip_tabs, inside));
        }
    }

    /// The bodies of the here-documents opened on the line just ended: as they are, but
    /// for what would confuse the tokenizer inside a substitution.
    fn documents_bodies(&mut self) {
        for (tag, strip_tabs, inside) in std::mem::take(&mut self.documents) {
            let is_tag = |line: &str| match strip_tabs {
                true => line.trim_start_matches('\t') == tag,
                false => line == tag,
            };
            // A tag this pass misread (one continued on the next line) finds no end:
            // then nothing is hidden.
            let inside = inside && {
                let rest: String = self.chars[self.at..].iter().collect();
                rest.lines().any(is_tag)
            };
            while self.peek(0).is_some() {
                let line: String = self.chars[self.at..]
                    .iter()
                    .take_while(|c| **c != '\n')
                    .collect();
                let last = is_tag(&line);
                // The closing tag stays as written, for the tokenizer to find.
                for c in line.chars().chain(self.peek(line.chars().count())) {
                    match encoded(c).filter(|_| inside && !last) {
                        Some(private) => {
                            self.out.push(private);
                            self.at += 1;
                            self.inserted = true;
                        }
                        None => self.copy(1),
                    }
                }
                if last {
                    break;
                }
            }
        }
    }
}

/// Where the characters a here-document's body inside a substitution may not show the
/// tokenizer are written: U+F0000 plus the character (Supplementary Private Use Area-A).
const DOCUMENT_PRIVATE: u32 = 0xF0000;

/// A body's character as it is written for the tokenizer, if it is one to hide.
fn encoded(c: char) -> Option<char> {
    matches!(c, '(' | ')' | '\'' | '"' | '`' | '\\')
        .then(|| char::from_u32(DOCUMENT_PRIVATE + c as u32))
        .flatten()
}

/// A here-document's body as it was written, its hidden characters given back.
pub(super) fn decode_document(body: &str) -> String {
    body.chars()
        .map(|c| match (c as u32).checked_sub(DOCUMENT_PRIVATE) {
            Some(code @ 0..=0x7f) if encoded(char::from(code as u8)) == Some(c) => {
                char::from(code as u8)
            }
            _ => c,
        })
        .collect()
}
