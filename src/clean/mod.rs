//! Boilerplate removal: keep the article, drop the page chrome, and say why for every line.
//!
//! Plain text is split into lines (`plain.rs`); HTML is parsed into blocks (`html.rs`: our
//! tokenizer, which leaves out what the cleaner never reads, into html5ever's tree builder).
//! Each line gets features (`features.rs`: length, script shares, stop-word density after
//! clitic splitting, punctuation, URL shapes, time stamps, furniture phrases matched after a
//! light fold, `fold.rs` and `lexicon.rs`) and is labelled with its context (`classify.rs`:
//! article regions, headline/kicker/byline above them, related lists and forms after them,
//! duplicates). A [`Cleaner`] also learns a site's template from many pages (`template.rs`).

mod classify;
mod features;
pub(crate) mod fold;
mod html;
mod lexicon;
mod meta;
mod plain;
mod reason;
mod template;

pub use reason::Reason;
pub use template::{Cleaner, CleanerOptions};

use serde::{Deserialize, Serialize};

/// One line of a plain-text page, or one block of an HTML page, with its verdict.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    /// The line's text (trimmed; for HTML, the block's visible text with whitespace collapsed).
    pub text: String,
    /// Byte offset where the line starts in the page; `page[start..end]` is `text` for plain
    /// text. For HTML: where the block's first text was found in the source (text written with
    /// character references cannot be found; the range is then empty, at the previous block's end).
    pub start: usize,
    /// Byte offset where the line ends in the page (for HTML: where its last text ends).
    pub end: usize,
    /// Whether the line belongs to the article.
    pub keep: bool,
    /// Why it was kept or dropped.
    pub reason: Reason,
}

/// A cleaned page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cleaned {
    /// The article's headline as the page shows it (the last title line, after any kicker); for
    /// HTML without such a line, og:title, else the first `<h1>`, else `<title>`.
    pub title: Option<String>,
    /// The byline or dateline, when one was found.
    pub byline: Option<String>,
    /// The kept lines joined by "\n".
    pub text: String,
    /// Every non-empty line or block of the page, kept or not.
    pub lines: Vec<Line>,
    /// When the article was published, ISO 8601 (`2020-06-03`, or with the time and zone
    /// when the page gives them): from JSON-LD, `<meta>` tags, `<time>`, the date lines near
    /// the headline (any month system), or the URL.
    #[serde(default)]
    pub date: Option<String>,
    /// When the article was last modified, ISO 8601.
    #[serde(default)]
    pub modified: Option<String>,
    /// The authors the markup names, else the one the byline names after كتب, بقلم ….
    #[serde(default)]
    pub authors: Vec<String>,
    /// The site's name (og:site_name, the JSON-LD publisher).
    #[serde(default)]
    pub site_name: Option<String>,
    /// The page's description (og:description, the description meta tag).
    #[serde(default)]
    pub description: Option<String>,
    /// The canonical URL (`<link rel=canonical>`, og:url).
    #[serde(default)]
    pub url: Option<String>,
    /// The language's primary subtag (`ar`): the markup's, unless the text's script shows
    /// another (a page marked `en-US` written in Arabic), else the script's.
    #[serde(default)]
    pub language: Option<String>,
}

/// Cleans one page. `html`: `Some(true)` parses it as HTML, `Some(false)` as plain text, and
/// `None` sniffs the input ([`looks_like_html`]).
pub fn clean(page: &str, html: Option<bool>) -> Cleaned {
    crate::fault::check_str(page);
    clean_with(page, html, &|_| None)
}

/// Cleans one page, letting `preset` fix the reason of lines whose folded text it knows
/// (the [`Cleaner`]'s template).
fn clean_with(page: &str, html: Option<bool>, preset: &dyn Fn(&str) -> Option<Reason>) -> Cleaned {
    if html.unwrap_or_else(|| looks_like_html(page)) {
        html::clean_html(page, preset)
    } else {
        plain::clean_text(page, preset)
    }
}

