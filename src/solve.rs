//! Root finding for the three solvers of the model.
//!
//! Each is a root of a polynomial in `x = 1 + rate` with decimal
//! coefficients: the required uniform growth (`sum base x^t - target`), the
//! required AI growth (`sum ai0 x^t + sum core - target`) and the IRR (the
//! future value `sum flow_t x^(H-t)`, which has the NPV's sign for x > 0 and
//! stays within Decimal range where the NPV at x = 0.01 would not).
//!
//! [`root_in`] works in three steps:
//! 1. the signs at the ends of the interval decide whether there is a root;
//! 2. safeguarded Newton steps in f64 give a guess within a few units in the
//!    last place of the f64 root;
//! 3. the guess is confirmed by a sign change across
//!    `[guess - TOLERANCE/2, guess + TOLERANCE/2]`, or, if the f64 guess was
//!    off, refined by safeguarded Newton steps in Decimal until the bracket
//!    is narrower than [`TOLERANCE`].
//!
//! Every sign is exact: it is taken from f64 only where a bound on the f64
//! evaluation's error (`Polynomial::sign_at`) shows it cannot be wrong,
//! and from Decimal otherwise.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::checked::{approximate, c, Checked};

/// The solvers' accuracy in the rate: the root lies within this distance.
pub const TOLERANCE: Decimal = dec!(0.0000000000001);

/// Newton iterations before settling for the bracket's midpoint (never
/// reached in practice).
const MAX_ITERATIONS: usize = 200;

/// f64 iterations before settling for the guess reached (never reached in
/// practice: a bisection step at least halves the bracket).
const MAX_F64_ITERATIONS: usize = 200;

/// A polynomial `sum a_k x^k`, coefficients in ascending powers.
#[derive(Debug, Clone, PartialEq)]
pub struct Polynomial {
    coefficients: Vec<Decimal>,
    approximate: Vec<f64>,
}

