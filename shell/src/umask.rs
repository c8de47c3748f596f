//! `umask [-p] [-S] [MODE]`: the mask the shell's new files (redirections) and the
//! processes it starts from then on create files under, in octal or bash's symbolic form.

use super::Shell;

/// `u=rwx,g=rx,o=rx` for the mask 022: what the mask allows.
fn symbolic(mask: u32) -> String {
    let allowed = !mask & 0o777;
    let class = |shift: u32| {
        let bits = (allowed >> shift) & 7;
        [(4, 'r'), (2, 'w'), (1, 'x')]
            .iter()
            .filter(|(bit, _)| bits & bit != 0)
            .map(|(_, letter)| *letter)
            .collect::<String>()
    };
    format!("u={},g={},o={}", class(6), class(3), class(0))
}

/// A symbolic mode applied to what `mask` allows, as bash reads it: `[ugoa]*[+-=][rwx]*`
/// clauses between commas; no class names all three. The new mask, or bash's complaint.
fn symbolic_mask(text: &str, mask: u32) -> Result<u32, String> {
    let mut allowed = !mask & 0o777;
    for clause in text.split(',') {
        let mut chars = clause.chars().peekable();
        let mut who = 0;
        while let Some(&c) = chars.peek() {
            who |= match c {
                'u' => 0o700,
                'g' => 0o070,
                'o' => 0o007,
                'a' => 0o777,
                _ => break,
            };
            chars.next();
        }
        if who == 0 {
            who = 0o777;
        }
        let op = chars.next().unwrap_or(' ');
        if !matches!(op, '+' | '-' | '=') {
            return Err(format!("`{op}': invalid symbolic mode operator"));
        }
        let mut bits = 0;
        for c in chars {
            bits |= match c {
                'r' => 0o444,
                'w' => 0o222,
                'x' => 0o111,
                _ => return Err(format!("`{c}': invalid symbolic mode character")),
            };
        }
        bits &= who;
        allowed = match op {
            '+' => allowed | bits,
            '-' => allowed & !bits,
            _ => (allowed & !who) | bits,
        };
    }
    Ok(!allowed & 0o777)
}

impl Shell {
    pub(super) fn umask_builtin(&mut self, args: &[String]) -> (u8, String) {
        let (mut reusable, mut symbolic_form) = (false, false);
        let mut operands = args.iter();
        let mut mode = None;
        for arg in operands.by_ref() {
            match arg.as_str() {
                "-p" => reusable = true,
                "-S" => symbolic_form = true,
                "-pS" | "-Sp" => (reusable, symbolic_form) = (true, true),
                "--" => {}
                option if option.starts_with('-') && option.len() > 1 => {
                    self.report(&format!("umask: {option}: invalid option"));
                    self.say("umask: usage: umask [-p] [-S] [mode]".into());
                    return (2, String::new());
                }
                _ => {
                    mode = Some(arg.as_str());
                    break;
                }
            }
        }
        let mode = mode.or_else(|| operands.next().map(String::as_str));
        let Some(mode) = mode else {
            let shown = if symbolic_form {
                symbolic(self.limits.umask)
            } else {
                format!("{:04o}", self.limits.umask)
            };
            return match (reusable, symbolic_form) {
                (true, true) => (0, format!("umask -S {shown}\n")),
                (true, false) => (0, format!("umask {shown}\n")),
                _ => (0, format!("{shown}\n")),
            };
        };
        let mask = if mode.starts_with(|c: char| c.is_ascii_digit()) {
            // As bash: the permission bits are kept, and nothing past 07777 is taken.
            match u32::from_str_radix(mode, 8) {
                Ok(mask) if mask <= 0o7777 => Ok(mask & 0o777),
                _ => Err(format!("{mode}: octal number out of range")),
            }
        } else {
            symbolic_mask(mode, self.limits.umask)
        };
        match mask {
            Ok(mask) => {
                self.limits.umask = mask;
                let shown = if symbolic_form {
                    format!("{}\n", symbolic(mask))
                } else {
                    String::new()
                };
                (0, shown)
            }
            Err(why) => {
                self.report(&format!("umask: {why}"));
                (1, String::new())
            }
        }
    }
}
