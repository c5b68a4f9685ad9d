//! The lines of a cleaned page on their way to Python: `Cleaned.lines` and `Document.lines`
//! are made into `Line` objects when first read.
//!
//! A large page has thousands of lines and blocks (every menu item is one), and making a
//! `Line` object of each cost a sixth of cleaning such a page, which a caller who reads only
//! `.text` paid for nothing. So a result leaves Rust with its lines here, already in `str`
//! indices, and `nuqta.results` asks for the tuple of `Line`s the first time `lines` is read.

use super::results::{classes, instance, GcPause, Indexer};
use crate::clean::{Line, Reason};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyString, PyTuple};
use pyo3::IntoPyObjectExt;
use std::sync::{Mutex, PoisonError};

/// One line before it is a `Line`: its fields, the span in `str` indices.
struct Row {
    text: String,
    start: usize,
    end: usize,
    keep: bool,
    reason: Reason,
}

/// The lines of a cleaned page until they are read: `lines()` makes them into a tuple of
/// `Line`s, once.
#[pyclass(module = "nuqta._nuqta", name = "_PendingLines", frozen)]
pub struct PendingLines {
    /// The lines until they are made into `made` (then emptied).
    rows: Mutex<Vec<Row>>,
    /// The `Line` objects, once made.
    made: PyOnceLock<Py<PyTuple>>,
}

impl PendingLines {
    /// The lines of `page` (`page_str` is its UTF-8; the ranges are byte offsets into it).
    pub(crate) fn new(page_str: &str, lines: Vec<Line>) -> PendingLines {
        let mut ix = Indexer::new(page_str, lines.iter().map(|l| (l.start, l.end)));
        let rows: Vec<Row> = lines
            .into_iter()
            .map(|l| {
                let (start, end) = ix.take();
                Row {
                    text: l.text,
                    start,
                    end,
                    keep: l.keep,
                    reason: l.reason,
                }
            })
            .collect();
        PendingLines {
            rows: Mutex::new(rows),
            made: PyOnceLock::new(),
        }
    }
}

/// `Line` objects of `rows`.
fn make<'py>(py: Python<'py>, rows: &[Row]) -> PyResult<Bound<'py, PyTuple>> {
    let c = classes(py)?;
    let _pause = GcPause::new(py);
    let items = rows
        .iter()
        .map(|r| {
            let values = [
                PyString::new(py, &r.text).into_any(),
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
            let mut rows = self.rows.lock().unwrap_or_else(PoisonError::into_inner);
            let made = make(py, &rows)?;
            // the `Line`s hold the texts now
            *rows = Vec::new();
            Ok::<_, PyErr>(made.unbind())
        })?;
        Ok(made.bind(py).clone())
    }
}
