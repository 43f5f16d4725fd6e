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

use crate::checked::{c, Checked};
use crate::error::Result;
use crate::number::DecimalText;
use crate::revenue::RevenuePath;
use crate::scenario::{entry_path, Scenario};
use crate::text::joined;
use crate::trace::{Formula, Trace, Untraced};
use crate::Warning;
use crate::{Figure, Figures};

/// Hours in a year.
pub const HOURS_PER_YEAR: Decimal = dec!(8760);
const SECONDS_PER_HOUR: Decimal = dec!(3600);
const DAYS_PER_YEAR: Decimal = dec!(365);
const MILLION: Decimal = dec!(1000000);
const THOUSAND: Decimal = dec!(1000);
const BILLION: Decimal = dec!(1000000000);
const TRILLION: Decimal = dec!(1000000000000);

/// Token economics by year t = 1..H (index t-1); RMB unless named otherwise.
#[derive(Debug, Clone, PartialEq)]
pub struct TokenEconomics {
    /// Hardware cost of an imported accelerator per hour of its life.
    pub hw_imported: Decimal,
    /// Hardware cost of an in-house accelerator per hour of its life.
    pub hw_in_house: Decimal,
    /// Blended price per million tokens.
    pub price: Vec<Decimal>,
    /// Tokens per second of an imported accelerator.
    pub tps: Vec<Decimal>,
    /// Tokens per second of the average accelerator of the fleet mix.
    pub tps_fleet: Vec<Decimal>,
    /// Cost of an accelerator-hour at the fleet mix: hardware, power, other opex.
    pub cost_per_hour: Vec<Decimal>,
    /// Tokens served per accelerator-hour at the utilization.
    pub tokens_per_acc_hour: Vec<Decimal>,
    /// Serving cost per million tokens.
    pub cost_rmb_per_m_tok: Vec<Decimal>,
    /// (price - cost) / price, a fraction.
    pub gross_margin: Vec<Decimal>,
    /// Utilization at which price covers cost (above 1: none does).
    pub breakeven_utilization: Vec<Decimal>,
    /// Platform volume, trillions of tokens per day.
    pub tokens_per_day: Vec<Decimal>,
    /// Platform volume, trillions of tokens per year.
    pub tokens_per_year_trillions: Vec<Decimal>,
    /// Model-as-a-service revenue implied by the volume, RMB bn.
    pub maas_revenue_rmb_bn: Vec<Decimal>,
    /// MaaS revenue times the gross margin, RMB bn.
    pub maas_gross_profit_rmb_bn: Vec<Decimal>,
    /// Accelerators needed in year 0, from the year-0 volume and throughput at `f[1]`.
    pub accelerators_needed_base: Decimal,
    /// Accelerators needed to serve the volume.
    pub accelerators_needed: Vec<Decimal>,
    /// Capex for the accelerators added in the year, RMB bn.
    pub accelerator_capex_rmb_bn: Vec<Decimal>,
}

impl TokenEconomics {
    /// The outputs in the order `compute` writes them (see [`Figure`]).
    pub fn figures(&self) -> Figures<'_, 17> {
        [
            ("hwImported", Figure::Number(Some(self.hw_imported))),
            ("hwInHouse", Figure::Number(Some(self.hw_in_house))),
            ("price", Figure::Series(&self.price)),
            ("tps", Figure::Series(&self.tps)),
            ("tpsFleet", Figure::Series(&self.tps_fleet)),
            ("costPerHour", Figure::Series(&self.cost_per_hour)),
            (
                "tokensPerAccHour",
                Figure::Series(&self.tokens_per_acc_hour),
            ),
            ("costRmbPerMTok", Figure::Series(&self.cost_rmb_per_m_tok)),
            ("grossMargin", Figure::Series(&self.gross_margin)),
            (
                "breakevenUtilization",
                Figure::Series(&self.breakeven_utilization),
            ),
            ("tokensPerDay", Figure::Series(&self.tokens_per_day)),
            (
                "tokensPerYearTrillions",
                Figure::Series(&self.tokens_per_year_trillions),
            ),
            (
                "maasRevenueRmbBn",
                Figure::Series(&self.maas_revenue_rmb_bn),
            ),
            (
                "maasGrossProfitRmbBn",
                Figure::Series(&self.maas_gross_profit_rmb_bn),
            ),
            (
                "acceleratorsNeededBase",
                Figure::Number(Some(self.accelerators_needed_base)),
            ),
            (
                "acceleratorsNeeded",
                Figure::Series(&self.accelerators_needed),
            ),
            (
                "acceleratorCapexRmbBn",
                Figure::Series(&self.accelerator_capex_rmb_bn),
            ),
        ]
    }
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
    token_economics_traced(s, revenue, &mut Untraced)
}

