//! Dates as pages write them, made ISO 8601: machine stamps (`2020-06-03T03:01+0400`,
//! `2020-12-01 02:00:00`, `08/10/2009`), Arabic date lines in every month system (read by the
//! number grammar, `crate::numbers`), and dates in a URL's path.

use crate::numbers::{find_numbers, NumberKind, NumberOptions, NumberValue};

/// The first and last years taken for a page's date (the web's, give or take).
const YEARS: std::ops::RangeInclusive<u32> = 1995..=2100;

/// A date read from a page: the day, and the time and zone when written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Stamp {
    year: u32,
    month: u32,
    day: u32,
    /// Hours, minutes, seconds.
    time: Option<(u32, u32, u32)>,
    /// "Z" or "+HH:MM".
    zone: Option<String>,
}

impl Stamp {
    /// A valid day of the web's years, or `None`.
    fn new(year: u32, month: u32, day: u32) -> Option<Stamp> {
        (YEARS.contains(&year)
            && (1..=12).contains(&month)
            && (1..=days_in(year, month)).contains(&day))
        .then_some(Stamp {
            year,
            month,
            day,
            time: None,
            zone: None,
        })
    }

    /// The ISO 8601 form: `YYYY-MM-DD`, with `THH:MM:SS` and the zone when known.
    pub(super) fn iso(&self) -> String {
        let mut s = format!("{:04}-{:02}-{:02}", self.year, self.month, self.day);
        if let Some((h, m, sec)) = self.time {
            s.push_str(&format!("T{h:02}:{m:02}:{sec:02}"));
            if let Some(z) = &self.zone {
                s.push_str(z);
            }
        }
        s
    }
}

/// Days in a month of the proleptic Gregorian calendar.
fn days_in(year: u32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Reads digits from `b[*i..]` (at most `max`), moving `*i` past them.
fn digits(b: &[u8], i: &mut usize, max: usize) -> Option<(u32, usize)> {
    let start = *i;
    let mut v = 0u32;
    while *i < b.len() && *i - start < max && b[*i].is_ascii_digit() {
        v = v * 10 + u32::from(b[*i] - b'0');
        *i += 1;
    }
    (*i > start).then_some((v, *i - start))
}

/// A machine-written date: `YYYY-MM-DD` (or with `/` or `.`), or day first `DD/MM/YYYY`, then an
/// optional time `[T ]HH:MM[:SS[.fff]]` and zone `Z`, `±HH[:]MM`; text after it is ignored.
pub(super) fn machine(s: &str) -> Option<Stamp> {
    let b = s.trim().as_bytes();
    let mut i = 0;
    let (a, na) = digits(b, &mut i, 4)?;
    let sep = *b.get(i)?;
    if !matches!(sep, b'-' | b'/' | b'.') {
        return None;
    }
    i += 1;
    let (m, _) = digits(b, &mut i, 2)?;
    if b.get(i) != Some(&sep) {
        return None;
    }
    i += 1;
    let (c, nc) = digits(b, &mut i, 4)?;
    let mut stamp = match (na, nc) {
        (4, 1..=2) => Stamp::new(a, m, c)?,
        (1..=2, 4) => Stamp::new(c, m, a)?,
        _ => return None,
    };
    if i < b.len() && matches!(b[i], b'T' | b' ') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
        let mut j = i + 1;
        if let Some((h, 1..=2)) = digits(b, &mut j, 2) {
            if b.get(j) == Some(&b':') {
                j += 1;
                if let Some((min, 2)) = digits(b, &mut j, 2) {
                    let mut sec = 0;
                    if b.get(j) == Some(&b':') {
                        j += 1;
                        sec = digits(b, &mut j, 2).map_or(0, |(v, _)| v);
                        if b.get(j) == Some(&b'.') {
                            j += 1;
                            let _ = digits(b, &mut j, 9);
                        }
                    }
                    if h < 24 && min < 60 && sec < 61 {
                        stamp.time = Some((h, min, sec.min(59)));
                        stamp.zone = zone(&b[j..]);
                    }
                }
            }
        }
    }
    Some(stamp)
}

/// A zone right at the start of `b`: `Z`, or `±HH`, `±HHMM`, `±HH:MM`, as `Z` or `+HH:MM`.
fn zone(b: &[u8]) -> Option<String> {
    match b.first()? {
        b'Z' | b'z' => Some("Z".into()),
        &sign @ (b'+' | b'-') => {
            let mut i = 1;
            let (h, 2) = digits(b, &mut i, 2)? else {
                return None;
            };
            if b.get(i) == Some(&b':') {
                i += 1;
            }
            let m = digits(b, &mut i, 2).map_or(0, |(v, _)| v);
            (h <= 14 && m < 60).then(|| format!("{}{h:02}:{m:02}", char::from(sign)))
        }
        _ => None,
    }
}

