//! awk: pattern scanning and processing, as POSIX defines it (with `**`, `nextfile`,
//! `delete a`, `fflush`, regex RS and `-v` escapes, which every awk in use has).
//! The program is tokenized in `lexer.rs`, parsed in `parser.rs` to `ast.rs`, and run
//! by `interp.rs`.

mod ast;
mod blanks;
mod builtins;
mod ere;
mod fields;
mod format;
mod interp;
mod io;
mod lexer;
mod parser;
mod value;

use ast::{Pattern, Stmt, Var};
use interp::{Interp, Stop};
use std::io::{Read, Write};
use value::Value;
use wasmix_common::{BROKEN_PIPE_STATUS, Failure, Output, Program};

static PROGRAM: Program = Program {
    usage_status: 2,
    failure_status: 2,
    ..Program::new(
        "awk",
        "Usage: awk [-F fs][-v var=value][prog | -f progfile][file ...]\n\n  \
         -F fs          split fields with fs (a regular expression, or one character; t is tab)\n  \
         -v var=value   assign value to var before the program starts\n  \
         -f progfile    read the program from progfile (may be repeated; - is stdin)\n      \
         --help     display this help and exit\n      \
         --version  output version information and exit\n\n\
         Operands are files (- is stdin) or var=value assignments made when they are reached.\n",
    )
};

/// `name=value` with a valid awk name: an assignment operand.
pub fn assignment(text: &str) -> Option<(String, String)> {
    let (name, value) = text.split_once('=')?;
    let mut chars = name.chars();
    let first = chars.next()?;
    if !(first == '_' || first.is_ascii_alphabetic())
        || !chars.all(|c| c == '_' || c.is_ascii_alphanumeric())
    {
        return None;
    }
    Some((name.to_string(), unescape(value)))
}

