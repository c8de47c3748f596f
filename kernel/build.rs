//! Builds every userland program for wasm32-wasip2 and embeds them, with the files of
//! `rootfs/`, into the wasmix binary as its root image.
//!
//! Each program is then compiled ahead of time, with the kernel's own compiler settings
//! (`src/codegen.rs`, included here), and the artifacts are embedded beside it: see
//! `src/precompiled.rs`.
//!
//! Userland is built by a nested cargo (its own target directory, so the two builds never
//! wait on each other's lock) with the `wasm` profile (speed, SIMD). Cargo reruns this script
//! when anything under `userland/`, `tests/fixtures/` or `rootfs/` changes, and the nested
//! build is itself incremental.

use std::env;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "src/codegen.rs"]
mod codegen;

const WASM_TARGET: &str = "wasm32-wasip2";
/// For test fixtures named `p1-*`: programs built as WASI preview 1 core modules, the way
/// many programs from elsewhere are (and as components too, through the preview 1 adapter
/// the component linker puts in, the way others are).
const PREVIEW1_TARGET: &str = "wasm32-wasip1";

fn main() {
    let kernel_dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let root = kernel_dir.parent().unwrap().to_path_buf();
    for watched in [
        "userland",
        "printf-format",
        "posix-regex",
        "rootfs",
        "tests/fixtures",
        "Cargo.lock",
    ] {
        println!("cargo:rerun-if-changed={}", root.join(watched).display());
    }

    ensure_wasm_target(WASM_TARGET);
    ensure_wasm_target(PREVIEW1_TARGET);
    let programs = crate_dirs(&root.join("userland"));
    let (preview1, fixtures): (Vec<_>, Vec<_>) = crate_dirs(&root.join("tests/fixtures"))
        .into_iter()
        .partition(|(name, _)| name.starts_with("p1-"));
    let target_dir = env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"))
        .join("userland");
    build_userland(
        &root,
        &target_dir,
        WASM_TARGET,
        programs.iter().chain(&fixtures).chain(&preview1),
    );
    build_userland(&root, &target_dir, PREVIEW1_TARGET, preview1.iter());

    let wasm_dir = target_dir.join(WASM_TARGET).join("wasm");
    let mut image = ImageTable::default();
    for file in walk(&root.join("rootfs")) {
        let guest = file.strip_prefix(root.join("rootfs")).unwrap();
        image.add(&format!("/{}", guest.display()), &file);
    }
    for (name, _) in &programs {
        let wasm = wasm_dir.join(format!("{name}.wasm"));
        image.add(&format!("/bin/{name}"), &wasm);
        for other in other_names(&root.join("userland").join(name)) {
            image.add(&format!("/bin/{other}"), &wasm);
        }
    }
    let mut image = image.source();
    let built = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    writeln!(image, "pub const IMAGE_TIME: u64 = {built};").unwrap();
    let out = PathBuf::from(env::var("OUT_DIR").unwrap());
    std::fs::write(out.join("image.rs"), image).unwrap();
    let programs: Vec<PathBuf> = programs
        .iter()
        .map(|(name, _)| wasm_dir.join(format!("{name}.wasm")))
        .collect();
    std::fs::write(out.join("precompiled.rs"), precompile(&programs, &out)).unwrap();
    // For the tests, through cli/build.rs (DEP_WASMIX_IMAGE_*).
    println!("cargo::metadata=FIXTURES_DIR={}", wasm_dir.display());
    let preview1_dir = target_dir.join(PREVIEW1_TARGET).join("wasm");
    println!(
        "cargo::metadata=PREVIEW1_FIXTURES_DIR={}",
        preview1_dir.display()
    );
}

