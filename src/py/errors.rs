//! The exception types, defined in Python (`nuqta.errors`) so they can derive from both
//! `NuqtaError` and the builtin `TypeError`/`ValueError`, and pickle by their real path;
//! and the one gate through which every call into the core passes.

use crate::parallel::Ordered;
use pyo3::import_exception;
use pyo3::prelude::*;
use std::any::Any;
use std::panic::{catch_unwind, AssertUnwindSafe};

import_exception!(nuqta.errors, NuqtaError);
import_exception!(nuqta.errors, NuqtaTypeError);
import_exception!(nuqta.errors, NuqtaValueError);

/// Runs core work with the GIL released; a panic becomes a `NuqtaError` instead of
/// crossing into Python.
pub(crate) fn detach<T: Send>(py: Python<'_>, work: impl FnOnce() -> T + Send) -> PyResult<T> {
    py.detach(|| catch_unwind(AssertUnwindSafe(work)))
        .map_err(internal_error)
}

/// The `NuqtaError` for a panic in the core.
pub(crate) fn internal_error(panic: Box<dyn Any + Send>) -> PyErr {
    NuqtaError::new_err(internal_message(&panic))
}

/// The `NuqtaError` for a panic on item `index` of the batch argument `what`, naming it.
pub(crate) fn item_error(what: &str, index: usize, panic: Box<dyn Any + Send>) -> PyErr {
    NuqtaError::new_err(format!("{what}[{index}]: {}", internal_message(&panic)))
}

/// What an internal error says: the panic's message and a request to report it.
fn internal_message(panic: &Box<dyn Any + Send>) -> String {
    let detail = panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown cause".into());
    format!("internal error in nuqta ({detail}); please report it with the input that caused it")
}

/// The next round of a [`pipeline`](crate::parallel::pipeline), waited for with the GIL
/// released; a panic in its work becomes a `NuqtaError`.
pub(crate) fn next_round<R: Send>(py: Python<'_>, ordered: &mut Ordered<'_, R>) -> PyResult<R> {
    match detach(py, || ordered.next_round())? {
        Some(Ok(round)) => Ok(round),
        Some(Err(panic)) => Err(internal_error(panic)),
        None => Err(NuqtaError::new_err(
            "internal error in nuqta: a batch ran out of rounds",
        )),
    }
}
