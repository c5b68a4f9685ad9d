//! nuqta: Arabic web text toolkit.
//!
//! The crate is the whole engine; `src/py/` is a thin pyo3 shell over it and is the
//! only place that names Python. Every offset in this Rust API is a byte offset into
//! the `&str` the caller passed; the bindings convert them to Python `str` indices.

pub mod entities;
pub mod text;
