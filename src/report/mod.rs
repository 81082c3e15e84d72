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
use crate::error::Error;
use crate::extract::{Claim, Extractor};
use crate::ledger::{Aliases, FxRates, Ledger};
use crate::link::{Link, Linker};
use crate::normalize::{Bound, Currency, Kind};
use crate::span::Positions;
use crate::verify::{Diagnosis, LedgerMatch, Policy, Verdict, verify};
use rust_decimal::Decimal;
use serde::Serialize;

/// Exact and fully expanded decimal text: "25000000000", "0.5" (never
/// exponent notation, no trailing zeros).
pub fn decimal(d: Decimal) -> String {
    d.normalize().to_string()
}

/// One mention as reported by `figcheck extract` and inside check reports.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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
    /// Row date.
    pub period: Date,
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
    /// Line of the row in the ledger file.
    pub line: usize,
}

impl From<&LedgerMatch> for LedgerRecord {
    fn from(m: &LedgerMatch) -> Self {
        LedgerRecord {
            entity: m.entity.clone(),
            metric: m.metric.clone(),
            period: m.period,
            value: decimal(m.value),
            unit: m.unit.to_string(),
            source: m.source.clone(),
            fx_rate: m.fx_rate.map(decimal),
            fx_date: m.fx_date,
            converted_value: decimal(m.converted_value),
            line: m.line,
        }
    }
}

/// One checked claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ClaimReport {
    /// The mention.
    #[serde(flatten)]
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
    /// Figures that could not be represented (reported, not dropped).
    pub errors: Vec<String>,
}

impl Report {
    /// True when some claim is contradicted.
    pub fn has_contradictions(&self) -> bool {
        self.summary.contradicted > 0
    }
}

/// Everything needed to check documents: extractor, ledger, aliases, FX, policy.
pub struct Checker {
    extractor: Extractor,
    linker: Linker,
    ledger: Ledger,
    fx: FxRates,
    policy: Policy,
}

impl Checker {
    /// A checker over a loaded ledger, aliases and FX rates.
    ///
    /// ```
    /// use figcheck::{Aliases, Checker, FxRates, Ledger, Policy, Extractor, Verdict};
    /// let ledger = Ledger::from_csv("entity,metric,period,value,unit,scale\nArm Holdings,market capitalization,2025-01-22,160,USD,billion\n", "l.csv").map_err(|e| e[0].clone())?;
    /// let aliases = Aliases::from_csv("kind,alias,canonical\nentity,安谋,Arm Holdings\nmetric,市值,market capitalization\n", "a.csv").map_err(|e| e[0].clone())?;
    /// let checker = Checker::new(Extractor::new(), ledger, aliases, FxRates::default(), Policy::default());
    /// let report = checker.check("a1", "安谋当前市值约 1600 亿美元。", "2025-01-22".parse().ok());
    /// assert_eq!(report.claims[0].verdict, Verdict::Consistent);
    /// # Ok::<(), figcheck::Error>(())
    /// ```
    pub fn new(
        extractor: Extractor,
        ledger: Ledger,
        aliases: Aliases,
        fx: FxRates,
        policy: Policy,
    ) -> Checker {
        let linker = Linker::new(&ledger, &aliases);
        Checker {
            extractor,
            linker,
            ledger,
            fx,
            policy,
        }
    }

    /// Checks one document. `date` is the article date; without it a
    /// dateline found in the text is used.
    pub fn check(
        &self,
        id: impl Into<serde_json::Value>,
        text: &str,
        date: Option<Date>,
    ) -> Report {
        let doc = self.linker.document(text, date);
        let date = doc.date();
        let mut claims = Vec::new();
        let mut errors = Vec::new();
        let mut summary = Summary::default();
        let mut positions = Positions::new(text);
        for item in self.extractor.claims(text) {
            let claim = match item {
                Ok(c) => c,
                Err(e) => {
                    errors.push(located(&e, &mut positions));
                    continue;
                }
            };
            let link = doc.link(claim.span());
            let f = verify(
                claim.amount(),
                &link,
                date,
                &self.ledger,
                &self.fx,
                &self.policy,
            );
            match f.verdict {
                Verdict::Consistent => summary.consistent += 1,
                Verdict::Contradicted => summary.contradicted += 1,
                _ => summary.unverifiable += 1,
            }
            claims.push(ClaimReport {
                mention: MentionRecord::at(text, &claim, &mut positions),
                entity: link.entity.as_ref().map(|e| e.name.clone()),
                metric: link.metric.as_ref().map(|m| m.name.clone()),
                period: f
                    .ledger
                    .as_ref()
                    .map(|l| l.period)
                    .or(link.period.as_ref().map(|p| p.end)),
                verdict: f.verdict,
                reason: f.reason.clone(),
                diagnosis: f.diagnosis.as_ref().map(|d| d.to_string()),
                diagnosis_kind: f.diagnosis.clone(),
                ledger: f.ledger.as_ref().map(LedgerRecord::from),
                difference: f.difference.map(decimal),
                relative_difference: f.relative_difference.map(decimal),
                evidence: link,
            });
        }
        Report {
            id: id.into(),
            date,
            claims,
            summary,
            errors,
        }
    }

    /// The ledger in use.
    pub fn ledger(&self) -> &Ledger {
        &self.ledger
    }
}

/// "line:col: message" for an extraction error inside the text of `positions`.
fn located(e: &Error, positions: &mut Positions<'_>) -> String {
    match e.location().start {
        Some(s) => {
            let (l, c) = positions.at(s);
            format!("{l}:{c}: {}", e.kind())
        }
        None => e.to_string(),
    }
}
