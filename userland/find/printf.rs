//! `-printf FORMAT` as GNU find reads it: backslash escapes, and `%` directives with
//! GNU's flags, width and precision, for one name.

use crate::Entry;
use jiff::Timestamp;
use std::fs::Metadata;
use std::time::{SystemTime, UNIX_EPOCH};
use wasmix_common::wasi_fs::{self, EntryKind};
use wasmix_common::{datetime, filemode, names, ownership};

/// The text for `entry`; a `\c` ends it there.
pub fn printf(format: &str, entry: &Entry) -> Vec<u8> {
    let mut text = Vec::new();
    let bytes = format.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => {
                i += 1;
                let Some(&c) = bytes.get(i) else {
                    text.push(b'\\');
                    break;
                };
                i += 1;
                match c {
                    b'a' => text.push(7),
                    b'b' => text.push(8),
                    b'c' => return text,
                    b'f' => text.push(12),
                    b'n' => text.push(b'\n'),
                    b'r' => text.push(b'\r'),
                    b't' => text.push(b'\t'),
                    b'v' => text.push(11),
                    b'\\' => text.push(b'\\'),
                    b'0'..=b'7' => {
                        let mut value = u32::from(c - b'0');
                        for _ in 0..2 {
                            match bytes.get(i) {
                                Some(&d @ b'0'..=b'7') => {
                                    value = value * 8 + u32::from(d - b'0');
                                    i += 1;
                                }
                                _ => break,
                            }
                        }
                        text.push(value as u8);
                    }
                    other => {
                        crate::PROGRAM.warn(format_args!(
                            "warning: unrecognized escape `\\{}'",
                            char::from(other)
                        ));
                        text.extend_from_slice(&[b'\\', other]);
                    }
                }
            }
            b'%' => {
                let start = i;
                i += 1;
                let flags_end = i + bytes[i..]
                    .iter()
                    .take_while(|c| b"-+ #0".contains(c))
                    .count();
                let left = bytes[i..flags_end].contains(&b'-');
                i = flags_end;
                let width = digits(bytes, &mut i);
                let precision = match bytes.get(i) {
                    Some(b'.') => {
                        i += 1;
                        Some(digits(bytes, &mut i).unwrap_or(0))
                    }
                    _ => None,
                };
                let Some(&conversion) = bytes.get(i) else {
                    text.extend_from_slice(&bytes[start..]);
                    break;
                };
                i += 1;
                let value = match conversion {
                    b'A' | b'C' | b'T' => {
                        let Some(&part) = bytes.get(i) else {
                            text.extend_from_slice(&bytes[start..]);
                            break;
                        };
                        i += 1;
                        time_part(time(entry, conversion.to_ascii_lowercase()), part)
                    }
                    b'%' => Some("%".into()),
                    _ => directive(entry, conversion),
                };
                let Some(mut value) = value else {
                    crate::PROGRAM.warn(format_args!(
                        "warning: unrecognized format directive `%{}'",
                        char::from(conversion)
                    ));
                    text.extend_from_slice(&bytes[start..i]);
                    continue;
                };
                if let Some(precision) = precision
                    && let Some((cut, _)) = value.char_indices().nth(precision)
                {
                    value.truncate(cut);
                }
                let pad = width.unwrap_or(0).saturating_sub(value.chars().count());
                let padding = " ".repeat(pad);
                // Names keep their bytes, whatever they are.
                let value = names::to_bytes(&value);
                if left {
                    text.extend_from_slice(&value);
                    text.extend_from_slice(padding.as_bytes());
                } else {
                    text.extend_from_slice(padding.as_bytes());
                    text.extend_from_slice(&value);
                }
            }
            c => {
                text.push(c);
                i += 1;
            }
        }
    }
    text
}

