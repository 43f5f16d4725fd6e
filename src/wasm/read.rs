//! Reading JavaScript values without ever letting JavaScript throw through
//! WebAssembly.
//!
//! A getter or a proxy trap can throw while a value is read. An exception
//! that unwinds through wasm frames skips the code that restores wasm's
//! stack pointer, so a few hundred of them exhaust the stack and the module
//! traps from then on. Here every read that can run JavaScript code is an
//! import declared with `catch`: the glue catches the exception and hands it
//! back as an `Err`, and the value reads as [`Raw::Unreadable`] at its path.
//! Checks of a value's type (`typeof`) and the length of a string run no
//! JavaScript code of the caller's.
//!
//! The scenario is read as `JSON.stringify` would write it, for the fields
//! of [`FIELDS`] and their sections: a property get for each (getters
//! called), `toJSON` honoured, boxed numbers, strings and booleans
//! unwrapped; other keys are ignored. Two readings share these rules:
//! - [`fast`]: `JSON.stringify` itself, then the JSON text straight into the
//!   scenario ([`scenario_from_json`], each number from the text JavaScript
//!   wrote, by the careful reading's own number grammar and domains); used
//!   only when it gives a scenario without a problem. A number's
//!   text is `String(x)`, the digits the careful reading takes from the
//!   number itself ([`decimal_from_f64`]; a boundary test holds the two
//!   equal), and a number written with an exponent is refused by the
//!   grammar, so the careful reading takes it. `JSON.stringify` writes every key, so it
//!   calls the getters of other keys too and takes time in proportion to
//!   what the object holds (about 3 ms a megabyte), but a text over
//!   [`MAX_FAST_JSON`] characters is never copied into WebAssembly: the
//!   careful reading takes over.
//! - [`scenario`]: property by property into a [`Raw`] tree, for input the
//!   fast reading cannot take (a getter threw, a BigInt, a huge value) or
//!   that has a problem, so that every problem is named at its field. It
//!   reads the known keys only (own or inherited), so its time does not
//!   depend on what else the object holds. A BigInt is read as the integer
//!   it is; strings over [`MAX_TEXT_CHARS`] and year arrays past
//!   [`MAX_YEARS`] + 1 entries are not copied.
//!
//! Whatever the fast reading accepts, the careful one reads the same way, so
//! `validate`, `compute` and `encodeScenario` agree on every input.

use js_sys::{Array, BigInt, JsString};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::raw::{scenario_from_json, Raw, LONG_TEXT, MAX_TEXT_CHARS};
use crate::scenario::{Scenario, FIELDS, MAX_YEARS};

#[wasm_bindgen]
extern "C" {
    /// `Reflect.get(target, key)`: runs getters and proxy traps, so it catches.
    #[wasm_bindgen(catch, js_namespace = Reflect, js_name = get)]
    pub(super) fn reflect_get(target: &JsValue, key: &JsValue) -> Result<JsValue, JsValue>;

    /// `Array.isArray(value)`: throws for a revoked proxy, so it catches.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    pub(super) fn is_array(value: &JsValue) -> Result<bool, JsValue>;

    /// `Reflect.apply(function, this, args)`: runs the caller's `toJSON`.
    #[wasm_bindgen(catch, js_namespace = Reflect, js_name = apply)]
    fn reflect_apply(function: &JsValue, this: &JsValue, args: &Array) -> Result<JsValue, JsValue>;

    /// `JSON.stringify(value)`: runs getters, traps and `toJSON`.
    #[wasm_bindgen(catch, js_namespace = JSON, js_name = stringify)]
    fn stringify(value: &JsValue) -> Result<JsValue, JsValue>;

    /// The number in a boxed `Number`; throws for anything else.
    #[wasm_bindgen(catch, js_namespace = ["Number", "prototype", "valueOf"], js_name = call)]
    fn unbox_number(value: &JsValue) -> Result<f64, JsValue>;

    /// The string in a boxed `String`; throws for anything else.
    #[wasm_bindgen(catch, js_namespace = ["String", "prototype", "valueOf"], js_name = call)]
    fn unbox_string(value: &JsValue) -> Result<JsValue, JsValue>;

    /// The boolean in a boxed `Boolean`; throws for anything else.
    #[wasm_bindgen(catch, js_namespace = ["Boolean", "prototype", "valueOf"], js_name = call)]
    fn unbox_boolean(value: &JsValue) -> Result<bool, JsValue>;
}

