//! The input: a [`Scenario`], its fields' domains, and their validation.
//!
//! Money is in RMB billions unless a name says otherwise; ratios are plain
//! fractions (0.30 = 30 %). Year `t` runs 1..H after the base fiscal year.
//! The table [`FIELDS`] lists every field once, by its JSON path, with its
//! short link key and its domain: parsing, validation, presets' notes and the
//! URL codec ([`crate::link`]) all walk it, so a field's path, key and range
//! are written in one place.

use std::fmt;

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::error::ModelError;
use crate::json::{Exact, Json, ToJson};
use crate::number::exact_text;

/// The most entries a year array holds, and the longest horizon.
pub const MAX_YEARS: usize = 10;

/// Per-year values for t = 1, 2, …: 1..[`MAX_YEARS`] entries. When shorter than
/// the horizon, the last entry holds for the remaining years; entries past the
/// horizon are ignored.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct YearArray(pub Vec<Decimal>);

impl YearArray {
    /// The value for year `t` (1-based), padding with the last entry.
    /// An empty array (which validation refuses) reads as zero.
    pub fn at(&self, t: usize) -> Decimal {
        let index = t.saturating_sub(1);
        self.0
            .get(index)
            .or(self.0.last())
            .copied()
            .unwrap_or_default()
    }

    /// The 0-based entry that holds year `t` (1-based): `t - 1`, or the
    /// last entry when the array is shorter.
    pub fn entry_of(&self, t: usize) -> usize {
        t.saturating_sub(1).min(self.0.len().saturating_sub(1))
    }
}

impl<const N: usize> From<[Decimal; N]> for YearArray {
    fn from(values: [Decimal; N]) -> Self {
        YearArray(values.to_vec())
    }
}

/// A full set of assumptions. Every field is required.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scenario {
    /// Years projected, integer 1..10.
    pub horizon_years: u32,
    /// Fiscal-year label of year 0, integer 1990..2100.
    pub base_fiscal_year: u32,
    /// RMB per US$, (0, 1000].
    pub fx_rmb_per_usd: Decimal,
    /// Cumulative revenue target over years 1..H, US$ billions, (0, 1e6].
    pub target_usd_bn: Decimal,
    /// Revenue assumptions.
    pub revenue: Revenue,
    /// Capital expenditure and returns.
    pub capex: Capex,
    /// Token serving economics.
    pub tokens: Tokens,
    /// Half-widths for the Monte Carlo.
    pub uncertainty: Uncertainty,
}

/// `{horizonYears, ..., revenue: {...}, ...}`: every field of [`FIELDS`] in
/// its order (the order of the contract and of these structs; a test holds
/// the keys to the table), in its section's object; decimals as strings
/// exactly as held. Written out field by field, as a derive would: a loop
/// over the table was 5-8 % slower for `defaultScenario` and `presets`.
impl ToJson for Scenario {
    fn write_json(&self, json: &mut Json) {
        let years = |json: &mut Json, key: &str, years: &YearArray| {
            json.key(key);
            json.array(years.0.iter().map(|&value| Exact(value)));
        };
        let exact = |json: &mut Json, key: &str, value: Decimal| json.field(key, &Exact(value));
        json.object(|json| {
            json.field("horizonYears", &self.horizon_years);
            json.field("baseFiscalYear", &self.base_fiscal_year);
            exact(json, "fxRmbPerUsd", self.fx_rmb_per_usd);
            exact(json, "targetUsdBn", self.target_usd_bn);
            json.key("revenue");
            json.object(|json| {
                let r = &self.revenue;
                exact(json, "baseRmbBn", r.base_rmb_bn);
                exact(json, "aiShareBase", r.ai_share_base);
                years(json, "aiGrowth", &r.ai_growth);
                years(json, "coreGrowth", &r.core_growth);
            });
            json.key("capex");
            json.object(|json| {
                let c = &self.capex;
                years(json, "rmbBn", &c.rmb_bn);
                exact(json, "incrementalCashMargin", c.incremental_cash_margin);
                json.field("assetLifeYears", &c.asset_life_years);
                exact(json, "discountRate", c.discount_rate);
                exact(json, "baseEbitaRmbBn", c.base_ebita_rmb_bn);
            });
            json.key("tokens");
            json.object(|json| {
                let t = &self.tokens;
                exact(json, "priceRmbPerMTok", t.price_rmb_per_m_tok);
                years(json, "priceChange", &t.price_change);
                exact(json, "acceleratorCostRmb", t.accelerator_cost_rmb);
                json.field("acceleratorLifeYears", &t.accelerator_life_years);
                exact(json, "powerKw", t.power_kw);
                exact(json, "electricityRmbPerKwh", t.electricity_rmb_per_kwh);
                exact(json, "otherOpexRmbPerHour", t.other_opex_rmb_per_hour);
                exact(json, "tokensPerSecond", t.tokens_per_second);
                years(json, "throughputGain", &t.throughput_gain);
                exact(json, "utilization", t.utilization);
                years(json, "inHouseShare", &t.in_house_share);
                exact(json, "inHouseCostRatio", t.in_house_cost_ratio);
                exact(json, "inHousePerfRatio", t.in_house_perf_ratio);
                exact(json, "tokensPerDayTrillions", t.tokens_per_day_trillions);
                years(json, "volumeGrowth", &t.volume_growth);
            });
            json.key("uncertainty");
            json.object(|json| {
                let u = &self.uncertainty;
                exact(json, "aiGrowthSpread", u.ai_growth_spread);
                exact(json, "coreGrowthSpread", u.core_growth_spread);
                exact(json, "fxSpread", u.fx_spread);
                exact(json, "cashMarginSpread", u.cash_margin_spread);
            });
        });
    }
}

