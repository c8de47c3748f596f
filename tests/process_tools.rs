//! Programs that run a command with something changed: `nice` (the kernel's niceness,
//! inherited), `nohup` (SIGHUP ignored, terminal output sent to `nohup.out`) and `stdbuf`
//! (stdout's buffering), with what they rest on: ignored signals passing to children, as
//! across exec, /proc/PID/stat, and output that goes out a line at a time when asked or
//! when it is a terminal. Each against bash with GNU's tools on this machine.

mod support;

use std::os::unix::fs::PermissionsExt;
use std::process::Command;
use std::time::Duration;
use support::gnu::{case, compare, compare_unprivileged};
use support::pty::spawn;
use support::{WASMIX, shared_cache};

#[test]
fn nice_raises_the_niceness_its_children_inherit_as_gnu_nice() {
    // Unprivileged, as wasmix's user is: lowering the niceness is refused.
    compare_unprivileged(&[
        case("nice"),
        case("nice -n 5 nice"),
        case("nice -5 nice"),
        case("nice -n5 nice; nice --adjustment=3 nice; nice -n +4 nice"),
        case("nice -n 100 nice; nice -n 99999999999999999999 nice"),
        case("nice nice; nice -- nice; nice -n 5 -n 6 nice; nice -3 -4 nice"),
        case("nice -n 3 nice -n 2 nice"),
        case("nice -n -5 nice; echo $?"),
        case("nice -n x true; echo $?"),
        case("nice -n 1.5 nice; echo $?"),
        case("nice -12x nice; echo $?"),
        case("nice -n 5; echo $?"),
        case("nice -n; echo $?"),
        case("nice -n 5 /nosuch; echo $?"),
        case("nice -n 5 /etc; echo $?"),
        case("nice -n 7 cat /proc/self/stat | cut -d' ' -f19"),
        case("nice -n 2 sh -c 'nice -n 3 cat /proc/self/stat' | cut -d' ' -f18,19"),
        case("nice -n 4 sh -c 'exit 3'; echo $?"),
    ]);
}

#[test]
fn proc_stat_is_linux_s_line_of_52_fields() {
    compare(&[
        case("cut -d' ' -f2,3,16-21 /proc/self/stat"),
        case("wc -w < /proc/self/stat"),
        // Signals 1 to 16 only: a test runner may ignore others, which bash passes on.
        case("trap '' HUP INT; sed -n 's/^SigIgn:.*\\(....\\)$/\\1/p' /proc/self/status"),
    ]);
}

#[test]
fn ignored_signals_stay_ignored_in_children() {
    compare(&[
        case("trap '' HUP; sh -c 'kill -HUP $$; echo alive'"),
        case("trap '' TERM; sh -c 'kill $$; echo survived'; echo $?"),
        case("trap '' INT QUIT; sleep 10 & kill -INT $!; kill -QUIT $!; kill $!; wait $!; echo $?"),
        // bash reports a job ended by a signal (its pid in the line), but not by SIGTERM.
        case("sleep 10 & kill -TERM $!; wait $!; echo $?"),
    ]);
}

#[test]
fn env_ignores_and_restores_signals_for_its_command() {
    compare(&[
        case("env --ignore-signal=IO --list-signal-handling true"),
        case("env --ignore-signal=POLL,sigpipe --list-signal-handling true"),
        case("env --ignore-signal=13,,14 --list-signal-handling true; echo $?"),
        case("env --ignore-signal=HUP --default-signal --list-signal-handling true"),
        // Linux's real-time signals (34 and on) are not wasmix's.
        case("env --ignore-signal --list-signal-handling true 2>&1 | head -n 29"),
        case("env --ignore-signal=FOO true; echo $?"),
        case("env --ignore-signal=KILL true; echo $?"),
        case("env --default-signal=STOP true; echo $?"),
        case("env --ignore-signal=HUP sh -c 'kill -HUP $$; echo alive'"),
        // (bash names the pid of the command killed, which differs.)
        case(
            "(trap '' HUP; env --default-signal=HUP sh -c 'kill -HUP $$; echo alive'; echo $?) 2>&-",
        ),
        case("env --ignore-signal=HUP | grep -c ^PATH="),
    ]);
}

#[test]
fn a_command_run_as_by_exec_ends_its_runner_as_it_ended() {
    // bash says "Terminated" of a command SIGTERM ended, which is env or nice itself
    // when they exec it; wasmix's end by the same signal.
    compare(&[
        case("sh -c 'kill $$'; echo $?"),
        case("env sh -c 'kill $$'; echo $?"),
        case("nice sh -c 'kill $$'; echo $?"),
        case("nohup sh -c 'kill $$'; echo $?"),
        case("stdbuf -oL sh -c 'kill $$'; echo $?"),
        case("timeout 5 sh -c 'kill $$'; echo $?"),
        case("sh -c 'kill $$' | cat; echo $?"),
        case("f() { env sh -c 'kill $$'; echo in $?; }; f; echo $?"),
        case("timeout --preserve-status 0.1 sleep 3; echo $?"),
        case("(timeout -s KILL 0.1 sleep 3; echo $?) 2>&-"),
        case("(timeout -k 0.2 0.1 sh -c 'trap \"\" TERM; sleep 3'; echo $?) 2>&-"),
    ]);
}

