//! factor: the prime factors of each number given, or of each word of standard input.
//! Numbers up to 2^128 - 1, by trial division, then Miller-Rabin and Pollard's rho (a number
//! whose two largest prime factors are both beyond 2^40 or so takes long).

use std::io::{BufRead, Write};
use wasmix_common::{Arg, Program, args};

static PROGRAM: Program = Program::new(
    "factor",
    "Usage: factor [NUMBER]...\n  \
     or:  factor OPTION\n\
     Print the prime factors of each specified integer NUMBER.  If none\n\
     are specified on the command line, read them from standard input.\n\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut numbers = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Value(v) => numbers.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let mut status = 0;
        let mut one = |word: &str, out: &mut wasmix_common::Output| -> std::io::Result<()> {
            match parse(word) {
                Some(n) => {
                    write!(out, "{n}:")?;
                    for factor in factors(n) {
                        write!(out, " {factor}")?;
                    }
                    writeln!(out)
                }
                None => {
                    PROGRAM.warn(format!("'{word}' is not a valid positive integer"));
                    status = 1;
                    Ok(())
                }
            }
        };
        if numbers.is_empty() {
            for line in std::io::stdin().lock().lines() {
                for word in line?.split_ascii_whitespace() {
                    one(word, out)?;
                }
            }
        } else {
            for word in &numbers {
                one(word, out)?;
            }
        }
        Ok(status)
    })
}

/// A number as GNU reads one: blanks before it and a `+` allowed, decimal digits only.
fn parse(word: &str) -> Option<u128> {
    let digits = word.trim_start();
    let digits = digits.strip_prefix('+').unwrap_or(digits);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// The prime factors of `n`, smallest first (none for 0 and 1).
fn factors(mut n: u128) -> Vec<u128> {
    let mut found = Vec::new();
    if n < 2 {
        return found;
    }
    for p in [2u128, 3, 5] {
        while n.is_multiple_of(p) {
            found.push(p);
            n /= p;
        }
    }
    // Trial division by 6k +- 1 takes the small factors cheaply.
    let mut d = 7u128;
    while d <= 10_000 && d * d <= n {
        for candidate in [d, d + 4] {
            while n.is_multiple_of(candidate) {
                found.push(candidate);
                n /= candidate;
            }
        }
        d += 6;
    }
    let mut pending = vec![n];
    while let Some(m) = pending.pop() {
        if m == 1 {
            continue;
        }
        if is_prime(m) {
            found.push(m);
            continue;
        }
        let divisor = rho(m);
        pending.push(divisor);
        pending.push(m / divisor);
    }
    found.sort_unstable();
    found
}

/// `a * b mod m` without overflow: by the hardware for 64-bit moduli, by doubling beyond.
fn mul_mod(a: u128, b: u128, m: u128) -> u128 {
    if m <= u128::from(u64::MAX) {
        return a * b % m;
    }
    let (mut a, mut b, mut result) = (a % m, b % m, 0u128);
    while b > 0 {
        if b & 1 == 1 {
            result = add_mod(result, a, m);
        }
        a = add_mod(a, a, m);
        b >>= 1;
    }
    result
}

fn add_mod(a: u128, b: u128, m: u128) -> u128 {
    let (sum, overflowed) = a.overflowing_add(b);
    if overflowed || sum >= m {
        sum.wrapping_sub(m)
    } else {
        sum
    }
}

fn pow_mod(mut base: u128, mut exponent: u128, m: u128) -> u128 {
    let mut result = 1 % m;
    base %= m;
    while exponent > 0 {
        if exponent & 1 == 1 {
            result = mul_mod(result, base, m);
        }
        base = mul_mod(base, base, m);
        exponent >>= 1;
    }
    result
}

/// Miller-Rabin with the first 20 primes as bases: no composite below 2^128 is known to
/// pass all of them (the first twelve alone decide every number below 3.3 * 10^24).
fn is_prime(n: u128) -> bool {
    const BASES: [u128; 20] = [
        2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71,
    ];
    if n < 2 {
        return false;
    }
    for p in BASES {
        if n.is_multiple_of(p) {
            return n == p;
        }
    }
    let (mut d, mut s) = (n - 1, 0);
    while d.is_multiple_of(2) {
        d /= 2;
        s += 1;
    }
    'bases: for a in BASES {
        let mut x = pow_mod(a, d, n);
        if x == 1 || x == n - 1 {
            continue;
        }
        for _ in 1..s {
            x = mul_mod(x, x, n);
            if x == n - 1 {
                continue 'bases;
            }
        }
        return false;
    }
    true
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// A nontrivial divisor of the composite `n`, by Pollard's rho with Floyd's cycle finding.
fn rho(n: u128) -> u128 {
    if n.is_multiple_of(2) {
        return 2;
    }
    for c in 1.. {
        let step = |x: u128| add_mod(mul_mod(x, x, n), c, n);
        let (mut x, mut y, mut divisor) = (2u128, 2u128, 1u128);
        while divisor == 1 {
            x = step(x);
            y = step(step(y));
            divisor = gcd(x.abs_diff(y), n);
        }
        if divisor != n {
            return divisor;
        }
    }
    unreachable!("some constant finds a divisor")
}