/// Escape sequences in `-v` values, assignment operands and `-F`, as in string literals.
fn unescape(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\' && i + 1 < bytes.len() {
            let (decoded, used) = lexer::escape(&bytes[i + 1..]);
            out.extend(decoded);
            i += 1 + used;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

struct Invocation {
    source: String,
    field_separator: Option<String>,
    assignments: Vec<(String, String)>,
    operands: Vec<String>,
}

fn usage(message: String) -> Failure {
    Failure::Usage(message)
}

fn parse_arguments(args: Vec<String>) -> Result<Invocation, Failure> {
    let mut invocation = Invocation {
        source: String::new(),
        field_separator: None,
        assignments: Vec::new(),
        operands: Vec::new(),
    };
    let mut files = Vec::new();
    let mut args = args.into_iter().peekable();
    while let Some(arg) = args.next_if(|a| a.starts_with('-') && a.len() > 1) {
        if arg == "--" {
            break;
        }
        match arg.as_str() {
            "--help" => PROGRAM.show_help(),
            "--version" => PROGRAM.show_version(),
            _ => {}
        }
        let flag = arg.as_bytes()[1];
        let attached = &arg[2..];
        let mut value = || -> Result<String, Failure> {
            if !attached.is_empty() {
                return Ok(attached.to_string());
            }
            args.next()
                .ok_or_else(|| usage(format!("option requires an argument -- {}", flag as char)))
        };
        match flag {
            b'F' => {
                let fs = value()?;
                invocation.field_separator = Some(if fs == "t" {
                    "\t".into()
                } else {
                    unescape(&fs)
                });
            }
            b'v' => {
                let text = value()?;
                let assignment = assignment(&text)
                    .ok_or_else(|| usage(format!("invalid -v argument: {text}")))?;
                invocation.assignments.push(assignment);
            }
            b'f' => files.push(value()?),
            _ => return Err(usage(format!("not an option: {arg}"))),
        }
    }
    if files.is_empty() {
        invocation.source = args
            .next()
            .ok_or_else(|| usage("no program given".into()))?;
    } else {
        for file in files {
            let mut text = String::new();
            let read = if file == "-" || file == "/dev/stdin" {
                std::io::stdin().read_to_string(&mut text)
            } else {
                std::fs::File::open(&file).and_then(|mut f| f.read_to_string(&mut text))
            };
            read.map_err(|e| {
                Failure::Fatal(format!(
                    "couldn't open file {file}: {}",
                    wasmix_common::describe_io_error(&e)
                ))
            })?;
            invocation.source.push_str(&text);
            invocation.source.push('\n');
        }
    }
    invocation.operands = args.collect();
    Ok(invocation)
}

/// BEGIN, the records, END; `exit` skips to END (or ends END), as POSIX says.
fn run_rules(interp: &mut Interp) -> Result<(), Stop> {
    let rules = &interp.program.rules;
    let print_record = [Stmt::Print(Vec::new(), None)];
    let mut exited = false;
    for rule in rules.iter().filter(|r| matches!(r.pattern, Pattern::Begin)) {
        match interp.block(rule.action.as_deref().unwrap_or(&[])) {
            Err(Stop::Exit) => {
                exited = true;
                break;
            }
            Err(Stop::Next | Stop::NextFile) => {
                return Err(Stop::Error("next used in BEGIN or END".into()));
            }
            Err(e) => return Err(e),
            Ok(_) => {}
        }
    }
    let main_rules: Vec<_> = rules
        .iter()
        .filter(|r| !matches!(r.pattern, Pattern::Begin | Pattern::End))
        .collect();
    let has_end = rules.iter().any(|r| matches!(r.pattern, Pattern::End));
    if !exited && (!main_rules.is_empty() || has_end) {
        'records: while interp.next_record()? {
            for rule in &main_rules {
                if !interp.selects(&rule.pattern)? {
                    continue;
                }
                let action = rule.action.as_deref().unwrap_or(&print_record);
                match interp.block(action) {
                    Ok(_) => {}
                    Err(Stop::Next) => continue 'records,
                    Err(Stop::NextFile) => {
                        interp.skip_file();
                        continue 'records;
                    }
                    Err(Stop::Exit) => break 'records,
                    Err(e) => return Err(e),
                }
            }
        }
    }
    for rule in rules.iter().filter(|r| matches!(r.pattern, Pattern::End)) {
        match interp.block(rule.action.as_deref().unwrap_or(&[])) {
            Err(Stop::Exit) => break,
            Err(Stop::Next | Stop::NextFile) => {
                return Err(Stop::Error("next used in BEGIN or END".into()));
            }
            Err(e) => return Err(e),
            Ok(_) => {}
        }
    }
    Ok(())
}

fn awk(out: &mut Output) -> Result<u8, Failure> {
    let invocation = parse_arguments(std::env::args().skip(1).collect())?;
    let program = parser::Parser::parse(&invocation.source).map_err(Failure::Fatal)?;
    let mut interp = Interp::new(&program, out).map_err(Failure::Fatal)?;
    let mut argv = vec!["awk".to_string()];
    argv.extend(invocation.operands);
    interp.set_argv(&argv);
    if let Some(fs) = invocation.field_separator {
        interp.set_var(Var::Global(interp::FS), Value::str(fs)).ok();
    }
    for (name, value) in invocation.assignments {
        if let Some(slot) = program.globals.iter().position(|g| *g == name) {
            interp.set_var(Var::Global(slot), Value::input(&value)).ok();
        }
    }
    let result = run_rules(&mut interp);
    let flushed = interp.flush_stdout();
    interp.streams.close_all();
    match result.and(flushed) {
        Ok(()) => Ok(interp.status),
        Err(Stop::BrokenPipe) => Ok(BROKEN_PIPE_STATUS),
        Err(Stop::Error(message)) => {
            let _ = interp.out.flush();
            Err(Failure::Fatal(message))
        }
        Err(_) => Ok(interp.status),
    }
}

fn main() {
    PROGRAM.run(|_, out| awk(out))
}
