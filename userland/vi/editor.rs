//! The editor's state, the keys it reads, and insert mode. Normal mode is in `normal.rs`,
//! the `:` commands in `ex.rs`, the screen in `screen.rs`.

use crate::buffer::{Buffer, Register};
use regex::Regex;
use std::collections::VecDeque;
use std::io::Write;
use wasmix_common::terminal::{self, Event, Key, Keys, Size};

/// The last `/` or `?` search.
pub struct Search {
    pub regex: Regex,
    pub pattern: String,
    pub forward: bool,
}

pub struct Editor<W: Write> {
    pub buffer: Buffer,
    /// The file's name, if it has one.
    pub path: Option<String>,
    pub register: Register,
    pub search: Option<Search>,
    /// The last `f`, `t`, `F` or `T`: the key and its character, for `;` and `,`.
    pub last_find: Option<(char, char)>,
    /// The column `j` and `k` aim for, kept across shorter lines.
    pub wanted_column: Option<usize>,
    /// Shown on the last row until the next key.
    pub message: Option<String>,
    pub inserting: bool,
    /// The first row of the text on the screen.
    pub top: usize,
    pub size: Size,
    pub quit: bool,
    pub out: W,
    keys: Keys,
    /// The keys of the command being run, and of the last one that changed the text (`.`).
    recording: Vec<Key>,
    last_change: Vec<Key>,
    /// Keys to act on before the terminal's: a change being repeated.
    replay: VecDeque<Key>,
}

impl<W: Write> Editor<W> {
    pub fn new(buffer: Buffer, path: Option<String>, keys: Keys, out: W) -> Self {
        Editor {
            buffer,
            path,
            register: Register::default(),
            search: None,
            last_find: None,
            wanted_column: None,
            message: None,
            inserting: false,
            top: 0,
            size: terminal::size(),
            quit: false,
            out,
            keys,
            recording: Vec::new(),
            last_change: Vec::new(),
            replay: VecDeque::new(),
        }
    }

    /// The next key; Escape when the terminal is gone, which ends whatever was going on.
    pub fn key(&mut self) -> Key {
        if let Some(key) = self.replay.pop_front() {
            self.recording.push(key);
            return key;
        }
        loop {
            match self.keys.wait() {
                Event::Key(key) => {
                    self.recording.push(key);
                    return key;
                }
                Event::Resized => {
                    self.size = terminal::size();
                    let _ = self.draw(None);
                }
                Event::End => {
                    self.quit = true;
                    return Key::Escape;
                }
            }
        }
    }

    pub fn run(&mut self) -> std::io::Result<()> {
        while !self.quit {
            self.draw(None)?;
            self.recording.clear();
            let key = self.key();
            self.message = None;
            let edits = self.buffer.edits;
            self.normal(key);
            if self.buffer.edits != edits && key != Key::Char('.') {
                self.last_change = std::mem::take(&mut self.recording);
            }
        }
        Ok(())
    }

    /// `.`: the last change again, key for key; a count given replaces the change's own.
    pub fn repeat_change(&mut self, count: Option<usize>) {
        let mut keys = self.last_change.as_slice();
        if let Some(count) = count {
            while let Some((Key::Char('1'..='9'), rest)) = keys.split_first() {
                keys = rest;
                while let Some((Key::Char('0'..='9'), rest)) = keys.split_first() {
                    keys = rest;
                }
            }
            self.replay.extend(count.to_string().chars().map(Key::Char));
        }
        self.replay.extend(keys.iter().copied());
        while !self.replay.is_empty() && !self.quit {
            let key = self.key();
            self.normal(key);
        }
    }

    /// Insert mode, until Escape; the cursor then steps back onto the last character.
    pub fn insert(&mut self) {
        self.inserting = true;
        self.buffer.clamp(true);
        while !self.quit {
            if self.draw(None).is_err() {
                break;
            }
            match self.key() {
                Key::Escape | Key::Ctrl('c') => break,
                Key::Enter => self.buffer.split_line(),
                Key::Backspace => self.buffer.backspace(),
                Key::Tab => self.buffer.insert_char('\t'),
                Key::Char(c) => self.buffer.insert_char(c),
                Key::Ctrl('w') => {
                    let cursor = self.buffer.cursor;
                    let start = crate::motion::word_back(&self.buffer, cursor, false);
                    if start.row == cursor.row {
                        self.buffer.delete_range(start, cursor);
                    }
                }
                Key::Ctrl('u') => {
                    let cursor = self.buffer.cursor;
                    let start = crate::buffer::Position::new(cursor.row, 0);
                    self.buffer.delete_range(start, cursor);
                }
                Key::Delete => {
                    let cursor = self.buffer.cursor;
                    if cursor.column < self.buffer.line(cursor.row).len() {
                        self.buffer.lines[cursor.row].remove(cursor.column);
                    }
                }
                Key::Left => {
                    self.buffer.cursor.column = self.buffer.cursor.column.saturating_sub(1)
                }
                Key::Right => self.buffer.cursor.column += 1,
                Key::Up => self.buffer.cursor.row = self.buffer.cursor.row.saturating_sub(1),
                Key::Down => self.buffer.cursor.row += 1,
                Key::Home => self.buffer.cursor.column = 0,
                Key::End => self.buffer.cursor.column = usize::MAX,
                _ => {}
            }
            self.buffer.clamp(true);
        }
        self.inserting = false;
        self.buffer.cursor.column = self.buffer.cursor.column.saturating_sub(1);
        self.buffer.clamp(false);
        self.wanted_column = None;
    }

    /// Reads a line typed after `prompt` (`:`, `/`, `?`) on the last row; None if it was
    /// cancelled (Escape, or Backspace past the start).
    pub fn read_line(&mut self, prompt: char) -> Option<String> {
        let mut typed = String::new();
        loop {
            let shown = format!("{prompt}{typed}");
            if self.draw(Some(&shown)).is_err() {
                return None;
            }
            match self.key() {
                Key::Enter => return Some(typed),
                Key::Escape | Key::Ctrl('c') => return None,
                Key::Backspace => {
                    typed.pop()?;
                }
                Key::Ctrl('u') => typed.clear(),
                Key::Tab => typed.push('\t'),
                Key::Char(c) => typed.push(c),
                _ => {}
            }
        }
    }
}
