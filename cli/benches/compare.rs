//! wasmix against its baselines, measured in one run on this machine. Prints a Markdown
//! report; `bench/run.sh` writes it to BENCHMARKS.md.
//!
//! Each comparison names its baseline and gives the ratio wasmix / baseline (below 1 means
//! wasmix is faster).

use std::process::{Command, Stdio as HostStdio};
use std::sync::Arc;
use std::time::{Duration, Instant};
use wasmix_kernel::file::{Input, Output, Stdio};
use wasmix_kernel::fs::OpenOptions;
use wasmix_kernel::kernel::{BootOptions, Executable, Kernel, Limits, SpawnRequest};
use wasmix_kernel::proc::{ExitStatus, SHELL_PID};
use wasmix_shell::{Origin, Shell};

const SPAWNS: usize = 1000;
const PIPELINE_LINES: u64 = 10_000_000;
const BIG_FILE: u64 = 256 << 20;
/// The tree for `ls -R`: this many directories of this many files.
const TREE_DIRS: usize = 100;
const TREE_FILES: usize = 100;
/// Digits of pi for the big-integer workload.
const PI_PLACES: u32 = 10_000;
/// Size of the file `sort` sorts.
const SORT_BYTES: usize = 50 << 20;

/// The shell loop benchmark: arithmetic, a test and a substring per turn.
const SHELL_LOOP: &str =
    "i=0; s=start; while [ $i -lt 10000 ]; do i=$((i + 1)); s=\"${s:0:5}$i\"; done; echo $s";

/// Pattern removal and substitution over a 10 KB value (bash's new-exp8 test): each
/// kind of pattern through `${v//p/r}`, `${v#p}` and `${v%%p}`.
const PATTERN_SUBSTITUTION: &str = "z=start; for ((i = 0; i < 1000; i++)); do z=\"$z;string$i\"; done; \
     for p in str '[^;]' '[[:alnum:]_]' '?tr' '*tr' 'string9*'; do \
     a=${z//$p/}; b=${z/$p/X}; c=${z#$p}; d=${z##$p}; e=${z%$p}; f=${z%%$p}; done; echo ${#a}";

/// A pipeline of three /bin programs, run first on an empty cache.
const FIRST_RUN: &str = "seq 1 100 | grep 7 | wc -l";

/// Ten thousand processes alive at once.
const MANY_SLEEPERS: &str = "for i in {1..10000}; do sleep 1 & done; wait";

/// The many-commands benchmark: 1,000 programs started one after another.
const THOUSAND_COMMANDS: &str = "for i in {1..1000}; do /bin/true; done";

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

fn boot(runtime: &tokio::runtime::Runtime) -> Arc<Kernel> {
    let _context = runtime.enter();
    Kernel::boot(BootOptions::new(Some(cache_dir()), None, Vec::new())).expect("boot")
}

/// Median time to spawn `true` and wait for it, inside one kernel, from a task on the
/// kernel's scheduler as the shell does it.
fn wasmix_spawn_median(runtime: &tokio::runtime::Runtime) -> Duration {
    let kernel = boot(runtime);
    let namespace = Arc::new(kernel.root_namespace());
    // Made once, as the shell makes its own once and hands each child a copy.
    let limits = Limits::default();
    let spawn_and_wait = move || {
        let kernel = kernel.clone();
        let namespace = namespace.clone();
        async move {
            let started = Instant::now();
            let pid = kernel
                .spawn(SpawnRequest {
                    parent: SHELL_PID,
                    namespace,
                    executable: Executable::Path("/bin/true".into()),
                    argv: vec!["true".into()],
                    env: Vec::new(),
                    cwd: "/".into(),
                    stdio: Stdio::new(Input::Null, Output::Null, Output::Null),
                    limits,
                    invoke: None,
                    network: Default::default(),
                })
                .expect("spawn");
            let status = kernel.wait(pid).await.expect("wait");
            assert_eq!(status, ExitStatus::Exited(0));
            started.elapsed()
        }
    };
    let samples = runtime.block_on(runtime.spawn(async move {
        for _ in 0..50 {
            spawn_and_wait().await;
        }
        let mut samples = Vec::with_capacity(SPAWNS);
        for _ in 0..SPAWNS {
            samples.push(spawn_and_wait().await);
        }
        samples
    }));
    median(samples.expect("the spawning task"))
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
    best_of(3, || one_run(program, args))
}

/// Wall time of shell text run by a shell inside an already booted kernel.
fn time_in_shell(runtime: &tokio::runtime::Runtime, shell: &mut Shell, text: &str) -> Duration {
    let started = Instant::now();
    let status = runtime.block_on(shell.run_text(text)).expect("no exit");
    assert_eq!(status, 0, "{text} failed");
    started.elapsed()
}

