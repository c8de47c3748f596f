//! mktemp: create a temporary file or directory, safely, and print its name.

use std::io::Write;
use wasmix_common::{Arg, Failure, Program, args, describe_io_error};

static PROGRAM: Program = Program::new(
    "mktemp",
    "Usage: mktemp [OPTION]... [TEMPLATE]\n\
     Create a temporary file or directory, safely, and print its name.\n\
     TEMPLATE must contain at least 3 consecutive 'X's in last component.\n\
     If TEMPLATE is not specified, use tmp.XXXXXXXXXX, and --tmpdir is implied.\n\
     Files are created u+rw, and directories u+rwx.\n\n  \
     -d, --directory     create a directory, not a file\n  \
     -u, --dry-run       do not create anything; merely print a name (unsafe)\n  \
     -q, --quiet         suppress diagnostics about file/dir-creation failure\n      \
     --suffix=SUFF   append SUFF to TEMPLATE\n  \
     -p DIR, --tmpdir[=DIR]  interpret TEMPLATE relative to DIR; if DIR is not\n                        \
     specified, use $TMPDIR if set, else /tmp\n  \
     -t                  interpret TEMPLATE as a single file name component,\n                        \
     relative to a directory: $TMPDIR, if set; else the directory specified via\n                        \
     -p; else /tmp\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/// The template with its last run of X's replaced by random letters and digits.
fn fill(prefix: &str, suffix: &str, xs: usize) -> String {
    let random = wasip2::random::random::get_random_bytes(xs as u64);
    let letters: String = random
        .iter()
        .map(|b| LETTERS[*b as usize % LETTERS.len()] as char)
        .collect();
    format!("{prefix}{letters}{suffix}")
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let (mut directory, mut dry_run, mut quiet, mut component) = (false, false, false, false);
        let (mut suffix, mut tmpdir): (Option<String>, Option<Option<String>>) = (None, None);
        let mut templates = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('d') | Arg::Long("directory") => directory = true,
                Arg::Short('u') | Arg::Long("dry-run") => dry_run = true,
                Arg::Short('q') | Arg::Long("quiet") => quiet = true,
                Arg::Short('t') => component = true,
                Arg::Long("suffix") => suffix = Some(args.value()?),
                Arg::Short('p') => tmpdir = Some(Some(args.value()?)),
                Arg::Long("tmpdir") => tmpdir = Some(args.optional_value()),
                Arg::Value(v) => templates.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if templates.len() > 1 {
            return Err(Failure::Usage("too many templates".into()));
        }
        let given = templates.pop();
        let template = given.clone().unwrap_or_else(|| "tmp.XXXXXXXXXX".into());
        let env_tmpdir = std::env::var("TMPDIR").ok().filter(|d| !d.is_empty());
        let dir = if component {
            Some(
                env_tmpdir
                    .or(tmpdir.flatten())
                    .unwrap_or_else(|| "/tmp".into()),
            )
        } else if given.is_none() || tmpdir.is_some() {
            Some(
                tmpdir
                    .flatten()
                    .filter(|d| !d.is_empty())
                    .or(env_tmpdir)
                    .unwrap_or_else(|| "/tmp".into()),
            )
        } else {
            None
        };
        if (component || dir.is_some() && given.is_some()) && template.contains('/') {
            return Err(Failure::Fatal(format!(
                "invalid template, '{template}', contains directory separator"
            )));
        }
        let (base, explicit_suffix) = match &suffix {
            Some(s) if s.contains('/') => {
                return Err(Failure::Fatal(format!(
                    "invalid suffix '{s}', contains directory separator"
                )));
            }
            Some(s) => (template.as_str(), s.as_str()),
            None => (template.as_str(), ""),
        };
        // The X's are the last run of them; with no --suffix, what follows it is the suffix.
        let end = if suffix.is_some() {
            base.len()
        } else {
            base.rfind('X').map_or(0, |i| i + 1)
        };
        let xs = base[..end].bytes().rev().take_while(|&b| b == b'X').count();
        if xs < 3 || suffix.is_some() && !base.ends_with("XXX") {
            let shown = format!("{base}{explicit_suffix}");
            return Err(Failure::Fatal(format!("too few X's in template '{shown}'")));
        }
        let prefix = match &dir {
            Some(d) => format!("{}/{}", d.trim_end_matches('/'), &base[..end - xs]),
            None => base[..end - xs].to_string(),
        };
        let tail = format!("{}{explicit_suffix}", &base[end..]);
        for _ in 0..100 {
            let name = fill(&prefix, &tail, xs);
            let created = if dry_run {
                Ok(())
            } else if directory {
                std::fs::create_dir(&name)
            } else {
                std::fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(&name)
                    .map(drop)
            };
            match created {
                Ok(()) => {
                    writeln!(out, "{name}")?;
                    return Ok(0);
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => {
                    if !quiet {
                        let what = if directory { "directory" } else { "file" };
                        let shown = format!("{prefix}{}{tail}", "X".repeat(xs));
                        PROGRAM.warn(format!(
                            "failed to create {what} via template '{shown}': {}",
                            describe_io_error(&e)
                        ));
                    }
                    return Ok(1);
                }
            }
        }
        Ok(1)
    })
}
