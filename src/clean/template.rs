//! The cross-page [`Cleaner`]: counts, in bounded memory, on how many pages of a site each line
//! (or HTML block) occurs, and drops the lines of the site's template (CCNet-style hashing).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::fold::fold;
use super::{clean_with, looks_like_html, Cleaned, Reason};
use crate::parallel;

/// Settings of a [`Cleaner`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CleanerOptions {
    /// `Some(true)`/`Some(false)` forces HTML/plain text; `None` sniffs each page.
    pub html: Option<bool>,
    /// A line is template when it occurs on at least this many learned pages…
    pub min_pages: u32,
    /// …and on at least this share of them.
    pub min_share: f32,
    /// Most distinct line hashes kept while learning; past it, hashes seen on one page only are
    /// forgotten.
    pub max_hashes: usize,
}

impl Default for CleanerOptions {
    fn default() -> Self {
        CleanerOptions {
            html: None,
            min_pages: 3,
            min_share: 0.1,
            max_hashes: 1 << 20,
        }
    }
}

/// Cleans pages of one site, dropping lines that its learned template repeats on many pages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cleaner {
    options: CleanerOptions,
    pages: u32,
    counts: HashMap<u64, u32>,
}

/// FNV-1a, stable across runs and machines so that a pickled [`Cleaner`] stays valid.
fn hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Folded lines of a page (HTML pages contribute their blocks), hashed, one per distinct line.
fn page_hashes(page: &str, html: Option<bool>) -> Vec<u64> {
    let cleaned = clean_with(page, html, &|_| None);
    let mut hs: Vec<u64> = cleaned
        .lines
        .iter()
        .map(|l| fold(&l.text).text)
        .filter(|t| !t.is_empty())
        .map(|t| hash(&t))
        .collect();
    hs.sort_unstable();
    hs.dedup();
    hs
}

impl Cleaner {
    /// A cleaner that has learned nothing yet.
    pub fn new(options: CleanerOptions) -> Cleaner {
        Cleaner {
            options,
            pages: 0,
            counts: HashMap::new(),
        }
    }

    /// The options.
    pub fn options(&self) -> &CleanerOptions {
        &self.options
    }

    /// Number of pages learned so far.
    pub fn pages_learned(&self) -> u32 {
        self.pages
    }

    /// Learns a site's template from more of its pages (parsed in parallel).
    pub fn learn(&mut self, pages: &[&str]) {
        let html = self.options.html;
        let per_page: Vec<Vec<u64>> = parallel::map(pages, |p| page_hashes(p, html));
        for hs in per_page {
            self.pages = self.pages.saturating_add(1);
            for h in hs {
                *self.counts.entry(h).or_insert(0) += 1;
            }
            if self.counts.len() > self.options.max_hashes {
                self.counts.retain(|_, c| *c > 1);
                if self.counts.len() > self.options.max_hashes {
                    let keep = self.options.max_hashes / 2;
                    let mut cs: Vec<u32> = self.counts.values().copied().collect();
                    cs.sort_unstable_by(|a, b| b.cmp(a));
                    let floor = cs.get(keep).copied().unwrap_or(0);
                    self.counts.retain(|_, c| *c > floor);
                }
            }
        }
    }

    /// Whether a folded line belongs to the learned template.
    fn is_template(&self, folded: &str) -> bool {
        if self.pages == 0 || folded.is_empty() {
            return false;
        }
        let c = self.counts.get(&hash(folded)).copied().unwrap_or(0);
        c >= self.options.min_pages && c as f32 >= self.options.min_share * self.pages as f32
    }

    /// Cleans one page, dropping template lines.
    pub fn clean(&self, page: &str) -> Cleaned {
        crate::fault::check_str(page);
        let html = self.options.html.or_else(|| Some(looks_like_html(page)));
        clean_with(page, html, &|folded| {
            self.is_template(folded).then_some(Reason::Template)
        })
    }

