//! The word parser: a word's text into the pieces the expander works on (quotes, escapes,
//! tilde, parameter, command and arithmetic expansions), in brush-parser's word AST.
//!
//! Our own, in one pass: each construct's end is found by a scanner that steps over the
//! constructs nested in it, and what a construct holds (a command substitution's command,
//! a default value) is kept as text, parsed when it is expanded. So every character is
//! looked at a bounded number of times per level, and no nesting is refused. (brush-parser's
//! PEG grammar backtracks through each open bracket, doubling its work per level.)

use super::paramexpr::{parameter_expression, unbraced_parameter};
use brush_parser::ast::UnexpandedArithmeticExpr;
use brush_parser::word::{ParameterExpr, TildeExpr, WordPiece, WordPieceWithSource};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

/// Parses a word; in a here-document's body quotes are characters.
pub fn parse(text: &str, here_document: bool) -> Result<Vec<WordPieceWithSource>, String> {
    let parser = Parser::new(text);
    let mut pieces = Vec::new();
    let mut at = 0;
    if !here_document && let Some(tilde) = parser.tilde_prefix() {
        at = tilde.end_index;
        pieces.push(tilde);
    }
    let mode = if here_document {
        Mode::HereDocument
    } else {
        Mode::Unquoted
    };
    let parsed = parser.pieces(at, text.len(), mode, &mut pieces);
    if parser.too_deep.get() {
        return Err(format!(
            "expansions nested too deeply (at most {MAX_NESTING} levels)"
        ));
    }
    parsed.map(|()| pieces)
}

/// How deep expansions may nest in one word. bash itself crashes (its stack overflows) at
/// about 2,000 nested command substitutions; this keeps the shell's own recursion, in
/// parsing and in expanding, well inside its stack.
const MAX_NESTING: usize = 1000;

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Unquoted,
    DoubleQuoted,
    HereDocument,
}

pub(super) struct Parser<'a> {
    text: &'a str,
    pub(super) bytes: &'a [u8],
    /// Where each construct starting at a position ends, found once: a `$((` that turns
    /// out to be `$(` is scanned twice, and without this each one nested in it would be
    /// too, doubling the work per level.
    ends: RefCell<HashMap<(End, usize), Option<usize>>>,
    /// How many constructs the scan is inside now.
    depth: Cell<usize>,
    too_deep: Cell<bool>,
}

/// The kinds of construct whose ends are remembered.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum End {
    Arithmetic,
    Command,
    Brace,
}

fn unterminated(what: &str) -> String {
    format!("syntax error: unterminated {what}")
}

pub(super) fn is_name_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

