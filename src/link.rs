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
use crate::ledger::{AliasKind, Aliases, Ledger, Length};
use crate::span::Span;
use serde::Serialize;

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
    /// The fiscal year, by the calendar year it ends in.
    pub year: i32,
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
}

#[derive(Clone, Debug)]
struct Occurrence {
    start: usize,
    end: usize,
    kind: AliasKind,
    canonical: String,
}

/// A surface form to look for.
#[derive(Clone, Debug)]
struct Form {
    folded: String,
    kind: AliasKind,
    canonical: String,
    latin: bool,
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
        let mut forms: Vec<Form> = Vec::new();
        // (folded form, kind) already added: the first alias of a form wins
        let mut seen: std::collections::HashSet<(String, AliasKind)> = Default::default();
        let mut add = |alias: &str, kind: AliasKind, canonical: &str| {
            let folded = fold(alias);
            if folded.is_empty() {
                return;
            }
            let latin = folded.bytes().any(|b| b.is_ascii_alphanumeric());
            if seen.insert((folded.clone(), kind)) {
                forms.push(Form {
                    folded,
                    kind,
                    canonical: canonical.to_string(),
                    latin,
                });
            }
        };
        for a in aliases.entries() {
            add(&a.alias, a.kind, &a.canonical);
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
        for e in entities {
            add(e, AliasKind::Entity, e);
        }
        for m in metrics {
            add(m, AliasKind::Metric, m);
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
            occ.push(Occurrence {
                start: folded.orig(i),
                end: folded.orig(j),
                kind: f.kind,
                canonical: f.canonical.clone(),
            });
        }
        occ.sort_by_key(|o| o.start);
        let sentences = split(text, false);
        let clauses = split(text, true);
        let date = article_date.or_else(|| dateline(text));
        let periods = periods(text, date);
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
        Document {
            text,
            occ,
            sentences,
            clauses,
            date,
            periods,
            entities,
            metrics,
            written,
            longest_period,
        }
    }
}

/// A document prepared for linking.
pub struct Document<'t> {
    text: &'t str,
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
                year: f.year - 1,
                ..f
            });
        }
        out
    }

    /// Links the claim at `span`. Every search is a binary search or stays
    /// near the claim, so a sentence of 100 MB (text without sentence ends)
    /// costs no more per claim than a short one.
    pub fn link(&self, span: Span) -> Link {
        let (ss, se) = containing(&self.sentences, span.start());
        let (cs, ce) = containing(&self.clauses, span.start());
        let after_limit = ce.min(se);
        // the occurrence of `list` ending last before the claim, and the
        // first one starting after it (occurrences do not overlap, so their
        // ends are in order like their starts)
        let around = |list: &[usize]| {
            let k = list.partition_point(|&i| self.occ[i].end <= span.start());
            let before = k.checked_sub(1).map(|k| &self.occ[list[k]]);
            let k = list.partition_point(|&i| self.occ[i].start < span.end());
            let after = list.get(k).map(|&i| &self.occ[i]);
            (before, after)
        };
        // entity: before the claim in its sentence, else after it in its
        // clause, else the last one named before the sentence
        let (before, after) = around(&self.entities);
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
        // metric: nearest in clause, else in sentence; a metric named before
        // the figure wins a near tie ("首轮 1000 亿美元投资")
        let (before, after) = around(&self.metrics);
        let nearest = |lo: usize, hi: usize| {
            nearer(
                before
                    .filter(|o| o.start >= lo)
                    .map(|o| (span.start() - o.end, o)),
                after
                    .filter(|o| o.end <= hi)
                    .map(|o| ((o.start - span.end()) * 2 + 4, o)),
            )
        };
        let metric = nearest(cs, ce)
            .map(|o| self.name(o, How::InClause))
            .or_else(|| nearest(ss, se).map(|o| self.name(o, How::InSentence)));
        // period: the nearest before the claim in its sentence, or after it in
        // its clause. Periods are in order of start and may nest, so the one
        // ending last before the claim is looked for among those starting at
        // most the longest period's length before the best found so far.
        let start_of = |p: &PeriodLink| p.span.map_or(0, |s| s.start());
        let k = self.periods.partition_point(|p| start_of(p) < span.start());
        let mut best_before: Option<(usize, &PeriodLink)> = None;
        for p in self.periods[..k].iter().rev() {
            let Some(s) = p.span else { continue };
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
            .find(|p| p.span.is_some_and(|s| s.end() <= after_limit))
            .and_then(|p| p.span.map(|s| (s.start() - span.end(), p)));
        let period = nearer(best_before, best_after).map(|p| self.resolve_year_ago(p));
        let span = match &period {
            Some(p) if p.length.is_some() => None,
            _ => span_words(
                self.text,
                cs.max(span.start().saturating_sub(80)),
                span.start(),
            )
            .or_else(|| span_words(self.text, span.end(), ce.min(span.end() + 40))),
        };
        Link {
            entity,
            metric,
            period,
            span,
        }
    }
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
    let window = text.get(from..to)?.to_ascii_lowercase();
    // the word ending last; of two ending at one place, the more specific
    // (前三季度 over its 季度, "quarterly" over "quarter")
    let mut best: Option<(usize, Length)> = None;
    for (w, l) in SPAN_WORDS {
        if let Some(i) = window.rfind(w) {
            let end = i + w.len();
            if best.is_none_or(|(b, _)| end > b) {
                best = Some((end, *l));
            }
        }
    }
    best.map(|(_, l)| l)
}

