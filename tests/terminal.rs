//! Full-screen programs on a real pseudo-terminal: less and vi driven by keys, the
//! terminal's mode checked from the host side (the pty's own settings), and the kernel
//! giving the terminal back when a program that made it raw is killed.

mod support;

use rexpect::session::PtySession;
use std::os::fd::AsRawFd;
use std::path::Path;
use std::time::Duration;
use support::pty::{press, resize, spawn};
use support::{WASMIX, shared_cache};

/// A shell on a 24 by 80 terminal, with `dir` mounted read-write at /m.
fn shell_on_terminal(dir: &Path) -> PtySession {
    let mut command = std::process::Command::new(WASMIX);
    command
        .arg("--cache-dir")
        .arg(shared_cache())
        .arg("--ephemeral")
        .arg("--mount")
        .arg(format!("{}:/m", dir.display()))
        .env("TERM", "xterm-256color");
    let mut shell = spawn(command, 24, 80);
    shell.exp_string("user@wasmix:~$ ").unwrap();
    shell
}

/// The terminal's line discipline as the host sees it: (canonical, echo).
fn discipline(shell: &PtySession) -> (bool, bool) {
    let master = shell.process().get_file_handle().unwrap();
    let mut name = [0 as libc::c_char; 128];
    // SAFETY: ptsname_r writes a NUL-terminated name into the buffer it is given.
    let found = unsafe { libc::ptsname_r(master.as_raw_fd(), name.as_mut_ptr(), name.len()) };
    assert_eq!(found, 0);
    // SAFETY: the name was NUL-terminated by ptsname_r.
    let path = unsafe { std::ffi::CStr::from_ptr(name.as_ptr()) };
    let slave = std::fs::File::open(path.to_str().unwrap()).unwrap();
    // SAFETY: tcgetattr writes a termios through a valid pointer to one.
    let attributes = unsafe {
        let mut attributes = std::mem::zeroed::<libc::termios>();
        assert_eq!(libc::tcgetattr(slave.as_raw_fd(), &mut attributes), 0);
        attributes
    };
    (
        attributes.c_lflag & libc::ICANON != 0,
        attributes.c_lflag & libc::ECHO != 0,
    )
}

