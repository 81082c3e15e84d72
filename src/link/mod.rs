//! Linking a claim to what it is about: entity, metric and period.
//!
//! - The text is split into sentences (。！？!? and newlines, and `.` before
//!   white space unless it ends an abbreviation such as "U.S." or "Sept.") and
//!   clauses (additionally ；; ，, and brackets).
//! - **Entity**: the nearest entity alias before the claim in its sentence,
//!   else the first one after it in its clause, else the entity last named
//!   in the previous sentences (so "该公司" / "the company" carry the subject
//!   over).
//! - **Metric**: the nearest metric alias in the claim's clause, else in its
//!   sentence (before or after the claim).
//! - **Period**: the date expression nearest the claim in its sentence,
//!   resolved against the article date: 2024年9月30日, 2024-09-30, 9月底,
//!   去年9月底, end of September, as of Sept. 30, 2024, Q3 2024, 第三季度,
//!   上半年, 2024财年, FY2024, 2024年, and 当前 / currently (the month up to
//!   the article date); one before the claim in its sentence or after it in its clause.
//!   A period is a date range; the ledger row
//!   chosen is the latest one inside it. Without one, the latest row on or
//!   before the article date is used, and the link says so.
//!
//! Every link carries its evidence: the words that decided it and where.

use crate::date::{Date, days_in_month};
use crate::fold::{Folded, fold};
use crate::hash::FastMap;
use crate::ledger::{AliasKind, Aliases, Ledger, Length, Unit};
use crate::names::Measure;
use crate::normalize::{Amount, Kind};
use crate::span::Span;
use serde::Serialize;

mod context;
mod periods;

pub use context::{Basis, ContextKind, ContextLink, Direction};
pub use periods::{dateline, month_days};
use periods::{periods_and_dateline, shift_days};

/// How a link was decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum How {
    /// The nearest name before the claim in its sentence.
    BeforeInSentence,
    /// The first name after the claim in its clause.
    AfterInSentence,
    /// Carried over from an earlier sentence.
    PreviousSentence,
    /// The nearest name in the claim's clause.
    InClause,
    /// The nearest name in the claim's sentence.
    InSentence,
    /// A date expression written in the sentence.
    Written,
    /// No date written: the latest ledger row on or before the article date.
    LatestBeforeArticleDate,
    /// A word meaning "now" (当前, currently): the article date.
    ArticleDate,
    /// "A year earlier", 去年同期: the nearest written period, one year back.
    YearAgo,
}

/// A name found in the text and the ledger name it stands for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NameLink {
    /// The ledger name.
    pub name: String,
    /// The words in the article.
    pub text: String,
    /// Where they are.
    pub span: Span,
    /// How the link was chosen.
    pub how: How,
}

/// The period a claim refers to: an inclusive date range.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PeriodLink {
    /// First day of the period.
    pub start: Date,
    /// Last day of the period (the as-of date for point-in-time figures).
    pub end: Date,
    /// The words in the article, when written.
    pub text: Option<String>,
    /// Where they are.
    pub span: Option<Span>,
    /// How it was chosen.
    pub how: How,
    /// How long a span the words name ("third quarter": a quarter; "前三季度":
    /// nine months; "FY2024": a year); none for a date or a month.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub length: Option<Length>,
    /// A fiscal year (and quarter) named as such ("fiscal 2017 third
    /// quarter", "FY2024", "2024财年"), resolved against the company's own
    /// fiscal calendar when the ledger knows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fiscal: Option<FiscalRef>,
}

/// A fiscal year, and optionally a quarter of it, as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct FiscalRef {
    /// The fiscal year, by the calendar year it ends in; none when not
    /// written ("第三财季", "fiscal third quarter": the latest reported).
    pub year: Option<i32>,
    /// The quarter, 1–4, when one is named.
    pub quarter: Option<u8>,
}

impl PeriodLink {
    fn with_length(mut self, length: Length) -> PeriodLink {
        self.length = Some(length);
        self
    }
}

/// What a claim is about.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Link {
    /// The entity, if one was found.
    pub entity: Option<NameLink>,
    /// The metric, if one was found.
    pub metric: Option<NameLink>,
    /// The period, if one was written (else the ledger's latest row is used).
    pub period: Option<PeriodLink>,
    /// The span words near the claim say ("quarterly revenues", "for the
    /// quarter", "nine-month", 全年, 单季), when the period written does not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Length>,
    /// Why no metric was linked although one is named near the claim (its
    /// figures are of another kind: per share, a ratio, an amount).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refused: Option<String>,
    /// Words that make the claim a figure the filings do not hold: a
    /// segment's, guidance, an estimate, a market value, a share price.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<ContextLink>,
    /// For a percentage that is a change of the metric ("revenue up 7%
    /// year over year", "营收同比增长62%"): the words that say so.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub growth: Option<GrowthLink>,
}

/// The words making a percentage a growth rate of its metric.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GrowthLink {
    /// Up or down.
    pub direction: Direction,
    /// Against what, when written (else a year earlier is assumed).
    pub basis: Option<Basis>,
    /// The words in the article (the direction's, and the basis's).
    pub text: String,
    /// A change in percentage points of a ratio ("毛利率…少0.3個百分點"),
    /// not a relative change.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub points: bool,
    /// Where the direction's word is.
    pub span: Span,
}

#[derive(Clone, Debug)]
struct Occurrence {
    start: usize,
    end: usize,
    kind: AliasKind,
    canonical: String,
    /// For a metric: what its figures are measured in, when known.
    measure: Option<Measure>,
}

/// A surface form to look for.
#[derive(Clone, Debug)]
struct Form {
    folded: String,
    kind: AliasKind,
    canonical: String,
    latin: bool,
    measure: Option<Measure>,
    /// How the text must write it (names found by figcheck, not written by
    /// the user, match only as names are written).
    case: Case,
    /// The words as given (for the case rules).
    given: String,
    /// Other metrics the form stands for, measured otherwise.
    also: Vec<(String, Option<Measure>)>,
}

/// How a form must be written in the text to match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Case {
    /// In any case (the user's aliases, the ledger's own names, Chinese).
    Any,
    /// Capitalized: "Apple", "APPLE", not "apple" (a filer's short name).
    Capitalized,
    /// As given, or in capitals: "Nvidia", "NVIDIA", not "nvidia" or "NVidia".
    AsGiven,
    /// Exactly as given: a ticker ("AAPL", "ARM"; not "Arm").
    Exact,
}

impl Case {
    /// Whether `written` (the text's words) is how this form may be written.
    fn allows(self, given: &str, written: &str) -> bool {
        match self {
            Case::Any => true,
            Case::Capitalized => !written.chars().next().is_some_and(char::is_lowercase),
            Case::AsGiven => {
                same_letters(written, given)
                    || (!written.chars().any(char::is_lowercase)
                        && written.chars().any(char::is_uppercase))
            }
            Case::Exact => same_letters(written, given),
        }
    }
}

/// Whether two spellings are the same but for spacing and punctuation
/// (folding normalizes those; case is compared).
fn same_letters(a: &str, b: &str) -> bool {
    let keep = |c: &char| c.is_alphanumeric();
    a.chars().filter(keep).eq(b.chars().filter(keep))
}

/// What a claim's figure is, for choosing a metric it can be checked against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// Anything (no claim known).
    Any,
    /// A percentage.
    Percent,
    /// Money rounded to less than ten thousand units ("US$1.67", "每股0.1美元"):
    /// per share or a (small) amount.
    SmallMoney,
    /// Money rounded to ten thousand units or more: an amount, never per share.
    Money,
    /// A percentage that is a change of a figure: of an amount or per share.
    Change,
    /// Percentage points: a change of a ratio.
    Points,
}

