//! Decompression: a stream's blocks, each Huffman-coded move-to-front indices with runs of
//! zeros, then the inverse Burrows-Wheeler transform and the runs of the first stage, each
//! block checked against its CRC and the stream against their combination.

use crate::bits::{BitReader, EndOfData};
use crate::huffman::{DecodeError, Decoder, MAX_READ_LENGTH};
use crate::{BLOCK_MAGIC, END_MAGIC, GROUP_SIZE, RUN_A, RUN_B, block_crc, combine_crc};

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

impl From<EndOfData> for Error {
    fn from(_: EndOfData) -> Error {
        Error::Truncated
    }
}

impl From<DecodeError> for Error {
    fn from(e: DecodeError) -> Error {
        match e {
            DecodeError::EndOfData => Error::Truncated,
            DecodeError::NoSuchCode => Error::Corrupt,
        }
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
        let block_size = usize::from(rest[3] - b'0') * 100_000;
        let mut reader = BitReader::new(&rest[4..]);
        stream(&mut reader, block_size, data)?;
        rest = reader.rest();
    }
}

/// Whether a stream starts here (`BZh` and a block size), read a byte at a time as
/// bzip2 reads it: running out of bytes before one differs means the data was cut short.
pub(crate) fn header(bytes: &[u8]) -> Result<bool, Error> {
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

/// One stream's blocks, after its header, up to its end marker.
fn stream(reader: &mut BitReader, block_size: usize, out: &mut Vec<u8>) -> Result<(), Error> {
    let mut combined = 0u32;
    loop {
        let magic = u64::from(reader.bits(24)?) << 24 | u64::from(reader.bits(24)?);
        let crc = reader.bits(32)?;
        if magic == END_MAGIC {
            reader.align();
            return if crc == combined {
                Ok(())
            } else {
                Err(Error::Corrupt)
            };
        }
        if magic != BLOCK_MAGIC {
            return Err(Error::Corrupt);
        }
        let start = out.len();
        block(reader, block_size, out)?;
        if block_crc(&out[start..]) != crc {
            return Err(Error::Corrupt);
        }
        combined = combine_crc(combined, crc);
    }
}

/// One block, appended to `out`.
fn block(reader: &mut BitReader, block_size: usize, out: &mut Vec<u8>) -> Result<(), Error> {
    // Blocks of bzip2 0.9.0 and earlier were randomised; no compressor has made them
    // since 1998.
    if reader.bit()? {
        return Err(Error::Corrupt);
    }
    let original = reader.bits(24)? as usize;
    let used = used_bytes(reader)?;
    let alphabet = used.len() + 2;
    let groups = reader.bits(3)? as usize;
    let selector_count = reader.bits(15)? as usize;
    if !(2..=6).contains(&groups) || selector_count == 0 {
        return Err(Error::Corrupt);
    }
    let selectors = selectors(reader, groups, selector_count)?;
    let mut decoders = Vec::with_capacity(groups);
    for _ in 0..groups {
        decoders.push(Decoder::new(&code_lengths(reader, alphabet)?));
    }
    let bytes = symbols(reader, &decoders, &selectors, &used, block_size)?;
    if original >= bytes.len() {
        return Err(Error::Corrupt);
    }
    undo_runs(&inverse_transform(&bytes, original), out);
    Ok(())
}

/// The bytes the block uses, in order: sixteen bits for sixteen ranges, then sixteen
/// bits for each range in use.
fn used_bytes(reader: &mut BitReader) -> Result<Vec<u8>, Error> {
    let ranges = reader.bits(16)?;
    let mut used = Vec::new();
    for range in 0..16 {
        if ranges & (0x8000 >> range) != 0 {
            let bytes = reader.bits(16)?;
            for byte in 0..16 {
                if bytes & (0x8000 >> byte) != 0 {
                    used.push((range * 16 + byte) as u8);
                }
            }
        }
    }
    if used.is_empty() {
        return Err(Error::Corrupt);
    }
    Ok(used)
}

/// Which code table each group of 50 symbols uses: unary numbers, moved to front.
fn selectors(reader: &mut BitReader, groups: usize, count: usize) -> Result<Vec<u8>, Error> {
    let mut order: Vec<u8> = (0..groups as u8).collect();
    let mut selectors = Vec::with_capacity(count);
    for _ in 0..count {
        let mut index = 0;
        while reader.bit()? {
            index += 1;
            if index >= groups {
                return Err(Error::Corrupt);
            }
        }
        let table = order.remove(index);
        order.insert(0, table);
        selectors.push(table);
    }
    Ok(selectors)
}

/// One table's code lengths: a start, then for each symbol steps of one up or down.
fn code_lengths(reader: &mut BitReader, alphabet: usize) -> Result<Vec<u8>, Error> {
    let mut length = reader.bits(5)? as u8;
    let mut lengths = Vec::with_capacity(alphabet);
    for _ in 0..alphabet {
        loop {
            if length == 0 || length > MAX_READ_LENGTH {
                return Err(Error::Corrupt);
            }
            if !reader.bit()? {
                break;
            }
            if reader.bit()? {
                length -= 1;
            } else {
                length += 1;
            }
        }
        lengths.push(length);
    }
    Ok(lengths)
}

/// The block's bytes before the inverse transform: symbols decoded, runs of zeros
/// (RUNA and RUNB, a number in bijective base 2) expanded, move-to-front undone.
fn symbols(
    reader: &mut BitReader,
    decoders: &[Decoder],
    selectors: &[u8],
    used: &[u8],
    block_size: usize,
) -> Result<Vec<u8>, Error> {
    let end_of_block = used.len() as u16 + 1;
    let mut front: Vec<u8> = used.to_vec();
    let mut bytes = Vec::with_capacity(block_size);
    let mut run = 0usize;
    let mut run_digit = 1usize;
    for position in 0.. {
        let selector = *selectors.get(position / GROUP_SIZE).ok_or(Error::Corrupt)?;
        let symbol = decoders[usize::from(selector)].symbol(reader)?;
        if symbol == RUN_A || symbol == RUN_B {
            run += run_digit * usize::from(symbol + 1);
            run_digit *= 2;
            if run > block_size {
                return Err(Error::Corrupt);
            }
            continue;
        }
        if run > 0 {
            if bytes.len() + run > block_size {
                return Err(Error::Corrupt);
            }
            bytes.resize(bytes.len() + run, front[0]);
            run = 0;
            run_digit = 1;
        }
        if symbol == end_of_block {
            break;
        }
        let index = usize::from(symbol - 1);
        if index >= front.len() || bytes.len() >= block_size {
            return Err(Error::Corrupt);
        }
        let byte = front.remove(index);
        front.insert(0, byte);
        bytes.push(byte);
    }
    Ok(bytes)
}

/// The block the transform was made from: following each byte to the rotation that
/// starts with it, from the original's row.
fn inverse_transform(last: &[u8], original: usize) -> Vec<u8> {
    let mut starts = [0usize; 256];
    for &byte in last {
        starts[usize::from(byte)] += 1;
    }
    let mut sum = 0;
    for start in &mut starts {
        let count = *start;
        *start = sum;
        sum += count;
    }
    let mut next = vec![0u32; last.len()];
    for (row, &byte) in last.iter().enumerate() {
        next[starts[usize::from(byte)]] = row as u32;
        starts[usize::from(byte)] += 1;
    }
    let mut block = Vec::with_capacity(last.len());
    let mut row = next[original] as usize;
    for _ in 0..last.len() {
        block.push(last[row]);
        row = next[row] as usize;
    }
    block
}

/// The first stage's runs: four equal bytes are followed by how many more there were.
fn undo_runs(block: &[u8], out: &mut Vec<u8>) {
    let mut same = 0;
    let mut previous = None;
    let mut bytes = block.iter();
    while let Some(&byte) = bytes.next() {
        out.push(byte);
        same = if previous == Some(byte) { same + 1 } else { 1 };
        previous = Some(byte);
        if same == 4 {
            if let Some(&more) = bytes.next() {
                out.resize(out.len() + usize::from(more), byte);
            }
            same = 0;
            previous = None;
        }
    }
}
