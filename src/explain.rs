//! The audit trail (contract 1.1): how one output of `compute` came about.
//!
//! [`explain`] runs the very computation `compute` runs, with a
//! [`Recorder`] as its [`crate::trace::Trace`]: each output's formula and
//! terms are declared in [`crate::revenue`], [`crate::payback`] and
//! [`crate::tokens`] next to the arithmetic that computes it, so an
//! explanation cannot drift from its number, and `compute` (which traces
//! nothing) does not build it. The value is taken from the projection that
//! run produced, written as `compute` writes it.
//!
//! Every number `compute` returns under `revenue`, `capex` and `tokens` can
//! be explained, the extra outputs included ([`SERIES`], [`FIGURES`]).
//! `years` (the labels `baseFiscalYear + t`) and `warnings` (notes that name
//! the output they concern, which can be explained) are not outputs to
//! explain.

use crate::error::{ModelError, Result};
use crate::json::{Json, ToJson};
use crate::number::output_text;
use crate::text::joined;
use crate::trace::{Recorder, Term, Why};
use crate::{Figure, Raw, Scenario};

/// Outputs with one entry per year t = 1..H, explained at a 0-based index
/// (`revenue.cumulativeUsdBn[4]` is year 5).
pub const SERIES: &[&str] = &[
    "revenue.ai",
    "revenue.core",
    "revenue.total",
    "revenue.aiShare",
    "revenue.cumulativeRmbBn",
    "revenue.cumulativeUsdBn",
    "revenue.annualUsdBn",
    "capex.capexRmbBn",
    "capex.incrementalRevenue",
    "capex.cashInflow",
    "capex.netCashFlow",
    "capex.cumulativeNet",
    "capex.depreciation",
    "capex.ebita",
    "capex.ebitaMargin",
    "tokens.price",
    "tokens.tps",
    "tokens.tpsFleet",
    "tokens.costPerHour",
    "tokens.tokensPerAccHour",
    "tokens.costRmbPerMTok",
    "tokens.grossMargin",
    "tokens.breakevenUtilization",
    "tokens.tokensPerDay",
    "tokens.tokensPerYearTrillions",
    "tokens.maasRevenueRmbBn",
    "tokens.maasGrossProfitRmbBn",
    "tokens.acceleratorsNeeded",
    "tokens.acceleratorCapexRmbBn",
];

/// Outputs that are one figure (or null, or a year, or `"below"`/`"above"`).
pub const FIGURES: &[&str] = &[
    "revenue.targetHitYear",
    "revenue.gapUsdBn",
    "revenue.requiredUniformGrowth",
    "revenue.requiredAiGrowth",
    "revenue.requiredUniformGrowthBeyond",
    "revenue.requiredAiGrowthBeyond",
    "revenue.annualTargetHitYear",
    "revenue.annualGapUsdBn",
    "revenue.requiredUniformGrowthAnnual",
    "revenue.requiredAiGrowthAnnual",
    "revenue.requiredUniformGrowthAnnualBeyond",
    "revenue.requiredAiGrowthAnnualBeyond",
    "capex.paybackYears",
    "capex.discountedPaybackYears",
    "capex.npvRmbBn",
    "capex.irr",
    "capex.requiredCashMargin",
    "tokens.hwImported",
    "tokens.hwInHouse",
    "tokens.acceleratorsNeededBase",
];

/// How one output came about: `{path, value, formula, terms, why}`.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    /// The output path asked about, e.g. `revenue.cumulativeUsdBn[4]`.
    pub path: String,
    /// The output exactly as `compute` returns it: decimal text rounded
    /// half-even to 9 places, an integer (a fiscal year), `"below"` or
    /// `"above"` ([`Raw::Text`], [`Raw::Integer`]), or null ([`Raw::Null`]).
    pub value: Raw,
    /// The contract's line that defines it with the year written out
    /// (`cumulativeUsdBn[5] = cumulativeRmbBn[5] / fx`, t from 1), the
    /// equation a solved figure solves, or why the output is null.
    pub formula: String,
    /// Every quantity on the formula's right-hand side: an input by its
    /// scenario path, an output by its output path (explainable in turn).
    pub terms: Vec<Term>,
    /// Where the formula is a condition, a search or a root rather than a
    /// line of arithmetic (a year found, a null, a solved rate): its kind
    /// and the pieces its words name, `{kind, head, ...}`, for a page to
    /// word in its own language (`formula` is the English wording); else
    /// null. See [`crate::trace::Reason`].
    pub why: Option<Why>,
}

