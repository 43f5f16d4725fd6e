//! Property tests: nothing panics on any input, every in-domain scenario
//! computes or reports overflow, and the model's economic invariants hold.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use aicloud_scenario::json::ToJson;
use aicloud_scenario::payback::irr;
use aicloud_scenario::presets::base_scenario;
use aicloud_scenario::raw::{parse_scenario, scenario_from_json};
use aicloud_scenario::{
    compute, compute_raw, validate, ModelError, Raw, Scenario, YearArray, FIELDS,
};
use proptest::prelude::*;
use rust_decimal::Decimal;
use support::{any_scenario, between, d};

/// Anything at all where a field's value belongs.
fn junk() -> impl Strategy<Value = Raw> {
    let leaf = prop_oneof![
        Just(Raw::Null),
        any::<bool>().prop_map(Raw::Bool),
        any::<f64>().prop_map(Raw::Float),
        prop_oneof![
            Just(f64::NAN),
            Just(f64::INFINITY),
            Just(-0.0),
            Just(1e300),
            Just(5e-324)
        ]
        .prop_map(Raw::Float),
        any::<i64>().prop_map(|i| Raw::Integer(i.into())),
        ".{0,40}".prop_map(Raw::Text),
        "[-+]?[0-9]{0,40}(\\.[0-9]{0,40})?".prop_map(Raw::Text),
        Just(Raw::TooDeep),
    ];
    leaf.prop_recursive(3, 24, 12, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..13).prop_map(Raw::Array),
            proptest::collection::vec(("[a-z]{1,3}", inner), 0..4).prop_map(Raw::Object),
        ]
    })
}

/// The base preset as JSON-like input with some fields replaced by junk.
fn scrambled() -> impl Strategy<Value = Raw> {
    let base = support::base_raw();
    let paths: Vec<&'static str> = FIELDS.iter().map(|f| f.path).collect();
    proptest::collection::vec((proptest::sample::select(paths), junk()), 0..6).prop_map(
        move |edits| {
            let mut raw = base.clone();
            for (path, value) in edits {
                raw = replace(raw, path, value);
            }
            raw
        },
    )
}

fn replace(raw: Raw, path: &str, value: Raw) -> Raw {
    let Raw::Object(mut entries) = raw else {
        return raw;
    };
    match path.split_once('.') {
        None => entries.retain(|(k, _)| k != path),
        Some((section, rest)) => {
            if let Some((_, inner)) = entries.iter_mut().find(|(k, _)| k == section) {
                *inner = replace(std::mem::replace(inner, Raw::Null), rest, value);
                return Raw::Object(entries);
            }
        }
    }
    entries.push((path.to_string(), value));
    Raw::Object(entries)
}

