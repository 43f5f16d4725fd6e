//! The named scenarios: `base` (the figures of the model contract, each with
//! its source), `bull` and `bear` (written rationales).
//!
//! Reported figures come from Alibaba Group's FY2026 results (year ended
//! 31 March 2026); every other default is an illustrative assumption and its
//! note says so.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::json::{Exact, Json, ToJson};
use crate::scenario::{Capex, Revenue, Scenario, Tokens, Uncertainty, YearArray};

/// A named scenario with its reasoning and a source note per field.
#[derive(Debug, Clone, PartialEq)]
pub struct Preset {
    /// Stable identifier: `base`, `bull`, `bear`.
    pub id: &'static str,
    /// Short label for a picker.
    pub label: &'static str,
    /// Why these numbers, in a few sentences.
    pub rationale: &'static str,
    /// The full scenario.
    pub scenario: Scenario,
    /// Field path → source note, for every field of [`FIELDS`](crate::FIELDS).
    pub notes: Vec<(&'static str, &'static str)>,
    /// The reported years before the projection, shared by the preset family.
    pub reported: Reported,
}

/// What was reported before the projection starts: data of the preset family,
/// not inputs. It belongs to a scenario only while the scenario keeps the
/// family's base year and base revenue ([`Reported::applies_to`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Reported {
    /// The last reported fiscal year, which the projection starts from.
    pub base_fiscal_year: u32,
    /// Cloud Intelligence Group revenue in that year, RMB bn (`revenue.baseRmbBn`).
    pub base_rmb_bn: Decimal,
    /// Cloud Intelligence Group revenue by fiscal year, RMB bn, oldest first.
    pub revenue_rmb_bn: Vec<ReportedYear>,
    /// Group capital expenditure by fiscal year, RMB bn, oldest first.
    pub capex_rmb_bn: Vec<ReportedYear>,
    /// Where each series was published, and what it covers.
    pub notes: ReportedNotes,
}

/// One reported figure: its fiscal year and value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReportedYear {
    /// Fiscal year (FY2026 ends 31 March 2026).
    pub fiscal_year: u32,
    /// The reported figure, RMB bn.
    pub value: Decimal,
}

/// The sources of the reported series.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportedNotes {
    /// Of `revenueRmbBn`.
    pub revenue: &'static str,
    /// Of `capexRmbBn`.
    pub capex: &'static str,
}

impl ToJson for Preset {
    fn write_json(&self, json: &mut Json) {
        json.object(|json| {
            json.field("id", self.id);
            json.field("label", self.label);
            json.field("rationale", self.rationale);
            json.field("scenario", &self.scenario);
            json.key("notes");
            json.object(|json| {
                for (path, note) in &self.notes {
                    json.field(path, note);
                }
            });
            json.field("reported", &self.reported);
        });
    }
}

impl ToJson for Reported {
    fn write_json(&self, json: &mut Json) {
        json.object(|json| {
            json.field("baseFiscalYear", &self.base_fiscal_year);
            json.field("baseRmbBn", &Exact(self.base_rmb_bn));
            json.field("revenueRmbBn", &self.revenue_rmb_bn);
            json.field("capexRmbBn", &self.capex_rmb_bn);
            json.key("notes");
            json.object(|json| {
                json.field("revenue", self.notes.revenue);
                json.field("capex", self.notes.capex);
            });
        });
    }
}

impl ToJson for ReportedYear {
    fn write_json(&self, json: &mut Json) {
        json.object(|json| {
            json.field("fiscalYear", &self.fiscal_year);
            json.field("value", &Exact(self.value));
        });
    }
}

impl Reported {
    /// Whether these years lead into `scenario`: the same base fiscal year and
    /// base revenue. Another base shows no reported years rather than wrong ones.
    pub fn applies_to(&self, scenario: &Scenario) -> bool {
        scenario.base_fiscal_year == self.base_fiscal_year
            && scenario.revenue.base_rmb_bn == self.base_rmb_bn
    }
}

