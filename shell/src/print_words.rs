//! Words in printed commands (`declare -f`, `type`, `jobs`): bash keeps a word as it
//! read it, except what it parsed inside (a `$(...)`'s commands, a `$'...'` string),
//! which it prints in its own forms.

use brush_parser::word::{WordPiece, WordPieceWithSource};

/// A word as bash prints it: each `$(...)` in it (outside `${...}`) holds its commands
/// printed in bash's layout (`$( echo  a )` is `$(echo a)`), and each `$'...'` is in
/// single quotes with its escapes decoded, as bash keeps it once read; the rest as
/// written.
pub(super) fn word_text(text: &str) -> String {
    let Ok(pieces) = crate::word::parse(text, false) else {
        return text.to_string();
    };
    let mut replacements = Vec::new();
    collect_replacements(&pieces, &mut replacements);
    let mut out = text.to_string();
    for (start, end, replacement) in replacements.into_iter().rev() {
        if let Some(replacement) = replacement
            && out.is_char_boundary(start)
            && out.is_char_boundary(end)
        {
            out.replace_range(start..end, &replacement);
        }
    }
    out
}

/// Where each piece to print anew is, and its new text (None: it stays as written).
fn collect_replacements(
    pieces: &[WordPieceWithSource],
    found: &mut Vec<(usize, usize, Option<String>)>,
) {
    for piece in pieces {
        let new_text = match &piece.piece {
            WordPiece::CommandSubstitution(command) => super::print::substitution_text(command),
            WordPiece::AnsiCQuotedText(escaped) => {
                let decoded = crate::expand::ansi_c_unquote(escaped, true);
                Some(format!("'{}'", decoded.replace('\'', "'\\''")))
            }
            WordPiece::DoubleQuotedSequence(inner)
            | WordPiece::GettextDoubleQuotedSequence(inner) => {
                collect_replacements(inner, found);
                continue;
            }
            _ => continue,
        };
        found.push((piece.start_index, piece.end_index, new_text));
    }
}
