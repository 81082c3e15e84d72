"""figcheck: find, normalize and fact-check the money figures in news text.

Chinese (simplified and traditional), English and mixed text. The engine is
the Rust crate ``figcheck``; this package calls it in-process.

>>> import figcheck
>>> m = figcheck.extract("OpenAI 将投资 5000 亿美元")[0]
>>> m["text"], m["value"], m["currency"], (m["start"], m["end"]), (m["char_start"], m["char_end"])
('5000 亿美元', Decimal('500000000000'), 'USD', (17, 31), (11, 19))

- :func:`extract` gives the mentions of one text, as dicts with exactly the
  fields of ``figcheck extract --format json`` plus ``char_start`` and
  ``char_end`` (``start``/``end`` are byte offsets into the UTF-8 text, as in
  the CLI; Python slices strings by character: ``text[m["char_start"]:m["char_end"]]``).
- :class:`Checker` loads a ledger (CSV, companyfacts JSON, a directory of
  them, SEC's ``companyfacts.zip``) once; :meth:`Checker.check` gives the
  JSON report of ``figcheck check --format json`` as a dict.
- :func:`extract_arrow` and :meth:`Checker.check_arrow` take a
  ``pyarrow`` string array and return a ``pyarrow.RecordBatch`` with one row
  per mention or claim and its document's row index (``doc``), without a
  Python object per mention and without holding the GIL while Rust runs.
- :mod:`figcheck.spark` runs both on Spark DataFrames (``mapInArrow``).

Exact values are :class:`decimal.Decimal` in the dict API: the JSON's exact
decimal strings (``"500000000000"``, never exponent notation) read with
``Decimal(str)``, so no value goes through a float. In Arrow batches they stay
strings (the JSON's own text): an Arrow or Spark decimal has at most 38 digits
and one scale per column, which not every figure fits; cast where yours do.

Bad input raises :class:`FigcheckError` (a ``ValueError``) whose message is the
CLI's (``ledger.csv:14:3: invalid amount "12,3.4": expected three digits after
','``), one line per problem, with ``path``, ``line`` and ``column`` of the
first and ``errors``, all of them. A figure too large to represent is not an
error of the document: it is reported with a :class:`FigcheckWarning` (and in
``check``'s ``errors``), as the CLI reports it, and the rest is extracted.
"""

from __future__ import annotations

import datetime as _dt
import json as _json
import os as _os
import warnings as _warnings
from decimal import Decimal as _Decimal

from . import _figcheck
from ._figcheck import FigcheckError, __version__

__all__ = [
    "Checker",
    "FigcheckError",
    "FigcheckWarning",
    "extract",
    "extract_arrow",
    "parse_numeral",
    "__version__",
]


class FigcheckWarning(UserWarning):
    """A problem the CLI reports and goes on after: a figure too large to
    represent (``line:column: message``), a ledger table's notice, or a
    problem of a companyfacts file read from a directory or zip when an
    article first named its company."""


_MENTION_DECIMALS = ("value", "min", "max", "precision")
_CLAIM_DECIMALS = ("difference", "relative_difference")
_LEDGER_DECIMALS = ("value", "fx_rate", "converted_value")
_RESTATED_DECIMALS = ("first_value", "latest_value")


def _decimals(d: dict, keys) -> None:
    for k in keys:
        v = d.get(k)
        if v is not None:
            d[k] = _Decimal(v)


def _mention(m: dict, span) -> dict:
    _decimals(m, _MENTION_DECIMALS)
    m["char_start"], m["char_end"] = span
    return m


def _claim(c: dict, span) -> dict:
    _mention(c, span)
    _decimals(c, _CLAIM_DECIMALS)
    ledger = c.get("ledger")
    if ledger is not None:
        _decimals(ledger, _LEDGER_DECIMALS)
        restated = ledger.get("restated")
        if restated is not None:
            _decimals(restated, _RESTATED_DECIMALS)
    return c


def _warn(messages, stacklevel: int = 3) -> None:
    for m in messages:
        _warnings.warn(FigcheckWarning(m), stacklevel=stacklevel)


def extract(text: str, currency_hint: str | None = None) -> list[dict]:
    """The mentions of ``text``, in text order.

    Each is a dict with the fields of ``figcheck extract --format json``
    (``kind``, ``start``, ``end``, ``line``, ``column``, ``text``, ``value``,
    ``min``, ``max``, ``currency``, ``approx``, ``bound``, ``inclusive``,
    ``strong``, ``points``, ``precision``), exact values as ``Decimal``, and
    ``char_start``/``char_end``, the span in characters. ``currency_hint`` (an
    ISO code) sets the currency of ambiguous marks (``$``, 元, ¥), as
    ``--currency-hint`` does.

    Raises :class:`FigcheckError` for an unknown currency code.
    """
    raw, spans, warnings = _figcheck.extract_json(text, currency_hint)
    _warn(warnings)
    return [_mention(m, s) for m, s in zip(_json.loads(raw), spans)]


def parse_numeral(s: str) -> _Decimal:
    """One Chinese or Arabic numeral (``"三千五百万"``, ``"1,100.9"``,
    ``"负一又二分之一"``) as an exact ``Decimal``.

    Raises :class:`FigcheckError` when ``s`` is not one numeral.
    """
    return _Decimal(_figcheck.parse_numeral(s))


def _source(x, what: str):
    """A table argument as ``(name, bytes or None)``."""
    if isinstance(x, tuple) and len(x) == 2 and isinstance(x[1], (bytes, bytearray, memoryview)):
        return (str(x[0]), bytes(x[1]))
    if isinstance(x, (str, _os.PathLike)):
        return (_os.fspath(x), None)
    raise TypeError(f"{what}: expected a path or a (name, bytes) pair, not {type(x).__name__}")


