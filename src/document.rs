//! The whole job in one call: clean a page, then find numbers and entities in what was
//! kept, and group the mentions of each entity.
//!
//! Spans of a plain-text page point into the page itself; spans of an HTML page point
//! into its kept text, [`Cleaned::text`] (markup has no place to point at). All offsets are
//! bytes.

use crate::clean::{self, Cleaned};
use crate::entities::{self, Entity, Label, Scheme};
use crate::numbers::{self, Country, Date, NumberMention, NumberOptions};
use crate::text::fold::fold;
use crate::text::offsets::trimmed_range;
use std::borrow::Cow;
use std::collections::HashMap;

/// What [`analyze`] does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AnalyzeOptions {
    /// Parse the page as HTML (`Some(true)`), as plain text (`Some(false)`), or sniff it.
    pub html: Option<bool>,
    /// The date relative dates are resolved against ("yesterday", a weekday); `None` takes
    /// the page's publication date ([`Cleaned::date`]) when it has one.
    pub reference_date: Option<Date>,
    /// The ISO 3166 code whose currency a bare دينار, ريال, جنيه, درهم or ليرة is.
    pub country: Option<Country>,
    /// Find entities (the costliest step).
    pub entities: bool,
    /// The conventions entities follow.
    pub scheme: Scheme,
    /// Find numbers.
    pub numbers: bool,
}

impl Default for AnalyzeOptions {
    fn default() -> Self {
        AnalyzeOptions {
            html: None,
            reference_date: None,
            country: None,
            entities: true,
            scheme: Scheme::News,
            numbers: true,
        }
    }
}

/// The mentions of one entity: every spelling and short form of the same name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityGroup {
    /// What the entity is.
    pub label: Label,
    /// Its fullest name: the canonical name ([`Entity::name`]) of the longest mention, first
    /// seen.
    pub name: String,
    /// Indices into [`Document::entities`], in text order.
    pub mentions: Vec<usize>,
}

/// An analyzed page.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// Title, byline, kept text and the verdict on every line.
    pub cleaned: Cleaned,
    /// Whether the page was read as HTML (spans then point into `cleaned.text`).
    pub html: bool,
    /// People, places and organizations in the kept text.
    pub entities: Vec<Entity>,
    /// Numbers, amounts, dates and times in the kept text.
    pub numbers: Vec<NumberMention>,
    /// The entities grouped by the name they refer to.
    pub entity_groups: Vec<EntityGroup>,
}

/// Cleans `page` and annotates the kept text.
pub fn analyze(page: &str, options: &AnalyzeOptions) -> Document {
    crate::fault::check_str(page);
    let html = options.html.unwrap_or_else(|| clean::looks_like_html(page));
    let cleaned = clean::clean(page, Some(html));
    let (text, map) = if html {
        (cleaned.text.clone(), SpanMap::identity())
    } else {
        SpanMap::of_kept_lines(page, &cleaned)
    };
    let mut entities = if options.entities {
        entities::entities_in(&text, options.scheme)
    } else {
        Vec::new()
    };
    // relative dates (أمس, الخميس الماضي) resolve against the page's own date by default
    let reference = options
        .reference_date
        .or_else(|| cleaned.date.as_deref().and_then(day_of));
    let mut numbers = if options.numbers {
        numbers::find_numbers(
            &text,
            &NumberOptions {
                reference_date: reference,
                relative_ordinals: false,
                country: options.country,
            },
        )
    } else {
        Vec::new()
    };
    entities.retain_mut(|e| map.place(&mut e.start, &mut e.end));
    numbers.retain_mut(|n| map.place(&mut n.start, &mut n.end));
    let entity_groups = group_entities(&entities);
    Document {
        cleaned,
        html,
        entities,
        numbers,
        entity_groups,
    }
}

