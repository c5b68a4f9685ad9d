//! The result objects of `nuqta.results` (frozen slots dataclasses), built here instead of
//! from tuples in Python: a page has dozens of lines and mentions, and making each through
//! Python code cost more than finding it.
//!
//! Each object is made as the dataclass's own `__init__` makes it, through the public C API
//! only: allocated as `object.__new__(cls)` allocates it (`PyType_GenericAlloc`, the
//! `tp_alloc` that such a class inherits from `object`), then each field set with
//! `PyObject_GenericSetAttr`, which is `object.__setattr__`, the call a frozen dataclass's
//! `__init__` makes for each field (its own `__setattr__` refuses). So it is the very object
//! Python would build: equal, hashable, picklable, immutable, whatever the class's layout.
//! The one difference: the cyclic GC does not track it (see [`instance`]).

use super::errors::NuqtaError;
use crate::clean::Reason;
use crate::entities::Entity;
use crate::numbers::{NumberMention, NumberValue};
use crate::text::offsets::byte_to_char_offsets;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyString, PyTuple, PyType};
use pyo3::{ffi, intern, IntoPyObjectExt};

/// The fields of `Line`, `NumberMention` and `Entity`, in the order their classes declare
/// them (and the order the builders below give the values in).
const LINE_FIELDS: [&str; 5] = ["text", "start", "end", "keep", "reason"];
const NUMBER_FIELDS: [&str; 8] = [
    "text",
    "start",
    "end",
    "kind",
    "value",
    "unit",
    "qualifier",
    "high",
];
const ENTITY_FIELDS: [&str; 5] = ["text", "start", "end", "label", "name"];

/// A result class and the interned names of its `N` fields, in declaration order.
pub(crate) struct Fields<const N: usize> {
    cls: Py<PyType>,
    names: [Py<PyString>; N],
}

impl<const N: usize> Fields<N> {
    /// The fields of `cls`, which must be a dataclass whose fields are exactly `names`.
    fn new(cls: Bound<'_, PyType>, names: [&str; N]) -> PyResult<Fields<N>> {
        let py = cls.py();
        let declared: Vec<String> = py
            .import("dataclasses")?
            .call_method1("fields", (&cls,))?
            .try_iter()?
            .map(|f| f?.getattr(intern!(py, "name"))?.extract())
            .collect::<PyResult<_>>()?;
        if declared != names {
            return Err(PyTypeError::new_err(format!(
                "nuqta's result class {} must be a dataclass with the fields {names:?}, not \
                 {declared:?}",
                cls.name()?,
            )));
        }
        Ok(Fields {
            cls: cls.unbind(),
            names: names.map(|n| PyString::intern(py, n).unbind()),
        })
    }
}

/// The result classes, handed over by `nuqta._api` when it is imported.
pub(crate) struct Classes {
    pub(crate) line: Fields<{ LINE_FIELDS.len() }>,
    number: Fields<{ NUMBER_FIELDS.len() }>,
    entity: Fields<{ ENTITY_FIELDS.len() }>,
    /// The interned name of each reason, by `Reason as usize`.
    pub(crate) reasons: [Py<PyString>; Reason::ALL.len()],
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
    // `Reason::ALL` is in declaration order: the name of `r` lands at `r as usize`
    let reasons = Reason::ALL.map(|r| PyString::intern(py, r.as_str()).unbind());
    let classes = Classes {
        line: Fields::new(line, LINE_FIELDS)?,
        number: Fields::new(number, NUMBER_FIELDS)?,
        entity: Fields::new(entity, ENTITY_FIELDS)?,
        reasons,
    };
    // A second registration (the module reloaded) keeps the first classes.
    let _ = CLASSES.set(py, classes);
    Ok(())
}

pub(crate) fn classes(py: Python<'_>) -> PyResult<&Classes> {
    CLASSES
        .get(py)
        .ok_or_else(|| NuqtaError::new_err("nuqta's result classes are missing: import nuqta"))
}

