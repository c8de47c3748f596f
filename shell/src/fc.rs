//! `fc`: lists (`-l`), edits and re-runs commands of the history, as bash does:
//! `fc -l [FIRST [LAST]]`, `fc [-e EDITOR] [FIRST [LAST]]`, `fc -s [OLD=NEW] [COMMAND]`.

use super::options::quoted_always;
use super::{Flow, Shell};
use wasmix_kernel::file::Stdio;

const USAGE: &str = "fc: usage: fc [-e ename] [-lnr] [first] [last] or fc -s [pat=rep] [command]";

/// How many commands `fc -l` lists by default.
const LISTED: i64 = 16;

/// What the command line asked for.
#[derive(Default)]
struct Request {
    list: bool,
    numbers: bool,
    reverse: bool,
    substitute: bool,
    editor: Option<String>,
    operands: Vec<String>,
}

fn parse(args: &[String]) -> Result<Request, String> {
    let mut request = Request {
        numbers: true,
        ..Request::default()
    };
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        // `-3` is a command counted back, not an option.
        let is_number = arg[1.min(arg.len())..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit());
        if !arg.starts_with('-') || arg.len() < 2 || is_number {
            request.operands.push(arg.clone());
            request.operands.extend(rest.cloned());
            break;
        }
        if arg == "--" {
            request.operands.extend(rest.cloned());
            break;
        }
        let mut letters = arg[1..].chars();
        while let Some(letter) = letters.next() {
            match letter {
                'l' => request.list = true,
                'n' => request.numbers = false,
                'r' => request.reverse = true,
                's' => request.substitute = true,
                'e' => {
                    let attached: String = letters.by_ref().collect();
                    let editor = match attached.is_empty() {
                        false => attached,
                        true => rest
                            .next()
                            .cloned()
                            .ok_or("fc: -e: option requires an argument")?,
                    };
                    if editor == "-" {
                        request.substitute = true;
                    } else {
                        request.editor = Some(editor);
                    }
                }
                other => return Err(format!("fc: -{other}: invalid option")),
            }
        }
    }
    Ok(request)
}

impl Shell {
    pub(super) async fn fc_builtin(&mut self, args: &[String], io: &Stdio) -> Result<u8, Flow> {
        let request = match parse(args) {
            Ok(request) => request,
            Err(message) => {
                self.report(&message);
                self.say(USAGE.into());
                return Ok(2);
            }
        };
        if request.substitute {
            return self.fc_substitute(&request.operands, io).await;
        }
        let previous = self.previous_command_number();
        // `-0` is this command itself: listed, but never edited and run again.
        if !request.list && request.operands.iter().take(2).any(|o| o == "-0") {
            self.report("fc: history specification out of range");
            return Ok(1);
        }
        let current = previous + i64::from(self.history.last_added);
        let resolve = |shell: &Shell, spec: &String| shell.fc_command_number(spec);
        let (first, last) = match (request.operands.first(), request.operands.get(1)) {
            (None, _) if request.list => (Some(previous - LISTED + 1), Some(previous)),
            (None, _) => (Some(previous), Some(previous)),
            (Some(first), None) => {
                let first = resolve(self, first);
                let last = match request.list {
                    true => first.map(|first| first.max(previous)),
                    false => first,
                };
                (first, last)
            }
            (Some(first), Some(last)) => (resolve(self, first), resolve(self, last)),
        };
        let (Some(first), Some(last)) = (first, last) else {
            self.report("fc: no command found");
            return Ok(1);
        };
        let base = self.history.base as i64;
        let clamp = |n: i64| n.clamp(base, previous.max(first.max(last).min(current)));
        if previous < base {
            // Nothing before this command.
            return Ok(if request.list { 0 } else { 1 });
        }
        let (low, high) = (clamp(first.min(last)), clamp(first.max(last)));
        let mut numbers: Vec<i64> = (low..=high).collect();
        if first > last || request.reverse {
            numbers.reverse();
        }
        let commands: Vec<(i64, String)> = numbers
            .into_iter()
            .filter_map(|n| {
                let index = self.history.index_of(n)?;
                Some((n, self.history.entries[index].clone()))
            })
            .collect();
        if request.list {
            let text: String = commands
                .iter()
                .map(|(n, command)| match request.numbers {
                    true => format!("{n}\t {command}\n"),
                    false => format!("\t {command}\n"),
                })
                .collect();
            super::builtin::deliver(text, io.stdout.duplicate()).map_err(|_| Flow::Abort(1))?;
            return Ok(0);
        }
        let text: String = commands.iter().map(|(_, c)| format!("{c}\n")).collect();
        self.fc_edit(request.editor, text, io).await
    }

