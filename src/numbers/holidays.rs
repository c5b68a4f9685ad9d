//! Named holidays (عيد الفطر, عيد الأضحى, رأس السنة الهجرية, المولد النبوي, عيد الميلاد,
//! عيد الفصح) as dates: in the year written after them, else the next one on or after the
//! reference date. Hijri holidays use the tabular Islamic calendar, so they may be a day off
//! the date announced by sighting. The names are in the lexicon.

use super::calendar::{Date, HolidayRule};
use super::lexicon::{HOLIDAYS, HOLIDAY_STARTS};
use super::tokenize::Tokens;
use super::values::PartialDate;

/// A holiday named at token `i` (after يوم or not): the byte start, its rule and the index
/// after the name.
pub(crate) fn holiday_at(t: &Tokens, i: usize) -> Option<(usize, HolidayRule, usize)> {
    let (first, start) = if t.is(i, "يوم") && t.joined(i + 1) {
        (i + 1, t.toks[i].start)
    } else {
        let s = t
            .splits(i)
            .find(|s| HOLIDAY_STARTS.contains(&s.stem) && !s.clitics.article)?;
        (i, t.stem_start(i, s.clitics.lead()))
    };
    HOLIDAYS.iter().find_map(|(words, rule)| {
        let matches = words.iter().enumerate().all(|(k, w)| {
            let j = first + k;
            (k == 0 || t.joined(j))
                && (t.is(j, w)
                    || k == 0
                        && first == i
                        && t.splits(j).any(|s| s.stem == *w && !s.clitics.article))
        });
        matches.then_some((start, *rule, first + words.len()))
    })
}

/// The day (from 0000-03-01) a holiday falls on in `year`, else the next one on or after the
/// reference, and the Hijri date of a Hijri holiday.
pub(crate) fn holiday_day(
    rule: HolidayRule,
    year: Option<i64>,
    reference: Option<Date>,
) -> Option<(i64, Option<PartialDate>)> {
    let (day, hijri) = match year {
        Some(y) => *rule.in_year(y).first()?,
        None => {
            let r = reference?;
            let today = r.days();
            (i64::from(r.year)..=i64::from(r.year) + 1)
                .flat_map(|y| rule.in_year(y))
                .find(|(d, _)| *d >= today)?
        }
    };
    let hijri = match (rule, hijri) {
        (HolidayRule::Hijri(m, d), Some(h)) => Some(PartialDate::ymd(Some(h), m, d)),
        _ => None,
    };
    Some((day, hijri))
}
