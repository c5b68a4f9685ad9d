//! The Python bindings: the only module that names pyo3. Classes, conversions and
//! exceptions; every piece of logic lives in the core modules.

mod analysis;
mod convert;
mod errors;
mod lines;
mod normalize;
mod results;
mod ucs;

use pyo3::prelude::*;

/// `nuqta._nuqta`, the native half of the `nuqta` package.
#[pymodule(gil_used = false)]
mod _nuqta {
    #[pymodule_export]
    use super::normalize::{normalize, Normalizer};

    #[pymodule_export]
    use super::normalize::_normalizer_from_options;

    #[pymodule_export]
    use super::{_panic_on, num_threads};

    #[pymodule_export]
    use super::results::_use_result_classes;

    #[pymodule_export]
    use super::lines::PendingLines;

    #[pymodule_export]
    use super::analysis::{
        _analyze, _analyze_batch, _clean, _entities, _entities_batch, _numbers, CleanerState,
    };
}

/// The number of threads batch calls use (`NUQTA_NUM_THREADS`, default: all cores).
#[pyfunction]
fn num_threads() -> usize {
    crate::parallel::num_threads()
}

/// Tests only: makes the core panic on exactly `text` (`None` turns it off), to show that
/// a panic comes back as a `NuqtaError`.
#[pyfunction]
#[pyo3(signature = (text))]
fn _panic_on(text: Option<&str>) {
    crate::fault::panic_on(text);
}
