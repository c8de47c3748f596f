//! The units sizes are printed in (du's `-k`, `-m`, `-B SIZE`, `-h`, `--si`; ls's
//! `--block-size`), as GNU's `human_options` reads them.

use crate::Failure;
use crate::numbers::human_size_in;

#[derive(Clone)]
pub enum Units {
    /// Sizes in blocks of this many bytes, rounded up.
    Blocks(u64),
    /// Blocks with their unit written after the number, as `-BM` asks (`3M`).
    Suffixed(u64, String),
    /// `-h` (1024) or `--si` (1000).
    Human(u64),
}

impl Units {
    /// Reads a `-B` value: `[NUMBER][LETTER[iB|B]]`, e.g. `1K`, `M`, `KB`, `512`, or
    /// `human-readable` or `si`.
    pub fn parse(text: &str, option: &str) -> Result<Units, Failure> {
        match text {
            "human-readable" => return Ok(Units::Human(1024)),
            "si" => return Ok(Units::Human(1000)),
            _ => {}
        }
        let spec = text.strip_prefix('\'').unwrap_or(text);
        let split = spec
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(spec.len());
        let (digits, suffix) = spec.split_at(split);
        let invalid =
            |what: &str| Failure::Fatal(format!("invalid {what}{option} argument '{text}'"));
        let multiplier = if suffix.is_empty() {
            None
        } else {
            let mut chars = suffix.chars();
            let letter = chars.next().unwrap_or('K');
            // A bad letter with no number before it makes the whole argument invalid.
            let bad_letter = if digits.is_empty() { "" } else { "suffix in " };
            let power = "KMGTPEZY"
                .find(letter.to_ascii_uppercase())
                .ok_or_else(|| invalid(bad_letter))? as u32
                + 1;
            let (base, shown) = match chars.as_str() {
                "" => (1024u64, letter.to_ascii_uppercase().to_string()),
                "iB" => (1024, format!("{}iB", letter.to_ascii_uppercase())),
                "B" if letter == 'k' || letter == 'K' => (1000, "kB".to_string()),
                "B" => (1000, format!("{letter}B")),
                _ => return Err(invalid("suffix in ")),
            };
            let value = base.checked_pow(power).ok_or_else(|| invalid(""))?;
            Some((value, shown))
        };
        let number = if digits.is_empty() {
            None
        } else {
            Some(digits.parse::<u64>().map_err(|_| invalid(""))?)
        };
        let units = match (number, multiplier) {
            (Some(number), None) => Units::Blocks(number),
            (Some(number), Some((value, _))) => {
                Units::Blocks(number.checked_mul(value).ok_or_else(|| invalid(""))?)
            }
            (None, Some((value, shown))) => Units::Suffixed(value, shown),
            (None, None) => return Err(invalid("")),
        };
        match units {
            Units::Blocks(0) => Err(invalid("")),
            units => Ok(units),
        }
    }

    pub fn show(&self, bytes: u64) -> String {
        match self {
            Units::Blocks(size) => bytes.div_ceil(*size).to_string(),
            Units::Suffixed(size, shown) => format!("{}{shown}", bytes.div_ceil(*size)),
            Units::Human(base) => human_size_in(bytes, *base),
        }
    }
}
