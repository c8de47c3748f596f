//! Compiled programs kept on disk between kernel runs, so a second boot compiles nothing.
//!
//! An artifact is named by the SHA-256 of the program's bytes and by the engine's
//! compatibility hash (wasmtime version and compiler settings): a changed program or a
//! different wasmtime never finds a stale artifact. Files are written to a temporary name
//! and renamed, so a crash mid-write leaves no half artifact behind.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use wasmtime::Engine;
use wasmtime::component::Component;

pub struct ArtifactCache {
    dir: PathBuf,
    engine_tag: String,
}

impl ArtifactCache {
    pub fn new(dir: &Path, engine: &Engine) -> ArtifactCache {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        engine.precompile_compatibility_hash().hash(&mut hasher);
        ArtifactCache {
            dir: dir.to_path_buf(),
            engine_tag: format!("{:016x}", hasher.finish()),
        }
    }

    fn path(&self, content_hash: &str) -> PathBuf {
        self.dir
            .join(format!("{content_hash}-{}.cwasm", self.engine_tag))
    }

    /// The component compiled earlier from the same bytes, if there is a usable one.
    pub fn load(&self, engine: &Engine, content_hash: &str) -> Option<Component> {
        let path = self.path(content_hash);
        if !path.is_file() {
            return None;
        }
        // SAFETY: artifacts are only ever written by `store` below, from wasmtime's own
        // serialization, into the user's private cache directory; wasmtime checks the
        // header and engine compatibility before using one.
        unsafe { Component::deserialize_file(engine, &path) }.ok()
    }

    /// Keeps a compiled component for the next run. Failing to store only costs time later.
    pub fn store(&self, content_hash: &str, component: &Component) -> std::io::Result<()> {
        let bytes = component
            .serialize()
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        std::fs::create_dir_all(&self.dir)?;
        let final_path = self.path(content_hash);
        let temporary = final_path.with_extension(format!("tmp{}", std::process::id()));
        std::fs::write(&temporary, bytes)?;
        std::fs::rename(&temporary, &final_path)
    }
}
