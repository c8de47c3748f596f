//! The `:` commands (`:w`, `:q`, `:wq`, `:x`, `:s`, `:d`, `:N`) and searching (`/`, `?`,
//! `n`, `N`). Patterns are vi's: basic regular expressions, `\<` `\>` for word edges.

use crate::buffer::Position;
use crate::editor::{Editor, Search};
use crate::motion;
use regex::{Regex, RegexBuilder};
use std::io::Write;
use wasmix_common::posix_regex::{Dialect, Syntax, translate};

fn compile(pattern: &str) -> Result<Regex, String> {
    builder(pattern)
        .and_then(|builder| builder.build().ok())
        .ok_or_else(|| format!("E486: Pattern not found: {pattern}"))
}

/// A basic regular expression in the regex crate's terms, ready to build.
fn builder(pattern: &str) -> Option<RegexBuilder> {
    let syntax = Syntax {
        extended: false,
        dialect: Dialect::Glibc,
        control_escapes: false,
        bracket_escapes: false,
    };
    translate(pattern, syntax)
        .ok()
        .map(|translation| RegexBuilder::new(&translation.pattern))
}

/// A replacement in vi's terms (`&`, `\1`, `\&`) in the regex crate's (`${0}`, `${1}`, `&`).
fn replacement(text: &str) -> String {
    let mut converted = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '&' => converted.push_str("${0}"),
            '$' => converted.push_str("$$"),
            '\\' => match chars.next() {
                Some(digit @ '0'..='9') => converted.push_str(&format!("${{{digit}}}")),
                Some('n') => converted.push('\0'),
                Some('t') => converted.push('\t'),
                Some('$') => converted.push_str("$$"),
                Some(other) => converted.push(other),
                None => converted.push('\\'),
            },
            other => converted.push(other),
        }
    }
    converted
}

impl<W: Write> Editor<W> {
    /// `"name" 3L, 12B`, what Ctrl-G and `:w` say of the file.
    pub fn file_summary(&self) -> String {
        let name = self.path.as_deref().unwrap_or("[No Name]");
        let modified = if self.buffer.modified {
            " [Modified]"
        } else {
            ""
        };
        let bytes = self.buffer.bytes();
        let lines = bytes.iter().filter(|&&b| b == b'\n').count();
        format!("\"{name}\"{modified} {lines}L, {}B", bytes.len())
    }

