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
            exponent
                .strip_prefix('+')
                .unwrap_or(exponent)
                .parse::<i32>()
                .unwrap_or(0),
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
    // `normalize` strips trailing zeros and turns -0 into 0.
    DecimalText::exact(value.normalize()).as_str().to_string()
}

/// `value` as an output is written: rounded half-even to
/// [`OUTPUT_DECIMALS`] places (what [`DecimalText::output`] writes), for a
/// comparison that must agree with what a reader of the output sees.
pub fn as_written(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(
        OUTPUT_DECIMALS,
        rust_decimal::RoundingStrategy::MidpointNearestEven,
    )
}

/// The output text of a number: half-even to [`OUTPUT_DECIMALS`] places, normalised.
pub fn output_text(value: Decimal) -> String {
    DecimalText::output(value).as_str().to_string()
}

/// A decimal's text on the stack, without `core::fmt`: a projection writes a
/// few hundred numbers, a scenario some sixty.
///
/// [`DecimalText::output`] equals `value.round_dp_with_strategy(9,
/// MidpointNearestEven)` written normalised, and [`DecimalText::exact`]
/// equals `value.to_string()` (property tests hold them together), but both
/// work on the 96-bit mantissa with u64 and u32 arithmetic: several times
/// faster in WebAssembly, where u128 division is a software routine.
pub struct DecimalText {
    /// ASCII text right-aligned in the buffer; the longest is a sign, 29
    /// digits and a point, or a sign, `0.` and 28 decimals.
    buffer: [u8; 40],
    start: usize,
}

impl DecimalText {
    /// Rounds `value` half-even to [`OUTPUT_DECIMALS`] places and writes it
    /// normalised: no trailing zeros, `0` never `-0`.
    pub fn output(value: Decimal) -> DecimalText {
        let mut words = mantissa_words(value);
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
        let negative = value.is_sign_negative() && words != [0, 0, 0];
        DecimalText::write(words, scale, negative, true)
    }

    /// Writes `value` exactly as held, as `Display` does: every decimal of
    /// its scale (trailing zeros kept), a sign when it is negative (`-0.00`
    /// too).
    pub fn exact(value: Decimal) -> DecimalText {
        DecimalText::write(
            mantissa_words(value),
            value.scale(),
            value.is_sign_negative(),
            false,
        )
    }

    /// The digits of the mantissa `words` with a point `scale` places from
    /// the right, the fraction's trailing zeros dropped when `trim` (and
    /// the point with them when nothing is left after it).
    fn write(mut words: [u32; 3], scale: u32, negative: bool, trim: bool) -> DecimalText {
        let mut text = DecimalText {
            buffer: [0; 40],
            start: 40,
        };
        let scale = scale as usize;
        // Whether a fraction digit has been written (every one is, untrimmed).
        let mut kept = !trim;
        let mut digit_at = |text: &mut DecimalText, at: usize, digit: u32| {
            if at >= scale {
                text.push(b'0' + digit as u8);
                return;
            }
            kept |= digit != 0;
            if kept {
                text.push(b'0' + digit as u8);
                if at + 1 == scale {
                    text.push(b'.');
                }
            }
        };
        // The digits, least significant first: base-10^9 limbs (96 bits need
        // at most four), then each limb's digits with u32 arithmetic, until
        // nothing is left of the mantissa.
        let mut at = 0;
        let (mut limb, mut limb_digits) = (0u32, 0);
        loop {
            if limb_digits == 0 {
                limb = match words {
                    // Most mantissas are below 10^9: no division.
                    [0, 0, small] if small < 1_000_000_000 => {
                        words[2] = 0;
                        small
                    }
                    _ => divide_words(&mut words, 1_000_000_000) as u32,
                };
                limb_digits = 9;
            }
            if limb == 0 && words == [0, 0, 0] {
                break;
            }
            let (rest, digit) = divide_by_ten(limb);
            digit_at(&mut text, at, digit);
            limb = rest;
            limb_digits -= 1;
            at += 1;
        }
        // The fraction's leading zeros, and a 0 before the point.
        while at < scale {
            digit_at(&mut text, at, 0);
            at += 1;
        }
        if at == scale {
            text.push(b'0');
        }
        if negative {
            text.push(b'-');
        }
        text
    }

