//! Why a line was kept or dropped.

use serde::{Deserialize, Serialize};

/// The reason attached to every line of a [`Cleaned`](super::Cleaned) page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Reason {
    /// The headline, or a kicker/second title written for the article (kept).
    Title,
    /// The byline or dateline: author, place, agency or site credit (kept).
    Byline,
    /// Article text (kept).
    Body,
    /// Menus, breadcrumbs, link lists and other navigation.
    Navigation,
    /// A clock, date or "last updated" line.
    Timestamp,
    /// Comment form fields, posting rules and comment disclaimers.
    CommentForm,
    /// Related or most-read headline lists and "read also" calls.
    Related,
    /// Share, follow and subscribe calls.
    Share,
    /// Copyright, footer and site-policy lines.
    Copyright,
    /// A second copy of a line or block seen earlier on the page.
    Duplicate,
    /// A line the [`Cleaner`](super::Cleaner) saw on many pages of the site.
    Template,
    /// A fragment too short to be article text outside the article.
    TooShort,
    /// The site's name or logo text.
    SiteName,
    /// A photo caption or credit.
    Caption,
    /// Tags and search keywords.
    Tags,
    /// A postal address or phone line.
    Address,
    /// Readers' comments: what follows a comments header (التعليقات, أضف تعليق) after the
    /// article, and the readers' names and dates in it.
    Comments,
}

impl Reason {
    /// The reason as a lower-case name: "title", "byline", "body", "navigation", ….
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Title => "title",
            Reason::Byline => "byline",
            Reason::Body => "body",
            Reason::Navigation => "navigation",
            Reason::Timestamp => "timestamp",
            Reason::CommentForm => "comment_form",
            Reason::Related => "related",
            Reason::Share => "share",
            Reason::Copyright => "copyright",
            Reason::Duplicate => "duplicate",
            Reason::Template => "template",
            Reason::TooShort => "too_short",
            Reason::SiteName => "site_name",
            Reason::Caption => "caption",
            Reason::Tags => "tags",
            Reason::Address => "address",
            Reason::Comments => "comments",
        }
    }

    /// The reason named `name` (the inverse of [`Reason::as_str`]).
    pub fn from_name(name: &str) -> Option<Reason> {
        Reason::ALL.iter().copied().find(|r| r.as_str() == name)
    }

    /// Whether a line with this reason belongs to the article.
    pub fn keeps(self) -> bool {
        matches!(self, Reason::Title | Reason::Byline | Reason::Body)
    }

    /// Every reason, in declaration order.
    pub const ALL: [Reason; 17] = [
        Reason::Title,
        Reason::Byline,
        Reason::Body,
        Reason::Navigation,
        Reason::Timestamp,
        Reason::CommentForm,
        Reason::Related,
        Reason::Share,
        Reason::Copyright,
        Reason::Duplicate,
        Reason::Template,
        Reason::TooShort,
        Reason::SiteName,
        Reason::Caption,
        Reason::Tags,
        Reason::Address,
        Reason::Comments,
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for r in Reason::ALL {
            assert_eq!(Reason::from_name(r.as_str()), Some(r));
        }
        assert_eq!(Reason::CommentForm.as_str(), "comment_form");
        assert!(Reason::Byline.keeps() && !Reason::Duplicate.keeps());
    }
}
