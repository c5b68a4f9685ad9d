"""nuqta.clean on generated pages of sites it was never tuned on: each test builds many
variants of one kind of page (random sentences, lengths, markup and order of the furniture) and
checks the class of verdict, never one page.

The kinds: content after a data table, a list or subheadings in the body; furniture phrases
inside body sentences; a lead-in and its list between the headline and the body; a headline
split by ``<br>``; datelines; the byline beside a photo caption; readers' comments; teaser
cards under the article. Then the page's metadata: the publication date from every source and
month system, authors, site name, language, and ``analyze`` resolving relative dates against it.
"""

from __future__ import annotations

import html as html_lib
import json
import random

import pytest

import nuqta

SUBJECTS = [
    "وزير الخارجية",
    "المتحدث باسم الحكومة",
    "رئيس الوزراء",
    "مدير المنظمة",
    "المجلس البلدي",
    "الوفد المشارك",
    "البنك المركزي",
    "فريق البحث",
]
VERBS = ["أعلن", "أكد", "أوضح", "قال", "أشار", "ذكر", "نفى", "رجّح"]
CLAUSES = [
    "أن المحادثات ستستمر خلال الأسابيع المقبلة في العاصمة",
    "أن الخطة الجديدة تهدف إلى دعم المزارعين في جميع المحافظات",
    "أن الأسعار ارتفعت بنسبة كبيرة خلال العام الماضي",
    "أن الاتفاق يشمل التعاون في مجالات الطاقة والتعليم والصحة",
    "أن اللجنة ستقدم تقريرها النهائي إلى البرلمان قبل نهاية الشهر",
    "أن المشروع سيوفر آلاف فرص العمل للشباب في المدن الصغيرة",
    "أن الحكومة خصصت ميزانية إضافية لتحسين الخدمات العامة",
    "أن الاجتماع المقبل سيعقد في مقر الجامعة العربية بالقاهرة",
]
TAILS = [
    "وذلك في إطار الجهود المبذولة لتعزيز الاستقرار في المنطقة",
    "مشيرا إلى أن التنفيذ سيبدأ على مراحل متتالية",
    "في ظل الظروف الاقتصادية الصعبة التي تمر بها البلاد",
    "بحسب ما نقلته وسائل الإعلام المحلية عن مصادر مطلعة",
]
HEADLINES = [
    "الحكومة تعلن خطة جديدة لدعم المزارعين في المحافظات",
    "اتفاق على توسيع التعاون في مجال الطاقة المتجددة بين البلدين",
    "البرلمان يناقش مشروع قانون الموازنة العامة للعام المقبل",
    "ارتفاع أسعار المواد الغذائية يثير قلق المواطنين في الأسواق",
]
OTHER_STORIES = [
    "منتخب الشباب يتأهل إلى نهائي البطولة العربية",
    "افتتاح معرض الكتاب الدولي بمشاركة مئات الناشرين",
    "توقعات بأمطار غزيرة على المناطق الشمالية غدا",
    "انطلاق موسم الحصاد في السهول الزراعية الشرقية",
    "وزارة الصحة تطلق حملة للتطعيم في المدارس",
]
NAMES = ["محمد عبد الرحمن", "سارة أحمد", "علي حسن", "ليلى محمود", "خالد يوسف"]
PLACES = ["بروكسل", "القاهرة", "عمّان", "الرباط", "بيروت", "الدوحة"]


def sentence(rng: random.Random) -> str:
    """A body sentence of 16 to 30 words ending with a full stop."""
    s = f"{rng.choice(VERBS)} {rng.choice(SUBJECTS)} {rng.choice(CLAUSES)}، {rng.choice(TAILS)}"
    if rng.random() < 0.5:
        s += f"، {rng.choice(CLAUSES)}"
    return s + "."


def paragraphs(rng: random.Random, n: int) -> list[str]:
    """``n`` different body paragraphs."""
    out: list[str] = []
    while len(out) < n:
        p = " ".join(sentence(rng) for _ in range(rng.randint(1, 2)))
        if p not in out:
            out.append(p)
    return out


