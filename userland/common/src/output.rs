//! Buffered standard output. Rust's own stdout flushes at every newline, which makes a
//! program like `seq` pay one host call per line.

use std::io::{self, BufWriter, IsTerminal, Stdout, Write};

const BUFFER_SIZE: usize = 64 * 1024;

pub struct Output {
    inner: BufWriter<Stdout>,
}

impl Output {
    pub(crate) fn stdout() -> Output {
        Output {
            inner: BufWriter::with_capacity(BUFFER_SIZE, io::stdout()),
        }
    }

    pub fn is_terminal(&self) -> bool {
        self.inner.get_ref().is_terminal()
    }

    /// Flushes what is left. Err carries the exit status when that fails.
    pub(crate) fn finish(&mut self, name: &str) -> Result<(), u8> {
        match self.inner.flush() {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Err(crate::BROKEN_PIPE_STATUS),
            Err(e) => {
                eprintln!("{name}: write error: {}", crate::describe_io_error(&e));
                Err(1)
            }
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.inner.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}
