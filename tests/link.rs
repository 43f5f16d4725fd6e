//! Shared links (`src/link.rs`): hand-written link texts and what they decode
//! to, canonical forms, length bounds, and properties (round trip, canonical
//! form is a fixed point, nothing panics).
//!
//! The long-running fuzz equivalent is ignored by default; run it with
//!
//! ```sh
//! cargo test --release --test link -- --ignored        # 1,000,000 cases
//! PROPTEST_CASES=10000000 cargo test --release --test link -- --ignored
//! ```
//!
//! (and see `fuzz/README.md` for the cargo-fuzz target on nightly).
#![cfg(not(target_arch = "wasm32"))]

mod support;

use aicloud_scenario::json::ToJson;
use aicloud_scenario::link::{canonical, decode, encode, read, Decoded, MAX_LINK_CHARS};
use aicloud_scenario::presets::{base_scenario, presets};
use aicloud_scenario::scenario::{Domain, FieldSlot};
use aicloud_scenario::{ModelError, Raw, Scenario, Warning, YearArray, FIELDS};
use proptest::prelude::*;
use rust_decimal::Decimal;
use support::{any_scenario, d, years_of};

/// The first problem of a link, as `(field, message)`.
fn error(link: &str) -> (String, String) {
    match decode(link) {
        Ok(decoded) => panic!("{link} decoded: {decoded:?}"),
        Err(error) => (error.field().to_string(), error.to_string()),
    }
}

fn ok(link: &str) -> Decoded {
    decode(link).unwrap_or_else(|error| panic!("{link}: {error}"))
}

fn warning(field: &str, message: &str) -> Warning {
    Warning {
        field: field.to_string(),
        message: message.to_string(),
    }
}

#[test]
fn a_v1_link_decodes_to_hard_coded_values() {
    // Every expected value is written out here, not taken from presets.rs: a
    // v1 link must decode to these numbers in every later release.
    let decoded = ok("v=1&p=bull&h=7&fx=7.2&rev.ai=1.2,0.9&tok.inHouse=0.3&unc.margin=0.15");
    assert_eq!(decoded.preset, "bull");
    assert_eq!(decoded.warnings, []);
    assert_eq!(
        decoded.scenario.to_json(),
        concat!(
            r#"{"horizonYears":7,"baseFiscalYear":2026,"fxRmbPerUsd":"7.2","targetUsdBn":"100","#,
            r#""revenue":{"baseRmbBn":"158.132","aiShareBase":"0.3","aiGrowth":["1.2","0.9"],"#,
            r#""coreGrowth":["0.12","0.1","0.08","0.07","0.06"]},"#,
            r#""capex":{"rmbBn":["200","220","180","150","150"],"incrementalCashMargin":"0.35","#,
            r#""assetLifeYears":6,"discountRate":"0.09","baseEbitaRmbBn":"14.265"},"#,
            r#""tokens":{"priceRmbPerMTok":"2","priceChange":["0.1","-0.05"],"acceleratorCostRmb":"200000","#,
            r#""acceleratorLifeYears":5,"powerKw":"1.2","electricityRmbPerKwh":"0.6","otherOpexRmbPerHour":"1.5","#,
            r#""tokensPerSecond":"2000","throughputGain":["0.5","0.4","0.3","0.25","0.2"],"utilization":"0.65","#,
            r#""inHouseShare":["0.3"],"inHouseCostRatio":"0.45","inHousePerfRatio":"0.75","#,
            r#""tokensPerDayTrillions":"10","volumeGrowth":["4","2","1.2","0.8","0.6"]},"#,
            r#""uncertainty":{"aiGrowthSpread":"0.3","coreGrowthSpread":"0.05","fxSpread":"0.5","cashMarginSpread":"0.15"}}"#
        )
    );
}

#[test]
fn the_v1_presets_decode_to_todays_presets() {
    for preset in presets() {
        let decoded = ok(&format!("v=1&p={}", preset.id));
        assert_eq!(decoded.scenario, preset.scenario, "{}", preset.id);
        assert_eq!(decoded.scenario.to_json(), preset.scenario.to_json());
        assert_eq!(
            encode(&preset.scenario, preset.id).unwrap(),
            format!("v=1&p={}", preset.id)
        );
    }
    assert_eq!(ok("v=1").preset, "base");
    assert_eq!(ok("v=1").scenario, base_scenario());
}

