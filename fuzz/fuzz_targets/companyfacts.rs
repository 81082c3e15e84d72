//! The SEC companyfacts JSON reader on arbitrary bytes (a file named
//! `fuzz.json`): an unusable file gives located errors; a usable one accounts
//! for every fact (used, skipped or a located error), builds a ledger whose
//! messages are located in the file, and writes a ledger CSV that loads back,
//! without a single error or warning, to the same figures.
#![no_main]

use figcheck::ledger::{Filing, ImportStats};
use figcheck::{Date, Error, ErrorKind, Ledger, LedgerBuilder, LedgerRow, Unit};
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;

const PATH: &str = "fuzz.json";

/// The text's lines (only LF ends one, as for serde_json and the reader):
/// the chars of each. A last line without a LF is counted, and so is the
/// empty line after a last LF (a place at the very end of the file).
fn line_lengths(text: &str) -> Vec<usize> {
    text.split('\n').map(|l| l.chars().count()).collect()
}

/// `e` names the file and a place inside it: a line of the file and a
/// column at most one past that line's last char.
fn check_located(e: &Error, lines: &[usize]) {
    let at = e.location();
    assert_eq!(at.path.as_deref(), Some(PATH), "{e}");
    let line = at.line.expect("every problem has a line");
    assert!(
        line >= 1 && line <= lines.len(),
        "{e}: the file has {} lines",
        lines.len()
    );
    if let Some(col) = at.column {
        let len = lines[line - 1];
        assert!(
            col >= 1 && col <= len + 1,
            "{e}: line {line} has {len} chars"
        );
    }
}

/// A value prints (as the reports print it) and reads back exactly.
fn check_exact(v: Decimal) {
    let shown = figcheck::report::decimal(v);
    let back = Decimal::from_str_exact(&shown).expect("a printed value reads back");
    assert_eq!(back, v, "{shown}");
    let _ = v.to_string();
}

/// What a figure is, for comparing two ledgers in any order.
type Figure = (
    String,
    String,
    Option<Date>,
    Date,
    Decimal,
    Unit,
    Option<String>,
    Option<Filing>,
    Vec<(Decimal, Option<Filing>)>,
    Option<String>,
);

fn figure(r: &LedgerRow) -> Figure {
    (
        r.entity.clone(),
        r.metric.clone(),
        r.start,
        r.end,
        r.value,
        r.unit,
        r.concept.clone(),
        r.filing.clone(),
        r.earlier
            .iter()
            .map(|v| (v.value, v.filing.clone()))
            .collect(),
        r.derived.clone(),
    )
}

fn figures(l: &Ledger) -> Vec<Figure> {
    let mut v: Vec<Figure> = l.rows().iter().map(figure).collect();
    v.sort();
    v
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let lines = line_lengths(&text);
    let mut b = LedgerBuilder::new();
    let (stats, errors) = match b.add_companyfacts_bytes(data, PATH) {
        Err(errors) => {
            assert!(!errors.is_empty(), "an Err with no error");
            for e in &errors {
                check_located(e, &lines);
            }
            return;
        }
        Ok(r) => r,
    };
    for e in &errors {
        check_located(e, &lines);
    }
    // every fact read is used, skipped or a bad fact (with one error), once
    let bad = errors
        .iter()
        .filter(|e| matches!(e.kind(), ErrorKind::BadFact { .. }))
        .count();
    assert_eq!(
        stats.used + stats.skipped_total() + bad,
        stats.facts,
        "used {} + skipped {} + bad {bad} != facts {}",
        stats.used,
        stats.skipped_total(),
        stats.facts
    );
    assert!(stats.skipped.iter().all(|(_, n)| *n > 0));
    assert_eq!(stats.path, PATH);
    assert!(!stats.entity.is_empty());

    let (ledger, build_errors) = b.build();
    for e in build_errors.iter().chain(ledger.warnings()) {
        check_located(e, &lines);
    }
    let imports = ledger.imports();
    assert_eq!(imports.len(), 1);
    let derived = ledger.rows().iter().filter(|r| r.derived.is_some()).count();
    assert_eq!(imports[0].derived, derived);
    assert_eq!(
        imports[0],
        ImportStats {
            derived,
            ..stats.clone()
        }
    );
    // repeats of a figure merge: never more figures than facts used
    assert!(ledger.rows().len() - derived <= stats.used);
    for r in ledger.rows() {
        assert_eq!(r.entity, stats.entity);
        assert_eq!(&*r.file, PATH);
        assert!(r.line >= 1 && r.line <= lines.len(), "row line {}", r.line);
        assert!(r.start.is_none_or(|s| s <= r.end));
        check_exact(r.value);
        for v in &r.earlier {
            check_exact(v.value);
        }
        // each version changed the value before it (a value may come back:
        // 2.98, then 11.91, then 2.98 again)
        let values: Vec<Decimal> = r.earlier.iter().map(|v| v.value).chain([r.value]).collect();
        assert!(
            values.windows(2).all(|w| w[0] != w[1]),
            "a version repeats the value before it: {values:?}"
        );
        for f in r
            .filing
            .iter()
            .chain(r.earlier.iter().filter_map(|v| v.filing.as_ref()))
        {
            assert_eq!(f.cik, stats.cik);
            let _ = f.url();
        }
        let _ = r.period_words();
    }

    // the import's promise: its CSV checks like the JSON
    let mut csv = Vec::new();
    ledger.write_csv(&mut csv).expect("writing to memory");
    let csv = String::from_utf8(csv).expect("the CSV is UTF-8");
    let back = match Ledger::from_csv_partial(&csv, "rt.csv") {
        Ok((back, errors)) => {
            assert!(
                errors.is_empty(),
                "the CSV loads with errors: {errors:?}\n{csv}"
            );
            back
        }
        Err(errors) => panic!("the CSV does not load: {errors:?}\n{csv}"),
    };
    assert!(
        back.warnings().is_empty(),
        "the CSV loads with warnings: {:?}\n{csv}",
        back.warnings()
    );
    let (a, z) = (figures(&ledger), figures(&back));
    assert_eq!(a.len(), z.len(), "rows before and after the CSV\n{csv}");
    for (x, y) in a.iter().zip(&z) {
        assert_eq!(x, y, "a figure changed in the CSV\n{csv}");
    }
});
