//! Normal mode: counts, motions, the operators `d c y < >` over a motion or whole lines,
//! and the one-key commands (x, p, u, J, ...).

use crate::buffer::{Position, Register, first_non_blank};
use crate::editor::Editor;
use crate::motion::{self, Span};
use crate::textobject::Selection;
use std::io::Write;
use wasmix_common::terminal::Key;

/// `d`, `c`, `y`, `<`, `>`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Operator {
    Delete,
    Change,
    Yank,
    ShiftLeft,
    ShiftRight,
}

impl<W: Write> Editor<W> {
    /// Reads a count (digits, not starting with 0) ahead of a command; the key after it.
    fn counted(&mut self, mut key: Key) -> (Option<usize>, Key) {
        let mut count: Option<usize> = None;
        while let Key::Char(digit @ '0'..='9') = key {
            if digit == '0' && count.is_none() {
                break;
            }
            let value = digit as usize - '0' as usize;
            count = Some(count.unwrap_or(0).saturating_mul(10).saturating_add(value));
            key = self.key();
        }
        (count, key)
    }

    /// One normal-mode command, starting with `key`.
    pub fn normal(&mut self, key: Key) {
        let (count, key) = self.counted(key);
        let n = count.unwrap_or(1);
        let cursor = self.buffer.cursor;
        let line_length = self.buffer.line(cursor.row).len();
        match key {
            Key::Char('d') => self.operate(Operator::Delete, count),
            Key::Char('c') => self.operate(Operator::Change, count),
            Key::Char('y') => self.operate(Operator::Yank, count),
            Key::Char('<') => self.operate(Operator::ShiftLeft, count),
            Key::Char('>') => self.operate(Operator::ShiftRight, count),
            Key::Char('x') | Key::Delete if line_length > 0 => {
                let end = Position::new(cursor.row, (cursor.column + n).min(line_length));
                self.buffer.checkpoint();
                self.register = self.buffer.delete_range(cursor, end);
                self.buffer.clamp(false);
            }
            Key::Char('X') if cursor.column > 0 => {
                let start = Position::new(cursor.row, cursor.column.saturating_sub(n));
                self.buffer.checkpoint();
                self.register = self.buffer.delete_range(start, cursor);
            }
            Key::Char('D') => self.apply_to(Operator::Delete, Key::Char('$'), count),
            Key::Char('C') => self.apply_to(Operator::Change, Key::Char('$'), count),
            Key::Char('s') => self.apply_to(Operator::Change, Key::Char('l'), count),
            Key::Char('S') => self.apply_to(Operator::Change, Key::Char('c'), count),
            Key::Char('Y') => self.apply_to(Operator::Yank, Key::Char('y'), count),
            Key::Char('i') => self.start_insert(cursor),
            Key::Char('a') => {
                let column = (cursor.column + 1).min(line_length);
                self.start_insert(Position::new(cursor.row, column));
            }
            Key::Char('I') => {
                let column = first_non_blank(self.buffer.line(cursor.row)).min(line_length);
                self.start_insert(Position::new(cursor.row, column));
            }
            Key::Char('A') => self.start_insert(Position::new(cursor.row, line_length)),
            Key::Char(open @ ('o' | 'O')) => {
                self.buffer.checkpoint();
                let row = if open == 'o' {
                    cursor.row + 1
                } else {
                    cursor.row
                };
                self.buffer.lines.insert(row, Vec::new());
                self.buffer.cursor = Position::new(row, 0);
                self.insert();
            }
            Key::Char(put @ ('p' | 'P')) => {
                self.buffer.checkpoint();
                let register = self.register.clone();
                for _ in 0..n {
                    self.buffer.put(&register, put == 'p');
                }
            }
            Key::Char('r') => {
                let with = match self.key() {
                    Key::Char(c) => c,
                    Key::Tab => '\t',
                    Key::Enter if cursor.column + n <= line_length => {
                        // The characters give way to one line break.
                        self.buffer.checkpoint();
                        let end = Position::new(cursor.row, cursor.column + n);
                        self.buffer.delete_range(cursor, end);
                        self.buffer.split_line();
                        return;
                    }
                    _ => return,
                };
                if cursor.column + n <= line_length {
                    self.buffer.checkpoint();
                    let line = &mut self.buffer.lines[cursor.row];
                    line[cursor.column..cursor.column + n].fill(with);
                    self.buffer.cursor.column += n - 1;
                }
            }
            Key::Char('~') if line_length > 0 => {
                self.buffer.checkpoint();
                let end = (cursor.column + n).min(line_length);
                for c in &mut self.buffer.lines[cursor.row][cursor.column..end] {
                    *c = if c.is_uppercase() {
                        c.to_lowercase().next().unwrap_or(*c)
                    } else {
                        c.to_uppercase().next().unwrap_or(*c)
                    };
                }
                self.buffer.cursor.column = end;
                self.buffer.clamp(false);
            }
            Key::Char('J') => self.join(n.max(2) - 1),
            Key::Char('.') => self.repeat_change(count),
            Key::Char('u') => {
                if !self.buffer.undo() {
                    self.message = Some("Already at oldest change".into());
                }
                self.buffer.clamp(false);
            }
            Key::Ctrl('r') => {
                if !self.buffer.redo() {
                    self.message = Some("Already at newest change".into());
                }
                self.buffer.clamp(false);
            }
            Key::Char(':') => {
                if let Some(command) = self.read_line(':') {
                    self.ex(&command);
                }
            }
            Key::Char(prompt @ ('/' | '?')) => {
                if let Some(pattern) = self.read_line(prompt) {
                    self.search_for(&pattern, prompt == '/', n);
                }
            }
            Key::Char('Z') => match self.key() {
                Key::Char('Z') => self.ex("x"),
                Key::Char('Q') => self.ex("q!"),
                _ => {}
            },
            Key::Ctrl('g') => self.message = Some(self.file_summary()),
            Key::Ctrl('l') => {
                let _ = self.out.write_all(b"\x1b[2J");
            }
            Key::Ctrl(scroll @ ('f' | 'b' | 'd' | 'u')) => self.scroll(scroll, n),
            Key::Escape => {}
            key => {
                let vertical = matches!(
                    key,
                    Key::Char('j' | 'k') | Key::Up | Key::Down | Key::Ctrl('n' | 'p')
                );
                if !vertical {
                    self.wanted_column = None;
                }
                if let Some((target, _)) = self.motion(key, count) {
                    self.buffer.cursor = target;
                    self.buffer.clamp(false);
                }
            }
        }
    }

