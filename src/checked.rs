//! Checked decimal arithmetic that reads like the formulas, and knows how
//! far off its results can be.
//!
//! [`Checked`] holds a `Decimal` and a bound on its absolute error, or
//! nothing: `+ - * /` use rust_decimal's `checked_*` operations, and once a
//! step overflows (or divides by zero) every later step stays empty. Each
//! step adds the rounding a Decimal result can carry (half a unit in its
//! 28th decimal, or in its 29th significant digit) to the error its
//! operands carried in, so a value that has shrunk towards Decimal's last
//! places, and everything computed from it, knows how few of its digits are
//! right. Inputs ([`c`]) are exact. The caller turns a result into a number
//! with [`Checked::or_overflow`], which refuses, naming the output, one that
//! overflowed or whose error could exceed [`TOLERANCE`]: never a wrong
//! number, never an imprecise one. Error bounds are estimates, kept in f64
//! (whose range reaches far below 1e-28).

use std::ops::{Add, Div, Mul, Neg, Sub};

use rust_decimal::Decimal;

use crate::error::{ModelError, Result};

/// What an output may be off by, absolute or relative, whichever is larger:
/// a tenth of the contract's 1e-9.
pub const TOLERANCE: f64 = 1e-10;

/// `10^-scale` for the scales a Decimal can have.
const POWERS: [f64; 29] = [
    1e0, 1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10, 1e-11, 1e-12, 1e-13, 1e-14,
    1e-15, 1e-16, 1e-17, 1e-18, 1e-19, 1e-20, 1e-21, 1e-22, 1e-23, 1e-24, 1e-25, 1e-26, 1e-27,
    1e-28,
];

/// |value| as f64, from its 96-bit mantissa and scale (cheap; no rounding
/// that matters for an error bound).
pub fn magnitude(value: Decimal) -> f64 {
    let parts = value.unpack();
    let mantissa = f64::from(parts.hi) * 18_446_744_073_709_551_616.0
        + f64::from(parts.mid) * 4_294_967_296.0
        + f64::from(parts.lo);
    mantissa * POWERS[parts.scale.min(28) as usize]
}

/// `value` as f64, within 4 units in the last place: [`magnitude`]'s two
/// roundings of the mantissa, the power of ten's and the product's. Several
/// times cheaper than rust_decimal's `to_f64` in WebAssembly, which divides
/// in u128 (a software routine there).
pub fn approximate(value: Decimal) -> f64 {
    if value.is_sign_negative() {
        -magnitude(value)
    } else {
        magnitude(value)
    }
}

/// The rounding a Decimal result may carry: half a unit in the 28th decimal
/// place, or in the 29th significant digit of a large value.
fn rounding(result: Decimal) -> f64 {
    5e-29 + magnitude(result) * 1.3e-28
}

/// Whether a value is exactly zero: zero, with no error.
fn exact_zero(value: Decimal, error: f64) -> bool {
    value.is_zero() && error == 0.0
}

/// Whether a value known to within `error` meets [`TOLERANCE`].
fn precise(value: Decimal, error: f64) -> bool {
    error <= TOLERANCE * magnitude(value).max(1.0)
}

/// A decimal with a bound on its error, or nothing after an overflow; see
/// the module docs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Checked(Option<(Decimal, f64)>);

/// Starts a checked computation from an exact value.
pub fn c(value: Decimal) -> Checked {
    Checked(Some((value, 0.0)))
}

/// A value computed elsewhere, with the error bound it carries.
pub fn carried(value: Decimal, error: f64) -> Checked {
    Checked(Some((value, error)))
}

impl Checked {
    /// The value, or an error naming `field` (built only on failure).
    ///
    /// # Errors
    /// [`ModelError::Overflow`] when a step overflowed or divided by zero,
    /// or when the value could be off by more than [`TOLERANCE`].
    pub fn or_overflow(self, field: impl FnOnce() -> String) -> Result<Decimal> {
        self.kept(field)
            .map(|kept| kept.0.map_or(Decimal::ZERO, |(value, _)| value))
    }

