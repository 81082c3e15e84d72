"""figcheck.Checker against the CLI's `check --format json`."""

import datetime
import json

import pytest

import figcheck
from conftest import ALIASES, FX, LEDGERS, REPO, char_span, table_args, with_decimals


def without_chars(report):
    r = dict(report)
    r["claims"] = [{k: v for k, v in c.items() if k not in ("char_start", "char_end")} for c in report["claims"]]
    return r


@pytest.fixture(scope="module")
def checker():
    return figcheck.Checker(LEDGERS, aliases=ALIASES, fx=FX)


def test_sample_article_as_the_cli(cli):
    r = cli(
        "check", "data/stargate-zh.txt", "--ledger", "data/ledger.csv", "--aliases", ALIASES, "--fx", FX,
        "--format", "json", ok=(1,),
    )
    expected = json.loads(r.stdout)
    checker = figcheck.Checker("data/ledger.csv", aliases=ALIASES, fx=FX)
    text = (REPO / "data/stargate-zh.txt").read_text(encoding="utf-8")
    got = checker.check(text, id="data/stargate-zh.txt")
    assert without_chars(got) == with_decimals(expected)
    assert got["summary"] == {"consistent": 10, "contradicted": 2, "unverifiable": 0}
    assert list(got) == list(expected)
    for c in got["claims"]:
        assert (c["char_start"], c["char_end"]) == char_span(text, c["start"], c["end"])
    contradicted = [c for c in got["claims"] if c["verdict"] == "contradicted"]
    assert contradicted[0]["ledger"]["file"] == "data/ledger.csv"


def test_every_corpus_document_as_the_cli(checker, corpus, cli_reports):
    assert len(cli_reports) == len(corpus)
    verdicts = set()
    for doc, expected in zip(corpus, cli_reports):
        got = checker.check(doc["text"], id=doc["id"], date=doc.get("date"))
        assert without_chars(got) == with_decimals(expected), doc["id"]
        verdicts |= {c["verdict"] for c in got["claims"]}
    assert verdicts == {"consistent", "contradicted", "unverifiable"}


def test_dates_ids_tolerance_and_hint(cli, tmp_path):
    text = "安谋当前市值约 1600 亿元。"
    ledger = tmp_path / "l.csv"
    ledger.write_text(
        "entity,metric,period,value,unit,scale\nArm Holdings,market capitalization,2025-01-22,130,USD,billion\n"
    )
    aliases = tmp_path / "a.csv"
    aliases.write_text("kind,alias,canonical\nentity,安谋,Arm Holdings\nmetric,市值,market capitalization\n")
    doc = tmp_path / "d.jsonl"
    doc.write_text(json.dumps({"id": 7, "text": text, "date": "2025-01-22"}, ensure_ascii=False) + "\n")
    r = cli(
        "check", str(doc), "--ledger", str(ledger), "--aliases", str(aliases), "--tolerance", "20%",
        "--currency-hint", "USD", "--format", "json", ok=(0, 1),
    )
    expected = json.loads(r.stdout)
    c = figcheck.Checker(str(ledger), aliases=aliases, tolerance="20%", currency_hint="USD")
    got = c.check(text, id=7, date=datetime.date(2025, 1, 22))
    assert without_chars(got) == with_decimals(expected)
    assert got["claims"][0]["verdict"] == "consistent"
    assert got["id"] == 7 and got["date"] == "2025-01-22"
    # about 1600 is 23% above 1300: beyond the default 10%, within 20%
    assert figcheck.Checker(str(ledger), aliases=aliases, currency_hint="USD").check(
        text, date="2025-01-22")["claims"][0]["verdict"] == "contradicted"


def test_a_table_given_as_bytes_reads_as_its_file():
    by_path = figcheck.Checker("data/ledger.csv", aliases=ALIASES, fx=FX)
    by_bytes = figcheck.Checker(
        [("data/ledger.csv", (REPO / "data/ledger.csv").read_bytes())],
        aliases=(ALIASES, (REPO / ALIASES).read_bytes()),
        fx=(FX, (REPO / FX).read_bytes()),
    )
    text = (REPO / "data/stargate-zh.txt").read_text(encoding="utf-8")
    assert by_bytes.check(text, id=1) == by_path.check(text, id=1)
    apple = "tests/data/companyfacts/apple.json"
    a = figcheck.Checker(apple).check("Apple revenue was $45.4 billion in the quarter ended July 1, 2017.")
    b = figcheck.Checker([(apple, (REPO / apple).read_bytes())]).check(
        "Apple revenue was $45.4 billion in the quarter ended July 1, 2017.")
    assert a == b


def test_a_directory_of_companyfacts(cli, tmp_path):
    d = tmp_path / "facts"
    d.mkdir()
    for name in ("apple.json", "nvidia.json"):
        (d / name).write_bytes((REPO / "tests/data/companyfacts" / name).read_bytes())
    text = (REPO / "data/corpus/apple-fy17-q3-en.txt").read_text(encoding="utf-8")
    p = tmp_path / "apple.txt"
    p.write_text(text, encoding="utf-8")
    r = cli("check", str(p), "--ledger", str(d), "--format", "json", ok=(0, 1))
    expected = json.loads(r.stdout)
    got = figcheck.Checker(d).check(text, id=str(p))
    assert without_chars(got) == with_decimals(expected)
    assert got["summary"]["consistent"] > 0


def test_a_companyfacts_zip(cli, tmp_path):
    import zipfile

    assert figcheck._figcheck.ZIP, "the wheel is built with the zip feature"
    z = tmp_path / "companyfacts.zip"
    with zipfile.ZipFile(z, "w", compression=zipfile.ZIP_DEFLATED) as f:
        for name, cik in (("apple.json", "0000320193"), ("nvidia.json", "0001045810")):
            f.writestr(f"CIK{cik}.json", (REPO / "tests/data/companyfacts" / name).read_bytes())
    text = (REPO / "data/corpus/apple-fy17-q3-en.txt").read_text(encoding="utf-8")
    p = tmp_path / "apple.txt"
    p.write_text(text, encoding="utf-8")
    r = cli("check", str(p), "--ledger", str(z), "--format", "json", ok=(0, 1))
    expected = json.loads(r.stdout)
    got = figcheck.Checker(str(z)).check(text, id=str(p))
    assert without_chars(got) == with_decimals(expected)
    assert got["summary"]["consistent"] > 0
