//! The edit script of a file comparison, from the search GNU's diff makes
//! (`compareseq.rs`, `boundaries.rs`), as changes and hunks; and GNU diff's normal,
//! unified and context formats.

use crate::likeness::Likeness;
use crate::lines::{Lines, Look, Mark, Paint};
use hashbrown::HashTable;
use hashbrown::hash_table::Entry;
use rustc_hash::FxBuildHasher;
use similar::DiffOp;
use std::borrow::Cow;
use std::hash::BuildHasher;
use std::io::{self, Write};
use std::ops::Range;
use wasmix_common::posix_regex::PosixRegex;

/// The edit script from `old` to `new` (empty when they are alike). Each distinct line
/// is hashed once and numbered, as GNU diff sorts lines into equivalence classes, so the
/// search compares numbers, not lines.
pub fn edits<'a>(
    old: &Lines<'a>,
    new: &Lines<'a>,
    likeness: &Likeness,
    horizon: usize,
    minimal: bool,
) -> Vec<DiffOp> {
    let mut classes = Classes::with_capacity(old.lines.len());
    let old_classes: Vec<u32> = (0..old.lines.len())
        .map(|i| classes.number(likeness.key(old.lines[i], old.unended(i)), Some(i)))
        .collect();
    // Where the files agree, line j of the new file is the line after the old one that
    // matched line j - 1. Compared first, in file order, it spares a hash and a look-up
    // at a random place in the table, which is where the time goes on large files.
    let mut next_old = 0;
    let new_classes: Vec<u32> = (0..new.lines.len())
        .map(|j| {
            let key = likeness.key(new.lines[j], new.unended(j));
            if let Some(&class) = old_classes.get(next_old)
                && *classes.keys[class as usize] == *key
            {
                next_old += 1;
                return class;
            }
            let class = classes.number(key, None);
            if let Some(&at) = classes.first_old_line.get(class as usize)
                && at != u32::MAX
            {
                next_old = at as usize + 1;
            }
            class
        })
        .collect();
    let compared = compared_lines(old, new, horizon);
    let (old_changed, new_changed) = crate::compareseq::changed_lines(
        &old_classes[compared.start..compared.old_end],
        &new_classes[compared.start..compared.new_end],
        classes.keys.len(),
        minimal,
    );
    let ops = crate::boundaries::shift(
        &old_changed,
        &new_changed,
        &old_classes,
        &new_classes,
        &compared,
    );
    let counted = if likeness.ignores_changes() {
        changes(&ops, likeness, old, new)
            .iter()
            .any(|c| !c.ignorable)
    } else {
        ops.iter().any(|op| !matches!(op, DiffOp::Equal { .. }))
    };
    if counted { ops } else { Vec::new() }
}

/// Lines numbered by equivalence class. The table holds only the numbers (4 bytes a
/// slot, where a slot holding the line would take 32): with 100,000 lines it stays small
/// enough for the cache, and the lines it compares against are those of `keys`, found
/// mostly in file order.
struct Classes<'a> {
    table: HashTable<u32>,
    keys: Vec<Cow<'a, [u8]>>,
    hashes: Vec<u64>,
    /// The first line of the old file in each class (`u32::MAX` for none).
    first_old_line: Vec<u32>,
}

impl<'a> Classes<'a> {
    fn with_capacity(lines: usize) -> Classes<'a> {
        Classes {
            table: HashTable::with_capacity(lines),
            keys: Vec::with_capacity(lines),
            hashes: Vec::with_capacity(lines),
            first_old_line: Vec::with_capacity(lines),
        }
    }

    /// The class of a line with this key; `old_line` is its place in the old file.
    fn number(&mut self, key: Cow<'a, [u8]>, old_line: Option<usize>) -> u32 {
        let hash = FxBuildHasher.hash_one(&key);
        let (keys, hashes) = (&self.keys, &self.hashes);
        let same = |class: &u32| keys[*class as usize] == key;
        match self
            .table
            .entry(hash, same, |class| hashes[*class as usize])
        {
            Entry::Occupied(class) => *class.get(),
            Entry::Vacant(slot) => {
                let class = self.keys.len() as u32;
                slot.insert(class);
                self.keys.push(key);
                self.hashes.push(hash);
                self.first_old_line
                    .push(old_line.map_or(u32::MAX, |i| i as u32));
                class
            }
        }
    }
}

/// The lines the search for an edit script looks at: as GNU diff's, those between the
/// files' identical first and last lines, and `horizon` lines of each (the context the
/// output shows). It matters where lines repeat: a change is never placed among them.
pub struct Compared {
    pub start: usize,
    pub old_end: usize,
    pub new_end: usize,
}

