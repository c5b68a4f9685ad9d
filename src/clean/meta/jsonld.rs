//! JSON-LD (`<script type="application/ld+json">`): the dates, authors, publisher, description,
//! URL and language of the page's objects, articles before any other.

use serde_json::Value;

use super::markup::Source;
use super::Facts;

/// Most objects read from one script (a page's JSON-LD is a few objects; a site map in it is not
/// metadata).
const MAX_OBJECTS: usize = 64;

/// Reads one script's JSON-LD into `facts`; a script that is not JSON is skipped.
pub(super) fn read(script: &str, facts: &mut Facts) {
    let text = script
        .trim()
        .trim_start_matches("<![CDATA[")
        .trim_end_matches("]]>")
        .trim();
    let Ok(value) = serde_json::from_str::<Value>(text) else {
        return;
    };
    let mut objects = Vec::new();
    collect(&value, &mut objects, 0);
    // articles first, then the rest (a WebPage, an Organization)
    let (articles, others): (Vec<_>, Vec<_>) = objects.into_iter().partition(|o| is_article(o));
    for o in articles.into_iter().chain(others) {
        object(o, facts);
    }
}

/// The objects of a JSON-LD value: itself, the items of an array, a `@graph`'s members.
fn collect<'a>(v: &'a Value, out: &mut Vec<&'a serde_json::Map<String, Value>>, depth: usize) {
    if depth > 3 || out.len() >= MAX_OBJECTS {
        return;
    }
    match v {
        Value::Array(items) => items.iter().for_each(|x| collect(x, out, depth + 1)),
        Value::Object(o) => {
            out.push(o);
            if let Some(g) = o.get("@graph") {
                collect(g, out, depth + 1);
            }
        }
        _ => {}
    }
}

/// Whether an object is an article (NewsArticle, BlogPosting, ReportageNewsArticle …).
fn is_article(o: &serde_json::Map<String, Value>) -> bool {
    let kind = |t: &str| t.contains("Article") || t.contains("Posting") || t.contains("Report");
    match o.get("@type") {
        Some(Value::String(t)) => kind(t),
        Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str().is_some_and(kind)),
        _ => false,
    }
}

/// A name: a string, or an object's `name`.
fn name(v: &Value) -> Option<&str> {
    match v {
        Value::String(s) => Some(s),
        Value::Object(o) => o.get("name").and_then(Value::as_str),
        _ => None,
    }
}

/// Reads one object's facts.
fn object(o: &serde_json::Map<String, Value>, facts: &mut Facts) {
    let article = is_article(o);
    let rank = if article {
        Source::Declared
    } else {
        Source::Generic
    };
    let text = |k: &str| o.get(k).and_then(Value::as_str);
    if let Some(d) = text("datePublished").or_else(|| text("dateCreated")) {
        facts.published(rank, d);
    }
    if let Some(d) = text("dateModified") {
        facts.modified(rank, d);
    }
    if article {
        match o.get("author") {
            Some(Value::Array(list)) => list
                .iter()
                .filter_map(name)
                .for_each(|n| facts.author(Source::Declared, n)),
            Some(a) => {
                if let Some(n) = name(a) {
                    facts.author(Source::Declared, n);
                }
            }
            None => {}
        }
        if let Some(n) = o.get("publisher").and_then(name) {
            facts.site_name.offer(Source::Generic, n);
        }
    }
    if let Some(d) = text("description") {
        facts.description.offer(Source::Generic, d);
    }
    let url = text("url").or_else(|| match o.get("mainEntityOfPage") {
        Some(Value::String(s)) => Some(s.as_str()),
        Some(Value::Object(m)) => m.get("@id").and_then(Value::as_str),
        _ => None,
    });
    if let (true, Some(u)) = (article, url) {
        facts.url.offer(Source::Generic, u);
    }
    if let Some(l) = text("inLanguage") {
        facts.language(Source::Generic, l);
    }
}
