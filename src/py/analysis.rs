//! Bindings of the annotators (numbers, entities, clean) and the document pipeline.
//!
//! Lines, entities and numbers cross into Python as the public result objects (see
//! `results`), pages as the typed rows `CleanedRow` and `DocumentRow` that `nuqta/_api.py`
//! wraps; every span is in `str` indices.

use super::convert::{collect_items, text_arg, texts_arg};
use super::errors::{detach, item_error, next_round, NuqtaError, NuqtaValueError};
use super::lines::PendingLines;
use super::pages::{each_page, page_arg, Raw, Text};
use super::results;
use crate::clean::{self, Cleaned, Cleaner, CleanerOptions};
use crate::decode::html_of_content_type;
use crate::document::{self, AnalyzeOptions, Document};
use crate::entities::{self, Scheme};
use crate::numbers::{self, Country, Date, NumberOptions};
use crate::parallel;
use crate::text::offsets::trimmed_range;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString, PyTuple};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// A cleaned page on its way to a `nuqta.Cleaned` (`nuqta._api` makes it): its fields, the
/// lines made into `Line`s when first read.
#[pyclass(frozen, get_all, module = "nuqta._nuqta", name = "_CleanedRow")]
pub struct CleanedRow {
    /// The headline, when one was found.
    title: Option<String>,
    /// The byline, when one was found.
    byline: Option<String>,
    /// The kept lines joined by "\n".
    text: Py<PyString>,
    /// Every line.
    lines: Py<PendingLines>,
    /// The page's date (ISO 8601), when it says.
    date: Option<String>,
    /// When it was last modified (ISO 8601), when it says.
    modified: Option<String>,
    /// Its authors.
    authors: Vec<String>,
    /// The site's name.
    site_name: Option<String>,
    /// Its description.
    description: Option<String>,
    /// Its canonical URL.
    url: Option<String>,
    /// Its language's primary subtag.
    language: Option<String>,
    /// The encoding a page given as bytes was read in (`None` for a `str`).
    encoding: Option<&'static str>,
    /// How many malformed bytes became U+FFFD.
    replacements: usize,
}

/// An analyzed page on its way to a `nuqta.Document`.
#[pyclass(frozen, get_all, module = "nuqta._nuqta", name = "_DocumentRow")]
pub struct DocumentRow {
    /// The page, cleaned.
    cleaned: Py<CleanedRow>,
    /// Whether it was read as HTML.
    html: bool,
    /// Its `Entity`s.
    entities: Py<PyTuple>,
    /// Its `NumberMention`s.
    numbers: Py<PyTuple>,
    /// `(label, name, mentions)` of each entity group; mentions index `entities`.
    entity_groups: Vec<(&'static str, String, Vec<usize>)>,
}

/// The caller's page as a Python `str` when it gave one (a page given as bytes has none:
/// the lines of a cleaned page then make their own text, which costs less than decoding
/// the whole page into a `str`).
fn given_str<'a, 'py>(
    obj: &'a Bound<'py, PyAny>,
    text: &Text<'_>,
) -> Option<&'a Bound<'py, PyString>> {
    obj.cast::<PyString>()
        .ok()
        .filter(|_| text.encoding.is_none())
}

/// The row of a cleaned page. The lines of plain text are narrowed to their trimmed text,
/// so that `page[line.start:line.end] == line.text`; HTML blocks keep their source range.
fn cleaned_row<'py>(
    py: Python<'py>,
    page_obj: Option<&Bound<'py, PyString>>,
    page: &Text<'_>,
    html: bool,
    mut c: Cleaned,
) -> PyResult<Bound<'py, CleanedRow>> {
    if !html {
        for line in &mut c.lines {
            if let Some((from, to)) = trimmed_range(&page.text, line.start, line.end) {
                (line.start, line.end) = (from, to);
            }
        }
    }
    let (text, lines) = PendingLines::new(py, page_obj, &page.text, c.lines)?;
    let row = CleanedRow {
        title: c.title,
        byline: c.byline,
        text: text.unbind(),
        lines: Py::new(py, lines)?,
        date: c.date,
        modified: c.modified,
        authors: c.authors,
        site_name: c.site_name,
        description: c.description,
        url: c.url,
        language: c.language,
        encoding: page.encoding,
        replacements: page.replacements,
    };
    Bound::new(py, row)
}

