//! Permission bits: chmod, `mkdir -m`, `find -perm`, `cp -p`, `ls -l/-F/--color` and
//! `test -x` against GNU and bash on this machine; modes kept by ramfs, the overlay and
//! host directories (checked on the host); scripts that run only with an x bit; files the
//! owner's bits forbid; and what a guest's chmod may not do to the host.

mod support;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use support::gnu::{case, compare, compare_unprivileged, made};

/// GNU chmod uses the process's umask: both sides get 022.
fn with_umask(command: &str) -> support::gnu::Case {
    made(format!("umask 022; {command}"), "")
}

/// In a new directory of the system's own (ramfs in wasmix): a guest cannot set the
/// set-ID and sticky bits of a host file, so cases with them run there.
fn in_temporary_directory(command: &str) -> support::gnu::Case {
    made(
        format!("umask 022; cd \"$(mktemp -d)\" && mkdir dir && touch f && {command}"),
        "",
    )
}

/// A shell's complaints without the `bash: line 1: ` or `wasmix: line 1: ` before them.
fn shell_errors(command: &str) -> support::gnu::Case {
    made(
        format!("{{ {command}; }} 2>&1 | sed 's/^[a-z]*: line 1: //'"),
        "",
    )
}

#[test]
fn chmod_as_gnu() {
    compare(&[
        with_umask("chmod 700 lines.txt; stat -c '%a %A' lines.txt"),
        with_umask(
            "chmod u=rw,g=r,o= lines.txt; stat -c %a lines.txt; chmod g+w,o+x lines.txt; stat -c %a lines.txt",
        ),
        with_umask(
            "chmod -v 755 lines.txt empty; chmod -c 755 lines.txt empty; chmod -c 640 empty",
        ),
        with_umask("chmod a=rX dir lines.txt; stat -c '%n %a' dir lines.txt"),
        with_umask("chmod 740 lines.txt; chmod g=u lines.txt; stat -c %a lines.txt"),
        in_temporary_directory(
            "chmod +t dir; chmod u+s,g+s f; stat -c '%A %a' dir f; ls -l f | cut -c1-10",
        ),
        in_temporary_directory(
            "chmod 2755 dir; chmod 755 dir; stat -c %a dir; chmod 00755 dir; stat -c %a dir",
        ),
        with_umask("chmod +x lines.txt; chmod -x empty; stat -c '%n %a' lines.txt empty"),
        with_umask("chmod -w lines.txt; stat -c %a lines.txt"),
        with_umask("chmod 666 lines.txt; chmod -w lines.txt; echo $?; stat -c %a lines.txt"),
        with_umask("chmod 0 lines.txt; ls -l lines.txt | cut -c1-10"),
        with_umask("chmod 711 dir; chmod --reference=dir lines.txt; stat -c %a lines.txt"),
        with_umask(
            "mkdir -p dir/sub; touch dir/sub/f dir/g; chmod -R go-rx dir; find dir -printf '%m %p\\n' | sort",
        ),
        with_umask("mkdir -p dir/sub; ln -s ../lines.txt dir/l; chmod -R -v 700 dir | sort"),
        with_umask("chmod q lines.txt"),
        with_umask("chmod u+z lines.txt"),
        with_umask("chmod 755 nosuch lines.txt; echo $?; stat -c %a lines.txt"),
        with_umask("ln -s nowhere dangling; chmod 755 dangling"),
        with_umask("chmod 755"),
        case("chmod"),
    ]);
}

