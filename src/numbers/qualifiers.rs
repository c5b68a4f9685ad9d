//! Qualifiers: the words that bound or blur an amount, before it (أكثر من 200, نحو 50, ما
//! لا يقل عن 10, أقل من أو يساوي 30, <= 100) or after it (500 أو أكثر, 5 على الأقل, 20
//! تقريبا).

use super::lexicon::{QUALIFIERS_AFTER, QUALIFIERS_BEFORE};
use super::mention::Qualifier;
use super::tokenize::Tokens;

/// True when the words of `words` stand at tokens `k`, `k + 1`, … on one line, the first
/// perhaps after و or ف, ب or ل (بنحو 5%, لأكثر من 90 دقيقة); returns the byte start of the
/// phrase (after the clitics).
fn words_at(t: &Tokens, k: usize, words: &[&str]) -> Option<usize> {
    // a stem is the end of its word: most words are turned away before they are split
    if !t.norm(k).ends_with(words[0]) {
        return None;
    }
    let lead = match t.splits(k).find(|s| {
        s.stem == words[0] && !s.clitics.article && matches!(s.clitics.prep, None | Some('ب' | 'ل'))
    }) {
        Some(first) => first.clitics.lead(),
        // واكثر: a hamza after و keeps the word from being read bare.
        None if t.norm(k) == words[0] => 0,
        // ولا يقل عن, بما يقارب: a two-letter word keeps its clitic (clitics leave three
        // letters at least).
        None if t.norm(k).strip_prefix(['و', 'ف', 'ب', 'ل']) == Some(words[0]) => 1,
        None => return None,
    };
    let rest = (1..words.len()).all(|j| t.joined(k + j) && t.is(k + j, words[j]));
    rest.then(|| t.stem_start(k, lead))
}

/// A comparison sign right before token `i` (< 20, >10, <= 100, ≥ 5): what it says and the
/// index of its first character. `=>` and `<>` say nothing.
fn sign_before(t: &Tokens, i: usize) -> Option<(Qualifier, usize)> {
    let sign = |k: usize| match t.norm(k) {
        "<" => Some(Qualifier::LessThan),
        ">" => Some(Qualifier::MoreThan),
        "≤" => Some(Qualifier::AtMost),
        "≥" => Some(Qualifier::AtLeast),
        _ => None,
    };
    let k = i.checked_sub(1)?;
    if t.norm(k) == "=" {
        // <= 100, < = 100.
        let j = k.checked_sub(1).filter(|_| t.joined(k))?;
        let q = match sign(j)? {
            Qualifier::LessThan => Qualifier::AtMost,
            Qualifier::MoreThan => Qualifier::AtLeast,
            _ => return None,
        };
        return Some((q, j));
    }
    let q = sign(k)?;
    let opposite = k > 0 && t.touching(k) && matches!(t.norm(k - 1), "=" | "<" | ">");
    (!opposite).then_some((q, k))
}

/// A qualifier that ends just before the amount at token `i`: what it says, its byte start
/// and the index of its first word. A comparison followed by أو يساوي (أكبر من أو يساوي 100,
/// على الأقل او يساوي 30) includes its end.
pub(crate) fn qualifier_before(t: &Tokens, i: usize) -> Option<(Qualifier, usize, usize)> {
    if i == 0 || !t.joined(i) {
        return None;
    }
    if let Some((q, k)) = sign_before(t, i) {
        return Some((q, t.toks[k].start, k));
    }
    let or_equal = i >= 3
        && t.joined(i - 1)
        && matches!(t.norm(i - 1), "يساوي" | "تساوي")
        && t.is(i - 2, "او");
    let end = if or_equal { i - 2 } else { i };
    let (q, start, k) = QUALIFIERS_BEFORE.iter().find_map(|(words, q)| {
        let k = end.checked_sub(words.len())?;
        let start = words_at(t, k, words)?;
        Some((*q, start, k))
    })?;
    let q = match q {
        Qualifier::MoreThan if or_equal => Qualifier::AtLeast,
        Qualifier::LessThan if or_equal => Qualifier::AtMost,
        Qualifier::Approx if or_equal => return None,
        q => q,
    };
    Some((q, start, k))
}

/// A qualifier after an amount, at token `j`: what it says and the index after it.
pub(crate) fn qualifier_after(t: &Tokens, j: usize) -> Option<(Qualifier, usize)> {
    if !t.joined(j) {
        return None;
    }
    let (q, next) = QUALIFIERS_AFTER
        .iter()
        .find_map(|(words, q)| words_at(t, j, words).map(|_| (*q, j + words.len())))?;
    // 5000 أو أقل من 6000: the comparison is the next amount's.
    let compared = t.joined(next) && matches!(t.norm(next), "من" | "عن");
    (!compared).then_some((q, next))
}
