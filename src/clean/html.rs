//! The HTML path: our tokenizer (`tokenize.rs`, leaving out what `trim.rs` says the cleaner never
//! reads) feeds html5ever's tree builder, which builds a flat arena (`dom.rs`: each element
//! reduced at creation to its role and the flags the cleaner reads); one iterative walk turns it
//! into text
//! blocks (a new block at every block element and `<br>`), skipping scripts, styles and forms'
//! widgets, marking blocks inside nav/header/footer/aside/form, and measuring link density; the
//! blocks are then labelled like plain-text lines.

mod dom;
mod tokenize;
mod trim;

use dom::{Data, Dom, Edge, Role};
pub(super) use tokenize::decode_attribute;
use tokenize::Mode;

use super::classify::{classify, Unit};
use super::features::Features;
use super::fold::fold;
use super::{assemble, Cleaned, Line, Reason};
use memchr::arch::all::rabinkarp::Finder as RabinKarp;

/// Bytes of the source scanned after the cursor when locating a text node.
const SEARCH_WINDOW: usize = 1 << 16;

/// Bytes after the cursor in which a text node is first looked for right after a tag's `>`.
const TAG_WINDOW: usize = 4096;

/// Finds where text nodes sit in the source. DOM order follows source order almost everywhere,
/// so a cursor moves forward: a text node usually starts right after a tag, so the `>`s within a
/// short reach are tried first; then a window after the cursor is searched, then the rest of the
/// page; the bytes scanned in vain are bounded by a budget linear in the page (found text costs
/// nothing extra, as the cursor moves past it; the tries after tags have a budget of their own).
struct Locator<'a> {
    src: &'a str,
    cursor: usize,
    budget: usize,
    tag_budget: usize,
}

impl<'a> Locator<'a> {
    fn new(src: &'a str) -> Self {
        Locator {
            src,
            cursor: 0,
            budget: 4 * src.len() + (1 << 20),
            tag_budget: 4 * src.len() + (1 << 20),
        }
    }

    /// Where `probe` stands when it is the first text after the cursor that follows a tag's `>`
    /// (and ASCII white space) within [`TAG_WINDOW`] bytes, paid from the budget. Only markup
    /// stands between the cursor and that place, so no earlier text can hold the probe.
    fn after_tag(&mut self, probe: &str) -> Option<usize> {
        let b = self.src.as_bytes();
        let hi = self
            .cursor
            .saturating_add(TAG_WINDOW.min(self.tag_budget))
            .min(b.len());
        let mut at = self.cursor;
        let mut found = None;
        while let Some(off) = memchr::memchr(b'>', &b[at..hi]) {
            let mut q = at + off + 1;
            while q < b.len() && b[q].is_ascii_whitespace() {
                q += 1;
            }
            if q >= b.len() || b[q] != b'<' {
                if b[q.min(b.len())..].starts_with(probe.as_bytes()) {
                    found = Some(q);
                }
                at = q.min(hi);
                break;
            }
            at = q.min(hi);
        }
        // paid from its own budget, so a miss leaves the search below its whole budget
        let scanned = found.map_or(at, |q| q + probe.len()) - self.cursor;
        self.tag_budget = self.tag_budget.saturating_sub(scanned);
        found
    }

    /// Where `probe` next occurs within `reach` bytes of the cursor, paid from the budget.
    fn search(&mut self, probe: &str, reach: usize) -> Option<usize> {
        let mut hi = self.cursor.saturating_add(reach).min(self.src.len());
        hi = hi.min(self.cursor + self.budget);
        while !self.src.is_char_boundary(hi) {
            hi -= 1;
        }
        if hi <= self.cursor {
            return None;
        }
        let window = &self.src.as_bytes()[self.cursor..hi];
        let found = memchr::memmem::find(window, probe.as_bytes());
        let scanned = found.map_or(window.len(), |off| off + probe.len());
        self.budget = self.budget.saturating_sub(scanned);
        found.map(|off| self.cursor + off)
    }

