//! Capex payback: the cash that revenue above year 0 earns against the
//! capital spent, its payback, NPV and IRR, and the EBITA after the
//! depreciation of the new capex.
//!
//! ```text
//! incrementalRevenue[t] = total[t] - base      cashInflow[t] = incrementalRevenue[t] * incrementalCashMargin
//! netCashFlow[t] = cashInflow[t] - capex[t]    cumulativeNet[t] = sum_{k<=t} netCashFlow[k]
//! depreciation[t] = sum_{k<=t, t-k<life} capex[k] / life      (new capex only)
//! ebita[t] = baseEbita + cashInflow[t] - depreciation[t]      ebitaMargin[t] = ebita[t] / total[t]
//! npv = sum_t netCashFlow[t] / (1+discountRate)^t             (end-of-year flows)
//! ```
//!
//! [`npv`] and [`irr`] are the same discounting and root search on any list
//! of flows, with index 0 now (undiscounted); the JavaScript exports `npv`
//! and `irr` call them, and compute uses the same discount factors
//! ([`discount_factors`]) and the same search.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::checked::{c, carried, Checked};
use crate::error::{ModelError, Result};
use crate::number::exact_text;
use crate::revenue::RevenuePath;
use crate::scenario::{entry_path, Scenario};
use crate::solve::{root_in, Polynomial, Root};
use crate::text::joined;
use crate::trace::{sum_of, Formula, Reason, Trace, Untraced};
use crate::{Figure, Figures};

/// The IRR is searched in this open interval.
pub const IRR_SEARCH: (Decimal, Decimal) = (dec!(-0.99), dec!(10));

/// Payback figures by year t = 1..H (index t-1), RMB bn unless named otherwise.
#[derive(Debug, Clone, PartialEq)]
pub struct Payback {
    /// Capital expenditure of each year (the year array, padded).
    pub capex_rmb_bn: Vec<Decimal>,
    /// Total revenue minus year-0 revenue.
    pub incremental_revenue: Vec<Decimal>,
    /// Incremental revenue times the incremental cash margin.
    pub cash_inflow: Vec<Decimal>,
    /// Cash inflow minus capex.
    pub net_cash_flow: Vec<Decimal>,
    /// Net cash flow summed over years 1..t.
    pub cumulative_net: Vec<Decimal>,
    /// Straight-line depreciation of the capex of years 1..t still in its life.
    pub depreciation: Vec<Decimal>,
    /// Year-0 EBITA plus cash inflow minus new depreciation.
    pub ebita: Vec<Decimal>,
    /// EBITA / total revenue, a fraction.
    pub ebita_margin: Vec<Decimal>,
    /// Years until cumulative net cash turns non-negative for good,
    /// interpolated within the year; 0 when it is never negative; `None`
    /// when it is still negative at H.
    pub payback_years: Option<Decimal>,
    /// The same on net cash flows discounted at the discount rate.
    pub discounted_payback_years: Option<Decimal>,
    /// Net present value of the net cash flows at the discount rate.
    pub npv_rmb_bn: Decimal,
    /// Internal rate of return, a fraction in (-0.99, 10); `None` unless the
    /// non-zero net flows change sign exactly once and the root lies there.
    pub irr: Option<Decimal>,
    /// The incremental cash margin at which cumulative net cash at H is zero;
    /// `None` when incremental revenue sums to zero or less.
    pub required_cash_margin: Option<Decimal>,
}

