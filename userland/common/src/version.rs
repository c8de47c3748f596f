//! Names compared as versions, as GNU's filevercmp compares them (`sort -V`, `ls -v`):
//! `file2.txt` before `file10.txt`.

use std::cmp::Ordering;

/// GNU's filevercmp (`sort -V`, `ls -v`): names compared as versions, with file suffixes
/// set aside first.
pub fn compare(a: &[u8], b: &[u8]) -> Ordering {
    if a == b {
        return Ordering::Equal;
    }
    if a.is_empty() || b.is_empty() {
        return a.len().cmp(&b.len());
    }
    // ".", then "..", then other names starting with ".", then the rest.
    let rank = |s: &[u8]| match s {
        b"." => 0,
        b".." => 1,
        [b'.', ..] => 2,
        _ => 3,
    };
    let (a_rank, b_rank) = (rank(a), rank(b));
    if a_rank != b_rank || a_rank < 2 {
        return a_rank.cmp(&b_rank);
    }
    let skip = usize::from(a_rank == 2);
    let (a, b) = (&a[skip..], &b[skip..]);
    let (a_prefix, b_prefix) = (&a[..prefix_length(a)], &b[..prefix_length(b)]);
    compare_versions(a_prefix, b_prefix).then_with(|| compare_versions(a, b))
}

/// The length of a name without its suffix, `(\.[A-Za-z~][A-Za-z0-9~]*)*$`; the first
/// character is never part of it (GNU's file_prefixlen).
fn prefix_length(s: &[u8]) -> usize {
    let suffix_start = |i: usize| {
        i + 1 < s.len() && s[i] == b'.' && (s[i + 1].is_ascii_alphabetic() || s[i + 1] == b'~')
    };
    let (mut prefix, mut i) = (0, 0);
    while i < s.len() {
        i += 1;
        prefix = i;
        while suffix_start(i) {
            i += 2;
            while i < s.len() && (s[i].is_ascii_alphanumeric() || s[i] == b'~') {
                i += 1;
            }
        }
    }
    prefix
}

/// Debian's version comparison: runs of non-digits by `rank`, runs of digits as numbers.
fn compare_versions(a: &[u8], b: &[u8]) -> Ordering {
    fn rank(c: Option<&u8>) -> i32 {
        match c {
            None => 0,
            Some(c) if c.is_ascii_digit() => 0,
            Some(c) if c.is_ascii_alphabetic() => i32::from(*c),
            Some(b'~') => -1,
            Some(c) => i32::from(*c) + 256,
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        while a.get(i).is_some_and(|c| !c.is_ascii_digit())
            || b.get(j).is_some_and(|c| !c.is_ascii_digit())
        {
            let (x, y) = (rank(a.get(i)), rank(b.get(j)));
            if x != y {
                return x.cmp(&y);
            }
            i += 1;
            j += 1;
        }
        while a.get(i) == Some(&b'0') {
            i += 1;
        }
        while b.get(j) == Some(&b'0') {
            j += 1;
        }
        let mut first_difference = Ordering::Equal;
        while a.get(i).is_some_and(u8::is_ascii_digit) && b.get(j).is_some_and(u8::is_ascii_digit) {
            if first_difference == Ordering::Equal {
                first_difference = a[i].cmp(&b[j]);
            }
            i += 1;
            j += 1;
        }
        if a.get(i).is_some_and(u8::is_ascii_digit) {
            return Ordering::Greater;
        }
        if b.get(j).is_some_and(u8::is_ascii_digit) {
            return Ordering::Less;
        }
        if first_difference != Ordering::Equal {
            return first_difference;
        }
    }
    Ordering::Equal
}
