//! Array assignments whose subscript has blanks in it (`a[1 + 2]=x`, `a[ i ]+=y`,
//! `a=([foo bar]=x)`): bash's reader keeps reading such a word through the blanks up to
//! the `]` that closes its subscript, when `=` or `+=` follows and the word starts a
//! command or is an element of a compound assignment; brush-parser's tokenizer splits it
//! at the blanks. This pass joins the pieces back into one word.

use brush_parser::{SourceSpan, Token};

/// Operators after which a redirection's target word follows.
const REDIRECTIONS: [&str; 11] = [
    "<", ">", ">>", "<<", "<<-", "<<<", "<&", ">&", "<>", ">|", "&>",
];

/// Words after which a command still starts.
const KEYWORDS: [&str; 10] = [
    "if", "then", "else", "elif", "do", "while", "until", "!", "{", "time",
];

/// Joins, in `tokens` read from `text`, each assignment word that starts a command and
/// was split inside its subscript.
pub(super) fn join_spaced_subscripts(text: &str, tokens: &mut Vec<Token>) {
    // Only words with an unclosed `[` can need it; most texts have none.
    if !tokens
        .iter()
        .any(|t| matches!(t, Token::Word(w, _) if opens_subscript(w) || opens_element(w)))
    {
        return;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut at_command_start = true;
    let mut after_redirection = false;
    // Inside the parentheses of `name=(...)`.
    let mut in_array = false;
    let mut at = 0;
    while at < tokens.len() {
        match &tokens[at] {
            Token::Operator(op, _) if in_array => in_array = op != ")",
            Token::Operator(op, _) => {
                after_redirection = REDIRECTIONS.contains(&op.as_str());
                if !after_redirection {
                    at_command_start = true;
                }
            }
            Token::Word(..) if after_redirection => after_redirection = false,
            Token::Word(word, _) if in_array => {
                if opens_element(word) {
                    join_assignment(&chars, tokens, at);
                }
            }
            Token::Word(word, _) if at_command_start => {
                if opens_subscript(word) {
                    join_assignment(&chars, tokens, at);
                }
                let Token::Word(word, _) = &tokens[at] else {
                    unreachable!("a word stays a word")
                };
                at_command_start = KEYWORDS.contains(&word.as_str()) || is_assignment(word);
            }
            Token::Word(..) => {}
        }
        // `name=(` (also an argument of `declare`) opens a compound assignment.
        if let Token::Word(word, span) = &tokens[at]
            && word.ends_with('=')
            && is_assignment(word)
            && let Some(Token::Operator(op, next)) = tokens.get(at + 1)
            && op == "("
            && next.start.index == span.end.index
        {
            in_array = true;
            at += 1;
        }
        at += 1;
    }
}

/// Joins the word at `at`, split inside its subscript, with the pieces up to the `=` or
/// `+=` after the subscript, when there is one.
fn join_assignment(chars: &[char], tokens: &mut Vec<Token>, at: usize) {
    let Token::Word(_, span) = &tokens[at] else {
        return;
    };
    if let Some(end) = assignment_end(chars, span.start.index)
        && let Some(last) = (at..tokens.len()).find(|&t| span_of(&tokens[t]).end.index >= end)
        && tokens[at..=last].iter().all(inside_subscript)
    {
        let end = span_of(&tokens[last]).end.clone();
        let start = span.start.clone();
        let joined: String = chars[start.index..end.index].iter().collect();
        let joined = parenthesize_nested(&joined);
        tokens.splice(at..=last, [Token::Word(joined, SourceSpan { start, end })]);
    }
}

/// brush-parser reads a subscript's nested `NAME[...]` only at its very start, so one
/// with blanks before it (`a[ i[1] + 1 ]=x`) goes in parentheses, where it reads the
/// whole expression (and an index's value is the same).
fn parenthesize_nested(word: &str) -> String {
    let open = word.find('[').unwrap_or_default();
    let Some(close) = super::assign::closing_bracket(word) else {
        return word.to_string();
    };
    let subscript = &word[open + 1..close];
    if !subscript.contains('[') {
        return word.to_string();
    }
    format!("{}[({subscript})]{}", &word[..open], &word[close + 1..])
}

/// A token that can be part of a subscript: a word, or an operator that is only text
/// there (`&`, `|`, parentheses); never a line or command end.
fn inside_subscript(token: &Token) -> bool {
    match token {
        Token::Word(..) => true,
        Token::Operator(op, _) => matches!(op.as_str(), "&" | "|" | "&&" | "||" | "(" | ")"),
    }
}

fn span_of(token: &Token) -> &SourceSpan {
    match token {
        Token::Operator(_, span) | Token::Word(_, span) => span,
    }
}

/// `[` with the bracket left open: an element of a compound assignment (`[foo bar]=x`).
fn opens_element(word: &str) -> bool {
    word.starts_with('[') && bracket_depth(word) > 0
}

/// `NAME[` with the bracket left open in the word.
fn opens_subscript(word: &str) -> bool {
    let Some(open) = word.find('[') else {
        return false;
    };
    is_name(&word[..open]) && bracket_depth(&word[open..]) > 0
}

fn is_name(text: &str) -> bool {
    let mut chars = text.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn bracket_depth(text: &str) -> i32 {
    text.chars().fold(0, |depth, c| match c {
        '[' => depth + 1,
        ']' => depth - 1,
        _ => depth,
    })
}

/// Where the word of an assignment starting at `start` ends: past the `]` that closes the
/// subscript and the `=` or `+=` after it. None when no such `]`, or no `=`, follows (bash
/// then reads words, as here) or a line ends first.
fn assignment_end(chars: &[char], start: usize) -> Option<usize> {
    let mut depth = 0;
    let mut at = start;
    while let Some(&c) = chars.get(at) {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    let rest = &chars[at + 1..];
                    return match rest {
                        ['=', ..] => Some(at + 2),
                        ['+', '=', ..] => Some(at + 3),
                        _ => None,
                    };
                }
            }
            // Operators are text inside a subscript (`a[5&3]=x`), but a line or a
            // `;` still ends the command.
            '\n' | ';' => return None,
            _ => {}
        }
        at += 1;
    }
    None
}

