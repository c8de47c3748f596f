//! Pathname expansion: the names of the namespace a pattern matches, with the `shopt`
//! options that change it (dotglob, nocaseglob, globstar) and `GLOBIGNORE`.

use super::Shell;

impl Shell {
    /// The sorted paths `pattern` matches; empty when none does.
    pub(super) fn glob(&self, pattern: &str) -> Vec<String> {
        let pattern = &slashes_unescaped(pattern);
        let mut options = self.shell_options;
        // `GLOBIGNORE=pattern:...` drops the matches of its patterns, and lets globs match
        // names that start with a dot, as bash does.
        let ignored = self.variable("GLOBIGNORE").filter(|v| !v.is_empty());
        if ignored.is_some() {
            options.dotglob = true;
        }
        let walk = Walk {
            shell: self,
            options,
        };
        let mut names = walk.filename(pattern, 0).unwrap_or_default();
        names.retain(|name| !name.is_empty());
        // Sorted but not deduplicated: `**/a/**` names `a/a` twice in bash too.
        names.sort();
        if let Some(ignored) = ignored {
            // `.` and `..` never, whatever the patterns say.
            let patterns = split_patterns(&ignored);
            names.retain(|name| {
                let last = name.trim_end_matches('/').rsplit('/').next();
                !matches!(last, Some("." | "..")) && !patterns.iter().any(|p| matches_path(p, name))
            });
        }
        names
    }
}

// How a directory is read, as bash's glob.c flags say it.
/// `**`: every name below, at any depth.
const ALL_DIRS: u32 = 1;
/// With ALL_DIRS: the directory itself too.
const ADD_CURRENT_DIR: u32 = 2;
/// No directory was written before the pattern (it reads `.`, names come out bare).
const NULL_DIR: u32 = 4;
/// Globbing the directory part of a longer pattern.
const RECURSE: u32 = 8;

/// The directory could not be read (bash's `glob_error_return`): its names are skipped.
struct Unreadable;

/// Pathname expansion as bash's `glob_filename` does it, so that repeated and trailing
/// `**` give bash's matches: the pattern's directory part is globbed first, each
/// directory found is then searched for the last component, and the results are
/// joined without removing repeats.
struct Walk<'a> {
    shell: &'a Shell,
    options: super::shopt::ShellOptions,
}

