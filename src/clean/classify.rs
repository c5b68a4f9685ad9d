//! Labels every line of a page from its features and its neighbours: hard furniture first, then
//! the article region (runs of prose lines with short lines between them), then the headline,
//! kicker and byline just above it, then what follows it.

use std::collections::HashSet;

use super::features::Features;
use super::fxhash::FxBuild;
use super::reason::Reason;

/// A line or HTML block as the classifier sees it.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Unit {
    /// The text features.
    pub feats: Features,
    /// Share of the characters inside links (HTML only).
    pub link_density: f32,
    /// Heading level 1–6 (HTML only), 0 when not a heading.
    pub heading: u8,
    /// A reason fixed before classification (the HTML element it sits in, a site template).
    pub preset: Option<Reason>,
    /// Sits in an element marked as the author or byline (HTML class, id, itemprop or rel).
    pub byline_hint: bool,
}

impl Unit {
    /// A byline by its words or by its markup.
    fn strong_byline(&self) -> bool {
        self.feats.strong_byline()
            || (self.byline_hint && (2..=7).contains(&self.feats.words) && !self.feats.timestamp())
    }
}

/// Most non-prose lines allowed between two prose lines of one article region.
const MAX_GAP: usize = 3;
/// Lines searched above the article for its headline and byline.
const HEADER_REACH: usize = 12;
/// A region is kept when its prose has at least this share of the largest region's.
const REGION_SHARE: usize = 3; // out of 10

/// What the classifier knows of the whole page, gathered in its first pass over the lines.
#[derive(Clone, Copy, Debug)]
struct Page {
    /// At least as many Arabic letters as Latin ones.
    arabic: bool,
    /// Some unit is an HTML heading.
    headings: bool,
}

/// One run of prose lines.
#[derive(Clone, Copy, Debug)]
struct Region {
    first: usize,
    last: usize,
    chars: usize,
}

/// Furniture decided from the line alone (or its earlier copies).
fn hard_reason<'a>(u: &'a Unit, seen: &mut HashSet<&'a str, FxBuild>) -> Option<Reason> {
    if let Some(r) = u.preset {
        return Some(r);
    }
    let f = &u.feats;
    if f.words > 0 && !seen.insert(f.folded.text.as_str()) {
        return Some(Reason::Duplicate);
    }
    if f.words <= 60 && self_repeat(&f.folded.text) {
        return Some(Reason::Duplicate);
    }
    if u.link_density > 0.5 && !f.prose() {
        return Some(Reason::Navigation);
    }
    if let Some(r) = f.furniture {
        return Some(r);
    }
    if f.copyright_sign && f.words <= 25 {
        return Some(Reason::Copyright);
    }
    if f.timestamp() {
        return Some(Reason::Timestamp);
    }
    if f.words == 0 {
        return Some(Reason::TooShort);
    }
    if f.url && (f.words <= 4 || f.arabic == 0) {
        return Some(Reason::Navigation);
    }
    None
}

/// A text printed twice in a row ("X X"), as tag strips and breadcrumbs do.
fn self_repeat(text: &str) -> bool {
    let n = text.len();
    if n < 8 || n % 2 == 0 {
        return false;
    }
    let half = n / 2;
    text.is_char_boundary(half) && text.as_bytes()[half] == b' ' && text[..half] == text[half + 1..]
}

/// The last of `cands` whose folded text is printed again in another line that is not prose (an
/// image alt text, a breadcrumb, a tag strip): headlines are, captions quoting the body are not.
/// One pass over the lines tries every candidate above the best found so far.
fn last_repeated(units: &[Unit], prose: &[bool], cands: &[usize]) -> Option<usize> {
    let cands: Vec<usize> = cands
        .iter()
        .copied()
        .filter(|&k| units[k].feats.folded.text.len() >= 12)
        .collect();
    // each finder is built on the first line long enough to hold its text (often none is)
    let mut finders: Vec<Option<memchr::memmem::Finder>> = vec![None; cands.len()];
    let mut best: Option<usize> = None;
    for (i, u) in units.iter().enumerate() {
        if prose[i] {
            continue;
        }
        let h = u.feats.folded.text.as_bytes();
        let from = best.map_or(0, |b| b + 1);
        for c in (from..cands.len()).rev() {
            let k = cands[c];
            let t = units[k].feats.folded.text.as_bytes();
            if i != k
                && h.len() >= t.len()
                && finders[c]
                    .get_or_insert_with(|| memchr::memmem::Finder::new(t))
                    .find(h)
                    .is_some()
            {
                best = Some(c);
                break;
            }
        }
        if best.is_some_and(|b| b + 1 == cands.len()) {
            break;
        }
    }
    best.map(|c| cands[c])
}

