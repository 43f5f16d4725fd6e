//! Boundary tests shared by `tests/node.rs` and `tests/browser.rs`: the same
//! suite runs in Node and in headless Chromium.

use aicloud_scenario::wasm::{
    compute, decode_scenario, default_scenario, encode_scenario, fields, presets,
    read_scenario_link, validate,
};
use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn get(value: &JsValue, path: &str) -> JsValue {
    path.split('.')
        .fold(value.clone(), |at, key| match key.parse::<u32>() {
            Ok(index) => Reflect::get_u32(&at, index).unwrap(),
            Err(_) => Reflect::get(&at, &key.into()).unwrap(),
        })
}

fn set(value: &JsValue, path: &str, new: JsValue) {
    let (parent, key) = path
        .rsplit_once('.')
        .map_or((value.clone(), path), |(p, k)| (get(value, p), k));
    let key = match key.parse::<u32>() {
        Ok(index) => JsValue::from(index),
        Err(_) => JsValue::from(key),
    };
    Reflect::set(&parent, &key, &new).unwrap();
}

fn text(value: &JsValue, path: &str) -> String {
    get(value, path)
        .as_string()
        .unwrap_or_else(|| format!("not a string: {:?}", get(value, path)))
}

/// A fresh copy of the base preset as a plain JavaScript object.
fn base() -> JsValue {
    default_scenario().unwrap()
}

/// The `field` and `message` of what `compute` threw.
fn thrown(scenario: &JsValue) -> (String, String) {
    let error = compute(scenario.clone()).expect_err("compute should throw");
    let error: js_sys::Error = error.dyn_into().expect("an Error instance");
    let field = Reflect::get(&error, &"field".into())
        .unwrap()
        .as_string()
        .unwrap();
    (field, error.message().into())
}

#[wasm_bindgen_test]
fn default_scenario_is_the_base_preset_in_decimal_strings() {
    let s = base();
    assert_eq!(get(&s, "horizonYears").as_f64(), Some(5.0));
    assert_eq!(text(&s, "fxRmbPerUsd"), "7.17");
    assert_eq!(text(&s, "revenue.baseRmbBn"), "158.132");
    assert_eq!(text(&s, "revenue.aiGrowth.4"), "0.35");
    assert_eq!(text(&s, "tokens.priceChange.1"), "-0.1");
}

#[wasm_bindgen_test]
fn compute_returns_the_hand_checked_base_projection() {
    let p = compute(base()).unwrap();
    assert_eq!(
        JSON::stringify(&get(&p, "years")).unwrap(),
        "[2027,2028,2029,2030,2031]"
    );
    assert_eq!(text(&p, "revenue.cumulativeUsdBn.0"), "30.214900976");
    assert_eq!(text(&p, "revenue.cumulativeUsdBn.4"), "301.430478069");
    assert_eq!(get(&p, "revenue.targetHitYear").as_f64(), Some(2029.0));
    assert_eq!(text(&p, "revenue.requiredUniformGrowth"), "-0.032422179");
    // The annual reading (contract 1.1): FY2031 alone falls short.
    assert_eq!(text(&p, "revenue.annualUsdBn.4"), "95.83093921");
    assert!(get(&p, "revenue.annualTargetHitYear").is_null());
    assert_eq!(text(&p, "revenue.annualGapUsdBn"), "-4.16906079");
    assert_eq!(
        text(&p, "revenue.requiredUniformGrowthAnnual"),
        "0.353006486"
    );
    assert_eq!(text(&p, "revenue.requiredAiGrowthAnnual"), "0.641149488");
    assert!(get(&p, "capex.paybackYears").is_null());
    assert_eq!(text(&p, "capex.npvRmbBn"), "-160.875610529");
    assert_eq!(text(&p, "capex.irr"), "-0.327901847");
    assert_eq!(text(&p, "tokens.costRmbPerMTok.0"), "1.146020709");
    assert_eq!(text(&p, "tokens.grossMargin.4"), "0.689093844");
    assert_eq!(Array::from(&get(&p, "warnings")).length(), 0);
}

