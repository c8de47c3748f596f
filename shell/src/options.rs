//! Shell options and the `set` builtin: `-a` (allexport), `-B` (braceexpand), `-C`
//! (noclobber), `-e` (errexit), `-f` (noglob), `-h` (hashall), `-n` (noexec), `-P`
//! (physical), `-u` (nounset), `-v` (verbose), `-x` (xtrace), `-o pipefail`,
//! and `set -- ARGS` for the positional parameters.

use super::{Origin, Shell};
use wasmix_kernel::file::Output;

const SET_USAGE: &str =
    "set: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]";

#[derive(Clone, Copy)]
pub(super) struct Options {
    /// Every variable assigned is exported.
    pub allexport: bool,
    /// `{a,b}` and `{1..3}` in words are expanded (on unless `set +B`).
    pub braceexpand: bool,
    /// Programs run by name are remembered where they were found (`hash`; `set +h`).
    pub hashall: bool,
    /// `cd` resolves symbolic links in the directory it goes to (`set -P`).
    pub physical: bool,
    pub errexit: bool,
    /// Functions, command substitutions and subshells inherit the ERR trap.
    pub errtrace: bool,
    /// Functions, command substitutions and subshells inherit the DEBUG and RETURN traps.
    pub functrace: bool,
    /// `>` refuses to overwrite an existing file (`>|` still does).
    pub noclobber: bool,
    /// Commands are read, not run (ignored at the prompt, as bash does).
    pub noexec: bool,
    /// No pathname expansion.
    pub noglob: bool,
    pub nounset: bool,
    /// Shell input is written to stderr as it is read.
    pub verbose: bool,
    pub xtrace: bool,
    pub pipefail: bool,
    /// bash's POSIX mode: what a special builtin's prefix assignments set stays set, no
    /// function may take a special builtin's name, and assigning a read-only variable
    /// ends a script.
    pub posix: bool,
    /// Job control (`set -m`): on at the prompt; `fg` and `bg` need it.
    pub monitor: bool,
    /// Line editing at the prompt: vi's keys or emacs's (the default when neither is set).
    pub vi: bool,
    pub emacs: bool,
    /// `set -p`: only shown in `$-` and `set -o`. bash drops set-user-ID privileges when
    /// it is turned off, and wasmix's programs have none; at start it keeps functions
    /// out of the environment.
    pub privileged: bool,
    /// `set -o nolog`, which bash accepts and ignores.
    pub nolog: bool,
    /// `set -k`: assignments among a command's arguments are assignments too.
    pub keyword: bool,
    /// `set -H`: `!` history expansion of the lines read at the prompt (on there).
    pub histexpand: bool,
    /// Ctrl-D at the prompt does not end the shell until typed `$IGNOREEOF` times more
    /// (10 when it is no number); on exactly while `IGNOREEOF` is set, as in bash.
    pub ignoreeof: bool,
    /// `set -o history`: commands read are recorded (on at the prompt).
    pub history: bool,
}

impl Default for Options {
    /// bash's: brace expansion and hashing on, the rest off.
    fn default() -> Options {
        Options {
            allexport: false,
            braceexpand: true,
            hashall: true,
            physical: false,
            errexit: false,
            errtrace: false,
            functrace: false,
            noclobber: false,
            noexec: false,
            noglob: false,
            nounset: false,
            verbose: false,
            xtrace: false,
            pipefail: false,
            posix: false,
            monitor: false,
            vi: false,
            emacs: false,
            privileged: false,
            nolog: false,
            ignoreeof: false,
            keyword: false,
            histexpand: false,
            history: false,
        }
    }
}

