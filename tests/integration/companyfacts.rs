//! SEC companyfacts JSON as a ledger (issue 9), on the fixtures in
//! `tests/data/companyfacts/` (real published figures typed in; see the
//! README there): periods, fiscal calendars, fourth quarters, restatements,
//! concept switches, units, a foreign filer, bad input, verdicts with their
//! filings, and the CSV round trip.

use figcheck::ledger::{Fiscal, Length};
use figcheck::{
    Aliases, Checker, Currency, Date, Extractor, FxRates, Ledger, LedgerRow, Policy, Report, Unit,
    Verdict,
};

const APPLE: &str = include_str!("../data/companyfacts/apple.json");
const NVIDIA: &str = include_str!("../data/companyfacts/nvidia.json");
const TSMC: &str = include_str!("../data/companyfacts/tsmc.json");
const ALPHABET: &str = include_str!("../data/companyfacts/calendar-year.json");
const FACT_PROBLEMS: &str = include_str!("../data/companyfacts/bad/fact-problems.json");
const TRUNCATED: &str = include_str!("../data/companyfacts/bad/truncated.json");

fn d(s: &str) -> Date {
    s.parse().expect("a date")
}

fn load(text: &str, path: &str) -> Ledger {
    let (ledger, errors) = Ledger::from_companyfacts_partial(text, path).expect("companyfacts");
    assert!(errors.is_empty(), "{path}: {errors:?}");
    ledger
}

/// The row of `metric` for the period `start..end` (start "" for an instant) in `unit`.
fn row<'l>(
    l: &'l Ledger,
    entity: &str,
    metric: &str,
    start: &str,
    end: &str,
    unit: Unit,
) -> &'l LedgerRow {
    let start = (!start.is_empty()).then(|| d(start));
    l.series(entity, metric)
        .into_iter()
        .find(|r| r.start == start && r.end == d(end) && r.unit == unit)
        .unwrap_or_else(|| panic!("{entity} / {metric} / {start:?}..{end} / {unit}: no row"))
}

const USD: Unit = Unit::Currency(Currency::USD);

#[test]
fn instants_and_durations_sharing_an_end_date() {
    let l = load(NVIDIA, "nvidia.json");
    let assets = row(&l, "NVIDIA CORP", "total assets", "", "2025-01-26", USD);
    assert_eq!((assets.start, assets.length), (None, Length::Instant));
    assert_eq!(assets.value.to_string(), "111601000000");
    // the 10-Q of 2024-08-28 gives the quarter and the six months, both ending 2024-07-28
    let q = row(
        &l,
        "NVIDIA CORP",
        "revenue",
        "2024-04-29",
        "2024-07-28",
        USD,
    );
    let h = row(
        &l,
        "NVIDIA CORP",
        "revenue",
        "2024-01-29",
        "2024-07-28",
        USD,
    );
    assert_eq!(
        (q.length, q.value.to_string()),
        (Length::Quarter, "30040000000".into())
    );
    assert_eq!(
        (h.length, h.value.to_string()),
        (Length::Half, "56084000000".into())
    );
    let nine = row(
        &l,
        "NVIDIA CORP",
        "revenue",
        "2024-01-29",
        "2024-10-27",
        USD,
    );
    assert_eq!(nine.length, Length::NineMonths);
    let year = row(
        &l,
        "NVIDIA CORP",
        "revenue",
        "2024-01-29",
        "2025-01-26",
        USD,
    );
    assert_eq!(year.length, Length::Year);
    // the series is in date order, the shorter span first for one end
    let ends: Vec<(Date, Length)> = l
        .series("NVIDIA CORP", "revenue")
        .iter()
        .filter(|r| r.end == d("2024-07-28"))
        .map(|r| (r.end, r.length))
        .collect();
    assert_eq!(
        ends,
        [
            (d("2024-07-28"), Length::Quarter),
            (d("2024-07-28"), Length::Half)
        ]
    );
}

#[test]
fn fiscal_years_ending_in_january_and_september() {
    let nv = load(NVIDIA, "nvidia.json");
    let c = nv.calendar("NVIDIA CORP").expect("NVIDIA's calendar");
    assert_eq!(c.year_end(2026), Some(d("2026-01-25")));
    assert_eq!(c.year(2025), Some((d("2024-01-29"), d("2025-01-26"))));
    let q = row(
        &nv,
        "NVIDIA CORP",
        "revenue",
        "2024-04-29",
        "2024-07-28",
        USD,
    );
    assert_eq!(
        q.fiscal,
        Some(Fiscal {
            year: 2025,
            quarter: 2
        })
    );
    // the 53-week fiscal 2021: 2020-01-27 to 2021-01-31 (371 days) is a year
    let y21 = row(
        &nv,
        "NVIDIA CORP",
        "revenue",
        "2020-01-27",
        "2021-01-31",
        USD,
    );
    assert_eq!(
        (y21.length, y21.fiscal),
        (
            Length::Year,
            Some(Fiscal {
                year: 2021,
                quarter: 4
            })
        )
    );
    let apple = load(APPLE, "apple.json");
    let c = apple.calendar("Apple Inc.").expect("Apple's calendar");
    assert_eq!(c.year(2017), Some((d("2016-09-25"), d("2017-09-30"))));
    let q3 = row(
        &apple,
        "Apple Inc.",
        "revenue",
        "2017-04-02",
        "2017-07-01",
        USD,
    );
    assert_eq!(
        q3.fiscal.map(|f| f.name(q3.length)).as_deref(),
        Some("FY2017 Q3")
    );
    let nine = row(
        &apple,
        "Apple Inc.",
        "revenue",
        "2016-09-25",
        "2017-07-01",
        USD,
    );
    assert_eq!(
        nine.fiscal.map(|f| f.name(nine.length)).as_deref(),
        Some("FY2017 9M")
    );
    // a calendar-year filer
    let g = load(ALPHABET, "alphabet.json");
    let c = g.calendar("ALPHABET INC.").expect("Alphabet's calendar");
    assert_eq!(c.quarter(2025, 3), Some((d("2025-07-01"), d("2025-09-30"))));
}