fn compared_lines(old: &Lines, new: &Lines, horizon: usize) -> Compared {
    let whole = |l: &Lines, i: usize| !(l.missing_newline && i + 1 == l.lines.len());
    let same = |i: usize, j: usize| old.lines[i] == new.lines[j] && whole(old, i) == whole(new, j);
    let shorter = old.lines.len().min(new.lines.len());
    let prefix = (0..shorter).take_while(|&i| same(i, i)).count();
    let suffix = (0..shorter - prefix)
        .take_while(|&k| same(old.lines.len() - 1 - k, new.lines.len() - 1 - k))
        .count();
    let kept_suffix = suffix.saturating_sub(horizon);
    Compared {
        start: prefix.saturating_sub(horizon),
        old_end: old.lines.len() - kept_suffix,
        new_end: new.lines.len() - kept_suffix,
    }
}

/// Consecutive changes, merged into one block: (old range, new range).
fn change_blocks(ops: &[DiffOp]) -> Vec<(Range<usize>, Range<usize>)> {
    let mut blocks: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    let mut previous_was_change = false;
    for op in ops {
        if let DiffOp::Equal { .. } = op {
            previous_was_change = false;
            continue;
        }
        let (old, new) = (op.old_range(), op.new_range());
        match blocks.last_mut() {
            Some((o, n)) if previous_was_change => {
                o.end = old.end;
                n.end = new.end;
            }
            _ => blocks.push((old, new)),
        }
        previous_was_change = true;
    }
    blocks
}

/// One change: lines `old` of the first file replaced by lines `new` of the second.
/// It is `ignorable` when each of its lines is one `-B` or `-I` sets aside.
#[derive(Clone)]
pub struct Change {
    pub old: Range<usize>,
    pub new: Range<usize>,
    pub ignorable: bool,
}

pub fn changes(ops: &[DiffOp], likeness: &Likeness, old: &Lines, new: &Lines) -> Vec<Change> {
    let ignores = likeness.ignores_changes();
    change_blocks(ops)
        .into_iter()
        .map(|(o, n)| Change {
            ignorable: ignores
                && o.clone().all(|i| likeness.trivial(old.lines[i]))
                && n.clone().all(|i| likeness.trivial(new.lines[i])),
            old: o,
            new: n,
        })
        .collect()
}

/// The changes, grouped into hunks as GNU's `find_hunk` groups them: a change joins the
/// hunk before it when fewer than `2 * context + 1` common lines part them (`context`
/// when it is ignorable). A hunk of ignorable changes only is left out.
fn hunks(changes: &[Change], context: usize) -> Vec<&[Change]> {
    let mut hunks = Vec::new();
    let mut start = 0;
    for i in 1..=changes.len() {
        let ends = match changes.get(i) {
            None => true,
            Some(next) => {
                let gap = next.old.start - changes[i - 1].old.end;
                let threshold = if next.ignorable {
                    context
                } else {
                    2 * context + 1
                };
                gap >= threshold
            }
        };
        if ends {
            let hunk = &changes[start..i];
            if hunk.iter().any(|c| !c.ignorable) {
                hunks.push(hunk);
            }
            start = i;
        }
    }
    hunks
}

/// Lines `start..end` (0-based) as the normal and ed formats write them: `3` or `3,5`.
pub fn normal_range(start: usize, end: usize) -> String {
    if end - start == 1 {
        format!("{}", start + 1)
    } else {
        format!("{},{end}", start + 1)
    }
}

pub fn write_normal(
    out: &mut dyn Write,
    look: &Look,
    old: &Lines,
    new: &Lines,
    changes: &[Change],
) -> io::Result<()> {
    for Change { old: o, new: n, .. } in changes.iter().filter(|c| !c.ignorable) {
        let command = if o.is_empty() {
            format!("{}a{}", o.start, normal_range(n.start, n.end))
        } else if n.is_empty() {
            format!("{}d{}", normal_range(o.start, o.end), n.start)
        } else {
            format!(
                "{}c{}",
                normal_range(o.start, o.end),
                normal_range(n.start, n.end)
            )
        };
        look.line_numbers(out, &command)?;
        for i in o.clone() {
            look.line(out, old, i, Mark::Spaced("<"), Paint::Deleted)?;
        }
        if !o.is_empty() && !n.is_empty() {
            writeln!(out, "---")?;
        }
        for i in n.clone() {
            look.line(out, new, i, Mark::Spaced(">"), Paint::Added)?;
        }
    }
    Ok(())
}

/// What the unified and context formats need besides the lines.
pub struct Hunked<'a> {
    pub look: &'a Look,
    pub context: usize,
    /// `-p`, `-F`: a hunk's header shows the last line before it that matches one.
    pub functions: &'a [PosixRegex],
    /// Where the search for that line got to, and the line it last found.
    pub searched: std::cell::Cell<(usize, Option<usize>)>,
}