/// The longest JSON text the fast reading copies: a scenario is about
/// 1,500 characters, with every year array full about 3,000.
const MAX_FAST_JSON: u32 = 16_384;

/// The scenario, when `JSON.stringify` writes it and it has no problem;
/// `None` sends the input to [`scenario`].
pub fn fast(value: &JsValue) -> Option<Scenario> {
    let text = stringify(value).ok()?;
    let text = text.dyn_ref::<JsString>()?;
    if text.length() > MAX_FAST_JSON {
        return None;
    }
    // It checks every value against its domain as it reads.
    scenario_from_json(&text.as_string()?)
}

/// One field as the reader finds it: its key within its object as a
/// JavaScript string (made once: each costs a copy into JavaScript), and
/// whether it holds a year array.
struct Key {
    name: &'static str,
    js: JsValue,
    years: bool,
}

/// The schema the reader follows: the root's own fields, then each section
/// with its fields, in the order of [`FIELDS`].
struct Schema {
    root: Vec<Key>,
    sections: Vec<(Key, Vec<Key>)>,
    length: JsValue,
    to_json: JsValue,
}

impl Schema {
    fn new() -> Schema {
        let key = |name: &'static str, years: bool| Key {
            name,
            js: JsValue::from_str(name),
            years,
        };
        let mut schema = Schema {
            root: Vec::new(),
            sections: Vec::new(),
            length: JsValue::from_str("length"),
            to_json: JsValue::from_str("toJSON"),
        };
        for field in FIELDS {
            let years = field.kind() == "years";
            match field.path.split_once('.') {
                None => schema.root.push(key(field.path, years)),
                Some((section, name)) => {
                    if schema.sections.last().map(|(s, _)| s.name) != Some(section) {
                        schema.sections.push((key(section, false), Vec::new()));
                    }
                    if let Some((_, fields)) = schema.sections.last_mut() {
                        fields.push(key(name, years));
                    }
                }
            }
        }
        schema
    }
}

thread_local! {
    static SCHEMA: Schema = Schema::new();
}

/// Reads a scenario-shaped JavaScript value into a [`Raw`] tree of the
/// fields of [`FIELDS`] (see the module docs), never throwing.
pub fn scenario(value: &JsValue) -> Raw {
    SCHEMA.with(|schema| {
        let Ok(root) = json_value(value.clone(), &JsValue::from_str(""), schema, false) else {
            return Raw::Unreadable;
        };
        object(&root, |root| {
            let mut entries: Vec<(String, Raw)> = schema
                .root
                .iter()
                .map(|key| (key.name.to_string(), property(root, key, schema)))
                .collect();
            for (section_key, fields) in &schema.sections {
                let section = match json_get(root, &section_key.js, schema, false) {
                    Err(_) => Raw::Unreadable,
                    Ok(section) => object(&section, |section| {
                        fields
                            .iter()
                            .map(|key| (key.name.to_string(), property(section, key, schema)))
                            .collect()
                    }),
                };
                entries.push((section_key.name.to_string(), section));
            }
            entries
        })
    })
}

/// A plain object's entries as `read` gives them; an array as an empty
/// array (an object belongs here, so its entries do not matter); anything
/// else as a [`leaf`].
fn object(value: &JsValue, read: impl FnOnce(&JsValue) -> Vec<(String, Raw)>) -> Raw {
    if !value.is_object() {
        return leaf(value);
    }
    match is_array(value) {
        Err(_) => Raw::Unreadable,
        Ok(true) => Raw::Array(Vec::new()),
        Ok(false) => Raw::Object(read(value)),
    }
}

