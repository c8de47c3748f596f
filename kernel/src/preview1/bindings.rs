//! Generated host bindings for WASI preview 1 (`wasi_snapshot_preview1`), from the WASI
//! witx definitions in `kernel/witx/preview1`; the logic is in `host.rs`. The calls that
//! may wait (on a pipe, a terminal or a clock) are async, so a waiting program holds no
//! thread.

wiggle::from_witx!({
    witx: ["witx/preview1/wasi_snapshot_preview1.witx"],
    async: {
        wasi_snapshot_preview1::{
            fd_close, fd_read, fd_pread, fd_write, fd_pwrite, fd_renumber, poll_oneoff
        }
    },
    errors: { errno => trappable Error },
});

impl wiggle::GuestErrorType for types::Errno {
    fn success() -> Self {
        Self::Success
    }
}
