//! Root finding for the three solvers of the model.
//!
//! Each is a root of a polynomial in `x = 1 + rate` with decimal
//! coefficients: the required uniform growth (`sum base x^t - target`), the
//! required AI growth (`sum ai0 x^t + sum core - target`) and the IRR (the
//! future value `sum flow_t x^(H-t)`, which has the NPV's sign for x > 0 and
//! stays within Decimal range where the NPV at x = 0.01 would not).
//!
//! [`root_in`] works in three steps:
//! 1. the signs at the ends of the interval decide whether there is a root
//!    (f64 where its rounding error cannot flip the sign, Decimal otherwise);
//! 2. bisection in f64 gives a guess within about 1e-15;
//! 3. the guess is confirmed in Decimal by a sign change across
//!    `[guess - TOLERANCE/2, guess + TOLERANCE/2]`, or, if the f64 guess was
//!    off, refined by safeguarded Newton steps in Decimal until the bracket
//!    is narrower than [`TOLERANCE`].

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::checked::{c, Checked};

/// The solvers' accuracy in the rate: the root lies within this distance.
pub const TOLERANCE: Decimal = dec!(0.0000000000001);

/// Newton iterations before settling for the bracket's midpoint (never
/// reached in practice).
const MAX_ITERATIONS: usize = 200;

/// An f64 value is trusted for its sign only when it exceeds this fraction
/// of the sum of the magnitudes of its terms: far above Horner's rounding
/// error (about 2n * 1.1e-16 of that sum for n coefficients).
const F64_SIGN_MARGIN: f64 = 1e-9;

/// A polynomial `sum a_k x^k`, coefficients in ascending powers.
#[derive(Debug, Clone, PartialEq)]
pub struct Polynomial {
    coefficients: Vec<Decimal>,
    approximate: Vec<f64>,
}

impl Polynomial {
    /// The polynomial with these coefficients, in ascending powers.
    pub fn new(coefficients: Vec<Decimal>) -> Polynomial {
        let approximate = coefficients
            .iter()
            .map(|a| a.to_f64().unwrap_or(f64::NAN))
            .collect();
        Polynomial {
            coefficients,
            approximate,
        }
    }

    /// Value and derivative at `x` (Horner's scheme); empty on overflow.
    fn eval(&self, x: Decimal) -> (Checked, Checked) {
        let mut value = c(Decimal::ZERO);
        let mut slope = c(Decimal::ZERO);
        for &a in self.coefficients.iter().rev() {
            slope = slope * x + value;
            value = value * x + a;
        }
        (value, slope)
    }

    /// The exact sign of the value at `x`; `None` on overflow.
    fn sign(&self, x: Decimal) -> Option<i8> {
        let value = self
            .coefficients
            .iter()
            .rev()
            .fold(c(Decimal::ZERO), |acc, &a| acc * x + a);
        value.value().map(sign_of)
    }

    /// The value at `x` in f64.
    fn eval_f64(&self, x: f64) -> f64 {
        self.approximate
            .iter()
            .rev()
            .fold(0.0, |acc, a| acc * x + a)
    }

