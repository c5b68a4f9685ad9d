//! Dates and times: month names of every system (يناير, كانون الثاني, جانفي, شتنبر, رمضان),
//! numeric dates, years, relative days and weekdays, and clock times.

use super::grammar::{parse_number, Phrase};
use super::lexicon::{Class, Month, LEXICON};
use super::tokenize::{Kind, Tokens};
use super::{mention, Date, NumberKind, NumberMention, NumberValue};

/// Days from 0000-03-01 of a proleptic Gregorian date (for day arithmetic).
pub(crate) fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe
}

/// The inverse of [`days_from_civil`].
pub(crate) fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Converts a date of the tabular Islamic calendar (civil epoch) to Gregorian.
pub(crate) fn hijri_to_gregorian(y: i64, m: i64, d: i64) -> (i64, i64, i64) {
    // Julian day number of the Hijri date, then days since 0000-03-01 (JDN 1721120).
    let jdn = (11 * y + 3) / 30 + 354 * y + 30 * m - (m - 1) / 2 + d + 1948440 - 385;
    civil_from_days(jdn - 1721120)
}

fn iso(y: Option<i64>, m: i64, d: Option<i64>) -> String {
    let y = y.map_or("XXXX".to_string(), |y| format!("{y:04}"));
    match d {
        Some(d) => format!("{y}-{m:02}-{d:02}"),
        None => format!("{y}-{m:02}"),
    }
}

fn date_of_days(z: i64) -> String {
    let (y, m, d) = civil_from_days(z);
    iso(Some(y), m, Some(d))
}

fn ref_days(r: Date) -> i64 {
    days_from_civil(i64::from(r.year), i64::from(r.month), i64::from(r.day))
}

/// A small whole number written in digits at token `i` (at most `len` digits).
fn small_digits(t: &Tokens, i: usize, len: usize) -> Option<i64> {
    (t.kind(i) == Some(Kind::Digits) && t.norm(i).len() <= len).then(|| t.norm(i).parse().ok())?
}

/// A year in digits at token `i`: four digits from 1000 to 2999.
fn year_at(t: &Tokens, i: usize) -> Option<i64> {
    (t.kind(i) == Some(Kind::Digits) && t.norm(i).len() == 4)
        .then(|| t.norm(i).parse().ok())
        .flatten()
        .filter(|y| (1000..3000).contains(y))
}

/// The month named at token `i` (after a ب/ل/ف/و clitic or none) and the index after it.
fn month_at(t: &Tokens, i: usize) -> Option<(Month, usize, usize)> {
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
    )
}

/// A month at `i`: a name, or شهر + a number from 1 to 12 (شهر 3, شهر عشرة).
fn month_or_number(t: &Tokens, i: usize) -> Option<(Month, usize)> {
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

/// A year after a month at `j` (2017, ، 2017, عام 2017, 1445 هـ) and the index after it.
pub(crate) fn year_after(t: &Tokens, j: usize) -> Option<(i64, usize)> {
    let mut k = j;
    if !t.joined(k) {
        return None;
    }
    if t.is(k, "،") || t.is(k, ",") {
        k += 1;
    }
    if matches!(
        t.norm(k),
        "عام" | "سنه" | "لعام" | "لسنه" | "بعام" | "بسنه" | "من" | "في"
    ) && t.joined(k + 1)
    {
        k += 1;
        if matches!(t.norm(k), "عام" | "سنه") {
            k += 1;
        }
    }
    if let Some(y) = year_at(t, k).filter(|_| t.joined(k)) {
        return Some((y, era_marker(t, k + 1)));
    }
    // فبراير ألفين وثمانية عشر: a year spelled out.
    let p = parse_number(t, k).filter(|_| t.joined(k) && t.kind(k) == Some(Kind::Word))?;
    let words = (k..p.next).all(|j| t.kind(j) == Some(Kind::Word));
    (words && !p.fraction && p.value.fract() == 0.0 && (1000.0..=2100.0).contains(&p.value))
        .then(|| (p.value as i64, era_marker(t, p.next)))
}

/// Skips an era marker after a year: م, هـ, ميلادي, هجري.
fn era_marker(t: &Tokens, k: usize) -> usize {
    if t.joined(k) && matches!(t.norm(k), "م" | "ه" | "ميلادي" | "ميلاديه" | "هجري" | "هجريه")
    {
        k + 1
    } else {
        k
    }
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
    let (v, _, next) = super::ordinals::ordinal_at(t, i)?;
    (1..=31).contains(&v).then_some((v, next))
}

/// A day and month at `i` (27 مايو, الرابع من نيسان, 15 رمضان 1445 هـ), with a year if one
/// follows.
fn day_month(
    t: &Tokens,
    i: usize,
    reference: Option<Date>,
) -> Option<(String, Option<String>, usize)> {
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
            iso(Some(gy), gm, Some(gd)),
            Some(format!("islamic:{}", iso(Some(y), mm, Some(dd)))),
            next,
        ));
    }
    let y = year.map(|y| y.0).or(reference.map(|r| i64::from(r.year)));
    if dd > days_in_month(y.unwrap_or(2000), mm) {
        return None;
    }
    Some((iso(y, mm, Some(dd)), None, next))
}

