//! `compgen` and what it shares with Tab completion: the words a completion spec offers
//! for a word, from the sources bash names by flag (`-W` words, `-f` files, `-c` commands,
//! `-v` variables…), a glob, a shell function (`-F`) or a command (`-C`), then filtered
//! (`-X`) and dressed (`-P`, `-S`).

use super::Flow;
use super::Shell;
use super::compspec::{ACTION_LETTERS, Action, CompSpec, parse_spec_line};
use super::job::JobState;
use super::options::quoted_always;
use super::pattern::Pattern;
use super::table::{BUILTINS, KEYWORDS};
use super::variables::Value;
use brush_parser::ast::Word;
use wasmix_kernel::file::Stdio;
use wasmix_kernel::signal::SIGNALS;

const USAGE: &str = "compgen: usage: compgen [-abcdefgjksuv] [-o option] [-A action] [-G globpat] [-W wordlist] [-F function] [-C command] [-X filterpat] [-P prefix] [-S suffix] [word]";

/// The command line a completion is for, as far as it is typed: what a completion
/// function gets as `$1 $2 $3` and in `COMP_WORDS`, `COMP_CWORD`, `COMP_LINE`, `COMP_POINT`.
pub(super) struct CompletionContext {
    pub command: String,
    pub word: String,
    pub previous: String,
    pub words: Vec<String>,
    pub cword: i64,
    pub line: String,
    pub point: usize,
    /// `COMP_TYPE` and `COMP_KEY`: 9 (Tab) at the prompt, 0 for `compgen`.
    pub key: u8,
}

/// The order bash generates actions in: files, user and group names, then directories
/// last.
const GENERATION_ORDER: [Action; 23] = [
    Action::Alias,
    Action::ArrayVar,
    Action::Builtin,
    Action::Disabled,
    Action::Enabled,
    Action::Export,
    Action::Function,
    Action::HelpTopic,
    Action::Hostname,
    Action::Job,
    Action::Keyword,
    Action::Running,
    Action::SetOpt,
    Action::ShOpt,
    Action::Signal,
    Action::Stopped,
    Action::Variable,
    Action::Command,
    Action::File,
    Action::Service,
    Action::User,
    Action::Group,
    Action::Directory,
];

/// The variables a completion function is given, unset again after it.
const COMPLETION_VARIABLES: [&str; 7] = [
    "COMP_WORDS",
    "COMP_CWORD",
    "COMP_LINE",
    "COMP_POINT",
    "COMP_TYPE",
    "COMP_KEY",
    "COMPREPLY",
];

impl Shell {
    pub(super) async fn compgen_builtin(
        &mut self,
        args: &[String],
        io: &Stdio,
    ) -> Result<(u8, String), Flow> {
        let line = match parse_spec_line("compgen", args, ACTION_LETTERS, "oAGWXPSCF") {
            Ok(line) => line,
            Err(error) => return Ok((self.spec_line_failed(error, USAGE), String::new())),
        };
        for (flag, given) in [
            ('F', line.spec.function.is_some()),
            ('C', line.spec.command.is_some()),
        ] {
            if given {
                self.report(&format!(
                    "compgen: warning: -{flag} option may not work as you expect"
                ));
            }
        }
        let context = CompletionContext {
            command: "compgen".into(),
            word: line.names.first().cloned().unwrap_or_default(),
            previous: String::new(),
            words: Vec::new(),
            cword: -1,
            line: String::new(),
            point: 0,
            key: 0,
        };
        let Some(found) = self.generate(&line.spec, &context, io).await? else {
            return Ok((1, String::new()));
        };
        let text: String = found.iter().map(|word| format!("{word}\n")).collect();
        Ok((u8::from(text.is_empty() && !args.is_empty()), text))
    }

