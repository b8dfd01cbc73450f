"""The per-process cache of pieces the same for everyone (core/memory_cache.py)."""

import pytest
import time_machine
from django.core.cache import caches
from django.utils.safestring import SafeString

from core.memory_cache import TextMemoryCache


@pytest.fixture
def kept():
    cache = TextMemoryCache("test-text-memory", {"OPTIONS": {"MAX_ENTRIES": 3}})
    cache.clear()
    yield cache
    cache.clear()


def test_the_pieces_the_same_for_everyone_are_kept_in_it():
    assert isinstance(caches["shared_fragments"], TextMemoryCache)


def test_text_is_kept_as_it_is_and_read_back(kept):
    menu = SafeString("<nav>Menu</nav>")

    kept.set("menu", menu, 60)

    assert kept.get("menu") is menu
    assert kept.get_many(["menu", "footer"]) == {"menu": menu}
    assert kept.get("footer", "nothing") == "nothing"


def test_anything_but_text_is_refused(kept):
    with pytest.raises(TypeError):
        kept.set("choices", ["a", "b"], 60)
    with pytest.raises(TypeError):
        kept.add("choices", {"a": 1}, 60)
    with pytest.raises(TypeError):
        kept.incr("count")

    assert kept.get("choices") is None


def test_a_piece_is_forgotten_when_its_time_is_up(kept):
    with time_machine.travel("2026-12-08 10:00:00+00:00", tick=False) as clock:
        kept.set("menu", "<nav></nav>", 60)
        assert kept.add("menu", "<nav>other</nav>", 60) is False

        clock.shift(61)

        assert kept.get("menu") is None
        assert kept.add("menu", "<nav>new</nav>", 60) is True
        assert kept.get("menu") == "<nav>new</nav>"


def test_the_oldest_pieces_make_room_for_new_ones(kept):
    for number in range(6):
        kept.set(f"piece-{number}", f"<p>{number}</p>", 60)

    assert kept.get("piece-5") == "<p>5</p>"
    assert kept.get("piece-0") is None