    /// The source range of a text node (`t`, trimmed) from `hint`, the tokenizer's offset of
    /// the text ([`dom::NONE`] when unknown), checked: after white space (the tree builder may
    /// have split the text's leading white space off) the source spells `t` (see [`spelled`]),
    /// or spells it up to a character reference, and then the range runs to the next tag (or
    /// past the reference's `&` at least). `None` when the check fails (the tree builder moved
    /// the text).
    fn at_hint(&self, t: &str, hint: u32) -> Option<(usize, usize)> {
        let from = usize::try_from(hint).ok().filter(|_| hint != dom::NONE)?;
        let rest = self.src.get(from..)?;
        // most text starts with no white space: `trim_start` only when it may
        let start = match rest.as_bytes().first() {
            Some(&c) if SPACE_LEAD[usize::from(c)] => from + (rest.len() - rest.trim_start().len()),
            _ => from,
        };
        let src = &self.src.as_bytes()[start..];
        // most often the source spells the whole text as it is: one comparison
        let (matched, same) = if src.starts_with(t.as_bytes()) {
            (t.len(), t.len())
        } else {
            spelled(src, t.as_bytes())
        };
        if matched == t.len() {
            return Some((start, start + same));
        }
        // they part inside a character reference: its `&` is at most 32 bytes back (the
        // longest name in the standard's table), and a char boundary (it is ASCII)
        let amp = memchr::memrchr(
            b'&',
            &src[same.saturating_sub(32)..(same + 1).min(src.len())],
        )
        .map(|o| same.saturating_sub(32) + o)?;
        let same = amp;
        let tag = memchr::memchr(b'<', &src[same..]).map_or(src.len(), |o| same + o);
        let end = start + self.src[start..start + tag].trim_end().len();
        Some((start, end.max(start + same)))
    }

    /// The source range of a text node (`t`, trimmed; `hint` as for [`Self::at_hint`]), or an
    /// empty range at the cursor when not found.
    fn locate(&mut self, t: &str, hint: u32) -> (usize, usize) {
        // at most 24 bytes, and no further than two white space characters in a row: past
        // them the text may hold white space that the tokenizer shortened (text that the tree
        // builder merged across ignored tags), which the source spells longer
        let mut cut = t.len().min(24);
        if let Some(at) = t.as_bytes()[..cut]
            .windows(2)
            .position(|w| w[0].is_ascii_whitespace() && w[1].is_ascii_whitespace())
        {
            cut = at;
        }
        while !t.is_char_boundary(cut) {
            cut -= 1;
        }
        let probe = &t[..cut];
        if probe.is_empty() {
            return (self.cursor, self.cursor);
        }
        // lines keep source order: text that the tree builder moved before text read earlier
        // (out of a table) is searched for after the cursor instead
        if let Some((start, end)) = self.at_hint(t, hint).filter(|&(s, _)| s >= self.cursor) {
            self.cursor = end;
            return (start, end);
        }
        if self.budget == 0 {
            return (self.cursor, self.cursor);
        }
        let found = self
            .after_tag(probe)
            .or_else(|| self.search(probe, SEARCH_WINDOW))
            .or_else(|| self.search(probe, usize::MAX));
        match found {
            Some(start) => {
                let (matched, len) = spelled(&self.src.as_bytes()[start..], t.as_bytes());
                self.budget = self.budget.saturating_sub(len);
                let end = start + if matched == t.len() { len } else { probe.len() };
                self.cursor = end;
                (start, end)
            }
            None => (self.cursor, self.cursor),
        }
    }
}

/// How far `src` spells `t` from their starts, a run of ASCII white space in one matching
/// any run in the other (the source's CR LF is LF in the text, and the cleaner's tokenizer
/// shortens long white space between tags): the bytes of `t` and of `src` matched.
fn spelled(src: &[u8], t: &[u8]) -> (usize, usize) {
    let (mut i, mut j) = (0, 0);
    while i < t.len() && j < src.len() {
        if t[i].is_ascii_whitespace() && src[j].is_ascii_whitespace() {
            i += t[i..]
                .iter()
                .take_while(|c| c.is_ascii_whitespace())
                .count();
            j += src[j..]
                .iter()
                .take_while(|c| c.is_ascii_whitespace())
                .count();
        } else if t[i] == src[j] {
            i += 1;
            j += 1;
        } else {
            break;
        }
    }
    (i, j)
}

