//! Decimal text in and out: the strict input grammar, the conversion of
//! JSON numbers, and the output format.
//!
//! Input grammar (one for every number that arrives as text): an optional
//! sign, one or more digits, optionally a point followed by one or more
//! digits. No exponent, no `_`, no spaces, at most [`MAX_DIGITS`]
//! significant digits and at most [`MAX_DIGITS`] decimals; more is an error,
//! never a silent rounding.
//!
//! Output format: rounded half-even ("banker's rounding") to
//! [`OUTPUT_DECIMALS`] places, then normalised: no exponent, no trailing
//! zeros, and `0`, never `-0`.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serializer;

/// The most significant digits, and the most decimals, a number may carry.
pub const MAX_DIGITS: usize = 28;

/// Decimal places of every number the projection reports.
pub const OUTPUT_DECIMALS: u32 = 9;

/// Why a text is not a number of the grammar.
pub(crate) const NOT_A_DECIMAL: &str =
    "must be a decimal number such as 158.132 (digits, an optional point and digits, an optional sign; no exponent)";
/// Why a text has too many digits.
pub(crate) const TOO_MANY_DIGITS: &str = "has more than 28 significant digits or 28 decimals";
/// Why a JSON number is refused.
pub(crate) const NOT_FINITE: &str = "must be a finite number (not NaN or infinity)";

/// Parses decimal text of the strict grammar, exactly.
///
/// # Errors
/// Returns the reason in words ([`NOT_A_DECIMAL`] or [`TOO_MANY_DIGITS`]) when
/// the text is not of the grammar or does not fit.
pub fn parse_decimal(text: &str) -> Result<Decimal, &'static str> {
    let bytes = text.as_bytes();
    let (negative, unsigned) = match bytes.first() {
        Some(b'-') => (true, &bytes[1..]),
        Some(b'+') => (false, &bytes[1..]),
        _ => (false, bytes),
    };
    let (int_part, frac_part) = match unsigned.iter().position(|&b| b == b'.') {
        Some(point) => (&unsigned[..point], &unsigned[point + 1..]),
        None => (unsigned, &[][..]),
    };
    let has_point = int_part.len() < unsigned.len();
    let all_digits = |part: &[u8]| part.iter().all(u8::is_ascii_digit);
    if int_part.is_empty()
        || (has_point && frac_part.is_empty())
        || !all_digits(int_part)
        || !all_digits(frac_part)
    {
        return Err(NOT_A_DECIMAL);
    }
    let significant = int_part
        .iter()
        .chain(frac_part)
        .skip_while(|&&b| b == b'0')
        .count();
    if significant > MAX_DIGITS || frac_part.len() > MAX_DIGITS {
        return Err(TOO_MANY_DIGITS);
    }
    // At most 28 significant digits: the mantissa is below 10^28 and fits an i128.
    let mantissa = int_part
        .iter()
        .chain(frac_part)
        .fold(0i128, |acc, &b| acc * 10 + i128::from(b - b'0'));
    let signed = if negative { -mantissa } else { mantissa };
    // The scale is at most 28 (checked above), so this cannot fail; map it anyway.
    let value = Decimal::try_from_i128_with_scale(signed, frac_part.len() as u32)
        .map_err(|_| TOO_MANY_DIGITS)?;
    Ok(value.normalize())
}

/// Converts a JSON number through its shortest round-trip text, so that
/// `0.1` becomes exactly 0.1.
///
/// # Errors
/// [`NOT_FINITE`] for NaN and infinities, [`TOO_MANY_DIGITS`] when the
/// shortest text needs more than 28 digits or decimals (e.g. `1e-30`).
pub fn decimal_from_f64(value: f64) -> Result<Decimal, &'static str> {
    if !value.is_finite() {
        return Err(NOT_FINITE);
    }
    // Rust's `Display` for f64 prints the shortest text that round-trips, without exponent.
    parse_decimal(&value.to_string())
}

/// Normalised exact text: no exponent, no trailing zeros, `0` never `-0`.
pub fn exact_text(value: Decimal) -> String {
    // `normalize` strips trailing zeros and turns -0 into 0; `Display` never uses an exponent.
    value.normalize().to_string()
}

