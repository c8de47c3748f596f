//! Mode changes as chmod, `mkdir -m`, `install -m` and `find -perm` read them: octal
//! (`755`, `=644`) or symbolic (`u+x,go-w`, `a=rX`, `g=u`), with GNU's rules for the umask,
//! `X`, copied permissions and a directory's set-ID bits (gnulib's modechange.c).

const SET_UID: u32 = 0o4000;
const SET_GID: u32 = 0o2000;
const STICKY: u32 = 0o1000;
const ALL_BITS: u32 = 0o7777;
const READ: u32 = 0o444;
const WRITE: u32 = 0o222;
const EXECUTE: u32 = 0o111;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Ordinary,
    /// `g=u`: the bits another class has now.
    CopyExisting,
    /// `X`: execute only for directories and files something may execute already.
    ExecuteIfAnyExecute,
}

#[derive(Clone, Debug)]
struct Change {
    op: char,
    kind: Kind,
    /// The bits the clause's classes (`ugoa`) cover; 0 when none were named.
    affected: u32,
    value: u32,
    /// The bits the clause names explicitly (a directory keeps set-ID bits not named).
    mentioned: u32,
}

/// A parsed mode: a list of changes applied in turn.
#[derive(Clone, Debug)]
pub struct ModeChange {
    changes: Vec<Change>,
}

fn octal(text: &str) -> Option<u32> {
    let value = u32::from_str_radix(text, 8).ok()?;
    (value <= ALL_BITS).then_some(value)
}

/// `-m MODE` of mkfifo and mknod: MODE applied to `a=rw`, with no umask, for the new
/// node to be given exactly; GNU's complaint when it is no mode or more than permissions.
pub fn creation_mode(text: &str) -> Result<u32, crate::Failure> {
    let change =
        ModeChange::parse(text).ok_or_else(|| crate::Failure::Fatal("invalid mode".into()))?;
    let exact = change.apply(0o666, false, 0);
    if exact & !0o777 != 0 {
        return Err(crate::Failure::Fatal(
            "mode must specify only file permission bits".into(),
        ));
    }
    Ok(exact)
}

impl ModeChange {
    /// Parses a mode; None when it is not one.
    pub fn parse(text: &str) -> Option<ModeChange> {
        if text.starts_with(|c: char| c.is_ascii_digit()) {
            let mode = octal(text)?;
            let mentioned = if text.len() < 5 {
                (mode & (SET_UID | SET_GID)) | STICKY | 0o777
            } else {
                ALL_BITS
            };
            return Some(ModeChange {
                changes: vec![Change {
                    op: '=',
                    kind: Kind::Ordinary,
                    affected: ALL_BITS,
                    value: mode,
                    mentioned,
                }],
            });
        }
        let mut changes = Vec::new();
        for clause in text.split(',') {
            let mut chars = clause.chars().peekable();
            let mut affected = 0;
            while let Some(&c) = chars.peek() {
                affected |= match c {
                    'u' => SET_UID | 0o700,
                    'g' => SET_GID | 0o070,
                    'o' => STICKY | 0o007,
                    'a' => ALL_BITS,
                    _ => break,
                };
                chars.next();
            }
            // Each clause needs at least one operator.
            chars.peek().filter(|c| matches!(c, '+' | '-' | '='))?;
            while let Some(op) = chars.next() {
                if !matches!(op, '+' | '-' | '=') {
                    return None;
                }
                let (mut kind, mut value, mut mentioned) = (Kind::Ordinary, 0, 0);
                let rest: String = chars.clone().collect();
                if rest.starts_with(|c: char| c.is_ascii_digit()) {
                    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                    if affected != 0 || digits.len() != rest.len() {
                        return None;
                    }
                    value = octal(&digits)?;
                    affected = ALL_BITS;
                    mentioned = ALL_BITS;
                    chars.by_ref().for_each(drop);
                } else if let Some(&class @ ('u' | 'g' | 'o')) = chars.peek() {
                    chars.next();
                    kind = Kind::CopyExisting;
                    value = match class {
                        'u' => 0o700,
                        'g' => 0o070,
                        _ => 0o007,
                    };
                } else {
                    while let Some(&c) = chars.peek() {
                        match c {
                            'r' => value |= READ,
                            'w' => value |= WRITE,
                            'x' => value |= EXECUTE,
                            'X' => kind = Kind::ExecuteIfAnyExecute,
                            's' => value |= SET_UID | SET_GID,
                            't' => value |= STICKY,
                            _ => break,
                        }
                        chars.next();
                    }
                }
                if mentioned == 0 {
                    mentioned = if affected != 0 {
                        affected & value
                    } else {
                        value
                    };
                }
                changes.push(Change {
                    op,
                    kind,
                    affected,
                    value,
                    mentioned,
                });
            }
        }
        Some(ModeChange { changes })
    }

