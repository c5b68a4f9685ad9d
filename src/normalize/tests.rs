//! Unit tests of the normalizer: one per rule, plus the contextual rules and invariants.

use super::*;

fn with(name: &str, on: bool) -> Normalizer {
    let mut o = Options::none();
    assert!(o.set(name, on));
    Normalizer::new(o)
}

fn only(name: &str, text: &str) -> String {
    with(name, true).normalize(text).into_owned()
}

#[test]
fn diacritics() {
    assert_eq!(only("diacritics", "مُحَمَّدٌ"), "محمد");
    assert_eq!(only("diacritics", "هٰذا"), "هذا");
    // Quranic marks need their own switch too.
    assert_eq!(only("diacritics", "قَالَ۝"), "قال۝");
    let mut o = Options::none();
    o.diacritics = true;
    o.quranic_marks = true;
    assert_eq!(Normalizer::new(o).normalize("الرَّحِيمِ ۖ ذَٰلِكَ"), "الرحيم  ذلك");
}

#[test]
fn quranic_marks_alone_do_nothing() {
    assert_eq!(only("quranic_marks", "ۖ"), "ۖ");
}

#[test]
fn tatweel() {
    assert_eq!(only("tatweel", "جميـــل"), "جميل");
}

#[test]
fn alef() {
    assert_eq!(only("alef", "أإآٱ"), "اااا");
}

#[test]
fn alef_maqsura() {
    assert_eq!(only("alef_maqsura", "على"), "علي");
}

#[test]
fn teh_marbuta() {
    assert_eq!(only("teh_marbuta", "مدرسة"), "مدرسه");
}

#[test]
fn hamza() {
    assert_eq!(only("hamza", "مؤتمر رئيس"), "موتمر رييس");
}

#[test]
fn digits() {
    assert_eq!(only("digits", "٢٠٢٦ و۱۴"), "2026 و14");
    assert_eq!(only("digits", "٣٫٥ و١٬٠٠٠"), "3.5 و1,000");
    // Separators away from digits stay.
    assert_eq!(only("digits", "٫ ٬"), "٫ ٬");
    assert_eq!(only("digits", "٣٫"), "3٫");
}

#[test]
fn presentation_forms() {
    assert_eq!(only("presentation_forms", "ﻻ ﷲ"), "لا الله");
    assert_eq!(only("presentation_forms", "ﺑﺴﻢ"), "بسم");
    // Expanded letters go through the other rules.
    let mut o = Options::none();
    o.presentation_forms = true;
    o.alef = true;
    assert_eq!(Normalizer::new(o).normalize("ﻷ"), "لا");
}

#[test]
fn persian() {
    assert_eq!(only("persian", "کی ھە ۀ"), "كي هه ه");
}

#[test]
fn invisible() {
    assert_eq!(only("invisible", "a\u{200B}b"), "a b");
    assert_eq!(only("invisible", "مصر\u{200F}"), "مصر");
    assert_eq!(only("invisible", "(\u{200F}مصر)"), "(مصر)");
    assert_eq!(only("invisible", "می\u{200C}خواهم"), "میخواهم");
    assert_eq!(only("invisible", "\u{FEFF}نص\u{00AD}"), "نص");
    assert_eq!(only("invisible", "كلمة\u{200E}100"), "كلمة 100");
    // a bidi mark inside a word belongs to it (UAX #29): removed, the word stays whole
    assert_eq!(only("invisible", "مر\u{200F}حبا"), "مرحبا");
    assert_eq!(
        only("invisible", "مر\u{2067}ح\u{2069}با و\u{061C}هو"),
        "مرحبا وهو"
    );
    assert_eq!(only("invisible", "25\u{202A}52 a\u{200E}b"), "2552 ab");
    assert_eq!(only("invisible", "a\u{200F}\u{200B}b"), "a b");
}

#[test]
fn whitespace() {
    assert_eq!(
        only("whitespace", "  a \u{00A0}\t b  \n  c\u{3000}d \n"),
        "a b\nc d\n"
    );
    assert_eq!(only("whitespace", "a\r\n\r\nb"), "a\r\n\r\nb");
}

#[test]
fn punctuation() {
    assert_eq!(only("punctuation", "نعم، لا؛ لماذا؟"), "نعم, لا; لماذا?");
}

#[test]
fn unknown_characters_pass_through() {
    let text = "Hello Привет 你好 😀 € £ $";
    assert_eq!(Normalizer::new(Options::default()).normalize(text), text);
    assert_eq!(
        Normalizer::new(Options::preset("search").unwrap()).normalize(text),
        text
    );
}

#[test]
fn unchanged_text_is_borrowed() {
    let n = Normalizer::default();
    assert!(matches!(n.normalize("نص عادي"), Cow::Borrowed(_)));
    assert!(matches!(n.normalize("نص  "), Cow::Borrowed("نص")));
    assert!(matches!(n.normalize("نَص"), Cow::Owned(_)));
}

