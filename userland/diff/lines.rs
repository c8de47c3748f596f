//! A file's lines, and how an output format writes one: the mark before it (`< `, `-`,
//! `! `), `-T`'s tab after the mark, `-t`'s spaces for tabs, `--suppress-blank-empty`,
//! and `--color`'s palette, as GNU diff writes them.

use std::io::{self, Write};

/// A file's lines (borrowed from its contents), and whether its last line lacked a
/// newline.
pub struct Lines<'a> {
    pub lines: Vec<&'a [u8]>,
    pub missing_newline: bool,
}

impl<'a> Lines<'a> {
    /// `strip_cr`: `--strip-trailing-cr` takes the CR off each CR LF (not off a last
    /// line that has no newline, as GNU's does not).
    pub fn split(data: &'a [u8], strip_cr: bool) -> Lines<'a> {
        if data.is_empty() {
            return Lines {
                lines: Vec::new(),
                missing_newline: false,
            };
        }
        let missing_newline = !data.ends_with(b"\n");
        let body = data.strip_suffix(b"\n").unwrap_or(data);
        // Room for lines of 32 bytes on average: untouched, the rest costs nothing, and
        // most files need no second allocation (and no copy of the first).
        let mut lines = Vec::with_capacity(data.len() / 32 + 1);
        let mut start = 0;
        let ended = |line: &'a [u8]| match line.strip_suffix(b"\r") {
            Some(stripped) if strip_cr => stripped,
            _ => line,
        };
        for end in memchr::memchr_iter(b'\n', body) {
            lines.push(ended(&body[start..end]));
            start = end + 1;
        }
        let last = &body[start..];
        lines.push(if missing_newline { last } else { ended(last) });
        Lines {
            lines,
            missing_newline,
        }
    }

    /// Whether line `i` is the last and had no newline.
    pub fn unended(&self, i: usize) -> bool {
        self.missing_newline && i + 1 == self.lines.len()
    }
}

/// The colours of `--color`: GNU's palette, changed by `--palette`.
#[derive(Clone)]
pub struct Palette {
    pub reset: String,
    pub header: String,
    pub added: String,
    pub deleted: String,
    pub line_numbers: String,
}

impl Default for Palette {
    fn default() -> Palette {
        Palette {
            reset: "0".into(),
            header: "1".into(),
            added: "32".into(),
            deleted: "31".into(),
            line_numbers: "36".into(),
        }
    }
}

impl Palette {
    /// Reads `--palette=ad=1;32:de=...`; `None` for text GNU calls unparsable.
    pub fn parse(mut self, text: &str) -> Option<Palette> {
        for entry in text.split(':').filter(|e| !e.is_empty()) {
            let (key, value) = entry.split_once('=')?;
            let slot = match key {
                "rs" => &mut self.reset,
                "hd" => &mut self.header,
                "ad" => &mut self.added,
                "de" => &mut self.deleted,
                "ln" => &mut self.line_numbers,
                _ => return None,
            };
            *slot = value.to_string();
        }
        Some(self)
    }
}

/// Which colour a written line takes.
#[derive(Clone, Copy, PartialEq)]
pub enum Paint {
    Plain,
    Added,
    Deleted,
}

/// The mark before a line: `Spaced` marks (`<`, `>`, `!`, ` `, `-`, `+` of the normal
/// and context formats) are followed by a space or `-T`'s tab; `Unified` marks are one
/// character, a tab after them with `-T` (and a tab instead of the blank of a common
/// line); `Bare` lines have none.
#[derive(Clone, Copy)]
pub enum Mark {
    Spaced(&'static str),
    Unified(u8),
    Bare,
}

/// How lines are written: the options that change it.
#[derive(Clone, Default)]
pub struct Look {
    pub expand_tabs: bool,
    pub initial_tab: bool,
    pub suppress_blank_empty: bool,
    pub tab_size: usize,
    pub palette: Option<Palette>,
}

impl Look {
    /// Starts text in colour `code` (nothing without `--color`).
    pub fn start(&self, out: &mut dyn Write, code: impl Fn(&Palette) -> &str) -> io::Result<()> {
        match &self.palette {
            Some(p) => write!(out, "\x1b[{}m", code(p)),
            None => Ok(()),
        }
    }