/// A block being built.
#[derive(Default)]
struct Block {
    text: String,
    link_chars: usize,
    heading: u8,
    preset: Option<Reason>,
    byline: bool,
    /// Inside a table.
    table: bool,
    /// An image stands between the previous block and this one.
    image_before: bool,
    /// A `<br>` (and nothing else) split it from the previous block.
    after_br: bool,
    start: Option<usize>,
    end: usize,
}

/// Per-element state kept on the walk's stack.
#[derive(Clone, Copy, Default)]
struct Frame {
    skip: bool,
    link: bool,
    heading: u8,
    chrome: Option<Reason>,
    byline: bool,
    table: bool,
}

/// Whitespace collapsed to single spaces and trimmed.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The size of a text node's text as seen: its bytes but white space, so that how much white
/// space stands between two words (which the tokenizer may shorten) changes nothing.
fn visible_len(t: &str) -> usize {
    let t = trim(t);
    t.len() - t.bytes().filter(u8::is_ascii_whitespace).count()
}

/// What a first walk learns: the page title (og:title, else the first h1, else `<title>`), and
/// the size of the visible text (see [`visible_len`]) under each element whose chrome role could
/// be wrong (a `<form>` or `<header>` wrapping the whole page: such an element with most of the
/// page's text is not chrome), in the order the walk opens them, with the page's total.
struct Survey {
    title: Option<String>,
    chrome_sizes: Vec<usize>,
    total: usize,
}

fn survey(dom: &Dom) -> Survey {
    let nodes = &dom.nodes;
    let mut og: Option<String> = None;
    let (mut h1, mut title): (Option<String>, Option<String>) = (None, None);
    // the element whose text is being collected for h1 and for title
    let (mut in_h1, mut in_title) = (None, None);
    let mut sizes: Vec<usize> = Vec::new();
    let mut open: Vec<(usize, usize)> = Vec::new();
    let mut total = 0usize;
    let mut skip = 0usize;
    dom.walk(|edge| match edge {
        Edge::Open(n) => match &nodes[n as usize].data {
            Data::Element(e) => {
                let r = &e.role;
                if r.skip {
                    skip += 1;
                } else if r.chrome.is_some() {
                    open.push((sizes.len(), total));
                    sizes.push(0);
                }
                if r.meta && og.is_none() {
                    if let Some(c) = e.og_title.as_deref().map(|t| collapse(t)) {
                        if !c.is_empty() {
                            og = Some(c);
                        }
                    }
                } else if r.heading == 1 && h1.is_none() {
                    h1 = Some(String::new());
                    in_h1 = Some(n);
                } else if r.title && title.is_none() {
                    title = Some(String::new());
                    in_title = Some(n);
                }
            }
            Data::Text(t, _) => {
                if skip == 0 {
                    total += visible_len(t);
                }
                for (open, s) in [(in_h1, &mut h1), (in_title, &mut title)] {
                    if let (Some(_), Some(s)) = (open, s) {
                        s.push_str(t);
                        s.push(' ');
                    }
                }
            }
            _ => {}
        },
        Edge::Close(n) => {
            if let Data::Element(e) = &nodes[n as usize].data {
                if e.role.skip {
                    skip -= 1;
                } else if e.role.chrome.is_some() {
                    if let Some((k, at)) = open.pop() {
                        sizes[k] = total - at;
                    }
                }
                if in_h1 == Some(n) {
                    in_h1 = None;
                }
                if in_title == Some(n) {
                    in_title = None;
                }
            }
        }
    });
    let title = og.or_else(|| {
        h1.map(|t| collapse(&t))
            .filter(|t| !t.is_empty())
            .or(title.map(|t| collapse(&t)))
            .filter(|t| !t.is_empty())
    });
    Survey {
        title,
        chrome_sizes: sizes,
        total,
    }
}

/// Bytes that can start a white space character (as `char::is_whitespace` has it): ASCII
/// white space, and the lead bytes C2, E1, E2 and E3 of the others.
static SPACE_LEAD: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = matches!(i, 9..=13 | 32 | 0xC2 | 0xE1 | 0xE2 | 0xE3);
        i += 1;
    }
    t
};

