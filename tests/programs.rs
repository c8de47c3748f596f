//! Programs from elsewhere: preview 1 modules and components run from the host with
//! `wasmix run`, by path in the tree, and after `wasm-install`.

mod support;

use support::{fixture, preview1_fixture, run, run_in, state_with, wasmix};

#[test]
fn wasmix_run_starts_a_host_program_directly() {
    // As under `wasmtime run`: the program sees the --dir directories and nothing else.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("in.txt"), "from the host\n").unwrap();
    let module = preview1_fixture("p1-files");
    let out = wasmix()
        .arg("run")
        .arg("--dir")
        .arg(format!("{}::/data", dir.path().display()))
        .arg(&module)
        .args(["/data/in.txt", "/data/out.txt", "/etc/motd"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "from the host\n\n");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "p1-files: /etc/motd: No such file or directory (os error 44)\n"
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out.txt")).unwrap(),
        "written by a preview 1 program\n"
    );
    // Nothing but the directory given: no mount point was made in it.
    let mut names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(names, ["in.txt", "out.txt"]);

    let out = wasmix()
        .args(["--ephemeral", "run"])
        .arg(fixture("misbehave"))
        .args(["exit", "9"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(9));

    // A host call's error that is not a trap ends the program with 1, as under
    // `wasmtime run` (a trap gives 134).
    for (how, status, word) in [("empty-poll", 1, "failed"), ("panic", 134, "crashed")] {
        let out = wasmix()
            .args(["--ephemeral", "run"])
            .arg(fixture("misbehave"))
            .arg(how)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(status), "{how}: {stderr}");
        let reported = format!("misbehave.wasm: {word}: ");
        assert!(stderr.contains(&reported), "{how}: {stderr}");
    }
    let out = run_in(
        &state_with(&[(
            "/bin/misbehave",
            std::fs::read(fixture("misbehave")).unwrap(),
        )]),
        "misbehave empty-poll; echo status $?; echo x | xargs misbehave empty-poll 2>/dev/null; echo xargs $?",
    );
    // To xargs, as to GNU's, a command that ended with 1 makes its status 123.
    assert_eq!(out.stdout, "status 1\nxargs 123\n");
    assert!(
        out.stderr
            .starts_with("wasmix: line 1: misbehave: failed: ")
            && out.stderr.ends_with("empty poll list\n"),
        "{}",
        out.stderr
    );

    let out = wasmix()
        .args(["--ephemeral", "run", "/no/such/program.wasm"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(127));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "wasmix: /no/such/program.wasm: No such file or directory\n"
    );
}

#[test]
fn a_preview1_program_runs_by_path_and_after_install() {
    let module = std::fs::read(preview1_fixture("p1-files")).unwrap();
    let state = state_with(&[("/home/user/p1.wasm", module)]);
    let out = run_in(
        &state,
        "./p1.wasm /etc/motd /tmp/x /etc/profile | head -n 1",
    );
    assert!(
        out.stdout.starts_with("Welcome to wasmix"),
        "{}{}",
        out.stdout,
        out.stderr
    );

    // From the host, only on wasmix's own command line.
    let host = preview1_fixture("p1-files");
    let installed = wasmix()
        .arg("--state")
        .arg(state.path())
        .arg("install")
        .arg(&host)
        .arg("files")
        .output()
        .unwrap();
    assert!(installed.status.success(), "{installed:?}");
    let out = run_in(
        &state,
        "files /etc/profile /tmp/y /etc/motd | head -n 1; ls /bin | grep -c files; \
         wasm-install ~/p1.wasm p1again && p1again /etc/motd /tmp/z /etc/motd | head -n 1",
    );
    assert_eq!(
        out.stdout,
        "# System-wide settings for login shells.\n1\nWelcome to wasmix: every program here is a \
         sandboxed WebAssembly component.\n",
        "{}",
        out.stderr
    );
}

#[test]
fn wasm_install_refuses_what_cannot_run() {
    let out = run(
        "echo 'not wasm' > /tmp/bad.wasm; wasm-install /tmp/bad.wasm bad; echo $?; ls /bin/bad",
    );
    assert_eq!(out.stdout, "1\n");
    assert_eq!(
        out.stderr,
        "wasmix: line 1: wasm-install: /bin/bad: cannot execute: not a WebAssembly program\n\
         ls: cannot access '/bin/bad': No such file or directory\n"
    );
}

