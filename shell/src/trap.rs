//! `trap`: commands the shell runs when it exits (`EXIT`), when a signal it catches comes
//! (the kernel keeps it pending until the command running ends, as bash waits for its
//! foreground job), before each command (`DEBUG`), after a command fails (`ERR`, where
//! `set -e` would stop) and when a function or sourced file returns (`RETURN`).

use super::builtin::deliver_before_error;
use super::{Flow, Shell};
use std::sync::Arc;
use wasmix_kernel::file::{Output, Stdio};
use wasmix_kernel::proc::{Disposition, Signal};

/// The trap a `trap` operand names: `EXIT` (or `0`), a signal by name or number (`INT`,
/// `SIGINT`, `2`), `DEBUG`, `ERR` or `RETURN`, as `trap -p` names them.
fn condition(name: &str) -> Option<String> {
    let upper = name.to_ascii_uppercase();
    match upper.strip_prefix("SIG").unwrap_or(&upper) {
        "EXIT" | "0" => return Some("EXIT".into()),
        "DEBUG" | "ERR" | "RETURN" if !upper.starts_with("SIG") => return Some(upper),
        _ => {}
    }
    let signal = match name.parse::<u8>() {
        Ok(number) => Signal::from_number(number),
        Err(_) => Signal::from_name(name),
    };
    signal.map(|signal| format!("SIG{}", signal.name()))
}

/// Where a trap comes in bash's listings: EXIT, the signals by number, then the rest.
fn listing_order(name: &str) -> u16 {
    match name {
        "EXIT" => 0,
        "DEBUG" => 1000,
        "ERR" => 1001,
        "RETURN" => 1002,
        signal => Signal::from_name(signal).map_or(999, |s| u16::from(s.number())),
    }
}

/// The signal a trap's name stands for (`SIGINT`), if it is one.
fn trapped_signal(name: &str) -> Option<Signal> {
    name.strip_prefix("SIG").and_then(Signal::from_name)
}

impl Shell {
    /// `trap [-lp] [[COMMAND] CONDITION...]`, `trap - CONDITION...`, `trap` alone.
    pub(super) fn trap_builtin(&mut self, argv: &[String], stdout: &Output) -> (u8, String) {
        let args: Vec<&str> = argv[1..].iter().map(String::as_str).collect();
        let args = match args.first() {
            Some(&"--") => &args[1..],
            // An option other than -l and -p (`-1` too) is refused, as bash does.
            Some(&option)
                if option.len() > 1
                    && option.starts_with('-')
                    && option != "-l"
                    && option != "-p" =>
            {
                self.report(&format!("trap: {option}: invalid option"));
                self.say("trap: usage: trap [-lp] [[arg] signal_spec ...]".into());
                return (2, String::new());
            }
            _ => &args[..],
        };
        if args.first() == Some(&"-l") {
            return self.list_signals(&[], stdout);
        }
        if args.is_empty() || args[0] == "-p" {
            let operands = args.iter().skip(1);
            // `trap -p -s`: options end at the first; another is refused.
            if let Some(option) = operands.clone().find(|a| a.len() > 1 && a.starts_with('-')) {
                self.report(&format!("trap: {option}: invalid option"));
                self.say("trap: usage: trap [-lp] [[arg] signal_spec ...]".into());
                return (2, String::new());
            }
            // A subshell that set no trap lists its parent's, as bash does.
            let traps = self.parent_traps.as_deref().unwrap_or(&self.traps);
            let show = |name: &String, command: &String| {
                let quoted = format!("'{}'", command.replace('\'', "'\\''"));
                format!("trap -- {quoted} {name}\n")
            };
            let mut status = 0;
            let mut text = String::new();
            if operands.len() == 0 {
                let mut listed: Vec<(&String, &String)> = traps.iter().collect();
                listed.sort_by_key(|(name, _)| listing_order(name));
                text = listed.into_iter().map(|(n, c)| show(n, c)).collect();
            }
            // Named ones in the order named, each time it is named.
            for operand in operands {
                match condition(operand) {
                    Some(name) => {
                        if let Some((name, command)) = traps.get_key_value(name.as_str()) {
                            text.push_str(&show(name, command));
                        }
                    }
                    None => {
                        deliver_before_error(&mut text, stdout);
                        self.report(&format!("trap: {operand}: invalid signal specification"));
                        status = 1;
                    }
                }
            }
            return (status, text);
        }
        // One operand alone, `-`, or a number first resets; otherwise the first is the
        // command.
        let resets = args.len() == 1 || args[0] == "-" || args[0].parse::<u32>().is_ok();
        let (command, names) = match resets {
            true if args[0] == "-" => (None, &args[1..]),
            true => (None, args),
            false => (Some(args[0].to_string()), &args[1..]),
        };
        let mut status = 0;
        self.parent_traps = None;
        for name in names {
            let Some(name) = condition(name) else {
                self.report(&format!("trap: {name}: invalid signal specification"));
                status = 1;
                continue;
            };
            if let Some(signal) = trapped_signal(&name) {
                // As bash: quietly left as it is.
                if self.ignored_at_entry & (1 << (signal.number() - 1)) != 0 {
                    continue;
                }
                let disposition = match &command {
                    None => Disposition::Default,
                    Some(command) if command.is_empty() => Disposition::Ignore,
                    Some(_) => Disposition::Catch,
                };
                self.set_disposition(signal, disposition);
            }
            match &command {
                Some(command) => {
                    if name == "RETURN" {
                        self.return_traps_set += 1;
                    }
                    self.notice_bash_command(command);
                    self.traps.insert(name, command.clone());
                }
                None => {
                    self.traps.remove(&name);
                }
            }
        }
        (status, String::new())
    }

