//! Ranges: in 10-20 دولار, من 13 الى 15 تموز, بين 5 و10 بالمئة, من 8 إلى 10 ملايين, the first
//! number takes the kind, unit and elided scale of the second; two years make a range of
//! years, and hours share their half of the day.

use super::grammar::{digit_literal, parse_number};
use super::mention::{NumberKind, Qualifier};
use super::tokenize::{Kind, Tokens};
use super::values::{Clock, Found, PartialDate, Value};

/// The scale word that the number at `b` has and a range's first number `a` leaves out
/// (8 إلى 10 ملايين: 10^6), or 1.
fn elided_scale(t: &Tokens, b: usize, a: f64) -> f64 {
    let Some((lead, after, _)) = digit_literal(t, b) else {
        return 1.0;
    };
    let scaled = parse_number(t, b).filter(|p| p.next > after && lead > 0.0);
    match scaled {
        Some(p) if p.value / lead >= 1000.0 && a < 1000.0 && a < lead * 10.0 => p.value / lead,
        _ => 1.0,
    }
}

/// True when the mention at token range `ra` and the mention `b` (token range `rb`) are joined as
/// a range: by a dash or glued, by إلى, حتى, لغاية, or by و after بين.
fn is_range(t: &Tokens, ra: (usize, usize), b: &Found, rb: (usize, usize)) -> bool {
    let (a_next, b_first) = (ra.1, rb.0);
    let glued = a_next == b_first && b.start > t.toks[b_first].start;
    let between = (a_next..b_first).map(|j| t.norm(j)).collect::<Vec<_>>();
    // و joins a range only after بين: بين 5 و10 بالمئة.
    let after_bayna = (ra.0.saturating_sub(1)..ra.1).any(|j| {
        t.splits(j)
            .any(|s| s.stem == "بين" && s.clitics.prep.is_none())
    });
    let wa = between.as_slice() == ["و"] || (glued && t.norm(b_first).starts_with('و'));
    let connector = (glued && !wa)
        || matches!(
            between.as_slice(),
            ["-"] | ["–"] | ["~"] | ["الي"] | ["حتي"] | ["وحتي"] | ["لغايه"]
        )
        || (wa && after_bayna);
    connector && t.joined(b_first)
}

/// In a range (10-20 دولار, من 13 الى 15 تموز, بين 5 و10 بالمئة), the first number takes the
/// kind and unit of the second. `at` holds the token range of each mention.
pub(crate) fn share_range_kinds(t: &Tokens, out: &mut [Found], at: &[(usize, usize)]) {
    for k in 1..out.len() {
        if !is_range(t, at[k - 1], &out[k], at[k]) {
            let wa = t.joined(at[k].0) && t.norm(at[k].0).starts_with('و') || {
                let between = (at[k - 1].1..at[k].0)
                    .map(|j| t.norm(j))
                    .collect::<Vec<_>>();
                between.as_slice() == ["و"]
            };
            let year_before = matches!(
                out[k - 1].value,
                Value::Date { date, hijri: None } if date.month.is_none()
            );
            let day_before = matches!(out[k - 1].kind, NumberKind::Ordinal | NumberKind::Cardinal)
                && matches!(out[k].value, Value::Date { date, .. } if date.has_day());
            if wa && day_before {
                // ليلة التاسع والعاشر من أيار, في 3 و4 مايو: a day before a date of the
                // same month.
                let (head, tail) = out.split_at_mut(k);
                let (a, b) = (&mut head[k - 1], &tail[0]);
                if let (Some(n), Value::Date { date, .. }) = (a.value.amount(), b.value) {
                    if n.fract() == 0.0 && (1.0..=31.0).contains(&n) && a.unit.is_none() {
                        a.kind = NumberKind::Date;
                        a.value = Value::date(date.on_day(n as i64));
                    }
                }
                continue;
            }
            if wa && year_before && matches!(out[k].kind, NumberKind::Cardinal) {
                // أعوام 2012 و2014 و2015: a year after a year in a list.
                let (head, tail) = out.split_at_mut(k);
                if let Value::Number(n) = tail[0].value {
                    second_in_date(t, &head[k - 1], &mut tail[0], at[k].0, n);
                }
            }
            continue;
        }
        let (a_first, b_first) = (at[k - 1].0, at[k].0);
        let (head, tail) = out.split_at_mut(k);
        let (a, b) = (&mut head[k - 1], &mut tail[0]);
        let a_value = a.value.amount().unwrap_or(f64::NAN);
        let shared = match (a.kind, b.kind, b.value) {
            (
                NumberKind::Cardinal,
                NumberKind::Money
                | NumberKind::Percent
                | NumberKind::Quantity
                | NumberKind::Duration,
                Value::Number(b_value),
            ) => {
                let factor = parse_number(t, b_first)
                    .filter(|p| p.value != 0.0)
                    .map_or(1.0, |p| b_value / p.value);
                let scale = elided_scale(t, b_first, a_value);
                Some((
                    b.kind,
                    Value::Number(a_value * scale * factor),
                    b.unit.clone(),
                ))
            }
            (
                NumberKind::Cardinal | NumberKind::Ordinal,
                NumberKind::Date,
                Value::Date { date, .. },
            ) if date.has_day() && a_value != 0.0 && a_value.fract() == 0.0 && a_value <= 31.0 => {
                let day = date.on_day(a_value as u32 as i64);
                Some((NumberKind::Date, Value::date(day), None))
            }
            (NumberKind::Cardinal, NumberKind::Cardinal, Value::Number(y))
                if is_year_range(t, a, a_first, b, b_first, y) =>
            {
                // من 2014 إلى 2018, بين 2014 و2018: a range of years.
                b.kind = NumberKind::Date;
                b.value = Value::date(PartialDate::year(y as i64));
                let first = PartialDate::year(a_value as i64);
                Some((NumberKind::Date, Value::date(first), None))
            }
            (NumberKind::Cardinal, NumberKind::Cardinal, _) => {
                // بين 3 و5 ملايين: the first number shares the scale.
                let scale = elided_scale(t, b_first, a_value);
                (scale != 1.0).then_some((
                    NumberKind::Cardinal,
                    Value::Number(a_value * scale),
                    None,
                ))
            }
            (NumberKind::Time, _, _) | (_, NumberKind::Time, _) => share_hours(a, b),
            (NumberKind::Date, NumberKind::Cardinal, Value::Number(n)) => {
                second_in_date(t, a, b, b_first, n);
                None
            }
            _ => None,
        };
        if let Some((kind, value, unit)) = shared {
            if matches!(value, Value::Number(v) if !v.is_finite()) {
                continue;
            }
            a.kind = kind;
            a.value = value;
            a.unit = unit;
        }
    }
}

