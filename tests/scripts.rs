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

/// Runs every script one way and compares it with bash's recording.
fn compare_with_bash(run: impl Fn(&Path) -> std::process::Output) {
    let scripts = scripts();
    assert!(
        scripts.len() >= 150,
        "the corpus has {} scripts",
        scripts.len()
    );
    let mut differences = Vec::new();
    for script in &scripts {
        let expected = expected(script);
        let out = run(script);
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

#[test]
fn scripts_behave_as_in_bash() {
    compare_with_bash(|script| {
        support::wasmix()
            .arg("--ephemeral")
            .arg(script)
            .args(["first", "second"])
            .output()
            .unwrap()
    });
}

/// The same scripts run by `sh`, the shell as a process of its own inside wasmix.
#[test]
fn scripts_run_by_sh_inside_wasmix_behave_as_in_bash() {
    let mount = format!("{}:/scripts:ro", corpus().display());
    compare_with_bash(|script| {
        let name = script.file_name().unwrap().to_string_lossy();
        support::wasmix()
            .args(["--ephemeral", "--mount", &mount, "-c"])
            .arg(format!("sh /scripts/{name} first second"))
            .output()
            .unwrap()
    });
}

/// Scripts run by path: their `#!` line names the interpreter, as on Linux.
#[test]
fn scripts_run_by_path_use_their_interpreter() {
    let out = support::run(
        "printf '#!/bin/sh\\necho sh got: \"$@\"\\nexit 3\\n' > /tmp/s; \\
         printf '#!/bin/bash -e\\nfalse\\necho never\\n' > /tmp/e; \\
         printf '#!/bin/cat\\nfirst line\\n' > /tmp/p; \\
         printf '#!/no/such\\n' > /tmp/n; chmod +x /tmp/s /tmp/e /tmp/p /tmp/n; \\
         /tmp/s a 'b c'; echo $?; /tmp/e; echo $?; /tmp/p; cd /tmp; ./s d; /tmp/n; echo $?",
    );
    assert_eq!(
        out.stdout, "sh got: a b c\n3\n1\n#!/bin/cat\nfirst line\nsh got: d\n127\n",
        "{}",
        out.stderr
    );
}

/// The shell as a program: for xargs, env, timeout and watch, through wasmix:process.
#[test]
fn sh_is_a_program_others_can_start() {
    support::gnu::compare(&[
        support::gnu::case("sh -c 'echo $0 $1' zero one; echo $?"),
        support::gnu::case("echo 'echo piped; exit 4' | sh; echo $?"),
        support::gnu::case("seq 1 3 | xargs -n 1 sh -c 'echo x$0'"),
        support::gnu::case("env sh -c 'echo through env'"),
        support::gnu::case("timeout 5 sh -c 'echo in time'; echo $?"),
        support::gnu::case("timeout 0.2 sh -c 'sleep 5'; echo $?"),
        support::gnu::case("printf 'echo from a file: $1\\n' > s.sh; sh s.sh arg"),
        support::gnu::case("bash -c 'exit 7'; echo $?"),
    ]);
}

/// Scripts on wasmix's own standard input, read a command at a time, against bash reading
/// the same file as its standard input (named `wasmix`, so that messages agree), each in
/// a directory of its own: what each prints on stdout and stderr, and its status.
#[test]
fn scripts_on_standard_input_run_as_bash_runs_them() {
    use std::os::unix::process::CommandExt;
    let mut bash = std::process::Command::new("bash");
    bash.arg0("wasmix");
    let mut wasmix = support::wasmix();
    wasmix.arg("--ephemeral");
    let differences = standard_input_differences("standard_input", bash, wasmix, true);
    assert!(differences.is_empty(), "\n{}", differences.join("\n"));
}

/// Each file of `tests/interactive_input` read by an interactive shell on its standard
/// input (`bash --norc -i < FILE` against `sh -i` inside wasmix, no history file): the
/// same output and status, so the history they keep is bash's. (Their prompts, on stderr,
/// differ.)
#[test]
fn commands_read_interactively_enter_the_history_as_in_bash() {
    let mut bash = std::process::Command::new("bash");
    bash.args(["--norc", "-i"]);
    let mut wasmix = support::wasmix();
    wasmix.args(["--ephemeral", "-c", "HISTFILE= sh -i"]);
    let differences = standard_input_differences("interactive_input", bash, wasmix, false);
    assert!(differences.is_empty(), "\n{}", differences.join("\n"));
}

/// Each file of `tests/CORPUS` given as standard input to `bash` and to `wasmix` (each
/// in a new directory, with no history file): the files whose stdout, status and, with
/// `stderr`, stderr differ, with both outcomes.
fn standard_input_differences(
    corpus: &str,
    mut bash: std::process::Command,
    mut wasmix: std::process::Command,
    stderr: bool,
) -> Vec<String> {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests")
        .join(corpus);
    let mut scripts: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    scripts.sort();
    assert!(!scripts.is_empty(), "no scripts in {}", corpus.display());
    let outcome = |command: &mut std::process::Command, script: &Path| {
        let dir = tempfile::tempdir().unwrap();
        let out = command
            .current_dir(dir.path())
            .env("LC_ALL", "C")
            .env("HISTFILE", "")
            .stdin(std::fs::File::open(script).unwrap())
            .output()
            .unwrap();
        let errors = String::from_utf8_lossy(&out.stderr).into_owned();
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            if stderr { errors } else { String::new() },
            out.status.code(),
        )
    };
    let mut differences = Vec::new();
    for script in &scripts {
        let expected = outcome(&mut bash, script);
        let actual = outcome(&mut wasmix, script);
        if actual != expected {
            differences.push(format!(
                "{}\n  bash:   {expected:?}\n  wasmix: {actual:?}",
                script.display()
            ));
        }
    }
    differences
}
