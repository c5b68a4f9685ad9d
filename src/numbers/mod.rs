//! Numbers in Arabic text: cardinals, ordinals, fractions, percentages, money, quantities,
//! durations, dates and times, each with its value and its byte span.
//!
//! The text is tokenized once (`tokenize.rs`: words with their proclitics و ف ب ل ك ال,
//! digit runs, symbols), then read left to right. Words that cannot start a mention are
//! skipped after one hash lookup. At other tokens the date and time grammar (`dates.rs`) is
//! tried first, then a number phrase (`grammar.rs`) with what comes after it (`units.rs`: a
//! percent sign or word, a currency, a unit), then an ordinal (`ordinals.rs`). A match moves
//! the reader past it, so spans never overlap, and every grammar looks ahead a bounded
//! number of tokens, so the whole pass is linear in the text. A last pass lets the first
//! number of a range take the kind of the second (10-20 دولار, من 13 الى 15 تموز).
//!
//! Conventions beyond the table in DESIGN.md:
//! - a currency word with no country: جنيه → EGP, ريال → SAR, درهم → AED, دينار → KWD,
//!   ليرة → LBP; سنت, ¢ and قرش are hundredths (10 سنت → 0.1 USD);
//! - amounts keep the unit they are written in (0.5 كغ → 0.5 kg), except durations, which
//!   are in seconds (a month is 30 days, a year 365);
//! - a Hijri date is converted with the tabular Islamic calendar and keeps its Hijri form in
//!   `unit` ("islamic:1445-09-15");
//! - relative dates (أمس, الأسبوع الماضي, قبل يومين) need a reference date; a weekday alone
//!   is the next one after the reference (as in Duckling), with الماضي the last one before;
//! - a named holiday (عيد الفطر, عيد الأضحى, رأس السنة الهجرية, المولد النبوي, عيد الميلاد,
//!   عيد الفصح) is the date it falls on in the year written after it, else the next one
//!   after the reference (`holidays.rs`); أواخر الشهر is its 21st day, as in Duckling;
//! - a proper ratio is a cardinal: واحد على ثلاثة → 1/3, ثلاثة أجزاء من مئة → 0.03, and
//!   واحد من مائة (one in a power of ten) → 0.01; واحد من ثلاثة (one of three) stays two
//!   numbers, and 3 على 1 (a score) too; 1.1^23 is a power;
//! - a relative ordinal is valued as a string (الأخير, آخر كتاب → "end+0", قبل الأخير →
//!   "end-1", التالي → "current+1", السابقة → "current-1", الحالي → "current+0"); not after a
//!   word of time (الأسبوع القادم is a date), nor السابق/الحالي after a title (الرئيس
//!   السابق is a former president), nor آخر before a particle (مسؤول آخر إن, another
//!   official) or a word of time (آخر يوم); a hundred after ال alone is a rank (الذكرى المئة),
//!   and one after أي, كل, لا is a pronoun (كل واحد منهم), not a count;
//! - a unit of time that stands alone as a clause (شهر., a heading) is one of that unit;
//! - a week is given as the date of its Monday; a day and month with no year take the
//!   reference year, a month named alone its next occurrence, and both "XXXX" without a
//!   reference;
//! - phone numbers, codes glued to Latin letters, 2+2, numbers in web addresses and small
//!   numbers that close a quoted name are not reported.

mod dates;
mod grammar;
mod holidays;
mod lexicon;
mod ordinals;
mod tokenize;
mod units;

use serde::{Deserialize, Serialize};

use tokenize::Tokens;

