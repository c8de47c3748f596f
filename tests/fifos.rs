//! Named pipes: `mkfifo`, `mknod` (whose devices wasmix refuses, as Linux refuses a user
//! without privilege), what `ls`, `stat`, `find`, `test` and `cp` make of one, and data
//! passing through one between processes, against bash and GNU on this machine, in a
//! host directory and in wasmix's own /tmp.

mod support;

use support::gnu::{case, compare, compare_unprivileged, made};

/// The same command in a new directory of wasmix's /tmp (ramfs) and of the host's.
fn in_temporary_directory(command: &str) -> support::gnu::Case {
    made(format!("cd \"$(mktemp -d)\" && {command}"), "")
}

const MAKING: &str = "umask 022; mkfifo -m zz x; echo $?; mkfifo -m 600 a; mkfifo -m +w b; \
    mkfifo -m g+w c; umask 077; mkfifo d; mkfifo -m +w e; mkfifo -m 4755 f; echo $?; \
    stat -c '%n %a %F %A' *; mkfifo a; echo $?; mkfifo nodir/x; echo $?; \
    ls -l a | cut -c1-10; ls -F; ls -p; ls --color=always a b; find . -type p | sort; \
    find . -name a -printf '%y %m\\n'; [ -p a ]; echo $?; [ -f a ]; echo $?; [ -p . ]; echo $?";

const FLOWING: &str = "mkfifo f; cat f & echo hello > f; wait; echo hi > f & cat f; wait; \
    seq 3 > f & wc -l < f; wait; yes > f & head -2 f; wait; \
    tr a-z A-Z < f & printf 'abc\\ndef\\n' > f; wait; (sleep 0.2; echo late > f) & cat f; \
    wait; seq 100000 | tee f > /dev/null & sort -rn f | head -1; wait; \
    echo x > f & read v < f; echo \"read $v\"; wait; rm f; ls";

const COPYING: &str = "mkdir d; mkfifo d/p; touch -d @1000 d/p; cp -R d e; cp -a d g; \
    ls -l e/p g/p | cut -c1-10; stat -c '%n %Y' g/p; cp -R d/p q; mv q r; [ -p r ]; echo $?; \
    rm -r d e g r; ls";

#[test]
fn mkfifo_and_what_tools_make_of_a_fifo() {
    compare(&[
        case(MAKING),
        in_temporary_directory(MAKING),
        case("mkfifo; echo $?"),
        case("mkfifo -m 1777 x; echo $?"),
    ]);
}

#[test]
fn data_passes_through_a_fifo() {
    compare(&[case(FLOWING), in_temporary_directory(FLOWING)]);
}

#[test]
fn a_fifo_opened_both_ways_holds_both_ends() {
    const BOTH_WAYS: &str = "mkfifo f; exec 8<> f; echo first >&8; echo second >&8; \
        read a <&8; read b <&8; exec 8<&-; echo \"$a $b\"; \
        exec 7<> f; printf 'x\\ny\\n' >&7; head -n 1 <&7; exec 7>&-";
    compare(&[case(BOTH_WAYS), in_temporary_directory(BOTH_WAYS)]);
}

/// A writer that opens and closes before its reader opens: on Linux its `open` waits for
/// that reader, which then sees the end of the file; nothing is left waiting.
#[test]
fn a_reader_after_an_unmet_writer_sees_the_end() {
    const UNMET: &str = "mkfifo p; cat p & exec 7>p; :; exec 7>&-; wait; echo done; \
        (sleep 0.2; cat p; echo reader-done) & exec 6>p; echo through >&6; exec 6>&-; wait";
    compare(&[case(UNMET), in_temporary_directory(UNMET)]);
}

#[test]
fn cp_makes_a_fifo_anew() {
    compare(&[case(COPYING), in_temporary_directory(COPYING)]);
}

const MKNOD: &str = "mknod p1 p; echo $?; mknod -m 600 p2 p; mknod pq pq; umask 077; \
    mknod p3 p; stat -c '%n %a %F' *; mknod p1 p; echo $?; mknod nodir/x p; echo $?; \
    mknod -m a+z p6 p; echo $?; mknod -m 4755 p7 p; echo $?";

#[test]
fn mknod_makes_fifos_and_checks_operands_as_gnu_mknod() {
    compare(&[
        case(MKNOD),
        in_temporary_directory(MKNOD),
        case("mknod; echo $?"),
        case("mknod p3; echo $?"),
        case("mknod p3 c; echo $?"),
        case("mknod p3 p 1 2; echo $?"),
        case("mknod p3 x; echo $?"),
        case("mknod p3 x 1 2; echo $?"),
        case("mknod p4 c 1; echo $?"),
        case("mknod p5 c a b; echo $?"),
        case("mknod p5 b 1 0x; echo $?"),
        case("mknod p7 b 1 2 3; echo $?"),
    ]);
    // Devices: refused for want of privilege, after the name is looked up.
    compare_unprivileged(&[
        case("mknod c1 c 1 3; echo $?; mknod b1 b 0x8 010; echo $?; ls"),
        case("mknod empty u 1 3; echo $?; mknod nodir/c c 1 3; echo $?"),
    ]);
}
