//! Untrusted input: a JSON-like [`Raw`] tree and its reading into a [`Scenario`].
//!
//! The boundary reads whatever JavaScript passed into a `Raw` (following
//! the schema, so that deeply nested or self-referencing objects are never
//! walked), then [`parse_scenario`] reads every field of [`FIELDS`] from it,
//! collecting every problem with its JSON path: missing, wrong type, bad
//! number, out of domain, bad length, unreadable.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::error::ModelError;
use crate::json::{Json, ToJson};
use crate::number::{decimal_from_f64, parse_decimal, MAX_DIGITS, TOO_MANY_DIGITS};
use crate::scenario::{entry_path, Field, FieldSlot, Scenario, YearArray, FIELDS, MAX_YEARS};

/// A JSON-like value as it arrived.
#[derive(Debug, Clone, PartialEq)]
pub enum Raw {
    /// `null` or `undefined`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number that arrived as a float (JavaScript numbers always do).
    Float(f64),
    /// A number that arrived as an integer (e.g. from a JSON parser).
    Integer(i128),
    /// A string.
    Text(String),
    /// An array: at most [`MAX_YEARS`] + 1 entries are kept, enough to tell
    /// that it is too long.
    Array(Vec<Raw>),
    /// An object's entries in order.
    Object(Vec<(String, Raw)>),
    /// Nesting cut off unread by whoever built the tree (a reader that
    /// stops at a depth).
    TooDeep,
    /// A value that reading threw for (a JavaScript getter or proxy trap).
    Unreadable,
    /// A value no JSON type describes (a BigInt, a symbol, a function), or a
    /// string over [`MAX_TEXT_CHARS`] left uncopied: named by what it is.
    Unsupported(&'static str),
}

/// What [`Raw::Unsupported`] says of a string over [`MAX_TEXT_CHARS`]: the
/// reason a number refuses it.
pub const LONG_TEXT: &str = "is longer than 1000 characters";

/// The longest string read as a number: far longer than any decimal of the
/// grammar needs, short enough that a huge string is refused before it is
/// copied.
pub const MAX_TEXT_CHARS: usize = 1000;

impl Raw {
    /// The value under `key` of an object (the last one, if repeated).
    fn get(&self, key: &str) -> Option<&Raw> {
        match self {
            Raw::Object(entries) => entries.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    fn type_error(field: &str, expected: &'static str) -> ModelError {
        ModelError::WrongType {
            field: field.to_string(),
            expected,
        }
    }

    /// Reads a number (JSON number or decimal string) exactly; on failure,
    /// calls `field` for the path to name.
    ///
    /// # Errors
    /// [`ModelError::Missing`] for null, [`ModelError::WrongType`] for what
    /// is no number or text, [`ModelError::BadNumber`] for NaN, infinities
    /// and text outside the grammar, and the reading's own problems
    /// ([`ModelError::Unreadable`], [`ModelError::TooDeep`]).
    pub fn decimal(&self, field: impl FnOnce() -> String) -> Result<Decimal, ModelError> {
        match self {
            Raw::Float(value) => decimal_from_f64(*value),
            // As `parse_decimal` reads its digits: exact up to 28 of them.
            Raw::Integer(value) if value.unsigned_abs() < 10u128.pow(MAX_DIGITS as u32) => {
                Ok(Decimal::from_i128_with_scale(*value, 0))
            }
            Raw::Integer(_) => Err(TOO_MANY_DIGITS),
            Raw::Text(text) => parse_decimal(text),
            Raw::Null => return Err(ModelError::Missing { field: field() }),
            Raw::TooDeep => return Err(ModelError::TooDeep { field: field() }),
            Raw::Unreadable => return Err(ModelError::Unreadable { field: field() }),
            Raw::Unsupported(LONG_TEXT) => Err(LONG_TEXT),
            Raw::Bool(_) | Raw::Array(_) | Raw::Object(_) | Raw::Unsupported(_) => {
                return Err(Self::type_error(&field(), "a number or a decimal string"))
            }
        }
        .map_err(|reason| ModelError::BadNumber {
            field: field(),
            reason,
        })
    }

    /// Reads a number and checks it against the domain of `field`.
    fn checked(&self, field: &Field, path: impl Fn() -> String) -> Result<Decimal, ModelError> {
        let value = self.decimal(&path)?;
        field.check(path, value).map(|()| value)
    }
}

/// How deep [`scenario_from_json`] reads: a scenario, its sections, their year arrays.
const JSON_DEPTH: usize = 3;

/// The fast reading of a scenario: a JSON text as `JSON.stringify` writes
/// one (`src/wasm/read.rs`), read straight into the scenario, without a
/// [`Raw`] tree: objects, arrays, strings without escapes, numbers, `true`,
/// `false` and `null`, no white space, nested at most three deep (a
/// scenario, its sections, their year arrays). Keys that name no field are
/// skipped, as [`parse_scenario`] ignores them.
///
/// `None` for anything else (an escape, deeper nesting, a malformed text, a
/// key given twice) and for any problem (a missing field, a value that is
/// no number or decimal string, outside the grammar or outside its domain,
/// a year array of a bad length), which the careful reading then takes and
/// names. What it accepts, [`parse_scenario`] reads to the same scenario.
///
/// A number is read from its text: `JSON.stringify` writes `String(x)`, the
/// digits [`decimal_from_f64`] reads from the number itself, so it gives the
/// decimal the careful reading gives; with an exponent (`1e21`, `1e-7`) the
/// grammar refuses it, and the caller falls back to the careful reading.
pub fn scenario_from_json(text: &str) -> Option<Scenario> {
    let mut reader = JsonReader { text, at: 0 };
    let mut scenario = Scenario::default();
    // One bit per entry of FIELDS, set when it is read.
    const _: () = assert!(FIELDS.len() < 64);
    let mut seen = 0u64;
    // JSON.stringify writes keys in the object's order, most often that of
    // FIELDS: the field after the last one read is tried first.
    let mut next = 0;
    reader.object(|reader, key| {
        if let Some(index) = field_index("", key, next) {
            next = index + 1;
            return reader.field(index, &mut scenario, &mut seen);
        }
        let section = FIELDS.iter().any(|field| {
            field.path.starts_with(key) && field.path.as_bytes().get(key.len()) == Some(&b'.')
        });
        if !section {
            return reader.value(1);
        }
        reader.object(|reader, inner| match field_index(key, inner, next) {
            Some(index) => {
                next = index + 1;
                reader.field(index, &mut scenario, &mut seen)
            }
            None => reader.value(2),
        })
    })?;
    (reader.at == text.len() && seen == (1u64 << FIELDS.len()) - 1).then_some(scenario)
}

/// The index in [`FIELDS`] of the field `key` of `section` (of the scenario
/// itself when `section` is empty), trying `hint` first.
fn field_index(section: &str, key: &str, hint: usize) -> Option<usize> {
    let names = |field: &Field| {
        if section.is_empty() {
            // A key with a point names no field: `revenue.aiGrowth` is the
            // key `aiGrowth` in the section `revenue`.
            field.path == key && !key.contains('.')
        } else {
            field.path.len() == section.len() + 1 + key.len()
                && field.path.starts_with(section)
                && field.path.as_bytes().get(section.len()) == Some(&b'.')
                && field.path.ends_with(key)
        }
    };
    match FIELDS.get(hint) {
        Some(field) if names(field) => Some(hint),
        _ => FIELDS.iter().position(names),
    }
}

/// The position of [`scenario_from_json`] in its text; every position it
/// stops at is just after an ASCII byte, so slicing there is on a char
/// boundary.
struct JsonReader<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> JsonReader<'a> {
    /// An object, calling `entry` with the reader at each value and its key;
    /// `entry` reads the value.
    fn object(&mut self, mut entry: impl FnMut(&mut Self, &'a str) -> Option<()>) -> Option<()> {
        if !self.eat(b'{') {
            return None;
        }
        if self.eat(b'}') {
            return Some(());
        }
        loop {
            let key = self.string()?;
            if !self.eat(b':') {
                return None;
            }
            entry(self, key)?;
            if self.eat(b'}') {
                return Some(());
            }
            if !self.eat(b',') {
                return None;
            }
        }
    }

    /// An array, calling `entry` with the reader at each entry, which it reads.
    fn array(&mut self, mut entry: impl FnMut(&mut Self) -> Option<()>) -> Option<()> {
        if !self.eat(b'[') {
            return None;
        }
        if self.eat(b']') {
            return Some(());
        }
        loop {
            entry(self)?;
            if self.eat(b']') {
                return Some(());
            }
            if !self.eat(b',') {
                return None;
            }
        }
    }

    /// The value of `FIELDS[index]` into `scenario`, checked against its
    /// domain; `None` on any problem and for a field read before.
    fn field(&mut self, index: usize, scenario: &mut Scenario, seen: &mut u64) -> Option<()> {
        let field = &FIELDS[index];
        if *seen & (1 << index) != 0 {
            return None;
        }
        *seen |= 1 << index;
        let number = |reader: &mut Self| {
            let value = parse_decimal(reader.number_text()?).ok()?;
            field.domain.contains(value).then_some(value)
        };
        match (field.slot)(scenario) {
            FieldSlot::Years(slot) => {
                let mut values = Vec::with_capacity(MAX_YEARS);
                self.array(|reader| {
                    (values.len() < MAX_YEARS).then_some(())?;
                    values.push(number(reader)?);
                    Some(())
                })?;
                (!values.is_empty()).then_some(())?;
                *slot = YearArray(values);
            }
            FieldSlot::Decimal(slot) => *slot = number(self)?,
            // The domain refuses fractions and bounds the value to u32.
            FieldSlot::Integer(slot) => *slot = number(self)?.to_u32()?,
        }
        Some(())
    }

    /// A number's text, or a string's (without escapes).
    fn number_text(&mut self) -> Option<&'a str> {
        match *self.text.as_bytes().get(self.at)? {
            b'"' => self.string(),
            b'-' | b'0'..=b'9' => {
                let start = self.at;
                while matches!(
                    self.text.as_bytes().get(self.at),
                    Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
                ) {
                    self.at += 1;
                }
                self.text.get(start..self.at)
            }
            _ => None,
        }
    }

    /// Steps over a value of a key that names no field, nested at `depth`.
    fn value(&mut self, depth: usize) -> Option<()> {
        match *self.text.as_bytes().get(self.at)? {
            b'{' if depth < JSON_DEPTH => self.object(|reader, _| reader.value(depth + 1)),
            b'[' if depth < JSON_DEPTH => self.array(|reader| reader.value(depth + 1)),
            b't' => self.word("true"),
            b'f' => self.word("false"),
            b'n' => self.word("null"),
            _ => self.number_text().map(drop),
        }
    }

    /// Steps over `byte` if it is next.
    fn eat(&mut self, byte: u8) -> bool {
        let next = self.text.as_bytes().get(self.at) == Some(&byte);
        self.at += usize::from(next);
        next
    }

    /// A string without escapes.
    fn string(&mut self) -> Option<&'a str> {
        if !self.eat(b'"') {
            return None;
        }
        let start = self.at;
        let length = self
            .text
            .get(start..)?
            .bytes()
            .position(|byte| byte == b'"')?;
        let text = self.text.get(start..start + length)?;
        if text.contains('\\') {
            return None;
        }
        self.at = start + length + 1;
        Some(text)
    }

