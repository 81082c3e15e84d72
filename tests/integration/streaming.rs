//! Documents of 4 MiB or more are checked claim by claim as their report is
//! written (JSON, text, CSV): the bytes must be those of the report made
//! whole by the library, in input order among other documents, with the
//! same messages.

#![cfg(feature = "cli")]

use crate::cli::{TempDir, figcheck};
use figcheck::report::{csv, json, text};
use figcheck::{Aliases, Checker, Date, Extractor, FxRates, Ledger, Policy};
use std::path::{Path, PathBuf};

const SEEDS: [&str; 7] = [
    include_str!("../../data/corpus/alibaba-q1-fy2022-en.txt"),
    include_str!("../../data/corpus/apple-fy17-q3-en.txt"),
    include_str!("../../data/corpus/hsbc-h1-2023-zh.txt"),
    include_str!("../../data/corpus/meta-q2-2024-mixed.txt"),
    include_str!("../../data/corpus/stargate-zh.txt"),
    include_str!("../../data/corpus/toyota-fy2006-zh.txt"),
    include_str!("../../data/corpus/xiaomi-2024-results-zh-hant.txt"),
];

/// The sample tables of `data/`, by absolute path (as the CLI is given them).
fn tables() -> [PathBuf; 3] {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    ["ledger.csv", "aliases.csv", "fx.csv"].map(|f| data.join(f))
}

fn checker() -> Checker {
    let [l, a, f] = tables();
    Checker::new(
        Extractor::new(),
        Ledger::load(&l).expect("the sample ledger loads"),
        Aliases::load(&a).expect("the sample aliases load"),
        FxRates::load(&f).expect("the sample FX rates load"),
        Policy::default(),
    )
}

/// Over 4 MiB of real articles; on one line when `one_line`; with a
/// figure too large to represent near the start (an extraction error).
fn big(one_line: bool) -> String {
    let mut s = String::from("SoftBank 现金 99999999999999999999999999999 万亿美元。\n");
    while s.len() < (4 << 20) + 1000 {
        for seed in SEEDS {
            if one_line {
                s.push_str(&seed.replace('\n', " "));
                s.push(' ');
            } else {
                s.push_str(seed);
                s.push('\n');
            }
        }
    }
    s
}

fn args<'a>(tables: &'a [PathBuf; 3], lead: &[&'a str]) -> Vec<&'a str> {
    let mut v = lead.to_vec();
    for (flag, p) in ["--ledger", "--aliases", "--fx"].iter().zip(tables) {
        v.push(flag);
        v.push(p.to_str().expect("a UTF-8 path"));
    }
    v
}

#[test]
fn a_huge_document_is_reported_as_the_library_reports_it_whole() {
    let dir = TempDir::new("streaming");
    let (huge, lines) = (big(true), big(false));
    let small = "软银现金约 250 亿美元。";
    dir.write("huge.txt", &huge)
        .write("lines.txt", &lines)
        .write("small.txt", small);
    let tables = tables();
    let checker = checker();
    let docs = [
        ("small.txt", small),
        ("huge.txt", &huge),
        ("lines.txt", &lines),
    ];
    let reports: Vec<_> = docs
        .iter()
        .map(|(id, t)| checker.check(*id, t, None))
        .collect();
    assert!(reports[1].claims.len() > 10_000 && !reports[1].errors.is_empty());

    // JSON, three documents in input order
    let r = figcheck(
        &dir,
        &args(
            &tables,
            &[
                "check",
                "small.txt",
                "huge.txt",
                "lines.txt",
                "--format",
                "json",
            ],
        ),
        None,
    );
    let mut want = Vec::new();
    for report in &reports {
        json::write(report, &mut want).expect("in memory");
    }
    // 2: a figure could not be represented
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stdout.as_bytes() == want.as_slice(), "JSON differs");
    // the extraction error is reported for the huge document, before its report
    assert!(r.stderr.contains("huge.txt:1:"), "{}", r.stderr);

    // text, one document
    let r = figcheck(
        &dir,
        &args(&tables, &["check", "huge.txt", "--color", "never"]),
        None,
    );
    let mut want = Vec::new();
    let options = text::Options {
        label: "huge.txt",
        text: &huge,
        color: false,
    };
    text::write(&reports[1], &options, &mut want).expect("in memory");
    assert!(r.stdout.as_bytes() == want.as_slice(), "text differs");

    // CSV, a small document around the huge one
    let r = figcheck(
        &dir,
        &args(
            &tables,
            &["check", "small.txt", "lines.txt", "--format", "csv"],
        ),
        None,
    );
    let mut w = csv::Writer::new(Vec::new());
    w.write(&reports[0]).expect("in memory");
    w.write(&reports[2]).expect("in memory");
    let want = w.finish().expect("in memory");
    assert!(r.stdout.as_bytes() == want.as_slice(), "CSV differs");
}

#[test]
fn a_huge_json_lines_document_keeps_its_place_and_date() {
    let dir = TempDir::new("streaming-jsonl");
    let huge = big(true);
    let date: Date = "2025-01-21".parse().expect("a date");
    let lines = [
        serde_json::json!({"id": 1, "text": "软银现金约 250 亿美元。", "date": "2025-01-21"}),
        serde_json::json!({"id": "huge", "text": huge, "date": "2025-01-21"}),
        serde_json::json!({"id": 3, "text": "OpenAI 将投资 5000 亿美元。"}),
    ];
    let body: String = lines.iter().map(|l| format!("{l}\n")).collect();
    dir.write("docs.jsonl", body);
    let tables = tables();
    let r = figcheck(
        &dir,
        &args(
            &tables,
            &[
                "check",
                "--input",
                "jsonl",
                "docs.jsonl",
                "--format",
                "json",
                "-j",
                "2",
            ],
        ),
        None,
    );
    let checker = checker();
    let mut want = Vec::new();
    for (id, text, d) in [
        (serde_json::json!(1), "软银现金约 250 亿美元。", Some(date)),
        (serde_json::json!("huge"), huge.as_str(), Some(date)),
        (serde_json::json!(3), "OpenAI 将投资 5000 亿美元。", None),
    ] {
        json::write(&checker.check(id, text, d), &mut want).expect("in memory");
    }
    assert!(r.stdout.as_bytes() == want.as_slice(), "JSON Lines differ");
    assert!(
        r.stderr.contains("docs.jsonl:2: in \"text\" at 1:"),
        "{}",
        r.stderr
    );
}