impl Payback {
    /// The outputs in the order `compute` writes them (see [`Figure`]).
    pub fn figures(&self) -> Figures<'_, 13> {
        [
            ("capexRmbBn", Figure::Series(&self.capex_rmb_bn)),
            (
                "incrementalRevenue",
                Figure::Series(&self.incremental_revenue),
            ),
            ("cashInflow", Figure::Series(&self.cash_inflow)),
            ("netCashFlow", Figure::Series(&self.net_cash_flow)),
            ("cumulativeNet", Figure::Series(&self.cumulative_net)),
            ("depreciation", Figure::Series(&self.depreciation)),
            ("ebita", Figure::Series(&self.ebita)),
            ("ebitaMargin", Figure::Series(&self.ebita_margin)),
            ("paybackYears", Figure::Number(self.payback_years)),
            (
                "discountedPaybackYears",
                Figure::Number(self.discounted_payback_years),
            ),
            ("npvRmbBn", Figure::Number(Some(self.npv_rmb_bn))),
            ("irr", Figure::Number(self.irr)),
            (
                "requiredCashMargin",
                Figure::Number(self.required_cash_margin),
            ),
        ]
    }
}

/// Computes the payback of a valid scenario on its revenue path.
///
/// # Errors
/// [`ModelError::Overflow`] naming the first output that does not fit.
pub fn payback(s: &Scenario, revenue: &RevenuePath) -> Result<Payback> {
    payback_traced(s, revenue, &mut Untraced)
}

