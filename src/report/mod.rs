//! Reports: the plain data of a fact-check ([`Report`]) and its renderers
//! ([`text`] for a terminal, [`json`] lines, [`markdown`] for an editor,
//! [`csv`] rows, a self-contained [`html`] page). Renderers write to any
//! `io::Write`; the caller decides on color.

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod text;

use crate::date::Date;
use crate::extract::Claim;
use crate::ledger::{Filing, Length};
use crate::link::Link;
use crate::normalize::{Bound, Currency, Kind};
use crate::span::Positions;
use crate::verify::{Diagnosis, LedgerMatch, Matched, Verdict};
use rust_decimal::Decimal;
use serde::Serialize;

/// Exact and fully expanded decimal text: "25000000000", "0.5" (never
/// exponent notation, no trailing zeros).
pub fn decimal(d: Decimal) -> String {
    // `d.normalize().to_string()`, without fmt: the mantissa's digits, the
    // point `scale` digits from the right
    let d = d.normalize();
    let scale = d.scale() as usize;
    let mut digits = [0u8; 40];
    let i = json::ser::digits(d.mantissa().unsigned_abs(), &mut digits);
    let digits = &digits[i..];
    let mut s = String::with_capacity(digits.len() + scale + 3);
    if d.is_sign_negative() && !d.is_zero() {
        s.push('-');
    }
    fn text(b: &[u8]) -> &str {
        // Invariant: ASCII digits.
        std::str::from_utf8(b).expect("ASCII digits")
    }
    if scale == 0 {
        s.push_str(text(digits));
    } else if digits.len() > scale {
        let (int, frac) = digits.split_at(digits.len() - scale);
        s.push_str(text(int));
        s.push('.');
        s.push_str(text(frac));
    } else {
        s.push_str("0.");
        s.extend(std::iter::repeat_n('0', scale - digits.len()));
        s.push_str(text(digits));
    }
    s
}

/// One mention as reported by `figcheck extract` and inside check reports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MentionRecord {
    /// money or percent.
    pub kind: Kind,
    /// Byte offset of the mention's start in the document.
    pub start: usize,
    /// Byte offset one past the mention's end.
    pub end: usize,
    /// 1-based line of the start.
    pub line: usize,
    /// 1-based column (in chars) of the start.
    pub column: usize,
    /// The mention's text.
    pub text: String,
    /// Point value, exact decimal string; null for intervals.
    pub value: Option<String>,
    /// Interval low end (null for points and open ends).
    pub min: Option<String>,
    /// Interval high end (null for points and open ends).
    pub max: Option<String>,
    /// ISO currency (null for percentages).
    pub currency: Option<Currency>,
    /// Approximate (约, about).
    pub approx: bool,
    /// lower / upper bound, if any.
    pub bound: Option<Bound>,
    /// Whether a bound includes the figure.
    pub inclusive: bool,
    /// 远低于 / well under.
    pub strong: bool,
    /// Percentage points rather than percent.
    pub points: bool,
    /// Place value of the last written digit.
    pub precision: String,
}

impl MentionRecord {
    /// The record of `claim`, found in `text`. For many claims of one text,
    /// [`MentionRecord::at`] finds line and column in linear total time.
    pub fn new(text: &str, claim: &Claim) -> MentionRecord {
        MentionRecord::at(text, claim, &mut Positions::new(text))
    }

    /// The record of `claim`, with its line and column from `positions`
    /// (a forward cursor over the same `text`).
    pub fn at(text: &str, claim: &Claim, positions: &mut Positions<'_>) -> MentionRecord {
        let a = claim.amount();
        let q = a.qualifier();
        let v = a.value();
        let (line, column) = positions.at(claim.span().start());
        MentionRecord {
            kind: a.kind(),
            start: claim.span().start(),
            end: claim.span().end(),
            line,
            column,
            text: claim.text(text).to_string(),
            value: v.point().map(decimal),
            min: v.min().map(decimal),
            max: v.max().map(decimal),
            currency: a.currency(),
            approx: q.approx,
            bound: q.bound,
            inclusive: q.inclusive,
            strong: q.strong,
            points: a.points(),
            precision: decimal(a.precision()),
        }
    }

