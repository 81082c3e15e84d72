"""Fixtures: the figcheck CLI (to compare with), the repository's sample
files, and a corpus of a few hundred documents made from the repository's
articles and test texts."""

from __future__ import annotations

import json
import os
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

# The tables of every check test, as relative paths (the reports name the
# ledger file as given, so both sides give the same names from REPO).
LEDGERS = [
    "data/ledger.csv",
    "tests/data/companyfacts/apple.json",
    "tests/data/companyfacts/nvidia.json",
    "tests/data/companyfacts/tsmc.json",
]
ALIASES = "data/aliases.csv"
FX = "data/fx.csv"


def cli_path() -> Path:
    """The figcheck binary: $FIGCHECK_CLI, else built here with cargo."""
    given = os.environ.get("FIGCHECK_CLI")
    if given:
        p = Path(given)
        if not p.is_file():
            raise RuntimeError(f"FIGCHECK_CLI={given} is not a file")
        return p
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    subprocess.run(["cargo", "build", "--quiet", "--bin", "figcheck"], cwd=REPO, check=True)
    return target / "debug" / "figcheck"


@pytest.fixture(scope="session")
def cli():
    path = cli_path()

    def run(*args, ok=(0,), stdin=None):
        r = subprocess.run(
            [str(path), *args], cwd=REPO, capture_output=True, input=stdin, env={**os.environ, "NO_COLOR": "1"}
        )
        assert r.returncode in ok, r.stderr.decode()
        return r

    return run


# Every test runs in the repository, so that relative paths name the same
# files for the CLI and the binding.
os.chdir(REPO)


def with_decimals(obj, keys=("value", "min", "max", "precision", "difference", "relative_difference",
                             "fx_rate", "converted_value", "first_value", "latest_value")):
    """The CLI's JSON with the binding's Decimal values: the exact decimal
    strings of ``keys`` (at any depth below a mention, claim or ledger
    record) as Decimal."""
    if isinstance(obj, list):
        return [with_decimals(x, keys) for x in obj]
    if isinstance(obj, dict):
        out = {}
        for k, v in obj.items():
            if k in keys and isinstance(v, str):
                out[k] = Decimal(v)
            elif k == "evidence":
                out[k] = v  # spans of words, not figures
            else:
                out[k] = with_decimals(v, keys)
        return out
    return obj


def char_span(text: str, start: int, end: int) -> tuple[int, int]:
    b = text.encode()
    return len(b[:start].decode()), len(b[:end].decode())


def _paragraphs(text: str):
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def make_corpus() -> list[dict]:
    """A few hundred documents: the sample articles whole, each of their
    paragraphs, and the texts of the conformance cases; every third with an
    article date, one empty, one with quotes and escapes."""
    docs = []
    articles = sorted((REPO / "data" / "corpus").glob("*.txt"))
    for p in articles:
        text = p.read_text(encoding="utf-8")
        docs.append({"id": p.name, "text": text})
        for i, para in enumerate(_paragraphs(text)):
            docs.append({"id": f"{p.stem}#{i}", "text": para})
    for p in sorted((REPO / "tests" / "data" / "conformance").glob("*.jsonl")):
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                docs.append({"id": case["id"], "text": case["text"]})
    docs.append({"id": "empty", "text": ""})
    docs.append({"id": "escapes", "text": 'He said "约 250 亿美元"\ttoday\r\nand \\ $5 billion.'})
    dates = ["2025-01-21", "2017-08-02", "2024-09-30"]
    for i, d in enumerate(docs):
        if i % 3 == 0:
            d["date"] = dates[i % len(dates)]
    return docs


@pytest.fixture(scope="session")
def corpus():
    docs = make_corpus()
    assert 300 <= len(docs) <= 2000, len(docs)
    return docs


@pytest.fixture(scope="session")
def corpus_jsonl(corpus, tmp_path_factory):
    p = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    with p.open("w", encoding="utf-8") as f:
        for d in corpus:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    return p


def table_args():
    args = []
    for ledger in LEDGERS:
        args += ["--ledger", ledger]
    return args + ["--aliases", ALIASES, "--fx", FX]


@pytest.fixture(scope="session")
def cli_reports(cli, corpus_jsonl):
    """The CLI's report of every corpus document, in order."""
    r = cli("check", str(corpus_jsonl), *table_args(), "--format", "json", "-j", "2", ok=(0, 1))
    return [json.loads(line) for line in r.stdout.decode().splitlines()]


@pytest.fixture(scope="session")
def cli_mentions(cli, corpus_jsonl):
    r = cli("extract", str(corpus_jsonl), "--format", "json", "-j", "2")
    return [json.loads(line) for line in r.stdout.decode().splitlines()]
