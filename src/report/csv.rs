//! CSV rendering: one row per claim, for spreadsheets.
//!
//! Columns: `id`, `date`, then the fields of the JSON claim object flattened
//! (the `ledger` object's fields prefixed `ledger_`, except the FX fields and
//! the converted value, which keep their names), then the words that decided
//! entity, metric and period (`entity_evidence`, `metric_evidence`,
//! `period_evidence`), the words that kept it from being checked
//! (`context_evidence`: "expects", 数据中心, 市值) and why no metric named
//! near it was taken (`refused`). Values are the JSON values as text: exact decimal
//! strings, `true`/`false`, and an empty field for null. The header comes
//! once, before the first row, however many reports are written.
//!
//! ```text
//! id,date,kind,start,end,line,column,text,value,min,max,currency,approx,bound,
//! inclusive,strong,points,precision,entity,metric,period,verdict,reason,diagnosis,
//! ledger_entity,ledger_metric,ledger_period,ledger_value,ledger_unit,ledger_source,
//! ledger_start,ledger_length,ledger_fiscal,ledger_concept,ledger_form,ledger_accn,ledger_filed,
//! ledger_url,ledger_derived,ledger_restated,ledger_file,ledger_line,
//! fx_rate,fx_date,converted_value,difference,relative_difference,
//! entity_evidence,metric_evidence,period_evidence,context_evidence,refused
//! ```

use super::{ClaimReport, Report};
use serde_json::Value;
use std::io::{self, Write};

/// The header row.
pub const COLUMNS: [&str; 52] = [
    "id",
    "date",
    "kind",
    "start",
    "end",
    "line",
    "column",
    "text",
    "value",
    "min",
    "max",
    "currency",
    "approx",
    "bound",
    "inclusive",
    "strong",
    "points",
    "precision",
    "entity",
    "metric",
    "period",
    "verdict",
    "reason",
    "diagnosis",
    "ledger_entity",
    "ledger_metric",
    "ledger_period",
    "ledger_value",
    "ledger_unit",
    "ledger_source",
    "ledger_start",
    "ledger_length",
    "ledger_fiscal",
    "ledger_concept",
    "ledger_form",
    "ledger_accn",
    "ledger_filed",
    "ledger_url",
    "ledger_derived",
    "ledger_restated",
    "ledger_file",
    "ledger_line",
    "fx_rate",
    "fx_date",
    "converted_value",
    "difference",
    "relative_difference",
    "entity_evidence",
    "metric_evidence",
    "period_evidence",
    "context_evidence",
    "refused",
];

/// Where each column after `id` and `date` comes from in the JSON claim
/// object: a path of keys.
const PATHS: [&[&str]; 50] = [
    &["kind"],
    &["start"],
    &["end"],
    &["line"],
    &["column"],
    &["text"],
    &["value"],
    &["min"],
    &["max"],
    &["currency"],
    &["approx"],
    &["bound"],
    &["inclusive"],
    &["strong"],
    &["points"],
    &["precision"],
    &["entity"],
    &["metric"],
    &["period"],
    &["verdict"],
    &["reason"],
    &["diagnosis"],
    &["ledger", "entity"],
    &["ledger", "metric"],
    &["ledger", "period"],
    &["ledger", "value"],
    &["ledger", "unit"],
    &["ledger", "source"],
    &["ledger", "start"],
    &["ledger", "length"],
    &["ledger", "fiscal"],
    &["ledger", "concept"],
    &["ledger", "filing", "form"],
    &["ledger", "filing", "accn"],
    &["ledger", "filing", "filed"],
    &["ledger", "filing", "url"],
    &["ledger", "derived"],
    &["ledger", "restated", "matched"],
    &["ledger", "file"],
    &["ledger", "line"],
    &["ledger", "fx_rate"],
    &["ledger", "fx_date"],
    &["ledger", "converted_value"],
    &["difference"],
    &["relative_difference"],
    &["evidence", "entity", "text"],
    &["evidence", "metric", "text"],
    &["evidence", "period", "text"],
    &["evidence", "context", "text"],
    &["evidence", "refused"],
];

/// Writes reports as CSV rows, one per claim, under a single header.
///
/// ```
/// use figcheck::{Aliases, Checker, Extractor, FxRates, Ledger, Policy};
/// use figcheck::report::csv::Writer;
/// let ledger = Ledger::from_csv("entity,metric,period,value,unit,scale\nArm Holdings,market capitalization,2025-01-22,160,USD,billion\n", "l.csv").map_err(|e| e[0].clone())?;
/// let aliases = Aliases::from_csv("kind,alias,canonical\nentity,安谋,Arm Holdings\nmetric,市值,market capitalization\n", "a.csv").map_err(|e| e[0].clone())?;
/// let checker = Checker::new(Extractor::new(), ledger, aliases, FxRates::default(), Policy::default());
/// let mut writer = Writer::new(Vec::new());
/// writer.write(&checker.check("a1", "安谋当前市值约 1600 亿美元。", None))?;
/// writer.write(&checker.check("a2", "No figures here.", None))?;
/// let csv = String::from_utf8(writer.finish()?)?;
/// assert_eq!(csv.lines().count(), 2);
/// assert!(csv.lines().nth(1).unwrap_or_default().starts_with("a1,,money,"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Writer<W: Write> {
    csv: ::csv::Writer<W>,
    header: bool,
}

