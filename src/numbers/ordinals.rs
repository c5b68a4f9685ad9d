//! Ordinals: الأول/الأولى … العاشر, الحادي عشر, الحادي والعشرون, العشرون, المئة والخامسة
//! والعشرون, with and without ال; and relative ordinals, a rank counted from the end of a
//! list or from the current item (الأخير, قبل الأخير, الثالث من الأخير, التالي, السابق,
//! الحالي), valued as Recognizers-Text does: "end+0", "end-1", "current+1", "current-1".

use super::lexicon::{weekday_at, Class, LEXICON, RELATIVE_ORDINALS};
use super::tokenize::{Kind, Tokens};
use super::units::percent_after;
use super::values::Value;

fn class_value(stem: &str, class: Class) -> Option<(f64, bool)> {
    LEXICON
        .words
        .get(stem)?
        .iter()
        .find(|w| w.class == class)
        .map(|w| (w.value, w.compound_only))
}

/// The ten after و at token `j` (والعشرون, و عشرون) and the index after it.
fn and_ten(t: &Tokens, j: usize) -> Option<(f64, usize)> {
    if !t.joined(j) || t.kind(j) != Some(Kind::Word) {
        return None;
    }
    let (stem, k) = if t.is(j, "و") {
        if !t.joined(j + 1) {
            return None;
        }
        (t.norm(j + 1), j + 1)
    } else {
        (t.norm(j).strip_prefix('و')?, j)
    };
    let stem = stem.strip_prefix("ال").unwrap_or(stem);
    let (v, _) = class_value(stem, Class::Ten)?;
    Some((v, k + 1))
}

/// The unit part of a compound ordinal at word `j` after و (والخامسة, والواحد).
fn and_unit(t: &Tokens, j: usize) -> Option<(f64, usize)> {
    let (stem, j) = if t.is(j, "و") && t.joined(j + 1) {
        (t.norm(j + 1), j + 1)
    } else {
        (t.norm(j).strip_prefix('و')?, j)
    };
    let stem = stem.strip_prefix("ال").unwrap_or(stem);
    let (v, _) = class_value(stem, Class::Ord).or_else(|| class_value(stem, Class::Unit))?;
    Some((v, j + 1))
}

/// A unit ordinal or cardinal at `i` with an optional عشر or و + ten after it.
fn unit_then(t: &Tokens, i: usize, v: f64, needs_more: bool) -> Option<(f64, usize)> {
    if t.joined(i + 1) && class_value(t.norm(i + 1), Class::Teen10).is_some() {
        return Some((v + 10.0, i + 2));
    }
    if let Some((ten, next)) = and_ten(t, i + 1) {
        return Some((v + ten, next));
    }
    (!needs_more).then_some((v, i + 1))
}

/// Ranks of officers with أول in them (الفريق أول, ملازم أول): the أول is no ordinal.
const RANKS: &[&str] = &["فريق", "ملازم", "رقيب", "عريف", "مساعد", "نقيب"];

/// The ordinal at token `i`: its value, byte start and the index after it. A rank after
/// the hundred (الأولى بعد المئة, 101st) counts from it.
pub(crate) fn ordinal_at(t: &Tokens, i: usize) -> Option<(i64, usize, usize)> {
    let (v, start, next) = simple_ordinal_at(t, i)?;
    let base = match t.norm(next + 1) {
        "المئه" | "المائه" => 100,
        "الالف" => 1000,
        _ => 0,
    };
    if base > 0 && v < base && t.joined(next) && t.is(next, "بعد") && t.joined(next + 1) {
        return Some((base + v, start, next + 2));
    }
    // الدورة العشرون is a rank, but مجموعة العشرين (the G20) is a name.
    if i > 0 && t.joined(i) && t.is(i - 1, "مجموعه") && v >= 20 {
        return None;
    }
    // آل ثاني, آل خامس: a family name.
    let family = i > 0 && t.joined(i) && &t.text[t.toks[i - 1].start..t.toks[i - 1].end] == "آل";
    if family {
        return None;
    }
    // الفريق أول ركن: a rank of officer.
    let officer = i > 0 && t.joined(i) && t.splits(i - 1).any(|s| RANKS.contains(&s.stem));
    (!(officer && v == 1)).then_some((v, start, next))
}

