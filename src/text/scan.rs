//! The word scanner: one pass over a text, yielding word spans with their folded forms.
//!
//! Segmentation follows Unicode word segmentation (UAX #29) where Arabic text needs it:
//! combining marks, tatweel and format characters (bidi marks, ZWNJ, ZWJ, isolates) inside a
//! word never split it, and a mark after a letter belongs to that letter's word; spaces, line
//! breaks and the zero-width space separate words. Two refinements on top of UAX #29, both
//! reported through [`Gap`] so that a stage can join the pieces again:
//! - a word is cut where its script changes (Arabic letters, other letters, digits): و٣٠٠ is
//!   و and ٣٠٠, with [`Gap::None`] between them;
//! - a ZWNJ between an Arabic letter that joins the next one and another Arabic letter is, in
//!   Arabic text, often a space that does not show (سيرغي‌لافروف), and sometimes a writer's
//!   habit inside one word (شك‌ري): the scanner reports the second piece with [`Gap::Joiner`],
//!   and [`hidden_space`] is the one rule by which a stage tells the two apart with its own
//!   lexicon.
//!
//! Punctuation and symbols are words of one character (with any marks written on them). A
//! word's span never ends with a format character: a bidi mark or ZWNJ after the last letter
//! is left between the words.

use std::sync::LazyLock;

use super::chars::{class, joins_next, Class};
use super::fold::{fold_char, push_folded, Digits, Fold};

/// The class of a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Arabic letters.
    Arabic,
    /// ASCII letters.
    Latin,
    /// Letters of another script.
    Letters,
    /// Digits (of one script or several).
    Digits,
    /// One punctuation or symbol character.
    Punct,
}

/// What separates a word from the one before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gap {
    /// Nothing: the two touch (a change of script, or punctuation).
    None,
    /// A ZWNJ that stands for a space between two Arabic words (see the module docs).
    Joiner,
    /// Spaces, tabs or zero-width spaces, on the same line.
    Space,
    /// A line break, or the start of the text.
    Break,
}

/// Whether the ZWNJ between two Arabic pieces (reported as [`Gap::Joiner`]) is a space:
/// `joined` is the folded word with the ZWNJ dropped, of which the first `split` bytes come
/// before it. It is a space when the joined word is not a known word but both sides are,
/// each of two letters at least (no Arabic word stands alone as one letter, so a single
/// letter is a piece of a word whatever a lexicon holds); `known` is the stage's lexicon.
pub fn hidden_space(joined: &str, split: usize, known: impl Fn(&str) -> bool) -> bool {
    let word = |s: &str| s.chars().nth(1).is_some() && known(s);
    match (joined.get(..split), joined.get(split..)) {
        (Some(left), Some(right)) => word(left) && word(right) && !known(joined),
        _ => false,
    }
}

/// One word of a scanned text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// The class of the word.
    pub kind: Kind,
    /// What separates it from the word before.
    pub gap: Gap,
    /// The byte range of the folded form in [`Words::folded`].
    pub folded: (u32, u32),
}

/// The words of one text and their folded forms; reusable across texts.
#[derive(Clone, Debug, Default)]
pub struct Words {
    /// The words in text order.
    pub words: Vec<Word>,
    /// The folded forms of the words, back to back.
    pub folded: String,
}

impl Words {
    /// Scans `text` with the search fold, replacing what this held.
    pub fn scan(&mut self, text: &str, digits: Digits) {
        self.words.clear();
        self.folded.clear();
        Scanner {
            text,
            digits,
            out: self,
            open: None,
            gap: Gap::Break,
        }
        .run();
    }

    /// The words of `text`, scanned with ASCII digits.
    pub fn of(text: &str) -> Words {
        let mut w = Words::default();
        w.scan(text, Digits::Ascii);
        w
    }

