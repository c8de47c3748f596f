//! The search without line numbers, offsets or context: the regex runs over blocks of
//! whole lines rather than line by line, and the lines between matches are passed over
//! (or, with -v, written) as they are. A match the regex finds is only a candidate: its
//! line is checked alone, since a class like `[^a]` can match across a newline and GNU
//! grep never matches across lines.

use crate::search::Searcher;
use std::io::{Read, Write};
use wasmix_common::Failure;

/// How much is read at a time.
const BLOCK: usize = 256 * 1024;

/// Searches all of `reader`; the number of selected lines.
/// `label` is the input's name when names are shown.
pub fn search(
    searcher: &mut Searcher,
    mut reader: impl Read,
    label: Option<&str>,
) -> Result<u64, Failure> {
    // `block[..filled]` holds what was read and not yet searched; the buffer is zeroed
    // once, not before every read.
    let mut block: Vec<u8> = vec![0; BLOCK];
    let mut filled = 0;
    let mut count = 0u64;
    loop {
        if block.len() - filled < BLOCK / 2 {
            block.resize(block.len() * 2, 0);
        }
        let read = loop {
            match reader.read(&mut block[filled..]) {
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                other => break other?,
            }
        };
        filled += read;
        let end = read == 0;
        // Whole lines only; a partial last line waits for the next read.
        let whole = match memchr::memrchr(b'\n', &block[..filled]) {
            Some(last) if !end => last + 1,
            _ if end => filled,
            _ => continue,
        };
        if search_lines(searcher, &block[..whole], label, &mut count)? {
            return Ok(count);
        }
        block.copy_within(whole..filled, 0);
        filled -= whole;
        if end {
            return Ok(count);
        }
    }
}

/// Searches whole lines (the last may lack its newline), counting selected lines; true
/// when the search of this input can stop.
fn search_lines(
    searcher: &mut Searcher,
    lines: &[u8],
    label: Option<&str>,
    count: &mut u64,
) -> Result<bool, Failure> {
    let invert = searcher.options.invert;
    // From `unselected` on, lines are not selected so far (with -v, written as a run).
    let mut position = 0;
    let mut unselected = 0;
    while position < lines.len() {
        let Some(found) = searcher.matcher.find_at(lines, position) else {
            break;
        };
        let start = memchr::memrchr(b'\n', &lines[..found.start])
            .map_or(0, |i| i + 1)
            .max(position);
        let end = memchr::memchr(b'\n', &lines[start..]).map_or(lines.len(), |i| start + i);
        let next = (end + 1).min(lines.len());
        position = next;
        // A match within one line is that line's; one across lines is checked alone.
        if lines[found].contains(&b'\n') && !searcher.matcher.regex.is_match(&lines[start..end]) {
            continue;
        }
        if invert {
            select_run(searcher, &lines[unselected..start], None, label, count)?;
        } else {
            select_run(searcher, &lines[start..next], Some(1), label, count)?;
        }
        if searcher.matched && searcher.first_is_enough() {
            return Ok(true);
        }
        unselected = next;
    }
    if invert {
        select_run(searcher, &lines[unselected..], None, label, count)?;
    }
    Ok(searcher.matched && searcher.first_is_enough())
}

/// Selects a run of whole lines (each with its newline, but for the last line of the
/// input, which may lack it), `lines` of them where the caller knows: counts them, or
/// writes them.
fn select_run(
    searcher: &mut Searcher,
    run: &[u8],
    lines: Option<u64>,
    label: Option<&str>,
    count: &mut u64,
) -> Result<(), Failure> {
    if run.is_empty() {
        return Ok(());
    }
    let unterminated = !run.ends_with(b"\n");
    *count += lines.unwrap_or_else(|| {
        memchr::memchr_iter(b'\n', run).count() as u64 + u64::from(unterminated)
    });
    searcher.matched = true;
    if searcher.options.count || searcher.first_is_enough() {
        return Ok(());
    }
    if let Some(label) = label {
        for line in run
            .strip_suffix(b"\n")
            .unwrap_or(run)
            .split(|&b| b == b'\n')
        {
            searcher.write_name(label)?;
            searcher.write_separator(b':')?;
            searcher.out.write_all(line)?;
            searcher.out.write_all(b"\n")?;
        }
        return Ok(());
    }
    searcher.out.write_all(run)?;
    if unterminated {
        searcher.out.write_all(b"\n")?;
    }
    Ok(())
}
