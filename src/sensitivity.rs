//! Sensitivity (contract 1.1): a tornado of the inputs that matter most.
//!
//! For each of thirteen input groups, every value of the group (every year
//! of a year array) is multiplied by `1 - delta` (low) and by `1 + delta`
//! (high), clamped into its domain, and the scenario is computed exactly as
//! by [`crate::compute`], in Decimal. The rows are sorted by how far the
//! cumulative US$ revenue at the horizon moves between low and high.

use rust_decimal::Decimal;

use crate::error::{ModelError, Result};
use crate::json::{Json, ToJson};
use crate::number::as_written;
use crate::scenario::{Domain, FieldSlot, Scenario, FIELDS};

/// The input groups, in the contract's order.
pub const GROUPS: [&str; 13] = [
    "revenue.baseRmbBn",
    "revenue.aiShareBase",
    "revenue.aiGrowth",
    "revenue.coreGrowth",
    "fxRmbPerUsd",
    "capex.rmbBn",
    "capex.incrementalCashMargin",
    "capex.discountRate",
    "tokens.priceRmbPerMTok",
    "tokens.tokensPerSecond",
    "tokens.utilization",
    "tokens.acceleratorCostRmb",
    "tokens.inHouseShare",
];

/// The figures a row compares, at the horizon.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    /// Cumulative revenue, US$ bn, at year H.
    pub cumulative_usd_bn: Decimal,
    /// NPV of the capex, RMB bn.
    pub npv_rmb_bn: Decimal,
    /// Token gross margin in year H.
    pub gross_margin: Decimal,
}

/// One input group moved down and up.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The group's JSON path.
    pub group: &'static str,
    /// The figures with the group at `1 - delta` times its values; `None`
    /// when that scenario overflows.
    pub low: Option<Figures>,
    /// The same at `1 + delta`.
    pub high: Option<Figures>,
    /// Whether any value had to be clamped into its domain.
    pub clamped: bool,
}

/// What [`sensitivity`] returns.
#[derive(Debug, Clone, PartialEq)]
pub struct Tornado {
    /// The figures of the unchanged scenario.
    pub base: Figures,
    /// One row per group, the widest swing in cumulative US$ first.
    pub rows: Vec<Row>,
}

impl ToJson for Figures {
    fn write_json(&self, json: &mut Json) {
        json.object(|json| {
            json.rounded("cumulativeUsdBn", &self.cumulative_usd_bn);
            json.rounded("npvRmbBn", &self.npv_rmb_bn);
            json.rounded("grossMargin", &self.gross_margin);
        });
    }
}

impl ToJson for Row {
    fn write_json(&self, json: &mut Json) {
        json.object(|json| {
            json.field("group", self.group);
            json.field("low", &self.low);
            json.field("high", &self.high);
            json.field("clamped", &self.clamped);
        });
    }
}

impl ToJson for Tornado {
    fn write_json(&self, json: &mut Json) {
        json.object(|json| {
            json.field("base", &self.base);
            json.field("rows", &self.rows);
        });
    }
}

/// The relative move, in (0, 1].
///
/// # Errors
/// [`ModelError::OutOfRange`] naming `options.delta`.
pub fn check_delta(delta: Decimal) -> Result<Decimal> {
    if delta > Decimal::ZERO && delta <= Decimal::ONE {
        Ok(delta)
    } else {
        Err(ModelError::OutOfRange {
            field: "options.delta".to_string(),
            domain: Domain::Decimal {
                min: Decimal::ZERO,
                min_open: true,
                max: Decimal::ONE,
                max_open: false,
            },
        })
    }
}

fn figures(s: &Scenario) -> Result<Figures> {
    let p = crate::compute(s)?;
    let last = |values: &[Decimal]| values.last().copied().unwrap_or_default();
    Ok(Figures {
        cumulative_usd_bn: last(&p.revenue.cumulative_usd_bn),
        npv_rmb_bn: p.capex.npv_rmb_bn,
        gross_margin: last(&p.tokens.gross_margin),
    })
}

