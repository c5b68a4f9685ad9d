//! The number lexicons in `data/numbers/`, compiled in and parsed once on first use.

use std::sync::LazyLock;

use super::calendar::HolidayRule;
use super::mention::Qualifier;
use super::tokenize::{normalize, Kind, Tokens};

type HashMap<K, V> = rustc_hash::FxHashMap<K, V>;
type HashSet<K> = rustc_hash::FxHashSet<K>;

/// Words that may start a number, date or time (besides digits and symbols) but are in no
/// lexicon file: relative days, clock and calendar words, cues.
const CUE_WORDS: &[&str] = &[
    "اخر",
    "مساء",
    "مساءا",
    "المساء",
    "صباحا",
    "صباح",
    "الصباح",
    "الصبح",
    "عصرا",
    "العصر",
    "ظهرا",
    "الظهر",
    "ليلا",
    "الليل",
    "فجرا",
    "الفجر",
    "يوم",
    "اليوم",
    "امس",
    "البارحه",
    "الامس",
    "امبارح",
    "غدا",
    "بكره",
    "بكرا",
    "الغد",
    "غد",
    "اول",
    "بعد",
    "قبل",
    "هذا",
    "هذه",
    "الاسبوع",
    "الشهر",
    "السنه",
    "العام",
    "منتصف",
    "الظهيره",
    "الساعه",
    "ساعه",
    "عام",
    "سنه",
    "عامي",
    "شهر",
    "بشهر",
    "نص",
    "نصف",
    "اواسط",
    "بدايه",
    "مطلع",
    "اوائل",
    "اواخر",
    "بالمئه",
    "بالمائه",
    "بالميه",
    "ج",
    "الاثنين",
    "اثنين",
    "الثلاثاء",
    "ثلاثاء",
    "الثلاثا",
    "الاربعاء",
    "اربعاء",
    "الاربعا",
    "الخميس",
    "خميس",
    "الجمعه",
    "جمعه",
    "السبت",
    "سبت",
    "الاحد",
    "احد",
];

/// Adjectives that rank an item relative to the end of a list or to the current one, after
/// ال (normalized stems, singular, dual and plural, masculine and feminine): the offset, and
/// whether it counts from the end.
pub(crate) const RELATIVE_ORDINALS: &[(&str, i64, bool)] = &[
    ("اخير", 0, true),
    ("اخيره", 0, true),
    ("اخيرين", 0, true),
    ("اخيرتين", 0, true),
    ("اخيرات", 0, true),
    ("تالي", 1, false),
    ("تاليه", 1, false),
    ("تاليين", 1, false),
    ("تاليتين", 1, false),
    ("قادم", 1, false),
    ("قادمه", 1, false),
    ("قادمين", 1, false),
    ("قادمتين", 1, false),
    ("سابق", -1, false),
    ("سابقه", -1, false),
    ("سابقين", -1, false),
    ("سابقتين", -1, false),
    ("حالي", 0, false),
    ("حاليه", 0, false),
    ("حاليين", 0, false),
];

/// Words besides the [`RELATIVE_ORDINALS`] that may start a relative ordinal: قبل (قبل
/// الأخير), the verbs of preceding (سبقت الأخيرة) and the bare آخر.
const RELATIVE_CUES: &[&str] = &["قبل", "سبق", "سبقت", "يسبق", "تسبق", "اخر"];

