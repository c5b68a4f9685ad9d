//! The plain-text path: every non-empty line becomes a unit.

use super::classify::{classify, Unit};
use super::features::Features;
use super::{assemble, Cleaned, Line, Reason};

/// Byte ranges of the trimmed non-empty lines of `page`.
fn line_ranges(page: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(page.len() / 64 + 1);
    let mut start = 0;
    // each line with its newline, then what follows the last newline (empty or not)
    let ends = memchr::memchr_iter(b'\n', page.as_bytes()).map(|i| i + 1);
    for end in ends.chain(Some(page.len())) {
        let raw = &page[start..end];
        let rest = raw.trim_start();
        let lead = start + raw.len() - rest.len();
        let trimmed = rest.trim_end();
        if !trimmed.is_empty() {
            out.push((lead, lead + trimmed.len()));
        }
        start = end;
    }
    out
}

/// Cleans a plain-text page.
pub(crate) fn clean_text(page: &str, preset: &dyn Fn(&str) -> Option<Reason>) -> Cleaned {
    let ranges = line_ranges(page);
    let units: Vec<Unit> = ranges
        .iter()
        .map(|&(s, e)| {
            let feats = Features::of(&page[s..e]);
            let preset = preset(&feats.folded.text);
            Unit {
                feats,
                preset,
                ..Unit::default()
            }
        })
        .collect();
    let reasons = classify(&units, None);
    let title = wrapped_title(page, &units, &ranges, &reasons);
    let lines = units
        .into_iter()
        .zip(ranges)
        .zip(reasons)
        .map(|((unit, (start, end)), reason)| {
            // the line's text takes the buffer of its folded text, which Features::of allocates
            // as long as the line: no allocation, and none to free, per line
            let mut text = unit.feats.folded.text;
            text.clear();
            text.push_str(&page[start..end]);
            Line {
                text,
                start,
                end,
                keep: reason.keeps(),
                reason,
            }
        })
        .collect();
    let mut cleaned = assemble(lines, None, None);
    if title.is_some() {
        cleaned.title = title;
    }
    cleaned
}

