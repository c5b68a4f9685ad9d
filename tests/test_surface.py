"""The public surface as a user meets it: arguments of the wrong shape give nuqta's own
exceptions, batches name the failing item, ``help()`` lists every option, reprs stay
short, and the version has one source."""

from __future__ import annotations

import importlib.metadata
import inspect
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import nuqta
from nuqta import _nuqta
from nuqta.cli import main

PAGES = list(nuqta.sample_pages().values())
ROOT = Path(__file__).resolve().parent.parent


# A single str (or bytes) where a list of texts is expected is a mistake, not a list of
# one-letter texts.
BATCHES: dict[str, Callable[[Any], Any]] = {
    "analyze_batch": nuqta.analyze_batch,
    "analyze_batch(collect)": lambda p: nuqta.analyze_batch(p, errors="collect"),
    "entities_batch": nuqta.entities_batch,
    "normalize_batch": nuqta.Normalizer().normalize_batch,
    "Cleaner.clean_batch": nuqta.Cleaner().clean_batch,
    "Cleaner.learn": nuqta.Cleaner().learn,
}


@pytest.mark.parametrize("name", list(BATCHES))
@pytest.mark.parametrize("value", ["abc", b"abc", 5, None])
def test_a_batch_call_rejects_a_single_text_or_a_non_iterable(name: str, value: Any) -> None:
    with pytest.raises(nuqta.NuqtaTypeError):
        BATCHES[name](value)


@pytest.mark.parametrize(
    ("options", "error"),
    [
        ({"min_pages": -1}, nuqta.NuqtaValueError),
        ({"min_pages": 0}, nuqta.NuqtaValueError),
        ({"min_pages": 2**40}, nuqta.NuqtaValueError),
        ({"min_pages": 2.5}, nuqta.NuqtaTypeError),
        ({"min_pages": True}, nuqta.NuqtaTypeError),
        ({"max_hashes": -5}, nuqta.NuqtaValueError),
        ({"max_hashes": 2**70}, nuqta.NuqtaValueError),
        ({"min_share": 1.5}, nuqta.NuqtaValueError),
        ({"min_share": "0.5"}, nuqta.NuqtaTypeError),
        ({"html": "yes"}, nuqta.NuqtaTypeError),
    ],
)
def test_cleaner_options_out_of_range_raise_nuqta_errors(
    options: dict[str, Any], error: type[Exception]
) -> None:
    with pytest.raises(error):
        nuqta.Cleaner(**options)


def test_cleaner_options_at_their_bounds_work() -> None:
    cleaner = nuqta.Cleaner(min_pages=1, min_share=0, max_hashes=1)
    cleaner.learn(PAGES)
    assert cleaner.clean(PAGES[0]).text


# Every wrong call of the public API raises a NuqtaError (and the matching builtin).
WRONG_CALLS: dict[str, Callable[[], Any]] = {
    "normalize(5)": lambda: nuqta.normalize(5),  # type: ignore[arg-type]
    "normalize(x=1)": lambda: nuqta.normalize("x", diacritics=1),  # type: ignore[arg-type]
    "normalize(unknown)": lambda: nuqta.normalize("x", nope=True),  # type: ignore[call-arg]
    "Normalizer.preset(5)": lambda: nuqta.Normalizer.preset(5),  # type: ignore[arg-type]
    "Normalizer.preset(nope)": lambda: nuqta.Normalizer.preset("nope"),
    "clean(None)": lambda: nuqta.clean(None),  # type: ignore[arg-type]
    "numbers(1.5)": lambda: nuqta.numbers(1.5),  # type: ignore[arg-type]
    "numbers(date str)": lambda: nuqta.numbers("x", reference_date="2024-13-01"),
    "numbers(country)": lambda: nuqta.numbers("x", country="Algeria"),
    "numbers_batch(str)": lambda: nuqta.numbers_batch("x"),
    "entities([])": lambda: nuqta.entities([]),  # type: ignore[arg-type]
    "analyze(entities=1)": lambda: nuqta.analyze("x", entities=1),  # type: ignore[arg-type]
    "analyze_batch(errors)": lambda: nuqta.analyze_batch([], errors="ignore"),  # type: ignore[call-overload]
    "analyze_batch([1])": lambda: nuqta.analyze_batch([1]),  # type: ignore[list-item]
    "entities_batch([1])": lambda: nuqta.entities_batch([1]),  # type: ignore[list-item]
    "to_pandas(5)": lambda: nuqta.to_pandas(5),  # type: ignore[arg-type]
    "to_pandas([5])": lambda: nuqta.to_pandas([5]),  # type: ignore[list-item]
    "Cleaner.__setstate__": lambda: nuqta.Cleaner().__setstate__(b"not a cleaner"),
}


