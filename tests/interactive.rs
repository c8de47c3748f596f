//! Stopping programs (a kill through the kernel, Ctrl-C at the prompt) and the terminal.
//! Kept in a test binary of their own, so that their timing is not measured under the load
//! of the others.

mod support;

use std::sync::Arc;
use std::time::{Duration, Instant};
use support::{WASMIX, shared_cache};
use wasmix::file::{Input, Output, Stdio};
use wasmix::kernel::{BootOptions, Executable, Kernel, Limits, SpawnRequest};
use wasmix::proc::{ExitStatus, RunState, SHELL_PID, Signal};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tight_loop_is_killed_within_50_ms() {
    let kernel = Kernel::boot(BootOptions {
        cache_dir: Some(shared_cache()),
        state_dir: None,
        mounts: Vec::new(),
        trace: false,
    })
    .unwrap();
    let pid = kernel
        .spawn(SpawnRequest {
            parent: SHELL_PID,
            namespace: Arc::new(kernel.root_namespace()),
            executable: Executable::Path("/bin/spin".into()),
            argv: vec!["spin".into()],
            env: Vec::new(),
            stdio: Stdio {
                stdin: Input::Null,
                stdout: Output::Null,
                stderr: Output::Null,
            },
            limits: Limits::default(),
        })
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let process = kernel.processes.get(pid).unwrap();
    assert_eq!(process.state(), RunState::Running);

    let asked = Instant::now();
    kernel.kill(pid, Signal::Kill).unwrap();
    let status = kernel.wait(pid).await.unwrap();
    let took = asked.elapsed();
    assert!(took < Duration::from_millis(50), "the kill took {took:?}");
    assert_eq!(status, ExitStatus::Killed(Signal::Kill));
    assert_eq!(status.code(), 137);
    assert_eq!(process.state(), RunState::Killed);
    assert!(
        kernel.processes.get(pid).is_none(),
        "a waited-for process is reaped"
    );
}

#[test]
fn ctrl_c_at_the_prompt_stops_spin_and_returns_130() {
    let mut command = std::process::Command::new(WASMIX);
    command
        .arg("--cache-dir")
        .arg(shared_cache())
        .arg("--ephemeral");
    let mut session = rexpect::session::spawn_command(command, Some(20_000)).unwrap();
    session.exp_string("user@wasmix:~$ ").unwrap();
    session.send_line("spin").unwrap();
    std::thread::sleep(Duration::from_millis(500));
    let pressed = Instant::now();
    session.send_control('c').unwrap();
    session.exp_string("user@wasmix:~$ ").unwrap();
    assert!(pressed.elapsed() < Duration::from_secs(2));
    session.send_line("echo status $?").unwrap();
    session.exp_string("status 130").unwrap();
    session.send_line("exit 3").unwrap();
    session.exp_eof().unwrap();
}

#[test]
fn ls_lays_names_out_in_columns_on_a_terminal() {
    let mut command = std::process::Command::new(WASMIX);
    command
        .arg("--cache-dir")
        .arg(shared_cache())
        .arg("--ephemeral");
    let mut session = rexpect::session::spawn_command(command, Some(20_000)).unwrap();
    session.exp_string("user@wasmix:~$ ").unwrap();
    session
        .send_line("cd /tmp; touch alpha bravo charlie delta echo foxtrot golf hotel; COLUMNS=40 ls; ls | cat")
        .unwrap();
    session
        .exp_string("alpha  charlie  echo     golf\r\nbravo  delta    foxtrot  hotel\r\n")
        .unwrap();
    session.exp_string("alpha\r\nbravo\r\n").unwrap();
    session.send_line("exit").unwrap();
    session.exp_eof().unwrap();
}

fn session(state: &std::path::Path) -> rexpect::session::PtySession {
    let mut command = std::process::Command::new(WASMIX);
    command
        .arg("--cache-dir")
        .arg(shared_cache())
        .arg("--state")
        .arg(state);
    let mut session = rexpect::session::spawn_command(command, Some(20_000)).unwrap();
    session.exp_string("user@wasmix:~$ ").unwrap();
    session
}

#[test]
fn history_is_kept_across_sessions() {
    let state = tempfile::tempdir().unwrap();
    let mut first = session(state.path());
    first.send_line("echo remembered-command").unwrap();
    first.exp_string("remembered-command\r\n").unwrap();
    first.send_line("exit").unwrap();
    first.exp_eof().unwrap();

    let mut second = session(state.path());
    // Up-arrow twice passes `exit` and recalls the command before it; Enter runs it.
    second.send("\x1b[A").unwrap();
    second.flush().unwrap();
    second.exp_string("exit").unwrap();
    second.send("\x1b[A").unwrap();
    second.flush().unwrap();
    second.exp_string("echo remembered-command").unwrap();
    second.send_line("").unwrap();
    second.exp_string("\r\nremembered-command\r\n").unwrap();
    second.exp_string("user@wasmix:~$ ").unwrap();
    second.send_line("exit").unwrap();
    second.exp_eof().unwrap();
}

#[test]
fn unfinished_commands_continue_on_the_next_line() {
    let state = tempfile::tempdir().unwrap();
    let mut shell = session(state.path());
    shell.send_line("for i in 1 2; do").unwrap();
    shell.exp_string("> ").unwrap();
    shell.send_line("echo turn-$i").unwrap();
    shell.exp_string("> ").unwrap();
    shell.send_line("done").unwrap();
    shell.exp_string("turn-1\r\nturn-2\r\n").unwrap();
    shell.exp_string("user@wasmix:~$ ").unwrap();
    shell.send_line("echo 'two").unwrap();
    shell.exp_string("> ").unwrap();
    shell.send_line("lines'").unwrap();
    shell.exp_string("two\r\nlines\r\n").unwrap();
    shell.send_line("exit").unwrap();
    shell.exp_eof().unwrap();
}

#[test]
fn profiles_run_at_login() {
    let state = tempfile::tempdir().unwrap();
    let home = state.path().join("root/home/user");
    std::fs::create_dir_all(&home).unwrap();
    std::fs::write(home.join(".profile"), "GREETING=from-profile\n").unwrap();
    std::fs::write(home.join(".wasmixrc"), "shout() { echo \"$GREETING!\"; }\n").unwrap();
    let mut shell = session(state.path());
    shell.send_line("shout").unwrap();
    shell.exp_string("from-profile!\r\n").unwrap();
    shell.send_line("exit").unwrap();
    shell.exp_eof().unwrap();
}

#[test]
fn tab_completes_commands_and_paths() {
    let state = tempfile::tempdir().unwrap();
    let mut shell = session(state.path());
    shell.send("sha2\t").unwrap();
    shell.flush().unwrap();
    shell.exp_string("sha256sum ").unwrap();
    shell.send("/etc/mo\t").unwrap();
    shell.flush().unwrap();
    shell.exp_string("/etc/motd").unwrap();
    shell.send_line("").unwrap();
    shell.exp_string("  /etc/motd\r\n").unwrap();
    shell.send_line("exit").unwrap();
    shell.exp_eof().unwrap();
}
