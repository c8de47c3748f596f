//! Completion specifications: what `complete` records for a command, how `complete`,
//! `compgen` and `compopt` read their options (bash reads all three with one table), and
//! `complete -p`'s listing in bash's own order.

use super::Shell;
use super::options::quoted_always;
use std::collections::BTreeSet;

/// Where candidates come from. In bash's listing order: the one-letter flags, then the
/// names only `-A` takes, alphabetically.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub(super) enum Action {
    Alias,
    Builtin,
    Command,
    Directory,
    Export,
    File,
    Group,
    Job,
    Keyword,
    /// Network service names, from `/etc/services`.
    Service,
    User,
    Variable,
    ArrayVar,
    Disabled,
    Enabled,
    Function,
    HelpTopic,
    /// Host names, from `$HOSTFILE` or `/etc/hosts`.
    Hostname,
    Running,
    SetOpt,
    ShOpt,
    Signal,
    Stopped,
}

/// Each action: its one-letter flag, if it has one, and its `-A` name.
const ACTIONS: [(Action, Option<char>, &str); 23] = [
    (Action::Alias, Some('a'), "alias"),
    (Action::Builtin, Some('b'), "builtin"),
    (Action::Command, Some('c'), "command"),
    (Action::Directory, Some('d'), "directory"),
    (Action::Export, Some('e'), "export"),
    (Action::File, Some('f'), "file"),
    (Action::Group, Some('g'), "group"),
    (Action::Job, Some('j'), "job"),
    (Action::Keyword, Some('k'), "keyword"),
    (Action::Service, Some('s'), "service"),
    (Action::User, Some('u'), "user"),
    (Action::Variable, Some('v'), "variable"),
    (Action::ArrayVar, None, "arrayvar"),
    (Action::Disabled, None, "disabled"),
    (Action::Enabled, None, "enabled"),
    (Action::Function, None, "function"),
    (Action::HelpTopic, None, "helptopic"),
    (Action::Hostname, None, "hostname"),
    (Action::Running, None, "running"),
    (Action::SetOpt, None, "setopt"),
    (Action::ShOpt, None, "shopt"),
    (Action::Signal, None, "signal"),
    (Action::Stopped, None, "stopped"),
];

/// What `-o` may name, in bash's order.
pub(super) const OPTION_NAMES: [&str; 8] = [
    "bashdefault",
    "default",
    "dirnames",
    "filenames",
    "noquote",
    "nosort",
    "nospace",
    "plusdirs",
];

/// The names bash files the specifications of `-D`, `-E` and `-I` under.
const DEFAULT_COMMAND: &str = "_DefaultCmD_";
const EMPTY_COMMAND: &str = "_EmptycmD_";
const INITIAL_WORD: &str = "_InitialWorD_";

/// How to complete the words of one command.
#[derive(Clone, Default, Debug)]
pub(super) struct CompSpec {
    pub actions: BTreeSet<Action>,
    pub options: BTreeSet<&'static str>,
    pub glob: Option<String>,
    pub words: Option<String>,
    pub prefix: Option<String>,
    pub suffix: Option<String>,
    pub filter: Option<String>,
    pub command: Option<String>,
    pub function: Option<String>,
}

impl CompSpec {
    /// The spec as `complete -p` prints it, for `target`.
    fn listing(&self, target: &str) -> String {
        let mut line = String::from("complete ");
        for option in &self.options {
            line.push_str(&format!("-o {option} "));
        }
        for action in &self.actions {
            let (_, letter, name) = ACTIONS.iter().find(|(a, ..)| a == action).unwrap();
            match letter {
                Some(letter) => line.push_str(&format!("-{letter} ")),
                None => line.push_str(&format!("-A {name} ")),
            }
        }
        for (flag, value) in [
            ("-G", &self.glob),
            ("-W", &self.words),
            ("-P", &self.prefix),
            ("-S", &self.suffix),
            ("-X", &self.filter),
            ("-C", &self.command),
        ] {
            if let Some(value) = value {
                line.push_str(&format!("{flag} {} ", quoted_always(value)));
            }
        }
        if let Some(function) = &self.function {
            line.push_str(&format!("-F {function} "));
        }
        line.push_str(match target {
            DEFAULT_COMMAND => "-D",
            EMPTY_COMMAND => "-E",
            INITIAL_WORD => "-I",
            name => name,
        });
        line
    }

    /// `compopt`'s report of the options for `name`: each on (`-o`) or off (`+o`).
    fn option_listing(&self, name: &str) -> String {
        let mut line = String::from("compopt ");
        for option in OPTION_NAMES {
            let sign = if self.options.contains(option) {
                '-'
            } else {
                '+'
            };
            line.push_str(&format!("{sign}o {option} "));
        }
        line + name
    }
}

