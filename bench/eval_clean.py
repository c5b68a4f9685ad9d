"""Boilerplate removal against gold: nuqta beside trafilatura, jusText, resiliparse, boilerpy3.

Issue 4's evaluation, through the installed ``nuqta`` package:

- ``eval/boilerplate_text``: the five plain-text seed pages. nuqta reads them as text; the HTML
  tools read them with each line wrapped in ``<p>`` (and nuqta is scored on that variant too).
- ``eval/boilerplate_html``: real Arabic web pages. ``htmldate/`` and ``fundus/`` have full gold
  (headline, byline, body), and so has ``unseen_2026/`` (pages from sites nuqta was never tuned
  on: a press release, a technical article with tables, a statement, a news page), also scored
  on its own; ``newspaper4k/`` gold is the body only (the title from its json is
  neither required nor penalised); ``goose3/`` gives a prefix of the body; ``trafilatura/`` gives
  snippets that must and must not appear; ``mozilla-readability/`` pages are English RTL pages
  scored against the text of Readability's ``expected.html``.

Scores per page: token-level F1 (bag of whitespace tokens, multiset counts) and line-level F1
(multiset of stripped non-empty lines). "Lenient" ignores predicted lines listed in a page's
``.optional.txt`` (photo captions, bare date lines); "strict" does not. Means are over pages.
A peer that is not installed is reported as skipped. Scores are printed, never gated.

    pip install trafilatura justext resiliparse boilerpy3
    python bench/eval_clean.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import html
import importlib
import json
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import nuqta

Extract = Callable[[str], str]

SEED_MEAN = 0.97
SEED_EACH = 0.95
HTML_MEAN = 0.97
HTML_EACH = 0.90
GOLD_FOLDERS = ("htmldate", "fundus", "unseen_2026")


@dataclass
class Tool:
    """An extractor under test: page in, main text out (lines joined by newlines)."""

    name: str
    html_fn: Extract
    text_fn: Extract | None = None
    seconds: float = 0.0

    def run(self, page: str, *, is_html: bool) -> str:
        """The tool's text for ``page``; an exception counts as empty output."""
        fn = self.html_fn if is_html or self.text_fn is None else self.text_fn
        t0 = time.perf_counter()
        try:
            out = fn(page)
        except Exception as e:  # a peer failing on one page is a score of 0, not a crash
            print(f"  ! {self.name} failed: {type(e).__name__}: {e}")
            out = ""
        self.seconds += time.perf_counter() - t0
        return out


def nuqta_tool() -> Tool:
    """nuqta: plain-text path for text, HTML path for HTML."""
    return Tool(
        "nuqta",
        html_fn=lambda p: nuqta.clean(p, html=True).text,
        text_fn=lambda p: nuqta.clean(p, html=False).text,
    )


def trafilatura_tool() -> Tool:
    """trafilatura ``extract()`` with its defaults."""
    m = importlib.import_module("trafilatura")
    return Tool("trafilatura", lambda p: m.extract(p) or "")


def justext_tool() -> Tool:
    """jusText with its Arabic stoplist and default thresholds."""
    m = importlib.import_module("justext")
    stop = m.get_stoplist("Arabic")

    def run(page: str) -> str:
        paras = m.justext(page.encode("utf-8"), stop, encoding="utf-8")
        return "\n".join(p.text for p in paras if not p.is_boilerplate)

    return Tool("justext", run)


def resiliparse_tool() -> Tool:
    """resiliparse ``extract_plain_text(main_content=True)``."""
    m = importlib.import_module("resiliparse.extract.html2text")

    def run(page: str) -> str:
        return str(m.extract_plain_text(page, main_content=True, list_bullets=False))

    return Tool("resiliparse", run)


def boilerpy3_tool() -> Tool:
    """boilerpy3's ArticleExtractor."""
    m = importlib.import_module("boilerpy3.extractors")
    ex = m.ArticleExtractor(raise_on_failure=False)
    return Tool("boilerpy3", lambda p: str(ex.get_content(p)))