/// Whether to read a page as HTML: `html` when given, else what `content_type` says.
fn html_hint(html: Option<bool>, content_type: Option<&str>) -> Option<bool> {
    html.or_else(|| content_type.and_then(html_of_content_type))
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

/// The mentions `find` finds in `text` (a Python `str`), made into their Python objects by
/// `make`.
fn in_text<'py, M: Send>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    find: impl FnOnce(&str) -> Vec<M> + Send,
    make: impl FnOnce(&Bound<'py, PyString>, &str, &[M]) -> PyResult<Bound<'py, PyTuple>>,
) -> PyResult<Bound<'py, PyTuple>> {
    let text_str = text_arg(text, "text")?;
    let found = detach(py, || find(text_str))?;
    make(text.cast()?, text_str, &found)
}

/// [`in_text`] for every text of `texts`, on all cores: a tuple per text (see
/// [`in_rounds`]); a failure names its text.
fn in_texts<'py, M: Send>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    find: impl Fn(&str) -> Vec<M> + Sync,
    make: impl Fn(&Bound<'py, PyString>, &str, &[M]) -> PyResult<Bound<'py, PyTuple>>,
) -> PyResult<Vec<Bound<'py, PyTuple>>> {
    let items = collect_items(texts, "texts")?;
    let strs = texts_arg(&items, "texts")?;
    let sizes: Vec<usize> = strs.iter().map(|t| t.len()).collect();
    in_rounds(
        py,
        &sizes,
        |i| find(strs[i]),
        |i, found| {
            let found = found.map_err(|panic| item_error("texts", i, panic))?;
            make(items[i].cast()?, strs[i], &found)
        },
    )
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
    let options = number_options(reference_date, relative_ordinals, country)?;
    let find = |text: &str| numbers::find_numbers(text, &options);
    in_text(py, text, find, results::numbers)
}

/// The `NumberMention`s of many texts, on all cores: a tuple per text.
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
    let find = |text: &str| numbers::find_numbers(text, &options);
    in_texts(py, texts, find, results::numbers)
}

/// The entity scheme named `name`.
fn scheme_arg(name: &str) -> PyResult<Scheme> {
    Scheme::parse(name).ok_or_else(|| {
        NuqtaValueError::new_err(format!("scheme must be 'news' or 'anercorp', not {name:?}"))
    })
}

/// The `Entity`s in `text`.
#[pyfunction]
#[pyo3(signature = (text, scheme="news"))]
pub fn _entities<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    scheme: &str,
) -> PyResult<Bound<'py, PyTuple>> {
    let scheme = scheme_arg(scheme)?;
    let find = |text: &str| entities::entities_in(text, scheme);
    in_text(py, text, find, results::entities)
}

/// The `Entity`s of many texts, on all cores: a tuple per text.
#[pyfunction]
#[pyo3(signature = (texts, scheme="news"))]
pub fn _entities_batch<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    scheme: &str,
) -> PyResult<Vec<Bound<'py, PyTuple>>> {
    let scheme = scheme_arg(scheme)?;
    let find = |text: &str| entities::entities_in(text, scheme);
    in_texts(py, texts, find, results::entities)
}

/// A cleaned page (see [`CleanedRow`]); bytes are decoded first, with the charset of
/// `content_type` when given.
#[pyfunction]
#[pyo3(signature = (page, html=None, content_type=None))]
pub fn _clean<'py>(
    py: Python<'py>,
    page: &Bound<'py, PyAny>,
    html: Option<bool>,
    content_type: Option<&str>,
) -> PyResult<Bound<'py, CleanedRow>> {
    let raw = page_arg(page, "page")?;
    let html = html_hint(html, content_type);
    let (text, html, cleaned) = detach(py, || {
        let text = raw.text(content_type);
        let html = html.unwrap_or_else(|| clean::looks_like_html(&text.text));
        let cleaned = clean::clean(&text.text, Some(html));
        (text, html, cleaned)
    })?;
    cleaned_row(py, given_str(page, &text), &text, html, cleaned)
}

