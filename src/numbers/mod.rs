//! Numbers in Arabic text: cardinals, ordinals, fractions, percentages, money, quantities,
//! durations, dates and times, each with its value and its byte span.
//!
//! The text is tokenized once (`tokenize.rs`: words with their proclitics و ف ب ل ك ال,
//! digit runs, symbols), then read left to right (`scan.rs`). Words that cannot start a
//! mention are skipped after one hash lookup (`lexicon.rs`). At other tokens a relative
//! ordinal is tried first, then the date and time grammars (`dates.rs`, which calls on
//! `clock.rs`, `weeks.rs`, `months.rs`, `years.rs`, `relative.rs`, `holidays.rs`), then a
//! number phrase (`grammar.rs`) with what comes after it (`amounts.rs`, `units.rs`: a
//! percent sign or word, a currency, a unit), then an ordinal (`ordinals.rs`). A match moves
//! the reader past it, so spans never overlap, and every grammar looks ahead a bounded
//! number of tokens, so the whole pass is linear in the text. A last pass lets the first
//! number of a range take the kind of the second (`ranges.rs`: 10-20 دولار, من 13 الى 15
//! تموز).
//!
//! The modules form layers, each using only those below it: `tokenize`, `calendar` and
//! `mention` at the bottom; `values` (the typed values found, written out as the public ISO
//! strings in one place); `lexicon` (every word list); `grammar`; `units`, `codes`;
//! `ordinals`; `holidays`, `relative`, `years`, `clock`; `months`; `weeks`; `dates`,
//! `amounts`, `ranges`; `scan`.
//!
//! Conventions beyond the table in DESIGN.md:
//! - a currency word with no country: جنيه → EGP, ريال → SAR, درهم → AED, دينار → KWD,
//!   ليرة → LBP; سنت, ¢ and قرش are hundredths (10 سنت → 0.1 USD);
//! - amounts keep the unit they are written in (0.5 كغ → 0.5 kg), except durations, which
//!   are in seconds (a month is 30 days, a year 365);
//! - a Hijri date is converted with the tabular Islamic calendar and keeps its Hijri form in
//!   `unit` ("islamic:1445-09-15");
//! - relative dates (أمس, الأسبوع الماضي, قبل يومين) need a reference date; a weekday alone
//!   is the next one after the reference (as in Duckling), with الماضي the last one before;
//! - a named holiday (عيد الفطر, عيد الأضحى, رأس السنة الهجرية, المولد النبوي, عيد الميلاد,
//!   عيد الفصح) is the date it falls on in the year written after it, else the next one
//!   after the reference (`holidays.rs`); أواخر الشهر is its 21st day, as in Duckling;
//! - a proper ratio is a cardinal: واحد على ثلاثة → 1/3, ثلاثة أجزاء من مئة → 0.03, and
//!   واحد من مائة (one in a power of ten) → 0.01; واحد من ثلاثة (one of three) stays two
//!   numbers, and 3 على 1 (a score) too; 1.1^23 is a power;
//! - a relative ordinal is valued as a string (الأخير, آخر كتاب → "end+0", قبل الأخير →
//!   "end-1", التالي → "current+1", السابقة → "current-1", الحالي → "current+0"); not after a
//!   word of time (الأسبوع القادم is a date), nor السابق/الحالي after a title (الرئيس
//!   السابق is a former president), nor آخر before a particle (مسؤول آخر إن, another
//!   official) or a word of time (آخر يوم); a hundred after ال alone is a rank (الذكرى المئة),
//!   and one after أي, كل, لا is a pronoun (كل واحد منهم), not a count;
//! - a unit of time that stands alone as a clause (شهر., a heading) is one of that unit;
//! - a week is given as the date of its Monday; a day and month with no year take the
//!   reference year, a month named alone its next occurrence, and both "XXXX" without a
//!   reference;
//! - phone numbers, codes glued to Latin letters, 2+2, numbers in web addresses and small
//!   numbers that close a quoted name are not reported.

mod amounts;
mod calendar;
mod clock;
mod codes;
mod dates;
mod grammar;
mod holidays;
mod lexicon;
mod mention;
mod months;
mod ordinals;
mod qualifiers;
mod ranges;
mod relative;
mod scan;
pub(crate) mod tokenize;
mod units;
mod values;
mod weeks;
mod years;

pub use calendar::Date;
pub use mention::{Country, NumberKind, NumberMention, NumberOptions, NumberValue, Qualifier};