/// The headline when the page wraps it onto two lines, one under the other with no blank
/// line between (as a `<br>` splits one in HTML): the two title lines joined. The line above
/// the headline is its first part, not a kicker or another story's headline, when it is as
/// long as a headline's part (four words or more), does not end like a label (a colon, a
/// dash) or a sentence, and the lines are as a wrap to a width leaves them.
fn wrapped_title(
    page: &str,
    units: &[Unit],
    ranges: &[(usize, usize)],
    reasons: &[Reason],
) -> Option<String> {
    let last = reasons.iter().rposition(|&r| r == Reason::Title)?;
    let first = last.checked_sub(1)?;
    let f = &units[first].feats;
    let wrapped = reasons[first] == Reason::Title
        && page[ranges[first].1..ranges[last].0].matches('\n').count() == 1
        && f.words >= 4
        && !f.open_end
        && !f.sentence_end
        && !f.comma_end;
    let part = |k: usize| &page[ranges[k].0..ranges[k].1];
    let (a, b) = (part(first), part(last));
    // wrapped to a width, the second line holds what did not fit on the first: it is shorter
    // than the first with its own first word added (two headlines stacked need not be)
    let width = |t: &str| t.chars().count();
    let lead = b.split_whitespace().next().map_or(0, width);
    (wrapped && width(b) < width(a) + 1 + lead).then(|| format!("{a} {b}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADLINES: [&str; 3] = [
        "وزير الخارجية يبحث مع نظيره الفرنسي سبل تعزيز التعاون الاقتصادي بين البلدين",
        "ارتفاع أسعار النفط في الأسواق العالمية بعد قرار خفض الإنتاج الجديد",
        "الحكومة تعلن خطة جديدة لدعم المشروعات الصغيرة والمتوسطة في المحافظات",
    ];

    const BODY: &str = "بحث المسؤولون اليوم في العاصمة سبل تعزيز التعاون الاقتصادي والتجاري، وذلك خلال لقاء جمعهم على هامش المؤتمر الدولي الذي عقد هذا الأسبوع.\nوقال المتحدث إن العلاقات تشهد تطورا كبيرا في مختلف المجالات، مشيرا إلى أهمية العمل المشترك لمواجهة التحديات.\n";

    #[test]
    fn a_headline_wrapped_onto_two_lines_is_one_title() {
        for headline in HEADLINES {
            let words: Vec<&str> = headline.split(' ').collect();
            // wrapped to every width that leaves each part long enough to read as a line of
            // a headline (four words, then three)
            for cut in 4..words.len() - 2 {
                let (a, b) = (words[..cut].join(" "), words[cut..].join(" "));
                let width = a.chars().count() + words[cut].chars().count();
                if b.chars().count() > width {
                    continue;
                }
                for (eol, byline) in [("\n", "القاهرة - محمد علي\n"), ("\r\n", "")] {
                    let page = format!("{a}{eol}{b}{eol}{byline}{BODY}");
                    let out = super::super::clean(&page, Some(false));
                    assert_eq!(out.title.as_deref(), Some(headline), "{page}");
                    // separated by a blank line, the first is a line of its own
                    let page = format!("{a}{eol}{eol}{b}{eol}{byline}{BODY}");
                    let out = super::super::clean(&page, Some(false));
                    assert_ne!(out.title.as_deref(), Some(headline), "{page}");
                }
            }
        }
    }

    #[test]
    fn a_kicker_or_another_headline_above_the_headline_stays_out_of_the_title() {
        for (i, headline) in HEADLINES.iter().enumerate() {
            let other = HEADLINES[(i + 1) % HEADLINES.len()];
            let shorter: String = other.split(' ').take(5).collect::<Vec<_>>().join(" ");
            for kicker in ["عاجل", "خاص:", "شؤون عربية", "اقتصاد -", &shorter]
            {
                let page = format!("{kicker}\n{headline}\n{BODY}");
                let out = super::super::clean(&page, Some(false));
                assert_eq!(out.title.as_deref(), Some(*headline), "{page}");
            }
        }
    }

    #[test]
    fn ranges_slice_back() {
        let page = "  a b \r\n\n c\n";
        let r = line_ranges(page);
        assert_eq!(r.len(), 2);
        assert_eq!(&page[r[0].0..r[0].1], "a b");
        assert_eq!(&page[r[1].0..r[1].1], "c");
    }
}

#[cfg(test)]
mod seeds {
    //! The furniture labels of the five bundled seed pages (tests/data).
    use super::super::{clean, Reason};
    use Reason::*;

    /// The reason of the first line whose text starts with `prefix`.
    fn reason_of(page: &str, prefix: &str) -> Reason {
        let out = clean(page, None);
        out.lines
            .iter()
            .find(|l| l.text.starts_with(prefix))
            .unwrap_or_else(|| panic!("no line starts with {prefix}"))
            .reason
    }

    fn expect(page: &str, cases: &[(&str, Reason)]) {
        for &(prefix, want) in cases {
            assert_eq!(reason_of(page, prefix), want, "line {prefix}");
        }
    }

    #[test]
    fn seed_000_news_site_with_every_kind_of_chrome() {
        let page = include_str!("../../tests/data/000_b9b3c63502130dbb.txt");
        expect(
            page,
            &[
                ("توقيت القاهرة المحلي", Timestamp),
                ("مصر اليوم -", SiteName),
                ("من نتائج اجتماع", Title),
                ("اتجاه لتنسيق مصري روسي", Title),
                ("مصر اليوم - اتجاه", Duplicate),
                ("وزيري الخارجية المصري", Caption),
                ("القاهرة – علي السيد", Byline),
                ("آثارت تصريحات", Body),
                ("egypttoday", SiteName),
                ("الإسم *", CommentForm),
                ("البريد الألكتروني", CommentForm),
                ("شروط النشر", CommentForm),
                ("Security Code", CommentForm),
                ("بين القفطان والعباءة", Related),
                ("GMT 14:01 2026", Timestamp),
                ("حظك اليوم برج الدلو", Related),
                ("جميع الحقوق محفوظة", Copyright),
                ("Maintained and developed", Copyright),
                ("Pearl Bldg", Address),
            ],
        );
        let out = clean(page, None);
        assert_eq!(
            out.title.as_deref(),
            Some("اتجاه لتنسيق مصري روسي لمحاربة الإرهاب في ليبيا والقضاء على المتطرفين")
        );
        assert_eq!(out.byline.as_deref(), Some("القاهرة – علي السيد"));
    }

    #[test]
    fn seed_001_page_without_chrome_comes_back_whole() {
        let page = include_str!("../../tests/data/001_01ccc8792b294ebf.txt");
        let out = clean(page, None);
        assert!(out.lines.iter().all(|l| l.keep));
        assert_eq!(out.lines.len(), 14);
        expect(
            page,
            &[
                ("مصر تعتزم", Title),
                ("نور نيوز", Byline),
                ("لقاء السيسي", Body),
            ],
        );
    }

    #[test]
    fn seed_002_update_header_social_calls_and_comment_form() {
        let page = include_str!("../../tests/data/002_d0cafe620243ed18.txt");
        expect(
            page,
            &[
                ("الثلاثاء 01 اكتوبر 2024", Timestamp),
                ("اجتماع أمني رفيع", Title),
                ("أعلام داعش", Caption),
                ("الساعة 23:29", Byline),
                ("لمزيد من الأخبار", Share),
                ("لمتابعة أخبار", Share),
                ("شارك برأيك", CommentForm),
                ("المشاركات والتعليقات", CommentForm),
                ("إضافة تعليق", CommentForm),
                ("الأسم", CommentForm),
                ("النص", CommentForm),
            ],
        );
    }

    #[test]
    fn seed_003_body_printed_twice() {
        let page = include_str!("../../tests/data/003_f69f21bcde3b1f87.txt");
        let out = clean(page, None);
        let reasons: Vec<Reason> = out.lines.iter().map(|l| l.reason).collect();
        assert_eq!(&reasons[..2], &[Title, Title]);
        assert!(reasons[2..13].iter().all(|&r| r == Body));
        assert!(reasons[13..].iter().all(|&r| r == Duplicate));
    }

    #[test]
    fn seed_004_related_headlines_after_the_body() {
        let page = include_str!("../../tests/data/004_7e0eab1ba710d1e2.txt");
        let out = clean(page, None);
        let reasons: Vec<Reason> = out.lines.iter().map(|l| l.reason).collect();
        assert!(reasons[..12].iter().all(|&r| r == Body));
        assert_eq!(&reasons[12..], &[Related, Related, Related]);
        assert_eq!(out.title, None);
    }
}

#[cfg(test)]
mod speed {
    //! `cargo test --release -q speed -- --ignored --nocapture`: CPU time of the plain-text path.
    use super::super::clean;
    use super::*;

    fn cpu() -> f64 {
        // thread CPU time, steadier than wall time on a shared machine
        let t = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
        t.split(' ')
            .next()
            .and_then(|s| s.parse::<f64>().ok())
            .unwrap_or(0.0)
            / 1e9
    }

    #[test]
    #[ignore]
    fn plain_text_speed() {
        let pages: Vec<String> = std::fs::read_dir("python/nuqta/sample")
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect();
        let bytes: usize = pages.iter().map(String::len).sum::<usize>() * 400;
        for (name, f) in [
            (
                "clean",
                &(|p: &str| drop(clean(p, Some(false)))) as &dyn Fn(&str),
            ),
            ("features", &|p: &str| {
                for (s, e) in line_ranges(p) {
                    drop(Features::of(&p[s..e]));
                }
            }),
            ("fold", &|p: &str| {
                for (s, e) in line_ranges(p) {
                    drop(super::super::fold::fold(&p[s..e]));
                }
            }),
            ("lines", &|p: &str| {
                drop(std::hint::black_box(line_ranges(p)))
            }),
        ] {
            let mut best = f64::MAX;
            for _ in 0..7 {
                let t = cpu();
                for _ in 0..400 {
                    for p in &pages {
                        f(p);
                    }
                }
                best = best.min(cpu() - t);
            }
            eprintln!(
                "{name}: {:.1} ms per 2000 pages, {:.1} MB/s",
                best * 1e3,
                bytes as f64 / best / 1e6
            );
        }
    }
}
