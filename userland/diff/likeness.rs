//! What makes two lines the same (`-i`, `-E`, `-Z`, `-b`, `-w`), and which changes do
//! not count (`-B`, `-I`): as GNU diff 3.8 decides them.

use std::borrow::Cow;
use wasmix_common::posix_regex::PosixRegex;

/// How white space counts, strongest last: a stronger option overrides the others, as
/// GNU's `-w` overrides `-b`, and `-b` both `-E` and `-Z`.
#[derive(Clone, Copy, Default, PartialEq, PartialOrd)]
pub enum WhiteSpace {
    #[default]
    Exact,
    /// `-E`, `-Z` or both.
    Loose { tab_expansion: bool, trailing: bool },
    /// `-b`.
    SpaceChange,
    /// `-w`.
    AllSpace,
}

#[derive(Clone, Default)]
pub struct Likeness {
    pub ignore_case: bool,
    pub white_space: WhiteSpace,
    pub tab_size: usize,
    /// `-B`: changes whose lines are all blank do not count.
    pub ignore_blank_lines: bool,
    /// `-I`: changes whose lines all match one of these do not count.
    pub ignore_matching: Vec<PosixRegex>,
}

/// GNU's `isspace` in the C locale.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

impl Likeness {
    pub fn add_white_space(&mut self, option: char) {
        use WhiteSpace::*;
        self.white_space = match (option, self.white_space) {
            ('w', _) => AllSpace,
            ('b', AllSpace) => AllSpace,
            ('b', _) => SpaceChange,
            (_, strong @ (SpaceChange | AllSpace)) => strong,
            (_, current) => {
                let (mut tab_expansion, mut trailing) = match current {
                    Loose {
                        tab_expansion,
                        trailing,
                    } => (tab_expansion, trailing),
                    _ => (false, false),
                };
                if option == 'E' {
                    tab_expansion = true;
                } else {
                    trailing = true;
                }
                Loose {
                    tab_expansion,
                    trailing,
                }
            }
        };
    }

    /// Whether the last line's missing newline makes it differ from the same text with
    /// one (white space options count the newline as white space).
    fn newline_counts(&self) -> bool {
        match self.white_space {
            WhiteSpace::Exact => true,
            WhiteSpace::Loose { trailing, .. } => !trailing,
            _ => false,
        }
    }

    /// What a line is compared as: the line itself unless something is ignored. A last
    /// line without a newline (`unended`) is not the same line with one, where it counts.
    pub fn key<'a>(&self, line: &'a [u8], unended: bool) -> Cow<'a, [u8]> {
        let marked = unended && self.newline_counts();
        if self.white_space == WhiteSpace::Exact && !self.ignore_case && !marked {
            return Cow::Borrowed(line);
        }
        let mut key: Vec<u8> = match self.white_space {
            WhiteSpace::Exact => line.to_vec(),
            WhiteSpace::AllSpace => line.iter().copied().filter(|&b| !is_space(b)).collect(),
            WhiteSpace::SpaceChange => {
                // A run of white space is one space; at the end of the line, none.
                let mut out = Vec::with_capacity(line.len());
                let mut in_space = false;
                for &b in line {
                    if is_space(b) {
                        in_space = true;
                    } else {
                        if in_space {
                            out.push(b' ');
                        }
                        in_space = false;
                        out.push(b);
                    }
                }
                out
            }
            // GNU 3.8 checks for trailing white space before it expands tabs, and with
            // both options two blanks never reach the expansion: `-E -Z` is `-Z`.
            WhiteSpace::Loose { trailing: true, .. } => {
                let end = line
                    .iter()
                    .rposition(|&b| !is_space(b))
                    .map_or(0, |i| i + 1);
                line[..end].to_vec()
            }
            WhiteSpace::Loose { .. } => crate::lines::expand_tabs(line, self.tab_size),
        };
        if self.ignore_case {
            key.make_ascii_lowercase();
        }
        if marked {
            key.push(0xff);
        }
        Cow::Owned(key)
    }

    /// Whether some changes may not count.
    pub fn ignores_changes(&self) -> bool {
        self.ignore_blank_lines || !self.ignore_matching.is_empty()
    }

    /// Whether a changed line does not count: blank under `-B`, or matched by `-I`. A
    /// blank line is an empty one, or, where white space is loosened (`-b`, `-w`, `-Z`),
    /// one of white space only: GNU 3.8's reading.
    pub fn trivial(&self, line: &[u8]) -> bool {
        let loosened = matches!(
            self.white_space,
            WhiteSpace::SpaceChange
                | WhiteSpace::AllSpace
                | WhiteSpace::Loose { trailing: true, .. }
        );
        let blank = line.is_empty() || loosened && line.iter().all(|&b| is_space(b));
        (self.ignore_blank_lines && blank) || self.ignore_matching.iter().any(|r| r.is_match(line))
    }
}
