//! Shared links: a [`Scenario`] as URL-fragment text, and back.
//!
//! ## Format, version 1
//! `v=1&p=base&rev.ai=1,0.8,0.6&fx=7.2`: `&`-separated `key=value` pairs.
//! `v=1` comes first, then `p=` and the id of a preset (`base`, `bull` or
//! `bear`; omitted on input it means `base`), then only the fields whose value
//! differs from that preset, in the order of [`FIELDS`], each under its short
//! [`Field::key`]. Values are decimal text of the strict grammar of
//! [`number`](crate::number) (an optional sign, digits, optionally a point
//! and digits; no exponent, at most 28 significant digits and 28 decimals),
//! written normalised ([`exact_text`]); integers as plain digits; year arrays
//! as 1 to 10 comma-separated entries, kept as given (never trimmed). No
//! character needs percent-encoding; on input every `%XX` is decoded (so
//! `%2C` reads as `,`) and one leading `#` is ignored.
//!
//! ## Defaults belong to the version
//! A link holds only differences from its preset, so the preset's values are
//! part of the format: this module keeps its own frozen copy of the v1
//! presets ([`V1_BASE`] and the changes of bull and bear), which a test holds
//! equal to today's [`presets`](crate::presets). A later change of the presets
//! changes what new links say, never what an old link decodes to.
//!
//! ## Reading
//! [`read`] never fails: it applies every field it can read over the named
//! preset, keeps bad values as their raw text, and lists the problems, so a
//! page can open a bad link with its errors shown. [`decode`] is [`read`]
//! with no problems. Unknown and repeated keys are warnings; an unknown `v`
//! or `p`, a text over [`MAX_LINK_CHARS`] or a bad value is a problem, each
//! naming `v`, `p`, `link` or the field's JSON path (`revenue.aiGrowth[1]`)
//! with the messages of [`raw`](crate::raw), which does the reading.

use crate::error::{ModelError, Result};
use rust_decimal::Decimal;

use crate::number::{exact_text, parse_decimal};
use crate::raw::{parse_scenario, Raw};
use crate::scenario::{entry_path, Field, FieldValue, Scenario, FIELDS, MAX_YEARS};
use crate::text::joined;
use crate::Warning;

/// The link format version this module writes and reads: `v=1`.
pub const VERSION: &str = "1";

/// The longest link text read, in characters (after a leading `#`); longer
/// text is refused before it is parsed.
pub const MAX_LINK_CHARS: usize = 8000;

/// The base preset of link version 1, frozen: JSON path → value text (a year
/// array's entries comma-separated), for every field of [`FIELDS`].
pub const V1_BASE: &[(&str, &str)] = &[
    ("horizonYears", "5"),
    ("baseFiscalYear", "2026"),
    ("fxRmbPerUsd", "7.17"),
    ("targetUsdBn", "100"),
    ("revenue.baseRmbBn", "158.132"),
    ("revenue.aiShareBase", "0.3"),
    ("revenue.aiGrowth", "1,0.8,0.6,0.45,0.35"),
    ("revenue.coreGrowth", "0.1,0.08,0.06,0.05,0.04"),
    ("capex.rmbBn", "130,130,120,100,100"),
    ("capex.incrementalCashMargin", "0.3"),
    ("capex.assetLifeYears", "6"),
    ("capex.discountRate", "0.09"),
    ("capex.baseEbitaRmbBn", "14.265"),
    ("tokens.priceRmbPerMTok", "2"),
    ("tokens.priceChange", "0.05,-0.1"),
    ("tokens.acceleratorCostRmb", "200000"),
    ("tokens.acceleratorLifeYears", "5"),
    ("tokens.powerKw", "1.2"),
    ("tokens.electricityRmbPerKwh", "0.6"),
    ("tokens.otherOpexRmbPerHour", "1.5"),
    ("tokens.tokensPerSecond", "2000"),
    ("tokens.throughputGain", "0.5,0.4,0.3,0.25,0.2"),
    ("tokens.utilization", "0.55"),
    ("tokens.inHouseShare", "0.1,0.25,0.4,0.5,0.6"),
    ("tokens.inHouseCostRatio", "0.45"),
    ("tokens.inHousePerfRatio", "0.6"),
    ("tokens.tokensPerDayTrillions", "10"),
    ("tokens.volumeGrowth", "3,1.5,1,0.7,0.5"),
    ("uncertainty.aiGrowthSpread", "0.3"),
    ("uncertainty.coreGrowthSpread", "0.05"),
    ("uncertainty.fxSpread", "0.5"),
    ("uncertainty.cashMarginSpread", "0.1"),
];