/// Most units between two article regions for the second to continue the first when the
/// headline is known (HTML).
const CHAIN_GAP: usize = 8;

/// The regions kept: with a known headline at `anchor`, the first sizeable region after it and
/// the regions that follow it closely; otherwise every region with a fair share of the prose.
fn keep_regions(regions: Vec<Region>, anchor: Option<usize>) -> Vec<Region> {
    let best = regions.iter().map(|r| r.chars).max().unwrap_or(0);
    if let Some(a) = anchor {
        let after: Vec<Region> = regions.iter().copied().filter(|r| r.last > a).collect();
        let best_after = after.iter().map(|r| r.chars).max().unwrap_or(0);
        if let Some(pos) = after.iter().position(|r| r.chars * 4 >= best_after) {
            let mut kept = vec![after[pos]];
            for r in &after[pos + 1..] {
                let prev = kept[kept.len() - 1];
                if r.first - prev.last - 1 > CHAIN_GAP {
                    break;
                }
                kept.push(*r);
            }
            return kept;
        }
    }
    regions
        .into_iter()
        .filter(|r| r.chars * 10 >= best * REGION_SHARE)
        .collect()
}

/// Labels each unit; `anchor` is the unit known to hold the page's headline (HTML metadata).
pub(crate) fn classify(units: &[Unit], anchor: Option<usize>) -> Vec<Reason> {
    let n = units.len();
    let mut seen = HashSet::with_capacity_and_hasher(n, FxBuild::default());
    // one pass for everything that reads every line (on a long page the lines do not fit in the
    // caches, and each pass reads them from memory)
    let mut hard: Vec<Option<Reason>> = Vec::with_capacity(n);
    let mut prose: Vec<bool> = Vec::with_capacity(n);
    let (mut arabic, mut latin, mut headings) = (0usize, 0usize, false);
    for u in units {
        let h = hard_reason(u, &mut seen);
        prose.push(h.is_none() && u.feats.prose());
        hard.push(h);
        arabic += u.feats.arabic as usize;
        latin += u.feats.latin as usize;
        headings |= u.heading > 0;
    }
    // Latin-only lines are chrome (logos, English menus) only on an Arabic page
    let page = Page {
        arabic: arabic >= latin,
        headings,
    };
    let arabic_page = page.arabic;
    let kept = keep_regions(find_regions(units, &prose), anchor);
    if kept.is_empty() {
        // nothing reads like an article: keep all that is not plainly furniture
        return hard.iter().map(|h| h.unwrap_or(Reason::Body)).collect();
    }

    let mut out: Vec<Reason> = vec![Reason::Navigation; n];
    for r in &kept {
        for i in r.first..=r.last {
            out[i] = hard[i].unwrap_or(Reason::Body);
        }
    }
    let title = header(units, &hard, &prose, kept[0].first, anchor, page, &mut out);
    for (ci, r) in kept.iter().enumerate() {
        let end = kept.get(ci + 1).map_or(n, |next| next.first);
        if end < n && end - r.last - 1 <= CHAIN_GAP {
            gap(units, &hard, r.last + 1..end, &mut out);
        } else {
            trailer(units, &hard, &prose, r.last + 1..end, arabic_page, &mut out);
        }
    }
    if let Some(t) = title {
        echo_of_title(units, t, &mut out);
        out[t] = Reason::Title;
    }
    out
}