/// The options `set -o` knows: long name, short letter.
pub(super) const NAMES: [(&str, Option<char>); 24] = [
    ("allexport", Some('a')),
    ("braceexpand", Some('B')),
    ("emacs", None),
    ("errexit", Some('e')),
    ("errtrace", Some('E')),
    ("functrace", Some('T')),
    ("hashall", Some('h')),
    ("histexpand", Some('H')),
    ("history", None),
    ("ignoreeof", None),
    ("keyword", Some('k')),
    ("monitor", Some('m')),
    ("noclobber", Some('C')),
    ("noexec", Some('n')),
    ("noglob", Some('f')),
    ("nolog", None),
    ("nounset", Some('u')),
    ("physical", Some('P')),
    ("pipefail", None),
    ("posix", None),
    ("privileged", Some('p')),
    ("verbose", Some('v')),
    ("vi", None),
    ("xtrace", Some('x')),
];

impl Options {
    fn flag(&mut self, name: &str) -> Option<&mut bool> {
        match name {
            "allexport" => Some(&mut self.allexport),
            "braceexpand" => Some(&mut self.braceexpand),
            "hashall" => Some(&mut self.hashall),
            "physical" => Some(&mut self.physical),
            "errexit" => Some(&mut self.errexit),
            "errtrace" => Some(&mut self.errtrace),
            "functrace" => Some(&mut self.functrace),
            "noclobber" => Some(&mut self.noclobber),
            "noexec" => Some(&mut self.noexec),
            "noglob" => Some(&mut self.noglob),
            "vi" => Some(&mut self.vi),
            "emacs" => Some(&mut self.emacs),
            "nounset" => Some(&mut self.nounset),
            "verbose" => Some(&mut self.verbose),
            "xtrace" => Some(&mut self.xtrace),
            "pipefail" => Some(&mut self.pipefail),
            "posix" => Some(&mut self.posix),
            "monitor" => Some(&mut self.monitor),
            "privileged" => Some(&mut self.privileged),
            "nolog" => Some(&mut self.nolog),
            "ignoreeof" => Some(&mut self.ignoreeof),
            "keyword" => Some(&mut self.keyword),
            "histexpand" => Some(&mut self.histexpand),
            "history" => Some(&mut self.history),
            _ => None,
        }
    }

    fn get(&self, name: &str) -> bool {
        let mut copy = *self;
        copy.flag(name).is_some_and(|on| *on)
    }
}

/// `$SHELLOPTS` and `$BASHOPTS`: read-only, computed from the options when read.
pub(super) fn is_option_list(name: &str) -> bool {
    matches!(name, "SHELLOPTS" | "BASHOPTS")
}

/// A word as `set -x` and `set` show it: quoted when the shell would read it otherwise.
pub(super) fn quoted(word: &str) -> String {
    // `#` starts a comment only at a word's start, and `~` expands only there or after
    // `=` or `:`; elsewhere they need no quotes. As bash's `sh_contains_shell_metas`,
    // characters beyond ASCII need none either.
    let mut before = None;
    let plain = !word.is_empty()
        && word.chars().all(|c| {
            let plain = c.is_ascii_alphanumeric()
                || !c.is_ascii()
                || "-_./=:,+@%".contains(c)
                || (c == '#' && before.is_some())
                || (c == '~' && before.is_some_and(|b| b != '=' && b != ':'));
            before = Some(c);
            plain
        });
    match word {
        _ if plain => word.to_string(),
        "'" => "\\'".to_string(),
        _ => format!("'{}'", word.replace('\'', "'\\''")),
    }
}

/// A value as `set` lists it: as `quoted` gives it, or in bash's `$'...'` form when it
/// holds control characters, or characters beyond ASCII outside a UTF-8 locale.
pub(super) fn listed_quoted(word: &str, utf8: bool) -> String {
    quoted_unless_unprintable(word, utf8, |_| true)
}

/// A word as `set -x` shows it: as `set` lists it, except that a tab or a newline alone
/// leaves it in single quotes.
pub(super) fn traced_quoted(word: &str, utf8: bool) -> String {
    quoted_unless_unprintable(word, utf8, |c| !matches!(c, '\t' | '\n'))
}

