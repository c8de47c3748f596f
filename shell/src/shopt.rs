//! `shopt`: bash's named options for globbing, matching and running commands.

use super::Shell;
use super::builtin::deliver_before_error;
use wasmix_kernel::file::Output;

#[derive(Clone, Copy)]
pub(super) struct ShellOptions {
    /// At the prompt, a directory's name run as a command is `cd` to it.
    pub autocd: bool,
    /// `cd NAME`, NAME not a directory, goes to the directory in the variable NAME.
    pub cdable_vars: bool,
    /// At the prompt, `cd` corrects a directory name one letter off (swapped, wrong,
    /// extra or missing) and says where it went.
    pub cdspell: bool,
    /// A remembered program that is no longer where it was found is searched for again.
    pub checkhash: bool,
    /// At the prompt, running jobs hold the first `exit` back as stopped ones do, and
    /// the jobs are listed.
    pub checkjobs: bool,
    /// LINES and COLUMNS follow the terminal's size after each command at the prompt.
    pub checkwinsize: bool,
    /// A command typed over several lines is one history entry.
    pub cmdhist: bool,
    /// Globs match names that start with a dot.
    /// Completion replaces a directory typed as `~/` or `$VAR/` by what it names.
    pub direxpand: bool,
    pub dotglob: bool,
    /// A failed `exec` does not end a non-interactive shell.
    pub execfail: bool,
    /// Command names that are aliases are replaced by their text (on at the prompt).
    pub expand_aliases: bool,
    /// `$'...'` and `$"..."` are quotes inside a double-quoted `${VAR-word}`'s word.
    pub extquote: bool,
    /// Completion leaves out names with a suffix of `$FIGNORE` even when they are
    /// all there is.
    pub force_fignore: bool,
    /// The debugger's mode: a failing DEBUG trap skips the command, functions inherit
    /// the DEBUG and RETURN traps, `declare -F` tells where a function was defined.
    pub extdebug: bool,
    /// `?(…)`, `*(…)`, `+(…)`, `@(…)` and `!(…)` in globs and patterns.
    pub extglob: bool,
    /// A glob that matches nothing is an error.
    pub failglob: bool,
    /// Globs never match `.` and `..`, even with a leading dot.
    pub globskipdots: bool,
    /// `**` matches any depth of directories.
    pub globstar: bool,
    /// An interactive shell's history is appended to `$HISTFILE` at its end, not
    /// written over it.
    pub histappend: bool,
    /// Completion takes what follows an `@` for a host name.
    pub hostcomplete: bool,
    /// A failed history expansion at the prompt is given back to be edited.
    pub histreedit: bool,
    /// A history expansion at the prompt is given back to be edited, not run.
    pub histverify: bool,
    /// `$(...)` keeps `set -e` instead of turning it off.
    pub inherit_errexit: bool,
    /// At the prompt, a word that begins with `#` starts a comment.
    pub interactive_comments: bool,
    /// A new local variable starts with the value and attributes (but nameref) of the
    /// variable it hides, as `local -I` does.
    pub localvar_inherit: bool,
    /// `unset` of a calling function's local leaves it unset there, rather than showing
    /// the variable it hid.
    pub localvar_unset: bool,
    /// The last stage of a pipeline runs in the shell itself (`cmd | read x` sets x),
    /// when job control is off.
    pub lastpipe: bool,
    /// With `cmdhist`, a command's entry keeps its line breaks instead of `;`.
    pub lithist: bool,
    /// Read-only: the shell started as a login shell: the prompt's (which reads
    /// `/etc/profile` and `~/.profile`), or one started with `-l` or `--login`.
    pub login_shell: bool,
    /// Read-only: the shell started restricted (`-r`, or run as `rbash`; `restricted.rs`).
    pub restricted_shell: bool,
    /// Completion on an empty command word offers nothing.
    pub no_empty_cmd_completion: bool,
    pub nocaseglob: bool,
    /// `case` and `[[ == ]]`, `[[ =~ ]]` ignore case.
    pub nocasematch: bool,
    /// A glob that matches nothing goes away instead of staying as it is.
    pub nullglob: bool,
    /// `&` in the replacement of `${var/pattern/replacement}` stands for what matched.
    pub patsub_replacement: bool,
    /// Completion at the prompt uses the specifications of `complete`.
    pub progcomp: bool,
    /// Prompt strings are expanded (`$var`, `$(cmd)`) after their escapes are decoded.
    pub promptvars: bool,
    /// `shift` past the last parameter says so.
    pub shift_verbose: bool,
    /// `source NAME` looks for NAME in `$PATH`.
    pub sourcepath: bool,
    /// A `{NAME}` descriptor is closed when its command ends (but `exec`'s).
    pub varredir_close: bool,
    /// `echo` decodes backslash escapes without `-e`.
    pub xpg_echo: bool,
}

