//! Bindings of the annotators (numbers, entities, clean) and the document pipeline.
//!
//! Lines, entities and numbers cross into Python as the public result objects (see
//! `results`), pages as tuples that `nuqta/_api.py` wraps; every span is in `str` indices.

use super::convert::{collect_items, each_text, text_arg, texts_arg};
use super::errors::{detach, item_error, next_round, NuqtaError, NuqtaValueError};
use super::lines::PendingLines;
use super::results;
use crate::clean::{self, Cleaned, Cleaner, CleanerOptions};
use crate::document::{self, AnalyzeOptions, Document};
use crate::entities;
use crate::numbers::{self, Country, Date, NumberOptions};
use crate::parallel;
use crate::text::offsets::trimmed_range;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString, PyTuple};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// `(title, byline, text, lines, metadata)` of a cleaned page; `metadata` holds the other
/// fields of `Cleaned` by name (date, modified, authors, site_name, description, url, language).
type CleanedRow<'py> = (
    Option<String>,
    Option<String>,
    Bound<'py, PyString>,
    Bound<'py, PendingLines>,
    Bound<'py, PyDict>,
);

/// The metadata fields of a cleaned page, by name.
fn metadata<'py>(py: Python<'py>, c: &mut Cleaned) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("date", c.date.take())?;
    d.set_item("modified", c.modified.take())?;
    d.set_item("authors", PyTuple::new(py, std::mem::take(&mut c.authors))?)?;
    d.set_item("site_name", c.site_name.take())?;
    d.set_item("description", c.description.take())?;
    d.set_item("url", c.url.take())?;
    d.set_item("language", c.language.take())?;
    Ok(d)
}

/// The row of a cleaned page. The lines of plain text are narrowed to their trimmed text,
/// so that `page[line.start:line.end] == line.text`; HTML blocks keep their source range.
fn cleaned_row<'py>(
    page_obj: &Bound<'py, PyAny>,
    page: &str,
    html: bool,
    mut c: Cleaned,
) -> PyResult<CleanedRow<'py>> {
    if !html {
        for line in &mut c.lines {
            if let Some((from, to)) = trimmed_range(page, line.start, line.end) {
                (line.start, line.end) = (from, to);
            }
        }
    }
    let meta = metadata(page_obj.py(), &mut c)?;
    let (text, lines) = PendingLines::new(page_obj.cast()?, page, c.lines)?;
    Ok((
        c.title,
        c.byline,
        text,
        Bound::new(page_obj.py(), lines)?,
        meta,
    ))
}

fn reference(date: Option<(i32, u32, u32)>) -> PyResult<Option<Date>> {
    match date {
        Some((year, month, day)) if (1..=12).contains(&month) && (1..=31).contains(&day) => {
            Ok(Some(Date { year, month, day }))
        }
        Some(d) => Err(NuqtaValueError::new_err(format!("not a date: {d:?}"))),
        None => Ok(None),
    }
}

fn country(code: Option<&str>) -> PyResult<Option<Country>> {
    code.map(|c| {
        Country::new(c).ok_or_else(|| {
            NuqtaValueError::new_err(format!(
                "country must be an ISO 3166 two-letter code, not {c:?}"
            ))
        })
    })
    .transpose()
}

/// The numbers options from the Python arguments.
fn number_options(
    reference_date: Option<(i32, u32, u32)>,
    relative_ordinals: bool,
    code: Option<&str>,
) -> PyResult<NumberOptions> {
    Ok(NumberOptions {
        reference_date: reference(reference_date)?,
        relative_ordinals,
        country: country(code)?,
    })
}

/// The `NumberMention`s in `text`.
#[pyfunction]
#[pyo3(signature = (text, reference_date=None, relative_ordinals=false, country=None))]
pub fn _numbers<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    reference_date: Option<(i32, u32, u32)>,
    relative_ordinals: bool,
    country: Option<&str>,
) -> PyResult<Bound<'py, PyTuple>> {
    let text_str = text_arg(text, "text")?;
    let options = number_options(reference_date, relative_ordinals, country)?;
    let found = detach(py, || numbers::find_numbers(text_str, &options))?;
    results::numbers(text.cast()?, text_str, &found)
}

