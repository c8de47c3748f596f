//! nohup: run a command that ignores hangups (SIGHUP), with its terminal streams sent
//! where a hangup cannot take them: output appended to `nohup.out`.

use std::io::IsTerminal;
use std::path::Path;
use wasmix_common::process::{self, Command, Stdio};
use wasmix_common::quote::quoteaf;
use wasmix_common::wasi_fs;
use wasmix_common::{Failure, Program, args};

static PROGRAM: Program = Program {
    usage_status: 125,
    failure_status: 125,
    ..Program::new(
        "nohup",
        "Usage: nohup COMMAND [ARG]...\n  \
         or:  nohup OPTION\n\
         Run COMMAND, ignoring hangup signals.\n\n      \
         --help        display this help and exit\n      \
         --version     output version information and exit\n\n\
         If standard input is a terminal, redirect it from an unreadable file.\n\
         If standard output is a terminal, append output to 'nohup.out' if possible,\n\
         '$HOME/nohup.out' otherwise.\n\
         If standard error is a terminal, redirect it to standard output.\n\
         To save output to FILE, use 'nohup COMMAND > FILE'.\n",
    )
};

const HANGUP: u8 = 1;
const OUTPUT_FILE: &str = "nohup.out";

/// Opens (creating, readable and writable by its owner only) the file for output: in the
/// working directory, or else in `$HOME`. The name it has, or why neither opened.
fn open_output() -> Result<String, Failure> {
    let first = try_open(OUTPUT_FILE);
    let Err(why) = first else {
        return Ok(OUTPUT_FILE.into());
    };
    let Some(home) = std::env::var("HOME").ok().filter(|home| !home.is_empty()) else {
        return Err(open_failure(OUTPUT_FILE, &why));
    };
    let in_home = format!("{}/{OUTPUT_FILE}", home.trim_end_matches('/'));
    match try_open(&in_home) {
        Ok(()) => Ok(in_home),
        Err(why) => Err(open_failure(&in_home, &why)),
    }
}

fn try_open(name: &str) -> std::io::Result<()> {
    let existed = Path::new(name).exists();
    std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(name)?;
    if !existed {
        wasi_fs::set_mode(Path::new(name), true, 0o600 & !wasi_fs::umask())?;
    }
    Ok(())
}

fn open_failure(name: &str, why: &std::io::Error) -> Failure {
    Failure::Fatal(format!(
        "failed to open {}: {}",
        quoteaf(name),
        wasmix_common::describe_io_error(why)
    ))
}

fn main() {
    PROGRAM.run(|mut args, _| {
        let command = args::command_only(&mut args)?;
        if command.is_empty() {
            return Err(Failure::Usage("missing operand".into()));
        }
        let ignoring_input = std::io::stdin().is_terminal();
        let redirecting_stdout = std::io::stdout().is_terminal();
        let redirecting_stderr = std::io::stderr().is_terminal();
        let mut spawn = Command::new(command.clone());
        if ignoring_input {
            spawn = spawn.stdin(Stdio::Null);
            if !redirecting_stdout && !redirecting_stderr {
                PROGRAM.warn("ignoring input");
            }
        }
        if redirecting_stdout {
            let file = open_output()?;
            PROGRAM.warn(if ignoring_input {
                format!("ignoring input and appending output to {}", quoteaf(&file))
            } else {
                format!("appending output to {}", quoteaf(&file))
            });
            spawn = spawn.stdout(Stdio::Append(file));
        }
        if redirecting_stderr {
            if !redirecting_stdout {
                PROGRAM.warn(if ignoring_input {
                    "ignoring input and redirecting stderr to stdout"
                } else {
                    "redirecting stderr to stdout"
                });
            }
            spawn = spawn.stderr(Stdio::SameAsStdout);
        }
        process::set_signal_ignored(HANGUP, true).map_err(Failure::Fatal)?;
        let child = spawn.spawn().map_err(|e| {
            PROGRAM.warn(format!(
                "failed to run command {}: {}",
                quoteaf(&command[0]),
                e.reason()
            ));
            Failure::Status(e.status())
        })?;
        Ok(child.wait().status.passed_on())
    })
}
