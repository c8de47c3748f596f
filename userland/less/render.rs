//! How a line of text looks on the screen: tabs to the next multiple of 8, control
//! characters as `^X`, wide characters as two cells, matches of the search in reverse
//! video, wrapped at the window's width (or cut there, with -S).

use regex::Regex;
use unicode_width::UnicodeWidthChar;

const REVERSE: &str = "\x1b[7m";
const NORMAL: &str = "\x1b[27m";

pub struct Layout<'a> {
    pub columns: usize,
    pub chop: bool,
    /// With -N: the line's number, shown in front of its first row.
    pub number: Option<usize>,
    pub search: Option<&'a Regex>,
}

/// The screen rows of `text`, each with its escapes, none wider than the window.
pub fn rows(text: &str, layout: &Layout) -> Vec<String> {
    let text = text.strip_suffix('\r').unwrap_or(text);
    let matches: Vec<(usize, usize)> = layout
        .search
        .map(|regex| {
            regex
                .find_iter(text)
                .filter(|m| !m.is_empty())
                .map(|m| (m.start(), m.end()))
                .collect()
        })
        .unwrap_or_default();
    let margin = match layout.number {
        Some(number) => format!("{number:>7} "),
        None => String::new(),
    };
    let columns = layout.columns.max(margin.len() + 1);
    let mut rows = Vec::new();
    let mut row = margin.clone();
    let mut width = margin.len();
    let mut position = 0;
    let mut highlighted = false;
    for (at, c) in text.char_indices() {
        let lit = matches.iter().any(|&(start, end)| at >= start && at < end);
        let shown = cell(c, position);
        let cell_width = match c {
            '\t' => shown.len(),
            c if c.is_control() => 2,
            c => c.width().unwrap_or(1),
        };
        if width + cell_width > columns {
            if highlighted {
                row.push_str(NORMAL);
            }
            rows.push(std::mem::take(&mut row));
            if layout.chop {
                return rows;
            }
            row.push_str(&" ".repeat(margin.len()));
            width = margin.len();
            highlighted = false;
        }
        if lit != highlighted {
            row.push_str(if lit { REVERSE } else { NORMAL });
            highlighted = lit;
        }
        row.push_str(&shown);
        width += cell_width;
        position += cell_width;
    }
    if highlighted {
        row.push_str(NORMAL);
    }
    rows.push(row);
    rows
}

fn cell(c: char, position: usize) -> String {
    match c {
        '\t' => " ".repeat(8 - position % 8),
        '\x7f' => "^?".into(),
        c if (c as u32) < 0x20 => format!("^{}", ((c as u8) ^ 0x40) as char),
        c if c.is_control() => "^?".into(),
        c => c.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(columns: usize) -> Layout<'static> {
        Layout {
            columns,
            chop: false,
            number: None,
            search: None,
        }
    }

    #[test]
    fn long_lines_wrap_and_tabs_expand() {
        assert_eq!(rows("abcdef", &plain(4)), ["abcd", "ef"]);
        assert_eq!(rows("a\tb", &plain(80)), ["a       b"]);
        assert_eq!(rows("a\x01", &plain(80)), ["a^A"]);
        let chopped = Layout {
            chop: true,
            ..plain(4)
        };
        assert_eq!(rows("abcdef", &chopped), ["abcd"]);
    }

    #[test]
    fn matches_are_in_reverse_video() {
        let regex = Regex::new("b+").unwrap();
        let layout = Layout {
            search: Some(&regex),
            ..plain(80)
        };
        assert_eq!(rows("abbc", &layout), ["a\x1b[7mbb\x1b[27mc"]);
    }
}
