//! Comparing two directories: their entries in name order, those on one side only
//! reported (or, with `-N`/`-P`, compared with nothing), subdirectories entered with
//! `-r`; `-x`/`-X` leave names out and `-S` starts the top level at a name.

use crate::{Outcome, compare_files};
use std::io::Write;
use std::path::Path;
use wasmix_common::{Failure, Output, describe_io_error};

use crate::options::Options;

fn entries(dir: &str, options: &Options) -> std::io::Result<Vec<String>> {
    let mut names: Vec<String> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| !options.exclude.iter().any(|p| p.matches(name)))
        .collect();
    names.sort();
    Ok(names)
}

pub fn compare_dirs(
    a: &str,
    b: &str,
    top: bool,
    options: &Options,
    out: &mut Output,
    outcome: &mut Outcome,
) -> Result<(), Failure> {
    let mut listed = Vec::new();
    for dir in [a, b] {
        match entries(dir, options) {
            Ok(names) => listed.push(names),
            Err(e) => {
                outcome.trouble(format!("{dir}: {}", describe_io_error(&e)));
                return Ok(());
            }
        }
    }
    let (names_b, names_a) = (
        listed.pop().unwrap_or_default(),
        listed.pop().unwrap_or_default(),
    );
    let mut all: Vec<&String> = names_a.iter().chain(names_b.iter()).collect();
    all.sort();
    all.dedup();
    if let (true, Some(first)) = (top, &options.starting_file) {
        all.retain(|name| name.as_str() >= first.as_str());
    }
    for name in all {
        let (pa, pb) = (format!("{a}/{name}"), format!("{b}/{name}"));
        let (in_a, in_b) = (names_a.contains(name), names_b.contains(name));
        // -N compares a name on either side with nothing; -P only one on the second.
        let as_empty = options.new_file || options.new_first_file && in_b;
        if !(as_empty || in_a && in_b) {
            outcome.differ();
            writeln!(out, "Only in {}: {name}", if in_a { a } else { b })?;
            continue;
        }
        let (dir_a, dir_b) = (Path::new(&pa).is_dir(), Path::new(&pb).is_dir());
        match (dir_a, dir_b) {
            (true, true) if options.recursive => {
                compare_dirs(&pa, &pb, false, options, out, outcome)?
            }
            (true, true) => writeln!(out, "Common subdirectories: {pa} and {pb}")?,
            (false, false) => compare_files(&pa, &pb, true, options, out, outcome)?,
            _ if !(in_a && in_b) && options.recursive => {
                // A file on one side only is compared with nothing; a directory is not.
                if dir_a || dir_b {
                    writeln!(out, "Only in {}: {name}", if in_a { a } else { b })?;
                    outcome.differ();
                } else {
                    compare_files(&pa, &pb, true, options, out, outcome)?;
                }
            }
            _ => {
                outcome.differ();
                let kind = |d| if d { "directory" } else { "regular file" };
                writeln!(
                    out,
                    "File {pa} is a {} while file {pb} is a {}",
                    kind(dir_a),
                    kind(dir_b)
                )?;
            }
        }
    }
    Ok(())
}
