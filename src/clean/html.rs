//! The HTML path: html5ever (through `scraper`) parses the page into a tree, one iterative walk
//! turns it into text blocks (a new block at every block element and `<br>`), skipping scripts,
//! styles and forms' widgets, marking blocks inside nav/header/footer/aside/form, and measuring
//! link density; the blocks are then labelled like plain-text lines.

use ego_tree::iter::Edge;
use scraper::{Html, Node};

use super::classify::{classify, Unit};
use super::features::Features;
use super::fold::fold;
use super::nesting::prepare;
use super::{assemble, Cleaned, Line, Reason};

/// Elements whose content is never visible text.
fn skipped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "select"
            | "textarea"
            | "button"
            | "head"
            | "video"
            | "audio"
            | "picture"
    )
}

/// Elements that start and end a block of text.
fn block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hr"
            | "html"
            | "li"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "tfoot"
            | "th"
            | "thead"
            | "tr"
            | "ul"
            | "br"
            | "img"
            | "input"
            | "label"
            | "legend"
            | "caption"
            | "option"
    )
}

/// The reason given to every block inside a page-chrome element.
fn chrome(name: &str) -> Option<Reason> {
    match name {
        "nav" | "header" | "menu" => Some(Reason::Navigation),
        "footer" => Some(Reason::Copyright),
        "aside" => Some(Reason::Related),
        "form" => Some(Reason::CommentForm),
        "figcaption" => Some(Reason::Caption),
        _ => None,
    }
}

/// Bytes of the source scanned after the cursor when locating a text node.
const SEARCH_WINDOW: usize = 1 << 16;

/// Finds where text nodes sit in the source. DOM order follows source order almost everywhere,
/// so a cursor moves forward, searching a window after it and then the rest of the page; the bytes
/// scanned in vain are bounded by a budget linear in the page (found text costs nothing extra, as
/// the cursor moves past it).
struct Locator<'a> {
    src: &'a str,
    cursor: usize,
    budget: usize,
}

impl<'a> Locator<'a> {
    fn new(src: &'a str) -> Self {
        Locator {
            src,
            cursor: 0,
            budget: 4 * src.len() + (1 << 20),
        }
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

    /// The source range of a text node, or an empty range at the cursor when not found.
    fn locate(&mut self, text: &str) -> (usize, usize) {
        let t = text.trim();
        let mut cut = t.len().min(24);
        while !t.is_char_boundary(cut) {
            cut -= 1;
        }
        let probe = &t[..cut];
        if probe.is_empty() || self.budget == 0 {
            return (self.cursor, self.cursor);
        }
        let found = self
            .search(probe, SEARCH_WINDOW)
            .or_else(|| self.search(probe, usize::MAX));
        match found {
            Some(start) => {
                let end = if self.src[start..].starts_with(t) {
                    start + t.len()
                } else {
                    start + probe.len()
                };
                self.cursor = end;
                (start, end)
            }
            None => (self.cursor, self.cursor),
        }
    }
}

/// A block being built.
#[derive(Default)]
struct Block {
    text: String,
    link_chars: usize,
    heading: u8,
    preset: Option<Reason>,
    byline: bool,
    start: Option<usize>,
    end: usize,
}

/// Per-element state kept on the walk's stack.
#[derive(Clone, Copy)]
struct Frame {
    skip: bool,
    link: bool,
    heading: u8,
    chrome: Option<Reason>,
    byline: bool,
}

/// The page title: og:title, else the first h1, else `<title>`.
fn page_title(doc: &Html) -> Option<String> {
    let mut h1 = None;
    let mut title = None;
    for node in doc.tree.root().descendants() {
        let Node::Element(e) = node.value() else {
            continue;
        };
        match e.name() {
            "meta" => {
                let p = e.attr("property").or_else(|| e.attr("name")).unwrap_or("");
                if p.eq_ignore_ascii_case("og:title") {
                    if let Some(c) = e.attr("content").map(collapse).filter(|c| !c.is_empty()) {
                        return Some(c);
                    }
                }
            }
            "h1" if h1.is_none() => h1 = Some(text_of(node)),
            "title" if title.is_none() => title = Some(text_of(node)),
            _ => {}
        }
    }
    h1.filter(|t| !t.is_empty())
        .or(title)
        .filter(|t| !t.is_empty())
}

/// The collapsed text under a node.
fn text_of(node: ego_tree::NodeRef<'_, Node>) -> String {
    let mut s = String::new();
    for d in node.descendants() {
        if let Node::Text(t) = d.value() {
            s.push_str(t);
            s.push(' ');
        }
    }
    collapse(&s)
}

/// Whitespace collapsed to single spaces and trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Size of the visible text under each element whose chrome role could be wrong (a `<form>` or
/// `<header>` wrapping the whole page): such an element with most of the page's text is not chrome.
fn chrome_sizes(doc: &Html) -> (std::collections::HashMap<ego_tree::NodeId, usize>, usize) {
    let mut sizes = std::collections::HashMap::new();
    let mut open: Vec<(ego_tree::NodeId, usize)> = Vec::new();
    let mut total = 0usize;
    let mut skip = 0usize;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(n) => match n.value() {
                Node::Element(e) if skipped(e.name()) => skip += 1,
                Node::Element(e) if chrome(e.name()).is_some() => open.push((n.id(), total)),
                Node::Text(t) if skip == 0 => total += t.trim().len(),
                _ => {}
            },
            Edge::Close(n) => match n.value() {
                Node::Element(e) if skipped(e.name()) => skip -= 1,
                Node::Element(e) if chrome(e.name()).is_some() => {
                    if let Some((id, at)) = open.pop() {
                        sizes.insert(id, total - at);
                    }
                }
                _ => {}
            },
        }
    }
    (sizes, total)
}

