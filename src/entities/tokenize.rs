//! Word tokenizer with byte offsets and clitic analysis.
//!
//! A token is a run of letters, digits and combining marks, or one punctuation character.
//! Arabic words are split into proclitics (و ف, then ب ل ك س, then ال; لل is ل + ال), a base
//! (what an entity span keeps: the word without conjunctions and prepositions, ال included)
//! and a stem (the base without ال and without an enclitic pronoun). The lexicon learned from
//! unlabeled news decides doubtful cases: بمدينة → ب + مدينة because مدينة is the more frequent
//! word, while بريطانيا stays whole.

use super::fold::fold_char;
use super::lexicon::Lexicon;
use crate::text::chars::is_arabic_letter;

/// The broad class of a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Arabic letters (with marks).
    Arabic,
    /// Latin letters starting with a capital.
    LatinUpper,
    /// Latin letters, lower case first.
    LatinLower,
    /// Digits only.
    Number,
    /// Letters and digits mixed, or letters of another script.
    Mixed,
    /// One punctuation or symbol character.
    Punct,
}

/// A byte range into [`Tokens::buf`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Span {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

/// One token of the input text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the token in the text.
    pub start: usize,
    /// Byte offset one past the token.
    pub end: usize,
    /// Byte offset where an entity starting at this token begins (after و ف ب ل ك س).
    pub core: usize,
    /// Class of the token.
    pub shape: Shape,
    /// The folded token.
    pub word: Span,
    /// The folded proclitics that the span leaves out (empty when none).
    pub prefix: Span,
    /// The folded word without those proclitics, ال kept (لل restored to ال).
    pub base: Span,
    /// The base without ال and without an enclitic pronoun.
    pub stem: Span,
    /// True when the base starts with the article.
    pub article: bool,
    /// True when an enclitic pronoun was removed from the stem.
    pub enclitic: bool,
}

/// Tokens of one text and the buffer holding their folded forms; reusable across calls.
#[derive(Default, Debug)]
pub struct Tokens {
    /// The tokens in text order.
    pub tokens: Vec<Token>,
    /// Folded forms referenced by the tokens' spans.
    pub buf: String,
    chars: Vec<(usize, char)>,
}

impl Tokens {
    /// The folded text of a span.
    pub fn get(&self, span: Span) -> &str {
        &self.buf[span.start as usize..span.end as usize]
    }
}

fn is_word_char(c: char) -> bool {
    // Arabic letters first: `is_alphanumeric` looks them up in a slow general table.
    is_arabic_letter(c)
        || c.is_alphanumeric()
        || matches!(
            c,
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{200C}' | '\u{200D}'
        )
}

const CONJ: [char; 2] = ['و', 'ف'];
const PREP: [char; 4] = ['ب', 'ل', 'ك', 'س'];
const ENCLITICS: [&str; 10] = ["هما", "كما", "هم", "هن", "كم", "كن", "ها", "نا", "ه", "ك"];

