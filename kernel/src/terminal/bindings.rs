//! Generated host bindings for `wasmix:terminal`, kept apart from the logic in `mod.rs`.

wasmtime::component::bindgen!({
    path: "wit",
    world: "wasmix:kernel/terminal",
    imports: { default: trappable },
    require_store_data_send: true,
    with: {
        "wasi:io": wasmtime_wasi::p2::bindings::io,
    },
});

pub use self::wasmix::terminal::control;