/// The formula and terms behind the output at `path` of `compute(scenario)`.
///
/// `path` is an output path as `compute` returns it, arrays indexed from 0
/// (`revenue.cumulativeUsdBn[4]` is year 5, `capex.npvRmbBn`, `tokens.grossMargin[0]`);
/// see [`SERIES`] and [`FIGURES`].
///
/// # Errors
/// The first problem of the scenario, as [`crate::compute`]; then
/// [`ModelError::BadPath`] (field `path`) for a path that names no output or
/// an index past the horizon; then [`ModelError::Overflow`] as `compute`.
///
/// # Example
/// ```
/// use aicloud_scenario::{explain, presets::base_scenario};
///
/// let e = explain(&base_scenario(), "revenue.cumulativeUsdBn[4]").unwrap();
/// assert_eq!(e.value, aicloud_scenario::Raw::Text("301.430478069".into()));
/// assert_eq!(e.formula, "cumulativeUsdBn[5] = cumulativeRmbBn[5] / fx");
/// assert_eq!(e.terms[1].path, "fxRmbPerUsd");
/// ```
pub fn explain(scenario: &Scenario, path: &str) -> Result<Explanation> {
    if let Some(problem) = scenario.problems().into_iter().next() {
        return Err(problem);
    }
    let (name, index) = output_at(path, scenario.horizon())?;
    let mut recorder = Recorder::new(name, index);
    let projection = crate::project(scenario, &mut recorder)?;
    let (section, field) = name.split_once('.').unwrap_or((name, ""));
    let figures = match section {
        "revenue" => projection.revenue.figures().to_vec(),
        "capex" => projection.capex.figures().to_vec(),
        _ => projection.tokens.figures().to_vec(),
    };
    let value = figures
        .into_iter()
        .find(|(key, _)| *key == field)
        .and_then(|(_, figure)| match (figure, index) {
            (Figure::Series(values), Some(index)) => values
                .get(index)
                .map(|&value| Raw::Text(output_text(value))),
            (Figure::Number(value), None) => {
                Some(value.map_or(Raw::Null, |value| Raw::Text(output_text(value))))
            }
            (Figure::Year(year), None) => {
                Some(year.map_or(Raw::Null, |year| Raw::Integer(year.into())))
            }
            (Figure::Beyond(beyond), None) => {
                Some(beyond.map_or(Raw::Null, |beyond| Raw::Text(beyond.name().to_string())))
            }
            _ => None,
        });
    let unexplained = || ModelError::BadPath {
        reason: format!("{} has no recorded explanation", shown(path)),
    };
    let formula = recorder.formula().ok_or_else(unexplained)?;
    Ok(Explanation {
        path: path.to_string(),
        value: value.ok_or_else(unexplained)?,
        formula: formula.text,
        terms: formula.terms,
        why: formula.why,
    })
}

impl ToJson for Explanation {
    fn write_json(&self, json: &mut Json) {
        json.object(|json| {
            json.field("path", &self.path);
            json.field("value", &self.value);
            json.field("formula", &self.formula);
            json.field("terms", &self.terms);
            json.field("why", &self.why);
        });
    }
}

/// Every path [`explain`] accepts at horizon `horizon`: the figures, then
/// each series at indices 0..horizon.
pub fn output_paths(horizon: usize) -> Vec<String> {
    let figures = FIGURES.iter().map(|name| name.to_string());
    let series = SERIES
        .iter()
        .flat_map(|name| (0..horizon).map(move |index| format!("{name}[{index}]")));
    figures.chain(series).collect()
}

/// The output and 0-based index `path` names, checked against the horizon.
fn output_at(path: &str, horizon: usize) -> Result<(&'static str, Option<usize>)> {
    let bad = |reason: String| Err(ModelError::BadPath { reason });
    let range = format!("0..{}", horizon.saturating_sub(1));
    let (name, index) = match path.strip_suffix(']').and_then(|p| p.split_once('[')) {
        Some((name, index)) => (name, Some(index)),
        None => (path, None),
    };
    if let Some(&name) = SERIES.iter().find(|&&known| known == name) {
        let Some(index) = index else {
            return bad(format!(
                "{name} is a year series: give an index in {range}, e.g. {name}[{}]",
                horizon.saturating_sub(1)
            ));
        };
        let canonical = index == "0" || (!index.starts_with('0') && !index.is_empty());
        match index.parse::<usize>() {
            Ok(index) if canonical && index < horizon => Ok((name, Some(index))),
            Ok(_) if canonical => bad(format!(
                "{} is past the horizon: {name}[i] takes i in {range} (year i+1 of {horizon})",
                shown(path)
            )),
            _ => bad(format!(
                "{} has a bad index: {name}[i] takes a whole number i in {range}, without leading zeros",
                shown(path)
            )),
        }
    } else if let Some(&name) = FIGURES.iter().find(|&&known| known == path) {
        Ok((name, None))
    } else if FIGURES.contains(&name) {
        bad(format!(
            "{name} is a single figure: give it without an index"
        ))
    } else if name == "years" || name == "warnings" || path.starts_with("warnings") {
        bad(format!(
            "{} is not explained: years[i] is the label baseFiscalYear + i + 1, and a warning names the output it is about, which is",
            shown(path)
        ))
    } else {
        bad(format!(
            "{} is not an output of compute: it must be one of {} with i in {range}, or {}",
            shown(path),
            joined(SERIES.iter().map(|name| format!("{name}[i]")), ", "),
            joined(FIGURES, ", ")
        ))
    }
}

/// A path as an error message quotes it: at most 60 characters, as a JSON
/// string (`"`, `\` and control characters escaped, the rest as typed).
/// Not `{:?}`: in the widget's cores, built to abort at once on a panic, it
/// was the last user of `core::fmt`'s `Debug` for strings and of its Unicode
/// tables, 3 KB of the gzipped module.
fn shown(path: &str) -> String {
    let mut short: String = path.chars().take(60).collect();
    if short.len() < path.len() {
        short.push('…');
    }
    short.to_json()
}
