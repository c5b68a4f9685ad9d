//! Named holidays (عيد الفطر, عيد الأضحى, رأس السنة الهجرية, المولد النبوي, عيد الميلاد,
//! عيد الفصح) as dates: in the year written after them, else the next one on or after the
//! reference date. Hijri holidays use the tabular Islamic calendar, so they may be a day off
//! the date announced by sighting.

use super::dates::{days_from_civil, hijri_to_gregorian, year_after};
use super::tokenize::Tokens;
use super::Date;

/// When a holiday falls.
#[derive(Clone, Copy)]
enum Rule {
    /// A fixed Gregorian month and day.
    Fixed(i64, i64),
    /// A Hijri month and day.
    Hijri(i64, i64),
    /// Western Easter Sunday.
    Easter,
    /// The nth weekday (Monday = 0) of a Gregorian month.
    Nth(i64, i64, i64),
}

/// Holiday names (normalized words, ه for ة, ي for ى) and when they fall.
const HOLIDAYS: &[(&[&str], Rule)] = &[
    (&["عيد", "الفطر"], Rule::Hijri(10, 1)),
    (&["عيد", "الاضحي"], Rule::Hijri(12, 10)),
    (&["راس", "السنه", "الهجريه"], Rule::Hijri(1, 1)),
    (&["المولد", "النبوي"], Rule::Hijri(3, 12)),
    (&["عيد", "الميلاد", "المجيد"], Rule::Fixed(12, 25)),
    (&["عيد", "الميلاد"], Rule::Fixed(12, 25)),
    (&["الكريسماس"], Rule::Fixed(12, 25)),
    (&["كريسماس"], Rule::Fixed(12, 25)),
    (&["راس", "السنه", "الميلاديه"], Rule::Fixed(1, 1)),
    (&["عيد", "الفصح"], Rule::Easter),
    (&["ليله", "راس", "السنه", "الجديده"], Rule::Fixed(12, 31)),
    (&["ليله", "راس", "السنه", "الميلاديه"], Rule::Fixed(12, 31)),
    (&["ليله", "راس", "السنه"], Rule::Fixed(12, 31)),
    (&["راس", "السنه", "الجديده"], Rule::Fixed(1, 1)),
    // Thanksgiving, the fourth Thursday of November.
    (&["عيد", "الشكر"], Rule::Nth(11, 3, 4)),
    (&["الشكر"], Rule::Nth(11, 3, 4)),
];

/// The first words of holiday names, for the lexicon's quick skip.
pub(crate) const HOLIDAY_STARTS: &[&str] =
    &["عيد", "راس", "المولد", "الكريسماس", "كريسماس", "ليله"];

/// Days from 0000-03-01 of Western Easter Sunday in year `y` (anonymous Gregorian algorithm).
fn easter(y: i64) -> i64 {
    let a = y % 19;
    let (b, c) = (y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    days_from_civil(y, month, day)
}

/// The days (from 0000-03-01) on which `rule` falls in Gregorian year `y`, and the Hijri
/// year when it is a Hijri holiday (a Hijri year is shorter, so there may be two).
fn in_year(rule: Rule, y: i64) -> Vec<(i64, Option<i64>)> {
    match rule {
        Rule::Fixed(m, d) => vec![(days_from_civil(y, m, d), None)],
        Rule::Easter => vec![(easter(y), None)],
        Rule::Nth(m, wd, n) => {
            // 0000-03-01 was a Wednesday (Monday = 0).
            let first = days_from_civil(y, m, 1);
            let offset = (wd - (first + 2)).rem_euclid(7);
            vec![(first + offset + 7 * (n - 1), None)]
        }
        Rule::Hijri(m, d) => {
            let guess = (y - 622) * 33 / 32;
            (guess - 1..=guess + 2)
                .filter_map(|h| {
                    let (gy, gm, gd) = hijri_to_gregorian(h, m, d);
                    (gy == y).then(|| (days_from_civil(gy, gm, gd), Some(h)))
                })
                .collect()
        }
    }
}

/// A holiday named at token `i` (after يوم or not) with a year after it or a reference date:
/// the byte start, the day (from 0000-03-01), the Hijri date of a Hijri holiday
/// ("islamic:1434-10-01"), and the index after the phrase.
pub(crate) fn holiday_at(
    t: &Tokens,
    i: usize,
    reference: Option<Date>,
) -> Option<(usize, i64, Option<String>, usize)> {
    let (first, start) = if t.is(i, "يوم") && t.joined(i + 1) {
        (i + 1, t.toks[i].start)
    } else {
        let s = t
            .splits(i)
            .find(|s| HOLIDAY_STARTS.contains(&s.stem) && !s.clitics.article)?;
        (i, t.stem_start(i, s.clitics.lead()))
    };
    let (rule, next) = HOLIDAYS.iter().find_map(|(words, rule)| {
        let matches = words.iter().enumerate().all(|(k, w)| {
            let j = first + k;
            (k == 0 || t.joined(j))
                && (t.is(j, w)
                    || k == 0
                        && first == i
                        && t.splits(j).any(|s| s.stem == *w && !s.clitics.article))
        });
        matches.then_some((*rule, first + words.len()))
    })?;
    let hijri_form = |h: Option<i64>| match (rule, h) {
        (Rule::Hijri(m, d), Some(h)) => Some(format!("islamic:{h:04}-{m:02}-{d:02}")),
        _ => None,
    };
    if let Some((y, next)) = year_after(t, next) {
        let (day, hijri) = *in_year(rule, y).first()?;
        return Some((start, day, hijri_form(hijri), next));
    }
    let r = reference?;
    let today = days_from_civil(i64::from(r.year), i64::from(r.month), i64::from(r.day));
    let (day, hijri) = (i64::from(r.year)..=i64::from(r.year) + 1)
        .flat_map(|y| in_year(rule, y))
        .find(|(d, _)| *d >= today)?;
    Some((start, day, hijri_form(hijri), next))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numbers::dates::civil_from_days;

    fn on(text: &str, r: Option<Date>) -> Option<(i64, i64, i64)> {
        let t = Tokens::new(text);
        (0..t.len())
            .find_map(|i| holiday_at(&t, i, r))
            .map(|(_, d, _, _)| civil_from_days(d))
    }

    #[test]
    fn holidays_resolve() {
        let r = Some(Date {
            year: 2013,
            month: 2,
            day: 12,
        });
        assert_eq!(on("عيد الفطر", r), Some((2013, 8, 8)));
        assert_eq!(on("بعيد الأضحى 2013", None), Some((2013, 10, 15)));
        assert_eq!(on("عيد الفصح 2013", None), Some((2013, 3, 31)));
        assert_eq!(on("يوم عيد الميلاد", r), Some((2013, 12, 25)));
        assert_eq!(on("عيد الميلاد 2020", None), Some((2020, 12, 25)));
        assert_eq!(on("عيد الفطر", None), None);
        assert_eq!(on("عيد الشكر 2010", None), Some((2010, 11, 25)));
        assert_eq!(on("يوم الشكر", r), Some((2013, 11, 28)));
        assert_eq!(on("ليلة رأس السنة الجديدة", r), Some((2013, 12, 31)));
        assert_eq!(on("رأس السنة الجديدة", r), Some((2014, 1, 1)));
        assert_eq!(on("الشكر لله", r), None);
        assert_eq!(on("عيد ميلاد سعيد", r), None);
    }
}
