//! The side-by-side format (`-y`): each line of both files in two columns, with a gutter
//! between that marks lines changed (`|`), only on the left (`<`) or only on the right
//! (`>`); as GNU diff lays them out in the C locale.

use crate::hunks::Change;
use crate::lines::Lines;
use std::io::{self, Write};

/// The least gutter between the two columns.
const GUTTER_WIDTH_MINIMUM: usize = 3;

pub struct SideBySide {
    /// `-W`: the width of the whole line.
    pub width: usize,
    pub tab_size: usize,
    /// `-t`: spaces instead of tabs.
    pub expand_tabs: bool,
    /// `--left-column`: a common line is shown once, on the left, marked `(`.
    pub left_column: bool,
    /// `--suppress-common-lines`.
    pub suppress_common: bool,
}

/// One line of a file: its text, and whether a newline ended it.
type Line<'a> = (&'a [u8], bool);

fn line<'a>(lines: &Lines<'a>, i: usize) -> Line<'a> {
    let ended = !(lines.missing_newline && i + 1 == lines.lines.len());
    (lines.lines[i], ended)
}

struct Columns<'o> {
    out: &'o mut dyn Write,
    options: &'o SideBySide,
    half_width: usize,
    column2_offset: usize,
}

impl SideBySide {
    pub fn write(
        &self,
        out: &mut dyn Write,
        old: &Lines,
        new: &Lines,
        changes: &[Change],
    ) -> io::Result<()> {
        // The columns' widths, as GNU computes them: the second column starts at a tab
        // stop about half way.
        let t = if self.expand_tabs { 1 } else { self.tab_size };
        let offset = (self.width + t + GUTTER_WIDTH_MINIMUM) / (2 * t) * t;
        let half_width = offset
            .saturating_sub(GUTTER_WIDTH_MINIMUM)
            .min(self.width.saturating_sub(offset));
        let mut columns = Columns {
            out,
            options: self,
            half_width,
            column2_offset: if half_width > 0 { offset } else { self.width },
        };
        let (mut next_old, mut next_new) = (0, 0);
        for Change { old: o, new: n, .. } in changes.iter().filter(|c| !c.ignorable) {
            columns.common(old, new, next_old..o.start, next_new..n.start)?;
            let pairs = o.len().min(n.len());
            for k in 0..pairs {
                let (left, right) = (line(old, o.start + k), line(new, n.start + k));
                columns.row(Some(left), b'|', Some(right))?;
            }
            for i in n.start + pairs..n.end {
                columns.row(None, b'>', Some(line(new, i)))?;
            }
            for i in o.start + pairs..o.end {
                columns.row(Some(line(old, i)), b'<', None)?;
            }
            (next_old, next_new) = (o.end, n.end);
        }
        columns.common(
            old,
            new,
            next_old..old.lines.len(),
            next_new..new.lines.len(),
        )
    }
}

impl Columns<'_> {
    /// Lines both files share, in pairs; where changes that do not count (`-B`, `-I`)
    /// left one side longer, its other lines alone, marked `)` or `(`, as GNU's are.
    fn common(
        &mut self,
        old: &Lines,
        new: &Lines,
        olds: std::ops::Range<usize>,
        news: std::ops::Range<usize>,
    ) -> io::Result<()> {
        if self.options.suppress_common {
            return Ok(());
        }
        let (mut i, mut j) = (olds.start, news.start);
        if !self.options.left_column {
            while i < olds.end && j < news.end {
                self.row(Some(line(old, i)), b' ', Some(line(new, j)))?;
                (i, j) = (i + 1, j + 1);
            }
            for j in j..news.end {
                self.row(None, b')', Some(line(new, j)))?;
            }
        }
        for i in i..olds.end {
            self.row(Some(line(old, i)), b'(', None)?;
        }
        Ok(())
    }

    /// One output line: the left half, the gutter's mark, the right half.
    fn row(&mut self, left: Option<Line>, mut mark: u8, right: Option<Line>) -> io::Result<()> {
        let (half, column2) = (self.half_width, self.column2_offset);
        let mut column = 0;
        let mut newline = false;
        if let Some((text, ended)) = left {
            newline |= ended;
            column = self.half_line(text, 0, half)?;
        }
        if mark != b' ' {
            column = self.tab_from_to(column, (half + column2).saturating_sub(1) / 2)? + 1;
            if let (b'|', Some((_, right_ended))) = (mark, right)
                && newline != right_ended
            {
                mark = if newline { b'/' } else { b'\\' };
            }
            self.out.write_all(&[mark])?;
        }
        if let Some((text, ended)) = right {
            newline |= ended;
            if !text.is_empty() {
                column = self.tab_from_to(column, column2)?;
                self.half_line(text, column, half)?;
            }
        }
        if newline {
            self.out.write_all(b"\n")?;
        }
        Ok(())
    }

    /// Moves from column `from` to `to`, by tabs where they fit.
    fn tab_from_to(&mut self, mut from: usize, to: usize) -> io::Result<usize> {
        let size = self.options.tab_size;
        let mut tab = from + size - from % size;
        while tab <= to && !self.options.expand_tabs {
            self.out.write_all(b"\t")?;
            from = tab;
            tab += size;
        }
        while from < to {
            self.out.write_all(b" ")?;
            from += 1;
        }
        Ok(to)
    }

    /// Writes as much of a line as fits in `bound` columns; returns the column reached.
    /// `indent` is where the half starts, for a carriage return to come back to.
    fn half_line(&mut self, text: &[u8], indent: usize, bound: usize) -> io::Result<usize> {
        let size = self.options.tab_size;
        let (mut in_position, mut out_position) = (0, 0);
        for &c in text {
            match c {
                b'\t' => {
                    let spaces = size - in_position % size;
                    let stop = out_position + spaces;
                    if in_position == out_position && self.options.expand_tabs {
                        while out_position < stop.min(bound) {
                            self.out.write_all(b" ")?;
                            out_position += 1;
                        }
                    } else if in_position == out_position && stop < bound {
                        out_position = stop;
                        self.out.write_all(b"\t")?;
                    }
                    in_position += spaces;
                }
                b'\r' => {
                    self.out.write_all(b"\r")?;
                    self.tab_from_to(0, indent)?;
                    in_position = 0;
                    out_position = 0;
                }
                0x08 => {
                    if in_position != 0 {
                        in_position -= 1;
                        if in_position < bound {
                            if out_position <= in_position {
                                // Spaces for a tab left out past the bound.
                                while out_position < in_position {
                                    self.out.write_all(b" ")?;
                                    out_position += 1;
                                }
                            } else {
                                out_position = in_position;
                                self.out.write_all(&[c])?;
                            }
                        }
                    }
                }
                b' '..=b'~' => {
                    in_position += 1;
                    if in_position <= bound {
                        out_position = in_position;
                        self.out.write_all(&[c])?;
                    }
                }
                // NUL, form feed and vertical tab are written only inside the bound.
                0 | 0x0b | 0x0c => {
                    if in_position < bound {
                        self.out.write_all(&[c])?;
                    }
                }
                // Other control characters, and bytes past ASCII, take no column.
                _ => {
                    if in_position <= bound {
                        out_position = in_position;
                        self.out.write_all(&[c])?;
                    }
                }
            }
        }
        Ok(out_position)
    }
}