/// Compiles each program for the kernel's shell engine (time slicing on), keeping the
/// artifacts in OUT_DIR by content hash so an unchanged program is not compiled again, and
/// returns the Rust source of the table that embeds them.
fn precompile(programs: &[PathBuf], out: &Path) -> String {
    let engine = wasmtime::Engine::new(&codegen::config(true))
        .unwrap_or_else(|e| panic!("cannot make the engine that precompiles /bin: {e:#}"));
    let tag = codegen::engine_tag(&engine);
    let dir = out.join("precompiled");
    std::fs::create_dir_all(&dir).unwrap();
    // Each artifact page-aligned, so that its code runs where it lies (`code_pages.rs`).
    let mut statics =
        String::from("#[repr(C, align(4096))]\nstruct PageAligned<const N: usize>([u8; N]);\n");
    let mut table = String::from("static PRECOMPILED: &[(&str, &[u8])] = &[\n");
    for (index, program) in programs.iter().enumerate() {
        let bytes = std::fs::read(program).unwrap();
        let hash = sha256_hex(&bytes);
        let artifact = dir.join(format!("{hash}-{tag}.cwasm"));
        if !artifact.exists() {
            let compiled = engine
                .precompile_component(&bytes)
                .unwrap_or_else(|e| panic!("cannot compile {}: {e:#}", program.display()));
            let partial = artifact.with_extension("partial");
            std::fs::write(&partial, compiled).unwrap();
            std::fs::rename(&partial, &artifact).unwrap();
        }
        let size = std::fs::metadata(&artifact).unwrap().len();
        writeln!(
            statics,
            "static ARTIFACT_{index}: PageAligned<{size}> = PageAligned(*include_bytes!({artifact:?}));"
        )
        .unwrap();
        writeln!(table, "    ({hash:?}, &ARTIFACT_{index}.0),").unwrap();
    }
    table.push_str("];\n");
    writeln!(table, "const PRECOMPILED_ENGINE: &str = {tag:?};").unwrap();
    statics + &table
}

/// The SHA-256 of `bytes` in hex, as the kernel keys programs.
fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The image's files, as Rust source: their paths in one string and their programs'
/// SHA-256 in another (which the kernel would otherwise compute the first time it runs a
/// program), so that listing the image at boot reads a few pages, not one page beside each
/// file's bytes; and each distinct host file's bytes once.
#[derive(Default)]
struct ImageTable {
    paths: String,
    hashes: String,
    blobs: String,
    blob_of: Vec<(PathBuf, usize)>,
    files: String,
}

impl ImageTable {
    fn add(&mut self, guest_path: &str, host_path: &Path) {
        let blob = match self.blob_of.iter().find(|(path, _)| path == host_path) {
            Some((_, index)) => *index,
            None => {
                let index = self.blob_of.len();
                writeln!(
                    self.blobs,
                    "static BLOB_{index}: &[u8] = include_bytes!({host_path:?});"
                )
                .unwrap();
                self.blob_of.push((host_path.to_path_buf(), index));
                index
            }
        };
        let bytes = std::fs::read(host_path).unwrap();
        if bytes.starts_with(b"\0asm") {
            self.hashes.push_str(&sha256_hex(&bytes));
        }
        self.hashes.push('\n');
        self.paths.push_str(guest_path);
        self.paths.push('\n');
        write!(self.files, "BLOB_{blob}, ").unwrap();
    }

    /// `IMAGE_PATHS` and `IMAGE_SHA256` hold one line per file (an empty
    /// hash for a file that is no program), in the order of `IMAGE_BYTES`.
    fn source(&self) -> String {
        format!(
            "{}pub static IMAGE_PATHS: &str = {:?};\npub static IMAGE_SHA256: &str = {:?};\n\
             pub static IMAGE_BYTES: &[&[u8]] = &[{}];\n",
            self.blobs, self.paths, self.hashes, self.files
        )
    }
}

