//! Direct access to CPython's fixed-width `str` storage (Latin-1, UCS-2, UCS-4), so
//! normalization reads and writes Python strings without a UTF-8 round trip.
//! This is why nuqta builds per-version wheels rather than an abi3 one.

use super::errors::{detach, item_error, next_round, NuqtaValueError};
use crate::normalize::{CodeUnit, Normalizer, UnitsError};
use crate::parallel;
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::PyString;
use std::borrow::Cow;
use std::cell::RefCell;
use std::os::raw::c_void;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// A borrowed view of a Python string's code units.
#[derive(Clone, Copy)]
pub(crate) enum Units<'a> {
    Latin1(&'a [u8]),
    Ucs2(&'a [u16]),
    Ucs4(&'a [u32]),
}

impl<'a> Units<'a> {
    /// The code units of `s`, valid while `s` is alive (Python strings are immutable).
    pub(crate) fn of(s: &'a Bound<'_, PyString>) -> PyResult<Units<'a>> {
        // SAFETY: `s` is a live `str`, made ready (PEP 393) first; its data pointer then
        // stays valid and unchanged for as long as the borrow of `s` lasts, and its
        // length and kind describe that buffer exactly.
        unsafe {
            let ptr = s.as_ptr();
            if ffi::PyUnicode_READY(ptr) != 0 {
                return Err(PyErr::fetch(s.py()));
            }
            let len = usize::try_from(ffi::PyUnicode_GET_LENGTH(ptr)).unwrap_or(0);
            let data = ffi::PyUnicode_DATA(ptr);
            Ok(match ffi::PyUnicode_KIND(ptr) {
                ffi::PyUnicode_1BYTE_KIND => {
                    Units::Latin1(std::slice::from_raw_parts(data.cast(), len))
                }
                ffi::PyUnicode_2BYTE_KIND => {
                    Units::Ucs2(std::slice::from_raw_parts(data.cast(), len))
                }
                _ => Units::Ucs4(std::slice::from_raw_parts(data.cast(), len)),
            })
        }
    }

    /// The number of code points.
    pub(crate) fn len(self) -> usize {
        match self {
            Units::Latin1(u) => u.len(),
            Units::Ucs2(u) => u.len(),
            Units::Ucs4(u) => u.len(),
        }
    }
}

/// A normalization result in the input's width, with the code point that decides the
/// width of the Python string made from it (see [`max_char`]).
pub(crate) enum Normalized<'a> {
    Latin1(Cow<'a, [u8]>, u32),
    Ucs2(Cow<'a, [u16]>, u32),
    Ucs4(Cow<'a, [u32]>, u32),
}

/// A code point that stands for the largest one of `units` when handed to CPython:
/// CPython only needs it to pick the string's width (1, 2 or 4 bytes; ASCII or not), so
/// the scan stops at the first unit that needs the input's own width, which in Arabic
/// text comes within the first few characters.
fn max_char<T: CodeUnit>(units: &[T]) -> u32 {
    let widest = match T::MAX {
        0xFF => 0x80,
        0xFFFF => 0x100,
        _ => 0x1_0000,
    };
    match units.iter().find(|u| u.code_point() >= widest) {
        Some(u) => u.code_point(),
        None => units.iter().map(|u| u.code_point()).max().unwrap_or(0),
    }
}

/// Output buffers kept from one call to the next, one per width, so that normalizing a
/// long text does not take fresh pages from the system for its output every time.
#[derive(Default)]
pub(crate) struct Spare {
    latin1: Vec<u8>,
    ucs2: Vec<u16>,
    ucs4: Vec<u32>,
}

/// The most memory a thread keeps in its [`Spare`] buffers, per width.
const SPARE_BYTES: usize = 32 << 20;

thread_local! {
    /// This thread's spare buffers, for the single-text calls.
    static SPARE: RefCell<Spare> = RefCell::default();
}

impl Spare {
    /// Takes back the buffer of a finished result, when it is not too big to keep.
    fn keep(&mut self, result: Result<Normalized<'_>, UnitsError>) {
        fn small<T>(v: &Vec<T>) -> bool {
            v.capacity() * std::mem::size_of::<T>() <= SPARE_BYTES
        }
        match result {
            Ok(Normalized::Latin1(Cow::Owned(v), _)) if small(&v) => self.latin1 = v,
            Ok(Normalized::Ucs2(Cow::Owned(v), _)) if small(&v) => self.ucs2 = v,
            Ok(Normalized::Ucs4(Cow::Owned(v), _)) if small(&v) => self.ucs4 = v,
            _ => {}
        }
    }
}

/// Normalizes `units` without touching Python (safe to run with the GIL released, and in
/// parallel: the scan for the largest code point happens here, not under the GIL). A new
/// output is built in the memory of `spare`'s buffer of its width.
pub(crate) fn normalize<'a>(
    normalizer: &Normalizer,
    units: Units<'a>,
    spare: &mut Spare,
) -> Result<Normalized<'a>, UnitsError> {
    Ok(match units {
        Units::Latin1(u) => {
            let out = normalizer.normalize_units_reusing(u, &mut spare.latin1)?;
            let max = max_char(&out);
            Normalized::Latin1(out, max)
        }
        Units::Ucs2(u) => {
            let out = normalizer.normalize_units_reusing(u, &mut spare.ucs2)?;
            let max = max_char(&out);
            Normalized::Ucs2(out, max)
        }
        Units::Ucs4(u) => {
            let out = normalizer.normalize_units_reusing(u, &mut spare.ucs4)?;
            let max = max_char(&out);
            Normalized::Ucs4(out, max)
        }
    })
}

/// The width CPython gives a string whose largest code point is `max`.
fn kind_for(max: u32) -> u32 {
    match max {
        0..=0xFF => ffi::PyUnicode_1BYTE_KIND,
        0x100..=0xFFFF => ffi::PyUnicode_2BYTE_KIND,
        _ => ffi::PyUnicode_4BYTE_KIND,
    }
}

/// A copy of normalized units into a new Python string, still to be done. It can run
/// without the GIL: nobody else holds the string yet.
pub(crate) struct Fill {
    src: *const u8,
    dst: *mut u8,
    bytes: usize,
}

// SAFETY: a `Fill` only carries the addresses of a result buffer and of a string that
// no other thread can see; the two do not overlap and both outlive the copy.
unsafe impl Send for Fill {}
unsafe impl Sync for Fill {}

impl Fill {
    /// Copies the units in.
    ///
    /// # Safety
    /// The result buffer and the string it was made for must both still be alive.
    pub(crate) unsafe fn run(&self) {
        std::ptr::copy_nonoverlapping(self.src, self.dst, self.bytes);
    }
}

/// A new `str` for `len` units of width `kind` at `data`, largest code point `max`:
/// finished, or allocated at its final size with the copy of its units still to do.
///
/// # Safety
/// `data` must point at `len` initialized units of width `kind`, and `max` must give
/// them the same width as their largest code point does (see [`max_char`]).
unsafe fn new_str<'py>(
    py: Python<'py>,
    kind: u32,
    data: *const c_void,
    len: usize,
    max: u32,
) -> PyResult<(Bound<'py, PyAny>, Option<Fill>)> {
    let size = ffi::Py_ssize_t::try_from(len).unwrap_or(ffi::Py_ssize_t::MAX);
    if kind_for(max) != kind {
        // Narrower than the input (say, every Arabic letter removed): CPython converts.
        let obj = ffi::PyUnicode_FromKindAndData(kind as i32, data, size);
        return Ok((Bound::from_owned_ptr_or_err(py, obj)?, None));
    }
    let obj = ffi::PyUnicode_New(size, max);
    let string = Bound::from_owned_ptr_or_err(py, obj)?;
    let fill = Fill {
        src: data.cast(),
        dst: ffi::PyUnicode_DATA(string.as_ptr()).cast(),
        bytes: len * kind as usize,
    };
    Ok((string, Some(fill)))
}