#[test]
fn fourth_quarters_are_derived_and_say_so() {
    let nv = load(NVIDIA, "nvidia.json");
    let q4 = row(
        &nv,
        "NVIDIA CORP",
        "revenue",
        "2024-10-28",
        "2025-01-26",
        USD,
    );
    assert_eq!(q4.value.to_string(), "39331000000"); // 130,497 − 91,166 million
    assert_eq!(q4.length, Length::Quarter);
    assert_eq!(
        q4.fiscal,
        Some(Fiscal {
            year: 2025,
            quarter: 4
        })
    );
    let how = q4.derived.as_deref().expect("marked derived");
    assert!(
        how.starts_with("fourth quarter = year 2024-01-29 to 2025-01-26 (10-K 0001045810-2"),
        "{how}"
    );
    assert!(
        how.contains("nine months to 2024-10-27 (10-Q 0001045810-24-000316)"),
        "{how}"
    );
    assert!(how.ends_with("130497000000 − 91166000000"), "{how}");
    // the 14-week fourth quarter of the 53-week fiscal 2021
    let q4 = row(
        &nv,
        "NVIDIA CORP",
        "revenue",
        "2020-10-26",
        "2021-01-31",
        USD,
    );
    assert_eq!(q4.value.to_string(), "5003000000");
    // Apple's fiscal 2017 and Alphabet's 2025
    let a = load(APPLE, "apple.json");
    let q4 = row(&a, "Apple Inc.", "revenue", "2017-07-02", "2017-09-30", USD);
    assert_eq!(q4.value.to_string(), "52579000000");
    assert_eq!(
        q4.fiscal.map(|f| f.name(q4.length)).as_deref(),
        Some("FY2017 Q4")
    );
    let g = load(ALPHABET, "alphabet.json");
    let q4 = row(
        &g,
        "ALPHABET INC.",
        "revenue",
        "2025-10-01",
        "2025-12-31",
        USD,
    );
    assert_eq!(q4.value.to_string(), "113829000000");
    // never for per-share figures or share counts, which do not add up
    assert!(
        nv.rows()
            .iter()
            .filter(|r| r.derived.is_some())
            .all(|r| matches!(r.unit, Unit::Currency(_)))
    );
    assert_eq!(nv.imports()[0].derived, 2);
}

#[test]
fn restated_and_amended_figures_keep_the_first_reported_value() {
    let a = load(APPLE, "apple.json");
    let ap = row(&a, "Apple Inc.", "accounts payable", "", "2017-09-30", USD);
    assert_eq!(ap.value.to_string(), "44242000000");
    let f = ap.filing.as_ref().expect("a filing");
    assert_eq!(
        (f.form.as_str(), f.accn.as_str(), f.filed),
        ("10-K", "0000320193-18-000145", d("2018-11-05"))
    );
    assert_eq!(ap.earlier.len(), 1);
    assert_eq!(ap.earlier[0].value.to_string(), "49049000000");
    assert_eq!(
        ap.earlier[0].filing.as_ref().map(|f| f.accn.as_str()),
        Some("0000320193-17-000070")
    );
    assert_eq!(ap.first_reported().0.to_string(), "49049000000");
    // the 10-K/A of 2010-01-25 amended accrued liabilities at 2008-09-27
    // (a concept the metric table does not name is named by itself)
    let acc = row(
        &a,
        "Apple Inc.",
        "us-gaap:AccruedLiabilitiesCurrent",
        "",
        "2008-09-27",
        USD,
    );
    assert_eq!(acc.value.to_string(), "4224000000");
    assert_eq!(acc.filing.as_ref().map(|f| f.form.as_str()), Some("10-K/A"));
    assert_eq!(acc.earlier[0].value.to_string(), "3719000000");
    // a split: NVIDIA's fiscal 2024 diluted EPS, 11.93 as first reported, 1.19 after 10:1
    let nv = load(NVIDIA, "nvidia.json");
    let eps = row(
        &nv,
        "NVIDIA CORP",
        "diluted earnings per share",
        "2023-01-30",
        "2024-01-28",
        Unit::PerShare(Currency::USD),
    );
    assert_eq!(eps.value.to_string(), "1.19");
    assert_eq!(eps.earlier[0].value.to_string(), "11.93");
    // a comparative repeated unchanged is one value, first filed in the 10-K of 2016
    let rev16 = row(&a, "Apple Inc.", "revenue", "2015-09-27", "2016-09-24", USD);
    assert!(rev16.earlier.is_empty());
    assert_eq!(
        rev16.filing.as_ref().map(|f| f.accn.as_str()),
        Some("0001628280-16-020309")
    );
}

#[test]
fn concepts_that_agree_are_one_figure_and_concepts_that_differ_are_kept_apart() {
    // Apple's fiscal 2017 revenue under SalesRevenueNet (2017), Revenues (2018)
    // and RevenueFromContractWithCustomerExcludingAssessedTax (2019): one figure,
    // first filed in the 10-K of 2017-11-03
    let a = load(APPLE, "apple.json");
    let y = row(&a, "Apple Inc.", "revenue", "2016-09-25", "2017-09-30", USD);
    assert_eq!(y.value.to_string(), "229234000000");
    assert_eq!(y.concept.as_deref(), Some("us-gaap:SalesRevenueNet"));
    assert_eq!(
        y.filing.as_ref().map(|f| f.accn.as_str()),
        Some("0000320193-17-000070")
    );
    assert!(y.earlier.is_empty());
    // two concepts that give different values for one period are never mixed:
    // the one filed last keeps the metric's name
    let json = r#"{"cik": 1, "entityName": "Acme", "facts": {"us-gaap": {
      "Revenues": {"units": {"USD": [{"start": "2024-01-01", "end": "2024-12-31", "val": 2038000000,
         "accn": "0000000001-25-000001", "fy": 2024, "fp": "FY", "form": "10-K", "filed": "2025-02-01"}]}},
      "RevenueFromContractWithCustomerExcludingAssessedTax": {"units": {"USD": [{"start": "2024-01-01", "end": "2024-12-31", "val": 19857000000,
         "accn": "0000000001-26-000001", "fy": 2025, "fp": "FY", "form": "10-K", "filed": "2026-02-01"}]}}}}}"#;
    let l = load(json, "acme.json");
    let rev = l.series("Acme", "revenue");
    assert_eq!(rev.len(), 1);
    assert_eq!(rev[0].value.to_string(), "19857000000");
    let other = l.series("Acme", "us-gaap:Revenues");
    assert_eq!(other.len(), 1);
    assert_eq!(other[0].value.to_string(), "2038000000");
}

#[test]
fn units_per_share_pure_shares_and_a_foreign_filer() {
    let nv = load(NVIDIA, "nvidia.json");
    let rate = row(
        &nv,
        "NVIDIA CORP",
        "effective tax rate",
        "2024-01-29",
        "2025-01-26",
        Unit::Percent,
    );
    assert_eq!(rate.value.normalize().to_string(), "13.3"); // pure 0.133
    let shares = row(
        &nv,
        "NVIDIA CORP",
        "weighted average diluted shares",
        "2023-01-30",
        "2024-01-28",
        Unit::Shares,
    );
    assert_eq!(shares.value.to_string(), "24940000000");
    // TSMC: ifrs-full only, a string cik, TWD and the USD translation of one figure
    let t = load(TSMC, "tsmc.json");
    let name = "Taiwan Semiconductor Manufacturing Company Limited";
    let twd = row(
        &t,
        name,
        "revenue",
        "2024-01-01",
        "2024-12-31",
        Unit::Currency(Currency::TWD),
    );
    let usd = row(&t, name, "revenue", "2024-01-01", "2024-12-31", USD);
    assert_eq!(twd.value.to_string(), "2894307700000");
    assert_eq!(usd.value.to_string(), "88268000000");
    assert_eq!(twd.filing.as_ref().and_then(|f| f.cik), Some(1046179));
    assert_eq!(t.imports()[0].cik, Some(1046179));
    let eps = row(
        &t,
        name,
        "basic earnings per share",
        "2024-01-01",
        "2024-12-31",
        Unit::PerShare(Currency::TWD),
    );
    assert_eq!(eps.value.to_string(), "44.68");
    // the 6-K's half year (fy and fp null) is a figure too
    let h1 = row(
        &t,
        name,
        "revenue",
        "2021-01-01",
        "2021-06-30",
        Unit::Currency(Currency::TWD),
    );
    assert_eq!(
        (h1.length, h1.filing.as_ref().map(|f| f.form.as_str())),
        (Length::Half, Some("6-K"))
    );
    // each 20-F translates its own year: the 2023 cash in USD was restated by the next one
    let cash = row(&t, name, "cash and cash equivalents", "", "2023-12-31", USD);
    assert_eq!(cash.value.to_string(), "44691300000");
    assert_eq!(cash.earlier[0].value.to_string(), "47858500000");
}

