//! The figures of record: the ledger of reported figures, the aliases of
//! its names and FX rates.
//!
//! A ledger is read from hand-written CSV files ([`Ledger::from_csv`]) and
//! from SEC XBRL companyfacts JSON ([`companyfacts`]), one or several at
//! once ([`LedgerBuilder`]). Every row has a real period: an end date and,
//! for a flow (revenue, cash from operations), a start date, classed as a
//! quarter, half, nine months or year ([`Length`]) and placed in its
//! company's fiscal calendar ([`Calendar`], [`Fiscal`]).
//!
//! A figure filed more than once (a comparative in a later report, a
//! restatement, a stock split) is one row: its value is the latest filing's,
//! and the earlier values that were changed are kept with their filings
//! ([`LedgerRow::earlier`]), so that a claim matching only the figure first
//! reported can say so.
//!
//! All loaders check every row and return every problem at once (file, line
//! and column each), so a user can fix a file in one pass. Nothing is
//! dropped silently: a row is either loaded or reported.

mod aliases;
pub mod companyfacts;
mod csv;
mod filings;
pub(crate) mod fiscal;
mod fx;
mod table;

pub use aliases::{Alias, AliasKind, Aliases};
pub use csv::{parse_decimal, parse_scale};
pub use filings::LoadReport;
pub use fiscal::{Calendar, Fiscal, Length};
pub use fx::{FxQuote, FxRates};

use crate::date::Date;
use crate::error::{Error, ErrorKind};
use crate::fold::fold;
use crate::hash::FastMap;
use crate::normalize::Currency;
use rust_decimal::Decimal;
use serde::Serialize;
use std::path::Path;
use std::sync::Arc;

/// What a ledger value is measured in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(into = "String")]
#[non_exhaustive]
pub enum Unit {
    /// A currency amount.
    Currency(Currency),
    /// A percentage or ratio, in percent (XBRL `pure` 0.3 is 30).
    Percent,
    /// An amount per share (XBRL `USD/shares`): earnings or dividends per
    /// share. Never compared with a total amount.
    PerShare(Currency),
    /// A number of shares (XBRL `shares`): not money.
    Shares,
}

impl From<Unit> for String {
    fn from(u: Unit) -> String {
        u.to_string()
    }
}

impl std::fmt::Display for Unit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unit::Currency(c) => write!(f, "{c}"),
            Unit::Percent => f.write_str("%"),
            Unit::PerShare(c) => write!(f, "{c}/shares"),
            Unit::Shares => f.write_str("shares"),
        }
    }
}

impl Unit {
    /// Reads a ledger `unit` field: an ISO 4217 code, `%` (or `percent`),
    /// `XXX/shares` (or `XXX/share`) and `shares`.
    ///
    /// # Errors
    /// [`ErrorKind::UnknownCurrency`] for an unknown code.
    pub fn parse(s: &str) -> Result<Unit, Error> {
        let s = s.trim();
        if s == "%" || s.eq_ignore_ascii_case("percent") {
            return Ok(Unit::Percent);
        }
        if s.eq_ignore_ascii_case("shares") {
            return Ok(Unit::Shares);
        }
        let per_share = s
            .strip_suffix("/shares")
            .or_else(|| s.strip_suffix("/share"));
        match per_share {
            Some(code) => Ok(Unit::PerShare(Currency::from_code(code)?)),
            None => Ok(Unit::Currency(Currency::from_code(s)?)),
        }
    }

    /// The currency of an amount or a per-share amount.
    pub fn currency(self) -> Option<Currency> {
        match self {
            Unit::Currency(c) | Unit::PerShare(c) => Some(c),
            _ => None,
        }
    }
}

/// The filing a figure comes from.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Filing {
    /// The form: 10-K, 10-Q, 20-F, 6-K, 10-K/A …
    pub form: String,
    /// The accession number, `0000320193-17-000009`.
    pub accn: String,
    /// The filing date.
    pub filed: Date,
    /// The filer's SEC CIK, when known.
    pub cik: Option<u64>,
}

