//! The text being edited: lines of characters, the cursor in them, and the snapshots that
//! `u` and Ctrl-R move between.

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub row: usize,
    pub column: usize,
}

impl Position {
    pub fn new(row: usize, column: usize) -> Position {
        Position { row, column }
    }
}

/// Text taken by `d`, `c` or `y`, for `p` and `P`: whole lines, or characters.
#[derive(Clone, Debug, Default)]
pub struct Register {
    pub lines: Vec<Vec<char>>,
    pub linewise: bool,
}

pub struct Buffer {
    pub lines: Vec<Vec<char>>,
    pub cursor: Position,
    pub modified: bool,
    /// How many changes have been made: what tells `.` that a command changed the text.
    pub edits: u64,
    undo: Vec<(Vec<Vec<char>>, Position)>,
    redo: Vec<(Vec<Vec<char>>, Position)>,
}

/// Bytes that are not UTF-8 are kept as characters of their own, from the end of the
/// last private use plane (which text does not use), so a file is written back as it
/// was read; the screen shows them as `<ff>`.
const RAW_BYTES: u32 = 0x10_FF00;

/// The byte a character stands for, if it stands for one that is not UTF-8.
pub fn raw_byte(c: char) -> Option<u8> {
    (c as u32)
        .checked_sub(RAW_BYTES)
        .and_then(|b| u8::try_from(b).ok())
}

fn decode(mut bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len());
    loop {
        match std::str::from_utf8(bytes) {
            Ok(valid) => {
                text.push_str(valid);
                return text;
            }
            Err(e) => {
                let (valid, rest) = bytes.split_at(e.valid_up_to());
                text.push_str(std::str::from_utf8(valid).unwrap_or_default());
                let bad = e.error_len().unwrap_or(rest.len());
                for &b in &rest[..bad] {
                    text.extend(char::from_u32(RAW_BYTES + u32::from(b)));
                }
                bytes = &rest[bad..];
            }
        }
    }
}

impl Buffer {
    /// A file's bytes as lines.
    pub fn from_bytes(bytes: &[u8]) -> Buffer {
        Buffer::new(&decode(bytes))
    }

