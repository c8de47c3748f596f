//! `select NAME [in WORDS]; do LIST; done`: the words as a numbered menu on stderr, a
//! reply read from stdin into `REPLY`, and NAME set to the word it numbers (empty when it
//! numbers none) for each run of the body. As bash built with ksh's behaviour, the menu
//! is shown again only after an empty reply; end of input ends the loop with status 1.

use brush_parser::ast::CompoundList;

use wasmix_kernel::file::Stdio;

use super::builtin::deliver;
use super::compound::Turn;
use super::{Flow, Shell};

/// bash's prompt when `PS3` is unset.
const DEFAULT_PROMPT: &str = "#? ";

impl Shell {
    pub(super) async fn run_select(
        &mut self,
        name: &str,
        words: Vec<String>,
        body: &CompoundList,
        io: &Stdio,
    ) -> Result<(), Flow> {
        if words.is_empty() {
            self.last_status = 0;
            return Ok(());
        }
        let columns = self
            .variable("COLUMNS")
            .and_then(|c| c.parse::<usize>().ok())
            .filter(|&c| c > 0)
            .unwrap_or(80);
        let menu = menu(&words, columns);
        let mut show_menu = true;
        let status = loop {
            let prompt = self
                .variable("PS3")
                .unwrap_or_else(|| DEFAULT_PROMPT.into());
            let shown = if show_menu {
                menu.clone()
            } else {
                String::new()
            };
            let _ = deliver(shown + &prompt, io.stderr.duplicate());
            if self.read_builtin(&["read".into()], io).await != 0 {
                let _ = deliver("\n", io.stdout.duplicate());
                break 1;
            }
            let reply = self.variable("REPLY").unwrap_or_default();
            if reply.is_empty() {
                show_menu = true;
                continue;
            }
            show_menu = false;
            // A number, blanks around it allowed, as bash's `legal_number` reads it.
            let chosen = reply
                .trim()
                .parse::<i64>()
                .ok()
                .and_then(|n| usize::try_from(n).ok()?.checked_sub(1))
                .and_then(|index| words.get(index))
                .cloned()
                .unwrap_or_default();
            // As a `for` loop's, a refused assignment ends the loop.
            if let Err(e) = self.assign_scalar(name, &chosen, false) {
                self.report(&e.message);
                break 1;
            }
            if matches!(self.run_body(body, io).await?, Turn::Stop) {
                break 0;
            }
        };
        self.last_status = status;
        Ok(())
    }
}

/// The menu as bash lays it out: numbered words in as many columns as `columns` holds,
/// filled down each column, padded to tab stops.
fn menu(words: &[String], columns: usize) -> String {
    let count = words.len();
    let number_width = digits(count);
    let widest = words.iter().map(|w| w.chars().count()).max().unwrap_or(0);
    // Each column is as wide as the widest entry and two blanks.
    let column_width = widest + number_width + ") ".len() + 2;
    let fitting = (columns / column_width).max(1);
    let mut rows = count.div_ceil(fitting);
    if rows == 1 {
        rows = count;
    }
    let first_number_width = digits(rows);
    let mut out = String::new();
    for row in 0..rows {
        let (mut index, mut position) = (row, 0);
        loop {
            let width = if position == 0 {
                first_number_width
            } else {
                number_width
            };
            out.push_str(&format!("{:>width$}) {}", index + 1, words[index]));
            let printed = width + ") ".len() + words[index].chars().count();
            index += rows;
            if index >= count {
                break;
            }
            pad(&mut out, position + printed, position + column_width);
            position += column_width;
        }
        out.push('\n');
    }
    out
}

/// Blanks from column `from` to `to`: tabs to each tab stop on the way, then spaces.
fn pad(out: &mut String, mut from: usize, to: usize) {
    while from < to {
        if to / 8 > from / 8 {
            out.push('\t');
            from += 8 - from % 8;
        } else {
            out.push(' ');
            from += 1;
        }
    }
}

fn digits(n: usize) -> usize {
    n.to_string().len()
}