/// Holiday names (normalized words, ه for ة, ي for ى) and when they fall.
pub(crate) const HOLIDAYS: &[(&[&str], HolidayRule)] = &[
    (&["عيد", "الفطر"], HolidayRule::Hijri(10, 1)),
    (&["عيد", "الاضحي"], HolidayRule::Hijri(12, 10)),
    (&["راس", "السنه", "الهجريه"], HolidayRule::Hijri(1, 1)),
    (&["المولد", "النبوي"], HolidayRule::Hijri(3, 12)),
    (&["عيد", "الميلاد", "المجيد"], HolidayRule::Fixed(12, 25)),
    (&["عيد", "الميلاد"], HolidayRule::Fixed(12, 25)),
    (&["الكريسماس"], HolidayRule::Fixed(12, 25)),
    (&["كريسماس"], HolidayRule::Fixed(12, 25)),
    (&["راس", "السنه", "الميلاديه"], HolidayRule::Fixed(1, 1)),
    (&["عيد", "الفصح"], HolidayRule::Easter),
    (
        &["ليله", "راس", "السنه", "الجديده"],
        HolidayRule::Fixed(12, 31),
    ),
    (
        &["ليله", "راس", "السنه", "الميلاديه"],
        HolidayRule::Fixed(12, 31),
    ),
    (&["ليله", "راس", "السنه"], HolidayRule::Fixed(12, 31)),
    (&["راس", "السنه", "الجديده"], HolidayRule::Fixed(1, 1)),
    // Thanksgiving, the fourth Thursday of November.
    (&["عيد", "الشكر"], HolidayRule::Nth(11, 3, 4)),
    (&["الشكر"], HolidayRule::Nth(11, 3, 4)),
];

/// The first words of holiday names, for the lexicon's quick skip.
pub(crate) const HOLIDAY_STARTS: &[&str] =
    &["عيد", "راس", "المولد", "الكريسماس", "كريسماس", "ليله"];

/// Past-tense verbs of news reports (normalized, masculine; the feminine adds ت, or puts
/// ت for a final ي): a bare weekday near one is the last such day (قال الاثنين).
const PAST_VERBS: &[&str] = &[
    "قال",
    "اعلن",
    "اكد",
    "ذكر",
    "افاد",
    "كان",
    "جري",
    "تم",
    "وقع",
    "شهد",
    "اعتقل",
    "قتل",
    "اصيب",
    "عقد",
    "التقي",
    "زار",
    "توفي",
    "صرح",
    "اوضح",
    "اشار",
    "اضاف",
    "نفذ",
    "شن",
    "استقبل",
    "بحث",
    "ناقش",
    "وصل",
    "غادر",
    "انطلق",
    "اختتم",
    "افتتح",
    "نشر",
    "اصدر",
    "ادلي",
    "اعتبر",
    "طالب",
    "دعا",
    "رفض",
    "نفي",
    "قرر",
    "سقط",
    "انفجر",
    "هاجم",
    "اطلق",
    "اغلق",
    "فاز",
    "خسر",
    "تعادل",
    "سجل",
    "بلغ",
    "ارتفع",
    "تراجع",
    "انخفض",
    "صعد",
    "كشف",
    "ادان",
    "علق",
    "بدا",
    "ارجا",
    "سحق",
    "تغلب",
    "هزم",
    "انهي",
    "انتهي",
    "وافق",
    "اتهم",
    "حذر",
    "اعرب",
    "ابدي",
    "تلقي",
    "اجري",
    "وجه",
    "اجتمع",
    "وقعت",
    "تسلم",
    "ترأس",
    "تراس",
    "شارك",
    "حقق",
    "خاض",
    "لقي",
    "نقل",
    "اظهر",
    "ابلغ",
    "استهدف",
    "اعلنت",
    "تظاهر",
    "احتج",
    "هبط",
    "صوت",
    "انتخب",
    "عين",
    "اقال",
    "استقال",
    "حضر",
    "غاب",
    "دخل",
    "خرج",
    "عاد",
    "اعاد",
    "تمكن",
];

/// Words that put a sentence in the future (سوف, يعتزم, من المقرر, سيعقد): a bare weekday
/// or month near one is the next such day or month.
const FUTURE_CUES: &[&str] = &[
    "سوف",
    "يعتزم",
    "تعتزم",
    "المقرر",
    "المنتظر",
    "المرتقب",
    "المقبل",
    "القادم",
    "المقبله",
    "القادمه",
    "يعقد",
    "تعقد",
    "غدا",
    // سـ + a verb of news: the future.
    "سيعقد",
    "ستعقد",
    "سيتم",
    "ستتم",
    "سيكون",
    "ستكون",
    "سيبدا",
    "ستبدا",
    "سيزور",
    "ستزور",
    "سيجري",
    "ستجري",
    "سينطلق",
    "ستنطلق",
    "سيلتقي",
    "ستلتقي",
    "سيقام",
    "ستقام",
    "سيتحدد",
    "ستتحدد",
    "سيشهد",
    "ستشهد",
    "سيعلن",
    "ستعلن",
    "سيصل",
    "ستصل",
    "سيلعب",
    "ستلعب",
    "سيواجه",
    "ستواجه",
    "سيتوجه",
    "ستتوجه",
];

