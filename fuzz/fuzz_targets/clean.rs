//! Boilerplate removal on text and HTML: every line's range is in bounds and on char
//! boundaries (and slices back to the line for plain text), ranges never go backwards, and
//! the text is the kept lines joined by newlines; the metadata's dates are ISO 8601 days of
//! real months and its language a primary subtag.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use nuqta::clean::clean;

fuzz_target!(|data: &[u8]| {
    let Some((selector, page)) = common::split(data) else {
        return;
    };
    let html = match selector % 3 {
        0 => Some(false),
        1 => Some(true),
        _ => None,
    };
    let is_html = html.unwrap_or_else(|| nuqta::clean::looks_like_html(&page));
    let cleaned = clean(&page, html);
    let mut last_start = 0;
    for line in &cleaned.lines {
        common::assert_span(&page, line.start, line.end, "line");
        assert!(
            line.start >= last_start,
            "line at {} before one at {last_start}",
            line.start
        );
        last_start = line.start;
        if !is_html {
            assert_eq!(
                &page[line.start..line.end],
                line.text,
                "line does not slice back"
            );
        }
    }
    let kept: Vec<&str> = cleaned
        .lines
        .iter()
        .filter(|l| l.keep)
        .map(|l| l.text.as_str())
        .collect();
    assert_eq!(cleaned.text, kept.join("\n"), "text is not the kept lines");
    for date in [&cleaned.date, &cleaned.modified].into_iter().flatten() {
        let day: Vec<u32> = date
            .get(..10)
            .unwrap_or_else(|| panic!("date too short: {date:?}"))
            .split('-')
            .map(|p| p.parse().unwrap_or_else(|_| panic!("not a date: {date:?}")))
            .collect();
        assert!(
            day.len() == 3 && (1..=12).contains(&day[1]) && (1..=31).contains(&day[2]),
            "not a day: {date:?}"
        );
        assert!(matches!(date.len(), 10 | 19 | 20 | 25), "odd length: {date:?}");
    }
    if let Some(lang) = &cleaned.language {
        assert!(
            (2..=3).contains(&lang.len()) && lang.bytes().all(|b| b.is_ascii_lowercase()),
            "not a language subtag: {lang:?}"
        );
    }
    assert!(cleaned.authors.iter().all(|a| !a.trim().is_empty()), "empty author");
});
