//! `--ignore-signal`, `--default-signal` and `--list-signal-handling`: what the command
//! is started with, set in env's own process, whose children inherit what it ignores.

use std::io::Write;
use wasmix_common::{Failure, process, signals};

/// The signals there are, but KILL and STOP, which have no other handling.
const KILL: u8 = 9;
const STOP: u8 = 19;

/// Each signal's handling, in the order the options gave it (the last one counts).
#[derive(Default)]
pub struct SignalActions(Vec<(u8, bool)>);

impl SignalActions {
    /// Takes one option's list (`PIPE`, `13`, `HUP,INT`; every signal when none is given).
    pub fn add(&mut self, list: Option<&str>, ignored: bool) -> Result<(), Failure> {
        let Some(list) = list else {
            let every = (1..=31).filter(|&n| n != KILL && n != STOP);
            self.0.extend(every.map(|signal| (signal, ignored)));
            return Ok(());
        };
        for name in list.split(',').filter(|name| !name.is_empty()) {
            // GNU's name for 29 is POLL, and it takes IO as well.
            let signal = if name.eq_ignore_ascii_case("POLL") {
                Some(29)
            } else {
                signals::number(name)
            };
            let signal =
                signal.ok_or_else(|| Failure::Usage(format!("'{name}': invalid signal")))?;
            self.0.push((signal, ignored));
        }
        Ok(())
    }

    /// Sets them in this process, for the command to inherit.
    pub fn apply(&self) -> Result<(), Failure> {
        for &(signal, ignored) in &self.0 {
            process::set_signal_ignored(signal, ignored).map_err(|why| {
                Failure::Fatal(format!(
                    "failed to set signal action for signal {signal}: {why}"
                ))
            })?;
        }
        Ok(())
    }
}

/// `--list-signal-handling`: each signal handled other than by default, on stderr.
pub fn list() {
    for signal in process::ignored_signals() {
        let name = match signal {
            29 => "POLL",
            other => signals::name(other).unwrap_or("?"),
        };
        // With PIPE ignored too, a reader gone away is only an error, which leaves nowhere
        // to report it.
        let _ = writeln!(std::io::stderr(), "{name:<10} ({signal:>2}): IGNORE");
    }
}
