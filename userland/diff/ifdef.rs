//! The merged output of `-D NAME` and the group and line formats it is made of
//! (`--old-group-format`, `--line-format`, ...): every line of both files, each group of
//! common, old, new or changed lines written as its format says, as GNU diff writes them.

use crate::hunks::Change;
use crate::lines::{Lines, Look};
use std::io::{self, Write};

/// Which group or line a format is for.
#[derive(Clone, Copy)]
pub enum Kind {
    Unchanged = 0,
    Old = 1,
    New = 2,
    Changed = 3,
}

/// The formats as given; `None` where the option was not.
#[derive(Default)]
pub struct Formats {
    pub group: [Option<Vec<u8>>; 4],
    pub line: [Option<Vec<u8>>; 3],
}

impl Formats {
    /// `-D NAME`: C preprocessor conditionals around each change.
    pub fn ifdef(name: &str) -> [Vec<u8>; 4] {
        [
            "%=".to_string(),
            format!("#ifndef {name}\n%<#endif /* ! {name} */\n"),
            format!("#ifdef {name}\n%>#endif /* {name} */\n"),
            format!("#ifndef {name}\n%<#else /* {name} */\n%>#endif /* {name} */\n"),
        ]
        .map(String::into_bytes)
    }

    /// The formats GNU fills in for those not given.
    pub fn complete(&self) -> Complete {
        let line = self
            .line
            .clone()
            .map(|f| f.unwrap_or_else(|| b"%l\n".to_vec()));
        let [unchanged, old, new, changed] = self.group.clone();
        let old = old.or_else(|| changed.clone()).unwrap_or(b"%<".to_vec());
        let new = new.or_else(|| changed.clone()).unwrap_or(b"%>".to_vec());
        let changed = changed.unwrap_or_else(|| [old.as_slice(), &new].concat());
        Complete {
            group: [unchanged.unwrap_or(b"%=".to_vec()), old, new, changed],
            line,
        }
    }
}

pub struct Complete {
    group: [Vec<u8>; 4],
    line: [Vec<u8>; 3],
}

/// Lines `from..upto` of one file.
#[derive(Clone, Copy)]
struct Group<'a> {
    lines: &'a Lines<'a>,
    from: usize,
    upto: usize,
}

struct Printer<'a> {
    formats: &'a Complete,
    look: &'a Look,
    groups: [Group<'a>; 2],
}

impl Complete {
    /// Whether files that are alike give no output (so their comparison is not shown).
    pub fn silent_when_alike(&self) -> bool {
        self.group[0].is_empty() || self.group[0] == b"%=" && self.line[0].is_empty()
    }

    pub fn write(
        &self,
        out: &mut dyn Write,
        look: &Look,
        old: &Lines,
        new: &Lines,
        changes: &[Change],
    ) -> io::Result<()> {
        let mut text = Vec::new();
        let (mut next_old, mut next_new) = (0, 0);
        let group = |text: &mut Vec<u8>, kind: Kind, olds: (usize, usize), news: (usize, usize)| {
            let printer = Printer {
                formats: self,
                look,
                groups: [
                    Group {
                        lines: old,
                        from: olds.0,
                        upto: olds.1,
                    },
                    Group {
                        lines: new,
                        from: news.0,
                        upto: news.1,
                    },
                ],
            };
            printer.group(Some(text), &self.group[kind as usize], 0, None);
        };
        for c in changes.iter().filter(|c| !c.ignorable) {
            if next_old < c.old.start || next_new < c.new.start {
                let olds = (next_old, c.old.start);
                group(&mut text, Kind::Unchanged, olds, (next_new, c.new.start));
            }
            let kind = match (c.old.is_empty(), c.new.is_empty()) {
                (true, _) => Kind::New,
                (false, true) => Kind::Old,
                (false, false) => Kind::Changed,
            };
            group(
                &mut text,
                kind,
                (c.old.start, c.old.end),
                (c.new.start, c.new.end),
            );
            (next_old, next_new) = (c.old.end, c.new.end);
        }
        if next_old < old.lines.len() || next_new < new.lines.len() {
            let olds = (next_old, old.lines.len());
            group(
                &mut text,
                Kind::Unchanged,
                olds,
                (next_new, new.lines.len()),
            );
        }
        out.write_all(&text)
    }
}

