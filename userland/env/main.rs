//! env: print the environment, or run a command in a changed one (through `wasmix:process`).

mod signal_actions;
mod split_string;

use std::io::Write;
use wasmix_common::process::Command;
use wasmix_common::{Arg, Args, Failure, Program, args, note};

static PROGRAM: Program = Program {
    usage_status: 125,
    failure_status: 125,
    ..Program::new(
        "env",
        "Usage: env [OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]\n\
         Set each NAME to VALUE in the environment and run COMMAND.\n\n  \
         -i, --ignore-environment  start with an empty environment\n  \
         -0, --null           end each output line with NUL, not newline\n  \
         -u, --unset=NAME     remove variable from the environment\n  \
         -C, --chdir=DIR      change working directory to DIR\n  \
         -S, --split-string=S  process and split S into separate arguments;\n                        \
         used to pass multiple arguments on shebang lines\n  \
         --default-signal[=SIG]  reset handling of SIG signal(s) to the default\n      \
         --ignore-signal[=SIG]   set handling of SIG signal(s) to do nothing\n      \
         --list-signal-handling  list non default signal handling to stderr\n  \
         -v, --debug          print verbose information for each processing step\n      \
         --help        display this help and exit\n      \
         --version     output version information and exit\n\n\
         A mere - implies -i.  If no COMMAND, print the resulting environment.\n\n\
         SIG may be a signal name like 'PIPE', or a signal number like '13'.\n\
         Without SIG, all known signals are included.  Multiple signals can be\n\
         comma-separated.\n",
    )
};

/// The command line with each `-S STRING` (before the command) replaced by the
/// arguments STRING holds, as GNU's env rereads it.
fn expanded_arguments() -> Result<Vec<String>, Failure> {
    let mut given = std::env::args().skip(1);
    let mut expanded = Vec::new();
    while let Some(arg) = given.next() {
        let string = match arg.as_str() {
            "-S" | "--split-string" => Some(
                given
                    .next()
                    .ok_or_else(|| Failure::Usage("option requires an argument -- 'S'".into()))?,
            ),
            _ if arg.starts_with("--split-string=") => {
                Some(arg["--split-string=".len()..].to_string())
            }
            _ if arg.starts_with("-S") => Some(arg[2..].to_string()),
            _ => None,
        };
        let debug = expanded.iter().any(|a: &String| is_debug(a));
        match string {
            Some(string) => {
                let words = split_string::split(&string)?;
                if debug {
                    let quote = |w: &str| wasmix_common::quote::quote_bytes(w.as_bytes());
                    note!("split -S:  {}", quote(&string));
                    for (i, word) in words.iter().enumerate() {
                        let lead = if i == 0 { " into:    " } else { "     &    " };
                        note!("{lead}{}", quote(word));
                    }
                }
                expanded.extend(words)
            }
            None if arg.starts_with('-') && arg != "-" => {
                // An option that takes its value as the next argument keeps it.
                let takes_value = matches!(arg.as_str(), "-u" | "--unset" | "-C" | "--chdir");
                expanded.push(arg);
                if takes_value {
                    expanded.extend(given.next());
                }
            }
            None => {
                expanded.push(arg);
                expanded.extend(given);
                break;
            }
        }
    }
    Ok(expanded)
}

/// `-v` or `--debug`, alone or among other short options (`-iv`).
fn is_debug(arg: &str) -> bool {
    arg == "--debug" || arg.starts_with('-') && !arg.starts_with("--") && arg[1..].contains('v')
}

fn main() {
    PROGRAM.run(|_, out| {
        let mut args = Args::from_vec(&PROGRAM, expanded_arguments()?);
        let mut env: Vec<(String, String)> = std::env::vars().collect();
        let mut directory = None;
        let mut terminator = b'\n';
        let mut command = Vec::new();
        // What -v reports, in GNU's order: the environment's changes, then the command.
        let (mut debug, mut cleaned) = (false, false);
        let (mut unset, mut set) = (Vec::new(), Vec::new());
        let mut signals = signal_actions::SignalActions::default();
        let mut list_signals = false;
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Long(option @ ("ignore-signal" | "default-signal")) => {
                    let ignored = option == "ignore-signal";
                    signals.add(args.optional_value().as_deref(), ignored)?;
                }
                Arg::Long("list-signal-handling") => list_signals = true,
                Arg::Short('v') | Arg::Long("debug") => debug = true,
                Arg::Short('i') | Arg::Long("ignore-environment") => {
                    env.clear();
                    cleaned = true;
                }
                Arg::Short('0') | Arg::Long("null") => terminator = b'\0',
                Arg::Short('C') | Arg::Long("chdir") => directory = Some(args.value()?),
                Arg::Short('u') | Arg::Long("unset") => {
                    let name = args.value()?;
                    if name.is_empty() || name.contains('=') {
                        return Err(Failure::Fatal(format!(
                            "cannot unset '{name}': Invalid argument"
                        )));
                    }
                    env.retain(|(variable, _)| *variable != name);
                    unset.push(name);
                }
                Arg::Value(value) => {
                    let value = args::into_string(value)?;
                    if value == "-" {
                        env.clear();
                        cleaned = true;
                    } else if let Some((name, value)) = value.split_once('=') {
                        // `=X` too is an assignment, as putenv takes it in GNU's env.
                        env.retain(|(variable, _)| variable != name);
                        env.push((name.to_string(), value.to_string()));
                        set.push(format!("{name}={value}"));
                    } else {
                        command = vec![value];
                        command.extend(args.rest());
                        break;
                    }
                }
                other => return Err(args::unexpected(other)),
            }
        }
        if debug {
            if cleaned {
                note!("cleaning environ");
            } else {
                for name in &unset {
                    note!("unset:    {name}");
                }
            }
            for assignment in &set {
                note!("setenv:   {assignment}");
            }
        }
        if command.is_empty() && directory.is_some() {
            return Err(Failure::Usage(
                "must specify command with --chdir (-C)".into(),
            ));
        }
        if command.is_empty() {
            for (name, value) in env {
                out.write_all(format!("{name}={value}").as_bytes())?;
                out.write_all(&[terminator])?;
            }
            return Ok(0);
        }
        if terminator == b'\0' {
            return Err(Failure::Usage(
                "cannot specify --null (-0) with command".into(),
            ));
        }
        let name = command[0].clone();
        if debug {
            if let Some(directory) = &directory {
                note!(
                    "chdir:    {}",
                    wasmix_common::quote::quote_bytes(directory.as_bytes())
                );
            }
            note!("executing: {name}");
            for (i, arg) in command.iter().enumerate() {
                note!(
                    "   arg[{i}]= {}",
                    wasmix_common::quote::quote_bytes(arg.as_bytes())
                );
            }
        }
        signals.apply()?;
        if list_signals {
            signal_actions::list();
        }
        let mut command = Command::new(command).env(env);
        if let Some(directory) = directory {
            // Checked here: the child would only fail to start.
            let absolute = std::env::current_dir()?.join(&directory);
            if let Err(e) = std::fs::read_dir(&absolute) {
                return Err(Failure::Fatal(format!(
                    "cannot change directory to {}: {}",
                    wasmix_common::quote::quoteaf(&directory),
                    wasmix_common::describe_io_error(&e)
                )));
            }
            command = command.current_dir(absolute.to_string_lossy().into_owned());
        }
        match command.spawn() {
            Ok(child) => Ok(child.wait().status.passed_on()),
            Err(e) => {
                PROGRAM.warn(format!("'{name}': {}", e.reason()));
                Err(Failure::Status(e.status()))
            }
        }
    })
}
