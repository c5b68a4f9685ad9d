//! The result objects of `nuqta.results` (frozen dataclasses), built here instead of from
//! tuples in Python: a page has dozens of lines and mentions, and making each through
//! Python code cost more than finding it.
//!
//! Each object is made as `object.__new__(cls)` with its fields set the way the
//! dataclass's own `__init__` sets them (`object.__setattr__`), so it is the very object
//! Python would build: equal, hashable, picklable, immutable.

use super::errors::NuqtaError;
use crate::clean::Line;
use crate::entities::Entity;
use crate::numbers::{NumberMention, NumberValue};
use crate::text::offsets::byte_to_char_offsets;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyString, PyTuple, PyType};
use pyo3::{ffi, intern, IntoPyObjectExt};

/// The result classes, handed over by `nuqta._api` when it is imported.
struct Classes {
    line: Py<PyType>,
    number: Py<PyType>,
    entity: Py<PyType>,
    object_new: Py<PyAny>,
}

static CLASSES: PyOnceLock<Classes> = PyOnceLock::new();

/// Registers the result classes (`nuqta._api` does, once).
#[pyfunction]
pub fn _use_result_classes(
    py: Python<'_>,
    line: Bound<'_, PyType>,
    number: Bound<'_, PyType>,
    entity: Bound<'_, PyType>,
) -> PyResult<()> {
    let object_new = py
        .import("builtins")?
        .getattr("object")?
        .getattr("__new__")?
        .unbind();
    // A second registration (the module reloaded) keeps the first classes.
    let _ = CLASSES.set(
        py,
        Classes {
            line: line.unbind(),
            number: number.unbind(),
            entity: entity.unbind(),
            object_new,
        },
    );
    Ok(())
}

fn classes(py: Python<'_>) -> PyResult<&Classes> {
    CLASSES
        .get(py)
        .ok_or_else(|| NuqtaError::new_err("nuqta's result classes are missing: import nuqta"))
}

/// Pauses Python's cyclic garbage collector while it lives. Result objects hold no
/// cycles, and the collections that every few hundred new objects set off would scan all
/// of them again and again, which made a page of 100,000 lines cost more than 100 pages
/// of 1,000 (and a batch spend a tenth of its time in the collector).
pub(crate) struct GcPause {
    was_enabled: bool,
}

impl GcPause {
    pub(crate) fn new(_py: Python<'_>) -> GcPause {
        // SAFETY: called with the GIL held (the `Python` token proves it).
        GcPause {
            was_enabled: unsafe { ffi::PyGC_Disable() } != 0,
        }
    }
}

impl Drop for GcPause {
    fn drop(&mut self) {
        if self.was_enabled {
            // SAFETY: the GIL is still held: a `GcPause` lives inside one builder call.
            unsafe { ffi::PyGC_Enable() };
        }
    }
}

/// A new `cls` with `fields` set to `values`.
fn instance<'py, const N: usize>(
    py: Python<'py>,
    classes: &Classes,
    cls: &Py<PyType>,
    fields: [&Bound<'py, PyString>; N],
    values: [Bound<'py, PyAny>; N],
) -> PyResult<Bound<'py, PyAny>> {
    let obj = classes.object_new.bind(py).call1((cls.bind(py),))?;
    set_fields(&obj, fields, values)?;
    Ok(obj)
}

/// Sets `fields` of the new result `obj` to `values`.
fn set_fields<'py, const N: usize>(
    obj: &Bound<'py, PyAny>,
    fields: [&Bound<'py, PyString>; N],
    values: [Bound<'py, PyAny>; N],
) -> PyResult<()> {
    for (name, value) in fields.into_iter().zip(values) {
        // SAFETY: all three are live objects. The generic setter stores into the
        // instance's own attributes, past the frozen class's `__setattr__`, as
        // `object.__setattr__` does in the dataclass's `__init__`.
        let status =
            unsafe { ffi::PyObject_GenericSetAttr(obj.as_ptr(), name.as_ptr(), value.as_ptr()) };
        if status != 0 {
            return Err(PyErr::fetch(obj.py()));
        }
    }
    Ok(())
}

/// `text[start:end]`, in `str` indices.
fn substring<'py>(
    text: &Bound<'py, PyString>,
    start: usize,
    end: usize,
) -> PyResult<Bound<'py, PyAny>> {
    let (start, end) = (
        ffi::Py_ssize_t::try_from(start).unwrap_or(ffi::Py_ssize_t::MAX),
        ffi::Py_ssize_t::try_from(end).unwrap_or(ffi::Py_ssize_t::MAX),
    );
    // SAFETY: `text` is a live `str`; CPython clamps the indices to its length.
    unsafe {
        Bound::from_owned_ptr_or_err(
            text.py(),
            ffi::PyUnicode_Substring(text.as_ptr(), start, end),
        )
    }
}

/// Converts byte spans into `str` indices of one text, in one pass.
pub(crate) struct Indexer {
    chars: Vec<usize>,
    next: usize,
}

impl Indexer {
    pub(crate) fn new(text: &str, spans: impl Iterator<Item = (usize, usize)>) -> Indexer {
        let bytes: Vec<usize> = spans.flat_map(|(s, e)| [s, e]).collect();
        Indexer {
            chars: byte_to_char_offsets(text, &bytes),
            next: 0,
        }
    }