/// Revenue assumptions.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Revenue {
    /// AI+cloud revenue in year 0, RMB bn, (0, 1e6].
    pub base_rmb_bn: Decimal,
    /// AI-related share of year-0 revenue, [0, 1].
    pub ai_share_base: Decimal,
    /// AI revenue growth per year, each in [-0.99, 10].
    pub ai_growth: YearArray,
    /// Non-AI revenue growth per year, each in [-0.99, 10].
    pub core_growth: YearArray,
}

/// Capital expenditure and returns.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Capex {
    /// Capital expenditure per year, RMB bn, each in [0, 1e5].
    pub rmb_bn: YearArray,
    /// Cash margin earned on revenue above year 0, [-1, 1].
    pub incremental_cash_margin: Decimal,
    /// Straight-line depreciation life, integer years 1..30.
    pub asset_life_years: u32,
    /// Discount rate for NPV and discounted payback, [0, 1].
    pub discount_rate: Decimal,
    /// Year-0 adjusted EBITA, RMB bn, [-1e5, 1e5].
    pub base_ebita_rmb_bn: Decimal,
}

/// Token serving economics.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tokens {
    /// Blended price per million tokens in year 0, RMB, (0, 1e4].
    pub price_rmb_per_m_tok: Decimal,
    /// Price change per year, each in [-0.99, 10].
    pub price_change: YearArray,
    /// Imported accelerator including its server share, RMB, (0, 1e8].
    pub accelerator_cost_rmb: Decimal,
    /// Accelerator depreciation life, integer years 1..15.
    pub accelerator_life_years: u32,
    /// Power per accelerator including cooling, kW, [0, 100].
    pub power_kw: Decimal,
    /// Electricity price, RMB per kWh, [0, 100].
    pub electricity_rmb_per_kwh: Decimal,
    /// Network, facility and staff cost per accelerator-hour, RMB, [0, 1e4].
    pub other_opex_rmb_per_hour: Decimal,
    /// Tokens per second per imported accelerator in year 0, (0, 1e7].
    pub tokens_per_second: Decimal,
    /// Serving-efficiency gain per year, each in [-0.99, 10].
    pub throughput_gain: YearArray,
    /// Share of hours spent serving, (0, 1].
    pub utilization: Decimal,
    /// Share of the fleet on in-house chips per year, each in [0, 1].
    pub in_house_share: YearArray,
    /// In-house unit cost / imported unit cost, (0, 10].
    pub in_house_cost_ratio: Decimal,
    /// In-house throughput / imported throughput, (0, 10].
    pub in_house_perf_ratio: Decimal,
    /// Platform volume in year 0, trillions of tokens per day, [0, 1e6].
    pub tokens_per_day_trillions: Decimal,
    /// Token volume growth per year, each in [-0.99, 100].
    pub volume_growth: YearArray,
}

