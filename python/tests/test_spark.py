"""figcheck.spark on a local[2] SparkSession: every claim and mention of a
few hundred documents is the CLI's."""

import json
import os
import sys

import pytest
from pyspark.sql import SparkSession
from pyspark.sql import functions as F

import figcheck
import figcheck.spark
from conftest import ALIASES, FX, LEDGERS


@pytest.fixture(scope="module")
def spark():
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    # everything on the loopback interface
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    s = (
        SparkSession.builder.master("local[2]")
        .appName("figcheck-test")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        # several Arrow batches per partition: rows of later batches too
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "64")
        .getOrCreate()
    )
    yield s
    s.stop()


@pytest.fixture(scope="module")
def docs(spark, corpus):
    rows = [(d["id"], d["text"], d.get("date")) for d in corpus]
    return spark.createDataFrame(rows, "id string, text string, date string").repartition(2)


def by_doc(rows, id_col="id"):
    out = {}
    for r in rows:
        out.setdefault(r[id_col], []).append(r)
    for v in out.values():
        v.sort(key=lambda r: r["start"])
    return out


def as_cli(row, drop):
    out = {k: v for k, v in row.items() if k not in drop}
    for k in ("diagnosis_kind", "ledger", "evidence"):
        if k in out and out[k] is not None:
            out[k] = json.loads(out[k])
    return out


def test_spark_check_is_the_cli(spark, docs, corpus, cli_reports):
    claims = figcheck.spark.check(docs, "text", "date", ledger=LEDGERS, aliases=ALIASES, fx=FX)
    schema = dict((f.name, f.dataType.simpleString()) for f in claims.schema.fields)
    assert schema["id"] == "string" and schema["date"] == "string"
    assert schema["start"] == "bigint" and schema["approx"] == "boolean" and schema["value"] == "string"
    assert not any("unsigned" in t for t in schema.values())
    got = by_doc([r.asDict() for r in claims.collect()])
    expected = {r["id"]: r["claims"] for r in cli_reports}
    compared = 0
    for d in corpus:
        want = expected[d["id"]]
        have = got.get(d["id"], [])
        assert len(have) == len(want), d["id"]
        for row, claim in zip(have, want):
            assert row["date"] == d.get("date")
            assert as_cli(row, ("id", "date", "char_start", "char_end")) == claim, (d["id"], claim["start"])
            compared += 1
    assert compared == sum(len(v) for v in expected.values()) > 500
    verdicts = claims.groupBy("verdict").count().collect()
    assert {r["verdict"] for r in verdicts} == {"consistent", "contradicted", "unverifiable"}


def test_spark_extract_is_the_cli(spark, docs, corpus, cli_mentions):
    mentions = figcheck.spark.extract(docs.drop("date"), keys=["id"])
    got = by_doc([r.asDict() for r in mentions.collect()])
    expected = {r["id"]: r["mentions"] for r in cli_mentions}
    n = 0
    for d in corpus:
        have, want = got.get(d["id"], []), expected[d["id"]]
        assert [as_cli(r, ("id", "char_start", "char_end")) for r in have] == want, d["id"]
        n += len(want)
    assert n > 500


def test_spark_check_refuses_bad_tables_on_the_driver(spark, docs, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("entity,metric,period,value,unit,scale\nA,revenue,2025-01-01,x,USD,billion\n")
    with pytest.raises(figcheck.FigcheckError) as e:
        figcheck.spark.check(docs, ledger=str(bad))
    assert (e.value.path, e.value.line) == (str(bad), 2)
    with pytest.raises(ValueError, match="names of output columns"):
        figcheck.spark.check(docs.withColumn("verdict", F.lit("x")), ledger=LEDGERS)