impl Filing {
    /// The filing's index page on EDGAR, when the CIK is known:
    /// `https://www.sec.gov/Archives/edgar/data/320193/000032019317000009/0000320193-17-000009-index.htm`.
    pub fn url(&self) -> Option<String> {
        let cik = self.cik?;
        let digits: String = self.accn.chars().filter(char::is_ascii_digit).collect();
        (digits.len() == 18).then(|| {
            format!(
                "https://www.sec.gov/Archives/edgar/data/{cik}/{digits}/{}-index.htm",
                self.accn
            )
        })
    }

    /// Whether the form is an annual report (10-K, 20-F, 40-F and their
    /// amendments).
    pub fn is_annual(&self) -> bool {
        let base = self.form.trim_end_matches("/A");
        matches!(base, "10-K" | "20-F" | "40-F" | "10-KT")
    }
}

impl std::fmt::Display for Filing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} filed {}", self.form, self.accn, self.filed)
    }
}

/// An earlier value of a row, changed by a later filing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Version {
    /// The value as then reported.
    #[serde(with = "rust_decimal::serde::str")]
    pub value: Decimal,
    /// The filing that reported it.
    pub filing: Option<Filing>,
    /// Line of that figure in its file (1-based).
    pub line: usize,
}

/// One reported figure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LedgerRow {
    /// The entity as the ledger names it ("SoftBank Group", "Apple Inc.").
    pub entity: String,
    /// The metric as the ledger names it ("cash and cash equivalents").
    pub metric: String,
    /// First day of a flow's period; none for a point-in-time figure (or
    /// when a hand-written ledger does not say).
    pub start: Option<Date>,
    /// The period's last day, or the as-of date.
    pub end: Date,
    /// The full value (scale applied), exact: the latest filing's.
    #[serde(with = "rust_decimal::serde::str")]
    pub value: Decimal,
    /// Currency, percent, per share or shares.
    pub unit: Unit,
    /// Where the figure comes from.
    pub source: Option<String>,
    /// A free note.
    pub note: Option<String>,
    /// The XBRL concept, `us-gaap:Revenues`.
    pub concept: Option<String>,
    /// The filing of the value (the latest one that reported it).
    pub filing: Option<Filing>,
    /// How a derived value was computed ("Q4 = FY − nine months …").
    pub derived: Option<String>,
    /// Earlier values that later filings changed, oldest first (the first
    /// is the figure as first reported).
    pub earlier: Vec<Version>,
    /// How long the period is.
    pub length: Length,
    /// Where the period sits in the company's fiscal calendar, when the
    /// ledger shows the calendar.
    pub fiscal: Option<Fiscal>,
    /// The file the row was read from.
    #[serde(serialize_with = "serialize_arc_str")]
    pub file: Arc<str>,
    /// Line in that file (1-based).
    pub line: usize,
}

fn serialize_arc_str<S: serde::Serializer>(s: &Arc<str>, ser: S) -> Result<S::Ok, S::Error> {
    ser.serialize_str(s)
}

impl LedgerRow {
    /// A row with only the required fields; the others are empty.
    pub fn new(
        entity: impl Into<String>,
        metric: impl Into<String>,
        end: Date,
        value: Decimal,
        unit: Unit,
    ) -> LedgerRow {
        LedgerRow {
            entity: entity.into(),
            metric: metric.into(),
            start: None,
            end,
            value,
            unit,
            source: None,
            note: None,
            concept: None,
            filing: None,
            derived: None,
            earlier: Vec::new(),
            length: Length::Instant,
            fiscal: None,
            file: Arc::from(""),
            line: 0,
        }
    }

    /// The value first reported: the oldest earlier value, else the value.
    pub fn first_reported(&self) -> (Decimal, Option<&Filing>) {
        match self.earlier.first() {
            Some(v) => (v.value, v.filing.as_ref()),
            None => (self.value, self.filing.as_ref()),
        }
    }

    /// "2017-04-02 to 2017-07-01 (quarter, FY2017 Q3)", or "2024-09-30".
    pub fn period_words(&self) -> String {
        let fiscal = self.fiscal.map(|f| f.name(self.length));
        match (self.start, fiscal) {
            (Some(s), Some(f)) => format!("{s} to {} ({}, {f})", self.end, self.length),
            (Some(s), None) => format!("{s} to {} ({})", self.end, self.length),
            (None, _) => self.end.to_string(),
        }
    }
}

