//! The directory stack: `pushd`, `popd` and `dirs`, as bash keeps it (the working
//! directory is its top; the rest are the directories pushed before).

use super::Shell;
use super::variables::Subscript;
use wasmix_kernel::file::Output;

impl Shell {
    /// The stack as `dirs` shows it: `~` for the home directory unless `long`.
    fn stack_entries(&self, long: bool) -> Vec<String> {
        let cwd = self.cwd.clone();
        let home = self.variable("HOME").unwrap_or_default();
        std::iter::once(cwd)
            .chain(self.directory_stack.iter().rev().cloned())
            .map(|dir| match dir.strip_prefix(home.as_str()) {
                Some(rest)
                    if !long && !home.is_empty() && (rest.is_empty() || rest.starts_with('/')) =>
                {
                    format!("~{rest}")
                }
                _ => dir,
            })
            .collect()
    }

    /// `DIRSTACK`: the stack as `dirs -l` lists it, kept up to date as bash keeps it.
    pub(super) fn publish_directory_stack(&mut self) {
        let entries = self.stack_entries(true);
        let elements = entries.into_iter().map(|dir| (None, dir)).collect();
        let _ = self.assign_array("DIRSTACK", elements, false);
    }

    /// `DIRSTACK[N]=DIR` replaces entry N of the stack below the working directory, as
    /// in bash; another N changes nothing.
    pub(super) fn set_stack_entry(&mut self, subscript: &Subscript, dir: &str) {
        let below = match subscript {
            Subscript::Index(n) => usize::try_from(*n).ok().and_then(|n| n.checked_sub(1)),
            Subscript::Key(_) => None,
        };
        let len = self.directory_stack.len();
        if let Some(at) = below.filter(|&below| below < len) {
            self.directory_stack[len - 1 - at] = dir.to_string();
            self.publish_directory_stack();
        }
    }

    /// The directory `~N`/`~+N` (from the top) or `~-N` (from the bottom) stands for.
    pub(super) fn stack_directory(&self, n: usize, from_bottom: bool) -> Option<String> {
        let entries = self.stack_entries(true);
        let index = match from_bottom {
            true => entries.len().checked_sub(n + 1)?,
            false => n,
        };
        entries.into_iter().nth(index)
    }

    /// `+N` (from the top, 0 being the working directory) or `-N` (from the bottom): an
    /// index into the stack as `dirs` lists it. None when not such a word; an error when
    /// out of range.
    fn stack_index(&self, word: &str) -> Option<Result<usize, String>> {
        let (from_bottom, digits) = match word.as_bytes().first()? {
            b'+' => (false, &word[1..]),
            b'-' => (true, &word[1..]),
            _ => return None,
        };
        let n: usize = digits.parse().ok()?;
        let len = self.directory_stack.len() + 1;
        if self.directory_stack.is_empty() {
            return Some(Err("directory stack empty".into()));
        }
        let index = if from_bottom {
            len.checked_sub(n + 1)
        } else {
            Some(n)
        };
        Some(
            index
                .filter(|i| *i < len)
                .ok_or_else(|| format!("{word}: directory stack index out of range")),
        )
    }

    /// Replaces the stack by `entries` (the working directory first), going to the first
    /// unless `stay`.
    fn set_stack(&mut self, builtin: &str, mut entries: Vec<String>, stay: bool) -> u8 {
        if !stay {
            let cd = [builtin.to_string(), entries[0].clone()];
            if self.change_directory(&cd, Output::Null) != 0 {
                return 1;
            }
        }
        entries.remove(0);
        entries.reverse();
        self.directory_stack = entries;
        self.publish_directory_stack();
        0
    }

    fn full_stack(&self) -> Vec<String> {
        std::iter::once(self.cwd.clone())
            .chain(self.directory_stack.iter().rev().cloned())
            .collect()
    }

    /// `dirs [-clpv] [+N | -N]`.
    pub(super) fn dirs_builtin(&mut self, args: &[String]) -> (u8, String) {
        let (mut long, mut lines, mut numbered) = (false, false, false);
        let mut only = None;
        for arg in args {
            if let Some(index) = self.stack_index(arg) {
                match index {
                    Ok(index) => only = Some(index),
                    // bash names the entry without its sign here.
                    Err(message) => {
                        let message = message.trim_start_matches(['+', '-']);
                        self.report(&format!("dirs: {message}"));
                        return (1, String::new());
                    }
                }
                continue;
            }
            match arg.as_str() {
                "-c" => {
                    self.directory_stack.clear();
                    self.publish_directory_stack();
                    return (0, String::new());
                }
                "-l" => long = true,
                "-p" => lines = true,
                "-v" => {
                    lines = true;
                    numbered = true;
                }
                other => {
                    let problem = match other.starts_with(['-', '+']) {
                        true => "invalid number",
                        false => "invalid option",
                    };
                    self.report(&format!("dirs: {other}: {problem}"));
                    self.say("dirs: usage: dirs [-clpv] [+N] [-N]".into());
                    return (2, String::new());
                }
            }
        }
        let entries = self.stack_entries(long);
        if let Some(index) = only {
            return match numbered {
                true => (0, format!("{index:>2}  {}\n", entries[index])),
                false => (0, format!("{}\n", entries[index])),
            };
        }
        if !lines {
            return (0, entries.join(" ") + "\n");
        }
        let text = entries
            .iter()
            .enumerate()
            .map(|(index, dir)| {
                if numbered {
                    format!("{index:>2}  {dir}\n")
                } else {
                    format!("{dir}\n")
                }
            })
            .collect();
        (0, text)
    }

