//! `[[ $x == @(a|b) ]]`: bash reads the pattern after `==`, `=` or `!=` in a conditional
//! command with the extglob forms whether `shopt extglob` is on or not (its parser's
//! `PST_EXTPAT`); everywhere else they are words only with extglob on, and without it
//! `!(` is `!` before a subshell. Text read without extglob that holds a conditional
//! command is tokenized both ways, and such patterns are taken from the reading with
//! extglob.

use brush_parser::Token;

/// Whether the tokens hold a conditional command, where a pattern may read differently.
pub(super) fn has_conditional(tokens: &[Token]) -> bool {
    tokens
        .iter()
        .any(|t| matches!(t, Token::Word(w, _) if w == "[["))
}

/// `plain`, read without extglob, with each pattern of a `[[ ... == PATTERN ]]` that
/// `extended` (the same text read with extglob) holds as one word put in place of the
/// tokens `plain` made of its text.
pub(super) fn keep_patterns(plain: Vec<Token>, extended: &[Token]) -> Vec<Token> {
    let patterns = condition_patterns(extended);
    if patterns.is_empty() {
        return plain;
    }
    let mut kept = Vec::with_capacity(plain.len());
    let mut tokens = plain.into_iter().peekable();
    for pattern in patterns {
        let (start, end) = span(pattern);
        while let Some(token) = tokens.next_if(|t| span(t).0 < start) {
            kept.push(token);
        }
        // Where the two readings do not start a token at the same place, the plain one
        // stands.
        if tokens.peek().is_some_and(|t| span(t).0 == start) {
            while tokens.next_if(|t| span(t).0 < end).is_some() {}
            kept.push(pattern.clone());
        }
    }
    kept.extend(tokens);
    kept
}

/// The words after `==`, `=` or `!=` inside `[[ ... ]]` that hold an extglob group.
fn condition_patterns(tokens: &[Token]) -> Vec<&Token> {
    let mut inside = false;
    let mut found = Vec::new();
    for (at, token) in tokens.iter().enumerate() {
        let Token::Word(word, _) = token else {
            continue;
        };
        match word.as_str() {
            "[[" => inside = true,
            "]]" => inside = false,
            _ if inside && follows_match_operator(&tokens[..at]) && has_group(word) => {
                found.push(token)
            }
            _ => {}
        }
    }
    found
}

fn follows_match_operator(before: &[Token]) -> bool {
    matches!(before.last(), Some(Token::Word(op, _)) if matches!(op.as_str(), "==" | "=" | "!="))
}

fn has_group(word: &str) -> bool {
    ["@(", "!(", "*(", "?(", "+("]
        .iter()
        .any(|form| word.contains(form))
}

fn span(token: &Token) -> (usize, usize) {
    let (Token::Word(_, span) | Token::Operator(_, span)) = token;
    (span.start.index, span.end.index)
}
