//! `figcheck._figcheck.Checker`: a ledger, aliases and FX rates loaded once,
//! then documents checked one at a time (as the JSON the CLI writes) or by
//! Arrow batches (as columns).

use crate::columns::{Batch, Column, Mentions, Str};
use crate::input::Texts;
use crate::{Chars, error, extractor, plain_error};
use figcheck::report::ClaimReport;
use figcheck::{
    Aliases, Date, Decimal, Error, ErrorKind, FxRates, Ledger, LedgerBuilder, Policy, Report,
};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::types::{PyBytes, PyList, PyTuple};
use std::path::Path;

/// A table given as a path (`data` is `None`) or as the bytes of a file
/// named `name` (what Spark ships to its executors).
type Source = (String, Option<PyBackedBytes>);

fn utf8(name: &str, bytes: &[u8]) -> Result<String, Error> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => Err(Error::invalid_utf8(name, bytes, 0, e.valid_up_to(), 1)),
    }
}

/// A table with the errors of its bad rows, or every error of one that
/// cannot be used (as the library's `load_partial` functions give them).
type Partial<T> = Result<(T, Vec<Error>), Vec<Error>>;

/// Every error of one table, or the table.
fn table<T>(
    source: Option<&(String, Option<Vec<u8>>)>,
    load: fn(&Path) -> Partial<T>,
    parse: fn(&str, &str) -> Partial<T>,
    errors: &mut Vec<Error>,
) -> Option<T>
where
    T: Default,
{
    let Some((name, data)) = source else {
        return Some(T::default());
    };
    let loaded = match data {
        None => load(Path::new(name)),
        Some(bytes) => utf8(name, bytes)
            .map_err(|e| vec![e])
            .and_then(|text| parse(&text, name)),
    };
    match loaded {
        Ok((t, bad)) => {
            errors.extend(bad);
            Some(t)
        }
        Err(bad) => {
            errors.extend(bad);
            None
        }
    }
}

/// The tolerance as `--tolerance` takes it: a fraction ("0.05") or a
/// percentage ("5%"), at least 0 and below 1.
fn tolerance(s: &str) -> Result<Decimal, String> {
    figcheck::Policy::parse_tolerance(s).map_err(|e| format!("tolerance: {e}"))
}

fn owned(s: Option<Source>) -> Option<(String, Option<Vec<u8>>)> {
    s.map(|(n, d)| (n, d.map(|b| b.to_vec())))
}

/// Loads everything; strict: any error of any table fails.
fn load(
    ledger: Vec<(String, Option<Vec<u8>>)>,
    aliases: Option<(String, Option<Vec<u8>>)>,
    fx: Option<(String, Option<Vec<u8>>)>,
) -> Result<(Ledger, Aliases, FxRates, Vec<String>), Vec<Error>> {
    let mut errors = Vec::new();
    let mut builder = LedgerBuilder::new();
    for (name, data) in &ledger {
        let added = match data {
            None => builder.add_file(Path::new(name)),
            Some(bytes) => builder.add_bytes(bytes, name),
        };
        match added {
            Ok(bad) | Err(bad) => errors.extend(bad),
        }
    }
    if ledger.is_empty() {
        errors.push(Error::new(ErrorKind::Io {
            message: "no ledger given: expected at least one path".into(),
        }));
    }
    let (l, merge) = builder.build();
    errors.extend(merge);
    let a = table(
        aliases.as_ref(),
        Aliases::load_partial,
        Aliases::from_csv_partial,
        &mut errors,
    );
    let f = table(
        fx.as_ref(),
        FxRates::load_partial,
        FxRates::from_csv_partial,
        &mut errors,
    );
    match (errors.is_empty(), a, f) {
        (true, Some(a), Some(f)) => {
            let notices = l
                .warnings()
                .iter()
                .chain(a.warnings())
                .chain(f.warnings())
                .map(|w| w.to_string())
                .collect();
            Ok((l, a, f, notices))
        }
        _ => Err(errors),
    }
}