impl Shape {
    fn of(a: &Amount) -> Shape {
        match a.kind() {
            Kind::Percent if a.points() => Shape::Points,
            Kind::Percent => Shape::Percent,
            Kind::Money if a.per_share_sized() => Shape::SmallMoney,
            Kind::Money => Shape::Money,
        }
    }

    /// Whether a metric measured in `m` (unknown: `None`) can be what a
    /// figure of this shape is about.
    fn fits(self, m: Option<Measure>) -> bool {
        match (self, m) {
            (Shape::Any, _) | (_, None) => true,
            (Shape::Percent | Shape::Points, Some(m)) => m == Measure::Ratio,
            (Shape::SmallMoney, Some(m)) => matches!(m, Measure::PerShare | Measure::Amount),
            (Shape::Money, Some(m)) => m == Measure::Amount,
            (Shape::Change, Some(m)) => matches!(m, Measure::Amount | Measure::PerShare),
        }
    }
}

/// Finds entities, metrics and periods in one text.
pub struct Linker {
    forms: Vec<Form>,
    /// All forms at once (leftmost-longest).
    matcher: aho_corasick::AhoCorasick,
}

impl Linker {
    /// A linker that knows the ledger's own names and the aliases.
    pub fn new(ledger: &Ledger, aliases: &Aliases) -> Linker {
        // what each of the ledger's metrics is measured in, from its rows'
        // units (a hand-written ledger's own names), else the built-in table
        let mut by_name: FastMap<&str, Option<Measure>> = FastMap::default();
        for r in ledger.rows() {
            let m = match r.unit {
                Unit::Currency(_) => Measure::Amount,
                Unit::PerShare(_) => Measure::PerShare,
                Unit::Percent => Measure::Ratio,
                Unit::Shares => Measure::Shares,
            };
            by_name
                .entry(r.metric.as_str())
                .and_modify(|e| {
                    if *e != Some(m) {
                        *e = None;
                    }
                })
                .or_insert(Some(m));
        }
        // folded once per distinct name (spellings that fold alike merge)
        let mut units: FastMap<String, Option<Measure>> = FastMap::default();
        for (name, m) in by_name {
            units
                .entry(fold(name))
                .and_modify(|e| {
                    if *e != m {
                        *e = None;
                    }
                })
                .or_insert(m);
        }
        let measure_of = |canonical: &str| -> Option<Measure> {
            match units.get(&fold(canonical)) {
                Some(m) => *m,
                None => crate::names::metric(canonical).map(crate::names::Metric::measure),
            }
        };
        let mut forms: Vec<Form> = Vec::new();
        // (folded form, kind) already added, and where: the first alias of a
        // form wins, except that a built-in phrasing of two metrics measured
        // differently ("dividend": per share or an amount) stands for both
        let mut seen: FastMap<(String, AliasKind), (usize, bool)> = FastMap::default();
        // `folded` is `fold(alias)`
        let mut add = |folded: String,
                       alias: &str,
                       kind: AliasKind,
                       canonical: &str,
                       case: Case,
                       builtin: bool| {
            if folded.is_empty() {
                return;
            }
            let latin = folded.bytes().any(|b| b.is_ascii_alphanumeric());
            let measure = match kind {
                AliasKind::Metric => measure_of(canonical),
                _ => None,
            };
            match seen.entry((folded, kind)) {
                std::collections::hash_map::Entry::Occupied(e) => {
                    let (i, was_builtin) = *e.get();
                    let f: &mut Form = &mut forms[i];
                    if builtin
                        && was_builtin
                        && f.canonical != canonical
                        && f.measure != measure
                        && f.also.iter().all(|(_, m)| *m != measure)
                    {
                        f.also.push((canonical.to_string(), measure));
                    }
                }
                std::collections::hash_map::Entry::Vacant(e) => {
                    let folded = e.key().0.clone();
                    e.insert((forms.len(), builtin));
                    forms.push(Form {
                        folded,
                        kind,
                        canonical: canonical.to_string(),
                        latin,
                        measure,
                        case: if latin { case } else { Case::Any },
                        given: alias.to_string(),
                        also: Vec::new(),
                    });
                }
            }
        };
        for a in aliases.entries() {
            add(
                fold(&a.alias),
                &a.alias,
                a.kind,
                &a.canonical,
                Case::Any,
                false,
            );
        }
        // the names of the rows, and of the rows left out as bad (so that a
        // claim about one links, and can say why it cannot be checked)
        let mut entities = ledger.entities();
        let mut metrics = ledger.metrics();
        for r in ledger.rejected() {
            entities.push(&r.entity);
            metrics.push(&r.metric);
        }
        for names in [&mut entities, &mut metrics] {
            names.retain(|n| !n.is_empty());
            names.sort_unstable();
            names.dedup();
        }
        // each name folded, and its short form: a filer's name without its
        // corporate suffixes ("NVIDIA CORP": NVIDIA; "Taiwan Semiconductor
        // Manufacturing Co Ltd"), folded too
        let folded: Vec<(String, Option<(&str, String)>)> = entities
            .iter()
            .map(|e| {
                let short = crate::names::short_name(e);
                let short = (short.len() < e.len()).then(|| (short, fold(short)));
                (fold(e), short)
            })
            .collect();
        for (e, (f, _)) in entities.iter().zip(&folded) {
            add(f.clone(), e, AliasKind::Entity, e, Case::Any, false);
        }
        for (e, (_, short)) in entities.iter().zip(&folded) {
            if let Some((short, f)) = short {
                add(
                    f.clone(),
                    short,
                    AliasKind::Entity,
                    e,
                    Case::Capitalized,
                    false,
                );
            }
        }
        // the names news uses for the ledger's companies (by CIK, else by
        // name), then for the other companies of the built-in table: a
        // claim about a company the ledger does not hold is about that
        // company, not the last one the ledger knows
        let table = crate::names::companies();
        let mut of_ledger: Vec<Option<&str>> = vec![None; table.len()];
        for (cik, e) in ledger.ciks() {
            if let Some(slot) = crate::names::index_by_cik(cik).and_then(|i| of_ledger.get_mut(i)) {
                slot.get_or_insert(e);
            }
        }
        for (e, (f, short)) in entities.iter().zip(&folded) {
            let short = short.as_ref().map_or(f.as_str(), |s| s.1.as_str());
            if let Some(slot) =
                crate::names::index_folded(f, short).and_then(|i| of_ledger.get_mut(i))
            {
                slot.get_or_insert(e);
            }
        }
        let mut add_company = |c: &crate::names::Company, canonical: &str| {
            for (n, case) in c.names() {
                let case = match case {
                    crate::names::NameCase::Exact => Case::Exact,
                    crate::names::NameCase::AsWritten => Case::AsGiven,
                    _ => Case::Any,
                };
                add(fold(n), n, AliasKind::Entity, canonical, case, false);
            }
        };
        for (c, e) in table.iter().zip(&of_ledger) {
            if let Some(e) = e {
                add_company(c, e);
            }
        }
        for (c, e) in table.iter().zip(&of_ledger) {
            if e.is_none() {
                add_company(c, &c.name);
            }
        }
        for m in &metrics {
            add(fold(m), m, AliasKind::Metric, m, Case::Any, false);
        }
        // the built-in phrasings of every metric (after the user's and the
        // ledger's own names, which win a form they share)
        for m in crate::names::metrics() {
            for p in m.phrasings() {
                add(fold(p), p, AliasKind::Metric, &m.name, Case::Any, true);
            }
        }
        // longest first, so overlaps keep the more specific name
        forms.sort_by_key(|f| std::cmp::Reverse(f.folded.len()));
        let matcher = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(forms.iter().map(|f| f.folded.as_str()))
            .expect("alias patterns build an automaton");
        Linker { forms, matcher }
    }

