//! Reading a patch: unified hunks (`@@ -a,b +c,d @@`) under `---`/`+++` headers, and the
//! normal format's `NaM`, `NdM`, `NcM` commands, both turned into the same hunks.

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
    let name = text.split('\t').next().unwrap_or("").trim_end();
    name.to_string()
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
        if line.starts_with(b"--- ") && lines.get(i + 1).is_some_and(|l| l.starts_with(b"+++ ")) {
            let mut header = line.to_vec();
            header.extend_from_slice(lines[i + 1]);
            patches.push(FilePatch {
                old_name: Some(name_of(&strip(&line[4..]))),
                new_name: Some(name_of(&strip(&lines[i + 1][4..]))),
                header,
                hunks: Vec::new(),
            });
            i += 2;
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
