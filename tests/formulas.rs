//! The formulas of MODEL.md against figures computed by hand (and by an
//! independent 60-digit implementation) for the base preset and for
//! scenarios built to hit each convention.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use aicloud_scenario::payback::{irr, npv, payback_years};
use aicloud_scenario::presets::{base_scenario, presets};
use aicloud_scenario::revenue::{revenue_path, Beyond};
use aicloud_scenario::{compute, Scenario, YearArray};
use rust_decimal::Decimal;
use support::{d, text, texts};

fn ds(values: &[&str]) -> Vec<Decimal> {
    values.iter().map(|v| d(v)).collect()
}

fn year_array(values: &[&str]) -> YearArray {
    YearArray(ds(values))
}

#[test]
fn base_revenue_path() {
    let p = compute(&base_scenario()).unwrap();
    let r = &p.revenue;
    assert_eq!(p.years, [2027, 2028, 2029, 2030, 2031]);
    // ai[0] = 158.132 * 0.3 = 47.4396; ai[1] = 47.4396 * 2 = 94.8792.
    assert_eq!(
        texts(&r.ai),
        [
            "94.8792",
            "170.78256",
            "273.252096",
            "396.2155392",
            "534.89097792"
        ]
    );
    // core[0] = 110.6924; core[1] = 110.6924 * 1.1 = 121.76164.
    assert_eq!(
        texts(&r.core),
        [
            "121.76164",
            "131.5025712",
            "139.392725472",
            "146.362361746",
            "152.216856215"
        ]
    );
    assert_eq!(
        texts(&r.total),
        [
            "216.64084",
            "302.2851312",
            "412.644821472",
            "542.577900946",
            "687.107834135"
        ]
    );
    assert_eq!(
        texts(&r.ai_share),
        [
            "0.437956204",
            "0.564971751",
            "0.662196838",
            "0.730246364",
            "0.778467296"
        ]
    );
    assert_eq!(
        texts(&r.cumulative_rmb_bn),
        [
            "216.64084",
            "518.9259712",
            "931.570792672",
            "1474.148693618",
            "2161.256527753"
        ]
    );
    // 216.64084 / 7.17 = 30.2149009763...
    assert_eq!(
        texts(&r.cumulative_usd_bn),
        [
            "30.214900976",
            "72.374612441",
            "129.926191447",
            "205.599538859",
            "301.430478069"
        ]
    );
    assert_eq!(r.target_hit_year, Some(2029));
    assert_eq!(text(Some(r.gap_usd_bn)).unwrap(), "201.430478069");
    // 158.132 * sum_{t=1..5} (1+g)^t = 717 at g = -3.2422179 %.
    assert_eq!(text(r.required_uniform_growth).unwrap(), "-0.032422179");
    assert_eq!(text(r.required_ai_growth).unwrap(), "-0.646793165");
}

#[test]
fn base_annual_reading() {
    let r = compute(&base_scenario()).unwrap().revenue;
    // total[t] / 7.17: 216.64084 / 7.17 = 30.2149009763..., 687.107834135 / 7.17 = 95.8309392...
    assert_eq!(
        texts(&r.annual_usd_bn),
        [
            "30.214900976",
            "42.159711464",
            "57.551579006",
            "75.673347412",
            "95.83093921"
        ]
    );
    // Cumulatively reached in FY2029, but no single year reaches US$100bn.
    assert_eq!(r.annual_target_hit_year, None);
    assert_eq!(text(Some(r.annual_gap_usd_bn)).unwrap(), "-4.16906079");
    // 158.132 (1+g)^5 = 717: g = (717 / 158.132)^(1/5) - 1 = 35.3006486 %.
    assert_eq!(
        text(r.required_uniform_growth_annual).unwrap(),
        "0.353006486"
    );
    // 47.4396 (1+g)^5 + 152.216856215... = 717: g = 64.1149488 %.
    assert_eq!(text(r.required_ai_growth_annual).unwrap(), "0.641149488");
    assert_eq!(r.required_uniform_growth_annual_beyond, None);
    assert_eq!(r.required_ai_growth_annual_beyond, None);
}

