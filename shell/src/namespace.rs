//! The builtins that change or show the shell's namespace: `mount`, `umount`, `bind`,
//! `ns`, and the ones that move in it or add to it: `cd`, `wasm-install`. Children started afterwards get a copy of the changed namespace; nothing already
//! running, and no parent, sees the change.

use super::Shell;
use super::builtin::Builtin;
use super::builtin::deliver;
use std::sync::Arc;
use wasmix_kernel::file::Output;
use wasmix_kernel::fs::namespace::normalize;
use wasmix_kernel::fs::namespace::{BindMode, absolute};
use wasmix_kernel::fs::permission::{self, Access};

impl Shell {
    /// Runs one of the namespace builtins; Ok carries what it prints.
    pub(super) fn namespace_command(
        &mut self,
        builtin: Builtin,
        args: &[String],
    ) -> Result<String, String> {
        let flags: Vec<&str> = args
            .iter()
            .map(String::as_str)
            .take_while(|a| a.starts_with('-'))
            .collect();
        let operands: Vec<&str> = args[flags.len()..].iter().map(String::as_str).collect();
        let cwd = self.cwd.clone();
        let guest = |path: &str| absolute(&cwd, path);
        match (builtin, flags.as_slice(), operands.as_slice()) {
            (Builtin::Ns, [], []) | (Builtin::Mount, [], []) => Ok(self.describe_namespace()),
            // Host authority comes only from wasmix's own command line: nothing a script
            // or an rc file says can reach a host directory it was not given.
            (Builtin::Mount, ..) => Err(
                "host paths can only be given on the command line (--mount); \
                 use bind to rearrange what this session has"
                    .into(),
            ),
            (Builtin::Umount, [], [at]) => {
                self.change_namespace(|ns| ns.unmount(&guest(at)))
                    .map_err(|e| format!("{at}: {e}"))?;
                Ok(String::new())
            }
            (Builtin::Bind, flags, [old, new]) if flags.len() <= 1 => {
                let mode = match flags.first() {
                    None => BindMode::Replace,
                    Some(&"-b") => BindMode::Before,
                    Some(&"-a") => BindMode::After,
                    Some(other) => return Err(format!("{other}: invalid option")),
                };
                self.change_namespace(|ns| ns.bind(&guest(old), &guest(new), mode))
                    .map_err(|e| format!("{new}: {e}"))?;
                Ok(String::new())
            }
            (Builtin::Bind, ..) => Err("usage: bind [-b|-a] OLD NEW".into()),
            (Builtin::Umount, ..) => Err("usage: umount DIR".into()),
            _ => Err("usage: ns".into()),
        }
    }

    /// One line per mount point, its layers in order (first wins).
    fn describe_namespace(&self) -> String {
        let table = self.namespace.describe();
        let width = table.iter().map(|(at, _)| at.len()).max().unwrap_or(1);
        let mut text = String::new();
        for (at, layers) in table {
            text.push_str(&format!("{at:<width$}  {}\n", layers.join("  +  ")));
        }
        text
    }

    fn change_namespace(
        &mut self,
        change: impl FnOnce(
            &mut wasmix_kernel::fs::namespace::Namespace,
        ) -> wasmix_kernel::fs::FsResult<()>,
    ) -> wasmix_kernel::fs::FsResult<()> {
        let mut namespace = (*self.namespace).clone();
        change(&mut namespace)?;
        self.namespace = Arc::new(namespace);
        if let Some(shell) = self.kernel.processes.get(self.pid) {
            shell.set_namespace(self.namespace.clone());
        }
        Ok(())
    }
}

impl Shell {
    /// `wasm-install FILE [NAME]`: checks and compiles a program of the namespace (a file in
    /// `/tmp`, or on a mount the command line gave), then puts it in /bin.
    pub(super) fn install(&mut self, argv: &[String]) -> Result<(), String> {
        let (file, name) = match argv {
            [_, file] => (file, program_name(file)),
            [_, file, name] => (file, name.clone()),
            _ => return Err("usage: wasm-install FILE [NAME]".into()),
        };
        let cwd = self.cwd.clone();
        let bytes = self
            .read_whole_file(&absolute(&cwd, file))
            .map_err(|e| format!("{file}: {e}"))?;
        self.kernel.install(&self.namespace, &name, &bytes)
    }