@pytest.mark.parametrize("name", list(WRONG_CALLS))
def test_every_wrong_call_raises_a_nuqta_error(name: str) -> None:
    with pytest.raises(nuqta.NuqtaError) as caught:
        WRONG_CALLS[name]()
    assert isinstance(caught.value, (TypeError, ValueError))


def test_a_failing_batch_names_the_index_in_raise_mode() -> None:
    with pytest.raises(nuqta.NuqtaTypeError, match=r"pages\[2\]"):
        nuqta.analyze_batch([PAGES[0], PAGES[1], 7])  # type: ignore[list-item]
    with pytest.raises(nuqta.NuqtaTypeError, match=r"texts\[1\]"):
        nuqta.entities_batch(["x", None])  # type: ignore[list-item]
    with pytest.raises(nuqta.NuqtaValueError, match=r"pages\[1\]"):
        nuqta.analyze_batch(["x", "a\ud800b"])
    collected = nuqta.analyze_batch(["x", 7], errors="collect")  # type: ignore[call-overload]
    error = collected[1]
    assert isinstance(error, nuqta.AnalyzeError)
    assert error.index == 1
    assert "pages[1]" in error.message


def test_analyze_batch_is_typed_by_its_error_mode() -> None:
    # Checked by mypy: with errors="raise" every item is a Document.
    docs: list[nuqta.Document] = nuqta.analyze_batch(PAGES[:2])
    mixed: list[nuqta.Document | nuqta.AnalyzeError] = nuqta.analyze_batch(
        PAGES[:2], errors="collect"
    )
    assert [d.text for d in docs] == [d.text for d in mixed if isinstance(d, nuqta.Document)]


def test_to_pandas_without_pandas_raises_import_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    with pytest.raises(ImportError, match=r"nuqta\[pandas\]") as caught:
        nuqta.to_pandas([])
    assert isinstance(caught.value, nuqta.NuqtaError)


def test_every_exception_class_derives_from_nuqta_error() -> None:
    for name in nuqta.__all__:
        obj = getattr(nuqta, name)
        if isinstance(obj, type) and issubclass(obj, BaseException):
            assert issubclass(obj, nuqta.NuqtaError), name


# Docs: every option of the main calls is in their docstring, and the signature shows it.


def test_help_normalizer_lists_every_rule_with_its_default() -> None:
    defaults = nuqta.Normalizer().options
    for target in (nuqta.Normalizer, nuqta.normalize):
        doc = target.__doc__ or ""
        parameters = inspect.signature(target).parameters
        for rule, on in defaults.items():
            assert re.search(rf"- {rule} \((on|off)\)", doc), (target, rule)
            assert f"- {rule} ({'on' if on else 'off'})" in doc, (target, rule)
            assert parameters[rule].default is on, (target, rule)
            assert parameters[rule].kind is inspect.Parameter.KEYWORD_ONLY
        assert set(parameters) - {"text"} == set(defaults), target


@pytest.mark.parametrize(
    "function",
    [nuqta.clean, nuqta.analyze, nuqta.analyze_batch, nuqta.numbers, nuqta.Cleaner],
    ids=lambda f: f.__name__,
)
def test_every_option_is_in_the_docstring(function: Any) -> None:
    doc = inspect.getdoc(function) or ""
    first = {"page", "pages", "text", "self"}
    for name in inspect.signature(function).parameters:
        if name not in first:
            assert f"``{name}``" in doc, (function.__name__, name)


# Reprs stay short however long the text.