    fn push(&mut self, byte: u8) {
        self.start -= 1;
        self.buffer[self.start] = byte;
    }

    /// The text, ASCII.
    pub fn as_bytes(&self) -> &[u8] {
        &self.buffer[self.start..]
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        // Only ASCII digits, '.' and '-' are ever pushed.
        std::str::from_utf8(self.as_bytes()).unwrap_or("0")
    }
}

/// The 96-bit mantissa of `value`, most significant word first.
fn mantissa_words(value: Decimal) -> [u32; 3] {
    let bytes = value.serialize();
    let word = |i: usize| u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    [word(12), word(8), word(4)]
}

/// `x / 10` and `x % 10`, by a multiplication: WebAssembly has no
/// multiply-high instruction, so LLVM leaves a division by a constant as a
/// division there (tens of cycles each, once per digit written).
/// 0xCCCC_CCCD / 2^35 is 1/10 closely enough to be exact for every u32.
fn divide_by_ten(x: u32) -> (u32, u32) {
    let quotient = ((u64::from(x) * 0xCCCC_CCCD) >> 35) as u32;
    (quotient, x - quotient * 10)
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

#[cfg(test)]
pub(crate) mod tests {
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
    fn dividing_by_ten_is_exact_for_every_u32() {
        // Every u32 is 2^32 cases: a stride that visits every residue of 10
        // and both ends, with the region near each power of ten.
        let mut cases: Vec<u32> = (0..=u32::MAX).step_by(997).collect();
        cases.extend((0..10).flat_map(|k| {
            let power = 10u64.pow(k) as u32;
            power.saturating_sub(20)..power.saturating_add(20)
        }));
        cases.extend(u32::MAX - 1000..=u32::MAX);
        for x in cases {
            assert_eq!(divide_by_ten(x), (x / 10, x % 10), "{x}");
        }
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

    /// What [`output_text`] must write: rust_decimal's own half-even
    /// rounding ([`as_written`]), normalised and displayed.
    #[cfg(not(target_arch = "wasm32"))]
    fn rounded_by_rust_decimal(value: Decimal) -> String {
        as_written(value).normalize().to_string()
    }

    /// Any Decimal: every 96-bit mantissa, sign and scale.
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn any_decimal() -> impl proptest::strategy::Strategy<Value = Decimal> {
        use proptest::prelude::*;
        (
            any::<u32>(),
            any::<u32>(),
            any::<u32>(),
            any::<bool>(),
            0u32..=28,
        )
            .prop_map(|(lo, mid, hi, negative, scale)| {
                Decimal::from_parts(lo, mid, hi, negative, scale)
            })
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn output_text_equals_rounding_then_display(value in any_decimal()) {
            proptest::prop_assert_eq!(output_text(value), rounded_by_rust_decimal(value));
        }

        /// Exactly half a unit of the ninth decimal, behind any digits.
        #[test]
        fn output_text_rounds_ties_to_even(
            digits in 0i128..10i128.pow(17), zeros in 0u32..=10, negative: bool
        ) {
            let mut value = Decimal::from_i128_with_scale((digits * 10 + 5) * 10i128.pow(zeros), 10 + zeros);
            value.set_sign_negative(negative);
            proptest::prop_assert_eq!(output_text(value), rounded_by_rust_decimal(value));
        }

        #[test]
        fn exact_text_equals_display(value in any_decimal()) {
            let text = DecimalText::exact(value);
            proptest::prop_assert_eq!(text.as_str(), value.to_string());
            proptest::prop_assert_eq!(exact_text(value), value.normalize().to_string());
        }
    }
}