    /// Steps over `word` if it is next.
    fn word(&mut self, word: &str) -> Option<()> {
        let found = self.text.get(self.at..)?.starts_with(word);
        self.at += if found { word.len() } else { 0 };
        found.then_some(())
    }
}

/// Writes the value as it arrived: texts as strings (never reformatted),
/// numbers as numbers, objects' entries in order; [`Raw::TooDeep`] as null.
/// The shared-link reader ([`crate::link::read`]) hands its values to the page
/// this way, and [`crate::explain()`] its output's value.
impl ToJson for Raw {
    fn write_json(&self, json: &mut Json) {
        match self {
            Raw::Null | Raw::TooDeep | Raw::Unreadable | Raw::Unsupported(_) => json.null(),
            Raw::Bool(value) => value.write_json(json),
            Raw::Float(value) => value.write_json(json),
            Raw::Integer(value) => value.write_json(json),
            Raw::Text(text) => text.write_json(json),
            Raw::Array(entries) => entries.write_json(json),
            Raw::Object(entries) => json.object(|json| {
                for (key, value) in entries {
                    json.field(key, value);
                }
            }),
        }
    }
}

/// Reads one field of `FIELDS` from its section into `scenario`, pushing
/// every problem.
fn read_field(field: &Field, raw: &Raw, scenario: &mut Scenario, problems: &mut Vec<ModelError>) {
    let path = field.path;
    match ((field.slot)(scenario), raw) {
        (FieldSlot::Years(slot), Raw::Array(entries)) => {
            if entries.is_empty() || entries.len() > MAX_YEARS {
                problems.push(ModelError::BadLength {
                    field: path.to_string(),
                });
                return;
            }
            let mut values = Vec::with_capacity(entries.len());
            for (index, entry) in entries.iter().enumerate() {
                match entry.checked(field, || entry_path(path, index)) {
                    Ok(value) => values.push(value),
                    Err(problem) => problems.push(problem),
                }
            }
            *slot = YearArray(values);
        }
        (FieldSlot::Years(_), Raw::Null) => problems.push(ModelError::Missing {
            field: path.to_string(),
        }),
        (FieldSlot::Years(_), Raw::TooDeep) => problems.push(ModelError::TooDeep {
            field: path.to_string(),
        }),
        (FieldSlot::Years(_), Raw::Unreadable) => problems.push(ModelError::Unreadable {
            field: path.to_string(),
        }),
        (FieldSlot::Years(_), _) => {
            problems.push(Raw::type_error(path, "a list of 1 to 10 numbers"))
        }
        (FieldSlot::Decimal(slot), raw) => match raw.checked(field, || path.to_string()) {
            Ok(value) => *slot = value,
            Err(problem) => problems.push(problem),
        },
        // The domain check refuses fractions and bounds the value to u32.
        (FieldSlot::Integer(slot), raw) => match raw.checked(field, || path.to_string()) {
            Ok(value) => *slot = value.to_u32().unwrap_or_default(),
            Err(problem) => problems.push(problem),
        },
    }
}

/// Reads a whole scenario, collecting every problem in the order of
/// [`FIELDS`]. A missing or non-object section (`revenue`, …) is one problem,
/// not one per field.
///
/// # Errors
/// All problems found, when there is at least one.
pub fn parse_scenario(raw: &Raw) -> Result<Scenario, Vec<ModelError>> {
    let mut scenario = Scenario::default();
    let mut problems = Vec::new();
    match raw {
        Raw::Object(_) => {}
        Raw::Unreadable => {
            return Err(vec![ModelError::Unreadable {
                field: "scenario".to_string(),
            }])
        }
        _ => return Err(vec![Raw::type_error("scenario", "an object")]),
    }
    let mut bad_sections: Vec<&str> = Vec::new();
    for field in FIELDS {
        let (container, key) = match field.path.split_once('.') {
            None => (raw, field.path),
            Some((name, key)) => match raw.get(name) {
                Some(section @ Raw::Object(_)) => (section, key),
                other => {
                    if !bad_sections.contains(&name) {
                        bad_sections.push(name);
                        problems.push(match other {
                            None | Some(Raw::Null) => ModelError::Missing {
                                field: name.to_string(),
                            },
                            Some(Raw::TooDeep) => ModelError::TooDeep {
                                field: name.to_string(),
                            },
                            Some(Raw::Unreadable) => ModelError::Unreadable {
                                field: name.to_string(),
                            },
                            Some(_) => Raw::type_error(name, "an object"),
                        });
                    }
                    continue;
                }
            },
        };
        let value = container.get(key).unwrap_or(&Raw::Null);
        read_field(field, value, &mut scenario, &mut problems);
    }
    if problems.is_empty() {
        Ok(scenario)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_integer_reads_as_its_digits_would() {
        let limit = 10i128.pow(28);
        for value in [
            0,
            7,
            -1000,
            i128::from(i64::MAX),
            i128::from(i64::MIN),
            limit - 1,
            -(limit - 1),
            limit,
            -limit,
            i128::MAX,
            i128::MIN,
        ] {
            let read = Raw::Integer(value).decimal(|| "x".to_string());
            let from_digits =
                parse_decimal(&value.to_string()).map_err(|reason| ModelError::BadNumber {
                    field: "x".to_string(),
                    reason,
                });
            assert_eq!(read, from_digits, "{value}");
            assert_eq!(
                read.map(|d| d.to_string()),
                from_digits.map(|d| d.to_string())
            );
        }
    }
}