/// True when word `w` (normalized) is a past-tense verb of [`PAST_VERBS`], in either gender.
fn is_past_verb(w: &str) -> bool {
    PAST_VERBS.iter().any(|v| {
        w == *v
            || w.strip_suffix('ت')
                .is_some_and(|m| m == *v || v.strip_suffix('ي').is_some_and(|stem| m == stem))
    })
}

/// The tense of the sentence around token `i` as its words show it: Some(true) for the
/// past, Some(false) for the future, None when they do not say. Looks at most ten words
/// each way, within the line and the sentence, nearest first: a future cue (سوف, سيعقد,
/// المقبل) makes it the future, a past verb of news (قال, أعلنت) the past; lacking both, a
/// sentence of four words or more is the past (news reports what happened), and a phrase
/// alone says nothing.
pub(crate) fn sentence_is_past(t: &Tokens, i: usize) -> Option<bool> {
    let (cue, words) = tense_cue(t, i);
    cue.or((words >= 4).then_some(true))
}

/// What the words around token `i` say of the tense, as [`sentence_is_past`] reads them
/// (None when no word says it), and how many words it read.
pub(crate) fn tense_cue(t: &Tokens, i: usize) -> (Option<bool>, usize) {
    let end_of_sentence = |k: usize| matches!(t.norm(k), "." | "؟" | "?" | "!" | "؛");
    let back: Vec<usize> = (i.saturating_sub(10)..i)
        .rev()
        .take_while(|&k| t.joined(k + 1) && !end_of_sentence(k))
        .collect();
    let ahead: Vec<usize> = (i + 1..i + 11)
        .take_while(|&k| t.joined(k) && !end_of_sentence(k))
        .collect();
    let nearest_first = (0..back.len().max(ahead.len()))
        .flat_map(|d| [back.get(d), ahead.get(d)])
        .flatten();
    let mut words = 0;
    for &k in nearest_first {
        let word = t.norm(k);
        words += usize::from(t.kind(k) == Some(Kind::Word));
        // With or without a و or ف before it (وقال, فأعلن).
        let bare = ["و", "ف"]
            .iter()
            .find_map(|c| word.strip_prefix(c))
            .filter(|r| r.chars().count() > 2);
        for w in std::iter::once(word).chain(bare) {
            if FUTURE_CUES.contains(&w) {
                return (Some(false), words);
            }
            if is_past_verb(w) {
                return (Some(true), words);
            }
        }
    }
    (None, words)
}

/// Weekday names (normalized) and their number, Monday = 0.
const WEEKDAYS: &[(&str, i64)] = &[
    ("الاثنين", 0),
    ("اثنين", 0),
    ("الثلاثاء", 1),
    ("ثلاثاء", 1),
    ("الثلاثا", 1),
    ("الاربعاء", 2),
    ("اربعاء", 2),
    ("الاربعا", 2),
    ("الخميس", 3),
    ("خميس", 3),
    ("الجمعه", 4),
    ("جمعه", 4),
    ("السبت", 5),
    ("سبت", 5),
    ("الاحد", 6),
    ("احد", 6),
];

/// The weekday named at `i` (Monday = 0); not أحد/اثنين in a number (الأحد عشر).
pub(crate) fn weekday_at(t: &Tokens, i: usize) -> Option<i64> {
    let w = t.norm(i);
    if t.joined(i + 1) && matches!(t.norm(i + 1), "عشر" | "عشره") {
        return None;
    }
    WEEKDAYS.iter().find(|(n, _)| *n == w).map(|(_, d)| *d)
}

