//! The check pipeline: extract the claims of a document, link each to its
//! entity, metric and period, verify it against the ledger, and gather the
//! [`Report`].

use crate::date::Date;
use crate::error::Error;
use crate::extract::Extractor;
use crate::ledger::{Aliases, FxRates, Ledger};
use crate::link::Linker;
use crate::report::{ClaimReport, LedgerRecord, MentionRecord, Report, Summary, decimal};
use crate::span::Positions;
use crate::verify::{Policy, Verdict, verify};

/// A document's id, as its report gives it: a name ("a.txt"), a number (a
/// JSON Lines document's `"id": 7`), or any JSON value a corpus gave.
///
/// ```
/// use figcheck::DocId;
/// let _: DocId = "a.txt".into();
/// let _: DocId = 7u64.into();
/// let _: DocId = String::from("doc-1").into();
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocId(pub(crate) serde_json::Value);

impl From<&str> for DocId {
    fn from(s: &str) -> DocId {
        DocId(s.into())
    }
}

impl From<String> for DocId {
    fn from(s: String) -> DocId {
        DocId(s.into())
    }
}

impl From<&String> for DocId {
    fn from(s: &String) -> DocId {
        DocId(s.as_str().into())
    }
}

impl From<u64> for DocId {
    fn from(n: u64) -> DocId {
        DocId(n.into())
    }
}

impl From<i64> for DocId {
    fn from(n: i64) -> DocId {
        DocId(n.into())
    }
}

impl From<i32> for DocId {
    fn from(n: i32) -> DocId {
        DocId(n.into())
    }
}

impl From<serde_json::Value> for DocId {
    /// A JSON Lines document's `id` as given (string, number, null, …).
    fn from(v: serde_json::Value) -> DocId {
        DocId(v)
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
    pub fn check(&self, id: impl Into<DocId>, text: &str, date: Option<Date>) -> Report {
        let mut doc = self.linker.document(text, date);
        let date = doc.date();
        let mut claims = Vec::new();
        let mut errors = Vec::new();
        let mut summary = Summary::default();
        let mut positions = Positions::new(text);
        let mut found = Vec::new();
        for item in self.extractor.claims(text) {
            match item {
                Ok(c) => found.push(c),
                Err(e) => errors.push(located(&e, &mut positions)),
            }
        }
        doc.set_claims(found.iter().map(|c| c.span()).collect());
        for claim in found {
            let link = doc.link_claim(claim.span(), claim.amount());
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
        let mut notes = Vec::new();
        if text.trim().is_empty() {
            notes.push("the document is empty: there is nothing to check".to_string());
        } else if date.is_none() && !claims.is_empty() {
            notes.push(
                "no article date given or found in the text: periods written without a year, and claims without a period, are resolved against the ledger's latest rows"
                    .to_string(),
            );
        }
        Report {
            id: id.into().0,
            date,
            claims,
            summary,
            errors,
            not_checked: None,
            notes,
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
