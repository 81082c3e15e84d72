"""Throughput of the Python binding against the CLI, on one corpus.

    python bench/bench.py --cli ../target/release/figcheck [--mb 24] [--runs 3] [--spark]

The corpus is made from the repository's articles (data/corpus/, whole and
by paragraph) and the conformance cases' texts, drawn in a fixed random order
and joined into documents of about ``--doc-kb`` KB (a news article), to about
``--mb`` MB of text, one document per row. Measured, each the
median of ``--runs`` runs (wall time, input text bytes per second):

- ``extract_arrow`` (one thread) against ``figcheck extract --input jsonl -j 1``;
- ``Checker.check_arrow`` (one thread) against ``figcheck check -j 1``, with
  the sample ledger, aliases and FX rates and the companyfacts fixtures;
- with ``--spark``: ``figcheck.spark.check`` and ``figcheck.spark.extract`` on
  ``local[2]`` (a parquet file of the corpus in, the ``noop`` sink out; the
  session's start and a first warm-up run not counted) against ``figcheck
  check -j 2`` and ``figcheck extract -j 2``.

The CLI writes JSON to /dev/null; the binding builds its Arrow batch (the CLI
has its JSON to write, the binding its columns to build: each side's own
output). The machine is shared: read ratios, not absolute numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
LEDGERS = [
    "data/ledger.csv",
    "tests/data/companyfacts/apple.json",
    "tests/data/companyfacts/nvidia.json",
    "tests/data/companyfacts/tsmc.json",
]
ALIASES, FX = "data/aliases.csv", "data/fx.csv"


def seed_texts() -> list[str]:
    texts = []
    for p in sorted((REPO / "data" / "corpus").glob("*.txt")):
        t = p.read_text(encoding="utf-8")
        texts.append(t)
        texts += [x.strip() for x in t.split("\n\n") if x.strip()]
    for p in sorted((REPO / "tests" / "data" / "conformance").glob("*.jsonl")):
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts


def corpus(mb: float, doc_bytes: int) -> list[str]:
    """Documents of about ``doc_bytes`` (a news article's size), each made
    of seed texts drawn in a fixed random order, to ``mb`` MB in all."""
    seeds = seed_texts()
    rng = random.Random(14)
    out, size = [], 0
    while size < mb * 1_000_000:
        parts, n = [], 0
        while n < doc_bytes:
            t = rng.choice(seeds)
            parts.append(t)
            n += len(t.encode()) + 2
        doc = "\n\n".join(parts)
        out.append(doc)
        size += len(doc.encode())
    return out


def median_time(f, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        f()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", required=True, help="the figcheck binary (a release build)")
    ap.add_argument("--mb", type=float, default=24)
    ap.add_argument("--doc-kb", type=float, default=4, help="document size (default 4 KB)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--spark", action="store_true")
    a = ap.parse_args()

    import pyarrow as pa
    import pyarrow.parquet as pq

    import figcheck

    os.chdir(REPO)
    texts = corpus(a.mb, int(a.doc_kb * 1000))
    nbytes = sum(len(t.encode()) for t in texts)
    mb = nbytes / 1e6
    tmp = Path(tempfile.mkdtemp(prefix="figcheck-bench-"))
    jsonl = tmp / "corpus.jsonl"
    with jsonl.open("w", encoding="utf-8") as f:
        for i, t in enumerate(texts):
            f.write(json.dumps({"id": i, "text": t, "date": "2025-01-21"}, ensure_ascii=False) + "\n")
    arr = pa.array(texts, type=pa.large_string())
    dates = pa.array(["2025-01-21"] * len(texts))
    tables = []
    for ledger in LEDGERS:
        tables += ["--ledger", ledger]
    tables += ["--aliases", ALIASES, "--fx", FX]

    def cli(*args):
        r = subprocess.run([a.cli, *args, "-o", "/dev/null", "-q"], cwd=REPO)
        if r.returncode not in (0, 1):
            raise SystemExit(f"{a.cli} {' '.join(args)}: exit {r.returncode}")

    results = []

    def row(name, secs, base=None):
        results.append((name, secs, mb / secs, base))
        print(f"{name:38s} {secs:8.3f} s {mb / secs:8.1f} MB/s", file=sys.stderr)

    checker = figcheck.Checker(LEDGERS, aliases=ALIASES, fx=FX)
    mentions = figcheck.extract_arrow(arr).num_rows
    claims = checker.check_arrow(arr, dates).num_rows
    print(f"corpus: {len(texts)} documents, {mb:.1f} MB, {mentions} mentions, {claims} claims", file=sys.stderr)

    row("figcheck extract -j 1 (CLI)", median_time(lambda: cli("extract", str(jsonl), "--format", "json", "-j", "1"), a.runs))
    row("extract_arrow (Python, 1 thread)", median_time(lambda: figcheck.extract_arrow(arr), a.runs), 0)
    row("figcheck check -j 1 (CLI)", median_time(lambda: cli("check", str(jsonl), *tables, "--format", "json", "-j", "1"), a.runs))
    row("check_arrow (Python, 1 thread)", median_time(lambda: checker.check_arrow(arr, dates), a.runs), 2)
    row("figcheck check -j 2 (CLI)", median_time(lambda: cli("check", str(jsonl), *tables, "--format", "json", "-j", "2"), a.runs))
    row("figcheck extract -j 2 (CLI)", median_time(lambda: cli("extract", str(jsonl), "--format", "json", "-j", "2"), a.runs))

    if a.spark:
        from pyspark.sql import SparkSession

        import figcheck.spark

        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        parquet = tmp / "corpus.parquet"
        pq.write_table(
            pa.table({"id": pa.array(range(len(texts)), pa.int64()), "text": pa.array(texts), "date": dates}),
            parquet,
            row_group_size=256,  # small row groups: the two tasks get even shares
        )
        spark = (
            SparkSession.builder.master("local[2]")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.driver.memory", "4g")
            .getOrCreate()
        )
        df = spark.read.parquet(str(parquet))

        def run_spark():
            out = figcheck.spark.check(df, "text", "date", ledger=LEDGERS, aliases=ALIASES, fx=FX)
            out.write.format("noop").mode("overwrite").save()

        def run_spark_extract():
            figcheck.spark.extract(df, "text", keys=["id"]).write.format("noop").mode("overwrite").save()

        def run_spark_read():
            df.write.format("noop").mode("overwrite").save()

        run_spark()  # warm up the Python workers
        row("Spark read only (local[2], no figcheck)", median_time(run_spark_read, a.runs))
        row("figcheck.spark.check (local[2])", median_time(run_spark, a.runs), 4)
        row("figcheck.spark.extract (local[2])", median_time(run_spark_extract, a.runs), 5)
        spark.stop()

    print()
    print(f"Corpus: {len(texts)} documents, {mb:.1f} MB of text, {mentions} mentions, {claims} claims; "
          f"median of {a.runs} runs.")
    print()
    print("| run | median | throughput | vs |")
    print("| --- | ---: | ---: | --- |")
    for name, secs, rate, base in results:
        vs = ""
        if base is not None:
            bname, _, brate, _ = results[base]
            vs = f"{rate / brate:.2f}× {bname}"
        print(f"| {name} | {secs:.2f} s | {rate:.1f} MB/s | {vs} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
