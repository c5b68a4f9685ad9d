//! Months and days of the month: month names of every system (يناير, كانون الثاني, جانفي,
//! شتنبر, رمضان), شهر + a number, a day before a month (27 مايو, الرابع من نيسان, 15 رمضان
//! 1445 هـ), a month with its year or a day after it, and a day of the reference month.

use super::calendar::{days_from_civil, days_in_month, hijri_to_gregorian, hijri_years_near, Date};
use super::grammar::{parse_number, small_digits};
use super::lexicon::{sentence_is_past, stem_at, Month, LEXICON};
use super::ordinals::ordinal_at;
use super::relative::{month_after, relative_period, Period};
use super::tokenize::{Kind, Tokens};
use super::values::PartialDate;
use super::years::year_after;

/// The month named at token `i` (after a ب/ل/ف/و clitic or none) and the index after it.
pub(crate) fn month_at(t: &Tokens, i: usize) -> Option<(Month, usize, usize)> {
    if t.kind(i) != Some(Kind::Word) {
        return None;
    }
    for s in t.splits(i).filter(|s| !s.clitics.article) {
        if let Some((m, next)) = LEXICON.months.longest(t, i, s.stem) {
            return Some((*m, next, t.stem_start(i, s.clitics.letters)));
        }
    }
    None
}

/// Month names that are also common words and count only next to a day or a year.
fn ambiguous_month(t: &Tokens, i: usize) -> bool {
    matches!(
        t.norm(i),
        "مارس"
            | "اب"
            | "ماي"
            | "صفر"
            | "رجب"
            | "شعبان"
            | "رمضان"
            | "شوال"
            | "محرم"
            | "جوان"
            // A political bloc (فريقا آذار) and a car maker (نيسان) as often as months.
            | "اذار"
            | "نيسان"
    )
}

/// A month at `i`: a name, or شهر + a number from 1 to 12 (شهر 3, شهر عشرة).
pub(crate) fn month_or_number(t: &Tokens, i: usize) -> Option<(Month, usize)> {
    if let Some((m, next, _)) = month_at(t, i) {
        return Some((m, next));
    }
    let w = t.norm(i);
    if matches!(w, "شهر" | "الشهر" | "بشهر") && t.joined(i + 1) {
        let p = parse_number(t, i + 1)?;
        let one_word = p.value == 1.0 && t.kind(i + 1) == Some(Kind::Word);
        if !one_word && p.value.fract() == 0.0 && (1.0..=12.0).contains(&p.value) {
            return Some((
                Month {
                    month: p.value as u32,
                    hijri: false,
                },
                p.next,
            ));
        }
    }
    None
}

/// Skips a second name for the same month: مايو/آيار, فبراير (شباط).
fn skip_paired_month(t: &Tokens, j: usize) -> usize {
    if t.joined(j) && t.is(j, "/") && month_at(t, j + 1).is_some() {
        return month_at(t, j + 1).map_or(j, |m| m.1);
    }
    if t.joined(j) && t.is(j, "(") {
        if let Some((_, k, _)) = month_at(t, j + 1) {
            if t.is(k, ")") {
                return k + 1;
            }
        }
    }
    j
}

/// A day of the month at `i`: digits 1 to 31, or an ordinal word (الرابع, الأول).
fn day_at(t: &Tokens, i: usize) -> Option<(i64, usize)> {
    if let Some(d) = small_digits(t, i, 2).filter(|d| (1..=31).contains(d)) {
        if t.touching(i + 1) && matches!(t.kind(i + 1), Some(Kind::Punct | Kind::Digits)) {
            // 2- أكتوبر, 28-نوفمبر, 2. أكتوبر
            let dash = matches!(t.norm(i + 1), "-" | "/" | ".");
            return (dash && t.joined(i + 2) && month_at(t, i + 2).is_some()).then_some((d, i + 2));
        }
        return Some((d, i + 1));
    }
    if let Some((v, _, next)) = ordinal_at(t, i) {
        return (1..=31).contains(&v).then_some((v, next));
    }
    // سبعة عشر أكتوبر: a day spelled as a cardinal, right before a month.
    let p = parse_number(t, i)
        .filter(|p| t.kind(i) == Some(Kind::Word) && !p.fraction && p.value.fract() == 0.0)?;
    let month_next =
        month_at(t, p.next).is_some() || t.is(p.next, "من") && month_at(t, p.next + 1).is_some();
    (month_next && (1.0..=31.0).contains(&p.value)).then_some((p.value as i64, p.next))
}