impl Printer<'_> {
    /// A group format from `at` up to `end` (outside nested `%(...)`); written when
    /// `out` is given. Returns where it stopped.
    fn group(
        &self,
        mut out: Option<&mut Vec<u8>>,
        f: &[u8],
        mut at: usize,
        end: Option<u8>,
    ) -> usize {
        while at < f.len() && Some(f[at]) != end {
            let c = f[at];
            at += 1;
            if c != b'%' {
                if let Some(o) = out.as_deref_mut() {
                    o.push(c);
                }
                continue;
            }
            let after_percent = at;
            match f.get(at) {
                Some(b'%') => {
                    at += 1;
                    if let Some(o) = out.as_deref_mut() {
                        o.push(b'%');
                    }
                    continue;
                }
                Some(b'(') => {
                    if let Some(next) = self.condition(out.as_deref_mut(), f, at + 1) {
                        at = next;
                        continue;
                    }
                }
                Some(&which @ (b'<' | b'=' | b'>')) => {
                    at += 1;
                    if let Some(o) = out.as_deref_mut() {
                        let (kind, group) = match which {
                            b'<' => (Kind::Old, self.groups[0]),
                            b'=' => (Kind::Unchanged, self.groups[0]),
                            _ => (Kind::New, self.groups[1]),
                        };
                        self.lines(o, &self.formats.line[kind as usize], group);
                    }
                    continue;
                }
                _ => {
                    if let Some(next) = spec(out.as_deref_mut(), f, at - 1, |l| self.letter(l)) {
                        at = next;
                        continue;
                    }
                }
            }
            // Not a directive: the `%` stands for itself.
            at = after_percent;
            if let Some(o) = out.as_deref_mut() {
                o.push(b'%');
            }
        }
        at
    }

    /// `%(A=B?THEN:ELSE)` from just after its `(`; `None` when it is not one.
    fn condition(&self, mut out: Option<&mut Vec<u8>>, f: &[u8], mut at: usize) -> Option<usize> {
        let mut values = [0i64; 2];
        for (i, separator) in [b'=', b'?'].into_iter().enumerate() {
            let digits = f[at..].iter().take_while(|b| b.is_ascii_digit()).count();
            if digits > 0 {
                values[i] = std::str::from_utf8(&f[at..at + digits])
                    .ok()?
                    .parse()
                    .ok()?;
                at += digits;
            } else {
                values[i] = self.letter(*f.get(at)?)?;
                at += 1;
            }
            if f.get(at) != Some(&separator) {
                return None;
            }
            at += 1;
        }
        let equal = values[0] == values[1];
        at = self.group(out.as_deref_mut().filter(|_| equal), f, at, Some(b':'));
        if at < f.len() {
            at = self.group(out.filter(|_| !equal), f, at + 1, Some(b')'));
            if at < f.len() {
                at += 1;
            }
        }
        Some(at)
    }

    /// The number a group format's letter stands for (upper case: the new file's group).
    fn letter(&self, letter: u8) -> Option<i64> {
        let group = self.groups[usize::from(letter.is_ascii_uppercase())];
        let (from, upto) = (group.from as i64, group.upto as i64);
        Some(match letter.to_ascii_lowercase() {
            b'e' => from,
            b'f' => from + 1,
            b'l' => upto,
            b'm' => upto + 1,
            b'n' => upto - from,
            _ => return None,
        })
    }

    /// Each line of `group` as the line format `f` says.
    fn lines(&self, out: &mut Vec<u8>, f: &[u8], group: Group) {
        for n in group.from..group.upto {
            let line = group.lines.lines[n];
            let mut at = 0;
            while at < f.len() {
                let c = f[at];
                at += 1;
                if c != b'%' {
                    out.push(c);
                    continue;
                }
                match f.get(at) {
                    Some(b'%') => {
                        out.push(b'%');
                        at += 1;
                        continue;
                    }
                    Some(&which @ (b'l' | b'L')) => {
                        // Writing to a vector cannot fail.
                        let _ = self.look.text(out, line);
                        if which == b'L' && !group.lines.unended(n) {
                            out.push(b'\n');
                        }
                        at += 1;
                        continue;
                    }
                    _ => {
                        let number = |l: u8| (l == b'n').then_some(n as i64 + 1);
                        if let Some(next) = spec(Some(out), f, at - 1, number) {
                            at = next;
                            continue;
                        }
                    }
                }
                out.push(b'%');
            }
        }
    }
}