def esc(s: str) -> str:
    return html_lib.escape(s, quote=False)


def chrome_top(rng: random.Random) -> str:
    """A site header and menu."""
    menu = "".join(
        f'<li><a href="/s{i}">{w}</a></li>'
        for i, w in enumerate(["الرئيسية", "سياسة", "اقتصاد", "رياضة"])
    )
    return f'<div class="logo">موقع الأخبار</div><ul class="menu">{menu}</ul>'


def chrome_bottom(rng: random.Random) -> str:
    """A related list and a footer."""
    items = "".join(
        f'<li><a href="/n{i}">{esc(t)}</a></li>' for i, t in enumerate(rng.sample(OTHER_STORIES, 4))
    )
    return (
        f'<div class="related"><h3>اقرأ أيضا</h3><ul>{items}</ul></div>'
        '<div class="footer"><p>جميع الحقوق محفوظة © 2024</p><p>تصميم وتطوير شركة المواقع</p></div>'
    )


def page(head: str, body: str, *, lang: str = "ar") -> str:
    return (
        f'<!DOCTYPE html><html lang="{lang}" dir="rtl"><head><meta charset="utf-8">{head}</head>'
        f"<body>{body}</body></html>"
    )


def paras(texts: list[str], prefix: str = "") -> str:
    """``texts`` as paragraphs, each after ``prefix``."""
    return "".join(f"<p>{esc(prefix + t)}</p>" for t in texts)


def clean_on_site(rng: random.Random, *article: str) -> nuqta.Cleaned:
    """The pieces of ``article`` between the site's header and its related list and footer,
    as a page, cleaned."""
    return nuqta.clean(page("", chrome_top(rng) + "".join(article) + chrome_bottom(rng)))


def kept(c: nuqta.Cleaned) -> list[str]:
    return [line.text for line in c.lines if line.keep]


def reason(c: nuqta.Cleaned, text: str) -> str:
    found = [line.reason for line in c.lines if line.text == text]
    assert found, f"no line {text!r}"
    return found[0]


SEEDS = range(12)


@pytest.mark.parametrize("seed", SEEDS)
def test_content_after_a_table_a_list_or_subheadings_is_body(seed: int) -> None:
    rng = random.Random(seed)
    headline = rng.choice(HEADLINES)
    before, after = paragraphs(rng, rng.randint(1, 3)), paragraphs(rng, rng.randint(1, 4))
    rows = rng.randint(4, 25)
    cells = [
        [rng.choice(PLACES), str(rng.randint(1, 99)), f"{rng.randint(1, 9)}.{rng.randint(0, 9)}"]
        for _ in range(rows)
    ]
    table = (
        "<table><tr><th>المدينة</th><th>العدد</th><th>النسبة</th></tr>"
        + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in cells)
        + "</table>"
    )
    subhead = rng.choice(["النتائج الأولية", "خلفية القرار", "ردود الفعل"])
    items = "".join(f"<li>{p}</li>" for p in ["الطاقة الشمسية", "طاقة الرياح", "الطاقة المائية"])
    middle = rng.choice(
        [table, f"<h2>{subhead}</h2>{table}", f"{table}<h3>{subhead}</h3><ul>{items}</ul>"]
    )
    c = clean_on_site(
        rng,
        f"<article><h1>{esc(headline)}</h1>",
        paras(before),
        middle,
        paras(after),
        "</article>",
    )
    got = kept(c)
    for p in before + after:
        assert p in got, p
    assert cells[-1][0] in c.text  # the table's last row
    if subhead in middle:
        assert subhead in got
    for story in OTHER_STORIES:
        assert story not in got


