//! patch: apply a diff (unified, context or normal format) to the files it names, as GNU patch
//! does: each hunk where its old lines are, or the nearest place they are found
//! ("offset"), and the hunks that fit nowhere saved to FILE.rej.

mod parse;

use parse::{FilePatch, Hunk};
use std::io::{Read, Write};
use std::path::Path;
use wasmix_common::quote::quotef;
use wasmix_common::{Arg, Failure, Output, Program, args, describe_io_error};

static PROGRAM: Program = Program {
    usage_status: 2,
    failure_status: 2,
    ..Program::new(
        "patch",
        "Usage: patch [OPTION]... [ORIGFILE [PATCHFILE]]\n\n  \
         -p NUM  --strip=NUM  Strip NUM leading components from file names.\n  \
         -F LINES  --fuzz LINES  Set the fuzz factor to LINES for inexact matching.\n  \
         -R  --reverse  Assume patches were created with old and new files swapped.\n  \
         -N  --forward  Ignore patches that seem to be reversed or already applied.\n  \
         -t  --batch  Ask no questions; assume reversed patches are reversed.\n  \
         -i PATCHFILE  --input=PATCHFILE  Read patch from PATCHFILE instead of stdin.\n  \
         -o FILE  --output=FILE  Output patched files to FILE.\n  \
         --dry-run  Do not actually change any files; just print what would happen.\n  \
         -s  --quiet  --silent  Work silently unless an error occurs.\n      \
         --help        display this help and exit\n      \
         --version     output version information and exit\n\n\
         Without -p, file names in the patch are taken without their directories.\n\
         A patch whose first hunk fits only reversed is skipped (-t: applied reversed);\n\
         wasmix's patch asks no questions, as GNU's without a terminal.\n",
    )
};

struct Options {
    strip: Option<usize>,
    reverse: bool,
    /// `-N`: a patch that seems reversed or already applied is skipped.
    forward: bool,
    /// `-t`: no questions; a patch that seems reversed is applied reversed.
    batch: bool,
    output: Option<String>,
    dry_run: bool,
    silent: bool,
    /// `-F NUM`: lines of context a hunk may be placed without (2, as GNU's).
    fuzz: usize,
}

/// A file's lines and whether its last one lacks a newline.
struct Text {
    lines: Vec<Vec<u8>>,
    missing_newline: bool,
}

/// A patch that makes a file from nothing (`@@ -0,0 ...`) or leaves nothing of it.
fn creates(hunks: &[Hunk]) -> bool {
    hunks.len() == 1 && hunks[0].old_start == 0 && hunks[0].old_lines().next().is_none()
}

fn removes(hunks: &[Hunk]) -> bool {
    hunks.len() == 1 && hunks[0].new_start == 0 && hunks[0].new_lines().next().is_none()
}

impl Text {
    fn parse(data: &[u8]) -> Text {
        let (lines, missing_newline) = wasmix_common::lines::split(data);
        Text {
            lines,
            missing_newline,
        }
    }

    fn bytes(&self) -> Vec<u8> {
        let mut out = self.lines.join(&b'\n');
        if !self.lines.is_empty() && !self.missing_newline {
            out.push(b'\n');
        }
        out
    }
}

fn stripped(name: &str, strip: Option<usize>) -> String {
    match strip {
        None => name.rsplit('/').next().unwrap_or(name).to_string(),
        Some(n) => name.split('/').skip(n).collect::<Vec<_>>().join("/"),
    }
}

