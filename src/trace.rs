//! The audit trail the computations record as they go: one place for a
//! number and its explanation.
//!
//! [`crate::revenue`], [`crate::payback`] and [`crate::tokens`] compute
//! through a [`Trace`]. At the place where each output is computed they
//! offer its explanation, a [`Formula`] (the contract's defining line with
//! the year written out, and the value of every term on its right-hand
//! side), as a closure: [`Untraced`], which `compute` uses, never calls it,
//! so an offer costs `compute` one call to an empty function and the
//! explanation is never built; a [`Recorder`], which [`crate::explain()`]
//! uses, builds the one formula it was asked for. An explanation is
//! therefore made by the code that makes the number, from the values it
//! computed, and cannot drift from it.
//!
//! The trace is a trait object (`&mut dyn Trace`, closures as `&dyn Fn`),
//! so the computation is compiled once for both: a generic trace compiled
//! it twice and made the WebAssembly module 115 KB larger (this way, 70 KB),
//! for no measurable difference in the speed of `compute`.
//!
//! Where an output's formula is a condition, a search or a root rather
//! than a line of arithmetic (a year found, a null, a solved rate), the
//! formula carries a [`Why`]: its kind and the symbolic pieces and numbers
//! its text names, so that a page can word it in another language; the
//! text is the kind's English wording ([`Reason::english`]) filled in.
//!
//! Names in formulas are the contract's (`base`, `fx`, `aiGrowth[t]`,
//! `capex[t]`, `f[t]`), with t from 1 as in the contract; a term's `path`
//! is where a page finds it: a scenario input by its JSON path
//! (`revenue.aiGrowth[2]`, the entry actually used when the array is
//! shorter than the horizon), an output by its path in the projection
//! (`revenue.total[4]`, 0-based), which [`crate::explain()`] explains in turn.

use rust_decimal::Decimal;

use crate::json::{Json, ToJson};
use crate::number::{exact_text, output_text};
use crate::scenario::{entry_path, YearArray};
use crate::text::joined;

/// A quantity on the right-hand side of a formula.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// Its name in the formula: `fx`, `total[5]`, `aiGrowth[3]`.
    pub name: String,
    /// A scenario input path (`fxRmbPerUsd`, `revenue.aiGrowth[2]`) or an
    /// output path (`revenue.total[4]`).
    pub path: String,
    /// Its value as decimal text: an output as `compute` writes it
    /// (rounded half-even to 9 places), an input exactly as the scenario
    /// holds it (normalised, as `defaultScenario` writes it).
    pub value: String,
}

/// The kinds of [`Why`], each with its English wording, in which `{name}`
/// marks a piece (each name once; `head`, the formula's symbolic left-hand
/// part such as `paybackYears = null`, first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// `{head}: t = {t} is the first year with {condition}`.
    FirstYear,
    /// `{head}: {condition} for every year t = 1..{h}`.
    EveryYear,
    /// `{head}: {condition}, cumulative net cash is still below zero at year {h}`.
    StillNegative,
    /// `{head}: {condition}, discounted cumulative net cash is still below zero at year {h}`.
    StillNegativeDiscounted,
    /// `{head}: t* = {t} is the first year from which {condition} through year {h}`.
    RecoveredFrom,
    /// `{head}: {condition}, there is no AI revenue to grow`.
    NoAiRevenue,
    /// `{head}: even g = {g} gives more than the target in {equation}`.
    BeyondBelow,
    /// `{head}: even g = {g} gives less than the target in {equation}`.
    BeyondAbove,
    /// `{head}: {variable} solves {equation} within {interval}`.
    Solves,
    /// `{head} = the {variable} in {interval} with {equation}`.
    Root,
    /// `{head}, the margin {variable} with {equation}`.
    MarginRoot,
    /// `{head}: {condition}, so no margin {variable} makes {equation}`.
    NoMargin,
    /// `{head}: no {variable} in {interval} has {equation}`.
    NoRoot,
    /// `{head}: the non-zero {series}, t = 1..{h}, change sign {changes} times; ...`.
    SignChanges,
}

impl Reason {
    /// Every kind.
    pub const ALL: [Reason; 14] = [
        Reason::FirstYear,
        Reason::EveryYear,
        Reason::StillNegative,
        Reason::StillNegativeDiscounted,
        Reason::RecoveredFrom,
        Reason::NoAiRevenue,
        Reason::BeyondBelow,
        Reason::BeyondAbove,
        Reason::Solves,
        Reason::Root,
        Reason::MarginRoot,
        Reason::NoMargin,
        Reason::NoRoot,
        Reason::SignChanges,
    ];

