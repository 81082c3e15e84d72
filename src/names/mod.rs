//! Built-in names, compiled in from data files in this directory.
//!
//! `metrics.csv` (documented in `src/names/README.md`) is the metric table:
//! each metric's canonical English name, its kind, the XBRL concepts it is
//! filed under in order of preference (filers switch concepts over time:
//! NVIDIA's revenue is `us-gaap:Revenues` in some years and
//! `us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax` in
//! others), and the phrasings news uses in English, simplified Chinese and
//! traditional Chinese.
//!
//! `companies.csv` (documented in `src/names/COMPANIES.md`) is the company
//! table: the names news uses for about 200 companies (English names,
//! tickers, simplified and traditional Chinese), keyed by SEC CIK.

use crate::hash::FastMap;
use std::sync::OnceLock;

mod companies;

pub use companies::{Company, NameCase, companies, company_by_cik, company_named};
pub(crate) use companies::{index_by_cik, index_folded};

const METRICS: &str = include_str!("metrics.csv");

/// What a metric measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MetricKind {
    /// An amount over a period (income statement, cash flow).
    Flow,
    /// An amount at a point in time (balance sheet).
    Stock,
    /// An amount per share.
    PerShare,
    /// A ratio or percentage.
    Ratio,
    /// A number of shares.
    Shares,
    /// Computed from other figures; no XBRL concept of its own.
    Derived,
}

/// What a figure of a metric is measured in: what a claim must be to be
/// checked against it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Measure {
    /// A money amount (flows, stocks, and amounts computed from them).
    Amount,
    /// Money per share (EPS, dividends per share, book value per share).
    PerShare,
    /// A ratio or percentage (margins, tax rates, return on equity).
    Ratio,
    /// A number of shares.
    Shares,
}

impl Metric {
    /// What the metric's figures are measured in. A derived metric is
    /// classed by its name: margins, rates and returns are ratios, "per
    /// share" is per share, the rest amounts.
    pub fn measure(&self) -> Measure {
        match self.kind {
            MetricKind::Flow | MetricKind::Stock => Measure::Amount,
            MetricKind::PerShare => Measure::PerShare,
            MetricKind::Ratio => Measure::Ratio,
            MetricKind::Shares => Measure::Shares,
            MetricKind::Derived => {
                let n = self.name.as_str();
                if n.contains("per share") {
                    Measure::PerShare
                } else if n.contains("margin") || n.contains("rate") || n.starts_with("return on") {
                    Measure::Ratio
                } else {
                    Measure::Amount
                }
            }
        }
    }

    /// Every phrasing: the canonical name, then English, simplified and
    /// traditional Chinese.
    pub fn phrasings(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str())
            .chain(self.en.iter().map(String::as_str))
            .chain(self.zh_hans.iter().map(String::as_str))
            .chain(self.zh_hant.iter().map(String::as_str))
    }
}

/// Corporate suffixes left off a filer's name in news, lower case.
const SUFFIXES: &[&str] = &[
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "co",
    "company",
    "companies",
    "ltd",
    "limited",
    "plc",
    "holdings",
    "holding",
    "group",
    "n.v",
    "nv",
    "s.a",
    "sa",
    "ag",
    "se",
    "llc",
    "l.p",
    "lp",
];

