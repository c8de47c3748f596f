//! The edit-command formats: `-e` (an ed script that turns the first file into the
//! second, last change first, so that line numbers stay right) and `-n` (RCS's: deletions
//! and additions counted, first change first).

use crate::hunks::{Change, normal_range};
use crate::lines::{Lines, Look};
use std::io::{self, Write};

pub fn write_ed(
    out: &mut dyn Write,
    look: &Look,
    new: &Lines,
    changes: &[Change],
) -> io::Result<()> {
    for Change { old: o, new: n, .. } in changes.iter().rev().filter(|c| !c.ignorable) {
        let letter = match (o.is_empty(), n.is_empty()) {
            (true, _) => 'a',
            (false, true) => 'd',
            (false, false) => 'c',
        };
        if o.is_empty() {
            writeln!(out, "{}{letter}", o.start)?;
        } else {
            writeln!(out, "{}{letter}", normal_range(o.start, o.end))?;
        }
        if n.is_empty() {
            continue;
        }
        let mut inserting = true;
        for i in n.clone() {
            if !inserting {
                writeln!(out, "a")?;
                inserting = true;
            }
            let line = new.lines[i];
            if line == b"." {
                // A lone dot would end the insertion: write two, end it, and take one
                // away again.
                writeln!(out, "..\n.\ns/.//")?;
                inserting = false;
            } else {
                look.text(out, line)?;
                writeln!(out)?;
            }
        }
        if inserting {
            writeln!(out, ".")?;
        }
    }
    Ok(())
}

pub fn write_rcs(
    out: &mut dyn Write,
    look: &Look,
    new: &Lines,
    changes: &[Change],
) -> io::Result<()> {
    for Change { old: o, new: n, .. } in changes.iter().filter(|c| !c.ignorable) {
        if !o.is_empty() {
            writeln!(out, "d{} {}", o.start + 1, o.len())?;
        }
        if !n.is_empty() {
            writeln!(out, "a{} {}", o.end, n.len())?;
            for i in n.clone() {
                look.text(out, new.lines[i])?;
                // The last line goes out as it was, without a newline it lacked.
                if !new.unended(i) {
                    writeln!(out)?;
                }
            }
        }
    }
    Ok(())
}
