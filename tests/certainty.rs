//! The certainty goal seek (contract 1.1, `solveProbability`).
#![cfg(not(target_arch = "wasm32"))]

mod support;

use aicloud_scenario::certainty::solve_probability;
use aicloud_scenario::presets::base_scenario;
use aicloud_scenario::revenue::Beyond;
use aicloud_scenario::simulate::{simulate, Options};
use aicloud_scenario::{Scenario, YearArray};
use rust_decimal::Decimal;
use support::d;

const OPTIONS: Options = Options {
    samples: 4000,
    seed: 11,
};

/// The scenario with every year's AI growth shifted by `shift`.
fn shifted(s: &Scenario, shift: Decimal) -> Scenario {
    let mut s = s.clone();
    let h = s.horizon_years as usize;
    s.revenue.ai_growth = YearArray(
        (1..=h)
            .map(|t| (s.revenue.ai_growth.at(t) + shift).clamp(d("-0.99"), d("10")))
            .collect(),
    );
    s
}

#[test]
fn the_shift_is_the_smallest_that_makes_the_target_that_likely() {
    let mut s = base_scenario();
    s.target_usd_bn = d("450");
    let found = solve_probability(&s, d("0.8"), OPTIONS).unwrap();
    assert_eq!(found.beyond, None);
    let shift = found.ai_growth_shift.unwrap();
    assert!(found.probability >= d("0.8"), "{found:?}");
    // The same draws: a hair less shift falls short, the shift itself does not.
    let p = |shift: Decimal| {
        simulate(&shifted(&s, shift), OPTIONS)
            .unwrap()
            .probability_hit_target
    };
    assert!(p(shift + d("0.000001")) >= d("0.8"));
    assert!(p(shift - d("0.00001")) < d("0.8"), "{shift}");
    // P(hit) never falls as the shift rises.
    let probabilities: Vec<Decimal> = ["-0.5", "-0.2", "0", "0.1", "0.3", "1"]
        .iter()
        .map(|x| p(d(x)))
        .collect();
    assert!(
        probabilities.windows(2).all(|w| w[0] <= w[1]),
        "{probabilities:?}"
    );
    // Being surer takes more.
    let surer = solve_probability(&s, d("0.95"), OPTIONS).unwrap();
    assert!(surer.ai_growth_shift.unwrap() > shift);
}

#[test]
fn beyond_the_search_range_says_which_side() {
    // Already certain even with AI growth 200 points lower.
    let mut s = base_scenario();
    s.target_usd_bn = d("1");
    let found = solve_probability(&s, d("0.9"), OPTIONS).unwrap();
    assert_eq!(
        (found.ai_growth_shift, found.beyond),
        (Some(d("-2")), Some(Beyond::Below))
    );
    assert_eq!(found.probability, Decimal::ONE);
    // Out of reach even 1,000 points higher.
    s.revenue.base_rmb_bn = d("0.001");
    s.target_usd_bn = d("1000000");
    let found = solve_probability(&s, d("0.5"), OPTIONS).unwrap();
    assert_eq!(
        (found.ai_growth_shift, found.beyond),
        (None, Some(Beyond::Above))
    );
    assert_eq!(found.probability, Decimal::ZERO);
}

#[test]
fn a_probability_outside_zero_to_one_is_named() {
    for bad in ["0", "1", "-0.1", "1.5"] {
        let error = solve_probability(&base_scenario(), d(bad), OPTIONS).unwrap_err();
        assert_eq!(error.field(), "options.probability");
        assert_eq!(error.to_string(), "options.probability must be in (0, 1)");
    }
}