impl Polynomial {
    /// The polynomial with these coefficients, in ascending powers.
    pub fn new(coefficients: Vec<Decimal>) -> Polynomial {
        let approximate = coefficients.iter().map(|&a| approximate(a)).collect();
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

    /// Value and derivative at `x` in f64 (Horner's scheme).
    fn eval_f64(&self, x: f64) -> (f64, f64) {
        self.approximate
            .iter()
            .rev()
            .fold((0.0, 0.0), |(value, slope), a| {
                (value * x + a, slope * x + value)
            })
    }

    /// The sign at `x`, from f64 when that is certain, else from Decimal.
    ///
    /// The f64 value is trusted when it exceeds `(20 n + 16) * EPSILON` of
    /// the sum of its terms' magnitudes `M = sum |a_k| |x|^k`, for `n`
    /// coefficients. Its error is within `(10 n + 8) * u * M` (u = EPSILON / 2,
    /// the unit roundoff): Horner's scheme adds at most `2 n u M`, and the
    /// coefficients and `x`, each read from its Decimal within `4 u`
    /// ([`approximate`]), at most `((1 + 4u)^(n+1) - 1) M`, about
    /// `4 (n + 1) u M`. The margin is over four times their sum, which also
    /// covers the rounding of `M` itself.
    fn sign_at(&self, x: Decimal) -> Option<i8> {
        let xf = approximate(x);
        let (value, _) = self.eval_f64(xf);
        let magnitude = self
            .approximate
            .iter()
            .rev()
            .fold(0.0, |acc, a| acc * xf.abs() + a.abs());
        let margin = (20.0 * self.approximate.len() as f64 + 16.0) * f64::EPSILON;
        if value.abs() > margin * magnitude && magnitude.is_finite() {
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
    let guess = Decimal::from_f64_retain(f64_guess(p, below, above).0)
        .map(|guess| guess.round_dp(16))
        .filter(|guess| *guess > lo && *guess < hi)
        .unwrap_or((lo + hi) / dec!(2));
    let half = TOLERANCE / dec!(2);
    let (left, right) = ((guess - half).max(lo), (guess + half).min(hi));
    match (p.sign_at(left), p.sign_at(right)) {
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

/// The f64 root between `below` (p < 0) and `above` (p > 0): Newton steps
/// that stay inside the bracket, bisection otherwise, each narrowing the
/// bracket, until a step moves less than a few units in the last place.
/// Cheap, and within about 1e-15 unless f64 cannot resolve the polynomial.
/// Also returns the number of polynomial evaluations it took.
fn f64_guess(p: &Polynomial, below: Decimal, above: Decimal) -> (f64, usize) {
    let (mut below, mut above) = (approximate(below), approximate(above));
    let mut x = 0.5 * (below + above);
    for evaluations in 1..=MAX_F64_ITERATIONS {
        let (value, slope) = p.eval_f64(x);
        if value.is_nan() || value == 0.0 {
            return (x, evaluations);
        }
        if value < 0.0 {
            below = x;
        } else {
            above = x;
        }
        let (low, high) = if below < above {
            (below, above)
        } else {
            (above, below)
        };
        let newton = x - value / slope;
        let close = |next: f64| (next - x).abs() <= 4.0 * f64::EPSILON * x.abs();
        let next = if newton > low && newton < high {
            newton
        } else if close(newton) {
            // Newton has converged on x, which is now an end of the bracket
            // (its step too small to move x, or just past the end): stop
            // there rather than bisect and search the bracket again.
            x
        } else {
            0.5 * (low + high)
        };
        let converged = close(next);
        x = next;
        if converged || next == low || next == high {
            return (x, evaluations);
        }
    }
    (x, MAX_F64_ITERATIONS)
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
    fn f64_guess_stops_once_converged_at_an_end_of_the_bracket() {
        // 47.4396 x^5 - 564.783143784576 (the base case's required uniform
        // growth): Newton from above reaches the f64 root in ten steps, at
        // the bracket's upper end, where its next step cannot move x. That
        // is convergence, not a reason to bisect from 0.01 again (which
        // took 31 more steps to come back).
        let p = poly(&["-564.783143784576", "0", "0", "0", "0", "47.4396"]);
        let (guess, evaluations) = f64_guess(&p, dec!(0.01), dec!(11));
        assert!((guess - 1.641_149_488_015_453).abs() < 1e-15, "{guess}");
        assert!(evaluations <= 12, "{evaluations} evaluations");
        assert_near(root(&p, "0.01", "11"), "1.6411494880154530");
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
    fn f64_signs_within_their_rounding_error_are_not_trusted() {
        // (x - 1)^3 - d expanded, root 1 + d^(1/3): within a few 1e-6 of
        // the root the f64 value is rounding noise, of either sign, so only
        // Decimal can confirm (or refine) the guess.
        for (d, root) in [
            ("0.000000000000001", "1.00001"),
            ("0.000000000000008", "1.00002"),
            ("0.000000000000027", "1.00003"),
        ] {
            let constant = format!("-{}", Decimal::ONE + d.parse::<Decimal>().unwrap());
            let p = poly(&[&constant, "3", "-3", "1"]);
            assert_near(
                root_in(&p, "0.5".parse().unwrap(), "2".parse().unwrap()),
                root,
            );
        }
    }

    #[test]
    fn overflow_is_reported() {
        // x^300 - 1: beyond f64 at x = 11, and beyond Decimal.
        let mut coefficients = vec!["0"; 301];
        (coefficients[0], coefficients[300]) = ("-1", "1");
        assert_eq!(root(&poly(&coefficients), "0.5", "11"), Root::Overflow);
    }

    #[test]
    fn an_intermediate_beyond_decimal_does_not_stop_the_search() {
        // MAX x^2 + MAX x - 1, root about 1.26e-29: Horner's MAX x + MAX
        // overflows a Decimal near the root, though the value there fits;
        // its sign comes from f64, within its error bound.
        let max = Decimal::MAX.to_string();
        assert_near(root(&poly(&["-1", &max, &max]), "-0.5", "11"), "0");
    }
}
