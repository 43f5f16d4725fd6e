//! The revenue path: AI and core (non-AI) revenue compounding from year 0,
//! the cumulative total against the US$ target, and the growth that would
//! just reach it.
//!
//! ```text
//! ai[0]   = base * aiShareBase          core[0] = base - ai[0]
//! ai[t]   = ai[t-1] * (1 + aiGrowth[t]) core[t] = core[t-1] * (1 + coreGrowth[t])
//! total[t] = ai[t] + core[t]            aiShare[t] = ai[t] / total[t]
//! cumulativeRmbBn[t] = sum_{k<=t} total[k]   cumulativeUsdBn[t] = cumulativeRmbBn[t] / fx
//! annualUsdBn[t] = total[t] / fx
//! ```
//!
//! The target is read two ways, because reports disagree on what "over
//! US$100bn within five years" means: cumulative revenue over years 1..H
//! (`targetHitYear`, `gapUsdBn`, `requiredUniformGrowth`, `requiredAiGrowth`)
//! and revenue in a single year (`annualTargetHitYear`, `annualGapUsdBn`,
//! `requiredUniformGrowthAnnual`, `requiredAiGrowthAnnual`).

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::checked::c;
use crate::error::{ModelError, Result};
use crate::json::{Json, ToJson};
use crate::number::exact_text;
use crate::scenario::{entry_path, Scenario};
use crate::solve::{root_in, Polynomial, Root};
use crate::trace::{sum_of, Formula, Reason, Trace, Untraced};
use crate::{Figure, Figures};

/// Lowest and highest rate the growth solvers search, inclusive.
pub const GROWTH_SEARCH: (Decimal, Decimal) = (dec!(-0.99), dec!(10));

/// Revenue by year t = 1..H (index t-1), RMB bn unless named otherwise.
#[derive(Debug, Clone, PartialEq)]
pub struct RevenuePath {
    /// AI-related revenue.
    pub ai: Vec<Decimal>,
    /// Non-AI revenue.
    pub core: Vec<Decimal>,
    /// AI + core.
    pub total: Vec<Decimal>,
    /// AI / total, a fraction.
    pub ai_share: Vec<Decimal>,
    /// Total summed over years 1..t.
    pub cumulative_rmb_bn: Vec<Decimal>,
    /// The cumulative total in US$ bn at the scenario's FX.
    pub cumulative_usd_bn: Vec<Decimal>,
    /// Fiscal year in which the cumulative US$ total first reaches the target.
    pub target_hit_year: Option<u32>,
    /// Cumulative US$ bn at H minus the target (negative: short of it).
    pub gap_usd_bn: Decimal,
    /// The single growth rate of total revenue, every year, that reaches the
    /// target exactly at H; `None` when it lies outside [-0.99, 10].
    pub required_uniform_growth: Option<Decimal>,
    /// The single AI growth rate, every year, with core growth as given, that
    /// reaches the target exactly at H; `None` outside [-0.99, 10] or when
    /// there is no AI revenue to grow.
    pub required_ai_growth: Option<Decimal>,
    /// Which side of the search range the required uniform growth lies on
    /// when it is `None`; `None` when it was found.
    pub required_uniform_growth_beyond: Option<Beyond>,
    /// Which side of the search range the required AI growth lies on when
    /// it is `None` and there is AI revenue; else `None`.
    pub required_ai_growth_beyond: Option<Beyond>,
    /// The annual reading of the target: total revenue of year t alone, in
    /// US$ bn at the scenario's FX.
    pub annual_usd_bn: Vec<Decimal>,
    /// Fiscal year in which one year's US$ revenue first reaches the target.
    pub annual_target_hit_year: Option<u32>,
    /// US$ revenue of year H alone minus the target (negative: short of it).
    pub annual_gap_usd_bn: Decimal,
    /// The single growth rate of total revenue, every year, that makes year
    /// H's revenue alone equal the target; `None` outside [-0.99, 10].
    pub required_uniform_growth_annual: Option<Decimal>,
    /// The single AI growth rate, every year, with core growth as given, that
    /// makes year H's revenue alone equal the target; `None` outside
    /// [-0.99, 10] or when there is no AI revenue to grow.
    pub required_ai_growth_annual: Option<Decimal>,
    /// Which side of the search range [`Self::required_uniform_growth_annual`]
    /// lies on when it is `None`; `None` when it was found.
    pub required_uniform_growth_annual_beyond: Option<Beyond>,
    /// Which side of the search range [`Self::required_ai_growth_annual`] lies
    /// on when it is `None` and there is AI revenue; else `None`.
    pub required_ai_growth_annual_beyond: Option<Beyond>,
    /// The error bound of each year's total (see [`crate::checked`]), for
    /// the computations that build on it.
    pub total_error: Vec<f64>,
}