    /// A non-interactive shell keeps the signals it was started with ignored, and lists
    /// them among its traps, as bash does.
    pub(super) fn keep_signals_ignored_at_entry(&mut self) {
        let Some(process) = self.kernel.processes.get(self.pid) else {
            return;
        };
        let (ignored, _) = process.signals.masks();
        self.ignored_at_entry = ignored;
        for number in 1..=64u8 {
            if ignored & (1 << (number - 1)) != 0
                && let Some(signal) = Signal::from_number(number)
            {
                self.traps
                    .insert(format!("SIG{}", signal.name()), String::new());
            }
        }
    }

    /// Tells the kernel what this shell does with `signal`. Subshells that share the
    /// shell's pid leave its dispositions alone.
    fn set_disposition(&self, signal: Signal, disposition: Disposition) {
        if self.subshell_level == 0
            && let Some(process) = self.kernel.processes.get(self.pid)
        {
            process.signals.set(signal, disposition);
        }
    }

    /// Runs the traps of the caught signals that came since the last look; a signal that
    /// ends the shell's process ends the shell here, between commands.
    pub(super) async fn run_signal_traps(&mut self) -> Result<(), Flow> {
        if self.subshell_level > 0 || !self.running_traps.is_empty() {
            return Ok(());
        }
        let Some(process) = self.kernel.processes.get(self.pid) else {
            return Ok(());
        };
        if let Some(signal) = process.kill_signal() {
            return Err(Flow::Exit(128 + signal.number()));
        }
        for signal in process.signals.take_pending() {
            self.run_trap(&format!("SIG{}", signal.name())).await?;
        }
        Ok(())
    }

