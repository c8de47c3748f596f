//! The directory stack: `pushd`, `popd` and `dirs`, as bash keeps it (the working
//! directory is its top; the rest are the directories pushed before).

use super::Shell;
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

    /// `dirs [-clpv]`.
    pub(super) fn dirs_builtin(&mut self, args: &[String]) -> (u8, String) {
        let (mut long, mut lines, mut numbered) = (false, false, false);
        for arg in args {
            match arg.as_str() {
                "-c" => {
                    self.directory_stack.clear();
                    return (0, String::new());
                }
                "-l" => long = true,
                "-p" => lines = true,
                "-v" => {
                    lines = true;
                    numbered = true;
                }
                other => {
                    self.report(&format!("dirs: {other}: invalid option"));
                    return (1, String::new());
                }
            }
        }
        let entries = self.stack_entries(long);
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

    /// `pushd [DIR]`: goes to DIR, keeping where it was; alone, swaps the top two.
    pub(super) fn pushd_builtin(&mut self, args: &[String]) -> (u8, String) {
        let args = match args.first().map(String::as_str) {
            Some("--") => &args[1..],
            Some(flag) if flag.starts_with('-') && flag.len() > 1 => {
                return self.dirstack_usage("pushd", &format!("{flag}: invalid option"));
            }
            _ => args,
        };
        if args.len() > 1 {
            self.report("pushd: too many arguments");
            return (1, String::new());
        }
        let cwd = self.cwd.clone();
        let target = match args.first() {
            Some(dir) => dir.clone(),
            None => match self.directory_stack.pop() {
                Some(top) => top,
                None => {
                    self.report("pushd: no other directory");
                    return (1, String::new());
                }
            },
        };
        let cd = ["pushd".to_string(), target.clone()];
        if self.change_directory(&cd, Output::Null) != 0 {
            if args.is_empty() {
                self.directory_stack.push(target);
            }
            return (1, String::new());
        }
        self.directory_stack.push(cwd);
        (0, self.stack_entries(false).join(" ") + "\n")
    }

    /// A usage error of `pushd` or `popd`, as bash words it; status 2.
    fn dirstack_usage(&self, builtin: &str, message: &str) -> (u8, String) {
        self.report(&format!("{builtin}: {message}"));
        let usage = match builtin {
            "pushd" => "pushd: usage: pushd [dir]",
            _ => "popd: usage: popd",
        };
        self.say(usage.to_string());
        (2, String::new())
    }

    /// `popd`: leaves the top directory for the one below it.
    pub(super) fn popd_builtin(&mut self, args: &[String]) -> (u8, String) {
        let args = match args.first().map(String::as_str) {
            Some("--") => &args[1..],
            _ => args,
        };
        if let Some(arg) = args.first() {
            let problem = match arg.starts_with('-') && arg.len() > 1 {
                true => "invalid option",
                false => "invalid argument",
            };
            return self.dirstack_usage("popd", &format!("{arg}: {problem}"));
        }
        let Some(next) = self.directory_stack.pop() else {
            self.report("popd: directory stack empty");
            return (1, String::new());
        };
        let cd = ["popd".to_string(), next.clone()];
        if self.change_directory(&cd, Output::Null) != 0 {
            self.directory_stack.push(next);
            return (1, String::new());
        }
        (0, self.stack_entries(false).join(" ") + "\n")
    }
}
