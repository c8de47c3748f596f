//! Userland against GNU coreutils: each command line runs in bash with the GNU tools of this
//! machine and in wasmix, over the same files (a host directory mounted into wasmix), and
//! what they print and their statuses must be the same.

mod support;

use std::io::Write;
use std::process::{Command, Stdio};

struct Case {
    command: &'static str,
    stdin: &'static str,
}

const fn case(command: &'static str) -> Case {
    Case { command, stdin: "" }
}

const fn fed(command: &'static str, stdin: &'static str) -> Case {
    Case { command, stdin }
}

/// The files both sides see: `lines.txt`, `words.txt`, `empty`, and a directory `dir`.
fn data_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let lines: String = (1..=12).map(|n| format!("line {n}\n")).collect();
    std::fs::write(dir.path().join("lines.txt"), lines).unwrap();
    std::fs::write(
        dir.path().join("words.txt"),
        "the quick  brown\tfox\n\njumps over\nthe lazy dog",
    )
    .unwrap();
    std::fs::write(dir.path().join("empty"), "").unwrap();
    std::fs::create_dir(dir.path().join("dir")).unwrap();
    dir
}

fn output(mut command: Command, stdin: &str) -> (String, String, i32) {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

/// Runs every case both ways and reports all differences at once.
fn compare(cases: &[Case]) {
    let data = data_dir();
    let mount = format!("{}:/data", data.path().display());
    let mut differences = Vec::new();
    for case in cases {
        let mut gnu = Command::new("bash");
        gnu.arg("-c")
            .arg(case.command)
            .current_dir(data.path())
            .env("LC_ALL", "C");
        let expected = output(gnu, case.stdin);

        let mut wasmix = Command::new(support::WASMIX);
        wasmix
            .arg("--cache-dir")
            .arg(support::shared_cache())
            .args(["--ephemeral", "--mount", &mount, "-c"])
            .arg(format!("cd /data; {}", case.command));
        let actual = output(wasmix, case.stdin);
        if actual != expected {
            differences.push(format!(
                "$ {}\n  GNU:    {expected:?}\n  wasmix: {actual:?}",
                case.command
            ));
        }
    }
    assert!(differences.is_empty(), "\n{}", differences.join("\n"));
}

#[test]
fn echo() {
    compare(&[
        case("echo hello   world"),
        case("echo -n no newline"),
        case(r"echo -e 'a\tb\nc\x41\0101'"),
        case(r"echo -E 'a\tb'"),
        case("echo -nx -- -n"),
        case(r"echo -e 'stop\cnot shown'"),
    ]);
}

#[test]
fn cat() {
    compare(&[
        case("cat lines.txt"),
        case("cat -n lines.txt words.txt"),
        fed("cat - lines.txt", "from stdin\n"),
        case("cat nosuch lines.txt"),
        case("cat dir"),
        case("cat --bogus"),
    ]);
}

#[test]
fn true_and_false() {
    compare(&[
        case("true; echo $?"),
        case("true anything at all; echo $?"),
        case("false; echo $?"),
        case("false --bogus; echo $?"),
    ]);
}

#[test]
fn yes() {
    compare(&[
        case("yes | head -n 3"),
        case("yes abc def | head -n 2"),
        case("yes | head -c 5"),
        case("yes --bogus"),
    ]);
}

#[test]
fn head() {
    compare(&[
        case("head lines.txt"),
        case("head -n 3 lines.txt"),
        case("head -3 lines.txt"),
        case("head -c 10 lines.txt"),
        case("head -n -2 lines.txt"),
        case("head -c -5 words.txt"),
        case("head -n 2 lines.txt words.txt"),
        case("head -q -n1 lines.txt words.txt"),
        case("head -n 2 nosuch lines.txt"),
        case("head -n x lines.txt"),
        case("head -c 1K lines.txt"),
        fed("head -n 1", "one\ntwo\n"),
    ]);
}

#[test]
fn wc() {
    compare(&[
        case("wc lines.txt"),
        case("wc -l lines.txt words.txt"),
        case("wc -w words.txt"),
        case("wc -c lines.txt"),
        case("wc -lc empty words.txt"),
        case("cat lines.txt | wc"),
        case("cat words.txt | wc -l"),
        case("wc nosuch lines.txt"),
        case("wc -x"),
    ]);
}

#[test]
fn seq() {
    compare(&[
        case("seq 5"),
        case("seq 2 5"),
        case("seq 1 2 10"),
        case("seq 5 -1 1"),
        case("seq -3 -1"),
        case("seq -s, 1 5"),
        case("seq -w 8 11"),
        case("seq 0 0.1 0.3"),
        case("seq 1 0.5 3"),
        case("seq 1 0"),
        case("seq"),
        case("seq a"),
        case("seq 1 0 3"),
        case("seq 1 2 3 4"),
    ]);
}

#[test]
fn sleep() {
    compare(&[
        case("sleep 0.1; echo done"),
        case("sleep 0.05 0.05s; echo done"),
        case("sleep x"),
        case("sleep"),
    ]);
}
