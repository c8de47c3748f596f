//! The words of a history line as history expansion counts them (`!!:2`, `!$`, the word
//! a `!?string?` search found): split where the shell would split them, a quoted string,
//! a `$(...)` or an operator being one word each, as readline's `history_tokenize`.

/// Characters that end a word outside quotes.
pub(super) const WORD_DELIMITERS: &str = " \t\n;&()|<>";

fn is_field_delimiter(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n')
}

/// The spans of the words of `line`; a word starting with the comment character ends
/// the line.
pub(super) fn word_spans(line: &[char], comment: char) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut at = 0;
    while at < line.len() {
        while at < line.len() && is_field_delimiter(line[at]) {
            at += 1;
        }
        if at == line.len() || line[at] == comment {
            break;
        }
        let start = at;
        at = word_end(line, start);
        if at == start {
            // A run of delimiters that are not blanks is a word of its own.
            at += 1;
            while at < line.len() && WORD_DELIMITERS.contains(line[at]) {
                at += 1;
            }
        }
        spans.push((start, at));
    }
    spans
}

/// The words of `line`.
pub(super) fn words(line: &[char], comment: char) -> Vec<String> {
    word_spans(line, comment)
        .into_iter()
        .map(|(start, end)| line[start..end].iter().collect())
        .collect()
}

/// The word of `line` that holds the character at `index`, if a word does.
pub(super) fn word_at(line: &[char], index: usize, comment: char) -> Option<String> {
    word_spans(line, comment)
        .into_iter()
        .find(|&(start, end)| (start..end).contains(&index))
        .map(|(start, end)| line[start..end].iter().collect())
}

/// Where the word starting at `start` ends.
pub(super) fn word_end(s: &[char], start: usize) -> usize {
    let at = |i: usize| s.get(i).copied().unwrap_or('\0');
    let mut i = start;
    // Inside `(...)` of a substitution or an extglob group: the closing character and
    // how deep the group is.
    let mut closing = None;
    let mut depth = 0usize;
    if matches!(at(i), '(' | ')' | '\n') {
        return i + 1;
    }
    let mut operator = true;
    if at(i).is_ascii_digit() {
        let mut j = i;
        while at(j).is_ascii_digit() {
            j += 1;
        }
        if j == s.len() {
            return j;
        }
        // Digits before `<` or `>` name a descriptor; before anything else they
        // begin a word.
        operator = matches!(at(j), '<' | '>');
        i = j;
    }
    if operator && matches!(at(i), '<' | '>' | ';' | '&' | '|') {
        let (c, peek) = (at(i), at(i + 1));
        if peek == c {
            if c == '<' && matches!(at(i + 2), '-' | '<') {
                i += 1;
            }
            return i + 2;
        }
        if peek == '&' && matches!(c, '<' | '>') {
            let mut j = i + 2;
            while at(j).is_ascii_digit() {
                j += 1;
            }
            return j + usize::from(at(j) == '-');
        }
        if (peek == '>' && c == '&') || (peek == '|' && c == '>') {
            return i + 2;
        }
        if peek != '(' || !matches!(c, '<' | '>') {
            return i + 1;
        }
        // A process substitution is one word.
        i += 2;
        closing = Some(')');
        depth = 1;
    }
    if closing.is_none() && matches!(at(i), '"' | '\'' | '`') {
        closing = Some(at(i));
        i += 1;
    }
    while i < s.len() {
        let c = s[i];
        if c == '\\' && (closing != Some('\'') || at(i + 1) == '\n') {
            i += 2;
            continue;
        }
        if depth > 0 && c == '(' {
            depth += 1;
        } else if depth > 0 && Some(c) == closing {
            depth -= 1;
            if depth == 0 {
                closing = None;
            }
        } else if closing.is_some() && Some(c) == closing {
            closing = None;
        } else if closing.is_none() && "<>$!@?+*".contains(c) && at(i + 1) == '(' {
            // A command or process substitution, or an extglob group. Readline steps
            // over the character after the parenthesis too.
            i += 3;
            closing = Some(')');
            depth = 1;
            continue;
        } else if closing.is_none() && WORD_DELIMITERS.contains(c) {
            break;
        } else if closing.is_none() && matches!(c, '"' | '\'' | '`') {
            closing = Some(c);
        }
        i += 1;
    }
    i.min(s.len())
}
