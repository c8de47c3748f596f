//! Reading paragraphs and choosing their line breaks, as GNU's fmt: the input is read a
//! byte at a time through the same states (prefix, indentation, words and the space
//! after each), so that the same input breaks in the same places.

use std::io::{self, Write};

/// The most text and words held for one paragraph; a longer one is written in parts.
pub const MAX_CHARS: usize = 5000;
const MAX_WORDS: usize = 1000;
const TAB_WIDTH: i64 = 8;
/// The indentation of a one-line tagged paragraph's (absent) later lines.
const DEFAULT_INDENT: i64 = 3;

/// The costs of a line layout: squares, so that two lines a little short cost less than
/// one far short.
type Cost = i64;
const MAX_COST: Cost = i64::MAX;
const fn equiv(n: i64) -> Cost {
    n * n
}
const fn short_cost(n: i64) -> Cost {
    equiv(n * 10)
}
const fn ragged_cost(n: i64) -> Cost {
    short_cost(n) / 2
}
const LINE_COST: Cost = equiv(70);
const fn widow_cost(n: i64) -> Cost {
    equiv(200) / (n + 2)
}
const fn orphan_cost(n: i64) -> Cost {
    equiv(150) / (n + 2)
}
const SENTENCE_BONUS: Cost = equiv(50);
const NOBREAK_COST: Cost = equiv(600);
const PAREN_BONUS: Cost = equiv(40);
const PUNCT_BONUS: Cost = equiv(40);
const LINE_CREDIT: Cost = equiv(3);

/// How paragraphs are shaped: `-c`, `-t`, `-s`, `-u`.
#[derive(Clone, Copy, Default)]
pub struct Layout {
    pub crown: bool,
    pub tagged: bool,
    pub split: bool,
    pub uniform: bool,
}

pub struct Formatter {
    layout: Layout,
    /// `-p`'s prefix without its trailing blanks; how many blanks led it; its length
    /// with its trailing blanks.
    prefix: Vec<u8>,
    prefix_lead_indent: i64,
    prefix_full_length: i64,
    max_width: i64,
    goal_width: i64,
}

impl Formatter {
    pub fn new(layout: Layout, prefix: &str, max_width: usize, goal_width: usize) -> Formatter {
        let lead = prefix.bytes().take_while(|&b| b == b' ').count();
        let full = &prefix.as_bytes()[lead..];
        let trimmed = full.len() - full.iter().rev().take_while(|&&b| b == b' ').count();
        Formatter {
            layout,
            prefix: full[..trimmed].to_vec(),
            prefix_lead_indent: lead as i64,
            prefix_full_length: full.len() as i64,
            max_width: max_width as i64,
            goal_width: goal_width as i64,
        }
    }

    /// Formats one file's text onto `out`.
    pub fn format(&self, text: &[u8], out: &mut dyn Write) -> io::Result<()> {
        let mut run = Run {
            options: self,
            text,
            at: 0,
            out,
            tabs: false,
            prefix_indent: 0,
            first_indent: 0,
            other_indent: 0,
            next_char: None,
            next_prefix_indent: 0,
            in_column: 0,
            out_column: 0,
            last_line_length: 0,
            parabuf: Vec::with_capacity(MAX_CHARS),
            words: vec![Word::default(); MAX_WORDS],
            limit: 0,
        };
        run.next_char = run.get_prefix();
        while run.get_paragraph()? {
            run.fmt_paragraph();
            run.put_paragraph(run.limit)?;
        }
        Ok(())
    }
}

#[derive(Clone, Copy, Default)]
struct Word {
    /// Where its text starts in the paragraph buffer, and its length.
    text: usize,
    length: i64,
    /// The space after it on output.
    space: i64,
    /// It opens with `(['"` or a backquote; ends in punctuation; ends a sentence (`.?!`
    /// before closing quotes and brackets); ends one followed by two spaces or a line's end.
    paren: bool,
    punct: bool,
    period: bool,
    is_final: bool,
    /// The best layout of the words from here on: its line's length, cost and next line.
    line_length: i64,
    best_cost: Cost,
    next_break: usize,
}