/// Cleans an HTML page.
pub(crate) fn clean_html(page: &str, preset: &dyn Fn(&str) -> Option<Reason>) -> Cleaned {
    let doc = Html::parse_document(&prepare(page));
    let title = page_title(&doc);
    let (sizes, total) = chrome_sizes(&doc);
    let mut loc = Locator::new(page);
    let mut blocks: Vec<Block> = Vec::new();
    let mut cur = Block::default();
    let mut stack: Vec<Frame> = vec![Frame {
        skip: false,
        link: false,
        heading: 0,
        chrome: None,
        byline: false,
    }];
    let flush = |cur: &mut Block, blocks: &mut Vec<Block>| {
        let b = std::mem::take(cur);
        if !b.text.trim().is_empty() {
            blocks.push(b);
        }
    };
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(n) => match n.value() {
                Node::Element(e) => {
                    let name = e.name();
                    let top = *stack.last().unwrap_or(&Frame {
                        skip: false,
                        link: false,
                        heading: 0,
                        chrome: None,
                        byline: false,
                    });
                    let whole_page = sizes.get(&n.id()).is_some_and(|&s| s * 2 > total);
                    let heading = match name {
                        "h1" => 1,
                        "h2" => 2,
                        "h3" => 3,
                        "h4" => 4,
                        "h5" => 5,
                        "h6" => 6,
                        _ => top.heading,
                    };
                    let (hidden, author) = attr_flags(e);
                    let frame = Frame {
                        skip: top.skip || skipped(name) || hidden,
                        link: top.link || name == "a",
                        heading,
                        chrome: top.chrome.or(chrome(name).filter(|_| !whole_page)),
                        byline: top.byline || author,
                    };
                    if block(name) {
                        flush(&mut cur, &mut blocks);
                    }
                    stack.push(frame);
                }
                Node::Text(t) => {
                    let Some(f) = stack.last() else { continue };
                    if f.skip || t.trim().is_empty() {
                        if !cur.text.is_empty() && !t.is_empty() && !cur.text.ends_with(' ') {
                            cur.text.push(' ');
                        }
                        continue;
                    }
                    let (s, e) = loc.locate(t);
                    cur.start.get_or_insert(s);
                    cur.end = cur.end.max(e).max(s);
                    if t.starts_with(char::is_whitespace)
                        && !cur.text.is_empty()
                        && !cur.text.ends_with(' ')
                    {
                        cur.text.push(' ');
                    }
                    let before = cur.text.len();
                    let mut words = t.split_whitespace().peekable();
                    while let Some(w) = words.next() {
                        cur.text.push_str(w);
                        if words.peek().is_some() {
                            cur.text.push(' ');
                        }
                    }
                    if t.ends_with(char::is_whitespace) {
                        cur.text.push(' ');
                    }
                    if f.link {
                        cur.link_chars += cur.text.len() - before;
                    }
                    cur.heading = cur.heading.max(f.heading);
                    if cur.preset.is_none() {
                        cur.preset = f.chrome;
                    }
                    cur.byline |= f.byline;
                }
                _ => {}
            },
            Edge::Close(n) => {
                if let Node::Element(e) = n.value() {
                    if block(e.name()) {
                        flush(&mut cur, &mut blocks);
                    }
                    stack.pop();
                }
            }
        }
    }
    flush(&mut cur, &mut blocks);
    drop(doc);

    let units: Vec<Unit> = blocks
        .iter()
        .map(|b| {
            let text = b.text.trim();
            let feats = Features::of(text);
            let preset = preset(&feats.folded.text).or(b.preset);
            Unit {
                link_density: b.link_chars as f32 / text.len().max(1) as f32,
                heading: b.heading,
                preset,
                byline_hint: b.byline,
                feats,
            }
        })
        .collect();
    let anchor = title.as_deref().and_then(|t| title_block(&units, t));
    let reasons = classify(&units, anchor);
    let lines = blocks
        .into_iter()
        .zip(reasons)
        .map(|(b, reason)| {
            let start = b.start.unwrap_or(0);
            Line {
                text: b.text.trim().to_string(),
                start,
                end: b.end.max(start),
                keep: reason.keeps(),
                reason,
            }
        })
        .collect();
    assemble(lines, title)
}

