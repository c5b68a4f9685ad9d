//! The number grammar's view of the words of a text, read through [`crate::text`].
//!
//! Tokens are the scanner's words (runs of Arabic letters with their marks and invisible
//! characters, Latin words, digit runs, single punctuation or symbol characters); a ZWNJ
//! inside an Arabic word never splits it here (the grammar matches number words, which a ZWNJ
//! never parts). Whitespace is not a token: each token records the kind of gap that precedes
//! it. Arabic words carry the search fold that the lexicons are keyed on; Latin words keep
//! their case (US is not us). Of the clitic readings that [`crate::text::clitics`] lists, the
//! grammar tries every one with و ف, ب ل ك and ال whose stem keeps three letters.

use crate::text::chars::{class, Class};
use crate::text::clitics::{proclitics, Proclitics, Reading};
use crate::text::fold::{fold_char, push_folded, Digits, Fold};
use crate::text::scan::{self, Words};

/// What separates a token from the one before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gap {
    /// The tokens touch.
    None,
    /// Spaces or tabs only.
    Space,
    /// A line break (or the start of the text).
    Break,
}

/// The class of a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of Arabic letters.
    Word,
    /// A run of ASCII letters.
    Latin,
    /// A run of digits of one script or several.
    Digits,
    /// Any other character (or a run of letters of another script).
    Punct,
}

/// One token: its byte span in the text, its class and its normalized form.
#[derive(Clone, Debug)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub gap: Gap,
    /// Range of the normalized form in the scanned words' buffer. For digits: the ASCII
    /// digits; for a Latin word: the word in its case, copied after the scanned forms.
    norm: (u32, u32),
}

/// A tokenized text.
pub(crate) struct Tokens<'a> {
    pub text: &'a str,
    pub toks: Vec<Token>,
    words: Words,
}

/// The proclitics found at the front of a word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Clitics {
    /// و or ف.
    pub conj: Option<char>,
    /// ب, ل or ك.
    pub prep: Option<char>,
    /// The article ال.
    pub article: bool,
    /// Letters taken by the clitics.
    pub letters: usize,
}

impl Clitics {
    /// Letters to skip so that a span keeps ال but not و/ف/ب/ل/ك; with ل + ال (لل), where the
    /// article has lost its alif, the span starts at the stem.
    pub fn lead(&self) -> usize {
        if self.prep == Some('ل') && self.article {
            self.letters
        } else {
            usize::from(self.conj.is_some()) + usize::from(self.prep.is_some())
        }
    }
}

impl From<Proclitics> for Clitics {
    fn from(p: Proclitics) -> Clitics {
        Clitics {
            conj: p.conj,
            prep: p.prep,
            article: p.article,
            letters: p.letters(),
        }
    }
}

/// A word split into clitics and a stem.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Split<'a> {
    pub clitics: Clitics,
    pub stem: &'a str,
}

/// Normalizes a lexicon entry the way word tokens are normalized: the search fold, Latin
/// letters kept in their case.
pub(crate) fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            push_folded(c, fold_char(c, Digits::Ascii), &mut out);
        }
    }
    out
}

/// The clitic readings the grammar tries for the folded Arabic word `w` written `raw`.
///
/// Stems after a clitic have at least three letters, so that short words such as لست are
/// not read as ل + ست. A hamza after و shows that the و is a clitic (وأحد is و + أحد,
/// though the fold makes it look like واحد): such a word is not read bare.
fn grammar_readings<'w>(w: &'w str, raw: &str) -> impl Iterator<Item = Reading<'w>> {
    let hamza_after_wa = w.starts_with(['و', 'ف']) && {
        let mut letters = raw.chars().filter(|&c| class(c) == Class::ArabicLetter);
        letters.next();
        matches!(letters.next(), Some('أ' | 'إ' | 'آ'))
    };
    proclitics(w).filter(move |r| {
        if r.clitics == Proclitics::default() {
            return !hamza_after_wa;
        }
        r.clitics.prep != Some('س') && r.stem.chars().nth(2).is_some()
    })
}

