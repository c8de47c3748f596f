//! env: print the environment, or run a command in a changed one (through `wasmix:process`).

use std::io::Write;
use wasmix_common::process::Command;
use wasmix_common::{Arg, Failure, Program, args};

static PROGRAM: Program = Program {
    usage_status: 125,
    failure_status: 125,
    ..Program::new(
        "env",
        "Usage: env [OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]\n\
         Set each NAME to VALUE in the environment and run COMMAND.\n\n  \
         -i, --ignore-environment  start with an empty environment\n  \
         -0, --null           end each output line with NUL, not newline\n  \
         -u, --unset=NAME     remove variable from the environment\n      \
         --help        display this help and exit\n      \
         --version     output version information and exit\n\n\
         A mere - implies -i.  If no COMMAND, print the resulting environment.\n",
    )
};

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut env: Vec<(String, String)> = std::env::vars().collect();
        let mut terminator = b'\n';
        let mut command = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('i') | Arg::Long("ignore-environment") => env.clear(),
                Arg::Short('0') | Arg::Long("null") => terminator = b'\0',
                Arg::Short('u') | Arg::Long("unset") => {
                    let name = args.value()?;
                    if name.is_empty() || name.contains('=') {
                        return Err(Failure::Fatal(format!(
                            "cannot unset '{name}': Invalid argument"
                        )));
                    }
                    env.retain(|(variable, _)| *variable != name);
                }
                Arg::Value(value) => {
                    let value = args::into_string(value)?;
                    if value == "-" {
                        env.clear();
                    } else if let Some((name, value)) =
                        value.split_once('=').filter(|(name, _)| !name.is_empty())
                    {
                        env.retain(|(variable, _)| variable != name);
                        env.push((name.to_string(), value.to_string()));
                    } else {
                        command = vec![value];
                        command.extend(args.rest());
                        break;
                    }
                }
                other => return Err(args::unexpected(other)),
            }
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
        match Command::new(command).env(env).spawn() {
            Ok(child) => Ok(child.wait().status.code()),
            Err(e) => {
                PROGRAM.warn(format!("'{name}': {}", e.reason()));
                Err(Failure::Status(e.status()))
            }
        }
    })
}
