//! The output formats of a file comparison, from the edit script GNU's search finds
//! (`compareseq.rs`): GNU diff's normal, unified and context formats.

use hashbrown::HashTable;
use hashbrown::hash_table::Entry;
use rustc_hash::FxBuildHasher;
use similar::{DiffOp, group_diff_ops};
use std::borrow::Cow;
use std::hash::BuildHasher;
use std::io::{self, Write};

/// A file's lines (borrowed from its contents), and whether its last line lacked a
/// newline.
pub struct Lines<'a> {
    pub lines: Vec<&'a [u8]>,
    pub missing_newline: bool,
}

impl<'a> Lines<'a> {
    pub fn split(data: &'a [u8]) -> Lines<'a> {
        if data.is_empty() {
            return Lines {
                lines: Vec::new(),
                missing_newline: false,
            };
        }
        let missing_newline = !data.ends_with(b"\n");
        let body = data.strip_suffix(b"\n").unwrap_or(data);
        let mut lines = Vec::new();
        let mut start = 0;
        for end in memchr::memchr_iter(b'\n', body) {
            lines.push(&body[start..end]);
            start = end + 1;
        }
        lines.push(&body[start..]);
        Lines {
            lines,
            missing_newline,
        }
    }

    fn write_line(&self, out: &mut dyn Write, prefix: &str, i: usize) -> io::Result<()> {
        out.write_all(prefix.as_bytes())?;
        out.write_all(self.lines[i])?;
        out.write_all(b"\n")?;
        if self.missing_newline && i + 1 == self.lines.len() {
            out.write_all(b"\\ No newline at end of file\n")?;
        }
        Ok(())
    }
}

/// What makes two lines the same: `-i`, `-b` and `-w` loosen it; with `-B` changes of
/// blank lines alone do not count.
#[derive(Clone, Copy, Default)]
pub struct Likeness {
    pub ignore_case: bool,
    pub ignore_space_change: bool,
    pub ignore_all_space: bool,
    pub ignore_blank_lines: bool,
}

impl Likeness {
    fn is_exact(&self) -> bool {
        !(self.ignore_case || self.ignore_space_change || self.ignore_all_space)
    }

    /// What a line is compared as: the line itself unless something is ignored.
    fn key<'a>(&self, line: &'a [u8], last_without_newline: bool) -> Cow<'a, [u8]> {
        if self.is_exact() && !last_without_newline {
            return Cow::Borrowed(line);
        }
        let mut key: Vec<u8> = if self.ignore_all_space {
            line.iter()
                .copied()
                .filter(|b| !b.is_ascii_whitespace())
                .collect()
        } else if self.ignore_space_change {
            let mut out = Vec::with_capacity(line.len());
            let mut in_space = false;
            for &b in line {
                if b.is_ascii_whitespace() {
                    in_space = true;
                } else {
                    if in_space && !out.is_empty() {
                        out.push(b' ');
                    }
                    in_space = false;
                    out.push(b);
                }
            }
            out
        } else {
            line.to_vec()
        };
        if self.ignore_case {
            key.make_ascii_lowercase();
        }
        // "x" at the end without a newline is not the line "x\n".
        if last_without_newline && !self.ignore_all_space && !self.ignore_space_change {
            key.push(0xff);
        }
        Cow::Owned(key)
    }
}

