//! `enable`: turning builtins off and on, so a name runs the program of that name from
//! `$PATH` instead (`enable -n echo` and `echo` is `/bin/echo`).

use super::Shell;
use super::table::{BUILTINS, Builtin, SPECIAL};

impl Shell {
    /// The builtin `name` runs, unless `enable -n` turned it off.
    pub(super) fn find_builtin(&self, name: &str) -> Option<Builtin> {
        Builtin::find(name).filter(|_| !self.disabled_builtins.contains(name))
    }

    /// `enable [-a] [-n] [-p] [-s] [NAME...]`.
    pub(super) fn enable_builtin(&mut self, args: &[String]) -> (u8, String) {
        let mut disable = false;
        let mut all = false;
        let mut special = false;
        let mut names = Vec::new();
        for (index, arg) in args.iter().enumerate() {
            if arg == "--" {
                names.extend(args[index + 1..].iter().cloned());
                break;
            }
            match arg
                .strip_prefix('-')
                .filter(|f| !f.is_empty() && names.is_empty())
            {
                Some(flags) => {
                    for flag in flags.chars() {
                        match flag {
                            'n' => disable = true,
                            'a' => all = true,
                            'p' => {}
                            's' => special = true,
                            other => {
                                self.report(&format!("enable: -{other}: invalid option"));
                                self.say("enable: usage: enable [-a] [-nps] [name ...]".into());
                                return (2, String::new());
                            }
                        }
                    }
                }
                None => names.push(arg.clone()),
            }
        }
        if names.is_empty() {
            return (0, self.enabled_listing(disable, all, special));
        }
        let mut status = 0;
        for name in names {
            if Builtin::find(&name).is_none() {
                self.report(&format!("enable: {name}: not a shell builtin"));
                status = 1;
            } else if disable {
                self.disabled_builtins.insert(name);
            } else if self.restricted && self.disabled_builtins.contains(&name) {
                self.report("enable: restricted");
                return (1, String::new());
            } else {
                self.disabled_builtins.remove(&name);
            }
        }
        (status, String::new())
    }

    /// `enable` alone lists the builtins that are on, `-n` those that are off, `-a` all;
    /// `-s` only the special ones.
    fn enabled_listing(&self, disabled: bool, all: bool, special: bool) -> String {
        let mut names: Vec<&str> = BUILTINS
            .iter()
            .map(|(name, ..)| *name)
            .filter(|name| !special || SPECIAL.contains(name))
            .collect();
        names.sort();
        let mut text = String::new();
        for name in names {
            let off = self.disabled_builtins.contains(name);
            if all || off == disabled {
                text.push_str(if off { "enable -n " } else { "enable " });
                text.push_str(name);
                text.push('\n');
            }
        }
        text
    }
}
