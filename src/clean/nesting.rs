//! Prepares a page for the HTML parser, in one linear scan:
//! - caps element nesting. The HTML5 tree builder checks "element in scope" by walking the stack
//!   of open elements, so 100,000 nested `<div>`s cost it quadratic time; like browsers (Chromium
//!   stops nesting at 512), start tags past the cap are dropped and their text stays;
//! - empties `<script>` and `<style>` elements, whose content is never text and would otherwise
//!   be tokenized character by character (the tags stay, so the tree keeps its shape);
//! - empties comments and shortens white space between tags to two characters;
//! - writes out the commonest character references in text (`&quot;`, `&nbsp;`, `&#39;` …) as
//!   the characters they stand for, where that changes nothing the tokenizer does: it would
//!   decode each one on a slow path and hand it over as a text token of its own, which splits
//!   the text node around it into copies;
//! - drops the attributes that cannot change what the cleaner reads (href, src, data-*, on*,
//!   classes that do not name the author …) from start tags:
//!   html5ever tokenizes attribute values one character at a time and interns every name, and on
//!   real pages attributes are a third of the bytes. Tags are read with the HTML5 tokenizer's
//!   attribute states, so each tag ends where the parser ends it; comments, bogus comments and
//!   raw-text elements are stepped over untouched; the attributes that steer tree construction
//!   stay (all of `<input>`'s, `<font>`'s and `<annotation-xml>`'s).
//!
//! The page is copied only when something is dropped.

use std::borrow::Cow;

/// Deepest nesting kept.
pub(crate) const MAX_DEPTH: usize = 512;

/// How a start tag's name is treated.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Never nests: void elements, those whose end tag is implied by the next one, and those
    /// that close an open one of their kind (a, form, button, nobr).
    Flat,
    /// Raw text up to its end tag; `true`: the content is emptied (script, style).
    Raw(bool),
    /// Raw text to the end of the page.
    Plaintext,
    /// Anything else.
    Other,
}

/// The kind of a tag name (ASCII case ignored).
fn kind(name: &[u8]) -> Kind {
    let mut buf = [0u8; 16];
    let Some(low) = buf.get_mut(..name.len()) else {
        return Kind::Other;
    };
    for (d, s) in low.iter_mut().zip(name) {
        *d = s.to_ascii_lowercase();
    }
    match &*low {
        b"area" | b"base" | b"br" | b"col" | b"embed" | b"hr" | b"img" | b"link" | b"meta"
        | b"source" | b"track" | b"wbr" | b"p" | b"li" | b"dt" | b"dd" | b"option"
        | b"optgroup" | b"tr" | b"td" | b"th" | b"tbody" | b"thead" | b"tfoot" | b"colgroup"
        | b"caption" | b"rb" | b"rt" | b"rp" | b"html" | b"head" | b"body" | b"param"
        | b"keygen" | b"a" | b"form" | b"button" | b"nobr" | b"input" => Kind::Flat,
        b"script" | b"style" => Kind::Raw(true),
        b"textarea" | b"title" | b"xmp" | b"iframe" | b"noembed" | b"noframes" | b"noscript" => {
            Kind::Raw(false)
        }
        b"plaintext" => Kind::Plaintext,
        _ => Kind::Other,
    }
}

/// Whether every attribute of a start tag stays: those whose attributes can change the tree
/// (`<input type=hidden>` in tables, `<font>` and `<annotation-xml>` in foreign content).
fn keeps_attrs(name: &[u8]) -> bool {
    [&b"input"[..], b"font", b"annotation-xml"]
        .iter()
        .any(|k| name.eq_ignore_ascii_case(k))
}

/// Whether the tree builder can read the tags after this start tag by other rules than a page's
/// body: in SVG and MathML a `<title>` or `<style>` is no raw text element, and a `<select>` or
/// `<frameset>` ignores an `<iframe>` and more. Past such a tag, the text this scan steps over as
/// raw and the text it reads as text may be the other way round for the tokenizer.
fn leaves_html_rules(name: &[u8]) -> bool {
    [&b"svg"[..], b"math", b"select", b"frameset"]
        .iter()
        .any(|k| name.eq_ignore_ascii_case(k))
}

/// Whether an attribute can change what the cleaner reads (ASCII case ignored): `hidden`,
/// `aria-hidden`, a style with `display:none`, a class, id, itemprop or rel naming the author, and
/// a `<meta>`'s property, name and content. A value with a character reference stays, as its
/// decoded text is not known here.
fn read_attr(name: &[u8], attr: &str, meta: bool) -> bool {
    let mut buf = [0u8; 12];
    let Some(low) = buf.get_mut(..name.len()) else {
        return false;
    };
    for (d, s) in low.iter_mut().zip(name) {
        *d = s.to_ascii_lowercase();
    }
    match &*low {
        b"hidden" | b"aria-hidden" => true,
        b"style" => attr.contains('&') || display_none(attr),
        b"class" | b"id" | b"itemprop" | b"rel" => attr.contains('&') || names_author(attr),
        b"property" | b"name" | b"content" => meta,
        _ => false,
    }
}