    pub fn end(&self, out: &mut dyn Write) -> io::Result<()> {
        match &self.palette {
            Some(p) => write!(out, "\x1b[{}m", p.reset),
            None => Ok(()),
        }
    }

    /// A header line (`--- a`), a hunk's line numbers (`@@ -1 +1 @@`): in their colours.
    pub fn header(&self, out: &mut dyn Write, text: &str) -> io::Result<()> {
        self.start(out, |p| &p.header)?;
        out.write_all(text.as_bytes())?;
        self.end(out)?;
        writeln!(out)
    }

    pub fn line_numbers(&self, out: &mut dyn Write, text: &str) -> io::Result<()> {
        self.start(out, |p| &p.line_numbers)?;
        out.write_all(text.as_bytes())?;
        self.end(out)?;
        writeln!(out)
    }

    /// Writes line `i` of `lines` after `mark`, then the newline (and GNU's note when
    /// the file had none there).
    pub fn line(
        &self,
        out: &mut dyn Write,
        lines: &Lines,
        i: usize,
        mark: Mark,
        paint: Paint,
    ) -> io::Result<()> {
        let text = lines.lines[i];
        let empty = text.is_empty() && self.suppress_blank_empty;
        match paint {
            Paint::Plain => {}
            Paint::Added => self.start(out, |p| &p.added)?,
            Paint::Deleted => self.start(out, |p| &p.deleted)?,
        }
        match mark {
            Mark::Spaced(flag) if empty => {
                out.write_all(flag.strip_prefix(' ').unwrap_or(flag).as_bytes())?
            }
            Mark::Spaced(flag) => {
                out.write_all(flag.as_bytes())?;
                out.write_all(if self.initial_tab { b"\t" } else { b" " })?;
            }
            Mark::Unified(b' ') if empty => {}
            Mark::Unified(b' ') => out.write_all(if self.initial_tab { b"\t" } else { b" " })?,
            Mark::Unified(flag) => {
                out.write_all(&[flag])?;
                if self.initial_tab && !empty {
                    out.write_all(b"\t")?;
                }
            }
            Mark::Bare => {}
        }
        self.text(out, text)?;
        if paint != Paint::Plain {
            self.end(out)?;
        }
        out.write_all(b"\n")?;
        if lines.unended(i) && !matches!(mark, Mark::Bare) {
            out.write_all(b"\\ No newline at end of file\n")?;
        }
        Ok(())
    }

    /// A line's text, its tabs as spaces with `-t` (columns counted from the text's start).
    pub fn text(&self, out: &mut dyn Write, text: &[u8]) -> io::Result<()> {
        if !self.expand_tabs || !text.contains(&b'\t') {
            return out.write_all(text);
        }
        out.write_all(&expand_tabs(text, self.tab_size))
    }
}

/// `text` with each tab as the spaces that reach the next stop of `tab_size`; a backspace
/// takes a column back and a carriage return goes to the first, as GNU diff counts them.
pub fn expand_tabs(text: &[u8], tab_size: usize) -> Vec<u8> {
    let mut expanded = Vec::with_capacity(text.len() + 8);
    let mut column = 0;
    for &b in text {
        match b {
            b'\t' => {
                let spaces = tab_size - column % tab_size;
                expanded.resize(expanded.len() + spaces, b' ');
                column += spaces;
            }
            b'\x08' => {
                column = column.saturating_sub(1);
                expanded.push(b);
            }
            b'\r' => {
                column = 0;
                expanded.push(b);
            }
            _ => {
                column += 1;
                expanded.push(b);
            }
        }
    }
    expanded
}