    /// The qualifier as a short label (exact, approx, lower_bound, …).
    pub fn qualifier_label(&self) -> String {
        crate::normalize::Qualifier {
            approx: self.approx,
            bound: self.bound,
            inclusive: self.inclusive,
            strong: self.strong,
        }
        .label()
    }
}

/// The ledger figure as reported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LedgerRecord {
    /// Ledger entity.
    pub entity: String,
    /// Ledger metric.
    pub metric: String,
    /// First day of the row's period (flows only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<Date>,
    /// Row date: the period's last day, or the as-of date.
    pub period: Date,
    /// The span of the period (quarter, nine months, year …), for flows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub length: Option<Length>,
    /// The fiscal period ("FY2017 Q3").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fiscal: Option<String>,
    /// The XBRL concept (`us-gaap:Revenues`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub concept: Option<String>,
    /// The filing: form, accession number, filing date and its EDGAR page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filing: Option<FilingRecord>,
    /// How a derived value was computed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub derived: Option<String>,
    /// A figure later filings changed: which value matched, and the first
    /// and latest values with their filings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub restated: Option<RestatedRecord>,
    /// Row value (scale applied), exact.
    pub value: String,
    /// Row unit: ISO code or %.
    pub unit: String,
    /// Row source.
    pub source: Option<String>,
    /// FX rate used (1 row currency = rate claim currency).
    pub fx_rate: Option<String>,
    /// Date of the FX rate.
    pub fx_date: Option<Date>,
    /// Value in the claim's currency.
    pub converted_value: String,
    /// The ledger file.
    pub file: String,
    /// Line of the row in the ledger file.
    pub line: usize,
}

/// A filing as reported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FilingRecord {
    /// 10-K, 10-Q, 20-F …
    pub form: String,
    /// Accession number.
    pub accn: String,
    /// Filing date.
    pub filed: Date,
    /// The filing's index page on EDGAR, when the CIK is known.
    pub url: Option<String>,
}

impl From<&Filing> for FilingRecord {
    fn from(f: &Filing) -> Self {
        FilingRecord {
            form: f.form.clone(),
            accn: f.accn.clone(),
            filed: f.filed,
            url: f.url(),
        }
    }
}

/// A restated figure as reported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RestatedRecord {
    /// `latest`, `first_reported` or `earlier`: the value the claim was
    /// compared with.
    pub matched: Matched,
    /// The value first reported.
    pub first_value: String,
    /// Its filing.
    pub first_filing: Option<FilingRecord>,
    /// The latest value.
    pub latest_value: String,
    /// Its filing.
    pub latest_filing: Option<FilingRecord>,
}

impl LedgerRecord {
    /// Where the figure comes from, in words: for a filed figure, "10-Q
    /// 0000320193-17-000009 filed 2017-08-02, us-gaap:Revenues, FY2017 Q3:
    /// 2017-04-02 to 2017-07-01" (and how a derived value was computed, and
    /// a restatement); for a hand-written row, "line 4, source: …".
    pub fn provenance(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(f) = &self.filing {
            if f.accn.is_empty() {
                parts.push(format!("filed {}", f.filed));
            } else {
                parts.push(format!("{} {} filed {}", f.form, f.accn, f.filed));
            }
        }
        if let Some(c) = &self.concept {
            parts.push(c.clone());
        }
        if let Some(s) = self.start {
            let span = match (&self.fiscal, self.length) {
                (Some(f), _) => format!("{f}: "),
                (None, Some(l)) => format!("{l}: "),
                (None, None) => String::new(),
            };
            parts.push(format!("{span}{s} to {}", self.period));
        } else if let Some(f) = &self.fiscal {
            parts.push(format!("{f}: {}", self.period));
        }
        if let Some(d) = &self.derived {
            parts.push(format!("derived: {d}"));
        }
        if let Some(r) = &self.restated {
            let filing = |f: &Option<FilingRecord>| match f {
                Some(f) => format!("{} {} filed {}", f.form, f.accn, f.filed),
                None => "an earlier row".to_string(),
            };
            parts.push(match r.matched {
                Matched::Latest => format!(
                    "first reported as {} in {}, restated",
                    r.first_value,
                    filing(&r.first_filing)
                ),
                _ => format!(
                    "an earlier value; the latest is {} in {}",
                    r.latest_value,
                    filing(&r.latest_filing)
                ),
            });
        }
        if parts.is_empty() || self.filing.is_none() {
            parts.push(format!(
                "line {}, source: {}",
                self.line,
                self.source.as_deref().unwrap_or("(none)")
            ));
        } else if let Some(s) = &self.source {
            parts.push(format!("source: {s}"));
        }
        parts.join(", ")
    }
}

