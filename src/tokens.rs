//! Token economics: the price of a million tokens against the cost of
//! serving them on a fleet that mixes imported and in-house accelerators,
//! and the fleet that the platform's token volume needs.
//!
//! ```text
//! f[t] = inHouseShare[t]                 hours = 8760
//! price[t] = price0 * prod_{k<=t} (1 + priceChange[k])
//! tps[t] = tps0 * prod_{k<=t} (1 + throughputGain[k])   tpsFleet[t] = tps[t] * ((1-f) + f * inHousePerfRatio)
//! hwImported = acceleratorCost / (life * hours)          hwInHouse = hwImported * inHouseCostRatio
//! costPerHour[t] = (1-f) hwImported + f hwInHouse + powerKw * electricity + otherOpex
//! tokensPerAccHour[t] = tpsFleet[t] * 3600 * utilization
//! costRmbPerMTok[t] = costPerHour[t] / (tokensPerAccHour[t] / 1e6)
//! grossMargin[t] = (price[t] - cost[t]) / price[t]
//! breakevenUtilization[t] = costPerHour[t] / (tpsFleet[t] * 3600 * price[t] / 1e6)
//! tokensPerDay[t] = tokensPerDay0 * prod_{k<=t} (1 + volumeGrowth[k])   tokensPerYear = 365 * tokensPerDay
//! maasRevenue[t] = tokensPerYear[t] * price[t] / 1000    maasGrossProfit[t] = maasRevenue[t] * grossMargin[t]
//! acceleratorsNeeded[t] = tokensPerYear[t] * 1e12 / (tokensPerAccHour[t] * hours)
//! acceleratorCapex[t] = max(0, needed[t] - needed[t-1]) * acceleratorCost * ((1-f) + f inHouseCostRatio) / 1e9
//! ```
//! Each is evaluated in an order that keeps intermediates within Decimal
//! range whenever the output fits (divide before multiplying by 1e12).
//! Simplifications: retired accelerators are not replaced; new ones are
//! bought at the fleet mix `f[t]`; accelerator capex is shown beside
//! `capex.rmbBn`, not added to it.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde::Serialize;

use crate::checked::{c, Checked};
use crate::error::Result;
use crate::number::output;
use crate::revenue::RevenuePath;
use crate::scenario::{entry_path, Scenario};
use crate::Warning;

/// Hours in a year.
pub const HOURS_PER_YEAR: Decimal = dec!(8760);
const SECONDS_PER_HOUR: Decimal = dec!(3600);
const DAYS_PER_YEAR: Decimal = dec!(365);
const MILLION: Decimal = dec!(1000000);
const THOUSAND: Decimal = dec!(1000);
const BILLION: Decimal = dec!(1000000000);
const TRILLION: Decimal = dec!(1000000000000);

/// Token economics by year t = 1..H (index t-1); RMB unless named otherwise.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TokenEconomics {
    /// Hardware cost of an imported accelerator per hour of its life.
    #[serde(serialize_with = "output")]
    pub hw_imported: Decimal,
    /// Hardware cost of an in-house accelerator per hour of its life.
    #[serde(serialize_with = "output")]
    pub hw_in_house: Decimal,
    /// Blended price per million tokens.
    #[serde(serialize_with = "output")]
    pub price: Vec<Decimal>,
    /// Tokens per second of an imported accelerator.
    #[serde(serialize_with = "output")]
    pub tps: Vec<Decimal>,
    /// Tokens per second of the average accelerator of the fleet mix.
    #[serde(serialize_with = "output")]
    pub tps_fleet: Vec<Decimal>,
    /// Cost of an accelerator-hour at the fleet mix: hardware, power, other opex.
    #[serde(serialize_with = "output")]
    pub cost_per_hour: Vec<Decimal>,
    /// Tokens served per accelerator-hour at the utilization.
    #[serde(serialize_with = "output")]
    pub tokens_per_acc_hour: Vec<Decimal>,
    /// Serving cost per million tokens.
    #[serde(serialize_with = "output")]
    pub cost_rmb_per_m_tok: Vec<Decimal>,
    /// (price - cost) / price, a fraction.
    #[serde(serialize_with = "output")]
    pub gross_margin: Vec<Decimal>,
    /// Utilization at which price covers cost (above 1: none does).
    #[serde(serialize_with = "output")]
    pub breakeven_utilization: Vec<Decimal>,
    /// Platform volume, trillions of tokens per day.
    #[serde(serialize_with = "output")]
    pub tokens_per_day: Vec<Decimal>,
    /// Platform volume, trillions of tokens per year.
    #[serde(serialize_with = "output")]
    pub tokens_per_year_trillions: Vec<Decimal>,
    /// Model-as-a-service revenue implied by the volume, RMB bn.
    #[serde(serialize_with = "output")]
    pub maas_revenue_rmb_bn: Vec<Decimal>,
    /// MaaS revenue times the gross margin, RMB bn.
    #[serde(serialize_with = "output")]
    pub maas_gross_profit_rmb_bn: Vec<Decimal>,
    /// Accelerators needed in year 0, from the year-0 volume and throughput at `f[1]`.
    #[serde(serialize_with = "output")]
    pub accelerators_needed_base: Decimal,
    /// Accelerators needed to serve the volume.
    #[serde(serialize_with = "output")]
    pub accelerators_needed: Vec<Decimal>,
    /// Capex for the accelerators added in the year, RMB bn.
    #[serde(serialize_with = "output")]
    pub accelerator_capex_rmb_bn: Vec<Decimal>,
}

