//! Scores `nuqta::numbers::find_numbers` on the converted Duckling and Recognizers-Text
//! Arabic test suites (a directory of JSONL files; see its README).
//!
//! Run: `cargo run --release --example eval_numbers -- ../shared/eval/numbers`
//!
//! A Rust-side view for debugging the core (span and value scores per kind); the scores of
//! record, through the Python API and with issue 3's matching rules, come from
//! `python bench/eval_numbers.py`.
//!
//! A gold mention is found when a predicted mention overlaps its span and has a compatible
//! kind (cardinal, fraction, quantity and duration may stand in for one another). For
//! "value F1" the values must also be equal: numbers within 1e-6 (relative), Duckling
//! durations after converting their grain to seconds, dates and times after truncating
//! Duckling's timestamps to their grain, Recognizers TIMEX with X as a wildcard (or equal to
//! one of its resolutions). Gold without a value (extractor specs) or flagged
//! `ignore_resolution` counts as equal once found. Gold flagged `span_not_in_text` is skipped;
//! every prediction that matches no gold is a false positive.

use std::collections::BTreeMap;
use std::path::Path;

use nuqta::numbers::{find_numbers, Date, NumberKind, NumberMention, NumberValue};
use nuqta::text::offsets::byte_to_char_offsets;
use serde_json::Value;

#[derive(Default, Clone, Copy)]
struct Counts {
    gold: usize,
    pred: usize,
    span_tp_gold: usize,
    span_tp_pred: usize,
    value_tp_gold: usize,
    value_tp_pred: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.pred += o.pred;
        self.span_tp_gold += o.span_tp_gold;
        self.span_tp_pred += o.span_tp_pred;
        self.value_tp_gold += o.value_tp_gold;
        self.value_tp_pred += o.value_tp_pred;
    }

    fn prf(tp_pred: usize, pred: usize, tp_gold: usize, gold: usize) -> (f64, f64, f64) {
        let p = if pred == 0 {
            1.0
        } else {
            tp_pred as f64 / pred as f64
        };
        let r = if gold == 0 {
            1.0
        } else {
            tp_gold as f64 / gold as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }

    fn line(&self, name: &str) -> String {
        let (sp, sr, sf) = Self::prf(self.span_tp_pred, self.pred, self.span_tp_gold, self.gold);
        let (vp, vr, vf) = Self::prf(self.value_tp_pred, self.pred, self.value_tp_gold, self.gold);
        let acc = if self.span_tp_gold == 0 {
            0.0
        } else {
            self.value_tp_gold as f64 / self.span_tp_gold as f64
        };
        format!(
            "{name:<40} gold {:>4} pred {:>4} | span P {sp:.3} R {sr:.3} F1 {sf:.3} | value P {vp:.3} R {vr:.3} F1 {vf:.3} | value acc {acc:.3}",
            self.gold, self.pred
        )
    }
}

fn group(kind: &str) -> &str {
    match kind {
        "cardinal" | "fraction" | "quantity" | "duration" => "number",
        k => k,
    }
}

fn grain_seconds(unit: &str) -> f64 {
    match unit {
        "second" => 1.0,
        "minute" => 60.0,
        "hour" => 3600.0,
        "day" => 86400.0,
        "week" => 604800.0,
        "month" => 2592000.0,
        "year" => 31536000.0,
        _ => 1.0,
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1e-3)
}

fn num(v: &NumberValue) -> Option<f64> {
    match v {
        NumberValue::Int(i) => Some(*i as f64),
        NumberValue::Float(f) => Some(*f),
        NumberValue::Text(_) => None,
    }
}

/// Matches `ours` against a TIMEX-like pattern where X matches any character.
fn wildcard(pattern: &str, ours: &str) -> bool {
    pattern.len() == ours.len()
        && pattern
            .bytes()
            .zip(ours.bytes())
            .all(|(p, o)| p == b'X' || p == o)
}

