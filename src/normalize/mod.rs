//! Arabic normalization with a map from every output character back to the input.
//!
//! ```
//! use nuqta::normalize::{Normalizer, Options};
//! let n = Normalizer::new(Options::default());
//! assert_eq!(n.normalize("مُحَمَّدٌ"), "محمد");
//! let (text, offsets) = n.normalize_with_offsets("أَحمد");
//! assert_eq!(text, "احمد");
//! assert_eq!(offsets, vec![0, 2, 3, 4]);
//! ```

mod engine;
mod options;
mod presentation;
mod table;
mod units;

pub use options::{Options, PRESETS};
pub use units::{CodeUnit, UnitsError};

use crate::parallel;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};
use table::Table;

/// A reusable normalizer: the rule table is built once per distinct `Options` and shared.
#[derive(Clone, Debug)]
pub struct Normalizer {
    table: Arc<Table>,
    options: Options,
}

/// Tables already built, by options. Bounded: there are 2^13 option sets at most.
static TABLES: LazyLock<Mutex<HashMap<Options, Arc<Table>>>> = LazyLock::new(Default::default);

impl Normalizer {
    /// A normalizer applying the rules switched on in `options`.
    pub fn new(options: Options) -> Normalizer {
        let mut tables = TABLES
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let table = tables
            .entry(options)
            .or_insert_with(|| Arc::new(Table::new(options)))
            .clone();
        Normalizer { table, options }
    }

    /// The rules this normalizer applies.
    pub fn options(&self) -> Options {
        self.options
    }

    /// Normalizes `text`; borrows it (no allocation) when nothing changes but a trailing trim.
    pub fn normalize<'a>(&self, text: &'a str) -> Cow<'a, str> {
        crate::fault::check_str(text);
        engine::run(&self.table, text, engine::Borrowing::new(text)).finish()
    }

    /// Normalizes `text` and returns, for each output character, the char index in
    /// `text` of the character it came from. Offsets never decrease.
    pub fn normalize_with_offsets(&self, text: &str) -> (String, Vec<usize>) {
        crate::fault::check_str(text);
        let sink = engine::run(&self.table, text, engine::WithOffsets::new(text));
        (sink.out, sink.offsets)
    }

    /// Normalizes a fixed-width buffer of code points (Latin-1, UCS-2 or UCS-4);
    /// borrows it, or a prefix of it, when nothing else changes.
    pub fn normalize_units<'a, T: CodeUnit>(
        &self,
        units: &'a [T],
    ) -> Result<Cow<'a, [T]>, UnitsError> {
        units::normalize_units(&self.table, units, &mut Vec::new())
    }

    /// Like [`normalize_units`](Self::normalize_units), building a new output in the
    /// memory of `spare` (a buffer an earlier call returned), which is left empty then.
    pub fn normalize_units_reusing<'a, T: CodeUnit>(
        &self,
        units: &'a [T],
        spare: &mut Vec<T>,
    ) -> Result<Cow<'a, [T]>, UnitsError> {
        units::normalize_units(&self.table, units, spare)
    }

    /// Normalizes every text, in parallel on the crate's thread pool.
    pub fn normalize_batch<'a>(&self, texts: &[&'a str]) -> Vec<Cow<'a, str>> {
        parallel::map(texts, |t| self.normalize(t))
    }
}

impl Default for Normalizer {
    fn default() -> Self {
        Normalizer::new(Options::default())
    }
}

#[cfg(test)]
mod tests;