/// A calendar date (proleptic Gregorian), used as the reference for relative dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Date {
    /// The year, e.g. 2024.
    pub year: i32,
    /// The month, 1 to 12.
    pub month: u32,
    /// The day of the month, 1 to 31.
    pub day: u32,
}

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
    /// True for a float that overflowed (never reported).
    fn is_infinite(&self) -> bool {
        matches!(self, NumberValue::Float(v) if !v.is_finite())
    }

    /// An integer when `v` is whole and exactly representable, else a float.
    fn number(v: f64) -> Self {
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

/// Finds every number in `text`. Relative dates (أمس, غدا, الاثنين الماضي) are resolved
/// against `reference_date` and skipped without one; a day and month with no year get the
/// reference year, or "XXXX" without a reference.
///
/// Mentions are sorted, never overlap, and never include a proclitic (و ف ب ل ك) glued to
/// the number or the spaces around it. Runs in time linear in the length of `text`.
pub fn find_numbers(text: &str, reference_date: Option<Date>) -> Vec<NumberMention> {
    crate::fault::check_str(text);
    // No mention crosses a line break, so a long text is read in blocks of whole lines: the
    // tokens of one block stay in cache, and memory does not grow with the text.
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let cut = (start + BLOCK_BYTES).min(text.len());
        let end = text.as_bytes()[cut..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(text.len(), |k| cut + k + 1);
        out.extend(
            find_in_block(&text[start..end], reference_date)
                .into_iter()
                .map(|mut m| {
                    m.start += start;
                    m.end += start;
                    m
                }),
        );
        start = end;
    }
    out
}

/// The size from which [`find_numbers`] cuts a text at its next line break.
const BLOCK_BYTES: usize = 1 << 16;

/// [`find_numbers`] on one block of whole lines.
fn find_in_block(text: &str, reference_date: Option<Date>) -> Vec<NumberMention> {
    let t = Tokens::new(text);
    let mut out = Vec::new();
    // The token range of each mention, for the passes over neighbours.
    let mut at: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < t.len() {
        let quick_skip = match t.kind(i) {
            Some(tokenize::Kind::Word) => !lexicon::LEXICON.starts(&t, i),
            Some(tokenize::Kind::Latin) => !t.is(i, "US"),
            Some(tokenize::Kind::Punct) => !matches!(
                t.norm(i),
                "$" | "€"
                    | "£"
                    | "¥"
                    | "₪"
                    | "¢"
                    | "₺"
                    | "﷼"
                    | "-"
                    | "−"
                    | "+"
                    | "."
                    | "٫"
                    | "%"
                    | "٪"
            ),
            _ => false,
        };
        if quick_skip {
            i = skip(&t, i);
            continue;
        }
        if let Some((a, b, second, next)) = dates::year_span(&t, i) {
            // 2014-2018: two years, reported as the two ends of the range.
            for (k, y) in [(i, a), (second, b)] {
                let value = NumberValue::Text(format!("{y:04}"));
                let tok = &t.toks[k];
                out.push(NumberMention {
                    start: tok.start,
                    end: tok.end,
                    kind: NumberKind::Date,
                    value,
                    unit: None,
                });
                at.push((k, k + 1));
            }
            i = next;
            continue;
        }
        // A relative ordinal (التالي, قبل الأخير) never starts a date or an amount, and its
        // words are common: read it first, so that they skip the other grammars.
        let found = ordinals::relative_at(&t, i)
            .map(|(v, start, next)| {
                let value = NumberValue::Text(v);
                (
                    mention(&t, start, next, NumberKind::Ordinal, value, None),
                    next,
                )
            })
            .or_else(|| {
                units::cued_duration(&t, i).map(|(u, start, next)| {
                    let m = mention(
                        &t,
                        start,
                        next,
                        NumberKind::Duration,
                        NumberValue::number(u.factor),
                        Some(u.code.clone()),
                    );
                    (m, next)
                })
            })
            .or_else(|| dates::date_or_time_at(&t, i, reference_date))
            .or_else(|| amount_at(&t, i))
            .or_else(|| {
                ordinals::ordinal_at(&t, i).map(|(v, start, next)| {
                    (
                        mention(
                            &t,
                            start,
                            next,
                            NumberKind::Ordinal,
                            NumberValue::Int(v),
                            None,
                        ),
                        next,
                    )
                })
            });
        match found {
            Some((m, next)) if next > i && !m.value.is_infinite() => {
                let mut m = m;
                let mut next = next;
                if let (Some(r), true) = (reference_date, i > 0) {
                    let free = out
                        .last()
                        .is_none_or(|p: &NumberMention| p.end <= t.toks[i - 1].start);
                    if free {
                        next = dates::shift_date(&t, i, next, &mut m, r);
                    }
                }
                out.push(m);
                at.push((i, next));
                i = next;
            }
            _ => i = skip(&t, i),
        }
    }
    share_range_kinds(&t, &mut out, &at);
    out
}

/// The scale word that the number at `b` has and a range's first number `a` leaves out
/// (8 إلى 10 ملايين: 10^6), or 1.
fn elided_scale(t: &Tokens, b: usize, a: f64) -> f64 {
    let Some((lead, after, _)) = grammar::digit_literal(t, b) else {
        return 1.0;
    };
    let scaled = grammar::parse_number(t, b).filter(|p| p.next > after && lead > 0.0);
    match scaled {
        Some(p) if p.value / lead >= 1000.0 && a < 1000.0 && a < lead * 10.0 => p.value / lead,
        _ => 1.0,
    }
}

/// In a range (10-20 دولار, من 13 الى 15 تموز, بين 5 و10 بالمئة), the first number takes the
/// kind and unit of the second.
fn share_range_kinds(t: &Tokens, out: &mut [NumberMention], at: &[(usize, usize)]) {
    for k in 1..out.len() {
        let (a_next, b_first) = (at[k - 1].1, at[k].0);
        let glued = a_next == b_first && out[k].start > t.toks[b_first].start;
        let between = (a_next..b_first).map(|j| t.norm(j)).collect::<Vec<_>>();
        // و joins a range only after بين: بين 5 و10 بالمئة.
        let after_bayna = (at[k - 1].0.saturating_sub(1)..at[k - 1].1).any(|j| t.is(j, "بين"));
        let wa = between.as_slice() == ["و"] || (glued && t.norm(b_first).starts_with('و'));
        let connector = (glued && !wa)
            || matches!(
                between.as_slice(),
                ["-"] | ["الي"] | ["حتي"] | ["وحتي"] | ["لغايه"]
            )
            || (wa && after_bayna);
        if !connector || !t.joined(b_first) {
            continue;
        }
        let (a, b) = (&out[k - 1], &out[k]);
        // A date or time first has no number value (NaN): only its own arms below apply.
        let a_value = match a.value {
            NumberValue::Int(v) => v as f64,
            NumberValue::Float(v) => v,
            NumberValue::Text(_) => f64::NAN,
        };
        let shared = match (a.kind, b.kind, &b.value) {
            (
                NumberKind::Cardinal,
                NumberKind::Money
                | NumberKind::Percent
                | NumberKind::Quantity
                | NumberKind::Duration,
                b_value,
            ) => {
                let b_value = match b_value {
                    NumberValue::Int(v) => *v as f64,
                    NumberValue::Float(v) => *v,
                    NumberValue::Text(_) => continue,
                };
                let factor = grammar::parse_number(t, b_first)
                    .filter(|p| p.value != 0.0)
                    .map_or(1.0, |p| b_value / p.value);
                let scale = elided_scale(t, b_first, a_value);
                Some((
                    b.kind,
                    NumberValue::number(a_value * scale * factor),
                    b.unit.clone(),
                ))
            }
            (
                NumberKind::Cardinal | NumberKind::Ordinal,
                NumberKind::Date,
                NumberValue::Text(d),
            ) if d.len() == 10
                && a.value != NumberValue::Int(0)
                && a_value.fract() == 0.0
                && a_value <= 31.0 =>
            {
                Some((
                    NumberKind::Date,
                    NumberValue::Text(format!("{}{:02}", &d[..8], a_value as u32)),
                    None,
                ))
            }
            (NumberKind::Cardinal, NumberKind::Cardinal, NumberValue::Int(y))
                if is_year_range(t, &out[k - 1], at[k - 1].0, &out[k], b_first, *y) =>
            {
                // من 2014 إلى 2018, بين 2014 و2018: a range of years.
                let y = *y;
                let b = &mut out[k];
                b.kind = NumberKind::Date;
                b.value = NumberValue::Text(format!("{y:04}"));
                Some((
                    NumberKind::Date,
                    NumberValue::Text(format!("{:04}", a_value as i64)),
                    None,
                ))
            }
            (NumberKind::Cardinal, NumberKind::Cardinal, _) => {
                // بين 3 و5 ملايين: the first number shares the scale.
                let scale = elided_scale(t, b_first, a_value);
                if scale == 1.0 {
                    continue;
                }
                Some((
                    NumberKind::Cardinal,
                    NumberValue::number(a_value * scale),
                    None,
                ))
            }
            (NumberKind::Time, NumberKind::Time, NumberValue::Text(h)) => {
                // من الساعة 3 الى الساعة 4 بعد العصر: the first hour is after noon too.
                let (NumberValue::Text(a_text), Some(bh)) =
                    (&a.value, h.get(..2).and_then(|h| h.parse::<u32>().ok()))
                else {
                    continue;
                };
                let ah: u32 = a_text.get(..2).and_then(|h| h.parse().ok()).unwrap_or(99);
                if ah >= 12 || bh < 12 || ah + 12 > bh {
                    continue;
                }
                Some((
                    NumberKind::Time,
                    NumberValue::Text(format!("{:02}{}", ah + 12, &a_text[2..])),
                    None,
                ))
            }
            (NumberKind::Date, NumberKind::Cardinal, _) => {
                // يوليو 13-15: the second day is in the same month.
                let (NumberValue::Text(d), NumberValue::Int(day)) = (&a.value, &b.value) else {
                    continue;
                };
                // من عام 2014 إلى 2018: the second year of a range of years.
                let day = *day;
                let year = d.len() == 4
                    && t.kind(b_first) == Some(tokenize::Kind::Digits)
                    && t.norm(b_first).len() == 4
                    && d.parse::<i64>().is_ok_and(|a| day > a && day <= a + 100);
                if year {
                    let b = &mut out[k];
                    b.kind = NumberKind::Date;
                    b.value = NumberValue::Text(format!("{day:04}"));
                    b.unit = None;
                    continue;
                }
                if d.len() != 10 || !(1..=31).contains(&day) {
                    continue;
                }
                let value = NumberValue::Text(format!("{}{day:02}", &d[..8]));
                let b = &mut out[k];
                b.kind = NumberKind::Date;
                b.value = value;
                continue;
            }
            (NumberKind::Time, NumberKind::Cardinal, NumberValue::Int(hour @ 1..=12)) => {
                // الساعة 1 بعد الظهر إلى 4: the second hour is in the same half of the day.
                let (hour, a_value) = (*hour, a.value.clone());
                continue_time(&mut out[k], &a_value, hour);
                continue;
            }
            (
                NumberKind::Cardinal | NumberKind::Ordinal,
                NumberKind::Time,
                NumberValue::Text(h),
            ) if a_value.fract() == 0.0 && (1.0..=12.0).contains(&a_value) => {
                // من 5 إلى 6 مساء, من الخامسة إلى السادسة مساء: the first hour is in the same
                // half of the day.
                let pm = h
                    .get(..2)
                    .and_then(|h| h.parse::<u32>().ok())
                    .is_some_and(|h| h >= 12);
                let hour = a_value as u32 + if pm && a_value < 12.0 { 12 } else { 0 };
                Some((
                    NumberKind::Time,
                    NumberValue::Text(format!("{hour:02}:00")),
                    None,
                ))
            }
            _ => None,
        };
        if let Some((kind, value, unit)) = shared.filter(|s| !s.1.is_infinite()) {
            let a = &mut out[k - 1];
            a.kind = kind;
            a.value = value;
            a.unit = unit;
        }
    }
}

/// True when the cardinals `a` (from token `a_first`) and `b` (value `y`, from `b_first`) of a
/// range after من or بين are two years: whole numbers from 1800 to 2100, in four digits or
/// spelled out, the second later by a century at most, and no counted noun after it.
fn is_year_range(
    t: &Tokens,
    a: &NumberMention,
    a_first: usize,
    b: &NumberMention,
    b_first: usize,
    y: i64,
) -> bool {
    use tokenize::Kind;
    let NumberValue::Int(x) = a.value else {
        return false;
    };
    let cued = a_first > 0 && matches!(t.norm(a_first - 1), "من" | "بين");
    let shape = |m: &NumberMention, k: usize| {
        let digits = t.kind(k) == Some(Kind::Digits);
        if digits {
            t.norm(k).len() == 4 && m.end == t.toks[k].end
        } else {
            t.kind(k) == Some(Kind::Word)
        }
    };
    cued && (1800..=2100).contains(&x)
        && y > x
        && y <= x + 100
        && a.unit.is_none()
        && b.unit.is_none()
        && shape(a, a_first)
        && shape(b, b_first)
}

/// Makes `b`, a bare hour after the time `a` in a range, a time in the same half of the day.
fn continue_time(b: &mut NumberMention, a: &NumberValue, hour: i64) {
    let NumberValue::Text(a) = a else { return };
    let Some(a_hour) = a.get(..2).and_then(|h| h.parse::<i64>().ok()) else {
        return;
    };
    let hour = if a_hour >= 12 && hour + 12 > a_hour && hour < 12 {
        hour + 12
    } else {
        hour
    };
    b.kind = NumberKind::Time;
    b.value = NumberValue::Text(format!("{hour:02}:00"));
}

/// The mention of an amount `v` measured in unit `u`, from token `start` up to `next`:
/// a duration when `u` is a length of time, else a quantity.
fn measured(
    t: &Tokens,
    start: usize,
    next: usize,
    u: &lexicon::Unit,
    v: f64,
) -> (NumberMention, usize) {
    let kind = if u.duration {
        NumberKind::Duration
    } else {
        NumberKind::Quantity
    };
    let code = Some(u.code.clone());
    (
        mention(t, start, next, kind, NumberValue::number(v), code),
        next,
    )
}

/// Builds a mention from a byte start and the token index after it.
fn mention(
    t: &Tokens,
    start: usize,
    next: usize,
    kind: NumberKind,
    value: NumberValue,
    unit: Option<String>,
) -> NumberMention {
    NumberMention {
        start,
        end: t.toks[next - 1].end,
        kind,
        value,
        unit,
    }
}

/// The index to resume at when nothing starts at `i`: past a web address, a phone number,
/// or digits glued to letters (a code such as 3D or ١مليون) as a whole, else the next token.
fn skip(t: &Tokens, i: usize) -> usize {
    use tokenize::Kind;
    let url = match t.norm(i) {
        "http" | "https" | "ftp" => t.touching(i + 1) && t.is(i + 1, ":"),
        "www" => t.touching(i + 1) && t.is(i + 1, "."),
        _ => false,
    };
    if url {
        let mut j = i + 1;
        while t.touching(j) {
            j += 1;
        }
        return j;
    }
    if t.kind(i) != Some(Kind::Digits) {
        return i + 1;
    }
    if let Some(end) = dotted_id(t, i) {
        return end;
    }
    if t.touching(i + 1) && matches!(t.kind(i + 1), Some(Kind::Word | Kind::Latin)) {
        return i + 2;
    }
    if t.touching(i + 1)
        && t.is(i + 1, "+")
        && t.touching(i + 2)
        && t.kind(i + 2) == Some(Kind::Digits)
    {
        return i + 3;
    }
    // Digit groups joined by spaces or dashes.
    let mut j = i + 1;
    let mut digits = t.norm(i).len();
    loop {
        if t.kind(j) == Some(Kind::Digits) && t.joined(j) {
            digits += t.norm(j).len();
            j += 1;
        } else if t.joined(j)
            && t.norm(j) == "-"
            && t.joined(j + 1)
            && t.kind(j + 1) == Some(Kind::Digits)
        {
            digits += t.norm(j + 1).len();
            j += 2;
        } else {
            break;
        }
    }
    if digits >= 8 {
        j
    } else {
        i + 1
    }
}

/// The end of a dotted run of digit groups at `i` that is an identifier or a phone number
/// rather than a decimal (٢٠٢.٥٥٥.٠١٢١, 192.168.100.100): three groups or more, ten digits
/// or more.
fn dotted_id(t: &Tokens, i: usize) -> Option<usize> {
    use tokenize::Kind;
    let (mut j, mut groups, mut digits) = (i + 1, 1, t.norm(i).len());
    while t.touching(j) && t.is(j, ".") && t.touching(j + 1) && t.kind(j + 1) == Some(Kind::Digits)
    {
        digits += t.norm(j + 1).len();
        groups += 1;
        j += 2;
    }
    (groups >= 3 && digits >= 10).then_some(j)
}

/// True when the digit groups starting at `i` look like a phone number or an identifier:
/// eight digits or more in groups that are not thousands (٦٥٠ ٧٠١ ٨٨٨٧, 0100-123-4567),
/// nine or more in one run (٦٥٠٧٠١٨٨٨٧), or a country code (+١ ٦٥٠٧٠١٨٨٨٧).
fn phone_at(t: &Tokens, i: usize) -> bool {
    use tokenize::Kind;
    let plus = i > 0 && t.touching(i) && t.is(i - 1, "+");
    // A country code: +١ ٦٥٠٧٠١٨٨٨٧, (+20)1001234567.
    let country_code = plus && t.norm(i).len() <= 3 && {
        let k = if t.is(i + 1, ")") { i + 2 } else { i + 1 };
        t.joined(k) && t.kind(k) == Some(Kind::Digits)
    };
    if country_code || dotted_id(t, i).is_some() {
        return true;
    }
    let end = skip(t, i);
    if end == i + 1 {
        // Nine digits or more with no separator: a phone number or an identifier.
        return country_code || t.norm(i).len() >= 9 || (plus && t.norm(i).len() >= 8);
    }
    let groups: Vec<&str> = (i..end)
        .filter(|&k| t.kind(k) == Some(Kind::Digits))
        .map(|k| t.norm(k))
        .collect();
    let thousands = groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3);
    let spaced = (i + 1..end).all(|k| t.kind(k) == Some(Kind::Digits));
    !(thousands && spaced) && (end - i > 2 || plus || groups.iter().any(|g| g.len() >= 7))
}