/// `s.trim()`, answered at once for text that neither starts nor ends with white space (most
/// text nodes and blocks: `str::trim` decodes characters through a generic searcher).
#[inline]
fn trim(s: &str) -> &str {
    let starts = s
        .as_bytes()
        .first()
        .is_some_and(|&c| SPACE_LEAD[usize::from(c)]);
    match s.chars().next_back() {
        Some(last) if !starts && !last.is_whitespace() => s,
        _ => s.trim(),
    }
}

/// The byte length of the white space character at `b[i]`, whose byte is in [`SPACE_LEAD`], or 0.
#[inline]
fn space_at(b: &[u8], i: usize) -> usize {
    let c = b[i];
    if c < 0x80 {
        return 1;
    }
    let n = if c == 0xC2 { 2 } else { 3 };
    match b.get(i..i + n).and_then(|s| std::str::from_utf8(s).ok()) {
        Some(s) if s.starts_with(char::is_whitespace) => n,
        _ => 0,
    }
}

/// Eight copies of a byte.
const fn splat(b: u8) -> u64 {
    u64::from_ne_bytes([b; 8])
}

/// Whether eight bytes (`w`, little-endian) hold nothing [`push_words`] must look at: no byte
/// that may start white space but spaces (no control byte, no C2 or E0 to E3), and only lone
/// spaces: none next to another, none last (it could start a run with the next eight), and none
/// first when `first` (the text's first byte: a leading space).
#[inline]
fn plain(w: u64, first: bool) -> bool {
    const HIGH: u64 = splat(0x80);
    // a byte below 0x20 (the test for any such byte is exact)
    let control = w.wrapping_sub(splat(0x20)) & !w & HIGH;
    let has_zero = |x: u64| x.wrapping_sub(splat(1)) & !x & HIGH;
    let lead = has_zero(w ^ splat(0xC2)) | has_zero((w & splat(0xFC)) ^ splat(0xE0));
    // 0x80 exactly in the bytes that are spaces
    let t = w ^ splat(b' ');
    let space = !(((t & splat(0x7F)) + splat(0x7F)) | t | splat(0x7F));
    let ends = (0x80 << 56) | (u64::from(first) << 7);
    let crowded = space & ((space >> 8) | ends);
    (control | lead | crowded) == 0
}

/// The first byte at or after `i` in [`SPACE_LEAD`], eight bytes at a time over [`plain`]
/// stretches (a lone space between words inside them needs nothing done). `b[i]` is not a space
/// after white space (the callers' `i` follows a run of white space, or a byte that is none).
#[inline]
fn next_lead(b: &[u8], mut i: usize) -> Option<usize> {
    loop {
        // the last byte stays out of the stretches: a space there ends the text
        while i + 8 < b.len() {
            let w = u64::from_le_bytes(b[i..i + 8].try_into().unwrap_or_default());
            if !plain(w, i == 0) {
                break;
            }
            i += 8;
        }
        let stop = (i + 8).min(b.len());
        if let Some(off) = b[i..stop].iter().position(|&c| SPACE_LEAD[usize::from(c)]) {
            return Some(i + off);
        }
        if stop == b.len() {
            return None;
        }
        i = stop;
    }
}

/// Appends a text node's words to a block, white space collapsed (a space kept where the node
/// starts or ends with white space; none doubled). Text between runs that need no change (single
/// ASCII spaces between words) is copied in one piece.
fn push_words(text: &mut String, t: &str) {
    let b = t.as_bytes();
    let mut i = 0;
    // the start of the text not copied yet
    let mut seg = 0;
    while let Some(start) = next_lead(b, i) {
        let mut end = start;
        while end < b.len() && SPACE_LEAD[usize::from(b[end])] {
            let n = space_at(b, end);
            if n == 0 {
                break;
            }
            end += n;
        }
        if end == start {
            // a lead byte of something else
            i = start + 1;
            continue;
        }
        i = end;
        if start > 0 && end < b.len() && end - start == 1 && b[start] == b' ' {
            continue;
        }
        text.push_str(&t[seg..start]);
        if start > 0 || (!text.is_empty() && !text.ends_with(' ')) {
            text.push(' ');
        }
        seg = end;
    }
    text.push_str(&t[seg..]);
}