/// Computes the token economics of a valid scenario, with a warning for
/// each year whose MaaS revenue exceeds the AI revenue line.
///
/// # Errors
/// [`crate::ModelError::Overflow`] naming the first output that does not fit.
pub fn token_economics(
    s: &Scenario,
    revenue: &RevenuePath,
) -> Result<(TokenEconomics, Vec<Warning>)> {
    let tk = &s.tokens;
    let h = s.horizon();
    let at = |name: &'static str, t: usize| move || entry_path(name, t - 1);
    let life_hours = c(Decimal::from(tk.accelerator_life_years)) * HOURS_PER_YEAR;
    let hw_imported =
        (c(tk.accelerator_cost_rmb) / life_hours).kept(|| "tokens.hwImported".into())?;
    let hw_in_house = (hw_imported * tk.in_house_cost_ratio).kept(|| "tokens.hwInHouse".into())?;
    let power_cost = (c(tk.power_kw) * tk.electricity_rmb_per_kwh + tk.other_opex_rmb_per_hour)
        .kept(|| "tokens.costPerHour".into())?;
    // The fleet's average per-accelerator throughput and unit cost relative to imported ones.
    let perf_mix = |f: Decimal| c(Decimal::ONE - f) + c(f) * tk.in_house_perf_ratio;
    let cost_mix = |f: Decimal| c(Decimal::ONE - f) + c(f) * tk.in_house_cost_ratio;
    // Accelerators for a daily volume (trillions) at a per-accelerator-hour
    // throughput: divided before multiplying by 1e12, so that no intermediate overflows.
    let needed = |per_day: Checked, per_acc_hour: Checked| {
        per_day * DAYS_PER_YEAR / (per_acc_hour * HOURS_PER_YEAR) * TRILLION
    };

    let base_per_acc_hour = c(tk.tokens_per_second)
        * perf_mix(tk.in_house_share.at(1))
        * SECONDS_PER_HOUR
        * tk.utilization;
    let needed_base = needed(c(tk.tokens_per_day_trillions), base_per_acc_hour)
        .kept(|| "tokens.acceleratorsNeededBase".into())?;
    let value = |checked: Checked| checked.value().unwrap_or_default();

    let mut e = TokenEconomics {
        hw_imported: value(hw_imported),
        hw_in_house: value(hw_in_house),
        price: Vec::with_capacity(h),
        tps: Vec::with_capacity(h),
        tps_fleet: Vec::with_capacity(h),
        cost_per_hour: Vec::with_capacity(h),
        tokens_per_acc_hour: Vec::with_capacity(h),
        cost_rmb_per_m_tok: Vec::with_capacity(h),
        gross_margin: Vec::with_capacity(h),
        breakeven_utilization: Vec::with_capacity(h),
        tokens_per_day: Vec::with_capacity(h),
        tokens_per_year_trillions: Vec::with_capacity(h),
        maas_revenue_rmb_bn: Vec::with_capacity(h),
        maas_gross_profit_rmb_bn: Vec::with_capacity(h),
        accelerators_needed_base: value(needed_base),
        accelerators_needed: Vec::with_capacity(h),
        accelerator_capex_rmb_bn: Vec::with_capacity(h),
    };
    let mut warnings = Vec::new();
    let (mut price, mut tps, mut per_day) = (
        c(tk.price_rmb_per_m_tok),
        c(tk.tokens_per_second),
        c(tk.tokens_per_day_trillions),
    );
    let mut previous_needed = needed_base;
    for t in 1..=h {
        let f = tk.in_house_share.at(t);
        price = (price * (Decimal::ONE + tk.price_change.at(t))).kept(at("tokens.price", t))?;
        tps = (tps * (Decimal::ONE + tk.throughput_gain.at(t))).kept(at("tokens.tps", t))?;
        let tps_fleet = (tps * perf_mix(f)).kept(at("tokens.tpsFleet", t))?;
        let cost_per_hour = (c(Decimal::ONE - f) * hw_imported + c(f) * hw_in_house + power_cost)
            .kept(at("tokens.costPerHour", t))?;
        let per_acc_hour = (tps_fleet * SECONDS_PER_HOUR * tk.utilization)
            .kept(at("tokens.tokensPerAccHour", t))?;
        let cost = (cost_per_hour * MILLION / per_acc_hour).kept(at("tokens.costRmbPerMTok", t))?;
        let margin = ((price - cost) / price).kept(at("tokens.grossMargin", t))?;
        let breakeven = (cost_per_hour * MILLION / (tps_fleet * SECONDS_PER_HOUR) / price)
            .kept(at("tokens.breakevenUtilization", t))?;
        per_day = (per_day * (Decimal::ONE + tk.volume_growth.at(t)))
            .kept(at("tokens.tokensPerDay", t))?;
        let per_year = (per_day * DAYS_PER_YEAR).kept(at("tokens.tokensPerYearTrillions", t))?;
        let maas = (per_year / THOUSAND * price).kept(at("tokens.maasRevenueRmbBn", t))?;
        // maas * margin, as volume times (price - cost): the same number,
        // without multiplying a revenue that has shrunk to a few digits by a
        // margin that has grown huge.
        let maas_profit =
            (per_year / THOUSAND * (price - cost)).kept(at("tokens.maasGrossProfitRmbBn", t))?;
        let needed_t = needed(per_day, per_acc_hour).kept(at("tokens.acceleratorsNeeded", t))?;
        let added = (needed_t - previous_needed).at_least_zero();
        let accelerator_capex = (added / BILLION * tk.accelerator_cost_rmb * cost_mix(f))
            .kept(at("tokens.acceleratorCapexRmbBn", t))?;
        previous_needed = needed_t;

        let (maas, ai) = (value(maas), revenue.ai[t - 1]);
        if maas > ai {
            warnings.push(Warning {
                field: entry_path("tokens.maasRevenueRmbBn", t - 1),
                message: format!(
                    "FY{}: the token volume implies MaaS revenue of RMB{}bn, more than the AI revenue line (RMB{}bn)",
                    s.base_fiscal_year + t as u32,
                    maas.round_dp(1),
                    ai.round_dp(1)
                ),
            });
        }
        e.price.push(value(price));
        e.tps.push(value(tps));
        e.tps_fleet.push(value(tps_fleet));
        e.cost_per_hour.push(value(cost_per_hour));
        e.tokens_per_acc_hour.push(value(per_acc_hour));
        e.cost_rmb_per_m_tok.push(value(cost));
        e.gross_margin.push(value(margin));
        e.breakeven_utilization.push(value(breakeven));
        e.tokens_per_day.push(value(per_day));
        e.tokens_per_year_trillions.push(value(per_year));
        e.maas_revenue_rmb_bn.push(maas);
        e.maas_gross_profit_rmb_bn.push(value(maas_profit));
        e.accelerators_needed.push(value(needed_t));
        e.accelerator_capex_rmb_bn.push(value(accelerator_capex));
    }
    Ok((e, warnings))
}