/// What is known of a ledger row that could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RejectedRow {
    /// The entity as written ("" when empty).
    pub entity: String,
    /// The metric as written ("" when empty).
    pub metric: String,
    /// The period end, when it could be read.
    pub period: Option<Date>,
    /// The ledger file.
    pub file: String,
    /// Line in the ledger file (1-based).
    pub line: usize,
}

impl RejectedRow {
    fn of(row: &LedgerRow) -> RejectedRow {
        RejectedRow {
            entity: row.entity.clone(),
            metric: row.metric.clone(),
            period: Some(row.end),
            file: row.file.to_string(),
            line: row.line,
        }
    }
}

/// Entity and metric names, folded, as small numbers: a million-row ledger
/// names a few thousand things, so rows are indexed by number, and each
/// distinct spelling is folded once.
#[derive(Clone, Debug, Default)]
struct Names {
    /// folded name → id
    folded: FastMap<String, usize>,
    /// name as written → id (while loading; emptied after)
    written: FastMap<String, usize>,
}

impl Names {
    /// The id of a name as written in the file.
    fn id(&mut self, name: &str) -> usize {
        if let Some(&id) = self.written.get(name) {
            return id;
        }
        let next = self.folded.len();
        let id = *self.folded.entry(fold(name)).or_insert(next);
        self.written.insert(name.to_string(), id);
        id
    }

    /// The id of a name, compared folded, if the ledger has it.
    fn get(&self, name: &str) -> Option<usize> {
        self.folded.get(&fold(name)).copied()
    }
}

/// What one companyfacts file gave: the counts a user can check the
/// import by.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ImportStats {
    /// The file.
    pub path: String,
    /// The filer's `entityName`.
    pub entity: String,
    /// The filer's CIK.
    pub cik: Option<u64>,
    /// Facts read (every fact of every taxonomy).
    pub facts: usize,
    /// Facts used as ledger figures (before repeats of one figure merge).
    pub used: usize,
    /// Facts left out, by reason ("form 8-K", "taxonomy srt", "unit Store", …), sorted.
    pub skipped: Vec<(String, usize)>,
    /// For each reason, where the first fact skipped for it is
    /// (`file:line:col: facts.us-gaap.NumberOfStores.units.Store[0]`), sorted.
    pub first_skipped: Vec<(String, String)>,
    /// Figures derived (fourth quarters).
    pub derived: usize,
    /// The newest filing date seen.
    pub newest_filed: Option<Date>,
}

impl ImportStats {
    /// Facts skipped, all reasons together.
    pub fn skipped_total(&self) -> usize {
        self.skipped.iter().map(|(_, n)| n).sum()
    }
}

/// Collects rows from any number of files, then builds one [`Ledger`]:
/// the rows for one figure are merged (see [`LedgerBuilder::build`]).
#[derive(Debug, Default)]
pub struct LedgerBuilder {
    rows: Vec<LedgerRow>,
    rejected: Vec<RejectedRow>,
    errors: Vec<Error>,
    warnings: Vec<Error>,
    imports: Vec<ImportStats>,
    /// Entities whose fourth quarters are derived (the filings ledgers).
    derive_q4: Vec<String>,
    /// File names, in the order added (to sort messages by file).
    files: Vec<Arc<str>>,
    /// Filers of directories and archives, loaded when first needed.
    filers: Vec<filings::Entry>,
}

/// A table, with the errors of its bad rows; or every error of a table that
/// cannot be used.
pub type Partial<T> = Result<(T, Vec<Error>), Vec<Error>>;

/// Whether `text` (a file's contents) is JSON rather than CSV: its first
/// non-blank character is `{` or `[`.
pub fn looks_like_json(text: &str) -> bool {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    t.starts_with('{') || t.starts_with('[')
}

/// Whether `path` is read as JSON (by extension; else by content).
fn is_json(path: &Path, text: &str) -> bool {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("json") => true,
        Some("csv") => false,
        _ => looks_like_json(text),
    }
}