/// A company's name without its corporate suffixes, as news writes it:
/// "NVIDIA CORP" is NVIDIA, "Apple Inc." Apple, "TAIWAN SEMICONDUCTOR
/// MANUFACTURING CO LTD" Taiwan Semiconductor Manufacturing, "Alibaba Group
/// Holding Ltd" Alibaba, "Tesla, Inc." Tesla, "MICROSOFT CORP /WA/"
/// Microsoft (case kept as filed). A name that would be left empty is kept.
///
/// ```
/// use figcheck::names::short_name;
/// assert_eq!(short_name("NVIDIA CORP"), "NVIDIA");
/// assert_eq!(short_name("Tesla, Inc."), "Tesla");
/// assert_eq!(short_name("Alibaba Group Holding Ltd"), "Alibaba");
/// assert_eq!(short_name("Meta Platforms, Inc."), "Meta Platforms");
/// assert_eq!(short_name("MICROSOFT CORP /WA/"), "MICROSOFT");
/// assert_eq!(short_name("Taiwan Semiconductor Manufacturing Co Ltd"), "Taiwan Semiconductor Manufacturing");
/// assert_eq!(short_name("Inc."), "Inc.");
/// ```
pub fn short_name(name: &str) -> &str {
    let full = name.trim();
    let mut s = full;
    // SEC's state tags: "MICROSOFT CORP /WA/", "ARROW ELECTRONICS INC /NY/"
    if let Some(i) = s.rfind(" /") {
        if s.ends_with('/') && s.len() - i <= 6 {
            s = s[..i].trim_end();
        }
    }
    loop {
        let t = s.trim_end_matches(|c: char| c == '.' || c == ',' || c.is_whitespace());
        let Some(cut) = t
            .rfind(|c: char| c.is_whitespace() || c == ',')
            .map(|i| i + 1)
        else {
            return if s.len() < full.len() { t } else { full };
        };
        let word = t[cut..].trim_end_matches('.').to_ascii_lowercase();
        if !SUFFIXES.contains(&word.as_str()) {
            return t;
        }
        s = t[..cut].trim_end_matches(|c: char| c == ',' || c.is_whitespace());
        if s.is_empty() {
            return t;
        }
    }
}

/// The built-in metric named `name` (its canonical name, exactly).
///
/// ```
/// use figcheck::names::{metric, Measure};
/// assert_eq!(metric("gross margin").map(|m| m.measure()), Some(Measure::Ratio));
/// assert_eq!(metric("diluted earnings per share").map(|m| m.measure()), Some(Measure::PerShare));
/// assert!(metric("turnover").is_none());
/// ```
pub fn metric(name: &str) -> Option<&'static Metric> {
    let t = table();
    t.by_name.get(name).map(|&i| &t.metrics[i])
}

/// One metric of the built-in table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Metric {
    /// Canonical English name ("revenue").
    pub name: String,
    /// What it measures.
    pub kind: MetricKind,
    /// XBRL concepts, `taxonomy:Concept`, preferred first.
    pub concepts: Vec<String>,
    /// English phrasings.
    pub en: Vec<String>,
    /// Simplified Chinese phrasings.
    pub zh_hans: Vec<String>,
    /// Traditional Chinese phrasings (Taiwan and Hong Kong).
    pub zh_hant: Vec<String>,
}

struct Table {
    metrics: Vec<Metric>,
    /// concept → (metric index, rank among its concepts)
    concepts: FastMap<String, (usize, usize)>,
    /// canonical name → metric index
    by_name: FastMap<String, usize>,
}

fn split(s: &str, sep: char) -> Vec<String> {
    s.split(sep)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

fn kind(s: &str) -> Option<MetricKind> {
    Some(match s {
        "flow" => MetricKind::Flow,
        "stock" => MetricKind::Stock,
        "per_share" => MetricKind::PerShare,
        "ratio" => MetricKind::Ratio,
        "shares" => MetricKind::Shares,
        "derived" => MetricKind::Derived,
        _ => return None,
    })
}

/// The records of the table (the test below checks that every one reads).
fn records() -> impl Iterator<Item = csv::StringRecord> {
    csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(METRICS.as_bytes())
        .into_records()
        .filter_map(Result::ok)
}

/// One record as a metric; `None` when it is malformed (the test checks none is).
fn record(rec: &csv::StringRecord) -> Option<Metric> {
    if rec.len() != 6 {
        return None;
    }
    Some(Metric {
        name: rec[0].trim().to_string(),
        kind: kind(rec[1].trim())?,
        concepts: split(&rec[2], ' '),
        en: split(&rec[3], '|'),
        zh_hans: split(&rec[4], '|'),
        zh_hant: split(&rec[5], '|'),
    })
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut metrics: Vec<Metric> = Vec::new();
        let mut concepts = FastMap::default();
        let mut by_name = FastMap::default();
        for m in records().filter_map(|r| record(&r)) {
            by_name.entry(m.name.clone()).or_insert(metrics.len());
            for (rank, c) in m.concepts.iter().enumerate() {
                concepts.entry(c.clone()).or_insert((metrics.len(), rank));
            }
            metrics.push(m);
        }
        Table {
            metrics,
            concepts,
            by_name,
        }
    })
}

