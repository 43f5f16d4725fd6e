//! Monte Carlo over the scenario's uncertainty (contract 1.1, `simulate`).
//!
//! Each sample draws four values, in this order, from triangular
//! distributions around the scenario's assumptions (each draw consumes one
//! uniform number even when its spread is 0): a shift of every year's AI
//! growth, a shift of every year's core growth, the exchange rate, and a
//! shift of the incremental cash margin. The growths are clamped to
//! [-0.99, 10], the exchange rate to at least 0.01 and the margin to
//! [-1, 1]; then the revenue path, both readings of the target and the NPV
//! are computed as by [`crate::compute`], in f64 (statistics, not
//! accounting). The generator is xoshiro256++ seeded by SplitMix64, as
//! `rand_xoshiro`'s `seed_from_u64`, so that any implementation of the
//! contract draws the same numbers.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::{ModelError, Result};
use crate::number::output;
use crate::scenario::{Domain, Scenario};

/// Options of [`simulate`]: how many samples, from which seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Samples drawn, 1..=1,000,000 (default 10,000).
    pub samples: u32,
    /// Seed of the generator, 0..=4,294,967,295 (default 1).
    pub seed: u32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            samples: 10_000,
            seed: 1,
        }
    }
}

/// The most samples a simulation draws.
pub const MAX_SAMPLES: u32 = 1_000_000;

impl Options {
    /// Checks the options' domains.
    ///
    /// # Errors
    /// [`ModelError::OutOfRange`] naming `options.samples` when it is not
    /// 1..=1,000,000 (the seed's type already bounds it).
    pub fn check(self) -> Result<Options> {
        if (1..=MAX_SAMPLES).contains(&self.samples) {
            Ok(self)
        } else {
            Err(ModelError::OutOfRange {
                field: "options.samples".to_string(),
                domain: Domain::Integer {
                    min: 1,
                    max: MAX_SAMPLES,
                },
            })
        }
    }
}

/// SplitMix64, the seeder of [`Xoshiro256PlusPlus`].
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator whose state is `seed`.
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// xoshiro256++ (Blackman and Vigna), 256 bits of state.
pub struct Xoshiro256PlusPlus([u64; 4]);

impl Xoshiro256PlusPlus {
    /// A generator with this exact state (not all zero).
    pub fn from_state(state: [u64; 4]) -> Xoshiro256PlusPlus {
        Xoshiro256PlusPlus(state)
    }

    /// Seeded as `rand_xoshiro`'s `seed_from_u64`: the state is four
    /// consecutive outputs of SplitMix64 started at `seed`.
    pub fn seed_from_u64(seed: u64) -> Xoshiro256PlusPlus {
        let mut seeder = SplitMix64::new(seed);
        Xoshiro256PlusPlus([
            seeder.next_u64(),
            seeder.next_u64(),
            seeder.next_u64(),
            seeder.next_u64(),
        ])
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let s = &mut self.0;
        let result = s[0].wrapping_add(s[3]).rotate_left(23).wrapping_add(s[0]);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    /// A uniform number in [0, 1): the top 53 bits times 2^-53.
    pub fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
}

/// The triangular distribution on `[mode - width, mode + width]` at `u`, by
/// its inverse CDF.
pub fn triangular(mode: f64, width: f64, u: f64) -> f64 {
    if u < 0.5 {
        mode - width + width * (2.0 * u).sqrt()
    } else {
        mode + width - width * (2.0 * (1.0 - u)).sqrt()
    }
}

/// Summary statistics of a sampled figure, decimal strings in JSON.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Spread {
    /// Mean.
    #[serde(serialize_with = "output")]
    pub mean: Decimal,
    /// 5th percentile (nearest rank).
    #[serde(serialize_with = "output")]
    pub p5: Decimal,
    /// 10th percentile.
    #[serde(serialize_with = "output")]
    pub p10: Decimal,
    /// Median.
    #[serde(serialize_with = "output")]
    pub p50: Decimal,
    /// 90th percentile.
    #[serde(serialize_with = "output")]
    pub p90: Decimal,
    /// 95th percentile.
    #[serde(serialize_with = "output")]
    pub p95: Decimal,
}

