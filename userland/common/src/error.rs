//! Failures and how they are told: `prog: what: reason`, in the words of GNU's strerror.

use crate::{BROKEN_PIPE_STATUS, Program};
use std::fmt::Display;
use std::io;

#[derive(Debug)]
pub enum Failure {
    /// A bad command line: reported with a pointer to `--help`.
    Usage(String),
    /// Anything else worth one line on stderr; exit status 1.
    Fatal(String),
    /// Already reported (or nothing to say): exit with this status.
    Status(u8),
    /// Our reader went away: exit quietly, as a SIGPIPE'd program would.
    BrokenPipe,
}

impl Failure {
    pub(crate) fn report(self, program: &Program) -> u8 {
        match self {
            Failure::Usage(message) => {
                program.warn(message);
                let hint = format!("Try '{} --help' for more information.", program.name());
                if program.names_help_hint {
                    program.warn(hint);
                } else {
                    crate::to_stderr(format_args!("{hint}"));
                }
                program.usage_status
            }
            Failure::Fatal(message) => {
                program.warn(message);
                program.failure_status
            }
            Failure::Status(status) => status,
            Failure::BrokenPipe => BROKEN_PIPE_STATUS,
        }
    }
}

impl Failure {
    /// An error met copying input to `out`: the output's own (reported when the output is
    /// finished; a reader that went away ends the program as SIGPIPE would), or else what
    /// `reading` makes of it.
    pub fn in_copy(
        e: io::Error,
        out: &crate::Output,
        reading: impl FnOnce(io::Error) -> Failure,
    ) -> Failure {
        match (out.write_failed(), e.kind()) {
            (true, io::ErrorKind::BrokenPipe) => Failure::BrokenPipe,
            (true, _) => Failure::Status(1),
            (false, _) => reading(e),
        }
    }
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Failure {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Failure::BrokenPipe
        } else {
            Failure::Fatal(describe_io_error(&e))
        }
    }
}

/// Attaches what was being worked on (usually a file name) to an I/O error.
pub trait IoContext<T> {
    fn context(self, what: impl Display) -> Result<T, Failure>;
}

impl<T> IoContext<T> for io::Result<T> {
    fn context(self, what: impl Display) -> Result<T, Failure> {
        self.map_err(|e| match e.kind() {
            io::ErrorKind::BrokenPipe => Failure::BrokenPipe,
            _ => Failure::Fatal(format!("{what}: {}", describe_io_error(&e))),
        })
    }
}

/// The reason as GNU tools word it, without Rust's `(os error N)` suffix.
pub fn describe_io_error(e: &io::Error) -> String {
    use io::ErrorKind::*;
    // EPERM and EACCES share a kind; the message tells them apart.
    let full = e.to_string();
    if full.starts_with("Operation not permitted") {
        return "Operation not permitted".into();
    }
    let text = match e.kind() {
        NotFound => "No such file or directory",
        PermissionDenied => "Permission denied",
        AlreadyExists => "File exists",
        IsADirectory => "Is a directory",
        NotADirectory => "Not a directory",
        DirectoryNotEmpty => "Directory not empty",
        ReadOnlyFilesystem => "Read-only file system",
        InvalidFilename => "File name too long",
        BrokenPipe => "Broken pipe",
        StorageFull => "No space left on device",
        CrossesDevices => "Invalid cross-device link",
        Unsupported => "Operation not supported",
        _ => {
            let reason = full.find(" (os error").map_or(&*full, |cut| &full[..cut]);
            return glibc_wording(reason).unwrap_or(reason).to_string();
        }
    };
    text.to_string()
}

/// GNU's words (glibc's strerror) where WASI's libc words a reason otherwise.
fn glibc_wording(reason: &str) -> Option<&'static str> {
    Some(match reason {
        "Symbolic link loop" => "Too many levels of symbolic links",
        "I/O error" => "Input/output error",
        "Resource busy" => "Device or resource busy",
        "Filename too long" => "File name too long",
        "Cross-device link" => "Invalid cross-device link",
        "Out of memory" => "Cannot allocate memory",
        "Not supported" => "Operation not supported",
        "No error information" => "Success",
        _ => return None,
    })
}

/// `NAME: reason`, the name quoted as GNU's programs quote it there (`quotef`).
pub fn file_error(name: &str, e: &io::Error) -> String {
    format!("{}: {}", crate::quote::quotef(name), describe_io_error(e))
}

/// A read that failed after the file opened, in the words of GNU's programs that read
/// with stdio (base64, shuf, join): `read error: Is a directory`, without the name.
pub fn read_error(e: &io::Error) -> String {
    format!("read error: {}", describe_io_error(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_errors_read_like_strerror() {
        let e = io::Error::from(io::ErrorKind::NotFound);
        assert_eq!(describe_io_error(&e), "No such file or directory");
        let e = io::Error::other("disk on fire");
        assert_eq!(describe_io_error(&e), "disk on fire");
    }

    #[test]
    fn broken_pipe_is_quiet() {
        let r: io::Result<()> = Err(io::ErrorKind::BrokenPipe.into());
        assert!(matches!(r.context("x"), Err(Failure::BrokenPipe)));
    }
}