    /// Prepares a document for linking its claims.
    pub fn document<'t>(&self, text: &'t str, article_date: Option<Date>) -> Document<'t> {
        let folded = Folded::new(text);
        let mut occ: Vec<Occurrence> = Vec::new();
        // one pass over the folded text; leftmost-longest matches never overlap
        for m in self.matcher.find_iter(folded.text.as_str()) {
            let f = &self.forms[m.pattern().as_usize()];
            let (i, j) = (m.start(), m.end());
            if f.case != Case::Any
                && !f
                    .case
                    .allows(&f.given, &text[folded.orig(i)..folded.orig(j)])
            {
                continue;
            }
            if f.latin {
                let b = folded.text.as_bytes();
                let before = i.checked_sub(1).map(|k| b[k]);
                let after = b.get(j).copied();
                if before.is_some_and(|c| c.is_ascii_alphanumeric())
                    || after.is_some_and(|c| c.is_ascii_alphanumeric())
                {
                    continue;
                }
            }
            let (start, end) = (folded.orig(i), folded.orig(j));
            let choices = std::iter::once((&f.canonical, f.measure))
                .chain(f.also.iter().map(|(c, m)| (c, *m)));
            for (canonical, measure) in choices {
                occ.push(Occurrence {
                    start,
                    end,
                    kind: f.kind,
                    canonical: canonical.clone(),
                    measure,
                });
            }
        }
        occ.sort_by_key(|o| o.start);
        let (sentences, clauses) = split_both(text);
        let (periods, dateline) = periods_and_dateline(text, article_date);
        let date = article_date.or(dateline);
        let of_kind = |kind: AliasKind| -> Vec<usize> {
            occ.iter()
                .enumerate()
                .filter(|(_, o)| o.kind == kind)
                .map(|(i, _)| i)
                .collect()
        };
        let (entities, metrics) = (of_kind(AliasKind::Entity), of_kind(AliasKind::Metric));
        let written: Vec<usize> = periods
            .iter()
            .enumerate()
            .filter(|(_, p)| p.how == How::Written && p.span.is_some())
            .map(|(i, _)| i)
            .collect();
        let longest_period = periods
            .iter()
            .filter_map(|p| p.span.map(|s| s.end() - s.start()))
            .max()
            .unwrap_or(0);
        let contexts = context::find(text);
        Document {
            text,
            contexts,
            occ,
            sentences,
            clauses,
            date,
            periods,
            entities,
            metrics,
            written,
            longest_period,
            claims: Vec::new(),
        }
    }
}

/// A document prepared for linking.
pub struct Document<'t> {
    text: &'t str,
    /// The context words of the text, in order.
    contexts: Vec<context::Found>,
    occ: Vec<Occurrence>,
    sentences: Vec<(usize, usize)>,
    clauses: Vec<(usize, usize)>,
    date: Option<Date>,
    /// Every period expression of the text, in order.
    periods: Vec<PeriodLink>,
    /// Indices into `occ` of the entity occurrences, in order (their ends
    /// are in order too: occurrences never overlap).
    entities: Vec<usize>,
    /// … and of the metric occurrences.
    metrics: Vec<usize>,
    /// Indices into `periods` of the dates written out, in order.
    written: Vec<usize>,
    /// The longest period expression, in bytes (bounds the searches).
    longest_period: usize,
    /// The spans of the document's claims, in order (see [`Document::set_claims`]).
    claims: Vec<Span>,
}

/// Of a candidate before the claim and one after it, each with its distance,
/// the nearer; the one before wins a tie.
fn nearer<T>(before: Option<(usize, T)>, after: Option<(usize, T)>) -> Option<T> {
    match (before, after) {
        (Some(b), Some(a)) => Some(if b.0 <= a.0 { b.1 } else { a.1 }),
        (b, a) => b.or(a).map(|x| x.1),
    }
}

fn containing(parts: &[(usize, usize)], pos: usize) -> (usize, usize) {
    // parts are sorted and contiguous: binary search
    let k = parts.partition_point(|&(s, _)| s <= pos);
    k.checked_sub(1)
        .and_then(|k| parts.get(k))
        .copied()
        .filter(|&(s, e)| s <= pos && pos < e)
        .unwrap_or((0, usize::MAX))
}

