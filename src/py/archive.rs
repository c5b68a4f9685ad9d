//! `_WarcRecords`: the records of a WARC archive, read by [`crate::archive`].

use super::errors::{detach, NuqtaValueError};
use crate::archive::{Item, Limits, Records};
use pyo3::exceptions::PyOSError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyTuple};
use std::fs::File;
use std::io::BufReader;

/// An iterator over an archive's records: `(number, "page", url, record id, date,
/// content type, html, body)`, `(number, "skipped", why)` or `(number, "error", why)`.
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

    fn __next__<'py>(&mut self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyTuple>>> {
        let records = &mut self.records;
        let Some((number, item)) = detach(py, || records.next())? else {
            return Ok(None);
        };
        let row = match item {
            Item::Page(p) => (
                number,
                "page",
                p.url,
                p.record_id,
                p.date,
                p.content_type,
                p.html,
                PyBytes::new(py, &p.body),
            )
                .into_pyobject(py)?,
            Item::Skipped(why) => (number, "skipped", why).into_pyobject(py)?,
            Item::Error(why) => (number, "error", why).into_pyobject(py)?,
        };
        Ok(Some(row))
    }
}