#[test]
fn link_texts_decode_to_expected_scenarios_and_warnings() {
    let base = base_scenario;
    let cases: Vec<(&str, Scenario, Vec<Warning>)> = vec![
        ("#v=1&p=base", base(), vec![]),
        (
            "v=1&p=base&rev.ai=1%2C0.8%2c0.6",
            {
                let mut s = base();
                s.revenue.ai_growth = years_of(&["1", "0.8", "0.6"]);
                s
            },
            vec![],
        ),
        (
            "p=base&fx=7.2&v=1&&",
            {
                let mut s = base();
                s.fx_rmb_per_usd = d("7.2");
                s
            },
            vec![],
        ),
        (
            "v=1&h=5.0&fy=+2026&capex.margin=-0&fx=007.170",
            {
                let mut s = base();
                s.capex.incremental_cash_margin = d("0");
                s
            },
            vec![],
        ),
        (
            "v=1&zz=3&%3Cscript%3E=1&<script>alert(1)</script>=x",
            base(),
            vec![
                warning("zz", "unknown key zz ignored"),
                warning("<script>", "unknown key <script> ignored"),
                warning(
                    "<script>alert(1)</script>",
                    "unknown key <script>alert(1)</script> ignored",
                ),
            ],
        ),
        (
            "v=1&fx=7&fx=7.5",
            {
                let mut s = base();
                s.fx_rmb_per_usd = d("7.5");
                s
            },
            vec![warning(
                "fxRmbPerUsd",
                "repeated key fx: the last value is used",
            )],
        ),
        (
            "v=2&v=1&p=moon&p=bear",
            presets()[2].scenario.clone(),
            vec![
                warning("v", "repeated key v: the last value is used"),
                warning("p", "repeated key p: the last value is used"),
            ],
        ),
        (
            "v=1&%72ev.ai=0.5",
            {
                let mut s = base();
                s.revenue.ai_growth = years_of(&["0.5"]);
                s
            },
            vec![],
        ),
        (
            "v=1&rev.core=0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1",
            {
                let mut s = base();
                s.revenue.core_growth = years_of(&["0.1"; 10]);
                s
            },
            vec![],
        ),
        (
            "v=1&rev.share=0.1234567890123456789012345678",
            {
                let mut s = base();
                s.revenue.ai_share_base = d("0.1234567890123456789012345678");
                s
            },
            vec![],
        ),
    ];
    for (link, scenario, warnings) in cases {
        let decoded = ok(link);
        assert_eq!(decoded.scenario, scenario, "{link}");
        assert_eq!(decoded.warnings, warnings, "{link}");
    }
}