const ABBREVIATIONS: &[&str] = &[
    "u.s", "u.k", "e.u", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "inc", "corp", "co", "ltd", "mr", "mrs", "ms", "dr", "no", "vs", "e.g", "i.e",
    "st", "jr", "sr", "plc", "bros",
];

/// Splits into sentences (or clauses); returns byte ranges covering the text.
fn split(text: &str, clauses: bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = text.as_bytes();
    for (i, c) in text.char_indices() {
        let end_here = match c {
            '。' | '！' | '？' | '!' | '?' | '\n' => true,
            // a semicolon joins the parts of one statement ("Revenues will
            // be …; and operating expenses …"): a clause, not a sentence
            ';' | '；' => clauses,
            '.' => {
                let next_ws = b.get(i + 1).is_none_or(|n| n.is_ascii_whitespace());
                // abbreviations are short: look back a few chars only (a
                // long run of "a.a.a." would otherwise be quadratic)
                let word: String = text[..i]
                    .chars()
                    .rev()
                    .take_while(|c| c.is_ascii_alphabetic() || *c == '.')
                    .take(8)
                    .collect::<String>()
                    .chars()
                    .rev()
                    .collect();
                let abbr = ABBREVIATIONS.contains(&word.to_ascii_lowercase().as_str())
                    || word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase());
                next_ws && !abbr
            }
            '，' | ',' | '(' | ')' | '（' | '）' | '、' | ':' | '：' if clauses => {
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
                !(c == ',' && (thousands || year_after))
            }
            _ => false,
        };
        if end_here {
            let e = i + c.len_utf8();
            out.push((start, e));
            start = e;
        }
    }
    out.push((start, text.len() + 1));
    out
}

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("sept", 9),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Reads an unsigned decimal integer (ASCII or full-width digits) at the start of `s`.
fn int_at(s: &str) -> Option<(u32, usize)> {
    let mut v: u32 = 0;
    let mut n = 0;
    let mut len = 0;
    for c in s.chars() {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => c as u32 - '０' as u32,
            _ => break,
        };
        v = v.checked_mul(10)?.checked_add(d)?;
        n += 1;
        len += c.len_utf8();
        if n > 4 {
            return None;
        }
    }
    (n > 0).then_some((v, len))
}

/// A month name at the start of `s` (English, full or abbreviated, optional '.').
fn month_at(s: &str) -> Option<(u32, usize)> {
    let w = s.bytes().take_while(u8::is_ascii_alphabetic).count();
    let word = &s.as_bytes()[..w];
    let m = MONTHS
        .iter()
        .find(|(name, _)| word.eq_ignore_ascii_case(name.as_bytes()))?
        .1;
    let mut len = w;
    if s[w..].starts_with('.') {
        len += 1;
    }
    Some((m, len))
}

fn skip_ws(s: &str) -> usize {
    s.len() - s.trim_start_matches([' ', '\u{3000}', '\u{a0}']).len()
}

fn range(start: Date, end: Date, text: &str, at: usize, len: usize) -> PeriodLink {
    PeriodLink {
        start,
        end,
        text: Some(text[at..at + len].to_string()),
        span: Some(Span::new(at, at + len)),
        how: How::Written,
        length: None,
        fiscal: None,
    }
}

fn month_range(y: i32, m: u32) -> Option<(Date, Date)> {
    Some((Date::new(y, m, 1).ok()?, Date::end_of_month(y, m).ok()?))
}