/// Where the cleaner's HTML tokenizer disagrees with html5ever's own on `page` (the two tree
/// dumps), or where what the cleaner's tokenizer leaves out changes the cleaned page (the two
/// results), from the first difference on; `None` when all agree. For the differential tests
/// and fuzz target.
#[doc(hidden)]
pub fn html_parsers_disagree(page: &str) -> Option<(String, String)> {
    html::parsers_disagree(page)
}

/// Whether a page looks like HTML: a doctype, `<html`, `<head`, `<body`, or several tags of
/// common block elements near its start.
pub fn looks_like_html(page: &str) -> bool {
    const STRONG: [&[u8]; 4] = [b"<!doctype html", b"<html", b"<head", b"<body"];
    const TAGS: [&[u8]; 9] = [
        b"<p>", b"<p ", b"<div", b"<br", b"<a href", b"<span", b"<li", b"<h1", b"<h2",
    ];
    let head = &page.as_bytes()[..page.len().min(4096)];
    let at = |i: usize, pat: &[u8]| {
        head.get(i..i + pat.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(pat))
    };
    let mut tags = 0;
    for i in memchr::memchr_iter(b'<', head) {
        if STRONG.iter().any(|pat| at(i, pat)) {
            return true;
        }
        tags += TAGS.iter().filter(|pat| at(i, pat)).count();
    }
    tags >= 3
}