/// Equal-width bins of the sampled cumulative US$ at the horizon.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Histogram {
    /// 41 edges from the smallest to the largest sample.
    #[serde(serialize_with = "output")]
    pub edges: Vec<Decimal>,
    /// 40 counts summing to the samples (the last bin closed).
    pub counts: Vec<u32>,
}

/// What [`simulate`] returns (contract 1.1).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Simulation {
    /// Samples drawn.
    pub samples: u32,
    /// Seed of the generator.
    pub seed: u32,
    /// Share of samples whose cumulative US$ revenue at the horizon reaches the target.
    #[serde(serialize_with = "output")]
    pub probability_hit_target: Decimal,
    /// Share that reached the cumulative target by year t (index t-1).
    #[serde(serialize_with = "output")]
    pub hit_by_year: Vec<Decimal>,
    /// Cumulative US$ bn at the horizon.
    pub cumulative_usd_bn: Spread,
    /// NPV of the capex, RMB bn.
    pub npv_rmb_bn: Spread,
    /// Share of samples with NPV > 0.
    #[serde(serialize_with = "output")]
    pub probability_npv_positive: Decimal,
    /// Cumulative US$ bn at the horizon, binned.
    pub histogram: Histogram,
    /// Share of samples whose revenue in some single year t <= H reaches the target.
    #[serde(serialize_with = "output")]
    pub probability_hit_annual_target: Decimal,
    /// Revenue of year H alone, US$ bn.
    pub annual_usd_bn: Spread,
}

/// The scenario's figures in f64, read once.
pub(crate) struct Model {
    pub(crate) h: usize,
    ai0: f64,
    core0: f64,
    base: f64,
    fx: f64,
    target: f64,
    ai_growth: Vec<f64>,
    core_growth: Vec<f64>,
    capex: Vec<f64>,
    margin: f64,
    /// `1 / (1 + discountRate)^t`.
    discount: Vec<f64>,
    spreads: [f64; 4],
}

impl Model {
    pub(crate) fn new(s: &Scenario) -> Model {
        let f = |value: Decimal| value.to_f64().unwrap_or(0.0);
        let h = s.horizon();
        let base = f(s.revenue.base_rmb_bn);
        let ai0 = f(s.revenue.base_rmb_bn * s.revenue.ai_share_base);
        let rate = 1.0 + f(s.capex.discount_rate);
        Model {
            h,
            ai0,
            core0: base - ai0,
            base,
            fx: f(s.fx_rmb_per_usd),
            target: f(s.target_usd_bn),
            ai_growth: (1..=h).map(|t| f(s.revenue.ai_growth.at(t))).collect(),
            core_growth: (1..=h).map(|t| f(s.revenue.core_growth.at(t))).collect(),
            capex: (1..=h).map(|t| f(s.capex.rmb_bn.at(t))).collect(),
            margin: f(s.capex.incremental_cash_margin),
            discount: (1..=h).map(|t| rate.powi(-(t as i32))).collect(),
            spreads: [
                f(s.uncertainty.ai_growth_spread),
                f(s.uncertainty.core_growth_spread),
                f(s.uncertainty.fx_spread),
                f(s.uncertainty.cash_margin_spread),
            ],
        }
    }
}

/// One sample's figures.
pub(crate) struct Sample {
    cumulative_usd: f64,
    annual_usd: f64,
    /// First year index (0-based) the cumulative target is reached, or H.
    pub(crate) hit_index: usize,
    hit_annual: bool,
    npv: f64,
}

/// The revenue path and NPV of one draw (`d_ai`, `d_core`, `fx`, `d_margin`).
pub(crate) fn sample(m: &Model, d_ai: f64, d_core: f64, fx: f64, d_margin: f64) -> Sample {
    let clamp_growth = |g: f64| g.clamp(-0.99, 10.0);
    let fx = fx.max(0.01);
    let margin = (m.margin + d_margin).clamp(-1.0, 1.0);
    let (mut ai, mut core, mut cumulative, mut npv) = (m.ai0, m.core0, 0.0, 0.0);
    let (mut hit_index, mut hit_annual, mut total) = (m.h, false, 0.0);
    // Compared in RMB (target * fx) and discounted by multiplying: no
    // division in the loop, which runs H times for each of up to a million samples.
    let target_rmb = m.target * fx;
    for t in 0..m.h {
        ai *= 1.0 + clamp_growth(m.ai_growth[t] + d_ai);
        core *= 1.0 + clamp_growth(m.core_growth[t] + d_core);
        total = ai + core;
        cumulative += total;
        if hit_index == m.h && cumulative >= target_rmb {
            hit_index = t;
        }
        hit_annual |= total >= target_rmb;
        npv += ((total - m.base) * margin - m.capex[t]) * m.discount[t];
    }
    Sample {
        cumulative_usd: cumulative / fx,
        annual_usd: total / fx,
        hit_index,
        hit_annual,
        npv,
    }
}

/// The draws of `options.samples` samples, in the contract's order: the AI
/// growth shift, the core growth shift, the exchange rate, the cash margin
/// shift.
pub(crate) fn draws(m: &Model, options: Options) -> impl Iterator<Item = [f64; 4]> + '_ {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(u64::from(options.seed));
    (0..options.samples).map(move |_| {
        [
            triangular(0.0, m.spreads[0], rng.uniform()),
            triangular(0.0, m.spreads[1], rng.uniform()),
            triangular(m.fx, m.spreads[2], rng.uniform()),
            triangular(0.0, m.spreads[3], rng.uniform()),
        ]
    })
}

/// An f64 statistic as a decimal (to 12 places; outputs round to 9), or an
/// error naming it when it does not fit a Decimal.
pub(crate) fn decimal(value: f64, field: impl FnOnce() -> String) -> Result<Decimal> {
    if value.is_finite() && value.abs() < 1e-20 {
        return Ok(Decimal::ZERO);
    }
    Decimal::from_f64_retain(value)
        .map(|exact| exact.round_dp(12))
        .ok_or_else(|| ModelError::Overflow { field: field() })
}

/// A share `count / n` as a decimal.
pub(crate) fn share(count: usize, n: usize) -> Decimal {
    Decimal::from(count as u64) / Decimal::from(n as u64)
}

/// Mean and nearest-rank percentiles (`sorted[ceil(p*n) - 1]`) of
/// `values`, which it reorders: each rank is selected in linear time rather
/// than by sorting them all.
fn spread(values: &mut [f64], field: &'static str) -> Result<Spread> {
    let n = values.len();
    let mean = values.iter().sum::<f64>() / n as f64;
    let rank = |p: f64| ((p * n as f64).ceil() as usize).clamp(1, n) - 1;
    let [r5, r10, r50, r90, r95] = [0.05, 0.10, 0.50, 0.90, 0.95].map(rank);
    // The median first; then the lower ranks below it and the upper ones
    // above it, each selection within what the previous one left.
    let mut select = |from: usize, to: usize, at: usize| {
        let (_, nth, _) = values[from..to].select_nth_unstable_by(at - from, f64::total_cmp);
        *nth
    };
    let p50 = select(0, n, r50);
    let p10 = select(0, r50.max(r10 + 1), r10);
    let p5 = select(0, r10.max(r5 + 1), r5);
    let p90 = select(r50, n, r90);
    let p95 = select(r90, n, r95);
    let ranked = [p5, p10, p50, p90, p95];
    let at = |name: &'static str| move || format!("{field}.{name}");
    Ok(Spread {
        mean: decimal(mean, at("mean"))?,
        p5: decimal(ranked[0], at("p5"))?,
        p10: decimal(ranked[1], at("p10"))?,
        p50: decimal(ranked[2], at("p50"))?,
        p90: decimal(ranked[3], at("p90"))?,
        p95: decimal(ranked[4], at("p95"))?,
    })
}

