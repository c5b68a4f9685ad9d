//! Clock times: 23:29, 05:21:51, 7 مساء, 1140 صباحا, الساعة العاشرة صباحا, الثالثة والنصف
//! عصرا, الثالثة إلا ربع, منتصف الليل, with a part of the day before or after them.

use super::grammar::{parse_number, small_digits, Phrase};
use super::lexicon::{stem_at, Class, LEXICON};
use super::tokenize::{Kind, Tokens};
use super::values::Clock;

/// A clock time at `i`, with a part of the day before it (بعد الظهر 7:00, مساء 7) or not:
/// the byte start, the time and the index after it.
pub(crate) fn time_at(t: &Tokens, i: usize) -> Option<(usize, Clock, usize)> {
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
                .map(|h| (0, Clock::hour(h), k + 1));
            if let Some((_, v, next)) = clock_time(t, k).filter(|_| t.joined(k)).or(bare_hour) {
                let v = if pm { v.after_noon() } else { v };
                return Some((t.toks[i].start, v, next));
            }
        }
    }
    clock_time(t, i)
}

/// A clock time at `i`: 23:29, 05:21:51, الساعة العاشرة صباحا, الساعة 10 مساء, السابعة مساء,
/// منتصف الليل, الظهيرة.
fn clock_time(t: &Tokens, i: usize) -> Option<(usize, Clock, usize)> {
    let start = t.toks.get(i)?.start;
    if let Some((v, next)) = midday_or_midnight(t, i) {
        return Some((start, v, next));
    }
    if small_digits(t, i, 2).is_some()
        || t.kind(i) == Some(Kind::Digits) && matches!(t.norm(i).len(), 3 | 4)
    {
        return digital_time(t, i).map(|(v, next)| (start, v, next));
    }
    spoken_time(t, i)
}

/// منتصف الليل, منتصف النهار, الظهيرة at `i`.
fn midday_or_midnight(t: &Tokens, i: usize) -> Option<(Clock, usize)> {
    let w = stem_at(t, i);
    if w == "منتصف" {
        let k = if t.touching(i + 1) && t.is(i + 1, "-") {
            i + 2
        } else {
            i + 1
        };
        let h = match stem_at(t, k) {
            "الليل" => 0,
            "النهار" | "الظهر" => 12,
            _ => return None,
        };
        return Some((Clock::hour(h), k + 1));
    }
    (w == "الظهيره").then_some((Clock::hour(12), i + 1))
}

/// A time in digits at `i`: HH:MM(:SS) with or without a part of the day, an hour with one
/// (7 مساء, 8 والنصف مساء), or hours and minutes run together before one (1140 صباحا).
fn digital_time(t: &Tokens, i: usize) -> Option<(Clock, usize)> {
    if let Some(h) = small_digits(t, i, 2) {
        if let Some(found) = agency_time(t, i, h) {
            return Some(found);
        }
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
            return Clock::new(h, m, s, pm).map(|c| (c, next));
        }
        // 7 مساء, 8 والنصف مساء
        let (m, k) = minutes_after(t, i + 1).unwrap_or((0, i + 1));
        if let Some((pm, next)) = period_after(t, k).filter(|_| (1..=12).contains(&h)) {
            if t.norm(k) != "م" {
                return Clock::new(h, m, None, Some(pm)).map(|c| (c, next));
            }
        }
        return None;
    }
    // 1140 صباحا, 340 مساء; 1600 بتوقيت غرينتش
    let v: i64 = t.norm(i).parse().ok()?;
    let (h, m) = (v / 100, v % 100);
    if t.norm(i).len() == 4 && zone_at(t, i + 1) {
        return Clock::new(h, m, None, None).map(|c| (c, i + 1));
    }
    let (pm, next) = period_after(t, i + 1).filter(|_| t.norm(i + 1) != "م")?;
    if !(1..=12).contains(&h) || m >= 60 {
        return None;
    }
    Clock::new(h, m, None, Some(pm)).map(|c| (c, next))
}

