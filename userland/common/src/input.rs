//! Opening the operands of a filter: `-` (or no operand at all) is standard input.

use std::fs::File;
use std::io::{self, Read};

/// The file operands, or `-` when there are none.
pub fn operands_or_stdin(files: Vec<String>) -> Vec<String> {
    if files.is_empty() {
        vec!["-".to_string()]
    } else {
        files
    }
}

/// Standard input, whose failed reads say why (see `explain_stdin_error`).
pub struct StandardInput(io::StdinLock<'static>);

/// Standard input, for a program that reads it without an operand.
pub fn stdin() -> StandardInput {
    StandardInput(io::stdin().lock())
}

impl Read for StandardInput {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        self.0.read(buffer).map_err(explain_stdin_error)
    }
}

/// Calls `f` with each chunk of standard input, to change in place, until end of file.
/// Under WASI each chunk is the vector the kernel filled, read from the stdin stream
/// itself: libc's `read` would copy it once more.
pub fn each_stdin_chunk(mut f: impl FnMut(&mut [u8]) -> io::Result<()>) -> io::Result<()> {
    #[cfg(target_os = "wasi")]
    {
        use wasip2::io::streams::StreamError;
        let stream = wasip2::cli::stdin::get_stdin();
        loop {
            match stream.blocking_read(256 * 1024) {
                Ok(mut chunk) => f(&mut chunk)?,
                Err(StreamError::Closed) => return Ok(()),
                // As libc reports any failed read of a stream.
                Err(StreamError::LastOperationFailed(_)) => {
                    return Err(explain_stdin_error(io::Error::from_raw_os_error(EIO)));
                }
            }
        }
    }
    #[cfg(not(target_os = "wasi"))]
    {
        let mut chunk = Vec::new();
        each_chunk(&mut stdin(), |bytes| {
            chunk.clear();
            chunk.extend_from_slice(bytes);
            f(&mut chunk)
        })
    }
}

/// wasi-libc's EIO.
#[cfg(target_os = "wasi")]
const EIO: i32 = 29;

/// WASI reports every failed read of a stream alike (EIO). Standard input redirected
/// from a directory (`cmd < dir`) fails as it does on Linux, with "Is a directory", told
/// apart by what `/dev/stdin` opens.
pub fn explain_stdin_error(e: io::Error) -> io::Error {
    // What the name opens, not what it is (a device); a directory opened as a file
    // refuses to say more than that it is one.
    let is_directory = || match File::open("/dev/stdin").and_then(|stdin| stdin.metadata()) {
        Ok(meta) => meta.is_dir(),
        Err(e) => e.kind() == io::ErrorKind::IsADirectory,
    };
    if cfg!(target_os = "wasi") && e.kind() != io::ErrorKind::Interrupted && is_directory() {
        return io::ErrorKind::IsADirectory.into();
    }
    e
}

/// Opens an operand for reading; `-` is standard input.
pub fn open(name: &str) -> io::Result<Box<dyn Read>> {
    if name == "-" {
        Ok(Box::new(stdin()))
    } else if name.is_empty() {
        Err(no_empty_name())
    } else {
        let file = File::open(name)?;
        if file.metadata()?.is_dir() {
            return Ok(Box::new(Directory));
        }
        Ok(Box::new(file))
    }
}

/// The whole of a file (`-` is standard input). A regular file is read in one call,
/// without the copy libc's `read` makes.
pub fn read_whole(name: &str) -> io::Result<Vec<u8>> {
    if name == "-" {
        let mut data = Vec::new();
        stdin().read_to_end(&mut data)?;
        return Ok(data);
    }
    #[cfg(target_os = "wasi")]
    if let Some(stream) = crate::wasi_fs::FileStream::open(std::path::Path::new(name)) {
        return stream.read_to_end();
    }
    std::fs::read(name)
}

/// An empty name names no file, as on Linux (wasi-libc would take it for the working
/// directory).
fn no_empty_name() -> io::Error {
    io::Error::from(io::ErrorKind::NotFound)
}

/// A source to be read to its end chunk by chunk (see `each_chunk`).
pub enum Chunks {
    #[cfg(target_os = "wasi")]
    Stream(crate::wasi_fs::FileStream),
    Reader(Box<dyn Read>),
}

impl Chunks {
    /// `open`, but a regular file is read through its WASI stream, whose chunks reach `f`
    /// without the copy libc's `read` makes.
    pub fn open(name: &str) -> io::Result<Chunks> {
        #[cfg(target_os = "wasi")]
        if name != "-"
            && !name.is_empty()
            && let Some(stream) = crate::wasi_fs::FileStream::open(std::path::Path::new(name))
        {
            return Ok(Chunks::Stream(stream));
        }
        open(name).map(Chunks::Reader)
    }

    /// Calls `f` with each chunk, until end of file.
    pub fn each_chunk(&mut self, f: impl FnMut(&[u8]) -> io::Result<()>) -> io::Result<()> {
        match self {
            #[cfg(target_os = "wasi")]
            Chunks::Stream(stream) => stream.each_chunk(f),
            Chunks::Reader(reader) => each_chunk(reader, f),
        }
    }
}