#[test]
fn the_ai_share_keeps_its_digits_when_revenue_shrinks_towards_decimal_precision() {
    // Issue 8, fault 3: ai[9] and core[9] are about 1e-22 here, where a
    // Decimal keeps only a few significant digits; the share (0.2999998299...
    // by a 60-digit reference) is carried as a ratio and keeps all of them.
    let mut s = base_scenario();
    s.horizon_years = 10;
    s.revenue.base_rmb_bn = d("0.001234567891");
    s.revenue.ai_growth = year_array(&["-0.987654321"]);
    s.revenue.core_growth = year_array(&["-0.98765432"]);
    let r = revenue_path(&s).unwrap();
    assert_eq!(text(Some(r.ai_share[9])).unwrap(), "0.29999983");
    assert_eq!(text(Some(r.ai_share[0])).unwrap(), "0.299999983");
    // The EBITA margin divides by that revenue, which has kept too few digits
    // for a ratio: compute names it rather than return an imprecise value.
    let error = compute(&s).unwrap_err();
    assert!(error.field().starts_with("capex.ebitaMargin["), "{error}");
    // No AI revenue, or only AI revenue.
    s.revenue.ai_share_base = Decimal::ZERO;
    assert!(revenue_path(&s)
        .unwrap()
        .ai_share
        .iter()
        .all(|v| v.is_zero()));
    s.revenue.ai_share_base = Decimal::ONE;
    assert!(revenue_path(&s)
        .unwrap()
        .ai_share
        .iter()
        .all(|v| *v == Decimal::ONE));
}

#[test]
fn annual_reading_hit_year_and_solvers_at_their_edges() {
    // Base 100, fx 1, H = 2, target 121: 100 (1+g)^2 = 121 at g = 0.1 exactly.
    let mut s = base_scenario();
    s.revenue.base_rmb_bn = d("100");
    s.fx_rmb_per_usd = d("1");
    s.target_usd_bn = d("121");
    s.horizon_years = 2;
    s.revenue.ai_growth = year_array(&["0.5"]);
    s.revenue.core_growth = year_array(&["0"]);
    let r = compute(&s).unwrap().revenue;
    assert_eq!(text(r.required_uniform_growth_annual).unwrap(), "0.1");
    // AI 30 x^2 + core 70 = 121: x = sqrt(1.7), g = 30.3840481 %.
    assert_eq!(text(r.required_ai_growth_annual).unwrap(), "0.303840481");
    // Year 1: 45 + 70 = 115 < 121; year 2: 67.5 + 70 = 137.5 >= 121.
    assert_eq!(texts(&r.annual_usd_bn), ["115", "137.5"]);
    assert_eq!(r.annual_target_hit_year, Some(2028));
    assert_eq!(text(Some(r.annual_gap_usd_bn)).unwrap(), "16.5");

    // Out of reach even at 1,000 % a year; reached even at -99 %.
    s.target_usd_bn = d("1000000");
    let r = compute(&s).unwrap().revenue;
    assert_eq!(r.required_uniform_growth_annual, None);
    assert_eq!(r.required_uniform_growth_annual_beyond, Some(Beyond::Above));
    assert_eq!(r.required_ai_growth_annual_beyond, Some(Beyond::Above));
    s.target_usd_bn = d("0.001");
    let r = compute(&s).unwrap().revenue;
    assert_eq!(r.required_uniform_growth_annual_beyond, Some(Beyond::Below));
    assert_eq!(r.required_ai_growth_annual_beyond, Some(Beyond::Below));
    // Core revenue alone reaches the target: AI growth cannot undo it.
    s.target_usd_bn = d("70");
    let r = compute(&s).unwrap().revenue;
    assert_eq!(r.required_ai_growth_annual, None);
    assert_eq!(r.required_ai_growth_annual_beyond, Some(Beyond::Below));
    // No AI revenue: null, and no side.
    s.revenue.ai_share_base = Decimal::ZERO;
    let r = compute(&s).unwrap().revenue;
    assert_eq!(
        (
            r.required_ai_growth_annual,
            r.required_ai_growth_annual_beyond
        ),
        (None, None)
    );
}

