//! The grammar of number phrases: digit literals, number words and how they combine.
//!
//! A phrase is read left to right as in written Arabic: larger parts first, units before
//! tens (خمسة وعشرون), a unit before عشر for 11 to 19, a unit or a digit before مائة, any
//! number before a scale word (ثلاثة آلاف, 2.5 مليار), and parts joined by و only when each
//! is smaller than the place left open by the one before (ألف وتسعمائة وخمسة وتسعون), so that
//! ثلاثمائة و مائتين stays two numbers. A phrase may end in a fraction (واحد ونصف,
//! مئة وثلاثة أرباع) or a decimal part after فاصلة.

use super::lexicon::{Class, Word, LEXICON};
use super::tokenize::{Clitics, Gap, Kind, Tokens};

/// A number phrase found at some token.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Phrase {
    /// Byte offset where the phrase starts (after any و/ب/ل/ك/ف clitic).
    pub start: usize,
    /// Index of the token after the phrase.
    pub next: usize,
    pub value: f64,
    /// The phrase is a bare fraction (نصف, ثلاثة أرباع, 3/4).
    pub fraction: bool,
    /// The phrase is a digit literal with letters glued after it (250مل, 1M).
    pub glued: bool,
}

/// A small whole number written in digits at token `i` (at most `len` digits).
pub(crate) fn small_digits(t: &Tokens, i: usize, len: usize) -> Option<i64> {
    (t.kind(i) == Some(Kind::Digits) && t.norm(i).len() <= len).then(|| t.norm(i).parse().ok())?
}

/// Digits longer than this are codes or phone numbers, not amounts.
const MAX_DIGITS: usize = 15;

fn is_sep(c: &str) -> bool {
    matches!(c, "," | "." | "٫" | "٬" | "،")
}

fn digits_at<'a>(t: &'a Tokens, i: usize) -> Option<&'a str> {
    (t.kind(i) == Some(Kind::Digits)).then(|| t.norm(i))
}

fn int_value(s: &str) -> f64 {
    s.bytes().fold(0.0, |v, b| v * 10.0 + f64::from(b - b'0'))
}

fn frac_value(s: &str) -> f64 {
    let digits = s.trim_end_matches('0');
    let mut v = 0.0;
    for b in digits.bytes().rev() {
        v = (v + f64::from(b - b'0')) / 10.0;
    }
    v
}

/// True when token `i` is a digit group that continues a chain of digit groups joined by
/// separators (as in an IP address) started before it.
fn inside_chain(t: &Tokens, i: usize) -> bool {
    i >= 2
        && t.touching(i)
        && t.kind(i - 1) == Some(Kind::Punct)
        && is_sep(t.norm(i - 1))
        && t.touching(i - 1)
        && t.kind(i - 2) == Some(Kind::Digits)
}

/// A denominator written `/d` at token `k` (the slash), not part of a date. With
/// `touching`, the slash must touch the digits before it.
fn slash(t: &Tokens, k: usize, touching: bool) -> Option<(f64, usize)> {
    if !(t.is(k, "/") && t.touching(k + 1)) || (touching && !t.touching(k)) {
        return None;
    }
    let den = digits_at(t, k + 1)?;
    let date_like = den.len() > 3 || (t.touching(k + 2) && t.is(k + 2, "/"));
    let d = int_value(den);
    (!date_like && d > 0.0).then_some((d, k + 2))
}