/// Runs of prose lines with at most [`MAX_GAP`] other lines between two of them.
fn find_regions(units: &[Unit], prose: &[bool]) -> Vec<Region> {
    let mut regions: Vec<Region> = Vec::new();
    let mut cur: Option<Region> = None;
    for (i, &p) in prose.iter().enumerate() {
        if !p {
            continue;
        }
        let chars = units[i].feats.folded.text.len();
        match cur.as_mut() {
            Some(r) if i - r.last - 1 <= MAX_GAP => {
                r.last = i;
                r.chars += chars;
            }
            _ => {
                regions.extend(cur.take());
                cur = Some(Region {
                    first: i,
                    last: i,
                    chars,
                });
            }
        }
    }
    regions.extend(cur);
    regions
}

/// Labels the lines above the first article region: byline right above it, the headline (a
/// headline-like line printed again elsewhere on the page, else a heading, else the nearest one)
/// and its kicker; captions between them; chrome above. Returns the headline's index.
fn header(
    units: &[Unit],
    hard: &[Option<Reason>],
    prose: &[bool],
    start: usize,
    anchor: Option<usize>,
    page: Page,
    out: &mut [Reason],
) -> Option<usize> {
    let arabic_page = page.arabic;
    let reach = if page.headings {
        HEADER_REACH * 3
    } else {
        HEADER_REACH
    };
    let lo = start.saturating_sub(reach);
    // an author name is often a link, and a site's agency credit is on every page: navigation by
    // link density and the site template do not rule a byline out
    let strong = |k: usize| {
        matches!(hard[k], None | Some(Reason::Navigation | Reason::Template))
            && units[k].strong_byline()
    };
    let may_be_byline = |k: usize| {
        (matches!(hard[k], None | Some(Reason::Timestamp | Reason::Template))
            && units[k].feats.byline())
            || strong(k)
    };
    let mut byline = None;
    if start > 0 && may_be_byline(start - 1) {
        byline = Some(start - 1);
    } else if start > 1 && units[start - 1].feats.words <= 8 && may_be_byline(start - 2) {
        byline = Some(start - 2);
    }
    let limit = byline.unwrap_or(start);
    let candidate = |k: usize| {
        let u = &units[k];
        hard[k].is_none()
            && (u.feats.headline() || (u.heading > 0 && u.feats.words > 0 && !u.feats.sentence_end))
            && !(arabic_page && u.feats.latin_only())
            && u.link_density <= 0.5
            && !u.strong_byline()
    };
    let mut cands: Vec<usize> = (lo..limit).filter(|&k| candidate(k)).collect();
    if cands.is_empty() {
        // a two-word headline, when nothing longer stands above the body
        cands = (lo..limit)
            .filter(|&k| {
                let f = &units[k].feats;
                hard[k].is_none() && f.words == 2 && !f.full_stop && !f.open_end && !f.latin_only()
            })
            .collect();
    }
    let title = anchor
        .filter(|&a| a < limit || a >= start)
        .or_else(|| {
            cands
                .iter()
                .copied()
                .filter(|&k| units[k].heading > 0)
                .min_by_key(|&k| (units[k].heading, std::cmp::Reverse(k)))
        })
        .or_else(|| last_repeated(units, prose, &cands))
        .or_else(|| cands.last().copied());
    if byline.is_none() {
        let from = title.map_or(lo, |t| t + 1);
        byline = (from..start).rev().find(|&k| strong(k));
    }
    // a short line alone between the headline and the body is its credit, not a caption
    if byline.is_none() && title.is_some_and(|t| t + 2 == start) {
        let f = &units[start - 1].feats;
        if hard[start - 1].is_none() && (1..=4).contains(&f.words) && !f.sentence_end {
            byline = Some(start - 1);
        }
    }
    // a kicker stands alone above the headline: a run of headline-like lines is a ticker
    let kicker = title.filter(|_| anchor.is_none()).and_then(|t| {
        (t > lo && candidate(t - 1) && units[t].heading == 0 && (t - 1 == lo || !candidate(t - 2)))
            .then(|| t - 1)
    });
    let top = kicker.or(title).unwrap_or(limit);
    for k in 0..start {
        out[k] = if Some(k) == title || Some(k) == kicker {
            Reason::Title
        } else if Some(k) == byline {
            Reason::Byline
        } else if let Some(h) = hard[k] {
            h
        } else if k > top && title.is_some() {
            between(units, prose, k, byline.is_some_and(|b| k < b), arabic_page)
        } else {
            above(&units[k].feats, arabic_page)
        };
    }
    title
}

