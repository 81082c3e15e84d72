"""The Arrow side of figcheck: string arrays in, record batches out.

The Rust code reads a ``large_string`` array's buffers and returns each
output column as ``(name, kind, length, null_count, validity, buffers)``;
here they become arrays with ``pyarrow.Array.from_buffers``.
"""

from __future__ import annotations

import warnings

import pyarrow as pa
import pyarrow.compute as pc

from . import FigcheckWarning, _figcheck

_TYPES = {"str": pa.large_string(), "i64": pa.int64(), "bool": pa.bool_()}


def _chunks(texts, what: str = "texts"):
    """The arrays of ``texts``, as ``large_string``."""
    if isinstance(texts, pa.ChunkedArray):
        chunks = list(texts.chunks)
        if not chunks:
            chunks = [pa.array([], type=pa.large_string())]
    elif isinstance(texts, pa.Array):
        chunks = [texts]
    elif isinstance(texts, (list, tuple)):
        chunks = [pa.array(texts, type=pa.large_string())]
    else:
        raise TypeError(f"{what}: expected a pyarrow string array or a list of str, not {type(texts).__name__}")
    out = []
    for c in chunks:
        t = c.type
        if pa.types.is_large_string(t):
            out.append(c)
        elif pa.types.is_string(t) or getattr(pa.types, "is_string_view", lambda _: False)(t):
            out.append(c.cast(pa.large_string()))
        elif pa.types.is_null(t):
            out.append(pa.nulls(len(c), type=pa.large_string()))
        else:
            raise TypeError(f"{what}: expected a string array, not {t}")
    return out


def _buffers(c: pa.Array):
    validity, offsets, data = c.buffers()
    return (
        None if validity is None or c.null_count == 0 else validity.to_pybytes(),
        offsets.to_pybytes(),
        b"" if data is None else data.to_pybytes(),
        c.offset,
        len(c),
    )


def _batch(columns) -> pa.RecordBatch:
    arrays, names = [], []
    for name, kind, length, nulls, validity, buffers in columns:
        bufs = [None if validity is None else pa.py_buffer(validity)]
        bufs += [pa.py_buffer(b) for b in buffers]
        arrays.append(pa.Array.from_buffers(_TYPES[kind], length, bufs, null_count=nulls))
        names.append(name)
    return pa.RecordBatch.from_arrays(arrays, names=names)


def _concat(batches) -> pa.RecordBatch:
    if len(batches) == 1:
        return batches[0]
    table = pa.Table.from_batches(batches).combine_chunks()
    return pa.RecordBatch.from_arrays(
        [col.chunk(0) if col.num_chunks else pa.array([], type=col.type) for col in table.columns],
        names=table.column_names,
    )


def _warn(messages) -> None:
    for m in messages:
        warnings.warn(FigcheckWarning(m), stacklevel=4)


def extract(texts, currency_hint=None) -> pa.RecordBatch:
    batches, first = [], 0
    for c in _chunks(texts):
        columns, messages = _figcheck.extract_columns(*_buffers(c), first, currency_hint)
        _warn(messages)
        batches.append(_batch(columns))
        first += len(c)
    return _concat(batches)


def _date_strings(dates, n: int):
    if isinstance(dates, (list, tuple)):
        dates = pa.array([None if d is None else str(d) for d in dates], type=pa.large_string())
    if isinstance(dates, pa.ChunkedArray):
        dates = dates.combine_chunks()
    if not isinstance(dates, pa.Array):
        raise TypeError(f"dates: expected a pyarrow array or a list, not {type(dates).__name__}")
    if len(dates) != n:
        raise ValueError(f"dates: {len(dates)} dates for {n} texts")
    t = dates.type
    if pa.types.is_date(t):
        dates = pc.strftime(dates.cast(pa.date32()).cast(pa.timestamp("s")), format="%Y-%m-%d")
    elif pa.types.is_null(t):
        dates = pa.nulls(n, type=pa.large_string())
    elif not (pa.types.is_string(t) or pa.types.is_large_string(t)):
        raise TypeError(f"dates: expected date32 or strings, not {t}")
    return dates.cast(pa.large_string())


def check(inner, texts, dates, documents: bool):
    chunks = _chunks(texts)
    n = sum(len(c) for c in chunks)
    all_dates = None if dates is None else _date_strings(dates, n)
    claims, docs, first = [], [], 0
    for c in chunks:
        d = None
        if all_dates is not None:
            v, o, data, off, _ = _buffers(all_dates.slice(first, len(c)))
            d = (v, o, data, off)
        columns, doc_columns, messages = inner.check_columns(*_buffers(c), first, d, documents)
        _warn(messages)
        claims.append(_batch(columns))
        if documents:
            docs.append(_batch(doc_columns))
        first += len(c)
    if documents:
        return _concat(claims), _concat(docs)
    return _concat(claims)