#[test]
fn base_capex_payback() {
    let c = compute(&base_scenario()).unwrap().capex;
    // total[1] - base = 216.64084 - 158.132 = 58.50884; * 0.3 = 17.552652; - 130.
    assert_eq!(
        texts(&c.incremental_revenue),
        [
            "58.50884",
            "144.1531312",
            "254.512821472",
            "384.445900946",
            "528.975834135"
        ]
    );
    assert_eq!(
        texts(&c.cash_inflow),
        [
            "17.552652",
            "43.24593936",
            "76.353846442",
            "115.333770284",
            "158.692750241"
        ]
    );
    assert_eq!(
        texts(&c.net_cash_flow),
        [
            "-112.447348",
            "-86.75406064",
            "-43.646153558",
            "15.333770284",
            "58.692750241"
        ]
    );
    assert_eq!(
        texts(&c.cumulative_net),
        [
            "-112.447348",
            "-199.20140864",
            "-242.847562198",
            "-227.513791915",
            "-168.821041674"
        ]
    );
    // 130/6, (130+130)/6, (130+130+120)/6, 480/6, 580/6.
    assert_eq!(
        texts(&c.depreciation),
        [
            "21.666666667",
            "43.333333333",
            "63.333333333",
            "80",
            "96.666666667"
        ]
    );
    // 14.265 + 17.552652 - 21.666666667 = 10.150985333.
    assert_eq!(
        texts(&c.ebita),
        [
            "10.150985333",
            "14.177606027",
            "27.285513108",
            "49.598770284",
            "76.291083574"
        ]
    );
    assert_eq!(
        texts(&c.ebita_margin),
        [
            "0.046856287",
            "0.046901434",
            "0.066123484",
            "0.091413178",
            "0.111032184"
        ]
    );
    // Still RMB168.8bn short after five years: no payback, discounted or not.
    assert_eq!(c.payback_years, None);
    assert_eq!(c.discounted_payback_years, None);
    assert_eq!(text(Some(c.npv_rmb_bn)).unwrap(), "-160.875610529");
    assert_eq!(text(c.irr).unwrap(), "-0.327901847");
    // 580 / 1370.5963...
    assert_eq!(text(c.required_cash_margin).unwrap(), "0.423173405");
}

