//! Entity-level (CoNLL exact match) precision, recall and F1 of the shipped model on a CoNLL
//! file, per label and micro overall, plus throughput. Each sentence's tokens joined by
//! spaces are the input text; predicted spans are mapped back onto the file's tokens.
//!
//!     cargo run --release --example eval_ner -- ../shared/data/ner/anercorp_camel/test.txt

#[path = "conll.rs"]
mod conll;

use std::time::Instant;

use nuqta::entities::Tagger;

fn main() {
    let path = std::env::args().nth(1).expect("usage: eval_ner FILE.txt");
    let sents = conll::read(&path);
    let texts: Vec<(String, Vec<(usize, usize)>)> = sents.iter().map(|s| s.text()).collect();
    let mut tagger = Tagger::default();
    // Load the model and tables before timing.
    tagger.entities("تحميل");
    let started = Instant::now();
    let predicted: Vec<_> = texts.iter().map(|(t, _)| tagger.entities(t)).collect();
    let secs = started.elapsed().as_secs_f64();
    let mut scores = conll::Scores::default();
    for ((s, (_, ranges)), ents) in sents.iter().zip(&texts).zip(&predicted) {
        scores.add(&s.tags, &conll::tags_from_entities(ranges, ents));
    }
    let tokens: usize = sents.iter().map(|s| s.tokens.len()).sum();
    let bytes: usize = texts.iter().map(|(t, _)| t.len()).sum();
    println!(
        "{path}: {} sentences, {tokens} tokens\n{}",
        sents.len(),
        scores.report()
    );
    println!(
        "speed: {:.0} tokens/s, {:.2} MB/s (one thread, {:.3} s)",
        tokens as f64 / secs,
        bytes as f64 / secs / 1e6,
        secs
    );
}