/// Half-widths (absolute) of the Monte Carlo's triangular shifts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Uncertainty {
    /// AI growth shift half-width, [0, 10].
    pub ai_growth_spread: Decimal,
    /// Core growth shift half-width, [0, 10].
    pub core_growth_spread: Decimal,
    /// FX shift half-width, RMB per US$, [0, 100].
    pub fx_spread: Decimal,
    /// Cash margin shift half-width, [0, 1].
    pub cash_margin_spread: Decimal,
}

/// The allowed values of a field (of each entry, for a year array).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Domain {
    /// An integer in `min..=max`.
    Integer {
        /// Smallest allowed.
        min: u32,
        /// Largest allowed.
        max: u32,
    },
    /// A decimal between two bounds, each open or closed.
    Decimal {
        /// Lower bound.
        min: Decimal,
        /// Whether `min` itself is excluded.
        min_open: bool,
        /// Upper bound.
        max: Decimal,
        /// Whether `max` itself is excluded.
        max_open: bool,
    },
}

const fn closed(min: Decimal, max: Decimal) -> Domain {
    Domain::Decimal {
        min,
        min_open: false,
        max,
        max_open: false,
    }
}

/// `(min, max]`: every positive-only field.
const fn open_closed(min: Decimal, max: Decimal) -> Domain {
    Domain::Decimal {
        min,
        min_open: true,
        max,
        max_open: false,
    }
}

const fn integer(min: u32, max: u32) -> Domain {
    Domain::Integer { min, max }
}

impl Domain {
    /// Whether a decimal lies in the domain (integers must have no fraction).
    pub fn contains(&self, value: Decimal) -> bool {
        match *self {
            Domain::Integer { min, max } => {
                value.fract().is_zero()
                    && value >= Decimal::from(min)
                    && value <= Decimal::from(max)
            }
            Domain::Decimal {
                min,
                min_open,
                max,
                max_open,
            } => {
                let above = if min_open { value > min } else { value >= min };
                let below = if max_open { value < max } else { value <= max };
                above && below
            }
        }
    }
}

impl fmt::Display for Domain {
    /// `integer 1..10`, `[-0.99, 10]`, `(0, 1000000]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Domain::Integer { min, max } => write!(f, "integer {min}..{max}"),
            Domain::Decimal {
                min,
                min_open,
                max,
                max_open,
            } => write!(
                f,
                "{}{}, {}{}",
                if min_open { '(' } else { '[' },
                exact_text(min),
                exact_text(max),
                if max_open { ')' } else { ']' }
            ),
        }
    }
}

/// A field's value, read from a scenario.
#[derive(Debug, Clone, Copy)]
pub enum FieldValue<'a> {
    /// An integer field.
    Integer(u32),
    /// A decimal field.
    Decimal(Decimal),
    /// A year array.
    Years(&'a YearArray),
}

