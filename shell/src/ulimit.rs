//! `ulimit [-SHa] [-cfntv [LIMIT]]...`: the limits the kernel holds the shell's processes
//! to, soft (enforced) and hard (the most the soft one may be raised to), read and set as
//! bash reads and sets them. A hard limit is only ever lowered, and every process started
//! from then on inherits both.

use super::Shell;
use wasmix_kernel::engine::MAX_MEMORY_BYTES;
use wasmix_kernel::kernel::Limits;

/// A resource `ulimit` knows: its option letter, its name and unit as `ulimit -a` shows
/// them, and how many bytes (or seconds, or files) one unit is.
struct Resource {
    letter: char,
    name: &'static str,
    unit: &'static str,
    scale: u64,
}

/// In `ulimit -a`'s order.
const RESOURCES: [Resource; 5] = [
    Resource {
        letter: 'c',
        name: "core file size",
        unit: "blocks",
        scale: 1024,
    },
    Resource {
        letter: 'f',
        name: "file size",
        unit: "blocks",
        scale: 1024,
    },
    Resource {
        letter: 'n',
        name: "open files",
        unit: "",
        scale: 1,
    },
    Resource {
        letter: 't',
        name: "cpu time",
        unit: "seconds",
        scale: 1,
    },
    Resource {
        letter: 'v',
        name: "virtual memory",
        unit: "kbytes",
        scale: 1024,
    },
];

const USAGE: &str = "ulimit: usage: ulimit [-SHacfntv] [limit]";

/// Which of the two limits an option reads or sets: `-S`, `-H`, or (neither) both, of
/// which a read shows the soft one.
#[derive(Clone, Copy, PartialEq)]
enum Which {
    Soft,
    Hard,
    Both,
}

/// One resource named on the command line, and the limit to give it if one followed.
struct Request {
    resource: &'static Resource,
    value: Option<String>,
}

impl Resource {
    fn by_letter(letter: char) -> Option<&'static Resource> {
        RESOURCES.iter().find(|r| r.letter == letter)
    }

    /// Its limit in bytes, seconds or files; None is unlimited.
    fn get(&self, limits: &Limits, which: Which) -> Option<u64> {
        let hard = which == Which::Hard;
        match self.letter {
            'c' if hard => limits.hard.core_size,
            'c' => limits.core_size,
            'f' if hard => limits.hard.file_size,
            'f' => limits.file_size,
            'n' if hard => Some(limits.hard.open_files as u64),
            'n' => Some(limits.open_files as u64),
            't' if hard => limits.hard.cpu.map(|t| t.as_secs()),
            't' => limits.cpu.map(|t| t.as_secs()),
            _ => {
                let bytes = if hard {
                    limits.hard.memory
                } else {
                    limits.memory
                };
                (bytes < MAX_MEMORY_BYTES).then_some(bytes as u64)
            }
        }
    }

    /// Sets both limits, as setrlimit checks them: the soft one above the hard one is
    /// EINVAL, a hard one raised is EPERM.
    fn set(&self, limits: &mut Limits, soft: Option<u64>, hard: Option<u64>) -> Result<(), &str> {
        let above = |a: Option<u64>, b: Option<u64>| match (a, b) {
            (_, None) => false,
            (None, Some(_)) => true,
            (Some(a), Some(b)) => a > b,
        };
        if above(soft, hard) {
            return Err("Invalid argument");
        }
        if above(hard, self.get(limits, Which::Hard)) {
            return Err("Operation not permitted");
        }
        let memory = |bytes: Option<u64>| {
            bytes.map_or(MAX_MEMORY_BYTES, |b| {
                usize::try_from(b).map_or(MAX_MEMORY_BYTES, |b| b.min(MAX_MEMORY_BYTES))
            })
        };
        let seconds = |s: Option<u64>| s.map(std::time::Duration::from_secs);
        // Below the hard limit, so finite where it is.
        let count = |n: Option<u64>| n.map_or(usize::MAX, |n| n as usize);
        match self.letter {
            'c' => (limits.core_size, limits.hard.core_size) = (soft, hard),
            'f' => (limits.file_size, limits.hard.file_size) = (soft, hard),
            'n' => (limits.open_files, limits.hard.open_files) = (count(soft), count(hard)),
            't' => (limits.cpu, limits.hard.cpu) = (seconds(soft), seconds(hard)),
            _ => (limits.memory, limits.hard.memory) = (memory(soft), memory(hard)),
        }
        Ok(())
    }

    /// `open files                          (-n) ` as bash lays out `ulimit -a`.
    fn heading(&self) -> String {
        let unit = if self.unit.is_empty() {
            format!("(-{}) ", self.letter)
        } else {
            format!("({}, -{}) ", self.unit, self.letter)
        };
        format!("{:<20} {unit:>20}", self.name)
    }

    fn show(&self, limits: &Limits, which: Which) -> String {
        match self.get(limits, which) {
            None => "unlimited".into(),
            Some(value) => (value / self.scale).to_string(),
        }
    }
}

