//! The certainty goal seek (contract 1.1, `solveProbability`): how much
//! higher (or lower) every year's AI growth must be for the cumulative
//! target to be reached with a given probability.
//!
//! The shift `s` is added to every year's AI growth before the random
//! shifts of [`crate::simulate`]; every `s` is tried on the same draws
//! (common random numbers), so the probability of reaching the target never
//! falls as `s` rises, and bisection finds the smallest `s` in [-2, 10] that
//! gives at least the probability asked for, to within 1e-6.

use rust_decimal::Decimal;

use crate::error::{ModelError, Result};
use crate::json::{Json, ToJson};
use crate::revenue::Beyond;
use crate::scenario::{Domain, Scenario};
use crate::simulate::{decimal, draws, sample, share, Model, Options};

/// The range the shift is searched in, and how finely.
const SEARCH: (f64, f64) = (-2.0, 10.0);
const STEP: f64 = 1e-6;

/// What [`solve_probability`] returns.
#[derive(Debug, Clone, PartialEq)]
pub struct Certainty {
    /// The smallest shift of every year's AI growth (a fraction: 0.12 is 12
    /// points) that reaches the probability; `None` when even +10 does not.
    pub ai_growth_shift: Option<Decimal>,
    /// The probability of reaching the cumulative target with that shift
    /// (with +10 when none suffices).
    pub probability: Decimal,
    /// `Below` when even a shift of -2 reaches the probability, `Above` when
    /// +10 does not; `None` when the shift was found in between.
    pub beyond: Option<Beyond>,
}

impl ToJson for Certainty {
    fn write_json(&self, json: &mut Json) {
        json.object(|json| {
            json.rounded("aiGrowthShift", &self.ai_growth_shift);
            json.rounded("probability", &self.probability);
            json.field("beyond", &self.beyond);
        });
    }
}

/// The probability asked for must be in (0, 1).
///
/// # Errors
/// [`ModelError::OutOfRange`] naming `options.probability`.
pub fn check_probability(probability: Decimal) -> Result<Decimal> {
    if probability > Decimal::ZERO && probability < Decimal::ONE {
        Ok(probability)
    } else {
        Err(ModelError::OutOfRange {
            field: "options.probability".to_string(),
            domain: Domain::Decimal {
                min: Decimal::ZERO,
                min_open: true,
                max: Decimal::ONE,
                max_open: true,
            },
        })
    }
}

/// The certainty goal seek, as the module docs say.
///
/// # Errors
/// The first problem of the scenario or the options.
pub fn solve_probability(
    s: &Scenario,
    probability: Decimal,
    options: Options,
) -> Result<Certainty> {
    if let Some(problem) = s.problems().into_iter().next() {
        return Err(problem);
    }
    let probability = check_probability(probability)?;
    let options = options.check()?;
    let m = Model::new(s);
    let all: Vec<[f64; 4]> = draws(&m, options).collect();
    let n = all.len();
    let hits = |shift: f64| {
        all.iter()
            .filter(|&&[d_ai, d_core, fx, d_margin]| {
                sample(&m, d_ai + shift, d_core, fx, d_margin).hit_index < m.h
            })
            .count()
    };
    // Enough hits: at least probability * n, compared exactly.
    let wanted = probability * Decimal::from(n as u64);
    let enough = |count: usize| Decimal::from(count as u64) >= wanted;
    let (low, high) = SEARCH;
    let at_low = hits(low);
    if enough(at_low) {
        return Ok(Certainty {
            ai_growth_shift: Some(shift_decimal(low)?),
            probability: share(at_low, n),
            beyond: Some(Beyond::Below),
        });
    }
    let at_high = hits(high);
    if !enough(at_high) {
        return Ok(Certainty {
            ai_growth_shift: None,
            probability: share(at_high, n),
            beyond: Some(Beyond::Above),
        });
    }
    // Not enough at `below`, enough at `above`.
    let (mut below, mut above, mut at_above) = (low, high, at_high);
    while above - below > STEP {
        let middle = 0.5 * (below + above);
        let count = hits(middle);
        if enough(count) {
            (above, at_above) = (middle, count);
        } else {
            below = middle;
        }
    }
    Ok(Certainty {
        ai_growth_shift: Some(shift_decimal(above)?),
        probability: share(at_above, n),
        beyond: None,
    })
}

fn shift_decimal(shift: f64) -> Result<Decimal> {
    decimal(shift, || "aiGrowthShift".to_string())
}
