//! Running a command line in bash with the GNU tools of this machine and in wasmix, over
//! the same files (a host directory mounted into wasmix), and comparing what each printed
//! and its status.

use std::io::Write;
use std::process::{Command, Stdio};

use std::borrow::Cow;

pub struct Case {
    command: Cow<'static, str>,
    stdin: &'static str,
}

pub const fn case(command: &'static str) -> Case {
    Case {
        command: Cow::Borrowed(command),
        stdin: "",
    }
}

pub const fn fed(command: &'static str, stdin: &'static str) -> Case {
    Case {
        command: Cow::Borrowed(command),
        stdin,
    }
}

/// A case whose command line is made at run time (set-up commands joined to it, say).
pub fn made(command: String, stdin: &'static str) -> Case {
    Case {
        command: Cow::Owned(command),
        stdin,
    }
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
    // A command may end without reading all its input (GNU xargs after an error, say):
    // what it read is what counts, so a closed pipe is no failure of the harness.
    let written = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    if let Err(e) = written {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    let out = child.wait_with_output().unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

/// Runs every case both ways and reports all differences at once.
pub fn compare(cases: &[Case]) {
    compare_as(cases, Privilege::AsStarted);
}

/// `compare`, with bash and GNU run as a user who is not root and owns the files, as
/// wasmix's one user owns its own: Linux lets root read and search anything, so what a
/// file's mode forbids shows only this way. (The tests may run as root; then bash runs
/// as `nobody`, through util-linux's `setpriv`.)
pub fn compare_unprivileged(cases: &[Case]) {
    compare_as(cases, Privilege::Unprivileged);
}

#[derive(Clone, Copy, PartialEq)]
enum Privilege {
    AsStarted,
    Unprivileged,
}

const NOBODY: &str = "65534";

fn running_as_root() -> bool {
    let id = Command::new("id").arg("-u").output().unwrap();
    String::from_utf8_lossy(&id.stdout).trim() == "0"
}

fn compare_as(cases: &[Case], privilege: Privilege) {
    let drop_root = privilege == Privilege::Unprivileged && running_as_root();
    let mut differences = Vec::new();
    for case in cases {
        // Each side gets fresh files, since commands may change them.
        let gnu_data = data_dir();
        let mut gnu = if drop_root {
            let owner = format!("{NOBODY}:{NOBODY}");
            let chown = Command::new("chown")
                .args(["-R", &owner])
                .arg(gnu_data.path())
                .status()
                .unwrap();
            assert!(chown.success());
            let mut setpriv = Command::new("setpriv");
            setpriv.args([
                &format!("--reuid={NOBODY}"),
                &format!("--regid={NOBODY}"),
                "--clear-groups",
                "bash",
            ]);
            setpriv
        } else {
            Command::new("bash")
        };
        // Under wasmix's own umask, whatever the one the tests were started with.
        gnu.arg("-c")
            .arg(format!("umask 022; {}", case.command))
            .current_dir(gnu_data.path())
            .env("LC_ALL", "C");
        let expected = output(gnu, case.stdin);

        let wasmix_data = data_dir();
        let mount = format!("{}:/data", wasmix_data.path().display());
        let mut wasmix = Command::new(super::WASMIX);
        wasmix
            .arg("--cache-dir")
            .arg(super::shared_cache())
            .args(["--ephemeral", "--mount", &mount, "-c"])
            .arg(format!("cd /data; {}", case.command))
            .env("LC_ALL", "C");
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

/// Each command, run after the same set-up commands.
pub fn after(setup: &str, commands: &[&str]) -> Vec<Case> {
    commands
        .iter()
        .map(|command| made(format!("{setup}{command}"), ""))
        .collect()
}
