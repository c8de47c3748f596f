//! How kernel and WASI 0.2 failures reach a preview 1 program: as an errno, or as a trap
//! where the program broke the rules (a pointer outside its memory), as under wasmtime.

use super::bindings::types::{Errno, Error};
use crate::fs::FsError;
use crate::fs::sizelimit::FileSizeLimitExceeded;
use crate::wasi_fs::bindings::types::ErrorCode;
use crate::wasi_fs::{FsFailure, error_code};
use wasmtime_wasi::p2::StreamError;
use wiggle::GuestError;

pub fn errno(code: ErrorCode) -> Errno {
    match code {
        ErrorCode::Access => Errno::Acces,
        ErrorCode::WouldBlock => Errno::Again,
        ErrorCode::Already => Errno::Already,
        ErrorCode::BadDescriptor => Errno::Badf,
        ErrorCode::Busy => Errno::Busy,
        ErrorCode::Deadlock => Errno::Deadlk,
        ErrorCode::Quota => Errno::Dquot,
        ErrorCode::Exist => Errno::Exist,
        ErrorCode::FileTooLarge => Errno::Fbig,
        ErrorCode::IllegalByteSequence => Errno::Ilseq,
        ErrorCode::InProgress => Errno::Inprogress,
        ErrorCode::Interrupted => Errno::Intr,
        ErrorCode::Invalid => Errno::Inval,
        ErrorCode::Io => Errno::Io,
        ErrorCode::IsDirectory => Errno::Isdir,
        ErrorCode::Loop => Errno::Loop,
        ErrorCode::TooManyLinks => Errno::Mlink,
        ErrorCode::MessageSize => Errno::Msgsize,
        ErrorCode::NameTooLong => Errno::Nametoolong,
        ErrorCode::NoDevice => Errno::Nodev,
        ErrorCode::NoEntry => Errno::Noent,
        ErrorCode::NoLock => Errno::Nolck,
        ErrorCode::InsufficientMemory => Errno::Nomem,
        ErrorCode::InsufficientSpace => Errno::Nospc,
        ErrorCode::Unsupported => Errno::Notsup,
        ErrorCode::NotDirectory => Errno::Notdir,
        ErrorCode::NotEmpty => Errno::Notempty,
        ErrorCode::NotRecoverable => Errno::Notrecoverable,
        ErrorCode::NoTty => Errno::Notty,
        ErrorCode::NoSuchDevice => Errno::Nxio,
        ErrorCode::Overflow => Errno::Overflow,
        ErrorCode::NotPermitted => Errno::Perm,
        ErrorCode::Pipe => Errno::Pipe,
        ErrorCode::ReadOnly => Errno::Rofs,
        ErrorCode::InvalidSeek => Errno::Spipe,
        ErrorCode::TextFileBusy => Errno::Txtbsy,
        ErrorCode::CrossDevice => Errno::Xdev,
    }
}

impl From<FsFailure> for Error {
    fn from(failure: FsFailure) -> Error {
        match failure {
            FsFailure::Code(code) => errno(code).into(),
            FsFailure::Trap(trap) => Error::trap(trap),
        }
    }
}

impl From<FsError> for Error {
    fn from(e: FsError) -> Error {
        if let FsError::FileSizeLimit = e {
            return Error::trap(FileSizeLimitExceeded.into());
        }
        errno(error_code(&e)).into()
    }
}

impl From<wasmtime::component::ResourceTableError> for Error {
    fn from(e: wasmtime::component::ResourceTableError) -> Error {
        Error::trap(e.into())
    }
}

impl From<std::num::TryFromIntError> for Error {
    fn from(_: std::num::TryFromIntError) -> Error {
        Errno::Overflow.into()
    }
}

impl From<GuestError> for Error {
    fn from(e: GuestError) -> Error {
        match e {
            GuestError::InvalidFlagValue(_) | GuestError::InvalidEnumValue(_) => {
                Errno::Inval.into()
            }
            // A pointer outside memory or misaligned traps, as the witx rules say.
            GuestError::PtrOverflow
            | GuestError::PtrOutOfBounds(_)
            | GuestError::PtrNotAligned(..) => Error::trap(e.into()),
            GuestError::InvalidUtf8(_) => Errno::Ilseq.into(),
            GuestError::TryFromIntError(_) => Errno::Overflow.into(),
            GuestError::SliceLengthsDiffer => Errno::Fault.into(),
            GuestError::InFunc { err, .. } => Error::from(*err),
        }
    }
}

/// A failed stream operation: a closed pipe to write to is EPIPE, as on Linux; a file
/// error keeps its errno.
pub fn stream_error(e: StreamError) -> Error {
    match e {
        StreamError::Closed => Errno::Pipe.into(),
        StreamError::LastOperationFailed(e) => match e.downcast_ref::<FsError>() {
            Some(fs) => errno(error_code(fs)).into(),
            None => Errno::Io.into(),
        },
        StreamError::Trap(e) => Error::trap(e),
    }
}