/// Hours in a range share their half of the day: من الساعة 3 الى الساعة 4 بعد العصر (the
/// first is after noon too), الساعة 1 بعد الظهر إلى 4 (so is the second), من 5 إلى 6 مساء.
/// Sets `b` itself; returns what `a` becomes.
fn share_hours(a: &Found, b: &mut Found) -> Option<(NumberKind, Value, Option<String>)> {
    let a_value = a.value.amount().unwrap_or(f64::NAN);
    match (a.kind, b.kind, b.value) {
        (NumberKind::Time, NumberKind::Time, Value::Time(bc)) => {
            // من الساعة 3 الى الساعة 4 بعد العصر: the first hour is after noon too.
            let Value::Time(ac) = a.value else {
                return None;
            };
            let pm = ac.hour < 12 && bc.hour >= 12 && ac.hour + 12 <= bc.hour;
            pm.then(|| (NumberKind::Time, Value::Time(ac.after_noon()), None))
        }
        (NumberKind::Time, NumberKind::Cardinal, Value::Number(h))
            if h.fract() == 0.0 && (1.0..=12.0).contains(&h) =>
        {
            // الساعة 1 بعد الظهر إلى 4: the second hour is in the same half of the day.
            if let Value::Time(ac) = a.value {
                let pm = ac.hour >= 12 && h + 12.0 > ac.hour as f64 && h < 12.0;
                let hour = Clock::hour(h as i64);
                b.kind = NumberKind::Time;
                b.value = Value::Time(if pm { hour.after_noon() } else { hour });
            }
            None
        }
        (NumberKind::Cardinal | NumberKind::Ordinal, NumberKind::Time, Value::Time(bc))
            if a_value.fract() == 0.0 && (1.0..=12.0).contains(&a_value) =>
        {
            // من 5 إلى 6 مساء, من الخامسة إلى السادسة مساء: the first hour is in the same
            // half of the day.
            let hour = Clock::hour(a_value as i64);
            let hour = if bc.hour >= 12 {
                hour.after_noon()
            } else {
                hour
            };
            Some((NumberKind::Time, Value::Time(hour), None))
        }
        _ => None,
    }
}

/// The number `b` (value `n`, from token `b_first`) after the date `a` in a range: the
/// second year of a range of years (من عام 2014 إلى 2018), or a second day in the same month
/// (يوليو 13-15).
fn second_in_date(t: &Tokens, a: &Found, b: &mut Found, b_first: usize, n: f64) {
    let Value::Date { date, .. } = a.value else {
        return;
    };
    if n.fract() != 0.0 || n.abs() >= 9.0e15 {
        return;
    }
    let day = n as i64;
    let year = date.month.is_none()
        && t.kind(b_first) == Some(Kind::Digits)
        && t.norm(b_first).len() == 4
        && date.year.is_some_and(|a| day > a && day <= a + 100);
    if year {
        b.kind = NumberKind::Date;
        b.value = Value::date(PartialDate::year(day));
        b.unit = None;
        return;
    }
    if !date.has_day() || !(1..=31).contains(&day) {
        return;
    }
    b.kind = NumberKind::Date;
    b.value = Value::date(date.on_day(day));
}

