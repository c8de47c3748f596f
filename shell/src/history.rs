//! The command history as bash keeps it: the list (`history`, `fc`, `!!`), its file
//! (`$HISTFILE`: `history -a -n -r -w`, read when an interactive shell starts), and their
//! limits (`$HISTSIZE` for the list, `$HISTFILESIZE` for the file).

use super::Shell;
use super::history_expansion::{Expansion, Remembered};

/// The commands remembered, numbered from `base` (entries dropped from the front under
/// `$HISTSIZE` leave the others their numbers).
#[derive(Clone)]
pub(super) struct History {
    pub entries: Vec<String>,
    pub base: usize,
    /// How many of the last entries were added in this session and are not in the file
    /// yet: what `history -a` and the end of an interactive shell append.
    pub session_lines: usize,
    /// Lines of the file read so far (`history -n` reads the ones after).
    file_lines_read: usize,
    /// The command running was recorded: it is the last entry.
    pub last_added: bool,
    /// `history -c`, `-d`, `-s` or `-w` ran: the prompt writes the file anew.
    pub changed: bool,
    /// The last `!?string?` search and `:s` substitution, for the expansions after.
    pub remembered: Remembered,
}

impl Default for History {
    fn default() -> History {
        History {
            entries: Vec::new(),
            base: 1,
            session_lines: 0,
            file_lines_read: 0,
            last_added: false,
            changed: false,
            remembered: Remembered::default(),
        }
    }
}

impl History {
    /// Drops the oldest entries beyond `limit`.
    fn stifle(&mut self, limit: Option<usize>) {
        let Some(limit) = limit else { return };
        let drop = self.entries.len().saturating_sub(limit);
        if drop > 0 {
            self.entries.drain(..drop);
            self.base += drop;
        }
    }

    /// The entry with number `number`, as an index.
    pub fn index_of(&self, number: i64) -> Option<usize> {
        let index = usize::try_from(number).ok()?.checked_sub(self.base)?;
        (index < self.entries.len()).then_some(index)
    }
}

const USAGE: &str = "history: usage: history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]";

impl Shell {
    /// A limit set in a variable (`$HISTSIZE`, `$HISTFILESIZE`): none when unset, empty,
    /// negative or not a number.
    fn history_limit(&self, name: &str) -> Option<usize> {
        self.variable(name)?.trim().parse().ok()
    }

    /// The history file: `$HISTFILE`, from the working directory.
    pub(super) fn history_file(&self) -> Option<String> {
        let name = self.variable("HISTFILE").filter(|f| !f.is_empty())?;
        Some(wasmix_kernel::fs::namespace::absolute(&self.cwd, &name))
    }

    /// Adds an entry, within `$HISTSIZE`.
    pub(super) fn add_history_entry(&mut self, entry: &str) {
        self.history.entries.push(entry.to_string());
        self.history.session_lines += 1;
        let limit = self.history_limit("HISTSIZE");
        self.history.stifle(limit);
    }

    /// `$HISTSIZE` or `$HISTFILESIZE` was assigned: the list or the file shrinks to it.
    pub(super) fn history_limit_changed(&mut self, name: &str) {
        match name {
            "HISTSIZE" => {
                let limit = self.history_limit("HISTSIZE");
                self.history.stifle(limit);
            }
            "HISTFILESIZE" => {
                if let (Some(file), Some(limit)) =
                    (self.history_file(), self.history_limit("HISTFILESIZE"))
                {
                    self.truncate_history_file(&file, limit);
                }
            }
            _ => {}
        }
    }

    fn history_file_lines(&self, file: &str) -> Option<Vec<String>> {
        let bytes = self.read_whole_file(file).ok()?;
        Some(
            String::from_utf8_lossy(&bytes)
                .lines()
                .map(String::from)
                .collect(),
        )
    }

    fn write_history_file(&self, file: &str, lines: &[String], append: bool) -> bool {
        let options = wasmix_kernel::fs::OpenOptions {
            write: true,
            create: true,
            truncate: !append,
            ..wasmix_kernel::fs::OpenOptions::default()
        };
        let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
        self.namespace
            .open(file, options)
            .and_then(|handle| handle.append(text.as_bytes()).map(|_| ()))
            .is_ok()
    }

    fn truncate_history_file(&self, file: &str, limit: usize) {
        if let Some(lines) = self.history_file_lines(file)
            && lines.len() > limit
        {
            let kept: Vec<String> = lines[lines.len() - limit..].to_vec();
            self.write_history_file(file, &kept, false);
        }
    }

