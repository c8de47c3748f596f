//! The current record and its fields. Fields are split only when first asked for, with
//! the FS in force when the record was read (as POSIX says); assigning a field or NF
//! rebuilds `$0` with OFS.

use crate::ere;
use crate::value::Value;
use regex::Regex;

/// How FS splits: blanks (FS=" "), one literal character, each character (FS=""), or a regex.
#[derive(Clone)]
pub enum Splitter {
    Blanks,
    Char(char),
    Chars,
    Regex(Regex),
}

impl Splitter {
    /// `paragraphs`: RS is "" and a newline separates fields too, when FS is a single
    /// character (POSIX; gawk and the one true awk agree); a regex FS is left as it is.
    pub fn new(fs: &str, paragraphs: bool) -> Result<Splitter, String> {
        let mut chars = fs.chars();
        let splitter = match (chars.next(), chars.next()) {
            (Some(' '), None) => return Ok(Splitter::Blanks),
            (None, _) => return Ok(Splitter::Chars),
            (Some('\\'), None) => Splitter::Char('\\'),
            (Some(c), None) if !paragraphs && c != ' ' => Splitter::Char(c),
            (Some(c), None) => {
                Splitter::Regex(ere::compile(&format!("[{}]|\n", escape_in_brackets(c)))?)
            }
            _ => Splitter::Regex(ere::compile(fs)?),
        };
        Ok(splitter)
    }

    /// The byte ranges of the fields of `text`.
    pub fn split(&self, text: &str, out: &mut Vec<(usize, usize)>) {
        out.clear();
        match self {
            Splitter::Blanks => {
                let bytes = text.as_bytes();
                let mut i = 0;
                loop {
                    while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n') {
                        i += 1;
                    }
                    if i == bytes.len() {
                        return;
                    }
                    let start = i;
                    while i < bytes.len() && !matches!(bytes[i], b' ' | b'\t' | b'\n') {
                        i += 1;
                    }
                    out.push((start, i));
                }
            }
            Splitter::Chars => out.extend(text.char_indices().map(|(i, c)| (i, i + c.len_utf8()))),
            _ if text.is_empty() => {}
            Splitter::Char(c) if c.is_ascii() => {
                let mut start = 0;
                for i in memchr::memchr_iter(*c as u8, text.as_bytes()) {
                    out.push((start, i));
                    start = i + 1;
                }
                out.push((start, text.len()));
            }
            Splitter::Char(c) => {
                let mut start = 0;
                for (i, _) in text.match_indices(*c) {
                    out.push((start, i));
                    start = i + c.len_utf8();
                }
                out.push((start, text.len()));
            }
            Splitter::Regex(re) => {
                let mut start = 0;
                for m in re.find_iter(text) {
                    if m.end() == m.start() {
                        continue;
                    }
                    out.push((start, m.start()));
                    start = m.end();
                }
                out.push((start, text.len()));
            }
        }
    }
}

fn escape_in_brackets(c: char) -> String {
    if "\\]^-[".contains(c) {
        format!("\\{c}")
    } else {
        c.to_string()
    }
}

/// The record: its text and, once asked for, where its fields are. After a field is
/// assigned, the fields are values of their own and the text is rebuilt from them.
#[derive(Default)]
pub struct Record {
    text: String,
    spans: Vec<(usize, usize)>,
    assigned: Option<Vec<Value>>,
    /// All fields are found (blanks are split only as far as a field is asked for).
    split: bool,
    /// Where looking for the next blank-separated field goes on.
    scanned: usize,
}

impl Record {
    /// Takes the text buffer to read the next record into (its allocation is reused).
    pub fn take_buffer(&mut self) -> String {
        let mut buffer = std::mem::take(&mut self.text);
        buffer.clear();
        buffer
    }

    /// Makes `text` the record; returns the old text's buffer for reuse.
    pub fn install(&mut self, text: String) -> String {
        self.assigned = None;
        self.split = false;
        self.spans.clear();
        self.scanned = 0;
        std::mem::replace(&mut self.text, text)
    }

    pub fn set(&mut self, text: &str) {
        let mut buffer = self.take_buffer();
        buffer.push_str(text);
        self.install(buffer);
    }