impl RevenuePath {
    /// The outputs in the order `compute` writes them (see [`Figure`]).
    pub fn figures(&self) -> Figures<'_, 19> {
        [
            ("ai", Figure::Series(&self.ai)),
            ("core", Figure::Series(&self.core)),
            ("total", Figure::Series(&self.total)),
            ("aiShare", Figure::Series(&self.ai_share)),
            ("cumulativeRmbBn", Figure::Series(&self.cumulative_rmb_bn)),
            ("cumulativeUsdBn", Figure::Series(&self.cumulative_usd_bn)),
            ("targetHitYear", Figure::Year(self.target_hit_year)),
            ("gapUsdBn", Figure::Number(Some(self.gap_usd_bn))),
            (
                "requiredUniformGrowth",
                Figure::Number(self.required_uniform_growth),
            ),
            ("requiredAiGrowth", Figure::Number(self.required_ai_growth)),
            (
                "requiredUniformGrowthBeyond",
                Figure::Beyond(self.required_uniform_growth_beyond),
            ),
            (
                "requiredAiGrowthBeyond",
                Figure::Beyond(self.required_ai_growth_beyond),
            ),
            ("annualUsdBn", Figure::Series(&self.annual_usd_bn)),
            (
                "annualTargetHitYear",
                Figure::Year(self.annual_target_hit_year),
            ),
            (
                "annualGapUsdBn",
                Figure::Number(Some(self.annual_gap_usd_bn)),
            ),
            (
                "requiredUniformGrowthAnnual",
                Figure::Number(self.required_uniform_growth_annual),
            ),
            (
                "requiredAiGrowthAnnual",
                Figure::Number(self.required_ai_growth_annual),
            ),
            (
                "requiredUniformGrowthAnnualBeyond",
                Figure::Beyond(self.required_uniform_growth_annual_beyond),
            ),
            (
                "requiredAiGrowthAnnualBeyond",
                Figure::Beyond(self.required_ai_growth_annual_beyond),
            ),
        ]
    }
}

/// Where a required growth rate outside the search range [-0.99, 10] lies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Beyond {
    /// Below -99 % a year: the target is reached even then.
    Below,
    /// Above 1,000 % a year: the target is out of reach even then.
    Above,
}

impl Beyond {
    /// `below` or `above`, as outputs name it.
    pub fn name(self) -> &'static str {
        match self {
            Beyond::Below => "below",
            Beyond::Above => "above",
        }
    }
}

impl ToJson for Beyond {
    fn write_json(&self, json: &mut Json) {
        self.name().write_json(json);
    }
}

/// Computes the revenue path of a valid scenario.
///
/// # Errors
/// [`ModelError::Overflow`] naming the first output that does not fit.
pub fn revenue_path(s: &Scenario) -> Result<RevenuePath> {
    revenue_path_traced(s, &mut Untraced)
}

