//! The metadata an HTML page's markup states, read in one pass over its tags: `<meta>`,
//! `<link rel=canonical>`, `<html lang>`, `<time datetime>`, itemprop, and JSON-LD scripts
//! (`jsonld.rs`). Only those tags' attributes are read; comments and the content of other
//! scripts and styles are skipped whole.

use std::borrow::Cow;
use std::sync::LazyLock;

use super::super::html::decode_attribute;
use super::jsonld;
use super::Facts;

/// Where a fact was read, best first: each field keeps the best source's value, the first
/// seen among equals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Source {
    /// What the page states for the purpose: a JSON-LD date (of an article before any other
    /// object), `<link rel=canonical>`, `<html lang>`.
    Declared,
    /// A `<meta>` property or name made for it (article:published_time, og:site_name …).
    Meta,
    /// A `<meta>` with a generic name (date, dc.date, description) or an itemprop on an element.
    Generic,
    /// A `<time>` marked as the publication time.
    Time,
    /// The page's visible date or byline lines near the headline.
    Lines,
    /// The URL's path.
    Url,
    /// The first `<time datetime>` of the page.
    AnyTime,
}

/// A tag's attributes: lower-cased names, values as written.
struct Attrs<'a>(Vec<(Cow<'a, str>, &'a str)>);

impl<'a> Attrs<'a> {
    /// The value of `name`, character references read.
    fn get(&self, name: &str) -> Option<String> {
        self.raw(name).map(decode_attribute)
    }

    /// The value of `name` as written.
    fn raw(&self, name: &str) -> Option<&'a str> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, v)| *v)
    }
}

/// Reads a tag's attributes from `b[i..]` (after its name) up to its `>`; gives them and where
/// the tag ends (past the `>`, or the page's end).
fn attrs(page: &str, mut i: usize) -> (Attrs<'_>, usize) {
    let b = page.as_bytes();
    let mut out = Vec::new();
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            return (Attrs(out), b.len());
        }
        if b[i] == b'>' {
            return (Attrs(out), i + 1);
        }
        let start = i;
        i += 1;
        while i < b.len() && !matches!(b[i], b'=' | b'>' | b'/') && !b[i].is_ascii_whitespace() {
            i += 1;
        }
        let name = &page[start..i];
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = "";
        if b.get(i) == Some(&b'=') {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            match b.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = memchr::memchr(q, &b[i + 1..]).map_or(b.len(), |o| i + 1 + o);
                    value = &page[i + 1..end];
                    i = (end + 1).min(b.len());
                }
                Some(_) => {
                    let end = b[i..]
                        .iter()
                        .position(|&c| c.is_ascii_whitespace() || c == b'>')
                        .map_or(b.len(), |o| i + o);
                    value = &page[i..end];
                    i = end;
                }
                None => {}
            }
        }
        let name = if name.bytes().any(|c| c.is_ascii_uppercase()) {
            Cow::Owned(name.to_ascii_lowercase())
        } else {
            Cow::Borrowed(name)
        };
        out.push((name, value));
    }
}

/// Where the first `</name` (ASCII case ignored) stands from `from`, or the page's end.
fn end_tag(b: &[u8], from: usize, name: &[u8]) -> usize {
    let mut i = from;
    while let Some(o) = memchr::memchr(b'<', &b[i..]) {
        let at = i + o;
        if b.get(at + 1) == Some(&b'/')
            && b[at + 2..]
                .get(..name.len())
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
        {
            return at;
        }
        i = at + 1;
    }
    b.len()
}

/// Where a comment that opened before `from` ends (past its `-->`), or the page's end.
fn comment_end(b: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(o) = memchr::memchr(b'>', &b[i..]) {
        let at = i + o;
        if at >= from + 2 && &b[at - 2..at] == b"--" {
            return at + 1;
        }
        i = at + 1;
    }
    b.len()
}

/// `itemprop=`, anywhere in the page.
static ITEMPROP: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| finder(b"itemprop="));

/// Most bytes of text read after a tag as an itemprop's value.
const TEXT_AFTER_BYTES: usize = 400;

