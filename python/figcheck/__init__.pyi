"""Type stubs of figcheck (see the module docstring of figcheck/__init__.py)."""

import datetime
import os
from decimal import Decimal
from typing import Any, Literal, Sequence, TypedDict, Union, overload

import pyarrow as pa

__version__: str

_Path = Union[str, os.PathLike[str]]
_Table = Union[_Path, tuple[str, bytes]]
_Texts = Union[pa.Array, pa.ChunkedArray, Sequence[str | None]]
_Dates = Union[pa.Array, pa.ChunkedArray, Sequence[str | datetime.date | None]]

class FigcheckError(ValueError):
    """Bad input; ``str(e)`` has one located line per problem, as the CLI prints it."""

    path: str | None
    line: int | None
    column: int | None
    errors: list[tuple[str | None, int | None, int | None, str]]

class FigcheckWarning(UserWarning): ...

class Mention(TypedDict):
    """One mention: the fields of ``figcheck extract --format json``, then the char span."""

    kind: Literal["money", "percent"]
    start: int
    end: int
    line: int
    column: int
    text: str
    value: Decimal | None
    min: Decimal | None
    max: Decimal | None
    currency: str | None
    approx: bool
    bound: Literal["lower", "upper"] | None
    inclusive: bool
    strong: bool
    points: bool
    precision: Decimal
    char_start: int
    char_end: int

class Claim(Mention):
    """One checked claim: the mention's fields, then the check's."""

    entity: str | None
    metric: str | None
    period: str | None
    verdict: Literal["consistent", "contradicted", "unverifiable"]
    reason: str
    diagnosis: str | None
    diagnosis_kind: dict[str, Any] | None
    ledger: dict[str, Any] | None
    difference: Decimal | None
    relative_difference: Decimal | None
    evidence: dict[str, Any]

class Summary(TypedDict):
    consistent: int
    contradicted: int
    unverifiable: int

class Report(TypedDict, total=False):
    """The line of ``figcheck check --format json`` (``notes`` only when there are any)."""

    id: Any
    date: str | None
    claims: list[Claim]
    summary: Summary
    errors: list[str]
    notes: list[str]

def extract(text: str, currency_hint: str | None = None) -> list[Mention]: ...
def parse_numeral(s: str) -> Decimal: ...
def extract_arrow(texts: _Texts, currency_hint: str | None = None) -> pa.RecordBatch: ...

class Checker:
    def __init__(
        self,
        ledger: _Table | Sequence[_Table],
        aliases: _Table | None = None,
        fx: _Table | None = None,
        tolerance: str | Decimal | None = None,
        currency_hint: str | None = None,
    ) -> None: ...
    @property
    def notices(self) -> list[str]: ...
    def check(self, text: str, id: Any = None, date: str | datetime.date | None = None) -> Report: ...
    @overload
    def check_arrow(
        self, texts: _Texts, dates: _Dates | None = None, *, documents: Literal[False] = False
    ) -> pa.RecordBatch: ...
    @overload
    def check_arrow(
        self, texts: _Texts, dates: _Dates | None = None, *, documents: Literal[True]
    ) -> tuple[pa.RecordBatch, pa.RecordBatch]: ...