    /// A relative directory found through `$CDPATH` (not for `./x`, `../x` or `/x`).
    fn search_cdpath(&self, dir: &str) -> Option<String> {
        if dir.starts_with('/')
            || dir.starts_with("./")
            || dir.starts_with("../")
            || dir == "."
            || dir == ".."
        {
            return None;
        }
        let cdpath = self.variable("CDPATH")?;
        let cwd = self.cwd.clone();
        cdpath
            .split(':')
            .filter(|entry| !entry.is_empty())
            .map(|entry| normalize(&absolute(&absolute(&cwd, entry), dir)))
            .find(|candidate| {
                self.namespace
                    .stat(candidate, true)
                    .is_ok_and(|m| m.is_dir())
            })
    }

    pub(super) fn change_directory(&mut self, argv: &[String], stdout: Output) -> u8 {
        if self.refused_directory_change(&argv[0]) {
            return 1;
        }
        // `-L` (logical, the default) and `-P` (physical: links resolved), then `--`.
        let mut physical = self.options.physical;
        let mut operands = vec![argv[0].clone()];
        let mut options_done = false;
        for arg in &argv[1..] {
            match arg.as_str() {
                "-L" if !options_done => physical = false,
                "-P" if !options_done => physical = true,
                "--" if !options_done => options_done = true,
                _ => {
                    options_done = true;
                    operands.push(arg.clone());
                }
            }
        }
        let argv = operands.as_slice();
        let cwd = self.cwd.clone();
        let (target, announce) = match argv.get(1).map(String::as_str) {
            None => match self.variable("HOME") {
                Some(home) => (home, false),
                None => {
                    self.report(&format!("{}: HOME not set", argv[0]));
                    return 1;
                }
            },
            Some("~") => (self.variable("HOME").unwrap_or_else(|| "/".into()), false),
            Some("-") => match self.variable("OLDPWD") {
                Some(old) => (old, true),
                None => {
                    self.report("cd: OLDPWD not set");
                    return 1;
                }
            },
            Some(dir) => match self.search_cdpath(dir) {
                Some(found) => (found, true),
                None => match self.cdable_variable(&cwd, dir) {
                    Some(value) => (value, true),
                    None => match self.spelling_corrected(&cwd, dir) {
                        Some(corrected) => {
                            let _ = deliver(format!("{corrected}\n"), stdout.duplicate());
                            (corrected, false)
                        }
                        None => (dir.to_string(), false),
                    },
                },
            },
        };
        if argv.len() > 2 {
            self.report("cd: too many arguments");
            return 1;
        }
        // Logical, as bash by default: `..` takes off the last component of the path typed,
        // which must be a directory (`cd nosuch/..` fails; `cd ..` from a directory since
        // removed does not).
        let typed = absolute(&cwd, &target);
        // Only what was typed is checked: the components after the working directory's.
        let typed_from = if target.starts_with('/') {
            1
        } else {
            cwd.trim_end_matches('/').split('/').count()
        };
        if let Some(missing) = self.missing_before_parent(&typed, typed_from) {
            self.report(&format!("{}: {target}: {missing}", argv[0]));
            return 1;
        }
        let mut new = normalize(&typed);
        if physical && let Ok(resolved) = self.namespace.resolve(&new, true) {
            new = resolved;
        }
        // As chdir(2): the new working directory must be searchable.
        match self.namespace.stat(&new, true).and_then(|meta| {
            if meta.is_dir() {
                permission::check(&meta, Access::Search)?;
            }
            Ok(meta)
        }) {
            Ok(meta) if meta.is_dir() => {}
            Ok(_) => {
                self.report(&format!("{}: {target}: Not a directory", argv[0]));
                return 1;
            }
            Err(e) => {
                self.report(&format!("{}: {target}: {e}", argv[0]));
                return 1;
            }
        }
        // Exported as they were: after `unset PWD`, cd sets a PWD of the shell's own.
        self.set_variable("OLDPWD", &cwd, false);
        self.set_variable("PWD", &new, false);
        self.cwd = new.clone();
        self.publish_directory_stack();
        // As bash: the directory changes even when it cannot be shown.
        if announce && let Err(why) = deliver(format!("{new}\n"), stdout) {
            self.report(&format!("{}: write error: {why}", argv[0]));
            return 1;
        }
        0
    }
}