/// `NAME=...`, `NAME+=...` or `NAME[...]=...`.
fn is_assignment(word: &str) -> bool {
    let Some(equals) = word.find('=') else {
        return false;
    };
    let left = word[..equals].trim_end_matches('+');
    match left.find('[') {
        Some(open) => is_name(&left[..open]) && left.ends_with(']'),
        None => is_name(left),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let options = brush_parser::ParserOptions::default().tokenizer_options();
        let mut tokens = brush_parser::tokenize_str_with_options(text, &options).unwrap();
        join_spaced_subscripts(text, &mut tokens);
        tokens.iter().map(|t| t.to_str().to_string()).collect()
    }

    #[test]
    fn an_assignment_keeps_its_subscript_whole() {
        assert_eq!(words("a[1 + 2]=x"), ["a[1 + 2]=x"]);
        assert_eq!(words("b=1 a[ i ]+=y cmd"), ["b=1", "a[ i ]+=y", "cmd"]);
        assert_eq!(words("if a[ 1 ]=z; then"), ["if", "a[ 1 ]=z", ";", "then"]);
        assert_eq!(words("c[ i[1] + 1 ]=3"), ["c[( i[1] + 1 )]=3"]);
        assert_eq!(words("a[5&3]=x; a[1|2]=y"), ["a[5&3]=x", ";", "a[1|2]=y"]);
        assert_eq!(words("a[(1+2)*3]=9"), ["a[(1+2)*3]=9"]);
    }

    #[test]
    fn an_element_of_a_compound_assignment_keeps_its_subscript_whole() {
        assert_eq!(
            words("w=([six]=6 [foo bar]=\"q x\" )"),
            ["w=", "(", "[six]=6", "[foo bar]=\"q x\"", ")"]
        );
        assert_eq!(
            words("a+=([1 + 1]=x) b"),
            ["a+=", "(", "[1 + 1]=x", ")", "b"]
        );
        assert_eq!(
            words("declare -A m=([a b]=c)"),
            ["declare", "-A", "m=", "(", "[a b]=c", ")"]
        );
        assert_eq!(words("echo [a b]=c"), ["echo", "[a", "b]=c"]);
    }

    #[test]
    fn arguments_and_commands_stay_split() {
        assert_eq!(words("echo a[1 + 2]=x"), ["echo", "a[1", "+", "2]=x"]);
        assert_eq!(words("a[5 + 3]"), ["a[5", "+", "3]"]);
        assert_eq!(words("cat > a[1 ]=x"), ["cat", ">", "a[1", "]=x"]);
    }
}
