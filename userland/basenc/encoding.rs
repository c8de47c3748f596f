//! The encodings of basenc, each as groups of characters for groups of bytes: RFC 4648's
//! base64, base64url, base32, base32hex and base16, bit strings, and ZeroMQ's Z85.
//! Decoding goes a group at a time, as GNU's: the bytes a group's valid characters fix
//! are written before an invalid character is reported.

#[derive(Clone, Copy, PartialEq)]
pub enum Encoding {
    Base64,
    Base64Url,
    Base32,
    Base32Hex,
    Base16,
    Base2MostFirst,
    Base2LeastFirst,
    Z85,
}

const BASE64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const BASE64_URL: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const BASE32: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const BASE32_HEX: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUV";
const BASE16: &[u8] = b"0123456789ABCDEF";
const Z85: &[u8] =
    b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";

/// Input that cannot be decoded, or (Z85) encoded: it is not whole groups.
pub struct Invalid;

impl Encoding {
    fn alphabet(self) -> &'static [u8] {
        match self {
            Encoding::Base64 => BASE64,
            Encoding::Base64Url => BASE64_URL,
            Encoding::Base32 => BASE32,
            Encoding::Base32Hex => BASE32_HEX,
            Encoding::Base16 => BASE16,
            Encoding::Base2MostFirst | Encoding::Base2LeastFirst => b"01",
            Encoding::Z85 => Z85,
        }
    }

    /// Bits per character, for the RFC 4648 encodings and bit strings.
    fn bits(self) -> u32 {
        match self {
            Encoding::Base64 | Encoding::Base64Url => 6,
            Encoding::Base32 | Encoding::Base32Hex => 5,
            Encoding::Base16 => 4,
            _ => 1,
        }
    }

    /// Characters in a group.
    fn group(self) -> usize {
        match self {
            Encoding::Base64 | Encoding::Base64Url => 4,
            Encoding::Base32 | Encoding::Base32Hex => 8,
            Encoding::Base16 => 2,
            Encoding::Base2MostFirst | Encoding::Base2LeastFirst => 8,
            Encoding::Z85 => 5,
        }
    }

    fn padded(self) -> bool {
        matches!(
            self,
            Encoding::Base64 | Encoding::Base64Url | Encoding::Base32 | Encoding::Base32Hex
        )
    }

    /// Whether `byte` may appear in encoded text (`-i` drops the rest).
    pub fn belongs(self, byte: u8) -> bool {
        self.alphabet().contains(&byte) || (self.padded() && byte == b'=')
    }

    pub fn encode(self, data: &[u8]) -> Result<Vec<u8>, Invalid> {
        let mut out = Vec::with_capacity(data.len() * 2);
        match self {
            Encoding::Z85 => {
                if !data.len().is_multiple_of(4) {
                    return Err(Invalid);
                }
                for chunk in data.chunks(4) {
                    let mut value = u32::from_be_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
                    let mut group = [0u8; 5];
                    for slot in group.iter_mut().rev() {
                        *slot = Z85[(value % 85) as usize];
                        value /= 85;
                    }
                    out.extend_from_slice(&group);
                }
            }
            Encoding::Base2MostFirst | Encoding::Base2LeastFirst => {
                for &byte in data {
                    for bit in 0..8 {
                        let shift = if self == Encoding::Base2MostFirst {
                            7 - bit
                        } else {
                            bit
                        };
                        out.push(b'0' + ((byte >> shift) & 1));
                    }
                }
            }
            _ => {
                let bits = self.bits();
                let alphabet = self.alphabet();
                let (mut buffer, mut held) = (0u64, 0u32);
                for &byte in data {
                    buffer = (buffer << 8) | u64::from(byte);
                    held += 8;
                    while held >= bits {
                        held -= bits;
                        out.push(alphabet[((buffer >> held) & ((1 << bits) - 1)) as usize]);
                    }
                }
                if held > 0 {
                    out.push(alphabet[((buffer << (bits - held)) & ((1 << bits) - 1)) as usize]);
                }
                while !out.len().is_multiple_of(self.group()) {
                    out.push(b'=');
                }
            }
        }
        Ok(out)
    }

    /// Decodes `text` (newlines already taken out) into `out`, group by group.
    pub fn decode(self, text: &[u8], out: &mut Vec<u8>) -> Result<(), Invalid> {
        let group = self.group();
        for chunk in text.chunks(group) {
            if chunk.len() < group {
                // GNU's base64 decoder writes what a last short group holds; the others do not.
                if matches!(self, Encoding::Base64 | Encoding::Base64Url) {
                    self.decode_group(chunk, out)?;
                }
                return Err(Invalid);
            }
            self.decode_group(chunk, out)?;
        }
        Ok(())
    }

    fn decode_group(self, chunk: &[u8], out: &mut Vec<u8>) -> Result<(), Invalid> {
        let alphabet = self.alphabet();
        let value = |c: u8| alphabet.iter().position(|&a| a == c).ok_or(Invalid);
        match self {
            Encoding::Z85 => {
                let mut number: u64 = 0;
                for &c in chunk {
                    number = number * 85 + value(c)? as u64;
                }
                let number = u32::try_from(number).map_err(|_| Invalid)?;
                out.extend_from_slice(&number.to_be_bytes());
            }
            Encoding::Base2MostFirst | Encoding::Base2LeastFirst => {
                let mut byte = 0u8;
                for (index, &c) in chunk.iter().enumerate() {
                    let bit = value(c)? as u8;
                    let shift = if self == Encoding::Base2MostFirst {
                        7 - index
                    } else {
                        index
                    };
                    byte |= bit << shift;
                }
                out.push(byte);
            }
            _ => {
                let bits = self.bits();
                let (mut buffer, mut held) = (0u64, 0u32);
                let mut padding = false;
                for &c in chunk {
                    if c == b'=' && self.padded() {
                        padding = true;
                        continue;
                    }
                    if padding {
                        return Err(Invalid);
                    }
                    buffer = (buffer << bits) | value(c)? as u64;
                    held += bits;
                    if held >= 8 {
                        held -= 8;
                        out.push((buffer >> held) as u8);
                    }
                }
            }
        }
        Ok(())
    }
}