/// [`token_economics`], offering each output's explanation to `trace`
/// where it is computed ([`crate::trace`]).
///
/// # Errors
/// As [`token_economics`].
pub fn token_economics_traced(
    s: &Scenario,
    revenue: &RevenuePath,
    trace: &mut dyn Trace,
) -> Result<(TokenEconomics, Vec<Warning>)> {
    let tk = &s.tokens;
    let h = s.horizon();
    let at = |name: &'static str, t: usize| move || entry_path(name, t - 1);
    let life_hours = c(Decimal::from(tk.accelerator_life_years)) * HOURS_PER_YEAR;
    let hw_imported =
        (c(tk.accelerator_cost_rmb) / life_hours).kept(|| "tokens.hwImported".into())?;
    trace.offer("tokens.hwImported", None, &|| {
        Formula::new("hwImported = acceleratorCostRmb / (acceleratorLifeYears * 8760)")
            .input(
                "acceleratorCostRmb",
                "tokens.acceleratorCostRmb",
                tk.accelerator_cost_rmb,
            )
            .integer(
                "acceleratorLifeYears",
                "tokens.acceleratorLifeYears",
                tk.accelerator_life_years,
            )
    });
    let hw_in_house = (hw_imported * tk.in_house_cost_ratio).kept(|| "tokens.hwInHouse".into())?;
    trace.offer("tokens.hwInHouse", None, &|| {
        Formula::new("hwInHouse = hwImported * inHouseCostRatio")
            .output("hwImported", "tokens.hwImported", hw_imported.or_zero())
            .input(
                "inHouseCostRatio",
                "tokens.inHouseCostRatio",
                tk.in_house_cost_ratio,
            )
    });
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
    let share = |formula: Formula, t: usize| {
        formula.year_input("f", t, "tokens.inHouseShare", &tk.in_house_share)
    };

    let base_per_acc_hour = c(tk.tokens_per_second)
        * perf_mix(tk.in_house_share.at(1))
        * SECONDS_PER_HOUR
        * tk.utilization;
    let needed_base = needed(c(tk.tokens_per_day_trillions), base_per_acc_hour)
        .kept(|| "tokens.acceleratorsNeededBase".into())?;
    trace.offer("tokens.acceleratorsNeededBase", None, &|| {
        let formula = Formula::new(
            "acceleratorsNeededBase = 365 * tokensPerDayTrillions * 1e12 / (tokensPerSecond * ((1 - f[1]) + f[1] * inHousePerfRatio) * 3600 * utilization * 8760)",
        )
        .input("tokensPerDayTrillions", "tokens.tokensPerDayTrillions", tk.tokens_per_day_trillions)
        .input("tokensPerSecond", "tokens.tokensPerSecond", tk.tokens_per_second);
        share(formula, 1)
            .input("inHousePerfRatio", "tokens.inHousePerfRatio", tk.in_house_perf_ratio)
            .input("utilization", "tokens.utilization", tk.utilization)
    });
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
    // `start * (1 + change[1]) * ... * (1 + change[t])`, written out.
    let product = |start: &str, change: &str, t: usize| {
        joined(
            std::iter::once(start.to_string())
                .chain((1..=t).map(|k| format!("(1 + {change}[{k}])"))),
            " * ",
        )
    };
    for t in 1..=h {
        let i = Some(t - 1);
        let f = tk.in_house_share.at(t);
        price = (price * (Decimal::ONE + tk.price_change.at(t))).kept(at("tokens.price", t))?;
        e.price.push(value(price));
        trace.offer("tokens.price", i, &|| {
            Formula::new(format!(
                "price[{t}] = {}",
                product("priceRmbPerMTok", "priceChange", t)
            ))
            .input(
                "priceRmbPerMTok",
                "tokens.priceRmbPerMTok",
                tk.price_rmb_per_m_tok,
            )
            .year_inputs("priceChange", 1..=t, "tokens.priceChange", &tk.price_change)
        });
        tps = (tps * (Decimal::ONE + tk.throughput_gain.at(t))).kept(at("tokens.tps", t))?;
        e.tps.push(value(tps));
        trace.offer("tokens.tps", i, &|| {
            Formula::new(format!(
                "tps[{t}] = {}",
                product("tokensPerSecond", "throughputGain", t)
            ))
            .input(
                "tokensPerSecond",
                "tokens.tokensPerSecond",
                tk.tokens_per_second,
            )
            .year_inputs(
                "throughputGain",
                1..=t,
                "tokens.throughputGain",
                &tk.throughput_gain,
            )
        });
        let tps_fleet = (tps * perf_mix(f)).kept(at("tokens.tpsFleet", t))?;
        e.tps_fleet.push(value(tps_fleet));
        trace.offer("tokens.tpsFleet", i, &|| {
            let formula = Formula::new(format!(
                "tpsFleet[{t}] = tps[{t}] * ((1 - f[{t}]) + f[{t}] * inHousePerfRatio)"
            ))
            .year_output("tps", t, "tokens.tps", &e.tps);
            share(formula, t).input(
                "inHousePerfRatio",
                "tokens.inHousePerfRatio",
                tk.in_house_perf_ratio,
            )
        });
        let cost_per_hour = (c(Decimal::ONE - f) * hw_imported + c(f) * hw_in_house + power_cost)
            .kept(at("tokens.costPerHour", t))?;
        e.cost_per_hour.push(value(cost_per_hour));
        trace.offer("tokens.costPerHour", i, &|| {
            let formula = Formula::new(format!(
                "costPerHour[{t}] = (1 - f[{t}]) * hwImported + f[{t}] * hwInHouse + powerKw * electricityRmbPerKwh + otherOpexRmbPerHour"
            ));
            share(formula, t)
                .output("hwImported", "tokens.hwImported", e.hw_imported)
                .output("hwInHouse", "tokens.hwInHouse", e.hw_in_house)
                .input("powerKw", "tokens.powerKw", tk.power_kw)
                .input(
                    "electricityRmbPerKwh",
                    "tokens.electricityRmbPerKwh",
                    tk.electricity_rmb_per_kwh,
                )
                .input(
                    "otherOpexRmbPerHour",
                    "tokens.otherOpexRmbPerHour",
                    tk.other_opex_rmb_per_hour,
                )
        });
        let per_acc_hour = (tps_fleet * SECONDS_PER_HOUR * tk.utilization)
            .kept(at("tokens.tokensPerAccHour", t))?;
        e.tokens_per_acc_hour.push(value(per_acc_hour));
        trace.offer("tokens.tokensPerAccHour", i, &|| {
            Formula::new(format!(
                "tokensPerAccHour[{t}] = tpsFleet[{t}] * 3600 * utilization"
            ))
            .year_output("tpsFleet", t, "tokens.tpsFleet", &e.tps_fleet)
            .input("utilization", "tokens.utilization", tk.utilization)
        });
        let cost = (cost_per_hour * MILLION / per_acc_hour).kept(at("tokens.costRmbPerMTok", t))?;
        e.cost_rmb_per_m_tok.push(value(cost));
        trace.offer("tokens.costRmbPerMTok", i, &|| {
            Formula::new(format!(
                "costRmbPerMTok[{t}] = costPerHour[{t}] / (tokensPerAccHour[{t}] / 1e6)"
            ))
            .year_output("costPerHour", t, "tokens.costPerHour", &e.cost_per_hour)
            .year_output(
                "tokensPerAccHour",
                t,
                "tokens.tokensPerAccHour",
                &e.tokens_per_acc_hour,
            )
        });
        let margin = ((price - cost) / price).kept(at("tokens.grossMargin", t))?;
        e.gross_margin.push(value(margin));
        trace.offer("tokens.grossMargin", i, &|| {
            Formula::new(format!(
                "grossMargin[{t}] = (price[{t}] - costRmbPerMTok[{t}]) / price[{t}]"
            ))
            .year_output("price", t, "tokens.price", &e.price)
            .year_output(
                "costRmbPerMTok",
                t,
                "tokens.costRmbPerMTok",
                &e.cost_rmb_per_m_tok,
            )
        });
        let breakeven = (cost_per_hour * MILLION / (tps_fleet * SECONDS_PER_HOUR) / price)
            .kept(at("tokens.breakevenUtilization", t))?;
        e.breakeven_utilization.push(value(breakeven));
        trace.offer("tokens.breakevenUtilization", i, &|| {
            Formula::new(format!(
                "breakevenUtilization[{t}] = costPerHour[{t}] / (tpsFleet[{t}] * 3600 * price[{t}] / 1e6)"
            ))
            .year_output("costPerHour", t, "tokens.costPerHour", &e.cost_per_hour)
            .year_output("tpsFleet", t, "tokens.tpsFleet", &e.tps_fleet)
            .year_output("price", t, "tokens.price", &e.price)
        });
        per_day = (per_day * (Decimal::ONE + tk.volume_growth.at(t)))
            .kept(at("tokens.tokensPerDay", t))?;
        e.tokens_per_day.push(value(per_day));
        trace.offer("tokens.tokensPerDay", i, &|| {
            Formula::new(format!(
                "tokensPerDay[{t}] = {}",
                product("tokensPerDayTrillions", "volumeGrowth", t)
            ))
            .input(
                "tokensPerDayTrillions",
                "tokens.tokensPerDayTrillions",
                tk.tokens_per_day_trillions,
            )
            .year_inputs(
                "volumeGrowth",
                1..=t,
                "tokens.volumeGrowth",
                &tk.volume_growth,
            )
        });
        let per_year = (per_day * DAYS_PER_YEAR).kept(at("tokens.tokensPerYearTrillions", t))?;
        e.tokens_per_year_trillions.push(value(per_year));
        trace.offer("tokens.tokensPerYearTrillions", i, &|| {
            Formula::new(format!(
                "tokensPerYearTrillions[{t}] = 365 * tokensPerDay[{t}]"
            ))
            .year_output("tokensPerDay", t, "tokens.tokensPerDay", &e.tokens_per_day)
        });
        let maas = (per_year / THOUSAND * price).kept(at("tokens.maasRevenueRmbBn", t))?;
        e.maas_revenue_rmb_bn.push(value(maas));
        trace.offer("tokens.maasRevenueRmbBn", i, &|| {
            Formula::new(format!(
                "maasRevenueRmbBn[{t}] = tokensPerYearTrillions[{t}] * price[{t}] / 1000"
            ))
            .year_output(
                "tokensPerYearTrillions",
                t,
                "tokens.tokensPerYearTrillions",
                &e.tokens_per_year_trillions,
            )
            .year_output("price", t, "tokens.price", &e.price)
        });
        // maas * margin, as volume times (price - cost): the same number,
        // without multiplying a revenue that has shrunk to a few digits by a
        // margin that has grown huge.
        let maas_profit =
            (per_year / THOUSAND * (price - cost)).kept(at("tokens.maasGrossProfitRmbBn", t))?;
        e.maas_gross_profit_rmb_bn.push(value(maas_profit));
        trace.offer("tokens.maasGrossProfitRmbBn", i, &|| {
            Formula::new(format!(
                "maasGrossProfitRmbBn[{t}] = maasRevenueRmbBn[{t}] * grossMargin[{t}]"
            ))
            .year_output(
                "maasRevenueRmbBn",
                t,
                "tokens.maasRevenueRmbBn",
                &e.maas_revenue_rmb_bn,
            )
            .year_output("grossMargin", t, "tokens.grossMargin", &e.gross_margin)
        });
        let needed_t = needed(per_day, per_acc_hour).kept(at("tokens.acceleratorsNeeded", t))?;
        e.accelerators_needed.push(value(needed_t));
        trace.offer("tokens.acceleratorsNeeded", i, &|| {
            Formula::new(format!(
                "acceleratorsNeeded[{t}] = tokensPerYearTrillions[{t}] * 1e12 / (tokensPerAccHour[{t}] * 8760)"
            ))
            .year_output(
                "tokensPerYearTrillions",
                t,
                "tokens.tokensPerYearTrillions",
                &e.tokens_per_year_trillions,
            )
            .year_output(
                "tokensPerAccHour",
                t,
                "tokens.tokensPerAccHour",
                &e.tokens_per_acc_hour,
            )
        });
        let added = (needed_t - previous_needed).at_least_zero();
        let accelerator_capex = (added / BILLION * tk.accelerator_cost_rmb * cost_mix(f))
            .kept(at("tokens.acceleratorCapexRmbBn", t))?;
        e.accelerator_capex_rmb_bn.push(value(accelerator_capex));
        trace.offer("tokens.acceleratorCapexRmbBn", i, &|| {
            let formula = Formula::new(format!(
                "acceleratorCapexRmbBn[{t}] = max(0, acceleratorsNeeded[{t}] - acceleratorsNeeded[{}]) * acceleratorCostRmb * ((1 - f[{t}]) + f[{t}] * inHouseCostRatio) / 1e9",
                t - 1
            ))
            .year_output(
                "acceleratorsNeeded",
                t,
                "tokens.acceleratorsNeeded",
                &e.accelerators_needed,
            );
            let formula = if t == 1 {
                formula.output(
                    "acceleratorsNeeded[0]",
                    "tokens.acceleratorsNeededBase",
                    e.accelerators_needed_base,
                )
            } else {
                formula.year_output(
                    "acceleratorsNeeded",
                    t - 1,
                    "tokens.acceleratorsNeeded",
                    &e.accelerators_needed,
                )
            };
            share(
                formula.input(
                    "acceleratorCostRmb",
                    "tokens.acceleratorCostRmb",
                    tk.accelerator_cost_rmb,
                ),
                t,
            )
            .input("inHouseCostRatio", "tokens.inHouseCostRatio", tk.in_house_cost_ratio)
        });
        previous_needed = needed_t;

        let (maas, ai) = (value(maas), revenue.ai[t - 1]);
        if maas > ai {
            warnings.push(Warning {
                field: entry_path("tokens.maasRevenueRmbBn", t - 1),
                message: format!(
                    "FY{}: the token volume implies MaaS revenue of RMB{}bn, more than the AI revenue line (RMB{}bn)",
                    s.base_fiscal_year + t as u32,
                    DecimalText::exact(maas.round_dp(1)).as_str(),
                    DecimalText::exact(ai.round_dp(1)).as_str()
                ),
            });
        }
    }
    Ok((e, warnings))
}
