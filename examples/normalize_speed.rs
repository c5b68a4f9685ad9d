//! Core normalization throughput on the bundled sample pages (no Python involved):
//! `cargo run --release --example normalize_speed`.

use nuqta::normalize::{Normalizer, Options};
use std::time::Instant;

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/python/nuqta/sample");
    let mut pages = Vec::new();
    for entry in std::fs::read_dir(dir).expect("sample folder") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            pages.push(std::fs::read_to_string(path).expect("utf-8 page"));
        }
    }
    // Every other page diacritized: a fatha after every second Arabic letter.
    let diacritized: Vec<String> = pages
        .iter()
        .map(|p| {
            let mut out = String::new();
            for (i, c) in p.chars().enumerate() {
                out.push(c);
                if nuqta::text::chars::is_arabic_letter(c) && i % 2 == 0 {
                    out.push('\u{064E}');
                }
            }
            out
        })
        .collect();
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(200);
    let docs: Vec<String> = (0..rounds)
        .flat_map(|_| pages.iter().chain(&diacritized).cloned())
        .collect();
    let ucs2: Vec<Vec<u16>> = docs.iter().map(|d| d.encode_utf16().collect()).collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    for (name, options) in [("default", Options::default()), ("none", Options::none())] {
        let n = Normalizer::new(options);
        let start = Instant::now();
        let mut out = 0;
        for d in &docs {
            out += n.normalize(d).len();
        }
        let utf8 = bytes as f64 / 1e6 / start.elapsed().as_secs_f64();
        let start = Instant::now();
        for d in &ucs2 {
            out += n.normalize_units(d).map_or(0, |c| c.len());
        }
        let units = bytes as f64 / 1e6 / start.elapsed().as_secs_f64();
        println!("{name}: utf-8 {utf8:.0} MB/s, ucs-2 {units:.0} MB/s ({out} units out)");
    }
}