impl Document<'_> {
    /// The article date: given, or the dateline found in the text.
    pub fn date(&self) -> Option<Date> {
        self.date
    }

    fn name(&self, o: &Occurrence, how: How) -> NameLink {
        NameLink {
            name: o.canonical.clone(),
            text: self.text[o.start..o.end].to_string(),
            span: Span::new(o.start, o.end),
            how,
        }
    }

    /// A "year-ago" period ("去年同期", "a year earlier") is the nearest
    /// written period before it, one year back (with 15 days of slack either
    /// side for fiscal calendars); without one, the year before the article.
    fn resolve_year_ago(&self, p: &PeriodLink) -> PeriodLink {
        if p.how != How::YearAgo {
            return p.clone();
        }
        let at = p.span.map_or(0, |s| s.start());
        let before = self
            .written
            .partition_point(|&i| self.periods[i].span.map_or(0, |s| s.start()) < at);
        let base = self.written[..before]
            .iter()
            .rev()
            .map(|&i| &self.periods[i])
            .find(|q| q.span.is_some_and(|s| s.end() <= at));
        let mut out = p.clone();
        if let Some(b) = base {
            let back = |d: Date, slack: i64| {
                shift_days(
                    Date::new(
                        d.year() - 1,
                        d.month(),
                        d.day().min(days_in_month(d.year() - 1, d.month())),
                    )
                    .unwrap_or(d),
                    slack,
                )
            };
            out.start = back(b.start, -15);
            out.end = back(b.end, 15);
            out.length = b.length;
            out.fiscal = b.fiscal.map(|f| FiscalRef {
                year: f.year.map(|y| y - 1),
                ..f
            });
        }
        out
    }

    /// The context of the claim at `span`: the nearest context word before
    /// it in its clause (a "total" between cancels a segment); before its
    /// clause in its sentence, guidance (up to a word saying a figure is
    /// the actual one) or a segment named in a clause of no figure ("In
    /// the data center segment, revenue was …"); or a market value or an
    /// estimate right after it ("$3 trillion market cap", "3万亿美元市值").
    /// Words that are the linked metric's own are not its context.
    fn context(
        &self,
        span: Span,
        (cs, ce): (usize, usize),
        ss: usize,
        metric: Option<&NameLink>,
    ) -> Option<ContextLink> {
        use context::Role;
        // guidance or estimate words that are the metric's own name (a
        // ledger of targets) are not its context; a market value named as
        // the metric still is (the verifier decides against what ledger)
        let own = |f: &context::Found| {
            matches!(
                f.role,
                Role::Context(ContextKind::Guidance | ContextKind::Estimate)
            ) && metric.is_some_and(|m| f.start < m.span.end() && m.span.start() < f.end)
        };
        let link = |f: &context::Found, kind: ContextKind| ContextLink {
            kind,
            text: self.text[f.start..f.end].to_string(),
            span: Span::new(f.start, f.end),
        };
        let k = self.contexts.partition_point(|f| f.end <= span.start());
        let mut whole = false;
        let mut reported = false;
        for f in self.contexts[..k].iter().rev().take(32) {
            if f.start < ss {
                break;
            }
            let in_clause = f.start >= cs;
            match f.role {
                Role::Whole => whole |= in_clause,
                Role::Reported => reported = true,
                Role::Context(kind) if !own(f) => {
                    let applies = match kind {
                        ContextKind::Segment if whole => false,
                        _ if in_clause => true,
                        ContextKind::Guidance => !reported,
                        // "收報57.65港元,升1.85港元或3.3%": the price's
                        // change, when no metric is named between
                        ContextKind::SharePrice | ContextKind::MarketValue => {
                            let k = self.metrics.partition_point(|&i| self.occ[i].start < f.end);
                            self.metrics[k..]
                                .first()
                                .is_none_or(|&i| self.occ[i].end > span.start())
                        }
                        ContextKind::Segment => {
                            let (fs, fe) = containing(&self.clauses, f.start);
                            !self.figure_between(fs, fe, span)
                        }
                        _ => false,
                    };
                    if applies {
                        return Some(link(f, kind));
                    }
                    if in_clause {
                        break;
                    }
                }
                Role::Context(_) | Role::Change(..) | Role::Noun => {}
            }
        }
        // just after the claim: "$3 trillion market cap", "3万亿美元市值"
        let f = self
            .contexts
            .get(self.contexts.partition_point(|f| f.start < span.end()))?;
        let gap = self.text.get(span.end()..f.start)?;
        let close = f.end <= ce
            && gap.chars().count() <= 3
            && gap
                .chars()
                .all(|c| c.is_whitespace() || c == '的' || c == '-');
        match f.role {
            Role::Context(kind @ (ContextKind::MarketValue | ContextKind::Estimate))
                if close && !own(f) =>
            {
                Some(link(f, kind))
            }
            _ => None,
        }
    }

    /// The Chinese words just before a metric word that make it a
    /// segment's (谷歌云营收, 游戏业务收入, 海外营收): the run of Han
    /// characters back from the metric to the nearest company name, period,
    /// figure, metric or clause start, less the words that say nothing of
    /// what is counted (其中, 公司, 总, 全年, 季度, 实现, 的 …).
    fn segment_before(&self, m: &NameLink, claim: Span) -> Option<ContextLink> {
        // segments are of sales and profits
        const SEGMENTED: &[&str] = &[
            "revenue",
            "operating income",
            "gross profit",
            "gross margin",
            "operating margin",
        ];
        let at = m.span.start();
        if !SEGMENTED.contains(&m.name.as_str()) || !self.text[at..].starts_with(is_han) {
            return None;
        }
        let (cs, _) = containing(&self.clauses, at);
        let mut from = cs;
        // what ends last before the metric: a name, a period, a figure
        let k = self.occ.partition_point(|o| o.end <= at);
        if let Some(o) = k.checked_sub(1).map(|k| &self.occ[k]) {
            from = from.max(o.end);
        }
        let k = self
            .periods
            .partition_point(|p| p.span.map_or(0, |s| s.start()) < at);
        for p in self.periods[..k].iter().rev().take(4) {
            if let Some(s) = p.span.filter(|s| s.end() <= at) {
                from = from.max(s.end());
            }
        }
        let k = self.claims.partition_point(|c| c.end() <= at);
        if let Some(c) = k.checked_sub(1).map(|k| self.claims[k]) {
            from = from.max(c.end());
        }
        if claim.end() <= at && claim.end() > from {
            from = claim.end();
        }
        let before = self.text.get(from..at)?;
        let run_start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_han(*c))
            .last()
            .map(|(i, _)| from + i)?;
        // strip what says nothing of what is counted, from both ends
        let (mut lo, mut hi) = (run_start, at);
        loop {
            let len = hi - lo;
            for w in NEUTRAL_BEFORE_METRIC {
                if self.text[lo..hi].starts_with(w) {
                    lo += w.len();
                }
                if self.text[lo..hi].ends_with(w) {
                    hi -= w.len();
                }
            }
            if hi - lo == len || lo >= hi {
                break;
            }
        }
        let run = self.text.get(lo..hi)?;
        // a segment is a short name, not a clause of verbs
        if run.is_empty() || run.chars().count() > 6 {
            return None;
        }
        Some(ContextLink {
            kind: ContextKind::Segment,
            text: run.to_string(),
            span: Span::new(lo, hi),
        })
    }

    /// The words of change around the claim at `span` in its clause:
    /// which way (the nearest word saying it, before the claim or just
    /// after: "up 7%", "增长62%", "7% growth") and against what ("year over
    /// year", 同比, "sequentially", 环比).
    fn growth(&self, span: Span, (cs, ce): (usize, usize)) -> Option<GrowthLink> {
        use context::Role;
        const NEAR: usize = 48;
        let k = self.contexts.partition_point(|f| f.end <= span.start());
        let before = self.contexts[..k]
            .iter()
            .rev()
            .take(8)
            .take_while(|f| f.start >= cs && span.start() - f.end <= NEAR);
        let j = self.contexts.partition_point(|f| f.start < span.end());
        let after = self.contexts[j..]
            .iter()
            .take(8)
            .take_while(|f| f.end <= ce && f.start - span.end() <= NEAR);
        // the nearest word of each, before the claim or after it
        let mut direction: Option<(usize, Direction, &context::Found)> = None;
        let mut basis: Option<(usize, Basis, &context::Found)> = None;
        for f in before.chain(after) {
            let Role::Change(d, b) = f.role else { continue };
            let far = if f.end <= span.start() {
                span.start() - f.end
            } else {
                f.start.saturating_sub(span.end())
            };
            if let Some(d) = d {
                if direction.is_none_or(|(x, ..)| far < x) {
                    direction = Some((far, d, f));
                }
            }
            if let Some(b) = b {
                if basis.is_none_or(|(x, ..)| far < x) {
                    basis = Some((far, b, f));
                }
            }
        }
        let (_, d, f) = direction?;
        let basis = basis.map(|(_, b, g)| (b, g));
        let mut text = self.text[f.start..f.end].to_string();
        if let Some((_, g)) = basis.filter(|(_, g)| g.start != f.start) {
            text = format!("{text} … {}", &self.text[g.start..g.end]);
        }
        Some(GrowthLink {
            direction: d,
            basis: basis.map(|b| b.0),
            text,
            points: false,
            span: Span::new(f.start, f.end),
        })
    }

    /// The period written last before the sentence starting at `ss`, when
    /// no other company is named between it and the claim at `span` (whose
    /// entity is `entity`): a period named once carries over, as the
    /// entity does.
    fn carried_period(
        &self,
        span: Span,
        ss: usize,
        entity: Option<&NameLink>,
    ) -> Option<PeriodLink> {
        let start_of = |i: usize| self.periods[i].span.map_or(0, |s| s.start());
        let k = self.written.partition_point(|&i| start_of(i) < ss);
        // not a period of guidance ("For the fourth quarter, revenue will
        // be …"): what comes after is not about it
        let forward = |p: &PeriodLink| {
            let Some(s) = p.span else { return true };
            let (_, se) = containing(&self.sentences, s.start());
            let j = self.contexts.partition_point(|f| f.start < s.end());
            self.contexts[j..]
                .iter()
                .take_while(|f| f.end <= se)
                .any(|f| f.role == context::Role::Context(ContextKind::Guidance))
        };
        let p = self.written[..k]
            .iter()
            .rev()
            .take(8)
            .map(|&i| &self.periods[i])
            .find(|p| {
                p.span.is_some_and(|s| s.end() <= ss)
                    && !forward(p)
                    && !(p.start == p.end && Some(p.end) == self.date)
            })?;
        // a date that ends the period named just before it ("fiscal 2025
        // fourth quarter ended September 27, 2025") is that period's end:
        // the date, with the quarter's span
        let mut p = p.clone();
        if p.length.is_none() {
            let at = p.span.map_or(0, |s| s.start());
            let j = self.written.partition_point(|&i| start_of(i) < at);
            if let Some(q) = j.checked_sub(1).map(|j| &self.periods[self.written[j]]) {
                let ends = q.span.is_some_and(|qs| {
                    qs.end() <= at
                        && self.text.get(qs.end()..at).is_some_and(|gap| {
                            gap.len() <= 16
                                && ["end", "截至", "止", "结束", "結束"]
                                    .iter()
                                    .any(|w| gap.contains(w))
                        })
                });
                if ends && q.length.is_some() {
                    p.length = q.length;
                }
            }
        }
        let from = p.span?.end();
        let name = entity.map(|e| e.name.as_str());
        let lo = self.entities.partition_point(|&i| self.occ[i].start < from);
        // the company the period was named for: the last one named before it
        if let Some(k) = lo.checked_sub(1) {
            if Some(self.occ[self.entities[k]].canonical.as_str()) != name {
                return None;
            }
        }
        let hi = self
            .entities
            .partition_point(|&i| self.occ[i].start < span.start());
        // (a long run of one company's name is looked at in part only)
        if self.entities[lo..hi]
            .iter()
            .take(256)
            .any(|&i| Some(self.occ[i].canonical.as_str()) != name)
        {
            return None;
        }
        p.how = How::PreviousSentence;
        Some(p)
    }

    /// Links the claim at `span`. Every search is a binary search or stays
    /// near the claim, so a sentence of 100 MB (text without sentence ends)
    /// costs no more per claim than a short one.
    pub fn link(&self, span: Span) -> Link {
        self.link_shaped(span, Shape::Any)
    }

    /// Links the claim of `amount` at `span`: as [`Document::link`], with a
    /// metric its figure can be about (a percentage links to a ratio, an
    /// amount of billions never to a per-share metric).
    pub fn link_claim(&self, span: Span, amount: &Amount) -> Link {
        self.link_shaped(span, Shape::of(amount))
    }

    /// The claims of the document (their spans, in text order), so that a
    /// metric named beyond another figure is not taken for a claim's.
    pub fn set_claims(&mut self, claims: Vec<Span>) {
        self.claims = claims;
    }

    /// Whether a claim other than the one at `span` lies inside `from..to`.
    fn figure_between(&self, from: usize, to: usize, span: Span) -> bool {
        let k = self.claims.partition_point(|c| c.start() < from);
        self.claims[k..]
            .iter()
            .take_while(|c| c.end() <= to)
            .any(|c| *c != span)
    }

    /// Whether a word of a figure the metric table does not know
    /// (减值, 增益, "impairment", "buyback") stands inside `from..to`,
    /// outside every metric named there: the figure after it is of that,
    /// not of a metric named before it.
    fn other_noun_between(&self, from: usize, to: usize) -> bool {
        let k = self.contexts.partition_point(|f| f.start < from);
        self.contexts[k..]
            .iter()
            .take_while(|f| f.end <= to)
            .filter(|f| f.role == context::Role::Noun)
            .any(|f| {
                let j = self
                    .metrics
                    .partition_point(|&i| self.occ[i].end <= f.start);
                !self.metrics[j..]
                    .first()
                    .is_some_and(|&i| self.occ[i].start <= f.start && f.end <= self.occ[i].end)
            })
    }

    /// The metric of a claim of `shape` at `span`: the nearest one its
    /// figure fits in its clause (a per-share metric first for a small
    /// amount), else in its sentence when no other figure stands between
    /// them (unless the clause compares: "compared with $26.0 billion a year
    /// ago"). A metric named before the figure wins a near tie ("首轮 1000
    /// 亿美元投资").
    fn metric(
        &self,
        span: Span,
        shape: Shape,
        (cs, ce): (usize, usize),
        (ss, se): (usize, usize),
    ) -> Option<NameLink> {
        const LOOK: usize = 32;
        let list = &self.metrics;
        let kb = list.partition_point(|&i| self.occ[i].end <= span.start());
        let ka = list.partition_point(|&i| self.occ[i].start < span.end());
        let before = |lo: usize, ok: &dyn Fn(&Occurrence) -> bool| {
            list[..kb]
                .iter()
                .rev()
                .take(LOOK)
                .map(|&i| &self.occ[i])
                .take_while(|o| o.start >= lo)
                .find(|o| ok(o))
                .map(|o| (span.start() - o.end, o))
        };
        let after = |hi: usize, ok: &dyn Fn(&Occurrence) -> bool| {
            list[ka..]
                .iter()
                .take(LOOK)
                .map(|&i| &self.occ[i])
                .take_while(|o| o.end <= hi)
                .find(|o| ok(o))
                .map(|o| ((o.start - span.end()) * 2 + 4, o))
        };
        let fits = |o: &Occurrence| shape.fits(o.measure);
        if shape == Shape::SmallMoney {
            let per_share = |o: &Occurrence| o.measure == Some(Measure::PerShare);
            if let Some(o) = nearer(before(cs, &per_share), after(ce, &per_share)) {
                return Some(self.name(o, How::InClause));
            }
        }
        if let Some(o) = nearer(before(cs, &fits), after(ce, &fits)) {
            return Some(self.name(o, How::InClause));
        }
        // a change ("up 94%") is of a figure named before it
        let compares = shape == Shape::Change || compares(self.text, cs, ce);
        let clear_before = |o: &Occurrence| {
            fits(o)
                && (compares || !self.figure_between(o.end, span.start(), span))
                && !self.other_noun_between(o.end, span.start())
        };
        let clear_after = |o: &Occurrence| {
            fits(o)
                && (compares || !self.figure_between(span.end(), o.start, span))
                && !self.other_noun_between(span.end(), o.start)
        };
        // a change is of a figure named before it ("营收1025亿美元,同比增长8%;
        // 净利润…"): after it only when none is; a percentage too ("升33.2%,
        // 毛利率20.9%": the margin is the next figure's)
        let found = if matches!(shape, Shape::Percent | Shape::Points) {
            before(ss, &clear_before).map(|b| b.1)
        } else if shape == Shape::Change {
            before(ss, &clear_before)
                .map(|b| b.1)
                .or_else(|| after(se, &clear_after).map(|a| a.1))
        } else {
            nearer(before(ss, &clear_before), after(se, &clear_after))
        };
        found.map(|o| self.name(o, How::InSentence))
    }

    /// Of the occurrences `list` (indices into `occ`), the one ending last
    /// before the claim at `span`, and the first one starting after it
    /// (occurrences do not overlap, so their ends are in order like their
    /// starts).
    fn around(&self, list: &[usize], span: Span) -> (Option<&Occurrence>, Option<&Occurrence>) {
        let k = list.partition_point(|&i| self.occ[i].end <= span.start());
        let before = k.checked_sub(1).map(|k| &self.occ[list[k]]);
        let k = list.partition_point(|&i| self.occ[i].start < span.end());
        let after = list.get(k).map(|&i| &self.occ[i]);
        (before, after)
    }

    /// Why no metric was linked when one stands near the claim whose
    /// figures are not of the claim's kind.
    fn refused(&self, span: Span, shape: Shape, (ss, se): (usize, usize)) -> Option<String> {
        let (b, a) = self.around(&self.metrics, span);
        let b = b
            .filter(|o| o.start >= ss)
            .map(|o| (span.start() - o.end, o));
        let a = a.filter(|o| o.end <= se).map(|o| (o.start - span.end(), o));
        let o = nearer(b, a)?;
        let measure = o.measure?;
        if shape.fits(Some(measure)) {
            return None;
        }
        let is = match measure {
            Measure::Amount => "an amount",
            Measure::PerShare => "per share",
            Measure::Ratio => "a ratio",
            Measure::Shares => "a number of shares",
        };
        let claim = match shape {
            Shape::Percent => "a percentage",
            Shape::Points => "a change in percentage points",
            Shape::Money => "a total amount",
            Shape::SmallMoney | Shape::Change | Shape::Any => "an amount",
        };
        Some(format!(
            "\"{}\" ({}) is named near it, but that metric is {is} and the claim is {claim}",
            &self.text[o.start..o.end],
            o.canonical
        ))
    }

    fn link_shaped(&self, span: Span, shape: Shape) -> Link {
        let span_claim = span;
        let (ss, se) = containing(&self.sentences, span.start());
        let (cs, ce) = containing(&self.clauses, span.start());
        let after_limit = ce.min(se);
        // entity: before the claim in its sentence, else after it in its
        // clause, else the last one named before the sentence
        let (before, after) = self.around(&self.entities, span);
        let entity = before
            .filter(|o| o.start >= ss)
            .map(|o| self.name(o, How::BeforeInSentence))
            .or_else(|| {
                after
                    .filter(|o| o.end <= after_limit)
                    .map(|o| self.name(o, How::AfterInSentence))
            })
            .or_else(|| {
                let k = self.entities.partition_point(|&i| self.occ[i].start < ss);
                k.checked_sub(1)
                    .map(|k| &self.occ[self.entities[k]])
                    .filter(|o| o.end <= ss)
                    .map(|o| self.name(o, How::PreviousSentence))
            });

        let mut metric = self.metric(span, shape, (cs, ce), (ss, se));
        // a percentage that is no ratio's may be a change of an amount
        let mut growth = None;
        if metric.is_none() && shape == Shape::Percent {
            if let Some(g) = self.growth(span, (cs, ce)) {
                metric = self.metric(span, Shape::Change, (cs, ce), (ss, se));
                growth = metric.as_ref().map(|_| g);
            }
        }
        // percentage points are a change of a ratio, said with a word of
        // change ("毛利率20.9%,少0.3個百分點"); without one, not checked
        if shape == Shape::Points {
            growth = self
                .growth(span, (cs, ce))
                .map(|g| GrowthLink { points: true, ..g });
            if growth.is_none() {
                metric = None;
            }
        }
        let refused = match metric {
            None => self.refused(span, shape, (ss, se)),
            Some(_) => None,
        };
        // period: the nearest before the claim in its sentence, or after it in
        // its clause. Periods are in order of start and may nest, so the one
        // ending last before the claim is looked for among those starting at
        // most the longest period's length before the best found so far.
        let start_of = |p: &PeriodLink| p.span.map_or(0, |s| s.start());
        let k = self.periods.partition_point(|p| start_of(p) < span.start());
        let mut best_before: Option<(usize, &PeriodLink)> = None;
        // the basis of a growth rate ("from a year ago") is not its period
        let usable = |p: &PeriodLink| growth.is_none() || p.how != How::YearAgo;
        for p in self.periods[..k].iter().rev() {
            let Some(s) = p.span else { continue };
            if !usable(p) {
                continue;
            }
            if s.start() < ss {
                break;
            }
            if let Some((d, _)) = best_before {
                let best_end = span.start() - d;
                if s.start() + self.longest_period < best_end {
                    break;
                }
            }
            if s.end() <= span.start() {
                let d = span.start() - s.end();
                if best_before.is_none_or(|(bd, _)| d <= bd) {
                    best_before = Some((d, p));
                }
            }
        }
        let k = self.periods.partition_point(|p| start_of(p) < span.end());
        let best_after = self.periods[k..]
            .iter()
            .take_while(|p| start_of(p) < after_limit)
            .find(|p| p.span.is_some_and(|s| s.end() <= after_limit) && usable(p))
            .and_then(|p| p.span.map(|s| (s.start() - span.end(), p)));
        let mut period = nearer(best_before, best_after).map(|p| self.resolve_year_ago(p));
        // none in the sentence: the period named last before it, about the
        // same company ("for its fiscal 2017 third quarter … Revenue was …")
        let carried = period.is_none();
        if carried {
            period = self.carried_period(span, ss, entity.as_ref());
        }
        let words = || {
            span_words(
                self.text,
                ss.max(span.start().saturating_sub(80)),
                span.start(),
            )
            .or_else(|| span_words(self.text, span.end(), ce.min(span.end() + 40)))
        };
        let span = match &mut period {
            // the words near the claim say how long a span of the period
            // carried over it is ("nine months" of a fiscal third quarter)
            Some(p) if carried => {
                let w = words();
                if w.is_some() {
                    p.length = w;
                }
                w
            }
            Some(p) if p.length.is_some() => None,
            _ => words(),
        };
        // a metric taken from an earlier clause brings that clause's
        // segment ("Data Center revenue was $51.2 billion, up 25% …"); a
        // Chinese metric word bears its segment in the words just before it
        // (谷歌云营收, 海外收入)
        let context = self
            .context(span_claim, (cs, ce), ss, metric.as_ref())
            .or_else(|| {
                let m = metric.as_ref().filter(|m| m.span.end() <= cs)?;
                let clause = containing(&self.clauses, m.span.start());
                self.context(m.span, clause, ss, None)
                    .filter(|c| c.kind == ContextKind::Segment)
            })
            .or_else(|| self.segment_before(metric.as_ref()?, span_claim));
        Link {
            entity,
            metric,
            period,
            span,
            refused,
            context,
            growth,
        }
    }
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

