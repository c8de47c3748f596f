//! Zip archives for zip and unzip, through the `zip` crate: the members an archive lists,
//! their contents (checked against their CRCs), and new archives written as Info-ZIP's
//! zip 3.0 writes them (stored when deflating does not pay, times in local MS-DOS form
//! and exactly in the `UT` extra field, Unix modes).

use std::io::{Cursor, Read, Write};
use zip::result::ZipError;
use zip::write::{ExtendedFileOptions, FileOptions};
use zip::{CompressionMethod, ZipArchive, ZipWriter};

const EXTENDED_TIME: u16 = 0x5455;

/// A member as an archive lists it.
pub struct Entry {
    pub name: String,
    pub deflated: bool,
    /// How hard it was deflated, from its flags, as unzip shows it: N(ormal), X (maximum),
    /// F(ast) or S(uper fast).
    pub deflate_option: char,
    pub size: u64,
    pub compressed_size: u64,
    pub crc: u32,
    /// Its local date and time in MS-DOS form (date in the high half), as unzip lists it.
    pub dos_time: u32,
    /// The modification time in seconds since the epoch: the `UT` field's, else the DOS time's.
    pub mtime: i64,
    /// Unix mode bits, when the member was made on Unix.
    pub mode: Option<u32>,
    index: usize,
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
    /// A member's data that cannot be read back: why.
    Corrupt(String),
}

/// An archive read from its bytes.
pub struct Archive<'b> {
    inner: ZipArchive<Cursor<&'b [u8]>>,
    bytes: &'b [u8],
}

impl<'b> Archive<'b> {
    pub fn open(bytes: &'b [u8]) -> Result<Archive<'b>, Error> {
        ZipArchive::new(Cursor::new(bytes))
            .map(|inner| Archive { inner, bytes })
            .map_err(|_| Error::NotZip)
    }

    /// The members the central directory lists, in its order.
    pub fn entries(&mut self) -> Result<Vec<Entry>, Error> {
        (0..self.inner.len())
            .map(|index| {
                let file = self.inner.by_index_raw(index).map_err(corrupt)?;
                let dos = file.last_modified().map_or(0, |t| {
                    u32::from(t.datepart()) << 16 | u32::from(t.timepart())
                });
                let exact = file.extra_data_fields().find_map(|field| match field {
                    zip::extra_fields::ExtraField::ExtendedTimestamp(stamp) => stamp.mod_time(),
                    _ => None,
                });
                // The general-purpose flags of its local header, which the crate keeps to
                // itself.
                let at = file.header_start() as usize + 6;
                let flags = self.bytes.get(at..at + 2).map_or(0, |f| f[0]);
                Ok(Entry {
                    name: file.name().to_string(),
                    deflated: file.compression() == CompressionMethod::Deflated,
                    deflate_option: ['N', 'X', 'F', 'S'][usize::from(flags >> 1 & 3)],
                    size: file.size(),
                    compressed_size: file.compressed_size(),
                    crc: file.crc32(),
                    dos_time: dos,
                    mtime: exact.map_or_else(|| from_dos_time(dos), |t| i64::from(t as i32)),
                    mode: file.unix_mode(),
                    index,
                })
            })
            .collect()
    }

    /// A member's contents, inflated and checked against its CRC.
    pub fn contents(&mut self, entry: &Entry) -> Result<Vec<u8>, Error> {
        let mut file = self.inner.by_index(entry.index).map_err(corrupt)?;
        let mut data = Vec::with_capacity(entry.size.min(1 << 26) as usize);
        file.read_to_end(&mut data)
            .map_err(|e| Error::Corrupt(e.to_string()))?;
        Ok(data)
    }
}

fn corrupt(e: ZipError) -> Error {
    Error::Corrupt(e.to_string())
}

/// The local time zone's view of `seconds`, for MS-DOS times.
/// A member's time as unzip lists it (`2026-12-07 01:30`), in the local zone.
pub fn listed_time(seconds: i64) -> String {
    local(seconds).strftime("%Y-%m-%d %H:%M").to_string()
}

fn local(seconds: i64) -> jiff::Zoned {
    jiff::Timestamp::from_second(seconds)
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        .to_zoned(wasmix_common::datetime::local_zone())
}

/// An MS-DOS local date and time as seconds since the epoch.
fn from_dos_time(dos: u32) -> i64 {
    let (date, time) = (dos >> 16, dos & 0xffff);
    jiff::civil::DateTime::new(
        (1980 + (date >> 9)) as i16,
        ((date >> 5) & 15).clamp(1, 12) as i8,
        (date & 31).clamp(1, 31) as i8,
        ((time >> 11) & 31).min(23) as i8,
        ((time >> 5) & 63).min(59) as i8,
        ((time & 31) * 2).min(59) as i8,
        0,
    )
    .ok()
    .and_then(|civil| civil.to_zoned(wasmix_common::datetime::local_zone()).ok())
    .map_or(0, |zoned| zoned.timestamp().as_second())
}

/// A member to be written from the file system.
pub struct NewMember<'a> {
    pub name: &'a str,
    pub data: &'a [u8],
    pub mtime: i64,
    /// Its Unix mode, file type included.
    pub mode: u32,
    /// 0 stores; 1-9 deflate at that level, keeping the data stored when that is smaller.
    pub level: u32,
}