    fn start_insert(&mut self, at: Position) {
        self.buffer.checkpoint();
        self.buffer.cursor = at;
        self.insert();
    }

    /// `J`: joins `times` lines below to this one, with one space between.
    fn join(&mut self, times: usize) {
        let row = self.buffer.cursor.row;
        if row >= self.buffer.last_row() {
            return;
        }
        self.buffer.checkpoint();
        for _ in 0..times {
            if row >= self.buffer.last_row() {
                break;
            }
            let next = self.buffer.lines.remove(row + 1);
            let start = first_non_blank(&next).min(next.len());
            let rest = &next[start..];
            let line = &mut self.buffer.lines[row];
            while line.last().is_some_and(|c| *c == ' ' || *c == '\t') {
                line.pop();
            }
            let column = line.len();
            if !line.is_empty() && !rest.is_empty() && rest[0] != ')' {
                line.push(' ');
            }
            line.extend_from_slice(rest);
            self.buffer.cursor.column = column;
        }
    }

    fn scroll(&mut self, key: char, count: usize) {
        let page = self.size.rows.saturating_sub(2).max(1);
        let half = (self.size.rows / 2).max(1);
        let last = self.buffer.last_row();
        let row = self.buffer.cursor.row;
        let (top, row) = match key {
            'f' => {
                let top = (self.top + page * count).min(last);
                (top, row.max(top))
            }
            'b' => {
                let top = self.top.saturating_sub(page * count);
                (top, row.min(top + page))
            }
            'd' => ((self.top + half).min(last), (row + half).min(last)),
            _ => (self.top.saturating_sub(half), row.saturating_sub(half)),
        };
        self.top = top;
        self.buffer.cursor = motion::line_start(&self.buffer, row);
    }

