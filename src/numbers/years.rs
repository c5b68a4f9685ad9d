//! Years: in digits or spelled out after a month (سبتمبر 2013, فبراير ألفين وثمانية عشر),
//! after عام / سنة (عام 2014, لعام 1948), before م / هـ, after a word that calls for a time
//! (منذ 2011), and ranges of years (2014-2018).

use super::grammar::parse_number;
use super::lexicon::stem_at;
use super::tokenize::{Kind, Tokens};

/// A year in digits at token `i`: four digits from 1000 to 2999.
pub(crate) fn year_at(t: &Tokens, i: usize) -> Option<i64> {
    (t.kind(i) == Some(Kind::Digits) && t.norm(i).len() == 4)
        .then(|| t.norm(i).parse().ok())
        .flatten()
        .filter(|y| (1000..3000).contains(y))
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
        if matches!(t.norm(k), "عام" | "سنه" | "العام" | "السنه") {
            k += 1;
        }
    }
    if let Some(y) = year_at(t, k).filter(|_| t.joined(k)) {
        return Some((y, era_marker(t, k + 1)));
    }
    // 61 هـ: a short year with its era.
    let short = t.kind(k) == Some(Kind::Digits) && t.norm(k).len() < 4 && t.joined(k);
    if short && hijri_era_before(t, era_marker(t, k + 1)) {
        return Some((t.norm(k).parse().ok()?, k + 2));
    }
    // فبراير ألفين وثمانية عشر: a year spelled out.
    let p = parse_number(t, k).filter(|_| t.joined(k) && t.kind(k) == Some(Kind::Word))?;
    let words = (k..p.next).all(|j| t.kind(j) == Some(Kind::Word));
    (words && !p.fraction && p.value.fract() == 0.0 && (1000.0..=2100.0).contains(&p.value))
        .then(|| (p.value as i64, era_marker(t, p.next)))
}

/// True when the year that ends before token `next` was marked Hijri (1445 هـ, عام 1445
/// هجري).
pub(crate) fn hijri_era_before(t: &Tokens, next: usize) -> bool {
    next > 0 && matches!(t.norm(next - 1), "ه" | "هجري" | "هجريه")
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

/// A year after عام / سنة / العام (عام 2014, لعام 1948) or before م / هـ: the byte start,
/// the year and the index after it.
pub(crate) fn year_phrase(t: &Tokens, i: usize) -> Option<(usize, i64, usize)> {
    if t.kind(i) == Some(Kind::Digits) {
        let y = year_at(t, i)?;
        let next = era_marker(t, i + 1);
        return (next > i + 1).then(|| (t.toks[i].start, y, next));
    }
    let s = t
        .splits(i)
        .find(|s| matches!(s.stem, "عام" | "سنه" | "عامي" | "اعوام"))?;
    if s.clitics.article
        && t.norm(i) != "العام"
        && t.norm(i) != "السنه"
        && !t.norm(i).ends_with("لعام")
    {
        return None;
    }
    let lead = s.clitics.lead();
    // العام الجاري 2018, العام الماضي 2017: the year written after the relative word.
    let current = s.clitics.article
        && t.joined(i + 1)
        && matches!(
            t.norm(i + 1),
            "الجاري" | "الحالي" | "الماضي" | "المنصرم" | "المقبل" | "القادم"
        );
    if let Some(y) = year_at(t, i + 2).filter(|_| current && t.joined(i + 2)) {
        return Some((t.stem_start(i, lead), y, era_marker(t, i + 3)));
    }
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
        return Some((t.stem_start(i, lead), y, era_marker(t, p.next)));
    };
    if t.touching(i + 2) && matches!(t.kind(i + 2), Some(Kind::Digits | Kind::Word)) {
        return None;
    }
    Some((t.stem_start(i, lead), y, era_marker(t, i + 2)))
}

/// A bare year after a word that calls for a time (منذ 2011, حتى 2030, مطلع 2019), or after
/// في at the end of a clause (في 2017،).
pub(crate) fn cued_year(t: &Tokens, i: usize) -> Option<(i64, usize)> {
    let y = year_at(t, i).filter(|y| (1900..=2100).contains(y) && i > 0 && t.joined(i))?;
    if t.touching(i + 1) && matches!(t.kind(i + 1), Some(Kind::Digits | Kind::Word | Kind::Latin)) {
        return None;
    }
    // ونهاية 2017: the word before may have a و.
    let before = stem_at(t, i - 1);
    let before = before
        .strip_prefix('و')
        .filter(|r| r.chars().count() > 2)
        .unwrap_or(before);
    let strong = matches!(
        before,
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
    // مونديال 2030, موسم 2014: events named by their year.
    let event = t.splits(i - 1).any(|sp| {
        !sp.clitics.article
            && matches!(
                sp.stem,
                "مونديال"
                    | "اولمبياد"
                    | "موسم"
                    | "نسخه"
                    | "دوره"
                    | "انتخابات"
                    | "ميزانيه"
                    | "الكومنولث"
                    | "الاولمبيه"
                    | "قانون"
                    | "صيف"
                    | "شتاء"
                    | "ربيع"
                    | "خريف"
            )
    }) || (i > 1 && t.is(i - 1, "العالم") && stem_at(t, i - 2) == "كاس");
    // في 2017: a year unless a noun it counts follows (في 2000 قرية).
    let next = t.norm(i + 1);
    let uncounted = !t.joined(i + 1)
        || t.kind(i + 1) == Some(Kind::Punct)
        || next.starts_with('و') && next.chars().count() > 2
        || matches!(
            next,
            "حين"
                | "عندما"
                | "لكن"
                | "ثم"
                | "بعد"
                | "قبل"
                | "الي"
                | "حتي"
                | "ضد"
                | "مع"
                | "عن"
                | "علي"
                | "في"
                | "من"
                | "حيث"
                | "اي"
                | "بينما"
                | "اذ"
        );
    (strong || event || (t.is(i - 1, "في") && uncounted)).then(|| (y, era_marker(t, i + 1)))
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
