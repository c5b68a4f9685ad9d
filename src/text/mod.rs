//! The one place that knows Arabic characters: character classes, the letter fold, the word
//! scanner, the clitic enumerator and offset conversion. Every stage reads words through it.
//!
//! - [`chars`]: the class of each character (letter, mark, tatweel, digit, space, line break,
//!   format, punctuation), which `normalize` and `clean` read too;
//! - [`fold`]: the letter variants and the search fold;
//! - [`scan`]: words with their spans, gaps and folded forms, following UAX #29;
//! - [`clitics`]: every reading of a word as proclitics, stem and enclitic;
//! - [`offsets`]: byte offsets to Python `str` indices.

pub mod chars;
pub mod clitics;
pub mod fold;
pub mod offsets;
pub mod scan;

#[cfg(test)]
mod agreement;