/// The other names a program is installed under (`/bin/[` for test), from its manifest's
/// `[package.metadata.wasmix]` line `also = ["NAME", ...]`: a second name for the same
/// program, as a hard link would be.
fn other_names(crate_dir: &Path) -> Vec<String> {
    let manifest = std::fs::read_to_string(crate_dir.join("Cargo.toml")).unwrap();
    manifest
        .lines()
        .find_map(|l| l.strip_prefix("also = ["))
        .map(|list| {
            list.trim_end_matches(']')
                .split(',')
                .map(|name| name.trim().trim_matches('"').to_string())
                .filter(|name| !name.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

/// The crates below `dir` that build a program: (binary name, package name). The binary is
/// named after the directory; the shared library crate `common` builds none.
fn crate_dirs(dir: &Path) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|entry| entry.path().join("Cargo.toml").is_file())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name != "common")
        .map(|name| {
            let manifest = std::fs::read_to_string(dir.join(&name).join("Cargo.toml")).unwrap();
            let package = manifest
                .lines()
                .find_map(|l| l.strip_prefix("name = \""))
                .and_then(|rest| rest.strip_suffix('"'))
                .unwrap_or_else(|| panic!("{name}/Cargo.toml has no package name"))
                .to_string();
            (name, package)
        })
        .collect();
    found.sort();
    found
}

fn build_userland<'a>(
    root: &Path,
    target_dir: &Path,
    target: &str,
    crates: impl Iterator<Item = &'a (String, String)>,
) {
    let mut command = userland_cargo(target);
    command
        .args(["build", "--quiet", "--profile", "wasm", "--target", target])
        .arg("--manifest-path")
        .arg(root.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(target_dir);
    let mut any = false;
    for (_, package) in crates {
        command.args(["-p", package]);
        any = true;
    }
    if !any {
        return;
    }
    // Flags and wrappers meant for the host build of the kernel (clippy's among them) must
    // not leak into the wasm build; userland is linted as part of the host workspace.
    for var in [
        "CARGO_ENCODED_RUSTFLAGS",
        "RUSTFLAGS",
        "CARGO_BUILD_TARGET",
        "RUSTC_WORKSPACE_WRAPPER",
        "CLIPPY_ARGS",
    ] {
        command.env_remove(var);
    }
    // Loops over bytes (counting lines, finding a byte) become 16-byte SIMD compares.
    let flags_var = format!(
        "CARGO_TARGET_{}_RUSTFLAGS",
        target.replace('-', "_").to_uppercase()
    );
    // Programs start with 64 KiB of heap inside their initial memory, which is what most
    // of them grew to at once: a memory.grow at every start costs a spawn two mprotect
    // calls (the grown pages opened, and closed again for the next process in the slot).
    let flags = "-C target-feature=+simd128 -C link-arg=--initial-heap=65536";
    command.env(flags_var, flags);
    let status = command.status().expect("cannot run cargo for userland");
    if !status.success() {
        panic!("building userland for {target} failed (see the errors above)");
    }
}

/// Whether the toolchain of `rustc` has the standard library for `target`.
fn has_target(rustc: &mut Command, target: &str) -> bool {
    rustc
        .args(["--print", "sysroot"])
        .output()
        .ok()
        .map(|out| PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()))
        .is_some_and(|root| root.join("lib/rustlib").join(target).is_dir())
}

/// The cargo that builds userland: this build's own; or, when its toolchain cannot have
/// the wasm target (the nightly that `cargo fuzz` builds the kernel with), the stable
/// toolchain's, through rustup.
fn userland_cargo(target: &str) -> Command {
    let rustc = env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    if has_target(&mut Command::new(&rustc), target) {
        return Command::new(env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    }
    let mut stable = Command::new("rustup");
    stable.args(["run", "stable", "cargo"]);
    for var in ["RUSTC", "RUSTDOC", "RUSTUP_TOOLCHAIN", "RUSTC_WRAPPER"] {
        stable.env_remove(var);
    }
    stable
}

/// Installs the wasm target through rustup when it is missing, or stops with one line
/// naming the command that does. A toolchain that cannot have it is passed over for
/// the stable one (see `userland_cargo`).
fn ensure_wasm_target(target: &str) {
    let rustc = env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    if has_target(&mut Command::new(&rustc), target) {
        return;
    }
    let added = Command::new("rustup")
        .args(["target", "add", target])
        .status()
        .is_ok_and(|s| s.success());
    let usable_here = added && has_target(&mut Command::new(&rustc), target);
    let mut stable = Command::new("rustup");
    stable
        .args(["run", "stable", "rustc"])
        .env_remove("RUSTUP_TOOLCHAIN");
    if !usable_here && !has_target(&mut stable, target) {
        panic!("the {target} target is missing: run `rustup target add {target}`");
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}