/// A scenario near the base preset, small enough never to overflow.
fn moderate_scenario() -> impl Strategy<Value = Scenario> {
    let growth = || proptest::collection::vec(between(d("-0.5"), d("2"), 3), 1..=10);
    (
        1u32..=10,
        growth(),
        growth(),
        between(d("0"), d("1"), 3),
        between(d("1"), d("2000"), 2),
    )
        .prop_map(|(h, ai, core, share, base)| {
            let mut s = base_scenario();
            s.horizon_years = h;
            s.revenue.ai_growth = YearArray(ai);
            s.revenue.core_growth = YearArray(core);
            s.revenue.ai_share_base = share;
            s.revenue.base_rmb_bn = base;
            s
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_input_never_panics(raw in scrambled()) {
        let problems = validate(&raw);
        match compute_raw(&raw) {
            Ok(_) => prop_assert!(problems.is_empty()),
            Err(error) => match problems.first() {
                Some(first) => prop_assert_eq!(&error, first),
                None => prop_assert!(matches!(error, ModelError::Overflow { .. }), "{}", error),
            },
        }
    }

    /// The boundary's fast reading (the JSON text straight into a scenario,
    /// numbers from their text) accepts only what the careful one accepts,
    /// with the same values.
    #[test]
    fn the_fast_json_reading_agrees_with_the_careful_one(raw in scrambled()) {
        if let Some(fast) = scenario_from_json(&raw.to_json()) {
            prop_assert_eq!(Ok(fast), parse_scenario(&raw));
        }
    }

    /// ... and it accepts every scenario within its domains, as
    /// `JSON.stringify` writes one.
    #[test]
    fn the_fast_json_reading_takes_every_valid_scenario(scenario in any_scenario()) {
        prop_assert_eq!(scenario_from_json(&scenario.to_json()), Some(scenario));
    }

    #[test]
    fn reading_any_json_like_text_never_panics(text in "[\\[\\]{}\",:0-9a-z.eE+\\\\ -]{0,80}") {
        let _ = scenario_from_json(&text);
    }

    /// Text cut or spliced from a real scenario, which gets deep into the reading.
    #[test]
    fn reading_a_mangled_scenario_never_panics(cut in 0usize..2000, splice in "[\\[\\]{}\",:0-9a-z.eE+-]{0,12}") {
        let text = base_scenario().to_json();
        let at = cut.min(text.len());
        let _ = scenario_from_json(&format!("{}{splice}{}", &text[..at], &text[at..]));
        let _ = scenario_from_json(&text[..at]);
    }

    #[test]
    fn arbitrary_values_anywhere_never_panic(raw in junk()) {
        let _ = validate(&raw);
        let _ = compute_raw(&raw);
    }

    #[test]
    fn every_in_domain_scenario_computes_or_reports_overflow(s in any_scenario()) {
        prop_assert_eq!(s.problems(), vec![]);
        match compute(&s) {
            Ok(p) => {
                prop_assert_eq!(p.revenue.total.len(), s.horizon());
                prop_assert_eq!(p.tokens.accelerator_capex_rmb_bn.len(), s.horizon());
            }
            Err(error) => prop_assert!(matches!(error, ModelError::Overflow { .. }), "{}", error),
        }
        // The same scenario through the untrusted path reads back identically.
        let raw = support::to_raw(&support::json_value(&s));
        let read = parse_scenario(&raw);
        prop_assert_eq!(read.as_ref(), Ok(&s));
    }

    #[test]
    fn cumulative_revenue_is_monotone_in_every_growth_input(
        s in moderate_scenario(), year in 0usize..10, bump in between(d("0.001"), d("1"), 3), ai in any::<bool>()
    ) {
        let before = compute(&s).unwrap().revenue.cumulative_usd_bn;
        let mut higher = s.clone();
        let array = if ai { &mut higher.revenue.ai_growth } else { &mut higher.revenue.core_growth };
        // Materialise the padding so that only one year changes.
        array.0 = (1..=10).map(|t| array.at(t)).collect();
        array.0[year] = (array.0[year] + bump).min(d("10"));
        let after = compute(&higher).unwrap().revenue.cumulative_usd_bn;
        for (b, a) in before.iter().zip(&after) {
            prop_assert!(a >= b, "{} < {}", a, b);
        }
    }

    #[test]
    fn npv_falls_with_the_discount_rate_when_capex_precedes_inflows(
        build_years in 1usize..5, capex in between(d("1"), d("500"), 1), growth in between(d("0.01"), d("1"), 2),
        margin in between(d("0.05"), d("1"), 2), r1 in between(d("0"), d("1"), 3), r2 in between(d("0"), d("1"), 3)
    ) {
        // Flat revenue (no inflow) while building, growth after; capex only while building.
        let mut s = base_scenario();
        s.revenue.ai_growth = YearArray((1..=5).map(|t| if t <= build_years { d("0") } else { growth }).collect());
        s.revenue.core_growth = s.revenue.ai_growth.clone();
        s.capex.rmb_bn = YearArray((1..=5).map(|t| if t <= build_years { capex } else { d("0") }).collect());
        s.capex.incremental_cash_margin = margin;
        let npv = |rate: Decimal| {
            let mut at = s.clone();
            at.capex.discount_rate = rate;
            compute(&at).unwrap().capex.npv_rmb_bn
        };
        let (low, high) = (r1.min(r2), r1.max(r2));
        // Value at the end of the build: outflows grow with the rate, inflows shrink.
        let build_value = |rate: Decimal| {
            let mut factor = Decimal::ONE;
            for _ in 0..build_years { factor *= Decimal::ONE + rate; }
            npv(rate) * factor
        };
        prop_assert!(build_value(low) >= build_value(high));
        // So today's NPV falls with the rate wherever the project is worth doing.
        if npv(high) >= Decimal::ZERO {
            prop_assert!(npv(low) >= npv(high), "{} < {}", npv(low), npv(high));
        }
    }

    #[test]
    fn gross_margin_rises_with_utilization(
        u1 in between(d("0.01"), d("1"), 4), u2 in between(d("0.01"), d("1"), 4)
    ) {
        prop_assume!(u1 != u2);
        let margins = |u: Decimal| {
            let mut s = base_scenario();
            s.tokens.utilization = u;
            compute(&s).unwrap().tokens.gross_margin
        };
        let (low, high) = (u1.min(u2), u1.max(u2));
        for (a, b) in margins(low).iter().zip(&margins(high)) {
            prop_assert!(a < b, "{} !< {}", a, b);
        }
    }

    #[test]
    fn irr_is_within_1e12_of_the_root(
        outflows in proptest::collection::vec(between(d("1"), d("100000"), 3), 1..5),
        inflows in proptest::collection::vec(between(d("0"), d("100000"), 3), 1..6),
    ) {
        let flows: Vec<Decimal> = outflows.iter().map(|v| -*v).chain(inflows).collect();
        let npv = |r: Decimal| {
            let mut factor = Decimal::ONE;
            flows.iter().map(|f| { factor *= Decimal::ONE + r; *f / factor }).sum::<Decimal>()
        };
        if let Some(r) = irr(&flows, "capex.irr").unwrap() {
            let step = d("0.000000000001");
            // NPV falls through zero at the IRR for conventional flows.
            prop_assert!(npv(r - step) >= Decimal::ZERO && npv(r + step) <= Decimal::ZERO, "{} {:?}", r, flows);
        }
    }

    #[test]
    fn required_uniform_growth_reaches_the_target_within_1e12(s in moderate_scenario(), target in between(d("10"), d("5000"), 1)) {
        let mut s = s;
        s.target_usd_bn = target;
        let revenue = compute(&s).unwrap().revenue;
        if let Some(g) = revenue.required_uniform_growth {
            let reached = |g: Decimal| {
                let (mut level, mut sum) = (s.revenue.base_rmb_bn, Decimal::ZERO);
                for _ in 0..s.horizon_years { level *= Decimal::ONE + g; sum += level; }
                sum / s.fx_rmb_per_usd
            };
            let step = d("0.000000000001");
            prop_assert!(reached(g - step) <= target && reached(g + step) >= target, "{} {}", g, target);
        }
    }

    #[test]
    fn the_annual_reading_never_runs_ahead_of_the_cumulative_one(s in moderate_scenario(), target in between(d("10"), d("5000"), 1)) {
        let mut s = s;
        s.target_usd_bn = target;
        let r = compute(&s).unwrap().revenue;
        for (annual, cumulative) in r.annual_usd_bn.iter().zip(&r.cumulative_usd_bn) {
            prop_assert!(annual <= cumulative);
        }
        // A single year reaching the target means the running total has too, no later.
        if let Some(year) = r.annual_target_hit_year {
            prop_assert!(r.target_hit_year.is_some_and(|cumulative| cumulative <= year));
        }
        prop_assert!(r.annual_gap_usd_bn <= r.gap_usd_bn);
    }

    #[test]
    fn required_annual_growths_reach_the_target_within_1e12(s in moderate_scenario(), target in between(d("10"), d("5000"), 1)) {
        let mut s = s;
        s.target_usd_bn = target;
        let r = compute(&s).unwrap().revenue;
        let h = s.horizon_years;
        let power = |x: Decimal| (0..h).fold(Decimal::ONE, |p, _| p * x);
        let step = d("0.000000000001");
        if let Some(g) = r.required_uniform_growth_annual {
            let reached = |g: Decimal| s.revenue.base_rmb_bn * power(Decimal::ONE + g) / s.fx_rmb_per_usd;
            prop_assert!(reached(g - step) <= target && reached(g + step) >= target, "{} {}", g, target);
        }
        if let Some(g) = r.required_ai_growth_annual {
            let ai0 = s.revenue.base_rmb_bn * s.revenue.ai_share_base;
            let core_h = *r.core.last().unwrap();
            let reached = |g: Decimal| (ai0 * power(Decimal::ONE + g) + core_h) / s.fx_rmb_per_usd;
            prop_assert!(reached(g - step) <= target && reached(g + step) >= target, "{} {}", g, target);
        }
    }
}
