//! Dates relative to a reference date: أمس, غدا, بعد غد, اليوم, الأسبوع الماضي, الشهر
//! المقبل, العام الحالي, الاثنين الماضي, and a length of time after قبل / بعد (قبل يومين).

use super::calendar::{monday, Date};
use super::lexicon::{sentence_is_past, stem_at, tense_cue, weekday_at};
use super::mention::NumberKind;
use super::ordinals::ordinal_at;
use super::tokenize::Tokens;
use super::values::{Found, PartialDate, Value};

/// The unit of a relative period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Period {
    Week,
    Month,
    Year,
}

/// A relative week, month or year at `i` (الأسبوع الماضي, الشهر المقبل, العام الحالي, هذه
/// السنة): the unit, the offset and the index after it.
pub(crate) fn relative_period(t: &Tokens, i: usize) -> Option<(Period, i64, usize)> {
    let unit = |w: &str| match w {
        "الاسبوع" => Some(Period::Week),
        "الشهر" => Some(Period::Month),
        "السنه" | "العام" => Some(Period::Year),
        _ => None,
    };
    let w = stem_at(t, i);
    if matches!(w, "هذا" | "هذه") {
        let u = unit(stem_at(t, i + 1))?;
        return Some((u, 0, i + 2));
    }
    let u = unit(w)?;
    // الأسبوع بعد القادم, العام قبل الماضي: two steps.
    let twice = match (stem_at(t, i + 1), stem_at(t, i + 2)) {
        ("بعد", "القادم" | "القادمه" | "المقبل" | "المقبله" | "التالي") => {
            Some(2)
        }
        ("قبل", "الماضي" | "الماضيه" | "السابق" | "السابقه" | "المنصرم" | "الفائت") => {
            Some(-2)
        }
        _ => None,
    };
    if let Some(off) = twice.filter(|_| t.joined(i + 2)) {
        return Some((u, off, i + 3));
    }
    let off = match stem_at(t, i + 1) {
        "الماضي" | "الماضيه" | "الماض" | "السابق" | "السابقه" | "المنصرم" | "الفائت" => {
            -1
        }
        "القادم" | "القادمه" | "المقبل" | "المقبله" | "التالي" | "الجاي" => {
            1
        }
        "الحالي" | "الحاليه" | "الجاري" | "الجاريه" => 0,
        _ => return None,
    };
    Some((u, off, i + 2))
}

/// The month `off` months after the reference's: (year, month).
pub(crate) fn month_after(r: Date, off: i64) -> (i64, i64) {
    let k = i64::from(r.year) * 12 + i64::from(r.month) - 1 + off;
    (k.div_euclid(12), k.rem_euclid(12) + 1)
}

/// The day before or after tomorrow or yesterday at `k` ((الذي) بعد الغد, القبل البارحة,
/// الي قبل امبارح, after اليوم): the offset from the reference and the index after it.
fn day_before_after(t: &Tokens, k: usize) -> Option<(i64, usize)> {
    let k = if matches!(stem_at(t, k), "الذي" | "الي" | "اللي") {
        k + 1
    } else {
        k
    };
    let sign = match stem_at(t, k) {
        "بعد" => 1,
        "قبل" | "القبل" => -1,
        _ => return None,
    };
    let base = match stem_at(t, k + 1) {
        "غد" | "الغد" | "غدا" | "بكره" | "بكرا" => 1,
        "امس" | "الامس" | "البارحه" | "امبارح" => -1,
        _ => return None,
    };
    (base == sign).then_some((base + sign, k + 2))
}

/// A relative day, week, month or year, or a weekday, at `i`, resolved against the
/// reference date.
pub(crate) fn relative_day(t: &Tokens, i: usize, r: Date) -> Option<(PartialDate, usize)> {
    let today = r.days();
    if let Some((u, off, next)) = relative_period(t, i) {
        return Some(period_date(t, i, u, off, next, r));
    }
    let Some((offset, next)) = day_offset(t, i) else {
        return weekday_date(t, i, r);
    };
    // أمس الأربعاء, اليوم الخميس, غدا الجمعة: the weekday names the same day (news gives
    // both), so it belongs to this mention rather than standing for the next such weekday.
    let next = match weekday_at(t, next) {
        Some(_) if t.joined(next) && t.norm(next).starts_with("ال") => next + 1,
        _ => next,
    };
    Some((PartialDate::of_days(today + offset), next))
}

