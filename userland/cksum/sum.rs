//! The checksums from before digests: BSD's 16-bit rotating sum (`sum`, `sum -r`), System
//! V's (`sum -s`) and POSIX's CRC (`cksum`), each printed with the file's size.

use std::io::{self, Read};
use wasmix_common::input::each_chunk;

#[derive(Clone, Copy, PartialEq)]
pub enum Legacy {
    Bsd,
    Sysv,
    Crc,
}

/// POSIX's CRC: polynomial 0x04C11DB7 over the data, then over the length's bytes.
const CKSUM: crc::Crc<u32> = crc::Crc::<u32>::new(&crc::CRC_32_CKSUM);

impl Legacy {
    pub fn named(name: &str) -> Option<Legacy> {
        match name {
            "bsd" => Some(Legacy::Bsd),
            "sysv" => Some(Legacy::Sysv),
            "crc" => Some(Legacy::Crc),
            _ => None,
        }
    }

    /// The sum and size as the program prints them, without the name.
    pub fn summary(self, reader: &mut dyn Read) -> io::Result<String> {
        let (mut bsd, mut total, mut bytes) = (0u16, 0u64, 0u64);
        let mut crc = CKSUM.digest();
        each_chunk(reader, |chunk| {
            bytes += chunk.len() as u64;
            match self {
                Legacy::Sysv => total += chunk.iter().map(|&b| u64::from(b)).sum::<u64>(),
                Legacy::Bsd => {
                    for &byte in chunk {
                        bsd = bsd.rotate_right(1).wrapping_add(u16::from(byte));
                    }
                }
                Legacy::Crc => crc.update(chunk),
            }
            Ok(())
        })?;
        Ok(match self {
            Legacy::Sysv => {
                let folded = (total & 0xffff) + ((total & 0xffff_ffff) >> 16);
                let checksum = (folded & 0xffff) + (folded >> 16);
                format!("{checksum} {}", bytes.div_ceil(512))
            }
            Legacy::Bsd => format!("{bsd:05} {:5}", bytes.div_ceil(1024)),
            Legacy::Crc => {
                let mut remaining = bytes;
                while remaining > 0 {
                    crc.update(&[(remaining & 0xff) as u8]);
                    remaining >>= 8;
                }
                format!("{} {bytes}", crc.finalize())
            }
        })
    }
}
