//! Writing blocks of input through the formats, as util-linux's hexdump does: each
//! format runs over the whole block; a unit repeated more than once drops the last
//! blank of its text after its last round; conversions past the end of the input print
//! as many spaces as they would have taken; `%_A` units wait for the end.

use crate::format::{Conversion, Format, Piece, Spec};
use wasmix_printf_format::{Dialect, format};

const NAMES: [&str; 32] = [
    "nul", "soh", "stx", "etx", "eot", "enq", "ack", "bel", "bs", "ht", "lf", "vt", "ff", "cr",
    "so", "si", "dle", "dc1", "dc2", "dc3", "dc4", "nak", "syn", "etb", "can", "em", "sub", "esc",
    "fs", "gs", "rs", "us",
];

/// Text laid out in the conversion's width and precision, as printf's `%s`.
fn laid_out(spec: &Spec, text: &[u8]) -> Vec<u8> {
    let text = match spec.precision {
        Some(precision) if precision < text.len() => &text[..precision],
        _ => text,
    };
    let width = spec.width.unwrap_or(0).saturating_sub(text.len());
    let mut out = Vec::with_capacity(text.len() + width);
    if spec.flags.contains('-') {
        out.extend_from_slice(text);
        out.resize(out.len() + width, b' ');
    } else {
        out.resize(width, b' ');
        out.extend_from_slice(text);
    }
    out
}

/// An integer as printf writes it with these flags, width and precision.
fn integer(spec: &Spec, negative: bool, magnitude: u64, letter: char) -> Vec<u8> {
    let mut digits = match letter {
        'o' => format!("{magnitude:o}"),
        'x' => format!("{magnitude:x}"),
        'X' => format!("{magnitude:X}"),
        _ => magnitude.to_string(),
    };
    if let Some(precision) = spec.precision {
        if precision == 0 && magnitude == 0 {
            digits.clear();
        }
        if digits.len() < precision {
            digits.insert_str(0, &"0".repeat(precision - digits.len()));
        }
    }
    let mut prefix = String::new();
    if matches!(letter, 'd' | 'i') {
        if negative {
            prefix.push('-');
        } else if spec.flags.contains('+') {
            prefix.push('+');
        } else if spec.flags.contains(' ') {
            prefix.push(' ');
        }
    }
    if spec.flags.contains('#') {
        match letter {
            'o' if !digits.starts_with('0') => digits.insert(0, '0'),
            'x' if magnitude != 0 => prefix.push_str("0x"),
            'X' if magnitude != 0 => prefix.push_str("0X"),
            _ => {}
        }
    }
    let width = spec.width.unwrap_or(0);
    let length = prefix.len() + digits.len();
    let zero_fill =
        spec.flags.contains('0') && !spec.flags.contains('-') && spec.precision.is_none();
    if zero_fill && length < width {
        prefix.push_str(&"0".repeat(width - length));
    }
    let text = format!("{prefix}{digits}");
    laid_out(
        &Spec {
            precision: None,
            ..spec.clone()
        },
        text.as_bytes(),
    )
}

fn unsigned_value(bytes: &[u8]) -> u64 {
    let mut buffer = [0u8; 8];
    buffer[..bytes.len()].copy_from_slice(bytes);
    u64::from_le_bytes(buffer)
}

fn signed_value(bytes: &[u8]) -> i64 {
    let value = unsigned_value(bytes);
    let shift = 64 - 8 * bytes.len() as u32;
    ((value << shift) as i64) >> shift
}

fn spec_text(spec: &Spec, letter: char) -> String {
    let mut text = format!("%{}", spec.flags);
    if let Some(width) = spec.width {
        text.push_str(&width.to_string());
    }
    if let Some(precision) = spec.precision {
        text.push_str(&format!(".{precision}"));
    }
    text.push(letter);
    text
}

