"""Type stubs of figcheck.spark."""

import os
from decimal import Decimal
from typing import Sequence, Union

from pyspark.sql import DataFrame

_Path = Union[str, os.PathLike[str]]

def extract(
    df: DataFrame, text_col: str = "text", keys: Sequence[str] | None = None, currency_hint: str | None = None
) -> DataFrame: ...
def check(
    df: DataFrame,
    text_col: str = "text",
    date_col: str | None = None,
    *,
    ledger: _Path | Sequence[_Path],
    aliases: _Path | None = None,
    fx: _Path | None = None,
    tolerance: str | Decimal | None = None,
    currency_hint: str | None = None,
    keys: Sequence[str] | None = None,
) -> DataFrame: ...
