//! Compiled programs kept on disk between kernel runs, so a second boot compiles nothing.
//!
//! An artifact is named by the SHA-256 of the program's bytes and by the engine's
//! compatibility hash (wasmtime version and compiler settings): a changed program or a
//! different wasmtime never finds a stale artifact. Files are written to a temporary name
//! and renamed, so a crash mid-write leaves no half artifact behind.
//!
//! An artifact is native code, so nothing is loaded on trust. The directory and each file
//! must belong to this user and be writable by no one else (as ssh asks of its keys), a
//! file must not be a symbolic link, and its contents must match the digest written at its
//! head: XXH3-128 over the program's hash and the artifact, so a corrupted, truncated or
//! swapped artifact (echo's name holding cat's code) is compiled again, with one warning,
//! and never run. The file is read into memory and checked there: a file mapped as code
//! could still change after the check. The digest is a checksum, not a signature: whoever
//! can write this private directory can already run code as its owner, so a keyless
//! cryptographic hash would add nothing but time (SHA-256 cost 15% of a warm run).

use std::fs::{DirBuilder, OpenOptions};
use std::io::{Read, Write};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use wasmtime::Engine;
use wasmtime::Module;
use wasmtime::component::Component;
use xxhash_rust::xxh3::Xxh3;

const DIGEST_LEN: usize = 16;

/// The layout of an artifact file (digest, then wasmtime's bytes); part of its name, so
/// files of an older layout are never read as this one.
const LAYOUT: &str = "xxh3";

pub struct ArtifactCache {
    dir: PathBuf,
    engine_tag: String,
}

/// Why an artifact on disk was not used.
enum Refusal {
    /// There is none: an ordinary first run.
    Missing,
    Untrusted(String),
}

impl ArtifactCache {
    /// The cache at `dir`, created private if missing; None (with one warning) when the
    /// directory is not private to this user.
    pub fn new(dir: &Path, engine: &Engine) -> Option<ArtifactCache> {
        let _ = DirBuilder::new().recursive(true).mode(0o700).create(dir);
        if let Err(why) = std::fs::metadata(dir)
            .map_err(|e| e.to_string())
            .and_then(|meta| private(&meta))
        {
            eprintln!(
                "wasmix: cache: {}: {why}; programs are compiled in memory only",
                dir.display()
            );
            return None;
        }
        Some(ArtifactCache {
            dir: dir.to_path_buf(),
            engine_tag: crate::codegen::engine_tag(engine),
        })
    }

    fn path(&self, content_hash: &str) -> PathBuf {
        self.dir
            .join(format!("{content_hash}-{}.{LAYOUT}.cwasm", self.engine_tag))
    }

    /// The program compiled earlier from the same bytes, if there is a trustworthy one.
    pub fn load<T: Artifact>(&self, engine: &Engine, content_hash: &str) -> Option<T> {
        let path = self.path(content_hash);
        match self.verified_artifact(&path, content_hash) {
            Ok(artifact) => {
                // SAFETY: the bytes are in memory, belong to this user's private cache,
                // and match the digest `store` wrote over this program's hash and them;
                // wasmtime checks the header and engine compatibility as well.
                match unsafe { T::deserialize(engine, &artifact[DIGEST_LEN..]) } {
                    Ok(program) => Some(program),
                    Err(e) => {
                        warn(&path, &format!("{e}"));
                        None
                    }
                }
            }
            Err(Refusal::Missing) => None,
            Err(Refusal::Untrusted(why)) => {
                warn(&path, &why);
                None
            }
        }
    }

    fn verified_artifact(&self, path: &Path, content_hash: &str) -> Result<Vec<u8>, Refusal> {
        let mut file = match OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
            .open(path)
        {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(Refusal::Missing),
            Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
                return Err(Refusal::Untrusted("is a symbolic link".into()));
            }
            Err(e) => return Err(Refusal::Untrusted(e.to_string())),
        };
        let untrusted = |why: String| Refusal::Untrusted(why);
        let meta = file.metadata().map_err(|e| untrusted(e.to_string()))?;
        if !meta.is_file() {
            return Err(untrusted("is not a regular file".into()));
        }
        private(&meta).map_err(untrusted)?;
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        file.read_to_end(&mut bytes)
            .map_err(|e| untrusted(e.to_string()))?;
        if bytes.len() < DIGEST_LEN
            || bytes[..DIGEST_LEN] != digest(content_hash, &bytes[DIGEST_LEN..])
        {
            return Err(untrusted(
                "does not match its digest (corrupted or replaced)".into(),
            ));
        }
        Ok(bytes)
    }

    /// Keeps a compiled program for the next run. Failing to store only costs time later.
    pub fn store<T: Artifact>(&self, content_hash: &str, program: &T) -> std::io::Result<()> {
        let artifact = program
            .serialize()
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        let final_path = self.path(content_hash);
        let temporary = final_path.with_extension(format!("tmp{}", std::process::id()));
        let mut file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW)
            .open(&temporary)?;
        file.write_all(&digest(content_hash, &artifact))?;
        file.write_all(&artifact)?;
        drop(file);
        std::fs::rename(&temporary, &final_path)
    }
}

/// What the cache keeps: a compiled component, or a compiled preview 1 module.
pub trait Artifact: Sized {
    fn serialize(&self) -> wasmtime::Result<Vec<u8>>;
    /// # Safety
    /// As `wasmtime::Module::deserialize`: the bytes must come from wasmtime's own
    /// serialization.
    unsafe fn deserialize(engine: &Engine, bytes: &[u8]) -> wasmtime::Result<Self>;
}

impl Artifact for Component {
    fn serialize(&self) -> wasmtime::Result<Vec<u8>> {
        Component::serialize(self)
    }
    unsafe fn deserialize(engine: &Engine, bytes: &[u8]) -> wasmtime::Result<Self> {
        // SAFETY: passed on from the caller.
        unsafe { Component::deserialize(engine, bytes) }
    }
}

impl Artifact for Module {
    fn serialize(&self) -> wasmtime::Result<Vec<u8>> {
        Module::serialize(self)
    }
    unsafe fn deserialize(engine: &Engine, bytes: &[u8]) -> wasmtime::Result<Self> {
        // SAFETY: passed on from the caller.
        unsafe { Module::deserialize(engine, bytes) }
    }
}

/// XXH3-128 over the program's hash and the artifact: binds the code to the name it is
/// kept under.
pub fn digest(content_hash: &str, artifact: &[u8]) -> [u8; DIGEST_LEN] {
    let mut hasher = Xxh3::new();
    hasher.update(content_hash.as_bytes());
    hasher.update(artifact);
    hasher.digest128().to_le_bytes()
}

/// Owned by this user and writable by no one else.
fn private(meta: &std::fs::Metadata) -> Result<(), String> {
    // SAFETY: geteuid has no preconditions.
    let me = unsafe { libc::geteuid() };
    if meta.uid() != me {
        return Err(format!(
            "is owned by uid {}, not by this user ({me})",
            meta.uid()
        ));
    }
    if meta.mode() & 0o022 != 0 {
        return Err(format!(
            "is writable by others (mode {:o})",
            meta.mode() & 0o777
        ));
    }
    Ok(())
}

fn warn(path: &Path, why: &str) {
    eprintln!(
        "wasmix: cache: {}: {why}; compiling it again",
        path.display()
    );
}