#[test]
fn bad_links_are_errors_naming_the_field() {
    let not_a_decimal = "must be a decimal number such as 158.132 (digits, an optional point and digits, an optional sign; no exponent)";
    let too_many = "has more than 28 significant digits or 28 decimals";
    let long_unknown = format!("v=1&x={}", "1".repeat(MAX_LINK_CHARS - 6));
    let cases: Vec<(String, &str, String)> = vec![
        (
            "v=1&fx=1e3".into(),
            "fxRmbPerUsd",
            format!("fxRmbPerUsd {not_a_decimal}"),
        ),
        (
            "v=1&target=1_000".into(),
            "targetUsdBn",
            format!("targetUsdBn {not_a_decimal}"),
        ),
        (
            format!("v=1&rev.share=0.{}", "1".repeat(29)),
            "revenue.aiShareBase",
            format!("revenue.aiShareBase {too_many}"),
        ),
        (
            "v=1&fx=".into(),
            "fxRmbPerUsd",
            format!("fxRmbPerUsd {not_a_decimal}"),
        ),
        (
            "v=1&fx".into(),
            "fxRmbPerUsd",
            format!("fxRmbPerUsd {not_a_decimal}"),
        ),
        (
            "v=1&rev.ai=".into(),
            "revenue.aiGrowth",
            "revenue.aiGrowth must have 1 to 10 entries".into(),
        ),
        (
            "v=1&rev.ai=1,,2".into(),
            "revenue.aiGrowth[1]",
            format!("revenue.aiGrowth[1] {not_a_decimal}"),
        ),
        (
            "v=1&rev.ai=1,20".into(),
            "revenue.aiGrowth[1]",
            "revenue.aiGrowth[1] must be in [-0.99, 10]".into(),
        ),
        (
            format!("v=1&capex={}", ["1"; 11].join(",")),
            "capex.rmbBn",
            "capex.rmbBn must have 1 to 10 entries".into(),
        ),
        (
            format!("v=1&capex={}", ["1"; 3000].join(",")),
            "capex.rmbBn",
            "capex.rmbBn must have 1 to 10 entries".into(),
        ),
        (
            "v=1&h=4.5".into(),
            "horizonYears",
            "horizonYears must be a whole number from 1 to 10".into(),
        ),
        (
            "v=1&h=11".into(),
            "horizonYears",
            "horizonYears must be a whole number from 1 to 10".into(),
        ),
        (
            "v=1&tok.util=0".into(),
            "tokens.utilization",
            "tokens.utilization must be in (0, 1]".into(),
        ),
        (
            "v=1&fx=<script>alert(1)</script>".into(),
            "fxRmbPerUsd",
            format!("fxRmbPerUsd {not_a_decimal}"),
        ),
        (
            "v=1&fx=%3Cscript%3E".into(),
            "fxRmbPerUsd",
            format!("fxRmbPerUsd {not_a_decimal}"),
        ),
        (
            "v=1&fx=١٢".into(),
            "fxRmbPerUsd",
            format!("fxRmbPerUsd {not_a_decimal}"),
        ),
        (
            "v=1&fx=７".into(),
            "fxRmbPerUsd",
            format!("fxRmbPerUsd {not_a_decimal}"),
        ),
        (
            "v=1&fx= 7".into(),
            "fxRmbPerUsd",
            format!("fxRmbPerUsd {not_a_decimal}"),
        ),
        (
            "v=1&fx=7.2%".into(),
            "fxRmbPerUsd",
            format!("fxRmbPerUsd {not_a_decimal}"),
        ),
        (
            "v=2&fx=7".into(),
            "v",
            "v must be 1, the only version of the link format".into(),
        ),
        (
            "v=1.0".into(),
            "v",
            "v must be 1, the only version of the link format".into(),
        ),
        ("fx=7".into(), "v", "v is required".into()),
        ("".into(), "v", "v is required".into()),
        ("#".into(), "v", "v is required".into()),
        ("##v=1".into(), "v", "v is required".into()),
        (
            "v=1&p=moon".into(),
            "p",
            "p must be base, bull or bear".into(),
        ),
        (
            "v=1&p=Base".into(),
            "p",
            "p must be base, bull or bear".into(),
        ),
        ("v=1&p=".into(), "p", "p must be base, bull or bear".into()),
        (
            format!("{long_unknown}1"),
            "link",
            "link is longer than 8000 characters".into(),
        ),
        (
            format!("#{long_unknown}1"),
            "link",
            "link is longer than 8000 characters".into(),
        ),
        (
            "é".repeat(MAX_LINK_CHARS + 1),
            "link",
            "link is longer than 8000 characters".into(),
        ),
    ];
    for (link, field, message) in cases {
        let (got_field, got_message) = error(&link);
        assert_eq!(
            (got_field.as_str(), got_message),
            (field, message),
            "{link:.80}"
        );
    }
    // At exactly the limit the text is read: the long key is only a warning.
    assert_eq!(long_unknown.chars().count(), MAX_LINK_CHARS);
    assert_eq!(ok(&long_unknown).warnings.len(), 1);
    assert_eq!(ok(&format!("#{long_unknown}")).warnings.len(), 1);
}

#[test]
fn read_applies_what_it_can_and_lists_every_problem() {
    let link = read("v=1&p=bear&fx=abc&rev.ai=1,20&zz=1&h=6");
    assert_eq!(link.preset, "bear");
    let problems: Vec<String> = link.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            "fxRmbPerUsd must be a decimal number such as 158.132 (digits, an optional point and digits, an optional sign; no exponent)",
            "revenue.aiGrowth[1] must be in [-0.99, 10]",
        ]
    );
    assert_eq!(link.warnings, [warning("zz", "unknown key zz ignored")]);
    let json = support::json_value(&link.values);
    assert_eq!(json["horizonYears"], "6");
    assert_eq!(json["fxRmbPerUsd"], "abc");
    assert_eq!(json["revenue"]["aiGrowth"], serde_json::json!(["1", "20"]));
    // Bear's own values where the link says nothing.
    assert_eq!(json["tokens"]["utilization"], "0.4");
    assert_eq!(
        json["tokens"]["priceChange"],
        serde_json::json!(["0", "-0.2"])
    );
    // The page's validate() sees exactly these problems.
    assert_eq!(aicloud_scenario::validate(&link.values), link.problems);

    // An unknown preset: the fields are applied over base.
    let link = read("v=1&p=moon&fx=7.5");
    assert_eq!((link.preset, link.problems.len()), ("base", 1));
    assert_eq!(support::json_value(&link.values)["fxRmbPerUsd"], "7.5");

    // An unknown version or an over-long text: nothing is applied.
    for text in ["v=2&fx=7.5&zz=1", &"x".repeat(MAX_LINK_CHARS + 1)] {
        let link = read(text);
        assert_eq!(link.preset, "base");
        assert_eq!(link.warnings, []);
        assert_eq!(link.problems.len(), 1);
        assert_eq!(
            aicloud_scenario::raw::parse_scenario(&link.values),
            Ok(base_scenario())
        );
    }
}