impl<W: Write> Writer<W> {
    /// A writer to `out`. Nothing is written until the first report or
    /// [`Writer::finish`].
    pub fn new(out: W) -> Writer<W> {
        Writer {
            csv: ::csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(out),
            header: false,
        }
    }

    /// Writes one row per claim of `report` (the header first, if not yet
    /// written).
    ///
    /// # Errors
    /// Any error of the underlying writer.
    pub fn write(&mut self, report: &Report) -> io::Result<()> {
        self.header()?;
        let id = match &report.id {
            Value::String(s) => s.clone(),
            v => cell(v),
        };
        let date = report.date.map(|d| d.to_string()).unwrap_or_default();
        // a document not checked: one row, with verdict "not checked" and
        // the reason
        if let Some(why) = &report.not_checked {
            let mut record = vec![String::new(); COLUMNS.len()];
            record[0] = id;
            for (i, col) in COLUMNS.iter().enumerate() {
                match *col {
                    "verdict" => record[i] = "not checked".to_string(),
                    "reason" => record[i] = why.clone(),
                    _ => {}
                }
            }
            self.csv.write_record(&record)?;
            return Ok(());
        }
        for c in &report.claims {
            self.row(&id, &date, c)?;
        }
        Ok(())
    }

    /// Writes the row of one claim of `report` (whose `claims` need not
    /// hold it), for a report written claim by claim
    /// ([`crate::Checker::checking`]): the same row as [`Writer::write`].
    ///
    /// # Errors
    /// Any error of the underlying writer.
    pub fn write_claim(&mut self, report: &Report, claim: &ClaimReport) -> io::Result<()> {
        self.header()?;
        let id = match &report.id {
            Value::String(s) => s.clone(),
            v => cell(v),
        };
        let date = report.date.map(|d| d.to_string()).unwrap_or_default();
        self.row(&id, &date, claim)
    }

    fn row(&mut self, id: &str, date: &str, c: &ClaimReport) -> io::Result<()> {
        let mut record = Vec::with_capacity(COLUMNS.len());
        record.push(id.to_string());
        record.push(date.to_string());
        record.extend(fields(c)?);
        self.csv.write_record(&record)?;
        Ok(())
    }

    /// Writes the header if no report did, flushes, and returns the writer.
    ///
    /// # Errors
    /// Any error of the underlying writer.
    pub fn finish(mut self) -> io::Result<W> {
        self.header()?;
        self.csv.flush()?;
        self.csv.into_inner().map_err(|e| e.into_error())
    }

    fn header(&mut self) -> io::Result<()> {
        if !self.header {
            self.csv.write_record(COLUMNS)?;
            self.header = true;
        }
        Ok(())
    }
}

/// The claim's columns, from its JSON form so that both formats agree.
fn fields(c: &ClaimReport) -> io::Result<Vec<String>> {
    let json = serde_json::to_value(c).map_err(io::Error::other)?;
    Ok(PATHS
        .iter()
        .map(|path| {
            path.iter()
                .try_fold(&json, |v, key| v.get(key))
                .map(cell)
                .unwrap_or_default()
        })
        .collect())
}

/// A JSON value as one CSV field: strings as they are, null as empty,
/// anything else as JSON text.
fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        v => v.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_match_paths() {
        assert_eq!(COLUMNS.len(), PATHS.len() + 2);
        for (col, path) in COLUMNS[2..].iter().zip(PATHS) {
            let want = match path {
                [key] => key.to_string(),
                ["ledger", key] if key.starts_with("fx_") || *key == "converted_value" => {
                    key.to_string()
                }
                ["ledger", key] => format!("ledger_{key}"),
                ["ledger", "filing", key] => format!("ledger_{key}"),
                ["ledger", "restated", "matched"] => "ledger_restated".to_string(),
                ["evidence", what, "text"] => format!("{what}_evidence"),
                ["evidence", "refused"] => "refused".to_string(),
                _ => String::new(),
            };
            assert_eq!(*col, want);
        }
    }

    #[test]
    fn empty_output_has_the_header() {
        let out = Writer::new(Vec::new()).finish().expect("writes to a Vec");
        assert_eq!(
            String::from_utf8(out).expect("UTF-8"),
            format!("{}\n", COLUMNS.join(","))
        );
    }
}
