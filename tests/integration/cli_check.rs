//! The `figcheck check` binary: stdout, stderr and exit status.
//!
//! The quick start runs in the crate directory on the sample data; every
//! other test runs in its own temporary directory with a small ledger
//! written for it, so file names in messages are short and exact.

#![cfg(feature = "cli")]

use crate::cli::{Run, TempDir, figcheck, run_in};
use serde_json::Value as Json;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

const QUICK_START: [&str; 8] = [
    "check",
    "data/stargate-zh.txt",
    "--ledger",
    "data/ledger.csv",
    "--aliases",
    "data/aliases.csv",
    "--fx",
    "data/fx.csv",
];

fn in_crate(args: &[&str]) -> Run {
    run_in(Path::new(env!("CARGO_MANIFEST_DIR")), args, None)
}

#[test]
fn quick_start_text() {
    let r = in_crate(&QUICK_START);
    assert_eq!((r.code, r.stderr.as_str()), (1, ""), "two Musk claims");
    assert_eq!(
        r.stdout.matches("  CONTRADICTED\n").count(),
        2,
        "{}",
        r.stdout
    );
    assert_eq!(
        r.stdout.matches("  CONSISTENT\n").count(),
        10,
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("data/stargate-zh.txt:3:1061  远低于 100 亿美元  CONTRADICTED\n"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.ends_with(
            "\ndata/stargate-zh.txt: 10 consistent, 2 contradicted, 0 unverifiable (article date 2025-01-21)\n"
        ),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains('\x1b'), "a pipe is not colored");
}

#[test]
fn quick_start_json() {
    let mut args = QUICK_START.to_vec();
    args.extend(["--format", "json"]);
    let r = in_crate(&args);
    assert_eq!((r.code, r.stderr.as_str()), (1, ""));
    let docs = r.json();
    assert_eq!(docs.len(), 1);
    let doc = &docs[0];
    assert_eq!(doc["id"], "data/stargate-zh.txt");
    assert_eq!(doc["date"], "2025-01-21");
    assert_eq!(
        doc["summary"],
        serde_json::json!({"consistent": 10, "contradicted": 2, "unverifiable": 0})
    );
    assert_eq!(doc["errors"], serde_json::json!([]));
    let claims = doc["claims"].as_array().expect("claims");
    let got: Vec<(&str, &str)> = claims
        .iter()
        .map(|c| {
            (
                c["text"].as_str().expect("text"),
                c["verdict"].as_str().expect("verdict"),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("1000 亿美元", "consistent"),
            ("5000 亿美元", "consistent"),
            ("5000 亿美元", "consistent"),
            ("1000 亿美元", "consistent"),
            ("1000 亿美元", "consistent"),
            ("$500 billion", "consistent"),
            ("$100 billion", "consistent"),
            ("远低于 100 亿美元", "contradicted"),
            ("well under $10B", "contradicted"),
            ("约 250 亿美元", "consistent"),
            ("90%", "consistent"),
            ("约 1600 亿美元", "consistent"),
        ]
    );
    let cash = &claims[9];
    assert_eq!(cash["entity"], "SoftBank Group");
    assert_eq!(cash["metric"], "cash and cash equivalents");
    assert_eq!(cash["period"], "2024-09-30");
    assert_eq!(cash["ledger"]["unit"], "JPY");
    assert_eq!(cash["ledger"]["value"], "3578000000000");
    assert_eq!(cash["ledger"]["converted_value"], "25000000000");
    assert_eq!(cash["ledger"]["fx_date"], "2024-09-30");
    assert_eq!(cash["ledger"]["line"], 5);
    // The mention fields are those of `figcheck extract`.
    assert_eq!(cash["value"], "25000000000");
    assert_eq!(cash["approx"], true);
    assert_eq!(
        (cash["line"].clone(), cash["column"].clone()),
        (3.into(), 1855.into())
    );
    let musk = &claims[7];
    assert_eq!(musk["entity"], "SoftBank Group");
    assert_eq!(musk["ledger"]["converted_value"], "19000000000");
    assert_eq!(musk["diagnosis_kind"]["type"], "outside_bound");
}

#[test]
fn extract_and_check_report_the_same_mention_fields() {
    let r = in_crate(&["extract", "--format", "json", "data/stargate-zh.txt"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mentions = r.json()[0]["mentions"].clone();
    let mut args = QUICK_START.to_vec();
    args.extend(["--format", "json"]);
    let checked = in_crate(&args).json()[0]["claims"].clone();
    let (mentions, checked) = (
        mentions.as_array().expect("mentions"),
        checked.as_array().expect("claims"),
    );
    assert_eq!(mentions.len(), checked.len());
    for (m, c) in mentions.iter().zip(checked) {
        for (key, value) in m.as_object().expect("mention object") {
            assert_eq!(&c[key], value, "{key} of {}", m["text"]);
        }
    }
}

/// A ledger for the small articles below: SoftBank's cash at two dates.
const LEDGER: &str = "\
entity,metric,period,value,unit,scale
软银,现金,2024-06-30,100,USD,亿
软银,现金,2024-12-31,280,USD,亿
";

fn with_ledger(name: &str) -> TempDir {
    let dir = TempDir::new(name);
    dir.write("ledger.csv", LEDGER);
    dir
}

#[test]
fn exit_0_when_all_consistent_and_1_when_one_is_contradicted() {
    let dir = with_ledger("exit");
    dir.write("ok.txt", "软银的现金 280 亿美元。")
        .write("bad.txt", "软银的现金 180 亿美元。");
    let check = |file: &str| {
        figcheck(
            &dir,
            &[
                "check",
                file,
                "--ledger",
                "ledger.csv",
                "--date",
                "2025-01-10",
            ],
            None,
        )
    };
    let r = check("ok.txt");
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    assert!(
        r.stdout.starts_with("ok.txt:1:7  280 亿美元  CONSISTENT\n"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.ends_with(
            "\nok.txt: 1 consistent, 0 contradicted, 0 unverifiable (article date 2025-01-10)\n"
        ),
        "{}",
        r.stdout
    );
    let r = check("bad.txt");
    assert_eq!((r.code, r.stderr.as_str()), (1, ""));
    assert!(
        r.stdout
            .starts_with("bad.txt:1:7  180 亿美元  CONTRADICTED\n"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("  diff     -10,000,000,000 USD (-35.71%)\n"),
        "{}",
        r.stdout
    );

    // An article without any figure has nothing contradicted.
    dir.write("none.txt", "软银没有透露。");
    let r = check("none.txt");
    assert_eq!(
        (r.code, r.stdout.as_str(), r.stderr.as_str()),
        (
            0,
            "none.txt: 0 consistent, 0 contradicted, 0 unverifiable (article date 2025-01-10)\n",
            ""
        )
    );
}

#[test]
fn several_articles_end_with_a_total() {
    let dir = with_ledger("several");
    dir.write("a.txt", "软银的现金 280 亿美元。")
        .write("b.txt", "软银的现金 180 亿美元,持有 90% 的股份。");
    let r = figcheck(
        &dir,
        &[
            "check",
            "a.txt",
            "missing.txt",
            "b.txt",
            "--ledger",
            "ledger.csv",
            "--date",
            "2025-01-10",
        ],
        None,
    );
    assert_eq!(r.code, 2, "an error wins over a contradiction");
    assert_eq!(
        r.stderr
            .lines()
            .map(|l| l.split(": no such").next().unwrap_or(l))
            .collect::<Vec<_>>(),
        ["figcheck: missing.txt: cannot read"],
        "{}",
        r.stderr
    );
    assert!(
        r.stdout.contains("\nb.txt:1:7  180 亿美元  CONTRADICTED\n"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(
            "a.txt: 1 consistent, 0 contradicted, 0 unverifiable (article date 2025-01-10)\n\n\
             missing.txt: not checked: missing.txt: cannot read: no such file or directory (os error 2)\n\nb.txt:"
        ),
        "a blank line between documents: {}",
        r.stdout
    );
    assert!(
        r.stdout.ends_with(
            "unverifiable (article date 2025-01-10)\n\ntotal: 1 consistent, 1 contradicted, 1 unverifiable in 2 documents; 1 document not read\n"
        ),
        "{}",
        r.stdout
    );

    let r = figcheck(
        &dir,
        &[
            "check",
            "a.txt",
            "a.txt",
            "--ledger",
            "ledger.csv",
            "--date",
            "2025-01-10",
        ],
        None,
    );
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    assert!(
        r.stdout
            .ends_with("\n\ntotal: 2 consistent, 0 contradicted, 0 unverifiable in 2 documents\n"),
        "{}",
        r.stdout
    );
}

#[test]
fn tolerance_widens_or_narrows_approximate_claims() {
    let dir = with_ledger("tolerance");
    // 约 250 亿 against 280 亿: off by 30 亿, within 5 亿 (rounding) + 10% of 250 亿.
    dir.write("a.txt", "软银的现金约 250 亿美元。");
    let check = |extra: &[&str]| {
        let mut args = vec![
            "check",
            "a.txt",
            "--ledger",
            "ledger.csv",
            "--date",
            "2025-01-10",
        ];
        args.extend(extra);
        args.extend(["--format", "json"]);
        figcheck(&dir, &args, None)
    };
    let verdict = |r: &Run| r.json()[0]["claims"][0]["verdict"].clone();
    let r = check(&[]);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    assert_eq!(verdict(&r), "consistent");
    assert_eq!(r.json()[0]["claims"][0]["ledger"]["value"], "28000000000");
    for t in ["0.05", "5%"] {
        let r = check(&["--tolerance", t]);
        assert_eq!((r.code, r.stderr.as_str()), (1, ""), "--tolerance {t}");
        assert_eq!(verdict(&r), "contradicted");
        assert_eq!(r.json()[0]["claims"][0]["diagnosis"], "beyond tolerance");
    }
    let r = check(&["--tolerance", "0.10"]);
    assert_eq!((r.code, verdict(&r)), (0, "consistent".into()));

    for (bad, message) in [
        (
            "ten",
            "figcheck: --tolerance: invalid value \"ten\": expected a fraction such as 0.05 or a percentage such as 5%\n",
        ),
        (
            "-0.1",
            "figcheck: --tolerance: invalid value \"-0.1\": expected a fraction such as 0.05 or a percentage such as 5%\n",
        ),
        (
            "150%",
            "figcheck: --tolerance: \"150%\" is out of range: expected at least 0 and below 1 (100%)\n",
        ),
    ] {
        let r = check(&["--tolerance", bad]);
        assert_eq!(
            (r.code, r.stdout.as_str(), r.stderr.as_str()),
            (2, "", message)
        );
    }
}

#[test]
fn jsonl_documents_stream_in_order_with_their_own_dates() {
    let dir = with_ledger("jsonl");
    let docs = concat!(
        "{\"id\": \"a\", \"text\": \"软银的现金约 250 亿美元。\"}\n",
        // Its own date picks the June row: 100 亿 is right for then.
        "{\"id\": \"b\", \"text\": \"软银的现金 100 亿美元。\", \"date\": \"2024-09-01\"}\n",
        "{\"id\": \"broken\", \"text\": \n",
        "\n",
        // --date picks the December row: 100 亿 is a period mismatch.
        "{\"id\": 3, \"text\": \"软银的现金 100 亿美元。\"}\n",
    );
    dir.write("docs.jsonl", docs);
    let r = figcheck(
        &dir,
        &[
            "check",
            "--input",
            "jsonl",
            "docs.jsonl",
            "--ledger",
            "ledger.csv",
            "--date",
            "2025-01-10",
        ],
        None,
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        "figcheck: docs.jsonl:3:25: invalid JSON (EOF while parsing a value): expected one JSON object per line\n"
    );
    let out = r.json();
    let got: Vec<(Json, Json, Json, Json)> = out
        .iter()
        .map(|d| {
            (
                d["id"].clone(),
                d["date"].clone(),
                d["claims"][0]["verdict"].clone(),
                d["claims"][0]["ledger"]["period"].clone(),
            )
        })
        .collect();
    let j = |s: &str| Json::from(s);
    assert_eq!(
        got,
        [
            (j("a"), j("2025-01-10"), j("consistent"), j("2024-12-31")),
            (j("b"), j("2024-09-01"), j("consistent"), j("2024-06-30")),
            // the broken line: a record not checked, in its place
            (j("docs.jsonl[3]"), Json::Null, Json::Null, Json::Null),
            (
                Json::from(3),
                j("2025-01-10"),
                j("contradicted"),
                j("2024-12-31")
            ),
        ]
    );
    assert_eq!(
        out[3]["claims"][0]["diagnosis_kind"]["type"],
        "period_mismatch"
    );

    // Without the broken line, the contradiction decides the status.
    let good: String = docs
        .lines()
        .filter(|l| !l.contains("broken"))
        .map(|l| format!("{l}\n"))
        .collect();
    let r = figcheck(
        &dir,
        &[
            "check",
            "--input",
            "jsonl",
            "--ledger",
            "ledger.csv",
            "--date",
            "2025-01-10",
        ],
        Some(good.as_bytes()),
    );
    assert_eq!((r.code, r.stderr.as_str()), (1, ""));
    assert_eq!(r.json().len(), 3);
}

#[test]
fn jsonl_bad_date_is_located_and_the_document_skipped() {
    let dir = with_ledger("jsonl-date");
    let docs = concat!(
        "{\"id\": 1, \"text\": \"软银的现金 280 亿美元。\", \"date\": \"2025-13-01\"}\n",
        "{\"id\": 2, \"text\": \"软银的现金 280 亿美元。\", \"date\": 20250110}\n",
        "{\"id\": 3, \"text\": \"软银的现金 280 亿美元。\", \"date\": \"2025-01-10\"}\n",
    );
    dir.write("d.jsonl", docs);
    let r = figcheck(
        &dir,
        &[
            "check",
            "--input",
            "jsonl",
            "d.jsonl",
            "--ledger",
            "ledger.csv",
        ],
        None,
    );
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "figcheck: d.jsonl:1:45: \"date\": invalid date \"2025-13-01\": expected an ISO date YYYY-MM-DD\n\
         figcheck: d.jsonl:2:45: \"date\" is not a string: expected an ISO date such as \"2025-01-21\" or no \"date\"\n"
    );
    // the two documents with bad dates are records not checked, with their ids
    let out = r.json();
    assert_eq!(out.len(), 3);
    assert_eq!(out[0]["id"], 1);
    assert!(
        out[0]["not_checked"]
            .as_str()
            .is_some_and(|w| w.contains("invalid date"))
    );
    assert!(
        out[1]["not_checked"]
            .as_str()
            .is_some_and(|w| w.contains("is not a string"))
    );
    assert_eq!(out[2]["id"], 3, "ids are echoed as given");
    assert_eq!(out[2]["claims"][0]["verdict"], "consistent");
}

#[test]
fn jsonl_input_is_json_only() {
    let dir = with_ledger("jsonl-text");
    let r = figcheck(
        &dir,
        &[
            "check",
            "--input",
            "jsonl",
            "--format",
            "text",
            "--ledger",
            "ledger.csv",
        ],
        None,
    );
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "figcheck: --format text: not available with --input jsonl: expected --format json or no --format\n"
    );
}

/// Runs `check` on an article that does not exist, with the given tables:
/// a table that cannot be used stops the run before any article is read.
fn check_tables(dir: &TempDir, tables: &[&str]) -> Run {
    let mut args = vec!["check", "no-such-article.txt"];
    args.extend(tables);
    figcheck(dir, &args, None)
}

#[test]
fn malformed_ledgers_give_located_messages() {
    const HEADER: &str = "entity,metric,period,value,unit\n";
    let cases: [(&str, Vec<u8>, &str); 8] = [
        (
            "missing column",
            b"entity,metric,period,unit\nA,cash,2024-09-30,USD\n".to_vec(),
            "l.csv:1:1: missing column \"value\": expected columns entity, metric, period, value, unit",
        ),
        (
            "bad decimal",
            format!("{HEADER}A,cash,2024-09-30,\"12,3.4\",USD\n").into_bytes(),
            "l.csv:2:19: invalid amount \"12,3.4\": expected three digits after ','",
        ),
        (
            "not a decimal",
            format!("{HEADER}A,cash,2024-09-30,1e5,USD\n").into_bytes(),
            "l.csv:2:19: invalid amount \"1e5\": expected an exact decimal such as 1234.5 or 1,234.5",
        ),
        (
            "bad date",
            format!("{HEADER}A,cash,2024-02-30,1,USD\n").into_bytes(),
            "l.csv:2:8: invalid date \"2024-02-30\": expected an ISO date YYYY-MM-DD",
        ),
        (
            "unknown currency",
            format!("{HEADER}A,cash,2024-09-30,1,XYZ\n").into_bytes(),
            "l.csv:2:21: unknown currency \"XYZ\": expected an ISO 4217 code such as USD",
        ),
        (
            "duplicate row",
            format!("{HEADER}A,cash,2024-09-30,1,USD\nA,Cash,2024-09-30,2,USD\n").into_bytes(),
            "l.csv:2:1: rows for A / cash / 2024-09-30 disagree (lines 2, 3): none of them is used",
        ),
        (
            "empty file",
            Vec::new(),
            "l.csv:1:1: empty file: expected a header row with columns entity, metric, period, value, unit",
        ),
        (
            "invalid UTF-8",
            [HEADER.as_bytes(), b"A,\xe7\x8e\xb0\xff,2024-09-30,1,USD\n"].concat(),
            "l.csv:2:4: invalid UTF-8 at byte 37: expected UTF-8 text",
        ),
    ];
    for (what, ledger, message) in cases {
        let dir = TempDir::new("ledger");
        dir.write("l.csv", &ledger);
        let r = check_tables(&dir, &["--ledger", "l.csv"]);
        // a table that cannot be used stops the run; a bad row is left out
        // and the run goes on with the good rows (here, to the missing article)
        let fatal = ["missing column", "empty file", "invalid UTF-8"].contains(&what);
        let expected = if fatal {
            format!("figcheck: {message}\n")
        } else {
            let line = message[6..].split(':').next().unwrap_or_default();
            let left_out = if what == "duplicate row" {
                "2 bad rows are left out (lines 2, 3)".to_string()
            } else {
                format!("1 bad row is left out (line {line})")
            };
            format!(
                "figcheck: {message}\n\
                 figcheck: l.csv: checking with the 0 good rows only; {left_out}\n\
                 figcheck: no-such-article.txt: cannot read: no such file or directory (os error 2)\n"
            )
        };
        // the article that could not be read is in the report, not checked
        let stdout = if fatal {
            ""
        } else {
            "no-such-article.txt: not checked: no-such-article.txt: cannot read: no such file or directory (os error 2)\n"
        };
        assert_eq!(
            (r.code, r.stdout.as_str(), r.stderr.as_str()),
            (2, stdout, expected.as_str()),
            "{what}"
        );
    }
}

#[test]
fn every_bad_row_of_every_table_is_reported() {
    let dir = TempDir::new("all-errors");
    dir.write(
        "l.csv",
        "entity,metric,period,value,unit\n\
         A,cash,2024-13-01,1,USD\n\
         A,cash,2024-09-30,\"12,3.4\",USD\n\
         A,cash,2024-06-30,5,XYZ\n\
         A,cash,2024-03-31,5\n\
         A,cash,2023-12-31,5,USD\n",
    )
    .write(
        "a.csv",
        "kind,alias,canonical\ncompany,软银,SoftBank Group\nentity,,X\nmetric,现金,cash\n",
    )
    .write(
        "fx.csv",
        "date,base,quote,rate\n\
         2024-09-30,USD,JPY,-1\n\
         2024-09-31,USD,JPY,143\n\
         2024-09-30,USD,ABC,1\n\
         2024-09-30,USD,JPY,143.12\n\
         2024-09-30,USD,JPY,143.2\n",
    );
    let r = check_tables(
        &dir,
        &[
            "--ledger",
            "l.csv",
            "--aliases",
            "a.csv",
            "--fx",
            "fx.csv",
            "-o",
            "out.txt",
        ],
    );
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout, "");
    assert_eq!(
        r.stderr.lines().collect::<Vec<_>>(),
        [
            "figcheck: l.csv:2:8: invalid date \"2024-13-01\": expected an ISO date YYYY-MM-DD",
            "figcheck: l.csv:3:19: invalid amount \"12,3.4\": expected three digits after ','",
            "figcheck: l.csv:4:21: unknown currency \"XYZ\": expected an ISO 4217 code such as USD",
            "figcheck: l.csv:5:1: row has 4 fields: expected 5 like the header",
            "figcheck: l.csv: checking with the 1 good row only; 4 bad rows are left out (lines 2, 3, 4, 5)",
            "figcheck: a.csv:2:1: unknown kind \"company\": expected entity or metric",
            "figcheck: a.csv:3:8: empty alias: expected a value",
            "figcheck: a.csv: checking with the 1 good row only; 2 bad rows are left out (lines 2, 3)",
            "figcheck: fx.csv:2:20: invalid rate \"-1\": expected a positive decimal",
            "figcheck: fx.csv:3:1: invalid date \"2024-09-31\": expected an ISO date YYYY-MM-DD",
            "figcheck: fx.csv:4:16: unknown currency \"ABC\": expected an ISO 4217 code such as USD",
            "figcheck: fx.csv:5:1: rows for USD/JPY / 2024-09-30 disagree (lines 5, 6): none of them is used",
            "figcheck: fx.csv:6:1: rows for USD/JPY / 2024-09-30 disagree (lines 5, 6): none of them is used",
            "figcheck: fx.csv: checking with the 0 good rows only; 5 bad rows are left out (lines 2, 3, 4, 5, 6)",
            "figcheck: no-such-article.txt: cannot read: no such file or directory (os error 2)",
        ],
        "every bad row is named, then the check goes on with the good rows"
    );
}

#[test]
fn malformed_aliases_and_fx_files() {
    let dir = TempDir::new("tables");
    dir.write("l.csv", LEDGER)
        .write("a.csv", "kind,alias\nentity,软银\n")
        .write("empty.csv", "")
        .write(
            "bad.csv",
            b"date,base,quote,rate\n2024-09-30,USD,\xff,1\n".as_slice(),
        );
    let r = check_tables(&dir, &["--ledger", "l.csv", "--aliases", "a.csv"]);
    assert_eq!(
        (r.code, r.stderr.as_str()),
        (
            2,
            "figcheck: a.csv:1:1: missing column \"canonical\": expected columns kind, alias, canonical\n"
        )
    );
    let r = check_tables(&dir, &["--ledger", "l.csv", "--fx", "empty.csv"]);
    assert_eq!(
        (r.code, r.stderr.as_str()),
        (
            2,
            "figcheck: empty.csv:1:1: empty file: expected a header row with columns date, base, quote, rate\n"
        )
    );
    let r = check_tables(&dir, &["--ledger", "l.csv", "--fx", "bad.csv"]);
    assert_eq!(
        (r.code, r.stderr.as_str()),
        (
            2,
            "figcheck: bad.csv:2:16: invalid UTF-8 at byte 36: expected UTF-8 text\n"
        )
    );
    let r = check_tables(&dir, &["--ledger", "missing.csv", "--fx", "gone.csv"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr.lines().collect::<Vec<_>>(),
        [
            "figcheck: missing.csv: cannot read: no such file or directory (os error 2)",
            "figcheck: gone.csv: cannot read: no such file or directory (os error 2)",
        ]
    );
}

#[test]
fn table_warnings_are_printed_but_do_not_fail() {
    let dir = TempDir::new("warnings");
    dir.write(
        "l.csv",
        "entity,metric,period,value,unit,scale,remark\n软银,现金,2024-12-31,280,USD,亿,x\n软银,现金,2024-12-31,280,USD,亿,y\n",
    )
    .write("a.txt", "软银的现金 280 亿美元。");
    let r = figcheck(
        &dir,
        &[
            "check",
            "a.txt",
            "--ledger",
            "l.csv",
            "--date",
            "2025-01-10",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let warnings: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(warnings.len(), 2, "{}", r.stderr);
    assert_eq!(
        warnings[0],
        "figcheck: warning: l.csv:1:39: unknown column \"remark\" is ignored: expected columns entity, metric, period, value, unit, scale, source, note, start, concept, form, accn, filed, cik, derived, fiscal, length"
    );
    assert_eq!(
        warnings[1],
        "figcheck: warning: l.csv:3:1: repeated row for 软银 / 现金 / 2024-12-31 with the same value is kept once: first given on line 2"
    );
    assert!(r.stdout.contains("  CONSISTENT\n"), "{}", r.stdout);
}

#[test]
fn usage_errors_exit_2() {
    let dir = with_ledger("usage");
    dir.write("a.txt", "软银的现金 280 亿美元。");
    let r = figcheck(
        &dir,
        &[
            "check",
            "a.txt",
            "--ledger",
            "ledger.csv",
            "--date",
            "2025-13-01",
        ],
        None,
    );
    assert_eq!(
        (r.code, r.stdout.as_str(), r.stderr.as_str()),
        (
            2,
            "",
            "figcheck: --date: invalid date \"2025-13-01\": expected an ISO date YYYY-MM-DD\n"
        )
    );
    let r = figcheck(
        &dir,
        &[
            "check",
            "a.txt",
            "--ledger",
            "ledger.csv",
            "--date",
            "yesterday",
        ],
        None,
    );
    assert_eq!(
        (r.code, r.stderr.as_str()),
        (
            2,
            "figcheck: --date: invalid date \"yesterday\": expected an ISO date YYYY-MM-DD\n"
        )
    );

    let r = figcheck(&dir, &["check", "a.txt"], None);
    assert_eq!((r.code, r.stdout.as_str()), (2, ""));
    assert!(
        r.stderr.starts_with(
            "error: the following required arguments were not provided:\n  --ledger <FILE>\n"
        ),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("Usage: figcheck check --ledger <FILE>"),
        "{}",
        r.stderr
    );

    let r = figcheck(
        &dir,
        &[
            "check",
            "a.txt",
            "--ledger",
            "ledger.csv",
            "--currency-hint",
            "XYZ",
        ],
        None,
    );
    assert_eq!(
        (r.code, r.stderr.as_str()),
        (
            2,
            "figcheck: --currency-hint: unknown currency \"XYZ\": expected an ISO 4217 code such as USD\n"
        )
    );
    let r = figcheck(
        &dir,
        &[
            "check",
            "a.txt",
            "--ledger",
            "ledger.csv",
            "-o",
            "ledger.csv",
        ],
        None,
    );
    assert_eq!(
        (r.code, r.stderr.as_str()),
        (
            2,
            "figcheck: ledger.csv: output file is also an input: expected a different -o file\n"
        )
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("ledger.csv")).expect("ledger kept"),
        LEDGER
    );
}

#[test]
fn bad_articles_are_reported_and_the_others_checked() {
    let dir = with_ledger("bad-articles");
    dir.write("bad.txt", b"\xe8\xbd\xaf\xff".as_slice())
        .write("ok.txt", "软银的现金 280 亿美元。");
    let r = figcheck(
        &dir,
        &[
            "check",
            "bad.txt",
            "ok.txt",
            "--ledger",
            "ledger.csv",
            "--date",
            "2025-01-10",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "figcheck: bad.txt:1:2: invalid UTF-8 at byte 3: expected UTF-8 text\n"
    );
    // the bad file is in the report too, not checked, with why
    let out = r.json();
    assert_eq!(out.len(), 2);
    assert_eq!(out[0]["id"], "bad.txt");
    assert_eq!(
        out[0]["not_checked"],
        "bad.txt:1:2: invalid UTF-8 at byte 3: expected UTF-8 text"
    );
    assert_eq!(out[1]["id"], "ok.txt");
    assert!(out[1].get("not_checked").is_none());
}

#[test]
fn overflowing_figures_are_warnings() {
    let dir = with_ledger("overflow");
    dir.write(
        "big.txt",
        "软银的现金 280 亿美元。\n  9999999999999999999999999999999 亿美元",
    );
    let r = figcheck(
        &dir,
        &[
            "check",
            "big.txt",
            "--ledger",
            "ledger.csv",
            "--date",
            "2025-01-10",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .starts_with("figcheck: warning: big.txt:2:3: amount "),
        "{}",
        r.stderr
    );
    let out = r.json();
    assert_eq!(out[0]["claims"].as_array().map(Vec::len), Some(1));
    assert_eq!(out[0]["errors"].as_array().map(Vec::len), Some(1));
}

#[test]
fn stdin_quiet_output_and_color() {
    let dir = with_ledger("stdin");
    let article = "软银的现金 180 亿美元。".as_bytes();
    fn with<'a>(extra: &[&'a str]) -> Vec<&'a str> {
        let mut args = vec!["check", "--ledger", "ledger.csv", "--date", "2025-01-10"];
        args.extend(extra);
        args
    }
    let r = figcheck(&dir, &with(&[]), Some(article));
    assert_eq!((r.code, r.stderr.as_str()), (1, ""));
    assert!(
        r.stdout
            .starts_with("<stdin>:1:7  180 亿美元  CONTRADICTED\n"),
        "{}",
        r.stdout
    );
    let r = figcheck(&dir, &with(&["-", "--format", "json"]), Some(article));
    assert_eq!(r.json()[0]["id"], "-");

    // -q: the report is still written; errors still said
    let r = figcheck(&dir, &with(&["-q"]), Some(article));
    assert_eq!((r.code, r.stderr.as_str()), (1, ""));
    assert!(r.stdout.contains("CONTRADICTED"), "{}", r.stdout);
    let r = figcheck(&dir, &with(&["-q", "missing.txt"]), None);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("missing.txt: cannot read"),
        "{}",
        r.stderr
    );

    let r = figcheck(&dir, &with(&["-o", "out.txt"]), Some(article));
    assert_eq!((r.code, r.stdout.as_str(), r.stderr.as_str()), (1, "", ""));
    let written = std::fs::read_to_string(dir.path().join("out.txt")).expect("output written");
    assert!(written.contains("CONTRADICTED"), "{written}");
    assert!(!written.contains('\x1b'));

    let r = figcheck(&dir, &with(&["--color", "always"]), Some(article));
    assert!(
        r.stdout.contains("\x1b[1;31mCONTRADICTED\x1b[0m"),
        "{}",
        r.stdout
    );
    let r = figcheck(
        &dir,
        &with(&["--color", "always", "--format", "json"]),
        Some(article),
    );
    assert!(!r.stdout.contains('\x1b'));
    r.json();
}

#[test]
fn broken_pipe_exits_quietly() {
    let dir = with_ledger("pipe");
    let line = "{\"id\": 1, \"text\": \"软银的现金 280 亿美元。\"}\n";
    dir.write("many.jsonl", line.repeat(5_000));
    let mut child = Command::new(crate::cli::BIN)
        .args([
            "check",
            "--input",
            "jsonl",
            "many.jsonl",
            "--ledger",
            "ledger.csv",
            "--date",
            "2025-01-10",
        ])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start figcheck");
    let mut stdout = child.stdout.take().expect("piped stdout");
    let mut first = [0u8; 64];
    stdout.read_exact(&mut first).expect("some output");
    drop(stdout);
    let out = child.wait_with_output().expect("figcheck ends");
    assert_eq!(out.status.code(), Some(0), "all consistent so far");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert!(
        first.starts_with(b"{\"id\":1,"),
        "{}",
        String::from_utf8_lossy(&first)
    );
    // a contradiction found before the pipe closed still sets the status
    let bad = "{\"id\": 1, \"text\": \"软银的现金 180 亿美元。\"}\n";
    dir.write("bad.jsonl", bad.repeat(5_000));
    let mut child = Command::new(crate::cli::BIN)
        .args([
            "check",
            "--input",
            "jsonl",
            "bad.jsonl",
            "--ledger",
            "ledger.csv",
            "--date",
            "2025-01-10",
        ])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start figcheck");
    let mut stdout = child.stdout.take().expect("piped stdout");
    stdout.read_exact(&mut first).expect("some output");
    drop(stdout);
    let out = child.wait_with_output().expect("figcheck ends");
    assert_eq!(
        out.status.code(),
        Some(1),
        "contradicted, though the pipe closed"
    );
}

/// A file that is not a CSV ledger at all gets one clear error at once
/// (JSON, HTML, another separator); repeated problems are listed up to 100
/// and counted beyond; trailing optional columns may be left off a row.
#[test]
fn not_a_csv_ledger_and_many_bad_rows() {
    let dir = TempDir::new("not-csv");
    dir.write("a.txt", "Apple revenue was $5.");
    let mut big = String::from("{\"cik\":320193,\"entityName\":\"Apple Inc.\",\"facts\":{");
    for i in 0..20_000 {
        big.push_str(&format!("\"C{i}\":{{\"units\":{{}}}},"));
    }
    big.push_str("\"end\":1}}");
    for (name, text, looks) in [
        ("json.csv", big.as_str(), "looks like JSON"),
        (
            "page.csv",
            "<html><body>entity</body></html>\n",
            "looks like HTML or XML",
        ),
        (
            "semi.csv",
            "entity;metric;period;value;unit\nA;cash;2024-09-30;1;USD\n",
            "looks like a ';'-separated file",
        ),
        (
            "tab.csv",
            "entity\tmetric\tperiod\tvalue\tunit\nA\tcash\t2024-09-30\t1\tUSD\n",
            "looks like a tab-separated file",
        ),
    ] {
        dir.write(name, text);
        let r = figcheck(&dir, &["check", "a.txt", "--ledger", name], None);
        assert_eq!(r.code, 2, "{name}: {}", r.stderr);
        let lines: Vec<&str> = r.stderr.lines().collect();
        assert_eq!(lines.len(), 1, "{name}: {}", r.stderr);
        assert!(
            lines[0].starts_with(&format!("figcheck: {name}:1:1: not a CSV table: {looks}")),
            "{}",
            lines[0]
        );
    }
    let mut rows = String::from("entity,metric,period,value,unit\n");
    for i in 0..5000 {
        rows.push_str(&format!("A,revenue,2024-13-{:02},5,USD\n", i % 28 + 1));
    }
    dir.write("bad.csv", &rows);
    let r = figcheck(
        &dir,
        &[
            "check",
            "a.txt",
            "--ledger",
            "bad.csv",
            "--date",
            "2025-01-10",
        ],
        None,
    );
    assert_eq!(r.code, 2);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(lines.len(), 102, "{}", r.stderr);
    assert_eq!(
        lines[100],
        "figcheck: bad.csv:102:11: 4900 more problems in this file are not listed (the first 100 are)"
    );
    assert!(
        lines[101].starts_with("figcheck: bad.csv: checking with the 0 good rows only; 5000 bad rows are left out (lines 2, 3,"),
        "{}",
        lines[101]
    );
    // 5 fields under a 7-column header whose last two are optional
    dir.write(
        "short.csv",
        "entity,metric,period,value,unit,scale,source\nApple,revenue,2024-12-31,5,USD\n",
    );
    let r = figcheck(
        &dir,
        &[
            "check",
            "a.txt",
            "--ledger",
            "short.csv",
            "--date",
            "2025-01-10",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.is_empty(), "{}", r.stderr);
}

/// A document that could not be checked (invalid UTF-8, a broken JSON
/// line) is named, with why, in the saved report of every format, not on
/// stderr only.
#[test]
fn documents_not_checked_are_in_every_report_format() {
    let dir = with_ledger("not-checked");
    std::fs::create_dir_all(dir.path().join("d")).expect("mkdir");
    dir.write("d/a.txt", "软银的现金 280 亿美元。")
        .write("d/bad.txt", b"x\xff\xfey".as_slice())
        .write("d/c.jsonl", "{\"id\": 1, \"text\":\n");
    let why_bad = "d/bad.txt:1:2: invalid UTF-8 at byte 1: expected UTF-8 text";
    let why_line = "d/c.jsonl:1:";
    for (format, shows) in [
        (
            "text",
            vec![
                "d/bad.txt: not checked: d/bad.txt:1:2",
                "d/c.jsonl[1]: not checked: d/c.jsonl:1:",
            ],
        ),
        (
            "markdown",
            vec![
                "**Not checked**: d/bad.txt:1:2",
                "**Not checked**: d/c.jsonl:1:",
            ],
        ),
        (
            "csv",
            vec![",not checked,d/bad.txt:1:2", ",not checked,d/c.jsonl:1:"],
        ),
        (
            "html",
            vec![
                "<strong>Not checked</strong>: d/bad.txt:1:2",
                "<strong>Not checked</strong>: d/c.jsonl:1:",
            ],
        ),
        ("json", vec![why_bad, why_line]),
    ] {
        let out = format!("r.{format}");
        let r = figcheck(
            &dir,
            &[
                "check",
                "d",
                "--ledger",
                "ledger.csv",
                "--date",
                "2025-01-10",
                "--format",
                format,
                "-o",
                &out,
            ],
            None,
        );
        assert_eq!(r.code, 2, "{format}: {}", r.stderr);
        let saved = std::fs::read_to_string(dir.path().join(&out)).expect("saved");
        for s in &shows {
            assert!(saved.contains(s), "{format}: no {s:?} in {saved}");
        }
    }
}

/// An empty article, and one with no date given or found, say so: in the
/// report and on stderr (a notice: the exit status does not change).
#[test]
fn empty_and_undated_articles_say_so() {
    let dir = with_ledger("notes");
    dir.write("empty.txt", "")
        .write("undated.txt", "软银的现金 280 亿美元。");
    let r = figcheck(
        &dir,
        &["check", "empty.txt", "--ledger", "ledger.csv"],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("empty.txt: note: the document is empty"),
        "{}",
        r.stdout
    );
    assert!(
        r.stderr
            .contains("figcheck: warning: empty.txt: the document is empty"),
        "{}",
        r.stderr
    );
    let r = figcheck(
        &dir,
        &[
            "check",
            "undated.txt",
            "--ledger",
            "ledger.csv",
            "--format",
            "json",
        ],
        None,
    );
    let notes = &r.json()[0]["notes"];
    assert!(
        notes[0]
            .as_str()
            .is_some_and(|n| n.starts_with("no article date")),
        "{notes}"
    );
    assert!(
        r.stderr
            .contains("undated.txt: no article date given or found"),
        "{}",
        r.stderr
    );
    // with a date, no note
    let r = figcheck(
        &dir,
        &[
            "check",
            "undated.txt",
            "--ledger",
            "ledger.csv",
            "--date",
            "2025-01-10",
            "--format",
            "json",
        ],
        None,
    );
    assert!(r.json()[0].get("notes").is_none());
    assert!(r.stderr.is_empty(), "{}", r.stderr);
}

/// `--bom` starts CSV output with a UTF-8 byte order mark for spreadsheets;
/// a ledger imported so reads back; other formats refuse it.
#[test]
fn bom_for_csv_output() {
    let dir = with_ledger("bom");
    dir.write("a.txt", "软银的现金 280 亿美元。");
    let r = figcheck(
        &dir,
        &[
            "check",
            "a.txt",
            "--ledger",
            "ledger.csv",
            "--date",
            "2025-01-10",
            "--format",
            "csv",
            "--bom",
            "-o",
            "r.csv",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let bytes = std::fs::read(dir.path().join("r.csv")).expect("written");
    assert!(bytes.starts_with("\u{feff}id,date,".as_bytes()));
    let r = figcheck(
        &dir,
        &["ledger", "import", "ledger.csv", "--bom", "-o", "again.csv"],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let again = std::fs::read(dir.path().join("again.csv")).expect("written");
    assert!(again.starts_with("\u{feff}entity,".as_bytes()));
    let r = figcheck(
        &dir,
        &[
            "check",
            "a.txt",
            "--ledger",
            "again.csv",
            "--date",
            "2025-01-10",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = figcheck(
        &dir,
        &["check", "a.txt", "--ledger", "ledger.csv", "--bom"],
        None,
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--bom is for CSV output"), "{}", r.stderr);
}