    /// The converted span, in the order the spans were given.
    pub(crate) fn take(&mut self) -> (usize, usize) {
        let span = (self.chars[self.next], self.chars[self.next + 1]);
        self.next += 2;
        span
    }
}

fn value<'py>(py: Python<'py>, v: &NumberValue) -> PyResult<Bound<'py, PyAny>> {
    match v {
        NumberValue::Int(i) => i.into_bound_py_any(py),
        NumberValue::Float(f) => f.into_bound_py_any(py),
        NumberValue::Text(s) => s.into_bound_py_any(py),
    }
}

/// Mentions of `text` (`text_str` is its UTF-8) as objects of `cls`: the fields `text`,
/// `start` and `end` from each mention's byte span, then `rest` from `more`.
fn mentions<'py, T, const N: usize>(
    text: &Bound<'py, PyString>,
    text_str: &str,
    found: &[T],
    span: impl Fn(&T) -> (usize, usize),
    cls: impl Fn(&Classes) -> &Py<PyType>,
    rest: [&Bound<'py, PyString>; N],
    more: impl Fn(&T) -> PyResult<[Bound<'py, PyAny>; N]>,
) -> PyResult<Bound<'py, PyTuple>> {
    let py = text.py();
    let c = classes(py)?;
    let _pause = GcPause::new(py);
    let mut ix = Indexer::new(text_str, found.iter().map(&span));
    let items = found
        .iter()
        .map(|m| {
            let (s, e) = ix.take();
            let obj = instance(
                py,
                c,
                cls(c),
                [
                    intern!(py, "text"),
                    intern!(py, "start"),
                    intern!(py, "end"),
                ],
                [
                    substring(text, s, e)?,
                    s.into_bound_py_any(py)?,
                    e.into_bound_py_any(py)?,
                ],
            )?;
            set_fields(&obj, rest, more(m)?)?;
            Ok(obj)
        })
        .collect::<PyResult<Vec<_>>>()?;
    PyTuple::new(py, items)
}

/// `NumberMention`s for the mentions `found` in `text` (`text_str` is its UTF-8).
pub(crate) fn numbers<'py>(
    text: &Bound<'py, PyString>,
    text_str: &str,
    found: &[NumberMention],
) -> PyResult<Bound<'py, PyTuple>> {
    let py = text.py();
    let rest = [
        intern!(py, "kind"),
        intern!(py, "value"),
        intern!(py, "unit"),
    ];
    mentions(
        text,
        text_str,
        found,
        |n| (n.start, n.end),
        |c| &c.number,
        rest,
        |n| {
            Ok([
                PyString::intern(py, n.kind.as_str()).into_any(),
                value(py, &n.value)?,
                n.unit.as_deref().into_bound_py_any(py)?,
            ])
        },
    )
}

/// `Entity`s for the entities `found` in `text` (`text_str` is its UTF-8).
pub(crate) fn entities<'py>(
    text: &Bound<'py, PyString>,
    text_str: &str,
    found: &[Entity],
) -> PyResult<Bound<'py, PyTuple>> {
    let py = text.py();
    let rest = [intern!(py, "label")];
    mentions(
        text,
        text_str,
        found,
        |e| (e.start, e.end),
        |c| &c.entity,
        rest,
        |e| Ok([PyString::intern(py, e.label.as_str()).into_any()]),
    )
}

/// `Line`s for the lines of `page` (`page_str` is its UTF-8; the ranges are byte offsets
/// into it), and the text of the kept ones joined by "\n" (the cleaned text). A line whose
/// range holds exactly its text is cut from `page` (a copy of code units) rather than
/// decoded from UTF-8 again, and the joined text is made from the lines' strings.
pub(crate) fn lines<'py>(
    page: &Bound<'py, PyString>,
    page_str: &str,
    lines: Vec<Line>,
) -> PyResult<(Bound<'py, PyTuple>, Bound<'py, PyString>)> {
    let py = page.py();
    let c = classes(py)?;
    let _pause = GcPause::new(py);
    let fields = [
        intern!(py, "text"),
        intern!(py, "start"),
        intern!(py, "end"),
        intern!(py, "keep"),
        intern!(py, "reason"),
    ];
    let mut ix = Indexer::new(page_str, lines.iter().map(|l| (l.start, l.end)));
    let mut kept = Vec::new();
    let items = lines
        .into_iter()
        .map(|l| {
            let (s, e) = ix.take();
            let text = if page_str.get(l.start..l.end) == Some(l.text.as_str()) {
                substring(page, s, e)?
            } else {
                PyString::new(py, &l.text).into_any()
            };
            if l.keep {
                kept.push(text.clone());
            }
            let values = [
                text,
                s.into_bound_py_any(py)?,
                e.into_bound_py_any(py)?,
                l.keep.into_bound_py_any(py)?,
                PyString::intern(py, l.reason.as_str()).into_any(),
            ];
            instance(py, c, &c.line, fields, values)
        })
        .collect::<PyResult<Vec<_>>>()?;
    let text = intern!(py, "\n")
        .call_method1(intern!(py, "join"), (kept,))?
        .cast_into::<PyString>()?;
    Ok((PyTuple::new(py, items)?, text))
}