    /// One line address: a number, `.`, `$`, with `+N` or `-N` after.
    fn address(&self, text: &str) -> Option<(usize, usize)> {
        let bytes = text.as_bytes();
        let mut used = 0;
        let mut row = match bytes.first()? {
            b'.' => {
                used = 1;
                self.buffer.cursor.row
            }
            b'$' => {
                used = 1;
                self.buffer.last_row()
            }
            b'0'..=b'9' => {
                used = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
                text[..used].parse::<usize>().ok()?.saturating_sub(1)
            }
            b'+' | b'-' => self.buffer.cursor.row,
            _ => return None,
        };
        while let Some(&sign @ (b'+' | b'-')) = bytes.get(used) {
            used += 1;
            let digits = bytes[used..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            let amount = text[used..used + digits].parse::<usize>().unwrap_or(1);
            used += digits;
            row = if sign == b'+' {
                row + amount
            } else {
                row.saturating_sub(amount)
            };
        }
        Some((row.min(self.buffer.last_row()), used))
    }

    /// Runs one `:` command line.
    pub fn ex(&mut self, line: &str) {
        let line = line.trim_start_matches([' ', ':']);
        let (range, rest) = if let Some(rest) = line.strip_prefix('%') {
            (Some((0, self.buffer.last_row())), rest)
        } else if let Some((first, used)) = self.address(line) {
            let rest = &line[used..];
            match rest
                .strip_prefix(',')
                .and_then(|r| self.address(r).map(|a| (a, r)))
            {
                Some(((last, used), after)) => (Some((first, last)), &after[used..]),
                None => (Some((first, first)), rest),
            }
        } else {
            (None, line)
        };
        let rest = rest.trim_start();
        let (name, argument) = match rest.find(|c: char| !c.is_ascii_alphabetic()) {
            Some(0) => (&rest[..1], rest[1..].trim()),
            Some(end) => (&rest[..end], rest[end..].trim()),
            None => (rest, ""),
        };
        let (forced, argument) = match argument.strip_prefix('!') {
            Some(after) => (true, after.trim()),
            None => (false, argument),
        };
        let argument = (!argument.is_empty()).then_some(argument);
        match name {
            "" => {
                if let Some((_, last)) = range {
                    self.buffer.cursor = motion::line_start(&self.buffer, last);
                }
            }
            "w" | "write" => {
                self.write(argument, forced);
            }
            "q" | "quit" => self.quit_unless_modified(forced),
            "wq" | "x" | "xit" | "exit" => {
                let needed = name.starts_with('w') || self.buffer.modified || argument.is_some();
                if !needed || self.write(argument, forced) {
                    self.quit = true;
                }
            }
            "s" | "substitute" => {
                let row = self.buffer.cursor.row;
                let (first, last) = range.unwrap_or((row, row));
                self.substitute(first, last, &rest[name.len()..]);
            }
            "d" | "delete" => {
                let row = self.buffer.cursor.row;
                let (first, last) = range.unwrap_or((row, row));
                self.buffer.checkpoint();
                self.register = self.buffer.delete_lines(first, last);
            }
            _ => self.message = Some(format!("E492: Not an editor command: {line}")),
        }
        self.buffer.clamp(false);
    }

    fn quit_unless_modified(&mut self, forced: bool) {
        if self.buffer.modified && !forced {
            self.message = Some("E37: No write since last change (add ! to override)".into());
        } else {
            self.quit = true;
        }
    }

    /// `:w [FILE]`; whether the text was written.
    fn write(&mut self, to: Option<&str>, forced: bool) -> bool {
        let Some(path) = to.map(str::to_string).or_else(|| self.path.clone()) else {
            self.message = Some("E32: No file name".into());
            return false;
        };
        let other_file = self.path.as_deref().is_some_and(|own| own != path);
        if other_file && !forced && std::fs::metadata(&path).is_ok() {
            self.message = Some("E13: File exists (add ! to override)".into());
            return false;
        }
        let existed = std::fs::metadata(&path).is_ok();
        let bytes = self.buffer.bytes();
        if let Err(e) = std::fs::write(&path, &bytes) {
            let reason = wasmix_common::describe_io_error(&e);
            self.message = Some(format!(
                "\"{path}\" E212: Can't open file for writing: {reason}"
            ));
            return false;
        }
        if self.path.is_none() {
            self.path = Some(path.clone());
        }
        if !other_file {
            self.buffer.modified = false;
        }
        let new = if existed { "" } else { " [New]" };
        let lines = bytes.iter().filter(|&&b| b == b'\n').count();
        self.message = Some(format!(
            "\"{path}\"{new} {lines}L, {}B written",
            bytes.len()
        ));
        true
    }

    /// `:s/PATTERN/REPLACEMENT/[g][i]` on rows `first..=last`.
    fn substitute(&mut self, first: usize, last: usize, command: &str) {
        let mut chars = command.chars();
        let Some(delimiter) = chars.next().filter(|c| !c.is_alphanumeric() && *c != '\\') else {
            self.message = Some("E486: Pattern not found".into());
            return;
        };
        let mut parts = vec![String::new()];
        while let Some(c) = chars.next() {
            match c {
                '\\' => match chars.next() {
                    Some(next) if next == delimiter => parts.last_mut().unwrap().push(next),
                    Some(next) => {
                        let part = parts.last_mut().unwrap();
                        part.push('\\');
                        part.push(next);
                    }
                    None => parts.last_mut().unwrap().push('\\'),
                },
                c if c == delimiter && parts.len() < 3 => parts.push(String::new()),
                c => parts.last_mut().unwrap().push(c),
            }
        }
        parts.resize(3, String::new());
        let (pattern, with, flags) = (&parts[0], &parts[1], &parts[2]);
        let Some(pattern) = self.pattern_or_last(pattern) else {
            return;
        };
        let regex = builder(&pattern)
            .and_then(|mut builder| builder.case_insensitive(flags.contains('i')).build().ok());
        let Some(regex) = regex else {
            self.message = Some(format!("E486: Pattern not found: {pattern}"));
            return;
        };
        let with = replacement(with);
        let all = flags.contains('g');
        let mut changed_rows = Vec::new();
        let mut replaced = Vec::new();
        for row in first..=last.min(self.buffer.last_row()) {
            let text: String = self.buffer.line(row).iter().collect();
            if !regex.is_match(&text) {
                continue;
            }
            let new = if all {
                regex.replace_all(&text, with.as_str())
            } else {
                regex.replacen(&text, 1, with.as_str())
            };
            changed_rows.push(row);
            replaced.push(new.into_owned());
        }
        if changed_rows.is_empty() {
            self.message = Some(format!("E486: Pattern not found: {pattern}"));
            return;
        }
        self.buffer.checkpoint();
        // A `\n` in the replacement splits the line; rows below move down.
        let mut shift = 0;
        for (row, text) in changed_rows.iter().zip(&replaced) {
            let row = row + shift;
            let pieces: Vec<Vec<char>> = text.split('\0').map(|p| p.chars().collect()).collect();
            shift += pieces.len() - 1;
            self.buffer.lines.splice(row..=row, pieces);
        }
        let last_changed = changed_rows[changed_rows.len() - 1] + shift;
        self.buffer.cursor = motion::line_start(&self.buffer, last_changed);
        if changed_rows.len() > 2 {
            self.message = Some(format!(
                "{} substitutions on {} lines",
                replaced.len(),
                changed_rows.len()
            ));
        }
    }

    /// The pattern, or the last search's when it is empty (None, and a message, if there
    /// has been none).
    fn pattern_or_last(&mut self, pattern: &str) -> Option<String> {
        if !pattern.is_empty() {
            return Some(pattern.to_string());
        }
        let last = self.search.as_ref().map(|search| search.pattern.clone());
        if last.is_none() {
            self.message = Some("E35: No previous regular expression".into());
        }
        last
    }

    /// `/PATTERN` and `?PATTERN` (an empty one repeats the last), `count` matches on.
    pub fn search_for(&mut self, pattern: &str, forward: bool, count: usize) {
        let Some(pattern) = self.pattern_or_last(pattern) else {
            return;
        };
        match compile(&pattern) {
            Ok(regex) => {
                self.search = Some(Search {
                    regex,
                    pattern,
                    forward,
                })
            }
            Err(message) => {
                self.message = Some(message);
                return;
            }
        }
        if let Some(found) = self.next_match(forward, count) {
            self.buffer.cursor = found;
        }
    }

    /// The `count`th match of the last search from the cursor, wrapping around the ends.
    pub fn next_match(&mut self, forward: bool, count: usize) -> Option<Position> {
        let search = self.search.as_ref()?;
        let regex = search.regex.clone();
        let pattern = search.pattern.clone();
        let rows = self.buffer.lines.len();
        let mut at = self.buffer.cursor;
        let mut wrapped = false;
        for _ in 0..count.max(1) {
            let mut found = None;
            for step in 0..=rows {
                let row = if forward {
                    (at.row + step) % rows
                } else {
                    (at.row + rows * 2 - step) % rows
                };
                wrapped |= if forward { row < at.row } else { row > at.row };
                let text: String = self.buffer.line(row).iter().collect();
                let columns: Vec<usize> = regex
                    .find_iter(&text)
                    .map(|m| text[..m.start()].chars().count())
                    .collect();
                let hit = if forward {
                    columns.into_iter().find(|&c| step > 0 || c > at.column)
                } else {
                    columns
                        .into_iter()
                        .rev()
                        .find(|&c| step > 0 || c < at.column)
                };
                if let Some(column) = hit {
                    found = Some(Position::new(row, column));
                    break;
                }
            }
            match found {
                Some(position) => at = position,
                None => {
                    self.message = Some(format!("E486: Pattern not found: {pattern}"));
                    return None;
                }
            }
        }
        self.message = Some(match (wrapped, forward) {
            (true, true) => "search hit BOTTOM, continuing at TOP".into(),
            (true, false) => "search hit TOP, continuing at BOTTOM".into(),
            _ => format!("{}{pattern}", if forward { '/' } else { '?' }),
        });
        Some(at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replacements_translate_to_the_regex_crates_terms() {
        assert_eq!(replacement(r"<&>"), "<${0}>");
        assert_eq!(replacement(r"\2\1"), "${2}${1}");
        assert_eq!(replacement(r"a\&b$"), "a&b$$");
    }
}
