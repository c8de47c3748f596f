//! What the prompt shows and what it does to a typed line before running it: `PS1`/`PS2`
//! with bash's backslash escapes (then parameter expansion, as bash's promptvars), and
//! the history expansion of a typed line (`history_expansion.rs`).

use super::Shell;
use super::history_expansion::{Expander, Expansion, HistoryChars};
use super::history_quoting::Quoting;

impl Shell {
    /// `user@wasmix:~/dir$ `, with the last status when it is not 0 (`user@wasmix:~ [1]$ `):
    /// the prompt when `PS1` is not set.
    fn default_prompt(&self) -> String {
        let user = self.variable("USER").unwrap_or_else(|| "user".into());
        let shown = self.short_directory();
        // A command that failed leaves its status in the prompt until the next one.
        match self.last_status {
            0 => format!("{user}@wasmix:{shown}$ "),
            status => format!("{user}@wasmix:{shown} [{status}]$ "),
        }
    }

    /// The working directory with the home directory as `~`.
    fn short_directory(&self) -> String {
        let cwd = self.cwd.clone();
        let home = self.variable("HOME").unwrap_or_default();
        match cwd.strip_prefix(home.as_str()) {
            Some(rest) if !home.is_empty() && (rest.is_empty() || rest.starts_with('/')) => {
                format!("~{rest}")
            }
            _ => cwd,
        }
    }

    /// The primary prompt: `PS1` decoded and expanded, or the default.
    pub(super) async fn primary_prompt(&mut self) -> String {
        match self.variable("PS1") {
            Some(ps1) => self.decode_prompt(&ps1, false).await,
            None => self.default_prompt(),
        }
    }

    /// The prompt for the rest of an unfinished command: `PS2`, `> ` by default.
    pub(super) async fn continuation_prompt(&mut self) -> String {
        match self.variable("PS2") {
            Some(ps2) => self.decode_prompt(&ps2, false).await,
            None => "> ".into(),
        }
    }

    /// bash's prompt escapes, then parameter expansion and command substitution.
    /// `running`: decoded while a command runs (`PS4`, `${v@P}`), where bash counts
    /// that command as numbered already (`\!`, `\#`), not at the prompt.
    pub(super) async fn decode_prompt(&mut self, text: &str, running: bool) -> String {
        let mut out = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            let Some(escape) = chars.next() else {
                out.push('\\');
                break;
            };
            match escape {
                'u' => out.push_str(&self.variable("USER").unwrap_or_else(|| "user".into())),
                'h' | 'H' => out.push_str(super::dynamic::HOSTNAME),
                'w' => out.push_str(&self.short_directory()),
                'W' => {
                    let shown = self.short_directory();
                    let base = match shown.as_str() {
                        "/" | "~" => shown.as_str(),
                        path => path.rsplit('/').next().unwrap_or(path),
                    };
                    out.push_str(base);
                }
                '$' => out.push(if super::dynamic::USER_ID == 0 {
                    '#'
                } else {
                    '$'
                }),
                '?' => out.push_str(&self.last_status.to_string()),
                'j' => out.push_str(&self.jobs.with(|jobs| jobs.len()).to_string()),
                // The shell's name, as bash's (its language), and the terminal's, which
                // a guest never has a device name for.
                's' => out.push_str("bash"),
                'l' => out.push_str("tty"),
                'v' => out.push_str("5.2"),
                'V' => out.push_str("5.2.0"),
                '!' => out.push_str(&self.prompt_history_number(running).to_string()),
                '#' => {
                    let number = self.command_number - usize::from(running);
                    out.push_str(&number.to_string());
                }
                't' => out.push_str(&clock("%H:%M:%S")),
                'T' => out.push_str(&clock("%I:%M:%S")),
                '@' => out.push_str(&clock("%I:%M %p")),
                'A' => out.push_str(&clock("%H:%M")),
                'd' => out.push_str(&clock("%a %b %d")),
                'D' if chars.peek() == Some(&'{') => {
                    chars.next();
                    let format: String = chars.by_ref().take_while(|&c| c != '}').collect();
                    let format = if format.is_empty() { "%X" } else { &format };
                    out.push_str(&clock(format));
                }
                'n' => out.push('\n'),
                'r' => out.push('\r'),
                'e' => out.push('\x1b'),
                'a' => out.push('\x07'),
                // Around non-printing text: rustyline measures escape sequences itself.
                '[' | ']' => {}
                '\\' => out.push('\\'),
                '0'..='7' => {
                    let mut value = escape.to_digit(8).unwrap_or(0);
                    for _ in 0..2 {
                        match chars.peek().and_then(|c| c.to_digit(8)) {
                            Some(digit) => {
                                value = value * 8 + digit;
                                chars.next();
                            }
                            None => break,
                        }
                    }
                    // A byte: `\555` wraps to `m`, as in bash.
                    out.extend(char::from_u32(value & 0xff));
                }
                other => {
                    out.push('\\');
                    out.push(other);
                }
            }
        }
        if !self.shell_options.promptvars || !out.contains(['$', '`']) {
            return out;
        }
        let status = self.last_status;
        let expanded = self.expand_operand(&out, true, false).await;
        self.last_status = status;
        expanded.unwrap_or(out)
    }

    /// `\!`: the number the next command takes in the history (1 while none is
    /// kept), the running one's while a command runs, as bash's
    /// `prompt_history_number`.
    fn prompt_history_number(&self, running: bool) -> usize {
        let next = match self.options.history {
            true => self.history.base + self.history.entries.len(),
            false => 1,
        };
        match next {
            1 => 1,
            _ => next - usize::from(running),
        }
    }

    /// History expansion of a line that begins inside `open_quote` when that is given;
    /// Err(message) when it fails.
    pub(super) fn expand_history_line(
        &mut self,
        line: &str,
        open_quote: Option<char>,
    ) -> Result<Expansion, String> {
        let chars = HistoryChars::from_variable(self.variable("histchars").as_deref());
        // An empty `$histchars` turns expansion off, as in bash.
        let Some(bang) = chars.expansion else {
            return Ok(Expansion::Unchanged);
        };
        let mut expander = Expander {
            entries: &self.history.entries,
            base: self.history.base,
            remembered: &mut self.history.remembered,
            quick: chars.quick,
            quoting: Quoting {
                bang,
                comment: chars.comment,
                extglob: self.shell_options.extglob,
                posix: self.options.posix,
                open_quote,
            },
        };
        expander.expand(line)
    }
}

/// The local time formatted by strftime(3), as bash's prompt shows times.
fn clock(format: &str) -> String {
    super::printf::strftime_now(format)
}