/// The page's text blocks, in document order.
fn blocks(dom: &Dom, page: &str, survey: &Survey) -> Vec<Block> {
    let nodes = &dom.nodes;
    let mut loc = Locator::new(page);
    let mut blocks: Vec<Block> = Vec::new();
    let mut cur = Block::default();
    let mut stack: Vec<Frame> = vec![Frame::default()];
    let mut chrome_seen = 0usize;
    // an image seen since the last block, and whether a `<br>` alone ended the last block
    let (mut image, mut br) = (false, false);
    // `cur.text` is a buffer kept across blocks: a block takes a copy of its text, trimmed, of
    // just its size (one allocation, never grown); a block without text leaves `cur` as it is,
    // as the fields but the text change only with it
    let flush = |cur: &mut Block, blocks: &mut Vec<Block>| {
        if cur.text.is_empty() {
            return;
        }
        let mut buf = std::mem::take(&mut cur.text);
        let text = trim(&buf);
        if text.is_empty() {
            *cur = Block::default();
        } else {
            blocks.push(Block {
                text: text.to_owned(),
                ..std::mem::take(cur)
            });
        }
        buf.clear();
        cur.text = buf;
    };
    dom.walk(|edge| match edge {
        Edge::Open(n) => match &nodes[n as usize].data {
            Data::Element(e) => {
                let r: &Role = &e.role;
                let top = *stack.last().unwrap_or(&Frame::default());
                let mut chrome = None;
                if !r.skip && r.chrome.is_some() {
                    let size = survey.chrome_sizes.get(chrome_seen).copied().unwrap_or(0);
                    chrome_seen += 1;
                    if size * 2 <= survey.total {
                        chrome = r.chrome;
                    }
                }
                let frame = Frame {
                    skip: top.skip || r.skip || e.hidden,
                    link: top.link || r.link,
                    heading: if r.heading > 0 {
                        r.heading
                    } else {
                        top.heading
                    },
                    chrome: top.chrome.or(chrome),
                    byline: top.byline || e.author,
                    table: top.table || r.table,
                };
                image |= r.image;
                if r.block {
                    let before = blocks.len();
                    flush(&mut cur, &mut blocks);
                    br = r.br && (blocks.len() > before || br);
                }
                stack.push(frame);
            }
            Data::Text(t, hint) => {
                let Some(f) = stack.last() else { return };
                let trimmed = trim(t);
                if f.skip || trimmed.is_empty() {
                    if !cur.text.is_empty() && !t.is_empty() && !cur.text.ends_with(' ') {
                        cur.text.push(' ');
                    }
                    return;
                }
                let (s, e) = loc.locate(trimmed, *hint);
                if cur.start.is_none() {
                    cur.image_before = std::mem::take(&mut image);
                    cur.after_br = std::mem::take(&mut br);
                }
                cur.start.get_or_insert(s);
                cur.end = cur.end.max(e).max(s);
                let before = cur.text.len();
                push_words(&mut cur.text, t);
                if f.link {
                    cur.link_chars += cur.text.len() - before;
                }
                cur.heading = cur.heading.max(f.heading);
                if cur.preset.is_none() {
                    cur.preset = f.chrome;
                }
                cur.byline |= f.byline;
                cur.table |= f.table;
            }
            _ => {}
        },
        Edge::Close(n) => {
            if let Data::Element(e) = &nodes[n as usize].data {
                if e.role.block && !e.role.br && !e.role.image {
                    flush(&mut cur, &mut blocks);
                    br = false;
                }
                stack.pop();
            }
        }
    });
    flush(&mut cur, &mut blocks);
    blocks
}

/// Cleans an HTML page.
pub(crate) fn clean_html(page: &str, preset: &dyn Fn(&str) -> Option<Reason>) -> Cleaned {
    clean_dom(page, Dom::parse(page), preset)
}

