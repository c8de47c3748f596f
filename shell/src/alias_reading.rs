//! Aliases expanded as bash expands them: while the text is read, before it is parsed
//! into commands. A word where a command begins that is an alias is replaced by the
//! tokens of its text, so an alias can make syntax (`alias LEFT='{'`, `alias FOR='for '`),
//! and a function's body holds its aliases' text. The grammar stops at such a word
//! (`GrammarError::Alias`); the tokens are spliced here and the complete command is
//! parsed again from its start.

use super::grammar::{Aliases, GrammarError, Parser};
use brush_parser::ast::Program;
use brush_parser::{SourcePosition, SourceSpan, Token, TokenizerError, TokenizerOptions};
use std::collections::BTreeMap;

/// Why text with aliases did not parse.
pub(super) enum ReadError {
    Grammar(GrammarError),
    /// An alias's text, with the text after it, leaves a quote open (`alias e='echo "'`).
    Tokens(TokenizerError),
}

/// Parses the tokens of `source` into a program, expanding the aliases of `table` where
/// commands begin. `tokens` ends as the tokens parsed, aliases replaced, for the error
/// messages.
pub(super) fn parse_program(
    source: &str,
    tokens: &mut Vec<Token>,
    table: &BTreeMap<String, String>,
    options: &TokenizerOptions,
) -> Result<Program, ReadError> {
    let mut expander = Expander {
        source,
        table,
        options,
        expansions: Vec::new(),
    };
    let mut complete_commands = Vec::new();
    let mut start = 0;
    loop {
        let mut parser = Parser::new(tokens);
        parser.aliases = Some(&expander);
        match parser.program(&mut complete_commands, &mut start) {
            Err(GrammarError::Alias(index)) => {
                expander.splice(tokens, index).map_err(ReadError::Tokens)?
            }
            Err(error) => return Err(ReadError::Grammar(error)),
            Ok(()) => return Ok(Program { complete_commands }),
        }
    }
}

/// `text` with its first word replaced by that alias's text, when it is an alias whose
/// text leaves a quote open: bash reads such text as if written in the alias's place,
/// where the rest of the text can close the quote, which tokens read apart cannot.
pub(super) fn first_word_replaced(text: &str, table: &BTreeMap<String, String>) -> Option<String> {
    let mut start = 0;
    loop {
        let rest = &text[start..];
        let blank = rest.len() - rest.trim_start().len();
        start += blank;
        if !text[start..].starts_with('#') {
            break;
        }
        start += text[start..].find('\n')?;
    }
    let length = text[start..]
        .find(|c: char| c.is_whitespace() || ";&|<>()'\"`\\$".contains(c))
        .unwrap_or(text.len() - start);
    let value = table.get(&text[start..start + length])?;
    let options = brush_parser::TokenizerOptions::default();
    let error = super::syntax::tokenize_guarded(value, &options).err()?;
    if !left_open(&error) {
        return None;
    }
    Some(format!(
        "{}{value}{}",
        &text[..start],
        &text[start + length..]
    ))
}

/// Tokens that came from an alias's text, and the aliases they came through: inside its
/// own text an alias is not expanded again, so `alias ls='ls -F'` ends.
struct Expansion {
    start: usize,
    end: usize,
    names: Vec<String>,
}

impl Expansion {
    fn holds(&self, index: usize) -> bool {
        self.start <= index && index < self.end
    }
}

struct Expander<'a> {
    source: &'a str,
    table: &'a BTreeMap<String, String>,
    /// The tokenizer's options for the text around: alias text is read with them too.
    options: &'a TokenizerOptions,
    expansions: Vec<Expansion>,
}

impl Aliases for Expander<'_> {
    fn expands(&self, index: usize, word: &str) -> bool {
        self.table.contains_key(word)
            && !self
                .expansions
                .iter()
                .any(|e| e.holds(index) && e.names.iter().any(|n| n == word))
    }
}

