//! Prints every number found in the files given on the command line, one per line, with
//! the throughput: `cargo run --release --example show_numbers -- FILE...`

use std::time::Instant;

fn main() {
    let mut bytes = 0;
    let mut elapsed = 0.0;
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let t0 = Instant::now();
        let found = nuqta::numbers::find_numbers(&text, &nuqta::numbers::NumberOptions::default());
        elapsed += t0.elapsed().as_secs_f64();
        bytes += text.len();
        for m in found {
            println!(
                "{path}\t{}\t{:?}\t{:?}\t{:?}",
                m.kind.as_str(),
                &text[m.start..m.end],
                m.value,
                m.unit
            );
        }
    }
    eprintln!(
        "{bytes} bytes in {elapsed:.4} s: {:.1} MB/s",
        bytes as f64 / elapsed.max(1e-9) / 1e6
    );
}