impl LedgerBuilder {
    /// An empty builder.
    pub fn new() -> LedgerBuilder {
        LedgerBuilder::default()
    }

    fn file(&mut self, path: &str) -> Arc<str> {
        if let Some(f) = self.files.iter().find(|f| &***f == path) {
            return f.clone();
        }
        let f: Arc<str> = Arc::from(path);
        self.files.push(f.clone());
        f
    }

    /// Adds a ledger file: companyfacts JSON (by the `.json` extension, or
    /// by content when the extension is neither `.json` nor `.csv`) or CSV.
    /// Returns the errors of its bad rows or facts (the good ones are
    /// added).
    ///
    /// # Errors
    /// When the file cannot be used at all (unreadable, not UTF-8, empty, a
    /// required column missing, not companyfacts): every such problem.
    pub fn add_file(&mut self, path: &Path) -> Result<Vec<Error>, Vec<Error>> {
        if path.is_dir() {
            return self.add_directory(path);
        }
        #[cfg(feature = "zip")]
        if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("zip"))
        {
            return self.add_zip(path);
        }
        let name = path.display().to_string();
        let bytes = table::read_bytes(path).map_err(|e| vec![e])?;
        self.add_bytes(&bytes, &name)
    }

    /// Adds the contents of a ledger file named `name`, read elsewhere (a
    /// file shipped to a Spark executor, say): companyfacts JSON or CSV,
    /// decided as [`LedgerBuilder::add_file`] decides. Returns the errors of
    /// its bad rows or facts.
    ///
    /// # Errors
    /// When the contents cannot be used at all (not UTF-8, empty, a required
    /// column missing, not companyfacts): every such problem.
    pub fn add_bytes(&mut self, bytes: &[u8], name: &str) -> Result<Vec<Error>, Vec<Error>> {
        let head = &bytes[..bytes.len().min(4096)];
        if is_json(Path::new(name), &String::from_utf8_lossy(head)) {
            return self.add_companyfacts_bytes(bytes, name).map(|s| s.1);
        }
        let text = std::str::from_utf8(bytes)
            .map_err(|e| vec![Error::invalid_utf8(name, bytes, 0, e.valid_up_to(), 1)])?;
        self.add_csv(text, name)
    }

    /// Adds a directory of companyfacts files (every `.json` file under it):
    /// only the head of each is read now, for its `cik` and `entityName`;
    /// a filer's facts are read when a claim first needs them (see
    /// [`Ledger::take_load_reports`]). Returns the errors of files whose head
    /// is not companyfacts (the others are used).
    ///
    /// # Errors
    /// When the directory cannot be read.
    pub fn add_directory(&mut self, dir: &Path) -> Result<Vec<Error>, Vec<Error>> {
        let (entries, mut errors, others) = filings::index_directory(dir)?;
        if others > 0 {
            self.warnings.push(
                Error::new(ErrorKind::NotCompanyfacts {
                    found: format!(
                        "{others} file{} not ending in .json, not read",
                        if others == 1 { "" } else { "s" }
                    ),
                })
                .with_path(dir.display().to_string()),
            );
        }
        if entries.is_empty() && errors.is_empty() {
            errors.push(
                Error::new(ErrorKind::NotCompanyfacts {
                    found: "a directory with no .json file".into(),
                })
                .with_path(dir.display().to_string()),
            );
            return Err(errors);
        }
        self.filers.extend(entries);
        Ok(errors)
    }

    /// Adds SEC's bulk `companyfacts.zip` (or any zip of companyfacts
    /// files), read as a directory is (see [`LedgerBuilder::add_directory`]);
    /// an entry that is not a `.json` file is an error naming it.
    ///
    /// # Errors
    /// When the file cannot be read or is not a zip archive.
    #[cfg(feature = "zip")]
    pub fn add_zip(&mut self, path: &Path) -> Result<Vec<Error>, Vec<Error>> {
        let (entries, errors) = filings::index_zip(path)?;
        self.filers.extend(entries);
        Ok(errors)
    }

    /// Adds the rows of a ledger CSV text; `path` names it in errors.
    /// Returns the errors of its bad rows (the good rows are added).
    ///
    /// # Errors
    /// When the table cannot be used at all (empty, a required column
    /// missing or given twice): every such problem, located.
    pub fn add_csv(&mut self, text: &str, path: &str) -> Result<Vec<Error>, Vec<Error>> {
        let file = self.file(path);
        let (rows, rejected, errors, warnings) =
            csv::read(text, path, file).map_err(|e| table::capped(e, path))?;
        self.rows.extend(rows);
        self.rejected.extend(rejected);
        self.warnings.extend(table::capped(warnings, path));
        Ok(table::capped(errors, path))
    }

    /// Adds the facts of a companyfacts JSON file (see [`companyfacts`]).
    /// Returns what was imported and the errors of bad facts (the good
    /// facts are added).
    ///
    /// # Errors
    /// When the file is not companyfacts JSON at all.
    pub fn add_companyfacts(
        &mut self,
        text: &str,
        path: &str,
    ) -> Result<(ImportStats, Vec<Error>), Vec<Error>> {
        self.add_companyfacts_bytes(text.as_bytes(), path)
    }

    /// Adds the facts of a companyfacts file's bytes (invalid UTF-8 is
    /// reported and read as replacement characters: the facts around it
    /// still count). See [`LedgerBuilder::add_companyfacts`].
    ///
    /// # Errors
    /// When the file is not companyfacts JSON at all.
    pub fn add_companyfacts_bytes(
        &mut self,
        bytes: &[u8],
        path: &str,
    ) -> Result<(ImportStats, Vec<Error>), Vec<Error>> {
        let file = self.file(path);
        let import = companyfacts::read(bytes, path, file)?;
        let companyfacts::Import {
            rows,
            stats,
            errors,
            warnings,
        } = import;
        if !self.derive_q4.contains(&stats.entity) {
            self.derive_q4.push(stats.entity.clone());
        }
        self.rows.extend(rows);
        self.warnings.extend(warnings);
        self.imports.push(stats.clone());
        Ok((stats, errors))
    }

    /// Adds one row as it is.
    pub fn push(&mut self, row: LedgerRow) {
        self.rows.push(row);
    }

    /// Builds the ledger, with the errors found while merging.
    ///
    /// The rows for one figure (entity, metric, start, end and unit) are
    /// merged into one:
    /// - rows with filings (imported from companyfacts, or with a `filed`
    ///   column) are versions: ordered by filing date, the latest value is
    ///   the row's value and each earlier value that a later filing changed
    ///   is kept in [`LedgerRow::earlier`];
    /// - rows without filings must agree: repeats of one value are merged
    ///   with a warning; rows that disagree are all left out with an error
    ///   each (which one is right is not for figcheck to guess), and what is
    ///   known of them stays in [`Ledger::rejected`];
    /// - rows of one figure from two XBRL concepts are never mixed: the
    ///   concept filed most recently keeps the metric's name, the other
    ///   rows are named by their concept (`us-gaap:SalesRevenueNet`).
    ///
    /// Then, for companyfacts filers, each fourth quarter not filed as
    /// such is derived as the year minus the nine months (same concept,
    /// unit and start; marked [`LedgerRow::derived`]), and every row is
    /// placed in its company's fiscal calendar.
    pub fn build(self) -> (Ledger, Vec<Error>) {
        build::build(self)
    }
}

