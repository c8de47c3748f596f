//! Motions: where a key moves the cursor, and how an operator (`d`, `c`, `y`) takes the
//! text between: whole lines, or characters with the target excluded or included.

use crate::buffer::{Buffer, Position, first_non_blank};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Span {
    Linewise,
    Exclusive,
    Inclusive,
}

/// Characters as `w`, `b` and `e` group them: blanks, word characters, other marks.
/// With `big` (W, B, E) every non-blank is one class.
pub fn class(c: char, big: bool) -> u8 {
    if c.is_whitespace() {
        0
    } else if big || c.is_alphanumeric() || c == '_' {
        1
    } else {
        2
    }
}

/// The character at a position; None on an empty line (a stop of its own for words).
pub fn at(buffer: &Buffer, p: Position) -> Option<char> {
    buffer.line(p.row).get(p.column).copied()
}

pub fn forward(buffer: &Buffer, p: Position) -> Option<Position> {
    if p.column + 1 < buffer.line(p.row).len() {
        Some(Position::new(p.row, p.column + 1))
    } else if p.row < buffer.last_row() {
        Some(Position::new(p.row + 1, 0))
    } else {
        None
    }
}

pub fn backward(buffer: &Buffer, p: Position) -> Option<Position> {
    if p.column > 0 {
        Some(Position::new(p.row, p.column - 1))
    } else if p.row > 0 {
        let above = p.row - 1;
        Some(Position::new(
            above,
            buffer.line(above).len().saturating_sub(1),
        ))
    } else {
        None
    }
}

fn is_blank(buffer: &Buffer, p: Position) -> bool {
    at(buffer, p).is_some_and(|c| class(c, false) == 0)
}

/// `w` and `W`: the start of the next word (an empty line counts as one).
pub fn word_start(buffer: &Buffer, from: Position, big: bool) -> Position {
    let mut p = from;
    if let Some(c) = at(buffer, p) {
        let kind = class(c, big);
        while let Some(next) = forward(buffer, p) {
            let same = next.row == p.row && at(buffer, next).map(|c| class(c, big)) == Some(kind);
            p = next;
            if !same {
                break;
            }
        }
        if p == from {
            // The last word of the text: to its end.
            return Position::new(p.row, buffer.line(p.row).len());
        }
    } else if let Some(next) = forward(buffer, p) {
        p = next;
    }
    while is_blank(buffer, p) {
        match forward(buffer, p) {
            Some(next) => p = next,
            None => return Position::new(p.row, buffer.line(p.row).len()),
        }
    }
    p
}

/// `e` and `E`: the end of this word or the next.
pub fn word_end(buffer: &Buffer, from: Position, big: bool) -> Position {
    let Some(mut p) = forward(buffer, from) else {
        return from;
    };
    while at(buffer, p).is_none_or(|c| class(c, big) == 0) {
        match forward(buffer, p) {
            Some(next) => p = next,
            None => return p,
        }
    }
    let kind = at(buffer, p).map(|c| class(c, big));
    while let Some(next) = forward(buffer, p) {
        if next.row != p.row || at(buffer, next).map(|c| class(c, big)) != kind {
            break;
        }
        p = next;
    }
    p
}

/// `b` and `B`: the start of this word or the one before.
pub fn word_back(buffer: &Buffer, from: Position, big: bool) -> Position {
    let Some(mut p) = backward(buffer, from) else {
        return from;
    };
    while at(buffer, p).is_some_and(|c| class(c, big) == 0) {
        match backward(buffer, p) {
            Some(previous) => p = previous,
            None => return p,
        }
    }
    let kind = at(buffer, p).map(|c| class(c, big));
    while let Some(previous) = backward(buffer, p) {
        if previous.row != p.row || at(buffer, previous).map(|c| class(c, big)) != kind {
            break;
        }
        p = previous;
    }
    p
}

