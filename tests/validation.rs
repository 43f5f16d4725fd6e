//! Bad input: every field outside its domain, wrong types, missing fields,
//! non-finite and malformed numbers, bad year arrays; and outputs that do
//! not fit a Decimal.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use aicloud_scenario::json::ToJson;
use aicloud_scenario::presets::base_scenario;
use aicloud_scenario::raw::parse_scenario;
use aicloud_scenario::{compute, compute_raw, validate, ModelError, Raw, YearArray, FIELDS};
use rust_decimal::Decimal;
use support::{base_raw, base_with, base_without, d, t, years};

fn problems(raw: &Raw) -> Vec<String> {
    validate(raw).iter().map(ToString::to_string).collect()
}

#[test]
fn the_base_preset_is_valid_as_strings_and_as_numbers() {
    assert_eq!(problems(&base_raw()), Vec::<String>::new());
    let numbers = base_with("fxRmbPerUsd", Raw::Float(7.17));
    assert_eq!(parse_scenario(&numbers).unwrap(), base_scenario());
    let integer = base_with("horizonYears", Raw::Float(5.0));
    assert_eq!(parse_scenario(&integer).unwrap(), base_scenario());
    let text = base_with("capex.assetLifeYears", t("6.0"));
    assert_eq!(parse_scenario(&text).unwrap(), base_scenario());
}

#[test]
fn every_field_just_outside_its_domain_is_named_with_its_range() {
    let cases: &[(&str, &str, &str)] = &[
        ("horizonYears", "11", "whole 1 10"),
        ("horizonYears", "0", "whole 1 10"),
        ("horizonYears", "4.5", "whole 1 10"),
        ("baseFiscalYear", "1989", "whole 1990 2100"),
        ("fxRmbPerUsd", "0", "(0, 1000]"),
        ("fxRmbPerUsd", "1000.000001", "(0, 1000]"),
        ("targetUsdBn", "-1", "(0, 1000000]"),
        ("revenue.baseRmbBn", "0", "(0, 1000000]"),
        ("revenue.aiShareBase", "1.01", "[0, 1]"),
        ("revenue.aiGrowth[2]", "-0.991", "[-0.99, 10]"),
        ("revenue.coreGrowth[0]", "10.5", "[-0.99, 10]"),
        ("capex.rmbBn[4]", "-0.000001", "[0, 100000]"),
        ("capex.incrementalCashMargin", "-1.5", "[-1, 1]"),
        ("capex.assetLifeYears", "31", "whole 1 30"),
        ("capex.discountRate", "1.1", "[0, 1]"),
        ("capex.baseEbitaRmbBn", "-100001", "[-100000, 100000]"),
        ("tokens.priceRmbPerMTok", "0", "(0, 10000]"),
        ("tokens.priceChange[1]", "-1", "[-0.99, 10]"),
        ("tokens.acceleratorCostRmb", "100000001", "(0, 100000000]"),
        ("tokens.acceleratorLifeYears", "16", "whole 1 15"),
        ("tokens.powerKw", "101", "[0, 100]"),
        ("tokens.electricityRmbPerKwh", "-0.1", "[0, 100]"),
        ("tokens.otherOpexRmbPerHour", "10001", "[0, 10000]"),
        ("tokens.tokensPerSecond", "0", "(0, 10000000]"),
        ("tokens.throughputGain[3]", "11", "[-0.99, 10]"),
        ("tokens.utilization", "0", "(0, 1]"),
        ("tokens.inHouseShare[4]", "1.2", "[0, 1]"),
        ("tokens.inHouseCostRatio", "0", "(0, 10]"),
        ("tokens.inHousePerfRatio", "10.01", "(0, 10]"),
        ("tokens.tokensPerDayTrillions", "1000001", "[0, 1000000]"),
        ("tokens.volumeGrowth[0]", "101", "[-0.99, 100]"),
        ("uncertainty.aiGrowthSpread", "-0.1", "[0, 10]"),
        ("uncertainty.coreGrowthSpread", "10.1", "[0, 10]"),
        ("uncertainty.fxSpread", "100.5", "[0, 100]"),
        ("uncertainty.cashMarginSpread", "2", "[0, 1]"),
    ];
    let mut covered: Vec<&str> = Vec::new();
    for (path, value, range) in cases {
        let raw = base_with(path, t(value));
        let expected = match range.strip_prefix("whole ").and_then(|r| r.split_once(' ')) {
            Some((min, max)) => format!("{path} must be a whole number from {min} to {max}"),
            None => format!("{path} must be in {range}"),
        };
        assert_eq!(problems(&raw), [expected], "{path} = {value}");
        let error = compute_raw(&raw).unwrap_err();
        assert_eq!(error.field(), *path);
        covered.push(path.split('[').next().unwrap());
    }
    for field in FIELDS {
        assert!(
            covered.contains(&field.path),
            "no out-of-domain case for {}",
            field.path
        );
    }
}

