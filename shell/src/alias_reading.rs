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
        // Text that leaves a quote open is read on into what follows it, as bash reads
        // it: where that does not close the quote either, it is a syntax error; where
        // it does, the word stays as it was.
        let replacement = match super::syntax::tokenize_guarded(&text, self.options) {
            Ok(alias_tokens) => alias_tokens.iter().map(|t| placed(t, &span)).collect(),
            Err(_) => {
                let rest: String = self.source.chars().skip(span.end.index).collect();
                let joined = format!("{text}{rest}");
                if let Err(error) = super::syntax::tokenize_guarded(&joined, self.options) {
                    return Err(on_line(error, span.start.line));
                }
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
