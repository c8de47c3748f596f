//! Compression, in bzip2's stages: runs of four to 255 equal bytes shortened, blocks of
//! up to 100k-900k sorted by the Burrows-Wheeler transform, move-to-front with runs of
//! zeros as RUNA/RUNB, and two to six Huffman tables chosen group by group.

use crate::bits::BitWriter;
use crate::huffman::{MAX_MADE_LENGTH, code_lengths, codes};
use crate::{BLOCK_MAGIC, END_MAGIC, GROUP_SIZE, RUN_A, RUN_B, block_crc, bwt, combine_crc};

/// How many times the tables are refined against the groups that chose them (bzip2's
/// N_ITERS).
const REFINEMENTS: usize = 4;

/// A whole stream for `input`, in blocks of `level` hundred thousand bytes.
pub fn compress(input: &[u8], level: u8) -> Vec<u8> {
    let mut out = BitWriter::default();
    for &byte in b"BZh" {
        out.bits(8, u32::from(byte));
    }
    out.bits(8, u32::from(b'0' + level));
    // bzip2 leaves room for the longest run the last step may add.
    let block_limit = usize::from(level) * 100_000 - 19;
    let mut combined = 0u32;
    let mut rest = input;
    while !rest.is_empty() {
        let (block, taken) = shorten_runs(rest, block_limit);
        let crc = block_crc(&rest[..taken]);
        combined = combine_crc(combined, crc);
        write_block(&mut out, &block, crc);
        rest = &rest[taken..];
    }
    out.bits(24, (END_MAGIC >> 24) as u32);
    out.bits(24, END_MAGIC as u32);
    out.bits(32, combined);
    out.finish()
}

/// The first stage for as much of `input` as fits a block: a run of four to 255 equal
/// bytes becomes four of them and a count of the rest. Returns the block and how many
/// input bytes it holds.
fn shorten_runs(input: &[u8], limit: usize) -> (Vec<u8>, usize) {
    let mut block = Vec::with_capacity(limit.min(input.len() + 5));
    let mut taken = 0;
    while taken < input.len() && block.len() < limit {
        let byte = input[taken];
        let run = input[taken..]
            .iter()
            .take(255)
            .take_while(|&&b| b == byte)
            .count();
        if run >= 4 {
            block.extend_from_slice(&[byte; 4]);
            block.push((run - 4) as u8);
        } else {
            block.extend(std::iter::repeat_n(byte, run));
        }
        taken += run;
    }
    (block, taken)
}

/// Move-to-front indices of the transformed block over the bytes it uses, zeros as runs
/// in bijective base 2 (RUNA 1, RUNB 2), other indices one higher, then the end.
fn move_to_front(last: &[u8], used: &[u8]) -> Vec<u16> {
    let mut front = [0u8; 256];
    front[..used.len()].copy_from_slice(used);
    let mut symbols = Vec::with_capacity(last.len() + 1);
    let mut zeros = 0usize;
    let flush = |zeros: &mut usize, symbols: &mut Vec<u16>| {
        while *zeros > 0 {
            *zeros -= 1;
            symbols.push(if *zeros & 1 == 0 { RUN_A } else { RUN_B });
            *zeros >>= 1;
        }
    };
    for &byte in last {
        if front[0] == byte {
            zeros += 1;
            continue;
        }
        flush(&mut zeros, &mut symbols);
        let index = front.iter().position(|&b| b == byte).unwrap_or(0);
        front.copy_within(0..index, 1);
        front[0] = byte;
        symbols.push(index as u16 + 1);
    }
    flush(&mut zeros, &mut symbols);
    symbols.push(used.len() as u16 + 1);
    symbols
}

/// How many tables bzip2 uses for a block of this many symbols.
fn table_count(symbols: usize) -> usize {
    match symbols {
        0..200 => 2,
        200..600 => 3,
        600..1200 => 4,
        1200..2400 => 5,
        _ => 6,
    }
}