    /// The completions `spec` offers for the context's word, in bash's order (actions,
    /// glob, word list, function, command); `None` when an expansion or the function
    /// failed (reported).
    pub(super) async fn generate(
        &mut self,
        spec: &CompSpec,
        context: &CompletionContext,
        io: &Stdio,
    ) -> Result<Option<Vec<String>>, Flow> {
        let word = &context.word;
        let mut found = Vec::new();
        if spec.actions.contains(&Action::Hostname) {
            self.read_host_names();
        }
        for action in GENERATION_ORDER.iter().filter(|a| spec.actions.contains(a)) {
            found.extend(self.candidates(*action, word));
        }
        if let Some(pattern) = &spec.glob {
            found.extend(self.glob(pattern));
        }
        if let Some(list) = &spec.words {
            let delimiters = self.variable("IFS").unwrap_or_else(|| " \t\n".into());
            for raw in split_at_delimiters(list, &delimiters) {
                match self.expand_word(&Word::new(&raw)).await {
                    Ok(words) => found.extend(words.into_iter().filter(|w| w.starts_with(word))),
                    Err(e) => {
                        self.report(&e.message);
                        return Ok(None);
                    }
                }
            }
        }
        if let Some(function) = &spec.function {
            match self.completion_function(function, context, io).await? {
                Some(words) => found.extend(words),
                None => return Ok(None),
            }
        }
        if let Some(command) = &spec.command {
            match self.completion_command(command, context).await {
                Ok(words) => found.extend(words),
                Err(message) => {
                    self.report(&message);
                    return Ok(None);
                }
            }
        }
        let options = &spec.options;
        if options.contains("plusdirs") {
            found.extend(self.candidates(Action::Directory, word));
        }
        if found.is_empty() && options.contains("dirnames") {
            found = self.candidates(Action::Directory, word);
        }
        if found.is_empty() && (options.contains("default") || options.contains("bashdefault")) {
            found = self.candidates(Action::File, word);
        }
        if let Some(filter) = &spec.filter {
            let (keep, pattern) = match filter.strip_prefix('!') {
                Some(pattern) => (true, pattern),
                None => (false, filter.as_str()),
            };
            let pattern = Pattern::new(&with_word_for_ampersands(pattern, word), false);
            found.retain(|candidate| pattern.matches(candidate) == keep);
        }
        let prefix = spec.prefix.as_deref().unwrap_or_default();
        let suffix = spec.suffix.as_deref().unwrap_or_default();
        Ok(Some(
            found
                .into_iter()
                .map(|word| format!("{prefix}{word}{suffix}"))
                .collect(),
        ))
    }

    /// Runs a completion function as bash does (`$1` the command, `$2` the word, `$3` the
    /// word before it, the `COMP_*` variables set); the words it left in `COMPREPLY`.
    async fn completion_function(
        &mut self,
        name: &str,
        context: &CompletionContext,
        io: &Stdio,
    ) -> Result<Option<Vec<String>>, Flow> {
        let Some(body) = self.functions.get(name).cloned() else {
            self.report(&format!("compgen: function `{name}' not found"));
            return Ok(None);
        };
        let words = context.words.iter().map(|w| (None, w.clone())).collect();
        let _ = self.assign_array("COMP_WORDS", words, false);
        self.set_variable("COMP_CWORD", &context.cword.to_string(), false);
        self.set_variable("COMP_LINE", &context.line, false);
        self.set_variable("COMP_POINT", &context.point.to_string(), false);
        self.set_variable("COMP_TYPE", &context.key.to_string(), false);
        self.set_variable("COMP_KEY", &context.key.to_string(), false);
        let argv = [
            name.to_string(),
            context.command.clone(),
            context.word.clone(),
            context.previous.clone(),
        ];
        let result = self.call_function(&body, &argv, io).await;
        let reply = self
            .variable_entry("COMPREPLY")
            .map(|v| v.value.values())
            .unwrap_or_default();
        for variable in COMPLETION_VARIABLES {
            let _ = self.unset_variable(variable);
        }
        result?;
        Ok(Some(reply))
    }

    /// Runs a completion command (`-C`) with the command, the word and the one before
    /// as its arguments; each line it prints is a completion.
    async fn completion_command(
        &mut self,
        command: &str,
        context: &CompletionContext,
    ) -> Result<Vec<String>, String> {
        let text = format!(
            "COMP_LINE={} COMP_POINT={} {command} {} {} {}",
            quoted_always(&context.line),
            context.point,
            quoted_always(&context.command),
            quoted_always(&context.word),
            quoted_always(&context.previous),
        );
        let output = self.capture(&text).await.map_err(|e| e.message)?;
        Ok(output.lines().map(String::from).collect())
    }

