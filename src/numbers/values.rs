//! The typed values the grammars find (an amount, a partial date, a clock time, a relative
//! rank), and the one place where they become the public [`NumberMention`] with its ISO
//! strings.

use super::calendar::civil_from_days;
use super::lexicon::currency_of_country;
use super::mention::{Country, NumberKind, NumberMention, NumberValue, Qualifier};

/// A date as far as the text gives it: a year alone, a month of a year, a day of a month,
/// with or without the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct PartialDate {
    /// The year, when the text or the reference gives one.
    pub year: Option<i64>,
    /// The month, 1 to 12 (None for a year alone).
    pub month: Option<i64>,
    /// The day of the month (None for a month or a year).
    pub day: Option<i64>,
}

impl PartialDate {
    /// A year alone.
    pub(crate) fn year(y: i64) -> Self {
        PartialDate {
            year: Some(y),
            month: None,
            day: None,
        }
    }

    /// A month, in a year or not.
    pub(crate) fn month(y: Option<i64>, m: i64) -> Self {
        PartialDate {
            year: y,
            month: Some(m),
            day: None,
        }
    }

    /// A day of a month, in a year or not.
    pub(crate) fn ymd(y: Option<i64>, m: i64, d: i64) -> Self {
        PartialDate {
            year: y,
            month: Some(m),
            day: Some(d),
        }
    }

    /// The date `z` days from 0000-03-01.
    pub(crate) fn of_days(z: i64) -> Self {
        let (y, m, d) = civil_from_days(z);
        PartialDate::ymd(Some(y), m, d)
    }

    /// True when the date names a day of a month.
    pub(crate) fn has_day(&self) -> bool {
        self.month.is_some() && self.day.is_some()
    }

    /// The same date on another day of its month.
    pub(crate) fn on_day(self, d: i64) -> Self {
        PartialDate {
            day: Some(d),
            ..self
        }
    }

    /// ISO 8601, "XXXX" for a missing year: "2014", "2013-09", "XXXX-05-27".
    pub(crate) fn iso(&self) -> String {
        let y = self.year.map_or("XXXX".to_string(), |y| format!("{y:04}"));
        match (self.month, self.day) {
            (None, _) => y,
            (Some(m), None) => format!("{y}-{m:02}"),
            (Some(m), Some(d)) => format!("{y}-{m:02}-{d:02}"),
        }
    }
}

/// A time of day, 24-hour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Clock {
    /// 0 to 23.
    pub hour: i64,
    /// 0 to 59.
    pub minute: i64,
    /// 0 to 59, when the text gives seconds.
    pub second: Option<i64>,
}

impl Clock {
    /// The time `h`:`m`(:`s`) in the half of the day `pm` gives (none: as written); a
    /// negative `m` counts back from the hour (الثالثة إلا ربع). None when out of range.
    pub(crate) fn new(h: i64, m: i64, s: Option<i64>, pm: Option<bool>) -> Option<Clock> {
        let (mut h, mut m) = (h, m);
        if m < 0 {
            h -= 1;
            m += 60;
        }
        match pm {
            Some(true) if h < 12 => h += 12,
            Some(false) if h == 12 => h = 0,
            _ => {}
        }
        if !(0..24).contains(&h) || !(0..60).contains(&m) {
            return None;
        }
        Some(Clock {
            hour: h,
            minute: m,
            second: s,
        })
    }

    /// A whole hour.
    pub(crate) fn hour(h: i64) -> Clock {
        Clock {
            hour: h,
            minute: 0,
            second: None,
        }
    }

    /// The same time twelve hours later when it is before noon.
    pub(crate) fn after_noon(self) -> Clock {
        if self.hour < 12 {
            Clock {
                hour: self.hour + 12,
                ..self
            }
        } else {
            self
        }
    }

    /// "HH:MM" or "HH:MM:SS".
    pub(crate) fn iso(&self) -> String {
        match self.second {
            Some(s) => format!("{:02}:{:02}:{s:02}", self.hour, self.minute),
            None => format!("{:02}:{:02}", self.hour, self.minute),
        }
    }
}

