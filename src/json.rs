//! JSON text out, written by hand for the fixed shapes the core returns.
//!
//! Every export answers with one JSON text (`JSON.parse`d at the boundary).
//! The text is byte for byte what serde_json wrote before it (README,
//! "Weight"): keys in the order each type lists them, no white space,
//! strings escaped as serde_json escapes them (`"`, `\` and control
//! characters only; `\b \t \n \f \r` short, the rest as `\u00xx`), integers
//! as digits, a float as its shortest digits (`zmij`'s, as serde_json writes
//! them), decimals as strings: an output rounded half-even to 9 places
//! ([`Rounded`]), an input exactly as held ([`Exact`]). Written by hand, it
//! keeps serde and serde_json out of the WebAssembly module; the native
//! tests read its text back with serde_json.

use rust_decimal::Decimal;

use crate::number::DecimalText;
use crate::Figure;

/// JSON text being written; commas go in as values follow one another.
/// Its bytes are those of `&str`s and ASCII, so they are UTF-8.
#[derive(Debug, Default)]
pub struct Json {
    text: Vec<u8>,
}

/// The bytes a JSON string escapes: control characters, `"` and `\\`.
const ESCAPED: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = true;
        byte += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table
};

/// A value that writes itself as JSON.
pub trait ToJson {
    /// Writes the value at the writer's position.
    fn write_json(&self, json: &mut Json);

    /// The value's JSON text.
    fn to_json(&self) -> String {
        // Most answers are a few kilobytes: fewer reallocations as it grows.
        let mut json = Json {
            text: Vec::with_capacity(1024),
        };
        self.write_json(&mut json);
        json.into_text()
    }
}

/// A decimal written exactly as held, as a string (`Display`'s text,
/// trailing zeros kept): how a scenario's inputs are written.
#[derive(Debug, Clone, Copy)]
pub struct Exact(pub Decimal);

/// Numbers written as output text ([`DecimalText::output`]: a string rounded
/// half-even to 9 places); `None` as null.
pub trait Rounded {
    /// Writes the numbers at the writer's position.
    fn write_rounded(&self, json: &mut Json);
}

impl Json {
    /// The text written.
    pub fn into_text(self) -> String {
        // UTF-8 by construction (see `Json`): the check cannot fail, and is
        // one pass over the text instead of one for each number written.
        String::from_utf8(self.text).unwrap_or_default()
    }

    /// A comma, unless the value or key that follows is the first of its
    /// array or object, or follows its key.
    fn separate(&mut self) {
        if !matches!(self.text.last(), None | Some(b'{' | b'[' | b':')) {
            self.text.push(b',');
        }
    }

    /// An object: `fields` writes its entries ([`Json::field`], [`Json::rounded`]).
    pub fn object(&mut self, fields: impl FnOnce(&mut Json)) {
        self.separate();
        self.text.push(b'{');
        fields(self);
        self.text.push(b'}');
    }

    /// An array of `items`.
    pub fn array<T: ToJson>(&mut self, items: impl IntoIterator<Item = T>) {
        self.separate();
        self.text.push(b'[');
        for item in items {
            item.write_json(self);
        }
        self.text.push(b']');
    }

    /// The key of an object's entry; its value is written next.
    pub fn key(&mut self, key: &str) {
        self.separate();
        self.string(key);
        self.text.push(b':');
    }

    /// An entry `"key": value`.
    pub fn field(&mut self, key: &str, value: &(impl ToJson + ?Sized)) {
        self.key(key);
        value.write_json(self);
    }

    /// An entry whose numbers are output text ([`Rounded`]).
    pub fn rounded(&mut self, key: &str, value: &(impl Rounded + ?Sized)) {
        self.key(key);
        value.write_rounded(self);
    }