/// The smallest positive Decimal, 1e-28.
const LAST_PLACE: Decimal = Decimal::from_parts(1, 0, 0, false, 28);

/// `value * factor`, clamped into `domain`; whether it had to be. Every open
/// end of a field's domain is a lower end at 0 (`(0, max]`, the
/// positive-only fields; a test holds it), which the domain leaves out: a
/// value at or below it is clamped to the nearest one inside, 1e-28, as
/// `delta = 1` moves every low value to 0.
fn scaled(value: Decimal, factor: Decimal, domain: Domain) -> (Decimal, bool) {
    let Domain::Decimal {
        min, min_open, max, ..
    } = domain
    else {
        return (value, false);
    };
    let lowest = if min_open { LAST_PLACE } else { min };
    let moved = value.checked_mul(factor).unwrap_or(max);
    let clamped = moved.clamp(lowest, max);
    (clamped, clamped != moved)
}

/// The scenario with every value of `group` times `factor`, and whether any was clamped.
fn moved(s: &Scenario, group: &str, factor: Decimal) -> (Scenario, bool) {
    let mut s = s.clone();
    let mut clamped = false;
    if let Some(field) = FIELDS.iter().find(|field| field.path == group) {
        match (field.slot)(&mut s) {
            FieldSlot::Decimal(value) => {
                let (new, was) = scaled(*value, factor, field.domain);
                (*value, clamped) = (new, was);
            }
            FieldSlot::Years(years) => {
                for value in &mut years.0 {
                    let (new, was) = scaled(*value, factor, field.domain);
                    *value = new;
                    clamped |= was;
                }
            }
            FieldSlot::Integer(_) => {}
        }
    }
    (s, clamped)
}

/// The tornado of a valid scenario, as the module docs say.
///
/// # Errors
/// The first problem of the scenario, `options.delta` out of range, or an
/// overflow of the unchanged scenario.
pub fn sensitivity(s: &Scenario, delta: Decimal) -> Result<Tornado> {
    let base = figures(s)?;
    let delta = check_delta(delta)?;
    let rows: Vec<Row> = GROUPS
        .iter()
        .map(|&group| {
            let (low, low_clamped) = moved(s, group, Decimal::ONE - delta);
            let (high, high_clamped) = moved(s, group, Decimal::ONE + delta);
            Row {
                group,
                low: figures(&low).ok(),
                high: figures(&high).ok(),
                clamped: low_clamped || high_clamped,
            }
        })
        .collect();
    // The swing of the figures as written (to 9 places): two swings equal in
    // exact arithmetic differ only in digits past those, where 28-digit
    // arithmetic leaves noise, and must keep the group order there.
    let swing = |row: &Row| match (&row.low, &row.high) {
        (Some(low), Some(high)) => as_written(high.cumulative_usd_bn)
            .checked_sub(as_written(low.cumulative_usd_bn))
            .map_or(Decimal::MAX, |swing| swing.abs()),
        _ => Decimal::ZERO,
    };
    let mut swung: Vec<(Decimal, Row)> = rows.into_iter().map(|row| (swing(&row), row)).collect();
    // Largest swing first; a row moves only past smaller swings, so ties
    // keep the contract's group order (a stable insertion sort: a tornado
    // has one row per group, and the standard library's stable sort would
    // add 3 KB to the module for them).
    for end in 1..swung.len() {
        let mut at = end;
        while at > 0 && swung[at - 1].0 < swung[at].0 {
            swung.swap(at - 1, at);
            at -= 1;
        }
    }
    let rows = swung.into_iter().map(|(_, row)| row).collect();
    Ok(Tornado { base, rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_open_end_is_a_lower_end_at_zero() {
        for field in FIELDS {
            if let Domain::Decimal {
                min,
                min_open,
                max_open,
                ..
            } = field.domain
            {
                assert!(!max_open, "{}", field.path);
                assert!(!min_open || min.is_zero(), "{}", field.path);
            }
        }
    }
}