#[test]
fn base_token_economics() {
    let k = compute(&base_scenario()).unwrap().tokens;
    // 200000 / (5 * 8760); * 0.45.
    assert_eq!(text(Some(k.hw_imported)).unwrap(), "4.566210046");
    assert_eq!(text(Some(k.hw_in_house)).unwrap(), "2.054794521");
    assert_eq!(
        texts(&k.price),
        ["2.1", "1.89", "1.701", "1.5309", "1.37781"]
    );
    assert_eq!(texts(&k.tps), ["3000", "4200", "5460", "6825", "8190"]);
    // 3000 * (0.9 + 0.1 * 0.6) = 2880.
    assert_eq!(
        texts(&k.tps_fleet),
        ["2880", "3780", "4586.4", "5460", "6224.4"]
    );
    // 0.9 * 4.566210046 + 0.1 * 2.054794521 + 1.2 * 0.6 + 1.5 = 6.535068493.
    assert_eq!(
        texts(&k.cost_per_hour),
        [
            "6.535068493",
            "6.158356164",
            "5.781643836",
            "5.530502283",
            "5.279360731"
        ]
    );
    // 2880 * 3600 * 0.55.
    assert_eq!(
        texts(&k.tokens_per_acc_hour),
        ["5702400", "7484400", "9081072", "10810800", "12324312"]
    );
    // 6.535068493 / 5.7024 = 1.146020709; (2.1 - 1.146020709) / 2.1 = 0.454275853.
    assert_eq!(
        texts(&k.cost_rmb_per_m_tok),
        [
            "1.146020709",
            "0.822825633",
            "0.63666975",
            "0.511571973",
            "0.42836961"
        ]
    );
    assert_eq!(
        texts(&k.gross_margin),
        [
            "0.454275853",
            "0.564642522",
            "0.625708554",
            "0.665835801",
            "0.689093844"
        ]
    );
    assert_eq!(
        texts(&k.breakeven_utilization),
        [
            "0.300148281",
            "0.239446613",
            "0.205860295",
            "0.18379031",
            "0.170998386"
        ]
    );
    assert_eq!(texts(&k.tokens_per_day), ["40", "100", "200", "340", "510"]);
    assert_eq!(
        texts(&k.tokens_per_year_trillions),
        ["14600", "36500", "73000", "124100", "186150"]
    );
    // 14600 * 2.1 / 1000 = 30.66.
    assert_eq!(
        texts(&k.maas_revenue_rmb_bn),
        ["30.66", "68.985", "124.173", "189.98469", "256.4793315"]
    );
    assert_eq!(
        texts(&k.maas_gross_profit_rmb_bn),
        [
            "13.928097643",
            "38.951864411",
            "77.696108285",
            "126.498608181",
            "176.738328513"
        ]
    );
    // Year 0: 10e12 * 365 / (2000 * 0.96 * 3600 * 0.55 * 8760) = 3.65e15 / 3.3302016e10.
    assert_eq!(
        text(Some(k.accelerators_needed_base)).unwrap(),
        "109602.974186308"
    );
    assert_eq!(
        texts(&k.accelerators_needed),
        [
            "292274.597830153",
            "556713.519676483",
            "917659.647818378",
            "1310417.977084644",
            "1724234.180374531"
        ]
    );
    // (292274.597830153 - 109602.974186308) * 200000 * (0.9 + 0.1 * 0.45) / 1e9.
    assert_eq!(
        texts(&k.accelerator_capex_rmb_bn),
        [
            "34.524936869",
            "45.615714018",
            "56.30759599",
            "56.949957744",
            "55.451371241"
        ]
    );
}

#[test]
fn base_preset_has_no_warnings_and_presets_differ_as_argued() {
    assert_eq!(compute(&base_scenario()).unwrap().warnings, []);
    let cumulative: Vec<Decimal> = presets()
        .iter()
        .map(|p| {
            *compute(&p.scenario)
                .unwrap()
                .revenue
                .cumulative_usd_bn
                .last()
                .unwrap()
        })
        .collect();
    let [base, bull, bear] = cumulative[..] else {
        panic!()
    };
    assert!(bull > base && base > bear, "{cumulative:?}");
    // Bull: AI above half of revenue within a year, as management said.
    let bull_share = compute(&presets()[1].scenario).unwrap().revenue.ai_share[0];
    assert!(bull_share > d("0.5"), "{bull_share}");
}

#[test]
fn year_arrays_pad_with_their_last_entry_and_ignore_extra_entries() {
    let mut s = base_scenario();
    s.horizon_years = 7;
    s.revenue.ai_growth = year_array(&["1", "0.5"]);
    s.revenue.core_growth = year_array(&["0.1"]);
    let r = compute(&s).unwrap().revenue;
    // ai: 47.4396 * 2, then * 1.5 every year after.
    assert_eq!(
        texts(&r.ai),
        [
            "94.8792",
            "142.3188",
            "213.4782",
            "320.2173",
            "480.32595",
            "720.488925",
            "1080.7333875"
        ]
    );
    // core grows 10 % every year: 110.6924 * 1.1^7 = 215.70817272004.
    assert_eq!(texts(&r.core)[6], "215.70817272");

    let mut short = base_scenario();
    short.horizon_years = 2;
    let r = compute(&short).unwrap();
    assert_eq!(r.years, [2027, 2028]);
    assert_eq!(texts(&r.revenue.total), ["216.64084", "302.2851312"]);
    assert_eq!(r.revenue.target_hit_year, None);
    assert_eq!(texts(&r.tokens.price), ["2.1", "1.89"]);
}

