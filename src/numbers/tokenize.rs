//! The clitic-aware tokenizer the number grammar reads.
//!
//! Text is cut into words (runs of Arabic letters and their marks), Latin words, digit runs
//! and single punctuation or symbol characters. Whitespace is not a token: each token records
//! the kind of gap that precedes it instead. Arabic words carry a normalized form (no marks or
//! tatweel, one alif, ه for ة, ي for ى) that the lexicons are keyed on, and can be split into
//! proclitics (و ف, ب ل ك, ال) and a stem.

use crate::text::chars::{digit_value, is_arabic_letter};
use std::sync::LazyLock;

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
    /// Any other single character.
    Punct,
}

/// One token: its byte span in the text, its class and its normalized form.
#[derive(Clone, Debug)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub gap: Gap,
    /// Range of the normalized form in [`Tokens::norm`]. For digits: the ASCII digits.
    norm: (u32, u32),
}

/// A tokenized text.
pub(crate) struct Tokens<'a> {
    pub text: &'a str,
    pub toks: Vec<Token>,
    norm: String,
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

/// A word split into clitics and a stem.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Split<'a> {
    pub clitics: Clitics,
    pub stem: &'a str,
}

/// `s` without a leading `c`, a two-byte (Arabic-block) letter; compares bytes directly,
/// which is much cheaper than a general prefix test on this hot path.
fn strip_letter(s: &str, c: char) -> Option<&str> {
    let c = c as u32;
    let (b0, b1) = ((0xC0 | (c >> 6)) as u8, (0x80 | (c & 0x3F)) as u8);
    let b = s.as_bytes();
    if b.len() >= 2 && b[0] == b0 && b[1] == b1 {
        s.get(2..)
    } else {
        None
    }
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{06D6}'..='\u{06ED}')
}

fn fold(c: char) -> Option<char> {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => Some('ا'),
        'ة' => Some('ه'),
        'ى' | 'ی' | 'ې' => Some('ي'),
        'ک' => Some('ك'),
        c if is_mark(c) => None,
        c => Some(c),
    }
}

/// Normalizes an Arabic string the way word tokens are normalized.
pub(crate) fn normalize(s: &str) -> String {
    s.chars().filter_map(fold).collect()
}

fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{00A0}' | '\u{202F}' | '\u{2009}' | '\u{200B}' | '\u{FEFF}'
    )
}