#[test]
fn domain_ends_are_open_or_closed_as_the_contract_says() {
    for (path, value) in [
        ("horizonYears", "10"),
        ("fxRmbPerUsd", "1000"),
        ("revenue.aiShareBase", "0"),
        ("revenue.aiShareBase", "1"),
        ("revenue.aiGrowth[0]", "-0.99"),
        ("revenue.aiGrowth[0]", "10"),
        ("capex.incrementalCashMargin", "-1"),
        ("tokens.utilization", "1"),
        ("tokens.powerKw", "0"),
        ("tokens.volumeGrowth[0]", "100"),
        ("tokens.tokensPerDayTrillions", "0"),
    ] {
        assert_eq!(
            problems(&base_with(path, t(value))),
            Vec::<String>::new(),
            "{path} = {value}"
        );
    }
}

#[test]
fn malformed_numbers_are_named() {
    let not_decimal = "must be a decimal number such as 158.132 (digits, an optional point and digits, an optional sign; no exponent)";
    let cases: Vec<(Raw, String)> = vec![
        (t(""), not_decimal.to_string()),
        (t("1e3"), not_decimal.to_string()),
        (t("1_000"), not_decimal.to_string()),
        (t(" 7"), not_decimal.to_string()),
        (t("7."), not_decimal.to_string()),
        (t("seven"), not_decimal.to_string()),
        (
            t(&"9".repeat(10_000)),
            "has more than 28 significant digits or 28 decimals".to_string(),
        ),
        (
            t("0.00000000000000000000000000001"),
            "has more than 28 significant digits or 28 decimals".to_string(),
        ),
        (
            Raw::Float(f64::NAN),
            "must be a finite number (not NaN or infinity)".to_string(),
        ),
        (
            Raw::Float(f64::INFINITY),
            "must be a finite number (not NaN or infinity)".to_string(),
        ),
        (
            Raw::Float(f64::NEG_INFINITY),
            "must be a finite number (not NaN or infinity)".to_string(),
        ),
        (
            Raw::Bool(true),
            "must be a number or a decimal string".to_string(),
        ),
        (
            Raw::Object(vec![]),
            "must be a number or a decimal string".to_string(),
        ),
        (
            years(&["7"]),
            "must be a number or a decimal string".to_string(),
        ),
        (Raw::Null, "is required".to_string()),
    ];
    for (value, message) in cases {
        let raw = base_with("fxRmbPerUsd", value.clone());
        assert_eq!(
            problems(&raw),
            [format!("fxRmbPerUsd {message}")],
            "{value:?}"
        );
    }
}

#[test]
fn year_arrays_must_hold_one_to_ten_valid_entries() {
    let length = "revenue.aiGrowth must have 1 to 10 entries";
    assert_eq!(
        problems(&base_with("revenue.aiGrowth", years(&[]))),
        [length]
    );
    let eleven = years(&["0.1"; 11]);
    assert_eq!(problems(&base_with("revenue.aiGrowth", eleven)), [length]);
    let ten = years(&["0.1"; 10]);
    assert_eq!(
        problems(&base_with("revenue.aiGrowth", ten)),
        Vec::<String>::new()
    );
    assert_eq!(
        problems(&base_with("revenue.aiGrowth", t("0.5"))),
        ["revenue.aiGrowth must be a list of 1 to 10 numbers"]
    );
    // Every entry is checked, even past the horizon.
    let bad = years(&["0.5", "x", "0.4", "0.3", "0.2", "0.1", "11"]);
    assert_eq!(
        problems(&base_with("revenue.aiGrowth", bad)),
        [
            "revenue.aiGrowth[1] must be a decimal number such as 158.132 (digits, an optional point and digits, an optional sign; no exponent)",
            "revenue.aiGrowth[6] must be in [-0.99, 10]"
        ]
    );
}