#[test]
fn payback_conventions() {
    let cases: &[(&[&str], Option<&str>)] = &[
        // Never negative: 0, even with a zero year.
        (&["0", "5", "5"], Some("0")),
        (&["10", "-5", "3"], Some("0")),
        // Recovered within year 3: 2 + 30/40.
        (&["-10", "-20", "40"], Some("2.75")),
        // Dips below zero twice: t* is after the last dip. cum: -10, 5, -1, 3 -> 3 + 1/4.
        (&["-10", "15", "-6", "4"], Some("3.25")),
        // Exactly zero at the end counts as recovered: 1 + 10/10.
        (&["-10", "10"], Some("2")),
        // Not recovered by H.
        (&["-10", "5", "4"], None),
        (&["-1"], None),
    ];
    for (flows, expected) in cases {
        let payback = payback_years(&ds(flows), "capex.paybackYears").unwrap();
        assert_eq!(text(payback).as_deref(), *expected, "{flows:?}");
    }
}

#[test]
fn discounted_payback_discounts_each_year() {
    let mut s = base_scenario();
    s.capex.rmb_bn = year_array(&["100", "0"]);
    s.capex.incremental_cash_margin = d("1");
    s.capex.discount_rate = d("0.1");
    let c = compute(&s).unwrap().capex;
    // Net flows: 58.50884 - 100 = -41.49116, then 144.1531312 (all incremental revenue).
    assert_eq!(texts(&c.net_cash_flow)[..2], ["-41.49116", "144.1531312"]);
    // Undiscounted: 1 + 41.49116 / 144.1531312 = 1.2878269769...
    assert_eq!(text(c.payback_years).unwrap(), "1.287826977");
    // Discounted: -41.49116/1.1 = -37.7192363636; 144.1531312/1.21 = 119.1348191736;
    // 1 + 37.7192363636 / 119.1348191736 = 1.3166096749.
    assert_eq!(text(c.discounted_payback_years).unwrap(), "1.316609675");
    // NPV = -37.719236364 + 119.134819174 + later years.
    assert!(c.npv_rmb_bn > d("81.4"));
}

#[test]
fn irr_matches_excel_and_is_null_unless_one_sign_change() {
    // Excel's documented example: IRR(-70000, 12000, 15000, 18000, 21000, 26000) = 8.66 %.
    // A common shift of every flow by one year leaves the IRR unchanged.
    let excel = irr(
        &ds(&["-70000", "12000", "15000", "18000", "21000", "26000"]),
        "irr",
    )
    .unwrap();
    assert_eq!(text(excel).unwrap(), "0.086630948");
    // Its other examples: after four years -2.1 %, after two years -44.4 %.
    let four = irr(&ds(&["-70000", "12000", "15000", "18000", "21000"]), "irr").unwrap();
    assert_eq!(text(four).unwrap().get(..6), Some("-0.021"));
    let two = irr(&ds(&["-70000", "12000", "15000"]), "irr").unwrap();
    assert_eq!(text(two).unwrap().get(..6), Some("-0.443"));
    // -100 then 110 one year later: exactly 10 %.
    assert_eq!(
        text(irr(&ds(&["-100", "110"]), "irr").unwrap()).unwrap(),
        "0.1"
    );
    // Zero flows do not count as sign changes.
    assert_eq!(
        text(irr(&ds(&["0", "-100", "0", "121"]), "irr").unwrap()).unwrap(),
        "0.1"
    );
    // Two sign changes, none, or all zero: null.
    assert_eq!(irr(&ds(&["-100", "230", "-132"]), "irr").unwrap(), None);
    assert_eq!(irr(&ds(&["100", "50"]), "irr").unwrap(), None);
    assert_eq!(irr(&ds(&["-100", "-50"]), "irr").unwrap(), None);
    assert_eq!(irr(&ds(&["0", "0"]), "irr").unwrap(), None);
    // One sign change but the root lies outside (-0.99, 10): -1 then 1000 is r = 999.
    assert_eq!(irr(&ds(&["-1", "1000"]), "irr").unwrap(), None);
}

