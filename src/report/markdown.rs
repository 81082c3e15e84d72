//! Markdown rendering: one document per report, paste-ready for an editor.
//!
//! A heading with the document id and the article date, the counts per
//! verdict, then three tables: contradicted claims (what the ledger says,
//! FX conversion included, the difference and its relative size, the
//! diagnosis and the source), unverifiable claims with the reason, and
//! consistent claims. Figures that could not be read come last. Claims keep
//! their number in the report (1 = first in the text) in every table.
//!
//! Every cell is escaped: `|`, backslashes and the characters that start
//! emphasis, code, links or HTML are backslash-escaped, and line breaks
//! become `<br>`, so article text can never break the table.

use super::{ClaimReport, MentionRecord, Report};
use crate::link::How;
use crate::normalize::{Bound, Kind};
use crate::verify::Verdict;
use rust_decimal::{Decimal, RoundingStrategy};
use std::io::{self, Write};

/// Writes `report` as one Markdown document.
///
/// ```
/// use figcheck::{Aliases, Checker, Extractor, FxRates, Ledger, Policy};
/// let ledger = Ledger::from_csv("entity,metric,period,value,unit,scale\nArm Holdings,market capitalization,2025-01-22,160,USD,billion\n", "l.csv").map_err(|e| e[0].clone())?;
/// let aliases = Aliases::from_csv("kind,alias,canonical\nentity,安谋,Arm Holdings\nmetric,市值,market capitalization\n", "a.csv").map_err(|e| e[0].clone())?;
/// let checker = Checker::new(Extractor::new(), ledger, aliases, FxRates::default(), Policy::default());
/// let report = checker.check("a1", "安谋当前市值约 1980 亿美元。", "2025-01-22".parse().ok());
/// let mut out = Vec::new();
/// figcheck::report::markdown::write(&report, &mut out)?;
/// let md = String::from_utf8(out).expect("markdown is UTF-8");
/// assert!(md.starts_with("# Fact-check: a1\n"));
/// assert!(md.contains("## Contradicted claims (1)"));
/// assert!(md.contains("| 1 | 约 1980 亿美元 (about 198,000,000,000 USD) | 1:7 |"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// Any error of the writer.
pub fn write(report: &Report, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "# Fact-check: {}", inline(&id_text(&report.id)))?;
    writeln!(out)?;
    if let Some(why) = &report.not_checked {
        writeln!(out, "**Not checked**: {}", inline(why))?;
        return Ok(());
    }
    match report.date {
        Some(d) => writeln!(out, "Article date: {d}")?,
        None => writeln!(out, "Article date: unknown")?,
    }
    writeln!(out)?;
    for n in &report.notes {
        writeln!(out, "Note: {}", inline(n))?;
        writeln!(out)?;
    }

    let s = &report.summary;
    writeln!(out, "## Summary")?;
    writeln!(out)?;
    writeln!(out, "- Contradicted: {}", s.contradicted)?;
    writeln!(out, "- Unverifiable: {}", s.unverifiable)?;
    writeln!(out, "- Consistent: {}", s.consistent)?;
    writeln!(out, "- Total: {}", report.claims.len())?;
    if !report.errors.is_empty() {
        writeln!(
            out,
            "- Figures that could not be read: {}",
            report.errors.len()
        )?;
    }
    writeln!(out)?;

    let numbered = || report.claims.iter().enumerate().map(|(i, c)| (i + 1, c));
    let contradicted: Vec<_> = numbered()
        .filter(|(_, c)| c.verdict == Verdict::Contradicted)
        .collect();
    let consistent: Vec<_> = numbered()
        .filter(|(_, c)| c.verdict == Verdict::Consistent)
        .collect();
    let unverifiable: Vec<_> = numbered()
        .filter(|(_, c)| !matches!(c.verdict, Verdict::Contradicted | Verdict::Consistent))
        .collect();

    writeln!(out, "## Contradicted claims ({})", contradicted.len())?;
    writeln!(out)?;
    if contradicted.is_empty() {
        writeln!(out, "None.")?;
    } else {
        writeln!(
            out,
            "| # | Claim | Line:col | About | Ledger says | Difference | Diagnosis | Source |"
        )?;
        writeln!(out, "|--:|---|---|---|---|---|---|---|")?;
        for (n, c) in &contradicted {
            row(
                out,
                &[
                    n.to_string(),
                    claim_words(&c.mention),
                    place(&c.mention),
                    about(c),
                    ledger_words(c),
                    difference_words(c).unwrap_or_default(),
                    c.diagnosis.clone().unwrap_or_else(|| c.reason.clone()),
                    source_words(c),
                ],
            )?;
        }
    }
    writeln!(out)?;

    writeln!(out, "## Unverifiable claims ({})", unverifiable.len())?;
    writeln!(out)?;
    if unverifiable.is_empty() {
        writeln!(out, "None.")?;
    } else {
        writeln!(out, "| # | Claim | Line:col | About | Reason |")?;
        writeln!(out, "|--:|---|---|---|---|")?;
        for (n, c) in &unverifiable {
            row(
                out,
                &[
                    n.to_string(),
                    claim_words(&c.mention),
                    place(&c.mention),
                    about(c),
                    c.reason.clone(),
                ],
            )?;
        }
    }
    writeln!(out)?;

    writeln!(out, "## Consistent claims ({})", consistent.len())?;
    writeln!(out)?;
    if consistent.is_empty() {
        writeln!(out, "None.")?;
    } else {
        writeln!(
            out,
            "| # | Claim | Line:col | About | Ledger says | Difference | Source |"
        )?;
        writeln!(out, "|--:|---|---|---|---|---|---|")?;
        for (n, c) in &consistent {
            row(
                out,
                &[
                    n.to_string(),
                    claim_words(&c.mention),
                    place(&c.mention),
                    about(c),
                    ledger_words(c),
                    difference_words(c).unwrap_or_default(),
                    source_words(c),
                ],
            )?;
        }
    }

    if !report.errors.is_empty() {
        writeln!(out)?;
        writeln!(out, "## Figures that could not be read")?;
        writeln!(out)?;
        for e in &report.errors {
            writeln!(out, "- {}", inline(e))?;
        }
    }
    Ok(())
}

