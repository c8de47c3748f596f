//! Text objects after an operator (`ciw`, `da(`, `yi"`): a word, a bracketed block or a
//! quoted string around the cursor, with (`a`) or without (`i`) what surrounds it.

use crate::buffer::{Buffer, Position};
use crate::motion::{self, backward, class, forward};

/// What an object covers: characters from one position up to another (excluded), or
/// whole lines (the inside of a block whose brackets stand on lines of their own).
#[derive(Debug, PartialEq, Eq)]
pub enum Selection {
    Characters(Position, Position),
    Lines(usize, usize),
}

/// The characters `inner` (`i`) or `around` (`a`) object `kind` covers from the cursor:
/// start, and end (excluded).
pub fn select(buffer: &Buffer, at: Position, inner: bool, kind: char) -> Option<Selection> {
    let characters = |(start, end)| Selection::Characters(start, end);
    match kind {
        'w' | 'W' => word(buffer, at, inner, kind == 'W').map(characters),
        '(' | ')' | 'b' => block(buffer, at, inner, '(', ')'),
        '[' | ']' => block(buffer, at, inner, '[', ']'),
        '{' | '}' | 'B' => block(buffer, at, inner, '{', '}'),
        '<' | '>' => block(buffer, at, inner, '<', '>'),
        '"' | '\'' | '`' => quoted(buffer, at, inner, kind).map(characters),
        _ => None,
    }
}

/// `iw` is the run of one class the cursor is in (a word, marks, or blanks); `aw` adds
/// the blanks after it, or those before it when there are none after.
fn word(buffer: &Buffer, at: Position, inner: bool, big: bool) -> Option<(Position, Position)> {
    let line = buffer.line(at.row);
    let kind = class(*line.get(at.column)?, big);
    let same = |i: usize| class(line[i], big) == kind;
    let mut start = at.column;
    while start > 0 && same(start - 1) {
        start -= 1;
    }
    let mut end = at.column + 1;
    while end < line.len() && same(end) {
        end += 1;
    }
    if !inner {
        let blank = |i: usize| class(line[i], big) == 0;
        let mut after = end;
        while after < line.len() && blank(after) {
            after += 1;
        }
        if after > end || kind == 0 {
            end = after;
            if kind == 0 {
                while end < line.len() && !blank(end) {
                    end += 1;
                }
            }
        } else {
            while start > 0 && blank(start - 1) {
                start -= 1;
            }
        }
    }
    Some((Position::new(at.row, start), Position::new(at.row, end)))
}

/// The innermost `open`..`close` pair around the cursor (or the one it is on).
fn block(buffer: &Buffer, at: Position, inner: bool, open: char, close: char) -> Option<Selection> {
    let mut depth = 0usize;
    let mut p = at;
    let start = loop {
        match motion::at(buffer, p) {
            Some(c) if c == open && depth == 0 => break p,
            Some(c) if c == open => depth -= 1,
            Some(c) if c == close && p != at => depth += 1,
            _ => {}
        }
        p = backward(buffer, p)?;
    };
    let mut p = start;
    let mut depth = 0usize;
    let end = loop {
        match motion::at(buffer, p) {
            Some(c) if c == open => depth += 1,
            Some(c) if c == close => {
                depth -= 1;
                if depth == 0 {
                    break p;
                }
            }
            _ => {}
        }
        p = forward(buffer, p)?;
    };
    if !inner {
        let after_close = Position::new(end.row, end.column + 1);
        return Some(Selection::Characters(start, after_close));
    }
    let open_ends_its_line = start.column + 1 == buffer.line(start.row).len();
    let close_starts_its_line = buffer.line(end.row)[..end.column]
        .iter()
        .all(|c| c.is_whitespace());
    if open_ends_its_line && close_starts_its_line && end.row > start.row + 1 {
        return Some(Selection::Lines(start.row + 1, end.row - 1));
    }
    let after_open = Position::new(start.row, start.column + 1);
    Some(Selection::Characters(after_open, end))
}

/// The quoted string on the line that holds the cursor, or else the first after it.
fn quoted(buffer: &Buffer, at: Position, inner: bool, quote: char) -> Option<(Position, Position)> {
    let line = buffer.line(at.row);
    let quotes: Vec<usize> = (0..line.len()).filter(|&i| line[i] == quote).collect();
    let (open, close) = quotes
        .chunks_exact(2)
        .map(|pair| (pair[0], pair[1]))
        .find(|&(_, close)| close >= at.column)?;
    let (mut start, mut end) = if inner {
        (open + 1, close)
    } else {
        (open, close + 1)
    };
    if !inner {
        // As `aw`, the blanks after it go too, or else those before it.
        let blanks_after = line[end..].iter().take_while(|c| c.is_whitespace()).count();
        if blanks_after > 0 {
            end += blanks_after;
        } else {
            start -= line[..start]
                .iter()
                .rev()
                .take_while(|c| c.is_whitespace())
                .count();
        }
    }
    Some((Position::new(at.row, start), Position::new(at.row, end)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn covered(text: &str, column: usize, inner: bool, kind: char) -> String {
        let buffer = Buffer::new(text);
        let Some(Selection::Characters(start, end)) =
            select(&buffer, Position::new(0, column), inner, kind)
        else {
            panic!("no characters selected");
        };
        buffer
            .copy_range(start, end)
            .lines
            .iter()
            .map(|l| l.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn words_blocks_and_quotes() {
        assert_eq!(covered("one two three", 5, true, 'w'), "two");
        assert_eq!(covered("one two three", 5, false, 'w'), "two ");
        assert_eq!(covered("one two", 5, false, 'w'), " two");
        assert_eq!(covered("f(a, (b)) x", 3, true, '('), "a, (b)");
        assert_eq!(covered("f(a, (b)) x", 6, false, ')'), "(b)");
        assert_eq!(covered("say \"hi there\" now", 7, true, '"'), "hi there");
        assert_eq!(
            covered("say \"hi there\" now", 0, false, '"'),
            "\"hi there\" "
        );
    }
}