/// A new object of `fields`'s class with its fields set to `values` (in declaration order),
/// made as `object.__new__` and the frozen dataclass's `__init__` make it.
///
/// The cyclic GC stops tracking it (`PyObject_GC_UnTrack`, as CPython untracks its own
/// tuples and dicts of atomic values): a result holds strings, numbers, bools and `None`
/// only, so it can be in no cycle, and tracked, the thousands of lines of a big page would
/// be scanned again by every collection their own allocation sets off, which made a page of
/// 100,000 lines cost more than 100 pages of 1,000. Only `object.__setattr__` past the
/// frozen class could store a container in it; a cycle made so would be leaked, not
/// collected.
pub(crate) fn instance<'py, const N: usize>(
    py: Python<'py>,
    fields: &Fields<N>,
    values: [Bound<'py, PyAny>; N],
) -> PyResult<Bound<'py, PyAny>> {
    let cls = fields.cls.bind(py);
    // SAFETY: `cls` is a live type object (`fields` holds it) and the GIL is held.
    // `PyType_GenericAlloc` returns a new reference, or NULL with an exception set.
    let obj = unsafe {
        Bound::from_owned_ptr_or_err(py, ffi::PyType_GenericAlloc(cls.as_type_ptr(), 0))?
    };
    for (name, value) in fields.names.iter().zip(values) {
        // SAFETY: live objects, GIL held; `PyObject_GenericSetAttr` borrows its arguments
        // and returns -1 with an exception set on failure.
        let status =
            unsafe { ffi::PyObject_GenericSetAttr(obj.as_ptr(), name.as_ptr(), value.as_ptr()) };
        if status != 0 {
            return Err(PyErr::fetch(py));
        }
    }
    // SAFETY: a live object, GIL held; untracking is only done for a GC type.
    unsafe {
        if ffi::PyObject_IS_GC(obj.as_ptr()) != 0 {
            ffi::PyObject_GC_UnTrack(obj.as_ptr().cast());
        }
    }
    Ok(obj)
}

/// `text[start:end]`, in `str` indices.
pub(crate) fn substring<'py>(
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
        NumberValue::Unknown => Ok(py.None().into_bound(py)),
    }
}

/// Mentions of `text` (`text_str` is its UTF-8) as objects of the class `class` picks:
/// the fields `text`, `start` and `end` from each mention's byte span, handed to `fields`
/// with the mention to make all `N` of them.
fn mentions<'py, T, const N: usize>(
    text: &Bound<'py, PyString>,
    text_str: &str,
    found: &[T],
    span: impl Fn(&T) -> (usize, usize),
    class: impl Fn(&Classes) -> &Fields<N>,
    fields: impl Fn(&T, [Bound<'py, PyAny>; 3]) -> PyResult<[Bound<'py, PyAny>; N]>,
) -> PyResult<Bound<'py, PyTuple>> {
    let py = text.py();
    let target = class(classes(py)?);
    let mut ix = Indexer::new(text_str, found.iter().map(&span));
    let items = found
        .iter()
        .map(|m| {
            let (s, e) = ix.take();
            let values = fields(
                m,
                [
                    substring(text, s, e)?,
                    s.into_bound_py_any(py)?,
                    e.into_bound_py_any(py)?,
                ],
            )?;
            instance(py, target, values)
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
    mentions(
        text,
        text_str,
        found,
        |n| (n.start, n.end),
        |c| &c.number,
        |n, [text, start, end]| {
            Ok([
                text,
                start,
                end,
                PyString::intern(py, n.kind.as_str()).into_any(),
                value(py, &n.value)?,
                n.unit.as_deref().into_bound_py_any(py)?,
                n.qualifier
                    .map(|q| PyString::intern(py, q.as_str()))
                    .into_bound_py_any(py)?,
                match &n.high {
                    Some(h) => value(py, h)?,
                    None => py.None().into_bound(py),
                },
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
    mentions(
        text,
        text_str,
        found,
        |e| (e.start, e.end),
        |c| &c.entity,
        |e, [text, start, end]| {
            Ok([
                text,
                start,
                end,
                PyString::intern(py, e.label.as_str()).into_any(),
                PyString::new(py, &e.name).into_any(),
            ])
        },
    )
}