/// Chinese words before a metric word that say nothing of what is counted
/// (a segment is what remains: 谷歌云营收 → 谷歌云 once 谷歌 is the company).
const NEUTRAL_BEFORE_METRIC: &[&str] = &[
    "其中",
    "其",
    "而",
    "则",
    "則",
    "该公司",
    "該公司",
    "该",
    "該",
    "本公司",
    "公司",
    "集团",
    "集團",
    "整体",
    "整體",
    "总体",
    "總體",
    "合并",
    "合併",
    "总",
    "總",
    "全年",
    "年度",
    "财年",
    "財年",
    "季度",
    "当季",
    "當季",
    "本季",
    "今季",
    "上季",
    "上一",
    "单季",
    "單季",
    "同期",
    "期内",
    "期內",
    "实现",
    "實現",
    "录得",
    "錄得",
    "取得",
    "获得",
    "獲得",
    "达到",
    "達到",
    "创造",
    "創造",
    "的",
    "之",
    "及",
    "和",
    "与",
    "與",
    "今年",
    "去年",
    "净",
    "淨",
    "累计",
    "累計",
    "合计",
    "合計",
    "总计",
    "總計",
    "首次",
    "创纪录",
    "創紀錄",
    "历史",
    "歷史",
    "新高",
    "同比",
    "按年",
    "则为",
    "为",
    "為",
    "是",
    "在",
    "共",
    "合共",
    "亦",
    "也",
    "均",
    "还",
    "還",
    "营业",
    "營業",
    "主营",
    "主營",
    "毛",
    "季",
    "年",
    "月",
    "日",
    "报告",
    "報告",
    "财报",
    "財報",
    "业绩",
    "業績",
    "公布",
    "宣布",
    "发布",
    "發布",
    "显示",
    "顯示",
    "称",
    "稱",
    "表示",
    "实际",
    "實際",
    "此前",
    "目前",
    "当前",
    "當前",
    "分别",
    "分別",
    "以及",
    "但",
    "仍",
    "已",
    "将",
    "將",
];

