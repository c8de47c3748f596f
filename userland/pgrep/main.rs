//! pgrep: the processes whose name (or, with -f, command line) matches an extended
//! regular expression, found under /proc, as procps' pgrep lists them.

use std::io::Write;
use wasmix_common::posix_regex::{Flags, PosixRegex, Syntax};
use wasmix_common::{Arg, Failure, Program, args, note};

static PROGRAM: Program = Program::new(
    "pgrep",
    "\nUsage:\n pgrep [options] <pattern>\n\n\
     Options:\n \
     -d, --delimiter <string>  specify output delimiter\n \
     -l, --list-name           list PID and process name\n \
     -a, --list-full           list PID and full command line\n \
     -v, --inverse             negates the matching\n \
     -c, --count               count of matching processes\n \
     -f, --full                use full process name to match\n \
     -i, --ignore-case         match case insensitively\n \
     -n, --newest              select most recently started\n \
     -o, --oldest              select least recently started\n \
     -P, --parent <PPID,...>   match only child processes of the given parent\n \
     -x, --exact               match exactly with the command name\n \
     -r, --runstates <state>   match runstates [D,S,Z,...]\n\n \
     -h, --help     display this help and exit\n \
     -V, --version  output version information and exit\n",
);

/// A command line pgrep cannot take: status 2, with procps' words.
fn usage_error(message: &str) -> Failure {
    note!("pgrep: {message}");
    note!("Try `pgrep --help' for more information.");
    Failure::Status(2)
}

/// A wrong option: named, then the whole usage text, as procps answers it.
fn wrong_option(message: Option<String>) -> Failure {
    if let Some(message) = message {
        note!("pgrep: {message}");
    }
    let _ = std::io::stderr().write_all(PROGRAM.help.as_bytes());
    Failure::Status(2)
}

/// What /proc says of a process.
struct Process {
    pid: u32,
    ppid: u32,
    name: String,
    state: char,
    start: u64,
    /// The command line's words joined by spaces; empty for a process without one.
    command_line: String,
}

fn read(pid: u32) -> Option<Process> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The name is in parentheses and may hold spaces: the fields follow the last `)`.
    let (head, rest) = stat.rsplit_once(')')?;
    let name = head.split_once('(')?.1.to_string();
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
    let words: Vec<String> = cmdline
        .split(|&b| b == 0)
        .filter(|w| !w.is_empty())
        .map(|w| String::from_utf8_lossy(w).into_owned())
        .collect();
    Some(Process {
        pid,
        ppid: fields.get(1)?.parse().ok()?,
        name,
        state: fields.first()?.chars().next()?,
        start: fields.get(19).and_then(|f| f.parse().ok()).unwrap_or(0),
        command_line: words.join(" "),
    })
}

/// This process's ID, as /proc/self tells it.
fn own_pid() -> u32 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|stat| stat.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn processes() -> Vec<Process> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    let mut found: Vec<Process> = entries
        .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse().ok())
        .filter_map(read)
        .collect();
    found.sort_by_key(|p| p.pid);
    found
}

#[derive(Default)]
struct Options {
    delimiter: Option<String>,
    list: Option<char>,
    inverse: bool,
    count: bool,
    full: bool,
    ignore_case: bool,
    newest: bool,
    oldest: bool,
    parents: Option<Vec<u32>>,
    exact: bool,
    states: Option<String>,
}

