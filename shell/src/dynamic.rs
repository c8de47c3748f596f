//! bash's dynamic variables: `$RANDOM`, `$SECONDS`, `$LINENO` and the others whose value
//! is computed each time it is read. Each is an entry of the variable table marked
//! `dynamic`, so that `set`, `declare -p` and `${!BASH*}` list it, and `unset` ends its
//! special meaning for good, as in bash.

use super::Shell;
use super::variables::{Value, Variable};
use std::borrow::Cow;
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// The user id and host name wasmix's processes see (as `id` and `hostname` print them).
pub(super) const USER_ID: u32 = 1000;
pub(super) const HOSTNAME: &str = "wasmix";

/// The dynamic variables, with the attributes bash gives them: (name, integer, read-only).
const DYNAMIC: [(&str, bool, bool); 14] = [
    ("RANDOM", true, false),
    ("SRANDOM", true, false),
    ("SECONDS", true, false),
    ("BASHPID", true, false),
    ("EPOCHSECONDS", false, false),
    ("EPOCHREALTIME", false, false),
    ("BASH_ARGV0", false, false),
    ("BASH_SUBSHELL", false, false),
    ("BASH_COMMAND", false, false),
    ("LINENO", false, false),
    ("SHELLOPTS", false, true),
    ("BASHOPTS", false, true),
    ("PPID", true, true),
    ("HISTCMD", true, false),
];

/// What the dynamic variables count from: the state of `$RANDOM`'s generator and the
/// moment `$SECONDS` was last set.
#[derive(Clone)]
pub(super) struct DynamicState {
    random: Arc<Mutex<BashRandom>>,
    seconds_set: (i64, Instant),
    /// `DIRSTACK`, and `BASH_ARGC` with `BASH_ARGV`, have been read by name: until then
    /// bash's listings (`set`, `declare -p`, `declare -a`) show them empty, as bash fills
    /// them only when they are looked up.
    read_directory_stack: bool,
    read_arguments: bool,
}

impl DynamicState {
    pub(super) fn new() -> DynamicState {
        DynamicState {
            random: Arc::new(Mutex::new(BashRandom::from_clock())),
            seconds_set: (0, Instant::now()),
            read_directory_stack: false,
            read_arguments: false,
        }
    }

    /// A subshell's: its own `$RANDOM` sequence, seeded anew as bash seeds a forked
    /// shell's, so `$RANDOM` and `$(echo $RANDOM)` differ.
    pub(super) fn for_subshell(&self) -> DynamicState {
        DynamicState {
            random: Arc::new(Mutex::new(BashRandom::from_clock())),
            seconds_set: self.seconds_set,
            read_directory_stack: self.read_directory_stack,
            read_arguments: self.read_arguments,
        }
    }

    fn next_random(&self) -> u32 {
        self.random.lock().map_or(0, |mut random| random.next())
    }
}

impl Shell {
    /// Makes the dynamic variables, at the shell's start.
    pub(super) fn declare_dynamic_variables(&mut self) {
        for (name, integer, readonly) in DYNAMIC {
            let variable = self.declared(name);
            variable.value = Value::Scalar(String::new());
            (variable.integer, variable.readonly) = (integer, readonly);
            variable.dynamic = true;
        }
        self.set_variable("HOSTNAME", HOSTNAME, false);
        self.set_variable("SHLVL", "1", false);
    }

    /// A dynamic variable's value now.
    pub(super) fn dynamic_value(&self, name: &str) -> Option<String> {
        Some(match name {
            "RANDOM" => self.dynamic.next_random().to_string(),
            "SRANDOM" => random_32_bits().to_string(),
            "SECONDS" => {
                let (value, since) = self.dynamic.seconds_set;
                (value + since.elapsed().as_secs() as i64).to_string()
            }
            "EPOCHSECONDS" => since_epoch().as_secs().to_string(),
            "EPOCHREALTIME" => {
                let now = since_epoch();
                format!("{}.{:06}", now.as_secs(), now.subsec_micros())
            }
            "BASH_ARGV0" => self.script_name.clone(),
            "BASHPID" => match &self.subshell_pid {
                Some(own) => own.get(self).unwrap_or(self.pid),
                None => self.pid,
            }
            .to_string(),
            "BASH_SUBSHELL" => self.subshell_level.to_string(),
            "PPID" => self
                .kernel
                .processes
                .get(self.pid)
                .map_or(0, |process| process.ppid)
                .to_string(),
            "LINENO" => self.line.to_string(),
            // The running command's number in the history (it is recorded before it
            // runs); 0 while history is not kept, as in bash.
            "HISTCMD" => match self.options.history {
                true => (self.history.base + self.history.entries.len()).saturating_sub(1),
                false => 0,
            }
            .to_string(),
            "BASH_COMMAND" => self.command_text.clone(),
            "SHELLOPTS" => self.shell_options_list(),
            "BASHOPTS" => self.bash_options_list(),
            _ => return None,
        })
    }