/// Cleans an HTML page from its tree.
fn clean_dom(page: &str, dom: Dom, preset: &dyn Fn(&str) -> Option<Reason>) -> Cleaned {
    let survey = survey(&dom);
    let blocks = blocks(&dom, page, &survey);
    drop(dom);
    let title = survey.title;

    let units: Vec<Unit> = blocks
        .iter()
        .enumerate()
        .map(|(k, b)| {
            let text = b.text.as_str();
            let feats = Features::of(text);
            let preset = preset(&feats.folded.text).or(b.preset);
            Unit {
                link_density: b.link_chars as f32 / text.len().max(1) as f32,
                heading: b.heading,
                preset,
                byline_hint: b.byline,
                table: b.table,
                after_image: b.image_before,
                near_image: b.image_before || blocks.get(k + 1).is_some_and(|n| n.image_before),
                after_br: b.after_br,
                feats,
            }
        })
        .collect();
    let anchor = title.as_deref().and_then(|t| title_block(&units, t));
    let reasons = classify(&units, anchor);
    let mut lines: Vec<Line> = Vec::with_capacity(blocks.len());
    for ((b, unit), reason) in blocks.into_iter().zip(&units).zip(reasons) {
        let start = b.start.unwrap_or(0);
        // a headline that a `<br>` splits is one line
        if let Some(prev) = lines
            .last_mut()
            .filter(|p| unit.after_br && reason == Reason::Title && p.reason == Reason::Title)
        {
            prev.text.push(' ');
            prev.text.push_str(&b.text);
            prev.end = prev.end.max(b.end.max(start));
            continue;
        }
        lines.push(Line {
            text: b.text,
            start,
            end: b.end.max(start),
            keep: reason.keeps(),
            reason,
        });
    }
    assemble(lines, title, Some(page))
}

/// See [`super::html_parsers_disagree`].
pub(crate) fn parsers_disagree(page: &str) -> Option<(String, String)> {
    let ours = Dom::parse_with(page, Mode::Standard).dump();
    let theirs = Dom::parse_html5ever(page).dump();
    if ours != theirs {
        return Some(from_difference(&ours, &theirs));
    }
    // what the cleaner's tokenizer leaves out changes nothing it reads (the nesting cap aside)
    let none = &|_: &str| None;
    let trimmed = Dom::parse_with(
        page,
        Mode::Cleaner {
            max_depth: usize::MAX,
        },
    );
    let trimmed = format!("{:?}", clean_dom(page, trimmed, none));
    let whole = Dom::parse_with(page, Mode::Standard);
    let whole = format!("{:?}", clean_dom(page, whole, none));
    (trimmed != whole).then(|| from_difference(&trimmed, &whole))
}

/// Two texts from a little before their first difference on.
fn from_difference(a: &str, b: &str) -> (String, String) {
    let at = a
        .char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i);
    let from = a[..at].char_indices().rev().nth(60).map_or(0, |(i, _)| i);
    (a[from..].to_string(), b[from..].to_string())
}

/// Whether `needle` occurs in `hay` (a title: short, so comparing where its first byte occurs
/// beats building a searcher; this runs once a block).
fn contains(hay: &[u8], needle: &[u8]) -> bool {
    let Some((&first, _)) = needle.split_first() else {
        return true;
    };
    memchr::memchr_iter(first, hay).any(|at| hay[at..].starts_with(needle))
}