/// Polls the pty's settings until they are `wanted` (the program sets them as it starts).
fn await_discipline(shell: &PtySession, wanted: (bool, bool)) {
    for _ in 0..100 {
        if discipline(shell) == wanted {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(discipline(shell), wanted);
}

/// The terminal's settings while a command runs: at the prompt the line editor has it
/// raw, so `head` is run, waiting for a line, and the settings are read meanwhile.
fn discipline_of_a_command(shell: &mut PtySession) -> (bool, bool) {
    shell.send_line("head -n 1").unwrap();
    for _ in 0..100 {
        if discipline(shell).0 {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let found = discipline(shell);
    shell.send_line("typed").unwrap();
    shell.exp_string("typed\r\n").unwrap();
    shell.exp_string("user@wasmix:~$ ").unwrap();
    found
}

#[test]
fn less_pages_a_long_file_and_a_pipe_with_g_search_and_q() {
    let dir = tempfile::tempdir().unwrap();
    let text: String = (1..=10_000).map(|n| format!("line {n}\n")).collect();
    std::fs::write(dir.path().join("big.txt"), text).unwrap();
    let mut shell = shell_on_terminal(dir.path());
    let before = discipline_of_a_command(&mut shell);
    assert!(before.0, "the terminal is canonical for commands");

    shell.send_line("less /m/big.txt").unwrap();
    shell
        .exp_string("line 23\x1b[K\r\n\x1b[7m/m/big.txt\x1b[27m")
        .unwrap();
    await_discipline(&shell, (false, false));
    // A smaller window: the page is drawn again to fit it.
    resize(&shell, 12, 80);
    shell
        .exp_string("line 11\x1b[K\r\n\x1b[7m/m/big.txt\x1b[27m")
        .unwrap();
    resize(&shell, 24, 80);
    shell
        .exp_string("line 23\x1b[K\r\n\x1b[7m/m/big.txt\x1b[27m")
        .unwrap();
    press(&mut shell, "/line 5000");
    press(&mut shell, "\r");
    // The match is the top line, the rest of the page below it.
    shell.exp_string("line 5001\x1b[K").unwrap();
    shell.exp_string("line 5022\x1b[K\r\n:").unwrap();
    press(&mut shell, "G");
    shell
        .exp_string("line 10000\x1b[K\r\n\x1b[7m(END)\x1b[27m")
        .unwrap();
    press(&mut shell, "g");
    shell.exp_string("\x1b[Hline 1\x1b[K").unwrap();
    press(&mut shell, "q");
    shell.exp_string("user@wasmix:~$ ").unwrap();
    assert_eq!(discipline_of_a_command(&mut shell), before);

    // Paging a pipe: the keys come from the terminal, not from standard input.
    shell.send_line("cat /m/big.txt | less -N").unwrap();
    shell.exp_string("     23 line 23\x1b[K\r\n:").unwrap();
    press(&mut shell, " ");
    shell.exp_string("     46 line 46\x1b[K\r\n:").unwrap();
    press(&mut shell, "q");
    shell.exp_string("user@wasmix:~$ ").unwrap();
    shell.send_line("exit").unwrap();
    shell.exp_eof().unwrap();
}

#[test]
fn vi_inserts_deletes_substitutes_and_writes_with_wq() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "first line\nsecond line\nthird\n").unwrap();
    let mut shell = shell_on_terminal(dir.path());
    let before = discipline_of_a_command(&mut shell);
    assert!(before.0, "the terminal is canonical for commands");

    shell.send_line("vi /m/notes.txt").unwrap();
    shell.exp_string("\"/m/notes.txt\" 3L, 29B").unwrap();
    await_discipline(&shell, (false, false));
    // O opens a line above; Escape ends the insert.
    press(&mut shell, "Ozero");
    shell.exp_string("-- INSERT --").unwrap();
    press(&mut shell, "\x1b");
    // Down to "first line", delete it; the word "line" of "second line" changed.
    press(&mut shell, "jdd");
    shell.exp_string("second line").unwrap();
    press(&mut shell, "wcwrow");
    press(&mut shell, "\x1b");
    press(&mut shell, ":%s/i/I/g\r");
    shell.exp_string("thIrd").unwrap();
    press(&mut shell, "u");
    press(&mut shell, ":2s/o/0/\r");
    shell.exp_string("sec0nd row").unwrap();
    press(&mut shell, ":wq\r");
    shell.exp_string("user@wasmix:~$ ").unwrap();
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "zero\nsec0nd row\nthird\n"
    );
    assert_eq!(discipline_of_a_command(&mut shell), before);

    // :q refuses to lose changes; :q! does.
    shell.send_line("vi /m/notes.txt").unwrap();
    shell.exp_string("\"/m/notes.txt\" 3L").unwrap();
    press(&mut shell, "ddp:q\r");
    shell
        .exp_string("E37: No write since last change (add ! to override)")
        .unwrap();
    press(&mut shell, ":q!\r");
    shell.exp_string("user@wasmix:~$ ").unwrap();
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "zero\nsec0nd row\nthird\n"
    );
    shell.send_line("exit").unwrap();
    shell.exp_eof().unwrap();
}

#[test]
fn the_terminal_is_restored_when_vi_is_killed() {
    let dir = tempfile::tempdir().unwrap();
    let mut shell = shell_on_terminal(dir.path());
    let before = discipline_of_a_command(&mut shell);
    assert!(before.0, "the terminal is canonical for commands");
    shell
        .send_line("timeout 3 vi /m/new.txt; echo status $?")
        .unwrap();
    shell.exp_string("\"/m/new.txt\" [New]").unwrap();
    await_discipline(&shell, (false, false));
    shell.exp_string("status 124").unwrap();
    shell.exp_string("user@wasmix:~$ ").unwrap();
    assert!(!dir.path().join("new.txt").exists());
    assert_eq!(discipline_of_a_command(&mut shell), before);
    shell.send_line("stty size; stty").unwrap();
    shell
        .exp_string("24 80\r\nrows 24; columns 80;\r\nicanon echo isig")
        .unwrap();
    shell.send_line("exit").unwrap();
    shell.exp_eof().unwrap();
}

/// A program killed while it waited for a key (Ctrl-C on `cat`) leaves no read behind
/// it: the next line typed is the shell's.
#[test]
fn the_line_typed_after_ctrl_c_stops_a_reader_reaches_the_shell() {
    let dir = tempfile::tempdir().unwrap();
    let mut shell = shell_on_terminal(dir.path());
    let before = discipline_of_a_command(&mut shell);
    shell.send_line("cat").unwrap();
    await_discipline(&shell, before);
    shell.send_control('c').unwrap();
    shell.exp_string("user@wasmix:~ [130]$ ").unwrap();
    shell.send_line("echo after-$((6 * 7))").unwrap();
    shell.exp_string("after-42").unwrap();
    shell.send_line("exit").unwrap();
    shell.exp_eof().unwrap();
}