/// `display:none` in a style, whitespace and ASCII case ignored.
pub(crate) fn display_none(style: &str) -> bool {
    const PAT: &[u8] = b"display:none";
    let mut at = 0;
    for c in style.chars().filter(|c| !c.is_whitespace()) {
        let c = c.to_ascii_lowercase();
        if c.is_ascii() && c as u8 == PAT[at] {
            at += 1;
            if at == PAT.len() {
                return true;
            }
        } else {
            // 'd' opens the pattern and occurs nowhere else in it
            at = usize::from(c == 'd');
        }
    }
    false
}

/// "author", "byline" or "writer" in a value, ASCII case ignored.
pub(crate) fn names_author(value: &str) -> bool {
    let b = value.as_bytes();
    [&b"author"[..], b"byline", b"writer"]
        .iter()
        .any(|pat| b.windows(pat.len()).any(|w| w.eq_ignore_ascii_case(pat)))
}

/// HTML white space (a carriage return becomes a line feed before tokenizing).
fn space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

/// A start tag read with the tokenizer's states: where it ends (after its `>`), and the byte
/// ranges of its attributes. `None` when the page ends inside it (the parser drops it).
fn read_tag(b: &[u8], mut i: usize, attrs: &mut Vec<(usize, usize, usize)>) -> Option<usize> {
    attrs.clear();
    loop {
        // before attribute name
        while i < b.len() && (space(b[i]) || b[i] == b'/') {
            i += 1;
        }
        if *b.get(i)? == b'>' {
            return Some(i + 1);
        }
        // attribute name (a leading '=' belongs to it)
        let start = i;
        i += 1;
        while i < b.len() && !space(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let name_end = i;
        // after attribute name
        while i < b.len() && space(b[i]) {
            i += 1;
        }
        if b.get(i) != Some(&b'=') {
            attrs.push((start, name_end, name_end));
            continue;
        }
        i += 1;
        // before attribute value
        while i < b.len() && space(b[i]) {
            i += 1;
        }
        match *b.get(i)? {
            q @ (b'"' | b'\'') => {
                let close = memchr::memchr(q, &b[i + 1..])?;
                i += close + 2;
            }
            b'>' => {
                attrs.push((start, name_end, i));
                return Some(i + 1);
            }
            _ => {
                while i < b.len() && !space(b[i]) && b[i] != b'>' {
                    i += 1;
                }
            }
        }
        attrs.push((start, name_end, i));
    }
}

/// The page with start tags deeper than [`MAX_DEPTH`] removed, script and style content emptied,
/// and the attributes the cleaner does not read dropped.
pub(crate) fn prepare(page: &str) -> Cow<'_, str> {
    let b = page.as_bytes();
    let mut depth = 0usize;
    // byte ranges of the page to write as the given text (most often, to drop)
    let mut drops: Vec<(usize, usize, &str)> = Vec::new();
    let mut attrs: Vec<(usize, usize, usize)> = Vec::new();
    // no element has been opened yet after which the raw text elements can be other than this
    // scan takes them for (see `leaves_html_rules`)
    let mut html_only = true;
    let mut i = 0;
    while let Some(off) = memchr(b'<', &b[i..]) {
        let lt = i + off;
        // white space between two tags: two characters say all the cleaner and the tree builder
        // need (that it is there, and a second one after a `<pre>`'s leading line feed)
        if off > 2 && b[i..lt].iter().all(|&c| matches!(c, b' ' | b'\t' | b'\n')) {
            drops.push((i + 2, lt, ""));
        } else if html_only && off > 0 {
            // `i` is where the tokenizer is in its data state: after a tag, comment or raw text
            for amp in memchr::memchr_iter(b'&', &b[i..lt]) {
                if let Some((end, with)) = text_reference(b, i + amp) {
                    drops.push((i + amp, end, with));
                }
            }
        }
        i = lt + 1;
        match b.get(i) {
            Some(b'!') => {
                i = if b[i..].starts_with(b"!--") {
                    let end = comment_end(b, i + 3);
                    // a comment's text is never read: keep an empty `<!---->`
                    if end > i + 6 && b[..end].ends_with(b"-->") {
                        drops.push((i + 3, end - 3, ""));
                    }
                    end
                } else if b[i..].starts_with(b"![CDATA[") {
                    find(b, i, b"]]>").map_or(b.len(), |e| e + 3)
                } else {
                    // a doctype or a bogus comment: up to the next '>'
                    memchr(b'>', &b[i..]).map_or(b.len(), |o| i + o + 1)
                };
                continue;
            }
            Some(b'?') => {
                i = memchr(b'>', &b[i..]).map_or(b.len(), |o| i + o + 1);
                continue;
            }
            Some(b'/') => {
                if !b.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
                    // `</>` or a bogus comment: up to the next '>'
                    i = memchr(b'>', &b[i..]).map_or(b.len(), |o| i + o + 1);
                    continue;
                }
                let name_start = i + 1;
                let mut j = name_start;
                while j < b.len() && !space(b[j]) && !matches!(b[j], b'/' | b'>') {
                    j += 1;
                }
                if kind(&b[name_start..j]) != Kind::Flat {
                    depth = depth.saturating_sub(1);
                }
                // an end tag's attributes are read (and ignored) like a start tag's
                let Some(gt) = read_tag(b, j, &mut attrs) else {
                    break;
                };
                i = gt;
                continue;
            }
            Some(c) if c.is_ascii_alphabetic() => {}
            _ => continue,
        }
        let name_start = i;
        let mut j = name_start;
        while j < b.len() && !space(b[j]) && !matches!(b[j], b'/' | b'>') {
            j += 1;
        }
        let Some(gt) = read_tag(b, j, &mut attrs) else {
            break;
        };
        i = gt;
        let kind = kind(&b[name_start..j]);
        html_only &= !leaves_html_rules(&b[name_start..j]);
        if kind == Kind::Other && !b[..gt].ends_with(b"/>") {
            if depth >= MAX_DEPTH {
                drops.push((lt, gt, ""));
                continue;
            }
            depth += 1;
        }
        if !keeps_attrs(&b[name_start..j]) {
            let meta = b[name_start..j].eq_ignore_ascii_case(b"meta");
            drops.extend(
                attrs
                    .iter()
                    .filter(|&&(s, n, e)| !read_attr(&b[s..n], &page[s..e], meta))
                    .map(|&(s, _, e)| (s, e, "")),
            );
        }
        match kind {
            Kind::Raw(empty) => {
                let name = &b[name_start..j];
                i = end_tag(b, gt, name).unwrap_or(b.len());
                if empty && i > gt {
                    drops.push((gt, i, ""));
                }
            }
            Kind::Plaintext => break,
            _ => {}
        }
    }
    if drops.is_empty() {
        return Cow::Borrowed(page);
    }
    let mut out = String::with_capacity(page.len());
    let mut at = 0;
    for (s, e, with) in drops {
        out.push_str(&page[at..s]);
        // a '/' left just before a '>' would make the tag self-closing
        if with.is_empty() && out.ends_with('/') && b.get(e) == Some(&b'>') {
            out.push(' ');
        }
        out.push_str(with);
        at = e;
    }
    out.push_str(&page[at..]);
    Cow::Owned(out)
}