/// [`payback`], offering each output's explanation to `trace` where it is
/// computed ([`crate::trace`]).
///
/// # Errors
/// As [`payback`].
pub fn payback_traced(
    s: &Scenario,
    revenue: &RevenuePath,
    trace: &mut dyn Trace,
) -> Result<Payback> {
    let h = s.horizon();
    let at = |name: &'static str, t: usize| move || entry_path(name, t - 1);
    let margin = s.capex.incremental_cash_margin;
    let rate = s.capex.discount_rate;
    let life = s.capex.asset_life_years as usize;
    let capex = &s.capex.rmb_bn;
    let capex_rmb_bn: Vec<Decimal> = (1..=h).map(|t| capex.at(t)).collect();

    let mut p = Payback {
        capex_rmb_bn: capex_rmb_bn.clone(),
        incremental_revenue: Vec::with_capacity(h),
        cash_inflow: Vec::with_capacity(h),
        net_cash_flow: Vec::with_capacity(h),
        cumulative_net: Vec::with_capacity(h),
        depreciation: Vec::with_capacity(h),
        ebita: Vec::with_capacity(h),
        ebita_margin: Vec::with_capacity(h),
        payback_years: None,
        discounted_payback_years: None,
        npv_rmb_bn: Decimal::ZERO,
        irr: None,
        required_cash_margin: None,
    };
    let (mut flows, mut discounted) = (Vec::with_capacity(h), Vec::with_capacity(h));
    let (mut cumulative, mut npv) = (c(Decimal::ZERO), c(Decimal::ZERO));
    let mut incremental_sum = c(Decimal::ZERO);
    // Year t's net cash flow arrives at the end of year t: factors from (1+rate)^1.
    for (t, factor) in (1..=h).zip(discount_factors(rate).skip(1)) {
        let i = Some(t - 1);
        trace.offer("capex.capexRmbBn", i, &|| {
            Formula::new(format!("capexRmbBn[{t}] = capex[{t}]")).year_input(
                "capex",
                t,
                "capex.rmbBn",
                capex,
            )
        });
        let total = carried(
            revenue.total[t - 1],
            revenue.total_error.get(t - 1).copied().unwrap_or(0.0),
        );
        let incremental =
            (total - s.revenue.base_rmb_bn).kept(at("capex.incrementalRevenue", t))?;
        p.incremental_revenue.push(incremental.or_zero());
        trace.offer("capex.incrementalRevenue", i, &|| {
            Formula::new(format!("incrementalRevenue[{t}] = total[{t}] - base"))
                .year_output("total", t, "revenue.total", &revenue.total)
                .input("base", "revenue.baseRmbBn", s.revenue.base_rmb_bn)
        });
        let inflow = (incremental * margin).kept(at("capex.cashInflow", t))?;
        p.cash_inflow.push(inflow.or_zero());
        trace.offer("capex.cashInflow", i, &|| {
            Formula::new(format!(
                "cashInflow[{t}] = incrementalRevenue[{t}] * incrementalCashMargin"
            ))
            .year_output(
                "incrementalRevenue",
                t,
                "capex.incrementalRevenue",
                &p.incremental_revenue,
            )
            .input(
                "incrementalCashMargin",
                "capex.incrementalCashMargin",
                margin,
            )
        });
        let net = (inflow - capex_rmb_bn[t - 1]).kept(at("capex.netCashFlow", t))?;
        p.net_cash_flow.push(net.or_zero());
        trace.offer("capex.netCashFlow", i, &|| {
            Formula::new(format!("netCashFlow[{t}] = cashInflow[{t}] - capex[{t}]"))
                .year_output("cashInflow", t, "capex.cashInflow", &p.cash_inflow)
                .year_input("capex", t, "capex.rmbBn", capex)
        });
        cumulative = (cumulative + net).kept(at("capex.cumulativeNet", t))?;
        p.cumulative_net.push(cumulative.or_zero());
        trace.offer("capex.cumulativeNet", i, &|| {
            Formula::new(format!(
                "cumulativeNet[{t}] = {}",
                sum_of("netCashFlow", 1..=t)
            ))
            .year_outputs("netCashFlow", 1..=t, "capex.netCashFlow", &p.net_cash_flow)
        });
        let first_in_life = t.saturating_sub(life) + 1;
        let in_life = &capex_rmb_bn[first_in_life - 1..t];
        let depreciation = (in_life.iter().fold(c(Decimal::ZERO), |sum, &k| sum + k)
            / Decimal::from(life))
        .kept(at("capex.depreciation", t))?;
        p.depreciation.push(depreciation.or_zero());
        trace.offer("capex.depreciation", i, &|| {
            Formula::new(format!(
                "depreciation[{t}] = ({}) / assetLifeYears",
                sum_of("capex", first_in_life..=t)
            ))
            .year_inputs("capex", first_in_life..=t, "capex.rmbBn", capex)
            .integer(
                "assetLifeYears",
                "capex.assetLifeYears",
                s.capex.asset_life_years,
            )
        });
        let ebita =
            (c(s.capex.base_ebita_rmb_bn) + inflow - depreciation).kept(at("capex.ebita", t))?;
        p.ebita.push(ebita.or_zero());
        trace.offer("capex.ebita", i, &|| {
            Formula::new(format!(
                "ebita[{t}] = baseEbitaRmbBn + cashInflow[{t}] - depreciation[{t}]"
            ))
            .input(
                "baseEbitaRmbBn",
                "capex.baseEbitaRmbBn",
                s.capex.base_ebita_rmb_bn,
            )
            .year_output("cashInflow", t, "capex.cashInflow", &p.cash_inflow)
            .year_output("depreciation", t, "capex.depreciation", &p.depreciation)
        });
        let present = present_value(net, factor, "capex.npvRmbBn")?;
        npv = npv + present;
        p.ebita_margin
            .push((ebita / total).or_overflow(at("capex.ebitaMargin", t))?);
        trace.offer("capex.ebitaMargin", i, &|| {
            Formula::new(format!("ebitaMargin[{t}] = ebita[{t}] / total[{t}]"))
                .year_output("ebita", t, "capex.ebita", &p.ebita)
                .year_output("total", t, "revenue.total", &revenue.total)
        });
        incremental_sum = incremental_sum + incremental;
        flows.push(net);
        discounted.push(present);
    }
    let discounted_sum = |years: std::ops::RangeInclusive<usize>| {
        joined(
            years.map(|t| format!("netCashFlow[{t}] / (1 + discountRate)^{t}")),
            " + ",
        )
    };
    p.npv_rmb_bn = npv.or_overflow(|| "capex.npvRmbBn".into())?;
    trace.offer("capex.npvRmbBn", None, &|| {
        Formula::new(format!("npvRmbBn = {}", discounted_sum(1..=h)))
            .year_outputs("netCashFlow", 1..=h, "capex.netCashFlow", &p.net_cash_flow)
            .input("discountRate", "capex.discountRate", rate)
    });

    let mut recovery;
    (p.payback_years, recovery) = payback_of(&flows, "capex.paybackYears")?;
    trace.offer("capex.paybackYears", None, &|| match recovery {
        Recovery::Never => Formula::because(
            Reason::StillNegative,
            &[
                &"paybackYears = null",
                &format_args!("cumulativeNet[{h}] < 0"),
                &h,
            ],
        )
        .year_output("cumulativeNet", h, "capex.cumulativeNet", &p.cumulative_net),
        Recovery::Always => Formula::because(
            Reason::EveryYear,
            &[&"paybackYears = 0", &"cumulativeNet[t] >= 0", &h],
        )
        .year_outputs(
            "cumulativeNet",
            1..=h,
            "capex.cumulativeNet",
            &p.cumulative_net,
        ),
        Recovery::From(t) => Formula::because(
            Reason::RecoveredFrom,
            &[
                &format_args!(
                    "paybackYears = ({t} - 1) + (-cumulativeNet[{}]) / netCashFlow[{t}]",
                    t - 1
                ),
                &t,
                &"cumulativeNet[t] >= 0",
                &h,
            ],
        )
        .year_output(
            "cumulativeNet",
            t - 1,
            "capex.cumulativeNet",
            &p.cumulative_net,
        )
        .year_output("netCashFlow", t, "capex.netCashFlow", &p.net_cash_flow)
        .year_outputs(
            "cumulativeNet",
            t..=h,
            "capex.cumulativeNet",
            &p.cumulative_net,
        ),
    });
    (p.discounted_payback_years, recovery) =
        payback_of(&discounted, "capex.discountedPaybackYears")?;
    trace.offer("capex.discountedPaybackYears", None, &|| {
        let running = "sum_{k<=t} netCashFlow[k] / (1 + discountRate)^k";
        match recovery {
            Recovery::Never => Formula::because(
                Reason::StillNegativeDiscounted,
                &[
                    &"discountedPaybackYears = null",
                    &format_args!("{} = npvRmbBn < 0", discounted_sum(1..=h)),
                    &h,
                ],
            )
            .output("npvRmbBn", "capex.npvRmbBn", p.npv_rmb_bn),
            Recovery::Always => Formula::because(
                Reason::EveryYear,
                &[&"discountedPaybackYears = 0", &format_args!("{running} >= 0"), &h],
            )
            .year_outputs("netCashFlow", 1..=h, "capex.netCashFlow", &p.net_cash_flow)
            .input("discountRate", "capex.discountRate", rate),
            Recovery::From(t) => Formula::because(
                Reason::RecoveredFrom,
                &[
                    &format_args!(
                        "discountedPaybackYears = ({t} - 1) + (-({})) / (netCashFlow[{t}] / (1 + discountRate)^{t})",
                        discounted_sum(1..=t - 1)
                    ),
                    &t,
                    &format_args!("{running} >= 0"),
                    &h,
                ],
            )
            .year_outputs("netCashFlow", 1..=h, "capex.netCashFlow", &p.net_cash_flow)
            .input("discountRate", "capex.discountRate", rate),
        }
    });

    let irr_case;
    (p.irr, irr_case) = irr_of(&p.net_cash_flow, "capex.irr")?;
    trace.offer("capex.irr", None, &|| {
        let equation = format!("sum_{{t=1..{h}}} netCashFlow[t] / (1 + r)^t = 0");
        let (lo, hi) = IRR_SEARCH;
        let interval = format!("({}, {})", exact_text(lo), exact_text(hi));
        match irr_case {
            Irr::Found => Formula::because(Reason::Root, &[&"irr", &"r", &interval, &equation]),
            Irr::SignChanges(changes) => Formula::because(
                Reason::SignChanges,
                &[&"irr = null", &"netCashFlow[t]", &h, &changes],
            ),
            Irr::NoRoot => {
                Formula::because(Reason::NoRoot, &[&"irr = null", &"r", &interval, &equation])
            }
        }
        .year_outputs("netCashFlow", 1..=h, "capex.netCashFlow", &p.net_cash_flow)
    });

    let capex_sum = capex_rmb_bn
        .iter()
        .fold(c(Decimal::ZERO), |sum, &k| sum + k);
    let incremental_sum = incremental_sum.kept(|| "capex.requiredCashMargin".into())?;
    p.required_cash_margin = if incremental_sum
        .value()
        .is_some_and(|sum| sum > Decimal::ZERO)
    {
        Some((capex_sum / incremental_sum).or_overflow(|| "capex.requiredCashMargin".into())?)
    } else {
        None
    };
    trace.offer("capex.requiredCashMargin", None, &|| {
        let revenue_sum = sum_of("incrementalRevenue", 1..=h);
        let equation = format!(
            "cumulativeNet[{h}] = sum_{{t=1..{h}}} (incrementalRevenue[t] * m - capex[t]) = 0"
        );
        match p.required_cash_margin {
            Some(_) => Formula::because(
                Reason::MarginRoot,
                &[
                    &format_args!(
                        "requiredCashMargin = ({}) / ({revenue_sum})",
                        sum_of("capex", 1..=h)
                    ),
                    &"m",
                    &equation,
                ],
            )
            .year_inputs("capex", 1..=h, "capex.rmbBn", capex),
            None => Formula::because(
                Reason::NoMargin,
                &[
                    &"requiredCashMargin = null",
                    &format_args!("{revenue_sum} <= 0"),
                    &"m",
                    &equation,
                ],
            ),
        }
        .year_outputs(
            "incrementalRevenue",
            1..=h,
            "capex.incrementalRevenue",
            &p.incremental_revenue,
        )
    });
    Ok(p)
}

