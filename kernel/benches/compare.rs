//! wasmix against its baselines, measured in one run on this machine. Prints a Markdown
//! report; `bench/run.sh` writes it to BENCHMARKS.md.
//!
//! Each comparison names its baseline and gives the ratio wasmix / baseline (below 1 means
//! wasmix is faster).

use std::process::{Command, Stdio as HostStdio};
use std::sync::Arc;
use std::time::{Duration, Instant};
use wasmix::file::{Input, Output, Stdio};
use wasmix::kernel::{BootOptions, Kernel, SpawnRequest};
use wasmix::proc::{ExitStatus, SHELL_PID};

const SPAWNS: usize = 1000;
const PIPELINE_LINES: u64 = 10_000_000;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn micros(d: Duration) -> String {
    format!("{:.1} us", d.as_secs_f64() * 1e6)
}

fn wasmix_binary() -> String {
    env!("CARGO_BIN_EXE_wasmix").to_string()
}

fn cache_dir() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bench-cache")
}

/// Median time to spawn `true` and wait for it, inside one kernel.
fn wasmix_spawn_median(runtime: &tokio::runtime::Runtime) -> Duration {
    let _context = runtime.enter();
    let kernel = Kernel::boot(BootOptions {
        cache_dir: Some(cache_dir()),
        state_dir: None,
        mounts: Vec::new(),
        trace: false,
    })
    .expect("boot");
    let namespace = Arc::new(kernel.root_namespace());
    let spawn_and_wait = || {
        let started = Instant::now();
        let pid = kernel
            .spawn(SpawnRequest {
                parent: SHELL_PID,
                namespace: namespace.clone(),
                path: "/bin/true".into(),
                argv: vec!["true".into()],
                env: Vec::new(),
                stdio: Stdio {
                    stdin: Input::Null,
                    stdout: Output::Null,
                    stderr: Output::Null,
                },
            })
            .expect("spawn");
        let status = runtime.block_on(kernel.wait(pid)).expect("wait");
        assert_eq!(status, ExitStatus::Exited(0));
        started.elapsed()
    };
    for _ in 0..50 {
        spawn_and_wait();
    }
    median((0..SPAWNS).map(|_| spawn_and_wait()).collect())
}

/// Median time for a native program to fork and exec `/bin/true` and wait for it.
fn native_spawn_median() -> Duration {
    let samples = (0..SPAWNS)
        .map(|_| {
            let started = Instant::now();
            Command::new("/bin/true").status().expect("/bin/true");
            started.elapsed()
        })
        .collect();
    median(samples)
}

/// bash running `/bin/true` SPAWNS times: the mean per run.
fn bash_spawn_mean() -> Duration {
    let script = format!("for ((i = 0; i < {SPAWNS}; i++)); do /bin/true; done");
    let started = Instant::now();
    Command::new("bash")
        .args(["-c", &script])
        .status()
        .expect("bash");
    started.elapsed() / SPAWNS as u32
}

/// Wall time of a shell command line, output discarded; the best of three.
fn best_of_three(program: &str, args: &[&str]) -> Duration {
    (0..3)
        .map(|_| {
            let started = Instant::now();
            let status = Command::new(program)
                .args(args)
                .stdout(HostStdio::null())
                .status()
                .expect(program);
            assert!(status.success(), "{program} {args:?} failed");
            started.elapsed()
        })
        .min()
        .expect("three runs")
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let cache = cache_dir();
    let cache = cache.to_str().expect("utf-8 path");

    let wasmix_spawn = wasmix_spawn_median(&runtime);
    let native_spawn = native_spawn_median();
    let bash_spawn = bash_spawn_mean();

    let pipeline = format!("seq 1 {PIPELINE_LINES} | cat");
    let bytes: u64 = (1..=PIPELINE_LINES)
        .map(|n| n.to_string().len() as u64 + 1)
        .sum();
    let wasmix = wasmix_binary();
    // Warm the compile cache first: this measures running, not compiling.
    best_of_three(
        &wasmix,
        &["--cache-dir", cache, "--ephemeral", "-c", "seq 1 1 | cat"],
    );
    let wasmix_pipe = best_of_three(
        &wasmix,
        &["--cache-dir", cache, "--ephemeral", "-c", &pipeline],
    );
    let bash_pipe = best_of_three("bash", &["-c", &pipeline]);
    let rate = |d: Duration| format!("{:.0} MB/s", bytes as f64 / d.as_secs_f64() / 1e6);
    let ratio = |a: Duration, b: Duration| format!("{:.2}", a.as_secs_f64() / b.as_secs_f64());

    println!("| measurement | wasmix | baseline | baseline is | wasmix / baseline |");
    println!("|---|---|---|---|---|");
    println!(
        "| spawn + exit of `true`, median of {SPAWNS} in one kernel | {} | {} | a native program spawning `/bin/true` (median) | {} |",
        micros(wasmix_spawn),
        micros(native_spawn),
        ratio(wasmix_spawn, native_spawn)
    );
    println!(
        "| spawn + exit of `true`, {SPAWNS} in a loop | {} | {} | bash running `/bin/true` (mean) | {} |",
        micros(wasmix_spawn),
        micros(bash_spawn),
        ratio(wasmix_spawn, bash_spawn)
    );
    println!(
        "| `{pipeline}` ({:.0} MB), whole run | {:.2} s ({}) | {:.2} s ({}) | bash with GNU seq and cat | {} |",
        bytes as f64 / 1e6,
        wasmix_pipe.as_secs_f64(),
        rate(wasmix_pipe),
        bash_pipe.as_secs_f64(),
        rate(bash_pipe),
        ratio(wasmix_pipe, bash_pipe)
    );
}