/// The first full date (year, month and day) that the number grammar finds in `text` (any month
/// system; a Hijri date is converted), with the time written right after it.
pub(super) fn written(text: &str) -> Option<Stamp> {
    let found = find_numbers(text, &NumberOptions::default());
    let at = found
        .iter()
        .position(|m| m.kind == NumberKind::Date && full(&m.value).is_some())?;
    let (y, mo, d) = full(&found[at].value)?;
    let mut stamp = Stamp::new(y, mo, d)?;
    if let Some(NumberValue::Text(t)) = found
        .get(at + 1)
        .filter(|m| m.kind == NumberKind::Time && m.start - found[at].end <= 12)
        .map(|m| &m.value)
    {
        let mut parts = t.split(':').map(|p| p.parse::<u32>().ok());
        if let (Some(Some(h)), Some(Some(m))) = (parts.next(), parts.next()) {
            stamp.time = Some((h, m, parts.next().flatten().unwrap_or(0)));
        }
    }
    Some(stamp)
}

/// Year, month and day of a full ISO date value.
fn full(v: &NumberValue) -> Option<(u32, u32, u32)> {
    let NumberValue::Text(t) = v else { return None };
    let b = t.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    Some((
        t[..4].parse().ok()?,
        t[5..7].parse().ok()?,
        t[8..].parse().ok()?,
    ))
}

/// A date from either kind of writing: machine first, then the number grammar.
pub(super) fn any(s: &str) -> Option<Stamp> {
    machine(s).or_else(|| written(s))
}

/// A date in a URL's path: `/2020/8/24/`, `/2020-06-03`, or eight digits `20200317` opening a
/// path segment (`/202003171044893040-…`).
pub(super) fn in_url(url: &str) -> Option<Stamp> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = &path[path.find('/')?..];
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let b = path.as_bytes();
    for (i, _) in path.match_indices('/') {
        let mut j = i + 1;
        let Some((y, 4)) = digits(b, &mut j, 4) else {
            continue;
        };
        match b.get(j) {
            Some(&sep @ (b'/' | b'-' | b'_')) => {
                j += 1;
                let Some((m, _)) = digits(b, &mut j, 2) else {
                    continue;
                };
                if b.get(j) != Some(&sep) {
                    continue;
                }
                j += 1;
                let Some((d, _)) = digits(b, &mut j, 2) else {
                    continue;
                };
                if b.get(j).is_none_or(|c| !c.is_ascii_digit()) {
                    if let Some(s) = Stamp::new(y, m, d) {
                        return Some(s);
                    }
                }
            }
            Some(c) if c.is_ascii_digit() => {
                let mut k = j;
                if let Some((md, 4)) = digits(b, &mut k, 4) {
                    if let Some(s) = Stamp::new(y, md / 100, md % 100) {
                        return Some(s);
                    }
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: Option<Stamp>) -> Option<String> {
        s.map(|s| s.iso())
    }

    #[test]
    fn machine_stamps() {
        assert_eq!(
            iso(machine("2020-06-03T03:01+0400")).as_deref(),
            Some("2020-06-03T03:01:00+04:00")
        );
        assert_eq!(
            iso(machine("2020-12-01 02:00:00")).as_deref(),
            Some("2020-12-01T02:00:00")
        );
        assert_eq!(
            iso(machine("2020-03-17T17:27:41Z")).as_deref(),
            Some("2020-03-17T17:27:41Z")
        );
        assert_eq!(iso(machine("2020-11-09")).as_deref(), Some("2020-11-09"));
        assert_eq!(
            iso(machine("2019-10-10T18:00:00.000+02:00")).as_deref(),
            Some("2019-10-10T18:00:00+02:00")
        );
        assert_eq!(iso(machine("08/10/2009")).as_deref(), Some("2009-10-08"));
        assert_eq!(
            iso(machine("2020/12/25 - 1:59")).as_deref(),
            Some("2020-12-25")
        );
        for bad in [
            "",
            "2020",
            "2020-13-01",
            "2021-02-29",
            "1890-01-01",
            "10-Nov-2000",
            "abc",
            "2019/10",
        ] {
            assert_eq!(machine(bad), None, "{bad}");
        }
    }

    #[test]
    fn written_dates_in_several_month_systems() {
        for (text, want) in [
            ("الأربعاء، 07 أكتوبر 2020 - 12:09 م", "2020-10-07"),
            ("بروكسل، 9 تشرين الأول 2009", "2009-10-09"),
            ("السبت 10 كانون الثاني / يناير 2026", "2026-01-10"),
            ("نشر في 3 جانفي 2021", "2021-01-03"),
        ] {
            assert_eq!(
                iso(written(text)).map(|s| s[..10].to_string()).as_deref(),
                Some(want),
                "{text}"
            );
        }
        assert_eq!(written("قبل 3 أيام"), None);
        assert_eq!(written("في 9 تشرين الأول"), None);
    }

    #[test]
    fn dates_in_urls() {
        for (url, want) in [
            (
                "https://www.youm7.com/story/2020/8/24/وزير/4943459",
                Some("2020-08-24"),
            ),
            ("https://x.ae/a/2020-06-03-1.3874341", Some("2020-06-03")),
            (
                "https://x.com/arab_world/202003171044893040-abc/",
                Some("2020-03-17"),
            ),
            ("https://www.x.com/2020/11/2338761/", None),
            ("https://x.com/news/22117", None),
            ("/2019/02/30/x", None),
        ] {
            assert_eq!(iso(in_url(url)).as_deref(), want, "{url}");
        }
    }
}
