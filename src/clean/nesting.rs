//! Prepares a page for the HTML parser, in one linear scan:
//! - caps element nesting. The HTML5 tree builder checks "element in scope" by walking the stack
//!   of open elements, so 100,000 nested `<div>`s cost it quadratic time; like browsers (Chromium
//!   stops nesting at 512), start tags past the cap are dropped and their text stays;
//! - empties `<script>` and `<style>` elements, whose content is never text and would otherwise
//!   be tokenized character by character (the tags stay, so the tree keeps its shape).
//!
//! The page is copied only when something is dropped.

use std::borrow::Cow;

/// Deepest nesting kept.
pub(crate) const MAX_DEPTH: usize = 512;

/// Elements that never nest: void elements, those whose end tag is implied by the next one, and
/// those that close an open one of their kind (a, form, button, nobr).
const FLAT: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead",
    "tfoot", "colgroup", "caption", "rb", "rt", "rp", "html", "head", "body", "param", "keygen",
    "a", "form", "button", "nobr",
];

/// Elements whose content is raw text up to their end tag.
const RAW: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// The page with start tags deeper than [`MAX_DEPTH`] removed and script and style content
/// emptied.
pub(crate) fn prepare(page: &str) -> Cow<'_, str> {
    let b = page.as_bytes();
    let mut depth = 0usize;
    let mut drops: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(off) = memchr(b'<', &b[i..]) {
        let lt = i + off;
        i = lt + 1;
        if b[i..].starts_with(b"!--") {
            i = find(b, i + 3, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        let closing = b.get(i) == Some(&b'/');
        let name_start = if closing { i + 1 } else { i };
        let mut j = name_start;
        while j < b.len() && b[j].is_ascii_alphanumeric() {
            j += 1;
        }
        if j == name_start || !b[name_start].is_ascii_alphabetic() {
            continue;
        }
        let name = page[name_start..j].to_ascii_lowercase();
        let gt = memchr(b'>', &b[j..]).map_or(b.len(), |o| j + o + 1);
        i = gt;
        if FLAT.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            continue;
        }
        if RAW.contains(&name.as_str()) {
            let end = format!("</{name}");
            i = find_ci(b, gt, end.as_bytes()).unwrap_or(b.len());
            if (name == "script" || name == "style") && i > gt {
                drops.push((gt, i));
            }
            continue;
        }
        if b[..gt].ends_with(b"/>") {
            continue;
        }
        if depth >= MAX_DEPTH {
            drops.push((lt, gt));
        } else {
            depth += 1;
        }
    }
    if drops.is_empty() {
        return Cow::Borrowed(page);
    }
    let mut out = String::with_capacity(page.len());
    let mut at = 0;
    for (s, e) in drops {
        out.push_str(&page[at..s]);
        at = e;
    }
    out.push_str(&page[at..]);
    Cow::Owned(out)
}

use memchr::memchr;

/// Where `pat` first occurs in `b` at or after `from`.
fn find(b: &[u8], from: usize, pat: &[u8]) -> Option<usize> {
    memchr::memmem::find(b.get(from..)?, pat).map(|p| from + p)
}

/// Where `pat` (starting with `<`) first occurs in `b` at or after `from`, ASCII case ignored.
fn find_ci(b: &[u8], from: usize, pat: &[u8]) -> Option<usize> {
    memchr::memchr_iter(b'<', b.get(from..)?)
        .map(|p| from + p)
        .find(|&p| {
            b.get(p..p + pat.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(pat))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_are_borrowed() {
        let page = "<div><p>a<p>b<br><img src=x></div><script></script><title>a<b</title>";
        assert!(matches!(prepare(page), Cow::Borrowed(_)));
    }

    #[test]
    fn scripts_and_styles_are_emptied() {
        let page = "<p>a</p><SCRIPT>if (a<b) {x()}</Script><style>p{}</style><p>b</p>";
        assert_eq!(
            prepare(page),
            "<p>a</p><SCRIPT></Script><style></style><p>b</p>"
        );
    }

    #[test]
    fn deep_tags_are_dropped() {
        let page = format!("{}x{}", "<div>".repeat(1000), "</div>".repeat(1000));
        let capped = prepare(&page);
        assert_eq!(capped.matches("<div>").count(), MAX_DEPTH);
        assert!(capped.contains('x'));
    }
}
