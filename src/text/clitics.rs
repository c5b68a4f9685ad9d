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
pub fn proclitics(word: &str) -> Readings<'_> {
    let mut readings = Readings {
        word,
        conj: None,
        prep: [None; 2],
        slots: [Slot::default(); 8],
        len: 0,
        next: 0,
    };
    // Readings in the order they are generated (conjunction, preposition, article); a
    // stable insertion by letters keeps that order among readings of equal length.
    let add = |r: &mut Readings, slot: Slot| {
        let letters = r.clitics(slot.code).letters();
        let mut k = usize::from(r.len);
        while k > 0 && r.clitics(r.slots[k - 1].code).letters() > letters {
            r.slots[k] = r.slots[k - 1];
            k -= 1;
        }
        r.slots[k] = slot;
        r.len += 1;
    };
    let at = |rest: &str| (word.len() - rest.len()) as u8;
    readings.conj = CONJUNCTIONS
        .into_iter()
        .find(|&c| strip_letter(word, c).is_some());
    let after_conj = [
        Some(word),
        readings.conj.and_then(|c| strip_letter(word, c)),
    ];
    for (c, after_conj) in after_conj.into_iter().enumerate() {
        let Some(after_conj) = after_conj else {
            continue;
        };
        let prep = PREPOSITIONS
            .into_iter()
            .find(|&p| strip_letter(after_conj, p).is_some());
        readings.prep[c] = prep;
        let rest = [
            Some(after_conj),
            prep.and_then(|p| strip_letter(after_conj, p)),
        ];
        for (p, rest) in rest.into_iter().enumerate() {
            let Some(rest) = rest else {
                continue;
            };
            let code = (c as u8) << 2 | (p as u8) << 1;
            if !rest.is_empty() {
                let slot = Slot {
                    code,
                    rest: at(rest),
                    stem: at(rest),
                };
                add(&mut readings, slot);
            }
            let lam = p == 1 && prep == Some('ل');
            let stem = if lam {
                strip_letter(rest, 'ل')
            } else {
                strip_letter(rest, 'ا').and_then(|r| strip_letter(r, 'ل'))
            };
            if let Some(stem) = stem.filter(|s| !s.is_empty()) {
                let slot = Slot {
                    code: code | 1,
                    rest: at(rest),
                    stem: at(stem),
                };
                add(&mut readings, slot);
            }
        }
    }
    readings
}

/// One reading, as [`Readings`] keeps it: the clitics (conjunction 4, preposition 2,
/// article 1) and the byte offsets of the rest and the stem (the proclitics take at most
/// four letters, so a byte each is enough).
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    code: u8,
    rest: u8,
    stem: u8,
}

/// The readings of one word as proclitics and a stem, in the order [`proclitics`] gives.
#[derive(Clone, Debug)]
pub struct Readings<'a> {
    word: &'a str,
    /// The conjunction the word starts with, if any.
    conj: Option<char>,
    /// The preposition after no conjunction, and after the conjunction.
    prep: [Option<char>; 2],
    /// The readings, in output order.
    slots: [Slot; 8],
    len: u8,
    next: u8,
}

impl Readings<'_> {
    /// The proclitics of the reading with `code`.
    #[inline]
    fn clitics(&self, code: u8) -> Proclitics {
        let conj = (code & 4 != 0).then_some(self.conj).flatten();
        let prep = (code & 2 != 0)
            .then_some(self.prep[usize::from(conj.is_some())])
            .flatten();
        Proclitics {
            conj,
            prep,
            article: code & 1 != 0,
        }
    }
}

impl<'a> Iterator for Readings<'a> {
    type Item = Reading<'a>;

    #[inline]
    fn next(&mut self) -> Option<Reading<'a>> {
        if self.next >= self.len {
            return None;
        }
        let slot = self.slots[usize::from(self.next)];
        self.next += 1;
        Some(Reading {
            clitics: self.clitics(slot.code),
            rest: self.word.get(usize::from(slot.rest)..).unwrap_or(""),
            stem: self.word.get(usize::from(slot.stem)..).unwrap_or(""),
        })
    }
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
