//! `compgen`: the words a completion would offer for a prefix, one per line, from the
//! sources bash names by flag (`-W` words, `-f` files, `-c` commands, `-v` variables…).

use super::Shell;
use super::pattern::Pattern;
use super::table::{BUILTINS, KEYWORDS};
use brush_parser::ast::Word;

/// Where candidates come from (`-A ACTION` or its one-letter flag).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Source {
    Alias,
    Builtin,
    Command,
    Directory,
    Disabled,
    Enabled,
    Export,
    File,
    Function,
    Keyword,
    Variable,
}

impl Source {
    fn by_flag(flag: char) -> Option<Source> {
        Some(match flag {
            'a' => Source::Alias,
            'b' => Source::Builtin,
            'c' => Source::Command,
            'd' => Source::Directory,
            'e' => Source::Export,
            'f' => Source::File,
            'k' => Source::Keyword,
            'v' => Source::Variable,
            _ => return None,
        })
    }

    fn by_action(name: &str) -> Option<Source> {
        Some(match name {
            "alias" => Source::Alias,
            "builtin" => Source::Builtin,
            "command" => Source::Command,
            "directory" => Source::Directory,
            "disabled" => Source::Disabled,
            "enabled" => Source::Enabled,
            "export" => Source::Export,
            "file" => Source::File,
            "function" => Source::Function,
            "keyword" => Source::Keyword,
            "variable" => Source::Variable,
            _ => return None,
        })
    }
}

const USAGE: &str = "compgen: usage: compgen [-abcdefkv] [-A action] [-G globpat] [-W wordlist] [-X filterpat] [-P prefix] [-S suffix] [word]";

/// What the command line asked for.
#[derive(Default)]
struct Request {
    sources: Vec<Source>,
    words: Option<String>,
    glob: Option<String>,
    filter: Option<String>,
    prefix: String,
    suffix: String,
    word: String,
}

impl Shell {
    pub(super) async fn compgen_builtin(&mut self, args: &[String]) -> (u8, String) {
        let request = match self.compgen_request(args) {
            Ok(request) => request,
            Err(message) => {
                self.report(&message);
                self.report(USAGE);
                return (2, String::new());
            }
        };
        let mut found = Vec::new();
        for source in &request.sources {
            found.extend(self.candidates(*source, &request.word));
        }
        if let Some(pattern) = &request.glob {
            found.extend(self.glob(pattern));
        }
        if let Some(list) = &request.words {
            for raw in shell_words(list) {
                let Ok(words) = self.expand_word(&Word::new(&raw)).await else {
                    continue;
                };
                found.extend(words.into_iter().filter(|w| w.starts_with(&request.word)));
            }
        }
        if let Some(filter) = &request.filter {
            let (keep, pattern) = match filter.strip_prefix('!') {
                Some(pattern) => (true, pattern),
                None => (false, filter.as_str()),
            };
            let pattern = Pattern::new(pattern, false);
            found.retain(|word| pattern.matches(word) == keep);
        }
        let text: String = found
            .iter()
            .map(|word| format!("{}{word}{}\n", request.prefix, request.suffix))
            .collect();
        (u8::from(text.is_empty() && !args.is_empty()), text)
    }

    fn compgen_request(&self, args: &[String]) -> Result<Request, String> {
        let mut request = Request::default();
        let mut rest = args.iter();
        while let Some(arg) = rest.next() {
            if arg == "--" {
                if let Some(word) = rest.next() {
                    request.word = word.clone();
                }
                break;
            }
            let Some(flags) = arg.strip_prefix('-').filter(|f| !f.is_empty()) else {
                request.word = arg.clone();
                break;
            };
            let mut flags = flags.chars();
            while let Some(flag) = flags.next() {
                if let Some(source) = Source::by_flag(flag) {
                    request.sources.push(source);
                    continue;
                }
                if !"AGWXPS".contains(flag) {
                    return Err(format!("compgen: -{flag}: invalid option"));
                }
                let attached: String = flags.by_ref().collect();
                let value = if attached.is_empty() {
                    rest.next()
                        .cloned()
                        .ok_or_else(|| format!("compgen: -{flag}: option requires an argument"))?
                } else {
                    attached
                };
                match flag {
                    'A' => request.sources.push(
                        Source::by_action(&value)
                            .ok_or_else(|| format!("compgen: {value}: invalid action name"))?,
                    ),
                    'G' => request.glob = Some(value),
                    'W' => request.words = Some(value),
                    'X' => request.filter = Some(value),
                    'P' => request.prefix = value,
                    _ => request.suffix = value,
                }
            }
        }
        Ok(request)
    }

    fn candidates(&self, source: Source, word: &str) -> Vec<String> {
        let starts = |name: &&str| name.starts_with(word);
        let owned = |names: Vec<&str>| names.into_iter().map(String::from).collect::<Vec<_>>();
        match source {
            Source::Alias => owned(
                self.aliases
                    .keys()
                    .map(String::as_str)
                    .filter(starts)
                    .collect(),
            ),
            Source::Builtin => owned(builtin_names().filter(starts).collect()),
            Source::Enabled | Source::Disabled => owned(
                builtin_names()
                    .filter(starts)
                    .filter(|n| self.disabled_builtins.contains(*n) == (source == Source::Disabled))
                    .collect(),
            ),
            Source::Keyword => owned(KEYWORDS.iter().copied().filter(starts).collect()),
            Source::Function => {
                let mut names: Vec<&str> = self
                    .functions
                    .keys()
                    .map(String::as_str)
                    .filter(starts)
                    .collect();
                names.sort();
                owned(names)
            }
            Source::Variable | Source::Export => owned(
                self.variables
                    .iter()
                    .filter(|(_, v)| source == Source::Variable || v.exported)
                    .map(|(name, _)| name.as_str())
                    .filter(starts)
                    .collect(),
            ),
            Source::File | Source::Directory => {
                self.file_candidates(word, source == Source::Directory)
            }
            Source::Command => {
                let mut names = self.candidates(Source::Alias, word);
                names.extend(self.candidates(Source::Keyword, word));
                names.extend(self.candidates(Source::Function, word));
                names.extend(self.candidates(Source::Enabled, word));
                names.extend(self.programs_in_path(word));
                names
            }
        }
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

/// The words of a `-W` list as the shell would split them: on unquoted blanks, with
/// quotes and backslashes kept for the expansion that follows.
fn shell_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut quote = None;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (None, ' ' | '\t' | '\n') => {
                if !current.is_empty() {
                    words.push(std::mem::take(&mut current));
                }
                continue;
            }
            (None, '\'' | '"') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (Some('\''), _) => {}
            (_, '\\') => {
                current.push(c);
                if let Some(next) = chars.next() {
                    current.push(next);
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
    words
}
