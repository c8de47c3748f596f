//! Aliases: `alias NAME=VALUE`, `unalias`, and which aliases apply. As in bash, an
//! interactive shell replaces a command name that is an alias by its text; scripts do so
//! only after `shopt -s expand_aliases`. The text is put in while the shell reads
//! (`alias_reading.rs`), so an alias applies to the commands read after the one that
//! defined it (`reader.rs`).

use super::Shell;
use super::builtin::deliver_before_error;
use super::options::quoted;
use super::syntax::Reading;
use wasmix_kernel::file::Output;

impl Shell {
    /// `alias [NAME[=VALUE]...]`.
    pub(super) fn alias_builtin(&mut self, argv: &[String], stdout: &Output) -> (u8, String) {
        let show = |name: &str, text: &String| format!("alias {name}={}\n", quoted_always(text));
        let mut args = &argv[1..];
        if args.first().is_some_and(|a| a == "-p") {
            args = &args[1..];
        }
        if args.first().is_some_and(|a| a == "--") {
            args = &args[1..];
        }
        if args.is_empty() {
            let text = self.aliases.iter().map(|(n, v)| show(n, v)).collect();
            return (0, text);
        }
        let mut status = 0;
        let mut text = String::new();
        for arg in args {
            match arg.split_once('=') {
                Some((name, value)) if !name.is_empty() => {
                    if name.contains(['/', '$', '`', '=', '\'', '"', ' ', '\t', '\n'])
                        || name.contains(['<', '>', '|', '&', ';', '(', ')'])
                    {
                        self.report(&format!("alias: `{name}': invalid alias name"));
                        status = 1;
                        continue;
                    }
                    self.define_alias(name, value);
                }
                _ => match self.aliases.get(arg) {
                    Some(alias) => text.push_str(&show(arg, alias)),
                    None => {
                        deliver_before_error(&mut text, stdout);
                        self.report(&format!("alias: {arg}: not found"));
                        status = 1;
                    }
                },
            }
        }
        (status, text)
    }

    pub(super) fn define_alias(&mut self, name: &str, text: &str) {
        self.aliases.insert(name.to_string(), text.to_string());
        self.alias_generation += 1;
    }

    /// `unalias NAME...` or `unalias -a`.
    pub(super) fn unalias_builtin(&mut self, argv: &[String]) -> u8 {
        if argv.len() == 1 {
            self.say("unalias: usage: unalias [-a] name [name ...]".into());
            return 2;
        }
        let mut status = 0;
        let names = match argv[1..].first() {
            Some(first) if first == "--" => &argv[2..],
            _ => &argv[1..],
        };
        for name in names {
            self.alias_generation += 1;
            if name == "-a" {
                self.aliases.clear();
            } else if self.aliases.remove(name).is_none() {
                self.report(&format!("unalias: {name}: not found"));
                status = 1;
            }
        }
        status
    }

    /// How text being read now is read: the aliases (none unless `expand_aliases` is on)
    /// and `shopt extglob`.
    pub(super) fn reading(&self) -> Reading<'_> {
        let expand = self.shell_options.expand_aliases && !self.aliases.is_empty();
        Reading {
            aliases: expand.then_some(&self.aliases),
            extglob: self.shell_options.extglob,
        }
    }

    /// What decides how text is read, to notice a change: text read before is read again.
    /// Without `expand_aliases` the aliases decide nothing, however many are defined.
    pub(super) fn reading_state(&self) -> (u64, bool, bool) {
        let extglob = self.shell_options.extglob;
        match self.shell_options.expand_aliases {
            true => (self.alias_generation, true, extglob),
            false => (0, false, extglob),
        }
    }
}

/// `'...'` around a value, as `alias` prints it.
fn quoted_always(value: &str) -> String {
    let text = quoted(value);
    if text.starts_with('\'') {
        text
    } else {
        format!("'{text}'")
    }
}