#[test]
fn offsets_point_at_sources() {
    let n = Normalizer::default();
    let text = "  أَ\u{200B}ب ﻻ";
    let (out, offsets) = n.normalize_with_offsets(text);
    assert_eq!(out, "ا ب لا");
    assert_eq!(offsets, vec![2, 4, 5, 6, 7, 7]);
    assert_eq!(out.chars().count(), offsets.len());
}

#[test]
fn camel_preset() {
    let n = Normalizer::new(Options::preset("camel").unwrap());
    assert_eq!(n.normalize("إِلَى المَدْرَسَةِ ـ ۖ"), "الي المدرسه ـ ۖ");
}

#[test]
fn idempotent_on_tricky_input() {
    let n = Normalizer::default();
    for text in [
        "a \u{064E} b",
        " \u{200B} x",
        "ﹰ",
        "ﷺ",
        "٣٫٫٣",
        "\n \n",
        "a\u{200B}\u{200B} b",
    ] {
        let once = n.normalize(text).into_owned();
        assert_eq!(n.normalize(&once), once, "{text:?}");
    }
}

/// Found by fuzzing: a separator followed by a deleted mark, then a digit, was kept in
/// the first pass and turned into a comma in the second.
#[test]
fn digit_separator_sees_past_deleted_characters() {
    let n = Normalizer::default();
    for (text, expected) in [
        ("٣٬\u{0657}٠", "3,0"),
        ("٣٬ـــ٠", "3,0"),
        ("٣٫\u{200F}\u{064E}٥", "3.5"),
        ("٣٬\u{0657} ٠", "3٬ 0"),
        ("٣٬\u{0657}", "3٬"),
    ] {
        assert_eq!(n.normalize(text), expected, "{text:?}");
        assert_eq!(n.normalize(expected), expected, "{expected:?}");
        assert_eq!(n.normalize_with_offsets(text).0, expected, "{text:?}");
        let ucs4: Vec<u32> = text.chars().map(u32::from).collect();
        let units: String = n
            .normalize_units(&ucs4)
            .unwrap()
            .iter()
            .map(|&u| char::from_u32(u).unwrap())
            .collect();
        assert_eq!(units, expected, "{text:?}");
    }
}

#[test]
fn batch_matches_single() {
    let n = Normalizer::default();
    let texts: Vec<&str> = vec!["مُحَمَّد", "", "ﻻ", "abc"];
    let batch = n.normalize_batch(&texts);
    for (t, b) in texts.iter().zip(batch) {
        assert_eq!(n.normalize(t), b);
    }
}

#[test]
fn large_inputs_are_linear() {
    let n = Normalizer::default();
    let tatweel = "ـ".repeat(1_000_000);
    assert_eq!(n.normalize(&tatweel), "");
    let marks = "\u{064E}".repeat(1_000_000);
    assert_eq!(n.normalize(&marks), "");
    let digits = "٣".repeat(1_000_000);
    assert_eq!(n.normalize(&digits).len(), 1_000_000);
}

#[test]
fn units_match_utf8() {
    let n = Normalizer::default();
    for text in ["مُحَمَّدٌ  ﻻ\u{200B}x", "plain", "  ", "٣٫٥ 😀 ﷲ", ""] {
        let expected = n.normalize(text);
        let ucs4: Vec<u32> = text.chars().map(u32::from).collect();
        let out4 = n.normalize_units(&ucs4).unwrap();
        assert_eq!(
            out4.iter()
                .map(|&u| char::from_u32(u).unwrap())
                .collect::<String>(),
            expected
        );
        if text.chars().all(|c| (c as u32) < 0x10000) {
            let ucs2: Vec<u16> = text.chars().map(|c| c as u16).collect();
            let out2 = n.normalize_units(&ucs2).unwrap();
            assert_eq!(String::from_utf16(&out2).unwrap(), expected);
        }
    }
    assert!(matches!(
        n.normalize_units(b"abc".as_slice()),
        Ok(Cow::Borrowed(_))
    ));
    assert_eq!(
        n.normalize_units(&[0x62u16, 0xD800]),
        Err(UnitsError::Surrogate(1))
    );
    // The block-wise scan finds the first surrogate wherever it falls in a block.
    for at in [0, 63, 64, 65, 200] {
        let mut units = vec![u16::from(b'a'); 300];
        units[at] = 0xDC00;
        units[299] = 0xD800;
        assert_eq!(n.normalize_units(&units), Err(UnitsError::Surrogate(at)));
        let wide: Vec<u32> = units.iter().map(|&u| u32::from(u)).collect();
        assert_eq!(n.normalize_units(&wide), Err(UnitsError::Surrogate(at)));
    }
}