/// The row of an analyzed page; spans index the page (plain text, decoded when it came as
/// bytes) or the document text (HTML).
fn document_row<'py>(
    py: Python<'py>,
    page_obj: &Bound<'py, PyAny>,
    page: &Text<'_>,
    mut doc: Document,
) -> PyResult<Bound<'py, DocumentRow>> {
    let html = doc.html;
    let text_utf8 = std::mem::take(&mut doc.cleaned.text);
    let entity_groups = doc
        .entity_groups
        .into_iter()
        .map(|g| (g.label.as_str(), g.name, g.mentions))
        .collect();
    // Spans of plain text index the page: the decoded text of bytes made a `str` too.
    let page_str = match given_str(page_obj, page) {
        Some(given) => Some(given.clone()),
        None => (!html).then(|| page.to_py(page_obj)),
    };
    let cleaned = cleaned_row(py, page_str.as_ref(), page, html, doc.cleaned)?;
    let text = cleaned.get().text.bind(py).clone();
    let (base, base_str) = match &page_str {
        Some(page_str) if !html => (page_str, page.text.as_ref()),
        _ => (&text, text_utf8.as_str()),
    };
    let row = DocumentRow {
        entities: results::entities(base, base_str, &doc.entities)?.unbind(),
        numbers: results::numbers(base, base_str, &doc.numbers)?.unbind(),
        cleaned: cleaned.unbind(),
        html,
        entity_groups,
    };
    Bound::new(py, row)
}

/// The pipeline's options from the Python arguments.
fn analyze_options(
    html: Option<bool>,
    reference_date: Option<(i32, u32, u32)>,
    entities: bool,
    numbers: bool,
    code: Option<&str>,
    scheme: &str,
) -> PyResult<AnalyzeOptions> {
    Ok(AnalyzeOptions {
        html,
        reference_date: reference(reference_date)?,
        country: country(code)?,
        entities,
        scheme: scheme_arg(scheme)?,
        numbers,
    })
}

/// One page through the whole pipeline; bytes are decoded first.
#[pyfunction]
#[pyo3(signature = (page, html=None, reference_date=None, entities=true, numbers=true, country=None, content_type=None, scheme="news"))]
#[allow(clippy::too_many_arguments)] // one per keyword argument of the Python call
pub fn _analyze<'py>(
    py: Python<'py>,
    page: &Bound<'py, PyAny>,
    html: Option<bool>,
    reference_date: Option<(i32, u32, u32)>,
    entities: bool,
    numbers: bool,
    country: Option<&str>,
    content_type: Option<&str>,
    scheme: &str,
) -> PyResult<Bound<'py, DocumentRow>> {
    let html = html_hint(html, content_type);
    let options = analyze_options(html, reference_date, entities, numbers, country, scheme)?;
    let raw = page_arg(page, "page")?;
    let (text, doc) = detach(py, || {
        let text = raw.text(content_type);
        let doc = document::analyze(&text.text, &options);
        (text, doc)
    })?;
    document_row(py, page, &text, doc)
}

/// Bytes of text per round of [`in_rounds`]: a small share of a big batch, so that
/// building the Python results of one round overlaps with the work on the next ones.
const ROUND_BYTES: usize = 1 << 16;

/// Many pages on all cores, in order. The pages are analyzed in rounds on the pool while
/// this thread turns each finished round into results: `build(index, DocumentRow)` for a
/// page, `build(index, (error type, message))` for an input that is not a
/// `str` or bytes, or a page whose analysis failed. Returns what `build` returned for each
/// page; an exception from `build` stops the batch. `content_types`, when given, holds
/// each page's `Content-Type` (or `None`), as `content_type` of `_analyze`.
#[pyfunction]
#[pyo3(signature = (pages, build, html=None, reference_date=None, entities=true, numbers=true, country=None, content_types=None, scheme="news"))]
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
    content_types: Option<Vec<Option<String>>>,
    scheme: &str,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let options = analyze_options(html, reference_date, entities, numbers, country, scheme)?;
    let items = collect_items(pages, "pages")?;
    let content_types = content_types_arg(content_types, items.len())?;
    let content_type = |i: usize| content_types.get(i).and_then(Option::as_deref);
    let inputs = each_page(&items, "pages");
    let raws: Vec<Option<&Raw<'_>>> = inputs.iter().map(|r| r.as_ref().ok()).collect();
    let sizes: Vec<usize> = raws.iter().map(|r| r.map_or(0, Raw::len)).collect();
    let analyze = |i: usize| {
        raws[i].map(|raw| {
            let text = raw.text(content_type(i));
            let options = AnalyzeOptions {
                html: html_hint(options.html, content_type(i)),
                ..options
            };
            let doc = document::analyze(&text.text, &options);
            (text, doc)
        })
    };
    in_rounds(py, &sizes, analyze, |i, doc| {
        let payload = match (&inputs[i], doc) {
            (Ok(_), Ok(Some((text, doc)))) => document_row(py, &items[i], &text, doc)?.into_any(),
            (Err(err), _) => error_row(py, err)?,
            (Ok(_), Ok(None)) => error_row(
                py,
                &NuqtaError::new_err("internal error in nuqta: page skipped"),
            )?,
            (Ok(_), Err(panic)) => error_row(py, &item_error("pages", i, panic))?,
        };
        build.call1((i, payload))
    })
}