/// The block that shows the page's title: its words inside the title's (the title may carry the
/// site name), or the title inside it with a few words more; headings first, then non-links, then
/// the earliest.
fn title_block(units: &[Unit], title: &str) -> Option<usize> {
    let t = fold(title);
    if t.len() < 2 {
        return None;
    }
    // a Rabin-Karp searcher costs next to nothing to set up, and the lines searched are short
    let in_block = RabinKarp::new(t.text.as_bytes());
    units
        .iter()
        .enumerate()
        .filter(|(_, u)| {
            let f = &u.feats.folded;
            f.len() >= 2
                && f.len() * 2 >= t.len()
                && (contains(t.text.as_bytes(), f.text.as_bytes())
                    || (f.len() <= t.len() + 4
                        && in_block
                            .find(f.text.as_bytes(), t.text.as_bytes())
                            .is_some()))
        })
        .min_by_key(|(i, u)| (u.heading == 0, u.link_density > 0.5, *i))
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::super::{clean, Reason};
    use super::{push_words, trim};

    /// `push_words` as `split_whitespace` has it.
    fn push_words_reference(text: &mut String, t: &str) {
        if t.starts_with(char::is_whitespace) && !text.is_empty() && !text.ends_with(' ') {
            text.push(' ');
        }
        text.push_str(&t.split_whitespace().collect::<Vec<_>>().join(" "));
        if t.ends_with(char::is_whitespace) && !t.trim().is_empty() {
            text.push(' ');
        }
    }

    #[test]
    fn words_collapse_like_split_whitespace() {
        let pieces = [
            "كلمة", " ", "\u{a0}", "\u{2009}", "\u{3000}", "\u{85}", "\u{1680}", "\n\t", "\x0b",
            "é", "\u{200b}", "ab", "\u{e2}", "€", "\u{202f}", "كلمة", " ", "كلمة", " ", "ab",
            "\u{1f}", "\u{900}", "\u{1000}", "\u{3001}", "\u{a9}",
        ];
        let mut rng = crate::test_rng::XorShift::new(0x2545_F491_4F6C_DD1D);
        let mut next = |n: usize| rng.below(n);
        // half the texts of words and spaces only, as most text nodes are
        let plain = ["كلمة", " ", "ab", "é"];
        let drawn = (0..4000).map(|k| {
            let pool: &[&str] = if k % 2 == 0 { &pieces } else { &plain };
            let mut t = String::new();
            for _ in 0..next(24) {
                t.push_str(pool[next(pool.len())]);
            }
            t
        });
        let fixed = [
            "كلمة  كلمة",
            " ab  cd ",
            "\nab\t",
            "ab\u{a0}",
            "  ",
            "ab cd",
        ];
        for t in fixed.into_iter().map(String::from).chain(drawn) {
            if t.trim().is_empty() {
                continue;
            }
            for prefix in ["", "a", "a "] {
                let (mut got, mut want) = (prefix.to_string(), prefix.to_string());
                push_words(&mut got, &t);
                push_words_reference(&mut want, &t);
                assert_eq!(got, want, "{t:?}");
            }
        }
    }

    #[test]
    fn trim_is_str_trim() {
        let texts = [
            "",
            " ",
            "a",
            " a",
            "a ",
            "\u{a0}x",
            "x\u{a0}",
            "كلمة",
            "كلمة\u{3000}",
            "\u{85}",
            "\x0bx",
            "x\x0b",
            "\u{1f}x",
            "x\u{1f}",
            "\u{2009}ab\u{202f}",
            "é",
            "\u{200b}",
        ];
        for t in texts {
            assert_eq!(trim(t), t.trim(), "{t:?}");
        }
    }

    #[test]
    fn lines_point_at_their_text_not_at_an_attribute_that_repeats_it() {
        let page = "<ul><li><a href=\"/\" title=\"الرئيسية اخبار اليوم\">\n<h6>الرئيسية</h6></a></li></ul>\
                    <h1 title=\"عنوان الخبر\">عنوان الخبر</h1>\r\n<p>نص &amp; الخبر</p>";
        let out = clean(page, Some(true));
        for text in ["الرئيسية", "عنوان الخبر"] {
            let line = out.lines.iter().find(|l| l.text == text).unwrap();
            let tag = &page[..line.start];
            assert!(
                tag.ends_with("<h6>") || tag.ends_with("\">"),
                "{text}: {tag:?}"
            );
            assert_eq!(&page[line.start..line.end], text);
        }
        let body = out.lines.iter().find(|l| l.text.starts_with("نص")).unwrap();
        assert!(page[..body.start].ends_with("<p>"), "{body:?}");
        assert!(page[body.end..].starts_with("</p>"), "{body:?}");
    }

    #[test]
    fn lines_keep_source_order_when_the_tree_builder_moves_text() {
        // text inside a table but outside its cells goes before the table in the tree
        let page = "<p>مقدمة الخبر هنا</p><table><tr><td>خلية أولى</td></tr>نص خارج الخلايا\
                    <tr><td>خلية ثانية</td></tr></table><p>خاتمة الخبر هنا</p>";
        let out = clean(page, Some(true));
        let texts: Vec<&str> = out.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts[1], "نص خارج الخلايا", "{texts:?}");
        for pair in out.lines.windows(2) {
            assert!(pair[0].start <= pair[1].start, "{pair:?}");
        }
    }

    #[test]
    fn lines_span_text_that_the_source_spells_with_cr_lf_or_longer_white_space() {
        for gap in ["\r\n", "\n\n\n   ", "\r\n\t\t\t\t"] {
            let page = format!(
                "<html><body><p>هذا نص{gap}طويل جدا في السطر</p><p>ثم نص آخر</p></body></html>"
            );
            let out = clean(&page, Some(true));
            let first = &out.lines[0];
            assert_eq!(first.text, "هذا نص طويل جدا في السطر");
            assert_eq!(
                &page[first.start..first.end],
                format!("هذا نص{gap}طويل جدا في السطر")
            );
        }
    }

    const PAGE: &str = r#"<!DOCTYPE html>