#[test]
fn tools_that_show_and_use_modes_as_gnu() {
    compare(&[
        with_umask(
            "mkdir -m 700 a; mkdir -m u=rwx,g=rx b; mkdir -pm 750 c/d; stat -c '%n %a' a b c c/d",
        ),
        with_umask("mkdir -m q a"),
        with_umask(
            "chmod 600 lines.txt; chmod 755 words.txt; find . -perm 644 | sort; find . -perm -u+x -type f; find . -perm /o+w | sort",
        ),
        in_temporary_directory(
            "chmod 4755 f; find . -perm -4000; find . -perm /6000; find . -perm q",
        ),
        with_umask("chmod +x lines.txt; ls -F"),
        with_umask("chmod +x lines.txt; chmod o+w dir; ls --color=always"),
        with_umask(
            "chmod 750 lines.txt; cp lines.txt c1; cp -p lines.txt c2; stat -c '%n %a' c1 c2",
        ),
        with_umask(
            "touch c1; chmod 600 c1; cp lines.txt c1; stat -c %a c1; cp -a dir d2; stat -c %a d2",
        ),
        with_umask("chmod 700 dir; cp -r dir d2; stat -c %a d2"),
        with_umask(
            "chmod 644 lines.txt; test -x lines.txt; echo $?; chmod u+x lines.txt; [ -x lines.txt ]; echo $?; [[ -x dir ]]; echo $?",
        ),
        with_umask(
            "chmod 640 lines.txt; chmod 750 dir; tar -cf a.tar lines.txt dir; tar -tvf a.tar | cut -c1-10",
        ),
        with_umask(
            "chmod 751 dir; chmod 600 lines.txt; tar -cf a.tar dir lines.txt; mkdir o; tar -xf a.tar -C o; stat -c '%n %a' o/dir o/lines.txt",
        ),
        with_umask(
            "chmod 777 lines.txt; tar -cf a.tar lines.txt; mkdir o p; tar --no-same-permissions -xf a.tar -C o; tar -xpf a.tar -C p; stat -c %a o/lines.txt p/lines.txt",
        ),
    ]);
}

/// The umask, as bash shows and sets it, and what the files made under it get.
#[test]
fn umask_as_bash_and_gnu() {
    compare(&[
        case(
            "umask; umask -S; umask -p; umask -p -S; umask 077; umask; umask g+rx,o+r; umask; umask u-w; umask -S",
        ),
        shell_errors(
            "umask 089; echo $?; umask q; echo $?; umask u+q; echo $?; umask a=rx; umask; umask 1777; umask",
        ),
        shell_errors("umask -x; echo $?"),
        case(
            "umask 077; touch f; mkdir d; echo > g; mkdir -p p/q; stat -c '%n %a' f d g p p/q; cp lines.txt c; stat -c %a c",
        ),
        case(
            "umask 002; mkdir -m g+w d; touch f; stat -c '%n %a' d f; (umask 0; touch g); stat -c %a g; touch h; stat -c %a h",
        ),
        case("umask 027; chmod +w lines.txt; chmod =rwx dir; stat -c '%n %a' lines.txt dir"),
    ]);
}

/// A script runs only with an x bit, as in bash (as root too: some x bit is needed); a
/// WebAssembly program runs whatever its mode, as under `wasmtime run`.
#[test]
fn a_script_runs_only_when_executable() {
    compare(&[
        with_umask(
            "printf 'echo ran\\n' > s.sh; ./s.sh 2>/dev/null; echo $?; chmod u+x s.sh; ./s.sh; echo $?",
        ),
        with_umask(
            "printf '#!/bin/sh\\necho ran\\n' > s; chmod 644 s; ./s 2>/dev/null; echo $?; sh s",
        ),
    ]);
    let run = support::run_with(&[], "cd /tmp; echo 'echo ran' > s.sh; ./s.sh; echo $?");
    assert_eq!(run.stdout, "126\n");
    assert!(
        run.stderr.ends_with("./s.sh: Permission denied\n"),
        "{}",
        run.stderr
    );
    let run = support::run_with(
        &[],
        "cp /bin/true /tmp/t; chmod 600 /tmp/t; /tmp/t; echo $?",
    );
    assert_eq!((run.stdout.as_str(), run.stderr.as_str()), ("0\n", ""));
}

/// wasmix's user owns every file, so the owner's bits decide what it may do, on every
/// server alike. (bash and GNU cannot give these outputs here: the tests may run as root,
/// whom Linux lets read anything.)
#[test]
fn the_owners_bits_decide_what_may_be_done() {
    let dir = tempfile::tempdir().unwrap();
    let mount = format!("{}:/h", dir.path().display());
    for place in ["/tmp", "/home/user", "/h"] {
        let run = support::run_with(
            &["--mount", &mount],
            &format!(
                "cd {place}; echo x > f; chmod 000 f; cat f; echo $?; echo y > f; echo $?; \
                 grep -q x f; echo $?; chmod 600 f; cat f; \
                 mkdir d; chmod 500 d; touch d/n; echo $?; chmod 700 d; touch d/n; \
                 chmod 300 d; ls d; echo $?; chmod 500 d; rm d/n; echo $?; chmod 700 d; \
                 rm -r d; echo removed"
            ),
        );
        assert_eq!(
            run.stdout, "1\n1\n2\nx\n1\n2\n1\nremoved\n",
            "in {place}: {}",
            run.stderr
        );
        assert_eq!(
            run.stderr,
            "cat: f: Permission denied\n\
             wasmix: line 1: f: Permission denied\n\
             grep: f: Permission denied\n\
             touch: cannot touch 'd/n': Permission denied\n\
             ls: cannot open directory 'd': Permission denied\n\
             rm: cannot remove 'd/n': Permission denied\n",
            "in {place}"
        );
    }
}