#[test]
fn non_periodic_forms_and_other_taxonomies_are_counted_and_skipped() {
    let a = load(APPLE, "apple.json");
    let s = &a.imports()[0];
    assert_eq!((s.entity.as_str(), s.cik), ("Apple Inc.", Some(320193)));
    assert_eq!(s.skipped, [("form 8-K".to_string(), 3)]);
    assert_eq!(s.facts, s.used + s.skipped_total());
    assert_eq!(s.newest_filed, Some(d("2020-10-30")));
    let nv = load(NVIDIA, "nvidia.json");
    let s = &nv.imports()[0];
    assert_eq!(
        s.skipped,
        [
            ("form DEF 14A".to_string(), 1),
            ("taxonomy ffd".to_string(), 1)
        ]
    );
    // the DEF 14A repeat of net income is not a version of it
    let ni = row(
        &nv,
        "NVIDIA CORP",
        "net income",
        "2024-01-29",
        "2025-01-26",
        USD,
    );
    assert!(ni.earlier.is_empty());
    assert_eq!(ni.filing.as_ref().map(|f| f.form.as_str()), Some("10-K"));
}

fn messages(errors: &[figcheck::Error]) -> Vec<String> {
    errors.iter().map(|e| e.to_string()).collect()
}

#[test]
fn bad_facts_are_named_and_every_good_fact_is_used() {
    let (l, errors) = Ledger::from_companyfacts_partial(FACT_PROBLEMS, "f.json").expect("usable");
    assert_eq!(
        messages(&errors),
        [
            "f.json:68:13: fact facts.us-gaap.Assets.units.USD[0]: no \"end\": expected the period's last day or the as-of date",
            "f.json:84:13: fact facts.us-gaap.Liabilities.units.USD[0]: no \"val\": expected a number",
            "f.json:100:13: fact facts.us-gaap.CashAndCashEquivalentsAtCarryingValue.units.USD[0]: \"val\" is the string \"n/a\": expected a number",
            "f.json:117:13: fact facts.us-gaap.NetIncomeLoss.units.USD[0]: \"val\" is null: expected a number",
            "f.json:135:13: fact facts.us-gaap.GrossProfit.units.USD[0]: period ends 2016-09-25, before its start 2017-09-30: expected a start on or before the end",
            "f.json:153:13: fact facts.us-gaap.OperatingIncomeLoss.units.USD[0]: invalid end \"2017-02-30\": expected an ISO date YYYY-MM-DD",
        ]
    );
    let s = &l.imports()[0];
    assert_eq!((s.facts, s.used), (18, 9));
    assert_eq!(
        s.skipped,
        [
            ("form 8-K".to_string(), 1),
            ("taxonomy srt".to_string(), 1),
            ("unit Store".to_string(), 1)
        ]
    );
    assert_eq!(s.facts, s.used + s.skipped_total() + errors.len());
    // the exponent, the long decimal (a `pure` ratio, in percent) and a
    // number beyond a float's 2^53 are exact
    let values: Vec<String> = l
        .rows()
        .iter()
        .map(|r| r.value.normalize().to_string())
        .collect();
    assert!(values.contains(&"0.00001".to_string()), "{values:?}");
    assert!(
        values.contains(&"12.3456789012345678".to_string()),
        "{values:?}"
    );
    assert!(
        values.contains(&"9007199254740993".to_string()),
        "{values:?}"
    );
    assert!(values.contains(&"2894307700000".to_string()), "{values:?}");
}

#[test]
fn a_truncated_file_keeps_the_facts_before_the_break() {
    let (l, errors) = Ledger::from_companyfacts_partial(TRUNCATED, "t.json").expect("usable");
    assert_eq!(
        messages(&errors),
        [
            "t.json:47:25: malformed JSON: EOF while parsing an object; the 3 facts before it are used, the rest of the file is not read"
        ]
    );
    assert_eq!(l.rows().len(), 3);
}

#[test]
fn files_that_are_not_companyfacts() {
    let err = |text: &[u8]| {
        let mut b = figcheck::LedgerBuilder::new();
        messages(
            &b.add_companyfacts_bytes(text, "x.json")
                .expect_err("unusable"),
        )
    };
    assert_eq!(
        err(include_bytes!("../data/companyfacts/bad/array.json")),
        [
            "x.json:1:1: not companyfacts JSON: a JSON array: expected an object with \"cik\", \"entityName\" and \"facts\""
        ]
    );
    assert_eq!(
        err(include_bytes!(
            "../data/companyfacts/bad/not-companyfacts.json"
        )),
        [
            "x.json:1:1: not companyfacts JSON: an object without \"facts\": expected an object with \"cik\", \"entityName\" and \"facts\""
        ]
    );
    assert_eq!(
        err(include_bytes!("../data/companyfacts/bad/not-json.json")),
        [
            "x.json:1:1: not companyfacts JSON: the text does not start with '{': expected an object with \"cik\", \"entityName\" and \"facts\""
        ]
    );
    assert_eq!(
        err(b""),
        [
            "x.json:1:1: not companyfacts JSON: the file is empty: expected an object with \"cik\", \"entityName\" and \"facts\""
        ]
    );
    // invalid UTF-8: named, and the facts around it still count
    let mut b = figcheck::LedgerBuilder::new();
    let (stats, errors) = b
        .add_companyfacts_bytes(
            include_bytes!("../data/companyfacts/bad/invalid-utf8.json"),
            "u.json",
        )
        .expect("usable");
    assert_eq!(
        messages(&errors),
        ["u.json:7:32: invalid UTF-8 at byte 137: expected UTF-8 text"]
    );
    assert_eq!(stats.used, 2);
    // a cik that is neither a number nor digits
    let (_, errors) = Ledger::from_companyfacts_partial(
        r#"{"cik": "CIK-x", "entityName": "A", "facts": {}}"#,
        "c.json",
    )
    .expect("usable");
    assert_eq!(
        messages(&errors),
        ["c.json:1:1: invalid CIK \"\\\"CIK-x\\\"\": expected digits such as 320193"]
    );
}

