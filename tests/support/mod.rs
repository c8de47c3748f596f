//! Helpers shared by the integration tests: they run the real `wasmix` binary, which runs
//! the real userland components.

#![allow(dead_code)] // Each test file uses its own subset.

pub mod gnu;
pub mod pty;

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

pub const WASMIX: &str = env!("CARGO_BIN_EXE_wasmix");

/// Compiled programs shared by all tests, so each program is compiled once per test run.
/// (Every run of wasmix asks for it, so the umask is set here first.)
pub fn shared_cache() -> PathBuf {
    standard_umask();
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("program-cache")
}

/// wasmix starts with the umask it was started with: the tests run it under 022, the
/// umask GNU's side of the comparisons gets, whatever the machine's.
fn standard_umask() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    // SAFETY: umask(2) only swaps the process's mask; it touches no memory.
    ONCE.call_once(|| unsafe {
        libc::umask(0o022);
    });
}

/// A new directory only its owner may write, as a compile cache must be (wasmix trusts
/// no other), whatever umask the tests run under.
pub fn private_dir() -> tempfile::TempDir {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    dir
}

/// `wasmix` with the shared compile cache, no standard input, and the C locale whatever
/// the machine's (wasmix takes the host's locale variables).
pub fn wasmix() -> Command {
    let mut command = Command::new(WASMIX);
    command
        .arg("--cache-dir")
        .arg(shared_cache())
        .stdin(Stdio::null())
        .env_remove("LANG")
        .env_remove("LC_CTYPE")
        .env_remove("LC_ALL");
    command
}

/// What a run printed and how it ended.
pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub status: i32,
}

impl From<Output> for Run {
    fn from(output: Output) -> Run {
        Run {
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            status: output.status.code().unwrap_or(-1),
        }
    }
}

/// Runs `wasmix -c SCRIPT` with extra options placed before `-c`. Unless the options
/// name a `--state` directory, nothing is kept (`--ephemeral`).
pub fn run_with(options: &[&str], script: &str) -> Run {
    let mut command = wasmix();
    if !options.contains(&"--state") {
        command.arg("--ephemeral");
    }
    command
        .args(options)
        .arg("-c")
        .arg(script)
        .output()
        .expect("cannot start wasmix")
        .into()
}

/// Runs `wasmix -c SCRIPT`.
pub fn run(script: &str) -> Run {
    run_with(&[], script)
}

/// The directory where the build put the test fixture programs.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("WASMIX_FIXTURES_DIR")).join(format!("{name}.wasm"))
}

/// A state directory whose writable layer already holds the given files, so they appear in
/// the guest's tree: (guest path, contents).
pub fn state_with(files: &[(&str, Vec<u8>)]) -> tempfile::TempDir {
    let state = tempfile::tempdir().unwrap();
    for (guest, contents) in files {
        let host = state
            .path()
            .join("root")
            .join(guest.trim_start_matches('/'));
        std::fs::create_dir_all(host.parent().unwrap()).unwrap();
        std::fs::write(&host, contents).unwrap();
        // What is put in /bin is put there to run, as `wasmix install` leaves it.
        if guest.starts_with("/bin/") {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&host, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
    }
    state
}

/// Runs `wasmix -c SCRIPT` over a state directory.
pub fn run_in(state: &tempfile::TempDir, script: &str) -> Run {
    run_with(&["--state", state.path().to_str().unwrap()], script)
}

/// A fixture built as a WASI preview 1 core module.
pub fn preview1_fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("WASMIX_PREVIEW1_FIXTURES_DIR")).join(format!("{name}.wasm"))
}

/// The compiled programs in a cache directory.
pub fn artifacts(cache: &std::path::Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(cache)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "cwasm"))
        .collect();
    found.sort_by_key(|p| std::fs::metadata(p).unwrap().len());
    found
}

/// Waits (up to two minutes) until the optimising compiles started in the background have
/// put `count` artifacts in the cache; the artifacts, smallest first.
pub fn await_artifacts(cache: &std::path::Path, count: usize) -> Vec<PathBuf> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    loop {
        let found = artifacts(cache);
        if found.len() >= count || std::time::Instant::now() > deadline {
            return found;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}
