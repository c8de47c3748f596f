//! The virtual filesystem as programs see it: file operations against what Linux does, the
//! overlay over the image, /proc, persistence, host mounts and namespaces.

mod support;

use std::io::{Seek, SeekFrom, Write};
use support::gnu::{case, compare};
use support::{fixture, run, run_in, run_with, state_with};

/// The same edits made by wasmix programs and by Linux on a host file must leave the same
/// bytes, and the failures must carry the same reasons.
#[test]
fn file_operations_leave_what_linux_leaves() {
    let state = state_with(&[("/bin/fileops", std::fs::read(fixture("fileops")).unwrap())]);
    let script = "cd /tmp; echo hello world > f; echo again >> f; \
                  fileops write-at /tmp/f 6 WORLD; fileops write-at /tmp/f 30 far; \
                  fileops set-len /tmp/f 25; mkdir d; mv f d/g; cat d/g";
    let out = run_in(&state, script);
    assert_eq!(out.stderr, "");

    let host = tempfile::tempdir().unwrap();
    let path = host.path().join("f");
    std::fs::write(&path, "hello world\n").unwrap();
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .unwrap();
    file.write_all(b"again\n").unwrap();
    let mut file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    file.seek(SeekFrom::Start(6)).unwrap();
    file.write_all(b"WORLD").unwrap();
    file.seek(SeekFrom::Start(30)).unwrap();
    file.write_all(b"far").unwrap();
    file.set_len(25).unwrap();
    assert_eq!(out.stdout.as_bytes(), std::fs::read(&path).unwrap());
}

#[test]
fn failures_carry_the_linux_reasons() {
    let script = "cd /tmp; mkdir d; touch d/f; \
                  rmdir d; rm d; cat d; mkdir d; cat nosuch; cd d/f; rm -r d; ls d; \
                  mv nosuch x; touch /proc/x; echo x > /etc; mkdir /etc/motd/x";
    let out = run(script);
    let expected = "rmdir: failed to remove 'd': Directory not empty\n\
                    rm: cannot remove 'd': Is a directory\n\
                    cat: d: Is a directory\n\
                    mkdir: cannot create directory 'd': File exists\n\
                    cat: nosuch: No such file or directory\n\
                    wasmix: line 1: cd: d/f: Not a directory\n\
                    ls: cannot access 'd': No such file or directory\n\
                    mv: cannot stat 'nosuch': No such file or directory\n\
                    touch: cannot touch '/proc/x': Permission denied\n\
                    wasmix: line 1: /etc: Is a directory\n\
                    mkdir: cannot create directory '/etc/motd/x': Not a directory\n";
    assert_eq!(out.stderr, expected);
    assert_eq!(run("rmdir /nonexistent").status, 1);
    assert_eq!(run("ls /nonexistent").status, 2);
}

#[test]
fn the_overlay_copies_up_and_hides() {
    let out = run("echo extra >> /etc/motd; rm /etc/profile; ls /etc; cat /etc/motd | wc -l");
    assert_eq!(out.stdout, "group\nmotd\npasswd\n3\n");
    // The image itself is untouched: a new boot sees it whole.
    let out = run("ls /etc; cat /etc/motd | wc -l");
    assert_eq!(out.stdout, "group\nmotd\npasswd\nprofile\n2\n");
    let out = run("echo x > /bin/new; ls /bin | wc -l; rm /bin/new; ls /bin | wc -l");
    let counts: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(counts.len(), 2);
    assert_eq!(
        counts[0].parse::<u32>().unwrap(),
        counts[1].parse::<u32>().unwrap() + 1
    );
}

/// A deleted or overwritten image file comes back with `wasmix reset`; files of the
/// user's own beside it stay.
#[test]
fn wasmix_reset_brings_back_deleted_image_files() {
    let state = support::state_with(&[]);
    let out = run_in(
        &state,
        "rm /bin/cat; echo mine > /bin/mine; echo changed > /etc/motd; rm -r /etc/profile; \
         cat /etc/motd",
    );
    assert_eq!(out.status, 127, "{}", out.stderr);
    let reset = |paths: &[&str]| {
        support::wasmix()
            .arg("--state")
            .arg(state.path())
            .arg("reset")
            .args(paths)
            .output()
            .unwrap()
    };
    let output = reset(&["/bin/cat", "/etc", "/nosuch"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "/bin/cat: as the image has it (1 entry)\n/etc: as the image has it (5 entries)\n"
    );
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "wasmix: reset: /nosuch: No such file or directory\n"
    );
    let out = run_in(&state, "cat /bin/mine; head -c 7 /etc/motd; echo; ls /etc");
    assert_eq!(
        out.stdout, "mine\nWelcome\ngroup\nmotd\npasswd\nprofile\n",
        "{}",
        out.stderr
    );
    // Nothing written inside can stand in for an image file once reset: the host's
    // layer no longer holds a copy or a whiteout for it.
    assert!(!state.path().join("root/bin/.wh.cat").exists());
    assert!(!state.path().join("root/etc/motd").exists());
}

