//! Stopping programs (a kill through the kernel, Ctrl-C at the prompt) and the terminal.
//! Kept in a test binary of their own, so that their timing is not measured under the load
//! of the others.

mod support;

use std::sync::Arc;
use std::time::{Duration, Instant};
use support::{WASMIX, shared_cache};
use wasmix::file::{Input, Output, Stdio};
use wasmix::kernel::{BootOptions, Executable, Kernel, SpawnRequest};
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
