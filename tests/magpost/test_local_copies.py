"""Each worker's copies of cached pages follow every change Redis sees."""

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from urllib.parse import urlsplit

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


def worker(name="worker", megabytes=8, url=REDIS_URL):
    """The cache as one worker process holds it, under keys of its own.

    Copies are kept per process and server, so each name stands for a
    process of its own."""
    cache = PageRedisCache(
        f"{url}{'&' if '?' in url else '?'}client_name={name}",
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
    cache, neighbour = worker("one"), worker("two")
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


def test_a_name_that_is_not_text_does_not_hide_the_others(other):
    cache = worker()
    cache.set("version", 1, None)
    cache.get_many(["version"])
    not_text = cache.make_key("x").encode() + b"\xff"
    other.mset({not_text: 0, cache.make_key("version"): 2})
    assert cache.get_many(["version"]) == {"version": 2}


def test_keys_outside_the_watched_prefix_are_never_kept(other):
    """Redis is asked about version 1 of the cache's keys only."""
    cache = worker()
    cache.set("page", "<html>", None, version=2)
    cache.get_many(["page"], version=2)
    other.set(cache.make_key("page", version=2), 5)
    assert cache.get_many(["page"], version=2) == {"page": 5}


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
    # A second later it listens again, and keeps copies again.
    time.sleep(cache._cache.copies.check_every)
    cache.get_many(["version"])
    count, found = commands_for(other, lambda: cache.get_many(["version"]))
    assert (count, found) == (0, {"version": 2})


class SilentLink:
    """A relay to Redis that can cut one connection without the worker
    hearing it, as a lost NAT entry or a dead host does: Redis sees the
    connection close, the worker sees nothing more."""

    def __init__(self, url):
        parts = urlsplit(url)
        self.upstream = (parts.hostname, parts.port or 6379)
        self.server = socket.create_server(("127.0.0.1", 0))
        self.url = parts._replace(netloc=f"127.0.0.1:{self.server.getsockname()[1]}")
        self.links = {}
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            near, (_, port) = self.server.accept()
            far = socket.create_connection(self.upstream)
            self.links[port] = far
            for source, target in ((near, far), (far, near)):
                threading.Thread(
                    target=self.relay, args=(source, target), daemon=True
                ).start()

    def relay(self, source, target):
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass

    def cut(self, port):
        self.links[port].shutdown(socket.SHUT_RDWR)


def test_a_push_connection_gone_silent_is_given_up_within_seconds(other):
    link = SilentLink(REDIS_URL)
    cache = worker("behind-a-link", url=link.url.geturl())
    cache.set("version", 1, None)
    cache.get_many(["version"])
    copies = cache._cache.copies
    link.cut(copies.listener._sock.getsockname()[1])
    other.set(cache.make_key("version"), 2)
    # Its next PING goes unanswered: the worker stops trusting its copies.
    time.sleep(copies.check_every)
    assert cache.get_many(["version"]) == {"version": 2}


def test_too_many_changes_at_once_drop_every_copy(other):
    """Past a few hundred names, Redis may still hold more unsent."""
    cache = worker()
    cache.set("page", "<html>", None)
    cache.get_many(["page"])
    other.mset({cache.make_key(f"other-{n}"): n for n in range(600)})
    count, found = commands_for(other, lambda: cache.get_many(["page"]))
    assert count > 0 and found == {"page": "<html>"}


def test_copies_stay_within_their_memory():
    """Counted as they are held: text with one emoji takes four bytes a
    character, not the one byte most of its characters take in Redis."""
    cache = worker("small", megabytes=1)
    pages = {f"page-{n}": "🐝" + "x" * 100_000 for n in range(30)}
    cache.set_many(pages, None)
    assert cache.get_many(list(pages)) == pages
    copies = cache._cache.copies
    held = sum(sys.getsizeof(value) for value, _, _ in copies.copies.values())
    assert held <= copies.size <= 2**20
    assert "page-29" in {key.rsplit(":", 1)[1] for key in copies.copies}


def test_a_worker_idle_through_thousands_of_changes_reads_them_all(other):
    cache = worker()
    cache.set("version", 1, None)
    cache.get_many(["version"])
    time.sleep(cache._cache.copies.check_every)  # Its next read checks in.
    for n in range(3000):  # One at a time: each is pushed on its own.
        other.set(cache.make_key(f"page-{n}"), n)
    other.set(cache.make_key("version"), 2)
    assert cache.get_many(["version"]) == {"version": 2}


def test_a_read_that_crossed_a_change_is_not_kept(other):
    """A change taken off the push connection while a read was on its way
    may be about what that read brings; it is not announced again."""
    cache = worker()
    cache.set("version", 1, None)
    copies, client = cache._cache.copies, cache._cache

    def fetch_while_something_changes(keys):
        found = client.fetch(keys)
        copies.changed([cache.make_key("something-else")])
        return found

    key = cache.make_key("version")
    assert copies.get_many([key], fetch_while_something_changes)[key] == 1
    assert key not in copies.copies


@pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server")
def test_a_redis_on_a_unix_socket_serves_copies_too(tmp_path):
    path = tmp_path / "redis.sock"
    server = subprocess.Popen(
        ["redis-server", "--port", "0", "--unixsocket", str(path), "--save", ""],
        stdout=subprocess.DEVNULL,
    )
    try:
        for _ in range(50):
            if path.exists():
                break
            time.sleep(0.1)
        cache = worker("on-a-socket", url=f"unix://{path}")
        cache.set("page", "<html>", None)
        assert cache.get_many(["page"]) == {"page": "<html>"}
        assert cache._cache.copies.listener is not None
        assert cache.make_key("page") in cache._cache.copies.copies
    finally:
        server.terminate()
        server.wait()
