//! Money conformance suites (converted from Microsoft Recognizers-Text, MIT;
//! see tests/data/conformance/README.md), scored like `score.py`: a case
//! passes when every expected item is matched by a mention with the same
//! currency and exact value (or min and max), and no extra money mention exists.

use figcheck::{Extractor, Kind, Value};
use rust_decimal::Decimal;
use serde_json::Value as Json;
use std::str::FromStr;

const ZH: &str = include_str!("../data/conformance/recognizers-zh-currency.cases.jsonl");
const EN: &str = include_str!("../data/conformance/recognizers-en-currency.cases.jsonl");

#[derive(Debug, PartialEq)]
struct Item {
    currency: Option<String>,
    value: Option<Decimal>,
    min: Option<Decimal>,
    max: Option<Decimal>,
}

fn dec(v: &Json) -> Option<Decimal> {
    v.as_str()
        .and_then(|s| Decimal::from_str_exact(s).ok())
        .map(|d| d.normalize())
}

fn matches(exp: &Item, got: &Item) -> bool {
    if exp.currency != got.currency {
        return false;
    }
    if let Some(v) = exp.value {
        return got.value == Some(v)
            || (got.value.is_none() && got.min == Some(v) && got.max == Some(v));
    }
    exp.min == got.min && exp.max == got.max
}

/// Scores one suite; returns (cases, passed, failure descriptions).
fn score(suite: &str) -> (usize, usize, Vec<String>) {
    let ex = Extractor::new();
    let mut cases = 0;
    let mut passed = 0;
    let mut fails = Vec::new();
    for line in suite.lines().filter(|l| !l.trim().is_empty()) {
        let case: Json = serde_json::from_str(line).expect("suite lines are JSON");
        let text = case["text"].as_str().expect("case has text");
        let expect: Vec<Item> = case["expect"]
            .as_array()
            .expect("case has expect")
            .iter()
            .map(|e| Item {
                currency: e["currency"].as_str().map(str::to_string),
                value: dec(&e["value"]),
                min: dec(&e["min"]),
                max: dec(&e["max"]),
            })
            .collect();
        let mut got = Vec::new();
        let mut shown = Vec::new();
        for c in ex.claims(text) {
            let c = c.expect("no overflow in the suites");
            if c.amount().kind() != Kind::Money {
                continue;
            }
            let (value, min, max) = match c.amount().value() {
                Value::Point(v) => (Some(v.normalize()), None, None),
                other => (
                    None,
                    other.min().map(|d| d.normalize()),
                    other.max().map(|d| d.normalize()),
                ),
            };
            shown.push(format!(
                "{:?}={:?}{}",
                c.text(text),
                value.or(min),
                c.amount()
                    .currency()
                    .map(|c| c.to_string())
                    .unwrap_or_default()
            ));
            got.push(Item {
                currency: c.amount().currency().map(|c| c.code().to_string()),
                value,
                min,
                max,
            });
        }
        cases += 1;
        let mut used = vec![false; got.len()];
        let mut ok = 0;
        for e in &expect {
            if let Some(j) = (0..got.len()).find(|&j| !used[j] && matches(e, &got[j])) {
                used[j] = true;
                ok += 1;
            }
        }
        if ok == expect.len() && used.iter().all(|&u| u) {
            passed += 1;
        } else {
            let want: Vec<String> = case["expect"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|e| format!("{}={}{}", e["text"], e["value"], e["currency"]))
                        .collect()
                })
                .unwrap_or_default();
            fails.push(format!(
                "FAIL {} {:?}\n  expect {:?}\n  got    {:?}",
                case["id"], text, want, shown
            ));
        }
    }
    (cases, passed, fails)
}

fn run(name: &str, suite: &str, bar: f64) {
    let (cases, passed, fails) = score(suite);
    let rate = passed as f64 / cases as f64;
    println!("{name}: {passed}/{cases} cases pass, rate {rate:.4} (bar {bar})");
    for f in &fails {
        println!("{f}");
    }
    assert!(rate >= bar, "{name}: pass rate {rate:.4} is below {bar}");
}

#[test]
fn recognizers_zh_currency() {
    run("recognizers-zh-currency", ZH, 0.95);
}

#[test]
fn recognizers_en_currency() {
    run("recognizers-en-currency", EN, 0.90);
}

#[test]
fn decimal_parsing_is_exact() {
    assert_eq!(
        Decimal::from_str("1.10")
            .map(|d| d.normalize().to_string())
            .ok(),
        Some("1.1".to_string())
    );
}
