//! Tab stops as `expand` and `unexpand` take them (`-t 4`, `-t 4,8,20`, `-4`).

use crate::Failure;

pub enum TabStops {
    /// Every N columns.
    Every(usize),
    /// At these columns (ascending); none after the last.
    At(Vec<usize>),
}

impl TabStops {
    pub fn parse(text: &str) -> Result<TabStops, Failure> {
        let numbers = text
            .split([',', ' '])
            .filter(|part| !part.is_empty())
            .map(|part| {
                part.parse::<usize>().map_err(|_| {
                    Failure::Fatal(format!("tab size contains invalid character(s): '{part}'"))
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        match numbers.as_slice() {
            [] => Err(Failure::Fatal("tab size cannot be 0".into())),
            [0] => Err(Failure::Fatal("tab size cannot be 0".into())),
            [every] => Ok(TabStops::Every(*every)),
            list => {
                if list.windows(2).any(|pair| pair[0] >= pair[1]) {
                    return Err(Failure::Fatal("tab sizes must be ascending".into()));
                }
                Ok(TabStops::At(list.to_vec()))
            }
        }
    }

    /// The first tab stop after `column`, or None past the last of a list.
    pub fn next(&self, column: usize) -> Option<usize> {
        match self {
            TabStops::Every(n) => Some(column / n * n + n),
            TabStops::At(list) => list.iter().copied().find(|&stop| stop > column),
        }
    }
}