fn value_equal(record: &Value, gold: &Value, ours: &NumberMention) -> bool {
    if record.get("ignore_resolution").and_then(Value::as_bool) == Some(true) {
        return true;
    }
    let gv = &gold["value"];
    if gv.is_null() {
        return true;
    }
    let kind = gold["kind"].as_str().unwrap_or("");
    let source = record["source"].as_str().unwrap_or("");
    match (gv, &ours.value) {
        (Value::Number(g), v) => {
            let Some(o) = num(v) else { return false };
            let mut g = g.as_f64().unwrap_or(f64::NAN);
            if source == "duckling" && kind == "duration" {
                g *= grain_seconds(gold["unit"].as_str().unwrap_or("second"));
            }
            close(g, o)
        }
        (Value::String(g), NumberValue::Text(o)) if source == "duckling" => {
            let grain = gold["grain"].as_str().unwrap_or("day");
            let expect = match grain {
                "year" => g.get(..4),
                "month" => g.get(..7),
                "day" | "week" => g.get(..10),
                "hour" | "minute" => g.get(11..16),
                _ => g.get(11..19),
            };
            expect == Some(o.as_str())
        }
        (Value::String(g), v) => {
            if kind == "duration" {
                let secs = gold["resolution"]["FutureResolution"]["duration"]
                    .as_str()
                    .and_then(|s| s.parse::<f64>().ok());
                return matches!((secs, num(v)), (Some(a), Some(b)) if close(a, b));
            }
            let NumberValue::Text(o) = v else {
                return g
                    .parse::<f64>()
                    .ok()
                    .zip(num(v))
                    .is_some_and(|(a, b)| close(a, b));
            };
            let g = g.strip_prefix('T').unwrap_or(g);
            if wildcard(g, o) || (g.len() == 2 && o.get(..2) == Some(g)) {
                return true;
            }
            let res = &gold["resolution"];
            let mut alts: Vec<&str> = Vec::new();
            for side in ["FutureResolution", "PastResolution"] {
                for key in ["date", "time"] {
                    if let Some(s) = res[side][key].as_str() {
                        alts.push(s);
                    }
                }
            }
            if let Some(vs) = res["values"].as_array() {
                alts.extend(vs.iter().filter_map(|v| v["value"].as_str()));
            }
            alts.iter()
                .any(|a| *a == o || a.get(..o.len()) == Some(o.as_str()))
        }
        _ => false,
    }
}

/// The gold span in chars, or None when it cannot be placed.
fn gold_span(record: &Value, gold: &Value, text: &str) -> Option<(usize, usize)> {
    let n = text.chars().count();
    if record.get("span_is_whole_text").and_then(Value::as_bool) == Some(true) {
        return Some((0, n));
    }
    let start = gold.get("start").and_then(Value::as_i64);
    if let (Some(s), Some(e)) = (start, gold.get("end").and_then(Value::as_i64)) {
        if s >= 0 {
            return Some((s as usize, e as usize + 1));
        }
    }
    if let (Some(s), Some(l)) = (start, gold.get("length").and_then(Value::as_i64)) {
        if s >= 0 {
            return Some((s as usize, (s + l) as usize));
        }
    }
    let g = gold["text"].as_str()?;
    let b = text.find(g)?;
    let s = text[..b].chars().count();
    Some((s, s + g.chars().count()))
}

/// The record's reference time, or Recognizers' default reference (2016-11-07) for
/// records that give none (extractor specs, whose values are not compared).
fn reference(record: &Value) -> Option<Date> {
    let r = record
        .get("reference_time")
        .and_then(Value::as_str)
        .unwrap_or("2016-11-07T00:00:00");
    let year = r.get(..4)?.parse().ok()?;
    let month = r.get(5..7)?.parse().ok()?;
    let day = r.get(8..10)?.parse().ok()?;
    Some(Date { year, month, day })
}