    /// A section of the projection: an object of its outputs in order.
    pub fn figures(&mut self, figures: &[(&str, Figure<'_>)]) {
        self.object(|json| {
            for (key, figure) in figures {
                json.key(key);
                match figure {
                    Figure::Series(values) => values.write_rounded(json),
                    Figure::Number(value) => value.write_rounded(json),
                    Figure::Year(year) => year.write_json(json),
                    Figure::Beyond(beyond) => beyond.write_json(json),
                }
            }
        });
    }

    /// `null`.
    pub fn null(&mut self) {
        self.separate();
        self.text.extend_from_slice(b"null");
    }

    /// JSON text written elsewhere, as it is.
    fn literal(&mut self, text: &str) {
        self.separate();
        self.text.extend_from_slice(text.as_bytes());
    }

    /// A quoted, escaped string.
    fn string(&mut self, text: &str) {
        self.text.push(b'"');
        // Every byte escaped is ASCII, so the bytes between them are whole
        // characters of `text`.
        let mut rest = text.as_bytes();
        while let Some(at) = rest.iter().position(|&byte| ESCAPED[usize::from(byte)]) {
            self.text.extend_from_slice(&rest[..at]);
            let byte = rest[at];
            self.text.push(b'\\');
            match byte {
                b'"' | b'\\' => self.text.push(byte),
                0x08 => self.text.push(b'b'),
                b'\t' => self.text.push(b't'),
                b'\n' => self.text.push(b'n'),
                0x0c => self.text.push(b'f'),
                b'\r' => self.text.push(b'r'),
                _ => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    self.text.extend_from_slice(b"u00");
                    self.text.push(HEX[usize::from(byte >> 4)]);
                    self.text.push(HEX[usize::from(byte & 0xf)]);
                }
            }
            rest = &rest[at + 1..];
        }
        self.text.extend_from_slice(rest);
        self.text.push(b'"');
    }

    /// An integer's digits.
    fn integer(&mut self, value: i128) {
        self.separate();
        if value < 0 {
            self.text.push(b'-');
        }
        let mut magnitude = value.unsigned_abs();
        let mut digits = [0u8; 40];
        let mut start = digits.len();
        loop {
            // Below 2^64 the division is u64's, not u128's software routine.
            let (rest, digit) = match u64::try_from(magnitude) {
                Ok(small) => (u128::from(small / 10), (small % 10) as u8),
                Err(_) => (magnitude / 10, (magnitude % 10) as u8),
            };
            start -= 1;
            digits[start] = b'0' + digit;
            magnitude = rest;
            if magnitude == 0 {
                break;
            }
        }
        self.text.extend_from_slice(&digits[start..]);
    }
}

impl ToJson for str {
    fn write_json(&self, json: &mut Json) {
        json.separate();
        json.string(self);
    }
}

impl ToJson for String {
    fn write_json(&self, json: &mut Json) {
        self.as_str().write_json(json);
    }
}

impl ToJson for bool {
    fn write_json(&self, json: &mut Json) {
        json.literal(if *self { "true" } else { "false" });
    }
}

impl ToJson for u32 {
    fn write_json(&self, json: &mut Json) {
        json.integer(i128::from(*self));
    }
}

impl ToJson for i128 {
    fn write_json(&self, json: &mut Json) {
        json.integer(*self);
    }
}

/// The shortest digits that read back as the same float (`zmij`'s, as
/// serde_json writes a float: `1.0`, `1e21`); null for NaN and infinities.
impl ToJson for f64 {
    fn write_json(&self, json: &mut Json) {
        if self.is_finite() {
            json.literal(zmij::Buffer::new().format_finite(*self));
        } else {
            json.null();
        }
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, json: &mut Json) {
        (**self).write_json(json);
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, json: &mut Json) {
        match self {
            Some(value) => value.write_json(json),
            None => json.null(),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, json: &mut Json) {
        json.array(self);
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, json: &mut Json) {
        json.array(self);
    }
}

impl ToJson for Exact {
    fn write_json(&self, json: &mut Json) {
        json.separate();
        json.text.push(b'"');
        json.text
            .extend_from_slice(DecimalText::exact(self.0).as_bytes());
        json.text.push(b'"');
    }
}

impl Rounded for Decimal {
    fn write_rounded(&self, json: &mut Json) {
        json.separate();
        json.text.push(b'"');
        json.text
            .extend_from_slice(DecimalText::output(*self).as_bytes());
        json.text.push(b'"');
    }
}

impl Rounded for Option<Decimal> {
    fn write_rounded(&self, json: &mut Json) {
        match self {
            Some(value) => value.write_rounded(json),
            None => json.null(),
        }
    }
}

impl Rounded for [Decimal] {
    fn write_rounded(&self, json: &mut Json) {
        json.separate();
        json.text.push(b'[');
        for value in self {
            value.write_rounded(json);
        }
        json.text.push(b']');
    }
}

impl Rounded for Vec<Decimal> {
    fn write_rounded(&self, json: &mut Json) {
        self.as_slice().write_rounded(json);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        assert_eq!(
            "a\"b\\c\u{8}\t\n\u{c}\r\u{1}\u{1f} \u{7f}é/€".to_json(),
            "\"a\\\"b\\\\c\\b\\t\\n\\f\\r\\u0001\\u001f \u{7f}é/€\""
        );
    }

    #[test]
    fn numbers_and_nesting() {
        assert_eq!(
            vec![Some(0u32), None, Some(4_294_967_295)].to_json(),
            "[0,null,4294967295]"
        );
        assert_eq!(i128::MIN.to_json(), i128::MIN.to_string());
        assert_eq!(i128::MAX.to_json(), i128::MAX.to_string());
        assert_eq!(
            [1.0, 1e21, 1.5e-7, -0.0, f64::NAN].to_vec().to_json(),
            "[1.0,1e+21,1.5e-7,-0.0,null]"
        );
        let mut json = Json::default();
        json.object(|json| {
            json.field("a", &Vec::<u32>::new());
            json.rounded("b", &vec![Decimal::new(12345, 10), Decimal::new(-5, 0)]);
            json.key("c");
            json.object(|json| json.field("d", &true));
            json.field("e", &Exact(Decimal::new(300, 3)));
        });
        assert_eq!(
            json.into_text(),
            r#"{"a":[],"b":["0.000001234","-5"],"c":{"d":true},"e":"0.300"}"#
        );
    }
}