fn quoted_unless_unprintable(word: &str, utf8: bool, counts: impl Fn(char) -> bool) -> String {
    let unprintable =
        |c: char| (wasmix_printf_format::needs_ansi_c(c) && counts(c)) || (!utf8 && !c.is_ascii());
    if !word.chars().any(unprintable) {
        return quoted(word);
    }
    let shown = wasmix_printf_format::ansi_c_quote(word);
    if utf8 {
        return shown;
    }
    // Outside a UTF-8 locale each byte beyond ASCII is an escape of its own.
    let mut bytes = String::with_capacity(shown.len() * 2);
    for c in shown.chars() {
        match c.is_ascii() {
            true => bytes.push(c),
            false => {
                for byte in c.to_string().bytes() {
                    bytes.push_str(&format!("\\{byte:03o}"));
                }
            }
        }
    }
    bytes
}

/// A word in single quotes whatever it holds, as `${x@Q}` shows it; text with control
/// characters gets bash's `$'...'` form instead.
pub(super) fn quoted_always(word: &str) -> String {
    if word.chars().any(wasmix_printf_format::needs_ansi_c) {
        return wasmix_printf_format::ansi_c_quote(word);
    }
    format!("'{}'", word.replace('\'', "'\\''"))
}

impl Shell {
    /// Whether `set -o NAME` is on (`[ -o NAME ]`).
    pub(super) fn option_is_on(&self, name: &str) -> bool {
        self.options.get(name)
    }

