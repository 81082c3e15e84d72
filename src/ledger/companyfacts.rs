//! SEC XBRL companyfacts JSON as ledger rows.
//!
//! The format is SEC's `data.sec.gov/api/xbrl/companyfacts/CIK##########.json`
//! (one filer; the nightly `companyfacts.zip` holds one such file per filer):
//!
//! ```text
//! {"cik": 320193, "entityName": "Apple Inc.",
//!  "facts": {"us-gaap": {"Revenues": {"label": …, "units": {"USD": [
//!     {"start": "2016-09-25", "end": "2017-09-30", "val": 229234000000,
//!      "accn": "0000320193-17-000070", "fy": 2017, "fp": "FY", "form": "10-K",
//!      "filed": "2017-11-03", "frame": "CY2017"}, …]}}}}}
//! ```
//!
//! How facts become rows:
//! - `val` is read from the JSON text into an exact `Decimal` (never through
//!   a float): `229234000000`, `2.94`, `6e-06` all exactly.
//! - `cik` may be a number or a string; any of the taxonomies `us-gaap`,
//!   `ifrs-full` and `dei` may be missing. Facts of other taxonomies (`srt`,
//!   `ecd`, `invest` …) are counted and skipped.
//! - Only periodic reports give figures: 10-K, 10-Q, 20-F, 40-F, 6-K (and
//!   10-KT, 10-QT) and their amendments. Facts from other forms (8-K, DEF 14A,
//!   424B5 …) are counted and skipped.
//! - Units: an ISO 4217 code is an amount; `XXX/shares` an amount per share;
//!   `shares` a share count; `pure` a ratio, stored in percent (0.3 is 30%).
//!   Other units (`Store`, `USD/bbl` …) are counted and skipped.
//! - The metric is the built-in name of the concept ([`crate::names`]:
//!   `us-gaap:Revenues` is "revenue"); a concept the table does not know is
//!   named by itself (`us-gaap:IncreaseDecreaseInInventories`).
//! - A fact with no `start` is an instant, else a duration, classed by its
//!   length. `fy`, `fp` and `frame` are not used: they describe the filing,
//!   not the fact.
//!
//! A fact that cannot be used (no `end` or `val`, a `val` that is not a
//! number, a bad date, an end before its start) is an error naming the file,
//! its line and column, and its place in the JSON
//! (`facts.us-gaap.Revenues.units.USD[3]`); every other fact is still used.
//! A file that breaks off (truncated) keeps the facts before the break.

use super::{Filing, ImportStats, LedgerRow, Length, Unit};
use crate::date::Date;
use crate::error::{Error, ErrorKind};
use crate::span::Positions;
use rust_decimal::Decimal;
use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

/// What one file gave.
pub(super) struct Import {
    pub(super) rows: Vec<LedgerRow>,
    pub(super) stats: ImportStats,
    pub(super) errors: Vec<Error>,
    pub(super) warnings: Vec<Error>,
}

/// The taxonomies whose facts are used.
const TAXONOMIES: &[&str] = &["us-gaap", "ifrs-full", "dei"];

/// Whether a form is a periodic report (or its amendment).
pub fn is_periodic(form: &str) -> bool {
    let base = form.trim().trim_end_matches("/A");
    matches!(
        base,
        "10-K" | "10-Q" | "20-F" | "40-F" | "6-K" | "10-KT" | "10-QT"
    )
}

/// The ledger unit of an XBRL unit; `None` for units that are not money,
/// percent, per share or shares.
pub fn unit(u: &str) -> Option<Unit> {
    if u == "pure" {
        return Some(Unit::Percent);
    }
    if u == "shares" {
        return Some(Unit::Shares);
    }
    let code = |c: &str| {
        (c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()))
            .then(|| crate::Currency::from_code(c).ok())
            .flatten()
    };
    if let Some(c) = u.strip_suffix("/shares") {
        return code(c).map(Unit::PerShare);
    }
    code(u).map(Unit::Currency)
}

