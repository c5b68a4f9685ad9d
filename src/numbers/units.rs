//! What may follow (or precede) a number and give it a kind: a percent sign or word, a
//! currency, a unit of measure or of time.

use super::grammar::Phrase;
use super::lexicon::{weekday_at, Unit, LEXICON};
use super::tokenize::{Kind, Tokens};

/// ISO 4217 codes accepted when written in Latin letters after a number (42 KWD).
const ISO_CODES: &[&str] = &[
    "USD", "EUR", "GBP", "EGP", "SAR", "AED", "QAR", "KWD", "BHD", "OMR", "JOD", "IQD", "LBP",
    "SYP", "TRY", "TND", "LYD", "DZD", "MAD", "SDG", "YER", "ILS", "JPY", "CNY", "CHF", "RUB",
    "INR", "IRR", "CAD", "AUD",
];

/// A money amount's currency: the ISO code and the factor from the written unit (0.01 for
/// cents and piastres).
fn code_and_factor(code: &str) -> (String, f64) {
    if let Some(c) = code.strip_suffix("/1000") {
        return (c.to_string(), 0.001);
    }
    match code.strip_suffix("/100") {
        Some(c) => (c.to_string(), 0.01),
        None => (code.to_string(), 1.0),
    }
}

/// Index after a percent mark or word at token `j` (%, ٪, بالمئة, بالمائة, في المئة …).
pub(crate) fn percent_after(t: &Tokens, j: usize) -> Option<usize> {
    if !t.joined(j) {
        return None;
    }
    match t.norm(j) {
        "%" | "٪" => Some(j + 1),
        "بالمئه" | "بالمائه" | "بالميه" => Some(j + 1),
        "في" if t.joined(j + 1) && matches!(t.norm(j + 1), "المئه" | "المائه") => {
            Some(j + 2)
        }
        _ => None,
    }
}

/// True when token `i` is a percent word that may come before the number (بالمائة 10).
pub(crate) fn percent_word(t: &Tokens, i: usize) -> bool {
    matches!(t.norm(i), "بالمئه" | "بالمائه")
}

/// A currency written after a number.
pub(crate) struct Currency {
    /// The ISO 4217 code.
    pub code: String,
    /// The factor from the written unit to the code's (0.01 for cents and piastres).
    pub factor: f64,
    /// The index after the currency.
    pub next: usize,
    /// The noun's family (دينار: "dinar") when the code is that family's default.
    pub family: Option<&'static str>,
}

/// The currency after a number at `j` (on the same line).
pub(crate) fn currency_after(t: &Tokens, j: usize) -> Option<Currency> {
    t.joined(j).then(|| currency_at(t, j))?
}

/// The currency named at token `j`.
pub(crate) fn currency_at(t: &Tokens, j: usize) -> Option<Currency> {
    let (code, factor, next, family) = currency_parts(t, j)?;
    Some(Currency {
        code,
        factor,
        next,
        family,
    })
}

/// The parts of [`currency_after`]: code, factor, index after, default family.
fn currency_parts(t: &Tokens, j: usize) -> Option<(String, f64, usize, Option<&'static str>)> {
    let lex = &*LEXICON;
    if let Some((code, next)) = lex.currency_symbols.longest(t, j, t.norm(j)) {
        let (c, f) = code_and_factor(code);
        return Some((c, f, next, None));
    }
    if t.kind(j) == Some(Kind::Latin) && ISO_CODES.contains(&t.norm(j)) {
        return Some((t.norm(j).to_string(), 1.0, j + 1, None));
    }
    // 43c: a c glued to the digits is cents.
    if t.kind(j) == Some(Kind::Latin) && t.touching(j) && t.norm(j) == "c" {
        return Some(("USD".to_string(), 0.01, j + 1, None));
    }
    if t.kind(j) != Some(Kind::Word) {
        return None;
    }
    let (family, mut next) = lex.currency_nouns.longest(t, j, t.norm(j))?;
    let mut code = lex.currency_default.get(family)?.clone();
    let mut default_family = Some(family.as_str());
    // An adjective naming the country: جنيه مصري, ليرات لبنانية, دولار أمريكي.
    if t.joined(next) && t.kind(next) == Some(Kind::Word) {
        let a = t.norm(next);
        let a = a.strip_prefix("ال").unwrap_or(a);
        let a = a.strip_suffix('ه').unwrap_or(a);
        if let Some(c) = lex.currency_adj.get(&(family.clone(), a.to_string())) {
            code = c.clone();
            default_family = None;
            next += 1;
        }
    }
    let (c, f) = code_and_factor(&code);
    Some((c, f, next, default_family))
}

/// The currency symbol before a number at token `i` ($, €, £): its code and the index after.
pub(crate) fn currency_before(t: &Tokens, i: usize) -> Option<(String, usize)> {
    if t.kind(i) != Some(Kind::Punct) && !t.is(i, "US") {
        return None;
    }
    let (code, next) = LEXICON.currency_symbols.longest(t, i, t.norm(i))?;
    let (c, f) = code_and_factor(code);
    (f == 1.0 && t.joined(next)).then_some((c, next))
}