    /// `history -r`: the file's entries are added to the list.
    /// History turned on (an interactive shell's start, `set -o history`), as bash's
    /// `load_history`: `$HISTSIZE` is 500 and `$HISTFILESIZE` `$HISTSIZE` unless set,
    /// and `$HISTFILE` is read.
    pub(super) fn load_history(&mut self) {
        if self.variable("HISTSIZE").is_none() {
            self.set_variable("HISTSIZE", "500", false);
        }
        if self.variable("HISTFILESIZE").is_none() {
            let size = self.variable("HISTSIZE").unwrap_or_default();
            self.set_variable("HISTFILESIZE", &size, false);
        }
        if let Some(file) = self.history_file() {
            self.read_history(&file);
        }
    }

    pub(super) fn read_history(&mut self, file: &str) -> bool {
        let Some(lines) = self.history_file_lines(file) else {
            return false;
        };
        self.history.file_lines_read = lines.len();
        self.history.entries.extend(lines.iter().cloned());
        let limit = self.history_limit("HISTSIZE");
        self.history.stifle(limit);
        true
    }

    /// `history -a`: the entries the file does not have yet are appended to it.
    pub(super) fn append_history(&mut self, file: &str) -> bool {
        let entries = &self.history.entries;
        let new = &entries[entries.len() - self.history.session_lines.min(entries.len())..];
        if !self.write_history_file(file, new, true) {
            return false;
        }
        self.history.file_lines_read += lines_in_file(new);
        self.history.session_lines = 0;
        if let Some(limit) = self.history_limit("HISTFILESIZE") {
            self.truncate_history_file(file, limit);
        }
        true
    }

    /// `history -w`: the file is written anew with the whole list.
    pub(super) fn write_history(&mut self, file: &str) -> bool {
        if !self.write_history_file(file, &self.history.entries, false) {
            return false;
        }
        self.history.file_lines_read = lines_in_file(&self.history.entries);
        self.history.session_lines = 0;
        if let Some(limit) = self.history_limit("HISTFILESIZE") {
            self.truncate_history_file(file, limit);
        }
        true
    }

    /// An interactive shell's end: the list is saved as bash saves it: this session's
    /// commands appended (always under `shopt -s histappend`), unless there were more of
    /// them than the list still holds, when the list is written over the file.
    pub(super) fn save_history(&mut self) {
        if let Some(file) = self.history_file() {
            if self.shell_options.histappend
                || self.history.session_lines <= self.history.entries.len()
            {
                self.append_history(&file);
            } else {
                self.write_history(&file);
            }
        }
    }

    pub(super) fn history_builtin(&mut self, args: &[String]) -> (u8, String) {
        let mut args = args;
        let mut flag = None;
        let (mut clear, mut files) = (false, String::new());
        while let Some(arg) = args.first().filter(|a| a.starts_with('-') && a.len() > 1) {
            args = &args[1..];
            if arg == "--" {
                break;
            }
            for letter in arg[1..].chars() {
                if !"acdnprsw".contains(letter) {
                    self.report(&format!("history: -{letter}: invalid option"));
                    self.say(USAGE.into());
                    return (2, String::new());
                }
                if letter == 'c' {
                    clear = true;
                } else {
                    flag = Some(letter);
                }
                if "anrw".contains(letter) && !files.contains(letter) {
                    files.push(letter);
                }
            }
            // `-d`'s offset follows, and may be negative.
            if flag == Some('d') {
                break;
            }
        }
        // As bash, before anything is done: one way with the history file at a time.
        if files.len() > 1 {
            self.report("history: cannot use more than one of -anrw");
            return (1, String::new());
        }
        if clear {
            self.history.entries.clear();
            self.history.base = 1;
            self.history.session_lines = 0;
            self.history.changed = true;
        }
        match flag {
            Some('d') => self.delete_history(args),
            Some(letter @ ('a' | 'n' | 'r' | 'w')) => {
                let named = args.first().cloned().or_else(|| self.variable("HISTFILE"));
                if self.refused_history_file(named.as_deref()) {
                    return (1, String::new());
                }
                let file = match args.first() {
                    Some(name) => Some(wasmix_kernel::fs::namespace::absolute(&self.cwd, name)),
                    None => self.history_file(),
                };
                let Some(file) = file else {
                    return (0, String::new());
                };
                let done = match letter {
                    'a' => self.append_history(&file),
                    'w' => {
                        self.history.changed = true;
                        self.write_history(&file)
                    }
                    'r' => self.read_history(&file),
                    _ => self.read_new_history(&file),
                };
                if done || letter == 'n' {
                    (0, String::new())
                } else {
                    self.report(&format!("history: {file}: cannot access the history file"));
                    (1, String::new())
                }
            }
            Some('s') => {
                if self.history.last_added {
                    self.history.entries.pop();
                }
                self.history.entries.push(args.join(" "));
                self.history.session_lines += usize::from(!self.history.last_added);
                self.history.changed = true;
                (0, String::new())
            }
            Some('p') => {
                // As in bash, the `history -p` line itself leaves the history.
                if std::mem::take(&mut self.history.last_added) {
                    self.history.entries.pop();
                    self.history.session_lines = self.history.session_lines.saturating_sub(1);
                }
                let (mut status, mut text) = (0, String::new());
                for arg in args {
                    match self.expand_history_line(arg, None) {
                        Ok(Expansion::Unchanged) => text.push_str(arg),
                        Ok(Expansion::Expanded(line) | Expansion::PrintOnly(line)) => {
                            text.push_str(&line)
                        }
                        Err(_) => {
                            self.report(&format!("history: {arg}: history expansion failed"));
                            status = 1;
                            continue;
                        }
                    }
                    text.push('\n');
                }
                (status, text)
            }
            _ => self.list_history(args.first()),
        }
    }

