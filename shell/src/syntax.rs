//! Parsing shell text with brush-parser, and syntax errors worded as bash words them.
//!
//! brush-parser is a bash-compatible parser kept up by the brush shell; using it gives the
//! whole POSIX/bash grammar from the start, and the shell only has to execute the tree.
//! Words are parsed by our own parser (`word.rs`), which stays linear where brush-parser's
//! word grammar did not.

use brush_parser::ast::{ArithmeticExpr, Program};
use brush_parser::word::WordPieceWithSource;
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, PoisonError};

use brush_parser::{ParserOptions, Token, TokenizerError, TokenizerOptions};

use crate::alias_reading::ReadError;
use crate::grammar::{self, GrammarError};

/// A syntax error: the line it was found on and bash's wording for it.
#[derive(Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub message: String,
    /// The offending source line, which bash quotes after "near unexpected token".
    pub source_line: Option<String>,
    /// Whether the error is one bash recovers from (an operator inside an array's
    /// parentheses): the rest of its line is dropped, the status is 1, and the commands
    /// after it are read and run.
    pub discards_line: bool,
    /// Whether it is inside a command substitution, which bash reads with the command
    /// holding it and reports as that command's error (see `substitution_syntax`).
    pub in_substitution: bool,
}

/// What decides how text is read, besides the text: the aliases expanded where commands
/// begin (`alias_reading.rs`; None without `expand_aliases`), and whether `!(...)`,
/// `@(...)` and the other extglob forms are words (`shopt extglob`; otherwise `!(` is
/// `!` before a subshell), both as they are when the text is read, as in bash.
#[derive(Clone, Copy)]
pub struct Reading<'a> {
    pub aliases: Option<&'a BTreeMap<String, String>>,
    pub extglob: bool,
}

impl Reading<'_> {
    /// Text the shell made itself (an imported function, a printed command): no aliases,
    /// and extglob forms read as words, whatever `shopt extglob` says when it is used.
    pub const PLAIN: Reading<'static> = Reading {
        aliases: None,
        extglob: true,
    };
}

/// Parses text the shell made itself (`Reading::PLAIN`). A here-document the text ends
/// inside is delimited by the end, as bash does for a script or `-c` string (at the
/// prompt, `is_unfinished` asks for more).
pub fn parse(text: &str) -> Result<Program, SyntaxError> {
    parse_with(text, Reading::PLAIN)
}

/// Parses shell text as `reading` says.
pub fn parse_with(text: &str, reading: Reading<'_>) -> Result<Program, SyntaxError> {
    parse_to_the_end(text, reading).map(|(program, _)| program)
}

/// A here-document that the end of the text delimited (bash warns of it): its tag and
/// the line it starts on.
pub struct OpenDocument {
    pub tag: String,
    pub line: usize,
}

/// Parses shell text as `reading` says, with the here-documents its end delimited.
pub fn parse_to_the_end(
    text: &str,
    reading: Reading<'_>,
) -> Result<(Program, Vec<OpenDocument>), SyntaxError> {
    let mut completed = text.to_string();
    let mut open = Vec::new();
    // Each round closes one document; a line may open several.
    for _ in 0..8 {
        match parse_exact(&completed, reading) {
            // A backslash that ends the text stands for itself, as in bash (`echo \`).
            Err(error) if error.message.ends_with(UNTERMINATED_ESCAPE) => completed.push('\\'),
            Err(error) if error.message.starts_with(UNTERMINATED_DOCUMENT) => {
                let pending = pending_documents(&error.message);
                // brush-parser names the tags once the line that holds them has ended.
                if pending.is_empty() && !completed.ends_with('\n') {
                    completed.push('\n');
                    continue;
                }
                if pending.is_empty() {
                    return Err(error);
                }
                // The first body is every line to the end, each ended by a newline; the
                // others are empty.
                if !completed.ends_with('\n') {
                    completed.push('\n');
                }
                // bash names the line each body starts on: after the first, the end.
                let end = completed.matches('\n').count();
                for (index, mut document) in pending.into_iter().enumerate() {
                    if index > 0 {
                        document.line = end;
                    }
                    completed.push_str(&document.tag);
                    completed.push('\n');
                    open.push(document);
                }
            }
            other => return other.map(|program| (program, open)),
        }
    }
    parse_exact(&completed, reading).map(|program| (program, open))
}

/// brush-parser's words for a backslash at the very end.
const UNTERMINATED_ESCAPE: &str = "unterminated escape sequence";

