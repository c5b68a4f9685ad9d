"""The result objects the native core builds (Line, Entity, NumberMention, made as
``object.__new__`` and ``object.__setattr__`` make them) are the objects Python would build:
equal, hashable, picklable, copyable, immutable, with the same repr and to_dict."""

from __future__ import annotations

import copy
import dataclasses
import json
import pickle
from typing import Any

import pytest

import nuqta
from nuqta import _nuqta
from nuqta.results import Entity, Line, NumberMention

PAGES = list(nuqta.sample_pages().values())


def native() -> list[Any]:
    """Results of every slots class, built by the core, with every kind of field value."""
    items: list[Any] = []
    for page in PAGES:
        doc = nuqta.analyze(page)
        items += [*doc.lines, *doc.entities, *doc.numbers]
    items += nuqta.clean("<p>" + PAGES[0].replace("\n", "</p><p>") + "</p>", html=True).lines
    items += nuqta.numbers("دفع 2.5 مليار دولار و١٥٪ و3.75 كيلوغرام في 5 مايو 2024 الساعة 5:30")
    return items


ITEMS = native()


def rebuilt(item: Any) -> Any:
    """The same result built by Python, through the dataclass's ``__init__``."""
    return type(item)(*(getattr(item, f.name) for f in dataclasses.fields(item)))


def test_every_kind_of_value_is_covered() -> None:
    kinds = {type(i) for i in ITEMS}
    assert kinds == {Line, Entity, NumberMention}
    values = {type(n.value) for n in ITEMS if isinstance(n, NumberMention)}
    assert values == {int, float, str, type(None)}
    units = {n.unit is None for n in ITEMS if isinstance(n, NumberMention)}
    assert units == {True, False}
    assert {line.keep for line in ITEMS if isinstance(line, Line)} == {True, False}


def test_native_results_equal_python_built_ones() -> None:
    for item in ITEMS:
        twin = rebuilt(item)
        assert item == twin
        assert hash(item) == hash(twin)
        assert repr(item) == repr(twin)
        assert item.to_dict() == twin.to_dict()
        assert len({item, twin}) == 1
    assert len(set(ITEMS)) == len({repr(i) for i in ITEMS})


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_pickle_round_trip(protocol: int) -> None:
    for item in ITEMS:
        back = pickle.loads(pickle.dumps(item, protocol))
        assert type(back) is type(item)
        assert back == item
        assert hash(back) == hash(item)
        assert repr(back) == repr(item)
    doc = nuqta.analyze(PAGES[0])
    assert pickle.loads(pickle.dumps(doc, protocol)) == doc


# [Line, Entity, NumberMention] pickled before the classes had slots (their state the
# instance __dict__), with protocols 0 and 2.
OLD_PICKLES = [
    b"(lp0\nccopy_reg\n_reconstructor\np1\n(cnuqta.results\nLine\np2\nc__builtin__\nobject\np3\n"
    b"Ntp4\nRp5\n(dp6\nVtext\np7\nV\\u0633\\u0637\\u0631\np8\nsVstart\np9\nI0\nsVend\np10\nI3\n"
    b"sVkeep\np11\nI01\nsVreason\np12\nVcontent\np13\nsbag1\n(cnuqta.results\nEntity\np14\ng3\n"
    b"Ntp15\nRp16\n(dp17\ng7\nV\\u0627\\u0644\\u0642\\u0627\\u0647\\u0631\\u0629\np18\nsg9\nI4\n"
    b"sg10\nI11\nsVlabel\np19\nVLOC\np20\nsbag1\n(cnuqta.results\nNumberMention\np21\ng3\nNtp22\n"
    b"Rp23\n(dp24\ng7\nV2.5 \\u0645\\u0644\\u064a\\u0627\\u0631 "
    b"\\u062f\\u0648\\u0644\\u0627\\u0631\np25\nsg9\nI4\nsg10\nI19\nsVkind\np26\nVmoney\n"
    b"p27\nsVvalue\np28\nL2500000000L\nsVunit\np29\nVUSD\np30\nsba.",
    b"\x80\x02]q\x00(cnuqta.results\nLine\nq\x01)\x81q\x02}q\x03(X\x04\x00\x00\x00textq\x04X"
    b"\x06\x00\x00\x00\xd8\xb3\xd8\xb7\xd8\xb1q\x05X\x05\x00\x00\x00startq\x06K\x00X\x03\x00\x00"
    b"\x00endq\x07K\x03X\x04\x00\x00\x00keepq\x08\x88X\x06\x00\x00\x00reasonq\tX\x07\x00\x00\x00"
    b"contentq\nubcnuqta.results\nEntity\nq\x0b)\x81q\x0c}q\r(h\x04X\x0e\x00\x00\x00\xd8\xa7\xd9"
    b"\x84\xd9\x82\xd8\xa7\xd9\x87\xd8\xb1\xd8\xa9q\x0eh\x06K\x04h\x07K\x0bX\x05\x00\x00\x00label"
    b"q\x0fX\x03\x00\x00\x00LOCq\x10ubcnuqta.results\nNumberMention\nq\x11)\x81q\x12}q\x13(h\x04X"
    b"\x19\x00\x00\x002.5 \xd9\x85\xd9\x84\xd9\x8a\xd8\xa7\xd8\xb1 \xd8\xaf\xd9\x88\xd9\x84\xd8"
    b"\xa7\xd8\xb1q\x14h\x06K\x04h\x07K\x13X\x04\x00\x00\x00kindq\x15X\x05\x00\x00\x00moneyq\x16X"
    b"\x05\x00\x00\x00valueq\x17\x8a\x05\x00\xf9\x02\x95\x00X\x04\x00\x00\x00unitq\x18X\x03\x00"
    b"\x00\x00USDq\x19ube.",
]