/// Splits `text` into tokens, replacing what `out` held.
pub fn tokenize(text: &str, lex: &Lexicon, out: &mut Tokens) {
    out.tokens.clear();
    out.buf.clear();
    let mut iter = text.char_indices().peekable();
    while let Some((start, c)) = iter.next() {
        if c.is_whitespace() {
            continue;
        }
        if !is_word_char(c) {
            let end = start + c.len_utf8();
            let s = out.buf.len() as u32;
            out.buf.push(c);
            let span = Span {
                start: s,
                end: out.buf.len() as u32,
            };
            out.tokens.push(Token {
                start,
                end,
                core: start,
                shape: Shape::Punct,
                word: span,
                prefix: Span { start: s, end: s },
                base: span,
                stem: span,
                article: false,
                enclitic: false,
            });
            continue;
        }
        out.chars.clear();
        let mut end = start + c.len_utf8();
        let (mut arabic, mut latin, mut digits, mut other) = (0usize, 0usize, 0usize, 0usize);
        let mut first_upper = false;
        let mut push = |c: char, at: usize, chars: &mut Vec<(usize, char)>| {
            if is_arabic_letter(c) {
                arabic += 1;
            } else if c.is_ascii_alphabetic() {
                if latin + arabic + digits + other == 0 {
                    first_upper = c.is_ascii_uppercase();
                }
                latin += 1;
            } else if crate::text::chars::digit_value(c).is_some() {
                digits += 1;
            } else if c.is_alphanumeric() {
                other += 1;
            }
            if let Some(f) = fold_char(c) {
                chars.push((at, f));
            }
        };
        push(c, start, &mut out.chars);
        while let Some(&(at, c)) = iter.peek() {
            if !is_word_char(c) {
                break;
            }
            iter.next();
            end = at + c.len_utf8();
            push(c, at, &mut out.chars);
        }
        let shape = if arabic > 0 && latin + digits + other == 0 {
            Shape::Arabic
        } else if latin > 0 && arabic + digits + other == 0 {
            if first_upper {
                Shape::LatinUpper
            } else {
                Shape::LatinLower
            }
        } else if digits > 0 && arabic + latin + other == 0 {
            Shape::Number
        } else {
            Shape::Mixed
        };
        let token = analyze(start, end, shape, lex, out);
        out.tokens.push(token);
    }
}

/// Pushes `chars[from..]` to the buffer and returns its span.
fn push_chars(buf: &mut String, chars: &[(usize, char)]) -> Span {
    let s = buf.len() as u32;
    buf.extend(chars.iter().map(|&(_, c)| c));
    Span {
        start: s,
        end: buf.len() as u32,
    }
}

/// Frequency evidence: is `r` a known word clearly more frequent than `w`?
fn more_frequent(lex: &Lexicon, r: &str, w: &str) -> bool {
    match (lex.get(r), lex.get(w)) {
        (Some(ri), Some(wi)) => ri.rank.saturating_mul(2) < wi.rank,
        (Some(_), None) => true,
        _ => false,
    }
}