/// The date of the relative period `u` + `off` that ends before `next` at `i`: a week as its
/// Monday (or the weekday named after it), a month, a year.
fn period_date(
    t: &Tokens,
    i: usize,
    u: Period,
    off: i64,
    next: usize,
    r: Date,
) -> (PartialDate, usize) {
    let today = r.days();
    match u {
        Period::Week => {
            // الأسبوع القادم الأحد, الأسبوع المقبل يوم الجمعة
            let k = if stem_at(t, next) == "يوم" {
                next + 1
            } else {
                next
            };
            match weekday_at(t, k).filter(|_| t.joined(k) && k > i) {
                Some(wd) => (PartialDate::of_days(monday(today) + 7 * off + wd), k + 1),
                None => (PartialDate::of_days(monday(today) + 7 * off), next),
            }
        }
        Period::Month => {
            let (y, m) = month_after(r, off);
            (PartialDate::month(Some(y), m), next)
        }
        Period::Year => (PartialDate::year(i64::from(r.year) + off), next),
    }
}

/// A day named relative to today at `i` (أمس, اليوم, غدا, بعد غد, أول أمس, اليوم التالي):
/// its offset in days and the index after it.
fn day_offset(t: &Tokens, i: usize) -> Option<(i64, usize)> {
    let rest = |k: usize| stem_at(t, k);
    Some(match stem_at(t, i) {
        "اليوم" if matches!(rest(i + 1), "الماضي" | "السابق" | "المنصرم") => {
            (-1, i + 2)
        }
        "اليوم" if matches!(rest(i + 1), "التالي" | "الاتي" | "الموالي") => {
            (1, i + 2)
        }
        "اليوم" | "يوم" if day_before_after(t, i + 1).is_some() => {
            day_before_after(t, i + 1)?
        }
        // اليوم الثالث من أكتوبر: the third day, not today.
        "اليوم" if t.joined(i + 1) && ordinal_at(t, i + 1).is_some() => return None,
        // في ذلك اليوم (that day), رأي اليوم (a newspaper): not today.
        "اليوم" if i > 0 && t.joined(i) && matches!(t.norm(i - 1), "ذلك" | "راي" | "تلك") => {
            return None
        }
        "اليوم" => (0, i + 1),
        "هذا" if rest(i + 1) == "اليوم" => (0, i + 2),
        // أمس الأول: the day before yesterday.
        "امس" if rest(i + 1) == "الاول" => (-2, i + 2),
        "امس" | "البارحه" | "الامس" | "امبارح" => (-1, i + 1),
        // Not بكرة, which in news is "with a ball" far more often than "tomorrow" (بكرا).
        "غدا" | "الغد" | "بكرا" => (1, i + 1),
        "اول" if rest(i + 1) == "امس" => (-2, i + 2),
        "اول" if rest(i + 1) == "من" && rest(i + 2) == "امس" => (-2, i + 3),
        "يوم" if rest(i + 1) == "غد" => (1, i + 2),
        "بعد" if matches!(rest(i + 1), "غد" | "الغد") => (2, i + 2),
        "يوم" if rest(i + 1) == "بعد" && matches!(rest(i + 2), "غد" | "الغد") => {
            (2, i + 3)
        }
        "قبل" if rest(i + 1) == "امس" => (-2, i + 2),
        "قبل" if rest(i + 1) == "يوم" && rest(i + 2) == "امس" => (-2, i + 3),
        "يوم" if rest(i + 1) == "قبل" && rest(i + 2) == "امس" => (-2, i + 3),
        _ => return None,
    })
}

