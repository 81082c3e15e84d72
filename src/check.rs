//! The check pipeline: extract the claims of a document, link each to its
//! entity, metric and period, verify it against the ledger, and gather the
//! [`Report`].

use crate::date::Date;
use crate::error::{Error, ErrorKind};
use crate::extract::Extractor;
use crate::fold::fold;
use crate::ledger::{Aliases, FxRates, Ledger};
use crate::link::Linker;
use crate::report::{ClaimReport, LedgerRecord, MentionRecord, Report, Summary, decimal};
use crate::span::Positions;
use crate::verify::{Finding, Policy, Verdict, verify};
use std::sync::Arc;

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

/// The companies (ledger entities) a check is limited to, made by
/// [`Checker::limit`] from names the ledger holds.
///
/// A claim linked to an entity outside the limit is unverifiable, with a
/// reason naming the entity and the companies of the limit; it is never
/// checked against another company. Claims about the chosen companies, and
/// claims with no entity, are checked as without a limit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limit(Arc<LimitNames>);

#[derive(Debug, PartialEq, Eq)]
struct LimitNames {
    /// The ledger's spellings, in the order first given, without repeats.
    names: Vec<String>,
    /// The same, folded as the ledger compares names.
    folded: Vec<String>,
}

impl Limit {
    /// The companies, as the ledger writes them.
    pub fn names(&self) -> &[String] {
        &self.0.names
    }

    /// Is `entity` (a ledger name, compared folded) one of the companies?
    pub fn holds(&self, entity: &str) -> bool {
        let f = fold(entity);
        self.0.folded.contains(&f)
    }

    /// "Apple Inc.; Tesla, Inc.": the names in a reason or note.
    fn words(&self) -> String {
        self.0.names.join("; ")
    }

    /// The note a limited check adds to its report ("the check was
    /// limited to: Apple Inc.; claims about other companies are not
    /// checked").
    pub fn note(&self) -> String {
        format!(
            "the check was limited to: {}; claims about other companies are not checked",
            self.words()
        )
    }

    /// The finding for a claim about `entity`, outside the limit.
    fn outside(&self, entity: &str) -> Finding {
        Finding {
            verdict: Verdict::Unverifiable,
            reason: format!(
                "not checked: about {entity}; the check was limited to: {}",
                self.words()
            ),
            diagnosis: None,
            ledger: None,
            difference: None,
            relative_difference: None,
        }
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
        self.check_limited(extractor, None, id, text, date)
    }

    /// The companies (ledger entities) named by `names`, to limit a check
    /// to ([`check_limited`](Checker::check_limited),
    /// [`Checking::limited_to`]). Names are compared as the ledger compares
    /// them (folded: case, full-width forms, traditional characters, white
    /// space); the filers of a directory or archive count, read or not.
    ///
    /// # Errors
    /// [`ErrorKind::UnknownEntity`] for the first name the ledger does not
    /// hold, listing a few of the companies it does.
    ///
    /// ```
    /// use figcheck::{Aliases, Checker, ErrorKind, Extractor, FxRates, Ledger, Policy, Verdict};
    /// let ledger = Ledger::from_csv("entity,metric,period,value,unit,scale\nApple Inc.,revenue,2024-09-28,391,USD,billion\n\"Tesla, Inc.\",revenue,2024-12-31,98,USD,billion\n", "l.csv").map_err(|e| e[0].clone())?;
    /// let checker = Checker::new(Extractor::new(), ledger, Aliases::default(), FxRates::default(), Policy::default());
    /// let only = checker.limit(["apple inc."])?;
    /// assert_eq!(only.names(), ["Apple Inc."]);
    /// let text = "Apple Inc. revenue was $391 billion in fiscal 2024. Tesla, Inc. revenue was $98 billion in 2024.";
    /// let report = checker.check_limited(&Extractor::new(), Some(&only), "a1", text, "2025-01-22".parse().ok());
    /// assert_eq!(report.claims[0].verdict, Verdict::Consistent);
    /// assert_eq!(report.claims[1].verdict, Verdict::Unverifiable);
    /// assert_eq!(report.claims[1].reason, "not checked: about Tesla, Inc.; the check was limited to: Apple Inc.");
    /// // without a limit, both are checked
    /// let report = checker.check("a1", text, "2025-01-22".parse().ok());
    /// assert_eq!(report.claims[1].verdict, Verdict::Consistent);
    /// // a name the ledger does not hold is refused
    /// let e = checker.limit(["Apple", "Microsoft"]).unwrap_err();
    /// assert!(matches!(e.kind(), ErrorKind::UnknownEntity { .. }));
    /// assert_eq!(e.to_string(), r#"no company "Apple" in the ledger: expected one of its companies ("Apple Inc.", "Tesla, Inc.")"#);
    /// # Ok::<(), figcheck::Error>(())
    /// ```
    pub fn limit<I, S>(&self, names: I) -> Result<Limit, Error>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let wanted: Vec<(String, String)> = names
            .into_iter()
            .map(|n| (n.as_ref().to_string(), fold(n.as_ref())))
            .collect();
        let entities = self.ledger.entities();
        // the ledger's spelling of each name, by one pass over its entities
        let mut found: Vec<Option<&str>> = vec![None; wanted.len()];
        for e in &entities {
            let f = fold(e);
            for (i, (_, w)) in wanted.iter().enumerate() {
                if found[i].is_none() && *w == f {
                    found[i] = Some(e);
                }
            }
        }
        let mut limit = LimitNames {
            names: Vec::new(),
            folded: Vec::new(),
        };
        for ((name, folded), hit) in wanted.iter().zip(found) {
            let Some(e) = hit else {
                return Err(Error::new(ErrorKind::UnknownEntity {
                    name: name.clone(),
                    known: some_of(&entities, folded),
                }));
            };
            if !limit.folded.contains(folded) {
                limit.names.push(e.to_string());
                limit.folded.push(folded.clone());
            }
        }
        Ok(Limit(Arc::new(limit)))
    }

    /// Checks one document as [`check_with`](Checker::check_with) does,
    /// limited to the companies of `limit` when one is given (see
    /// [`Limit`]; the report's notes say so). With `None`, this is
    /// [`check_with`](Checker::check_with). The example is at
    /// [`limit`](Checker::limit).
    pub fn check_limited(
        &self,
        extractor: &Extractor,
        limit: Option<&Limit>,
        id: impl Into<DocId>,
        text: &str,
        date: Option<Date>,
    ) -> Report {
        let mut checking = self.checking_with(extractor, id, text, date);
        if let Some(l) = limit {
            checking = checking.limited_to(l);
        }
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
            limit: None,
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

    /// The checker's own extractor (the one [`check`](Checker::check) uses).
    pub fn extractor(&self) -> &Extractor {
        &self.extractor
    }
}