pub(super) fn is_name_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl<'a> Parser<'a> {
    pub(super) fn new(text: &'a str) -> Parser<'a> {
        Parser {
            text,
            bytes: text.as_bytes(),
            ends: RefCell::default(),
            depth: Cell::new(0),
            too_deep: Cell::new(false),
        }
    }

    /// The end of the construct of `kind` starting at `at`, found by `find` the first time.
    fn end_of(&self, kind: End, at: usize, find: impl FnOnce() -> Option<usize>) -> Option<usize> {
        if let Some(known) = self.ends.borrow().get(&(kind, at)) {
            return *known;
        }
        if self.depth.get() >= MAX_NESTING {
            self.too_deep.set(true);
            return None;
        }
        self.depth.set(self.depth.get() + 1);
        let end = find();
        self.depth.set(self.depth.get() - 1);
        self.ends.borrow_mut().insert((kind, at), end);
        end
    }

    fn at(&self, i: usize) -> u8 {
        self.bytes.get(i).copied().unwrap_or(0)
    }

    fn piece(piece: WordPiece, start_index: usize, end_index: usize) -> WordPieceWithSource {
        WordPieceWithSource {
            piece,
            start_index,
            end_index,
        }
    }

    /// `~`, `~user`, `~+`, `~-`, `~N`, `~+N`, `~-N` at the start of the word.
    fn tilde_prefix(&self) -> Option<WordPieceWithSource> {
        if self.at(0) != b'~' {
            return None;
        }
        let end = self.bytes[1..]
            .iter()
            .position(|b| matches!(b, b'/' | b':' | b';' | b'}'))
            .map_or(self.bytes.len(), |n| n + 1);
        let name = &self.text[1..end];
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let expr = match name {
            "" => TildeExpr::Home,
            "+" => TildeExpr::WorkingDir,
            "-" => TildeExpr::OldWorkingDir,
            _ if digits(name.trim_start_matches('+')) && name.matches('+').count() <= 1 => {
                TildeExpr::NthDirFromTopOfDirStack {
                    n: name.trim_start_matches('+').parse().ok()?,
                    plus_used: name.starts_with('+'),
                }
            }
            _ if name.starts_with('-') && digits(&name[1..]) => {
                TildeExpr::NthDirFromBottomOfDirStack {
                    n: name[1..].parse().ok()?,
                }
            }
            _ if name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-')) =>
            {
                TildeExpr::UserHome(name.to_string())
            }
            _ => return None,
        };
        Some(Self::piece(WordPiece::TildeExpansion(expr), 0, end))
    }

    /// The pieces of `[from, to)`, read in `mode`.
    fn pieces(
        &self,
        from: usize,
        to: usize,
        mode: Mode,
        pieces: &mut Vec<WordPieceWithSource>,
    ) -> Result<(), String> {
        let mut at = from;
        while at < to {
            let (piece, end) = self.next_piece(at, to, mode)?;
            pieces.push(Self::piece(piece, at, end));
            at = end;
        }
        Ok(())
    }

    fn next_piece(&self, at: usize, to: usize, mode: Mode) -> Result<(WordPiece, usize), String> {
        let c = self.at(at);
        let next = if at + 1 < to { self.at(at + 1) } else { 0 };
        if mode == Mode::Unquoted {
            match (c, next) {
                (b'"', _) => {
                    let end = self
                        .double_quote_end(at + 1)
                        .ok_or_else(|| unterminated("quote"))?;
                    let mut inner = Vec::new();
                    self.pieces(at + 1, end, Mode::DoubleQuoted, &mut inner)?;
                    return Ok((WordPiece::DoubleQuotedSequence(inner), end + 1));
                }
                (b'\'', _) => {
                    let end = self
                        .single_quote_end(at + 1)
                        .ok_or_else(|| unterminated("quote"))?;
                    let text = self.text[at + 1..end].to_string();
                    return Ok((WordPiece::SingleQuotedText(text), end + 1));
                }
                (b'$', b'\'') => {
                    let end = self
                        .ansi_quote_end(at + 2)
                        .ok_or_else(|| unterminated("quote"))?;
                    let text = self.text[at + 2..end].to_string();
                    return Ok((WordPiece::AnsiCQuotedText(text), end + 1));
                }
                (b'$', b'"') => {
                    let end = self
                        .double_quote_end(at + 2)
                        .ok_or_else(|| unterminated("quote"))?;
                    let mut inner = Vec::new();
                    self.pieces(at + 2, end, Mode::DoubleQuoted, &mut inner)?;
                    return Ok((WordPiece::GettextDoubleQuotedSequence(inner), end + 1));
                }
                _ => {}
            }
        }
        if (c == b'$' || c == b'`')
            && let Some(found) = self.expansion(at, mode)?
        {
            return Ok(found);
        }
        if c == b'\\' && at + 1 < to {
            let escaped_len = self.text[at + 1..].chars().next().map_or(1, char::len_utf8);
            let escape = || {
                let end = at + 1 + escaped_len;
                Ok((
                    WordPiece::EscapeSequence(self.text[at..end].to_string()),
                    end,
                ))
            };
            match mode {
                Mode::Unquoted => return escape(),
                // A backslash-newline joins lines here too (it expands to nothing).
                Mode::DoubleQuoted if matches!(next, b'$' | b'`' | b'"' | b'\\' | b'\n') => {
                    return escape();
                }
                Mode::HereDocument if matches!(next, b'$' | b'`' | b'\\' | b'\n') => {
                    return escape();
                }
                _ => {}
            }
        }
        if c == b'`' {
            return Err(unterminated("backquote"));
        }
        // Text, up to the next character that may start something else.
        let mut end = at + 1;
        while end < to {
            let b = self.at(end);
            let stops = match mode {
                Mode::Unquoted => matches!(b, b'\'' | b'"' | b'$' | b'`' | b'\\'),
                Mode::DoubleQuoted | Mode::HereDocument => matches!(b, b'$' | b'`' | b'\\'),
            };
            if stops {
                break;
            }
            end += 1;
        }
        Ok((WordPiece::Text(self.text[at..end].to_string()), end))
    }

    /// What starts with `$` or a backquote at `at`: None when it is only a `$`. Within
    /// double quotes, a backquoted command's `\"` is a quote.
    fn expansion(&self, at: usize, mode: Mode) -> Result<Option<(WordPiece, usize)>, String> {
        if self.at(at) == b'`' {
            let end = self
                .backquote_end(at + 1)
                .ok_or_else(|| unterminated("backquote"))?;
            let mut command = String::new();
            let mut chars = self.text[at + 1..end].chars().peekable();
            while let Some(c) = chars.next() {
                match (c, chars.peek()) {
                    ('\\', Some('`')) => {
                        chars.next();
                        command.push('`');
                    }
                    ('\\', Some('\\')) => {
                        chars.next();
                        command.push_str("\\\\");
                    }
                    ('\\', Some('"')) if mode == Mode::DoubleQuoted => {
                        chars.next();
                        command.push('"');
                    }
                    // A backslash-newline is gone before the command is read, even
                    // inside its single quotes, as in bash.
                    ('\\', Some('\n')) => {
                        chars.next();
                    }
                    _ => command.push(c),
                }
            }
            return Ok(Some((
                WordPiece::BackquotedCommandSubstitution(command),
                end + 1,
            )));
        }
        let arithmetic = |value: &str| {
            WordPiece::ArithmeticExpression(UnexpandedArithmeticExpr {
                value: value.to_string(),
            })
        };
        match self.at(at + 1) {
            b'(' if self.at(at + 2) == b'(' => {
                if let Some(end) = self.arithmetic_end(at + 3) {
                    return Ok(Some((arithmetic(&self.text[at + 3..end]), end + 2)));
                }
                let end = self
                    .command_end(at + 2)
                    .ok_or_else(|| unterminated("`$('"))?;
                let command = self.text[at + 2..end].to_string();
                Ok(Some((WordPiece::CommandSubstitution(command), end + 1)))
            }
            b'(' => {
                let end = self
                    .command_end(at + 2)
                    .ok_or_else(|| unterminated("`$('"))?;
                let command = self.text[at + 2..end].to_string();
                Ok(Some((WordPiece::CommandSubstitution(command), end + 1)))
            }
            b'[' => match self.bracket_end(at + 2, self.bytes.len()) {
                Some(end) => Ok(Some((arithmetic(&self.text[at + 2..end]), end + 1))),
                None => Ok(Some((WordPiece::Text("$".into()), at + 1))),
            },
            b'{' => {
                let end = self.brace_end(at + 2).ok_or_else(|| unterminated("`${'"))?;
                // Not a parameter expression it knows: the `$` is text, and the expander
                // reports the rest as a bad substitution.
                Ok(Some(match parameter_expression(&self.text[at + 2..end]) {
                    Some(expr) => (WordPiece::ParameterExpansion(expr), end + 1),
                    None => (WordPiece::Text("$".into()), at + 1),
                }))
            }
            // `$'...'` outside quotes was taken above; inside, the `$` is text.
            b'\'' => Ok(None),
            _ => {
                let (parameter, len) = match unbraced_parameter(&self.text[at + 1..]) {
                    Some(found) => found,
                    None => return Ok(Some((WordPiece::Text("$".into()), at + 1))),
                };
                let expr = ParameterExpr::Parameter {
                    parameter,
                    indirect: false,
                };
                Ok(Some((WordPiece::ParameterExpansion(expr), at + 1 + len)))
            }
        }
    }

    /// From inside a single-quoted string: the index of its closing quote.
    fn single_quote_end(&self, from: usize) -> Option<usize> {
        self.bytes[from..]
            .iter()
            .position(|&b| b == b'\'')
            .map(|n| from + n)
    }

    /// From inside `$'...'`: the closing quote, past backslash escapes.
    fn ansi_quote_end(&self, at: usize) -> Option<usize> {
        ansi_quote_end(self.bytes, at)
    }

    /// From inside `"..."`: the closing quote, past escapes and the expansions in it.
    fn double_quote_end(&self, mut at: usize) -> Option<usize> {
        while at < self.bytes.len() {
            match self.bytes[at] {
                b'\\' => at += 2,
                b'"' => return Some(at),
                // Inside double quotes `$'` and `$"` are a `$` and the quote.
                b'$' if matches!(self.at(at + 1), b'\'' | b'"') => at += 1,
                b'$' => at = self.dollar_end(at)?,
                b'`' => at = self.backquote_end(at + 1)? + 1,
                _ => at += 1,
            }
        }
        None
    }

    /// From inside a backquoted command: its closing backquote.
    fn backquote_end(&self, mut at: usize) -> Option<usize> {
        while at < self.bytes.len() {
            match self.bytes[at] {
                b'\\' => at += 2,
                b'`' => return Some(at),
                _ => at += 1,
            }
        }
        None
    }

    /// Steps over a quoted string or expansion starting at `at`: where it ends, None if
    /// it does not; a character that starts none is one character.
    pub(super) fn skip(&self, at: usize) -> Option<usize> {
        match self.bytes[at] {
            b'\\' => Some(at + 2),
            b'\'' => self.single_quote_end(at + 1).map(|end| end + 1),
            b'"' => self.double_quote_end(at + 1).map(|end| end + 1),
            b'`' => self.backquote_end(at + 1).map(|end| end + 1),
            b'$' => self.dollar_end(at),
            _ => Some(at + 1),
        }
    }

    /// Where what starts with the `$` at `at` ends.
    fn dollar_end(&self, at: usize) -> Option<usize> {
        match self.at(at + 1) {
            b'(' if self.at(at + 2) == b'(' => match self.arithmetic_end(at + 3) {
                Some(end) => Some(end + 2),
                None => self.command_end(at + 2).map(|end| end + 1),
            },
            b'(' => self.command_end(at + 2).map(|end| end + 1),
            b'{' => self.brace_end(at + 2).map(|end| end + 1),
            b'[' => Some(
                self.bracket_end(at + 2, self.bytes.len())
                    .map_or(at + 1, |end| end + 1),
            ),
            b'\'' => self.ansi_quote_end(at + 2).map(|end| end + 1),
            b'"' => self.double_quote_end(at + 2).map(|end| end + 1),
            _ => Some(at + 1),
        }
    }

    /// From inside `${`: its closing brace, the first not quoted or nested.
    fn brace_end(&self, from: usize) -> Option<usize> {
        self.end_of(End::Brace, from, || {
            let mut at = from;
            while at < self.bytes.len() {
                if self.bytes[at] == b'}' {
                    return Some(at);
                }
                at = self.skip(at)?;
            }
            None
        })
    }

    /// From inside `$((`: the first `)` of the `))` that closes it, parentheses between
    /// balanced; None when it is not closed so (then it is `$(` and a subshell).
    fn arithmetic_end(&self, from: usize) -> Option<usize> {
        self.end_of(End::Arithmetic, from, || {
            let (mut at, mut depth) = (from, 0usize);
            while at < self.bytes.len() {
                match self.bytes[at] {
                    b'(' => depth += 1,
                    b')' if depth > 0 => depth -= 1,
                    // As bash decides: the `)` matching the second `(` closes the
                    // arithmetic when another follows; else this is `$(` and a subshell.
                    b')' if self.at(at + 1) == b')' => return Some(at),
                    b')' => return None,
                    _ => {
                        at = self.skip(at)?;
                        continue;
                    }
                }
                at += 1;
            }
            None
        })
    }

    /// From inside `[`: its closing `]`, brackets between balanced, before `to`.
    pub(super) fn bracket_end(&self, mut at: usize, to: usize) -> Option<usize> {
        let mut depth = 0usize;
        while at < to {
            match self.bytes[at] {
                b'[' => depth += 1,
                b']' if depth == 0 => return Some(at),
                b']' => depth -= 1,
                _ => {
                    at = self.skip(at)?;
                    continue;
                }
            }
            at += 1;
        }
        None
    }

    /// From inside `$(`: the `)` that closes it. Parentheses between are balanced, and a
    /// `)` ending a `case` pattern (between `case` and `esac`) closes nothing.
    fn command_end(&self, from: usize) -> Option<usize> {
        self.end_of(End::Command, from, || self.scan_command(from))
    }

    fn scan_command(&self, start: usize) -> Option<usize> {
        let mut at = start;
        let (mut depth, mut cases) = (0usize, 0usize);
        // Whether a word here would be a command's first: where `case` and `esac` count.
        let mut command_start = true;
        // Whether a `#` here starts a comment: at the start of a word, not after an
        // escaped character (`\;#` is a word).
        let mut word_start = true;
        while at < self.bytes.len() {
            let b = self.bytes[at];
            let comment = std::mem::replace(&mut word_start, b" \t\n;&|(".contains(&b));
            match b {
                b'(' => {
                    depth += 1;
                    command_start = true;
                }
                b')' if depth > 0 => {
                    depth -= 1;
                    // In a `case`, a pattern's `(x)` or a subshell may be followed by
                    // `esac` (`$(case x in (x) esac)`).
                    command_start = cases > 0;
                }
                b')' if cases > 0 => command_start = true,
                b')' => return Some(at),
                b';' | b'&' | b'|' | b'\n' => command_start = true,
                b' ' | b'\t' => {}
                b'#' if comment => {
                    at = self.bytes[at..]
                        .iter()
                        .position(|&c| c == b'\n')
                        .map_or(self.bytes.len(), |n| at + n);
                    continue;
                }
                _ if is_name_char(b) => {
                    let end = self.bytes[at..]
                        .iter()
                        .position(|&c| !is_name_char(c))
                        .map_or(self.bytes.len(), |n| at + n);
                    let word = &self.text[at..end];
                    let ends_word = !matches!(self.at(end), b'=' | b'[' | b'$' | b'\'' | b'"');
                    match word {
                        "case" if command_start && ends_word => cases += 1,
                        "esac" if command_start && ends_word => cases = cases.saturating_sub(1),
                        _ => {}
                    }
                    command_start = matches!(
                        word,
                        "do" | "then" | "else" | "elif" | "if" | "while" | "until" | "in"
                    ) && command_start;
                    at = end;
                    continue;
                }
                _ => {
                    command_start = false;
                    at = self.skip(at)?;
                    continue;
                }
            }
            at += 1;
        }
        None
    }
}

/// From inside `$'...'` in `bytes`: its closing quote, past backslash escapes.
pub(super) fn ansi_quote_end(bytes: &[u8], mut at: usize) -> Option<usize> {
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b'\'' => return Some(at),
            _ => at += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    /// The words of growing nesting the timing test parses, `depth` levels deep.
    fn nested(depth: usize) -> Vec<String> {
        vec![
            format!("\"{}x{}\"", "$(echo \"".repeat(depth), "\")".repeat(depth)),
            format!("{}1{}", "$(( ".repeat(depth), " ))".repeat(depth)),
            // Each `$((` is `$(` and a subshell: found only after the arithmetic fails.
            format!("{}1{}", "$(( ".repeat(depth), " ) )".repeat(depth)),
            format!("{}y{}", "${x:-".repeat(depth), "}".repeat(depth)),
            format!("{}[[x{}", "\"${x:-".repeat(depth), "}\"".repeat(depth)),
            "$a\"$b\"'c'\\d".repeat(depth),
        ]
    }

    fn fastest_parse(word: &str) -> Duration {
        (0..20)
            .map(|_| {
                let start = Instant::now();
                let _ = parse(word, false);
                start.elapsed()
            })
            .min()
            .unwrap_or_default()
    }

    /// Parse time grows linearly with nesting: eight times the depth takes about eight
    /// times as long (a quadratic parser 64 times, brush-parser's grammar 2^N times and
    /// never ends, so a watchdog stops the test).
    #[test]
    fn parse_time_is_linear_in_nesting() {
        let (done, finished) = std::sync::mpsc::channel();
        std::thread::Builder::new()
            .stack_size(64 << 20)
            .spawn(move || {
                for (small, large) in nested(100).into_iter().zip(nested(800)) {
                    assert!(parse(&small, false).is_ok(), "{small}");
                    let ratio = fastest_parse(&large).as_secs_f64()
                        / fastest_parse(&small).as_secs_f64().max(1e-7);
                    assert!(
                        ratio < 32.0,
                        "8x the text took {ratio:.1}x as long: {small}"
                    );
                }
                done.send(()).unwrap();
            })
            .unwrap();
        finished
            .recv_timeout(Duration::from_secs(60))
            .expect("parsing nested words took over a minute");
    }

    #[test]
    fn nesting_beyond_the_limit_is_an_error_not_a_crash() {
        let word = format!(
            "{}y{}",
            "${x:-".repeat(MAX_NESTING + 1),
            "}".repeat(MAX_NESTING + 1)
        );
        let error = parse(&word, false).unwrap_err();
        assert!(error.contains("nested too deeply"), "{error}");
        let word = format!(
            "{}y{}",
            "${x:-".repeat(MAX_NESTING),
            "}".repeat(MAX_NESTING)
        );
        assert!(parse(&word, false).is_ok());
    }

    /// Words of random shell punctuation (and a character of two bytes) parse or fail,
    /// never panic: the scanner slices only where it found a one-byte character.
    #[test]
    fn random_words_never_panic() {
        const PIECES: [&str; 24] = [
            "$", "(", ")", "{", "}", "[", "]", "\\", "'", "\"", "`", "#", ":", "-", "/", "%", "~",
            "!", "@", "é", "a", " ", "\n", "0",
        ];
        for word in crate::random_text::texts(&PIECES, 0x2545_f491_4f6c_dd1d, 20_000, 24, "") {
            let _ = parse(&word, false);
            let _ = parse(&word, true);
        }
    }

    fn shapes(word: &str) -> Vec<String> {
        parse(word, false)
            .unwrap()
            .iter()
            .map(|p| format!("{:?}@{}..{}", p.piece, p.start_index, p.end_index))
            .collect()
    }

    #[test]
    fn pieces_and_where_they_are() {
        assert_eq!(
            shapes("~/a'b'\\c$d"),
            [
                "TildeExpansion(Home)@0..1",
                "Text(\"/a\")@1..3",
                "SingleQuotedText(\"b\")@3..6",
                "EscapeSequence(\"\\\\c\")@6..8",
                "ParameterExpansion(Parameter { parameter: Named(\"d\"), indirect: false })@8..10",
            ]
        );
        // A `$((` whose `))` never comes is a command substitution of a subshell.
        assert_eq!(
            shapes("$((echo a) | (echo b))"),
            ["CommandSubstitution(\"(echo a) | (echo b)\")@0..22"]
        );
        // A brace expression bash does not know leaves the `$` as text, for the
        // expander's "bad substitution".
        assert_eq!(shapes("${a&}")[0], "Text(\"$\")@0..1");
        assert_eq!(
            shapes("${!}"),
            [
                "ParameterExpansion(Parameter { parameter: Special(LastBackgroundProcessId), indirect: false })@0..4"
            ]
        );
    }
}
