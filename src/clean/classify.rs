//! Labels every line of a page from its features and its neighbours: hard furniture first, then
//! the article region (runs of prose lines with short lines between them), then the headline,
//! kicker and byline just above it, then what follows it.

use std::collections::HashMap;

use super::features::Features;
use super::reason::Reason;
use memchr::arch::all::rabinkarp::Finder as RabinKarp;
use rustc_hash::FxBuildHasher;

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
    /// Sits in a table (HTML only).
    pub table: bool,
    /// An image stands right before it (HTML only): where a caption stands.
    pub after_image: bool,
    /// An image stands right before or right after it (HTML only).
    pub near_image: bool,
    /// Continues the unit before it across a `<br>` (HTML only).
    pub after_br: bool,
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
    /// Some unit stands next to an image: captions are told by where images are.
    images: bool,
}

/// One run of prose lines.
#[derive(Clone, Copy, Debug)]
struct Region {
    first: usize,
    last: usize,
    chars: usize,
}

/// Furniture decided from the line alone (or its earlier copies, whose index `seen` keeps).
/// A furniture phrase in a line shaped like a sentence is not decided here (see [`soft`]).
fn hard_reason<'a>(
    u: &'a Unit,
    k: usize,
    seen: &mut HashMap<&'a str, usize, FxBuildHasher>,
) -> Option<Reason> {
    if let Some(r) = u.preset {
        return Some(r);
    }
    let f = &u.feats;
    if f.words > 0 && *seen.entry(f.folded.text.as_str()).or_insert(k) != k {
        return Some(Reason::Duplicate);
    }
    if f.words <= 60 && self_repeat(&f.folded.text) {
        return Some(Reason::Duplicate);
    }
    if u.link_density > 0.5 && !f.prose() {
        return Some(Reason::Navigation);
    }
    if let Some(r) = f.furniture.filter(|_| !f.sentence()) {
        return Some(r);
    }
    if f.copyright_sign && f.words <= 25 {
        return Some(Reason::Copyright);
    }
    if f.timestamp() && !f.dateline() {
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

/// The furniture phrase of a line shaped like a sentence: it counts above and after the
/// article, not inside it ("تصميم وتطوير" in a sentence of the body).
fn soft(u: &Unit) -> Option<Reason> {
    u.feats.furniture.filter(|_| u.feats.sentence())
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
    // Rabin-Karp searchers cost next to nothing to set up, and the lines searched are short
    let finders: Vec<RabinKarp> = cands
        .iter()
        .map(|&k| RabinKarp::new(units[k].feats.folded.text.as_bytes()))
        .collect();
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
            if i != k && h.len() >= t.len() && finders[c].find(h, t).is_some() {
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
/// headline is known (HTML), whatever stands between them.
const CHAIN_GAP: usize = 8;

/// Most units of a quiet gap (a table, a list, subheadings) that the article continues across.
const QUIET_GAP: usize = 120;

/// Most headline-like lines (not headings, not table cells) in a quiet gap: subheadings are
/// few, a list of other stories' headlines is not.
const QUIET_HEADLINES: usize = 2;

/// Whether the article region `next` continues the one that ends at `last`: what stands between
/// them is short, or quiet (table cells, list items, subheadings: no furniture, no links, few
/// headline-like lines), with no comments header, and `next` is not a teaser card (a lone
/// paragraph between a linked headline and a link).
fn joins(
    units: &[Unit],
    hard: &[Option<Reason>],
    prose: &[bool],
    last: usize,
    next: Region,
) -> bool {
    let zone = last + 1..next.first;
    if zone.clone().any(|k| hard[k] == Some(Reason::CommentForm)) || teaser(units, prose, next) {
        return false;
    }
    if zone.len() <= CHAIN_GAP {
        return true;
    }
    if zone.len() > QUIET_GAP {
        return false;
    }
    let mut headlines = 0;
    for k in zone {
        let u = &units[k];
        if !matches!(hard[k], None | Some(Reason::TooShort | Reason::Duplicate))
            || u.link_density > 0.5
        {
            return false;
        }
        if u.heading == 0 && !u.table && u.feats.headline() && u.feats.words >= 4 {
            headlines += 1;
        }
    }
    headlines <= QUIET_HEADLINES
}

/// A headline that is a link (a story's title in a list or a card).
fn linked_headline(u: &Unit, prose: bool) -> bool {
    u.link_density > 0.5 && u.feats.words >= 3 && !prose
}

/// Teaser cards: a region whose every paragraph comes right after a linked headline (other
/// stories' summaries under the article).
fn teaser(units: &[Unit], prose: &[bool], r: Region) -> bool {
    (r.first..=r.last)
        .filter(|&k| prose[k])
        .all(|k| k > 0 && linked_headline(&units[k - 1], prose[k - 1]))
}

/// The regions kept, each with whether it continues the one before: with a known headline at
/// `anchor`, the first sizeable region after it and the regions that continue it (see
/// [`joins`]); otherwise every region with a fair share of the prose, up to the comments.
fn keep_regions(
    units: &[Unit],
    hard: &[Option<Reason>],
    prose: &[bool],
    regions: Vec<Region>,
    anchor: Option<usize>,
) -> Vec<(Region, bool)> {
    let best = regions.iter().map(|r| r.chars).max().unwrap_or(0);
    if let Some(a) = anchor {
        let after: Vec<Region> = regions.iter().copied().filter(|r| r.last > a).collect();
        let best_after = after.iter().map(|r| r.chars).max().unwrap_or(0);
        if let Some(pos) = after.iter().position(|r| r.chars * 4 >= best_after) {
            let mut kept = vec![(after[pos], false)];
            for r in &after[pos + 1..] {
                let prev = kept[kept.len() - 1].0;
                if !joins(units, hard, prose, prev.last, *r) {
                    break;
                }
                kept.push((*r, true));
            }
            return kept;
        }
    }
    let mut kept: Vec<(Region, bool)> = Vec::new();
    for r in regions
        .into_iter()
        .filter(|r| r.chars * 10 >= best * REGION_SHARE)
    {
        let after = kept.last().map_or(0, |(p, _)| p.last + 1);
        // nothing after the comments is the article
        if !kept.is_empty() && (after..r.first).any(|k| hard[k] == Some(Reason::CommentForm)) {
            break;
        }
        let joined = kept
            .last()
            .is_some_and(|(p, _)| joins(units, hard, prose, p.last, r));
        kept.push((r, joined));
    }
    kept
}

/// Labels each unit; `anchor` is the unit known to hold the page's headline (HTML metadata).
pub(crate) fn classify(units: &[Unit], anchor: Option<usize>) -> Vec<Reason> {
    let n = units.len();
    let mut seen = HashMap::with_capacity_and_hasher(n, FxBuildHasher);
    // one pass for everything that reads every line (on a long page the lines do not fit in the
    // caches, and each pass reads them from memory)
    let mut hard: Vec<Option<Reason>> = Vec::with_capacity(n);
    let mut prose: Vec<bool> = Vec::with_capacity(n);
    let (mut arabic, mut latin, mut headings, mut images) = (0usize, 0usize, false, false);
    for (k, u) in units.iter().enumerate() {
        let h = hard_reason(u, k, &mut seen);
        prose.push(h.is_none() && u.feats.prose());
        hard.push(h);
        arabic += u.feats.arabic as usize;
        latin += u.feats.latin as usize;
        headings |= u.heading > 0;
        images |= u.near_image;
    }
    // Latin-only lines are chrome (logos, English menus) only on an Arabic page
    let page = Page {
        arabic: arabic >= latin,
        headings,
        images,
    };
    let arabic_page = page.arabic;
    let regions = find_regions(units, &hard, &prose)
        .into_iter()
        .filter_map(|r| trim_soft(units, r))
        .collect();
    let kept = keep_regions(units, &hard, &prose, regions, anchor);
    if kept.is_empty() {
        // nothing reads like an article: keep all that is not plainly furniture
        return hard.iter().map(|h| h.unwrap_or(Reason::Body)).collect();
    }

    let mut out: Vec<Reason> = vec![Reason::Navigation; n];
    for (r, _) in &kept {
        for i in r.first..=r.last {
            out[i] = match hard[i] {
                // a bare link that the line before introduces ("… الرابط التالي:")
                Some(Reason::Navigation)
                    if units[i].feats.url && i > r.first && units[i - 1].feats.colon_end =>
                {
                    Reason::Body
                }
                h => h.unwrap_or(Reason::Body),
            };
        }
    }
    let title = header(
        units,
        &hard,
        &prose,
        kept[0].0.first,
        anchor,
        page,
        &mut out,
    );
    for (ci, (r, _)) in kept.iter().enumerate() {
        match kept.get(ci + 1) {
            Some((next, true)) => gap(units, &hard, r.last + 1..next.first, &mut out),
            next => {
                let end = next.map_or(n, |(x, _)| x.first);
                trailer(units, &hard, &prose, r.last + 1..end, arabic_page, &mut out);
            }
        }
    }
    if let Some(t) = title {
        echo_of_title(units, t, &mut out);
        out[t] = Reason::Title;
    }
    restore_repeats(units, &seen, kept[0].0.first, &mut out);
    out
}

/// A region without the lines at its ends that hold a furniture phrase (a disclaimer
/// sentence after the article); `None` when nothing else is left.
fn trim_soft(units: &[Unit], mut r: Region) -> Option<Region> {
    while r.first < r.last && soft(&units[r.first]).is_some() {
        r.first += 1;
    }
    while r.last > r.first && soft(&units[r.last]).is_some() {
        r.last -= 1;
    }
    (r.first < r.last || soft(&units[r.first]).is_none()).then_some(r)
}

/// Short lines of the article printed again inside it (a salutation, السيد الرئيس،) are the
/// article's, not duplicates: a duplicate, between two body lines, of a kept body line.
fn restore_repeats(
    units: &[Unit],
    seen: &HashMap<&str, usize, FxBuildHasher>,
    start: usize,
    out: &mut [Reason],
) {
    for k in start..units.len() {
        let f = &units[k].feats;
        if out[k] != Reason::Duplicate || f.words > 6 || units[k].link_density > 0.5 {
            continue;
        }
        let prev = k.checked_sub(1).map(|p| out[p]);
        let next = out.get(k + 1).copied();
        if let Some(&first) = seen.get(f.folded.text.as_str()) {
            if out[first] == Reason::Body
                && prev == Some(Reason::Body)
                && next == Some(Reason::Body)
            {
                out[k] = Reason::Body;
            }
        }
    }
}

/// Runs of prose lines with at most [`MAX_GAP`] other lines between two of them; a paragraph
/// right after a linked headline starts a run of its own (a teaser card, or the article going
/// on after a "read also" link: [`joins`] tells them apart), and so does one after a comments
/// header or form.
fn find_regions(units: &[Unit], hard: &[Option<Reason>], prose: &[bool]) -> Vec<Region> {
    let mut regions: Vec<Region> = Vec::new();
    let mut cur: Option<Region> = None;
    // a comments header or a comment form between two paragraphs parts them
    let mut form = false;
    for (i, &p) in prose.iter().enumerate() {
        if !p {
            form |= hard[i] == Some(Reason::CommentForm);
            continue;
        }
        let chars = units[i].feats.folded.text.len();
        let after_link = i > 0 && linked_headline(&units[i - 1], prose[i - 1]);
        let parted = after_link || std::mem::take(&mut form);
        match cur.as_mut() {
            Some(r) if i - r.last - 1 <= MAX_GAP && !parted => {
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

/// Labels the lines above the first article region: the headline (a headline-like line printed
/// again elsewhere on the page, else a heading, else the nearest one, with the lines a `<br>`
/// joins to it) and its kicker; the byline (a credit line between the headline and the body,
/// else a byline-shaped line right above the body, never a line beside an image) and any
/// dateline; captions and the article's first lines between them; chrome above. Returns the
/// headline's index.
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
    // beside an image, a short line is its caption (or photo credit), whatever its words
    let by_image = |k: usize| page.images && units[k].near_image && units[k].heading == 0;
    // an author name is often a link, and a site's agency credit is on every page: navigation by
    // link density and the site template do not rule a byline out
    // (a credit line is a caption only right under the image)
    let strong = |k: usize| {
        matches!(hard[k], None | Some(Reason::Navigation | Reason::Template))
            && units[k].strong_byline()
            && !(page.images && units[k].after_image)
    };
    let may_be_byline = |k: usize| {
        (matches!(hard[k], None | Some(Reason::Timestamp | Reason::Template))
            && units[k].feats.byline()
            && !by_image(k))
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
    let mut title = anchor
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
    // a headline in lines that `<br>`s split: its first line to its last
    let mut first_line = title;
    if let Some(t) = title.filter(|&t| t < start) {
        let part = |k: usize| {
            hard[k].is_none()
                && !prose[k]
                && units[k].feats.words <= 16
                && !units[k].feats.sentence_end
        };
        let mut a = t;
        while a > lo && units[a].after_br && part(a - 1) {
            a -= 1;
        }
        let mut b = t;
        while b + 1 < start && units[b + 1].after_br && part(b + 1) {
            b += 1;
        }
        if byline.is_some_and(|y| (a..=b).contains(&y)) {
            byline = None;
        }
        first_line = Some(a);
        title = Some(b);
    }
    // a credit line between the headline and the body is the byline, before a line that only
    // looks like one right above the body (a caption ending in a dash)
    let from = title.map_or(lo, |t| t + 1);
    let credit_line = |k: usize| strong(k) && units[k].feats.words >= 2 && !units[k].feats.open_end;
    if let Some(b) = (from..start).find(|&k| credit_line(k)) {
        byline = Some(b);
    }
    // a short line alone between the headline and the body is its credit, not a caption
    if byline.is_none() && title.is_some_and(|t| t + 2 == start) {
        let f = &units[start - 1].feats;
        if hard[start - 1].is_none()
            && (1..=4).contains(&f.words)
            && !f.sentence_end
            && !by_image(start - 1)
        {
            byline = Some(start - 1);
        }
    }
    // a kicker stands alone above the headline: a run of headline-like lines is a ticker
    let kicker = first_line.filter(|_| anchor.is_none()).and_then(|t| {
        (t > lo && candidate(t - 1) && units[t].heading == 0 && (t - 1 == lo || !candidate(t - 2)))
            .then(|| t - 1)
    });
    let top = kicker.or(first_line).unwrap_or(limit);
    // a dateline next to the headline or below it (بروكسل، 9 تشرين الأول 2009)
    let dateline = |k: usize| hard[k].is_none() && units[k].feats.dateline() && k + 2 >= top;
    // a line that ends with a colon opens what follows (a list of points) up to the body
    let mut lead_in = false;
    for k in 0..start {
        let in_title = first_line.is_some_and(|a| k >= a) && title.is_some_and(|t| k <= t);
        out[k] = if in_title || Some(k) == kicker {
            Reason::Title
        } else if Some(k) == byline || dateline(k) {
            Reason::Byline
        } else if let Some(h) = hard[k] {
            h
        } else if let Some(r) = soft(&units[k]) {
            r
        } else if k > top && title.is_some() {
            let before_byline = byline.is_some_and(|b| k < b);
            let opens = |u: &Unit| u.feats.colon_end || u.feats.comma_end;
            // beside the headline, the body or an opening line, not among widgets
            let placed = k == top + 1
                || k + 1 == start
                || out[k - 1] == Reason::Body
                || units.get(k + 1).is_some_and(opens);
            let r = if lead_in && !before_byline {
                Reason::Body
            } else {
                between(units, prose, k, before_byline, placed, page)
            };
            lead_in = r == Reason::Body && (lead_in || opens(&units[k]));
            r
        } else {
            above(&units[k].feats, arabic_page)
        };
    }
    title
}

/// A line between the headline and the body; `before_byline`: above the byline, where widgets
/// and captions sit but the article has not begun. On a page with images, a line away from
/// them that is not a fragment, `placed` next to the headline, the body or the article's lines,
/// is the article's subtitle or first line, not a caption.
fn between(
    units: &[Unit],
    prose: &[bool],
    k: usize,
    before_byline: bool,
    placed: bool,
    page: Page,
) -> Reason {
    let f = &units[k].feats;
    let sentence = prose[k]
        || (f.sentence_end && f.words >= 4)
        || (f.colon_end && f.words >= 3)
        || (f.comma_end && f.words >= 2);
    // a long line that the next one goes on from (a salutation, a lead-in) is no caption
    let leads = f.words >= 12
        && units
            .get(k + 1)
            .is_some_and(|u| u.feats.colon_end || u.feats.comma_end);
    let subtitle = page.images
        && placed
        && (!units[k].near_image || leads || units[k].heading > 0)
        && f.words >= 4
        && units[k].link_density <= 0.5;
    if (sentence || subtitle) && before_byline {
        Reason::Navigation
    } else if sentence || subtitle {
        Reason::Body
    } else if f.words <= 3 && (f.open_end || (page.arabic && f.latin_only())) {
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

/// Labels the lines after an article region (the last, or one the next does not continue):
/// finished sentences right after it are still the article, an agency tail right after it is a
/// byline, runs of headline-like lines are related lists; after a comments header (التعليقات,
/// أضف تعليق) the readers' comments, names and dates are comments, and a comment form's
/// fields stay the form's.
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
    let mut comments = false;
    // finished sentences right after the article, before any furniture, still belong to it
    let mut open = true;
    for k in zone {
        let f = &units[k].feats;
        let h = hard[k].or_else(|| soft(&units[k]));
        open &= h.is_none() && (prose[k] || f.sentence_end || f.colon_end);
        out[k] = if let Some(h) = h {
            match h {
                Reason::CommentForm => comments = true,
                Reason::Related | Reason::Copyright | Reason::Tags => comments = false,
                _ => {}
            }
            h
        } else if open {
            Reason::Body
        } else if k == first && (f.credit || f.parens) && f.byline() {
            Reason::Byline
        } else if comments && (prose[k] || f.sentence_end || !f.headline()) {
            // a comment, or a reader's name over one; a short line over none is a form's field
            let over_text = units
                .get(k + 1)
                .is_some_and(|u| u.feats.sentence_end || u.feats.prose() || u.feats.timestamp());
            if f.words <= 4 && !over_text && !f.sentence_end {
                Reason::CommentForm
            } else {
                Reason::Comments
            }
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

/// Labels the lines between two article regions that [`joins`] links: still the article
/// (tables, lists, subheads, quotes), except furniture and what follows a furniture line
/// ("اقرأ أيضا" and its headlines) up to the next line of prose.
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
    let t_text = t.folded.text.as_bytes();
    let finder = RabinKarp::new(t_text);
    for (k, u) in units.iter().enumerate() {
        if k == title || out[k] == Reason::Body && u.feats.prose() {
            continue;
        }
        let f = &u.feats;
        if f.words > t.words
            && f.words - t.words <= 4
            && finder.find(f.folded.text.as_bytes(), t_text).is_some()
        {
            out[k] = Reason::Duplicate;
        }
    }
}
