"""Notebook display: a document as right-to-left HTML with its entities and numbers
highlighted by type, a legend, and the dropped lines folded away with their reasons.

Everything taken from the page is HTML-escaped; the output holds no script.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nuqta.results import Document

__all__ = ["document_html"]

COLORS = {"PER": "#fde2e4", "LOC": "#d8f3dc", "ORG": "#dbe7fb", "number": "#fff1c1"}


def _mark(text: str, kind: str, title: str) -> str:
    return (
        f'<mark style="background:{COLORS[kind]};padding:0 2px;border-radius:3px" '
        f'title="{escape(title)}">{escape(text)}</mark>'
    )


def _highlight(segment: str, offset: int, doc: Document) -> str:
    """``segment`` (which starts at index ``offset`` of the text the spans index) with
    the mentions inside it highlighted."""
    spans: list[tuple[int, int, str, str]] = [
        (e.start, e.end, e.label, e.label) for e in doc.entities
    ]
    for n in doc.numbers:
        unit = f" {n.unit}" if n.unit else ""
        spans.append((n.start, n.end, "number", f"{n.kind}: {n.value}{unit}"))
    spans.sort()
    out: list[str] = []
    at = 0
    for start, end, kind, title in spans:
        s, e = start - offset, end - offset
        if s < at or e > len(segment):
            continue
        out.append(escape(segment[at:s]))
        out.append(_mark(segment[s:e], kind, title))
        at = e
    out.append(escape(segment[at:]))
    return "".join(out)


def _segments(doc: Document) -> list[tuple[str, int]]:
    """The article's paragraphs with their start in the text the spans index."""
    if doc.html:
        segments = []
        at = 0
        for para in doc.text.split("\n"):
            segments.append((para, at))
            at += len(para) + 1
        return segments
    return [(line.text, line.start) for line in doc.lines if line.keep]


def document_html(doc: Document) -> str:
    """The HTML shown for ``doc`` in Jupyter."""
    legend = " ".join(_mark(kind, kind, kind) for kind in ("PER", "LOC", "ORG"))
    legend += " " + _mark("number", "number", "number, amount, date or time")
    parts = [f'<div dir="rtl" lang="ar" style="line-height:1.8"><p>{legend}</p>']
    for text, offset in _segments(doc):
        tag = "h3" if text == doc.title else "p"
        parts.append(f"<{tag}>{_highlight(text, offset, doc)}</{tag}>")
    dropped = [line for line in doc.lines if not line.keep]
    if dropped:
        rows = "".join(
            f"<tr><td>{escape(line.reason)}</td><td>{escape(line.text)}</td></tr>"
            for line in dropped
        )
        parts.append(
            f"<details><summary>{len(dropped)} dropped lines</summary>"
            f"<table>{rows}</table></details>"
        )
    parts.append("</div>")
    return "".join(parts)