/// Words that make a clause a comparison with a figure named before it.
const COMPARISON_WORDS: &[&str] = &[
    "compared",
    "from",
    "versus",
    "vs",
    "a year ago",
    "a year earlier",
    "prior year",
    "last year",
    "比",
    "较",
    "較",
    "相比",
    "相較",
    "同比",
    "同期",
    "去年",
    "上年",
];

/// Whether the clause `text[from..to]` compares with an earlier figure.
fn compares(text: &str, from: usize, to: usize) -> bool {
    let (from, to) = (from.min(text.len()), to.min(text.len()));
    let Some(clause) = text.get(from..to) else {
        return false;
    };
    static AC: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    let ac = AC.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(COMPARISON_WORDS)
            .expect("comparison words build an automaton")
    });
    let b = clause.as_bytes();
    ac.find_overlapping_iter(clause).any(|m| {
        // a Latin word on its own ("from", not "wherefrom")
        !COMPARISON_WORDS[m.pattern().as_usize()].is_ascii()
            || (!m
                .start()
                .checked_sub(1)
                .is_some_and(|k| b[k].is_ascii_alphabetic())
                && !b.get(m.end()).is_some_and(u8::is_ascii_alphabetic))
    })
}

/// Words that say how long a period is, most specific first.
const SPAN_WORDS: &[(&str, Length)] = &[
    ("nine months", Length::NineMonths),
    ("nine-month", Length::NineMonths),
    ("9 months", Length::NineMonths),
    ("前三季度", Length::NineMonths),
    ("前三季", Length::NineMonths),
    ("first half", Length::Half),
    ("six months", Length::Half),
    ("six-month", Length::Half),
    ("half-year", Length::Half),
    ("上半年", Length::Half),
    ("下半年", Length::Half),
    ("full-year", Length::Year),
    ("full year", Length::Year),
    ("full fiscal year", Length::Year),
    ("fiscal year", Length::Year),
    ("for the year", Length::Year),
    ("全年度", Length::Year),
    ("全财年", Length::Year),
    ("全財年", Length::Year),
    ("annual", Length::Year),
    ("全年", Length::Year),
    ("年度", Length::Year),
    ("quarterly", Length::Quarter),
    ("quarter", Length::Quarter),
    ("季度", Length::Quarter),
    ("单季", Length::Quarter),
    ("單季", Length::Quarter),
    ("当季", Length::Quarter),
    ("當季", Length::Quarter),
    ("季内", Length::Quarter),
    ("上季", Length::Quarter),
    ("上一季", Length::Quarter),
    ("本季", Length::Quarter),
    ("今季", Length::Quarter),
];

