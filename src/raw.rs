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

/// How deep [`Raw::from_json`] reads: a scenario, its sections, their year arrays.
const JSON_DEPTH: usize = 3;

impl Raw {
    /// A JSON text as `JSON.stringify` writes one, for the fast reading of
    /// a scenario (`src/wasm/read.rs`): objects, arrays, strings without
    /// escapes, numbers, `true`, `false` and `null`, no white space, nested
    /// at most three deep (a scenario, its sections, their year arrays).
    /// `None` for anything else (an escape, deeper nesting, a malformed
    /// text), which the careful reading takes.
    ///
    /// A number is kept as its text, [`Raw::Text`]: `JSON.stringify` writes
    /// `String(x)`, the digits [`decimal_from_f64`] reads from the number
    /// itself, so it gives the decimal the careful reading gives; with an
    /// exponent (`1e21`, `1e-7`) the grammar refuses it, and the caller
    /// falls back to the careful reading.
    pub fn from_json(text: &str) -> Option<Raw> {
        let mut reader = JsonReader { text, at: 0 };
        let value = reader.value(0)?;
        (reader.at == text.len()).then_some(value)
    }
}

/// The position of [`Raw::from_json`] in its text; every position it stops
/// at is just after an ASCII byte, so slicing there is on a char boundary.
struct JsonReader<'a> {
    text: &'a str,
    at: usize,
}

impl JsonReader<'_> {
    fn value(&mut self, depth: usize) -> Option<Raw> {
        match *self.text.as_bytes().get(self.at)? {
            b'{' if depth < JSON_DEPTH => {
                self.at += 1;
                let mut entries = Vec::new();
                if self.eat(b'}') {
                    return Some(Raw::Object(entries));
                }
                loop {
                    let key = self.string()?;
                    if !self.eat(b':') {
                        return None;
                    }
                    entries.push((key, self.value(depth + 1)?));
                    if self.eat(b'}') {
                        return Some(Raw::Object(entries));
                    }
                    if !self.eat(b',') {
                        return None;
                    }
                }
            }
            b'[' if depth < JSON_DEPTH => {
                self.at += 1;
                let mut entries = Vec::new();
                if self.eat(b']') {
                    return Some(Raw::Array(entries));
                }
                loop {
                    entries.push(self.value(depth + 1)?);
                    if self.eat(b']') {
                        return Some(Raw::Array(entries));
                    }
                    if !self.eat(b',') {
                        return None;
                    }
                }
            }
            b'"' => self.string().map(Raw::Text),
            b't' => self.word("true", Raw::Bool(true)),
            b'f' => self.word("false", Raw::Bool(false)),
            b'n' => self.word("null", Raw::Null),
            b'-' | b'0'..=b'9' => {
                let start = self.at;
                while matches!(
                    self.text.as_bytes().get(self.at),
                    Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
                ) {
                    self.at += 1;
                }
                self.text
                    .get(start..self.at)
                    .map(|number| Raw::Text(number.to_string()))
            }
            _ => None,
        }
    }

    /// Steps over `byte` if it is next.
    fn eat(&mut self, byte: u8) -> bool {
        let next = self.text.as_bytes().get(self.at) == Some(&byte);
        self.at += usize::from(next);
        next
    }

    /// A string without escapes.
    fn string(&mut self) -> Option<String> {
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
        Some(text.to_string())
    }

    /// `word`, which stands for `value`.
    fn word(&mut self, word: &str, value: Raw) -> Option<Raw> {
        let found = self.text.get(self.at..)?.starts_with(word);
        self.at += if found { word.len() } else { 0 };
        found.then_some(value)
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