/// Wall time of a bash command line.
fn time_in_bash(text: &str) -> Duration {
    let started = Instant::now();
    let status = Command::new("bash")
        .args(["-c", text])
        .status()
        .expect("bash");
    assert!(status.success(), "{text} failed");
    started.elapsed()
}

struct FilesystemTimes {
    write: Duration,
    read: Duration,
    list: Duration,
    /// The tree walks: `find -name`, `du -s`, `cp -r`, `rm -r` of the copy.
    walks: [Duration; 4],
}

/// The tree walks, each given the tree's directory, in the order of `FilesystemTimes::walks`.
const WALKS: [&str; 4] = [
    "find TREE -name 'f1*' > /dev/null",
    "du -s TREE > /dev/null",
    "cp -r TREE TREE-copy",
    "rm -r TREE-copy",
];

/// Writes and reads a big file in /tmp (ramfs), and lists a tree of small files.
fn wasmix_filesystem(runtime: &tokio::runtime::Runtime) -> FilesystemTimes {
    let _context = runtime.enter();
    let kernel = boot(runtime);
    let namespace = kernel.root_namespace();
    let create = OpenOptions {
        write: true,
        create: true,
        ..OpenOptions::default()
    };
    namespace.create_dir("/tmp/tree").expect("mkdir");
    for d in 0..TREE_DIRS {
        namespace
            .create_dir(&format!("/tmp/tree/d{d}"))
            .expect("mkdir");
        for f in 0..TREE_FILES {
            namespace
                .open(&format!("/tmp/tree/d{d}/f{f}"), create)
                .expect("create");
        }
    }
    let mut shell = Shell::new(kernel, Origin::CommandString);
    // Warm the compile cache: these measure running, not compiling.
    time_in_shell(
        runtime,
        &mut shell,
        "head -c 1 /dev/zero > /dev/null; cat /dev/null; ls /tmp > /dev/null",
    );
    FilesystemTimes {
        write: time_in_shell(
            runtime,
            &mut shell,
            &format!("head -c {BIG_FILE} /dev/zero > /tmp/big"),
        ),
        read: time_in_shell(runtime, &mut shell, "cat /tmp/big > /dev/null"),
        list: best_of(3, || {
            time_in_shell(runtime, &mut shell, "ls -R /tmp/tree > /dev/null")
        }),
        walks: best_walks(|walk| {
            time_in_shell(runtime, &mut shell, &walk.replace("TREE", "/tmp/tree"))
        }),
    }
}

/// The least of `runs` times.
fn best_of(runs: usize, mut time: impl FnMut() -> Duration) -> Duration {
    (0..runs).map(|_| time()).min().expect("at least one run")
}

/// Each walk's best of three: the four in order three times (so that `rm -r` removes the
/// copy `cp -r` has just made).
fn best_walks(mut time: impl FnMut(&str) -> Duration) -> [Duration; 4] {
    let mut best = [Duration::MAX; 4];
    for _ in 0..3 {
        for (walk, best) in WALKS.iter().zip(&mut best) {
            *best = (*best).min(time(walk));
        }
    }
    best
}

/// The same on the host, on tmpfs (/dev/shm), with GNU tools.
fn host_filesystem() -> FilesystemTimes {
    let dir = tempfile::tempdir_in("/dev/shm").expect("tmpfs");
    let root = dir.path().display().to_string();
    for d in 0..TREE_DIRS {
        let sub = dir.path().join(format!("tree/d{d}"));
        std::fs::create_dir_all(&sub).expect("mkdir");
        for f in 0..TREE_FILES {
            std::fs::write(sub.join(format!("f{f}")), "").expect("create");
        }
    }
    FilesystemTimes {
        write: time_in_bash(&format!("head -c {BIG_FILE} /dev/zero > {root}/big")),
        read: time_in_bash(&format!("cat {root}/big > /dev/null")),
        list: best_of(3, || {
            time_in_bash(&format!("ls -R {root}/tree > /dev/null"))
        }),
        walks: best_walks(|walk| time_in_bash(&walk.replace("TREE", &format!("{root}/tree")))),
    }
}

/// The same `pi` program built for the host, by cargo, for the native column.
fn native_pi() -> String {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args(["build", "--release", "--quiet", "-p", "wasmix-pi"])
        .status()
        .expect("cargo");
    assert!(status.success(), "building the native pi failed");
    let target = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("target dir")
        .join("release/pi");
    target.display().to_string()
}