fn checker(ledger: Ledger, aliases: &str) -> Checker {
    let aliases = Aliases::from_csv(aliases, "a.csv").expect("aliases");
    Checker::new(
        Extractor::new(),
        ledger,
        aliases,
        FxRates::default(),
        Policy::default(),
    )
}

const APPLE_ALIASES: &str = "kind,alias,canonical\nentity,Apple,Apple Inc.\nmetric,revenues,revenue\nmetric,revenue,revenue\nmetric,earnings per diluted share,diluted earnings per share\nmetric,accounts payable,accounts payable\n";

const APPLE_TEXT: &str = "Apple has disclosed financial results for its fiscal 2017 third quarter ended July 1, 2017, posting quarterly revenues of US$45.4 billion and quarterly earnings per diluted share of US$1.67. These results were improvements compared with revenues of US$42.4 billion and earnings per diluted share of US$1.42 in the year-ago quarter. Apple's fiscal 2017 fourth quarter revenue was US$52.6 billion. Apple's fiscal 2017 revenue was US$229.2 billion, and its accounts payable at the end of fiscal 2017 were US$49 billion.";

fn table(r: &Report) -> Vec<(String, Verdict, String)> {
    r.claims
        .iter()
        .map(|c| {
            let filing = c
                .ledger
                .as_ref()
                .and_then(|l| l.filing.as_ref())
                .map_or(String::new(), |f| format!("{} {}", f.form, f.accn));
            (c.mention.text.clone(), c.verdict, filing)
        })
        .collect()
}

#[test]
fn verdicts_name_the_filing() {
    let c = checker(load(APPLE, "apple.json"), APPLE_ALIASES);
    let r = c.check("a", APPLE_TEXT, Some(d("2018-01-15")));
    let s = |x: &str| x.to_string();
    assert_eq!(
        table(&r),
        [
            (
                s("US$45.4 billion"),
                Verdict::Consistent,
                s("10-Q 0000320193-17-000009")
            ),
            (
                s("US$1.67"),
                Verdict::Consistent,
                s("10-Q 0000320193-17-000009")
            ),
            (
                s("US$42.4 billion"),
                Verdict::Consistent,
                s("10-Q 0001628280-16-017809")
            ),
            (
                s("US$1.42"),
                Verdict::Consistent,
                s("10-Q 0001628280-16-017809")
            ),
            // derived from the 10-K, and said so
            (
                s("US$52.6 billion"),
                Verdict::Consistent,
                s("10-K 0000320193-17-000070")
            ),
            (
                s("US$229.2 billion"),
                Verdict::Consistent,
                s("10-K 0000320193-17-000070")
            ),
            // as first reported (49,049 million), restated to 44,242 million in 2018
            (
                s("US$49 billion"),
                Verdict::Consistent,
                s("10-K 0000320193-17-000070")
            ),
        ]
    );
    let q4 = &r.claims[4];
    assert!(
        q4.reason.contains("derived: fourth quarter = year"),
        "{}",
        q4.reason
    );
    // in January 2018, 49,049 million was the value on record; the
    // restatement came in November
    let ap = &r.claims[6];
    assert!(
        ap.reason.ends_with("the value on record at the article date: restated to 44242000000 USD in the 10-K 0000320193-18-000145 filed 2018-11-05, after it"),
        "{}",
        ap.reason
    );
    let restated = ap
        .ledger
        .as_ref()
        .and_then(|l| l.restated.as_ref())
        .expect("restated");
    assert_eq!(
        serde_json::to_value(restated.matched).ok(),
        Some(serde_json::json!("first_reported"))
    );
    let url = r.claims[0]
        .ledger
        .as_ref()
        .and_then(|l| l.filing.as_ref())
        .and_then(|f| f.url.clone());
    assert_eq!(
        url.as_deref(),
        Some(
            "https://www.sec.gov/Archives/edgar/data/320193/000032019317000009/0000320193-17-000009-index.htm"
        )
    );
}

/// A figure is checked against what was on record at the article date: a
/// value restated after it is not what the article could have quoted, and
/// the value first reported still fits a later article, saying so.
#[test]
fn restatements_are_judged_at_the_article_date() {
    let aliases = "kind,alias,canonical\nentity,NVIDIA,NVIDIA CORP\nmetric,diluted EPS,diluted earnings per share\n";
    let c = checker(load(NVIDIA, "nvidia.json"), aliases);
    let at = |text: &str, date: &str| {
        let r = c.check("n", text, Some(d(date)));
        (r.claims[0].verdict, r.claims[0].reason.clone())
    };
    // before the 10:1 split of June 2024
    let (v, why) = at("NVIDIA's fiscal 2024 diluted EPS was $11.93.", "2024-02-22");
    assert_eq!(v, Verdict::Consistent);
    assert!(why.ends_with("the value on record at the article date: restated to 1.19 USD/shares in the 10-K 0001045810-25-000023 filed 2025-02-26, after it"), "{why}");
    let (v, why) = at("NVIDIA's fiscal 2024 diluted EPS was $1.19.", "2024-02-22");
    assert_eq!(v, Verdict::Contradicted, "{why}");
    // after it, both fit: the split-adjusted figure, and the one first reported
    let (v, _) = at("NVIDIA's fiscal 2024 diluted EPS was $1.19.", "2026-03-01");
    assert_eq!(v, Verdict::Consistent);
    let (v, why) = at("NVIDIA's fiscal 2024 diluted EPS was $11.93.", "2026-03-01");
    assert_eq!(v, Verdict::Consistent);
    assert!(why.starts_with("matches the figure first reported in the 10-K 0001045810-24-000029 filed 2024-02-21 (11.93 USD/shares), restated to 1.19 USD/shares in the 10-K 0001045810-25-000023 filed 2025-02-26"), "{why}");
    // Apple's accounts payable, restated in November 2018
    let c = checker(load(APPLE, "apple.json"), APPLE_ALIASES);
    let r = c.check(
        "a",
        "Apple's accounts payable at the end of fiscal 2017 were US$49 billion.",
        Some(d("2019-01-15")),
    );
    assert_eq!(r.claims[0].verdict, Verdict::Consistent);
    assert!(r.claims[0].reason.starts_with("matches the figure first reported in the 10-K 0000320193-17-000070 filed 2017-11-03 (49049000000 USD), restated to 44242000000 USD in the 10-K 0000320193-18-000145 filed 2018-11-05"), "{}", r.claims[0].reason);
}

/// The claim of `text` is unverifiable, and its reason says `why`.
fn unverifiable_because(c: &Checker, text: &str, date: &str, why: &str) {
    let r = c.check("a", text, Some(d(date)));
    assert_eq!(r.claims[0].verdict, Verdict::Unverifiable, "{text}");
    assert!(r.claims[0].reason.contains(why), "{}", r.claims[0].reason);
}