    /// Cleans many pages on all cores; results are in input order.
    pub fn clean_batch(&self, pages: &[&str]) -> Vec<Cleaned> {
        parallel::map(pages, |p| self.clean(p))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(i: usize) -> String {
        format!(
            "موقع الأخبار العربية اليوم\nالرئيسية أخبار رياضة اقتصاد\nعنوان الخبر رقم {i} عن الاقتصاد\n\
             قال وزير المالية في بيان اليوم إن الحكومة ستواصل العمل على خفض العجز في الموازنة العامة للدولة خلال العام {i}.\n\
             وأضاف أن الإصلاحات التي بدأت منذ سنوات أدت إلى تحسن كبير في المؤشرات الاقتصادية وفي ثقة المستثمرين في السوق رقم {i}.\n\
             النشرة البريدية للموقع تصلكم كل صباح مجانا\n"
        )
    }

    #[test]
    fn learns_and_drops_template_lines() {
        let pages: Vec<String> = (0..10).map(page).collect();
        let refs: Vec<&str> = pages.iter().map(String::as_str).collect();
        let mut c = Cleaner::new(CleanerOptions::default());
        c.learn(&refs);
        assert_eq!(c.pages_learned(), 10);
        let out = c.clean(&page(42));
        let reasons: Vec<Reason> = out.lines.iter().map(|l| l.reason).collect();
        assert_eq!(reasons[0], Reason::Template);
        assert_eq!(reasons[5], Reason::Template);
        assert!(out.text.contains("وزير المالية"));
        assert!(out.text.contains("رقم 42 عن"));
        let batch = c.clean_batch(&refs);
        assert_eq!(batch.len(), 10);
        assert_eq!(batch[3], c.clean(refs[3]));
    }

    #[test]
    fn site_credit_on_every_page_stays_a_byline() {
        let page = |i: usize| {
            format!(
                "عنوان الخبر رقم {i} عن الاقتصاد المحلي\nنور نيوز –\n\
                 قال وزير المالية في بيان اليوم إن الحكومة ستواصل العمل على خفض العجز في الموازنة العامة للدولة خلال العام {i}.\n"
            )
        };
        let pages: Vec<String> = (0..5).map(page).collect();
        let refs: Vec<&str> = pages.iter().map(String::as_str).collect();
        let mut c = Cleaner::new(CleanerOptions::default());
        c.learn(&refs);
        let out = c.clean(&page(9));
        assert_eq!(out.lines[1].reason, Reason::Byline);
    }

    #[test]
    fn round_trips_through_serde() {
        let mut c = Cleaner::new(CleanerOptions::default());
        let pages: Vec<String> = (0..4).map(page).collect();
        let refs: Vec<&str> = pages.iter().map(String::as_str).collect();
        c.learn(&refs);
        let bytes = serde_json::to_vec(&c).unwrap();
        let back: Cleaner = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(back, c);
        assert_eq!(back.clean(refs[0]), c.clean(refs[0]));
    }

    #[test]
    fn learns_html_blocks() {
        let page = |i: usize| {
            format!(
                "<html><body><div class=side><p>اشترك في النشرة اليومية لتصلك أهم الأخبار كل صباح مجانا وبلا إعلانات مزعجة أبدا.</p></div>\
                 <h1>عنوان الخبر رقم {i} عن الاقتصاد</h1>\
                 <p>قال وزير المالية في بيان اليوم إن الحكومة ستواصل العمل على خفض العجز في الموازنة العامة للدولة خلال العام {i}.</p>\
                 <p>وأضاف أن الإصلاحات التي بدأت منذ سنوات أدت إلى تحسن كبير في المؤشرات الاقتصادية رقم {i}.</p></body></html>"
            )
        };
        let pages: Vec<String> = (0..6).map(page).collect();
        let refs: Vec<&str> = pages.iter().map(String::as_str).collect();
        let mut c = Cleaner::new(CleanerOptions::default());
        c.learn(&refs);
        let out = c.clean(&page(7));
        assert_eq!(out.lines[0].reason, Reason::Template);
        assert_eq!(out.title.as_deref(), Some("عنوان الخبر رقم 7 عن الاقتصاد"));
        assert!(out.text.contains("وزير المالية"));
    }

    #[test]
    fn memory_stays_bounded() {
        let mut c = Cleaner::new(CleanerOptions {
            max_hashes: 100,
            ..CleanerOptions::default()
        });
        let pages: Vec<String> = (0..50)
            .map(|i| (0..20).map(|j| format!("سطر فريد {i} {j}\n")).collect())
            .collect();
        let refs: Vec<&str> = pages.iter().map(String::as_str).collect();
        c.learn(&refs);
        assert!(c.counts.len() <= 100);
    }
}
