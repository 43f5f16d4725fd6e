//! Root finding for the three solvers of the model.
//!
//! Each is a root of a polynomial in `x = 1 + rate` with decimal
//! coefficients: the required uniform growth (`sum base x^t - target`), the
//! required AI growth (`sum ai0 x^t + sum core - target`) and the IRR (the
//! future value `sum flow_t x^(H-t)`, which has the NPV's sign for x > 0 and
//! stays within Decimal range where the NPV at x = 0.01 would not).
//!
//! [`root_in`] brackets the root, takes a fast f64 guess, then polishes in
//! Decimal with Newton steps kept inside the bracket (bisecting whenever a
//! step would leave it), and finally confirms the bracket is narrower than
//! [`TOLERANCE`] by evaluating the polynomial on both sides.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::checked::{c, Checked};

/// The solvers' accuracy in the rate: the root lies within this distance.
pub const TOLERANCE: Decimal = dec!(0.0000000000001);

/// Newton iterations before giving up on convergence (never reached in
/// practice: the f64 guess leaves two or three).
const MAX_ITERATIONS: usize = 100;

/// A polynomial `sum a_k x^k`, coefficients in ascending powers.
#[derive(Debug, Clone, PartialEq)]
pub struct Polynomial(pub Vec<Decimal>);

impl Polynomial {
    /// Value and derivative at `x` (Horner's scheme); empty on overflow.
    fn eval(&self, x: Decimal) -> (Checked, Checked) {
        let mut value = c(Decimal::ZERO);
        let mut slope = c(Decimal::ZERO);
        for &a in self.0.iter().rev() {
            slope = slope * x + value;
            value = value * x + a;
        }
        (value, slope)
    }

    /// The sign of the value at `x`; `None` on overflow.
    fn sign(&self, x: Decimal) -> Option<i8> {
        let value = self
            .0
            .iter()
            .rev()
            .fold(c(Decimal::ZERO), |acc, &a| acc * x + a);
        value.value().map(sign_of)
    }
}

fn sign_of(value: Decimal) -> i8 {
    if value.is_zero() {
        0
    } else if value.is_sign_negative() {
        -1
    } else {
        1
    }
}

/// Where the root of a bracketed polynomial lies.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Root {
    /// The root, within [`TOLERANCE`].
    At(Decimal),
    /// No sign change on the interval: no root there (for the polynomials
    /// of this model, which have at most one root on x > 0).
    None,
    /// The polynomial overflowed a Decimal while being evaluated.
    Overflow,
}

/// The root of `p` for `x` in `[lo, hi]` (ends included), assuming at most
/// one sign change on the interval.
pub fn root_in(p: &Polynomial, lo: Decimal, hi: Decimal) -> Root {
    let (Some(sign_lo), Some(sign_hi)) = (p.sign(lo), p.sign(hi)) else {
        return Root::Overflow;
    };
    if sign_lo == 0 {
        return Root::At(lo);
    }
    if sign_hi == 0 {
        return Root::At(hi);
    }
    if sign_lo == sign_hi {
        return Root::None;
    }
    // Orient so that p(below) < 0 < p(above).
    let (below, above) = if sign_lo < 0 { (lo, hi) } else { (hi, lo) };
    let guess = Decimal::from_f64_retain(f64_guess(p, below, above))
        .map(|guess| guess.round_dp(16))
        .filter(|guess| *guess > lo && *guess < hi)
        .unwrap_or((lo + hi) / dec!(2));
    // Usually the f64 guess is within 1e-15: confirm it by a sign change
    // across [guess - TOLERANCE/2, guess + TOLERANCE/2], evaluated in Decimal.
    let half = TOLERANCE / dec!(2);
    let (left, right) = ((guess - half).max(lo), (guess + half).min(hi));
    match (p.sign(left), p.sign(right)) {
        (None, _) | (_, None) => Root::Overflow,
        (Some(0), _) => Root::At(left),
        (Some(_), Some(0)) => Root::At(right),
        (Some(l), Some(r)) if l != r => Root::At(guess),
        (Some(l), Some(_)) => {
            // The guess was off: move the end of the bracket whose sign both
            // probes share to the probe nearer the root.
            let (below, above) = if l < 0 {
                (if above > guess { right } else { left }, above)
            } else {
                (below, if below > guess { right } else { left })
            };
            newton_in(p, below, above, guess)
        }
    }
}

/// Safeguarded Newton from `x` with p(below) < 0 < p(above): a Newton step
/// when it stays inside the bracket, bisection otherwise, until the bracket
/// is narrower than [`TOLERANCE`].
fn newton_in(p: &Polynomial, mut below: Decimal, mut above: Decimal, mut x: Decimal) -> Root {
    for _ in 0..MAX_ITERATIONS {
        let (value, slope) = p.eval(x);
        let Some(value) = value.value() else {
            return Root::Overflow;
        };
        match sign_of(value) {
            0 => return Root::At(x),
            s if s < 0 => below = x,
            _ => above = x,
        }
        if (above - below).abs() <= TOLERANCE {
            break;
        }
        let (low, high) = (below.min(above), below.max(above));
        let newton = slope
            .value()
            .and_then(|d| value.checked_div(d))
            .map(|step| x - step);
        x = match newton {
            // Newton has converged: step just past its root so that the next
            // evaluation lands on the other side and closes the bracket.
            Some(next) if (next - x).abs() < TOLERANCE / dec!(2) => {
                let past = if next > x {
                    next + TOLERANCE / dec!(4)
                } else {
                    next - TOLERANCE / dec!(4)
                };
                if past > low && past < high {
                    past
                } else {
                    (low + high) / dec!(2)
                }
            }
            Some(next) if next > low && next < high => next,
            _ => (low + high) / dec!(2),
        };
    }
    Root::At((below + above) / dec!(2))
}

/// The f64 root by bisection: cheap, and accurate to about 1e-15, so the
/// Decimal Newton polish needs two or three steps.
/// `below` and `above` are where p is negative and positive.
fn f64_guess(p: &Polynomial, below: Decimal, above: Decimal) -> f64 {
    let coefficients: Vec<f64> = p.0.iter().map(|a| a.to_f64().unwrap_or(f64::NAN)).collect();
    let eval = |x: f64| coefficients.iter().rev().fold(0.0, |acc, a| acc * x + a);
    let (mut below, mut above) = (below.to_f64().unwrap_or(0.0), above.to_f64().unwrap_or(0.0));
    for _ in 0..64 {
        let mid = 0.5 * (below + above);
        let value = eval(mid);
        if value.is_nan() {
            break;
        }
        if value < 0.0 {
            below = mid;
        } else {
            above = mid;
        }
    }
    0.5 * (below + above)
}
