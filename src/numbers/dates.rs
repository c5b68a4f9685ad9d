//! Dates and times: which grammar reads the date or time that starts at a token, and
//! numeric dates (2023-03-12, 12/03/2023, 2/2013, 21/09).

use super::calendar::{days_in_month, hijri_to_gregorian, Date};
use super::clock::time_at;
use super::grammar::small_digits;
use super::holidays::{holiday_at, holiday_day};
use super::lexicon::{stem_at, weekday_at};
use super::mention::NumberKind;
use super::months::{cued_day, day_month, day_of_month, month_phrase};
use super::ordinals::ordinal_at;
use super::relative::relative_day;
use super::tokenize::{Kind, Tokens};
use super::values::{Found, PartialDate, Value};
use super::weeks::{nth_if_other_day, nth_weekday, week_of_month};
use super::years::{cued_year, hijri_era_before, year_after, year_phrase};

/// True when `d` is a day of month `m` of year `y`.
fn valid(y: i64, m: i64, d: i64) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

/// A numeric date at `i`: 2023-03-12, 12/03/2023, 12.03.2023, 2/2013, 21/09.
fn numeric_date(t: &Tokens, i: usize, reference: Option<Date>) -> Option<(PartialDate, usize)> {
    let a = t.norm(i);
    if t.kind(i) != Some(Kind::Digits) {
        return None;
    }
    let sep = t.norm(i + 1);
    if !t.touching(i + 1) || !matches!(sep, "-" | "/" | ".") || !t.touching(i + 2) {
        return None;
    }
    let b = small_digits(t, i + 2, 4)?;
    let third = (t.touching(i + 3) && t.is(i + 3, sep) && t.touching(i + 4))
        .then(|| small_digits(t, i + 4, 4))
        .flatten();
    if let Some(c) = third {
        return full_numeric_date(t, i, b, c);
    }
    if t.touching(i + 3)
        && matches!(
            t.kind(i + 3),
            Some(Kind::Digits | Kind::Word | Kind::Latin | Kind::Punct)
        )
        && !matches!(t.norm(i + 3), "،" | ")" | "(" | ",")
    {
        return None;
    }
    let b_len = t.norm(i + 2).len();
    if a.len() == 4 && (b_len == 2 && sep == "-" || b_len <= 2 && sep == "/") {
        // 2013-09, 2015/3
        let y: i64 = a.parse().ok()?;
        let plausible = (1..=12).contains(&b) && (sep == "-" || (1900..=2100).contains(&y));
        return plausible.then(|| (PartialDate::month(Some(y), b), i + 3));
    }
    if a.len() <= 2 && b_len == 4 && matches!(sep, "/" | "-") {
        // 2/2013, 3-2015
        let m: i64 = a.parse().ok()?;
        let plausible = (1..=12).contains(&m) && (1900..=2100).contains(&b);
        return plausible.then(|| (PartialDate::month(Some(b), m), i + 3));
    }
    if a.len() <= 2 && b_len <= 2 && sep == "/" {
        // 21/09: a day and month only when the day cannot be a numerator (d > m)
        let d: i64 = a.parse().ok()?;
        let y = reference.map(|r| i64::from(r.year));
        if d > b && valid(y.unwrap_or(2000), b, d) {
            return Some((PartialDate::ymd(y, b, d), i + 3));
        }
        // 4/22: month first when the second part cannot be a month.
        if b > 12 && valid(y.unwrap_or(2000), d, b) {
            return Some((PartialDate::ymd(y, d, b), i + 3));
        }
    }
    None
}

/// A numeric date of three parts at `i` (the second `b` and third `c` read already):
/// 2023-03-12, 12/03/2023, 16/04/21, 5/17/2018.
fn full_numeric_date(t: &Tokens, i: usize, b: i64, c: i64) -> Option<(PartialDate, usize)> {
    let (a, sep) = (t.norm(i), t.norm(i + 1));
    let c_len = t.norm(i + 4).len();
    let c = if c_len == 2 && a.len() <= 2 {
        // A two-digit year: 16/04/21
        if c < 50 {
            2000 + c
        } else {
            1900 + c
        }
    } else {
        c
    };
    let (y, m, d) = if a.len() == 4 {
        (a.parse().ok()?, b, c)
    } else if (c_len == 4 || c_len == 2) && a.len() <= 2 {
        let a: i64 = a.parse().ok()?;
        // Day first unless that is impossible (5/17/2018).
        if b > 12 && sep == "/" {
            (c, a, b)
        } else {
            (c, b, a)
        }
    } else {
        return None;
    };
    if t.touching(i + 5) && matches!(t.kind(i + 5), Some(Kind::Digits | Kind::Word | Kind::Latin)) {
        return None;
    }
    valid(y, m, d).then(|| (PartialDate::ymd(Some(y), m, d), i + 5))
}