/// A WASI preview 1 module that imports a function nobody provides: in WAT,
/// `(module (import "env" "mystery_call" (func)) (memory (export "memory") 1)
///  (func (export "_start") call 0))`.
fn module_with_unknown_import() -> Vec<u8> {
    fn section(id: u8, body: &[u8]) -> Vec<u8> {
        let mut bytes = vec![id, body.len() as u8];
        bytes.extend_from_slice(body);
        bytes
    }
    fn name(text: &str) -> Vec<u8> {
        let mut bytes = vec![text.len() as u8];
        bytes.extend_from_slice(text.as_bytes());
        bytes
    }
    let mut imports = vec![1];
    imports.extend(name("env"));
    imports.extend(name("mystery_call"));
    imports.extend([0, 0]);
    let mut exports = vec![2];
    exports.extend(name("_start"));
    exports.extend([0, 1]);
    exports.extend(name("memory"));
    exports.extend([2, 0]);
    let mut module = b"\0asm\x01\0\0\0".to_vec();
    module.extend(section(1, &[1, 0x60, 0, 0]));
    module.extend(section(2, &imports));
    module.extend(section(3, &[1, 0]));
    module.extend(section(5, &[1, 0, 1]));
    module.extend(section(7, &exports));
    module.extend(section(10, &[1, 4, 0, 0x10, 0, 0x0b]));
    module
}