/// The output text of a number: half-even to [`OUTPUT_DECIMALS`] places, normalised.
pub fn output_text(value: Decimal) -> String {
    exact_text(value.round_dp_with_strategy(OUTPUT_DECIMALS, RoundingStrategy::MidpointNearestEven))
}

/// Numbers of the projection that serialize as output text.
pub trait OutputNumbers {
    /// Serializes with every number as [`output_text`]; `None` as null.
    fn serialize_output<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;
}

impl OutputNumbers for Decimal {
    fn serialize_output<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&output_text(*self))
    }
}

impl OutputNumbers for Option<Decimal> {
    fn serialize_output<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Some(value) => value.serialize_output(serializer),
            None => serializer.serialize_none(),
        }
    }
}

impl OutputNumbers for Vec<Decimal> {
    fn serialize_output<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter().map(|value| output_text(*value)))
    }
}

/// For `#[serde(serialize_with = "output")]` on projection fields.
pub fn output<T: OutputNumbers, S: Serializer>(
    value: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    value.serialize_output(serializer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grammar_accepts_and_keeps_exact_values() {
        for (text, expected) in [
            ("158.132", "158.132"),
            ("-0.99", "-0.99"),
            ("+10", "10"),
            ("0.30", "0.3"),
            ("007", "7"),
            ("-0", "0"),
            (
                "1234567890123456789012345678",
                "1234567890123456789012345678",
            ),
            (
                "0.0000000000000000000000000001",
                "0.0000000000000000000000000001",
            ),
            ("0000000000000000000000000000000001.5", "1.5"),
        ] {
            assert_eq!(
                parse_decimal(text).map(exact_text),
                Ok(expected.to_string()),
                "{text}"
            );
        }
    }

    #[test]
    fn grammar_refuses_everything_else() {
        for text in [
            "", "-", "+", ".", "1.", ".5", "1e3", "1E3", "1_000", " 1", "1 ", "0x10", "NaN",
            "Infinity", "1,5", "--1", "+-1", "1.2.3", "١٢",
        ] {
            assert_eq!(parse_decimal(text), Err(NOT_A_DECIMAL), "{text:?}");
        }
        for text in [
            "12345678901234567890123456789",
            "0.00000000000000000000000000001",
            "1.0000000000000000000000000000",
        ] {
            assert_eq!(parse_decimal(text), Err(TOO_MANY_DIGITS), "{text:?}");
        }
        assert_eq!(parse_decimal(&"9".repeat(10_000)), Err(TOO_MANY_DIGITS));
    }

    #[test]
    fn json_numbers_convert_through_shortest_text() {
        assert_eq!(decimal_from_f64(0.1).map(exact_text), Ok("0.1".to_string()));
        assert_eq!(
            decimal_from_f64(7.17).map(exact_text),
            Ok("7.17".to_string())
        );
        assert_eq!(decimal_from_f64(-0.0).map(exact_text), Ok("0".to_string()));
        assert_eq!(
            decimal_from_f64(1e6).map(exact_text),
            Ok("1000000".to_string())
        );
        assert_eq!(decimal_from_f64(f64::NAN), Err(NOT_FINITE));
        assert_eq!(decimal_from_f64(f64::INFINITY), Err(NOT_FINITE));
        assert_eq!(decimal_from_f64(1e-30), Err(TOO_MANY_DIGITS));
        assert_eq!(decimal_from_f64(1e300), Err(TOO_MANY_DIGITS));
    }

    #[test]
    fn output_rounds_half_even_and_normalises() {
        for (value, expected) in [
            ("0.0000000005", "0"),
            ("0.0000000015", "0.000000002"),
            ("0.0000000025", "0.000000002"),
            ("-0.0000000004", "0"),
            ("2.5000", "2.5"),
            ("100", "100"),
            ("-3.1234567894", "-3.123456789"),
        ] {
            assert_eq!(
                output_text(parse_decimal(value).unwrap()),
                expected,
                "{value}"
            );
        }
    }
}