fn quarter_range(y: i32, q: u32) -> Option<(Date, Date)> {
    let m1 = q * 3 - 2;
    Some((
        Date::new(y, m1, 1).ok()?,
        Date::end_of_month(y, q * 3).ok()?,
    ))
}

/// Year for a month written without one: the article's year, or the year
/// before when that month has not ended yet at the article date.
fn implied_year(article: Option<Date>, month: u32) -> Option<i32> {
    let a = article?;
    Some(if month > a.month() {
        a.year() - 1
    } else {
        a.year()
    })
}

/// Relative year words before a date: 去年, 今年, 前年, last year, this year.
fn relative_year(before: &str, article: Option<Date>) -> Option<(i32, usize)> {
    let a = article?;
    let t = before.trim_end_matches([' ', '\u{3000}']);
    let gap = before.len() - t.len();
    for (w, d) in [
        ("去年", -1),
        ("前年", -2),
        ("今年", 0),
        ("明年", 1),
        ("本年", 0),
        ("上年", -1),
    ] {
        if t.ends_with(w) {
            return Some((a.year() + d, w.len() + gap));
        }
    }
    None
}

/// All date expressions in `s` (offsets relative to `s`).
fn periods(s: &str, article: Option<Date>) -> Vec<PeriodLink> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        let c = rest.chars().next().unwrap_or(' ');
        let step = c.len_utf8();
        if let Some(p) = period_at(s, i, article) {
            let e = p.span.map_or(i + step, |sp| sp.end());
            out.push(p);
            i = e.max(i + step);
            continue;
        }
        i += step;
    }
    out
}

/// Can a date expression start with `c` (after `prev`)? A cheap filter run at
/// every char of a document before the expression parsers.
fn can_start_period(c: char, prev: Option<char>) -> bool {
    if c.is_ascii_alphabetic() {
        // first letters of the English period words: a(s of, year ago), c(urrently),
        // d(ec), e(nd of), f(iscal, FY, first, fourth), j(an...), l(ast year), m(ay...),
        // n(ow, nov), o(ct), q(3), s(econd, ept), t(hird, this year, the year earlier), y(ear-ago)
        return !prev.is_some_and(|p| p.is_ascii_alphabetic())
            && matches!(
                c.to_ascii_lowercase(),
                'a' | 'c' | 'd' | 'e' | 'f' | 'j' | 'l' | 'm' | 'n' | 'o' | 'q' | 's' | 't' | 'y'
            );
    }
    c.is_ascii_digit()
        || ('０'..='９').contains(&c)
        || matches!(
            c,
            '去' | '上'
                | '今'
                | '明'
                | '本'
                | '前'
                | '当'
                | '當'
                | '目'
                | '现'
                | '現'
                | '如'
                | '眼'
                | '第'
                | '一'
                | '二'
                | '三'
                | '四'
                | '中'
                | '下'
        )
}