use memchr::memchr;

/// The character reference in text at `b[at]` (a `&`), when it is one of the commonest and its
/// character can stand in its place: where it ends, and the character. A `&` stands only where
/// what follows cannot make it start another reference, a `<` only where it cannot start a tag.
fn text_reference(b: &[u8], at: usize) -> Option<(usize, &'static str)> {
    const REFERENCES: [(&[u8], &str); 7] = [
        (b"&quot;", "\""),
        (b"&nbsp;", "\u{a0}"),
        (b"&#39;", "'"),
        (b"&#x27;", "'"),
        (b"&amp;", "&"),
        (b"&gt;", ">"),
        (b"&lt;", "<"),
    ];
    let rest = b.get(at..)?;
    let &(name, with) = REFERENCES.iter().find(|(name, _)| rest.starts_with(name))?;
    let end = at + name.len();
    let next = b.get(end).copied();
    let stands = match with {
        "&" => !next.is_some_and(|c| c.is_ascii_alphanumeric() || c == b'#'),
        "<" => !next.is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, b'!' | b'/' | b'?')),
        _ => true,
    };
    stands.then_some((end, with))
}

/// Where a comment whose body starts at `from` ends (after its `>`): at `>` or `->` right
/// away, else at the first `-->` or `--!>`, else at the end of the page.
fn comment_end(b: &[u8], from: usize) -> usize {
    let rest = &b[from.min(b.len())..];
    if rest.starts_with(b">") {
        return from + 1;
    }
    if rest.starts_with(b"->") {
        return from + 2;
    }
    memchr::memchr_iter(b'>', rest)
        .find(|&p| rest[..p].ends_with(b"--") && p >= 2 || rest[..p].ends_with(b"--!") && p >= 3)
        .map_or(b.len(), |p| from + p + 1)
}

