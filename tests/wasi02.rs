//! WASI 0.2 beyond what preview 1 reaches: a Rust `wasm32-wasip2` fixture
//! (`fixtures/wasi02-probe`) calls the interfaces directly (streams and pollables on pipes
//! and files, `wasi:filesystem` descriptors and directory streams, `wasi:cli` terminals,
//! `wasi:clocks`, `wasi:random`) and prints what they answer; `fixtures/p1-calls` makes
//! preview 1 calls, as a core module and as a component through the adapter. Each expected
//! text below is what the wasmtime CLI (49.0.3) printed for the same run, recorded with
//! `wasmtime run --dir DIR::/ wasi02-probe.wasm AREA`.

mod support;

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime};
use support::{WASMIX, fixture, shared_cache};

/// `wasmix run --dir ROOT::/ wasi02-probe AREA`.
fn probe_command(root: &tempfile::TempDir, area: &str) -> Command {
    let mut command = Command::new(WASMIX);
    command
        .arg("--cache-dir")
        .arg(shared_cache())
        .arg("run")
        .arg("--dir")
        .arg(format!("{}::/", root.path().display()))
        .arg(fixture("wasi02-probe"))
        .arg(area);
    command
}

/// `wasmix run --dir EMPTY_DIR::/ wasi02-probe AREA ARGS`, with `input` on stdin; the
/// output and the status line.
fn probe(area: &str, args: &[&str], input: &[u8]) -> String {
    let root = tempfile::tempdir().unwrap();
    let mut child = probe_command(&root, area)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(input).unwrap();
    drop(stdin);
    let output = child.wait_with_output().unwrap();
    format!(
        "{}{}status {}\n",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr),
        output.status.code().unwrap_or(-1)
    )
}

