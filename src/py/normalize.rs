//! `Normalizer` and `normalize` for Python.

use super::convert::{bool_options, collect_items, str_arg, strs_arg, text_arg};
use super::errors::{detach, NuqtaValueError};
use super::ucs;
use crate::normalize::{Normalizer as CoreNormalizer, Options, PRESETS};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

/// A reusable, immutable Arabic normalizer; see `nuqta.Normalizer`.
#[pyclass(frozen, module = "nuqta._nuqta", name = "Normalizer")]
pub struct Normalizer {
    inner: CoreNormalizer,
}

/// Parses `**options` on top of the defaults.
fn parse_options(kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<Options> {
    let mut options = Options::default();
    bool_options(kwargs, Options::NAMES, |name, on| options.set(name, on))?;
    Ok(options)
}

#[pymethods]
impl Normalizer {
    #[new]
    #[pyo3(signature = (**options))]
    fn new(options: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        Ok(Normalizer {
            inner: CoreNormalizer::new(parse_options(options)?),
        })
    }

    /// A named preset: "default", "search", "display", "camel" or "none".
    #[staticmethod]
    fn preset(name: &str) -> PyResult<Self> {
        let options = Options::preset(name).ok_or_else(|| {
            NuqtaValueError::new_err(format!(
                "unknown preset '{name}'; the presets are: {}",
                PRESETS.join(", ")
            ))
        })?;
        Ok(Normalizer {
            inner: CoreNormalizer::new(options),
        })
    }

    /// The rules and whether each is on.
    #[getter]
    fn options<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        for (name, on) in self.inner.options().items() {
            dict.set_item(name, on)?;
        }
        Ok(dict)
    }

    /// Normalizes one text.
    fn normalize<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        ucs::normalize_str(py, &self.inner, str_arg(text, "text")?, "text")
    }

    /// Normalizes many texts on all cores.
    fn normalize_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let items = collect_items(texts, "texts")?;
        ucs::normalize_strs(py, &self.inner, &strs_arg(&items, "texts")?, "texts")
    }

    /// Normalizes one text and maps each output character to the index of its source in `text`.
    fn normalize_with_offsets(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
    ) -> PyResult<(String, Vec<usize>)> {
        let input = text_arg(text, "text")?;
        detach(py, || self.inner.normalize_with_offsets(input))
    }

    fn __repr__(&self) -> String {
        format!("Normalizer({})", self.inner.options())
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Normalizer>()
            .is_ok_and(|o| o.get().inner.options() == self.inner.options())
    }

    fn __hash__(&self) -> u64 {
        self.inner
            .options()
            .items()
            .iter()
            .fold(0, |acc, &(_, on)| acc << 1 | u64::from(on))
    }

    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let rebuild = py
            .import("nuqta._nuqta")?
            .getattr("_normalizer_from_options")?;
        let args = PyTuple::new(py, [self.options(py)?])?;
        Ok((rebuild, args))
    }
}

/// Rebuilds a `Normalizer` from its options (used by pickle).
#[pyfunction]
pub fn _normalizer_from_options(options: &Bound<'_, PyDict>) -> PyResult<Normalizer> {
    Normalizer::new(Some(options))
}

/// Normalizes `text` with the given options (the defaults for the rest).
#[pyfunction]
#[pyo3(signature = (text, **options))]
pub fn normalize<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let normalizer = CoreNormalizer::new(parse_options(options)?);
    ucs::normalize_str(py, &normalizer, str_arg(text, "text")?, "text")
}