mod build;

/// The reported figures, indexed by (entity, metric).
#[derive(Clone, Debug, Default)]
pub struct Ledger {
    rows: Vec<LedgerRow>,
    names: Names,
    /// (entity, metric) → row indices sorted by (end, start)
    index: FastMap<(usize, usize), Vec<usize>>,
    /// rows that could not be loaded, in file order
    rejected: Vec<RejectedRow>,
    /// (entity, metric) → indices into `rejected`
    rejected_index: FastMap<(usize, usize), Vec<usize>>,
    warnings: Vec<Error>,
    /// entity id → its fiscal calendar
    calendars: FastMap<usize, Calendar>,
    imports: Vec<ImportStats>,
    /// Filers of directories and archives, read when first needed.
    lazy: Arc<filings::Lazy>,
}

impl Ledger {
    /// Loads a ledger file, CSV or companyfacts JSON (see
    /// [`LedgerBuilder::add_file`]). Strict: any bad row fails the whole
    /// table.
    ///
    /// # Errors
    /// Every problem found, each with file, line and column.
    pub fn load(path: &Path) -> Result<Ledger, crate::error::Errors> {
        table::strict(Ledger::load_partial(path))
    }

    /// Loads a ledger file, CSV or companyfacts JSON, keeping the good rows
    /// when some are bad.
    ///
    /// # Errors
    /// When the file cannot be used at all (unreadable, not UTF-8, empty, a
    /// required column missing, not companyfacts): every such problem, located.
    pub fn load_partial(path: &Path) -> Partial<Ledger> {
        let mut b = LedgerBuilder::new();
        let errors = b.add_file(path)?;
        let (ledger, more) = b.build();
        Ok((ledger, in_file_order(errors, more)))
    }