    /// The number of the command before the one running (`fc` itself, when the history
    /// recorded it).
    fn previous_command_number(&self) -> i64 {
        let history = &self.history;
        let len = history.entries.len() as i64 - i64::from(history.last_added);
        history.base as i64 + len - 1
    }

    /// A FIRST or LAST: a number, counted back from this command when negative (or 0),
    /// else the latest command starting with the text.
    fn fc_command_number(&self, spec: &str) -> Option<i64> {
        let previous = self.previous_command_number();
        if let Ok(n) = spec.parse::<i64>() {
            // `0` is the command before this one, `-0` this one, as bash counts them.
            return Some(match n {
                0 if spec.starts_with('-') => previous + 1,
                0 => previous,
                n if n < 0 => previous + 1 + n,
                n => n,
            });
        }
        let base = self.history.base as i64;
        (base..=previous).rev().find(|n| {
            self.history
                .index_of(*n)
                .is_some_and(|i| self.history.entries[i].starts_with(spec))
        })
    }

    /// Replaces this command's own entry with what it runs instead, as bash does.
    fn fc_replace_own_entry(&mut self, text: &str) {
        if self.history.last_added
            && let Some(own) = self.history.entries.last_mut()
        {
            *own = text.trim_end().to_string();
        }
    }

    /// `fc -s [OLD=NEW] [COMMAND]`: runs a command again, every OLD in it made NEW.
    async fn fc_substitute(&mut self, operands: &[String], io: &Stdio) -> Result<u8, Flow> {
        let (changes, command): (Vec<&String>, Vec<&String>) =
            operands.iter().partition(|o| o.contains('='));
        let number = match command.first() {
            // This command itself is never run again.
            Some(spec) if spec.as_str() == "-0" => None,
            Some(spec) => self.fc_command_number(spec),
            None => Some(self.previous_command_number()),
        };
        let Some(index) = number.and_then(|n| self.history.index_of(n)) else {
            self.report("fc: no command found");
            return Ok(1);
        };
        let mut text = self.history.entries[index].clone();
        for change in changes {
            let (old, new) = change.split_once('=').unwrap_or_default();
            if !old.is_empty() {
                text = text.replace(old, new);
            }
        }
        self.fc_run(&text, io).await
    }

    /// Echoes the commands, puts them in the history in place of `fc`, and runs them.
    async fn fc_run(&mut self, text: &str, io: &Stdio) -> Result<u8, Flow> {
        let shown = format!("{}\n", text.trim_end());
        let _ = super::builtin::deliver(shown, io.stderr.duplicate());
        self.fc_replace_own_entry(text);
        self.eval(&[text.to_string()], io).await
    }

    /// `fc [-e EDITOR]`: the commands go to a file the editor (`$FCEDIT`, `$EDITOR`, vi)
    /// changes; what it leaves there runs.
    async fn fc_edit(
        &mut self,
        editor: Option<String>,
        text: String,
        io: &Stdio,
    ) -> Result<u8, Flow> {
        let editor = editor
            .or_else(|| self.variable("FCEDIT").filter(|e| !e.is_empty()))
            .or_else(|| self.variable("EDITOR").filter(|e| !e.is_empty()))
            .unwrap_or_else(|| "vi".into());
        let file = format!("/tmp/wasmix-fc.{}.{}", self.pid, self.history.entries.len());
        if self.write_history_text(&file, &text).is_err() {
            self.report(&format!("fc: {file}: cannot write the commands to edit"));
            return Ok(1);
        }
        let status = self
            .eval(&[format!("{editor} {}", quoted_always(&file))], io)
            .await?;
        let edited = self.read_whole_file(&file);
        let _ = self.namespace.unlink(&file);
        if status != 0 {
            return Ok(status);
        }
        match edited {
            Ok(bytes) => self.fc_run(&String::from_utf8_lossy(&bytes), io).await,
            Err(e) => {
                self.report(&format!("fc: {file}: {e}"));
                Ok(1)
            }
        }
    }

    fn write_history_text(&self, file: &str, text: &str) -> Result<(), wasmix_kernel::fs::FsError> {
        let options = wasmix_kernel::fs::OpenOptions {
            write: true,
            create: true,
            truncate: true,
            ..wasmix_kernel::fs::OpenOptions::default()
        };
        self.namespace
            .open(file, options)?
            .append(text.as_bytes())?;
        Ok(())
    }
}