def load_tools() -> list[Tool]:
    """nuqta and every peer that imports; the others are reported as skipped."""
    tools = [nuqta_tool()]
    makers: dict[str, Callable[[], Tool]] = {
        "trafilatura": trafilatura_tool,
        "justext": justext_tool,
        "resiliparse": resiliparse_tool,
        "boilerpy3": boilerpy3_tool,
    }
    for name, make in makers.items():
        try:
            tools.append(make())
        except ImportError as e:
            print(f"skipped {name}: not installed ({e})")
    return tools


# --------------------------------------------------------------------------- scoring


def f1(pred: Iterable[str], gold: Iterable[str]) -> float:
    """F1 of two multisets."""
    p, g = Counter(pred), Counter(gold)
    tp = sum((p & g).values())
    n_pred, n_gold = sum(p.values()), sum(g.values())
    if tp == 0:
        return 1.0 if n_pred == n_gold == 0 else 0.0
    prec, rec = tp / n_pred, tp / n_gold
    return 2 * prec * rec / (prec + rec)


def lines_of(text: str) -> list[str]:
    """Stripped non-empty lines."""
    return [s for s in (line.strip() for line in text.splitlines()) if s]


@dataclass
class Score:
    """Token and line F1 of one tool on one page, strict and lenient."""

    token: float
    line: float
    token_strict: float
    line_strict: float


def score(pred_text: str, gold: list[str], optional: set[str]) -> Score:
    """Scores predicted text against gold lines; lenient drops predicted optional lines."""
    pred = lines_of(pred_text)
    lenient = [s for s in pred if s not in optional]

    def toks(ls: list[str]) -> list[str]:
        return [t for s in ls for t in s.split()]

    return Score(
        token=f1(toks(lenient), toks(gold)),
        line=f1(lenient, gold),
        token_strict=f1(toks(pred), toks(gold)),
        line_strict=f1(pred, gold),
    )


def read_lines(path: Path) -> list[str]:
    """Stripped non-empty lines of a file, or nothing when it is missing."""
    return lines_of(path.read_text(encoding="utf-8")) if path.exists() else []


