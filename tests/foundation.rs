//! The foundation: processes, pipes, exit statuses, kill, the program cache and the first
//! shell, seen from outside as a user sees them.

mod support;

use std::path::PathBuf;
use std::time::{Duration, Instant};
use support::{Run, WASMIX, run, run_with, wasmix};

#[test]
fn echo_through_cat() {
    let out = run("echo hello world | cat");
    assert_eq!(out.stdout, "hello world\n");
    assert_eq!(out.status, 0);
}

#[test]
fn quotes_and_escapes_make_words() {
    let out = run(r#"echo 'single  quoted' "double  quoted" back\ slash "a\"b" '$HOME' "$HOME""#);
    assert_eq!(
        out.stdout,
        "single  quoted double  quoted back slash a\"b $HOME /home/user\n"
    );
}

/// `~user` is the home of wasmix's one user whatever `HOME` says, as bash takes it from
/// the password database; a user that does not exist leaves the word as it is.
#[test]
fn tilde_user_is_the_users_home() {
    let out = run("HOME=/tmp; echo ~user ~user/x ~nosuch ~; x=a:~user; echo $x; cd ~user && pwd");
    assert_eq!(
        out.stdout,
        "/home/user /home/user/x ~nosuch /tmp\na:/home/user\n/home/user\n"
    );
}

#[test]
fn lists_run_in_order() {
    let out = run("echo one; echo two ; false; echo three");
    assert_eq!(out.stdout, "one\ntwo\nthree\n");
}

#[test]
fn a_million_lines_stream_through_a_pipe() {
    let out = run("seq 1 1000000 | wc -l");
    assert_eq!(out.stdout, "1000000\n");
    assert_eq!(out.status, 0);
}

/// Peak resident memory (KiB) of a wasmix run, read from the kernel's accounting of the
/// child we waited for.
#[allow(clippy::zombie_processes)] // The child is reaped by wait4, which std cannot see.
fn peak_rss_kib(script: &str) -> i64 {
    let child = wasmix()
        .arg("-c")
        .arg(script)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child, once, with valid pointers.
    let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    assert_eq!(pid, child.id() as i32);
    assert_eq!(libc::WEXITSTATUS(status), 0);
    usage.ru_maxrss
}

#[test]
fn pipeline_memory_is_bounded_by_the_pipe_not_the_data() {
    // Warm the compile cache, so both measured runs only load artifacts.
    run("seq 1 10 | wc -l");
    let small = peak_rss_kib("seq 1 10 | wc -l");
    // About 38 MB of text crosses the pipe.
    let large = peak_rss_kib("seq 1 5000000 | wc -l");
    assert!(
        large < small + 16 * 1024,
        "peak memory grew from {small} KiB to {large} KiB with the data"
    );
}

#[test]
fn yes_stops_when_head_has_enough() {
    let started = Instant::now();
    let out = run("yes | head -n 3");
    assert_eq!(out.stdout, "y\ny\ny\n");
    assert_eq!(out.status, 0);
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[test]
fn exit_statuses_reach_the_shell() {
    assert_eq!(run("false").status, 1);
    assert_eq!(run("true").status, 0);
    assert_eq!(run("exit 42").status, 42);
    assert_eq!(run("false; true").status, 0);
    assert_eq!(run("true | false").status, 1);
}

#[test]
fn unknown_command_is_127_and_the_shell_goes_on() {
    let out = run("nosuchcmd; echo next");
    assert_eq!(out.stderr, "wasmix: line 1: nosuchcmd: command not found\n");
    assert_eq!(out.stdout, "next\n");
    assert_eq!(run("nosuchcmd").status, 127);
}

#[test]
fn unterminated_quote_is_a_syntax_error() {
    let out = run("echo \"abc");
    assert_eq!(out.status, 2);
    assert_eq!(
        out.stderr,
        "wasmix: -c: line 1: unexpected EOF while looking for matching `\"'\n"
    );
    // As in bash, the complete commands before the error still run.
    let out = run("echo ok\necho 'abc");
    assert_eq!(out.status, 2);
    assert_eq!(out.stdout, "ok\n");
    assert!(
        out.stderr.contains("line 2: unexpected EOF"),
        "{}",
        out.stderr
    );
}

#[test]
fn misplaced_token_is_named() {
    let out = run("echo a; fi");
    assert_eq!(out.status, 2);
    assert_eq!(
        out.stderr,
        "wasmix: -c: line 1: syntax error near unexpected token `fi'\nwasmix: -c: line 1: `echo a; fi'\n"
    );
}

#[test]
fn second_boot_compiles_nothing() {
    let cache = support::private_dir();
    let cache_arg = cache.path().to_str().unwrap();
    let state = support::state_with(&[(
        "/bin/misbehave",
        std::fs::read(support::fixture("misbehave")).unwrap(),
    )]);
    let state_arg = state.path().to_str().unwrap();
    let options = ["--cache-dir", cache_arg, "--state", state_arg, "--trace"];
    let first = run_with(&options, "misbehave exit 0");
    assert!(
        first
            .stderr
            .starts_with("wasmix: compiled /bin/misbehave by the baseline compiler in ")
            && first.stderr.ends_with(" ms\n"),
        "{}",
        first.stderr
    );
    // The optimising compiler's artifact, from the background.
    assert_eq!(support::await_artifacts(cache.path(), 1).len(), 1);
    let second = run_with(&options, "misbehave exit 0");
    assert_eq!(second.status, 0);
    assert_eq!(second.stderr, "", "the second run compiled something");
}

/// A program seen for the first time runs on the baseline compiler's code while the
/// optimising compiler compiles it in the background; the next run loads that, and both
/// give the same output. Shown for a component and for a preview 1 module.
#[test]
fn programs_move_from_the_baseline_tier_to_the_optimised_one() {
    let cache = support::private_dir();
    let data = tempfile::tempdir().unwrap();
    std::fs::write(data.path().join("in.txt"), "from the host\n").unwrap();
    let grant = format!("{}::/data", data.path().display());
    let run = |program: PathBuf, args: &[&str]| -> Run {
        std::process::Command::new(WASMIX)
            .arg("--cache-dir")
            .arg(cache.path())
            .args(["--trace", "run", "--dir", &grant])
            .arg(program)
            .args(args)
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap()
            .into()
    };
    let runs = || {
        [
            run(support::fixture("wasi02-probe"), &["files"]),
            run(
                support::preview1_fixture("p1-files"),
                &["/data/in.txt", "/data/out.txt", "/data/in.txt"],
            ),
        ]
    };
    let baseline = runs();
    for out in &baseline {
        let (trace, _) = out.stderr.split_once('\n').unwrap_or_default();
        assert!(
            trace.starts_with("wasmix: compiled ")
                && trace.contains(" by the baseline compiler in "),
            "{}",
            out.stderr
        );
    }
    assert_eq!(support::await_artifacts(cache.path(), 2).len(), 2);
    let optimized = runs();
    for (first, second) in baseline.iter().zip(&optimized) {
        let (_, first_stderr) = first.stderr.split_once('\n').unwrap();
        assert_eq!(
            (&first.stdout, first_stderr, first.status),
            (&second.stdout, second.stderr.as_str(), second.status)
        );
    }
    assert!(
        optimized[1].stdout.starts_with("from the host\n"),
        "{}",
        optimized[1].stdout
    );
    assert!(
        optimized[0].stdout.lines().count() > 5,
        "{}",
        optimized[0].stdout
    );
}

/// A program the baseline compiler cannot compile (here: it throws and catches an
/// exception, which Winch does not support) runs all the same, compiled by the optimising
/// compiler in place, with one line saying so; the next run loads it from the cache.
#[test]
fn a_program_winch_cannot_compile_falls_back_to_cranelift_with_one_line() {
    let cache = support::private_dir();
    let program = tempfile::tempdir().unwrap();
    let wasm = program.path().join("catches.wasm");
    let module = wat::parse_str(
        r#"(module
  (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (tag $oops)
  (data (i32.const 16) "caught\0a")
  (func (export "_start")
    (block $handler
      (try_table (catch $oops $handler)
        (throw $oops)))
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 7))
    (drop (call $write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))"#,
    )
    .unwrap();
    std::fs::write(&wasm, module).unwrap();
    let run = || -> Run {
        std::process::Command::new(WASMIX)
            .arg("--cache-dir")
            .arg(cache.path())
            .arg("run")
            .arg(&wasm)
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap()
            .into()
    };
    let first = run();
    assert_eq!((first.stdout.as_str(), first.status), ("caught\n", 0));
    let lines: Vec<&str> = first.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{}", first.stderr);
    assert!(
        lines[0].starts_with(&format!(
            "wasmix: {}: compiled by the optimising compiler only: the baseline compiler cannot (",
            wasm.display()
        )),
        "{}",
        first.stderr
    );
    let second = run();
    assert_eq!(
        (
            second.stdout.as_str(),
            second.stderr.as_str(),
            second.status
        ),
        ("caught\n", "", 0)
    );
}

/// `/bin` is compiled when wasmix is built: a pipeline on an empty cache compiles nothing
/// and leaves the cache empty.
#[test]
fn bin_is_compiled_at_build_time() {
    let cache = support::private_dir();
    let cache_arg = cache.path().to_str().unwrap();
    let out = run_with(
        &["--cache-dir", cache_arg, "--trace"],
        "seq 1 100 | grep 7 | wc -l",
    );
    assert_eq!((out.stdout.as_str(), out.stderr.as_str()), ("19\n", ""));
    assert_eq!(std::fs::read_dir(cache.path()).unwrap().count(), 0);
}

/// Under a limit on address space the engine lays memories out differently, so the code
/// compiled at build time does not fit it: it is compiled again, never run.
#[test]
fn bin_compiled_for_other_settings_is_compiled_again() {
    let cache = support::private_dir();
    let out: Run = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "ulimit -v 4194304; exec {WASMIX} --ephemeral --trace --cache-dir {} -c 'seq 1 100 | grep 7 | wc -l'",
            cache.path().display()
        ))
        .output()
        .unwrap()
        .into();
    assert_eq!(out.stdout, "19\n", "{}", out.stderr);
    let mut lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(
        lines.remove(0),
        "wasmix: /bin was compiled for other engine settings; compiling it here"
    );
    lines.sort();
    assert_eq!(lines.len(), 3, "{}", out.stderr);
    for (line, program) in lines.iter().zip(["grep", "seq", "wc"]) {
        assert!(
            line.starts_with(&format!("wasmix: compiled /bin/{program} ")),
            "{}",
            out.stderr
        );
    }
}