/// A date expression starting at byte `i` of `s`.
fn period_at(s: &str, i: usize, article: Option<Date>) -> Option<PeriodLink> {
    let rest = &s[i..];
    if !can_start_period(rest.chars().next()?, s[..i].chars().next_back()) {
        return None;
    }
    // 2024-09-30, 2024/9/30
    if let Some((y, n)) = int_at(rest).filter(|&(y, n)| n == 4 && (1900..=2100).contains(&y)) {
        let r = &rest[n..];
        if let Some(sep) = r.chars().next().filter(|c| *c == '-' || *c == '/') {
            if let Some((m, n2)) = int_at(&r[1..]) {
                let r2 = &r[1 + n2..];
                if r2.starts_with(sep) {
                    if let Some((d, n3)) = int_at(&r2[1..]) {
                        if let Ok(date) = Date::new(y as i32, m, d) {
                            return Some(range(date, date, s, i, n + 1 + n2 + 1 + n3));
                        }
                    }
                }
            }
        }
        // 2024年…
        let g = skip_ws(r);
        if r[g..].starts_with('年') {
            let after = i + n + g + '年'.len_utf8();
            return chinese_date_after_year(s, i, after, y as i32, article);
        }
        // 2024财年 / 2024 fiscal year
        for w in ["财年", "財年", "财政年度", "會計年度", "会计年度"] {
            if r[g..].starts_with(w) {
                let y = y as i32;
                let (a, b) = (Date::new(y, 1, 1).ok()?, Date::new(y + 1, 3, 31).ok()?);
                let len = n + g + w.len();
                return Some(fiscal_tail(s, i, len, y, range(a, b, s, i, len)));
            }
        }
    }
    // a bare year in English text: "in 2023", "2023 revenue"
    if let Some((y, n)) = int_at(rest).filter(|&(y, n)| n == 4 && (1900..=2100).contains(&y)) {
        let prev = s[..i].chars().next_back();
        let next = rest[n..].chars().next();
        let word_edges = prev.is_none_or(|c| c == ' ' || c == '(' || c == ',')
            && next.is_none_or(|c| matches!(c, ' ' | '.' | ',' | ';' | ')' | ':' | '\n'));
        if word_edges && rest.is_char_boundary(n) {
            let y = y as i32;
            let (a, b) = (Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?);
            return Some(range(a, b, s, i, n).with_length(Length::Year));
        }
    }
    // FY2024 / FY24 / fiscal 2024
    for w in ["FY", "fiscal year ", "fiscal "] {
        if rest.len() >= w.len() && rest.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes()) {
            if i > 0 && s.as_bytes()[i - 1].is_ascii_alphabetic() {
                continue;
            }
            if let Some((y, n)) = int_at(&rest[w.len()..]) {
                let y = if n == 2 {
                    2000 + y as i32
                } else if n == 4 {
                    y as i32
                } else {
                    continue;
                };
                let (a, b) = (Date::new(y - 1, 4, 1).ok()?, Date::new(y, 12, 31).ok()?);
                let len = w.len() + n;
                return Some(fiscal_tail(s, i, len, y, range(a, b, s, i, len)));
            }
        }
    }
    // Q3 2024, 3Q24, third quarter of 2024
    if (rest.starts_with('Q') || rest.starts_with('q'))
        && !(i > 0 && s.as_bytes()[i - 1].is_ascii_alphabetic())
    {
        if let Some((q, n)) = int_at(&rest[1..]).filter(|&(q, n)| n == 1 && (1..=4).contains(&q)) {
            let r = &rest[1 + n..];
            let g = skip_ws(r);
            if let Some((y, n2)) = int_at(&r[g..]).filter(|&(_, n2)| n2 == 4) {
                let (a, b) = quarter_range(y as i32, q)?;
                return Some(range(a, b, s, i, 1 + n + g + n2).with_length(Length::Quarter));
            }
            if let Some(a) = article {
                let (x, b) = quarter_range(a.year(), q)?;
                let (x, b) = if b > a {
                    quarter_range(a.year() - 1, q)?
                } else {
                    (x, b)
                };
                return Some(range(x, b, s, i, 1 + n).with_length(Length::Quarter));
            }
        }
    }
    for (w, q) in [
        ("first quarter", 1),
        ("second quarter", 2),
        ("third quarter", 3),
        ("fourth quarter", 4),
    ] {
        if rest.len() >= w.len() && rest.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes()) {
            let r = &rest[w.len()..];
            let of = [" of ", " "]
                .iter()
                .find(|p| r.starts_with(**p))
                .map_or(0, |p| p.len());
            if let Some((y, n)) = int_at(&r[of..]).filter(|&(_, n)| n == 4) {
                let (a, b) = quarter_range(y as i32, q)?;
                return Some(range(a, b, s, i, w.len() + of + n).with_length(Length::Quarter));
            }
            let a = article?;
            let (x, b) = quarter_range(a.year(), q)?;
            let (x, b) = if b > a {
                quarter_range(a.year() - 1, q)?
            } else {
                (x, b)
            };
            return Some(range(x, b, s, i, w.len()).with_length(Length::Quarter));
        }
    }
    // year-ago phrases, resolved against the nearest written period (see Document)
    for w in [
        "去年同期",
        "上年同期",
        "去年同季",
        "year-ago",
        "a year ago",
        "a year earlier",
        "the year earlier",
        "year-earlier",
        "the same period last year",
        "the same quarter last year",
        "the prior-year period",
        "the year-ago period",
    ] {
        let latin = w.is_ascii();
        let hit = if latin {
            rest.len() >= w.len() && rest.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes())
        } else {
            rest.starts_with(w)
        };
        if hit && !(latin && i > 0 && s.as_bytes()[i - 1].is_ascii_alphabetic()) {
            let a = article?;
            let (x, y) = (
                Date::new(a.year() - 1, 1, 1).ok()?,
                Date::new(a.year() - 1, 12, 31).ok()?,
            );
            let mut p = range(x, y, s, i, w.len());
            p.how = How::YearAgo;
            return Some(p);
        }
    }
    // last year / this year standing alone
    for (w, d) in [
        ("去年", -1),
        ("上年", -1),
        ("今年", 0),
        ("last year", -1),
        ("this year", 0),
    ] {
        let latin = w.is_ascii();
        let hit = if latin {
            rest.len() >= w.len() && rest.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes())
        } else {
            rest.starts_with(w)
        };
        if hit && !(latin && i > 0 && s.as_bytes()[i - 1].is_ascii_alphabetic()) {
            let a = article?;
            let y = a.year() + d;
            let after = &rest[w.len()..];
            // "去年 9 月底" is read at the month, with 去年 as its year
            if after
                .trim_start_matches([' ', '\u{3000}'])
                .starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))
            {
                break;
            }
            // 去年底 / 去年年底 / 去年末: the last day of that year
            if let Some(tail) = ["年底", "年末", "底", "末"]
                .iter()
                .find(|t| after.starts_with(**t))
            {
                let d = Date::new(y, 12, 31).ok()?;
                return Some(range(d, d, s, i, w.len() + tail.len()));
            }
            let p = if d == 0 {
                range(Date::new(y, 1, 1).ok()?, a, s, i, w.len())
            } else {
                range(
                    Date::new(y, 1, 1).ok()?,
                    Date::new(y, 12, 31).ok()?,
                    s,
                    i,
                    w.len(),
                )
                .with_length(Length::Year)
            };
            return Some(p);
        }
    }
    // "now" words: the article date
    for w in [
        "当前",
        "當前",
        "目前",
        "现时",
        "現時",
        "现在",
        "現在",
        "如今",
        "眼下",
        "currently",
        "now",
        "as of today",
    ] {
        let latin = w.is_ascii();
        let hit = if latin {
            rest.len() >= w.len() && rest.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes())
        } else {
            rest.starts_with(w)
        };
        if hit {
            if latin
                && (i > 0 && s.as_bytes()[i - 1].is_ascii_alphabetic()
                    || rest
                        .as_bytes()
                        .get(w.len())
                        .is_some_and(u8::is_ascii_alphabetic))
            {
                continue;
            }
            let a = article?;
            // "now": any figure from the month up to the article date
            let start = if a.month() > 1 {
                Date::new(
                    a.year(),
                    a.month() - 1,
                    a.day().min(days_in_month(a.year(), a.month() - 1)),
                )
                .ok()?
            } else {
                Date::new(a.year() - 1, 12, a.day()).ok()?
            };
            let mut p = range(start, a, s, i, w.len());
            p.how = How::ArticleDate;
            return Some(p);
        }
    }
    // Chinese quarters and halves without a year: 第三季度, 三季度, 上半年
    if let Some(p) = chinese_quarter(s, i, None, article) {
        return Some(p);
    }
    // month-first English dates: September 30, 2024 / Sept. 30 / end of September
    if let Some(p) = english_date(s, i, article) {
        return Some(p);
    }
    // 9月30日, 9月底 without a year (possibly after 去年)
    if let Some((m, n)) = int_at(rest).filter(|&(m, n)| n <= 2 && (1..=12).contains(&m)) {
        let r = &rest[n..];
        let g = skip_ws(r);
        if r[g..].starts_with('月') {
            let (y, back) = match relative_year(&s[..i], article) {
                Some((y, back)) => (y, back),
                None => (implied_year(article, m)?, 0),
            };
            let start = i - back;
            return chinese_month_tail(s, start, i + n + g + '月'.len_utf8(), y, m);
        }
    }
    // 去年底, 今年上半年
    None
}