/// A directory opened as a file: as on Linux, the open succeeds and the first read fails,
/// so each program reports it as GNU's does (`read error on dir`, `error reading 'dir'`).
struct Directory;

impl Read for Directory {
    fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
        Err(io::ErrorKind::IsADirectory.into())
    }
}

/// Calls `f` with each chunk as `read` returns it, until end of file.
pub fn each_chunk(
    reader: &mut dyn Read,
    mut f: impl FnMut(&[u8]) -> io::Result<()>,
) -> io::Result<()> {
    let mut buffer = vec![0; 256 * 1024];
    loop {
        match reader.read(&mut buffer) {
            Ok(0) => return Ok(()),
            Ok(n) => f(&buffer[..n])?,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Runs `body` on each operand (or standard input) in turn. An operand that cannot be
/// opened is reported with `describe(name, reason)` and makes the status 1; the others
/// are still read.
pub fn for_each(
    program: &crate::Program,
    files: Vec<String>,
    describe: fn(&str, &str) -> String,
    mut body: impl FnMut(&str, Box<dyn Read>) -> Result<(), crate::Failure>,
) -> Result<u8, crate::Failure> {
    let mut status = 0;
    for name in operands_or_stdin(files) {
        match open(&name) {
            // A read that fails (a directory, say) is reported with the name, and the
            // other operands are still read, as GNU's filters do.
            Ok(reader) => match body(&name, reader) {
                Err(crate::Failure::Fatal(reason)) => {
                    program.warn(format!("{}: {reason}", crate::quote::quotef(&name)));
                    status = 1;
                }
                other => other?,
            },
            Err(e) => {
                program.warn(describe(&name, &crate::describe_io_error(&e)));
                status = 1;
            }
        }
    }
    Ok(status)
}

/// How `head` and `tail` go through their operands: `==> NAME <==` before each when
/// `headers`, a blank line between, and read errors reported per file.
pub fn for_each_with_headers(
    program: &crate::Program,
    files: &[String],
    headers: bool,
    out: &mut crate::Output,
    mut body: impl FnMut(&str, &mut dyn Read, &mut crate::Output) -> io::Result<()>,
) -> Result<u8, crate::Failure> {
    use std::io::Write;
    let mut status = 0;
    let mut shown_before = false;
    for name in files {
        let mut reader = match open(name) {
            Ok(reader) => reader,
            Err(e) => {
                let reason = crate::describe_io_error(&e);
                program.warn(format!("cannot open '{name}' for reading: {reason}"));
                status = 1;
                continue;
            }
        };
        if headers {
            let shown = if name == "-" { "standard input" } else { name };
            let gap = if shown_before { "\n" } else { "" };
            writeln!(out, "{gap}==> {shown} <==")?;
            shown_before = true;
        }
        if let Err(e) = body(name, &mut reader, out) {
            match crate::Failure::in_copy(e, out, crate::Failure::from) {
                crate::Failure::Fatal(reason) => {
                    let shown = if name == "-" { "standard input" } else { name };
                    program.warn(format!("error reading '{shown}': {reason}"));
                    status = 1;
                }
                other => return Err(other),
            }
        }
    }
    Ok(status)
}

/// `--files0-from=F` (wc, du): the names in F (`-`: standard input), each ended by a NUL; a name
/// refused (an empty one, or `-` among names read from standard input) is the message
/// that says so, given where it stands.
pub fn names_from(list: &str) -> Result<Vec<Result<String, String>>, crate::Failure> {
    let mut text = Vec::new();
    open(list)
        .and_then(|mut reader| std::io::Read::read_to_end(&mut reader, &mut text))
        .map_err(|e| {
            crate::Failure::Fatal(format!(
                "cannot open {} for reading: {}",
                crate::quote::quoteaf(list),
                crate::describe_io_error(&e)
            ))
        })?;
    let mut pieces: Vec<&[u8]> = text.split(|&b| b == 0).collect();
    if text.is_empty() || text.ends_with(&[0]) {
        pieces.pop();
    }
    let names = pieces.into_iter().enumerate().map(|(number, piece)| {
        if piece.is_empty() {
            let shown = crate::quote::quotef(list);
            Err(format!(
                "{shown}:{}: invalid zero-length file name",
                number + 1
            ))
        } else if list == "-" && piece == b"-" {
            Err("when reading file names from stdin, no file name of '-' allowed".into())
        } else {
            Ok(crate::names::from_bytes(piece).into_owned())
        }
    });
    Ok(names.collect())
}

/// `--files0-from` leaves no room for file operands, as GNU's programs say.
pub fn no_operands_with_a_list(files: &[String]) -> Result<(), crate::Failure> {
    match files.first() {
        Some(extra) => Err(crate::Failure::Usage(format!(
            "extra operand {}\nfile operands cannot be combined with --files0-from",
            crate::quote::quote_bytes(extra.as_bytes())
        ))),
        None => Ok(()),
    }
}
