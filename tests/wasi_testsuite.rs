//! The official WASI test suite (WebAssembly/wasi-testsuite, preview 1: 72 tests in Rust,
//! C and AssemblyScript, prebuilt in `../shared/wasi-testsuite/`), each run through
//! `wasmix run` exactly as its sidecar says: its arguments and environment, its `root`
//! directory copied afresh and given with `--dir COPY::/`, its exit code and stdout.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use support::{WASMIX, shared_cache};

fn suite_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/wasi-testsuite")
}

/// What one test's sidecar asks for.
#[derive(Default)]
struct Sidecar {
    args: Vec<String>,
    env: Vec<(String, String)>,
    root: Option<String>,
    exit_code: i32,
    stdout: Option<String>,
}

fn sidecar(wasm: &Path) -> Sidecar {
    let Ok(text) = std::fs::read_to_string(wasm.with_extension("json")) else {
        return Sidecar::default();
    };
    let json: serde_json::Value = serde_json::from_str(&text).expect("a JSON sidecar");
    let strings = |value: &serde_json::Value| value.as_str().unwrap_or_default().to_string();
    Sidecar {
        args: json["args"]
            .as_array()
            .map(|a| a.iter().map(strings).collect())
            .unwrap_or_default(),
        env: json["env"]
            .as_object()
            .map(|o| o.iter().map(|(k, v)| (k.clone(), strings(v))).collect())
            .unwrap_or_default(),
        root: json["root"].as_str().map(str::to_string),
        exit_code: json["exit_code"].as_i64().unwrap_or(0) as i32,
        stdout: json["stdout"].as_str().map(str::to_string),
    }
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        let kind = entry.file_type().unwrap();
        if kind.is_dir() {
            copy_tree(&entry.path(), &target);
        } else if kind.is_symlink() {
            std::os::unix::fs::symlink(std::fs::read_link(entry.path()).unwrap(), &target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Runs one test; None when it passed, else what differed.
fn run_test(wasm: &Path) -> Option<String> {
    let sidecar = sidecar(wasm);
    let scratch = tempfile::tempdir().unwrap();
    let mut command = Command::new(WASMIX);
    command.arg("--cache-dir").arg(shared_cache()).arg("run");
    if let Some(root) = &sidecar.root {
        let copy = scratch.path().join("root");
        copy_tree(&wasm.parent().unwrap().join(root), &copy);
        command.arg("--dir").arg(format!("{}::/", copy.display()));
    }
    for (name, value) in &sidecar.env {
        command.arg("--env").arg(format!("{name}={value}"));
    }
    command.arg(wasm).args(&sidecar.args);
    let out = command
        .stdin(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let status = out.status.code().unwrap_or(-1);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stdout_ok = sidecar.stdout.as_ref().is_none_or(|want| stdout == *want);
    if status == sidecar.exit_code && stdout_ok {
        return None;
    }
    Some(format!(
        "{}: status {status} (want {}), stdout {stdout:?}{}\n  stderr: {}",
        wasm.file_name().unwrap().to_string_lossy(),
        sidecar.exit_code,
        sidecar
            .stdout
            .as_ref()
            .map_or(String::new(), |want| format!(" (want {want:?})")),
        String::from_utf8_lossy(&out.stderr).trim_end()
    ))
}

#[test]
fn every_wasi_testsuite_test_passes() {
    let dir = suite_dir();
    assert!(
        dir.is_dir(),
        "the WASI test suite is missing at {} (shared/ beside the repository)",
        dir.display()
    );
    let mut tests: Vec<PathBuf> = ["rust", "c", "assemblyscript"]
        .iter()
        .flat_map(|suite| {
            let suite = dir.join(suite).join("testsuite/wasm32-wasip1");
            std::fs::read_dir(suite).unwrap().map(|e| e.unwrap().path())
        })
        .filter(|p| p.extension().is_some_and(|e| e == "wasm"))
        .collect();
    tests.sort();
    assert_eq!(tests.len(), 72);
    let failures: Vec<(String, String)> = tests
        .iter()
        .filter_map(|t| {
            let name = t.file_name().unwrap().to_string_lossy().into_owned();
            run_test(t).map(|why| (name, why))
        })
        .collect();
    println!("{} of {} passed", tests.len() - failures.len(), tests.len());
    let report: Vec<String> = failures
        .iter()
        .map(|(name, why)| format!("{name}: {why}"))
        .collect();
    assert!(report.is_empty(), "\n{}", report.join("\n"));
}
