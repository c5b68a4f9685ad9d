//! Named entities (people, places, organizations) found by sequence models trained in this
//! project (see `train/README.md`), one per [`Scheme`] of annotation.
//!
//! The text is tokenized with clitic analysis, each token gets hashed features, an averaged
//! perceptron scores BIO tags and BIO-constrained Viterbi decodes each sentence; a document
//! pass then tags names that the model tagged elsewhere in the text. Entity spans leave out
//! attached conjunctions and prepositions but keep ال: بمدينة جنيف → جنيف.

/// Declares modules that are public with the `training` feature (for the programs in
/// `train/`) and private to the crate otherwise.
macro_rules! internal {
    ($($name:ident;)*) => {$(
        #[cfg(feature = "training")]
        pub mod $name;
        #[cfg(not(feature = "training"))]
        pub(crate) mod $name;
    )*};
}

internal! {
    consistency;
    decode;
    features;
    gazetteer;
    hash;
    label;
    lexicon;
    model;
    shipped;
    silver;
    tokenize;
}

use std::ops::Range;

pub use label::Label;

use decode::Viterbi;
use features::{Features, Resources};
use gazetteer::Triggers;
use label::{is_inside, label_of, TAGS};
use lexicon::Lexicon;
use model::Model;
use tokenize::{tokenize, Shape, Tokens};

/// A named entity: `text[start..end]` is where the text names it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Entity {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// What the entity is.
    pub label: Label,
    /// The canonical name: the span's text without the clitics attached to its first word
    /// (ال restored where ل + ال is written لل: للأمم المتحدة → الأمم المتحدة), without
    /// invisible characters, its words parted by single spaces.
    pub name: String,
}

/// The annotation convention entities follow (`data/README.md` describes both).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// What a news reader expects: named institutions are organizations with their head word
    /// (وزارة الصحة الفلسطينية, الجيش المصري), مدينة X is the place X, nationalities are not
    /// entities, Latin-script names are tagged.
    #[default]
    News,
    /// ANERcorp's conventions (most institution heads left out), for comparison with
    /// published scores on that corpus.
    Anercorp,
}

impl Scheme {
    /// The scheme named `name` ("news" or "anercorp").
    pub fn parse(name: &str) -> Option<Scheme> {
        match name {
            "news" => Some(Scheme::News),
            "anercorp" => Some(Scheme::Anercorp),
            _ => None,
        }
    }
}

/// Finds the people, places and organizations named in `text`, in text order, in the news
/// convention.
///
/// Offsets are byte offsets into `text`. Never panics; time is linear in the text.
pub fn entities(text: &str) -> Vec<Entity> {
    entities_in(text, Scheme::News)
}

/// Same as [`entities`], following the conventions of `scheme`.
pub fn entities_in(text: &str, scheme: Scheme) -> Vec<Entity> {
    crate::fault::check_str(text);
    Tagger::default().entities_in(text, scheme)
}

/// Longest run of tokens decoded as one sentence.
const MAX_SENTENCE: usize = 256;

