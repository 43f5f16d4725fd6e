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

use rust_decimal::Decimal;
use serde::Serializer;

/// The most significant digits, and the most decimals, a number may carry.
pub const MAX_DIGITS: usize = 28;

/// Decimal places of every number the projection reports.
pub const OUTPUT_DECIMALS: u32 = 9;

/// Why a text is not a number of the grammar.
pub const NOT_A_DECIMAL: &str =
    "must be a decimal number such as 158.132 (digits, an optional point and digits, an optional sign; no exponent)";
/// Why a text has too many digits.
pub const TOO_MANY_DIGITS: &str = "has more than 28 significant digits or 28 decimals";
/// Why a JSON number is refused.
pub const NOT_FINITE: &str = "must be a finite number (not NaN or infinity)";

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
    let scale = frac_part.len() as u32;
    let digits = int_part.iter().chain(frac_part).map(|&b| b - b'0');
    // Up to 18 significant digits fit an i64 (cheap in WebAssembly); at most
    // 28 fit an i128, whose multiplication is a software routine there.
    // The scale is at most 28 (checked above), so neither can fail; map it anyway.
    let value = if significant <= 18 {
        let mantissa = digits.fold(0i64, |acc, d| acc * 10 + i64::from(d));
        Decimal::try_new(if negative { -mantissa } else { mantissa }, scale)
    } else {
        let mantissa = digits.fold(0i128, |acc, d| acc * 10 + i128::from(d));
        Decimal::try_from_i128_with_scale(if negative { -mantissa } else { mantissa }, scale)
    }
    .map_err(|_| TOO_MANY_DIGITS)?;
    Ok(value.normalize())
}

/// Converts a JSON number through its shortest round-trip text, the text
/// JavaScript writes for it (`String(x)`), so that `0.1` becomes exactly 0.1.
///
/// The digits are `zmij`'s, which picks as ECMAScript does: the shortest
/// digits that round-trip and, of those, the closest, a tie going to the
/// even digit (`112774522336087.125` exactly is `112774522336087.12`, where
/// Rust's `Display` writes `…13`). It is also a fraction of the size of
/// `core::fmt`'s float printing in WebAssembly.
///
/// # Errors
/// [`NOT_FINITE`] for NaN and infinities, [`TOO_MANY_DIGITS`] when the
/// shortest text needs more than 28 digits or decimals (e.g. `1e-30`).
pub fn decimal_from_f64(value: f64) -> Result<Decimal, &'static str> {
    if !value.is_finite() {
        return Err(NOT_FINITE);
    }
    parse_decimal(&positional(zmij::Buffer::new().format_finite(value)))
}

/// Shortest digits as `zmij` writes them (`1e21`, `1.5e-7`, `100.0`), as
/// the input grammar reads them: without an exponent and without a lone
/// `.0` (`1000000000000000000000`, `0.00000015`, `100`).
pub fn positional(text: &str) -> String {
    let (mantissa, exponent) = match text.split_once('e') {
        Some((mantissa, exponent)) => (
            mantissa,
            exponent.trim_start_matches('+').parse::<i32>().unwrap_or(0),
        ),
        None => (text, 0),
    };
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", mantissa),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let fraction = if fraction == "0" { "" } else { fraction };
    let digits = format!("{whole}{fraction}");
    // Where the point goes in `digits`: at most 309 places either way for an f64.
    let point = i32::try_from(whole.len()).unwrap_or(0) + exponent;
    let at = usize::try_from(point.unsigned_abs()).unwrap_or(0);
    let text = if point <= 0 {
        format!("0.{}{digits}", "0".repeat(at))
    } else if at >= digits.len() {
        format!("{digits}{}", "0".repeat(at - digits.len()))
    } else {
        format!("{}.{}", &digits[..at], &digits[at..])
    };
    format!("{sign}{text}")
}

/// Normalised exact text: no exponent, no trailing zeros, `0` never `-0`.
pub fn exact_text(value: Decimal) -> String {
    // `normalize` strips trailing zeros and turns -0 into 0; `Display` never uses an exponent.
    value.normalize().to_string()
}

/// The output text of a number: half-even to [`OUTPUT_DECIMALS`] places, normalised.
pub fn output_text(value: Decimal) -> String {
    OutputText::new(value).as_str().to_string()
}

/// [`output_text`] on the stack: a projection serializes a few hundred numbers.
///
/// Equal to `exact_text(value.round_dp_with_strategy(9, MidpointNearestEven))`
/// (a property test holds them together), but computed on the 96-bit
/// mantissa with u64 and u32 arithmetic: several times faster in
/// WebAssembly, where u128 division is a software routine.
pub struct OutputText {
    /// ASCII text right-aligned in the buffer; the longest is a sign, 20
    /// digits, a point and 9 decimals, or a full 29-digit Decimal.
    buffer: [u8; 40],
    start: usize,
}

