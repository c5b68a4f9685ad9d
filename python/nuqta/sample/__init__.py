"""Five scraped Arabic news pages, flattened to text, bundled as a sample."""

from __future__ import annotations

from importlib import resources

__all__ = ["sample_pages"]


def sample_pages() -> dict[str, str]:
    """The bundled sample pages, by file name, in name order."""
    folder = resources.files(__name__)
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".txt"))
    return {name: folder.joinpath(name).read_text(encoding="utf-8") for name in names}
