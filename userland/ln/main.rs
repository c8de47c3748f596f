//! ln: make links, hard (the default) or symbolic.

use std::fs;
use std::io::Write;
use std::path::Path;
use wasmix_common::backup::Backups;
use wasmix_common::canonical::{self, Existing};
use wasmix_common::tree::Destination;
use wasmix_common::{Arg, Failure, Program, args, describe_io_error, prompt, tree, wasi_fs};

static PROGRAM: Program = Program::new(
    "ln",
    concat!(
        "Usage: ln [OPTION]... [-T] TARGET LINK_NAME\n  \
     or:  ln [OPTION]... TARGET\n  \
     or:  ln [OPTION]... TARGET... DIRECTORY\n  \
     or:  ln [OPTION]... -t DIRECTORY TARGET...\n\
     Create hard links by default, symbolic links with --symbolic, to TARGET with the\n\
     name LINK_NAME, or links to each TARGET in DIRECTORY (the current one when only\n\
     TARGET is given).\n\n      \
     --backup[=CONTROL]      make a backup of each existing destination file\n  \
     -b                          like --backup but does not accept an argument\n  \
     -f, --force                 remove existing destination files\n  \
     -i, --interactive           prompt whether to remove destinations\n  \
     -L, --logical               dereference TARGETs that are symbolic links\n  \
     -n, --no-dereference        treat LINK_NAME as a normal file if\n                                \
     it is a symbolic link to a directory\n  \
     -P, --physical              make hard links directly to symbolic links\n  \
     -r, --relative              with -s, create links relative to link location\n  \
     -s, --symbolic              make symbolic links instead of hard links\n  \
     -S, --suffix=SUFFIX         override the usual backup suffix\n  \
     -t, --target-directory=DIRECTORY  specify the DIRECTORY in which to create\n                                \
     the links\n  \
     -T, --no-target-directory   treat LINK_NAME as a normal file always\n  \
     -v, --verbose               print name of each linked file\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
        wasmix_common::backup_help!()
    ),
);

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut symbolic = false;
        let mut force = false;
        let mut interactive = false;
        let mut no_dereference = false;
        let mut verbose = false;
        let mut destination = Destination::default();
        let mut operands = Vec::new();
        let mut backups = Backups::default();
        let (mut logical, mut relative) = (false, false);
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('b') => backups.ask(None),
                Arg::Long("backup") => backups.ask(args.optional_value()),
                Arg::Short('S') | Arg::Long("suffix") => backups.suffix(args.value()?),
                Arg::Short('L') | Arg::Long("logical") => logical = true,
                Arg::Short('P') | Arg::Long("physical") => logical = false,
                Arg::Short('r') | Arg::Long("relative") => relative = true,
                Arg::Short('s') | Arg::Long("symbolic") => symbolic = true,
                Arg::Short('f') | Arg::Long("force") => {
                    force = true;
                    interactive = false;
                }
                Arg::Short('i') | Arg::Long("interactive") => {
                    interactive = true;
                    force = false;
                }
                Arg::Short('n') | Arg::Long("no-dereference") => no_dereference = true,
                Arg::Short('t') | Arg::Long("target-directory") => {
                    destination.directory = Some(args.value()?)
                }
                Arg::Short('T') | Arg::Long("no-target-directory") => destination.not_into = true,
                Arg::Short('v') | Arg::Long("verbose") => verbose = true,
                Arg::Value(v) => operands.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let backups = backups.policy()?;
        if relative && !symbolic {
            return Err(Failure::Fatal(
                "cannot do --relative without --symbolic".into(),
            ));
        }
        if let Some(directory) = &destination.directory {
            match fs::metadata(directory) {
                Ok(meta) if meta.is_dir() => {}
                Ok(_) => {
                    return Err(Failure::Fatal(format!(
                        "target '{directory}' is not a directory"
                    )));
                }
                Err(e) => {
                    let reason = describe_io_error(&e);
                    return Err(Failure::Fatal(format!(
                        "failed to access '{directory}': {reason}"
                    )));
                }
            }
        } else if operands.len() == 1 {
            let target = Path::new(&operands[0]);
            let name = target.file_name().map(|n| n.to_string_lossy().into_owned());
            operands.push(name.unwrap_or_default());
        }
        // -n: a link to a directory named last is replaced, not gone into.
        if no_dereference
            && operands.len() == 2
            && let Some(last) = operands.last()
            && fs::symlink_metadata(last).is_ok_and(|m| m.file_type().is_symlink())
        {
            destination.not_into = true;
        }
        let mut status = 0;
        for (target, link) in tree::targets(&operands, &destination)? {
            if !symbolic {
                match fs::symlink_metadata(&target) {
                    Err(e) => {
                        let reason = describe_io_error(&e);
                        PROGRAM.warn(format!("failed to access '{}': {reason}", target.display()));
                        status = 1;
                        continue;
                    }
                    Ok(meta) if meta.is_dir() => {
                        PROGRAM.warn(format!(
                            "{}: hard link not allowed for directory",
                            target.display()
                        ));
                        status = 1;
                        continue;
                    }
                    Ok(_) => {}
                }
            }
            let replaceable = fs::symlink_metadata(&link).is_ok_and(|m| !m.is_dir());
            if replaceable && interactive {
                let question = format!("replace '{}'? ", link.display());
                if !prompt::ask(&PROGRAM, &question) {
                    continue;
                }
            }
            let backup = match backups.back_up(&link) {
                Ok(backup) => backup,
                Err(e) => {
                    let reason = describe_io_error(&e);
                    PROGRAM.warn(format!("cannot back up '{}': {reason}", link.display()));
                    status = 1;
                    continue;
                }
            };
            if replaceable && (force || interactive) && backup.is_none() {
                let _ = fs::remove_file(&link);
            }
            // `backup ~ link`, before the link GNU's -v shows.
            let shown_backup = backup.map_or(String::new(), |b| format!("'{}' ~ ", b.display()));
            if !symbolic {
                // -L: a link to where a symbolic link leads, not to the link.
                let target = match logical {
                    true => fs::canonicalize(&target).unwrap_or(target),
                    false => target,
                };
                if let Err(e) = fs::hard_link(&target, &link) {
                    let reason = describe_io_error(&e);
                    // GNU names the target only when the link's name was not the trouble.
                    let what = if e.kind() == std::io::ErrorKind::AlreadyExists {
                        format!("'{}'", link.display())
                    } else {
                        format!("'{}' => '{}'", link.display(), target.display())
                    };
                    PROGRAM.warn(format!("failed to create hard link {what}: {reason}"));
                    status = 1;
                } else if verbose {
                    let (link, target) = (link.display(), target.display());
                    writeln!(out, "{shown_backup}'{link}' => '{target}'")?;
                }
                continue;
            }
            let target = match relative {
                true => relative_to_link(&target, &link),
                false => target,
            };
            if let Err(e) = wasi_fs::symlink(&target, &link) {
                let reason = describe_io_error(&e);
                PROGRAM.warn(format!(
                    "failed to create symbolic link '{}': {reason}",
                    link.display()
                ));
                status = 1;
            } else if verbose {
                let (link, target) = (link.display(), target.display());
                writeln!(out, "{shown_backup}'{link}' -> '{target}'")?;
            }
        }
        Ok(status)
    })
}

/// `-r`: the way from the link's directory to `target`, both resolved (neither need exist).
fn relative_to_link(target: &Path, link: &Path) -> std::path::PathBuf {
    let directory = match link.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let resolved = |p: &Path| {
        let absolute = std::env::current_dir()?.join(p);
        canonical::resolve(&absolute, Existing::None, true)
    };
    match (resolved(target), resolved(directory)) {
        (Ok(target), Ok(directory)) => canonical::relative(&target, &directory),
        _ => target.to_path_buf(),
    }
}