    /// Where a motion key (with what follows it) goes, and how an operator takes it.
    fn motion(&mut self, key: Key, count: Option<usize>) -> Option<(Position, Span)> {
        let n = count.unwrap_or(1);
        let buffer = &self.buffer;
        let cursor = buffer.cursor;
        let length = buffer.line(cursor.row).len();
        let last = buffer.last_row();
        let found = match key {
            Key::Char('h') | Key::Left | Key::Backspace => (
                Position::new(cursor.row, cursor.column.saturating_sub(n)),
                Span::Exclusive,
            ),
            Key::Char('l' | ' ') | Key::Right => (
                Position::new(cursor.row, (cursor.column + n).min(length)),
                Span::Exclusive,
            ),
            Key::Char('j') | Key::Down | Key::Ctrl('n') if cursor.row < last => {
                let column = *self.wanted_column.get_or_insert(cursor.column);
                let row = (cursor.row + n).min(last);
                (Position::new(row, column), Span::Linewise)
            }
            Key::Char('k') | Key::Up | Key::Ctrl('p') if cursor.row > 0 => {
                let column = *self.wanted_column.get_or_insert(cursor.column);
                let row = cursor.row.saturating_sub(n);
                (Position::new(row, column), Span::Linewise)
            }
            Key::Char('+') | Key::Enter => (
                motion::line_start(buffer, (cursor.row + n).min(last)),
                Span::Linewise,
            ),
            Key::Char('-') => (
                motion::line_start(buffer, cursor.row.saturating_sub(n)),
                Span::Linewise,
            ),
            Key::Char('0') | Key::Home => (Position::new(cursor.row, 0), Span::Exclusive),
            Key::Char('^') => (motion::line_start(buffer, cursor.row), Span::Exclusive),
            Key::Char('$') | Key::End => {
                let row = (cursor.row + n - 1).min(last);
                let column = buffer.line(row).len().saturating_sub(1);
                self.wanted_column = Some(usize::MAX);
                (Position::new(row, column), Span::Inclusive)
            }
            Key::Char('|') => (Position::new(cursor.row, n - 1), Span::Exclusive),
            Key::Char(word @ ('w' | 'W' | 'e' | 'E' | 'b' | 'B')) => {
                let big = word.is_uppercase();
                let mut p = cursor;
                for _ in 0..n {
                    p = match word.to_ascii_lowercase() {
                        'w' => motion::word_start(buffer, p, big),
                        'e' => motion::word_end(buffer, p, big),
                        _ => motion::word_back(buffer, p, big),
                    };
                }
                let span = if word.eq_ignore_ascii_case(&'e') {
                    Span::Inclusive
                } else {
                    Span::Exclusive
                };
                (p, span)
            }
            Key::Char('G') => {
                let row = count.map_or(last, |line| line.saturating_sub(1).min(last));
                (motion::line_start(buffer, row), Span::Linewise)
            }
            Key::Char('g') => match self.key() {
                Key::Char('g') => {
                    let row = count.map_or(0, |line| line.saturating_sub(1)).min(last);
                    (motion::line_start(&self.buffer, row), Span::Linewise)
                }
                _ => return None,
            },
            Key::Char(screen @ ('H' | 'M' | 'L')) => {
                let (first, last_shown) = self.visible_rows();
                let row = match screen {
                    'H' => (first + n - 1).min(last_shown),
                    'L' => last_shown.saturating_sub(n - 1).max(first),
                    _ => (first + last_shown) / 2,
                };
                (motion::line_start(&self.buffer, row), Span::Linewise)
            }
            Key::Char(find @ ('f' | 't' | 'F' | 'T')) => {
                let Key::Char(target) = self.key() else {
                    return None;
                };
                self.last_find = Some((find, target));
                return self.find(find, target, n);
            }
            Key::Char(again @ (';' | ',')) => {
                let (find, target) = self.last_find?;
                let find = if again == ',' {
                    match find {
                        'f' => 'F',
                        'F' => 'f',
                        't' => 'T',
                        _ => 't',
                    }
                } else {
                    find
                };
                return self.find(find, target, n);
            }
            Key::Char('}') => {
                let mut p = cursor;
                for _ in 0..n {
                    p = motion::paragraph(buffer, p, true);
                }
                // Stopped by the end of the text rather than an empty line: the last
                // character is taken too.
                let span = if buffer.line(p.row).is_empty() {
                    Span::Exclusive
                } else {
                    Span::Inclusive
                };
                (p, span)
            }
            Key::Char('{') => {
                let mut p = cursor;
                for _ in 0..n {
                    p = motion::paragraph(buffer, p, false);
                }
                (p, Span::Exclusive)
            }
            Key::Char('%') => (motion::matching_bracket(buffer, cursor)?, Span::Inclusive),
            Key::Char(again @ ('n' | 'N')) => {
                let forward = self.search.as_ref()?.forward == (again == 'n');
                (self.next_match(forward, n)?, Span::Exclusive)
            }
            _ => return None,
        };
        Some(found)
    }

