//! The binary formats `file` knows by their first bytes, described in file(1)'s words.

use crate::text;

pub fn binary_format(bytes: &[u8]) -> Option<String> {
    let le16 = |at: usize| {
        bytes
            .get(at..at + 2)
            .map(|b| u16::from_le_bytes([b[0], b[1]]))
    };
    let be16 = |at: usize| {
        bytes
            .get(at..at + 2)
            .map(|b| u16::from_be_bytes([b[0], b[1]]))
    };
    let be32 = |at: usize| {
        bytes
            .get(at..at + 4)
            .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    };
    if let Some(version) = bytes.strip_prefix(b"\0asm").and_then(|v| v.get(..4)) {
        let version = u32::from_le_bytes(version.try_into().ok()?);
        let name = if version == 1 {
            "0x1 (MVP)".to_string()
        } else {
            format!("{version:#x}")
        };
        return Some(format!("WebAssembly (wasm) binary module version {name}"));
    }
    if let Some(rest) = bytes.strip_prefix(b"%PDF-") {
        let version: String = rest
            .iter()
            .take_while(|b| b.is_ascii_digit() || **b == b'.')
            .map(|&b| b as char)
            .collect();
        return Some(format!("PDF document, version {version}"));
    }
    if bytes.len() >= 18 && bytes.starts_with(&[0x1f, 0x8b, 8]) {
        return Some(gzip(bytes));
    }
    if let [b'B', b'Z', b'h', size @ b'1'..=b'9', ..] = bytes {
        let size = char::from(*size);
        return Some(format!("bzip2 compressed data, block size = {size}00k"));
    }
    if bytes.starts_with(b"7z\xbc\xaf\x27\x1c") && bytes.len() >= 8 {
        return Some(format!(
            "7-zip archive data, version {}.{}",
            bytes[6], bytes[7]
        ));
    }
    if bytes.starts_with(b"\xfd7zXZ\0") {
        return Some("XZ compressed data".into());
    }
    if bytes.starts_with(b"PK\x03\x04") {
        let needed = le16(4)?;
        let method = match le16(8)? {
            0 => "store".to_string(),
            8 => "deflate".to_string(),
            other => other.to_string(),
        };
        return Some(format!(
            "Zip archive data, at least v{}.{} to extract, compression method={method}",
            needed / 10,
            needed % 10
        ));
    }
    if bytes.starts_with(b"!<arch>\n") {
        return Some("current ar archive".into());
    }
    for (magic, kind) in [
        (&b"070701"[..], "ASCII cpio archive (SVR4 with no CRC)"),
        (b"070702", "ASCII cpio archive (SVR4 with CRC)"),
        (b"070707", "ASCII cpio archive (pre-SVR4 or odc)"),
    ] {
        if bytes.starts_with(magic) {
            return Some(kind.into());
        }
    }
    if let Some(version) = bytes.strip_prefix(b"GIF8").and_then(|v| v.get(..2)) {
        let version = String::from_utf8_lossy(version);
        return Some(format!(
            "GIF image data, version 8{version}, {} x {}",
            le16(6)?,
            le16(8)?
        ));
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") && bytes.get(12..16) == Some(b"IHDR") {
        return Some(png(bytes, be32(16)?, be32(20)?));
    }
    if let Some(version) = bytes.strip_prefix(b"dex\n").and_then(|v| v.get(..3)) {
        let version = String::from_utf8_lossy(version);
        return Some(format!("Dalvik dex file version {version}"));
    }
    if bytes.starts_with(&[0xca, 0xfe, 0xba, 0xbe]) {
        return java_or_universal(be16, be32);
    }
    if bytes.starts_with(b"\x7fELF") {
        return Some(elf(bytes));
    }
    match bytes.get(257..265) {
        Some(b"ustar  \0") => return Some("POSIX tar archive (GNU)".into()),
        Some(b"ustar\x0000") => return Some("POSIX tar archive".into()),
        _ => {}
    }
    None
}