@pytest.mark.parametrize("seed", SEEDS)
def test_furniture_phrases_inside_body_sentences_are_body(seed: int) -> None:
    rng = random.Random(seed)
    phrase = rng.choice(["تصميم وتطوير", "جميع الحقوق محفوظة", "اتصل بنا", "سياسة الخصوصية"])
    inner = (
        f"وأوضح المسؤول أن {phrase} المنصات الحكومية الجديدة من أولويات الوزارة في المرحلة المقبلة."
    )
    body_paras = paragraphs(rng, 4)
    body_paras.insert(rng.randint(1, 3), inner)
    c = clean_on_site(
        rng,
        f"<h1>{esc(rng.choice(HEADLINES))}</h1>",
        paras(body_paras),
    )
    assert inner in kept(c)
    # the same phrase as a footer line is still furniture
    assert reason(c, "تصميم وتطوير شركة المواقع") == "copyright"


@pytest.mark.parametrize("seed", SEEDS)
def test_lead_in_list_and_subtitle_between_headline_and_body_are_body(seed: int) -> None:
    rng = random.Random(seed)
    headline = rng.choice(HEADLINES)
    subtitle = f"{rng.choice(SUBJECTS)} يبحث مع الشركاء سبل التعاون في المرحلة المقبلة"
    caption = f"{rng.choice(SUBJECTS)} خلال الاجتماع"
    lead = "ويتناول الاجتماع المحاور التالية:"
    items = ["الطاقة والنقل", "التعليم العالي", "الصحة العامة والوقاية"]
    rng.shuffle(items)
    rest = paragraphs(rng, rng.randint(2, 4))
    c = clean_on_site(
        rng,
        f"<h1>{esc(headline)}</h1><h2>{esc(subtitle)}</h2>",
        f'<div class="img"><img src="a.jpg"><p>{esc(caption)}</p></div>',
        f"<p>{lead}</p><ul>",
        "".join(f"<li>{i}</li>" for i in items),
        "</ul>",
        paras(rest),
    )
    got = kept(c)
    assert c.title == headline
    for line in [subtitle, lead, *items, *rest]:
        assert line in got, line
    assert reason(c, caption) == "caption"


@pytest.mark.parametrize("seed", SEEDS)
def test_a_headline_split_by_br_is_one_title(seed: int) -> None:
    rng = random.Random(seed)
    first, second = (
        "المفوضية الأوروبية تخطو إلى الأمام في تطوير الطاقة",
        rng.choice(["مع بلدان المتوسط ودول الخليج", "ودول الخليج", "في المنطقة"]),
    )
    tag = rng.choice(["h1", "p", "div"])
    place = rng.choice(PLACES)
    dateline = f"{place}، {rng.randint(1, 28)} تشرين الأول 2009"
    c = clean_on_site(
        rng,
        f"<p>{dateline}</p><{tag}>{first}<br>{second}</{tag}>",
        paras(paragraphs(rng, 3)),
    )
    assert c.title == f"{first} {second}"
    assert sum(line.reason == "title" for line in c.lines) == 1
    assert reason(c, dateline) == "byline"
    assert c.date == f"2009-10-{dateline.split('، ')[1].split()[0].zfill(2)}"


@pytest.mark.parametrize("seed", SEEDS)
def test_datelines_are_kept_in_plain_text(seed: int) -> None:
    rng = random.Random(seed)
    month = rng.choice(["تشرين الأول", "أكتوبر", "أيلول"])
    dateline = f"{rng.choice(PLACES)}، {rng.randint(1, 28)} {month} {rng.randint(2005, 2024)}"
    text = "\n".join([rng.choice(HEADLINES), dateline, *paragraphs(rng, 3)])
    c = nuqta.clean(text, html=False)
    assert reason(c, dateline) == "byline"


@pytest.mark.parametrize("seed", SEEDS)
def test_byline_and_photo_caption_are_told_by_position(seed: int) -> None:
    rng = random.Random(seed)
    name = rng.choice(NAMES)
    byline = f"كتب {name}"
    caption = f"{rng.choice(SUBJECTS)} - {rng.choice(PLACES)}"
    order = rng.choice(["byline-first", "image-first"])
    image = f'<div><img src="x.jpg"></div><div class="c">{esc(caption)}</div>'
    top = (
        f"<div>{byline}</div>{image}" if order == "byline-first" else f"{image}<div>{byline}</div>"
    )
    c = clean_on_site(
        rng,
        f"<h1>{esc(rng.choice(HEADLINES))}</h1>{top}",
        paras(paragraphs(rng, 3)),
    )
    assert c.byline == byline
    assert reason(c, caption) == "caption"
    assert c.authors == (name,)


