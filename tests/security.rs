//! The attack suite: a sandboxed program, a script or an rc file tries to reach the host
//! beyond what wasmix's command line granted, and the host's files are checked afterwards.
//! Every attack names what it tries; SECURITY.md lists them with what each gets.

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use support::{Run, WASMIX, artifacts, await_artifacts, fixture, preview1_fixture, shared_cache};

const SECRET: &str = "TOP-SECRET host data";

/// A host laid out for an attack: a secret nobody granted, a read-write mount, a read-only
/// mount, and wasmix's own state and cache directories.
struct Host {
    top: tempfile::TempDir,
}

impl Host {
    fn new() -> Host {
        let top = tempfile::tempdir().unwrap();
        let host = Host { top };
        std::fs::create_dir_all(host.path("victim")).unwrap();
        std::fs::write(host.path("victim/secret"), SECRET).unwrap();
        std::fs::create_dir_all(host.path("m/sub")).unwrap();
        std::fs::write(host.path("m/note"), "mounted read-write\n").unwrap();
        std::fs::create_dir_all(host.path("ro/d")).unwrap();
        std::fs::create_dir_all(host.path("ro/empty")).unwrap();
        std::fs::write(host.path("ro/f"), "original\n").unwrap();
        std::fs::write(host.path("ro/d/g"), "deeper\n").unwrap();
        std::fs::create_dir_all(host.path("state")).unwrap();
        host
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.top.path().join(relative)
    }

    fn mounts(&self) -> Vec<String> {
        let fixtures = fixture("fileops");
        vec![
            "--mount".into(),
            format!("{}:/m", self.path("m").display()),
            "--mount".into(),
            format!("{}:/ro:ro", self.path("ro").display()),
            "--mount".into(),
            format!("{}:/fx:ro", fixtures.parent().unwrap().display()),
        ]
    }

    /// `wasmix --state STATE --mount ... -c SCRIPT`.
    fn run(&self, script: &str) -> Run {
        let mut command = self.wasmix();
        command
            .args(self.mounts())
            .arg("-c")
            .arg(script)
            .stdin(std::process::Stdio::null());
        command.output().unwrap().into()
    }

    /// Each attack run in turn in one session, after `setup`: the status each ended with,
    /// and the session's output (each attack's messages among it).
    fn statuses(&self, setup: &str, attacks: &[&str]) -> (Vec<String>, Run) {
        let script: String = std::iter::once(setup.to_string())
            .chain(
                attacks
                    .iter()
                    .map(|attack| format!("{attack} 2>&1; echo \"status $?\"\n")),
            )
            .collect();
        let out = self.run(&script);
        let statuses: Vec<String> = out
            .stdout
            .lines()
            .filter_map(|line| line.strip_prefix("status "))
            .map(str::to_string)
            .collect();
        assert_eq!(
            statuses.len(),
            attacks.len(),
            "{}{}",
            out.stdout,
            out.stderr
        );
        (statuses, out)
    }

    /// wasmix on this host's state directory, with the shared compile cache.
    fn wasmix(&self) -> Command {
        let mut command = Command::new(WASMIX);
        command
            .arg("--cache-dir")
            .arg(shared_cache())
            .arg("--state")
            .arg(self.path("state"));
        command
    }

    /// Everything below the top directory except wasmix's own: paths, kinds, contents.
    fn snapshot(&self) -> BTreeMap<PathBuf, String> {
        let mut seen = BTreeMap::new();
        walk(self.top.path(), self.top.path(), &mut seen);
        seen.retain(|path, _| !path.starts_with("state"));
        seen
    }
}

fn walk(top: &Path, dir: &Path, seen: &mut BTreeMap<PathBuf, String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let relative = path.strip_prefix(top).unwrap().to_path_buf();
        let meta = std::fs::symlink_metadata(&path).unwrap();
        let what = if meta.is_symlink() {
            format!("link -> {}", std::fs::read_link(&path).unwrap().display())
        } else if meta.is_dir() {
            walk(top, &path, seen);
            "dir".into()
        } else {
            format!("file {:?}", std::fs::read(&path).unwrap())
        };
        seen.insert(relative, what);
    }
}

fn assert_no_secret(run: &Run, attack: &str) {
    assert!(
        !run.stdout.contains(SECRET) && !run.stderr.contains(SECRET),
        "{attack}: the secret leaked:\n{}{}",
        run.stdout,
        run.stderr
    );
}