/// True when the digits at `i` are part of a code or a name rather than an amount: glued
/// to Latin letters (3D, issn%28), joined by + (اجتماع 2+2), between two Latin words (an
/// address such as "floor 4931 Pierre"), or a small number closing a quoted name
/// ("حماة الصداقة 2").
fn code_or_name(t: &Tokens, i: usize) -> bool {
    use tokenize::Kind::{Digits, Latin, Punct, Word};
    let prev = i.checked_sub(1);
    let prev_kind = prev.and_then(|p| t.kind(p));
    let glued_latin = t.touching(i) && prev_kind == Some(Latin);
    let plus = t.touching(i)
        && prev.is_some_and(|p| {
            t.is(p, "+") && p > 0 && t.touching(p) && t.kind(p - 1) == Some(Digits)
        });
    let latin_context =
        prev_kind == Some(Latin) && t.joined(i) && t.joined(i + 1) && t.kind(i + 1) == Some(Latin);
    let quoted_name = prev_kind == Some(Word)
        && t.joined(i)
        && !t.touching(i)
        && t.norm(i).len() <= 2
        && t.touching(i + 1)
        && t.kind(i + 1) == Some(Punct)
        && matches!(t.norm(i + 1), "\"" | "”" | "»")
        && !lexicon::LEXICON.starts(t, i - 1);
    glued_latin || plus || latin_context || quoted_name
}

