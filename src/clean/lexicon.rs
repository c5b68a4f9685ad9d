//! Word lists compiled into the crate from `data/clean/` and parsed once: Arabic stop words,
//! date and time words, and the page-furniture phrase lexicon.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::fold::{fold, Folded};
use super::reason::Reason;

/// One furniture phrase, folded.
#[derive(Debug)]
struct Phrase {
    words: Vec<String>,
    reason: Reason,
    anywhere: bool,
}

/// The parsed lexicons.
#[derive(Debug)]
pub(crate) struct Lexicon {
    stop: HashSet<String>,
    dates: HashSet<String>,
    credits: HashSet<String>,
    phrases: HashMap<String, Vec<Phrase>>,
}

/// Lines of a word list without comments and blanks.
fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A set of folded one-word entries.
fn word_set(data: &'static str) -> HashSet<String> {
    entries(data).map(|w| fold(w).text).collect()
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut phrases: HashMap<String, Vec<Phrase>> = HashMap::new();
    for line in entries(include_str!("../../data/clean/furniture.tsv")) {
        let (name, phrase) = line
            .split_once('\t')
            .expect("furniture.tsv: reason<TAB>phrase");
        let reason = Reason::from_name(name).expect("furniture.tsv: unknown reason");
        let (anywhere, phrase) = match phrase.strip_prefix('!') {
            Some(p) => (true, p),
            None => (false, phrase),
        };
        let f = fold(phrase);
        let words: Vec<String> = (0..f.len()).map(|i| f.word(i).to_string()).collect();
        phrases.entry(words[0].clone()).or_default().push(Phrase {
            words,
            reason,
            anywhere,
        });
    }
    Lexicon {
        stop: word_set(include_str!("../../data/clean/stopwords_ar.txt")),
        dates: word_set(include_str!("../../data/clean/dates.txt")),
        credits: word_set(include_str!("../../data/clean/credits.txt")),
        phrases,
    }
});

/// The proclitics split off before a stop-word look-up: conjunctions, then prepositions.
const CONJUNCTIONS: [char; 2] = ['و', 'ف'];
const PREPOSITIONS: [char; 3] = ['ب', 'ل', 'ك'];

impl Lexicon {
    /// The shared lexicon.
    pub fn get() -> &'static Lexicon {
        &LEXICON
    }

    /// Whether a folded word is a function word, after splitting و ف and ب ل ك proclitics
    /// (a bare clitic such as "و" standing alone also counts).
    pub fn is_stop(&self, word: &str) -> bool {
        if self.stop.contains(word) {
            return true;
        }
        let mut rest = word;
        for set in [&CONJUNCTIONS[..], &PREPOSITIONS[..]] {
            if let Some(c) = rest.chars().next() {
                if set.contains(&c) && rest.len() > c.len_utf8() {
                    rest = &rest[c.len_utf8()..];
                    if self.stop.contains(rest) {
                        return true;
                    }
                }
            }
        }
        word.chars().count() == 1 && (CONJUNCTIONS.contains(&word.chars().next().unwrap_or(' ')))
    }

    /// Whether a folded word names a month, a weekday or a clock unit.
    pub fn is_date_word(&self, word: &str) -> bool {
        self.dates.contains(word)
    }

    /// Whether a folded word marks a byline or source credit (كتب، بقلم، وكالات، رويترز …).
    pub fn is_credit(&self, word: &str) -> bool {
        self.credits.contains(word)
    }

    /// The furniture reason of the first lexicon phrase found in the line, under the length
    /// rules stated in `data/clean/furniture.tsv`.
    pub fn furniture(&self, f: &Folded) -> Option<Reason> {
        let n = f.len();
        for i in 0..n {
            let Some(cands) = self.phrases.get(f.word(i)) else {
                continue;
            };
            for p in cands {
                let k = p.words.len();
                if k == 1 {
                    if (p.anywhere && n <= 40) || n <= 3 {
                        return Some(p.reason);
                    }
                    continue;
                }
                if i + k > n {
                    continue;
                }
                let matched = (1..k).all(|j| {
                    let w = f.word(i + j);
                    if j == k - 1 {
                        w.starts_with(p.words[j].as_str())
                    } else {
                        w == p.words[j]
                    }
                });
                if matched && (n <= 12 || (n <= 40 && (i <= 2 || i + k + 2 >= n))) {
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
        Lexicon::get().furniture(&fold(s))
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
    }

    #[test]
    fn date_words() {
        let lx = Lexicon::get();
        assert!(lx.is_date_word("يناير"));
        assert!(lx.is_date_word(&fold("أيلول").text));
        assert!(lx.is_date_word("gmt"));
    }
}
