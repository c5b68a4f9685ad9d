//! Scores `nuqta::clean::clean` on the shared evaluation pages.
//!
//! Run: `cargo run --release --example eval_clean -- ../shared`
//!
//! 1. The five plain-text seed pages against `eval/boilerplate_text` gold, as its README describes:
//!    line- and token-level (bag of whitespace tokens) P/R/F1 with multiset counts, micro-averaged,
//!    strict, and lenient (lines listed in `<seed>.optional.txt` ignored in the prediction).
//! 2. The HTML pages of `eval/boilerplate_html`, per page, by the kind of gold each folder has.
//!
//! The keep-everything baseline (every line or block) is printed beside each score.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use nuqta::clean::clean;

/// True positives, predicted and gold counts.
#[derive(Clone, Copy, Default)]
struct Counts {
    tp: usize,
    pred: usize,
    gold: usize,
}

impl Counts {
    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.pred += o.pred;
        self.gold += o.gold;
    }
    fn prf(self) -> (f64, f64, f64) {
        let p = if self.pred == 0 {
            0.0
        } else {
            self.tp as f64 / self.pred as f64
        };
        let r = if self.gold == 0 {
            0.0
        } else {
            self.tp as f64 / self.gold as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
    fn show(self) -> String {
        let (p, r, f) = self.prf();
        format!("P {p:.3} R {r:.3} F1 {f:.3}")
    }
}

/// Multiset overlap of two bags.
fn overlap<'a>(pred: impl Iterator<Item = &'a str>, gold: impl Iterator<Item = &'a str>) -> Counts {
    let mut bag: HashMap<&str, isize> = HashMap::new();
    let mut c = Counts::default();
    for g in gold {
        *bag.entry(g).or_default() += 1;
        c.gold += 1;
    }
    for p in pred {
        c.pred += 1;
        if let Some(n) = bag.get_mut(p) {
            if *n > 0 {
                *n -= 1;
                c.tp += 1;
            }
        }
    }
    c
}

/// Line and token counts of predicted lines against gold lines, optional lines ignored when lenient.
fn score(pred: &[String], gold: &[String], optional: &[String], lenient: bool) -> (Counts, Counts) {
    let pred: Vec<&str> = pred
        .iter()
        .map(|l| l.trim())
        .filter(|l| !(l.is_empty() || lenient && optional.iter().any(|o| o == l)))
        .collect();
    let gold: Vec<&str> = gold
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    let lines = overlap(pred.iter().copied(), gold.iter().copied());
    let tokens = overlap(
        pred.iter().flat_map(|l| l.split_whitespace()),
        gold.iter().flat_map(|l| l.split_whitespace()),
    );
    (lines, tokens)
}

