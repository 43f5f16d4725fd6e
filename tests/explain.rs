//! The audit trail (`explain`, contract 1.1): hand-checked formulas for
//! every kind of output, nulls with their reasons, path errors, and
//! properties over random scenarios: every output path explains to
//! `compute`'s value, every term leads to an input or an explainable
//! output, and no path string panics.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::collections::HashSet;

use aicloud_scenario::explain::{output_paths, FIGURES, SERIES};
use aicloud_scenario::number::exact_text;
use aicloud_scenario::presets::base_scenario;
use aicloud_scenario::scenario::FieldValue;
use aicloud_scenario::trace::Reason;
use aicloud_scenario::{compute, explain, Explanation, ModelError, Scenario, YearArray, FIELDS};
use proptest::prelude::*;
use serde_json::Value;
use support::{any_scenario, between, d, years_of};

/// `(name, path, value)` of each term.
fn terms(e: &Explanation) -> Vec<(&str, &str, &str)> {
    e.terms
        .iter()
        .map(|t| (t.name.as_str(), t.path.as_str(), t.value.as_str()))
        .collect()
}

/// The value at an output path in `compute`'s JSON.
fn computed(json: &Value, path: &str) -> Option<Value> {
    let (name, index) = match path.strip_suffix(']').and_then(|p| p.split_once('[')) {
        Some((name, index)) => (name, Some(index.parse::<usize>().ok()?)),
        None => (path, None),
    };
    let (section, field) = name.split_once('.')?;
    let value = json.get(section)?.get(field)?;
    match index {
        Some(index) => value.get(index).cloned(),
        None => Some(value.clone()),
    }
}

/// The text of the scenario input at `path` (`fxRmbPerUsd`,
/// `revenue.aiGrowth[2]`), as a term writes it, if it is one.
fn input(s: &Scenario, path: &str) -> Option<String> {
    let (name, index) = match path.strip_suffix(']').and_then(|p| p.split_once('[')) {
        Some((name, index)) => (name, Some(index.parse::<usize>().ok()?)),
        None => (path, None),
    };
    let field = FIELDS.iter().find(|field| field.path == name)?;
    match ((field.get)(s), index) {
        (FieldValue::Integer(value), None) => Some(value.to_string()),
        (FieldValue::Decimal(value), None) => Some(exact_text(value)),
        (FieldValue::Years(years), Some(index)) => years.0.get(index).map(|v| exact_text(*v)),
        _ => None,
    }
}

fn base_explain(path: &str) -> Explanation {
    explain(&base_scenario(), path).unwrap()
}

#[test]
fn series_explain_with_the_year_written_out() {
    let e = base_explain("revenue.cumulativeUsdBn[4]");
    assert_eq!(e.path, "revenue.cumulativeUsdBn[4]");
    assert_eq!(support::json_value(&e.value), "301.430478069");
    assert_eq!(e.formula, "cumulativeUsdBn[5] = cumulativeRmbBn[5] / fx");
    assert_eq!(
        terms(&e),
        [
            (
                "cumulativeRmbBn[5]",
                "revenue.cumulativeRmbBn[4]",
                "2161.256527753"
            ),
            ("fx", "fxRmbPerUsd", "7.17"),
        ]
    );
    // Year 1 writes out year 0, which is not an output: 158.132 * 0.3 * 2.
    let e = base_explain("revenue.ai[0]");
    assert_eq!(support::json_value(&e.value), "94.8792");
    assert_eq!(
        e.formula,
        "ai[1] = ai[0] * (1 + aiGrowth[1]), ai[0] = base * aiShareBase"
    );
    assert_eq!(
        terms(&e),
        [
            ("base", "revenue.baseRmbBn", "158.132"),
            ("aiShareBase", "revenue.aiShareBase", "0.3"),
            ("aiGrowth[1]", "revenue.aiGrowth[0]", "1"),
        ]
    );
    // Later years lead to the year before: 170.78256 = 94.8792 * 1.8.
    let e = base_explain("revenue.ai[1]");
    assert_eq!(e.formula, "ai[2] = ai[1] * (1 + aiGrowth[2])");
    assert_eq!(
        terms(&e),
        [
            ("ai[1]", "revenue.ai[0]", "94.8792"),
            ("aiGrowth[2]", "revenue.aiGrowth[1]", "0.8"),
        ]
    );
    assert_eq!(support::json_value(&e.value), "170.78256");
    let e = base_explain("revenue.cumulativeRmbBn[2]");
    assert_eq!(
        e.formula,
        "cumulativeRmbBn[3] = total[1] + total[2] + total[3]"
    );
    assert_eq!(e.terms.len(), 3);
    assert_eq!(e.terms[2].path, "revenue.total[2]");
    // 216.64084 + 302.2851312 + 412.644821472
    assert_eq!(support::json_value(&e.value), "931.570792672");
}