/// A line between the headline and the body; `before_byline`: above the byline, where widgets
/// and captions sit but the article has not begun.
fn between(
    units: &[Unit],
    prose: &[bool],
    k: usize,
    before_byline: bool,
    arabic_page: bool,
) -> Reason {
    let f = &units[k].feats;
    let sentence = prose[k] || (f.sentence_end && f.words >= 4);
    if sentence && before_byline {
        Reason::Navigation
    } else if sentence {
        Reason::Body
    } else if f.words <= 3 && (f.open_end || (arabic_page && f.latin_only())) {
        Reason::SiteName
    } else {
        Reason::Caption
    }
}

/// A line above the headline.
fn above(f: &Features, arabic_page: bool) -> Reason {
    if (arabic_page && f.latin_only()) || (f.words <= 3 && f.open_end) {
        Reason::SiteName
    } else {
        Reason::Navigation
    }
}

/// Labels the lines after an article region (the last, or one far from the next): finished sentences right after it are still
/// the article, an agency tail right after it is a byline, short lines after a comment-form line belong to the form, runs of headline-like
/// lines are related lists.
fn trailer(
    units: &[Unit],
    hard: &[Option<Reason>],
    prose: &[bool],
    zone: std::ops::Range<usize>,
    arabic_page: bool,
    out: &mut [Reason],
) {
    let first = zone.start;
    let headlines = zone
        .clone()
        .filter(|&k| hard[k].is_none() && units[k].feats.headline())
        .count();
    let mut in_form = false;
    // finished sentences right after the article, before any furniture, still belong to it
    let mut open = true;
    for k in zone {
        let f = &units[k].feats;
        open &= hard[k].is_none() && (prose[k] || f.sentence_end || f.colon_end);
        out[k] = if let Some(h) = hard[k] {
            in_form = h == Reason::CommentForm;
            h
        } else if open {
            Reason::Body
        } else if k == first && (f.credit || f.parens) && f.byline() {
            Reason::Byline
        } else if in_form && f.words <= 4 {
            Reason::CommentForm
        } else if arabic_page && f.latin_only() {
            Reason::SiteName
        } else if f.headline() {
            if headlines >= 2 || k > first {
                Reason::Related
            } else {
                Reason::Body
            }
        } else if f.words <= 3 {
            Reason::TooShort
        } else if prose[k] {
            Reason::Related
        } else {
            Reason::Navigation
        };
    }
}

/// Labels the lines between two kept article regions at most [`CHAIN_GAP`] apart: still the article (lists, subheads,
/// quotes), except furniture and what follows a furniture line ("اقرأ أيضا" and its headlines, a
/// comment form and its fields) up to the next line of prose.
fn gap(units: &[Unit], hard: &[Option<Reason>], zone: std::ops::Range<usize>, out: &mut [Reason]) {
    let mut after: Option<Reason> = None;
    for k in zone {
        let f = &units[k].feats;
        out[k] = if let Some(h) = hard[k] {
            after = matches!(h, Reason::Related | Reason::CommentForm | Reason::Share).then_some(h);
            h
        } else if let Some(a) = after.filter(|_| !f.prose()) {
            a
        } else {
            after = None;
            Reason::Body
        };
    }
}

/// Lines that repeat the headline with a few words around it (an image alt text, a breadcrumb).
fn echo_of_title(units: &[Unit], title: usize, out: &mut [Reason]) {
    let t = &units[title].feats;
    if t.words < 3 {
        return;
    }
    let mut finder = None;
    for (k, u) in units.iter().enumerate() {
        if k == title || out[k] == Reason::Body && u.feats.prose() {
            continue;
        }
        let f = &u.feats;
        if f.words > t.words
            && f.words - t.words <= 4
            && finder
                .get_or_insert_with(|| memchr::memmem::Finder::new(t.folded.text.as_bytes()))
                .find(f.folded.text.as_bytes())
                .is_some()
        {
            out[k] = Reason::Duplicate;
        }
    }
}