/// Up to five of `entities`, quoted, those whose folded name contains
/// `folded` (or shares its first word) first, and how many more.
fn some_of(entities: &[&str], folded: &str) -> String {
    const FEW: usize = 5;
    if entities.is_empty() {
        return "it has none".to_string();
    }
    let first = folded.split(' ').next().unwrap_or("");
    let near = |e: &&&str| {
        let f = fold(e);
        !folded.is_empty() && (f.contains(folded) || (!first.is_empty() && f.contains(first)))
    };
    let mut shown: Vec<&str> = entities.iter().filter(near).take(FEW).copied().collect();
    for e in entities {
        if shown.len() >= FEW {
            break;
        }
        if !shown.contains(e) {
            shown.push(e);
        }
    }
    let quoted: Vec<String> = shown.iter().map(|e| format!("{e:?}")).collect();
    match entities.len() - shown.len() {
        0 => quoted.join(", "),
        n => format!("{} and {n} more", quoted.join(", ")),
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
    limit: Option<Limit>,
}

impl Checking<'_, '_> {
    /// Limits the check to the companies of `limit` (see [`Limit`]): the
    /// claims yielded from now on that are about another entity are
    /// unverifiable, and the report's notes say what the check was limited
    /// to.
    ///
    /// ```
    /// use figcheck::{Aliases, Checker, Extractor, FxRates, Ledger, Policy, Verdict};
    /// let ledger = Ledger::from_csv("entity,metric,period,value,unit,scale\nApple Inc.,revenue,2024-09-28,391,USD,billion\n\"Tesla, Inc.\",revenue,2024-12-31,98,USD,billion\n", "l.csv").map_err(|e| e[0].clone())?;
    /// let checker = Checker::new(Extractor::new(), ledger, Aliases::default(), FxRates::default(), Policy::default());
    /// let only = checker.limit(["Tesla, Inc."])?;
    /// let text = "Apple Inc. revenue was $391 billion in fiscal 2024.";
    /// let mut checking = checker.checking("a1", text, "2025-01-22".parse().ok()).limited_to(&only);
    /// let claim = checking.next().expect("one claim");
    /// assert_eq!(claim.verdict, Verdict::Unverifiable);
    /// assert_eq!(claim.reason, "not checked: about Apple Inc.; the check was limited to: Tesla, Inc.");
    /// assert_eq!(checking.report().notes, ["the check was limited to: Tesla, Inc.; claims about other companies are not checked"]);
    /// # Ok::<(), figcheck::Error>(())
    /// ```
    #[must_use]
    pub fn limited_to(mut self, limit: &Limit) -> Self {
        self.report.notes.push(limit.note());
        self.limit = Some(limit.clone());
        self
    }

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
        let f = match (&self.limit, &link.entity) {
            (Some(l), Some(e)) if !l.holds(&e.name) => l.outside(&e.name),
            _ => verify(claim.amount(), &link, date, ledger, fx, policy),
        };
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::{Aliases, FxRates, Ledger};

    fn checker() -> Checker {
        let csv = "entity,metric,period,value,unit,scale\n\
                   Apple Inc.,revenue,2024-09-28,391,USD,billion\n\
                   \"Tesla, Inc.\",revenue,2024-12-31,98,USD,billion\n\
                   ＡＢＣ Holdings,revenue,2024-12-31,1,USD,billion\n";
        let ledger = Ledger::from_csv(csv, "l.csv").expect("valid ledger");
        Checker::new(
            Extractor::new(),
            ledger,
            Aliases::default(),
            FxRates::default(),
            Policy::default(),
        )
    }

    const TEXT: &str = "Sales were $5 billion. Apple Inc. revenue was $391 billion in fiscal 2024. Tesla, Inc. revenue was $98 billion in 2024.";

    #[test]
    fn limit_folds_names_and_keeps_the_ledger_spelling_once() {
        let c = checker();
        let l = c
            .limit(["  APPLE   inc. ", "abc holdings", "Apple Inc."])
            .expect("known names");
        assert_eq!(l.names(), ["Apple Inc.", "ＡＢＣ Holdings"]);
        assert!(l.holds("apple inc."));
        assert!(l.holds("ABC HOLDINGS"));
        assert!(!l.holds("Tesla, Inc."));
        let none: [&str; 0] = [];
        assert!(c.limit(none).expect("empty").names().is_empty());
    }

    #[test]
    fn unknown_company_names_it_and_the_nearest_known() {
        let c = checker();
        let e = c
            .limit(["Apple Inc.", "Tesla Motors"])
            .expect_err("unknown");
        assert_eq!(
            e.kind(),
            &ErrorKind::UnknownEntity {
                name: "Tesla Motors".into(),
                known: "\"Tesla, Inc.\", \"Apple Inc.\", \"ＡＢＣ Holdings\"".into(),
            }
        );
        let many: Vec<String> = (0..9).map(|i| format!("Filer {i}")).collect();
        let refs: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(
            some_of(&refs, &fold("zzz")),
            "\"Filer 0\", \"Filer 1\", \"Filer 2\", \"Filer 3\", \"Filer 4\" and 4 more"
        );
        assert_eq!(
            some_of(&refs, &fold("filer 7")),
            "\"Filer 0\", \"Filer 1\", \"Filer 2\", \"Filer 3\", \"Filer 4\" and 4 more",
            "a shared first word lists in ledger order"
        );
        assert_eq!(some_of(&[], "x"), "it has none");
        let empty = Checker::new(
            Extractor::new(),
            Ledger::default(),
            Aliases::default(),
            FxRates::default(),
            Policy::default(),
        );
        assert_eq!(
            empty
                .limit(["Apple"])
                .expect_err("empty ledger")
                .to_string(),
            "no company \"Apple\" in the ledger: expected one of its companies (it has none)"
        );
    }

    #[test]
    fn claims_about_others_are_unverifiable_the_rest_as_before() {
        let c = checker();
        let date = "2025-01-22".parse().ok();
        let full = c.check("a1", TEXT, date);
        assert_eq!(full.claims.len(), 3);
        let only = c.limit(["Apple Inc."]).expect("known");
        let limited = c.check_limited(c.extractor(), Some(&only), "a1", TEXT, date);
        assert_eq!(limited.claims.len(), 3);
        // the claim with no entity, and the chosen company's, as before
        assert_eq!(limited.claims[0], full.claims[0]);
        assert!(limited.claims[0].entity.is_none());
        assert_eq!(limited.claims[1], full.claims[1]);
        assert_eq!(limited.claims[1].verdict, Verdict::Consistent);
        let tesla = &limited.claims[2];
        assert_eq!(full.claims[2].verdict, Verdict::Consistent);
        assert_eq!(tesla.verdict, Verdict::Unverifiable);
        assert_eq!(tesla.entity.as_deref(), Some("Tesla, Inc."));
        assert_eq!(
            tesla.reason,
            "not checked: about Tesla, Inc.; the check was limited to: Apple Inc."
        );
        assert!(tesla.ledger.is_none() && tesla.diagnosis.is_none());
        assert_eq!(tesla.mention, full.claims[2].mention);
        assert_eq!(tesla.evidence, full.claims[2].evidence);
        assert_eq!(
            (
                limited.summary.consistent,
                limited.summary.contradicted,
                limited.summary.unverifiable
            ),
            (
                full.summary.consistent - 1,
                full.summary.contradicted,
                full.summary.unverifiable + 1
            )
        );
        assert_eq!(
            limited.notes.last().map(String::as_str),
            Some(
                "the check was limited to: Apple Inc.; claims about other companies are not checked"
            )
        );
        // no limit: the same report as check
        let none = c.check_limited(c.extractor(), None, "a1", TEXT, date);
        assert_eq!(none, full);
        // two companies: both checked, the reason lists them
        let both = c.limit(["Tesla, Inc.", "Apple Inc."]).expect("known");
        let r = c.check_limited(c.extractor(), Some(&both), "a1", TEXT, date);
        assert_eq!(r.claims, full.claims);
        let abc = c.limit(["ABC Holdings", "Apple Inc."]).expect("known");
        let r = c.check_limited(c.extractor(), Some(&abc), "a1", TEXT, date);
        assert_eq!(
            r.claims[2].reason,
            "not checked: about Tesla, Inc.; the check was limited to: ＡＢＣ Holdings; Apple Inc."
        );
    }
}