/// One fact as written.
#[derive(serde::Deserialize)]
struct Fact<'a> {
    #[serde(borrow)]
    start: Option<Cow<'a, str>>,
    #[serde(borrow)]
    end: Option<Cow<'a, str>>,
    /// Present (even `null`) or missing: `null` is a value that is not a number.
    #[serde(borrow, default, deserialize_with = "present")]
    val: Option<&'a RawValue>,
    #[serde(borrow)]
    accn: Option<Cow<'a, str>>,
    #[serde(borrow)]
    form: Option<Cow<'a, str>>,
    #[serde(borrow)]
    filed: Option<Cow<'a, str>>,
}

/// A field that is there, whatever its value (`null` included).
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<&'de RawValue>, D::Error> {
    <&'de RawValue as serde::Deserialize>::deserialize(d).map(Some)
}

/// The reading of one file.
struct State<'t> {
    text: &'t str,
    path: &'t str,
    file: Arc<str>,
    positions: Positions<'t>,
    /// (byte offset, line there): a forward cursor for the facts' lines
    line_at: (usize, usize),
    cik: Option<serde_json::Value>,
    entity: Option<String>,
    saw_facts: bool,
    rows: Vec<LedgerRow>,
    errors: Vec<Error>,
    facts: usize,
    skipped: BTreeMap<String, usize>,
    /// The first fact skipped for each reason, and where.
    first_skipped: Vec<(String, String)>,
    newest: Option<Date>,
}

impl<'t> State<'t> {
    /// The line and column of byte `offset` of the text.
    fn place(&mut self, offset: usize) -> (usize, usize) {
        self.positions.at(offset)
    }

    /// The line of byte `offset` (facts come in text order: the newlines
    /// between two facts are counted once).
    fn line(&mut self, offset: usize) -> usize {
        let (at, line) = self.line_at;
        let bytes = self.text.as_bytes();
        let line = if offset >= at {
            line + memchr::memchr_iter(b'\n', &bytes[at..offset.min(bytes.len())]).count()
        } else {
            1 + memchr::memchr_iter(b'\n', &bytes[..offset.min(bytes.len())]).count()
        };
        self.line_at = (offset, line);
        line
    }

    /// Counts a fact skipped for `why`; the first of each reason is
    /// remembered with its place.
    fn skip(&mut self, why: String, offset: usize, at: impl FnOnce() -> String) {
        if let Some(n) = self.skipped.get_mut(&why) {
            *n += 1;
            return;
        }
        let (l, c) = self.place(offset);
        self.first_skipped
            .push((why.clone(), format!("{}:{l}:{c}: {}", self.path, at())));
        self.skipped.insert(why, 1);
    }

    fn bad(&mut self, offset: usize, at: impl FnOnce() -> String, problem: String) {
        let (l, c) = self.place(offset);
        self.errors.push(
            Error::new(ErrorKind::BadFact { at: at(), problem })
                .with_path(self.path)
                .with_line_col(l, c),
        );
    }

