//! Per-line features: length, script shares, stop-word density, punctuation, URL shapes,
//! time stamps and furniture phrases.

use super::fold::{fold_into, Folded, Seen};
use super::lexicon::{Entry, Lexicon};
use super::reason::Reason;
use crate::text::chars::{digit_value, is_arabic_letter};

/// Longest line, in words, whose words are looked up in the lexicons: every rule that uses them
/// (phrases, time stamps, stop-word density, credits) applies to lines at most this long.
const LEXICON_MAX_WORDS: usize = 40;

/// Lines of at most this many words read their words with small arrays.
const SHORT_LINE_WORDS: usize = 8;

/// What one line looks like.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Features {
    /// The folded words (also the duplicate key).
    pub folded: Folded,
    /// Number of words.
    pub words: u32,
    /// Arabic letters.
    pub arabic: u32,
    /// Latin letters.
    pub latin: u32,
    /// Function words among the words, counted after splitting clitics (on lines of at most
    /// [`LEXICON_MAX_WORDS`] words; 0 on longer ones).
    pub stop: u32,
    /// The line ends like a sentence: . ؟ ? ! or a closing quote after one (not "..." of a teaser).
    pub sentence_end: bool,
    /// The line ends with a full stop.
    pub full_stop: bool,
    /// Commas and semicolons inside the line (، ؛ , ;).
    pub inner_punct: u32,
    /// Has a URL, an e-mail address or a @handle.
    pub url: bool,
    /// Words that are month, weekday or clock words, or numbers (lines of at most
    /// [`LEXICON_MAX_WORDS`] words).
    pub date_words: u32,
    /// Has a clock time such as 14:01.
    pub clock: bool,
    /// Has a month or weekday name, GMT/UTC, or a four-digit year.
    pub date_anchor: bool,
    /// Has a © sign or "(c)".
    pub copyright_sign: bool,
    /// The furniture reason from the phrase lexicon.
    pub furniture: Option<Reason>,
    /// Dash or pipe separators (- – — |) standing between words.
    pub dashes: u32,
    /// The line ends with a dash or a colon.
    pub open_end: bool,
    /// The line ends with a colon (it introduces what follows).
    pub colon_end: bool,
    /// The line ends with a comma (a salutation, a clause the next line goes on with).
    pub comma_end: bool,
    /// Parentheses in the line.
    pub parens: bool,
    /// Has a byline or credit word (كتب، بقلم، وكالات، رويترز …) among its first or last two words.
    pub credit: bool,
    /// The first word is a date word or a number.
    pub lead_date: bool,
}

/// Whether a line has `://` or `www.` (a searcher set up per call costs more than the scan on
/// lines this short).
fn url_shape(b: &[u8]) -> bool {
    memchr::memchr_iter(b':', b).any(|i| b[i + 1..].starts_with(b"//"))
        || memchr::memchr_iter(b'w', b).any(|i| b[i..].starts_with(b"www."))
}

/// A count as stored in [`Features`]: 32 bits keep the per-line state small (a line of more than
/// four billion words or letters is counted as four billion).
fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// What a line's characters add up to, counted as the fold shows them ([`Seen`]).
struct CharCounts {
    arabic: usize,
    latin: usize,
    inner_punct: usize,
    dashes: usize,
    copyright_sign: bool,
    url: bool,
    parens: bool,
    clock: bool,
    /// A ':' or a '.', without which no "://" or "www." need be looked for.
    url_mark: bool,
    /// The character before the next one (any Arabic letter stands as 'ب').
    prev: char,
    /// A ':' right after a digit, and nothing since.
    colon_digits: bool,
}

impl CharCounts {
    fn new() -> CharCounts {
        CharCounts {
            arabic: 0,
            latin: 0,
            inner_punct: 0,
            dashes: 0,
            copyright_sign: false,
            url: false,
            parens: false,
            clock: false,
            url_mark: false,
            prev: ' ',
            colon_digits: false,
        }
    }