@pytest.mark.parametrize("data", OLD_PICKLES)
def test_pickles_from_before_slots_still_load(data: bytes) -> None:
    assert pickle.loads(data) == [
        Line("سطر", 0, 3, True, "content"),
        Entity("القاهرة", 4, 11, "LOC", "القاهرة"),
        NumberMention("2.5 مليار دولار", 4, 19, "money", 2_500_000_000, "USD"),
    ]


def test_copy_and_replace() -> None:
    for item in ITEMS:
        assert copy.copy(item) == item
        assert copy.deepcopy(item) == item
        moved = dataclasses.replace(item, start=item.start + 1)
        assert type(moved) is type(item)
        assert moved.start == item.start + 1
        assert moved != item
        assert dataclasses.replace(moved, start=item.start) == item


def test_results_are_frozen_slots_objects() -> None:
    for item in ITEMS[:50] + ITEMS[-50:]:
        with pytest.raises(dataclasses.FrozenInstanceError):
            item.text = "x"
        with pytest.raises(dataclasses.FrozenInstanceError):
            del item.start
        with pytest.raises((dataclasses.FrozenInstanceError, AttributeError, TypeError)):
            item.other = 1
        assert not hasattr(item, "__dict__")


def test_to_dict_is_asdict_in_field_order_and_json_ready() -> None:
    for item in ITEMS:
        d = item.to_dict()
        assert d == dataclasses.asdict(item)
        assert list(d) == [f.name for f in dataclasses.fields(item)]
        assert json.loads(json.dumps(d)) == d
    doc = nuqta.analyze(PAGES[0])
    d = doc.to_dict()
    assert list(d) == [f.name for f in dataclasses.fields(doc)]
    assert d["lines"] == tuple(line.to_dict() for line in doc.lines)
    cleaned = nuqta.clean(PAGES[0])
    assert list(cleaned.to_dict()) == [f.name for f in dataclasses.fields(cleaned)]


def test_registration_takes_only_classes_with_the_fields_it_fills() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class OtherFields:
        text: str
        start: int
        end: int
        kind: str

    @dataclasses.dataclass(frozen=True, slots=True)
    class Longer(Entity):
        extra: int = 0

    class NotADataclass:
        pass

    wrongs: list[Any] = [OtherFields, Longer, NotADataclass]
    for wrong in wrongs:
        with pytest.raises(TypeError):
            _nuqta._use_result_classes(Line, NumberMention, wrong)
    # The classes already in use stay in use.
    _nuqta._use_result_classes(Line, NumberMention, Entity)
    assert nuqta.entities(PAGES[0]) == [rebuilt(e) for e in nuqta.entities(PAGES[0])]
    assert {type(e) for e in nuqta.entities(PAGES[0])} == {Entity}


@dataclasses.dataclass(frozen=True)
class TaggedLine(Line):
    """A user's subclass: one more field, and an instance dict."""

    tag: str = dataclasses.field(default="", kw_only=True)


def test_a_subclass_pickles_copies_and_turns_into_a_dict_with_its_own_fields() -> None:
    line = TaggedLine("سطر", 0, 3, True, "content", tag="x")
    assert line.to_dict() == dataclasses.asdict(line)
    assert line.to_dict()["tag"] == "x"
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(line, protocol))
        assert type(back) is TaggedLine
        assert back == line
        assert back.tag == "x"
    assert copy.copy(line) == line
    assert dataclasses.replace(line, tag="y").tag == "y"