/// The error of text that ends inside a command.
pub const END_OF_FILE: &str = "syntax error: unexpected end of file";

/// Whether text ends with a backslash that escapes nothing.
pub fn ends_with_escape(text: &str) -> bool {
    text.bytes().rev().take_while(|&b| b == b'\\').count() % 2 == 1
}

/// brush-parser's words for a here-document that has no end.
const UNTERMINATED_DOCUMENT: &str = "syntax error: unterminated here document";

/// The here-documents brush-parser's error says are waiting for their tags ("...; tag(s)
/// [A, 'B'] found at: [1,8, 1,18]"), in the order their bodies come: each tag as its
/// delimiting line is written (quotes removed) and the line it is on.
fn pending_documents(message: &str) -> Vec<OpenDocument> {
    let Some((tags, places)) = message
        .split_once("tag(s) [")
        .and_then(|(_, rest)| rest.split_once("] found at: ["))
    else {
        return Vec::new();
    };
    let lines = places
        .trim_end_matches(']')
        .split(", ")
        .map(|place| place.split(',').next().and_then(|l| l.parse().ok()));
    tags.split(", ")
        .zip(lines)
        .filter_map(|(tag, line)| {
            let tag: String = tag
                .chars()
                .filter(|c| !matches!(c, '\'' | '"' | '\\'))
                .collect();
            Some(OpenDocument { tag, line: line? }).filter(|d| !d.tag.is_empty())
        })
        .collect()
}

/// Whether an error says the text stopped inside a command (more text may complete it).
pub fn runs_past_the_end(error: &SyntaxError) -> bool {
    error.message.starts_with("unexpected EOF")
        || error.message == END_OF_FILE
        || error.message.starts_with(UNTERMINATED_DOCUMENT)
        || error.message.ends_with(UNTERMINATED_ESCAPE)
}

fn parse_exact(text: &str, reading: Reading<'_>) -> Result<Program, SyntaxError> {
    parse_lines(text, reading, 0)
}

/// Parses text as it is (no here-document or escape left open is closed by its end)
/// that comes after `lines_before` lines: its commands are on the lines they are on in
/// the whole text.
pub fn parse_lines(
    text: &str,
    reading: Reading<'_>,
    lines_before: usize,
) -> Result<Program, SyntaxError> {
    parse_lines_once(text, reading, lines_before).or_else(|error| {
        // An alias that begins the text may open a quote the text after it closes.
        let replaced = reading
            .aliases
            .filter(|_| error.message.starts_with("unexpected EOF while looking"))
            .and_then(|table| super::alias_reading::first_word_replaced(text, table));
        match replaced {
            Some(replaced) => parse_lines_once(&replaced, reading, lines_before).map_err(|_| error),
            None => Err(error),
        }
    })
}

fn parse_lines_once(
    text: &str,
    reading: Reading<'_>,
    lines_before: usize,
) -> Result<Program, SyntaxError> {
    let balanced = super::substitution_cases::balance(text);
    let text = balanced.as_ref();
    let options = tokenizer_options(reading.extglob);
    let tokenize = |options: &TokenizerOptions| {
        tokenize_guarded(text, options).map_err(|e| tokenizer_error(text, e, reading))
    };
    let mut tokens = tokenize(&options)?;
    if !reading.extglob
        && super::extglob_words::has_conditional(&tokens)
        && let Ok(extended) = tokenize(&tokenizer_options(true))
    {
        tokens = super::extglob_words::keep_patterns(tokens, &extended);
    }
    if lines_before > 0 {
        for token in &mut tokens {
            *token = moved_down(token, lines_before);
        }
    }
    if let Some(line) = too_many_documents(&tokens) {
        return Err(SyntaxError {
            line,
            message: "maximum here-document count exceeded".into(),
            source_line: None,
            discards_line: false,
            in_substitution: false,
        });
    }
    super::subscripts::join_spaced_subscripts(text, &mut tokens);
    super::braced_blanks::restore(text, &mut tokens);
    let program = match reading.aliases {
        None => grammar::parse_program(&tokens).map_err(|e| parser_error(text, &tokens, e)),
        Some(table) => super::alias_reading::parse_program(text, &mut tokens, table, &options)
            .map_err(|e| match e {
                ReadError::Grammar(e) => parser_error(text, &tokens, e),
                ReadError::Tokens(e) => tokenizer_error(text, e, reading),
            }),
    }?;
    match super::substitution_syntax::first_error(&tokens, reading) {
        Some((line, message)) => Err(SyntaxError {
            line,
            message,
            source_line: text.lines().nth(line - 1).map(str::to_string),
            discards_line: false,
            in_substitution: true,
        }),
        None => Ok(program),
    }
}