/// more reads single keys: space for a page, Enter for a line, q to quit.
#[test]
fn more_pages_a_pipe_by_single_keys() {
    let dir = tempfile::tempdir().unwrap();
    let mut shell = shell_on_terminal(dir.path());
    let before = discipline_of_a_command(&mut shell);
    shell.send_line("seq 1000 | more").unwrap();
    shell.exp_string("23\r\n\x1b[7m--More--\x1b[27m").unwrap();
    press(&mut shell, " ");
    shell.exp_string("46\r\n\x1b[7m--More--\x1b[27m").unwrap();
    press(&mut shell, "\r");
    shell.exp_string("47\r\n\x1b[7m--More--\x1b[27m").unwrap();
    press(&mut shell, "q");
    shell.exp_string("user@wasmix:~$ ").unwrap();
    assert_eq!(discipline_of_a_command(&mut shell), before);
    shell.send_line("exit").unwrap();
    shell.exp_eof().unwrap();
}

/// vi writes back what it read: bytes that are not UTF-8 (shown as `<ff>`) and NULs.
#[test]
fn vi_keeps_bytes_that_are_not_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("binary.dat");
    std::fs::write(&file, b"#\x00\x01bin\xff\xc3(\n\xfe\n").unwrap();
    let mut shell = shell_on_terminal(dir.path());
    shell.send_line("vi /m/binary.dat").unwrap();
    shell.exp_string("^@^Abin<ff><c3>(").unwrap();
    press(&mut shell, "x");
    press(&mut shell, ":wq\r");
    shell.exp_string("user@wasmix:~$ ").unwrap();
    assert_eq!(
        std::fs::read(&file).unwrap(),
        b"\x00\x01bin\xff\xc3(\n\xfe\n"
    );
    shell.send_line("exit").unwrap();
    shell.exp_eof().unwrap();
}

/// Where wasmix itself has no terminal, the full-screen programs say so in one line.
#[test]
fn without_a_terminal_vi_and_less_say_so() {
    let out = support::run("vi /tmp/new.txt; echo $?; stty size; echo $?; echo text | less");
    assert_eq!(out.stdout, "1\n1\ntext\n");
    assert_eq!(
        out.stderr,
        "vi: cannot edit: not a terminal\nstty: 'standard input': Inappropriate ioctl for device\n"
    );
}

/// top refreshes the process list on the screen until q, and prints it with -b.
#[test]
fn top_shows_the_processes_and_quits_on_q() {
    let dir = tempfile::tempdir().unwrap();
    let mut shell = shell_on_terminal(dir.path());
    let before = discipline_of_a_command(&mut shell);
    shell.send_line("sleep 30 & top -d 0.2").unwrap();
    shell
        .exp_string("Tasks: 3 total, 3 running, 0 stopped, 0 zombie")
        .unwrap();
    shell.exp_string("COMMAND\x1b[K\r\n").unwrap();
    shell.exp_string("sleep 30\x1b[K").unwrap();
    // Refreshed: the heading again.
    shell.exp_string("COMMAND\x1b[K").unwrap();
    press(&mut shell, "q");
    shell.exp_string("user@wasmix:~$ ").unwrap();
    assert_eq!(discipline_of_a_command(&mut shell), before);
    shell
        .send_line("top -b -n 1 -p 1,$! | tail -n 1; top -n 1 -p $! | wc -l")
        .unwrap();
    shell.exp_string("      1 R ").unwrap();
    // A sleeping process may show a little CPU on a busy machine.
    shell
        .exp_regex(r"\d+\.\d   0:00\.\d\d sleep 30\r\n4\r\n")
        .unwrap();
    shell.send_line("exit").unwrap();
    shell.exp_eof().unwrap();
}

/// Without a controlling terminal (a new session, as under cron), /dev/tty cannot be
/// opened, as on Linux: bash's message for ENXIO, status 1, for reading and writing.
#[test]
fn dev_tty_without_a_controlling_terminal() {
    let script = "read a < /dev/tty; echo $?; echo x > /dev/tty; echo $?";
    let in_new_session = |program: &[&std::ffi::OsStr]| {
        let output = std::process::Command::new("setsid")
            .arg("-w")
            .args(program)
            .args(["-c", script])
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        support::Run::from(output)
    };
    let bash = in_new_session(&["bash".as_ref()]);
    let cache = shared_cache();
    let wasmix = in_new_session(&[
        WASMIX.as_ref(),
        "--cache-dir".as_ref(),
        cache.as_os_str(),
        "--ephemeral".as_ref(),
    ]);
    assert_eq!(wasmix.stdout, bash.stdout);
    assert_eq!(bash.stdout, "1\n1\n");
    assert_eq!(
        wasmix.stderr.replace("wasmix:", "bash:"),
        bash.stderr,
        "{}",
        wasmix.stderr
    );
}