/// A time written as news agencies do, with a comma or a point, before a time zone (13,05
/// بتوقيت غرينتش, 9.30 ت غ): the time and the index after the zone's first word.
fn agency_time(t: &Tokens, i: usize, h: i64) -> Option<(Clock, usize)> {
    let sep = matches!(t.norm(i + 1), "," | "." | "،") && t.touching(i + 1) && t.touching(i + 2);
    let m = small_digits(t, i + 2, 2).filter(|_| sep && t.norm(i + 2).len() == 2)?;
    zone_at(t, i + 3).then(|| Clock::new(h, m, None, None).map(|c| (c, i + 3)))?
}

/// True when a time zone starts at `j`: بتوقيت غرينتش, ت غ, GMT.
fn zone_at(t: &Tokens, j: usize) -> bool {
    t.joined(j)
        && matches!(
            t.norm(j),
            "بتوقيت"
                | "بالتوقيت"
                | "توقيت"
                | "غرينتش"
                | "غرينيتش"
                | "GMT"
                | "ت"
        )
}

/// A time with its hour in words or after الساعة at `i`: الساعة 10 مساء, الساعة العاشرة,
/// السابعة مساء, الثامنة والنصف, عند الثامنة. Returns the byte start (after a clitic), the
/// time and the index after it.
fn spoken_time(t: &Tokens, i: usize) -> Option<(usize, Clock, usize)> {
    let start = t.toks[i].start;
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
    let (h, m, next) = if let Some(h) = small_digits(t, k, 2).filter(|_| clock_word) {
        // الساعة 16:05, and as agencies write it, الساعة 16,05.
        let sep = matches!(t.norm(k + 1), ":" | "," | ".");
        if t.touching(k + 1) && sep && t.touching(k + 2) && t.norm(k + 2).len() == 2 {
            let m = small_digits(t, k + 2, 2)?;
            (h, m, k + 3)
        } else {
            (h, 0, k + 1)
        }
    } else {
        let (h, next) = hour_word(t, k)?;
        // خمسة مساء: an hour word without ال needs the part of the day right after it.
        let period_next = period_after(t, next).is_some() && t.norm(next) != "م";
        if !clock_word && !bare_hour.starts_with("ال") && !period_next {
            return None;
        }
        (h, 0, next)
    };
    let (m, next) = if m == 0 {
        minutes_after(t, next).unwrap_or((0, next))
    } else {
        (m, next)
    };
    let period = period_after(t, next);
    let feminine_hour = bare_hour.starts_with("ال") && bare_hour.ends_with('ه');
    if !clock_word && period.is_none() && !stands_alone(t, i, k, m, next, feminine_hour) {
        return None;
    }
    let (pm, next) = period.map_or((None, next), |(p, n)| (Some(p), n));
    Clock::new(h, m, None, pm).map(|c| (start, c, next))
}

/// True when a feminine hour word at `k` (word `i` before any و) is a time with no الساعة
/// and no part of the day: with a half or a quarter (الثامنة والنصف), with minutes taken
/// away (الثالثة إلا 20 دقيقة), or after عند, or في at the end of a clause (عند الثامنة).
fn stands_alone(t: &Tokens, i: usize, k: usize, m: i64, next: usize, feminine: bool) -> bool {
    let clock_fraction = feminine
        && (m < 0
            || m != 0
                && (next == k + 2 || next == k + 3)
                && clock_fraction_minutes(t.norm(next - 1)) > 0);
    let clause_end = !t.joined(next) || t.kind(next) == Some(Kind::Punct);
    let cued_hour = feminine
        && k == i
        && i > 0
        && t.joined(i)
        && (t.is(i - 1, "عند") || t.is(i - 1, "في") && clause_end);
    clock_fraction || cued_hour
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
        // من مساء اليوم, من صباح أمس: the day named after it belongs to the time.
        ("من", "مساء" | "صباح" | "ظهر" | "عصر" | "ليل" | "فجر") => {
            let pm = !matches!(two, "صباح" | "فجر");
            let day = t.joined(j + 2) && matches!(t.norm(j + 2), "اليوم" | "امس" | "الغد");
            Some((pm, j + 2 + usize::from(day)))
        }
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
