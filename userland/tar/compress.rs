//! The filters an archive goes through: gzip (flate2) and bzip2 (wasmix's own, shared
//! with the `bzip2` program). Reading a file, a gzip or bzip2 archive is recognized by its
//! first bytes when no option names one, as GNU's tar recognizes it; from a pipe, which it
//! cannot read again from the start, GNU's asks for the option, and so does this.

use std::io::{self, BufRead, BufReader, Cursor, Read, Write};

#[derive(Clone, Copy, PartialEq)]
pub enum Compression {
    None,
    Gzip,
    Bzip2,
}

/// What to read the archive's records from; `piped` when it comes from standard input.
pub fn reader(source: Box<dyn Read>, asked: Compression, piped: bool) -> io::Result<Box<dyn Read>> {
    let mut reader = BufReader::new(source);
    let compression = match asked {
        Compression::None => {
            let start = reader.fill_buf()?;
            if start.starts_with(&[0x1f, 0x8b]) {
                Compression::Gzip
            } else if wasmix_bzip2::looks_compressed(start) {
                Compression::Bzip2
            } else {
                Compression::None
            }
        }
        asked => asked,
    };
    if piped && asked == Compression::None && compression != Compression::None {
        let option = if compression == Compression::Gzip {
            'z'
        } else {
            'j'
        };
        return Err(io::Error::other(format!(
            "Archive is compressed. Use -{option} option"
        )));
    }
    Ok(match compression {
        Compression::None => Box::new(reader),
        Compression::Gzip => Box::new(flate2::read::MultiGzDecoder::new(reader)),
        Compression::Bzip2 => {
            // bzip2's blocks are decoded whole: the archive is read, then decompressed.
            let mut data = Vec::new();
            reader.read_to_end(&mut data)?;
            let done = wasmix_bzip2::decompress(&data);
            if let Err(error) = done.outcome {
                let why = match error {
                    wasmix_bzip2::Error::NotBzip2 => "not a bzip2 file",
                    wasmix_bzip2::Error::Truncated => "compressed file ends unexpectedly",
                    wasmix_bzip2::Error::Corrupt => "data integrity (CRC) error in data",
                };
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("bzip2: {why}"),
                ));
            }
            Box::new(Cursor::new(done.data))
        }
    })
}

/// Where the archive's records go, through its filter; `finish` ends the filter's
/// stream (gzip's trailer, bzip2's blocks) and flushes.
pub enum Sink {
    Plain(Box<dyn Write>),
    Gzip(flate2::write::GzEncoder<Box<dyn Write>>),
    /// The records, kept until `finish` compresses them.
    Bzip2(Box<dyn Write>, Vec<u8>),
}

impl Sink {
    pub fn new(out: Box<dyn Write>, compression: Compression) -> Sink {
        match compression {
            Compression::None => Sink::Plain(out),
            Compression::Gzip => Sink::Gzip(flate2::write::GzEncoder::new(
                out,
                flate2::Compression::default(),
            )),
            Compression::Bzip2 => Sink::Bzip2(out, Vec::new()),
        }
    }

    pub fn finish(self) -> io::Result<()> {
        let mut out = match self {
            Sink::Plain(out) => out,
            Sink::Gzip(encoder) => encoder.finish()?,
            Sink::Bzip2(mut out, records) => {
                out.write_all(&wasmix_bzip2::compress(&records, 9))?;
                out
            }
        };
        out.flush()
    }
}

impl Write for Sink {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Plain(out) => out.write(bytes),
            Sink::Gzip(encoder) => encoder.write(bytes),
            Sink::Bzip2(_, records) => {
                records.extend_from_slice(bytes);
                Ok(bytes.len())
            }
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Plain(out) => out.flush(),
            Sink::Gzip(encoder) => encoder.flush(),
            Sink::Bzip2(..) => Ok(()),
        }
    }
}
