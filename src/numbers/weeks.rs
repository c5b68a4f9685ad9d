//! Weeks and weekdays counted in a month or a year: ثالث ثلاثاء في أيلول 2014, آخر اثنين من
//! شهر آذار, آخر يوم بشهر عشرة, أول أسبوع بشهر أكتوبر 2014, الأسبوع الثالث من هذا العام.

use super::calendar::{
    days_from_civil, days_in_month, monday, nth_weekday as nth_in_month, weekday, Date,
};
use super::lexicon::{stem_at, weekday_at, Class, LEXICON};
use super::months::month_ref;
use super::relative::{relative_period, Period};
use super::tokenize::Tokens;
use super::values::PartialDate;
use super::years::year_phrase;

/// An nth or last weekday of a month (ثالث ثلاثاء في أيلول 2014, آخر اثنين من شهر آذار,
/// الاثنين الأخير من الشهر القادم) or the last day of one (آخر يوم بشهر عشرة سنة 2015).
pub(crate) fn nth_weekday(t: &Tokens, i: usize, r: Option<Date>) -> Option<(PartialDate, usize)> {
    let w = t.norm(i);
    let last_word = |s: &str| matches!(s, "اخر" | "الاخير" | "الاخيره");
    // Which one: 1..5 or 0 for the last; then the weekday (None: any day) and the month.
    let (n, day, j) = if last_word(w) {
        if matches!(stem_at(t, i + 1), "يوم") {
            (0, None, i + 2)
        } else {
            (0, Some(weekday_bare(t, i + 1)?), i + 2)
        }
    } else if w == "اليوم" && last_word(stem_at(t, i + 1)) {
        (0, None, i + 2)
    } else if let Some(wd) = weekday_bare(t, i).filter(|_| last_word(stem_at(t, i + 1))) {
        (0, Some(wd), i + 2)
    } else {
        let n = LEXICON
            .words
            .get(w)?
            .iter()
            .find(|x| x.class == Class::Ord && !x.compound_only)?
            .value as i64;
        let k = if stem_at(t, i + 1) == "يوم" {
            i + 2
        } else {
            i + 1
        };
        match weekday_bare(t, k) {
            Some(wd) => (n, Some(wd), k + 1),
            None if k == i + 2 => (n, None, k),
            None => return None,
        }
    };
    if !t.joined(j) {
        return None;
    }
    let (y, m, next) = month_ref(t, j, r)?;
    let first = days_from_civil(y, m, 1);
    let len = days_in_month(y, m);
    let date = match (n, day) {
        (0, None) => first + len - 1,
        (n, None) if n <= len => first + n - 1,
        (0, Some(wd)) => {
            let last = first + len - 1;
            last - (last - monday(last) - wd).rem_euclid(7)
        }
        (n, Some(wd)) => nth_in_month(y, m, wd, n),
        _ => return None,
    };
    (date < first + len).then(|| (PartialDate::of_days(date), next))
}

/// A weekday with an ordinal (الثلاثاء الثالث من أيلول 2014) names a day of the month when
/// that day is the weekday (Tuesday 3 September), else the nth such weekday of the month
/// (the third Tuesday). `v` is the day-of-month reading, `wd` the weekday (Monday = 0).
pub(crate) fn nth_if_other_day(v: PartialDate, wd: i64) -> PartialDate {
    let (Some(y), Some(m), Some(n)) = (v.year, v.month, v.day) else {
        return v;
    };
    if weekday(days_from_civil(y, m, n)) == wd || n > 5 {
        return v;
    }
    let nth = nth_in_month(y, m, wd, n);
    if nth < days_from_civil(y, m, 1) + days_in_month(y, m) {
        PartialDate::of_days(nth)
    } else {
        v
    }
}

/// A week of a month at `i` (أول أسبوع بشهر أكتوبر 2014, الأسبوع الأول من شهر عشرة, آخر
/// أسبوع في سبتمبر, الأسبوع الأخير من الشهر القادم), as the date of its Monday: the nth
/// Monday of the month, or the last one whose week ends in the month.
pub(crate) fn week_of_month(t: &Tokens, i: usize, r: Option<Date>) -> Option<(PartialDate, usize)> {
    let rank = |k: usize| -> Option<i64> {
        match stem_at(t, k) {
            "اول" | "الاول" => Some(1),
            "اخر" | "الاخير" => Some(0),
            w => LEXICON
                .words
                .get(w)?
                .iter()
                .find(|x| x.class == Class::Ord && !x.compound_only)
                .map(|x| x.value as i64)
                .filter(|n| (1..=5).contains(n)),
        }
    };
    let rank = |k: usize| {
        rank(k).or_else(|| {
            // الثالث, with its article
            let w = stem_at(t, k).strip_prefix("ال")?;
            LEXICON
                .words
                .get(w)?
                .iter()
                .find(|x| x.class == Class::Ord && !x.compound_only)
                .map(|x| x.value as i64)
                .filter(|n| (1..=5).contains(n))
        })
    };
    let (n, j) = match stem_at(t, i) {
        "اسبوع" => return None,
        "الاسبوع" if t.joined(i + 1) => (rank(i + 1)?, i + 2),
        _ if t.joined(i + 1) && stem_at(t, i + 1) == "اسبوع" && !t.norm(i).starts_with("ال") => {
            (rank(i)?, i + 2)
        }
        _ => return None,
    };
    let j = if matches!(t.norm(j), "في" | "من") && t.joined(j + 1) {
        j + 1
    } else {
        j
    };
    if !t.joined(j) {
        return None;
    }
    let Some((y, m, next)) = month_ref(t, j, r) else {
        // الأسبوع الأول من عام 2015, الأسبوع الثالث من هذا العام: a week of the year, counted
        // as ISO 8601 does (week 1 holds 4 January).
        let (y, next) = match (year_phrase(t, j), relative_period(t, j)) {
            (Some((_, y, next)), _) => (y, next),
            (None, Some((Period::Year, off, next))) => (i64::from(r?.year) + off, next),
            _ => return None,
        };
        if n == 0 {
            return None;
        }
        let week_one = monday(days_from_civil(y, 1, 4));
        return Some((PartialDate::of_days(week_one + 7 * (n - 1)), next));
    };
    let first = days_from_civil(y, m, 1);
    let last = first + days_in_month(y, m) - 1;
    let first_monday = nth_in_month(y, m, 0, 1);
    let date = if n == 0 {
        monday(last - 6)
    } else {
        first_monday + 7 * (n - 1)
    };
    (date + 6 <= last).then(|| (PartialDate::of_days(date), next))
}

/// A weekday at `i` with or without ال (ثلاثاء, الاثنين, اربعا).
pub(crate) fn weekday_bare(t: &Tokens, i: usize) -> Option<i64> {
    if t.is(i, "اربعا") {
        return Some(2);
    }
    weekday_at(t, i)
}
