//! The last line of dd's report, as GNU's dd writes it: the bytes copied, with their size
//! in SI and binary units (`1048576 bytes (1.0 MB, 1.0 MiB) copied`), the seconds taken
//! (`%g`) and the rate. The sizes follow gnulib's `human_readable`, rounding to nearest.

use wasmix_printf_format::c_general;

/// `human_readable`'s unit letters by power: SI's first is a lower-case `k`.
const POWERS: &[u8] = b"KMGTPEZYRQ";

/// `bytes` in powers of `base` (1000 or 1024) as GNU's integer arithmetic writes them: one
/// decimal below ten, ties to even, then ` kB`, ` KiB`, or ` B` without a power.
fn exact_size(bytes: u64, base: u64) -> String {
    let (mut amount, mut tenths, mut rounding, mut exponent) = (bytes, 0u64, 0u64, 0usize);
    let mut decimal = String::new();
    if base <= amount {
        loop {
            let r10 = (amount % base) * 10 + tenths;
            let r2 = (r10 % base) * 2 + (rounding >> 1);
            amount /= base;
            tenths = r10 / base;
            rounding = if r2 < base {
                u64::from(r2 + rounding != 0)
            } else {
                2 + u64::from(base < r2 + rounding)
            };
            exponent += 1;
            if amount < base || exponent == POWERS.len() {
                break;
            }
        }
        if amount < 10 {
            if 2 < rounding + (tenths & 1) {
                tenths += 1;
                rounding = 0;
                if tenths == 10 {
                    amount += 1;
                    tenths = 0;
                }
            }
            if amount < 10 {
                decimal = format!(".{tenths}");
                (tenths, rounding) = (0, 0);
            }
        }
    }
    if 5 < tenths + u64::from(0 < rounding + (amount & 1)) {
        amount += 1;
        if amount == base && exponent < POWERS.len() {
            exponent += 1;
            decimal = ".0".into();
            amount = 1;
        }
    }
    format!("{amount}{decimal} {}", unit(exponent, base))
}

/// A rate in SI powers as gnulib's floating-point path writes it: always at least
/// kilo, with a decimal while it fits in four characters.
fn rate(per_second: f64) -> String {
    let mut scale = 1000.0;
    let mut exponent = 1;
    while scale * 1000.0 <= per_second && exponent < POWERS.len() {
        scale *= 1000.0;
        exponent += 1;
    }
    let value = per_second / scale;
    let mut shown = format!("{value:.1}");
    if shown.len() > 4 {
        shown = format!("{value:.0}");
    }
    format!("{shown} {}/s", unit(exponent, 1000))
}

fn unit(exponent: usize, base: u64) -> String {
    match exponent {
        0 => "B".into(),
        1 if base == 1000 => "kB".into(),
        _ if base == 1000 => format!("{}B", POWERS[exponent - 1] as char),
        _ => format!("{}iB", POWERS[exponent - 1] as char),
    }
}

/// The statistics line for `bytes` copied in `seconds`.
pub fn report(bytes: u64, seconds: f64) -> String {
    let (si, iec) = (exact_size(bytes, 1000), exact_size(bytes, 1024));
    let speed = if seconds > 0.0 {
        rate(bytes as f64 / seconds)
    } else {
        "Infinity B/s".into()
    };
    let took = format!("{} s", c_general(seconds, 6, false, false));
    // A size without a power letter (` B`) is not repeated in other units.
    let plain = |size: &str| size.ends_with(" B");
    match (plain(&si), plain(&iec)) {
        (true, _) if bytes == 1 => format!("1 byte copied, {took}, {speed}"),
        (true, _) => format!("{bytes} bytes copied, {took}, {speed}"),
        (false, true) => format!("{bytes} bytes ({si}) copied, {took}, {speed}"),
        (false, false) => format!("{bytes} bytes ({si}, {iec}) copied, {took}, {speed}"),
    }
}

#[cfg(test)]
mod tests {
    use super::{exact_size, rate};

    /// Sizes as GNU dd 9.4 printed them on this machine.
    #[test]
    fn sizes_round_as_gnu_does() {
        for (bytes, si, iec) in [
            (999, "999 B", "999 B"),
            (1000, "1.0 kB", "1000 B"),
            (1023, "1.0 kB", "1023 B"),
            (1024, "1.0 kB", "1.0 KiB"),
            (15000, "15 kB", "15 KiB"),
            (99999, "100 kB", "98 KiB"),
            (999999, "1.0 MB", "977 KiB"),
            (1048576, "1.0 MB", "1.0 MiB"),
            (123456789, "123 MB", "118 MiB"),
            (1500000000, "1.5 GB", "1.4 GiB"),
        ] {
            assert_eq!(exact_size(bytes, 1000), si, "{bytes}");
            assert_eq!(exact_size(bytes, 1024), iec, "{bytes}");
        }
    }

    #[test]
    fn rates_keep_a_decimal_while_short() {
        assert_eq!(rate(47.3e6), "47.3 MB/s");
        assert_eq!(rate(859.2e6), "859 MB/s");
        assert_eq!(rate(2.5e9), "2.5 GB/s");
        assert_eq!(rate(500.0), "0.5 kB/s");
    }
}
