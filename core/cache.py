"""Django's database cache, with an increment that cannot lose a count.

Rate limits count in the cache (django-ratelimit adds a key, then increments it). Django's
DatabaseCache increments by reading the value and writing it back, so two requests at once
both write the same number and a burst of guesses counts as fewer. Here the row is locked
first, with an update that changes nothing, so concurrent increments take turns on
PostgreSQL (a row lock) and on SQLite (the write lock) alike.
"""

import base64
import pickle

from asgiref.sync import sync_to_async
from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import connections, models, router, transaction
from django.utils.timezone import now


class DatabaseCache(DjangoDatabaseCache):
    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        quote = connection.ops.quote_name
        table, key_column = quote(self._table), quote("cache_key")
        value_column, expires_column = quote("value"), quote("expires")
        with transaction.atomic(using=db), connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET {expires_column} = {expires_column} "  # noqa: S608
                f"WHERE {key_column} = %s",
                [key],
            )
            cursor.execute(
                f"SELECT {value_column}, {expires_column} FROM {table} "  # noqa: S608
                f"WHERE {key_column} = %s",
                [key],
            )
            row = cursor.fetchone()
            if row is None or self._expires(connection, row[1]) < now():
                raise ValueError(f"Key '{key}' not found")
            stored = connection.ops.process_clob(row[0])
            value = pickle.loads(base64.b64decode(stored.encode())) + delta  # noqa: S301
            encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
            cursor.execute(
                f"UPDATE {table} SET {value_column} = %s WHERE {key_column} = %s",  # noqa: S608
                [encoded, key],
            )
        return value

    async def aincr(self, key, delta=1, version=None):
        return await sync_to_async(self.incr)(key, delta, version)

    @staticmethod
    def _expires(connection, expires):
        # As Django's DatabaseCache reads it: aware or naive depending on the database.
        expression = models.Expression(output_field=models.DateTimeField())
        for converter in connection.ops.get_db_converters(
            expression
        ) + expression.get_db_converters(connection):
            expires = converter(expires, expression, connection)
        return expires