    /// `history -n`: the lines added to the file since it was last read.
    fn read_new_history(&mut self, file: &str) -> bool {
        let Some(lines) = self.history_file_lines(file) else {
            return false;
        };
        let new = lines
            .get(self.history.file_lines_read..)
            .unwrap_or_default();
        self.history.entries.extend(new.iter().cloned());
        self.history.file_lines_read = lines.len();
        let limit = self.history_limit("HISTSIZE");
        self.history.stifle(limit);
        true
    }

    /// `history [N]`: the last N entries (all without N), numbered.
    fn list_history(&mut self, count: Option<&String>) -> (u8, String) {
        let entries = &self.history.entries;
        let shown = match count.map(|n| n.parse::<i64>()) {
            None => entries.len(),
            Some(Ok(n)) if n >= 0 => (n as usize).min(entries.len()),
            Some(Ok(_)) => {
                self.report(&format!("history: {}: invalid number", count.unwrap()));
                return (1, String::new());
            }
            Some(Err(_)) => {
                let text = count.unwrap();
                self.report(&format!("history: {text}: numeric argument required"));
                return (1, String::new());
            }
        };
        let start = entries.len() - shown;
        let text = entries[start..]
            .iter()
            .enumerate()
            .map(|(i, line)| format!("{:>5}  {line}\n", self.history.base + start + i))
            .collect();
        (0, text)
    }

    /// `history -d OFFSET` or `-d START-END`: numbers, or counted back from the end when
    /// negative.
    fn delete_history(&mut self, args: &[String]) -> (u8, String) {
        let Some(spec) = args.first() else {
            self.report("history: -d: option requires an argument");
            return (2, String::new());
        };
        let len = self.history.entries.len() as i64;
        let base = self.history.base as i64;
        let index = |text: &str| -> Option<usize> {
            let n: i64 = text.parse().ok()?;
            let number = if n < 0 { base + len + n } else { n };
            usize::try_from(number - base)
                .ok()
                .filter(|&i| (i as i64) < len)
        };
        // A range `START-END` (its START may be negative itself).
        let split = spec
            .char_indices()
            .skip(1)
            .find(|(_, c)| *c == '-')
            .map(|(at, _)| at);
        let (first, last) = match split {
            Some(at) => (&spec[..at], &spec[at + 1..]),
            None => (spec.as_str(), spec.as_str()),
        };
        // The bound out of range is the one named, the start first, as bash names it.
        let (start, end) = match (index(first), index(last)) {
            (Some(start), Some(end)) if start <= end => (start, end),
            (None, _) if first.parse::<i64>().is_ok() => return self.out_of_range(first),
            (_, None) if last.parse::<i64>().is_ok() => return self.out_of_range(last),
            _ => return self.out_of_range(spec),
        };
        self.history.entries.drain(start..=end);
        self.history.changed = true;
        (0, String::new())
    }

    fn out_of_range(&self, position: &str) -> (u8, String) {
        self.report(&format!(
            "history: {position}: history position out of range"
        ));
        (1, String::new())
    }
}

/// The lines `entries` take in the history file (an entry of several lines keeps them).
fn lines_in_file(entries: &[String]) -> usize {
    entries.iter().map(|e| e.lines().count().max(1)).sum()
}
