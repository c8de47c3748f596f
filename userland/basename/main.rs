//! basename: strip directory and suffix from file names.

use std::io::Write;
use wasmix_common::{Arg, Failure, Program, args};

static PROGRAM: Program = Program::new(
    "basename",
    "Usage: basename NAME [SUFFIX]\n  \
     or:  basename OPTION... NAME...\n\
     Print NAME with any leading directory components removed.\n\
     If specified, also remove a trailing SUFFIX.\n\n  \
     -a, --multiple       support multiple arguments and treat each as a NAME\n  \
     -s, --suffix=SUFFIX  remove a trailing SUFFIX; implies -a\n  \
     -z, --zero           end each output line with NUL, not newline\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut multiple = false;
        let mut end = '\n';
        let mut suffix: Option<String> = None;
        let mut names = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('a') | Arg::Long("multiple") => multiple = true,
                Arg::Short('z') | Arg::Long("zero") => end = '\0',
                Arg::Short('s') | Arg::Long("suffix") => {
                    suffix = Some(args.value()?);
                    multiple = true;
                }
                Arg::Value(v) => names.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if names.is_empty() {
            return Err(Failure::Usage("missing operand".into()));
        }
        if !multiple {
            match names.len() {
                1 => {}
                2 => suffix = names.pop(),
                _ => return Err(Failure::Usage(format!("extra operand '{}'", names[2]))),
            }
        }
        for name in names {
            write!(out, "{}{end}", base(&name, suffix.as_deref()))?;
        }
        Ok(0)
    })
}

fn base(name: &str, suffix: Option<&str>) -> String {
    let trimmed = name.trim_end_matches('/');
    if trimmed.is_empty() {
        return if name.is_empty() {
            String::new()
        } else {
            "/".into()
        };
    }
    let last = trimmed.rsplit('/').next().unwrap_or(trimmed);
    match suffix {
        Some(suffix) if last != suffix && last.ends_with(suffix) => {
            last[..last.len() - suffix.len()].to_string()
        }
        _ => last.to_string(),
    }
}
