//! Stopping programs (a kill through the kernel, Ctrl-C at the prompt) and the terminal.
//! Kept in a test binary of their own, so that their timing is not measured under the load
//! of the others.

mod support;

use std::sync::Arc;
use std::time::{Duration, Instant};
use support::{WASMIX, shared_cache};
use wasmix_kernel::file::{Input, Output, Stdio};
use wasmix_kernel::kernel::{BootOptions, Executable, Kernel, Limits, SpawnRequest};
use wasmix_kernel::proc::{ExitStatus, RunState, SHELL_PID, Signal};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tight_loop_is_killed_within_50_ms() {
    let kernel = Kernel::boot(BootOptions::new(Some(shared_cache()), None, Vec::new())).unwrap();
    let pid = kernel
        .spawn(SpawnRequest {
            parent: SHELL_PID,
            namespace: Arc::new(kernel.root_namespace()),
            executable: Executable::Path("/bin/spin".into()),
            argv: vec!["spin".into()],
            env: Vec::new(),
            cwd: "/".into(),
            stdio: Stdio::new(Input::Null, Output::Null, Output::Null),
            limits: Limits::default(),
            invoke: None,
            network: Default::default(),
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
    // The prompt shows the status of a command that failed.
    session.exp_string("user@wasmix:~ [130]$ ").unwrap();
    assert!(pressed.elapsed() < Duration::from_secs(2));
    session.send_line("echo status $?").unwrap();
    session.exp_string("status 130").unwrap();
    session.send_line("exit 3").unwrap();
    session.exp_eof().unwrap();
}

/// The columns are GNU's bytes: padding reaches a tab stop by a tab.
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
        .exp_string("alpha  charlie\techo\t golf\r\nbravo  delta\tfoxtrot  hotel\r\n")
        .unwrap();
    session.exp_string("alpha\r\nbravo\r\n").unwrap();
    session.send_line("exit").unwrap();
    session.exp_eof().unwrap();
}

/// A session with no state kept, at its first prompt.
fn ephemeral_session() -> rexpect::session::PtySession {
    let mut command = std::process::Command::new(WASMIX);
    command
        .arg("--cache-dir")
        .arg(shared_cache())
        .arg("--ephemeral");
    let mut session = rexpect::session::spawn_command(command, Some(20_000)).unwrap();
    session.exp_string("user@wasmix:~$ ").unwrap();
    session
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
fn autocd_and_cdspell_at_the_prompt() {
    // What `bash --norc -i` does with them: a directory typed as a command is `cd -- DIR`,
    // shown on stderr; `cd` to a name one letter off goes to the near one and prints it.
    let mut shell = ephemeral_session();
    shell.send_line("shopt -s autocd cdspell").unwrap();
    shell.exp_string("user@wasmix:~$ ").unwrap();
    shell.send_line("/tmp").unwrap();
    shell.exp_string("cd -- /tmp\r\n").unwrap();
    shell.exp_string("user@wasmix:/tmp$ ").unwrap();
    shell.send_line("cd /ect").unwrap();
    shell.exp_string("/etc\r\n").unwrap();
    shell.exp_string("user@wasmix:/etc$ ").unwrap();
    shell.send_line("cd /bni; pwd").unwrap();
    shell.exp_string("/bin\r\n/bin\r\n").unwrap();
    shell.send_line("exit").unwrap();
    shell.exp_eof().unwrap();
}

#[test]
fn checkjobs_holds_exit_back_while_a_job_runs() {
    // As `bash --norc -i`: the first `exit` says so and lists the jobs; the next exits.
    let mut shell = ephemeral_session();
    shell.send_line("shopt -s checkjobs; sleep 30 &").unwrap();
    shell.exp_string("user@wasmix:~$ ").unwrap();
    shell.send_line("exit").unwrap();
    shell
        .exp_string("There are running jobs.\r\n[1]+  Running                 sleep 30 &\r\n")
        .unwrap();
    shell.exp_string("user@wasmix:~ [1]$ ").unwrap();
    shell.send_line("exit").unwrap();
    shell.exp_eof().unwrap();
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
    // A backslash at the end of a line joins the next to it, as in bash.
    shell.send_line("echo joined \\").unwrap();
    shell.exp_string("> ").unwrap();
    shell.send_line("words").unwrap();
    shell.exp_string("joined words\r\n").unwrap();
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
    shell.send("sha25\t").unwrap();
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

/// `shopt hostcomplete` (on, as in bash): what follows an `@` completes to a host name
/// of `$HOSTFILE`. `shopt -s no_empty_cmd_completion`: Tab on an empty command word
/// offers nothing (without it, every command).
#[test]
fn tab_completes_host_names_after_at_and_nothing_for_an_empty_command() {
    let mut shell = ephemeral_session();
    shell
        .send_line("printf '10.1.2.3 zanzibar-host\\n' > /tmp/hosts; HOSTFILE=/tmp/hosts")
        .unwrap();
    shell.exp_string("user@wasmix:~$ ").unwrap();
    shell.send("echo someone@zanz\t").unwrap();
    shell.flush().unwrap();
    shell.exp_string("someone@zanzibar-host ").unwrap();
    shell.send_line("").unwrap();
    shell.exp_string("someone@zanzibar-host\r\n").unwrap();
    shell.send_line("shopt -s no_empty_cmd_completion").unwrap();
    shell.exp_string("user@wasmix:~$ ").unwrap();
    shell.send("\t\t").unwrap();
    shell.flush().unwrap();
    shell.send_line("echo marker-after-tabs").unwrap();
    let before = shell.exp_string("marker-after-tabs\r\n").unwrap();
    assert!(
        !before.contains("sha256sum"),
        "commands were offered: {before:?}"
    );
    shell.send_line("exit").unwrap();
    shell.exp_eof().unwrap();
}

/// `$FIGNORE`: names with its suffixes are left out of filename completion, even when
/// they are the only ones (`shopt force_fignore`, on) or not then (off); `shopt -s
/// direxpand`: a directory typed as `$VAR/` is replaced by what it names.
#[test]
fn tab_completion_leaves_out_fignore_suffixes_and_direxpand_expands_directories() {
    let mut shell = ephemeral_session();
    shell
        .send_line("mkdir /tmp/fi; touch /tmp/fi/prog.o /tmp/fi/prog.c /tmp/fi/only.o; FIGNORE=.o")
        .unwrap();
    shell.exp_string("user@wasmix:~$ ").unwrap();
    shell.send("ls /tmp/fi/pro\t").unwrap();
    shell.flush().unwrap();
    shell.exp_string("/tmp/fi/prog.c ").unwrap();
    shell.send_line("").unwrap();
    shell.exp_string("/tmp/fi/prog.c\r\n").unwrap();
    // The only match is ignored: Tab completes nothing.
    shell.send("ls /tmp/fi/onl\t").unwrap();
    shell.flush().unwrap();
    shell.send_line("").unwrap();
    shell.exp_string("cannot access '/tmp/fi/onl'").unwrap();
    shell.send_line("shopt -u force_fignore").unwrap();
    shell.exp_string("user@wasmix:~$ ").unwrap();
    shell.send("ls /tmp/fi/onl\t").unwrap();
    shell.flush().unwrap();
    shell.exp_string("/tmp/fi/only.o ").unwrap();
    shell.send_line("").unwrap();
    shell.exp_string("/tmp/fi/only.o\r\n").unwrap();
    shell.send_line("shopt -s direxpand; D=/tmp/fi").unwrap();
    shell.exp_string("user@wasmix:~$ ").unwrap();
    shell.send("echo $D/prog.\t").unwrap();
    shell.flush().unwrap();
    shell.exp_string("echo /tmp/fi/prog.c ").unwrap();
    shell.send_line("").unwrap();
    shell.exp_string("/tmp/fi/prog.c\r\n").unwrap();
    shell.send_line("exit").unwrap();
    shell.exp_eof().unwrap();
}

/// `shopt -u interactive_comments`: at the prompt a word that begins with `#` is a word;
/// a line left open by what would have been a comment is not (`x=(#a b)` is whole).
#[test]
fn interactive_comments_off_makes_hash_words_words() {
    let mut shell = ephemeral_session();
    shell.send_line("shopt -u interactive_comments").unwrap();
    shell.exp_string("user@wasmix:~$ ").unwrap();
    shell.send_line("x=(#a b); echo ${#x[@]} #c").unwrap();
    shell.exp_string("2 #c\r\n").unwrap();
    // The line was read before `shopt` ran, as bash reads it.
    shell
        .send_line("shopt -s interactive_comments; echo on #c")
        .unwrap();
    shell.exp_string("on #c\r\n").unwrap();
    shell.send_line("echo on #d").unwrap();
    shell.exp_string("on\r\n").unwrap();
    shell.send_line("exit").unwrap();
    shell.exp_eof().unwrap();
}

/// The CPU time /proc reports for a process, in seconds.
fn cpu_time(shell: &mut rexpect::session::PtySession, pid: &str) -> f64 {
    shell
        .send_line(&format!("grep CpuTime /proc/{pid}/status"))
        .unwrap();
    let (_, seconds) = shell.exp_regex(r"CpuTime:\s+[0-9.]+").unwrap();
    seconds
        .rsplit(char::is_whitespace)
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

/// A session whose first command, `spin`, Ctrl-Z has stopped: job 1.
fn session_with_spin_stopped(state: &std::path::Path) -> rexpect::session::PtySession {
    let mut shell = session(state);
    shell.send_line("spin").unwrap();
    std::thread::sleep(Duration::from_millis(300));
    shell.send_control('z').unwrap();
    shell
        .exp_string("[1]+  Stopped                 spin")
        .unwrap();
    shell
}

#[test]
fn ctrl_z_stops_a_job_that_bg_and_fg_resume() {
    let state = tempfile::tempdir().unwrap();
    let mut shell = session_with_spin_stopped(state.path());
    shell.exp_string("user@wasmix:~ [148]$ ").unwrap();
    shell.send_line("jobs -p").unwrap();
    let (_, pid) = shell.exp_regex(r"\r\n[0-9]+\r\n").unwrap();
    let pid = pid.trim().to_string();
    shell.send_line("jobs").unwrap();
    shell
        .exp_string("[1]+  Stopped                 spin\r\n")
        .unwrap();

    // Stopped, it uses no CPU.
    let before = cpu_time(&mut shell, &pid);
    std::thread::sleep(Duration::from_millis(500));
    let after = cpu_time(&mut shell, &pid);
    assert!(
        after - before < 0.02,
        "a stopped job ran: {before} -> {after}"
    );

    shell.send_line("bg").unwrap();
    shell.exp_string("[1]+ spin &").unwrap();
    shell.send_line("jobs").unwrap();
    shell
        .exp_string("[1]+  Running                 spin &")
        .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let running = cpu_time(&mut shell, &pid);
    assert!(
        running - after > 0.1,
        "bg did not resume it: {after} -> {running}"
    );

    shell.send_line("fg").unwrap();
    shell.exp_string("spin\r\n").unwrap();
    std::thread::sleep(Duration::from_millis(200));
    shell.send_control('c').unwrap();
    shell.exp_string("user@wasmix:~ [130]$ ").unwrap();
    shell.send_line("jobs; echo none-left").unwrap();
    shell.exp_string("\r\nnone-left").unwrap();
    shell.send_line("exit").unwrap();
    shell.exp_eof().unwrap();
}

/// As in bash, a job stopped with Ctrl-Z stays the current job when another is started
/// in the background: `fg` resumes the stopped program, not the newer job.
#[test]
fn fg_after_ctrl_z_and_a_background_job_resumes_the_stopped_one() {
    let state = tempfile::tempdir().unwrap();
    let mut shell = session_with_spin_stopped(state.path());
    shell.send_line("sleep 100 &").unwrap();
    shell.exp_regex(r"\[2\] [0-9]+").unwrap();
    shell.send_line("jobs").unwrap();
    shell
        .exp_string(
            "[1]+  Stopped                 spin\r\n[2]-  Running                 sleep 100 &",
        )
        .unwrap();
    shell.send_line("fg").unwrap();
    shell.exp_string("spin\r\n").unwrap();
    std::thread::sleep(Duration::from_millis(200));
    shell.send_control('c').unwrap();
    shell.exp_string("user@wasmix:~ [130]$ ").unwrap();
    shell.send_line("jobs").unwrap();
    shell
        .exp_string("[2]+  Running                 sleep 100 &")
        .unwrap();
    shell.send_line("kill %2; exit").unwrap();
    shell.exp_eof().unwrap();
}

#[test]
fn background_jobs_are_announced_and_waited_for() {
    let state = tempfile::tempdir().unwrap();
    let mut shell = session(state.path());
    shell.send_line("sleep 0.2 &").unwrap();
    shell.exp_regex(r"\[1\] [0-9]+").unwrap();
    std::thread::sleep(Duration::from_millis(500));
    shell.send_line("true").unwrap();
    shell
        .exp_string("[1]+  Done                    sleep 0.2")
        .unwrap();
    shell
        .send_line("sleep 5 & kill %1; wait %1; echo status $?")
        .unwrap();
    shell.exp_string("status 143").unwrap();
    shell.send_line("exit").unwrap();
    shell.exp_eof().unwrap();
}

#[test]
fn ctrl_r_finds_an_earlier_command_and_ctrl_d_exits() {
    let state = tempfile::tempdir().unwrap();
    let mut shell = session(state.path());
    shell.send_line("echo needle-in-history").unwrap();
    shell.exp_string("needle-in-history\r\n").unwrap();
    shell.send_line("echo other").unwrap();
    shell.exp_string("other\r\n").unwrap();
    shell.send_control('r').unwrap();
    shell.send("needle").unwrap();
    shell.flush().unwrap();
    shell.exp_string("echo needle-in-history").unwrap();
    shell.send_line("").unwrap();
    shell.exp_string("\r\nneedle-in-history\r\n").unwrap();
    shell.exp_string("user@wasmix:~$ ").unwrap();
    shell.send_control('d').unwrap();
    shell.exp_string("exit").unwrap();
    shell.exp_eof().unwrap();
}

/// `set -o ignoreeof` (and `IGNOREEOF=N`, which turns it on): Ctrl-D at the prompt is
/// refused N times in a row with bash's words; a command read starts the count again;
/// one Ctrl-D more ends the shell.
#[test]
fn ignoreeof_refuses_ctrl_d_as_many_times_as_asked() {
    let refused = "Use \"exit\" to leave the shell.";
    let mut shell = ephemeral_session();
    shell
        .send_line("set -o ignoreeof; echo $IGNOREEOF")
        .unwrap();
    shell.exp_string("10\r\n").unwrap();
    shell.send_line("IGNOREEOF=2; echo $SHELLOPTS").unwrap();
    shell.exp_string("ignoreeof").unwrap();
    shell.exp_string("user@wasmix:~$ ").unwrap();
    shell.send_control('d').unwrap();
    shell.exp_string(refused).unwrap();
    shell.send_line("echo still-here").unwrap();
    shell.exp_string("still-here\r\n").unwrap();
    shell.exp_string("user@wasmix:~$ ").unwrap();
    for _ in 0..2 {
        shell.send_control('d').unwrap();
        shell.exp_string(refused).unwrap();
    }
    shell.send_control('d').unwrap();
    shell.exp_string("exit").unwrap();
    shell.exp_eof().unwrap();
}

/// Ctrl-C at any moment of a session's life (booting, reading profiles, at the prompt,
/// while a command runs) must never kill wasmix itself.
#[test]
fn ctrl_c_at_random_moments_never_kills_wasmix() {
    let mut seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos() as u64;
    let mut random = move |below: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % below
    };
    for start in 0..50 {
        let tag = format!("{}-{start}", std::process::id());
        let mut command = std::process::Command::new(WASMIX);
        command
            .arg("--cache-dir")
            .arg(shared_cache())
            .arg("--ephemeral")
            .env("WASMIX_CTRL_C_STORM", &tag);
        let mut session = rexpect::session::spawn_command(command, Some(20_000)).unwrap();
        // From the moment wasmix runs its first instructions (before that, between fork
        // and exec or while the loader runs, no program can defend itself).
        wait_until_running(&tag);
        let delay = random(120);
        std::thread::sleep(Duration::from_millis(delay));
        session.send_control('c').unwrap();
        if random(2) == 0 {
            session.exp_string("$ ").unwrap();
            session.send_line("sleep 5").unwrap();
            std::thread::sleep(Duration::from_millis(random(200)));
            session.send_control('c').unwrap();
        }
        // rustyline drops what was typed right behind a Ctrl-C, so type at a prompt.
        session.exp_string("$ ").unwrap();
        std::thread::sleep(Duration::from_millis(300));
        // The answer differs from what is typed, so the terminal's echo cannot match it.
        session
            .send_line(&format!("echo alive-$((1000 + {start}))"))
            .unwrap();
        session
            .exp_string(&format!("alive-{}", 1000 + start))
            .unwrap_or_else(|e| panic!("start {start}, Ctrl-C after {delay} ms: {e}"));
        session.send_line("exit").unwrap();
        session.exp_eof().unwrap();
    }
}

/// Waits until the process whose environment holds `WASMIX_CTRL_C_STORM=tag` has taken
/// charge of SIGINT (ignored or caught, as /proc/PID/status says).
fn wait_until_running(tag: &str) {
    let wanted = format!("WASMIX_CTRL_C_STORM={tag}");
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        for entry in std::fs::read_dir("/proc").unwrap().flatten() {
            let dir = entry.path();
            let Ok(environ) = std::fs::read(dir.join("environ")) else {
                continue;
            };
            if !environ
                .split(|&b| b == 0)
                .any(|var| var == wanted.as_bytes())
            {
                continue;
            }
            let status = std::fs::read_to_string(dir.join("status")).unwrap_or_default();
            let handles_sigint = status
                .lines()
                .filter(|l| l.starts_with("SigIgn:") || l.starts_with("SigCgt:"))
                .filter_map(|l| u64::from_str_radix(l.split_whitespace().nth(1)?, 16).ok())
                .any(|mask| mask & 0b10 != 0);
            if handles_sigint {
                return;
            }
        }
        std::thread::sleep(Duration::from_micros(200));
    }
    panic!("wasmix never started");
}

#[test]
fn ps1_and_ps2_take_bash_escapes_and_expansions() {
    let mut shell = ephemeral_session();
    shell.send_line(r"PS1='[\u@\h \W]\$ '").unwrap();
    shell.exp_string("[user@wasmix ~]$ ").unwrap();
    shell.send_line("cd /tmp").unwrap();
    shell.exp_string("[user@wasmix tmp]$ ").unwrap();
    shell
        .send_line(r"PS1='$((6 * 7)) \w> '; PS2='more: '")
        .unwrap();
    shell.exp_string("42 /tmp> ").unwrap();
    shell.send_line("if true").unwrap();
    shell.exp_string("more: ").unwrap();
    shell.send_line("then echo continued; fi").unwrap();
    shell.exp_string("continued\r\n").unwrap();
    shell
        .send_line("PROMPT_COMMAND='echo before-prompt'")
        .unwrap();
    shell.exp_string("before-prompt\r\n").unwrap();
    shell.exp_string("42 /tmp> ").unwrap();
    shell.send_line("exit").unwrap();
    shell.exp_eof().unwrap();
}

#[test]
fn history_expansion_repeats_and_edits_commands() {
    let mut shell = ephemeral_session();
    shell.send_line("echo first-word second-word").unwrap();
    shell.exp_string("first-word second-word\r\n").unwrap();
    // The expanded line is shown, then run.
    shell.send_line("!!").unwrap();
    shell
        .exp_string("echo first-word second-word\r\nfirst-word second-word\r\n")
        .unwrap();
    shell.send_line("echo last-was !$").unwrap();
    shell.exp_string("last-was second-word\r\n").unwrap();
    shell.send_line("^last^then").unwrap();
    shell.exp_string("then-was second-word\r\n").unwrap();
    shell.send_line("!1").unwrap();
    shell.exp_string("first-word second-word\r\n").unwrap();
    shell.send_line("!nosuch").unwrap();
    shell.exp_string("!nosuch: event not found").unwrap();
    shell.send_line("echo 'quoted !! stays'").unwrap();
    shell.exp_string("quoted !! stays\r\n").unwrap();
    // `set +H` turns it off, as in bash; `$-` says whether it is on.
    shell.send_line("set +H; echo \"off:$-\"").unwrap();
    shell.exp_string("off:himBs\r\n").unwrap();
    shell.send_line("echo !!").unwrap();
    shell.exp_string("!!\r\n").unwrap();
    shell.send_line("set -H; echo \"on:$-\"").unwrap();
    shell.exp_string("on:himBHs\r\n").unwrap();
    shell.send_line("exit").unwrap();
    shell.exp_eof().unwrap();
}

/// `shopt -s histverify`: an expanded line comes back in the line editor instead of
/// running; `histreedit`: so does a line whose expansion failed, as typed.
#[test]
fn histverify_and_histreedit_give_the_line_back_to_edit() {
    let mut shell = ephemeral_session();
    shell.send_line("shopt -s histverify histreedit").unwrap();
    shell.exp_string("user@wasmix:~$ ").unwrap();
    shell.send_line("echo verified-word").unwrap();
    shell.exp_string("verified-word\r\n").unwrap();
    shell.send_line("echo again !$").unwrap();
    // The expansion is in the editor, not run: Enter runs it.
    shell
        .exp_string("user@wasmix:~$ echo again verified-word")
        .unwrap();
    shell.send_line("").unwrap();
    shell.exp_string("again verified-word\r\n").unwrap();
    shell.send_line("echo !nosuchevent").unwrap();
    shell.exp_string("!nosuchevent: event not found").unwrap();
    shell
        .exp_string("user@wasmix:~$ echo !nosuchevent")
        .unwrap();
    // Mended: the line is cleared (Ctrl-U) and another typed.
    shell.send("\x15").unwrap();
    shell.send_line("echo mended").unwrap();
    shell.exp_string("mended\r\n").unwrap();
    shell.send_line("exit").unwrap();
    shell.exp_eof().unwrap();
}

#[test]
fn a_here_document_typed_at_the_prompt_asks_for_its_body() {
    let mut shell = ephemeral_session();
    shell.send_line("cat <<EOF | tr a-z A-Z").unwrap();
    shell.exp_string("> ").unwrap();
    shell.send_line("typed body").unwrap();
    shell.exp_string("> ").unwrap();
    shell.send_line("EOF").unwrap();
    shell.exp_string("TYPED BODY\r\n").unwrap();
    shell.exp_string("user@wasmix:~$ ").unwrap();
    shell.send_line("exit").unwrap();
    shell.exp_eof().unwrap();
}

#[test]
fn multi_line_history_survives_sessions_and_history_c_is_saved() {
    let state = tempfile::tempdir().unwrap();
    let mut first = session(state.path());
    first.send_line("for w in one two").unwrap();
    first.exp_string("> ").unwrap();
    first.send_line("do echo \"word-$w\"; done").unwrap();
    first.exp_string("word-one\r\nword-two\r\n").unwrap();
    first.exp_string("user@wasmix:~$ ").unwrap();
    first.send_line("exit").unwrap();
    first.exp_eof().unwrap();

    // The entry comes back as bash keeps it (one line, joined with `;`) and runs again.
    let mut second = session(state.path());
    second.send_line("history").unwrap();
    second
        .exp_string("for w in one two; do echo \"word-$w\"; done")
        .unwrap();
    second.exp_string("user@wasmix:~$ ").unwrap();
    second.send_line("!for").unwrap();
    second.exp_string("word-one\r\nword-two\r\n").unwrap();
    second.exp_string("user@wasmix:~$ ").unwrap();
    // Typed ahead of the prompt, a line can be lost to the terminal's mode switch: each
    // line waits for its command's output and the prompt after it.
    second.send_line("history -c; echo cleared").unwrap();
    second.exp_string("cleared\r\n").unwrap();
    second.exp_string("user@wasmix:~$ ").unwrap();
    second.send_line("exit").unwrap();
    second.exp_eof().unwrap();

    // `history -c` reached the file: the third session starts with `exit` alone.
    let mut third = session(state.path());
    third.send_line("history | wc -l").unwrap();
    third.exp_string("\r\n2\r\n").unwrap();
    third.exp_string("user@wasmix:~$ ").unwrap();
    third.send_line("exit").unwrap();
    third.exp_eof().unwrap();
}

#[test]
fn exit_with_a_stopped_job_warns_once() {
    let mut shell = ephemeral_session();
    shell.send_line("spin").unwrap();
    std::thread::sleep(Duration::from_millis(500));
    shell.send_control('z').unwrap();
    shell.exp_string("Stopped").unwrap();
    shell.send_line("exit").unwrap();
    shell.exp_string("There are stopped jobs.").unwrap();
    shell.send_line("exit").unwrap();
    shell.exp_eof().unwrap();
}

#[test]
fn tab_completion_quotes_names_and_completes_after_tilde_variables_and_quotes() {
    let mut shell = ephemeral_session();
    shell
        .send_line("mkdir -p '/tmp/my dir/inner' ~/docs; touch '/tmp/my dir/inner/file one' ~/docs/report.txt; cd /tmp")
        .unwrap();
    shell.exp_string("user@wasmix:/tmp$ ").unwrap();
    // A name with a space is escaped; the directory keeps the word open.
    shell.send("cd my").unwrap();
    shell.send("\t").unwrap();
    shell.flush().unwrap();
    shell.exp_string("my\\ dir/").unwrap();
    shell.send_line("").unwrap();
    shell.exp_string("user@wasmix:/tmp/my dir$ ").unwrap();
    // Inside double quotes the name is not escaped, and a file closes the quote.
    shell.send("ls \"inner/fi").unwrap();
    shell.send("\t").unwrap();
    shell.flush().unwrap();
    shell.exp_string("file one\" ").unwrap();
    shell.send_line("").unwrap();
    // On a terminal ls quotes a name with a space, as GNU's ls does.
    shell.exp_string("'inner/file one'\r\n").unwrap();
    // After ~/ and $HOME/ the home directory is listed.
    shell.send("ls ~/do").unwrap();
    shell.send("\t").unwrap();
    shell.flush().unwrap();
    shell.exp_string("~/docs/").unwrap();
    shell.send("rep\t").unwrap();
    shell.flush().unwrap();
    shell.exp_string("report.txt ").unwrap();
    shell.send_line("").unwrap();
    shell.exp_string("/home/user/docs/report.txt\r\n").unwrap();
    shell.send("echo $HOM").unwrap();
    shell.send("\t").unwrap();
    shell.flush().unwrap();
    shell.exp_string("$HOME").unwrap();
    shell.send_line("").unwrap();
    shell.exp_string("/home/user\r\n").unwrap();
    shell.send_line("exit").unwrap();
    shell.exp_eof().unwrap();
}

#[test]
fn tab_completes_by_the_specs_complete_recorded() {
    let mut shell = ephemeral_session();
    // A word list, and a function that sees the words typed and answers in COMPREPLY.
    shell
        .send_line("complete -W 'start stop status' svc; _greet() { COMPREPLY=(\"$1:$2:$3:$COMP_CWORD:${COMP_WORDS[*]}\"); }; complete -o nospace -F _greet greet")
        .unwrap();
    shell.exp_string("user@wasmix:~$ ").unwrap();
    shell.send("echo $(svc sta").unwrap();
    shell.send("\t").unwrap();
    shell.flush().unwrap();
    shell.exp_string("start").unwrap();
    shell.exp_string("status").unwrap();
    shell.send("\x15").unwrap();
    shell.send("svc sto").unwrap();
    shell.send("\t").unwrap();
    shell.flush().unwrap();
    shell.exp_string("svc stop ").unwrap();
    shell.send("\x15").unwrap();
    shell.send("echo; greet one tw").unwrap();
    shell.send("\t").unwrap();
    shell.flush().unwrap();
    // `greet`'s $1, $2, $3, COMP_CWORD and COMP_WORDS, and no space after (-o nospace).
    shell
        .exp_string("greet one greet:tw:one:2:greet one tw")
        .unwrap();
    shell.send("\x15").unwrap();
    shell.send_line("complete -p greet").unwrap();
    shell
        .exp_string("complete -o nospace -F _greet greet\r\n")
        .unwrap();
    shell.send_line("exit").unwrap();
    shell.exp_eof().unwrap();
}

#[test]
fn set_o_vi_switches_the_line_editor_to_vi_keys() {
    let mut shell = ephemeral_session();
    shell.send_line("set -o vi").unwrap();
    shell.exp_string("user@wasmix:~$ ").unwrap();
    // Escape, back a word, change it: vi's keys, which emacs mode would type as text.
    shell.send("echo wrong-word").unwrap();
    shell.send("\x1b").unwrap();
    shell.flush().unwrap();
    std::thread::sleep(Duration::from_millis(200));
    shell.send("0wcWright").unwrap();
    shell.send_line("").unwrap();
    shell.exp_string("right\r\n").unwrap();
    shell
        .send_line("set -o emacs; set -o | grep -E '^(vi|emacs)'")
        .unwrap();
    shell.exp_string("emacs").unwrap();
    shell.send_line("exit").unwrap();
    shell.exp_eof().unwrap();
}

/// A WASI preview 1 module large enough that compiling it takes seconds: 12,000 functions
/// of 150 steps of `x = x * x + 7`, each exported, and an empty `_start`.
fn slow_to_compile_module() -> Vec<u8> {
    fn leb(mut n: usize) -> Vec<u8> {
        let mut out = Vec::new();
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                out.push(byte);
                return out;
            }
            out.push(byte | 0x80);
        }
    }
    fn section(id: u8, body: Vec<u8>) -> Vec<u8> {
        [vec![id], leb(body.len()), body].concat()
    }
    fn name(text: &str) -> Vec<u8> {
        [leb(text.len()), text.as_bytes().to_vec()].concat()
    }
    const FUNCTIONS: usize = 12_000;
    let step = [0x20, 0, 0x20, 0, 0x6c, 0x41, 7, 0x6a, 0x21, 0];
    let body: Vec<u8> = [vec![0], step.repeat(150), vec![0x20, 0, 0x0b]].concat();
    let body = [leb(body.len()), body].concat();
    let mut exports = vec![
        [name("_start"), vec![0], leb(0)].concat(),
        [name("memory"), vec![2, 0]].concat(),
    ];
    for i in 1..=FUNCTIONS {
        exports.push([name(&format!("f{i}")), vec![0], leb(i)].concat());
    }
    let mut functions = leb(FUNCTIONS + 1);
    functions.push(0);
    functions.extend(std::iter::repeat_n(1, FUNCTIONS));
    let mut code = leb(FUNCTIONS + 1);
    code.extend([2, 0, 0x0b]);
    code.extend(body.repeat(FUNCTIONS));
    [
        b"\0asm\x01\0\0\0".to_vec(),
        section(1, vec![2, 0x60, 0, 0, 0x60, 1, 0x7f, 1, 0x7f]),
        section(3, functions),
        section(5, vec![1, 0, 1]),
        section(7, [leb(exports.len()), exports.concat()].concat()),
        section(10, code),
    ]
    .concat()
}

