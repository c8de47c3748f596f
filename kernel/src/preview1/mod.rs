//! WASI preview 1, served by the kernel itself.
//!
//! A preview 1 module (C with wasi-libc, AssemblyScript, TinyGo, older Rust) runs as a
//! core module whose `wasi_snapshot_preview1` imports are host functions here, over the
//! same `wasi:filesystem`, streams and clocks that components get. wasmtime's adapter,
//! which turns such a module into a component, keeps its state in the program's own
//! memory and allocates it there; programs whose runtime owns all of memory (AssemblyScript
//! without `cabi_realloc`) corrupt it, and it reports every `proc_exit` but 0 as 1. A host
//! of our own has neither limit and needs no adaptation step when a program is compiled.

// The preview 1 calls take as many arguments as the specification gives them.
#[allow(clippy::too_many_arguments)]
mod bindings;
mod errors;
mod fds;
mod host;
mod io;
mod paths;
mod poll;
mod unstable;

pub use fds::Preview1Fds;

use crate::proc::ProcessCtx;

/// Both `wasi_snapshot_preview1` and the older `wasi_unstable` (`unstable.rs`).
pub fn add_to_linker(linker: &mut wasmtime::Linker<ProcessCtx>) -> wasmtime::Result<()> {
    bindings::wasi_snapshot_preview1::add_to_linker(linker, |ctx| ctx)?;
    unstable::add_to_linker(linker)
}
