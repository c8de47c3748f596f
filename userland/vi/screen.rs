//! The screen: the rows of text from `top` (long lines wrapped, tabs to the next multiple
//! of 8, control characters as `^X`), `~` past the end, and the last row for the mode,
//! a message or the command being typed.

use crate::buffer::raw_byte;
use crate::editor::Editor;
use std::io::{self, Write};
use unicode_width::UnicodeWidthChar;

fn cell_width(c: char, column: usize) -> usize {
    match c {
        '\t' => 8 - column % 8,
        c if raw_byte(c).is_some() => 4,
        c if c.is_control() => 2,
        c => c.width().unwrap_or(1),
    }
}

/// The display columns each character of a line starts at, and the line's width.
fn columns_of(line: &[char]) -> (Vec<usize>, usize) {
    let mut starts = Vec::with_capacity(line.len());
    let mut column = 0;
    for &c in line {
        starts.push(column);
        column += cell_width(c, column);
    }
    (starts, column)
}

/// What a character shows as, in `cell` cells.
fn cell_text(c: char, cell: usize) -> String {
    if let Some(byte) = raw_byte(c) {
        return format!("<{byte:02x}>");
    }
    match c {
        '\t' => " ".repeat(cell),
        c if (c as u32) < 0x20 => format!("^{}", ((c as u8) ^ 0x40) as char),
        c if c.is_control() => "^?".into(),
        c => c.to_string(),
    }
}

fn rows_of(line: &[char], columns: usize) -> usize {
    columns_of(line).1.div_ceil(columns).max(1)
}

impl<W: Write> Editor<W> {
    fn text_rows(&self) -> usize {
        self.size.rows.saturating_sub(1).max(1)
    }

    /// Moves `top` so that the cursor's line is on the screen.
    fn scroll_to_cursor(&mut self) {
        let row = self.buffer.cursor.row;
        if row < self.top {
            self.top = row;
        }
        let columns = self.size.columns.max(1);
        loop {
            let used: usize = (self.top..=row)
                .map(|r| rows_of(self.buffer.line(r), columns))
                .sum();
            if used <= self.text_rows() || self.top == row {
                break;
            }
            self.top += 1;
        }
    }

    /// The rows of the text on the screen now: (first, last).
    pub fn visible_rows(&self) -> (usize, usize) {
        let columns = self.size.columns.max(1);
        let mut used = 0;
        let mut last = self.top;
        for row in self.top..=self.buffer.last_row() {
            used += rows_of(self.buffer.line(row), columns);
            if used > self.text_rows() {
                break;
            }
            last = row;
        }
        (self.top, last)
    }

    /// Puts everything on the screen; `typing` is a command line being typed.
    pub fn draw(&mut self, typing: Option<&str>) -> io::Result<()> {
        self.size = wasmix_common::terminal::size();
        self.scroll_to_cursor();
        let columns = self.size.columns.max(1);
        let text_rows = self.text_rows();
        let mut screen = String::from("\x1b[?25l\x1b[H");
        let mut shown = 0;
        let mut cursor_at = (0, 0);
        let mut row = self.top;
        while shown < text_rows {
            if row > self.buffer.last_row() {
                screen.push_str("~\x1b[K\r\n");
                shown += 1;
                continue;
            }
            let line = self.buffer.line(row);
            let (starts, width) = columns_of(line);
            if row == self.buffer.cursor.row {
                let column = self.buffer.cursor.column;
                let at = match starts.get(column) {
                    Some(&start) if !self.inserting && line[column] == '\t' => {
                        start + cell_width('\t', start) - 1
                    }
                    Some(&start) => start,
                    None => width,
                };
                cursor_at = (shown + at / columns, at % columns);
            }
            let mut pieces = vec![String::new()];
            let (mut column, mut row_width) = (0, 0);
            for &c in line {
                let cell = cell_width(c, column);
                let expanded = c == '\t' || c.is_control() || raw_byte(c).is_some();
                let each = if expanded { 1 } else { cell };
                for shown in cell_text(c, cell).chars() {
                    if each > 0 && row_width + each > columns {
                        pieces.push(String::new());
                        row_width = 0;
                    }
                    if let Some(piece) = pieces.last_mut() {
                        piece.push(shown);
                    }
                    row_width += each;
                }
                column += cell;
            }
            for piece in pieces.into_iter().take(text_rows - shown) {
                screen.push_str(&piece);
                screen.push_str("\x1b[K\r\n");
                shown += 1;
            }
            row += 1;
        }
        let status = match (typing, &self.message) {
            (Some(typed), _) => typed.to_string(),
            (None, Some(message)) => message.clone(),
            (None, None) if self.inserting => "-- INSERT --".into(),
            (None, None) => String::new(),
        };
        let status: String = status.chars().take(columns.saturating_sub(1)).collect();
        screen.push_str(&status);
        screen.push_str("\x1b[K");
        if typing.is_none() {
            let (r, c) = cursor_at;
            screen.push_str(&format!("\x1b[{};{}H", r + 1, c + 1));
        }
        screen.push_str("\x1b[?25h");
        self.out.write_all(screen.as_bytes())?;
        self.out.flush()
    }
}