/// Where a hunk's old lines are expected (its start moved by the `offset` earlier hunks
/// made), and the nearest place they are found.
fn locate(text: &Text, hunk: &Hunk, offset: isize) -> (usize, Option<usize>) {
    let old: Vec<&Vec<u8>> = hunk.old_lines().map(|l| &l.text).collect();
    let base = if old.is_empty() {
        hunk.old_start
    } else {
        hunk.old_start.saturating_sub(1)
    } as isize;
    let expected = (base + offset).max(0) as usize;
    let fits = |pos: usize| {
        pos + old.len() <= text.lines.len()
            && old
                .iter()
                .enumerate()
                .all(|(j, l)| text.lines[pos + j] == **l)
    };
    // The whole file, even from a start beyond its end.
    let limit = text.lines.len().max(expected) + 1;
    let found = (0..=limit).find_map(|d| {
        [expected.checked_add(d), expected.checked_sub(d)]
            .into_iter()
            .flatten()
            .find(|&p| fits(p))
    });
    (expected, found)
}

/// The hunk without up to `fuzz` lines of context at each end, as GNU patch matches a
/// hunk whose context has changed; and how many it dropped at the start.
fn without_context(hunk: &Hunk, fuzz: usize) -> (Hunk, usize) {
    let leading = hunk.lines.iter().take_while(|l| l.kind == b' ').count();
    let trailing = hunk
        .lines
        .iter()
        .rev()
        .take_while(|l| l.kind == b' ')
        .count();
    let (start, end) = (fuzz.min(leading), fuzz.min(trailing));
    if start + end >= hunk.lines.len() {
        return (hunk.clone(), 0);
    }
    let mut trimmed = hunk.clone();
    trimmed.lines = hunk.lines[start..hunk.lines.len() - end].to_vec();
    trimmed.old_start += start;
    trimmed.new_start += start;
    (trimmed, start)
}

/// Whether the patch seems reversed or already applied: its first hunk fits nowhere,
/// and fits reversed.
fn seems_reversed(text: &Text, hunks: &[Hunk]) -> bool {
    hunks.first().is_some_and(|first| {
        locate(text, first, 0).1.is_none() && locate(text, &first.reversed(), 0).1.is_some()
    })
}

/// Applies the hunks in order, each with the least fuzz (up to `max_fuzz` lines of
/// context ignored at each end) that places it; returns the messages to print and the
/// hunks that failed.
fn apply(text: &mut Text, hunks: &[Hunk], max_fuzz: usize) -> (Vec<String>, Vec<Hunk>) {
    let (mut messages, mut failed) = (Vec::new(), Vec::new());
    let mut offset: isize = 0;
    for (n, whole) in hunks.iter().enumerate() {
        let (expected, _) = locate(text, whole, offset);
        let placed = (0..=max_fuzz).find_map(|fuzz| {
            let (hunk, dropped) = without_context(whole, fuzz);
            let (_, found) = locate(text, &hunk, offset);
            found.map(|pos| (hunk, dropped, pos, fuzz))
        });
        let Some((hunk, dropped, pos, fuzz)) = placed else {
            messages.push(format!("Hunk #{} FAILED at {}.", n + 1, expected + 1));
            failed.push(whole.clone());
            continue;
        };
        let old: Vec<&Vec<u8>> = hunk.old_lines().map(|l| &l.text).collect();
        let new: Vec<Vec<u8>> = hunk.new_lines().map(|l| l.text.clone()).collect();
        let at_end = pos + old.len() == text.lines.len();
        // Reported where the whole hunk would start, as GNU patch does.
        let start = pos - dropped.min(pos);
        let delta = start as isize - expected as isize;
        let plural = if delta.abs() == 1 { "" } else { "s" };
        let shift = format!("(offset {delta} line{plural})");
        match (fuzz, delta) {
            (0, 0) => {}
            (0, _) => messages.push(format!(
                "Hunk #{} succeeded at {} {shift}.",
                n + 1,
                start + 1
            )),
            (_, 0) => messages.push(format!(
                "Hunk #{} succeeded at {} with fuzz {fuzz}.",
                n + 1,
                start + 1
            )),
            _ => messages.push(format!(
                "Hunk #{} succeeded at {} with fuzz {fuzz} {shift}.",
                n + 1,
                start + 1
            )),
        }
        offset += delta + new.len() as isize - old.len() as isize;
        text.lines.splice(pos..pos + old.len(), new);
        if at_end {
            text.missing_newline = hunk.new_lines().last().is_some_and(|l| l.no_newline);
        }
    }
    (messages, failed)
}

