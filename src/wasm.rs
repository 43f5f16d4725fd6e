//! The JavaScript API: the only module that touches wasm-bindgen.
//!
//! Each export reads its argument into a [`Raw`] tree, calls the core, and
//! returns plain JavaScript objects with decimal strings. Errors are thrown
//! as a JavaScript `Error` whose `message` names the field and whose `field`
//! property carries its JSON path; nothing traps.

use serde::de::DeserializeSeed;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::raw::RawSeed;
use crate::{ModelError, Raw};

/// Installs the panic hook (feature `console_error_panic_hook`, on by
/// default) so that a bug would print a Rust message to the console.
#[wasm_bindgen(start)]
fn start() {
    #[cfg(feature = "console_error_panic_hook")]
    console_error_panic_hook::set_once();
}

/// `{field, message}`, as `validate` lists problems.
#[derive(Serialize)]
struct Problem {
    field: String,
    message: String,
}

impl From<&ModelError> for Problem {
    fn from(error: &ModelError) -> Self {
        Problem {
            field: error.field().to_string(),
            message: error.to_string(),
        }
    }
}

/// A JavaScript `Error` with the message and a `field` property.
fn js_error(error: &ModelError) -> JsValue {
    let js = js_sys::Error::new(&error.to_string());
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(
        &js,
        &JsValue::from_str("field"),
        &JsValue::from_str(error.field()),
    );
    js.into()
}

/// Plain objects, arrays, strings and null (never `undefined` or a `Map`).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(JsValue::from)
}

/// Reads any JavaScript value, refusing (as a problem at `scenario`) only
/// what has no JSON meaning, such as a symbol or a function.
fn read(value: JsValue) -> Raw {
    RawSeed::default()
        .deserialize(serde_wasm_bindgen::Deserializer::from(value))
        .unwrap_or(Raw::Null)
}

/// The base preset, a full `Scenario` with decimal strings.
#[wasm_bindgen(js_name = defaultScenario)]
pub fn default_scenario() -> Result<JsValue, JsValue> {
    to_js(&crate::presets::base_scenario())
}

/// `[{id, label, rationale, scenario, notes}]` for `base`, `bull`, `bear`.
#[wasm_bindgen]
pub fn presets() -> Result<JsValue, JsValue> {
    to_js(&crate::presets::presets())
}

/// `[{field, message}]`: every problem of the scenario, empty when valid.
#[wasm_bindgen]
pub fn validate(scenario: JsValue) -> Result<JsValue, JsValue> {
    let problems: Vec<Problem> = crate::validate(&read(scenario))
        .iter()
        .map(Problem::from)
        .collect();
    to_js(&problems)
}

/// `{years, revenue, capex, tokens, warnings}`; throws an `Error` with `field`
/// for the first problem of the scenario or an output that does not fit.
#[wasm_bindgen]
pub fn compute(scenario: JsValue) -> Result<JsValue, JsValue> {
    match crate::compute_raw(&read(scenario)) {
        Ok(projection) => to_js(&projection),
        Err(error) => Err(js_error(&error)),
    }
}
