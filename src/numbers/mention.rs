//! The public result types: what a number mention is, its value and its span.

use serde::{Deserialize, Serialize};

/// What a number mention is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NumberKind {
    /// A count or amount with no unit: ثلاثة, 2.5 مليار.
    Cardinal,
    /// A rank: الرابع → 4; a relative rank is a string, as in Recognizers-Text: الأخير →
    /// "end+0", قبل الأخير → "end-1", التالي → "current+1", السابق → "current-1".
    Ordinal,
    /// A bare fraction: نصف → 0.5, ثلاثة أرباع → 0.75.
    Fraction,
    /// A percentage: 15.5% → 15.5.
    Percent,
    /// An amount of money; the unit is an ISO 4217 code.
    Money,
    /// A measured amount; the unit is a code such as km, kg, celsius, barrel.
    Quantity,
    /// A length of time in seconds; the unit is "second".
    Duration,
    /// A calendar date as an ISO 8601 string ("2014", "2013-09", "2017-05-27", "XXXX-05-27").
    Date,
    /// A time of day as "HH:MM" or "HH:MM:SS", 24-hour.
    Time,
}

impl NumberKind {
    /// The kind's name as used in the Python API: "cardinal", "ordinal", …
    pub fn as_str(&self) -> &'static str {
        match self {
            NumberKind::Cardinal => "cardinal",
            NumberKind::Ordinal => "ordinal",
            NumberKind::Fraction => "fraction",
            NumberKind::Percent => "percent",
            NumberKind::Money => "money",
            NumberKind::Quantity => "quantity",
            NumberKind::Duration => "duration",
            NumberKind::Date => "date",
            NumberKind::Time => "time",
        }
    }
}

/// The value of a number mention.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum NumberValue {
    /// A whole number.
    Int(i64),
    /// A number that is not whole (always finite).
    Float(f64),
    /// A date or time string.
    Text(String),
}

impl NumberValue {
    /// An integer when `v` is whole and exactly representable, else a float.
    pub(crate) fn number(v: f64) -> Self {
        if v.fract() == 0.0 && v.abs() < 9.0e15 {
            NumberValue::Int(v as i64)
        } else {
            NumberValue::Float(v)
        }
    }
}

/// A number found in a text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NumberMention {
    /// Byte offset of the first byte of the mention in the text (on a char boundary).
    pub start: usize,
    /// Byte offset just past the mention (on a char boundary).
    pub end: usize,
    /// What the mention is.
    pub kind: NumberKind,
    /// Its value.
    pub value: NumberValue,
    /// The ISO 4217 code (money), unit code (quantity), "second" (duration), the Hijri form
    /// of a Hijri date ("islamic:1445-09-15"), or None.
    pub unit: Option<String>,
}