/// How a running sum of flows recovers, for the explanation of a payback.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Recovery {
    /// Never negative: the payback is 0.
    Always,
    /// Non-negative from year t* (1-based) through the last year.
    From(usize),
    /// Still negative in the last year: no payback.
    Never,
}

/// Fractional years until the running sum of `flows` (year t at index t-1,
/// starting from 0 at year 0) turns non-negative and stays so through the
/// last year: with t* the first such year, `(t*-1) + (-cum[t*-1]) / flows[t*]`.
/// 0 when the sum is never negative; `None` when it ends negative.
///
/// # Errors
/// [`ModelError::Overflow`] naming `field` if the running sum overflows.
pub fn payback_years(flows: &[Decimal], field: &'static str) -> Result<Option<Decimal>> {
    payback_of(
        &flows.iter().map(|&flow| c(flow)).collect::<Vec<_>>(),
        field,
    )
    .map(|(years, _)| years)
}

/// [`payback_years`] of computed flows, each with its error bound, and how
/// the running sum recovered.
fn payback_of(flows: &[Checked], field: &'static str) -> Result<(Option<Decimal>, Recovery)> {
    let overflow = || field.to_string();
    let mut cumulative = c(Decimal::ZERO);
    // The last year whose running sum is negative, and that sum.
    let mut last_negative: Option<(usize, Checked)> = None;
    for (index, &flow) in flows.iter().enumerate() {
        cumulative = (cumulative + flow).kept(overflow)?;
        if cumulative.value().is_some_and(|sum| sum < Decimal::ZERO) {
            last_negative = Some((index + 1, cumulative));
        }
    }
    match last_negative {
        None => Ok((Some(Decimal::ZERO), Recovery::Always)),
        Some((t, _)) if t == flows.len() => Ok((None, Recovery::Never)),
        // flows[t] (year t+1) lifts the sum from below zero to at least zero, so it is positive.
        Some((t, sum)) => Ok((
            Some((-sum / flows[t] + Decimal::from(t)).or_overflow(overflow)?),
            Recovery::From(t + 1),
        )),
    }
}