/// The day of an ISO 8601 date or date-time (`2020-06-03T03:01:00+04:00` → 2020-06-03).
fn day_of(iso: &str) -> Option<Date> {
    let day = iso.get(..10)?;
    let mut parts = day.split('-').map(str::parse::<u32>);
    let (Some(Ok(year)), Some(Ok(month)), Some(Ok(day))) =
        (parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    Some(Date {
        year: i32::try_from(year).ok()?,
        month,
        day,
    })
}

/// Maps offsets in the kept text (kept lines joined by "\n") back to the page.
struct SpanMap {
    /// For each kept line: its start in the joined text, its start in the page, its length.
    pieces: Vec<(usize, usize, usize)>,
}

impl SpanMap {
    /// A map that changes nothing.
    fn identity() -> SpanMap {
        SpanMap { pieces: Vec::new() }
    }

    /// The kept lines of a plain-text page joined by "\n", and the map back to the page.
    fn of_kept_lines(page: &str, cleaned: &Cleaned) -> (String, SpanMap) {
        let mut text = String::new();
        let mut pieces = Vec::new();
        for line in cleaned.lines.iter().filter(|l| l.keep) {
            let Some((from, to)) = trimmed_range(page, line.start, line.end) else {
                continue;
            };
            if !text.is_empty() {
                text.push('\n');
            }
            pieces.push((text.len(), from, to - from));
            text.push_str(&page[from..to]);
        }
        (text, SpanMap { pieces })
    }

    /// Moves the span `start..end` from the joined text to the page; a span that would
    /// cross a dropped line is cut at the end of its first line. Returns false when
    /// nothing of it is left.
    fn place(&self, start: &mut usize, end: &mut usize) -> bool {
        if self.pieces.is_empty() {
            return true;
        }
        let i = self.pieces.partition_point(|&(at, _, _)| at <= *start) - 1;
        let (at, page_start, len) = self.pieces[i];
        let local_end = (*end - at).min(len);
        let local_start = *start - at;
        if local_start >= local_end {
            return false;
        }
        *start = page_start + local_start;
        *end = page_start + local_end;
        true
    }
}

/// Groups mentions that name the same entity: the same canonical name (under the search fold)
/// and label, or a person's one-word name that ends a longer name of exactly one person
/// (لافروف → سيرغي لافروف).
pub fn group_entities(entities: &[Entity]) -> Vec<EntityGroup> {
    let folded: Vec<Cow<str>> = entities.iter().map(|e| fold(&e.name)).collect();
    let mut groups: Vec<EntityGroup> = Vec::new();
    let mut by_key: HashMap<(Label, &str), usize> = HashMap::new();
    for (i, e) in entities.iter().enumerate() {
        let g = *by_key
            .entry((e.label, folded[i].as_ref()))
            .or_insert_with(|| {
                groups.push(EntityGroup {
                    label: e.label,
                    name: String::new(),
                    mentions: Vec::new(),
                });
                groups.len() - 1
            });
        groups[g].mentions.push(i);
    }
    // One-word person names join the one longer person name they end.
    let key_of = |g: &EntityGroup| folded[g.mentions[0]].as_ref();
    let mut merged_into: Vec<Option<usize>> = vec![None; groups.len()];
    for (g, group) in groups.iter().enumerate() {
        let key = key_of(group);
        if group.label != Label::Per || key.contains(' ') {
            continue;
        }
        let mut hosts = groups.iter().enumerate().filter(|(h, other)| {
            *h != g
                && other.label == Label::Per
                && key_of(other)
                    .rsplit(' ')
                    .next()
                    .is_some_and(|last| last == key && key_of(other) != key)
        });
        if let (Some((host, _)), None) = (hosts.next(), hosts.next()) {
            merged_into[g] = Some(host);
        }
    }
    for g in 0..groups.len() {
        if let Some(host) = merged_into[g] {
            let moved = std::mem::take(&mut groups[g].mentions);
            groups[host].mentions.extend(moved);
        }
    }
    groups.retain(|g| !g.mentions.is_empty());
    for group in &mut groups {
        group.mentions.sort_unstable();
        let longest = group
            .mentions
            .iter()
            .copied()
            .max_by_key(|&i| (entities[i].end - entities[i].start, std::cmp::Reverse(i)))
            .unwrap_or(group.mentions[0]);
        group.name.clone_from(&entities[longest].name);
    }
    groups.sort_by_key(|g| g.mentions[0]);
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_dates_resolve_against_the_page_date() {
        let page = "<html><head><meta property=\"article:published_time\" content=\"2020-06-03T03:01+0400\">\
                    </head><body><h1>الحكومة تعلن خطة جديدة لدعم المزارعين</h1>\
                    <p>أعلنت الحكومة أمس عن خطة جديدة لدعم المزارعين في جميع المحافظات، وذلك بهدف زيادة الإنتاج الزراعي وتحسين دخل الأسر الريفية.</p></body></html>";
        let yesterday = |doc: &Document| {
            doc.numbers
                .iter()
                .find(|n| n.kind == numbers::NumberKind::Date)
                .map(|n| n.value.clone())
        };
        let doc = analyze(page, &AnalyzeOptions::default());
        assert_eq!(
            doc.cleaned.date.as_deref(),
            Some("2020-06-03T03:01:00+04:00")
        );
        assert_eq!(
            yesterday(&doc),
            Some(numbers::NumberValue::Text("2020-06-02".into()))
        );
        // the caller's reference wins
        let given = AnalyzeOptions {
            reference_date: Some(Date {
                year: 2024,
                month: 1,
                day: 10,
            }),
            ..AnalyzeOptions::default()
        };
        assert_eq!(
            yesterday(&analyze(page, &given)),
            Some(numbers::NumberValue::Text("2024-01-09".into()))
        );
        assert_eq!(
            day_of("2019-10-10T18:00:00+02:00").map(|d| (d.year, d.month, d.day)),
            Some((2019, 10, 10))
        );
        assert_eq!(day_of("2019"), None);
    }

    #[test]
    fn spans_point_into_the_page() {
        let page = include_str!("../tests/data/000_b9b3c63502130dbb.txt");
        let doc = analyze(page, &AnalyzeOptions::default());
        assert!(!doc.html);
        assert!(!doc.entities.is_empty());
        assert!(!doc.numbers.is_empty());
        for e in &doc.entities {
            assert!(page
                .get(e.start..e.end)
                .is_some_and(|s| !s.trim().is_empty()));
        }
        for n in &doc.numbers {
            assert!(page.get(n.start..n.end).is_some());
        }
    }

    #[test]
    fn groups_short_names_with_full_names() {
        let text = "قال سيرغي لافروف إن لافروف والأمم المتحدة والأمم المتحده";
        let at = |s: &str, nth: usize| text.match_indices(s).nth(nth).unwrap().0;
        let entity = |start: usize, s: &str, label| Entity {
            start,
            end: start + s.len(),
            label,
            name: s.to_string(),
        };
        let entities = vec![
            entity(at("سيرغي لافروف", 0), "سيرغي لافروف", Label::Per),
            entity(at("لافروف", 1), "لافروف", Label::Per),
            entity(at("الأمم المتحدة", 0), "الأمم المتحدة", Label::Org),
            entity(at("الأمم المتحده", 0), "الأمم المتحده", Label::Org),
        ];
        let groups = group_entities(&entities);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].name, "سيرغي لافروف");
        assert_eq!(groups[0].mentions, vec![0, 1]);
        assert_eq!(groups[1].mentions, vec![2, 3]);
    }

    #[test]
    fn empty_page() {
        let doc = analyze("", &AnalyzeOptions::default());
        assert!(doc.entities.is_empty() && doc.numbers.is_empty());
    }
}
