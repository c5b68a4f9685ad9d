//! The Python bindings: the only module that names pyo3. Classes, conversions and
//! exceptions; every piece of logic lives in the core modules.

mod analysis;
mod archive;
mod convert;
mod errors;
mod lines;
mod normalize;
mod pages;
mod results;
mod ucs;

use pyo3::prelude::*;

/// `nuqta._nuqta`, the native half of the `nuqta` package.
#[pymodule(gil_used = false)]
mod _nuqta {
    use pyo3::prelude::*;

    #[pymodule_export]
    use super::normalize::{normalize, Normalizer};

    #[pymodule_export]
    use super::normalize::_normalizer_from_options;

    #[pymodule_export]
    use super::num_threads;

    /// Sets `__version__`: Cargo.toml's version, which the wheel's metadata also carries.
    /// A test build (the `test-hooks` feature) also gets `_panic_on`, left out of
    /// `__all__`: it is no part of the module's interface.
    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        #[cfg(feature = "test-hooks")]
        m.setattr("_panic_on", wrap_pyfunction!(super::_panic_on, m)?)?;
        m.add("__version__", env!("CARGO_PKG_VERSION"))
    }

    #[pymodule_export]
    use super::results::_use_result_classes;

    #[pymodule_export]
    use super::lines::PendingLines;

    #[pymodule_export]
    use super::pages::_decode;

    #[pymodule_export]
    use super::archive::{WarcOther, WarcPage, WarcRecords};

    #[pymodule_export]
    use super::analysis::{
        _analyze, _analyze_batch, _clean, _entities, _entities_batch, _numbers, _numbers_batch,
        CleanedRow, CleanerState, DocumentRow,
    };
}

/// The number of threads batch calls use (`NUQTA_NUM_THREADS`, default: all cores).
#[pyfunction]
fn num_threads() -> usize {
    crate::parallel::num_threads()
}

/// Tests only (the `test-hooks` feature): makes the core panic on exactly `text` (`None`
/// turns it off), to show that a panic comes back as a `NuqtaError`.
#[cfg(feature = "test-hooks")]
#[pyfunction]
#[pyo3(signature = (text))]
fn _panic_on(text: Option<&str>) {
    crate::fault::panic_on(text);
}
