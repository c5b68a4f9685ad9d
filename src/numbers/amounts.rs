//! Amounts: a number phrase with what gives it a kind (a percent sign or word, a currency,
//! a unit of measure or of time), powers (1.1^23), ratios (واحد على ثلاثة) and counted
//! fifths (ثلاثة وعشرون خمس).

use super::codes::{code_or_name, phone_at};
use super::grammar::{digit_literal, parse_number, Phrase};
use super::lexicon::{self, stem_at, Unit, LEXICON};
use super::mention::NumberKind;
use super::qualifiers::qualifier_before;
use super::tokenize::{Kind, Tokens};
use super::units;
use super::values::{Found, Value};

/// An amount found from byte `start` up to token `next`.
fn amount(
    t: &Tokens,
    start: usize,
    next: usize,
    kind: NumberKind,
    v: f64,
    unit: Option<String>,
) -> (Found, usize) {
    let found = Found::new(start, t.toks[next - 1].end, kind, Value::Number(v), unit);
    (found, next)
}

/// The mention of an amount `v` measured in unit `u`, from byte `start` up to `next`:
/// a duration when `u` is a length of time, else a quantity.
fn measured(t: &Tokens, start: usize, next: usize, u: &Unit, v: f64) -> (Found, usize) {
    let kind = if u.duration {
        NumberKind::Duration
    } else {
        NumberKind::Quantity
    };
    amount(t, start, next, kind, v, Some(u.code.clone()))
}

/// A number phrase at token `i` with what gives it a kind.
pub(crate) fn amount_at(t: &Tokens, i: usize) -> Option<(Found, usize)> {
    // The digits, after a sign if there is one.
    let d = if matches!(t.norm(i), "+" | "-" | "−") && t.touching(i + 1) {
        i + 1
    } else {
        i
    };
    if t.kind(d) == Some(Kind::Digits) && (code_or_name(t, d) || phone_at(t, d)) {
        return None;
    }
    if let Some(found) = marked_before(t, i) {
        return found;
    }
    let Some(p) = parse_number(t, i) else {
        if let Some(found) = currency_alone(t, i) {
            return Some(found);
        }
        // نص لتر, نص ساعة: the spoken half before a unit (نص alone is "text").
        if t.is(i, "نص") {
            let (u, next) = units::unit_after(t, i + 1).filter(|(u, _)| u.count == 1)?;
            let half = Phrase {
                value: 0.5,
                ..one_at(t, i, next)
            };
            let (v, next) = units::with_unit(t, &half, u, next);
            return Some(measured(t, half.start, next, u, v));
        }
        // A dual unit word on its own: ساعتين, يومين.
        let (u, next) = units::dual_unit(t, i)?;
        let one = one_at(t, i, next);
        let (v, next) = units::with_unit(t, &one, u, next);
        return Some(measured(t, one.start, next, u, v));
    };
    if p.glued {
        return glued_amount(t, &p).map(|found| as_age(t, i, found));
    }
    if let Some(found) = marked_after(t, &p) {
        return Some(as_magnitude(t, i, as_age(t, i, found)));
    }
    bare_number(t, i, &p)
}

/// Degrees after the strength of an earthquake (زلزال شدته 5.6 درجة, بقوة 6 درجات) are on
/// the Richter scale, not Celsius: `found` starts at token `i`.
fn as_magnitude(t: &Tokens, i: usize, found: (Found, usize)) -> (Found, usize) {
    let (mut m, next) = found;
    let strength = i > 0
        && t.joined(i)
        && matches!(
            stem_at(t, i - 1),
            "شدته" | "شدتها" | "بقوه" | "قوته" | "قوتها" | "بشده"
        );
    if strength && m.unit.as_deref() == Some("celsius") {
        m.unit = Some("richter".to_string());
    }
    (m, next)
}

