//! The zip format as Info-ZIP's zip 3.0 writes it and unzip 6.0 reads it: local headers
//! before each member's data, a central directory after them, and the end record that
//! points to it. Members are stored or deflated; times are MS-DOS local times, with the
//! exact time in the `UT` extra field as Info-ZIP writes it.

use std::io::{Read, Write};

const LOCAL: u32 = 0x0403_4b50;
const CENTRAL: u32 = 0x0201_4b50;
const END: u32 = 0x0605_4b50;
const EXTENDED_TIME: u16 = 0x5455;
pub const STORED: u16 = 0;
pub const DEFLATED: u16 = 8;
/// Unix (3) as the system that made the member, zip 3.0 as the version.
const MADE_BY: u16 = 0x031e;

pub struct Entry {
    pub name: String,
    pub method: u16,
    pub crc: u32,
    pub compressed_size: u64,
    pub size: u64,
    pub dos_time: u32,
    /// The modification time in seconds since the epoch: the `UT` field's, else the DOS time's.
    pub mtime: i64,
    /// Unix mode bits, when the member was made on Unix.
    pub mode: Option<u32>,
    pub external_attributes: u32,
    flags: u16,
    made_by: u16,
    version_needed: u16,
    internal_attributes: u16,
    central_extra: Vec<u8>,
    comment: Vec<u8>,
    local_offset: u64,
}

impl Entry {
    pub fn is_dir(&self) -> bool {
        self.name.ends_with('/')
    }
}

