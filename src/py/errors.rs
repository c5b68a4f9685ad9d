//! The exception types, defined in Python (`nuqta.errors`) so they can derive from both
//! `NuqtaError` and the builtin `TypeError`/`ValueError`, and pickle by their real path.

use pyo3::import_exception;

import_exception!(nuqta.errors, NuqtaTypeError);
import_exception!(nuqta.errors, NuqtaValueError);