/// Text right after a tag, up to the next `<` (at most [`TEXT_AFTER_BYTES`], cut at a
/// character's start), trimmed (an itemprop's value written as text).
fn text_after(page: &str, at: usize) -> &str {
    let rest = &page[at.min(page.len())..];
    let mut end = memchr::memchr(b'<', rest.as_bytes()).map_or(rest.len(), |o| o);
    end = end.min(TEXT_AFTER_BYTES);
    while !rest.is_char_boundary(end) {
        end -= 1;
    }
    rest[..end].trim()
}

/// What a `<meta>`'s key says of its content.
enum Key {
    Published(Source),
    Modified(Source),
    Author(Source),
    SiteName(Source),
    Description(Source),
    Url(Source),
    Language(Source),
}

/// The fact a `<meta>` (or itemprop) key names, lower case.
fn key(k: &str) -> Option<Key> {
    use Source::{Generic, Meta};
    Some(match k {
        "article:published_time"
        | "og:published_time"
        | "datepublished"
        | "pubdate"
        | "publishdate"
        | "publish-date"
        | "publish_date"
        | "published_time"
        | "date_published"
        | "article.published"
        | "parsely-pub-date"
        | "sailthru.date"
        | "dc.date.issued"
        | "dcterms.issued"
        | "citation_publication_date"
        | "originalpublicationdate" => Key::Published(Meta),
        "date" | "dc.date" | "dcterms.date" | "dcterms.created" | "dc.date.created"
        | "datecreated" => Key::Published(Generic),
        "article:modified_time"
        | "og:updated_time"
        | "datemodified"
        | "lastmod"
        | "last-modified"
        | "dcterms.modified"
        | "modified_time" => Key::Modified(Meta),
        "author" | "article:author" | "dc.creator" | "sailthru.author" | "parsely-author" => {
            Key::Author(Meta)
        }
        "og:site_name" => Key::SiteName(Meta),
        "application-name" => Key::SiteName(Generic),
        "og:description" | "twitter:description" => Key::Description(Meta),
        "description" | "dc.description" => Key::Description(Generic),
        "og:url" => Key::Url(Meta),
        "content-language" | "language" | "dc.language" => Key::Language(Meta),
        "og:locale" => Key::Language(Generic),
        _ => return None,
    })
}

/// Adds what a key and its value say to the facts.
fn note(facts: &mut Facts, key: Key, value: &str) {
    let value = value.trim();
    if value.is_empty() {
        return;
    }
    match key {
        Key::Published(s) => facts.published(s, value),
        Key::Modified(s) => facts.modified(s, value),
        Key::Author(s) => facts.author(s, value),
        Key::SiteName(s) => facts.site_name.offer(s, value),
        Key::Description(s) => facts.description.offer(s, value),
        Key::Url(s) => facts.url.offer(s, value),
        Key::Language(s) => facts.language(s, value),
    }
}

/// Finds a string (each built once: a searcher costs more to set up than a small page to scan).
fn finder(needle: &'static [u8]) -> memchr::memmem::Finder<'static> {
    memchr::memmem::Finder::new(needle)
}

/// Where the head ends: `<body`, or `</head`.
static BODY: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| finder(b"<body"));
static HEAD_END: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| finder(b"</head"));
/// The tags read in the body: `<meta`, `<time`, and the `ld+json` of a script's type.
static META: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| finder(b"<meta"));
static TIME: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| finder(b"<time"));
static LD_JSON: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| finder(b"ld+json"));