/// The span the words in `text[from..to]` name (the nearest to the claim
/// wins: the last before it, the first after it, by where they start).
fn span_words(text: &str, from: usize, to: usize) -> Option<Length> {
    let (mut from, mut to) = (from.min(text.len()), to.min(text.len()));
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let window = text.get(from..to)?;
    static AC: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    let ac = AC.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(SPAN_WORDS.iter().map(|w| w.0))
            .expect("span words build an automaton")
    });
    // the word ending last; of two ending at one place, the more specific
    // (前三季度 over its 季度, "quarterly" over "quarter": earlier in the list)
    let mut best: Option<(usize, usize)> = None;
    for m in ac.find_overlapping_iter(window) {
        let key = (m.end(), m.pattern().as_usize());
        if best.is_none_or(|(e, p)| key.0 > e || (key.0 == e && key.1 < p)) {
            best = Some(key);
        }
    }
    best.map(|(_, p)| SPAN_WORDS[p].1)
}

const ABBREVIATIONS: &[&str] = &[
    "u.s", "u.k", "e.u", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "inc", "corp", "co", "ltd", "mr", "mrs", "ms", "dr", "no", "vs", "e.g", "i.e",
    "st", "jr", "sr", "plc", "bros",
];

/// Splits into sentences (or clauses); returns byte ranges covering the text.
#[cfg(test)]
fn split(text: &str, clauses: bool) -> Vec<(usize, usize)> {
    let (s, c) = split_both(text);
    if clauses { c } else { s }
}

/// Whether the '.' at byte `i` ends a sentence: white space (or the end)
/// after it, and no abbreviation ("U.S", "Sept", "Inc", a single capital)
/// before it. Only a few bytes back are looked at (a long run of "a.a.a."
/// would otherwise be quadratic).
fn period_ends_sentence(b: &[u8], i: usize) -> bool {
    if !b.get(i + 1).is_none_or(|n| n.is_ascii_whitespace()) {
        return false;
    }
    let mut word = [0u8; 8];
    let mut n = 0;
    let mut k = i;
    while k > 0 && n < 8 {
        let c = b[k - 1];
        if !(c.is_ascii_alphabetic() || c == b'.') {
            break;
        }
        n += 1;
        word[8 - n] = c;
        k -= 1;
    }
    let w = &word[8 - n..];
    let single_capital = n == 1 && w[0].is_ascii_uppercase();
    let abbr = ABBREVIATIONS
        .iter()
        .any(|a| a.len() == n && a.as_bytes().eq_ignore_ascii_case(w));
    !(abbr || single_capital)
}

/// Byte ranges covering a text, in order.
type Parts = Vec<(usize, usize)>;

/// Sentences and clauses of `text` in one pass: byte ranges covering it.
fn split_both(text: &str) -> (Parts, Parts) {
    let mut sentences = Vec::new();
    let mut clauses = Vec::new();
    let (mut s_start, mut c_start) = (0, 0);
    let b = text.as_bytes();
    for (i, c) in text.char_indices() {
        // (ends a sentence, ends a clause)
        let (sentence, clause) = match c {
            '。' | '！' | '？' | '!' | '?' | '\n' => (true, true),
            // a semicolon joins the parts of one statement ("Revenues will
            // be …; and operating expenses …"): a clause, not a sentence
            ';' | '；' => (false, true),
            '.' => {
                let e = period_ends_sentence(b, i);
                (e, e)
            }
            '，' | ',' | '(' | ')' | '（' | '）' | '、' | ':' | '：' => {
                // a comma between digits is a thousands separator, and one
                // between a day and a year is part of a date ("September
                // 30, 2017")
                let digit_before = i > 0 && b[i - 1].is_ascii_digit();
                let thousands = digit_before && b.get(i + 1).is_some_and(|n| n.is_ascii_digit());
                let year_after = digit_before
                    && b.get(i + 1) == Some(&b' ')
                    && b.get(i + 2..i + 6).is_some_and(|y| {
                        y.iter().all(u8::is_ascii_digit) && (y[0] == b'1' || y[0] == b'2')
                    })
                    && !b.get(i + 6).is_some_and(u8::is_ascii_digit);
                (false, !(c == ',' && (thousands || year_after)))
            }
            _ => continue,
        };
        let e = i + c.len_utf8();
        if sentence {
            sentences.push((s_start, e));
            s_start = e;
        }
        if clause {
            clauses.push((c_start, e));
            c_start = e;
        }
    }
    sentences.push((s_start, text.len() + 1));
    clauses.push((c_start, text.len() + 1));
    (sentences, clauses)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().expect("date")
    }

    #[test]
    fn sentences_keep_abbreviations_and_decimals() {
        let t = "Revenue was $1.5 billion in the U.S. market. Cash rose. 现金增加。好";
        let s = split(t, false);
        let parts: Vec<&str> = s.iter().map(|&(a, b)| &t[a..b.min(t.len())]).collect();
        assert_eq!(
            parts,
            vec![
                "Revenue was $1.5 billion in the U.S. market.",
                " Cash rose.",
                " 现金增加。",
                "好"
            ]
        );
    }

    #[test]
    fn links_entity_metric_period_with_evidence() {
        let ledger = Ledger::from_csv(
            "entity,metric,period,value,unit\nSoftBank Group,cash and cash equivalents,2024-09-30,25,USD\nArm Holdings,market capitalization,2025-01-22,160,USD\n",
            "l.csv",
        )
        .expect("ledger");
        let aliases = Aliases::from_csv(
            "kind,alias,canonical\nentity,软银,SoftBank Group\nentity,安谋,Arm Holdings\nmetric,现金及现金等价物,cash and cash equivalents\nmetric,市值,market capitalization\n",
            "a.csv",
        )
        .expect("aliases");
        let linker = Linker::new(&ledger, &aliases);
        let text = "软银这次并未拥有足够现金,截至去年 9 月底,该公司资产负债表上的现金及现金等价物约 250 亿美元,还持有安谋股份(安谋当前市值约 1600 亿美元)。该公司表示。";
        let doc = linker.document(text, Some(d("2025-01-22")));
        let at = text.find("约 250").expect("claim");
        let l = doc.link(Span::new(at, at + "约 250 亿美元".len()));
        let e = l.entity.expect("entity");
        assert_eq!(
            (e.name.as_str(), e.text.as_str(), e.how),
            ("SoftBank Group", "软银", How::BeforeInSentence)
        );
        let m = l.metric.expect("metric");
        assert_eq!(
            (m.name.as_str(), m.how),
            ("cash and cash equivalents", How::InClause)
        );
        let p = l.period.expect("period");
        assert_eq!(
            (p.end.to_string(), p.text.as_deref()),
            ("2024-09-30".into(), Some("去年 9 月底"))
        );
        let at = text.find("约 1600").expect("claim");
        let l = doc.link(Span::new(at, at + "约 1600 亿美元".len()));
        assert_eq!(l.entity.map(|e| e.name), Some("Arm Holdings".into()));
        assert_eq!(
            l.metric.map(|m| m.name),
            Some("market capitalization".into())
        );
        // traditional script and carried-over subject
        let text2 = "軟銀公布業績。該公司現金及現金等價物約250億美元。";
        let doc = linker.document(text2, Some(d("2025-01-22")));
        let at = text2.find("約250").expect("claim");
        let l = doc.link(Span::new(at, at + "約250億美元".len()));
        let e = l.entity.expect("entity");
        assert_eq!(
            (e.name.as_str(), e.text.as_str(), e.how),
            ("SoftBank Group", "軟銀", How::PreviousSentence)
        );
        assert_eq!(l.metric.map(|m| m.text), Some("現金及現金等價物".into()));
    }
}

