//! Sensitivity (contract 1.1): the tornado's rows, each computed exactly as
//! `compute` computes the moved scenario.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use aicloud_scenario::presets::base_scenario;
use aicloud_scenario::sensitivity::{sensitivity, GROUPS};
use aicloud_scenario::{compute, YearArray};
use rust_decimal::Decimal;
use support::d;

#[test]
fn every_group_moves_down_and_up_and_the_widest_swing_comes_first() {
    let s = base_scenario();
    let tornado = sensitivity(&s, d("0.1")).unwrap();
    let p = compute(&s).unwrap();
    assert_eq!(
        tornado.base.cumulative_usd_bn,
        p.revenue.cumulative_usd_bn[4]
    );
    assert_eq!(tornado.base.npv_rmb_bn, p.capex.npv_rmb_bn);
    assert_eq!(tornado.base.gross_margin, p.tokens.gross_margin[4]);
    let mut groups: Vec<&str> = tornado.rows.iter().map(|row| row.group).collect();
    groups.sort_unstable();
    let mut expected = GROUPS.to_vec();
    expected.sort_unstable();
    assert_eq!(groups, expected);
    let swing = |i: usize| {
        let row = &tornado.rows[i];
        (row.high.as_ref().unwrap().cumulative_usd_bn - row.low.as_ref().unwrap().cumulative_usd_bn)
            .abs()
    };
    assert!((1..13).all(|i| swing(i - 1) >= swing(i)));
    // Ties (the groups that do not reach the revenue swing it by 0) keep the contract's group order.
    let place = |i: usize| {
        GROUPS
            .iter()
            .position(|&group| group == tornado.rows[i].group)
    };
    assert!((1..13).any(|i| swing(i - 1) == swing(i)));
    assert!((1..13).all(|i| swing(i - 1) > swing(i) || place(i - 1) < place(i)));
    // The AI growth row is compute of the scenario with every year's growth times 0.9 and 1.1.
    let row = tornado
        .rows
        .iter()
        .find(|row| row.group == "revenue.aiGrowth")
        .unwrap();
    let mut low = s.clone();
    low.revenue.ai_growth = YearArray(s.revenue.ai_growth.0.iter().map(|g| g * d("0.9")).collect());
    assert_eq!(
        row.low.as_ref().unwrap().cumulative_usd_bn,
        compute(&low).unwrap().revenue.cumulative_usd_bn[4]
    );
    // Inputs that do not reach the revenue leave it alone.
    let capex = tornado
        .rows
        .iter()
        .find(|row| row.group == "capex.rmbBn")
        .unwrap();
    assert_eq!(
        capex.low.as_ref().unwrap().cumulative_usd_bn,
        tornado.base.cumulative_usd_bn
    );
    assert!(capex.low.as_ref().unwrap().npv_rmb_bn > capex.high.as_ref().unwrap().npv_rmb_bn);
    assert!(tornado.rows.iter().all(|row| !row.clamped));
}

#[test]
fn values_are_clamped_into_their_domains_and_the_row_says_so() {
    let mut s = base_scenario();
    s.revenue.ai_share_base = Decimal::ONE;
    s.tokens.utilization = Decimal::ONE;
    let tornado = sensitivity(&s, d("0.5")).unwrap();
    let clamped: Vec<&str> = tornado
        .rows
        .iter()
        .filter(|row| row.clamped)
        .map(|row| row.group)
        .collect();
    assert!(
        clamped.contains(&"revenue.aiShareBase") && clamped.contains(&"tokens.utilization"),
        "{clamped:?}"
    );
    let share = tornado
        .rows
        .iter()
        .find(|row| row.group == "revenue.aiShareBase")
        .unwrap();
    assert_eq!(
        share.high.as_ref().unwrap().cumulative_usd_bn,
        tornado.base.cumulative_usd_bn
    );
}

#[test]
fn a_move_to_an_open_end_is_clamped_inside_it() {
    // delta = 1 moves every low value to 0, which a positive-only field's
    // domain, (0, max], leaves out: the nearest value inside is 1e-28, and
    // the row says it was clamped (before, its low side was null, as if it
    // had overflowed, with `clamped` false).
    let s = base_scenario();
    let tornado = sensitivity(&s, d("1")).unwrap();
    let row = |group: &str| tornado.rows.iter().find(|row| row.group == group).unwrap();
    for group in [
        "revenue.baseRmbBn",
        "fxRmbPerUsd",
        "tokens.priceRmbPerMTok",
        "tokens.tokensPerSecond",
        "tokens.utilization",
        "tokens.acceleratorCostRmb",
    ] {
        assert!(row(group).clamped, "{group}");
    }
    // Each side is what `compute` gives the scenario at 1e-28: figures, or
    // null where an output overflows (a base revenue of 1e-28 makes the
    // EBITA margin overflow).
    let mut tiny_cost = s.clone();
    tiny_cost.tokens.accelerator_cost_rmb = Decimal::new(1, 28);
    let want = compute(&tiny_cost).unwrap();
    let low = row("tokens.acceleratorCostRmb").low.as_ref().unwrap();
    assert_eq!(low.gross_margin, *want.tokens.gross_margin.last().unwrap());
    assert_eq!(low.npv_rmb_bn, want.capex.npv_rmb_bn);
    let mut tiny_base = s.clone();
    tiny_base.revenue.base_rmb_bn = Decimal::new(1, 28);
    assert!(compute(&tiny_base).is_err());
    assert!(row("revenue.baseRmbBn").low.is_none());
    // A closed end is reached, not passed: capex at 0 is in its domain.
    assert!(!row("capex.rmbBn").clamped);
}

#[test]
fn swings_equal_in_exact_arithmetic_are_ordered_by_their_figures_as_written() {
    // With the exchange rate clamped at 1000, moving it down by half and
    // moving the base revenue up by half change cumulative US$ by exactly the
    // same amount in exact arithmetic; 28-digit arithmetic left noise past the
    // written 9 places that put the exchange rate first. Written, the base
    // revenue's swing is 1721.927938434 and the exchange rate's
    // 1721.927938433.
    let mut s = base_scenario();
    s.horizon_years = 9;
    s.fx_rmb_per_usd = d("1000");
    s.revenue.base_rmb_bn = d("0.001");
    s.revenue.core_growth = YearArray(vec![d("9.93470836265")]);
    let tornado = sensitivity(&s, d("0.5")).unwrap();
    let order: Vec<&str> = tornado.rows.iter().map(|row| row.group).collect();
    let at = |group: &str| order.iter().position(|g| *g == group).unwrap();
    assert!(at("revenue.baseRmbBn") < at("fxRmbPerUsd"), "{order:?}");
}

#[test]
fn a_delta_outside_zero_to_one_is_named() {
    for bad in ["0", "-0.1", "1.01"] {
        let error = sensitivity(&base_scenario(), d(bad)).unwrap_err();
        assert_eq!(error.to_string(), "options.delta must be in (0, 1]");
    }
    assert!(sensitivity(&base_scenario(), d("1")).is_ok());
}