#[test]
fn proc_shows_running_processes_and_forgets_reaped_ones() {
    let out = run("sleep 5 & ps; cat /proc/$!/cmdline | wc -c; ls /proc");
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert!(
        lines[0].contains("PID") && lines[0].contains("CMD"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains(" R 00:00:00 sleep 5\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains(" 1       0 R 00:00:00 wasmix\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("\n8\n"),
        "cmdline of sleep is 'sleep\\05\\0'"
    );

    // After 10,000 spawns the table holds the shell and the listing process only.
    let many = "true; ".repeat(10_000);
    let out = run(&format!("{many} ls /proc"));
    let entries: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(entries.len(), 7, "{:?}", entries);
    assert_eq!(entries[0], "1");
    assert_eq!(
        &entries[2..],
        ["cpuinfo", "loadavg", "mounts", "self", "uptime"]
    );
}

/// /proc/uptime and /proc/loadavg have Linux's fields, and `uptime` prints them as
/// procps-ng's does: the parts that depend on the machine are made alike on both sides.
#[test]
fn uptime_and_load_averages_as_linux_shows_them() {
    compare(&[
        case("awk '{ print NF }' /proc/uptime /proc/loadavg"),
        case("sed -E 's/[0-9]+/9/g' /proc/uptime /proc/loadavg"),
        case("uptime | sed -E 's/up .*, +[0-9]+ users?,/up X, N user,/; s/[0-9]+/9/g'"),
        case("uptime -s | sed 's/[0-9]/9/g'; uptime --since | wc -c"),
        case("uptime -p | cut -c1-3; uptime --pretty | cut -c1-3"),
        case("uptime -h | head -3; uptime x; echo $?"),
        case("uptime -x; echo $?; uptime --bogus; uptime -V -x | wc -l"),
    ]);
    // Just booted, one process running, and the pid given last.
    let out = run("cat /proc/loadavg; uptime -p");
    assert!(
        out.stdout
            .starts_with("0.00 0.00 0.00 1/2 2\nup 0 minutes\n"),
        "{}",
        out.stdout
    );
    // A process busy for two seconds raises the one-minute average by about 1 - e^(-2/60).
    let out = run("spin 3 & sleep 2; cat /proc/loadavg");
    let one_minute: f64 = out.stdout.split(' ').next().unwrap().parse().unwrap();
    assert!((0.02..0.1).contains(&one_minute), "{}", out.stdout);
}

#[test]
fn proc_self_is_the_asking_process() {
    let out = run("cat /proc/self/status; readlink /proc/self");
    assert!(
        out.stdout.starts_with("Name:\tcat\nState:\tR (running)\n"),
        "{}",
        out.stdout
    );
    let pid_line = out.stdout.lines().find(|l| l.starts_with("Pid:")).unwrap();
    let readlink_pid = out.stdout.lines().last().unwrap();
    assert_ne!(
        pid_line.trim_start_matches("Pid:\t"),
        readlink_pid,
        "two different processes"
    );
}

/// /proc/PID/exe names the file a process runs, as on Linux: the program; for a script,
/// its interpreter (`/bin/sh` for one without a `#!` line); for the shell and its
/// subshells, the shell's file. It reads as that file.
#[test]
fn proc_exe_is_the_file_a_process_runs() {
    let out = run(
        "readlink /proc/self/exe; readlink /proc/$$/exe; (readlink /proc/self/exe); \
         cd /tmp; printf '#!/bin/bash\\nreadlink /proc/$$/exe\\n' > s; \
         printf 'readlink /proc/$$/exe\\n' > t; chmod +x s t; ./s; ./t; \
         cmp /proc/self/exe /bin/cmp && echo same; \
         { exec readlink /proc/self/exe; }; echo not reached",
    );
    assert_eq!(
        out.stdout,
        "/bin/readlink\n/bin/sh\n/bin/readlink\n/bin/bash\n/bin/sh\nsame\n/bin/readlink\n",
        "{}",
        out.stderr
    );
}

#[test]
fn files_persist_across_boots_with_state() {
    let state = tempfile::tempdir().unwrap();
    let dir = state.path().to_str().unwrap();
    let out = run_with(
        &["--state", dir],
        "echo remember me > ~/note; mkdir ~/projects",
    );
    assert_eq!(out.status, 0, "{}", out.stderr);
    let out = run_with(&["--state", dir], "cat ~/note; ls ~");
    assert_eq!(out.stdout, "remember me\nnote\nprojects\n");
}

#[test]
fn ephemeral_leaves_nothing_behind() {
    let home = tempfile::tempdir().unwrap();
    let out = support::wasmix()
        .env("HOME", home.path())
        .env_remove("XDG_DATA_HOME")
        .args(["--ephemeral", "-c", "echo gone > ~/file; cat ~/file"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "gone\n");
    let left: Vec<_> = std::fs::read_dir(home.path()).unwrap().collect();
    assert!(left.is_empty(), "found {left:?}");
}

#[test]
fn host_mounts_read_write_and_read_only() {
    let host = tempfile::tempdir().unwrap();
    std::fs::write(host.path().join("data.txt"), "from the host\n").unwrap();
    let rw = format!("{}:/mnt/host", host.path().display());
    let out = run_with(
        &["--mount", &rw],
        "cat /mnt/host/data.txt; echo from wasmix > /mnt/host/new.txt; mkdir /mnt/host/dir",
    );
    assert_eq!(out.stdout, "from the host\n");
    assert_eq!(
        std::fs::read_to_string(host.path().join("new.txt")).unwrap(),
        "from wasmix\n"
    );
    assert!(host.path().join("dir").is_dir());

    let ro = format!("{}:/mnt/ro:ro", host.path().display());
    let out = run_with(
        &["--mount", &ro],
        "cat /mnt/ro/data.txt; echo x > /mnt/ro/data.txt; rm /mnt/ro/new.txt; mkdir /mnt/ro/d",
    );
    assert_eq!(out.stdout, "from the host\n");
    assert_eq!(
        out.stderr,
        "wasmix: line 1: /mnt/ro/data.txt: Read-only file system\n\
         rm: cannot remove '/mnt/ro/new.txt': Read-only file system\n\
         mkdir: cannot create directory '/mnt/ro/d': Read-only file system\n"
    );
    assert_eq!(
        std::fs::read_to_string(host.path().join("data.txt")).unwrap(),
        "from the host\n"
    );
    assert!(host.path().join("new.txt").exists());
}

#[test]
fn nothing_escapes_a_host_mount() {
    let outside = tempfile::tempdir().unwrap();
    let inside = outside.path().join("inside");
    std::fs::create_dir(&inside).unwrap();
    std::fs::write(outside.path().join("secret.txt"), "host secret\n").unwrap();
    std::os::unix::fs::symlink("../secret.txt", inside.join("relative-link")).unwrap();
    let absolute_target = outside.path().join("secret.txt");
    std::os::unix::fs::symlink(&absolute_target, inside.join("absolute-link")).unwrap();
    let mount = format!("{}:/mnt/in", inside.display());
    let out = run_with(
        &["--mount", &mount],
        &format!(
            "cat /mnt/in/../secret.txt; cat /mnt/in/../../../secret.txt; \
             cat /mnt/in/relative-link; cat /mnt/in/absolute-link; cat {}; \
             echo written > /mnt/in/../escape.txt; echo written > /mnt/in/relative-link; \
             ln -s /etc/motd /mnt/in/made-here 2>/dev/null; echo $?",
            absolute_target.display()
        ),
    );
    assert!(!out.stdout.contains("host secret"), "{}", out.stdout);
    assert_eq!(
        out.stdout, "1\n",
        "an absolute link cannot be made on a host mount"
    );
    assert!(std::fs::symlink_metadata(inside.join("made-here")).is_err());
    assert_eq!(
        std::fs::read_to_string(outside.path().join("secret.txt")).unwrap(),
        "host secret\n"
    );
    assert!(!outside.path().join("escape.txt").exists());
    let names: Vec<String> = std::fs::read_dir(outside.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "only inside/ and secret.txt: {names:?}");
}

#[test]
fn bad_mount_options_stop_the_boot() {
    let out = run_with(&["--mount", "/definitely/not/here:/x"], "true");
    assert_eq!(out.status, 2);
    assert_eq!(
        out.stderr,
        "wasmix: cannot boot: --mount /definitely/not/here:/x: /definitely/not/here: No such file or directory\n"
    );
    let out = run_with(&["--mount", "nocolon"], "true");
    assert_eq!(out.status, 2);
    assert!(
        out.stderr.contains("expected HOST:GUEST or HOST:GUEST:ro"),
        "{}",
        out.stderr
    );
}

#[test]
fn paths_are_clamped_at_the_root_and_checked_for_length() {
    let long = "x".repeat(300);
    let out = run(&format!(
        "cat /../../../etc/motd | wc -l; cd /../..; pwd; cat //etc///motd | wc -l; touch /tmp/{long}"
    ));
    assert_eq!(out.stdout, "2\n/\n2\n");
    assert!(
        out.stderr.ends_with("File name too long\n"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_bind_is_seen_by_later_children_only() {
    let script = "mkdir /tmp/a /tmp/b; touch /tmp/a/from-a /tmp/b/from-b; \
                  sleep 2 & early=$!; \
                  bind -a /tmp/a /tmp/b; ls /tmp/b; \
                  cat /proc/$early/mounts | wc -l; cat /proc/self/mounts | wc -l; \
                  umount /tmp/b; ls /tmp/b";
    let out = run(script);
    assert_eq!(
        out.stdout, "from-a\nfrom-b\n5\n7\nfrom-b\n",
        "{}",
        out.stderr
    );
}

#[test]
fn a_directory_bound_over_another_shows_its_entries() {
    let out = run(
        "mkdir /tmp/a /tmp/b; touch /tmp/a/x /tmp/b/y; bind /tmp/a /tmp/b; ls /tmp/b; \
                   cd /tmp/b && pwd && ls",
    );
    assert_eq!(out.stdout, "x\n/tmp/b\nx\n", "{}", out.stderr);
}

#[test]
fn scripts_that_name_usr_bin_run_as_on_a_merged_usr_linux() {
    let out = run(
        "printf '#!/usr/bin/env bash\\necho env: $BASH_VERSINFO\\n' > /tmp/e; \
                   printf '#!/usr/bin/sh\\necho sh\\n' > /tmp/s; chmod +x /tmp/e /tmp/s; \
                   /tmp/e; /tmp/s; /usr/bin/seq 2; [ \"$(ls /usr/bin)\" = \"$(ls /bin)\" ] && echo same",
    );
    assert_eq!(out.stdout, "env: 5\nsh\n1\n2\nsame\n", "{}", out.stderr);
}

/// What a guest left at /usr in its state directory (a file, or a link where /usr/bin
/// would be) keeps /bin from being bound there, and never stops the next boot or moves
/// /bin over what the link names.
#[test]
fn what_a_guest_leaves_at_usr_never_stops_a_boot() {
    let file = state_with(&[("/usr", b"a file\n".to_vec())]);
    let out = run_in(&file, "cat /usr; ls /bin | grep -c '^cat$'");
    assert_eq!(out.stdout, "a file\n1\n", "{}", out.stderr);
    let link = state_with(&[("/usr/.keep", Vec::new())]);
    std::os::unix::fs::symlink("/etc", link.path().join("root/usr/bin")).unwrap();
    let out = run_in(&link, "ls /etc; ns | grep -c usr");
    assert_eq!(
        out.stdout, "group\nmotd\npasswd\nprofile\n0\n",
        "{}",
        out.stderr
    );
}

/// /etc/passwd and /etc/group name the one user, as `id`, `ls -l` and `~` do, and root,
/// whose home `~root` is, as on Linux.
#[test]
fn passwd_and_group_name_the_user() {
    let out = run(
        "id -un; id -u; id -gn; cut -d: -f1,3,4,6,7 /etc/passwd; cut -d: -f1,3 /etc/group; \
         stat -c %U:%G /etc/passwd; echo ~ ~user ~root ~nobody",
    );
    assert_eq!(
        out.stdout,
        "user\n1000\nuser\nroot:0:0:/root:/bin/sh\nuser:1000:1000:/home/user:/bin/sh\n\
         root:0\nuser:1000\nuser:user\n/home/user /home/user /root ~nobody\n",
        "{}",
        out.stderr
    );
    // The shell completes user and group names from them, in their order.
    let out = run(
        "echo 'staff:x:50:' >> /etc/group; compgen -u; compgen -A user u; compgen -g; \
         compgen -g s; compgen -u -g -W w; complete -u -g foo; complete -p foo",
    );
    assert_eq!(
        out.stdout,
        "root\nuser\nuser\nroot\nuser\nstaff\nstaff\nroot\nuser\nroot\nuser\nstaff\nw\n\
         complete -g -u foo\n",
        "{}",
        out.stderr
    );
}

/// The shell completes service names (`compgen -s`, `-A service`) from /etc/services
/// as bash does from the same file (the host's, copied in): names and aliases, entry
/// by entry, repeats kept.
#[test]
fn services_complete_from_etc_services_as_in_bash() {
    let services = std::path::Path::new("/etc/services");
    if !services.exists() {
        eprintln!("skipped: this host has no /etc/services to compare with");
        return;
    }
    let script =
        "compgen -s; compgen -A service -- s; compgen -s -- www; compgen -s -- zzz; echo $?";
    let bash = std::process::Command::new("bash")
        .args(["-c", script])
        .output()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(services, dir.path().join("services")).unwrap();
    let mount = format!("{}:/host", dir.path().display());
    let out = support::wasmix()
        .args(["--ephemeral", "--mount", &mount, "-c"])
        .arg(format!(
            "cp /host/services /etc/services && {{ {script}; }}"
        ))
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&bash.stdout),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// /var/tmp is there from the first boot, with /tmp's mode (a state directory on the
/// host keeps no sticky bit), and what is written there is still there after a reboot.
#[test]
fn var_tmp_is_made_at_boot_and_kept_across_reboots() {
    let out = run("stat -c '%A' /var/tmp");
    assert_eq!(out.stdout, "drwxrwxrwt\n", "{}", out.stderr);
    let state = state_with(&[("/etc/kept", Vec::new())]);
    let out = run_in(&state, "stat -c '%A' /var/tmp; echo kept > /var/tmp/f");
    assert_eq!(out.stdout, "drwxrwxrwx\n", "{}", out.stderr);
    let out = run_in(&state, "cat /var/tmp/f");
    assert_eq!(out.stdout, "kept\n", "{}", out.stderr);
}

#[test]
fn a_preview1_program_resolves_relative_paths_after_cd() {
    let module = std::fs::read(support::preview1_fixture("p1-files")).unwrap();
    assert_eq!(&module[4..8], &[1, 0, 0, 0], "the fixture is a core module");
    let state = state_with(&[
        ("/bin/p1-files", module),
        ("/home/user/work/in.txt", b"relative content\n".to_vec()),
    ]);
    let out = run_in(
        &state,
        "cd ~/work; p1-files in.txt out.txt /etc/motd; cat out.txt; ls; \
         cd /tmp; p1-files ../home/user/work/in.txt here.txt /etc/profile; ls /tmp",
    );
    assert_eq!(
        out.stdout,
        "relative content\nWelcome to wasmix: every program here is a sandboxed WebAssembly component.\n\
         written by a preview 1 program\nin.txt\nout.txt\n\
         relative content\n# System-wide settings for login shells.\nhere.txt\n"
    );
    assert_eq!(out.stderr, "");
}

#[test]
fn a_closed_file_survives_kill_9_of_wasmix() {
    let state = tempfile::tempdir().unwrap();
    let dir = state.path().to_str().unwrap();
    let mut child = support::wasmix()
        .args(["--state", dir, "-c", "echo saved > ~/kept; sleep 30"])
        .spawn()
        .unwrap();
    let kept = state.path().join("root/home/user/kept");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !kept.exists() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    std::thread::sleep(std::time::Duration::from_millis(100));
    child.kill().unwrap();
    child.wait().unwrap();
    let out = run_with(&["--state", dir], "cat ~/kept");
    assert_eq!(out.stdout, "saved\n");
}

#[test]
fn du_and_df_report_file_sizes() {
    // du counts 4096-byte blocks, as on ext4: 4K for each directory and for each file
    // of up to 4096 bytes.
    let out = run(
        "mkdir -p /tmp/d/e; head -c 3000 /dev/zero > /tmp/d/a; head -c 2048 /dev/zero > /tmp/d/e/b; \
         du /tmp/d; du -s /tmp/d; du -sh /tmp/d; du -a /tmp/d/e",
    );
    assert_eq!(
        out.stdout,
        "8\t/tmp/d/e\n16\t/tmp/d\n16\t/tmp/d\n16K\t/tmp/d\n4\t/tmp/d/e/b\n8\t/tmp/d/e\n"
    );
    let out = run("head -c 5000 /dev/zero > /tmp/f; df");
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert!(lines[0].starts_with("Filesystem") && lines[0].ends_with("Used Mounted on"));
    let tmp = lines
        .iter()
        .find(|l| l.ends_with(" /tmp"))
        .expect("a /tmp line");
    assert!(tmp.starts_with("ramfs") && tmp.contains(" 5 /tmp"), "{tmp}");
}

#[test]
fn ns_and_mount_show_the_namespace() {
    let out = run("ns; mount");
    let expected = "/         overlay (ramfs over image)\n/dev      devfs\n/proc     procfs\n\
                    /tmp      ramfs\n/usr/bin  overlay (ramfs over image) /bin\n";
    assert_eq!(out.stdout, expected.repeat(2));
}

#[test]
fn host_names_that_are_not_utf8_are_listed_found_and_removed() {
    let dir = tempfile::tempdir().unwrap();
    use std::os::unix::ffi::OsStrExt;
    for name in [&b"caf\xe9"[..], b"\xff", b"plain"] {
        std::fs::write(dir.path().join(std::ffi::OsStr::from_bytes(name)), "x").unwrap();
    }
    let gnu = |script: &str| {
        std::process::Command::new("bash")
            .args(["-c", script])
            .current_dir(dir.path())
            .env("LC_ALL", "C")
            .output()
            .unwrap()
            .stdout
    };
    let expected_ls = gnu("ls");
    let expected_find = gnu("find . | sort");
    let mount = format!("{}:/m", dir.path().display());
    let out = support::wasmix()
        .args([
            "--ephemeral",
            "--mount",
            &mount,
            "-c",
            "cd /m; ls; find . | sort",
        ])
        .output()
        .unwrap();
    assert_eq!(out.stdout, [expected_ls, expected_find].concat());
    let out = run_with(
        &["--mount", &mount],
        "cat /m/* | wc -c; rm /m/*; ls /m | wc -l",
    );
    assert_eq!(out.stdout, "3\n0\n", "{}", out.stderr);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn mount_points_are_never_made_in_a_host_directory() {
    let outer = tempfile::tempdir().unwrap();
    let inner = tempfile::tempdir().unwrap();
    std::fs::write(outer.path().join("top.txt"), "top\n").unwrap();
    std::fs::write(inner.path().join("in.txt"), "in\n").unwrap();
    let out = support::wasmix()
        .arg("--ephemeral")
        .arg("--mount")
        .arg(format!("{}:/m", outer.path().display()))
        .arg("--mount")
        .arg(format!("{}:/m/inner", inner.path().display()))
        .args(["-c", "cat /m/top.txt /m/inner/in.txt; ls /m"])
        .output()
        .unwrap();
    let out: support::Run = out.into();
    assert_eq!(out.stdout, "top\nin\ninner\ntop.txt\n", "{}", out.stderr);
    let names: Vec<_> = std::fs::read_dir(outer.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["top.txt"], "nothing was made in the host directory");
}

#[test]
fn an_open_file_keeps_its_identity_across_a_rename() {
    let fileops = fixture("fileops");
    for dir in ["/tmp", "/home/user", "/m"] {
        let host = tempfile::tempdir().unwrap();
        let mount = format!("{}:/m", host.path().display());
        let fx = format!("{}:/fx:ro", fileops.parent().unwrap().display());
        let out = run_with(
            &["--mount", &mount, "--mount", &fx],
            &format!(
                "cd {dir}; echo a > old; echo b > other; \
                 /fx/fileops.wasm touch-renamed old new && stat -c '%n %Y' new other | sed 's/ [0-9]\\{{5,\\}}$/ now/'"
            ),
        );
        assert_eq!(out.stdout, "new 1000\nother now\n", "{dir}: {}", out.stderr);
    }
}

#[test]
fn a_large_read_returns_what_is_there_and_then_the_rest() {
    let fileops = fixture("fileops");
    let fx = format!("{}:/fx:ro", fileops.parent().unwrap().display());
    let out = run_with(
        &["--mount", &fx],
        "head -c 3000000 /dev/zero > /tmp/big; /fx/fileops.wasm read-once /tmp/big",
    );
    let sizes: Vec<u64> = out
        .stdout
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    assert_eq!(sizes.len(), 2, "{}{}", out.stdout, out.stderr);
    assert_eq!(sizes[0] + sizes[1], 3_000_000, "{}", out.stdout);
}
