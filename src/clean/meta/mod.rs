//! A page's metadata: publication and modification dates, authors, site name, description,
//! canonical URL and language.
//!
//! HTML markup is read in one pass over the page's tags (`markup.rs`, with JSON-LD in
//! `jsonld.rs`); the date and byline lines near the headline stand in when the markup has no
//! date or author (and are all a plain-text page has), then a date in the URL; the language is
//! the markup's unless the text's script says otherwise. Dates are made ISO 8601 in `date.rs`.

mod date;
mod jsonld;
mod markup;

use markup::Source;

use super::{Line, Reason};

/// The metadata fields of a cleaned page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Metadata {
    pub date: Option<String>,
    pub modified: Option<String>,
    pub authors: Vec<String>,
    pub site_name: Option<String>,
    pub description: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
}

/// The best value seen of one field, with where it was read.
struct Best<T>(Option<(Source, T)>);

impl<T> Default for Best<T> {
    fn default() -> Self {
        Best(None)
    }
}

impl<T> Best<T> {
    /// Whether a value from `s` would replace the one kept.
    fn wants(&self, s: Source) -> bool {
        self.0.as_ref().is_none_or(|(have, _)| s < *have)
    }

    fn set(&mut self, s: Source, v: T) {
        if self.wants(s) {
            self.0 = Some((s, v));
        }
    }

    fn take(self) -> Option<T> {
        self.0.map(|(_, v)| v)
    }
}

impl Best<String> {
    /// Keeps `v` (trimmed, white space collapsed) when `s` is better than what is kept.
    fn offer(&mut self, s: Source, v: &str) {
        if self.wants(s) {
            let v = v.split_whitespace().collect::<Vec<_>>().join(" ");
            if !v.is_empty() {
                self.0 = Some((s, v));
            }
        }
    }
}

/// What the page says of itself, gathered from every source.
#[derive(Default)]
pub(super) struct Facts {
    published: Best<date::Stamp>,
    modified: Best<date::Stamp>,
    authors: Best<Vec<String>>,
    site_name: Best<String>,
    description: Best<String>,
    url: Best<String>,
    language: Best<String>,
}

/// Most authors kept.
const MAX_AUTHORS: usize = 8;

impl Facts {
    fn published(&mut self, s: Source, v: &str) {
        if self.published.wants(s) {
            if let Some(d) = date::any(v) {
                self.published.set(s, d);
            }
        }
    }

    fn modified(&mut self, s: Source, v: &str) {
        if self.modified.wants(s) {
            if let Some(d) = date::any(v) {
                self.modified.set(s, d);
            }
        }
    }

    /// An author's name from `s` (a URL is no name); names from one source add up.
    fn author(&mut self, s: Source, v: &str) {
        let v = v.split_whitespace().collect::<Vec<_>>().join(" ");
        if v.is_empty() || v.contains("://") || v.starts_with("www.") || v.chars().count() > 80 {
            return;
        }
        match &mut self.authors.0 {
            Some((have, list)) if *have == s => {
                if !list.contains(&v) && list.len() < MAX_AUTHORS {
                    list.push(v);
                }
            }
            _ => self.authors.set(s, vec![v]),
        }
    }

    /// A language tag's primary subtag, lower case (`ar-EG` → `ar`, `en_US` → `en`).
    fn language(&mut self, s: Source, v: &str) {
        let primary = v.trim().split(['-', '_']).next().unwrap_or("");
        if (2..=3).contains(&primary.len()) && primary.bytes().all(|c| c.is_ascii_alphabetic()) {
            self.language.set(s, primary.to_ascii_lowercase());
        }
    }
}

/// Lines searched on each side of the headline for a date line.
const DATE_REACH: usize = 8;

/// Longest line, in bytes, read as a date or byline line (some twenty Arabic words).
const DATE_LINE_BYTES: usize = 240;

/// Words after which a date line gives the last update, not the publication.
const UPDATED: [&str; 6] = [
    "تحديث",
    "تعديل",
    "Updated",
    "updated",
    "Mis à jour",
    "mis à jour",
];

/// Words that open a byline before the author's name.
const CREDIT_VERBS: [&str; 7] = ["كتب", "كتبت", "بقلم", "إعداد", "اعداد", "By", "by"];