/// The stem of word `i` after a ب/ل/ف/و clitic (بالأمس → الامس), or "" past the line.
pub(crate) fn stem_at<'a>(t: &'a Tokens, i: usize) -> &'a str {
    if i > 0 && !t.joined(i) || t.kind(i) != Some(Kind::Word) {
        return "";
    }
    let w = t.norm(i);
    for p in ["و", "ف", "ب", "ل"] {
        if let Some(rest) = w.strip_prefix(p) {
            if rest.starts_with("ال") || matches!(rest, "امس" | "غد" | "عام" | "سنه") {
                return rest;
            }
        }
    }
    w
}

/// Words that bound or blur the amount after them (normalized), longest first where one
/// phrase starts another.
pub(crate) const QUALIFIERS_BEFORE: &[(&[&str], Qualifier)] = &[
    (&["ما", "لا", "يقل", "عن"], Qualifier::AtLeast),
    (&["ما", "لا", "تقل", "عن"], Qualifier::AtLeast),
    (&["ما", "لا", "يزيد", "عن"], Qualifier::AtMost),
    (&["ما", "لا", "يزيد", "علي"], Qualifier::AtMost),
    (&["ما", "لا", "تزيد", "عن"], Qualifier::AtMost),
    (&["ما", "لا", "تزيد", "علي"], Qualifier::AtMost),
    (&["ما", "يصل", "الي"], Qualifier::AtMost),
    (&["ما", "تصل", "الي"], Qualifier::AtMost),
    (&["لا", "اكثر", "من"], Qualifier::AtMost),
    (&["لا", "اقل", "من"], Qualifier::AtLeast),
    (&["لا", "يتعدي"], Qualifier::AtMost),
    (&["لا", "تتعدي"], Qualifier::AtMost),
    (&["لا", "يتجاوز"], Qualifier::AtMost),
    (&["لا", "تتجاوز"], Qualifier::AtMost),
    (&["لا", "يقل", "عن"], Qualifier::AtLeast),
    (&["لا", "تقل", "عن"], Qualifier::AtLeast),
    (&["لا", "يزيد", "عن"], Qualifier::AtMost),
    (&["لا", "يزيد", "علي"], Qualifier::AtMost),
    (&["لا", "تزيد", "عن"], Qualifier::AtMost),
    (&["لا", "تزيد", "علي"], Qualifier::AtMost),
    (&["ما", "يزيد", "علي"], Qualifier::MoreThan),
    (&["ما", "يزيد", "عن"], Qualifier::MoreThan),
    (&["ما", "يربو", "علي"], Qualifier::MoreThan),
    (&["ما", "يقرب", "من"], Qualifier::Approx),
    (&["ما", "يقارب"], Qualifier::Approx),
    (&["ما", "دون"], Qualifier::LessThan),
    (&["علي", "الاقل"], Qualifier::AtLeast),
    (&["علي", "الاكثر"], Qualifier::AtMost),
    (&["في", "حدود"], Qualifier::Approx),
    (&["اكثر", "من"], Qualifier::MoreThan),
    (&["ازيد", "من"], Qualifier::MoreThan),
    (&["اكبر", "من"], Qualifier::MoreThan),
    (&["اعلي", "من"], Qualifier::MoreThan),
    (&["يزيد", "علي"], Qualifier::MoreThan),
    (&["يزيد", "عن"], Qualifier::MoreThan),
    (&["اقل", "من"], Qualifier::LessThan),
    (&["اصغر", "من"], Qualifier::LessThan),
    (&["ادني", "من"], Qualifier::LessThan),
    (&["اخفض", "من"], Qualifier::LessThan),
    (&["يتجاوز"], Qualifier::MoreThan),
    (&["تتجاوز"], Qualifier::MoreThan),
    (&["يفوق"], Qualifier::MoreThan),
    (&["تفوق"], Qualifier::MoreThan),
    (&["فوق"], Qualifier::MoreThan),
    (&["دون"], Qualifier::LessThan),
    (&["تحت"], Qualifier::LessThan),
    (&["نحو"], Qualifier::Approx),
    (&["حوالي"], Qualifier::Approx),
    (&["قرابه"], Qualifier::Approx),
    (&["زهاء"], Qualifier::Approx),
    (&["يقارب"], Qualifier::Approx),
    (&["تقريبا"], Qualifier::Approx),
];

