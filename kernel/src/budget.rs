//! Kernel-wide budgets: one amount shared by many holders, reserved before use and given
//! back after, so that together they never pass it. The kernel keeps two: the linear
//! memory of all processes, and the contents of every ramfs (`/tmp`, an ephemeral root).

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

pub struct Budget {
    total: u64,
    used: AtomicU64,
}

impl Budget {
    pub fn new(total: u64) -> Arc<Budget> {
        Arc::new(Budget {
            total,
            used: AtomicU64::new(0),
        })
    }

    pub fn unlimited() -> Arc<Budget> {
        Budget::new(u64::MAX)
    }

    pub fn total(&self) -> u64 {
        self.total
    }

    pub fn used(&self) -> u64 {
        self.used.load(Ordering::Relaxed)
    }

    /// Takes `amount` if that much is left; all or nothing.
    pub fn try_reserve(&self, amount: u64) -> bool {
        self.used
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |used| {
                used.checked_add(amount)
                    .filter(|&after| after <= self.total)
            })
            .is_ok()
    }

    /// Takes as much of `amount` as is left; returns how much that was.
    pub fn reserve_up_to(&self, amount: u64) -> u64 {
        let mut taken = 0;
        let _ = self
            .used
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |used| {
                taken = amount.min(self.total.saturating_sub(used));
                Some(used + taken)
            });
        taken
    }

    pub fn release(&self, amount: u64) {
        let _ = self
            .used
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |used| {
                Some(used.saturating_sub(amount))
            });
    }
}

/// The host's physical memory, the base of both budgets' defaults.
pub fn host_memory() -> u64 {
    // SAFETY: sysconf only reads system configuration.
    let (pages, page_size) = unsafe {
        (
            libc::sysconf(libc::_SC_PHYS_PAGES),
            libc::sysconf(libc::_SC_PAGESIZE),
        )
    };
    if pages > 0 && page_size > 0 {
        pages as u64 * page_size as u64
    } else {
        4 << 30
    }
}

/// Reads a size as `--memory-budget` and `--ramfs-size` take it: bytes, or a number with
/// K, M, G or T (powers of 1024).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let (digits, unit) = match text.find(|c: char| !c.is_ascii_digit()) {
        Some(at) => text.split_at(at),
        None => (text, ""),
    };
    let shift = match unit.to_ascii_uppercase().trim_end_matches(['B', 'I']) {
        "" => 0,
        "K" => 10,
        "M" => 20,
        "G" => 30,
        "T" => 40,
        _ => return Err(format!("invalid size '{text}' (want e.g. 512M or 4G)")),
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(1 << shift))
        .ok_or_else(|| format!("invalid size '{text}' (want e.g. 512M or 4G)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reservations_never_pass_the_total() {
        let budget = Budget::new(100);
        assert!(budget.try_reserve(60));
        assert!(!budget.try_reserve(41));
        assert!(budget.try_reserve(30));
        assert_eq!(budget.reserve_up_to(25), 10);
        assert_eq!(budget.reserve_up_to(25), 0);
        budget.release(50);
        assert_eq!(budget.used(), 50);
    }

    #[test]
    fn sizes_take_binary_units() {
        assert_eq!(parse_size("512M"), Ok(512 << 20));
        assert_eq!(parse_size("4G"), Ok(4 << 30));
        assert_eq!(parse_size("1024"), Ok(1024));
        assert_eq!(parse_size("2KiB"), Ok(2048));
        assert!(parse_size("lots").is_err());
    }
}
