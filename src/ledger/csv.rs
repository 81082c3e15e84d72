//! Hand-written ledgers (and the ones `figcheck ledger import` writes): CSV
//! with the columns `entity, metric, period, value, unit` and, optionally,
//! `scale, source, note`, `start` (the first day of a flow's period), and
//! the provenance columns `concept, form, accn, filed, cik, derived`. The
//! columns `fiscal` and `length` that the import writes are for reading:
//! they are computed again on load, so they are accepted and not read.

use super::table::{At, Csv, check_width, field, lone_cr_to_lf, required};
use super::{Filing, LedgerRow, Length, RejectedRow, Unit};
use crate::date::Date;
use crate::error::{Error, ErrorKind};
use rust_decimal::Decimal;
use std::sync::Arc;

/// The columns every ledger has.
pub(super) const REQUIRED: &[&str] = &["entity", "metric", "period", "value", "unit"];
/// The columns a ledger may have.
pub(super) const OPTIONAL: &[&str] = &[
    "scale", "source", "note", "start", "concept", "form", "accn", "filed", "cik", "derived",
    "fiscal", "length",
];

/// Parses an exact decimal with optional `,` thousands separators, sign and
/// accounting parentheses: "1,234.5", "-12", "(3.5)".
///
/// # Errors
/// [`ErrorKind::InvalidAmount`] saying what was expected.
pub fn parse_decimal(s: &str) -> Result<Decimal, Error> {
    let bad = |expected: &str| {
        Error::new(ErrorKind::InvalidAmount {
            found: s.to_string(),
            expected: expected.to_string(),
        })
    };
    let mut t = s.trim();
    let mut neg = false;
    if let Some(inner) = t.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
        neg = true;
        t = inner.trim();
    }
    if let Some(r) = t.strip_prefix('-').or_else(|| t.strip_prefix('−')) {
        neg = !neg;
        t = r;
    } else if let Some(r) = t.strip_prefix('+') {
        t = r;
    }
    if t.is_empty() {
        return Err(bad("digits"));
    }
    let (int, frac) = match t.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (t, None),
    };
    let groups: Vec<&str> = int.split(',').collect();
    if groups.len() > 1 {
        if groups[0].is_empty() || groups[0].len() > 3 {
            return Err(bad("one to three digits before the first ','"));
        }
        if groups[1..].iter().any(|g| g.len() != 3) {
            return Err(bad("three digits after ','"));
        }
    }
    let digits: String = groups.concat();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad("an exact decimal such as 1234.5 or 1,234.5"));
    }
    if let Some(f) = frac {
        if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad("digits after '.'"));
        }
    }
    let plain = match frac {
        Some(f) => format!("{digits}.{f}"),
        None => digits,
    };
    let v = Decimal::from_str_exact(&plain).map_err(|_| bad("at most 28 significant digits"))?;
    Ok(if neg { -v } else { v })
}

/// The multiplier of a ledger `scale` field.
///
/// # Errors
/// [`ErrorKind::UnknownScale`].
pub fn parse_scale(s: &str) -> Result<Decimal, Error> {
    let e = match s.trim().to_ascii_lowercase().as_str() {
        "" | "1" | "unit" | "units" | "one" | "ones" | "个" => 0,
        "thousand" | "thousands" | "k" | "千" => 3,
        "万" | "萬" | "ten thousand" => 4,
        "million" | "millions" | "m" | "mn" | "mln" | "百万" | "百萬" => 6,
        "千万" | "千萬" => 7,
        "亿" | "億" | "hundred million" => 8,
        "billion" | "billions" | "b" | "bn" | "bln" | "十亿" | "十億" => 9,
        "trillion" | "trillions" | "tn" | "万亿" | "萬億" | "兆" => 12,
        _ => {
            return Err(Error::new(ErrorKind::UnknownScale {
                found: s.trim().to_string(),
            }));
        }
    };
    Ok(crate::extract::numeral::pow10(e))
}