    /// Parses a ledger from CSV text; `path` names it in errors. Strict: any
    /// bad row fails the whole table (see [`Ledger::from_csv_partial`] to
    /// keep the good rows).
    ///
    /// # Errors
    /// Every problem found, each with file, line and column.
    ///
    /// ```
    /// use figcheck::Ledger;
    /// let csv = "entity,metric,period,value,unit,scale\nSoftBank Group,cash,2024-09-30,\"3,542,000\",JPY,million\n";
    /// let ledger = Ledger::from_csv(csv, "ledger.csv").map_err(|e| e[0].clone())?;
    /// assert_eq!(ledger.rows()[0].value.to_string(), "3542000000000");
    /// # Ok::<(), figcheck::Error>(())
    /// ```
    pub fn from_csv(text: &str, path: &str) -> Result<Ledger, crate::error::Errors> {
        table::strict(Ledger::from_csv_partial(text, path))
    }

    /// Parses a ledger from CSV text, keeping every good row: the ledger of
    /// the rows that loaded, and an error for each row that did not (file,
    /// line and column). A bad row is never used, and neither is any row
    /// that another row for the same entity, metric and period contradicts;
    /// what is known of them stays in [`Ledger::rejected`], so that a claim
    /// they would have covered can say so.
    ///
    /// # Errors
    /// When the file cannot be used at all (empty, a required column missing
    /// or given twice): every such problem, located.
    ///
    /// ```
    /// use figcheck::Ledger;
    /// let csv = "entity,metric,period,value,unit\nArm,market value,2025-01-21,160000000000,USD\nArm,revenue,2025-01-21,lots,USD\n";
    /// let (ledger, errors) = Ledger::from_csv_partial(csv, "ledger.csv").map_err(|e| e[0].clone())?;
    /// assert_eq!(ledger.rows().len(), 1);
    /// assert_eq!(errors[0].to_string(), "ledger.csv:3:24: invalid amount \"lots\": expected an exact decimal such as 1234.5 or 1,234.5");
    /// assert_eq!(ledger.rejected()[0].line, 3);
    /// # Ok::<(), figcheck::Error>(())
    /// ```
    pub fn from_csv_partial(text: &str, path: &str) -> Partial<Ledger> {
        let mut b = LedgerBuilder::new();
        let errors = b.add_csv(text, path)?;
        let (ledger, more) = b.build();
        Ok((ledger, in_file_order(errors, more)))
    }

    /// Parses a ledger from companyfacts JSON text, keeping every good fact
    /// (see [`companyfacts`]).
    ///
    /// # Errors
    /// When the text is not companyfacts JSON at all.
    pub fn from_companyfacts_partial(text: &str, path: &str) -> Partial<Ledger> {
        let mut b = LedgerBuilder::new();
        let (_, errors) = b.add_companyfacts(text, path)?;
        let (ledger, more) = b.build();
        Ok((ledger, in_file_order(errors, more)))
    }

    /// The rows that could not be loaded (see [`Ledger::from_csv_partial`]),
    /// in file order.
    pub fn rejected(&self) -> &[RejectedRow] {
        &self.rejected
    }