/// The bull preset of link version 1, frozen: its changes to [`V1_BASE`].
pub const V1_BULL: &[(&str, &str)] = &[
    ("revenue.aiGrowth", "1.65,1,0.7,0.5,0.4"),
    ("revenue.coreGrowth", "0.12,0.1,0.08,0.07,0.06"),
    ("capex.rmbBn", "200,220,180,150,150"),
    ("capex.incrementalCashMargin", "0.35"),
    ("tokens.priceChange", "0.1,-0.05"),
    ("tokens.utilization", "0.65"),
    ("tokens.inHouseShare", "0.2,0.4,0.6,0.7,0.8"),
    ("tokens.inHousePerfRatio", "0.75"),
    ("tokens.volumeGrowth", "4,2,1.2,0.8,0.6"),
];

/// The bear preset of link version 1, frozen: its changes to [`V1_BASE`].
pub const V1_BEAR: &[(&str, &str)] = &[
    ("revenue.aiGrowth", "0.6,0.4,0.3,0.2,0.15"),
    ("revenue.coreGrowth", "0.05,0.03,0.02,0.02,0.02"),
    ("capex.rmbBn", "150,150,130,110,100"),
    ("capex.incrementalCashMargin", "0.2"),
    ("tokens.priceChange", "0,-0.2"),
    ("tokens.utilization", "0.4"),
    ("tokens.inHouseShare", "0.05,0.1,0.2,0.3,0.35"),
    ("tokens.inHouseCostRatio", "0.6"),
    ("tokens.inHousePerfRatio", "0.45"),
    ("tokens.volumeGrowth", "2,1,0.6,0.4,0.3"),
];

/// The preset ids of version 1 and their changes to [`V1_BASE`].
const V1_PRESETS: &[(&str, &[(&str, &str)])] =
    &[("base", &[]), ("bull", V1_BULL), ("bear", V1_BEAR)];

const TOO_LONG: &str = "is longer than 8000 characters";
const NOT_TEXT: &str = "must be text";
const UNKNOWN_VERSION: &str = "must be 1, the only version of the link format";
const UNKNOWN_PRESET: &str = "must be base, bull or bear";

/// A link read without problems.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The scenario the link describes.
    pub scenario: Scenario,
    /// The preset it names (`base` when it names none).
    pub preset: &'static str,
    /// Unknown and repeated keys.
    pub warnings: Vec<Warning>,
}

/// A link read as far as it goes, for a page that opens even a bad link.
#[derive(Debug, Clone, PartialEq)]
pub struct Lenient {
    /// The preset it names; `base` when it names none or an unknown one.
    pub preset: &'static str,
    /// The preset's scenario as a JSON-like tree of decimal strings (integers
    /// and year-array entries too), with every field the link gives applied
    /// as its text, bad values included (a year array with more than ten
    /// entries keeps eleven, enough to tell). Nothing is applied when the
    /// text is too long or its version is missing or unknown.
    pub values: Raw,
    /// Unknown and repeated keys: `field` is the key as written for an
    /// unknown key, else the field's JSON path (or `v`, `p`).
    pub warnings: Vec<Warning>,
    /// Every problem, each naming `link`, `v`, `p` or a JSON path; empty
    /// when the link decodes.
    pub problems: Vec<ModelError>,
}

