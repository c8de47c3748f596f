//! The builtins that change or show the shell's namespace: `mount`, `umount`, `bind`,
//! `ns`. Children started afterwards get a copy of the changed namespace; nothing already
//! running, and no parent, sees the change.

use super::Shell;
use super::builtin::Builtin;
use crate::fs::hostfs::HostFs;
use crate::fs::namespace::{BindMode, absolute};
use std::path::Path;
use std::sync::Arc;

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
        let cwd = self.variable("PWD").unwrap_or_else(|| "/".into());
        let guest = |path: &str| absolute(&cwd, path);
        match (builtin, flags.as_slice(), operands.as_slice()) {
            (Builtin::Ns, [], []) | (Builtin::Mount, [], []) => Ok(self.describe_namespace()),
            (Builtin::Mount, flags, [host, at]) if flags.iter().all(|f| *f == "-r") => {
                let server = HostFs::open(Path::new(host), !flags.is_empty())
                    .map_err(|e| format!("{host}: {}", crate::fs::FsError::from(e)))?;
                self.change_namespace(|ns| {
                    ns.mount(&guest(at), Arc::new(server), BindMode::Replace)
                })
                .map_err(|e| format!("{at}: {e}"))?;
                Ok(String::new())
            }
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
            (Builtin::Mount, ..) => Err("usage: mount [-r] HOSTDIR DIR".into()),
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
        change: impl FnOnce(&mut crate::fs::namespace::Namespace) -> crate::fs::FsResult<()>,
    ) -> crate::fs::FsResult<()> {
        let mut namespace = (*self.namespace).clone();
        change(&mut namespace)?;
        self.namespace = Arc::new(namespace);
        if let Some(shell) = self.kernel.processes.get(self.pid) {
            shell.set_namespace(self.namespace.clone());
        }
        Ok(())
    }
}