#[test]
fn npv_discounts_index_t_by_t_periods_index_0_now() {
    // flows[0] is now: -100 now and 110 a period later at 10 % is worth nothing.
    assert_eq!(npv(d("0.1"), &ds(&["-100", "110"]), "npv"), Ok(d("0")));
    // Excel's documented NPV(10%, -10000, 3000, 4200, 6800) = 1,188.44 discounts its
    // first value by a period, so it is npv at index 1 on: -10000/1.1 + 3000/1.21
    // + 4200/1.331 + 6800/1.4641 = 1188.4434123352230038931766955809... (60 digits).
    let excel = npv(
        d("0.1"),
        &ds(&["0", "-10000", "3000", "4200", "6800"]),
        "npv",
    )
    .unwrap();
    assert_eq!(text(Some(excel)).unwrap(), "1188.443412335");
    assert!((excel - d("1188.4434123352230038931766955809")).abs() < d("0.00000000000000000001"));
    // Its second example: NPV(8%, 8000, 9200, 10000, 12000, 14500) + -40000 = 1,922.06,
    // i.e. the investment now at index 0: 1922.0615549323722008930715071189...
    let second = npv(
        d("0.08"),
        &ds(&["-40000", "8000", "9200", "10000", "12000", "14500"]),
        "npv",
    )
    .unwrap();
    assert!((second - d("1922.0615549323722008930715071189")).abs() < d("0.00000000000000000001"));
    // Rate 0 sums; -0.5 doubles each period: -1 + 3 * 2 = 5; no flows, 0.
    assert_eq!(npv(d("0"), &ds(&["-3", "1.5", "2"]), "npv"), Ok(d("0.5")));
    assert_eq!(npv(d("-0.5"), &ds(&["-1", "3"]), "npv"), Ok(d("5")));
    assert_eq!(npv(d("0.1"), &[], "npv"), Ok(d("0")));
    // 1 + rate = 0 divides by zero: an error naming the field, not a number.
    assert_eq!(
        npv(d("-1"), &ds(&["1", "1"]), "npv").unwrap_err().field(),
        "npv"
    );
    // The IRR is a root of the same NPV (within the solvers' 1e-13).
    let flows = ds(&["-70000", "12000", "15000", "18000", "21000", "26000"]);
    let r = irr(&flows, "irr").unwrap().unwrap();
    assert!(npv(r, &flows, "npv").unwrap().abs() < d("0.00000001"));
}

#[test]
fn compute_discounts_year_t_by_t_periods_as_npv_with_a_zero_now() {
    // Compute's year t is index t of npv (nothing now), and index t-1 of irr.
    for preset in presets() {
        let capex = compute(&preset.scenario).unwrap().capex;
        let rate = preset.scenario.capex.discount_rate;
        let mut flows = vec![Decimal::ZERO];
        flows.extend(&capex.net_cash_flow);
        assert_eq!(
            npv(rate, &flows, "npv"),
            Ok(capex.npv_rmb_bn),
            "{}",
            preset.id
        );
        assert_eq!(irr(&flows, "irr"), Ok(capex.irr), "{}", preset.id);
    }
}

