//! Numbers as GNU tools read them on the command line.

/// A count with an optional multiplier suffix, as in `head -c 1K`: `b` (512), `kB` (1000),
/// `K`/`KiB` (1024), and likewise M, G, T, P, E. None if it is not such a number.
pub fn parse_size(text: &str) -> Option<u64> {
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (digits, suffix) = text.split_at(split);
    let number: u64 = digits.parse().ok()?;
    let multiplier: u64 = match suffix {
        "" => 1,
        "b" => 512,
        _ => {
            let mut chars = suffix.chars();
            let letter = chars.next()?;
            let power = "KMGTPE".find(letter.to_ascii_uppercase())? as u32 + 1;
            let base: u64 = match chars.as_str() {
                "" | "iB" if letter != 'k' => 1024,
                "B" => 1000,
                _ => return None,
            };
            base.checked_pow(power)?
        }
    };
    number.checked_mul(multiplier)
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn suffixes_multiply() {
        assert_eq!(parse_size("12"), Some(12));
        assert_eq!(parse_size("1K"), Some(1024));
        assert_eq!(parse_size("1KiB"), Some(1024));
        assert_eq!(parse_size("1kB"), Some(1000));
        assert_eq!(parse_size("2b"), Some(1024));
        assert_eq!(parse_size("1M"), Some(1 << 20));
        assert_eq!(parse_size("1x"), None);
        assert_eq!(parse_size(""), None);
        assert_eq!(parse_size("k"), None);
    }
}