impl Hunked<'_> {
    /// Each hunk's lines: the first and last change's, widened by the context.
    fn ranges(&self, hunk: &[Change], old: &Lines, new: &Lines) -> (Range<usize>, Range<usize>) {
        let (first, last) = (&hunk[0], &hunk[hunk.len() - 1]);
        (
            first.old.start.saturating_sub(self.context)
                ..(last.old.end + self.context).min(old.lines.len()),
            first.new.start.saturating_sub(self.context)
                ..(last.new.end + self.context).min(new.lines.len()),
        )
    }

    /// ` name` after a hunk's header: the last line before `start` that a `-F` pattern
    /// matches, from its first non-blank, at most 40 bytes, without trailing blanks.
    fn function(&self, old: &Lines, start: usize) -> String {
        if self.functions.is_empty() {
            return String::new();
        }
        // As GNU's: only the lines since the last hunk's search are looked at; failing a
        // match there, the last one found stands. Hunks come in order, so each line is
        // tried once.
        let (searched, last_match) = self.searched.get();
        let found = (searched..start)
            .rev()
            .find(|&i| self.functions.iter().any(|r| r.is_match(old.lines[i])))
            .or(last_match);
        self.searched.set((start, found));
        let Some(line) = found.map(|i| old.lines[i]) else {
            return String::new();
        };
        let from = line
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(line.len());
        let mut text = &line[from..(from + 40).min(line.len())];
        while let [rest @ .., last] = text
            && last.is_ascii_whitespace()
        {
            text = rest;
        }
        format!(" {}", String::from_utf8_lossy(text))
    }

    pub fn write_unified(
        &self,
        out: &mut dyn Write,
        old: &Lines,
        new: &Lines,
        changes: &[Change],
    ) -> io::Result<()> {
        let look = self.look;
        for hunk in hunks(changes, self.context) {
            let (olds, news) = self.ranges(hunk, old, new);
            let numbers = format!(
                "@@ -{} +{} @@",
                unified_range(olds.start, olds.end),
                unified_range(news.start, news.end)
            );
            look.start(out, |p| &p.line_numbers)?;
            out.write_all(numbers.as_bytes())?;
            look.end(out)?;
            writeln!(out, "{}", self.function(old, olds.start))?;
            let mut index = olds.start;
            for c in hunk {
                // Context before the change, then all its removed lines, then all added.
                for i in index..c.old.start {
                    look.line(out, old, i, Mark::Unified(b' '), Paint::Plain)?;
                }
                for i in c.old.clone() {
                    look.line(out, old, i, Mark::Unified(b'-'), Paint::Deleted)?;
                }
                for i in c.new.clone() {
                    look.line(out, new, i, Mark::Unified(b'+'), Paint::Added)?;
                }
                index = c.old.end;
            }
            for i in index..olds.end {
                look.line(out, old, i, Mark::Unified(b' '), Paint::Plain)?;
            }
        }
        Ok(())
    }

    /// The context format (`-c`): each hunk's old lines, then its new ones, marked `-`
    /// (removed), `+` (added), `!` (changed) or blank (context); a side without changes
    /// is left out.
    pub fn write_context(
        &self,
        out: &mut dyn Write,
        old: &Lines,
        new: &Lines,
        changes: &[Change],
    ) -> io::Result<()> {
        let look = self.look;
        for hunk in hunks(changes, self.context) {
            let (olds, news) = self.ranges(hunk, old, new);
            let mark = |i: usize, old_side: bool| {
                for c in hunk {
                    let (mine, theirs) = if old_side {
                        (&c.old, &c.new)
                    } else {
                        (&c.new, &c.old)
                    };
                    if mine.contains(&i) {
                        return match (theirs.is_empty(), old_side) {
                            (false, _) => "!",
                            (true, true) => "-",
                            (true, false) => "+",
                        };
                    }
                }
                " "
            };
            writeln!(out, "***************{}", self.function(old, olds.start))?;
            look.line_numbers(
                out,
                &format!("*** {} ****", context_range(olds.start, olds.end)),
            )?;
            // GNU colours every line of a side, context too.
            if hunk.iter().any(|c| !c.old.is_empty()) {
                for i in olds.clone() {
                    look.line(out, old, i, Mark::Spaced(mark(i, true)), Paint::Deleted)?;
                }
            }
            look.line_numbers(
                out,
                &format!("--- {} ----", context_range(news.start, news.end)),
            )?;
            if hunk.iter().any(|c| !c.new.is_empty()) {
                for i in news {
                    look.line(out, new, i, Mark::Spaced(mark(i, false)), Paint::Added)?;
                }
            }
        }
        Ok(())
    }
}

/// Lines `start..end` as a unified hunk header writes them: `3`, `3,4`, or `2,0` when empty.
fn unified_range(start: usize, end: usize) -> String {
    match end - start {
        0 => format!("{start},0"),
        1 => format!("{}", start + 1),
        n => format!("{},{n}", start + 1),
    }
}

/// A hunk's range in the context format: `first,last`, or one number (the line before
/// an empty range).
fn context_range(start: usize, end: usize) -> String {
    if end > start + 1 {
        format!("{},{end}", start + 1)
    } else {
        end.to_string()
    }
}