/// 50 MiB of lines of pseudo-random words, on tmpfs, for `sort`.
fn sort_input() -> tempfile::TempDir {
    let dir = tempfile::tempdir_in("/dev/shm").expect("tmpfs");
    let mut text = String::with_capacity(SORT_BYTES + 64);
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    while text.len() < SORT_BYTES {
        // xorshift: the same file every run.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let words = 1 + state % 6;
        for w in 0..words {
            if w > 0 {
                text.push(' ');
            }
            let letters = 2 + (state >> (8 * w)) % 9;
            for l in 0..letters {
                text.push(char::from(b'a' + ((state >> (l * 5 + w)) % 26) as u8));
            }
        }
        text.push('\n');
    }
    std::fs::write(dir.path().join("input"), text).expect("write");
    dir
}

/// The first run of a pipeline of /bin programs, each time on a new, empty cache (the best
/// of three), and the same run once the cache is warm.
fn first_and_warm_run(wasmix: &str, warm_cache: &str) -> (Duration, Duration) {
    let first = (0..3)
        .map(|_| {
            let empty = tempfile::tempdir().expect("temporary cache");
            let cache = empty.path().to_str().expect("utf-8 path");
            one_run(
                wasmix,
                &["--cache-dir", cache, "--ephemeral", "-c", FIRST_RUN],
            )
        })
        .min()
        .expect("three runs");
    let args = ["--cache-dir", warm_cache, "--ephemeral", "-c", FIRST_RUN];
    one_run(wasmix, &args);
    (first, best_of_three(wasmix, &args))
}

/// Wall time of one run, output discarded.
fn one_run(program: &str, args: &[&str]) -> Duration {
    let started = Instant::now();
    let status = Command::new(program)
        .args(args)
        .stdout(HostStdio::null())
        .status()
        .expect(program);
    assert!(status.success(), "{program} {args:?} failed");
    started.elapsed()
}

