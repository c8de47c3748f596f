//! dc against GNU dc 1.4.1: each command line of `tests/data/dc/cases.txt` runs in wasmix
//! in that directory (mounted), and prints, byte for byte with its messages, what GNU dc
//! printed for it (`expected/N`, recorded by `record.sh`): every command, the command lines
//! of BusyBox's dc tests, tail-recursive loops, `q`/`Q` at each depth, and each error.

mod support;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/data/dc");

#[test]
fn dc_prints_what_gnu_dc_prints() {
    let cases = std::fs::read_to_string(format!("{DATA}/cases.txt")).unwrap();
    let mount = format!("{DATA}:/data:ro");
    let mut failures = Vec::new();
    for (n, line) in cases.lines().enumerate() {
        let expected = std::fs::read(format!("{DATA}/expected/{n}")).unwrap();
        let script = format!("cd /data && ({line}) 2>&1; echo \"~$?\"");
        let out = support::wasmix()
            .args(["--ephemeral", "--mount", &mount, "-c", &script])
            .output()
            .unwrap();
        let at = out.stdout.iter().rposition(|&b| b == b'~').unwrap_or(0);
        let status = String::from_utf8_lossy(&out.stdout[at + 1..]);
        let mut got = format!("status {}\n", status.trim_end()).into_bytes();
        got.extend_from_slice(&out.stdout[..at]);
        if got != expected {
            failures.push(format!(
                "$ {line}\n--- GNU dc:\n{}\n--- wasmix:\n{}",
                String::from_utf8_lossy(&expected),
                String::from_utf8_lossy(&got)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