/// After "2024年": 9月30日, 9月底, 第三季度, 上半年, 年底, or the whole year.
fn chinese_date_after_year(
    s: &str,
    start: usize,
    after: usize,
    y: i32,
    article: Option<Date>,
) -> Option<PeriodLink> {
    let r = &s[after..];
    let g = skip_ws(r);
    if let Some((m, n)) = int_at(&r[g..]).filter(|&(m, n)| n <= 2 && (1..=12).contains(&m)) {
        let r2 = &r[g + n..];
        let g2 = skip_ws(r2);
        if r2[g2..].starts_with('月') {
            return chinese_month_tail(s, start, after + g + n + g2 + '月'.len_utf8(), y, m);
        }
    }
    for w in ["底", "末", "年底", "年末"] {
        if r.starts_with(w) {
            let d = Date::new(y, 12, 31).ok()?;
            return Some(range(d, d, s, start, after - start + w.len()));
        }
    }
    if let Some(p) = chinese_quarter(s, after, Some((y, start)), article) {
        return Some(p);
    }
    let (a, b) = (Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?);
    Some(range(a, b, s, start, after - start).with_length(Length::Year))
}

/// After "9月": 30日, 底/末, or the whole month.
fn chinese_month_tail(s: &str, start: usize, after: usize, y: i32, m: u32) -> Option<PeriodLink> {
    let r = &s[after..];
    let g = skip_ws(r);
    if let Some((d, n)) = int_at(&r[g..]).filter(|&(d, n)| n <= 2 && d >= 1) {
        let r2 = &r[g + n..];
        if r2.starts_with('日') || r2.starts_with('号') || r2.starts_with('號') {
            let date = Date::new(y, m, d).ok()?;
            return Some(range(date, date, s, start, after - start + g + n + 3));
        }
    }
    for w in ["底", "末", "月底", "月末"] {
        if r.starts_with(w) {
            let d = Date::end_of_month(y, m).ok()?;
            return Some(range(d, d, s, start, after - start + w.len()));
        }
    }
    let (a, b) = month_range(y, m)?;
    Some(range(a, b, s, start, after - start))
}