/// Writes `scenario` as link text relative to `preset`: `v=1&p=<preset>`
/// then every field whose value differs from the preset's, in [`FIELDS`]
/// order, numbers normalised. The scenario should be valid, e.g. from
/// [`decode`] or [`raw::parse_scenario`](crate::raw::parse_scenario); it is
/// checked first.
///
/// # Errors
/// [`ModelError::BadLink`] naming `p` when `preset` is not `base`, `bull` or
/// `bear`; else the first problem of the scenario ([`Scenario::problems`]);
/// else [`ModelError::BadNumber`] for a value of 29 significant digits,
/// which a Decimal can hold but the input grammar (28) would not read back.
pub fn encode(scenario: &Scenario, preset: &str) -> Result<String> {
    let preset = preset_id(preset)?;
    if let Some(problem) = scenario.problems().into_iter().next() {
        return Err(problem);
    }
    let defaults = parse_scenario(&preset_values(preset)).map_err(first)?;
    let mut link = format!("v={VERSION}&p={preset}");
    for field in FIELDS {
        let text = value_text(field, scenario)?;
        if text != value_text(field, &defaults)? {
            link.push_str(&format!("&{}={text}", field.key));
        }
    }
    Ok(link)
}

/// Reads link text into a scenario: [`read`] when it finds no problem.
///
/// # Errors
/// The first problem [`read`] lists.
pub fn decode(text: &str) -> Result<Decoded> {
    let Lenient {
        preset,
        values,
        warnings,
        problems,
    } = read(text);
    if let Some(problem) = problems.into_iter().next() {
        return Err(problem);
    }
    // Read again rather than carry the scenario: a few microseconds.
    let scenario = parse_scenario(&values).map_err(first)?;
    Ok(Decoded {
        scenario,
        preset,
        warnings,
    })
}

/// The canonical form of link text: `encode(&decode(text)?.scenario, preset)`.
///
/// # Errors
/// As [`decode`].
pub fn canonical(text: &str) -> Result<String> {
    let decoded = decode(text)?;
    encode(&decoded.scenario, decoded.preset)
}

/// Reads link text as far as it goes, never failing (see [`Lenient`]).
pub fn read(text: &str) -> Lenient {
    let text = text.strip_prefix('#').unwrap_or(text);
    if text.chars().count() > MAX_LINK_CHARS {
        return Lenient::unread(link_error("link", TOO_LONG));
    }
    let pairs = Pairs::parse(text);
    if let Some(problem) = version_problem(pairs.version.as_deref()) {
        return Lenient::unread(problem);
    }
    let mut problems = Vec::new();
    let preset = match pairs.preset.as_deref().map_or(Ok("base"), preset_id) {
        Ok(id) => id,
        Err(problem) => {
            problems.push(problem);
            "base"
        }
    };
    let mut values = preset_values(preset);
    for (field, value) in FIELDS.iter().zip(&pairs.values) {
        if let Some(text) = value {
            apply(&mut values, field, text);
        }
    }
    problems.extend(parse_scenario(&values).err().unwrap_or_default());
    Lenient {
        preset,
        values,
        warnings: pairs.warnings,
        problems,
    }
}

/// Why a link's `v` cannot be read as version 1, if it cannot.
fn version_problem(version: Option<&str>) -> Option<ModelError> {
    match version {
        Some(VERSION) => None,
        Some(_) => Some(link_error("v", UNKNOWN_VERSION)),
        None => Some(ModelError::Missing {
            field: "v".to_string(),
        }),
    }
}

impl Lenient {
    /// The base preset with nothing applied and one problem.
    /// [`read`]'s answer for a link refused before reading it: not text at
    /// all, or (`too_long`) known to be over [`MAX_LINK_CHARS`] from its
    /// length in UTF-16 units, so that a huge text is never copied.
    pub fn refused(too_long: bool) -> Lenient {
        Lenient::unread(link_error(
            "link",
            if too_long { TOO_LONG } else { NOT_TEXT },
        ))
    }