/// A date found from byte `start` up to token `next`.
fn dated(
    t: &Tokens,
    start: usize,
    date: PartialDate,
    hijri: Option<PartialDate>,
    next: usize,
) -> (Found, usize) {
    let found = Found::new(
        start,
        t.toks[next - 1].end,
        NumberKind::Date,
        Value::Date { date, hijri },
        None,
    );
    (found, next)
}

/// The date or time that starts at token `i`, if any.
pub(crate) fn date_or_time_at(
    t: &Tokens,
    i: usize,
    reference: Option<Date>,
) -> Option<(Found, usize)> {
    let start = t.toks[i].start;
    if let Some((start, v, next)) = time_at(t, i) {
        let found = Found::new(
            start,
            t.toks[next - 1].end,
            NumberKind::Time,
            Value::Time(v),
            None,
        );
        return Some((found, next));
    }
    let numeric = numeric_date(t, i, reference)
        .or_else(|| week_of_month(t, i, reference))
        .or_else(|| nth_weekday(t, i, reference));
    if let Some((v, next)) = numeric {
        return Some(dated(t, start, v, None, next));
    }
    weekday_then_date(t, i, reference)
        .or_else(|| day_then_month(t, i, reference))
        .or_else(|| named_date(t, i, reference))
}

/// A weekday before a date at `i`: الاثنين 18 شباط, يوم الجمعة، 15 شباط, يوم السبت 21/09,
/// الاثنين، يناير الثاني والعشرين، 2018, السبت السادس عشر (a day of the reference month).
fn weekday_then_date(t: &Tokens, i: usize, reference: Option<Date>) -> Option<(Found, usize)> {
    let start = t.toks[i].start;
    let k = if t.is(i, "يوم") && weekday_at(t, i + 1).is_some() {
        i + 1
    } else {
        i
    };
    let wd = weekday_at(t, k)?;
    let mut d = k + 1;
    while d < k + 4 && t.joined(d) && matches!(t.norm(d), "،" | "," | "الموافق" | "في" | "-")
    {
        d += 1;
    }
    if !t.joined(d) {
        return None;
    }
    if let Some((v, next)) = numeric_date(t, d, reference) {
        return Some(dated(t, start, v, None, next));
    }
    if let Some((_, v, hijri, next)) = month_phrase(t, d, reference).filter(|m| m.1.has_day()) {
        return Some(dated(t, start, v, hijri, next));
    }
    let word_day = t.kind(d) == Some(Kind::Word);
    let other_day = |v| if word_day { nth_if_other_day(v, wd) } else { v };
    if let Some((v, hijri, next)) = day_month(t, d, reference) {
        return Some(dated(t, start, other_day(v), hijri, next));
    }
    let (v, next) = reference.and_then(|r| day_of_month(t, d, r, false))?;
    Some(dated(t, start, other_day(v), None, next))
}

/// A day before a month at `i` (يوم 5 مايو, يوم الخامس من مايو, 27 مايو, الرابع من نيسان),
/// or a day of the reference month (يوم 27, 20 من الشهر القادم, العشرين من الشهر الجاري).
/// The mention starts at the day, after يوم.
fn day_then_month(t: &Tokens, i: usize, reference: Option<Date>) -> Option<(Found, usize)> {
    let day_start = |k: usize| {
        ordinal_at(t, k)
            .filter(|_| t.kind(k) == Some(Kind::Word))
            .map_or(t.toks[k].start, |o| o.1)
    };
    if stem_at(t, i) == "يوم" && t.joined(i + 1) {
        if let Some((v, hijri, next)) = day_month(t, i + 1, reference) {
            return Some(dated(t, day_start(i + 1), v, hijri, next));
        }
    }
    if let Some(r) = reference {
        let found = if stem_at(t, i) == "يوم" && t.kind(i + 1) == Some(Kind::Digits) {
            day_of_month(t, i + 1, r, false)
        } else {
            let ordinal = t.kind(i) == Some(Kind::Word) && t.splits(i).any(|s| s.clitics.article);
            day_of_month(t, i, r, true).filter(|_| t.kind(i) == Some(Kind::Digits) || ordinal)
        };
        if let Some((v, next)) = found {
            return Some(dated(t, t.toks[i].start, v, None, next));
        }
    }
    if matches!(t.kind(i), Some(Kind::Word | Kind::Digits)) {
        if let Some((v, hijri, next)) = day_month(t, i, reference) {
            return Some(dated(t, day_start(i), v, hijri, next));
        }
    }
    None
}