/// The `NumberMention`s of many texts, on all cores: a tuple per text (see [`in_rounds`]).
#[pyfunction]
#[pyo3(signature = (texts, reference_date=None, relative_ordinals=false, country=None))]
pub fn _numbers_batch<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    reference_date: Option<(i32, u32, u32)>,
    relative_ordinals: bool,
    country: Option<&str>,
) -> PyResult<Vec<Bound<'py, PyTuple>>> {
    let options = number_options(reference_date, relative_ordinals, country)?;
    let items = collect_items(texts, "texts")?;
    let strs = texts_arg(&items, "texts")?;
    let sizes: Vec<usize> = strs.iter().map(|t| t.len()).collect();
    in_rounds(
        py,
        &sizes,
        |i| numbers::find_numbers(strs[i], &options),
        |i, found| {
            let found = found.map_err(|panic| item_error("texts", i, panic))?;
            results::numbers(items[i].cast()?, strs[i], &found)
        },
    )
}

/// The `Entity`s in `text`.
#[pyfunction]
pub fn _entities<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyTuple>> {
    let text_str = text_arg(text, "text")?;
    let found = detach(py, || entities::entities(text_str))?;
    results::entities(text.cast()?, text_str, &found)
}

/// The `Entity`s of many texts, on all cores: a tuple per text (see [`in_rounds`]).
#[pyfunction]
pub fn _entities_batch<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
) -> PyResult<Vec<Bound<'py, PyTuple>>> {
    let items = collect_items(texts, "texts")?;
    let strs = texts_arg(&items, "texts")?;
    let sizes: Vec<usize> = strs.iter().map(|t| t.len()).collect();
    in_rounds(
        py,
        &sizes,
        |i| entities::entities(strs[i]),
        |i, found| {
            let found = found.map_err(|panic| item_error("texts", i, panic))?;
            results::entities(items[i].cast()?, strs[i], &found)
        },
    )
}

/// A cleaned page: `(title, byline, text, lines, metadata)`.
#[pyfunction]
#[pyo3(signature = (page, html=None))]
pub fn _clean<'py>(
    py: Python<'py>,
    page: &Bound<'py, PyAny>,
    html: Option<bool>,
) -> PyResult<CleanedRow<'py>> {
    let page_obj = page;
    let page = text_arg(page, "page")?;
    let html = html.unwrap_or_else(|| clean::looks_like_html(page));
    let cleaned = detach(py, || clean::clean(page, Some(html)))?;
    cleaned_row(page_obj, page, html, cleaned)
}

/// `(html, title, byline, text, lines, entities, numbers, groups, metadata)` of an analyzed page;
/// spans index the page (plain text) or the document text (HTML).
fn document_row<'py>(
    py: Python<'py>,
    page_obj: &Bound<'py, PyAny>,
    page: &str,
    mut doc: Document,
) -> PyResult<Bound<'py, PyTuple>> {
    let html = doc.html;
    let text_utf8 = std::mem::take(&mut doc.cleaned.text);
    let groups: Vec<(&str, String, Vec<usize>)> = doc
        .entity_groups
        .into_iter()
        .map(|g| (g.label.as_str(), g.name, g.mentions))
        .collect();
    let (title, byline, text, lines, meta) = cleaned_row(page_obj, page, html, doc.cleaned)?;
    let (base, base_str) = if html {
        (&text, text_utf8.as_str())
    } else {
        (page_obj.cast::<PyString>()?, page)
    };
    let entities = results::entities(base, base_str, &doc.entities)?;
    let numbers = results::numbers(base, base_str, &doc.numbers)?;
    (
        html,
        title,
        byline,
        text.clone(),
        lines,
        entities,
        numbers,
        groups,
        meta,
    )
        .into_pyobject(py)
}

/// The pipeline's options from the Python arguments.
fn analyze_options(
    html: Option<bool>,
    reference_date: Option<(i32, u32, u32)>,
    entities: bool,
    numbers: bool,
    code: Option<&str>,
) -> PyResult<AnalyzeOptions> {
    Ok(AnalyzeOptions {
        html,
        reference_date: reference(reference_date)?,
        country: country(code)?,
        entities,
        numbers,
    })
}

