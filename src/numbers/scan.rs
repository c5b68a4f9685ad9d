//! The left-to-right pass over one block of text: at each token, the grammars are tried in
//! a fixed order, a match moves the reader past it, and a last pass shares kinds in ranges.

use super::amounts::{amount_at, cued_length};
use super::codes::{skip, title};
use super::dates::date_or_time_at;
use super::lexicon::LEXICON;
use super::mention::{NumberKind, NumberOptions, Qualifier};
use super::ordinals::{article_digits_at, ordinal_at, relative_at};
use super::qualifiers::{qualifier_after, qualifier_before};
use super::ranges::{merge_ranges, share_range_kinds};
use super::relative::shift_date;
use super::tokenize::{Kind, Tokens};
use super::units::cued_duration;
use super::values::{Found, PartialDate, Value};
use super::years::year_span;

/// Every mention in `text`, a block of whole lines, with byte offsets into it.
pub(crate) fn find_in_block(text: &str, options: &NumberOptions) -> Vec<Found> {
    let t = Tokens::new(text);
    let mut out: Vec<Found> = Vec::new();
    // The token range of each mention, for the passes over neighbours.
    let mut at: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if quick_skip(&t, i) {
            i = skip(&t, i);
            continue;
        }
        if let Some((a, b, second, next)) = year_span(&t, i) {
            // 2014-2018: two years, reported as the two ends of the range.
            for (k, y) in [(i, a), (second, b)] {
                let tok = &t.toks[k];
                out.push(Found::new(
                    tok.start,
                    tok.end,
                    NumberKind::Date,
                    Value::date(PartialDate::year(y)),
                    None,
                ));
                at.push((k, k + 1));
            }
            i = next;
            continue;
        }
        match mention_at(&t, i, options) {
            Some((_, next)) if title(&t, i, next) => i = next,
            Some((mut m, mut next)) if next > i && !m.is_infinite() => {
                let free = |out: &[Found], k: usize| {
                    out.last().is_none_or(|p: &Found| p.end <= t.toks[k].start)
                };
                if i > 0 && free(&out, i - 1) {
                    next = shift_date(&t, i, next, &mut m, options.reference_date);
                }
                let mut first = i;
                let before = qualifier_before(&t, i).filter(|q| free(&out, q.2));
                if bounded_ordinal(&t, &m, before) {
                    // فوق الثلاثين, دون الخامسة: an ordinal form after a comparison is a
                    // count.
                    m.kind = NumberKind::Cardinal;
                }
                if m.kind.is_amount() {
                    let after = qualifier_after(&t, next);
                    if let Some((q, start, k)) = before {
                        (m.qualifier, m.start, first) = (Some(q), start, k);
                    }
                    // حوالي 500 أو أقل: the bound after says more than the approximation.
                    if let Some((q, after)) =
                        after.filter(|_| before.is_none_or(|(q, _, _)| q == Qualifier::Approx))
                    {
                        (m.qualifier, m.end, next) = (Some(q), t.toks[after - 1].end, after);
                    }
                }
                if m.kind != NumberKind::Ordinal
                    || !matches!(m.value, Value::Relative { .. })
                    || options.relative_ordinals
                {
                    out.push(m);
                    at.push((first, next));
                }
                i = next;
            }
            _ => i = skip(&t, i),
        }
    }
    share_range_kinds(&t, &mut out, &at);
    merge_ranges(&t, out, &at)
}

/// True when `m` is an ordinal with the article after a comparison (`before`): فوق الثلاثين,
/// أعلى من العاشر, دون الخامسة (under five years old) count, they do not rank.
fn bounded_ordinal(t: &Tokens, m: &Found, before: Option<(Qualifier, usize, usize)>) -> bool {
    let compared = before.is_some_and(|(q, _, _)| q != Qualifier::Approx);
    compared
        && m.kind == NumberKind::Ordinal
        && matches!(m.value, Value::Number(v) if v > 1.0)
        && t.text[m.start..].starts_with("ال")
}

/// True when token `i` cannot start a mention: a word no grammar starts with (one hash
/// lookup), a Latin word other than US, a symbol that is no currency, sign or percent.
fn quick_skip(t: &Tokens, i: usize) -> bool {
    match t.kind(i) {
        Some(Kind::Word) => !LEXICON.starts(t, i),
        Some(Kind::Latin) => !t.is(i, "US"),
        Some(Kind::Punct) => !matches!(
            t.norm(i),
            "$" | "€"
                | "£"
                | "¥"
                | "₪"
                | "¢"
                | "₺"
                | "﷼"
                | "-"
                | "−"
                | "+"
                | "."
                | "٫"
                | "%"
                | "٪"
        ),
        _ => false,
    }
}

/// The mention that starts at token `i` and the index after it. A relative ordinal
/// (التالي, قبل الأخير) never starts a date or an amount, and its words are common: it is
/// read first, so that they skip the other grammars.
fn mention_at(t: &Tokens, i: usize, options: &NumberOptions) -> Option<(Found, usize)> {
    let found = |start: usize, next: usize, kind: NumberKind, value: Value| {
        Found::new(start, t.toks[next - 1].end, kind, value, None)
    };
    if let Some((v, start, next)) = relative_at(t, i) {
        return Some((found(start, next, NumberKind::Ordinal, v), next));
    }
    if let Some((u, start, next)) = cued_duration(t, i) {
        return Some(cued_length(t, start, next, u));
    }
    if let Some((v, start, next)) = article_digits_at(t, i) {
        // الـ20 من الشهر الماضي: the day of a month.
        let day = date_or_time_at(t, i, options.reference_date)
            .filter(|(m, n)| m.kind == NumberKind::Date && *n > next);
        if let Some((mut m, n)) = day {
            m.start = start;
            return Some((m, n));
        }
        let value = Value::Number(v as f64);
        return Some((found(start, next, NumberKind::Ordinal, value), next));
    }
    if let Some(m) = date_or_time_at(t, i, options.reference_date).or_else(|| amount_at(t, i)) {
        return Some(m);
    }
    let (v, start, next) = ordinal_at(t, i)?;
    let value = Value::Number(v as f64);
    Some((found(start, next, NumberKind::Ordinal, value), next))
}