/// A parsed field, or an error at its place.
fn parsed<T>(
    csv: &Csv,
    at: At,
    name: &str,
    r: Result<T, Error>,
    errors: &mut Vec<Error>,
) -> Option<T> {
    match r {
        Ok(v) => Some(v),
        Err(e) => {
            errors.push(csv.at(e.kind().clone(), at, csv.cols[name]));
            None
        }
    }
}

/// Reads one ledger record; `None` after recording its problems in `errors`.
fn ledger_row(
    csv: &Csv,
    rec: &csv::StringRecord,
    at: At,
    file: &Arc<str>,
    errors: &mut Vec<Error>,
) -> Option<LedgerRow> {
    if !check_width(csv, rec, at, errors) {
        return None;
    }
    let entity = required(csv, rec, at, "entity", errors);
    let metric = required(csv, rec, at, "metric", errors);
    let end = required(csv, rec, at, "period", errors)
        .and_then(|p| parsed(csv, at, "period", p.parse::<Date>(), errors));
    let value = required(csv, rec, at, "value", errors)
        .and_then(|v| parsed(csv, at, "value", parse_decimal(v), errors));
    let scale = parsed(
        csv,
        at,
        "scale",
        parse_scale(field(csv, rec, "scale")),
        errors,
    );
    let unit = required(csv, rec, at, "unit", errors)
        .and_then(|u| parsed(csv, at, "unit", Unit::parse(u), errors));
    let opt = |name: &str| Some(field(csv, rec, name).to_string()).filter(|s| !s.is_empty());
    let start = match opt("start") {
        Some(s) => parsed(csv, at, "start", s.parse::<Date>(), errors).map(Some),
        None => Some(None),
    };
    let filing = filing(csv, rec, at, errors);
    let (entity, metric, end, value, scale, unit, start, filing) = (
        entity?, metric?, end?, value?, scale?, unit?, start?, filing?,
    );
    if let Some(s) = start {
        if s > end {
            errors.push(csv.at(
                ErrorKind::EndBeforeStart {
                    start: s.to_string(),
                    end: end.to_string(),
                },
                at,
                csv.cols["start"],
            ));
            return None;
        }
    }
    let Some(value) = value.checked_mul(scale) else {
        errors.push(csv.at(
            ErrorKind::Overflow {
                text: field(csv, rec, "value").to_string(),
            },
            at,
            csv.cols["value"],
        ));
        return None;
    };
    Some(LedgerRow {
        entity: entity.to_string(),
        metric: metric.to_string(),
        start,
        end,
        value,
        unit,
        source: opt("source"),
        note: opt("note"),
        concept: opt("concept"),
        filing,
        derived: opt("derived"),
        earlier: Vec::new(),
        length: Length::of(start, end),
        fiscal: None,
        file: file.clone(),
        line: at.line,
    })
}

/// The provenance columns: none, or a filing with at least its date.
/// `Some(None)` when the row names no filing, `None` after an error.
fn filing(
    csv: &Csv,
    rec: &csv::StringRecord,
    at: At,
    errors: &mut Vec<Error>,
) -> Option<Option<Filing>> {
    let form = field(csv, rec, "form");
    let accn = field(csv, rec, "accn");
    let filed = field(csv, rec, "filed");
    let cik = field(csv, rec, "cik");
    if form.is_empty() && accn.is_empty() && filed.is_empty() {
        return Some(None);
    }
    let filed = if filed.is_empty() {
        let col = csv.cols.get("filed").copied().unwrap_or(0);
        errors.push(csv.at(
            ErrorKind::EmptyField {
                column: "filed".to_string(),
            },
            at,
            col,
        ));
        None
    } else {
        parsed(csv, at, "filed", filed.parse::<Date>(), errors)
    };
    let cik = if cik.is_empty() {
        Some(None)
    } else {
        match cik.parse::<u64>() {
            Ok(n) => Some(Some(n)),
            Err(_) => {
                errors.push(csv.at(
                    ErrorKind::InvalidCik {
                        found: cik.to_string(),
                    },
                    at,
                    csv.cols["cik"],
                ));
                None
            }
        }
    };
    Some(Some(Filing {
        form: form.to_string(),
        accn: accn.to_string(),
        filed: filed?,
        cik: cik?,
    }))
}

