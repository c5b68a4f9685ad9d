//! Conversions between Python arguments and Rust values, with nuqta's exceptions.

use super::errors::{NuqtaTypeError, NuqtaValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

/// The argument as a Python `str`, or `NuqtaTypeError`; `what` names it in the message.
pub(crate) fn str_arg<'a, 'py>(
    obj: &'a Bound<'py, PyAny>,
    what: &str,
) -> PyResult<&'a Bound<'py, PyString>> {
    obj.cast::<PyString>()
        .map_err(|_| NuqtaTypeError::new_err(format!("{what} must be str, not {}", type_name(obj))))
}

/// Borrows the UTF-8 of a Python `str`; `what` names the argument in error messages.
///
/// Non-`str` values raise `NuqtaTypeError`; strings holding lone surrogates (which no
/// UTF-8 text can hold) raise `NuqtaValueError` with the index of the first one.
pub(crate) fn text_arg<'a, 'py>(obj: &'a Bound<'py, PyAny>, what: &str) -> PyResult<&'a str> {
    let s = str_arg(obj, what)?;
    s.to_str().map_err(|_| {
        let index = s
            .to_string_lossy()
            .chars()
            .position(|c| c == char::REPLACEMENT_CHARACTER)
            .unwrap_or(0);
        NuqtaValueError::new_err(format!(
            "{what} contains a lone surrogate at index {index}; \
             decode your input with errors='replace' or 'ignore' first"
        ))
    })
}

/// Each item's UTF-8, or the error naming its index (`what[i]`), one result per item.
pub(crate) fn each_text<'a>(items: &'a [Bound<'_, PyAny>], what: &str) -> Vec<PyResult<&'a str>> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| text_arg(item, &format!("{what}[{i}]")))
        .collect()
}

/// The UTF-8 of every item of a list of `str`; the first failure names its index.
pub(crate) fn texts_arg<'a>(items: &'a [Bound<'_, PyAny>], what: &str) -> PyResult<Vec<&'a str>> {
    each_text(items, what).into_iter().collect()
}

/// Every item of a list as a `str`, naming the failing index in the error.
pub(crate) fn strs_arg<'a, 'py>(
    items: &'a [Bound<'py, PyAny>],
    what: &str,
) -> PyResult<Vec<&'a Bound<'py, PyString>>> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| str_arg(item, &format!("{what}[{i}]")))
        .collect()
}

/// The items of an iterable, materialized (so their UTF-8 can be borrowed together).
pub(crate) fn collect_items<'py>(
    obj: &Bound<'py, PyAny>,
    what: &str,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    if obj.is_instance_of::<PyString>() {
        return Err(NuqtaTypeError::new_err(format!(
            "{what} must be a list of str, not a single str"
        )));
    }
    let iter = obj.try_iter().map_err(|_| {
        NuqtaTypeError::new_err(format!(
            "{what} must be a list of str, not {}",
            type_name(obj)
        ))
    })?;
    iter.collect()
}

/// Reads `**options` as booleans through `set(name, value) -> known`.
pub(crate) fn bool_options(
    kwargs: Option<&Bound<'_, PyDict>>,
    known: &[&str],
    mut set: impl FnMut(&str, bool) -> bool,
) -> PyResult<()> {
    let Some(kwargs) = kwargs else { return Ok(()) };
    for (key, value) in kwargs.iter() {
        let name: String = key.extract()?;
        let on = value.extract::<bool>().map_err(|_| {
            NuqtaTypeError::new_err(format!(
                "option {name} must be True or False, not {}",
                type_name(&value)
            ))
        })?;
        if !set(&name, on) {
            return Err(NuqtaTypeError::new_err(format!(
                "unknown option '{name}'; the options are: {}",
                known.join(", ")
            )));
        }
    }
    Ok(())
}

/// The name of `obj`'s type, for messages.
pub(crate) fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into())
}