    fn candidates(&self, source: Action, word: &str) -> Vec<String> {
        let starts = |name: &&str| name.starts_with(word);
        let owned = |names: Vec<&str>| names.into_iter().map(String::from).collect::<Vec<_>>();
        match source {
            Action::Alias => owned(
                self.aliases
                    .keys()
                    .map(String::as_str)
                    .filter(starts)
                    .collect(),
            ),
            Action::Builtin => owned(builtin_names().filter(starts).collect()),
            Action::Enabled | Action::Disabled => owned(
                builtin_names()
                    .filter(starts)
                    .filter(|n| self.disabled_builtins.contains(*n) == (source == Action::Disabled))
                    .collect(),
            ),
            Action::Keyword => owned(KEYWORDS.iter().copied().filter(starts).collect()),
            Action::Function => {
                let mut names: Vec<&str> = self
                    .functions
                    .keys()
                    .map(String::as_str)
                    .filter(starts)
                    .collect();
                names.sort();
                owned(names)
            }
            Action::Variable | Action::Export => owned(
                self.sorted_variables()
                    .into_iter()
                    .filter(|(_, v)| source == Action::Variable || v.exported)
                    .map(|(name, _)| name.as_str())
                    .filter(starts)
                    .collect(),
            ),
            Action::File | Action::Directory => {
                self.file_candidates(word, source == Action::Directory)
            }
            Action::Command => {
                let mut names = self.candidates(Action::Alias, word);
                names.extend(self.candidates(Action::Keyword, word));
                names.extend(self.candidates(Action::Function, word));
                names.extend(self.candidates(Action::Enabled, word));
                names.extend(self.programs_in_path(word));
                names
            }
            Action::ArrayVar => owned(
                self.sorted_variables()
                    .into_iter()
                    .filter(|(_, v)| matches!(v.value, Value::Indexed(_) | Value::Associative(_)))
                    .map(|(name, _)| name.as_str())
                    .filter(starts)
                    .collect(),
            ),
            Action::HelpTopic => owned(builtin_names().filter(starts).collect()),
            // In the files' order, as bash's getpwent and getgrent give them.
            Action::User => self.account_names("/etc/passwd", word),
            Action::Group => self.account_names("/etc/group", word),
            Action::Hostname => self
                .host_names
                .names
                .iter()
                .filter(|name| name.starts_with(word))
                .cloned()
                .collect(),
            Action::Service => self.service_names(word),
            Action::SetOpt => owned(
                super::options::NAMES
                    .iter()
                    .map(|(name, _)| *name)
                    .filter(starts)
                    .collect(),
            ),
            Action::ShOpt => owned(super::shopt::NAMES.into_iter().filter(starts).collect()),
            Action::Signal => std::iter::once("EXIT".to_string())
                .chain(SIGNALS.iter().map(|(_, name, _)| format!("SIG{name}")))
                .filter(|name| name.starts_with(word))
                .collect(),
            Action::Job | Action::Running | Action::Stopped => self.jobs.with(|jobs| {
                jobs.iter()
                    .filter(|job| match source {
                        Action::Running => self.jobs.state(&self.kernel, job) == JobState::Running,
                        Action::Stopped => self.jobs.state(&self.kernel, job) == JobState::Stopped,
                        _ => true,
                    })
                    .filter_map(|job| job.command.split_whitespace().next())
                    .filter(starts)
                    .map(String::from)
                    .collect()
            }),
        }
    }

    /// The first fields of `/etc/passwd` or `/etc/group` that start with `word`.
    fn account_names(&self, path: &str, word: &str) -> Vec<String> {
        let Ok(table) = self.read_whole_file(path) else {
            return Vec::new();
        };
        String::from_utf8_lossy(&table)
            .lines()
            .filter_map(|line| line.split(':').next())
            .filter(|name| !name.is_empty() && name.starts_with(word))
            .map(String::from)
            .collect()
    }

    /// Reads the hosts file (`$HOSTFILE`, else `/etc/hosts`) unless read since `HOSTFILE`
    /// was last set. As in bash, setting `HOSTFILE` adds the new file's names to the
    /// ones known (only unsetting it forgets them), and a file that gives no names
    /// leaves the list to be read again next time.
    pub(super) fn read_host_names(&mut self) {
        if self.host_names.read {
            return;
        }
        let path = self.variable("HOSTFILE");
        let path = path.as_deref().unwrap_or("/etc/hosts");
        if let Ok(table) = self.read_whole_file(path) {
            let names = hosts_file_names(&String::from_utf8_lossy(&table));
            self.host_names.names.extend(names);
        }
        self.host_names.read = !self.host_names.names.is_empty();
    }

    /// The service names of `/etc/services` (a name, or the alias) that start with
    /// `word`, entry by entry as bash's `getservent` loop finds them.
    fn service_names(&self, word: &str) -> Vec<String> {
        let Ok(table) = self.read_whole_file("/etc/services") else {
            return Vec::new();
        };
        let text = String::from_utf8_lossy(&table);
        text.lines()
            .filter_map(|line| {
                let line = line.split('#').next().unwrap_or_default();
                let mut fields = line.split_whitespace();
                let name = fields.next()?;
                let _port = fields.next()?;
                if name.starts_with(word) {
                    return Some(name.to_string());
                }
                fields
                    .find(|alias| alias.starts_with(word))
                    .map(String::from)
            })
            .collect()
    }