/// `wasi02-probe files` under the wasmtime CLI, on a host directory.
const FILES_WASMTIME: &str = "\
type: DescriptorType::RegularFile
flags: DescriptorFlags(READ | WRITE)
size after stream write: 13
write at 7: Ok(5)
read 5 at 7: Ok((\"WASI!\", false))
read past end: Ok(([], true))
write nothing past end: Ok(0), size 13
stream read: \"hello, WASI!\\n\"
stream at end: Some(true)
size after append: 18
set-size 5: Ok(())
read all: Ok((\"hello\", false))
sync: Ok(()), sync-data: Ok(())
set-times: Ok(())
times: Some(Datetime { seconds: 1000000000, nanoseconds: 5 }) Some(Datetime { seconds: 1000000000, nanoseconds: 5 })
status change time is now: true
link count: 1
same object: true
same hash: true
read-only write: Err(bad-descriptor)
read-only set-size: Err(invalid)
links after link-at: 2
hash after a rename over the name: true, link count it had: 1
read after rename: Ok(\"hello\")
read after unlink: Ok(\"hello\")
stat-at after unlink: Err(no-entry)
status 0
";

fn fixtures_dir() -> String {
    fixture("wasi02-probe")
        .parent()
        .unwrap()
        .display()
        .to_string()
}

#[test]
fn file_descriptors_read_write_and_keep_their_identity() {
    assert_eq!(probe("files", &[], b""), FILES_WASMTIME);
}

#[test]
fn file_descriptors_behave_the_same_on_the_kernels_own_filesystems() {
    // Inside the shell the probe's root is the image under its writable overlay (ramfs
    // for --ephemeral), not a host directory; the answers must not change.
    let run = support::run_with(
        &["--mount", &format!("{}:/fixtures:ro", fixtures_dir())],
        "/fixtures/wasi02-probe.wasm files; echo status $?",
    );
    assert_eq!(run.stdout, FILES_WASMTIME, "{}", run.stderr);
}

#[test]
fn directory_streams_links_and_directory_errors() {
    let wasmtime = "\
type: DescriptorType::Directory
entries: [\"link DescriptorType::SymbolicLink\", \"one DescriptorType::RegularFile\", \"sub DescriptorType::Directory\", \"three DescriptorType::RegularFile\", \"two DescriptorType::RegularFile\"]
readlink: Ok(\"one\")
stat-at link (no follow): Ok(DescriptorType::SymbolicLink)
stat-at link (follow): Ok(DescriptorType::RegularFile)
open-at dir as file for write: Some(is-directory)
remove non-empty: Err(not-empty)
unlink a directory: Err(is-directory)
remove empty: Ok(())
directory read-via-stream: Some(is-directory)
directory read: Some(bad-descriptor)
directory write: Some(bad-descriptor)
directory set-size: Some(bad-descriptor)
directory append-via-stream: Some(bad-descriptor)
directory sync: Ok(())
directory flags: Ok(DescriptorFlags(READ))
status 0
";
    assert_eq!(probe("directories", &[], b""), wasmtime);
}

#[test]
fn path_errors_and_confinement() {
    let wasmtime = "\
missing: Some(no-entry)
exclusive on existing: Some(exist)
file as directory: Some(not-directory)
through a file: Some(not-directory)
absolute path: Some(not-permitted)
dot-dot above: Some(not-permitted)
dot-dot above the preopen: Some(not-permitted)
sync flag: Some(unsupported)
dot-dot inside: Some(no-entry)
absolute from sub: Some(not-permitted)
trailing slash on a file: Some(not-directory)
mkdir existing: Err(exist)
readlink a file: Err(invalid)
rename missing: Err(no-entry)
unlink missing: Err(no-entry)
read-directory on a file: Some(not-directory)
open-at on a file: Some(not-directory)
type of dir: Ok(true)
status 0
";
    assert_eq!(probe("errors", &[], b""), wasmtime);
}

#[test]
fn stdin_and_stdout_streams_over_pipes() {
    let wasmtime = "\
HELLO WASI STREAMS

bytes 19, reads at least 3: true
check-write permits something: true
read after end: Err(StreamError::Closed)
status 0
";
    assert_eq!(probe("streams", &[], b"hello wasi streams\n"), wasmtime);
}

#[test]
fn streams_over_kernel_pipes_inside_the_shell() {
    // The same program between two kernel pipes, where wasmtime has none: its answers
    // are wasmtime's over host pipes, and the uppercase text passes through `cat`.
    let run = support::run_with(
        &["--mount", &format!("{}:/fixtures:ro", fixtures_dir())],
        "echo hello wasi streams | /fixtures/wasi02-probe.wasm streams | cat",
    );
    assert_eq!(
        run.stdout,
        "HELLO WASI STREAMS\n\nbytes 19, reads at least 3: true\n\
         check-write permits something: true\nread after end: Err(StreamError::Closed)\n"
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
}

#[test]
fn poll_waits_on_a_pipe_and_a_timer_at_once() {
    // Input comes only after the 200 ms timer has fired.
    let root = tempfile::tempdir().unwrap();
    let mut child = probe_command(&root, "poll")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    std::thread::sleep(Duration::from_millis(600));
    stdin.write_all(b"later\n").unwrap();
    drop(stdin);
    let output = child.wait_with_output().unwrap();
    let wasmtime = "\
first ready: [1]
input ready yet: false
then read: \"later\\n\"
file against a far timer: [1]
";
    assert_eq!(String::from_utf8_lossy(&output.stdout), wasmtime);
    assert!(output.status.success());
}

#[test]
fn terminals_clocks_and_random() {
    let terminal = "\
stdin terminal: false
stdout terminal: false
stderr terminal: false
status 0
";
    assert_eq!(probe("terminal", &[], b""), terminal);
    let now = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        .to_string();
    let clocks = "\
monotonic resolution > 0: true
waited 20 ms: true
reached instant: true
past instant ready: false
wall clock near the host's: true
wall nanoseconds valid: true
wall resolution > 0: true
status 0
";
    assert_eq!(probe("clocks", &[&now], b""), clocks);
    let random = "\
lengths: 32 32
differ: true
empty: 0
u64 differ: true
insecure length: 16
seed nonzero: true
status 0
";
    assert_eq!(probe("random", &[], b""), random);
}

#[test]
fn terminals_are_reported_on_a_terminal() {
    // On a pty all three are terminals; wasmtime answers the same
    // (`script -qc 'wasmtime run wasi02-probe.wasm terminal'`).
    let mut command = Command::new(WASMIX);
    command
        .arg("--cache-dir")
        .arg(shared_cache())
        .arg("run")
        .arg(fixture("wasi02-probe"))
        .arg("terminal");
    let mut session = rexpect::session::spawn_command(command, Some(20_000)).unwrap();
    for line in [
        "stdin terminal: true",
        "stdout terminal: true",
        "stderr terminal: true",
    ] {
        session.exp_string(line).unwrap();
    }
    session.exp_eof().unwrap();
}

#[test]
fn argv0_is_the_programs_file_name() {
    // wasmtime passes the file name, not the path given (CPython finds its library from
    // argv[0]); `--argv0` chooses another.
    assert_eq!(
        probe("args", &["two words"], b""),
        "wasi02-probe.wasm\nargs\ntwo words\nstatus 0\n"
    );
    let output = Command::new(WASMIX)
        .arg("--cache-dir")
        .arg(shared_cache())
        .args(["run", "--argv0", "probe"])
        .arg(fixture("wasi02-probe"))
        .arg("args")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&output.stdout), "probe\nargs\n");
}

/// `wasmix run OPTIONS PROGRAM ARGS` with an empty directory as `/`: output and status.
fn run_options(options: &[&str], program: &std::path::Path, args: &[&str]) -> String {
    let root = tempfile::tempdir().unwrap();
    let output = Command::new(WASMIX)
        .arg("--cache-dir")
        .arg(shared_cache())
        .arg("run")
        .args(options)
        .arg("--dir")
        .arg(format!("{}::/", root.path().display()))
        .arg(program)
        .args(args)
        .output()
        .unwrap();
    format!(
        "{}{}status {}\n",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr),
        output.status.code().unwrap_or(-1)
    )
}

#[test]
fn wasmtime_flags_for_what_wasmix_always_has_are_taken() {
    // As `wasmtime run` takes them, attached or not, comma-separated; the program's own
    // arguments may look like options.
    let accepted = run_options(
        &[
            "-Wcomponent-model",
            "-W",
            "gc=y,tail-call,simd=true",
            "-S",
            "cli,cli-exit-with-code=y,preview2,inherit-stdout=y",
        ],
        &fixture("wasi02-probe"),
        &["args", "-W", "--dir"],
    );
    assert_eq!(accepted, "wasi02-probe.wasm\nargs\n-W\n--dir\nstatus 0\n");
    let refused = run_options(&["-S", "threads"], &fixture("wasi02-probe"), &["args"]);
    assert!(
        refused.starts_with("wasmix: -S threads: wasmix knows only inherit-env,")
            && refused.ends_with("\nstatus 2\n"),
        "{refused}"
    );
    let off = run_options(&["-W", "simd=n"], &fixture("wasi02-probe"), &["args"]);
    assert!(
        off.starts_with("wasmix: -W simd=n: wasmix knows only"),
        "{off}"
    );
    // -S inherit-env is --inherit-env: the host's variables reach the program (which
    // exits with 1 when it has any).
    let dir = tempfile::tempdir().unwrap();
    let counter = dir.path().join("count.wat");
    std::fs::write(
        &counter,
        r#"(module
  (import "wasi_snapshot_preview1" "environ_sizes_get" (func $sizes (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory (export "memory") 1)
  (func (export "_start")
    (drop (call $sizes (i32.const 0) (i32.const 4)))
    (call $exit (i32.ne (i32.load (i32.const 0)) (i32.const 0)))))"#,
    )
    .unwrap();
    let environment = |options: &[&str]| run_options(options, &counter, &[]) == "status 1\n";
    assert!(environment(&["-S", "inherit-env"]));
    assert!(environment(&["--inherit-env"]));
    assert!(!environment(&["--inherit-env", "-S", "inherit-env=n"]));
    assert!(!environment(&[]));
}

#[test]
fn preview1_calls_answer_as_under_wasmtime() {
    // What the wasmtime CLI (49.0.3) printed for `wasmtime run --dir DIR::/ p1-calls.wasm`,
    // the same for the core module and for the component made through the adapter (whose
    // checks an empty read that is not lowered as wasmtime lowers it fails).
    let wasmtime = "\
pread of an empty file: Ok(0)
read of an empty file: Ok(0)
empty write to a read-only file: Err(BADF)
open with FDFLAGS_SYNC: Err(NOTSUP)
dot-dot above the preopen: Err(PERM)
status 0
";
    let core_module = support::preview1_fixture("p1-calls");
    assert_eq!(run_options(&[], &core_module, &[]), wasmtime);
    assert_eq!(run_options(&[], &fixture("p1-calls"), &[]), wasmtime);
}

#[test]
fn a_stdin_read_error_has_its_filesystem_error_code() {
    // Standard input redirected from a directory: wasmtime answers is-directory, both
    // for the host's stdin and for the shell's `< dir`.
    let root = tempfile::tempdir().unwrap();
    let directory = std::fs::File::open(root.path()).unwrap();
    let output = probe_command(&root, "stdin-error")
        .stdin(Stdio::from(directory))
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "read failed: Some(is-directory)\n"
    );
    let run = support::run_with(
        &["--mount", &format!("{}:/fixtures:ro", fixtures_dir())],
        "/fixtures/wasi02-probe.wasm stdin-error < /tmp",
    );
    assert_eq!(run.stdout, "read failed: Some(is-directory)\n");
}

/// A TCP server on the host that answers each line it is sent with `pong` and the line.
fn pong_server() -> std::net::SocketAddr {
    use std::io::{BufRead, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut line = String::new();
            let mut reader = std::io::BufReader::new(&stream);
            if reader.read_line(&mut line).is_ok() {
                let _ = (&stream).write_all(format!("pong {line}").as_bytes());
            }
        }
    });
    address
}

#[test]
fn the_host_network_is_reached_only_when_the_command_line_grants_it() {
    // What the wasmtime CLI (49.0) printed for `wasmtime run [-S ...] wasi02-probe.wasm
    // network ADDR` against this server.
    let address = pong_server().to_string();
    let probe = fixture("wasi02-probe");
    let run = |options: &[&str]| run_options(options, &probe, &["network", &address]);
    let refused = "tcp: PermissionDenied\nlookup: permanent-resolver-failure\nstatus 0\n";
    assert_eq!(run(&[]), refused);
    assert_eq!(
        run(&["-S", "inherit-network"]),
        "tcp: pong ping\nlookup: permanent-resolver-failure\nstatus 0\n"
    );
    assert_eq!(
        run(&["-S", "inherit-network,allow-ip-name-lookup=y"]),
        "tcp: pong ping\nlookup: found\nstatus 0\n"
    );
    assert_eq!(run(&["-S", "inherit-network", "-S", "tcp=n"]), refused);
    // Inside the shell, no program reaches the host's network.
    let mut shell = support::wasmix();
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(&probe, dir.path().join("probe.wasm")).unwrap();
    let mount = format!("{}:/data", dir.path().display());
    let out = shell
        .args(["--ephemeral", "--mount", &mount, "-c"])
        .arg(format!("/data/probe.wasm network {address}"))
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "tcp: PermissionDenied\nlookup: permanent-resolver-failure\n"
    );
}