/// Modes live in the host's own files: set on a mounted directory, kept in the state
/// directory across sessions, copied up from the image, and put back by `wasmix reset`.
#[test]
fn modes_are_kept_by_every_server() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("script"), "echo from the host\n").unwrap();
    let mount = format!("{}:/h", dir.path().display());
    let run = support::run_with(&["--mount", &mount], "chmod 750 /h/script && /h/script");
    assert_eq!(run.stdout, "from the host\n", "{}", run.stderr);
    let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode(&dir.path().join("script")), 0o750);

    let state = tempfile::tempdir().unwrap();
    let state_dir = state.path().to_str().unwrap();
    let first = support::run_with(
        &["--state", state_dir],
        "echo 'echo kept' > ~/s; chmod 700 ~/s; chmod 600 /etc/motd; ls -l /etc/motd | cut -c1-10",
    );
    assert_eq!(first.stdout, "-rw-------\n", "{}", first.stderr);
    let second = support::run_with(
        &["--state", state_dir],
        "~/s; stat -c %a ~/s /etc/motd /bin/cat",
    );
    assert_eq!(second.stdout, "kept\n700\n600\n755\n", "{}", second.stderr);
    let reset = support::wasmix()
        .args(["--state", state_dir, "reset", "/etc/motd"])
        .output()
        .unwrap();
    assert!(reset.status.success());
    let third = support::run_with(&["--state", state_dir], "stat -c %a /etc/motd");
    assert_eq!(third.stdout, "644\n");
}

/// A guest's chmod never makes a host file set-user-ID, set-group-ID or sticky, and
/// never changes the mode of the directory the host granted (or of wasmix's state).
#[test]
fn chmod_cannot_widen_host_authority() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("f"), "x").unwrap();
    std::fs::create_dir(dir.path().join("d")).unwrap();
    let before = std::fs::metadata(dir.path()).unwrap().permissions().mode();
    let mount = format!("{}:/h", dir.path().display());
    let run = support::run_with(
        &["--mount", &mount],
        "chmod 4777 /h/f; echo $?; chmod 3777 /h/d; echo $?; chmod 777 /h; echo $?; stat -c %a /h/f",
    );
    assert_eq!(run.stdout, "0\n0\n1\n777\n", "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "chmod: changing permissions of '/h': Operation not permitted\n"
    );
    let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode();
    assert_eq!(mode(&dir.path().join("f")) & 0o7777, 0o777);
    assert_eq!(mode(&dir.path().join("d")) & 0o7777, 0o777);
    assert_eq!(mode(dir.path()), before);

    let state = tempfile::tempdir().unwrap();
    let state_dir = state.path().to_str().unwrap();
    let run = support::run_with(&["--state", state_dir], "chmod 000 /; echo $?");
    assert_eq!(run.stdout, "1\n");
    let next = support::run_with(&["--state", state_dir], "echo booted");
    assert_eq!(next.stdout, "booted\n", "{}", next.stderr);
}

/// chown and chgrp as GNU's behave for a user who is not root: giving a file to its own
/// user and group succeeds and changes nothing, anything else is not permitted. (GNU's
/// own cannot show this here: the tests may run as root, who may give files to anyone.)
#[test]
fn chown_and_chgrp_for_wasmix_s_one_user() {
    let run = support::run_with(
        &[],
        "cd /tmp; touch f; mkdir d; touch d/g; \
         chown user f && chown user:user f && chown :user f && chown 1000:1000 f && chgrp user f && echo given; \
         chown -v user: f; chown -R -v user d; chgrp -v user f; chown -v : f; \
         chown 0 f; echo $?; chgrp -R 0 d; echo $?; chown bob f; echo $?; chown user:bob f; echo $?; \
         chown -v user nosuch f; echo $?; chown user; echo $?; ls -l f | cut -d' ' -f3,4",
    );
    assert_eq!(
        run.stdout,
        "given\n\
         ownership of 'f' retained as user:user\n\
         ownership of 'd/g' retained as user\n\
         ownership of 'd' retained as user\n\
         group of 'f' retained as user\n\
         ownership of 'f' retained\n\
         1\n1\n1\n1\n\
         failed to change ownership of 'nosuch' to user\n\
         ownership of 'f' retained as user\n\
         1\n1\n\
         user user\n"
    );
    assert_eq!(
        run.stderr,
        "chown: changing ownership of 'f': Operation not permitted\n\
         chgrp: changing group of 'd/g': Operation not permitted\n\
         chgrp: changing group of 'd': Operation not permitted\n\
         chown: invalid user: 'bob'\n\
         chown: invalid group: 'user:bob'\n\
         chown: cannot access 'nosuch': No such file or directory\n\
         chown: missing operand after 'user'\n\
         Try 'chown --help' for more information.\n"
    );
}

