//! The built-in company table (`companies.csv`, documented in
//! `src/names/COMPANIES.md`): the names news uses for the companies it
//! covers most, keyed by SEC CIK where the company files with the SEC.

use crate::fold::fold;
use crate::hash::FastMap;
use std::sync::OnceLock;

const COMPANIES: &str = include_str!("companies.csv");

/// One company of the built-in table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Company {
    /// The SEC Central Index Key, when the company files with the SEC.
    pub cik: Option<u64>,
    /// The short English name news uses ("NVIDIA", "TSMC").
    pub name: String,
    /// Tickers, exact case, the US listing first ("TSM", "2330.TW").
    pub tickers: Vec<String>,
    /// Other English names and spellings, as written ("Nvidia").
    pub en: Vec<String>,
    /// Simplified Chinese names (英伟达).
    pub zh_hans: Vec<String>,
    /// Traditional Chinese names, Taiwan and Hong Kong (輝達, 英偉達).
    pub zh_hant: Vec<String>,
}

/// How a company's name must be written in the text to be taken for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum NameCase {
    /// As written, or in capitals ("Nvidia", "NVIDIA"; not "nvidia").
    AsWritten,
    /// Exactly as written: a ticker ("AAPL", not "Aapl").
    Exact,
    /// In any case: a Chinese name.
    Any,
}

impl Company {
    /// Every name of the company with how it must be written: the name,
    /// the other English names, the tickers, then the Chinese names.
    pub fn names(&self) -> impl Iterator<Item = (&str, NameCase)> {
        std::iter::once(self.name.as_str())
            .chain(self.en.iter().map(String::as_str))
            .map(|n| (n, NameCase::AsWritten))
            .chain(self.tickers.iter().map(|t| (t.as_str(), NameCase::Exact)))
            .chain(
                self.zh_hans
                    .iter()
                    .chain(&self.zh_hant)
                    .map(|n| (n.as_str(), NameCase::Any)),
            )
    }
}

struct Table {
    companies: Vec<Company>,
    by_cik: FastMap<u64, usize>,
    /// folded English name or ticker → company index
    by_name: FastMap<String, usize>,
}

fn split(s: &str) -> Vec<String> {
    s.split('|')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// One record as a company; `None` when it is malformed (the test checks
/// none is).
fn record(rec: &csv::StringRecord) -> Option<Company> {
    if rec.len() != 6 {
        return None;
    }
    let cik = match rec[0].trim() {
        "" => None,
        c => Some(c.parse().ok()?),
    };
    let name = rec[1].trim().to_string();
    if name.is_empty() {
        return None;
    }
    Some(Company {
        cik,
        name,
        tickers: split(&rec[2]),
        en: split(&rec[3]),
        zh_hans: split(&rec[4]),
        zh_hant: split(&rec[5]),
    })
}

fn records() -> impl Iterator<Item = csv::StringRecord> {
    csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(COMPANIES.as_bytes())
        .into_records()
        .filter_map(Result::ok)
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = Table {
            companies: Vec::new(),
            by_cik: FastMap::default(),
            by_name: FastMap::default(),
        };
        for c in records().filter_map(|r| record(&r)) {
            let i = t.companies.len();
            if let Some(k) = c.cik {
                t.by_cik.entry(k).or_insert(i);
            }
            for n in std::iter::once(&c.name).chain(&c.en).chain(&c.tickers) {
                t.by_name.entry(fold(n)).or_insert(i);
            }
            t.companies.push(c);
        }
        t
    })
}

/// Every company of the built-in table, in table order.
///
/// ```
/// let nvidia = figcheck::names::companies().iter().find(|c| c.name == "NVIDIA").unwrap();
/// assert_eq!(nvidia.cik, Some(1045810));
/// assert!(nvidia.zh_hans.iter().any(|n| n == "英伟达"));
/// assert!(nvidia.zh_hant.iter().any(|n| n == "輝達"));
/// ```
pub fn companies() -> &'static [Company] {
    &table().companies
}

