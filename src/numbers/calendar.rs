//! Calendar arithmetic: proleptic Gregorian days, weekdays, the tabular Islamic calendar and
//! the rules on which holidays fall. Days are counted from 0000-03-01; weekdays run from
//! Monday = 0.

use serde::{Deserialize, Serialize};

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

impl Date {
    /// Days from 0000-03-01.
    pub(crate) fn days(self) -> i64 {
        days_from_civil(
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        )
    }
}

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

/// The number of days in month `m` of Gregorian year `y`.
pub(crate) fn days_in_month(y: i64, m: i64) -> i64 {
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

/// The Hijri years that may overlap Gregorian year `y`.
pub(crate) fn hijri_years_near(y: i64) -> std::ops::RangeInclusive<i64> {
    let guess = (y - 622) * 33 / 32;
    guess - 1..=guess + 2
}

/// The day of the Monday of the week of `day`.
pub(crate) fn monday(day: i64) -> i64 {
    // 0000-03-01 was a Wednesday; Monday = 0.
    day - (day + 2).rem_euclid(7)
}

/// The weekday of `day` (Monday = 0).
pub(crate) fn weekday(day: i64) -> i64 {
    day - monday(day)
}

/// The day of the `n`th weekday `wd` (n from 1) of month `m` in year `y`; it may fall past
/// the month's end.
pub(crate) fn nth_weekday(y: i64, m: i64, wd: i64, n: i64) -> i64 {
    let first = days_from_civil(y, m, 1);
    first + (wd - weekday(first)).rem_euclid(7) + 7 * (n - 1)
}

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

/// When a holiday falls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum HolidayRule {
    /// A fixed Gregorian month and day.
    Fixed(i64, i64),
    /// A Hijri month and day.
    Hijri(i64, i64),
    /// Western Easter Sunday.
    Easter,
    /// The nth weekday (Monday = 0) of a Gregorian month: month, weekday, n.
    Nth(i64, i64, i64),
}

impl HolidayRule {
    /// The days on which the holiday falls in Gregorian year `y`, and the Hijri year when
    /// it is a Hijri holiday (a Hijri year is shorter, so there may be two).
    pub(crate) fn in_year(self, y: i64) -> Vec<(i64, Option<i64>)> {
        match self {
            HolidayRule::Fixed(m, d) => vec![(days_from_civil(y, m, d), None)],
            HolidayRule::Easter => vec![(easter(y), None)],
            HolidayRule::Nth(m, wd, n) => vec![(nth_weekday(y, m, wd, n), None)],
            HolidayRule::Hijri(m, d) => hijri_years_near(y)
                .filter_map(|h| {
                    let (gy, gm, gd) = hijri_to_gregorian(h, m, d);
                    (gy == y).then(|| (days_from_civil(gy, gm, gd), Some(h)))
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_arithmetic() {
        assert_eq!(civil_from_days(days_from_civil(2024, 2, 29)), (2024, 2, 29));
        // 1 Ramadan 1445 fell on 11 March 2024 (12 March in the tabular calendar's civil epoch ± 1).
        let (y, m, d) = hijri_to_gregorian(1445, 9, 1);
        assert_eq!((y, m), (2024, 3));
        assert!((10..=12).contains(&d), "{d}");
        // 2024-03-11 was a Monday; Easter 2013 was 31 March.
        assert_eq!(weekday(days_from_civil(2024, 3, 11)), 0);
        assert_eq!(civil_from_days(easter(2013)), (2013, 3, 31));
        // Thanksgiving 2010: the fourth Thursday of November.
        assert_eq!(civil_from_days(nth_weekday(2010, 11, 3, 4)), (2010, 11, 25));
    }
}
