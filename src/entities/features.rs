//! Hashed features of each token: its forms, affixes, shape, neighbours within ±2, word
//! clusters, gazetteer matches and trigger words. A feature is a 32-bit hash of a template id
//! and a value, so no feature string is ever built.

use super::gazetteer::{token_hash, Gazetteer, Triggers, MAX_LEN};
use super::hash::{combine, hash_bytes};
use super::lexicon::{Lexicon, LEVELS};
use super::silver::Silver;
use super::tokenize::{Token, Tokens};

/// The word resources features are computed from.
#[derive(Clone, Copy)]
pub struct Resources<'a> {
    /// Frequency ranks and word clusters.
    pub lexicon: &'a Lexicon,
    /// Names seen in training.
    pub gazetteer: &'a Gazetteer,
    /// Titles and heads of names.
    pub triggers: &'a Triggers,
    /// How often the tagger labels each word in unlabeled news.
    pub silver: &'a Silver,
    /// Multi-word names the tagger found in unlabeled news.
    pub silver_names: &'a Gazetteer,
    /// Name lists from outside the training data (person-name tokens, place names).
    pub lists: &'a Gazetteer,
}

/// What the feature templates read about one token, computed once per token.
#[derive(Clone, Copy, Default)]
struct Info {
    word: u64,
    base: u64,
    stem: u64,
    prefix: u64,
    shape: u64,
    clusters: Option<[u16; LEVELS]>,
    freq: u8,
    gaz: u8,
    part: u8,
    trigger: u8,
    silver: [u8; 3],
    silver_gaz: u8,
    list: u8,
    list_part: u8,
}

/// Feature keys of a run of tokens, reused across calls so extraction does not allocate.
#[derive(Default)]
pub struct Features {
    /// Feature keys of all tokens, back to back.
    pub keys: Vec<u32>,
    /// `keys[offsets[i]..offsets[i + 1]]` are the keys of token `i`.
    pub offsets: Vec<u32>,
    info: Vec<Info>,
}