/// brush-parser's tokenizer, which panics on some unfinished text (a here-document
/// whose tag is `)` inside an unclosed `$(`): such text is unfinished, and the panic is
/// not shown.
pub(super) fn tokenize_guarded(
    text: &str,
    options: &TokenizerOptions,
) -> Result<Vec<Token>, TokenizerError> {
    thread_local! {
        static TOKENIZING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    static QUIET_HOOK: std::sync::Once = std::sync::Once::new();
    QUIET_HOOK.call_once(|| {
        let shown = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !TOKENIZING.with(std::cell::Cell::get) {
                shown(info);
            }
        }));
    });
    TOKENIZING.with(|flag| flag.set(true));
    let tokens = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        brush_parser::tokenize_str_with_options(text, options)
    }));
    TOKENIZING.with(|flag| flag.set(false));
    tokens.unwrap_or(Err(TokenizerError::UnterminatedCommandSubstitution))
}

/// The tokenizer's options for text read with or without extglob forms.
fn tokenizer_options(extglob: bool) -> TokenizerOptions {
    TokenizerOptions {
        enable_extended_globbing: extglob,
        ..ParserOptions::default().tokenizer_options()
    }
}

/// Parses a word for expansion (`word.rs`).
pub fn parse_word(
    text: &str,
    here_document: bool,
) -> Result<Arc<Vec<WordPieceWithSource>>, String> {
    static WORDS: Memo<Vec<WordPieceWithSource>> = Memo::new();
    static DOCUMENTS: Memo<Vec<WordPieceWithSource>> = Memo::new();
    let memo = if here_document { &DOCUMENTS } else { &WORDS };
    memo.get_or_parse(text, || {
        super::word::parse(text, here_document).map_err(|e| match text.char_indices().nth(60) {
            // A word nested too deeply can be long: its start says which it is.
            Some((cut, _)) => format!("{}...: {e}", &text[..cut]),
            None => format!("{text}: {e}"),
        })
    })
}

/// Parses arithmetic.
pub fn parse_arithmetic(text: &str) -> Result<Arc<ArithmeticExpr>, String> {
    static EXPRESSIONS: Memo<ArithmeticExpr> = Memo::new();
    EXPRESSIONS.get_or_parse(text, || {
        // bash reads `0 && x=1` as an assignment to `0 && x`; brush-parser accepts it.
        if text.contains('=') && super::arith_errors::assigns_to_non_variable(text) {
            return Err("an assignment to a non-variable".into());
        }
        let text = super::arith::split_signs(text).ok_or("an increment after an operand")?;
        brush_parser::arithmetic::parse(&text).map_err(|e| e.to_string())
    })
}

/// Parses by text, remembered: a loop expands the same words and arithmetic on every
/// turn, and a parse depends on the text alone. Shared by all the shell's threads.
struct Memo<T>(Mutex<Option<HashMap<String, Arc<T>>>>);

/// How many parses a memo keeps before it starts again, so that text generated without
/// end (`eval "x$i=1"`) cannot grow it without bound.
const MEMO_ENTRIES: usize = 4096;

