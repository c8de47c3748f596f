//! What the prompt shows and what it does to a typed line before running it: `PS1`/`PS2`
//! with bash's backslash escapes (then parameter expansion, as bash's promptvars), and
//! history expansion (`!!`, `!$`, `!n`, `!-n`, `!str`, `^old^new`).

use super::Shell;

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
            Some(ps1) => self.decode_prompt(&ps1).await,
            None => self.default_prompt(),
        }
    }

    /// The prompt for the rest of an unfinished command: `PS2`, `> ` by default.
    pub(super) async fn continuation_prompt(&mut self) -> String {
        match self.variable("PS2") {
            Some(ps2) => self.decode_prompt(&ps2).await,
            None => "> ".into(),
        }
    }

    /// bash's prompt escapes, then parameter expansion and command substitution.
    pub(super) async fn decode_prompt(&mut self, text: &str) -> String {
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
                '!' => out.push_str(&(self.history.base + self.history.entries.len()).to_string()),
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

    /// A line read at the prompt, history-expanded under `set -H` (on there).
    pub(super) fn expand_history_if_on(&self, line: &str) -> Result<Option<String>, String> {
        match self.options.histexpand {
            true => self.expand_history(line),
            false => Ok(None),
        }
    }

    /// History expansion of a typed line. None when it has none; Err(message) when an
    /// event is not found (the line is then not run, as in bash).
    pub(super) fn expand_history(&self, line: &str) -> Result<Option<String>, String> {
        let last = self.history.entries.last();
        // `^old^new`: the last command with `old` replaced.
        if let Some(rest) = line.strip_prefix('^') {
            let mut parts = rest.splitn(3, '^');
            let old = parts.next().unwrap_or_default();
            let new = parts.next().unwrap_or_default();
            let previous = last.ok_or_else(|| format!("^{old}: event not found"))?;
            if !previous.contains(old) || old.is_empty() {
                return Err(format!("^{old}^{new}: substitution failed"));
            }
            return Ok(Some(previous.replacen(old, new, 1)));
        }
        if !line.contains('!') {
            return Ok(None);
        }
        let chars: Vec<char> = line.chars().collect();
        let mut out = String::new();
        let mut changed = false;
        // Two readings of the quotes decide, as in bash: readline's, where every `'`
        // outside double quotes opens or closes one, and bash's, where `$'...'` ends
        // only at an unescaped quote; a `!` inside either's quotes stays.
        let in_ansi_c = ansi_c_quoted(&chars);
        let (mut in_single, mut in_double) = (false, false);
        let mut at = 0;
        while at < chars.len() {
            let c = chars[at];
            if c == '\'' && !in_double {
                in_single = !in_single;
            }
            if c == '"' && !in_single && (at == 0 || chars[at - 1] != '\\') {
                in_double = !in_double;
            }
            let next = chars.get(at + 1).copied();
            let expands = c == '!'
                && !in_single
                && !in_ansi_c[at]
                && (at == 0 || chars[at - 1] != '\\')
                && next.is_some_and(|n| !matches!(n, ' ' | '\t' | '=' | '(' | '\n'));
            if !expands {
                out.push(c);
                at += 1;
                continue;
            }
            let (text, used) = self.history_event(&chars[at + 1..], in_double)?;
            out.push_str(&text);
            changed = true;
            at += 1 + used;
        }
        Ok(changed.then_some(out))
    }

    /// The event after a `!`: its text and how many characters named it. Inside double
    /// quotes the closing quote ends a name, as in readline.
    fn history_event(&self, rest: &[char], in_double: bool) -> Result<(String, usize), String> {
        let not_found = |name: &str| format!("!{name}: event not found");
        let words = |command: &str| -> Vec<String> {
            command.split_whitespace().map(str::to_string).collect()
        };
        let last = || {
            self.history
                .entries
                .last()
                .cloned()
                .ok_or_else(|| not_found("!"))
        };
        match rest[0] {
            '!' => Ok((last()?, 1)),
            '$' => Ok((words(&last()?).last().cloned().unwrap_or_default(), 1)),
            '^' => Ok((words(&last()?).get(1).cloned().unwrap_or_default(), 1)),
            '*' => Ok((words(&last()?).get(1..).unwrap_or_default().join(" "), 1)),
            c if c.is_ascii_digit() || c == '-' => {
                let digits: String = rest
                    .iter()
                    .skip(usize::from(c == '-'))
                    .take_while(|c| c.is_ascii_digit())
                    .collect();
                let used = digits.len() + usize::from(c == '-');
                let name: String = rest[..used].iter().collect();
                let n: usize = digits.parse().map_err(|_| not_found(&name))?;
                let index = if c == '-' {
                    self.history.entries.len().checked_sub(n)
                } else {
                    self.history.index_of(n as i64)
                };
                index
                    .and_then(|i| self.history.entries.get(i))
                    .map(|command| (command.clone(), used))
                    .ok_or_else(|| not_found(&name))
            }
            _ => {
                let prefix: String = rest
                    .iter()
                    .take_while(|c| {
                        let ends = c.is_whitespace()
                            || matches!(c, ';' | '|' | '&' | '(' | ')' | '<' | '>')
                            || (in_double && **c == '"');
                        !ends
                    })
                    .collect();
                self.history
                    .entries
                    .iter()
                    .rev()
                    .find(|command| command.starts_with(&prefix))
                    .map(|command| (command.clone(), prefix.chars().count()))
                    .ok_or_else(|| not_found(&prefix))
            }
        }
    }
}

/// Which characters of a line are inside a `$'...'` string (where a backslash escapes
/// the quote), read with its single and double quotes.
fn ansi_c_quoted(chars: &[char]) -> Vec<bool> {
    let mut inside = vec![false; chars.len()];
    let (mut single, mut double) = (false, false);
    let mut at = 0;
    while at < chars.len() {
        match chars[at] {
            '\'' if !double => single = !single,
            '"' if !single => double = !double,
            '\\' if !single => at += 1,
            '$' if !single && !double && chars.get(at + 1) == Some(&'\'') => {
                let mut end = at + 2;
                while end < chars.len() && chars[end] != '\'' {
                    end += if chars[end] == '\\' { 2 } else { 1 };
                }
                let end = (end + 1).min(chars.len());
                inside[at..end].fill(true);
                at = end;
                continue;
            }
            _ => {}
        }
        at += 1;
    }
    inside
}

/// The local time formatted by strftime(3), as bash's prompt shows times.
fn clock(format: &str) -> String {
    super::printf::strftime_now(format)
}
