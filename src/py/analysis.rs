//! Bindings of the annotators (numbers, entities, clean) and the document pipeline.
//!
//! Results cross into Python as plain tuples with `str` indices; `nuqta/results.py`
//! wraps them in the public result classes.

use super::convert::{collect_items, each_text, text_arg, texts_arg};
use super::errors::{detach, internal_error, NuqtaError, NuqtaValueError};
use crate::clean::{self, Cleaned, Cleaner, CleanerOptions};
use crate::document::{self, AnalyzeOptions, Document};
use crate::entities::{self, Entity};
use crate::numbers::{self, Date, NumberMention, NumberValue};
use crate::parallel;
use crate::text::offsets::{byte_to_char_offsets, trimmed_range};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyTuple};
use pyo3::IntoPyObjectExt;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// `(start, end, kind, value, unit)` of a number mention.
type NumberRow = (usize, usize, &'static str, Py<PyAny>, Option<String>);
/// `(start, end, label)` of an entity.
type EntityRow = (usize, usize, &'static str);
/// `(text, start, end, keep, reason)` of a line.
type LineRow = (String, usize, usize, bool, &'static str);
/// `(title, byline, lines)` of a cleaned page (Python joins the kept lines into its text:
/// cheaper than decoding the same UTF-8 twice).
type CleanedRow = (Option<String>, Option<String>, Vec<LineRow>);

/// Converts byte spans into `str` indices of `text`, in one pass.
struct Indexer {
    chars: Vec<usize>,
    next: usize,
}

impl Indexer {
    fn new(text: &str, spans: impl Iterator<Item = (usize, usize)>) -> Indexer {
        let bytes: Vec<usize> = spans.flat_map(|(s, e)| [s, e]).collect();
        Indexer {
            chars: byte_to_char_offsets(text, &bytes),
            next: 0,
        }
    }

    /// The converted span, in the order the spans were given.
    fn take(&mut self) -> (usize, usize) {
        let span = (self.chars[self.next], self.chars[self.next + 1]);
        self.next += 2;
        span
    }
}

fn value(py: Python<'_>, v: &NumberValue) -> PyResult<Py<PyAny>> {
    match v {
        NumberValue::Int(i) => i.into_py_any(py),
        NumberValue::Float(f) => f.into_py_any(py),
        NumberValue::Text(s) => s.into_py_any(py),
    }
}

fn number_rows(py: Python<'_>, text: &str, found: &[NumberMention]) -> PyResult<Vec<NumberRow>> {
    let mut ix = Indexer::new(text, found.iter().map(|n| (n.start, n.end)));
    found
        .iter()
        .map(|n| {
            let (s, e) = ix.take();
            Ok((s, e, n.kind.as_str(), value(py, &n.value)?, n.unit.clone()))
        })
        .collect()
}

fn entity_rows(text: &str, found: &[Entity]) -> Vec<EntityRow> {
    let mut ix = Indexer::new(text, found.iter().map(|e| (e.start, e.end)));
    found
        .iter()
        .map(|e| {
            let (s, end) = ix.take();
            (s, end, e.label.as_str())
        })
        .collect()
}

/// The row of a cleaned page. The lines of plain text are narrowed to their trimmed text,
/// so that `page[line.start:line.end] == line.text`; HTML blocks keep their source range.
fn cleaned_row(page: &str, html: bool, mut c: Cleaned) -> CleanedRow {
    if !html {
        for line in &mut c.lines {
            if let Some((from, to)) = trimmed_range(page, line.start, line.end) {
                (line.start, line.end) = (from, to);
            }
        }
    }
    let mut ix = Indexer::new(page, c.lines.iter().map(|l| (l.start, l.end)));
    let lines = c
        .lines
        .into_iter()
        .map(|l| {
            let (s, e) = ix.take();
            (l.text, s, e, l.keep, l.reason.as_str())
        })
        .collect();
    (c.title, c.byline, lines)
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

/// Numbers in `text`: a list of `(start, end, kind, value, unit)`.
#[pyfunction]
#[pyo3(signature = (text, reference_date=None))]
pub fn _numbers(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    reference_date: Option<(i32, u32, u32)>,
) -> PyResult<Vec<NumberRow>> {
    let text = text_arg(text, "text")?;
    let date = reference(reference_date)?;
    let found = detach(py, || numbers::find_numbers(text, date))?;
    number_rows(py, text, &found)
}

/// Entities in `text`: a list of `(start, end, label)`.
#[pyfunction]
pub fn _entities(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Vec<EntityRow>> {
    let text = text_arg(text, "text")?;
    let found = detach(py, || entities::entities(text))?;
    Ok(entity_rows(text, &found))
}

/// Entities in many texts, on all cores: a list per text.
#[pyfunction]
pub fn _entities_batch(py: Python<'_>, texts: &Bound<'_, PyAny>) -> PyResult<Vec<Vec<EntityRow>>> {
    let items = collect_items(texts, "texts")?;
    let texts = texts_arg(&items, "texts")?;
    let found = detach(py, || parallel::map(&texts, |t| entities::entities(t)))?;
    Ok(texts
        .iter()
        .zip(&found)
        .map(|(t, f)| entity_rows(t, f))
        .collect())
}

/// A cleaned page: `(title, byline, lines)`.
#[pyfunction]
#[pyo3(signature = (page, html=None))]
pub fn _clean(py: Python<'_>, page: &Bound<'_, PyAny>, html: Option<bool>) -> PyResult<CleanedRow> {
    let page = text_arg(page, "page")?;
    let html = html.unwrap_or_else(|| clean::looks_like_html(page));
    let cleaned = detach(py, || clean::clean(page, Some(html)))?;
    Ok(cleaned_row(page, html, cleaned))
}

/// `(html, title, byline, lines, entities, numbers, groups)` of an analyzed page;
/// spans index the page (plain text) or the document text (HTML).
fn document_row<'py>(py: Python<'py>, page: &str, doc: Document) -> PyResult<Bound<'py, PyTuple>> {
    let base = if doc.html {
        doc.cleaned.text.as_str()
    } else {
        page
    };
    let entities = entity_rows(base, &doc.entities);
    let numbers = number_rows(py, base, &doc.numbers)?;
    let groups: Vec<(&str, String, Vec<usize>)> = doc
        .entity_groups
        .into_iter()
        .map(|g| (g.label.as_str(), g.name, g.mentions))
        .collect();
    let html = doc.html;
    let (title, byline, lines) = cleaned_row(page, html, doc.cleaned);
    (html, title, byline, lines, entities, numbers, groups).into_pyobject(py)
}

/// The pipeline's options from the Python arguments.
fn analyze_options(
    html: Option<bool>,
    reference_date: Option<(i32, u32, u32)>,
    entities: bool,
    numbers: bool,
) -> PyResult<AnalyzeOptions> {
    Ok(AnalyzeOptions {
        html,
        reference_date: reference(reference_date)?,
        entities,
        numbers,
    })
}

/// One page through the whole pipeline.
#[pyfunction]
#[pyo3(signature = (page, html=None, reference_date=None, entities=true, numbers=true))]
pub fn _analyze<'py>(
    py: Python<'py>,
    page: &Bound<'py, PyAny>,
    html: Option<bool>,
    reference_date: Option<(i32, u32, u32)>,
    entities: bool,
    numbers: bool,
) -> PyResult<Bound<'py, PyTuple>> {
    let page = text_arg(page, "page")?;
    let options = analyze_options(html, reference_date, entities, numbers)?;
    let doc = detach(py, || document::analyze(page, &options))?;
    document_row(py, page, doc)
}

/// Bytes of pages per round of [`_analyze_batch`]: a small share of a big batch, so that
/// building the Python results of one round overlaps with analyzing the next ones.
const ROUND_BYTES: usize = 1 << 16;

/// Many pages on all cores, in order. The pages are analyzed in rounds on the pool while
/// this thread turns each finished round into results: `build(index, True, document_row)`
/// for a page, `build(index, False, (error type, message))` for an input that is not a
/// `str` or a page whose analysis failed. Returns what `build` returned for each page;
/// an exception from `build` stops the batch.
#[pyfunction]
#[pyo3(signature = (pages, build, html=None, reference_date=None, entities=true, numbers=true))]
pub fn _analyze_batch<'py>(
    py: Python<'py>,
    pages: &Bound<'py, PyAny>,
    build: &Bound<'py, PyAny>,
    html: Option<bool>,
    reference_date: Option<(i32, u32, u32)>,
    entities: bool,
    numbers: bool,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let options = analyze_options(html, reference_date, entities, numbers)?;
    let items = collect_items(pages, "pages")?;
    let inputs = each_text(&items, "pages");
    let texts: Vec<Option<&str>> = inputs.iter().map(|r| r.as_ref().ok().copied()).collect();
    let rounds = parallel::rounds(&texts, ROUND_BYTES, |t| t.map_or(0, str::len));
    let analyze_round = |round: usize| {
        texts[rounds[round].clone()]
            .iter()
            .map(|text| {
                let page = (*text)?;
                Some(catch_unwind(AssertUnwindSafe(|| {
                    document::analyze(page, &options)
                })))
            })
            .collect::<Vec<_>>()
    };
    parallel::pipeline(rounds.len(), analyze_round, |ordered| {
        let mut out = Vec::with_capacity(texts.len());
        for range in &rounds {
            let docs = match detach(py, || ordered.next_round())? {
                Some(Ok(docs)) => docs,
                Some(Err(panic)) => return Err(internal_error(panic)),
                None => break,
            };
            for (i, doc) in range.clone().zip(docs) {
                let (ok, payload) = match (&inputs[i], doc) {
                    (Ok(page), Some(Ok(doc))) => (true, document_row(py, page, doc)?.into_any()),
                    (Err(err), _) => (false, error_row(py, err)?),
                    (Ok(_), failed) => {
                        let panic = failed.and_then(Result::err);
                        let err = panic.map_or_else(
                            || NuqtaError::new_err("internal error in nuqta: page skipped"),
                            internal_error,
                        );
                        (false, error_row(py, &err)?)
                    }
                };
                out.push(build.call1((i, ok, payload))?);
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

    /// One page, minus the learned template: `(title, byline, lines)`.
    fn clean(&self, py: Python<'_>, page: &Bound<'_, PyAny>) -> PyResult<CleanedRow> {
        let page = text_arg(page, "page")?;
        let cleaned = detach(py, || self.inner.clean(page))?;
        Ok(cleaned_row(page, self.html_for(page), cleaned))
    }

    /// Many pages on all cores.
    fn clean_batch(&self, py: Python<'_>, pages: &Bound<'_, PyAny>) -> PyResult<Vec<CleanedRow>> {
        let items = collect_items(pages, "pages")?;
        let pages = texts_arg(&items, "pages")?;
        let cleaned = detach(py, || self.inner.clean_batch(&pages))?;
        Ok(pages
            .into_iter()
            .zip(cleaned)
            .map(|(p, c)| cleaned_row(p, self.html_for(p), c))
            .collect())
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