/// The state of formatting one input, as GNU's fmt keeps it.
struct Run<'a> {
    options: &'a Formatter,
    text: &'a [u8],
    at: usize,
    out: &'a mut dyn Write,
    /// Whether tabs were seen in indentation, so output indents with them too.
    tabs: bool,
    prefix_indent: i64,
    first_indent: i64,
    other_indent: i64,
    next_char: Option<u8>,
    next_prefix_indent: i64,
    in_column: i64,
    out_column: i64,
    last_line_length: i64,
    parabuf: Vec<u8>,
    words: Vec<Word>,
    /// The paragraph's words are `words[..limit]`.
    limit: usize,
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

impl Run<'_> {
    fn getc(&mut self) -> Option<u8> {
        let c = self.text.get(self.at).copied();
        self.at += usize::from(c.is_some());
        c
    }

    fn putc(&mut self, c: u8) -> io::Result<()> {
        self.out.write_all(&[c])
    }

    /// Skips blanks, counting columns.
    fn get_space(&mut self, mut c: Option<u8>) -> Option<u8> {
        loop {
            match c {
                Some(b' ') => self.in_column += 1,
                Some(b'\t') => {
                    self.tabs = true;
                    self.in_column = (self.in_column / TAB_WIDTH + 1) * TAB_WIDTH;
                }
                _ => return c,
            }
            c = self.getc();
        }
    }

    /// Reads a line's indentation and prefix; returns the byte after them.
    fn get_prefix(&mut self) -> Option<u8> {
        self.in_column = 0;
        let first = self.getc();
        let mut c = self.get_space(first);
        let options = self.options;
        if options.prefix.is_empty() {
            self.next_prefix_indent = options.prefix_lead_indent.min(self.in_column);
        } else {
            self.next_prefix_indent = self.in_column;
            for &p in &options.prefix {
                if c != Some(p) {
                    return c;
                }
                self.in_column += 1;
                c = self.getc();
            }
            c = self.get_space(c);
        }
        c
    }

    /// Copies the rest of a line that is not part of a paragraph.
    fn copy_rest(&mut self, mut c: Option<u8>) -> io::Result<Option<u8>> {
        let options = self.options;
        self.out_column = 0;
        if self.in_column > self.next_prefix_indent || !matches!(c, Some(b'\n') | None) {
            self.put_space(self.next_prefix_indent)?;
            let mut shown = options.prefix.iter();
            while self.out_column != self.in_column {
                let Some(&p) = shown.next() else { break };
                self.putc(p)?;
                self.out_column += 1;
            }
            if !matches!(c, Some(b'\n') | None) {
                self.put_space(self.in_column - self.out_column)?;
            }
            if c.is_none()
                && self.in_column >= self.next_prefix_indent + options.prefix.len() as i64
            {
                self.putc(b'\n')?;
            }
        }
        while let Some(byte) = c.filter(|&b| b != b'\n') {
            self.putc(byte)?;
            c = self.getc();
        }
        Ok(c)
    }

    /// Whether the line just begun continues the paragraph (same prefix, not blank).
    fn same_paragraph(&self, c: Option<u8>) -> bool {
        self.next_prefix_indent == self.prefix_indent
            && self.in_column >= self.next_prefix_indent + self.options.prefix_full_length
            && !matches!(c, Some(b'\n') | None)
    }

    fn set_other_indent(&mut self, same_paragraph: bool) {
        let layout = self.options.layout;
        if layout.split {
            self.other_indent = self.first_indent;
        } else if layout.crown {
            self.other_indent = if same_paragraph {
                self.in_column
            } else {
                self.first_indent
            };
        } else if layout.tagged {
            if same_paragraph && self.in_column != self.first_indent {
                self.other_indent = self.in_column;
            } else if self.other_indent == self.first_indent {
                self.other_indent = if self.first_indent == 0 {
                    DEFAULT_INDENT
                } else {
                    0
                };
            }
        } else {
            self.other_indent = self.first_indent;
        }
    }

    /// Reads the next paragraph into the word list, copying the lines before it that
    /// belong to none; false at the end of the input.
    fn get_paragraph(&mut self) -> io::Result<bool> {
        self.last_line_length = 0;
        let mut c = self.next_char;
        let options = self.options;
        while matches!(c, Some(b'\n') | None)
            || self.next_prefix_indent < options.prefix_lead_indent
            || self.in_column < self.next_prefix_indent + options.prefix_full_length
        {
            c = self.copy_rest(c)?;
            if c.is_none() {
                self.next_char = None;
                return Ok(false);
            }
            self.putc(b'\n')?;
            c = self.get_prefix();
        }
        self.prefix_indent = self.next_prefix_indent;
        self.first_indent = self.in_column;
        self.parabuf.clear();
        self.limit = 0;
        c = self.get_line(c)?;
        let same = self.same_paragraph(c);
        self.set_other_indent(same);
        let layout = options.layout;
        let more = if layout.split {
            false
        } else if layout.crown {
            self.same_paragraph(c)
        } else if layout.tagged {
            self.same_paragraph(c) && self.in_column != self.first_indent
        } else {
            self.same_paragraph(c) && self.in_column == self.other_indent
        };
        if more {
            loop {
                c = self.get_line(c)?;
                if !(self.same_paragraph(c) && self.in_column == self.other_indent) {
                    break;
                }
            }
        }
        let last = &mut self.words[self.limit - 1];
        last.period = true;
        last.is_final = true;
        self.next_char = c;
        Ok(true)
    }

    /// Reads the words of one line (its prefix already read); returns the byte after the
    /// next line's prefix.
    fn get_line(&mut self, mut c: Option<u8>) -> io::Result<Option<u8>> {
        let uniform = self.options.layout.uniform;
        loop {
            self.words[self.limit].text = self.parabuf.len();
            // A line goes on only while a byte follows; the first is the word's whatever it is.
            let Some(mut byte) = c else { break };
            loop {
                if self.parabuf.len() == MAX_CHARS {
                    self.set_other_indent(true);
                    self.flush_paragraph()?;
                }
                self.parabuf.push(byte);
                c = self.getc();
                match c {
                    Some(next) if !is_space(next) => byte = next,
                    _ => break,
                }
            }
            let length = (self.parabuf.len() - self.words[self.limit].text) as i64;
            self.words[self.limit].length = length;
            self.in_column += length;
            self.check_punctuation(self.limit);
            let start = self.in_column;
            c = self.get_space(c);
            let word = &mut self.words[self.limit];
            word.space = self.in_column - start;
            word.is_final = c.is_none() || (word.period && (c == Some(b'\n') || word.space > 1));
            if matches!(c, Some(b'\n') | None) || uniform {
                word.space = if word.is_final { 2 } else { 1 };
            }
            if self.limit == MAX_WORDS - 2 {
                self.set_other_indent(true);
                self.flush_paragraph()?;
            }
            self.limit += 1;
            if matches!(c, Some(b'\n') | None) {
                break;
            }
        }
        Ok(self.get_prefix())
    }

    fn check_punctuation(&mut self, index: usize) {
        let word = self.words[index];
        let text = &self.parabuf[word.text..word.text + word.length as usize];
        let (first, last) = (text[0], text[text.len() - 1]);
        // GNU looks each byte up with `strchr`, which finds a NUL in any string: a NUL
        // opens, closes and ends a sentence.
        let mut finish = text.len() - 1;
        while finish > 0 && matches!(text[finish], b')' | b']' | b'\'' | b'"' | 0) {
            finish -= 1;
        }
        let word = &mut self.words[index];
        word.paren = matches!(first, b'(' | b'[' | b'\'' | b'`' | b'"' | 0);
        word.punct = last.is_ascii_punctuation();
        word.period = matches!(text[finish], b'.' | b'?' | b'!' | 0);
    }

    /// Chooses the line breaks of `words[..limit]` with the least total cost.
    fn fmt_paragraph(&mut self) {
        let limit = self.limit;
        let (max_width, goal_width) = (self.options.max_width, self.options.goal_width);
        self.words[limit].best_cost = 0;
        for start in (0..limit).rev() {
            let mut best = MAX_COST;
            let mut len = if start == 0 {
                self.first_indent
            } else {
                self.other_indent
            };
            let mut w = start;
            len += self.words[w].length;
            loop {
                w += 1;
                let mut cost = self.line_cost(w, len, goal_width);
                cost = cost.saturating_add(self.words[w].best_cost);
                if start == 0 && self.last_line_length > 0 {
                    cost = cost.saturating_add(ragged_cost(len - self.last_line_length));
                }
                if cost < best {
                    best = cost;
                    self.words[start].next_break = w;
                    self.words[start].line_length = len;
                }
                if w == limit {
                    break;
                }
                len += self.words[w - 1].space + self.words[w].length;
                if len >= max_width {
                    break;
                }
            }
            self.words[start].best_cost = best.saturating_add(self.base_cost(start));
        }
    }

    /// What ending a line at `len` columns before word `next` costs.
    fn line_cost(&self, next: usize, len: i64, goal_width: i64) -> Cost {
        if next == self.limit {
            return 0;
        }
        let mut cost = short_cost(goal_width - len);
        let after = self.words[next];
        if after.next_break != self.limit {
            cost += ragged_cost(len - after.line_length);
        }
        cost
    }

    /// What starting a line with word `this` costs, by the words around the break.
    fn base_cost(&self, this: usize) -> Cost {
        let mut cost = LINE_COST;
        if this > 0 {
            let before = self.words[this - 1];
            if before.period {
                if before.is_final {
                    cost -= SENTENCE_BONUS;
                } else {
                    cost += NOBREAK_COST;
                }
            } else if before.punct {
                cost -= PUNCT_BONUS;
            } else if this > 1 && self.words[this - 2].is_final {
                cost += widow_cost(before.length);
            }
        }
        let word = self.words[this];
        if word.paren {
            cost -= PAREN_BONUS;
        } else if word.is_final {
            cost += orphan_cost(word.length);
        }
        cost
    }

    /// Writes the first part of a paragraph too long to hold, at its best break, and
    /// keeps the rest.
    fn flush_paragraph(&mut self) -> io::Result<()> {
        if self.limit == 0 {
            self.out.write_all(&self.parabuf)?;
            self.parabuf.clear();
            return Ok(());
        }
        self.fmt_paragraph();
        let mut split_point = self.limit;
        let mut best_break = MAX_COST;
        let mut w = self.words[0].next_break;
        while w != self.limit {
            let gain = self.words[w].best_cost - self.words[self.words[w].next_break].best_cost;
            if gain < best_break {
                split_point = w;
                best_break = gain;
            }
            if best_break <= MAX_COST - LINE_CREDIT {
                best_break += LINE_CREDIT;
            }
            w = self.words[w].next_break;
        }
        self.put_paragraph(split_point)?;
        let shift = self.words[split_point].text;
        self.parabuf.drain(..shift);
        for word in &mut self.words[split_point..=self.limit] {
            word.text -= shift;
        }
        self.words.copy_within(split_point..=self.limit, 0);
        self.limit -= split_point;
        Ok(())
    }

    fn put_paragraph(&mut self, finish: usize) -> io::Result<()> {
        self.put_line(0, self.first_indent)?;
        let mut w = self.words[0].next_break;
        while w != finish {
            self.put_line(w, self.other_indent)?;
            w = self.words[w].next_break;
        }
        Ok(())
    }

    fn put_line(&mut self, mut w: usize, indent: i64) -> io::Result<()> {
        self.out_column = 0;
        self.put_space(self.prefix_indent)?;
        let prefix = &self.options.prefix;
        self.out.write_all(prefix)?;
        self.out_column += prefix.len() as i64;
        self.put_space(indent - self.out_column)?;
        let end = self.words[w].next_break - 1;
        while w != end {
            self.put_word(w)?;
            self.put_space(self.words[w].space)?;
            w += 1;
        }
        self.put_word(w)?;
        self.last_line_length = self.out_column;
        self.putc(b'\n')
    }

    fn put_word(&mut self, w: usize) -> io::Result<()> {
        let word = self.words[w];
        self.out
            .write_all(&self.parabuf[word.text..word.text + word.length as usize])?;
        self.out_column += word.length;
        Ok(())
    }

    /// Moves out `space` columns, with tabs where the input's indentation had them.
    fn put_space(&mut self, space: i64) -> io::Result<()> {
        let target = self.out_column + space;
        if self.tabs {
            let tab_target = target / TAB_WIDTH * TAB_WIDTH;
            if self.out_column + 1 < tab_target {
                while self.out_column < tab_target {
                    self.putc(b'\t')?;
                    self.out_column = (self.out_column / TAB_WIDTH + 1) * TAB_WIDTH;
                }
            }
        }
        while self.out_column < target {
            self.putc(b' ')?;
            self.out_column += 1;
        }
        Ok(())
    }
}