/// Finds every number in `text`. Relative dates (أمس, غدا, الاثنين الماضي, قبل يومين) are
/// resolved against `options.reference_date`, and reported with no value without one; a
/// day and month with no year get the reference year, or "XXXX" without a reference.
///
/// Mentions are sorted, never overlap, and never include a proclitic (و ف ب ل ك) glued to
/// the number or the spaces around it. Runs in time linear in the length of `text`.
pub fn find_numbers(text: &str, options: &NumberOptions) -> Vec<NumberMention> {
    crate::fault::check_str(text);
    // No mention crosses a line break, so a long text is read in blocks of whole lines: the
    // tokens of one block stay in cache, and memory does not grow with the text.
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let cut = (start + BLOCK_BYTES).min(text.len());
        let end = text.as_bytes()[cut..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(text.len(), |k| cut + k + 1);
        out.extend(
            scan::find_in_block(&text[start..end], options)
                .into_iter()
                .map(|m| m.into_mention(start, options.country)),
        );
        start = end;
    }
    out
}

/// The size from which [`find_numbers`] cuts a text at its next line break.
const BLOCK_BYTES: usize = 1 << 16;

#[cfg(test)]
mod tests {
    use super::*;

    /// The options with `reference` as the reference date.
    fn on(reference: Option<Date>) -> NumberOptions {
        NumberOptions {
            reference_date: reference,
            ..NumberOptions::default()
        }
    }

    fn found(text: &str) -> Vec<(String, &'static str, NumberValue, Option<String>)> {
        find_numbers(text, &NumberOptions::default())
            .into_iter()
            .map(|m| {
                (
                    text[m.start..m.end].to_string(),
                    m.kind.as_str(),
                    m.value,
                    m.unit,
                )
            })
            .collect()
    }

    #[test]
    fn blocks_read_like_one_text() {
        let page = "في 27 مايو/آيار 2017 قتل 12 شخصا و24 جريحا\nبلغت 2.5 مليار دولار بنسبة 15.5%\n";
        let text = page.repeat(2 * BLOCK_BYTES / page.len() + 3);
        let options = NumberOptions::default();
        let whole: Vec<NumberMention> = scan::find_in_block(&text, &options)
            .into_iter()
            .map(|m| m.into_mention(0, None))
            .collect();
        assert_eq!(find_numbers(&text, &NumberOptions::default()), whole);
        assert!(whole.len() > 1000);
    }

    #[test]
    fn powers_ratios_and_ranges() {
        let v = |text: &str| found(text).into_iter().map(|m| m.2).collect::<Vec<_>>();
        assert_eq!(v("2.5^-1"), [NumberValue::Float(0.4)]);
        assert_eq!(v("واحد على عشرين"), [NumberValue::Float(0.05)]);
        assert_eq!(v("واحد من مائة"), [NumberValue::Float(0.01)]);
        // One of three people is a count, and a score is not a ratio.
        assert_eq!(
            v("واحد من ثلاثة"),
            [NumberValue::Int(1), NumberValue::Int(3)]
        );
        assert_eq!(v("فاز 3 على 1"), [NumberValue::Int(3), NumberValue::Int(1)]);
        let range = find_numbers("حوالي 10$-20$", &NumberOptions::default());
        assert_eq!(range.len(), 1);
        assert_eq!(
            (&range[0].value, &range[0].high, range[0].qualifier),
            (
                &NumberValue::Int(10),
                &Some(NumberValue::Int(20)),
                Some(Qualifier::Approx)
            )
        );
        assert_eq!(v("5 تحت الصفر"), [NumberValue::Int(-5)]);
        assert_eq!(v("20$ و 43c"), [NumberValue::Float(20.43)]);
        assert_eq!(v("3 سنوات و6 أشهر"), [NumberValue::Int(110_160_000)]);
        assert_eq!(v("ثلاثة و عشرون خمس"), [NumberValue::Float(4.6)]);
        assert_eq!(v("مائة و اثنان و ثلاثون أخماس"), [NumberValue::Float(26.4)]);
        assert_eq!(
            v("خمسة عشر خمس"),
            [NumberValue::Int(15), NumberValue::Int(5)]
        );
        assert_eq!(v("2 سنة 1 شهر 21 يوم"), [NumberValue::Int(67_478_400)]);
        assert_eq!(v("20 دولار و43 سنت"), [NumberValue::Float(20.43)]);
        let hours = |text: &str| {
            v(text)
                .into_iter()
                .map(|v| format!("{v:?}"))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            hours("من الخامسة إلى السادسة مساءً"),
            ["Text(\"17:00\")", "Text(\"18:00\")"]
        );
        assert_eq!(
            hours("الساعة 1 بعد الظهر إلى 4"),
            ["Text(\"13:00\")", "Text(\"16:00\")"]
        );
    }

