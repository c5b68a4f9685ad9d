"""A panic in the core reaches Python as a ``NuqtaError``, never as a crash: each public
entry point is run on the one input the core's fault switch (``_nuqta._panic_on``, for
tests only: built with the ``test-hooks`` cargo feature, skipped without it) makes it
panic on."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

import nuqta
from nuqta import _nuqta

PANIC_ON: Callable[[str | None], None] | None = getattr(_nuqta, "_panic_on", None)
if PANIC_ON is None:
    pytest.skip(
        "a release build: the fault switch needs the test-hooks feature"
        " (MATURIN_PEP517_ARGS='--features test-hooks' pip install .)",
        allow_module_level=True,
    )
PANIC: Callable[[str | None], None] = PANIC_ON

TRIGGER = "نص يفجر عطلا مقصودا ٣"
GOOD = "قال الرئيس إن ثلاثة آلاف شخص وصلوا إلى القاهرة."


@pytest.fixture
def armed() -> Iterator[None]:
    PANIC(TRIGGER)
    try:
        yield
    finally:
        PANIC(None)


CALLS: dict[str, Callable[[str], Any]] = {
    "normalize": nuqta.normalize,
    "Normalizer.normalize": nuqta.Normalizer().normalize,
    "normalize_with_offsets": nuqta.Normalizer().normalize_with_offsets,
    "normalize_batch": lambda t: nuqta.Normalizer().normalize_batch([GOOD, t, GOOD]),
    "clean": nuqta.clean,
    "Cleaner.clean": nuqta.Cleaner().clean,
    "numbers": nuqta.numbers,
    "entities": nuqta.entities,
    "entities_batch": lambda t: nuqta.entities_batch([GOOD, t]),
    "analyze": nuqta.analyze,
    "analyze_batch": lambda t: nuqta.analyze_batch([GOOD, t]),
    "Cleaner.clean_batch": lambda t: nuqta.Cleaner().clean_batch([GOOD, t]),
}


@pytest.mark.parametrize("name", list(CALLS))
@pytest.mark.usefixtures("armed")
def test_a_panic_is_a_nuqta_error(name: str) -> None:
    call = CALLS[name]
    with pytest.raises(nuqta.NuqtaError, match="internal error in nuqta"):
        call(TRIGGER)
    call(GOOD)  # the process, the thread pool and the function still work


@pytest.mark.usefixtures("armed")
def test_a_batch_reports_the_page_that_panicked_and_returns_the_rest() -> None:
    pages = [GOOD, TRIGGER, GOOD * 2]
    results = nuqta.analyze_batch(pages, errors="collect")
    assert [type(r).__name__ for r in results] == ["Document", "AnalyzeError", "Document"]
    error = results[1]
    assert isinstance(error, nuqta.AnalyzeError)
    assert (error.index, error.error) == (1, "NuqtaError")
    assert "internal error" in error.message
    assert results[0] == nuqta.analyze(GOOD)
    assert results[2] == nuqta.analyze(GOOD * 2)


def test_the_switch_is_off_by_default() -> None:
    assert nuqta.normalize(TRIGGER) == TRIGGER.replace("٣", "3")
    assert nuqta.analyze(TRIGGER).text == TRIGGER


@pytest.mark.usefixtures("armed")
@pytest.mark.parametrize(
    "call",
    [
        lambda ts: nuqta.analyze_batch(ts),
        lambda ts: nuqta.Cleaner().clean_batch(ts),
        lambda ts: nuqta.entities_batch(ts),
        lambda ts: nuqta.Normalizer().normalize_batch(ts),
    ],
    ids=["analyze_batch", "clean_batch", "entities_batch", "normalize_batch"],
)
def test_a_batch_that_panics_names_the_item(call: Callable[[list[str]], Any]) -> None:
    texts = [GOOD] * 5 + [TRIGGER] + [GOOD] * 3
    with pytest.raises(nuqta.NuqtaError, match=r"(pages|texts)\[5\]: internal error"):
        call(texts)
