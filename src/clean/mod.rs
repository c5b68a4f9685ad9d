//! Boilerplate removal: keep the article, drop the page chrome, and say why for every line.
//!
//! Plain text is split into lines; HTML is parsed into blocks ([`html`]). Each line gets
//! features ([`features`]: length, script, stop-word density after clitic splitting, punctuation,
//! time stamps, furniture phrases matched after a light fold) and is labelled with its context
//! ([`classify`]). A [`Cleaner`] also learns a site's template from many pages.

mod classify;
mod features;
mod fold;
mod html;
mod lexicon;
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
    /// Byte offset where the line starts in the page (for HTML: where the block starts in the source).
    pub start: usize,
    /// Byte offset where the line ends in the page (for HTML: where the block ends in the source).
    pub end: usize,
    /// Whether the line belongs to the article.
    pub keep: bool,
    /// Why it was kept or dropped.
    pub reason: Reason,
}

/// A cleaned page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cleaned {
    /// The article's headline, when one was found.
    pub title: Option<String>,
    /// The byline or dateline, when one was found.
    pub byline: Option<String>,
    /// The kept lines joined by "\n".
    pub text: String,
    /// Every non-empty line or block of the page, kept or not.
    pub lines: Vec<Line>,
}

/// Cleans one page. `html`: `Some(true)` parses it as HTML, `Some(false)` as plain text, and
/// `None` sniffs the input ([`looks_like_html`]).
pub fn clean(page: &str, html: Option<bool>) -> Cleaned {
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

/// Whether a page looks like HTML: a doctype, `<html`, `<head`, `<body`, or several tags of
/// common block elements near its start.
pub fn looks_like_html(page: &str) -> bool {
    let head = &page.as_bytes()[..page.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let has = |pat: &[u8]| lower.windows(pat.len()).any(|w| w == pat);
    if has(b"<!doctype html") || has(b"<html") || has(b"<head") || has(b"<body") {
        return true;
    }
    let tags = [
        &b"<p>"[..],
        b"<p ",
        b"<div",
        b"<br",
        b"<a href",
        b"<span",
        b"<li",
        b"<h1",
        b"<h2",
    ];
    tags.iter()
        .map(|t| lower.windows(t.len()).filter(|w| w == t).count())
        .sum::<usize>()
        >= 3
}

/// Builds the result from labelled lines.
fn assemble(lines: Vec<Line>, title: Option<String>) -> Cleaned {
    let text = lines
        .iter()
        .filter(|l| l.keep)
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let title = title.or_else(|| {
        lines
            .iter()
            .rfind(|l| l.reason == Reason::Title)
            .map(|l| l.text.clone())
    });
    let byline = lines
        .iter()
        .find(|l| l.reason == Reason::Byline)
        .map(|l| l.text.clone());
    Cleaned {
        title,
        byline,
        text,
        lines,
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