/// An ordinal written ال + digits (الدورة الـ23), at the digits `i`: its value, the byte
/// start of the ال and the index after the digits.
pub(crate) fn article_digits_at(t: &Tokens, i: usize) -> Option<(i64, usize, usize)> {
    // الـ23, and الـ 23 (the tatweel ties them across the space).
    let tatweel = i > 0 && t.text[t.toks[i - 1].start..t.toks[i - 1].end].ends_with('ـ');
    let article = i > 0 && (t.touching(i) || tatweel && t.joined(i)) && t.is(i - 1, "ال");
    let v: i64 = (article && t.kind(i) == Some(Kind::Digits) && t.norm(i).len() <= 4)
        .then(|| t.norm(i).parse().ok())??;
    let glued = t.touching(i + 1) && matches!(t.kind(i + 1), Some(Kind::Word | Kind::Digits));
    // الـ41 عاما is an age, not a rank.
    let years = t.joined(i + 1) && matches!(t.norm(i + 1), "عاما" | "سنه" | "عام" | "سنوات");
    // الأعوام الـ25 المقبلة: a count of the definite noun before it.
    let count = t.joined(i + 1)
        && matches!(
            t.norm(i + 1),
            "المقبله"
                | "القادمه"
                | "الماضيه"
                | "الاخيره"
                | "المقبلين"
                | "الماضيين"
                | "الاخيرين"
        );
    // المنتخبات الـ32, الدول الـ28: a count of the definite plural before it.
    let plural = i > 1 && t.joined(i - 1) && {
        let w = t.norm(i - 2);
        w.starts_with("ال") && (w.ends_with("ات") || w.ends_with("ين") || w.ends_with("ون"))
    };
    let years = years || count || plural;
    (!glued && !years).then_some((v, t.toks[i - 1].start, i + 1))
}

/// [`ordinal_at`] before the rank after a hundred and the names and ranks it leaves out.
fn simple_ordinal_at(t: &Tokens, i: usize) -> Option<(i64, usize, usize)> {
    if t.kind(i) != Some(Kind::Word) {
        return None;
    }
    for s in t.splits(i) {
        let stem = s.stem;
        let art = s.clitics.article;
        // Keep ال in the span, drop و/ف/ب/ل/ك.
        let lead = s.clitics.lead();
        let start = t.stem_start(i, lead);
        if let Some((v, compound)) = class_value(stem, Class::Ord) {
            // أول من أمس is the day before yesterday, not a rank.
            if stem == "اول" && t.is(i + 1, "من") && t.is(i + 2, "امس") {
                return None;
            }
            if let Some((v, next)) = unit_then(t, i, v, compound) {
                return Some((v as i64, start, next));
            }
        }
        if art {
            if let Some((v, _)) = class_value(stem, Class::Unit) {
                // الواحد والعشرون, الأحد عشر; not الاثنين or الأحد (weekdays) alone.
                if let Some((v, next)) = unit_then(t, i, v, true) {
                    return Some((v as i64, start, next));
                }
            }
            if let Some((v, _)) = class_value(stem, Class::Ten) {
                return Some((v as i64, start, i + 1));
            }
            if let Some((h, _)) = class_value(stem, Class::Hundred) {
                // المئة والخامسة والعشرون
                if let Some((u, next)) = t.joined(i + 1).then(|| and_unit(t, i + 1)).flatten() {
                    let (v, next) = unit_then(t, next - 1, u, false)?;
                    return Some(((h + v) as i64, start, next));
                }
                // الذكرى المئة, المائتان: a hundred alone is a rank; not في المائة or
                // بالمئة, a percentage.
                let percent = s.clitics.prep.is_some()
                    || (i > 0 && t.is(i - 1, "في"))
                    || percent_after(t, i + 1).is_some();
                if !percent {
                    return Some((h as i64, start, i + 1));
                }
            }
        }
    }
    None
}