impl Expander<'_> {
    /// Replaces the alias at `index` by the tokens of its text. When the text of an
    /// alias written in the text read (not one an alias's text led to) ends in a blank,
    /// the word after it is expanded too if it is an alias, as in bash (`alias
    /// sudo='sudo '`).
    fn splice(&mut self, tokens: &mut Vec<Token>, index: usize) -> Result<(), TokenizerError> {
        let Some(Token::Word(name, span)) = tokens.get(index).cloned() else {
            return Ok(());
        };
        let text = self.table.get(&name).cloned().unwrap_or_default();
        let mut names: Vec<String> = self
            .expansions
            .iter()
            .filter(|e| e.holds(index))
            .flat_map(|e| e.names.iter().cloned())
            .collect();
        let written = names.is_empty();
        names.push(name);
        let alias_tokens = super::syntax::tokenize_guarded(&text, self.options);
        let reads_on = match &alias_tokens {
            Ok(_) => text.contains('#'),
            Err(error) => left_open(error),
        };
        let replacement = match alias_tokens {
            Ok(alias_tokens) if !reads_on => {
                alias_tokens.iter().map(|t| placed(t, &span)).collect()
            }
            // Text that leaves a quote open, or may open a comment, is read on into what
            // follows it, as bash reads it: where a quote is not closed there either, it
            // is a syntax error.
            _ => {
                let rest: String = self.source.chars().skip(span.end.index).collect();
                let joined = format!("{text}{rest}");
                let joined = super::syntax::tokenize_guarded(&joined, self.options)
                    .map_err(|error| on_line(error, span.start.line))?;
                if written && reads_on {
                    self.read_on(tokens, index, joined, &text, names);
                    return Ok(());
                }
                // Inside another alias's text (or where the text holds what bash would
                // read from the lines after it, such as a here-document), the word stays
                // as it was.
                vec![tokens[index].clone()]
            }
        };
        let count = replacement.len();
        for expansion in &mut self.expansions {
            if expansion.start > index {
                expansion.start = expansion.start + count - 1;
            }
            if expansion.end > index {
                expansion.end = expansion.end + count - 1;
            }
        }
        tokens.splice(index..=index, replacement);
        let this = self.expansions.len();
        self.expansions.push(Expansion {
            start: index,
            end: index + count,
            names,
        });
        // The text's first word is looked up again, as bash reads it anew (`bar` →
        // `baz` → `quux`), even where no command begins.
        if let Some(Token::Word(word, _)) = tokens.get(index)
            && self.expands(index, word)
        {
            self.splice(tokens, index)?;
        }
        let next = self.expansions[this].end;
        if written
            && text.ends_with([' ', '\t'])
            && let Some(Token::Word(word, _)) = tokens.get(next)
            && self.expands(next, word)
        {
            self.splice(tokens, next)?;
        }
        Ok(())
    }
}

impl Expander<'_> {
    /// The alias at `index`, written in the text read, replaced by `joined`: the tokens
    /// of its text read on into the rest of the text (a quote it opens closes there), so
    /// that everything after it is read again.
    fn read_on(
        &mut self,
        tokens: &mut Vec<Token>,
        index: usize,
        joined: Vec<Token>,
        text: &str,
        names: Vec<String>,
    ) {
        let Some(Token::Word(_, span)) = tokens.get(index).cloned() else {
            return;
        };
        let own = text.chars().count();
        let line_starts: Vec<usize> = std::iter::once(0)
            .chain(
                self.source
                    .chars()
                    .enumerate()
                    .filter(|(_, c)| *c == '\n')
                    .map(|(i, _)| i + 1),
            )
            .collect();
        // A place in the alias's text is on the alias's line; a place after it, where
        // that text was in the source.
        let place = |position: &SourcePosition| {
            if position.index < own {
                return SourcePosition {
                    index: span.start.index + position.index,
                    line: span.start.line,
                    column: span.start.column + position.index,
                };
            }
            let index = span.end.index + position.index - own;
            let line = line_starts.partition_point(|&start| start <= index);
            SourcePosition {
                index,
                line,
                column: index - line_starts[line - 1] + 1,
            }
        };
        let count = joined
            .iter()
            .filter(|token| start_index(token) < own)
            .count();
        tokens.truncate(index);
        tokens.extend(
            joined
                .iter()
                .map(|token| super::syntax::repositioned(token, place)),
        );
        self.expansions.retain(|expansion| expansion.start < index);
        self.expansions.push(Expansion {
            start: index,
            end: index + count,
            names,
        });
    }
}

/// Whether text ended inside quotes, which the text after it may close, or in a
/// backslash, which escapes the character after it.
fn left_open(error: &TokenizerError) -> bool {
    matches!(
        error,
        TokenizerError::UnterminatedSingleQuote(_)
            | TokenizerError::UnterminatedDoubleQuote(_)
            | TokenizerError::UnterminatedAnsiCQuote(_)
            | TokenizerError::UnterminatedBackquote(_)
            | TokenizerError::UnterminatedEscapeSequence
    )
}

fn start_index(token: &Token) -> usize {
    match token {
        Token::Operator(_, span) | Token::Word(_, span) => span.start.index,
    }
}

/// A token of an alias's text, placed where the alias's name was: on its line (for
/// `$LINENO` and error messages), and as far from its start as in the text, so that
/// tokens written together (`a=(`) stay together.
fn placed(token: &Token, at: &SourceSpan) -> Token {
    super::syntax::repositioned(token, |position| SourcePosition {
        index: at.start.index + position.index,
        line: at.start.line,
        column: at.start.column + position.index,
    })
}

/// A tokenizer error in an alias's text read on into what follows: its line counted from
/// the alias's.
fn on_line(error: TokenizerError, line: usize) -> TokenizerError {
    let moved = |at: SourcePosition| SourcePosition {
        line: line + at.line - 1,
        ..at
    };
    match error {
        TokenizerError::UnterminatedSingleQuote(at) => {
            TokenizerError::UnterminatedSingleQuote(moved(at))
        }
        TokenizerError::UnterminatedDoubleQuote(at) => {
            TokenizerError::UnterminatedDoubleQuote(moved(at))
        }
        TokenizerError::UnterminatedBackquote(at) => {
            TokenizerError::UnterminatedBackquote(moved(at))
        }
        other => other,
    }
}
