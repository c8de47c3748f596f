//! Generated host bindings for `wasi:filesystem`, kept apart from the logic in `host.rs`.
//! `wasi:io` and `wasi:clocks` are wasmtime-wasi's own, so streams and pollables mix freely
//! with the rest of WASI.

wasmtime::component::bindgen!({
    path: "wit",
    world: "wasmix:kernel/filesystem",
    imports: { default: trappable },
    require_store_data_send: true,
    trappable_error_type: {
        "wasi:filesystem/types.error-code" => crate::wasi_fs::FsFailure,
    },
    with: {
        "wasi:io": wasmtime_wasi::p2::bindings::io,
        "wasi:clocks": wasmtime_wasi::p2::bindings::clocks,
        "wasi:filesystem/types.descriptor": crate::wasi_fs::Descriptor,
        "wasi:filesystem/types.directory-entry-stream": crate::wasi_fs::DirectoryEntries,
    },
});

pub use self::wasmix::filesystem::modes;
pub use wasi::filesystem::{preopens, types};