/// Reads a digit literal at token `i`: groups with thousands separators, a decimal part,
/// space-separated thousands (1 234 567), a simple fraction (3/4) or a mixed one (2 1/4).
/// Returns the value, the index after it and whether it is a whole number.
pub(crate) fn digit_literal(t: &Tokens, i: usize) -> Option<(f64, usize, bool)> {
    // A leading decimal point: .77, ٫٧٧
    if t.kind(i) == Some(Kind::Punct) && matches!(t.norm(i), "." | "٫") {
        let d = digits_at(t, i + 1).filter(|_| t.touching(i + 1))?;
        if i > 0 && t.touching(i) && matches!(t.kind(i - 1), Some(Kind::Digits | Kind::Word)) {
            return None;
        }
        return Some((frac_value(d), i + 2, false));
    }
    let g0 = digits_at(t, i)?;
    if inside_chain(t, i) {
        return (g0.len() <= MAX_DIGITS).then(|| (int_value(g0), i + 1, true));
    }
    let (int_part, frac_part, next) = grouped_digits(t, i, g0)?;
    if int_part.len() > MAX_DIGITS || (int_part.len() >= 8 && int_part.starts_with('0')) {
        return None;
    }
    let mut value = int_value(&int_part) + frac_value(frac_part);
    let mut whole = frac_value(frac_part) == 0.0;
    let mut next = next;
    if frac_part.is_empty() && int_part.len() <= 3 {
        if let Some((f, after)) = slash(t, next, true) {
            // A fraction written with a slash: 3/4, ١١/١٠.
            value /= f;
            whole = false;
            next = after;
        } else if t.kind(next) == Some(Kind::Digits) && t.toks[next].gap == Gap::Space {
            // A mixed number: 2 1/4.
            let num = int_value(t.norm(next));
            if let Some((den, after)) = slash(t, next + 1, false).filter(|(d, _)| num < *d) {
                value += num / den;
                whole = false;
                next = after;
            }
        }
    }
    if let Some(scaled) = exponent_after(t, next, value) {
        return Some(scaled);
    }
    Some((value, next, whole))
}

/// The digit groups at `i` (first group `g0`) joined by touching separators or by spaces
/// (1,234,567.89, ١٢٫٥, 1 234 567): the integer digits, the decimal digits and the index
/// after them.
fn grouped_digits<'a>(t: &'a Tokens, i: usize, g0: &'a str) -> Option<(String, &'a str, usize)> {
    // Collect touching separator + digit pairs.
    let mut seps: Vec<&str> = Vec::new();
    let mut groups: Vec<&str> = vec![g0];
    let mut j = i + 1;
    while t.touching(j)
        && t.kind(j) == Some(Kind::Punct)
        && is_sep(t.norm(j))
        && t.touching(j + 1)
        && t.kind(j + 1) == Some(Kind::Digits)
    {
        seps.push(t.norm(j));
        groups.push(t.norm(j + 1));
        j += 2;
    }
    let thousands_ok = |gs: &[&str]| gs[0].len() <= 3 && gs[1..].iter().all(|g| g.len() == 3);
    let (int_part, frac_part, used): (String, &str, usize) = if seps.is_empty() {
        (g0.to_string(), "", 0)
    } else if seps.iter().all(|s| *s == seps[0]) && seps.len() >= 2 {
        if thousands_ok(&groups) && seps[0] != "٫" {
            (groups.concat(), "", seps.len())
        } else {
            // An address or a version string: the first group alone.
            (g0.to_string(), "", 0)
        }
    } else if seps.len() == 1 {
        let s = seps[0];
        let g1 = groups[1];
        match s {
            "٫" | "." => (g0.to_string(), g1, 1),
            "٬" if g1.len() == 3 => (groups.concat(), "", 1),
            "," if g1.len() == 3 && g0 != "0" => (groups.concat(), "", 1),
            "," => (g0.to_string(), g1, 1),
            "،" if g1.len() == 3 => (groups.concat(), "", 1),
            _ => (g0.to_string(), "", 0),
        }
    } else {
        // Mixed separators: the last one is the decimal mark if it occurs once.
        let last = *seps.last()?;
        let n = seps.len();
        if seps[..n - 1].iter().all(|s| *s != last) && thousands_ok(&groups[..n]) {
            (groups[..n].concat(), groups[n], n)
        } else {
            (g0.to_string(), "", 0)
        }
    };
    let mut next = i + 1 + 2 * used;
    let mut int_part = int_part;
    let mut frac_part = frac_part;
    if used == 0 && g0.len() <= 3 {
        // Space-separated thousands: 1 234 567.
        let mut k = next;
        let mut extra = String::new();
        while t.kind(k) == Some(Kind::Digits) && t.toks[k].gap == Gap::Space && t.norm(k).len() == 3
        {
            extra.push_str(t.norm(k));
            k += 1;
        }
        if !(extra.is_empty() || t.kind(k) == Some(Kind::Digits) && t.joined(k)) {
            int_part.push_str(&extra);
            next = k;
            // and a decimal part: 1 234 567.89
            let point = t.touching(k) && matches!(t.norm(k), "." | "٫");
            if point && t.touching(k + 1) && t.kind(k + 1) == Some(Kind::Digits) {
                let again = t.touching(k + 2) && t.is(k + 2, t.norm(k));
                if !again {
                    frac_part = t.norm(k + 1);
                    next = k + 2;
                }
            }
        }
    }
    Some((int_part, frac_part, next))
}