impl Default for ShellOptions {
    /// bash's defaults.
    fn default() -> ShellOptions {
        ShellOptions {
            autocd: false,
            cdable_vars: false,
            cdspell: false,
            checkhash: false,
            checkjobs: false,
            checkwinsize: true,
            cmdhist: true,
            direxpand: false,
            dotglob: false,
            execfail: false,
            expand_aliases: false,
            extdebug: false,
            extglob: false,
            extquote: true,
            force_fignore: true,
            failglob: false,
            globskipdots: true,
            globstar: false,
            histappend: false,
            hostcomplete: true,
            histreedit: false,
            histverify: false,
            inherit_errexit: false,
            interactive_comments: true,
            lastpipe: false,
            lithist: false,
            login_shell: false,
            restricted_shell: false,
            no_empty_cmd_completion: false,
            localvar_inherit: false,
            localvar_unset: false,
            nocaseglob: false,
            nocasematch: false,
            nullglob: false,
            patsub_replacement: true,
            progcomp: true,
            promptvars: true,
            shift_verbose: false,
            sourcepath: true,
            varredir_close: false,
            xpg_echo: false,
        }
    }
}

/// The options, in bash's (alphabetical) order.
pub(super) const NAMES: [&str; 41] = [
    "autocd",
    "cdable_vars",
    "cdspell",
    "checkhash",
    "checkjobs",
    "checkwinsize",
    "cmdhist",
    "direxpand",
    "dotglob",
    "execfail",
    "expand_aliases",
    "extdebug",
    "extglob",
    "extquote",
    "failglob",
    "force_fignore",
    "globskipdots",
    "globstar",
    "histappend",
    "histreedit",
    "histverify",
    "hostcomplete",
    "inherit_errexit",
    "interactive_comments",
    "lastpipe",
    "lithist",
    "localvar_inherit",
    "localvar_unset",
    "login_shell",
    "no_empty_cmd_completion",
    "nocaseglob",
    "nocasematch",
    "nullglob",
    "patsub_replacement",
    "progcomp",
    "promptvars",
    "restricted_shell",
    "shift_verbose",
    "sourcepath",
    "varredir_close",
    "xpg_echo",
];

impl ShellOptions {
    fn flag(&mut self, name: &str) -> Option<&mut bool> {
        Some(match name {
            "autocd" => &mut self.autocd,
            "cdable_vars" => &mut self.cdable_vars,
            "cdspell" => &mut self.cdspell,
            "checkhash" => &mut self.checkhash,
            "checkjobs" => &mut self.checkjobs,
            "checkwinsize" => &mut self.checkwinsize,
            "cmdhist" => &mut self.cmdhist,
            "direxpand" => &mut self.direxpand,
            "dotglob" => &mut self.dotglob,
            "execfail" => &mut self.execfail,
            "expand_aliases" => &mut self.expand_aliases,
            "extdebug" => &mut self.extdebug,
            "extglob" => &mut self.extglob,
            "extquote" => &mut self.extquote,
            "failglob" => &mut self.failglob,
            "force_fignore" => &mut self.force_fignore,
            "globskipdots" => &mut self.globskipdots,
            "globstar" => &mut self.globstar,
            "histappend" => &mut self.histappend,
            "histreedit" => &mut self.histreedit,
            "histverify" => &mut self.histverify,
            "hostcomplete" => &mut self.hostcomplete,
            "inherit_errexit" => &mut self.inherit_errexit,
            "interactive_comments" => &mut self.interactive_comments,
            "lastpipe" => &mut self.lastpipe,
            "lithist" => &mut self.lithist,
            "login_shell" => &mut self.login_shell,
            "restricted_shell" => &mut self.restricted_shell,
            "no_empty_cmd_completion" => &mut self.no_empty_cmd_completion,
            "localvar_inherit" => &mut self.localvar_inherit,
            "localvar_unset" => &mut self.localvar_unset,
            "nocaseglob" => &mut self.nocaseglob,
            "nocasematch" => &mut self.nocasematch,
            "nullglob" => &mut self.nullglob,
            "patsub_replacement" => &mut self.patsub_replacement,
            "progcomp" => &mut self.progcomp,
            "promptvars" => &mut self.promptvars,
            "shift_verbose" => &mut self.shift_verbose,
            "sourcepath" => &mut self.sourcepath,
            "varredir_close" => &mut self.varredir_close,
            "xpg_echo" => &mut self.xpg_echo,
            _ => return None,
        })
    }