/// Invisible marks of text direction (LRM, RLM, ALM, embeddings, isolates): text pasted from
/// an editor may carry them inside a number (25799\u{202A},\u{202A}52), so they neither part
/// nor join tokens.
fn is_bidi_mark(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// For each char of U+0600..U+06FF: [`NOT_WORD`], [`MARK`], or the letter it folds to.
static ARABIC_FOLD: LazyLock<[u16; 256]> = LazyLock::new(|| {
    let mut table = [NOT_WORD; 256];
    for (slot, cp) in table.iter_mut().zip(0x0600u32..) {
        let c = char::from_u32(cp).expect("the Arabic block holds no surrogates");
        if is_arabic_letter(c) || is_mark(c) {
            *slot = fold(c).map_or(MARK, |f| f as u16);
        }
    }
    table
});

/// In [`ARABIC_FOLD`]: not part of a word.
const NOT_WORD: u16 = 0;
/// In [`ARABIC_FOLD`]: part of a word, dropped from its normalized form.
const MARK: u16 = 1;

/// Folds the run of word characters of the two-byte Arabic block (U+0600..U+06FF) that
/// starts at byte `at` into `norm`, a table lookup each; returns where the run stops. The
/// hot path of tokenizing: nearly every letter of Arabic text is such a character.
fn fold_arabic_run(bytes: &[u8], mut at: usize, norm: &mut String) -> usize {
    let table = &*ARABIC_FOLD;
    while let [b0 @ 0xD8..=0xDB, b1, ..] = bytes[at..] {
        let cp = (u32::from(b0 & 0x1F) << 6) | u32::from(b1 & 0x3F);
        match table[(cp - 0x600) as usize] {
            NOT_WORD => break,
            MARK => {}
            folded => {
                norm.push(char::from_u32(u32::from(folded)).unwrap_or(char::REPLACEMENT_CHARACTER))
            }
        }
        at += 2;
    }
    at
}

impl<'a> Tokens<'a> {
    /// Tokenizes `text` in one pass.
    pub fn new(text: &'a str) -> Self {
        let mut toks = Vec::with_capacity(text.len() / 4);
        let mut norm = String::with_capacity(text.len() / 2);
        let mut gap = Gap::Break;
        // The char at byte `at`, if any.
        let char_at = |at: usize| text[at..].chars().next();
        let mut i = 0;
        while let Some(c) = char_at(i) {
            let start = i;
            i += c.len_utf8();
            if is_bidi_mark(c) {
                continue;
            }
            if is_space(c) {
                if gap == Gap::None {
                    gap = Gap::Space;
                }
                continue;
            }
            if c.is_whitespace() {
                gap = Gap::Break;
                continue;
            }
            let n0 = norm.len() as u32;
            let kind = if is_arabic_letter(c) || is_mark(c) {
                norm.extend(fold(c));
                loop {
                    i = fold_arabic_run(text.as_bytes(), i, &mut norm);
                    // A word character outside the two-byte Arabic block, or the end.
                    match char_at(i) {
                        Some(d) if is_arabic_letter(d) || is_mark(d) => {
                            norm.extend(fold(d));
                            i += d.len_utf8();
                        }
                        _ => break,
                    }
                }
                Kind::Word
            } else if c.is_ascii_alphabetic() {
                norm.push(c);
                while let Some(d) = char_at(i).filter(char::is_ascii_alphabetic) {
                    norm.push(d);
                    i += 1;
                }
                Kind::Latin
            } else if let Some(v) = digit_value(c) {
                norm.push(char::from(b'0' + v as u8));
                while let Some(d) = char_at(i) {
                    let Some(w) = digit_value(d) else { break };
                    norm.push(char::from(b'0' + w as u8));
                    i += d.len_utf8();
                }
                Kind::Digits
            } else {
                norm.push(c);
                Kind::Punct
            };
            if kind == Kind::Word && norm.len() as u32 == n0 {
                // Marks with no letter: not a token.
                continue;
            }
            toks.push(Token {
                start,
                end: i,
                kind,
                gap,
                norm: (n0, norm.len() as u32),
            });
            gap = Gap::None;
        }
        Tokens { text, toks, norm }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The normalized form of token `i` ("" past the end).
    pub fn norm(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => &self.norm[t.norm.0 as usize..t.norm.1 as usize],
            None => "",
        }
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

    /// Every way to read word `i` as clitics plus a stem, the bare word first.
    ///
    /// Stems after a clitic have at least three letters, so that short words such as لست are
    /// not read as ل + ست.
    pub fn splits(&self, i: usize) -> impl Iterator<Item = Split<'_>> {
        let w = if self.kind(i) == Some(Kind::Word) {
            self.norm(i)
        } else {
            ""
        };
        let mut out: [Option<Split>; 8] = [None; 8];
        let mut n = 0;
        // وأحد is و + أحد: a hamza after و shows it is a clitic, though normalizing the
        // hamza away makes the word look like واحد.
        let conj_first = strip_letter(w, 'و')
            .or_else(|| strip_letter(w, 'ف'))
            .is_some();
        let hamza_after_wa = conj_first && {
            let raw = self.toks.get(i).map_or("", |t| &self.text[t.start..t.end]);
            let mut letters = raw.chars().filter(|c| !is_mark(*c));
            letters.next();
            matches!(letters.next(), Some('أ' | 'إ' | 'آ'))
        };
        if !w.is_empty() && !hamza_after_wa {
            out[0] = Some(Split {
                clitics: Clitics::default(),
                stem: w,
            });
            n = 1;
        }
        let conjs: &[Option<char>] = if conj_first {
            &[None, Some('و'), Some('ف')]
        } else {
            &[None]
        };
        for &conj in conjs {
            let Some(after_conj) = (match conj {
                None => Some(w),
                Some(c) => strip_letter(w, c),
            }) else {
                continue;
            };
            for prep in [None, Some('ب'), Some('ل'), Some('ك')] {
                let Some(after_prep) = (match prep {
                    None => Some(after_conj),
                    Some(c) => strip_letter(after_conj, c),
                }) else {
                    continue;
                };
                for article in [false, true] {
                    let stem = if !article {
                        Some(after_prep)
                    } else if prep == Some('ل') {
                        // ل + ال is written لل.
                        strip_letter(after_prep, 'ل')
                    } else {
                        strip_letter(after_prep, 'ا').and_then(|r| strip_letter(r, 'ل'))
                    };
                    let Some(stem) = stem else { continue };
                    let letters = usize::from(conj.is_some())
                        + usize::from(prep.is_some())
                        + if article && prep == Some('ل') {
                            1
                        } else {
                            2 * usize::from(article)
                        };
                    if letters == 0 || stem.chars().nth(2).is_none() || n == out.len() {
                        continue;
                    }
                    out[n] = Some(Split {
                        clitics: Clitics {
                            conj,
                            prep,
                            article,
                            letters,
                        },
                        stem,
                    });
                    n += 1;
                }
            }
        }
        if n > 2 {
            out[..n].sort_by_key(|s| s.map_or(0, |s| s.clitics.letters));
        }
        out.into_iter().flatten()
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
            if is_mark(c) {
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
        let t = Tokens::new("قتل 24 شخصاً، و٣٠٠\nأمس");
        let forms: Vec<&str> = (0..t.len()).map(|i| t.norm(i)).collect();
        assert_eq!(forms, ["قتل", "24", "شخصا", "،", "و", "300", "امس"]);
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
    }
}