#[test]
fn payback_series_and_figures_explain() {
    let e = base_explain("capex.depreciation[1]");
    // (130 + 130) / 6
    assert_eq!(support::json_value(&e.value), "43.333333333");
    assert_eq!(
        e.formula,
        "depreciation[2] = (capex[1] + capex[2]) / assetLifeYears"
    );
    assert_eq!(
        terms(&e),
        [
            ("capex[1]", "capex.rmbBn[0]", "130"),
            ("capex[2]", "capex.rmbBn[1]", "130"),
            ("assetLifeYears", "capex.assetLifeYears", "6"),
        ]
    );
    let e = base_explain("capex.npvRmbBn");
    assert_eq!(support::json_value(&e.value), "-160.875610529");
    assert!(e
        .formula
        .starts_with("npvRmbBn = netCashFlow[1] / (1 + discountRate)^1 + netCashFlow[2]"));
    assert_eq!(e.terms.len(), 6);
    assert_eq!(
        e.terms[5],
        aicloud_scenario::trace::Term {
            name: "discountRate".into(),
            path: "capex.discountRate".into(),
            value: "0.09".into()
        }
    );
    let e = base_explain("capex.requiredCashMargin");
    // 580 / 1370.596568 (the incremental revenue of years 1..5)
    assert_eq!(support::json_value(&e.value), "0.423173405");
    assert!(e.formula.starts_with(
        "requiredCashMargin = (capex[1] + capex[2] + capex[3] + capex[4] + capex[5]) / (incrementalRevenue[1] + "
    ));
    assert_eq!(e.terms.len(), 10);
}

#[test]
fn solved_figures_give_the_equation_they_solve() {
    let e = base_explain("revenue.requiredUniformGrowth");
    assert_eq!(support::json_value(&e.value), "-0.032422179");
    assert_eq!(
        e.formula,
        "requiredUniformGrowth = the g in [-0.99, 10] with sum_{t=1..5} base * (1 + g)^t / fx = target"
    );
    assert_eq!(
        terms(&e),
        [
            ("base", "revenue.baseRmbBn", "158.132"),
            ("fx", "fxRmbPerUsd", "7.17"),
            ("target", "targetUsdBn", "100"),
        ]
    );
    let e = base_explain("revenue.requiredAiGrowthAnnual");
    assert_eq!(
        e.formula,
        "requiredAiGrowthAnnual = the g in [-0.99, 10] with (base * aiShareBase * (1 + g)^5 + core[5]) / fx = target"
    );
    assert_eq!(e.terms[2].path, "revenue.core[4]");
    let e = base_explain("capex.irr");
    assert_eq!(support::json_value(&e.value), "-0.327901847");
    assert_eq!(
        e.formula,
        "irr = the r in (-0.99, 10) with sum_{t=1..5} netCashFlow[t] / (1 + r)^t = 0"
    );
    assert_eq!(e.terms.len(), 5);
    let e = base_explain("revenue.requiredUniformGrowthBeyond");
    assert_eq!(support::json_value(&e.value), Value::Null);
    assert_eq!(
        e.terms.last().unwrap().path,
        "revenue.requiredUniformGrowth"
    );
}

