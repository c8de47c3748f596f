//! The functions of `bc -l`: sine, cosine, arctangent, natural logarithm, exponential and
//! Bessel. Each follows the working scales and series of GNU bc's library step by step
//! (argument reduction, a Taylor series summed until a term is zero at the working
//! scale, the result cut to the caller's scale), so that the last digits agree with it.

use crate::number::{ArithmeticError, Number};
use std::cmp::Ordering;

type Computed = Result<Number, ArithmeticError>;

/// pi/4 and arctan(0.2) to 60 places: GNU bc answers `a(1)` and `a(.2)` from these up to
/// a scale of 60.
const QUARTER_PI: &str = ".785398163397448309615660845819875721049292349843776455243736";
const ARCTANGENT_OF_A_FIFTH: &str = ".197395559849880758370049765194790293447585103787852101517688";

fn integer(value: i64) -> Number {
    Number::from_integer(value)
}

fn decimal(text: &str) -> Number {
    Number::parse(text, 10)
}

/// What bc makes of `scale = value`: the integer part, at least 0.
fn as_scale(value: &Number) -> usize {
    value.to_i64().map_or(0, |v| v.max(0) as usize)
}

/// `value / 1`: the value cut or padded to `scale` places.
fn cut(value: &Number, scale: usize) -> Computed {
    value.divide(&integer(1), scale)
}

pub fn exponential(x: &Number, scale: usize) -> Computed {
    let negative = x.is_negative();
    let mut x = if negative { x.negated() } else { x.clone() };
    let working = as_scale(
        &integer(6)
            .add(&integer(scale as i64))
            .add(&decimal(".44").multiply(&x, scale)),
    );
    // Halve x to at most 1, squaring the sum as often at the end.
    let mut halving_scale = x.scale() + 1;
    let mut halvings = 0;
    while x.compare(&integer(1)) == Ordering::Greater {
        halvings += 1;
        x = x.divide(&integer(2), halving_scale)?;
        halving_scale += 1;
    }
    let mut sum = integer(1).add(&x);
    let mut power = x.clone();
    let mut factorial = integer(1);
    for i in 2.. {
        power = power.multiply(&x, working);
        factorial = factorial.multiply(&integer(i), working);
        let term = power.divide(&factorial, working)?;
        if term.is_zero() {
            break;
        }
        sum = sum.add(&term);
    }
    for _ in 0..halvings {
        sum = sum.multiply(&sum, working);
    }
    if negative {
        integer(1).divide(&sum, scale)
    } else {
        cut(&sum, scale)
    }
}

pub fn logarithm(x: &Number, scale: usize) -> Computed {
    if x.compare(&Number::zero()) != Ordering::Greater {
        // GNU bc's answer for a logarithm that does not exist: 1 - 10^scale.
        let power = integer(10).power(&integer(scale as i64), scale)?;
        return cut(&integer(1).subtract(&power), scale);
    }
    let working = scale + 6;
    let mut factor = integer(2);
    let mut x = x.clone();
    while x.compare(&integer(2)) != Ordering::Less {
        factor = factor.multiply(&integer(2), working);
        x = x.square_root(working)?;
    }
    while x.compare(&decimal(".5")) != Ordering::Greater {
        factor = factor.multiply(&integer(2), working);
        x = x.square_root(working)?;
    }
    // ln x = 2 atanh((x - 1) / (x + 1)), the series of atanh.
    let ratio = x
        .subtract(&integer(1))
        .divide(&x.add(&integer(1)), working)?;
    let square = ratio.multiply(&ratio, working);
    let mut power = ratio.clone();
    let mut sum = ratio;
    for i in (3..).step_by(2) {
        power = power.multiply(&square, working);
        let term = power.divide(&integer(i), working)?;
        if term.is_zero() {
            break;
        }
        sum = sum.add(&term);
    }
    cut(&factor.multiply(&sum, working), scale)
}