/// What one conversion writes for `bytes` (already zero-padded to its size).
fn converted(spec: &Spec, conversion: Conversion, bytes: &[u8], address: u64) -> Vec<u8> {
    let byte = bytes.first().copied().unwrap_or(0);
    match conversion {
        Conversion::Signed => {
            let value = signed_value(bytes);
            integer(spec, value < 0, value.unsigned_abs(), 'd')
        }
        Conversion::Unsigned(letter) => integer(spec, false, unsigned_value(bytes), letter),
        Conversion::Address(letter) | Conversion::EndAddress(letter) => {
            integer(spec, false, address, letter)
        }
        Conversion::Float(letter) => {
            let value = if bytes.len() == 4 {
                f64::from(f32::from_le_bytes(bytes.try_into().unwrap_or_default()))
            } else {
                f64::from_le_bytes(bytes.try_into().unwrap_or_default())
            };
            let formatted = format(
                &spec_text(spec, letter),
                &[format!("{value:e}")],
                Dialect::Gnu,
                None,
                false,
            );
            formatted.bytes
        }
        Conversion::Char => laid_out(spec, &[byte]),
        Conversion::Text => {
            let end = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
            laid_out(spec, &bytes[..end])
        }
        Conversion::Printable => {
            let shown = if (0x20..0x7f).contains(&byte) {
                byte
            } else {
                b'.'
            };
            laid_out(spec, &[shown])
        }
        Conversion::Escaped => {
            let text: Vec<u8> = match byte {
                0 => b"\\0".to_vec(),
                0x07 => b"\\a".to_vec(),
                0x08 => b"\\b".to_vec(),
                0x0c => b"\\f".to_vec(),
                b'\n' => b"\\n".to_vec(),
                b'\r' => b"\\r".to_vec(),
                b'\t' => b"\\t".to_vec(),
                0x0b => b"\\v".to_vec(),
                0x20..0x7f => vec![byte],
                _ => format!("{byte:03o}").into_bytes(),
            };
            laid_out(spec, &text)
        }
        Conversion::Named => match byte {
            0..0x20 => laid_out(spec, NAMES[byte as usize].as_bytes()),
            0x7f => laid_out(spec, b"del"),
            0x20..0x7f => laid_out(spec, &[byte]),
            _ => integer(spec, false, u64::from(byte), 'x'),
        },
    }
}

/// The spaces a conversion past the end of the input takes: `%s` of nothing in its width.
fn blank(spec: &Spec) -> Vec<u8> {
    laid_out(spec, b"")
}

/// Writes one block at `address`: `data` zero-padded to the block size, of which
/// `valid` bytes are input.
pub fn block(formats: &[Format], data: &[u8], valid: usize, address: u64, out: &mut Vec<u8>) {
    for format in formats {
        let mut position = 0;
        for unit in format {
            if unit.at_end() {
                break;
            }
            for round in 0..unit.iterations {
                let last_round = unit.iterations > 1 && round + 1 == unit.iterations;
                for (index, piece) in unit.pieces.iter().enumerate() {
                    let last_piece = index + 1 == unit.pieces.len();
                    write_piece(
                        piece,
                        data,
                        valid,
                        position,
                        address,
                        last_round && last_piece,
                        out,
                    );
                    position += piece.bytes;
                }
            }
        }
    }
}

fn write_piece(
    piece: &Piece,
    data: &[u8],
    valid: usize,
    position: usize,
    address: u64,
    drop_last_blank: bool,
    out: &mut Vec<u8>,
) {
    let mut text = piece.text.clone();
    match &piece.conversion {
        None => {}
        Some((spec, conversion)) => {
            let at = address + position as u64;
            if position >= valid {
                text.extend(blank(spec));
            } else {
                let end = (position + piece.bytes).min(data.len());
                let bytes = data.get(position..end).unwrap_or(&[]);
                text.extend(converted(spec, *conversion, bytes, at));
            }
        }
    }
    // util-linux drops one trailing blank of the unit's last piece, after its last round.
    if drop_last_blank
        && piece.conversion.is_none()
        && text.last().is_some_and(u8::is_ascii_whitespace)
    {
        text.pop();
    }
    out.extend(text);
}

/// The last unit that shows `%_A` (util-linux keeps one), with the offset after all input.
pub fn end(formats: &[Format], address: u64, out: &mut Vec<u8>) {
    if let Some(unit) = formats.iter().flatten().rfind(|unit| unit.at_end()) {
        for piece in &unit.pieces {
            out.extend_from_slice(&piece.text);
            if let Some((spec, conversion)) = &piece.conversion {
                out.extend(converted(spec, *conversion, &[], address));
            }
        }
    }
}