/// Words after an amount that bound or blur it (normalized).
pub(crate) const QUALIFIERS_AFTER: &[(&[&str], Qualifier)] = &[
    (&["او", "اكثر"], Qualifier::AtLeast),
    (&["او", "اقل"], Qualifier::AtMost),
    (&["علي", "الاقل"], Qualifier::AtLeast),
    (&["علي", "الاكثر"], Qualifier::AtMost),
    (&["واكثر"], Qualifier::AtLeast),
    (&["فاكثر"], Qualifier::AtLeast),
    (&["فاقل"], Qualifier::AtMost),
    (&["تقريبا"], Qualifier::Approx),
];

/// The grammatical class of a number word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// 0 to 9 (value).
    Unit,
    /// عشر / عشرة: ten alone, or the second half of 11 to 19.
    Teen10,
    /// A one-word 11 to 19 (dialect spellings such as حداشر).
    Teen,
    /// 20, 30 … 90.
    Ten,
    /// 100 … 900; [`Word::single`] marks مائة itself, which a unit may multiply.
    Hundred,
    /// 10^3, 10^6, 10^9, 10^12; [`Word::count`] is 1 (singular), 2 (dual), 0 (plural) or 3
    /// (ألفا, مليونا: a dual in a construct or an accusative singular).
    Scale,
    /// A fraction 1/value; count as for scales.
    Frac,
    /// An ordinal 1 … 10.
    Ord,
    /// فاصلة, the decimal point.
    Point,
    /// سالب / ناقص, a minus sign.
    Neg,
}

/// One reading of a number word.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Word {
    pub class: Class,
    pub value: f64,
    pub count: u8,
    /// Stands only inside a compound (أحد in أحد عشر, اثنا in اثنا عشر, حادي).
    pub compound_only: bool,
    /// مائة / مئة: the plain hundred.
    pub single: bool,
}

/// What a unit or currency phrase maps to.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Unit {
    /// True for a duration (value in seconds), false for a quantity.
    pub duration: bool,
    pub code: String,
    pub factor: f64,
    /// 2 for a dual form (ساعتين), else 1.
    pub count: u8,
}

/// A month name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Month {
    pub month: u32,
    pub hijri: bool,
}

/// A phrase table: normalized token sequences keyed by their first token.
pub(crate) struct Phrases<T> {
    by_first: HashMap<String, Vec<(Vec<String>, T)>>,
}

impl<T> Phrases<T> {
    fn new() -> Self {
        Phrases {
            by_first: HashMap::default(),
        }
    }

    fn insert(&mut self, phrase: &str, value: T) {
        let toks = Tokens::new(phrase);
        let words: Vec<String> = (0..toks.len()).map(|i| toks.norm(i).to_string()).collect();
        if words.is_empty() {
            return;
        }
        let list = self.by_first.entry(words[0].clone()).or_default();
        list.push((words, value));
        list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    }

    /// The longest phrase starting at token `i` whose first token has stem `first` (the
    /// token's form, or its stem after clitics) and whose other tokens follow on the same
    /// line. Returns the value and the index after the phrase.
    pub fn longest(&self, t: &Tokens, i: usize, first: &str) -> Option<(&T, usize)> {
        let list = self.by_first.get(first)?;
        'phrase: for (words, value) in list {
            for (k, w) in words.iter().enumerate().skip(1) {
                let j = i + k;
                if !t.joined(j) || !t.norm(j).eq_ignore_ascii_case(w) {
                    continue 'phrase;
                }
            }
            return Some((value, i + words.len()));
        }
        None
    }
}