/// The metadata of a page from its markup (HTML) and its labelled lines.
pub(crate) fn metadata(markup: Option<&str>, lines: &[Line], text: &str) -> Metadata {
    let mut facts = Facts::default();
    if let Some(page) = markup {
        markup::scan(page, &mut facts);
    }
    near_headline(lines, &mut facts);
    if let Some(d) = facts.url.0.as_ref().and_then(|(_, u)| date::in_url(u)) {
        facts.published.set(Source::Url, d);
    }
    let script = script_language(if text.is_empty() {
        lines.first().map_or("", |l| l.text.as_str())
    } else {
        text
    });
    let language = match (facts.language.take(), script) {
        // a page marked up in a language of another script (a theme's default lang="en-US")
        (Some(l), Some(s)) if arabic_script(&l) != arabic_script(s) => Some(s.to_owned()),
        (Some(l), _) => Some(l),
        (None, s) => s.map(str::to_owned),
    };
    Metadata {
        date: facts.published.take().map(|d| d.iso()),
        modified: facts.modified.take().map(|d| d.iso()),
        authors: facts.authors.take().unwrap_or_default(),
        site_name: facts.site_name.take(),
        description: facts.description.take(),
        url: facts.url.take(),
        language,
    }
}

/// The date and byline lines nearest the headline (or the article's first line): the first
/// full date read in each, the part after an "updated" word as the modification date, and the
/// author named after a credit verb in the byline.
fn near_headline(lines: &[Line], facts: &mut Facts) {
    let Some(anchor) = lines
        .iter()
        .rposition(|l| l.reason == Reason::Title)
        .or_else(|| lines.iter().position(|l| l.keep))
    else {
        return;
    };
    let lo = anchor.saturating_sub(DATE_REACH);
    // down to the line after the article's first, not into its text or what follows it
    let first_body = (anchor + 1..lines.len())
        .find(|&k| lines[k].reason == Reason::Body)
        .unwrap_or(lines.len());
    let hi = (anchor + DATE_REACH + 1)
        .min(first_body + 2)
        .min(lines.len());
    // nearest first: below the headline before above it at the same distance
    let mut order: Vec<usize> = (lo..hi).collect();
    order.sort_by_key(|&k| (k.abs_diff(anchor), k < anchor));
    for k in order {
        let line = &lines[k];
        let t = line.text.as_str();
        if matches!(line.reason, Reason::Comments | Reason::Related) || t.len() > DATE_LINE_BYTES {
            continue;
        }
        if line.reason == Reason::Byline {
            if let Some(name) = author_in_byline(t) {
                facts.author(Source::Lines, name);
            }
        }
        // a full date has a year: four digits in a row (a Hijri year too)
        let wanted = facts.published.wants(Source::Lines) || facts.modified.wants(Source::Lines);
        if !wanted || !has_year(t) {
            continue;
        }
        // the number grammar reads a line only for a date still wanted
        let cut = UPDATED
            .iter()
            .filter_map(|w| t.find(w))
            .min()
            .unwrap_or(t.len());
        if cut > 0 && facts.published.wants(Source::Lines) {
            facts.published(Source::Lines, &t[..cut]);
        }
        if cut < t.len() && facts.modified.wants(Source::Lines) {
            facts.modified(Source::Lines, &t[cut..]);
        }
    }
}

/// Whether a line has four digits in a row (ASCII, Arabic-Indic or Persian).
fn has_year(t: &str) -> bool {
    let b = t.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < b.len() {
        // U+0660–U+0669 are D9 A0–A9, U+06F0–U+06F9 are DB B0–B9
        let (digit, width) = match b[i] {
            b'0'..=b'9' => (true, 1),
            0xD9 => (matches!(b.get(i + 1), Some(0xA0..=0xA9)), 2),
            0xDB => (matches!(b.get(i + 1), Some(0xB0..=0xB9)), 2),
            _ => (false, 1),
        };
        run = if digit { run + 1 } else { 0 };
        if run == 4 {
            return true;
        }
        i += width;
    }
    false
}

