"""The store the rate limits count in when there is no Redis: the database every worker and instance shares.

Django's DatabaseCache increments with a read and a write (BaseCache.incr), which loses counts when two
workers increment at once and resets the entry's expiry to the default five minutes, so an hour's limit
would start again every five minutes. This backend increments under a lock and keeps the expiry.
The table is created by the migration kommuneportal 0003, so `migrate` is all it needs.
"""

import base64
import logging
import pickle

from django.core.cache.backends.db import DatabaseCache
from django.core.cache.backends.redis import RedisCache
from django.db import connections, router, transaction
from django.utils.timezone import now
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

LIMITS_TABLE = "kommuneportal_limits"


class CounterDatabaseCache(DatabaseCache):
    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        name = connection.ops.quote_name
        table, cache_key, value, expires = (name(n) for n in (self._table, "cache_key", "value", "expires"))
        live = connection.ops.adapt_datetimefield_value(now().replace(microsecond=0))
        with transaction.atomic(using=db), connection.cursor() as cursor:
            # A write that changes nothing, first: it takes the row's lock (PostgreSQL) or the database's
            # write lock (SQLite), so a second worker's increment waits for this one instead of reading
            # the same old count.
            cursor.execute(f"UPDATE {table} SET {expires} = {expires} WHERE {cache_key} = %s AND {expires} > %s",
                           [key, live])
            if cursor.rowcount != 1:
                raise ValueError(f"Key '{key}' not found.")
            cursor.execute(f"SELECT {value} FROM {table} WHERE {cache_key} = %s", [key])
            stored = connection.ops.process_clob(cursor.fetchone()[0])
            count = pickle.loads(base64.b64decode(stored.encode())) + delta
            encoded = base64.b64encode(pickle.dumps(count, self.pickle_protocol)).decode("latin1")
            cursor.execute(f"UPDATE {table} SET {value} = %s WHERE {cache_key} = %s", [encoded, key])
        return count


class CounterRedisCache(RedisCache):
    """Redis for the counts when REDIS_URL is set. A Redis that does not answer makes the limits count
    nothing for that request (logged; RATELIMIT_FAIL_OPEN lets the form through) instead of a 500."""

    def add(self, *args, **kwargs):
        try:
            return super().add(*args, **kwargs)
        except RedisError as error:
            logger.warning("Rate limits not counted: Redis did not answer (%s)", error)
            return False

    def incr(self, *args, **kwargs):
        try:
            return super().incr(*args, **kwargs)
        except RedisError as error:
            raise ValueError("Redis did not answer") from error

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except RedisError:
            return default
