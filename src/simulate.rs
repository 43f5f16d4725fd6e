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

use crate::error::{ModelError, Result};
use crate::json::{Json, ToJson};
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

    /// The top 53 bits of the next output: an integer below 2^53.
    pub fn next_u53(&mut self) -> u64 {
        self.next_u64() >> 11
    }

    /// A uniform number in [0, 1): the top 53 bits times 2^-53.
    pub fn uniform(&mut self) -> f64 {
        self.next_u53() as f64 * (1.0 / (1u64 << 53) as f64)
    }
}

/// The triangular distribution on `[mode - width, mode + width]` at `u`, by
/// its inverse CDF, as the contract writes it.
pub fn triangular(mode: f64, width: f64, u: f64) -> f64 {
    if u < 0.5 {
        mode - width + width * (2.0 * u).sqrt()
    } else {
        mode + width - width * (2.0 * (1.0 - u)).sqrt()
    }
}

/// [`triangular`] at the uniform `u = bits * 2^-53` (`bits` below 2^53, as
/// [`Xoshiro256PlusPlus::next_u53`] gives), bit for bit, without a branch.
///
/// Which half `u` falls in is a coin toss, so a branch on it is
/// mispredicted half the time, and a select between two floats ran no
/// faster in V8 (Node 20, Chromium 156): that cost more than all the
/// arithmetic of a sample. Here the half is an integer bit instead, and the
/// figures are exactly [`triangular`]'s: `u < 0.5` is `bits < 2^52`; `2u`
/// is `bits * 2^-52` and `2(1 - u)` is `(2^53 - bits) * 2^-52`, all exact
/// (the integers are below 2^53, the scaling is by powers of two, and `1 -
/// u` is exact for `u` in [0.5, 1)); and the upper half's `mode + width -
/// width * root` is `mode - (-width) + (-width) * root`, because IEEE 754
/// defines `a - b` as `a + (-b)` and negation is exact.
pub fn triangular_at(mode: f64, width: f64, bits: u64) -> f64 {
    let upper = bits >> 52;
    // `bits` in the lower half, `2^53 - bits` in the upper (no select).
    let twice_tail = bits.wrapping_add(upper.wrapping_neg() & (1u64 << 53).wrapping_sub(bits << 1));
    let width = f64::from_bits(width.to_bits() ^ (upper << 63));
    // Converted as signed, which is exact below 2^53 and one instruction
    // where an unsigned conversion is several.
    let root = ((twice_tail as i64) as f64 * (1.0 / (1u64 << 52) as f64)).sqrt();
    mode - width + width * root
}

/// Summary statistics of a sampled figure, decimal strings in JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct Spread {
    /// Mean.
    pub mean: Decimal,
    /// 5th percentile (nearest rank).
    pub p5: Decimal,
    /// 10th percentile.
    pub p10: Decimal,
    /// Median.
    pub p50: Decimal,
    /// 90th percentile.
    pub p90: Decimal,
    /// 95th percentile.
    pub p95: Decimal,
}

/// Equal-width bins of the sampled cumulative US$ at the horizon.
#[derive(Debug, Clone, PartialEq)]
pub struct Histogram {
    /// 41 edges from the smallest to the largest sample.
    pub edges: Vec<Decimal>,
    /// 40 counts summing to the samples (the last bin closed).
    pub counts: Vec<u32>,
}

/// What [`simulate`] returns (contract 1.1).
#[derive(Debug, Clone, PartialEq)]
pub struct Simulation {
    /// Samples drawn.
    pub samples: u32,
    /// Seed of the generator.
    pub seed: u32,
    /// Share of samples whose cumulative US$ revenue at the horizon reaches the target.
    pub probability_hit_target: Decimal,
    /// Share that reached the cumulative target by year t (index t-1).
    pub hit_by_year: Vec<Decimal>,
    /// Cumulative US$ bn at the horizon.
    pub cumulative_usd_bn: Spread,
    /// NPV of the capex, RMB bn.
    pub npv_rmb_bn: Spread,
    /// Share of samples with NPV > 0.
    pub probability_npv_positive: Decimal,
    /// Cumulative US$ bn at the horizon, binned.
    pub histogram: Histogram,
    /// Share of samples whose revenue in some single year t <= H reaches the target.
    pub probability_hit_annual_target: Decimal,
    /// Revenue of year H alone, US$ bn.
    pub annual_usd_bn: Spread,
}