/// Wall time and peak resident memory (bytes) of one run, from GNU time.
fn time_and_peak_memory(program: &str, args: &[&str]) -> (Duration, u64) {
    let out = Command::new("/usr/bin/time")
        .args(["-f", "%e %M", program])
        .args(args)
        .stdout(HostStdio::null())
        .output()
        .expect("GNU time");
    assert!(out.status.success(), "{program} {args:?} failed");
    let report = String::from_utf8_lossy(&out.stderr);
    let mut fields = report
        .lines()
        .last()
        .expect("a report line")
        .split_whitespace();
    let seconds: f64 = fields.next().and_then(|f| f.parse().ok()).expect("seconds");
    let kib: u64 = fields.next().and_then(|f| f.parse().ok()).expect("KiB");
    (Duration::from_secs_f64(seconds), kib << 10)
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
    let wasmix_fs = wasmix_filesystem(&runtime);
    let host_fs = host_filesystem();
    let pi = format!("pi {PI_PLACES} > /dev/null");
    best_of_three(
        &wasmix,
        &["--cache-dir", cache, "--ephemeral", "-c", "pi 1"],
    );
    let wasmix_pi = best_of_three(&wasmix, &["--cache-dir", cache, "--ephemeral", "-c", &pi]);
    let native_pi = best_of_three(&native_pi(), &[&PI_PLACES.to_string()]);

    let sort_dir = sort_input();
    let mount = format!("{}:/data", sort_dir.path().display());
    let wasmix_sort = best_of_three(
        &wasmix,
        &[
            "--cache-dir",
            cache,
            "--ephemeral",
            "--mount",
            &mount,
            "-c",
            "sort /data/input",
        ],
    );
    let input = sort_dir.path().join("input");
    let gnu_sort = best_of_three(
        "bash",
        &["-c", &format!("LC_ALL=C sort {}", input.display())],
    );

    let (first_run, warm_run) = first_and_warm_run(&wasmix, cache);
    let (wasmix_sleepers, sleepers_memory) =
        time_and_peak_memory(&wasmix, &["--ephemeral", "-c", MANY_SLEEPERS]);
    let (bash_sleepers, _) = time_and_peak_memory("bash", &["-c", MANY_SLEEPERS]);

    // The shell itself: a loop of arithmetic and string operations (builtins only), and
    // a script that starts 1,000 programs (bash forks and execs each).
    let wasmix_loop = best_of_three(
        &wasmix,
        &["--cache-dir", cache, "--ephemeral", "-c", SHELL_LOOP],
    );
    let bash_loop = best_of_three("bash", &["-c", SHELL_LOOP]);
    let wasmix_patterns = best_of_three(
        &wasmix,
        &[
            "--cache-dir",
            cache,
            "--ephemeral",
            "-c",
            PATTERN_SUBSTITUTION,
        ],
    );
    let bash_patterns = best_of_three("bash", &["-c", PATTERN_SUBSTITUTION]);
    best_of_three(
        &wasmix,
        &["--cache-dir", cache, "--ephemeral", "-c", "/bin/true"],
    );
    let wasmix_commands = best_of_three(
        &wasmix,
        &["--cache-dir", cache, "--ephemeral", "-c", THOUSAND_COMMANDS],
    );
    let bash_commands = best_of_three("bash", &["-c", THOUSAND_COMMANDS]);

    let rate = |d: Duration| format!("{:.0} MB/s", bytes as f64 / d.as_secs_f64() / 1e6);
    let big_rate = |d: Duration| format!("{:.0} MB/s", BIG_FILE as f64 / d.as_secs_f64() / 1e6);
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
    println!(
        "| write 256 MiB: `head -c 256M /dev/zero > /tmp/big` (ramfs) | {:.2} s ({}) | {:.2} s ({}) | bash with GNU head on tmpfs | {} |",
        wasmix_fs.write.as_secs_f64(),
        big_rate(wasmix_fs.write),
        host_fs.write.as_secs_f64(),
        big_rate(host_fs.write),
        ratio(wasmix_fs.write, host_fs.write)
    );
    println!(
        "| read 256 MiB: `cat /tmp/big > /dev/null` | {:.2} s ({}) | {:.2} s ({}) | bash with GNU cat on tmpfs | {} |",
        wasmix_fs.read.as_secs_f64(),
        big_rate(wasmix_fs.read),
        host_fs.read.as_secs_f64(),
        big_rate(host_fs.read),
        ratio(wasmix_fs.read, host_fs.read)
    );
    println!(
        "| `ls -R` of {} files in {TREE_DIRS} directories, output discarded | {:.1} ms | {:.1} ms | bash with GNU ls on tmpfs | {} |",
        TREE_DIRS * TREE_FILES,
        wasmix_fs.list.as_secs_f64() * 1e3,
        host_fs.list.as_secs_f64() * 1e3,
        ratio(wasmix_fs.list, host_fs.list)
    );
    for (walk, (ours, gnu)) in WALKS.iter().zip(wasmix_fs.walks.iter().zip(host_fs.walks)) {
        println!(
            "| `{}` of {} files in {TREE_DIRS} directories | {:.1} ms | {:.1} ms | bash with GNU's on tmpfs | {} |",
            walk.replace("TREE", "tree"),
            TREE_DIRS * TREE_FILES,
            ours.as_secs_f64() * 1e3,
            gnu.as_secs_f64() * 1e3,
            ratio(*ours, gnu)
        );
    }
    println!(
        "| `pi {PI_PLACES}` (big integers), whole run | {:.1} ms | {:.1} ms | the same Rust program built natively | {} |",
        wasmix_pi.as_secs_f64() * 1e3,
        native_pi.as_secs_f64() * 1e3,
        ratio(wasmix_pi, native_pi)
    );
    println!(
        "| `sort` of a {} MiB file of words, whole run | {:.2} s | {:.2} s | GNU sort (LC_ALL=C) | {} |",
        SORT_BYTES >> 20,
        wasmix_sort.as_secs_f64(),
        gnu_sort.as_secs_f64(),
        ratio(wasmix_sort, gnu_sort)
    );
    println!(
        "| shell loop, 10,000 turns of `$((...))`, `[ ]` and `${{s:0:5}}`, whole run | {:.1} ms | {:.1} ms | bash | {} |",
        wasmix_loop.as_secs_f64() * 1e3,
        bash_loop.as_secs_f64() * 1e3,
        ratio(wasmix_loop, bash_loop)
    );
    println!(
        "| `${{v//p/r}}`, `${{v#p}}`, `${{v%%p}}` of six patterns over a 10 KB value, whole run | {:.1} ms | {:.1} ms | bash | {} |",
        wasmix_patterns.as_secs_f64() * 1e3,
        bash_patterns.as_secs_f64() * 1e3,
        ratio(wasmix_patterns, bash_patterns)
    );
    println!(
        "| a script running `/bin/true` 1,000 times, whole run | {:.1} ms | {:.1} ms | bash (fork + exec) | {} |",
        wasmix_commands.as_secs_f64() * 1e3,
        bash_commands.as_secs_f64() * 1e3,
        ratio(wasmix_commands, bash_commands)
    );
    println!(
        "| `{FIRST_RUN}`, first run on an empty cache, whole run | {:.1} ms | {:.1} ms | the same run with the cache warm | {} |",
        first_run.as_secs_f64() * 1e3,
        warm_run.as_secs_f64() * 1e3,
        ratio(first_run, warm_run)
    );
    println!(
        "| `{MANY_SLEEPERS}`: 10,000 processes at once, whole run | {:.2} s (peak {:.0} MB resident) | {:.2} s | bash with GNU sleep | {} |",
        wasmix_sleepers.as_secs_f64(),
        sleepers_memory as f64 / 1e6,
        bash_sleepers.as_secs_f64(),
        ratio(wasmix_sleepers, bash_sleepers)
    );
}
