//! What chown and chgrp share. wasmix has one user and one group, both `user` (id 1000,
//! also known by `$USER`), and that user owns every file: giving a file to them changes
//! nothing and succeeds, as GNU chown does for a user giving a file to themselves; giving
//! it to anyone else is not permitted, as for any user who is not root.

use crate::wasi_fs::{self, EntryKind};
use crate::{Arg, Args, Failure, Program, args, describe_io_error};
use std::path::Path;

/// The part of chown's and chgrp's `--help` on `/` and on walking through links.
#[macro_export]
macro_rules! traversal_help {
    () => {
        "      --no-preserve-root  do not treat '/' specially (the default)\n      \
         --preserve-root    fail to operate recursively on '/'\n\n\
         The following options modify how a hierarchy is traversed when the -R\n\
         option is also specified.  If more than one is specified, only the final\n\
         one takes effect.\n\n  \
         -H                     if a command line argument is a symbolic link\n                         \
         to a directory, traverse it\n  \
         -L                     traverse every symbolic link to a directory\n                         \
         encountered\n  \
         -P                     do not traverse any symbolic links (default)\n"
    };
}

/// The name `ls -l` shows as every file's owner and group.
pub const NAME: &str = "user";
/// Their number, as `ls -n` shows it.
pub const ID: &str = "1000";

/// An owner or group as named on the command line.
#[derive(Clone, Copy, PartialEq)]
pub enum Who {
    /// wasmix's user (or group).
    Ours,
    /// A number that is not ours: valid, but not a change this user may make.
    Other,
}

/// What a name means: None when no such user or group exists.
pub fn who(name: &str) -> Option<Who> {
    let user = std::env::var("USER").ok();
    if name == NAME || name == ID || user.as_deref() == Some(name) {
        Some(Who::Ours)
    } else if !name.is_empty() && name.bytes().all(|b| b.is_ascii_digit()) {
        Some(Who::Other)
    } else {
        None
    }
}

#[derive(Clone, Copy, PartialEq)]
pub enum Report {
    Errors,
    Nothing,
    Changes,
    Everything,
}

/// The command line both programs take.
pub struct Command {
    pub report: Report,
    pub recursive: bool,
    /// The owner (or group) asked for; None when `--reference` (checked to exist) stands
    /// for it.
    pub spec: Option<String>,
    pub files: Vec<String>,
    /// `--from=OWNER:GROUP`: only files of that owner and group change.
    pub from: Option<String>,
    /// `--preserve-root`: `-R` refuses `/`.
    pub preserve_root: bool,
}

impl Command {
    pub fn parse(args: &mut Args) -> Result<Command, Failure> {
        let (mut report, mut recursive, mut reference) = (Report::Errors, false, None);
        let (mut from, mut preserve_root) = (None, false);
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('c') | Arg::Long("changes") => report = Report::Changes,
                Arg::Short('f') | Arg::Long("silent" | "quiet") => report = Report::Nothing,
                Arg::Short('v') | Arg::Long("verbose") => report = Report::Everything,
                // No file has an owner of its own to tell links and referents apart.
                Arg::Short('h') | Arg::Long("no-dereference" | "dereference") => {}
                // Nor to tell which links a walk would follow.
                Arg::Short('H' | 'L' | 'P') => {}
                Arg::Short('R') | Arg::Long("recursive") => recursive = true,
                Arg::Long("from") => from = Some(args.value()?),
                Arg::Long("preserve-root") => preserve_root = true,
                Arg::Long("no-preserve-root") => preserve_root = false,
                Arg::Long("reference") => reference = Some(args.value()?),
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let spec = match reference {
            Some(file) => {
                std::fs::metadata(&file).map_err(|e| {
                    Failure::Fatal(format!(
                        "failed to get attributes of '{file}': {}",
                        describe_io_error(&e)
                    ))
                })?;
                None
            }
            None if files.is_empty() => return Err(Failure::Usage("missing operand".into())),
            None => Some(files.remove(0)),
        };
        if files.is_empty() {
            return Err(Failure::Usage(match &spec {
                Some(after) => format!("missing operand after '{after}'"),
                None => "missing operand".into(),
            }));
        }
        Ok(Command {
            report,
            recursive,
            spec,
            files,
            from,
            preserve_root,
        })
    }
}

/// One run: the change asked for and how to go about it.
pub struct Run {
    pub program: &'static Program,
    /// All the names given are ours (else: not permitted).
    pub permitted: bool,
    /// How `-v` describes the result: `user`, `user:user`, or nothing.
    pub described: Option<String>,
    /// `chgrp` words its messages for a group.
    pub group_only: bool,
    pub report: Report,
    pub recursive: bool,
    pub preserve_root: bool,
}

impl Run {
    fn warn(&self, message: String) {
        if self.report != Report::Nothing {
            self.program.warn(message);
        }
    }

    fn what(&self) -> &'static str {
        if self.group_only {
            "group"
        } else {
            "ownership"
        }
    }

    /// Every operand; false if any failed.
    pub fn all(&self, files: &[String]) -> bool {
        let mut ok = true;
        for file in files {
            ok &= self.operand(file);
        }
        ok
    }

    fn operand(&self, file: &str) -> bool {
        if let Err(e) = std::fs::metadata(file) {
            self.warn(format!("cannot access '{file}': {}", describe_io_error(&e)));
            self.failed(file);
            return false;
        }
        let root = std::fs::canonicalize(file).is_ok_and(|p| p == Path::new("/"));
        if self.recursive && self.preserve_root && root {
            self.program.warn(format!(
                "it is dangerous to operate recursively on '{file}'"
            ));
            self.program
                .warn("use --no-preserve-root to override this failsafe");
            return false;
        }
        let mut ok = true;
        if self.recursive && std::fs::metadata(file).is_ok_and(|m| m.is_dir()) {
            ok &= self.tree(file);
        }
        ok & self.one(file)
    }

    /// A directory's contents before the directory, as GNU's -R reports them.
    fn tree(&self, dir: &str) -> bool {
        let entries = match wasi_fs::list_dir(Path::new(dir)) {
            Ok(entries) => entries,
            Err(e) => {
                self.warn(format!(
                    "cannot read directory '{dir}': {}",
                    describe_io_error(&e)
                ));
                return false;
            }
        };
        let mut ok = true;
        for (name, kind) in entries {
            let path = format!("{}/{name}", dir.trim_end_matches('/'));
            if kind == EntryKind::Directory {
                ok &= self.tree(&path);
            }
            ok &= self.one(&path);
        }
        ok
    }

    fn one(&self, file: &str) -> bool {
        if !self.permitted {
            let changing = if self.group_only {
                "changing group of"
            } else {
                "changing ownership of"
            };
            self.warn(format!("{changing} '{file}': Operation not permitted"));
            self.failed(file);
            return false;
        }
        if self.report == Report::Everything {
            match &self.described {
                Some(to) => println!("{} of '{file}' retained as {to}", self.what()),
                None => println!("{} of '{file}' retained", self.what()),
            }
        }
        true
    }

    fn failed(&self, file: &str) {
        if self.report == Report::Everything
            && let Some(to) = &self.described
        {
            println!("failed to change {} of '{file}' to {to}", self.what());
        }
    }
}
