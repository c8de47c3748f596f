//! Line tools on a 100 MB file, wasmix's (through a host mount) against GNU's on the same
//! file, measured in one run. Prints a Markdown table; `bench/run.sh` writes it to
//! BENCHMARKS.md. Each tool is timed two ways, the best of three runs each (of eleven
//! where both sides take under 200 ms), wasmix's and GNU's in turn: a whole run
//! (wasmix's boot and the program's first spawn included, as against bash's start and an
//! exec), and one more run of it in a shell already running it (a script of the tool
//! three times, less the script of it once, halved), as a user at either shell's prompt
//! waits for it (for runs under two seconds).

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Lines of the input file, about 50 bytes each.
const LINES: usize = 2_000_000;

/// Each tool as the shell runs it, on `input` in the current directory.
const TOOLS: &[&str] = &[
    "wc -l input",
    "wc -w input",
    "grep -c the input",
    "grep -v the input",
    "sed s/a/b/g input",
    "tr a-z A-Z < input",
    "cut -f2 input",
    "uniq -c input",
    "base64 input",
    "seq 1 10000000",
    "sort input",
    // The baseline is the machine's awk: mawk on a fresh machine, gawk where installed.
    "awk '{ n += NF } END { print n }' input",
    "awk -F'\\t' '{ c[$1]++ } END { for (k in c) n++; print n }' input",
    "gzip -c input",
    "bzip2 -c input",
    // Two files of 100,000 lines, one line in 500 changed; diff exits 1 when they differ.
    "diff old new || true",
];

/// Runs longer than this are not timed again in a running shell.
const LONG_RUN: Duration = Duration::from_secs(2);

/// Words of the input: common English ones, so that `the` and `a` occur often.
const WORDS: &[&str] = &[
    "the", "of", "and", "a", "to", "in", "is", "you", "that", "it", "he", "was", "for", "on",
    "are", "as", "with", "his", "they", "at", "be", "this", "have", "from", "or", "one", "had",
    "by", "word", "but", "not", "what", "all", "were", "we", "when", "your", "can",
];

/// Tab-separated words, some lines repeated in runs (for `uniq -c`), from a fixed
/// pseudo-random sequence.
fn write_input(path: &Path) {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut text = String::with_capacity(LINES * 52);
    let mut line = String::new();
    for _ in 0..LINES {
        if next() % 4 != 0 || line.is_empty() {
            line.clear();
            let words = 10 + next() % 8;
            for i in 0..words {
                if i > 0 {
                    line.push('\t');
                }
                line.push_str(WORDS[(next() % WORDS.len() as u64) as usize]);
            }
        }
        text.push_str(&line);
        text.push('\n');
    }
    std::fs::write(path, &text).expect("write input");
    // `old` and `new` for diff: the first 100,000 lines, and them with one in 500 changed.
    let old: Vec<&str> = text.lines().take(100_000).collect();
    let new: Vec<String> = old
        .iter()
        .enumerate()
        .map(|(i, line)| {
            if i % 500 == 250 {
                format!("changed {i}")
            } else {
                line.to_string()
            }
        })
        .collect();
    let dir = path.parent().expect("a directory");
    std::fs::write(dir.join("old"), old.join("\n") + "\n").expect("write old");
    std::fs::write(dir.join("new"), new.join("\n") + "\n").expect("write new");
}

/// Runs shorter than this are timed more often: at tens of milliseconds one slow spell
/// of the machine is a large part of a run.
const SHORT_RUN: Duration = Duration::from_millis(200);

/// Wall time of one run, output read from a pipe.
fn one_run(mut command: Command) -> Duration {
    let started = Instant::now();
    // Output goes to a pipe read here: GNU grep stops at the first match when its output
    // is /dev/null.
    let output = command
        .stdout(Stdio::piped())
        .stdin(Stdio::null())
        .output()
        .expect("run");
    assert!(output.status.success(), "{command:?} failed");
    started.elapsed()
}

/// The best time of each of two commands, run in turn so that a slow spell of the machine
/// falls on both: of three runs each, or of eleven where both are short.
fn best_in_turn(
    mut ours: impl FnMut() -> Command,
    mut theirs: impl FnMut() -> Command,
) -> (Duration, Duration) {
    let (mut best_ours, mut best_theirs) = (one_run(ours()), one_run(theirs()));
    let runs = if best_ours.max(best_theirs) < SHORT_RUN {
        11
    } else {
        3
    };
    for _ in 1..runs {
        best_ours = best_ours.min(one_run(ours()));
        best_theirs = best_theirs.min(one_run(theirs()));
    }
    (best_ours, best_theirs)
}

fn main() {
    let dir = tempfile::tempdir().expect("temporary directory");
    write_input(&dir.path().join("input"));
    let size = std::fs::metadata(dir.path().join("input"))
        .expect("input")
        .len();
    let cache = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench-cache");
    let mount = format!("{}:/data", dir.path().display());
    let wasmix = |script: String| {
        let (cache, mount) = (cache.clone(), mount.clone());
        move || {
            let mut command = Command::new(env!("CARGO_BIN_EXE_wasmix"));
            command
                .arg("--cache-dir")
                .arg(&cache)
                .args(["--ephemeral", "--mount", &mount, "-c"])
                .arg(format!("cd /data && {script}"));
            command
        }
    };
    let bash = |script: String| {
        let dir = dir.path().to_path_buf();
        move || {
            let mut command = Command::new("bash");
            command
                .args(["-c", &script])
                .current_dir(&dir)
                .env("LC_ALL", "C");
            command
        }
    };
    let ratio = |a: Duration, b: Duration| a.as_secs_f64() / b.as_secs_f64();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let per_run = |once: Duration, thrice: Duration| thrice.saturating_sub(once) / 2;
    println!(
        "| command, on a {:.0} MB file of {LINES} lines | wasmix | GNU (LC_ALL=C) | wasmix / GNU \
         | in a running shell: wasmix | GNU | wasmix / GNU |",
        size as f64 / 1e6
    );
    println!("|---|---|---|---|---|---|---|");
    let measure = |label: &str, ours: &str, gnu: &str| {
        let thrice = |tool: &str| format!("{tool}; {tool}; {tool}");
        let (ours_once, gnu_once) = best_in_turn(wasmix(ours.to_string()), bash(gnu.to_string()));
        let whole = format!(
            "| {label} | {:.0} ms | {:.0} ms | {:.2} |",
            ms(ours_once),
            ms(gnu_once),
            ratio(ours_once, gnu_once)
        );
        // Where a run takes seconds, the boot is a tenth of a percent of it.
        if ours_once > LONG_RUN {
            println!("{whole} | | |");
            return;
        }
        let (ours_thrice, gnu_thrice) = best_in_turn(wasmix(thrice(ours)), bash(thrice(gnu)));
        let (ours_more, gnu_more) = (
            per_run(ours_once, ours_thrice),
            per_run(gnu_once, gnu_thrice),
        );
        println!(
            "{whole} {:.0} ms | {:.0} ms | {:.2} |",
            ms(ours_more),
            ms(gnu_more),
            ratio(ours_more, gnu_more)
        );
    };
    for tool in TOOLS {
        measure(&format!("`{tool}`"), tool, tool);
    }
    measure(
        "`sort input` against GNU `sort --parallel=1`",
        "sort input",
        "sort --parallel=1 input",
    );
}