    /// The sign at `x`, from f64 when that is certain, else from Decimal.
    fn sign_at(&self, x: Decimal) -> Option<i8> {
        let xf = x.to_f64().unwrap_or(f64::NAN);
        let value = self.eval_f64(xf);
        let magnitude = self
            .approximate
            .iter()
            .rev()
            .fold(0.0, |acc, a| acc * xf.abs() + a.abs());
        if value.abs() > F64_SIGN_MARGIN * magnitude && magnitude.is_finite() {
            Some(if value < 0.0 { -1 } else { 1 })
        } else {
            self.sign(x)
        }
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
    /// of this model, which have at most one root on x > 0). `sign` is the
    /// polynomial's sign on the whole interval, 1 or -1.
    Outside {
        /// 1 when the polynomial is positive throughout, -1 when negative.
        sign: i8,
    },
    /// The polynomial overflowed a Decimal while being evaluated.
    Overflow,
}

/// The root of `p` for `x` in `[lo, hi]` (ends included), assuming at most
/// one sign change on the interval.
pub fn root_in(p: &Polynomial, lo: Decimal, hi: Decimal) -> Root {
    let (Some(sign_lo), Some(sign_hi)) = (p.sign_at(lo), p.sign_at(hi)) else {
        return Root::Overflow;
    };
    match (sign_lo, sign_hi) {
        (0, _) => return Root::At(lo),
        (_, 0) => return Root::At(hi),
        (l, h) if l == h => return Root::Outside { sign: l },
        _ => {}
    }
    // Orient so that p(below) < 0 < p(above).
    let (below, above) = if sign_lo < 0 { (lo, hi) } else { (hi, lo) };
    let guess = Decimal::from_f64_retain(f64_guess(p, below, above))
        .map(|guess| guess.round_dp(16))
        .filter(|guess| *guess > lo && *guess < hi)
        .unwrap_or((lo + hi) / dec!(2));
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
                let quarter = TOLERANCE / dec!(4);
                let past = if next > x {
                    next + quarter
                } else {
                    next - quarter
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

/// The f64 root by bisection between `below` (p < 0) and `above` (p > 0):
/// cheap, and within about 1e-15 unless f64 cannot resolve the polynomial.
fn f64_guess(p: &Polynomial, below: Decimal, above: Decimal) -> f64 {
    let (mut below, mut above) = (below.to_f64().unwrap_or(0.0), above.to_f64().unwrap_or(0.0));
    for _ in 0..64 {
        let mid = 0.5 * (below + above);
        let value = p.eval_f64(mid);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn poly(coefficients: &[&str]) -> Polynomial {
        Polynomial::new(coefficients.iter().map(|a| a.parse().unwrap()).collect())
    }

    fn root(p: &Polynomial, lo: &str, hi: &str) -> Root {
        root_in(p, lo.parse().unwrap(), hi.parse().unwrap())
    }

    fn assert_near(found: Root, expected: &str) {
        let Root::At(x) = found else {
            panic!("{found:?}")
        };
        let error = (x - expected.parse::<Decimal>().unwrap()).abs();
        assert!(error <= TOLERANCE, "{x} is {error} from {expected}");
    }

    #[test]
    fn finds_roots_within_tolerance() {
        // x^2 - 2: sqrt(2).
        assert_near(
            root(&poly(&["-2", "0", "1"]), "0", "10"),
            "1.4142135623730950488016887242",
        );
        // Decreasing: 2 - x^2.
        assert_near(
            root(&poly(&["2", "0", "-1"]), "0", "10"),
            "1.4142135623730950488016887242",
        );
        // A root exactly at an end, and exactly inside.
        assert_eq!(root(&poly(&["-1", "1"]), "1", "5"), Root::At(Decimal::ONE));
        assert_eq!(
            root(&poly(&["-3", "1"]), "1", "3"),
            Root::At(Decimal::from(3))
        );
        assert_near(root(&poly(&["-1.1", "1"]), "0.01", "11"), "1.1");
    }

    #[test]
    fn no_sign_change_means_no_root() {
        assert_eq!(
            root(&poly(&["1", "0", "1"]), "0", "10"),
            Root::Outside { sign: 1 }
        );
        assert_eq!(
            root(&poly(&["-100", "1"]), "0.01", "11"),
            Root::Outside { sign: -1 }
        );
    }

    #[test]
    fn refines_in_decimal_when_f64_cannot_resolve_the_root() {
        // (x - 1.00000000000000000001) with huge coefficients: in f64 the two
        // terms cancel to nothing, so the guess is off and Newton in Decimal
        // takes over.
        let p = poly(&["-100000000000000000001", "100000000000000000000"]);
        assert_near(root(&p, "0.5", "2"), "1.00000000000000000001");
        // Large coefficients of both signs: 1e20 (x - 1.5)(x^2 + 1) expanded.
        let p = poly(&[
            "-150000000000000000000",
            "100000000000000000000",
            "-150000000000000000000",
            "100000000000000000000",
        ]);
        assert_near(root(&p, "0.01", "11"), "1.5");
    }

    #[test]
    fn overflow_is_reported() {
        let p = poly(&["-1", &Decimal::MAX.to_string(), &Decimal::MAX.to_string()]);
        assert_eq!(root(&p, "-0.5", "11"), Root::Overflow);
    }
}
