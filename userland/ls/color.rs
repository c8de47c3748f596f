//! `--color`: names coloured by their kind, from `LS_COLORS` or, without it, GNU's
//! built-in palette (directories blue, links cyan, executables green, ...).

use std::collections::HashMap;
use std::fs::Metadata;
use wasmix_common::wasi_fs::EntryKind;

/// What an entry is, as far as its colour goes (there are no pipes or sockets among what
/// the kernel's servers hold).
#[derive(Clone, Copy, PartialEq)]
pub enum Kind {
    File,
    Executable,
    SetUid,
    SetGid,
    Directory,
    /// Sticky and writable by others (/tmp).
    StickyOtherWritable,
    OtherWritable,
    Sticky,
    Link,
    /// A symbolic link whose target does not exist.
    BrokenLink,
    Fifo,
    Device,
}

impl Kind {
    /// The kind of a file with metadata `meta`, `listed` as what, and permission bits
    /// `mode`.
    pub fn of(meta: &Metadata, listed: EntryKind, broken: bool, mode: u32) -> Kind {
        let kind = meta.file_type();
        let (sticky, other_writable) = (mode & 0o1000 != 0, mode & 0o002 != 0);
        if kind.is_symlink() {
            if broken { Kind::BrokenLink } else { Kind::Link }
        } else if kind.is_dir() {
            match (sticky, other_writable) {
                (true, true) => Kind::StickyOtherWritable,
                (false, true) => Kind::OtherWritable,
                (true, false) => Kind::Sticky,
                (false, false) => Kind::Directory,
            }
        } else if kind.is_file() {
            if mode & 0o4000 != 0 {
                Kind::SetUid
            } else if mode & 0o2000 != 0 {
                Kind::SetGid
            } else if mode & 0o111 != 0 {
                Kind::Executable
            } else {
                Kind::File
            }
        } else if listed == EntryKind::Fifo {
            Kind::Fifo
        } else {
            Kind::Device
        }
    }

    /// The kind of an entry known only from its directory's listing (one in a directory
    /// that cannot be searched).
    pub fn listed(kind: EntryKind) -> Kind {
        match kind {
            EntryKind::Directory => Kind::Directory,
            EntryKind::Symlink => Kind::Link,
            EntryKind::File => Kind::File,
            EntryKind::Fifo => Kind::Fifo,
            EntryKind::Other => Kind::Device,
        }
    }

    fn code(self) -> &'static str {
        match self {
            Kind::File => "fi",
            Kind::Executable => "ex",
            Kind::SetUid => "su",
            Kind::SetGid => "sg",
            Kind::Directory => "di",
            Kind::StickyOtherWritable => "tw",
            Kind::OtherWritable => "ow",
            Kind::Sticky => "st",
            Kind::Link => "ln",
            Kind::BrokenLink => "or",
            Kind::Fifo => "pi",
            Kind::Device => "cd",
        }
    }
}

pub struct Palette {
    kinds: HashMap<String, String>,
    /// `*.tar=01;31`: colours by the end of the name.
    suffixes: Vec<(String, String)>,
    /// Whether the reset that starts coloured output has been written.
    started: bool,
}

/// GNU's colours when LS_COLORS is not set.
const DEFAULT: &str = "rs=0:di=01;34:ln=01;36:mh=00:pi=33:so=01;35:do=01;35:bd=01;33:\
                       cd=01;33:or=40;31;01:mi=00:su=37;41:sg=30;43:ca=00:tw=30;42:ow=34;42:\
                       st=37;44:ex=01;32";

impl Palette {
    /// GNU's palette, with what LS_COLORS sets on top of it.
    pub fn from_env() -> Palette {
        let mut palette = Palette {
            kinds: HashMap::new(),
            suffixes: Vec::new(),
            started: false,
        };
        palette.apply(DEFAULT);
        // GNU's built-in table colours a broken link as a link; only LS_COLORS sets `or`.
        palette.kinds.remove("or");
        if let Ok(spec) = std::env::var("LS_COLORS") {
            palette.apply(&spec);
        }
        palette
    }

    fn apply(&mut self, spec: &str) {
        for item in spec.split(':') {
            let Some((key, value)) = item.split_once('=') else {
                continue;
            };
            match key.strip_prefix('*') {
                Some(suffix) => self.suffixes.push((suffix.to_string(), value.to_string())),
                None => {
                    self.kinds.insert(key.to_string(), value.to_string());
                }
            }
        }
    }

    fn is_colored(&self, kind: Kind) -> bool {
        self.kinds
            .get(kind.code())
            .is_some_and(|c| !c.is_empty() && c != "0" && c != "00")
    }

    /// The SGR parameters for a name, if it is coloured at all. A kind the palette leaves
    /// uncoloured (`ex=`) is coloured as a plain file or directory, as GNU does.
    fn color(&self, name: &str, kind: Kind) -> Option<&str> {
        let kind = match kind {
            Kind::Executable | Kind::SetUid | Kind::SetGid if !self.is_colored(kind) => Kind::File,
            Kind::StickyOtherWritable | Kind::OtherWritable | Kind::Sticky
                if !self.is_colored(kind) =>
            {
                Kind::Directory
            }
            kind => kind,
        };
        let by_kind = self.kinds.get(kind.code()).map(String::as_str);
        let chosen = match kind {
            Kind::File => self
                .suffixes
                .iter()
                .rev()
                .find(|(suffix, _)| name.ends_with(suffix.as_str()))
                .map(|(_, color)| color.as_str())
                .or(by_kind),
            Kind::BrokenLink => by_kind.or_else(|| self.kinds.get("ln").map(String::as_str)),
            _ => by_kind,
        };
        chosen.filter(|c| !c.is_empty() && *c != "0" && *c != "00")
    }

    /// `name` (its bytes as they are written) wrapped in its colour; the first coloured
    /// name comes after GNU's reset.
    pub fn paint(&mut self, name: &str, shown: Vec<u8>, kind: Kind) -> Vec<u8> {
        match self.color(name, kind).map(str::to_string) {
            Some(color) => {
                let reset = if std::mem::replace(&mut self.started, true) {
                    ""
                } else {
                    "\x1b[0m"
                };
                let mut painted = format!("{reset}\x1b[{color}m").into_bytes();
                painted.extend(shown);
                painted.extend_from_slice(b"\x1b[0m");
                painted
            }
            None => shown,
        }
    }
}