    /// Counts what the fold shows next.
    #[inline]
    fn see(&mut self, seen: Seen<'_>) {
        let c = match seen {
            Seen::Letters(n) => {
                // the common case: no punctuation, digit or sign to look for (and a space
                // between two letters changes nothing that the last letter does not)
                self.arabic += n;
                self.colon_digits = false;
                self.prev = 'ب';
                return;
            }
            Seen::Ascii(run, letters) => {
                // no punctuation or sign in it; a clock's minutes may open it ("14:01"),
                // and its last character is the one before what follows
                self.latin += letters;
                let b = run.as_bytes();
                self.clock |= self.colon_digits && b[0].is_ascii_digit();
                self.colon_digits = false;
                self.prev = char::from(b[b.len() - 1]);
                return;
            }
            Seen::Other(' ') => {
                // a space between words: nothing to count
                self.colon_digits = false;
                self.prev = ' ';
                return;
            }
            Seen::Other(c) => c,
        };
        if c.is_ascii_alphabetic() {
            self.latin += 1;
        }
        match c {
            '،' | '؛' | ',' | ';' => self.inner_punct += 1,
            '©' => self.copyright_sign = true,
            '@' => self.url = true,
            '(' | ')' => self.parens = true,
            '-' | '–' | '—' | '|' if self.prev == ' ' => self.dashes += 1,
            ':' if digit_value(self.prev).is_some() => {
                self.colon_digits = true;
                self.url_mark = true;
            }
            ':' | '.' => self.url_mark = true,
            _ => {}
        }
        if self.colon_digits && digit_value(c).is_some() {
            self.clock = true;
        }
        if c != ':' {
            self.colon_digits = false;
        }
        self.prev = c;
    }
}

impl Features {
    /// Computes the features of one trimmed line.
    pub fn of(line: &str) -> Features {
        let lx = Lexicon::get();
        let mut counts = CharCounts::new();
        let mut text = String::with_capacity(line.len());
        // where the first words end (only lines of at most LEXICON_MAX_WORDS words need them;
        // each word starts after the space that follows the one before it)
        let mut ends = [0; LEXICON_MAX_WORDS];
        let mut n = 0;
        let word = |w: std::ops::Range<usize>| {
            if let Some(slot) = ends.get_mut(n) {
                *slot = w.end;
            }
            n += 1;
        };
        fold_into(line, &mut text, word, |seen| counts.see(seen));
        let mut f = Features {
            words: count(n),
            arabic: count(counts.arabic),
            latin: count(counts.latin),
            inner_punct: count(counts.inner_punct),
            dashes: count(counts.dashes),
            copyright_sign: counts.copyright_sign,
            url: counts.url,
            parens: counts.parens,
            clock: counts.clock,
            ..Features::default()
        };
        // URLs need Latin letters and a ':' or '.': most lines skip the searches
        if f.latin > 0 && counts.url_mark {
            f.url |= url_shape(line.as_bytes());
        }
        // most lines end with a letter or a digit, and so with none of the marks below
        let last = line.chars().next_back().unwrap_or(' ');
        if !(last.is_ascii_alphanumeric() || is_arabic_letter(last)) {
            let lower_end = line.trim_end_matches(['»', '"', '”', '\'', ')', ' ', '*']);
            // a teaser cut short with "..." is not a finished sentence
            f.sentence_end = lower_end.ends_with(['.', '؟', '?', '!'])
                && !lower_end.ends_with("..")
                && !lower_end.ends_with("…");
            f.full_stop = f.sentence_end && lower_end.ends_with('.');
            f.open_end = line.ends_with(['-', '–', '—', ':', '|']);
            f.colon_end = line.ends_with(':');
            f.comma_end = line.ends_with(['،', ',']);
        }
        if n > LEXICON_MAX_WORDS {
            // prose by length alone; no phrase or time-stamp rule applies to so long a line
            f.folded = Folded::new(text, n);
            return f;
        }
        // most lines are a few words (menu items, links): arrays sized for them are cheaper to
        // set up than the longest
        if n <= SHORT_LINE_WORDS {
            f.read_words::<SHORT_LINE_WORDS>(&text, &ends[..n], lx);
        } else {
            f.read_words::<LEXICON_MAX_WORDS>(&text, &ends[..n], lx);
        }
        f.folded = Folded::new(text, n);
        f
    }