/// A length in years after a word of age (البالغ من العمر 27 عاما, عمره 40 سنة, بعمر 5
/// سنوات, في سن 18 عاما, عمره لا يقل عن 30 عاما), alone in brackets after a name (محمد (27
/// عاما)) or after تحت or دون (an age group: منتخب تحت 20 سنة) is an age, in years: `found`
/// starts at token `i`.
fn as_age(t: &Tokens, i: usize, found: (Found, usize)) -> (Found, usize) {
    const YEAR: f64 = 31_536_000.0;
    let (mut m, next) = found;
    let years = match m.value {
        Value::Number(v) if m.kind == NumberKind::Duration && v % YEAR == 0.0 => v / YEAR,
        _ => return (m, next),
    };
    // عمره ما بين 20 و30 عاما, عمره نحو 40 عاما: the word of age before a range or a
    // qualifier.
    let mut k = qualifier_before(t, i).map_or(i, |q| q.2);
    while k > 1 && t.joined(k) && matches!(t.norm(k - 1), "بين" | "ما" | "نحو" | "حوالي" | "قرابه")
    {
        k -= 1;
    }
    let cue = k > 0
        && t.joined(k)
        && matches!(
            stem_at(t, k - 1),
            "العمر"
                | "عمر"
                | "عمره"
                | "عمرها"
                | "عمرهم"
                | "عمرهما"
                | "بعمر"
                | "ناهز"
                | "يناهز"
                | "تناهز"
                | "سن"
                | "السن"
                | "البالغ"
                | "البالغه"
                | "ال"
                | "اعمارهم"
                | "اعمار"
                | "اعمارهن"
                | "يبلغ"
                | "تبلغ"
        );
    let bracketed = i > 0 && t.is(i - 1, "(") && t.joined(i) && t.is(next, ")");
    // منتخب تحت 20 سنة, الأطفال دون 18 عاما: an age group.
    let under = i > 0 && t.joined(i) && matches!(t.norm(i - 1), "تحت" | "دون");
    if cue || bracketed || under {
        m.kind = NumberKind::Age;
        m.value = Value::Number(years);
        m.unit = Some("year".to_string());
    }
    (m, next)
}

/// A currency noun standing for its own count: a dual (دولارين, دينارين) is two, a noun
/// with واحد after it (دينار واحد) one.
fn currency_alone(t: &Tokens, i: usize) -> Option<(Found, usize)> {
    if t.kind(i) != Some(Kind::Word) {
        return None;
    }
    let c = units::currency_at(t, i).filter(|c| c.factor == 1.0 && c.next == i + 1)?;
    let w = t.norm(i);
    let one = t.joined(c.next) && matches!(t.norm(c.next), "واحد" | "واحدا" | "واحده");
    let (count, next) = if one {
        (1.0, c.next + 1)
    } else if (w.ends_with("ين") || w.ends_with("ان")) && w.chars().count() > 4 {
        (2.0, c.next)
    } else {
        return None;
    };
    let unit = Some(c.code);
    let (mut found, next) = amount(t, t.toks[i].start, next, NumberKind::Money, count, unit);
    found.family = c.family;
    Some((found, next))
}

/// A phrase of value one from token `i` up to `next` (a unit word with no number).
fn one_at(t: &Tokens, i: usize, next: usize) -> Phrase {
    Phrase {
        start: t.toks[i].start,
        next,
        value: 1.0,
        fraction: false,
        glued: false,
    }
}

/// An amount marked before its number at `i`: a currency symbol ($10, € 20), a percent sign
/// (٪20) or word (بالمائة 10). `Some(None)` when the mark is there but no number after it.
fn marked_before(t: &Tokens, i: usize) -> Option<Option<(Found, usize)>> {
    let start = t.toks[i].start;
    if let Some((code, k)) = units::currency_before(t, i) {
        let found = parse_number(t, k)
            .map(|p| amount(t, start, p.next, NumberKind::Money, p.value, Some(code)));
        return Some(found);
    }
    if matches!(t.norm(i), "%" | "٪") && t.touching(i + 1) {
        let found = parse_number(t, i + 1)
            .filter(|p| !p.glued)
            .map(|p| amount(t, start, p.next, NumberKind::Percent, p.value, None));
        return Some(found);
    }
    if units::percent_word(t, i) && t.joined(i + 1) {
        let found = parse_number(t, i + 1)
            .map(|p| amount(t, start, p.next, NumberKind::Percent, p.value, None));
        return Some(found);
    }
    None
}