/// A power of ten after the number `value` ending before `next`: 1e10, -12e-1, ١٢,٣٢e+١٤.
/// Returns the value, the index after it and whether it is whole.
fn exponent_after(t: &Tokens, next: usize, value: f64) -> Option<(f64, usize, bool)> {
    if t.touching(next) && t.kind(next) == Some(Kind::Latin) && matches!(t.norm(next), "e" | "E") {
        let signed = matches!(t.norm(next + 1), "+" | "-") && t.touching(next + 1);
        let k = next + 1 + usize::from(signed);
        if let Some(exp) = digits_at(t, k).filter(|e| t.touching(k) && e.len() <= 3) {
            let scale = 10f64.powf(int_value(exp));
            let v = if t.is(next + 1, "-") {
                value / scale
            } else {
                value * scale
            };
            if v.is_finite() {
                return Some((v, k + 1, v.fract() == 0.0));
            }
        }
    }
    None
}

/// The readings of a word stem.
fn readings(stem: &str) -> &'static [Word] {
    LEXICON.words.get(stem).map(Vec::as_slice).unwrap_or(&[])
}

fn reading(stem: &str, class: Class) -> Option<Word> {
    readings(stem).iter().copied().find(|w| w.class == class)
}

/// The bare stem of word `i` if it has no clitics at all, or after a و/ف conjunction only.
fn plain<'a>(t: &'a Tokens, i: usize) -> Option<&'a str> {
    (t.kind(i) == Some(Kind::Word)).then(|| t.norm(i))
}

/// The stem of word `i` after a و conjunction (glued, or a separate و token before it).
/// Returns the stem and the token that holds it.
fn after_wa<'a>(t: &'a Tokens, i: usize) -> Option<(&'a str, usize)> {
    if !t.joined(i) {
        return None;
    }
    if t.is(i, "و") && t.kind(i) == Some(Kind::Word) {
        return t.joined(i + 1).then(|| (t.norm(i + 1), i + 1));
    }
    t.splits(i)
        .find(|s| {
            s.clitics
                == Clitics {
                    conj: Some('و'),
                    prep: None,
                    article: false,
                    letters: 1,
                }
        })
        .map(|s| (s.stem, i))
        .or_else(|| LEXICON.short_after_wa(t.norm(i)).map(|s| (s, i)))
        .filter(|_| !west(t, i))
}

/// True when وست at `i` is "West" in a name (وست هام, وست بروميتش), not "and six".
fn west(t: &Tokens, i: usize) -> bool {
    t.is(i, "وست") && matches!(t.norm(i + 1), "هام" | "بروميتش" | "بروميش" | "ميدلاندز")
}