/// A day of the reference month, or of the month named after it (20 من الشهر القادم), at
/// `i`. With `needs_month`, the month phrase must be there.
fn day_of_month(t: &Tokens, i: usize, r: Date, needs_month: bool) -> Option<(String, usize)> {
    let (day, mut next) = day_at(t, i)?;
    if t.kind(i) == Some(Kind::Digits) && t.joined(next) && t.kind(next) == Some(Kind::Digits) {
        return None;
    }
    let mut off = 0;
    // 20 من الشهر المقبل, 22 هذا الشهر, 23 في الشهر المقبل
    let of = usize::from(matches!(stem_at(t, next), "من" | "في"));
    let named = relative_period(t, next + of).is_some_and(|p| p.0 == 'm');
    if named {
        let (_, o, n) = relative_period(t, next + of)?;
        off = o;
        next = n;
    } else if needs_month {
        return None;
    }
    let k = i64::from(r.year) * 12 + i64::from(r.month) - 1 + off;
    let (y, m) = (k.div_euclid(12), k.rem_euclid(12) + 1);
    (day <= days_in_month(y, m)).then(|| (iso(Some(y), m, Some(day)), next))
}

/// A numeric date at `i`: 2023-03-12, 12/03/2023, 12.03.2023, 2/2013, 21/09.
fn numeric_date(t: &Tokens, i: usize, reference: Option<Date>) -> Option<(String, usize)> {
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
    let valid =
        |y: i64, m: i64, d: i64| (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m);
    if let Some(c) = third {
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
        if t.touching(i + 5)
            && matches!(t.kind(i + 5), Some(Kind::Digits | Kind::Word | Kind::Latin))
        {
            return None;
        }
        return valid(y, m, d).then(|| (iso(Some(y), m, Some(d)), i + 5));
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
        return plausible.then(|| (iso(Some(y), b, None), i + 3));
    }
    if a.len() <= 2 && b_len == 4 && matches!(sep, "/" | "-") {
        // 2/2013, 3-2015
        let m: i64 = a.parse().ok()?;
        let plausible = (1..=12).contains(&m) && (1900..=2100).contains(&b);
        return plausible.then(|| (iso(Some(b), m, None), i + 3));
    }
    if a.len() <= 2 && b_len <= 2 && sep == "/" {
        // 21/09: a day and month only when the day cannot be a numerator (d > m)
        let d: i64 = a.parse().ok()?;
        let y = reference.map(|r| i64::from(r.year));
        if d > b && valid(y.unwrap_or(2000), b, d) {
            return Some((iso(y, b, Some(d)), i + 3));
        }
        // 4/22: month first when the second part cannot be a month.
        if b > 12 && valid(y.unwrap_or(2000), d, b) {
            return Some((iso(y, d, Some(b)), i + 3));
        }
    }
    None
}

const WEEKDAYS: &[(&str, i64)] = &[
    ("الاثنين", 0),
    ("اثنين", 0),
    ("الثلاثاء", 1),
    ("ثلاثاء", 1),
    ("الثلاثا", 1),
    ("الاربعاء", 2),
    ("اربعاء", 2),
    ("الاربعا", 2),
    ("الخميس", 3),
    ("خميس", 3),
    ("الجمعه", 4),
    ("جمعه", 4),
    ("السبت", 5),
    ("سبت", 5),
    ("الاحد", 6),
    ("احد", 6),
];

/// The weekday named at `i` (Monday = 0); not أحد/اثنين in a number (الأحد عشر).
pub(crate) fn weekday_at(t: &Tokens, i: usize) -> Option<i64> {
    let w = t.norm(i);
    if t.joined(i + 1) && matches!(t.norm(i + 1), "عشر" | "عشره") {
        return None;
    }
    WEEKDAYS.iter().find(|(n, _)| *n == w).map(|(_, d)| *d)
}

/// The stem of word `i` after a ب/ل/ف/و clitic (بالأمس → الامس), or "" past the line.
fn stem_at<'a>(t: &'a Tokens, i: usize) -> &'a str {
    if i > 0 && !t.joined(i) || t.kind(i) != Some(Kind::Word) {
        return "";
    }
    let w = t.norm(i);
    for p in ["و", "ف", "ب", "ل"] {
        if let Some(rest) = w.strip_prefix(p) {
            if rest.starts_with("ال") || matches!(rest, "امس" | "غد" | "عام" | "سنه") {
                return rest;
            }
        }
    }
    w
}

/// Days from the reference to the Monday of its week.
fn monday(today: i64) -> i64 {
    // 0000-03-01 was a Wednesday; Monday = 0.
    today - (today + 2).rem_euclid(7)
}

