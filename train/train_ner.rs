//! Trains an entity tagger: an averaged structured perceptron over the crate's hashed
//! features with BIO-constrained Viterbi, on one or more CoNLL files (`token TAG` lines, as
//! written by `train/corpora.py`; MISC mapped to O). A file given with `--known LABELS FILE`
//! annotates only those labels (`--known LOC idrisi.txt`: places only): its other tokens may
//! take any other label, and each update follows the best tagging that agrees with what is
//! annotated (a latent-variable perceptron).
//!
//! Gazetteer features are jackknifed: the names a training sentence sees come from the other
//! folds only, so the model learns how far to trust a gazetteer hit on an unseen text. The
//! full training gazetteer and the quantized weights are written to `data/entities/`.
//!
//! With `--unlabeled FILE` (the output of `extract_ant.py`), training has two stages: models
//! without silver features tag the unlabeled text, and the share of each word's occurrences
//! tagged PER/LOC/ORG becomes a feature of the final model (`silver.tsv`), and so do the
//! multi-word names found three times or more (`silver_names.tsv`). Both are jackknifed too:
//! a training sentence sees the statistics of a model that never saw it.
//!
//!     cargo run --release --example train_ner -- /tmp/nuqta_ner/anercorp/anercorp.txt \
//!         --unlabeled /tmp/nuqta_ant.txt --out data/entities/anercorp
//!
//! Options: `--epochs N` (default 12), `--seed N` (default 1), `--out DIR` (default
//! `data/entities/news`), `--known LABELS FILE` (repeatable; LABELS like `PER,LOC`),
//! `--o-penalty X`
//! (lowers the O score of every token by X, trading precision for recall; default 0),
//! `--runs N` (average N perceptrons trained over different shuffles; default 1),
//! `--every N` (tag every Nth unlabeled line, default 3), and `--cv K`:
//! K-fold cross-validation on the training split (contiguous blocks, so articles stay
//! together), printing pooled held-out scores and writing nothing. Tune with `--cv`, never
//! with the test split.

#[path = "conll.rs"]
mod conll;
#[path = "rng.rs"]
mod rng;

use std::collections::HashMap;
use std::io::Write;

use nuqta::entities::decode::{Transitions, Viterbi};
use nuqta::entities::features::{Features, Resources};
use nuqta::entities::gazetteer::{lists, Gazetteer, Triggers, MAX_LEN};
use nuqta::entities::hash::combine;
use nuqta::entities::label::{begin, inside, is_inside, label_of, Label, O, TAGS};
use nuqta::entities::lexicon::Lexicon;
use nuqta::entities::model::Model;
use nuqta::entities::silver::{Silver, SilverCounts};
use nuqta::entities::tokenize::{tokenize, Tokens};
use nuqta::entities::{sentences, spans, Tagger};
use rayon::prelude::*;

const FOLDS: usize = 5;

/// A training sentence after tokenization with the crate's tokenizer.
struct Prepared {
    text: String,
    ranges: Vec<(usize, usize)>,
    gold_file: Vec<u8>,
    tokens: Tokens,
    tags: Vec<u8>,
    /// For a partly annotated sentence, the tags each token may take (a bit per tag).
    allowed: Option<Vec<u8>>,
}

/// The tags each token of a sentence annotated only for the labels `known` may take: its
/// own tag when it is inside a known name, any tag of the other labels (or O) otherwise.
fn partly(tags: &[u8], known: &[Label]) -> Vec<u8> {
    let other = known.iter().fold((1u8 << TAGS) - 1, |m, &l| {
        m & !(1 << begin(l) | 1 << inside(l))
    });
    tags.iter()
        .map(|&t| match label_of(t) {
            Some(l) if known.contains(&l) => 1 << t,
            _ => other,
        })
        .collect()
}