/// A day and month at `i` (27 مايو, الرابع من نيسان, 15 رمضان 1445 هـ), with a year if one
/// follows.
pub(crate) fn day_month(
    t: &Tokens,
    i: usize,
    reference: Option<Date>,
) -> Option<(PartialDate, Option<PartialDate>, usize)> {
    let (d, mut j) = day_at(t, i)?;
    if !t.joined(j) {
        return None;
    }
    if t.is(j, "من") && t.joined(j + 1) {
        j += 1;
    }
    if matches!(t.norm(j), "شهر") && month_at(t, j + 1).is_some() {
        j += 1;
    }
    let (m, next) = month_or_number(t, j)?;
    let j = skip_paired_month(t, next);
    let year = year_after(t, j);
    let next = year.map_or(j, |y| y.1);
    let (mm, dd) = (i64::from(m.month), d);
    if m.hijri {
        let (y, _) = year?;
        if dd > 30 {
            return None;
        }
        let (gy, gm, gd) = hijri_to_gregorian(y, mm, dd);
        return Some((
            PartialDate::ymd(Some(gy), gm, gd),
            Some(PartialDate::ymd(Some(y), mm, dd)),
            next,
        ));
    }
    let y = year.map(|y| y.0).or(reference.map(|r| i64::from(r.year)));
    if dd > days_in_month(y.unwrap_or(2000), mm) {
        return None;
    }
    Some((PartialDate::ymd(y, mm, dd), None, next))
}

/// A day of the reference month, or of the month named after it (20 من الشهر القادم), at
/// `i`. With `needs_month`, the month phrase must be there.
pub(crate) fn day_of_month(
    t: &Tokens,
    i: usize,
    r: Date,
    needs_month: bool,
) -> Option<(PartialDate, usize)> {
    let (day, mut next) = day_at(t, i)?;
    if t.kind(i) == Some(Kind::Digits) && t.joined(next) && t.kind(next) == Some(Kind::Digits) {
        return None;
    }
    let mut off = 0;
    // 20 من الشهر المقبل, 22 هذا الشهر, 23 في الشهر المقبل
    let of = usize::from(matches!(stem_at(t, next), "من" | "في"));
    let named = relative_period(t, next + of).is_some_and(|p| p.0 == Period::Month);
    if named {
        let (_, o, n) = relative_period(t, next + of)?;
        off = o;
        next = n;
    } else if needs_month {
        return None;
    }
    let (y, m) = month_after(r, off);
    (day <= days_in_month(y, m)).then(|| (PartialDate::ymd(Some(y), m, day), next))
}

/// A bare day of the month after في at the end of a clause (سأعود في 15.): the day in the
/// reference month.
pub(crate) fn cued_day(t: &Tokens, i: usize, r: Date) -> Option<(PartialDate, usize)> {
    let d = small_digits(t, i, 2).filter(|d| (1..=31).contains(d))?;
    let after_fi = i > 0
        && t.joined(i)
        && t.splits(i - 1)
            .any(|s| s.stem == "في" && !s.clitics.article);
    let clause_end = !t.joined(i + 1)
        || matches!(
            t.norm(i + 1),
            "." | "،" | "," | "!" | "؟" | "?" | "؛" | ";" | ")" | "»" | "\""
        ) && !(t.touching(i + 2) && t.kind(i + 2) == Some(Kind::Digits));
    let (y, m) = (i64::from(r.year), i64::from(r.month));
    (after_fi && clause_end && d <= days_in_month(y, m))
        .then(|| (PartialDate::ymd(Some(y), m, d), i + 1))
}

/// True when the word before `i` calls for a month after it: في, حتى, منذ, خلال, هذا …
fn month_cue(t: &Tokens, i: usize) -> bool {
    i > 0
        && t.joined(i)
        && t.kind(i - 1) == Some(Kind::Word)
        && t.splits(i - 1).any(|s| {
            !s.clitics.article
                && matches!(
                    s.stem,
                    "في" | "حتي"
                        | "منذ"
                        | "خلال"
                        | "هذا"
                        | "طوال"
                        | "طيله"
                        | "قبيل"
                        | "شهر"
                )
        })
}

