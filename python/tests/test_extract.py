"""figcheck.extract and parse_numeral against the CLI's `extract --format json`."""

import json
from decimal import Decimal

import pytest

import figcheck
from conftest import REPO, char_span, with_decimals


def mentions_of(m):
    """A binding mention without its character span (not in the CLI's JSON)."""
    return {k: v for k, v in m.items() if k not in ("char_start", "char_end")}


def test_sample_article_as_the_cli(cli):
    r = cli("extract", "data/stargate-zh.txt", "--format", "json")
    expected = json.loads(r.stdout)["mentions"]
    text = (REPO / "data/stargate-zh.txt").read_text(encoding="utf-8")
    got = figcheck.extract(text)
    assert len(got) == len(expected) > 10
    assert [mentions_of(m) for m in got] == with_decimals(expected)
    assert list(got[0]) == list(expected[0]) + ["char_start", "char_end"], "the CLI's fields, in its order"
    for m in got:
        assert (m["char_start"], m["char_end"]) == char_span(text, m["start"], m["end"])
        assert text[m["char_start"] : m["char_end"]] == m["text"]
        assert text.encode()[m["start"] : m["end"]].decode() == m["text"]


def test_values_are_exact_decimals():
    m = figcheck.extract("约 1.2 萬億日圓; between $5-10 billion")
    assert m[0]["value"] == Decimal("1200000000000") and isinstance(m[0]["value"], Decimal)
    assert m[0]["currency"] == "JPY" and m[0]["approx"] is True
    interval = m[1]
    assert interval["value"] is None
    assert (interval["min"], interval["max"]) == (Decimal("5000000000"), Decimal("10000000000"))


def test_every_corpus_document_as_the_cli(corpus, cli_mentions):
    assert len(cli_mentions) == len(corpus)
    total = 0
    for doc, line in zip(corpus, cli_mentions):
        assert line["id"] == doc["id"]
        got = figcheck.extract(doc["text"])
        assert [mentions_of(m) for m in got] == with_decimals(line["mentions"]), doc["id"]
        for m in got:
            assert (m["char_start"], m["char_end"]) == char_span(doc["text"], m["start"], m["end"])
        total += len(got)
    assert total > 500


def test_currency_hint_as_the_cli(cli, tmp_path):
    text = "营收 100 亿元，利润 $5 million"
    p = tmp_path / "a.txt"
    p.write_text(text, encoding="utf-8")
    r = cli("extract", str(p), "--format", "json", "--currency-hint", "HKD")
    expected = json.loads(r.stdout)["mentions"]
    got = figcheck.extract(text, currency_hint="HKD")
    assert [mentions_of(m) for m in got] == with_decimals(expected)
    assert {m["currency"] for m in got} == {"HKD"}


def test_unknown_currency_hint_raises():
    with pytest.raises(figcheck.FigcheckError, match="currency_hint: "):
        figcheck.extract("100 元", currency_hint="XYZ")


def test_too_large_a_figure_is_a_warning_and_the_rest_is_extracted():
    text = "收入 99999999999999999999999999999 万亿美元，利润 5 亿美元"
    with pytest.warns(figcheck.FigcheckWarning, match=r"^1:4: "):
        got = figcheck.extract(text)
    assert [m["text"] for m in got] == ["5 亿美元"]


def test_parse_numeral():
    assert figcheck.parse_numeral("三千五百万") == Decimal("35000000")
    assert figcheck.parse_numeral("负一又二分之一") == Decimal("-1.5")
    assert figcheck.parse_numeral("1,100.9") == Decimal("1100.9")
    with pytest.raises(figcheck.FigcheckError) as e:
        figcheck.parse_numeral("五元")
    assert str(e.value) == 'byte 3: unexpected "元" after the number: expected the end of the input'
    assert e.value.path is None


def test_text_must_be_str():
    with pytest.raises(TypeError):
        figcheck.extract("5 亿美元".encode())
