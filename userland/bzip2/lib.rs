//! bzip2 1.0's format, through the `bzip2` crate (libbzip2 ported to Rust), with the
//! choices the `bzip2` program makes around it: how concatenated streams, trailing bytes
//! and damage end a decompression. The `bzip2` program and `tar -j` use it.

use bzip2::{Action, Compress, Compression, Decompress, Status};

/// Why the data could not be decompressed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Error {
    /// It does not start as bzip2 data does.
    NotBzip2,
    /// It ends before the end of its stream.
    Truncated,
    /// Something in it is impossible, or a CRC does not match.
    Corrupt,
}

/// bzip2's default work factor: when to fall back from its fast sort.
const WORK_FACTOR: u32 = 30;

/// A whole stream for `input`, in blocks of `level` hundred thousand bytes.
pub fn compress(input: &[u8], level: u8) -> Vec<u8> {
    let mut encoder = Compress::new(Compression::new(u32::from(level)), WORK_FACTOR);
    let mut out = Vec::with_capacity(input.len() / 4 + 64);
    loop {
        let taken = encoder.total_in() as usize;
        // Finishing takes every byte given; only room to write can run out.
        if let Ok(Status::StreamEnd) =
            encoder.compress_vec(&input[taken..], &mut out, Action::Finish)
        {
            return out;
        }
        out.reserve(out.capacity().max(64));
    }
}

/// What the streams held, as far as they could be read, and how they ended: true when
/// bytes that are not a stream followed them.
pub struct Decompressed {
    pub data: Vec<u8>,
    pub outcome: Result<bool, Error>,
}

/// Every stream of `input`, one after another, as `bzip2 -d` takes concatenated files.
pub fn decompress(input: &[u8]) -> Decompressed {
    let mut data = Vec::new();
    let outcome = streams(input, &mut data);
    Decompressed { data, outcome }
}

fn streams(input: &[u8], data: &mut Vec<u8>) -> Result<bool, Error> {
    let mut rest = input;
    let mut first = true;
    loop {
        if !first && rest.is_empty() {
            return Ok(false);
        }
        if !header(rest)? {
            return if first {
                Err(Error::NotBzip2)
            } else {
                Ok(true)
            };
        }
        first = false;
        rest = &rest[stream(rest, data)?..];
    }
}

/// Whether a stream starts here (`BZh` and a block size), read a byte at a time as
/// bzip2 reads it: running out of bytes before one differs means the data was cut short.
fn header(bytes: &[u8]) -> Result<bool, Error> {
    for (index, expected) in b"BZh".iter().enumerate() {
        match bytes.get(index) {
            None => return Err(Error::Truncated),
            Some(byte) if byte != expected => return Ok(false),
            Some(_) => {}
        }
    }
    match bytes.get(3) {
        None => Err(Error::Truncated),
        Some(size) => Ok((b'1'..=b'9').contains(size)),
    }
}

/// One stream, appended to `data`: how many bytes of `input` it took.
fn stream(input: &[u8], data: &mut Vec<u8>) -> Result<usize, Error> {
    let start = data.len();
    let outcome = decode(input, data);
    if outcome.is_err() {
        // bzip2 hands on its output in pieces of this size; the piece a fault is found in
        // is lost.
        const PIECE: usize = 5000;
        data.truncate(start + (data.len() - start) / PIECE * PIECE);
    }
    outcome
}

fn decode(input: &[u8], data: &mut Vec<u8>) -> Result<usize, Error> {
    let mut decoder = Decompress::new(false);
    loop {
        if data.capacity() - data.len() < 1 << 16 {
            data.reserve(data.capacity().max(input.len() * 4).max(1 << 20));
        }
        let taken = decoder.total_in() as usize;
        match decoder.decompress_vec(&input[taken..], data) {
            Ok(Status::StreamEnd) => return Ok(decoder.total_in() as usize),
            // All of the input read and room left to write: the stream was cut short.
            Ok(_) if decoder.total_in() as usize == input.len() && data.len() < data.capacity() => {
                return Err(Error::Truncated);
            }
            Ok(_) => {}
            Err(_) => return Err(Error::Corrupt),
        }
    }
}

/// Whether `bytes` start as a bzip2 stream does (`BZh` and a block size).
pub fn looks_compressed(bytes: &[u8]) -> bool {
    matches!(header(bytes), Ok(true))
}