def _tolerance(t) -> str | None:
    if t is None:
        return None
    if isinstance(t, float):
        raise TypeError("tolerance: a float is not exact: give a str ('0.05', '5%') or a Decimal")
    if isinstance(t, (str, _Decimal, int)):
        return str(t)
    raise TypeError(f"tolerance: expected a str or Decimal, not {type(t).__name__}")


def _date(d) -> str | None:
    if d is None:
        return None
    if isinstance(d, _dt.datetime):
        raise TypeError("date: expected a datetime.date or 'YYYY-MM-DD', not a datetime")
    if isinstance(d, _dt.date):
        return d.isoformat()
    if isinstance(d, str):
        return d
    raise TypeError(f"date: expected a datetime.date or 'YYYY-MM-DD', not {type(d).__name__}")


class Checker:
    """A ledger, aliases and FX rates, loaded once, and the verdict rules.

    ``ledger`` is one path or a list of them: ledger CSVs, companyfacts JSON
    files, directories of them, SEC's ``companyfacts.zip`` (each as
    ``--ledger`` takes it). ``aliases`` and ``fx`` are CSV paths as
    ``--aliases`` and ``--fx`` take them. A table may also be given as a
    ``(name, bytes)`` pair, the file's contents (``name`` then says how it is
    read, by extension, and names it in messages and reports).
    ``tolerance`` is ``--tolerance`` (``"0.05"``, ``"5%"`` or a ``Decimal``);
    ``currency_hint`` is ``--currency-hint``.

    Loading is strict: any bad row of any table raises :class:`FigcheckError`
    listing every problem with its file, line and column (the CLI reports
    them and checks with the good rows; here nothing is left out silently).
    Notices (repeated rows merged, …) are in :attr:`notices` and are warned
    about once.
    """

    def __init__(self, ledger, aliases=None, fx=None, tolerance=None, currency_hint=None):
        ledgers = [ledger] if isinstance(ledger, (str, _os.PathLike, tuple)) else list(ledger)
        self._inner = _figcheck.Checker(
            [_source(x, "ledger") for x in ledgers],
            None if aliases is None else _source(aliases, "aliases"),
            None if fx is None else _source(fx, "fx"),
            _tolerance(tolerance),
            currency_hint,
        )
        _warn(self._inner.notices, stacklevel=2)

    @property
    def notices(self) -> list[str]:
        """The tables' notices, one line each."""
        return self._inner.notices

    def check(self, text: str, id=None, date=None) -> dict:
        """The report of ``text``: a dict with the fields of ``figcheck check
        --format json``'s line (``id``, ``date``, ``claims``, ``summary``,
        ``errors``, and ``notes`` when there are any), exact values as
        ``Decimal``, and ``char_start``/``char_end`` in each claim.

        ``id`` is echoed (any JSON value: a str, an int, …; ``None`` gives
        ``null``). ``date`` is the article date (a ``datetime.date`` or
        ``"YYYY-MM-DD"``); without it a dateline in the text is used.

        Raises :class:`FigcheckError` for a bad date.
        """
        id_json = None if id is None else _json.dumps(id, ensure_ascii=False)
        raw, spans, messages = self._inner.check_json(text, id_json, _date(date))
        _warn(messages)
        report = _json.loads(raw)
        report["claims"] = [_claim(c, s) for c, s in zip(report["claims"], spans)]
        return report

    def check_arrow(self, texts, dates=None, *, documents: bool = False):
        """Checks every text of a ``pyarrow`` string array (or chunked
        array, or list of str): a ``RecordBatch`` with one row per claim, its
        document's row index (``doc``, int64), the mention's columns as
        :func:`extract_arrow`'s, then ``entity``, ``metric``, ``period``,
        ``verdict``, ``reason``, ``diagnosis``, ``diagnosis_kind``,
        ``ledger``, ``difference``, ``relative_difference``, ``evidence``
        (the JSON report's fields; the objects ``diagnosis_kind``, ``ledger``
        and ``evidence`` as their JSON text).

        ``dates`` (same length; ``date32`` or ISO strings, nulls allowed) are
        the article dates. A null text is checked as an empty document.

        With ``documents=True``, returns ``(claims, documents)``: the
        documents batch has one row per text (``doc``, ``date`` used,
        ``consistent``, ``contradicted``, ``unverifiable``, ``errors`` and
        ``notes`` as JSON arrays of strings), so that nothing a document's
        report says is lost.
        """
        from . import _arrow

        return _arrow.check(self._inner, texts, dates, documents)


def extract_arrow(texts, currency_hint: str | None = None):
    """The mentions of every text of a ``pyarrow`` string array (``string``,
    ``large_string``, a chunked array, or a list of str): a
    ``pyarrow.RecordBatch`` with one row per mention: ``doc`` (int64, the
    text's row index), ``kind``, ``start``, ``end`` (bytes), ``char_start``,
    ``char_end``, ``line``, ``column`` (int64), ``text``, ``value``, ``min``,
    ``max`` (exact decimal strings), ``currency``, ``approx``, ``bound``,
    ``inclusive``, ``strong``, ``points``, ``precision``. Null texts have no
    mentions.

    The columns are built in Rust, without the GIL, and handed to pyarrow as
    buffers: no Python object is made per mention.
    """
    from . import _arrow

    return _arrow.extract(texts, currency_hint)