/// The ranges of `tokens` decoded as separate sentences: they end after . ! ? ؟ or at a line
/// break, and are cut at `MAX_SENTENCE` tokens.
#[doc(hidden)] // for train/, with the `training` feature
pub fn sentences(text: &str, tokens: &Tokens) -> Vec<Range<usize>> {
    let toks = &tokens.tokens;
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..toks.len() {
        let word = &text[toks[i].start..toks[i].end];
        let newline = toks
            .get(i + 1)
            .is_some_and(|next| text[toks[i].end..next.start].contains('\n'));
        if matches!(word, "." | "!" | "?" | "؟") || newline || i + 1 - start >= MAX_SENTENCE {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < toks.len() {
        out.push(start..toks.len());
    }
    out
}

/// Scratch buffers for tagging, reusable across texts.
#[derive(Default)]
pub struct Tagger {
    tokens: Tokens,
    features: Features,
    scores: Vec<[f32; TAGS]>,
    viterbi: Viterbi,
    sentence_tags: Vec<u8>,
    tags: Vec<u8>,
}

impl Tagger {
    /// Same as [`entities_in`], reusing this tagger's buffers.
    pub fn entities_in(&mut self, text: &str, scheme: Scheme) -> Vec<Entity> {
        let trained = shipped::trained(scheme);
        let res = Resources {
            lexicon: Lexicon::shipped(),
            gazetteer: &trained.gazetteer,
            triggers: Triggers::shipped(),
            silver: &trained.silver,
            silver_names: &trained.silver_names,
            lists: gazetteer::lists(),
        };
        self.tag(text, res, &trained.model);
        if scheme == Scheme::News {
            latin_names(&self.tokens, res.triggers, &mut self.tags);
        }
        spans(text, &self.tokens, &self.tags)
    }

    /// Tags `text` with the given resources and weights (what [`entities`] does with the
    /// shipped ones, the document pass included) and returns one BIO tag per token of
    /// [`Tagger::tokens`].
    #[doc(hidden)] // for train/, with the `training` feature
    pub fn tag(&mut self, text: &str, res: Resources, model: &Model) -> &[u8] {
        tokenize(text, res.lexicon, &mut self.tokens);
        self.tags.clear();
        for range in sentences(text, &self.tokens) {
            self.features.extract(&self.tokens, range.clone(), res);
            self.scores.clear();
            for (i, t) in self.tokens.tokens[range].iter().enumerate() {
                let mut s = [0.0; TAGS];
                model.score(self.features.of(i), &mut s);
                // A conjunction starts a new person: سامح شكري وسيرغي لافروف is two names.
                if self.tokens.get(t.prefix).starts_with(['و', 'ف']) {
                    s[label::inside(Label::Per) as usize] = f32::NEG_INFINITY;
                }
                self.scores.push(s);
            }
            self.viterbi
                .decode(&self.scores, &model.transitions, &mut self.sentence_tags);
            self.tags.extend_from_slice(&self.sentence_tags);
        }
        consistency::propagate(
            &self.tokens,
            res.lexicon,
            gazetteer::hand_written(),
            &mut self.tags,
        );
        &self.tags
    }

    /// The tokens of the last text tagged.
    #[doc(hidden)] // for train/, with the `training` feature
    pub fn tokens(&self) -> &Tokens {
        &self.tokens
    }
}

/// Tags untagged Latin-script names as organizations: an acronym or a capitalized word
/// standing alone among Arabic words (CNN, IBM, Google) right after the head of an
/// organization's name or a speech verb (شبكة CNN, وذكرت Google), or right before a speech
/// verb. Elsewhere a lone Latin word is as often a term (DNA, HTML) or a gloss as a name, and
/// is left to the model.
fn latin_names(tokens: &Tokens, triggers: &Triggers, tags: &mut [u8]) {
    use gazetteer::{token_hash, trigger};
    let toks = &tokens.tokens;
    let n = toks.len().min(tags.len());
    let arabic_or_edge = |i: Option<usize>| {
        i.and_then(|i| toks.get(i))
            .is_none_or(|t| matches!(t.shape, Shape::Arabic | Shape::Punct))
    };
    // Frequent words such as وقالت keep their conjunction in the tokenizer: try without it.
    let kind = |i: Option<usize>| {
        i.and_then(|i| toks.get(i)).map_or(0, |t| {
            let stem = tokens.get(t.stem);
            let bare = stem.strip_prefix(['و', 'ف']).unwrap_or(stem);
            triggers.get(token_hash(stem)) | triggers.get(token_hash(bare))
        })
    };
    for i in 0..n {
        if tags[i] != label::O || toks[i].shape != Shape::LatinUpper {
            continue;
        }
        let letters = tokens.get(toks[i].word).chars().count();
        let alone = arabic_or_edge(i.checked_sub(1)) && arabic_or_edge(Some(i + 1));
        let cue = kind(i.checked_sub(1)) & (trigger::ORG | trigger::SAY) != 0
            || kind(Some(i + 1)) & trigger::SAY != 0;
        if alone && cue && (2..=12).contains(&letters) {
            tags[i] = label::begin(Label::Org);
        }
    }
}

/// Turns one BIO tag per token of `text` into entities spanning from the first token's core
/// (its proclitics left out) to the end of the last token.
#[doc(hidden)] // for train/, with the `training` feature
pub fn spans(text: &str, tokens: &Tokens, tags: &[u8]) -> Vec<Entity> {
    let toks = &tokens.tokens;
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len().min(toks.len()) {
        let Some(label) = label_of(tags[i]) else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while j < tags.len().min(toks.len())
            && is_inside(tags[j])
            && label_of(tags[j]) == Some(label)
        {
            j += 1;
        }
        out.push(Entity {
            start: toks[i].core,
            end: toks[j - 1].end,
            label,
            name: canonical_name(text, &toks[i..j]),
        });
        i = j;
    }
    out
}

/// The canonical name of the entity made of `toks` (see [`Entity::name`]).
fn canonical_name(text: &str, toks: &[tokenize::Token]) -> String {
    let mut name = String::new();
    let mut at = toks.first().map_or(0, |t| t.core);
    for (n, t) in toks.iter().enumerate() {
        let mut from = t.start;
        if n == 0 {
            from = t.core;
            if t.lam_al {
                // ل + ال written لل: the span starts at the article's ل, written without alif
                name.push_str("ال");
                from += tokenize::skip_letters(&text[t.core..t.end], 1);
            }
        } else if t.start > at {
            name.push(' ');
        }
        name.extend(
            text[from..t.end]
                .chars()
                .filter(|&c| crate::text::chars::class(c) != crate::text::chars::Class::Format),
        );
        at = t.end;
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Entities a reader expects from the bundled sample pages.
    const EXPECTED: [(&str, &str); 13] = [
        ("سامح شكري", "PER"),
        ("سيرغي لافروف", "PER"),
        ("معمر القذافي", "PER"),
        ("ليبيا", "LOC"),
        ("درنة", "LOC"),
        ("القاهرة", "LOC"),
        ("مصر", "LOC"),
        ("روسيا", "LOC"),
        ("الأمم المتحدة", "ORG"),
        ("داعش", "ORG"),
        ("عبد الفتاح السيسي", "PER"),
        ("الولايات المتحدة", "LOC"),
        ("الجيش الوطني الليبي", "ORG"),
    ];

    fn check(text: &str) {
        for e in entities(text) {
            assert!(e.start < e.end && e.end <= text.len());
            assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
        }
    }

    #[test]
    fn empty_and_odd_inputs() {
        assert!(entities("").is_empty());
        check("   \n\n\t ");
        check("...؟؟!!");
        check("\u{0640}\u{064B}\u{200D}");
        check("ال ل لل و ب بال وبال ولل");
    }

    #[test]
    fn random_code_points_do_not_panic() {
        let mut x = 0x1234_5678u32;
        let mut s = String::new();
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            let c = match x % 4 {
                0 => char::from_u32(0x0600 + x / 4 % 0x100),
                1 => char::from_u32(x % 0x11_0000),
                2 => Some(' '),
                _ => char::from_u32(0x20 + x % 0x60),
            };
            s.extend(c);
        }
        check(&s);
    }

    #[test]
    fn sample_pages_name_the_obvious_entities() {
        let pages = [
            include_str!("../../tests/data/000_b9b3c63502130dbb.txt"),
            include_str!("../../tests/data/001_01ccc8792b294ebf.txt"),
            include_str!("../../tests/data/002_d0cafe620243ed18.txt"),
        ];
        let found: std::collections::HashSet<(&str, &str)> = pages
            .iter()
            .flat_map(|p| {
                entities(p)
                    .into_iter()
                    .map(|e| (&p[e.start..e.end], e.label.as_str()))
            })
            .collect();
        let mut missing = Vec::new();
        for want in EXPECTED {
            if !found.contains(&want) {
                missing.push(want);
            }
        }
        assert!(missing.is_empty(), "missing {missing:?}; found {found:?}");
    }

    #[test]
    fn spans_leave_out_conjunctions_and_prepositions() {
        let text = "التقى وزير الخارجية سامح شكري بنظيره الروسي وسيرغي لافروف في القاهرة.";
        let got: Vec<(&str, &str)> = entities(text)
            .into_iter()
            .map(|e| (&text[e.start..e.end], e.label.as_str()))
            .collect();
        assert!(got.contains(&("سامح شكري", "PER")), "{got:?}");
        assert!(got.contains(&("سيرغي لافروف", "PER")), "{got:?}");
    }

    /// (text, label, name) of the entities of `text`.
    fn found(text: &str) -> Vec<(&str, &str, String)> {
        entities(text)
            .into_iter()
            .map(|e| (&text[e.start..e.end], e.label.as_str(), e.name))
            .collect()
    }

    #[test]
    fn a_zwnj_between_two_names_is_a_space() {
        let text = "التقى سامح شكري بنظيره سيرغي\u{200C}لافروف في موسكو.";
        let got = found(text);
        assert!(
            got.contains(&("سيرغي\u{200C}لافروف", "PER", "سيرغي لافروف".into())),
            "{got:?}"
        );
    }

    #[test]
    fn a_mark_inside_a_name_stays_in_its_span() {
        let text = "وصل الوفد إلى القا\u{0615}هرة أمس.";
        let got = found(text);
        assert_eq!(got, [("القا\u{0615}هرة", "LOC", "القا\u{0615}هرة".into())]);
    }

    #[test]
    fn a_name_that_is_also_a_word_keeps_its_first_letter() {
        for (text, name) in [
            ("قال الأمين العام بان كي مون إن", "بان كي مون"),
            ("وقال وبان كي مون إن", "بان كي مون"),
        ] {
            let got = found(text);
            assert!(
                got.iter().any(|e| e.0 == name && e.2 == name),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn names_keep_their_first_letter() {
        for (text, name) in [
            ("قال وليد جنبلاط إن", "وليد جنبلاط"),
            ("قال كوفي أنان إن", "كوفي أنان"),
            ("التقى الأمير فيصل بالرئيس", "فيصل"),
        ] {
            let got = found(text);
            // the model may take a title in (الأمير فيصل), but never cut the name
            let whole = |e: &(&str, &str, String)| e.0.ends_with(name) && e.2.ends_with(name);
            assert!(got.iter().any(whole), "{text}: {got:?}");
        }
    }

    #[test]
    fn the_canonical_name_drops_clitics_and_restores_the_article() {
        let text = "قال الأمين العام للأمم المتحدة إن";
        let got = found(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(text[..].contains(got[0].0));
        assert_eq!(got[0].2, "الأمم المتحدة");
        let got = found("التقى الرئيس بسامح شكري");
        assert_eq!(got[0].2, "سامح شكري", "{got:?}");
    }

    #[test]
    fn megabyte_single_line_is_fast_and_safe() {
        let line = "قال وزير الخارجية المصري سامح شكري في القاهرة إن ".repeat(12_000);
        assert!(line.len() > 1_000_000);
        let started = std::time::Instant::now();
        check(&line);
        assert!(started.elapsed().as_secs() < 30);
        let no_space = "ب".repeat(600_000);
        check(&no_space);
    }
}
