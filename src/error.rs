//! The one error type of the core.
//!
//! Every error names the place it is about by a JSON path into the scenario
//! (`revenue.aiGrowth[2]`) or into the projection (`tokens.acceleratorsNeeded[4]`),
//! so that the page can mark the input or the output it concerns.

use std::fmt;

use crate::scenario::Domain;

/// What went wrong, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    /// A required field is absent (or `null`/`undefined`).
    Missing {
        /// JSON path of the field.
        field: String,
    },
    /// The value has the wrong JSON type, e.g. an object where a number belongs.
    WrongType {
        /// JSON path of the field.
        field: String,
        /// What the field accepts, in words.
        expected: &'static str,
    },
    /// The value is a number or string but not an acceptable decimal: NaN or
    /// infinite, outside the strict grammar, or over 28 significant digits or
    /// 28 decimals.
    BadNumber {
        /// JSON path of the field.
        field: String,
        /// Why it was refused, in words.
        reason: &'static str,
    },
    /// A well-formed number outside the field's domain.
    OutOfRange {
        /// JSON path of the field.
        field: String,
        /// The allowed values; displays as `[-0.99, 10]` or `integer 1..10`.
        domain: Domain,
    },
    /// A year array with no entries or more than ten.
    BadLength {
        /// JSON path of the array.
        field: String,
    },
    /// The input nests deeper than any scenario does (or refers to itself).
    TooDeep {
        /// JSON path where the nesting was cut off.
        field: String,
    },
    /// Reading the value threw an exception (a JavaScript getter or proxy
    /// trap), so nothing is known of it.
    Unreadable {
        /// JSON path of the value being read.
        field: String,
    },
    /// A shared link ([`crate::link`]) that cannot be read as a whole: too
    /// long (`link`), an unknown version (`v`) or preset (`p`).
    BadLink {
        /// `link`, `v` or `p`.
        field: String,
        /// Why it was refused, in words.
        reason: &'static str,
    },
    /// An `explain` path that is not text or names no output of `compute`,
    /// or an index past the horizon; the field is always `path`.
    BadPath {
        /// What is wrong and what is allowed, in words.
        reason: String,
    },
    /// An output, or an intermediate that determines it, does not fit a
    /// `rust_decimal::Decimal` (magnitude at most about 7.9e28, at most 28
    /// decimals), or would need a division by a value that rounded to zero.
    Overflow {
        /// JSON path of the output, e.g. `tokens.acceleratorsNeeded[4]`.
        field: String,
    },
}

impl ModelError {
    /// The JSON path this error is about.
    pub fn field(&self) -> &str {
        match self {
            ModelError::Missing { field }
            | ModelError::WrongType { field, .. }
            | ModelError::BadNumber { field, .. }
            | ModelError::OutOfRange { field, .. }
            | ModelError::BadLength { field }
            | ModelError::TooDeep { field }
            | ModelError::Unreadable { field }
            | ModelError::BadLink { field, .. }
            | ModelError::Overflow { field } => field,
            ModelError::BadPath { .. } => "path",
        }
    }

    /// What went wrong, as the variant's name in camelCase: `missing`,
    /// `wrongType`, `badNumber`, `outOfRange`, `badLength`, `tooDeep`,
    /// `unreadable`, `badLink`, `badPath` or `overflow`. Stable, so that a
    /// page can word the problem in its reader's language from the kind and
    /// the field's path, without reading the English message.
    pub fn kind(&self) -> &'static str {
        match self {
            ModelError::Missing { .. } => "missing",
            ModelError::WrongType { .. } => "wrongType",
            ModelError::BadNumber { .. } => "badNumber",
            ModelError::OutOfRange { .. } => "outOfRange",
            ModelError::BadLength { .. } => "badLength",
            ModelError::TooDeep { .. } => "tooDeep",
            ModelError::Unreadable { .. } => "unreadable",
            ModelError::BadLink { .. } => "badLink",
            ModelError::BadPath { .. } => "badPath",
            ModelError::Overflow { .. } => "overflow",
        }
    }

    /// The message without the field path in front, for a form that shows it
    /// next to the field anyway.
    pub fn message(&self) -> String {
        match self {
            ModelError::Missing { .. } => "is required".to_string(),
            ModelError::WrongType { expected, .. } => format!("must be {expected}"),
            ModelError::BadNumber { reason, .. } | ModelError::BadLink { reason, .. } => {
                reason.to_string()
            }
            ModelError::OutOfRange {
                domain: Domain::Integer { min, max },
                ..
            } => {
                format!("must be a whole number from {min} to {max}")
            }
            ModelError::OutOfRange { domain, .. } => format!("must be in {domain}"),
            ModelError::BadLength { .. } => {
                format!("must have 1 to {} entries", crate::MAX_YEARS)
            }
            ModelError::TooDeep { .. } => "is nested deeper than a scenario can be".to_string(),
            ModelError::Unreadable { .. } => {
                "could not be read: reading it threw an exception".to_string()
            }
            ModelError::BadPath { reason } => reason.clone(),
            ModelError::Overflow { .. } => {
                "is too large (or too small) for exact decimal arithmetic with these inputs"
                    .to_string()
            }
        }
    }
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.field(), self.message())
    }
}

impl std::error::Error for ModelError {}

/// Shorthand for results of the core.
pub type Result<T> = std::result::Result<T, ModelError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_its_variant_in_camel_case() {
        let field = || "fxRmbPerUsd".to_string();
        let errors = [
            ModelError::Missing { field: field() },
            ModelError::WrongType {
                field: field(),
                expected: "a number",
            },
            ModelError::BadNumber {
                field: field(),
                reason: "x",
            },
            ModelError::OutOfRange {
                field: field(),
                domain: Domain::Integer { min: 1, max: 10 },
            },
            ModelError::BadLength { field: field() },
            ModelError::TooDeep { field: field() },
            ModelError::Unreadable { field: field() },
            ModelError::BadLink {
                field: "v".to_string(),
                reason: "x",
            },
            ModelError::BadPath {
                reason: "x".to_string(),
            },
            ModelError::Overflow { field: field() },
        ];
        for error in errors {
            let variant = format!("{error:?}");
            let name = variant.split([' ', '{']).next().unwrap();
            let mut camel = name.to_string();
            camel[..1].make_ascii_lowercase();
            assert_eq!(error.kind(), camel);
        }
    }
}