/// One table row; empty cells show a dash.
fn row(out: &mut impl Write, cells: &[String]) -> io::Result<()> {
    let mut line = String::from("|");
    for c in cells {
        line.push(' ');
        if c.is_empty() {
            line.push('—');
        } else {
            line.push_str(&escape(c, "<br>"));
        }
        line.push_str(" |");
    }
    writeln!(out, "{line}")
}

/// Escapes text for a table cell: Markdown punctuation is backslash-escaped
/// and line breaks become `newline`.
fn escape(s: &str, newline: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '~' | '&' => {
                out.push('\\');
                out.push(ch);
            }
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str(newline);
            }
            '\n' | '\u{2028}' | '\u{2029}' | '\u{85}' => out.push_str(newline),
            _ => out.push(ch),
        }
    }
    out
}

/// Escapes text outside tables (headings, list items): line breaks become spaces.
fn inline(s: &str) -> String {
    escape(s, " ")
}

/// The document id as text: a string as given, other JSON values as JSON,
/// and "(no id)" for null.
pub(crate) fn id_text(id: &serde_json::Value) -> String {
    match id {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => "(no id)".to_string(),
        v => v.to_string(),
    }
}

/// "line:column" of a mention.
fn place(m: &MentionRecord) -> String {
    format!("{}:{}", m.line, m.column)
}