/// A number phrase at token `i` with what gives it a kind.
fn amount_at(t: &Tokens, i: usize) -> Option<(NumberMention, usize)> {
    use NumberKind::*;
    // The digits, after a sign if there is one.
    let d = if matches!(t.norm(i), "+" | "-" | "−") && t.touching(i + 1) {
        i + 1
    } else {
        i
    };
    if t.kind(d) == Some(tokenize::Kind::Digits) && (code_or_name(t, d) || phone_at(t, d)) {
        return None;
    }
    // A currency symbol first: $10, € 20.
    if let Some((code, k)) = units::currency_before(t, i) {
        let p = grammar::parse_number(t, k)?;
        return Some((
            mention(
                t,
                t.toks[i].start,
                p.next,
                Money,
                NumberValue::number(p.value),
                Some(code),
            ),
            p.next,
        ));
    }
    // A percent sign first: ٪20.
    if matches!(t.norm(i), "%" | "٪") && t.touching(i + 1) {
        let p = grammar::parse_number(t, i + 1).filter(|p| !p.glued)?;
        let value = NumberValue::number(p.value);
        return Some((
            mention(t, t.toks[i].start, p.next, Percent, value, None),
            p.next,
        ));
    }
    // A percent word first: بالمائة 10.
    if units::percent_word(t, i) && t.joined(i + 1) {
        let p = grammar::parse_number(t, i + 1)?;
        return Some((
            mention(
                t,
                t.toks[i].start,
                p.next,
                Percent,
                NumberValue::number(p.value),
                None,
            ),
            p.next,
        ));
    }
    let Some(p) = grammar::parse_number(t, i) else {
        // A dual unit word on its own: ساعتين, يومين.
        let (u, next) = units::dual_unit(t, i)?;
        let one = grammar::Phrase {
            start: t.toks[i].start,
            next,
            value: 1.0,
            fraction: false,
            glued: false,
        };
        let (v, next) = units::with_unit(t, &one, u, next);
        return Some(measured(t, one.start, next, u, v));
    };
    let value = NumberValue::number(p.value);
    if p.glued {
        // Digits glued to letters count only with a unit or a currency (250مل, 10$).
        if let Some((u, next)) = units::unit_after(t, p.next) {
            let (v, next) = units::with_unit(t, &p, u, next);
            return Some(measured(t, p.start, next, u, v));
        }
        let (code, factor, next) = units::currency_after(t, p.next)?;
        let (cents, next) = cents_after(t, next, &code, factor).unwrap_or((0.0, next));
        return Some((
            mention(
                t,
                p.start,
                next,
                Money,
                NumberValue::number(p.value * factor + cents),
                Some(code),
            ),
            next,
        ));
    }
    if let Some(next) = units::percent_after(t, p.next) {
        return Some((mention(t, p.start, next, Percent, value, None), next));
    }
    if let Some((code, factor, next)) = units::currency_after(t, p.next) {
        let (cents, next) = cents_after(t, next, &code, factor).unwrap_or((0.0, next));
        let v = p.value * factor + cents;
        return Some((
            mention(t, p.start, next, Money, NumberValue::number(v), Some(code)),
            next,
        ));
    }
    if let Some((u, next)) = units::unit_after(t, p.next) {
        let (mut v, mut next) = units::with_unit(t, &p, u, next);
        // 3 سنوات و6 أشهر, 2 سنة 1 شهر 21 يوم: one length of time.
        while let Some((more, after)) = more_duration(t, next).filter(|_| u.duration) {
            v += more;
            next = after;
        }
        return Some(measured(t, p.start, next, u, v));
    }
    // بنسبة 10: a percentage without a sign.
    if (0.0..=1000.0).contains(&p.value)
        && i > 0
        && t.splits(i - 1)
            .any(|s| s.stem == "نسبه" && !s.clitics.article)
    {
        return Some((mention(t, p.start, p.next, Percent, value, None), p.next));
    }
    // 5 تحت الصفر: degrees below zero.
    if t.joined(p.next) && t.is(p.next, "تحت") && t.is(p.next + 1, "الصفر") {
        let next = p.next + 2;
        let v = NumberValue::number(-p.value);
        let unit = Some("celsius".to_string());
        return Some((mention(t, p.start, next, Quantity, v, unit), next));
    }
    if let Some((v, next)) = power_after(t, &p)
        .or_else(|| ratio_after(t, &p))
        .or_else(|| fifths_after(t, &p))
    {
        let v = NumberValue::number(v);
        return Some((mention(t, p.start, next, Cardinal, v, None), next));
    }
    // أي واحد, كل واحد منهم, ولا واحدة: one as a pronoun, not a count.
    let one_word = p.next == i + 1
        && t.kind(i) == Some(tokenize::Kind::Word)
        && t.splits(i)
            .any(|s| matches!(s.stem, "واحد" | "واحده") && !s.clitics.article);
    if one_word
        && i > 0
        && t.joined(i)
        && t.splits(i - 1)
            .any(|s| matches!(s.stem, "اي" | "كل" | "لا" | "ولا") && !s.clitics.article)
    {
        return None;
    }
    let kind = if p.fraction { Fraction } else { Cardinal };
    Some((mention(t, p.start, p.next, kind, value, None), p.next))
}