#[test]
fn a_long_first_compile_shows_a_line_on_the_terminal_and_erases_it() {
    let dir = tempfile::tempdir().unwrap();
    let program = dir.path().join("big.wasm");
    std::fs::write(&program, slow_to_compile_module()).unwrap();
    // Without a cache every compile is the optimising compiler's, which takes seconds here.
    let mut command = std::process::Command::new(WASMIX);
    command.arg("--no-cache").arg("run").arg(&program);
    let mut session = rexpect::session::spawn_command(command, Some(60_000)).unwrap();
    session.exp_string("wasmix: compiling big.wasm (").unwrap();
    session.exp_string("\r\x1b[K").unwrap();
    session.exp_eof().unwrap();
    // Not in a pipe: the same compile with stderr captured says nothing.
    let output = std::process::Command::new(WASMIX)
        .arg("--no-cache")
        .arg("run")
        .arg(&program)
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[test]
fn ctrl_c_during_a_compile_ends_wasmix_run_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let program = dir.path().join("big.wasm");
    std::fs::write(&program, slow_to_compile_module()).unwrap();
    let mut command = std::process::Command::new("bash");
    command.arg("-c").arg(format!(
        "{WASMIX} --no-cache run {}; echo status=$?",
        program.display()
    ));
    let mut session = rexpect::session::spawn_command(command, Some(60_000)).unwrap();
    // The line shows after half a second of a compile that takes seconds.
    session.exp_string("wasmix: compiling big.wasm (").unwrap();
    let pressed = Instant::now();
    session.send_control('c').unwrap();
    session.exp_string("status=130").unwrap();
    assert!(pressed.elapsed() < Duration::from_secs(2));
}

/// The host's TERM reaches the shell, and `--color=auto` colours at a terminal as GNU's
/// ls and grep do.
#[test]
fn term_is_set_and_auto_colour_reaches_the_terminal() {
    let mut command = std::process::Command::new(WASMIX);
    command
        .arg("--cache-dir")
        .arg(shared_cache())
        .arg("--ephemeral")
        .env("TERM", "xterm-256color");
    let mut shell = rexpect::session::spawn_command(command, Some(20_000)).unwrap();
    shell.exp_string("user@wasmix:~$ ").unwrap();
    shell.send_line("echo \"term=$TERM\"").unwrap();
    shell.exp_string("term=xterm-256color\r\n").unwrap();
    shell
        .send_line(
            "mkdir -p /tmp/cdir; ls --color=auto -d /tmp/cdir; echo found | grep --color=auto und",
        )
        .unwrap();
    shell.exp_string("\x1b[01;34m/tmp/cdir\x1b[0m").unwrap();
    shell
        .exp_string("fo\x1b[01;31m\x1b[Kund\x1b[m\x1b[K")
        .unwrap();
    shell.send_line("exit").unwrap();
    shell.exp_eof().unwrap();
}