/// The rows of a ledger CSV text: (rows, rejected, row errors, warnings).
pub(super) type Read = (Vec<LedgerRow>, Vec<RejectedRow>, Vec<Error>, Vec<Error>);

/// Reads every record of a ledger CSV text.
///
/// # Errors
/// When the table cannot be used at all (empty, a required column missing
/// or given twice): every such problem, located.
pub(super) fn read(text: &str, path: &str, file: Arc<str>) -> Result<Read, Vec<Error>> {
    let text = &*lone_cr_to_lf(text);
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let Some((csv, mut records)) =
        Csv::read(text, path, REQUIRED, OPTIONAL, &mut errors, &mut warnings)
    else {
        return Err(errors);
    };
    let mut rows: Vec<LedgerRow> = Vec::new();
    let mut rejected: Vec<RejectedRow> = Vec::new();
    while let Some(at) = records.next(&csv, &mut errors, &mut warnings) {
        let rec = &records.rec;
        let before = errors.len();
        let row = ledger_row(&csv, rec, at, &file, &mut errors);
        match row.filter(|_| errors.len() == before) {
            Some(row) => rows.push(row),
            None => rejected.push(RejectedRow {
                entity: field(&csv, rec, "entity").to_string(),
                metric: field(&csv, rec, "metric").to_string(),
                period: field(&csv, rec, "period").parse::<Date>().ok(),
                file: path.to_string(),
                line: at.line,
            }),
        }
    }
    Ok((rows, rejected, errors, warnings))
}