/// Where the next additive part may go.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Stage {
    /// After a unit word: a ten may follow with و, عشر or مائة without.
    Unit,
    /// After a ten, a teen, or a literal: only a scale or a fraction may follow.
    Closed,
    /// After a hundred or a scale: parts smaller than `cap` may follow with و.
    Open(f64),
    /// After a fraction or a decimal part: a scale may still follow (نصف مليون).
    Frac,
}

struct State {
    total: f64,
    cur: f64,
    last_scale: f64,
    stage: Stage,
    words: bool,
    fraction_only: bool,
}

impl State {
    fn value(&self) -> f64 {
        self.total + self.cur
    }

    fn scale(&mut self, s: f64) {
        if s < self.last_scale {
            self.total += self.cur * s;
        } else {
            self.total = (self.total + self.cur) * s;
        }
        self.cur = 0.0;
        self.last_scale = s;
        self.stage = Stage::Open(s);
        self.fraction_only = false;
    }
}

/// A fraction with a count in front: ثلاثة أرباع (unit `n` then a plural fraction at `j`).
fn counted_fraction(t: &Tokens, j: usize, n: f64) -> Option<f64> {
    if !t.joined(j) || !(2.0..=10.0).contains(&n) {
        return None;
    }
    let f = reading(plain(t, j)?, Class::Frac).filter(|f| f.count == 0)?;
    Some(n / f.value)
}

/// True when a number word follows at `j`, with or without و (متين واحد وعشرين).
fn continues(t: &Tokens, j: usize) -> bool {
    let stem = after_wa(t, j)
        .map(|(s, _)| s)
        .or_else(|| plain(t, j).filter(|_| t.joined(j)));
    stem.is_some_and(|s| {
        readings(s)
            .iter()
            .any(|w| matches!(w.class, Class::Unit | Class::Teen10 | Class::Ten))
    }) || (t.joined(j) && t.kind(j) == Some(Kind::Digits))
}

/// Reads the first atom of a phrase at word `i` with stem `stem`.
fn first_word(t: &Tokens, i: usize, stem: &str) -> Option<(State, usize)> {
    let rs = readings(stem);
    let next_plain = plain(t, i + 1).filter(|_| t.joined(i + 1));
    let next_is = |c: Class| next_plain.is_some_and(|n| reading(n, c).is_some());
    let st = |cur: f64, stage: Stage| State {
        total: 0.0,
        cur,
        last_scale: f64::INFINITY,
        stage,
        words: true,
        fraction_only: false,
    };
    let unit = rs.iter().find(|w| w.class == Class::Unit);
    let ten = rs
        .iter()
        .any(|w| w.class == Class::Teen10 || w.class == Class::Ten);
    let frac = rs
        .iter()
        .find(|w| w.class == Class::Frac && w.count != 0)
        .filter(|_| !ten);
    // خمس / سبع / تسع before a definite noun are fractions (خمس الفطيرة).
    let definite_next = next_plain.is_some_and(|n| n.starts_with("ال") && readings(n).is_empty());
    if let (Some(f), true) = (frac, unit.is_none() || definite_next) {
        if stem == "ثمن" {
            return None; // "price" far more often than an eighth
        }
        // نصف النهائي, ربع النهائي: the semi-final and the quarter-final.
        if next_plain.is_some_and(|n| matches!(n, "النهائي" | "النهائيه" | "نهائي"))
        {
            return None;
        }
        let mut s = st(f.count as f64 / f.value, Stage::Frac);
        s.fraction_only = true;
        return Some((s, i + 1));
    }
    if let Some(u) = unit {
        if u.compound_only && !next_is(Class::Teen10) && !ten_after_wa(t, i + 1) {
            return None;
        }
        // ست الكل, ست البيت: "lady", not six.
        if stem == "ست" && definite_next {
            return None;
        }
        if let Some(v) = counted_fraction(t, i + 1, u.value) {
            let mut s = st(v, Stage::Frac);
            s.fraction_only = true;
            return Some((s, i + 2));
        }
        return Some((st(u.value, Stage::Unit), i + 1));
    }
    for w in rs {
        let s = match w.class {
            Class::Teen10 | Class::Teen | Class::Ten => st(w.value, Stage::Closed),
            Class::Hundred if (stem == "متين" || stem == "ميه") && !continues(t, i + 1) => {
                continue
            }
            Class::Hundred => st(w.value, Stage::Open(100.0)),
            Class::Scale if w.count != 0 => {
                // ألفا / مليونا: two in a construct (مليونا دولار), else one (أنفق مليونا).
                let construct = t.joined(i + 1)
                    && t.kind(i + 1) == Some(Kind::Word)
                    && readings(t.norm(i + 1)).is_empty();
                let count = match w.count {
                    3 if construct => 2.0,
                    3 => 1.0,
                    c => f64::from(c),
                };
                let mut s = st(count, Stage::Closed);
                s.scale(w.value);
                s
            }
            _ => continue,
        };
        return Some((s, i + 1));
    }
    None
}

