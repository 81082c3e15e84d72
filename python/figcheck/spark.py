"""figcheck on Apache Spark: DataFrames of documents in, one row per mention
or claim out, built on ``DataFrame.mapInArrow`` (each Arrow batch goes
through :func:`figcheck.extract_arrow` or :meth:`figcheck.Checker.check_arrow`
on the executors, with no Python object per row).

The output keeps the input's key columns (by default every column but the
text), repeated on each of the document's rows, followed by the mention's or
claim's columns. Spark types only: ``long`` for offsets, ``string`` for exact
decimals (the JSON's text; cast to ``DecimalType`` where your figures fit),
``boolean`` for flags; ``diagnosis_kind``, ``ledger`` and ``evidence`` as
JSON text (``from_json`` reads them).

The ledger, aliases and FX tables are loaded once on the driver (so that a
bad row raises there, with its file, line and column), and shipped to the
executors once: files as their bytes in a broadcast variable (each keeps its
name, so reports name the file as on the driver), ledger directories and
zips with ``SparkContext.addFile``. Each Python worker builds its checker
once and keeps it for every batch.

Every executor needs the ``figcheck`` wheel installed (see
``python/README.md``).
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

_MENTION_FIELDS = [
    ("kind", "string"),
    ("start", "long"),
    ("end", "long"),
    ("char_start", "long"),
    ("char_end", "long"),
    ("line", "long"),
    ("column", "long"),
    ("text", "string"),
    ("value", "string"),
    ("min", "string"),
    ("max", "string"),
    ("currency", "string"),
    ("approx", "boolean"),
    ("bound", "string"),
    ("inclusive", "boolean"),
    ("strong", "boolean"),
    ("points", "boolean"),
    ("precision", "string"),
]
_CLAIM_FIELDS = _MENTION_FIELDS + [
    ("entity", "string"),
    ("metric", "string"),
    ("period", "string"),
    ("verdict", "string"),
    ("reason", "string"),
    ("diagnosis", "string"),
    ("diagnosis_kind", "string"),
    ("ledger", "string"),
    ("difference", "string"),
    ("relative_difference", "string"),
    ("evidence", "string"),
]


def _schema(df, keys, fields):
    from pyspark.sql.types import BooleanType, LongType, StringType, StructField, StructType

    types = {"string": StringType(), "long": LongType(), "boolean": BooleanType()}
    names = {n for n, _ in fields}
    clash = [k for k in keys if k in names]
    if clash:
        raise ValueError(
            f"key columns {clash} have the names of output columns: rename them or pass keys=[...]"
        )
    key_fields = [df.schema[k] for k in keys]
    # a key column is repeated on every row of its document
    return StructType(key_fields + [StructField(n, types[t], True) for n, t in fields])


def _keys(df, text_col, keys):
    if text_col not in df.columns:
        raise ValueError(f"no column {text_col!r} in {df.columns}")
    if keys is None:
        return [c for c in df.columns if c != text_col]
    keys = list(keys)
    missing = [k for k in keys if k not in df.columns]
    if missing:
        raise ValueError(f"no columns {missing} in {df.columns}")
    return keys


def _rows(batch, keys, found, fields):
    """The key columns of ``batch`` repeated for each row of ``found``
    (whose ``doc`` indexes the batch), then ``found``'s columns, as the
    Spark schema's Arrow types (``string``, not ``large_string``)."""
    import pyarrow as pa

    doc = found.column("doc")
    arrays = [batch.column(k).take(doc) for k in keys]
    for name, t in fields:
        col = found.column(name)
        arrays.append(col.cast(pa.string()) if t == "string" else col)
    return pa.RecordBatch.from_arrays(arrays, names=list(keys) + [n for n, _ in fields])