impl Features {
    /// The keys of token `i` of the last extraction.
    pub fn of(&self, i: usize) -> &[u32] {
        &self.keys[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }

    /// Number of tokens of the last extraction.
    #[cfg(any(test, feature = "training"))]
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// True when the last extraction had no token.
    #[cfg(feature = "training")]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Computes the features of `tokens.tokens[range]`, treated as one sentence.
    pub fn extract(&mut self, tokens: &Tokens, range: std::ops::Range<usize>, res: Resources) {
        self.keys.clear();
        self.offsets.clear();
        self.info.clear();
        let toks = &tokens.tokens[range];
        for t in toks {
            self.info.push(info(tokens, t, res));
        }
        mark_gazetteer(&mut self.info, res.gazetteer, |x| &mut x.gaz);
        mark_gazetteer(&mut self.info, res.silver_names, |x| &mut x.silver_gaz);
        mark_gazetteer(&mut self.info, res.lists, |x| &mut x.list);
        self.offsets.push(0);
        for (i, t) in toks.iter().enumerate() {
            self.token_features(tokens, t, i);
            self.offsets.push(self.keys.len() as u32);
        }
    }

    fn token_features(&mut self, tokens: &Tokens, t: &Token, i: usize) {
        let info = &self.info;
        let keys = &mut self.keys;
        let n = info.len();
        let at = |d: isize| -> Option<&Info> {
            let j = i as isize + d;
            if j < 0 || j as usize >= n {
                None
            } else {
                Some(&info[j as usize])
            }
        };
        let mut add = |salt: u64, v: u64| keys.push(combine(salt, v) as u32);
        let me = &info[i];
        add(1, 0);
        add(2, me.word);
        add(3, me.base);
        add(4, me.stem);
        add(5, me.prefix);
        add(6, me.shape);
        add(7, u64::from(me.freq));
        add(8, u64::from(t.enclitic) | u64::from(t.article) << 1);
        let stem = tokens.get(t.stem);
        for k in 1..=3 {
            if let Some((cut, _)) = stem.char_indices().nth(k) {
                add(10 + k as u64, hash_bytes(0, &stem.as_bytes()[..cut]));
            }
            if let Some((cut, _)) = stem.char_indices().rev().nth(k - 1) {
                if cut > 0 {
                    add(20 + k as u64, hash_bytes(0, &stem.as_bytes()[cut..]));
                }
            }
        }
        let edge = |o: Option<&Info>, f: fn(&Info) -> u64| o.map_or(0x5eed, f);
        add(30, edge(at(-1), |x| x.word));
        add(31, edge(at(1), |x| x.word));
        add(32, edge(at(-2), |x| x.word));
        add(33, edge(at(2), |x| x.word));
        add(34, edge(at(-1), |x| x.stem));
        add(35, edge(at(1), |x| x.stem));
        add(36, combine(edge(at(-1), |x| x.word), me.word));
        add(37, combine(me.word, edge(at(1), |x| x.word)));
        add(
            38,
            combine(edge(at(-1), |x| x.shape), edge(at(1), |x| x.shape)),
        );
        add(
            39,
            combine(edge(at(-1), |x| x.stem), edge(at(-2), |x| x.stem)),
        );
        for (d, salt) in [(0isize, 40u64), (-1, 44), (1, 48), (-2, 52), (2, 56)] {
            let levels = if d.abs() == 2 { 1 } else { LEVELS };
            match at(d) {
                Some(x) => match x.clusters {
                    Some(c) => {
                        for (l, &id) in c.iter().enumerate().take(levels) {
                            add(salt + l as u64, u64::from(id));
                        }
                    }
                    None => add(salt + 3, u64::from(x.freq)),
                },
                None => add(salt + 3, 99),
            }
        }
        if let (Some(c), Some(p)) = (me.clusters, at(-1).and_then(|x| x.clusters)) {
            add(60, combine(u64::from(p[1]), u64::from(c[1])));
        }
        if let (Some(c), Some(p)) = (me.clusters, at(1).and_then(|x| x.clusters)) {
            add(61, combine(u64::from(c[1]), u64::from(p[1])));
        }
        add(70, u64::from(me.gaz));
        add(71, u64::from(me.part));
        add(72, edge(at(-1), |x| u64::from(x.gaz)));
        add(73, edge(at(1), |x| u64::from(x.gaz)));
        add(74, edge(at(1), |x| u64::from(x.part)));
        add(75, edge(at(-1), |x| u64::from(x.part)));
        add(80, u64::from(me.trigger));
        add(81, edge(at(-1), |x| u64::from(x.trigger)));
        add(82, edge(at(-2), |x| u64::from(x.trigger)));
        add(83, edge(at(1), |x| u64::from(x.trigger)));
        add(84, edge(at(2), |x| u64::from(x.trigger)));
        add(76, u64::from(me.silver_gaz));
        add(77, edge(at(-1), |x| u64::from(x.silver_gaz)));
        add(78, edge(at(1), |x| u64::from(x.silver_gaz)));
        let silver = |x: &Info| {
            u64::from(x.silver[0]) | u64::from(x.silver[1]) << 4 | u64::from(x.silver[2]) << 8
        };
        for (l, &b) in me.silver.iter().enumerate() {
            add(100 + l as u64, u64::from(b));
        }
        add(103, silver(me));
        add(106, u64::from(me.list));
        add(107, u64::from(me.list_part));
        add(108, combine(u64::from(me.list_part), u64::from(me.freq)));
        add(109, edge(at(-1), |x| u64::from(x.list_part)));
        add(110, edge(at(1), |x| u64::from(x.list_part)));
        add(111, edge(at(-1), |x| u64::from(x.list)));
        add(112, edge(at(1), |x| u64::from(x.list)));
        add(
            113,
            combine(u64::from(me.list_part), edge(at(-1), |x| x.word)),
        );
        add(104, edge(at(-1), silver));
        add(105, edge(at(1), silver));
        let mut cuts = [0usize; 4];
        for (n, (at_byte, _)) in stem
            .char_indices()
            .chain(std::iter::once((stem.len(), ' ')))
            .enumerate()
        {
            cuts[n % 4] = at_byte;
            if n >= 3 {
                let (from, to) = (cuts[(n - 3) % 4], at_byte);
                add(95, hash_bytes(0, &stem.as_bytes()[from..to]));
            }
        }
        add(90, combine(edge(at(-1), |x| x.stem), me.stem));
        add(91, combine(me.stem, edge(at(1), |x| x.stem)));
        if let Some(c) = me.clusters {
            add(92, combine(edge(at(-1), |x| x.word), u64::from(c[1])));
            add(93, combine(u64::from(c[1]), edge(at(1), |x| x.word)));
        }
        if let Some(c) = me.clusters {
            add(
                85,
                combine(edge(at(-1), |x| u64::from(x.trigger)), u64::from(c[0])),
            );
        }
    }
}

fn info(tokens: &Tokens, t: &Token, res: Resources) -> Info {
    let word = tokens.get(t.word);
    let base = tokens.get(t.base);
    let stem = tokens.get(t.stem);
    let found = res
        .lexicon
        .get(word)
        .or_else(|| res.lexicon.get(base))
        .or_else(|| res.lexicon.get(stem));
    let freq = match found.map(|i| i.rank) {
        None => 0,
        Some(r) if r < 1_000 => 1,
        Some(r) if r < 10_000 => 2,
        Some(_) => 3,
    };
    let len = stem.chars().count().min(8) as u64;
    let stem_h = token_hash(stem);
    Info {
        word: token_hash(word),
        base: token_hash(base),
        stem: stem_h,
        prefix: token_hash(tokens.get(t.prefix)),
        shape: t.shape as u64 * 16 + len,
        clusters: found.map(|i| i.clusters),
        freq,
        gaz: 0,
        part: res.gazetteer.part(token_hash(base)),
        trigger: res.triggers.get(stem_h),
        silver: res.silver.get(token_hash(base)),
        silver_gaz: 0,
        list: 0,
        list_part: res.lists.part(token_hash(base)),
    }
}

/// Sets a field of each token from the longest gazetteer names starting there: bit `label`
/// for the first token of a name, bit `3 + label` for the others.
fn mark_gazetteer(info: &mut [Info], gaz: &Gazetteer, field: fn(&mut Info) -> &mut u8) {
    let n = info.len();
    for i in 0..n {
        let mut h = 0u64;
        let mut found = None;
        for len in 1..=MAX_LEN.min(n - i) {
            let b = info[i + len - 1].base;
            h = if len == 1 { b } else { combine(h, b) };
            let labels = gaz.entry(h);
            if labels != 0 {
                found = Some((len, labels));
            }
        }
        if let Some((len, labels)) = found {
            *field(&mut info[i]) |= labels;
            for x in &mut info[i + 1..i + len] {
                *field(x) |= labels << 3;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::tokenize::tokenize;

    #[test]
    fn every_token_gets_features_and_gazetteer_marks() {
        let lex = Lexicon::parse("");
        let gaz = Gazetteer::parse("PER\tسامح شكري\n");
        let trig = Triggers::parse("PER\tوزير\n");
        let silver = Silver::default();
        let res = Resources {
            lexicon: &lex,
            gazetteer: &gaz,
            triggers: &trig,
            silver: &silver,
            silver_names: &gaz,
            lists: &gaz,
        };
        let mut toks = Tokens::default();
        tokenize("قال وزير الخارجية سامح شكري", &lex, &mut toks);
        let mut f = Features::default();
        f.extract(&toks, 0..toks.tokens.len(), res);
        assert_eq!(f.len(), 5);
        assert!(f.of(4).len() > 30);
        assert_eq!(f.info[3].gaz, 1);
        assert_eq!(f.info[4].gaz, 1 << 3);
        assert_eq!(f.info[1].trigger, 1);
    }
}
