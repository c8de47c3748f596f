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
        let cwd = self.cwd.clone();
        let absolute = pattern.starts_with('/');
        // `dir*/` matches directories only, and each match keeps the slash.
        let directories_only = pattern.ends_with('/');
        // (what is shown, where it is in the namespace)
        let mut found = vec![(String::new(), if absolute { "/".to_string() } else { cwd })];
        let mut components: Vec<&str> = pattern.split('/').filter(|c| !c.is_empty()).collect();
        // Leading `**/**` matches what `**` does (each name once), as in bash.
        let leading = components.iter().take_while(|c| **c == "**").count();
        if options.globstar && leading > 1 {
            components.drain(..leading - 1);
        }
        let join = |shown: &str, name: &str| match (shown.is_empty(), absolute) {
            (true, true) => format!("/{name}"),
            (true, false) => name.to_string(),
            _ => format!("{shown}/{name}"),
        };
        for (index, component) in components.iter().enumerate() {
            let last = index + 1 == components.len();
            let mut next = Vec::new();
            if options.globstar && *component == "**" {
                // Any depth of directories, this one included (and, last, any file).
                let mut pending = found.clone();
                if !last || directories_only {
                    next.extend(found.iter().cloned());
                } else {
                    // Last, `dir/**` matches `dir/` itself too, as in bash.
                    next.extend(
                        found
                            .iter()
                            .filter(|(shown, _)| !shown.is_empty())
                            .map(|(shown, at)| (format!("{shown}/"), at.clone())),
                    );
                }
                while let Some((shown, at)) = pending.pop() {
                    let Ok(entries) = self.namespace.read_dir(&at) else {
                        continue;
                    };
                    for entry in entries {
                        if entry.name.starts_with('.') && !options.dotglob {
                            continue;
                        }
                        let is_dir = entry.file_type == wasmix_kernel::fs::FileType::Directory;
                        let item = (
                            join(&shown, &entry.name),
                            format!("{}/{}", at.trim_end_matches('/'), entry.name),
                        );
                        if is_dir {
                            pending.push(item.clone());
                        }
                        if is_dir || (last && !directories_only) {
                            next.push(item);
                        }
                    }
                }
                found = next;
                continue;
            }
            // A component with nothing to match (`.`, `..`, `a\*b`) is taken as it is, as
            // glibc takes it: it need only exist.
            if !super::pattern::is_pattern(component) {
                let name = unescaped(component);
                for (shown, at) in &found {
                    let path = format!("{}/{name}", at.trim_end_matches('/'));
                    let fits = if last && !directories_only {
                        self.namespace.stat(&path, false).is_ok()
                    } else {
                        self.namespace.stat(&path, true).is_ok_and(|m| m.is_dir())
                    };
                    if fits {
                        next.push((join(shown, &name), path));
                    }
                }
                found = next;
                continue;
            }
            let matcher =
                super::pattern::Pattern::new(component, true).ignoring_case(options.nocaseglob);
            let fits = |name: &str| {
                !(name.starts_with('.')
                    && matcher.skips_dot_name(name, options.dotglob, options.globskipdots))
                    && matcher.matches_name(name, options.dotglob)
            };
            for (shown, at) in &found {
                let Ok(entries) = self.namespace.read_dir(at) else {
                    continue;
                };
                // The directory listing has no `.` and `..`, which bash's readdir gives
                // it: with `shopt -u globskipdots`, they are names to match too.
                if !options.globskipdots {
                    for special in [".", ".."] {
                        if fits(special) {
                            next.push((
                                join(shown, special),
                                format!("{}/{special}", at.trim_end_matches('/')),
                            ));
                        }
                    }
                }
                for entry in entries {
                    let is_dir = entry.file_type == wasmix_kernel::fs::FileType::Directory;
                    if entry.name != "."
                        && entry.name != ".."
                        && fits(&entry.name)
                        && ((last && !directories_only) || is_dir)
                    {
                        next.push((
                            join(shown, &entry.name),
                            format!("{}/{}", at.trim_end_matches('/'), entry.name),
                        ));
                    }
                }
            }
            found = next;
        }
        let slash = if directories_only { "/" } else { "" };
        let mut names: Vec<String> = found
            .into_iter()
            .filter(|(shown, _)| !shown.is_empty())
            .map(|(shown, _)| format!("{shown}{slash}"))
            .collect();
        names.sort();
        names.dedup();
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