    /// Writes the rows as a ledger CSV (every column: `entity, metric,
    /// start, period, value, unit, length, fiscal, concept, form, accn,
    /// filed, cik, derived, source, note`), one line per version of a figure
    /// (earlier values first, each with its filing), which loads back to the
    /// same ledger.
    ///
    /// # Errors
    /// Only the writer's.
    pub fn write_csv<W: std::io::Write>(&self, out: W) -> std::io::Result<()> {
        let mut rows: Vec<&LedgerRow> = self.rows.iter().collect();
        for f in self.lazy.filers() {
            if let Some(l) = self.lazy.loaded(f) {
                rows.extend(l.rows());
            }
        }
        csv::write(&rows, out)
    }

    /// The rejected rows for one entity and metric (names compared folded).
    pub fn rejected_for(&self, entity: &str, metric: &str) -> Vec<&RejectedRow> {
        let mut v: Vec<&RejectedRow> = self
            .key(entity, metric)
            .and_then(|k| self.rejected_index.get(&k))
            .map(|v| v.iter().map(|&i| &self.rejected[i]).collect())
            .unwrap_or_default();
        if let Some((l, name)) = self.filer_ledger(entity) {
            v.extend(l.rejected_for(name, metric));
        }
        v
    }

    /// The ledger of a filer of a directory or archive (named, or by its
    /// CIK), read now if it was not yet, and the filer's name in it.
    fn filer_ledger(&self, entity: &str) -> Option<(&Ledger, &str)> {
        let f = self.lazy.filer(entity)?;
        Some((self.lazy.ledger(f), f.name.as_str()))
    }

    /// How many figures the ledger holds, and how many values with their
    /// earlier versions (the lines of [`Ledger::write_csv`]), the filers
    /// read so far included.
    pub fn counts(&self) -> (usize, usize) {
        let mut all: Vec<&[LedgerRow]> = vec![&self.rows];
        for f in self.lazy.filers() {
            if let Some(l) = self.lazy.loaded(f) {
                all.push(l.rows());
            }
        }
        let figures = all.iter().map(|r| r.len()).sum();
        let versions = all
            .iter()
            .flat_map(|r| r.iter())
            .map(|r| r.earlier.len() + 1)
            .sum();
        (figures, versions)
    }

    /// Reads every filer of the directories and archives now (for an
    /// import of all of them).
    pub fn load_all(&self) {
        for f in self.lazy.filers() {
            self.lazy.ledger(f);
        }
    }

    /// What each filer loaded since the last call gave (its files' counts
    /// and problems), for the caller to report.
    pub fn take_load_reports(&self) -> Vec<LoadReport> {
        self.lazy.take_reports()
    }

    /// Filers of directories and archives: how many are known, and how
    /// many were read.
    pub fn filers(&self) -> (usize, usize) {
        let all = self.lazy.filers();
        let loaded = all.iter().filter(|f| self.lazy.loaded(f).is_some()).count();
        (all.len(), loaded)
    }

    fn key(&self, entity: &str, metric: &str) -> Option<(usize, usize)> {
        Some((self.names.get(entity)?, self.names.get(metric)?))
    }

    /// All rows, in file order (derived rows after the rows they come from).
    pub fn rows(&self) -> &[LedgerRow] {
        &self.rows
    }

    /// Problems that did not stop loading (unknown columns, repeated identical rows).
    pub fn warnings(&self) -> &[Error] {
        &self.warnings
    }

    /// What each companyfacts file gave, in the order loaded.
    pub fn imports(&self) -> &[ImportStats] {
        &self.imports
    }

    /// The rows for one entity and metric (names compared folded), oldest
    /// end first (for one end, the shorter span first).
    ///
    /// A filer of a directory or archive is read the first time its rows
    /// are asked for.
    pub fn series(&self, entity: &str, metric: &str) -> Vec<&LedgerRow> {
        let mut v: Vec<&LedgerRow> = self
            .key(entity, metric)
            .and_then(|k| self.index.get(&k))
            .map(|v| v.iter().map(|&i| &self.rows[i]).collect())
            .unwrap_or_default();
        if let Some((l, name)) = self.filer_ledger(entity) {
            let more = l.series(name, metric);
            if !more.is_empty() {
                v.extend(more);
                v.sort_by_key(|r| (r.end, r.start.is_some(), std::cmp::Reverse(r.start)));
            }
        }
        v
    }