impl Walk<'_> {
    fn filename(&self, pathname: &str, flags: u32) -> Result<Vec<String>, Unreadable> {
        let globstar = self.options.globstar;
        let (directory, filename) = match last_slash(pathname, self.options.extglob) {
            Some(at) => (&pathname[..=at], &pathname[at + 1..]),
            None => ("", pathname),
        };
        let directory_glob = glob_kind(directory);
        if !directory.is_empty() && directory_glob == Glob::Pattern {
            let mut d = directory;
            let mut child_flags = flags;
            let mut all_starstar = false;
            // A leading run of `**/` is one `**`.
            if globstar && d.starts_with("**/") {
                let mut rest = d;
                let mut last = d;
                while rest.starts_with("**/") {
                    last = rest;
                    rest = rest[3..].trim_start_matches('/');
                }
                all_starstar = rest.is_empty();
                d = last;
                child_flags |= ALL_DIRS | ADD_CURRENT_DIR;
            }
            // So is a trailing run of `/**/`; dropped when the filename is `**` too.
            let mut length = d.len();
            if globstar && !all_starstar {
                let (mut at, mut previous) = (length, length);
                while at >= 4 && d[..at].ends_with("/**/") {
                    previous = at;
                    at -= 3;
                }
                if at != length && length > 4 && previous > 4 && filename == "**" {
                    length = previous - 3;
                } else {
                    length = previous;
                }
            }
            let d = d[..length].strip_suffix('/').unwrap_or(&d[..length]);
            let directories = self.filename(d, child_flags | RECURSE)?;
            if directories.is_empty() {
                return Err(Unreadable);
            }
            if all_starstar && filename == "**" {
                return self.in_directory("", Glob::Literal, filename, flags);
            }
            let mut result = Vec::new();
            for name in &directories {
                let mut read_flags = flags & !(ALL_DIRS | ADD_CURRENT_DIR);
                if globstar && filename == "**" {
                    read_flags |= ALL_DIRS | ADD_CURRENT_DIR;
                }
                let mut at = name.as_str();
                if at.is_empty() && !filename.is_empty() {
                    read_flags |= NULL_DIR;
                    at = ".";
                }
                // A symbolic link to a directory is not followed by `**/**`.
                let found = if all_starstar
                    && read_flags & NULL_DIR == 0
                    && self.test_dir(at, ALL_DIRS) == Dir::Link
                    && self.test_dir(at, 0) == Dir::Yes
                {
                    if !filename.is_empty() {
                        continue;
                    }
                    Ok(vec![String::new()])
                } else {
                    self.vector(filename, at, read_flags)
                };
                let Ok(mut found) = found else { continue };
                let mut stop = false;
                if read_flags & ALL_DIRS != 0 && filename == "**" {
                    // `**` at the top already searched everything below: once is enough.
                    if read_flags & NULL_DIR != 0
                        && flags & NULL_DIR == 0
                        && found.first().is_some_and(String::is_empty)
                    {
                        let placeholders = found.iter().take_while(|n| n.is_empty()).count();
                        found.drain(..placeholders);
                        stop = true;
                    }
                } else {
                    found = joined(name, found);
                }
                result.extend(found);
                if stop {
                    break;
                }
            }
            return Ok(result);
        }
        self.in_directory(directory, directory_glob, filename, flags)
    }

    /// The matches of `filename` in a directory written without a pattern (or none).
    fn in_directory(
        &self,
        directory: &str,
        directory_glob: Glob,
        filename: &str,
        flags: u32,
    ) -> Result<Vec<String>, Unreadable> {
        if filename.is_empty() {
            if directory_glob == Glob::Quoted {
                let name = unescaped(directory);
                if flags & RECURSE == 0 && self.test_dir(&name, 0) != Dir::Yes {
                    return Err(Unreadable);
                }
                return Ok(vec![name]);
            }
            return Ok(vec![directory.to_string()]);
        }
        let directory = unescaped(directory);
        let mut read_flags = flags;
        if directory.is_empty() {
            read_flags |= NULL_DIR;
        }
        if self.options.globstar && filename == "**" {
            read_flags |= ALL_DIRS | ADD_CURRENT_DIR;
            if directory.is_empty() && flags & ALL_DIRS == 0 {
                read_flags &= !ADD_CURRENT_DIR;
            }
        }
        let at = if directory.is_empty() {
            "."
        } else {
            &directory
        };
        let found = self.vector(filename, at, read_flags)?;
        Ok(match read_flags & ALL_DIRS {
            0 => joined(&directory, found),
            _ => found,
        })
    }

    /// The names in `directory` that `pattern` matches (bash's `glob_vector`); under
    /// ALL_DIRS, every path below it instead.
    fn vector(
        &self,
        pattern: &str,
        directory: &str,
        flags: u32,
    ) -> Result<Vec<String>, Unreadable> {
        if pattern.is_empty() {
            return match self.test_dir(directory, 0) {
                Dir::Yes => Ok(vec![String::new()]),
                _ => Err(Unreadable),
            };
        }
        if glob_kind(pattern) != Glob::Pattern {
            if self.test_dir(directory, 0) != Dir::Yes {
                return Err(Unreadable);
            }
            // A name with nothing to match need only exist (`lstat`), as in bash.
            let name = unescaped(pattern);
            let path = self.path(&format!("{}/{name}", directory.trim_end_matches('/')));
            let exists = self.shell.namespace.stat(&path, false).is_ok();
            return Ok(if exists { vec![name] } else { Vec::new() });
        }
        let entries = self
            .shell
            .namespace
            .read_dir(&self.path(directory))
            .map_err(|_| Unreadable)?;
        let options = &self.options;
        let matcher = super::pattern::Pattern::new(pattern, true).ignoring_case(options.nocaseglob);
        let skipped = |name: &str| {
            name.starts_with('.')
                && matcher.skips_dot_name(name, options.dotglob, options.globskipdots)
        };
        let mut found = Vec::new();
        // bash's readdir gives `.` and `..` too: names to match when not skipped.
        let dots =
            [".", ".."].map(|name| (name.to_string(), wasmix_kernel::fs::FileType::Directory));
        let listed = entries
            .into_iter()
            .map(|entry| (entry.name, entry.file_type));
        for (name, file_type) in dots.into_iter().chain(listed) {
            if skipped(&name) {
                continue;
            }
            if flags & ALL_DIRS != 0 {
                let path = match directory {
                    "." if flags & NULL_DIR != 0 => name,
                    _ if directory.ends_with('/') => format!("{directory}{name}"),
                    _ => format!("{directory}/{name}"),
                };
                if file_type == wasmix_kernel::fs::FileType::Directory
                    && let Ok(below) = self.vector(pattern, &path, flags & !ADD_CURRENT_DIR)
                {
                    found.extend(below);
                }
                found.push(path);
            } else if matcher.matches_name(&name, options.dotglob) {
                found.push(name);
            }
        }
        if flags & ALL_DIRS != 0 && flags & ADD_CURRENT_DIR != 0 {
            let current = match flags & NULL_DIR {
                0 => directory.to_string(),
                _ => String::new(),
            };
            found.insert(0, current);
        }
        Ok(found)
    }

    /// Whether `name` is a directory (bash's `glob_testdir`): under ALL_DIRS a symbolic
    /// link is not followed.
    fn test_dir(&self, name: &str, flags: u32) -> Dir {
        let follow = flags & ALL_DIRS == 0;
        match self.shell.namespace.stat(&self.path(name), follow) {
            Ok(m) if m.file_type == wasmix_kernel::fs::FileType::Symlink => Dir::Link,
            Ok(m) if m.is_dir() => Dir::Yes,
            _ => Dir::No,
        }
    }

    /// Where a name relative to the shell's directory is in the namespace.
    fn path(&self, name: &str) -> String {
        if name.starts_with('/') {
            return name.to_string();
        }
        format!("{}/{name}", self.shell.cwd.trim_end_matches('/'))
    }
}