/// All lexicons.
pub(crate) struct Lexicon {
    pub words: HashMap<String, Vec<Word>>,
    pub currency_nouns: Phrases<String>,
    pub currency_default: HashMap<String, String>,
    /// (family, ISO 3166 code) → the currency of a bare family noun in that country.
    pub currency_country: HashMap<(String, String), String>,
    pub currency_adj: HashMap<(String, String), String>,
    pub currency_symbols: Phrases<String>,
    pub units: Phrases<Unit>,
    pub months: Phrases<Month>,
    /// Every stem that can start a mention: [`Lexicon::starts`].
    triggers: HashSet<String>,
    /// The [`tail`] of every trigger.
    trigger_tails: Tails,
}

/// A set of [`tail`]s: one bit each.
struct Tails(Box<[u64]>);

impl Tails {
    fn new() -> Tails {
        Tails(vec![0; (1 << 18) / 64].into_boxed_slice())
    }

    fn insert(&mut self, key: usize) {
        self.0[key / 64] |= 1 << (key % 64);
    }

    fn contains(&self, key: usize) -> bool {
        self.0[key / 64] & (1 << (key % 64)) != 0
    }
}

/// An 18-bit digest of the last three chars of `s`, the same for `s` and for any longer
/// string ending like it; `None` for a string of fewer than three.
fn tail(s: &str) -> Option<usize> {
    let mut rev = s.chars().rev().map(|c| u32::from(c) & 0x3F);
    let (c, b, a) = (rev.next()?, rev.next()?, rev.next()?);
    Some(((a << 12) | (b << 6) | c) as usize)
}

impl Lexicon {
    /// True when word `i` (bare or after clitics) may start a mention; every other word is
    /// skipped at once. Clitics only come in front, and a stem after them has at least
    /// three letters, so every stem of a word of three letters or more ends in the word's
    /// last three: a word that ends unlike every trigger is rejected before it is split.
    pub fn starts(&self, t: &Tokens, i: usize) -> bool {
        tail(t.norm(i)).is_none_or(|key| self.trigger_tails.contains(key))
            && t.splits(i).any(|s| self.triggers.contains(s.stem))
            || self.short_after_wa(t.norm(i)).is_some()
    }

    /// A number word of two letters after a glued و (وست), which the clitic splits leave
    /// out (a stem after a clitic has three letters or more).
    pub fn short_after_wa<'a>(&self, w: &'a str) -> Option<&'a str> {
        w.strip_prefix('و')
            .filter(|r| r.chars().count() == 2 && self.words.contains_key(*r))
    }
}