/// Every metric of the built-in table, in table order.
///
/// ```
/// let revenue = figcheck::names::metrics().iter().find(|m| m.name == "revenue").unwrap();
/// assert_eq!(revenue.concepts[0], "us-gaap:Revenues");
/// ```
pub fn metrics() -> &'static [Metric] {
    &table().metrics
}

/// Whether `words` (folded: case, full-width forms and Chinese script)
/// occur in any of `fields`.
fn contains_folded<'a>(fields: impl IntoIterator<Item = &'a str>, words: &str) -> bool {
    let w = crate::fold::fold(words.trim());
    fields
        .into_iter()
        .any(|f| crate::fold::fold(f).contains(w.as_str()))
}

/// The metrics of the table whose name, concepts or phrasings contain
/// `words` (case and script folded), in table order.
///
/// ```
/// let found = figcheck::names::find_metrics("毛利率");
/// assert!(found.iter().any(|m| m.name == "gross margin"));
/// ```
pub fn find_metrics(words: &str) -> Vec<&'static Metric> {
    metrics()
        .iter()
        .filter(|m| {
            contains_folded(
                m.phrasings().chain(m.concepts.iter().map(String::as_str)),
                words,
            )
        })
        .collect()
}

/// The companies of the table whose CIK, name, tickers or other names
/// contain `words` (case and script folded: "辉达" finds 輝達), in table
/// order.
///
/// ```
/// let found = figcheck::names::find_companies("辉达");
/// assert_eq!(found[0].name, "NVIDIA");
/// ```
pub fn find_companies(words: &str) -> Vec<&'static Company> {
    companies()
        .iter()
        .filter(|c| {
            let cik = c.cik.map(|k| k.to_string()).unwrap_or_default();
            contains_folded(
                c.names()
                    .map(|(n, _)| n)
                    .chain(std::iter::once(cik.as_str())),
                words,
            )
        })
        .collect()
}

/// The canonical metric a concept (`us-gaap:Revenues`) is filed for.
///
/// ```
/// assert_eq!(figcheck::names::metric_of_concept("us-gaap:SalesRevenueNet"), Some("revenue"));
/// assert_eq!(figcheck::names::metric_of_concept("us-gaap:NoSuchThing"), None);
/// ```
pub fn metric_of_concept(concept: &str) -> Option<&'static str> {
    let t = table();
    t.concepts
        .get(concept)
        .map(|&(m, _)| t.metrics[m].name.as_str())
}

/// Where `concept` stands among the concepts of `metric` (0 = preferred).
pub fn concept_rank(metric: &str, concept: &str) -> Option<usize> {
    let t = table();
    t.concepts
        .get(concept)
        .filter(|&&(m, _)| t.metrics[m].name == metric)
        .map(|&(_, r)| r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::FastSet;

    #[test]
    fn every_line_reads() {
        let mut names = FastSet::default();
        let mut seen = FastSet::default();
        let mut rdr = csv::Reader::from_reader(METRICS.as_bytes());
        let mut n = 0;
        for (i, rec) in rdr.records().enumerate() {
            let line = i + 2;
            let rec = rec.unwrap_or_else(|e| panic!("metrics.csv line {line}: {e}"));
            let m = record(&rec).unwrap_or_else(|| panic!("metrics.csv line {line}: {rec:?}"));
            assert!(
                names.insert(m.name.clone()),
                "line {line}: {} twice",
                m.name
            );
            for c in &m.concepts {
                assert!(
                    c.starts_with("us-gaap:")
                        || c.starts_with("ifrs-full:")
                        || c.starts_with("dei:"),
                    "line {line}: concept {c}"
                );
                assert!(
                    seen.insert(c.clone()),
                    "line {line}: concept {c} in two metrics"
                );
            }
            n += 1;
        }
        assert_eq!(metrics().len(), n);
        assert!(n >= 50, "{n} metrics");
    }

    #[test]
    fn concepts_map_to_metrics() {
        assert_eq!(metric_of_concept("us-gaap:Revenues"), Some("revenue"));
        assert_eq!(
            metric_of_concept("us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax"),
            Some("revenue")
        );
        assert_eq!(metric_of_concept("ifrs-full:Revenue"), Some("revenue"));
        assert_eq!(concept_rank("revenue", "us-gaap:Revenues"), Some(0));
        assert_eq!(concept_rank("net income", "us-gaap:Revenues"), None);
    }
}
