//! The wasmix kernel: the process table, pipes, namespaces and filesystems, each program
//! a sandboxed WebAssembly component. The shell (`wasmix-shell`) drives it through the
//! public API below, and the kernel reaches the shell only through `exec::NativeShell`.

pub mod budget;
pub mod cache;
mod code_pages;
mod codegen;
pub mod console;
mod console_out;
pub mod engine;
pub mod exec;
pub mod fifo;
pub mod file;
pub mod fs;
pub mod hostrun;
mod invoke;
pub mod kernel;
mod load;
pub mod pipe;
mod precompiled;
mod preview1;
pub mod proc;
pub mod process_api;
pub mod program;
mod progress;
mod sched;
pub mod signal;
pub mod terminal;
pub mod tier;
pub mod wasi_fs;