/// A further length of time after one (و6 أشهر, ، 21 يوما, و شهر, 1 شهر): its seconds
/// and the index after it.
fn more_duration(t: &Tokens, j: usize) -> Option<(f64, usize)> {
    if !t.joined(j) {
        return None;
    }
    let k = if matches!(t.norm(j), "و" | "," | "،") && t.joined(j + 1) {
        j + 1
    } else {
        j
    };
    if let Some(p) = grammar::parse_number(t, k).filter(|p| !p.fraction) {
        let (u, next) = units::unit_after(t, p.next).filter(|(u, _)| u.duration)?;
        return Some(units::with_unit(t, &p, u, next));
    }
    // و شهر, وشهرين: a unit with no number.
    let one = grammar::Phrase {
        start: t.toks[k].start,
        next: k,
        value: 1.0,
        fraction: false,
        glued: false,
    };
    if let Some((u, next)) = units::dual_unit(t, k).filter(|(u, _)| u.duration) {
        return Some(units::with_unit(t, &one, u, next));
    }
    let w = t.norm(k);
    let w = if k > j { w } else { w.strip_prefix('و')? };
    let (u, next) = units::unit_after(t, k).filter(|(u, n)| {
        u.duration && u.count == 1 && *n == k + 1 && matches!(w, "شهر" | "سنه" | "عام" | "يوم")
    })?;
    Some(units::with_unit(t, &one, u, next))
}