/// A relative week, month or year at `i` (الأسبوع الماضي, الشهر المقبل, العام الحالي, هذه
/// السنة): the unit letter (w, m, y), the offset and the index after it.
fn relative_period(t: &Tokens, i: usize) -> Option<(char, i64, usize)> {
    let unit = |w: &str| match w {
        "الاسبوع" => Some('w'),
        "الشهر" => Some('m'),
        "السنه" | "العام" => Some('y'),
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
fn relative_day(t: &Tokens, i: usize, r: Date) -> Option<(String, usize)> {
    let today = ref_days(r);
    let w = stem_at(t, i);
    let rest = |k: usize| stem_at(t, k);
    if let Some((u, off, next)) = relative_period(t, i) {
        let (y, m) = (i64::from(r.year), i64::from(r.month));
        return Some(match u {
            'w' => {
                // الأسبوع القادم الأحد, الأسبوع المقبل يوم الجمعة
                let k = if rest(next) == "يوم" {
                    next + 1
                } else {
                    next
                };
                match weekday_at(t, k).filter(|_| t.joined(k) && k > i) {
                    Some(wd) => (date_of_days(monday(today) + 7 * off + wd), k + 1),
                    None => (date_of_days(monday(today) + 7 * off), next),
                }
            }
            'm' => {
                let k = y * 12 + (m - 1) + off;
                (
                    iso(Some(k.div_euclid(12)), k.rem_euclid(12) + 1, None),
                    next,
                )
            }
            _ => (format!("{:04}", y + off), next),
        });
    }
    let (offset, next) = match w {
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
        "اليوم" if t.joined(i + 1) && super::ordinals::ordinal_at(t, i + 1).is_some() => {
            return None
        }
        "اليوم" => (0, i + 1),
        "هذا" if rest(i + 1) == "اليوم" => (0, i + 2),
        "امس" | "البارحه" | "الامس" | "امبارح" => (-1, i + 1),
        "غدا" | "بكره" | "بكرا" | "الغد" => (1, i + 1),
        "اول" if rest(i + 1) == "امس" => (-2, i + 2),
        "اول" if rest(i + 1) == "من" && rest(i + 2) == "امس" => (-2, i + 3),
        "يوم" if rest(i + 1) == "غد" => (1, i + 2),
        "بعد" if matches!(rest(i + 1), "غد" | "الغد" | "بكره") => (2, i + 2),
        "يوم" if rest(i + 1) == "بعد" && matches!(rest(i + 2), "غد" | "الغد") => {
            (2, i + 3)
        }
        "قبل" if rest(i + 1) == "امس" => (-2, i + 2),
        "قبل" if rest(i + 1) == "يوم" && rest(i + 2) == "امس" => (-2, i + 3),
        "يوم" if rest(i + 1) == "قبل" && rest(i + 2) == "امس" => (-2, i + 3),
        _ => {
            let (k, wd) = match w {
                "يوم" | "هذا" => (i + 1, weekday_at(t, i + 1)?),
                _ => (i, weekday_at(t, i)?),
            };
            let cur = today - monday(today);
            // A weekday in a named week: الاثنين من هذا الأسبوع, أحد الأسبوع الماضي.
            let j = if rest(k + 1) == "من" { k + 2 } else { k + 1 };
            if let Some(('w', off, next)) = relative_period(t, j) {
                return Some((date_of_days(monday(today) + 7 * off + wd), next));
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
                    let used = usize::from(matches!(n, "القادم" | "المقبل" | "التالي"));
                    (if fwd == 0 { 7 } else { fwd }, k + 1 + used)
                }
            };
            return Some((date_of_days(today + off), next));
        }
    };
    // أمس الأربعاء, اليوم الخميس, غدا الجمعة: the weekday names the same day (news gives
    // both), so it belongs to this mention rather than standing for the next such weekday.
    let next = match weekday_at(t, next) {
        Some(_) if t.joined(next) && t.norm(next).starts_with("ال") => next + 1,
        _ => next,
    };
    Some((date_of_days(today + offset), next))
}

/// An hour written as a word: الثالثة, ثلاثة, الحادية عشرة, الثانية عشر.
fn hour_word(t: &Tokens, i: usize) -> Option<(i64, usize)> {
    if t.kind(i) != Some(Kind::Word) {
        return None;
    }
    let split = t.splits(i).find(|s| {
        LEXICON.words.get(s.stem).is_some_and(|ws| {
            ws.iter()
                .any(|w| matches!(w.class, Class::Unit | Class::Teen10 | Class::Ord))
        })
    })?;
    let ws = LEXICON.words.get(split.stem)?;
    let w = ws.iter().find(|w| w.class == Class::Ord).or_else(|| {
        ws.iter()
            .find(|w| matches!(w.class, Class::Unit | Class::Teen10))
    })?;
    let mut v = w.value as i64;
    let mut next = i + 1;
    if v < 3
        && t.joined(next)
        && LEXICON
            .words
            .get(t.norm(next))
            .is_some_and(|ws| ws.iter().any(|w| w.class == Class::Teen10))
    {
        v += 10;
        next += 1;
    }
    (1..=12).contains(&v).then_some((v, next))
}

/// Minutes after an hour: و + النصف / الربع / الثلث / a number [دقيقة], or إلا ربع / ثلث.
fn minutes_after(t: &Tokens, j: usize) -> Option<(i64, usize)> {
    if !t.joined(j) {
        return None;
    }
    let w = t.norm(j);
    let strip = clock_fraction_minutes;
    if w == "الا" && t.joined(j + 1) {
        let m = strip(t.norm(j + 1));
        if m > 0 {
            return Some((-m, j + 2));
        }
        // الثالثة إلا 20 دقيقة
        let p = parse_number(t, j + 1).filter(|p| p.value.fract() == 0.0)?;
        let unit = matches!(t.norm(p.next), "دقيقه" | "دقائق") && t.joined(p.next);
        return (unit && (1.0..60.0).contains(&p.value)).then_some((-(p.value as i64), p.next + 1));
    }
    let (stem, k) = if w == "و" {
        (t.norm(j + 1), j + 1)
    } else {
        (w.strip_prefix('و')?, j)
    };
    let m = strip(stem);
    if m > 0 {
        return Some((m, k + 1));
    }
    let p: Phrase = parse_number(t, k)?;
    if p.value.fract() != 0.0 || !(0.0..60.0).contains(&p.value) {
        return None;
    }
    let next = if matches!(t.norm(p.next), "دقيقه" | "دقائق") && t.joined(p.next) {
        p.next + 1
    } else {
        p.next
    };
    Some((p.value as i64, next))
}

/// The minutes a fraction word stands for after an hour (النصف 30, ربعا 15, والثلث 20), or
/// -1.
fn clock_fraction_minutes(s: &str) -> i64 {
    let s = s.strip_prefix('و').unwrap_or(s);
    let s = s.strip_prefix("ال").unwrap_or(s);
    match s.strip_suffix('ا').unwrap_or(s) {
        "نصف" | "نص" => 30,
        "ربع" => 15,
        "ثلث" => 20,
        _ => -1,
    }
}

/// A part of the day after a time, and whether it is after noon.
fn period_after(t: &Tokens, j: usize) -> Option<(bool, usize)> {
    if !t.joined(j) {
        return None;
    }
    period_at(t, j)
}

/// A part of the day at `j` (صباحا, بعد الظهر, في الليل …), and whether it is after noon.
fn period_at(t: &Tokens, j: usize) -> Option<(bool, usize)> {
    let w = t.norm(j);
    let two = if t.joined(j + 1) { t.norm(j + 1) } else { "" };
    match (w, two) {
        ("قبل", "الظهر") | ("هذا", "الصباح") | ("في", "الصباح" | "الصبح") => {
            Some((false, j + 2))
        }
        ("في", "الليل" | "المساء") => Some((true, j + 2)),
        ("بعد", "الظهر" | "العصر" | "المغرب" | "العشاء")
        | ("قبل", "المغرب")
        | ("هذه", "الليله") => Some((true, j + 2)),
        ("صباحا" | "صباح" | "الصباح" | "الصبح" | "صبحا" | "فجرا" | "الفجر" | "ص", _) => {
            Some((false, j + 1))
        }
        (
            "مساء" | "مساءا" | "المساء" | "عصرا" | "العصر" | "ظهرا" | "الظهر" | "ليلا" | "الليل"
            | "العشاء" | "م",
            _,
        ) => Some((true, j + 1)),
        _ => None,
    }
}

fn clock(h: i64, m: i64, s: Option<i64>, pm: Option<bool>) -> Option<String> {
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
    Some(match s {
        Some(s) => format!("{h:02}:{m:02}:{s:02}"),
        None => format!("{h:02}:{m:02}"),
    })
}

/// A clock time at `i`, with a part of the day before it (بعد الظهر 7:00, مساء 7) or not.
fn time_at(t: &Tokens, i: usize) -> Option<(usize, String, usize)> {
    if t.kind(i) == Some(Kind::Word) && t.norm(i).chars().nth(1).is_some() {
        if let Some((pm, k)) = period_after(t, i)
            .or_else(|| (i == 0 || !t.joined(i)).then(|| period_at(t, i)).flatten())
        {
            let bare_hour = small_digits(t, k, 2)
                .filter(|h| {
                    let glued = t.touching(k + 1)
                        && (t.kind(k + 1) != Some(Kind::Punct)
                            || t.touching(k + 2) && t.kind(k + 2) == Some(Kind::Digits));
                    (1..=12).contains(h) && t.joined(k) && !glued
                })
                .map(|h| (0, format!("{h:02}:00"), k + 1));
            if let Some((_, v, next)) = clock_time(t, k).filter(|_| t.joined(k)).or(bare_hour) {
                let h: u32 = v.get(..2).and_then(|h| h.parse().ok()).unwrap_or(0);
                let v = if pm && h < 12 {
                    format!("{:02}{}", h + 12, &v[2..])
                } else {
                    v
                };
                return Some((t.toks[i].start, v, next));
            }
        }
    }
    clock_time(t, i)
}

/// A clock time at `i`: 23:29, 05:21:51, الساعة العاشرة صباحا, الساعة 10 مساء, السابعة مساء,
/// منتصف الليل, الظهيرة.
fn clock_time(t: &Tokens, i: usize) -> Option<(usize, String, usize)> {
    let start = t.toks.get(i)?.start;
    let w = stem_at(t, i);
    if w == "منتصف" {
        let k = if t.touching(i + 1) && t.is(i + 1, "-") {
            i + 2
        } else {
            i + 1
        };
        let v = match stem_at(t, k) {
            "الليل" => "00:00",
            "النهار" | "الظهر" => "12:00",
            _ => return None,
        };
        return Some((start, v.to_string(), k + 1));
    }
    if w == "الظهيره" {
        return Some((start, "12:00".to_string(), i + 1));
    }
    // HH:MM(:SS)
    if let Some(h) = small_digits(t, i, 2) {
        if t.touching(i + 1) && t.is(i + 1, ":") && t.touching(i + 2) && t.norm(i + 2).len() == 2 {
            let m = small_digits(t, i + 2, 2)?;
            let (s, next) = if t.touching(i + 3)
                && t.is(i + 3, ":")
                && t.touching(i + 4)
                && t.norm(i + 4).len() == 2
            {
                (Some(small_digits(t, i + 4, 2)?).filter(|s| *s < 60), i + 5)
            } else {
                (None, i + 3)
            };
            let (pm, next) = period_after(t, next).map_or((None, next), |(p, n)| (Some(p), n));
            return clock(h, m, s, pm).map(|c| (start, c, next));
        }
        // 7 مساء, 8 والنصف مساء
        let (m, k) = minutes_after(t, i + 1).unwrap_or((0, i + 1));
        if let Some((pm, next)) = period_after(t, k).filter(|_| (1..=12).contains(&h)) {
            if t.norm(k) != "م" {
                return clock(h, m, None, Some(pm)).map(|c| (start, c, next));
            }
        }
        return None;
    }
    // 1140 صباحا, 340 مساء
    if t.kind(i) == Some(Kind::Digits) && matches!(t.norm(i).len(), 3 | 4) {
        let v: i64 = t.norm(i).parse().ok()?;
        let (h, m) = (v / 100, v % 100);
        let (pm, next) = period_after(t, i + 1).filter(|_| t.norm(i + 1) != "م")?;
        if !(1..=12).contains(&h) || m >= 60 {
            return None;
        }
        return clock(h, m, None, Some(pm)).map(|c| (start, c, next));
    }
    let (clock_word, k) = match t
        .splits(i)
        .find(|s| s.stem == "الساعه" || s.stem == "ساعه" && s.clitics.article)
    {
        Some(_) if t.joined(i + 1) => (true, i + 1),
        _ => (false, i),
    };
    let start = if clock_word {
        let s = t
            .splits(i)
            .find(|s| s.stem == "الساعه" || s.clitics.article)
            .map_or(0, |s| s.clitics.lead());
        t.stem_start(i, s)
    } else {
        start
    };
    // والسادسة مساء (بين الخامسة والسادسة مساء): a و glued to the hour word stays out.
    let bare_hour = t.norm(k).strip_prefix('و').unwrap_or(t.norm(k));
    let wa = !clock_word && bare_hour.len() < t.norm(k).len() && bare_hour.starts_with("ال");
    let start = if wa { t.stem_start(k, 1) } else { start };
    let (h, m, s, next) = if let Some(h) = small_digits(t, k, 2).filter(|_| clock_word) {
        if t.touching(k + 1) && t.is(k + 1, ":") {
            let m = small_digits(t, k + 2, 2)?;
            (h, m, None, k + 3)
        } else {
            (h, 0, None, k + 1)
        }
    } else {
        let (h, next) = hour_word(t, k)?;
        // خمسة مساء: an hour word without ال needs the part of the day right after it.
        let period_next = period_after(t, next).is_some() && t.norm(next) != "م";
        if !clock_word && !bare_hour.starts_with("ال") && !period_next {
            return None;
        }
        (h, 0, None, next)
    };
    let (m, next) = if m == 0 {
        minutes_after(t, next).unwrap_or((0, next))
    } else {
        (m, next)
    };
    let period = period_after(t, next);
    // الثامنة والنصف: a feminine hour word with a half or a quarter is a time by itself.
    // ... and so is one with minutes before it: الثالثة إلا 20 دقيقة.
    let clock_fraction = bare_hour.starts_with("ال")
        && bare_hour.ends_with('ه')
        && (m < 0
            || m != 0
                && (next == k + 2 || next == k + 3)
                && clock_fraction_minutes(t.norm(next - 1)) > 0);
    // عند الثامنة, في السابعة at the end of a clause: a feminine hour word after a word of
    // time is a time.
    let clause_end = !t.joined(next) || t.kind(next) == Some(Kind::Punct);
    let cued_hour = bare_hour.starts_with("ال")
        && bare_hour.ends_with('ه')
        && k == i
        && i > 0
        && t.joined(i)
        && (t.is(i - 1, "عند") || t.is(i - 1, "في") && clause_end);
    if !clock_word && period.is_none() && !clock_fraction && !cued_hour {
        return None;
    }
    let (pm, next) = period.map_or((None, next), |(p, n)| (Some(p), n));
    clock(h, m, s, pm).map(|c| (start, c, next))
}

/// A year after عام / سنة / العام (عام 2014, لعام 1948) or before م / هـ.
fn year_phrase(t: &Tokens, i: usize) -> Option<(usize, String, usize)> {
    if t.kind(i) == Some(Kind::Digits) {
        let y = year_at(t, i)?;
        let next = era_marker(t, i + 1);
        return (next > i + 1).then(|| (t.toks[i].start, format!("{y:04}"), next));
    }
    let s = t
        .splits(i)
        .find(|s| matches!(s.stem, "عام" | "سنه" | "عامي"))?;
    if s.clitics.article
        && t.norm(i) != "العام"
        && t.norm(i) != "السنه"
        && !t.norm(i).ends_with("لعام")
    {
        return None;
    }
    let lead = s.clitics.lead();
    let Some(y) = year_at(t, i + 1).filter(|_| t.joined(i + 1)) else {
        // عام 247, عام ألفين وعشرين: a year of three digits, or one spelled out.
        let p = parse_number(t, i + 1).filter(|_| t.joined(i + 1))?;
        let digits = t.kind(i + 1) == Some(Kind::Digits);
        let whole = p.value.fract() == 0.0 && (100.0..=2100.0).contains(&p.value);
        let plain = !p.fraction
            && !p.glued
            && (if digits {
                p.next == i + 2 && t.norm(i + 1).len() == 3
            } else {
                (i + 1..p.next).all(|k| t.kind(k) == Some(Kind::Word))
            });
        if !whole || !plain || (t.touching(p.next) && t.kind(p.next) != Some(Kind::Punct)) {
            return None;
        }
        let y = p.value as i64;
        return Some((
            t.stem_start(i, lead),
            format!("{y:04}"),
            era_marker(t, p.next),
        ));
    };
    if t.touching(i + 2) && matches!(t.kind(i + 2), Some(Kind::Digits | Kind::Word)) {
        return None;
    }
    Some((
        t.stem_start(i, lead),
        format!("{y:04}"),
        era_marker(t, i + 2),
    ))
}

/// A bare year after a word that calls for a time (منذ 2011, حتى 2030, مطلع 2019), or after
/// في at the end of a clause (في 2017،).
fn cued_year(t: &Tokens, i: usize) -> Option<(String, usize)> {
    let y = year_at(t, i).filter(|y| (1900..=2100).contains(y) && i > 0 && t.joined(i))?;
    if t.touching(i + 1) && matches!(t.kind(i + 1), Some(Kind::Digits | Kind::Word | Kind::Latin)) {
        return None;
    }
    let strong = matches!(
        stem_at(t, i - 1),
        "منذ"
            | "حتي"
            | "مطلع"
            | "اواخر"
            | "اوائل"
            | "منتصف"
            | "نهايه"
            | "بدايه"
            | "اواسط"
    );
    let clause_end = !t.joined(i + 1) || t.kind(i + 1) == Some(Kind::Punct);
    (strong || (t.is(i - 1, "في") && clause_end)).then(|| (format!("{y:04}"), era_marker(t, i + 1)))
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
fn hijri_month(m: u32, reference: Option<Date>) -> Option<(String, String)> {
    let r = reference?;
    let today = ref_days(r);
    let m = i64::from(m);
    let guess = (i64::from(r.year) - 622) * 33 / 32;
    (guess - 1..=guess + 2).find_map(|h| {
        let (ny, nm) = if m == 12 { (h + 1, 1) } else { (h, m + 1) };
        let (ey, em, ed) = hijri_to_gregorian(ny, nm, 1);
        (days_from_civil(ey, em, ed) > today).then(|| {
            let (gy, gm, _) = hijri_to_gregorian(h, m, 1);
            (iso(Some(gy), gm, None), format!("islamic:{h:04}-{m:02}"))
        })
    })
}

/// A range of years in digits, 2014-2018 or 2014/2015 (later, within a century): the two
/// years, the token index of the second and the index after it. Such a run would otherwise
/// pass for a code of eight digits.
pub(crate) fn year_span(t: &Tokens, i: usize) -> Option<(i64, i64, usize, usize)> {
    let a = year_at(t, i).filter(|a| (1800..=2100).contains(a))?;
    if !(t.touching(i + 1) && matches!(t.norm(i + 1), "-" | "–" | "/") && t.touching(i + 2)) {
        return None;
    }
    let b = year_at(t, i + 2).filter(|b| *b > a && *b <= a + 100)?;
    // Not a longer run of groups (2014-2018-1234, a code).
    if t.touching(i + 3) && matches!(t.kind(i + 3), Some(Kind::Digits | Kind::Word | Kind::Latin))
        || t.touching(i + 3) && t.touching(i + 4) && t.kind(i + 4) == Some(Kind::Digits)
    {
        return None;
    }
    Some((a, b, i + 2, i + 3))
}

/// A bare day of the month after في at the end of a clause (سأعود في 15.): the day in the
/// reference month.
fn cued_day(t: &Tokens, i: usize, r: Date) -> Option<(String, usize)> {
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
    (after_fi && clause_end && d <= days_in_month(y, m)).then(|| (iso(Some(y), m, Some(d)), i + 1))
}

/// A month with a year (سبتمبر 2013), with a day after it (يناير 1), in the middle or at the
/// start of it (منتصف آذار, بداية شهر 3), or on its own (شباط), at `i`.
fn month_phrase(
    t: &Tokens,
    i: usize,
    reference: Option<Date>,
) -> Option<(usize, String, Option<String>, usize)> {
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
            let hijri = format!("islamic:{y:04}-{mm:02}");
            return Some((start, format!("{y:04}"), Some(hijri), next));
        }
        return Some((start, iso(Some(y), mm, day), None, next));
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
    let y = reference.map(|r| {
        if m.month >= r.month {
            i64::from(r.year)
        } else {
            i64::from(r.year) + 1
        }
    });
    // مايو الحادي عشر, يناير الأول, يناير الثاني والعشرين، 2018
    if day.is_none() && t.joined(j) && t.norm(j).starts_with("ال") {
        if let Some((d, _, next)) = super::ordinals::ordinal_at(t, j) {
            let (y, next) = year_after(t, next).map_or((y, next), |(y, n)| (Some(y), n));
            if (1..=days_in_month(y.unwrap_or(2000), mm)).contains(&d) {
                return Some((start, iso(y, mm, Some(d)), None, next));
            }
        }
    }
    // نوفمبر بين 15 و19, شهر نوفمبر من 4 إلى 22: the first day of a range in the month (the
    // second takes the month from it).
    if day.is_none() && t.joined(j) && matches!(t.norm(j), "بين" | "من") && t.joined(j + 1) {
        let days = |k: usize| {
            small_digits(t, k, 2).filter(|d| (1..=days_in_month(y.unwrap_or(2000), mm)).contains(d))
        };
        if let (Some(d), Some(_)) = (days(j + 1), days(j + 3)) {
            let link = t.joined(j + 2) && matches!(t.norm(j + 2), "و" | "الي" | "حتي" | "-");
            if link && t.joined(j + 3) {
                return Some((start, iso(y, mm, Some(d)), None, j + 2));
            }
        }
    }
    // يناير 1
    if day.is_none() && t.joined(j) && !(t.touching(j + 1) && t.kind(j + 1) == Some(Kind::Digits)) {
        if let Some(d) =
            small_digits(t, j, 2).filter(|d| (1..=days_in_month(y.unwrap_or(2000), mm)).contains(d))
        {
            return Some((start, iso(y, mm, Some(d)), None, j + 1));
        }
    }
    Some((start, iso(y, mm, day), None, j))
}

/// Turns a duration after قبل / بعد (قبل يومين, بعد 3 أسابيع من الآن) into the date it
/// points to from the reference. Returns the index after the mention, which may grow.
pub(crate) fn shift_date(
    t: &Tokens,
    i: usize,
    next: usize,
    m: &mut NumberMention,
    r: Date,
) -> usize {
    let sign = match stem_at(t, i - 1) {
        "قبل" => -1,
        "بعد" => 1,
        _ => return next,
    };
    let secs = match (m.kind, &m.value) {
        (NumberKind::Duration, NumberValue::Int(v)) if t.joined(i) => *v,
        _ => return next,
    };
    let (y, mo) = (i64::from(r.year), i64::from(r.month));
    let value = if secs % 31_536_000 == 0 {
        format!("{:04}", y + sign * secs / 31_536_000)
    } else if secs % 2_592_000 == 0 {
        let k = y * 12 + mo - 1 + sign * secs / 2_592_000;
        iso(Some(k.div_euclid(12)), k.rem_euclid(12) + 1, None)
    } else if secs % 86_400 == 0 {
        date_of_days(ref_days(r) + sign * secs / 86_400)
    } else {
        return next;
    };
    let next = if stem_at(t, next) == "من" && matches!(stem_at(t, next + 1), "الان" | "الان.")
    {
        next + 2
    } else {
        next
    };
    m.start = t.toks[i - 1].start;
    m.end = t.toks[next - 1].end;
    m.kind = NumberKind::Date;
    m.value = NumberValue::Text(value);
    m.unit = None;
    next
}

/// A month with its year at `j` (من شهر أيلول من عام 2014, بشهر عشرة سنة 2015, من الشهر
/// القادم, في سبتمبر): the year (the reference year when none is written), the month and
/// the index after it.
fn month_ref(t: &Tokens, j: usize, r: Option<Date>) -> Option<(i64, i64, usize)> {
    let j = if matches!(t.norm(j), "من" | "في") && t.joined(j + 1) {
        j + 1
    } else {
        j
    };
    if let Some(('m', off, next)) = relative_period(t, j) {
        let r = r?;
        let k = i64::from(r.year) * 12 + i64::from(r.month) - 1 + off;
        return Some((k.div_euclid(12), k.rem_euclid(12) + 1, next));
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
    if let Some(('y', off, after)) = relative_period(t, rel) {
        return Some((i64::from(r?.year) + off, i64::from(m.month), after));
    }
    Some((i64::from(r?.year), i64::from(m.month), next))
}

/// An nth or last weekday of a month (ثالث ثلاثاء في أيلول 2014, آخر اثنين من شهر آذار,
/// الاثنين الأخير من الشهر القادم) or the last day of one (آخر يوم بشهر عشرة سنة 2015).
fn nth_weekday(t: &Tokens, i: usize, r: Option<Date>) -> Option<(String, usize)> {
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
        (n, Some(wd)) => first + (wd - (first - monday(first))).rem_euclid(7) + 7 * (n - 1),
        _ => return None,
    };
    (date < first + len).then(|| (date_of_days(date), next))
}

/// A weekday with an ordinal (الثلاثاء الثالث من أيلول 2014) names a day of the month when
/// that day is the weekday (Tuesday 3 September), else the nth such weekday of the month
/// (the third Tuesday). `v` is the day-of-month reading, `wd` the weekday (Monday = 0).
fn nth_if_other_day(v: String, wd: i64) -> String {
    let parts = (v.get(..4), v.get(5..7), v.get(8..10));
    let (Some(y), Some(m), Some(n)) = parts else {
        return v;
    };
    let (Ok(y), Ok(m), Ok(n)) = (y.parse::<i64>(), m.parse::<i64>(), n.parse::<i64>()) else {
        return v;
    };
    let z = days_from_civil(y, m, n);
    if z - monday(z) == wd || n > 5 {
        return v;
    }
    let first = days_from_civil(y, m, 1);
    let nth = first + (wd - (first - monday(first))).rem_euclid(7) + 7 * (n - 1);
    if nth < first + days_in_month(y, m) {
        date_of_days(nth)
    } else {
        v
    }
}

/// A week of a month at `i` (أول أسبوع بشهر أكتوبر 2014, الأسبوع الأول من شهر عشرة, آخر
/// أسبوع في سبتمبر, الأسبوع الأخير من الشهر القادم), as the date of its Monday: the nth
/// Monday of the month, or the last one whose week ends in the month.
fn week_of_month(t: &Tokens, i: usize, r: Option<Date>) -> Option<(String, usize)> {
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
            (Some((_, y, next)), _) => (y.parse::<i64>().ok()?, next),
            (None, Some(('y', off, next))) => (i64::from(r?.year) + off, next),
            _ => return None,
        };
        if n == 0 {
            return None;
        }
        let week_one = monday(days_from_civil(y, 1, 4));
        return Some((date_of_days(week_one + 7 * (n - 1)), next));
    };
    let first = days_from_civil(y, m, 1);
    let last = first + days_in_month(y, m) - 1;
    let first_monday = first + (-(first - monday(first))).rem_euclid(7);
    let date = if n == 0 {
        monday(last - 6)
    } else {
        first_monday + 7 * (n - 1)
    };
    (date + 6 <= last).then(|| (date_of_days(date), next))
}