/// A field's storage, to write a parsed value into.
#[derive(Debug)]
pub enum FieldSlot<'a> {
    /// An integer field.
    Integer(&'a mut u32),
    /// A decimal field.
    Decimal(&'a mut Decimal),
    /// A year array.
    Years(&'a mut YearArray),
}

/// One field of [`Scenario`]: its JSON path, its link key, its domain, and
/// access to it.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// JSON path, camelCase: `revenue.aiGrowth`.
    pub path: &'static str,
    /// Short key in a shared link ([`crate::link`]): `rev.ai`. Unique, only
    /// `[a-zA-Z0-9.]`, never `v` or `p`. Part of link format version 1: a
    /// key, once published, must keep its meaning.
    pub key: &'static str,
    /// Allowed values (of each entry, for a year array).
    pub domain: Domain,
    /// Reads the field.
    pub get: fn(&Scenario) -> FieldValue<'_>,
    /// Gives the field's storage.
    pub slot: fn(&mut Scenario) -> FieldSlot<'_>,
}

macro_rules! field_table {
    ($( $path:literal, $key:literal, $kind:ident, $($member:ident).+, $domain:expr; )*) => {
        /// Every field of [`Scenario`], in the order of the model contract.
        pub const FIELDS: &[Field] = &[$(
            Field {
                path: $path,
                key: $key,
                domain: $domain,
                get: |s| field_table!(@get $kind, s.$($member).+),
                slot: |s| FieldSlot::$kind(&mut s.$($member).+),
            },
        )*];
    };
    (@get Years, $place:expr) => { FieldValue::Years(&$place) };
    (@get $kind:ident, $place:expr) => { FieldValue::$kind($place) };
}

const GROWTH: Domain = closed(dec!(-0.99), dec!(10));
const SHARE: Domain = closed(dec!(0), dec!(1));

field_table! {
    "horizonYears", "h", Integer, horizon_years, integer(1, MAX_YEARS as u32);
    "baseFiscalYear", "fy", Integer, base_fiscal_year, integer(1990, 2100);
    "fxRmbPerUsd", "fx", Decimal, fx_rmb_per_usd, open_closed(dec!(0), dec!(1000));
    "targetUsdBn", "target", Decimal, target_usd_bn, open_closed(dec!(0), dec!(1000000));
    "revenue.baseRmbBn", "rev.base", Decimal, revenue.base_rmb_bn, open_closed(dec!(0), dec!(1000000));
    "revenue.aiShareBase", "rev.share", Decimal, revenue.ai_share_base, SHARE;
    "revenue.aiGrowth", "rev.ai", Years, revenue.ai_growth, GROWTH;
    "revenue.coreGrowth", "rev.core", Years, revenue.core_growth, GROWTH;
    "capex.rmbBn", "capex", Years, capex.rmb_bn, closed(dec!(0), dec!(100000));
    "capex.incrementalCashMargin", "capex.margin", Decimal, capex.incremental_cash_margin, closed(dec!(-1), dec!(1));
    "capex.assetLifeYears", "capex.life", Integer, capex.asset_life_years, integer(1, 30);
    "capex.discountRate", "capex.rate", Decimal, capex.discount_rate, SHARE;
    "capex.baseEbitaRmbBn", "capex.ebita", Decimal, capex.base_ebita_rmb_bn, closed(dec!(-100000), dec!(100000));
    "tokens.priceRmbPerMTok", "tok.price", Decimal, tokens.price_rmb_per_m_tok, open_closed(dec!(0), dec!(10000));
    "tokens.priceChange", "tok.priceChange", Years, tokens.price_change, GROWTH;
    "tokens.acceleratorCostRmb", "tok.accCost", Decimal, tokens.accelerator_cost_rmb, open_closed(dec!(0), dec!(100000000));
    "tokens.acceleratorLifeYears", "tok.accLife", Integer, tokens.accelerator_life_years, integer(1, 15);
    "tokens.powerKw", "tok.kw", Decimal, tokens.power_kw, closed(dec!(0), dec!(100));
    "tokens.electricityRmbPerKwh", "tok.kwh", Decimal, tokens.electricity_rmb_per_kwh, closed(dec!(0), dec!(100));
    "tokens.otherOpexRmbPerHour", "tok.opex", Decimal, tokens.other_opex_rmb_per_hour, closed(dec!(0), dec!(10000));
    "tokens.tokensPerSecond", "tok.tps", Decimal, tokens.tokens_per_second, open_closed(dec!(0), dec!(10000000));
    "tokens.throughputGain", "tok.gain", Years, tokens.throughput_gain, GROWTH;
    "tokens.utilization", "tok.util", Decimal, tokens.utilization, open_closed(dec!(0), dec!(1));
    "tokens.inHouseShare", "tok.inHouse", Years, tokens.in_house_share, SHARE;
    "tokens.inHouseCostRatio", "tok.inHouseCost", Decimal, tokens.in_house_cost_ratio, open_closed(dec!(0), dec!(10));
    "tokens.inHousePerfRatio", "tok.inHousePerf", Decimal, tokens.in_house_perf_ratio, open_closed(dec!(0), dec!(10));
    "tokens.tokensPerDayTrillions", "tok.volume", Decimal, tokens.tokens_per_day_trillions, closed(dec!(0), dec!(1000000));
    "tokens.volumeGrowth", "tok.volumeGrowth", Years, tokens.volume_growth, closed(dec!(-0.99), dec!(100));
    "uncertainty.aiGrowthSpread", "unc.ai", Decimal, uncertainty.ai_growth_spread, closed(dec!(0), dec!(10));
    "uncertainty.coreGrowthSpread", "unc.core", Decimal, uncertainty.core_growth_spread, closed(dec!(0), dec!(10));
    "uncertainty.fxSpread", "unc.fx", Decimal, uncertainty.fx_spread, closed(dec!(0), dec!(100));
    "uncertainty.cashMarginSpread", "unc.margin", Decimal, uncertainty.cash_margin_spread, SHARE;
}

/// A field as a form needs it: `{path, key, kind, min, max, minOpen, maxOpen, range}`,
/// bounds as decimal strings, `kind` one of `integer`, `decimal`, `years`.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldInfo {
    /// JSON path.
    pub path: &'static str,
    /// Short key in shared links (`rev.ai`).
    pub key: &'static str,
    /// `integer`, `decimal`, or `years` (a year array of decimals).
    pub kind: &'static str,
    /// Lower bound.
    pub min: String,
    /// Upper bound.
    pub max: String,
    /// Whether `min` itself is excluded.
    pub min_open: bool,
    /// Whether `max` itself is excluded.
    pub max_open: bool,
    /// The range as error messages show it: `[-0.99, 10]`, `integer 1..10`.
    pub range: String,
}