fn patch_file(
    patch: &FilePatch,
    operand: Option<&String>,
    options: &Options,
    out: &mut Output,
) -> Result<u8, Failure> {
    let real = |n: &Option<String>| {
        n.as_ref()
            .filter(|n| n.as_str() != "/dev/null")
            .map(|n| stripped(n, options.strip))
    };
    let (old_name, new_name) = if options.reverse {
        (real(&patch.new_name), real(&patch.old_name))
    } else {
        (real(&patch.old_name), real(&patch.new_name))
    };
    let target = match operand {
        Some(name) => name.clone(),
        None => {
            let existing = [&old_name, &new_name]
                .into_iter()
                .flatten()
                .find(|n| Path::new(n).exists())
                .cloned();
            match existing {
                Some(name) => name,
                None if old_name.is_none() || creates(&patch.hunks) && !options.reverse => {
                    new_name.clone().or(old_name.clone()).unwrap_or_default()
                }
                None => {
                    let shown = old_name.clone().or(new_name.clone()).unwrap_or_default();
                    return Err(Failure::Fatal(format!(
                        "**** can't find file to patch: {shown}"
                    )));
                }
            }
        }
    };
    let hunks: Vec<Hunk> = if options.reverse {
        patch.hunks.iter().map(Hunk::reversed).collect()
    } else {
        patch.hunks.clone()
    };
    let data = match std::fs::read(&target) {
        Ok(data) => data,
        Err(e)
            if e.kind() == std::io::ErrorKind::NotFound
                && (old_name.is_none() || creates(&hunks)) =>
        {
            Vec::new()
        }
        Err(e) => {
            return Err(Failure::Fatal(format!(
                "{target}: {}",
                describe_io_error(&e)
            )));
        }
    };
    if !options.silent {
        let shown = quotef(&target);
        match (&options.output, options.dry_run) {
            (_, true) => writeln!(out, "checking file {shown}")?,
            (Some(output), false) => {
                writeln!(out, "patching file {} (read from {shown})", quotef(output))?
            }
            (None, false) => writeln!(out, "patching file {shown}")?,
        }
    }
    let mut text = Text::parse(&data);
    let mut hunks = hunks;
    if seems_reversed(&text, &hunks) {
        write!(out, "Reversed (or previously applied) patch detected!")?;
        if options.batch {
            writeln!(out, "  Assuming -R.")?;
            hunks = hunks.iter().map(Hunk::reversed).collect();
            // Not what the patch said: the original is kept, as after a mismatch.
            if !options.dry_run && options.output.is_none() {
                std::fs::write(format!("{target}.orig"), &data).map_err(|e| {
                    Failure::Fatal(format!("{target}.orig: {}", describe_io_error(&e)))
                })?;
            }
        } else {
            if options.forward {
                writeln!(out, "  Skipping patch.")?;
            } else {
                writeln!(
                    out,
                    "  Assume -R? [n] \nApply anyway? [n] \nSkipping patch."
                )?;
            }
            let destination = options.output.as_ref().unwrap_or(&target);
            let plural = if hunks.len() == 1 { "" } else { "s" };
            let n = hunks.len();
            write!(out, "{n} out of {n} hunk{plural} ignored")?;
            if !options.dry_run {
                save_rejects(patch, &hunks, destination)?;
                write!(out, " -- saving rejects to file {destination}.rej")?;
            }
            writeln!(out)?;
            return Ok(1);
        }
    }
    let (messages, failed) = apply(&mut text, &hunks, options.fuzz);
    for message in messages {
        writeln!(out, "{message}")?;
    }
    if options.dry_run {
        return Ok(u8::from(!failed.is_empty()));
    }
    let destination = options.output.clone().unwrap_or_else(|| target.clone());
    let write = |path: &str, bytes: &[u8]| {
        std::fs::write(path, bytes)
            .map_err(|e| Failure::Fatal(format!("{path}: {}", describe_io_error(&e))))
    };
    if !failed.is_empty() {
        if options.output.is_none() {
            write(&format!("{target}.orig"), &data)?;
        }
        save_rejects(patch, &failed, &destination)?;
        let plural = if hunks.len() == 1 { "" } else { "s" };
        writeln!(
            out,
            "{} out of {} hunk{plural} FAILED -- saving rejects to file {destination}.rej",
            failed.len(),
            hunks.len()
        )?;
    }
    if (new_name.is_none() || removes(&hunks)) && text.lines.is_empty() && options.output.is_none()
    {
        std::fs::remove_file(&target)
            .map_err(|e| Failure::Fatal(format!("{target}: {}", describe_io_error(&e))))?;
    } else {
        write(&destination, &text.bytes())?;
    }
    Ok(u8::from(!failed.is_empty()))
}