/// Alibaba's reported Cloud Intelligence Group revenue and group capex before FY2027.
pub fn reported() -> Reported {
    let year = |fiscal_year, value| ReportedYear { fiscal_year, value };
    Reported {
        base_fiscal_year: 2026,
        base_rmb_bn: dec!(158.132),
        revenue_rmb_bn: vec![year(2025, dec!(118.028)), year(2026, dec!(158.132))],
        capex_rmb_bn: vec![year(2024, dec!(32.087)), year(2025, dec!(85.972)), year(2026, dec!(126.063))],
        notes: ReportedNotes {
            revenue: "Cloud Intelligence Group revenue, reported: RMB158.132bn in FY2026, up 34 % from RMB118.028bn in FY2025 (Alibaba Group FY2026 results, 13 May 2026; annual report filed with HKEX, 20 May 2026).",
            capex: "Group capital expenditure, reported, most of it AI and cloud infrastructure: RMB32.087bn in FY2024, RMB85.972bn in FY2025, RMB126.063bn in FY2026 (Alibaba Group FY2026 results).",
        },
    }
}

fn years<const N: usize>(values: [Decimal; N]) -> YearArray {
    YearArray::from(values)
}

/// The base preset: the figures of the model contract.
pub fn base_scenario() -> Scenario {
    Scenario {
        horizon_years: 5,
        base_fiscal_year: 2026,
        fx_rmb_per_usd: dec!(7.17),
        target_usd_bn: dec!(100),
        revenue: Revenue {
            base_rmb_bn: dec!(158.132),
            ai_share_base: dec!(0.3),
            ai_growth: years([dec!(1), dec!(0.8), dec!(0.6), dec!(0.45), dec!(0.35)]),
            core_growth: years([dec!(0.1), dec!(0.08), dec!(0.06), dec!(0.05), dec!(0.04)]),
        },
        capex: Capex {
            rmb_bn: years([dec!(130), dec!(130), dec!(120), dec!(100), dec!(100)]),
            incremental_cash_margin: dec!(0.3),
            asset_life_years: 6,
            discount_rate: dec!(0.09),
            base_ebita_rmb_bn: dec!(14.265),
        },
        tokens: Tokens {
            price_rmb_per_m_tok: dec!(2),
            price_change: years([dec!(0.05), dec!(-0.1)]),
            accelerator_cost_rmb: dec!(200000),
            accelerator_life_years: 5,
            power_kw: dec!(1.2),
            electricity_rmb_per_kwh: dec!(0.6),
            other_opex_rmb_per_hour: dec!(1.5),
            tokens_per_second: dec!(2000),
            throughput_gain: years([dec!(0.5), dec!(0.4), dec!(0.3), dec!(0.25), dec!(0.2)]),
            utilization: dec!(0.55),
            in_house_share: years([dec!(0.1), dec!(0.25), dec!(0.4), dec!(0.5), dec!(0.6)]),
            in_house_cost_ratio: dec!(0.45),
            in_house_perf_ratio: dec!(0.6),
            tokens_per_day_trillions: dec!(10),
            volume_growth: years([dec!(3), dec!(1.5), dec!(1), dec!(0.7), dec!(0.5)]),
        },
        uncertainty: Uncertainty {
            ai_growth_spread: dec!(0.3),
            core_growth_spread: dec!(0.05),
            fx_spread: dec!(0.5),
            cash_margin_spread: dec!(0.1),
        },
    }
}

const ASSUMPTION: &str = "Illustrative assumption, not a reported figure.";