/// The claim columns of `check_arrow`: the mention's, then the check's.
#[derive(Default)]
struct Claims {
    mentions: Mentions,
    entity: Str,
    metric: Str,
    period: Str,
    verdict: Str,
    reason: Str,
    diagnosis: Str,
    diagnosis_kind: Str,
    ledger: Str,
    difference: Str,
    relative_difference: Str,
    evidence: Str,
}

/// The document columns of `check_arrow(..., documents=True)`.
#[derive(Default)]
struct Documents {
    doc: Vec<i64>,
    date: Str,
    consistent: Vec<i64>,
    contradicted: Vec<i64>,
    unverifiable: Vec<i64>,
    errors: Str,
    notes: Str,
}

/// Pushes `v` as its JSON text (as the report writes it), or a null.
fn json_text<T: serde::Serialize>(
    col: &mut Str,
    v: Option<&T>,
    buf: &mut Vec<u8>,
) -> Result<(), String> {
    let Some(v) = v else {
        col.push(None);
        return Ok(());
    };
    buf.clear();
    figcheck::report::json::append(buf, v)
        .map_err(|e| format!("internal: a claim does not serialize: {e}"))?;
    let text = std::str::from_utf8(buf)
        .map_err(|e| format!("internal: the report's JSON is not UTF-8: {e}"))?;
    col.push(Some(text));
    Ok(())
}

fn int(n: usize) -> i64 {
    // Invariant: counts and offsets of in-memory text fit in i64.
    i64::try_from(n).expect("count fits in i64")
}

impl Claims {
    /// Adds one checked claim: the mention's fields as `extract_arrow`'s,
    /// the check's as the JSON report writes them (the objects as their
    /// JSON text, from the library's writer).
    fn push(
        &mut self,
        doc: i64,
        c: &ClaimReport,
        chars: &mut Chars<'_>,
        buf: &mut Vec<u8>,
    ) -> Result<(), String> {
        let m = &c.mention;
        let span = (chars.at(m.start), chars.at(m.end));
        self.mentions.push(doc, m, span);
        self.entity.push(c.entity.as_deref());
        self.metric.push(c.metric.as_deref());
        self.period.push(c.period.map(|d| d.to_string()).as_deref());
        // Display is the JSON's snake_case name
        self.verdict.push(Some(&c.verdict.to_string()));
        self.reason.push(Some(&c.reason));
        self.diagnosis.push(c.diagnosis.as_deref());
        json_text(&mut self.diagnosis_kind, c.diagnosis_kind.as_ref(), buf)?;
        json_text(&mut self.ledger, c.ledger.as_ref(), buf)?;
        self.difference.push(c.difference.as_deref());
        self.relative_difference
            .push(c.relative_difference.as_deref());
        json_text(&mut self.evidence, Some(&c.evidence), buf)
    }

    fn batch(self) -> Batch {
        let mut b = self.mentions.batch();
        use Column::Str as S;
        b.columns.extend([
            ("entity", S(self.entity)),
            ("metric", S(self.metric)),
            ("period", S(self.period)),
            ("verdict", S(self.verdict)),
            ("reason", S(self.reason)),
            ("diagnosis", S(self.diagnosis)),
            ("diagnosis_kind", S(self.diagnosis_kind)),
            ("ledger", S(self.ledger)),
            ("difference", S(self.difference)),
            ("relative_difference", S(self.relative_difference)),
            ("evidence", S(self.evidence)),
        ]);
        b
    }
}

impl Documents {
    fn push(&mut self, doc: i64, r: &Report) {
        self.doc.push(doc);
        self.date.push(r.date.map(|d| d.to_string()).as_deref());
        self.consistent.push(int(r.summary.consistent));
        self.contradicted.push(int(r.summary.contradicted));
        self.unverifiable.push(int(r.summary.unverifiable));
        // Invariant: a list of strings serializes.
        let json = |v: &[String]| serde_json::to_string(v).expect("strings serialize");
        self.errors.push(Some(&json(&r.errors)));
        self.notes.push(Some(&json(&r.notes)));
    }

    fn batch(self) -> Batch {
        use Column::*;
        Batch {
            rows: self.doc.len(),
            columns: vec![
                ("doc", Int(self.doc)),
                ("date", Str(self.date)),
                ("consistent", Int(self.consistent)),
                ("contradicted", Int(self.contradicted)),
                ("unverifiable", Int(self.unverifiable)),
                ("errors", Str(self.errors)),
                ("notes", Str(self.notes)),
            ],
        }
    }
}

