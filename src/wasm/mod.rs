//! The JavaScript API: the only module that touches wasm-bindgen.
//!
//! Each export reads its argument (`read`, which never lets JavaScript throw
//! through WebAssembly: a scenario from the JSON text `JSON.stringify`
//! writes, straight into it, else through a [`crate::Raw`] tree that names
//! every problem), calls the core, and
//! returns plain JavaScript objects with decimal strings, through JSON text
//! (`JSON.parse` of what the core writes: one crossing instead of one per
//! property). Errors are thrown as a JavaScript `Error` whose `message`
//! names the field and whose `field` property carries its JSON path and
//! `kind` what went wrong ([`ModelError::kind`]); nothing traps, whatever the arguments.

#[cfg(feature = "analysis")]
mod analysis;
#[cfg(feature = "library")]
mod cash_flows;
mod read;

use wasm_bindgen::prelude::*;

use crate::json::{Json, ToJson};
#[cfg(feature = "library")]
use crate::number::exact_text;
use crate::raw::parse_scenario;
use crate::{link, ModelError, Scenario};

/// The allocator: talc (its WebAssembly configuration), in place of the
/// standard library's dlmalloc: 2.2 KB less gzipped for the page's core and
/// 1.5 KB for the widget's, as fast, and the same memory over long use
/// (README, "Weight").
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The TypeScript types the exports name (`Scenario`, `Projection`, ...):
/// copied into `pkg/aicloud_scenario.d.ts`, never into the wasm.
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

/// Installs the panic hook (feature `console_error_panic_hook`, on by
/// default, and off in the widget's cores) so that a bug would print a Rust
/// message to the console.
#[cfg(feature = "console_error_panic_hook")]
#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// `{field, kind, message}`, as `validate` lists problems ([`ModelError::kind`]).
struct Problem {
    field: String,
    kind: &'static str,
    message: String,
}

impl From<&ModelError> for Problem {
    fn from(error: &ModelError) -> Self {
        Problem {
            field: error.field().to_string(),
            kind: error.kind(),
            message: error.to_string(),
        }
    }
}

impl ToJson for Problem {
    fn write_json(&self, json: &mut Json) {
        json.object(|json| {
            json.field("field", &self.field);
            json.field("kind", self.kind);
            json.field("message", &self.message);
        });
    }
}

