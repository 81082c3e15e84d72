//! Ledger robustness (issue 5): the CSV shapes people and spreadsheets
//! produce, located messages for every bad row, the good rows kept, and a
//! large ledger loaded in one pass.

use figcheck::{Aliases, Error, FxRates, Ledger};

const HEADER: &str = "entity,metric,period,value,unit,scale,source,note";

fn messages(errors: &[Error]) -> Vec<String> {
    errors.iter().map(ToString::to_string).collect()
}

fn load(csv: &str) -> Ledger {
    Ledger::from_csv(csv, "l.csv").unwrap_or_else(|e| panic!("{:?}", messages(&e)))
}

/// (entity, metric, value, line) of every row.
fn rows(l: &Ledger) -> Vec<(String, String, String, usize)> {
    l.rows()
        .iter()
        .map(|r| {
            (
                r.entity.clone(),
                r.metric.clone(),
                r.value.to_string(),
                r.line,
            )
        })
        .collect()
}

#[test]
fn bom_crlf_and_quoted_fields_with_commas_and_newlines() {
    let csv = format!(
        "\u{feff}{HEADER}\r\n\
         \"SoftBank Group, Inc.\",cash,2024-09-30,\"3,578,000\",JPY,million,\"Bloomberg, via the article\",\"two\r\nlines, with a comma\"\r\n\
         Arm,market value,2025-01-21,160,USD,billion,,\"\"\"quoted\"\" note\"\r\n\
         Arm,bad,2025-01-21,lots,USD,,,\r\n"
    );
    let (l, errors) = Ledger::from_csv_partial(&csv, "l.csv").expect("usable");
    assert_eq!(
        rows(&l),
        [
            (
                "SoftBank Group, Inc.".into(),
                "cash".into(),
                "3578000000000".into(),
                2
            ),
            (
                "Arm".into(),
                "market value".into(),
                "160000000000".into(),
                4
            ),
        ]
    );
    assert_eq!(
        l.rows()[0].note.as_deref(),
        Some("two\r\nlines, with a comma")
    );
    assert_eq!(l.rows()[1].note.as_deref(), Some("\"quoted\" note"));
    // the line after a quoted newline is still numbered right, and so is the column
    assert_eq!(
        messages(&errors),
        [
            "l.csv:5:20: invalid amount \"lots\": expected an exact decimal such as 1234.5 or 1,234.5"
        ]
    );
}

#[test]
fn blank_and_trailing_empty_lines_are_not_rows() {
    let csv = format!(
        "\n\n{HEADER}\n\nArm,market value,2025-01-21,160,USD,billion,,\n \n,,,,,,,\n\r\n\n\n"
    );
    let l = load(&csv);
    assert_eq!(
        rows(&l),
        [(
            "Arm".into(),
            "market value".into(),
            "160000000000".into(),
            5
        )]
    );
    assert!(l.warnings().is_empty());
}

#[test]
fn a_repeated_header_is_skipped_with_a_warning() {
    // two exports pasted together
    let csv = format!(
        "{HEADER}\nArm,market value,2025-01-21,160,USD,billion,,\n{}\nArm,revenue,2025-03-31,4,USD,billion,,\n",
        HEADER.to_uppercase()
    );
    let l = load(&csv);
    assert_eq!(rows(&l).len(), 2);
    assert_eq!(rows(&l)[1].3, 4);
    assert_eq!(
        messages(l.warnings()),
        ["l.csv:3:1: repeated header row is skipped: the header is on line 1"]
    );
}

#[test]
fn a_column_given_twice_is_an_error() {
    let e =
        Ledger::from_csv("entity,metric,period,value,unit,value\n", "l.csv").expect_err("an error");
    assert_eq!(
        messages(&e),
        ["l.csv:1:33: duplicate column \"value\": expected each column once"]
    );
}

#[test]
fn extra_columns_are_ignored_with_a_warning() {
    let csv = "entity,metric,region,period,value,unit,analyst\n\
               Arm,market value,UK,2025-01-21,160000000000,USD,Ann\n";
    let l = load(csv);
    assert_eq!(
        rows(&l),
        [(
            "Arm".into(),
            "market value".into(),
            "160000000000".into(),
            2
        )]
    );
    assert_eq!(
        messages(l.warnings()),
        [
            "l.csv:1:15: unknown column \"region\" is ignored: expected columns entity, metric, period, value, unit, scale, source, note, start, concept, form, accn, filed, cik, derived, fiscal, length",
            "l.csv:1:40: unknown column \"analyst\" is ignored: expected columns entity, metric, period, value, unit, scale, source, note, start, concept, form, accn, filed, cik, derived, fiscal, length",
        ]
    );
}