/// Reads the markup's facts into `facts`: every tag of the head (up to `<body` or `</head`),
/// then in the body only the few tags that state metadata there (`<meta>`, `<time>`, JSON-LD
/// scripts, itemprops), found by search rather than by reading every tag.
pub(super) fn scan(page: &str, facts: &mut Facts) {
    let b = page.as_bytes();
    let body = match (BODY.find(b), HEAD_END.find(b)) {
        (Some(x), Some(y)) => x.min(y),
        (x, y) => x.or(y).unwrap_or(b.len()),
    };
    let mut html_seen = false;
    let mut i = 0;
    while i < body {
        let Some(o) = memchr::memchr(b'<', &b[i..body]) else {
            break;
        };
        let lt = i + o;
        i = lt + 1;
        if b[i..].starts_with(b"!--") {
            i = comment_end(b, i + 3);
            continue;
        }
        i = tag(page, lt, facts, &mut html_seen).max(i);
    }
    let rest = &b[body.max(i).min(b.len())..];
    let from = b.len() - rest.len();
    for at in META.find_iter(rest).chain(TIME.find_iter(rest)) {
        tag(page, from + at, facts, &mut html_seen);
    }
    for at in LD_JSON.find_iter(rest) {
        // the `<script` whose type attribute holds it
        let at = from + at;
        let lo = at.saturating_sub(256);
        if let Some(lt) = memchr::memrchr(b'<', &b[lo..at]).map(|o| lo + o) {
            if b[lt + 1..].starts_with(b"script") || b[lt + 1..].starts_with(b"SCRIPT") {
                tag(page, lt, facts, &mut html_seen);
            }
        }
    }
    itemprops(page, facts);
}

/// Reads the tag that opens at `lt` when it states metadata (`<meta>`, `<link>`, the first
/// `<html>`, `<time>`, a JSON-LD `<script>`); gives where reading goes on: past the tag, past a
/// script's or style's content, or `lt + 1` for any other tag.
fn tag(page: &str, lt: usize, facts: &mut Facts, html_seen: &mut bool) -> usize {
    let b = page.as_bytes();
    let i = lt + 1;
    let name_len = b[i..]
        .iter()
        .take(8)
        .position(|c| !c.is_ascii_alphanumeric())
        .unwrap_or(0);
    let name = &b[i..i + name_len];
    let is = |n: &[u8]| name.eq_ignore_ascii_case(n);
    // most tags are none of these: one byte tells
    if name.is_empty() || !matches!(name[0] | 0x20, b'm' | b'l' | b'h' | b't' | b's') {
        return i;
    }
    if is(b"meta") {
        let (a, end) = attrs(page, i + name_len);
        meta(&a, facts);
        end
    } else if is(b"link") {
        let (a, end) = attrs(page, i + name_len);
        let canonical = a.raw("rel").is_some_and(|r| {
            r.split_ascii_whitespace()
                .any(|w| w.eq_ignore_ascii_case("canonical"))
        });
        if canonical {
            if let Some(h) = a.get("href") {
                facts.url.offer(Source::Declared, &h);
            }
        }
        end
    } else if is(b"html") && !*html_seen {
        *html_seen = true;
        let (a, end) = attrs(page, i + name_len);
        if let Some(l) = a.get("lang").or_else(|| a.get("xml:lang")) {
            facts.language(Source::Declared, &l);
        }
        end
    } else if is(b"time") {
        let (a, end) = attrs(page, i + name_len);
        let value = a.get("datetime");
        let prop = a.raw("itemprop").map(str::to_ascii_lowercase);
        let marked =
            a.raw("pubdate").is_some() || a.raw("class").is_some_and(|c| c.contains("publish"));
        match (prop.as_deref(), value) {
            (Some("datemodified"), Some(v)) => facts.modified(Source::Time, &v),
            (Some("datepublished" | "datecreated"), Some(v)) => facts.published(Source::Time, &v),
            (_, Some(v)) if marked => facts.published(Source::Time, &v),
            (_, Some(v)) => facts.published(Source::AnyTime, &v),
            _ => {}
        }
        end
    } else if is(b"script") {
        let (a, end) = attrs(page, i + name_len);
        let close = end_tag(b, end, b"script");
        if a.raw("type")
            .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"))
        {
            jsonld::read(&page[end.min(close)..close], facts);
        }
        close
    } else if is(b"style") {
        let (_, end) = attrs(page, i + name_len);
        end_tag(b, end, b"style")
    } else {
        i
    }
}

/// A `<meta>`: its property, name, itemprop or http-equiv, and its content.
fn meta(a: &Attrs<'_>, facts: &mut Facts) {
    let Some(content) = a.raw("content") else {
        return;
    };
    for k in ["property", "name", "itemprop", "http-equiv"] {
        if let Some(k) = a.raw(k).map(|k| k.trim().to_ascii_lowercase()) {
            if let Some(key) = self::key(&k) {
                note(facts, key, &decode_attribute(content));
                return;
            }
        }
    }
}

