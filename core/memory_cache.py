"""The cache of pieces that are the same for everyone, in each process's memory.

Django's LocMemCache, with two costs taken off every read: it pickles what it
keeps and unpickles it on each read (so a reader never shares a mutable object
with the next one), and it checks every character of every key for memcached's
sake. The pieces kept here (core/fragments.py's LOCAL: the menu, the footer, a
blank form, a guide page) are text, which cannot be changed in place, and their
keys are made by fragments.key() (a name, a version and a hash): kept as they
are, a read is a dictionary lookup. Every page reads five or more of them.

Only text may be kept: ``set`` refuses anything else, so a list or a dict is
never shared between requests by mistake.
"""

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache


class TextMemoryCache(LocMemCache):
    """LocMemCache for text only, kept as it is (see the module's docstring)."""

    def get(self, key, default=None, version=None):
        key = self.make_key(key, version)
        with self._lock:
            if self._has_expired(key):
                self._delete(key)
                return default
            value = self._cache[key]
            self._cache.move_to_end(key, last=False)
        return value

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if not isinstance(value, str):
            raise TypeError(f"Only text is kept here, not {type(value).__name__}.")
        key = self.make_key(key, version)
        with self._lock:
            self._set(key, value, timeout)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if not isinstance(value, str):
            raise TypeError(f"Only text is kept here, not {type(value).__name__}.")
        key = self.make_key(key, version)
        with self._lock:
            if self._has_expired(key):
                self._set(key, value, timeout)
                return True
            return False

    def incr(self, key, delta=1, version=None):
        raise TypeError("Only text is kept here: nothing to count.")