#[test]
fn timeout_sends_any_signal_by_name_or_number() {
    compare(&[
        case("timeout -s HUP 0.1 sleep 10; echo $?"),
        case("timeout -s usr1 0.1 sleep 10; echo $?"),
        case("timeout -s SIGQUIT 0.1 sleep 10; echo $?"),
        case("timeout -v -s 10 0.1 sleep 10; echo $?"),
        case("timeout -s 32 0.1 sleep 1; echo $?"),
        case("timeout -s FOO 1 true; echo $?"),
        case("timeout -s HUP 0.2 nohup sleep 0.5; echo $?"),
    ]);
}

#[test]
fn nohup_off_a_terminal_runs_the_command_ignoring_hangups() {
    compare(&[
        case("nohup; echo $?"),
        case("nohup echo hi; echo $?"),
        case("nohup -- echo a b"),
        case("nohup nosuch; echo $?"),
        case("nohup /etc; echo $?"),
        case("nohup -x true; echo $?"),
        case("nohup sh -c 'kill -HUP $$; echo alive'; echo $?"),
        case("nohup sed -n 's/^SigIgn:.*\\(....\\)$/\\1/p' /proc/self/status"),
        case("nohup sh -c 'exit 7'; echo $?; ls"),
    ]);
}

/// A command line run on a terminal of its own (util-linux's `script`): by bash in `dir`,
/// or by wasmix with `dir` mounted at /data. What the terminal showed.
fn on_a_terminal(dir: &std::path::Path, wasmix: bool, line: &str) -> String {
    let inner = if wasmix {
        format!(
            "{WASMIX} --cache-dir {} --ephemeral --mount {}:/data -c 'cd /data; {line}'",
            shared_cache().display(),
            dir.display()
        )
    } else {
        format!("bash -c '{line}'")
    };
    let out = Command::new("script")
        .args(["-qec", &inner, "/dev/null"])
        .current_dir(dir)
        .env("LC_ALL", "C")
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn nohup_on_a_terminal_appends_to_nohup_out_as_gnu_nohup() {
    let line = "nohup echo hi; nohup sh -c \"echo err >&2\"; cat nohup.out; \
                nohup sh -c \"echo x; echo y >&2\" > out; cat out; \
                nohup echo z < /dev/null; cat nohup.out; \
                nohup true > /dev/null < /dev/null; echo $?";
    let gnu_dir = tempfile::tempdir().unwrap();
    let wasmix_dir = tempfile::tempdir().unwrap();
    let expected = on_a_terminal(gnu_dir.path(), false, line);
    let actual = on_a_terminal(wasmix_dir.path(), true, line);
    assert!(expected.contains("appending output to 'nohup.out'"));
    assert_eq!(actual, expected);
    // The file, seen from the host: the command's output, readable by its owner only.
    for dir in [&gnu_dir, &wasmix_dir] {
        let file = dir.path().join("nohup.out");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "hi\nerr\nz\n");
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn stdbuf_checks_modes_and_passes_them_on_as_gnu_stdbuf() {
    compare(&[
        case("stdbuf true; echo $?"),
        case("stdbuf -iL true; echo $?"),
        case("stdbuf -o1b true; echo $?"),
        case("stdbuf -o1Z true; echo $?"),
        case("stdbuf -o18446744073709551616 true; echo $?"),
        case("stdbuf -o-1 true; echo $?"),
        case("stdbuf -o0x10 true; echo $?"),
        case("stdbuf -i true; echo $?"),
        case("stdbuf -oL; echo $?"),
        case("stdbuf -oL nosuch; echo $?"),
        case("stdbuf -oL /etc; echo $?"),
        case("stdbuf -oL sh -c 'exit 4'; echo $?"),
        case("stdbuf -o1T echo x; echo $?"),
        case("stdbuf -o 1K -eL -i0 env | grep _STDBUF | sort"),
        case("stdbuf -o00 -e0K -i010 env | grep _STDBUF | sort"),
        case("stdbuf -o1kB -e1KiB -i2M env | grep _STDBUF | sort"),
        case("stdbuf -o' 7' -e+5 -oL env | grep _STDBUF | sort"),
    ]);
}

/// A filter between a writer that sends its second line only once the reader has the
/// first, and that reader: only a filter that passes each line on as it comes finishes.
fn streamed(filter: &'static str) -> support::gnu::Case {
    support::gnu::made(
        format!(
            "mkfifo f; {{ echo first; cat f; }} | {filter} | \
             {{ read line; echo \"$line\"; echo done > f; cat; }}"
        ),
        "",
    )
}

#[test]
fn line_buffered_output_reaches_a_pipe_line_by_line() {
    compare(&[
        streamed("stdbuf -oL grep ."),
        streamed("grep --line-buffered ."),
        streamed("stdbuf -o0 tr a-z A-Z"),
        streamed("stdbuf -oL cut -c1-"),
        streamed("stdbuf -oL sed s/x/y/"),
        streamed("sed -u s/x/y/"),
        streamed("stdbuf -oL sed -n p"),
        streamed("stdbuf -oL uniq"),
        streamed("stdbuf -oL uniq -i"),
        streamed("stdbuf -oL nl -ba"),
        streamed("stdbuf -oL tail -n +1"),
        streamed("stdbuf -oL paste -"),
    ]);
    // `q` ends sed before it opens the next file, as GNU's sed.
    compare(&[case("sed q lines.txt nosuch; echo $?")]);
}

#[test]
fn a_filter_writing_to_the_terminal_shows_each_line_at_once() {
    let mut command = Command::new(WASMIX);
    command
        .arg("--cache-dir")
        .arg(shared_cache())
        .arg("--ephemeral")
        .env("TERM", "xterm-256color");
    let mut shell = spawn(command, 24, 80);
    shell.exp_string("user@wasmix:~$ ").unwrap();
    // The second line would come after 60 s: the first must show before.
    shell
        .send_line("{ echo fir''st; sleep 60; echo second; } | grep fir")
        .unwrap();
    shell.exp_string("first\r\n").unwrap();
    std::thread::sleep(Duration::from_millis(100));
    shell.send_control('c').unwrap();
    shell.exp_string("user@wasmix:~ [130]$ ").unwrap();
}

/// pidof finds running programs by name under /proc, newest first, as procps' pidof:
/// `-s` one, `-o` leaves some out (`%PPID` the caller), `-S` separates, status 1 for
/// none.
#[test]
fn pidof_finds_programs_by_name() {
    let out = support::run(
        "sleep 5 & first=$!; sleep 5 & second=$!; \
         [ \"$(pidof sleep)\" = \"$second $first\" ] && echo both; \
         [ \"$(pidof -s sleep)\" = \"$second\" ] && echo single; \
         [ \"$(pidof -o $second sleep)\" = \"$first\" ] && echo omitted; \
         [ \"$(pidof -S , sleep)\" = \"$second,$first\" ] && echo separated; \
         pidof nosuch; echo $?; pidof -q sleep; echo $?; pidof pidof > /dev/null && echo self; \
         kill $first $second",
    );
    assert_eq!(
        out.stdout, "both\nsingle\nomitted\nseparated\n1\n0\nself\n",
        "{}",
        out.stderr
    );
}

/// pgrep finds what the shell started, by name, exactly, by command line, newest and
/// oldest, by parent, counted and listed; each answer checked against `$!`.
#[test]
fn pgrep_finds_processes_as_procps_pgrep() {
    let out = support::run(
        "sleep 30 & a=$!; sleep 31 & b=$!; \
         [ \"$(pgrep -x sleep | tr '\\n' ' ')\" = \"$a $b \" ] && echo exact; \
         [ \"$(pgrep -f 'sleep 31')\" = \"$b\" ] && echo full; \
         [ \"$(pgrep -n sleep)\" = \"$b\" ] && [ \"$(pgrep -o sleep)\" = \"$a\" ] && echo order; \
         [ \"$(pgrep -d, -P $$ sle)\" = \"$a,$b\" ] && echo parent; \
         [ \"$(pgrep -l -x sleep)\" = \"$a sleep\n$b sleep\" ] && echo list; \
         [ \"$(pgrep -a -f '31$')\" = \"$b sleep 31\" ] && echo full-list; \
         pgrep -c -i SLEEP; pgrep -x slee; echo $?; pgrep -v -x sleep -P $$ | grep -c \"^$a$\"; \
         kill $a $b",
    );
    assert_eq!(
        out.stdout, "exact\nfull\norder\nparent\nlist\nfull-list\n2\n1\n0\n",
        "{}",
        out.stderr
    );
}

/// Its mistakes, in procps' words and statuses.
#[test]
fn pgrep_refuses_as_procps_pgrep() {
    compare(&[
        case("pgrep; echo $?"),
        case("pgrep a b; echo $?"),
        case("pgrep '('; echo $?"),
        case("pgrep -P x; echo $?"),
        case("pgrep -z 2>&1 | head -2; pgrep -x -c 'no such process name'; echo $?"),
    ]);
}