/// The rows of a table with at least `fields` fields (read by [`crate::tsv`]).
fn rows(tsv: &'static str, fields: usize) -> Vec<crate::tsv::Row<'static>> {
    crate::tsv::rows(tsv, fields)
}

/// The accusative (tanwin alif) form of a singular noun phrase, which follows numbers from
/// 11 to 99 (20 كيلومترا, 15 مترا, 30 يوما): the last word with ا, unless it already ends in
/// a long vowel, ة or a plural ending.
fn accusative(phrase: &str) -> Option<String> {
    // كيلومترا مربعا, قدما مكعبا: the adjective agrees with its noun.
    if let Some(head) = phrase
        .strip_suffix(" مربع")
        .or_else(|| phrase.strip_suffix(" مكعب"))
    {
        let adjective = &phrase[head.len() + 1..];
        return accusative(head).map(|head| format!("{head} {adjective}ا"));
    }
    let last = phrase.rsplit(' ').next()?;
    let plain = !["ا", "ه", "ة", "ي", "ى", "ات", "ين", "ان", "ون"]
        .iter()
        .any(|end| last.ends_with(end));
    // Not كم: كما is "as".
    (plain && last.chars().count() > 2).then(|| format!("{phrase}ا"))
}

/// The number words of `words.tsv` by normalized form, each with its readings.
fn load_words() -> HashMap<String, Vec<Word>> {
    let mut words: HashMap<String, Vec<Word>> = HashMap::default();
    for r in rows(include_str!("../../data/numbers/words.tsv"), 3) {
        let class = match r.get(1) {
            "unit" => Class::Unit,
            "teen10" => Class::Teen10,
            "teen" => Class::Teen,
            "ten" => Class::Ten,
            "hundred" => Class::Hundred,
            "scale" => Class::Scale,
            "frac" => Class::Frac,
            "ord" => Class::Ord,
            "point" => Class::Point,
            _ => Class::Neg,
        };
        let flag = r.get(3);
        words.entry(normalize(r.get(0))).or_default().push(Word {
            class,
            value: r.get(2).parse().unwrap_or(0.0),
            count: flag.parse().unwrap_or(1),
            compound_only: flag == "compound",
            single: flag == "single",
        });
    }
    words
}

fn parse_lexicon() -> Lexicon {
    let words = load_words();
    let mut currency_nouns = Phrases::new();
    let mut currency_default = HashMap::default();
    let mut currency_country = HashMap::default();
    let mut currency_adj = HashMap::default();
    let mut currency_symbols = Phrases::new();
    for r in rows(include_str!("../../data/numbers/currencies.tsv"), 4) {
        match r.get(0) {
            "noun" => currency_nouns.insert(r.get(1), r.get(2).to_string()),
            "default" => {
                currency_default.insert(r.get(2).to_string(), r.get(3).to_string());
            }
            "country" => {
                currency_country.insert(
                    (r.get(2).to_string(), r.get(1).to_string()),
                    r.get(3).to_string(),
                );
            }
            "adj" => {
                currency_adj.insert(
                    (r.get(2).to_string(), normalize(r.get(1))),
                    r.get(3).to_string(),
                );
            }
            _ => currency_symbols.insert(r.get(1), r.get(3).to_string()),
        }
    }
    let mut units = Phrases::new();
    for r in rows(include_str!("../../data/numbers/units.tsv"), 5) {
        let unit = Unit {
            duration: r.get(1) == "duration",
            code: r.get(2).to_string(),
            factor: r.get(3).parse().unwrap_or(1.0),
            count: r.get(4).parse().unwrap_or(1),
        };
        if let Some(accusative) = accusative(r.get(0)).filter(|_| unit.count == 1) {
            units.insert(&accusative, unit.clone());
        }
        units.insert(r.get(0), unit);
    }
    let mut months = Phrases::new();
    for r in rows(include_str!("../../data/numbers/months.tsv"), 3) {
        months.insert(
            r.get(0),
            Month {
                month: r.get(2).parse().unwrap_or(1),
                hijri: r.get(1) == "hijri",
            },
        );
    }
    let mut triggers: HashSet<String> = words.keys().cloned().collect();
    triggers.extend(currency_nouns.by_first.keys().cloned());
    triggers.extend(months.by_first.keys().cloned());
    triggers.extend(units.by_first.keys().cloned());
    triggers.extend(CUE_WORDS.iter().map(|w| w.to_string()));
    triggers.extend(RELATIVE_ORDINALS.iter().map(|r| r.0.to_string()));
    triggers.extend(RELATIVE_CUES.iter().map(|w| w.to_string()));
    triggers.extend(HOLIDAY_STARTS.iter().map(|w| w.to_string()));
    let mut trigger_tails = Tails::new();
    for key in triggers.iter().filter_map(|t| tail(t)) {
        trigger_tails.insert(key);
    }
    Lexicon {
        triggers,
        trigger_tails,
        words,
        currency_nouns,
        currency_default,
        currency_country,
        currency_adj,
        currency_symbols,
        units,
        months,
    }
}

/// The currency of a bare noun of `family` (دينار: "dinar") in `country` (ISO 3166, upper
/// case), if the lexicon knows one.
pub(crate) fn currency_of_country(family: &str, country: &str) -> Option<&'static str> {
    LEXICON
        .currency_country
        .get(&(family.to_string(), country.to_string()))
        .map(String::as_str)
}

/// The lexicons, parsed on first use.
pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(parse_lexicon);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads() {
        let lex = &*LEXICON;
        assert!(lex.words["ثلاثه"]
            .iter()
            .any(|w| w.class == Class::Unit && w.value == 3.0));
        assert!(lex.words["الف"].iter().any(|w| w.class == Class::Scale));
        let t = Tokens::new("كانون الثاني");
        let (m, end) = lex.months.longest(&t, 0, t.norm(0)).unwrap();
        assert_eq!((m.month, end), (1, 2));
    }
}