def extract(df, text_col: str = "text", keys=None, currency_hint: str | None = None):
    """One row per mention of every document of ``df``: the key columns
    (``keys``, by default every column but ``text_col``), then the columns of
    :func:`figcheck.extract_arrow` but ``doc``."""
    keys = _keys(df, text_col, keys)
    schema = _schema(df, keys, _MENTION_FIELDS)
    if currency_hint is not None:
        # a bad code raises here, on the driver
        import figcheck

        figcheck.extract("", currency_hint=currency_hint)

    def run(batches):
        import figcheck

        for b in batches:
            found = figcheck.extract_arrow(b.column(text_col), currency_hint)
            yield _rows(b, keys, found, _MENTION_FIELDS)

    return df.select(*dict.fromkeys(keys + [text_col])).mapInArrow(run, schema)


def _ship(spark, tables):
    """What the executors need to load the tables: files as ``(name,
    bytes)``, directories and zips as ``("addfile", path, name)`` after
    ``addFile``."""
    shipped = []
    for name in tables:
        p = Path(name)
        if p.is_dir() or p.suffix.lower() == ".zip":
            spark.sparkContext.addFile(str(p.resolve()), recursive=p.is_dir())
            shipped.append(("addfile", name, p.resolve().name))
        else:
            shipped.append(("bytes", name, p.read_bytes()))
    return shipped


def _unship(item):
    kind, name, payload = item
    if kind == "bytes":
        return (name, payload)
    # the same path where it exists (a shared file system, local mode),
    # else the copy that addFile put on this executor
    if os.path.exists(name):
        return name
    from pyspark import SparkFiles

    return SparkFiles.get(payload)


_CHECKERS: dict = {}


def _checker(key, tables):
    """This worker's checker for the broadcast ``tables`` (built once)."""
    import figcheck

    c = _CHECKERS.get(key)
    if c is None:
        t = tables.value
        c = figcheck.Checker(
            [_unship(x) for x in t["ledger"]],
            aliases=None if t["aliases"] is None else _unship(t["aliases"]),
            fx=None if t["fx"] is None else _unship(t["fx"]),
            tolerance=t["tolerance"],
            currency_hint=t["currency_hint"],
        )
        _CHECKERS[key] = c
    return c


def _paths(x):
    if isinstance(x, (str, os.PathLike)):
        return [os.fspath(x)]
    return [os.fspath(p) for p in x]


def check(
    df,
    text_col: str = "text",
    date_col: str | None = None,
    *,
    ledger,
    aliases=None,
    fx=None,
    tolerance=None,
    currency_hint: str | None = None,
    keys=None,
):
    """One row per claim of every document of ``df``, checked against
    ``ledger`` (paths, as :class:`figcheck.Checker` takes them): the key
    columns (``keys``, by default every column but ``text_col``), then the
    columns of :meth:`figcheck.Checker.check_arrow` but ``doc``.

    ``date_col`` names a column of article dates (``date`` or ISO
    ``string``; null for none), as a JSON Lines document's ``"date"``.

    Raises :class:`figcheck.FigcheckError` on the driver for a bad table.
    """
    import figcheck

    keys = _keys(df, text_col, keys)
    if date_col is not None and date_col not in df.columns:
        raise ValueError(f"no column {date_col!r} in {df.columns}")
    ledgers = _paths(ledger)
    # load once here: bad tables raise on the driver, with their places
    figcheck.Checker(ledgers, aliases=aliases, fx=fx, tolerance=tolerance, currency_hint=currency_hint)
    spark = df.sparkSession
    tables = spark.sparkContext.broadcast(
        {
            "ledger": _ship(spark, ledgers),
            "aliases": None if aliases is None else _ship(spark, _paths(aliases))[0],
            "fx": None if fx is None else _ship(spark, _paths(fx))[0],
            "tolerance": None if tolerance is None else str(tolerance),
            "currency_hint": currency_hint,
        }
    )
    schema = _schema(df, keys, _CLAIM_FIELDS)
    key = uuid.uuid4().hex

    def run(batches):
        checker = _checker(key, tables)
        for b in batches:
            dates = None if date_col is None else b.column(date_col)
            found = checker.check_arrow(b.column(text_col), dates)
            yield _rows(b, keys, found, _CLAIM_FIELDS)

    cols = keys + [text_col] + ([date_col] if date_col else [])
    return df.select(*dict.fromkeys(cols)).mapInArrow(run, schema)