@pytest.mark.parametrize("seed", SEEDS)
def test_readers_comments_are_dropped_as_comments(seed: int) -> None:
    rng = random.Random(seed)
    article = paragraphs(rng, 3)
    n = rng.randint(1, 4)
    comments = [
        f"{rng.choice(['أتفق', 'لا أتفق'])} مع ما جاء في المقال، {sentence(rng)}" for _ in range(n)
    ]
    header = rng.choice([f"التعليقات ({n})", f"{n} تعليقات", "التعليقات"])
    thread = "".join(
        f'<div class="c"><div>{rng.choice(NAMES)}</div>'
        f"<div>{rng.randint(1, 28)} مارس 2024</div><p>{esc(t)}</p></div>"
        for t in comments
    )
    c = clean_on_site(
        rng,
        f"<h1>{esc(rng.choice(HEADLINES))}</h1>",
        paras(article),
        f"<div><h3>{header}</h3>{thread}<div>أضف تعليق</div></div>",
    )
    got = kept(c)
    for p in article:
        assert p in got
    for t in comments:
        assert reason(c, t) == "comments", t


@pytest.mark.parametrize("seed", SEEDS)
def test_teaser_cards_under_the_article_are_not_the_article(seed: int) -> None:
    rng = random.Random(seed)
    article = paragraphs(rng, rng.randint(2, 5))
    prefix = rng.choice(["", "عمان1: ", "(وكالات) - "])
    teasers = paragraphs(rng, 8)[-rng.randint(1, 3) :]
    cards = "".join(
        f'<div class="card"><h4><a href="/t{i}">{esc(OTHER_STORIES[i])}</a></h4>'
        f'<p>{esc(prefix + t)}</p><a href="/t{i}">إقرأ المزيد</a></div>'
        for i, t in enumerate(teasers)
    )
    c = clean_on_site(
        rng,
        f"<h1>{esc(rng.choice(HEADLINES))}</h1>",
        paras(article, prefix),
        cards,
    )
    got = kept(c)
    for p in article:
        assert prefix + p in got
    for t in teasers:
        assert prefix + t not in got


# --------------------------------------------------------------------------- metadata

ARABIC_MONTHS = {
    "gregorian": [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ],
    "levantine": [
        "كانون الثاني",
        "شباط",
        "آذار",
        "نيسان",
        "أيار",
        "حزيران",
        "تموز",
        "آب",
        "أيلول",
        "تشرين الأول",
        "تشرين الثاني",
        "كانون الأول",
    ],
}


@pytest.mark.parametrize("seed", range(24))
def test_publication_date_from_every_source(seed: int) -> None:
    rng = random.Random(seed)
    y, m, d = rng.randint(2005, 2025), rng.randint(1, 12), rng.randint(1, 28)
    iso = f"{y:04d}-{m:02d}-{d:02d}"
    source = [
        "json-ld",
        "meta",
        "itemprop",
        "time",
        "url",
        "line-gregorian",
        "line-levantine",
        "line-digits",
    ][seed % 8]
    head = ""
    top = ""
    if source == "json-ld":
        ld = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "datePublished": f"{iso}T10:00:00+03:00",
            "author": {"@type": "Person", "name": "سارة أحمد"},
            "publisher": {"name": "موقع الأخبار"},
        }
        head = f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>'
    elif source == "meta":
        head = f'<meta property="article:published_time" content="{iso}T08:15:00Z">'
    elif source == "itemprop":
        top = f'<span itemprop="datePublished" content="{iso}">منذ قليل</span>'
    elif source == "time":
        top = f'<time datetime="{iso}T09:00" pubdate>اليوم</time>'
    elif source == "url":
        head = f'<link rel="canonical" href="https://example.com/news/{y}/{m}/{d}/story-1">'
    elif source.startswith("line-"):
        kind = source[5:]
        if kind == "digits":
            when = f"{iso} 07:54:20"
        else:
            when = (
                f"{rng.choice(['السبت', 'الأحد', 'الاثنين'])} {d} {ARABIC_MONTHS[kind][m - 1]} {y}"
            )
        top = f"<div>{when}</div>"
    # a related story's older date elsewhere on the page must not win
    bottom = (
        '<div class="related"><span>1 يناير 2001</span><a href="/o">خبر قديم عن موضوع آخر</a></div>'
    )
    body = (
        chrome_top(rng)
        + f"<h1>{esc(rng.choice(HEADLINES))}</h1>{top}"
        + paras(paragraphs(rng, 3))
        + bottom
    )
    c = nuqta.clean(page(head, body))
    assert c.date is not None, source
    assert c.date[:10] == iso, (source, c.date)
    if source == "json-ld":
        assert c.authors == ("سارة أحمد",)
        assert c.site_name == "موقع الأخبار"