fn read_lines(p: &Path) -> Vec<String> {
    fs::read_to_string(p)
        .map(|s| {
            s.lines()
                .map(|l| l.trim().to_string())
                .filter(|l| !l.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

fn kept(page: &str, html: bool) -> (Vec<String>, Vec<String>) {
    let c = clean(page, Some(html));
    let all = c.lines.iter().map(|l| l.text.clone()).collect();
    let kept = c
        .lines
        .iter()
        .filter(|l| l.keep)
        .map(|l| l.text.clone())
        .collect();
    (kept, all)
}

fn text_eval(shared: &Path) {
    println!("== plain text: eval/boilerplate_text (5 seed pages) ==");
    let gold_dir = shared.join("eval/boilerplate_text");
    let mut seeds: Vec<PathBuf> = fs::read_dir(shared.join("seeds"))
        .expect("seeds dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    seeds.sort();
    // [mode][ours/baseline] = (lines, tokens)
    let mut micro = [[(Counts::default(), Counts::default()); 2]; 2];
    for seed in &seeds {
        let stem = seed.file_stem().unwrap().to_string_lossy().to_string();
        let page = fs::read_to_string(seed).expect("seed");
        let gold = read_lines(&gold_dir.join(format!("{stem}.gold.txt")));
        let optional = read_lines(&gold_dir.join(format!("{stem}.optional.txt")));
        let (ours, all) = kept(&page, false);
        let mut row = format!("{stem}:");
        for (m, lenient) in [false, true].into_iter().enumerate() {
            for (w, pred) in [&ours, &all].into_iter().enumerate() {
                let (l, t) = score(pred, &gold, &optional, lenient);
                micro[m][w].0.add(l);
                micro[m][w].1.add(t);
                if w == 0 {
                    row += &format!(
                        "  {} line F1 {:.3} token F1 {:.3}",
                        if lenient { "lenient" } else { "strict" },
                        l.prf().2,
                        t.prf().2
                    );
                }
            }
        }
        println!("{row}");
    }
    for (m, name) in ["strict", "lenient"].iter().enumerate() {
        println!(
            "micro {name:7}  nuqta    lines {}  tokens {}",
            micro[m][0].0.show(),
            micro[m][0].1.show()
        );
        println!(
            "micro {name:7}  keep-all lines {}  tokens {}",
            micro[m][1].0.show(),
            micro[m][1].1.show()
        );
    }
}

/// Visible text lines of an HTML fragment (for readability's expected.html).
fn html_lines(src: &str) -> Vec<String> {
    clean(src, Some(true))
        .lines
        .into_iter()
        .map(|l| l.text)
        .collect()
}

fn html_eval(shared: &Path) {
    println!("\n== HTML: eval/boilerplate_html ==");
    let root = shared.join("eval/boilerplate_html");
    let mut f1s = Vec::new();
    let mut base_f1s = Vec::new();
    for folder in ["htmldate", "fundus"] {
        let dir = root.join(folder);
        let mut pages: Vec<PathBuf> = fs::read_dir(&dir)
            .expect("html dir")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "html"))
            .collect();
        pages.sort();
        for p in pages {
            let stem = p.file_stem().unwrap().to_string_lossy().to_string();
            let src = fs::read_to_string(&p).expect("page");
            let gold = read_lines(&dir.join(format!("{stem}.gold.txt")));
            let optional = read_lines(&dir.join(format!("{stem}.optional.txt")));
            let t0 = std::time::Instant::now();
            let (ours, all) = kept(&src, true);
            let ms = t0.elapsed().as_secs_f64() * 1e3;
            let (ls, ts) = score(&ours, &gold, &optional, false);
            let (ll, tl) = score(&ours, &gold, &optional, true);
            let (_, tb) = score(&all, &gold, &optional, true);
            f1s.push(tl.prf().2);
            base_f1s.push(tb.prf().2);
            println!(
                "{folder}/{stem}: strict line F1 {:.3} token F1 {:.3} | lenient line F1 {:.3} token {} | keep-all token F1 {:.3} | {ms:.1} ms",
                ls.prf().2,
                ts.prf().2,
                ll.prf().2,
                tl.show(),
                tb.prf().2
            );
        }
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    println!(
        "mean lenient token F1 over {} pages with gold: nuqta {:.3}  keep-all {:.3}",
        f1s.len(),
        mean(&f1s),
        mean(&base_f1s)
    );

    // newspaper4k: full expected body text (no title).
    let dir = root.join("newspaper4k");
    if let Ok(src) = fs::read_to_string(dir.join("arabic_article.html")) {
        let gold = read_lines(&dir.join("arabic_article.txt"));
        let (ours, all) = kept(&src, true);
        let (_, t) = score(&ours, &gold, &[], false);
        let (_, b) = score(&all, &gold, &[], false);
        println!(
            "newspaper4k/arabic_article (gold = body only): token {}  keep-all token F1 {:.3}",
            t.show(),
            b.prf().2
        );
    }
    // goose3: a prefix of the body must be in the text.
    let dir = root.join("goose3");
    if let (Ok(src), Ok(js)) = (
        fs::read_to_string(dir.join("test_cnn_arabic.html")),
        fs::read_to_string(dir.join("test_cnn_arabic.json")),
    ) {
        let v: serde_json::Value = serde_json::from_str(&js).expect("json");
        let prefix = v["expected"]["cleaned_text"].as_str().unwrap_or("");
        let text = clean(&src, Some(true)).text;
        let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let found = norm(&text).contains(&norm(prefix));
        println!(
            "goose3/test_cnn_arabic: expected body prefix ({} chars) found in text: {found}",
            prefix.chars().count()
        );
    }
    // trafilatura: snippets with / without.
    let dir = root.join("trafilatura");
    if let (Ok(src), Ok(js)) = (
        fs::read_to_string(dir.join("assabah.com.tn.article.html")),
        fs::read_to_string(dir.join("assabah.com.tn.article.expected.json")),
    ) {
        let v: serde_json::Value = serde_json::from_str(&js).expect("json");
        let text = clean(&src, Some(true)).text;
        let count = |k: &str, want: bool| {
            let list = v[k].as_array().cloned().unwrap_or_default();
            let ok = list
                .iter()
                .filter(|s| text.contains(s.as_str().unwrap_or("")) == want)
                .count();
            format!("{ok}/{}", list.len())
        };
        println!(
            "trafilatura/assabah: 'with' snippets present {}  'without' snippets absent {}",
            count("with", true),
            count("without", false)
        );
    }
    // mozilla readability rtl pages: token F1 against the text of expected.html.
    for i in 1..=4 {
        let dir = root.join(format!("mozilla-readability/rtl-{i}"));
        let (Ok(src), Ok(exp)) = (
            fs::read_to_string(dir.join("source.html")),
            fs::read_to_string(dir.join("expected.html")),
        ) else {
            continue;
        };
        let gold = html_lines(&exp);
        let (ours, all) = kept(&src, true);
        let (_, t) = score(&ours, &gold, &[], false);
        let (_, b) = score(&all, &gold, &[], false);
        println!(
            "mozilla-readability/rtl-{i}: token {}  keep-all token F1 {:.3}",
            t.show(),
            b.prf().2
        );
    }
}

/// Throughput on one thread: plain-text MB/s over the seed pages, HTML pages/s over the HTML pages.
fn speed(shared: &Path) {
    println!("\n== speed (one thread) ==");
    let read_all = |dir: PathBuf, ext: &str| -> Vec<String> {
        let mut v: Vec<PathBuf> = fs::read_dir(dir)
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        v.retain(|p| p.extension().is_some_and(|x| x == ext));
        v.sort();
        v.iter()
            .filter_map(|p| fs::read_to_string(p).ok())
            .collect()
    };
    let rate = |pages: &[String], html: bool| -> (f64, f64) {
        let bytes: usize = pages.iter().map(String::len).sum();
        let t0 = std::time::Instant::now();
        let mut rounds = 0;
        while t0.elapsed().as_secs_f64() < 2.0 {
            for p in pages {
                std::hint::black_box(clean(p, Some(html)));
            }
            rounds += 1;
        }
        let secs = t0.elapsed().as_secs_f64();
        (
            (pages.len() * rounds) as f64 / secs,
            (bytes * rounds) as f64 / secs / 1e6,
        )
    };
    let texts = read_all(shared.join("seeds"), "txt");
    let (_, mbs) = rate(&texts, false);
    println!("plain text: {mbs:.1} MB/s");
    let mut pages = read_all(shared.join("eval/boilerplate_html/htmldate"), "html");
    pages.extend(read_all(
        shared.join("eval/boilerplate_html/fundus"),
        "html",
    ));
    let (pps, mbs) = rate(&pages, true);
    println!(
        "HTML: {pps:.0} pages/s, {mbs:.1} MB/s over {} pages",
        pages.len()
    );
}

fn main() {
    let shared = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "../shared".into()),
    );
    text_eval(&shared);
    html_eval(&shared);
    speed(&shared);
}
