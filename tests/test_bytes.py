"""Pages given as bytes: windows-1256 and ISO-8859-6 versions of the real pages (re-encoded,
declared right, not declared, declared wrong) read as their UTF-8 originals, through the API
and the command line; malformed bytes never raise."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

import nuqta

if TYPE_CHECKING:
    from conftest import Cli, NewsPage

ENCODINGS = {"cp1256": "windows-1256", "iso8859_6": "ISO-8859-6"}
"""Python's codec for each legacy Arabic encoding, and the name nuqta reports."""


def encodable(page: str, codec: str) -> str:
    """``page`` without the characters ``codec`` cannot hold (ISO-8859-6 has no « », no
    Arabic-Indic digits, ...), so that the re-encoded page and the UTF-8 one hold the same
    text."""
    return "".join(c for c in page if c.encode(codec, errors="ignore"))


def declarations(name: str) -> dict[str, str]:
    """The ways a page may declare (or not) its encoding ``name``."""
    return {
        "meta charset": f'<meta charset="{name}">',
        "http-equiv": f'<meta http-equiv="Content-Type" content="text/html; charset={name}">',
        "undeclared": "",
        "declared utf-8": '<meta charset="utf-8">',
    }


def variants(pages: list[str], news_page: NewsPage) -> list[tuple[str, str, str, bytes]]:
    """(codec, how declared, the UTF-8 page as str, the page re-encoded) for every page."""
    out = []
    for codec in ENCODINGS:
        for page in pages:
            text = encodable(page, codec)
            for how, meta in declarations(ENCODINGS[codec]).items():
                html = encodable(news_page(text, meta), codec)
                out.append((codec, how, html, html.encode(codec)))
            out.append((codec, "plain text", text, text.encode(codec)))
    return out


def test_legacy_arabic_pages_read_as_the_utf8_page(
    seed_pages: list[str], as_news_page: NewsPage
) -> None:
    for codec, how, page, data in variants(seed_pages, as_news_page):
        want = nuqta.clean(page)
        got = nuqta.clean(data)
        assert got.text == want.text, (codec, how)
        assert (got.title, got.byline) == (want.title, want.byline)
        assert (got.encoding, got.replacements) == (ENCODINGS[codec], 0), (codec, how)
        assert want.encoding is None
        doc = nuqta.analyze(data)
        assert doc.text == nuqta.analyze(page).text
        assert [e.text for e in doc.entities] == [e.text for e in nuqta.analyze(page).entities]
        assert doc.encoding == ENCODINGS[codec]
        assert nuqta.Cleaner().clean(data).text == want.text


def test_batches_take_bytes(seed_pages: list[str], as_news_page: NewsPage) -> None:
    cases = variants(seed_pages[:2], as_news_page)
    pages = [data for _, _, _, data in cases]
    docs = nuqta.analyze_batch(pages)
    for (_, _, page, _), doc in zip(cases, docs, strict=True):
        assert isinstance(doc, nuqta.Document)
        assert doc.text == nuqta.analyze(page).text
    cleaned = nuqta.Cleaner().clean_batch(pages)
    assert [c.text for c in cleaned] == [nuqta.clean(p).text for _, _, p, _ in cases]
    cleaner = nuqta.Cleaner()
    cleaner.learn(pages)
    assert cleaner.pages_learned == len(pages)


def test_content_type_charset_and_media_type(seed_pages: list[str]) -> None:
    text = encodable(seed_pages[0], "iso8859_6")
    data = text.encode("iso8859_6")
    # windows-1256 reads ISO-8859-6 bytes wrong: the declared charset is what decides
    wrong = nuqta.decode(data, content_type="text/plain; charset=windows-1256")
    assert wrong.encoding == "windows-1256"
    assert wrong.text != text
    right = nuqta.clean(data, content_type="text/plain; charset=iso-8859-6")
    assert (right.encoding, right.text) == ("ISO-8859-6", nuqta.clean(text).text)
    # a UTF-8 declaration over legacy bytes is not believed
    assert nuqta.decode(data, content_type="text/html; charset=utf-8").text == text
    docs = nuqta.analyze_batch([data, data], content_types=["text/html", "text/plain"])
    assert [d.html for d in docs if isinstance(d, nuqta.Document)] == [True, False]
    with pytest.raises(nuqta.NuqtaValueError, match="content_types"):
        nuqta.analyze_batch([data], content_types=[None, None])
    with pytest.raises(nuqta.NuqtaTypeError, match=r"content_types\[0\]"):
        nuqta.analyze_batch([data], content_types=[5])  # type: ignore[list-item]


def test_plain_text_spans_index_the_decoded_page(seed_pages: list[str]) -> None:
    data = encodable(seed_pages[1], "cp1256").encode("cp1256")
    doc = nuqta.analyze(data)
    page = nuqta.decode(data).text
    assert doc.entities
    assert doc.numbers
    spans: list[nuqta.Entity | nuqta.NumberMention | nuqta.Line] = [
        *doc.entities,
        *doc.numbers,
        *doc.lines,
    ]
    for m in spans:
        assert page[m.start : m.end] == m.text


