"""The exceptions nuqta raises. All derive from :class:`NuqtaError`."""

from __future__ import annotations

__all__ = ["NuqtaError", "NuqtaImportError", "NuqtaTypeError", "NuqtaValueError"]


class NuqtaError(Exception):
    """Base class of every error nuqta raises."""


class NuqtaTypeError(NuqtaError, TypeError):
    """An argument of the wrong type, or an unknown option name."""


class NuqtaValueError(NuqtaError, ValueError):
    """An argument of the right type with a value nuqta cannot use (for example a
    string holding a lone surrogate, or an unknown preset name)."""


class NuqtaImportError(NuqtaError, ImportError):
    """An optional dependency that a function needs is not installed (for example pandas
    for ``to_pandas``); the message names the extra that installs it."""