    /// Reads one fact of `taxonomy:concept` in `unit`, the `index`th of its list.
    fn fact(&mut self, taxonomy: &str, concept: &str, unit: &str, index: usize, raw: &'t RawValue) {
        self.facts += 1;
        let offset = (raw.get().as_ptr() as usize).saturating_sub(self.text.as_ptr() as usize);
        let at = || format!("facts.{taxonomy}.{concept}.units.{unit}[{index}]");
        if !TAXONOMIES.contains(&taxonomy) {
            self.skip(format!("taxonomy {taxonomy}"), offset, at);
            return;
        }
        let fact: Fact<'t> = match serde_json::from_str(raw.get()) {
            Ok(f) => f,
            Err(e) => {
                let problem = match e.classify() {
                    serde_json::error::Category::Data => {
                        format!("{e}: expected an object with end, val, accn, form and filed")
                    }
                    _ => e.to_string(),
                };
                self.bad(offset, at, problem);
                return;
            }
        };
        let filed = fact.filed.as_deref().and_then(|f| f.parse::<Date>().ok());
        if let Some(f) = filed {
            self.newest = Some(self.newest.map_or(f, |n| n.max(f)));
        }
        // fields as a ledger CSV reads them back: trimmed
        let Some(form) = fact
            .form
            .as_deref()
            .map(str::trim)
            .filter(|f| !f.is_empty())
        else {
            self.bad(
                offset,
                at,
                "no \"form\": expected the form filed, such as 10-Q".into(),
            );
            return;
        };
        if !is_periodic(form) {
            self.skip(format!("form {form}"), offset, at);
            return;
        }
        let Some(u) = self::unit(unit) else {
            self.skip(format!("unit {unit}"), offset, at);
            return;
        };
        let date = |name: &str, v: Option<&str>| -> Result<Option<Date>, String> {
            match v {
                None => Ok(None),
                Some(s) => s
                    .parse::<Date>()
                    .map(Some)
                    .map_err(|_| format!("invalid {name} {s:?}: expected an ISO date YYYY-MM-DD")),
            }
        };
        let parsed = (|| -> Result<LedgerRow, String> {
            let end = date("end", fact.end.as_deref())?
                .ok_or("no \"end\": expected the period's last day or the as-of date")?;
            let start = date("start", fact.start.as_deref())?;
            if let Some(s) = start {
                if s > end {
                    return Err(format!(
                        "period ends {end}, before its start {s}: expected a start on or before the end"
                    ));
                }
            }
            let raw_val = fact.val.ok_or("no \"val\": expected a number")?;
            let mut value = decimal(raw_val.get())?;
            if u == Unit::Percent {
                value = value
                    .checked_mul(Decimal::ONE_HUNDRED)
                    .ok_or("\"val\" is too large as a percentage")?;
            }
            let accn = fact
                .accn
                .as_deref()
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .ok_or("no \"accn\": expected the accession number")?;
            let filed = date("filed", fact.filed.as_deref())?
                .ok_or("no \"filed\": expected the filing date")?;
            let concept = format!("{taxonomy}:{}", concept.trim());
            let metric = crate::names::metric_of_concept(&concept)
                .map_or_else(|| concept.clone(), str::to_string);
            Ok(LedgerRow {
                entity: String::new(),
                metric,
                start,
                end,
                value,
                unit: u,
                source: None,
                note: None,
                concept: Some(concept),
                filing: Some(Filing {
                    form: form.to_string(),
                    accn: accn.to_string(),
                    filed,
                    cik: None,
                }),
                derived: None,
                earlier: Vec::new(),
                length: Length::of(start, end),
                fiscal: None,
                file: self.file.clone(),
                line: 0,
            })
        })();
        match parsed {
            Ok(mut row) => {
                row.line = self.line(offset);
                self.rows.push(row);
            }
            Err(problem) => self.bad(offset, at, problem),
        }
    }
}

/// An exact decimal from a JSON value's text: a number (`229234000000`,
/// `2.94`, `6e-06`), never through a float.
fn decimal(raw: &str) -> Result<Decimal, String> {
    let t = raw.trim();
    if t == "null" {
        return Err("\"val\" is null: expected a number".into());
    }
    if t.starts_with('"') {
        let shown: String = t.chars().take(42).collect();
        return Err(format!("\"val\" is the string {shown}: expected a number"));
    }
    if !t.starts_with(|c: char| c == '-' || c.is_ascii_digit()) {
        return Err(format!(
            "\"val\" is {}: expected a number",
            crate::error::shorten(t)
        ));
    }
    let exact = if t.contains(['e', 'E']) {
        scientific(t)
    } else {
        Decimal::from_str_exact(t).ok()
    };
    exact.ok_or_else(|| {
        format!(
            "\"val\" {} cannot be held exactly: expected at most 28 significant digits",
            crate::error::shorten(t)
        )
    })
}

/// `6e-06`, `1.5E+3` exactly: the mantissa's digits shifted by the exponent.
fn scientific(t: &str) -> Option<Decimal> {
    let (m, e) = t.split_once(['e', 'E'])?;
    let exp: i32 = e.strip_prefix('+').unwrap_or(e).parse().ok()?;
    let mut d = Decimal::from_str_exact(m).ok()?;
    if d.is_zero() {
        return Some(Decimal::ZERO);
    }
    // beyond 10^28 nothing is held exactly (and a huge exponent is no loop)
    if exp > 28 {
        return None;
    }
    if exp >= 0 {
        for _ in 0..exp {
            d = d.checked_mul(Decimal::TEN)?;
        }
        Some(d)
    } else {
        let scale = d.scale().checked_add(exp.unsigned_abs())?;
        if scale > 28 {
            return None;
        }
        d.set_scale(scale).ok()?;
        Some(d)
    }
}