    /// `pushd [-n] [+N | -N | DIR]`: goes to DIR, keeping where it was; `+N`/`-N` turns
    /// the stack so that entry is on top; alone, swaps the top two; `-n` keeps the
    /// working directory and only adds to the stack.
    pub(super) fn pushd_builtin(&mut self, args: &[String]) -> (u8, String) {
        let (stay, operands) = match self.stack_options("pushd", args) {
            Ok(parsed) => parsed,
            Err(status) => return (status, String::new()),
        };
        if operands.len() > 1 {
            self.report("pushd: too many arguments");
            return (1, String::new());
        }
        let mut entries = self.full_stack();
        match operands.first() {
            None if self.directory_stack.is_empty() => {
                self.report("pushd: no other directory");
                return (1, String::new());
            }
            None => entries.swap(0, 1),
            Some(word) if self.stack_index(word).is_some() => {
                match self.stack_index(word).expect("checked") {
                    Ok(index) => entries.rotate_left(index),
                    Err(message) => {
                        self.report(&format!("pushd: {message}"));
                        return (1, String::new());
                    }
                }
            }
            Some(dir) if stay => entries.insert(1, dir.clone()),
            Some(dir) => {
                let cwd = self.cwd.clone();
                let cd = ["pushd".to_string(), dir.clone()];
                if self.change_directory(&cd, Output::Null) != 0 {
                    return (1, String::new());
                }
                self.directory_stack.push(cwd);
                self.publish_directory_stack();
                return (0, self.stack_entries(false).join(" ") + "\n");
            }
        }
        if self.set_stack("pushd", entries, stay) != 0 {
            return (1, String::new());
        }
        // A turn of the stack that keeps the directory (`-n +N`) is silent in bash.
        let rotated = operands
            .first()
            .is_some_and(|w| self.stack_index(w).is_some());
        if stay && rotated {
            return (0, String::new());
        }
        (0, self.stack_entries(false).join(" ") + "\n")
    }

    /// `-n` and `--` of pushd and popd, then the operands; an option bash does not know
    /// is its usage error.
    fn stack_options<'a>(
        &self,
        builtin: &str,
        args: &'a [String],
    ) -> Result<(bool, &'a [String]), u8> {
        let mut stay = false;
        let mut rest = args;
        while let Some(first) = rest.first() {
            match first.as_str() {
                "--" => {
                    rest = &rest[1..];
                    break;
                }
                "-n" => {
                    stay = true;
                    rest = &rest[1..];
                }
                word if self.stack_index(word).is_some() => break,
                word if word.starts_with(['-', '+']) && word.len() > 1 => {
                    return Err(self
                        .dirstack_usage(builtin, &format!("{word}: invalid number"))
                        .0);
                }
                _ => break,
            }
        }
        Ok((stay, rest))
    }

    /// A usage error of `pushd` or `popd`, as bash words it; status 2.
    fn dirstack_usage(&self, builtin: &str, message: &str) -> (u8, String) {
        self.report(&format!("{builtin}: {message}"));
        let usage = match builtin {
            "pushd" => "pushd: usage: pushd [-n] [+N | -N | dir]",
            _ => "popd: usage: popd [-n] [+N | -N]",
        };
        self.say(usage.to_string());
        (2, String::new())
    }

    /// `popd [-n] [+N | -N]`: leaves the top directory for the one below it, or removes
    /// entry N; `-n` removes the one below the top and stays.
    pub(super) fn popd_builtin(&mut self, args: &[String]) -> (u8, String) {
        let (stay, operands) = match self.stack_options("popd", args) {
            Ok(parsed) => parsed,
            Err(status) => return (status, String::new()),
        };
        if self.directory_stack.is_empty() {
            self.report("popd: directory stack empty");
            return (1, String::new());
        }
        let index = match operands.first() {
            None => usize::from(stay),
            Some(word) => match self.stack_index(word) {
                Some(Ok(index)) => index,
                Some(Err(message)) => {
                    self.report(&format!("popd: {message}"));
                    return (1, String::new());
                }
                None => {
                    return self.dirstack_usage("popd", &format!("{word}: invalid argument"));
                }
            },
        };
        let mut entries = self.full_stack();
        entries.remove(index);
        // Only removing the top changes directory.
        if self.set_stack("popd", entries, index != 0) != 0 {
            return (1, String::new());
        }
        (0, self.stack_entries(false).join(" ") + "\n")
    }
}
