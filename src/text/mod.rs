//! Text primitives shared by every stage: character classes and offset conversion.

pub mod chars;
pub mod offsets;
