//! Random texts for the parsers' never-panic tests: pieces of shell syntax picked by a
//! fixed xorshift sequence, so a failure is the same on every run.

/// `count` texts of up to `most` pieces each, the pieces joined by `separator`.
pub fn texts(pieces: &[&str], seed: u64, count: usize, most: u64, separator: &str) -> Vec<String> {
    let mut state = seed;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..count)
        .map(|_| {
            let length = next() % most;
            (0..length)
                .map(|_| pieces[(next() % pieces.len() as u64) as usize])
                .collect::<Vec<_>>()
                .join(separator)
        })
        .collect()
}
