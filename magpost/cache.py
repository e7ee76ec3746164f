import logging
import os
import pickle
import sys
import threading
import time
from collections import OrderedDict

from redis.exceptions import RedisError

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger(__name__)


class PageFileCache(FileBasedCache):
    """Django's file cache, without zlib.

    Without Redis, whole pages are served from these files, and decompressing
    one costs a cache hit about a fifth of its time; local disk is cheaper
    than that CPU. Everything else is Django's FileBasedCache.
    """

    def get(self, key, default=None, version=None):
        try:
            with open(self._key_to_file(key, version), "rb") as f:
                if not self._is_expired(f):
                    return pickle.loads(f.read())
        except FileNotFoundError:
            pass
        return default

    def _write_content(self, file, timeout, value):
        file.write(
            pickle.dumps(self.get_backend_timeout(timeout), self.pickle_protocol)
        )
        file.write(pickle.dumps(value, self.pickle_protocol))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        value = self.get(key, version=version)
        if value is None:
            return False
        self.set(key, value, timeout, version)
        return True


class LocalCopies:
    """A worker's own copies of what it read from Redis, dropped the moment
    Redis says they changed.

    A cached page is read on every hit, and a round trip to Redis cost a hit
    a third of its time. So each worker process keeps what `get_many()` read
    under `prefix`, and holds one more connection on which Redis pushes the
    name of every key under `prefix` that anyone sets, deletes, or that
    expires (client-side caching: CLIENT TRACKING in broadcast mode, RESP3).
    Before each read the pushed names are taken off that connection and their
    copies dropped.

    Copies are used only while that connection is known to be up: it answers
    a PING at least once a second, and when it fails every copy goes and
    reads go to Redis until it is back. Copies never outlive their key in
    Redis and stay within `max_bytes`. A worker that changes a key drops its
    own copy at once; for the others, it waits for one more reply from
    Redis, by which time Redis has sent them the news.

    The lock guards the copies and the push connection; reads from Redis
    run outside it, and what they bring is kept only if no name was dropped
    meanwhile (`self.drops` counts them), since a push taken off the
    connection while a read was on its way is not sent again.
    """

    # More names than this in one go may mean Redis holds more still unsent:
    # then everything is dropped.
    most_names = 500
    # Seconds between PINGs on the push connection, and its socket timeout.
    check_every = 1.0
    # What a copy costs beyond its value's bytes: its key, tuple and entry.
    overhead = 300

    def __init__(self, connect, prefix, max_bytes):
        self.connect = connect  # Makes the push connection.
        self.prefix = prefix
        self.max_bytes = max_bytes
        self.lock = threading.Lock()
        self.copies = OrderedDict()  # key: (value, size, deadline)
        self.size = 0
        self.listener = None
        self.pid = os.getpid()
        self.next_try = 0.0  # After a failed connection, when to try again.
        self.checked = 0.0  # When the push connection last answered a PING.
        self.pushed = 0  # Names pushed in the current drain.
        self.drops = 0  # Times copies were dropped; see the class's notes.

    def get_many(self, keys, fetch):
        """The values of `keys`: copies where current, the rest `fetch(keys)`
        as {key: (value, size, seconds left or None)}."""
        values, missing, drops = {}, keys, None
        with self.lock:
            if self.listening():
                now, drops, missing = time.monotonic(), self.drops, []
                for key in keys:
                    copy = self.copies.get(key)
                    if copy is not None and copy[2] > now:
                        self.copies.move_to_end(key)
                        values[key] = copy[0]
                    else:
                        missing.append(key)
        if not missing:
            return values
        fetched = fetch(missing)
        with self.lock:
            keeping = self.drops == drops and self.listener is not None
            for key, (value, size, seconds) in fetched.items():
                values[key] = value
                if keeping and key.startswith(self.prefix):  # Only these are watched.
                    if seconds is None:
                        seconds = float("inf")
                    self.keep(key, value, size, now + seconds)
        return values

    def changed(self, keys=None):
        """This worker changed `keys` (all, if None) in Redis."""
        with self.lock:
            if keys is None:
                self.drop_all()
            for key in keys or ():
                self.drop(key)

    def listening(self):
        """Whether copies may be used: the push connection is up and drained."""
        if self.pid != os.getpid():  # A new worker: nothing is shared.
            self.listener, self.pid = None, os.getpid()
            self.drop_all()
        if self.listener is None and not self.listen():
            return False
        try:
            self.pushed = 0
            # redis-py would reconnect a closed connection, without tracking.
            if not self.listener.is_connected:
                raise ConnectionError("the push connection closed")
            while self.listener.can_read(timeout=0):
                self.listener.read_response(push_request=True)
            if time.monotonic() - self.checked > self.check_every:
                self.listener.send_command("PING")
                # Pushes sent before the PONG are handled on the way to it.
                while self.listener.read_response(push_request=True) != b"PONG":
                    pass
                self.checked = time.monotonic()
        except (RedisError, OSError):
            self.stop_listening()
            return False
        except BaseException:
            self.stop_listening()
            raise
        if self.pushed > self.most_names:
            self.drop_all()
        return True

    def listen(self):
        if time.monotonic() < self.next_try:
            return False
        listener = None
        try:
            listener = self.connect()
            listener.connect()
            listener._parser.set_invalidation_push_handler(self.on_push)
            listener.send_command(
                "CLIENT", "TRACKING", "ON", "BCAST", "PREFIX", self.prefix
            )
            listener.read_response()
        except Exception:  # Whatever it is, pages are then read from Redis.
            if listener is not None:
                listener.disconnect()
            self.next_try = time.monotonic() + self.check_every
            return False
        self.listener, self.checked = listener, time.monotonic()
        self.drop_all()  # Nothing read before now was watched.
        return True

    def stop_listening(self):
        self.listener.disconnect()
        self.listener = None
        self.next_try = time.monotonic() + self.check_every
        self.drop_all()

    def on_push(self, message):
        # redis-py logs and swallows what this raises: drop all, to be safe.
        try:
            names = message[1]
            if names is None:  # The database was flushed.
                self.drop_all()
                return
            self.pushed += len(names)
            for name in names:
                self.drop(name.decode(errors="replace"))
        except Exception:
            self.drop_all()
            raise

    def keep(self, key, value, size, deadline):
        self.forget(key)
        size = max(size, footprint(value)) + len(key) + self.overhead
        if size > self.max_bytes:
            return
        self.copies[key] = (value, size, deadline)
        self.size += size
        while self.size > self.max_bytes:
            _, (_, oldest, _) = self.copies.popitem(last=False)
            self.size -= oldest

    def drop(self, key):
        self.drops += 1
        self.forget(key)

    def forget(self, key):
        copy = self.copies.pop(key, None)
        if copy is not None:
            self.size -= copy[1]

    def drop_all(self):
        self.drops += 1
        self.copies.clear()
        self.size = 0