/// Cents after an amount in `code` (20 دولار و43 سنت, 20$ 43c): their value in `code` and
/// the index after them.
fn cents_after(t: &Tokens, j: usize, code: &str, factor: f64) -> Option<(f64, usize)> {
    if factor != 1.0 || !t.joined(j) {
        return None;
    }
    let k = if t.is(j, "و") { j + 1 } else { j };
    let c = grammar::parse_number(t, k).filter(|_| t.joined(k))?;
    let (c_code, c_factor, next) = units::currency_after(t, c.next)?;
    (c_code == code && c_factor == 0.01).then_some((c.value * c_factor, next))
}

/// A power written with a caret after the number `p`: 1.1^23, 2.5^-1, ١,١^+٢٣. Returns the
/// value and the index after the exponent.
fn power_after(t: &Tokens, p: &grammar::Phrase) -> Option<(f64, usize)> {
    let mut j = p.next;
    if !(t.touching(j) && t.is(j, "^") && t.touching(j + 1)) {
        return None;
    }
    j += 1;
    let mut sign = 1.0;
    while matches!(t.norm(j), "-" | "+" | "−") && t.touching(j + 1) {
        if !t.is(j, "+") {
            sign = -sign;
        }
        j += 1;
    }
    let (e, next, _) = grammar::digit_literal(t, j)?;
    let v = p.value.powf(sign * e);
    v.is_finite().then_some((v, next))
}

/// A fraction word counting the number `p` of parts: ثلاثة وعشرون خمس (23/5), مائة واثنان
/// وثلاثون أخماس. A unit such as خمس cannot follow a tens word, so after one it is a fifth;
/// a plural fraction (أخماس) counts any number above ten (up to ten: `grammar.rs`). Returns
/// the value and the index after the fraction word.
fn fifths_after(t: &Tokens, p: &grammar::Phrase) -> Option<(f64, usize)> {
    let j = p.next;
    if !t.joined(j) || p.fraction || p.glued || p.value.fract() != 0.0 || p.value <= 10.0 {
        return None;
    }
    let reads = |w: &str, c: lexicon::Class| {
        lexicon::LEXICON
            .words
            .get(w)
            .and_then(|ws| ws.iter().find(|x| x.class == c).copied())
    };
    let last = t.norm(j - 1);
    let last = last
        .strip_prefix('و')
        .filter(|s| s.len() > 2)
        .unwrap_or(last);
    let after_tens = reads(last, lexicon::Class::Ten).is_some();
    let f = reads(t.norm(j), lexicon::Class::Frac)?;
    let parts = matches!(f.value as i64, 3..=7 | 9);
    (parts && (f.count == 0 || f.count == 1 && after_tens)).then_some((p.value / f.value, j + 1))
}

