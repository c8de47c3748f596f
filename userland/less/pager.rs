//! The pager's state (which file, which line is at the top, the last search) and what
//! each command does to it; `draw` puts it on the screen.

use crate::document::Document;
use crate::render::{self, Layout};
use regex::{Regex, RegexBuilder};
use std::io::{self, Write};
use wasmix_common::terminal::Size;

/// How searches treat case: as typed, -i (ignored unless the pattern has capitals), -I.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Case {
    Sensitive,
    Smart,
    Ignore,
}

pub struct Settings {
    pub numbers: bool,
    pub chop: bool,
    pub case: Case,
}

struct Search {
    regex: Regex,
    backward: bool,
}

pub struct Pager {
    pub documents: Vec<Document>,
    current: usize,
    top: usize,
    pub size: Size,
    settings: Settings,
    search: Option<Search>,
    /// Shown in place of the prompt until the next key.
    message: Option<String>,
    /// Whether the top has moved since the file was opened (the prompt names it till then).
    moved: bool,
}

impl Pager {
    pub fn new(documents: Vec<Document>, size: Size, settings: Settings) -> Pager {
        Pager {
            documents,
            current: 0,
            top: 0,
            size,
            settings,
            search: None,
            message: None,
            moved: false,
        }
    }

    fn page(&self) -> usize {
        self.size.rows.saturating_sub(1).max(1)
    }

    fn document(&mut self) -> &mut Document {
        &mut self.documents[self.current]
    }