/// True when word `j` repeats the scale `scale` with ال (نصف المليار, ونصف المليون).
fn scale_again(t: &Tokens, j: usize, scale: f64) -> bool {
    let stem = plain(t, j)
        .filter(|_| t.joined(j))
        .and_then(|w| w.strip_prefix("ال"));
    stem.and_then(|w| reading(w, Class::Scale))
        .is_some_and(|w| w.value == scale && w.count == 1)
}

/// True when a ten follows after و at `j` (إحدى وعشرين: إحدى may start such a number).
fn ten_after_wa(t: &Tokens, j: usize) -> bool {
    after_wa(t, j).is_some_and(|(stem, _)| reading(stem, Class::Ten).is_some())
}

/// True when the scale word `w` (one or two of it) repeats the last scale of `s`, whose
/// group still has room: مائة ألف وألف (100 thousand and a thousand), أربعة ملايين
/// وثمانمائة ألف وألفان. A bare ألف وألف stays two numbers.
fn repeats_scale(s: &State, w: &Word) -> bool {
    let count = f64::from(w.count);
    let group = (s.total % (w.value * 1000.0)) / w.value;
    matches!(w.count, 1 | 2)
        && w.value == s.last_scale
        && s.cur == 0.0
        && s.total >= 2.0 * w.value
        && group + count < 1000.0
}