/// A printf-style directive at `f[at]` (its `%`): `%c'C'`, `%c'\OOO'`, or
/// `%[-'0]*[0-9]*[.[0-9]*]{d,o,x,X}` and a letter `value` knows. Returns where it ends.
fn spec(
    out: Option<&mut Vec<u8>>,
    f: &[u8],
    at: usize,
    value: impl Fn(u8) -> Option<i64>,
) -> Option<usize> {
    let mut i = at + 1;
    let flags_start = i;
    while matches!(f.get(i), Some(b'-' | b'\'' | b'0')) {
        i += 1;
    }
    let flags = &f[flags_start..i];
    let width_start = i;
    while f.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    let width: usize = std::str::from_utf8(&f[width_start..i])
        .ok()?
        .parse()
        .unwrap_or(0);
    let mut precision = None;
    if f.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while f.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        precision = Some(std::str::from_utf8(&f[start..i]).ok()?.parse().unwrap_or(0));
    }
    let conversion = *f.get(i)?;
    let argument = *f.get(i + 1)?;
    i += 2;
    let text = match conversion {
        b'c' if argument == b'\'' => {
            let (byte, next) = char_literal(f, i)?;
            i = next;
            vec![byte]
        }
        b'd' | b'o' | b'x' | b'X' => {
            let n = value(argument)?;
            let magnitude = n.unsigned_abs();
            let mut digits = match conversion {
                b'd' => magnitude.to_string(),
                b'o' => format!("{magnitude:o}"),
                b'x' => format!("{magnitude:x}"),
                _ => format!("{magnitude:X}"),
            };
            if let Some(p) = precision {
                if p == 0 && magnitude == 0 {
                    digits.clear();
                }
                while digits.len() < p {
                    digits.insert(0, '0');
                }
            }
            let sign = if n < 0 { "-" } else { "" };
            let left = flags.contains(&b'-');
            let zeros = flags.contains(&b'0') && !left && precision.is_none();
            let length = sign.len() + digits.len();
            let pad = width.saturating_sub(length);
            let body = if zeros {
                format!("{sign}{}{digits}", "0".repeat(pad))
            } else if left {
                format!("{sign}{digits}{}", " ".repeat(pad))
            } else {
                format!("{}{sign}{digits}", " ".repeat(pad))
            };
            body.into_bytes()
        }
        _ => return None,
    };
    if let Some(o) = out {
        o.extend_from_slice(&text);
    }
    Some(i)
}

/// `C'` or `\OOO'` (one to three octal digits) from `at`: the byte, and where it ends.
fn char_literal(f: &[u8], at: usize) -> Option<(u8, usize)> {
    match *f.get(at)? {
        b'\'' => None,
        b'\\' => {
            let digits = f[at + 1..].iter().take_while(|&&b| b != b'\'').count();
            let end = at + 1 + digits;
            if !(1..=3).contains(&digits) || f.get(end) != Some(&b'\'') {
                return None;
            }
            let mut value: u32 = 0;
            for &d in &f[at + 1..end] {
                if !(b'0'..=b'7').contains(&d) {
                    return None;
                }
                value = value * 8 + u32::from(d - b'0');
            }
            Some((value as u8, end + 1))
        }
        c => (f.get(at + 1) == Some(&b'\'')).then_some((c, at + 2)),
    }
}