#[test]
fn required_growth_is_null_outside_the_search_range() {
    let mut s: Scenario = base_scenario();
    // Even 1000 % growth a year for five years cannot reach US$1tn... from RMB1bn.
    s.revenue.base_rmb_bn = d("1");
    s.target_usd_bn = d("1000000");
    let r = compute(&s).unwrap().revenue;
    assert_eq!(r.required_uniform_growth, None);
    assert_eq!(r.required_ai_growth, None);
    assert_eq!(r.required_uniform_growth_beyond, Some(Beyond::Above));
    assert_eq!(r.required_ai_growth_beyond, Some(Beyond::Above));
    // A target so small that even -99 % a year overshoots it.
    let mut s = base_scenario();
    s.target_usd_bn = d("0.01");
    let r = compute(&s).unwrap().revenue;
    assert_eq!(r.required_uniform_growth, None);
    assert_eq!(r.required_ai_growth, None);
    assert_eq!(r.required_uniform_growth_beyond, Some(Beyond::Below));
    assert_eq!(r.required_ai_growth_beyond, Some(Beyond::Below));
    // No AI revenue: nothing for AI growth to do.
    let mut s = base_scenario();
    s.revenue.ai_share_base = Decimal::ZERO;
    let r = compute(&s).unwrap().revenue;
    assert_eq!(
        (r.required_ai_growth, r.required_ai_growth_beyond),
        (None, None)
    );
    assert_eq!(text(r.required_uniform_growth).unwrap(), "-0.032422179");
    assert_eq!(r.required_uniform_growth_beyond, None);
}

#[test]
fn required_growth_reaches_the_target_exactly() {
    // Base 100, fx 1, H = 2, target 231: 100(1+g) + 100(1+g)^2 = 231 at g = 0.1.
    let mut s = base_scenario();
    s.revenue.base_rmb_bn = d("100");
    s.fx_rmb_per_usd = d("1");
    s.target_usd_bn = d("231");
    s.horizon_years = 2;
    let r = compute(&s).unwrap().revenue;
    assert_eq!(text(r.required_uniform_growth).unwrap(), "0.1");
    // AI 30 with core 70 growing 10 % then 8 % (77 + 83.16 = 160.16):
    // 30 x + 30 x^2 = 70.84 at x = 1 + g: x = (-30 + sqrt(900 + 120 * 70.84)) / 60.
    let g = r.required_ai_growth.unwrap();
    let x = Decimal::ONE + g;
    assert_eq!(text(Some(g)).unwrap(), "0.115962046");
    let reached = d("30") * x + d("30") * x * x + d("160.16");
    assert!(
        (reached - d("231")).abs() < d("0.000000000001"),
        "{reached}"
    );
}

#[test]
fn maas_revenue_above_the_ai_line_warns_per_year() {
    let mut s = base_scenario();
    s.revenue.ai_share_base = d("0.01");
    let p = compute(&s).unwrap();
    let fields: Vec<&str> = p.warnings.iter().map(|w| w.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "tokens.maasRevenueRmbBn[0]",
            "tokens.maasRevenueRmbBn[1]",
            "tokens.maasRevenueRmbBn[2]",
            "tokens.maasRevenueRmbBn[3]",
            "tokens.maasRevenueRmbBn[4]"
        ]
    );
    assert!(
        p.warnings[0].message.starts_with("FY2027: "),
        "{}",
        p.warnings[0].message
    );
}

#[test]
fn horizon_of_ten_years_with_short_arrays() {
    let mut s = base_scenario();
    s.horizon_years = 10;
    let p = compute(&s).unwrap();
    assert_eq!(p.years.last(), Some(&2036));
    assert_eq!(p.revenue.ai.len(), 10);
    // 0.35 growth from year 5 on: ai[10] = 534.89097792 * 1.35^5.
    let expected = d("534.89097792") * d("1.35") * d("1.35") * d("1.35") * d("1.35") * d("1.35");
    assert_eq!(
        texts(&p.revenue.ai)[9],
        support::text(Some(expected)).unwrap()
    );
    assert_eq!(texts(&p.revenue.ai)[9], "2398.46903041");
    assert_eq!(text(p.capex.payback_years).unwrap(), "6.268195644");
    assert_eq!(
        text(p.capex.discounted_payback_years).unwrap(),
        "6.858537303"
    );
    assert_eq!(text(Some(p.capex.npv_rmb_bn)).unwrap(), "632.216544988");
    assert_eq!(text(p.capex.irr).unwrap(), "0.349858634");
}
