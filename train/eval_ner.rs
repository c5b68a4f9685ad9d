//! Entity-level (CoNLL exact match) precision, recall and F1 of the shipped model on a CoNLL
//! file, per label and micro overall, plus throughput. Each sentence's tokens joined by
//! spaces are the input text; predicted spans are mapped back onto the file's tokens.
//!
//!     cargo run --release --example eval_ner -- ../shared/data/ner/anercorp_camel/test.txt
//!
//! `--doc N` instead feeds N consecutive sentences at a time, one per line, as one text, so
//! the document pass (a name tagged once is tagged everywhere) can act across sentences.
//! `--scheme news` scores the news-convention model (default: `anercorp`).

#[path = "conll.rs"]
mod conll;

use std::time::Instant;

use nuqta::entities::{Scheme, Tagger};

/// Byte ranges of one sentence's tokens in the text it is part of.
type Ranges = Vec<(usize, usize)>;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mut path = None;
    let mut doc = 1usize;
    let mut scheme = Scheme::Anercorp;
    let mut i = 1;
    while i < args.len() {
        if args[i] == "--scheme" {
            scheme = args
                .get(i + 1)
                .and_then(|v| Scheme::parse(v))
                .expect("--scheme news|anercorp");
            i += 2;
        } else if args[i] == "--doc" {
            doc = args
                .get(i + 1)
                .and_then(|v| v.parse().ok())
                .expect("--doc N");
            i += 2;
        } else {
            path = Some(args[i].clone());
            i += 1;
        }
    }
    let path = path.expect("usage: eval_ner FILE.txt [--doc N]");
    let sents = conll::read(&path);
    let mut texts: Vec<(String, Vec<Ranges>)> = Vec::new();
    for group in sents.chunks(doc.max(1)) {
        let mut text = String::new();
        let mut ranges = Vec::new();
        for s in group {
            if !text.is_empty() {
                text.push('\n');
            }
            let (t, r) = s.text();
            let base = text.len();
            ranges.push(r.iter().map(|&(a, b)| (a + base, b + base)).collect());
            text.push_str(&t);
        }
        texts.push((text, ranges));
    }
    let mut tagger = Tagger::default();
    // Load the model and tables before timing.
    tagger.entities_in("تحميل", scheme);
    let started = Instant::now();
    let predicted: Vec<_> = texts
        .iter()
        .map(|(t, _)| tagger.entities_in(t, scheme))
        .collect();
    let secs = started.elapsed().as_secs_f64();
    let mut scores = conll::Scores::default();
    let mut gold = sents.iter();
    for ((_, ranges), ents) in texts.iter().zip(&predicted) {
        for r in ranges {
            let s = gold.next().expect("one gold sentence per range list");
            scores.add(&s.tags, &conll::tags_from_entities(r, ents));
        }
    }
    let tokens: usize = sents.iter().map(|s| s.tokens.len()).sum();
    let bytes: usize = texts.iter().map(|(t, _)| t.len()).sum();
    println!(
        "{path}: {} sentences, {tokens} tokens, {} per text\n{}",
        sents.len(),
        doc,
        scores.report()
    );
    println!(
        "speed: {:.0} tokens/s, {:.2} MB/s (one thread, {:.3} s)",
        tokens as f64 / secs,
        bytes as f64 / secs / 1e6,
        secs
    );
}