/// Digits glued to letters count only with a unit or a currency (250مل, 10$).
fn glued_amount(t: &Tokens, p: &Phrase) -> Option<(Found, usize)> {
    if let Some((u, next)) = units::unit_after(t, p.next) {
        let (v, next) = units::with_unit(t, p, u, next);
        return Some(measured(t, p.start, next, u, v));
    }
    money_after(t, p)
}

/// The phrase `p` with a currency after it (and its cents: 20 دولار و43 سنت).
fn money_after(t: &Tokens, p: &Phrase) -> Option<(Found, usize)> {
    let c = units::currency_after(t, p.next)?;
    let (cents, next) = cents_after(t, c.next, &c.code, c.factor)
        .or_else(|| half_after(t, c.next))
        .unwrap_or((0.0, c.next));
    // A subunit alone (50 سنتا) is divided, so that the value is exact to the subunit.
    let whole = if c.factor < 1.0 {
        p.value / (1.0 / c.factor).round()
    } else {
        p.value * c.factor
    };
    let v = whole + cents;
    let (mut found, next) = amount(t, p.start, next, NumberKind::Money, v, Some(c.code));
    found.family = c.family;
    Some((found, next))
}

/// The phrase `p` with a percent mark, a currency or a unit after it.
fn marked_after(t: &Tokens, p: &Phrase) -> Option<(Found, usize)> {
    if let Some(next) = units::percent_after(t, p.next) {
        return Some(amount(t, p.start, next, NumberKind::Percent, p.value, None));
    }
    if let Some(found) = money_after(t, p) {
        return Some(found);
    }
    let (u, next) = units::unit_after(t, p.next)?;
    let (v, next) = units::with_unit(t, p, u, next);
    let (v, next) = if u.duration {
        more_durations(t, v, next)
    } else {
        (v, next)
    };
    Some(measured(t, p.start, next, u, v))
}

/// A length of time `v` (in seconds, up to token `next`) with the further lengths after it
/// (3 سنوات و6 أشهر, 2 سنة 1 شهر 21 يوم, عام واحد و شهر و 21 يوما): their sum and the index
/// after them.
fn more_durations(t: &Tokens, mut v: f64, mut next: usize) -> (f64, usize) {
    while let Some((more, after)) = more_duration(t, next) {
        v += more;
        next = after;
    }
    (v, next)
}

/// A unit of time `u` with no number from byte `start` up to token `next` (لمدة ساعة, شهر
/// واحد): one unit, with a half (لمدة ساعة ونصف) and further lengths after it.
pub(crate) fn cued_length(t: &Tokens, start: usize, next: usize, u: &Unit) -> (Found, usize) {
    let one = Phrase {
        start,
        next,
        value: 1.0,
        fraction: false,
        glued: false,
    };
    let (v, next) = units::with_unit(t, &one, u, next);
    let (v, next) = more_durations(t, v, next);
    measured(t, start, next, u, v)
}

/// The phrase `p` at `i` with no unit after it: a percentage after بنسبة, degrees below
/// zero, a power, a ratio, a count of fifths, or a cardinal or a fraction.
fn bare_number(t: &Tokens, i: usize, p: &Phrase) -> Option<(Found, usize)> {
    // بنسبة 10: a percentage without a sign.
    if (0.0..=1000.0).contains(&p.value)
        && i > 0
        && t.splits(i - 1)
            .any(|s| s.stem == "نسبه" && !s.clitics.article)
    {
        return Some(amount(
            t,
            p.start,
            p.next,
            NumberKind::Percent,
            p.value,
            None,
        ));
    }
    // 5 تحت الصفر: degrees below zero.
    if t.joined(p.next) && t.is(p.next, "تحت") && t.is(p.next + 1, "الصفر") {
        let unit = Some("celsius".to_string());
        return Some(amount(
            t,
            p.start,
            p.next + 2,
            NumberKind::Quantity,
            -p.value,
            unit,
        ));
    }
    if let Some((v, next)) = power_after(t, p)
        .or_else(|| ratio_after(t, p))
        .or_else(|| fifths_after(t, p))
    {
        return Some(amount(t, p.start, next, NumberKind::Cardinal, v, None));
    }
    // ألف مبروك, ألف شكر: a thousand as a way of speaking.
    let idiom = p.next == i + 1
        && t.is(i, "الف")
        && t.joined(p.next)
        && matches!(
            t.norm(p.next),
            "مبروك"
                | "شكر"
                | "سلامه"
                | "تحيه"
                | "رحمه"
                | "مرحبا"
                | "مبارك"
                | "الف"
                | "ليله"
        );
    if idiom {
        return None;
    }
    // أي واحد, كل واحد منهم, ولا واحدة: one as a pronoun, not a count.
    let one_word = p.next == i + 1
        && t.kind(i) == Some(Kind::Word)
        && t.splits(i)
            .any(|s| matches!(s.stem, "واحد" | "واحده") && !s.clitics.article);
    if one_word
        && i > 0
        && t.joined(i)
        && t.splits(i - 1)
            .any(|s| matches!(s.stem, "اي" | "كل" | "لا" | "ولا") && !s.clitics.article)
    {
        return None;
    }
    // للمرة 18, المرة 3: the nth time.
    let nth_time = i > 0
        && t.joined(i)
        && t.splits(i - 1)
            .any(|s| s.stem == "مره" && s.clitics.article)
        && p.value.fract() == 0.0;
    let kind = if p.fraction {
        NumberKind::Fraction
    } else if nth_time {
        NumberKind::Ordinal
    } else {
        NumberKind::Cardinal
    };
    Some(amount(t, p.start, p.next, kind, p.value, None))
}

