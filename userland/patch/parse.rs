//! Reading a patch: unified hunks (`@@ -a,b +c,d @@`) under `---`/`+++` headers, context
//! hunks (`*** a,b ****` ... `--- c,d ----`) under `***`/`---` headers, and the normal
//! format's `NaM`, `NdM`, `NcM` commands, all turned into the same hunks.

/// One line of a hunk: context (' '), removed ('-') or added ('+'), and whether it is
/// the last line of its file with no newline after it.
#[derive(Clone)]
pub struct HunkLine {
    pub kind: u8,
    pub text: Vec<u8>,
    pub no_newline: bool,
}

#[derive(Clone)]
pub struct Hunk {
    /// 1-based line the hunk starts at in the old file (0 for an empty old range).
    pub old_start: usize,
    /// Likewise in the new file; 0 with no lines means the file is removed.
    pub new_start: usize,
    pub lines: Vec<HunkLine>,
    /// The hunk's own text, for a `.rej` file.
    pub text: Vec<u8>,
}

impl Hunk {
    pub fn old_lines(&self) -> impl Iterator<Item = &HunkLine> {
        self.lines.iter().filter(|l| l.kind != b'+')
    }

    pub fn new_lines(&self) -> impl Iterator<Item = &HunkLine> {
        self.lines.iter().filter(|l| l.kind != b'-')
    }

    /// The same hunk undone (`-R`).
    pub fn reversed(&self) -> Hunk {
        let lines = self
            .lines
            .iter()
            .map(|l| HunkLine {
                kind: match l.kind {
                    b'+' => b'-',
                    b'-' => b'+',
                    k => k,
                },
                ..l.clone()
            })
            .collect();
        Hunk {
            lines,
            old_start: self.new_start,
            new_start: self.old_start,
            text: self.text.clone(),
        }
    }
}

/// The patch of one file: its names in the headers, and its hunks.
pub struct FilePatch {
    pub old_name: Option<String>,
    pub new_name: Option<String>,
    pub header: Vec<u8>,
    pub hunks: Vec<Hunk>,
}

fn name_of(header: &[u8]) -> String {
    let text = String::from_utf8_lossy(header);
    if let Some(quoted) = text.strip_prefix('"')
        && let Some(name) = unquoted(quoted)
    {
        return name;
    }
    let name = text.split('\t').next().unwrap_or("").trim_end();
    name.to_string()
}

/// A name diff wrote in C's quotes (`"fruit ba\164"`), up to its closing quote.
fn unquoted(text: &str) -> Option<String> {
    let mut bytes = Vec::new();
    let mut chars = text.bytes();
    while let Some(c) = chars.next() {
        match c {
            b'"' => return Some(String::from_utf8_lossy(&bytes).into_owned()),
            b'\\' => {
                let escaped = chars.next()?;
                bytes.push(match escaped {
                    b'n' => b'\n',
                    b't' => b'\t',
                    b'a' => 7,
                    b'b' => 8,
                    b'f' => 12,
                    b'v' => 11,
                    b'r' => b'\r',
                    b'0'..=b'7' => {
                        let mut value = u32::from(escaped - b'0');
                        for _ in 0..2 {
                            let digit = chars.clone().next().filter(|d| (b'0'..=b'7').contains(d));
                            let Some(digit) = digit else { break };
                            chars.next();
                            value = value * 8 + u32::from(digit - b'0');
                        }
                        value as u8
                    }
                    other => other,
                });
            }
            other => bytes.push(other),
        }
    }
    None
}

/// `a,b` in a unified header: (start, count); a lone `a` counts one line.
fn unified_range(text: &str) -> Option<(usize, usize)> {
    match text.split_once(',') {
        Some((start, count)) => Some((start.parse().ok()?, count.parse().ok()?)),
        None => Some((text.parse().ok()?, 1)),
    }
}

/// `a` or `a,b` in a normal-format command: (first, last).
fn normal_range(text: &str) -> Option<(usize, usize)> {
    match text.split_once(',') {
        Some((a, b)) => Some((a.parse().ok()?, b.parse().ok()?)),
        None => text.parse().ok().map(|a| (a, a)),
    }
}

fn normal_command(line: &[u8]) -> Option<(usize, usize, u8, usize, usize)> {
    let text = std::str::from_utf8(line).ok()?;
    let at = text.find(['a', 'c', 'd'])?;
    let (left, right) = (&text[..at], &text[at + 1..]);
    let (a1, a2) = normal_range(left)?;
    let (b1, b2) = normal_range(right)?;
    Some((a1, a2, text.as_bytes()[at], b1, b2))
}