    /// The mode after the changes, from `old` (its permission bits), for a directory or
    /// not, under `umask`. Also returns which bits the changes set or cleared.
    pub fn apply_with_bits(&self, old: u32, is_dir: bool, umask: u32) -> (u32, u32) {
        let mut mode = old & ALL_BITS;
        let mut touched = 0;
        for change in &self.changes {
            let omit = if is_dir { SET_UID | SET_GID } else { 0 } & !change.mentioned;
            let mut value = change.value;
            match change.kind {
                Kind::Ordinary => {}
                Kind::CopyExisting => {
                    value &= mode;
                    let spread = |class: u32| if value & class != 0 { class } else { 0 };
                    value |= spread(READ) | spread(WRITE) | spread(EXECUTE);
                }
                Kind::ExecuteIfAnyExecute => {
                    if mode & EXECUTE != 0 || is_dir {
                        value |= EXECUTE;
                    }
                }
            }
            value &= if change.affected != 0 {
                change.affected
            } else {
                !umask
            } & !omit;
            match change.op {
                '=' => {
                    let preserved = if change.affected != 0 {
                        !change.affected
                    } else {
                        0
                    } | omit;
                    touched |= ALL_BITS & !preserved;
                    mode = (mode & preserved) | value;
                }
                '+' => {
                    touched |= value;
                    mode |= value;
                }
                _ => {
                    touched |= value;
                    mode &= !value;
                }
            }
        }
        (mode, touched)
    }

    /// The mode after the changes (see `apply_with_bits`).
    pub fn apply(&self, old: u32, is_dir: bool, umask: u32) -> u32 {
        self.apply_with_bits(old, is_dir, umask).0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changed(mode: &str, old: u32, is_dir: bool) -> u32 {
        ModeChange::parse(mode).unwrap().apply(old, is_dir, 0o022)
    }

    #[test]
    fn octal_and_symbolic_modes() {
        assert_eq!(changed("755", 0o644, false), 0o755);
        assert_eq!(changed("u+x", 0o644, false), 0o744);
        assert_eq!(changed("+x", 0o644, false), 0o755);
        assert_eq!(changed("+w", 0o444, false), 0o644);
        assert_eq!(changed("go-r", 0o644, false), 0o600);
        assert_eq!(changed("a=rX", 0o700, true), 0o555);
        assert_eq!(changed("a=rX", 0o600, false), 0o444);
        assert_eq!(changed("g=u", 0o740, false), 0o770);
        assert_eq!(changed("u=rwx,g=rx,o=", 0, false), 0o750);
        assert_eq!(changed("+t", 0o755, true), 0o1755);
        assert_eq!(changed("u+s", 0o755, false), 0o4755);
        // A directory keeps set-ID bits a short octal mode does not name.
        assert_eq!(changed("755", 0o2755, true), 0o2755);
        assert_eq!(changed("00755", 0o2755, true), 0o755);
    }

    #[test]
    fn what_is_not_a_mode() {
        for bad in ["", "u", "8", "u+q", "+x,", "77777", "u+7", "a+rw-z"] {
            assert!(ModeChange::parse(bad).is_none(), "{bad}");
        }
    }
}