#[test]
fn values_serialise_as_the_strings_they_arrived_as() {
    let values = read("v=1&fx=07.10&rev.ai=1%2C-0").values;
    let json = values.to_json();
    assert!(
        json.starts_with(r#"{"horizonYears":"5","baseFiscalYear":"2026","fxRmbPerUsd":"07.10","#),
        "{json}"
    );
    assert!(json.contains(r#""aiGrowth":["1","-0"]"#), "{json}");
    let raw = Raw::Array(vec![
        Raw::Null,
        Raw::Bool(true),
        Raw::Float(0.5),
        Raw::Integer(-7),
        Raw::TooDeep,
        Raw::Object(vec![("a".into(), Raw::Text("<b>".into()))]),
    ]);
    assert_eq!(raw.to_json(), r#"[null,true,0.5,-7,null,{"a":"<b>"}]"#);
}

#[test]
fn canonical_forms() {
    for (link, expected) in [
        (
            "#fx=7.20&v=1&rev.ai=1%2C0.80",
            "v=1&p=base&fx=7.2&rev.ai=1,0.8",
        ),
        ("v=1&p=bull&rev.ai=1.65,1,0.7,0.5,0.4", "v=1&p=bull"),
        ("v=1&p=bear&h=05&fy=2026.0&zz=1", "v=1&p=bear"),
        (
            "v=1&tok.priceChange=0.05,-0.1,-0.1",
            "v=1&p=base&tok.priceChange=0.05,-0.1,-0.1",
        ),
        ("v=1&unc.margin=0.2&h=6", "v=1&p=base&h=6&unc.margin=0.2"),
        (
            "v=1&fx=+7.5&capex.margin=-0",
            "v=1&p=base&fx=7.5&capex.margin=0",
        ),
        ("v=1&p=bull&rev.ai=1.65", "v=1&p=bull&rev.ai=1.65"),
        ("v=1&p=bear&tok.util=0.55", "v=1&p=bear&tok.util=0.55"),
    ] {
        assert_eq!(canonical(link).as_deref(), Ok(expected), "{link}");
        assert_eq!(canonical(expected).as_deref(), Ok(expected), "{expected}");
    }
}

#[test]
fn encode_refuses_a_bad_preset_or_an_invalid_scenario() {
    let (moon, bad_range) = (encode(&base_scenario(), "moon"), {
        let mut s = base_scenario();
        s.revenue.ai_growth = years_of(&["1", "11"]);
        encode(&s, "base")
    });
    assert_eq!(
        moon.unwrap_err().to_string(),
        "p must be base, bull or bear"
    );
    assert_eq!(
        bad_range.unwrap_err().to_string(),
        "revenue.aiGrowth[1] must be in [-0.99, 10]"
    );
    // A Decimal holds 29 significant digits; the grammar reads 28.
    let mut s = base_scenario();
    let digits29 = Decimal::from_i128_with_scale(12_345_678_901_234_567_890_123_456_789, 28);
    s.revenue.ai_growth = YearArray(vec![d("1"), digits29]);
    assert_eq!(
        encode(&s, "base").unwrap_err(),
        ModelError::BadNumber {
            field: "revenue.aiGrowth[1]".into(),
            reason: "has more than 28 significant digits or 28 decimals"
        }
    );
}

/// A value well inside the domain with `digits` significant digits, negative
/// where the domain allows, so that its text is long.
fn long_value(domain: Domain, digits: u32) -> Decimal {
    let Domain::Decimal { min, max, .. } = domain else {
        return match domain {
            Domain::Integer { max, .. } => Decimal::from(max),
            Domain::Decimal { .. } => Decimal::ZERO,
        };
    };
    let value = if min < Decimal::ZERO {
        min * d("0.1234567890123456789012345678")
    } else {
        max * d("0.7777777777777777777777777777")
    };
    let value = value.round_sf(digits).unwrap();
    assert!(domain.contains(value), "{value}");
    value
}

/// The base scenario with every field changed to a long value, year arrays
/// of ten entries.
fn long_scenario(digits: u32) -> Scenario {
    let mut s = base_scenario();
    for field in FIELDS {
        let value = long_value(field.domain, digits);
        match (field.slot)(&mut s) {
            FieldSlot::Integer(slot) => *slot = u32::try_from(value.mantissa()).unwrap(),
            FieldSlot::Decimal(slot) => *slot = value,
            FieldSlot::Years(slot) => *slot = YearArray(vec![value; 10]),
        }
    }
    s
}

#[test]
fn a_link_with_every_field_changed_stays_short() {
    // Eight significant digits, every field changed, every array ten entries long.
    let s = long_scenario(8);
    let link = encode(&s, "base").unwrap();
    assert_eq!(link.matches('&').count(), 1 + FIELDS.len(), "{link}");
    assert!(link.len() <= 2000, "{} characters: {link}", link.len());
    assert_eq!(ok(&link).scenario, s);
    println!("8 significant digits: {} characters", link.len());

    // 28 significant digits exceed 2,000 characters but stay far below the
    // reading limit, so that every link encode writes can be read back.
    let s = long_scenario(28);
    let link = encode(&s, "base").unwrap();
    assert!(
        link.len() > 2000 && link.len() <= MAX_LINK_CHARS / 2,
        "{}",
        link.len()
    );
    assert_eq!(ok(&link).scenario, s);
    println!("28 significant digits: {} characters", link.len());
    // Its upper bound: a decimal's text is at most 31 characters (sign, 0, point, 28 digits).
    let bound: usize = "v=1&p=base".len()
        + FIELDS
            .iter()
            .map(|f| f.key.len() + 2 + if f.kind() == "years" { 10 * 32 - 1 } else { 31 })
            .sum::<usize>();
    assert!(bound <= MAX_LINK_CHARS / 2, "{bound}");
}

/// A valid version-1 preset id.
fn preset_id() -> impl Strategy<Value = &'static str> {
    proptest::sample::select(vec!["base", "bull", "bear"])
}

/// Link-like junk: pairs of real and made-up keys with number-like and
/// arbitrary values, mostly after `v=1`.
fn structured_junk() -> impl Strategy<Value = String> {
    let mut keys: Vec<String> = FIELDS.iter().map(|f| f.key.to_string()).collect();
    keys.extend(["v", "p", "", "%72ev.ai", "rev", "tok.", "<script>"].map(String::from));
    let key = prop_oneof![
        6 => proptest::sample::select(keys),
        1 => "[a-z.%0-9]{0,6}",
        1 => ".{0,6}",
    ];
    let number = "[-+]?[0-9]{0,4}(\\.[0-9]{0,5})?";
    let small = "-?0\\.[0-9]{1,3}";
    let value = prop_oneof![
        2 => number.prop_map(String::from),
        2 => small.prop_map(String::from),
        2 => proptest::collection::vec(small, 1..11).prop_map(|v| v.join(",")),
        3 => proptest::collection::vec(number, 1..13).prop_map(|v| v.join(",")),
        1 => proptest::collection::vec(number, 1..4).prop_map(|v| v.join("%2C")),
        1 => proptest::sample::select(vec![
            "1", "2", "base", "bull", "bear", "", "1e3", "1_000", "%", "%2", "%zz", "%E2%82%AC",
            "0.0000000000000000000000000001", "99999999999999999999999999999", "-0.99", "10",
        ]).prop_map(String::from),
        1 => ".{0,12}",
    ];
    let pair = prop_oneof![
        8 => (key.clone(), value).prop_map(|(k, v)| format!("{k}={v}")),
        1 => key,
        1 => ".{0,8}",
    ];
    (
        proptest::sample::select(vec![
            "v=1&",
            "#v=1&",
            "v=1&p=bull&",
            "v=1&p=bear&",
            "",
            "v=2&",
        ]),
        proptest::collection::vec(pair, 0..12),
    )
        .prop_map(|(head, pairs)| format!("{head}{}", pairs.join("&")))
}

/// A valid scenario, its preset, and its link written another way: pairs
/// shuffled, maybe `#` in front, commas as `%2C`, a pair repeated, an
/// unknown key added.
fn link_variant() -> impl Strategy<Value = (Scenario, &'static str, String, usize)> {
    (any_scenario(), preset_id())
        .prop_flat_map(|(s, preset)| {
            let link = encode(&s, preset).unwrap();
            let pairs: Vec<String> = link.split('&').map(String::from).collect();
            let edits = (
                any::<bool>(),
                any::<bool>(),
                any::<bool>(),
                any::<bool>(),
                0..99usize,
            );
            (Just(s), Just(preset), Just(pairs).prop_shuffle(), edits)
        })
        .prop_map(
            |(s, preset, mut pairs, (hash, escape, repeat, unknown, at))| {
                let mut warnings = 0;
                if repeat {
                    let pair = pairs[at % pairs.len()].clone();
                    pairs.push(pair);
                    warnings += 1;
                }
                if unknown {
                    pairs.insert(at % pairs.len(), "zz.top=1".to_string());
                    warnings += 1;
                }
                let mut text = pairs.join("&");
                if escape {
                    text = text.replace(',', "%2C");
                }
                if hash {
                    text.insert(0, '#');
                }
                (s, preset, text, warnings)
            },
        )
}

/// Any text: arbitrary strings, and arbitrary bytes made text.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        proptest::collection::vec(any::<u8>(), 0..300)
            .prop_map(|bytes| String::from_utf8_lossy(&bytes).into_owned()),
    ]
}

/// What must hold for any text: no panic, `decode` is `read` without
/// problems, and a decodable link's canonical form is a fixed point that
/// decodes to the same scenario.
fn check_any_link(text: &str) -> Result<(), TestCaseError> {
    let lenient = read(text);
    match decode(text) {
        Err(error) => prop_assert_eq!(Some(&error), lenient.problems.first()),
        Ok(decoded) => {
            prop_assert!(lenient.problems.is_empty());
            prop_assert_eq!(decoded.preset, lenient.preset);
            prop_assert_eq!(&decoded.warnings, &lenient.warnings);
            let link = encode(&decoded.scenario, decoded.preset).unwrap();
            let again = decode(&link).unwrap();
            prop_assert_eq!(&again.scenario, &decoded.scenario);
            prop_assert_eq!(again.warnings, vec![]);
            prop_assert_eq!(canonical(&link), Ok(link.clone()));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn every_valid_scenario_round_trips(s in any_scenario(), preset in preset_id()) {
        let link = encode(&s, preset).unwrap();
        let decoded = decode(&link).unwrap();
        prop_assert_eq!(&decoded.scenario, &s);
        prop_assert_eq!(decoded.preset, preset);
        prop_assert_eq!(decoded.warnings, vec![]);
        prop_assert_eq!(canonical(&link), Ok(link.clone()));
        prop_assert!(link.len() <= MAX_LINK_CHARS);
    }

    #[test]
    fn a_link_written_another_way_decodes_to_the_same_canonical_form(
        (s, preset, text, warnings) in link_variant()
    ) {
        let decoded = decode(&text).unwrap();
        prop_assert_eq!(&decoded.scenario, &s);
        prop_assert_eq!(decoded.preset, preset);
        prop_assert_eq!(decoded.warnings.len(), warnings);
        prop_assert_eq!(canonical(&text), encode(&s, preset));
    }

    #[test]
    fn structured_junk_never_panics_and_canonical_is_a_fixed_point(text in structured_junk()) {
        check_any_link(&text)?;
    }

    #[test]
    fn arbitrary_text_never_panics(text in any_text()) {
        check_any_link(&text)?;
    }
}

/// Cases of the ignored fuzz run: `PROPTEST_CASES`, else 1,000,000.
fn fuzz_cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(1_000_000)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: fuzz_cases(), ..ProptestConfig::default() })]

    /// The long-running fuzz equivalent; see the command at the top.
    #[test]
    #[ignore = "long-running: cargo test --release --test link -- --ignored"]
    fn fuzz_structured_junk(text in structured_junk()) {
        check_any_link(&text)?;
    }

    /// Arbitrary text, in the same long run.
    #[test]
    #[ignore = "long-running: cargo test --release --test link -- --ignored"]
    fn fuzz_any_text(text in any_text()) {
        check_any_link(&text)?;
    }
}
