//! Learns word clusters from unlabeled Arabic news (the output of `extract_ant.py`).
//!
//! Each of the most frequent words gets a vector of its left and right neighbours (±1 over the
//! 1,000 most frequent tokens, ±2 over the 300 most frequent), weighted by positive PMI with
//! smoothed context counts, randomly projected to 256 dimensions; spherical k-means then
//! groups the words at three granularities (64, 256 and 1,024 clusters). Writes
//! `word TAB c64 TAB c256 TAB c1024`, most frequent word first.
//!
//!     cargo run --release --example build_clusters -- /tmp/nuqta_ant.txt data/entities/clusters.tsv

#[path = "rng.rs"]
mod rng;

use std::collections::HashMap;
use std::io::Write;

use nuqta::entities::lexicon::Lexicon;
use nuqta::entities::tokenize::{tokenize, Shape, Tokens};
use rayon::prelude::*;
use rng::Rng;

const VOCAB: usize = 150_000;
const NEAR: usize = 1_000;
const FAR: usize = 300;
const DIM: usize = 256;
const LEVELS: [usize; 3] = [64, 256, 1024];
const ITERATIONS: usize = 12;
const SEED: u64 = 20_261_122;
const BOUNDARY: u32 = u32::MAX;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (input, output) = (&args[1], &args[2]);
    let text = std::fs::read_to_string(input).expect("read corpus");
    let empty = Lexicon::parse("");
    let mut tokens = Tokens::default();
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut names: Vec<String> = Vec::new();
    let mut is_word: Vec<bool> = Vec::new();
    let mut corpus: Vec<u32> = Vec::new();
    for line in text.lines() {
        tokenize(line, &empty, &mut tokens);
        corpus.push(BOUNDARY);
        for t in &tokens.tokens {
            let w = tokens.get(t.word);
            let id = *ids.entry(w.to_string()).or_insert_with(|| {
                names.push(w.to_string());
                is_word.push(matches!(
                    t.shape,
                    Shape::Arabic | Shape::LatinUpper | Shape::LatinLower | Shape::Mixed
                ));
                (names.len() - 1) as u32
            });
            corpus.push(id);
        }
    }
    corpus.push(BOUNDARY);
    eprintln!("{} tokens, {} types", corpus.len(), names.len());
    let mut freq = vec![0u64; names.len()];
    for &id in &corpus {
        if id != BOUNDARY {
            freq[id as usize] += 1;
        }
    }
    let mut order: Vec<u32> = (0..names.len() as u32).collect();
    order.sort_by(|&a, &b| {
        freq[b as usize]
            .cmp(&freq[a as usize])
            .then(names[a as usize].cmp(&names[b as usize]))
    });
    // Context columns: near (±1) and far (±2) over the most frequent tokens, plus the boundary.
    let mut ctx_near = vec![u32::MAX; names.len()];
    let mut ctx_far = vec![u32::MAX; names.len()];
    for (r, &id) in order.iter().take(NEAR).enumerate() {
        ctx_near[id as usize] = r as u32;
    }
    for (r, &id) in order.iter().take(FAR).enumerate() {
        ctx_far[id as usize] = r as u32;
    }
    let vocab: Vec<u32> = order
        .iter()
        .copied()
        .filter(|&id| is_word[id as usize])
        .take(VOCAB)
        .collect();
    let mut row = vec![u32::MAX; names.len()];
    for (r, &id) in vocab.iter().enumerate() {
        row[id as usize] = r as u32;
    }
    let width = 2 * (NEAR + 1) + 2 * (FAR + 1);
    let col = |slot: usize, id: u32| -> usize {
        let (base, size, table) = match slot {
            0 => (0, NEAR + 1, &ctx_near),
            1 => (NEAR + 1, NEAR + 1, &ctx_near),
            2 => (2 * (NEAR + 1), FAR + 1, &ctx_far),
            _ => (2 * (NEAR + 1) + FAR + 1, FAR + 1, &ctx_far),
        };
        let c = if id == BOUNDARY {
            size - 1
        } else {
            (table[id as usize] as usize).min(size - 1)
        };
        base + c
    };
    let mut counts = vec![0f32; vocab.len() * width];
    let n = corpus.len();
    for i in 0..n {
        let id = corpus[i];
        if id == BOUNDARY || row[id as usize] == u32::MAX {
            continue;
        }
        let base = row[id as usize] as usize * width;
        let at = |j: isize| -> u32 {
            if j < 0 || j as usize >= n {
                BOUNDARY
            } else {
                corpus[j as usize]
            }
        };
        let i = i as isize;
        let (l1, r1) = (at(i - 1), at(i + 1));
        let l2 = if l1 == BOUNDARY { BOUNDARY } else { at(i - 2) };
        let r2 = if r1 == BOUNDARY { BOUNDARY } else { at(i + 2) };
        // Columns for rare context words (the last slot of each block) carry little; keep them.
        counts[base + col(0, l1)] += 1.0;
        counts[base + col(1, r1)] += 1.0;
        counts[base + col(2, l2)] += 1.0;
        counts[base + col(3, r2)] += 1.0;
    }
    eprintln!("counted co-occurrences");
    // PPMI with context counts raised to 0.75.
    let mut colsum = vec![0f64; width];
    for r in counts.chunks(width) {
        for (s, &c) in colsum.iter_mut().zip(r) {
            *s += c as f64;
        }
    }
    let smoothed: Vec<f64> = colsum.iter().map(|&c| c.powf(0.75)).collect();
    let total_smoothed: f64 = smoothed.iter().sum();
    let mut rng = Rng::new(SEED);
    let projection: Vec<f32> = (0..width * DIM)
        .map(|_| if rng.next_u64() & 1 == 0 { 1.0 } else { -1.0 })
        .collect();
    let vectors: Vec<Vec<f32>> = counts
        .par_chunks(width)
        .map(|r| {
            let rowsum: f64 = r.iter().map(|&c| c as f64).sum::<f64>() / 4.0;
            let mut v = vec![0f32; DIM];
            for (j, &c) in r.iter().enumerate() {
                if c == 0.0 {
                    continue;
                }
                let pmi = ((c as f64 / rowsum) / (smoothed[j] / total_smoothed) / 4.0).ln();
                if pmi > 0.0 {
                    for (x, p) in v.iter_mut().zip(&projection[j * DIM..(j + 1) * DIM]) {
                        *x += pmi as f32 * p;
                    }
                }
            }
            normalize(&mut v);
            v
        })
        .collect();
    drop(counts);
    eprintln!("projected {} words", vectors.len());
    let mut assignments = Vec::new();
    for &k in &LEVELS {
        assignments.push(kmeans(&vectors, k, &mut rng));
        eprintln!("k-means with {k} clusters done");
    }
    let mut out = std::io::BufWriter::new(std::fs::File::create(output).expect("create output"));
    for (r, &id) in vocab.iter().enumerate() {
        writeln!(
            out,
            "{}\t{}\t{}\t{}",
            names[id as usize], assignments[0][r], assignments[1][r], assignments[2][r]
        )
        .expect("write");
    }
}

