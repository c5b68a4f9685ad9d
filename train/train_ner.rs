//! Trains the entity tagger: an averaged structured perceptron over the crate's hashed
//! features with BIO-constrained Viterbi, on ANERcorp's training split (MISC mapped to O).
//!
//! Gazetteer features are jackknifed: the names a training sentence sees come from the other
//! folds only, so the model learns how far to trust a gazetteer hit on an unseen text. The
//! full training gazetteer and the quantized weights are written to `data/entities/`.
//!
//!     cargo run --release --example train_ner -- ../shared/data/ner/anercorp_camel/train.txt
//!
//! Options: `--epochs N` (default 12), `--seed N` (default 1), `--holdout F` (train on the
//! first 1-F of the sentences, report F1 on the rest and write nothing), `--out DIR`.

#[path = "conll.rs"]
mod conll;
#[path = "rng.rs"]
mod rng;

use std::collections::HashMap;
use std::io::Write;

use nuqta::entities::decode::{Transitions, Viterbi};
use nuqta::entities::features::{Features, Resources};
use nuqta::entities::gazetteer::{Gazetteer, Triggers};
use nuqta::entities::label::{inside, is_inside, label_of, Label, O, TAGS};
use nuqta::entities::lexicon::Lexicon;
use nuqta::entities::model::Model;
use nuqta::entities::tokenize::{tokenize, Tokens};
use nuqta::entities::{sentences, spans};

const FOLDS: usize = 5;

/// A training sentence after tokenization with the crate's tokenizer.
struct Prepared {
    text: String,
    ranges: Vec<(usize, usize)>,
    gold_file: Vec<u8>,
    tokens: Tokens,
    tags: Vec<u8>,
}

fn prepare(s: &conll::Sentence, lex: &Lexicon) -> Prepared {
    let (text, ranges) = s.text();
    let mut tokens = Tokens::default();
    tokenize(&text, lex, &mut tokens);
    let mut tags = Vec::with_capacity(tokens.tokens.len());
    let mut g = 0;
    let mut last_g = usize::MAX;
    for t in &tokens.tokens {
        while g + 1 < ranges.len() && ranges[g].1 <= t.start {
            g += 1;
        }
        let gold = s.tags[g];
        let tag = if g != last_g {
            gold
        } else {
            label_of(gold).map_or(O, inside)
        };
        last_g = g;
        // Keep BIO valid after re-tokenization.
        let prev = tags.last().copied().unwrap_or(O);
        let tag = if is_inside(tag) && label_of(prev) != label_of(tag) {
            tag - 1
        } else {
            tag
        };
        tags.push(tag);
    }
    Prepared {
        text,
        ranges,
        gold_file: s.tags.clone(),
        tokens,
        tags,
    }
}

fn gazetteer_of<'a>(
    sents: impl Iterator<Item = &'a Prepared>,
) -> (Gazetteer, Vec<(Label, String)>) {
    let mut g = Gazetteer::default();
    let mut names = Vec::new();
    for p in sents {
        let c = conll::chunks(&p.tags);
        for (a, b, l) in c {
            let toks: Vec<&str> = p.tokens.tokens[a..b]
                .iter()
                .map(|t| p.tokens.get(t.base))
                .collect();
            g.add(l, toks.iter().copied());
            names.push((l, toks.join(" ")));
        }
    }
    (g, names)
}

/// Features of one sentence as dense ids (unknown keys dropped when `grow` is false).
struct Encoded {
    feats: Vec<u32>,
    offsets: Vec<u32>,
}

fn encode(f: &Features, ids: &mut HashMap<u32, u32>, grow: bool) -> Encoded {
    let mut feats = Vec::new();
    let mut offsets = vec![0u32];
    for i in 0..f.len() {
        for &k in f.of(i) {
            let next = ids.len() as u32;
            if grow {
                feats.push(*ids.entry(k).or_insert(next));
            } else if let Some(&id) = ids.get(&k) {
                feats.push(id);
            }
        }
        offsets.push(feats.len() as u32);
    }
    Encoded { feats, offsets }
}

