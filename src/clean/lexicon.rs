//! Word lists compiled into the crate from `data/clean/` and parsed once: Arabic stop words,
//! date and time words, and the page-furniture phrase lexicon.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::fold::fold;
use super::reason::Reason;
use rustc_hash::FxBuildHasher;

/// One furniture phrase, folded.
#[derive(Debug)]
pub(crate) struct Phrase {
    words: Vec<String>,
    reason: Reason,
    anywhere: bool,
}

/// What the lexicons say about one folded word.
#[derive(Debug, Default)]
pub(crate) struct Entry {
    /// A function word.
    pub stop: bool,
    /// A month, weekday or clock word.
    pub date: bool,
    /// A date word that is no ordinary word: a month or weekday name, GMT ….
    pub date_strong: bool,
    /// A byline or credit word.
    pub credit: bool,
    /// Furniture phrases that start with this word.
    phrases: Vec<Phrase>,
}

/// The parsed lexicons: one map from folded word to everything known about it.
#[derive(Debug)]
pub(crate) struct Lexicon {
    words: WordMap,
    /// Bytes in the longest function word (no longer word need be looked up as one).
    stop_len: usize,
    /// Whether some word of the lexicons is made of ASCII digits only.
    numbers: bool,
}

/// A fixed map from word to entry, built once: open addressing over a table four times the
/// number of words, hashed from a word's first and last eight bytes and its length (most words
/// looked up are not in it, and reach an empty slot at once).
#[derive(Debug)]
struct WordMap {
    /// The [`parts`] of each key and its length.
    parts: Vec<(u64, u64, usize)>,
    keys: Vec<Box<str>>,
    values: Vec<Entry>,
    /// Index + 1 into `keys`, 0 for an empty slot.
    slots: Vec<u32>,
    mask: usize,
}

/// Eight bytes as a number.
#[inline]
fn load8(b: &[u8]) -> u64 {
    u64::from_le_bytes(b.try_into().unwrap_or([0; 8]))
}

/// Four bytes as a number.
#[inline]
fn load4(b: &[u8]) -> u64 {
    u64::from(u32::from_le_bytes(b.try_into().unwrap_or([0; 4])))
}

/// Words of at most this many bytes are equal when their [`parts`] are.
const SHORT: usize = 16;

/// A word's first and last eight bytes (first and last four, or first, middle and last byte,
/// when shorter): together they cover every byte of a word of at most [`SHORT`] bytes.
#[inline]
fn parts(w: &[u8]) -> (u64, u64) {
    let n = w.len();
    if n >= 8 {
        (load8(&w[..8]), load8(&w[n - 8..]))
    } else if n >= 4 {
        (load4(&w[..4]), load4(&w[n - 4..]))
    } else if n > 0 {
        let a = u64::from(w[0]) | u64::from(w[n / 2]) << 8 | u64::from(w[n - 1]) << 16;
        (a, 0)
    } else {
        (0, 0)
    }
}

/// The hash of a word from its [`parts`] and length: one wide multiplication.
#[inline]
fn hash((a, b): (u64, u64), n: usize) -> u64 {
    let m =
        u128::from(a ^ 0x243f_6a88_85a3_08d3) * u128::from(b ^ 0x1319_8a2e_0370_7344 ^ n as u64);
    (m as u64) ^ ((m >> 64) as u64)
}

impl WordMap {
    fn new(map: HashMap<String, Entry, FxBuildHasher>) -> WordMap {
        let size = (map.len() * 4).next_power_of_two().max(16);
        let mut m = WordMap {
            parts: Vec::with_capacity(map.len()),
            keys: Vec::with_capacity(map.len()),
            values: Vec::with_capacity(map.len()),
            slots: vec![0; size],
            mask: size - 1,
        };
        for (k, v) in map {
            let p = parts(k.as_bytes());
            let mut i = hash(p, k.len()) as usize & m.mask;
            while m.slots[i] != 0 {
                i = (i + 1) & m.mask;
            }
            m.parts.push((p.0, p.1, k.len()));
            m.keys.push(k.into_boxed_str());
            m.values.push(v);
            m.slots[i] = m.keys.len() as u32;
        }
        m
    }

    /// The entry of `word` (inlined: the call costs as much as the look-up of a short word).
    #[inline(always)]
    fn get(&self, word: &str) -> Option<&Entry> {
        let w = word.as_bytes();
        let p = parts(w);
        let mut i = hash(p, w.len()) as usize & self.mask;
        loop {
            let k = self.slots[i] as usize;
            if k == 0 {
                return None;
            }
            if self.parts[k - 1] == (p.0, p.1, w.len())
                && (w.len() <= SHORT || *self.keys[k - 1] == *word)
            {
                return self.values.get(k - 1);
            }
            i = (i + 1) & self.mask;
        }
    }
}