/// The next Hijri month `m` that has not ended by the reference date: the Gregorian month
/// its first day falls in ("2017-05"), and its Hijri form ("islamic:1438-09").
fn hijri_month(m: u32, reference: Option<Date>) -> Option<(PartialDate, PartialDate)> {
    let r = reference?;
    let today = r.days();
    let m = i64::from(m);
    hijri_years_near(i64::from(r.year)).find_map(|h| {
        let (ny, nm) = if m == 12 { (h + 1, 1) } else { (h, m + 1) };
        let (ey, em, ed) = hijri_to_gregorian(ny, nm, 1);
        (days_from_civil(ey, em, ed) > today).then(|| {
            let (gy, gm, _) = hijri_to_gregorian(h, m, 1);
            (
                PartialDate::month(Some(gy), gm),
                PartialDate::month(Some(h), m),
            )
        })
    })
}

/// A month with a year (سبتمبر 2013), with a day after it (يناير 1), in the middle or at the
/// start of it (منتصف آذار, بداية شهر 3), or on its own (شباط), at `i`.
pub(crate) fn month_phrase(
    t: &Tokens,
    i: usize,
    reference: Option<Date>,
) -> Option<(usize, PartialDate, Option<PartialDate>, usize)> {
    let start = t.toks[i].start;
    let (day, k) = match stem_at(t, i) {
        "منتصف" | "نص" | "نصف" | "اواسط" => (Some(15), i + 1),
        "بدايه" | "مطلع" | "اول" | "اوائل" => (Some(1), i + 1),
        "اواخر" => (Some(21), i + 1),
        _ => (None, i),
    };
    if day.is_some() && !t.joined(k) {
        return None;
    }
    let k = if t.is(k, "شهر") && month_at(t, k + 1).is_some() {
        k + 1
    } else {
        k
    };
    let (m, next, start) = match month_at(t, k) {
        Some((m, next, s)) => (m, next, if day.is_some() { start } else { s }),
        None => {
            let (m, next) = month_or_number(t, k)?;
            (m, next, start)
        }
    };
    let j = skip_paired_month(t, next);
    let mm = i64::from(m.month);
    if let Some((y, next)) = year_after(t, j) {
        if m.hijri {
            // رمضان 2019: a Gregorian year; the Hijri month that starts in it.
            let y = if y > 1600 { hijri_year_in(y, mm)? } else { y };
            // رمضان 1445: the Gregorian month its first (or named) day falls in.
            let (gy, gm, gd) = hijri_to_gregorian(y, mm, day.unwrap_or(1));
            let (date, hijri) = match day {
                Some(d) => (
                    PartialDate::ymd(Some(gy), gm, gd),
                    PartialDate::ymd(Some(y), mm, d),
                ),
                None => (
                    PartialDate::month(Some(gy), gm),
                    PartialDate::month(Some(y), mm),
                ),
            };
            return Some((start, date, Some(hijri), next));
        }
        return Some((
            start,
            PartialDate {
                year: Some(y),
                month: Some(mm),
                day,
            },
            None,
            next,
        ));
    }
    // في مارس, حتى رمضان, هذا آب: after a word that calls for a time, a month name that is
    // also a common word is a month; so is one after شهر (شهر رمضان). صفر (zero) only so.
    let cued = day.is_none() && (k > i || (month_cue(t, i) && t.norm(k) != "صفر"));
    if m.hijri {
        return if cued {
            hijri_month(m.month, reference).map(|(v, unit)| (start, v, Some(unit), j))
        } else {
            None
        };
    }
    if ambiguous_month(t, k) && day.is_none() && k == i && !cued {
        return None;
    }
    // A month named alone is the next one, or the last one after الماضي or in a report of
    // the past (ألغت الحكم في أبريل).
    let said = match stem_at(t, j) {
        "الماضي" | "المنصرم" | "الفائت" | "السابق" if t.joined(j) => {
            Some(true)
        }
        "المقبل" | "القادم" if t.joined(j) => Some(false),
        _ => None,
    };
    let past = said.or_else(|| sentence_is_past(t, k)) == Some(true);
    let j = j + usize::from(said.is_some() && day.is_none());
    let y = reference.map(|r| match (past, m.month >= r.month) {
        (false, true) | (true, false) => i64::from(r.year),
        (false, false) => i64::from(r.year) + 1,
        (true, true) if m.month == r.month => i64::from(r.year),
        (true, true) => i64::from(r.year) - 1,
    });
    if day.is_none() {
        if let Some((d, y, next)) = day_after_month(t, j, y, mm) {
            return Some((start, PartialDate::ymd(y, mm, d), None, next));
        }
    }
    let date = PartialDate {
        year: y,
        month: Some(mm),
        day,
    };
    Some((start, date, None, j))
}

