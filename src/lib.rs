//! nuqta: Arabic web text toolkit.
//!
//! The crate is the whole engine; `src/py/` is a thin pyo3 shell over it and is the
//! only place that names Python. Every offset in this Rust API is a byte offset into
//! the `&str` the caller passed, except where a doc says it counts chars.

pub mod archive;
pub mod clean;
pub mod decode;
pub mod document;
pub mod entities;
pub mod fault;
pub mod normalize;
pub mod numbers;
pub mod parallel;
pub mod text;
mod tsv;

#[cfg(test)]
mod test_rng;

#[cfg(feature = "python")]
mod py;
