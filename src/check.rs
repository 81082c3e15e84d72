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
        self.check_with(&self.extractor, id, text, date)
    }

    /// Checks one document as [`check`](Checker::check) does, but finding
    /// its claims with `extractor` (another currency hint, say) instead of
    /// the checker's own; the ledger, aliases, FX rates and policy are the
    /// checker's.
    ///
    /// ```
    /// use figcheck::{Aliases, Checker, Currency, Extractor, FxRates, Ledger, Policy, Verdict};
    /// let ledger = Ledger::from_csv("entity,metric,period,value,unit,scale\nArm Holdings,market capitalization,2025-01-22,160,USD,billion\n", "l.csv").map_err(|e| e[0].clone())?;
    /// let aliases = Aliases::from_csv("kind,alias,canonical\nentity,安谋,Arm Holdings\nmetric,市值,market capitalization\n", "a.csv").map_err(|e| e[0].clone())?;
    /// let checker = Checker::new(Extractor::new(), ledger, aliases, FxRates::default(), Policy::default());
    /// let text = "安谋当前市值约 1600 亿元。";
    /// // bare 元 is CNY, which the ledger has no figure in (nor a rate for)
    /// let report = checker.check("a1", text, "2025-01-22".parse().ok());
    /// assert_eq!(report.claims[0].verdict, Verdict::Unverifiable);
    /// // with a hint, the same words are dollars
    /// let dollars = Extractor::builder().currency_hint(Currency::from_code("USD")?).build();
    /// let report = checker.check_with(&dollars, "a1", text, "2025-01-22".parse().ok());
    /// assert_eq!(report.claims[0].verdict, Verdict::Consistent);
    /// # Ok::<(), figcheck::Error>(())
    /// ```
    pub fn check_with(
        &self,
        extractor: &Extractor,
        id: impl Into<DocId>,
        text: &str,
        date: Option<Date>,
    ) -> Report {
        let mut checking = self.checking_with(extractor, id, text, date);
        let claims: Vec<ClaimReport> = checking.by_ref().collect();
        let mut report = checking.finish();
        report.claims = claims;
        report
    }

    /// Checks one document claim by claim, for reports written as they are
    /// made: the claims are extracted at once (their errors and the notes
    /// are in [`Checking::report`] from the start), then each is linked and
    /// verified when the iterator reaches it. [`Checker::check`] is this,
    /// collected.
    ///
    /// ```
    /// use figcheck::{Checker, Extractor, Ledger, Aliases, FxRates, Policy};
    /// let checker = Checker::new(Extractor::new(), Ledger::default(), Aliases::default(), FxRates::default(), Policy::default());
    /// let mut checking = checker.checking("a1", "营收 100 亿美元，利润 5 亿美元。", None);
    /// assert_eq!(checking.report().id, "a1");
    /// let claims: Vec<_> = checking.by_ref().collect();
    /// assert_eq!(claims.len(), 2);
    /// let report = checking.finish();
    /// assert!(report.claims.is_empty(), "the claims went to the iterator");
    /// assert_eq!(report.summary.unverifiable, 2);
    /// ```
    pub fn checking<'c, 't>(
        &'c self,
        id: impl Into<DocId>,
        text: &'t str,
        date: Option<Date>,
    ) -> Checking<'c, 't> {
        self.checking_with(&self.extractor, id, text, date)
    }

    /// [`checking`](Checker::checking) with another extractor, as
    /// [`check_with`](Checker::check_with).
    pub fn checking_with<'c, 't>(
        &'c self,
        extractor: &Extractor,
        id: impl Into<DocId>,
        text: &'t str,
        date: Option<Date>,
    ) -> Checking<'c, 't> {
        let mut doc = self.linker.document(text, date);
        let date = doc.date();
        let mut errors = Vec::new();
        let mut positions = Positions::new(text);
        let mut found = Vec::new();
        for item in extractor.claims(text) {
            match item {
                Ok(c) => found.push(c),
                Err(e) => errors.push(located(&e, &mut positions)),
            }
        }
        doc.set_claims(found.iter().map(|c| c.span()).collect());
        let mut notes = Vec::new();
        if text.trim().is_empty() {
            notes.push("the document is empty: there is nothing to check".to_string());
        } else if date.is_none() && !found.is_empty() {
            notes.push(
                "no article date given or found in the text: periods written without a year, and claims without a period, are resolved against the ledger's latest rows"
                    .to_string(),
            );
        }
        Checking {
            checker: self,
            text,
            doc,
            positions,
            claims: found.into_iter(),
            report: Report {
                id: id.into().0,
                date,
                claims: Vec::new(),
                summary: Summary::default(),
                errors,
                not_checked: None,
                notes,
            },
        }
    }

    /// The ledger in use.
    pub fn ledger(&self) -> &Ledger {
        &self.ledger
    }
}

/// The check of one document in progress ([`Checker::checking`]): an
/// iterator of its claims' reports, in text order.
pub struct Checking<'c, 't> {
    checker: &'c Checker,
    text: &'t str,
    doc: crate::link::Document<'t>,
    positions: Positions<'t>,
    claims: std::vec::IntoIter<crate::extract::Claim>,
    report: Report,
}

impl Checking<'_, '_> {
    /// The report so far, without its claims: id, article date, the
    /// extraction errors and the notes (complete from the start), and the
    /// verdict counts of the claims yielded so far.
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// Claims not yet yielded.
    pub fn remaining(&self) -> usize {
        self.claims.len()
    }

    /// The report, once the claims are checked (any left are checked now
    /// and counted); its `claims` holds none (they went to the iterator).
    pub fn finish(mut self) -> Report {
        for _ in self.by_ref() {}
        self.report
    }
}

impl Iterator for Checking<'_, '_> {
    type Item = ClaimReport;

    fn next(&mut self) -> Option<ClaimReport> {
        let claim = self.claims.next()?;
        let Checker {
            ledger, fx, policy, ..
        } = self.checker;
        let link = self.doc.link_claim(claim.span(), claim.amount());
        let date = self.report.date;
        let f = verify(claim.amount(), &link, date, ledger, fx, policy);
        let summary = &mut self.report.summary;
        match f.verdict {
            Verdict::Consistent => summary.consistent += 1,
            Verdict::Contradicted => summary.contradicted += 1,
            _ => summary.unverifiable += 1,
        }
        Some(ClaimReport {
            mention: MentionRecord::at(self.text, &claim, &mut self.positions),
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
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.claims.size_hint()
    }
}

impl ExactSizeIterator for Checking<'_, '_> {}

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
