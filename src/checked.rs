//! Checked decimal arithmetic that reads like the formulas.
//!
//! [`Checked`] wraps `Option<Decimal>`: `+ - * /` use rust_decimal's
//! `checked_*` operations, and once a step overflows (or divides by zero)
//! every later step stays empty. The caller turns an empty result into a
//! [`ModelError::Overflow`] naming the output with [`Checked::or_overflow`].

use std::ops::{Add, Div, Mul, Neg, Sub};

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::error::{ModelError, Result};

/// A bound on the rounding behind any value the model computes, absolute
/// for small values and relative for large ones: Decimal rounds each step at
/// its 28th decimal place or 29th significant digit, and no output is more
/// than a few dozen steps from the inputs.
pub const ROUNDING: Decimal = dec!(0.00000000000000000000000001);

/// What [`Checked::precise_div`] allows a quotient to be off by, absolute or
/// relative: a tenth of the contract's 1e-9.
pub const QUOTIENT_TOLERANCE: Decimal = dec!(0.0000000001);

/// The relative error a computed value may carry: [`ROUNDING`] absolute
/// below 1, relative above (see there).
pub fn relative_error(value: Decimal) -> Decimal {
    if value.is_zero() {
        return Decimal::ZERO;
    }
    ROUNDING / value.abs().min(Decimal::ONE)
}

/// Whether `value`, known to within `error` (absolute), meets the tolerance
/// [`QUOTIENT_TOLERANCE`], absolute or relative, whichever is larger.
pub fn within_tolerance(value: Decimal, error: Decimal) -> bool {
    error <= QUOTIENT_TOLERANCE * value.abs().max(Decimal::ONE)
}

/// A decimal that may have overflowed on the way; see the module docs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Checked(Option<Decimal>);

/// Starts a checked computation from an exact value.
pub fn c(value: Decimal) -> Checked {
    Checked(Some(value))
}

impl Checked {
    /// The value, or an overflow error naming `field` (built only on failure).
    ///
    /// # Errors
    /// [`ModelError::Overflow`] when a step overflowed or divided by zero.
    pub fn or_overflow(self, field: impl FnOnce() -> String) -> Result<Decimal> {
        self.0
            .ok_or_else(|| ModelError::Overflow { field: field() })
    }

    /// The value, if every step fitted.
    pub fn value(self) -> Option<Decimal> {
        self.0
    }

    /// The larger of the value and zero.
    pub fn at_least_zero(self) -> Checked {
        Checked(self.0.map(|v| v.max(Decimal::ZERO)))
    }

    /// `self / divisor`, left empty (so reported like an overflow, naming the
    /// output) when the rounding its operands carry could make it off by
    /// more than [`QUOTIENT_TOLERANCE`]: a ratio of values that have shrunk
    /// to Decimal's last places keeps too few significant digits. `self` is
    /// a computed value; `divisor_exact` says whether the divisor is an
    /// input (exact) or computed too.
    pub fn precise_div(self, divisor: Checked, divisor_exact: bool) -> Checked {
        let (Some(dividend), Some(divisor)) = (self.0, divisor.0) else {
            return Checked(None);
        };
        let Some(quotient) = dividend.checked_div(divisor) else {
            return Checked(None);
        };
        if dividend.is_zero() {
            return c(quotient);
        }
        let mut error = relative_error(dividend);
        if !divisor_exact {
            error += relative_error(divisor);
        }
        let precise = quotient
            .abs()
            .checked_mul(error)
            .is_some_and(|bound| within_tolerance(quotient, bound));
        Checked(precise.then_some(quotient))
    }

    /// `self * factor`, left empty when the rounding its operands carry
    /// could make it off by more than [`QUOTIENT_TOLERANCE`] (a value that
    /// has shrunk to a few digits, times a large one); both are computed.
    pub fn precise_mul(self, factor: Checked) -> Checked {
        let (Some(a), Some(b)) = (self.0, factor.0) else {
            return Checked(None);
        };
        let Some(product) = a.checked_mul(b) else {
            return Checked(None);
        };
        let precise = product
            .abs()
            .checked_mul(relative_error(a) + relative_error(b))
            .is_some_and(|bound| within_tolerance(product, bound));
        Checked(precise.then_some(product))
    }

    /// `self^n` by repeated multiplication (n is a year count, at most 10 or so).
    pub fn powi(self, n: u32) -> Checked {
        (0..n).fold(c(Decimal::ONE), |acc, _| acc * self)
    }
}

macro_rules! checked_op {
    ($trait:ident, $method:ident, $checked:ident) => {
        impl $trait for Checked {
            type Output = Checked;
            fn $method(self, rhs: Checked) -> Checked {
                Checked(match (self.0, rhs.0) {
                    (Some(a), Some(b)) => a.$checked(b),
                    _ => None,
                })
            }
        }
        impl $trait<Decimal> for Checked {
            type Output = Checked;
            fn $method(self, rhs: Decimal) -> Checked {
                self.$method(c(rhs))
            }
        }
    };
}

checked_op!(Add, add, checked_add);
checked_op!(Sub, sub, checked_sub);
checked_op!(Mul, mul, checked_mul);
checked_op!(Div, div, checked_div);

impl Neg for Checked {
    type Output = Checked;
    fn neg(self) -> Checked {
        Checked(self.0.map(Neg::neg))
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
}