/// A ratio after the number `p`: واحد على ثلاثة (1/3), 1 على 20, ثلاثة أجزاء من مئة, واحد
/// من مائة مليون (one in a power of ten). Only a proper ratio counts: 3 على 1 is a score;
/// but parts named as such (أجزاء من) may be more than a whole.
/// Returns the value and the index after the second number.
fn ratio_after(t: &Tokens, p: &grammar::Phrase) -> Option<(f64, usize)> {
    let j = p.next;
    if !t.joined(j) || !t.joined(j + 1) || p.fraction {
        return None;
    }
    let (k, any_ratio) = match t.norm(j) {
        "علي" => (j + 1, true),
        "جزء" | "اجزاء" if t.is(j + 1, "من") && t.joined(j + 2) => (j + 2, true),
        "من" => (j + 1, false),
        _ => return None,
    };
    let q = grammar::parse_number(t, k)?;
    // مئة أجزاء من خمسة وثلاثين: parts named as such may make more than a whole.
    let parts = k == j + 2;
    if q.fraction || q.glued || (q.value <= p.value.abs() && !parts) || q.value.fract() != 0.0 {
        return None;
    }
    let power_of_ten = q.value >= 100.0 && (q.value.log10().fract()).abs() < 1e-9;
    if !(any_ratio || p.value == 1.0 && power_of_ten) {
        return None;
    }
    // Not when the second number counts something with a unit: 1 على 3 دولار.
    if units::currency_after(t, q.next).is_some() || units::percent_after(t, q.next).is_some() {
        return None;
    }
    Some((p.value / q.value, q.next))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, &'static str, NumberValue, Option<String>)> {
        find_numbers(text, None)
            .into_iter()
            .map(|m| {
                (
                    text[m.start..m.end].to_string(),
                    m.kind.as_str(),
                    m.value,
                    m.unit,
                )
            })
            .collect()
    }

    #[test]
    fn blocks_read_like_one_text() {
        let page = "في 27 مايو/آيار 2017 قتل 12 شخصا و24 جريحا\nبلغت 2.5 مليار دولار بنسبة 15.5%\n";
        let text = page.repeat(2 * BLOCK_BYTES / page.len() + 3);
        let whole = find_in_block(&text, None);
        assert_eq!(find_numbers(&text, None), whole);
        assert!(whole.len() > 1000);
    }

    #[test]
    fn powers_ratios_and_ranges() {
        let v = |text: &str| found(text).into_iter().map(|m| m.2).collect::<Vec<_>>();
        assert_eq!(v("2.5^-1"), [NumberValue::Float(0.4)]);
        assert_eq!(v("واحد على عشرين"), [NumberValue::Float(0.05)]);
        assert_eq!(v("واحد من مائة"), [NumberValue::Float(0.01)]);
        // One of three people is a count, and a score is not a ratio.
        assert_eq!(
            v("واحد من ثلاثة"),
            [NumberValue::Int(1), NumberValue::Int(3)]
        );
        assert_eq!(v("فاز 3 على 1"), [NumberValue::Int(3), NumberValue::Int(1)]);
        assert_eq!(
            v("حوالي 10$-20$"),
            [NumberValue::Int(10), NumberValue::Int(20)]
        );
        assert_eq!(v("5 تحت الصفر"), [NumberValue::Int(-5)]);
        assert_eq!(v("20$ و 43c"), [NumberValue::Float(20.43)]);
        assert_eq!(v("3 سنوات و6 أشهر"), [NumberValue::Int(110_160_000)]);
        assert_eq!(v("ثلاثة و عشرون خمس"), [NumberValue::Float(4.6)]);
        assert_eq!(v("مائة و اثنان و ثلاثون أخماس"), [NumberValue::Float(26.4)]);
        assert_eq!(
            v("خمسة عشر خمس"),
            [NumberValue::Int(15), NumberValue::Int(5)]
        );
        assert_eq!(v("2 سنة 1 شهر 21 يوم"), [NumberValue::Int(67_478_400)]);
        assert_eq!(v("20 دولار و43 سنت"), [NumberValue::Float(20.43)]);
        let hours = |text: &str| {
            v(text)
                .into_iter()
                .map(|v| format!("{v:?}"))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            hours("من الخامسة إلى السادسة مساءً"),
            ["Text(\"17:00\")", "Text(\"18:00\")"]
        );
        assert_eq!(
            hours("الساعة 1 بعد الظهر إلى 4"),
            ["Text(\"13:00\")", "Text(\"16:00\")"]
        );
    }

    #[test]
    fn clitics_stay_out_of_spans() {
        let f = found("قتل 12 شخصا و24 جريحا ب300 رصاصة");
        let spans: Vec<&str> = f.iter().map(|m| m.0.as_str()).collect();
        assert_eq!(spans, ["12", "24", "300"]);
    }

    #[test]
    fn money_percent_quantity() {
        let f =
            found("بلغت 2.5 مليار دولار بنسبة 15.5% و7 مليارات و300 مليون جنيه مصري و 30 كيلومتر");
        assert_eq!(f[0].2, NumberValue::Int(2_500_000_000));
        assert_eq!(f[0].3.as_deref(), Some("USD"));
        assert_eq!((f[1].1, &f[1].2), ("percent", &NumberValue::Float(15.5)));
        assert_eq!(f[2].2, NumberValue::Int(7_300_000_000));
        assert_eq!(f[2].3.as_deref(), Some("EGP"));
        assert_eq!((f[3].1, f[3].3.as_deref()), ("quantity", Some("km")));
    }

    #[test]
    fn ranges_share_units() {
        let f = found("بين 10-20 دولار ومن 13 الى 15 تموز 2013");
        assert_eq!((f[0].1, f[0].3.as_deref()), ("money", Some("USD")));
        assert_eq!(f[2].2, NumberValue::Text("2013-07-13".into()));
        let f = found("من 8 إلى 10 ملايين برميل");
        assert_eq!(
            (f[0].2.clone(), f[0].3.as_deref()),
            (NumberValue::Int(8_000_000), Some("barrel"))
        );
    }

    #[test]
    fn relative_to_reference() {
        let r = Some(Date {
            year: 2013,
            month: 2,
            day: 12,
        });
        let m = find_numbers("وصل قبل يومين", r);
        assert_eq!(m[0].value, NumberValue::Text("2013-02-10".into()));
        assert_eq!(m[0].kind, NumberKind::Date);
    }

    #[test]
    fn durations() {
        let f = found("استمر ساعتين ونصف ثم 3 أيام");
        assert_eq!(f[0].2, NumberValue::Int(9000));
        assert_eq!(f[1].2, NumberValue::Int(3 * 86400));
    }

    #[test]
    fn traps() {
        for text in [
            "الاثنين",
            "الثلاثاء",
            "الخميس",
            "الأحد",
            "الفريق",
            "الفتاح",
            "ستنال",
            "لست أدري",
            "اتصل على 0501234567",
            "٦٥٠ ٧٠١ ٨٨٨٧",
            "٦٥٠٧٠١٨٨٨٧",
            "+١ ٦٥٠٧٠١٨٨٨٧",
            "(+١)٦٥٠٧٠١٨٨٨٧",
        ] {
            assert!(
                find_numbers(text, None).is_empty(),
                "{text}: {:?}",
                found(text)
            );
        }
    }

    #[test]
    fn no_traps_on_sample_pages() {
        let pages = [
            include_str!("../../tests/data/000_b9b3c63502130dbb.txt"),
            include_str!("../../tests/data/001_01ccc8792b294ebf.txt"),
            include_str!("../../tests/data/002_d0cafe620243ed18.txt"),
            include_str!("../../tests/data/003_f69f21bcde3b1f87.txt"),
            include_str!("../../tests/data/004_7e0eab1ba710d1e2.txt"),
        ];
        let weekdays = [
            "الاثنين",
            "الإثنين",
            "الثلاثاء",
            "الأربعاء",
            "الخميس",
            "الجمعة",
            "السبت",
            "الأحد",
        ];
        for page in pages {
            let found = find_numbers(page, None);
            for m in &found {
                let s = &page[m.start..m.end];
                assert!(!weekdays.contains(&s), "weekday read as a number: {s}");
                if let NumberValue::Int(v) = m.value {
                    assert!(v.abs() < 100_000_000_000_000, "huge number {s}");
                }
            }
            for trap in [
                "2+2",
                "الصداقة 2",
                "4931",
                "الفريق",
                "الفتاح",
                "ستنال",
                "اول من امس",
                "أول من أمس",
            ] {
                let mut from = 0;
                while let Some(k) = page[from..].find(trap) {
                    let (a, b) = (from + k, from + k + trap.len());
                    let hit = found.iter().find(|m| m.start < b && a < m.end);
                    assert!(hit.is_none(), "trap {trap} read as {:?}", hit);
                    from = b;
                }
            }
        }
    }

    #[test]
    fn random_word_salad_never_panics() {
        let pool: Vec<&str> = "ثلاثة و عشرون ألف مليون نصف ربع أرباع الأول الحادي عشر والعشرون \
            بالمئة في المئة % ٪ $ دولار جنيه مصري ريال كم طن ساعة ساعتين ونصف يوم أيام عام سنة \
            2014 يناير كانون الثاني رمضان هـ م الساعة العاشرة صباحا مساء بعد الظهر 10 23:29 \
            12/03/2023 2023-03-12 - / . , ، : + سالب فاصلة قبل بعد أمس غدا اليوم الأسبوع الماضي \
            الاثنين من هذا شهر 3 ٢٫٥ 1,234 الى حتى بين منتصف الليل لمدة كامل \n"
            .split(' ')
            .collect();
        let mut seed = 0x9E3779B97F4A7C15u64;
        for reference in [
            None,
            Some(Date {
                year: 2020,
                month: 2,
                day: 29,
            }),
        ] {
            let mut s = String::new();
            for _ in 0..50_000 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push_str(pool[(seed >> 33) as usize % pool.len()]);
                if seed % 3 != 0 {
                    s.push(' ');
                }
            }
            let ms = find_numbers(&s, reference);
            let mut last = 0;
            for m in &ms {
                assert!(m.start >= last && m.start < m.end, "{m:?}");
                assert!(s.is_char_boundary(m.start) && s.is_char_boundary(m.end));
                assert_eq!(s[m.start..m.end].trim(), &s[m.start..m.end]);
                last = m.end;
            }
        }
    }

    #[test]
    fn values_stay_finite() {
        let huge = "تريليون ".repeat(40) + "سنة";
        for m in find_numbers(&huge, None) {
            if let NumberValue::Float(v) = m.value {
                assert!(v.is_finite());
            }
        }
    }

    #[test]
    fn linear_and_never_panics() {
        let digits = "7".repeat(1 << 20);
        assert!(find_numbers(&digits, None).is_empty());
        let letter = "ا".repeat(1 << 19);
        assert!(find_numbers(&letter, None).is_empty());
        let words = "ثلاثة و".repeat(1 << 16);
        let m = find_numbers(&words, None);
        assert!(!m.is_empty());
        let mut seed = 0x2545F4914F6CDD1Du64;
        let mut s = String::new();
        let pool: Vec<char> = "0123456789٠١٢٣٤٥٦٧٨٩.,٫٬،/-:%٪$ و ثلاثةعشرألفمليوننصفالأولينايرساعة\n"
            .chars()
            .collect();
        for _ in 0..200_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let c = if seed % 7 == 0 {
                char::from_u32((seed >> 20) as u32 % 0x11_0000).unwrap_or('x')
            } else {
                pool[(seed >> 32) as usize % pool.len()]
            };
            s.push(c);
        }
        let ms = find_numbers(&s, None);
        let mut last = 0;
        for m in &ms {
            assert!(
                m.start >= last
                    && m.start < m.end
                    && s.is_char_boundary(m.start)
                    && s.is_char_boundary(m.end)
            );
            last = m.end;
            if let NumberValue::Float(v) = m.value {
                assert!(v.is_finite());
            }
        }
    }
}