    pub fn get(&self, name: &str) -> Option<bool> {
        let mut copy = *self;
        copy.flag(name).map(|on| *on)
    }
}

impl Shell {
    /// `shopt [-s|-u] [-p] [-q] [-o] [NAME...]`.
    pub(super) fn shopt_builtin(&mut self, argv: &[String], stdout: &Output) -> (u8, String) {
        let mut set = None;
        let mut print = false;
        let mut quiet = false;
        let mut set_o = false;
        let mut names = Vec::new();
        for arg in &argv[1..] {
            match arg.as_str() {
                flags if flags.starts_with('-') && flags.len() > 1 && names.is_empty() => {
                    for flag in flags[1..].chars() {
                        match flag {
                            's' | 'u' if set == Some(flag == 'u') => {
                                let problem = "cannot set and unset shell options simultaneously";
                                self.report(&format!("shopt: {problem}"));
                                return (1, String::new());
                            }
                            's' => set = Some(true),
                            'u' => set = Some(false),
                            'p' => print = true,
                            'q' => quiet = true,
                            'o' => set_o = true,
                            other => {
                                self.report(&format!("shopt: -{other}: invalid option"));
                                self.say("shopt: usage: shopt [-pqsu] [-o] [optname ...]".into());
                                return (2, String::new());
                            }
                        }
                    }
                }
                name => names.push(name.to_string()),
            }
        }
        if set_o {
            let unknown: Vec<&String> = names
                .iter()
                .filter(|name| !super::options::NAMES.iter().any(|(known, _)| known == name))
                .collect();
            if set.is_some() && !unknown.is_empty() {
                for name in unknown {
                    self.report(&format!("shopt: {name}: invalid option name"));
                }
                // bash 5.2 says so and succeeds all the same.
                return (0, String::new());
            }
            // `shopt -o` is `set -o` by another name.
            let mut args = vec!["set".to_string()];
            for name in &names {
                args.push(if set == Some(false) { "+o" } else { "-o" }.into());
                args.push(name.clone());
            }
            if names.is_empty() || set.is_none() {
                return self.show_set_options(&names, print, quiet);
            }
            return self.set_builtin(&args);
        }
        let listed: Vec<String> = if names.is_empty() {
            NAMES.iter().map(|n| n.to_string()).collect()
        } else {
            names.clone()
        };
        let mut status = 0;
        let mut text = String::new();
        for name in &listed {
            let Some(current) = self.shell_options.get(name) else {
                deliver_before_error(&mut text, stdout);
                self.report(&format!("shopt: {name}: invalid shell option name"));
                status = 1;
                continue;
            };
            match set {
                Some(on) if !names.is_empty() => {
                    // `login_shell` and `restricted_shell` only tell; setting them
                    // changes nothing, as in bash.
                    if !matches!(name.as_str(), "login_shell" | "restricted_shell")
                        && let Some(flag) = self.shell_options.flag(name)
                    {
                        *flag = on;
                    }
                    // As bash: the debugger's mode is also `set -T` and `set -E`.
                    if name == "extdebug" {
                        self.options.functrace = on;
                        self.options.errtrace = on;
                    }
                }
                // `shopt -s` alone lists the options that are on; `-u` those off.
                Some(on) if current != on => {}
                _ => {
                    if !current && set.is_none() && !names.is_empty() {
                        status = 1;
                    }
                    if quiet {
                        continue;
                    }
                    if print {
                        let sign = if current { 's' } else { 'u' };
                        text.push_str(&format!("shopt -{sign} {name}\n"));
                    } else {
                        let state = if current { "on" } else { "off" };
                        text.push_str(&format!("{name:<15}\t{state}\n"));
                    }
                }
            }
        }
        (status, text)
    }
}