    fn unread(problem: ModelError) -> Lenient {
        Lenient {
            preset: "base",
            values: preset_values("base"),
            warnings: Vec::new(),
            problems: vec![problem],
        }
    }
}

/// The pairs of a link, percent-decoded: the last value of `v`, `p` and of
/// each field (by index into [`FIELDS`]), with a warning for every unknown
/// or repeated key.
struct Pairs {
    version: Option<String>,
    preset: Option<String>,
    values: Vec<Option<String>>,
    warnings: Vec<Warning>,
}

impl Pairs {
    /// Splits at `&`, then at the first `=` (a pair without one has an empty
    /// value); empty pairs are skipped.
    fn parse(text: &str) -> Pairs {
        let mut pairs = Pairs {
            version: None,
            preset: None,
            values: vec![None; FIELDS.len()],
            warnings: Vec::new(),
        };
        for pair in text.split('&').filter(|pair| !pair.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            pairs.insert(percent_decode(key), percent_decode(value));
        }
        pairs
    }

    fn insert(&mut self, key: String, value: String) {
        let (slot, name) = match key.as_str() {
            "v" => (&mut self.version, "v"),
            "p" => (&mut self.preset, "p"),
            _ => match FIELDS
                .iter()
                .zip(self.values.iter_mut())
                .find(|(field, _)| field.key == key)
            {
                Some((field, slot)) => (slot, field.path),
                None => {
                    self.warnings.push(Warning {
                        message: format!("unknown key {key} ignored"),
                        field: key,
                    });
                    return;
                }
            },
        };
        if slot.replace(value).is_some() {
            self.warnings.push(Warning {
                field: name.to_string(),
                message: format!("repeated key {key}: the last value is used"),
            });
        }
    }
}

/// Decodes every `%XX` (two hex digits) to its byte; other text is kept.
/// Bytes that are not UTF-8 become U+FFFD.
fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_string();
    }
    let bytes = text.as_bytes();
    let hex = |at: usize| bytes.get(at).and_then(|&b| char::from(b).to_digit(16));
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        match (byte, hex(at + 1), hex(at + 2)) {
            (b'%', Some(high), Some(low)) => {
                // Two hex digits make at most 255.
                out.push(u8::try_from(high * 16 + low).unwrap_or(byte));
                at += 3;
            }
            _ => {
                out.push(byte);
                at += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The canonical id of a version-1 preset.
fn preset_id(id: &str) -> Result<&'static str> {
    V1_PRESETS
        .iter()
        .find(|(known, _)| *known == id)
        .map(|(known, _)| *known)
        .ok_or_else(|| link_error("p", UNKNOWN_PRESET))
}

/// A frozen version-1 preset as a tree of texts; an unknown id gives base.
fn preset_values(id: &str) -> Raw {
    let changes = V1_PRESETS
        .iter()
        .find(|(known, _)| *known == id)
        .map_or(&[][..], |(_, changes)| *changes);
    let mut values = Raw::Object(Vec::new());
    for (path, text) in V1_BASE.iter().chain(changes) {
        if let Some(field) = FIELDS.iter().find(|field| field.path == *path) {
            apply(&mut values, field, text);
        }
    }
    values
}

/// Sets the field in the tree to its link text: a year array splits at `,`
/// (empty text is an empty array; at most [`MAX_YEARS`] + 1 entries kept).
fn apply(values: &mut Raw, field: &Field, text: &str) {
    let value = if field.kind() != "years" {
        Raw::Text(text.to_string())
    } else if text.is_empty() {
        Raw::Array(Vec::new())
    } else {
        let entries = text.split(',').take(MAX_YEARS + 1);
        Raw::Array(entries.map(|entry| Raw::Text(entry.to_string())).collect())
    };
    if let Some(slot) = place(values, field.path) {
        *slot = value;
    }
}

/// The value at a dotted path of an object tree, created (as null, inside
/// objects) where missing.
fn place<'a>(tree: &'a mut Raw, path: &str) -> Option<&'a mut Raw> {
    let (key, rest) = match path.split_once('.') {
        Some((key, rest)) => (key, Some(rest)),
        None => (path, None),
    };
    if matches!(tree, Raw::Null) {
        *tree = Raw::Object(Vec::new());
    }
    let Raw::Object(entries) = tree else {
        return None;
    };
    let index = match entries.iter().position(|(k, _)| k == key) {
        Some(index) => index,
        None => {
            entries.push((key.to_string(), Raw::Null));
            entries.len() - 1
        }
    };
    let value = entries.get_mut(index).map(|(_, value)| value)?;
    match rest {
        Some(rest) => place(value, rest),
        None => Some(value),
    }
}

