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

use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde::Serialize;

use crate::checked::{c, carried, Checked};
use crate::error::{ModelError, Result};
use crate::number::output;
use crate::revenue::RevenuePath;
use crate::scenario::{entry_path, Scenario};
use crate::solve::{root_in, Polynomial, Root};

/// The IRR is searched in this open interval.
pub const IRR_SEARCH: (Decimal, Decimal) = (dec!(-0.99), dec!(10));

/// Payback figures by year t = 1..H (index t-1), RMB bn unless named otherwise.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Payback {
    /// Capital expenditure of each year (the year array, padded).
    #[serde(serialize_with = "output")]
    pub capex_rmb_bn: Vec<Decimal>,
    /// Total revenue minus year-0 revenue.
    #[serde(serialize_with = "output")]
    pub incremental_revenue: Vec<Decimal>,
    /// Incremental revenue times the incremental cash margin.
    #[serde(serialize_with = "output")]
    pub cash_inflow: Vec<Decimal>,
    /// Cash inflow minus capex.
    #[serde(serialize_with = "output")]
    pub net_cash_flow: Vec<Decimal>,
    /// Net cash flow summed over years 1..t.
    #[serde(serialize_with = "output")]
    pub cumulative_net: Vec<Decimal>,
    /// Straight-line depreciation of the capex of years 1..t still in its life.
    #[serde(serialize_with = "output")]
    pub depreciation: Vec<Decimal>,
    /// Year-0 EBITA plus cash inflow minus new depreciation.
    #[serde(serialize_with = "output")]
    pub ebita: Vec<Decimal>,
    /// EBITA / total revenue, a fraction.
    #[serde(serialize_with = "output")]
    pub ebita_margin: Vec<Decimal>,
    /// Years until cumulative net cash turns non-negative for good,
    /// interpolated within the year; 0 when it is never negative; `None`
    /// when it is still negative at H.
    #[serde(serialize_with = "output")]
    pub payback_years: Option<Decimal>,
    /// The same on net cash flows discounted at the discount rate.
    #[serde(serialize_with = "output")]
    pub discounted_payback_years: Option<Decimal>,
    /// Net present value of the net cash flows at the discount rate.
    #[serde(serialize_with = "output")]
    pub npv_rmb_bn: Decimal,
    /// Internal rate of return, a fraction in (-0.99, 10); `None` unless the
    /// non-zero net flows change sign exactly once and the root lies there.
    #[serde(serialize_with = "output")]
    pub irr: Option<Decimal>,
    /// The incremental cash margin at which cumulative net cash at H is zero;
    /// `None` when incremental revenue sums to zero or less.
    #[serde(serialize_with = "output")]
    pub required_cash_margin: Option<Decimal>,
}

/// Computes the payback of a valid scenario on its revenue path.
///
/// # Errors
/// [`ModelError::Overflow`] naming the first output that does not fit.
pub fn payback(s: &Scenario, revenue: &RevenuePath) -> Result<Payback> {
    let h = s.horizon();
    let at = |name: &'static str, t: usize| move || entry_path(name, t - 1);
    let margin = s.capex.incremental_cash_margin;
    let life = s.capex.asset_life_years as usize;
    let capex_rmb_bn: Vec<Decimal> = (1..=h).map(|t| s.capex.rmb_bn.at(t)).collect();

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
    let (mut cumulative, mut npv, mut growth_factor) =
        (c(Decimal::ZERO), c(Decimal::ZERO), c(Decimal::ONE));
    let mut incremental_sum = c(Decimal::ZERO);
    for t in 1..=h {
        let total = carried(
            revenue.total[t - 1],
            revenue.total_error.get(t - 1).copied().unwrap_or(0.0),
        );
        let incremental =
            (total - s.revenue.base_rmb_bn).kept(at("capex.incrementalRevenue", t))?;
        let inflow = (incremental * margin).kept(at("capex.cashInflow", t))?;
        let net = (inflow - capex_rmb_bn[t - 1]).kept(at("capex.netCashFlow", t))?;
        cumulative = (cumulative + net).kept(at("capex.cumulativeNet", t))?;
        let in_life = &capex_rmb_bn[t.saturating_sub(life)..t];
        let depreciation = (in_life.iter().fold(c(Decimal::ZERO), |sum, &k| sum + k)
            / Decimal::from(life))
        .kept(at("capex.depreciation", t))?;
        let ebita =
            (c(s.capex.base_ebita_rmb_bn) + inflow - depreciation).kept(at("capex.ebita", t))?;
        growth_factor = growth_factor * (Decimal::ONE + s.capex.discount_rate);
        let present = (net / growth_factor).kept(|| "capex.npvRmbBn".into())?;
        npv = npv + present;
        incremental_sum = incremental_sum + incremental;

        let value = |checked: Checked| checked.value().unwrap_or_default();
        p.incremental_revenue.push(value(incremental));
        p.cash_inflow.push(value(inflow));
        p.net_cash_flow.push(value(net));
        p.cumulative_net.push(value(cumulative));
        p.depreciation.push(value(depreciation));
        p.ebita.push(value(ebita));
        p.ebita_margin
            .push((ebita / total).or_overflow(at("capex.ebitaMargin", t))?);
        flows.push(net);
        discounted.push(present);
    }
    p.npv_rmb_bn = npv.or_overflow(|| "capex.npvRmbBn".into())?;
    p.payback_years = payback_of(&flows, "capex.paybackYears")?;
    p.discounted_payback_years = payback_of(&discounted, "capex.discountedPaybackYears")?;
    p.irr = irr(&p.net_cash_flow)?;
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
    Ok(p)
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
}

/// [`payback_years`] of computed flows, each with its error bound.
fn payback_of(flows: &[Checked], field: &'static str) -> Result<Option<Decimal>> {
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
        None => Ok(Some(Decimal::ZERO)),
        Some((t, _)) if t == flows.len() => Ok(None),
        // flows[t] (year t+1) lifts the sum from below zero to at least zero, so it is positive.
        Some((t, sum)) => Ok(Some(
            (-sum / flows[t] + Decimal::from(t)).or_overflow(overflow)?,
        )),
    }
}

/// The internal rate of return of end-of-year `flows` (year t at index
/// t-1): the r in (-0.99, 10) with `sum flows[t] / (1+r)^t = 0`, reported
/// only when the non-zero flows change sign exactly once.
///
/// # Errors
/// [`ModelError::Overflow`] naming `capex.irr` if the search overflows.
pub fn irr(flows: &[Decimal]) -> Result<Option<Decimal>> {
    let signs: Vec<bool> = flows
        .iter()
        .filter(|f| !f.is_zero())
        .map(|f| f.is_sign_negative())
        .collect();
    let sign_changes = signs.windows(2).filter(|pair| pair[0] != pair[1]).count();
    if sign_changes != 1 {
        return Ok(None);
    }
    // Future value at H: sum flows[t] x^(H-t), x = 1 + r; ascending powers are the flows reversed.
    let future_value = Polynomial::new(flows.iter().rev().copied().collect());
    let (lo, hi) = (Decimal::ONE + IRR_SEARCH.0, Decimal::ONE + IRR_SEARCH.1);
    match root_in(&future_value, lo, hi) {
        Root::At(x) if x > lo && x < hi => Ok(Some(x - Decimal::ONE)),
        Root::At(_) | Root::Outside { .. } => Ok(None),
        Root::Overflow => Err(ModelError::Overflow {
            field: "capex.irr".to_string(),
        }),
    }
}