/// A further length of time after one (و6 أشهر, ، 21 يوما, و شهر, 1 شهر): its seconds
/// and the index after it.
fn more_duration(t: &Tokens, j: usize) -> Option<(f64, usize)> {
    if !t.joined(j) {
        return None;
    }
    let k = if matches!(t.norm(j), "و" | "," | "،") && t.joined(j + 1) {
        j + 1
    } else {
        j
    };
    if let Some(p) = parse_number(t, k).filter(|p| !p.fraction) {
        let (u, next) = units::unit_after(t, p.next).filter(|(u, _)| u.duration)?;
        return Some(units::with_unit(t, &p, u, next));
    }
    // و شهر, وشهرين: a unit with no number.
    let one = one_at(t, k, k);
    if let Some((u, next)) = units::dual_unit(t, k).filter(|(u, _)| u.duration) {
        return Some(units::with_unit(t, &one, u, next));
    }
    let w = t.norm(k);
    let w = if k > j { w } else { w.strip_prefix('و')? };
    let (u, next) = units::unit_after(t, k).filter(|(u, n)| {
        u.duration && u.count == 1 && *n == k + 1 && matches!(w, "شهر" | "سنه" | "عام" | "يوم")
    })?;
    // و شهر واحد: one, said after the unit.
    let one_after = t.joined(next) && matches!(t.norm(next), "واحد" | "واحده");
    Some(units::with_unit(t, &one, u, next + usize::from(one_after)))
}

/// The subunit (cents, piastres, halalas, fils, millimes, centimes) after an amount in
/// `code` (20 دولار و43 سنت, 10 جنيهات و50 قرشا, 20$ 43c): its value in `code` and the index
/// after it.
fn cents_after(t: &Tokens, j: usize, code: &str, factor: f64) -> Option<(f64, usize)> {
    if factor != 1.0 || !t.joined(j) {
        return None;
    }
    let k = if t.is(j, "و") { j + 1 } else { j };
    // إحدى هللة, أحد القروش: one of the subunits.
    let one = matches!(t.norm(k), "احدي" | "احد").then_some((1.0, k + 1));
    let (value, after) = parse_number(t, k)
        .filter(|_| t.joined(k) && !c_fraction(t, k))
        .map(|p| (p.value, p.next))
        .or(one)?;
    let cur = units::currency_after(t, after)?;
    // A fils is a thousandth of a dinar but a hundredth of a dirham or a riyal.
    let per_unit = match (cur.family, code) {
        (Some("fils"), "AED" | "YER" | "QAR" | "MAD") => 100.0,
        (Some("fils" | "millime"), _) => 1000.0,
        (Some("cent" | "piastre" | "halala" | "centime"), _) => 100.0,
        (None, _) if cur.code == code && cur.factor < 1.0 => (1.0 / cur.factor).round(),
        _ => return None,
    };
    (value < per_unit).then_some((value / per_unit, cur.next))
}