/// `holder[key]` as `JSON.stringify` sees it (see [`json_value`]); `Err`
/// when anything threw.
fn json_get(
    holder: &JsValue,
    key: &JsValue,
    schema: &Schema,
    unbox: bool,
) -> Result<JsValue, JsValue> {
    json_value(reflect_get(holder, key)?, key, schema, unbox)
}

/// A value as `JSON.stringify` sees it under `key`: an object's `toJSON`
/// called with the key, and (`unbox`, where a number belongs) a boxed
/// number, string or boolean unwrapped. `Err` when anything threw.
fn json_value(
    value: JsValue,
    key: &JsValue,
    schema: &Schema,
    unbox: bool,
) -> Result<JsValue, JsValue> {
    if !value.is_object() {
        return Ok(value);
    }
    let to_json = reflect_get(&value, &schema.to_json)?;
    let value = if to_json.is_function() {
        reflect_apply(&to_json, &value, &Array::of1(key))?
    } else {
        value
    };
    if !unbox || !value.is_object() {
        return Ok(value);
    }
    if let Ok(number) = unbox_number(&value) {
        Ok(JsValue::from_f64(number))
    } else if let Ok(text) = unbox_string(&value) {
        Ok(text)
    } else if let Ok(flag) = unbox_boolean(&value) {
        Ok(JsValue::from_bool(flag))
    } else {
        Ok(value)
    }
}

/// The value of one field of `object`.
fn property(object: &JsValue, key: &Key, schema: &Schema) -> Raw {
    match json_get(object, &key.js, schema, !key.years) {
        Err(_) => Raw::Unreadable,
        Ok(value) if key.years => year_array(&value, schema),
        Ok(value) => leaf(&value),
    }
}

/// A year array's entries: at most [`MAX_YEARS`] + 1, enough to tell that
/// it is too long, however long it is.
fn year_array(value: &JsValue, schema: &Schema) -> Raw {
    if !value.is_object() {
        return leaf(value);
    }
    match is_array(value) {
        Err(_) => Raw::Unreadable,
        Ok(false) => Raw::Object(Vec::new()),
        Ok(true) => {
            let Ok(length) = reflect_get(value, &schema.length) else {
                return Raw::Unreadable;
            };
            let count = length
                .as_f64()
                .unwrap_or(0.0)
                .clamp(0.0, (MAX_YEARS + 1) as f64) as u32;
            Raw::Array(
                (0..count)
                    .map(
                        |index| match json_get(value, &JsValue::from(index), schema, true) {
                            Err(_) => Raw::Unreadable,
                            Ok(entry) => leaf(&entry),
                        },
                    )
                    .collect(),
            )
        }
    }
}

/// A string, unless it is longer than any number can be, in which case it is
/// not copied.
fn text_leaf(text: &JsString) -> Raw {
    if text.length() as usize > MAX_TEXT_CHARS {
        return Raw::Unsupported(LONG_TEXT);
    }
    text.as_string().map_or(Raw::Unreadable, Raw::Text)
}

/// A value where a number belongs, by its type alone: nothing here runs the
/// caller's code. An object is `Raw::Object` with no entries (its type is
/// wrong whatever it holds).
pub fn leaf(value: &JsValue) -> Raw {
    if value.is_undefined() || value.is_null() {
        Raw::Null
    } else if let Some(flag) = value.as_bool() {
        Raw::Bool(flag)
    } else if let Some(number) = value.as_f64() {
        Raw::Float(number)
    } else if let Some(text) = value.dyn_ref::<JsString>() {
        text_leaf(text)
    } else if let Some(integer) = value.dyn_ref::<BigInt>() {
        // An exact integer: read by its digits. `toString` can be replaced,
        // so it catches, and what it returns is checked to be a string.
        match integer.to_string(10) {
            Ok(digits) if digits.is_string() => text_leaf(&digits),
            _ => Raw::Unreadable,
        }
    } else if value.is_symbol() {
        Raw::Unsupported("a symbol")
    } else if value.is_function() {
        Raw::Unsupported("a function")
    } else {
        Raw::Object(Vec::new())
    }
}