    #[test]
    fn clitics_stay_out_of_spans() {
        let f = found("قتل 12 شخصا و24 جريحا ب300 رصاصة");
        let spans: Vec<&str> = f.iter().map(|m| m.0.as_str()).collect();
        assert_eq!(spans, ["12", "24", "300"]);
    }

    #[test]
    fn money_percent_quantity() {
        let f =
            found("بلغت 2.5 مليار دولار بنسبة 15.5% و7 مليارات و300 مليون جنيه مصري و 30 كيلومتر");
        assert_eq!(f[0].2, NumberValue::Int(2_500_000_000));
        assert_eq!(f[0].3.as_deref(), Some("USD"));
        assert_eq!((f[1].1, &f[1].2), ("percent", &NumberValue::Float(15.5)));
        assert_eq!(f[2].2, NumberValue::Int(7_300_000_000));
        assert_eq!(f[2].3.as_deref(), Some("EGP"));
        assert_eq!((f[3].1, f[3].3.as_deref()), ("quantity", Some("km")));
    }

    #[test]
    fn ranges_share_units() {
        let f = found("بين 10-20 دولار ومن 13 الى 15 تموز 2013");
        assert_eq!((f[0].0.as_str(), f[0].1), ("بين 10-20 دولار", "money"));
        assert_eq!(f[0].3.as_deref(), Some("USD"));
        // Dates stay two mentions.
        assert_eq!(f[1].2, NumberValue::Text("2013-07-13".into()));
        assert_eq!(f[2].2, NumberValue::Text("2013-07-15".into()));
        let f = found("من 8 إلى 10 ملايين برميل");
        assert_eq!(
            (f[0].2.clone(), f[0].3.as_deref()),
            (NumberValue::Int(8_000_000), Some("barrel"))
        );
    }

    #[test]
    fn relative_to_reference() {
        let r = Some(Date {
            year: 2013,
            month: 2,
            day: 12,
        });
        let m = find_numbers("وصل قبل يومين", &on(r));
        assert_eq!(m[0].value, NumberValue::Text("2013-02-10".into()));
        assert_eq!(m[0].kind, NumberKind::Date);
    }

    #[test]
    fn durations() {
        let f = found("استمر ساعتين ونصف ثم 3 أيام");
        assert_eq!(f[0].2, NumberValue::Int(9000));
        assert_eq!(f[1].2, NumberValue::Int(3 * 86400));
    }

    #[test]
    fn traps() {
        // A weekday is a date (with no value without a reference), never a number.
        for text in ["الاثنين", "الثلاثاء", "الخميس", "الأحد"] {
            let f = found(text);
            assert!(f.iter().all(|m| m.1 == "date"), "{text}: {f:?}");
        }
        for text in [
            "الفريق",
            "الفتاح",
            "ستنال",
            "لست أدري",
            "اتصل على 0501234567",
            "٦٥٠ ٧٠١ ٨٨٨٧",
            "٦٥٠٧٠١٨٨٨٧",
            "+١ ٦٥٠٧٠١٨٨٨٧",
            "(+١)٦٥٠٧٠١٨٨٨٧",
        ] {
            assert!(
                find_numbers(text, &NumberOptions::default()).is_empty(),
                "{text}: {:?}",
                found(text)
            );
        }
    }