#[test]
fn missing_fields_and_sections_are_listed_once_each() {
    assert_eq!(
        problems(&base_without("tokens.utilization")),
        ["tokens.utilization is required"]
    );
    assert_eq!(
        problems(&base_without("uncertainty")),
        ["uncertainty is required"]
    );
    assert_eq!(
        problems(&base_with("capex", t("lots"))),
        ["capex must be an object"]
    );
    assert_eq!(
        problems(&base_without("horizonYears")),
        ["horizonYears is required"]
    );
    assert_eq!(problems(&Raw::Null), ["scenario must be an object"]);
    assert_eq!(problems(&years(&["1"])), ["scenario must be an object"]);
    assert_eq!(problems(&Raw::Object(vec![])).len(), 4 + 4);
    assert_eq!(
        problems(&base_with("revenue", Raw::TooDeep)),
        ["revenue is nested deeper than a scenario can be"]
    );
}

#[test]
fn several_problems_are_all_listed_in_contract_order_and_compute_throws_the_first() {
    let mut raw = base_with("tokens.utilization", t("2"));
    if let Raw::Object(entries) = &mut raw {
        entries.push(("horizonYears".to_string(), t("0")));
        entries.push(("someUnknownKey".to_string(), t("ignored")));
    }
    assert_eq!(
        problems(&raw),
        [
            "horizonYears must be a whole number from 1 to 10",
            "tokens.utilization must be in (0, 1]"
        ]
    );
    assert_eq!(compute_raw(&raw).unwrap_err().field(), "horizonYears");
}

#[test]
fn natively_built_scenarios_are_checked_too() {
    let mut s = base_scenario();
    s.tokens.utilization = d("1.5");
    s.revenue.core_growth.0.clear();
    assert_eq!(
        s.problems(),
        [
            ModelError::BadLength {
                field: "revenue.coreGrowth".to_string()
            },
            ModelError::OutOfRange {
                field: "tokens.utilization".to_string(),
                domain: aicloud_scenario::FIELDS
                    .iter()
                    .find(|f| f.path == "tokens.utilization")
                    .unwrap()
                    .domain
            }
        ]
    );
    assert_eq!(compute(&s).unwrap_err().field(), "revenue.coreGrowth");
}

#[test]
fn outputs_beyond_decimal_range_are_errors_naming_the_output() {
    // 100x token volume growth for ten years from the largest volume.
    let mut s = base_scenario();
    s.horizon_years = 10;
    s.tokens.tokens_per_day_trillions = d("1000000");
    s.tokens.volume_growth = support::years_of(&["100"]);
    let error = compute(&s).unwrap_err();
    assert!(matches!(error, ModelError::Overflow { .. }), "{error}");
    assert!(error.field().starts_with("tokens."), "{error}");

    // A tiny exchange rate turns the cumulative RMB total into more US$ than a Decimal holds.
    let mut s = base_scenario();
    s.fx_rmb_per_usd = d("0.0000000000000000000000000001");
    let error = compute(&s).unwrap_err();
    assert_eq!(error.field(), "revenue.cumulativeUsdBn[0]");
    assert_eq!(
        error.to_string(),
        "revenue.cumulativeUsdBn[0] is too large (or too small) for exact decimal arithmetic with these inputs"
    );
}

/// The base preset's AI growth as `JSON.stringify` writes it.
const AI_GROWTH: &str = r#""aiGrowth":["1","0.8","0.6","0.45","0.35"]"#;

