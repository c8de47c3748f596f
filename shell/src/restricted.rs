//! The restricted shell (`bash -r`, `rbash`, `set -r`), as bash restricts it: no `cd`, no
//! command named by a path, no output redirection to files, no `exec` of a program, no
//! sourcing or history file named by a path, no program remembered from outside `$PATH`,
//! and `PATH`, `SHELL`, `ENV`, `BASH_ENV` and `HISTFILE` read-only. On top of bash's list,
//! the namespace cannot be rearranged (`bind`, `umount`) and no program is installed: a
//! restricted session keeps the view of the files it was started with.
//!
//! Once on, it stays on: `set +r` is refused, and subshells inherit it. A program the
//! shell starts, a script among them, runs unrestricted, as in bash.

use super::table::Builtin;
use super::{Origin, Shell};

/// What bash makes read-only in a restricted shell.
const FIXED_VARIABLES: [&str; 5] = ["PATH", "SHELL", "ENV", "BASH_ENV", "HISTFILE"];

impl Shell {
    /// Turns restricted mode on. bash fixes the variables when the shell starts
    /// restricted, or at `set -r` once it has started: not while `-c` text runs, which
    /// bash runs before it counts as started.
    pub(super) fn restrict(&mut self, at_start: bool) {
        self.restricted = true;
        if at_start || !matches!(self.origin, Origin::CommandString) {
            for name in FIXED_VARIABLES {
                self.declared(name).readonly = true;
            }
        }
    }

    /// Whether a builtin may run with these arguments; if not, says why as bash does and
    /// gives the status.
    pub(super) fn restriction(&mut self, builtin: Builtin, argv: &[String]) -> Option<u8> {
        if !self.restricted {
            return None;
        }
        let name = &argv[0];
        let refused = match builtin {
            Builtin::Exec => runs_a_program(&argv[1..]).then(|| "exec: restricted".to_string()),
            Builtin::Source => {
                let operands = match argv.get(1) {
                    Some(dashes) if dashes == "--" => &argv[2..],
                    _ => &argv[1..],
                };
                operands
                    .first()
                    .filter(|file| file.contains('/'))
                    .map(|file| format!("{name}: {file}: restricted"))
            }
            Builtin::Command => options_of(&argv[1..])
                .contains('p')
                .then(|| "command: -p: restricted".to_string()),
            Builtin::Hash => return self.hash_restriction(&argv[1..]),
            Builtin::Bind | Builtin::Umount | Builtin::WasmInstall => {
                Some(format!("{name}: restricted"))
            }
            _ => None,
        };
        refused.map(|message| {
            self.report(&message);
            1
        })
    }

    /// `hash -p PATH NAME...` in a restricted shell: PATH must be a program `$PATH` finds.
    fn hash_restriction(&mut self, args: &[String]) -> Option<u8> {
        let mut words = args.iter().peekable();
        let mut given = None;
        while let Some(word) = words.next_if(|w| w.starts_with('-') && w.len() > 1) {
            if word == "--" {
                break;
            }
            // Each `p` in a group takes the next word, as the builtin reads them.
            for _ in word.chars().filter(|&c| c == 'p') {
                given = words.next();
            }
        }
        let path = given?;
        words.peek()?;
        if self.refused_program_path("hash: ", path) {
            Some(1)
        } else {
            None
        }
    }

    /// A path a restricted shell is asked to remember a program at (`hash -p`,
    /// `BASH_CMDS[name]=`): refused, with bash's message, unless it is a name `$PATH`
    /// finds.
    pub(super) fn refused_program_path(&self, who: &str, path: &str) -> bool {
        if !self.restricted {
            return false;
        }
        if path.contains('/') {
            self.report(&format!("{who}{path}: restricted"));
            return true;
        }
        if self.find_command(path).is_none() {
            self.report(&format!("{who}{path}: not found"));
            return true;
        }
        false
    }

    /// A command word naming a path, which a restricted shell does not run.
    pub(super) fn refused_command_path(&self, name: &str) -> Option<String> {
        (self.restricted && name.contains('/')).then(|| {
            format!(
                "{}{name}: restricted: cannot specify `/' in command names\n",
                self.message_prefix()
            )
        })
    }

    /// A redirection that would open `name` for writing.
    pub(super) fn refused_output_redirect(&self, name: &str) -> Result<(), String> {
        if self.restricted {
            return Err(format!("{name}: restricted: cannot redirect output"));
        }
        Ok(())
    }

    /// `cd`, and `pushd`/`popd` when they change directory.
    pub(super) fn refused_directory_change(&self, name: &str) -> bool {
        if self.restricted {
            self.report(&format!("{name}: restricted"));
        }
        self.restricted
    }

    /// `history -anrw` with a file named by a path (the operand, else `$HISTFILE`).
    pub(super) fn refused_history_file(&self, file: Option<&str>) -> bool {
        let Some(file) = file.filter(|f| self.restricted && f.contains('/')) else {
            return false;
        };
        self.report(&format!("history: {file}: restricted"));
        true
    }
}

/// The letters of the options before the first operand (`--` ends them).
fn options_of(args: &[String]) -> String {
    args.iter()
        .take_while(|a| a.starts_with('-') && a.len() > 1 && *a != "--")
        .flat_map(|a| a[1..].chars())
        .collect()
}

/// Whether `exec`'s arguments name a program to run, past `-c`, `-l` and `-a NAME`.
fn runs_a_program(args: &[String]) -> bool {
    let mut words = args.iter();
    while let Some(word) = words.next() {
        if word == "--" {
            return words.next().is_some();
        }
        if !(word.starts_with('-') && word.len() > 1) {
            return true;
        }
        if word.contains('a') {
            words.next();
        }
    }
    false
}
