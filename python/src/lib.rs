//! `figcheck._figcheck`: the compiled part of the Python package `figcheck`.
//!
//! The pure-Python package (`python/figcheck/`) wraps these functions: it
//! turns the JSON this module writes (the CLI's own bytes, from
//! `figcheck::report::json`) into dicts with `decimal.Decimal` values, and
//! the column buffers of the Arrow functions into `pyarrow` arrays. Nothing
//! here builds a Python object per mention on the Arrow path, and the GIL is
//! released while the Rust code runs.

mod checker;
mod columns;
mod input;

use figcheck::span::Positions;
use figcheck::{Currency, Error, Extractor, MentionRecord};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyTuple};

pyo3::create_exception!(
    figcheck,
    FigcheckError,
    PyValueError,
    "Bad input: a ledger, aliases or FX table that cannot be used, a bad date, \
     currency code or tolerance. `str(e)` has one line per problem, located as the \
     CLI prints it (`ledger.csv:14:3: invalid amount ...`); `e.path`, `e.line`, \
     `e.column` locate the first, `e.errors` lists every one as \
     `(path, line, column, message)`."
);

/// The exception for `errors` (at least one), with their locations.
pub(crate) fn error(py: Python<'_>, errors: &[Error]) -> PyErr {
    let message = if errors.is_empty() {
        "invalid input".to_string()
    } else {
        errors
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let err = FigcheckError::new_err(message);
    let located = |v: &Bound<'_, PyAny>| -> PyResult<()> {
        let first = errors.first().map(|e| e.location());
        v.setattr("path", first.and_then(|l| l.path.clone()))?;
        v.setattr("line", first.and_then(|l| l.line))?;
        v.setattr("column", first.and_then(|l| l.column))?;
        let all = PyList::empty(py);
        for e in errors {
            let l = e.location();
            all.append((l.path.clone(), l.line, l.column, e.to_string()))?;
        }
        v.setattr("errors", all)?;
        Ok(())
    };
    match located(err.value(py).as_any()) {
        Ok(()) => err,
        Err(e) => e,
    }
}

/// A `FigcheckError` with one message and no file.
pub(crate) fn plain_error(py: Python<'_>, message: String) -> PyErr {
    let err = FigcheckError::new_err(message.clone());
    let v = err.value(py);
    let set = || -> PyResult<()> {
        v.setattr("path", py.None())?;
        v.setattr("line", py.None())?;
        v.setattr("column", py.None())?;
        v.setattr(
            "errors",
            vec![(None::<String>, None::<usize>, None::<usize>, message)],
        )?;
        Ok(())
    };
    match set() {
        Ok(()) => err,
        Err(e) => e,
    }
}

/// The extractor, with the currency hint (an ISO code) applied.
pub(crate) fn extractor(py: Python<'_>, hint: Option<&str>) -> PyResult<Extractor> {
    let mut b = Extractor::builder();
    if let Some(code) = hint {
        let c = Currency::from_code(code)
            .map_err(|e| plain_error(py, format!("currency_hint: {e}")))?;
        b = b.currency_hint(c);
    }
    Ok(b.build())
}

/// Counts chars forward through one text, for character offsets of
/// increasing byte offsets in linear total time.
pub(crate) struct Chars<'t> {
    text: &'t [u8],
    byte: usize,
    char: usize,
}

impl<'t> Chars<'t> {
    pub(crate) fn new(text: &'t str) -> Chars<'t> {
        Chars {
            text: text.as_bytes(),
            byte: 0,
            char: 0,
        }
    }

    /// The char offset of byte offset `at` (a char boundary).
    pub(crate) fn at(&mut self, at: usize) -> usize {
        if at < self.byte {
            self.byte = 0;
            self.char = 0;
        }
        let at = at.min(self.text.len());
        // every byte that is not a UTF-8 continuation byte starts a char
        self.char += self.text[self.byte..at]
            .iter()
            .filter(|&&b| (b as i8) >= -0x40)
            .count();
        self.byte = at;
        self.char
    }
}

/// The mentions of one text as the JSON array of `figcheck extract
/// --format json`'s `"mentions"`, their character spans, and the warnings
/// for figures too large to represent (`line:column: message`).
fn extract_one(extractor: &Extractor, text: &str) -> (Vec<u8>, Vec<(usize, usize)>, Vec<String>) {
    let mut positions = Positions::new(text);
    let mut chars = Chars::new(text);
    let mut records = Vec::new();
    let mut spans = Vec::new();
    let mut warnings = Vec::new();
    let mut warn_positions = Positions::new(text);
    for item in extractor.claims(text) {
        match item {
            Ok(c) => {
                let s = chars.at(c.span().start());
                let e = chars.at(c.span().end());
                spans.push((s, e));
                records.push(MentionRecord::at(text, &c, &mut positions));
            }
            Err(e) => {
                let (l, c) = warn_positions.at(e.location().start.unwrap_or(0));
                warnings.push(format!("{l}:{c}: {}", e.kind()));
            }
        }
    }
    let mut json = Vec::with_capacity(64 + records.len() * 320);
    // Invariant: plain records of strings, numbers and bools serialize.
    figcheck::report::json::append(&mut json, &records).expect("mention records serialize");
    (json, spans, warnings)
}

/// `extract(text, currency_hint)`: `(json, char_spans, warnings)`, the
/// mentions as the CLI writes them.
#[pyfunction]
#[pyo3(signature = (text, currency_hint=None))]
fn extract_json<'py>(
    py: Python<'py>,
    text: &str,
    currency_hint: Option<&str>,
) -> PyResult<Bound<'py, PyTuple>> {
    let extractor = extractor(py, currency_hint)?;
    let (json, spans, warnings) = py.detach(|| extract_one(&extractor, text));
    (PyBytes::new(py, &json), spans, warnings).into_pyobject(py)
}

/// `parse_numeral(s)`: the exact decimal string of one numeral.
#[pyfunction]
fn parse_numeral(py: Python<'_>, s: &str) -> PyResult<String> {
    figcheck::parse_numeral(s)
        .map(figcheck::report::decimal)
        .map_err(|e| error(py, &[e]))
}

#[pymodule]
fn _figcheck(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("FigcheckError", m.py().get_type::<FigcheckError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("ZIP", cfg!(feature = "zip"))?;
    m.add_function(wrap_pyfunction!(extract_json, m)?)?;
    m.add_function(wrap_pyfunction!(parse_numeral, m)?)?;
    m.add_function(wrap_pyfunction!(columns::extract_columns, m)?)?;
    m.add_class::<checker::Checker>()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::Chars;

    #[test]
    fn char_offsets_count_chars_not_bytes() {
        let t = "约 5000 亿美元 and $10B";
        let mut c = Chars::new(t);
        let start = t.find('$').expect("a dollar sign");
        assert_eq!(c.at(0), 0);
        assert_eq!(c.at(t.find('5').expect("a five")), 2);
        assert_eq!(c.at(start), t[..start].chars().count());
        // backwards starts over
        assert_eq!(c.at(3), 1);
    }
}
