//! bc's numbers: decimal, of any length, each with its own scale (digits after the point),
//! and the scale rules POSIX gives each operator. Results are truncated, never rounded.

use num_bigint::{BigInt, Sign};
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::cmp::Ordering;

/// `digits / 10^scale`.
#[derive(Clone, Debug, Default)]
pub struct Number {
    digits: BigInt,
    scale: usize,
    /// A negative power cut to zero, which GNU bc prints as `-0`.
    negative_zero: bool,
}

/// Why an operation has no result; the text is GNU bc's.
#[derive(Debug)]
pub enum ArithmeticError {
    DivideByZero,
    NegativeSquareRoot,
    ExponentTooLarge,
    /// Zero to a negative power (GNU bc words it apart from `1/0`).
    ZeroToNegativePower,
}

impl ArithmeticError {
    pub fn message(&self) -> &'static str {
        match self {
            ArithmeticError::DivideByZero => "Divide by zero",
            ArithmeticError::NegativeSquareRoot => "Square root of a negative number",
            ArithmeticError::ExponentTooLarge => "exponent too large in raise",
            ArithmeticError::ZeroToNegativePower => "divide by zero",
        }
    }
}

fn power_of_ten(exponent: usize) -> BigInt {
    num_traits::pow(BigInt::from(10), exponent)
}

impl Number {
    pub fn zero() -> Number {
        Number::default()
    }

    pub fn from_integer(value: i64) -> Number {
        Number {
            digits: BigInt::from(value),
            scale: 0,
            negative_zero: false,
        }
    }

    /// A literal as GNU bc reads it in `base`: digits `0-9` and `A-Z`, each above the
    /// base taken as the base's highest digit, except a lone digit before the point
    /// (leading zeros aside), which stands for its own value (so `ibase=A` always means
    /// ten); in base ten only when no fraction follows, as GNU bc 1.07 reads them.
    pub fn parse(text: &str, base: u32) -> Number {
        let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
        let whole = whole.trim_start_matches('0');
        let lone = whole.len() == 1 && (base != 10 || fraction.is_empty());
        let own_value = |c: char| i64::from(c.to_digit(36).unwrap_or(0));
        if lone && fraction.is_empty() {
            return Number::from_integer(whole.chars().next().map_or(0, own_value));
        }
        let digit = |c: char| c.to_digit(36).unwrap_or(0).min(base - 1);
        let radix = BigInt::from(base);
        let fold = |digits: &str| {
            digits
                .chars()
                .fold(BigInt::zero(), |n, c| n * &radix + digit(c))
        };
        if base == 10 {
            return Number {
                digits: fold(&format!("{whole}{fraction}")),
                scale: fraction.len(),
                negative_zero: false,
            };
        }
        let integer = match whole.chars().next() {
            Some(first) if lone => BigInt::from(own_value(first)),
            _ => fold(whole),
        };
        let mut number = Number {
            digits: integer,
            scale: 0,
            negative_zero: false,
        };
        if !fraction.is_empty() {
            let denominator = num_traits::pow(radix.clone(), fraction.len());
            let part = Number {
                digits: fold(fraction) * power_of_ten(fraction.len()) / denominator,
                scale: fraction.len(),
                negative_zero: false,
            };
            number = number.add(&part);
        }
        number
    }

    pub fn scale(&self) -> usize {
        self.scale
    }

    pub fn is_zero(&self) -> bool {
        self.digits.is_zero()
    }

    pub fn is_negative(&self) -> bool {
        self.digits.is_negative()
    }

    /// The digits at another scale, cut (toward zero) or padded with zeros.
    fn digits_at(&self, scale: usize) -> BigInt {
        match scale.cmp(&self.scale) {
            Ordering::Equal => self.digits.clone(),
            Ordering::Greater => &self.digits * power_of_ten(scale - self.scale),
            Ordering::Less => &self.digits / power_of_ten(self.scale - scale),
        }
    }

    /// The number cut to at most `scale` digits after the point.
    pub fn truncated(&self, scale: usize) -> Number {
        if self.scale <= scale {
            return self.clone();
        }
        Number {
            digits: self.digits_at(scale),
            scale,
            negative_zero: false,
        }
    }

    /// The number with exactly `scale` digits after the point.
    pub fn at_scale(&self, scale: usize) -> Number {
        Number {
            digits: self.digits_at(scale),
            scale,
            negative_zero: false,
        }
    }

    pub fn negated(&self) -> Number {
        Number {
            digits: -&self.digits,
            scale: self.scale,
            negative_zero: false,
        }
    }

    pub fn add(&self, other: &Number) -> Number {
        let scale = self.scale.max(other.scale);
        Number {
            digits: self.digits_at(scale) + other.digits_at(scale),
            scale,
            negative_zero: false,
        }
    }

    pub fn subtract(&self, other: &Number) -> Number {
        self.add(&other.negated())
    }

    /// The product, keeping the operands' digits up to `scale` (or more, if an operand has more).
    pub fn multiply(&self, other: &Number, scale: usize) -> Number {
        let full = self.scale + other.scale;
        Number {
            digits: &self.digits * &other.digits,
            scale: full,
            negative_zero: false,
        }
        .truncated(full.min(scale.max(self.scale).max(other.scale)))
    }

    pub fn divide(&self, other: &Number, scale: usize) -> Result<Number, ArithmeticError> {
        if other.is_zero() {
            return Err(ArithmeticError::DivideByZero);
        }
        let numerator = &self.digits * power_of_ten(other.scale + scale);
        let denominator = &other.digits * power_of_ten(self.scale);
        Ok(Number {
            digits: numerator / denominator,
            scale,
            negative_zero: false,
        })
    }

