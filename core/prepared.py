"""Reads whose SQL Django writes once per process, then runs with each call's values.

Turning a QuerySet into SQL costs Django more than running it: for the small reads
every page of a person makes (today's entries, their named skills, the activities
due), building the query took 0.3-0.7 ms of CPU each, against 0.1-0.2 to run it and
make the rows. A PreparedRead asks Django for the SQL once per process and database,
from the same QuerySet code a page would use (so its columns, joins and order follow
the models), finds where each value goes in it, and from then on hands Django's own
row-making (the QuerySet's iterable: select_related, annotations, values_list and
every field's conversion, decryption included) that SQL with each call's values: the
same rows as ``list(queryset)``, no SQL written by hand, every value a parameter.

Where each value goes is found by building the query twice, with two different
samples of every value: a parameter that changes between the two must be exactly
one of the values, or the read refuses to prepare (ImproperlyConfigured), so a
value the SQL transforms, or one Django adapts in a way not recognised here, can
never be frozen into the SQL. Parameters that do not change are the query's own
constants (a status, a flag) and are kept.

Limits, checked when preparing: values that are integers, dates, aware date-times
or strings; no
prefetch_related() (it would need queries of its own); the result is a list.
"""

import copy
import datetime
import threading
from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import QuerySet


def _probe(value):
    """Another value of the same kind, different from ``value``."""
    if isinstance(value, bool):
        raise ImproperlyConfigured("A prepared read takes no booleans as values.")
    if isinstance(value, int):
        return value + 1
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            raise ImproperlyConfigured("A prepared read takes aware date-times.")
        return value + datetime.timedelta(seconds=1)
    if isinstance(value, datetime.date):
        return value + datetime.timedelta(days=1)
    if isinstance(value, str):
        return value + "~"
    raise ImproperlyConfigured(
        "A prepared read takes integers, dates, date-times or strings, "
        f"not {type(value)}."
    )


def _forms(value, ops) -> list[tuple]:
    """(how, value as the driver may be given it): as it is, as text, or adapted
    as Django adapts a date or a date-time for this database."""
    forms = [(None, value), (str, str(value))]
    if isinstance(value, datetime.datetime):
        forms.append((ops.adapt_datetimefield_value, None))
    elif isinstance(value, datetime.date):
        forms.append((ops.adapt_datefield_value, None))
    return [(how, how(value) if form is None else form) for how, form in forms]


class PreparedRead:
    """``build(*values)`` returns the QuerySet to run; ``samples`` are one value of
    each kind, all different. Calling the read with values returns the list of rows
    that ``list(build(*values))`` would."""

    def __init__(self, build: Callable[..., QuerySet], *samples):
        if len(set(map(repr, samples))) != len(samples):
            raise ImproperlyConfigured("A prepared read's samples must all differ.")
        self.build = build
        self.samples = samples
        self.probes = tuple(_probe(sample) for sample in samples)
        self._prepared: dict[str, tuple] = {}
        self._lock = threading.Lock()

    def _compile(self, values, using):
        queryset = self.build(*values)
        if queryset._prefetch_related_lookups:
            raise ImproperlyConfigured(
                "A prepared read is one query: no prefetch_related()."
            )
        compiler = queryset.query.get_compiler(using=using)
        sql, params = compiler.as_sql()
        return queryset, compiler, sql, list(params)

    def _prepare(self, using: str) -> tuple:
        queryset, compiler, sql, params = self._compile(self.samples, using)
        probes = self.probes
        _queryset, _compiler, probe_sql, probe_params = self._compile(probes, using)
        if probe_sql != sql or len(probe_params) != len(params):
            raise ImproperlyConfigured("A prepared read's SQL changed with its values.")
        places = []
        for parameter, probed in zip(params, probe_params, strict=True):
            if parameter == probed:
                places.append((None, parameter, None))  # the query's own constant
                continue
            ops = connections[using].ops
            found = {
                (index, how)
                for index, (sample, probe) in enumerate(
                    zip(self.samples, probes, strict=True)
                )
                for how, form in _forms(sample, ops)
                if parameter == form and probed == (how(probe) if how else probe)
            }
            if len({index for index, _how in found}) != 1:
                raise ImproperlyConfigured(
                    "A prepared read passes each value to the database as it is: "
                    f"parameter {parameter!r} is none of them."
                )
            # Any of the ways found gives this parameter: the plainest.
            index, how = min(found, key=lambda pair: pair[1] is not None)
            places.append((index, None, how))
        return queryset, compiler, sql, places

    def __call__(self, *values, using: str = DEFAULT_DB_ALIAS) -> list:
        if len(values) != len(self.samples):
            raise TypeError(f"expected {len(self.samples)} values, got {len(values)}")
        key = f"{using}:{connections[using].vendor}"
        prepared = self._prepared.get(key)
        if prepared is None:
            with self._lock:
                prepared = self._prepared.get(key) or self._prepare(using)
                self._prepared[key] = prepared
        queryset, compiler, sql, places = prepared
        params = tuple(
            constant
            if index is None
            else (cast(values[index]) if cast else values[index])
            for index, constant, cast in places
        )
        # The compiler that wrote the SQL knows how to make its rows (it ran once
        # with the samples): a copy of it, on this thread's connection, gives the
        # QuerySet's own iterable the SQL with these values.
        run = copy.copy(compiler)
        run.connection = connections[using]
        run.as_sql = lambda *args, **kwargs: (sql, params)
        fresh = queryset.using(using)
        fresh.query.get_compiler = lambda *args, **kwargs: run
        return list(fresh._iterable_class(fresh))