/// Why the IRR is what it is, for its explanation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Irr {
    /// The root was found in the search interval.
    Found,
    /// The non-zero flows change sign this many times (not once).
    SignChanges(usize),
    /// No root inside the search interval.
    NoRoot,
}

/// `(1 + rate)^t` for t = 0, 1, 2, …, each from the one before by one
/// checked multiplication: the factors of [`npv`] and of compute's NPV and
/// discounted payback (year t at factor t), so both discount alike, digit
/// for digit.
pub fn discount_factors(rate: Decimal) -> impl Iterator<Item = Checked> {
    let step = Decimal::ONE + rate;
    std::iter::successors(Some(c(Decimal::ONE)), move |&factor| Some(factor * step))
}

/// `flow / factor`, checked, naming `field` if it overflows or loses precision.
fn present_value(flow: Checked, factor: Checked, field: &'static str) -> Result<Checked> {
    (flow / factor).kept(|| field.to_string())
}

/// The net present value of `flows` at `rate`: `sum_t flows[t] / (1+rate)^t`
/// for t = 0..n-1. **Index 0 is now**: `flows[0]` is not discounted, and
/// `flows[t]` arrives t periods later (numpy-financial's `npv`; Excel's
/// `NPV(rate, v1, …)` discounts its first value by one period, so it equals
/// `npv(rate, [0, v1, …])`). Compute's `npvRmbBn` is this on
/// `[0, netCashFlow[1], …, netCashFlow[H]]`.
///
/// Exact up to Decimal's 28 significant digits: each term is one division
/// by a factor of [`discount_factors`], within [`crate::checked::TOLERANCE`]
/// or refused.
///
/// # Errors
/// [`ModelError::Overflow`] naming `field` when a term or the sum does not
/// fit a Decimal (or `1 + rate` is zero).
pub fn npv(rate: Decimal, flows: &[Decimal], field: &'static str) -> Result<Decimal> {
    let mut sum = c(Decimal::ZERO);
    for (&flow, factor) in flows.iter().zip(discount_factors(rate)) {
        sum = sum + present_value(c(flow), factor, field)?;
    }
    sum.or_overflow(|| field.to_string())
}

