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

/// The month a Latin-script month name or abbreviation stands for (English and French, any
/// case, an abbreviation's full stop left out by the caller).
fn latin_month(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    Some(match w.as_str() {
        "january" | "jan" | "janvier" | "janv" => 1,
        "february" | "feb" | "février" | "fevrier" | "févr" | "fevr" | "fév" | "fev" => 2,
        "march" | "mar" | "mars" => 3,
        "april" | "apr" | "avril" | "avr" => 4,
        "may" | "mai" => 5,
        "june" | "jun" | "juin" => 6,
        "july" | "jul" | "juillet" | "juil" => 7,
        "august" | "aug" | "août" | "aout" => 8,
        "september" | "sep" | "sept" | "septembre" => 9,
        "october" | "oct" | "octobre" => 10,
        "november" | "nov" | "novembre" => 11,
        "december" | "dec" | "décembre" | "decembre" | "déc" => 12,
        _ => return None,
    })
}

/// One piece of a Latin-script date: a number (with the ordinal suffix written after it:
/// 1st, 2nd, 12th, 1er) or a word, and where it ends.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Piece<'a> {
    Number(u32, usize, usize),
    Word(&'a str, usize),
}

/// A letter of the Latin script's first blocks (ASCII, Latin-1, Latin Extended-A and B): all
/// that English and French month names are written with.
fn latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || ('\u{C0}'..='\u{24F}').contains(&c) && c.is_alphabetic()
}

/// The numbers and Latin-script words of `s`, in order (what stands between them is left
/// out).
fn pieces(s: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let mut end = i + c.len_utf8();
        if c.is_ascii_digit() {
            while let Some(&(j, d)) = it.peek().filter(|(_, d)| d.is_ascii_digit()) {
                end = j + d.len_utf8();
                it.next();
            }
            let digits = end - i;
            let value = s[i..end].parse().unwrap_or(u32::MAX);
            // an ordinal suffix belongs to the number
            let rest = &s[end..];
            let suffix = ["st", "nd", "rd", "th", "er"]
                .iter()
                .find(|x| {
                    rest.starts_with(*x) && !rest[2..].starts_with(|c: char| c.is_alphabetic())
                })
                .map_or(0, |x| x.len());
            for _ in 0..suffix {
                it.next();
            }
            out.push(Piece::Number(value, digits, end + suffix));
        } else if latin_letter(c) {
            while let Some(&(j, d)) = it.peek().filter(|(_, d)| latin_letter(*d)) {
                end = j + d.len_utf8();
                it.next();
            }
            out.push(Piece::Word(&s[i..end], end));
        }
    }
    out
}

