//! Boundary tests shared by `tests/node.rs` and `tests/browser.rs`: the same
//! suite runs in Node and in headless Chromium.

use aicloud_scenario::wasm::{
    compute, decode_scenario, default_scenario, encode_scenario, explain, fields, irr, npv,
    presets, read_scenario_link, reported_years, sensitivity, simulate, solve_probability,
    validate,
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

/// The `field` property of a thrown `Error`: the path it names.
fn field_of(error: &JsValue) -> String {
    Reflect::get(error, &"field".into())
        .unwrap()
        .as_string()
        .expect("the error names a field")
}

/// The `field` and `message` of a thrown `Error`.
fn field_and_message(error: JsValue) -> (String, String) {
    let error: js_sys::Error = error.dyn_into().expect("an Error instance");
    (field_of(&error), error.message().into())
}

/// The `field` and `message` of what `compute` threw.
fn thrown(scenario: &JsValue) -> (String, String) {
    field_and_message(compute(scenario.clone()).expect_err("compute should throw"))
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
fn a_field_path_as_a_key_names_no_field() {
    // `revenue.aiGrowth` is the key `aiGrowth` in `revenue`, not a key of
    // the scenario with a point in it: moved there, the field is missing.
    let s = base();
    let growth = get(&s, "revenue.aiGrowth");
    Reflect::delete_property(&get(&s, "revenue").into(), &"aiGrowth".into()).unwrap();
    Reflect::set(&s, &"revenue.aiGrowth".into(), &growth).unwrap();
    assert_eq!(
        thrown(&s),
        (
            "revenue.aiGrowth".into(),
            "revenue.aiGrowth is required".into()
        )
    );
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
        r#"[{"field":"capex.rmbBn","kind":"badLength","message":"capex.rmbBn must have 1 to 10 entries"},{"field":"tokens.inHouseShare[0]","kind":"badNumber","message":"tokens.inHouseShare[0] must be a finite number (not NaN or infinity)"},{"field":"uncertainty.fxSpread","kind":"missing","message":"uncertainty.fxSpread is required"}]"#
    );
    assert_eq!(Array::from(&validate(base()).unwrap()).length(), 0);
}

/// The `field` and `kind` of `validate`'s first problem.
fn first_problem(scenario: JsValue) -> (String, String) {
    let first = Array::from(&validate(scenario).unwrap()).get(0);
    (text(&first, "field"), text(&first, "kind"))
}

/// The `field` and `kind` properties of a thrown `Error`.
fn field_and_kind(error: JsValue) -> (String, String) {
    (field_of(&error), text(&error, "kind"))
}

#[wasm_bindgen_test]
fn every_problem_names_its_kind_for_a_page_to_word() {
    let pair = |field: &str, kind: &str| (field.to_string(), kind.to_string());
    let with = |path: &str, value: JsValue| {
        let s = base();
        set(&s, path, value);
        s
    };
    let cases = [
        (
            with("fxRmbPerUsd", JsValue::NULL),
            pair("fxRmbPerUsd", "missing"),
        ),
        (
            with("fxRmbPerUsd", JsValue::TRUE),
            pair("fxRmbPerUsd", "wrongType"),
        ),
        (
            with("fxRmbPerUsd", "7,17".into()),
            pair("fxRmbPerUsd", "badNumber"),
        ),
        (
            with("revenue.aiGrowth.2", "11".into()),
            pair("revenue.aiGrowth[2]", "outOfRange"),
        ),
        (
            with("horizonYears", "11".into()),
            pair("horizonYears", "outOfRange"),
        ),
        (
            with("capex.rmbBn", Array::new().into()),
            pair("capex.rmbBn", "badLength"),
        ),
    ];
    for (scenario, expected) in cases {
        assert_eq!(first_problem(scenario.clone()), expected);
        // What compute throws carries the same field and kind.
        assert_eq!(field_and_kind(compute(scenario).unwrap_err()), expected);
    }
    let s = base();
    throwing_getter(&s, "fxRmbPerUsd");
    assert_eq!(first_problem(s), pair("fxRmbPerUsd", "unreadable"));

    let read = read_scenario_link(JsValue::from_str("v=2")).unwrap();
    assert_eq!(
        (
            text(&read, "problems.0.field"),
            text(&read, "problems.0.kind")
        ),
        pair("v", "badLink")
    );
    let read = read_scenario_link(JsValue::from_str("v=1&fx=0")).unwrap();
    assert_eq!(text(&read, "problems.0.kind"), "outOfRange");
    let error = explain(base(), JsValue::from_str("revenue.nothing")).unwrap_err();
    assert_eq!(field_and_kind(error), pair("path", "badPath"));

    assert_eq!(
        text(&compute(overflowing()).unwrap_err(), "kind"),
        "overflow"
    );
}

#[wasm_bindgen_test]
fn reported_years_lead_into_the_presets_base_only() {
    let reported = reported_years(base()).unwrap();
    assert_eq!(get(&reported, "baseFiscalYear").as_f64(), Some(2026.0));
    assert_eq!(text(&reported, "baseRmbBn"), "158.132");
    let moved = base();
    set(&moved, "revenue.baseRmbBn", "160".into());
    assert!(reported_years(moved).unwrap().is_null());
    let later = base();
    set(&later, "baseFiscalYear", 2027.into());
    assert!(reported_years(later).unwrap().is_null());
    // The same base written another way is the same base.
    let padded = base();
    set(&padded, "revenue.baseRmbBn", "158.1320".into());
    assert!(!reported_years(padded).unwrap().is_null());
    let bad = base();
    set(&bad, "fxRmbPerUsd", "0".into());
    let error = reported_years(bad).unwrap_err();
    assert_eq!(field_of(&error), "fxRmbPerUsd");
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
        let reported = get(&preset, "reported");
        assert_eq!(
            JSON::stringify(&get(&reported, "revenueRmbBn")).unwrap(),
            r#"[{"fiscalYear":2025,"value":"118.028"},{"fiscalYear":2026,"value":"158.132"}]"#
        );
        assert_eq!(
            JSON::stringify(&get(&reported, "capexRmbBn")).unwrap(),
            r#"[{"fiscalYear":2024,"value":"32.087"},{"fiscalYear":2025,"value":"85.972"},{"fiscalYear":2026,"value":"126.063"}]"#
        );
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
    assert_eq!(thrown(&s).1, "targetUsdBn is longer than 1000 characters");
}

/// A valid scenario whose token outputs do not fit a Decimal.
fn overflowing() -> JsValue {
    let s = base();
    set(&s, "horizonYears", JsValue::from_f64(10.0));
    set(&s, "tokens.tokensPerDayTrillions", "1000000".into());
    set(
        &s,
        "tokens.volumeGrowth",
        JSON::parse(r#"["100"]"#).unwrap(),
    );
    s
}

#[wasm_bindgen_test]
fn an_output_beyond_decimal_range_throws_naming_it() {
    let (field, message) = thrown(&overflowing());
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
    let link = encode_scenario(s.clone(), JsValue::from_str("bear")).unwrap();
    assert!(link.starts_with("v=1&p=bear&"), "{link}");
    let decoded = decode_scenario(JsValue::from_str(&link)).unwrap();
    assert_eq!(text(&decoded, "preset"), "bear");
    assert_eq!(
        JSON::stringify(&get(&decoded, "scenario")).unwrap(),
        JSON::stringify(&s).unwrap()
    );
    assert_eq!(
        encode_scenario(base(), JsValue::UNDEFINED).unwrap(),
        "v=1&p=base"
    );

    let error: js_sys::Error = decode_scenario(JsValue::from_str("v=1&fx=7e1"))
        .unwrap_err()
        .dyn_into()
        .unwrap();
    assert_eq!(field_of(&error), "fxRmbPerUsd");

    let read = read_scenario_link(JsValue::from_str("v=1&fx=7.3&rev.ai=1,x&zz=1")).unwrap();
    assert_eq!(text(&read, "scenario.fxRmbPerUsd"), "7.3");
    assert_eq!(text(&read, "scenario.revenue.aiGrowth.1"), "x");
    assert_eq!(text(&read, "problems.0.field"), "revenue.aiGrowth[1]");
    assert_eq!(text(&read, "warnings.0.field"), "zz");
}

/// The fields `validate` names, in order.
fn problem_fields(scenario: JsValue) -> Vec<String> {
    Array::from(&validate(scenario).unwrap())
        .iter()
        .map(|problem| text(&problem, "field"))
        .collect()
}

/// A getter on `path` that throws.
fn throwing_getter(scenario: &JsValue, path: &str) {
    let (parent, key) = path
        .rsplit_once('.')
        .map_or((scenario.clone(), path), |(p, k)| (get(scenario, p), k));
    let descriptor = Object::new();
    let getter = js_sys::Function::new_no_args("throw new Error('boom')");
    Reflect::set(&descriptor, &"get".into(), &getter).unwrap();
    Reflect::set(&descriptor, &"enumerable".into(), &true.into()).unwrap();
    Reflect::define_property(parent.unchecked_ref::<Object>(), &key.into(), &descriptor).unwrap();
}

/// A proxy of `target` whose every property get throws.
fn throwing_proxy(target: &JsValue) -> JsValue {
    let handler = Object::new();
    let trap =
        js_sys::Function::new_with_args("target, key", "throw new Error('trap ' + String(key))");
    Reflect::set(&handler, &"get".into(), &trap).unwrap();
    js_sys::Proxy::new(target, &handler).into()
}

#[wasm_bindgen_test]
fn throwing_getters_and_proxies_name_the_field_and_never_break_the_module() {
    // Issue 8, fault 1: each of these used to leak wasm stack until the
    // module trapped for good.
    let cases: Vec<(JsValue, &str)> = {
        let mut cases = Vec::new();
        for path in [
            "fxRmbPerUsd",
            "revenue.baseRmbBn",
            "revenue.aiGrowth.2",
            "capex",
        ] {
            let s = base();
            throwing_getter(&s, path);
            let field = match path {
                "revenue.aiGrowth.2" => "revenue.aiGrowth[2]",
                other => other,
            };
            cases.push((s, field));
        }
        // JSON reads `toJSON` first: a proxy that throws on every get is unreadable as a whole.
        cases.push((throwing_proxy(&base()), "scenario"));
        let s = base();
        set(&s, "tokens", throwing_proxy(&get(&s, "tokens")));
        cases.push((s, "tokens"));
        let s = base();
        set(
            &s,
            "revenue.coreGrowth",
            throwing_proxy(&get(&s, "revenue.coreGrowth")),
        );
        cases.push((s, "revenue.coreGrowth"));
        let revocable = js_sys::Proxy::revocable(&base(), &Object::new());
        let revoke: js_sys::Function = Reflect::get(&revocable, &"revoke".into()).unwrap().into();
        revoke.call0(&JsValue::NULL).unwrap();
        cases.push((
            Reflect::get(&revocable, &"proxy".into()).unwrap(),
            "scenario",
        ));
        cases
    };
    for (scenario, field) in &cases {
        let (thrown_field, message) = thrown(scenario);
        assert_eq!(&thrown_field, field);
        assert_eq!(
            message,
            format!("{field} could not be read: reading it threw an exception")
        );
        assert_eq!(problem_fields(scenario.clone())[0], *field);
    }
    // A getter on a key the scenario does not have is never called.
    let s = base();
    throwing_getter(&s, "x");
    assert!(problem_fields(s.clone()).is_empty());
    // Thousands of such calls (the fuzzer makes 100,000) leave the module
    // healthy: before, a few hundred exhausted its stack.
    for round in 0..4_000 {
        let (scenario, _) = &cases[round % cases.len()];
        assert!(compute(scenario.clone()).is_err());
        assert!(validate(scenario.clone()).is_ok());
        assert!(encode_scenario(scenario.clone(), JsValue::UNDEFINED).is_err());
    }
    assert_eq!(
        text(&compute(base()).unwrap(), "revenue.cumulativeUsdBn.4"),
        "301.430478069"
    );
}

#[wasm_bindgen_test]
fn javascript_numbers_are_read_by_their_shortest_round_trip_text() {
    // Issue 8, fault 2: one float step outside a domain is outside it.
    let s = base();
    set(&s, "fxRmbPerUsd", JsValue::from_f64(1000.0000000000001));
    assert_eq!(problem_fields(s), ["fxRmbPerUsd"]);
    let s = base();
    set(
        &s,
        "revenue.aiGrowth.1",
        JsValue::from_f64(-0.9900000000000001),
    );
    assert_eq!(problem_fields(s), ["revenue.aiGrowth[1]"]);
    let s = base();
    set(&s, "fxRmbPerUsd", JsValue::from_f64(0.9112351396112559));
    assert_eq!(
        encode_scenario(s, JsValue::UNDEFINED).unwrap(),
        "v=1&p=base&fx=0.9112351396112559"
    );
    // 29 decimals are refused, as the contract says.
    let s = base();
    set(
        &s,
        "tokens.powerKw",
        JsValue::from_f64(3.724_804_613_739_251_7e-13),
    );
    assert_eq!(
        thrown(&s).1,
        "tokens.powerKw has more than 28 significant digits or 28 decimals"
    );
}

#[wasm_bindgen_test]
fn link_arguments_that_are_not_text_are_named() {
    // Issue 8, fault 4.
    let not_text = [
        JsValue::from_f64(5.0),
        Object::new().into(),
        JsValue::TRUE,
        JsValue::bigint_from_str("1"),
        JsValue::symbol(None),
        JsValue::NULL,
        JsValue::UNDEFINED,
    ];
    for value in &not_text {
        let error: js_sys::Error = decode_scenario(value.clone())
            .unwrap_err()
            .dyn_into()
            .unwrap();
        assert_eq!(Reflect::get(&error, &"field".into()).unwrap(), "link");
        assert_eq!(String::from(error.message()), "link must be text");
        let read = read_scenario_link(value.clone()).unwrap();
        assert_eq!(text(&read, "problems.0.field"), "link");
        assert_eq!(text(&read, "preset"), "base");
    }
    for value in &not_text[..5] {
        let error = encode_scenario(base(), value.clone()).unwrap_err();
        assert_eq!(Reflect::get(&error, &"field".into()).unwrap(), "preset");
    }
    // A huge link is refused from its length, before it is copied.
    let huge = JsValue::from_str(&"x".repeat(1_000_000));
    assert_eq!(
        text(
            &read_scenario_link(huge.clone()).unwrap(),
            "problems.0.message"
        ),
        "link is longer than 8000 characters"
    );
    assert!(decode_scenario(huge).is_err());
}

#[wasm_bindgen_test]
fn values_no_json_type_describes_are_named_by_their_field() {
    // Issue 8, fault 5.
    let big = JsValue::bigint_from_str("18446744073709551616");
    let bytes: JsValue = js_sys::Uint8Array::new_with_length(3).into();
    let function: JsValue = js_sys::Function::new_no_args("return 1").into();
    for (value, path, field) in [
        (JsValue::symbol(None), "fxRmbPerUsd", "fxRmbPerUsd"),
        (function, "capex.discountRate", "capex.discountRate"),
        (big, "targetUsdBn", "targetUsdBn"),
        (bytes, "revenue.aiGrowth.0", "revenue.aiGrowth[0]"),
    ] {
        let s = base();
        set(&s, path, value);
        assert_eq!(problem_fields(s), [field], "{path}");
    }
    // A BigInt that is an in-domain integer is that integer.
    let s = base();
    set(&s, "horizonYears", JsValue::bigint_from_str("3"));
    assert_eq!(
        JSON::stringify(&get(&compute(s).unwrap(), "years")).unwrap(),
        "[2027,2028,2029]"
    );
}

#[wasm_bindgen_test]
fn to_json_and_boxed_values_are_read_as_json_would_write_them_on_every_path() {
    // Issue 8, fault 6: one behaviour on both readings. A BigInt in a known
    // field sends the input to the careful reading, which must agree.
    let wrapper = Object::new();
    let to_json = js_sys::Function::new_no_args("return this.inner");
    Reflect::set(&wrapper, &"inner".into(), &base()).unwrap();
    Reflect::set(&wrapper, &"toJSON".into(), &to_json).unwrap();
    assert!(problem_fields(wrapper.clone().into()).is_empty());
    Reflect::set(&wrapper, &"extra".into(), &JsValue::bigint_from_str("1")).unwrap();
    assert!(problem_fields(wrapper.clone().into()).is_empty());
    set(
        &get(&wrapper, "inner"),
        "horizonYears",
        JsValue::bigint_from_str("5"),
    );
    assert!(problem_fields(wrapper.clone().into()).is_empty());
    assert_eq!(
        text(
            &compute(wrapper.into()).unwrap(),
            "revenue.cumulativeUsdBn.4"
        ),
        "301.430478069"
    );
    // Boxed values are unwrapped, on the fast reading and on the careful one.
    let boxed = |source: &str| {
        js_sys::Function::new_no_args(source)
            .call0(&JsValue::NULL)
            .unwrap()
    };
    for careful in [false, true] {
        let s = base();
        set(&s, "fxRmbPerUsd", boxed("return new Number(7.17)"));
        set(&s, "revenue.aiGrowth.0", boxed("return new String('1')"));
        if careful {
            set(&s, "horizonYears", JsValue::bigint_from_str("5"));
        }
        assert!(problem_fields(s.clone()).is_empty(), "careful: {careful}");
        assert_eq!(
            text(&compute(s).unwrap(), "revenue.cumulativeUsdBn.4"),
            "301.430478069"
        );
    }
    // A toJSON that throws is an unreadable field.
    let s = base();
    let section = get(&s, "capex");
    Reflect::set(
        &section,
        &"toJSON".into(),
        &js_sys::Function::new_no_args("throw new Error('no')"),
    )
    .unwrap();
    assert_eq!(problem_fields(s), ["capex"]);
}

#[wasm_bindgen_test]
fn unknown_keys_are_never_read_however_large() {
    let s = base();
    set(&s, "huge", "x".repeat(10_000_000).into());
    let million = Array::new_with_length(1_000_000);
    set(&s, "revenue.many", million.clone().into());
    assert!(problem_fields(s.clone()).is_empty());
    assert!(compute(s).is_ok());
    // A year array of a million entries is read as far as telling it is too long.
    let s = base();
    set(&s, "revenue.aiGrowth", million.into());
    assert_eq!(problem_fields(s), ["revenue.aiGrowth"]);
}

/// `simulate`'s options as a JavaScript object.
fn options(samples: JsValue, seed: JsValue) -> JsValue {
    let options = Object::new();
    Reflect::set(&options, &"samples".into(), &samples).unwrap();
    Reflect::set(&options, &"seed".into(), &seed).unwrap();
    options.into()
}

#[wasm_bindgen_test]
fn simulate_gives_the_same_draws_in_every_runtime() {
    // The figures native Rust gives for the same scenario and options: the
    // same in Node and in Chromium, bit for bit.
    let sim = simulate(base(), options(2000.into(), 5.into())).unwrap();
    assert_eq!(get(&sim, "samples").as_f64(), Some(2000.0));
    assert_eq!(text(&sim, "cumulativeUsdBn.p50"), "304.432694244");
    assert_eq!(text(&sim, "cumulativeUsdBn.mean"), "310.938027853");
    assert_eq!(text(&sim, "npvRmbBn.p90"), "-2.427069365");
    assert_eq!(text(&sim, "probabilityNpvPositive"), "0.0975");
    assert_eq!(text(&sim, "probabilityHitAnnualTarget"), "0.46");
    assert_eq!(text(&sim, "annualUsdBn.p95"), "158.281099265");
    assert_eq!(text(&sim, "histogram.edges.40"), "510.833083367");
    assert_eq!(
        JSON::stringify(&get(&sim, "hitByYear")).unwrap(),
        r#"["0","0","1","1","1"]"#
    );
    assert_eq!(
        JSON::stringify(&get(&sim, "histogram.counts")).unwrap(),
        "[5,26,34,43,58,70,86,85,89,101,103,100,110,97,112,95,82,83,66,55,70,52,53,56,47,41,39,30,19,26,17,14,11,8,6,5,2,3,0,1]"
    );
    // Defaults: 10,000 samples, seed 1.
    let sim = simulate(base(), JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&sim, "samples").as_f64(), Some(10000.0));
    assert_eq!(get(&sim, "seed").as_f64(), Some(1.0));
}

#[wasm_bindgen_test]
fn bad_simulation_options_name_their_field() {
    for (samples, seed, expected) in [
        (JsValue::from(0), JsValue::from(1), "options.samples"),
        (
            JsValue::from(1_000_001),
            JsValue::from(1),
            "options.samples",
        ),
        (JsValue::from(10.5), JsValue::from(1), "options.samples"),
        (JsValue::from(10), JsValue::from(-1), "options.seed"),
        (
            JsValue::from(10),
            JsValue::from(4_294_967_296.0),
            "options.seed",
        ),
        (JsValue::from(10), JsValue::symbol(None), "options.seed"),
    ] {
        assert_eq!(
            field_of(&simulate(base(), options(samples, seed)).unwrap_err()),
            expected
        );
    }
    assert_eq!(
        field_of(&simulate(base(), JsValue::from(5)).unwrap_err()),
        "options"
    );
    let hostile = options(10.into(), 1.into());
    throwing_getter(&hostile, "samples");
    assert_eq!(
        field_of(&simulate(base(), hostile).unwrap_err()),
        "options.samples"
    );
    // A bad scenario comes first.
    let s = base();
    set(&s, "fxRmbPerUsd", "0".into());
    assert_eq!(
        field_of(&simulate(s, JsValue::UNDEFINED).unwrap_err()),
        "fxRmbPerUsd"
    );
}

#[wasm_bindgen_test]
fn integer_options_in_text_read_as_a_scenario_s_integers() {
    // "Options objects are validated like scenarios": a scenario's integer
    // field takes "5", "+5" and "5.0" (README, "Input"), and so does an option.
    let want = JSON::stringify(&simulate(base(), options(2000.into(), 5.into())).unwrap()).unwrap();
    for (samples, seed) in [("2000.0", "5"), ("+2000", "5.000"), ("2000", "05")] {
        let sim = simulate(base(), options(samples.into(), seed.into())).unwrap();
        assert_eq!(JSON::stringify(&sim).unwrap(), want, "{samples} {seed}");
    }
    for samples in ["2000.5", "1e3", "abc", " 2000", ""] {
        assert_eq!(
            field_of(&simulate(base(), options(samples.into(), 1.into())).unwrap_err()),
            "options.samples",
            "{samples:?}"
        );
    }
}

#[wasm_bindgen_test]
fn solve_probability_finds_the_shift_and_names_bad_options() {
    let s = base();
    set(&s, "targetUsdBn", "450".into());
    let opts = options(4000.into(), 11.into());
    Reflect::set(&opts, &"probability".into(), &"0.8".into()).unwrap();
    let found = solve_probability(s.clone(), opts).unwrap();
    assert!(get(&found, "beyond").is_null());
    let shift: f64 = text(&found, "aiGrowthShift").parse().unwrap();
    assert!(shift > -2.0 && shift < 10.0, "{shift}");
    assert!(text(&found, "probability").parse::<f64>().unwrap() >= 0.8);
    for bad in [
        JsValue::from(0),
        JsValue::from(1),
        JsValue::from_str("x"),
        JsValue::TRUE,
    ] {
        let opts = Object::new();
        Reflect::set(&opts, &"probability".into(), &bad).unwrap();
        assert_eq!(
            field_of(&solve_probability(s.clone(), opts.into()).unwrap_err()),
            "options.probability"
        );
    }
    // Defaults: probability 0.8, 10,000 samples, seed 1. The base preset
    // reaches US$100bn cumulatively even with AI growth well below its path.
    let found = solve_probability(base(), JsValue::UNDEFINED).unwrap();
    assert!(get(&found, "beyond").is_null());
    assert!(text(&found, "aiGrowthShift").starts_with('-'));
    assert!(text(&found, "probability").parse::<f64>().unwrap() >= 0.8);
}

#[wasm_bindgen_test]
fn sensitivity_gives_thirteen_rows_and_names_a_bad_delta() {
    let tornado = sensitivity(base(), JsValue::UNDEFINED).unwrap();
    assert_eq!(text(&tornado, "base.cumulativeUsdBn"), "301.430478069");
    assert_eq!(text(&tornado, "base.npvRmbBn"), "-160.875610529");
    assert_eq!(Array::from(&get(&tornado, "rows")).length(), 13);
    assert_eq!(get(&tornado, "rows.0.clamped").as_bool(), Some(false));
    assert!(get(&tornado, "rows.0.low.cumulativeUsdBn").is_string());
    let opts = Object::new();
    Reflect::set(&opts, &"delta".into(), &JsValue::from(2)).unwrap();
    let error = sensitivity(base(), opts.into()).unwrap_err();
    assert_eq!(
        Reflect::get(&error, &"field".into()).unwrap(),
        "options.delta"
    );
}

/// The `field` and `message` of what `explain` threw.
fn explain_thrown(scenario: JsValue, path: JsValue) -> (String, String) {
    field_and_message(explain(scenario, path).expect_err("explain should throw"))
}

#[wasm_bindgen_test]
fn explain_gives_the_formula_and_terms_of_an_output() {
    let e = explain(base(), "revenue.cumulativeUsdBn[4]".into()).unwrap();
    assert_eq!(text(&e, "path"), "revenue.cumulativeUsdBn[4]");
    assert_eq!(text(&e, "value"), "301.430478069");
    assert_eq!(
        text(&compute(base()).unwrap(), "revenue.cumulativeUsdBn.4"),
        "301.430478069"
    );
    assert_eq!(
        text(&e, "formula"),
        "cumulativeUsdBn[5] = cumulativeRmbBn[5] / fx"
    );
    assert_eq!(
        JSON::stringify(&get(&e, "terms")).unwrap(),
        r#"[{"name":"cumulativeRmbBn[5]","path":"revenue.cumulativeRmbBn[4]","value":"2161.256527753"},{"name":"fx","path":"fxRmbPerUsd","value":"7.17"}]"#
    );
    // A year, and a null with its reason.
    let e = explain(base(), "revenue.targetHitYear".into()).unwrap();
    assert_eq!(get(&e, "value").as_f64(), Some(2029.0));
    let e = explain(base(), "capex.paybackYears".into()).unwrap();
    assert!(get(&e, "value").is_null());
    assert!(text(&e, "formula").starts_with("paybackYears = null: cumulativeNet[5] < 0"));
    assert_eq!(text(&e, "terms.0.path"), "capex.cumulativeNet[4]");
    assert_eq!(text(&e, "terms.0.value"), "-168.821041674");
    // Why, in parts a page can word in its own language; none for arithmetic.
    assert_eq!(
        JSON::stringify(&get(&e, "why")).unwrap(),
        r#"{"kind":"stillNegative","head":"paybackYears = null","condition":"cumulativeNet[5] < 0","h":"5"}"#
    );
    let e = explain(base(), "revenue.total[0]".into()).unwrap();
    assert!(get(&e, "why").is_null());
}

#[wasm_bindgen_test]
fn explain_names_a_bad_path_and_a_bad_scenario() {
    let (field, message) = explain_thrown(base(), "revenue.nope".into());
    assert_eq!(field, "path");
    assert!(
        message.starts_with(r#"path "revenue.nope" is not an output of compute"#),
        "{message}"
    );
    let (field, message) = explain_thrown(base(), "revenue.ai[5]".into());
    assert_eq!(field, "path");
    assert!(message.contains("past the horizon"), "{message}");
    for value in [
        JsValue::from_f64(5.0),
        Object::new().into(),
        JsValue::TRUE,
        JsValue::bigint_from_str("1"),
        JsValue::symbol(None),
        JsValue::NULL,
        JsValue::UNDEFINED,
    ] {
        let (field, message) = explain_thrown(base(), value);
        assert_eq!(field, "path");
        assert_eq!(
            message,
            "path must be text: an output path of compute such as revenue.cumulativeUsdBn[4]"
        );
    }
    // A huge path is refused from its length, before it is copied.
    let (field, _) = explain_thrown(base(), JsValue::from_str(&"x".repeat(1_000_000)));
    assert_eq!(field, "path");
    // The scenario is read first, as by compute.
    let s = base();
    set(&s, "fxRmbPerUsd", JsValue::from_str("0"));
    assert_eq!(explain_thrown(s, JsValue::NULL).0, "fxRmbPerUsd");
}

/// A JavaScript array from an expression (`[-100, "110"]`).
fn js(expression: &str) -> JsValue {
    js_sys::eval(expression).unwrap()
}

#[wasm_bindgen_test]
fn irr_and_npv_take_numbers_and_decimal_strings_index_0_now() {
    // Excel's documented IRR(-70000, 12000, 15000, 18000, 21000, 26000) = 8.66 %,
    // here within 1e-13 and unrounded; numbers and strings alike.
    let excel = irr(js(r#"[-70000, "12000", 15000, "18000", 21000, 26000]"#)).unwrap();
    let excel = excel.as_string().unwrap();
    assert!(excel.starts_with("0.08663094803653"), "{excel}");
    // Within 1e-13 of the root, unrounded: the last digits are the solver's.
    let ten = irr(js("[-100, 110]")).unwrap().as_string().unwrap();
    assert!(
        ten.starts_with("0.1000000000000") || ten.starts_with("0.0999999999999"),
        "{ten}"
    );
    // Two sign changes: null, as compute's capex.irr.
    assert!(irr(js("[-100, 230, -132]")).unwrap().is_null());
    // flows[0] is now: -100 now, 110 a period later at 10 %: nothing.
    assert_eq!(npv("0.1".into(), js("[-100, 110]")).unwrap(), "0");
    // Excel's NPV(10%, -10000, 3000, 4200, 6800) discounts its first value: a 0 now
    // gives the same, to 28 digits (1188.44341233522300389317669558... by 60-digit hand).
    let excel = npv(0.1.into(), js(r#"[0, -10000, "3000", 4200, 6800]"#)).unwrap();
    assert!(excel.starts_with("1188.4434123352230038931766"), "{excel}");
    // 0.1 as a JavaScript number is read by its shortest text, as every input.
    assert_eq!(
        npv(0.1.into(), js("[0.1, 0.2]")).unwrap(),
        npv("0.1".into(), js(r#"["0.1", "0.2"]"#)).unwrap()
    );
}

#[wasm_bindgen_test]
fn irr_and_npv_name_bad_arguments_and_never_trap() {
    let irr_thrown = |flows: JsValue| field_and_message(irr(flows).expect_err("irr should throw"));
    let npv_thrown = |rate: JsValue, flows: JsValue| {
        field_and_message(npv(rate, flows).expect_err("npv should throw"))
    };
    let form = "flows must be an array of 1 to 1000 finite numbers or decimal strings";
    for flows in [
        JsValue::from_str("-100,110"),
        JsValue::from_f64(1.0),
        JsValue::NULL,
        JsValue::UNDEFINED,
        Object::new().into(),
        js("[]"),
        // Refused from its length, unread.
        js("new Array(4294967295)"),
        js("new Array(1001).fill(1)"),
    ] {
        assert_eq!(
            irr_thrown(flows.clone()),
            ("flows".to_string(), form.to_string())
        );
        assert_eq!(npv_thrown("0.1".into(), flows).0, "flows");
    }
    assert_eq!(irr_thrown(js("[-1, NaN]")).0, "flows[1]");
    assert_eq!(irr_thrown(js("[-1, Infinity]")).0, "flows[1]");
    assert_eq!(irr_thrown(js(r#"[-1, "1e3"]"#)), ("flows[1]".to_string(),
        "flows[1] must be a decimal number such as 158.132 (digits, an optional point and digits, an optional sign; no exponent)".to_string()));
    assert_eq!(
        irr_thrown(js("[-1, {}]")).1,
        "flows[1] must be a number or a decimal string"
    );
    assert_eq!(irr_thrown(js("[-1, , 2]")).0, "flows[1]");
    assert_eq!(irr_thrown(js("[-1, Symbol()]")).0, "flows[1]");
    // A getter or proxy that throws is named, and the module keeps working.
    for _ in 0..500 {
        assert_eq!(
            irr_thrown(js("(() => { const a = [-1, 2]; Object.defineProperty(a, 1, { get() { throw new Error('boom'); } }); return a; })()")).0,
            "flows[1]"
        );
        assert_eq!(irr_thrown(throwing_proxy(&js("[-1, 2]"))).0, "flows");
    }
    assert!(irr(js("[-100, 110]")).unwrap().is_string());
    // The rate: a number or decimal string in [-0.99, 10].
    for rate in [
        JsValue::from_f64(10.5),
        "-0.995".into(),
        JsValue::from_f64(-1.0),
    ] {
        assert_eq!(
            npv_thrown(rate, js("[1]")),
            (
                "rate".to_string(),
                "rate must be in [-0.99, 10]".to_string()
            )
        );
    }
    assert_eq!(npv_thrown(JsValue::NULL, js("[1]")).1, "rate is required");
    assert_eq!(npv_thrown(JsValue::from_f64(f64::NAN), js("[1]")).0, "rate");
    assert_eq!(npv_thrown(Object::new().into(), js("[1]")).0, "rate");
    assert_eq!(npv("-0.99".into(), js("[0, 1]")).unwrap(), "100");
    // Sums beyond Decimal's range are named, not wrapped.
    assert_eq!(
        npv_thrown(
            "-0.99".into(),
            js(r#"["9999999999999999999999999999", 0, 0, 0, "9999999999999999999999999999"]"#)
        )
        .0,
        "npv"
    );
}

/// A JavaScript number is read as the decimal JavaScript writes for it
/// (`String(x)`, its exponent moved into place): the same digits, ties
/// included, for 20,000 bit patterns spread over every magnitude and for
/// exact ties between two shortest texts.
#[wasm_bindgen_test]
fn numbers_are_read_as_the_digits_javascript_writes() {
    use aicloud_scenario::number::{decimal_from_f64, parse_decimal, positional};
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    // 112774522336087.125 exactly: JavaScript writes …12 (the even digit), Rust's Display …13.
    let tie = f64::from_bits(4_817_061_971_461_199_304);
    let mut values = vec![tie, 0.1, 1e21, 1.5e-7, 5e-324, 0.3 - 0.1, 7.17];
    for _ in 0..20_000 {
        // xorshift64*: any bit pattern, so every exponent and mantissa.
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        values.push(f64::from_bits(state.wrapping_mul(0x2545_f491_4f6c_dd1d)));
    }
    for value in values.into_iter().filter(|value| value.is_finite()) {
        let javascript = js_sys::Number::from(value)
            .to_string_with_radix(10)
            .unwrap();
        let expected = parse_decimal(&positional(&String::from(javascript)));
        assert_eq!(decimal_from_f64(value), expected, "{value:e}");
    }
}