/// What a grammar found, before it is written out.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Value {
    /// An amount (a count, money, a quantity, seconds, a percentage, a rank).
    Number(f64),
    /// A date, with its Hijri form when it is written in the Hijri calendar.
    Date {
        date: PartialDate,
        hijri: Option<PartialDate>,
    },
    /// A relative date read without a reference date: no value.
    Unresolved,
    /// A time of day.
    Time(Clock),
    /// A rank relative to the end of a list or to the current item: the offset, and
    /// whether it counts from the end.
    Relative { offset: i64, from_end: bool },
}

impl Value {
    /// A Gregorian date.
    pub(crate) fn date(date: PartialDate) -> Value {
        Value::Date { date, hijri: None }
    }

    /// The amount, if the value is one.
    pub(crate) fn amount(&self) -> Option<f64> {
        match self {
            Value::Number(v) => Some(*v),
            _ => None,
        }
    }

    /// The public value, and the unit it implies (a Hijri form, a relative rank's base).
    fn written(self) -> (NumberValue, Option<String>) {
        match self {
            Value::Number(v) => (NumberValue::number(rounded(v)), None),
            Value::Date { date, hijri } => (
                NumberValue::Text(date.iso()),
                hijri.map(|h| format!("islamic:{}", h.iso())),
            ),
            Value::Unresolved => (NumberValue::Unknown, None),
            Value::Time(c) => (NumberValue::Text(c.iso()), None),
            Value::Relative { offset, from_end } => (
                NumberValue::Int(offset),
                Some(if from_end { "end" } else { "current" }.to_string()),
            ),
        }
    }
}

/// `v` without the float noise that a scale leaves on a decimal (535.8 مليون →
/// 535800000, not 535799999.99999994): to the millionth when that is that close.
fn rounded(v: f64) -> f64 {
    if v.fract() == 0.0 || v.abs() >= 1e9 * 1e6 {
        return v;
    }
    let r = (v * 1e6).round() / 1e6;
    if r.is_finite() && (r - v).abs() <= 1e-9 * v.abs().max(1.0) {
        r
    } else {
        v
    }
}

/// A mention found in a block of text: its byte span, kind, typed value and unit.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Found {
    /// Byte offset where the mention starts.
    pub start: usize,
    /// Byte offset just past the mention.
    pub end: usize,
    /// What the mention is.
    pub kind: NumberKind,
    /// Its typed value.
    pub value: Value,
    /// The currency or unit code of an amount.
    pub unit: Option<String>,
    /// The currency family (دينار: "dinar") when `unit` is that family's default, which a
    /// country may change.
    pub family: Option<&'static str>,
    /// A word that bounds or blurs the amount.
    pub qualifier: Option<Qualifier>,
    /// The upper end of a range.
    pub high: Option<Value>,
}

impl Found {
    /// A mention with no qualifier and no upper end.
    pub(crate) fn new(
        start: usize,
        end: usize,
        kind: NumberKind,
        value: Value,
        unit: Option<String>,
    ) -> Found {
        Found {
            start,
            end,
            kind,
            value,
            unit,
            family: None,
            qualifier: None,
            high: None,
        }
    }

    /// True for an amount that overflowed (never reported).
    pub(crate) fn is_infinite(&self) -> bool {
        matches!(self.value, Value::Number(v) if !v.is_finite())
            || matches!(self.high, Some(Value::Number(v)) if !v.is_finite())
    }

    /// The public mention, `offset` bytes further in the text, its value and unit written
    /// out as documented; a default currency follows `country` when it has its own.
    pub(crate) fn into_mention(self, offset: usize, country: Option<Country>) -> NumberMention {
        let (value, implied) = self.value.written();
        let unit = match (self.family, country) {
            (Some(family), Some(country)) => currency_of_country(family, country.as_str())
                .map(str::to_string)
                .or(self.unit),
            _ => implied.or(self.unit),
        };
        NumberMention {
            start: self.start + offset,
            end: self.end + offset,
            kind: self.kind,
            value,
            unit,
            qualifier: self.qualifier,
            high: self.high.map(|h| h.written().0),
        }
    }
}