impl From<&LedgerMatch> for LedgerRecord {
    fn from(m: &LedgerMatch) -> Self {
        LedgerRecord {
            entity: m.entity.clone(),
            metric: m.metric.clone(),
            start: m.start,
            period: m.period,
            length: m.start.map(|_| m.length),
            fiscal: m.fiscal.clone(),
            concept: m.concept.clone(),
            filing: m.filing.as_ref().map(FilingRecord::from),
            derived: m.derived.clone(),
            restated: m.restated.as_ref().map(|r| RestatedRecord {
                matched: r.matched,
                first_value: decimal(r.first_value),
                first_filing: r.first_filing.as_ref().map(FilingRecord::from),
                latest_value: decimal(r.latest_value),
                latest_filing: r.latest_filing.as_ref().map(FilingRecord::from),
            }),
            value: decimal(m.value),
            unit: m.unit.to_string(),
            source: m.source.clone(),
            fx_rate: m.fx_rate.map(decimal),
            fx_date: m.fx_date,
            converted_value: decimal(m.converted_value),
            file: m.file.clone(),
            line: m.line,
        }
    }
}

/// One checked claim: in JSON, the mention's fields, then its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimReport {
    /// The mention.
    pub mention: MentionRecord,
    /// Ledger entity the claim is about.
    pub entity: Option<String>,
    /// Ledger metric.
    pub metric: Option<String>,
    /// Period end (as-of date) the claim refers to, when written.
    pub period: Option<Date>,
    /// The verdict.
    pub verdict: Verdict,
    /// Why.
    pub reason: String,
    /// What explains a contradiction, in words.
    pub diagnosis: Option<String>,
    /// The diagnosis as data.
    pub diagnosis_kind: Option<Diagnosis>,
    /// The ledger figure compared with.
    pub ledger: Option<LedgerRecord>,
    /// Claim minus ledger, in the claim's unit.
    pub difference: Option<String>,
    /// Difference relative to the ledger value.
    pub relative_difference: Option<String>,
    /// The words that decided entity, metric and period.
    pub evidence: Link,
}

const MENTION_FIELDS: usize = 16;

impl MentionRecord {
    /// Writes the fields into a struct being serialized (the mention's own
    /// object, or a claim's, which starts with them).
    fn fields<S: serde::ser::SerializeStruct>(&self, s: &mut S) -> Result<(), S::Error> {
        s.serialize_field("kind", &self.kind)?;
        s.serialize_field("start", &self.start)?;
        s.serialize_field("end", &self.end)?;
        s.serialize_field("line", &self.line)?;
        s.serialize_field("column", &self.column)?;
        s.serialize_field("text", &self.text)?;
        s.serialize_field("value", &self.value)?;
        s.serialize_field("min", &self.min)?;
        s.serialize_field("max", &self.max)?;
        s.serialize_field("currency", &self.currency)?;
        s.serialize_field("approx", &self.approx)?;
        s.serialize_field("bound", &self.bound)?;
        s.serialize_field("inclusive", &self.inclusive)?;
        s.serialize_field("strong", &self.strong)?;
        s.serialize_field("points", &self.points)?;
        s.serialize_field("precision", &self.precision)
    }
}