/// A half after an amount of money (57 دولارا ونصف): its value and the index after it.
fn half_after(t: &Tokens, j: usize) -> Option<(f64, usize)> {
    let next = match t.norm(j) {
        "و" if t.joined(j + 1) && t.is(j + 1, "نصف") => j + 2,
        "ونصف" => j + 1,
        _ => return None,
    };
    t.joined(j).then_some((0.5, next))
}

/// True when the number at `k` is a bare fraction word (نصف), which a subunit never counts.
fn c_fraction(t: &Tokens, k: usize) -> bool {
    parse_number(t, k).is_some_and(|p| p.fraction)
}

/// A power written with a caret after the number `p`: 1.1^23, 2.5^-1, ١,١^+٢٣. Returns the
/// value and the index after the exponent.
fn power_after(t: &Tokens, p: &Phrase) -> Option<(f64, usize)> {
    let mut j = p.next;
    if !(t.touching(j) && t.is(j, "^") && t.touching(j + 1)) {
        return None;
    }
    j += 1;
    let mut sign = 1.0;
    while matches!(t.norm(j), "-" | "+" | "−") && t.touching(j + 1) {
        if !t.is(j, "+") {
            sign = -sign;
        }
        j += 1;
    }
    let (e, next, _) = digit_literal(t, j)?;
    let v = p.value.powf(sign * e);
    v.is_finite().then_some((v, next))
}

/// A fraction word counting the number `p` of parts: ثلاثة وعشرون خمس (23/5), مائة واثنان
/// وثلاثون أخماس. A unit such as خمس cannot follow a tens word, so after one it is a fifth;
/// a plural fraction (أخماس) counts any number above ten (up to ten: `grammar.rs`). Returns
/// the value and the index after the fraction word.
fn fifths_after(t: &Tokens, p: &Phrase) -> Option<(f64, usize)> {
    let j = p.next;
    if !t.joined(j) || p.fraction || p.glued || p.value.fract() != 0.0 || p.value <= 10.0 {
        return None;
    }
    let reads = |w: &str, c: lexicon::Class| {
        LEXICON
            .words
            .get(w)
            .and_then(|ws| ws.iter().find(|x| x.class == c).copied())
    };
    let last = t.norm(j - 1);
    let last = last
        .strip_prefix('و')
        .filter(|s| s.len() > 2)
        .unwrap_or(last);
    let after_tens = reads(last, lexicon::Class::Ten).is_some();
    let f = reads(t.norm(j), lexicon::Class::Frac)?;
    let parts = matches!(f.value as i64, 3..=7 | 9);
    (parts && (f.count == 0 || f.count == 1 && after_tens)).then_some((p.value / f.value, j + 1))
}

/// A ratio after the number `p`: واحد على ثلاثة (1/3), 1 على 20, ثلاثة أجزاء من مئة, واحد
/// من مائة مليون (one in a power of ten). Only a proper ratio counts: 3 على 1 is a score;
/// but parts named as such (أجزاء من) may be more than a whole.
/// Returns the value and the index after the second number.
fn ratio_after(t: &Tokens, p: &Phrase) -> Option<(f64, usize)> {
    let j = p.next;
    if !t.joined(j) || !t.joined(j + 1) || p.fraction {
        return None;
    }
    let (k, any_ratio) = match t.norm(j) {
        "علي" => (j + 1, true),
        "جزء" | "اجزاء" if t.is(j + 1, "من") && t.joined(j + 2) => (j + 2, true),
        "من" => (j + 1, false),
        _ => return None,
    };
    let q = parse_number(t, k)?;
    // مئة أجزاء من خمسة وثلاثين: parts named as such may make more than a whole.
    let parts = k == j + 2;
    if q.fraction || q.glued || (q.value <= p.value.abs() && !parts) || q.value.fract() != 0.0 {
        return None;
    }
    let power_of_ten = q.value >= 100.0 && (q.value.log10().fract()).abs() < 1e-9;
    if !(any_ratio || p.value == 1.0 && power_of_ten) {
        return None;
    }
    // Not when the second number counts something with a unit: 1 على 3 دولار.
    if units::currency_after(t, q.next).is_some() || units::percent_after(t, q.next).is_some() {
        return None;
    }
    Some((p.value / q.value, q.next))
}