/// The CIK of `cik`: a number, or a string of digits.
pub(super) fn cik(v: &serde_json::Value) -> Option<u64> {
    match v {
        serde_json::Value::Number(n) => n.as_str().parse().ok(),
        serde_json::Value::String(s) => {
            let s = s.trim();
            (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        }
        _ => None,
    }
}

/// The top-level object.
struct Top<'s, 't>(&'s mut State<'t>);

impl<'de, 's> Visitor<'de> for Top<'s, 'de> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a companyfacts object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<(), A::Error> {
        while let Some(k) = m.next_key::<Cow<'de, str>>()? {
            match &*k {
                "cik" => self.0.cik = Some(m.next_value()?),
                "entityName" => self.0.entity = m.next_value::<Option<String>>()?,
                "facts" => {
                    self.0.saw_facts = true;
                    m.next_value_seed(Level {
                        st: &mut *self.0,
                        depth: Depth::Taxonomies,
                        taxonomy: "",
                        concept: "",
                    })?;
                }
                _ => {
                    m.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

impl<'de, 's> DeserializeSeed<'de> for Top<'s, 'de> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

/// Which level of `facts` a map is.
#[derive(Clone, Copy)]
enum Depth {
    /// taxonomy → concepts
    Taxonomies,
    /// concept → {label, description, units}
    Concepts,
    /// the concept's object: its `units`
    Concept,
    /// unit → facts
    Units,
}

struct Level<'s, 't, 'k> {
    st: &'s mut State<'t>,
    depth: Depth,
    taxonomy: &'k str,
    concept: &'k str,
}

impl<'de, 's, 'k> Visitor<'de> for Level<'s, 'de, 'k> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(match self.depth {
            Depth::Taxonomies => "an object of taxonomies",
            Depth::Concepts => "an object of concepts",
            Depth::Concept => "a concept object with \"units\"",
            Depth::Units => "an object of units",
        })
    }
    fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<(), A::Error> {
        while let Some(k) = m.next_key::<Cow<'de, str>>()? {
            let (taxonomy, concept) = match self.depth {
                Depth::Taxonomies => (&*k, ""),
                Depth::Concepts => (self.taxonomy, &*k),
                _ => (self.taxonomy, self.concept),
            };
            match self.depth {
                Depth::Taxonomies | Depth::Concepts => {
                    let depth = match self.depth {
                        Depth::Taxonomies => Depth::Concepts,
                        _ => Depth::Concept,
                    };
                    m.next_value_seed(Level {
                        st: &mut *self.st,
                        depth,
                        taxonomy,
                        concept,
                    })?;
                }
                Depth::Concept if &*k == "units" => m.next_value_seed(Level {
                    st: &mut *self.st,
                    depth: Depth::Units,
                    taxonomy,
                    concept,
                })?,
                Depth::Concept => {
                    m.next_value::<IgnoredAny>()?;
                }
                Depth::Units => m.next_value_seed(List {
                    st: &mut *self.st,
                    taxonomy,
                    concept,
                    unit: &k,
                })?,
            }
        }
        Ok(())
    }
}

impl<'de, 's, 'k> DeserializeSeed<'de> for Level<'s, 'de, 'k> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

/// The list of facts of one concept in one unit.
struct List<'s, 't, 'k> {
    st: &'s mut State<'t>,
    taxonomy: &'k str,
    concept: &'k str,
    unit: &'k str,
}

impl<'de, 's, 'k> Visitor<'de> for List<'s, 'de, 'k> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of facts")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<(), A::Error> {
        let mut i = 0;
        while let Some(raw) = s.next_element::<&'de RawValue>()? {
            self.st.fact(self.taxonomy, self.concept, self.unit, i, raw);
            i += 1;
        }
        Ok(())
    }
}

impl<'de, 's, 'k> DeserializeSeed<'de> for List<'s, 'de, 'k> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

/// What the top of a text is, for a file that is not companyfacts.
fn what_is(text: &str) -> String {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    match t.chars().next() {
        None => "the file is empty".into(),
        Some('[') => "a JSON array".into(),
        Some('{') => "an object without \"facts\"".into(),
        Some(_) => "the text does not start with '{'".into(),
    }
}