/// The entries of a word list (read by [`crate::tsv`]: comments and blanks left out).
fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    crate::tsv::rows(data, 1)
        .into_iter()
        .map(|r| r.get(0).trim())
}

/// Sets one flag of an entry.
type MarkFn = fn(&mut Entry);

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut words: HashMap<String, Entry, FxBuildHasher> = HashMap::default();
    for row in crate::tsv::rows(include_str!("../../data/clean/furniture.tsv"), 2) {
        let phrase = row.get(1).trim();
        let reason = Reason::from_name(row.get(0).trim()).expect("furniture.tsv: unknown reason");
        let (anywhere, phrase) = match phrase.strip_prefix('!') {
            Some(p) => (true, p),
            None => (false, phrase),
        };
        let ws: Vec<String> = fold(phrase).text.split(' ').map(String::from).collect();
        words
            .entry(ws[0].clone())
            .or_default()
            .phrases
            .push(Phrase {
                words: ws,
                reason,
                anywhere,
            });
    }
    let lists: [(&str, MarkFn); 3] = [
        (include_str!("../../data/clean/stopwords_ar.txt"), |e| {
            e.stop = true
        }),
        (include_str!("../../data/clean/dates.txt"), |e| {
            e.date = true;
            e.date_strong = true;
        }),
        (include_str!("../../data/clean/credits.txt"), |e| {
            e.credit = true
        }),
    ];
    for (data, mark) in lists {
        for w in entries(data) {
            let (weak, w) = match w.strip_prefix('~') {
                Some(w) => (true, w),
                None => (false, w),
            };
            let e = words.entry(fold(w).text).or_default();
            let strong = e.date_strong;
            mark(e);
            if weak {
                e.date_strong = strong;
            }
        }
    }
    let stop_len = words
        .iter()
        .filter(|(_, e)| e.stop)
        .map(|(w, _)| w.len())
        .max()
        .unwrap_or(0);
    let numbers = words
        .keys()
        .any(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()));
    Lexicon {
        words: WordMap::new(words),
        stop_len,
        numbers,
    }
});

/// The proclitics split off before a stop-word look-up: conjunctions, then prepositions.
const CONJUNCTIONS: [&str; 2] = ["و", "ف"];
const PREPOSITIONS: [&str; 3] = ["ب", "ل", "ك"];