/// The code lengths of each table and the table each group of symbols uses. The tables
/// start as slices of the alphabet of about equal weight; each refinement gives each
/// group the table that codes it shortest and remakes the tables from what they code.
fn choose_tables(symbols: &[u16], alphabet: usize) -> (Vec<Vec<u8>>, Vec<u8>) {
    let tables = table_count(symbols.len());
    let mut counts = vec![0u32; alphabet];
    for &symbol in symbols {
        counts[usize::from(symbol)] += 1;
    }
    let mut lengths = Vec::with_capacity(tables);
    let mut remaining = symbols.len() as u32;
    let mut start = 0;
    for table in 0..tables {
        let share = remaining / (tables - table) as u32;
        let mut end = start;
        let mut weight = 0;
        while end < alphabet && (weight < share || end == start) {
            weight += counts[end];
            end += 1;
        }
        if table + 1 == tables {
            end = alphabet;
        }
        lengths.push(
            (0..alphabet)
                .map(|s| if (start..end).contains(&s) { 0 } else { 15 })
                .collect::<Vec<u8>>(),
        );
        remaining = remaining.saturating_sub(weight);
        start = end;
    }
    let mut selectors = Vec::new();
    for _ in 0..REFINEMENTS {
        selectors.clear();
        let mut table_counts = vec![vec![0u32; alphabet]; tables];
        // Each symbol's lengths in all tables side by side, to cost a group in one pass.
        let by_symbol: Vec<[u16; 6]> = (0..alphabet)
            .map(|s| std::array::from_fn(|t| lengths.get(t).map_or(0, |l| u16::from(l[s]))))
            .collect();
        for group in symbols.chunks(GROUP_SIZE) {
            let mut costs = [0u16; 6];
            for &symbol in group {
                let lengths = &by_symbol[usize::from(symbol)];
                for (cost, length) in costs.iter_mut().zip(lengths) {
                    *cost += length;
                }
            }
            let best = (0..tables).min_by_key(|&t| costs[t]).unwrap_or(0);
            selectors.push(best as u8);
            for &symbol in group {
                table_counts[best][usize::from(symbol)] += 1;
            }
        }
        lengths = table_counts
            .iter()
            .map(|counts| code_lengths(counts, MAX_MADE_LENGTH))
            .collect();
    }
    (lengths, selectors)
}

fn write_block(out: &mut BitWriter, block: &[u8], crc: u32) {
    let (last, original) = bwt::transform(block);
    let mut in_use = [false; 256];
    for &byte in block {
        in_use[usize::from(byte)] = true;
    }
    let used: Vec<u8> = (0..=255u8).filter(|&b| in_use[usize::from(b)]).collect();
    let symbols = move_to_front(&last, &used);
    let alphabet = used.len() + 2;
    let (lengths, selectors) = choose_tables(&symbols, alphabet);

    out.bits(24, (BLOCK_MAGIC >> 24) as u32);
    out.bits(24, BLOCK_MAGIC as u32);
    out.bits(32, crc);
    out.bit(false);
    out.bits(24, original);
    let ranges: Vec<bool> = in_use.chunks(16).map(|r| r.contains(&true)).collect();
    for &range in &ranges {
        out.bit(range);
    }
    for (range, bytes) in in_use.chunks(16).enumerate() {
        if ranges[range] {
            for &used in bytes {
                out.bit(used);
            }
        }
    }
    out.bits(3, lengths.len() as u32);
    out.bits(15, selectors.len() as u32);
    let mut order: Vec<u8> = (0..lengths.len() as u8).collect();
    for &selector in &selectors {
        let index = order.iter().position(|&t| t == selector).unwrap_or(0);
        order.remove(index);
        order.insert(0, selector);
        for _ in 0..index {
            out.bit(true);
        }
        out.bit(false);
    }
    for table in &lengths {
        let mut length = table[0];
        out.bits(5, u32::from(length));
        for &wanted in table {
            while length < wanted {
                out.bits(2, 0b10);
                length += 1;
            }
            while length > wanted {
                out.bits(2, 0b11);
                length -= 1;
            }
            out.bit(false);
        }
    }
    let table_codes: Vec<Vec<u32>> = lengths.iter().map(|l| codes(l)).collect();
    for (group, &selector) in symbols.chunks(GROUP_SIZE).zip(&selectors) {
        let table = usize::from(selector);
        for &symbol in group {
            let symbol = usize::from(symbol);
            out.bits(
                u32::from(lengths[table][symbol]),
                table_codes[table][symbol],
            );
        }
    }
}