fn score(record: &Value, by_kind: &mut BTreeMap<String, Counts>, verbose: bool) -> Counts {
    let text = record["text"].as_str().unwrap_or("");
    let preds = find_numbers(text, reference(record));
    let bytes: Vec<usize> = preds.iter().flat_map(|m| [m.start, m.end]).collect();
    let chars = byte_to_char_offsets(text, &bytes);
    let golds: Vec<&Value> = record["expected"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter(|g| g.get("span_not_in_text").is_none())
                .collect()
        })
        .unwrap_or_default();
    let mut c = Counts {
        gold: golds.len(),
        pred: preds.len(),
        ..Default::default()
    };
    let mut pred_span = vec![false; preds.len()];
    let mut pred_value = vec![false; preds.len()];
    for g in &golds {
        let gkind = g["kind"].as_str().unwrap_or("");
        let kc = by_kind.entry(gkind.to_string()).or_default();
        kc.gold += 1;
        let Some((gs, ge)) = gold_span(record, g, text) else {
            continue;
        };
        let cands: Vec<usize> = (0..preds.len())
            .filter(|&k| {
                chars[2 * k] < ge
                    && gs < chars[2 * k + 1]
                    && group(preds[k].kind.as_str()) == group(gkind)
            })
            .collect();
        if cands.is_empty() {
            if verbose {
                println!("  MISS {gkind} {:?} in {text:?}", g["text"]);
            }
            continue;
        }
        c.span_tp_gold += 1;
        kc.span_tp_gold += 1;
        for &k in &cands {
            pred_span[k] = true;
        }
        if let Some(&k) = cands.iter().find(|&&k| value_equal(record, g, &preds[k])) {
            c.value_tp_gold += 1;
            kc.value_tp_gold += 1;
            pred_value[k] = true;
        } else if verbose {
            let ours: Vec<String> = cands
                .iter()
                .map(|&k| format!("{:?}", preds[k].value))
                .collect();
            println!(
                "  VALUE {gkind} {:?} gold {} ours {} in {text:?}",
                g["text"],
                g["value"],
                ours.join(",")
            );
        }
    }
    for (k, m) in preds.iter().enumerate() {
        let kc = by_kind.entry(kind_name(m.kind).to_string()).or_default();
        kc.pred += 1;
        if pred_span[k] {
            kc.span_tp_pred += 1;
            c.span_tp_pred += 1;
        } else if verbose {
            println!(
                "  FP {} {:?} {:?} in {text:?}",
                m.kind.as_str(),
                &text[m.start..m.end],
                m.value
            );
        }
        if pred_value[k] {
            kc.value_tp_pred += 1;
            c.value_tp_pred += 1;
        }
    }
    c
}

fn kind_name(k: NumberKind) -> &'static str {
    k.as_str()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .unwrap_or_else(|| "../shared/eval/numbers".to_string());
    let verbose_file = args.next();
    let mut files: Vec<_> = std::fs::read_dir(Path::new(&dir))
        .unwrap_or_else(|e| panic!("cannot read {dir}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let mut total = Counts::default();
    // Files whose every gold mention has a kind nuqta does not report (phone, datetime,
    // number_range, set) are left out of the second overall line.
    let mut reportable = Counts::default();
    let mut by_kind_all: BTreeMap<String, Counts> = BTreeMap::new();
    for path in files {
        let name = path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let verbose = verbose_file.as_deref() == Some(name.as_str());
        let body = std::fs::read_to_string(&path).unwrap_or_default();
        let mut file_counts = Counts::default();
        let mut by_kind: BTreeMap<String, Counts> = BTreeMap::new();
        for line in body.lines().filter(|l| !l.trim().is_empty()) {
            let Ok(record) = serde_json::from_str::<Value>(line) else {
                continue;
            };
            file_counts.add(&score(&record, &mut by_kind, verbose));
        }
        println!("{}", file_counts.line(&name));
        for (k, c) in &by_kind {
            if c.gold > 0 {
                println!("{}", c.line(&format!("    {k}")));
            }
            by_kind_all.entry(k.clone()).or_default().add(c);
        }
        total.add(&file_counts);
        let unsupported = ["phone", "datetime", "number_range", "set"];
        let has_gold = by_kind.values().any(|c| c.gold > 0);
        let all_unsupported = by_kind
            .iter()
            .all(|(k, c)| c.gold == 0 || unsupported.contains(&k.as_str()));
        if !has_gold || !all_unsupported {
            reportable.add(&file_counts);
        }
    }
    println!("by kind, all files (gold counted by gold kind, predictions by predicted kind):");
    for (k, c) in &by_kind_all {
        println!("{}", c.line(&format!("    {k}")));
    }
    println!("{}", total.line("OVERALL"));
    println!(
        "{}",
        reportable.line("OVERALL (files with kinds nuqta reports)")
    );
}