/// One page through the whole pipeline.
#[pyfunction]
#[pyo3(signature = (page, html=None, reference_date=None, entities=true, numbers=true, country=None))]
pub fn _analyze<'py>(
    py: Python<'py>,
    page: &Bound<'py, PyAny>,
    html: Option<bool>,
    reference_date: Option<(i32, u32, u32)>,
    entities: bool,
    numbers: bool,
    country: Option<&str>,
) -> PyResult<Bound<'py, PyTuple>> {
    let options = analyze_options(html, reference_date, entities, numbers, country)?;
    let page_str = text_arg(page, "page")?;
    let doc = detach(py, || document::analyze(page_str, &options))?;
    document_row(py, page, page_str, doc)
}

/// Bytes of text per round of [`in_rounds`]: a small share of a big batch, so that
/// building the Python results of one round overlaps with the work on the next ones.
const ROUND_BYTES: usize = 1 << 16;

/// Many pages on all cores, in order. The pages are analyzed in rounds on the pool while
/// this thread turns each finished round into results: `build(index, True, document_row)`
/// for a page, `build(index, False, (error type, message))` for an input that is not a
/// `str` or a page whose analysis failed. Returns what `build` returned for each page;
/// an exception from `build` stops the batch.
#[pyfunction]
#[pyo3(signature = (pages, build, html=None, reference_date=None, entities=true, numbers=true, country=None))]
#[allow(clippy::too_many_arguments)] // one per keyword argument of the Python call
pub fn _analyze_batch<'py>(
    py: Python<'py>,
    pages: &Bound<'py, PyAny>,
    build: &Bound<'py, PyAny>,
    html: Option<bool>,
    reference_date: Option<(i32, u32, u32)>,
    entities: bool,
    numbers: bool,
    country: Option<&str>,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let options = analyze_options(html, reference_date, entities, numbers, country)?;
    let items = collect_items(pages, "pages")?;
    let inputs = each_text(&items, "pages");
    let texts: Vec<Option<&str>> = inputs.iter().map(|r| r.as_ref().ok().copied()).collect();
    let sizes: Vec<usize> = texts.iter().map(|t| t.map_or(0, str::len)).collect();
    let analyze = |i: usize| texts[i].map(|page| document::analyze(page, &options));
    in_rounds(py, &sizes, analyze, |i, doc| {
        let (ok, payload) = match (&inputs[i], doc) {
            (Ok(page), Ok(Some(doc))) => (true, document_row(py, &items[i], page, doc)?.into_any()),
            (Err(err), _) => (false, error_row(py, err)?),
            (Ok(_), Ok(None)) => {
                let err = NuqtaError::new_err("internal error in nuqta: page skipped");
                (false, error_row(py, &err)?)
            }
            (Ok(_), Err(panic)) => (false, error_row(py, &item_error("pages", i, panic))?),
        };
        build.call1((i, ok, payload))
    })
}

/// `each(i, work(i))` for every item `i`, in order, on this thread and under the GIL, with
/// `work` run on the pool in rounds of about [`ROUND_BYTES`] (item `i` weighs `sizes[i]`)
/// so that building the Python results of one round overlaps with the work on the next.
/// A panic in `work(i)` reaches `each` as the `Err` of item `i`, so that its error can name
/// the item. Python's cyclic GC pauses meanwhile (see [`results::GcPause`]).
fn in_rounds<'py, R: Send, T>(
    py: Python<'py>,
    sizes: &[usize],
    work: impl Fn(usize) -> R + Sync,
    mut each: impl FnMut(usize, std::thread::Result<R>) -> PyResult<T>,
) -> PyResult<Vec<T>> {
    let rounds = parallel::rounds(sizes, ROUND_BYTES, |&size| size);
    let produce = |round: usize| {
        rounds[round]
            .clone()
            .map(|i| catch_unwind(AssertUnwindSafe(|| work(i))))
            .collect::<Vec<_>>()
    };
    parallel::pipeline(rounds.len(), produce, |ordered| {
        let _pause = results::GcPause::new(py);
        let mut out = Vec::with_capacity(sizes.len());
        for range in &rounds {
            for (i, result) in range.clone().zip(next_round(py, ordered)?) {
                out.push(each(i, result)?);
            }
        }
        Ok(out)
    })
}

