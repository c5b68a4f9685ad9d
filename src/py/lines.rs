//! The lines of a cleaned page on their way to Python: `Cleaned.lines` and `Document.lines`
//! are made into `Line` objects when first read.
//!
//! A large page has thousands of lines and blocks (every menu item is one), and making a
//! `Line` object of each took 14% of cleaning such a page (`bench/clean.py`'s large pages),
//! which a caller who reads only `.text` paid for nothing. So a result leaves Rust with its lines here, already in `str`
//! indices, and `nuqta.results` asks for the tuple of `Line`s the first time `lines` is read.

use super::errors::NuqtaError;
use super::results::{classes, instance, substring, Indexer};
use crate::clean::{Line, Reason};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyString, PyTuple};
use pyo3::{intern, IntoPyObjectExt};
use std::sync::{Mutex, PoisonError};

/// The text of a line before it is a `Line`.
enum Text {
    /// Already a `str` (the kept lines: the cleaned text is joined from them).
    Made(Py<PyString>),
    /// `page[start:end]`.
    Page,
    /// Its own.
    Utf8(String),
}

/// One line before it is a `Line`: its fields, the span in `str` indices.
struct Row {
    text: Text,
    start: usize,
    end: usize,
    keep: bool,
    reason: Reason,
}

/// What the `Line`s are made of.
#[derive(Default)]
struct Pending {
    rows: Vec<Row>,
    /// The page, while a row's text is to be cut from it (on a plain-text page, every
    /// line is a piece of it).
    page: Option<Py<PyString>>,
}

/// The lines of a cleaned page until they are read: `lines()` makes them into a tuple of
/// `Line`s, once.
#[pyclass(module = "nuqta._nuqta", name = "_PendingLines", frozen)]
pub struct PendingLines {
    /// Emptied once the lines are made.
    pending: Mutex<Pending>,
    /// The `Line` objects, once made.
    made: PyOnceLock<Py<PyTuple>>,
}

impl PendingLines {
    /// The lines of `page` (`page_str` is its UTF-8; the ranges are byte offsets into it),
    /// and the cleaned text as a `str`: the kept lines joined by "\n". With `page`, the
    /// kept lines are made `str`s now and joined: a line whose range holds exactly its text
    /// is cut from `page` (copying code units is faster than decoding UTF-8 again).
    /// Without `page` (a page that came as bytes: no line is worth decoding the whole page
    /// for), the cleaned text is decoded in one piece and every line makes its own `str`
    /// when the lines are read.
    pub(crate) fn new<'py>(
        py: Python<'py>,
        page: Option<&Bound<'py, PyString>>,
        page_str: &str,
        lines: Vec<Line>,
    ) -> PyResult<(Bound<'py, PyString>, PendingLines)> {
        let mut ix = Indexer::new(page_str, lines.iter().map(|l| (l.start, l.end)));
        let Some(page) = page else {
            let mut joined = String::new();
            for l in lines.iter().filter(|l| l.keep) {
                if !joined.is_empty() {
                    joined.push('\n');
                }
                joined.push_str(&l.text);
            }
            let rows = lines
                .into_iter()
                .map(|l| {
                    let (start, end) = ix.take();
                    Row {
                        text: Text::Utf8(l.text),
                        start,
                        end,
                        keep: l.keep,
                        reason: l.reason,
                    }
                })
                .collect();
            let pending = Pending { rows, page: None };
            return Ok((PyString::new(py, &joined), PendingLines::of(pending)));
        };
        let mut kept = Vec::new();
        let mut cut_any = false;
        let rows = lines
            .into_iter()
            .map(|l| {
                let (start, end) = ix.take();
                let cut = page_str.get(l.start..l.end) == Some(l.text.as_str());
                let text = if l.keep {
                    let made = if cut {
                        substring(page, start, end)?.cast_into::<PyString>()?
                    } else {
                        PyString::new(py, &l.text)
                    };
                    kept.push(made.clone());
                    Text::Made(made.unbind())
                } else if cut {
                    cut_any = true;
                    Text::Page
                } else {
                    Text::Utf8(l.text)
                };
                Ok(Row {
                    text,
                    start,
                    end,
                    keep: l.keep,
                    reason: l.reason,
                })
            })
            .collect::<PyResult<Vec<Row>>>()?;
        let text = intern!(py, "\n")
            .call_method1(intern!(py, "join"), (kept,))?
            .cast_into::<PyString>()?;
        let pending = Pending {
            rows,
            page: cut_any.then(|| page.clone().unbind()),
        };
        Ok((text, PendingLines::of(pending)))
    }

    /// Lines made of `pending` when first read.
    fn of(pending: Pending) -> PendingLines {
        PendingLines {
            pending: Mutex::new(pending),
            made: PyOnceLock::new(),
        }
    }
}

/// The `Line` objects of `pending`.
fn make<'py>(py: Python<'py>, pending: &Pending) -> PyResult<Bound<'py, PyTuple>> {
    let c = classes(py)?;
    let page = pending.page.as_ref().map(|p| p.bind(py));
    let items = pending
        .rows
        .iter()
        .map(|r| {
            let text = match (&r.text, page) {
                (Text::Made(text), _) => text.bind(py).clone().into_any(),
                (Text::Utf8(text), _) => PyString::new(py, text).into_any(),
                (Text::Page, Some(page)) => substring(page, r.start, r.end)?,
                (Text::Page, None) => {
                    return Err(NuqtaError::new_err(
                        "internal error in nuqta: lines without their page",
                    ))
                }
            };
            let values = [
                text,
                r.start.into_bound_py_any(py)?,
                r.end.into_bound_py_any(py)?,
                r.keep.into_bound_py_any(py)?,
                c.reasons[r.reason as usize].bind(py).clone().into_any(),
            ];
            instance(py, &c.line, values)
        })
        .collect::<PyResult<Vec<_>>>()?;
    PyTuple::new(py, items)
}

#[pymethods]
impl PendingLines {
    /// The `Line`s, made on the first call; every call returns the same tuple.
    fn lines<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let made = self.made.get_or_try_init(py, || {
            let mut pending = self.pending.lock().unwrap_or_else(PoisonError::into_inner);
            let made = make(py, &pending)?;
            // the `Line`s hold the texts now
            *pending = Pending::default();
            Ok::<_, PyErr>(made.unbind())
        })?;
        Ok(made.bind(py).clone())
    }
}