/// `}` and `{`: the next (or previous) empty line, or the end (or start) of the text.
pub fn paragraph(buffer: &Buffer, from: Position, forward: bool) -> Position {
    let empty = |row: usize| buffer.line(row).is_empty();
    let mut row = from.row;
    if forward {
        while row < buffer.last_row() && empty(row) {
            row += 1;
        }
        while row < buffer.last_row() && !empty(row) {
            row += 1;
        }
        if !empty(row) {
            return Position::new(row, buffer.line(row).len().saturating_sub(1));
        }
    } else {
        while row > 0 && empty(row) {
            row -= 1;
        }
        while row > 0 && !empty(row) {
            row -= 1;
        }
    }
    Position::new(row, 0)
}

/// `f`, `t`, `F`, `T`: to (or up to) the next `count`th `target` on the line.
pub fn find_in_line(
    buffer: &Buffer,
    from: Position,
    target: char,
    forward: bool,
    till: bool,
    count: usize,
) -> Option<Position> {
    let line = buffer.line(from.row);
    let column = if forward {
        let after = line.get(from.column + 1..)?;
        let found = after
            .iter()
            .enumerate()
            .filter(|(_, c)| **c == target)
            .nth(count.max(1) - 1)?
            .0;
        from.column + 1 + found - usize::from(till)
    } else {
        let before = &line[..from.column.min(line.len())];
        let found = before
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, c)| **c == target)
            .nth(count.max(1) - 1)?
            .0;
        found + usize::from(till)
    };
    Some(Position::new(from.row, column))
}

/// `%`: the bracket matching the one at (or after) the cursor on its line.
pub fn matching_bracket(buffer: &Buffer, from: Position) -> Option<Position> {
    let line = buffer.line(from.row);
    let start = from.column
        + line
            .get(from.column..)?
            .iter()
            .position(|c| "()[]{}".contains(*c))?;
    let open = line[start];
    let (pair, step_forward) = match open {
        '(' => (')', true),
        '[' => (']', true),
        '{' => ('}', true),
        ')' => ('(', false),
        ']' => ('[', false),
        _ => ('{', false),
    };
    let mut depth = 0usize;
    let mut p = Position::new(from.row, start);
    loop {
        match at(buffer, p) {
            Some(c) if c == open => depth += 1,
            Some(c) if c == pair => {
                depth -= 1;
                if depth == 0 {
                    return Some(p);
                }
            }
            _ => {}
        }
        p = if step_forward {
            forward(buffer, p)?
        } else {
            backward(buffer, p)?
        };
    }
}

/// `^`: the first non-blank of a row.
pub fn line_start(buffer: &Buffer, row: usize) -> Position {
    Position::new(row, first_non_blank(buffer.line(row)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at_column(column: usize) -> Position {
        Position::new(0, column)
    }

    #[test]
    fn word_motions_group_characters_as_vi_does() {
        let buffer = Buffer::new("foo.bar  baz\nnext\n");
        assert_eq!(word_start(&buffer, at_column(0), false), at_column(3));
        assert_eq!(word_start(&buffer, at_column(0), true), at_column(9));
        assert_eq!(
            word_start(&buffer, at_column(9), false),
            Position::new(1, 0)
        );
        assert_eq!(word_end(&buffer, at_column(0), false), at_column(2));
        assert_eq!(word_back(&buffer, at_column(9), false), at_column(4));
        assert_eq!(word_back(&buffer, Position::new(1, 0), false), at_column(9));
    }

    #[test]
    fn finds_on_the_line_and_brackets() {
        let buffer = Buffer::new("a(b)c(d)\n");
        assert_eq!(
            find_in_line(&buffer, at_column(0), '(', true, false, 2),
            Some(at_column(5))
        );
        assert_eq!(
            find_in_line(&buffer, at_column(0), '(', true, true, 1),
            Some(at_column(0))
        );
        assert_eq!(
            find_in_line(&buffer, at_column(7), 'c', false, false, 1),
            Some(at_column(4))
        );
        assert_eq!(matching_bracket(&buffer, at_column(0)), Some(at_column(3)));
        assert_eq!(matching_bracket(&buffer, at_column(7)), Some(at_column(5)));
    }
}