/// `each(i, work(i))` for every item `i`, in order, on this thread and under the GIL, with
/// `work` run on the pool in rounds of about [`ROUND_BYTES`] (item `i` weighs `sizes[i]`)
/// so that building the Python results of one round overlaps with the work on the next.
/// A panic in `work(i)` reaches `each` as the `Err` of item `i`, so that its error can name
/// the item.
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
        let mut out = Vec::with_capacity(sizes.len());
        for range in &rounds {
            for (i, result) in range.clone().zip(next_round(py, ordered)?) {
                out.push(each(i, result)?);
            }
        }
        Ok(out)
    })
}

/// The `content_types` of a batch of `pages` pages: one for each, or none at all.
fn content_types_arg(
    content_types: Option<Vec<Option<String>>>,
    pages: usize,
) -> PyResult<Vec<Option<String>>> {
    let content_types = content_types.unwrap_or_default();
    if !content_types.is_empty() && content_types.len() != pages {
        return Err(NuqtaValueError::new_err(format!(
            "content_types has {} items for {pages} pages",
            content_types.len(),
        )));
    }
    Ok(content_types)
}

/// Every item of a list of pages (`str` or bytes); the first failure names its index.
fn pages_arg<'a>(items: &'a [Bound<'_, PyAny>]) -> PyResult<Vec<Raw<'a>>> {
    each_page(items, "pages").into_iter().collect()
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

    /// Learns the template from more pages (`str` or bytes).
    fn learn(&mut self, py: Python<'_>, pages: &Bound<'_, PyAny>) -> PyResult<()> {
        let items = collect_items(pages, "pages")?;
        let raws = pages_arg(&items)?;
        let inner = &mut self.inner;
        detach(py, || {
            let texts: Vec<Text<'_>> = raws.iter().map(|r| r.text(None)).collect();
            let pages: Vec<&str> = texts.iter().map(|t| t.text.as_ref()).collect();
            inner.learn(&pages)
        })
    }

    /// One page, minus the learned template (see [`CleanedRow`]); bytes are decoded
    /// first, with the charset of `content_type` when given.
    #[pyo3(signature = (page, content_type=None))]
    fn clean<'py>(
        &self,
        py: Python<'py>,
        page: &Bound<'py, PyAny>,
        content_type: Option<&str>,
    ) -> PyResult<Bound<'py, CleanedRow>> {
        let raw = page_arg(page, "page")?;
        let (text, cleaned) = detach(py, || {
            let text = raw.text(content_type);
            let cleaned = self.inner.clean(&text.text);
            (text, cleaned)
        })?;
        let html = self.html_for(&text.text);
        cleaned_row(py, given_str(page, &text), &text, html, cleaned)
    }

    /// Many pages on all cores; `content_types`, when given, holds each page's
    /// `Content-Type` (or `None`), for the charset of bytes.
    #[pyo3(signature = (pages, content_types=None))]
    fn clean_batch<'py>(
        &self,
        py: Python<'py>,
        pages: &Bound<'py, PyAny>,
        content_types: Option<Vec<Option<String>>>,
    ) -> PyResult<Vec<Bound<'py, CleanedRow>>> {
        let items = collect_items(pages, "pages")?;
        let content_types = content_types_arg(content_types, items.len())?;
        let raws = pages_arg(&items)?;
        let sizes: Vec<usize> = raws.iter().map(Raw::len).collect();
        in_rounds(
            py,
            &sizes,
            |i| {
                let content_type = content_types.get(i).and_then(Option::as_deref);
                let text = raws[i].text(content_type);
                let cleaned = self.inner.clean(&text.text);
                (text, cleaned)
            },
            |i, done| {
                let (text, cleaned) = done.map_err(|panic| item_error("pages", i, panic))?;
                let html = self.html_for(&text.text);
                cleaned_row(py, given_str(&items[i], &text), &text, html, cleaned)
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