/// Elements other than `<meta>` and `<time>` marked with an itemprop that states a date or the
/// author: their content, datetime, or text.
fn itemprops(page: &str, facts: &mut Facts) {
    let b = page.as_bytes();
    for at in ITEMPROP.find_iter(b) {
        let Some(lt) = memchr::memrchr(b'<', &b[at.saturating_sub(2000)..at])
            .map(|o| at.saturating_sub(2000) + o)
        else {
            continue;
        };
        let name_end = b[lt + 1..]
            .iter()
            .position(|c| !c.is_ascii_alphanumeric())
            .map_or(b.len(), |o| lt + 1 + o);
        let name = &b[lt + 1..name_end];
        if name.eq_ignore_ascii_case(b"meta") || name.eq_ignore_ascii_case(b"time") {
            continue;
        }
        let (a, end) = attrs(page, name_end);
        let Some(prop) = a.raw("itemprop").map(str::to_ascii_lowercase) else {
            continue;
        };
        let value = || {
            a.get("content")
                .or_else(|| a.get("datetime"))
                .unwrap_or_else(|| text_after(page, end).to_owned())
        };
        match prop.as_str() {
            "datepublished" => facts.published(Source::Generic, &value()),
            "datemodified" => facts.modified(Source::Generic, &value()),
            "author" | "creator" => facts.author(Source::Generic, &value()),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_head_tag_or_comment_running_past_the_body_start() {
        // The head scan may step past `<body` (a comment or tag left open across it): every
        // cut of such pages is read without panicking.
        for page in [
            "<html><head><!-- open <body><p>text</p>",
            "<head><meta content='x <body> y'><title>t</title></head><body>b",
            "<p>x</p><meta name=a content=\"<body\"><body><head><time datetime=2020>",
        ] {
            for end in (0..=page.len()).filter(|&e| page.is_char_boundary(e)) {
                scan(&page[..end], &mut Facts::default());
            }
        }
    }

    #[test]
    fn text_after_a_tag_is_cut_at_a_character() {
        // Arabic letters are two bytes: the byte limit falls inside one at every offset
        for pad in 0..4 {
            let page = format!(
                "<span itemprop=author>{}{}",
                " ".repeat(pad),
                "ر".repeat(300)
            );
            let at = page.find('>').unwrap() + 1;
            let got = text_after(&page, at);
            assert!(got.len() <= TEXT_AFTER_BYTES && got.chars().all(|c| c == 'ر'));
            scan(&page, &mut Facts::default());
        }
    }

    #[test]
    fn attributes_in_any_quoting() {
        let page = "<meta Property='og:title' content=\"a &amp; b\" data-x=y hidden>rest";
        let (a, end) = attrs(page, 5);
        assert_eq!(a.raw("property"), Some("og:title"));
        assert_eq!(a.get("content").as_deref(), Some("a & b"));
        assert_eq!(a.raw("data-x"), Some("y"));
        assert_eq!(a.raw("hidden"), Some(""));
        assert_eq!(&page[end..], "rest");
        let (a, end) = attrs("<meta content=\"unclosed", 5);
        assert_eq!(a.raw("content"), Some("unclosed"));
        assert_eq!(end, 23);
    }

    #[test]
    fn end_tags_in_any_case() {
        let b = b"<script>a</b></SCRIPT>x";
        assert_eq!(end_tag(b, 8, b"script"), 13);
        assert_eq!(end_tag(b"abc", 0, b"script"), 3);
        assert_eq!(end_tag(b"a<", 0, b"script"), 2);
    }

    #[test]
    fn comments_end_at_their_own_close() {
        let b = b"<!-->x--> a -->y";
        assert_eq!(comment_end(b, 4), 9);
        assert_eq!(comment_end(b"<!-- a > b", 4), 10);
        // "<!--->" does not end at the "-" of its opening
        assert_eq!(comment_end(b"<!--->-->", 4), 9);
    }
}