impl ToJson for Spread {
    fn write_json(&self, json: &mut Json) {
        json.object(|json| {
            json.rounded("mean", &self.mean);
            json.rounded("p5", &self.p5);
            json.rounded("p10", &self.p10);
            json.rounded("p50", &self.p50);
            json.rounded("p90", &self.p90);
            json.rounded("p95", &self.p95);
        });
    }
}

impl ToJson for Simulation {
    fn write_json(&self, json: &mut Json) {
        json.object(|json| {
            json.field("samples", &self.samples);
            json.field("seed", &self.seed);
            json.rounded("probabilityHitTarget", &self.probability_hit_target);
            json.rounded("hitByYear", &self.hit_by_year);
            json.field("cumulativeUsdBn", &self.cumulative_usd_bn);
            json.field("npvRmbBn", &self.npv_rmb_bn);
            json.rounded("probabilityNpvPositive", &self.probability_npv_positive);
            json.key("histogram");
            json.object(|json| {
                json.rounded("edges", &self.histogram.edges);
                json.field("counts", &self.histogram.counts);
            });
            json.rounded(
                "probabilityHitAnnualTarget",
                &self.probability_hit_annual_target,
            );
            json.field("annualUsdBn", &self.annual_usd_bn);
        });
    }
}

/// One year's figures in f64, side by side for the sample loop.
struct Year {
    ai_growth: f64,
    core_growth: f64,
    capex: f64,
    /// `1 / (1 + discountRate)^t`.
    discount: f64,
}

/// The scenario's figures in f64, read once.
pub(crate) struct Model {
    pub(crate) h: usize,
    ai0: f64,
    core0: f64,
    base: f64,
    fx: f64,
    target: f64,
    margin: f64,
    /// Years 1..=H.
    years: Vec<Year>,
    /// The smallest and largest AI growth, and core growth, of the years.
    ai_growth_range: (f64, f64),
    core_growth_range: (f64, f64),
    spreads: [f64; 4],
}