fn normalize(v: &mut [f32]) {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Spherical k-means started from `k` distinct frequent words; returns each word's cluster.
fn kmeans(vectors: &[Vec<f32>], k: usize, rng: &mut Rng) -> Vec<u16> {
    let mut pool: Vec<usize> = (0..vectors.len().min(20_000)).collect();
    rng.shuffle(&mut pool);
    let mut centroids: Vec<Vec<f32>> = pool[..k].iter().map(|&i| vectors[i].clone()).collect();
    let mut assign = vec![0u16; vectors.len()];
    for it in 0..ITERATIONS {
        let new: Vec<u16> = vectors
            .par_iter()
            .map(|v| {
                let mut best = (f32::MIN, 0usize);
                for (c, cen) in centroids.iter().enumerate() {
                    let s = dot(v, cen);
                    if s > best.0 {
                        best = (s, c);
                    }
                }
                best.1 as u16
            })
            .collect();
        let changed = new.iter().zip(&assign).filter(|(a, b)| a != b).count();
        assign = new;
        let mut sums = vec![vec![0f32; DIM]; k];
        for (v, &a) in vectors.iter().zip(&assign) {
            for (s, x) in sums[a as usize].iter_mut().zip(v) {
                *s += x;
            }
        }
        for (c, s) in sums.iter_mut().enumerate() {
            if s.iter().all(|&x| x == 0.0) {
                // An empty cluster restarts at a random word.
                *s = vectors[rng.below(vectors.len())].clone();
            }
            normalize(s);
            centroids[c] = s.clone();
        }
        eprintln!("  k={k} iteration {it}: {changed} words moved");
    }
    assign
}