#[test]
fn nulls_say_why() {
    // The base case never pays back by year 5.
    let e = base_explain("capex.paybackYears");
    assert_eq!(support::json_value(&e.value), Value::Null);
    assert_eq!(
        e.formula,
        "paybackYears = null: cumulativeNet[5] < 0, cumulative net cash is still below zero at year 5"
    );
    assert_eq!(
        terms(&e),
        [(
            "cumulativeNet[5]",
            "capex.cumulativeNet[4]",
            "-168.821041674"
        )]
    );
    let e = base_explain("capex.discountedPaybackYears");
    assert_eq!(support::json_value(&e.value), Value::Null);
    assert_eq!(e.terms[0].path, "capex.npvRmbBn");
    let e = base_explain("revenue.annualTargetHitYear");
    assert_eq!(support::json_value(&e.value), Value::Null);
    assert_eq!(
        e.formula,
        "annualTargetHitYear = null: annualUsdBn[t] < target for every year t = 1..5"
    );
    assert_eq!(e.terms.len(), 6);

    // A target out of reach even at 1,000 % a year; no AI revenue to grow.
    let mut s = base_scenario();
    s.horizon_years = 1;
    s.target_usd_bn = d("1000000");
    s.revenue.ai_share_base = d("0");
    let e = explain(&s, "revenue.requiredUniformGrowth").unwrap();
    assert_eq!(support::json_value(&e.value), Value::Null);
    assert_eq!(
        e.formula,
        "requiredUniformGrowth = null: even g = 10 gives less than the target in sum_{t=1..1} base * (1 + g)^t / fx = target"
    );
    let e = explain(&s, "revenue.requiredUniformGrowthBeyond").unwrap();
    assert_eq!(support::json_value(&e.value), "above");
    assert!(e.formula.starts_with(
        "requiredUniformGrowthBeyond = \"above\": even g = 10 gives less than the target"
    ));
    let e = explain(&s, "revenue.requiredAiGrowth").unwrap();
    assert_eq!(support::json_value(&e.value), Value::Null);
    assert_eq!(
        e.formula,
        "requiredAiGrowth = null: ai[0] = base * aiShareBase = 0, there is no AI revenue to grow"
    );
    assert_eq!(e.terms[1].value, "0");
    // A target met even at -99 % a year.
    let mut s = base_scenario();
    s.horizon_years = 1;
    s.target_usd_bn = d("0.01");
    let e = explain(&s, "revenue.requiredUniformGrowthAnnualBeyond").unwrap();
    assert_eq!(support::json_value(&e.value), "below");
    assert!(e
        .formula
        .contains("even g = -0.99 gives more than the target"));

    // No capex: the flows never change sign, so there is no IRR, and the
    // position is never negative, so the payback is 0.
    let mut s = base_scenario();
    s.capex.rmb_bn = years_of(&["0"]);
    let e = explain(&s, "capex.irr").unwrap();
    assert_eq!(support::json_value(&e.value), Value::Null);
    assert_eq!(
        e.formula,
        "irr = null: the non-zero netCashFlow[t], t = 1..5, change sign 0 times; an IRR is reported only when they change sign exactly once"
    );
    let e = explain(&s, "capex.paybackYears").unwrap();
    assert_eq!(support::json_value(&e.value), "0");
    assert_eq!(
        e.formula,
        "paybackYears = 0: cumulativeNet[t] >= 0 for every year t = 1..5"
    );
    // Shrinking revenue: no margin breaks even.
    let mut s = base_scenario();
    s.revenue.ai_growth = years_of(&["-0.5"]);
    s.revenue.core_growth = years_of(&["-0.5"]);
    let e = explain(&s, "capex.requiredCashMargin").unwrap();
    assert_eq!(support::json_value(&e.value), Value::Null);
    assert!(e
        .formula
        .starts_with("requiredCashMargin = null: incrementalRevenue[1] + incrementalRevenue[2]"));
}