/// Source notes of the base preset, by field path.
const BASE_NOTES: &[(&str, &str)] = &[
    ("horizonYears", "Five years: the horizon of the announced AI+cloud target."),
    ("baseFiscalYear", "FY2026, the year ended 31 March 2026 (results of 13 May 2026)."),
    ("fxRmbPerUsd", "7.17 RMB per US$: the rate implied when the RMB380bn capex plan was announced as about US$53bn (February 2025)."),
    ("targetUsdBn", "Over US$100bn of AI and cloud revenue within five years, announced by CEO Eddie Wu: reported as cumulative revenue over the five years, and read by some as revenue in one year; the calculator shows both."),
    ("revenue.baseRmbBn", "Cloud Intelligence Group revenue FY2026: RMB158.132bn, up 34 % (results release 13 May 2026; annual report filed with HKEX 20 May 2026)."),
    ("revenue.aiShareBase", "AI-related products were 30 % of external cloud revenue in the March quarter of FY2026 (RMB8.971bn)."),
    ("revenue.aiGrowth", "Illustrative assumption: AI-related revenue grew at triple digits for eleven consecutive quarters; growth is assumed to halve over five years."),
    ("revenue.coreGrowth", "Illustrative assumption: non-AI cloud revenue growing 10 % easing to 4 %."),
    ("capex.rmbBn", "Illustrative assumption near the plan: at least RMB380bn over three years (February 2025), with AI spending to far exceed that over the next two (May 2026); FY2026 capex was RMB126.063bn."),
    ("capex.incrementalCashMargin", ASSUMPTION),
    ("capex.assetLifeYears", "Assumption: a six-year straight-line life for servers and data-centre equipment."),
    ("capex.discountRate", "Assumption: a 9 % cost of capital."),
    ("capex.baseEbitaRmbBn", "Cloud Intelligence Group adjusted EBITA FY2026: RMB14.265bn, up 35 % (results release 13 May 2026)."),
    ("tokens.priceRmbPerMTok", ASSUMPTION),
    ("tokens.priceChange", "Year 1: AI compute prices rose 5-34 % in April 2026 (applied at renewal); later years an illustrative 10 % annual decline."),
    ("tokens.acceleratorCostRmb", ASSUMPTION),
    ("tokens.acceleratorLifeYears", "Assumption: a five-year accelerator life."),
    ("tokens.powerKw", ASSUMPTION),
    ("tokens.electricityRmbPerKwh", ASSUMPTION),
    ("tokens.otherOpexRmbPerHour", ASSUMPTION),
    ("tokens.tokensPerSecond", ASSUMPTION),
    ("tokens.throughputGain", "Illustrative assumption: serving efficiency improving 50 % easing to 20 % a year (compute costs keep falling, Goldman Sachs)."),
    ("tokens.utilization", ASSUMPTION),
    ("tokens.inHouseShare", "Illustrative assumption: T-Head's in-house GPU is in production at scale; its share of the fleet is assumed to rise from 10 % to 60 %."),
    ("tokens.inHouseCostRatio", "Illustrative assumption: foreign mainstream AI chips carry 60-80 % gross margins (management, earnings call), so in-house chips can cost well under half."),
    ("tokens.inHousePerfRatio", ASSUMPTION),
    ("tokens.tokensPerDayTrillions", "Illustrative assumption: 10 trillion tokens a day at the base price is about RMB7bn a year, near the reported MaaS and AI application ARR above RMB8bn."),
    ("tokens.volumeGrowth", "Illustrative assumption: API token demand in May-June 2026 was more than 10x that of November-December 2025."),
    ("uncertainty.aiGrowthSpread", ASSUMPTION),
    ("uncertainty.coreGrowthSpread", ASSUMPTION),
    ("uncertainty.fxSpread", ASSUMPTION),
    ("uncertainty.cashMarginSpread", ASSUMPTION),
];

/// The base notes with some fields' notes replaced.
fn notes_with(overrides: &[(&'static str, &'static str)]) -> Vec<(&'static str, &'static str)> {
    BASE_NOTES
        .iter()
        .map(|&(path, note)| {
            let note = overrides
                .iter()
                .find(|(p, _)| *p == path)
                .map_or(note, |(_, n)| *n);
            (path, note)
        })
        .collect()
}

