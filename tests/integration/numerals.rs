//! Numeral conformance suite (converted from Microsoft Recognizers-Text, MIT;
//! see tests/data/conformance/README.md): every expected item's text goes
//! through `parse_numeral` and must give the item's number, exactly, or within
//! a relative tolerance of 1e-12 for the items marked `"inexact": true`.
//! Negative cases (empty `expect`) contribute no items.

use figcheck::parse_numeral;
use rust_decimal::Decimal;
use serde_json::Value as Json;

const ZH: &str = include_str!("../data/conformance/recognizers-zh-number.cases.jsonl");

/// Pass rate the suite must reach.
const BAR: f64 = 0.95;

/// Relative tolerance for values the spec printed as rounded doubles.
fn tolerance() -> Decimal {
    Decimal::new(1, 12)
}

/// Whether `got` counts as `want`.
fn matches(want: Decimal, got: Decimal, inexact: bool) -> bool {
    if !inexact {
        return want.normalize() == got.normalize();
    }
    let diff = (want - got).abs();
    diff <= want.abs() * tolerance()
}

/// Scores the suite: (items, passed, failure descriptions).
fn score(suite: &str) -> (usize, usize, Vec<String>) {
    let mut items = 0;
    let mut passed = 0;
    let mut fails = Vec::new();
    for line in suite.lines().filter(|l| !l.trim().is_empty()) {
        let case: Json = serde_json::from_str(line).expect("suite lines are JSON");
        let id = case["id"].as_str().expect("case has an id");
        for item in case["expect"].as_array().expect("case has expect") {
            let text = item["text"].as_str().expect("item has text");
            let number = item["number"].as_str().expect("item has a number");
            let want = Decimal::from_str_exact(number).expect("item number is an exact decimal");
            let inexact = item["inexact"].as_bool().unwrap_or(false);
            items += 1;
            let got = parse_numeral(text);
            match &got {
                Ok(v) if matches(want, *v, inexact) => passed += 1,
                Ok(v) => fails.push(format!("FAIL {id} {text:?}: expected {number}, got {v}")),
                Err(e) => fails.push(format!(
                    "FAIL {id} {text:?}: expected {number}, got error: {e}"
                )),
            }
        }
    }
    (items, passed, fails)
}

#[test]
fn recognizers_zh_number() {
    let (items, passed, fails) = score(ZH);
    let rate = passed as f64 / items as f64;
    println!("recognizers-zh-number: {passed}/{items} items pass, rate {rate:.4} (bar {BAR})");
    for f in &fails {
        println!("{f}");
    }
    assert_eq!(items, 392, "the suite has 392 expected items");
    assert!(
        rate >= BAR,
        "recognizers-zh-number: pass rate {rate:.4} is below {BAR}"
    );
}

#[test]
fn tolerance_only_for_inexact_items() {
    let third = Decimal::ONE / Decimal::from(3);
    let printed = Decimal::from_str_exact("0.333333333333333").expect("decimal");
    assert!(matches(printed, third, true));
    assert!(!matches(printed, third, false));
    let two = Decimal::from(2);
    assert!(matches(
        two,
        Decimal::from_str_exact("2.000").expect("decimal"),
        false
    ));
}