    fn find(&mut self, find: char, target: char, count: usize) -> Option<(Position, Span)> {
        let forward = find.is_lowercase();
        let till = find.eq_ignore_ascii_case(&'t');
        let cursor = self.buffer.cursor;
        let found = motion::find_in_line(&self.buffer, cursor, target, forward, till, count)?;
        let span = if forward {
            Span::Inclusive
        } else {
            Span::Exclusive
        };
        Some((found, span))
    }

    /// An operator key read; what follows says what it works on.
    fn operate(&mut self, operator: Operator, count: Option<usize>) {
        let key = self.key();
        let (more, key) = self.counted(key);
        let count = match (count, more) {
            (Some(a), Some(b)) => Some(a.saturating_mul(b)),
            (a, b) => a.or(b),
        };
        self.apply_to(operator, key, count);
    }

    fn apply_to(&mut self, operator: Operator, key: Key, count: Option<usize>) {
        let n = count.unwrap_or(1);
        let cursor = self.buffer.cursor;
        let own_key = match operator {
            Operator::Delete => 'd',
            Operator::Change => 'c',
            Operator::Yank => 'y',
            Operator::ShiftLeft => '<',
            Operator::ShiftRight => '>',
        };
        if let Key::Char(scope @ ('i' | 'a')) = key {
            let Key::Char(kind) = self.key() else { return };
            let found = crate::textobject::select(&self.buffer, cursor, scope == 'i', kind);
            self.wanted_column = None;
            match found {
                Some(Selection::Characters(start, end)) => {
                    self.characters_operator(operator, start, end)
                }
                Some(Selection::Lines(first, last)) => self.lines_operator(operator, first, last),
                None => {}
            }
            return;
        }
        let (target, span) = if key == Key::Char(own_key) {
            // As `j` does, a count that cannot move down from the last line fails.
            if n > 1 && cursor.row == self.buffer.last_row() {
                return;
            }
            let row = (cursor.row + n - 1).min(self.buffer.last_row());
            (Position::new(row, 0), Span::Linewise)
        } else {
            // `cw` on a word changes to its end, as `ce` does.
            let on_word = self
                .buffer
                .line(cursor.row)
                .get(cursor.column)
                .is_some_and(|c| !c.is_whitespace());
            let key = match key {
                Key::Char('w') if operator == Operator::Change && on_word => Key::Char('e'),
                Key::Char('W') if operator == Operator::Change && on_word => Key::Char('E'),
                other => other,
            };
            let Some((mut target, span)) = self.motion(key, count) else {
                return;
            };
            // `dw` on a line's last word stops at the line's end.
            let on_text = !self.buffer.line(cursor.row).is_empty();
            if matches!(key, Key::Char('w' | 'W')) && target.row > cursor.row && on_text {
                target = Position::new(cursor.row, self.buffer.line(cursor.row).len());
            }
            (target, span)
        };
        let (start, end) = if target < cursor {
            (target, cursor)
        } else {
            (cursor, target)
        };
        // vi's rules for an exclusive motion that ends at the start of a later line: from
        // at or before the first non-blank it takes whole lines, else it stops at the end
        // of the line before.
        if span == Span::Exclusive && end.column == 0 && end.row > start.row {
            let first = first_non_blank(self.buffer.line(start.row));
            self.wanted_column = None;
            if start.column <= first {
                self.lines_operator(operator, start.row, end.row - 1);
            } else {
                let above = Position::new(end.row - 1, self.buffer.line(end.row - 1).len());
                self.characters_operator(operator, start, above);
            }
            return;
        }
        self.wanted_column = None;
        if span == Span::Linewise {
            self.lines_operator(operator, start.row, end.row);
            return;
        }
        let end = match span {
            Span::Inclusive => Position::new(end.row, end.column + 1),
            _ => end,
        };
        self.characters_operator(operator, start, end);
    }