    pub fn new(text: &str) -> Buffer {
        let mut lines: Vec<Vec<char>> = text.split('\n').map(|l| l.chars().collect()).collect();
        if text.ends_with('\n') {
            lines.pop();
        }
        if lines.is_empty() {
            lines.push(Vec::new());
        }
        Buffer {
            lines,
            cursor: Position::default(),
            modified: false,
            edits: 0,
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }

    /// The file's bytes: each line ends with a newline, as vi writes it; an empty buffer
    /// is an empty file.
    pub fn bytes(&self) -> Vec<u8> {
        let mut bytes = Vec::new();
        if self.lines.len() == 1 && self.lines[0].is_empty() {
            return bytes;
        }
        let mut utf8 = [0; 4];
        for line in &self.lines {
            for &c in line {
                match raw_byte(c) {
                    Some(b) => bytes.push(b),
                    None => bytes.extend_from_slice(c.encode_utf8(&mut utf8).as_bytes()),
                }
            }
            bytes.push(b'\n');
        }
        bytes
    }

    pub fn line(&self, row: usize) -> &[char] {
        self.lines.get(row).map_or(&[], Vec::as_slice)
    }

    pub fn last_row(&self) -> usize {
        self.lines.len() - 1
    }

    /// Remembers the text before a change, for `u`.
    pub fn checkpoint(&mut self) {
        self.undo.push((self.lines.clone(), self.cursor));
        self.redo.clear();
        self.modified = true;
        self.edits += 1;
    }

    /// `u`; false when there is nothing to undo.
    pub fn undo(&mut self) -> bool {
        match self.undo.pop() {
            Some((lines, cursor)) => {
                let now = std::mem::replace(&mut self.lines, lines);
                self.redo.push((now, self.cursor));
                self.cursor = cursor;
                self.modified = true;
                true
            }
            None => false,
        }
    }

    /// Ctrl-R; false when there is nothing to redo.
    pub fn redo(&mut self) -> bool {
        match self.redo.pop() {
            Some((lines, cursor)) => {
                let now = std::mem::replace(&mut self.lines, lines);
                self.undo.push((now, self.cursor));
                self.cursor = cursor;
                self.modified = true;
                true
            }
            None => false,
        }
    }

    /// Keeps the cursor on the text: on a character in normal mode, or just after the
    /// last one (`past_end`) in insert mode.
    pub fn clamp(&mut self, past_end: bool) {
        self.cursor.row = self.cursor.row.min(self.last_row());
        let length = self.lines[self.cursor.row].len();
        let last = if past_end {
            length
        } else {
            length.saturating_sub(1)
        };
        self.cursor.column = self.cursor.column.min(last);
    }

    pub fn insert_char(&mut self, c: char) {
        let Position { row, column } = self.cursor;
        self.lines[row].insert(column, c);
        self.cursor.column += 1;
    }

    /// Enter in insert mode: the rest of the line goes to a new one below.
    pub fn split_line(&mut self) {
        let Position { row, column } = self.cursor;
        let rest = self.lines[row].split_off(column);
        self.lines.insert(row + 1, rest);
        self.cursor = Position::new(row + 1, 0);
    }

    /// Backspace in insert mode; at the start of a line it joins it to the one above.
    pub fn backspace(&mut self) {
        let Position { row, column } = self.cursor;
        if column > 0 {
            self.lines[row].remove(column - 1);
            self.cursor.column -= 1;
        } else if row > 0 {
            let line = self.lines.remove(row);
            let above = &mut self.lines[row - 1];
            self.cursor = Position::new(row - 1, above.len());
            above.extend(line);
        }
    }

    /// Whole lines `first..=last`, taken out.
    pub fn delete_lines(&mut self, first: usize, last: usize) -> Register {
        let last = last.min(self.last_row());
        let taken: Vec<Vec<char>> = self.lines.drain(first..=last).collect();
        if self.lines.is_empty() {
            self.lines.push(Vec::new());
        }
        self.cursor = Position::new(first.min(self.last_row()), 0);
        Register {
            lines: taken,
            linewise: true,
        }
    }

    /// The characters from `start` up to (not including) `end`, across lines.
    pub fn copy_range(&self, start: Position, end: Position) -> Register {
        let mut lines = Vec::new();
        for row in start.row..=end.row {
            let line = self.line(row);
            let from = if row == start.row { start.column } else { 0 };
            let to = if row == end.row {
                end.column
            } else {
                line.len()
            };
            lines.push(line[from.min(line.len())..to.min(line.len())].to_vec());
        }
        Register {
            lines,
            linewise: false,
        }
    }

    /// Takes out the characters from `start` up to `end`; the cursor goes to `start`.
    pub fn delete_range(&mut self, start: Position, end: Position) -> Register {
        let taken = self.copy_range(start, end);
        let tail: Vec<char> = {
            let line = self.line(end.row);
            line[end.column.min(line.len())..].to_vec()
        };
        let head = &mut self.lines[start.row];
        head.truncate(start.column.min(head.len()));
        head.extend(tail);
        if end.row > start.row {
            self.lines.drain(start.row + 1..=end.row);
        }
        self.cursor = start;
        taken
    }

    /// `p` (after) and `P` (before): the register's text at the cursor.
    pub fn put(&mut self, register: &Register, after: bool) {
        if register.lines.is_empty() {
            return;
        }
        if register.linewise {
            let at = if after {
                self.cursor.row + 1
            } else {
                self.cursor.row
            };
            for (i, line) in register.lines.iter().enumerate() {
                self.lines.insert(at + i, line.clone());
            }
            self.cursor = Position::new(at, first_non_blank(&self.lines[at]));
            return;
        }
        let Position { row, column } = self.cursor;
        let column = if after && !self.lines[row].is_empty() {
            column + 1
        } else {
            column
        };
        let column = column.min(self.lines[row].len());
        let tail = self.lines[row].split_off(column);
        let pieces = &register.lines;
        self.lines[row].extend(pieces[0].iter());
        let mut end = Position::new(row, self.lines[row].len());
        for (i, piece) in pieces.iter().enumerate().skip(1) {
            self.lines.insert(row + i, piece.clone());
            end = Position::new(row + i, piece.len());
        }
        self.lines[end.row].extend(tail);
        self.cursor = if pieces.len() == 1 {
            Position::new(row, end.column.saturating_sub(1))
        } else {
            Position::new(row, column)
        };
    }
}

/// Where `^` goes: the first character that is not a blank.
pub fn first_non_blank(line: &[char]) -> usize {
    line.iter()
        .position(|c| !c.is_whitespace())
        .unwrap_or(line.len().saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_round_trips_and_ranges_delete_across_lines() {
        let mut buffer = Buffer::new("one\ntwo\nthree\n");
        assert_eq!(buffer.bytes(), b"one\ntwo\nthree\n");
        let taken = buffer.delete_range(Position::new(0, 1), Position::new(1, 1));
        assert_eq!(buffer.bytes(), b"owo\nthree\n");
        assert_eq!(taken.lines, vec![vec!['n', 'e'], vec!['t']]);
        buffer.cursor = Position::new(0, 0);
        buffer.put(&taken, true);
        assert_eq!(buffer.bytes(), b"one\ntwo\nthree\n");
    }

    #[test]
    fn bytes_that_are_not_utf8_are_written_back_as_read() {
        let bytes = b"a\xff\xc3\xa9\xc3\n\x00\n";
        let buffer = Buffer::from_bytes(bytes);
        assert_eq!(buffer.lines[0].len(), 4);
        assert_eq!(raw_byte(buffer.lines[0][1]), Some(0xff));
        assert_eq!(buffer.bytes(), bytes);
    }

    #[test]
    fn undo_and_redo_move_between_snapshots() {
        let mut buffer = Buffer::new("a\n");
        buffer.checkpoint();
        buffer.insert_char('b');
        assert_eq!(buffer.bytes(), b"ba\n");
        assert!(buffer.undo());
        assert_eq!(buffer.bytes(), b"a\n");
        assert!(buffer.redo());
        assert_eq!(buffer.bytes(), b"ba\n");
    }
}
