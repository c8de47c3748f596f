//! Blanks inside `${...}` (`${v%a  b}`, `${u-x<TAB>y}`): brush-parser's tokenizer reads what
//! is between the braces as tokens of its own and joins them with one space, so runs of
//! blanks, tabs and newlines there came out as a single space. bash keeps them as
//! written. This pass takes such words from the source text again.

use brush_parser::Token;

/// Gives back, in `tokens` read from `text`, the blanks of each word with a `${`.
pub(super) fn restore(text: &str, tokens: &mut [Token]) {
    if !tokens
        .iter()
        .any(|t| matches!(t, Token::Word(w, _) if w.contains("${")))
    {
        return;
    }
    let chars: Vec<char> = text.chars().collect();
    for token in tokens.iter_mut() {
        let Token::Word(word, span) = token else {
            continue;
        };
        if !word.contains("${") {
            continue;
        }
        let Some(source) = chars.get(span.start.index..span.end.index) else {
            continue;
        };
        let source: String = source.iter().collect();
        // Only where the blanks are all that differ: the tokenizer's other changes (a
        // line continuation taken out) stand.
        let unblanked = |s: &str| {
            s.chars()
                .filter(|c| !matches!(c, ' ' | '\t' | '\n'))
                .collect::<String>()
        };
        if source != *word && unblanked(&source) == unblanked(word) {
            *word = source;
        }
    }
}