fn scores(e: &Encoded, w: &[[f32; TAGS]], out: &mut Vec<[f32; TAGS]>) {
    out.clear();
    for i in 0..e.offsets.len() - 1 {
        let mut s = [0.0; TAGS];
        for &f in &e.feats[e.offsets[i] as usize..e.offsets[i + 1] as usize] {
            for (a, b) in s.iter_mut().zip(&w[f as usize]) {
                *a += b;
            }
        }
        out.push(s);
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mut train_path = None;
    let (mut epochs, mut seed, mut holdout, mut out_dir) =
        (12usize, 1u64, 0.0f64, "data/entities".to_string());
    let mut i = 1;
    while i < args.len() {
        match args[i].as_str() {
            "--epochs" => epochs = args[i + 1].parse().expect("epochs"),
            "--seed" => seed = args[i + 1].parse().expect("seed"),
            "--holdout" => holdout = args[i + 1].parse().expect("holdout"),
            "--out" => out_dir = args[i + 1].clone(),
            p => {
                train_path = Some(p.to_string());
                i += 1;
                continue;
            }
        }
        i += 2;
    }
    let train_path =
        train_path.expect("usage: train_ner TRAIN.txt [--epochs N] [--seed N] [--holdout F]");
    let lex = Lexicon::shipped();
    let triggers = Triggers::shipped();
    let all: Vec<Prepared> = conll::read(&train_path)
        .iter()
        .map(|s| prepare(s, lex))
        .collect();
    let n_train = ((all.len() as f64) * (1.0 - holdout)).round() as usize;
    let (train, dev) = all.split_at(n_train);
    eprintln!("{} training sentences, {} held out", train.len(), dev.len());

    // Jackknifed gazetteers: fold k sees the names of the other folds.
    let fold_of = |i: usize| i * FOLDS / train.len();
    let fold_gaz: Vec<Gazetteer> = (0..FOLDS)
        .map(|k| {
            gazetteer_of(
                train
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| fold_of(*i) != k)
                    .map(|(_, p)| p),
            )
            .0
        })
        .collect();
    let (full_gaz, names) = gazetteer_of(train.iter());

    let mut ids: HashMap<u32, u32> = HashMap::new();
    let mut f = Features::default();
    let mut data: Vec<(Encoded, Vec<u8>)> = Vec::new();
    for (i, p) in train.iter().enumerate() {
        let res = Resources {
            lexicon: lex,
            gazetteer: &fold_gaz[fold_of(i)],
            triggers,
        };
        for r in sentences(&p.text, &p.tokens) {
            f.extract(&p.tokens, r.clone(), res);
            data.push((encode(&f, &mut ids, true), p.tags[r].to_vec()));
        }
    }
    eprintln!("{} feature keys", ids.len());

    // Averaged perceptron (the lazy-average trick: avg = w - u / c).
    let nf = ids.len();
    let mut w = vec![[0f32; TAGS]; nf];
    let mut u = vec![[0f32; TAGS]; nf];
    let mut tw: Transitions = [[0.0; TAGS]; TAGS + 1];
    let mut tu: Transitions = [[0.0; TAGS]; TAGS + 1];
    let mut c = 1f32;
    let mut rng = rng::Rng::new(seed);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut viterbi = Viterbi::default();
    let mut sc = Vec::new();
    let mut pred = Vec::new();
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        let mut errors = 0;
        for &si in &order {
            let (e, gold) = &data[si];
            scores(e, &w, &mut sc);
            viterbi.decode(&sc, &tw, &mut pred);
            if pred == *gold {
                c += 1.0;
                continue;
            }
            for (t, (&g, &p)) in gold.iter().zip(&pred).enumerate() {
                if g != p {
                    errors += 1;
                    for &fi in &e.feats[e.offsets[t] as usize..e.offsets[t + 1] as usize] {
                        let fi = fi as usize;
                        w[fi][g as usize] += 1.0;
                        u[fi][g as usize] += c;
                        w[fi][p as usize] -= 1.0;
                        u[fi][p as usize] -= c;
                    }
                }
                let gp = if t == 0 { TAGS } else { gold[t - 1] as usize };
                let pp = if t == 0 { TAGS } else { pred[t - 1] as usize };
                if gp != pp || g != p {
                    tw[gp][g as usize] += 1.0;
                    tu[gp][g as usize] += c;
                    tw[pp][p as usize] -= 1.0;
                    tu[pp][p as usize] -= c;
                }
            }
            c += 1.0;
        }
        eprintln!("epoch {epoch}: {errors} token errors");
    }
    for (wr, ur) in w.iter_mut().zip(&u) {
        for (a, b) in wr.iter_mut().zip(ur) {
            *a -= b / c;
        }
    }
    for (wr, ur) in tw.iter_mut().zip(&tu) {
        for (a, b) in wr.iter_mut().zip(ur) {
            *a -= b / c;
        }
    }

    // Quantize to i16: the scale maps the largest |w| to 32767.
    let top = w
        .iter()
        .flatten()
        .fold(0f32, |m, x| m.max(x.abs()))
        .max(1e-6);
    let scale = top / 32767.0;
    let quantized: Vec<[i16; TAGS]> = w
        .iter()
        .map(|row| row.map(|v| (v / scale).round().clamp(-32767.0, 32767.0) as i16))
        .collect();

    if !dev.is_empty() {
        let res = Resources {
            lexicon: lex,
            gazetteer: &full_gaz,
            triggers,
        };
        let dequantized: Vec<[f32; TAGS]> = quantized
            .iter()
            .map(|row| row.map(|q| f32::from(q) * scale))
            .collect();
        for (name, weights) in [("float", &w), ("quantized", &dequantized)] {
            let mut s = conll::Scores::default();
            let mut tags = Vec::new();
            for p in dev {
                tags.clear();
                for r in sentences(&p.text, &p.tokens) {
                    f.extract(&p.tokens, r, res);
                    let e = encode(&f, &mut ids, false);
                    scores(&e, weights, &mut sc);
                    viterbi.decode(&sc, &tw, &mut pred);
                    tags.extend_from_slice(&pred);
                }
                let ents = spans(&p.tokens, &tags);
                s.add(&p.gold_file, &conll::tags_from_entities(&p.ranges, &ents));
            }
            println!(
                "held-out sentences: {}, {name} weights\n{}",
                dev.len(),
                s.report()
            );
        }
        return;
    }

    let feats: Vec<(u32, [i16; TAGS])> = ids
        .iter()
        .map(|(&k, &id)| (k, quantized[id as usize]))
        .collect();
    let bytes = Model::encode(scale, &tw, &feats);
    std::fs::write(format!("{out_dir}/model.bin"), &bytes).expect("write model");
    let mut names = names;
    names.sort();
    names.dedup();
    let mut g = std::io::BufWriter::new(
        std::fs::File::create(format!("{out_dir}/gazetteer.tsv")).expect("gazetteer"),
    );
    for (l, n) in &names {
        writeln!(g, "{}\t{n}", l.as_str()).expect("write gazetteer");
    }
    eprintln!(
        "wrote {} bytes of weights ({} features kept), {} names",
        bytes.len(),
        Model::parse(&bytes).map_or(0, |m| m.len()),
        names.len()
    );
}
