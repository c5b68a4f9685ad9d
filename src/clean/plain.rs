//! The plain-text path: every non-empty line becomes a unit.

use super::classify::{classify, Unit};
use super::features::Features;
use super::{assemble, Cleaned, Line, Reason};

/// Byte ranges of the trimmed non-empty lines of `page`.
fn line_ranges(page: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for raw in page.split_inclusive('\n') {
        let start = pos;
        pos += raw.len();
        let lead = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim();
        if !trimmed.is_empty() {
            out.push((start + lead, start + lead + trimmed.len()));
        }
    }
    out
}

/// Cleans a plain-text page.
pub(crate) fn clean_text(page: &str, preset: &dyn Fn(&str) -> Option<Reason>) -> Cleaned {
    let ranges = line_ranges(page);
    let units: Vec<Unit> = ranges
        .iter()
        .map(|&(s, e)| {
            let feats = Features::of(&page[s..e]);
            let preset = preset(&feats.folded.text);
            Unit {
                feats,
                preset,
                ..Unit::default()
            }
        })
        .collect();
    let reasons = classify(&units, None);
    let lines = ranges
        .iter()
        .zip(reasons)
        .map(|(&(start, end), reason)| Line {
            text: page[start..end].to_string(),
            start,
            end,
            keep: reason.keeps(),
            reason,
        })
        .collect();
    assemble(lines, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_slice_back() {
        let page = "  a b \r\n\n c\n";
        let r = line_ranges(page);
        assert_eq!(r.len(), 2);
        assert_eq!(&page[r[0].0..r[0].1], "a b");
        assert_eq!(&page[r[1].0..r[1].1], "c");
    }
}