/// 第三季度, 三季度, 第3季, Q3, 上半年, 下半年, 前三季度 at byte `i`; with a
/// year already read (`year` = (year, start of the expression)).
fn chinese_quarter(
    s: &str,
    i: usize,
    year: Option<(i32, usize)>,
    article: Option<Date>,
) -> Option<PeriodLink> {
    let r = &s[i..];
    let halves: [(&str, u32, u32); 4] = [
        ("上半年", 1, 6),
        ("下半年", 7, 12),
        ("上半財年", 1, 6),
        ("中期", 1, 6),
    ];
    for (w, m1, m2) in halves {
        if r.starts_with(w) {
            let (y, start) = match year {
                Some(v) => v,
                None => {
                    let a = article?;
                    match relative_year(&s[..i], article) {
                        Some((y, back)) => (y, i - back),
                        None => (
                            if Date::end_of_month(a.year(), m2).ok()? > a {
                                a.year() - 1
                            } else {
                                a.year()
                            },
                            i,
                        ),
                    }
                }
            };
            let (a, b) = (Date::new(y, m1, 1).ok()?, Date::end_of_month(y, m2).ok()?);
            return Some(range(a, b, s, start, i - start + w.len()).with_length(Length::Half));
        }
    }
    let mut j = 0;
    let mut cumulative = false;
    if r.starts_with("前") {
        cumulative = true;
        j += "前".len();
    } else if r.starts_with("第") {
        j += "第".len();
    }
    let c = r[j..].chars().next()?;
    let q = match c {
        '一' | '1' => 1,
        '二' | '2' => 2,
        '三' | '3' => 3,
        '四' | '4' => 4,
        _ => return None,
    };
    j += c.len_utf8();
    let tail = ["季度", "季"].iter().find(|w| r[j..].starts_with(**w))?;
    j += tail.len();
    let (y, start) = match year {
        Some(v) => v,
        None => {
            let a = article?;
            match relative_year(&s[..i], article) {
                Some((y, back)) => (y, i - back),
                None => (
                    if quarter_range(a.year(), q)?.1 > a {
                        a.year() - 1
                    } else {
                        a.year()
                    },
                    i,
                ),
            }
        }
    };
    let (a, b) = quarter_range(y, q)?;
    let (a, length) = if cumulative {
        let length = match q {
            1 => Length::Quarter,
            2 => Length::Half,
            3 => Length::NineMonths,
            _ => Length::Year,
        };
        (Date::new(y, 1, 1).ok()?, length)
    } else {
        (a, Length::Quarter)
    };
    Some(range(a, b, s, start, i - start + j).with_length(length))
}

