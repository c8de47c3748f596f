//! Backups of files about to be replaced, as GNU's cp, mv, ln and install make them:
//! `-b`, `--backup[=CONTROL]`, `-S SUFFIX`, and the `VERSION_CONTROL` and
//! `SIMPLE_BACKUP_SUFFIX` variables.

use crate::Failure;

/// The end of the `--help` of each program that makes backups: what `--backup`'s
/// CONTROL and the suffix can be, in GNU's words.
#[macro_export]
macro_rules! backup_help {
    () => {
        "\n\
         The backup suffix is '~', unless set with --suffix or SIMPLE_BACKUP_SUFFIX.\n\
         The version control method may be selected via the --backup option or through\n\
         the VERSION_CONTROL environment variable.  Here are the values:\n\n  \
         none, off       never make backups (even if --backup is given)\n  \
         numbered, t     make numbered backups\n  \
         existing, nil   numbered if numbered backups exist, simple otherwise\n  \
         simple, never   always make simple backups\n"
    };
}
use std::io;
use std::path::{Path, PathBuf};

/// What kind of backup is made.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Control {
    None,
    /// `name~` (the suffix).
    Simple,
    /// `name.~N~`, one more than the highest there.
    Numbered,
    /// Numbered where numbered backups exist already, else simple.
    Existing,
}

/// The names `--backup` takes, each with its synonym, in GNU's order.
const NAMES: [(&str, &str, Control); 4] = [
    ("none", "off", Control::None),
    ("simple", "never", Control::Simple),
    ("existing", "nil", Control::Existing),
    ("numbered", "t", Control::Numbered),
];

/// Reads a backup type as GNU's argmatch does: a whole name, or the start of just one.
/// `context` names where it came from in the message (`backup type`, `$VERSION_CONTROL`).
fn control(text: &str, context: &str) -> Result<Control, Failure> {
    let all = NAMES.iter().flat_map(|&(a, b, c)| [(a, c), (b, c)]);
    if let Some((_, c)) = all.clone().find(|(name, _)| *name == text) {
        return Ok(c);
    }
    let mut starting: Vec<Control> = all
        .filter(|(name, _)| name.starts_with(text))
        .map(|(_, c)| c)
        .collect();
    starting.dedup();
    if let [one] = starting.as_slice() {
        return Ok(*one);
    }
    let kind = if starting.is_empty() {
        "invalid"
    } else {
        "ambiguous"
    };
    let valid: String = NAMES
        .iter()
        .map(|(a, b, _)| format!("\n  - '{a}', '{b}'"))
        .collect();
    Err(Failure::Usage(format!(
        "{kind} argument '{text}' for '{context}'\nValid arguments are:{valid}"
    )))
}

/// The backup options of one command line.
#[derive(Default)]
pub struct Backups {
    /// `-b` or `--backup` given, with its argument if it had one.
    asked: Option<Option<String>>,
    suffix: Option<String>,
}

/// How backups are made, once the options are read.
pub struct Policy {
    pub control: Control,
    pub suffix: String,
}

impl Backups {
    /// `-b` (`None`) or `--backup[=CONTROL]`.
    pub fn ask(&mut self, control: Option<String>) {
        self.asked = Some(control.filter(|c| !c.is_empty()));
    }

    /// `-S SUFFIX`, which asks for backups too.
    pub fn suffix(&mut self, suffix: String) {
        self.suffix = Some(suffix);
        if self.asked.is_none() {
            self.asked = Some(None);
        }
    }

    pub fn policy(self) -> Result<Policy, Failure> {
        let control = match self.asked {
            None => Control::None,
            Some(Some(text)) => control(&text, "backup type")?,
            Some(None) => match std::env::var("VERSION_CONTROL") {
                Ok(text) if !text.is_empty() => control(&text, "$VERSION_CONTROL")?,
                _ => Control::Existing,
            },
        };
        let suffix = self
            .suffix
            .or_else(|| std::env::var("SIMPLE_BACKUP_SUFFIX").ok())
            .filter(|s| !s.is_empty() && !s.contains('/'))
            .unwrap_or_else(|| "~".to_string());
        Ok(Policy { control, suffix })
    }
}

impl Policy {
    pub fn none() -> Policy {
        Policy {
            control: Control::None,
            suffix: "~".into(),
        }
    }

    /// The name `path`'s backup takes.
    fn name_for(&self, path: &Path) -> PathBuf {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let simple = || path.with_file_name(format!("{name}{}", self.suffix));
        if self.control == Control::Simple {
            return simple();
        }
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let prefix = format!("{name}.~");
        let highest = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                let entry = e.file_name().to_string_lossy().into_owned();
                let digits = entry.strip_prefix(&prefix)?.strip_suffix('~')?;
                (!digits.is_empty()
                    && digits.bytes().all(|b| b.is_ascii_digit())
                    && !digits.starts_with('0'))
                .then(|| digits.parse::<u64>().ok())?
            })
            .max();
        match (self.control, highest) {
            (Control::Existing, None) => simple(),
            (_, highest) => path.with_file_name(format!("{name}.~{}~", highest.unwrap_or(0) + 1)),
        }
    }

    /// Moves `path`, which is about to be replaced, to its backup name (when backups are
    /// asked for and it exists); the backup's name.
    pub fn back_up(&self, path: &Path) -> io::Result<Option<PathBuf>> {
        if self.control == Control::None || std::fs::symlink_metadata(path).is_err() {
            return Ok(None);
        }
        let backup = self.name_for(path);
        std::fs::rename(path, &backup)?;
        Ok(Some(backup))
    }
}