/// Where `pat` first occurs in `b` at or after `from`.
fn find(b: &[u8], from: usize, pat: &[u8]) -> Option<usize> {
    memchr::memmem::find(b.get(from..)?, pat).map(|p| from + p)
}

/// Where the end tag of raw-text element `name` starts at or after `from`: `</` and the name,
/// ASCII case ignored, then white space, `/` or `>`.
fn end_tag(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    memchr::memmem::find_iter(b.get(from..)?, b"</")
        .map(|p| from + p)
        .find(|&p| {
            let n = p + 2 + name.len();
            b.get(p + 2..n)
                .is_some_and(|w| w.eq_ignore_ascii_case(name))
                && b.get(n)
                    .is_some_and(|&c| space(c) || c == b'/' || c == b'>')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_are_borrowed() {
        let page = "<div><p>a<p>b<br><img hidden></div><script></script><title>a<b</title>";
        assert!(matches!(prepare(page), Cow::Borrowed(_)));
    }

    #[test]
    fn unread_attributes_are_dropped() {
        let cases = [
            (
                r#"<a href="/x?a>b" class='by-Author'>t</a>"#,
                "<a  class='by-Author'>t</a>",
            ),
            (r#"<DIV Data-X=1 ID=Writer>t"#, "<DIV  ID=Writer>t"),
            (
                r#"<p class="menu" id=m2 class="a&amp;">"#,
                r#"<p   class="a&amp;">"#,
            ),
            (
                r#"<meta property="og:title" content=x><p name=n>"#,
                r#"<meta property="og:title" content=x><p >"#,
            ),
            (r#"<img src=a/>"#, "<img >"),
            (r#"<img /src=a>"#, "<img / >"),
            (r#"<p a="1"b='2'c=3 hidden>"#, "<p  hidden>"),
            (
                r#"<p x = "1" =y style="Display : None">"#,
                r#"<p   style="Display : None">"#,
            ),
            (r#"<p style="color:red">"#, "<p >"),
            (r#"<p on=">"#, r#"<p on=">"#),
            (
                r#"<input type=hidden value=1><font color=red>"#,
                r#"<input type=hidden value=1><font color=red>"#,
            ),
            (
                r#"<!-- <a href=x> --><!--><a href=y><!x <a href=">"#,
                r#"<!----><!--><a ><!x <a href=">"#,
            ),
            (
                r#"<title><b x=1></titlex></title><textarea><a y=2></textarea><b z=3>"#,
                r#"<title><b x=1></titlex></title><textarea><a y=2></textarea><b >"#,
            ),
            (r#"<plaintext><a href=x>"#, r#"<plaintext><a href=x>"#),
            (r#"<a href=x>"#, "<a >"),
            ("<p>\n    <b>x</b>  \r\n <i>", "<p>\n <b>x</b>  \r\n <i>"),
            (
                "<!-- a -->x<!---->y<!-- b --!>",
                "<!---->x<!---->y<!-- b --!>",
            ),
        ];
        for (page, want) in cases {
            assert_eq!(prepare(page), want, "{page}");
        }
    }

    #[test]
    fn common_references_in_text_are_written_out() {
        let cases = [
            (
                "<p>&quot;a&quot; &amp; b&nbsp;c &#39;d&#x27; &gt; &lt; 1</p>",
                "<p>\"a\" & b\u{a0}c 'd' > < 1</p>",
            ),
            // another reference or a tag would start
            (
                "<p>&amp;quot; &amp;#1 &lt;b &lt;/p &lt;!x",
                "<p>&amp;quot; &amp;#1 &lt;b &lt;/p &lt;!x",
            ),
            // not text: attribute values, raw text, comments, an end tag's attributes
            (
                r#"<p title="&quot;"><title>&quot;</title><!-- &quot; --></p x="&quot;">&quot;<b>"#,
                r#"<p ><title>&quot;</title><!----></p x="&quot;">"<b>"#,
            ),
            ("<p>&QUOT; &quot &#34;</p>", "<p>&QUOT; &quot &#34;</p>"),
            // past a foreign or select element, not at all
            (
                "<p>&quot;<svg><title><noscript></title>&quot;",
                "<p>\"<svg><title><noscript></title>&quot;",
            ),
        ];
        for (page, want) in cases {
            assert_eq!(prepare(page), want, "{page}");
        }
    }

    #[test]
    fn white_space_after_end_tags_is_shortened() {
        assert_eq!(prepare("</p>\n\n    <p>x</p>    "), "</p>\n\n<p>x</p>    ");
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