/// [`revenue_path`], offering each output's explanation to `trace` where it
/// is computed ([`crate::trace`]).
///
/// # Errors
/// As [`revenue_path`].
pub fn revenue_path_traced(s: &Scenario, trace: &mut dyn Trace) -> Result<RevenuePath> {
    let h = s.horizon();
    let r = &s.revenue;
    let at = |name: &'static str, t: usize| move || entry_path(name, t - 1);
    let base = s.revenue.base_rmb_bn;
    let fx = s.fx_rmb_per_usd;
    let ai0 = (c(base) * s.revenue.ai_share_base).kept(|| "revenue.ai".into())?;
    let core0 = c(base) - ai0;
    let (ai0_value, core0_value) = (
        ai0.value().unwrap_or_default(),
        core0.value().unwrap_or_default(),
    );

    let (mut ai, mut core, mut total) = (Vec::with_capacity(h), Vec::with_capacity(h), Vec::new());
    let (mut ai_share, mut cumulative_rmb_bn, mut cumulative_usd_bn) =
        (Vec::new(), Vec::new(), Vec::new());
    let (mut annual_usd_bn, mut total_error) = (Vec::with_capacity(h), Vec::with_capacity(h));
    // core[t] / ai[t], carried as a product of year-on-year ratios rather
    // than divided out of ai[t] and core[t], which lose significant digits
    // as they shrink towards Decimal's 28th decimal place; divided out only
    // when the product leaves Decimal's range.
    let mut core_per_ai = (core0 / ai0).value();
    let (mut ai_t, mut core_t, mut cumulative) = (ai0, core0, c(Decimal::ZERO));
    let (mut last_cumulative_usd, mut last_annual_usd) = (c(Decimal::ZERO), c(Decimal::ZERO));
    for t in 1..=h {
        let i = Some(t - 1);
        ai_t = (ai_t * (Decimal::ONE + r.ai_growth.at(t))).kept(at("revenue.ai", t))?;
        trace.offer("revenue.ai", i, &|| {
            let formula =
                if t == 1 {
                    Formula::new("ai[1] = ai[0] * (1 + aiGrowth[1]), ai[0] = base * aiShareBase")
                        .input("base", "revenue.baseRmbBn", base)
                        .input("aiShareBase", "revenue.aiShareBase", r.ai_share_base)
                } else {
                    Formula::new(format!("ai[{t}] = ai[{}] * (1 + aiGrowth[{t}])", t - 1))
                        .year_output("ai", t - 1, "revenue.ai", &ai)
                };
            formula.year_input("aiGrowth", t, "revenue.aiGrowth", &r.ai_growth)
        });
        core_t = (core_t * (Decimal::ONE + r.core_growth.at(t))).kept(at("revenue.core", t))?;
        trace.offer("revenue.core", i, &|| {
            let formula = if t == 1 {
                Formula::new(
                    "core[1] = core[0] * (1 + coreGrowth[1]), core[0] = base - base * aiShareBase",
                )
                .input("base", "revenue.baseRmbBn", base)
                .input("aiShareBase", "revenue.aiShareBase", r.ai_share_base)
            } else {
                Formula::new(format!(
                    "core[{t}] = core[{}] * (1 + coreGrowth[{t}])",
                    t - 1
                ))
                .year_output("core", t - 1, "revenue.core", &core)
            };
            formula.year_input("coreGrowth", t, "revenue.coreGrowth", &r.core_growth)
        });
        let total_t = (ai_t + core_t).kept(at("revenue.total", t))?;
        cumulative = (cumulative + total_t).kept(at("revenue.cumulativeRmbBn", t))?;
        ai.push(ai_t.or_zero());
        core.push(core_t.or_zero());
        total.push(total_t.or_zero());
        total_error.push(total_t.error());
        trace.offer("revenue.total", i, &|| {
            Formula::new(format!("total[{t}] = ai[{t}] + core[{t}]"))
                .year_output("ai", t, "revenue.ai", &ai)
                .year_output("core", t, "revenue.core", &core)
        });
        trace.offer("revenue.cumulativeRmbBn", i, &|| {
            Formula::new(format!("cumulativeRmbBn[{t}] = {}", sum_of("total", 1..=t))).year_outputs(
                "total",
                1..=t,
                "revenue.total",
                &total,
            )
        });
        core_per_ai = match core_per_ai.and_then(|ratio| {
            (c(ratio) * (Decimal::ONE + s.revenue.core_growth.at(t))
                / (Decimal::ONE + s.revenue.ai_growth.at(t)))
            .value()
        }) {
            Some(ratio) => Some(ratio),
            // No ratio without AI or core revenue: the share is then 0 or 1.
            None if ai0_value.is_zero() || core0_value.is_zero() => None,
            None => Some((core_t / ai_t).or_overflow(at("revenue.aiShare", t))?),
        };
        ai_share.push(ai_share_of(ai0_value, core0_value, core_per_ai));
        trace.offer("revenue.aiShare", i, &|| {
            Formula::new(format!("aiShare[{t}] = ai[{t}] / total[{t}]"))
                .year_output("ai", t, "revenue.ai", &ai)
                .year_output("total", t, "revenue.total", &total)
        });
        cumulative_rmb_bn.push(cumulative.or_zero());
        last_cumulative_usd = (cumulative / fx).kept(at("revenue.cumulativeUsdBn", t))?;
        trace.offer("revenue.cumulativeUsdBn", i, &|| {
            Formula::new(format!("cumulativeUsdBn[{t}] = cumulativeRmbBn[{t}] / fx"))
                .year_output(
                    "cumulativeRmbBn",
                    t,
                    "revenue.cumulativeRmbBn",
                    &cumulative_rmb_bn,
                )
                .input("fx", "fxRmbPerUsd", fx)
        });
        last_annual_usd = (total_t / fx).kept(at("revenue.annualUsdBn", t))?;
        trace.offer("revenue.annualUsdBn", i, &|| {
            Formula::new(format!("annualUsdBn[{t}] = total[{t}] / fx"))
                .year_output("total", t, "revenue.total", &total)
                .input("fx", "fxRmbPerUsd", fx)
        });
        cumulative_usd_bn.push(last_cumulative_usd.or_zero());
        annual_usd_bn.push(last_annual_usd.or_zero());
    }

    let target = s.target_usd_bn;
    let hit_year = |usd: &[Decimal]| {
        usd.iter()
            .position(|&usd| usd >= target)
            .map(|index| s.base_fiscal_year + 1 + index as u32)
    };
    let gap_usd_bn = (last_cumulative_usd - target).or_overflow(|| "revenue.gapUsdBn".into())?;
    let annual_gap_usd_bn =
        (last_annual_usd - target).or_overflow(|| "revenue.annualGapUsdBn".into())?;
    trace.offer("revenue.gapUsdBn", None, &|| {
        Formula::new(format!("gapUsdBn = cumulativeUsdBn[{h}] - target"))
            .year_output(
                "cumulativeUsdBn",
                h,
                "revenue.cumulativeUsdBn",
                &cumulative_usd_bn,
            )
            .input("target", "targetUsdBn", target)
    });
    trace.offer("revenue.annualGapUsdBn", None, &|| {
        Formula::new(format!("annualGapUsdBn = annualUsdBn[{h}] - target"))
            .year_output("annualUsdBn", h, "revenue.annualUsdBn", &annual_usd_bn)
            .input("target", "targetUsdBn", target)
    });
    let target_hit_year = hit_year(&cumulative_usd_bn);
    let annual_target_hit_year = hit_year(&annual_usd_bn);
    for (name, short, series, year) in [
        (
            "revenue.targetHitYear",
            "cumulativeUsdBn",
            &cumulative_usd_bn,
            target_hit_year,
        ),
        (
            "revenue.annualTargetHitYear",
            "annualUsdBn",
            &annual_usd_bn,
            annual_target_hit_year,
        ),
    ] {
        trace.offer(name, None, &|| {
            let output = &name["revenue.".len()..];
            let path = format!("revenue.{short}");
            match year {
                Some(year) => {
                    let t = (year - s.base_fiscal_year) as usize;
                    Formula::because(
                        Reason::FirstYear,
                        &[
                            &format_args!("{output} = baseFiscalYear + {t}"),
                            &t,
                            &format_args!("{short}[t] >= target"),
                        ],
                    )
                    .integer("baseFiscalYear", "baseFiscalYear", s.base_fiscal_year)
                    .year_outputs(short, 1..=t, &path, series)
                    .input("target", "targetUsdBn", target)
                }
                None => Formula::because(
                    Reason::EveryYear,
                    &[
                        &format_args!("{output} = null"),
                        &format_args!("{short}[t] < target"),
                        &h,
                    ],
                )
                .year_outputs(short, 1..=h, &path, series)
                .input("target", "targetUsdBn", target),
            }
        });
    }

    // The solvers compare in RMB (target * fx) so that a tiny fx cannot overflow a division.
    let target_rmb = (c(target) * fx).or_overflow(|| "revenue.requiredUniformGrowth".into())?;
    let core_h = core.last().copied().unwrap_or_default();
    let core_sum = core
        .iter()
        .fold(c(Decimal::ZERO), |sum, &v| sum + v)
        .or_overflow(|| "revenue.requiredAiGrowth".into())?;
    // Cumulative: sum_{t=1..H} a x^t + constant; annual: a x^H + constant.
    let cumulative = |a: Decimal, constant: Decimal| {
        Polynomial::new(
            std::iter::once(constant)
                .chain(std::iter::repeat_n(a, h))
                .collect(),
        )
    };
    let annual = |a: Decimal, constant: Decimal| {
        Polynomial::new(
            std::iter::once(constant)
                .chain(std::iter::repeat_n(Decimal::ZERO, h - 1))
                .chain(std::iter::once(a))
                .collect(),
        )
    };
    let (required_uniform_growth, required_uniform_growth_beyond) = growth_root(
        &cumulative(base, -target_rmb),
        "revenue.requiredUniformGrowth",
    )?;
    let (required_uniform_growth_annual, required_uniform_growth_annual_beyond) = growth_root(
        &annual(base, -target_rmb),
        "revenue.requiredUniformGrowthAnnual",
    )?;
    let ((required_ai_growth, required_ai_growth_beyond), annual_ai) = if ai0_value.is_zero() {
        ((None, None), (None, None))
    } else {
        let constant =
            (c(core_sum) - target_rmb).or_overflow(|| "revenue.requiredAiGrowth".into())?;
        let annual_constant =
            (c(core_h) - target_rmb).or_overflow(|| "revenue.requiredAiGrowthAnnual".into())?;
        (
            growth_root(&cumulative(ai0_value, constant), "revenue.requiredAiGrowth")?,
            growth_root(
                &annual(ai0_value, annual_constant),
                "revenue.requiredAiGrowthAnnual",
            )?,
        )
    };
    let (required_ai_growth_annual, required_ai_growth_annual_beyond) = annual_ai;

    // The equations the required growths solve, and their terms.
    let uniform_terms = |formula: Formula| {
        formula
            .input("base", "revenue.baseRmbBn", base)
            .input("fx", "fxRmbPerUsd", fx)
            .input("target", "targetUsdBn", target)
    };
    let core_ref = &core;
    let ai_terms = |years: std::ops::RangeInclusive<usize>| {
        move |formula: Formula| {
            formula
                .input("base", "revenue.baseRmbBn", base)
                .input("aiShareBase", "revenue.aiShareBase", r.ai_share_base)
                .year_outputs("core", years.clone(), "revenue.core", core_ref)
                .input("fx", "fxRmbPerUsd", fx)
                .input("target", "targetUsdBn", target)
        }
    };
    let no_ai = (ai0_value.is_zero()).then_some(|formula: Formula| {
        formula.input("base", "revenue.baseRmbBn", base).input(
            "aiShareBase",
            "revenue.aiShareBase",
            r.ai_share_base,
        )
    });
    offer_growth(
        trace,
        (
            "revenue.requiredUniformGrowth",
            "revenue.requiredUniformGrowthBeyond",
        ),
        || format!("sum_{{t=1..{h}}} base * (1 + g)^t / fx = target"),
        uniform_terms,
        None::<fn(Formula) -> Formula>,
        (required_uniform_growth, required_uniform_growth_beyond),
    );
    offer_growth(
        trace,
        (
            "revenue.requiredUniformGrowthAnnual",
            "revenue.requiredUniformGrowthAnnualBeyond",
        ),
        || format!("base * (1 + g)^{h} / fx = target"),
        uniform_terms,
        None::<fn(Formula) -> Formula>,
        (
            required_uniform_growth_annual,
            required_uniform_growth_annual_beyond,
        ),
    );
    offer_growth(
        trace,
        ("revenue.requiredAiGrowth", "revenue.requiredAiGrowthBeyond"),
        || format!("sum_{{t=1..{h}}} (base * aiShareBase * (1 + g)^t + core[t]) / fx = target"),
        ai_terms(1..=h),
        no_ai,
        (required_ai_growth, required_ai_growth_beyond),
    );
    offer_growth(
        trace,
        (
            "revenue.requiredAiGrowthAnnual",
            "revenue.requiredAiGrowthAnnualBeyond",
        ),
        || format!("(base * aiShareBase * (1 + g)^{h} + core[{h}]) / fx = target"),
        ai_terms(h..=h),
        no_ai,
        (required_ai_growth_annual, required_ai_growth_annual_beyond),
    );

    Ok(RevenuePath {
        ai,
        core,
        total,
        ai_share,
        cumulative_rmb_bn,
        cumulative_usd_bn,
        target_hit_year,
        gap_usd_bn,
        required_uniform_growth,
        required_ai_growth,
        required_uniform_growth_beyond,
        required_ai_growth_beyond,
        annual_usd_bn,
        annual_target_hit_year,
        annual_gap_usd_bn,
        required_uniform_growth_annual,
        required_ai_growth_annual,
        required_uniform_growth_annual_beyond,
        required_ai_growth_annual_beyond,
        total_error,
    })
}