// Written by hand, not derived with `#[serde(flatten)]` in the claim:
// flattening goes through serde's buffering map serializer, several times
// slower than a struct's fields written in place.
impl Serialize for MentionRecord {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("MentionRecord", MENTION_FIELDS)?;
        self.fields(&mut s)?;
        s.end()
    }
}

impl Serialize for ClaimReport {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("ClaimReport", MENTION_FIELDS + 11)?;
        self.mention.fields(&mut s)?;
        s.serialize_field("entity", &self.entity)?;
        s.serialize_field("metric", &self.metric)?;
        s.serialize_field("period", &self.period)?;
        s.serialize_field("verdict", &self.verdict)?;
        s.serialize_field("reason", &self.reason)?;
        s.serialize_field("diagnosis", &self.diagnosis)?;
        s.serialize_field("diagnosis_kind", &self.diagnosis_kind)?;
        s.serialize_field("ledger", &self.ledger)?;
        s.serialize_field("difference", &self.difference)?;
        s.serialize_field("relative_difference", &self.relative_difference)?;
        s.serialize_field("evidence", &self.evidence)?;
        s.end()
    }
}

/// Counts per verdict.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Consistent claims.
    pub consistent: usize,
    /// Contradicted claims.
    pub contradicted: usize,
    /// Unverifiable claims.
    pub unverifiable: usize,
}

/// The fact-check of one document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Document id: a file name, or a JSONL document's `id` as given
    /// (string, number or null).
    pub id: serde_json::Value,
    /// Article date used to resolve relative dates.
    pub date: Option<Date>,
    /// Every money and percent claim, in text order.
    pub claims: Vec<ClaimReport>,
    /// Counts per verdict.
    pub summary: Summary,
    /// Figures that could not be represented (reported, not dropped); for a
    /// document not checked, why.
    pub errors: Vec<String>,
    /// Why the document was not checked at all (unreadable, not UTF-8, a
    /// bad JSON line), with its place; absent for a checked document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_checked: Option<String>,
    /// What a reader should know about the check of the whole document:
    /// it was empty, or no article date was given or found.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl Report {
    /// The record of a document that could not be checked, so that every
    /// report format names it: `id` (a file name, or `corpus.jsonl[3]`),
    /// and the problem with its place.
    ///
    /// ```
    /// let r = figcheck::Report::not_checked("bin.txt", "bin.txt:1:3: invalid UTF-8".into());
    /// assert!(r.claims.is_empty());
    /// assert_eq!(r.not_checked.as_deref(), Some("bin.txt:1:3: invalid UTF-8"));
    /// ```
    pub fn not_checked(id: impl Into<serde_json::Value>, why: String) -> Report {
        Report {
            id: id.into(),
            date: None,
            claims: Vec::new(),
            summary: Summary::default(),
            errors: vec![why.clone()],
            not_checked: Some(why),
            notes: Vec::new(),
        }
    }
}

impl Report {
    /// True when some claim is contradicted.
    pub fn has_contradictions(&self) -> bool {
        self.summary.contradicted > 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn decimals_in_full() {
        for (d, text) in [
            ("25000000000", "25000000000"),
            ("0.500", "0.5"),
            ("-0.05", "-0.05"),
            ("-0.000", "0"),
            ("0", "0"),
            ("1.2300", "1.23"),
            (
                "-79228162514264337593543950335",
                "-79228162514264337593543950335",
            ),
            (
                "0.0000000000000000000000000001",
                "0.0000000000000000000000000001",
            ),
        ] {
            assert_eq!(decimal(d.parse().expect("a decimal")), text, "{d}");
        }
    }

    proptest! {
        #[test]
        fn decimals_as_rust_decimal_writes_them(lo in any::<u64>(), mid in any::<u32>(), neg: bool, scale in 0u32..=28) {
            let d = Decimal::from_parts(lo as u32, (lo >> 32) as u32, mid, neg, scale);
            prop_assert_eq!(decimal(d), d.normalize().to_string());
        }
    }
}