fn prepare(s: &conll::Sentence, lex: &Lexicon, known: Option<&[Label]>) -> Prepared {
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
    let allowed = known.map(|k| partly(&tags, k));
    Prepared {
        text,
        ranges,
        gold_file: s.tags.clone(),
        tokens,
        tags,
        allowed,
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

/// One training sentence: its features, gold tags and, for a partly annotated sentence, the
/// tags each token may take.
type Example = (Encoded, Vec<u8>, Option<Vec<u8>>);

/// Features of one sentence as dense ids (new keys get new ids).
struct Encoded {
    feats: Vec<u32>,
    offsets: Vec<u32>,
}

fn encode(f: &Features, ids: &mut HashMap<u32, u32>) -> Encoded {
    let mut feats = Vec::new();
    let mut offsets = vec![0u32];
    for i in 0..f.len() {
        for &k in f.of(i) {
            let next = ids.len() as u32;
            feats.push(*ids.entry(k).or_insert(next));
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

/// Training settings.
struct Config {
    epochs: usize,
    seed: u64,
    /// Subtracted from the O score of every token (see `--o-penalty`).
    o_penalty: f32,
    /// Number of perceptrons (over different shuffles) whose weights are averaged.
    runs: usize,
}

/// The template id of the bias feature in `nuqta::entities::features`.
const BIAS_TEMPLATE: u64 = 1;

/// A trained model with the resources it was trained with.
struct Trained {
    model: Model,
    gazetteer: Gazetteer,
    silver: Silver,
    silver_names: Gazetteer,
    names: Vec<(Label, String)>,
    bytes: Vec<u8>,
    feature_keys: usize,
}

impl Trained {
    fn resources(&self) -> Resources<'_> {
        Resources {
            lexicon: Lexicon::shipped(),
            gazetteer: &self.gazetteer,
            triggers: Triggers::shipped(),
            silver: &self.silver,
            silver_names: &self.silver_names,
            lists: lists(),
        }
    }
}

/// One averaged structured perceptron over encoded sentences (the lazy-average trick:
/// avg = w - u / c); returns feature and transition weights.
fn perceptron(
    data: &[Example],
    nf: usize,
    epochs: usize,
    seed: u64,
) -> (Vec<[f32; TAGS]>, Transitions) {
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
    let mut latent = Vec::new();
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &si in &order {
            let (e, gold, allowed) = &data[si];
            scores(e, &w, &mut sc);
            viterbi.decode(&sc, &tw, &mut pred);
            let gold = match allowed {
                None => gold,
                Some(allowed) => {
                    // The best tagging that agrees with the partial annotation.
                    for (s, &mask) in sc.iter_mut().zip(allowed) {
                        for (t, v) in s.iter_mut().enumerate() {
                            if mask & (1 << t) == 0 {
                                *v = f32::NEG_INFINITY;
                            }
                        }
                    }
                    viterbi.decode(&sc, &tw, &mut latent);
                    &latent
                }
            };
            if pred == *gold {
                c += 1.0;
                continue;
            }
            for (t, (&g, &p)) in gold.iter().zip(&pred).enumerate() {
                if g != p {
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
    (w, tw)
}

/// Trains on `train`; `silver[k]` (when given) are the statistics seen by fold `k`, and
/// `final_silver` the ones the model is used with.
fn fit(
    train: &[&Prepared],
    cfg: &Config,
    silver: Option<&[(Silver, Gazetteer)]>,
    final_silver: (Silver, Gazetteer),
) -> Trained {
    let lex = Lexicon::shipped();
    let triggers = Triggers::shipped();
    let empty = (Silver::default(), Gazetteer::default());
    // Jackknifed gazetteers: fold k sees the names of the other folds.
    let fold_of = |i: usize| i * FOLDS / train.len();
    let fold_gaz: Vec<Gazetteer> = (0..FOLDS)
        .map(|k| {
            gazetteer_of(
                train
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| fold_of(*i) != k)
                    .map(|(_, p)| *p),
            )
            .0
        })
        .collect();
    let (gazetteer, names) = gazetteer_of(train.iter().copied());

    let mut ids: HashMap<u32, u32> = HashMap::new();
    let mut f = Features::default();
    let mut data: Vec<Example> = Vec::new();
    for (i, p) in train.iter().enumerate() {
        let res = Resources {
            lexicon: lex,
            gazetteer: &fold_gaz[fold_of(i)],
            triggers,
            silver: &silver.map_or(&empty, |s| &s[fold_of(i)]).0,
            silver_names: &silver.map_or(&empty, |s| &s[fold_of(i)]).1,
            lists: lists(),
        };
        for r in sentences(&p.text, &p.tokens) {
            f.extract(&p.tokens, r.clone(), res);
            let allowed = p.allowed.as_ref().map(|a| a[r.clone()].to_vec());
            data.push((encode(&f, &mut ids), p.tags[r].to_vec(), allowed));
        }
    }

    // Several perceptrons over different shuffles, averaged.
    let mut w = vec![[0f32; TAGS]; ids.len()];
    let mut tw: Transitions = [[0.0; TAGS]; TAGS + 1];
    for run in 0..cfg.runs {
        let (rw, rt) = perceptron(&data, ids.len(), cfg.epochs, cfg.seed + run as u64);
        for (a, b) in w.iter_mut().flatten().zip(rw.iter().flatten()) {
            *a += b / cfg.runs as f32;
        }
        for (a, b) in tw.iter_mut().flatten().zip(rt.iter().flatten()) {
            *a += b / cfg.runs as f32;
        }
    }
    // Trade precision for recall: a lower score for O on every token.
    if let Some(&bias) = ids.get(&(combine(BIAS_TEMPLATE, 0) as u32)) {
        w[bias as usize][O as usize] -= cfg.o_penalty;
    }
    // Quantize to i16: the scale maps the largest |w| to 32767.
    let top = w
        .iter()
        .flatten()
        .fold(0f32, |a, x| a.max(x.abs()))
        .max(1e-6);
    let scale = top / 32767.0;
    let feats: Vec<(u32, [i16; TAGS])> = ids
        .iter()
        .map(|(&k, &id)| {
            (
                k,
                w[id as usize].map(|v| (v / scale).round().clamp(-32767.0, 32767.0) as i16),
            )
        })
        .collect();
    let bytes = Model::encode(scale, &tw, &feats);
    let model = Model::parse(&bytes).expect("round trip");
    Trained {
        model,
        gazetteer,
        silver: final_silver.0,
        silver_names: final_silver.1,
        names,
        bytes,
        feature_keys: ids.len(),
    }
}

/// What the tagger found in the unlabeled text: per-word statistics and multi-word names.
#[derive(Default)]
struct SilverData {
    words: Vec<(String, [u8; 3])>,
    names: Vec<(Label, String)>,
}

impl SilverData {
    fn tables(&self) -> (Silver, Gazetteer) {
        let mut g = Gazetteer::default();
        for (l, n) in &self.names {
            g.add(*l, n.split(' '));
        }
        (Silver::from_pairs(&self.words), g)
    }
}

/// Tags the unlabeled lines with `m` and returns the silver statistics of their words.
fn silver_of(m: &Trained, lines: &[&str]) -> SilverData {
    let counts = lines
        .par_chunks(2_000)
        .map(|chunk| {
            let mut tagger = Tagger::default();
            let mut counts = SilverCounts::default();
            let mut name = String::new();
            for line in chunk {
                let tags = tagger.tag(line, m.resources(), &m.model).to_vec();
                let toks = tagger.tokens();
                // keyed by the word as written (folded), proclitics included: the clitic
                // policy asks how often the whole word is a name (فادي, not ف + ادي), and a
                // stem's share is not skewed by the words the tokenizer cut to it
                for (t, &tag) in toks.tokens.iter().zip(&tags) {
                    if t.shape == nuqta::entities::tokenize::Shape::Arabic {
                        counts.add(toks.get(t.word), tag);
                    }
                }
                for (a, b, l) in conll::chunks(&tags) {
                    if (2..=MAX_LEN).contains(&(b - a)) {
                        name.clear();
                        for t in &toks.tokens[a..b] {
                            if !name.is_empty() {
                                name.push(' ');
                            }
                            name.push_str(toks.get(t.base));
                        }
                        counts.add_name(&name, l);
                    }
                }
            }
            counts
        })
        .reduce(SilverCounts::default, |mut a, b| {
            a.merge(b);
            a
        });
    SilverData {
        words: counts.finish(3),
        names: counts.names(3),
    }
}

/// The whole recipe: with unlabeled lines, fold models and a first full model provide the
/// jackknifed and the final silver statistics of the second-stage model.
fn train_model(train: &[&Prepared], cfg: &Config, unlabeled: &[&str]) -> (Trained, SilverData) {
    if unlabeled.is_empty() {
        return (
            fit(train, cfg, None, Default::default()),
            SilverData::default(),
        );
    }
    let fold_of = |i: usize| i * FOLDS / train.len();
    let fold_silver: Vec<(Silver, Gazetteer)> = (0..FOLDS)
        .map(|k| {
            let part: Vec<&Prepared> = train
                .iter()
                .enumerate()
                .filter(|(i, _)| fold_of(*i) != k)
                .map(|(_, p)| *p)
                .collect();
            let m = fit(&part, cfg, None, Default::default());
            silver_of(&m, unlabeled).tables()
        })
        .collect();
    let first = fit(train, cfg, None, Default::default());
    let data = silver_of(&first, unlabeled);
    let m = fit(train, cfg, Some(&fold_silver), data.tables());
    (m, data)
}

/// Tags `dev` the way `nuqta::entities` would, adding to `scores`.
fn evaluate(m: &Trained, dev: &[&Prepared], scores_out: &mut conll::Scores) {
    let mut tagger = Tagger::default();
    for p in dev {
        let tags = tagger.tag(&p.text, m.resources(), &m.model).to_vec();
        let ents = spans(&p.text, tagger.tokens(), &tags);
        scores_out.add(&p.gold_file, &conll::tags_from_entities(&p.ranges, &ents));
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mut train_paths: Vec<String> = Vec::new();
    let mut known_paths: Vec<(Vec<Label>, String)> = Vec::new();
    let mut unlabeled_path = None;
    let mut cfg = Config {
        epochs: 12,
        seed: 1,
        o_penalty: 0.0,
        runs: 1,
    };
    let (mut cv, mut every, mut out_dir) = (0usize, 3usize, "data/entities/news".to_string());
    let mut i = 1;
    while i < args.len() {
        match args[i].as_str() {
            "--epochs" => cfg.epochs = args[i + 1].parse().expect("epochs"),
            "--seed" => cfg.seed = args[i + 1].parse().expect("seed"),
            "--o-penalty" => cfg.o_penalty = args[i + 1].parse().expect("o-penalty"),
            "--runs" => cfg.runs = args[i + 1].parse::<usize>().expect("runs").max(1),
            "--cv" => cv = args[i + 1].parse().expect("cv"),
            "--every" => every = args[i + 1].parse().expect("every"),
            "--unlabeled" => unlabeled_path = Some(args[i + 1].clone()),
            "--out" => out_dir = args[i + 1].clone(),
            "--known" => {
                let labels = args[i + 1]
                    .split(',')
                    .map(|l| Label::parse(l).expect("--known PER,LOC,ORG FILE"))
                    .collect();
                known_paths.push((labels, args[i + 2].clone()));
                i += 1;
            }
            p => {
                train_paths.push(p.to_string());
                i += 1;
                continue;
            }
        }
        i += 2;
    }
    assert!(
        !train_paths.is_empty(),
        "usage: train_ner TRAIN.txt... [--known LABELS FILE] [--unlabeled FILE] [--epochs N] [--seed N] [--cv K] [--out DIR]"
    );
    let train_path = train_paths.join(" + ");
    let lex = Lexicon::shipped();
    let all: Vec<Prepared> = train_paths
        .iter()
        .flat_map(|p| {
            conll::read(p)
                .iter()
                .map(|s| prepare(s, lex, None))
                .collect::<Vec<_>>()
        })
        .collect();
    let partial: Vec<Prepared> = known_paths
        .iter()
        .flat_map(|(k, p)| {
            conll::read(p)
                .iter()
                .map(|s| prepare(s, lex, Some(k)))
                .collect::<Vec<_>>()
        })
        .collect();
    let unlabeled_text = unlabeled_path
        .map(|p| std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{p}: {e}")))
        .unwrap_or_default();
    let unlabeled: Vec<&str> = unlabeled_text.lines().step_by(every.max(1)).collect();
    if cv > 1 {
        let mut pooled = conll::Scores::default();
        for k in 0..cv {
            let block = |i: usize| i * cv / all.len();
            let train: Vec<&Prepared> = all
                .iter()
                .enumerate()
                .filter(|(i, _)| block(*i) != k)
                .map(|(_, p)| p)
                .chain(&partial)
                .collect();
            let dev: Vec<&Prepared> = all
                .iter()
                .enumerate()
                .filter(|(i, _)| block(*i) == k)
                .map(|(_, p)| p)
                .collect();
            let (m, _) = train_model(&train, &cfg, &unlabeled);
            evaluate(&m, &dev, &mut pooled);
        }
        println!(
            "{cv}-fold cross-validation on {train_path}\n{}",
            pooled.report()
        );
        return;
    }
    let train: Vec<&Prepared> = all.iter().chain(&partial).collect();
    let (m, silver) = train_model(&train, &cfg, &unlabeled);
    std::fs::write(format!("{out_dir}/model.bin"), &m.bytes).expect("write model");
    let mut names = m.names;
    names.sort();
    names.dedup();
    let mut g = std::io::BufWriter::new(
        std::fs::File::create(format!("{out_dir}/gazetteer.tsv")).expect("gazetteer"),
    );
    for (l, n) in &names {
        writeln!(g, "{}\t{n}", l.as_str()).expect("write gazetteer");
    }
    let mut s = std::io::BufWriter::new(
        std::fs::File::create(format!("{out_dir}/silver.tsv")).expect("silver"),
    );
    for (w, b) in &silver.words {
        writeln!(s, "{w}\t{}\t{}\t{}", b[0], b[1], b[2]).expect("write silver");
    }
    let mut s = std::io::BufWriter::new(
        std::fs::File::create(format!("{out_dir}/silver_names.tsv")).expect("silver names"),
    );
    for (l, n) in &silver.names {
        writeln!(s, "{}\t{n}", l.as_str()).expect("write silver names");
    }
    eprintln!(
        "{} sentences, {} feature keys; wrote {} bytes of weights ({} features kept), {} names, {} silver words, {} silver names",
        all.len(),
        m.feature_keys,
        m.bytes.len(),
        m.model.len(),
        names.len(),
        silver.words.len(),
        silver.names.len()
    );
}
