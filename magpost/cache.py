import pickle

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient


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


class ReusedClient(RedisCacheClient):
    """Django's Redis client, keeping one redis-py client per server.

    Django builds a new `redis.Redis` for every operation, which cost a page
    hit about a sixth of its time. The connection pool behind it is the same
    either way; redis-py clients are safe to share.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        if pool not in self._clients:
            self._clients[pool] = self._client(connection_pool=pool)
        return self._clients[pool]


class PageRedisCache(RedisCache):
    """Django's Redis cache with a reused client (see `ReusedClient`)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClient
