//! What a name runs as: `type`, and `command`, which runs a builtin or program while
//! skipping functions and aliases (or with `-v`/`-V` tells what the name is).

use super::builtin::deliver_before_error;
use super::exec::Stage;
use super::print::function_text;
use super::table::KEYWORDS;
use super::{DEFAULT_PATH, Flow, Shell};
use wasmix_kernel::file::{Output, Stdio};
use wasmix_kernel::fs::namespace::{absolute, normalize};

/// One thing a name can run.
enum Kind {
    Alias(String),
    Keyword,
    /// The function's text as bash prints it.
    Function(String),
    Builtin,
    File(String),
    /// A program the shell remembered where it found (`hash`).
    Hashed(String),
}

/// How `type` and `command` describe what they find.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    /// `NAME is a shell builtin`
    Sentence,
    /// `-t`: `builtin`
    Word,
    /// `-p`, `-P`: the file's path, nothing for the others.
    Path,
    /// `command -v`: the name, the path, or the alias as a command.
    Short,
}

/// What `type` or `command` is asked: how to describe a name, whether every kind of it
/// (`-a`), whether functions count (not with `-f`), only files (`-P`).
#[derive(Clone, Copy)]
struct Query {
    style: Style,
    all: bool,
    functions: bool,
    path_only: bool,
}

/// What `describe_names` lists, and whether any name was missing or found.
struct Description {
    text: String,
    missing: bool,
    found: bool,
}

impl Shell {
    /// Everything `name` could run, in the order the shell looks.
    fn kinds(&self, name: &str, functions: bool, path_only: bool, all: bool) -> Vec<Kind> {
        let mut kinds = Vec::new();
        if !path_only {
            // Aliases that would not be expanded are not what the name runs.
            if let Some(value) = self
                .aliases
                .get(name)
                .filter(|_| self.shell_options.expand_aliases)
            {
                kinds.push(Kind::Alias(value.clone()));
            }
            if KEYWORDS.contains(&name) {
                kinds.push(Kind::Keyword);
            }
            if let Some(body) = self.functions.get(name).filter(|_| functions) {
                kinds.push(Kind::Function(function_text(name, body)));
            }
            if self.find_builtin(name).is_some() {
                kinds.push(Kind::Builtin);
            }
        }
        // A name with a slash is shown as written, when it is a file that would run;
        // any other, as each directory of $PATH that has it (`type -a` shows them all).
        if name.contains('/') {
            if self.find_command(name).is_some_and(|p| self.runnable(&p)) {
                kinds.push(Kind::File(name.to_string()));
            }
            return kinds;
        }
        // As bash: unless all are asked for (`-a`), a remembered program is where it
        // was found, whatever is there now.
        if (!all || path_only)
            && let Some(path) = self.hashed_path(name)
        {
            kinds.push(Kind::Hashed(path));
            return kinds;
        }
        kinds.extend(
            self.in_path(name, |path| self.runnable(path))
                .map(Kind::File),
        );
        kinds
    }

    /// The files named `name` in the directories of $PATH that `wanted` accepts, each as
    /// the directory is spelled there (`_tmp/date`), as bash shows them.
    fn in_path<'a>(
        &'a self,
        name: &'a str,
        wanted: impl Fn(&str) -> bool + 'a,
    ) -> impl Iterator<Item = String> + 'a {
        let search = self.variable("PATH").unwrap_or_default();
        let dirs: Vec<String> = search.split(':').map(str::to_string).collect();
        dirs.into_iter().filter_map(move |dir| {
            let dir = if dir.is_empty() { "." } else { dir.as_str() };
            let candidate = format!("{}/{name}", dir.trim_end_matches('/'));
            wanted(&normalize(&absolute(&self.cwd, &candidate))).then_some(candidate)
        })
    }

    /// A file the shell would start: not a directory, and executable (a WebAssembly
    /// module runs whatever its mode, as under `wasmtime run`).
    fn runnable(&self, path: &str) -> bool {
        self.namespace
            .stat(path, true)
            .is_ok_and(|meta| !meta.is_dir() && (meta.mode & 0o111 != 0 || path.ends_with(".wasm")))
    }

    fn describe(name: &str, kind: &Kind, style: Style) -> Option<String> {
        Some(match (style, kind) {
            (Style::Sentence, Kind::Alias(value)) => format!("{name} is aliased to `{value}'"),
            (Style::Sentence, Kind::Keyword) => format!("{name} is a shell keyword"),
            (Style::Sentence, Kind::Function(text)) => format!("{name} is a function\n{text}"),
            (Style::Sentence, Kind::Builtin) => format!("{name} is a shell builtin"),
            (Style::Sentence, Kind::File(path)) => format!("{name} is {path}"),
            (Style::Sentence, Kind::Hashed(path)) => format!("{name} is hashed ({path})"),
            (Style::Word, Kind::Alias(_)) => "alias".into(),
            (Style::Word, Kind::Keyword) => "keyword".into(),
            (Style::Word, Kind::Function(_)) => "function".into(),
            (Style::Word, Kind::Builtin) => "builtin".into(),
            (Style::Word, Kind::File(_) | Kind::Hashed(_)) => "file".into(),
            (Style::Path | Style::Short, Kind::File(path) | Kind::Hashed(path)) => path.clone(),
            (Style::Path, _) => return None,
            (Style::Short, Kind::Alias(value)) => format!("alias {name}='{value}'"),
            (Style::Short, _) => name.to_string(),
        })
    }

    /// `type [-afptP] NAME...`.
    pub(super) fn type_builtin(&mut self, args: &[String], stdout: &Output) -> (u8, String) {
        let mut query = Query {
            style: Style::Sentence,
            all: false,
            functions: true,
            path_only: false,
        };
        let mut names = Vec::new();
        for arg in args {
            match arg.strip_prefix('-') {
                Some(flags) if names.is_empty() && !flags.is_empty() => {
                    for flag in flags.chars() {
                        match flag {
                            'a' => query.all = true,
                            'f' => query.functions = false,
                            't' => query.style = Style::Word,
                            'p' => query.style = Style::Path,
                            'P' => {
                                query.style = Style::Path;
                                query.path_only = true;
                            }
                            other => {
                                self.report(&format!("type: -{other}: invalid option"));
                                self.say("type: usage: type [-afptP] name [name ...]".into());
                                return (2, String::new());
                            }
                        }
                    }
                }
                _ => names.push(arg.clone()),
            }
        }
        let listing = self.describe_names("type", &names, &query, stdout);
        (u8::from(listing.missing), listing.text)
    }

    /// What `type` (or `command -v`/`-V`, named by `builtin`) says of each name. Errors
    /// are reported as they are met, after what was listed before them.
    fn describe_names(
        &mut self,
        builtin: &str,
        names: &[String],
        query: &Query,
        stdout: &Output,
    ) -> Description {
        let Query {
            style,
            all,
            functions,
            path_only,
        } = *query;
        let mut text = String::new();
        let mut missing = false;
        let mut found = false;
        for name in names {
            let mut kinds = self.kinds(name, functions, path_only, all);
            // bash counts a look in its table as a hit.
            if let Some(Kind::Hashed(_)) = kinds.first() {
                self.count_hashed_hit(name);
            }
            // With no executable one, bash names the first file of the name in $PATH.
            if !all && !name.contains('/') && !kinds.iter().any(|k| matches!(k, Kind::File(_))) {
                let is_file =
                    |path: &str| self.namespace.stat(path, true).is_ok_and(|m| !m.is_dir());
                kinds.extend(self.in_path(name, is_file).next().map(Kind::File));
            }
            if kinds.is_empty() {
                if style == Style::Sentence {
                    deliver_before_error(&mut text, stdout);
                    self.report(&format!("{builtin}: {name}: not found"));
                }
                missing = true;
                continue;
            }
            found = true;
            let shown = if all { &kinds[..] } else { &kinds[..1] };
            for kind in shown {
                if let Some(line) = Self::describe(name, kind, style) {
                    text.push_str(&line);
                    text.push('\n');
                }
            }
        }
        Description {
            text,
            missing,
            found,
        }
    }

    /// `command [-pvV] NAME [ARGS]`.
    pub(super) async fn command_builtin(
        &mut self,
        argv: &[String],
        stdio: Stdio,
        alone: bool,
    ) -> Result<Stage, Flow> {
        let mut args = &argv[1..];
        let mut style = None;
        let mut default_path = false;
        while let Some(flag) = args.first() {
            if flag == "--" {
                args = &args[1..];
                break;
            }
            let Some(letters) = flag.strip_prefix('-').filter(|l| !l.is_empty()) else {
                break;
            };
            if !letters.chars().all(|c| "pvV".contains(c)) {
                break;
            }
            for letter in letters.chars() {
                match letter {
                    'v' => style = Some(Style::Short),
                    'V' => style = Some(Style::Sentence),
                    _ => default_path = true,
                }
            }
            args = &args[1..];
        }
        if let Some(style) = style {
            // `-p`: looked up in the default PATH, as the shell's own PATH for the call.
            let saved =
                default_path.then(|| ("PATH".to_string(), self.raw_variable("PATH").cloned()));
            if default_path {
                self.set_variable("PATH", DEFAULT_PATH, false);
            }
            // Unlike `type`, success when any name was found (or none was asked for).
            let query = Query {
                style,
                all: false,
                functions: true,
                path_only: false,
            };
            let listing = self.describe_names("command", args, &query, &stdio.stdout);
            self.restore_variables(saved.into_iter().collect());
            let status = u8::from(!listing.found && !args.is_empty());
            return self.finish(argv, status, listing.text, stdio).await;
        }
        let Some(name) = args.first() else {
            return Ok(Stage::Done(0));
        };
        if let Some(builtin) = self.find_builtin(name) {
            return Box::pin(self.run_builtin(builtin, args, stdio, alone)).await;
        }
        if default_path && !name.contains('/') {
            // `-p`: found in the default PATH, whatever $PATH says.
            let cwd = self.cwd.clone();
            let found =
                wasmix_kernel::kernel::find_program(&self.namespace, name, DEFAULT_PATH, &cwd);
            let Some(path) = found else {
                self.report(&format!("{name}: command not found"));
                return Ok(Stage::Done(127));
            };
            let mut argv = args.to_vec();
            argv[0] = path;
            return Ok(self.spawn_program_named(
                argv,
                Some(name.clone()),
                super::exec::Environment::Shell(Vec::new()),
                stdio,
            ));
        }
        Ok(self.spawn_program(args.to_vec(), Vec::new(), stdio))
    }
}