pub fn sine(x: &Number, scale: usize) -> Computed {
    let reduction_scale = as_scale(
        &decimal("1.1")
            .multiply(&integer(scale as i64), scale)
            .add(&integer(2)),
    );
    let quarter_pi = arctangent(&integer(1), reduction_scale)?;
    let negative = x.is_negative();
    let mut x = if negative { x.negated() } else { x.clone() };
    // The nearest multiple of pi/2, taken out at scale 0 as bc does.
    let quarters = x
        .divide(&quarter_pi, 0)?
        .add(&integer(2))
        .divide(&integer(4), 0)?;
    x = x.subtract(&integer(4).multiply(&quarters, 0).multiply(&quarter_pi, 0));
    if !quarters.remainder(&integer(2), 0)?.is_zero() {
        x = x.negated();
    }
    let working = scale + 2;
    let mut sum = x.clone();
    let mut term = x.clone();
    let square = x.negated().multiply(&x, working);
    for i in (3..).step_by(2) {
        term = term.multiply(&square.divide(&integer(i * (i - 1)), working)?, working);
        if term.is_zero() {
            break;
        }
        sum = sum.add(&term);
    }
    if negative {
        cut(&sum.negated(), scale)
    } else {
        cut(&sum, scale)
    }
}

pub fn cosine(x: &Number, scale: usize) -> Computed {
    let working = as_scale(&integer(scale as i64).multiply(&decimal("1.2"), scale));
    let half_pi = arctangent(&integer(1), working)?.multiply(&integer(2), working);
    cut(&sine(&x.add(&half_pi), working)?, scale)
}

pub fn arctangent(x: &Number, scale: usize) -> Computed {
    let sign = integer(if x.is_negative() { -1 } else { 1 });
    let mut x = if x.is_negative() {
        x.negated()
    } else {
        x.clone()
    };
    let fifth = decimal(".2");
    if scale <= 60 {
        if x.compare(&integer(1)) == Ordering::Equal {
            return decimal(QUARTER_PI).divide(&sign, scale);
        }
        if x.compare(&fifth) == Ordering::Equal {
            return decimal(ARCTANGENT_OF_A_FIFTH).divide(&sign, scale);
        }
    }
    // atan x = atan .2 + atan((x - .2) / (1 + .2x)), as often as x is above .2.
    let arctangent_of_fifth = if x.compare(&fifth) == Ordering::Greater {
        arctangent(&fifth, scale + 5)?
    } else {
        Number::zero()
    };
    let working = scale + 3;
    let mut reductions = 0;
    while x.compare(&fifth) == Ordering::Greater {
        reductions += 1;
        let denominator = integer(1).add(&x.multiply(&fifth, working));
        x = x.subtract(&fifth).divide(&denominator, working)?;
    }
    let square = x.negated().multiply(&x, working);
    let mut power = x.clone();
    let mut sum = x;
    for i in (3..).step_by(2) {
        power = power.multiply(&square, working);
        let term = power.divide(&integer(i), working)?;
        if term.is_zero() {
            break;
        }
        sum = sum.add(&term);
    }
    integer(reductions)
        .multiply(&arctangent_of_fifth, scale)
        .add(&sum)
        .divide(&sign, scale)
}

pub fn bessel(order: &Number, x: &Number, scale: usize) -> Computed {
    let mut order = order.truncated(0);
    let mut negate = false;
    if order.is_negative() {
        order = order.negated();
        negate = !order.remainder(&integer(2), 0)?.is_zero();
    }
    let n = order.to_i64().unwrap_or(0);
    let mut factorial = integer(1);
    for i in 2..=n {
        factorial = factorial.multiply(&integer(i), 0);
    }
    let one_and_a_half = decimal("1.5").multiply(&integer(scale as i64), 0);
    let working = as_scale(&one_and_a_half);
    let leading = x
        .power(&order, working)?
        .divide(&integer(2).power(&order, working)?, working)?
        .divide(&factorial, working)?;
    let square = x
        .negated()
        .multiply(x, working)
        .divide(&integer(4), working)?;
    let series_scale = as_scale(
        &one_and_a_half
            .add(&integer(leading.length() as i64))
            .subtract(&integer(leading.scale() as i64)),
    );
    let mut sum = integer(1);
    let mut term = integer(1);
    for i in 1.. {
        term = term
            .multiply(&square, series_scale)
            .divide(&integer(i), series_scale)?
            .divide(&integer(n + i), series_scale)?;
        if term.is_zero() {
            break;
        }
        sum = sum.add(&term);
    }
    let leading = if negate { leading.negated() } else { leading };
    cut(&leading.multiply(&sum, scale), scale)
}
