//! tput against ncurses' tput on this machine, both reading ncurses' compiled entries
//! (the host's /lib/terminfo, the copies in the image's /usr/share/terminfo): strings
//! expanded with parameters, numbers, booleans as statuses, `-T`, `-S`, `-x`, `cols` and
//! `lines` from the environment, and the statuses for what is absent or unknown.

mod support;

use support::gnu::{Case, compare, made};

/// The command on an xterm-256color with no `$COLUMNS` or `$LINES`, and its status.
fn on_xterm(command: &str) -> Case {
    made(
        format!("export TERM=xterm-256color; unset COLUMNS LINES; {command}; echo $?"),
        "",
    )
}

#[test]
fn tput_prints_capabilities_as_ncurses_tput() {
    compare(&[
        on_xterm("tput setaf 1 | od -An -c"),
        on_xterm("tput setab 4 | od -An -c"),
        on_xterm("tput sgr0 | od -An -c"),
        on_xterm("tput bold | od -An -c"),
        on_xterm("tput cup 5 10 | od -An -c"),
        on_xterm("tput clear | od -An -c"),
        on_xterm("tput -x clear | od -An -c"),
        on_xterm("tput colors"),
        on_xterm("tput cols"),
        on_xterm("tput co; tput columns; tput li"),
        on_xterm("tput lines"),
        on_xterm("COLUMNS=33 LINES=7 tput cols; COLUMNS=33 LINES=7 tput lines"),
        on_xterm("tput longname"),
        on_xterm("tput el | od -An -c"),
        on_xterm("tput civis | od -An -c"),
        on_xterm("tput am"),
        on_xterm("tput hs"),
        on_xterm("tput kbs | od -An -c"),
        on_xterm("tput nope"),
        on_xterm("tput setaf | od -An -c"),
        on_xterm("tput cup 1 | od -An -c"),
        on_xterm("tput it"),
        on_xterm("tput lm"),
        on_xterm("tput wind"),
        on_xterm("tput -T foo cols"),
        on_xterm("unset TERM; tput cols"),
        on_xterm("printf 'bold\\nsetaf 2\\nnope\\ncols\\n' | tput -S | od -An -c"),
        on_xterm("tput -T vt100 cols"),
        on_xterm("tput -T dumb setaf 1"),
        on_xterm("tput -Tvt100 clear | od -An -c"),
        on_xterm("tput -T vt100 el | od -An -c"),
        on_xterm("tput -T linux setaf 3 | od -An -c"),
        on_xterm("tput -T screen-256color setaf 100 | od -An -c"),
        on_xterm("tput -T tmux-256color sitm | od -An -c"),
        on_xterm("tput -T xterm-256color AF 2 | od -An -c"),
        on_xterm("tput -T xterm smcup | od -An -c"),
        on_xterm("tput -T xterm-256color hpa 7 | od -An -c"),
        on_xterm("tput -T ansi cols"),
        on_xterm("tput -T xterm-256color E3 | od -An -c"),
        on_xterm("tput -T xterm-256color RGB"),
        on_xterm("tput -T xterm-256color set_a_foreground 5 | od -An -c"),
        on_xterm("tput -T rxvt-unicode-256color setaf 9 | od -An -c"),
        on_xterm("tput -T vt220 smso | od -An -c"),
        on_xterm("tput -T xterm-256color kcub1 | od -An -c"),
        on_xterm("tput -T xterm-256color bogus_cap"),
        on_xterm("tput -T xterm-256color cm 1 2"),
        on_xterm("tput -T xterm-256color Ms | od -An -c"),
        on_xterm("tput -T xterm-256color cup 3 | od -An -c"),
    ]);
}