fn bull_scenario() -> Scenario {
    let mut s = base_scenario();
    s.revenue.ai_growth = years([dec!(1.65), dec!(1), dec!(0.7), dec!(0.5), dec!(0.4)]);
    s.revenue.core_growth = years([dec!(0.12), dec!(0.1), dec!(0.08), dec!(0.07), dec!(0.06)]);
    s.capex.rmb_bn = years([dec!(200), dec!(220), dec!(180), dec!(150), dec!(150)]);
    s.capex.incremental_cash_margin = dec!(0.35);
    s.tokens.price_change = years([dec!(0.1), dec!(-0.05)]);
    s.tokens.utilization = dec!(0.65);
    s.tokens.in_house_share = years([dec!(0.2), dec!(0.4), dec!(0.6), dec!(0.7), dec!(0.8)]);
    s.tokens.in_house_perf_ratio = dec!(0.75);
    s.tokens.volume_growth = years([dec!(4), dec!(2), dec!(1.2), dec!(0.8), dec!(0.6)]);
    s
}

fn bear_scenario() -> Scenario {
    let mut s = base_scenario();
    s.revenue.ai_growth = years([dec!(0.6), dec!(0.4), dec!(0.3), dec!(0.2), dec!(0.15)]);
    s.revenue.core_growth = years([dec!(0.05), dec!(0.03), dec!(0.02), dec!(0.02), dec!(0.02)]);
    s.capex.rmb_bn = years([dec!(150), dec!(150), dec!(130), dec!(110), dec!(100)]);
    s.capex.incremental_cash_margin = dec!(0.2);
    s.tokens.price_change = years([dec!(0), dec!(-0.2)]);
    s.tokens.utilization = dec!(0.4);
    s.tokens.in_house_share = years([dec!(0.05), dec!(0.1), dec!(0.2), dec!(0.3), dec!(0.35)]);
    s.tokens.in_house_cost_ratio = dec!(0.6);
    s.tokens.in_house_perf_ratio = dec!(0.45);
    s.tokens.volume_growth = years([dec!(2), dec!(1), dec!(0.6), dec!(0.4), dec!(0.3)]);
    s
}

