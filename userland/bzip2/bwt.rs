//! The Burrows-Wheeler transform of a block: its rotations in sorted order, by prefix
//! doubling over groups. Rotations are first sorted by their first four bytes; each
//! round then sorts only the groups still tied, by the rank of the rotation `width`
//! bytes further on, which doubles the bytes compared, until no group is tied or the
//! rotations compared are whole (equal rotations, of a periodic block, may go either way).

/// The last byte of each sorted rotation, and where the rotation that starts the block
/// (the original) went.
pub fn transform(block: &[u8]) -> (Vec<u8>, u32) {
    let n = block.len();
    let at = |i: usize| block[i % n];
    let prefixes: Vec<u32> = (0..n)
        .map(|i| u32::from_be_bytes([at(i), at(i + 1), at(i + 2), at(i + 3)]))
        .collect();
    let mut order: Vec<u32> = (0..n as u32).collect();
    // A rotation's rank is the position of the first of its group in `order`.
    let mut rank = vec![0u32; n];
    let mut tied = Vec::new();
    let mut updates = Vec::new();
    let keyed = sort_by_keys(&mut order, |i| prefixes[i as usize]);
    split(&keyed, 0, &mut updates, &mut tied);
    for (rotation, new_rank) in updates.drain(..) {
        rank[rotation as usize] = new_rank;
    }
    let mut width = 4;
    while !tied.is_empty() && width < n {
        let groups = std::mem::take(&mut tied);
        for (start, end) in groups {
            let key = |i: u32| rank[(i as usize + width) % n];
            let keyed = sort_by_keys(&mut order[start..end], key);
            split(&keyed, start, &mut updates, &mut tied);
        }
        // Applied after the round, so that every group was sorted by the same ranks.
        for (rotation, new_rank) in updates.drain(..) {
            rank[rotation as usize] = new_rank;
        }
        width *= 2;
    }
    let mut original = 0;
    let last = order
        .iter()
        .enumerate()
        .map(|(position, &start)| {
            if start == 0 {
                original = position as u32;
            }
            block[(start as usize + n - 1) % n]
        })
        .collect();
    (last, original)
}

/// Splits rotations sorted with their keys (as `sort_by_keys` leaves them, from
/// `start` in the order) into groups of equal keys: each rotation's new rank goes to
/// `updates`, each group of more than one to `tied`.
fn split(
    keyed: &[u64],
    start: usize,
    updates: &mut Vec<(u32, u32)>,
    tied: &mut Vec<(usize, usize)>,
) {
    let key = |at: usize| (keyed[at] >> 32) as u32;
    let mut group = 0;
    for position in 1..=keyed.len() {
        if position == keyed.len() || key(position) != key(group) {
            let rank = (start + group) as u32;
            updates.extend(keyed[group..position].iter().map(|&k| (k as u32, rank)));
            if position - group > 1 {
                tied.push((start + group, start + position));
            }
            group = position;
        }
    }
}

/// Sorts rotations by a key looked up once each: key and rotation side by side in one
/// word, so that comparing them reads no other memory. Returns them so, sorted.
fn sort_by_keys(rotations: &mut [u32], key: impl Fn(u32) -> u32) -> Vec<u64> {
    let mut keyed: Vec<u64> = rotations
        .iter()
        .map(|&i| (u64::from(key(i)) << 32) | u64::from(i))
        .collect();
    keyed.sort_unstable();
    for (slot, &keyed) in rotations.iter_mut().zip(&keyed) {
        *slot = keyed as u32;
    }
    keyed
}