def test_bytes_like_objects(seed_pages: list[str]) -> None:
    data = seed_pages[0].encode("cp1256", errors="replace")
    want = nuqta.clean(data).text
    assert nuqta.clean(bytearray(data)).text == want
    assert nuqta.clean(memoryview(data)).text == want
    assert nuqta.analyze(memoryview(data)[:100]).encoding == "windows-1256"
    with pytest.raises(nuqta.NuqtaTypeError, match="str or bytes"):
        nuqta.clean(5)  # type: ignore[arg-type]
    with pytest.raises(nuqta.NuqtaTypeError, match="memoryview of bytes"):
        nuqta.clean(memoryview(b"\0\0\0\0").cast("i"))
    mixed = nuqta.analyze_batch([data, 5], errors="collect")  # type: ignore[call-overload]
    assert isinstance(mixed[1], nuqta.AnalyzeError)
    assert "pages[1] must be str or bytes" in mixed[1].message


def test_malformed_bytes_are_counted_not_raised(seed_pages: list[str]) -> None:
    page = seed_pages[2]
    damaged = b"\xff" + page[:700].encode() + b"\xc3(" + page[700:].encode()
    cut = page.encode() + "ن".encode()[:1]
    for data, bad in [(damaged, 2), (cut, 1)]:
        cleaned = nuqta.clean(data, content_type="text/plain; charset=utf-8")
        assert cleaned.encoding == "UTF-8"
        assert cleaned.replacements == bad
    assert nuqta.clean(b"").text == ""
    assert nuqta.decode(b"").encoding == "UTF-8"


def test_decode_and_pickle() -> None:
    sentence = "قال الرئيس في القاهرة إن الاجتماع كان ناجحا"
    decoded = nuqta.decode(sentence.encode("cp1256"))
    assert decoded == nuqta.Decoded(sentence, "windows-1256", 0)
    assert nuqta.decode("نص") == nuqta.Decoded("نص", None, 0)
    assert nuqta.decode(b"\xef\xbb\xbf\xd9\x86") == nuqta.Decoded("ن", "UTF-8", 0)
    import pickle

    doc = nuqta.analyze(sentence.encode("cp1256"))
    assert pickle.loads(pickle.dumps(doc)) == doc
    assert doc.to_dict()["encoding"] == "windows-1256"


@given(st.binary(max_size=3000), st.sampled_from([None, "text/html; charset=utf-8", "x"]))
def test_any_bytes_decode_and_clean(data: bytes, content_type: str | None) -> None:
    decoded = nuqta.decode(data, content_type=content_type)
    assert decoded.text.count("\ufffd") >= decoded.replacements >= 0
    doc = nuqta.analyze(data, content_type=content_type)
    assert doc.encoding == decoded.encoding
    base = doc.text if doc.html else decoded.text
    mentions: list[nuqta.Entity | nuqta.NumberMention] = [*doc.entities, *doc.numbers]
    for m in mentions:
        assert base[m.start : m.end] == m.text


@given(
    st.lists(
        st.sampled_from(["a", " ", "\n", "é", "ÿ", "ن", "ـ", "€", "—", "\u200f", "😀", "𝐀"]),
        max_size=40,
    ).map("".join),
    st.booleans(),
)
def test_utf8_becomes_the_str_python_decodes(text: str, html: bool) -> None:
    """Every width a ``str`` can take (ASCII, Latin-1, UCS-2, UCS-4), and the mixes, come out
    of UTF-8 bytes equal to Python's own decoding: as text, as lines, and as a page."""
    data = text.encode()
    assert nuqta.decode(data).text == data.decode()
    from_bytes = nuqta.clean(data, html=html)
    from_str = nuqta.clean(text, html=html)
    assert from_bytes.text == from_str.text
    assert [line.text for line in from_bytes.lines] == [line.text for line in from_str.lines]
    for got, want in zip(from_bytes.lines, from_str.lines, strict=True):
        assert hash(got.text) == hash(want.text)


def test_cli_reads_legacy_pages(
    tmp_path: Path, seed_pages: list[str], as_news_page: NewsPage, cli: Cli
) -> None:
    cases = variants(seed_pages[:2], as_news_page)
    paths = []
    for i, (_, how, _, data) in enumerate(cases):
        path = tmp_path / f"{i:02}.{'txt' if how == 'plain text' else 'html'}"
        path.write_bytes(data)
        paths.append(path)
    jsonl = tmp_path / "records.jsonl"
    with jsonl.open("w", encoding="utf-8") as f:
        for _, _, _, data in cases:
            f.write(json.dumps({"text": list(data)}) + "\n")
    for command in ("clean", "analyze"):
        result = cli(command, *map(str, paths), str(jsonl))
        assert result.returncode == 0, result.stderr
        lines = [json.loads(line) for line in result.stdout.splitlines()]
        assert len(lines) == 2 * len(cases)
        for line, (codec, how, page, _) in zip(lines, cases + cases, strict=True):
            assert line["text"] == nuqta.clean(page).text, (command, codec, how)
            assert line["encoding"] == ENCODINGS[codec]
    # a JSONL file in windows-1256 (not UTF-8) is read too
    legacy = tmp_path / "legacy.jsonl"
    text = encodable(seed_pages[0], "cp1256")
    legacy.write_bytes(json.dumps({"text": text}, ensure_ascii=False).encode("cp1256") + b"\n")
    result = cli("normalize", str(legacy))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["text"] == nuqta.normalize(text)