/// Reads a companyfacts file's bytes; `path` names it in errors and `file`
/// is stored in each row.
///
/// # Errors
/// The 1-based column in chars of serde_json's place (`line`, and `column`
/// bytes read on that line) in `text`; a char cut by the place counts.
fn char_column(text: &str, line: usize, column: usize) -> usize {
    let b = text.as_bytes();
    let start = if line <= 1 {
        0
    } else {
        memchr::memchr_iter(b'\n', b)
            .nth(line - 2)
            .map_or(b.len(), |i| i + 1)
    };
    let end = (start + column).min(b.len());
    let mut cut = end;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let chars = text[start.min(cut)..cut].chars().count() + usize::from(cut < end);
    chars.max(1)
}

/// When the file is not companyfacts JSON (not an object, no `facts`).
pub(super) fn read(bytes: &[u8], path: &str, file: Arc<str>) -> Result<Import, Vec<Error>> {
    let mut errors = Vec::new();
    let text: Cow<str> = match std::str::from_utf8(bytes) {
        Ok(t) => Cow::Borrowed(t),
        Err(e) => {
            // named, then read with the bad bytes replaced: the facts
            // around them still count
            errors.push(Error::invalid_utf8(path, bytes, 0, e.valid_up_to(), 1));
            String::from_utf8_lossy(bytes)
        }
    };
    let text: &str = &text;
    let body = text.trim_start_matches('\u{feff}');
    let top = body.trim_start();
    if !top.starts_with('{') {
        return Err(vec![
            Error::new(ErrorKind::NotCompanyfacts {
                found: what_is(body),
            })
            .with_path(path)
            .with_line_col(1, 1),
        ]);
    }
    let mut st = State {
        text,
        path,
        file,
        positions: Positions::new(text),
        line_at: (0, 1),
        cik: None,
        entity: None,
        saw_facts: false,
        rows: Vec::new(),
        errors: Vec::new(),
        facts: 0,
        skipped: BTreeMap::new(),
        first_skipped: Vec::new(),
        newest: None,
    };
    let mut de = serde_json::Deserializer::from_str(body);
    let parsed = Top(&mut st).deserialize(&mut de).and_then(|()| de.end());
    let mut warnings = Vec::new();
    if let Err(e) = parsed {
        let message = if st.facts > 0 {
            format!(
                "{e}; the {} facts before it are used, the rest of the file is not read",
                st.facts
            )
        } else {
            e.to_string()
        };
        let (l, c) = (e.line(), char_column(body, e.line(), e.column()));
        // serde_json's own "at line L column C" is dropped: the place leads
        let message = match message.find(" at line ") {
            Some(i) => {
                let rest = &message[i..];
                let tail = rest.find(';').map_or("", |j| &rest[j..]);
                format!("{}{tail}", &message[..i])
            }
            None => message,
        };
        if !st.saw_facts && st.facts == 0 && e.classify() == serde_json::error::Category::Data {
            return Err(vec![
                Error::new(ErrorKind::NotCompanyfacts { found: message })
                    .with_path(path)
                    .with_line_col(l, c),
            ]);
        }
        st.errors.push(
            Error::new(ErrorKind::Json { message })
                .with_path(path)
                .with_line_col(l, c.max(1)),
        );
    }
    if !st.saw_facts {
        let mut all = errors;
        all.extend(st.errors);
        if all.is_empty() || st.facts == 0 {
            all.insert(
                0,
                Error::new(ErrorKind::NotCompanyfacts {
                    found: what_is(body),
                })
                .with_path(path)
                .with_line_col(1, 1),
            );
        }
        return Err(all);
    }
    let cik_number = match &st.cik {
        Some(v) => match cik(v) {
            Some(n) => Some(n),
            None => {
                st.errors.push(
                    Error::new(ErrorKind::InvalidCik {
                        found: crate::error::shorten(&v.to_string()),
                    })
                    .with_path(path)
                    .with_line_col(1, 1),
                );
                None
            }
        },
        None => None,
    };
    let entity = match (&st.entity, cik_number) {
        (Some(e), _) if !e.trim().is_empty() => e.trim().to_string(),
        (_, Some(n)) => {
            warnings.push(
                Error::new(ErrorKind::EmptyField {
                    column: "entityName".into(),
                })
                .with_path(path)
                .with_line_col(1, 1),
            );
            format!("CIK {n}")
        }
        _ => {
            st.errors.push(
                Error::new(ErrorKind::NotCompanyfacts {
                    found: "no \"entityName\" and no \"cik\"".into(),
                })
                .with_path(path)
                .with_line_col(1, 1),
            );
            return Err(st.errors);
        }
    };
    for r in &mut st.rows {
        r.entity.clone_from(&entity);
        if let Some(f) = &mut r.filing {
            f.cik = cik_number;
        }
    }
    errors.extend(st.errors);
    let stats = ImportStats {
        path: path.to_string(),
        entity,
        cik: cik_number,
        facts: st.facts,
        used: st.rows.len(),
        skipped: st.skipped.into_iter().collect(),
        first_skipped: {
            let mut v = st.first_skipped;
            v.sort();
            v
        },
        derived: 0,
        newest_filed: st.newest,
    };
    Ok(Import {
        rows: st.rows,
        stats,
        errors,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_values() {
        let d = |s: &str| decimal(s).map(|d| d.to_string());
        assert_eq!(d("229234000000").as_deref(), Ok("229234000000"));
        assert_eq!(d("2.94").as_deref(), Ok("2.94"));
        assert_eq!(d("6e-06").as_deref(), Ok("0.000006"));
        assert_eq!(d("1.5E+3").as_deref(), Ok("1500.0"));
        assert_eq!(d("-12").as_deref(), Ok("-12"));
        assert_eq!(
            d("0.123456789012345678").as_deref(),
            Ok("0.123456789012345678")
        );
        assert_eq!(
            d("null").err().as_deref(),
            Some("\"val\" is null: expected a number")
        );
        assert_eq!(
            d("\"n/a\"").err().as_deref(),
            Some("\"val\" is the string \"n/a\": expected a number")
        );
        assert!(d("1e400").is_err());
        assert_eq!(d("0e2147483647").as_deref(), Ok("0"));
        assert!(d("123456789012345678901234567890").is_err());
    }

    #[test]
    fn units_and_forms() {
        assert_eq!(unit("USD"), Some(Unit::Currency(crate::Currency::USD)));
        assert_eq!(
            unit("TWD/shares"),
            Some(Unit::PerShare(crate::Currency::TWD))
        );
        assert_eq!(unit("pure"), Some(Unit::Percent));
        assert_eq!(unit("shares"), Some(Unit::Shares));
        assert_eq!(unit("Store"), None);
        assert_eq!(unit("USD/bbl"), None);
        assert_eq!(unit("usd"), None);
        for f in ["10-K", "10-Q", "10-K/A", "20-F", "40-F", "6-K", "10-Q/A"] {
            assert!(is_periodic(f), "{f}");
        }
        for f in ["8-K", "DEF 14A", "424B5", "S-1", "10-12B"] {
            assert!(!is_periodic(f), "{f}");
        }
    }

    #[test]
    fn cik_as_number_or_string() {
        assert_eq!(cik(&serde_json::json!(320193)), Some(320193));
        assert_eq!(cik(&serde_json::json!("0001997711")), Some(1997711));
        assert_eq!(cik(&serde_json::json!("x1")), None);
        assert_eq!(cik(&serde_json::json!(null)), None);
    }

    #[test]
    fn json_error_columns_count_chars() {
        assert_eq!(char_column("{\"a\":\"ééé\"", 1, 13), 10);
        assert_eq!(char_column("x\n{\"é", 2, 3), 3);
        // a place inside a char counts that char
        assert_eq!(char_column("é", 1, 1), 1);
        assert_eq!(char_column("", 1, 0), 1);
        let text = "{\"cik\":1,\"entityName\":\"ééé\",\"facts\":{\"us-gaap\":{\"Revenues\":{\"label\":\"ééé";
        let e = match read(text.as_bytes(), "f.json", Arc::from("f.json")) {
            Ok(i) => i.errors,
            Err(e) => e,
        };
        let at = e[0].location();
        assert_eq!((at.line, at.column), (Some(1), Some(72)), "{}", e[0]);
    }
}