/// Words after which a bare آخر is "another", not "last": particles, prepositions and
/// pronouns never follow آخر in its sense of "last" (آخر كتاب, آخر الأخبار).
const NOT_AFTER_AKHIR: &[&str] = &[
    "من", "في", "علي", "عن", "الي", "او", "ثم", "ان", "قد", "لا", "لم", "لن", "ما", "هو", "هي",
    "مع", "حتي", "منذ", "الذي", "التي", "كان", "كانت", "يكون", "تكون", "مثل", "غير", "بين", "لدي",
    "كما", "لكن", "بل", "اذ", "حيث", "ايضا", "جديد", "يدعي",
];

/// The entry of the relative adjective at word `i` (with ال), and whether ب, ل or ك is
/// glued before it.
fn relative_word(t: &Tokens, i: usize) -> Option<(&'static (&'static str, i64, bool), bool)> {
    if t.kind(i) != Some(Kind::Word) {
        return None;
    }
    t.splits(i).filter(|s| s.clitics.article).find_map(|s| {
        RELATIVE_ORDINALS
            .iter()
            .find(|r| r.0 == s.stem)
            .map(|r| (r, s.clitics.prep.is_some()))
    })
}

/// The relative adjective at word `i` (with ال), as (offset, from the end), unless a
/// preposition stands before it: then it is an adverb or a pronoun (بالتالي therefore,
/// للأخير to the latter, في السابق formerly, في الأخير at last).
fn relative_adjective(t: &Tokens, i: usize) -> Option<(i64, bool)> {
    let (r, prep) = relative_word(t, i)?;
    let after_preposition = i > 0
        && t.joined(i)
        && matches!(
            t.norm(i - 1),
            "في" | "من" | "علي" | "الي" | "عن" | "مع" | "حتي" | "منذ"
        );
    (!prep && !after_preposition).then_some((r.1, r.2))
}

/// Seasons and other spans of the calendar that words for units of time leave out.
const TIME_NOUNS: &[&str] = &[
    "ربيع",
    "صيف",
    "خريف",
    "شتاء",
    "شتا",
    "عطله",
    "موسم",
    "فصل",
    "وقت",
    "فتره",
    "مرحله",
    "حقبه",
    "دوره",
    "عهد",
];

/// Offices and titles: السابق, الحالي, القادم after one (الرئيس السابق, الوزير الحالي)
/// mean former, sitting and incoming, not a place in a list.
const TITLES: &[&str] = &[
    "رئيس",
    "رئيسه",
    "وزير",
    "وزيره",
    "نائب",
    "امين",
    "مدير",
    "مديره",
    "سفير",
    "ملك",
    "امير",
    "قائد",
    "زعيم",
    "مدرب",
    "لاعب",
    "عضو",
    "محافظ",
    "مرشد",
    "مستشار",
    "نظام",
    "حكومه",
    "برلمان",
    "رؤساء",
    "وزراء",
    "نواب",
    "سفراء",
    "قاده",
    "زعماء",
    "اعضاء",
    "بطل",
    "مفتي",
    "عميد",
    "مندوب",
    "متحدث",
    "ناطق",
    "خليفه",
];

/// True when word `j` is an office or title, with or without clitics (بالرئيس).
fn title_word(t: &Tokens, j: usize) -> bool {
    t.kind(j) == Some(Kind::Word) && t.splits(j).any(|s| TITLES.contains(&s.stem))
}

/// True when word `j` names a stretch of time or a point in the calendar (يوم, الأسابيع,
/// يونيو, الاثنين, الربيع): a relative adjective after it, or آخر before it, belongs to a
/// date (الأسبوع القادم, آخر يوم), not to a rank.
fn time_word(t: &Tokens, j: usize) -> bool {
    if t.kind(j) != Some(Kind::Word) {
        return false;
    }
    if weekday_at(t, j).is_some() {
        return true;
    }
    t.splits(j).any(|s| {
        TIME_NOUNS.contains(&s.stem)
            || LEXICON.months.longest(t, j, s.stem).is_some()
            || LEXICON
                .units
                .longest(t, j, s.stem)
                .is_some_and(|(u, _)| u.duration)
    })
}