#[cfg(test)]
mod context_tests {
    use super::*;

    fn linked(text: &str, claim: &str) -> Link {
        let ledger = Ledger::from_csv(
            "entity,metric,start,period,value,unit\nNVIDIA CORP,revenue,2024-07-29,2024-10-27,35082000000,USD\n",
            "l.csv",
        )
        .expect("ledger");
        let linker = Linker::new(&ledger, &Aliases::default());
        let mut doc = linker.document(text, Some("2024-11-21".parse().expect("date")));
        let at = text.find(claim).expect("claim in text");
        let span = Span::new(at, at + claim.len());
        doc.set_claims(vec![span]);
        let shape = if claim.ends_with('%') {
            Shape::Percent
        } else {
            Shape::Money
        };
        doc.link_shaped(span, shape)
    }

    fn context(text: &str, claim: &str) -> Option<(ContextKind, String)> {
        linked(text, claim).context.map(|c| (c.kind, c.text))
    }

    #[test]
    fn segment_guidance_estimate_market_value_and_share_price() {
        use ContextKind::*;
        type Case<'a> = (&'a str, &'a str, Option<(ContextKind, &'a str)>);
        let cases: &[Case] = &[
            (
                "NVIDIA's data center revenue was $30.8 billion.",
                "$30.8 billion",
                Some((Segment, "data center")),
            ),
            (
                "In the data center segment, revenue was $30.8 billion.",
                "$30.8 billion",
                Some((Segment, "segment")),
            ),
            (
                "Data center revenue grew, and total revenue was $35.1 billion.",
                "$35.1 billion",
                None,
            ),
            (
                "英伟达数据中心业务营收308亿美元。",
                "308亿美元",
                Some((Segment, "数据中心")),
            ),
            (
                "輝達資料中心營收308億美元。",
                "308億美元",
                Some((Segment, "資料中心")),
            ),
            (
                "NVIDIA expects revenue for the fourth quarter, plus or minus 2%, of $37.5 billion.",
                "$37.5 billion",
                Some((Guidance, "expects")),
            ),
            (
                "英伟达预计第四财季营收为375亿美元。",
                "375亿美元",
                Some((Guidance, "预计")),
            ),
            (
                "輝達預計第四季營收375億美元。",
                "375億美元",
                Some((Guidance, "預計")),
            ),
            (
                "公司此前预计营收325亿美元,实际营收为351亿美元。",
                "351亿美元",
                None,
            ),
            (
                "Revenue beat the $33.2 billion analysts expected.",
                "$33.2 billion",
                Some((Estimate, "analysts")),
            ),
            (
                "营收351亿美元,高于分析师预期的332亿美元。",
                "332亿美元",
                Some((Estimate, "预期")),
            ),
            (
                "营收351亿美元,高于分析师预期的332亿美元。",
                "351亿美元",
                None,
            ),
            (
                "NVIDIA is worth a $3.6 trillion market cap.",
                "$3.6 trillion",
                Some((MarketValue, "market cap")),
            ),
            (
                "英伟达市值约3.6万亿美元。",
                "约3.6万亿美元",
                Some((MarketValue, "市值")),
            ),
            (
                "NVIDIA shares closed at $146.",
                "$146",
                Some((SharePrice, "shares closed")),
            ),
            (
                "輝達股價收於146美元。",
                "146美元",
                Some((SharePrice, "收於")),
            ),
            ("NVIDIA's revenue was $35.1 billion.", "$35.1 billion", None),
            // the words just before a Chinese metric word
            ("谷歌云营收152亿美元。", "152亿美元", Some((Segment, "云"))),
            (
                "其中游戏营收33亿美元。",
                "33亿美元",
                Some((Segment, "游戏")),
            ),
            (
                "英伟达海外营收200亿美元。",
                "200亿美元",
                Some((Segment, "海外")),
            ),
            ("英伟达第三季度营收351亿美元。", "351亿美元", None),
            ("该公司全年总营收1305亿美元。", "1305亿美元", None),
            ("英伟达实现营收351亿美元。", "351亿美元", None),
            ("英伟达的营收为351亿美元。", "351亿美元", None),
        ];
        for (text, claim, want) in cases {
            assert_eq!(
                context(text, claim),
                want.map(|(k, w)| (k, w.to_string())),
                "{text}"
            );
        }
    }

    #[test]
    fn a_word_of_another_figure_stands_between() {
        let metric = |text: &str, claim: &str| linked(text, claim).metric.map(|m| m.name);
        assert_eq!(metric("英伟达公布营收,减值21亿美元。", "21亿美元"), None);
        assert_eq!(
            metric(
                "NVIDIA reported revenue, and an impairment of $2 billion.",
                "$2 billion"
            ),
            None
        );
        assert_eq!(
            metric("英伟达公布营收,达351亿美元。", "351亿美元"),
            Some("revenue".to_string())
        );
    }

    #[test]
    fn growth_words_say_which_way_and_against_what() {
        let g =
            |text: &str, claim: &str| linked(text, claim).growth.map(|g| (g.direction, g.basis));
        use Basis::*;
        use Direction::*;
        let t = "NVIDIA's revenue was $35.1 billion, up 94% from a year ago and up 17% from the previous quarter.";
        assert_eq!(g(t, "94%"), Some((Up, Some(YearAgo))));
        assert_eq!(g(t, "17%"), Some((Up, Some(QuarterAgo))));
        assert_eq!(
            g("英伟达营收同比增长94%。", "94%"),
            Some((Up, Some(YearAgo)))
        );
        assert_eq!(g("輝達營收季減3%。", "3%"), Some((Down, Some(QuarterAgo))));
        assert_eq!(
            g("NVIDIA's revenue fell 3% sequentially.", "3%"),
            Some((Down, Some(QuarterAgo)))
        );
        assert_eq!(g("NVIDIA's revenue rose 94%.", "94%"), Some((Up, None)));
        // no word of change: a share, not a growth rate
        assert_eq!(
            g("NVIDIA's data center made up 88% of revenue.", "88%"),
            None
        );
        // the basis of a growth rate is not its period
        let l = linked(t, "17%");
        assert!(l.period.is_none_or(|p| p.how != How::YearAgo));
    }
}