/// Builds the Python result: `original` itself when nothing changed, else a new `str`,
/// maybe with its units still to copy in (see [`Fill`]), which must happen while
/// `result` is alive and before the string is used.
pub(crate) fn to_py_unfilled<'py>(
    py: Python<'py>,
    original: &Bound<'py, PyString>,
    input_len: usize,
    result: &Result<Normalized<'_>, UnitsError>,
    what: impl Fn() -> String,
) -> PyResult<(Bound<'py, PyAny>, Option<Fill>)> {
    let (kind, data, len, max, borrowed): (u32, *const c_void, usize, u32, bool) = match result {
        Ok(Normalized::Latin1(c, max)) => (
            ffi::PyUnicode_1BYTE_KIND,
            c.as_ptr().cast(),
            c.len(),
            *max,
            matches!(c, Cow::Borrowed(_)),
        ),
        Ok(Normalized::Ucs2(c, max)) => (
            ffi::PyUnicode_2BYTE_KIND,
            c.as_ptr().cast(),
            c.len(),
            *max,
            matches!(c, Cow::Borrowed(_)),
        ),
        Ok(Normalized::Ucs4(c, max)) => (
            ffi::PyUnicode_4BYTE_KIND,
            c.as_ptr().cast(),
            c.len(),
            *max,
            matches!(c, Cow::Borrowed(_)),
        ),
        Err(UnitsError::Surrogate(i)) => {
            return Err(NuqtaValueError::new_err(format!(
                "{} contains a lone surrogate at index {i}; \
                 decode your input with errors='replace' or 'ignore' first",
                what()
            )))
        }
        Err(UnitsError::TooWide) => {
            return Err(NuqtaValueError::new_err(format!(
                "{}: internal width error",
                what()
            )))
        }
    };
    if borrowed && len == input_len {
        return Ok((original.clone().into_any(), None));
    }
    // SAFETY: `data` points at `len` initialized units of width `kind`, alive as long
    // as `result`, and `max` was computed from them.
    unsafe { new_str(py, kind, data, len, max) }
}