    /// The lexicon features of a line's words (at most `N`), which end at `ends` in its folded
    /// `text` and are joined there by single spaces.
    fn read_words<const N: usize>(&mut self, text: &str, ends: &[usize], lx: &Lexicon) {
        let n = ends.len();
        let mut words: [&str; N] = [""; N];
        let mut entries: [Option<&Entry>; N] = [None; N];
        let mut start = 0;
        for (i, (&end, (w, slot))) in ends
            .iter()
            .zip(words.iter_mut().zip(&mut entries))
            .enumerate()
        {
            *w = &text[start..end];
            start = end + 1;
            let w = *w;
            let digits = w.bytes().all(|b| b.is_ascii_digit());
            // numbers need no look-up when no word of the lexicons is one
            let e = if digits && !lx.has_numbers() {
                None
            } else {
                lx.entry(w)
            };
            *slot = e;
            if e.map_or_else(|| lx.is_stop_unlisted(w), |e| e.stop) {
                self.stop += 1;
            }
            // a credit opens or closes a byline ("كتب …", "… - وكالات", "(رويترز)")
            if e.is_some_and(|e| e.credit) && (i < 2 || i + 2 >= n) {
                self.credit = true;
            }
            if e.is_some_and(|e| e.date) || digits {
                self.date_words += 1;
                self.lead_date |= i == 0;
            }
            if e.is_some_and(|e| e.date_strong) || (digits && w.len() == 4) {
                self.date_anchor = true;
            }
        }
        // a furniture phrase starts with a word of the lexicons
        if entries[..n].iter().any(Option::is_some) {
            self.furniture = lx.furniture(&words[..n], &entries[..n]);
        }
    }

    /// Share of the words that are function words.
    pub fn stop_density(&self) -> f32 {
        if self.words == 0 {
            0.0
        } else {
            self.stop as f32 / self.words as f32
        }
    }

    /// Latin letters only (a logo, an English site name or menu in an Arabic page).
    pub fn latin_only(&self) -> bool {
        self.arabic == 0 && self.latin > 0
    }

    /// A clock, date or "updated at" line: mostly date words and numbers, with a clock time, a
    /// month or weekday name or a year.
    pub fn timestamp(&self) -> bool {
        // the cheap tests first: the digit search reads the whole line
        (self.clock || self.date_anchor)
            && self.date_words >= 2
            && (self.words - self.date_words <= 2 || self.date_words * 3 >= self.words * 2)
            && self.folded.text.bytes().any(|b| b.is_ascii_digit())
    }

    /// A dateline: a place, then a comma or a dash, then a date (بروكسل، 9 تشرين الأول 2009):
    /// a time stamp whose first word is a word of its own.
    pub fn dateline(&self) -> bool {
        self.timestamp()
            && !self.lead_date
            && !self.clock
            && self.date_words >= 2
            && (1..=3).contains(&(self.words - self.date_words))
            && (self.inner_punct >= 1 || self.dashes >= 1)
    }

    /// Shaped like a sentence of running text (a furniture phrase in such a line counts only
    /// outside the article).
    pub fn sentence(&self) -> bool {
        self.prose() || (self.sentence_end && self.words >= 6 && self.stop >= 1)
    }

    /// Reads like running prose rather than a headline: long, or a sentence closed by a full stop
    /// (headlines end in ؟ or ! as often as sentences do), or a fairly long line with function
    /// words and inner punctuation.
    pub fn prose(&self) -> bool {
        self.words >= 25
            || (self.words >= 10 && self.full_stop)
            || (self.words >= 15 && self.stop_density() >= 0.15 && self.inner_punct >= 1)
    }

    /// Reads like a headline: a few words and no closing full stop (a question or an
    /// exclamation mark may close a headline).
    pub fn headline(&self) -> bool {
        (3..=24).contains(&self.words) && !self.full_stop && !self.timestamp() && !self.url
    }

    /// A short line with a credit word: a byline wherever it stands near the headline.
    pub fn strong_byline(&self) -> bool {
        self.credit && (1..=7).contains(&self.words) && !self.sentence_end
    }

