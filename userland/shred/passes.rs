//! What each pass writes over a file: random bytes, or a three-byte pattern repeated.
//! GNU's shred shuffles its patterns among random passes; here they come in a fixed
//! order, with the first and last pass random, as in GNU's.

use std::fs::File;
use std::io::{Read, Write};

/// The patterns, in the order they are used.
const PATTERNS: [[u8; 3]; 20] = [
    [0x00, 0x00, 0x00],
    [0xff, 0xff, 0xff],
    [0x55, 0x55, 0x55],
    [0xaa, 0xaa, 0xaa],
    [0x24, 0x92, 0x49],
    [0x49, 0x24, 0x92],
    [0x92, 0x49, 0x24],
    [0x6d, 0xb6, 0xdb],
    [0xb6, 0xdb, 0x6d],
    [0xdb, 0x6d, 0xb6],
    [0x11, 0x11, 0x11],
    [0x22, 0x22, 0x22],
    [0x33, 0x33, 0x33],
    [0x44, 0x44, 0x44],
    [0x66, 0x66, 0x66],
    [0x77, 0x77, 0x77],
    [0x88, 0x88, 0x88],
    [0x99, 0x99, 0x99],
    [0xbb, 0xbb, 0xbb],
    [0xcc, 0xcc, 0xcc],
];

/// A whole number of patterns, so each block goes on where the last stopped.
const BLOCK: usize = 3 * 21_845;

pub enum Pass {
    Random,
    Pattern([u8; 3]),
}

/// Where random bytes come from: the kernel, or a file (`--random-source`).
pub enum Random {
    Kernel,
    File(String, File),
}

impl Random {
    fn fill(&mut self, buffer: &mut [u8]) -> Result<(), String> {
        match self {
            Random::Kernel => {
                let bytes = wasip2::random::random::get_random_bytes(buffer.len() as u64);
                buffer.copy_from_slice(&bytes);
                Ok(())
            }
            Random::File(name, file) => file.read_exact(buffer).map_err(|e| {
                if e.kind() == std::io::ErrorKind::UnexpectedEof {
                    format!("{}: end of file", wasmix_common::quote::quoteaf(name))
                } else {
                    format!("{name}: {}", wasmix_common::describe_io_error(&e))
                }
            }),
        }
    }
}

/// The passes for `-n ITERATIONS`, and a last one of zeros for `-z`.
pub fn plan(iterations: usize, zero: bool) -> Vec<Pass> {
    let mut patterns = PATTERNS.iter().cycle();
    let mut plan: Vec<Pass> = (0..iterations)
        .map(|index| {
            if iterations < 4 || index == 0 || index + 1 == iterations || index % 3 == 0 {
                Pass::Random
            } else {
                Pass::Pattern(*patterns.next().unwrap_or(&PATTERNS[0]))
            }
        })
        .collect();
    if zero {
        plan.push(Pass::Pattern([0; 3]));
    }
    plan
}

impl Pass {
    /// As `-v` names it: `random`, or the pattern in hexadecimal.
    pub fn label(&self) -> String {
        match self {
            Pass::Random => "random".into(),
            Pass::Pattern(bytes) => bytes.iter().map(|b| format!("{b:02x}")).collect(),
        }
    }

    /// Writes `size` bytes of the pass from where `file` is.
    pub fn write(
        &self,
        file: &mut File,
        name: &str,
        size: u64,
        random: &mut Random,
    ) -> Result<(), String> {
        let mut block = vec![0u8; BLOCK];
        if let Pass::Pattern(bytes) = self {
            for (index, byte) in block.iter_mut().enumerate() {
                *byte = bytes[index % 3];
            }
        }
        let mut written = 0u64;
        while written < size {
            let n = (size - written).min(BLOCK as u64) as usize;
            if let Pass::Random = self {
                random.fill(&mut block[..n])?;
            }
            file.write_all(&block[..n]).map_err(|e| {
                format!(
                    "{name}: error writing at offset {written}: {}",
                    wasmix_common::describe_io_error(&e)
                )
            })?;
            written += n as u64;
        }
        Ok(())
    }
}