/// English dates: "September 30, 2024", "Sept. 30", "end of September",
/// "as of Sept. 30, 2024", "30 September 2024".
fn english_date(s: &str, i: usize, article: Option<Date>) -> Option<PeriodLink> {
    if i > 0 && s.as_bytes()[i - 1].is_ascii_alphabetic() {
        return None;
    }
    let rest = &s[i..];
    // end of September (2024)
    for w in ["end of ", "end-", "the end of "] {
        if rest.len() > w.len() && rest.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes()) {
            let (m, n) = month_at(&rest[w.len()..])?;
            let r = &rest[w.len() + n..];
            let (y, extra) = match r
                .strip_prefix(' ')
                .and_then(int_at)
                .filter(|&(_, k)| k == 4)
            {
                Some((y, k)) => (y as i32, 1 + k),
                None => (implied_year(article, m)?, 0),
            };
            let d = Date::end_of_month(y, m).ok()?;
            return Some(range(d, d, s, i, w.len() + n + extra));
        }
    }
    // Month day(, year)
    if let Some((m, n)) = month_at(rest) {
        let r = &rest[n..];
        let g = skip_ws(r);
        if g == 0 {
            return None;
        }
        if let Some((d, n2)) = int_at(&r[g..]).filter(|&(d, n2)| n2 <= 2 && (1..=31).contains(&d)) {
            let r2 = &r[g + n2..];
            let r2t = r2.strip_prefix(',').unwrap_or(r2);
            let g3 = skip_ws(r2t);
            let (y, extra) = match int_at(&r2t[g3..]).filter(|&(_, k)| k == 4) {
                Some((y, k)) => (y as i32, (r2.len() - r2t.len()) + g3 + k),
                None => (implied_year(article, m)?, 0),
            };
            let date = Date::new(y, m, d).ok()?;
            return Some(range(date, date, s, i, n + g + n2 + extra));
        }
        // Month year
        if let Some((y, k)) = int_at(&r[g..]).filter(|&(_, k)| k == 4) {
            let (a, b) = month_range(y as i32, m)?;
            return Some(range(a, b, s, i, n + g + k));
        }
        return None;
    }
    // day Month year
    if let Some((d, n)) = int_at(rest).filter(|&(d, n)| n <= 2 && (1..=31).contains(&d)) {
        let r = &rest[n..];
        let g = skip_ws(r);
        if g == 0 {
            return None;
        }
        let (m, n2) = month_at(&r[g..])?;
        let r2 = &r[g + n2..];
        let g3 = skip_ws(r2);
        let (y, k) = int_at(&r2[g3..]).filter(|&(_, k)| k == 4)?;
        let date = Date::new(y as i32, m, d).ok()?;
        return Some(range(date, date, s, i, n + g + n2 + g3 + k));
    }
    None
}

/// A fiscal year just read (`p`, `len` bytes at `i`), and a quarter written
/// after it: "fiscal 2017 third quarter", "FY2024 Q3", "2024财年第三季度".
fn fiscal_tail(s: &str, i: usize, len: usize, year: i32, p: PeriodLink) -> PeriodLink {
    let mut p = p.with_length(Length::Year);
    p.fiscal = Some(FiscalRef {
        year,
        quarter: None,
    });
    let r = &s[i + len..];
    let g = skip_ws(r);
    let r = &r[g..];
    let mut quarter = None;
    for (w, q) in [
        ("first quarter", 1u8),
        ("second quarter", 2),
        ("third quarter", 3),
        ("fourth quarter", 4),
        ("第一季度", 1),
        ("第二季度", 2),
        ("第三季度", 3),
        ("第四季度", 4),
        ("第一季", 1),
        ("第二季", 2),
        ("第三季", 3),
        ("第四季", 4),
        ("Q1", 1),
        ("Q2", 2),
        ("Q3", 3),
        ("Q4", 4),
    ] {
        if r.len() >= w.len() && r.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes()) {
            quarter = Some((q, w.len()));
            break;
        }
    }
    if let Some((q, n)) = quarter {
        p.fiscal = Some(FiscalRef {
            year,
            quarter: Some(q),
        });
        p.length = Some(Length::Quarter);
        let end = i + len + g + n;
        p.text = Some(s[i..end].to_string());
        p.span = Some(Span::new(i, end));
    }
    p
}

/// The first full date in the text (a dateline): "January 22, 2025",
/// "2 August 2017", "2025年1月22日", "2025-03-18".
pub fn dateline(text: &str) -> Option<Date> {
    for p in periods(text, None) {
        if p.start == p.end && p.how == How::Written {
            return Some(p.end);
        }
    }
    None
}