    /// Reads like a byline or dateline: a short place/author/agency credit.
    pub fn byline(&self) -> bool {
        if self.words == 0 || self.words > 7 || self.sentence_end {
            return false;
        }
        self.credit
            || self.open_end
            || self.dashes >= 1 && self.words <= 5
            || (self.parens && self.words <= 5)
            || self.dateline()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_rng::XorShift;

    /// The per-character counts of [`Features::of`] (Arabic and Latin letters, inner
    /// punctuation, dashes, ©, URL, parentheses, clock), shown one character at a time.
    fn counts_by_char(line: &str) -> [u32; 8] {
        let mut c = CharCounts::new();
        for ch in line.chars() {
            c.see(if is_arabic_letter(ch) {
                Seen::Letters(1)
            } else {
                Seen::Other(ch)
            });
        }
        c.url |= c.latin > 0 && url_shape(line.as_bytes());
        [
            count(c.arabic),
            count(c.latin),
            count(c.inner_punct),
            count(c.dashes),
            u32::from(c.copyright_sign),
            u32::from(c.url),
            u32::from(c.parens),
            u32::from(c.clock),
        ]
    }

    #[test]
    fn counts_match_a_reading_by_character() {
        // the fold shows runs of letters (with their marks) and of ASCII letters and digits
        // whole: the counts must not depend on it
        let pool: Vec<char> =
            "بسمكلأإآةىئؤیکَُـ ٠١٩abcxyzABCZ0189:-|–—,;،؛©@().w/ \u{a0}\u{200c}\u{750}\u{8a0}😀"
                .chars()
                .collect();
        let mut rng = XorShift::new(0x5DEE_CE66_D1CE_4E5B);
        for _ in 0..20_000 {
            let n = rng.below(24);
            let line: String = (0..n).map(|_| pool[rng.below(pool.len())]).collect();
            let f = Features::of(&line);
            let got = [
                f.arabic,
                f.latin,
                f.inner_punct,
                f.dashes,
                u32::from(f.copyright_sign),
                u32::from(f.url),
                u32::from(f.parens),
                u32::from(f.clock),
            ];
            assert_eq!(got, counts_by_char(&line), "{line:?}");
        }
    }

    #[test]
    fn timestamps_in_several_month_systems() {
        assert!(Features::of("GMT 14:01 2026 السبت ,10 كانون الثاني / يناير").timestamp());
        assert!(
            Features::of("الثلاثاء 01 اكتوبر 2024 آخر تحديث: الخميس 26 سبتمبر 2024").timestamp()
        );
        assert!(Features::of("١٢ رمضان ١٤٤١ هـ").timestamp());
        assert!(Features::of("November 9, 2020").timestamp());
        assert!(
            !Features::of("حظك اليوم برج الدلو السبت 10 يناير / كانون الثاني 2026").timestamp()
        );
        assert!(Features::of("GMT 14:01").clock);
        assert!(!Features::of("1- تونس (14 عالميا).").timestamp());
        assert!(!Features::of("8 طائرات و4 ساعات").timestamp());
        assert!(Features::of("2020/12/25 - 1:59 صباحًا").timestamp());
        assert!(Features::of("10 مارس 2020").timestamp());
    }

    #[test]
    fn datelines_are_places_before_dates() {
        for line in [
            "بروكسل، 9 تشرين الأول 2009",
            "القاهرة - 12 مارس 2021",
            "الرباط، الأحد 3 يناير 2021",
        ] {
            let f = Features::of(line);
            assert!(f.dateline() && f.byline(), "{line}");
        }
        for line in [
            "الثلاثاء 01 اكتوبر 2024",
            "GMT 14:01 2026 السبت ,10 كانون الثاني / يناير",
            "آخر تحديث: 10 مارس 2020",
            "2020/12/25 - 1:59 صباحًا",
        ] {
            assert!(!Features::of(line).dateline(), "{line}");
        }
    }

    #[test]
    fn prose_headline_byline() {
        let body = Features::of("وأعلن المتحدث باسم الجيش المصري، استمرار العمليات العسكرية المصرية ضد مواقع الإرهابيين في ليبيا.");
        assert!(body.prose() && !body.headline());
        assert!(Features::of("اتجاه لتنسيق مصري روسي لمحاربة الإرهاب في ليبيا").headline());
        assert!(Features::of("القاهرة – علي السيد").byline());
        assert!(Features::of("نور نيوز –").byline());
        assert!(Features::of("الساعة 23:29 (الرأي برس - وكالات)").byline());
        assert!(!Features::of("محادثات عسكرية مصرية - ليبية للسيطرة على الحدود").byline());
        assert!(Features::of("egypttoday").latin_only());
    }
}
