"""``Cleaned.lines`` and ``Document.lines`` are made when first read: the result a caller
gets behaves in every way as one built with its lines (fields, equality, hashing,
``asdict``, ``replace``, copying, pickling), whether or not the lines were read first."""

from __future__ import annotations

import copy
import dataclasses
import pickle
import threading
from collections.abc import Callable
from typing import Any

import pytest

import nuqta
from nuqta import Cleaned, Document

PAGE = next(iter(nuqta.sample_pages().values()))
HTML = "<title>ع</title><nav><a href=/>الرئيسية</a></nav>" + "".join(
    f"<p>{line}</p>" for line in PAGE.splitlines() if line.strip()
)

MAKERS: dict[str, Callable[[], Any]] = {
    "clean text": lambda: nuqta.clean(PAGE),
    "clean html": lambda: nuqta.clean(HTML, html=True),
    "analyze": lambda: nuqta.analyze(PAGE),
    "analyze html": lambda: nuqta.analyze(HTML, html=True),
    "cleaner": lambda: nuqta.Cleaner().clean(PAGE),
    "clean_batch": lambda: nuqta.Cleaner().clean_batch([PAGE])[0],
    "analyze_batch": lambda: nuqta.analyze_batch([PAGE])[0],
}


def built(result: Any) -> Any:
    """The same result built through the dataclass's ``__init__``, lines and all."""
    return type(result)(**{f.name: getattr(result, f.name) for f in dataclasses.fields(result)})


@pytest.fixture(params=list(MAKERS))
def make(request: pytest.FixtureRequest) -> Callable[[], Any]:
    return MAKERS[request.param]


def test_lines_are_not_made_until_read(make: Callable[[], Any]) -> None:
    result = make()
    assert isinstance(result, Cleaned | Document)
    assert "lines" not in vars(result)
    lines = result.lines
    assert isinstance(lines, tuple)
    assert lines
    assert all(isinstance(x, nuqta.Line) for x in lines)
    assert result.lines is lines
    assert "lines" in vars(result)
    assert "_pending_lines" not in vars(result)


def test_the_lines_are_those_of_the_page(make: Callable[[], Any]) -> None:
    result = make()
    kept = [line.text for line in result.lines if line.keep]
    assert "\n".join(kept) == result.text


def test_a_result_equals_and_hashes_as_one_built_with_its_lines(make: Callable[[], Any]) -> None:
    twin = built(make())
    for result in (make(), make()):
        assert result == twin
        assert twin == result
        assert hash(result) == hash(twin)
        assert repr(result) == repr(twin)
        assert result.to_dict() == twin.to_dict()


def test_asdict_and_replace_before_the_lines_are_read(make: Callable[[], Any]) -> None:
    twin = built(make())
    assert dataclasses.asdict(make()) == dataclasses.asdict(twin)
    changed = dataclasses.replace(make(), text="x")
    assert changed.lines == twin.lines
    assert changed.text == "x"


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_pickles_and_copies_hold_the_lines(make: Callable[[], Any], protocol: int) -> None:
    twin = built(make())
    for copied in (
        pickle.loads(pickle.dumps(make(), protocol)),
        copy.copy(make()),
        copy.deepcopy(make()),
    ):
        assert "_pending_lines" not in vars(copied)
        assert copied == twin
        assert copied.lines == twin.lines


def read_lines(result: Cleaned, barrier: threading.Barrier, seen: list[Any]) -> None:
    """Reads ``result.lines`` as soon as every thread is ready."""
    barrier.wait()
    seen.append(result.lines)


def test_threads_reading_the_lines_at_once_get_the_same_tuple() -> None:
    for _ in range(20):
        result = nuqta.clean(HTML, html=True)
        seen: list[tuple[nuqta.Line, ...]] = []
        barrier = threading.Barrier(4)
        threads = [
            threading.Thread(target=read_lines, args=(result, barrier, seen)) for _ in range(4)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(seen) == 4
        assert all(s is seen[0] for s in seen)


def test_other_missing_attributes_are_still_errors() -> None:
    result = nuqta.clean(PAGE)
    with pytest.raises(AttributeError, match="no attribute 'line'"):
        result.line  # type: ignore[attr-defined]  # noqa: B018
    built_result = built(result)
    with pytest.raises(AttributeError):
        built_result.missing  # noqa: B018
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.lines = ()  # type: ignore[misc]
