//! The proclitic and enclitic enumerator: every way a folded Arabic word can be read as
//! clitics around a stem. It decides nothing: each stage keeps its own policy (entities weigh
//! the readings by word frequency and name knowledge, numbers try them all).
//!
//! Proclitics come in a fixed order: a conjunction (و ف), then a preposition or the future
//! prefix (ب ل ك س), then the article ال, which after ل loses its alif (لل = ل + ال).

/// Conjunctions, the outermost proclitics.
pub const CONJUNCTIONS: [char; 2] = ['و', 'ف'];
/// Prepositions and the future prefix, after a conjunction.
pub const PREPOSITIONS: [char; 4] = ['ب', 'ل', 'ك', 'س'];
/// Enclitic pronouns (folded), longest first.
pub const ENCLITICS: [&str; 10] = ["هما", "كما", "هم", "هن", "كم", "كن", "ها", "نا", "ه", "ك"];

/// The proclitics of one reading of a word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Proclitics {
    /// و or ف.
    pub conj: Option<char>,
    /// ب, ل, ك or س.
    pub prep: Option<char>,
    /// The article ال (written ل after the preposition ل).
    pub article: bool,
}

impl Proclitics {
    /// Letters of the folded word taken by the conjunction and the preposition.
    pub fn outer_letters(&self) -> usize {
        usize::from(self.conj.is_some()) + usize::from(self.prep.is_some())
    }

    /// Letters of the folded word taken by all the proclitics (ال counts two letters, one
    /// after ل).
    pub fn letters(&self) -> usize {
        let article = match (self.article, self.prep) {
            (false, _) => 0,
            (true, Some('ل')) => 1,
            (true, _) => 2,
        };
        self.outer_letters() + article
    }

    /// True for the article written لل after the preposition ل.
    pub fn lam_al(&self) -> bool {
        self.article && self.prep == Some('ل')
    }
}

/// One reading of a folded word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reading<'a> {
    /// The proclitics read off the front.
    pub clitics: Proclitics,
    /// The word without its conjunction and preposition, the article kept (after لل, the
    /// article without its alif: لل + امم gives لامم).
    pub rest: &'a str,
    /// The word without any proclitic.
    pub stem: &'a str,
}

/// `s` without a leading `c`, a two-byte (Arabic-block) letter; compares bytes directly.
#[inline]
fn strip_letter(s: &str, c: char) -> Option<&str> {
    let c = c as u32;
    let (b0, b1) = ((0xC0 | (c >> 6)) as u8, (0x80 | (c & 0x3F)) as u8);
    match s.as_bytes() {
        [x, y, ..] if *x == b0 && *y == b1 => s.get(2..),
        _ => None,
    }
}

/// Every reading of the folded word `word` as proclitics and a stem, the bare word first and
/// then by the number of letters the proclitics take; readings that leave an empty stem are
/// left out. At most eight readings.
pub fn proclitics(word: &str) -> impl Iterator<Item = Reading<'_>> {
    let mut out: [Option<Reading>; 8] = [None; 8];
    let mut n = 0;
    let conj = CONJUNCTIONS
        .into_iter()
        .find(|&c| strip_letter(word, c).is_some());
    for conj in [None, conj]
        .into_iter()
        .enumerate()
        .filter_map(|(i, c)| (i == 0 || c.is_some()).then_some(c))
    {
        let Some(after_conj) = conj.map_or(Some(word), |c| strip_letter(word, c)) else {
            continue;
        };
        let prep = PREPOSITIONS
            .into_iter()
            .find(|&p| strip_letter(after_conj, p).is_some());
        for prep in [None, prep]
            .into_iter()
            .enumerate()
            .filter_map(|(i, p)| (i == 0 || p.is_some()).then_some(p))
        {
            let Some(after_prep) = prep.map_or(Some(after_conj), |p| strip_letter(after_conj, p))
            else {
                continue;
            };
            for article in [false, true] {
                let stem = if !article {
                    Some(after_prep)
                } else if prep == Some('ل') {
                    strip_letter(after_prep, 'ل')
                } else {
                    strip_letter(after_prep, 'ا').and_then(|r| strip_letter(r, 'ل'))
                };
                if let Some(stem) = stem.filter(|s| !s.is_empty()) {
                    let clitics = Proclitics {
                        conj,
                        prep,
                        article,
                    };
                    out[n] = Some(Reading {
                        clitics,
                        rest: after_prep,
                        stem,
                    });
                    n += 1;
                }
            }
        }
    }
    out[..n].sort_by_key(|r| r.map_or(0, |r| r.clitics.letters()));
    out.into_iter().flatten()
}

/// Every reading of the folded stem `stem` as a shorter stem and an enclitic pronoun, longest
/// pronoun first: `(stem, pronoun)`.
pub fn enclitics(stem: &str) -> impl Iterator<Item = (&str, &'static str)> {
    ENCLITICS.into_iter().filter_map(move |e| {
        stem.strip_suffix(e)
            .filter(|s| !s.is_empty())
            .map(|s| (s, e))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn readings(word: &str) -> Vec<(usize, &str, &str)> {
        proclitics(word)
            .map(|r| (r.clitics.letters(), r.rest, r.stem))
            .collect()
    }

    #[test]
    fn every_reading_in_order() {
        assert_eq!(
            readings("وبالالف"),
            [
                (0, "وبالالف", "وبالالف"),
                (1, "بالالف", "بالالف"),
                (2, "الالف", "الالف"),
                (4, "الالف", "الف"),
            ]
        );
        assert_eq!(
            readings("للامم"),
            [(0, "للامم", "للامم"), (1, "لامم", "لامم"), (2, "لامم", "امم")]
        );
        let lam_al = proclitics("للامم").find(|r| r.clitics.lam_al()).unwrap();
        assert_eq!(lam_al.clitics.prep, Some('ل'));
        assert_eq!(readings("القاهره")[1], (2, "القاهره", "قاهره"));
        assert_eq!(readings("كتاب"), [(0, "كتاب", "كتاب"), (1, "تاب", "تاب")]);
    }

    #[test]
    fn no_empty_stem_and_no_non_arabic_reading() {
        assert_eq!(readings("و"), [(0, "و", "و")]);
        assert_eq!(readings("ال"), [(0, "ال", "ال")]);
        assert_eq!(readings("abc"), [(0, "abc", "abc")]);
        assert!(readings("").is_empty());
    }

    #[test]
    fn enclitic_pronouns() {
        let got: Vec<(&str, &str)> = enclitics("كتابها").collect();
        assert_eq!(got, [("كتاب", "ها")]);
        let got: Vec<(&str, &str)> = enclitics("كتابهما").collect();
        assert_eq!(got, [("كتاب", "هما")]);
        assert_eq!(enclitics("ه").count(), 0);
    }
}
