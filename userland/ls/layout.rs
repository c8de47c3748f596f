//! Names laid out as GNU's ls lays them out: in columns (`-C` down, `-x` across) padded
//! with tabs where a tab stop is on the way, or as a comma-separated list (`-m`).

use std::io::Write;
use wasmix_common::{Failure, Output};

/// A name ready to print, with the columns it takes.
pub struct Cell {
    pub text: Vec<u8>,
    pub width: usize,
}

/// Cells in as many columns as fit in `width` (0: no limit), filled top to bottom
/// (`down`) or left to right.
pub fn columns(
    out: &mut Output,
    cells: &[Cell],
    width: usize,
    down: bool,
    end: u8,
) -> Result<(), Failure> {
    if cells.is_empty() {
        return Ok(());
    }
    let count = cells.len();
    let chosen = if width == 0 {
        // No limit: one line.
        column_widths(cells, count, down)
    } else {
        let most = width.div_ceil(MIN_COLUMN_WIDTH).min(count);
        (2..=most)
            .rev()
            .map(|columns| column_widths(cells, columns, down))
            // GNU's test is made as a column widens: a layout none of whose columns
            // widened stands even where its minimum widths reach the line's end.
            .find(|widths| {
                widths.iter().sum::<usize>() < width
                    || widths.iter().all(|&w| w == MIN_COLUMN_WIDTH)
            })
            .unwrap_or_else(|| column_widths(cells, 1, down))
    };
    let columns = chosen.len();
    let rows = count.div_ceil(columns);
    for row in 0..rows {
        let mut line: Vec<u8> = Vec::new();
        let (mut position, mut start) = (0, 0);
        for (column, column_width) in chosen.iter().enumerate() {
            let index = if down {
                column * rows + row
            } else {
                row * columns + column
            };
            let Some(cell) = cells.get(index) else {
                break;
            };
            line.extend_from_slice(&cell.text);
            position += cell.width;
            let next = if down { index + rows } else { index + 1 };
            let last = column + 1 == columns || next >= count;
            if !last {
                let to = start + column_width;
                while position < to {
                    // Without a width limit GNU's ls pads with spaces alone.
                    if width != 0 && to / 8 > (position + 1) / 8 {
                        line.push(b'\t');
                        position += 8 - position % 8;
                    } else {
                        line.push(b' ');
                        position += 1;
                    }
                }
                start = to;
            }
        }
        line.push(end);
        out.write_all(&line)?;
    }
    Ok(())
}

/// `-m`: names separated by `, `, a new line begun where the next would reach `width`.
pub fn commas(out: &mut Output, cells: &[Cell], width: usize, end: u8) -> Result<(), Failure> {
    if cells.is_empty() {
        return Ok(());
    }
    let mut position = 0;
    for (index, cell) in cells.iter().enumerate() {
        if index > 0 {
            if width == 0 || position + cell.width + 2 < width {
                out.write_all(b", ")?;
                position += 2;
            } else {
                out.write_all(b",\n")?;
                position = 0;
            }
        }
        out.write_all(&cell.text)?;
        position += cell.width;
    }
    out.write_all(&[end])?;
    Ok(())
}

/// The narrowest a column is, as GNU's ls counts it (a one-letter name and its gap).
const MIN_COLUMN_WIDTH: usize = 3;

/// Each column's width in a layout of `columns`, its two spaces of gap included but for
/// the last one's: GNU's ls accepts the layout whose widths sum below the line's width.
/// (Filled down, a layout may leave its last columns empty: they still count.)
fn column_widths(cells: &[Cell], columns: usize, down: bool) -> Vec<usize> {
    let rows = cells.len().div_ceil(columns);
    let mut widths = vec![MIN_COLUMN_WIDTH; columns];
    for (index, cell) in cells.iter().enumerate() {
        let column = if down { index / rows } else { index % columns };
        let gap = if column + 1 == columns { 0 } else { 2 };
        widths[column] = widths[column].max(cell.width + gap);
    }
    widths
}