    #[test]
    fn no_traps_on_sample_pages() {
        let pages = [
            include_str!("../../tests/data/000_b9b3c63502130dbb.txt"),
            include_str!("../../tests/data/001_01ccc8792b294ebf.txt"),
            include_str!("../../tests/data/002_d0cafe620243ed18.txt"),
            include_str!("../../tests/data/003_f69f21bcde3b1f87.txt"),
            include_str!("../../tests/data/004_7e0eab1ba710d1e2.txt"),
        ];
        let weekdays = [
            "الاثنين",
            "الإثنين",
            "الثلاثاء",
            "الأربعاء",
            "الخميس",
            "الجمعة",
            "السبت",
            "الأحد",
        ];
        for page in pages {
            let found = find_numbers(page, &NumberOptions::default());
            for m in &found {
                let s = &page[m.start..m.end];
                let date = m.kind == NumberKind::Date;
                assert!(
                    date || !weekdays.contains(&s),
                    "weekday read as a number: {s}"
                );
                if let NumberValue::Int(v) = m.value {
                    assert!(v.abs() < 100_000_000_000_000, "huge number {s}");
                }
            }
            for trap in [
                "2+2",
                "الصداقة 2",
                "4931",
                "الفريق",
                "الفتاح",
                "ستنال",
                "اول من امس",
                "أول من أمس",
            ] {
                let mut from = 0;
                while let Some(k) = page[from..].find(trap) {
                    let (a, b) = (from + k, from + k + trap.len());
                    // أول من أمس is a date (the day before yesterday), not a rank.
                    let hit = found
                        .iter()
                        .find(|m| m.start < b && a < m.end && m.kind != NumberKind::Date);
                    assert!(hit.is_none(), "trap {trap} read as {:?}", hit);
                    from = b;
                }
            }
        }
    }

    #[test]
    fn random_word_salad_never_panics() {
        let pool: Vec<&str> = "ثلاثة و عشرون ألف مليون نصف ربع أرباع الأول الحادي عشر والعشرون \
            بالمئة في المئة % ٪ $ دولار جنيه مصري ريال كم طن ساعة ساعتين ونصف يوم أيام عام سنة \
            2014 يناير كانون الثاني رمضان هـ م الساعة العاشرة صباحا مساء بعد الظهر 10 23:29 \
            12/03/2023 2023-03-12 - / . , ، : + سالب فاصلة قبل بعد أمس غدا اليوم الأسبوع الماضي \
            الاثنين من هذا شهر 3 ٢٫٥ 1,234 الى حتى بين منتصف الليل لمدة كامل \n"
            .split(' ')
            .collect();
        let mut seed = 0x9E3779B97F4A7C15u64;
        for reference in [
            None,
            Some(Date {
                year: 2020,
                month: 2,
                day: 29,
            }),
        ] {
            let mut s = String::new();
            for _ in 0..50_000 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push_str(pool[(seed >> 33) as usize % pool.len()]);
                if seed % 3 != 0 {
                    s.push(' ');
                }
            }
            let ms = find_numbers(&s, &on(reference));
            let mut last = 0;
            for m in &ms {
                assert!(m.start >= last && m.start < m.end, "{m:?}");
                assert!(s.is_char_boundary(m.start) && s.is_char_boundary(m.end));
                assert_eq!(s[m.start..m.end].trim(), &s[m.start..m.end]);
                last = m.end;
            }
        }
    }

    #[test]
    fn values_stay_finite() {
        let huge = "تريليون ".repeat(40) + "سنة";
        for m in find_numbers(&huge, &NumberOptions::default()) {
            if let NumberValue::Float(v) = m.value {
                assert!(v.is_finite());
            }
        }
    }

    #[test]
    fn linear_and_never_panics() {
        let digits = "7".repeat(1 << 20);
        assert!(find_numbers(&digits, &NumberOptions::default()).is_empty());
        let letter = "ا".repeat(1 << 19);
        assert!(find_numbers(&letter, &NumberOptions::default()).is_empty());
        let words = "ثلاثة و".repeat(1 << 16);
        let m = find_numbers(&words, &NumberOptions::default());
        assert!(!m.is_empty());
        let mut seed = 0x2545F4914F6CDD1Du64;
        let mut s = String::new();
        let pool: Vec<char> = "0123456789٠١٢٣٤٥٦٧٨٩.,٫٬،/-:%٪$ و ثلاثةعشرألفمليوننصفالأولينايرساعة\n"
            .chars()
            .collect();
        for _ in 0..200_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let c = if seed % 7 == 0 {
                char::from_u32((seed >> 20) as u32 % 0x11_0000).unwrap_or('x')
            } else {
                pool[(seed >> 32) as usize % pool.len()]
            };
            s.push(c);
        }
        let ms = find_numbers(&s, &NumberOptions::default());
        let mut last = 0;
        for m in &ms {
            assert!(
                m.start >= last
                    && m.start < m.end
                    && s.is_char_boundary(m.start)
                    && s.is_char_boundary(m.end)
            );
            last = m.end;
            if let NumberValue::Float(v) = m.value {
                assert!(v.is_finite());
            }
        }
    }
}