#[test]
fn help_option_describes_the_modes() {
    let out = std::process::Command::new(WASMIX)
        .arg("--help")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("-c <COMMANDS>"), "{text}");
    assert!(text.contains("--cache-dir"), "{text}");
}

#[test]
fn help_sets_each_description_apart_from_its_synopsis() {
    let out = run("help");
    let lines: Vec<&str> = out.stdout.lines().collect();
    let listed = lines
        .iter()
        .enumerate()
        .filter(|(_, line)| line.starts_with("  ") && !line.starts_with("   "));
    let mut count = 0;
    for (at, line) in listed {
        count += 1;
        let apart = line[2..].contains("  ")
            || lines
                .get(at + 1)
                .is_some_and(|next| next.starts_with(&" ".repeat(36)));
        assert!(apart, "{line}");
    }
    assert!(count > 50, "{}", out.stdout);
}

/// The fixture programs installed in /bin, and a file there that is no program at all.
fn misbehaving_bin() -> tempfile::TempDir {
    support::state_with(&[
        (
            "/bin/misbehave",
            std::fs::read(support::fixture("misbehave")).unwrap(),
        ),
        (
            "/bin/library",
            std::fs::read(support::fixture("nocommand")).unwrap(),
        ),
        (
            "/bin/notwasm",
            b"\x7fELF\x02\x01\x01\0 a native program".to_vec(),
        ),
    ])
}