    /// Its name in `explain`'s output (`why.kind`): `firstYear`, `everyYear`, ...
    pub fn id(self) -> &'static str {
        self.strings().0
    }

    /// Its English wording, with `{name}` for each piece.
    pub fn english(self) -> &'static str {
        self.strings().1
    }

    fn strings(self) -> (&'static str, &'static str) {
        match self {
            Reason::FirstYear => ("firstYear", "{head}: t = {t} is the first year with {condition}"),
            Reason::EveryYear => ("everyYear", "{head}: {condition} for every year t = 1..{h}"),
            Reason::StillNegative => (
                "stillNegative",
                "{head}: {condition}, cumulative net cash is still below zero at year {h}",
            ),
            Reason::StillNegativeDiscounted => (
                "stillNegativeDiscounted",
                "{head}: {condition}, discounted cumulative net cash is still below zero at year {h}",
            ),
            Reason::RecoveredFrom => (
                "recoveredFrom",
                "{head}: t* = {t} is the first year from which {condition} through year {h}",
            ),
            Reason::NoAiRevenue => ("noAiRevenue", "{head}: {condition}, there is no AI revenue to grow"),
            Reason::BeyondBelow => (
                "beyondBelow",
                "{head}: even g = {g} gives more than the target in {equation}",
            ),
            Reason::BeyondAbove => (
                "beyondAbove",
                "{head}: even g = {g} gives less than the target in {equation}",
            ),
            Reason::Solves => ("solves", "{head}: {variable} solves {equation} within {interval}"),
            Reason::Root => ("root", "{head} = the {variable} in {interval} with {equation}"),
            Reason::MarginRoot => ("marginRoot", "{head}, the margin {variable} with {equation}"),
            Reason::NoMargin => (
                "noMargin",
                "{head}: {condition}, so no margin {variable} makes {equation}",
            ),
            Reason::NoRoot => ("noRoot", "{head}: no {variable} in {interval} has {equation}"),
            Reason::SignChanges => (
                "signChanges",
                "{head}: the non-zero {series}, t = 1..{h}, change sign {changes} times; an IRR is reported only when they change sign exactly once",
            ),
        }
    }
}

/// Why an output has its value, where its formula is a condition, a search
/// or a root: the kind, and the pieces its wording names. In `explain`'s
/// output it is `{kind, head, ...}`: the kind's id, then each piece by name
/// as text (`{"kind": "stillNegative", "head": "paybackYears = null",
/// "condition": "cumulativeNet[5] < 0", "h": "5"}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Why {
    /// The kind, which says how the pieces are worded.
    pub reason: Reason,
    /// The pieces, in the order of the wording's placeholders.
    pub pieces: Vec<String>,
}

impl Why {
    /// `(name, piece)` of every piece, in the wording's order (`head` first).
    pub fn named(&self) -> impl Iterator<Item = (&'static str, &str)> {
        let names = self.reason.english().split('{').skip(1);
        let names = names.map(|part| part.split_once('}').map_or(part, |(name, _)| name));
        names.zip(self.pieces.iter().map(String::as_str))
    }

    /// The English wording with its pieces filled in: the formula's text.
    pub fn english(&self) -> String {
        let mut parts = self.reason.english().split('{');
        let mut text = String::from(parts.next().unwrap_or_default());
        // Each part after a `{` is a placeholder's name, `}`, then words.
        for (part, piece) in parts.zip(&self.pieces) {
            text.push_str(piece);
            text.push_str(part.split_once('}').map_or("", |(_, words)| words));
        }
        text
    }
}

/// `{kind, head, ...}`: the kind's id, then each piece by name.
impl ToJson for Why {
    fn write_json(&self, json: &mut Json) {
        json.object(|json| {
            json.field("kind", self.reason.id());
            for (name, piece) in self.named() {
                json.field(name, piece);
            }
        });
    }
}

impl ToJson for Term {
    fn write_json(&self, json: &mut Json) {
        json.object(|json| {
            json.field("name", &self.name);
            json.field("path", &self.path);
            json.field("value", &self.value);
        });
    }
}

/// How an output came about: the line of the contract that defines it,
/// with the year written out, and the values of its terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Formula {
    /// `cumulativeUsdBn[5] = cumulativeRmbBn[5] / fx`; for a null output,
    /// why it is null.
    pub text: String,
    /// Every quantity the text names on its right-hand side, in order.
    pub terms: Vec<Term>,
    /// For a formula that is a condition, a search or a root: its kind and
    /// pieces, of which `text` is the English wording.
    pub why: Option<Why>,
}

impl Formula {
    /// A formula without terms yet.
    pub fn new(text: impl Into<String>) -> Formula {
        Formula {
            text: text.into(),
            terms: Vec::new(),
            why: None,
        }
    }