class _BlockText(HTMLParser):
    """Visible text of an HTML fragment, one line per block element or ``<br>``."""

    BLOCKS = frozenset(
        [
            "p",
            "div",
            "br",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "li",
            "ul",
            "ol",
            "table",
            "tr",
            "td",
            "th",
            "section",
            "article",
            "header",
            "footer",
            "blockquote",
            "pre",
            "figure",
            "figcaption",
            "dd",
            "dt",
        ]
    )
    SKIP = frozenset({"script", "style", "noscript", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def html_text_lines(src: str) -> list[str]:
    """Lines of visible text of ``src``, whitespace collapsed."""
    p = _BlockText()
    p.feed(src)
    p.close()
    return [" ".join(s.split()) for s in "".join(p.parts).split("\n") if s.strip()]


def wrap_p(page: str) -> str:
    """A plain-text page as HTML: each non-empty line in its own ``<p>``."""
    body = "\n".join(f"<p>{html.escape(s)}</p>" for s in lines_of(page))
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n{body}\n</body></html>'
    )


# --------------------------------------------------------------------------- tables


@dataclass
class Table:
    """Per-page scores of every tool, printed as token F1 / line F1 columns."""

    title: str
    names: list[str]
    rows: list[tuple[str, dict[str, Score]]] = field(default_factory=list)

    def add(self, page: str, scores: dict[str, Score]) -> None:
        """Adds one page's scores."""
        self.rows.append((page, scores))

    def mean(self, tool: str, attr: str) -> float:
        """Mean over pages of one score of one tool."""
        vals = [float(getattr(s[tool], attr)) for _, s in self.rows]
        return sum(vals) / max(1, len(vals))

    def show(self, *, lenient: bool = True) -> None:
        """Prints the table: one row per page, then the means (strict means too)."""
        w = max([len(p) for p, _ in self.rows] + [12])
        print(f"\n== {title_case(self.title)} ==")
        print("token F1 / line F1" + (" (lenient: optional lines ignored)" if lenient else ""))
        head = f"{'page':<{w}} " + " ".join(f"{n:>14}" for n in self.names)
        print(head)
        print("-" * len(head))
        for page, scores in self.rows:
            cells = " ".join(f"{scores[n].token:7.3f}/{scores[n].line:.3f}" for n in self.names)
            print(f"{page:<{w}} {cells}")
        print("-" * len(head))
        cells = " ".join(
            f"{self.mean(n, 'token'):7.3f}/{self.mean(n, 'line'):.3f}" for n in self.names
        )
        print(f"{'mean':<{w}} {cells}")
        if lenient:
            cells = " ".join(
                f"{self.mean(n, 'token_strict'):7.3f}/{self.mean(n, 'line_strict'):.3f}"
                for n in self.names
            )
            print(f"{'mean strict':<{w}} {cells}")


def title_case(s: str) -> str:
    """First letter upper-cased."""
    return s[:1].upper() + s[1:]


# --------------------------------------------------------------------------- evaluations


def eval_seeds(shared: Path, tools: list[Tool]) -> tuple[Table, Table]:
    """The seed pages: nuqta on the text, every tool on the ``<p>``-wrapped variant."""
    gold_dir = shared / "eval/boilerplate_text"
    seeds = sorted((shared / "seeds").glob("*.txt"))
    names = ["nuqta"]
    text = Table("seed pages as plain text (nuqta; the HTML tools keep everything)", names)
    wrapped = Table("seed pages with each line wrapped in <p>", [t.name for t in tools])
    for seed in seeds:
        page = seed.read_text(encoding="utf-8")
        gold = read_lines(gold_dir / f"{seed.stem}.gold.txt")
        optional = set(read_lines(gold_dir / f"{seed.stem}.optional.txt"))
        text.add(seed.stem[:3], {"nuqta": score(tools[0].run(page, is_html=False), gold, optional)})
        as_html = wrap_p(page)
        wrapped.add(
            seed.stem[:3],
            {t.name: score(t.run(as_html, is_html=True), gold, optional) for t in tools},
        )
    return text, wrapped


def eval_html(shared: Path, tools: list[Tool], folders: Iterable[str], title: str) -> Table:
    """The HTML pages with full gold in ``folders`` (of eval/boilerplate_html)."""
    root = shared / "eval/boilerplate_html"
    table = Table(title, [t.name for t in tools])
    for folder in folders:
        for path in sorted((root / folder).glob("*.html")):
            src = path.read_text(encoding="utf-8")
            gold = read_lines(path.with_suffix(".gold.txt"))
            optional = set(read_lines(path.with_suffix(".optional.txt")))
            name = path.stem.split("_")[0] if folder != "unseen_2026" else f"{folder}/{path.stem}"
            table.add(
                name, {t.name: score(t.run(src, is_html=True), gold, optional) for t in tools}
            )
    return table


def eval_other(shared: Path, tools: list[Tool]) -> None:
    """The pages whose gold is partial: body-only, prefix, snippets, RTL test pages."""
    root = shared / "eval/boilerplate_html"
    names = [t.name for t in tools]
    print("\n== HTML pages with partial gold ==")
    print(f"{'page':<34} " + " ".join(f"{n:>14}" for n in names))

    def row(label: str, cells: Iterable[str]) -> None:
        print(f"{label:<34} " + " ".join(f"{c:>14}" for c in cells))

    d = root / "newspaper4k"
    if (d / "arabic_article.html").exists():
        src = (d / "arabic_article.html").read_text(encoding="utf-8")
        gold = read_lines(d / "arabic_article.txt")
        meta: dict[str, Any] = json.loads((d / "arabic_article.json").read_text(encoding="utf-8"))
        title = {str(meta.get("title", "")).strip()}
        outs = [t.run(src, is_html=True) for t in tools]
        sc = [score(o, gold, title) for o in outs]
        row("newspaper4k body (tok/line F1)", (f"{s.token:.3f}/{s.line:.3f}" for s in sc))

    d = root / "goose3"
    if (d / "test_cnn_arabic.html").exists():
        src = (d / "test_cnn_arabic.html").read_text(encoding="utf-8")
        exp: dict[str, Any] = json.loads((d / "test_cnn_arabic.json").read_text(encoding="utf-8"))
        prefix = " ".join(str(exp["expected"]["cleaned_text"]).split())
        found = [prefix in " ".join(t.run(src, is_html=True).split()) for t in tools]
        row("goose3 body prefix found", ("yes" if f else "no" for f in found))

    d = root / "trafilatura"
    if (d / "assabah.com.tn.article.html").exists():
        src = (d / "assabah.com.tn.article.html").read_text(encoding="utf-8")
        snip: dict[str, Any] = json.loads(
            (d / "assabah.com.tn.article.expected.json").read_text(encoding="utf-8")
        )
        outs = [t.run(src, is_html=True) for t in tools]
        w, wo = list(snip["with"]), list(snip["without"])
        cells = (
            f"{sum(s in o for s in w)}/{len(w)} in {sum(s not in o for s in wo)}/{len(wo)} out"
            for o in outs
        )
        row("assabah snippets with/without", cells)

    for i in range(1, 5):
        d = root / f"mozilla-readability/rtl-{i}"
        if not (d / "source.html").exists():
            continue
        src = (d / "source.html").read_text(encoding="utf-8")
        gold = html_text_lines((d / "expected.html").read_text(encoding="utf-8"))
        sc = [score(t.run(src, is_html=True), gold, set()) for t in tools]
        row(f"readability rtl-{i} (tok/line F1)", (f"{s.token:.3f}/{s.line:.3f}" for s in sc))


def verdict(text: Table, html_table: Table, unseen: Table) -> None:
    """Whether each target is met (seed pages; HTML pages with gold, unseen ones among them)."""
    print("\n== targets ==")

    def say(ok: bool, what: str) -> None:
        print(f"[{'met' if ok else 'MISSED'}] {what}")

    m = text.mean("nuqta", "token_strict")
    say(m >= SEED_MEAN, f"seed pages: mean token F1 {m:.3f} >= {SEED_MEAN} (strict)")
    worst = min(s["nuqta"].token_strict for _, s in text.rows)
    say(worst >= SEED_EACH, f"seed pages: every page >= {SEED_EACH} (lowest {worst:.3f}, strict)")
    m = html_table.mean("nuqta", "token")
    say(m >= HTML_MEAN, f"HTML pages with gold: mean token F1 {m:.3f} >= {HTML_MEAN} (lenient)")
    worst_page, worst_score = min(
        ((p, s["nuqta"].token) for p, s in html_table.rows), key=lambda x: x[1]
    )
    say(
        worst_score >= HTML_EACH,
        f"HTML pages with gold: every page >= {HTML_EACH} (lowest {worst_score:.3f}, {worst_page})",
    )
    if unseen.rows:
        print(
            f"[info] unseen_2026/ alone: mean token F1 {unseen.mean('nuqta', 'token'):.3f}, "
            f"line F1 {unseen.mean('nuqta', 'line'):.3f} over {len(unseen.rows)} pages"
        )
    if "trafilatura" in html_table.names:
        behind = [
            f"{p} ({s['nuqta'].token:.3f} < {s['trafilatura'].token:.3f})"
            for p, s in html_table.rows
            if s["nuqta"].token < s["trafilatura"].token
        ]
        say(
            not behind,
            "HTML pages with gold: nuqta >= trafilatura on every page"
            + (f"; behind on {', '.join(behind)}" if behind else ""),
        )
    else:
        print("[skipped] nuqta >= trafilatura on every HTML page: trafilatura not installed")


def main() -> None:
    """Runs every evaluation and prints the tables."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    default = Path(__file__).resolve().parent.parent.parent / "shared"
    ap.add_argument("--shared", type=Path, default=default, help="the ../shared folder")
    args = ap.parse_args()
    shared: Path = args.shared
    if not (shared / "eval").is_dir():
        print(f"no evaluation data at {shared}: nothing to score")
        return
    t0 = time.perf_counter()
    tools = load_tools()
    text, wrapped = eval_seeds(shared, tools)
    html_table = eval_html(shared, tools, GOLD_FOLDERS, "HTML pages with full gold")
    html_table.title += " (" + ", ".join(GOLD_FOLDERS) + ")"
    unseen = Table("of which unseen_2026/ (sites nuqta was never tuned on)", html_table.names)
    unseen.rows = [r for r in html_table.rows if r[0].startswith("unseen_2026/")]
    text.show()
    wrapped.show()
    html_table.show()
    unseen.show()
    eval_other(shared, tools)
    verdict(text, html_table, unseen)
    print("\nseconds spent per tool: " + ", ".join(f"{t.name} {t.seconds:.2f}" for t in tools))
    print(f"total {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
