//! # aicloud-scenario
//!
//! A scenario calculator for AI+cloud businesses in exact decimal arithmetic:
//! a five-year (1..10 year) revenue path against a cumulative US$ target, the
//! payback of the capex behind it, and the gross margin of serving tokens on
//! imported and in-house accelerators. The first case is Alibaba's target of
//! over US$100bn of cumulative AI and cloud revenue within five years of
//! FY2026; the model is general.
//!
//! The contract is `shared/MODEL.md` (version 1); this crate implements it.
//!
//! ## Units and conventions
//! - Money in **RMB billions** unless a name says otherwise; ratios are
//!   fractions (0.30 = 30 %). Year t runs 1..H after the base fiscal year;
//!   every output array has H entries, index t-1.
//! - All money and ratios are [`rust_decimal::Decimal`] with checked
//!   operations ([`checked`]); integer powers by repeated multiplication.
//!   An output that does not fit a Decimal is [`ModelError::Overflow`] naming
//!   it, never a wrong number or a panic.
//! - Outputs cross into JavaScript as decimal strings rounded half-even to 9
//!   places ([`number::output_text`]).
//! - Year arrays shorter than H hold their last entry ([`YearArray::at`]).
//! - The three solvers (required uniform growth, required AI growth, IRR)
//!   find the root of a polynomial within 1e-13 ([`solve`]).
//!
//! ## Modules
//! - [`scenario`]: the inputs, their domains ([`FIELDS`]) and validation.
//! - [`raw`]: untrusted JSON-like input and its reading into a [`Scenario`].
//! - [`presets`]: `base`, `bull`, `bear`, with a source note per field.
//! - [`revenue`], [`payback`], [`tokens`]: the three computations.
//! - [`simulate`]: Monte Carlo over the scenario's uncertainty (contract 1.1).
//! - [`certainty`]: the AI growth that makes the target that likely (contract 1.1).
//! - [`sensitivity`]: the tornado, each input group moved down and up (contract 1.1).
//! - [`explain()`]: the formula and terms behind one output (contract 1.1),
//!   recorded by the computations themselves through a [`trace::Trace`].
//! - [`json`]: the JSON text of every answer, written by hand for its fixed shape.
//! - [`link`]: shared links, a scenario as URL-fragment text
//!   (`v=1&p=base&rev.ai=1,0.8,0.6`) and back, with the v1 presets frozen.
//! - `wasm` (wasm32 only): the JavaScript API, the one module that uses wasm-bindgen.
//!
//! ## Example
//! ```
//! use aicloud_scenario::{compute, presets::base_scenario};
//!
//! let projection = compute(&base_scenario()).unwrap();
//! assert_eq!(projection.years, [2027, 2028, 2029, 2030, 2031]);
//! assert_eq!(projection.revenue.target_hit_year, Some(2029));
//! ```
#![warn(missing_docs)]

pub mod certainty;
pub mod checked;
pub mod error;
pub mod explain;
pub mod json;
pub mod link;
pub mod number;
pub mod payback;
pub mod presets;
pub mod raw;
pub mod revenue;
pub mod scenario;
pub mod sensitivity;
pub mod simulate;
pub mod solve;
pub mod text;
pub mod tokens;
pub mod trace;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

use rust_decimal::Decimal;

pub use error::{ModelError, Result};
pub use explain::{explain, Explanation};
use json::{Json, ToJson};
pub use payback::Payback;
pub use raw::Raw;
pub use revenue::RevenuePath;
pub use scenario::{Scenario, YearArray, FIELDS, MAX_YEARS};
pub use tokens::TokenEconomics;

/// A note about an output: something worth knowing that is not an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// JSON path of the output concerned, e.g. `tokens.maasRevenueRmbBn[2]`.
    pub field: String,
    /// What to know, in words.
    pub message: String,
}

/// Everything the model computes from one scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Projection {
    /// Fiscal-year labels of years 1..H.
    pub years: Vec<u32>,
    /// The revenue path.
    pub revenue: RevenuePath,
    /// The capex payback.
    pub capex: Payback,
    /// The token economics.
    pub tokens: TokenEconomics,
    /// Notes about outputs.
    pub warnings: Vec<Warning>,
}

impl ToJson for Warning {
    fn write_json(&self, json: &mut Json) {
        json.object(|json| {
            json.field("field", &self.field);
            json.field("message", &self.message);
        });
    }
}

impl ToJson for Projection {
    fn write_json(&self, json: &mut Json) {
        json.object(|json| {
            json.field("years", &self.years);
            json.key("revenue");
            json.figures(&self.revenue.figures());
            json.key("capex");
            json.figures(&self.capex.figures());
            json.key("tokens");
            json.figures(&self.tokens.figures());
            json.field("warnings", &self.warnings);
        });
    }
}

/// One output of a section of the projection, by its kind: what the JSON
/// writer writes and what [`explain()`] looks up, from one list per section
/// (`RevenuePath::figures`, `Payback::figures`, `TokenEconomics::figures`).
#[derive(Debug, Clone, Copy)]
pub enum Figure<'a> {
    /// One number per year, as output text.
    Series(&'a [Decimal]),
    /// One number as output text, or null.
    Number(Option<Decimal>),
    /// A fiscal year, or null.
    Year(Option<u32>),
    /// Which side of a search range a null rate lies on, or null.
    Beyond(Option<revenue::Beyond>),
}

/// A section's outputs: `(JSON key, output)` in the order they are written.
pub type Figures<'a, const N: usize> = [(&'static str, Figure<'a>); N];

/// Computes the projection of a scenario.
///
/// # Errors
/// The first domain problem of the scenario ([`Scenario::problems`]), else
/// [`ModelError::Overflow`] naming the first output that does not fit.
pub fn compute(scenario: &Scenario) -> Result<Projection> {
    match scenario.problems().into_iter().next() {
        Some(problem) => Err(problem),
        None => compute_valid(scenario),
    }
}

/// [`compute`] for a scenario already known to be within every domain, such
/// as one from [`raw::parse_scenario`], which checks them as it reads.
pub(crate) fn compute_valid(scenario: &Scenario) -> Result<Projection> {
    project(scenario, &mut trace::Untraced)
}

/// [`compute_valid`], offering every output's explanation to `trace`: the
/// one computation behind both [`compute`] and [`explain()`].
pub(crate) fn project(scenario: &Scenario, trace: &mut dyn trace::Trace) -> Result<Projection> {
    let revenue = revenue::revenue_path_traced(scenario, trace)?;
    let capex = payback::payback_traced(scenario, &revenue, trace)?;
    let (tokens, warnings) = tokens::token_economics_traced(scenario, &revenue, trace)?;
    Ok(Projection {
        years: scenario.years(),
        revenue,
        capex,
        tokens,
        warnings,
    })
}

/// Every problem of untrusted input, each with its JSON path; empty when it
/// is a valid scenario. Checks types and domains, not overflow.
pub fn validate(raw: &Raw) -> Vec<ModelError> {
    raw::parse_scenario(raw).err().unwrap_or_default()
}

/// Reads untrusted input and computes its projection.
///
/// # Errors
/// The first problem [`validate`] would list, else as [`compute`].
pub fn compute_raw(raw: &Raw) -> Result<Projection> {
    match raw::parse_scenario(raw) {
        Ok(scenario) => compute_valid(&scenario),
        Err(problems) => Err(problems.into_iter().next().unwrap_or(ModelError::Missing {
            field: "scenario".to_string(),
        })),
    }
}
