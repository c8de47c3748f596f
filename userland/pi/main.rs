//! pi: print pi to N decimal places, computed with big integers (Machin's formula,
//! pi = 16 arctan(1/5) - 4 arctan(1/239), in fixed point).

use num_bigint::BigUint;
use std::io::Write;
use wasmix_common::{Arg, Failure, Program, args};

static PROGRAM: Program = Program::new(
    "pi",
    "Usage: pi [N]\n\
     Print pi to N decimal places (default 100), computed exactly: every digit\n\
     printed is a digit of pi, not a rounding.\n\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

/// Most places we compute: big enough for any benchmark, small enough to never exhaust
/// memory.
const MAX_PLACES: usize = 1_000_000;

/// Extra digits carried so that the truncation errors of the series stay below the
/// digits printed.
const GUARD_DIGITS: u32 = 10;

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut places = 100;
        let mut seen = false;
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Value(v) if !seen => {
                    let text = args::into_string(v)?;
                    places = text
                        .parse()
                        .ok()
                        .filter(|&n| n <= MAX_PLACES)
                        .ok_or_else(|| {
                            Failure::Fatal(format!(
                                "invalid number of places: '{text}' (at most {MAX_PLACES})"
                            ))
                        })?;
                    seen = true;
                }
                other => return Err(args::unexpected(other)),
            }
        }
        let digits = pi_digits(places);
        out.write_all(&digits[..1])?;
        if places > 0 {
            out.write_all(b".")?;
            out.write_all(&digits[1..])?;
        }
        out.write_all(b"\n")?;
        Ok(0)
    })
}

/// The decimal digits of pi, "3" then `places` more, as ASCII.
fn pi_digits(places: usize) -> Vec<u8> {
    let scale = BigUint::from(10u32).pow(places as u32 + GUARD_DIGITS);
    let pi = arctan_inverse(5, &scale) * 16u32 - arctan_inverse(239, &scale) * 4u32;
    let mut digits = (pi / BigUint::from(10u32).pow(GUARD_DIGITS))
        .to_str_radix(10)
        .into_bytes();
    digits.truncate(places + 1);
    digits
}

/// arctan(1/x) * scale, by its Taylor series: sum of (-1)^k / ((2k+1) x^(2k+1)).
fn arctan_inverse(x: u32, scale: &BigUint) -> BigUint {
    let x_squared = BigUint::from(x) * x;
    let mut power = scale / x; // scale / x^(2k+1)
    let mut positive = power.clone();
    let mut negative = BigUint::ZERO;
    let mut k = 0u32;
    while power != BigUint::ZERO {
        k += 1;
        power /= &x_squared;
        let term = &power / (2 * k + 1);
        if k % 2 == 1 {
            negative += term;
        } else {
            positive += term;
        }
    }
    positive - negative
}