def footprint(value):
    """About how many bytes `value` takes in memory, with what the tuples,
    lists and dicts in it hold (text can take four bytes a character)."""
    size = sys.getsizeof(value)
    if isinstance(value, (tuple, list)):
        size += sum(map(footprint, value))
    elif isinstance(value, dict):
        size += sum(footprint(k) + footprint(v) for k, v in value.items())
    return size


# Django gives each thread its own cache object; copies are the process's.
_local_copies = {}
_local_copies_lock = threading.Lock()


def local_copies(server, pool, prefix, max_bytes):
    """The process's LocalCopies for `server` and `prefix`, made once."""

    def connect():
        options = pool.connection_kwargs
        # At most a second's wait: pages can always be read from Redis instead.
        timeout = min(options.get("socket_timeout") or 1.0, 1.0)
        options = {
            **options,
            "protocol": 3,
            "socket_timeout": timeout,
            "socket_connect_timeout": timeout,
        }
        return pool.connection_class(**options)

    with _local_copies_lock:
        key = (server, prefix, max_bytes)
        if key not in _local_copies:
            _local_copies[key] = LocalCopies(connect, prefix, max_bytes)
        return _local_copies[key]


class PageRedisClient(RedisCacheClient):
    """Django's Redis client, with one redis-py client per server and, when
    given `local_copies_bytes`, each worker's LocalCopies for `get_many()`.

    Django builds a new `redis.Redis` for every operation, which cost a page
    hit about a sixth of its time. The connection pool behind it is the same
    either way; redis-py clients are safe to share.
    """

    def __init__(self, servers, local_copies_bytes=0, tracked_prefix="", **options):
        super().__init__(servers, **options)
        self._clients = {}
        self.copies = None
        if local_copies_bytes:
            pool = self._get_connection_pool(write=True)
            self.copies = local_copies(
                servers[0], pool, tracked_prefix, local_copies_bytes
            )

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        if pool not in self._clients:
            self._clients[pool] = self._client(connection_pool=pool)
        return self._clients[pool]

    def get_many(self, keys):
        if self.copies is None:
            return super().get_many(keys)
        return self.copies.get_many(list(keys), self.fetch)

    def fetch(self, keys):
        """{key: (value, size, seconds left or None)} for the keys Redis holds."""
        pipeline = self.get_client().pipeline(transaction=False)
        pipeline.mget(keys)
        for key in keys:
            pipeline.pttl(key)
        values, *lives = pipeline.execute()
        return {
            key: (
                self._serializer.loads(value),
                len(value),
                None if life == -1 else max(life, 0) / 1000,
            )
            for key, value, life in zip(keys, values, lives)
            if value is not None
        }

    def changed(self, keys=None):
        """Drop this worker's copies of `keys`, then wait for one more reply:
        by then Redis has pushed the change to every other worker. The change
        is made either way, so a failed PING is only logged."""
        if self.copies is not None:
            self.copies.changed(keys)
            try:
                self.get_client(write=True).ping()
            except RedisError:
                logger.warning("Redis did not answer the PING after a change")

    def add(self, key, value, timeout):
        added = super().add(key, value, timeout)
        self.changed([key])
        return added

    def set(self, key, value, timeout):
        super().set(key, value, timeout)
        self.changed([key])

    def touch(self, key, timeout):
        touched = super().touch(key, timeout)
        self.changed([key])
        return touched

    def delete(self, key):
        deleted = super().delete(key)
        self.changed([key])
        return deleted

    def incr(self, key, delta):
        value = super().incr(key, delta)
        self.changed([key])
        return value

    def set_many(self, data, timeout):
        super().set_many(data, timeout)
        self.changed(list(data))

    def delete_many(self, keys):
        super().delete_many(keys)
        self.changed(list(keys))

    def clear(self):
        cleared = super().clear()
        self.changed()
        return cleared


class PageRedisCache(RedisCache):
    """Django's Redis cache with `PageRedisClient`.

    OPTIONS["LOCAL_COPIES_MB"] sets how much each worker keeps of what it
    read (see `LocalCopies`); 0 keeps nothing. Copies need one Redis server:
    with replicas, a read could be older than a change already announced.
    """

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = PageRedisClient
        options = dict(self._options)
        megabytes = options.pop("LOCAL_COPIES_MB", 0)
        if megabytes and len(self._servers) == 1:
            options["local_copies_bytes"] = megabytes * 2**20
            options["tracked_prefix"] = self.make_key("")
        self._options = options