/// The edit script from `old` to `new` (empty when they are alike). Each distinct line
/// is hashed once and numbered, as GNU diff sorts lines into equivalence classes, so the
/// search compares numbers, not lines. The table holds only the numbers (4 bytes a slot,
/// where a slot holding the line would take 32): with 100,000 lines it stays small enough
/// for the cache, and the lines it compares against are those of `keys`, found mostly in
/// file order.
pub fn edits<'a>(
    old: &Lines<'a>,
    new: &Lines<'a>,
    likeness: Likeness,
    horizon: usize,
) -> Vec<DiffOp> {
    let mut table: HashTable<u32> = HashTable::with_capacity(old.lines.len());
    let mut keys: Vec<Cow<'a, [u8]>> = Vec::with_capacity(old.lines.len());
    let mut hashes: Vec<u64> = Vec::with_capacity(old.lines.len());
    let mut numbered = |l: &Lines<'a>| -> Vec<u32> {
        let n = l.lines.len();
        l.lines
            .iter()
            .enumerate()
            .map(|(i, line)| {
                let key = likeness.key(line, l.missing_newline && i + 1 == n);
                let hash = FxBuildHasher.hash_one(&key);
                let same = |class: &u32| keys[*class as usize] == key;
                match table.entry(hash, same, |class| hashes[*class as usize]) {
                    Entry::Occupied(class) => *class.get(),
                    Entry::Vacant(slot) => {
                        let class = keys.len() as u32;
                        slot.insert(class);
                        keys.push(key);
                        hashes.push(hash);
                        class
                    }
                }
            })
            .collect()
    };
    let (old_classes, new_classes) = (numbered(old), numbered(new));
    let compared = compared_lines(old, new, horizon);
    let (old_changed, new_changed) = crate::compareseq::changed_lines(
        &old_classes[compared.start..compared.old_end],
        &new_classes[compared.start..compared.new_end],
        keys.len(),
    );
    let ops = crate::boundaries::shift(
        &old_changed,
        &new_changed,
        &old_classes,
        &new_classes,
        &compared,
    );
    let blank = |lines: &Lines, range: std::ops::Range<usize>| {
        range
            .into_iter()
            .all(|i| lines.lines[i].iter().all(u8::is_ascii_whitespace))
    };
    let only_blank_changes = likeness.ignore_blank_lines
        && change_blocks(&ops)
            .into_iter()
            .all(|(o, n)| blank(old, o) && blank(new, n));
    if only_blank_changes || ops.iter().all(|op| matches!(op, DiffOp::Equal { .. })) {
        Vec::new()
    } else {
        ops
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

/// Lines `start..end` (0-based) as the normal format writes them: `3` or `3,5`.
fn normal_range(start: usize, end: usize) -> String {
    if end - start == 1 {
        format!("{}", start + 1)
    } else {
        format!("{},{end}", start + 1)
    }
}

/// Consecutive changes, merged into one block: (old range, new range).
pub fn change_blocks(ops: &[DiffOp]) -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let mut blocks: Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> = Vec::new();
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

pub fn write_normal(
    out: &mut dyn Write,
    old: &Lines,
    new: &Lines,
    ops: &[DiffOp],
) -> io::Result<()> {
    for (o, n) in change_blocks(ops) {
        if o.is_empty() {
            writeln!(out, "{}a{}", o.start, normal_range(n.start, n.end))?;
        } else if n.is_empty() {
            writeln!(out, "{}d{}", normal_range(o.start, o.end), n.start)?;
        } else {
            writeln!(
                out,
                "{}c{}",
                normal_range(o.start, o.end),
                normal_range(n.start, n.end)
            )?;
        }
        for i in o.clone() {
            old.write_line(out, "< ", i)?;
        }
        if !o.is_empty() && !n.is_empty() {
            writeln!(out, "---")?;
        }
        for i in n {
            new.write_line(out, "> ", i)?;
        }
    }
    Ok(())
}

/// Lines `start..end` as a unified hunk header writes them: `3`, `3,4`, or `2,0` when empty.
fn unified_range(start: usize, end: usize) -> String {
    match end - start {
        0 => format!("{start},0"),
        1 => format!("{}", start + 1),
        n => format!("{},{n}", start + 1),
    }
}

pub fn write_unified(
    out: &mut dyn Write,
    old: &Lines,
    new: &Lines,
    ops: Vec<DiffOp>,
    context: usize,
) -> io::Result<()> {
    for group in group_diff_ops(ops, context) {
        let (first, last) = (&group[0], &group[group.len() - 1]);
        let (o0, n0) = (first.old_range().start, first.new_range().start);
        let (o1, n1) = (last.old_range().end, last.new_range().end);
        writeln!(
            out,
            "@@ -{} +{} @@",
            unified_range(o0, o1),
            unified_range(n0, n1)
        )?;
        let mut index = 0;
        for (o, n) in change_blocks(&group) {
            // Context before the block, then all its removed lines, then all added ones.
            for i in index.max(o0)..o.start {
                old.write_line(out, " ", i)?;
            }
            for i in o.clone() {
                old.write_line(out, "-", i)?;
            }
            for i in n {
                new.write_line(out, "+", i)?;
            }
            index = o.end;
        }
        for i in index.max(o0)..o1 {
            old.write_line(out, " ", i)?;
        }
    }
    Ok(())
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

/// The context format (`-c`): each hunk's old lines, then its new ones, marked `-`
/// (removed), `+` (added), `!` (changed) or blank (context); a side without changes is
/// left out.
pub fn write_context(
    out: &mut dyn Write,
    old: &Lines,
    new: &Lines,
    ops: Vec<DiffOp>,
    context: usize,
) -> io::Result<()> {
    for group in group_diff_ops(ops, context) {
        let (first, last) = (&group[0], &group[group.len() - 1]);
        let (o0, n0) = (first.old_range().start, first.new_range().start);
        let (o1, n1) = (last.old_range().end, last.new_range().end);
        let blocks = change_blocks(&group);
        let marker = |i: usize, old_side: bool| {
            for (o, n) in &blocks {
                let (mine, theirs) = if old_side { (o, n) } else { (n, o) };
                if mine.contains(&i) {
                    return match (theirs.is_empty(), old_side) {
                        (false, _) => "! ",
                        (true, true) => "- ",
                        (true, false) => "+ ",
                    };
                }
            }
            "  "
        };
        writeln!(out, "***************")?;
        writeln!(out, "*** {} ****", context_range(o0, o1))?;
        if blocks.iter().any(|(o, _)| !o.is_empty()) {
            for i in o0..o1 {
                old.write_line(out, marker(i, true), i)?;
            }
        }
        writeln!(out, "--- {} ----", context_range(n0, n1))?;
        if blocks.iter().any(|(_, n)| !n.is_empty()) {
            for i in n0..n1 {
                new.write_line(out, marker(i, false), i)?;
            }
        }
    }
    Ok(())
}