impl OutputText {
    /// Rounds and formats `value`.
    pub fn new(value: Decimal) -> OutputText {
        let bytes = value.serialize();
        let word =
            |i: usize| u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
        // Most significant first: hi, mid, lo.
        let mut words = [word(12), word(8), word(4)];
        let mut scale = value.scale();
        if scale > OUTPUT_DECIMALS {
            // Divide by 10^(scale - 9) in steps of at most 10^9, keeping the whole
            // remainder (below 10^19, so within u64) for the half-even decision.
            let (mut remainder, mut divided) = (0u64, 1u64);
            while scale > OUTPUT_DECIMALS {
                let step = (scale - OUTPUT_DECIMALS).min(9);
                let divisor = 10u64.pow(step);
                remainder += divide_words(&mut words, divisor) * divided;
                divided *= divisor;
                scale -= step;
            }
            let half = divided / 2;
            if remainder > half || (remainder == half && words[2] & 1 == 1) {
                add_one(&mut words);
            }
        }
        let mut text = OutputText {
            buffer: [0; 40],
            start: 40,
        };
        // Base-10^9 limbs (96 bits need at most four), then each limb's
        // digits with u32 arithmetic: least significant first.
        let mut digits = [0u8; 36];
        let mut count = 0;
        while words != [0, 0, 0] {
            let mut limb = divide_words(&mut words, 1_000_000_000) as u32;
            for _ in 0..9 {
                if words == [0, 0, 0] && limb == 0 {
                    break;
                }
                digits[count] = (limb % 10) as u8;
                limb /= 10;
                count += 1;
            }
        }
        if count == 0 {
            text.push(b'0');
            return text;
        }
        let scale = scale as usize;
        // Skip trailing zeros of the fraction, then write right to left.
        let digit = |i: usize| if i < count { digits[i] } else { 0 };
        let low = (0..scale).find(|&i| digit(i) != 0).unwrap_or(scale);
        for i in low..scale {
            text.push(b'0' + digit(i));
        }
        if low < scale {
            text.push(b'.');
        }
        if count > scale {
            for &d in &digits[scale..count] {
                text.push(b'0' + d);
            }
        } else {
            text.push(b'0');
        }
        if value.is_sign_negative() {
            text.push(b'-');
        }
        text
    }

    fn push(&mut self, byte: u8) {
        self.start -= 1;
        self.buffer[self.start] = byte;
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        // Only ASCII digits, '.' and '-' are ever pushed.
        std::str::from_utf8(&self.buffer[self.start..]).unwrap_or("0")
    }
}

/// Divides a 96-bit number (most significant word first) by `divisor`
/// (at most 10^9) in place; returns the remainder.
fn divide_words(words: &mut [u32; 3], divisor: u64) -> u64 {
    let mut remainder = 0u64;
    for word in words.iter_mut() {
        let current = (remainder << 32) | u64::from(*word);
        *word = (current / divisor) as u32;
        remainder = current % divisor;
    }
    remainder
}

/// Adds one to a 96-bit number that is at most 2^96 / 10 (no overflow).
fn add_one(words: &mut [u32; 3]) {
    for word in words.iter_mut().rev() {
        let (sum, carry) = word.overflowing_add(1);
        *word = sum;
        if !carry {
            return;
        }
    }
}

/// Numbers of the projection that serialize as output text.
pub trait OutputNumbers {
    /// Serializes with every number as [`output_text`]; `None` as null.
    fn serialize_output<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;
}

impl OutputNumbers for Decimal {
    fn serialize_output<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(OutputText::new(*self).as_str())
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
        use serde::ser::SerializeSeq;
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for value in self {
            seq.serialize_element(OutputText::new(*value).as_str())?;
        }
        seq.end()
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
            ("0.0000000000000000000000000001", "0"),
            ("123456789012.1234567894", "123456789012.123456789"),
            ("7922816251426433.7593543950", "7922816251426433.759354395"),
            ("-0.9999999995", "-1"),
            ("18446744073.7095516155", "18446744073.709551616"),
        ] {
            assert_eq!(
                output_text(parse_decimal(value).unwrap()),
                expected,
                "{value}"
            );
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn output_text_equals_rounding_then_exact_text(
            lo: u32, mid: u32, hi: u32, negative: bool, scale in 0u32..=28
        ) {
            let value = Decimal::from_parts(lo, mid, hi, negative, scale);
            let slow = exact_text(value.round_dp_with_strategy(OUTPUT_DECIMALS, rust_decimal::RoundingStrategy::MidpointNearestEven));
            proptest::prop_assert_eq!(output_text(value), slow);
        }
    }
}
