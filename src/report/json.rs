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

use super::Report;
use std::io::{self, Write};

/// Writes `report` as one JSON line.
///
/// # Errors
/// Any error of the writer.
pub fn write(report: &Report, out: &mut impl Write) -> io::Result<()> {
    serde_json::to_writer(&mut *out, report).map_err(io::Error::other)?;
    out.write_all(b"\n")
}
