//! bzip2 1.0's format. No crate for it builds offline here, so it is written out in
//! this directory: `encode.rs`, `decode.rs`, `bwt.rs`, `huffman.rs`, `bits.rs`. The
//! `bzip2` program and `tar -j` use it.

mod bits;
mod bwt;
pub mod decode;
pub mod encode;
mod huffman;

pub use decode::Error;

pub(crate) const BLOCK_MAGIC: u64 = 0x3141_5926_5359;
pub(crate) const END_MAGIC: u64 = 0x1772_4538_5090;
/// Symbols coded by one table before the next selector.
pub(crate) const GROUP_SIZE: usize = 50;
pub(crate) const RUN_A: u16 = 0;
pub(crate) const RUN_B: u16 = 1;

const CRC: crc::Crc<u32> = crc::Crc::<u32>::new(&crc::CRC_32_BZIP2);

pub(crate) fn block_crc(bytes: &[u8]) -> u32 {
    CRC.checksum(bytes)
}

/// The stream's CRC: each block's folded into the rotated sum of those before.
pub(crate) fn combine_crc(combined: u32, block: u32) -> u32 {
    combined.rotate_left(1) ^ block
}

/// Whether `bytes` start as a bzip2 stream does (`BZh` and a block size).
pub fn looks_compressed(bytes: &[u8]) -> bool {
    matches!(decode::header(bytes), Ok(true))
}