    /// Runs the DEBUG trap before a command. Under
    /// `shopt -s extdebug`, as in bash, a trap that fails skips the command (true), and
    /// one that ends with 2 in a function or a sourced file returns from it.
    pub(super) async fn run_debug_trap(&mut self) -> Result<bool, Flow> {
        // (Functions and sourced files that are not traced do not have it.)
        if !self.traps.contains_key("DEBUG") {
            return Ok(false);
        }
        let status = self.run_trap_for_status("DEBUG").await?;
        match status {
            Some(status) if status != 0 && self.shell_options.extdebug => {
                let returns = !self.function_names.is_empty() || !self.source_files.is_empty();
                if status == 2 && returns {
                    return Err(Flow::Return(status));
                }
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    /// The DEBUG trap an untraced function or a sourced file did not see is back,
    /// unless it set its own.
    pub(super) fn restore_debug_trap(&mut self, trap: Option<String>) {
        if let Some(trap) = trap {
            self.traps.entry("DEBUG".into()).or_insert(trap);
        }
    }

    /// Whether the function running was marked with `declare -ft`.
    pub(super) fn in_traced_function(&self) -> bool {
        self.function_names
            .last()
            .is_some_and(|name| self.traced_functions.contains(name))
    }

    /// Runs the command trapped for `name`, if any, keeping `$?` as it was.
    pub(super) async fn run_trap(&mut self, name: &str) -> Result<(), Flow> {
        self.run_trap_for_status(name).await.map(|_| ())
    }

    /// Runs the command trapped for `name`, if any, keeping `$?` as it was: the status
    /// the command ended with, None when it did not run. A trap does not set itself off,
    /// and the RETURN trap does not go off inside the DEBUG trap, as in bash; the others
    /// do (the DEBUG trap runs before the commands of an EXIT or ERR trap).
    pub(super) async fn run_trap_for_status(&mut self, name: &str) -> Result<Option<u8>, Flow> {
        let running = |trap: &str| self.running_traps.iter().any(|r| r == trap);
        if running(name) || (name == "RETURN" && running("DEBUG")) {
            return Ok(None);
        }
        let Some(command) = self.traps.get(name).cloned() else {
            return Ok(None);
        };
        if name == "ERR" {
            self.err_traps_run += 1;
        }
        let status = self.last_status;
        self.running_traps.push(name.to_string());
        // `$LINENO` in the trap is the line of the command that set it off.
        let line = self.line;
        let offset = std::mem::replace(&mut self.line_offset, line.saturating_sub(1));
        let nesting = usize::from(name != "EXIT");
        self.trace_nesting += nesting;
        let result = match super::syntax::parse_with(&command, self.reading()) {
            Ok(program) => {
                let aliases = self.reading_state();
                Box::pin(self.run_program(&program, None, aliases))
                    .await
                    .map(|_| ())
            }
            Err(error) => {
                self.report(&error.message);
                Ok(())
            }
        };
        let trap_status = match &result {
            Err(Flow::Return(status)) => *status,
            _ => self.last_status,
        };
        self.trace_nesting -= nesting;
        self.line_offset = offset;
        self.line = line;
        self.running_traps.pop();
        self.last_status = status;
        if name == "SIGCHLD" {
            self.forget_ended_children();
        }
        result.map(|()| Some(trap_status))
    }

    /// Drops a pending SIGCHLD (the children the CHLD trap's own commands started end
    /// without setting it off again, as in bash), keeping any other signal pending.
    pub(super) fn forget_ended_children(&self) {
        let Some(process) = self.kernel.processes.get(self.pid) else {
            return;
        };
        for pending in process.signals.take_pending() {
            if pending != Signal::Child {
                process.signals.absorb(pending);
            }
        }
    }

    /// A copy of the shell for a subshell (`( )`, `$( )`, a pipeline stage, `&`) whose
    /// streams are `io`. As in bash it does not inherit the EXIT trap nor the traps of
    /// caught signals, nor ERR without `set -E`, nor DEBUG and RETURN without `set -T`; it
    /// runs its own EXIT trap when it ends ([`Shell::exit_with`]).
    pub(super) fn subshell(&self, io: &Stdio) -> Shell {
        let mut shell = self.clone();
        shell.subshell_level += 1;
        shell.subshell_pid = Some(super::subshell_pid::SubshellPid::default());
        shell.dynamic = self.dynamic.for_subshell();
        shell.parent_jobs = Some(match &self.parent_jobs {
            Some(parent) if self.jobs.is_empty() => parent.clone(),
            _ => self.jobs.clone(),
        });
        shell.jobs = super::job::Jobs::default();
        // bash's subshells start outside any loop: `( continue )` in a loop is a no-op.
        shell.loop_depth = 0;
        shell.streams = Some(Arc::new(io.duplicate()));
        if shell.parent_traps.is_none() {
            shell.parent_traps = Some(Arc::new(self.traps.clone()));
        }
        shell.traps.remove("EXIT");
        // Caught signals go back to their defaults (ignored ones stay ignored).
        shell
            .traps
            .retain(|name, command| trapped_signal(name).is_none() || command.is_empty());
        if !self.options.errtrace {
            shell.traps.remove("ERR");
        }
        if !self.options.functrace {
            shell.traps.remove("DEBUG");
            shell.traps.remove("RETURN");
        }
        shell
    }

    /// The shell is about to exit with `status`: runs the EXIT trap, whose `exit` may
    /// change the status. Returns the status to exit with.
    pub async fn exit_with(&mut self, status: u8) -> u8 {
        self.last_status = status;
        if !self.traps.contains_key("EXIT") {
            return status;
        }
        match self.run_trap("EXIT").await {
            Err(Flow::Exit(changed)) => changed,
            _ => status,
        }
    }
}