/// An exact decimal string with thousands separators in its integer part:
/// "-9000000000" → "-9,000,000,000"; "0.5" stays; anything that is not a
/// plain decimal is returned unchanged.
pub(crate) fn group(s: &str) -> String {
    let (sign, rest) = match s.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", s),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) {
        return s.to_string();
    }
    let mut out = String::from(sign);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// A figure with its unit: "19,000,000,000 USD", "90%", "5 pp".
fn with_unit(value: &str, unit: &str) -> String {
    match unit {
        "%" => format!("{}%", group(value)),
        "" => group(value),
        u => format!("{} {u}", group(value)),
    }
}

/// The claim's unit: its currency, "%" or "pp".
fn claim_unit(m: &MentionRecord) -> String {
    match (m.currency, m.kind) {
        (Some(c), _) => c.to_string(),
        (None, Kind::Percent) if m.points => "pp".to_string(),
        (None, Kind::Percent) => "%".to_string(),
        (None, _) => String::new(),
    }
}

/// How the claim reads once normalized: "about 25,000,000,000 USD",
/// "well under 10,000,000,000 USD", "1,000–2,000 USD", "over 90%".
pub(crate) fn reading(m: &MentionRecord) -> String {
    let unit = claim_unit(m);
    let figure = match (&m.value, &m.min, &m.max) {
        (Some(v), _, _) => with_unit(v, &unit),
        (None, Some(lo), Some(hi)) => with_unit(&format!("{}–{}", group(lo), group(hi)), &unit),
        (None, Some(lo), None) => format!("at least {}", with_unit(lo, &unit)),
        (None, None, Some(hi)) => format!("at most {}", with_unit(hi, &unit)),
        (None, None, None) => "no value".to_string(),
    };
    let bound = match (m.bound, m.inclusive, m.strong) {
        (Some(Bound::Lower), _, true) => "well over ",
        (Some(Bound::Upper), _, true) => "well under ",
        (Some(Bound::Lower), true, false) => "at least ",
        (Some(Bound::Lower), false, false) => "over ",
        (Some(Bound::Upper), true, false) => "at most ",
        (Some(Bound::Upper), false, false) => "under ",
        (None, _, _) => "",
    };
    let approx = if m.approx { "about " } else { "" };
    format!("{approx}{bound}{figure}")
}

/// The claim as written, then how it reads unless that is the same:
/// "约 250 亿美元 (about 25,000,000,000 USD)", "90%".
fn claim_words(m: &MentionRecord) -> String {
    let r = reading(m);
    if r == m.text {
        r
    } else {
        format!("{} ({r})", m.text)
    }
}

/// "SoftBank Group · cash and cash equivalents · 2024-09-30", with a
/// placeholder for what was not found.
pub(crate) fn about(c: &ClaimReport) -> String {
    let period = c
        .period
        .map(|d| d.to_string())
        .unwrap_or_else(|| "no period".to_string());
    let growth = if c.evidence.growth.is_some() {
        " growth"
    } else {
        ""
    };
    let context = c.evidence.context.as_ref().map_or(String::new(), |x| {
        format!(" · {} (“{}”)", x.kind.label(), x.text)
    });
    format!(
        "{} · {}{growth} · {period}{context}",
        c.entity.as_deref().unwrap_or("no entity"),
        c.metric.as_deref().unwrap_or("no metric"),
    )
}

/// "-9,000,000,000 USD (-47.37%)": the difference in the claim's currency
/// (in percentage points for percentages) and relative to the ledger figure.
pub(crate) fn difference_words(c: &ClaimReport) -> Option<String> {
    let d = c.difference.as_deref()?;
    let sign = if d.starts_with('-') || d == "0" {
        ""
    } else {
        "+"
    };
    let rel = c
        .relative_difference
        .as_deref()
        .and_then(percent)
        .map(|p| format!(" ({p})"))
        .unwrap_or_default();
    let unit = match c.mention.currency {
        Some(cur) => cur.to_string(),
        None => "pp".to_string(),
    };
    Some(format!("{sign}{}{rel}", with_unit(d, &unit)))
}

