//! The settings that decide what code the compiler makes, and the name they are known by.
//!
//! `build.rs` includes this file too: it compiles `/bin` ahead of time with these settings,
//! and the kernel uses its artifacts only when its own engine has the same name.

use std::hash::{Hash, Hasher};
use wasmtime::{Config, Engine};

/// The compiler settings of the kernel's engine. With `time_slicing`, compiled code checks
/// the epoch at loop heads and function entries, so that running wasm can be preempted.
/// How instances are allocated is left to the caller: it does not change compiled code.
pub fn config(time_slicing: bool) -> Config {
    let mut config = Config::new();
    config
        .wasm_component_model(true)
        .epoch_interruption(time_slicing);
    config
}

/// A name for the engine's wasmtime version and compiler settings (target, features,
/// memory layout): an artifact made under another name is never loaded.
pub fn engine_tag(engine: &Engine) -> String {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    engine.precompile_compatibility_hash().hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}
