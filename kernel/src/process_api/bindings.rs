//! Generated host bindings for `wasmix:process`, kept apart from the logic in `host.rs`.
//! Its streams are wasmtime-wasi's, so a child's pipe reads like any other WASI stream.

wasmtime::component::bindgen!({
    path: "wit",
    world: "wasmix:kernel/process",
    imports: {
        "wasmix:process/spawn.[method]child.wait": async | trappable,
        default: trappable,
    },
    require_store_data_send: true,
    with: {
        "wasi:io": wasmtime_wasi::p2::bindings::io,
        "wasmix:process/spawn.child": crate::process_api::Child,
    },
});

pub use self::wasmix::process::spawn;