/// A holiday, a month, a year, or a day relative to the reference at `i`.
fn named_date(t: &Tokens, i: usize, reference: Option<Date>) -> Option<(Found, usize)> {
    let start = t.toks[i].start;
    if let Some((start, rule, next)) = holiday_at(t, i) {
        let (year, next) = year_after(t, next).map_or((None, next), |(y, n)| (Some(y), n));
        if let Some((day, hijri)) = holiday_day(rule, year, reference) {
            return Some(dated(t, start, PartialDate::of_days(day), hijri, next));
        }
    }
    if let Some((start, v, hijri, next)) = month_phrase(t, i, reference) {
        return Some(dated(t, start, v, hijri, next));
    }
    if let Some((start, y, next)) = year_phrase(t, i) {
        if hijri_era_before(t, next) {
            // A Hijri year alone: the Gregorian year it starts in, and its Hijri form.
            let (gy, _, _) = hijri_to_gregorian(y, 1, 1);
            let hijri = Some(PartialDate::year(y));
            return Some(dated(t, start, PartialDate::year(gy), hijri, next));
        }
        return Some(dated(t, start, PartialDate::year(y), None, next));
    }
    if let Some((y, next)) = cued_year(t, i) {
        return Some(dated(t, start, PartialDate::year(y), None, next));
    }
    if let Some((v, next)) = reference.and_then(|r| cued_day(t, i, r)) {
        return Some(dated(t, start, v, None, next));
    }
    // Without a reference a relative date has no value; its span is the same whatever the
    // reference.
    let any = Date {
        year: 2000,
        month: 1,
        day: 1,
    };
    let (v, next) = relative_day(t, i, reference.unwrap_or(any))?;
    let value = if reference.is_some() {
        Value::date(v)
    } else {
        Value::Unresolved
    };
    let end = t.toks[next - 1].end;
    Some((Found::new(start, end, NumberKind::Date, value, None), next))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::numbers::mention::NumberValue;

    fn first(text: &str, r: Option<Date>) -> Option<(String, String)> {
        let t = Tokens::new(text);
        (0..t.len())
            .find_map(|i| date_or_time_at(&t, i, r))
            .map(|(m, _)| {
                let m = m.into_mention(0, None);
                let v = match m.value {
                    NumberValue::Text(v) => v,
                    v => format!("{v:?}"),
                };
                (text[m.start..m.end].to_string(), v)
            })
    }

    #[test]
    fn holidays_resolve() {
        let r = Some(Date {
            year: 2013,
            month: 2,
            day: 12,
        });
        let on = |text: &str, r| first(text, r).map(|d| d.1);
        let day = |s: &str| Some(s.to_string());
        assert_eq!(on("عيد الفطر", r), day("2013-08-08"));
        assert_eq!(on("بعيد الأضحى 2013", None), day("2013-10-15"));
        assert_eq!(on("عيد الفصح 2013", None), day("2013-03-31"));
        assert_eq!(on("يوم عيد الميلاد", r), day("2013-12-25"));
        assert_eq!(on("عيد الميلاد 2020", None), day("2020-12-25"));
        assert_eq!(on("عيد الفطر", None), None);
        assert_eq!(on("عيد الشكر 2010", None), day("2010-11-25"));
        assert_eq!(on("يوم الشكر", r), day("2013-11-28"));
        assert_eq!(on("ليلة رأس السنة الجديدة", r), day("2013-12-31"));
        assert_eq!(on("رأس السنة الجديدة", r), day("2014-01-01"));
        assert_eq!(on("الشكر لله", r), None);
        assert_eq!(on("عيد ميلاد سعيد", r), None);
    }

    #[test]
    fn dates() {
        let r = Some(Date {
            year: 2013,
            month: 2,
            day: 12,
        });
        assert_eq!(first("في 27 مايو/آيار 2017", None).unwrap().1, "2017-05-27");
        assert_eq!(first("في 27 مايو", None).unwrap().1, "XXXX-05-27");
        assert_eq!(
            first("كانون الثاني / يناير 2020", None).unwrap().1,
            "2020-01"
        );
        assert_eq!(first("الرابع من نيسان", r).unwrap().1, "2013-04-04");
        assert_eq!(
            first("منذ عام 2014", None).unwrap(),
            ("عام 2014".to_string(), "2014".to_string())
        );
        assert_eq!(first("2023-03-12", None).unwrap().1, "2023-03-12");
        assert_eq!(first("12/03/2023", None).unwrap().1, "2023-03-12");
        assert_eq!(first("أمس", r).unwrap().1, "2013-02-11");
        // a relative day and its weekday are one date (the reference is a Tuesday)
        for (text, span, day) in [
            ("قال أمس الاثنين إن", "أمس الاثنين", "2013-02-11"),
            ("اليوم الثلاثاء", "اليوم الثلاثاء", "2013-02-12"),
            ("غدا الأربعاء", "غدا الأربعاء", "2013-02-13"),
        ] {
            assert_eq!(first(text, r).unwrap(), (span.to_string(), day.to_string()));
        }
        assert_eq!(first("الاثنين الماضي", r).unwrap().1, "2013-02-11");
        assert_eq!(first("الاثنين", None).unwrap().1, "Unknown");
        let may = Some(Date {
            year: 2024,
            month: 3,
            day: 1,
        });
        assert_eq!(
            first("وصل يوم 5 مايو", may).unwrap(),
            ("5 مايو".to_string(), "2024-05-05".to_string())
        );
        assert_eq!(first("يوم 5 مايو", None).unwrap().1, "XXXX-05-05");
        assert_eq!(
            first("الاثنين، يناير الثاني والعشرين، 2018", r).unwrap(),
            (
                "الاثنين، يناير الثاني والعشرين، 2018".to_string(),
                "2018-01-22".to_string()
            )
        );
        assert_eq!(
            first("اول اسبوع بشهر اكتوبر 2014", r).unwrap().1,
            "2014-10-06"
        );
        assert_eq!(
            first("الاسبوع الاول من شهر عشرة 2014", r).unwrap().1,
            "2014-10-06"
        );
        assert_eq!(
            first("اخر اسبوع في سبتمبر لعام 2014", r).unwrap().1,
            "2014-09-22"
        );
        assert!(first("الأسبوع الأول من الحرب", r).is_none());
        assert_eq!(first("اليوم الذي بعد الغد", r).unwrap().1, "2013-02-14");
        assert_eq!(first("اليوم القبل البارحة", r).unwrap().1, "2013-02-10");
        assert_eq!(first("اليوم الثالث من اكتوبر", r).unwrap().1, "2013-10-03");
        assert_eq!(first("في اواخر اذار", r).unwrap().1, "2013-03-21");
        assert_eq!(
            first("الأسبوع المقبل يوم الجمعة", r).unwrap().1,
            "2013-02-22"
        );
        // 3 September 2014 was a Wednesday: the third Tuesday.
        assert_eq!(
            first("الثلاثاء الثالث من شهر ايلول من عام 2014", None)
                .unwrap()
                .1,
            "2014-09-16"
        );
        assert_eq!(
            first("الأربعاء الثالث من أيلول 2014", None).unwrap().1,
            "2014-09-03"
        );
        assert!(first("15 رمضان 1445 هـ", None)
            .unwrap()
            .1
            .starts_with("2024-03"));
    }

    #[test]
    fn times_in_ranges() {
        let t = |text: &str| find_numbers_values(text);
        assert_eq!(t("بين الخامسة والسادسة مساءً"), ["17:00", "18:00"]);
        assert_eq!(t("الثالثة إلا 20 دقيقة مساء"), ["14:40"]);
        assert_eq!(t("الثالثة إلا 20 دقيقة"), ["02:40"]);
        assert_eq!(t("سأعود في الحادية عشرة."), ["11:00"]);
        assert_eq!(t("نلتقي عند الثامنة غدا"), ["08:00", "Unknown"]);
        assert_eq!(t("حل في الثالثة عالميا"), ["Int(3)"]);
        assert_eq!(t("من اثنين إلى خمسة مساء"), ["14:00", "17:00"]);
        assert_eq!(t("قتل خمسة أشخاص"), ["Int(5)"]);
    }

    fn find_numbers_values(text: &str) -> Vec<String> {
        crate::numbers::find_numbers(text, &Default::default())
            .into_iter()
            .map(|m| match m.value {
                NumberValue::Text(v) => v,
                v => format!("{v:?}"),
            })
            .collect()
    }

    #[test]
    fn times() {
        assert_eq!(first("عند 23:29", None).unwrap().1, "23:29");
        assert_eq!(first("05:21:51", None).unwrap().1, "05:21:51");
        assert_eq!(first("الساعة العاشرة صباحا", None).unwrap().1, "10:00");
        assert_eq!(first("الثالثة والنصف عصرا", None).unwrap().1, "15:30");
        assert_eq!(first("الساعة 10 مساء", None).unwrap().1, "22:00");
        assert_eq!(
            first("الساعة 12 الا ربع قبل الظهر", None).unwrap().1,
            "11:45"
        );
    }
}
