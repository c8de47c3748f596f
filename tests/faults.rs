//! Bad luck and bad programs: crashes mid-write, two wasmix on one state directory, full
//! disks, programs that take all the memory or all the descriptors, FIFOs, endless
//! sourcing. Data is never torn or lost, and the session goes on.

mod support;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use support::{Run, WASMIX, fixture, run, run_with, shared_cache};

fn wasmix_in(state: &Path) -> Command {
    let mut command = Command::new(WASMIX);
    command
        .arg("--cache-dir")
        .arg(shared_cache())
        .arg("--state")
        .arg(state)
        .stdin(Stdio::null());
    command
}

fn run_in(state: &Path, script: &str) -> Run {
    wasmix_in(state)
        .args(["-c", script])
        .output()
        .unwrap()
        .into()
}

/// The image's /etc/profile, as a fresh session shows it.
fn image_profile() -> String {
    run("cat /etc/profile").stdout
}

/// Starts `script`, kills wasmix with SIGKILL after `delay`, and waits for it.
fn kill_during(state: &Path, script: &str, delay: Duration) {
    let mut child = wasmix_in(state)
        .args(["-c", script])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(delay);
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn sed_in_place_killed_midway_leaves_the_old_file_or_the_new() {
    let state = tempfile::tempdir().unwrap();
    let out = run_in(
        state.path(),
        "seq 1 400000 > ~/numbers; sed -n '$=' ~/numbers",
    );
    assert_eq!(out.stdout, "400000\n", "{}", out.stderr);
    let old = std::fs::read(state.path().join("root/home/user/numbers")).unwrap();
    let new: Vec<u8> = String::from_utf8(old.clone())
        .unwrap()
        .replace('1', "one")
        .into_bytes();
    for step in 0..8 {
        kill_during(
            state.path(),
            "sed -i s/1/one/g ~/numbers",
            Duration::from_millis(40 + step * 40),
        );
        let now = std::fs::read(state.path().join("root/home/user/numbers")).unwrap();
        assert!(
            now == old || now == new,
            "torn after a kill at step {step}: {} bytes",
            now.len()
        );
        if now == new {
            std::fs::write(state.path().join("root/home/user/numbers"), &old).unwrap();
        }
    }
}

#[test]
fn a_copy_up_killed_midway_leaves_the_image_file_or_the_changed_copy() {
    let image = image_profile();
    for step in 0..10 {
        let state = tempfile::tempdir().unwrap();
        kill_during(
            state.path(),
            "echo added >> /etc/profile",
            Duration::from_millis(5 + step * 7),
        );
        let now = run_in(state.path(), "cat /etc/profile").stdout;
        assert!(
            now == image || now == format!("{image}added\n"),
            "torn at step {step}: {now:?}"
        );
    }
}

#[test]
fn two_wasmix_appending_to_one_state_lose_no_line() {
    let state = tempfile::tempdir().unwrap();
    let script =
        |tag: &str| format!("for i in $(seq 1 2000); do echo \"{tag} $i\" >> ~/shared.log; done");
    let children: Vec<_> = ["a", "b"]
        .iter()
        .map(|tag| {
            wasmix_in(state.path())
                .args(["-c", &script(tag)])
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let log = std::fs::read_to_string(state.path().join("root/home/user/shared.log")).unwrap();
    assert_eq!(log.lines().count(), 4000);
    for tag in ["a", "b"] {
        assert_eq!(log.lines().filter(|l| l.starts_with(tag)).count(), 2000);
    }
}

#[test]
fn two_wasmix_copying_up_one_image_file_lose_no_line() {
    let image = image_profile();
    for _ in 0..15 {
        let state = tempfile::tempdir().unwrap();
        let children: Vec<_> = ["first", "second"]
            .iter()
            .map(|line| {
                wasmix_in(state.path())
                    .args(["-c", &format!("echo {line} >> /etc/profile")])
                    .spawn()
                    .unwrap()
            })
            .collect();
        for mut child in children {
            assert!(child.wait().unwrap().success());
        }
        let now = run_in(state.path(), "cat /etc/profile").stdout;
        let added = now
            .strip_prefix(&image)
            .expect("the image's lines come first");
        let mut lines: Vec<&str> = added.lines().collect();
        lines.sort();
        assert_eq!(lines, ["first", "second"]);
    }
}

/// A state directory on a full filesystem: a 1 MiB tmpfs where this machine lets the
/// test mount one (root in CI), else None.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount() -> Option<SmallDisk> {
        let dir = tempfile::tempdir().unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=1m", "tmpfs"])
            .arg(dir.path())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        mounted.then_some(SmallDisk { dir })
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

/// What a full disk must leave intact, whichever full filesystem it is.
fn full_disk_keeps_old_data(run_full: impl Fn(&str) -> Run) {
    let image = image_profile();
    let out = run_full("echo precious > ~/keep; echo $?");
    assert_eq!(out.stdout, "0\n", "{}", out.stderr);
    // Fill what is left.
    let out = run_full("head -c 4000000 /dev/zero > ~/filler");
    assert!(
        out.stderr.contains("No space left on device"),
        "{}",
        out.stderr
    );

    let out = run_full("sed -i s/precious/changed-and-much-longer/ ~/keep; echo $?; cat ~/keep");
    assert_eq!(
        out.stdout.lines().last(),
        Some("precious"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("No space left on device"),
        "{}",
        out.stderr
    );

    let out = run_full("cat /etc/motd /etc/motd /etc/motd >> /etc/profile; cat /etc/profile");
    assert!(
        out.stderr.contains("No space left on device"),
        "{}",
        out.stderr
    );
    assert_eq!(out.stdout, image, "the image's file is still whole");

    let out = run_full("cp /etc/motd ~/copy; echo $?");
    assert!(
        out.stderr.contains("No space left on device"),
        "{}",
        out.stderr
    );
    assert_eq!(out.stdout, "1\n");
    assert_eq!(run_full("cat ~/keep").stdout, "precious\n");
}

#[test]
fn a_full_state_disk_keeps_old_data_and_says_why() {
    let Some(disk) = SmallDisk::mount() else {
        eprintln!("cannot mount a tmpfs here; the ramfs test covers a full filesystem");
        return;
    };
    full_disk_keeps_old_data(|script| run_in(disk.dir.path(), script));
    // Space freed, the image's file shows again as it was: no empty copy hides it.
    run_in(disk.dir.path(), "rm ~/filler");
    assert_eq!(
        run_in(disk.dir.path(), "cat /etc/profile").stdout,
        image_profile()
    );
}

#[test]
fn a_full_ramfs_keeps_old_data_and_says_why() {
    // With --ephemeral, the writable layer is a ramfs under the same limit as /tmp; one
    // script, since nothing outlives an ephemeral session.
    let image = image_profile();
    let out = run_with(
        &["--ramfs-size", "256K"],
        "echo precious > ~/keep
         head -c 4000000 /dev/zero > ~/filler
         sed -i s/precious/changed-and-much-longer/ ~/keep; cat ~/keep
         cat /etc/motd >> /etc/profile; cat /etc/profile
         cp /etc/motd ~/copy; echo cp $?",
    );
    let expected = format!("precious\n{image}cp 1\n");
    assert_eq!(out.stdout, expected, "{}", out.stderr);
    assert!(
        out.stderr.contains("No space left on device"),
        "{}",
        out.stderr
    );
}

/// Peak resident memory of a running process, from /proc.
fn peak_rss(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    let kib: u64 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
    kib << 10
}

/// Runs `script` (which prints a line when its work is done, then sleeps) and returns
/// what it printed first and wasmix's peak memory by then.
fn peak_after(options: &[&str], script: &str) -> (String, u64) {
    let mut child = Command::new(WASMIX)
        .arg("--cache-dir")
        .arg(shared_cache())
        .arg("--ephemeral")
        .args(options)
        .args(["-c", script])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let peak = peak_rss(child.id());
    let _ = child.kill();
    let _ = child.wait();
    (line, peak)
}

#[test]
fn tmp_filled_to_its_limit_says_no_space_and_holds_no_more() {
    let limit: u64 = 256 << 20;
    let (_, baseline) = peak_after(&[], "echo started; sleep 5");
    let (line, peak) = peak_after(
        &["--ramfs-size", "256M"],
        "head -c 2G /dev/zero > /tmp/f 2>/dev/null; echo status $?; sleep 5",
    );
    assert_eq!(line, "status 1\n");
    assert!(
        peak < baseline + limit + limit / 10,
        "wasmix held {} MiB for a 256 MiB /tmp (baseline {} MiB)",
        peak >> 20,
        baseline >> 20
    );
    let out = run_with(
        &["--ramfs-size", "1M"],
        "head -c 2M /dev/zero > /tmp/f; ls -l /tmp/f | cut -d' ' -f5; rm /tmp/f; \
         head -c 512K /dev/zero > /tmp/g && echo room again",
    );
    assert_eq!(
        out.stderr, "head: write error: No space left on device\n",
        "{}",
        out.stdout
    );
    assert_eq!(out.stdout, "1048576\nroom again\n");
}

#[test]
fn the_memory_budget_refuses_processes_cleanly_and_the_shell_goes_on() {
    let bomb = fixture("misbehave");
    let script = format!(
        "for i in $(seq 1 32); do {} memory-bomb & done 2>/dev/null; wait; echo ok; sleep 5",
        bomb.display()
    );
    let budget: u64 = 1 << 30;
    let mount = format!("{}:/fx:ro", bomb.parent().unwrap().display());
    let (line, peak) = peak_after(
        &["--memory-budget", "1G", "--mount", &mount],
        &script.replace(&bomb.parent().unwrap().display().to_string(), "/fx"),
    );
    assert_eq!(line, "ok\n");
    assert!(
        peak < budget + (256 << 20),
        "32 memory bombs under a 1 GiB budget took {} MiB",
        peak >> 20
    );
    let out = run_with(
        &["--memory-budget", "64M", "--mount", &mount],
        "/fx/misbehave.wasm memory-bomb; echo status $?; echo ok",
    );
    assert_eq!(out.stdout, "status 134\nok\n");
    // The program's own allocator says what it could not get; the kernel says why.
    assert!(
        out.stderr.ends_with(
            "wasmix: line 1: /fx/misbehave.wasm: crashed: out of memory (the kernel's budget for all \
             processes, 64 MiB, is used up)\n"
        ),
        "{}",
        out.stderr
    );
}

/// A FIFO on a mount is a name only: what flows through it is a kernel pipe between
/// wasmix's processes, and the host's FIFO is never opened (a host writer waiting on it
/// stays waiting); a reader with no writer waits as on Linux, and can be stopped. A socket
/// is refused at once.
#[test]
fn fifos_and_sockets_on_a_mount_never_block_the_kernel() {
    use std::os::unix::fs::OpenOptionsExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let (opened, host_writer_opened) = std::sync::mpsc::channel();
    let host_side = fifo.clone();
    std::thread::spawn(move || {
        let file = std::fs::OpenOptions::new().write(true).open(&host_side);
        let _ = opened.send(file.is_ok());
    });
    let _listener = std::os::unix::net::UnixListener::bind(dir.path().join("sock")).unwrap();
    let mount = format!("{}:/m", dir.path().display());
    let started = Instant::now();
    let out = run_with(
        &["--mount", &mount],
        "timeout 1 cat /m/fifo; echo $?; cat /m/sock; echo $?; \
         echo through the kernel > /m/fifo & cat /m/fifo; wait; echo ok",
    );
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(out.stdout, "124\n1\nthrough the kernel\nok\n");
    assert_eq!(out.stderr, "cat: /m/sock: No such device or address\n");
    assert!(
        host_writer_opened.try_recv().is_err(),
        "wasmix opened the host's FIFO"
    );
    // Let the host's writer go: open the read end here, without waiting.
    let _reader = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(&fifo)
        .unwrap();
    assert!(
        host_writer_opened
            .recv_timeout(Duration::from_secs(5))
            .unwrap()
    );
}

#[test]
fn a_program_opening_too_many_files_gets_an_error_and_the_shell_goes_on() {
    let fileops = fixture("fileops");
    let mount = format!("{}:/fx:ro", fileops.parent().unwrap().display());
    let out = run_with(
        &["--mount", &mount],
        "/fx/fileops.wasm hold-open /etc/motd 5000; echo status $?; echo ok; \
         ulimit -n 6000; /fx/fileops.wasm hold-open /etc/motd 5000",
    );
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert!(lines[0].starts_with("opened 1023, then:"), "{}", out.stdout);
    assert_eq!(
        &lines[1..],
        ["status 1", "ok", "opened 5000"],
        "{}",
        out.stderr
    );
}

#[test]
fn self_sourcing_scripts_and_rc_files_stop_with_an_error() {
    let out = run("echo '. ~/self.sh' > ~/self.sh; . ~/self.sh; echo survived $?");
    assert_eq!(out.stdout, "survived 1\n");
    assert_eq!(
        out.stderr,
        // Reported where it happens, inside the sourced file, as bash names the place.
        "/home/user/self.sh: line 1: /home/user/self.sh: maximum source nesting level exceeded (200)\n"
    );

    let state = tempfile::tempdir().unwrap();
    run_in(state.path(), "echo '. ~/.wasmixrc' > ~/.wasmixrc");
    let mut command = Command::new(WASMIX);
    command
        .arg("--cache-dir")
        .arg(shared_cache())
        .arg("--state")
        .arg(state.path());
    let mut session = rexpect::session::spawn_command(command, Some(20_000)).unwrap();
    session
        .exp_string("maximum source nesting level exceeded")
        .unwrap();
    session.exp_string("user@wasmix:~").unwrap();
    // The answer differs from what is typed, so the terminal's echo cannot match it.
    session.send_line("echo alive-$((40 + 2))").unwrap();
    session.exp_string("alive-42").unwrap();
    session.exp_string("$ ").unwrap();
    session.send_line("exit").unwrap();
    session.exp_eof().unwrap();
}

#[test]
fn wasmix_boots_under_a_4_gib_address_space_limit() {
    let out: Run = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "ulimit -v 4194304; exec {WASMIX} --ephemeral --cache-dir {} -c 'seq 1 5 | wc -l; echo ok'",
            shared_cache().display()
        ))
        .output()
        .unwrap()
        .into();
    assert_eq!(out.stdout, "5\nok\n", "{}", out.stderr);
    assert_eq!(out.status, 0);
}

#[test]
fn a_full_process_table_says_so_where_errors_are_sent() {
    // A table of 256, so that 300 jobs overflow it.
    let small = ["--max-processes", "256"];
    let out = run_with(
        &small,
        "for i in $(seq 1 300); do sleep 1 & done 2>/dev/null; wait; \
         for i in $(seq 1 300); do (sleep 1) & done 2>/dev/null; wait; echo done",
    );
    assert_eq!((out.stdout.as_str(), out.stderr.as_str()), ("done\n", ""));
    let out = run_with(
        &small,
        "for i in $(seq 1 300); do sleep 2 & done 2>&1 | sort | uniq -c; wait",
    );
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{}{}", out.stdout, out.stderr);
    assert!(
        lines[0]
            .ends_with("wasmix: line 1: cannot start a process: the table is full (256 processes)"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_compile_killed_midway_leaves_no_half_artifact() {
    for step in 0..6 {
        let cache = support::private_dir();
        let mut child = Command::new(WASMIX)
            .arg("--cache-dir")
            .arg(cache.path())
            .args(["--ephemeral", "-c", "sed --version"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(50 + step * 60));
        let _ = child.kill();
        let _ = child.wait();
        // Either no artifact, or a whole one: the next run compiles or loads, silently.
        let out: Run = Command::new(WASMIX)
            .arg("--cache-dir")
            .arg(cache.path())
            .args(["--ephemeral", "-c", "sed --version | head -n 1"])
            .output()
            .unwrap()
            .into();
        assert_eq!(out.stderr, "", "step {step}");
        assert!(out.stdout.starts_with("sed"), "{}", out.stdout);
    }
}

#[test]
fn a_run_waits_for_its_background_jobs_until_interrupted() {
    let started = Instant::now();
    let mut child = Command::new(WASMIX)
        .arg("--cache-dir")
        .arg(shared_cache())
        .args(["--ephemeral", "-c", "sleep 30 & echo started"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert_eq!(line, "started\n");
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        child.try_wait().unwrap().is_none(),
        "wasmix waits for sleep"
    );
    Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let status = child.wait().unwrap();
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(status.code(), Some(0));
}

#[test]
fn ten_thousand_sleeping_processes_all_finish() {
    // The default table holds 10,240 processes; all 10,000 sleep at once (starting them
    // takes seconds, so each sleeps long enough to be counted), then end on their own.
    let out = run(
        "for i in $(seq 10000); do sleep 30 & done; ps | grep -c '[s]leep'; wait; echo \"left: $(ps | grep -c '[s]leep')\"",
    );
    assert_eq!(
        out.stderr,
        "",
        "{}",
        out.stderr.lines().next().unwrap_or("")
    );
    assert_eq!(out.stdout, "10000\nleft: 0\n");
}