#[wasm_bindgen_test]
fn decimal_strings_survive_exactly() {
    // 28 significant digits in, exact arithmetic, half-even rounding to 9 places out.
    let s = base();
    set(&s, "fxRmbPerUsd", "1".into());
    set(
        &s,
        "revenue.baseRmbBn",
        "100.0000000000000000000000001".into(),
    );
    set(&s, "revenue.aiShareBase", "0".into());
    set(
        &s,
        "revenue.coreGrowth",
        JSON::parse(r#"["0.0000000015"]"#).unwrap(),
    );
    let p = compute(s).unwrap();
    // 100.0000000000000000000000001 * 1.0000000015 = 100.000000150000000...: rounds to ...15, not ...150000001.
    assert_eq!(text(&p, "revenue.core.0"), "100.00000015");
    // JSON numbers convert through their shortest text: 0.1 is exactly 0.1.
    let s = base();
    set(&s, "revenue.aiGrowth", JSON::parse("[0.1]").unwrap());
    set(&s, "revenue.aiShareBase", JsValue::from_f64(1.0));
    set(&s, "revenue.baseRmbBn", JsValue::from_f64(100.0));
    let p = compute(s).unwrap();
    assert_eq!(text(&p, "revenue.ai.2"), "133.1");
}

#[wasm_bindgen_test]
fn a_bad_field_throws_an_error_naming_it() {
    let s = base();
    set(&s, "revenue.aiGrowth.2", "20".into());
    let (field, message) = thrown(&s);
    assert_eq!(field, "revenue.aiGrowth[2]");
    assert_eq!(message, "revenue.aiGrowth[2] must be in [-0.99, 10]");

    let s = base();
    set(&s, "tokens.utilization", JsValue::from_f64(f64::NAN));
    assert_eq!(
        thrown(&s),
        (
            "tokens.utilization".into(),
            "tokens.utilization must be a finite number (not NaN or infinity)".into()
        )
    );

    let s = base();
    set(&s, "horizonYears", "1e1".into());
    assert_eq!(thrown(&s).0, "horizonYears");
}

#[wasm_bindgen_test]
fn validate_lists_every_problem_with_path_and_range() {
    let s = base();
    set(
        &s,
        "capex.rmbBn",
        JSON::parse("[1,2,3,4,5,6,7,8,9,10,11]").unwrap(),
    );
    set(
        &s,
        "tokens.inHouseShare.0",
        JsValue::from_f64(f64::INFINITY),
    );
    Reflect::delete_property(
        get(&s, "uncertainty").unchecked_ref::<Object>(),
        &"fxSpread".into(),
    )
    .unwrap();
    let problems = validate(s).unwrap();
    assert_eq!(
        JSON::stringify(&problems).unwrap(),
        r#"[{"field":"capex.rmbBn","message":"capex.rmbBn must have 1 to 10 entries"},{"field":"tokens.inHouseShare[0]","message":"tokens.inHouseShare[0] must be a finite number (not NaN or infinity)"},{"field":"uncertainty.fxSpread","message":"uncertainty.fxSpread is required"}]"#
    );
    assert_eq!(Array::from(&validate(base()).unwrap()).length(), 0);
}

#[wasm_bindgen_test]
fn presets_are_three_full_valid_scenarios_with_notes() {
    let list = Array::from(&presets().unwrap());
    let ids: Vec<String> = list.iter().map(|p| text(&p, "id")).collect();
    assert_eq!(ids, ["base", "bull", "bear"]);
    for preset in list.iter() {
        let scenario = get(&preset, "scenario");
        assert_eq!(
            Array::from(&validate(scenario.clone()).unwrap()).length(),
            0
        );
        assert!(compute(scenario).is_ok());
        assert_eq!(
            Object::keys(get(&preset, "notes").unchecked_ref::<Object>()).length(),
            32
        );
        assert!(text(&preset, "rationale").len() > 100);
    }
    assert_eq!(
        JSON::stringify(&get(&list.get(0), "scenario")).unwrap(),
        JSON::stringify(&base()).unwrap()
    );
}

#[wasm_bindgen_test]
fn hostile_values_are_errors_not_traps() {
    // A cycle, deep nesting, values JSON cannot hold: each is a field error.
    let s = base();
    set(&s, "revenue", s.clone());
    assert_eq!(thrown(&s).0, "revenue.baseRmbBn");

    let mut deep = JsValue::from(Array::new());
    for _ in 0..10_000 {
        deep = Array::of1(&deep).into();
    }
    let s = base();
    set(&s, "revenue.aiGrowth", deep.clone());
    assert_eq!(thrown(&s).0, "revenue.aiGrowth[0]");
    assert_eq!(
        text(&Array::from(&validate(deep).unwrap()).get(0), "field"),
        "scenario"
    );

    for value in [
        JsValue::UNDEFINED,
        JsValue::NULL,
        JsValue::from_str("{}"),
        JsValue::symbol(None),
        JsValue::bigint_from_str("1"),
    ] {
        assert_eq!(thrown(&value).0, "scenario");
    }
    let s = base();
    set(&s, "fxRmbPerUsd", JsValue::bigint_from_str("7"));
    assert!(compute(s).is_ok());
    let s = base();
    set(&s, "targetUsdBn", "9".repeat(10_000).into());
    assert_eq!(
        thrown(&s).1,
        "targetUsdBn has more than 28 significant digits or 28 decimals"
    );
}

#[wasm_bindgen_test]
fn an_output_beyond_decimal_range_throws_naming_it() {
    let s = base();
    set(&s, "horizonYears", JsValue::from_f64(10.0));
    set(&s, "tokens.tokensPerDayTrillions", "1000000".into());
    set(
        &s,
        "tokens.volumeGrowth",
        JSON::parse(r#"["100"]"#).unwrap(),
    );
    let (field, message) = thrown(&s);
    assert!(field.starts_with("tokens."), "{field}");
    assert!(message.contains("too large"), "{message}");
}

#[wasm_bindgen_test]
fn fields_describe_every_input_for_a_form() {
    let list = Array::from(&fields().unwrap());
    assert_eq!(list.length(), 32);
    assert_eq!(
        JSON::stringify(&list.get(0)).unwrap(),
        r#"{"path":"horizonYears","key":"h","kind":"integer","min":"1","max":"10","minOpen":false,"maxOpen":false,"range":"integer 1..10"}"#
    );
    let growth = list
        .iter()
        .find(|f| text(f, "path") == "revenue.aiGrowth")
        .unwrap();
    assert_eq!(
        (text(&growth, "kind"), text(&growth, "min")),
        ("years".to_string(), "-0.99".to_string())
    );
}

#[wasm_bindgen_test]
fn links_round_trip_and_name_bad_fields() {
    let s = base();
    set(&s, "revenue.aiGrowth.1", "0.555".into());
    let link = encode_scenario(s.clone(), Some("bear".into())).unwrap();
    assert!(link.starts_with("v=1&p=bear&"), "{link}");
    let decoded = decode_scenario(&link).unwrap();
    assert_eq!(text(&decoded, "preset"), "bear");
    assert_eq!(
        JSON::stringify(&get(&decoded, "scenario")).unwrap(),
        JSON::stringify(&s).unwrap()
    );
    assert_eq!(encode_scenario(base(), None).unwrap(), "v=1&p=base");

    let error: js_sys::Error = decode_scenario("v=1&fx=7e1")
        .unwrap_err()
        .dyn_into()
        .unwrap();
    assert_eq!(
        Reflect::get(&error, &"field".into())
            .unwrap()
            .as_string()
            .unwrap(),
        "fxRmbPerUsd"
    );

    let read = read_scenario_link("v=1&fx=7.3&rev.ai=1,x&zz=1").unwrap();
    assert_eq!(text(&read, "scenario.fxRmbPerUsd"), "7.3");
    assert_eq!(text(&read, "scenario.revenue.aiGrowth.1"), "x");
    assert_eq!(text(&read, "problems.0.field"), "revenue.aiGrowth[1]");
    assert_eq!(text(&read, "warnings.0.field"), "zz");
}
