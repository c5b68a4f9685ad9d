"""Fixtures shared by the test modules."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


def news_page(page: str, charset: str = "") -> str:
    """A sample page laid out as a news page (menu, headline, article, footer), with
    ``charset`` (a ``<meta>``, or nothing) in its head."""
    lines = [html.escape(s.strip()) for s in page.splitlines() if s.strip()]
    menu = "".join(f'<li><a href="/s/{k}">قسم {k}</a></li>' for k in range(8))
    body = "".join(f"<p>{s}</p>" for s in lines[1:])
    return (
        f'<!DOCTYPE html><html lang="ar" dir="rtl"><head>{charset}<title>{lines[0]}</title>'
        f"</head><body><nav><ul>{menu}</ul></nav><article><h1>{lines[0]}</h1>{body}</article>"
        f"<footer><p>جميع الحقوق محفوظة © 2024</p></footer></body></html>"
    )


@pytest.fixture(scope="session")
def seed_pages() -> list[str]:
    """The bundled real pages (plain text)."""
    return [p.read_text(encoding="utf-8") for p in sorted(DATA.glob("0*.txt"))]


@pytest.fixture(scope="session")
def as_news_page() -> Callable[[str, str], str]:
    """``news_page``: a sample page as a news page, with a charset declaration."""
    return news_page