// --- Host authority comes only from the command line ---------------------------------

#[test]
fn scripts_cannot_mount_or_install_from_the_host() {
    let host = Host::new();
    let before = host.snapshot();
    let victim = host.path("victim");
    let attacks = [
        (
            "mount a host directory",
            format!("mount {} /tmp/h", victim.display()),
        ),
        (
            "mount it read-only",
            format!("mount -r {} /tmp/h", victim.display()),
        ),
        (
            "mount and write through it",
            format!(
                "mount {} /tmp/h; echo pwned > /tmp/h/pwned",
                victim.display()
            ),
        ),
        (
            "install a host file",
            format!("wasm-install {}/secret evil", victim.display()),
        ),
        ("mount the host's root", "mount / /tmp/root".to_string()),
    ];
    for (attack, script) in &attacks {
        let out = host.run(&format!("{script}; echo status $?; cat /tmp/h/secret"));
        assert_no_secret(&out, attack);
        assert!(out.stdout.contains("status 1"), "{attack}: {}", out.stdout);
    }
    let out = host.run(&format!("mount {} /tmp/h", victim.display()));
    assert_eq!(
        out.stderr,
        "wasmix: line 1: mount: host paths can only be given on the command line (--mount); \
         use bind to rearrange what this session has\n"
    );
    assert_eq!(host.snapshot(), before);
}

#[test]
fn rc_files_written_by_a_program_carry_no_host_authority() {
    let host = Host::new();
    let victim = host.path("victim");
    // A program of the last session left these behind in the persistent home.
    let payload = format!(
        "mount {v} /tmp/h; echo pwned > /tmp/h/pwned\nwasm-install {v}/secret evil\n\
         bind /tmp /home; echo bound > /tmp/bound\n",
        v = victim.display()
    );
    let out = host.run(&format!(
        "printf '%s' '{payload}' > ~/.wasmixrc; cp ~/.wasmixrc ~/.profile; echo written"
    ));
    assert_eq!(out.stdout, "written\n", "{}", out.stderr);
    let before = host.snapshot();

    let mut command = host.wasmix();
    command.args(host.mounts());
    let mut session = rexpect::session::spawn_command(command, Some(20_000)).unwrap();
    session.exp_string("$ ").unwrap();
    session
        .send_line("cat /tmp/h/secret; echo done-$((40 + 2))")
        .unwrap();
    let seen = session.exp_string("done-42").unwrap();
    session.exp_string("$ ").unwrap();
    assert!(!seen.contains(SECRET), "{seen}");
    session.send_line("exit").unwrap();
    session.exp_eof().unwrap();

    assert!(!victim.join("pwned").exists());
    assert_eq!(host.snapshot(), before);
}

#[test]
fn the_state_and_cache_directories_cannot_be_mounted() {
    let host = Host::new();
    let cache = host.path("cache");
    std::fs::create_dir_all(&cache).unwrap();
    let state = host.path("state");
    let attacks = [
        (
            "a mount containing the state directory",
            host.top.path().to_path_buf(),
        ),
        ("the state directory itself", state.clone()),
        ("a mount inside the state directory", state.join("root")),
        ("the cache directory itself", cache.clone()),
    ];
    for (attack, mounted) in attacks {
        std::fs::create_dir_all(&mounted).unwrap();
        let out: Run = Command::new(WASMIX)
            .arg("--cache-dir")
            .arg(&cache)
            .arg("--state")
            .arg(&state)
            .arg("--mount")
            .arg(format!("{}:/h", mounted.display()))
            .args(["-c", "echo booted"])
            .output()
            .unwrap()
            .into();
        assert_eq!(out.status, 2, "{attack}: {}{}", out.stdout, out.stderr);
        assert!(
            out.stderr.contains("which programs must never reach"),
            "{attack}: {}",
            out.stderr
        );
        assert_eq!(out.stdout, "", "{attack}");
    }
}

