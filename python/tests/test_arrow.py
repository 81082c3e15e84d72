"""extract_arrow and Checker.check_arrow: the rows are the CLI's mentions and claims."""

import json

import pyarrow as pa
import pytest

import figcheck
from conftest import ALIASES, FX, LEDGERS, char_span

MENTION_COLUMNS = [
    "doc", "kind", "start", "end", "char_start", "char_end", "line", "column", "text", "value", "min", "max",
    "currency", "approx", "bound", "inclusive", "strong", "points", "precision",
]
CLAIM_COLUMNS = MENTION_COLUMNS + [
    "entity", "metric", "period", "verdict", "reason", "diagnosis", "diagnosis_kind", "ledger", "difference",
    "relative_difference", "evidence",
]
JSON_COLUMNS = ("diagnosis_kind", "ledger", "evidence")


def rows(batch):
    return batch.to_pylist()


def as_cli(row, text):
    """A row as the CLI's JSON object: without doc and the char span (checked
    here), the JSON columns parsed."""
    assert (row["char_start"], row["char_end"]) == char_span(text, row["start"], row["end"])
    out = {k: v for k, v in row.items() if k not in ("doc", "char_start", "char_end")}
    for k in JSON_COLUMNS:
        if k in out and out[k] is not None:
            out[k] = json.loads(out[k])
    return out


def test_extract_arrow_rows_are_the_cli_mentions(corpus, cli_mentions):
    texts = pa.array([d["text"] for d in corpus], type=pa.string())
    batch = figcheck.extract_arrow(texts)
    batch.validate(full=True)
    assert batch.schema.names == MENTION_COLUMNS
    assert batch.schema.field("doc").type == pa.int64()
    assert batch.schema.field("value").type == pa.large_string()
    expected = [(i, m) for i, line in enumerate(cli_mentions) for m in line["mentions"]]
    got = rows(batch)
    assert len(got) == len(expected) > 500
    for row, (i, m) in zip(got, expected):
        assert row["doc"] == i
        assert as_cli(row, corpus[i]["text"]) == m, corpus[i]["id"]


def test_chunks_slices_nulls_and_lists(corpus):
    texts = [d["text"] for d in corpus[:40]]
    whole = rows(figcheck.extract_arrow(pa.array(texts, type=pa.large_string())))
    chunked = pa.chunked_array([pa.array(texts[:13]), pa.array(texts[13:])])
    assert rows(figcheck.extract_arrow(chunked)) == whole
    assert rows(figcheck.extract_arrow(texts)) == whole
    sliced = rows(figcheck.extract_arrow(pa.array(texts).slice(10, 20)))
    assert sliced == [dict(r, doc=r["doc"] - 10) for r in whole if 10 <= r["doc"] < 30]
    with_nulls = rows(figcheck.extract_arrow(pa.array([None, texts[0], None])))
    assert with_nulls == [dict(r, doc=1) for r in whole if r["doc"] == 0]
    empty = figcheck.extract_arrow(pa.array([], type=pa.string()))
    assert empty.num_rows == 0 and empty.schema.names == MENTION_COLUMNS
    with pytest.raises(TypeError):
        figcheck.extract_arrow(pa.array([1, 2]))


def test_check_arrow_rows_are_the_cli_claims(corpus, cli_reports):
    checker = figcheck.Checker(LEDGERS, aliases=ALIASES, fx=FX)
    texts = pa.array([d["text"] for d in corpus])
    dates = pa.array([d.get("date") for d in corpus])
    claims, docs = checker.check_arrow(texts, dates, documents=True)
    claims.validate(full=True)
    docs.validate(full=True)
    assert claims.schema.names == CLAIM_COLUMNS
    expected = [(i, c) for i, r in enumerate(cli_reports) for c in r["claims"]]
    got = rows(claims)
    assert len(got) == len(expected) > 500
    for row, (i, c) in zip(got, expected):
        assert row["doc"] == i
        assert as_cli(row, corpus[i]["text"]) == c, corpus[i]["id"]
    for row, r in zip(rows(docs), cli_reports):
        assert row["date"] == r["date"]
        assert {k: row[k] for k in ("consistent", "contradicted", "unverifiable")} == r["summary"]
        assert json.loads(row["notes"]) == r.get("notes", [])
        assert len(json.loads(row["errors"])) == len(r["errors"])
    assert checker.check_arrow(texts, dates).num_rows == len(expected)


def test_check_arrow_dates_as_date32_and_bad_dates():
    import datetime

    checker = figcheck.Checker("data/ledger.csv", aliases=ALIASES, fx=FX)
    text = open("data/stargate-zh.txt", encoding="utf-8").read()
    by_str = checker.check_arrow([text, text], ["2025-01-21", None])
    by_date = checker.check_arrow(pa.array([text, text]), pa.array([datetime.date(2025, 1, 21), None]))
    assert rows(by_str) == rows(by_date)
    with pytest.raises(figcheck.FigcheckError, match="dates: row 1: "):
        checker.check_arrow([text, text], ["2025-01-21", "2025-02-30"])
    with pytest.raises(ValueError, match="1 dates for 2 texts"):
        checker.check_arrow([text, text], ["2025-01-21"])