fn analyze(start: usize, end: usize, shape: Shape, lex: &Lexicon, out: &mut Tokens) -> Token {
    let chars = &out.chars;
    let buf = &mut out.buf;
    let word = push_chars(buf, chars);
    let mut token = Token {
        start,
        end,
        core: start,
        shape,
        word,
        prefix: Span {
            start: word.start,
            end: word.start,
        },
        base: word,
        stem: word,
        article: false,
        enclitic: false,
    };
    if shape != Shape::Arabic || chars.is_empty() {
        return token;
    }
    let n = chars.len();
    let ch = |i: usize| chars.get(i).map(|&(_, c)| c);
    let wstr = &buf[word.start as usize..word.end as usize];
    // Byte length in the folded buffer of the first k chars.
    let flen = |k: usize| chars[..k].iter().map(|&(_, c)| c.len_utf8()).sum::<usize>();
    // Best proclitic split: (number of chars stripped, whether it is ل + ال written لل).
    let mut best: Option<(usize, bool)> = None;
    for conj in [None, Some(0usize), Some(1)] {
        let k0 = usize::from(conj.is_some());
        if let Some(ci) = conj {
            if ch(0) != Some(CONJ[ci]) {
                continue;
            }
        }
        for prep in [None, Some(0usize), Some(1), Some(2), Some(3)] {
            let k = k0 + usize::from(prep.is_some());
            if k == 0 {
                continue;
            }
            if let Some(pi) = prep {
                if ch(k0) != Some(PREP[pi]) {
                    continue;
                }
            }
            let rest = n - k;
            let wstart = flen(k);
            let r = &wstr[wstart..];
            let lam_al = prep == Some(1) && ch(k) == Some('ل') && rest >= 3;
            let article = ch(k) == Some('ا') && ch(k + 1) == Some('ل') && rest >= 4;
            let ok = if lam_al {
                !more_frequent(lex, wstr, &r['ل'.len_utf8()..])
            } else if article {
                !more_frequent(lex, wstr, r)
            } else {
                rest >= 2 && more_frequent(lex, r, wstr)
            };
            if ok && best.is_none_or(|(bk, _)| k > bk) {
                best = Some((k, lam_al));
            }
        }
    }
    let mut body = 0; // index in `chars` of the base's first letter
    if let Some((k, lam_al)) = best {
        token.prefix = Span {
            start: word.start,
            end: word.start + flen(k) as u32,
        };
        token.core = chars[k].0;
        if lam_al {
            // ل + (ا)ل: the base is ال + the rest.
            let s = buf.len() as u32;
            buf.push('ا');
            buf.extend(chars[k..].iter().map(|&(_, c)| c));
            token.base = Span {
                start: s,
                end: buf.len() as u32,
            };
            token.article = true;
            token.stem = Span {
                start: s + 4, // "ال" is two 2-byte letters
                end: token.base.end,
            };
            return token;
        }
        token.base = Span {
            start: token.prefix.end,
            end: word.end,
        };
        body = k;
    }
    if ch(body) == Some('ا') && ch(body + 1) == Some('ل') && n - body >= 4 {
        token.article = true;
        token.stem = Span {
            start: token.base.start + 4,
            end: token.base.end,
        };
        return token;
    }
    token.stem = token.base;
    let base = &buf[token.base.start as usize..token.base.end as usize];
    for e in ENCLITICS {
        if let Some(r) = base.strip_suffix(e) {
            if r.chars().count() >= 3 && more_frequent(lex, r, base) {
                token.stem.end = token.base.start + r.len() as u32;
                token.enclitic = true;
                break;
            }
        }
    }
    token
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_arabic_letter_shortcut_changes_no_word_boundary() {
        let arabic = (0u32..0x1_0000)
            .filter_map(char::from_u32)
            .filter(|&c| is_arabic_letter(c));
        for c in arabic {
            assert!(c.is_alphanumeric(), "{c:?} is not alphanumeric");
        }
    }

    use super::*;

    fn lex() -> Lexicon {
        Lexicon::parse("في\t0\t0\t0\nمدينة\t0\t0\t0\nمدينه\t0\t0\t0\nسامح\t0\t0\t0\nبريطانيا\t0\t0\t0\nكتاب\t0\t0\t0\n")
    }

    fn run(text: &str) -> Tokens {
        let mut t = Tokens::default();
        tokenize(text, &lex(), &mut t);
        t
    }

    #[test]
    fn splits_words_and_punctuation_with_offsets() {
        let text = "قال (د ب أ): 2002.";
        let t = run(text);
        let words: Vec<&str> = t.tokens.iter().map(|k| &text[k.start..k.end]).collect();
        assert_eq!(words, ["قال", "(", "د", "ب", "أ", ")", ":", "2002", "."]);
        assert_eq!(t.tokens[7].shape, Shape::Number);
    }

    #[test]
    fn strips_prepositions_but_keeps_the_article() {
        let text = "بمدينة جنيف وسامح والقاهرة للأمم بريطانيا وبريطانيا كتابه";
        let t = run(text);
        let cores: Vec<&str> = t.tokens.iter().map(|k| &text[k.core..k.end]).collect();
        assert_eq!(
            cores,
            [
                "مدينة",
                "جنيف",
                "سامح",
                "القاهرة",
                "لأمم",
                "بريطانيا",
                "بريطانيا",
                "كتابه"
            ]
        );
        assert_eq!(t.get(t.tokens[3].base), "القاهره");
        assert_eq!(t.get(t.tokens[3].stem), "قاهره");
        assert_eq!(t.get(t.tokens[4].base), "الامم");
        assert_eq!(t.get(t.tokens[4].stem), "امم");
        assert_eq!(t.get(t.tokens[7].stem), "كتاب");
        assert!(t.tokens[7].enclitic);
    }

    #[test]
    fn marks_do_not_split_words() {
        let t = run("مُحَمَّد");
        assert_eq!(t.tokens.len(), 1);
        assert_eq!(t.get(t.tokens[0].word), "محمد");
    }
}
