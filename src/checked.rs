//! Checked decimal arithmetic that reads like the formulas.
//!
//! [`Checked`] wraps `Option<Decimal>`: `+ - * /` use rust_decimal's
//! `checked_*` operations, and once a step overflows (or divides by zero)
//! every later step stays empty. The caller turns an empty result into a
//! [`ModelError::Overflow`] naming the output with [`Checked::or_overflow`].

use std::ops::{Add, Div, Mul, Neg, Sub};

use rust_decimal::Decimal;

use crate::error::{ModelError, Result};

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