    /// As [`Checked::or_overflow`], keeping the error bound, for a value
    /// that is an output and is also carried into later steps.
    ///
    /// # Errors
    /// As [`Checked::or_overflow`].
    pub fn kept(self, field: impl FnOnce() -> String) -> Result<Checked> {
        match self.0 {
            Some((value, error)) if precise(value, error) => Ok(self),
            _ => Err(ModelError::Overflow { field: field() }),
        }
    }

    /// The value, if every step fitted (however imprecise).
    pub fn value(self) -> Option<Decimal> {
        self.0.map(|(value, _)| value)
    }

    /// The value, or zero after an overflow (for a value already checked
    /// with [`Checked::kept`]).
    pub fn or_zero(self) -> Decimal {
        self.value().unwrap_or_default()
    }

    /// The error bound, infinite after an overflow.
    pub fn error(self) -> f64 {
        self.0.map_or(f64::INFINITY, |(_, error)| error)
    }

    /// The larger of the value and zero. A value below zero by more than
    /// its error is exactly zero; one below zero by less is off by at most
    /// what its error reaches above zero.
    pub fn at_least_zero(self) -> Checked {
        Checked(self.0.map(|(value, error)| {
            if value.is_sign_negative() {
                (Decimal::ZERO, (approximate(value) + error).max(0.0))
            } else {
                (value, error)
            }
        }))
    }

    /// `self^n` by repeated multiplication (n is a year count, at most 10 or so).
    pub fn powi(self, n: u32) -> Checked {
        (0..n).fold(c(Decimal::ONE), |acc, _| acc * self)
    }
}

impl Add for Checked {
    type Output = Checked;
    fn add(self, rhs: Checked) -> Checked {
        let (Some((a, ea)), Some((b, eb))) = (self.0, rhs.0) else {
            return Checked(None);
        };
        Checked(a.checked_add(b).map(|sum| (sum, ea + eb + rounding(sum))))
    }
}

impl Sub for Checked {
    type Output = Checked;
    fn sub(self, rhs: Checked) -> Checked {
        self + -rhs
    }
}

impl Mul for Checked {
    type Output = Checked;
    #[expect(
        clippy::suspicious_arithmetic_impl,
        reason = "the sums are of the f64 error bounds, beside the Decimal product"
    )]
    fn mul(self, rhs: Checked) -> Checked {
        let (Some((a, ea)), Some((b, eb))) = (self.0, rhs.0) else {
            return Checked(None);
        };
        // An exact zero times any value is exactly zero, whatever that
        // value's error (even an infinite one, which would make the sum NaN).
        if exact_zero(a, ea) || exact_zero(b, eb) {
            return c(Decimal::ZERO);
        }
        Checked(a.checked_mul(b).map(|product| {
            let error = ea * magnitude(b) + eb * magnitude(a) + ea * eb;
            (product, error + rounding(product))
        }))
    }
}

impl Div for Checked {
    type Output = Checked;
    fn div(self, rhs: Checked) -> Checked {
        let (Some((a, ea)), Some((b, eb))) = (self.0, rhs.0) else {
            return Checked(None);
        };
        // An exact zero over any non-zero value is exactly zero.
        if exact_zero(a, ea) && !b.is_zero() {
            return c(Decimal::ZERO);
        }
        Checked(a.checked_div(b).map(|quotient| {
            let room = magnitude(b) - eb;
            let error = if room > 0.0 {
                (ea + magnitude(quotient) * eb) / room
            } else {
                f64::INFINITY
            };
            (quotient, error + rounding(quotient))
        }))
    }
}

macro_rules! with_exact {
    ($trait:ident, $method:ident) => {
        impl $trait<Decimal> for Checked {
            type Output = Checked;
            fn $method(self, rhs: Decimal) -> Checked {
                self.$method(c(rhs))
            }
        }
    };
}

with_exact!(Add, add);
with_exact!(Sub, sub);
with_exact!(Mul, mul);
with_exact!(Div, div);

