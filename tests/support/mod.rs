//! Helpers shared by the native integration tests.
#![allow(dead_code)]

use aicloud_scenario::json::ToJson;
use aicloud_scenario::number::output_text;
use aicloud_scenario::presets::base_scenario;
use aicloud_scenario::scenario::{Domain, FieldSlot};
use aicloud_scenario::{Raw, Scenario, YearArray, FIELDS};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::Value;

/// A decimal from text, for expectations.
pub fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

/// Output texts (9 places, half-even) of a series.
pub fn texts(values: &[Decimal]) -> Vec<String> {
    values.iter().map(|v| output_text(*v)).collect()
}

/// Output text of an optional figure.
pub fn text(value: Option<Decimal>) -> Option<String> {
    value.map(output_text)
}

/// A JSON value as the boundary would see it.
pub fn to_raw(value: &Value) -> Raw {
    match value {
        Value::Null => Raw::Null,
        Value::Bool(b) => Raw::Bool(*b),
        Value::Number(n) => match n.as_i64() {
            Some(i) => Raw::Integer(i.into()),
            None => Raw::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => Raw::Text(s.clone()),
        Value::Array(items) => Raw::Array(items.iter().map(to_raw).collect()),
        Value::Object(map) => {
            Raw::Object(map.iter().map(|(k, v)| (k.clone(), to_raw(v))).collect())
        }
    }
}

/// What the core writes for `value`, read back as a JSON value.
pub fn json_value(value: &(impl ToJson + ?Sized)) -> Value {
    serde_json::from_str(&value.to_json()).unwrap()
}

/// The base preset as untrusted input.
pub fn base_raw() -> Raw {
    to_raw(&json_value(&base_scenario()))
}

/// Where `path` (`revenue.aiGrowth[2]`, `tokens`) leads in `raw`, if anywhere.
fn place<'a>(raw: &'a mut Raw, path: &str) -> Option<&'a mut Raw> {
    let mut at = raw;
    for part in path.split('.') {
        let (key, index) = match part.split_once('[') {
            Some((key, rest)) => (
                key,
                Some(rest.trim_end_matches(']').parse::<usize>().unwrap()),
            ),
            None => (part, None),
        };
        at = match at {
            Raw::Object(entries) => &mut entries.iter_mut().find(|(k, _)| k == key)?.1,
            _ => return None,
        };
        if let Some(index) = index {
            at = match at {
                Raw::Array(items) => items.get_mut(index)?,
                _ => return None,
            };
        }
    }
    Some(at)
}

/// The base preset with the value at `path` replaced.
pub fn base_with(path: &str, value: Raw) -> Raw {
    let mut raw = base_raw();
    *place(&mut raw, path).unwrap_or_else(|| panic!("no {path}")) = value;
    raw
}

/// The base preset without the key at `path` (`section.key` or `key`).
pub fn base_without(path: &str) -> Raw {
    let mut raw = base_raw();
    let (parent, key) = match path.rsplit_once('.') {
        Some((parent, key)) => (place(&mut raw, parent).unwrap(), key),
        None => (&mut raw, path),
    };
    if let Raw::Object(entries) = parent {
        entries.retain(|(k, _)| k != key);
    }
    raw
}

/// A text value.
pub fn t(text: &str) -> Raw {
    Raw::Text(text.to_string())
}

/// An array of text values.
pub fn years(values: &[&str]) -> Raw {
    Raw::Array(values.iter().map(|v| t(v)).collect())
}

/// A year array from texts.
pub fn years_of(values: &[&str]) -> YearArray {
    YearArray(values.iter().map(|v| d(v)).collect())
}

/// A decimal in `[lo, hi]` on a grid of `10^-places`, ends included often.
pub fn between(lo: Decimal, hi: Decimal, places: u32) -> impl Strategy<Value = Decimal> {
    let steps = ((hi - lo) * Decimal::from(10u64.pow(places))).trunc();
    let steps = u64::try_from(steps).unwrap_or(u64::MAX);
    prop_oneof![
        1 => Just(lo),
        1 => Just(hi),
        6 => (0..=steps).prop_map(move |k| lo + Decimal::from(k) / Decimal::from(10u64.pow(places))),
    ]
}

/// Any value of a domain, open ends approached within 1e-9.
pub fn in_domain(domain: Domain) -> BoxedStrategy<Decimal> {
    match domain {
        Domain::Integer { min, max } => (min..=max).prop_map(Decimal::from).boxed(),
        Domain::Decimal {
            min,
            min_open,
            max,
            max_open,
        } => {
            let tiny = d("0.000000001");
            let lo = if min_open { min + tiny } else { min };
            let hi = if max_open { max - tiny } else { max };
            prop_oneof![
                4 => between(lo, hi, 6),
                1 => Just(lo),
                1 => between(lo, (lo + d("1")).min(hi), 9),
            ]
            .boxed()
        }
    }
}

/// A scenario with every field anywhere in its domain.
pub fn any_scenario() -> impl Strategy<Value = Scenario> {
    let fields: Vec<BoxedStrategy<Vec<Decimal>>> = FIELDS
        .iter()
        .map(|field| {
            let mut probe = Scenario::default();
            let is_years = matches!((field.slot)(&mut probe), FieldSlot::Years(_));
            let length = if is_years { 1..=10usize } else { 1..=1 };
            proptest::collection::vec(in_domain(field.domain), length).boxed()
        })
        .collect();
    fields.prop_map(|values| {
        let mut s = Scenario::default();
        for (field, value) in FIELDS.iter().zip(values) {
            match (field.slot)(&mut s) {
                FieldSlot::Integer(slot) => *slot = u32::try_from(value[0].mantissa()).unwrap(),
                FieldSlot::Decimal(slot) => *slot = value[0],
                FieldSlot::Years(slot) => *slot = YearArray(value),
            }
        }
        s
    })
}
