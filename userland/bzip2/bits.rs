//! Bits in bzip2's order: each byte from its most significant bit down.

/// Where a stream's bits ran out before its end.
#[derive(Debug)]
pub struct EndOfData;

pub struct BitReader<'a> {
    data: &'a [u8],
    /// The next bit, counted from the start of `data`.
    position: usize,
}

impl<'a> BitReader<'a> {
    pub fn new(data: &'a [u8]) -> BitReader<'a> {
        BitReader { data, position: 0 }
    }

    pub fn bit(&mut self) -> Result<bool, EndOfData> {
        let byte = *self.data.get(self.position / 8).ok_or(EndOfData)?;
        let bit = byte >> (7 - self.position % 8) & 1;
        self.position += 1;
        Ok(bit == 1)
    }

    /// The next `count` bits (at most 32) as a number, the first read the highest.
    pub fn bits(&mut self, count: u32) -> Result<u32, EndOfData> {
        let mut value = 0u32;
        for _ in 0..count {
            value = value << 1 | u32::from(self.bit()?);
        }
        Ok(value)
    }

    /// Skips to the next byte boundary, where a stream that follows would start.
    pub fn align(&mut self) {
        self.position = self.position.div_ceil(8) * 8;
    }

    /// The bytes after the current one, from the next byte boundary.
    pub fn rest(&self) -> &'a [u8] {
        &self.data[self.position.div_ceil(8).min(self.data.len())..]
    }
}

#[derive(Default)]
pub struct BitWriter {
    bytes: Vec<u8>,
    /// Bits not yet making a whole byte, in the low `pending` bits.
    buffer: u64,
    pending: u32,
}

impl BitWriter {
    /// Writes the low `count` bits of `value` (at most 32), the highest first.
    pub fn bits(&mut self, count: u32, value: u32) {
        self.buffer = self.buffer << count | u64::from(value) & ((1u64 << count) - 1);
        self.pending += count;
        while self.pending >= 8 {
            self.pending -= 8;
            self.bytes.push((self.buffer >> self.pending) as u8);
        }
        self.buffer &= (1 << self.pending) - 1;
    }

    pub fn bit(&mut self, value: bool) {
        self.bits(1, u32::from(value));
    }

    /// The bytes written, the last one padded with zero bits.
    pub fn finish(mut self) -> Vec<u8> {
        if self.pending > 0 {
            self.bytes.push((self.buffer << (8 - self.pending)) as u8);
        }
        self.bytes
    }
}
