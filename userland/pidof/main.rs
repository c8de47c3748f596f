//! pidof: the process IDs of running programs, found by name under /proc, newest first,
//! as procps' pidof lists them.

use std::io::Write;
use wasmix_common::{Arg, Failure, Program, args};

static PROGRAM: Program = Program::new(
    "pidof",
    "Usage: pidof [options] [program [...]]\n\n\
     Options:\n \
     -s, --single-shot         return one PID only\n \
     -q,                       quiet mode, only set the exit code\n \
     -x                        also find shells running the named scripts\n \
     -o, --omit-pid <PID,...>  omit processes with PID (%PPID is the parent's)\n \
     -S, --separator SEP       use SEP as separator put between PIDs\n \
     -h, --help     display this help and exit\n \
     -V, --version  output version information and exit\n",
);

/// What a process is known by: its name, and its command line's words.
struct Process {
    pid: u32,
    name: String,
    argv: Vec<String>,
}

fn processes() -> Vec<Process> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    let mut found: Vec<Process> = entries
        .filter_map(|entry| {
            let pid: u32 = entry.ok()?.file_name().to_str()?.parse().ok()?;
            let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
            let name = status
                .lines()
                .find_map(|line| line.strip_prefix("Name:"))?
                .trim()
                .to_string();
            let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
            let argv = cmdline
                .split(|&b| b == 0)
                .filter(|word| !word.is_empty())
                .map(|word| String::from_utf8_lossy(word).into_owned())
                .collect();
            Some(Process { pid, name, argv })
        })
        .collect();
    found.sort_by_key(|p| std::cmp::Reverse(p.pid));
    found
}

/// This process's parent, as /proc/self tells it.
fn parent_id() -> u32 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|line| line.strip_prefix("PPid:"))
                .and_then(|pid| pid.trim().parse().ok())
        })
        .unwrap_or(0)
}

fn base(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// Whether `process` runs `program`: by its name or its first word's last component;
/// with `scripts`, also a shell whose script (its next word) is that.
fn runs(process: &Process, program: &str, scripts: bool) -> bool {
    let wanted = base(program);
    if process.name == wanted || process.argv.first().is_some_and(|a| base(a) == wanted) {
        return true;
    }
    let shell = process
        .argv
        .first()
        .is_some_and(|a| matches!(base(a), "sh" | "bash" | "wasmix"));
    scripts && shell && process.argv.get(1).is_some_and(|a| base(a) == wanted)
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let (mut single, mut quiet, mut scripts) = (false, false, false);
        let mut omitted: Vec<u32> = Vec::new();
        let mut separator = " ".to_string();
        let mut programs = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('s') | Arg::Long("single-shot") => single = true,
                Arg::Short('q') => quiet = true,
                Arg::Short('x') => scripts = true,
                Arg::Short('o') | Arg::Long("omit-pid") => {
                    for pid in args.value()?.split(',') {
                        let pid = match pid {
                            "%PPID" => parent_id(),
                            pid => pid.parse().map_err(|_| {
                                Failure::Usage(format!("illegal omit pid value ({pid})!"))
                            })?,
                        };
                        omitted.push(pid);
                    }
                }
                Arg::Short('S') | Arg::Long("separator") => separator = args.value()?,
                Arg::Value(v) => programs.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let all = processes();
        let mut found: Vec<u32> = Vec::new();
        for program in &programs {
            for process in all.iter().filter(|p| runs(p, program, scripts)) {
                if !omitted.contains(&process.pid) && !found.contains(&process.pid) {
                    found.push(process.pid);
                }
                if single {
                    break;
                }
            }
        }
        if found.is_empty() {
            return Ok(1);
        }
        if !quiet {
            let list: Vec<String> = found.iter().map(u32::to_string).collect();
            writeln!(out, "{}", list.join(&separator))?;
        }
        Ok(0)
    })
}
