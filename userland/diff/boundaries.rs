//! Where a change is shown when it could be shown in several places. When lines repeat, a
//! shortest edit script can delete line 5 as well as line 6 of `a a b`; the search picks
//! one, GNU diff slides each run of changed lines as far down as it goes, and then back up
//! to meet a run of changes in the other file, so that a deletion and an insertion at the
//! same place read as one change (`5c5`, not `3d2` and `5a5`). This does the same, so
//! that the hunks are GNU's.

use crate::hunks::Compared;
use similar::DiffOp;

/// Which lines of one file are not matched in the other. Lines `-1` and `len` exist and
/// are unchanged, so that runs at either end need no special case.
struct Changed {
    flags: Vec<bool>,
}

impl Changed {
    fn new(lines: usize) -> Changed {
        Changed {
            flags: vec![false; lines + 2],
        }
    }

    fn is(&self, line: isize) -> bool {
        self.flags[(line + 1) as usize]
    }

    fn set(&mut self, line: isize, changed: bool) {
        self.flags[(line + 1) as usize] = changed;
    }

    /// Takes the flags of the lines from `first` on.
    fn mark(&mut self, first: usize, flags: &[bool]) {
        self.flags[first + 1..first + 1 + flags.len()].copy_from_slice(flags);
    }
}

/// The edit script for the whole files, from the lines changed among those `compared`
/// (a flag per line from `compared.start` on; the files' lines numbered by class), with
/// its runs of changes moved as GNU diff moves them, within those lines.
pub fn shift(
    old_flags: &[bool],
    new_flags: &[bool],
    old: &[u32],
    new: &[u32],
    compared: &Compared,
) -> Vec<DiffOp> {
    let (mut old_changed, mut new_changed) = (Changed::new(old.len()), Changed::new(new.len()));
    let first = compared.start;
    old_changed.mark(first, old_flags);
    new_changed.mark(first, new_flags);
    slide(
        &mut old_changed,
        &new_changed,
        &old[..compared.old_end],
        first,
    );
    slide(
        &mut new_changed,
        &old_changed,
        &new[..compared.new_end],
        first,
    );
    rebuild(&old_changed, &new_changed, old.len(), new.len())
}

/// Moves each run of changed lines of one file (`this`, whose lines are `classes`) while
/// `other` keeps track of the matching position in the other file: down while the run's
/// first line equals the line after it, merging with the runs it meets, then up again to
/// the last place where it ends beside a run of changes in the other file. Runs stay
/// within lines `first..classes.len()`.
fn slide(this: &mut Changed, other: &Changed, classes: &[u32], first: usize) {
    let end = classes.len() as isize;
    let class = |line: isize| classes[line as usize];
    // `i` walks this file; `j` is the line of the other file that `i` matches.
    let first = first as isize;
    let (mut i, mut j) = (first, first);
    loop {
        while i < end && !this.is(i) {
            while other.is(j) {
                j += 1;
            }
            j += 1;
            i += 1;
        }
        if i == end {
            return;
        }
        let mut start = i;
        i += 1;
        while this.is(i) {
            i += 1;
        }
        while other.is(j) {
            j += 1;
        }
        let mut beside_other_change;
        loop {
            let length = i - start;
            // Up, while the line before the run equals its last line.
            while start > first && class(start - 1) == class(i - 1) {
                start -= 1;
                this.set(start, true);
                i -= 1;
                this.set(i, false);
                while this.is(start - 1) {
                    start -= 1;
                }
                j -= 1;
                while other.is(j) {
                    j -= 1;
                }
            }
            // Where the run last ended beside a change of the other file (`end`: nowhere).
            beside_other_change = if other.is(j - 1) { i } else { end };
            // Down, while the run's first line equals the line after it.
            while i != end && class(start) == class(i) {
                this.set(start, false);
                start += 1;
                this.set(i, true);
                i += 1;
                while this.is(i) {
                    i += 1;
                }
                j += 1;
                while other.is(j) {
                    beside_other_change = i;
                    j += 1;
                }
            }
            if length == i - start {
                break;
            }
        }
        while beside_other_change < i {
            start -= 1;
            this.set(start, true);
            i -= 1;
            this.set(i, false);
            j -= 1;
            while other.is(j) {
                j -= 1;
            }
        }
    }
}

/// The edit script the two sets of changed lines describe.
fn rebuild(old: &Changed, new: &Changed, old_len: usize, new_len: usize) -> Vec<DiffOp> {
    let mut ops = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < old_len || j < new_len {
        let unchanged = |i: usize, j: usize| {
            i < old_len && j < new_len && !old.is(i as isize) && !new.is(j as isize)
        };
        if unchanged(i, j) {
            let (old_index, new_index) = (i, j);
            while unchanged(i, j) {
                i += 1;
                j += 1;
            }
            let len = i - old_index;
            ops.push(DiffOp::Equal {
                old_index,
                new_index,
                len,
            });
            continue;
        }
        // Both files have as many unchanged lines, so a file that has run out has no
        // unchanged line left in the other either; the `||` only keeps the loop finite.
        let old_index = i;
        while i < old_len && (old.is(i as isize) || j == new_len) {
            i += 1;
        }
        if i > old_index {
            let old_len = i - old_index;
            ops.push(DiffOp::Delete {
                old_index,
                old_len,
                new_index: j,
            });
        }
        let new_index = j;
        while j < new_len && (new.is(j as isize) || i == old_len) {
            j += 1;
        }
        if j > new_index {
            let new_len = j - new_index;
            ops.push(DiffOp::Insert {
                old_index: i,
                new_index,
                new_len,
            });
        }
    }
    ops
}