    /// The names in the prefix's directory that start with its last part, as
    /// readline's filename completion finds them (`.` and `..` only for a prefix).
    fn file_candidates(&self, word: &str, directories_only: bool) -> Vec<String> {
        let (shown_dir, start) = match word.rfind('/') {
            Some(slash) => (&word[..=slash], &word[slash + 1..]),
            None => ("", word),
        };
        let cwd = self.cwd.clone();
        let dir = match shown_dir {
            "" => cwd,
            d if d.starts_with('/') => d.to_string(),
            d => format!("{cwd}/{d}"),
        };
        let Ok(entries) = self.namespace.read_dir(&dir) else {
            return Vec::new();
        };
        let dots = [".", ".."].into_iter().filter(|_| !start.is_empty());
        let mut names: Vec<String> = entries
            .into_iter()
            .map(|entry| entry.name)
            .chain(dots.map(String::from))
            .filter(|name| name.starts_with(start))
            .filter(|name| {
                !directories_only
                    || self
                        .namespace
                        .stat(&format!("{dir}/{name}"), true)
                        .is_ok_and(|m| m.file_type == wasmix_kernel::fs::FileType::Directory)
            })
            .map(|name| format!("{shown_dir}{name}"))
            .collect();
        names.sort();
        names
    }

    fn programs_in_path(&self, word: &str) -> Vec<String> {
        let path = self.variable("PATH").unwrap_or_default();
        let mut names = Vec::new();
        for dir in path.split(':').filter(|d| d.starts_with('/')) {
            let Ok(entries) = self.namespace.read_dir(dir) else {
                continue;
            };
            let mut found: Vec<String> = entries
                .into_iter()
                .map(|entry| entry.name)
                .filter(|name| name.starts_with(word))
                .collect();
            found.sort();
            names.extend(found);
        }
        names
    }
}

fn builtin_names() -> impl Iterator<Item = &'static str> {
    let mut names: Vec<&str> = BUILTINS.iter().map(|(name, ..)| *name).collect();
    names.sort();
    names.into_iter()
}

/// `&` in a `-X` pattern stands for the word being completed (`\\&` for itself).
fn with_word_for_ampersands(pattern: &str, word: &str) -> String {
    let mut out = String::new();
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('&') => out.push('&'),
                Some(next) => {
                    out.push('\\');
                    out.push(next);
                }
                None => out.push('\\'),
            },
            '&' => out.push_str(word),
            c => out.push(c),
        }
    }
    out
}

/// The words of a `-W` list, split as bash's `split_at_delims` does: at unquoted
/// characters of `$IFS` (runs of its blanks count once), with quotes, backslashes and
/// `$(...)`, `${...}` and backquotes kept whole for the expansion that follows.
fn split_at_delimiters(text: &str, delimiters: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    // Open quotes and brackets, innermost last.
    let mut open: Vec<char> = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let inside = open.last().copied();
        match (inside, c) {
            (Some('\''), '\'') => {
                open.pop();
            }
            (Some('\''), _) => {}
            (_, '\\') => {
                current.push(c);
                if let Some(next) = chars.next() {
                    current.push(next);
                }
                continue;
            }
            (Some('"'), '"') | (Some('`'), '`') | (Some('('), ')') | (Some('{'), '}') => {
                open.pop();
            }
            (Some('"'), '$') | (None | Some('(' | '{'), '$') => {
                if let Some(&next @ ('(' | '{')) = chars.peek() {
                    current.push(c);
                    current.push(next);
                    chars.next();
                    open.push(next);
                    continue;
                }
            }
            (Some('"'), _) => {}
            (_, '\'' | '"' | '`') => open.push(c),
            (Some('('), '(') => open.push('('),
            (None, c) if delimiters.contains(c) => {
                if !current.is_empty() || !c.is_whitespace() {
                    words.push(std::mem::take(&mut current));
                }
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    if !current.is_empty() {
        words.push(current);
    }
    words.retain(|w| !w.is_empty());
    words
}

/// The names `compgen -A hostname` completes, kept between completions as bash keeps them.
#[derive(Clone, Default)]
pub(super) struct HostNames {
    pub names: Vec<String>,
    /// Whether the file has been read since `HOSTFILE` was last set.
    pub read: bool,
}

/// The names of a hosts file, in its order, as bash's `snarf_hosts` reads them: after
/// the address (a first field starting with a digit, so `::1` counts as a name, as
/// there), up to a `#`.
fn hosts_file_names(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for line in text.lines() {
        let mut fields = line.split_whitespace().peekable();
        if fields
            .peek()
            .is_some_and(|f| f.starts_with(|c: char| c.is_ascii_digit()))
        {
            fields.next();
        }
        names.extend(fields.take_while(|f| !f.starts_with('#')).map(String::from));
    }
    names
}
