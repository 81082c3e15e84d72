//! Terminal rendering: each claim with its place, its sentence with the claim
//! underlined (CJK characters count two columns), the verdict, the links and
//! their evidence, the ledger figure and the difference; then a summary.

use super::{ClaimReport, Report, Summary};
use crate::link::NameLink;
use crate::verify::Verdict;
use std::io::{self, Write};

/// Display width of a char in a terminal: 2 for East Asian wide and
/// full-width characters, 0 for combining marks and zero-width characters.
pub fn char_width(c: char) -> usize {
    match c as u32 {
        0x00..=0x1F | 0x7F..=0x9F => 0,
        0x0300..=0x036F
        | 0x200B..=0x200F
        | 0x2028..=0x202E
        | 0x2060..=0x206F
        | 0xFE00..=0xFE0F
        | 0xFE20..=0xFE2F
        | 0xFEFF => 0,
        0x1100..=0x115F
        | 0x231A..=0x231B
        | 0x2329..=0x232A
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xA960..=0xA97F
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE10..=0xFE19
        | 0xFE30..=0xFE6F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x1F300..=0x1F64F
        | 0x1F900..=0x1F9FF
        | 0x20000..=0x2FFFD
        | 0x30000..=0x3FFFD => 2,
        _ => 1,
    }
}

/// Display width of a string.
pub fn width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

struct Style {
    color: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn verdict(&self, v: Verdict) -> String {
        let (code, word) = match v {
            Verdict::Consistent => ("1;32", "CONSISTENT"),
            Verdict::Contradicted => ("1;31", "CONTRADICTED"),
            _ => ("1;33", "UNVERIFIABLE"),
        };
        self.paint(code, word)
    }
}

use super::markdown::how_words as how;

fn name_line(label: &str, n: &Option<NameLink>) -> String {
    match n {
        Some(n) => format!(
            "  {label:<8} {} ← \"{}\" ({})",
            n.name,
            n.text.replace('\n', " "),
            how(n.how)
        ),
        None => format!("  {label:<8} (none found)"),
    }
}

/// The line around a claim: up to `room` columns either side, cut at line
/// ends. Only that much is looked at, so a claim on a line of 100 MB costs
/// no more than one on a short line.
fn context(text: &str, start: usize, end: usize, room: usize) -> (String, usize, usize) {
    // at most this many chars either side, whatever their width (zero-width
    // chars would otherwise let the walk run on)
    let most = room * 4;
    let mut from = start;
    let mut w = 0;
    let mut cut_before = false;
    for (n, (i, c)) in text[..start].char_indices().rev().enumerate() {
        if c == '\n' {
            break;
        }
        w += char_width(c);
        if w > room || n >= most {
            cut_before = true;
            break;
        }
        from = i;
    }
    let mut to = end;
    let mut w = 0;
    let mut cut_after = false;
    for (n, (i, c)) in text[end..].char_indices().enumerate() {
        if c == '\n' {
            break;
        }
        w += char_width(c);
        if w > room || n >= most {
            cut_after = true;
            break;
        }
        to = end + i + c.len_utf8();
    }
    let lead = if cut_before { "…" } else { "" };
    let tail = if cut_after { "…" } else { "" };
    let shown = format!("{lead}{}{tail}", &text[from..to]).replace('\t', " ");
    let pad = width(lead) + width(&text[from..start]);
    let under = width(&text[start..end]).max(1);
    (shown, pad, under)
}

fn claim(
    out: &mut impl Write,
    label: &str,
    text: &str,
    c: &ClaimReport,
    st: &Style,
) -> io::Result<()> {
    let m = &c.mention;
    writeln!(
        out,
        "{}:{}:{}  {}  {}",
        label,
        m.line,
        m.column,
        st.paint("1", &m.text.replace('\n', " ")),
        st.verdict(c.verdict)
    )?;
    let (shown, pad, under) = context(text, m.start, m.end, 30);
    writeln!(out, "  │ {shown}")?;
    writeln!(
        out,
        "  │ {}{}",
        " ".repeat(pad),
        st.paint("36", &"^".repeat(under))
    )?;
    writeln!(out, "{}", name_line("entity", &c.evidence.entity))?;
    writeln!(out, "{}", name_line("metric", &c.evidence.metric))?;
    match &c.evidence.period {
        Some(p) => writeln!(
            out,
            "  {:<8} {} ← \"{}\" ({})",
            "period",
            match (p.fiscal, &c.ledger) {
                (Some(_), Some(l)) => match &l.fiscal {
                    Some(f) => format!("{f} ({})", l.period),
                    None => l.period.to_string(),
                },
                (Some(f), None) => {
                    let year = f.year.map_or(String::new(), |y| format!(" {y}"));
                    match f.quarter {
                        Some(q) => format!("fiscal{year} Q{q}"),
                        None => format!("fiscal{year}"),
                    }
                }
                // a window as a window ("当前": the month up to the article date)
                (None, _) if p.start != p.end => format!("{} to {}", p.start, p.end),
                (None, _) => p.end.to_string(),
            },
            p.text.as_deref().unwrap_or(""),
            how(p.how)
        )?,
        None => match (&c.ledger, c.period) {
            (Some(l), _) => writeln!(
                out,
                "  {:<8} {} (no date written: latest ledger row on or before the article date)",
                "period", l.period
            )?,
            _ => writeln!(out, "  {:<8} (none written)", "period")?,
        },
    }
    if let Some(g) = &c.evidence.growth {
        writeln!(
            out,
            "  {:<8} ← \"{}\" (a change of the metric)",
            "growth", g.text
        )?;
    }
    if let Some(x) = &c.evidence.context {
        writeln!(
            out,
            "  {:<8} {} ← \"{}\"",
            "context",
            x.kind.label(),
            x.text
        )?;
    }
    if let Some(l) = &c.ledger {
        let unit = m
            .currency
            .map(|c| c.to_string())
            .unwrap_or_else(|| "%".into());
        let fx = match (
            l.fx_rate
                .as_deref()
                .and_then(|r| r.parse::<rust_decimal::Decimal>().ok()),
            l.fx_date,
        ) {
            (Some(r), Some(d)) => format!(
                " = {} {unit} ({}, {d})",
                super::markdown::group(&l.converted_value),
                crate::verify::fx_words(r, &l.unit, &unit)
            ),
            _ => String::new(),
        };
        writeln!(
            out,
            "  {:<8} {} {}{fx} — {}",
            "ledger",
            super::markdown::group(&l.value),
            l.unit,
            l.provenance()
        )?;
    }
    if let Some(d) = &c.difference {
        let rel = c
            .relative_difference
            .as_deref()
            .and_then(|r| r.parse::<rust_decimal::Decimal>().ok())
            .and_then(|r| r.checked_mul(rust_decimal::Decimal::ONE_HUNDRED))
            .map(|pct| {
                let pct = pct
                    .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointNearestEven);
                format!(" ({}%)", super::decimal(pct))
            });
        let unit = m
            .currency
            .map(|c| c.to_string())
            .unwrap_or_else(|| if m.points { "pp".into() } else { "%".into() });
        let sign = if d.starts_with('-') || d == "0" {
            ""
        } else {
            "+"
        };
        writeln!(
            out,
            "  {:<8} {sign}{} {unit}{}",
            "diff",
            super::markdown::group(d),
            rel.unwrap_or_default()
        )?;
    }
    if let Some(d) = &c.diagnosis {
        // the diagnosis, and the rule the claim was held to
        let rule = c.reason.rsplit_once(d.as_str()).map_or("", |(_, r)| r);
        writeln!(out, "  {:<8} {}{rule}", "why", st.paint("31", d))?;
    } else {
        writeln!(out, "  {:<8} {}", "why", c.reason)?;
    }
    writeln!(out)
}