/// Writes rows as a ledger CSV that [`read`] reads back to the same rows:
/// one line per version of a figure (the earlier values first, each with
/// its filing), with every column.
///
/// # Errors
/// Only the writer's.
pub(super) fn write<W: std::io::Write>(rows: &[&LedgerRow], out: W) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "entity", "metric", "start", "period", "value", "unit", "length", "fiscal", "concept",
        "form", "accn", "filed", "cik", "derived", "source", "note",
    ])?;
    for r in rows {
        let versions = r
            .earlier
            .iter()
            .map(|v| (v.value, v.filing.as_ref()))
            .chain(std::iter::once((r.value, r.filing.as_ref())));
        for (value, filing) in versions {
            let opt = |s: &Option<String>| s.clone().unwrap_or_default();
            w.write_record([
                r.entity.clone(),
                r.metric.clone(),
                r.start.map(|d| d.to_string()).unwrap_or_default(),
                r.end.to_string(),
                crate::report::decimal(value),
                r.unit.to_string(),
                r.length.label().to_string(),
                r.fiscal.map(|f| f.name(r.length)).unwrap_or_default(),
                opt(&r.concept),
                filing.map(|f| f.form.clone()).unwrap_or_default(),
                filing.map(|f| f.accn.clone()).unwrap_or_default(),
                filing.map(|f| f.filed.to_string()).unwrap_or_default(),
                filing
                    .and_then(|f| f.cik)
                    .map(|c| c.to_string())
                    .unwrap_or_default(),
                opt(&r.derived),
                opt(&r.source),
                opt(&r.note),
            ])?;
        }
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Currency;
    use crate::ledger::Ledger;

    fn msgs(r: Result<Ledger, crate::Errors>) -> Vec<String> {
        r.err()
            .map(Vec::from)
            .unwrap_or_default()
            .iter()
            .map(|e| e.to_string())
            .collect()
    }

    #[test]
    fn loads_any_column_order_bom_crlf_and_scale() {
        let csv = "\u{feff}unit,value,period,metric,entity,scale,source\r\nUSD,25,2024-09-30,cash,SoftBank Group,billion,Bloomberg\r\n%,90,2025-01-22,stake in Arm,SoftBank Group,,filings\r\n\r\n";
        let l = Ledger::from_csv(csv, "l.csv").expect("loads");
        assert_eq!(l.rows().len(), 2);
        assert_eq!(l.rows()[0].value.to_string(), "25000000000");
        assert_eq!(l.rows()[0].unit, Unit::Currency(Currency::USD));
        assert_eq!(l.rows()[0].line, 2);
        assert_eq!(l.rows()[1].unit, Unit::Percent);
        assert_eq!(l.series("softbank group", "CASH").len(), 1);
    }

    #[test]
    fn reports_every_bad_row_with_line_and_column() {
        let csv = "entity,metric,period,value,unit\nA,cash,2024-13-01,1,USD\nA,cash,2024-09-30,\"12,3.4\",USD\nA,cash,2024-06-30,5,XYZ\nA,cash,2024-03-31,5\n";
        let m = msgs(Ledger::from_csv(csv, "ledger.csv"));
        assert_eq!(
            m,
            vec![
                "ledger.csv:2:8: invalid date \"2024-13-01\": expected an ISO date YYYY-MM-DD",
                "ledger.csv:3:19: invalid amount \"12,3.4\": expected three digits after ','",
                "ledger.csv:4:21: unknown currency \"XYZ\": expected an ISO 4217 code such as USD",
                "ledger.csv:5:1: row has 4 fields: expected 5 like the header",
            ]
        );
    }

    #[test]
    fn header_problems() {
        assert_eq!(
            msgs(Ledger::from_csv("", "l.csv")),
            vec![
                "l.csv:1:1: empty file: expected a header row with columns entity, metric, period, value, unit"
            ]
        );
        assert_eq!(
            msgs(Ledger::from_csv(
                "entity,metric,period,unit\nA,b,2024-01-01,USD\n",
                "l.csv"
            )),
            vec![
                "l.csv:1:1: missing column \"value\": expected columns entity, metric, period, value, unit"
            ]
        );
        assert_eq!(
            msgs(Ledger::from_csv(
                "entity,metric,period,value,unit,value\n",
                "l.csv"
            )),
            vec!["l.csv:1:33: duplicate column \"value\": expected each column once"]
        );
        let l = Ledger::from_csv(
            "entity,metric,period,value,unit,extra\nA,b,2024-01-01,1,USD,x\n",
            "l.csv",
        )
        .expect("loads");
        assert_eq!(
            l.warnings()[0].to_string(),
            "l.csv:1:33: unknown column \"extra\" is ignored: expected columns entity, metric, period, value, unit, scale, source, note, start, concept, form, accn, filed, cik, derived, fiscal, length"
        );
    }

    #[test]
    fn duplicate_rows() {
        let csv =
            "entity,metric,period,value,unit\nA,cash,2024-09-30,1,USD\nA,Cash,2024-09-30,2,USD\n";
        assert_eq!(
            msgs(Ledger::from_csv(csv, "l.csv")),
            vec![
                "l.csv:2:1: rows for A / cash / 2024-09-30 disagree (lines 2, 3): none of them is used",
            ]
        );
        let csv =
            "entity,metric,period,value,unit\nA,cash,2024-09-30,1,USD\nA,cash,2024-09-30,1.0,USD\n";
        let l = Ledger::from_csv(csv, "l.csv").expect("same value loads");
        assert_eq!(l.rows().len(), 1);
        assert_eq!(l.warnings().len(), 1);
        // a repeat of either value is part of the disagreement: every row
        // for the key is named and left out, whatever the order
        for values in [[1, 1, 2], [1, 2, 1], [2, 1, 1]] {
            let csv = format!(
                "entity,metric,period,value,unit\nA,cash,2024-09-30,{},USD\nA,cash,2024-09-30,{},USD\nA,cash,2024-09-30,{},USD\nB,cash,2024-09-30,5,USD\n",
                values[0], values[1], values[2]
            );
            let (l, errors) = Ledger::from_csv_partial(&csv, "l.csv").expect("usable");
            assert_eq!(l.rows().len(), 1, "{values:?}");
            // one error for the disagreement, naming every line
            let lines: Vec<Option<usize>> = errors.iter().map(|e| e.location().line).collect();
            assert_eq!(lines, [Some(2)], "{values:?}");
            assert!(
                errors[0].to_string().contains("(lines 2, 3, 4)"),
                "{values:?}"
            );
            let rejected: Vec<usize> = l.rejected().iter().map(|r| r.line).collect();
            assert_eq!(rejected, [2, 3, 4], "{values:?}");
            assert!(l.warnings().is_empty(), "{values:?}");
        }
    }

    #[test]
    fn old_mac_line_ends_and_a_bom_count_right() {
        let csv = "\u{feff}entity,metric,period,value,unit,bogus\rA,cash,2024-09-30,1,USD,x\rA,debt,2024-09-30,x,USD,y\r";
        let (l, errors) = Ledger::from_csv_partial(csv, "l.csv").expect("usable");
        assert_eq!(l.rows().len(), 1);
        assert_eq!(
            msgs(Err(crate::Errors(errors))),
            [
                "l.csv:3:19: invalid amount \"x\": expected an exact decimal such as 1234.5 or 1,234.5"
            ]
        );
        assert_eq!(
            l.warnings()[0].to_string(),
            "l.csv:1:33: unknown column \"bogus\" is ignored: expected columns entity, metric, period, value, unit, scale, source, note, start, concept, form, accn, filed, cik, derived, fiscal, length"
        );
    }

    #[test]
    fn a_lone_cr_inside_quotes_is_text() {
        // a CR in a quoted field stays (fuzz finding 9); one outside ends a line
        let csv = "entity,metric,period,value,unit,note\r\"A\rB\",cash,2024-09-30,1,USD,\"x\"\"\ry\"\rC,cash,2024-09-30,z,USD,\r";
        let (l, errors) = Ledger::from_csv_partial(csv, "l.csv").expect("usable");
        assert_eq!(l.rows()[0].entity, "A\rB");
        assert_eq!(l.rows()[0].note.as_deref(), Some("x\"\ry"));
        assert_eq!(
            msgs(Err(crate::Errors(errors))),
            [
                "l.csv:3:19: invalid amount \"z\": expected an exact decimal such as 1234.5 or 1,234.5"
            ]
        );
    }

    #[test]
    fn a_file_of_empty_lines_is_empty() {
        // no memory is reserved per line: 20 million newlines are just empty
        let csv = "entity,metric,period,value,unit\n".to_string() + &"\n".repeat(20_000_000);
        let (l, errors) = Ledger::from_csv_partial(&csv, "l.csv").expect("usable");
        assert!(l.rows().is_empty() && errors.is_empty());
    }

    #[test]
    fn quoted_fields_with_commas_and_newlines() {
        let csv = "entity,metric,period,value,unit,note\n\"Arm, Holdings\",market cap,2025-01-22,\"160,000\",USD,\"two\nlines\"\nB,x,2024-01-01,bad,USD,\n";
        let m = msgs(Ledger::from_csv(csv, "l.csv"));
        assert_eq!(
            m,
            vec![
                "l.csv:4:16: invalid amount \"bad\": expected an exact decimal such as 1234.5 or 1,234.5"
            ]
        );
    }

    #[test]
    fn decimals_are_exact() {
        assert_eq!(
            parse_decimal("1,234.50").map(|d| d.to_string()).ok(),
            Some("1234.50".into())
        );
        assert_eq!(
            parse_decimal("(3.5)").map(|d| d.to_string()).ok(),
            Some("-3.5".into())
        );
        assert_eq!(
            parse_decimal("0.1").map(|d| d.to_string()).ok(),
            Some("0.1".into())
        );
        assert!(parse_decimal("1e5").is_err());
        assert!(parse_decimal("1,2345").is_err());
        assert!(parse_decimal("").is_err());
    }
}