    /// A formula that is a condition, a search or a root (see [`Reason`]):
    /// `pieces` are what its wording names, in the order of its
    /// placeholders (`head` first); its text is the English wording filled in.
    #[inline(never)]
    pub fn because(reason: Reason, pieces: &[&dyn std::fmt::Display]) -> Formula {
        let pieces = pieces.iter().map(|piece| piece.to_string()).collect();
        let why = Why { reason, pieces };
        Formula {
            text: why.english(),
            terms: Vec::new(),
            why: Some(why),
        }
    }

    #[inline(never)]
    fn term(mut self, name: String, path: String, value: String) -> Formula {
        self.terms.push(Term { name, path, value });
        self
    }

    /// A scalar input at `path`, written exactly.
    #[inline(never)]
    pub fn input(self, name: &str, path: &str, value: Decimal) -> Formula {
        self.term(name.to_string(), path.to_string(), exact_text(value))
    }

    /// An integer input at `path`.
    #[inline(never)]
    pub fn integer(self, name: &str, path: &str, value: u32) -> Formula {
        self.term(name.to_string(), path.to_string(), value.to_string())
    }

    /// Year `t` (1-based) of a year-array input at `path`: named
    /// `name[t]`, at the entry that holds year t.
    #[inline(never)]
    pub fn year_input(self, name: &str, t: usize, path: &str, array: &YearArray) -> Formula {
        self.term(
            format!("{name}[{t}]"),
            entry_path(path, array.entry_of(t)),
            exact_text(array.at(t)),
        )
    }

    /// A scalar output at `path`, written as `compute` writes it.
    #[inline(never)]
    pub fn output(self, name: &str, path: &str, value: Decimal) -> Formula {
        self.term(name.to_string(), path.to_string(), output_text(value))
    }

    /// Year `t` (1-based) of an output series at `path`, named `name[t]`;
    /// `series` holds years 1.. at index t-1.
    #[inline(never)]
    pub fn year_output(self, name: &str, t: usize, path: &str, series: &[Decimal]) -> Formula {
        let value = series.get(t - 1).copied().unwrap_or_default();
        self.term(
            format!("{name}[{t}]"),
            entry_path(path, t - 1),
            output_text(value),
        )
    }

    /// Years `years` of an output series, each as [`Formula::year_output`].
    #[inline(never)]
    pub fn year_outputs(
        self,
        name: &str,
        years: impl IntoIterator<Item = usize>,
        path: &str,
        series: &[Decimal],
    ) -> Formula {
        years.into_iter().fold(self, |formula, t| {
            formula.year_output(name, t, path, series)
        })
    }

    /// Years `years` of a year-array input, each as [`Formula::year_input`].
    #[inline(never)]
    pub fn year_inputs(
        self,
        name: &str,
        years: impl IntoIterator<Item = usize>,
        path: &str,
        array: &YearArray,
    ) -> Formula {
        years
            .into_iter()
            .fold(self, |formula, t| formula.year_input(name, t, path, array))
    }
}

/// `name[a] + name[a+1] + ... + name[b]`, the years written out.
pub fn sum_of(name: &str, years: std::ops::RangeInclusive<usize>) -> String {
    joined(years.map(|t| format!("{name}[{t}]")), " + ")
}

/// Where a computation offers the explanation of each output it computes.
pub trait Trace {
    /// Offers the explanation of output `name` (`revenue.total`), entry
    /// `index` (0-based, year index+1) for a series or `None` for a single
    /// figure. `explain` is called only when the trace wants that output.
    fn offer(&mut self, name: &'static str, index: Option<usize>, explain: &dyn Fn() -> Formula);
}

/// The trace of `compute`: wants nothing, costs nothing.
pub struct Untraced;

impl Trace for Untraced {
    #[inline(always)]
    fn offer(&mut self, _: &'static str, _: Option<usize>, _: &dyn Fn() -> Formula) {}
}

/// The trace of `explain`: keeps the formula of one output.
#[derive(Debug)]
pub struct Recorder {
    name: &'static str,
    index: Option<usize>,
    formula: Option<Formula>,
}

impl Recorder {
    /// A recorder of output `name`, entry `index` (see [`Trace::offer`]).
    pub fn new(name: &'static str, index: Option<usize>) -> Recorder {
        Recorder {
            name,
            index,
            formula: None,
        }
    }

    /// The formula recorded, if the computation offered it.
    pub fn formula(self) -> Option<Formula> {
        self.formula
    }
}

impl Trace for Recorder {
    fn offer(&mut self, name: &'static str, index: Option<usize>, explain: &dyn Fn() -> Formula) {
        if self.formula.is_none() && index == self.index && name == self.name {
            self.formula = Some(explain());
        }
    }
}