/// The first date written with an English or French month name in `s`: day month year
/// (`12 March 2024`, `1er mars 2024`, `12-Mar-2024`) or month day year (`March 12, 2024`,
/// `Mar. 12th 2024`), with a clock time after it (`10:30`, `10:30 PM`, `10h30`).
pub(super) fn latin(s: &str) -> Option<Stamp> {
    // every month name starts with an ASCII letter
    if !s.bytes().any(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let ps = pieces(s);
    for (k, p) in ps.iter().enumerate() {
        let Piece::Word(w, _) = *p else { continue };
        let Some(month) = latin_month(w) else {
            continue;
        };
        let day = |i: usize| match ps.get(i) {
            Some(&Piece::Number(d, 1..=2, _)) => Some(d),
            _ => None,
        };
        let year = |i: usize| match ps.get(i) {
            Some(&Piece::Number(y, 4, end)) => Some((y, end)),
            _ => None,
        };
        let found = match (k.checked_sub(1).and_then(day), year(k + 1)) {
            (Some(d), Some((y, end))) => Some((d, y, end)),
            _ => day(k + 1).zip(year(k + 2)).map(|(d, (y, end))| (d, y, end)),
        };
        let Some((d, y, end)) = found else { continue };
        let Some(mut stamp) = Stamp::new(y, month, d) else {
            continue;
        };
        stamp.time = clock_after(&s[end..]);
        return Some(stamp);
    }
    None
}

/// A clock time within a few characters of the start of `s` (after "at", "à", a comma or a
/// dash): `H:MM[:SS]` or `HhMM`, then `AM`/`PM`.
fn clock_after(s: &str) -> Option<(u32, u32, u32)> {
    let b = s.as_bytes();
    let start = b.iter().position(u8::is_ascii_digit).filter(|&i| i <= 6)?;
    let mut i = start;
    let (h, 1..=2) = digits(b, &mut i, 2)? else {
        return None;
    };
    if !matches!(b.get(i), Some(b':' | b'h' | b'H')) {
        return None;
    }
    i += 1;
    let (m, 2) = digits(b, &mut i, 2)? else {
        return None;
    };
    let mut sec = 0;
    if b.get(i) == Some(&b':') {
        i += 1;
        sec = digits(b, &mut i, 2).map_or(0, |(v, _)| v);
    }
    let after = s[i..].trim_start().to_ascii_lowercase();
    let h = match (
        after.starts_with("pm") || after.starts_with("p.m"),
        after.starts_with("am") || after.starts_with("a.m"),
    ) {
        (true, _) if (1..12).contains(&h) => h + 12,
        (_, true) if h == 12 => 0,
        _ => h,
    };
    (h < 24 && m < 60 && sec < 60).then_some((h, m, sec))
}

/// A date from any kind of writing: machine first, then English or French month names,
/// then the number grammar (Arabic month names in every system).
pub(super) fn any(s: &str) -> Option<Stamp> {
    machine(s).or_else(|| latin(s)).or_else(|| written(s))
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
    fn english_and_french_month_names_in_every_order_and_case() {
        const NAMES: [[&str; 4]; 12] = [
            ["January", "Jan", "janvier", "janv"],
            ["February", "Feb", "février", "févr"],
            ["March", "Mar", "mars", "mars"],
            ["April", "Apr", "avril", "avr"],
            ["May", "May", "mai", "mai"],
            ["June", "Jun", "juin", "juin"],
            ["July", "Jul", "juillet", "juil"],
            ["August", "Aug", "août", "aout"],
            ["September", "Sept", "septembre", "sept"],
            ["October", "Oct", "octobre", "oct"],
            ["November", "Nov", "novembre", "nov"],
            ["December", "Dec", "décembre", "déc"],
        ];
        let mut rng = crate::test_rng::XorShift::new(0xDA7E);
        for (m, names) in NAMES.iter().enumerate() {
            for name in names {
                for _ in 0..12 {
                    let month = m as u32 + 1;
                    let day = 1 + rng.below(28) as u32;
                    let year = 1995 + rng.below(100) as u32;
                    let name = match rng.below(3) {
                        0 => name.to_uppercase(),
                        1 => name.to_lowercase(),
                        _ => (*name).to_string(),
                    };
                    let ordinal = match (rng.below(3), day) {
                        (0, 1) => "er",
                        (0, _) => "th",
                        _ => "",
                    };
                    let date = match rng.below(4) {
                        0 => format!("{day}{ordinal} {name} {year}"),
                        1 => format!("{name} {day}{ordinal}, {year}"),
                        2 => format!("{day:02}-{name}-{year}"),
                        _ => format!("{name}. {day} {year}"),
                    };
                    let lead = [
                        "",
                        "Published: ",
                        "Tuesday, ",
                        "Publié le mardi ",
                        "نشر في ",
                    ][rng.below(5)];
                    let (clock, time) = match rng.below(4) {
                        0 => (" at 9:05 PM", Some((21, 5, 0))),
                        1 => (" - 10:30", Some((10, 30, 0))),
                        2 => (" à 10h30", Some((10, 30, 0))),
                        _ => ("", None),
                    };
                    let text = format!("{lead}{date}{clock}");
                    let got = any(&text);
                    let want = Stamp::new(year, month, day).map(|mut s| {
                        s.time = time;
                        s
                    });
                    assert_eq!(got, want, "{text}");
                }
            }
        }
        for no in [
            "March 2024",
            "12 March",
            "Marseille 12 2024",
            "12 Mayday 2024",
            "32 March 2024",
            "February 30, 2024",
            "12 March 24",
        ] {
            assert_eq!(latin(no), None, "{no}");
        }
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