impl Shell {
    /// With `shopt -s cdable_vars`, the value of the variable `name` where `name` is no
    /// directory.
    fn cdable_variable(&self, cwd: &str, name: &str) -> Option<String> {
        if !self.shell_options.cdable_vars {
            return None;
        }
        let is_dir = self
            .namespace
            .stat(&absolute(cwd, name), true)
            .is_ok_and(|meta| meta.is_dir());
        if is_dir {
            return None;
        }
        self.variable(name).filter(|value| !value.is_empty())
    }

    /// With `shopt -s cdspell` at the prompt, a directory name that names nothing, each
    /// component that names nothing replaced by the nearest name in its directory, as
    /// bash's `spname` corrects it; None when one has no near name.
    fn spelling_corrected(&self, cwd: &str, path: &str) -> Option<String> {
        let wanted = self.shell_options.cdspell && matches!(self.origin, super::Origin::Prompt);
        if !wanted || self.namespace.stat(&absolute(cwd, path), true).is_ok() {
            return None;
        }
        let mut corrected = String::new();
        for (index, component) in path.split('/').enumerate() {
            if index > 0 {
                corrected.push('/');
            }
            if component.is_empty() {
                continue;
            }
            let directory = absolute(
                cwd,
                if corrected.is_empty() {
                    "."
                } else {
                    &corrected
                },
            );
            let names = self.namespace.read_dir(&directory).ok()?;
            // The last of the nearest names wins, as bash keeps the last of equals.
            let (distance, best) = std::iter::once("..".to_string())
                .chain(names.into_iter().map(|entry| entry.name))
                .map(|name| (spelling_distance(&name, component), name))
                .filter(|(distance, _)| *distance < 3)
                .fold((3, String::new()), |kept, next| {
                    if next.0 <= kept.0 { next } else { kept }
                });
            if distance == 3 {
                return None;
            }
            corrected.push_str(&best);
        }
        (corrected != path).then_some(corrected)
    }

    /// In a path with `..` in it, the first part before a `..` that is not a directory,
    /// looking only at the `..`s after the first `from` components.
    fn missing_before_parent(&self, path: &str, from: usize) -> Option<wasmix_kernel::fs::FsError> {
        let components: Vec<&str> = path.split('/').collect();
        for (index, component) in components.iter().enumerate().skip(from + 1) {
            if *component != ".." {
                continue;
            }
            let before = normalize(&components[..index].join("/"));
            match self.namespace.stat(&before, true) {
                Ok(meta) if meta.is_dir() => {}
                Ok(_) => return Some(wasmix_kernel::fs::FsError::NotDirectory),
                Err(e) => return Some(e),
            }
        }
        None
    }
}

/// The name a program file is installed under: its name without `.wasm`.
pub fn program_name(file: &str) -> String {
    std::path::Path::new(file)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// How far a name in a directory is from a name typed: 0 the same, 1 two neighbouring
/// letters swapped, 2 one letter wrong, extra or missing, 3 farther.
fn spelling_distance(name: &str, typed: &str) -> u8 {
    let (name, typed) = (name.as_bytes(), typed.as_bytes());
    let same = name.iter().zip(typed).take_while(|(a, b)| a == b).count();
    let (rest, wanted) = (&name[same..], &typed[same..]);
    match (rest, wanted) {
        ([], []) => 0,
        ([a, b, after @ ..], [c, d, others @ ..]) if a == d && b == c && after == others => 1,
        ([_, after @ ..], [_, others @ ..]) if after == others => 2,
        ([_, after @ ..], _) if after == wanted => 2,
        (_, [_, others @ ..]) if rest == others => 2,
        _ => 3,
    }
}