#[test]
fn a_program_importing_what_wasmix_lacks_gets_one_line_naming_the_import() {
    let state = state_with(&[("/home/user/mystery.wasm", module_with_unknown_import())]);
    let out = run_in(&state, "./mystery.wasm; echo status $?");
    assert_eq!(out.stdout, "status 126\n");
    assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
    assert!(
        out.stderr
            .starts_with("wasmix: line 1: ./mystery.wasm: cannot execute:")
            && out.stderr.contains("`env::mystery_call`"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_preview1_module_without_start_runs_as_under_wasmtime() {
    // `(module (memory (export "memory") 1))`: a library, with nothing to run. Like
    // `wasmtime run`, the shell instantiates it and it has done all it does.
    let mut module = b"\0asm\x01\0\0\0".to_vec();
    module.extend([5, 3, 1, 0, 1]);
    module.extend([7, 10, 1, 6]);
    module.extend(b"memory");
    module.extend([2, 0]);
    let state = state_with(&[("/home/user/library.wasm", module)]);
    let out = run_in(&state, "./library.wasm; echo status $?");
    assert_eq!(out.stdout, "status 0\n");
    assert_eq!(out.stderr, "");
}

/// `wasmix run --dir .::/ FILE` for a program written here in the text format, in a
/// directory of its own: output and status.
fn run_text(text: &str) -> support::Run {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("program.wat");
    std::fs::write(&file, text).unwrap();
    wasmix()
        .current_dir(dir.path())
        .args(["run", "--dir", ".::/", "program.wat"])
        .output()
        .unwrap()
        .into()
}

#[test]
fn wasmix_run_takes_the_text_format_and_runs_a_module_as_wasmtime_does() {
    // Its start function, then `_initialize`, then `_start`: what `wasmtime run` printed.
    let order = run_text(
        r#"(module
  (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "start\0ainit\0amain\0a")
  (func $say (param $at i32) (param $len i32)
    (i32.store (i32.const 0) (local.get $at))
    (i32.store (i32.const 4) (local.get $len))
    (drop (call $write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))
  (func $start (call $say (i32.const 16) (i32.const 6)))
  (start $start)
  (func (export "_initialize") (call $say (i32.const 22) (i32.const 5)))
  (func (export "_start") (call $say (i32.const 27) (i32.const 5))))"#,
    );
    assert_eq!(
        (order.stdout.as_str(), order.stderr.as_str(), order.status),
        ("start\ninit\nmain\n", "", 0)
    );
    // Text that does not assemble: one line with the place, status 1 as under wasmtime.
    let bad = run_text("(module (func (export \"_start\")) oops");
    assert_eq!(
        (bad.stdout.as_str(), bad.stderr.as_str(), bad.status),
        ("", "wasmix: program.wat:1:34: expected `(`\n", 1)
    );
}

/// `wasmix run --invoke NAME program.wat ARGS...` in a directory of its own.
fn invoke_text(text: &str, args: &[&str]) -> support::Run {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("program.wat"), text).unwrap();
    wasmix()
        .current_dir(dir.path())
        .arg("run")
        .args(args)
        .output()
        .unwrap()
        .into()
}

#[test]
fn wasmix_run_invoke_calls_an_export_as_wasmtime_does() {
    // The expected texts are what `wasmtime run --invoke` (49.0) printed for these.
    let module = r#"(module
  (import "wasi_snapshot_preview1" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "hi\0a")
  (func (export "_initialize") (i32.store (i32.const 32) (i32.const 40)))
  (func (export "add") (param i32 i32) (result i32)
    (i32.add (i32.add (local.get 0) (local.get 1)) (i32.load (i32.const 32))))
  (func (export "mix") (param i64 f32 f64) (result i64 f32 f64) local.get 0 local.get 1 local.get 2)
  (func (export "say") (i32.store (i32.const 0) (i32.const 16)) (i32.store (i32.const 4) (i32.const 3))
    (drop (call $w (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))
  (func (export "trap") (result i32) unreachable)
  (func (export "_start") unreachable))"#;
    let takes = "warning: using `--invoke` with a function that takes arguments is experimental and may break in the future\n";
    let returns = "warning: using `--invoke` with a function that returns values is experimental and may break in the future\n";
    let run = |args: &[&str]| {
        let out = invoke_text(module, args);
        (out.stdout, out.stderr, out.status)
    };
    let both = format!("{takes}{returns}");
    assert_eq!(
        run(&["--invoke", "add", "program.wat", "0x10", "-2", "extra"]),
        ("54\n".into(), both.clone(), 0)
    );
    assert_eq!(
        run(&["--invoke", "mix", "program.wat", "-5", "1.5", "2.5"]),
        ("-5\n1.5\n2.5\n".into(), both, 0)
    );
    assert_eq!(
        run(&["--invoke", "say", "program.wat"]),
        ("hi\n".into(), "".into(), 0)
    );
    let failed = |message: &str| format!("wasmix: program.wat: failed: {message}\n");
    assert_eq!(
        run(&["--invoke", "add", "program.wat", "1"]),
        (
            "".into(),
            format!("{takes}{}", failed("not enough arguments for `add`")),
            1
        )
    );
    assert_eq!(
        run(&["--invoke", "nosuch", "program.wat"]),
        ("".into(), failed("no func export named `nosuch` found"), 1)
    );
    let trapped = run(&["--invoke", "trap", "program.wat"]);
    assert_eq!((trapped.0.as_str(), trapped.2), ("", 134));
}

#[test]
fn a_preview0_program_runs_as_under_wasmtime() {
    // `wasi_unstable` imports: preview 1's calls, but `whence` numbered cur, end, set, a
    // 56-byte filestat (the guard word after it stays 77) and 56-byte subscriptions.
    // The expected text is what `wasmtime run --dir DIR::/ p0.wat` printed.
    let out = run_text(
        r#"(module
  (import "wasi_unstable" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_unstable" "path_open" (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_unstable" "fd_seek" (func $fd_seek (param i32 i64 i32 i32) (result i32)))
  (import "wasi_unstable" "fd_filestat_get" (func $fd_filestat_get (param i32 i32) (result i32)))
  (import "wasi_unstable" "path_filestat_get" (func $path_filestat_get (param i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_unstable" "poll_oneoff" (func $poll_oneoff (param i32 i32 i32 i32) (result i32)))
  (import "wasi_unstable" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  ;; 100: "file.txt", 120: "hello", 140: " ", 141: "\n"
  (data (i32.const 100) "file.txt")
  (data (i32.const 120) "hello")
  (data (i32.const 140) " \n")
  ;; Writes LEN bytes at AT to stdout.
  (func $out (param $at i32) (param $len i32)
    (i32.store (i32.const 0) (local.get $at))
    (i32.store (i32.const 4) (local.get $len))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))
  ;; Writes N in decimal, then a space.
  (func $num (param $n i64) (local $at i32)
    (local.set $at (i32.const 200))
    (loop $digits
      (local.set $at (i32.sub (local.get $at) (i32.const 1)))
      (i64.store8 (local.get $at) (i64.add (i64.const 48) (i64.rem_u (local.get $n) (i64.const 10))))
      (local.set $n (i64.div_u (local.get $n) (i64.const 10)))
      (br_if $digits (i64.ne (local.get $n) (i64.const 0))))
    (call $out (local.get $at) (i32.sub (i32.const 200) (local.get $at)))
    (call $out (i32.const 140) (i32.const 1)))
  (func (export "_start") (local $fd i32)
    (call $out (i32.const 120) (i32.const 5))
    (call $out (i32.const 141) (i32.const 1))
    ;; path_open(3, follow, "file.txt", creat|trunc, read|write|seek|tell|filestat, ...) -> fd at 16
    (call $num (i64.extend_i32_u (call $path_open (i32.const 3) (i32.const 1) (i32.const 100) (i32.const 8)
      (i32.const 9) (i64.const 0x1fffffff) (i64.const 0x1fffffff) (i32.const 0) (i32.const 16))))
    (local.set $fd (i32.load (i32.const 16)))
    ;; five bytes, then seek 2 back from the end: whence 1 is `end` in preview 0
    (i32.store (i32.const 0) (i32.const 120))
    (i32.store (i32.const 4) (i32.const 5))
    (drop (call $fd_write (local.get $fd) (i32.const 0) (i32.const 1) (i32.const 8)))
    (call $num (i64.extend_i32_u (call $fd_seek (local.get $fd) (i64.const -2) (i32.const 1) (i32.const 24))))
    (call $num (i64.load (i32.const 24)))
    ;; whence 0 is `cur`: one on from 3
    (drop (call $fd_seek (local.get $fd) (i64.const 1) (i32.const 0) (i32.const 24)))
    (call $num (i64.load (i32.const 24)))
    ;; filestat at 256 (56 bytes), a guard word after it at 312
    (i64.store (i32.const 312) (i64.const 77))
    (call $num (i64.extend_i32_u (call $fd_filestat_get (local.get $fd) (i32.const 256))))
    (call $num (i64.load8_u (i32.const 272)))
    (call $num (i64.load32_u (i32.const 276)))
    (call $num (i64.load (i32.const 280)))
    (call $num (i64.load (i32.const 312)))
    (call $num (i64.extend_i32_u (call $path_filestat_get (i32.const 3) (i32.const 1) (i32.const 100) (i32.const 8) (i32.const 256))))
    (call $num (i64.load (i32.const 280)))
    ;; poll_oneoff: one clock subscription (userdata 42, relative 1 ms) at 400; events at 512
    (i64.store (i32.const 400) (i64.const 42))
    (i32.store8 (i32.const 408) (i32.const 0))
    (i64.store (i32.const 416) (i64.const 9))
    (i32.store (i32.const 424) (i32.const 1))
    (i64.store (i32.const 432) (i64.const 1000000))
    (i64.store (i32.const 440) (i64.const 0))
    (i32.store16 (i32.const 448) (i32.const 0))
    (call $num (i64.extend_i32_u (call $poll_oneoff (i32.const 400) (i32.const 512) (i32.const 1) (i32.const 600))))
    (call $num (i64.load32_u (i32.const 600)))
    (call $num (i64.load (i32.const 512)))
    (call $num (i64.load16_u (i32.const 520)))
    (call $num (i64.load8_u (i32.const 522)))
    (call $out (i32.const 141) (i32.const 1))
    (call $proc_exit (i32.const 3))))"#,
    );
    assert_eq!(
        (out.stdout.as_str(), out.stderr.as_str(), out.status),
        ("hello\n0 0 3 4 0 4 1 5 77 0 5 0 1 42 0 0 \n", "", 3)
    );
}

/// Dirties all it can reach (the data the image gave it, zeroed memory on two pages,
/// memory it grows into, its table), after saying which of them an earlier run left
/// dirty: a run on clean memory says only `clean`.
const DIRTYING_PROGRAM: &str = r#"(module
  (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 2)
  (type $nothing (func))
  (table 1 funcref)
  (elem (i32.const 0) $nothing)
  (func $nothing)
  (data (i32.const 16) "clean\0azeroed\0apage-two\0asize\0a")
  (func $say (param $at i32) (param $len i32)
    (i32.store (i32.const 0) (local.get $at))
    (i32.store (i32.const 4) (local.get $len))
    (drop (call $write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))
  (func (export "_start")
    (if (i32.load8_u (i32.const 200)) (then (call $say (i32.const 22) (i32.const 7))))
    (if (i32.load8_u (i32.const 70000)) (then (call $say (i32.const 29) (i32.const 9))))
    (if (i32.ne (memory.size) (i32.const 2)) (then (call $say (i32.const 38) (i32.const 5))))
    (call_indirect (type $nothing) (i32.const 0))
    (call $say (i32.const 16) (i32.const 6))
    (i32.store8 (i32.const 16) (i32.const 88))
    (i32.store8 (i32.const 200) (i32.const 1))
    (i32.store8 (i32.const 70000) (i32.const 1))
    (drop (memory.grow (i32.const 1)))
    (i32.store8 (i32.const 140000) (i32.const 1))
    (table.set (i32.const 0) (ref.null func))))"#;

#[test]
fn every_run_of_a_program_starts_on_clean_memory_and_tables() {
    // The kernel keeps the pages a process wrote and resets them in place for the next
    // process in the same slot; the same program, run again and again, gets that slot.
    let module = wat::parse_str(DIRTYING_PROGRAM).unwrap();
    let state = state_with(&[("/home/user/dirty.wasm", module)]);
    let out = run_in(&state, "for i in 1 2 3 4 5; do ./dirty.wasm; echo $?; done");
    assert_eq!(out.stdout, "clean\n0\n".repeat(5), "{}", out.stderr);
    assert_eq!(out.stderr, "");
}