/// `aiShare[t] = ai[t] / total[t] = 1 / (1 + core[t] / ai[t])`, exact to
/// Decimal's precision however small the revenue has become: 0 without AI
/// revenue, 1 without core revenue, and 0 when core revenue outgrows AI
/// revenue beyond a Decimal (the share is then below 1e-28).
fn ai_share_of(ai0: Decimal, core0: Decimal, core_per_ai: Option<Decimal>) -> Decimal {
    if ai0.is_zero() {
        return Decimal::ZERO;
    }
    if core0.is_zero() {
        return Decimal::ONE;
    }
    core_per_ai
        .and_then(|ratio| Decimal::ONE.checked_add(ratio))
        .and_then(|sum| Decimal::ONE.checked_div(sum))
        .unwrap_or(Decimal::ZERO)
}

/// Offers the explanations of a required growth (`names.0`,
/// `revenue.requiredUniformGrowth`) and of its `...Beyond` twin
/// (`names.1`): the `equation` in g it solves, with `terms`, or why it has
/// no solution in the search range; `no_ai`, when there is no AI revenue to
/// grow, gives the terms that show it.
fn offer_growth(
    trace: &mut dyn Trace,
    names: (&'static str, &'static str),
    equation: impl Fn() -> String,
    terms: impl Fn(Formula) -> Formula,
    no_ai: Option<impl Fn(Formula) -> Formula>,
    (rate, beyond): (Option<Decimal>, Option<Beyond>),
) {
    let (lo, hi) = GROWTH_SEARCH;
    let interval = || format!("[{}, {}]", exact_text(lo), exact_text(hi));
    let (name, beyond_name) = names;
    let short = name.strip_prefix("revenue.").unwrap_or(name);
    // Why `output` (the rate or its twin) has `value`.
    let why = |output: &str, value: &str| {
        let head = format!("{output} = {value}");
        let equation = equation();
        match (&no_ai, beyond) {
            (Some(no_ai), _) => no_ai(Formula::because(
                Reason::NoAiRevenue,
                &[&head, &"ai[0] = base * aiShareBase = 0"],
            )),
            (None, Some(Beyond::Below)) => terms(Formula::because(
                Reason::BeyondBelow,
                &[&head, &exact_text(lo), &equation],
            )),
            (None, Some(Beyond::Above)) => terms(Formula::because(
                Reason::BeyondAbove,
                &[&head, &exact_text(hi), &equation],
            )),
            (None, None) => terms(Formula::because(
                Reason::Solves,
                &[&head, &short, &equation, &interval()],
            )),
        }
    };
    trace.offer(name, None, &|| match rate {
        Some(_) => terms(Formula::because(
            Reason::Root,
            &[&short, &"g", &interval(), &equation()],
        )),
        None => why(short, "null"),
    });
    trace.offer(beyond_name, None, &|| {
        let output = format!("{short}Beyond");
        match (beyond, rate) {
            (Some(Beyond::Below), _) => why(&output, "\"below\""),
            (Some(Beyond::Above), _) => why(&output, "\"above\""),
            (None, Some(rate)) => why(&output, "null").output(short, name, rate),
            (None, None) => why(&output, "null"),
        }
    });
}

/// The growth rate g = x - 1 at the root of `p` in x, searched over
/// [`GROWTH_SEARCH`], or the side it lies beyond. `p` (cumulative revenue
/// less the target) grows with g, so positive throughout means the root is
/// below the range.
fn growth_root(p: &Polynomial, field: &'static str) -> Result<(Option<Decimal>, Option<Beyond>)> {
    let (lo, hi) = GROWTH_SEARCH;
    match root_in(p, Decimal::ONE + lo, Decimal::ONE + hi) {
        Root::At(x) => Ok((Some(x - Decimal::ONE), None)),
        Root::Outside { sign } if sign > 0 => Ok((None, Some(Beyond::Below))),
        Root::Outside { .. } => Ok((None, Some(Beyond::Above))),
        Root::Overflow => Err(ModelError::Overflow {
            field: field.to_string(),
        }),
    }
}