/// True when the cardinals `a` (from token `a_first`) and `b` (value `y`, from `b_first`) of a
/// range after من or بين are two years: whole numbers from 1800 to 2100, in four digits or
/// spelled out, the second later by a century at most, and no counted noun after it.
fn is_year_range(t: &Tokens, a: &Found, a_first: usize, b: &Found, b_first: usize, y: f64) -> bool {
    let Value::Number(x) = a.value else {
        return false;
    };
    let cued = a_first > 0 && matches!(t.norm(a_first - 1), "من" | "بين");
    let shape = |m: &Found, k: usize| {
        if t.kind(k) == Some(Kind::Digits) {
            t.norm(k).len() == 4 && m.end == t.toks[k].end
        } else {
            t.kind(k) == Some(Kind::Word)
        }
    };
    cued && x.fract() == 0.0
        && y.fract() == 0.0
        && (1800.0..=2100.0).contains(&x)
        && y > x
        && y <= x + 100.0
        && a.unit.is_none()
        && b.unit.is_none()
        && shape(a, a_first)
        && shape(b, b_first)
}

/// Makes each range of amounts one mention: بين 10 و20, من 5 إلى 7 آلاف, 10-20 دولار (after
/// [`share_range_kinds`]) have the value of the first end and the `high` of the second, and
/// the span covers بين or من before them. Only ends of one kind and unit whose second is
/// larger are joined (a score such as 3-1 stays two numbers); dates and times stay two.
pub(crate) fn merge_ranges(t: &Tokens, found: Vec<Found>, at: &[(usize, usize)]) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    let mut last: Option<(usize, usize)> = None;
    for (m, &span) in found.into_iter().zip(at) {
        if let (Some(a), Some(ra)) = (out.last_mut(), last) {
            let ends = (a.value.amount(), m.value.amount());
            // 3-6 alone is a score as often as a range: bare counts need بين, من or إلى,
            // or to be 100 or more (1000-5000), or a tilde (20 ~ 100).
            let worded = a.kind != NumberKind::Cardinal
                || range_word_before(t, ra.0).is_some()
                || matches!(ends.0, Some(x) if x >= 100.0)
                || (ra.1..span.0).any(|j| matches!(t.norm(j), "الي" | "حتي" | "لغايه" | "~"));
            let joined = a.kind == m.kind
                && worded
                && a.kind.is_amount()
                && a.unit == m.unit
                && a.high.is_none()
                && (m.qualifier.is_none() || m.qualifier == Some(Qualifier::Approx))
                && matches!(ends, (Some(x), Some(y)) if x < y)
                && is_range(t, ra, &m, span);
            if joined {
                // 200-300 تقريبا: an approximation after the range blurs all of it.
                a.qualifier = a.qualifier.or(m.qualifier);
                a.high = Some(m.value);
                a.end = m.end;
                if let Some(start) = range_word_before(t, ra.0).filter(|_| a.qualifier.is_none()) {
                    a.start = start;
                }
                last = Some((ra.0, span.1));
                continue;
            }
            if let Some((low, high)) = two_bounds(t, a, ra, &m, span) {
                (a.value, a.high, a.qualifier, a.end) = (low, Some(high), None, m.end);
                last = Some((ra.0, span.1));
                continue;
            }
        }
        out.push(m);
        last = Some(span);
    }
    out
}

/// The two ends of an amount bounded on both sides by two qualified mentions joined by و
/// (أكثر من 10 وأقل من 20, على الأكثر 100 وعلى الأقل 20, لا يزيد عن 50 ولا يقل عن 20), at
/// token ranges `ra` and `rb`: the lower end and the upper one, when the lower is smaller.
fn two_bounds(
    t: &Tokens,
    a: &Found,
    ra: (usize, usize),
    b: &Found,
    rb: (usize, usize),
) -> Option<(Value, Value)> {
    let lower = |q| matches!(q, Some(Qualifier::MoreThan | Qualifier::AtLeast));
    let upper = |q| matches!(q, Some(Qualifier::LessThan | Qualifier::AtMost));
    let (lo, hi) = if lower(a.qualifier) && upper(b.qualifier) {
        (a, b)
    } else if upper(a.qualifier) && lower(b.qualifier) {
        (b, a)
    } else {
        return None;
    };
    let wa = (ra.1 == rb.0 && t.norm(rb.0).starts_with('و'))
        || (rb.0 == ra.1 + 1 && t.norm(ra.1) == "و");
    let same = a.kind == b.kind
        && a.kind.is_amount()
        && a.unit == b.unit
        && a.high.is_none()
        && b.high.is_none();
    match (lo.value.amount(), hi.value.amount()) {
        (Some(x), Some(y)) if x < y && wa && same && t.joined(rb.0) => Some((lo.value, hi.value)),
        _ => None,
    }
}

/// The byte start of بين or من (after a و) right before token `i`, which opens a range.
fn range_word_before(t: &Tokens, i: usize) -> Option<usize> {
    let k = i.checked_sub(1).filter(|_| t.joined(i))?;
    let s = t.splits(k).find(|s| {
        matches!(s.stem, "بين" | "من") && s.clitics.prep.is_none() && !s.clitics.article
    })?;
    Some(t.stem_start(k, s.clitics.lead()))
}
