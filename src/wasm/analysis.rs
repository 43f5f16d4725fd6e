//! The options of `simulate`, `solveProbability` and `sensitivity` (feature
//! `analysis`), read as [`super::read`] reads a scenario's numbers, without
//! letting JavaScript throw through WebAssembly.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use wasm_bindgen::prelude::*;

use super::read::{leaf, reflect_get};
use crate::certainty::check_probability;
use crate::error::ModelError;
use crate::number::{decimal_from_f64, parse_decimal};
use crate::raw::Raw;
use crate::scenario::Domain;
use crate::sensitivity::check_delta;
use crate::simulate::{Options, MAX_SAMPLES};

/// Options of [`crate::simulate::simulate`]: `{samples, seed}`, each
/// optional (undefined or null takes the default), each a whole number in
/// its range.
///
/// # Errors
/// [`ModelError::WrongType`] naming `options` when it is no object;
/// [`ModelError::OutOfRange`] naming `options.samples` or `options.seed`;
/// [`ModelError::Unreadable`] naming the option when reading it threw.
pub fn simulation_options(value: &JsValue) -> Result<Options, ModelError> {
    let defaults = Options::default();
    if value.is_undefined() || value.is_null() {
        return Ok(defaults);
    }
    if !value.is_object() {
        return Err(ModelError::WrongType {
            field: "options".to_string(),
            expected: "an object",
        });
    }
    let option = |key: &str, min: u32, max: u32, default: u32| {
        let domain = Domain::Integer { min, max };
        let out_of_range = || ModelError::OutOfRange {
            field: format!("options.{key}"),
            domain,
        };
        // The decimal grammar and the integer domain, as a scenario's
        // integers are read (10, "10", "+10" and "10.0" alike).
        let number = match leaf(&entry(value, key)?) {
            Raw::Null => return Ok(default),
            Raw::Float(number) => decimal_from_f64(number).ok(),
            Raw::Text(text) => parse_decimal(&text).ok(),
            _ => None,
        };
        number
            .filter(|&number| domain.contains(number))
            .and_then(|number| number.to_u32())
            .ok_or_else(out_of_range)
    };
    Ok(Options {
        samples: option("samples", 1, MAX_SAMPLES, defaults.samples)?,
        seed: option("seed", 0, u32::MAX, defaults.seed)?,
    })
}

/// The `probability` of `solveProbability`'s options (default 0.8), in (0, 1).
///
/// # Errors
/// As [`decimal_option`], naming `options.probability`.
pub fn probability_option(value: &JsValue) -> Result<Decimal, ModelError> {
    decimal_option(value, "probability", Decimal::new(8, 1), check_probability)
}

/// The `delta` of `sensitivity`'s options (default 0.1), in (0, 1].
///
/// # Errors
/// As [`decimal_option`], naming `options.delta`.
pub fn delta_option(value: &JsValue) -> Result<Decimal, ModelError> {
    decimal_option(value, "delta", Decimal::new(1, 1), check_delta)
}

/// The option `key` of an options object: `default` when absent, else a
/// number or decimal string that `check` accepts.
///
/// # Errors
/// What `check` says of anything that is no number in its range (so a
/// non-number is refused with the range too); [`ModelError::Unreadable`]
/// naming `options.<key>` when reading it threw.
fn decimal_option(
    value: &JsValue,
    key: &str,
    default: Decimal,
    check: fn(Decimal) -> Result<Decimal, ModelError>,
) -> Result<Decimal, ModelError> {
    let number = match leaf(&entry(value, key)?) {
        Raw::Null => Some(default),
        Raw::Float(number) => decimal_from_f64(number).ok(),
        Raw::Text(text) => parse_decimal(&text).ok(),
        _ => None,
    };
    // Zero is outside both ranges: a non-number is refused with the range.
    check(number.unwrap_or(Decimal::ZERO))
}

/// `options[key]`, or undefined when `options` is no object (so its default).
///
/// # Errors
/// [`ModelError::Unreadable`] naming `options.<key>` when reading it threw
/// (a getter or a proxy trap).
fn entry(options: &JsValue, key: &str) -> Result<JsValue, ModelError> {
    if !options.is_object() {
        return Ok(JsValue::UNDEFINED);
    }
    reflect_get(options, &JsValue::from_str(key)).map_err(|_| ModelError::Unreadable {
        field: format!("options.{key}"),
    })
}