def test_reprs_stay_short() -> None:
    long_page = "\n".join(PAGES) * 3
    doc = nuqta.analyze(long_page)
    cleaned = nuqta.clean(long_page)
    results: list[Any] = [doc, cleaned, *doc.lines, *doc.entities, *doc.numbers]
    results += doc.entity_groups
    results.append(nuqta.AnalyzeError(3, "NuqtaError", "x" * 5000))
    results.append(nuqta.NumberMention("٣" * 500, 0, 500, "cardinal", 3))
    results.append(nuqta.Line("ا" * 5000, 0, 5000, True, "body"))
    for result in results:
        assert len(repr(result)) <= 200, repr(result)[:300]
    assert repr(doc).startswith("Document(title=")
    assert f"entities={len(doc.entities)}" in repr(doc)


def test_a_short_repr_still_shows_short_texts_whole() -> None:
    entity = nuqta.Entity("سيرغي لافروف", 4, 16, "PER", "سيرغي لافروف")
    assert repr(entity) == (
        "Entity(text='سيرغي لافروف', start=4, end=16, label='PER', name='سيرغي لافروف')"
    )


# One version: Cargo.toml's, in the extension, the package, its metadata and the CLI.


def test_version_has_one_source(capsys: pytest.CaptureFixture[str]) -> None:
    assert nuqta.__version__ == _nuqta.__version__ == importlib.metadata.version("nuqta")
    cargo = ROOT / "Cargo.toml"
    if cargo.exists():
        match = re.search(r'^version = "([^"]+)"', cargo.read_text(encoding="utf-8"), re.M)
        assert match is not None
        assert nuqta.__version__ == match.group(1)
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"nuqta {nuqta.__version__}"


def test_the_panic_hook_is_only_in_test_builds() -> None:
    # It stays out of the module's public names in every build.
    assert "_panic_on" not in getattr(_nuqta, "__all__", [])
    assert "_panic_on" not in dir(nuqta)


# The command line runs every command through its batch call, so ``--jobs`` (the batch
# calls' thread count) applies to all of them.


class _CountingNormalizer:
    """Stands in for ``Normalizer`` in the CLI, counting batch calls."""

    batches = 0

    def __init__(self, **options: bool) -> None:
        self._inner = nuqta.Normalizer(**options)

    @staticmethod
    def preset(name: str) -> nuqta.Normalizer:
        return nuqta.Normalizer.preset(name)

    def normalize(self, text: str) -> str:
        return self._inner.normalize(text)

    def normalize_batch(self, texts: list[str]) -> list[str]:
        type(self).batches += 1
        return self._inner.normalize_batch(texts)


class _CountingCleaner(nuqta.Cleaner):
    batches = 0

    def clean_batch(self, pages: Any, *, content_types: Any = None) -> list[nuqta.Cleaned]:
        type(self).batches += 1
        return super().clean_batch(pages, content_types=content_types)


@pytest.mark.parametrize("command", ["analyze", "clean", "entities", "normalize", "numbers"])
def test_every_cli_command_runs_through_a_batch_call(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import nuqta.cli as cli

    calls: list[int] = []

    def counting(function: Callable[..., Any]) -> Callable[..., Any]:
        def call(texts: list[str], **kwargs: Any) -> Any:
            calls.append(len(texts))
            return function(texts, **kwargs)

        return call

    monkeypatch.setattr(cli, "analyze_batch", counting(nuqta.analyze_batch))
    monkeypatch.setattr(cli, "entities_batch", counting(nuqta.entities_batch))
    monkeypatch.setattr(cli, "numbers_batch", counting(nuqta.numbers_batch))
    monkeypatch.setattr(cli, "Normalizer", _CountingNormalizer)
    monkeypatch.setattr(cli, "Cleaner", _CountingCleaner)
    _CountingNormalizer.batches = _CountingCleaner.batches = 0
    source = tmp_path / "pages.jsonl"
    source.write_text("".join(json.dumps({"text": p}) + "\n" for p in PAGES), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main([command, str(source), "--jobs", "1", "-o", str(out)]) == 0
    batches = len(calls) + _CountingNormalizer.batches + _CountingCleaner.batches
    assert batches == 1
    assert len(out.read_text(encoding="utf-8").splitlines()) == len(PAGES)