    /// `a - (a / b) * b`, the quotient taken at `scale`, the rest kept in full.
    pub fn remainder(&self, other: &Number, scale: usize) -> Result<Number, ArithmeticError> {
        let quotient = self.divide(other, scale)?;
        let kept = self.scale.max(other.scale + scale);
        let product = quotient.multiply(other, kept);
        Ok(self.subtract(&product).at_scale(kept))
    }

    /// The power to an integer exponent (its fraction, if any, already dropped by the caller).
    pub fn power(&self, exponent: &Number, scale: usize) -> Result<Number, ArithmeticError> {
        let exponent = exponent.truncated(0);
        let Some(count) = exponent.digits.abs().to_u64() else {
            return Err(ArithmeticError::ExponentTooLarge);
        };
        if count == 0 {
            return Ok(Number::from_integer(1));
        }
        if count > u64::from(u32::MAX) {
            return Err(ArithmeticError::ExponentTooLarge);
        }
        let exact = Number {
            digits: num_traits::pow(self.digits.clone(), count as usize),
            scale: self.scale * count as usize,
            negative_zero: false,
        };
        if exponent.is_negative() {
            if self.is_zero() {
                return Err(ArithmeticError::ZeroToNegativePower);
            }
            Number::from_integer(1).divide(&exact, scale)
        } else {
            let kept = (self.scale * count as usize).min(scale.max(self.scale));
            let mut power = exact.truncated(kept);
            power.negative_zero = exact.is_negative() && power.is_zero();
            Ok(power)
        }
    }

    /// The square root, cut at the larger of `scale` and the operand's own.
    pub fn square_root(&self, scale: usize) -> Result<Number, ArithmeticError> {
        if self.is_negative() {
            return Err(ArithmeticError::NegativeSquareRoot);
        }
        // GNU bc gives zero and one back as integers, whatever the scale.
        if self.is_zero() || self.compare(&Number::from_integer(1)).is_eq() {
            return Ok(self.truncated(0));
        }
        let kept = scale.max(self.scale);
        let widened = &self.digits * power_of_ten(2 * kept - self.scale);
        Ok(Number {
            digits: widened.sqrt(),
            scale: kept,
            negative_zero: false,
        })
    }

    pub fn compare(&self, other: &Number) -> Ordering {
        let scale = self.scale.max(other.scale);
        self.digits_at(scale).cmp(&other.digits_at(scale))
    }

    /// The number of digits, as GNU bc's `length` counts them: those of the integer part
    /// (none when it is zero) and every place after the point; 1 for a zero integer.
    pub fn length(&self) -> usize {
        let magnitude = self.digits.magnitude().to_string();
        let integer_digits = magnitude.len().saturating_sub(self.scale);
        if integer_digits == 0 || self.is_zero() {
            return self.scale.max(1);
        }
        integer_digits + self.scale
    }

    /// dc's `Z`: the digits from the first that is not zero to the last place (1 for
    /// zero).
    pub fn significant_digits(&self) -> usize {
        if self.is_zero() {
            return 1;
        }
        self.digits.magnitude().to_string().len()
    }

    /// The integer part, if it fits in an i64.
    pub fn to_i64(&self) -> Option<i64> {
        self.digits_at(0).to_i64()
    }

    /// The digits of the integer part in `base`, most significant first.
    fn integer_digits(&self, base: &BigInt) -> Vec<BigInt> {
        let mut rest = self.digits_at(0).magnitude().clone();
        let base = base.magnitude();
        let mut digits = Vec::new();
        while !rest.is_zero() {
            digits.push(BigInt::from_biguint(Sign::Plus, &rest % base));
            rest /= base;
        }
        digits.reverse();
        digits
    }

    /// The text bc prints for the number in `base`: digits `0-9A-F` up to base 16, above
    /// it each digit as a zero-padded decimal group after a space.
    pub fn to_text(&self, base: u64) -> String {
        if self.is_zero() {
            return if self.negative_zero { "-0" } else { "0" }.into();
        }
        let mut text = String::new();
        if self.is_negative() {
            text.push('-');
        }
        if base == 10 {
            let magnitude = self.digits.magnitude().to_string();
            let split = magnitude.len().saturating_sub(self.scale);
            text.push_str(&magnitude[..split]);
            if self.scale > 0 {
                text.push('.');
                text.push_str(&"0".repeat(self.scale.saturating_sub(magnitude.len())));
                text.push_str(&magnitude[split..]);
            }
            return text;
        }
        let radix = BigInt::from(base);
        let width = (base - 1).to_string().len();
        let push_digit = |text: &mut String, digit: &BigInt, spaced: bool| {
            if base <= 16 {
                let value = digit.to_u32().unwrap_or(0);
                text.push(
                    char::from_digit(value, 16)
                        .unwrap_or('0')
                        .to_ascii_uppercase(),
                );
            } else {
                if spaced {
                    text.push(' ');
                }
                text.push_str(&format!("{digit:0width$}"));
            }
        };
        for digit in self.integer_digits(&radix) {
            push_digit(&mut text, &digit, true);
        }
        if self.scale > 0 {
            text.push('.');
            // As many digits in `base` as make a place value longer than the scale.
            let mut fraction = self.subtract(&self.truncated(0)).at_scale(self.scale);
            fraction.digits = fraction.digits.abs();
            let mut place = BigInt::one();
            let base_number = Number::from_integer(base as i64);
            let mut first = true;
            while place.to_string().len() <= self.scale {
                fraction = fraction.multiply(&base_number, self.scale);
                let digit = fraction.digits_at(0);
                fraction = fraction.subtract(&Number {
                    digits: digit.clone(),
                    scale: 0,
                    negative_zero: false,
                });
                push_digit(&mut text, &digit, !first);
                first = false;
                place *= &radix;
            }
        }
        text
    }
}
