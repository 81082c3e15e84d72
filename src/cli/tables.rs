//! `figcheck metrics` and `figcheck companies`: the built-in tables, for
//! reading or as their CSV.

use crate::config::{Table, TableConfig};
use crate::diag::{Diagnostics, Sink};
use anyhow::{Context as _, Result};
use figcheck::names::{self, Company, Metric, MetricKind};

fn kind(k: MetricKind) -> &'static str {
    match k {
        MetricKind::Flow => "flow",
        MetricKind::Stock => "stock",
        MetricKind::PerShare => "per_share",
        MetricKind::Ratio => "ratio",
        MetricKind::Shares => "shares",
        MetricKind::Derived => "derived",
        _ => "other",
    }
}

fn metric_text(m: &Metric, out: &mut String) {
    out.push_str(&format!("{} ({})\n", m.name, kind(m.kind)));
    let line = |out: &mut String, label: &str, v: &[String], sep: &str| {
        if !v.is_empty() {
            out.push_str(&format!("  {label:<9}{}\n", v.join(sep)));
        }
    };
    line(out, "concepts", &m.concepts, ", ");
    line(out, "en", &m.en, " | ");
    line(out, "zh-Hans", &m.zh_hans, " | ");
    line(out, "zh-Hant", &m.zh_hant, " | ");
}

fn company_text(c: &Company, out: &mut String) {
    match c.cik {
        Some(k) => out.push_str(&format!("{} (CIK {k})\n", c.name)),
        None => out.push_str(&format!("{} (not an SEC filer)\n", c.name)),
    }
    let line = |out: &mut String, label: &str, v: &[String]| {
        if !v.is_empty() {
            out.push_str(&format!("  {label:<9}{}\n", v.join(" | ")));
        }
    };
    line(out, "tickers", &c.tickers);
    line(out, "en", &c.en);
    line(out, "zh-Hans", &c.zh_hans);
    line(out, "zh-Hant", &c.zh_hant);
}

/// Writes `rows` under `header` as CSV, or `text`, to `sink`.
fn emit(
    sink: &mut Sink,
    csv: bool,
    header: [&str; 6],
    rows: Vec<[String; 6]>,
    text: String,
) -> Result<()> {
    if csv {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(header)?;
        for r in rows {
            w.write_record(r)?;
        }
        sink.put(&w.into_inner().context("writing the CSV")?)
    } else {
        sink.put(text.as_bytes())
    }
}

/// Lists the table; problems go to `diag`.
///
/// # Errors
/// Only output failures (a closed pipe included).
pub fn run(config: &TableConfig, diag: &mut Diagnostics) -> Result<()> {
    let mut sink = Sink::open(&config.output)?;
    let name = sink.name().to_string();
    let words = config.words.as_deref();
    let mut text = String::new();
    let (shown, all, what) = match config.table {
        Table::Metrics => {
            let found = match words {
                Some(w) => names::find_metrics(w),
                None => names::metrics().iter().collect(),
            };
            let rows = found
                .iter()
                .map(|m| {
                    metric_text(m, &mut text);
                    [
                        m.name.clone(),
                        kind(m.kind).to_string(),
                        m.concepts.join(" "),
                        m.en.join("|"),
                        m.zh_hans.join("|"),
                        m.zh_hant.join("|"),
                    ]
                })
                .collect();
            let header = ["metric", "kind", "concepts", "en", "zh_hans", "zh_hant"];
            emit(&mut sink, config.csv, header, rows, text)?;
            (found.len(), names::metrics().len(), "metrics")
        }
        Table::Companies => {
            let found = match words {
                Some(w) => names::find_companies(w),
                None => names::companies().iter().collect(),
            };
            let rows = found
                .iter()
                .map(|c| {
                    company_text(c, &mut text);
                    [
                        c.cik.map(|k| k.to_string()).unwrap_or_default(),
                        c.name.clone(),
                        c.tickers.join("|"),
                        c.en.join("|"),
                        c.zh_hans.join("|"),
                        c.zh_hant.join("|"),
                    ]
                })
                .collect();
            let header = ["cik", "name", "tickers", "en", "zh_hans", "zh_hant"];
            emit(&mut sink, config.csv, header, rows, text)?;
            (found.len(), names::companies().len(), "companies")
        }
    };
    sink.finish()
        .with_context(|| format!("{name}: cannot write"))?;
    match words {
        Some(w) => diag.info(format_args!("{shown} of {all} {what} contain \"{w}\"")),
        None => diag.info(format_args!("{all} {what}")),
    }
    Ok(())
}