/// How a text report is written: the name its lines start with, the
/// document's text (for the excerpt under each claim), and whether to color.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options<'a> {
    /// What each line starts with, e.g. the file name.
    pub label: &'a str,
    /// The text the report is about.
    pub text: &'a str,
    /// ANSI colors (for a terminal).
    pub color: bool,
}

/// Writes the report of a document as `options` say.
///
/// ```
/// use figcheck::report::text::{write, Options};
/// let report = figcheck::Report::not_checked("a.txt", "a.txt:1:1: invalid UTF-8".into());
/// let mut out = Vec::new();
/// write(&report, &Options { label: "a.txt", ..Options::default() }, &mut out)?;
/// assert_eq!(String::from_utf8(out)?, "a.txt: not checked: a.txt:1:1: invalid UTF-8\n");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// Any error of the writer.
pub fn write(report: &Report, options: &Options<'_>, out: &mut impl Write) -> io::Result<()> {
    let Options { label, text, color } = *options;
    let st = Style { color };
    if let Some(why) = &report.not_checked {
        return writeln!(out, "{label}: not checked: {why}");
    }
    for c in &report.claims {
        claim(out, label, text, c, &st)?;
    }
    write_end(report, options, out)
}

/// Writes one claim as [`write`] does, for a report written claim by claim
/// ([`crate::Checker::checking`]): the claims in order, then [`write_end`].
///
/// # Errors
/// Any error of the writer.
pub fn write_claim(c: &ClaimReport, options: &Options<'_>, out: &mut impl Write) -> io::Result<()> {
    let st = Style {
        color: options.color,
    };
    claim(out, options.label, options.text, c, &st)
}

/// Writes what follows a report's claims: its errors, notes and summary
/// line.
///
/// # Errors
/// Any error of the writer.
pub fn write_end(report: &Report, options: &Options<'_>, out: &mut impl Write) -> io::Result<()> {
    let Options { label, color, .. } = *options;
    for e in &report.errors {
        writeln!(out, "{label}:{e}")?;
    }
    for n in &report.notes {
        writeln!(out, "{label}: note: {n}")?;
    }
    summary(out, label, &report.summary, report.date, color)
}

/// Writes one summary line.
///
/// # Errors
/// Any error of the writer.
pub fn summary(
    out: &mut impl Write,
    label: &str,
    s: &Summary,
    date: Option<crate::date::Date>,
    color: bool,
) -> io::Result<()> {
    let st = Style { color };
    let date = date
        .map(|d| format!(" (article date {d})"))
        .unwrap_or_default();
    writeln!(
        out,
        "{label}: {} consistent, {} contradicted, {} unverifiable{date}",
        st.paint("32", &s.consistent.to_string()),
        st.paint("31", &s.contradicted.to_string()),
        st.paint("33", &s.unverifiable.to_string())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths() {
        assert_eq!(width("约 250 亿美元"), 13);
        assert_eq!(width("abc"), 3);
        assert_eq!(width("９０％"), 6);
        assert_eq!(width("a\u{200b}b"), 2);
    }

    #[test]
    fn context_underlines_under_the_claim() {
        let t = "软银的现金约 250 亿美元,持有安谋";
        let s = t.find("约").expect("claim");
        let e = s + "约 250 亿美元".len();
        let (shown, pad, under) = context(t, s, e, 30);
        assert_eq!(shown, t);
        assert_eq!(pad, 10);
        assert_eq!(under, 13);
    }
}