    fn layout(&self, number: usize) -> Layout<'_> {
        Layout {
            columns: self.size.columns,
            chop: self.settings.chop,
            number: self.settings.numbers.then_some(number),
            search: self.search.as_ref().map(|s| &s.regex),
        }
    }

    fn rows_of(&mut self, index: usize) -> usize {
        let Some(text) = self.documents[self.current].line(index).map(str::to_owned) else {
            return 0;
        };
        render::rows(&text, &self.layout(index + 1)).len()
    }

    /// The top line that shows the end of the file on the last row.
    fn last_top(&mut self) -> usize {
        let mut index = self.document().len();
        let mut used = 0;
        while index > 0 {
            used += self.rows_of(index - 1);
            if used > self.page() {
                break;
            }
            index -= 1;
        }
        index
    }

    /// Moves the top to `line`, no further than the end allows.
    pub fn go_to(&mut self, line: usize) {
        let page = self.page();
        let top = if self.document().has(line + page) {
            line
        } else {
            line.min(self.last_top())
        };
        self.moved |= top != self.top;
        self.top = top;
    }

    pub fn forward(&mut self, lines: usize) {
        self.go_to(self.top + lines);
    }

    pub fn backward(&mut self, lines: usize) {
        self.go_to(self.top.saturating_sub(lines));
        self.moved = true;
    }

    pub fn forward_page(&mut self, count: Option<usize>) {
        self.forward(count.unwrap_or(self.page()));
    }

    pub fn backward_page(&mut self, count: Option<usize>) {
        self.backward(count.unwrap_or(self.page()));
    }

    pub fn half_page(&self, count: Option<usize>) -> usize {
        count.unwrap_or(self.page() / 2).max(1)
    }

    pub fn first(&mut self, count: Option<usize>) {
        self.go_to(count.unwrap_or(1).saturating_sub(1));
        self.moved = true;
    }

    pub fn last(&mut self, count: Option<usize>) {
        match count {
            Some(line) => self.go_to(line.saturating_sub(1)),
            None => {
                let top = self.last_top();
                self.moved = true;
                self.top = top;
            }
        }
    }

    /// `/pattern` (or `?pattern` backward); an empty pattern repeats the last one.
    pub fn search(&mut self, pattern: &str, backward: bool, count: usize) {
        if !pattern.is_empty() {
            let ignore = match self.settings.case {
                Case::Sensitive => false,
                Case::Ignore => true,
                Case::Smart => !pattern.chars().any(char::is_uppercase),
            };
            match RegexBuilder::new(pattern).case_insensitive(ignore).build() {
                Ok(regex) => self.search = Some(Search { regex, backward }),
                Err(_) => {
                    self.message = Some("Invalid pattern  (press RETURN)".into());
                    return;
                }
            }
        }
        self.repeat_search(false, count);
    }

    /// `n`, or with `reverse` `N`: the last search again, `count` matches on.
    pub fn repeat_search(&mut self, reverse: bool, count: usize) {
        let Some(search) = self.search.as_ref() else {
            self.message = Some("No previous regular expression  (press RETURN)".into());
            return;
        };
        let (regex, backward) = (search.regex.clone(), search.backward != reverse);
        let mut line = self.top;
        for _ in 0..count.max(1) {
            match self.find(&regex, line, backward) {
                Some(found) => line = found,
                None => {
                    self.message = Some("Pattern not found  (press RETURN)".into());
                    return;
                }
            }
        }
        self.go_to(line);
        self.moved = true;
    }

    fn find(&mut self, regex: &Regex, from: usize, backward: bool) -> Option<usize> {
        let document = &mut self.documents[self.current];
        if backward {
            (0..from)
                .rev()
                .find(|&i| document.line(i).is_some_and(|text| regex.is_match(text)))
        } else {
            let mut index = from + 1;
            while let Some(text) = document.line(index) {
                if regex.is_match(text) {
                    return Some(index);
                }
                index += 1;
            }
            None
        }
    }

    /// `:n` and `:p`: another file of the list; false when there is none that way.
    pub fn switch(&mut self, step: isize) -> bool {
        let Some(next) = self.current.checked_add_signed(step) else {
            self.message = Some("No previous file  (press RETURN)".into());
            return false;
        };
        if next >= self.documents.len() {
            self.message = Some("No next file  (press RETURN)".into());
            return false;
        }
        self.current = next;
        self.top = 0;
        self.moved = false;
        true
    }

    pub fn has_message(&self) -> bool {
        self.message.is_some()
    }

    pub fn clear_message(&mut self) {
        self.message = None;
    }

    pub fn tell(&mut self, message: String) {
        self.message = Some(message);
    }

    /// Puts the page on the screen, and the prompt (or `prompt`, a command being typed) on
    /// the last row.
    pub fn draw(&mut self, out: &mut impl Write, typing: Option<&str>) -> io::Result<()> {
        let page = self.page();
        let mut screen = String::from("\x1b[H");
        let mut shown = 0;
        let mut index = self.top;
        while shown < page {
            let Some(text) = self.documents[self.current].line(index).map(str::to_owned) else {
                screen.push_str("~\x1b[K\r\n");
                shown += 1;
                continue;
            };
            for row in render::rows(&text, &self.layout(index + 1))
                .into_iter()
                .take(page - shown)
            {
                screen.push_str(&row);
                screen.push_str("\x1b[K\r\n");
                shown += 1;
            }
            index += 1;
        }
        let at_end = !self.document().has(index);
        let prompt = match (typing, self.message.as_ref()) {
            (Some(typed), _) => typed.to_string(),
            (None, Some(message)) => format!("\x1b[7m{message}\x1b[27m"),
            (None, None) => self.prompt(at_end),
        };
        screen.push_str(&prompt);
        screen.push_str("\x1b[K");
        out.write_all(screen.as_bytes())?;
        out.flush()
    }

    fn prompt(&self, at_end: bool) -> String {
        let document = &self.documents[self.current];
        let next = self.documents.get(self.current + 1);
        if at_end {
            return match next {
                Some(next) => format!("\x1b[7m(END) - Next: {}\x1b[27m", next.name),
                None => "\x1b[7m(END)\x1b[27m".into(),
            };
        }
        if !self.moved && document.name != "-" {
            return match self.documents.len() {
                1 => format!("\x1b[7m{}\x1b[27m", document.name),
                n => format!(
                    "\x1b[7m{} (file {} of {n})\x1b[27m",
                    document.name,
                    self.current + 1
                ),
            };
        }
        ":".into()
    }
}
