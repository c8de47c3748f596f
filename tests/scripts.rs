//! The shell against bash: every script under `tests/scripts/` runs in wasmix (in a fresh
//! home, with arguments `first second`) and must print what bash printed for it and end
//! with the same status. bash's output is recorded in `tests/scripts/expected/` by
//! `tests/scripts/record.sh`, run on a machine with bash and GNU tools.

mod support;

use std::path::{Path, PathBuf};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/scripts")
}

fn scripts() -> Vec<PathBuf> {
    let mut scripts: Vec<PathBuf> = std::fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sh"))
        .filter(|p| !p.ends_with("record.sh"))
        .collect();
    scripts.sort();
    scripts
}

/// bash's status and stdout for a script, as recorded.
fn expected(script: &Path) -> (String, i32) {
    let name = script.file_stem().unwrap();
    let path = corpus().join("expected").join(name);
    let recorded = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "{} is not recorded: run tests/scripts/record.sh",
            path.display()
        )
    });
    let (status, stdout) = recorded.split_once('\n').unwrap_or((&recorded, ""));
    let status = status.strip_prefix("status ").unwrap().parse().unwrap();
    (stdout.to_string(), status)
}

#[test]
fn scripts_behave_as_in_bash() {
    let scripts = scripts();
    assert!(
        scripts.len() >= 150,
        "the corpus has {} scripts",
        scripts.len()
    );
    let mut differences = Vec::new();
    for script in &scripts {
        let expected = expected(script);
        let out = support::wasmix()
            .arg("--ephemeral")
            .arg(script)
            .args(["first", "second"])
            .output()
            .unwrap();
        let actual = (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            out.status.code().unwrap_or(-1),
        );
        if actual != expected {
            differences.push(format!(
                "{}\n  bash:   {expected:?}\n  wasmix: {actual:?}\n  stderr: {}",
                script.display(),
                String::from_utf8_lossy(&out.stderr).trim_end()
            ));
        }
    }
    assert!(
        differences.is_empty(),
        "{} of {} scripts differ:\n{}",
        differences.len(),
        scripts.len(),
        differences.join("\n")
    );
}