#[test]
fn wrong_figures_are_contradicted_and_guidance_is_not_checked() {
    let c = checker(load(APPLE, "apple.json"), APPLE_ALIASES);
    let text = "Apple's fiscal 2017 third quarter revenues were US$54.4 billion. Apple's fiscal 2017 third quarter earnings per diluted share were US$1.76.";
    let r = c.check("a", text, Some(d("2017-08-02")));
    let v: Vec<Verdict> = r.claims.iter().map(|c| c.verdict).collect();
    assert_eq!(v, [Verdict::Contradicted, Verdict::Contradicted]);
    // a total amount never compared with a per-share figure
    unverifiable_because(
        &c,
        "Apple's fiscal 2017 third quarter earnings per diluted share: US$8.7 billion.",
        "2017-08-02",
        "that metric is per share and the claim is a total amount",
    );
    // guidance, said so; and a period that had not ended at the article
    // date is guidance even when no word says it
    unverifiable_because(
        &c,
        "Apple expects fiscal 2017 fourth quarter revenues of US$52 billion.",
        "2017-08-02",
        "\"expects\" makes it guidance or a forecast, not a reported figure",
    );
    unverifiable_because(
        &c,
        "Apple's fiscal 2017 fourth quarter revenues: US$52 billion.",
        "2017-08-02",
        "ends after the article date 2017-08-02",
    );
    // a fiscal quarter with no calendar known: refused, not guessed
    let csv = "entity,metric,start,period,value,unit\nApple Inc.,revenue,2017-04-02,2017-07-01,45408000000,USD\n";
    let c = checker(
        Ledger::from_csv(csv, "l.csv").expect("loads"),
        APPLE_ALIASES,
    );
    unverifiable_because(
        &c,
        "Apple's fiscal 2017 third quarter revenues were US$45.4 billion.",
        "2017-08-02",
        "does not show this company's fiscal calendar",
    );
}

