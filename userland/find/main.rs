//! find: walk directory trees and print the names that match.

use glob::{MatchOptions, Pattern};
use std::fs;
use std::io::Write;
use std::path::Path;
use wasmix_common::wasi_fs::{self, EntryKind};
use wasmix_common::{Failure, Output, Program, describe_io_error, names};

static PROGRAM: Program = Program::new(
    "find",
    "Usage: find [PATH...] [EXPRESSION]\n\
     Walk each PATH (default: .) and print the names that match every test.\n\n\
     Tests:\n  \
     -name PATTERN    base name matches the shell PATTERN (*, ?, [...])\n  \
     -iname PATTERN   like -name, ignoring case\n  \
     -type f|d|l      is a regular file, directory or symbolic link\n\
     Options:\n  \
     -maxdepth N      descend at most N levels below the starting points\n  \
     -mindepth N      do not print names less than N levels down\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

#[derive(Default)]
struct Query {
    names: Vec<(Pattern, bool)>,
    kind: Option<char>,
    max_depth: Option<usize>,
    min_depth: usize,
}

fn main() {
    PROGRAM.run(|_, out| {
        let argv: Vec<String> = std::env::args().skip(1).collect();
        if argv
            .first()
            .is_some_and(|a| a == "--help" || a == "--version")
        {
            let mut args = wasmix_common::Args::from_vec(&PROGRAM, argv.clone());
            args.next()?;
        }
        let starts: Vec<String> = argv
            .iter()
            .take_while(|a| !a.starts_with('-'))
            .cloned()
            .collect();
        let query = parse(&argv[starts.len()..])?;
        let starts = if starts.is_empty() {
            vec![".".to_string()]
        } else {
            starts
        };
        let mut status = 0;
        for start in starts {
            let kind = match fs::symlink_metadata(&start) {
                Ok(meta) => EntryKind::of(&meta),
                Err(e) => {
                    PROGRAM.warn(format!("'{start}': {}", describe_io_error(&e)));
                    status = 1;
                    continue;
                }
            };
            if !walk(&start, kind, 0, &query, out)? {
                status = 1;
            }
        }
        Ok(status)
    })
}

fn parse(expression: &[String]) -> Result<Query, Failure> {
    let mut query = Query::default();
    let mut words = expression.iter();
    while let Some(word) = words.next() {
        let mut value = || {
            words
                .next()
                .cloned()
                .ok_or_else(|| Failure::Fatal(format!("missing argument to '{word}'")))
        };
        match word.as_str() {
            "-name" | "-iname" => {
                let text = value()?;
                let pattern = Pattern::new(&text)
                    .map_err(|e| Failure::Fatal(format!("invalid pattern '{text}': {e}")))?;
                query.names.push((pattern, word == "-iname"));
            }
            "-type" => match value()?.as_str() {
                kind @ ("f" | "d" | "l") => query.kind = kind.chars().next(),
                other => {
                    return Err(Failure::Fatal(format!(
                        "Unknown argument to -type: {other}"
                    )));
                }
            },
            "-maxdepth" | "-mindepth" => {
                let text = value()?;
                let depth = text.parse().map_err(|_| {
                    Failure::Fatal(format!(
                        "Expected a positive decimal integer argument to {word}, but got '{text}'"
                    ))
                })?;
                if word == "-maxdepth" {
                    query.max_depth = Some(depth);
                } else {
                    query.min_depth = depth;
                }
            }
            "-print" => {}
            other => return Err(Failure::Fatal(format!("unknown predicate '{other}'"))),
        }
    }
    Ok(query)
}

fn matches(path: &str, kind: EntryKind, query: &Query) -> bool {
    let base = path
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or(path);
    let base = if base.is_empty() { path } else { base };
    let kind_ok = match query.kind {
        Some('f') => kind == EntryKind::File,
        Some('d') => kind == EntryKind::Directory,
        Some('l') => kind == EntryKind::Symlink,
        _ => true,
    };
    kind_ok
        && query.names.iter().all(|(pattern, ignore_case)| {
            let options = MatchOptions {
                case_sensitive: !ignore_case,
                require_literal_separator: true,
                require_literal_leading_dot: false,
            };
            pattern.matches_with(base, options)
        })
}

/// Prints what matches at and below `path` (a `kind` of file, as its directory listed it);
/// false if some part could not be read.
fn walk(
    path: &str,
    kind: EntryKind,
    depth: usize,
    query: &Query,
    out: &mut Output,
) -> Result<bool, Failure> {
    if depth >= query.min_depth && matches(path, kind, query) {
        // GNU find prints names as the host has them, odd bytes and all.
        out.write_all(&names::to_bytes(path))?;
        writeln!(out)?;
    }
    if kind != EntryKind::Directory || query.max_depth.is_some_and(|max| depth >= max) {
        return Ok(true);
    }
    let mut entries = match wasi_fs::list_dir(Path::new(path)) {
        Ok(entries) => entries,
        Err(e) => {
            PROGRAM.warn(format!("'{path}': {}", describe_io_error(&e)));
            return Ok(false);
        }
    };
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    let mut all = true;
    for (name, kind) in entries {
        let child = format!("{}/{name}", path.trim_end_matches('/'));
        all &= walk(&child, kind, depth + 1, query, out)?;
    }
    Ok(all)
}
