//! wasmix: a Unix-like environment in which every program is a sandboxed WebAssembly
//! component. The kernel keeps the processes and their pipes; the shell drives it.

pub mod budget;
pub mod cache;
mod codegen;
mod console;
pub mod engine;
pub mod exec;
pub mod fifo;
pub mod file;
pub mod fs;
pub mod hostrun;
pub mod kernel;
pub mod pipe;
mod precompiled;
mod preview1;
pub mod proc;
pub mod process_api;
pub mod program;
mod progress;
pub mod sh;
pub mod signal;
pub mod terminal;
pub mod tier;
pub mod wasi_fs;