/// The specifications `complete` has recorded.
#[derive(Clone, Default)]
pub(super) struct CompSpecs {
    /// Each command's spec, and when it was first recorded (bash lists the newest of a
    /// hash bucket first).
    entries: Vec<(String, CompSpec, u64)>,
    recorded: u64,
}

impl CompSpecs {
    pub fn get(&self, name: &str) -> Option<&CompSpec> {
        self.entries
            .iter()
            .find(|(n, ..)| n == name)
            .map(|(_, s, _)| s)
    }

    /// The spec for completing `command`'s arguments: its own, else `complete -D`'s.
    pub fn for_command(&self, command: &str) -> Option<&CompSpec> {
        let base = command.rsplit('/').next().unwrap_or(command);
        self.get(command)
            .or_else(|| self.get(base))
            .or_else(|| self.get(DEFAULT_COMMAND))
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn set(&mut self, name: &str, spec: CompSpec) {
        match self.entries.iter_mut().find(|(n, ..)| n == name) {
            Some(entry) => entry.1 = spec,
            None => {
                self.recorded += 1;
                self.entries.push((name.to_string(), spec, self.recorded));
            }
        }
    }

    fn remove(&mut self, name: &str) -> bool {
        let before = self.entries.len();
        self.entries.retain(|(n, ..)| n != name);
        self.entries.len() != before
    }

    /// All the specs in the order bash's hash table walks them: by bucket (FNV-1 of the
    /// name, 512 buckets), newest first within one.
    fn in_bash_order(&self) -> Vec<(&String, &CompSpec)> {
        let mut entries: Vec<_> = self.entries.iter().collect();
        entries.sort_by_key(|(name, _, recorded)| {
            (super::assoc::hash_string(name) & 511, u64::MAX - recorded)
        });
        entries.into_iter().map(|(n, s, _)| (n, s)).collect()
    }
}

/// A `complete`, `compgen` or `compopt` command line, read.
#[derive(Default)]
pub(super) struct SpecLine {
    pub spec: CompSpec,
    /// Options `compopt +o` turns off.
    pub options_off: BTreeSet<&'static str>,
    pub print: bool,
    pub remove: bool,
    /// `-D`, `-E`, `-I`: the specs bash keeps under special names.
    pub targets: Vec<&'static str>,
    /// The arguments after the options.
    pub names: Vec<String>,
}

/// Why a command line could not be read: the message, and whether the usage follows it.
pub(super) struct SpecError {
    pub message: String,
    pub usage: bool,
}

/// Reads `args` as `builtin` does: the letters in `switches` stand alone, those in
/// `with_value` take a value (attached or the next argument).
pub(super) fn parse_spec_line(
    builtin: &str,
    args: &[String],
    switches: &str,
    with_value: &str,
) -> Result<SpecLine, SpecError> {
    let mut line = SpecLine::default();
    let mut at = 0;
    while let Some(arg) = args.get(at) {
        if arg == "--" {
            at += 1;
            break;
        }
        // `+o` only means something to compopt.
        let plus = arg.starts_with('+') && builtin == "compopt";
        if arg.len() < 2 || !(arg.starts_with('-') || plus) {
            break;
        }
        let mut flags = arg[1..].chars();
        while let Some(flag) = flags.next() {
            if switches.contains(flag) {
                match flag {
                    'p' => line.print = true,
                    'r' => line.remove = true,
                    'D' => line.targets.push(DEFAULT_COMMAND),
                    'E' => line.targets.push(EMPTY_COMMAND),
                    'I' => line.targets.push(INITIAL_WORD),
                    letter => {
                        let (action, ..) =
                            ACTIONS.iter().find(|(_, l, _)| *l == Some(letter)).unwrap();
                        line.spec.actions.insert(*action);
                    }
                }
                continue;
            }
            if !with_value.contains(flag) {
                return Err(SpecError {
                    message: format!("{builtin}: -{flag}: invalid option"),
                    usage: true,
                });
            }
            let attached: String = flags.by_ref().collect();
            let value = if !attached.is_empty() {
                attached
            } else if let Some(next) = args.get(at + 1) {
                at += 1;
                next.clone()
            } else {
                return Err(SpecError {
                    message: format!("{builtin}: -{flag}: option requires an argument"),
                    usage: true,
                });
            };
            let spec = &mut line.spec;
            match flag {
                'o' => {
                    let Some(option) = OPTION_NAMES.iter().find(|o| **o == value) else {
                        return Err(SpecError {
                            message: format!("{builtin}: {value}: invalid option name"),
                            usage: false,
                        });
                    };
                    if plus {
                        line.options_off.insert(option);
                    } else {
                        spec.options.insert(option);
                    }
                }
                'A' => {
                    let Some((action, ..)) = ACTIONS.iter().find(|(.., name)| *name == value)
                    else {
                        return Err(SpecError {
                            message: format!("{builtin}: {value}: invalid action name"),
                            usage: false,
                        });
                    };
                    spec.actions.insert(*action);
                }
                'G' => spec.glob = Some(value),
                'W' => spec.words = Some(value),
                'X' => spec.filter = Some(value),
                'P' => spec.prefix = Some(value),
                'S' => spec.suffix = Some(value),
                'C' => spec.command = Some(value),
                _ => spec.function = Some(value),
            }
        }
        at += 1;
    }
    line.names = args[at.min(args.len())..].to_vec();
    Ok(line)
}

const COMPLETE_USAGE: &str = "complete: usage: complete [-abcdefgjksuv] [-pr] [-DEI] [-o option] [-A action] [-G globpat] [-W wordlist] [-F function] [-C command] [-X filterpat] [-P prefix] [-S suffix] [name ...]";
const COMPOPT_USAGE: &str = "compopt: usage: compopt [-o|+o option] [-DEI] [name ...]";

/// The letters of the actions, which all three builtins take alone.
pub(super) const ACTION_LETTERS: &str = "abcdefgjksuv";

impl Shell {
    /// Reports a command line that could not be read; bash's status for it.
    pub(super) fn spec_line_failed(&self, error: SpecError, usage: &str) -> u8 {
        self.report(&error.message);
        if error.usage {
            self.say(usage.to_string());
        }
        2
    }