#[test]
fn the_fast_path_reads_exactly_what_the_careful_path_accepts() {
    use aicloud_scenario::raw::scenario_from_json as read;
    // The boundary's fast path: the JSON text JSON.stringify writes, read straight into a scenario.
    let text = base_scenario().to_json();
    assert_eq!(read(&text), Some(base_scenario()));
    let with = |from: &str, to: &str| read(&text.replace(from, to));
    // JSON numbers through their text, integers as 6, 6.0 or "6".
    assert_eq!(with(r#""7.17""#, "7.17"), Some(base_scenario()));
    for six in ["6.0", r#""6""#] {
        let to = format!(r#""assetLifeYears":{six}"#);
        assert_eq!(with(r#""assetLifeYears":6"#, &to), Some(base_scenario()));
    }
    // Keys that name no field are skipped, whatever they hold within three levels.
    let extra = r#""note":{"a":[1,"x",null,true]},"fxRmbPerUsd":"#;
    assert_eq!(with(r#""fxRmbPerUsd":"#, extra), Some(base_scenario()));
    let extra = r#""revenue":{"note":[false],"#;
    assert_eq!(with(r#""revenue":{"#, extra), Some(base_scenario()));
    // A field's path is no key: at the top, `revenue.aiGrowth` is skipped,
    // and the section without it is missing a field.
    let moved = text.replace(&format!("{AI_GROWTH},"), "");
    let moved = moved.replace(
        r#""revenue":{"#,
        r#""revenue.aiGrowth":["1","0.8","0.6","0.45","0.35"],"revenue":{"#,
    );
    assert_eq!(read(&moved), None);
    assert_eq!(
        read(&text.replace(r#""revenue":{"#, r#""revenue.aiGrowth":["1"],"revenue":{"#)),
        Some(base_scenario())
    );
    // Ten entries, the most a year array may have.
    let ten = r#""aiGrowth":["1","1","1","1","1","1","1","1","1","1"]"#;
    let mut expected = base_scenario();
    expected.revenue.ai_growth = YearArray(vec![Decimal::ONE; 10]);
    assert_eq!(with(AI_GROWTH, ten), Some(expected));
    // Whatever has a problem the careful path would name is left to it: a
    // value outside the grammar or its domain, of the wrong type, missing, a
    // year array of a bad length, a key given twice.
    for (from, to) in [
        (r#""7.17""#, r#""7.17e0""#),
        (r#""7.17""#, r#""7_17""#),
        (r#""7.17""#, r#""0.00000000000000000000000000001""#),
        (r#""7.17""#, r#""1001""#),
        (r#""assetLifeYears":6"#, r#""assetLifeYears":6.5"#),
        (r#""assetLifeYears":6"#, r#""assetLifeYears":true"#),
        (r#""assetLifeYears":6"#, r#""assetLifeYears":null"#),
        (r#""assetLifeYears":6"#, r#""assetLifeYears":[6]"#),
        (r#""fxRmbPerUsd":"7.17","#, ""),
        (
            r#""fxRmbPerUsd":"7.17","#,
            r#""fxRmbPerUsd":"7.17","fxRmbPerUsd":"7.17","#,
        ),
        (AI_GROWTH, r#""aiGrowth":[]"#),
        (
            AI_GROWTH,
            r#""aiGrowth":["1","1","1","1","1","1","1","1","1","1","1"]"#,
        ),
        (AI_GROWTH, r#""aiGrowth":"1""#),
        (AI_GROWTH, r#""aiGrowth":[["1"]]"#),
    ] {
        assert_eq!(with(from, to), None, "{to}");
    }
    // What JSON.stringify never writes, or what is nested deeper than a scenario, is left to the careful reading.
    for (from, to) in [
        (r#""7.17""#, r#""7.\u0031\u0037""#),
        (r#""fxRmbPerUsd":"#, r#""fxRmbPerUsd": "#),
        (r#""fxRmbPerUsd":"#, r#""note":[[[1]]],"fxRmbPerUsd":"#),
        (
            r#""fxRmbPerUsd":"#,
            r#""note":{"a":{"b":{"c":1}}},"fxRmbPerUsd":"#,
        ),
        (r#""7.17""#, r#"tru"#),
        (r#""7.17""#, r#""7.17"#),
    ] {
        assert_eq!(with(from, to), None, "{to}");
    }
    assert_eq!(read(&format!("{text} ")), None);
    assert_eq!(read(&format!("{text}}}")), None);
    assert_eq!(read(""), None);
}