/// The messages of companyfacts files read since the last call (from
/// ledger directories and zips, read when an article names the company).
fn load_messages(ledger: &Ledger) -> Vec<String> {
    let mut out = Vec::new();
    for r in ledger.take_load_reports() {
        out.extend(r.warnings.iter().chain(&r.errors).map(|e| e.to_string()));
    }
    out
}

/// A loaded ledger, aliases and FX rates, and the verdict rules.
#[pyclass(module = "figcheck._figcheck", frozen)]
pub struct Checker {
    inner: figcheck::Checker,
    notices: Vec<String>,
}

impl Checker {
    fn report(&self, text: &str, id: figcheck::DocId, date: Option<Date>) -> Report {
        self.inner.check(id, text, date)
    }
}

fn date(py: Python<'_>, s: Option<&str>, what: &str) -> PyResult<Option<Date>> {
    match s {
        None => Ok(None),
        Some(s) => s
            .parse::<Date>()
            .map(Some)
            .map_err(|e| plain_error(py, format!("{what}: {e}"))),
    }
}

#[pymethods]
impl Checker {
    /// `Checker(ledger, aliases=None, fx=None, tolerance=None,
    /// currency_hint=None)`: each table as `(path, None)` or `(name, bytes)`.
    #[new]
    #[pyo3(signature = (ledger, aliases=None, fx=None, tolerance=None, currency_hint=None))]
    fn new(
        py: Python<'_>,
        ledger: Vec<Source>,
        aliases: Option<Source>,
        fx: Option<Source>,
        tolerance: Option<&str>,
        currency_hint: Option<&str>,
    ) -> PyResult<Checker> {
        let extractor = extractor(py, currency_hint)?;
        let policy = match tolerance {
            Some(t) => Policy {
                tolerance: self::tolerance(t).map_err(|e| plain_error(py, e))?,
                ..Policy::default()
            },
            None => Policy::default(),
        };
        let ledger: Vec<_> = ledger
            .into_iter()
            .map(|(n, d)| (n, d.map(|b| b.to_vec())))
            .collect();
        let (aliases, fx) = (owned(aliases), owned(fx));
        let (l, a, f, notices) = py
            .detach(|| load(ledger, aliases, fx))
            .map_err(|e| error(py, &e))?;
        Ok(Checker {
            inner: figcheck::Checker::new(extractor, l, a, f, policy),
            notices,
        })
    }

    /// Notices of the tables (repeated rows merged, …), one line each.
    #[getter]
    fn notices(&self) -> Vec<String> {
        self.notices.clone()
    }

