#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets into fuzz/corpus/TARGET/ from
the project's own sample data and test cases. Run from anywhere:
`python3 fuzz/seed.py`. The corpora that the fuzzer grows from them are not
committed (fuzz/.gitignore)."""
import json
import os
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "fuzz" / "corpus"


def put(target, name, data):
    d = OUT / target
    d.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    (d / name).write_bytes(data)


def cases(name):
    path = ROOT / "tests" / "data" / "conformance" / name
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


# extract and check: the articles (whole, and by paragraph) and every
# conformance text
articles = sorted((ROOT / "data" / "corpus").glob("*.txt")) + [ROOT / "data" / "stargate-zh.txt"]
for a in articles:
    text = a.read_text(encoding="utf-8")
    for target in ("extract", "check"):
        put(target, a.stem, text)
        for i, para in enumerate(p for p in text.split("\n") if p.strip()):
            put(target, f"{a.stem}-{i}", para)
for suite in ("recognizers-en-currency", "recognizers-zh-currency"):
    for c in cases(f"{suite}.cases.jsonl"):
        put("extract", c["id"], c["text"])

# numeral: the expected numbers of the number suite, and the mentions of the
# currency suites
for c in cases("recognizers-zh-number.cases.jsonl"):
    for e in c["expect"]:
        put("numeral", f'{c["id"]}-{e["start"]}', e["text"])
for suite in ("recognizers-en-currency", "recognizers-zh-currency"):
    for c in cases(f"{suite}.cases.jsonl"):
        for e in c["expect"]:
            put("numeral", f'{c["id"]}-{e["start"]}', e["text"])

# the CSV loaders: the sample tables, and each with a few rows
for target, name in (("ledger", "ledger.csv"), ("aliases", "aliases.csv"), ("fx", "fx.csv")):
    text = (ROOT / "data" / name).read_text(encoding="utf-8")
    put(target, name, text)
    lines = text.splitlines(keepends=True)
    for i in range(1, len(lines), 3):
        put(target, f"{name}-{i}", "".join([lines[0]] + lines[i:i + 3]))

# jsonl: conformance cases as they are (they are JSON Lines), and documents
for suite in ("recognizers-en-currency", "recognizers-zh-currency"):
    with open(ROOT / "tests" / "data" / "conformance" / f"{suite}.cases.jsonl", encoding="utf-8") as f:
        lines = f.readlines()
    for i in range(0, len(lines), 20):
        put("jsonl", f"{suite}-{i}", "".join(lines[i:i + 20]))
for a in articles:
    doc = {"id": a.stem, "text": a.read_text(encoding="utf-8"), "date": "2025-01-21"}
    put("jsonl", a.stem, json.dumps(doc, ensure_ascii=False) + "\n")

# companyfacts: the companyfacts fixtures (good and bad), whole and cut off
# at a quarter, half and three quarters of their bytes (a file that breaks off)
facts = ROOT / "tests" / "data" / "companyfacts"
for f in sorted(facts.glob("*.json")) + sorted((facts / "bad").glob("*.json")):
    data = f.read_bytes()
    name = f.stem if f.parent == facts else f"bad-{f.stem}"
    put("companyfacts", name, data)
    for k in (1, 2, 3):
        put("companyfacts", f"{name}-cut{k}", data[: len(data) * k // 4])

for target in sorted(os.listdir(OUT)):
    print(target, len(os.listdir(OUT / target)))