    /// The newest filing date in the companyfacts files of an entity (what
    /// the ledger knows up to: companyfacts can lag a filing).
    pub fn newest_filed(&self, entity: &str) -> Option<Date> {
        let own = self
            .imports
            .iter()
            .filter(|s| fold(&s.entity) == fold(entity))
            .filter_map(|s| s.newest_filed)
            .max();
        let filer = self.lazy.filer(entity).and_then(|f| {
            let l = self.lazy.loaded(f)?;
            l.imports.iter().filter_map(|s| s.newest_filed).max()
        });
        own.max(filer)
    }

    /// The fiscal calendar of an entity, when its rows show one.
    pub fn calendar(&self, entity: &str) -> Option<&Calendar> {
        match self.names.get(entity).and_then(|e| self.calendars.get(&e)) {
            Some(c) => Some(c),
            None => {
                let (l, name) = self.filer_ledger(entity)?;
                l.calendar(name)
            }
        }
    }

    /// The distinct entity names (with the filers of directories and
    /// archives, read or not).
    pub fn entities(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.rows.iter().map(|r| r.entity.as_str()).collect();
        v.extend(self.lazy.filers().iter().map(|f| f.name.as_str()));
        v.sort_unstable();
        v.dedup();
        v
    }

    /// The SEC CIK of each entity whose figures come with one (companyfacts
    /// files, ledger rows with a `cik`, the filers of directories and
    /// archives), with the entity's name, sorted by CIK.
    pub fn ciks(&self) -> Vec<(u64, &str)> {
        let mut v: Vec<(u64, &str)> = self
            .imports
            .iter()
            .filter_map(|s| Some((s.cik?, s.entity.as_str())))
            .collect();
        let mut last: Option<(u64, &str)> = None;
        for r in &self.rows {
            if let Some(c) = r.filing.as_ref().and_then(|f| f.cik) {
                if last != Some((c, r.entity.as_str())) {
                    last = Some((c, r.entity.as_str()));
                    v.push((c, r.entity.as_str()));
                }
            }
        }
        v.extend(
            self.lazy
                .filers()
                .iter()
                .filter_map(|f| Some((f.cik?, f.name.as_str()))),
        );
        v.sort_unstable();
        v.dedup();
        v
    }

    /// The distinct metric names (with every metric of the built-in table
    /// when filers of directories or archives are still to be read).
    pub fn metrics(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.rows.iter().map(|r| r.metric.as_str()).collect();
        if !self.lazy.is_empty() {
            v.extend(crate::names::metrics().iter().map(|m| m.name.as_str()));
        }
        v.sort_unstable();
        v.dedup();
        v
    }
}

/// The errors of one file's rows and of merging them, by line.
fn in_file_order(mut errors: Vec<Error>, more: Vec<Error>) -> Vec<Error> {
    errors.extend(more);
    errors.sort_by_key(|e| e.location().line);
    errors
}

/// An error at the start of line `line` of the file `path`.
fn at_line(kind: ErrorKind, path: &str, line: usize) -> Error {
    table::at_line(kind, path, line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_by_extension_or_content() {
        assert!(is_json(Path::new("x.json"), ""));
        assert!(!is_json(Path::new("x.csv"), "{"));
        assert!(is_json(Path::new("x"), "  {\"cik\": 1}"));
        let mut b = LedgerBuilder::new();
        let csv = "entity,metric,period,value,unit\nA,revenue,2024-12-31,5,USD\n";
        assert_eq!(b.add_bytes(csv.as_bytes(), "shipped"), Ok(Vec::new()));
        assert_eq!(b.build().0.rows().len(), 1);
        let bad = LedgerBuilder::new().add_bytes(b"entity\xff", "x.csv");
        assert!(bad.is_err_and(|e| e[0].to_string().contains("x.csv")));
    }
}