/// 0xCAFEBABE starts both: a small count after it is a Mach-O universal binary's number
/// of architectures, a large one a Java class's version.
fn java_or_universal(
    be16: impl Fn(usize) -> Option<u16>,
    be32: impl Fn(usize) -> Option<u32>,
) -> Option<String> {
    let count = be32(4)?;
    if count < 20 {
        let architectures: Vec<String> = (0..count as usize)
            .map(|i| {
                let name = match be32(8 + 20 * i) {
                    Some(7) => "i386",
                    Some(0x0100_0007) => "x86_64",
                    Some(12) => "arm",
                    Some(0x0100_000c) => "arm64",
                    Some(18) => "ppc",
                    Some(0x0100_0012) => "ppc64",
                    _ => "unknown",
                };
                format!("[{name}]")
            })
            .collect();
        return Some(format!(
            "Mach-O universal binary with {count} architectures: {}",
            architectures.join(" ")
        ));
    }
    let (minor, major) = (be16(4)?, be16(6)?);
    let release = match major {
        45..=52 => format!(" (Java 1.{})", major - 44),
        53.. => format!(" (Java SE {})", major - 44),
        _ => String::new(),
    };
    Some(format!(
        "compiled Java class data, version {major}.{minor}{release}"
    ))
}

/// An ELF file's class, byte order, type, machine and version, as file(1) begins it.
fn elf(bytes: &[u8]) -> String {
    let class = match bytes.get(4) {
        Some(1) => "32-bit",
        Some(2) => "64-bit",
        other => {
            return format!(
                "ELF invalid class, unknown class {}",
                other.copied().unwrap_or(0)
            );
        }
    };
    let little = match bytes.get(5) {
        Some(1) => true,
        Some(2) => false,
        _ => return format!("ELF {class} invalid byte order"),
    };
    let half = |at: usize| {
        bytes.get(at..at + 2).map_or(0, |b| {
            if little {
                u16::from_le_bytes([b[0], b[1]])
            } else {
                u16::from_be_bytes([b[0], b[1]])
            }
        })
    };
    let order = if little { "LSB" } else { "MSB" };
    let kind = match half(16) {
        1 => "relocatable",
        2 => "executable",
        3 => "shared object",
        4 => "core file",
        _ => "unknown type",
    };
    let machine = match half(18) {
        3 => "Intel 80386",
        8 => "MIPS",
        20 => "PowerPC",
        21 => "64-bit PowerPC",
        40 => "ARM",
        62 => "x86-64",
        183 => "ARM aarch64",
        243 => "UCB RISC-V",
        other => return format!("ELF {class} {order} {kind}, unknown machine {other}"),
    };
    format!("ELF {class} {order} {kind}, {machine}, version 1 (SYSV)")
}

fn png(bytes: &[u8], width: u32, height: u32) -> String {
    let depth = bytes.get(24).copied().unwrap_or(0);
    let color = match bytes.get(25) {
        Some(0) => "grayscale",
        Some(2) => "RGB",
        Some(3) => "colormap",
        Some(4) => "gray+alpha",
        Some(6) => "RGBA",
        _ => "unknown",
    };
    let laced = if bytes.get(28) == Some(&1) {
        "interlaced"
    } else {
        "non-interlaced"
    };
    format!("PNG image data, {width} x {height}, {depth}-bit/color {color}, {laced}")
}

/// gzip's header: the stored name, the time, the system; and the length from the trailer.
fn gzip(bytes: &[u8]) -> String {
    let flags = bytes[3];
    let mut text = String::from("gzip compressed data");
    if flags & 0x08 != 0 {
        let start = if flags & 0x04 != 0 {
            let extra = u16::from_le_bytes([bytes[10], bytes[11]]);
            12 + usize::from(extra)
        } else {
            10
        };
        if let Some(name) = bytes.get(start..) {
            let end = name.iter().position(|&b| b == 0).unwrap_or(name.len());
            text.push_str(&format!(
                ", was \"{}\"",
                String::from_utf8_lossy(&name[..end])
            ));
        }
    }
    let time = u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]);
    if time != 0 {
        text.push_str(&format!(
            ", last modified: {}",
            text::ctime(i64::from(time))
        ));
    }
    match bytes[8] {
        2 => text.push_str(", max compression"),
        4 => text.push_str(", max speed"),
        _ => {}
    }
    if bytes[9] == 3 {
        text.push_str(", from Unix");
    }
    let tail = &bytes[bytes.len() - 4..];
    let size = u32::from_le_bytes([tail[0], tail[1], tail[2], tail[3]]);
    text.push_str(&format!(", original size modulo 2^32 {size}"));
    text
}
