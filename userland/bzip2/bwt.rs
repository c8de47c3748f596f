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
    order.sort_unstable_by_key(|&i| prefixes[i as usize]);
    // A rotation's rank is the position of the first of its group in `order`.
    let mut rank = vec![0u32; n];
    let mut tied = Vec::new();
    let mut updates = Vec::new();
    split(
        &order,
        0,
        n,
        |i| prefixes[i as usize],
        &mut updates,
        &mut tied,
    );
    for (rotation, new_rank) in updates.drain(..) {
        rank[rotation as usize] = new_rank;
    }
    let mut width = 4;
    while !tied.is_empty() && width < n {
        let groups = std::mem::take(&mut tied);
        for (start, end) in groups {
            let key = |i: u32| rank[(i as usize + width) % n];
            order[start..end].sort_unstable_by_key(|&i| key(i));
            split(&order, start, end, key, &mut updates, &mut tied);
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

/// Splits `order[start..end]`, sorted by `key`, into groups of equal keys: each
/// rotation's new rank goes to `updates`, each group of more than one to `tied`.
fn split(
    order: &[u32],
    start: usize,
    end: usize,
    key: impl Fn(u32) -> u32,
    updates: &mut Vec<(u32, u32)>,
    tied: &mut Vec<(usize, usize)>,
) {
    let mut group = start;
    for position in start + 1..=end {
        if position == end || key(order[position]) != key(order[group]) {
            updates.extend(order[group..position].iter().map(|&r| (r, group as u32)));
            if position - group > 1 {
                tied.push((group, position));
            }
            group = position;
        }
    }
}
