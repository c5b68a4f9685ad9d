//! `_WarcRecords`: the records of a WARC archive, read by [`crate::archive`], as the typed
//! rows `_WarcPage` and `_WarcOther`.

use super::errors::{detach, NuqtaValueError};
use crate::archive::{Item, Limits, Records};
use pyo3::exceptions::PyOSError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use std::fs::File;
use std::io::BufReader;

/// A record of an archive that holds a page: a `response` with an HTML or plain-text body.
#[pyclass(frozen, get_all, module = "nuqta._nuqta", name = "_WarcPage")]
pub struct WarcPage {
    /// The record's number in the file, from 1.
    number: usize,
    /// Its `WARC-Target-URI`.
    url: String,
    /// Its `WARC-Record-ID`.
    record_id: String,
    /// Its `WARC-Date`, as written (ISO 8601).
    date: String,
    /// The HTTP `Content-Type` (with its charset, when it has one).
    content_type: String,
    /// Whether the content type is HTML (else it is plain text).
    html: bool,
    /// The HTTP body, content-decoded.
    body: Py<PyBytes>,
}

/// A record of an archive that gave no page.
#[pyclass(frozen, get_all, module = "nuqta._nuqta", name = "_WarcOther")]
pub struct WarcOther {
    /// The record's number in the file, from 1.
    number: usize,
    /// `"skipped"`: it holds no page; `"error"`: it (or the rest of the file) could not be
    /// read.
    kind: &'static str,
    /// Why: a skipped record's `WARC-Type`, with the content type of a response of another
    /// kind (`response image/png`); what went wrong.
    why: String,
}

/// An iterator over an archive's records, each a `_WarcPage` or a `_WarcOther`.
#[pyclass(module = "nuqta._nuqta", name = "_WarcRecords")]
pub struct WarcRecords {
    records: Records<BufReader<File>>,
}

#[pymethods]
impl WarcRecords {
    /// The records of the file at `path`; a record block longer than `max_bytes` is
    /// reported instead of read.
    #[new]
    fn new(path: &str, max_bytes: u64) -> PyResult<Self> {
        if max_bytes == 0 {
            return Err(NuqtaValueError::new_err("max_bytes must be at least 1"));
        }
        let open = || {
            let file = BufReader::with_capacity(1 << 16, File::open(path)?);
            Records::new(
                file,
                Limits {
                    max_record_bytes: max_bytes,
                },
            )
        };
        let records = open().map_err(|e| PyOSError::new_err(format!("{path}: {e}")))?;
        Ok(WarcRecords { records })
    }

    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&mut self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        let records = &mut self.records;
        let Some((number, item)) = detach(py, || records.next())? else {
            return Ok(None);
        };
        let other = |kind, why| Bound::new(py, WarcOther { number, kind, why });
        let row = match item {
            Item::Page(p) => {
                let page = WarcPage {
                    number,
                    url: p.url,
                    record_id: p.record_id,
                    date: p.date,
                    content_type: p.content_type,
                    html: p.html,
                    body: PyBytes::new(py, &p.body).unbind(),
                };
                Bound::new(py, page)?.into_any()
            }
            Item::Skipped(why) => other("skipped", why)?.into_any(),
            Item::Error(why) => other("error", why)?.into_any(),
        };
        Ok(Some(row))
    }
}