def test_hijri_and_maghrebi_date_lines() -> None:
    for line, want in [("الجمعة 12 رمضان 1441 هـ", "2020-05-05"), ("3 جانفي 2021", "2021-01-03")]:
        text = "\n".join([HEADLINES[0], line, *paragraphs(random.Random(1), 3)])
        assert nuqta.clean(text, html=False).date == want, line


def test_language_from_markup_unless_the_script_disagrees() -> None:
    body = (
        "<h1>"
        + HEADLINES[0]
        + "</h1>"
        + "".join(f"<p>{p}</p>" for p in paragraphs(random.Random(2), 3))
    )
    assert nuqta.clean(page("", body, lang="ar-EG")).language == "ar"
    assert nuqta.clean(page("", body, lang="en-US")).language == "ar"
    english = (
        "<h1>A headline here</h1><p>" + "This is an English paragraph about the news. " * 5 + "</p>"
    )
    assert nuqta.clean(page("", english, lang="en-GB")).language == "en"
    assert nuqta.clean("\n".join(paragraphs(random.Random(3), 2)), html=False).language == "ar"


def test_metadata_fields_round_trip() -> None:
    head = (
        '<meta property="og:site_name" content="موقع الأخبار">'
        '<meta name="description" content="وصف الخبر &amp; تفاصيله">'
        '<link rel="canonical" href="https://example.com/a">'
        '<meta name="author" content="علي حسن">'
        '<meta property="article:modified_time" content="2021-02-03T04:05:06+02:00">'
    )
    body = (
        "<h1>"
        + HEADLINES[1]
        + "</h1>"
        + "".join(f"<p>{p}</p>" for p in paragraphs(random.Random(4), 3))
    )
    c = nuqta.clean(page(head, body))
    assert (c.site_name, c.description, c.url, c.authors, c.modified) == (
        "موقع الأخبار",
        "وصف الخبر & تفاصيله",
        "https://example.com/a",
        ("علي حسن",),
        "2021-02-03T04:05:06+02:00",
    )
    d = c.to_dict()
    assert d["authors"] == ("علي حسن",)
    assert d["url"] == "https://example.com/a"
    doc = nuqta.analyze(page(head, body))
    assert (doc.site_name, doc.url, doc.language) == (c.site_name, c.url, "ar")


def test_analyze_resolves_relative_dates_against_the_page_date() -> None:
    head = '<meta property="article:published_time" content="2020-06-03T03:01+0400">'
    body = (
        "<h1>" + HEADLINES[0] + "</h1><p>أعلنت الحكومة أمس عن خطة جديدة لدعم المزارعين في جميع "
        "المحافظات، وذلك بهدف زيادة الإنتاج الزراعي وتحسين دخل الأسر الريفية.</p>"
    )
    doc = nuqta.analyze(page(head, body))
    dates = [n.value for n in doc.numbers if n.kind == "date"]
    assert dates == ["2020-06-02"]
    import datetime

    given = nuqta.analyze(page(head, body), reference_date=datetime.date(2024, 1, 10))
    assert [n.value for n in given.numbers if n.kind == "date"] == ["2024-01-09"]
