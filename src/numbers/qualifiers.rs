//! Qualifiers: the words that bound or blur an amount, before it (أكثر من 200, نحو 50, ما
//! لا يقل عن 10) or after it (500 أو أكثر, 5 على الأقل, 20 تقريبا).

use super::lexicon::{QUALIFIERS_AFTER, QUALIFIERS_BEFORE};
use super::mention::Qualifier;
use super::tokenize::Tokens;

/// True when the words of `words` stand at tokens `k`, `k + 1`, … on one line, the first
/// perhaps after و or ف (or ب for an approximation); returns the byte start of the phrase (after the conjunction).
fn words_at(t: &Tokens, k: usize, words: &[&str]) -> Option<usize> {
    // بنحو 5%, بحوالي 60 في المائة: ب before an approximation.
    let approx = matches!(words[0], "نحو" | "حوالي" | "قرابه" | "زهاء");
    let first = t.splits(k).find(|s| {
        s.stem == words[0]
            && !s.clitics.article
            && (s.clitics.prep.is_none() || approx && s.clitics.prep == Some('ب'))
    })?;
    let rest = (1..words.len()).all(|j| t.joined(k + j) && t.is(k + j, words[j]));
    rest.then(|| t.stem_start(k, first.clitics.lead()))
}

/// A qualifier that ends just before the amount at token `i`: what it says, its byte start
/// and the index of its first word.
pub(crate) fn qualifier_before(t: &Tokens, i: usize) -> Option<(Qualifier, usize, usize)> {
    if i == 0 || !t.joined(i) {
        return None;
    }
    QUALIFIERS_BEFORE.iter().find_map(|(words, q)| {
        let k = i.checked_sub(words.len())?;
        let start = words_at(t, k, words)?;
        Some((*q, start, k))
    })
}

/// A qualifier after an amount, at token `j`: what it says and the index after it.
pub(crate) fn qualifier_after(t: &Tokens, j: usize) -> Option<(Qualifier, usize)> {
    if !t.joined(j) {
        return None;
    }
    QUALIFIERS_AFTER
        .iter()
        .find_map(|(words, q)| words_at(t, j, words).map(|_| (*q, j + words.len())))
}