<html lang="ar" dir="rtl"><head>
<meta property="og:title" content="الحكومة تعلن خطة جديدة لدعم المزارعين - موقع الأخبار">
<title>موقع الأخبار</title>
<style>p { color: red }</style><script>var x = "<p>ليس نصا</p>";</script>
</head><body>
<header><div class="logo">موقع الأخبار</div></header>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/s">سياسة</a></li><li><a href="/e">اقتصاد</a></li></ul></nav>
<!-- تعليق لا يظهر -->
<article>
<h1>الحكومة تعلن خطة جديدة لدعم المزارعين</h1>
<div class="author-name">كتب أحمد علي</div>
<p>أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في جميع المحافظات، وذلك بهدف زيادة الإنتاج الزراعي وتحسين دخل الأسر الريفية &amp; تقليل الاستيراد.</p>
<p>وقال وزير الزراعة إن الخطة تشمل تقديم قروض ميسرة وبذور محسنة<br>وأضاف أن التنفيذ سيبدأ خلال الأشهر المقبلة في المحافظات الأكثر حاجة إلى الدعم والمساندة.</p>
<p>وأشار الوزير إلى أن الحكومة خصصت ميزانية كبيرة لهذا البرنامج الذي يستفيد منه آلاف المزارعين في مختلف أنحاء البلاد&#x2E;
</article>
<aside><h3>الأكثر قراءة</h3><ul><li><a href="/1">خبر آخر عن الرياضة المحلية اليوم</a></li></ul></aside>
<form><label>الاسم</label><input name="n"><textarea>اكتب تعليقك</textarea><button>إرسال</button></form>
<footer><p>جميع الحقوق محفوظة © 2025</p></footer>
</body></html>"#;

    #[test]
    fn article_title_byline_and_chrome() {
        let out = clean(PAGE, None);
        assert_eq!(
            out.title.as_deref(),
            Some("الحكومة تعلن خطة جديدة لدعم المزارعين")
        );
        assert_eq!(out.byline.as_deref(), Some("كتب أحمد علي"));
        let kept: Vec<&str> = out
            .lines
            .iter()
            .filter(|l| l.keep)
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(kept.len(), 6, "{kept:?}");
        assert_eq!(kept[0], "الحكومة تعلن خطة جديدة لدعم المزارعين");
        assert!(kept[2].ends_with("& تقليل الاستيراد."));
        assert!(kept[3].ends_with("وبذور محسنة"));
        assert!(kept[5].ends_with("البلاد."));
        assert!(!out.text.contains("ليس نصا") && !out.text.contains("color"));
        assert!(!out.text.contains("تعليق لا يظهر"));
        let reason = |t: &str| out.lines.iter().find(|l| l.text == t).map(|l| l.reason);
        assert_eq!(reason("الرئيسية"), Some(Reason::Navigation));
        assert_eq!(reason("الأكثر قراءة"), Some(Reason::Related));
        assert_eq!(reason("جميع الحقوق محفوظة © 2025"), Some(Reason::Copyright));
        assert_eq!(reason("الاسم"), Some(Reason::CommentForm));
        for l in &out.lines {
            assert!(l.start <= l.end && l.end <= PAGE.len());
        }
        let h1 = out
            .lines
            .iter()
            .find(|l| l.reason == Reason::Title)
            .unwrap();
        assert_eq!(&PAGE[h1.start..h1.end], h1.text);
    }
}
