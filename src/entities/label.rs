//! Entity labels and the BIO tags the sequence model predicts.

/// The type of a named entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    /// A person.
    Per,
    /// A place: country, city, region, geographic feature.
    Loc,
    /// An organization: ministry, party, company, team, armed group.
    Org,
}

impl Label {
    /// Every label, in tag order.
    pub const ALL: [Label; 3] = [Label::Per, Label::Loc, Label::Org];

    /// `"PER"`, `"LOC"` or `"ORG"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Per => "PER",
            Label::Loc => "LOC",
            Label::Org => "ORG",
        }
    }

    /// Parses `PER`/`PERS`, `LOC` and `ORG`; anything else (MISC included) is `None`.
    pub fn parse(s: &str) -> Option<Label> {
        match s {
            "PER" | "PERS" => Some(Label::Per),
            "LOC" => Some(Label::Loc),
            "ORG" => Some(Label::Org),
            _ => None,
        }
    }

    /// 0, 1 or 2.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Number of BIO tags: O, then B and I for each label.
pub const TAGS: usize = 7;

/// The outside tag.
pub const O: u8 = 0;

/// The B tag of `label`.
pub fn begin(label: Label) -> u8 {
    1 + 2 * label as u8
}

/// The I tag of `label`.
pub fn inside(label: Label) -> u8 {
    2 + 2 * label as u8
}

/// The label of a B or I tag (`None` for O or an out-of-range tag).
pub fn label_of(tag: u8) -> Option<Label> {
    match tag {
        1 | 2 => Some(Label::Per),
        3 | 4 => Some(Label::Loc),
        5 | 6 => Some(Label::Org),
        _ => None,
    }
}

/// True for an I tag.
pub fn is_inside(tag: u8) -> bool {
    tag != O && tag % 2 == 0 && (tag as usize) < TAGS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip() {
        for l in Label::ALL {
            assert_eq!(label_of(begin(l)), Some(l));
            assert_eq!(label_of(inside(l)), Some(l));
            assert!(is_inside(inside(l)) && !is_inside(begin(l)));
            assert_eq!(Label::parse(l.as_str()), Some(l));
        }
        assert_eq!(Label::parse("MISC"), None);
        assert!(!is_inside(O));
    }
}