/// A field's value as link text: normalised decimals, entries joined by `,`.
///
/// # Errors
/// [`ModelError::BadNumber`] for a value that the grammar would not read
/// back: a Decimal can hold 29 significant digits, the grammar 28.
fn value_text(field: &Field, scenario: &Scenario) -> Result<String> {
    let text = |value: Decimal, path: &dyn Fn() -> String| {
        let text = exact_text(value);
        match parse_decimal(&text) {
            Ok(_) => Ok(text),
            Err(reason) => Err(ModelError::BadNumber {
                field: path(),
                reason,
            }),
        }
    };
    match (field.get)(scenario) {
        FieldValue::Integer(value) => Ok(value.to_string()),
        FieldValue::Decimal(value) => text(value, &|| field.path.to_string()),
        FieldValue::Years(years) => {
            let mut texts = Vec::with_capacity(years.0.len());
            for (index, &value) in years.0.iter().enumerate() {
                texts.push(text(value, &|| entry_path(field.path, index))?);
            }
            Ok(joined(texts, ","))
        }
    }
}

fn link_error(field: &str, reason: &'static str) -> ModelError {
    ModelError::BadLink {
        field: field.to_string(),
        reason,
    }
}

/// The first of a list of problems (a list from `parse_scenario` is never empty).
fn first(problems: Vec<ModelError>) -> ModelError {
    problems
        .into_iter()
        .next()
        .unwrap_or_else(|| link_error("link", "could not be read"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::ToJson;
    use crate::presets::presets;

    #[test]
    fn frozen_v1_presets_equal_todays_presets_exactly() {
        let paths: Vec<_> = V1_BASE.iter().map(|(path, _)| *path).collect();
        let fields: Vec<_> = FIELDS.iter().map(|field| field.path).collect();
        assert_eq!(paths, fields);
        for preset in presets() {
            let frozen = parse_scenario(&preset_values(preset.id)).unwrap();
            assert_eq!(frozen, preset.scenario, "{}", preset.id);
            // Equal scales too, not only equal values.
            assert_eq!(frozen.to_json(), preset.scenario.to_json());
        }
        let ids: Vec<_> = V1_PRESETS.iter().map(|(id, _)| *id).collect();
        assert_eq!(ids, presets().iter().map(|p| p.id).collect::<Vec<_>>());
    }

    #[test]
    fn frozen_texts_are_already_normalised() {
        for (path, text) in V1_BASE.iter().chain(V1_BULL).chain(V1_BEAR) {
            for entry in text.split(',') {
                let value = crate::number::parse_decimal(entry).unwrap();
                assert_eq!(exact_text(value), *entry, "{path}");
            }
        }
    }

    #[test]
    fn percent_decoding_takes_two_hex_digits_only() {
        assert_eq!(percent_decode("1%2C2%2c3"), "1,2,3");
        assert_eq!(percent_decode("%"), "%");
        assert_eq!(percent_decode("%2"), "%2");
        assert_eq!(percent_decode("%+1%zz%%41"), "%+1%zz%A");
        assert_eq!(percent_decode("%FF"), "\u{FFFD}");
        assert_eq!(percent_decode("%E2%82%AC"), "€");
    }
}
