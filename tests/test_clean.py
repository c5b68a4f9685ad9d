"""nuqta.clean: the reasons given to each seed page's furniture lines, pages of any shape, and
pages too big or too deep for naive code.

The seed pages are ``tests/data/0*.txt``; the expected reasons below were written from reading
them (what each line is on the page), not taken from any gold file.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import nuqta

DATA = Path(__file__).parent / "data"
KEPT = {"title", "byline", "body"}


def seed(prefix: str) -> str:
    """The text of the seed page whose file name starts with ``prefix``."""
    (path,) = DATA.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def reasons_of(page: str) -> list[tuple[str, str]]:
    """(reason, text) of every line of the cleaned page."""
    return [(line.reason, line.text) for line in nuqta.clean(page, html=False).lines]


def check(page: str, expected: Mapping[str, str | set[str]]) -> None:
    """Every line starting with a key of ``expected`` has that reason (or one of those reasons),
    and is kept exactly when the reason is title, byline or body."""
    lines = nuqta.clean(page, html=False).lines
    for prefix, want in expected.items():
        found = [line for line in lines if line.text.startswith(prefix)]
        assert found, f"no line starts with {prefix!r}"
        allowed = {want} if isinstance(want, str) else want
        for line in found:
            assert line.reason in allowed, (prefix, line.reason)
            assert line.keep == (line.reason in KEPT), (prefix, line.keep)


def test_seed_000_news_site_with_every_kind_of_chrome() -> None:
    page = seed("000")
    check(
        page,
        {
            "توقيت القاهرة المحلي": "timestamp",  # the site clock
            "مصر اليوم -": {"site_name", "duplicate"},  # the logo, printed twice
            "من نتائج اجتماع": "title",  # the kicker
            "وزيري الخارجية المصري": "caption",  # the photo caption
            "القاهرة – علي السيد": "byline",
            "آثارت تصريحات": "body",
            "egypttoday": {"site_name", "duplicate"},
            "الإسم *": "comment_form",
            "البريد الألكتروني": "comment_form",
            "عنوان التعليق": "comment_form",
            "شروط النشر": "comment_form",
            "Security Code": "comment_form",
            "بين القفطان والعباءة": "related",
            "GMT 14:01 2026": "timestamp",
            "حظك اليوم برج الدلو": "related",
            "غوارديولا يؤكّد": "related",
            "Maintained and developed": {"copyright", "duplicate"},
            "جميع الحقوق محفوظة": {"copyright", "duplicate"},
            "Pearl Bldg": "address",
        },
    )
    out = nuqta.clean(page, html=False)
    assert out.title == "اتجاه لتنسيق مصري روسي لمحاربة الإرهاب في ليبيا والقضاء على المتطرفين"
    assert out.byline == "القاهرة – علي السيد"
    # the headline printed again under the comment form is a second copy
    heads = [r for r, t in reasons_of(page) if t.startswith("اتجاه لتنسيق مصري روسي")]
    assert heads[0] == "title"
    assert set(heads[1:]) == {"duplicate"}
    # every GMT stamp of the related list is a timestamp
    assert {r for r, t in reasons_of(page) if t.startswith("GMT ")} == {"timestamp"}


def test_seed_001_page_without_chrome_comes_back_whole() -> None:
    page = seed("001")
    out = nuqta.clean(page, html=False)
    assert all(line.keep for line in out.lines)
    assert len(out.lines) == 14
    check(page, {"مصر تعتزم": "title", "نور نيوز": "byline", "لقاء السيسي": "body"})
    assert out.text == "\n".join(s.strip() for s in page.splitlines() if s.strip())


def test_seed_002_update_header_social_calls_and_comment_form() -> None:
    page = seed("002")
    check(
        page,
        {
            "الثلاثاء 01 اكتوبر 2024": "timestamp",  # "last updated" header
            "اجتماع أمني رفيع": "title",
            "أعلام داعش": "caption",
            "الساعة 23:29": "byline",  # time and agency credit
            "قالت السفارة البريطانية": "body",
            "لمزيد من الأخبار": "share",  # like our Facebook page
            "لمتابعة أخبار": "share",  # follow us on Telegram
            "شارك برأيك": "comment_form",
            "المشاركات والتعليقات": "comment_form",  # comment disclaimer
            "إضافة تعليق": "comment_form",
            "الأسم": "comment_form",
            "موضوع التعليق": "comment_form",
            "النص": "comment_form",
        },
    )


def test_seed_003_body_printed_twice() -> None:
    reasons = [r for r, _ in reasons_of(seed("003"))]
    assert reasons[:2] == ["title", "title"]  # headline and second title
    assert set(reasons[2:13]) == {"body"}
    assert reasons[13:] == ["duplicate"] * 10  # the second copy of the body


def test_seed_004_related_headlines_after_the_body() -> None:
    out = nuqta.clean(seed("004"), html=False)
    reasons = [line.reason for line in out.lines]
    assert set(reasons[:12]) == {"body"}
    assert reasons[12:] == ["related"] * 3
    assert out.title is None


# --------------------------------------------------------------------------- any shape


def check_shape(page: str, out: nuqta.Cleaned, *, html: bool) -> None:
    """Invariants of every result: the text is the kept lines, no line is empty, and plain-text
    offsets slice back to the line."""
    assert out.text == "\n".join(line.text for line in out.lines if line.keep)
    for line in out.lines:
        assert line.text
        assert line.keep == (line.reason in KEPT)
        assert 0 <= line.start <= line.end <= len(page)
        if not html:
            assert page[line.start : line.end] == line.text


LINE = st.text(
    alphabet=st.sampled_from(list("ابتثجحخدذرسشصضطظعغفقكلمنهويىةءأإآ ،؛؟.:-–|©@0123456789a<>/&;")),
    max_size=80,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_any_text_comes_back(page: str) -> None:
    check_shape(page, nuqta.clean(page, html=False), html=False)
    nuqta.clean(page)  # sniffed either way, it returns


@settings(max_examples=150, deadline=None)
@given(st.lists(LINE, max_size=30))
def test_arabic_looking_lines_come_back(lines: list[str]) -> None:
    page = "\n".join(lines)
    check_shape(page, nuqta.clean(page, html=False), html=False)


TAG = st.sampled_from(
    ["div", "p", "span", "a", "nav", "footer", "script", "style", "h1", "li", "ul", "br", "form"]
)
PIECE = st.one_of(
    TAG.map(lambda t: f"<{t}>"),
    TAG.map(lambda t: f"</{t}>"),
    TAG.map(lambda t: f'<{t} class="x" dir="rtl">'),
    st.sampled_from(["<!--", "-->", "&amp;", "&#1576;", "&nbsp;", "<", ">", "<!DOCTYPE html>"]),
    LINE,
)


@settings(max_examples=150, deadline=None)
@given(st.lists(PIECE, max_size=60))
def test_any_html_ish_string_comes_back(pieces: list[str]) -> None:
    page = "".join(pieces)
    check_shape(page, nuqta.clean(page, html=True), html=True)


# --------------------------------------------------------------------------- size and depth

ARTICLE = (
    "قالت الحكومة اليوم إنها ستبدأ تنفيذ خطة جديدة لدعم المزارعين في المحافظات الجنوبية، "
    "وأضاف الوزير أن الخطة تشمل قروضا ميسرة وتدريبا على أساليب الري الحديثة."
)


def test_deeply_nested_html_returns_with_its_text() -> None:
    depth = 100_000
    page = f"<html><body>{'<div>' * depth}<p>{ARTICLE}</p>{'</div>' * depth}</body></html>"
    out = nuqta.clean(page, html=True)
    assert ARTICLE in out.text


@pytest.mark.parametrize("html", [False, True])
def test_five_megabyte_line_returns_kept(html: bool) -> None:
    line = " ".join([ARTICLE] * (5_000_000 // len(ARTICLE.encode("utf-8")) + 1))
    page = f"<p>{line}</p>" if html else line
    out = nuqta.clean(page, html=html)
    assert len(out.lines) == 1
    assert out.lines[0].keep
    assert out.text == line