/// The block that shows the page's title: its words inside the title's (the title may carry the
/// site name), or the title inside it with a few words more; headings first, then non-links, then
/// the earliest.
fn title_block(units: &[Unit], title: &str) -> Option<usize> {
    let t = fold(title);
    if t.len() < 2 {
        return None;
    }
    let in_block = memchr::memmem::Finder::new(t.text.as_bytes());
    units
        .iter()
        .enumerate()
        .filter(|(_, u)| {
            let f = &u.feats.folded;
            f.len() >= 2
                && f.len() * 2 >= t.len()
                && (t.text.contains(f.text.as_str())
                    || (f.len() <= t.len() + 4 && in_block.find(f.text.as_bytes()).is_some()))
        })
        .min_by_key(|(i, u)| (u.heading == 0, u.link_density > 0.5, *i))
        .map(|(i, _)| i)
}

/// What an element's attributes say: (hidden, marks the author or byline). Hidden: `hidden`,
/// `aria-hidden="true"` or `display:none` in its style; author: a class, id, itemprop or rel
/// that names the author, byline or writer. One pass over the attributes.
fn attr_flags(e: &scraper::node::Element) -> (bool, bool) {
    let (mut hidden, mut author) = (false, false);
    for (name, value) in e.attrs() {
        match name {
            "hidden" => hidden = true,
            "aria-hidden" => hidden |= value == "true",
            "style" => {
                let s: String = value.chars().filter(|c| !c.is_whitespace()).collect();
                hidden |= s.to_ascii_lowercase().contains("display:none");
            }
            "class" | "id" | "itemprop" | "rel" => {
                let v = value.to_ascii_lowercase();
                author |= v.contains("author") || v.contains("byline") || v.contains("writer");
            }
            _ => {}
        }
    }
    (hidden, author)
}

#[cfg(test)]
mod tests {
    use super::super::{clean, Reason};

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