impl Shell {
    pub(super) fn ulimit_builtin(&mut self, args: &[String]) -> (u8, String) {
        let (mut soft, mut hard) = (false, false);
        let mut all = false;
        let mut requests: Vec<Request> = Vec::new();
        let mut at = 0;
        // Options, each resource letter taking the word after it as its limit unless
        // that word is an option too.
        while let Some(word) = args.get(at) {
            if word == "--" {
                at += 1;
                break;
            }
            let Some(letters) = word.strip_prefix('-').filter(|l| !l.is_empty()) else {
                break;
            };
            at += 1;
            for letter in letters.chars() {
                match letter {
                    'S' => soft = true,
                    'H' => hard = true,
                    'a' => all = true,
                    _ => match Resource::by_letter(letter) {
                        Some(resource) => requests.push(Request {
                            resource,
                            value: None,
                        }),
                        None => {
                            self.report(&format!("ulimit: -{letter}: invalid option"));
                            self.say(USAGE.into());
                            return (2, String::new());
                        }
                    },
                }
            }
            if let Some(value) = args.get(at).filter(|v| !v.starts_with('-'))
                && let Some(last) = requests.last_mut()
            {
                last.value = Some(value.clone());
                at += 1;
            }
        }
        let which = match (soft, hard) {
            (true, false) => Which::Soft,
            (false, true) => Which::Hard,
            _ => Which::Both,
        };
        // A word after the options is the limit of the last resource named, or of the
        // file size when none was.
        if let Some(value) = args.get(at) {
            match requests.last_mut() {
                Some(last) if last.value.is_none() => last.value = Some(value.clone()),
                Some(_) => {}
                None => requests.push(Request {
                    resource: Resource::by_letter('f').expect("in the table"),
                    value: Some(value.clone()),
                }),
            }
        }
        if all {
            let text = RESOURCES
                .iter()
                .map(|r| format!("{}{}\n", r.heading(), r.show(&self.limits, which)))
                .collect();
            return (0, text);
        }
        if requests.is_empty() {
            requests.push(Request {
                resource: Resource::by_letter('f').expect("in the table"),
                value: None,
            });
        }
        let headed = requests.len() > 1;
        let mut text = String::new();
        let mut status = 0;
        for Request { resource, value } in requests {
            let Some(value) = value else {
                if headed {
                    text.push_str(&resource.heading());
                }
                text.push_str(&resource.show(&self.limits, which));
                text.push('\n');
                continue;
            };
            if let Err(message) = self.set_limit(resource, &value, which) {
                self.report(&format!("ulimit: {message}"));
                status = 1;
            }
        }
        (status, text)
    }

    fn set_limit(&mut self, resource: &Resource, value: &str, which: Which) -> Result<(), String> {
        let limit = match value {
            "unlimited" => None,
            "hard" => resource.get(&self.limits, Which::Hard),
            "soft" => resource.get(&self.limits, Which::Soft),
            _ if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) => {
                let units: u64 = value
                    .parse()
                    .map_err(|_| format!("{value}: limit out of range"))?;
                Some(
                    units
                        .checked_mul(resource.scale)
                        .filter(|bytes| i64::try_from(*bytes).is_ok())
                        .ok_or_else(|| format!("{value}: limit out of range"))?,
                )
            }
            _ => return Err(format!("{value}: invalid number")),
        };
        let (soft, hard) = match which {
            Which::Soft => (limit, resource.get(&self.limits, Which::Hard)),
            Which::Hard => (resource.get(&self.limits, Which::Soft), limit),
            Which::Both => (limit, limit),
        };
        resource
            .set(&mut self.limits, soft, hard)
            .map_err(|why| format!("{}: cannot modify limit: {why}", resource.name))
    }
}