impl<T> Memo<T> {
    const fn new() -> Self {
        Memo(Mutex::new(None))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<HashMap<String, Arc<T>>>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn get_or_parse(
        &self,
        text: &str,
        parse: impl FnOnce() -> Result<T, String>,
    ) -> Result<Arc<T>, String> {
        if let Some(parsed) = self.lock().as_ref().and_then(|m| m.get(text)) {
            return Ok(Arc::clone(parsed));
        }
        let parsed = Arc::new(parse()?);
        let mut memo = self.lock();
        let entries = memo.get_or_insert_with(HashMap::new);
        if entries.len() >= MEMO_ENTRIES {
            entries.clear();
        }
        entries.insert(text.to_string(), Arc::clone(&parsed));
        Ok(parsed)
    }
}

/// Whether the text stops in the middle of a command (an open quote, an `if` without its
/// `fi`): an interactive shell then reads more lines before running it.
pub fn is_unfinished(text: &str, reading: Reading<'_>) -> bool {
    parse_exact(text, reading).is_err_and(|error| runs_past_the_end(&error))
}

fn last_line(text: &str) -> usize {
    text.trim_end_matches('\n').lines().count().max(1)
}

fn tokenizer_error(text: &str, error: TokenizerError, reading: Reading<'_>) -> SyntaxError {
    // bash names the line a quote opened on, and for `$(` the line after the text.
    let matching = |quote: &str, line: usize| SyntaxError {
        line,
        message: format!("unexpected EOF while looking for matching `{quote}'"),
        source_line: None,
        discards_line: false,
        in_substitution: false,
    };
    match error {
        TokenizerError::UnterminatedSingleQuote(at) => matching("'", at.line),
        TokenizerError::UnterminatedDoubleQuote(at) => matching("\"", at.line),
        TokenizerError::UnterminatedBackquote(at) => matching("`", at.line),
        TokenizerError::UnterminatedCommandSubstitution | TokenizerError::UnterminatedExpansion => {
            let opened = text.rfind("$(");
            let arithmetic = opened.is_some_and(|at| text[at..].starts_with("$(("));
            if let Some(at) = opened.filter(|_| !arithmetic)
                && let Some(error) = error_inside_substitution(text, at + 2, reading)
            {
                return error;
            }
            // bash reads on to the end, a last line unended counting as ended.
            let end = text.matches('\n').count() + 1 + usize::from(!text.ends_with('\n'));
            matching(")", if arithmetic { last_line(text) } else { end })
        }
        TokenizerError::UnterminatedVariable => {
            let opened = text.rfind("${").map_or(text, |at| &text[..at]);
            matching("}", opened.matches('\n').count() + 1)
        }
        other => SyntaxError {
            line: last_line(text),
            message: format!("syntax error: {other}"),
            source_line: None,
            discards_line: false,
            in_substitution: false,
        },
    }
}

/// A syntax error in the commands of an unended `$(`, which bash, parsing them as it
/// reads, reports before it reaches the end of the text: `echo $(echo a; ( )`.
fn error_inside_substitution(text: &str, body: usize, reading: Reading<'_>) -> Option<SyntaxError> {
    let error = parse_exact(&text[body..], reading).err()?;
    if !error.message.starts_with("syntax error near") {
        return None;
    }
    let line = text[..body].matches('\n').count() + error.line;
    Some(SyntaxError {
        line,
        source_line: text.lines().nth(line - 1).map(str::to_string),
        in_substitution: true,
        ..error
    })
}

fn parser_error(text: &str, tokens: &[Token], error: GrammarError) -> SyntaxError {
    match error {
        GrammarError::TooDeep(at) => SyntaxError {
            line: tokens
                .get(at)
                .map_or(last_line(text), |t| token_span(t).start.line),
            message: format!(
                "syntax error: commands nested too deeply (at most {})",
                grammar::MAX_DEPTH
            ),
            source_line: None,
            discards_line: false,
            in_substitution: false,
        },
        GrammarError::Near(at) | GrammarError::Alias(at) | GrammarError::InArray(at) => {
            let line = tokens
                .get(at)
                .map_or(last_line(text), |t| token_span(t).start.line);
            if let Some(message) = arithmetic_for_error(text, tokens, at) {
                return SyntaxError {
                    line,
                    message,
                    source_line: None,
                    discards_line: false,
                    in_substitution: false,
                };
            }
            SyntaxError {
                line,
                message: match tokens.get(at).map_or("\n", Token::to_str) {
                    "\n" => "syntax error near unexpected token `newline'".into(),
                    token => format!("syntax error near unexpected token `{token}'"),
                },
                source_line: text.lines().nth(line - 1).map(str::to_string),
                discards_line: matches!(error, GrammarError::InArray(_)),
                in_substitution: false,
            }
        }
        GrammarError::EndOfInput => SyntaxError {
            line: last_line(text) + 1,
            message: END_OF_FILE.into(),
            source_line: None,
            discards_line: false,
            in_substitution: false,
        },
    }
}

/// bash's words for a `for ((...))` whose parentheses do not hold three expressions
/// (`for ((i=0))`, `for ((;;;))`), when that is what the parser stopped at: two lines.
fn arithmetic_for_error(text: &str, tokens: &[Token], at: usize) -> Option<String> {
    let word = |index: usize| tokens.get(index).map(Token::to_str);
    if at == 0 || word(at - 1) != Some("for") || word(at) != Some("(") || word(at + 1) != Some("(")
    {
        return None;
    }
    let start = token_span(&tokens[at]).start.index;
    let bytes = text.as_bytes();
    let (mut depth, mut quote, mut semicolons) = (0usize, None, 0);
    let mut at = start;
    while at < bytes.len() {
        let byte = bytes[at];
        match quote {
            Some(open) if byte == open => quote = None,
            Some(_) => {}
            None => match byte {
                b'\'' | b'"' => quote = Some(byte),
                b'(' => depth += 1,
                b')' => {
                    depth = depth.checked_sub(1)?;
                    if depth == 0 {
                        break;
                    }
                }
                b';' if depth == 2 => semicolons += 1,
                _ => {}
            },
        }
        at += 1;
    }
    let problem = match semicolons {
        0 | 1 => "arithmetic expression required",
        2 => return None,
        _ => "`;' unexpected",
    };
    let written = text.get(start..=at)?;
    Some(format!(
        "syntax error: {problem}\nsyntax error: `{written}'"
    ))
}

/// The line that opens more here-documents than bash lets one line wait for (16), if
/// one does.
fn too_many_documents(tokens: &[Token]) -> Option<usize> {
    const MOST: usize = 16;
    let mut counted = (0, 0);
    for token in tokens {
        let Token::Operator(operator, span) = token else {
            continue;
        };
        if operator != "<<" && operator != "<<-" {
            continue;
        }
        let line = span.start.line;
        counted = match counted {
            (at, count) if at == line => (at, count + 1),
            _ => (line, 1),
        };
        if counted.1 > MOST {
            return Some(line);
        }
    }
    None
}

/// A token `lines` lines further down.
fn moved_down(token: &Token, lines: usize) -> Token {
    repositioned(token, |at| brush_parser::SourcePosition {
        line: at.line + lines,
        ..at.clone()
    })
}

/// A token with each end of its span put where `place` says.
pub(crate) fn repositioned(
    token: &Token,
    place: impl Fn(&brush_parser::SourcePosition) -> brush_parser::SourcePosition,
) -> Token {
    let span = |s: &brush_parser::SourceSpan| brush_parser::SourceSpan {
        start: Arc::new(place(&s.start)),
        end: Arc::new(place(&s.end)),
    };
    match token {
        Token::Word(text, s) => Token::Word(text.clone(), span(s)),
        Token::Operator(text, s) => Token::Operator(text.clone(), span(s)),
    }
}

fn token_span(token: &Token) -> &brush_parser::SourceSpan {
    match token {
        Token::Operator(_, span) | Token::Word(_, span) => span,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unterminated_quotes_read_like_bash() {
        let e = parse("echo \"abc").unwrap_err();
        assert_eq!(e.message, "unexpected EOF while looking for matching `\"'");
        assert_eq!(e.line, 1);
    }

    #[test]
    fn unexpected_token_is_named_with_its_line() {
        let e = parse("echo ok\nif true; then\necho x\nfi fi\n").unwrap_err();
        assert_eq!(e.message, "syntax error near unexpected token `fi'");
        assert_eq!(e.line, 4);
        assert_eq!(e.source_line.as_deref(), Some("fi fi"));
    }

    #[test]
    fn closing_word_without_opener_is_named() {
        let e = parse("echo a; fi").unwrap_err();
        assert_eq!(e.message, "syntax error near unexpected token `fi'");
        let e = parse("while true; do echo; done; done").unwrap_err();
        assert_eq!(e.message, "syntax error near unexpected token `done'");
        let e = parse("if true; then echo").unwrap_err();
        assert_eq!(e.message, "syntax error: unexpected end of file");
    }

    #[test]
    fn unfinished_commands_are_told_apart_from_wrong_ones() {
        assert!(is_unfinished("echo 'open", Reading::PLAIN));
        assert!(is_unfinished("if true; then", Reading::PLAIN));
        assert!(is_unfinished("for i in 1 2; do\necho $i", Reading::PLAIN));
        assert!(!is_unfinished("echo done", Reading::PLAIN));
        assert!(is_unfinished("cat <<EOF\nbody", Reading::PLAIN));
        assert!(parse("cat <<EOF\nbody").is_ok());
        assert!(!is_unfinished("echo a; fi", Reading::PLAIN));
    }

    #[test]
    fn pipelines_parse() {
        assert!(parse("seq 1 10 | wc -l; echo 'a b' \"c\"").is_ok());
    }
}
