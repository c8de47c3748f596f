//! The shell against bash: every script under `tests/scripts/` runs in bash (in a fresh
//! directory, with GNU tools) and in wasmix (in a fresh home), and must print the same and
//! end with the same status.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

fn scripts() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/scripts");
    let mut scripts: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sh"))
        .collect();
    scripts.sort();
    scripts
}

fn outcome(mut command: Command) -> (String, i32) {
    let out = command.output().unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn scripts_behave_as_in_bash() {
    let scripts = scripts();
    assert!(scripts.len() >= 20, "the corpus is there");
    let mut differences = Vec::new();
    for script in &scripts {
        let arguments = ["first", "second"];
        let dir = tempfile::tempdir().unwrap();
        let mut bash = Command::new("bash");
        bash.arg(script)
            .args(arguments)
            .current_dir(dir.path())
            .env("LC_ALL", "C")
            .env("HOME", "/home/user");
        let expected = outcome(bash);

        let mut wasmix = support::wasmix();
        wasmix.arg("--ephemeral").arg(script).args(arguments);
        let actual = outcome(wasmix);
        if actual != expected {
            differences.push(format!(
                "{}\n  bash:   {expected:?}\n  wasmix: {actual:?}",
                script.display()
            ));
        }
    }
    assert!(differences.is_empty(), "\n{}", differences.join("\n"));
}
