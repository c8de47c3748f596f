//! The `ar` archive format as GNU binutils reads and writes it: `!<arch>\n`, then for each
//! member a 60-byte header (name, time, owner, group, octal mode, size, "`\n") and its
//! data padded to an even length. Names of 16 bytes or more live in the `//` member and
//! are named `/OFFSET`; BSD's `#1/LENGTH` names (the name first in the data) are read too.

pub const MAGIC: &[u8] = b"!<arch>\n";
const HEADER: usize = 60;

pub struct Member {
    pub name: String,
    pub mtime: u64,
    pub uid: u32,
    pub gid: u32,
    pub mode: u32,
    pub data: Vec<u8>,
    /// Where its data began in the archive it was read from (`ar tO`).
    pub offset: usize,
}

pub enum ReadError {
    /// Not an archive at all: "file format not recognized".
    NotArchive,
    /// An archive cut short or with a header that makes no sense.
    Malformed,
}

fn field(header: &[u8], start: usize, len: usize) -> &str {
    std::str::from_utf8(&header[start..start + len])
        .unwrap_or("")
        .trim_end()
}

fn number(header: &[u8], start: usize, len: usize, radix: u32) -> Result<u64, ReadError> {
    let text = field(header, start, len);
    if text.is_empty() {
        return Ok(0);
    }
    u64::from_str_radix(text, radix).map_err(|_| ReadError::Malformed)
}

/// The members of an archive, without its symbol table and long-name table.
pub fn read(bytes: &[u8]) -> Result<Vec<Member>, ReadError> {
    let Some(mut rest) = bytes.strip_prefix(MAGIC) else {
        return Err(ReadError::NotArchive);
    };
    let mut position = MAGIC.len();
    let mut long_names: &[u8] = &[];
    let mut members = Vec::new();
    while !rest.is_empty() {
        if rest.len() < HEADER || &rest[58..60] != b"`\n" {
            return Err(match position == MAGIC.len() {
                true => ReadError::NotArchive,
                false => ReadError::Malformed,
            });
        }
        let header = &rest[..HEADER];
        let size = number(header, 48, 10, 10)? as usize;
        let data_start = HEADER;
        let data_end = data_start
            .checked_add(size)
            .filter(|end| *end <= rest.len())
            .ok_or(ReadError::Malformed)?;
        let mut data = &rest[data_start..data_end];
        let raw_name = field(header, 0, 16);
        let mut offset = position + HEADER;
        let name = if raw_name == "//" {
            long_names = data;
            None
        } else if raw_name == "/" || raw_name == "/SYM64/" || raw_name == "__.SYMDEF" {
            None
        } else if let Some(index) = raw_name.strip_prefix('/') {
            let index: usize = index.parse().map_err(|_| ReadError::Malformed)?;
            let table = long_names.get(index..).ok_or(ReadError::Malformed)?;
            let end = table
                .windows(2)
                .position(|pair| pair == b"/\n")
                .or_else(|| table.iter().position(|b| *b == b'\n'))
                .unwrap_or(table.len());
            Some(String::from_utf8_lossy(&table[..end]).into_owned())
        } else if let Some(length) = raw_name.strip_prefix("#1/") {
            let length: usize = length.parse().map_err(|_| ReadError::Malformed)?;
            let name = data.get(..length).ok_or(ReadError::Malformed)?;
            let name = name.split(|b| *b == 0).next().unwrap_or_default();
            let name = String::from_utf8_lossy(name).into_owned();
            data = &data[length..];
            offset += length;
            Some(name)
        } else {
            // GNU's names end at their first `/`, as binutils reads them.
            Some(raw_name.split('/').next().unwrap_or(raw_name).to_string())
        };
        if let Some(name) = name {
            members.push(Member {
                name,
                mtime: number(header, 16, 12, 10)?,
                uid: number(header, 28, 6, 10)? as u32,
                gid: number(header, 34, 6, 10)? as u32,
                mode: number(header, 40, 8, 8)? as u32,
                data: data.to_vec(),
                offset,
            });
        }
        let next = (data_end + data_end % 2).min(rest.len());
        position += next;
        rest = &rest[next..];
    }
    Ok(members)
}

fn header(name: &str, mtime: u64, uid: u32, gid: u32, mode: u32, size: usize) -> Vec<u8> {
    let text = format!("{name:<16}{mtime:<12}{uid:<6}{gid:<6}{mode:<8o}{size:<10}`\n");
    text.into_bytes()
}

/// The archive holding `members`, in GNU's layout.
pub fn write(members: &[Member]) -> Vec<u8> {
    let mut long_names = Vec::new();
    let mut names = Vec::with_capacity(members.len());
    for member in members {
        if member.name.len() >= 16 {
            names.push(format!("/{}", long_names.len()));
            long_names.extend_from_slice(member.name.as_bytes());
            long_names.extend_from_slice(b"/\n");
        } else {
            names.push(format!("{}/", member.name));
        }
    }
    let mut bytes = MAGIC.to_vec();
    if !long_names.is_empty() {
        if long_names.len() % 2 == 1 {
            long_names.push(b'\n');
        }
        bytes.extend(format!("{:<48}{:<10}`\n", "//", long_names.len()).into_bytes());
        bytes.extend_from_slice(&long_names);
    }
    for (member, name) in members.iter().zip(&names) {
        let size = member.data.len();
        bytes.extend(header(
            name,
            member.mtime,
            member.uid,
            member.gid,
            member.mode,
            size,
        ));
        bytes.extend_from_slice(&member.data);
        if size % 2 == 1 {
            bytes.push(b'\n');
        }
    }
    bytes
}