#[test]
fn the_claims_currency_picks_between_a_filers_two_currencies() {
    let aliases = "kind,alias,canonical\nentity,TSMC,Taiwan Semiconductor Manufacturing Company Limited\nentity,台積電,Taiwan Semiconductor Manufacturing Company Limited\nmetric,revenue,revenue\nmetric,營收,revenue\n";
    let c = checker(load(TSMC, "tsmc.json"), aliases);
    let r = c.check(
        "t",
        "TSMC's 2024 revenue was US$88.3 billion. 台積電2024年營收為新台幣28943億元。",
        Some(d("2025-04-20")),
    );
    let got: Vec<(Verdict, String)> = r
        .claims
        .iter()
        .map(|c| {
            (
                c.verdict,
                c.ledger.as_ref().map_or(String::new(), |l| l.unit.clone()),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (Verdict::Consistent, "USD".into()),
            (Verdict::Consistent, "TWD".into())
        ]
    );
}

/// JSON → `write_csv` → CSV: the same rows, and the same verdicts.
#[test]
fn import_round_trip_gives_the_same_verdicts() {
    for (json, name, aliases, text, date) in [
        (APPLE, "apple.json", APPLE_ALIASES, APPLE_TEXT, "2018-01-15"),
        (
            NVIDIA,
            "nvidia.json",
            "kind,alias,canonical\nentity,NVIDIA,NVIDIA CORP\nmetric,revenue,revenue\nmetric,diluted EPS,diluted earnings per share\n",
            "NVIDIA's fiscal 2025 fourth quarter revenue was $39.3 billion. NVIDIA's fiscal 2025 revenue was $130.5 billion. NVIDIA's fiscal 2024 diluted EPS was $11.93.",
            "2025-03-01",
        ),
    ] {
        let from_json = load(json, name);
        let mut csv = Vec::new();
        from_json.write_csv(&mut csv).expect("writes");
        let csv = String::from_utf8(csv).expect("UTF-8");
        let from_csv =
            Ledger::from_csv(&csv, "imported.csv").unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let key = |r: &LedgerRow| {
            (
                r.entity.clone(),
                r.metric.clone(),
                r.start,
                r.end,
                r.unit,
                r.value,
                r.concept.clone(),
                r.filing.clone(),
                r.derived.clone(),
                r.earlier
                    .iter()
                    .map(|v| (v.value, v.filing.clone()))
                    .collect::<Vec<_>>(),
                r.length,
                r.fiscal,
            )
        };
        let mut a: Vec<_> = from_json.rows().iter().map(key).collect();
        let mut b: Vec<_> = from_csv.rows().iter().map(key).collect();
        a.sort();
        b.sort();
        assert_eq!(a, b, "{name}");
        let d = Some(d(date));
        let ra = checker(from_json, aliases).check("x", text, d);
        let rb = checker(from_csv, aliases).check("x", text, d);
        assert_eq!(table(&ra), table(&rb), "{name}");
        let reasons = |r: &Report| {
            r.claims
                .iter()
                .map(|c| c.reason.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(reasons(&ra), reasons(&rb), "{name}");
        assert!(
            ra.claims.iter().all(|c| c.verdict == Verdict::Consistent),
            "{name}: {:?}",
            table(&ra)
        );
    }
}

mod cli {
    //! The same through the program: `--ledger` with companyfacts JSON
    //! (several times, with a CSV), `figcheck ledger import`, and the
    //! import's CSV giving the same JSON report.
    use super::{APPLE, APPLE_ALIASES, APPLE_TEXT, FACT_PROBLEMS, NVIDIA};
    use crate::cli::{TempDir, figcheck};

    fn claims(stdout: &str) -> Vec<serde_json::Value> {
        let v: serde_json::Value = serde_json::from_str(stdout.trim()).expect("one JSON line");
        v["claims"].as_array().cloned().unwrap_or_default()
    }

    #[test]
    fn check_with_companyfacts_and_with_its_import() {
        let dir = TempDir::new("cf-cli");
        dir.write("CIK0000320193.json", APPLE)
            .write("a.csv", APPLE_ALIASES)
            .write("article.txt", APPLE_TEXT);
        let base = [
            "check",
            "article.txt",
            "--aliases",
            "a.csv",
            "--date",
            "2018-01-15",
            "--format",
            "json",
        ];
        let with = |ledger: &str| {
            let mut args: Vec<&str> = base.to_vec();
            args.extend(["--ledger", ledger]);
            figcheck(&dir, &args, None)
        };
        let json = with("CIK0000320193.json");
        assert_eq!((json.code, json.stderr.as_str()), (0, ""));
        let imp = figcheck(
            &dir,
            &["ledger", "import", "CIK0000320193.json", "-o", "apple.csv"],
            None,
        );
        assert_eq!(imp.code, 0, "{}", imp.stderr);
        assert_eq!(imp.stdout, "");
        assert_eq!(
            imp.stderr.lines().collect::<Vec<_>>(),
            [
                "figcheck: CIK0000320193.json: Apple Inc. (CIK 320193): 23 facts read, 20 used, 3 skipped (form 8-K: 3); 1 fourth quarter derived; newest filing 2020-10-30",
                "figcheck:   skipped for form 8-K, the first at CIK0000320193.json:103:13: facts.us-gaap.SalesRevenueNet.units.USD[7]",
                "figcheck: 18 ledger rows written (14 figures; 4 earlier values of restated figures on lines of their own)",
            ]
        );
        let csv = with("apple.csv");
        assert_eq!((csv.code, csv.stderr.as_str()), (0, ""));
        let (a, b) = (claims(&json.stdout), claims(&csv.stdout));
        assert_eq!(a.len(), 7);
        for (x, y) in a.iter().zip(&b) {
            for key in ["text", "verdict", "reason", "period", "difference"] {
                assert_eq!(x[key], y[key], "{key}");
            }
            assert_eq!(x["ledger"]["filing"], y["ledger"]["filing"]);
            assert_eq!(x["ledger"]["value"], y["ledger"]["value"]);
            assert_eq!(x["ledger"]["restated"], y["ledger"]["restated"]);
        }
        assert_eq!(a[0]["ledger"]["filing"]["accn"], "0000320193-17-000009");
        assert_eq!(a[0]["ledger"]["concept"], "us-gaap:SalesRevenueNet");
        assert_eq!(a[0]["ledger"]["fiscal"], "FY2017 Q3");
        assert_eq!(a[0]["ledger"]["start"], "2017-04-02");
        // the HTML report links the filing to EDGAR
        let mut args: Vec<&str> = base[..6].to_vec();
        args.extend(["--ledger", "CIK0000320193.json", "--format", "html"]);
        let html = figcheck(&dir, &args, None);
        assert!(html.stdout.contains("<a href=\"https://www.sec.gov/Archives/edgar/data/320193/000032019317000009/0000320193-17-000009-index.htm\""));
        // the Markdown report names it
        let mut args: Vec<&str> = base[..6].to_vec();
        args.extend(["--ledger", "CIK0000320193.json", "--format", "markdown"]);
        let md = figcheck(&dir, &args, None);
        assert!(md.stdout.contains("10-Q 0000320193-17-000009 filed 2017-08-02, us-gaap:SalesRevenueNet, FY2017 Q3: 2017-04-02 to 2017-07-01"), "{}", md.stdout);
        assert!(
            md.stdout
                .contains("derived: fourth quarter = year 2016-09-25 to 2017-09-30"),
            "{}",
            md.stdout
        );
        // and the text report names it
        let mut args: Vec<&str> = base[..6].to_vec();
        args.extend(["--ledger", "CIK0000320193.json"]);
        let text = figcheck(&dir, &args, None);
        assert!(text.stdout.contains("— 10-Q 0000320193-17-000009 filed 2017-08-02, us-gaap:SalesRevenueNet, FY2017 Q3: 2017-04-02 to 2017-07-01"), "{}", text.stdout);
    }

    #[test]
    fn several_ledgers_and_bad_facts() {
        let dir = TempDir::new("cf-cli-bad");
        dir.write("apple.json", APPLE)
            .write("nvidia.data", NVIDIA) // JSON by content
            .write("bad.json", FACT_PROBLEMS)
            .write("l.csv", "entity,metric,period,value,unit\nSoftBank Group,cash,2024-09-30,25000000000,USD\n")
            .write("a.csv", "kind,alias,canonical\nentity,NVIDIA,NVIDIA CORP\nentity,软银,SoftBank Group\nmetric,revenue,revenue\nmetric,现金,cash\n")
            .write("t.txt", "NVIDIA's fiscal 2025 revenue was $130.5 billion. 软银现金 250 亿美元。");
        let r = figcheck(
            &dir,
            &[
                "check",
                "t.txt",
                "--ledger",
                "apple.json",
                "--ledger",
                "nvidia.data",
                "--ledger",
                "l.csv",
                "--aliases",
                "a.csv",
                "--date",
                "2025-03-01",
                "-v",
            ],
            None,
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(
            r.stdout
                .contains("2 consistent, 0 contradicted, 0 unverifiable"),
            "{}",
            r.stdout
        );
        assert!(r.stderr.contains("figcheck: nvidia.data: NVIDIA CORP (CIK 1045810): 20 facts read, 18 used, 2 skipped (form DEF 14A: 1, taxonomy ffd: 1); 2 fourth quarters derived; newest filing 2026-05-12"), "{}", r.stderr);
        // bad facts: named, the rest used, exit 2
        let r = figcheck(
            &dir,
            &[
                "check",
                "t.txt",
                "--ledger",
                "bad.json",
                "--ledger",
                "l.csv",
                "--aliases",
                "a.csv",
                "--date",
                "2025-03-01",
            ],
            None,
        );
        assert_eq!(r.code, 2);
        let lines: Vec<&str> = r.stderr.lines().collect();
        assert_eq!(lines.len(), 7, "{}", r.stderr);
        assert!(lines[0].starts_with(
            "figcheck: bad.json:68:13: fact facts.us-gaap.Assets.units.USD[0]: no \"end\""
        ));
        assert_eq!(
            lines[6],
            "figcheck: bad.json: checking with the 9 usable facts only; 6 problems reported above"
        );
        assert!(r.stdout.contains("1 consistent"), "{}", r.stdout);
        // a file that is not companyfacts stops the run before any article is read
        dir.write(
            "tickers.json",
            "{\"0\":{\"cik_str\":320193,\"ticker\":\"AAPL\",\"title\":\"Apple Inc.\"}}",
        );
        let r = figcheck(&dir, &["check", "t.txt", "--ledger", "tickers.json"], None);
        assert_eq!(r.code, 2);
        assert_eq!(r.stdout, "");
        assert_eq!(
            r.stderr,
            "figcheck: tickers.json:1:1: not companyfacts JSON: an object without \"facts\": expected an object with \"cik\", \"entityName\" and \"facts\"\n"
        );
    }
}

mod many {
    //! A directory of companyfacts files and a zip of them: indexed by their
    //! heads, each filer read only when a claim needs it.
    use super::{APPLE, APPLE_ALIASES, NVIDIA, checker, d};
    use crate::cli::{TempDir, figcheck};
    use figcheck::{Ledger, LedgerBuilder, Verdict};
    use std::io::Write;

    fn ledger_of(path: &std::path::Path) -> (Ledger, Vec<String>) {
        let mut b = LedgerBuilder::new();
        let errors = b.add_file(path).expect("usable");
        let (l, more) = b.build();
        let msgs = errors.iter().chain(&more).map(|e| e.to_string()).collect();
        (l, msgs)
    }

    fn zip_of(path: &std::path::Path, files: &[(&str, &str)]) {
        let f = std::fs::File::create(path).expect("create zip");
        let mut z = zip::ZipWriter::new(f);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for (name, text) in files {
            z.start_file(*name, opts).expect("entry");
            z.write_all(text.as_bytes()).expect("write entry");
        }
        z.finish().expect("finish zip");
    }

    #[test]
    fn a_directory_is_read_one_filer_at_a_time() {
        let dir = TempDir::new("cf-dir");
        std::fs::create_dir_all(dir.path().join("sub")).expect("mkdir");
        dir.write("CIK0000320193.json", APPLE)
            .write("sub/CIK0001045810.json", NVIDIA)
            .write("README.txt", "not a filing")
            .write("broken.json", "entity,metric\n");
        let (l, errors) = ledger_of(dir.path());
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].ends_with("broken.json:1:1: not companyfacts JSON: the text does not start with '{': expected an object with \"cik\", \"entityName\" and \"facts\""), "{errors:?}");
        assert!(
            l.warnings()[0]
                .to_string()
                .contains("1 file not ending in .json, not read")
        );
        assert_eq!(l.filers(), (2, 0));
        assert!(l.entities().contains(&"NVIDIA CORP"));
        assert!(l.metrics().contains(&"revenue"));
        // only Apple is named: only Apple is read
        let c = checker(l, APPLE_ALIASES);
        let r = c.check(
            "a",
            "Apple's fiscal 2017 third quarter revenues were US$45.4 billion.",
            Some(d("2017-08-02")),
        );
        assert_eq!(r.claims[0].verdict, Verdict::Consistent);
        assert_eq!(c.ledger().filers(), (2, 1));
        let reports = c.ledger().take_load_reports();
        assert_eq!(reports.len(), 1);
        assert_eq!(reports[0].entity, "Apple Inc.");
        assert_eq!(reports[0].imports[0].used, 20);
        assert!(reports[0].errors.is_empty());
        assert!(c.ledger().take_load_reports().is_empty());
        // a filer can be named by its CIK too
        let aliases = "kind,alias,canonical\nentity,英伟达,1045810\nmetric,营收,revenue\n";
        let (l, _) = ledger_of(dir.path());
        let c = checker(l, aliases);
        let r = c.check(
            "n",
            "英伟达2025财年营收1304.97亿美元。",
            Some(d("2025-03-01")),
        );
        assert_eq!(
            r.claims[0].verdict,
            Verdict::Consistent,
            "{}",
            r.claims[0].reason
        );
    }

    #[test]
    fn a_zip_of_companyfacts() {
        let dir = TempDir::new("cf-zip");
        zip_of(
            &dir.path().join("companyfacts.zip"),
            &[
                ("CIK0000320193.json", APPLE),
                ("CIK0001045810.json", NVIDIA),
                ("notes.txt", "hello"),
                (
                    "CIK0000000001.json",
                    "{\"cik\": 1, \"entityName\": \"Cut\", \"facts\": {\"us-gaap\": {\"Revenues\": {\"units\": {\"USD\": [{\"end\"",
                ),
            ],
        );
        let (l, errors) = ledger_of(&dir.path().join("companyfacts.zip"));
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].ends_with("companyfacts.zip[notes.txt]: not companyfacts JSON: a zip entry that is not a .json file: expected an object with \"cik\", \"entityName\" and \"facts\""), "{errors:?}");
        assert_eq!(l.filers(), (3, 0));
        let aliases = "kind,alias,canonical\nentity,NVIDIA,NVIDIA CORP\nentity,Cut,Cut\nmetric,revenue,revenue\n";
        let c = checker(l, aliases);
        let r = c.check(
            "n",
            "NVIDIA's fiscal 2025 revenue was $130.5 billion. Cut's 2024 revenue was $5 billion.",
            Some(d("2025-03-01")),
        );
        assert_eq!(r.claims[0].verdict, Verdict::Consistent);
        assert_eq!(r.claims[1].verdict, Verdict::Unverifiable);
        assert_eq!(c.ledger().filers(), (3, 2));
        let reports = c.ledger().take_load_reports();
        let cut = reports
            .iter()
            .find(|r| r.entity == "Cut")
            .expect("Cut was read");
        assert_eq!(cut.errors.len(), 1);
        assert!(
            cut.errors[0]
                .to_string()
                .contains("companyfacts.zip[CIK0000000001.json]:1:"),
            "{:?}",
            cut.errors
        );
        // the CLI reads it the same way, reports the broken entry, and the
        // import writes every filer
        dir.write("a.csv", aliases)
            .write("t.txt", "NVIDIA's fiscal 2025 revenue was $130.5 billion.");
        let r = figcheck(
            &dir,
            &[
                "check",
                "t.txt",
                "--ledger",
                "companyfacts.zip",
                "--aliases",
                "a.csv",
                "--date",
                "2025-03-01",
            ],
            None,
        );
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(r.stdout.contains("1 consistent"), "{}", r.stdout);
        assert_eq!(
            r.stderr.lines().collect::<Vec<_>>(),
            [
                "figcheck: companyfacts.zip[notes.txt]: not companyfacts JSON: a zip entry that is not a .json file: expected an object with \"cik\", \"entityName\" and \"facts\"",
                "figcheck: companyfacts.zip: 1 file is not used; the other files are read when an article names their company",
            ]
        );
        let r = figcheck(
            &dir,
            &["ledger", "import", "companyfacts.zip", "-o", "all.csv"],
            None,
        );
        assert_eq!(r.code, 2, "{}", r.stderr);
        let csv = std::fs::read_to_string(dir.path().join("all.csv")).expect("written");
        assert!(csv.contains("\nApple Inc.,revenue,2017-04-02,2017-07-01,45408000000,USD,"));
        assert!(csv.contains("\nNVIDIA CORP,revenue,2024-04-29,2024-07-28,30040000000,USD,"));
    }
}