/// The scenarios of the tests above that between them give every kind of
/// `why`: the base case, a target out of reach without AI revenue, a
/// target met even shrinking, no capex, shrinking revenue, a payback within
/// the horizon, and an IRR beyond the search range.
fn every_kind_of_why() -> Vec<Scenario> {
    let base = base_scenario();
    let mut far = base_scenario();
    far.horizon_years = 1;
    far.target_usd_bn = d("1000000");
    far.revenue.ai_share_base = d("0");
    let mut near = base_scenario();
    near.horizon_years = 1;
    near.target_usd_bn = d("0.01");
    let mut no_capex = base_scenario();
    no_capex.capex.rmb_bn = years_of(&["0"]);
    let mut shrinking = base_scenario();
    shrinking.revenue.ai_growth = years_of(&["-0.5"]);
    shrinking.revenue.core_growth = years_of(&["-0.5"]);
    let mut paid_back = base_scenario();
    paid_back.revenue.base_rmb_bn = d("100");
    paid_back.revenue.ai_growth = years_of(&["0", "0.15", "0"]);
    paid_back.revenue.core_growth = paid_back.revenue.ai_growth.clone();
    paid_back.capex.incremental_cash_margin = d("1");
    paid_back.capex.rmb_bn = years_of(&["10"]);
    // -0.001 now and a large inflow next year: a root far above r = 10.
    let mut steep = base_scenario();
    steep.revenue.ai_growth = years_of(&["0", "0.5"]);
    steep.revenue.core_growth = years_of(&["0", "0.5"]);
    steep.capex.rmb_bn = years_of(&["0.001", "0"]);
    vec![base, far, near, no_capex, shrinking, paid_back, steep]
}

#[test]
fn a_formula_that_is_a_condition_or_a_root_says_why_in_parts() {
    let mut seen = HashSet::new();
    for s in every_kind_of_why() {
        for path in output_paths(s.horizon()) {
            let e = explain(&s, &path).unwrap();
            let Some(why) = &e.why else { continue };
            seen.insert(why.reason.id());
            // The text is the kind's English wording with every piece filled in, the head first.
            assert_eq!(why.english(), e.formula, "{path}");
            let named: Vec<_> = why.named().collect();
            assert_eq!(named.len(), why.pieces.len(), "{path}");
            assert_eq!(named[0].0, "head", "{path}");
            assert!(e.formula.starts_with(named[0].1), "{path}");
            // In explain's JSON: {kind, head, ...} with every piece as text.
            let json = support::json_value(&e);
            assert_eq!(json["why"]["kind"], why.reason.id(), "{path}");
            assert_eq!(json["why"].as_object().unwrap().len(), named.len() + 1);
            for (name, piece) in named {
                assert_eq!(json["why"][name], piece, "{path} {name}");
            }
        }
    }
    let all: HashSet<&str> = Reason::ALL.iter().map(|reason| reason.id()).collect();
    assert_eq!(seen, all);
    // A line of arithmetic has none.
    let e = base_explain("revenue.total[0]");
    assert_eq!(e.why, None);
    assert_eq!(support::json_value(&e)["why"], Value::Null);
}

#[test]
fn the_wordings_not_checked_above() {
    let s = every_kind_of_why();
    let formula = |s: &Scenario, path: &str| explain(s, path).unwrap().formula;
    // The base case's cumulative revenue passes US$100bn in year 3, FY2029.
    assert_eq!(
        formula(&s[0], "revenue.targetHitYear"),
        "targetHitYear = baseFiscalYear + 3: t = 3 is the first year with cumulativeUsdBn[t] >= target"
    );
    assert_eq!(
        formula(&s[0], "capex.discountedPaybackYears"),
        "discountedPaybackYears = null: netCashFlow[1] / (1 + discountRate)^1 + netCashFlow[2] / (1 + discountRate)^2 + netCashFlow[3] / (1 + discountRate)^3 + netCashFlow[4] / (1 + discountRate)^4 + netCashFlow[5] / (1 + discountRate)^5 = npvRmbBn < 0, discounted cumulative net cash is still below zero at year 5"
    );
    assert_eq!(
        formula(&s[0], "revenue.requiredUniformGrowthBeyond"),
        "requiredUniformGrowthBeyond = null: requiredUniformGrowth solves sum_{t=1..5} base * (1 + g)^t / fx = target within [-0.99, 10]"
    );
    assert!(formula(&s[0], "capex.requiredCashMargin").ends_with(
        "), the margin m with cumulativeNet[5] = sum_{t=1..5} (incrementalRevenue[t] * m - capex[t]) = 0"
    ));
    assert!(formula(&s[4], "capex.requiredCashMargin").ends_with(
        " <= 0, so no margin m makes cumulativeNet[5] = sum_{t=1..5} (incrementalRevenue[t] * m - capex[t]) = 0"
    ));
    assert_eq!(
        formula(&s[6], "capex.irr"),
        "irr = null: no r in (-0.99, 10) has sum_{t=1..5} netCashFlow[t] / (1 + r)^t = 0"
    );
    assert!(formula(&s[5], "capex.discountedPaybackYears").ends_with(
        ": t* = 4 is the first year from which sum_{k<=t} netCashFlow[k] / (1 + discountRate)^k >= 0 through year 5"
    ));
}

