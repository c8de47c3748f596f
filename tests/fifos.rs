//! Named pipes: `mkfifo`, what `ls`, `stat`, `find`, `test` and `cp` make of one, and data
//! passing through one between processes, against bash and GNU on this machine, in a
//! host directory and in wasmix's own /tmp.

mod support;

use support::gnu::{case, compare, made};

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
fn cp_makes_a_fifo_anew() {
    compare(&[case(COPYING), in_temporary_directory(COPYING)]);
}
