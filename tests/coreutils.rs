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
    let mut differences = Vec::new();
    for case in cases {
        // Each side gets fresh files, since commands may change them.
        let gnu_data = data_dir();
        let mut gnu = Command::new("bash");
        gnu.arg("-c")
            .arg(case.command)
            .current_dir(gnu_data.path())
            .env("LC_ALL", "C");
        let expected = output(gnu, case.stdin);

        let wasmix_data = data_dir();
        let mount = format!("{}:/data", wasmix_data.path().display());
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

#[test]
fn ls() {
    compare(&[
        case("ls"),
        case("ls -a"),
        case("ls -A dir"),
        case("ls -1 lines.txt dir nosuch"),
        case("mkdir -p dir/sub; touch dir/sub/x dir/y; ls -R dir"),
        case("ls -r"),
        case("ls -d dir lines.txt"),
        case("ls nosuch"),
    ]);
}

#[test]
fn mkdir_and_rmdir() {
    compare(&[
        case("mkdir new && ls -d new"),
        case("mkdir dir"),
        case("mkdir -p a/b/c && ls -R a"),
        case("mkdir -pv x/y"),
        case("mkdir"),
        case("mkdir nosuch/x"),
        case("mkdir -p d/e && rmdir -p d/e && ls"),
        case("rmdir lines.txt"),
        case("rmdir nosuch dir; ls"),
    ]);
}

#[test]
fn rm() {
    compare(&[
        case("rm lines.txt && ls"),
        case("rm nosuch"),
        case("rm -f nosuch; echo $?"),
        case("rm dir"),
        case("mkdir -p t/u && touch t/u/f && rm -r t && ls"),
        case("rm -d dir && ls"),
        case("rm -rv dir"),
        case("rm"),
    ]);
}

#[test]
fn cp_and_mv() {
    compare(&[
        case("cp lines.txt copy && cat copy"),
        case("cp lines.txt words.txt dir && ls dir"),
        case("cp nosuch x"),
        case("cp dir x"),
        case("cp lines.txt lines.txt"),
        case("cp -r dir d2 && ls"),
        case("cp lines.txt words.txt empty"),
        case("cp lines.txt words.txt nosuch"),
        case("mv lines.txt moved && ls"),
        case("mv words.txt dir && ls . dir"),
        case("mv nosuch x"),
        case("mv -v empty e2"),
        case("cp"),
    ]);
}

#[test]
fn touch_ln_readlink_stat() {
    compare(&[
        case("touch new && ls"),
        case("touch -c none; ls"),
        case("touch nosuch/x"),
        case("ln -s lines.txt link && cat link | head -n 2 && readlink link"),
        case("ln -s lines.txt words.txt"),
        case("readlink lines.txt; echo $?"),
        case("ln -s lines.txt link && readlink -f link | wc -l"),
        case("mkdir -p a/b && ln -s ../../lines.txt a/b/up && cat a/b/up | wc -l"),
        case("stat -c '%n %s %F' lines.txt empty dir"),
        case("ln -s words.txt l && stat -c '%N %F' l"),
        case("stat nosuch"),
    ]);
}

#[test]
fn find() {
    compare(&[
        case("find dir"),
        case("find . -name 'l*.txt'"),
        case("find . -iname 'WORDS*'"),
        case("find . -type f -name empty"),
        case("mkdir -p a/b/c; find a -maxdepth 1"),
        case("mkdir -p a/b/c; find a -mindepth 2 -type d -name c"),
        case("find nosuch"),
    ]);
}

#[test]
fn tee() {
    compare(&[
        fed("tee out && cat out", "one\ntwo\n"),
        fed(
            "tee -a lines.txt > /dev/null && cat lines.txt | wc -l",
            "more\n",
        ),
        fed("tee a b > /dev/null && cat a b", "x\n"),
        fed("tee nosuch/x", "y\n"),
    ]);
}
