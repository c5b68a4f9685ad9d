//! Tests that every stage sees the same words: the entity tokenizer, the number tokenizer and
//! the boilerplate stage's fold all cut a text where the word scanner does, and inserting
//! invisible characters or marks inside a word changes no entity label or number value.

use super::chars::{class, Class};
use super::fold::Digits;
use super::scan::{Gap, Kind, Words};
use crate::clean::fold::fold;
use crate::entities::lexicon::Lexicon;
use crate::entities::tokenize::{tokenize, Shape, Tokens};
use crate::test_rng::XorShift;

/// The words of `text` as Unicode word segmentation sees them: maximal runs of the scanner's
/// pieces that are not punctuation, touching or parted by a ZWNJ. Byte spans and folded forms.
fn uax_words(text: &str) -> Vec<(usize, usize, String)> {
    let w = Words::of(text);
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    let mut open = false;
    for (i, piece) in w.words.iter().enumerate() {
        if piece.kind == Kind::Punct {
            open = false;
            continue;
        }
        match out.last_mut() {
            Some(last) if open && matches!(piece.gap, Gap::None | Gap::Joiner) => {
                last.1 = piece.end;
                last.2.push_str(w.folded(i));
            }
            _ => out.push((piece.start, piece.end, w.folded(i).to_string())),
        }
        open = true;
    }
    out
}

/// Merges the spans of consecutive word tokens that only invisible characters part.
fn merged(text: &str, spans: impl Iterator<Item = (usize, usize)>) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (s, e) in spans {
        match out.last_mut() {
            Some(last) if text[last.1..s].chars().all(|c| class(c) == Class::Format) => last.1 = e,
            _ => out.push((s, e)),
        }
    }
    out
}

/// The word spans of the entity stage.
fn entity_words(text: &str) -> Vec<(usize, usize)> {
    let mut t = Tokens::default();
    tokenize(text, Lexicon::shipped(), &mut t);
    let words = t.tokens.iter().filter(|k| k.shape != Shape::Punct);
    merged(text, words.map(|k| (k.start, k.end)))
}

/// The word spans of the number stage.
fn number_words(text: &str) -> Vec<(usize, usize)> {
    let t = crate::numbers::tokenize::Tokens::new(text);
    let words = t.toks.iter().filter(|k| {
        let first = text[k.start..].chars().next().unwrap_or(' ');
        class(first) != Class::Punct
    });
    merged(text, words.map(|k| (k.start, k.end)))
}

fn check(text: &str) {
    let uax = uax_words(text);
    let spans: Vec<(usize, usize)> = uax.iter().map(|w| (w.0, w.1)).collect();
    assert_eq!(entity_words(text), spans, "entities: {text:?}");
    assert_eq!(number_words(text), spans, "numbers: {text:?}");
    let folded: Vec<&str> = uax.iter().map(|w| w.2.as_str()).collect();
    let clean = fold(text);
    let clean_words: Vec<&str> = clean.text.split(' ').filter(|w| !w.is_empty()).collect();
    assert_eq!(clean_words, folded, "clean: {text:?}");
}

#[test]
fn the_stages_see_the_same_words_on_the_sample_pages() {
    for page in [
        include_str!("../../tests/data/000_b9b3c63502130dbb.txt"),
        include_str!("../../tests/data/001_01ccc8792b294ebf.txt"),
        include_str!("../../tests/data/002_d0cafe620243ed18.txt"),
    ] {
        for line in page.lines() {
            check(line);
        }
    }
}

/// Characters random texts are drawn from: letters, digits, marks, invisible characters,
/// spaces and punctuation of several scripts.
const POOL: &[char] = &[
    'ب', 'ي', 'ا', 'ل', 'و', 'ة', 'أ', 'ئ', 'ی', 'ک', 'ٱ', '\u{0615}', '\u{06ED}', '\u{064E}',
    '\u{0640}', '\u{200C}', '\u{200D}', '\u{200F}', '\u{061C}', '\u{2067}', '\u{200B}', '\u{FEFF}',
    ' ', '\n', '\u{00A0}', '٣', '۵', '7', 'a', 'Z', 'é', 'Ж', 'İ', '\u{0301}', ',', '،', '.', '-',
    '😀',
];

#[test]
fn the_stages_see_the_same_words_in_random_text() {
    let mut rng = XorShift::new(0x7E57);
    for _ in 0..3_000 {
        let n = rng.below(24);
        let text: String = (0..n).map(|_| POOL[rng.below(POOL.len())]).collect();
        check(&text);
    }
}

/// Sentences that name people, places and organizations and give numbers.
const SENTENCES: [&str; 4] = [
    "التقى وزير الخارجية سامح شكري نظيره الروسي سيرغي لافروف في القاهرة.",
    "قالت الأمم المتحدة إن خمسة آلاف شخص غادروا مدينة حلب خلال ثلاثة أيام.",
    "دفع البنك المركزي المصري مليوني دولار في مايو 2024 لشركة سامسونغ.",
    "زار الرئيس عبد الفتاح السيسي محافظة أسوان يوم الخميس مع 25 وزيرا.",
];

/// Invisible characters and marks that may stand inside a word.
const INSIDE: &[char] = &[
    '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{061C}', '\u{2067}', '\u{0640}', '\u{064B}',
    '\u{064E}', '\u{0651}', '\u{0652}', '\u{0670}', '\u{0610}', '\u{0615}', '\u{061A}', '\u{06D6}',
    '\u{06ED}',
];

/// (label) of each entity and (kind, value, unit) of each number, checking that spans slice.
fn annotations(text: &str) -> (Vec<&'static str>, Vec<String>) {
    let entities = crate::entities::entities(text);
    let numbers = crate::numbers::find_numbers(text, &Default::default());
    for (s, e) in entities
        .iter()
        .map(|e| (e.start, e.end))
        .chain(numbers.iter().map(|n| (n.start, n.end)))
    {
        assert!(text.get(s..e).is_some(), "{text:?}");
    }
    (
        entities.iter().map(|e| e.label.as_str()).collect(),
        numbers
            .iter()
            .map(|n| format!("{:?} {:?} {:?}", n.kind, n.value, n.unit))
            .collect(),
    )
}

#[test]
fn invisible_characters_and_marks_inside_words_change_no_label_or_value() {
    let mut rng = XorShift::new(0x1D);
    for sentence in SENTENCES {
        let want = annotations(sentence);
        assert!(!want.0.is_empty(), "{sentence}: {want:?}");
        for _ in 0..60 {
            let mut text = sentence.to_string();
            for _ in 0..1 + rng.below(3) {
                let inside: Vec<usize> = text
                    .char_indices()
                    .zip(text.char_indices().skip(1))
                    .filter(|((_, a), (_, b))| {
                        class(*a) == Class::ArabicLetter && class(*b) == Class::ArabicLetter
                    })
                    .map(|(_, (at, _))| at)
                    .collect();
                let at = inside[rng.below(inside.len())];
                text.insert(at, INSIDE[rng.below(INSIDE.len())]);
            }
            assert_eq!(annotations(&text), want, "{text:?}");
        }
    }
}

#[test]
fn digits_fold_to_ascii_for_every_stage() {
    let w = Words::of("٢٠١٨");
    assert_eq!(w.folded(0), "2018");
    let mut zero = Words::default();
    zero.scan("٢٠١٨", Digits::Zero);
    assert_eq!(zero.folded(0), "0000");
}