/// Adds a hunk to the last file's patch (a patch without headers, for the file named on
/// the command line, is one of its own).
fn add_hunk(patches: &mut Vec<FilePatch>, hunk: Hunk) {
    if patches.is_empty() {
        patches.push(FilePatch {
            old_name: None,
            new_name: None,
            header: Vec::new(),
            hunks: Vec::new(),
        });
    }
    patches.last_mut().expect("one at least").hunks.push(hunk);
}

pub fn parse(data: &[u8]) -> Vec<FilePatch> {
    let lines: Vec<&[u8]> = data.split_inclusive(|&b| b == b'\n').collect();
    let strip = |l: &[u8]| l.strip_suffix(b"\n").unwrap_or(l).to_vec();
    let mut patches: Vec<FilePatch> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let is_range = |l: &[u8], mark: &[u8]| {
            l.starts_with(mark) && strip(l).ends_with(&mark[..mark.len() - 1])
        };
        // A file's headers: `---`/`+++` (unified) or `***`/`---` (context).
        let next = lines.get(i + 1).copied().unwrap_or_default();
        let unified_header = line.starts_with(b"--- ") && next.starts_with(b"+++ ");
        let context_header =
            line.starts_with(b"*** ") && !is_range(line, b"*** ") && next.starts_with(b"--- ");
        if unified_header || context_header {
            patches.push(FilePatch {
                old_name: Some(name_of(&strip(&line[4..]))),
                new_name: Some(name_of(&strip(&next[4..]))),
                header: [line, next].concat(),
                hunks: Vec::new(),
            });
            i += 2;
            continue;
        }
        if strip(line) == b"***************"
            && lines.get(i + 1).is_some_and(|l| is_range(l, b"*** "))
        {
            let (hunk, next) = context_hunk(&lines, i);
            i = next;
            if let Some(hunk) = hunk {
                add_hunk(&mut patches, hunk);
            }
            continue;
        }
        if line.starts_with(b"@@ -") {
            let text = String::from_utf8_lossy(&strip(line)).into_owned();
            let mut parts = text.split_whitespace().skip(1);
            let old = parts.next().and_then(|p| unified_range(&p[1..]));
            let new = parts.next().and_then(|p| unified_range(p.get(1..)?));
            let (Some((old_start, mut old_left)), Some((new_start, mut new_left))) = (old, new)
            else {
                i += 1;
                continue;
            };
            let mut hunk = Hunk {
                old_start,
                new_start,
                lines: Vec::new(),
                text: line.to_vec(),
            };
            i += 1;
            while i < lines.len() && (old_left > 0 || new_left > 0 || lines[i].starts_with(b"\\")) {
                let l = lines[i];
                hunk.text.extend_from_slice(l);
                i += 1;
                if l.starts_with(b"\\") {
                    if let Some(last) = hunk.lines.last_mut() {
                        last.no_newline = true;
                    }
                    continue;
                }
                let (kind, text) = match l.first() {
                    Some(b'\n') | None => (b' ', Vec::new()),
                    Some(&k) => (k, strip(&l[1..])),
                };
                match kind {
                    b' ' => {
                        old_left = old_left.saturating_sub(1);
                        new_left = new_left.saturating_sub(1);
                    }
                    b'-' => old_left = old_left.saturating_sub(1),
                    b'+' => new_left = new_left.saturating_sub(1),
                    _ => break,
                }
                hunk.lines.push(HunkLine {
                    kind,
                    text,
                    no_newline: false,
                });
            }
            add_hunk(&mut patches, hunk);
            continue;
        }
        if let Some((a1, a2, command, b1, b2)) = normal_command(&strip(line)) {
            let mut hunk = Hunk {
                old_start: a1,
                new_start: b1,
                lines: Vec::new(),
                text: line.to_vec(),
            };
            i += 1;
            let removed = if command == b'a' { 0 } else { a2 + 1 - a1 };
            let added = if command == b'd' { 0 } else { b2 + 1 - b1 };
            for (count, kind, prefix) in [(removed, b'-', b"< "), (added, b'+', b"> ")] {
                if kind == b'+'
                    && removed > 0
                    && added > 0
                    && lines.get(i).is_some_and(|l| l.starts_with(b"---"))
                {
                    hunk.text.extend_from_slice(lines[i]);
                    i += 1;
                }
                for _ in 0..count {
                    let Some(l) = lines.get(i).filter(|l| l.starts_with(prefix)) else {
                        break;
                    };
                    hunk.text.extend_from_slice(l);
                    hunk.lines.push(HunkLine {
                        kind,
                        text: strip(&l[2..]),
                        no_newline: false,
                    });
                    i += 1;
                    if lines.get(i).is_some_and(|l| l.starts_with(b"\\")) {
                        hunk.text.extend_from_slice(lines[i]);
                        if let Some(last) = hunk.lines.last_mut() {
                            last.no_newline = true;
                        }
                        i += 1;
                    }
                }
            }
            add_hunk(&mut patches, hunk);
            continue;
        }
        i += 1;
    }
    patches
}