/// The name in a byline that opens with a credit verb (كتب محمد عبد الرحمن), up to a separator.
fn author_in_byline(line: &str) -> Option<&str> {
    let rest = CREDIT_VERBS
        .iter()
        .find_map(|v| line.strip_prefix(v).filter(|r| r.starts_with([' ', ':'])))?;
    let rest = rest.trim_start_matches([' ', ':']);
    let end = rest
        .find(['-', '–', '—', '|', '،', ',', '(', ':', '/'])
        .unwrap_or(rest.len());
    let name = rest[..end].trim();
    let words = name.split_whitespace().count();
    ((1..=5).contains(&words) && !name.chars().any(|c| c.is_numeric())).then_some(name)
}

/// Whether a primary language subtag names a language written in Arabic script.
fn arabic_script(lang: &str) -> bool {
    matches!(
        lang,
        "ar" | "fa" | "ur" | "ps" | "ckb" | "sd" | "ug" | "ku" | "arz" | "ary"
    )
}

/// Bytes of the text read for its script: enough to tell, cheap on any page.
const SCRIPT_SAMPLE: usize = 1024;

/// The language the text's script shows (read from its first [`SCRIPT_SAMPLE`] bytes): Arabic
/// letters make it `ar`, or `fa`/`ur` when the letters only those write outnumber the Arabic
/// forms; `None` for other scripts.
fn script_language(text: &str) -> Option<&'static str> {
    let b = &text.as_bytes()[..text.len().min(SCRIPT_SAMPLE)];
    let (mut arabic, mut latin, mut persian, mut urdu, mut arabic_only) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    for (i, &c) in b.iter().enumerate() {
        if c.is_ascii_alphabetic() {
            latin += 1;
        } else if (0xD8..=0xDB).contains(&c) {
            // the lead byte of a character of U+0600–U+06FF, told apart by the next byte
            arabic += 1;
            match (c, b.get(i + 1).copied().unwrap_or(0)) {
                (0xD9, 0xBE) | (0xDA, 0x86 | 0x98 | 0xAF | 0xA9) | (0xDB, 0x8C) => persian += 1,
                (0xD9, 0xB9) | (0xDA, 0x88 | 0x91 | 0xBA | 0xBE) | (0xDB, 0x92) => urdu += 1,
                (0xD9, 0x83 | 0x8A | 0x89) | (0xD8, 0xA9) => arabic_only += 1,
                _ => {}
            }
        }
    }
    if arabic == 0 || arabic < latin {
        return None;
    }
    Some(if urdu > arabic_only && urdu >= persian / 2 && urdu > 0 {
        "ur"
    } else if persian > arabic_only {
        "fa"
    } else {
        "ar"
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line_of(text: &str, reason: Reason) -> Line {
        Line {
            text: text.into(),
            start: 0,
            end: 0,
            keep: reason.keeps(),
            reason,
        }
    }

    #[test]
    fn bylines_name_their_author_after_a_credit_verb() {
        assert_eq!(
            author_in_byline("كتب محمد عبد الرحمن"),
            Some("محمد عبد الرحمن")
        );
        assert_eq!(
            author_in_byline("بقلم: سارة علي - القاهرة"),
            Some("سارة علي")
        );
        assert_eq!(author_in_byline("القاهرة – علي السيد"), None);
        assert_eq!(author_in_byline("كتبه المحرر 2020"), None);
    }

    #[test]
    fn years() {
        assert!(has_year("نشر في 12 مارس 2020"));
        assert!(has_year("١٢ رمضان ١٤٤١ هـ"));
        assert!(has_year("۱۴۰۲/۰۵/۱۰"));
        assert!(!has_year("قبل 3 أيام و 12 ساعة"));
        assert!(!has_year("12-34-56"));
    }

    #[test]
    fn scripts() {
        assert_eq!(script_language("هذا نص عربي كتبه كاتب"), Some("ar"));
        assert_eq!(
            script_language("این یک متن فارسی است که نوشته شده"),
            Some("fa")
        );
        assert_eq!(script_language("plain English text"), None);
        assert_eq!(script_language(""), None);
        assert_eq!(
            script_language("یہ اردو زبان میں لکھا گیا ہے اور یہ ٹھیک ہے"),
            Some("ur")
        );
    }

    #[test]
    fn a_plain_text_page_has_the_date_of_its_timestamp_line() {
        let lines = [
            line_of(
                "الثلاثاء 01 اكتوبر 2024 آخر تحديث: الخميس 03 اكتوبر 2024",
                Reason::Timestamp,
            ),
            line_of("عنوان الخبر هنا", Reason::Title),
            line_of("كتب محمد عبد الرحمن", Reason::Byline),
            line_of(
                "نص الخبر الذي يتحدث عن موضوع مهم في هذا اليوم 2019.",
                Reason::Body,
            ),
        ];
        let m = metadata(None, &lines, "عنوان الخبر هنا\nنص الخبر");
        assert_eq!(m.date.as_deref(), Some("2024-10-01"));
        assert_eq!(m.modified.as_deref(), Some("2024-10-03"));
        assert_eq!(m.authors, ["محمد عبد الرحمن"]);
        assert_eq!(m.language.as_deref(), Some("ar"));
    }

    #[test]
    fn markup_outranks_lines_and_a_wrong_lang_yields_to_the_script() {
        let page = r#"<html lang="en-US"><head>
            <meta property="article:published_time" content="2020-12-24T23:59:50+00:00">
            <meta name="author" content="https://facebook.com/x">
            <meta itemprop="author" content="زياد">
            <meta property="og:site_name" content="الموقع">
            <meta name="description" content="وصف &amp; خبر">
            <link rel="canonical" href="https://x.com/2019/01/02/a">
            <script>var s = "<meta name='author' content='no'>";</script>
            <!-- <meta property="og:site_name" content="no"> -->
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebPage","datePublished":"2001-01-01"},
              {"@type":"NewsArticle","datePublished":"2020-12-25T01:59:50+02:00",
               "author":[{"@type":"Person","name":"أحمد"},{"name":"سارة"}]}]}</script>
            </head><body><h1>عنوان</h1><p>نص عربي</p></body></html>"#;
        let lines = [
            line_of("عنوان", Reason::Title),
            line_of("نص عربي", Reason::Body),
        ];
        let m = metadata(Some(page), &lines, "عنوان\nنص عربي");
        assert_eq!(m.date.as_deref(), Some("2020-12-25T01:59:50+02:00"));
        assert_eq!(m.authors, ["أحمد", "سارة"]);
        assert_eq!(m.site_name.as_deref(), Some("الموقع"));
        assert_eq!(m.description.as_deref(), Some("وصف & خبر"));
        assert_eq!(m.url.as_deref(), Some("https://x.com/2019/01/02/a"));
        assert_eq!(m.language.as_deref(), Some("ar"));
    }

    #[test]
    fn english_and_french_dates_in_lines_and_markup() {
        for (line, date, modified) in [
            ("Published: 12 March 2024", "2024-03-12", None),
            ("March 12, 2024 10:30", "2024-03-12T10:30:00", None),
            (
                "Publié le 3 mai 2021 à 14h05 - Mis à jour le 4 mai 2021",
                "2021-05-03T14:05:00",
                Some("2021-05-04"),
            ),
            (
                "Mar 1st, 2020 | Updated Mar 2nd, 2020",
                "2020-03-01",
                Some("2020-03-02"),
            ),
        ] {
            let lines = [
                line_of("عنوان الخبر هنا", Reason::Title),
                line_of(line, Reason::Timestamp),
                line_of("نص الخبر الذي يتحدث عن موضوع مهم.", Reason::Body),
            ];
            let m = metadata(None, &lines, "عنوان الخبر هنا");
            assert_eq!(m.date.as_deref(), Some(date), "{line}");
            assert_eq!(m.modified.as_deref(), modified, "{line}");
        }
        let page = r#"<html><head><meta name="date" content="Tuesday, October 8, 2019">
            </head><body><span itemprop="dateModified">9 oct. 2019</span></body></html>"#;
        let m = metadata(Some(page), &[line_of("عنوان", Reason::Title)], "عنوان");
        assert_eq!(m.date.as_deref(), Some("2019-10-08"));
        assert_eq!(m.modified.as_deref(), Some("2019-10-09"));
    }

    #[test]
    fn the_url_dates_a_page_without_dated_markup() {
        let page = r#"<html lang="ar"><meta property="og:url" content="https://x.com/story/2020/8/24/a/1"></html>"#;
        let m = metadata(Some(page), &[line_of("عنوان", Reason::Title)], "عنوان");
        assert_eq!(m.date.as_deref(), Some("2020-08-24"));
        assert_eq!(m.language.as_deref(), Some("ar"));
    }
}