    /// The folded form of word `i` ("" past the end).
    pub fn folded(&self, i: usize) -> &str {
        self.words.get(i).map_or("", |w| {
            &self.folded[w.folded.0 as usize..w.folded.1 as usize]
        })
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when the text had no word.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// The word being read.
#[derive(Clone, Copy)]
struct Open {
    word: Word,
    /// The last letter, for the ZWNJ rule.
    last: char,
}

struct Scanner<'t, 'w> {
    text: &'t str,
    digits: Digits,
    out: &'w mut Words,
    open: Option<Open>,
    /// The gap before the next word.
    gap: Gap,
}

/// For the two-byte fast path, what each character of U+0600..U+06FF does inside an Arabic
/// word: [`LETTER`] (kept as it is), [`SILENT`] (a mark or tatweel, not copied), [`ENDS`]
/// (it ends the word), or the code point of the letter it folds to.
static ARABIC_BLOCK: LazyLock<[u32; 256]> = LazyLock::new(|| {
    let mut t = [ENDS; 256];
    for (slot, cp) in t.iter_mut().zip(0x0600u32..) {
        let c = char::from_u32(cp).unwrap_or('\0');
        *slot = match (class(c), fold_char(c, Digits::Ascii)) {
            (Class::ArabicLetter, Fold::To(t)) => u32::from(t),
            (Class::ArabicLetter, _) => LETTER,
            (Class::Diacritic | Class::Mark | Class::Tatweel, _) => SILENT,
            _ => ENDS,
        };
    }
    t
});

/// In [`ARABIC_BLOCK`]: a letter that folds to itself.
const LETTER: u32 = 0;
/// In [`ARABIC_BLOCK`]: a mark or tatweel inside the word.
const SILENT: u32 = 1;
/// In [`ARABIC_BLOCK`]: a character that ends the word.
const ENDS: u32 = 2;

impl Scanner<'_, '_> {
    fn run(mut self) {
        let bytes = self.text.as_bytes();
        let block = &*ARABIC_BLOCK;
        let mut i = 0;
        while i < bytes.len() {
            // The fast path: Arabic letters and marks continuing an Arabic word.
            if let Some(open) = self.open.as_mut().filter(|o| o.word.kind == Kind::Arabic) {
                let folded = &mut self.out.folded;
                // Letters that fold to themselves are copied a run at a time.
                let (from, mut run, mut last) = (i, i, None);
                while let [b0 @ 0xD8..=0xDB, b1, ..] = bytes[i..] {
                    let low = usize::from(b0 & 0x03) << 6 | usize::from(b1 & 0x3F);
                    match block[low] {
                        LETTER => last = Some(low),
                        SILENT => {
                            folded.push_str(&self.text[run..i]);
                            run = i + 2;
                        }
                        ENDS => break,
                        to => {
                            folded.push_str(&self.text[run..i]);
                            folded.push(char::from_u32(to).unwrap_or('\u{FFFD}'));
                            run = i + 2;
                            last = Some(low);
                        }
                    }
                    i += 2;
                }
                folded.push_str(&self.text[run..i]);
                if i > from {
                    open.word.end = i;
                }
                if let Some(low) = last {
                    open.last = char::from_u32(0x600 + low as u32).unwrap_or('\0');
                }
                if i >= bytes.len() {
                    break;
                }
            }
            let c = self.text[i..].chars().next().unwrap_or('\0');
            let at = i;
            i += c.len_utf8();
            let k = class(c);
            match k {
                Class::LineBreak => {
                    self.close();
                    self.gap = Gap::Break;
                }
                Class::Space | Class::InvisibleSpace => {
                    self.close();
                    if matches!(self.gap, Gap::None | Gap::Joiner) {
                        self.gap = Gap::Space;
                    }
                }
                Class::Format => {
                    let Some(open) = &self.open else { continue };
                    if c == '\u{200C}'
                        && open.word.kind == Kind::Arabic
                        && joins_next(open.last)
                        && self.text[i..]
                            .chars()
                            .next()
                            .is_some_and(|d| class(d) == Class::ArabicLetter)
                    {
                        self.close();
                        self.gap = Gap::Joiner;
                    }
                }
                Class::Diacritic | Class::Mark | Class::Extend | Class::Tatweel => {
                    if let Some(open) = &mut self.open {
                        push_folded(c, fold_char(c, self.digits), &mut self.out.folded);
                        open.word.end = i;
                    }
                }
                Class::ArabicLetter | Class::Letter | Class::Digit | Class::Punct => {
                    let kind = match k {
                        Class::ArabicLetter => Kind::Arabic,
                        Class::Letter if c.is_ascii_alphabetic() => Kind::Latin,
                        Class::Letter => Kind::Letters,
                        Class::Digit => Kind::Digits,
                        _ => Kind::Punct,
                    };
                    let same = self
                        .open
                        .is_some_and(|o| o.word.kind == kind && kind != Kind::Punct);
                    if !same {
                        self.close();
                        let n = self.out.folded.len() as u32;
                        self.open = Some(Open {
                            word: Word {
                                start: at,
                                end: at,
                                kind,
                                gap: self.gap,
                                folded: (n, n),
                            },
                            last: c,
                        });
                        self.gap = Gap::None;
                        if kind == Kind::Arabic && ('\u{0600}'..='\u{06FF}').contains(&c) {
                            // the fast path above reads the word from its first letter
                            i = at;
                            continue;
                        }
                    }
                    push_folded(c, fold_char(c, self.digits), &mut self.out.folded);
                    if let Some(open) = &mut self.open {
                        open.word.end = i;
                        open.last = c;
                    }
                }
            }
        }
        self.close();
    }

    /// Ends the word being read, if any.
    fn close(&mut self) {
        if let Some(open) = self.open.take() {
            let mut w = open.word;
            w.folded.1 = self.out.folded.len() as u32;
            self.out.words.push(w);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (text of the span, folded form, gap) of each word.
    fn scan(text: &str) -> Vec<(&str, String, Gap)> {
        let w = Words::of(text);
        (0..w.len())
            .map(|i| {
                let x = w.words[i];
                (&text[x.start..x.end], w.folded(i).to_string(), x.gap)
            })
            .collect()
    }

    #[test]
    fn words_punctuation_and_gaps() {
        let got = scan("قتل 24 شخصاً، و٣٠٠\nأمس");
        let spans: Vec<&str> = got.iter().map(|x| x.0).collect();
        assert_eq!(spans, ["قتل", "24", "شخصاً", "،", "و", "٣٠٠", "أمس"]);
        let folded: Vec<&str> = got.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(folded, ["قتل", "24", "شخصا", "،", "و", "300", "امس"]);
        let gaps: Vec<Gap> = got.iter().map(|x| x.2).collect();
        use Gap::*;
        assert_eq!(gaps, [Break, Space, Space, None, Space, None, Break]);
    }

    #[test]
    fn invisible_characters_and_marks_stay_inside_a_word() {
        for text in [
            "مر\u{200F}حبا",
            "مر\u{200D}حبا",
            "مر\u{0615}حبا",
            "مر\u{06ED}حبا",
            "مر\u{0640}حبا",
            "مر\u{2067}حبا",
            "مر\u{061C}حبا",
            "مرَحبا",
            "مرحبا\u{064B}",
            "\u{200F}مرحبا\u{200F}",
        ] {
            let got = scan(text);
            assert_eq!(got.len(), 1, "{text:?}: {got:?}");
            assert_eq!(got[0].1, "مرحبا", "{text:?}");
            assert!(!got[0].0.ends_with(['\u{200F}']), "{text:?}");
        }
        assert_eq!(scan("مرحبا\u{200B}بك").len(), 2);
    }

    #[test]
    fn a_zwnj_after_a_joining_letter_is_a_hidden_space() {
        let got = scan("سيرغي\u{200C}لافروف");
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].0, "سيرغي");
        assert_eq!(got[1].0, "لافروف");
        assert_eq!(got[1].2, Gap::Joiner);
        // after ا the ZWNJ changes nothing: one word
        assert_eq!(scan("ا\u{200C}لف").len(), 1);
        // a ZWNJ before a space is left between the words
        let got = scan("خمسة\u{200C} آلاف");
        assert_eq!(got[0].0, "خمسة");
        assert_eq!(got[1].2, Gap::Space);
    }

    #[test]
    fn a_zwnj_is_a_space_between_two_known_words_only() {
        let known = |w: &str| ["سيرغي", "لافروف", "شكري"].contains(&w);
        assert!(hidden_space("سيرغيلافروف", "سيرغي".len(), known));
        assert!(!hidden_space("شكري", "شك".len(), known));
        assert!(!hidden_space("سيرغيلا", "سيرغي".len(), known));
        assert!(!hidden_space("سيرغي", 1, known));
        // a lexicon may hold single letters and fragments: a one-letter piece stays in its word
        let lenient = |w: &str| !["قالت", "المتح", "كتابقلم"].contains(&w);
        assert!(!hidden_space("قالت", "ق".len(), lenient));
        assert!(!hidden_space("المتح", "المت".len(), lenient));
        assert!(hidden_space("كتابقلم", "كتاب".len(), lenient));
    }

    #[test]
    fn scripts_and_digits() {
        let got = scan("Nasa ٢٠١٨م café 5كم");
        let folded: Vec<&str> = got.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(folded, ["nasa", "2018", "م", "caf", "é", "5", "كم"]);
        let w = Words::of("A1");
        assert_eq!(w.words[0].kind, Kind::Latin);
        assert_eq!(w.words[1].kind, Kind::Digits);
    }

    #[test]
    fn orphan_marks_are_no_word() {
        assert!(Words::of(" \u{064E}\u{0640} \u{200F}").is_empty());
        let got = scan("(\u{064E}");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "(\u{064E}");
    }

    #[test]
    fn spans_slice_the_text_for_any_input() {
        let mut rng = crate::test_rng::XorShift::new(0x2545_F491_4F6C_DD1D);
        let pool = [
            'ب', 'ي', 'ا', ' ', '\n', '\u{200C}', '\u{200F}', '\u{064E}', '\u{0640}', '٣', '7',
            'a', 'É', ',', '،', '\u{200B}', '😀', 'ة', '\u{0301}',
        ];
        for _ in 0..5_000 {
            let mut s = String::new();
            for _ in 0..rng.below(16) {
                s.push(pool[rng.below(pool.len())]);
            }
            let w = Words::of(&s);
            let mut last = 0;
            for (i, word) in w.words.iter().enumerate() {
                assert!(word.start < word.end && word.start >= last, "{s:?}");
                assert!(s.get(word.start..word.end).is_some(), "{s:?}");
                assert!(!w.folded(i).is_empty(), "{s:?}");
                last = word.end;
            }
        }
    }
}
