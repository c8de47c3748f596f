//! Blanks inside `${...}` (`${v%a  b}`, `${u-x<TAB>y}`): brush-parser's tokenizer reads what
//! is between the braces as tokens of its own and joins them with one space, so runs of
//! blanks, tabs and newlines there came out as a single space. bash keeps them as
//! written. This pass takes such words from the source text again. With a here-document
//! pending on the line (`cat <<EOF > ${f}`), the tokenizer even lets those inner tokens
//! out ahead of the word, which it leaves as `${}`: they are dropped and the word is
//! taken from the source too.

use brush_parser::Token;

/// Gives back, in `tokens` read from `text`, the blanks of each word with a `${`.
pub(super) fn restore(text: &str, tokens: &mut Vec<Token>) {
    if !tokens
        .iter()
        .any(|t| matches!(t, Token::Word(w, _) if w.contains("${")))
    {
        return;
    }
    drop_leaked(text, tokens);
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
        // The span may take in the blank before the word (after a here-document's tag).
        let source = source.trim_start_matches([' ', '\t', '\n']);
        if source != *word && unblanked(source) == unblanked(word) {
            *word = source.to_string();
        }
    }
}

/// Drops the tokens that lie inside a later `${...}` word's span, and takes that word
/// from the source.
fn drop_leaked(text: &str, tokens: &mut Vec<Token>) {
    let span_of = |token: &Token| match token {
        Token::Word(_, span) | Token::Operator(_, span) => (span.start.index, span.end.index),
    };
    let mut leaked = vec![false; tokens.len()];
    for (at, token) in tokens.iter().enumerate() {
        let Token::Word(word, _) = token else {
            continue;
        };
        if !word.contains("${") {
            continue;
        }
        let (start, end) = span_of(token);
        for earlier in (0..at).rev() {
            let (inner_start, inner_end) = span_of(&tokens[earlier]);
            if inner_start < start || inner_end > end || inner_end <= inner_start {
                break;
            }
            leaked[earlier] = true;
        }
    }
    if !leaked.contains(&true) {
        return;
    }
    let chars: Vec<char> = text.chars().collect();
    for (at, token) in tokens.iter_mut().enumerate() {
        if let Token::Word(word, span) = token
            && !leaked[at]
            && at > 0
            && leaked[at - 1]
            && let Some(source) = chars.get(span.start.index..span.end.index)
        {
            // The span may take in the blank before the word.
            let source: String = source.iter().collect();
            *word = source.trim_matches([' ', '\t', '\n']).to_string();
        }
    }
    let mut index = 0;
    tokens.retain(|_| {
        index += 1;
        !leaked[index - 1]
    });
}