    /// A variable the script reads by name (an expansion, `declare -p NAME`).
    pub(super) fn note_read(&mut self, name: &str) {
        match name {
            "DIRSTACK" => self.dynamic.read_directory_stack = true,
            "BASH_ARGC" | "BASH_ARGV" => self.dynamic.read_arguments = true,
            _ => {}
        }
    }

    /// A variable as listings show it: a dynamic one with its value now, and an array
    /// bash fills only when it is read shown empty until then.
    pub(super) fn shown<'v>(&self, name: &str, variable: &'v Variable) -> Cow<'v, Variable> {
        let unread = match name {
            "DIRSTACK" => !self.dynamic.read_directory_stack,
            "BASH_ARGC" | "BASH_ARGV" => !self.dynamic.read_arguments,
            _ => false,
        };
        if unread && matches!(variable.value, Value::Indexed(_)) {
            let mut empty = variable.clone();
            empty.value = Value::Indexed(Default::default());
            return Cow::Owned(empty);
        }
        if !variable.dynamic {
            return Cow::Borrowed(variable);
        }
        let mut now = variable.clone();
        now.value = Value::Scalar(self.dynamic_value(name).unwrap_or_default());
        Cow::Owned(now)
    }

    /// What assigning a dynamic variable does besides storing the value: `RANDOM=n`
    /// seeds the generator, `SECONDS=n` counts on from n.
    pub(super) fn dynamic_assigned(&mut self, name: &str, value: &str) {
        if !self.variables.get(name).is_some_and(|v| v.dynamic) {
            return;
        }
        let Ok(number) = value.trim().parse::<i64>() else {
            return;
        };
        match name {
            "RANDOM" => {
                if let Ok(mut random) = self.dynamic.random.lock() {
                    // bash keeps the seed in 32 bits.
                    *random = BashRandom::seeded(number as u32);
                }
            }
            "SECONDS" => self.dynamic.seconds_set = (number, Instant::now()),
            _ => {}
        }
    }
}

/// bash's `$RANDOM` generator (`lib/sh/random.c`): Park and Miller's minimal standard
/// generator, its 32 bits folded to 15, never the same number twice in a row. The same
/// seed gives bash's sequence, which scripts that set `RANDOM` rely on.
struct BashRandom {
    seed: u32,
    last: u32,
}

impl BashRandom {
    fn seeded(seed: u32) -> BashRandom {
        BashRandom { seed, last: 0 }
    }

    fn from_clock() -> BashRandom {
        let now = since_epoch();
        BashRandom::seeded(now.as_secs() as u32 ^ now.subsec_micros() ^ std::process::id())
    }

    fn next(&mut self) -> u32 {
        loop {
            self.seed = park_miller(self.seed);
            let value = ((self.seed >> 16) ^ (self.seed & 0xffff)) & 0x7fff;
            if value != self.last {
                self.last = value;
                return value;
            }
        }
    }
}

/// x(n+1) = 16807 x(n) mod (2^31 - 1), split as Schrage's method does to stay in 32 bits.
fn park_miller(last: u32) -> u32 {
    let last = if last == 0 { 123_459_876 } else { last };
    let high = (last / 127_773) as i32;
    let low = (last - 127_773 * high as u32) as i32;
    let next = 16_807 * low - 2_836 * high;
    if next < 0 {
        (next + 0x7fff_ffff) as u32
    } else {
        next as u32
    }
}

/// `$SRANDOM`: 32 bits from the host's randomness (std's per-process random hash keys,
/// stirred with a counter).
fn random_32_bits() -> u32 {
    use std::hash::BuildHasher;
    use std::sync::atomic::{AtomicU64, Ordering};
    static KEYS: std::sync::OnceLock<std::collections::hash_map::RandomState> =
        std::sync::OnceLock::new();
    static COUNT: AtomicU64 = AtomicU64::new(0);
    let keys = KEYS.get_or_init(std::collections::hash_map::RandomState::new);
    keys.hash_one(COUNT.fetch_add(1, Ordering::Relaxed)) as u32
}

/// The time since 1970, for `$EPOCHSECONDS` and `$EPOCHREALTIME`.
pub(super) fn since_epoch() -> std::time::Duration {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
}