/// The README's example: the Digitimes report of Apple's fiscal 2017 third
/// quarter against the small Apple file.
#[test]
fn readme_example_of_filings() {
    let c = checker(
        load(APPLE, "tests/data/companyfacts/apple.json"),
        "kind,alias,canonical\n",
    );
    let text = include_str!("../../data/corpus/apple-fy17-q3-en.txt");
    let r = c.check("data/corpus/apple-fy17-q3-en.txt", text, None);
    assert_eq!(r.date, Some(d("2017-08-02")));
    assert_eq!(
        (
            r.summary.consistent,
            r.summary.contradicted,
            r.summary.unverifiable
        ),
        (6, 0, 7)
    );
    assert_eq!(r.claims[0].mention.text, "US$45.4 billion");
    // growth rates, computed from the quarter and the one a year before
    let growth: Vec<(&str, Verdict)> = r
        .claims
        .iter()
        .filter(|c| {
            c.ledger
                .as_ref()
                .is_some_and(|l| l.metric.ends_with(" growth"))
        })
        .map(|c| (c.mention.text.as_str(), c.verdict))
        .collect();
    assert_eq!(
        growth,
        [("7%", Verdict::Consistent), ("17%", Verdict::Consistent)]
    );
    assert!(r.claims[0].reason.starts_with("ledger: Apple Inc. revenue for 2017-04-02 to 2017-07-01 (quarter, FY2017 Q3) is 45408000000 USD (10-Q 0000320193-17-000009 filed 2017-08-02)"));
}

