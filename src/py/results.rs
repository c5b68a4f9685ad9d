//! The result objects of `nuqta.results` (frozen dataclasses), built here instead of from
//! tuples in Python: a page has dozens of lines and mentions, and making each through
//! Python code cost more than finding it.
//!
//! Each object is made as `object.__new__(cls)` makes it (the class's own allocator) with its
//! fields set the way the dataclass's own `__init__` sets them (`object.__setattr__`), so it is
//! the very object Python would build: equal, hashable, picklable, immutable. The one difference:
//! the cyclic GC does not track it (see [`instance`]).

use super::errors::NuqtaError;
use crate::clean::{Line, Reason};
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
    /// The interned name of each reason, by `Reason as usize`.
    reasons: [Py<PyString>; Reason::ALL.len()],
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
    // A second registration (the module reloaded) keeps the first classes.
    let _ = CLASSES.set(
        py,
        Classes {
            line: line.unbind(),
            number: number.unbind(),
            entity: entity.unbind(),
            reasons,
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

/// A new `cls` with `fields` set to `values`, made by `object.__new__(cls)`'s own C function
/// (`tp_new` of `object`: the class's allocator, then its instance dict set up) without the cost
/// of a Python call.
///
/// The cyclic GC stops tracking it: a result holds strings, numbers and bools only, so it can
/// be in no cycle, and tracked, the thousands of lines of a big page would be scanned by the
/// collection that the first allocation after [`GcPause`] sets off (4% of a 200 KB page's
/// `clean`). CPython untracks its own tuples and dicts of such values the same way.
fn instance<'py, const N: usize>(
    cls: &Bound<'py, PyType>,
    fields: [&Bound<'py, PyString>; N],
    values: [Bound<'py, PyAny>; N],
) -> PyResult<Bound<'py, PyAny>> {
    let py = cls.py();
    let no_args = PyTuple::empty(py);
    // SAFETY: `cls` is a live subclass of `object` whose `__new__` is `object.__new__` (a
    // dataclass), the arguments are an empty tuple and no keywords, and the GIL is held;
    // `tp_new` returns a new reference, or NULL with an exception set.
    let obj = unsafe {
        let object_type = &*std::ptr::addr_of!(ffi::PyBaseObject_Type);
        let new = object_type.tp_new.ok_or_else(|| PyErr::fetch(py))?;
        Bound::from_owned_ptr_or_err(
            py,
            new(cls.as_type_ptr(), no_args.as_ptr(), std::ptr::null_mut()),
        )?
    };
    set_fields(&obj, fields, values)?;
    // SAFETY: a live object of a GC type (checked), GIL held.
    unsafe {
        if ffi::PyObject_IS_GC(obj.as_ptr()) != 0 {
            ffi::PyObject_GC_UnTrack(obj.as_ptr().cast());
        }
    }
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
                cls(c).bind(py),
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
    let line_cls = c.line.bind(py);
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
                c.reasons[l.reason as usize].bind(py).clone().into_any(),
            ];
            instance(line_cls, fields, values)
        })
        .collect::<PyResult<Vec<_>>>()?;
    let text = intern!(py, "\n")
        .call_method1(intern!(py, "join"), (kept,))?
        .cast_into::<PyString>()?;
    Ok((PyTuple::new(py, items)?, text))
}
