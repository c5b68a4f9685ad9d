//! Boilerplate removal on text and HTML: every line's range is in bounds and on char
//! boundaries (and slices back to the line for plain text), ranges never go backwards, and
//! the text is the kept lines joined by newlines.
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
});