/// The presets `base`, `bull` and `bear`, in that order.
pub fn presets() -> Vec<Preset> {
    vec![
        Preset {
            id: "base",
            label: "Base",
            rationale: "Reported FY2026 figures for Cloud Intelligence Group (revenue RMB158.132bn, adjusted EBITA RMB14.265bn, AI products 30 % of external revenue) with illustrative paths: AI revenue doubling in FY2027 and its growth easing to 35 %, capex near the RMB380bn three-year plan, token prices up after the April 2026 increase and then falling 10 % a year.",
            scenario: base_scenario(),
            notes: notes_with(&[]),
            reported: reported(),
        },
        Preset {
            id: "bull",
            label: "Bull",
            rationale: "Management's own trajectory: AI-related products above 50 % of cloud revenue within a year (AI growth 165 % in FY2027), MaaS ARR heading from RMB8bn to over RMB30bn by the end of calendar 2026, AI spending far above the RMB380bn plan, a faster move to in-house T-Head chips, and prices that hold after the April 2026 rise.",
            scenario: bull_scenario(),
            notes: notes_with(&[
                ("revenue.aiGrowth", "Bull assumption: 165 % in FY2027 takes AI products past 50 % of cloud revenue within a year, as management said; growth then eases to 40 %."),
                ("revenue.coreGrowth", "Bull assumption: external growth keeps accelerating from 40 % (management), lifting non-AI cloud 12 % easing to 6 %."),
                ("capex.rmbBn", "Bull assumption: AI infrastructure spending far exceeding RMB380bn over the next two years (management, May 2026)."),
                ("capex.incrementalCashMargin", "Bull assumption: scale and in-house chips lift the cash margin on new revenue to 35 %."),
                ("tokens.priceChange", "Bull assumption: a further 10 % rise as the April 2026 increases (5-34 %) reach renewals, then a gentle 5 % decline (Goldman Sachs: token prices stabilising)."),
                ("tokens.utilization", "Bull assumption: demand outruns capacity, 65 % of hours serving."),
                ("tokens.inHouseShare", "Bull assumption: T-Head chips reach 80 % of the fleet."),
                ("tokens.inHousePerfRatio", "Bull assumption: in-house chips deliver 75 % of imported throughput."),
                ("tokens.volumeGrowth", "Bull assumption: agents push token consumption up 5x in FY2027 (Goldman Sachs: 24x current capacity by 2030)."),
            ]),
            reported: reported(),
        },
        Preset {
            id: "bear",
            label: "Bear",
            rationale: "AI demand cools and competition bites: AI revenue growth drops to 60 % and fades to 15 %, non-AI cloud barely grows, prices fall 20 % a year after the April 2026 rise is competed away, utilization sags to 40 %, in-house chips arrive slowly and underperform, while capex stays heavy.",
            scenario: bear_scenario(),
            notes: notes_with(&[
                ("revenue.aiGrowth", "Bear assumption: AI growth falls from triple digits to 60 % and fades to 15 %."),
                ("revenue.coreGrowth", "Bear assumption: non-AI cloud growth of 5 % fading to 2 %."),
                ("capex.rmbBn", "Bear assumption: capex committed under the RMB380bn plan is spent even as demand cools."),
                ("capex.incrementalCashMargin", "Bear assumption: price competition holds the cash margin on new revenue to 20 %."),
                ("tokens.priceChange", "Bear assumption: no further rise, then prices fall 20 % a year (low-cost GPU rental from about US$5.90 a day)."),
                ("tokens.utilization", "Bear assumption: over-built capacity, 40 % of hours serving."),
                ("tokens.inHouseShare", "Bear assumption: in-house chips reach only 35 % of the fleet."),
                ("tokens.inHouseCostRatio", "Bear assumption: in-house chips cost 60 % of imported ones."),
                ("tokens.inHousePerfRatio", "Bear assumption: in-house chips deliver 45 % of imported throughput."),
                ("tokens.volumeGrowth", "Bear assumption: token volume triples in FY2027, then growth fades to 30 %."),
            ]),
            reported: reported(),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::FIELDS;

    #[test]
    fn the_reported_years_lead_into_every_preset_and_end_at_its_base() {
        for preset in presets() {
            let reported = &preset.reported;
            assert!(reported.applies_to(&preset.scenario), "{}", preset.id);
            let last = reported.revenue_rmb_bn.last().unwrap();
            assert_eq!(
                (last.fiscal_year, last.value),
                (2026, preset.scenario.revenue.base_rmb_bn)
            );
            assert_eq!(
                reported.capex_rmb_bn.last().unwrap().fiscal_year,
                preset.scenario.base_fiscal_year
            );
        }
        let mut moved = base_scenario();
        moved.revenue.base_rmb_bn = dec!(160);
        assert!(!reported().applies_to(&moved));
        let mut later = base_scenario();
        later.base_fiscal_year = 2027;
        assert!(!reported().applies_to(&later));
    }

    #[test]
    fn every_preset_is_valid_and_every_field_has_a_note() {
        for preset in presets() {
            assert_eq!(preset.scenario.problems(), [], "{}", preset.id);
            let paths: Vec<_> = preset.notes.iter().map(|(p, _)| *p).collect();
            let fields: Vec<_> = FIELDS.iter().map(|f| f.path).collect();
            assert_eq!(paths, fields, "{}", preset.id);
        }
    }

    #[test]
    fn bull_and_bear_change_only_annotated_fields() {
        let base = base_scenario();
        for preset in &presets()[1..] {
            for field in FIELDS {
                let changed = format!("{:?}", (field.get)(&preset.scenario))
                    != format!("{:?}", (field.get)(&base));
                let annotated = preset.notes.iter().any(|(p, n)| {
                    *p == field.path
                        && n.starts_with(if preset.id == "bull" { "Bull" } else { "Bear" })
                });
                assert_eq!(changed, annotated, "{} {}", preset.id, field.path);
            }
        }
    }
}