/// Builds the result from labelled lines; `title` (HTML metadata) stands in when no line is the
/// headline; `markup` is the HTML page, whose tags state metadata.
fn assemble(lines: Vec<Line>, title: Option<String>, markup: Option<&str>) -> Cleaned {
    let text = lines
        .iter()
        .filter(|l| l.keep)
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let title = lines
        .iter()
        .rfind(|l| l.reason == Reason::Title)
        .map(|l| l.text.clone())
        .or(title);
    let byline = lines
        .iter()
        .find(|l| l.reason == Reason::Byline)
        .map(|l| l.text.clone());
    let m = meta::metadata(markup, &lines, &text);
    Cleaned {
        title,
        byline,
        text,
        lines,
        date: m.date,
        modified: m.modified,
        authors: m.authors,
        site_name: m.site_name,
        description: m.description,
        url: m.url,
        language: m.language,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing() {
        assert!(looks_like_html(
            "<!DOCTYPE html><html><body>x</body></html>"
        ));
        assert!(looks_like_html("<div>a</div><p>b</p><br>"));
        assert!(!looks_like_html("مرحبا <3 بكم\nسطر ثان"));
        assert!(!looks_like_html(""));
    }
}

#[cfg(test)]
mod robustness {
    use super::*;
    use std::time::{Duration, Instant};

    /// Every line slices back to its text (plain text) or lies in bounds on char boundaries (HTML).
    fn check(page: &str, out: &Cleaned, html: bool) {
        for l in &out.lines {
            assert!(l.start <= l.end && l.end <= page.len());
            assert!(page.is_char_boundary(l.start) && page.is_char_boundary(l.end));
            if !html {
                assert_eq!(&page[l.start..l.end], l.text);
            }
            assert_eq!(l.keep, l.reason.keeps());
        }
    }

    fn timed(page: &str, html: Option<bool>, limit: Duration) -> Cleaned {
        let t = Instant::now();
        let out = clean(page, html);
        assert!(t.elapsed() < limit, "took {:?}", t.elapsed());
        check(page, &out, html.unwrap_or_else(|| looks_like_html(page)));
        out
    }

    #[test]
    fn deeply_nested_html() {
        let page = format!(
            "{}نص عربي في العمق{}",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        let out = timed(&page, None, Duration::from_secs(60));
        assert!(out.text.contains("نص عربي في العمق"));
    }

    #[test]
    fn nested_inline_and_unclosed_tags() {
        let page = format!(
            "<html><body>{}كلمة",
            "<b><i><span><a href=x><p>".repeat(20_000)
        );
        timed(&page, Some(true), Duration::from_secs(60));
        let broken =
            "<html><body><p>فقرة أولى <b>غامقة<p>فقرة &amp; ثانية &#1605; &lt;br&gt;<br>سطر<div";
        let out = timed(broken, Some(true), Duration::from_secs(5));
        assert!(out
            .lines
            .iter()
            .any(|l| l.text.contains("فقرة & ثانية م <br>")));
    }

    #[test]
    fn many_short_lines() {
        let page = "سطر قصير\n".repeat(200_000);
        let out = timed(&page, Some(false), Duration::from_secs(60));
        assert_eq!(out.lines.len(), 200_000);
        let page: String = (0..200_000).map(|i| format!("خبر {i}\n")).collect();
        timed(&page, None, Duration::from_secs(60));
    }

    #[test]
    fn one_huge_line() {
        let page = "هذا نص طويل جدا في سطر واحد، ".repeat(5_000_000 / 50);
        let out = timed(&page, None, Duration::from_secs(60));
        assert_eq!(out.lines.len(), 1);
        assert!(out.lines[0].keep);
        let html = format!("<p>{page}</p>");
        timed(&html, Some(true), Duration::from_secs(60));
    }

    #[test]
    fn odd_inputs_never_panic() {
        for page in [
            "",
            "\n\n",
            " ",
            "<",
            "<<<>>>",
            "\u{FEFF}",
            "©",
            "- - -",
            "<p></p>",
            "a\r\nb\rc",
        ] {
            timed(page, None, Duration::from_secs(5));
            timed(page, Some(true), Duration::from_secs(5));
            timed(page, Some(false), Duration::from_secs(5));
        }
    }

    /// Random pages built from Arabic words, furniture, dates, markup fragments and odd
    /// characters (a fixed-seed xorshift, so failures reproduce).
    #[test]
    fn random_pages_never_panic() {
        const PIECES: &[&str] = &[
            "الحكومة",
            "في",
            "من",
            "وقال",
            "،",
            ".",
            "؟",
            "\n",
            "\n\n",
            " ",
            "  ",
            "\r\n",
            "<p>",
            "</p>",
            "<div class='author'>",
            "</div>",
            "<br>",
            "<a href=x>",
            "</a>",
            "<nav>",
            "<h1>",
            "</h1>",
            "<script>",
            "</script>",
            "<!--",
            "-->",
            "&amp;",
            "&#1605;",
            "&bogus;",
            "<",
            ">",
            "كتب",
            "اقرأ أيضا",
            "جميع الحقوق محفوظة",
            "GMT 14:01 2026 السبت ,10 كانون الثاني / يناير",
            "©",
            "-",
            "–",
            "(",
            ")",
            "«",
            "»",
            "\u{640}",
            "\u{64B}",
            "\u{200F}",
            "\u{FEFF}",
            "é",
            "🙂",
            "egypttoday",
            "http://x.y",
            "١٢:٣٠",
            "<html>",
            "<form>",
            "</form>",
            "\t",
            "\0",
        ];
        let mut rng = crate::test_rng::XorShift::new(0x9E37_79B9_7F4A_7C15);
        for _ in 0..400 {
            let mut page = String::new();
            for _ in 0..rng.below(300) {
                page.push_str(PIECES[rng.below(PIECES.len())]);
            }
            for html in [None, Some(true), Some(false)] {
                timed(&page, html, Duration::from_secs(10));
            }
        }
    }

    #[test]
    fn cleaned_serializes() {
        let out = clean(
            "عنوان الخبر هنا\nنص الخبر الذي يتحدث عن موضوع مهم في هذا اليوم.",
            None,
        );
        let json = serde_json::to_string(&out).unwrap();
        assert_eq!(serde_json::from_str::<Cleaned>(&json).unwrap(), out);
    }
}