#[test]
fn a_writable_layer_replaced_by_a_link_is_not_followed() {
    let host = Host::new();
    let state = host.path("linked-state");
    std::fs::create_dir_all(&state).unwrap();
    std::os::unix::fs::symlink(host.path("victim"), state.join("root")).unwrap();
    let before = host.snapshot();
    let out: Run = Command::new(WASMIX)
        .arg("--cache-dir")
        .arg(shared_cache())
        .arg("--state")
        .arg(&state)
        .args(["-c", "ls /; cat /secret; echo pwned > /pwned"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap()
        .into();
    assert_no_secret(&out, "state root as a link");
    assert_eq!(out.status, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .starts_with("wasmix: cannot boot: state directory")
    );
    assert_eq!(host.snapshot(), before);
}

// --- Paths and links ---------------------------------------------------------------

#[test]
fn dot_dot_and_links_stay_inside_the_namespace() {
    let host = Host::new();
    // Links a host user (or an earlier program) left on the mount.
    let victim = host.path("victim");
    std::os::unix::fs::symlink(victim.join("secret"), host.path("m/abs-link")).unwrap();
    std::os::unix::fs::symlink("../victim/secret", host.path("m/rel-link")).unwrap();
    std::os::unix::fs::symlink("../../victim", host.path("m/sub/dir-link")).unwrap();
    std::os::unix::fs::symlink("loop", host.path("m/loop")).unwrap();
    let before = host.snapshot();
    let attacks = [
        "cat /m/../victim/secret",
        "cat /m/../../../../victim/secret",
        "cd /m; cat ../victim/secret",
        "cd /m/sub; cat ../../../victim/secret",
        "cat /m/abs-link",
        "cat /m/rel-link",
        "cat /m/sub/dir-link/secret",
        "ls /m/sub/dir-link/",
        "cat /m/loop",
        &format!("cat {}/secret", victim.display()),
        "grep -r TOP /m",
        "grep -R TOP /m",
        "find /m -name secret",
        "cp -r /m /tmp/copy; cat /tmp/copy/rel-link",
        "cat /proc/self/cwd/../../victim/secret",
    ];
    for attack in attacks {
        let out = host.run(attack);
        assert_no_secret(&out, attack);
    }
    assert_eq!(host.snapshot(), before);
}

#[test]
fn links_that_leave_a_host_mount_are_refused() {
    let host = Host::new();
    let victim = host.path("victim");
    let refused = [
        ("an absolute target", "ln -s /etc/passwd /m/x".to_string()),
        (
            "the host's own path",
            format!("ln -s {}/secret /m/y", victim.display()),
        ),
        (
            "a target climbing out",
            "ln -s ../victim/secret /m/z".to_string(),
        ),
        (
            "climbing out from below",
            "ln -s ../../victim /m/sub/w".to_string(),
        ),
    ];
    for (attack, script) in &refused {
        let out = host.run(script);
        assert_eq!(out.status, 1, "{attack}: {}", out.stderr);
        assert!(
            out.stderr.contains("Operation not permitted"),
            "{attack}: {}",
            out.stderr
        );
    }
    for name in ["x", "y", "z", "sub/w"] {
        assert!(
            std::fs::symlink_metadata(host.path("m").join(name)).is_err(),
            "{name} was created on the host"
        );
    }
    // A link that stays inside is fine, and works.
    let out = host.run("ln -s ../note /m/sub/inside && cat /m/sub/inside");
    assert_eq!(out.stdout, "mounted read-write\n", "{}", out.stderr);
    // In wasmix's own writable layer links may point anywhere in the namespace.
    let out = host.run("ln -s /etc/motd ~/motd-link && head -c 7 ~/motd-link");
    assert_eq!(out.stdout, "Welcome", "{}", out.stderr);
}

/// A restricted shell (`set -r`, `rbash`) opens no file for writing and rearranges no
/// namespace, on a read-write mount too: what it refuses leaves the host as it was.
#[test]
fn a_restricted_shell_writes_nothing_by_redirection() {
    let host = Host::new();
    let before = host.snapshot();
    let attacks = [
        "echo x > /m/note",
        "echo x >> /m/note",
        "echo x >| /m/new",
        "echo x &> /m/new",
        "echo x >& /m/new",
        ": <> /m/new",
        "exec 3> /m/new",
        "bind /tmp /m",
        "umount /m",
        "cd /m",
        "/m/note",
        "exec sh -c 'echo x > /m/note'",
    ];
    let (statuses, out) = host.statuses("set -r\n", &attacks);
    for (attack, status) in attacks.iter().zip(statuses) {
        assert_eq!(status, "1", "{attack} was not refused:\n{}", out.stdout);
    }
    assert!(out.stdout.contains("restricted"), "{}", out.stdout);
    assert_eq!(host.snapshot(), before);
}

#[test]
fn a_read_only_mount_resists_every_way_of_writing() {
    let host = Host::new();
    let before = host.snapshot();
    let attacks = [
        "echo x > /ro/f",
        "echo x >> /ro/f",
        "echo x > /ro/new",
        "printf x > /ro/d/g",
        ": > /ro/f",
        "touch /ro/f",
        "touch /ro/new",
        "rm /ro/f",
        "rm -r /ro/d",
        "rm -rf /ro/empty",
        "mkdir /ro/newdir",
        "mkdir -p /ro/a/b",
        "rmdir /ro/empty",
        "mv /ro/f /ro/f2",
        "mv /ro/f /tmp/f",
        "cp /etc/motd /ro/f",
        "cp -r /etc /ro/etc2",
        "ln -s f /ro/link",
        "ln /ro/f /ro/hard",
        "sed -i s/o/0/ /ro/f",
        "tee /ro/f < /etc/motd > /dev/null",
        "split -l 1 /etc/motd /ro/x",
        "/fx/fileops.wasm write-at /ro/f 0 X",
        "/fx/fileops.wasm set-len /ro/f 0",
    ];
    let (statuses, out) = host.statuses("", &attacks);
    for (attack, status) in attacks.iter().zip(statuses) {
        assert_ne!(
            status, "0",
            "{attack} succeeded on a read-only mount:\n{}",
            out.stdout
        );
    }
    assert_eq!(host.snapshot(), before);
}

#[test]
fn a_preview1_program_cannot_leave_its_preopen() {
    let host = Host::new();
    std::os::unix::fs::symlink("../victim/secret", host.path("m/rel-link")).unwrap();
    std::os::unix::fs::symlink(host.path("victim/secret"), host.path("m/abs-link")).unwrap();
    let program = preview1_fixture("p1-escape");
    let victim = host.path("victim");
    let attempts = [
        "note".to_string(),
        "../victim/secret".into(),
        "../../../../../victim/secret".into(),
        "/victim/secret".into(),
        format!("{}/secret", victim.display()),
        format!(".{}/secret", victim.display()),
        "rel-link".into(),
        "abs-link".into(),
        "sub/../../victim/secret".into(),
    ];
    // The mount as the preopen `/` (where `..` stops at the root, as on Linux) and as
    // `/m` (where `..` above the descriptor is refused, as under wasmtime).
    for guest in ["/", "/m"] {
        let out: Run = host
            .wasmix()
            .stdin(std::process::Stdio::null())
            .arg("run")
            .arg("--dir")
            .arg(format!("{}::{guest}", host.path("m").display()))
            .arg(&program)
            .args(&attempts)
            .output()
            .unwrap()
            .into();
        assert_no_secret(&out, "raw path_open");
        // The kernel answered every try (7 descriptors for each path), and the one
        // granted file reads through the preopen.
        assert_eq!(
            out.stdout.lines().count(),
            7 * attempts.len(),
            "{}{}",
            out.stdout,
            out.stderr
        );
        assert!(
            out.stdout
                .contains("3 note: read \"mounted read-write\\n\""),
            "{}",
            out.stdout
        );
        // Descriptors that were never opened are bad descriptors, not the root.
        assert!(
            out.stdout.contains("4 note: refused (BADF)"),
            "{}",
            out.stdout
        );
        if guest == "/m" {
            assert!(
                out.stdout.contains("3 ../victim/secret: refused (PERM)"),
                "{}",
                out.stdout
            );
        }
    }
}

// --- The compile cache ---------------------------------------------------------------

/// Two programs that are not built in (/bin's own are compiled at build time), a script
/// that runs both, and a private cache holding their compiled artifacts.
struct WarmCache {
    cache: tempfile::TempDir,
    state: tempfile::TempDir,
    /// What the script printed when both were freshly compiled.
    clean_output: String,
}

const RUNS_BOTH: &str = "misbehave exit 3; echo status $?; fileops read-once /etc/motd";

fn warm_cache() -> WarmCache {
    let warm = WarmCache {
        cache: support::private_dir(),
        state: support::state_with(&[
            (
                "/bin/misbehave",
                std::fs::read(fixture("misbehave")).unwrap(),
            ),
            ("/bin/fileops", std::fs::read(fixture("fileops")).unwrap()),
        ]),
        clean_output: String::new(),
    };
    let out = warm.run(RUNS_BOTH);
    assert!(out.stdout.starts_with("status 3\n"), "{}", out.stderr);
    // Compiled by the baseline compiler; the optimising compiles go on in the background.
    assert_eq!(await_artifacts(warm.cache.path(), 2).len(), 2);
    WarmCache {
        clean_output: out.stdout,
        ..warm
    }
}

impl WarmCache {
    fn run(&self, script: &str) -> Run {
        Command::new(WASMIX)
            .arg("--cache-dir")
            .arg(self.cache.path())
            .arg("--state")
            .arg(self.state.path())
            .args(["-c", script])
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap()
            .into()
    }
}

fn assert_recompiled(warm: &WarmCache, attack: &str) {
    let attacked = std::time::SystemTime::now();
    let out = warm.run(RUNS_BOTH);
    assert_eq!(out.stdout, warm.clean_output, "{attack}: {}", out.stderr);
    // One warning line for each artifact, and nothing else.
    assert_eq!(out.stderr.lines().count(), 2, "{attack}: {}", out.stderr);
    assert!(
        out.stderr
            .lines()
            .all(|l| l.ends_with("; compiling it again")),
        "{attack}: {}",
        out.stderr
    );
    // Once the optimising compiles have replaced both, a run finds good artifacts again,
    // and says nothing.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while artifacts(warm.cache.path())
        .iter()
        .any(|a| std::fs::metadata(a).unwrap().modified().unwrap() < attacked)
    {
        assert!(
            std::time::Instant::now() < deadline,
            "{attack}: never replaced"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let out = warm.run(RUNS_BOTH);
    assert_eq!(
        (out.stdout.as_str(), out.stderr.as_str()),
        (warm.clean_output.as_str(), ""),
        "{attack}"
    );
}

#[test]
fn a_corrupted_artifact_is_compiled_again_never_run() {
    let warm = warm_cache();
    for artifact in artifacts(warm.cache.path()) {
        let mut bytes = std::fs::read(&artifact).unwrap();
        let middle = bytes.len() / 2;
        for byte in &mut bytes[middle..middle + 64] {
            *byte ^= 0xff;
        }
        std::fs::write(&artifact, bytes).unwrap();
    }
    assert_recompiled(&warm, "flipped bits");
}

#[test]
fn a_truncated_artifact_is_compiled_again() {
    let warm = warm_cache();
    for artifact in artifacts(warm.cache.path()) {
        let length = std::fs::metadata(&artifact).unwrap().len();
        std::fs::OpenOptions::new()
            .write(true)
            .open(&artifact)
            .unwrap()
            .set_len(length / 3)
            .unwrap();
    }
    assert_recompiled(&warm, "truncated");
}

#[test]
fn a_swapped_artifact_is_compiled_again() {
    let warm = warm_cache();
    let found = artifacts(warm.cache.path());
    assert_eq!(found.len(), 2);
    // One program's name now holds the other's code.
    std::fs::copy(&found[1], &found[0]).unwrap();
    let out = warm.run(RUNS_BOTH);
    assert_eq!(out.stdout, warm.clean_output, "{}", out.stderr);
    assert!(
        out.stderr.contains("does not match its digest"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_linked_or_shared_artifact_is_not_trusted() {
    use std::os::unix::fs::PermissionsExt;
    let warm = warm_cache();
    let found = artifacts(warm.cache.path());
    // One artifact replaced by a link to a file elsewhere...
    let elsewhere = warm.cache.path().join("elsewhere");
    std::fs::rename(&found[0], &elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, &found[0]).unwrap();
    // ...the other made writable by everyone.
    std::fs::set_permissions(&found[1], std::fs::Permissions::from_mode(0o666)).unwrap();
    let out = warm.run(RUNS_BOTH);
    assert_eq!(out.stdout, warm.clean_output, "{}", out.stderr);
    assert!(out.stderr.contains("is a symbolic link"), "{}", out.stderr);
    assert!(
        out.stderr.contains("is writable by others"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_cache_directory_others_can_write_is_not_used() {
    use std::os::unix::fs::PermissionsExt;
    let warm = warm_cache();
    std::fs::set_permissions(warm.cache.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let out = warm.run(RUNS_BOTH);
    assert_eq!(out.stdout, warm.clean_output);
    assert!(
        out.stderr
            .contains("is writable by others (mode 777); programs are compiled in memory only"),
        "{}",
        out.stderr
    );
}
