//! Shell input meant to break things: each ends with one error line and a status, and the
//! kernel (and the shell, where it goes on) survives.

mod support;

use std::time::{Duration, Instant};
use support::run;

/// Runs shell text from a file, as a script (for texts too long for a command line).
fn run_script(text: &str) -> support::Run {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("input.sh");
    std::fs::write(&script, text).unwrap();
    support::wasmix()
        .arg("--ephemeral")
        .arg(&script)
        .output()
        .unwrap()
        .into()
}

#[test]
fn a_one_mebibyte_command_line_runs() {
    let word = "a".repeat(1 << 20);
    let out = run_script(&format!("echo {word} | wc -c\necho done\n"));
    assert_eq!(
        out.stdout,
        format!("{}\ndone\n", (1 << 20) + 1),
        "{}",
        out.stderr
    );
}

#[test]
fn deep_nesting_is_a_syntax_error_not_a_stack_overflow() {
    let braces = format!(
        "{}echo hi{}\necho never\n",
        "{ ".repeat(5000),
        "; }".repeat(5000)
    );
    let out = run_script(&braces);
    assert_eq!(out.status, 2);
    assert!(
        out.stderr
            .contains("syntax error: commands nested too deeply"),
        "{}",
        out.stderr
    );
    // Unbalanced `((((`: the parser's work would double with each one.
    let started = Instant::now();
    let out = run(&format!("{} echo hi", "(".repeat(400)));
    assert_eq!(out.status, 2);
    assert!(started.elapsed() < Duration::from_secs(5));
    // Within the limits, nesting works.
    let out = run_script(&format!(
        "{}echo nested{}\n",
        "{ ".repeat(150),
        "; }".repeat(150)
    ));
    assert_eq!(out.stdout, "nested\n", "{}", out.stderr);
}

#[test]
fn deeply_nested_substitutions_stop_with_an_error() {
    // Written out, 200 deep, they parse and run, as in bash: the innermost prints a word
    // that the next runs as a command.
    let mut text = "echo deep".to_string();
    for _ in 0..200 {
        text = format!("$({text})");
    }
    let out = run(&format!("echo {text}; echo survived"));
    assert_eq!(out.stdout, "\nsurvived\n");
    assert_eq!(out.stderr, "wasmix: line 1: deep: command not found\n");
    // Made by recursion, two to a call, they stop at the limit on substitutions before
    // the one on calls.
    let out = run("f() { echo $(echo $(f)); }; f; echo survived");
    assert!(out.stdout.ends_with("survived\n"), "{}", out.stdout);
    assert_eq!(
        out.stderr,
        // Inside a function typed in `-c` text, bash names the file `environment`.
        "environment: line 1: command substitutions nested more than 1000 deep\n"
    );
}

#[test]
fn runaway_recursion_stops_at_the_call_limit() {
    // As bash's FUNCNEST: the rest of the line is dropped, and the next runs.
    let out = run("f() { f; }; f; echo \"not reached\"\necho \"after $?\"");
    assert_eq!(out.stdout, "after 1\n");
    assert_eq!(
        out.stderr,
        "environment: line 1: f: maximum function nesting level exceeded (1000)\n"
    );
}

#[test]
fn a_fork_bomb_fills_the_table_and_the_shell_goes_on() {
    let started = Instant::now();
    // `pwd` is a builtin: it needs no slot in the full table (`sleep` may not get one).
    // A table of 256 keeps the bomb small; the default holds 10,240.
    let out = support::run_with(
        &["--max-processes", "256"],
        "b() { b | b & }; b; sleep 1; pwd",
    );
    assert_eq!(
        out.stdout,
        "/home/user\n",
        "{}",
        out.stderr.lines().next().unwrap_or("")
    );
    assert!(
        out.stderr
            .contains("cannot start a process: the table is full (256 processes)"),
        "{}",
        out.stderr.lines().next().unwrap_or("")
    );
    assert!(started.elapsed() < Duration::from_secs(30));
}

#[test]
fn syntax_errors_name_the_line_and_token() {
    let out = run("echo one\nif true; then\necho two\nfi fi\necho never");
    assert_eq!(out.stdout, "one\n");
    assert_eq!(out.status, 2);
    assert_eq!(
        out.stderr,
        "wasmix: -c: line 4: syntax error near unexpected token `fi'\nwasmix: -c: line 4: `fi fi'\n"
    );
}

#[test]
fn ulimit_bounds_the_cpu_time_and_memory_of_new_processes() {
    let out = run("ulimit -t 1; spin; echo \"status $?\"; ulimit -t");
    assert_eq!(out.stdout, "status 152\n1\n");
    // As bash tells of a command a signal ended: its pid, the signal's words, the command.
    let (prefix, report) = out.stderr.split_at("wasmix: line 1: ".len());
    assert_eq!(prefix, "wasmix: line 1: ");
    assert_eq!(report.trim_start(), "2 CPU time limit exceeded spin\n");
    // `pwd` is a builtin: it needs no memory of its own.
    let out = run("(ulimit -v 512; seq 1 3; pwd); ulimit -v; seq 1 2");
    assert_eq!(out.stdout, "/home/user\n524288\n1\n2\n");
    assert_eq!(
        out.stderr,
        "wasmix: line 1: seq: crashed: out of memory (limit 512 KiB)\n"
    );
}