/// A directory's x bit is what lets a path pass through it, as Linux checks it for a user
/// who is not root; compared with bash and GNU run as such a user. (Several entries that
/// cannot be looked up are reported in the order of the directory's listing, which is the
/// host's order for GNU: those outputs are sorted.)
#[test]
fn directories_need_their_search_bit() {
    let in_closed = "mkdir -p a/b; echo x > a/b/f; echo y > a/g; chmod 600 a";
    let cases: Vec<support::gnu::Case> = [
        "cat a/b/f; echo $?; cat a/g; echo $?; ls a/b; echo $?",
        "test -e a/b/f; echo $?; [ -d a/b ]; echo $?; [ -f a/g ]; echo $?",
        "cp a/g c; mv a/g m; ln -s a/g s; cat s; echo $?; stat -c %a a/g; echo $?",
        "touch a/n; echo $?; rm -f a/g; echo $?; grep -r y a; echo $?",
        "chmod 300 a; cat a/g; ls a; echo $?; chmod 100 a; cat a/g; wc -l a/b/f",
        "ls -d a/.; echo $?; stat -c %F a/g/.; echo $?",
        "find a; echo $?",
        "chmod 700 a; rm -r a; echo $?",
    ]
    .iter()
    .map(|command| made(format!("umask 022; {in_closed}; {command}"), ""))
    .chain([
        shell_errors(&format!(
            "{in_closed}; cd a; echo $?; cd a/b; echo $?; cd a/..; echo $?"
        )),
        made(
            "umask 022; mkdir a; echo x > a/f; chmod 600 a; \
             ls -F a; ls -l a; ls -s a; ls -i a; ls -t a; ls -p a; echo $?"
                .into(),
            "",
        ),
        made(
            "umask 022; mkdir -p a/b; echo x > a/f; ln -s f a/l; chmod 600 a; \
             { ls -F a; ls -l a; ls -la a; ls --color=always a; echo $?; } 2>&1 | sort"
                .into(),
            "",
        ),
        made(
            "umask 022; mkdir -p y/x y/z; touch y/z/2; chmod 000 y/x; ls -R y 2>&1; \
             ls y/x y/z 2>&1; echo $?"
                .into(),
            "",
        ),
    ])
    .collect();
    compare_unprivileged(&cases);
}

/// wasmix starts with the umask it was started with, as a process inherits its parent's:
/// a user's `umask 077` keeps what the shell makes private, on the host too.
#[test]
fn the_hosts_umask_is_inherited() {
    let dir = tempfile::tempdir().unwrap();
    for (mask, file_mode, shown) in [("077", 0o600, "0077"), ("002", 0o664, "0002")] {
        let script = format!(
            "umask {mask}; exec \"$0\" --cache-dir \"$1\" --ephemeral --mount \"$2:/h\" -c 'umask; touch /h/f{mask}; mkdir -p /h/d{mask}/sub'"
        );
        let out = std::process::Command::new("sh")
            .args(["-c", &script, support::WASMIX])
            .arg(support::shared_cache())
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(String::from_utf8_lossy(&out.stdout), format!("{shown}\n"));
        let mode = |path: &str| {
            std::fs::metadata(dir.path().join(path))
                .unwrap()
                .permissions()
                .mode()
                & 0o777
        };
        assert_eq!(mode(&format!("f{mask}")), file_mode);
        assert_eq!(
            mode(&format!("d{mask}")),
            0o777 & !u32::from_str_radix(mask, 8).unwrap()
        );
        assert_eq!(
            mode(&format!("d{mask}/sub")),
            0o777 & !u32::from_str_radix(mask, 8).unwrap()
        );
    }
}