/// A weekday at `i` with or without ال (ثلاثاء, الاثنين, اربعا).
fn weekday_bare(t: &Tokens, i: usize) -> Option<i64> {
    if t.is(i, "اربعا") {
        return Some(2);
    }
    weekday_at(t, i)
}

/// The date or time that starts at token `i`, if any.
pub(crate) fn date_or_time_at(
    t: &Tokens,
    i: usize,
    reference: Option<Date>,
) -> Option<(NumberMention, usize)> {
    let date = |start: usize, v: String, unit: Option<String>, next: usize| {
        (
            mention(t, start, next, NumberKind::Date, NumberValue::Text(v), unit),
            next,
        )
    };
    if let Some((start, v, next)) = time_at(t, i) {
        return Some((
            mention(t, start, next, NumberKind::Time, NumberValue::Text(v), None),
            next,
        ));
    }
    if let Some((v, next)) = numeric_date(t, i, reference) {
        return Some(date(t.toks[i].start, v, None, next));
    }
    if let Some((v, next)) = week_of_month(t, i, reference) {
        return Some(date(t.toks[i].start, v, None, next));
    }
    if let Some((v, next)) = nth_weekday(t, i, reference) {
        return Some(date(t.toks[i].start, v, None, next));
    }
    // A weekday before a date: الاثنين 18 شباط, يوم الجمعة، 15 شباط.
    let mut k = i;
    if t.is(k, "يوم") && weekday_at(t, k + 1).is_some() {
        k += 1;
    }
    if weekday_at(t, k).is_some() {
        let mut d = k + 1;
        while d < k + 4 && t.joined(d) && matches!(t.norm(d), "،" | "," | "الموافق" | "في" | "-")
        {
            d += 1;
        }
        if t.joined(d) {
            // يوم السبت 21/09, الاثنين، يناير الثاني والعشرين، 2018
            if let Some((v, next)) = numeric_date(t, d, reference) {
                return Some(date(t.toks[i].start, v, None, next));
            }
            if let Some((_, v, unit, next)) =
                month_phrase(t, d, reference).filter(|m| m.1.len() == 10)
            {
                return Some(date(t.toks[i].start, v, unit, next));
            }
            let wd = weekday_at(t, k).unwrap_or(0);
            let word_day = t.kind(d) == Some(Kind::Word);
            if let Some((v, unit, next)) = day_month(t, d, reference) {
                let v = if word_day { nth_if_other_day(v, wd) } else { v };
                return Some(date(t.toks[i].start, v, unit, next));
            }
            // السبت السادس عشر, الخميس في 21: a day of the reference month.
            if let Some((v, next)) = reference.and_then(|r| day_of_month(t, d, r, false)) {
                let v = if word_day { nth_if_other_day(v, wd) } else { v };
                return Some(date(t.toks[i].start, v, None, next));
            }
        }
    }
    if stem_at(t, i) == "يوم" && t.joined(i + 1) {
        // يوم 5 مايو, يوم الخامس من مايو: the day belongs to the month named after it (the
        // mention starts at the day, as when يوم is not there).
        if let Some((v, unit, next)) = day_month(t, i + 1, reference) {
            let day_start = super::ordinals::ordinal_at(t, i + 1)
                .filter(|_| t.kind(i + 1) == Some(Kind::Word))
                .map_or(t.toks[i + 1].start, |o| o.1);
            return Some(date(day_start, v, unit, next));
        }
    }
    if let Some(r) = reference {
        // يوم 27; 20 من الشهر القادم
        let found = if stem_at(t, i) == "يوم" && t.kind(i + 1) == Some(Kind::Digits) {
            day_of_month(t, i + 1, r, false)
        } else {
            // 20 من الشهر المقبل, العشرين من الشهر الجاري (an ordinal with ال)
            let ordinal = t.kind(i) == Some(Kind::Word) && t.splits(i).any(|s| s.clitics.article);
            day_of_month(t, i, r, true).filter(|_| t.kind(i) == Some(Kind::Digits) || ordinal)
        };
        if let Some((v, next)) = found {
            return Some(date(t.toks[i].start, v, None, next));
        }
    }
    if t.kind(i) == Some(Kind::Word) || t.kind(i) == Some(Kind::Digits) {
        let day_start = if t.kind(i) == Some(Kind::Word) {
            super::ordinals::ordinal_at(t, i).map_or(t.toks[i].start, |o| o.1)
        } else {
            t.toks[i].start
        };
        if let Some((v, unit, next)) = day_month(t, i, reference) {
            return Some(date(day_start, v, unit, next));
        }
    }
    if let Some((start, day, hijri, next)) = super::holidays::holiday_at(t, i, reference) {
        return Some(date(start, date_of_days(day), hijri, next));
    }
    if let Some((start, v, unit, next)) = month_phrase(t, i, reference) {
        return Some(date(start, v, unit, next));
    }
    if let Some((start, v, next)) = year_phrase(t, i) {
        return Some(date(start, v, None, next));
    }
    if let Some((v, next)) = cued_year(t, i) {
        return Some(date(t.toks[i].start, v, None, next));
    }
    if let Some(r) = reference {
        if let Some((v, next)) = cued_day(t, i, r) {
            return Some(date(t.toks[i].start, v, None, next));
        }
        if let Some((v, next)) = relative_day(t, i, r) {
            return Some(date(t.toks[i].start, v, None, next));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(text: &str, r: Option<Date>) -> Option<(String, String)> {
        let t = Tokens::new(text);
        (0..t.len())
            .find_map(|i| date_or_time_at(&t, i, r))
            .map(|(m, _)| {
                let NumberValue::Text(v) = m.value else {
                    unreachable!()
                };
                (text[m.start..m.end].to_string(), v)
            })
    }

    #[test]
    fn calendar_arithmetic() {
        assert_eq!(civil_from_days(days_from_civil(2024, 2, 29)), (2024, 2, 29));
        // 1 Ramadan 1445 fell on 11 March 2024 (12 March in the tabular calendar's civil epoch ± 1).
        let (y, m, d) = hijri_to_gregorian(1445, 9, 1);
        assert_eq!((y, m), (2024, 3));
        assert!((10..=12).contains(&d), "{d}");
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
        assert!(first("الاثنين", None).is_none());
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
        assert_eq!(t("نلتقي عند الثامنة غدا"), ["08:00"]);
        assert_eq!(t("حل في الثالثة عالميا"), ["Int(3)"]);
        assert_eq!(t("من اثنين إلى خمسة مساء"), ["14:00", "17:00"]);
        assert_eq!(t("قتل خمسة أشخاص"), ["Int(5)"]);
    }

    fn find_numbers_values(text: &str) -> Vec<String> {
        super::super::find_numbers(text, None)
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
