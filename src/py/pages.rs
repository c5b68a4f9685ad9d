//! Pages as Python hands them over: a `str`, or `bytes`, `bytearray` or `memoryview` that
//! [`crate::decode`] turns into text; and `_decode`, the decoding on its own.

use super::convert::{text_arg, type_name};
use super::errors::{detach, NuqtaTypeError};
use crate::decode;
use pyo3::buffer::PyBuffer;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyMemoryView, PyString};
use std::borrow::Cow;

/// A page argument before decoding (no Python object inside: it can go to other threads).
pub(crate) enum Raw<'a> {
    /// The UTF-8 of a `str`.
    Str(&'a str),
    /// Bytes: borrowed from a `bytes`, copied from a mutable buffer.
    Bytes(Cow<'a, [u8]>),
}

/// A page's text, and how it was decoded when it came as bytes.
pub(crate) struct Text<'a> {
    pub(crate) text: Cow<'a, str>,
    /// The encoding's name, for bytes.
    pub(crate) encoding: Option<&'static str>,
    /// Malformed byte sequences that became U+FFFD.
    pub(crate) replacements: usize,
}

/// The page `obj` (`what` names it in errors): `str`, `bytes`, `bytearray` or `memoryview`.
pub(crate) fn page_arg<'a>(obj: &'a Bound<'_, PyAny>, what: &str) -> PyResult<Raw<'a>> {
    if obj.is_instance_of::<PyString>() {
        return text_arg(obj, what).map(Raw::Str);
    }
    if let Ok(bytes) = obj.cast::<PyBytes>() {
        return Ok(Raw::Bytes(Cow::Borrowed(bytes.as_bytes())));
    }
    // A mutable buffer could change while the GIL is released: copied.
    if let Ok(array) = obj.cast::<PyByteArray>() {
        return Ok(Raw::Bytes(Cow::Owned(array.to_vec())));
    }
    if obj.is_instance_of::<PyMemoryView>() {
        let copy = PyBuffer::<u8>::get(obj).and_then(|b| b.to_vec(obj.py()));
        return copy
            .map(|v| Raw::Bytes(Cow::Owned(v)))
            .map_err(|_| NuqtaTypeError::new_err(format!("{what} must be a memoryview of bytes")));
    }
    Err(NuqtaTypeError::new_err(format!(
        "{what} must be str or bytes, not {}",
        type_name(obj)
    )))
}

/// Each item's page, or the error naming its index (`what[i]`), one result per item.
pub(crate) fn each_page<'a>(items: &'a [Bound<'_, PyAny>], what: &str) -> Vec<PyResult<Raw<'a>>> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| page_arg(item, &format!("{what}[{i}]")))
        .collect()
}

impl Raw<'_> {
    /// The page's text: a `str` as it is, bytes decoded (with the charset of
    /// `content_type`, when given).
    pub(crate) fn text(&self, content_type: Option<&str>) -> Text<'_> {
        match self {
            Raw::Str(s) => Text {
                text: Cow::Borrowed(s),
                encoding: None,
                replacements: 0,
            },
            Raw::Bytes(bytes) => {
                let d = decode::decode(bytes, content_type);
                Text {
                    text: d.text,
                    encoding: Some(d.encoding.name()),
                    replacements: d.replacements,
                }
            }
        }
    }

    /// The size of the page, for sharing out batches.
    pub(crate) fn len(&self) -> usize {
        match self {
            Raw::Str(s) => s.len(),
            Raw::Bytes(b) => b.len(),
        }
    }
}

impl Text<'_> {
    /// The page as a Python `str`: the caller's own object when it was one, else the
    /// decoded text made a `str`.
    pub(crate) fn to_py<'py>(&self, obj: &Bound<'py, PyAny>) -> Bound<'py, PyString> {
        match (self.encoding, obj.cast::<PyString>()) {
            (None, Ok(s)) => s.clone(),
            _ => PyString::new(obj.py(), &self.text),
        }
    }
}

/// `(text, encoding, replacements)` of bytes; a `str` comes back as it is, with no
/// encoding.
#[pyfunction]
#[pyo3(signature = (data, content_type=None))]
pub fn _decode<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    content_type: Option<&str>,
) -> PyResult<(Bound<'py, PyString>, Option<&'static str>, usize)> {
    let raw = page_arg(data, "data")?;
    let text = detach(py, || raw.text(content_type))?;
    Ok((text.to_py(data), text.encoding, text.replacements))
}
