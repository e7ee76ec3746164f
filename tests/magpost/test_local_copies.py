"""Each worker's copies of cached pages follow every change Redis sees."""

import os
import time

import pytest
import redis

from magpost.cache import PageRedisCache

REDIS_URL = os.environ.get("REDIS_URL")

pytestmark = pytest.mark.skipif(
    not REDIS_URL, reason="local copies follow Redis: set REDIS_URL"
)


@pytest.fixture
def other():
    """Another Redis client, as another app server would be."""
    client = redis.Redis.from_url(REDIS_URL)
    yield client
    client.close()


def worker(megabytes=8):
    """A cache as one worker holds it, with keys of its own."""
    cache = PageRedisCache(
        REDIS_URL,
        {"KEY_PREFIX": "test-copies", "OPTIONS": {"LOCAL_COPIES_MB": megabytes}},
    )
    cache.clear()
    return cache


def commands_for(other, read):
    """How many commands Redis answered while `read()` ran, and its result."""
    before = other.info("stats")["total_commands_processed"]
    result = read()
    return other.info("stats")["total_commands_processed"] - before - 1, result


def test_a_page_read_again_is_answered_without_asking_redis(other):
    cache = worker()
    cache.set("page", "<html>", None)
    assert cache.get_many(["page"]) == {"page": "<html>"}
    count, found = commands_for(other, lambda: cache.get_many(["page"]))
    assert (count, found) == (0, {"page": "<html>"})


def test_a_change_made_elsewhere_is_seen_on_the_next_read(other):
    cache = worker()
    cache.set("version", 1, None)
    cache.get_many(["version"])
    other.set(cache.make_key("version"), 2)
    assert cache.get_many(["version"]) == {"version": 2}
    other.delete(cache.make_key("version"))
    assert cache.get_many(["version"]) == {}


def test_a_change_made_here_is_seen_at_once():
    cache, neighbour = worker(), worker()
    cache.set("version", 1, None)
    neighbour.get_many(["version"])
    cache.set("version", 2, None)
    assert cache.get_many(["version"]) == {"version": 2}
    assert neighbour.get_many(["version"]) == {"version": 2}


def test_a_copy_never_outlives_its_key():
    cache = worker()
    cache.set("page", "<html>", 1)
    assert cache.get_many(["page"]) == {"page": "<html>"}
    _, _, deadline = cache._cache.copies.copies[cache.make_key("page")]
    assert deadline - time.monotonic() <= 1
    time.sleep(1.1)
    assert cache.get_many(["page"]) == {}


def test_flushing_redis_drops_every_copy(other):
    cache = worker()
    cache.set("page", "<html>", None)
    cache.get_many(["page"])
    other.flushdb()
    assert cache.get_many(["page"]) == {}


def test_without_its_push_connection_a_worker_asks_redis_again(other):
    cache = worker()
    cache.set("version", 1, None)
    cache.get_many(["version"])
    listener = cache._cache.copies.listener
    listener.send_command("CLIENT", "ID")
    other.client_kill_filter(_id=listener.read_response())
    # Redis can no longer tell this worker, so it must not trust its copy.
    other.set(cache.make_key("version"), 2)
    assert cache.get_many(["version"]) == {"version": 2}
    # It listens again, and keeps copies again.
    cache.get_many(["version"])
    count, found = commands_for(other, lambda: cache.get_many(["version"]))
    assert (count, found) == (0, {"version": 2})


def test_too_many_changes_at_once_drop_every_copy(other):
    """Past a few hundred names, Redis may still hold more unsent."""
    cache = worker()
    cache.set("page", "<html>", None)
    cache.get_many(["page"])
    other.mset({cache.make_key(f"other-{n}"): n for n in range(600)})
    count, found = commands_for(other, lambda: cache.get_many(["page"]))
    assert count > 0 and found == {"page": "<html>"}


def test_copies_stay_within_their_memory():
    cache = worker(megabytes=1)
    pages = {f"page-{n}": "x" * 100_000 for n in range(30)}
    cache.set_many(pages, None)
    assert cache.get_many(list(pages)) == pages
    copies = cache._cache.copies
    assert copies.size <= 2**20
    assert "page-29" in {key.rsplit(":", 1)[1] for key in copies.copies}