/// An additive part after و in stage `Open(cap)` or after a unit.
fn additive(t: &Tokens, s: &mut State, stem: &str, j: usize) -> Option<usize> {
    if let Some(d) = (t.kind(j) == Some(Kind::Digits))
        .then_some(())
        .and_then(|_| digit_literal(t, j))
    {
        let (v, next, whole) = d;
        let Stage::Open(cap) = s.stage else {
            return None;
        };
        // A digit part must be followed by a smaller scale, or fit under the cap.
        let scaled = plain(t, next).filter(|_| t.joined(next)).and_then(|n| {
            reading(n, Class::Scale).or_else(|| reading(n, Class::Hundred).filter(|h| h.single))
        });
        if let Some(sc) = scaled {
            if sc.class == Class::Hundred && v < 10.0 && whole && cap > 100.0 {
                s.cur += v * 100.0;
                s.stage = Stage::Open(100.0);
                return Some(next + 1);
            }
            if sc.class == Class::Scale && sc.value < s.last_scale.min(cap) {
                s.cur += v;
                s.scale(sc.value);
                return Some(next + 1);
            }
            return None;
        }
        if v < cap && v > 0.0 && whole {
            s.cur += v;
            s.stage = Stage::Closed;
            return Some(next);
        }
        return None;
    }
    let rs = readings(stem);
    match s.stage {
        Stage::Unit => {
            let ten = rs.iter().find(|w| w.class == Class::Ten)?;
            s.cur += ten.value;
            s.stage = Stage::Closed;
            Some(j + 1)
        }
        Stage::Open(cap) => {
            for w in rs {
                let (v, stage) = match w.class {
                    Class::Unit
                        if w.value > 0.0 && !w.compound_only
                            || plain(t, j + 1)
                                .is_some_and(|n| reading(n, Class::Teen10).is_some())
                            || ten_after_wa(t, j + 1) =>
                    {
                        (w.value, Stage::Unit)
                    }
                    Class::Teen10 | Class::Teen | Class::Ten => (w.value, Stage::Closed),
                    Class::Hundred => (w.value, Stage::Open(100.0)),
                    Class::Scale if repeats_scale(s, w) => {
                        // مائة ألف وألف, ثمانمائة ألف وألفان: the same scale again adds to
                        // its group.
                        s.total += w.value * f64::from(w.count.max(1));
                        return Some(j + 1);
                    }
                    Class::Scale if w.count == 2 => (w.value * 2.0, Stage::Closed),
                    // تسع مليارات ومليون: one of a smaller scale starts its group.
                    Class::Scale if w.count == 1 && s.cur == 0.0 => (w.value, Stage::Closed),
                    _ => continue,
                };
                if v >= cap {
                    continue;
                }
                if w.class == Class::Scale {
                    s.cur = 0.0;
                    s.total += v;
                    s.last_scale = w.value;
                    s.stage = Stage::Open(w.value);
                } else {
                    // A unit part starts a new group under the cap.
                    s.cur += v;
                    s.stage = stage;
                }
                return Some(j + 1);
            }
            None
        }
        _ => None,
    }
}

/// A fraction part after و: ونصف, وربع, وثلثين, وثلاثة أرباع.
fn fraction_part(t: &Tokens, stem: &str, j: usize) -> Option<(f64, usize)> {
    for w in readings(stem) {
        match w.class {
            Class::Frac if w.count != 0 => return Some((w.count as f64 / w.value, j + 1)),
            Class::Unit => {
                if let Some(v) = counted_fraction(t, j + 1, w.value) {
                    return Some((v, j + 2));
                }
            }
            _ => {}
        }
    }
    None
}

/// A part joined to the phrase in state `s` without و at `j` (عشر after a unit, مائة after
/// a unit or a literal, a unit after a hundred, a scale word, a counted fraction, a decimal
/// part after فاصلة): updates `s` and returns the index after the part.
fn plain_part(t: &Tokens, s: &mut State, j: usize) -> Option<usize> {
    if let Some(stem) = plain(t, j) {
        let rs = readings(stem);
        let teen = rs.iter().find(|w| w.class == Class::Teen10);
        let hundred = rs.iter().find(|w| w.class == Class::Hundred && w.single);
        // A singular, plural or accusative scale multiplies: 3 ملايين, 50 مليونا.
        let scale = rs.iter().find(|w| w.class == Class::Scale && w.count != 2);
        if s.stage == Stage::Unit && teen.is_some() {
            s.cur += 10.0;
            s.stage = Stage::Closed;
            return Some(j + 1);
        }
        let unit_word = s.stage == Stage::Unit && (1.0..10.0).contains(&s.cur);
        let literal = !s.words && s.stage == Stage::Closed && s.cur >= 1.0 && s.cur < 1000.0;
        if hundred.is_some() && (unit_word || literal) && s.cur.fract() == 0.0 {
            s.cur *= 100.0;
            s.stage = Stage::Open(100.0);
            return Some(j + 1);
        }
        if let Stage::Open(100.0) = s.stage {
            let small = rs.iter().find(|w| {
                matches!(
                    w.class,
                    Class::Unit | Class::Teen10 | Class::Teen | Class::Ten
                ) && !w.compound_only
                    && w.value > 0.0
            });
            if let Some(w) = small.filter(|_| s.words) {
                s.cur += w.value;
                s.stage = if w.class == Class::Unit {
                    Stage::Unit
                } else {
                    Stage::Closed
                };
                return Some(j + 1);
            }
        }
        if let Some(sc) = scale {
            if s.cur != 0.0 {
                s.scale(sc.value);
                return Some(j + 1);
            }
        }
        if matches!(s.stage, Stage::Unit | Stage::Closed) && s.total == 0.0 && s.words {
            if let Some(v) = counted_fraction(t, j, s.cur) {
                s.cur = v;
                s.stage = Stage::Frac;
                s.fraction_only = s.total == 0.0;
                return Some(j + 1);
            }
        }
        // فاصلة: a decimal part.
        if reading(stem, Class::Point).is_some() && s.stage != Stage::Frac && t.joined(j + 1) {
            if let Some(d) = digits_at(t, j + 1) {
                s.cur += frac_value(d);
                s.stage = Stage::Frac;
                return Some(j + 2);
            }
            // فاصلة أربع عشرة, فاصلة خمسة وثلاثون: the words after it are the decimal digits.
            let words = parse_number(t, j + 1).filter(|p| {
                t.kind(j + 1) == Some(Kind::Word)
                    && !p.fraction
                    && p.value.fract() == 0.0
                    && (0.0..1000.0).contains(&p.value)
            });
            if let Some(p) = words {
                let digits = format!("{}", p.value as u64);
                s.cur += frac_value(&digits);
                s.stage = Stage::Frac;
                return Some(p.next);
            }
        }
    }
    None
}