/// A JavaScript `Error` with the message and the `field` and `kind` properties.
fn js_error(error: &ModelError) -> JsValue {
    let js = js_sys::Error::new(&error.to_string());
    // Setting a property on a fresh Error object cannot fail.
    for (key, value) in [("field", error.field()), ("kind", error.kind())] {
        let _ = js_sys::Reflect::set(&js, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    js.into()
}

/// Plain objects, arrays, strings and null, through JSON text.
fn to_js(value: &(impl ToJson + ?Sized)) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(&value.to_json())
}

/// Reads a scenario from any JavaScript value, with every problem found.
fn read_scenario(value: &JsValue) -> Result<Scenario, Vec<ModelError>> {
    #[cfg(feature = "trap-test")]
    trap::when_poisoned();
    match read::fast(value) {
        Some(scenario) => Ok(scenario),
        None => parse_scenario(&read::scenario(value)),
    }
}

/// The scenario, or its first problem as a JavaScript `Error` to throw.
fn valid_scenario(value: &JsValue) -> Result<Scenario, JsValue> {
    read_scenario(value).map_err(|problems| match problems.first() {
        Some(problem) => js_error(problem),
        None => JsValue::from_str("scenario could not be read"),
    })
}

/// Link text from a JavaScript value, checked for type and for length
/// before it is copied: a huge text is refused from its length in UTF-16
/// units, which is never below its length in characters.
fn link_text(value: &JsValue) -> Result<String, link::Lenient> {
    let Some(text) = value.dyn_ref::<js_sys::JsString>() else {
        return Err(link::Lenient::refused(false));
    };
    if text.length() as usize > 2 * link::MAX_LINK_CHARS {
        return Err(link::Lenient::refused(true));
    }
    text.as_string()
        .ok_or_else(|| link::Lenient::refused(false))
}

/// The first problem of a link refused before reading.
#[cfg(feature = "library")]
fn refusal(lenient: link::Lenient) -> JsValue {
    match lenient.problems.first() {
        Some(problem) => js_error(problem),
        None => JsValue::from_str("link could not be read"),
    }
}

/// The base preset, a full `Scenario` with decimal strings.
#[cfg(feature = "library")]
#[wasm_bindgen(js_name = defaultScenario, unchecked_return_type = "Scenario")]
pub fn default_scenario() -> Result<JsValue, JsValue> {
    to_js(&crate::presets::base_scenario())
}

/// `[{id, label, rationale, scenario, notes, reported}]` for `base`, `bull`, `bear`.
#[wasm_bindgen(unchecked_return_type = "Preset[]")]
pub fn presets() -> Result<JsValue, JsValue> {
    to_js(&crate::presets::presets())
}

/// The reported years that lead into the scenario (`{baseFiscalYear,
/// baseRmbBn, revenueRmbBn, capexRmbBn, notes}`, figures as `[{fiscalYear,
/// value}]` in RMB bn), or null when the scenario has another base fiscal
/// year or base revenue than the presets' reported figures. Throws an
/// `Error` with `field` for the first problem of the scenario.
#[wasm_bindgen(js_name = reportedYears, unchecked_return_type = "Reported | null")]
pub fn reported_years(
    #[wasm_bindgen(unchecked_param_type = "ScenarioInput")] scenario: JsValue,
) -> Result<JsValue, JsValue> {
    let scenario = valid_scenario(&scenario)?;
    let reported = crate::presets::reported();
    if reported.applies_to(&scenario) {
        to_js(&reported)
    } else {
        Ok(JsValue::NULL)
    }
}

/// `[{path, key, kind, min, max, minOpen, maxOpen, range}]` for every field, in
/// the order of the model contract: what a form needs to build its inputs.
#[wasm_bindgen(unchecked_return_type = "Field[]")]
pub fn fields() -> Result<JsValue, JsValue> {
    to_js(&crate::scenario::field_infos())
}

/// `[{field, kind, message}]`: every problem of the scenario, empty when valid.
#[wasm_bindgen(unchecked_return_type = "Problem[]")]
pub fn validate(
    #[wasm_bindgen(unchecked_param_type = "ScenarioInput")] scenario: JsValue,
) -> Result<JsValue, JsValue> {
    let problems = read_scenario(&scenario).err().unwrap_or_default();
    to_js(&problems.iter().map(Problem::from).collect::<Vec<_>>())
}

/// `{years, revenue, capex, tokens, warnings}`; throws an `Error` with `field`
/// for the first problem of the scenario or an output that does not fit.
#[wasm_bindgen(unchecked_return_type = "Projection")]
pub fn compute(
    #[wasm_bindgen(unchecked_param_type = "ScenarioInput")] scenario: JsValue,
) -> Result<JsValue, JsValue> {
    let scenario = valid_scenario(&scenario)?;
    crate::compute_valid(&scenario)
        .map_err(|error| js_error(&error))
        .and_then(|projection| to_js(&projection))
}

/// Monte Carlo over the scenario's uncertainty (contract 1.1):
/// `{samples, seed, probabilityHitTarget, hitByYear, cumulativeUsdBn,
/// npvRmbBn, probabilityNpvPositive, histogram, probabilityHitAnnualTarget,
/// annualUsdBn}`. Options `{samples = 10000, seed = 1}`. Throws an `Error`
/// with `field` for the first problem of the scenario or the options.
#[cfg(feature = "analysis")]
#[wasm_bindgen(unchecked_return_type = "Simulation")]
pub fn simulate(
    #[wasm_bindgen(unchecked_param_type = "ScenarioInput")] scenario: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "SimulateOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let scenario = valid_scenario(&scenario)?;
    let options = analysis::simulation_options(&options).map_err(|error| js_error(&error))?;
    crate::simulate::simulate(&scenario, options)
        .map_err(|error| js_error(&error))
        .and_then(|simulation| to_js(&simulation))
}

/// The certainty goal seek (contract 1.1): `{aiGrowthShift, probability,
/// beyond}` for options `{probability = 0.8, samples = 10000, seed = 1}`.
/// Throws an `Error` with `field` for the first problem of the scenario or
/// the options.
#[cfg(feature = "analysis")]
#[wasm_bindgen(js_name = solveProbability, unchecked_return_type = "Certainty")]
pub fn solve_probability(
    #[wasm_bindgen(unchecked_param_type = "ScenarioInput")] scenario: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "SolveProbabilityOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let scenario = valid_scenario(&scenario)?;
    let probability = analysis::probability_option(&options).map_err(|error| js_error(&error))?;
    let options = analysis::simulation_options(&options).map_err(|error| js_error(&error))?;
    crate::certainty::solve_probability(&scenario, probability, options)
        .map_err(|error| js_error(&error))
        .and_then(|certainty| to_js(&certainty))
}

/// Sensitivity (contract 1.1): `{base, rows}`, one row per input group,
/// the widest swing in cumulative US$ first. Options `{delta = 0.1}`.
/// Throws an `Error` with `field` for the first problem of the scenario or
/// the options.
#[cfg(feature = "analysis")]
#[wasm_bindgen(unchecked_return_type = "Sensitivity")]
pub fn sensitivity(
    #[wasm_bindgen(unchecked_param_type = "ScenarioInput")] scenario: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "SensitivityOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let scenario = valid_scenario(&scenario)?;
    let delta = analysis::delta_option(&options).map_err(|error| js_error(&error))?;
    crate::sensitivity::sensitivity(&scenario, delta)
        .map_err(|error| js_error(&error))
        .and_then(|tornado| to_js(&tornado))
}

/// The audit trail of one output (contract 1.1): `{path, value, formula,
/// terms}` for an output path of `compute` (`revenue.cumulativeUsdBn[4]`,
/// `capex.npvRmbBn`), `terms` as `[{name, path, value}]`. Throws an `Error`
/// with `field` for the first problem of the scenario, then with `field`
/// `path` for a path that is not text or names no output (or an index past
/// the horizon), then as `compute`.
#[wasm_bindgen(unchecked_return_type = "Explanation")]
pub fn explain(
    #[wasm_bindgen(unchecked_param_type = "ScenarioInput")] scenario: JsValue,
    #[wasm_bindgen(unchecked_param_type = "OutputPath")] path: JsValue,
) -> Result<JsValue, JsValue> {
    let scenario = valid_scenario(&scenario)?;
    let path = output_path(&path).map_err(|error| js_error(&error))?;
    crate::explain::explain(&scenario, &path)
        .map_err(|error| js_error(&error))
        .and_then(|explanation| to_js(&explanation))
}

/// The internal rate of return of `flows` (an array of 1 to 1000 finite
/// numbers or decimal strings): the r in (-0.99, 10) with
/// `sum_t flows[t] / (1+r)^t = 0`, t = 0..n-1, where **`flows[0]` is now**
/// (not discounted) and `flows[t]` arrives t periods later; as a decimal
/// string within 1e-13 of the root, not rounded to 9 places as `compute`'s
/// outputs are. Null unless the non-zero flows change sign exactly once
/// and the root lies in (-0.99, 10): the rule of `compute`'s `capex.irr`,
/// which is this on `capex.netCashFlow`. Additive to MODEL.md's API (for the
/// benchmark against spreadsheet functions). Throws an `Error` with `field`
/// `flows` or `flows[i]` naming the allowed form, or `irr` when the search
/// leaves Decimal's range.
#[cfg(feature = "library")]
#[wasm_bindgen(unchecked_return_type = "DecimalString | null")]
pub fn irr(
    #[wasm_bindgen(unchecked_param_type = "DecimalInput[]")] flows: JsValue,
) -> Result<JsValue, JsValue> {
    let flows = cash_flows::flows(&flows).map_err(|error| js_error(&error))?;
    crate::payback::irr(&flows, "irr")
        .map(|irr| irr.map_or(JsValue::NULL, |r| JsValue::from_str(&exact_text(r))))
        .map_err(|error| js_error(&error))
}

/// The net present value of `flows` (as for [`irr`]) at `rate` (a finite
/// number or decimal string in [-0.99, 10]): `sum_t flows[t] / (1+rate)^t`,
/// t = 0..n-1, **`flows[0]` now**, undiscounted (numpy-financial's `npv`;
/// Excel's `NPV(rate, v1, ...)` equals `npv(rate, [0, v1, ...])`). A decimal
/// string exact to Decimal's 28 significant digits, not rounded to 9
/// places; `compute`'s `capex.npvRmbBn` is this on `[0, ...netCashFlow]`.
/// Additive to MODEL.md's API. Throws an `Error` with `field` `rate`,
/// `flows` or `flows[i]` naming the allowed form or range, or `npv` when
/// the sum does not fit a Decimal.
#[cfg(feature = "library")]
#[wasm_bindgen(unchecked_return_type = "DecimalString")]
pub fn npv(
    #[wasm_bindgen(unchecked_param_type = "DecimalInput")] rate: JsValue,
    #[wasm_bindgen(unchecked_param_type = "DecimalInput[]")] flows: JsValue,
) -> Result<String, JsValue> {
    let rate = cash_flows::rate(&rate).map_err(|error| js_error(&error))?;
    let flows = cash_flows::flows(&flows).map_err(|error| js_error(&error))?;
    crate::payback::npv(rate, &flows, "npv")
        .map(exact_text)
        .map_err(|error| js_error(&error))
}

/// The text of an `explain` path, checked for type, and for length before
/// it is copied (no output path is longer than [`MAX_PATH_UNITS`]).
fn output_path(value: &JsValue) -> Result<String, ModelError> {
    let not_text = || ModelError::BadPath {
        reason: "must be text: an output path of compute such as revenue.cumulativeUsdBn[4]"
            .to_string(),
    };
    let text = value.dyn_ref::<js_sys::JsString>().ok_or_else(not_text)?;
    if text.length() as usize > MAX_PATH_UNITS {
        return Err(ModelError::BadPath {
            reason: format!(
                "is longer than any output path of compute ({} characters)",
                text.length()
            ),
        });
    }
    text.as_string().ok_or_else(not_text)
}

/// Longer than any output path, in UTF-16 units.
const MAX_PATH_UNITS: usize = 200;

/// Fragment text (without `#`) for a scenario, relative to `preset` (`base`
/// when omitted): `v=1&p=base&rev.ai=1,0.8`. Throws an `Error` with `field`
/// for the first problem of the scenario or an unknown preset.
#[wasm_bindgen(js_name = encodeScenario)]
pub fn encode_scenario(
    #[wasm_bindgen(unchecked_param_type = "ScenarioInput")] scenario: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "PresetId")] preset: JsValue,
) -> Result<String, JsValue> {
    let preset = match preset.as_string() {
        Some(preset) => preset,
        None if preset.is_undefined() || preset.is_null() => "base".to_string(),
        None => {
            return Err(js_error(&ModelError::BadLink {
                field: "preset".to_string(),
                reason: "must be text: base, bull or bear",
            }))
        }
    };
    let scenario = valid_scenario(&scenario)?;
    link::encode(&scenario, &preset).map_err(|error| js_error(&error))
}

/// `{scenario, preset, warnings}` from fragment text; throws an `Error` with
/// `field` (`link`, `v`, `p` or a JSON path) for the first problem.
#[cfg(feature = "library")]
#[wasm_bindgen(js_name = decodeScenario, unchecked_return_type = "DecodedLink")]
pub fn decode_scenario(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsValue> {
    let text = link_text(&text).map_err(refusal)?;
    let decoded = link::decode(&text).map_err(|error| js_error(&error))?;
    let mut json = Json::default();
    json.object(|json| {
        json.field("scenario", &decoded.scenario);
        json.field("preset", decoded.preset);
        json.field("warnings", &decoded.warnings);
    });
    js_sys::JSON::parse(&json.into_text())
}

/// `{preset, scenario, warnings, problems}` from fragment text, never
/// throwing: the named preset with every field the link gives applied as
/// its text, bad values included, so that a page can show them with their
/// problems (`[{field, kind, message}]`, as `validate` lists them).
#[wasm_bindgen(js_name = readScenarioLink, unchecked_return_type = "LinkReading")]
pub fn read_scenario_link(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsValue> {
    let read = link_text(&text).map_or_else(|refused| refused, |text| link::read(&text));
    let mut json = Json::default();
    json.object(|json| {
        json.field("preset", read.preset);
        json.field("scenario", &read.values);
        json.field("warnings", &read.warnings);
        json.key("problems");
        json.array(read.problems.iter().map(Problem::from));
    });
    js_sys::JSON::parse(&json.into_text())
}

/// For the page tests only (cargo feature `trap-test`, which the shipped
/// build does not enable): a bug that kills the instance, so that the tests
/// can check the page and the widget survive a trap.
#[cfg(feature = "trap-test")]
mod trap {
    use std::sync::atomic::{AtomicBool, Ordering};
    use wasm_bindgen::prelude::*;

    /// Whether [`trap_for_test`] has run in this instance.
    static POISONED: AtomicBool = AtomicBool::new(false);

    /// Traps (a WebAssembly `unreachable`), and leaves this instance
    /// trapping on every later call that reads a scenario: only a new
    /// instance works again.
    #[wasm_bindgen(js_name = trapForTest)]
    pub fn trap_for_test() {
        POISONED.store(true, Ordering::Relaxed);
        std::process::abort();
    }

    /// Traps when [`trap_for_test`] has run in this instance.
    pub fn when_poisoned() {
        if POISONED.load(Ordering::Relaxed) {
            std::process::abort();
        }
    }
}