/// Writes the hunks that were not applied to `FILE.rej`, under the patch's header.
fn save_rejects(patch: &FilePatch, hunks: &[Hunk], destination: &str) -> Result<(), Failure> {
    let mut rejects = patch.header.clone();
    for hunk in hunks {
        rejects.extend_from_slice(&hunk.text);
    }
    let path = format!("{destination}.rej");
    std::fs::write(&path, &rejects)
        .map_err(|e| Failure::Fatal(format!("{path}: {}", describe_io_error(&e))))
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut options = Options {
            strip: None,
            reverse: false,
            forward: false,
            batch: false,
            output: None,
            dry_run: false,
            silent: false,
            fuzz: 2,
        };
        let mut input = None;
        let mut operands = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('p') | Arg::Long("strip") => {
                    let text = args.value()?;
                    let n = text.parse().map_err(|_| {
                        Failure::Usage(format!("strip count {text} is not a number"))
                    })?;
                    options.strip = Some(n);
                }
                Arg::Short('F') | Arg::Long("fuzz") => {
                    let text = args.value()?;
                    options.fuzz = text.parse().map_err(|_| {
                        Failure::Usage(format!("fuzz factor {text} is not a number"))
                    })?;
                }
                Arg::Short('R') | Arg::Long("reverse") => options.reverse = true,
                Arg::Short('N') | Arg::Long("forward") => options.forward = true,
                Arg::Short('t') | Arg::Long("batch") => options.batch = true,
                Arg::Short('i') | Arg::Long("input") => input = Some(args.value()?),
                Arg::Short('o') | Arg::Long("output") => options.output = Some(args.value()?),
                Arg::Long("dry-run") => options.dry_run = true,
                Arg::Short('s') | Arg::Long("quiet" | "silent") => options.silent = true,
                Arg::Value(v) => operands.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let target = operands.first().cloned();
        let source = input.or_else(|| operands.get(1).cloned());
        let mut data = Vec::new();
        match &source {
            Some(name) => {
                data = std::fs::read(name).map_err(|e| {
                    Failure::Fatal(format!(
                        "**** Can't open patch file {name} : {}",
                        describe_io_error(&e)
                    ))
                })?;
            }
            None => {
                std::io::stdin().read_to_end(&mut data)?;
            }
        }
        let patches = parse::parse(&data);
        if patches.is_empty() {
            if data.iter().all(u8::is_ascii_whitespace) {
                return Ok(0);
            }
            return Err(Failure::Fatal(
                "**** Only garbage was found in the patch input.".into(),
            ));
        }
        let mut status = 0;
        for patch in &patches {
            status = status.max(patch_file(patch, target.as_ref(), &options, out)?);
        }
        Ok(status)
    })
}
