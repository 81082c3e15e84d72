//! Nothing lost (issue 5), end to end through the binary: a corpus with
//! corrupt documents checked against a ledger with bad rows. Every good
//! document has its report, in input order; every good ledger row is the
//! ledger figure of some claim in the output; every corrupt document and
//! every bad row is named, by line, in the errors; the claims that a bad row
//! would have covered say so; the exit status is 2.

#![cfg(feature = "cli")]

use crate::cli::{TempDir, figcheck};
use serde_json::Value as Json;
use std::collections::BTreeSet;

const NAMES: [&str; 12] = [
    "Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliett",
    "Kilo", "Lima",
];

/// What a ledger row is: good, or bad in one of several ways.
#[derive(Clone, Copy, PartialEq)]
enum Row {
    Good,
    BadValue,
    BadDate,
    BadCurrency,
    MissingField,
}

fn row_kind(i: usize) -> Row {
    match i % 6 {
        1 => Row::BadValue,
        3 => Row::BadDate,
        4 if i % 12 == 4 => Row::BadCurrency,
        5 if i % 12 == 11 => Row::MissingField,
        _ => Row::Good,
    }
}

#[test]
fn every_good_document_and_row_is_accounted_for_and_every_bad_one_named() {
    let dir = TempDir::new("no-loss");
    // the ledger: one row per entity (line = index + 2), some bad
    let mut ledger = String::from("entity,metric,period,value,unit,scale\n");
    let mut good_lines = BTreeSet::new();
    let mut bad_lines = BTreeSet::new();
    for (i, name) in NAMES.iter().enumerate() {
        let line = i + 2;
        let value = (i + 1) * 10;
        ledger.push_str(&match row_kind(i) {
            Row::Good => format!("{name} Corp,cash,2024-09-30,{value},USD,billion\n"),
            Row::BadValue => format!("{name} Corp,cash,2024-09-30,{value}.x,USD,billion\n"),
            Row::BadDate => format!("{name} Corp,cash,2024-09-31,{value},USD,billion\n"),
            Row::BadCurrency => format!("{name} Corp,cash,2024-09-30,{value},XYZ,billion\n"),
            Row::MissingField => format!("{name} Corp,cash,2024-09-30,{value}\n"),
        });
        if row_kind(i) == Row::Good {
            good_lines.insert(line);
        } else {
            bad_lines.insert(line);
        }
    }
    assert!(good_lines.len() >= 6 && bad_lines.len() >= 4);
    // the corpus: for every entity, a document stating its ledger figure;
    // corrupt lines in between
    let mut corpus = String::new();
    let mut good_ids = Vec::new();
    let mut corrupt_lines = Vec::new();
    let mut line = 0;
    for (i, name) in NAMES.iter().enumerate() {
        line += 1;
        let id = format!("doc-{i}");
        corpus.push_str(&format!(
            "{{\"id\": \"{id}\", \"date\": \"2024-10-15\", \"text\": \"{name} Corp had cash of ${} billion at the end of September 2024.\"}}\n",
            (i + 1) * 10
        ));
        good_ids.push(id);
        // a corrupt document after every third one
        if i % 3 == 2 {
            line += 1;
            corpus.push_str(match i % 4 {
                0 => "{\"id\": \"broken\", \"text\": \"unterminated\n",
                1 => "{\"id\": 5, \"date\": \"2024-02-30\", \"text\": \"bad date\"}\n",
                2 => "[\"not\", \"an object\"]\n",
                _ => "{\"id\": \"no text\"}\n",
            });
            corrupt_lines.push(line);
        }
    }
    // and one line that is not UTF-8
    let mut bytes = corpus.into_bytes();
    bytes.extend_from_slice(b"{\"id\": \"latin1\", \"text\": \"caf\xe9\"}\n");
    line += 1;
    corrupt_lines.push(line);
    bytes.extend_from_slice(b"\n   \n"); // blank lines are not documents
    dir.write("l.csv", &ledger).write("docs.jsonl", &bytes);

    let r = figcheck(
        &dir,
        &["check", "docs.jsonl", "--ledger", "l.csv", "-j", "2"],
        None,
    );
    assert_eq!(r.code, 2, "{}", r.stderr);

    // every good document is reported, once, in input order; every bad one
    // is a record not checked, in its place
    let all = r.json();
    let (reports, not_checked): (Vec<Json>, Vec<Json>) = all
        .into_iter()
        .partition(|d| d.get("not_checked").is_none());
    assert!(!not_checked.is_empty());
    let ids: Vec<String> = reports
        .iter()
        .map(|d| d["id"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(ids, good_ids);

    // every good row is the ledger figure of a consistent claim; every claim
    // about a bad row is unverifiable and names the row
    let mut used = BTreeSet::new();
    for (i, d) in reports.iter().enumerate() {
        let claims = d["claims"].as_array().expect("claims");
        assert_eq!(claims.len(), 1, "{d}");
        let c = &claims[0];
        let line = i + 2;
        if good_lines.contains(&line) {
            assert_eq!(c["verdict"], "consistent", "{c}");
            used.insert(c["ledger"]["line"].as_u64().expect("a ledger line") as usize);
        } else {
            assert_eq!(c["verdict"], "unverifiable", "{c}");
            let reason = c["reason"].as_str().unwrap_or_default();
            assert!(
                reason.contains(&format!(
                    "the ledger row on line {line} was left out as bad"
                )),
                "{reason}"
            );
        }
    }
    assert_eq!(used, good_lines);

    // every bad row and every corrupt document is named in the errors
    let errors: Vec<&str> = r.stderr.lines().collect();
    for line in &bad_lines {
        let at = format!("figcheck: l.csv:{line}:");
        assert!(
            errors.iter().any(|e| e.starts_with(&at)),
            "{at}\n{}",
            r.stderr
        );
    }
    for line in &corrupt_lines {
        let at = format!("figcheck: docs.jsonl:{line}:");
        assert!(
            errors.iter().any(|e| e.starts_with(&at)),
            "{at}\n{}",
            r.stderr
        );
    }
    // … and nothing else is: one line per bad row and per corrupt document,
    // and the note on how many rows the check used
    assert_eq!(
        errors.len(),
        bad_lines.len() + corrupt_lines.len() + 1,
        "{}",
        r.stderr
    );
    let note = format!(
        "figcheck: l.csv: checking with the {} good rows only; {} bad rows are left out",
        good_lines.len(),
        bad_lines.len()
    );
    assert!(
        errors.iter().any(|e| e.starts_with(&note)),
        "{note}\n{}",
        r.stderr
    );
}