/// True when the relative adjective at `i` follows a time word, perhaps across a number or
/// بعد (3 أيام القادمة, الأشهر الثلاثة القادمة, الأسبوع بعد القادم).
fn after_time_word(t: &Tokens, i: usize) -> bool {
    let mut j = i;
    for _ in 0..3 {
        if j == 0 || !t.joined(j) {
            return false;
        }
        j -= 1;
        let filler = t.kind(j) == Some(Kind::Digits)
            || t.is(j, "بعد")
            || t.splits(j).any(|s| LEXICON.words.contains_key(s.stem));
        if !filler {
            return time_word(t, j);
        }
    }
    false
}

/// The byte start of word `i` without و/ف/ب/ل/ك (keeping ال).
fn start_without_clitics(t: &Tokens, i: usize) -> usize {
    let lead = t
        .splits(i)
        .find(|s| s.clitics.conj.is_some() || s.clitics.prep.is_some())
        .map_or(0, |s| s.clitics.lead());
    t.stem_start(i, lead)
}

/// A relative ordinal at token `i`: its value (an offset from the end or from the current
/// item), byte start and the index after it.
///
/// - الأخير, الأخيرة, الأخيرين → end+0; آخر before a noun (آخر كتاب, آخر الأخبار) → end+0;
/// - قبل الأخير, الواحد قبل الأخير, سبقت الأخيرة → end-1;
/// - an ordinal counted from the end: الثالث من الأخير, الثانية إلى الأخير → end-2, end-1;
/// - التالي, القادمة → current+1; السابق, السابقة → current-1; الحالي → current+0.
pub(crate) fn relative_at(t: &Tokens, i: usize) -> Option<(Value, usize, usize)> {
    let relative = |offset: i64, from_end: bool| Value::Relative { offset, from_end };
    if t.kind(i) != Some(Kind::Word) {
        return None;
    }
    let start = start_without_clitics(t, i);
    // The forms counted back from the last one hold الأخير within a few words; most words
    // that reach here are numbers with no such word after them.
    let w = t.norm(i);
    let may_count_back = w.contains("ال") || w.contains("قبل") || w.contains("سبق");
    if may_count_back && (i + 1..i + 5).any(|k| t.norm(k).contains("اخير")) {
        let last_after = |j: usize| {
            t.joined(j)
                && t.norm(j).contains("اخير")
                && relative_word(t, j).is_some_and(|(r, _)| r.2 && r.1 == 0)
        };
        // الواحد قبل الأخير, الواحدة قبل الأخيرة
        let head = usize::from(
            t.splits(i)
                .any(|s| s.clitics.article && matches!(s.stem, "واحد" | "واحده"))
                && t.joined(i + 1)
                && t.is(i + 1, "قبل"),
        );
        let j = i + head;
        let stem_is = |k: usize, words: &[&str]| t.splits(k).any(|s| words.contains(&s.stem));
        if stem_is(j, &["قبل", "سبق", "سبقت", "يسبق", "تسبق"]) && last_after(j + 1)
        {
            return Some((relative(-1, true), start, j + 2));
        }
        // الثالث من الأخير
        if let Some((n, _, next)) = ordinal_at(t, i) {
            if t.joined(next)
                && (t.is(next, "من") || t.is(next, "الي"))
                && last_after(next + 1)
                && n >= 1
            {
                return Some((relative(1 - n, true), start, next + 2));
            }
            return None;
        }
    }
    if let Some((off, end)) = relative_adjective(t, i) {
        if after_time_word(t, i) || (!end && i > 0 && t.joined(i) && title_word(t, i - 1)) {
            return None;
        }
        return Some((relative(off, end), start, i + 1));
    }
    // آخر كتاب: the bare آخر before a noun; after one (كتاب آخر) it is "another".
    let bare_akhir = t.splits(i).any(|s| s.stem == "اخر" && !s.clitics.article);
    if bare_akhir
        && t.joined(i + 1)
        && t.kind(i + 1) == Some(Kind::Word)
        && !NOT_AFTER_AKHIR.contains(&t.norm(i + 1))
        && !t.norm(i + 1).starts_with('و')
        && !time_word(t, i + 1)
        // أمراً آخر: an indefinite accusative noun before it
        && !(i > 0 && t.text[t.toks[i - 1].start..t.toks[i - 1].end].ends_with('\u{064B}'))
    {
        return Some((relative(0, true), start, i + 1));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ord(s: &str) -> Option<i64> {
        let t = Tokens::new(s);
        ordinal_at(&t, 0).map(|o| o.0)
    }

    #[test]
    fn ordinals() {
        assert_eq!(ord("الأول"), Some(1));
        assert_eq!(ord("الحادي عشر"), Some(11));
        assert_eq!(ord("الحادي والعشرون"), Some(21));
        assert_eq!(ord("الخامسة و عشرون"), Some(25));
        assert_eq!(ord("العشرون"), Some(20));
        assert_eq!(ord("المئة والخامسة والعشرون"), Some(125));
        assert_eq!(ord("المائتان"), Some(200));
        assert_eq!(ord("بالمئة"), None);
        assert_eq!(ord("الأحد عشر"), Some(11));
        assert_eq!(ord("الأحد"), None);
        assert_eq!(ord("الاثنين"), None);
        assert_eq!(ord("الحادي"), None);
        assert_eq!(ord("اول من امس"), None);
    }

    /// The value as Recognizers-Text writes it: "end-1", "current+1".
    fn label(v: Value) -> String {
        let Value::Relative { offset, from_end } = v else {
            unreachable!()
        };
        let base = if from_end { "end" } else { "current" };
        format!(
            "{base}{}{}",
            if offset < 0 { '-' } else { '+' },
            offset.abs()
        )
    }

    fn rel(s: &str) -> Option<(String, usize)> {
        let t = Tokens::new(s);
        relative_at(&t, 0).map(|(v, _, next)| (label(v), next))
    }

    #[test]
    fn relative_ordinals_of_time_are_not_ranks() {
        let t = Tokens::new("الأشهر الثلاثة القادمة والصفحة التالية");
        assert_eq!(relative_at(&t, 2), None);
        assert_eq!(
            relative_at(&t, 4).map(|r| label(r.0)),
            Some("current+1".into())
        );
        let t = Tokens::new("الأسبوع بعد القادم");
        assert_eq!(relative_at(&t, 2), None);
        let t = Tokens::new("في السابق");
        assert_eq!(relative_at(&t, 1), None);
        let t = Tokens::new("بالرئيس السابق والوزير الحالي");
        assert_eq!(relative_at(&t, 1), None);
        assert_eq!(relative_at(&t, 3), None);
    }

    #[test]
    fn relative_ordinals() {
        assert_eq!(rel("الأخير"), Some(("end+0".into(), 1)));
        assert_eq!(rel("والأخيرة"), Some(("end+0".into(), 1)));
        assert_eq!(rel("قبل الأخير"), Some(("end-1".into(), 2)));
        assert_eq!(rel("الواحد قبل الأخير"), Some(("end-1".into(), 3)));
        assert_eq!(rel("الثالث من الأخير"), Some(("end-2".into(), 3)));
        assert_eq!(rel("التالي"), Some(("current+1".into(), 1)));
        assert_eq!(rel("السابقة"), Some(("current-1".into(), 1)));
        assert_eq!(rel("الحالية"), Some(("current+0".into(), 1)));
        assert_eq!(rel("آخر كتاب"), Some(("end+0".into(), 1)));
        assert_eq!(rel("آخر من"), None);
        assert_eq!(rel("آخر يوم"), None);
        assert_eq!(rel("آخر كما"), None);
        let t = Tokens::new("أمراً آخر لافتاً");
        assert_eq!(relative_at(&t, 1), None);
        assert_eq!(rel("آخر"), None);
        assert_eq!(rel("الثالث"), None);
        assert_eq!(rel("بالتالي"), None);
        assert_eq!(rel("للأخير"), None);
        assert_eq!(rel("قبل يومين"), None);
    }
}