/// `(error type, message)` of an error, for a batch's error records.
fn error_row<'py>(py: Python<'py>, err: &PyErr) -> PyResult<Bound<'py, PyAny>> {
    let kind = err.get_type(py).name()?.to_string();
    let message = err.value(py).str()?.to_string();
    Ok((kind, message).into_pyobject(py)?.into_any())
}

/// The state of a `nuqta.Cleaner`: the template it learned across pages.
#[pyclass(module = "nuqta._nuqta", name = "_CleanerState")]
pub struct CleanerState {
    inner: Cleaner,
}

impl CleanerState {
    /// Whether the cleaner reads `page` as HTML.
    fn html_for(&self, page: &str) -> bool {
        self.inner
            .options()
            .html
            .unwrap_or_else(|| clean::looks_like_html(page))
    }
}

#[pymethods]
impl CleanerState {
    #[new]
    #[pyo3(signature = (html=None, min_pages=3, min_share=0.1, max_hashes=1_048_576))]
    fn new(
        html: Option<bool>,
        min_pages: u32,
        min_share: f32,
        max_hashes: usize,
    ) -> PyResult<Self> {
        if !(0.0..=1.0).contains(&min_share) {
            return Err(NuqtaValueError::new_err(
                "min_share must be between 0 and 1",
            ));
        }
        Ok(CleanerState {
            inner: Cleaner::new(CleanerOptions {
                html,
                min_pages,
                min_share,
                max_hashes,
            }),
        })
    }

    /// Pages learned so far.
    #[getter]
    fn pages_learned(&self) -> u32 {
        self.inner.pages_learned()
    }

    /// Learns the template from more pages.
    fn learn(&mut self, py: Python<'_>, pages: &Bound<'_, PyAny>) -> PyResult<()> {
        let items = collect_items(pages, "pages")?;
        let pages = texts_arg(&items, "pages")?;
        let inner = &mut self.inner;
        detach(py, || inner.learn(&pages))
    }

    /// One page, minus the learned template: `(title, byline, text, lines, metadata)`.
    fn clean<'py>(&self, py: Python<'py>, page: &Bound<'py, PyAny>) -> PyResult<CleanedRow<'py>> {
        let page_obj = page;
        let page = text_arg(page, "page")?;
        let cleaned = detach(py, || self.inner.clean(page))?;
        cleaned_row(page_obj, page, self.html_for(page), cleaned)
    }

    /// Many pages on all cores.
    fn clean_batch<'py>(
        &self,
        py: Python<'py>,
        pages: &Bound<'py, PyAny>,
    ) -> PyResult<Vec<CleanedRow<'py>>> {
        let items = collect_items(pages, "pages")?;
        let pages = texts_arg(&items, "pages")?;
        let sizes: Vec<usize> = pages.iter().map(|p| p.len()).collect();
        in_rounds(
            py,
            &sizes,
            |i| self.inner.clean(pages[i]),
            |i, cleaned| {
                let cleaned = cleaned.map_err(|panic| item_error("pages", i, panic))?;
                cleaned_row(&items[i], pages[i], self.html_for(pages[i]), cleaned)
            },
        )
    }

    /// The learned state as bytes (for pickle).
    fn to_bytes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let bytes = serde_json::to_vec(&self.inner)
            .map_err(|e| NuqtaValueError::new_err(format!("cannot save the cleaner: {e}")))?;
        Ok(PyBytes::new(py, &bytes))
    }

    /// A state saved by `to_bytes`.
    #[staticmethod]
    fn from_bytes(data: &[u8]) -> PyResult<Self> {
        let inner = serde_json::from_slice(data)
            .map_err(|e| NuqtaValueError::new_err(format!("not a saved cleaner: {e}")))?;
        Ok(CleanerState { inner })
    }
}
