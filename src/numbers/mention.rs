//! The public result types: what a number mention is, its value and its span.

use serde::{Deserialize, Serialize};

/// What a number mention is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NumberKind {
    /// A count or amount with no unit: ثلاثة, 2.5 مليار.
    Cardinal,
    /// A rank: الرابع → 4. With relative ordinals on, a rank counted from the end of a list or
    /// from the current item is an offset whose unit says from where: الأخير → 0 "end",
    /// قبل الأخير → -1 "end", التالي → 1 "current", السابق → -1 "current".
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
    /// A person's age in years (البالغ من العمر 27 عاما, عمره 40 سنة).
    Age,
    /// A calendar date as an ISO 8601 string ("2014", "2013-09", "2017-05-27", "XXXX-05-27"),
    /// or no value for a relative date (أمس, قبل يومين) read without a reference date.
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
            NumberKind::Age => "age",
            NumberKind::Date => "date",
            NumberKind::Time => "time",
        }
    }

    /// True for the kinds whose value is an amount that a qualifier may bound or a range
    /// may span: cardinal, fraction, percent, money, quantity, duration, age.
    pub fn is_amount(&self) -> bool {
        !matches!(
            self,
            NumberKind::Ordinal | NumberKind::Date | NumberKind::Time
        )
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
    /// No value: a relative date read without a reference date.
    Unknown,
}

/// A word that bounds or blurs the amount of a mention (its span covers it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Qualifier {
    /// About: نحو, حوالي, قرابة, زهاء, ما يقارب, تقريبا.
    Approx,
    /// More than: أكثر من, ما يزيد على, أزيد من, أكبر من, يتجاوز, فوق.
    MoreThan,
    /// Less than: أقل من, دون, ما دون, أصغر من, تحت.
    LessThan,
    /// At least: على الأقل, لا يقل عن, ما لا يقل عن, أو أكثر.
    AtLeast,
    /// At most: على الأكثر, لا يزيد على, ما لا يزيد عن, أو أقل.
    AtMost,
}

impl Qualifier {
    /// The qualifier's name as used in the Python API: "approx", "more_than", …
    pub fn as_str(&self) -> &'static str {
        match self {
            Qualifier::Approx => "approx",
            Qualifier::MoreThan => "more_than",
            Qualifier::LessThan => "less_than",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
        }
    }
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
    /// The ISO 4217 code (money), unit code (quantity), "second" (duration), "year" (age),
    /// "end" or "current" (a relative ordinal), the Hijri form of a date written in the
    /// Hijri calendar ("islamic:1445-09-15", "islamic:1445-09", "islamic:1445"), or None.
    pub unit: Option<String>,
    /// A word that bounds or blurs the amount (أكثر من 200 → more than 200), if any.
    pub qualifier: Option<Qualifier>,
    /// The upper end of a range (بين 10 و20: value 10, high 20), if the mention is one.
    pub high: Option<NumberValue>,
}

/// An ISO 3166 alpha-2 country code (two ASCII letters, kept in upper case).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Country([u8; 2]);

impl Country {
    /// The country of a two-letter code in either case ("dz", "DZ"), or None.
    pub fn new(code: &str) -> Option<Country> {
        match code.as_bytes() {
            &[a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
                Some(Country([a.to_ascii_uppercase(), b.to_ascii_uppercase()]))
            }
            _ => None,
        }
    }

    /// The code, upper case.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("")
    }
}

/// What to find and how to read it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NumberOptions {
    /// The date that relative dates (أمس, الأسبوع الماضي) and dates without a year count
    /// from; without one they are reported with no value (or "XXXX" for the year).
    pub reference_date: Option<super::calendar::Date>,
    /// Report relative ordinals (التالي, السابق, الأخير, الحالي, آخر).
    pub relative_ordinals: bool,
    /// The country whose currency a bare دينار, ريال, جنيه, درهم or ليرة is; without one
    /// the documented defaults apply.
    pub country: Option<Country>,
}