/// A weekday at `i` (يوم الاثنين, الخميس المقبل, الأحد الماضي, الاثنين من هذا الأسبوع): the
/// next such day after the reference, the last one before it after الماضي, or the one in
/// the week named.
fn weekday_date(t: &Tokens, i: usize, r: Date) -> Option<(PartialDate, usize)> {
    let today = r.days();
    let rest = |k: usize| stem_at(t, k);
    let (k, wd) = match stem_at(t, i) {
        "يوم" | "هذا" => (i + 1, weekday_at(t, i + 1)?),
        _ => (i, weekday_at(t, i)?),
    };
    let cur = today - monday(today);
    // A weekday in a named week: الاثنين من هذا الأسبوع, أحد الأسبوع الماضي.
    let j = if rest(k + 1) == "من" { k + 2 } else { k + 1 };
    if let Some((Period::Week, off, next)) = relative_period(t, j) {
        return Some((PartialDate::of_days(monday(today) + 7 * off + wd), next));
    }
    if !t.norm(k).starts_with("ال") {
        return None;
    }
    let (off, next) = match rest(k + 1) {
        "الماضي" | "السابق" | "الفائت" | "المنصرم" => {
            let back = (cur - wd).rem_euclid(7);
            (-(if back == 0 { 7 } else { back }), k + 2)
        }
        n => {
            let fwd = (wd - cur).rem_euclid(7);
            let used = matches!(n, "القادم" | "المقبل" | "التالي");
            let (cue, words) = tense_cue(t, k);
            // A report of the past by its length alone does not move tomorrow back a week
            // (يجتمع المجلس الأربعاء, written on a Tuesday).
            let past = cue.unwrap_or(words >= 4 && fwd != 1);
            if !used && past {
                // قال الاثنين: in a report of the past, the last such day (today included).
                return Some((
                    PartialDate::of_days(today - (cur - wd).rem_euclid(7)),
                    k + 1,
                ));
            }
            // In a sentence, the reference's own weekday is that day (يعقد المجلس الأربعاء,
            // written on a Wednesday), unless said to be the next one; alone, the next one.
            let next_week = fwd == 0 && (used || words < 4);
            (if next_week { 7 } else { fwd }, k + 1 + usize::from(used))
        }
    };
    Some((PartialDate::of_days(today + off), next))
}

/// True when the length ending before `next` counts from an event named after it (بعد 50
/// عاما على مقتله, قبل يوم من انطلاق البطولة), not from now (بعد 3 أيام من الآن).
fn counts_from_an_event(t: &Tokens, next: usize) -> bool {
    let k = if matches!(t.norm(next), "بالضبط" | "تقريبا" | "فقط") {
        next + 1
    } else {
        next
    };
    t.joined(k)
        && matches!(t.norm(k), "علي" | "من")
        && !matches!(stem_at(t, k + 1), "الان" | "الان." | "اليوم" | "الان،")
}

/// Turns a duration after قبل / بعد (قبل يومين, بعد 3 أسابيع من الآن) into the date it
/// points to from the reference (with no value without one). Returns the index after the
/// mention, which may grow.
pub(crate) fn shift_date(
    t: &Tokens,
    i: usize,
    next: usize,
    m: &mut Found,
    r: Option<Date>,
) -> usize {
    let sign = match stem_at(t, i - 1) {
        "قبل" => -1,
        "بعد" => 1,
        _ => return next,
    };
    let secs = match (m.kind, &m.value) {
        (NumberKind::Duration, Value::Number(v))
            if t.joined(i) && v.fract() == 0.0 && v.abs() < 9.0e15 =>
        {
            *v as i64
        }
        _ => return next,
    };
    let date = |r: Date| {
        if secs % 31_536_000 == 0 {
            Some(PartialDate::year(
                i64::from(r.year) + sign * secs / 31_536_000,
            ))
        } else if secs % 2_592_000 == 0 {
            let (y, m) = month_after(r, sign * secs / 2_592_000);
            Some(PartialDate::month(Some(y), m))
        } else if secs % 86_400 == 0 {
            Some(PartialDate::of_days(r.days() + sign * secs / 86_400))
        } else {
            None
        }
    };
    // The span does not depend on the reference: any date tells whether the length is one
    // that names a date.
    let any = Date {
        year: 2000,
        month: 1,
        day: 1,
    };
    // بعد 10 أعوام in a report of the past: after an event of the story, not from now.
    let story = sign > 0 && sentence_is_past(t, i) == Some(true);
    if date(any).is_none() || counts_from_an_event(t, next) || story {
        return next;
    }
    let value = r.and_then(date).map_or(Value::Unresolved, Value::date);
    let next = if stem_at(t, next) == "من" && matches!(stem_at(t, next + 1), "الان" | "الان.")
    {
        next + 2
    } else {
        next
    };
    m.start = t.toks[i - 1].start;
    m.end = t.toks[next - 1].end;
    m.kind = NumberKind::Date;
    m.value = value;
    m.unit = None;
    next
}
