//! The arguments of `irr` and `npv` (feature `library`): the cash flows and
//! the rate, read as [`super::read`] reads a scenario's numbers, without
//! letting JavaScript throw through WebAssembly.

use rust_decimal::Decimal;
use wasm_bindgen::prelude::*;

use super::read::{is_array, leaf, reflect_get};
use crate::error::ModelError;
use crate::payback::IRR_SEARCH;
use crate::scenario::Domain;

/// The most flows `irr` and `npv` read.
pub const MAX_FLOWS: u32 = 1000;

/// What `flows` must be, in words.
const FLOWS: &str = "an array of 1 to 1000 finite numbers or decimal strings";

/// The `flows` argument of `irr` and `npv`: an array of 1 to [`MAX_FLOWS`]
/// entries, each a finite number or a decimal string of the input grammar
/// (a BigInt as its integer), read by index (getters and proxy traps
/// caught). A longer array is refused from its length, unread.
///
/// # Errors
/// [`ModelError::WrongType`] naming `flows` for anything else, or an entry's
/// problem naming `flows[i]`; [`ModelError::Unreadable`] when reading threw.
pub fn flows(value: &JsValue) -> Result<Vec<Decimal>, ModelError> {
    let field = || "flows".to_string();
    let wrong = || ModelError::WrongType {
        field: field(),
        expected: FLOWS,
    };
    if !value.is_object() {
        return Err(wrong());
    }
    match is_array(value) {
        Err(_) => return Err(ModelError::Unreadable { field: field() }),
        Ok(false) => return Err(wrong()),
        Ok(true) => {}
    }
    let length = reflect_get(value, &JsValue::from_str("length"))
        .map_err(|_| ModelError::Unreadable { field: field() })?
        .as_f64()
        .unwrap_or(0.0);
    if !(1.0..=f64::from(MAX_FLOWS)).contains(&length) {
        return Err(wrong());
    }
    (0..length as u32)
        .map(|index| {
            let path = || format!("flows[{index}]");
            match reflect_get(value, &JsValue::from(index)) {
                Err(_) => Err(ModelError::Unreadable { field: path() }),
                Ok(entry) => leaf(&entry).decimal(path),
            }
        })
        .collect()
}

/// The `rate` argument of `npv`: a finite number or decimal string in
/// [-0.99, 10], the IRR's search interval closed (so `npv(irr(f), f)` is
/// always accepted).
///
/// # Errors
/// [`ModelError::OutOfRange`] naming `rate` with the range, or what
/// [`Raw::decimal`] says of a value that is no number.
pub fn rate(value: &JsValue) -> Result<Decimal, ModelError> {
    let rate = leaf(value).decimal(|| "rate".to_string())?;
    let (min, max) = IRR_SEARCH;
    if (min..=max).contains(&rate) {
        Ok(rate)
    } else {
        Err(ModelError::OutOfRange {
            field: "rate".to_string(),
            domain: Domain::Decimal {
                min,
                min_open: false,
                max,
                max_open: false,
            },
        })
    }
}