/// A new archive, written member by member.
pub struct Writer {
    inner: ZipWriter<Cursor<Vec<u8>>>,
}

impl Default for Writer {
    fn default() -> Writer {
        Writer {
            inner: ZipWriter::new(Cursor::new(Vec::new())),
        }
    }
}

/// The size of `data` deflated at `level`, when that makes it smaller: zip stores what
/// deflating does not shrink.
fn deflated_size(data: &[u8], level: u32) -> Option<u64> {
    if level == 0 || data.is_empty() {
        return None;
    }
    let mut encoder =
        flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::new(level));
    encoder.write_all(data).ok()?;
    let size = encoder.finish().ok()?.len();
    (size < data.len()).then_some(size as u64)
}

impl Writer {
    /// Adds a member; whether it went in deflated, and its compressed size.
    pub fn add(&mut self, member: &NewMember) -> Result<(bool, u64), Error> {
        let deflated_size = deflated_size(member.data, member.level);
        let deflated = deflated_size.is_some();
        // MS-DOS times count two seconds at a time: zip rounds an odd second up.
        let zoned = local(member.mtime + (member.mtime & 1));
        let dos = zip::DateTime::from_date_and_time(
            zoned.year().clamp(1980, 2107) as u16,
            zoned.month() as u8,
            zoned.day() as u8,
            zoned.hour() as u8,
            zoned.minute() as u8,
            zoned.second() as u8,
        )
        .unwrap_or_default();
        let mtime = (member.mtime as i32).to_le_bytes();
        let mut options: FileOptions<ExtendedFileOptions> = FileOptions::default()
            .compression_method(match deflated {
                true => CompressionMethod::Deflated,
                false => CompressionMethod::Stored,
            })
            .compression_level(deflated.then_some(i64::from(member.level)))
            .last_modified_time(dos)
            .unix_permissions(member.mode & 0o7777);
        // Info-ZIP's `UT` field: modification and access time in the local header, the
        // modification time alone in the central directory.
        let local_field = [&[3u8][..], &mtime, &mtime].concat();
        let central_field = [&[3u8][..], &mtime].concat();
        options
            .add_extra_data(EXTENDED_TIME, local_field.into(), false)
            .map_err(corrupt)?;
        options
            .add_extra_data(EXTENDED_TIME, central_field.into(), true)
            .map_err(corrupt)?;
        match member.name.strip_suffix('/') {
            Some(directory) => self.inner.add_directory(directory, options),
            None => self
                .inner
                .start_file(member.name, options)
                .and_then(|()| self.inner.write_all(member.data).map_err(ZipError::Io)),
        }
        .map_err(corrupt)?;
        Ok((deflated, deflated_size.unwrap_or(member.data.len() as u64)))
    }

    /// Copies a member of another archive as it is.
    pub fn copy(&mut self, archive: &mut Archive, entry: &Entry) -> Result<(), Error> {
        let file = archive.inner.by_index_raw(entry.index).map_err(corrupt)?;
        self.inner.raw_copy_file(file).map_err(corrupt)
    }

    /// The whole archive.
    pub fn finish(self) -> Result<Vec<u8>, Error> {
        self.inner.finish().map(Cursor::into_inner).map_err(corrupt)
    }
}
