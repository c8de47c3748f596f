//! `/bin` compiled ahead of time: `build.rs` compiles every userland program with the
//! kernel's compiler settings and embeds the artifacts, so that nothing of `/bin` is
//! compiled on the user's machine at run time.
//!
//! The artifacts are used only when the running engine has the name they were made under
//! (`codegen::engine_tag`): an engine with other settings (under a limit on address space
//! memories are laid out differently; `wasmix run` has no time slicing) compiles `/bin`
//! programs as it would any other. Artifacts are found by the SHA-256 of the program's
//! bytes, so a `/bin` program replaced by another never finds the old code.

use std::collections::HashMap;
use wasmtime::Engine;

include!(concat!(env!("OUT_DIR"), "/precompiled.rs"));

/// The embedded artifacts that fit one engine.
pub struct Precompiled {
    by_hash: HashMap<&'static str, &'static [u8]>,
}

impl Precompiled {
    /// The artifacts made for this engine's settings; None when they were made for others.
    pub fn for_engine(engine: &Engine) -> Option<Precompiled> {
        (crate::codegen::engine_tag(engine) == PRECOMPILED_ENGINE).then(|| Precompiled {
            by_hash: PRECOMPILED.iter().copied().collect(),
        })
    }

    /// The artifact of the program whose bytes have this SHA-256 (hex), if it is built in.
    pub fn artifact(&self, content_hash: &str) -> Option<&'static [u8]> {
        self.by_hash.get(content_hash).copied()
    }
}