/// The first number of a context range (`a,b` or `a`).
fn context_start(line: &[u8], mark: &str) -> Option<usize> {
    let text = String::from_utf8_lossy(line);
    let range = text.trim_end().strip_prefix(mark)?.split(' ').next()?;
    range.split(',').next()?.parse().ok()
}

/// One side of a context hunk: its lines (marker, text, no newline after it).
type Side = Vec<(u8, Vec<u8>, bool)>;

fn context_side(lines: &[&[u8]], mut i: usize, stop: impl Fn(&[u8]) -> bool) -> (Side, usize) {
    let mut side: Side = Vec::new();
    while let Some(l) = lines.get(i).copied() {
        if stop(l) {
            break;
        }
        if l.starts_with(b"\\") {
            if let Some(last) = side.last_mut() {
                last.2 = true;
            }
        } else if l.len() >= 2 && b" -+!".contains(&l[0]) && (l[1] == b' ' || l[1] == b'\n') {
            let text = l.get(2..).unwrap_or_default();
            side.push((
                l[0],
                text.strip_suffix(b"\n").unwrap_or(text).to_vec(),
                false,
            ));
        } else {
            break;
        }
        i += 1;
    }
    (side, i)
}

/// A context hunk starting at the `***************` line `at`: its old and new sides
/// merged into removed, added and context lines; and where the next line is.
fn context_hunk(lines: &[&[u8]], at: usize) -> (Option<Hunk>, usize) {
    let mut text = lines[at].to_vec();
    text.extend_from_slice(lines[at + 1]);
    let old_start = context_start(lines[at + 1], "*** ");
    let is_new_range =
        |l: &[u8]| l.starts_with(b"--- ") && l.strip_suffix(b"\n").unwrap_or(l).ends_with(b" ----");
    let (old, mut i) = context_side(lines, at + 2, is_new_range);
    let Some(new_range) = lines.get(i).copied().filter(|l| is_new_range(l)) else {
        return (None, i);
    };
    text.extend_from_slice(new_range);
    let new_start = context_start(new_range, "--- ");
    let (new, next) = context_side(lines, i + 1, |l| l.starts_with(b"***"));
    for l in &lines[i + 1..next] {
        text.extend_from_slice(l);
    }
    i = next;
    let (Some(old_start), Some(new_start)) = (old_start, new_start) else {
        return (None, i);
    };
    // A side left out has only the context lines the other shows.
    let context_of =
        |side: &Side| -> Side { side.iter().filter(|l| l.0 == b' ').cloned().collect() };
    let old = if old.is_empty() {
        context_of(&new)
    } else {
        old
    };
    let new = if new.is_empty() {
        context_of(&old)
    } else {
        new
    };
    let mut merged = Vec::new();
    let line = |kind: u8, l: &(u8, Vec<u8>, bool)| HunkLine {
        kind,
        text: l.1.clone(),
        no_newline: l.2,
    };
    let (mut o, mut n) = (0, 0);
    while o < old.len() || n < new.len() {
        match (old.get(o).map(|l| l.0), new.get(n).map(|l| l.0)) {
            (Some(b'-'), _) => {
                merged.push(line(b'-', &old[o]));
                o += 1;
            }
            (_, Some(b'+')) => {
                merged.push(line(b'+', &new[n]));
                n += 1;
            }
            (Some(b'!'), _) | (_, Some(b'!')) => {
                while old.get(o).is_some_and(|l| l.0 == b'!') {
                    merged.push(line(b'-', &old[o]));
                    o += 1;
                }
                while new.get(n).is_some_and(|l| l.0 == b'!') {
                    merged.push(line(b'+', &new[n]));
                    n += 1;
                }
            }
            (Some(_), _) => {
                merged.push(line(b' ', &old[o]));
                o += 1;
                n += 1;
            }
            (None, _) => {
                merged.push(line(b'+', &new[n]));
                n += 1;
            }
        }
    }
    let hunk = Hunk {
        old_start,
        new_start,
        lines: merged,
        text,
    };
    (Some(hunk), i)
}
