//! The text layer: words in bounds, on char boundaries, sorted, disjoint, with a folded form;
//! the fold is idempotent; every clitic reading is a suffix of the word it reads.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use nuqta::text::clitics::{enclitics, proclitics};
use nuqta::text::fold::fold;
use nuqta::text::scan::Words;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let words = Words::of(&text);
    for (i, w) in words.words.iter().enumerate() {
        common::assert_span(&text, w.start, w.end, "word");
        let folded = words.folded(i);
        assert!(!folded.is_empty(), "word {i} has an empty fold");
        assert_eq!(fold(folded), folded, "the fold of a folded word changes it");
        for r in proclitics(folded) {
            assert!(folded.ends_with(r.stem) && !r.stem.is_empty(), "reading {r:?}");
        }
        for (stem, pronoun) in enclitics(folded) {
            assert_eq!(format!("{stem}{pronoun}"), folded);
        }
    }
    common::assert_disjoint(words.words.iter().map(|w| (w.start, w.end)), "words");
    let once = fold(&text).into_owned();
    assert_eq!(fold(&once), once.as_str(), "fold is not idempotent");
});