    pub fn whole(&self) -> Value {
        Value::input(&self.text)
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    fn ensure_split(&mut self, splitter: &Splitter) {
        self.split_to(splitter, usize::MAX);
    }

    /// Finds fields until there are `wanted` (or all of them).
    fn split_to(&mut self, splitter: &Splitter, wanted: usize) {
        if self.split || self.spans.len() >= wanted {
            return;
        }
        if let Splitter::Char(c) = splitter
            && c.is_ascii()
            && !self.text.is_empty()
        {
            let bytes = self.text.as_bytes();
            let mut start = self.scanned;
            while self.spans.len() < wanted {
                match memchr::memchr(*c as u8, &bytes[start..]) {
                    Some(i) => {
                        self.spans.push((start, start + i));
                        start += i + 1;
                    }
                    None => {
                        self.spans.push((start, bytes.len()));
                        self.split = true;
                        break;
                    }
                }
            }
            self.scanned = start;
            return;
        }
        if !matches!(splitter, Splitter::Blanks) {
            splitter.split(&self.text, &mut self.spans);
            self.split = true;
            return;
        }
        let bytes = self.text.as_bytes();
        if wanted == usize::MAX {
            crate::blanks::split(bytes, self.scanned, &mut self.spans);
            self.scanned = bytes.len();
            self.split = true;
            return;
        }
        let mut i = self.scanned;
        while self.spans.len() < wanted {
            while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n') {
                i += 1;
            }
            if i == bytes.len() {
                self.split = true;
                break;
            }
            let start = i;
            while i < bytes.len() && !matches!(bytes[i], b' ' | b'\t' | b'\n') {
                i += 1;
            }
            self.spans.push((start, i));
        }
        self.scanned = i;
    }

    pub fn nf(&mut self, splitter: &Splitter) -> usize {
        self.ensure_split(splitter);
        match &self.assigned {
            Some(fields) => fields.len(),
            None => self.spans.len(),
        }
    }

    pub fn field(&mut self, i: usize, splitter: &Splitter) -> Value {
        if i == 0 {
            return self.whole();
        }
        self.split_to(splitter, i);
        // A field past NF is the empty string (it compares as a string, `$9 != 0`).
        match &self.assigned {
            Some(fields) => fields.get(i - 1).cloned().unwrap_or_else(|| Value::str("")),
            None => match self.spans.get(i - 1) {
                Some(&(start, end)) => Value::input(&self.text[start..end]),
                None => Value::str(""),
            },
        }
    }

    /// Appends field `i`'s text to `out` (printing needs no value).
    pub fn append_field(&mut self, i: usize, splitter: &Splitter, ofmt: &str, out: &mut String) {
        if i == 0 {
            out.push_str(&self.text);
            return;
        }
        self.split_to(splitter, i);
        match &self.assigned {
            Some(fields) => {
                if let Some(field) = fields.get(i - 1) {
                    out.push_str(&field.text(ofmt));
                }
            }
            None => {
                if let Some(&(start, end)) = self.spans.get(i - 1) {
                    out.push_str(&self.text[start..end]);
                }
            }
        }
    }

    fn fields_mut(&mut self, splitter: &Splitter) -> &mut Vec<Value> {
        self.ensure_split(splitter);
        let (text, spans) = (&self.text, &self.spans);
        self.assigned.get_or_insert_with(|| {
            spans
                .iter()
                .map(|&(s, e)| Value::input(&text[s..e]))
                .collect()
        })
    }

    pub fn set_field(
        &mut self,
        i: usize,
        value: Value,
        splitter: &Splitter,
        ofs: &str,
        convfmt: &str,
    ) {
        if i == 0 {
            self.set(&value.text(convfmt));
            return;
        }
        let fields = self.fields_mut(splitter);
        if fields.len() < i {
            fields.resize(i, Value::str(""));
        }
        fields[i - 1] = value;
        self.rebuild(ofs, convfmt);
    }

    pub fn set_nf(&mut self, nf: usize, splitter: &Splitter, ofs: &str, convfmt: &str) {
        self.fields_mut(splitter).resize(nf, Value::str(""));
        self.rebuild(ofs, convfmt);
    }

    fn rebuild(&mut self, ofs: &str, convfmt: &str) {
        let mut text = std::mem::take(&mut self.text);
        text.clear();
        for (i, field) in self.assigned.iter().flatten().enumerate() {
            if i > 0 {
                text.push_str(ofs);
            }
            text.push_str(&field.text(convfmt));
        }
        self.text = text;
    }
}