#[derive(Debug)]
pub enum Error {
    /// No end-of-central-directory record: not a zip file.
    NotZip,
    /// A record cut short or pointing outside the file.
    Truncated,
    /// A member's data that does not inflate, or whose CRC differs.
    Corrupt(&'static str),
    /// A compression method other than store and deflate.
    Method(u16),
}

fn u16_at(bytes: &[u8], at: usize) -> Result<u16, Error> {
    let b = bytes.get(at..at + 2).ok_or(Error::Truncated)?;
    Ok(u16::from_le_bytes([b[0], b[1]]))
}

fn u32_at(bytes: &[u8], at: usize) -> Result<u32, Error> {
    let b = bytes.get(at..at + 4).ok_or(Error::Truncated)?;
    Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// The exact modification time an extra field block holds (`UT`'s first time).
fn extended_mtime(extra: &[u8]) -> Option<i64> {
    let mut at = 0;
    while at + 4 <= extra.len() {
        let tag = u16::from_le_bytes([extra[at], extra[at + 1]]);
        let size = usize::from(u16::from_le_bytes([extra[at + 2], extra[at + 3]]));
        let body = extra.get(at + 4..at + 4 + size)?;
        if tag == EXTENDED_TIME && body.len() >= 5 && body[0] & 1 != 0 {
            return Some(i64::from(i32::from_le_bytes([
                body[1], body[2], body[3], body[4],
            ])));
        }
        at += 4 + size;
    }
    None
}

/// The members the central directory lists, in its order.
pub fn read(bytes: &[u8]) -> Result<Vec<Entry>, Error> {
    let earliest = bytes.len().saturating_sub(22 + 65_535);
    let end = (earliest..=bytes.len().saturating_sub(22))
        .rev()
        .find(|at| u32_at(bytes, *at).is_ok_and(|s| s == END))
        .ok_or(Error::NotZip)?;
    let count = usize::from(u16_at(bytes, end + 10)?);
    let mut at = u32_at(bytes, end + 16)? as usize;
    let mut entries = Vec::with_capacity(count);
    for _ in 0..count {
        if u32_at(bytes, at)? != CENTRAL {
            return Err(Error::Truncated);
        }
        let name_len = usize::from(u16_at(bytes, at + 28)?);
        let extra_len = usize::from(u16_at(bytes, at + 30)?);
        let comment_len = usize::from(u16_at(bytes, at + 32)?);
        let name_at = at + 46;
        let name = bytes
            .get(name_at..name_at + name_len)
            .ok_or(Error::Truncated)?;
        let extra_at = name_at + name_len;
        let extra = bytes
            .get(extra_at..extra_at + extra_len)
            .ok_or(Error::Truncated)?;
        let comment_at = extra_at + extra_len;
        let comment = bytes
            .get(comment_at..comment_at + comment_len)
            .ok_or(Error::Truncated)?;
        let made_by = u16_at(bytes, at + 4)?;
        let dos_time = u32_at(bytes, at + 12)?;
        let external_attributes = u32_at(bytes, at + 38)?;
        entries.push(Entry {
            name: String::from_utf8_lossy(name).into_owned(),
            method: u16_at(bytes, at + 10)?,
            crc: u32_at(bytes, at + 16)?,
            compressed_size: u64::from(u32_at(bytes, at + 20)?),
            size: u64::from(u32_at(bytes, at + 24)?),
            dos_time,
            mtime: extended_mtime(extra).unwrap_or_else(|| from_dos_time(dos_time)),
            mode: (made_by >> 8 == 3).then_some(external_attributes >> 16),
            external_attributes,
            flags: u16_at(bytes, at + 8)?,
            made_by,
            version_needed: u16_at(bytes, at + 6)?,
            internal_attributes: u16_at(bytes, at + 36)?,
            central_extra: extra.to_vec(),
            comment: comment.to_vec(),
            local_offset: u64::from(u32_at(bytes, at + 42)?),
        });
        at = comment_at + comment_len;
    }
    Ok(entries)
}

/// Where a member's compressed data lies in the archive.
fn data_range(bytes: &[u8], entry: &Entry) -> Result<std::ops::Range<usize>, Error> {
    let at = entry.local_offset as usize;
    if u32_at(bytes, at)? != LOCAL {
        return Err(Error::Truncated);
    }
    let start =
        at + 30 + usize::from(u16_at(bytes, at + 26)?) + usize::from(u16_at(bytes, at + 28)?);
    let end = start + entry.compressed_size as usize;
    if end > bytes.len() {
        return Err(Error::Truncated);
    }
    Ok(start..end)
}

/// A member's contents, inflated and checked against its CRC.
pub fn contents(bytes: &[u8], entry: &Entry) -> Result<Vec<u8>, Error> {
    let raw = &bytes[data_range(bytes, entry)?];
    if entry.flags & 1 != 0 {
        return Err(Error::Corrupt("encrypted"));
    }
    let data = match entry.method {
        STORED => raw.to_vec(),
        DEFLATED => {
            let mut data = Vec::with_capacity(entry.size.min(1 << 26) as usize);
            flate2::read::DeflateDecoder::new(raw)
                .read_to_end(&mut data)
                .map_err(|_| Error::Corrupt("inflate error"))?;
            data
        }
        other => return Err(Error::Method(other)),
    };
    if crc32fast::hash(&data) != entry.crc || data.len() as u64 != entry.size {
        return Err(Error::Corrupt("bad CRC"));
    }
    Ok(data)
}

/// Seconds since the epoch as MS-DOS's local date and time (date in the high half).
pub fn to_dos_time(seconds: i64) -> u32 {
    let zoned = jiff::Timestamp::from_second(seconds)
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        .to_zoned(wasmix_common::datetime::local_zone());
    let year = (i32::from(zoned.year()) - 1980).clamp(0, 127) as u32;
    let date = year << 9 | (zoned.month() as u32) << 5 | zoned.day() as u32;
    let time =
        (zoned.hour() as u32) << 11 | (zoned.minute() as u32) << 5 | (zoned.second() as u32 / 2);
    date << 16 | time
}

/// An MS-DOS local date and time as seconds since the epoch.
pub fn from_dos_time(dos: u32) -> i64 {
    let (date, time) = (dos >> 16, dos & 0xffff);
    let civil = jiff::civil::DateTime::new(
        (1980 + (date >> 9)) as i16,
        ((date >> 5) & 15).clamp(1, 12) as i8,
        (date & 31).clamp(1, 31) as i8,
        ((time >> 11) & 31).min(23) as i8,
        ((time >> 5) & 63).min(59) as i8,
        ((time & 31) * 2).min(59) as i8,
        0,
    );
    civil
        .ok()
        .and_then(|civil| civil.to_zoned(wasmix_common::datetime::local_zone()).ok())
        .map_or(0, |zoned| zoned.timestamp().as_second())
}

/// A new archive, written member by member: each member's local header and data, then
/// the central directory.
#[derive(Default)]
pub struct Writer {
    bytes: Vec<u8>,
    central: Vec<u8>,
    count: u16,
}

/// A member to be written from the file system.
pub struct NewMember<'a> {
    pub name: &'a str,
    pub data: &'a [u8],
    pub mtime: i64,
    pub mode: u32,
    /// 0 stores; 1-9 deflate at that level, keeping the data stored when that is smaller.
    pub level: u32,
}

impl Writer {
    /// Adds a member and says how it went in: its method and compressed size.
    pub fn add(&mut self, member: &NewMember) -> (u16, u64) {
        let mut method = STORED;
        let mut packed = std::borrow::Cow::Borrowed(member.data);
        if member.level > 0 && !member.data.is_empty() {
            let level = flate2::Compression::new(member.level);
            let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), level);
            let _ = encoder.write_all(member.data);
            if let Ok(deflated) = encoder.finish()
                && deflated.len() < member.data.len()
            {
                method = DEFLATED;
                packed = std::borrow::Cow::Owned(deflated);
            }
        }
        let dos_attributes = if member.name.ends_with('/') { 0x10 } else { 0 };
        let mtime = member.mtime as i32 as u32;
        let mut central_extra = Vec::new();
        central_extra.extend_from_slice(&EXTENDED_TIME.to_le_bytes());
        central_extra.extend_from_slice(&5u16.to_le_bytes());
        central_extra.push(3);
        central_extra.extend_from_slice(&mtime.to_le_bytes());
        let mut local_extra = Vec::new();
        local_extra.extend_from_slice(&EXTENDED_TIME.to_le_bytes());
        local_extra.extend_from_slice(&9u16.to_le_bytes());
        local_extra.push(3);
        local_extra.extend_from_slice(&mtime.to_le_bytes());
        local_extra.extend_from_slice(&mtime.to_le_bytes());
        let entry = Entry {
            name: member.name.to_string(),
            method,
            crc: crc32fast::hash(member.data),
            compressed_size: packed.len() as u64,
            size: member.data.len() as u64,
            dos_time: to_dos_time(member.mtime),
            mtime: member.mtime,
            mode: Some(member.mode),
            external_attributes: member.mode << 16 | dos_attributes,
            flags: match (method, member.level) {
                (DEFLATED, 8 | 9) => 2,
                (DEFLATED, 2) => 4,
                (DEFLATED, 1) => 6,
                _ => 0,
            },
            made_by: MADE_BY,
            version_needed: if method == DEFLATED || member.name.ends_with('/') {
                20
            } else {
                10
            },
            internal_attributes: u16::from(is_text(member.data)),
            central_extra,
            comment: Vec::new(),
            local_offset: 0,
        };
        self.append(entry, &local_extra, &packed);
        (method, packed.len() as u64)
    }

    /// Copies a member of another archive as it is (`bytes` is that archive).
    pub fn copy(&mut self, bytes: &[u8], entry: Entry) -> Result<(), Error> {
        let range = data_range(bytes, &entry)?;
        let at = entry.local_offset as usize;
        let name_len = usize::from(u16_at(bytes, at + 26)?);
        let extra_len = usize::from(u16_at(bytes, at + 28)?);
        let local_extra = bytes[at + 30 + name_len..at + 30 + name_len + extra_len].to_vec();
        self.append(entry, &local_extra, &bytes[range]);
        Ok(())
    }

    fn append(&mut self, mut entry: Entry, local_extra: &[u8], data: &[u8]) {
        entry.local_offset = self.bytes.len() as u64;
        let name = entry.name.as_bytes();
        let common = |out: &mut Vec<u8>| {
            out.extend_from_slice(&entry.version_needed.to_le_bytes());
            out.extend_from_slice(&entry.flags.to_le_bytes());
            out.extend_from_slice(&entry.method.to_le_bytes());
            out.extend_from_slice(&entry.dos_time.to_le_bytes());
            out.extend_from_slice(&entry.crc.to_le_bytes());
            out.extend_from_slice(&(entry.compressed_size as u32).to_le_bytes());
            out.extend_from_slice(&(entry.size as u32).to_le_bytes());
            out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        };
        self.bytes.extend_from_slice(&LOCAL.to_le_bytes());
        common(&mut self.bytes);
        self.bytes
            .extend_from_slice(&(local_extra.len() as u16).to_le_bytes());
        self.bytes.extend_from_slice(name);
        self.bytes.extend_from_slice(local_extra);
        self.bytes.extend_from_slice(data);

        let central = &mut self.central;
        central.extend_from_slice(&CENTRAL.to_le_bytes());
        central.extend_from_slice(&entry.made_by.to_le_bytes());
        common(central);
        central.extend_from_slice(&(entry.central_extra.len() as u16).to_le_bytes());
        central.extend_from_slice(&(entry.comment.len() as u16).to_le_bytes());
        central.extend_from_slice(&0u16.to_le_bytes());
        central.extend_from_slice(&entry.internal_attributes.to_le_bytes());
        central.extend_from_slice(&entry.external_attributes.to_le_bytes());
        central.extend_from_slice(&(entry.local_offset as u32).to_le_bytes());
        central.extend_from_slice(name);
        central.extend_from_slice(&entry.central_extra);
        central.extend_from_slice(&entry.comment);
        self.count += 1;
    }

    /// The whole archive.
    pub fn finish(mut self) -> Vec<u8> {
        let central_at = self.bytes.len() as u32;
        let central_len = self.central.len() as u32;
        self.bytes.append(&mut self.central);
        self.bytes.extend_from_slice(&END.to_le_bytes());
        self.bytes.extend_from_slice(&[0; 4]);
        self.bytes.extend_from_slice(&self.count.to_le_bytes());
        self.bytes.extend_from_slice(&self.count.to_le_bytes());
        self.bytes.extend_from_slice(&central_len.to_le_bytes());
        self.bytes.extend_from_slice(&central_at.to_le_bytes());
        self.bytes.extend_from_slice(&0u16.to_le_bytes());
        self.bytes
    }
}

/// Whether data looks like text, as zip marks it in the internal attributes.
fn is_text(data: &[u8]) -> bool {
    !data.is_empty()
        && data
            .iter()
            .all(|b| *b >= 32 || matches!(b, b'\t' | b'\n' | b'\r' | 12))
}
