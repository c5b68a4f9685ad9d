//! `Normalizer` and `normalize` for Python.

use super::convert::{bool_options, collect_items, str_arg, strs_arg, text_arg};
use super::errors::{detach, NuqtaValueError};
use super::ucs;
use crate::normalize::{Normalizer as CoreNormalizer, Options, PRESETS};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

/// A reusable, immutable, picklable Arabic normalizer. Unset rules keep their defaults;
/// `Normalizer.preset(name)` starts from a named set instead.
///
/// The rules, every one a keyword argument that turns it on (True) or off (False):
///
/// - diacritics (on): removes harakat, tanween, shadda, sukun and dagger alef
///   (U+064B-U+0652, U+0670).
/// - quranic_marks (on): with diacritics, also removes Quranic annotation marks and the
///   rarer Arabic combining marks (U+0610-U+061A, U+0653-U+065F, U+06D6-U+06ED,
///   U+08D3-U+08FF).
/// - tatweel (on): removes tatweel (U+0640).
/// - alef (on): أ إ آ ٱ → ا
/// - alef_maqsura (on): ى → ي
/// - teh_marbuta (off): ة → ه
/// - hamza (off): ؤ → و, ئ → ي
/// - digits (on): Arabic-Indic and Persian digits → ASCII; ٫ → . and ٬ → , between digits.
/// - presentation_forms (on): presentation forms A and B and ligatures → base letters.
/// - persian (off): ک → ك, ی → ي, ھ ە ۀ → ه
/// - invisible (on): removes zero-width characters, bidi controls, ALM, BOM and soft
///   hyphens (a space stays where a removed separator stood between two words).
/// - whitespace (on): Unicode spaces → space, runs collapsed, lines trimmed, line breaks kept.
/// - punctuation (off): ، ؛ ؟ → , ; ?
///
/// An unknown name or a value that is not a bool raises NuqtaTypeError.
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
    #[pyo3(signature = (**options), text_signature = "(*, diacritics=True, quranic_marks=True, tatweel=True, alef=True, alef_maqsura=True, teh_marbuta=False, hamza=False, digits=True, presentation_forms=True, persian=False, invisible=True, whitespace=True, punctuation=False)")]
    fn new(options: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        Ok(Normalizer {
            inner: CoreNormalizer::new(parse_options(options)?),
        })
    }

    /// A named preset: "default", "search", "display", "camel" or "none".
    #[staticmethod]
    fn preset(name: &Bound<'_, PyAny>) -> PyResult<Self> {
        let name = text_arg(name, "name")?;
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

/// Normalizes `text` with the rules turned on or off by keyword (the defaults for the
/// rest); `Normalizer(**options).normalize(text)` without keeping the normalizer.
///
/// The rules, every one a keyword argument that turns it on (True) or off (False):
///
/// - diacritics (on): removes harakat, tanween, shadda, sukun and dagger alef
///   (U+064B-U+0652, U+0670).
/// - quranic_marks (on): with diacritics, also removes Quranic annotation marks and the
///   rarer Arabic combining marks (U+0610-U+061A, U+0653-U+065F, U+06D6-U+06ED,
///   U+08D3-U+08FF).
/// - tatweel (on): removes tatweel (U+0640).
/// - alef (on): أ إ آ ٱ → ا
/// - alef_maqsura (on): ى → ي
/// - teh_marbuta (off): ة → ه
/// - hamza (off): ؤ → و, ئ → ي
/// - digits (on): Arabic-Indic and Persian digits → ASCII; ٫ → . and ٬ → , between digits.
/// - presentation_forms (on): presentation forms A and B and ligatures → base letters.
/// - persian (off): ک → ك, ی → ي, ھ ە ۀ → ه
/// - invisible (on): removes zero-width characters, bidi controls, ALM, BOM and soft
///   hyphens (a space stays where a removed separator stood between two words).
/// - whitespace (on): Unicode spaces → space, runs collapsed, lines trimmed, line breaks kept.
/// - punctuation (off): ، ؛ ؟ → , ; ?
///
/// An unknown name or a value that is not a bool raises NuqtaTypeError.
#[pyfunction]
#[pyo3(signature = (text, **options), text_signature = "(text, *, diacritics=True, quranic_marks=True, tatweel=True, alef=True, alef_maqsura=True, teh_marbuta=False, hamza=False, digits=True, presentation_forms=True, persian=False, invisible=True, whitespace=True, punctuation=False)")]
pub fn normalize<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let normalizer = CoreNormalizer::new(parse_options(options)?);
    ucs::normalize_str(py, &normalizer, str_arg(text, "text")?, "text")
}