impl Neg for Checked {
    type Output = Checked;
    fn neg(self) -> Checked {
        Checked(self.0.map(|(value, error)| (-value, error)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn arithmetic_is_exact_and_overflow_sticks() {
        assert_eq!((c(dec!(0.1)) + dec!(0.2)).value(), Some(dec!(0.3)));
        assert_eq!((c(dec!(1)) / dec!(8) * dec!(2)).value(), Some(dec!(0.25)));
        assert_eq!(c(dec!(1.1)).powi(3).value(), Some(dec!(1.331)));
        assert_eq!(c(dec!(5)).powi(0).value(), Some(dec!(1)));
        assert_eq!((c(Decimal::MAX) * dec!(2) - Decimal::MAX).value(), None);
        assert_eq!((c(dec!(1)) / dec!(0)).value(), None);
        let error = (c(Decimal::MAX) + dec!(1)).or_overflow(|| "capex.npvRmbBn".to_string());
        assert_eq!(
            error,
            Err(ModelError::Overflow {
                field: "capex.npvRmbBn".to_string()
            })
        );
        assert_eq!(c(dec!(-3)).at_least_zero().value(), Some(dec!(0)));
    }

    #[test]
    fn exact_zeros_carry_no_error() {
        // Clearly below zero: exactly zero, however large the error was.
        assert_eq!(carried(dec!(-2e18), 2e-9).at_least_zero(), c(Decimal::ZERO));
        // Below zero by less than its error: zero, off by what the error reaches above it.
        assert_eq!(
            carried(dec!(-1), 3.0).at_least_zero(),
            carried(Decimal::ZERO, 2.0)
        );
        assert_eq!(carried(dec!(5), 1.0).at_least_zero(), carried(dec!(5), 1.0));
        // Zero times a value of any error, even an unbounded one.
        assert_eq!(
            c(Decimal::ZERO) * carried(dec!(3), f64::INFINITY),
            c(Decimal::ZERO)
        );
        assert_eq!(carried(dec!(3), 1e6) * Decimal::ZERO, c(Decimal::ZERO));
        let refused = (c(Decimal::ZERO) * carried(dec!(3), f64::INFINITY)).or_overflow(String::new);
        assert_eq!(refused, Ok(Decimal::ZERO));
        assert_eq!(
            c(Decimal::ZERO) / carried(dec!(1e-20), 1.0),
            c(Decimal::ZERO)
        );
        assert_eq!((c(Decimal::ZERO) / dec!(0)).value(), None);
    }

    #[test]
    fn the_error_bound_follows_values_that_shrink_to_the_last_places() {
        assert!((magnitude(dec!(-158.132)) - 158.132).abs() < 1e-12);
        assert!((magnitude(Decimal::MAX) - 7.922816251426434e28).abs() < 1e14);
        // Ordinary values carry errors near 1e-28 and pass.
        let ordinary = c(dec!(158.132)) * dec!(0.3) / dec!(7.17);
        assert!(ordinary.error() < 1e-25);
        assert!(ordinary.or_overflow(|| "x".into()).is_ok());
        // A value of 1e-22 has lost most of its digits: divided by another
        // such value, the quotient is refused rather than given wrong.
        let tiny = c(dec!(0.001)) * dec!(0.0000000000000000001234567891);
        let ratio = tiny / (tiny + dec!(0.0000000000000000000000000001));
        assert!(ratio.or_overflow(|| "revenue.aiShare[9]".into()).is_err());
        // The same value on its own is right to the absolute tolerance.
        assert!(tiny.or_overflow(|| "revenue.ai[9]".into()).is_ok());
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Within 4 units in the last place of the correctly rounded f64
        /// (Rust's parsing of the decimal's text), whatever the mantissa and scale.
        #[test]
        fn approximate_is_within_four_units_in_the_last_place(
            value in crate::number::tests::any_decimal()
        ) {
            let nearest: f64 = value.to_string().parse().unwrap();
            let error = (approximate(value) - nearest).abs();
            proptest::prop_assert!(error <= 4.0 * f64::EPSILON * nearest.abs(), "{value}: {error}");
        }
    }
}