/// A comma-separated list of process IDs.
fn pid_list(text: &str) -> Result<Vec<u32>, Failure> {
    text.split(',')
        .map(|n| {
            n.trim().parse().map_err(|_| {
                note!("pgrep: not a number: {n}");
                Failure::Status(2)
            })
        })
        .collect()
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut options = Options::default();
        let mut patterns = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('d') | Arg::Long("delimiter") => options.delimiter = Some(args.value()?),
                Arg::Short('l') | Arg::Long("list-name") => options.list = Some('l'),
                Arg::Short('a') | Arg::Long("list-full") => options.list = Some('a'),
                Arg::Short('v') | Arg::Long("inverse") => options.inverse = true,
                Arg::Short('c') | Arg::Long("count") => options.count = true,
                Arg::Short('f') | Arg::Long("full") => options.full = true,
                Arg::Short('i') | Arg::Long("ignore-case") => options.ignore_case = true,
                Arg::Short('n') | Arg::Long("newest") => options.newest = true,
                Arg::Short('o') | Arg::Long("oldest") => options.oldest = true,
                Arg::Short('P') | Arg::Long("parent") => {
                    options.parents = Some(pid_list(&args.value()?)?);
                }
                Arg::Short('x') | Arg::Long("exact") => options.exact = true,
                Arg::Short('r') | Arg::Long("runstates") => options.states = Some(args.value()?),
                Arg::Short('h') => args.show_help(),
                Arg::Short('V') => args.show_version(),
                Arg::Value(v) => patterns.push(args::into_string(v)?),
                Arg::Short(c) => {
                    return Err(wrong_option(Some(format!("invalid option -- '{c}'"))));
                }
                Arg::Long(name) => {
                    return Err(wrong_option(Some(format!(
                        "unrecognized option '--{name}'"
                    ))));
                }
            }
        }
        if patterns.len() > 1 {
            return Err(usage_error("only one pattern can be provided"));
        }
        if options.newest && options.oldest {
            return Err(wrong_option(None));
        }
        let pattern = patterns.pop();
        if pattern.is_none() && options.parents.is_none() && options.states.is_none() {
            return Err(usage_error("no matching criteria specified"));
        }
        let regex = match &pattern {
            Some(text) => {
                // procps warns of what Linux's 15-character names would never match.
                if !options.full && text.len() > 15 {
                    note!(
                        "pgrep: pattern that searches for process name longer than 15 \
                         characters will result in zero matches"
                    );
                    note!("Try `pgrep -f' option to match against the complete command line.");
                }
                let text = if options.exact {
                    format!("^({text})$")
                } else {
                    text.clone()
                };
                let syntax = Syntax::GLIBC_EXTENDED;
                let flags = Flags {
                    case_insensitive: options.ignore_case,
                    ..Flags::default()
                };
                let regex = PosixRegex::new(&text, syntax, flags).map_err(|e| {
                    note!("pgrep: regex error: {e}");
                    Failure::Status(2)
                })?;
                Some(regex)
            }
            None => None,
        };
        // pgrep never lists itself.
        let own = own_pid();
        let mut chosen: Vec<Process> = processes()
            .into_iter()
            .filter(|p| p.pid != own)
            .filter(|p| {
                let subject = match options.full && !p.command_line.is_empty() {
                    true => &p.command_line,
                    false => &p.name,
                };
                let matched = regex
                    .as_ref()
                    .is_none_or(|r| r.is_match(subject.as_bytes()))
                    && options
                        .parents
                        .as_ref()
                        .is_none_or(|list| list.contains(&p.ppid))
                    && options.states.as_ref().is_none_or(|s| s.contains(p.state));
                matched != options.inverse
            })
            .collect();
        if options.newest || options.oldest {
            let key = |p: &Process| (p.start, p.pid);
            let pick = match options.newest {
                true => chosen.iter().max_by_key(|p| key(p)),
                false => chosen.iter().min_by_key(|p| key(p)),
            }
            .map(|p| p.pid);
            chosen.retain(|p| Some(p.pid) == pick);
        }
        let status = u8::from(chosen.is_empty());
        if options.count {
            writeln!(out, "{}", chosen.len())?;
            return Ok(status);
        }
        let delimiter = options.delimiter.as_deref().unwrap_or("\n");
        let lines: Vec<String> = chosen
            .iter()
            .map(|p| match options.list {
                Some('l') => format!("{} {}", p.pid, p.name),
                Some(_) if !p.command_line.is_empty() => format!("{} {}", p.pid, p.command_line),
                Some(_) => format!("{} [{}]", p.pid, p.name),
                None => p.pid.to_string(),
            })
            .collect();
        if !lines.is_empty() {
            writeln!(out, "{}", lines.join(delimiter))?;
        }
        Ok(status)
    })
}