fn digits(bytes: &[u8], i: &mut usize) -> Option<usize> {
    let count = bytes[*i..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let number = std::str::from_utf8(&bytes[*i..*i + count])
        .ok()?
        .parse()
        .ok();
    *i += count;
    number
}

/// The text of one `%` directive other than the times, or None for an unknown one.
fn directive(entry: &Entry, conversion: u8) -> Option<String> {
    let meta = || entry.metadata();
    let identity = || wasi_fs::identity(std::path::Path::new(entry.path), entry.follow).ok();
    Some(match conversion {
        b'p' => entry.path.into(),
        b'f' => entry.base_name().into(),
        b'h' => match entry.path.trim_end_matches('/').rsplit_once('/') {
            Some(("", _)) => "/".into(),
            Some((dir, _)) => dir.into(),
            None => ".".into(),
        },
        b'H' => entry.start.into(),
        b'P' => entry
            .path
            .strip_prefix(entry.start)
            .map_or("", |rest| rest.trim_start_matches('/'))
            .into(),
        b'd' => entry.depth.to_string(),
        b's' => meta().map_or(0, |m| m.len()).to_string(),
        b'k' => blocks(meta().as_ref(), entry).div_ceil(2).to_string(),
        b'b' => blocks(meta().as_ref(), entry).to_string(),
        b'i' => identity().map_or(0, |id| id.inode).to_string(),
        b'n' => identity().map_or(1, |id| id.links).to_string(),
        b'l' => match entry.kind {
            EntryKind::Symlink => std::fs::read_link(entry.path)
                .map(|target| target.to_string_lossy().into_owned())
                .unwrap_or_default(),
            _ => String::new(),
        },
        b'u' | b'g' => ownership::NAME.into(),
        b'U' | b'G' => ownership::ID.into(),
        b'y' => type_letter(entry.kind).into(),
        b'Y' => match entry.kind {
            EntryKind::Symlink => match std::fs::metadata(entry.path) {
                Ok(target) => type_letter(EntryKind::of(&target)).into(),
                Err(_) => "N".into(),
            },
            kind => type_letter(kind).into(),
        },
        b'm' => format!(
            "{:o}",
            meta().map_or(0, |m| filemode::permissions(entry.path, &m))
        ),
        b'M' => meta().map_or_else(String::new, |m| filemode::mode_string(entry.path, &m)),
        b'a' | b'c' | b't' => {
            let time = time(entry, conversion)?;
            format_time(time, "%a %b %e %H:%M:%S.%N0 %Y")?
        }
        _ => return None,
    })
}

fn type_letter(kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Directory => "d",
        EntryKind::Symlink => "l",
        EntryKind::File => "f",
        EntryKind::Fifo => "p",
        EntryKind::Other => "c",
    }
}

/// The 512-byte blocks a file takes.
fn blocks(meta: Option<&Metadata>, entry: &Entry) -> u64 {
    meta.map_or(0, |m| wasi_fs::allocated(m.len(), entry.kind).div_ceil(512))
}

/// Access (`a`), status change (`c`) or modification (`t`) time.
fn time(entry: &Entry, which: u8) -> Option<SystemTime> {
    crate::file_time(entry.path, entry.follow, which)
}

/// `%Tk` and its kin: `@` is seconds since the epoch with a fraction, any other letter
/// is that strftime conversion.
fn time_part(time: Option<SystemTime>, part: u8) -> Option<String> {
    let time = time?;
    if part == b'@' {
        let since = time.duration_since(UNIX_EPOCH).ok()?;
        return Some(format!("{}.{:09}0", since.as_secs(), since.subsec_nanos()));
    }
    if !part.is_ascii_alphabetic() {
        return None;
    }
    format_time(time, &format!("%{}", char::from(part)))
}

fn format_time(time: SystemTime, pattern: &str) -> Option<String> {
    let zoned = Timestamp::try_from(time)
        .ok()?
        .to_zoned(datetime::local_zone());
    let mut text = String::new();
    jiff::fmt::strtime::BrokenDownTime::from(&zoned)
        .format(pattern, &mut text)
        .ok()?;
    Some(text)
}
