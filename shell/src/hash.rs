//! `hash`: the programs the shell has found in `$PATH`, with how often each was run, as
//! bash remembers them. As in bash, a remembered program runs from where it was found
//! without a new search, until `$PATH` changes or `hash -r`.

use super::Shell;
use super::assoc::hash_string;

/// One remembered program: its name, where it was found, and how often it was run.
/// The buckets of bash's table of remembered programs (`FILENAME_HASH_BUCKETS`).
pub(super) const PROGRAM_BUCKETS: usize = 256;

#[derive(Clone)]
pub(super) struct Hashed {
    name: String,
    path: String,
    hits: u32,
    /// `$PATH` when it was found: bash forgets the table when PATH is set.
    search_path: String,
}

impl Shell {
    /// Where `name` was found, while `$PATH` is what it was then. With `shopt -s
    /// checkhash`, or in POSIX mode, a path that is no longer a file is not taken (the
    /// name is searched for again), as in bash.
    pub(super) fn hashed_path(&self, name: &str) -> Option<String> {
        if !self.options.hashall {
            return None;
        }
        let search_path = self.variable("PATH").unwrap_or_default();
        let path = self
            .hashed
            .iter()
            .find(|entry| entry.name == name && entry.search_path == search_path)
            .map(|entry| entry.path.clone())?;
        let checked = self.shell_options.checkhash || self.options.posix;
        let gone = || {
            let at = wasmix_kernel::fs::namespace::absolute(&self.cwd, &path);
            !self
                .namespace
                .stat(&at, true)
                .is_ok_and(|meta| !meta.is_dir())
        };
        (!(checked && gone())).then_some(path)
    }

    /// A program run by its name alone, found at `path`.
    pub(super) fn remember_program(&mut self, name: &str, path: &str) {
        if !self.options.hashall {
            return;
        }
        let search_path = self.variable("PATH").unwrap_or_default();
        match self.hashed.iter_mut().find(|entry| entry.name == name) {
            Some(entry) if entry.search_path == search_path => {
                entry.path = path.to_string();
                entry.hits += 1;
            }
            _ => {
                self.hashed
                    .retain(|entry| entry.name != name && entry.search_path == search_path);
                self.hashed.push(Hashed {
                    name: name.to_string(),
                    path: path.to_string(),
                    hits: 1,
                    search_path,
                })
            }
        }
    }

    /// Counts a use of what is remembered for `name`.
    pub(super) fn count_hashed_hit(&mut self, name: &str) {
        if let Some(entry) = self.hashed.iter_mut().find(|entry| entry.name == name) {
            entry.hits += 1;
        }
    }

    /// The programs remembered while `$PATH` is what it is now, with their paths.
    pub(super) fn remembered_programs(&self) -> Vec<(String, String)> {
        let search_path = self.variable("PATH").unwrap_or_default();
        self.hashed_in_bash_order()
            .into_iter()
            .filter(|entry| entry.search_path == search_path)
            .map(|entry| (entry.name.clone(), entry.path.clone()))
            .collect()
    }

    /// The remembered programs in the order bash walks its table of them: by bucket
    /// (FNV-1 of the name, 256 buckets), the newest first within one.
    fn hashed_in_bash_order(&self) -> Vec<&Hashed> {
        let mut entries: Vec<&Hashed> = self.hashed.iter().rev().collect();
        entries.sort_by_key(|entry| hash_string(&entry.name) as usize & (PROGRAM_BUCKETS - 1));
        entries
    }

    /// Forgets where `name` was found; false when it was not remembered.
    pub(super) fn forget_program(&mut self, name: &str) -> bool {
        let before = self.hashed.len();
        self.hashed.retain(|entry| entry.name != name);
        self.hashed.len() != before
    }

    pub(super) fn set_hashed(&mut self, name: &str, path: String) {
        let search_path = self.variable("PATH").unwrap_or_default();
        self.hashed.retain(|entry| entry.name != name);
        self.hashed.push(Hashed {
            name: name.to_string(),
            path,
            hits: 0,
            search_path,
        });
    }

    /// `hash [-lr] [-p PATH] [-dt] [NAME...]`.
    pub(super) fn hash_builtin(&mut self, args: &[String]) -> (u8, String) {
        if !self.options.hashall {
            self.report("hash: hashing disabled");
            return (1, String::new());
        }
        let (mut reusable, mut forget_all, mut delete, mut tell) = (false, false, false, false);
        let mut given_path = None;
        let mut names = Vec::new();
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--" => {
                    names.extend(args.by_ref().cloned());
                    break;
                }
                option if option.starts_with('-') && option.len() > 1 => {
                    for flag in option[1..].chars() {
                        match flag {
                            'l' => reusable = true,
                            'r' => forget_all = true,
                            'd' => delete = true,
                            't' => tell = true,
                            'p' => match args.next() {
                                Some(path) => given_path = Some(path.clone()),
                                None => {
                                    self.report("hash: -p: option requires an argument");
                                    return (1, String::new());
                                }
                            },
                            _ => {
                                self.report(&format!("hash: -{flag}: invalid option"));
                                self.say(
                                    "hash: usage: hash [-lr] [-p pathname] [-dt] [name ...]".into(),
                                );
                                return (2, String::new());
                            }
                        }
                    }
                }
                name => names.push(name.to_string()),
            }
        }
        if forget_all {
            self.hashed.clear();
        }
        if tell && names.is_empty() {
            self.report("hash: -t: option requires an argument");
            return (1, String::new());
        }
        let mut status = 0;
        let mut out = String::new();
        if names.is_empty() {
            if !forget_all && given_path.is_none() {
                out = self.hash_listing(reusable);
            }
            return (0, out);
        }
        for name in &names {
            if let Some(path) = &given_path {
                self.set_hashed(name, path.clone());
            } else if delete {
                if !self.forget_program(name) {
                    self.report(&format!("hash: {name}: not found"));
                    status = 1;
                }
            } else if tell {
                // A look in the table is a hit, as in bash.
                match self.hashed.iter_mut().find(|entry| &entry.name == name) {
                    Some(entry) if names.len() > 1 => {
                        entry.hits += 1;
                        out.push_str(&format!("{name}\t{}\n", entry.path));
                    }
                    Some(entry) => {
                        entry.hits += 1;
                        out.push_str(&format!("{}\n", entry.path));
                    }
                    None => {
                        self.report(&format!("hash: {name}: not found"));
                        status = 1;
                    }
                }
            } else if name.contains('/')
                || self.find_builtin(name).is_some()
                || self.functions.contains_key(name.as_str())
            {
                // Nothing to look up: bash leaves these out of the table.
            } else {
                match self.find_command(name) {
                    Some(path) => self.set_hashed(name, path),
                    None => {
                        self.report(&format!("hash: {name}: not found"));
                        status = 1;
                    }
                }
            }
        }
        (status, out)
    }

    fn hash_listing(&mut self, reusable: bool) -> String {
        let search_path = self.variable("PATH").unwrap_or_default();
        self.hashed.retain(|entry| entry.search_path == search_path);
        if self.hashed.is_empty() {
            return "hash: hash table empty\n".into();
        }
        let mut out = String::new();
        if !reusable {
            out.push_str("hits\tcommand\n");
        }
        for entry in self.hashed_in_bash_order() {
            if reusable {
                out.push_str(&format!("builtin hash -p {} {}\n", entry.path, entry.name));
            } else {
                out.push_str(&format!("{:>4}\t{}\n", entry.hits, entry.path));
            }
        }
        out
    }
}