/// 41 edges from the smallest to the largest of `values` and the 40 counts.
fn histogram(values: &[f64]) -> Result<Histogram> {
    const BINS: usize = 40;
    let (low, high) = values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(low, high), &v| {
            (low.min(v), high.max(v))
        });
    let step = (high - low) / BINS as f64;
    let mut counts = vec![0u32; BINS];
    for &value in values {
        let bin = if step > 0.0 {
            (((value - low) / step) as usize).min(BINS - 1)
        } else {
            0
        };
        counts[bin] += 1;
    }
    let edges = (0..=BINS)
        .map(|i| {
            let edge = if i == BINS {
                high
            } else {
                low + step * i as f64
            };
            decimal(edge, || format!("histogram.edges[{i}]"))
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Histogram { edges, counts })
}

/// Monte Carlo over the scenario's uncertainty, as the module docs say.
///
/// # Errors
/// The first domain problem of the scenario or of the options; an overflow
/// naming the statistic when one does not fit a Decimal.
pub fn simulate(s: &Scenario, options: Options) -> Result<Simulation> {
    if let Some(problem) = s.problems().into_iter().next() {
        return Err(problem);
    }
    let options = options.check()?;
    let m = Model::new(s);
    let n = options.samples as usize;
    let mut cumulative = Vec::with_capacity(n);
    let mut annual = Vec::with_capacity(n);
    let mut npvs = Vec::with_capacity(n);
    let mut hit_at = vec![0usize; m.h + 1];
    let (mut hit_annual, mut npv_positive) = (0usize, 0usize);
    for [d_ai, d_core, fx, d_margin] in draws(&m, options) {
        let one = sample(&m, d_ai, d_core, fx, d_margin);
        hit_at[one.hit_index] += 1;
        hit_annual += usize::from(one.hit_annual);
        npv_positive += usize::from(one.npv > 0.0);
        cumulative.push(one.cumulative_usd);
        annual.push(one.annual_usd);
        npvs.push(one.npv);
    }
    let mut reached = 0;
    let hit_by_year = hit_at[..m.h]
        .iter()
        .map(|&count| {
            reached += count;
            share(reached, n)
        })
        .collect::<Vec<_>>();
    let cumulative_usd_bn = spread(&mut cumulative, "cumulativeUsdBn")?;
    Ok(Simulation {
        samples: options.samples,
        seed: options.seed,
        probability_hit_target: share(reached, n),
        hit_by_year,
        histogram: histogram(&cumulative)?,
        cumulative_usd_bn,
        npv_rmb_bn: spread(&mut npvs, "npvRmbBn")?,
        probability_npv_positive: share(npv_positive, n),
        probability_hit_annual_target: share(hit_annual, n),
        annual_usd_bn: spread(&mut annual, "annualUsdBn")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_are_the_nearest_ranks_of_the_sorted_values() {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(9);
        for n in [1, 2, 3, 7, 10, 19, 20, 21, 100, 1001] {
            let values: Vec<f64> = (0..n).map(|_| rng.uniform() * 100.0 - 50.0).collect();
            let mut sorted = values.clone();
            sorted.sort_by(f64::total_cmp);
            let rank = |p: f64| sorted[((p * n as f64).ceil() as usize).clamp(1, n) - 1];
            let got = spread(&mut values.clone(), "x").unwrap();
            let want =
                [0.05, 0.10, 0.50, 0.90, 0.95].map(|p| decimal(rank(p), String::new).unwrap());
            assert_eq!(
                [got.p5, got.p10, got.p50, got.p90, got.p95],
                want,
                "n = {n}"
            );
        }
    }
}
