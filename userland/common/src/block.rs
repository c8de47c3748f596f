//! Output gathered into a block from many short pieces (the lines `sort` writes, say).
//! A copy whose length is known only at run time is a call out of the wasm code
//! (wasmtime's `memory.copy`), which for lines of some fifty bytes costs more than the
//! copy; here each piece is copied as fixed-size parts of 16, 8, 4, 2 and 1 bytes, which
//! compile to plain loads and stores.

use std::io::{self, Write};

const SIZE: usize = 64 * 1024;

pub struct Block {
    bytes: Vec<u8>,
    len: usize,
}

impl Default for Block {
    fn default() -> Block {
        Block {
            bytes: vec![0; SIZE],
            len: 0,
        }
    }
}

impl Block {
    /// Appends `piece` and then the byte `end`, writing the block to `out` first when
    /// they would not fit.
    pub fn push(&mut self, out: &mut dyn Write, piece: &[u8], end: u8) -> io::Result<()> {
        if self.len + piece.len() + 1 > SIZE {
            self.flush(out)?;
            if piece.len() + 1 > SIZE {
                out.write_all(piece)?;
                return out.write_all(&[end]);
            }
        }
        copy_in_parts(&mut self.bytes[self.len..self.len + piece.len()], piece);
        self.len += piece.len();
        self.bytes[self.len] = end;
        self.len += 1;
        Ok(())
    }

    /// Writes what the block holds to `out`.
    pub fn flush(&mut self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(&self.bytes[..self.len])?;
        self.len = 0;
        Ok(())
    }
}

/// `to.copy_from_slice(from)` (the same length) in fixed-size parts.
fn copy_in_parts(to: &mut [u8], from: &[u8]) {
    let mut at = 0;
    while from.len() - at >= 16 {
        to[at..at + 16].copy_from_slice(&from[at..at + 16]);
        at += 16;
    }
    // Written out, not a loop over the sizes, so that each copy's length is a constant.
    if from.len() - at >= 8 {
        to[at..at + 8].copy_from_slice(&from[at..at + 8]);
        at += 8;
    }
    if from.len() - at >= 4 {
        to[at..at + 4].copy_from_slice(&from[at..at + 4]);
        at += 4;
    }
    if from.len() - at >= 2 {
        to[at..at + 2].copy_from_slice(&from[at..at + 2]);
        at += 2;
    }
    if from.len() > at {
        to[at] = from[at];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_of_every_length_come_out_whole_and_in_order() {
        let text: Vec<u8> = (0..=255u8).cycle().take(3 * SIZE).collect();
        let mut out = Vec::new();
        let mut block = Block::default();
        let mut expected = Vec::new();
        let mut at = 0;
        for len in (0..70).chain([SIZE - 1, SIZE, 2 * SIZE]) {
            let piece = &text[at % SIZE..at % SIZE + len];
            block.push(&mut out, piece, b'\n').unwrap();
            expected.extend_from_slice(piece);
            expected.push(b'\n');
            at += 7;
        }
        block.flush(&mut out).unwrap();
        assert_eq!(out, expected);
    }
}
