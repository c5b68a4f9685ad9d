"""The README's Python examples run as doctests: every ```python block holding ``>>>``
examples must print what the README says it prints."""

from __future__ import annotations

import doctest
import importlib.util
import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.M | re.S)


def examples() -> list[tuple[int, str]]:
    """The README's ``>>>`` blocks, with the line each starts on."""
    if not README.exists():  # an installed wheel's tests run without the source tree
        return []
    text = README.read_text(encoding="utf-8")
    return [
        (text.count("\n", 0, m.start()) + 2, m.group(1))
        for m in BLOCK.finditer(text)
        if ">>>" in m.group(1)
    ]


EXAMPLES = examples()


def test_the_readme_has_examples() -> None:
    if not README.exists():
        pytest.skip("no README.md beside the tests")
    assert len(EXAMPLES) >= 2


def test_readme_examples() -> None:
    """All blocks in order, sharing one namespace, as a reader would type them; a block
    that imports an optional extra that is not installed is skipped."""
    if not README.exists():
        pytest.skip("no README.md beside the tests")
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False
    )
    namespace: dict[str, object] = {}
    failures: list[str] = []
    for line, block in EXAMPLES:
        needs = re.findall(r"^>>> import (\w+)", block, re.M)
        if any(importlib.util.find_spec(name) is None for name in needs):
            continue
        test = parser.get_doctest(block, namespace, f"README.md:{line}", str(README), line)
        runner.run(test, out=failures.append, clear_globs=False)
        namespace = test.globs  # the next block sees this one's names
    assert runner.failures == 0, "".join(failures)