    /// `check_json(text, id_json=None, date=None)`: `(json, char_spans,
    /// messages)`: the report line the CLI writes, the character span of
    /// each claim, and the problems of companyfacts files read for it.
    #[pyo3(signature = (text, id_json=None, date=None))]
    fn check_json<'py>(
        &self,
        py: Python<'py>,
        text: &str,
        id_json: Option<&str>,
        date: Option<&str>,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let id: serde_json::Value = match id_json {
            Some(j) => serde_json::from_str(j)
                .map_err(|e| plain_error(py, format!("id: not JSON: {e}")))?,
            None => serde_json::Value::Null,
        };
        let date = self::date(py, date, "date")?;
        let (json, spans, messages) = py
            .detach(|| {
                let report = self.report(text, id.into(), date);
                let mut chars = Chars::new(text);
                let spans: Vec<(usize, usize)> = report
                    .claims
                    .iter()
                    .map(|c| (chars.at(c.mention.start), chars.at(c.mention.end)))
                    .collect();
                let mut json = Vec::new();
                figcheck::report::json::append_line(&report, &mut json)
                    .map(|()| (json, spans, load_messages(self.inner.ledger())))
            })
            .map_err(|e| {
                plain_error(py, format!("internal: the report does not serialize: {e}"))
            })?;
        (PyBytes::new(py, &json), spans, messages).into_pyobject(py)
    }

    /// `check_columns(validity, offsets, data, offset, length, first_row,
    /// dates=None, documents=False)`: the claim columns (and the document
    /// columns) of one `large_string` array's buffers; `dates` the same
    /// four buffers and offset of a `large_string` array of ISO dates.
    #[pyo3(signature = (validity, offsets, data, offset, length, first_row, dates=None, documents=false))]
    #[allow(clippy::too_many_arguments, clippy::type_complexity)]
    fn check_columns<'py>(
        &self,
        py: Python<'py>,
        validity: Option<&[u8]>,
        offsets: &[u8],
        data: &[u8],
        offset: usize,
        length: usize,
        first_row: i64,
        dates: Option<(Option<PyBackedBytes>, PyBackedBytes, PyBackedBytes, usize)>,
        documents: bool,
    ) -> PyResult<(Bound<'py, PyList>, Option<Bound<'py, PyList>>, Vec<String>)> {
        let texts =
            Texts::new(validity, offsets, data, offset, length).map_err(|e| plain_error(py, e))?;
        let dates = match &dates {
            None => None,
            Some((v, o, d, off)) => Some(
                Texts::new(v.as_deref(), o, d, *off, length)
                    .map_err(|e| plain_error(py, format!("dates: {e}")))?,
            ),
        };
        let done = py.detach(|| -> Result<_, String> {
            let mut claims = Claims::default();
            let mut docs = Documents::default();
            let mut buf = Vec::new();
            for i in 0..texts.len() {
                let doc = first_row + int(i);
                // a null text is checked as an empty document
                let text = texts.get(i)?.unwrap_or("");
                let date = match &dates {
                    Some(d) => match d.get(i).map_err(|e| format!("dates: {e}"))? {
                        Some(s) => Some(
                            s.parse::<Date>()
                                .map_err(|e| format!("dates: row {doc}: {e}"))?,
                        ),
                        None => None,
                    },
                    None => None,
                };
                let mut checking = self.inner.checking(doc, text, date);
                let mut chars = Chars::new(text);
                for c in checking.by_ref() {
                    claims.push(doc, &c, &mut chars, &mut buf)?;
                }
                let mut report = checking.finish();
                if documents {
                    report.errors = report
                        .errors
                        .into_iter()
                        .map(|e| format!("row {doc}: {e}"))
                        .collect();
                    docs.push(doc, &report);
                }
            }
            Ok((claims, docs, load_messages(self.inner.ledger())))
        });
        let (claims, docs, messages) = done.map_err(|e| plain_error(py, e))?;
        let docs = if documents {
            Some(docs.batch().into_py(py)?)
        } else {
            None
        };
        Ok((claims.batch().into_py(py)?, docs, messages))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tolerance_as_the_cli_reads_it() {
        assert_eq!(tolerance("5%"), Ok(Decimal::new(5, 2)));
        assert_eq!(tolerance("0.1"), Ok(Decimal::new(1, 1)));
        assert_eq!(
            tolerance("1"),
            Err("tolerance: \"1\" is out of range: expected at least 0 and below 1 (100%)".into())
        );
        assert_eq!(
            tolerance("-0.1"),
            Err("tolerance: invalid value \"-0.1\": expected a fraction such as 0.05 or a percentage such as 5%".into())
        );
    }

    #[test]
    fn a_claim_becomes_one_row() {
        let checker = figcheck::Checker::new(
            figcheck::Extractor::new(),
            Ledger::default(),
            Aliases::default(),
            FxRates::default(),
            Policy::default(),
        );
        let text = "营收约 100 亿美元，\"引号\"";
        let report = checker.check("a", text, None);
        let mut claims = Claims::default();
        claims
            .push(3, &report.claims[0], &mut Chars::new(text), &mut Vec::new())
            .expect("serializes");
        assert_eq!(claims.mentions.doc, vec![3]);
        assert_eq!(claims.mentions.char_start, vec![2]);
        assert_eq!(claims.mentions.start, vec![6]);
        assert_eq!(claims.verdict.nulls, 0);
        assert_eq!(claims.ledger.nulls, 1, "no ledger figure");
        assert_eq!(claims.evidence.nulls, 0);
    }
}