/// The internal rate of return of `flows`: the r in (-0.99, 10) with
/// `sum_t flows[t] / (1+r)^t = 0`, t = 0..n-1 (index 0 is now, as in
/// [`npv`]), reported only when the non-zero flows change sign exactly
/// once; `None` otherwise, or when the root lies outside. Shifting every
/// flow by the same number of periods leaves the root unchanged, so
/// compute's `irr` is this on `netCashFlow[1..=H]` (year 1 at index 0).
/// Within [`crate::solve::TOLERANCE`] (1e-13) of the root.
///
/// # Errors
/// [`ModelError::Overflow`] naming `field` if the search overflows a
/// Decimal (long lists of flows whose future value at 1 + r = 11 does not fit).
pub fn irr(flows: &[Decimal], field: &'static str) -> Result<Option<Decimal>> {
    irr_of(flows, field).map(|(irr, _)| irr)
}

/// [`irr`], and why it is what it is.
fn irr_of(flows: &[Decimal], field: &'static str) -> Result<(Option<Decimal>, Irr)> {
    let signs: Vec<bool> = flows
        .iter()
        .filter(|f| !f.is_zero())
        .map(|f| f.is_sign_negative())
        .collect();
    let sign_changes = signs.windows(2).filter(|pair| pair[0] != pair[1]).count();
    if sign_changes != 1 {
        return Ok((None, Irr::SignChanges(sign_changes)));
    }
    // Future value at the last index n-1: sum flows[t] x^(n-1-t), x = 1 + r; ascending powers are the flows reversed.
    let future_value = Polynomial::new(flows.iter().rev().copied().collect());
    let (lo, hi) = (Decimal::ONE + IRR_SEARCH.0, Decimal::ONE + IRR_SEARCH.1);
    match root_in(&future_value, lo, hi) {
        Root::At(x) if x > lo && x < hi => Ok((Some(x - Decimal::ONE), Irr::Found)),
        Root::At(_) | Root::Outside { .. } => Ok((None, Irr::NoRoot)),
        Root::Overflow => Err(ModelError::Overflow {
            field: field.to_string(),
        }),
    }
}