/// The unit after a number at token `j` (touching it or not) and the index after it.
pub(crate) fn unit_after(t: &Tokens, j: usize) -> Option<(&'static Unit, usize)> {
    if !t.joined(j) {
        return None;
    }
    let (u, next) = LEXICON.units.longest(t, j, t.norm(j))?;
    // 2 - صفر يوم السبت: a score, then "on Saturday".
    let weekday = t.is(j, "يوم") && weekday_at(t, next).is_some();
    // فورمولا 1 عام 2019: عام names the year after it.
    let year = matches!(t.norm(j), "عام" | "سنه")
        && t.joined(next)
        && t.kind(next) == Some(Kind::Digits)
        && t.norm(next).len() == 4;
    (!weekday && !year).then_some((u, next))
}

/// A unit word that is a number by itself: a dual such as ساعتين, يومين, or a singular
/// with a half after it (ساعة ونصف, لتر ونصف).
pub(crate) fn dual_unit(t: &Tokens, i: usize) -> Option<(&'static Unit, usize)> {
    if t.kind(i) != Some(Kind::Word) {
        return None;
    }
    let split = t.splits(i).find(|s| !s.clitics.article)?;
    let (u, next) = LEXICON.units.longest(t, i, split.stem)?;
    let half = fraction_after(t, next).is_some_and(|(f, _)| f > 0.0);
    (next == i + 1 && (u.count == 2 || half) && split.stem.chars().count() > 2).then_some((u, next))
}

/// A half or a quarter added after a unit (ونصف, و نص, وربع) or taken away (إلا ربع), and
/// the index after it.
fn fraction_after(t: &Tokens, j: usize) -> Option<(f64, usize)> {
    if !t.joined(j) {
        return None;
    }
    let (w, next) = match t.norm(j) {
        "و" | "الا" if t.joined(j + 1) => (t.norm(j + 1), j + 2),
        w => (w.strip_prefix('و')?, j + 1),
    };
    let f = match w {
        "نصف" | "نص" => 0.5,
        "ربع" => 0.25,
        _ => return None,
    };
    Some((if t.is(j, "الا") { -f } else { f }, next))
}

/// The value of a phrase followed by unit `u`, and a half or quarter after it (ساعتين ونصف).
pub(crate) fn with_unit(t: &Tokens, p: &Phrase, u: &Unit, next: usize) -> (f64, usize) {
    let mut v = p.value * u.factor * f64::from(u.count);
    let mut next = next;
    if let Some((e, after)) = fraction_after(t, next) {
        v += e * u.factor;
        next = after;
    }
    // درجتين تحت الصفر
    if u.code == "celsius" && t.joined(next) && t.is(next, "تحت") && t.is(next + 1, "الصفر")
    {
        v = -v;
        next += 2;
    }
    (v, next)
}

/// A unit of time with no number that still names a length: لمدة ساعة, طوال اليوم, يوم
/// كامل, شهر واحد, قبل أسبوع. Returns the unit, the byte start and the index after the phrase.
pub(crate) fn cued_duration(t: &Tokens, i: usize) -> Option<(&'static Unit, usize, usize)> {
    if t.kind(i) != Some(Kind::Word) {
        return None;
    }
    let cue = |stems: &[&str]| {
        i > 0
            && t.joined(i)
            && t.splits(i - 1)
                .any(|s| stems.contains(&s.stem) && !s.clitics.article)
    };
    let cue_before = cue(&["مده", "طوال", "خلال", "قبل", "بعد"]);
    // يوما بعد يوم, عاما بعد عام: "day after day", no length.
    let repeated = i > 1
        && t.joined(i - 1)
        && matches!(t.norm(i - 1), "بعد" | "تلو")
        && t.norm(i - 2)
            .starts_with(t.norm(i).trim_start_matches("ال"));
    if repeated {
        return None;
    }
    // طوال اليوم, مدة العام; not خلال العام الماضي, which is a date.
    let cue_article = cue(&["مده", "طوال"]);
    for s in t.splits(i) {
        if s.clitics.article && !cue_article {
            continue;
        }
        let Some((u, next)) = LEXICON.units.longest(t, i, s.stem) else {
            continue;
        };
        // Only a singular names one unit (بعد دقائق is a few minutes).
        let singular = matches!(
            s.stem,
            "ثانيه"
                | "دقيقه"
                | "ساعه"
                | "يوم"
                | "اسبوع"
                | "شهر"
                | "سنه"
                | "عام"
                | "عقد"
                | "قرن"
        );
        if !u.duration || u.count != 1 || next != i + 1 || !singular {
            continue;
        }
        // خلال عام 2017, خلال شهر يناير: the unit names a date, not a length.
        let dated = t.joined(next)
            && (t.kind(next) == Some(Kind::Digits)
                || t.splits(next).any(|n| {
                    !n.clitics.article && LEXICON.months.longest(t, next, n.stem).is_some()
                }));
        if dated {
            continue;
        }
        let after = t.joined(next)
            && matches!(t.norm(next), "كامل" | "كامله" | "واحد" | "واحده" | "باكمله");
        // A unit word that is a whole clause by itself (a heading, a list item, an answer:
        // "شهر.") names one unit; ثانية alone is rather the ordinal "second".
        let alone = s.stem != "ثانيه"
            && s.clitics.letters == 0
            && (i == 0 || !t.joined(i) || t.kind(i - 1) == Some(Kind::Punct))
            && (!t.joined(next) || t.kind(next) == Some(Kind::Punct));
        if !(cue_before || after || alone) {
            continue;
        }
        let lead = s.clitics.lead();
        return Some((u, t.stem_start(i, lead), next + usize::from(after)));
    }
    None
}