impl ToJson for FieldInfo {
    fn write_json(&self, json: &mut Json) {
        json.object(|json| {
            json.field("path", self.path);
            json.field("key", self.key);
            json.field("kind", self.kind);
            json.field("min", &self.min);
            json.field("max", &self.max);
            json.field("minOpen", &self.min_open);
            json.field("maxOpen", &self.max_open);
            json.field("range", &self.range);
        });
    }
}

/// Every field of [`FIELDS`] described for a form, in the same order.
pub fn field_infos() -> Vec<FieldInfo> {
    FIELDS
        .iter()
        .map(|field| {
            let kind = field.kind();
            let (min, min_open, max, max_open) = match field.domain {
                Domain::Integer { min, max } => {
                    (Decimal::from(min), false, Decimal::from(max), false)
                }
                Domain::Decimal {
                    min,
                    min_open,
                    max,
                    max_open,
                } => (min, min_open, max, max_open),
            };
            FieldInfo {
                path: field.path,
                key: field.key,
                kind,
                min: exact_text(min),
                max: exact_text(max),
                min_open,
                max_open,
                range: field.domain.to_string(),
            }
        })
        .collect()
}

/// The path of entry `index` (0-based) of a year array: `revenue.aiGrowth[2]`.
pub fn entry_path(path: &str, index: usize) -> String {
    format!("{path}[{index}]")
}

impl Field {
    /// `integer`, `decimal`, or `years` (a year array of decimals).
    pub fn kind(&self) -> &'static str {
        match (self.get)(&Scenario::default()) {
            FieldValue::Integer(_) => "integer",
            FieldValue::Decimal(_) => "decimal",
            FieldValue::Years(_) => "years",
        }
    }

    /// Checks one value against the domain, naming `path` in the error.
    ///
    /// # Errors
    /// [`ModelError::OutOfRange`] with the allowed range.
    pub fn check(&self, path: impl FnOnce() -> String, value: Decimal) -> Result<(), ModelError> {
        if self.domain.contains(value) {
            Ok(())
        } else {
            Err(ModelError::OutOfRange {
                field: path(),
                domain: self.domain,
            })
        }
    }

    /// Every domain problem of this field in `scenario`.
    fn problems(&self, scenario: &Scenario, out: &mut Vec<ModelError>) {
        match (self.get)(scenario) {
            FieldValue::Integer(value) => {
                out.extend(self.check(|| self.path.to_string(), value.into()).err())
            }
            FieldValue::Decimal(value) => {
                out.extend(self.check(|| self.path.to_string(), value).err())
            }
            FieldValue::Years(years) => {
                if years.0.is_empty() || years.0.len() > MAX_YEARS {
                    out.push(ModelError::BadLength {
                        field: self.path.to_string(),
                    });
                    return;
                }
                for (index, &value) in years.0.iter().enumerate() {
                    out.extend(self.check(|| entry_path(self.path, index), value).err());
                }
            }
        }
    }
}

impl Scenario {
    /// Every field outside its domain (and every year array of the wrong
    /// length), in the order of [`FIELDS`]; empty when the scenario is valid.
    pub fn problems(&self) -> Vec<ModelError> {
        let mut out = Vec::new();
        for field in FIELDS {
            field.problems(self, &mut out);
        }
        out
    }

    /// The horizon H as a count of years.
    pub fn horizon(&self) -> usize {
        self.horizon_years as usize
    }