/// Normalizes one Python string.
pub(crate) fn normalize_str<'py>(
    py: Python<'py>,
    normalizer: &Normalizer,
    s: &Bound<'py, PyString>,
    what: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let units = Units::of(s)?;
    // `detach` runs the work on this thread, so this is this thread's spare buffer.
    let result = detach(py, || {
        SPARE.with_borrow_mut(|spare| normalize(normalizer, units, spare))
    })?;
    let (string, fill) = to_py_unfilled(py, s, units.len(), &result, || what.to_string())?;
    if let Some(fill) = fill {
        // SAFETY: `result` and `string` are alive here.
        unsafe { fill.run() };
    }
    SPARE.with_borrow_mut(|spare| spare.keep(result));
    Ok(string)
}

/// Code units per round of [`normalize_strs`]: a small share of a big batch, so that
/// building the Python strings of one round overlaps with normalizing the next ones.
const ROUND_UNITS: usize = 1 << 18;

/// Normalizes many Python strings: rounds of them on the pool, while this thread turns
/// finished rounds into Python strings. Only allocating a string needs the GIL; copying
/// the units into it happens with the GIL released.
pub(crate) fn normalize_strs<'py>(
    py: Python<'py>,
    normalizer: &Normalizer,
    strs: &[&Bound<'py, PyString>],
    what: &str,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let units = strs
        .iter()
        .map(|s| Units::of(s))
        .collect::<PyResult<Vec<_>>>()?;
    let rounds = parallel::rounds(&units, ROUND_UNITS, |u| u.len());
    let normalize_round = |round: usize| {
        units[rounds[round].clone()]
            .iter()
            .map(|&u| {
                catch_unwind(AssertUnwindSafe(|| {
                    normalize(normalizer, u, &mut Spare::default())
                }))
            })
            .collect::<Vec<_>>()
    };
    parallel::pipeline(rounds.len(), normalize_round, |ordered| {
        let mut out = Vec::with_capacity(strs.len());
        for range in &rounds {
            let results = range
                .clone()
                .zip(next_round(py, ordered)?)
                .map(|(i, result)| result.map_err(|panic| item_error(what, i, panic)))
                .collect::<PyResult<Vec<_>>>()?;
            let mut fills = Vec::new();
            for (i, result) in range.clone().zip(&results) {
                let name = || format!("{what}[{i}]");
                let (string, fill) = to_py_unfilled(py, strs[i], units[i].len(), result, name)?;
                out.push(string);
                fills.extend(fill);
            }
            // SAFETY: `results` and the strings in `out` are alive here.
            detach(py, || fills.iter().for_each(|fill| unsafe { fill.run() }))?;
        }
        Ok(out)
    })
}