/// The company of the table with SEC CIK `cik`.
///
/// ```
/// assert_eq!(figcheck::names::company_by_cik(320193).map(|c| c.name.as_str()), Some("Apple"));
/// ```
pub fn company_by_cik(cik: u64) -> Option<&'static Company> {
    let t = table();
    t.by_cik.get(&cik).map(|&i| &t.companies[i])
}

/// The company of the table one of whose English names or tickers is
/// `name` (compared folded: "nvidia" is NVIDIA), or is `name` without its
/// corporate suffixes ("NVIDIA CORP").
///
/// ```
/// use figcheck::names::company_named;
/// assert_eq!(company_named("NVIDIA CORP").map(|c| c.cik), Some(Some(1045810)));
/// assert_eq!(company_named("Taiwan Semiconductor Manufacturing Co Ltd").map(|c| c.name.as_str()), Some("TSMC"));
/// assert!(company_named("Acme Widgets").is_none());
/// ```
pub fn company_named(name: &str) -> Option<&'static Company> {
    let t = table();
    let get = |n: &str| t.by_name.get(&fold(n)).map(|&i| &t.companies[i]);
    get(name).or_else(|| get(super::short_name(name)))
}

/// The place in [`companies`] of the company with CIK `cik`.
pub(crate) fn index_by_cik(cik: u64) -> Option<usize> {
    table().by_cik.get(&cik).copied()
}

/// The place in [`companies`] of the company [`company_named`] a name, given
/// folded, with its short name ([`super::short_name`]) folded.
pub(crate) fn index_folded(name: &str, short: &str) -> Option<usize> {
    let t = table();
    t.by_name
        .get(name)
        .or_else(|| t.by_name.get(short))
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::FastSet;

    #[test]
    fn every_line_reads_and_no_name_is_two_companies() {
        let mut rdr = csv::Reader::from_reader(COMPANIES.as_bytes());
        assert_eq!(
            rdr.headers().expect("header").iter().collect::<Vec<_>>(),
            ["cik", "name", "tickers", "en", "zh_hans", "zh_hant"]
        );
        let mut ciks = FastSet::default();
        let mut names: FastMap<String, String> = FastMap::default();
        let mut n = 0;
        for (i, rec) in rdr.records().enumerate() {
            let line = i + 2;
            let rec = rec.unwrap_or_else(|e| panic!("companies.csv line {line}: {e}"));
            let c = record(&rec).unwrap_or_else(|| panic!("companies.csv line {line}: {rec:?}"));
            if let Some(k) = c.cik {
                assert!(ciks.insert(k), "line {line}: CIK {k} twice");
            }
            for (name, case) in c.names() {
                assert_eq!(name, name.trim(), "line {line}: spaces around {name:?}");
                match case {
                    NameCase::Any => assert!(
                        name.chars().count() >= 2,
                        "line {line}: one-character name {name}"
                    ),
                    _ => assert!(name.len() >= 2, "line {line}: one-letter name {name}"),
                }
                // tickers and English names compare exactly; Chinese names folded
                let key = match case {
                    NameCase::Any => fold(name),
                    _ => name.to_string(),
                };
                if let Some(other) = names.insert(key, c.name.clone()) {
                    assert_eq!(other, c.name, "line {line}: {name} is two companies");
                }
            }
            n += 1;
        }
        assert_eq!(companies().len(), n);
        assert!(n >= 200, "{n} companies");
    }

    #[test]
    fn looked_up_by_cik_and_by_name() {
        assert_eq!(
            company_by_cik(1045810).map(|c| c.name.as_str()),
            Some("NVIDIA")
        );
        assert_eq!(
            company_named("Apple Inc.").map(|c| c.cik),
            Some(Some(320193))
        );
        assert_eq!(
            company_named("AAPL").map(|c| c.name.as_str()),
            Some("Apple")
        );
        assert!(company_by_cik(1).is_none());
    }
}