    /// `complete`: records, lists (`-p`, or no arguments) or removes (`-r`) specs.
    pub(super) fn complete_builtin(&mut self, args: &[String]) -> (u8, String) {
        let switches = format!("{ACTION_LETTERS}prDEI");
        let line = match parse_spec_line("complete", args, &switches, "oAGWXPSCF") {
            Ok(line) => line,
            Err(error) => return (self.spec_line_failed(error, COMPLETE_USAGE), String::new()),
        };
        let mut names: Vec<String> = line.targets.iter().map(|t| t.to_string()).collect();
        names.extend(line.names.iter().cloned());
        let missing = |shell: &Shell, name: &str| {
            shell.report(&format!("complete: {name}: no completion specification"));
        };
        if line.remove {
            if names.is_empty() {
                self.completion_specs = CompSpecs::default();
            }
            let mut status = 0;
            for name in &names {
                if !self.completion_specs.remove(name) {
                    missing(self, name);
                    status = 1;
                }
            }
            return (status, String::new());
        }
        if line.print || args.is_empty() {
            if names.is_empty() {
                let text = self
                    .completion_specs
                    .in_bash_order()
                    .into_iter()
                    .map(|(name, spec)| spec.listing(name) + "\n")
                    .collect();
                return (0, text);
            }
            let (mut status, mut text) = (0, String::new());
            for name in &names {
                match self.completion_specs.get(name) {
                    Some(spec) => text.push_str(&(spec.listing(name) + "\n")),
                    None => {
                        missing(self, name);
                        status = 1;
                    }
                }
            }
            return (status, text);
        }
        if names.is_empty() {
            self.say(COMPLETE_USAGE.to_string());
            return (2, String::new());
        }
        for name in &names {
            self.completion_specs.set(name, line.spec.clone());
        }
        (0, String::new())
    }

    /// `compopt`: turns completion options on (`-o`) or off (`+o`) for the completion
    /// running, or for the commands named; without either, shows them.
    pub(super) fn compopt_builtin(&mut self, args: &[String]) -> (u8, String) {
        let line = match parse_spec_line("compopt", args, "DEI", "o") {
            Ok(line) => line,
            Err(error) => return (self.spec_line_failed(error, COMPOPT_USAGE), String::new()),
        };
        let mut names: Vec<String> = line.targets.iter().map(|t| t.to_string()).collect();
        names.extend(line.names.iter().cloned());
        let change = |options: &mut BTreeSet<&'static str>| {
            options.extend(&line.spec.options);
            options.retain(|o| !line.options_off.contains(o));
        };
        let unchanged = line.spec.options.is_empty() && line.options_off.is_empty();
        if names.is_empty() {
            let Some(running) = &mut self.completing else {
                self.report("compopt: not currently executing completion function");
                return (1, String::new());
            };
            if unchanged {
                let spec = CompSpec {
                    options: running.options.clone(),
                    ..CompSpec::default()
                };
                return (0, spec.option_listing(&running.command.clone()) + "\n");
            }
            change(&mut running.options);
            return (0, String::new());
        }
        let (mut status, mut text) = (0, String::new());
        for name in &names {
            let Some(spec) = self.completion_specs.get(name).cloned() else {
                self.report(&format!("compopt: {name}: no completion specification"));
                status = 1;
                continue;
            };
            if unchanged {
                text.push_str(&(spec.option_listing(name) + "\n"));
                continue;
            }
            let mut spec = spec;
            change(&mut spec.options);
            self.completion_specs.set(name, spec);
        }
        (status, text)
    }
}

/// A completion the prompt is running a function for: what `compopt` changes.
#[derive(Clone)]
pub(super) struct Completing {
    pub command: String,
    pub options: BTreeSet<&'static str>,
}