#[test]
fn a_payback_reached_within_the_horizon_is_interpolated() {
    // Revenue 100, then 115 from year 2 on, all of it cash, against 10 of
    // capex a year: net flows -10, 5, 5, 5, 5, cumulative -10, -5, 0, 5, 10
    // (zero counts as recovered): t* = 3, payback = 2 + 5 / 5 = 3.
    let mut s = base_scenario();
    s.revenue.base_rmb_bn = d("100");
    s.revenue.ai_growth = years_of(&["0", "0.15", "0"]);
    s.revenue.core_growth = s.revenue.ai_growth.clone();
    s.capex.incremental_cash_margin = d("1");
    s.capex.rmb_bn = years_of(&["10"]);
    let p = compute(&s).unwrap().capex;
    assert_eq!(p.payback_years, Some(d("3")));
    let e = explain(&s, "capex.paybackYears").unwrap();
    assert_eq!(support::json_value(&e.value), "3");
    assert_eq!(
        e.formula,
        "paybackYears = (3 - 1) + (-cumulativeNet[2]) / netCashFlow[3]: t* = 3 is the first year from which cumulativeNet[t] >= 0 through year 5"
    );
    assert_eq!(
        &terms(&e)[..2],
        [
            ("cumulativeNet[2]", "capex.cumulativeNet[1]", "-5"),
            ("netCashFlow[3]", "capex.netCashFlow[2]", "5"),
        ]
    );
    // Discounted at 9 %, the running sum turns positive in year 4 (-1.105 after year 3).
    let e = explain(&s, "capex.discountedPaybackYears").unwrap();
    assert!(e.formula.starts_with(
        "discountedPaybackYears = (4 - 1) + (-(netCashFlow[1] / (1 + discountRate)^1 + netCashFlow[2] / (1 + discountRate)^2 + netCashFlow[3] / (1 + discountRate)^3)) / (netCashFlow[4] / (1 + discountRate)^4)"
    ), "{}", e.formula);
}

#[test]
fn token_economics_explain() {
    let e = base_explain("tokens.grossMargin[0]");
    assert_eq!(
        e.formula,
        "grossMargin[1] = (price[1] - costRmbPerMTok[1]) / price[1]"
    );
    assert_eq!(
        terms(&e),
        [
            ("price[1]", "tokens.price[0]", "2.1"),
            (
                "costRmbPerMTok[1]",
                "tokens.costRmbPerMTok[0]",
                "1.146020709"
            ),
        ]
    );
    // (2.1 - 1.146020709) / 2.1
    assert_eq!(support::json_value(&e.value), "0.454275853");
    let e = base_explain("tokens.price[1]");
    assert_eq!(
        e.formula,
        "price[2] = priceRmbPerMTok * (1 + priceChange[1]) * (1 + priceChange[2])"
    );
    assert_eq!(support::json_value(&e.value), "1.89");
    let e = base_explain("tokens.costPerHour[0]");
    assert_eq!(
        e.formula,
        "costPerHour[1] = (1 - f[1]) * hwImported + f[1] * hwInHouse + powerKw * electricityRmbPerKwh + otherOpexRmbPerHour"
    );
    assert_eq!(
        terms(&e)[..3],
        [
            ("f[1]", "tokens.inHouseShare[0]", "0.1"),
            ("hwImported", "tokens.hwImported", "4.566210046"),
            ("hwInHouse", "tokens.hwInHouse", "2.054794521"),
        ]
    );
    // Year 1's added accelerators are counted from year 0's fleet.
    let e = base_explain("tokens.acceleratorCapexRmbBn[0]");
    assert_eq!(e.terms[1].name, "acceleratorsNeeded[0]");
    assert_eq!(e.terms[1].path, "tokens.acceleratorsNeededBase");
    let e = base_explain("tokens.hwImported");
    // 200000 / (5 * 8760)
    assert_eq!(support::json_value(&e.value), "4.566210046");
    assert_eq!(
        e.formula,
        "hwImported = acceleratorCostRmb / (acceleratorLifeYears * 8760)"
    );
}