#[test]
fn any_exit_status_reaches_the_shell() {
    let state = misbehaving_bin();
    assert_eq!(support::run_in(&state, "misbehave exit 42").status, 42);
    let out = support::run_in(&state, "misbehave exit 200; echo $?");
    assert_eq!(out.stdout, "200\n");
}

#[test]
fn a_file_that_is_not_wasm_is_refused_with_126() {
    let state = misbehaving_bin();
    let out = support::run_in(&state, "notwasm; echo next");
    assert_eq!(
        out.stderr,
        "wasmix: line 1: /bin/notwasm: cannot execute: not a WebAssembly program\n"
    );
    assert_eq!(out.stdout, "next\n");
    assert_eq!(support::run_in(&state, "notwasm").status, 126);
}

#[test]
fn a_component_without_run_is_refused_with_126() {
    let state = misbehaving_bin();
    let out = support::run_in(&state, "library; echo next");
    assert_eq!(
        out.stderr,
        "wasmix: line 1: /bin/library: cannot execute: does not export wasi:cli/run\n"
    );
    assert_eq!(out.stdout, "next\n");
    assert_eq!(support::run_in(&state, "library").status, 126);
}

#[test]
fn traps_are_reported_in_one_line_and_the_pipeline_ends_cleanly() {
    let state = misbehaving_bin();
    for (mode, reason) in [
        ("panic", "wasm `unreachable` instruction executed"),
        ("out-of-bounds", "out of bounds memory access"),
        ("stack-overflow", "out of bounds memory access"),
        ("memory-bomb", "out of memory (limit 512 MiB)"),
    ] {
        let out = support::run_in(&state, &format!("misbehave {mode}"));
        assert_eq!(out.status, 134, "{mode}");
        let report = format!("wasmix: line 1: misbehave: crashed: {reason}\n");
        assert!(out.stderr.ends_with(&report), "{mode}: {}", out.stderr);

        let out = support::run_in(&state, &format!("misbehave {mode} | wc -l; echo next"));
        assert_eq!(out.stdout, "0\nnext\n", "{mode}");
        assert_eq!(out.status, 0);
    }
}

