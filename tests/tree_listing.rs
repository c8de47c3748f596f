//! tree against tree 2.1's own output: each command line of `tests/data/tree/cases.txt`
//! runs in wasmix over the tree `setup.sh` makes (on the host, mounted into wasmix), and
//! prints what tree 2.1 printed for it (`expected/N`, recorded by `record.sh`).

mod support;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/data/tree");

#[test]
fn tree_prints_what_tree_2_1_prints() {
    let dir = tempfile::tempdir().unwrap();
    let setup = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!("umask 022 && . {DATA}/setup.sh"))
        .current_dir(dir.path())
        .status()
        .unwrap();
    assert!(setup.success());
    let cases = std::fs::read_to_string(format!("{DATA}/cases.txt")).unwrap();
    let mount = format!("{}:/data", dir.path().display());
    let mut failures = Vec::new();
    for (n, line) in cases.lines().enumerate() {
        let expected = std::fs::read_to_string(format!("{DATA}/expected/{n}")).unwrap();
        let script = format!("cd /data && export LANG=C.UTF-8 TZ=UTC; {line} 2>&1; echo \"~$?\"");
        let out = support::wasmix()
            .args(["--ephemeral", "--mount", &mount, "-c", &script])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        let (printed, status) = text.rsplit_once('~').unwrap_or((&text, "?"));
        let got = format!("status {}\n{printed}", status.trim_end());
        if got != expected {
            failures.push(format!(
                "$ {line}\n--- tree 2.1:\n{expected}\n--- wasmix:\n{got}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