impl<'a> Tokens<'a> {
    /// Tokenizes `text` in one pass.
    pub fn new(text: &'a str) -> Self {
        let mut words = Words::default();
        words.scan(text, Digits::Ascii);
        let mut toks: Vec<Token> = Vec::with_capacity(words.len());
        for w in &words.words {
            let kind = match w.kind {
                scan::Kind::Arabic => Kind::Word,
                scan::Kind::Latin => Kind::Latin,
                scan::Kind::Digits => Kind::Digits,
                scan::Kind::Letters | scan::Kind::Punct => Kind::Punct,
            };
            let gap = match w.gap {
                scan::Gap::Joiner => {
                    if let Some(last) = toks.last_mut() {
                        // the ZWNJ is inside the word: the two pieces are one token
                        last.end = w.end;
                        last.norm.1 = w.folded.1;
                        continue;
                    }
                    Gap::None
                }
                scan::Gap::None => Gap::None,
                scan::Gap::Space => Gap::Space,
                scan::Gap::Break => Gap::Break,
            };
            let word = &text[w.start..w.end];
            let norm = if kind == Kind::Latin && word.bytes().all(|b| b.is_ascii_alphabetic()) {
                let n = words.folded.len() as u32;
                words.folded.push_str(word);
                (n, words.folded.len() as u32)
            } else {
                w.folded
            };
            toks.push(Token {
                start: w.start,
                end: w.end,
                kind,
                gap,
                norm,
            });
        }
        Tokens { text, toks, words }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The normalized form of token `i` ("" past the end).
    pub fn norm(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| {
            &self.words.folded[t.norm.0 as usize..t.norm.1 as usize]
        })
    }

    /// The kind of token `i`, if there is one.
    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// True when token `i` exists and follows the previous token after spaces or nothing.
    pub fn joined(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.gap != Gap::Break)
    }

    /// True when token `i` exists and touches the previous token.
    pub fn touching(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.gap == Gap::None)
    }

    /// True when token `i` is a word (Arabic or Latin) with normalized form `s`.
    pub fn is(&self, i: usize, s: &str) -> bool {
        i < self.toks.len() && self.norm(i) == s
    }

    /// Every way to read word `i` as clitics (و ف, ب ل ك, ال) plus a stem, the bare word
    /// first and then by the letters the clitics take (see [`grammar_readings`]).
    pub fn splits(&self, i: usize) -> impl Iterator<Item = Split<'_>> {
        let (w, raw) = match self.toks.get(i) {
            Some(t) if t.kind == Kind::Word => (self.norm(i), &self.text[t.start..t.end]),
            _ => ("", ""),
        };
        grammar_readings(w, raw).map(|r| Split {
            clitics: r.clitics.into(),
            stem: r.stem,
        })
    }

    /// Byte offset in the text where the stem of word `i` starts once `letters` clitic
    /// letters are skipped (marks after a clitic letter stay with it).
    pub fn stem_start(&self, i: usize, letters: usize) -> usize {
        let t = &self.toks[i];
        if letters == 0 {
            return t.start;
        }
        let mut seen = 0;
        for (j, c) in self.text[t.start..t.end].char_indices() {
            if fold_char(c, Digits::Ascii) == Fold::Drop {
                continue;
            }
            if seen == letters {
                return t.start + j;
            }
            seen += 1;
        }
        t.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_and_gaps() {
        let t = Tokens::new("قتل 24 شخصاً، و٣٠٠\nأمس US");
        let forms: Vec<&str> = (0..t.len()).map(|i| t.norm(i)).collect();
        assert_eq!(forms, ["قتل", "24", "شخصا", "،", "و", "300", "امس", "US"]);
        assert_eq!(t.toks[1].gap, Gap::Space);
        assert_eq!(t.toks[5].gap, Gap::None);
        assert_eq!(t.toks[6].gap, Gap::Break);
    }

    #[test]
    fn clitic_splits() {
        let t = Tokens::new("وبالألف لست");
        let stems: Vec<&str> = t.splits(0).map(|s| s.stem).collect();
        assert!(stems.contains(&"الف"));
        let s = t.splits(0).find(|s| s.stem == "الف").unwrap();
        assert_eq!(s.clitics.letters, 4);
        assert_eq!(&t.text[t.stem_start(0, 4)..t.toks[0].end], "ألف");
        assert!(t.splits(1).all(|s| s.stem != "ست"));
        let t = Tokens::new("وأحد");
        assert!(t.splits(0).all(|s| s.stem != "واحد"));
    }

    #[test]
    fn invisible_characters_inside_a_word_change_nothing() {
        for text in [
            "خمسة آلاف",
            "خم\u{200C}سة آ\u{200F}لاف",
            "خمـسة\u{200C} آلاف",
            "خمس\u{0615}ة آلاف",
        ] {
            let t = Tokens::new(text);
            let forms: Vec<&str> = (0..t.len()).map(|i| t.norm(i)).collect();
            assert_eq!(forms, ["خمسه", "الاف"], "{text:?}");
            assert_eq!(t.toks[1].gap, Gap::Space);
        }
    }
}