impl Lexicon {
    /// The shared lexicon.
    pub fn get() -> &'static Lexicon {
        &LEXICON
    }

    /// Whether some word of the lexicons is made of ASCII digits only (if none is, a number
    /// has no entry).
    pub fn has_numbers(&self) -> bool {
        self.numbers
    }

    /// What the lexicons know about a folded word.
    #[inline]
    pub fn entry(&self, word: &str) -> Option<&Entry> {
        self.words.get(word)
    }

    /// Whether a folded word is a function word, after splitting و ف and ب ل ك proclitics
    /// (a bare conjunction standing alone also counts).
    #[cfg(test)]
    pub fn is_stop(&self, word: &str) -> bool {
        self.entry(word).is_some_and(|e| e.stop) || self.is_stop_unlisted(word)
    }

    /// [`Lexicon::is_stop`] of a word that is not a function word itself (not in the lexicon,
    /// or not marked as one).
    pub fn is_stop_unlisted(&self, word: &str) -> bool {
        // most words start with none of و ف ب ل ك (D9 88, D9 81, D8 A8, D9 84, D9 83)
        if !matches!(
            word.as_bytes(),
            [0xD9, 0x81 | 0x83 | 0x84 | 0x88, ..] | [0xD8, 0xA8, ..]
        ) {
            return false;
        }
        let stop = |w: &str| w.len() <= self.stop_len && self.entry(w).is_some_and(|e| e.stop);
        let mut rest = word;
        if let Some(r) = CONJUNCTIONS.iter().find_map(|c| rest.strip_prefix(c)) {
            if r.is_empty() || stop(r) {
                // a bare conjunction, or one on a function word
                return true;
            }
            rest = r;
        }
        PREPOSITIONS
            .iter()
            .find_map(|p| rest.strip_prefix(p))
            .is_some_and(|r| !r.is_empty() && stop(r))
    }

    /// Whether a folded word names a month, a weekday or a clock unit.
    #[cfg(test)]
    pub fn is_date_word(&self, word: &str) -> bool {
        self.entry(word).is_some_and(|e| e.date)
    }

    /// The furniture reason of the first lexicon phrase found in the line, under the length
    /// rules stated in `data/clean/furniture.tsv`.
    /// `words` are the folded words of the line and `entries[i]` the entry of `words[i]`.
    pub fn furniture(&self, words: &[&str], entries: &[Option<&Entry>]) -> Option<Reason> {
        let n = words.len();
        for (i, e) in entries.iter().enumerate() {
            let Some(e) = e else { continue };
            for p in &e.phrases {
                let k = p.words.len();
                if k == 1 {
                    // alone, or with a count beside it (التعليقات (3))
                    let alone = words
                        .iter()
                        .enumerate()
                        .all(|(j, w)| j == i || w.bytes().all(|b| b.is_ascii_digit()));
                    if (p.anywhere && n <= 40) || (alone && n <= 3) {
                        return Some(p.reason);
                    }
                    continue;
                }
                if i + k > n {
                    continue;
                }
                let matched = (1..k).all(|j| {
                    let w = words[i + j];
                    if j == k - 1 {
                        w.starts_with(p.words[j].as_str())
                    } else {
                        w == p.words[j]
                    }
                });
                if matched && (n <= 12 || (n <= 40 && i <= 2) || (n <= 16 && i + k + 2 >= n)) {
                    return Some(p.reason);
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn furniture(s: &str) -> Option<Reason> {
        let lx = Lexicon::get();
        let f = fold(s);
        let words: Vec<&str> = f.text.split(' ').filter(|w| !w.is_empty()).collect();
        let entries: Vec<Option<&Entry>> = words.iter().map(|w| lx.entry(w)).collect();
        lx.furniture(&words, &entries)
    }

    #[test]
    fn word_map_finds_every_word_and_no_other() {
        let lx = Lexicon::get();
        for (k, v) in lx.words.keys.iter().zip(&lx.words.values) {
            assert!(std::ptr::eq(lx.entry(k).unwrap(), v), "{k}");
            for cut in 1..k.len() {
                if let Some(pre) = k.get(..cut) {
                    let found = lx.entry(pre).map(std::ptr::from_ref);
                    let own = lx.words.keys.iter().position(|x| **x == *pre);
                    assert_eq!(found, own.map(|i| std::ptr::from_ref(&lx.words.values[i])));
                }
            }
        }
        for w in [
            "",
            "a",
            "ab",
            "abc",
            "وزير",
            "الحكومة",
            "واشنطن بوست الأمريكية",
        ] {
            let own = lx.words.keys.iter().any(|x| **x == *w);
            assert_eq!(lx.entry(w).is_some(), own, "{w}");
        }
    }

    #[test]
    fn stop_words_after_clitics() {
        let lx = Lexicon::get();
        assert!(lx.is_stop("في"));
        assert!(lx.is_stop("وفي"));
        assert!(lx.is_stop("ولكن"));
        assert!(lx.is_stop(&fold("وبأن").text));
        assert!(!lx.is_stop("وزير"));
    }

    #[test]
    fn furniture_phrases() {
        assert_eq!(furniture("إضغط هنا"), Some(Reason::Share));
        assert_eq!(furniture("عنوان التعليق *"), Some(Reason::CommentForm));
        assert_eq!(
            furniture("جميع الحقوق محفوظة لمجموعة العرب اليوم الاعلامية 2025 ©"),
            Some(Reason::Copyright)
        );
        assert_eq!(furniture("اقرأ أيضاً"), Some(Reason::Related));
        assert_eq!(
            furniture("Pearl Bldg.4th floor 4931 Pierre Gemayel"),
            Some(Reason::Address)
        );
        // a one-word phrase inside a headline is not furniture
        assert_eq!(furniture("بحث سبل التعاون العسكري بين مصر وروسيا"), None);
        assert_eq!(furniture("شارك الرئيس في القمة العربية"), None);
        // a count beside a one-word phrase
        assert_eq!(furniture("التعليقات (3)"), Some(Reason::CommentForm));
        assert_eq!(furniture("12 تعليقات"), Some(Reason::CommentForm));
    }

    #[test]
    fn date_words() {
        let lx = Lexicon::get();
        assert!(lx.is_date_word("يناير"));
        assert!(lx.is_date_word(&fold("أيلول").text));
        assert!(lx.is_date_word("gmt"));
    }
}