#[derive(PartialEq)]
enum Dir {
    Yes,
    No,
    Link,
}

/// What bash's `glob_pattern_p` says of some text.
#[derive(Clone, Copy, PartialEq)]
enum Glob {
    Literal,
    /// Backslash-quoted characters but nothing to match.
    Quoted,
    Pattern,
}

fn glob_kind(text: &str) -> Glob {
    if super::pattern::is_pattern(text) {
        Glob::Pattern
    } else if text.contains('\\') {
        Glob::Quoted
    } else {
        Glob::Literal
    }
}

/// Each name after `directory` (bash's `glob_dir_to_array`): an empty name stands for
/// the directory, which then ends in a slash.
fn joined(directory: &str, names: Vec<String>) -> Vec<String> {
    if directory.is_empty() {
        return names;
    }
    let slash = if directory.ends_with('/') { "" } else { "/" };
    names
        .into_iter()
        .map(|name| format!("{directory}{slash}{name}"))
        .collect()
}

/// The last `/` of a pattern, not counting those inside an extglob group (`@(a/b)`).
fn last_slash(pattern: &str, extglob: bool) -> Option<usize> {
    let bytes = pattern.as_bytes();
    let (mut depth, mut last, mut at) = (0usize, None, 0);
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 1,
            b'?' | b'*' | b'+' | b'@' | b'!' if extglob && bytes.get(at + 1) == Some(&b'(') => {
                depth += 1;
                at += 1;
            }
            b')' if depth > 0 => depth -= 1,
            b'/' if depth == 0 => last = Some(at),
            _ => {}
        }
        at += 1;
    }
    last
}

/// `GLOBIGNORE`'s patterns: split at its colons, but for those inside a bracket
/// expression (`[[:alnum:]]*`) or after a backslash.
/// A pattern component without its escaping backslashes.
/// A quoted `/` (`"$dir"/*` is `\/\t\m\p/*`) still separates components: the escape
/// only keeps it from closing a bracket expression, which never spans components.
fn slashes_unescaped(pattern: &str) -> std::borrow::Cow<'_, str> {
    if !pattern.contains("\\/") {
        return std::borrow::Cow::Borrowed(pattern);
    }
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('/') => out.push('/'),
            Some(escaped) => {
                out.push('\\');
                out.push(escaped);
            }
            None => out.push('\\'),
        }
    }
    std::borrow::Cow::Owned(out)
}

fn unescaped(component: &str) -> String {
    let mut name = String::with_capacity(component.len());
    let mut chars = component.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => name.extend(chars.next()),
            c => name.push(c),
        }
    }
    name
}

fn split_patterns(list: &str) -> Vec<&str> {
    let bytes = list.as_bytes();
    let mut patterns = Vec::new();
    let (mut start, mut at) = (0, 0);
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 1,
            b'[' => {
                if let Some(end) = super::pattern::bracket_end(list, at) {
                    at = end;
                }
            }
            b':' => {
                patterns.push(&list[start..at]);
                start = at + 1;
            }
            _ => {}
        }
        at += 1;
    }
    patterns.push(&list[start..]);
    patterns.retain(|p| !p.is_empty());
    patterns
}

/// Whether a path matches a pattern component by component (`*` does not match `/`).
fn matches_path(pattern: &str, path: &str) -> bool {
    let patterns: Vec<&str> = pattern.split('/').collect();
    let names: Vec<&str> = path.split('/').collect();
    patterns.len() == names.len()
        && patterns
            .iter()
            .zip(&names)
            .all(|(p, n)| super::pattern::Pattern::new(p, true).matches(n))
}