impl Model {
    pub(crate) fn new(s: &Scenario) -> Model {
        let f = |value: Decimal| value.to_f64().unwrap_or(0.0);
        let h = s.horizon();
        let base = f(s.revenue.base_rmb_bn);
        let ai0 = f(s.revenue.base_rmb_bn * s.revenue.ai_share_base);
        let rate = 1.0 + f(s.capex.discount_rate);
        let years: Vec<Year> = (1..=h)
            .map(|t| Year {
                ai_growth: f(s.revenue.ai_growth.at(t)),
                core_growth: f(s.revenue.core_growth.at(t)),
                capex: f(s.capex.rmb_bn.at(t)),
                discount: rate.powi(-(t as i32)),
            })
            .collect();
        let range = |growth: fn(&Year) -> f64| {
            years
                .iter()
                .map(growth)
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(low, high), g| {
                    (low.min(g), high.max(g))
                })
        };
        Model {
            ai_growth_range: range(|year| year.ai_growth),
            core_growth_range: range(|year| year.core_growth),
            h,
            ai0,
            core0: base - ai0,
            base,
            fx: f(s.fx_rmb_per_usd),
            target: f(s.target_usd_bn),
            margin: f(s.capex.incremental_cash_margin),
            years,
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
/// Inlined into the loops that draw, which the crate's opt-level for size
/// would otherwise leave a call per sample.
#[inline(always)]
pub(crate) fn sample(m: &Model, d_ai: f64, d_core: f64, fx: f64, d_margin: f64) -> Sample {
    // When the shifted growths of the smallest and largest years are in
    // [-0.99, 10], every year's is (rounding is monotonic) and clamping
    // changes nothing: the usual case goes without it.
    let within = |(low, high): (f64, f64), shift: f64| low + shift >= -0.99 && high + shift <= 10.0;
    if within(m.ai_growth_range, d_ai) && within(m.core_growth_range, d_core) {
        revenue_path(m, d_ai, d_core, fx, d_margin, |g| g)
    } else {
        revenue_path(m, d_ai, d_core, fx, d_margin, |g| g.clamp(-0.99, 10.0))
    }
}

/// [`sample`], with each year's shifted growth put through `clamp_growth`.
#[inline(always)]
fn revenue_path(
    m: &Model,
    d_ai: f64,
    d_core: f64,
    fx: f64,
    d_margin: f64,
    clamp_growth: impl Fn(f64) -> f64,
) -> Sample {
    // Not `fx.max(0.01)`, which WebAssembly builds call a function for
    // (`fmax`, for its NaN rules); a draw is never NaN.
    let fx = if fx < 0.01 { 0.01 } else { fx };
    let margin = (m.margin + d_margin).clamp(-1.0, 1.0);
    let (mut ai, mut core, mut cumulative, mut npv) = (m.ai0, m.core0, 0.0, 0.0);
    let (mut reached, mut years_short, mut hit_annual, mut total) = (false, 0, false, 0.0);
    // Compared in RMB (target * fx) and discounted by multiplying: no
    // division in the loop, which runs H times for each of up to a million samples.
    let target_rmb = m.target * fx;
    for year in &m.years {
        ai *= 1.0 + clamp_growth(year.ai_growth + d_ai);
        core *= 1.0 + clamp_growth(year.core_growth + d_core);
        total = ai + core;
        cumulative += total;
        // Counted, not branched on: the year of the first hit varies from
        // sample to sample, so a branch on it would often be mispredicted.
        reached |= cumulative >= target_rmb;
        years_short += usize::from(!reached);
        hit_annual |= total >= target_rmb;
        npv += ((total - m.base) * margin - year.capex) * year.discount;
    }
    Sample {
        cumulative_usd: cumulative / fx,
        annual_usd: total / fx,
        hit_index: years_short,
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
            triangular_at(0.0, m.spreads[0], rng.next_u53()),
            triangular_at(0.0, m.spreads[1], rng.next_u53()),
            triangular_at(m.fx, m.spreads[2], rng.next_u53()),
            triangular_at(0.0, m.spreads[3], rng.next_u53()),
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

/// A sampled figure: its values in drawing order, and their sum,
/// smallest and largest, kept as they are drawn rather than found in
/// another pass over up to a million values.
struct Series {
    values: Vec<f64>,
    /// Summed in drawing order from -0.0, as `Iterator::sum` does.
    sum: f64,
    low: f64,
    high: f64,
}

impl Series {
    fn with_capacity(n: usize) -> Series {
        Series {
            values: Vec::with_capacity(n),
            sum: -0.0,
            low: f64::INFINITY,
            high: f64::NEG_INFINITY,
        }
    }

    #[inline(always)]
    fn push(&mut self, value: f64) {
        self.values.push(value);
        self.sum += value;
        // Compared rather than `f64::min` and `max`, which WebAssembly
        // builds call a function for (`fmin`, `fmax`, for their NaN rules);
        // a sample is never NaN.
        if value < self.low {
            self.low = value;
        }
        if value > self.high {
            self.high = value;
        }
    }
}

/// Mean and nearest-rank percentiles (`sorted[ceil(p*n) - 1]`) of a series.
fn spread(series: &Series, field: &'static str) -> Result<Spread> {
    let n = series.values.len();
    let mean = series.sum / n as f64;
    let rank = |p: f64| ((p * n as f64).ceil() as usize).clamp(1, n) - 1;
    let ranked = nearest_ranks(series, [0.05, 0.10, 0.50, 0.90, 0.95].map(rank));
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

/// The values at `ranks` (ascending, each below the number of values) of
/// the series sorted by [`f64::total_cmp`], without sorting or reordering
/// it.
///
/// One pass counts the values in equal-width buckets from the smallest
/// value to the largest. The bucket is a non-decreasing function of the
/// value (subtracting, and multiplying by a positive number, round
/// monotonically), so the sorted values are the first bucket's, then the
/// second's, and so on, and the counts tell which bucket holds each rank
/// and its place there. A second pass gathers those few buckets' values,
/// and each rank is selected among them. Equal values (and -0 and +0)
/// share a bucket, so they are ordered by `total_cmp` as in a full sort.
/// Two passes and a few small selections cost less than selecting five
/// ranks in the whole series, which moved most values several times.
fn nearest_ranks<const K: usize>(series: &Series, ranks: [usize; K]) -> [f64; K] {
    const BUCKETS: usize = 4096;
    const NO_POOL: u8 = u8::MAX;
    let (values, low, high) = (&series.values, series.low, series.high);
    // All in the first bucket when every value is the same (or the range
    // overflows): correct, only slower.
    let scale = if high > low {
        BUCKETS as f64 / (high - low)
    } else {
        0.0
    };
    let bucket = |v: f64| (((v - low) * scale) as usize).min(BUCKETS - 1);
    let mut counts = vec![0usize; BUCKETS];
    for &v in values {
        counts[bucket(v)] += 1;
    }
    // Each rank's bucket, and its place among that bucket's values.
    let mut places = [(0, 0); K];
    let (mut at, mut before) = (0, 0);
    for (place, &rank) in places.iter_mut().zip(&ranks) {
        while before + counts[at] <= rank {
            before += counts[at];
            at += 1;
        }
        *place = (at, rank - before);
    }
    // One pool of values for each of those buckets.
    let mut pool_of = vec![NO_POOL; BUCKETS];
    let mut pools: Vec<Vec<f64>> = Vec::with_capacity(K);
    for &(at, _) in &places {
        if pool_of[at] == NO_POOL {
            pool_of[at] = pools.len() as u8;
            pools.push(Vec::with_capacity(counts[at]));
        }
    }
    for &v in values {
        let pool = pool_of[bucket(v)];
        if pool != NO_POOL {
            pools[usize::from(pool)].push(v);
        }
    }
    places.map(|(at, place)| {
        let pool = &mut pools[usize::from(pool_of[at])];
        *pool.select_nth_unstable_by(place, f64::total_cmp).1
    })
}

/// 41 edges from the smallest to the largest value of the series and the 40 counts.
fn histogram(series: &Series) -> Result<Histogram> {
    const BINS: usize = 40;
    let (values, low, high) = (&series.values, series.low, series.high);
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
    let mut cumulative = Series::with_capacity(n);
    let mut annual = Series::with_capacity(n);
    let mut npvs = Series::with_capacity(n);
    let mut hit_at = vec![0usize; m.h + 1];
    let (mut hit_annual, mut npv_positive) = (0usize, 0usize);
    // Drawn a block at a time, then sampled: the iterations of each loop
    // are independent of each other, so the processor overlaps them,
    // which it could not do across one long iteration that does both.
    let mut draws = draws(&m, options);
    let mut block = [[0.0; 4]; 256];
    loop {
        let drawn = block
            .iter_mut()
            .zip(&mut draws)
            .map(|(slot, draw)| *slot = draw)
            .count();
        if drawn == 0 {
            break;
        }
        for &[d_ai, d_core, fx, d_margin] in &block[..drawn] {
            let one = sample(&m, d_ai, d_core, fx, d_margin);
            hit_at[one.hit_index] += 1;
            hit_annual += usize::from(one.hit_annual);
            npv_positive += usize::from(one.npv > 0.0);
            cumulative.push(one.cumulative_usd);
            annual.push(one.annual_usd);
            npvs.push(one.npv);
        }
    }
    let mut reached = 0;
    let hit_by_year = hit_at[..m.h]
        .iter()
        .map(|&count| {
            reached += count;
            share(reached, n)
        })
        .collect::<Vec<_>>();
    Ok(Simulation {
        samples: options.samples,
        seed: options.seed,
        probability_hit_target: share(reached, n),
        hit_by_year,
        cumulative_usd_bn: spread(&cumulative, "cumulativeUsdBn")?,
        histogram: histogram(&cumulative)?,
        npv_rmb_bn: spread(&npvs, "npvRmbBn")?,
        probability_npv_positive: share(npv_positive, n),
        probability_hit_annual_target: share(hit_annual, n),
        annual_usd_bn: spread(&annual, "annualUsdBn")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(values: &[f64]) -> Series {
        let mut series = Series::with_capacity(values.len());
        values.iter().for_each(|&v| series.push(v));
        series
    }

    /// `sorted[ceil(p*n) - 1]` of the values fully sorted by `total_cmp`.
    fn sorted_ranks(values: &[f64], ps: [f64; 5]) -> [f64; 5] {
        let mut sorted = values.to_vec();
        sorted.sort_by(f64::total_cmp);
        let n = sorted.len();
        ps.map(|p| sorted[((p * n as f64).ceil() as usize).clamp(1, n) - 1])
    }

    #[test]
    fn percentiles_are_the_nearest_ranks_of_the_sorted_values() {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(9);
        for n in [1, 2, 3, 7, 10, 19, 20, 21, 100, 1001, 100_000] {
            let values: Vec<f64> = (0..n).map(|_| rng.uniform() * 100.0 - 50.0).collect();
            let ps = [0.05, 0.10, 0.50, 0.90, 0.95];
            let got = spread(&series(&values), "x").unwrap();
            let want = sorted_ranks(&values, ps).map(|v| decimal(v, String::new).unwrap());
            assert_eq!(
                [got.p5, got.p10, got.p50, got.p90, got.p95],
                want,
                "n = {n}"
            );
        }
    }

    #[test]
    fn ranks_by_bucket_are_those_of_a_full_sort_bit_for_bit() {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(4);
        let mut uniform = || rng.uniform();
        let cases: Vec<Vec<f64>> = vec![
            vec![3.5; 1000],
            vec![0.0, -0.0, 0.0, -0.0, -0.0, 0.0, 1.0, -1.0],
            vec![0.0, -0.0, -0.0, 0.0, -0.0],
            vec![f64::MAX, -f64::MAX, 0.0, 1.0, f64::MAX, -f64::MAX],
            vec![1.0, 1.0 + f64::EPSILON, 1.0, 1.0 + 2.0 * f64::EPSILON],
            vec![5e-324, 0.0, 1e-320, -5e-324, 0.0],
            // Heavy ties and a long tail: most values in a few buckets.
            (0..50_000)
                .map(|_| (uniform() * 4.0).floor() + (1.0 / (1.0 - uniform())).min(1e6))
                .collect(),
            (0..3000).map(|_| (uniform() - 0.5) * 1e-300).collect(),
        ];
        for values in &cases {
            let got = nearest_ranks(&series(values), {
                let n = values.len();
                [0.05, 0.10, 0.50, 0.90, 0.95]
                    .map(|p: f64| ((p * n as f64).ceil() as usize).clamp(1, n) - 1)
            });
            let want = sorted_ranks(values, [0.05, 0.10, 0.50, 0.90, 0.95]);
            assert_eq!(
                got.map(f64::to_bits),
                want.map(f64::to_bits),
                "{:?}",
                &values[..values.len().min(8)]
            );
        }
    }
}