#[test]
fn bad_rows_are_named_and_the_good_ones_kept() {
    let csv = format!(
        "{HEADER}\n\
         A,cash,2024-09-30,1,USD,,,\n\
         A,cash,2024-13-01,1,USD,,,\n\
         B,cash,2024-09-30,2,USD,,,\n\
         B,cash,2024-09-30,3,USD,,,\n\
         C,cash,2024-09-30,4,XYZ,,,\n\
         C,cash,2024-06-30,4\n\
         D,cash,2024-09-30,5,USD,,,\n"
    );
    let (l, errors) = Ledger::from_csv_partial(&csv, "l.csv").expect("usable");
    assert_eq!(
        rows(&l),
        [
            ("A".into(), "cash".into(), "1".into(), 2),
            ("D".into(), "cash".into(), "5".into(), 8),
        ]
    );
    assert_eq!(
        messages(&errors),
        [
            "l.csv:3:8: invalid date \"2024-13-01\": expected an ISO date YYYY-MM-DD",
            "l.csv:4:1: rows for B / cash / 2024-09-30 disagree (lines 4, 5): none of them is used",
            "l.csv:6:21: unknown currency \"XYZ\": expected an ISO 4217 code such as USD",
            "l.csv:7:1: row has 4 fields: expected 8 like the header",
        ]
    );
    // what is known of the rejected rows, for the claims they would cover;
    // both rows of the contradictory pair are left out
    let rejected: Vec<(&str, usize)> = l
        .rejected()
        .iter()
        .map(|r| (r.entity.as_str(), r.line))
        .collect();
    assert_eq!(rejected, [("A", 3), ("B", 4), ("B", 5), ("C", 6), ("C", 7)]);
    assert_eq!(l.rejected_for("b", "CASH").len(), 2);
    // the strict loader refuses the same file with the same errors
    let strict = Ledger::from_csv(&csv, "l.csv").expect_err("strict refuses");
    assert_eq!(messages(&strict), messages(&errors));
}

#[test]
fn aliases_and_fx_keep_their_good_rows_too() {
    let (a, errors) = Aliases::from_csv_partial(
        "kind,alias,canonical\nentity,软银,SoftBank Group\ncompany,x,y\nKIND,ALIAS,CANONICAL\nmetric,现金,cash\n",
        "a.csv",
    )
    .expect("usable");
    assert_eq!(a.entries().len(), 2);
    assert_eq!(
        messages(&errors),
        ["a.csv:3:1: unknown kind \"company\": expected entity or metric"]
    );
    assert_eq!(
        messages(a.warnings()),
        ["a.csv:4:1: repeated header row is skipped: the header is on line 1"]
    );
    let (fx, errors) = FxRates::from_csv_partial(
        "date,base,quote,rate\n2024-09-30,USD,JPY,143.12\n2024-09-30,USD,CNY,7.1\n2024-09-30,USD,CNY,7.2\n2024-10-01,USD,JPY,0\n",
        "fx.csv",
    )
    .expect("usable");
    assert_eq!(fx.len(), 1, "the contradictory USD/CNY pair is left out");
    assert_eq!(
        messages(&errors),
        [
            "fx.csv:3:1: rows for USD/CNY / 2024-09-30 disagree (lines 3, 4): none of them is used",
            "fx.csv:4:1: rows for USD/CNY / 2024-09-30 disagree (lines 3, 4): none of them is used",
            "fx.csv:5:20: invalid rate \"0\": expected a positive decimal",
        ]
    );
}

#[test]
fn unusable_files_are_refused_whole() {
    for (csv, message) in [
        (
            "",
            "l.csv:1:1: empty file: expected a header row with columns entity, metric, period, value, unit",
        ),
        (
            "\u{feff}\r\n\r\n",
            "l.csv:1:1: empty file: expected a header row with columns entity, metric, period, value, unit",
        ),
        (
            "\n\nentity,metric,value,unit\n",
            "l.csv:3:1: missing column \"period\": expected columns entity, metric, period, value, unit",
        ),
    ] {
        let e = Ledger::from_csv_partial(csv, "l.csv").expect_err("refused");
        assert_eq!(messages(&e), [message], "{csv:?}");
    }
}

/// `n` generated rows: 50 metrics per entity, values with separators and
/// quoting, a source URL and a note.
fn generated(n: usize) -> String {
    let mut s = String::with_capacity(n * 100);
    s.push_str(HEADER);
    s.push('\n');
    for i in 0..n {
        let (e, m) = (i / 50, i % 50);
        s.push_str(&format!(
            "Entity {e},metric {m},2024-{:02}-28,\"{},{:03}.5\",USD,million,https://example.com/{e}/{m},\"note, {i}\"\n",
            m % 12 + 1,
            i % 999 + 1,
            i % 1000
        ));
    }
    s
}

#[test]
fn a_large_ledger_loads_in_one_pass() {
    // 200,000 rows here (the README measures a million with the release build)
    let n = 200_000;
    let csv = generated(n);
    let l = load(&csv);
    assert_eq!(l.rows().len(), n);
    let last = &l.rows()[n - 1];
    assert_eq!(last.line, n + 1);
    assert_eq!(last.entity, format!("Entity {}", (n - 1) / 50));
    assert_eq!(l.series("entity 3", "METRIC 7").len(), 1);
    // one bad row near the end is found and located
    let bad = csv.replacen(
        ",USD,million,https://example.com/3999/49",
        ",USD,millions and millions,x",
        1,
    );
    let (l, errors) = Ledger::from_csv_partial(&bad, "l.csv").expect("usable");
    assert_eq!(l.rows().len(), n - 1);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].location().line, Some(4000 * 50 - 50 + 49 + 2));
}