    /// `$-`: the single-letter options that are on.
    pub(super) fn option_flags(&self) -> String {
        // In bash's order.
        let o = &self.options;
        let interactive = matches!(self.origin, Origin::Prompt);
        let command_string = matches!(self.origin, Origin::CommandString);
        let standard_input = matches!(self.origin, Origin::StandardInput);
        [
            (o.allexport, 'a'),
            (o.errexit, 'e'),
            (o.noglob, 'f'),
            (o.hashall, 'h'),
            (interactive, 'i'),
            (o.keyword, 'k'),
            (o.monitor, 'm'),
            (o.noexec, 'n'),
            (o.privileged, 'p'),
            (self.restricted, 'r'),
            (o.nounset, 'u'),
            (o.verbose, 'v'),
            (o.xtrace, 'x'),
            (o.braceexpand, 'B'),
            (o.noclobber, 'C'),
            (o.errtrace, 'E'),
            (o.histexpand, 'H'),
            (o.physical, 'P'),
            (o.functrace, 'T'),
            (command_string, 'c'),
            (interactive || standard_input, 's'),
        ]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, letter)| letter)
        .collect()
    }

    /// `set`: with no arguments, the variables; `-o`/`+o` alone, the options; otherwise
    /// options turned on (`-`) or off (`+`), then the positional parameters.
    pub(super) fn set_builtin(&mut self, argv: &[String]) -> (u8, String) {
        if argv.len() == 1 {
            let utf8 = self.utf8_locale();
            let text = self
                .sorted_variables()
                .into_iter()
                .filter_map(|(name, v)| super::variables::listing(name, &self.shown(name, v), utf8))
                .map(|line| line + "\n")
                .collect();
            return (0, text);
        }
        let mut args = argv[1..].iter().peekable();
        while let Some(arg) = args.peek() {
            let on = arg.starts_with('-');
            if arg.as_str() == "--" {
                args.next();
                self.positional = args.cloned().collect();
                self.positional_set = true;
                return (0, String::new());
            }
            match arg.as_str() {
                // `set -` ends the options and turns tracing and `-v` off, as bash's.
                "-" => {
                    args.next();
                    self.options.xtrace = false;
                    self.options.verbose = false;
                    break;
                }
                // A lone `+` is an empty list of flags.
                "+" => {
                    args.next();
                    continue;
                }
                _ if !(on || arg.starts_with('+')) => break,
                _ => {}
            }
            let arg = args.next().cloned().unwrap_or_default();
            for letter in arg[1..].chars() {
                if letter == 'o' {
                    let Some(name) = args.next() else {
                        return (0, self.list_options(on));
                    };
                    match self.options.flag(name) {
                        Some(flag) => *flag = on,
                        None => {
                            self.report(&format!("set: {name}: invalid option name"));
                            return (2, String::new());
                        }
                    }
                    // One editing mode at a time.
                    match (name.as_str(), on) {
                        ("vi", true) => self.options.emacs = false,
                        ("emacs", true) => self.options.vi = false,
                        ("posix", _) => self.posix_mode(on),
                        ("ignoreeof", true) => self.set_variable("IGNOREEOF", "10", false),
                        // As bash's `bash_set_history`: the file is read if this
                        // session has added nothing yet.
                        ("history", true) if self.history.session_lines == 0 => {
                            self.load_history();
                        }
                        ("ignoreeof", false) => {
                            self.variables.remove("IGNOREEOF");
                        }
                        _ => {}
                    }
                    continue;
                }
                // `-r` turns restricted mode on for good: `+r` is refused, with status 1
                // where other unknown letters give 2, as in bash.
                match (letter, on) {
                    ('r', true) => {
                        self.restrict(false);
                        continue;
                    }
                    ('r', false) if self.restricted => {
                        self.report("set: +r: invalid option");
                        self.say(SET_USAGE.into());
                        return (1, String::new());
                    }
                    ('r', false) => continue,
                    _ => {}
                }
                let name = NAMES.iter().find(|(_, l)| *l == Some(letter));
                match name.and_then(|(name, _)| self.options.flag(name)) {
                    Some(flag) => *flag = on,
                    None => {
                        self.report(&format!("set: {}{letter}: invalid option", &arg[..1]));
                        self.say(SET_USAGE.into());
                        return (2, String::new());
                    }
                }
            }
        }
        let rest: Vec<String> = args.cloned().collect();
        if !rest.is_empty() {
            self.positional = rest;
            self.positional_set = true;
        }
        (0, String::new())
    }

    /// `$SHELLOPTS`: the `set -o` options that are on, with the one always on here
    /// (comments), in bash's alphabetical order.
    pub(super) fn shell_options_list(&self) -> String {
        let mut on: Vec<&str> = NAMES
            .iter()
            .map(|(name, _)| *name)
            .filter(|name| self.options.get(name))
            .chain(["interactive-comments"])
            .collect();
        on.sort_unstable();
        on.join(":")
    }

    /// `$BASHOPTS`: the `shopt` options that are on.
    pub(super) fn bash_options_list(&self) -> String {
        super::shopt::NAMES
            .iter()
            .filter(|name| self.shell_options.get(name) == Some(true))
            .copied()
            .collect::<Vec<_>>()
            .join(":")
    }

    /// `set -o` (a table) or `set +o` (commands that restore the options).
    /// Puts back the options `local -` saved, with what changing each does.
    pub(super) fn restore_options(&mut self, saved: Options) {
        let was = std::mem::replace(&mut self.options, saved);
        if was.ignoreeof != saved.ignoreeof {
            match saved.ignoreeof {
                true => self.set_variable("IGNOREEOF", "10", false),
                false => {
                    self.variables.remove("IGNOREEOF");
                }
            }
        }
        if was.posix != saved.posix {
            self.posix_mode(saved.posix);
        }
    }

    /// What entering or leaving POSIX mode changes besides the option, as in bash:
    /// `POSIXLY_CORRECT`, aliases expanded in scripts too, and command substitutions
    /// inheriting `set -e` (which stays on after, as bash leaves it).
    fn posix_mode(&mut self, on: bool) {
        if on {
            self.set_variable("POSIXLY_CORRECT", "y", false);
        } else {
            self.variables.remove("POSIXLY_CORRECT");
        }
        self.posix_mode_follows(on);
    }

    /// Setting or unsetting `POSIXLY_CORRECT` turns POSIX mode on or off, as in bash.
    pub(super) fn posixly_correct_changed(&mut self, set: bool) {
        if self.options.posix != set {
            self.options.posix = set;
            self.posix_mode_follows(set);
        }
    }

    fn posix_mode_follows(&mut self, on: bool) {
        if on {
            self.shell_options.expand_aliases = true;
            self.shell_options.inherit_errexit = true;
        } else {
            self.shell_options.expand_aliases = matches!(self.origin, Origin::Prompt);
        }
    }

    fn list_options(&self, table: bool) -> String {
        NAMES
            .iter()
            .map(|(name, _)| self.option_line(name, table))
            .collect()
    }

    fn option_line(&self, name: &str, table: bool) -> String {
        let on = self.options.get(name);
        if table {
            format!("{name:<15}\t{}\n", if on { "on" } else { "off" })
        } else {
            format!("set {}o {name}\n", if on { '-' } else { '+' })
        }
    }

    /// `shopt -o [-p] [-q] [NAME...]` without -s or -u: the `set -o` options named (all
    /// when none is), as a table or as `set` commands; the status is 1 if one is off or
    /// is no option.
    pub(super) fn show_set_options(
        &mut self,
        names: &[String],
        print: bool,
        quiet: bool,
    ) -> (u8, String) {
        if names.is_empty() {
            return (
                0,
                if quiet {
                    String::new()
                } else {
                    self.list_options(!print)
                },
            );
        }
        let mut status = 0;
        let mut text = String::new();
        for name in names {
            if !NAMES.iter().any(|(known, _)| known == name) {
                self.report(&format!("shopt: {name}: invalid option name"));
                status = 1;
                continue;
            }
            if !self.options.get(name) {
                status = 1;
            }
            if !quiet {
                text.push_str(&self.option_line(name, !print));
            }
        }
        (status, text)
    }

    /// Where `set -x` writes: descriptor `$BASH_XTRACEFD` when it is open for writing,
    /// else standard error.
    pub(super) fn trace_output(&self, stdio: &wasmix_kernel::file::Stdio) -> Output {
        use wasmix_kernel::file::Stream;
        let fd = self
            .variable("BASH_XTRACEFD")
            .and_then(|v| v.parse::<i32>().ok());
        let chosen = match fd {
            Some(1) => Some(&stdio.stdout),
            Some(fd) if fd > 2 => match stdio.higher(fd) {
                Some(Stream::Write(output) | Stream::ReadWrite(_, output)) => Some(output),
                _ => None,
            },
            _ => None,
        };
        chosen.unwrap_or(&stdio.stderr).duplicate()
    }

    /// `set -x`: the command about to run, its words already quoted as shown, on stderr
    /// after `$PS4` expanded (as a prompt, without tracing), its first character once
    /// more for each level of command substitution, `eval`, `.` and trap action.
    /// `ps4`: the `$PS4` to use, when an assignment traced has just changed it.
    pub(super) async fn trace(
        &mut self,
        shown: &[String],
        stderr: &Output,
        ps4: Option<Option<String>>,
    ) {
        if !self.options.xtrace {
            return;
        }
        let ps4 = ps4
            .unwrap_or_else(|| self.variable("PS4"))
            .unwrap_or_else(|| "+ ".into());
        self.options.xtrace = false;
        let prompt = Box::pin(self.decode_prompt(&ps4, true)).await;
        self.options.xtrace = true;
        let levels: String = prompt
            .chars()
            .next()
            .map(|first| {
                let levels = self.substitution_depth + self.trace_nesting;
                first.to_string().repeat(levels)
            })
            .unwrap_or_default();
        let text = format!("{levels}{prompt}{}\n", shown.join(" "));
        let _ = super::builtin::deliver(text, stderr.duplicate());
    }
}