/// Parses the number phrase at token `i`, if one starts there.
pub(crate) fn parse_number(t: &Tokens, i: usize) -> Option<Phrase> {
    // A minus word: سالب خمسة.
    let (neg, i0, start) = match plain(t, i) {
        Some(w) if reading(w, Class::Neg).is_some() && t.joined(i + 1) => {
            (true, i + 1, t.toks[i].start)
        }
        _ => (false, i, usize::MAX),
    };
    // A sign glued to the digits: -1.2 (not the dash of a range such as 10-20).
    let signed = matches!(t.norm(i0), "-" | "−" | "+")
        && !neg
        && t.touching(i0 + 1)
        && (i0 == 0
            || !t.touching(i0)
            || !(matches!(
                t.kind(i0 - 1),
                Some(Kind::Digits | Kind::Latin | Kind::Word)
            ) || matches!(t.norm(i0 - 1), "$" | "€" | "£" | "%" | "٪")));
    let lit_at = if signed { i0 + 1 } else { i0 };
    let (mut s, mut j, first_start) = if let Some((v, next, whole)) = digit_literal(t, lit_at) {
        let begin = t.toks[i0].start;
        let v = if signed && t.norm(i0) != "+" { -v } else { v };
        let stage = if whole { Stage::Closed } else { Stage::Frac };
        let st = State {
            total: 0.0,
            cur: v,
            last_scale: f64::INFINITY,
            stage,
            words: false,
            fraction_only: !whole && v.abs() < 1.0 && t.is(lit_at + 1, "/"),
        };
        (st, next, begin)
    } else {
        let w = t
            .splits(i0)
            .find(|sp| {
                !sp.clitics.article && readings(sp.stem).iter().any(|r| r.class != Class::Ord)
            })
            .map(|sp| (sp.stem, sp.clitics.letters))
            .or_else(|| LEXICON.short_after_wa(t.norm(i0)).map(|s| (s, 1)))
            .filter(|_| !west(t, i0))?;
        let (st, next) = first_word(t, i0, w.0)?;
        (st, next, t.stem_start(i0, w.1))
    };
    // Letters glued after a digit literal: a unit (250مل) or a code (1M, ١٨٠ميلي).
    let glued = !s.words && t.touching(j) && matches!(t.kind(j), Some(Kind::Word | Kind::Latin));
    loop {
        if glued || !t.joined(j) {
            break;
        }
        // Parts without و.
        if let Some(next) = plain_part(t, &mut s, j) {
            j = next;
            continue;
        }
        // Parts after و.
        if let Some((stem, k)) = after_wa(t, j) {
            let frac =
                fraction_part(t, stem, k).filter(|_| s.value() != 0.0 && s.stage != Stage::Frac);
            if let Some((f, next)) = frac.filter(|f| f.1 == k + 2) {
                // و + a counted fraction: مئة وثلاثة أرباع.
                s.cur += f;
                s.stage = Stage::Frac;
                s.fraction_only = false;
                j = next;
                continue;
            }
            if s.stage != Stage::Frac {
                let mut trial = State { ..s };
                if let Some(next) = additive(t, &mut trial, stem, k) {
                    s = trial;
                    s.words = true;
                    j = next;
                    continue;
                }
            }
            if let Some((f, next)) = frac {
                if s.cur == 0.0 && s.last_scale.is_finite() && s.total > 0.0 {
                    // مليار ونصف (المليار), ثلاثة ملايين ونصف المليون: a part of the scale.
                    s.total += f * s.last_scale;
                    j = if scale_again(t, next, s.last_scale) {
                        next + 1
                    } else {
                        next
                    };
                } else {
                    s.cur += f;
                    j = next;
                }
                s.stage = Stage::Frac;
                s.fraction_only = false;
                continue;
            }
        }
        break;
    }
    let mut value = s.value();
    if neg {
        value = -value;
    }
    if !value.is_finite() {
        return None;
    }
    Some(Phrase {
        start: if neg { start } else { first_start },
        next: j,
        value,
        fraction: s.fraction_only,
        glued,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn val(s: &str) -> Option<f64> {
        let t = Tokens::new(s);
        parse_number(&t, 0).map(|p| p.value)
    }

    #[test]
    fn literals() {
        assert_eq!(val("1,234,567"), Some(1234567.0));
        assert_eq!(val("١٠٬٠٠٠٫٠٠"), Some(10000.0));
        assert_eq!(val("٠,٠٨"), Some(0.08));
        assert_eq!(val("-1.2"), Some(-1.2));
        assert_eq!(val(".77"), Some(0.77));
        assert_eq!(val("1 234 567"), Some(1234567.0));
        assert_eq!(val("3/4"), Some(0.75));
        assert_eq!(val("192.168.1.2"), Some(192.0));
        assert_eq!(val("12،220,13"), Some(12220.13));
        assert_eq!(val("1e10"), Some(1e10));
        assert_eq!(val("-12e-1"), Some(-1.2));
    }

    #[test]
    fn words() {
        assert_eq!(val("ثلاثة وعشرون"), Some(23.0));
        assert_eq!(val("ألف وتسعمائة وخمسة وتسعون"), Some(1995.0));
        assert_eq!(val("اثنا عشر"), Some(12.0));
        assert_eq!(val("مائتين وإثنين ألف"), Some(202000.0));
        assert_eq!(
            val("واحد وعشرون تريليون وثلاث مائة"),
            Some(21_000_000_000_300.0)
        );
        assert_eq!(val("7 مليارات و300 مليون"), Some(7_300_000_000.0));
        assert_eq!(val("2.5 مليار"), Some(2_500_000_000.0));
        assert_eq!(val("ثلاثة أرباع"), Some(0.75));
        assert_eq!(val("واحد ونصف"), Some(1.5));
        assert_eq!(val("مئة وثلاثة ارباع"), Some(100.75));
        assert_eq!(val("نصف مليون"), Some(500_000.0));
        assert_eq!(val("سالب خمسة"), Some(-5.0));
        assert_eq!(val("واحد فاصلة واحد"), Some(1.1));
        assert_eq!(val("ثلاثمائة و مائتين"), Some(300.0));
        assert_eq!(val("احد"), None);
        assert_eq!(val("مليون وألفين ومائتين"), Some(1_002_200.0));
    }
}