#[test]
fn scripts_run_with_their_arguments() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("greet.sh");
    std::fs::write(
        &script,
        "#!/bin/wasmix\necho hello \"$1\" from $0\nseq $2 | wc -l\nexit 7\n",
    )
    .unwrap();
    let out = wasmix()
        .arg("--ephemeral")
        .arg(&script)
        .args(["world", "5"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        stdout,
        format!("hello world from {}\n5\n", script.display())
    );
    assert_eq!(out.status.code(), Some(7));
}

#[test]
fn a_script_with_a_syntax_error_names_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("broken.sh");
    std::fs::write(&script, "echo one\necho two\necho 'three\n").unwrap();
    let out = wasmix().arg("--ephemeral").arg(&script).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "{}: line 3: unexpected EOF while looking for matching `''\n",
            script.display()
        )
    );
}

#[test]
fn every_program_answers_help() {
    for program in [
        "cat", "echo", "false", "head", "seq", "sleep", "spin", "true", "wc", "yes",
    ] {
        // By path: echo, true and false are also builtins, which take no --help.
        let out = run(&format!("/bin/{program} --help"));
        assert!(
            out.stdout.starts_with(&format!("Usage: {program}")),
            "{program}: {}",
            out.stdout
        );
        let expected = if program == "false" { 1 } else { 0 };
        assert_eq!(out.status, expected, "{program}");
    }
}

#[test]
fn bad_options_read_like_gnu() {
    let out = run("head --bogus");
    assert_eq!(
        out.stderr,
        "head: unrecognized option '--bogus'\nTry 'head --help' for more information.\n"
    );
    assert_eq!(out.status, 1);
}

/// `--profile=perfmap` names the code of every wasm function in /tmp/perf-PID.map, where
/// `perf report` looks for it; `--profile=jitdump` writes ./jit-PID.dump for `perf inject`.
#[test]
fn profiling_tells_perf_about_wasm_code() {
    let dir = tempfile::tempdir().unwrap();
    let child = std::process::Command::new(WASMIX)
        .args(["--ephemeral", "--profile=perfmap", "-c", "seq 1 3 | wc -l"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let map = PathBuf::from(format!("/tmp/perf-{}.map", child.id()));
    let out = child.wait_with_output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "3\n");
    let text = std::fs::read_to_string(&map).unwrap();
    std::fs::remove_file(&map).unwrap();
    // Each line: start address, size, name; wasm functions are named by their module.
    assert!(
        text.lines()
            .filter(|line| line.split(' ').count() >= 3 && line.contains("wasm"))
            .count()
            > 100,
        "{text}"
    );

    let child = std::process::Command::new(WASMIX)
        .args(["run", "--profile=jitdump"])
        .arg(support::fixture("misbehave"))
        .args(["exit", "0"])
        .current_dir(dir.path())
        .spawn()
        .unwrap();
    let dump = dir.path().join(format!("jit-{}.dump", child.id()));
    assert!(child.wait_with_output().unwrap().status.success());
    let bytes = std::fs::read(&dump).unwrap();
    // The jitdump header's magic number, "JiTD" as a little-endian u32.
    assert_eq!(&bytes[..4], b"DTiJ");
}