/// "2024年" for a company whose fiscal year ends in January: the fiscal year
/// ending in 2024 and the one covering most of it are both readings.
#[test]
fn a_calendar_year_of_a_january_filer_has_two_readings() {
    let aliases = "kind,alias,canonical\nentity,英伟达,NVIDIA CORP\nmetric,营收,revenue\n";
    let c = checker(load(NVIDIA, "nvidia.json"), aliases);
    let r = c.check(
        "n",
        "英伟达2025年营收2159.38亿美元。英伟达2025年营收1304.97亿美元。英伟达2025年营收900亿美元。",
        Some(d("2026-03-01")),
    );
    let v: Vec<Verdict> = r.claims.iter().map(|c| c.verdict).collect();
    assert_eq!(
        v,
        [
            Verdict::Consistent,
            Verdict::Consistent,
            Verdict::Contradicted
        ]
    );
    assert!(r.claims[0].reason.contains("\"2025年\" may mean fiscal 2025 (ended 2025-01-26) or fiscal 2026 (ending 2026-01-25), which covers most of it: both were compared"), "{}", r.claims[0].reason);
    assert_eq!(
        r.claims[0]
            .ledger
            .as_ref()
            .and_then(|l| l.fiscal.clone())
            .as_deref(),
        Some("FY2026")
    );
    assert_eq!(
        r.claims[1]
            .ledger
            .as_ref()
            .and_then(|l| l.fiscal.clone())
            .as_deref(),
        Some("FY2025")
    );
    // a calendar-year filer has one reading
    let aliases = "kind,alias,canonical\nentity,谷歌,ALPHABET INC.\nmetric,营收,revenue\n";
    let c = checker(load(ALPHABET, "alphabet.json"), aliases);
    let r = c.check("g", "谷歌2025年营收4028.36亿美元。", Some(d("2026-03-01")));
    assert_eq!(r.claims[0].verdict, Verdict::Consistent);
    assert!(
        !r.claims[0].reason.contains("may mean"),
        "{}",
        r.claims[0].reason
    );
}

/// A companyfacts file of entity `X` (CIK 1) whose `us-gaap:Revenues` in
/// USD are `facts` (each a JSON object's members).
fn revenues(facts: &[&str]) -> String {
    let facts: Vec<String> = facts.iter().map(|f| format!("{{{f}}}")).collect();
    format!(
        "{{\"cik\":1,\"entityName\":\"X\",\"facts\":{{\"us-gaap\":{{\"Revenues\":{{\"units\":{{\"USD\":[\n{}\n]}}}}}}}}}}",
        facts.join(",\n")
    )
}

/// The ledger of `json`, and the one its import CSV loads back to: the two
/// hold the same figures, and the CSV loads without an error or warning.
fn json_and_csv(json: &str) -> (Ledger, Ledger) {
    let from_json = load(json, "f.json");
    let mut csv = Vec::new();
    from_json.write_csv(&mut csv).expect("writes");
    let csv = String::from_utf8(csv).expect("UTF-8");
    let (from_csv, errors) = Ledger::from_csv_partial(&csv, "f.csv").expect("loads");
    assert!(errors.is_empty(), "{errors:?}\n{csv}");
    assert!(from_csv.warnings().is_empty(), "{:?}", from_csv.warnings());
    let figures = |l: &Ledger| {
        let mut v: Vec<_> = l
            .rows()
            .iter()
            .map(|r| {
                (
                    r.entity.clone(),
                    r.metric.clone(),
                    r.start,
                    r.end,
                    r.value,
                    r.concept.clone(),
                    r.filing.clone(),
                    r.earlier.iter().map(|v| v.value).collect::<Vec<_>>(),
                    r.derived.clone(),
                )
            })
            .collect();
        v.sort();
        v
    };
    assert_eq!(figures(&from_json), figures(&from_csv), "{csv}");
    (from_json, from_csv)
}

#[test]
fn fuzz_findings_of_the_companyfacts_reader() {
    // finding 7: spaces around a concept, form or accession number are not
    // part of it (the CSV reads them trimmed)
    let json = revenues(&[
        r#""start":"2025-01-01","end":"2025-03-31","val":1,"accn":" c","fy":2025,"fp":"Q1","form":"10-Q ","filed":"2025-04-30""#,
        r#""start":"2025-01-01","end":"2025-03-31","val":1,"accn":"b","fy":2025,"fp":"Q1","form":"10-Q","filed":"2025-04-30""#,
    ])
    .replace("\"Revenues\"", "\"Revenues \"");
    let (l, _) = json_and_csv(&json);
    let r = &l.rows()[0];
    assert_eq!(r.concept.as_deref(), Some("us-gaap:Revenues"));
    let f = r.filing.as_ref().expect("filed");
    assert_eq!((f.form.as_str(), f.accn.as_str()), ("10-Q", "b"));

    // finding 9: a CR in a name comes back from the CSV as a CR
    let (l, _) = json_and_csv(&json.replace("\"X\"", "\"A\\rB\""));
    assert_eq!(l.rows()[0].entity, "A\rB");

    // finding 10: one filing giving two values, with another filing between
    // them, is refused from the JSON as from its CSV
    let json = revenues(&[
        r#""start":"2025-01-01","end":"2025-03-31","val":1,"accn":"a","form":"10-Q","filed":"2025-04-30""#,
        r#""start":"2025-01-01","end":"2025-03-31","val":1,"accn":"b","form":"10-Q","filed":"2025-04-30""#,
        r#""start":"2025-01-01","end":"2025-03-31","val":2,"accn":"a","form":"10-Q","filed":"2026-04-30""#,
    ]);
    let (l, errors) = Ledger::from_companyfacts_partial(&json, "f.json").expect("usable");
    assert!(l.rows().is_empty(), "{:?}", l.rows());
    assert_eq!(
        messages(&errors),
        [
            "f.json:2:1: the 10-Q a gives X / revenue / 2025-01-01 to 2025-03-31 twice, as 1, 2: none of them is used"
        ]
    );

    // finding 11: one quarter derived twice, from two years ending that day:
    // refused when the derivations differ, kept once when they agree
    let year_and_nine = |v: [u32; 4]| {
        revenues(&[
            &format!(
                r#""start":"2024-01-01","end":"2024-12-31","val":{},"accn":"a","form":"10-K","filed":"2025-02-01""#,
                v[0]
            ),
            &format!(
                r#""start":"2024-01-03","end":"2024-12-31","val":{},"accn":"b","form":"10-K","filed":"2025-02-01""#,
                v[1]
            ),
            &format!(
                r#""start":"2024-01-01","end":"2024-09-30","val":{},"accn":"c","form":"10-Q","filed":"2024-11-01""#,
                v[2]
            ),
            &format!(
                r#""start":"2024-01-03","end":"2024-09-30","val":{},"accn":"d","form":"10-Q","filed":"2024-11-01""#,
                v[3]
            ),
        ])
    };
    let q4 = |l: &Ledger| -> Vec<String> {
        l.rows()
            .iter()
            .filter(|r| r.derived.is_some())
            .map(|r| r.value.to_string())
            .collect()
    };
    let (l, _) = json_and_csv(&year_and_nine([100, 200, 70, 150]));
    assert!(q4(&l).is_empty(), "{:?}", q4(&l));
    let (l, _) = json_and_csv(&year_and_nine([100, 180, 70, 150]));
    assert_eq!(q4(&l), ["30"]);
}