    /// An operator on the characters from `start` up to `end` (excluded).
    fn characters_operator(&mut self, operator: Operator, start: Position, end: Position) {
        match operator {
            Operator::Yank => {
                self.register = self.buffer.copy_range(start, end);
                self.buffer.cursor = start;
            }
            Operator::Delete | Operator::Change => {
                self.buffer.checkpoint();
                self.register = self.buffer.delete_range(start, end);
                if operator == Operator::Change {
                    self.insert();
                } else {
                    self.buffer.clamp(false);
                }
            }
            Operator::ShiftLeft | Operator::ShiftRight => {
                self.lines_operator(operator, start.row, end.row)
            }
        }
    }

    fn lines_operator(&mut self, operator: Operator, first: usize, last: usize) {
        match operator {
            Operator::Yank => {
                self.register = Register {
                    lines: self.buffer.lines[first..=last].to_vec(),
                    linewise: true,
                };
                self.buffer.cursor.row = first;
            }
            Operator::Delete => {
                self.buffer.checkpoint();
                self.register = self.buffer.delete_lines(first, last);
                self.buffer.cursor = motion::line_start(&self.buffer, self.buffer.cursor.row);
            }
            Operator::Change => {
                self.buffer.checkpoint();
                self.register = self.buffer.delete_lines(first, last);
                let row = first.min(self.buffer.lines.len());
                if self.buffer.lines.len() == 1 && self.buffer.lines[0].is_empty() {
                    self.buffer.cursor = Position::new(0, 0);
                } else {
                    self.buffer.lines.insert(row, Vec::new());
                    self.buffer.cursor = Position::new(row, 0);
                }
                self.insert();
            }
            Operator::ShiftLeft | Operator::ShiftRight => {
                self.buffer.checkpoint();
                for row in first..=last {
                    let line = &mut self.buffer.lines[row];
                    if operator == Operator::ShiftRight {
                        if !line.is_empty() {
                            line.insert(0, '\t');
                        }
                    } else if line.first() == Some(&'\t') {
                        line.remove(0);
                    } else {
                        let spaces = line.iter().take(8).take_while(|c| **c == ' ').count();
                        line.drain(..spaces);
                    }
                }
                self.buffer.cursor = motion::line_start(&self.buffer, first);
            }
        }
    }
}