/// A ratio as a signed percentage with two decimals: "-0.473684" → "-47.37%".
pub(crate) fn percent(ratio: &str) -> Option<String> {
    let r = Decimal::from_str_exact(ratio).ok()?;
    let pct = r.checked_mul(Decimal::ONE_HUNDRED)?;
    let pct = pct.round_dp_with_strategy(2, RoundingStrategy::MidpointNearestEven);
    let sign = if pct.is_sign_positive() && !pct.is_zero() {
        "+"
    } else {
        ""
    };
    Some(format!("{sign}{}%", super::decimal(pct)))
}

/// The FX conversion in words: "1 USD = 143.12 JPY on 2024-09-30".
pub(crate) fn fx_words(c: &ClaimReport) -> Option<String> {
    let l = c.ledger.as_ref()?;
    let rate = Decimal::from_str_exact(l.fx_rate.as_deref()?).ok()?;
    let words = crate::verify::fx_words(rate, &l.unit, &claim_unit(&c.mention));
    Some(match l.fx_date {
        Some(d) => format!("{words} on {d}"),
        None => words,
    })
}

/// Where the ledger figure comes from: its source and line.
pub(crate) fn source_words(c: &ClaimReport) -> String {
    match &c.ledger {
        Some(l) if l.filing.is_none() => format!(
            "{} (ledger line {})",
            l.source.as_deref().unwrap_or("no source given"),
            l.line
        ),
        Some(l) => l.provenance(),
        None => String::new(),
    }
}

/// How a link was decided, in words.
pub(crate) fn how_words(h: How) -> &'static str {
    match h {
        How::BeforeInSentence => "before the claim in its sentence",
        How::AfterInSentence => "after the claim in its clause",
        How::PreviousSentence => "carried over from an earlier sentence",
        How::InClause => "in the claim's clause",
        How::InSentence => "in the claim's sentence",
        How::Written => "written in the sentence",
        How::LatestBeforeArticleDate => "latest ledger row before the article date",
        How::ArticleDate => "the article date",
        How::YearAgo => "a year before the period named earlier",
    }
}

/// What the ledger says, FX conversion included:
/// "3,578,000,000,000 JPY = 25,000,000,000 USD (1 USD = 143.12 JPY on 2024-09-30)";
/// empty without a ledger figure.
pub(crate) fn ledger_words(c: &ClaimReport) -> String {
    let Some(l) = &c.ledger else {
        return String::new();
    };
    let own = with_unit(&l.value, &l.unit);
    match fx_words(c) {
        Some(fx) => format!(
            "{own} = {} ({fx})",
            with_unit(&l.converted_value, &claim_unit(&c.mention))
        ),
        None => own,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_cells() {
        assert_eq!(escape("a|b\nc", "<br>"), "a\\|b<br>c");
        assert_eq!(escape("x\r\ny\rz", "<br>"), "x<br>y<br>z");
        assert_eq!(escape("<script>*_`[]", " "), "\\<script\\>\\*\\_\\`\\[\\]");
        assert_eq!(escape("约 250 亿美元", "<br>"), "约 250 亿美元");
    }

    #[test]
    fn groups_digits() {
        assert_eq!(group("-9000000000"), "-9,000,000,000");
        assert_eq!(group("100"), "100");
        assert_eq!(group("1000"), "1,000");
        assert_eq!(group("1234567.891"), "1,234,567.891");
        assert_eq!(group("0.006987143656"), "0.006987143656");
        assert_eq!(group("abc"), "abc");
        assert_eq!(group(""), "");
        assert_eq!(group("-"), "-");
    }

    #[test]
    fn percents() {
        assert_eq!(percent("-0.473684").as_deref(), Some("-47.37%"));
        assert_eq!(percent("0").as_deref(), Some("0%"));
        assert_eq!(percent("0.5").as_deref(), Some("+50%"));
        assert_eq!(percent("x"), None);
    }
}
