"""Bad input raises FigcheckError with the file, line and column the CLI prints."""

import pytest

import figcheck


def cli_errors(cli, *args):
    """The CLI's error lines, without the `figcheck: ` prefix."""
    r = cli(*args, ok=(2,))
    return [line.removeprefix("figcheck: ") for line in r.stderr.decode().splitlines() if line.startswith("figcheck: ")]


def test_bad_ledger_rows_raise_with_their_places(cli, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "entity,metric,period,value,unit,scale\n"
        "Arm Holdings,market capitalization,2025-01-22,160,USD,billion\n"
        'Arm Holdings,revenue,2025-01-22,"12,3.4",USD,billion\n'
        "Arm Holdings,profit,2025-13-01,1,USD,billion\n"
        "Arm Holdings,cash,2025-01-01,1,XYZ,billion\n"
    )
    with pytest.raises(figcheck.FigcheckError) as e:
        figcheck.Checker(str(bad))
    err = e.value
    assert isinstance(err, ValueError)
    assert err.path == str(bad) and err.line == 3 and err.column is not None
    assert [x[1] for x in err.errors] == [3, 4, 5]
    messages = [x[3] for x in err.errors]
    assert str(err).splitlines() == messages
    # the CLI prints the same located messages (then says it goes on with the good rows)
    r = cli("check", "data/stargate-zh.txt", "--ledger", str(bad), "--format", "json", ok=(0, 1, 2))
    stderr = [l.removeprefix("figcheck: ") for l in r.stderr.decode().splitlines()]
    for m in messages:
        assert m in stderr


def test_missing_file(cli):
    with pytest.raises(figcheck.FigcheckError) as e:
        figcheck.Checker("no/such/ledger.csv")
    assert e.value.path == "no/such/ledger.csv"
    assert str(e.value) in cli_errors(cli, "check", "data/stargate-zh.txt", "--ledger", "no/such/ledger.csv")


def test_bad_companyfacts(cli):
    for name in ("not-json.json", "truncated.json", "invalid-utf8.json", "not-companyfacts.json"):
        path = f"tests/data/companyfacts/bad/{name}"
        with pytest.raises(figcheck.FigcheckError) as e:
            figcheck.Checker(path)
        assert e.value.path == path, name
        r = cli("check", "data/stargate-zh.txt", "--ledger", path, "--format", "json", ok=(0, 1, 2))
        stderr = [l.removeprefix("figcheck: ") for l in r.stderr.decode().splitlines()]
        for line in str(e.value).splitlines():
            assert line in stderr, (name, line, stderr)


def test_bad_aliases_and_fx(cli, tmp_path):
    fx = tmp_path / "fx.csv"
    fx.write_text("date,base,quote,rate\n2024-09-30,USD,JPY,abc\n")
    with pytest.raises(figcheck.FigcheckError) as e:
        figcheck.Checker("data/ledger.csv", fx=str(fx))
    assert (e.value.path, e.value.line) == (str(fx), 2)
    r = cli("check", "data/stargate-zh.txt", "--ledger", "data/ledger.csv", "--fx", str(fx), ok=(0, 1, 2))
    assert str(e.value) in [l.removeprefix("figcheck: ") for l in r.stderr.decode().splitlines()]
    aliases = tmp_path / "a.csv"
    aliases.write_text("kind,alias\nentity,x\n")
    with pytest.raises(figcheck.FigcheckError) as e:
        figcheck.Checker("data/ledger.csv", aliases=str(aliases))
    assert e.value.path == str(aliases)


def test_bad_arguments():
    c = figcheck.Checker("data/ledger.csv")
    with pytest.raises(figcheck.FigcheckError, match="date: "):
        c.check("5 亿美元", date="2025-02-30")
    with pytest.raises(figcheck.FigcheckError, match=r"tolerance: \"1\" is out of range"):
        figcheck.Checker("data/ledger.csv", tolerance="1")
    with pytest.raises(TypeError, match="float"):
        figcheck.Checker("data/ledger.csv", tolerance=0.05)
    with pytest.raises(TypeError):
        figcheck.Checker(42)
    with pytest.raises(figcheck.FigcheckError, match="currency_hint"):
        figcheck.Checker("data/ledger.csv", currency_hint="usd dollars")