#[test]
fn padded_year_arrays_lead_to_the_entry_used() {
    let mut s = base_scenario();
    s.horizon_years = 8;
    let e = explain(&s, "revenue.ai[7]").unwrap();
    assert_eq!(e.formula, "ai[8] = ai[7] * (1 + aiGrowth[8])");
    assert_eq!(terms(&e)[1], ("aiGrowth[8]", "revenue.aiGrowth[4]", "0.35"));
    let e = explain(&s, "tokens.price[7]").unwrap();
    assert_eq!(e.terms.last().unwrap().path, "tokens.priceChange[1]");
}

#[test]
fn bad_paths_are_errors_on_path() {
    let s = base_scenario();
    let reason = |path: &str| match explain(&s, path) {
        Err(error @ ModelError::BadPath { .. }) => {
            assert_eq!(error.field(), "path");
            error.to_string()
        }
        other => panic!("{path}: {other:?}"),
    };
    assert_eq!(
        reason("revenue.ai[5]"),
        "path \"revenue.ai[5]\" is past the horizon: revenue.ai[i] takes i in 0..4 (year i+1 of 5)"
    );
    assert_eq!(
        reason("revenue.ai"),
        "path revenue.ai is a year series: give an index in 0..4, e.g. revenue.ai[4]"
    );
    assert_eq!(
        reason("capex.irr[0]"),
        "path capex.irr is a single figure: give it without an index"
    );
    assert!(reason("revenue.ai[04]").contains("without leading zeros"));
    assert!(reason("revenue.ai[-1]").contains("a whole number i in 0..4"));
    assert!(reason("revenue.ai[99999999999999999999999]").contains("a whole number"));
    assert!(reason("years[0]").contains("is not explained"));
    assert!(reason("warnings[0].field").contains("is not explained"));
    let unknown = reason("revenue.nope");
    assert!(unknown.starts_with(
        "path \"revenue.nope\" is not an output of compute: it must be one of revenue.ai[i], "
    ));
    assert!(unknown
        .contains("tokens.acceleratorCapexRmbBn[i] with i in 0..4, or revenue.targetHitYear"));
    assert!(reason(&"x".repeat(10_000)).len() < 2_000);
    // The path is quoted as a JSON string: control characters and quotes
    // escaped, other characters as typed, cut at 60 characters.
    assert!(reason("a\"b\\c\n\u{1}").starts_with(r#"path "a\"b\\c\n\u0001" is not an output"#));
    assert!(reason("收入").starts_with("path \"收入\" is not an output"));
    assert!(reason(&format!("{}z", "é".repeat(60)))
        .starts_with(&format!("path \"{}…\" is not", "é".repeat(60))));
    // The scenario's problems come first, as from compute.
    let mut bad = base_scenario();
    bad.fx_rmb_per_usd = d("0");
    assert_eq!(explain(&bad, "nope").unwrap_err().field(), "fxRmbPerUsd");
}

#[test]
fn an_overflow_is_the_same_error_as_compute() {
    let mut s = base_scenario();
    s.horizon_years = 10;
    s.tokens.tokens_per_day_trillions = d("1000000");
    s.tokens.volume_growth = YearArray(vec![d("100")]);
    let error = compute(&s).unwrap_err();
    assert!(matches!(error, ModelError::Overflow { .. }));
    assert_eq!(explain(&s, "revenue.ai[0]"), Err(error));
}

#[test]
fn the_output_tables_are_what_compute_returns() {
    let p = support::json_value(&compute(&base_scenario()).unwrap());
    let mut returned = HashSet::new();
    for section in ["revenue", "capex", "tokens"] {
        for (key, value) in p[section].as_object().unwrap() {
            let path = format!("{section}.{key}");
            assert_eq!(value.is_array(), SERIES.contains(&path.as_str()), "{path}");
            returned.insert(path);
        }
    }
    let listed: HashSet<String> = SERIES
        .iter()
        .chain(FIGURES)
        .map(|name| name.to_string())
        .collect();
    assert_eq!(returned, listed);
    assert_eq!(output_paths(5).len(), FIGURES.len() + 5 * SERIES.len());
}

/// A scenario near the base preset (which computes), or anywhere in the
/// domains (which often overflows).
fn scenario() -> impl Strategy<Value = Scenario> {
    let growth = || proptest::collection::vec(between(d("-0.9"), d("2"), 3), 1..=10);
    let near_base = (
        1u32..=10,
        (growth(), growth(), growth()),
        between(d("0"), d("1"), 2),
        proptest::collection::vec(between(d("0"), d("400"), 1), 1..=10),
        between(d("-1"), d("1"), 2),
        between(d("10"), d("3000"), 0),
        1u32..=10,
    )
        .prop_map(
            |(h, (ai, core, price), share, capex, margin, target, life)| {
                let mut s = base_scenario();
                s.horizon_years = h;
                s.revenue.ai_growth = YearArray(ai);
                s.revenue.core_growth = YearArray(core);
                s.tokens.price_change = YearArray(price);
                s.revenue.ai_share_base = share;
                s.capex.rmb_bn = YearArray(capex);
                s.capex.incremental_cash_margin = margin;
                s.capex.asset_life_years = life;
                s.target_usd_bn = target;
                s
            },
        );
    prop_oneof![near_base, any_scenario()]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn every_output_explains_to_computes_value_and_its_terms_lead_somewhere(s in scenario()) {
        let paths = output_paths(s.horizon());
        let known: HashSet<&str> = paths.iter().map(String::as_str).collect();
        match compute(&s) {
            Err(error) => {
                for path in &paths {
                    prop_assert_eq!(explain(&s, path), Err(error.clone()));
                }
            }
            Ok(projection) => {
                let json = support::json_value(&projection);
                for path in &paths {
                    let e = explain(&s, path).unwrap();
                    prop_assert_eq!(&e.path, path);
                    prop_assert_eq!(Some(support::json_value(&e.value)), computed(&json, path), "{}", path);
                    prop_assert!(!e.formula.is_empty());
                    for term in &e.terms {
                        match input(&s, &term.path) {
                            Some(value) => prop_assert_eq!(&term.value, &value, "{} in {}", term.path, path),
                            None => {
                                prop_assert!(known.contains(term.path.as_str()), "{} in {}", term.path, path);
                                prop_assert_eq!(
                                    Some(Value::String(term.value.clone())),
                                    computed(&json, &term.path),
                                    "{} in {}", term.path, path
                                );
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn no_path_panics(path in prop_oneof![
        ".{0,40}",
        "(revenue|capex|tokens|years|warnings)\\.[a-zA-Z]{0,24}(\\[[-0-9a-z]{0,25}\\]?)?",
        proptest::sample::select(SERIES).prop_flat_map(|name| (0usize..40).prop_map(move |i| format!("{name}[{i}]"))),
    ], horizon in 1u32..=10) {
        let mut s = base_scenario();
        s.horizon_years = horizon;
        match explain(&s, &path) {
            Ok(e) => prop_assert!(output_paths(s.horizon()).contains(&e.path)),
            Err(error) => prop_assert_eq!(error.field(), "path"),
        }
    }
}
