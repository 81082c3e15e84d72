//! JSON Lines rendering: one object per document.
//!
//! ```text
//! {"id": "stargate-zh.txt", "date": "2025-01-21", "claims": [ {mention fields…,
//!   "entity": "SoftBank Group", "metric": "cash and cash equivalents", "period": "2024-09-30",
//!   "verdict": "consistent", "reason": "…", "diagnosis": null, "diagnosis_kind": null,
//!   "ledger": {"entity", "metric", "period", "value", "unit", "source", "fx_rate", "fx_date",
//!              "converted_value", "line"}, "difference": "0", "relative_difference": "0",
//!   "evidence": {"entity": {"name", "text", "span", "how"}, "metric": {…}, "period": {…}}} ],
//!  "summary": {"consistent": 7, "contradicted": 2, "unverifiable": 0}, "errors": []}
//! ```

pub(crate) mod ser;

pub use ser::append;

use super::Report;
use std::io::{self, Write};

/// Writes `report` as one JSON line.
///
/// # Errors
/// Any error of the writer.
pub fn write(report: &Report, out: &mut impl Write) -> io::Result<()> {
    let mut line = Vec::with_capacity(256 + report.claims.len() * 1024);
    append_line(report, &mut line)?;
    out.write_all(&line)
}

/// Appends `report` as one JSON line to `out` (the bytes of [`write`]).
///
/// # Errors
/// None in practice: reports are plain data.
pub fn append_line(report: &Report, out: &mut Vec<u8>) -> io::Result<()> {
    append(out, report).map_err(io::Error::other)?;
    out.push(b'\n');
    Ok(())
}

/// A report written claim by claim, for documents too large to hold their
/// report (see [`crate::Checker::checking`]). The bytes are those of
/// [`write`] of the whole report.
///
/// ```
/// use figcheck::{Checker, Extractor, Ledger, Aliases, FxRates, Policy};
/// use figcheck::report::json;
/// let checker = Checker::new(Extractor::new(), Ledger::default(), Aliases::default(), FxRates::default(), Policy::default());
/// let text = "营收 100 亿美元。";
/// let mut streamed = Vec::new();
/// let mut checking = checker.checking("a1", text, None);
/// let mut stream = json::Stream::begin(checking.report(), &mut streamed)?;
/// for claim in checking.by_ref() {
///     stream.claim(&claim, &mut streamed)?;
/// }
/// stream.end(&checking.finish(), &mut streamed)?;
/// let mut whole = Vec::new();
/// json::write(&checker.check("a1", text, None), &mut whole)?;
/// assert_eq!(streamed, whole);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct Stream {
    claims: usize,
}

fn to(out: &mut impl Write, v: &impl serde::Serialize) -> io::Result<()> {
    let mut buf = Vec::new();
    append(&mut buf, v).map_err(io::Error::other)?;
    out.write_all(&buf)
}

impl Stream {
    /// Writes the head of the report: its id and article date.
    ///
    /// # Errors
    /// Any error of the writer.
    pub fn begin(report: &Report, out: &mut impl Write) -> io::Result<Stream> {
        out.write_all(b"{\"id\":")?;
        to(out, &report.id)?;
        out.write_all(b",\"date\":")?;
        to(out, &report.date)?;
        out.write_all(b",\"claims\":[")?;
        Ok(Stream { claims: 0 })
    }

    /// Writes one claim.
    ///
    /// # Errors
    /// Any error of the writer.
    pub fn claim(&mut self, claim: &super::ClaimReport, out: &mut impl Write) -> io::Result<()> {
        if self.claims > 0 {
            out.write_all(b",")?;
        }
        self.claims += 1;
        to(out, claim)
    }

    /// Writes the rest of `report` (its counts, errors, notes; its own
    /// `claims` are not written) and the line's end.
    ///
    /// # Errors
    /// Any error of the writer.
    pub fn end(self, report: &Report, out: &mut impl Write) -> io::Result<()> {
        out.write_all(b"],\"summary\":")?;
        to(out, &report.summary)?;
        out.write_all(b",\"errors\":")?;
        to(out, &report.errors)?;
        if let Some(n) = &report.not_checked {
            out.write_all(b",\"not_checked\":")?;
            to(out, n)?;
        }
        if !report.notes.is_empty() {
            out.write_all(b",\"notes\":")?;
            to(out, &report.notes)?;
        }
        out.write_all(b"}\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Aliases, Checker, Extractor, FxRates, Ledger, Policy};

    #[test]
    fn a_stream_writes_the_bytes_of_the_whole_report() {
        let ledger = Ledger::from_csv(
            "entity,metric,period,value,unit,scale\nArm Holdings,market capitalization,2025-01-22,160,USD,billion\n",
            "l.csv",
        )
        .expect("a valid ledger");
        let aliases = Aliases::from_csv(
            "kind,alias,canonical\nentity,安谋,Arm Holdings\nmetric,市值,market capitalization\n",
            "a.csv",
        )
        .expect("valid aliases");
        let checker = Checker::new(
            Extractor::new(),
            ledger,
            aliases,
            FxRates::default(),
            Policy::default(),
        );
        let texts = [
            "安谋当前市值约 1600 亿美元，另有 3 亿美元。",
            "",
            "no figures here",
            "收入 99999999999999999999999999999 万亿美元",
        ];
        for (i, text) in texts.iter().enumerate() {
            for date in [None, "2025-01-22".parse().ok()] {
                let mut streamed = Vec::new();
                let mut checking = checker.checking(i as u64, text, date);
                let mut stream =
                    Stream::begin(checking.report(), &mut streamed).expect("in memory");
                for c in checking.by_ref() {
                    stream.claim(&c, &mut streamed).expect("in memory");
                }
                stream
                    .end(&checking.finish(), &mut streamed)
                    .expect("in memory");
                let mut whole = Vec::new();
                write(&checker.check(i as u64, text, date), &mut whole).expect("in memory");
                assert_eq!(
                    String::from_utf8_lossy(&streamed),
                    String::from_utf8_lossy(&whole)
                );
            }
        }
        let r = Report::not_checked("x", "x:1:1: invalid UTF-8".into());
        let mut streamed = Vec::new();
        Stream::begin(&r, &mut streamed)
            .and_then(|s| s.end(&r, &mut streamed))
            .expect("in memory");
        let mut whole = Vec::new();
        write(&r, &mut whole).expect("in memory");
        assert_eq!(streamed, whole);
    }
}
