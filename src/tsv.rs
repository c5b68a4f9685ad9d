//! The one reader of the tables compiled into the crate (`data/**/*.tsv` and word lists).
//!
//! A table is lines of fields separated by tabs; blank lines and lines starting with `#` are
//! comments. The error policy is the same for every table: a row with fewer fields than its
//! table needs, or with an empty first field, is malformed. At run time a malformed row is left out (a compiled-in table can
//! never make a call fail), and the test below reads every shipped table and fails on any
//! malformed row, so none ever ships.

/// One data row: its fields and its line number (from 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Row<'a> {
    /// The line number in the table, from 1.
    pub line: usize,
    /// The fields, at least as many as the table needs.
    pub fields: Vec<&'a str>,
}

impl<'a> Row<'a> {
    /// Field `i`, or "" past the last one.
    pub fn get(&self, i: usize) -> &'a str {
        self.fields.get(i).copied().unwrap_or("")
    }
}

/// The data rows of `table` that have at least `fields` fields and a first field (the key),
/// and the line numbers of those that do not.
pub(crate) fn read(table: &str, fields: usize) -> (Vec<Row<'_>>, Vec<usize>) {
    let mut rows = Vec::new();
    let mut malformed = Vec::new();
    for (n, line) in table.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let row = Row {
            line: n + 1,
            fields: line.split('\t').collect(),
        };
        if row.fields.len() >= fields && !row.get(0).trim().is_empty() {
            rows.push(row);
        } else {
            malformed.push(n + 1);
        }
    }
    (rows, malformed)
}

/// The well-formed data rows of `table` (see [`read`]).
pub(crate) fn rows(table: &str, fields: usize) -> Vec<Row<'_>> {
    read(table, fields).0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_blanks_and_short_rows() {
        let (rows, bad) = read("# c\na\tb\n\nc\n\td\ne\tf\tg\n", 2);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].fields, ["e", "f", "g"]);
        assert_eq!(rows[1].line, 6);
        assert_eq!(rows[0].get(5), "");
        assert_eq!(bad, [4, 5]);
    }

    /// Every table compiled into the crate, with the fields its loader needs.
    const SHIPPED: &[(&str, &str, usize)] = &[
        (
            "entities/clusters.tsv",
            include_str!("../data/entities/clusters.tsv"),
            4,
        ),
        (
            "entities/anercorp/gazetteer.tsv",
            include_str!("../data/entities/anercorp/gazetteer.tsv"),
            2,
        ),
        (
            "entities/news/gazetteer.tsv",
            include_str!("../data/entities/news/gazetteer.tsv"),
            2,
        ),
        (
            "entities/lists.tsv",
            include_str!("../data/entities/lists.tsv"),
            2,
        ),
        (
            "entities/names.tsv",
            include_str!("../data/entities/names.tsv"),
            2,
        ),
        (
            "entities/anercorp/silver.tsv",
            include_str!("../data/entities/anercorp/silver.tsv"),
            4,
        ),
        (
            "entities/anercorp/silver_names.tsv",
            include_str!("../data/entities/anercorp/silver_names.tsv"),
            2,
        ),
        (
            "entities/triggers.tsv",
            include_str!("../data/entities/triggers.tsv"),
            2,
        ),
        (
            "numbers/words.tsv",
            include_str!("../data/numbers/words.tsv"),
            3,
        ),
        (
            "numbers/currencies.tsv",
            include_str!("../data/numbers/currencies.tsv"),
            4,
        ),
        (
            "numbers/units.tsv",
            include_str!("../data/numbers/units.tsv"),
            5,
        ),
        (
            "numbers/ummalqura.tsv",
            include_str!("../data/numbers/ummalqura.tsv"),
            3,
        ),
        (
            "numbers/months.tsv",
            include_str!("../data/numbers/months.tsv"),
            3,
        ),
        (
            "clean/furniture.tsv",
            include_str!("../data/clean/furniture.tsv"),
            2,
        ),
        (
            "clean/stopwords_ar.txt",
            include_str!("../data/clean/stopwords_ar.txt"),
            1,
        ),
        (
            "clean/dates.txt",
            include_str!("../data/clean/dates.txt"),
            1,
        ),
        (
            "clean/credits.txt",
            include_str!("../data/clean/credits.txt"),
            1,
        ),
    ];

    #[test]
    fn shipped_tables_have_no_malformed_row() {
        for (name, table, fields) in SHIPPED {
            let (rows, bad) = read(table, *fields);
            assert!(bad.is_empty(), "{name}: malformed rows at lines {bad:?}");
            assert!(!rows.is_empty(), "{name} is empty");
        }
    }
}
