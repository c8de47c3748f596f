//! bash 5.2 reads the commands of each `$(...)` when it reads the command that holds it:
//! a syntax error inside one is that command's (reported on its line, with the line
//! shown, and nothing of it run), not an error of the substitution when it is expanded.

use super::syntax::{self, END_OF_FILE, Reading};
use brush_parser::Token;
use brush_parser::word::{WordPiece, WordPieceWithSource};

/// The first syntax error inside a command substitution of the words among `tokens`:
/// its line and bash's words for it.
pub(super) fn first_error(tokens: &[Token], reading: Reading<'_>) -> Option<(usize, String)> {
    tokens.iter().enumerate().find_map(|(index, token)| {
        let Token::Word(text, span) = token else {
            return None;
        };
        // A here-document's body (after its operator and tag) is read when it is used.
        let is_document = index >= 2
            && matches!(&tokens[index - 2], Token::Operator(o, _) if o == "<<" || o == "<<-");
        if is_document || !text.contains("$(") {
            return None;
        }
        let pieces = syntax::parse_word(text, false).ok()?;
        let (line, message) = error_in(&pieces, reading)?;
        Some((span.start.line + line - 1, message))
    })
}

/// The first error in the substitutions among a word's pieces: the line in the word.
fn error_in(pieces: &[WordPieceWithSource], reading: Reading<'_>) -> Option<(usize, String)> {
    pieces.iter().find_map(|piece| match &piece.piece {
        WordPiece::CommandSubstitution(commands) => {
            // (Its here-documents' bodies come as the reading of the whole text wrote
            // them: see `substitution_cases`.)
            let commands = &super::substitution_cases::decode_document(commands);
            let error = syntax::parse_lines(commands, reading, 0).err()?;
            // The `)` ends the text where bash meets it.
            if error.message == END_OF_FILE {
                let line = commands.matches('\n').count() + 1;
                return Some((line, "syntax error near unexpected token `)'".into()));
            }
            // Only errors in the grammar: the text was cut from its word without the
            // tokenizer's knowledge of quotes and here-documents across lines, which the
            // reading of the whole text had.
            error
                .message
                .starts_with("syntax error near unexpected token")
                .then_some((error.line, error.message))
        }
        WordPiece::DoubleQuotedSequence(inner) => error_in(inner, reading),
        _ => None,
    })
}