/// `d` moved by `days` (negative: back).
fn shift_days(d: Date, days: i64) -> Date {
    let mut out = d;
    let step = if days < 0 { -1 } else { 1 };
    for _ in 0..days.unsigned_abs() {
        out = if step < 0 {
            if out.day() > 1 {
                Date::new(out.year(), out.month(), out.day() - 1).unwrap_or(out)
            } else if out.month() > 1 {
                Date::end_of_month(out.year(), out.month() - 1).unwrap_or(out)
            } else {
                Date::new(out.year() - 1, 12, 31).unwrap_or(out)
            }
        } else if out.day() < days_in_month(out.year(), out.month()) {
            Date::new(out.year(), out.month(), out.day() + 1).unwrap_or(out)
        } else if out.month() < 12 {
            Date::new(out.year(), out.month() + 1, 1).unwrap_or(out)
        } else {
            Date::new(out.year() + 1, 1, 1).unwrap_or(out)
        };
    }
    out
}

/// Number of days in a month (re-exported for callers that build periods).
pub fn month_days(year: i32, month: u32) -> u32 {
    days_in_month(year, month)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().expect("date")
    }

    fn one(s: &str, article: &str) -> (String, String, String) {
        let ps = periods(s, Some(d(article)));
        assert_eq!(ps.len(), 1, "{s}: {ps:?}");
        let p = &ps[0];
        (
            p.text.clone().unwrap_or_default(),
            p.start.to_string(),
            p.end.to_string(),
        )
    }

    #[test]
    fn chinese_periods() {
        assert_eq!(
            one("截至去年 9 月底,该公司", "2025-01-22"),
            (
                "去年 9 月底".into(),
                "2024-09-30".into(),
                "2024-09-30".into()
            )
        );
        assert_eq!(
            one("2024年9月30日的现金", "2025-01-22"),
            (
                "2024年9月30日".into(),
                "2024-09-30".into(),
                "2024-09-30".into()
            )
        );
        assert_eq!(one("9月底", "2025-01-22").2, "2024-09-30");
        assert_eq!(one("1月底", "2025-03-22").2, "2025-01-31");
        assert_eq!(
            one("2024年第三季度营收", "2025-01-22"),
            (
                "2024年第三季度".into(),
                "2024-07-01".into(),
                "2024-09-30".into()
            )
        );
        assert_eq!(one("第三季度营收", "2025-01-22").1, "2024-07-01");
        assert_eq!(
            one("上半年盈利", "2023-08-01"),
            ("上半年".into(), "2023-01-01".into(), "2023-06-30".into())
        );
        assert_eq!(one("2024财年营收", "2025-01-22").0, "2024财年");
        assert_eq!(
            one("2024年营收", "2025-01-22"),
            ("2024年".into(), "2024-01-01".into(), "2024-12-31".into())
        );
        assert_eq!(one("2024年底", "2025-01-22").2, "2024-12-31");
        assert_eq!(
            one("去年底的现金", "2025-01-22"),
            ("去年底".into(), "2024-12-31".into(), "2024-12-31".into())
        );
        assert_eq!(
            one("去年营收", "2025-01-22"),
            ("去年".into(), "2024-01-01".into(), "2024-12-31".into())
        );
        assert_eq!(one("revenue last year", "2025-01-22").1, "2024-01-01");
    }

    #[test]
    fn english_periods() {
        assert_eq!(
            one("as of Sept. 30, 2024, cash", "2025-01-22"),
            (
                "Sept. 30, 2024".into(),
                "2024-09-30".into(),
                "2024-09-30".into()
            )
        );
        assert_eq!(one("at the end of September", "2025-01-22").2, "2024-09-30");
        assert_eq!(
            one("in Q3 2024", "2025-01-22"),
            ("Q3 2024".into(), "2024-07-01".into(), "2024-09-30".into())
        );
        assert_eq!(one("FY2024 revenue", "2025-01-22").0, "FY2024");
        assert_eq!(one("on 2024-09-30", "2025-01-22").2, "2024-09-30");
        assert_eq!(
            one("the third quarter of 2017", "2017-08-02").2,
            "2017-09-30"
        );
        assert_eq!(
            one("revenue in 2023 was", "2025-01-22"),
            ("2023".into(), "2023-01-01".into(), "2023-12-31".into())
        );
    }

    #[test]
    fn datelines() {
        assert_eq!(
            dateline("Taipei [Wednesday 2 August 2017] Apple"),
            Some(d("2017-08-02"))
        );
        assert_eq!(
            dateline("— Elon Musk (@elonmusk) January 22, 2025"),
            Some(d("2025-01-22"))
        );
        assert_eq!(dateline("2025-03-18 19:03:46"), Some(d("2025-03-18")));
        assert_eq!(dateline("no date here, 2024年 only"), None);
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