    /// Fiscal-year labels of years 1..H.
    pub fn years(&self) -> Vec<u32> {
        (1..=self.horizon_years)
            .map(|t| self.base_fiscal_year + t)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_lists_every_field_once() {
        assert_eq!(FIELDS.len(), 32);
        let mut paths: Vec<_> = FIELDS.iter().map(|f| f.path).collect();
        paths.sort_unstable();
        paths.dedup();
        assert_eq!(paths.len(), 32);
    }

    #[test]
    fn json_writes_every_field_of_the_table_in_its_order() {
        // Every key of the JSON text, then the path each field's key ends.
        let text = crate::presets::base_scenario().to_json();
        let keys: Vec<&str> = text
            .split('"')
            .collect::<Vec<_>>()
            .windows(2)
            .filter(|pair| pair[1].starts_with(':'))
            .map(|pair| pair[0])
            .filter(|key| !matches!(*key, "revenue" | "capex" | "tokens" | "uncertainty"))
            .collect();
        let names: Vec<&str> = FIELDS
            .iter()
            .map(|f| f.path.rsplit('.').next().unwrap_or(f.path))
            .collect();
        assert_eq!(keys, names);
        for section in ["revenue", "capex", "tokens", "uncertainty"] {
            let first = FIELDS
                .iter()
                .position(|f| f.path.starts_with(section))
                .unwrap();
            let before: usize = text.find(&format!("\"{section}\":{{")).unwrap();
            let key = FIELDS[first].path.rsplit('.').next().unwrap();
            assert!(text[before..].starts_with(&format!("\"{section}\":{{\"{key}\"")));
        }
    }

    #[test]
    fn link_keys_are_unique_short_and_plain() {
        let mut keys: Vec<_> = FIELDS.iter().map(|f| f.key).collect();
        for key in &keys {
            assert!(!key.is_empty() && key.len() <= 16, "{key}");
            assert!(
                key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.'),
                "{key}"
            );
            assert!(!["v", "p"].contains(key), "{key}");
        }
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), FIELDS.len());
    }

    #[test]
    fn field_infos_describe_kinds_and_bounds() {
        let infos = field_infos();
        assert_eq!(infos.len(), FIELDS.len());
        let growth = infos.iter().find(|i| i.path == "revenue.aiGrowth").unwrap();
        assert_eq!(
            (
                growth.kind,
                growth.min.as_str(),
                growth.max.as_str(),
                growth.min_open,
                growth.max_open
            ),
            ("years", "-0.99", "10", false, false)
        );
        let fx = &infos[2];
        assert_eq!(
            (fx.path, fx.kind, fx.min_open, fx.range.as_str()),
            ("fxRmbPerUsd", "decimal", true, "(0, 1000]")
        );
        assert_eq!((infos[0].kind, infos[0].max.as_str()), ("integer", "10"));
    }

    #[test]
    fn domains_read_like_the_contract() {
        let shown: Vec<_> = [
            "horizonYears",
            "fxRmbPerUsd",
            "revenue.aiGrowth",
            "tokens.utilization",
        ]
        .iter()
        .map(|p| {
            FIELDS
                .iter()
                .find(|f| f.path == *p)
                .unwrap()
                .domain
                .to_string()
        })
        .collect();
        assert_eq!(
            shown,
            ["integer 1..10", "(0, 1000]", "[-0.99, 10]", "(0, 1]"]
        );
    }

    #[test]
    fn domain_bounds_are_open_or_closed_as_written() {
        let utilization = open_closed(dec!(0), dec!(1));
        assert!(!utilization.contains(dec!(0)));
        assert!(utilization.contains(dec!(0.0000001)));
        assert!(utilization.contains(dec!(1)));
        assert!(!utilization.contains(dec!(1.0000001)));
        let years = integer(1, 10);
        assert!(years.contains(dec!(10.0)));
        assert!(!years.contains(dec!(9.5)));
        assert!(!years.contains(dec!(11)));
    }

    #[test]
    fn year_arrays_pad_with_their_last_entry() {
        let years = YearArray::from([dec!(1), dec!(0.8), dec!(0.6)]);
        let read: Vec<_> = (1..=6).map(|t| years.at(t)).collect();
        assert_eq!(
            read,
            [
                dec!(1),
                dec!(0.8),
                dec!(0.6),
                dec!(0.6),
                dec!(0.6),
                dec!(0.6)
            ]
        );
        assert_eq!(YearArray::default().at(1), Decimal::ZERO);
    }
}