/// A day of month `mm` written after its name at `j` (year `y` unless one follows): مايو
/// الحادي عشر, يناير الثاني والعشرين، 2018, يناير 1, and the first day of a range in the
/// month (نوفمبر بين 15 و19, شهر نوفمبر من 4 إلى 22; the second takes the month from it).
/// Returns the day, the year and the index after them.
fn day_after_month(
    t: &Tokens,
    j: usize,
    y: Option<i64>,
    mm: i64,
) -> Option<(i64, Option<i64>, usize)> {
    if !t.joined(j) {
        return None;
    }
    let in_month = |y: Option<i64>, d: &i64| (1..=days_in_month(y.unwrap_or(2000), mm)).contains(d);
    if t.norm(j).starts_with("ال") {
        if let Some((d, _, next)) = ordinal_at(t, j) {
            let (y, next) = year_after(t, next).map_or((y, next), |(y, n)| (Some(y), n));
            if in_month(y, &d) {
                return Some((d, y, next));
            }
        }
    }
    let day = |k: usize| small_digits(t, k, 2).filter(|d| in_month(y, d));
    if matches!(t.norm(j), "بين" | "من") && t.joined(j + 1) {
        if let (Some(d), Some(_)) = (day(j + 1), day(j + 3)) {
            let link = t.joined(j + 2) && matches!(t.norm(j + 2), "و" | "الي" | "حتي" | "-");
            if link && t.joined(j + 3) {
                return Some((d, y, j + 2));
            }
        }
    }
    if t.touching(j + 1) && t.kind(j + 1) == Some(Kind::Digits) {
        return None;
    }
    day(j).map(|d| (d, y, j + 1))
}

/// The Hijri year whose month `m` starts in Gregorian year `y`.
fn hijri_year_in(y: i64, m: i64) -> Option<i64> {
    hijri_years_near(y).find(|&h| hijri_to_gregorian(h, m, 1).0 == y)
}

/// A month with its year at `j` (من شهر أيلول من عام 2014, بشهر عشرة سنة 2015, من الشهر
/// القادم, في سبتمبر): the year (the reference year when none is written), the month and
/// the index after it.
pub(crate) fn month_ref(t: &Tokens, j: usize, r: Option<Date>) -> Option<(i64, i64, usize)> {
    let j = if matches!(t.norm(j), "من" | "في") && t.joined(j + 1) {
        j + 1
    } else {
        j
    };
    if let Some((Period::Month, off, next)) = relative_period(t, j) {
        let (y, m) = month_after(r?, off);
        return Some((y, m, next));
    }
    let k = if (t.is(j, "شهر") || t.is(j, "بشهر")) && month_at(t, j + 1).is_some() {
        j + 1
    } else {
        j
    };
    let (m, next) = month_or_number(t, k)?;
    if m.hijri {
        return None;
    }
    let next = skip_paired_month(t, next);
    if let Some((y, next)) = year_after(t, next) {
        return Some((y, i64::from(m.month), next));
    }
    let rel = if matches!(t.norm(next), "من" | "في") {
        next + 1
    } else {
        next
    };
    if let Some((Period::Year, off, after)) = relative_period(t, rel) {
        return Some((i64::from(r?.year) + off, i64::from(m.month), after));
    }
    Some((i64::from(r?.year), i64::from(m.month), next))
}
