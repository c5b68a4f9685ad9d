//! Ordinals: الأول/الأولى … العاشر, الحادي عشر, الحادي والعشرون, العشرون, المئة والخامسة
//! والعشرون, with and without ال.

use super::lexicon::{Class, LEXICON};
use super::tokenize::{Kind, Tokens};

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

/// The ordinal at token `i`: its value, byte start and the index after it.
pub(crate) fn ordinal_at(t: &Tokens, i: usize) -> Option<(i64, usize, usize)> {
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
            }
        }
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
        assert_eq!(ord("الأحد عشر"), Some(11));
        assert_eq!(ord("الأحد"), None);
        assert_eq!(ord("الاثنين"), None);
        assert_eq!(ord("الحادي"), None);
        assert_eq!(ord("اول من امس"), None);
    }
}
